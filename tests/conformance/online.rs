//! The online paths, with no network: the library verifies the vectors with
//! a fetcher that serves the vectors' own files at the web addresses the
//! credentials name (OB 2.0 keys, badge classes, issuer profiles and
//! revocation lists, hosted copies, BitstringStatusList credentials and
//! did:web documents). Anything else it is asked for fails, as a missing
//! page would.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::PathBuf;

use badgesmith_credential::{Fetcher, Format, Report, VerifyOptions, verify_text};

use super::{AT, vectors};

/// Serves files of the vectors by URL.
#[derive(Debug, Default)]
struct Served {
    files: BTreeMap<String, PathBuf>,
    asked: RefCell<Vec<String>>,
    missed: RefCell<Vec<String>>,
}

impl Fetcher for Served {
    fn fetch(&self, url: &str) -> Result<Vec<u8>, String> {
        self.asked.borrow_mut().push(url.to_owned());
        match self.files.get(url) {
            Some(path) => std::fs::read(path).map_err(|e| format!("{}: {e}", path.display())),
            None => {
                self.missed.borrow_mut().push(url.to_owned());
                Err(format!("{url} could not be fetched (404)"))
            }
        }
    }
}

const OB20: &str = "1edtech-validator/ob20";
const DCC_LISTS: &str =
    "https://digitalcredentials.github.io/vc-test-fixtures/statusLists/didkey-ed25519Signature2020";
const DCC_DIDS: &str = "https://digitalcredentials.github.io/vc-test-fixtures/dids";
/// The one hosted OB 2.0 address the assertions use.
const HOSTED: &str = "https://example.org/beths-robotics-badge.json";

impl Served {
    /// Everything the vectors publish, at the addresses the credentials name.
    fn vectors() -> Self {
        let mut files = BTreeMap::new();
        // OB 2.0: badge classes, issuers, keys and revocation lists live at
        // example.org (the keys and some issuers are named over http).
        let assets = vectors().join(OB20).join("assets");
        for entry in std::fs::read_dir(&assets).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            for scheme in ["https", "http"] {
                files.insert(format!("{scheme}://example.org/{name}"), path.clone());
            }
        }
        // BitstringStatusList credentials.
        files.insert(
            "https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist".into(),
            vectors().join("1edtech-validator/ob30/bit-string-list/testlist"),
        );
        files.insert(
            "https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/e5WK8CbZ1GjycuPombrj".into(),
            vectors().join("dcc-verifier-core/status-e5WK8CbZ1GjycuPombrj.json"),
        );
        for name in [
            "e5WK8CbZ1GjycuPombrj",
            "expired",
            "missingBitStringType",
            "notYetValid",
            "tampered",
        ] {
            files.insert(
                format!("{DCC_LISTS}/{name}"),
                vectors()
                    .join("dcc-vc-test-fixtures/statusLists/didkey-ed25519Signature2020")
                    .join(name),
            );
        }
        // did:web:digitalcredentials.github.io:vc-test-fixtures:dids:NAME
        for name in ["legacy", "oidf"] {
            files.insert(
                format!("{DCC_DIDS}/{name}/did.json"),
                vectors()
                    .join("dcc-vc-test-fixtures/dids")
                    .join(name)
                    .join("did.json"),
            );
        }
        Self {
            files,
            ..Self::default()
        }
    }

    /// Also serves `file` at `url` (a hosted copy).
    fn with(mut self, url: &str, file: &str) -> Self {
        self.files.insert(url.to_owned(), vectors().join(file));
        self
    }
}

fn verify_file(file: &str, served: &Served) -> Report {
    let text = std::fs::read_to_string(vectors().join(file)).unwrap();
    verify_with(&text, served)
}

fn verify_with(text: &str, served: &Served) -> Report {
    let options = VerifyOptions {
        at: badgesmith_credential::schema::parse_datetime(AT).unwrap(),
        fetcher: Some(served),
        recipient: None,
        local_status: None,
    };
    verify_text(text, &options)
}

fn id_of<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

