//! The issuing tables: issuers, achievements, batches and the issued log.

use badgesmith_store::{
    AchievementRecord, BatchRecord, IssuedRecord, IssuerFields, IssuerRecord, Store, StoreError,
};

const T0: &str = "2025-03-01T10:00:00Z";
const T1: &str = "2025-03-02T10:00:00Z";

fn issuer(id: &str, did: &str) -> IssuerRecord {
    IssuerRecord {
        id: id.into(),
        did: did.into(),
        fields: IssuerFields {
            name: "Riverside Coding Club".into(),
            status_list_url: Some("https://example.org/status.json".into()),
            ..IssuerFields::default()
        },
        sealed_key: "{\"sealed\":true}".into(),
        created_at: T0.into(),
        updated_at: T0.into(),
        issued_count: 0,
    }
}

fn achievement(id: &str, issuer_id: &str) -> AchievementRecord {
    AchievementRecord {
        id: id.into(),
        issuer_id: issuer_id.into(),
        name: "First Program".into(),
        body: "{}".into(),
        created_at: T0.into(),
        updated_at: T0.into(),
        ..AchievementRecord::default()
    }
}

fn issued(id: &str, row: Option<u32>, recipient: &str, status: Option<u32>) -> IssuedRecord {
    IssuedRecord {
        id: id.into(),
        issuer_id: "i1".into(),
        achievement_id: "a1".into(),
        batch_id: row.map(|_| "b1".into()),
        batch_row: row,
        recipient: recipient.into(),
        recipient_name: Some(format!("Name of {recipient}")),
        achievement_name: "First Program".into(),
        issuer_name: "Riverside Coding Club".into(),
        issued_at: T1.into(),
        valid_from: T1.into(),
        format: "png".into(),
        proof: "di".into(),
        file_name: format!("{id}.png"),
        sha256: "00".into(),
        status_index: status,
        image_sha256: "img".into(),
        ..IssuedRecord::default()
    }
}

fn store() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    s.insert_issuer(&issuer("i1", "did:key:z6Mk1")).unwrap();
    s.insert_achievement(&achievement("a1", "i1")).unwrap();
    s.put_badge_image("img", "image/png", b"png").unwrap();
    s
}

