//! The wallet tables: badges, tags, collections, the trash and search; and
//! the upgrade of a schema-2 database (the last one without a wallet).
//!
//! `tests/fixtures/schema-2.sqlite` is made by `bless_schema_2_fixture`, which
//! does nothing unless `BLESS=1` is set, and is then kept as it is.

use std::path::{Path, PathBuf};

use badgesmith_store::{
    APPLICATION_ID, Inserted, MIGRATIONS, SCHEMA_VERSION, Store, StoreError, WalletEntry,
    WalletFilter, WalletSort,
};
use rusqlite::Connection;

const T0: &str = "2025-03-01T10:00:00Z";
const T1: &str = "2025-03-02T10:00:00Z";

fn entry(id: &str, name: &str, issuer: &str, issued_on: &str) -> WalletEntry {
    WalletEntry {
        id: id.into(),
        identity: format!("identity of {id}"),
        source_sha256: format!("sha of {id}"),
        credential_id: Some(format!("urn:uuid:{id}")),
        name: name.into(),
        issuer_id: Some(format!("did:key:{issuer}")),
        issuer_name: Some(issuer.into()),
        version: "ob3".into(),
        format: "ob3-json".into(),
        status: "valid".into(),
        issued_on: Some(issued_on.into()),
        expires: None,
        added_at: T0.into(),
        verified_at: T0.into(),
        description: format!("{name}, awarded by {issuer}"),
        skills: "teamwork".into(),
        file_name: format!("{id}.png"),
        file_kind: "png".into(),
        badge_text: format!("{{\"id\":\"{id}\"}}"),
        facts: "{}".into(),
        report: "{}".into(),
        image_type: Some("image/png".into()),
        original: format!("png bytes of {id}").into_bytes(),
        thumbnail: Some(b"thumb".to_vec()),
        ..WalletEntry::default()
    }
}

fn wallet() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    let added = s
        .insert_wallet_badges(&[
            entry("w1", "First Aid", "Red Cross Club", "2025-01-05T00:00:00Z"),
            entry("w2", "Knot Tying", "Scouts", "2025-02-05T00:00:00Z"),
            entry("w3", "Élan Award", "Scouts", "2024-12-01T00:00:00Z"),
        ])
        .unwrap();
    assert_eq!(added, [Inserted::Added, Inserted::Added, Inserted::Added]);
    s
}

fn page(s: &Store, filter: WalletFilter) -> (Vec<String>, u32) {
    let (items, total) = s
        .wallet_page(&WalletFilter {
            limit: 50,
            ..filter
        })
        .unwrap();
    (items.into_iter().map(|i| i.id).collect(), total)
}

fn text(q: &str) -> WalletFilter {
    WalletFilter {
        text: Some(q.into()),
        ..WalletFilter::default()
    }
}

#[test]
fn a_badge_is_kept_exactly_and_recognised_when_added_again() {
    let mut s = wallet();
    let again = entry("w9", "First Aid", "Red Cross Club", T1);
    let again = WalletEntry {
        identity: "identity of w1".into(),
        ..again
    };
    assert_eq!(
        s.insert_wallet_badges(&[again]).unwrap(),
        [Inserted::AlreadyThere("w1".into())]
    );
    let stored = s.wallet_entry("w1").unwrap().unwrap();
    let expected = entry("w1", "First Aid", "Red Cross Club", "2025-01-05T00:00:00Z");
    assert_eq!(stored, expected);
    assert_eq!(
        s.wallet_id_for_identity("identity of w2").unwrap(),
        Some("w2".into())
    );
    assert_eq!(
        s.wallet_ids_with_credential_id("urn:uuid:w3").unwrap(),
        ["w3"]
    );
    assert_eq!(s.wallet_ids().unwrap(), ["w1", "w2", "w3"]);
}

#[test]
fn ids_resolve_from_a_unique_prefix() {
    let mut s = wallet();
    s.insert_wallet_badges(&[entry("x12", "A", "B", T0), entry("x13", "A", "B", T0)])
        .unwrap();
    assert_eq!(s.resolve_wallet_id("w2").unwrap(), Some("w2".into()));
    assert_eq!(s.resolve_wallet_id("x12").unwrap(), Some("x12".into()));
    assert_eq!(s.resolve_wallet_id("nope").unwrap(), None);
    let err = s.resolve_wallet_id("x1").unwrap_err();
    assert!(matches!(err, StoreError::Ambiguous { .. }));
    assert_eq!(
        err.to_string(),
        "x1 could be any of x12, x13 (give more of the wallet badge id)"
    );
}