/// `(check id, status)` of every check of the report.
fn statuses(report: &Report) -> Vec<(String, String)> {
    report
        .checks
        .iter()
        .map(|c| (id_of(c.id), id_of(c.status)))
        .collect()
}

fn message<'a>(report: &'a Report, id: &str) -> &'a str {
    report
        .checks
        .iter()
        .find(|c| id_of(c.id) == id)
        .map_or("", |c| c.message.as_str())
}

/// Asserts the listed checks have these statuses, and the verdict.
#[track_caller]
fn expect(file: &str, report: &Report, valid: bool, checks: &[(&str, &str)]) {
    let got = statuses(report);
    for (id, status) in checks {
        let found = got.iter().find(|(i, _)| i == id).map(|(_, s)| s.as_str());
        assert_eq!(
            found,
            Some(*status),
            "{file}: `{id}`: {}\nall checks: {:#?}",
            message(report, id),
            report.checks
        );
    }
    assert_eq!(report.valid, valid, "{file}: {:#?}", report.checks);
}

#[track_caller]
fn nothing_missed(file: &str, served: &Served) {
    assert!(
        served.missed.borrow().is_empty(),
        "{file} asked for addresses the test does not serve: {:?}",
        served.missed.borrow()
    );
}

// ---------------------------------------------------------------- OB 2.0

#[test]
fn ob2_signed_assertion_verifies_with_the_issuers_published_key() {
    let file = "1edtech-validator/ob20/simple.jwt";
    let served = Served::vectors();
    let report = verify_file(file, &served);
    assert_eq!(report.format, Format::Ob2Jws);
    expect(
        file,
        &report,
        true,
        &[
            ("proof", "pass"),
            ("issuer-key", "pass"),
            ("dates", "pass"),
            ("status", "pass"),
        ],
    );
    assert!(
        served
            .asked
            .borrow()
            .contains(&"http://example.org/key1.json".to_owned())
    );
    assert_eq!(
        report.issuer.as_ref().and_then(|i| i.name.as_deref()),
        Some("An Example Badge Issuer")
    );
    nothing_missed(file, &served);
}

#[test]
fn ob2_signed_assertion_absent_from_the_revocation_list_is_valid() {
    let file = "1edtech-validator/ob20/simple-not-revoked.jwt";
    let served = Served::vectors();
    let report = verify_file(file, &served);
    expect(
        file,
        &report,
        true,
        &[
            ("proof", "pass"),
            ("issuer-key", "pass"),
            ("status", "pass"),
        ],
    );
    assert!(
        served
            .asked
            .borrow()
            .contains(&"http://example.org/empty-revocation-list.json".to_owned()),
        "the revocation list was not consulted"
    );
    nothing_missed(file, &served);
}

#[test]
fn ob2_signed_assertion_in_the_revocation_list_is_revoked() {
    let file = "1edtech-validator/ob20/simple-revoked.jwt";
    let served = Served::vectors();
    let report = verify_file(file, &served);
    expect(
        file,
        &report,
        false,
        &[
            ("proof", "pass"),
            ("issuer-key", "pass"),
            ("status", "fail"),
        ],
    );
    assert!(message(&report, "status").contains("A good reason, for sure"));
    nothing_missed(file, &served);
}

#[test]
fn ob2_signed_assertion_with_the_wrong_key_fails() {
    // simple.jwt signed with key1, but its creator swapped for key2: the
    // signature no longer matches.
    let served = Served::vectors().with(
        "http://example.org/key1.json",
        "1edtech-validator/ob20/assets/key2.json",
    );
    let file = "1edtech-validator/ob20/simple.jwt";
    let report = verify_file(file, &served);
    expect(file, &report, false, &[("proof", "fail")]);
}