#[test]
fn issuers_are_unique_by_did_and_found_by_name_or_id() {
    let mut s = store();
    let e = s.insert_issuer(&issuer("i2", "did:key:z6Mk1")).unwrap_err();
    assert!(
        matches!(e, StoreError::Exists { what: "issuer", .. }),
        "{e}"
    );
    s.insert_issuer(&issuer("i2", "did:key:z6Mk2")).unwrap();
    assert_eq!(s.list_issuers().unwrap().len(), 2);
    assert_eq!(s.find_issuers("i1").unwrap()[0].did, "did:key:z6Mk1");
    assert_eq!(s.find_issuers("riverside coding club").unwrap().len(), 2);
    assert_eq!(s.find_issuers("did:key:z6Mk2").unwrap()[0].id, "i2");
    let mut fields = s.get_issuer("i1").unwrap().unwrap().fields;
    fields.name = "Riverside Code Club".into();
    s.update_issuer("i1", &fields, T1).unwrap();
    let got = s.get_issuer("i1").unwrap().unwrap();
    assert_eq!(got.fields.name, "Riverside Code Club");
    assert_eq!(got.updated_at, T1);
    assert!(matches!(
        s.update_issuer("nope", &fields, T1),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn status_positions_are_never_handed_out_twice() {
    let mut s = store();
    assert_eq!(s.reserve_status_positions("i1", 3).unwrap(), 0);
    assert_eq!(s.reserve_status_positions("i1", 2).unwrap(), 3);
    assert_eq!(s.reserve_status_positions("i1", 1).unwrap(), 5);
    assert!(s.reserve_status_positions("nope", 1).is_err());
}

#[test]
fn achievements_list_and_update() {
    let mut s = store();
    let mut a = achievement("a2", "i1");
    a.created_at = T1.into();
    a.updated_at = T1.into();
    s.insert_achievement(&a).unwrap();
    let list = s.list_achievements(Some("i1")).unwrap();
    assert_eq!(
        list.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
        ["a2", "a1"]
    );
    assert!(s.list_achievements(Some("i2")).unwrap().is_empty());
    a.name = "Second Program".into();
    a.body = "{\"x\":1}".into();
    s.update_achievement(&a).unwrap();
    assert_eq!(
        s.find_achievements("second program").unwrap()[0].body,
        "{\"x\":1}"
    );
    assert!(s.insert_achievement(&a).is_err());
    // An achievement must belong to an existing issuer.
    assert!(s.insert_achievement(&achievement("a3", "ghost")).is_err());
}

#[test]
fn the_issued_log_keeps_exact_text_searches_and_revokes() {
    let mut s = store();
    s.insert_batch(&BatchRecord {
        id: "b1".into(),
        achievement_id: "a1".into(),
        csv_sha256: "abc".into(),
        output_dir: "/out".into(),
        settings: "png".into(),
        total: 3,
        created_at: T0.into(),
        finished_at: None,
    })
    .unwrap();
    let text = "{\"exact\":  \"bytes\"}";
    s.insert_issued(&[
        (
            issued("urn:uuid:1", Some(0), "ada@example.org", Some(10)),
            text,
        ),
        (
            issued("urn:uuid:2", Some(1), "bob@example.org", Some(11)),
            text,
        ),
    ])
    .unwrap();
    // The same row of a batch cannot be logged twice, and nothing of a
    // failed insert is kept.
    let e = s.insert_issued(&[
        (
            issued("urn:uuid:3", Some(2), "carol@example.org", Some(12)),
            text,
        ),
        (
            issued("urn:uuid:4", Some(1), "bob@example.org", Some(13)),
            text,
        ),
    ]);
    assert!(e.is_err());
    assert_eq!(s.batch_issued("b1").unwrap().len(), 2);
    assert_eq!(s.issued_credential("urn:uuid:1").unwrap().unwrap(), text);

    let (page, total) = s.list_issued("", 0, 10).unwrap();
    assert_eq!((page.len(), total), (2, 2));
    assert_eq!(page[0].id, "urn:uuid:2", "newest (highest row) first");
    let (page, total) = s.list_issued("ADA", 0, 10).unwrap();
    assert_eq!((page[0].recipient.as_str(), total), ("ada@example.org", 1));
    assert_eq!(s.list_issued("100%", 0, 10).unwrap().1, 0);
    assert_eq!(s.find_issued("2").unwrap()[0].id, "urn:uuid:2");

    s.revoke_issued("urn:uuid:2", T1, Some("left the club"))
        .unwrap();
    s.revoke_issued("urn:uuid:2", "2025-04-01T00:00:00Z", None)
        .unwrap();
    let r = s.get_issued("urn:uuid:2").unwrap().unwrap();
    assert_eq!(r.revoked_at.as_deref(), Some(T1));
    assert_eq!(r.revoked_reason.as_deref(), Some("left the club"));
    assert_eq!(s.revoked_positions("i1").unwrap(), [11]);
    assert_eq!(s.get_issuer("i1").unwrap().unwrap().issued_count, 2);
    assert_eq!(s.get_achievement("a1").unwrap().unwrap().issued_count, 2);

    assert!(s.find_batch("a1", "abc", "/out", "png").unwrap().is_some());
    assert!(
        s.find_batch("a1", "abc", "/elsewhere", "png")
            .unwrap()
            .is_none()
    );
    s.finish_batch("b1", T1).unwrap();
    assert_eq!(
        s.find_batch("a1", "abc", "/out", "png")
            .unwrap()
            .unwrap()
            .finished_at
            .as_deref(),
        Some(T1)
    );
}

#[cfg(unix)]
#[test]
fn the_database_file_is_private() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("badgesmith.db");
    let mut s = Store::open(&path).unwrap();
    s.insert_issuer(&issuer("i1", "did:key:z6Mk1")).unwrap();
    for suffix in ["", "-wal", "-shm"] {
        let p = dir.path().join(format!("badgesmith.db{suffix}"));
        if let Ok(m) = std::fs::metadata(&p) {
            assert_eq!(m.permissions().mode() & 0o777, 0o600, "{}", p.display());
        }
    }
}
