//! The wallet's use cases: importing from files and pasted text, the same
//! badge twice, re-verifying, "is this mine?", tags, collections, the trash
//! and backups.

use std::path::{Path, PathBuf};

use badgesmith_app::dto::{
    AchievementInput, ImportResult, IssueSettings, IssuerInput, RecipientInput, WalletQuery,
    WalletSortOrder, WalletStatus,
};
use badgesmith_app::{DesignLibrary, Error, ErrorCode, Issuing, VerifyRequest, Wallet};
use time::macros::datetime;

fn vector(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/vectors")
        .join(rel)
}

/// Issues one signed OB 3.0 PNG badge to `email` in `home`; its bytes.
fn issued_png(home: &Path, email: &str) -> Vec<u8> {
    let design = badgesmith_art::template("gold-award")
        .unwrap()
        .design
        .clone();
    let saved = DesignLibrary::open(home)
        .unwrap()
        .save(None, &design, "2026-03-01T09:00:00Z")
        .unwrap();
    let now = datetime!(2026-03-01 10:00 UTC);
    let mut issuing = Issuing::open(home).unwrap();
    let issuer = issuing
        .create_issuer(
            &IssuerInput {
                name: "Lakeside Choir".into(),
                ..IssuerInput::default()
            },
            "a long enough passphrase",
            now,
        )
        .unwrap();
    let achievement = issuing
        .save_achievement(
            None,
            &AchievementInput {
                issuer_id: issuer.id,
                name: "Soloist".into(),
                description: "Sang a solo at the spring concert.".into(),
                criteria_narrative: Some("Sing one verse alone.".into()),
                design_id: Some(saved.summary.id),
                tags: vec!["music".into()],
                ..AchievementInput::default()
            },
            now,
        )
        .unwrap();
    let recipient = RecipientInput {
        identity: email.into(),
        name: Some("Mira".into()),
        ..RecipientInput::default()
    };
    let (_, bytes) = issuing
        .issue_one(&achievement.id, &recipient, &IssueSettings::default(), now)
        .unwrap();
    bytes
}

fn offline() -> VerifyRequest {
    VerifyRequest::default()
}

#[test]
fn an_issued_badge_imports_with_its_facts_image_and_checklist() {
    let home = tempfile::tempdir().unwrap();
    let png = issued_png(home.path(), "mira@example.org");
    let file = home.path().join("soloist.png");
    std::fs::write(&file, &png).unwrap();

    let mut wallet = Wallet::open(home.path()).unwrap();
    let report = wallet
        .import_paths(std::slice::from_ref(&file), &offline(), &mut |_| {})
        .unwrap();
    assert_eq!(report.added, 1, "{report:?}");
    let id = report.items[0].badge_id.clone().unwrap();
    assert_eq!(report.items[0].status, Some(WalletStatus::Valid));

    let d = wallet.show(&id).unwrap();
    assert_eq!(d.badge.name, "Soloist");
    assert_eq!(d.badge.issuer.as_deref(), Some("Lakeside Choir"));
    assert!(
        d.facts
            .issuer
            .id
            .as_deref()
            .unwrap()
            .starts_with("did:key:z6Mk")
    );
    assert_eq!(d.facts.criteria.as_deref(), Some("Sing one verse alone."));
    assert_eq!(d.facts.keywords, ["music"]);
    assert_eq!(d.facts.recipient.name.as_deref(), Some("Mira"));
    assert!(d.facts.recipient.hashed);
    assert!(
        d.image
            .as_deref()
            .unwrap()
            .starts_with("data:image/png;base64,")
    );
    assert!(d.badge.thumbnail.is_some());
    assert!(d.verification.valid);
    assert_eq!(wallet.original(&id).unwrap().1, png, "kept byte for byte");

    // "Is this mine?" against the salted hash.
    let mine = wallet.check_recipient(&id, "Mira@Example.org").unwrap();
    assert!(mine.matches, "{}", mine.message);
    let not_mine = wallet.check_recipient(&id, "someone@example.org").unwrap();
    assert!(!not_mine.matches);
    let empty = wallet.check_recipient(&id, "  ").unwrap_err();
    assert_eq!(empty.code(), ErrorCode::InvalidRequest);

    // The same file again, and the same badge pasted as its credential text.
    let again = wallet
        .import_paths(&[file], &offline(), &mut |_| {})
        .unwrap();
    assert_eq!(again.items[0].result, ImportResult::AlreadyThere);
    let text = String::from_utf8(wallet.credential(&id).unwrap().1).unwrap();
    let pasted = wallet.import_text(&text, &offline()).unwrap();
    assert_eq!(pasted.items[0].result, ImportResult::AlreadyThere);
    assert_eq!(pasted.items[0].badge_id.as_deref(), Some(id.as_str()));
}

