//! Issuing use cases: keys, achievements, one badge, batches with cancel and
//! resume, revocation, backups.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use badgesmith_app::dto::{
    AchievementInput, IssueSettings, IssuerInput, ProofFormat, RecipientInput,
};
use badgesmith_app::{
    BatchRequest, DesignLibrary, Error, ErrorCode, Issuing, VerifyRequest, baked_text,
    read_manifest, sha256_hex, verify_bytes,
};
use time::OffsetDateTime;
use time::macros::datetime;

const PASS: &str = "a long enough passphrase";

fn now() -> OffsetDateTime {
    datetime!(2026-03-01 10:00 UTC)
}

/// A home with a saved design, an issuer (unlocked) and an achievement.
fn setup(home: &Path, status_list: bool) -> (Issuing, String, String) {
    let design = badgesmith_art::template("coding-club")
        .unwrap()
        .design
        .clone();
    let saved = DesignLibrary::open(home)
        .unwrap()
        .save(None, &design, "2026-03-01T09:00:00Z")
        .unwrap();
    let mut issuing = Issuing::open(home).unwrap();
    let issuer = issuing
        .create_issuer(
            &IssuerInput {
                name: "Riverside Coding Club".into(),
                url: Some("https://coding.example.org".into()),
                status_list_url: status_list
                    .then(|| "https://coding.example.org/status.json".into()),
                ..IssuerInput::default()
            },
            PASS,
            now(),
        )
        .unwrap();
    assert!(issuer.unlocked);
    let achievement = issuing
        .save_achievement(
            None,
            &AchievementInput {
                issuer_id: issuer.id.clone(),
                name: "First Program".into(),
                description: "Wrote and ran a first program.".into(),
                criteria_narrative: Some("Print a greeting.".into()),
                design_id: Some(saved.summary.id),
                ..AchievementInput::default()
            },
            now(),
        )
        .unwrap();
    (issuing, issuer.id, achievement.id)
}

fn recipient(identity: &str) -> RecipientInput {
    RecipientInput {
        identity: identity.into(),
        ..RecipientInput::default()
    }
}

fn local_lists(home: &Path) -> VerifyRequest {
    VerifyRequest {
        local_status: Issuing::local_status_lists(home),
        at: Some("2026-06-01T00:00:00Z".into()),
        ..VerifyRequest::default()
    }
}

#[test]
fn a_locked_key_issues_nothing_and_a_wrong_passphrase_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let (mut issuing, issuer, achievement) = setup(dir.path(), false);
    issuing.lock(&issuer).unwrap();
    let e = issuing
        .issue_one(
            &achievement,
            &recipient("ada@example.org"),
            &IssueSettings::default(),
            now(),
        )
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Locked, "{e}");
    let e = issuing.unlock(&issuer, "not the passphrase").unwrap_err();
    assert_eq!(e.code(), ErrorCode::WrongPassphrase);
    assert!(
        e.to_string()
            .contains("passphrase for Riverside Coding Club is wrong"),
        "{e}"
    );
    assert!(!issuing.is_unlocked(&issuer));
    issuing.unlock(&issuer, PASS).unwrap();
    assert!(issuing.issued("", 0, 10).unwrap().items.is_empty());
}

#[test]
fn one_badge_verifies_and_is_logged_with_its_exact_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut issuing, _, achievement) = setup(dir.path(), true);
    for proof in [ProofFormat::Di, ProofFormat::Jwt] {
        let settings = IssueSettings {
            proof,
            size: 256,
            ..IssueSettings::default()
        };
        let (badge, bytes) = issuing
            .issue_one(
                &achievement,
                &recipient("Ada@Example.org"),
                &settings,
                now(),
            )
            .unwrap();
        assert_eq!(badge.sha256, sha256_hex(&bytes));
        assert!(badge.revocable);
        let mut request = local_lists(dir.path());
        request.recipient = Some("ada@example.org".into());
        let report = verify_bytes(&badge.file_name, &bytes, &request).unwrap();
        assert!(report.valid, "{proof:?}: {:#?}", report.checks);
        let (name, again) = issuing.export_issued(&badge.id).unwrap();
        assert_eq!(name, "ada.png");
        assert_eq!(again, bytes, "re-export is byte-identical");
    }
    assert_eq!(issuing.issued("ada", 0, 10).unwrap().total, 2);
}

