//! Recipient identities: hashing and matching.
//!
//! Expected digests were computed independently with Python's `hashlib`.

use std::path::PathBuf;

use badgesmith_credential::recipient::{hash_identity, identity_matches};
use serde_json::Value;

fn vector_json(path: &str) -> Value {
    let full: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "../../tests/fixtures/vectors",
        path,
    ]
    .iter()
    .collect();
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()));
    serde_json::from_str(&text).unwrap()
}

/// sha256("alice@example.org" + "deadsea")
const ALICE_DEADSEA: &str = "c934fdacc6242be0277a284970416aa9bfa583241fb85094bc96c504ee0abd4e";
/// sha256("alice@example.org")
const ALICE_UNSALTED: &str = "7a64adf28737ea90719cbdf0b1a87a5effff3753b79c91d717f4f4153ead0498";
/// sha256("Alice@example.org" + "deadsea")
const ALICE_CAPITAL_LOCAL: &str =
    "6ce6d055dd11803d3b11d832ce2477629b725b230d586ed7644c8501c4da0d9d";
/// sha256("Alice@Example.ORG" + "deadsea")
const ALICE_AS_ISSUED: &str = "8217f57f86034c51587d335bcf1d38585b189dd1cbd61340e08d4955f49e18e9";
/// md5("alice@example.org" + "pepper")
const ALICE_MD5_PEPPER: &str = "d8f6b2a7d7c9fd66a044603aa849ddbd";
/// md5("alice@example.org")
const ALICE_MD5: &str = "fbf7c6aec1d4280b7c2704c1c0478bd6";
/// sha256("zoë@exämple.org" + "salt"), UTF-8
const ZOE_SALT: &str = "5855575ec26dc3d9fc511691fd1359c2bdeaee0f87d11996fafbf612abb7f921";
/// sha256("https://example.org/people/bob" + "x1")
const URL_LOWER_X1: &str = "94daa3f5e4296f7943c06527c6f2e554e7cf8259e5ea33fd8c3580780a5b5a20";
/// sha256("" + "deadsea")
const EMPTY_DEADSEA: &str = "b8cf65059f0d50f9f8a4cc8203997225fbf964766096610b52a50872614d33dd";

fn sha(hex: &str) -> String {
    format!("sha256${hex}")
}

#[test]
fn hash_identity_matches_known_digests() {
    assert_eq!(
        hash_identity("alice@example.org", Some("deadsea")),
        sha(ALICE_DEADSEA)
    );
    assert_eq!(
        hash_identity("alice@example.org", None),
        sha(ALICE_UNSALTED)
    );
    assert_eq!(
        hash_identity("alice@example.org", Some("")),
        sha(ALICE_UNSALTED)
    );
    assert_eq!(
        hash_identity("zoë@exämple.org", Some("salt")),
        sha(ZOE_SALT)
    );
    // Hashed exactly as given: no trimming or lowercasing.
    assert_eq!(
        hash_identity("Alice@Example.ORG", Some("deadsea")),
        sha(ALICE_AS_ISSUED)
    );
    assert_ne!(
        hash_identity(" alice@example.org", Some("deadsea")),
        sha(ALICE_DEADSEA)
    );
}

#[test]
fn hash_identity_round_trips_through_identity_matches() {
    let stored = hash_identity("carol@example.net", Some("s4lt"));
    assert!(identity_matches(
        &stored,
        true,
        Some("s4lt"),
        "carol@example.net"
    ));
    assert!(!identity_matches(
        &stored,
        true,
        Some("other"),
        "carol@example.net"
    ));
    assert!(!identity_matches(&stored, true, None, "carol@example.net"));
}

#[test]
fn ob2_vector_recipient_is_derivable() {
    let assertion = vector_json("1edtech-validator/ob20/basic-assertion.json");
    let recipient = &assertion["recipient"];
    let stored = recipient["identity"].as_str().unwrap();
    let hashed = recipient["hashed"].as_bool().unwrap();
    let salt = recipient["salt"].as_str();
    assert!(hashed);
    assert_eq!(salt, Some("deadsea"));
    assert!(identity_matches(stored, hashed, salt, "nobody@example.org"));
    assert!(identity_matches(
        stored,
        hashed,
        salt,
        " Nobody@Example.org\n"
    ));
    assert!(!identity_matches(stored, hashed, salt, "alice@example.org"));
    assert!(!identity_matches(
        stored,
        hashed,
        None,
        "nobody@example.org"
    ));
}

