//! Credentials built and signed here pass Badgesmith's own verifier, both
//! proofs, and revocation through a signed status list works end to end.

use std::collections::HashMap;

use badgesmith_credential::{CheckId, CheckStatus, Fetcher, VerifyOptions, verify_text};
use badgesmith_issuing::credential::{format_uuid, sign};
use badgesmith_issuing::status::{index_for, list_credential};
use badgesmith_issuing::*;
use time::OffsetDateTime;
use time::macros::datetime;

const PNG_1PX: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

fn issuer(key: &IssuerKey) -> IssuerInfo {
    IssuerInfo {
        did: key.did().to_owned(),
        name: "Riverside Coding Club".into(),
        url: Some("https://coding.example.org".into()),
        email: Some("club@example.org".into()),
        description: Some("After-school coding".into()),
        image: Some(PNG_1PX.into()),
    }
}

fn achievement() -> AchievementInfo {
    AchievementInfo {
        id: format_uuid([1; 16]),
        name: "First Program".into(),
        description: "Wrote and ran a first program.".into(),
        criteria_narrative: Some("Write a program that prints a greeting.".into()),
        criteria_url: Some("https://coding.example.org/criteria".into()),
        image: Some(PNG_1PX.into()),
        tags: vec!["coding".into(), " ".into()],
        alignments: vec![Alignment {
            target_name: "Programming".into(),
            target_url: "https://example.org/skills/programming".into(),
            target_framework: Some("Club skills".into()),
            ..Alignment::default()
        }],
        results: vec![ResultDescription {
            id: format_uuid([2; 16]),
            name: "Program runs".into(),
            result_type: "Status".into(),
        }],
    }
}

fn award(recipient: Recipient, status: Option<StatusEntry>) -> Award {
    Award {
        credential_id: format_uuid([3; 16]),
        recipient,
        salt: "a1b2c3".into(),
        recipient_name: Some("Ada Lovelace".into()),
        evidence_url: Some("https://coding.example.org/ada/hello".into()),
        evidence_narrative: Some("Printed hello in three languages.".into()),
        valid_from: datetime!(2025-01-01 09:00 UTC),
        valid_until: Some(datetime!(2030-01-01 00:00 UTC)),
        status,
    }
}

fn at() -> OffsetDateTime {
    datetime!(2026-01-01 00:00 UTC)
}

#[test]
fn data_integrity_and_jwt_credentials_verify() {
    let key = IssuerKey::from_seed(&[5; 32]);
    let template = Template::new(&issuer(&key), &achievement()).unwrap();
    for recipient in [
        Recipient::Email("Ada@Example.org".into()),
        Recipient::Did("did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH".into()),
    ] {
        let vc = template.credential(&award(recipient.clone(), None));
        for proof in [Proof::DataIntegrity, Proof::Jwt] {
            let text = sign(&vc, &key, proof, at()).unwrap();
            let check_as = match &recipient {
                Recipient::Email(_) => "ada@example.org",
                Recipient::Did(d) => d.as_str(),
            };
            let report = verify_text(
                &text,
                &VerifyOptions {
                    at: at(),
                    fetcher: None,
                    recipient: Some(check_as),
                    local_status: None,
                },
            );
            assert!(
                report.valid,
                "{proof:?} {recipient:?}: {:#?}",
                report.checks
            );
            assert_eq!(
                report.check(CheckId::Recipient).unwrap().status,
                CheckStatus::Pass
            );
            assert_eq!(
                report.achievement.as_ref().unwrap().name.as_deref(),
                Some("First Program")
            );
        }
    }
}

#[test]
fn a_tampered_credential_fails() {
    let key = IssuerKey::from_seed(&[5; 32]);
    let template = Template::new(&issuer(&key), &achievement()).unwrap();
    let vc = template.credential(&award(Recipient::Email("ada@example.org".into()), None));
    let text = sign(&vc, &key, Proof::DataIntegrity, at()).unwrap();
    let tampered = text.replace("First Program", "Final Program");
    let report = verify_text(
        &tampered,
        &VerifyOptions {
            at: at(),
            fetcher: None,
            recipient: None,
            local_status: None,
        },
    );
    assert!(!report.valid);
    assert_eq!(
        report.check(CheckId::Proof).unwrap().status,
        CheckStatus::Fail
    );
}

struct Lists(HashMap<String, Vec<u8>>);