#[test]
fn bad_recipients_and_achievements_name_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let (mut issuing, issuer, achievement) = setup(dir.path(), false);
    let mut r = recipient("ada@example.org");
    r.valid_from = Some("2026-05-01".into());
    r.valid_until = Some("2026-04-01".into());
    let e = issuing
        .issue_one(&achievement, &r, &IssueSettings::default(), now())
        .unwrap_err();
    assert!(e.to_string().starts_with("valid until:"), "{e}");
    let e = issuing
        .issue_one(
            &achievement,
            &recipient("ada at example"),
            &IssueSettings::default(),
            now(),
        )
        .unwrap_err();
    assert!(e.to_string().starts_with("recipient:"), "{e}");
    let e = issuing
        .save_achievement(
            None,
            &AchievementInput {
                issuer_id: issuer,
                name: "X".into(),
                description: "Y".into(),
                ..AchievementInput::default()
            },
            now(),
        )
        .unwrap_err();
    assert!(e.to_string().starts_with("criteria:"), "{e}");
}

fn csv(rows: usize) -> Vec<u8> {
    let mut out = String::from("email,name\n");
    for i in 0..rows {
        out.push_str(&format!("person{i}@example.org,Person {i}\n"));
    }
    out.into_bytes()
}

#[test]
fn a_cancelled_batch_resumes_without_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let (mut issuing, _, achievement) = setup(dir.path(), true);
    let bytes = csv(150);
    let settings = IssueSettings {
        size: 128,
        ..IssueSettings::default()
    };
    let request = BatchRequest {
        achievement_id: &achievement,
        csv_name: "people.csv",
        csv: &bytes,
        output_dir: &out,
        settings: &settings,
    };
    let cancel = AtomicBool::new(false);
    let first = issuing
        .run_batch(
            &request,
            now(),
            &mut |p| {
                if p.done >= 40 {
                    cancel.store(true, Ordering::Relaxed);
                }
            },
            &cancel,
        )
        .unwrap();
    assert!(first.cancelled);
    assert!(first.issued >= 40 && first.issued < 150, "{first:?}");

    let preview = issuing
        .preview_batch(&achievement, "people.csv", &bytes, Some(&out), &settings)
        .unwrap();
    let marked = preview.rows.iter().filter(|r| r.already_issued).count();
    assert_eq!(marked as u32, first.issued);

    let second = issuing
        .run_batch(&request, now(), &mut |_| {}, &AtomicBool::new(false))
        .unwrap();
    assert!(!second.cancelled);
    assert_eq!(second.already_issued, first.issued);
    assert_eq!(second.issued + second.already_issued, 150);

    let manifest = read_manifest(&std::fs::read_to_string(out.join("manifest.csv")).unwrap());
    assert_eq!(manifest.len(), 150);
    let mut ids: Vec<&String> = manifest.iter().map(|m| &m["credential_id"]).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 150, "one credential per row");
    for m in &manifest {
        let file = std::fs::read(out.join(&m["file"])).unwrap();
        assert_eq!(sha256_hex(&file), m["sha256"]);
        assert!(baked_text(&file).unwrap().contains(&m["credential_id"]));
    }
    assert_eq!(issuing.issued("", 0, 500).unwrap().total, 150);
}

#[test]
fn a_csv_with_row_errors_issues_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let (mut issuing, _, achievement) = setup(dir.path(), false);
    let bytes = b"email,name\nada@example.org,Ada\nnope,Bad\nADA@example.org,Dup\n".to_vec();
    let e = issuing
        .run_batch(
            &BatchRequest {
                achievement_id: &achievement,
                csv_name: "people.csv",
                csv: &bytes,
                output_dir: &out,
                settings: &IssueSettings::default(),
            },
            now(),
            &mut |_| {},
            &AtomicBool::new(false),
        )
        .unwrap_err();
    let text = e.to_string();
    assert!(
        text.starts_with("people.csv: 2 of 3 rows have errors, so nothing was issued"),
        "{text}"
    );
    assert!(
        text.contains("line 3:") && text.contains("line 4:"),
        "{text}"
    );
    assert!(!out.exists() || std::fs::read_dir(&out).unwrap().next().is_none());
    assert_eq!(issuing.issued("", 0, 10).unwrap().total, 0);
}