#[test]
fn ob3_plain_identifiers_from_vectors() {
    let full = vector_json("1edtech-ob-spec/examples/fullOpenBadge.json");
    let ids = full["credentialSubject"]["identifier"].as_array().unwrap();
    let first = &ids[0];
    let stored = first["identityHash"].as_str().unwrap();
    let hashed = first["hashed"].as_bool().unwrap();
    let salt = first["salt"].as_str();
    assert!(!hashed);
    assert!(identity_matches(
        stored,
        hashed,
        salt,
        "student@1edtech.edu"
    ));
    assert!(identity_matches(
        stored,
        hashed,
        salt,
        "Student@1EdTech.edu "
    ));
    assert!(!identity_matches(
        stored,
        hashed,
        salt,
        "somebody@gmail.com"
    ));

    let dcc = vector_json(
        "dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-identityHash.json",
    );
    let id = &dcc["credentialSubject"]["identifier"];
    let stored = id["identityHash"].as_str().unwrap();
    let salt = id["salt"].as_str();
    assert_eq!(id["identityType"], "name");
    assert!(identity_matches(stored, false, salt, "  Parker Pearl "));
    // A name is not an e-mail address: case matters.
    assert!(!identity_matches(stored, false, salt, "parker pearl"));
}

#[test]
fn typed_email_is_tried_as_typed_then_lowercased() {
    let stored = sha(ALICE_DEADSEA);
    for typed in [
        "alice@example.org",
        "  alice@example.org\t",
        "Alice@Example.ORG",
        "ALICE@EXAMPLE.ORG",
        "\nalice@EXAMPLE.org ",
    ] {
        assert!(
            identity_matches(&stored, true, Some("deadsea"), typed),
            "{typed:?}"
        );
    }
}

#[test]
fn email_domain_is_lowercased_while_local_part_keeps_its_case() {
    // The issuer kept the capital in the local part but lowercased the domain.
    let stored = sha(ALICE_CAPITAL_LOCAL);
    assert!(identity_matches(
        &stored,
        true,
        Some("deadsea"),
        "Alice@EXAMPLE.org"
    ));
    assert!(identity_matches(
        &stored,
        true,
        Some("deadsea"),
        "Alice@example.org"
    ));
    // Lowercasing the local part gives another digest.
    assert!(!identity_matches(
        &stored,
        true,
        Some("deadsea"),
        "alice@example.org"
    ));
}

#[test]
fn a_digest_of_mixed_case_is_matched_only_as_typed() {
    let stored = sha(ALICE_AS_ISSUED);
    assert!(identity_matches(
        &stored,
        true,
        Some("deadsea"),
        " Alice@Example.ORG "
    ));
    assert!(!identity_matches(
        &stored,
        true,
        Some("deadsea"),
        "alice@example.org"
    ));
}

#[test]
fn algorithm_name_and_hex_are_case_insensitive() {
    let variants = [
        format!("sha256${ALICE_DEADSEA}"),
        format!("SHA256${ALICE_DEADSEA}"),
        format!("Sha256${}", ALICE_DEADSEA.to_uppercase()),
        format!("  sha256${ALICE_DEADSEA}\n"),
    ];
    for stored in &variants {
        assert!(
            identity_matches(stored, true, Some("deadsea"), "alice@example.org"),
            "{stored}"
        );
    }
}

#[test]
fn md5_identities_match() {
    for stored in [
        format!("md5${ALICE_MD5_PEPPER}"),
        format!("MD5${}", ALICE_MD5_PEPPER.to_uppercase()),
    ] {
        assert!(
            identity_matches(&stored, true, Some("pepper"), "Alice@example.org"),
            "{stored}"
        );
        assert!(!identity_matches(
            &stored,
            true,
            Some("pepper"),
            "bob@example.org"
        ));
    }
    assert!(identity_matches(
        &format!("md5${ALICE_MD5}"),
        true,
        None,
        "alice@example.org"
    ));
    // An md5 digest under the sha256 name is the wrong length.
    assert!(!identity_matches(
        &format!("sha256${ALICE_MD5}"),
        true,
        None,
        "alice@example.org"
    ));
}

#[test]
fn unsalted_and_empty_salt_are_the_same() {
    let stored = sha(ALICE_UNSALTED);
    assert!(identity_matches(&stored, true, None, "alice@example.org"));
    assert!(identity_matches(
        &stored,
        true,
        Some(""),
        "alice@example.org"
    ));
}

#[test]
fn utf8_identities_hash_as_utf8() {
    assert!(identity_matches(
        &sha(ZOE_SALT),
        true,
        Some("salt"),
        "zoë@exämple.org"
    ));
    assert!(identity_matches(
        &sha(ZOE_SALT),
        true,
        Some("salt"),
        "ZOË@EXÄMPLE.ORG"
    ));
}