impl Fetcher for Lists {
    fn fetch(&self, url: &str) -> Result<Vec<u8>, String> {
        self.0
            .get(url)
            .cloned()
            .ok_or_else(|| format!("{url}: not found"))
    }
}

#[test]
fn revocation_through_a_signed_status_list() {
    let key = IssuerKey::from_seed(&[6; 32]);
    let url = "https://coding.example.org/status/1.json";
    let template = Template::new(&issuer(&key), &achievement()).unwrap();
    let index = index_for(7).unwrap();
    let vc = template.credential(&award(
        Recipient::Email("ada@example.org".into()),
        Some(StatusEntry {
            list_url: url.into(),
            index,
        }),
    ));
    let text = sign(&vc, &key, Proof::DataIntegrity, at()).unwrap();
    let publish = |revoked: &[u32]| {
        let list = list_credential(key.did(), "Riverside Coding Club", url, revoked, at());
        let signed = sign(&list, &key, Proof::DataIntegrity, at()).unwrap();
        Lists(HashMap::from([(url.to_owned(), signed.into_bytes())]))
    };
    let clear = publish(&[index_for(1).unwrap()]);
    let report = verify_text(
        &text,
        &VerifyOptions {
            at: at(),
            fetcher: Some(&clear),
            recipient: None,
            local_status: None,
        },
    );
    assert!(report.valid, "{:#?}", report.checks);
    assert_eq!(
        report.check(CheckId::Status).unwrap().status,
        CheckStatus::Pass
    );

    // Offline, a list kept on this machine settles it too.
    let report = verify_text(
        &text,
        &VerifyOptions {
            at: at(),
            fetcher: None,
            recipient: None,
            local_status: Some(&clear),
        },
    );
    assert!(report.valid, "{:#?}", report.checks);
    assert!(
        report
            .check(CheckId::Status)
            .unwrap()
            .message
            .contains("saved on this computer")
    );
    let nothing_local = Lists(HashMap::new());
    let report = verify_text(
        &text,
        &VerifyOptions {
            at: at(),
            fetcher: None,
            recipient: None,
            local_status: Some(&nothing_local),
        },
    );
    assert_eq!(
        report.check(CheckId::Status).unwrap().status,
        CheckStatus::Skip
    );

    let revoked = publish(&[index]);
    let report = verify_text(
        &text,
        &VerifyOptions {
            at: at(),
            fetcher: None,
            recipient: None,
            local_status: Some(&revoked),
        },
    );
    assert_eq!(
        report.check(CheckId::Status).unwrap().status,
        CheckStatus::Fail
    );
    let report = verify_text(
        &text,
        &VerifyOptions {
            at: at(),
            fetcher: Some(&revoked),
            recipient: None,
            local_status: None,
        },
    );
    assert!(!report.valid);
    assert_eq!(
        report.check(CheckId::Status).unwrap().status,
        CheckStatus::Fail,
        "{:#?}",
        report.checks
    );
}

#[test]
fn a_sealed_key_still_signs_after_opening() {
    let key = IssuerKey::generate().unwrap();
    let sealed = SealedKey::from_json(&key.seal("a long passphrase").unwrap().to_json()).unwrap();
    let opened = sealed.open("a long passphrase").unwrap();
    let template = Template::new(&issuer(&opened), &achievement()).unwrap();
    let vc = template.credential(&award(Recipient::Email("ada@example.org".into()), None));
    let text = sign(&vc, &opened, Proof::DataIntegrity, at()).unwrap();
    let report = verify_text(
        &text,
        &VerifyOptions {
            at: at(),
            fetcher: None,
            recipient: None,
            local_status: None,
        },
    );
    assert!(report.valid, "{:#?}", report.checks);
}

#[test]
fn missing_criteria_and_oversized_images_are_refused() {
    let key = IssuerKey::from_seed(&[5; 32]);
    let mut a = achievement();
    a.criteria_narrative = None;
    a.criteria_url = Some("  ".into());
    let e = Template::new(&issuer(&key), &a).unwrap_err().to_string();
    assert!(e.contains("no criteria"), "{e}");
    let mut a = achievement();
    a.image = Some(format!("data:image/png;base64,{}", "A".repeat(300_000)));
    let e = Template::new(&issuer(&key), &a).unwrap_err().to_string();
    assert!(e.contains("badge image") && e.contains("limit"), "{e}");
}