#[test]
fn revoking_rewrites_the_signed_status_list() {
    let dir = tempfile::tempdir().unwrap();
    let (mut issuing, _, achievement) = setup(dir.path(), true);
    let settings = IssueSettings {
        size: 128,
        ..IssueSettings::default()
    };
    let (ada, ada_png) = issuing
        .issue_one(
            &achievement,
            &recipient("ada@example.org"),
            &settings,
            now(),
        )
        .unwrap();
    let (_, bob_png) = issuing
        .issue_one(
            &achievement,
            &recipient("bob@example.org"),
            &settings,
            now(),
        )
        .unwrap();
    let r = issuing
        .revoke(&ada.id, Some("left the club"), now())
        .unwrap();
    assert_eq!(r.badge.revoked_reason.as_deref(), Some("left the club"));
    assert_eq!(r.status_list_url, "https://coding.example.org/status.json");
    assert!(Path::new(&r.status_list_file).exists());
    let ada_report = verify_bytes("ada.png", &ada_png, &local_lists(dir.path())).unwrap();
    assert!(!ada_report.valid);
    let bob_report = verify_bytes("bob.png", &bob_png, &local_lists(dir.path())).unwrap();
    assert!(bob_report.valid, "{:#?}", bob_report.checks);
}

#[test]
fn a_badge_without_a_status_list_cannot_be_revoked() {
    let dir = tempfile::tempdir().unwrap();
    let (mut issuing, _, achievement) = setup(dir.path(), false);
    let (badge, _) = issuing
        .issue_one(
            &achievement,
            &recipient("ada@example.org"),
            &IssueSettings::default(),
            now(),
        )
        .unwrap();
    assert!(!badge.revocable);
    let e = issuing.revoke(&badge.id, None, now()).unwrap_err();
    assert!(matches!(e, Error::Usage(_)));
    assert!(e.to_string().contains("cannot be revoked"), "{e}");
}

#[test]
fn a_backup_restores_the_same_issuer_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let (mut issuing, issuer, achievement) = setup(dir.path(), true);
    issuing
        .issue_one(
            &achievement,
            &recipient("ada@example.org"),
            &IssueSettings::default(),
            now(),
        )
        .unwrap();
    let backup = issuing.backup(&issuer).unwrap();
    assert!(!backup.contains(PASS));
    let other = tempfile::tempdir().unwrap();
    let mut elsewhere = Issuing::open(other.path()).unwrap();
    let e = elsewhere
        .restore("key.badgesmith-issuer", &backup, "wrong passphrase", now())
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::WrongPassphrase);
    assert!(elsewhere.issuers().unwrap().is_empty());
    let restored = elsewhere
        .restore("key.badgesmith-issuer", &backup, PASS, now())
        .unwrap();
    assert_eq!(restored.did, issuing.issuer(&issuer).unwrap().did);
    assert_eq!(
        restored.status_list_url.as_deref(),
        Some("https://coding.example.org/status.json")
    );
    let again = elsewhere
        .restore("key.badgesmith-issuer", &backup, PASS, now())
        .unwrap_err();
    assert!(again.to_string().contains("already the key"), "{again}");
    let e = elsewhere
        .restore("notes.txt", "{\"hello\":1}", PASS, now())
        .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("notes.txt: this is not a Badgesmith issuer backup"),
        "{e}"
    );
}

#[test]
fn seeds_from_other_tools_give_their_did() {
    let mut issuing = Issuing::in_memory().unwrap();
    let input = IssuerInput {
        name: "Moved Org".into(),
        ..IssuerInput::default()
    };
    let a = issuing
        .import_seed(&input, &"07".repeat(32), PASS, now())
        .unwrap();
    let mut other = Issuing::in_memory().unwrap();
    let b = other
        .import_seed(
            &input,
            &badgesmith_credential::multibase::encode_base58btc(&[7u8; 32]),
            PASS,
            now(),
        )
        .unwrap();
    assert_eq!(a.did, b.did);
    let e = issuing
        .import_seed(&input, "12345", PASS, now())
        .unwrap_err();
    assert!(e.to_string().starts_with("seed:"), "{e}");
    let e = issuing.create_issuer(&input, "short", now()).unwrap_err();
    assert!(e.to_string().contains("at least 8 characters"), "{e}");
    let e = issuing
        .create_issuer(
            &IssuerInput {
                name: " ".into(),
                ..IssuerInput::default()
            },
            PASS,
            now(),
        )
        .unwrap_err();
    assert!(e.to_string().starts_with("name:"), "{e}");
}