#[test]
fn wrong_identities_do_not_match() {
    let stored = sha(ALICE_DEADSEA);
    for typed in [
        "bob@example.org",
        "alice@example.com",
        "alice@example.org.",
        "mailto:alice@example.org",
        "alice",
        "alice@example.orgdeadsea",
    ] {
        assert!(
            !identity_matches(&stored, true, Some("deadsea"), typed),
            "{typed:?}"
        );
    }
}

#[test]
fn unknown_algorithms_do_not_match() {
    let sha512 = "sha512$c934fdacc6242be0277a284970416aa9bfa583241fb85094bc96c504ee0abd4e";
    let sha1 = "sha1$c934fdacc6242be0277a284970416aa9bfa58324";
    for stored in [sha512, sha1, &format!("sha-256${ALICE_DEADSEA}")] {
        assert!(
            !identity_matches(stored, true, Some("deadsea"), "alice@example.org"),
            "{stored}"
        );
    }
}

#[test]
fn garbage_stored_values_do_not_match() {
    let too_short = format!("sha256${}", &ALICE_DEADSEA[..63]);
    let too_long = format!("sha256${ALICE_DEADSEA}0");
    let not_hex = format!("sha256${}", ALICE_DEADSEA.replace('c', "g"));
    let non_ascii = format!("sha256${}é", &ALICE_DEADSEA[..62]);
    let double = format!("sha256$sha256${ALICE_DEADSEA}");
    let garbage = [
        "",
        "   ",
        "$",
        "sha256$",
        "$c934fdacc6242be0277a284970416aa9bfa583241fb85094bc96c504ee0abd4e",
        "alice@example.org",
        "💥$💥",
        "md5$",
        too_short.as_str(),
        too_long.as_str(),
        not_hex.as_str(),
        non_ascii.as_str(),
        double.as_str(),
    ];
    for stored in garbage {
        for typed in ["alice@example.org", "", "💥", "$"] {
            assert!(
                !identity_matches(stored, true, Some("deadsea"), typed),
                "{stored:?} / {typed:?}"
            );
        }
    }
}

#[test]
fn an_empty_candidate_never_matches() {
    // Even when the stored digest is that of the empty identity.
    let stored = sha(EMPTY_DEADSEA);
    assert_eq!(hash_identity("", Some("deadsea")), stored);
    for typed in ["", "  ", "\n\t"] {
        assert!(!identity_matches(&stored, true, Some("deadsea"), typed));
        assert!(!identity_matches("", false, None, typed));
    }
}

#[test]
fn other_identity_types_are_lowercased_when_hashed() {
    let stored = sha(URL_LOWER_X1);
    assert!(identity_matches(
        &stored,
        true,
        Some("x1"),
        "https://example.org/people/Bob"
    ));
    assert!(!identity_matches(
        &stored,
        true,
        Some("x1"),
        "https://example.org/people/Alice"
    ));
}

#[test]
fn plain_comparison_ignores_case_only_for_email() {
    assert!(identity_matches(
        "test@example.com",
        false,
        None,
        " TEST@Example.com "
    ));
    assert!(identity_matches(
        " test@example.com\n",
        false,
        None,
        "test@example.com"
    ));
    assert!(!identity_matches(
        "test@example.com",
        false,
        None,
        "test@example.co"
    ));
    assert!(identity_matches(
        "https://example.org/people/Bob",
        false,
        None,
        "https://example.org/people/Bob"
    ));
    assert!(!identity_matches(
        "https://example.org/people/Bob",
        false,
        None,
        "https://example.org/people/bob"
    ));
    // A URL whose path holds an @ is not an e-mail address.
    assert!(!identity_matches(
        "https://social.example/@Bob",
        false,
        None,
        "https://social.example/@bob"
    ));
    assert!(!identity_matches(
        "+15551234567",
        false,
        None,
        "+15551234568"
    ));
}

#[test]
fn a_plain_stored_value_is_not_hashed_and_a_hash_is_not_plain() {
    // Not hashed: a stored digest is just text, and the salt is ignored.
    assert!(!identity_matches(
        &sha(ALICE_DEADSEA),
        false,
        Some("deadsea"),
        "alice@example.org"
    ));
    assert!(identity_matches(
        "alice@example.org",
        false,
        Some("deadsea"),
        "alice@example.org"
    ));
    // Hashed: a plain address is not a digest.
    assert!(!identity_matches(
        "alice@example.org",
        true,
        None,
        "alice@example.org"
    ));
}