#[test]
fn pages_sort_and_filter() {
    let s = wallet();
    let sorted = |sort| {
        page(
            &s,
            WalletFilter {
                sort,
                ..WalletFilter::default()
            },
        )
    };
    assert_eq!(
        sorted(WalletSort::Newest),
        (vec!["w2".into(), "w1".into(), "w3".into()], 3)
    );
    assert_eq!(sorted(WalletSort::Oldest).0, ["w3", "w1", "w2"]);
    assert_eq!(sorted(WalletSort::Name).0, ["w3", "w1", "w2"]);
    assert_eq!(sorted(WalletSort::Issuer).0, ["w1", "w3", "w2"]);
    let scouts = page(
        &s,
        WalletFilter {
            issuer: Some("did:key:Scouts".into()),
            ..WalletFilter::default()
        },
    );
    assert_eq!(scouts, (vec!["w2".into(), "w3".into()], 2));
    let second = s
        .wallet_page(&WalletFilter {
            offset: 1,
            limit: 1,
            thumbnails: true,
            ..WalletFilter::default()
        })
        .unwrap();
    assert_eq!(second.1, 3);
    assert_eq!(second.0[0].id, "w1");
    assert_eq!(second.0[0].thumbnail.as_deref(), Some(&b"thumb"[..]));
}

#[test]
fn search_finds_words_by_prefix_ignoring_accents_and_case() {
    let mut s = wallet();
    assert_eq!(page(&s, text("knot")).0, ["w2"]);
    assert_eq!(page(&s, text("elan")).0, ["w3"]);
    assert_eq!(page(&s, text("scouts")).0, ["w2", "w3"]);
    assert_eq!(page(&s, text("fir ai")).0, ["w1"]);
    assert_eq!(page(&s, text("awarded red")).0, ["w1"]);
    assert_eq!(page(&s, text("teamwork")).1, 3);
    assert_eq!(page(&s, text("\"unbalanced OR (")).1, 0);

    s.set_wallet_tags("w1", &["volunteering".into(), " summer ".into()])
        .unwrap();
    assert_eq!(page(&s, text("volunteer")).0, ["w1"]);
    assert_eq!(
        s.wallet_entry("w1").unwrap().unwrap().tags,
        ["summer", "volunteering"]
    );
    let tagged = page(
        &s,
        WalletFilter {
            tag: Some("summer".into()),
            ..WalletFilter::default()
        },
    );
    assert_eq!(tagged.0, ["w1"]);
    s.set_wallet_tags("w1", &[]).unwrap();
    assert_eq!(page(&s, text("volunteer")).1, 0);
}

#[test]
fn the_trash_hides_restores_and_deletes_for_good() {
    let mut s = wallet();
    s.trash_wallet_badges(&["w1".into()], T1).unwrap();
    assert_eq!(page(&s, WalletFilter::default()).0, ["w2", "w3"]);
    assert_eq!(page(&s, text("first")).1, 0);
    let trash = page(
        &s,
        WalletFilter {
            trash: true,
            ..WalletFilter::default()
        },
    );
    assert_eq!(trash.0, ["w1"]);
    assert_eq!(s.wallet_facets().unwrap().trashed, 1);
    s.restore_wallet_badges(&["w1".into()]).unwrap();
    assert_eq!(page(&s, text("first")).0, ["w1"]);

    s.delete_wallet_badges(&["w1".into()]).unwrap();
    assert_eq!(s.wallet_entry("w1").unwrap(), None);
    assert_eq!(page(&s, text("first")).1, 0);
    assert!(matches!(
        s.trash_wallet_badges(&["w1".into()], T1),
        Err(StoreError::NotFound { .. })
    ));
    assert_eq!(s.integrity_check().unwrap(), ["ok"]);
}