#[test]
fn ob2_hosted_assertion_matches_its_hosted_copy() {
    let file = "1edtech-validator/ob20/basic-assertion.json";
    let served = Served::vectors().with(HOSTED, file);
    let report = verify_file(file, &served);
    assert_eq!(report.format, Format::Ob2Json);
    expect(
        file,
        &report,
        true,
        &[
            ("proof", "pass"),
            ("issuer-key", "pass"),
            ("dates", "pass"),
            ("status", "pass"),
        ],
    );
    nothing_missed(file, &served);

    // Given only as its address, it is fetched and verified the same way.
    let report = verify_with(HOSTED, &served);
    assert_eq!(report.format, Format::Ob2Hosted);
    expect(
        HOSTED,
        &report,
        true,
        &[("proof", "pass"), ("issuer-key", "pass")],
    );

    // A local copy that differs from the hosted one is not the issuer's.
    let file = "1edtech-validator/ob20/basic-assertion-expired.json";
    let report = verify_file(file, &served);
    expect(
        file,
        &report,
        false,
        &[("proof", "fail"), ("dates", "fail")],
    );
}

#[test]
fn ob2_hosted_assertion_must_be_hosted_where_its_issuer_says() {
    for (file, hosted_ok) in [
        (
            "1edtech-validator/ob20/basic-assertion-with-allowed-origins-valid-starts-with.json",
            true,
        ),
        (
            "1edtech-validator/ob20/basic-assertion-with-allowed-origins.json",
            true,
        ),
        (
            "1edtech-validator/ob20/basic-assertion-with-allowed-origins-invalid-starts-with.json",
            false,
        ),
    ] {
        let served = Served::vectors().with(HOSTED, file);
        let report = verify_file(file, &served);
        let status = if hosted_ok { "pass" } else { "fail" };
        expect(
            file,
            &report,
            hosted_ok,
            &[("proof", "pass"), ("issuer-key", status)],
        );
        nothing_missed(file, &served);
    }
}

#[test]
fn ob2_hosted_assertion_that_cannot_be_fetched_fails() {
    let file = "1edtech-validator/ob20/basic-assertion.json";
    let served = Served::vectors();
    let report = verify_file(file, &served);
    expect(file, &report, false, &[("proof", "fail")]);
    assert!(message(&report, "proof").contains("cannot be fetched"));
}

// ---------------------------------------------------------------- status lists

#[test]
fn bitstring_status_list_revoked_entries_fail() {
    for file in [
        "1edtech-validator/ob30/bit-string-list/credential-status-revoked.json",
        "1edtech-validator/ob30/bit-string-list/credential-status-revoked-blank-nodes.json",
        "dcc-verifier-core/v2Revoked.json",
    ] {
        let served = Served::vectors();
        let report = verify_file(file, &served);
        expect(
            file,
            &report,
            false,
            &[
                ("proof", "pass"),
                ("issuer-key", "pass"),
                ("status", "fail"),
            ],
        );
        assert!(
            message(&report, "status").contains("revoked"),
            "{file}: {}",
            message(&report, "status")
        );
        nothing_missed(file, &served);
    }
}

#[test]
fn bitstring_status_list_clear_entries_pass() {
    for file in [
        "dcc-verifier-core/v2EddsaWithValidStatus.json",
        "dcc-verifier-core/v2DoubleSigWithValidStatus.json",
    ] {
        let served = Served::vectors();
        let report = verify_file(file, &served);
        expect(
            file,
            &report,
            true,
            &[
                ("proof", "pass"),
                ("issuer-key", "pass"),
                ("status", "pass"),
            ],
        );
        nothing_missed(file, &served);
    }
}

#[test]
fn bitstring_status_list_that_cannot_be_trusted_fails() {
    // The list is missing, expired, not yet valid, changed after signing, or
    // not a status list credential: the status cannot be checked, so it fails.
    for (file, why) in [
        (
            "dcc-verifier-core/v2DoubleSigWithBadStatusUrl.json",
            "could not be fetched",
        ),
        (
            "dcc-vc-test-fixtures/verifiableCredentials/v2/ed25519/didKey/legacy-expiredStatus-noExpiry.json",
            "not valid at this date",
        ),
        (
            "dcc-vc-test-fixtures/verifiableCredentials/v2/ed25519/didKey/legacy-notYetValidStatus-noExpiry.json",
            "not valid at this date",
        ),
        (
            "dcc-vc-test-fixtures/verifiableCredentials/v2/ed25519/didKey/legacy-tamperedStatus-noExpiry.json",
            "signature",
        ),
        (
            "dcc-vc-test-fixtures/verifiableCredentials/v2/ed25519/didKey/legacy-missingTypeStatus-noExpiry.json",
            "not a status list credential",
        ),
    ] {
        let served = Served::vectors();
        let report = verify_file(file, &served);
        expect(
            file,
            &report,
            false,
            &[("proof", "pass"), ("status", "fail")],
        );
        assert!(
            message(&report, "status").contains(why),
            "{file}: {}",
            message(&report, "status")
        );
    }
}