#[test]
fn a_tampered_badge_is_kept_and_marked_invalid() {
    let home = tempfile::tempdir().unwrap();
    let mut wallet = Wallet::open(home.path()).unwrap();
    let good = std::fs::read_to_string(vector("dcc-verifier-core/v2NoStatus.json")).unwrap();
    let tampered = good.replacen("Teamwork", "Leadership", 1);
    assert_ne!(tampered, good);
    let report = wallet.import_text(&tampered, &offline()).unwrap();
    assert_eq!(report.added, 1, "{report:?}");
    let item = &report.items[0];
    assert_eq!(item.status, Some(WalletStatus::Invalid));
    let d = wallet.show(item.badge_id.as_deref().unwrap()).unwrap();
    assert!(!d.verification.valid);
    assert!(
        d.verification
            .checks
            .iter()
            .any(|c| c.id == "proof" && format!("{:?}", c.status) == "Fail")
    );
    // Same issuer, id and signature: the same badge, whatever the text says.
    let again = wallet.import_text(&good, &offline()).unwrap();
    assert_eq!(again.items[0].result, ImportResult::AlreadyThere);

    // Same id, another signature: a second badge, flagged.
    let other =
        std::fs::read_to_string(vector("dcc-verifier-core/v2OBv3SpecExample.json")).unwrap();
    let twin = wallet.import_text(&other, &offline()).unwrap();
    assert_eq!(twin.items[0].result, ImportResult::Added);
    assert!(
        twin.items[0]
            .message
            .as_deref()
            .unwrap()
            .contains("same id but a different signature"),
        "{twin:?}"
    );
    let shown = wallet
        .show(twin.items[0].badge_id.as_deref().unwrap())
        .unwrap();
    assert_eq!(shown.same_id_as, [item.badge_id.clone().unwrap()]);
}

#[test]
fn pasted_text_that_is_no_badge_is_reported_and_nothing_is_stored() {
    let home = tempfile::tempdir().unwrap();
    let mut wallet = Wallet::open(home.path()).unwrap();
    for text in [
        "",
        "hello there",
        "{\"name\": \"just some JSON\"}",
        "eyJhbGciOi.broken",
    ] {
        let report = wallet.import_text(text, &offline()).unwrap();
        assert_eq!(report.not_badges, 1, "{text:?}: {report:?}");
        assert!(report.items[0].message.is_some());
    }
    assert_eq!(wallet.facets().unwrap().total, 0);
}

#[test]
fn pages_tags_collections_and_the_trash() {
    let home = tempfile::tempdir().unwrap();
    let mut wallet = Wallet::open(home.path()).unwrap();
    let folder = vector("dcc-verifier-core");
    let report = wallet
        .import_paths(&[folder], &offline(), &mut |_| {})
        .unwrap();
    assert!(report.added >= 8, "{report:?}");
    let all = wallet.list(&WalletQuery::default()).unwrap();
    assert_eq!(all.total, report.added);
    let by_name = wallet
        .list(&WalletQuery {
            sort: WalletSortOrder::Name,
            limit: 2,
            offset: 1,
            ..WalletQuery::default()
        })
        .unwrap();
    assert_eq!(by_name.badges.len(), 2);
    assert_eq!(by_name.offset, 1);
    let expired = wallet
        .list(&WalletQuery {
            status: Some(WalletStatus::Expired),
            ..WalletQuery::default()
        })
        .unwrap();
    assert!(
        expired
            .badges
            .iter()
            .all(|b| b.status == WalletStatus::Expired)
    );
    assert!(expired.total >= 1);

    let id = all.badges[0].id.clone();
    wallet.set_tags(&id, &["cv".into()]).unwrap();
    let too_long = wallet.set_tags(&id, &["x".repeat(61)]).unwrap_err();
    assert_eq!(too_long.code(), ErrorCode::InvalidRequest);
    let c = wallet.create_collection("  Job applications ").unwrap();
    assert_eq!(c.name, "Job applications");
    let dup = wallet.create_collection("job APPLICATIONS").unwrap_err();
    assert!(matches!(dup, Error::Exists(_)), "{dup}");
    wallet
        .set_membership(&c.id, std::slice::from_ref(&id), true)
        .unwrap();
    assert_eq!(wallet.collections().unwrap()[0].count, 1);
    let html = wallet.collection_html("job applications").unwrap();
    assert!(html.contains("1 badge,"));

    wallet.trash(std::slice::from_ref(&id)).unwrap();
    assert_eq!(wallet.facets().unwrap().trashed, 1);
    assert_eq!(
        wallet.collections().unwrap()[0].count,
        0,
        "the trash is not counted"
    );
    let err = wallet
        .delete_forever(&[all.badges[1].id.clone()])
        .unwrap_err();
    assert!(err.to_string().contains("is not in the trash"), "{err}");
    wallet.restore(std::slice::from_ref(&id)).unwrap();
    wallet.trash(std::slice::from_ref(&id)).unwrap();
    assert_eq!(wallet.empty_trash().unwrap(), 1);
    assert_eq!(wallet.show(&id).unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(wallet.integrity_check().unwrap(), ["ok"]);
}

#[test]
fn reverifying_at_another_time_updates_the_status() {
    let home = tempfile::tempdir().unwrap();
    let mut wallet = Wallet::open(home.path()).unwrap();
    let text = std::fs::read_to_string(vector("dcc-verifier-core/v2NoStatus.json")).unwrap();
    let id = wallet.import_text(&text, &offline()).unwrap().items[0]
        .badge_id
        .clone()
        .unwrap();
    assert_eq!(wallet.show(&id).unwrap().badge.status, WalletStatus::Valid);
    let before = VerifyRequest {
        at: Some("2001-01-01T00:00:00Z".into()),
        ..VerifyRequest::default()
    };
    let d = wallet.reverify(&id, &before).unwrap();
    assert_eq!(
        d.badge.status,
        WalletStatus::Expired,
        "not valid yet reads as outside its dates"
    );
    let d = wallet.reverify(&id, &offline()).unwrap();
    assert_eq!(d.badge.status, WalletStatus::Valid);
}