#[test]
fn collections_hold_badges_and_names_are_unique() {
    let mut s = wallet();
    s.create_wallet_collection("c1", "Portfolio", T0).unwrap();
    let err = s
        .create_wallet_collection("c2", "portfolio", T0)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "a collection named \"portfolio\" already exists"
    );
    s.set_wallet_membership("c1", &["w3".into(), "w1".into()], true)
        .unwrap();
    s.set_wallet_membership("c1", &["w1".into()], true).unwrap();
    assert_eq!(s.wallet_collection_ids("c1").unwrap(), ["w3", "w1"]);
    assert_eq!(s.wallet_collections_of("w1").unwrap(), ["c1"]);
    let members = page(
        &s,
        WalletFilter {
            collection: Some("c1".into()),
            sort: WalletSort::Name,
            ..WalletFilter::default()
        },
    );
    assert_eq!(members.0, ["w3", "w1"]);
    s.set_wallet_membership("c1", &["w3".into()], false)
        .unwrap();
    s.rename_wallet_collection("c1", "CV").unwrap();
    let all = s.wallet_collections().unwrap();
    assert_eq!((all[0].name.as_str(), all[0].count), ("CV", 1));
    s.delete_wallet_collection("c1").unwrap();
    assert!(s.wallet_collections().unwrap().is_empty());
    assert!(s.wallet_entry("w1").unwrap().is_some());
}

#[test]
fn facets_count_issuers_statuses_and_tags() {
    let mut s = wallet();
    s.set_wallet_tags("w2", &["outdoors".into()]).unwrap();
    s.set_wallet_verification("w3", "revoked", "{\"valid\":false}", T1)
        .unwrap();
    let f = s.wallet_facets().unwrap();
    assert_eq!(f.total, 3);
    let issuers: Vec<_> = f
        .issuers
        .iter()
        .map(|v| (v.label.as_str(), v.count))
        .collect();
    assert_eq!(issuers, [("Red Cross Club", 1), ("Scouts", 2)]);
    let statuses: Vec<_> = f
        .statuses
        .iter()
        .map(|v| (v.value.as_str(), v.count))
        .collect();
    assert_eq!(statuses, [("revoked", 1), ("valid", 2)]);
    assert_eq!(f.tags[0].value, "outdoors");
    let w3 = s.wallet_entry("w3").unwrap().unwrap();
    assert_eq!(
        (w3.status.as_str(), w3.report.as_str()),
        ("revoked", "{\"valid\":false}")
    );
    s.set_wallet_note("w3", "Ask for a new one").unwrap();
    assert_eq!(
        s.wallet_entry("w3").unwrap().unwrap().note,
        "Ask for a new one"
    );
}

// ---------------------------------------------------------- schema 2

fn schema_2_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-2.sqlite")
}

/// Builds, at `path`, a database exactly as Badgesmith wrote it at schema 2,
/// with migrations 1 and 2 and plain SQL only: a design, an issuer, an
/// achievement and one issued badge.
fn schema_2_database(path: &Path) {
    let conn = Connection::open(path).unwrap();
    let mut sql = format!("BEGIN; PRAGMA application_id = {APPLICATION_ID};");
    for (number, migration) in &MIGRATIONS[..2] {
        sql.push_str(migration);
        sql.push_str(&format!("; PRAGMA user_version = {number};"));
    }
    sql.push_str("COMMIT;");
    conn.execute_batch(&sql).unwrap();
    conn.execute_batch(&format!(
        "INSERT INTO designs (id, name, created_at, updated_at, body) \
         VALUES ('d1', 'Gold', '{T0}', '{T0}', '{{}}');
         INSERT INTO issuers (id, did, name, created_at, updated_at, sealed_key) \
         VALUES ('i1', 'did:key:z6Mkold', 'Riverside Coding Club', '{T0}', '{T0}', '{{}}');
         INSERT INTO achievements (id, issuer_id, name, created_at, updated_at, body) \
         VALUES ('a1', 'i1', 'First Program', '{T0}', '{T0}', '{{}}');
         INSERT INTO badge_images (sha256, mime, bytes) VALUES ('img', 'image/png', x'89');"
    ))
    .unwrap();
    conn.execute_batch("VACUUM").unwrap();
}