// ---------------------------------------------------------------- did:web

#[test]
fn did_web_keys_resolve_through_the_did_document() {
    for file in [
        "dcc-vc-test-fixtures/verifiableCredentials/v2/ed25519/didWeb/oidf-noStatus-notExpired.json",
        "dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didweb/oidf-noStatus-notExpired.json",
        "dcc-vc-test-fixtures/verifiableCredentials/v2/bothSignatureTypes/didweb/oidf-noStatus-notExpired.json",
        "dcc-vc-test-fixtures/verifiableCredentials/v1/ed25519/didWeb/legacy-noStatus-noExpiry.json",
        "dcc-vc-test-fixtures/verifiableCredentials/v1/dataIntegrityProof/didWeb/legacy-noStatus-noExpiry.json",
        "dcc-vc-test-fixtures/verifiableCredentials/v1/bothSignatureTypes/didWeb/legacy-noStatus-noExpiry.json",
        "dcc-vc-test-fixtures/verifiableCredentials/v1/ed25519/didWeb/oidf-noStatus-noExpiry.json",
        "dcc-vc-test-fixtures/verifiableCredentials/v1/dataIntegrityProof/didWeb/oidf-noStatus-noExpiry.json",
        "dcc-vc-test-fixtures/verifiableCredentials/v1/bothSignatureTypes/didWeb/oidf-noStatus-noExpiry.json",
    ] {
        let served = Served::vectors();
        let report = verify_file(file, &served);
        expect(
            file,
            &report,
            true,
            &[
                ("proof", "pass"),
                ("issuer-key", "pass"),
                ("status", "pass"),
            ],
        );
        assert!(
            served
                .asked
                .borrow()
                .iter()
                .any(|u| u.starts_with(DCC_DIDS)),
            "{file}: the DID document was not fetched"
        );
        nothing_missed(file, &served);
    }
}

#[test]
fn did_web_key_with_a_status_entry_is_checked_online_too() {
    // Online, the did:web key is checked and the status is looked up; the
    // list is the issuer's only if the list says the same issuer.
    for file in [
        "dcc-vc-test-fixtures/verifiableCredentials/v2/ed25519/didWeb/legacy-revokedStatus-noExpiry.json",
        "dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didweb/legacy-revokedStatus-noExpiry.json",
    ] {
        let served = Served::vectors();
        let report = verify_file(file, &served);
        expect(
            file,
            &report,
            false,
            &[
                ("proof", "pass"),
                ("issuer-key", "pass"),
                ("status", "fail"),
            ],
        );
    }
}

#[test]
fn did_web_document_that_cannot_be_fetched_fails_the_proof() {
    let file = "dcc-vc-test-fixtures/verifiableCredentials/v2/ed25519/didWeb/badDidWeb.json";
    let served = Served::vectors();
    let report = verify_file(file, &served);
    expect(
        file,
        &report,
        false,
        &[("proof", "fail"), ("issuer-key", "skip")],
    );
    assert!(message(&report, "proof").contains("could not be looked up"));
}

#[test]
fn contexts_are_never_fetched_even_online() {
    let file = "dcc-vc-test-fixtures/verifiableCredentials/v1/ed25519/didWeb/legacy-validStatus-noExpiry.json";
    let served = Served::vectors();
    let report = verify_file(file, &served);
    expect(file, &report, false, &[("proof", "fail")]);
    assert!(message(&report, "proof").contains("https://www.w3.org/ns/credentials/status/v1"));
    assert!(
        !served
            .asked
            .borrow()
            .iter()
            .any(|u| u.contains("/ns/credentials/status")),
        "a context was fetched: {:?}",
        served.asked.borrow()
    );
}