fn assert_schema_2_opens(path: &Path) {
    let mut store = Store::open(path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(
        store.get_issuer("i1").unwrap().unwrap().fields.name,
        "Riverside Coding Club"
    );
    assert_eq!(
        store.get_achievement("a1").unwrap().unwrap().name,
        "First Program"
    );
    assert_eq!(store.list_designs().unwrap().len(), 1);
    assert_eq!(store.wallet_facets().unwrap().total, 0);
    store
        .insert_wallet_badges(&[entry("w1", "First Aid", "Red Cross Club", T0)])
        .unwrap();
    assert_eq!(page(&store, text("aid")).0, ["w1"]);
    assert_eq!(store.integrity_check().unwrap(), ["ok"]);
}

/// Rewrites `tests/fixtures/schema-2.sqlite`; only with `BLESS=1`.
#[test]
fn bless_schema_2_fixture() {
    if std::env::var_os("BLESS").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let built = dir.path().join("schema-2.sqlite");
    schema_2_database(&built);
    std::fs::copy(&built, schema_2_fixture()).unwrap();
}

#[test]
fn a_schema_2_database_gains_an_empty_wallet() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    schema_2_database(&path);
    assert_schema_2_opens(&path);
}

#[test]
fn the_committed_schema_2_fixture_opens_with_its_issuing_data() {
    let bytes = std::fs::read(schema_2_fixture()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("schema-2.sqlite");
    std::fs::write(&path, &bytes).unwrap();
    {
        let raw = Connection::open(&path).unwrap();
        let version: u32 = raw
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, 2, "the fixture is at schema 2");
    }
    assert_schema_2_opens(&path);
}

#[test]
fn a_search_with_many_matches_pages_in_order_without_the_trash() {
    let mut s = Store::open_in_memory().unwrap();
    let entries: Vec<WalletEntry> = (0..1500)
        .map(|i| {
            let day = format!("2024-01-01T00:00:{:02}Z", i % 60);
            let mut e = entry(
                &format!("m{i:04}"),
                &format!("Sailing {i}"),
                "Harbour",
                &day,
            );
            e.issued_on = Some(format!("{}{:04}", &day[..17], i));
            e
        })
        .collect();
    s.insert_wallet_badges(&entries).unwrap();
    s.trash_wallet_badges(&["m1499".into(), "m0003".into()], T1)
        .unwrap();
    let (items, total) = s
        .wallet_page(&WalletFilter {
            text: Some("sail".into()),
            limit: 3,
            ..WalletFilter::default()
        })
        .unwrap();
    assert_eq!(total, 1498);
    let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        ["m1498", "m1497", "m1496"],
        "newest first, the trash left out"
    );
    let (items, _) = s
        .wallet_page(&WalletFilter {
            text: Some("sail".into()),
            sort: WalletSort::Name,
            offset: 1,
            limit: 2,
            ..WalletFilter::default()
        })
        .unwrap();
    let names: Vec<&str> = items.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["Sailing 1", "Sailing 10"]);
}

#[test]
fn a_fresh_reading_replaces_the_facts_and_keeps_the_users_things() {
    let mut s = wallet();
    s.set_wallet_tags("w1", &["keep".into()]).unwrap();
    s.set_wallet_note("w1", "mine").unwrap();
    let fresh = WalletEntry {
        description: "Read again from the issuer's site".into(),
        skills: "bandaging".into(),
        status: "revoked".into(),
        facts: "{\"name\":\"First Aid Plus\"}".into(),
        thumbnail: None,
        verified_at: T1.into(),
        ..entry("ignored", "First Aid Plus", "Red Cross Club", T1)
    };
    s.refresh_wallet_badge("w1", &fresh).unwrap();
    let e = s.wallet_entry("w1").unwrap().unwrap();
    assert_eq!(
        (e.name.as_str(), e.status.as_str()),
        ("First Aid Plus", "revoked")
    );
    assert_eq!(
        (e.tags.as_slice(), e.note.as_str()),
        (&["keep".to_owned()][..], "mine")
    );
    assert_eq!((e.added_at.as_str(), e.verified_at.as_str()), (T0, T1));
    assert_eq!(e.identity, "identity of w1");
    assert_eq!(e.thumbnail, None);
    assert_eq!(page(&s, text("bandaging")).0, ["w1"]);
    assert_eq!(
        page(&s, text("plus keep")).0,
        ["w1"],
        "the tags stay searchable"
    );
    assert!(matches!(
        s.refresh_wallet_badge("nope", &fresh),
        Err(StoreError::NotFound { .. })
    ));
}
