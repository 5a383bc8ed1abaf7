//! The schema check and badge detection, against the public test vectors and
//! variants of them with one property removed or broken.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use badgesmith_credential::ob3::Vcdm;
use badgesmith_credential::schema::{
    self, Kind, Problem, parse_date_value, parse_datetime, parse_rfc3339, parse_unix_timestamp,
};
use serde_json::{Value, json};
use time::{Date, Month, OffsetDateTime, UtcOffset};

/// An instant at a whole-hour offset from UTC.
fn at(date: (i32, u8, u8), time: (u8, u8, u8), offset_hours: i8) -> OffsetDateTime {
    let (year, month, day) = date;
    let (hour, minute, second) = time;
    Date::from_calendar_date(year, Month::try_from(month).unwrap(), day)
        .unwrap()
        .with_hms(hour, minute, second)
        .unwrap()
        .assume_offset(UtcOffset::from_hms(offset_hours, 0, 0).unwrap())
}

fn vectors() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/vectors")
}

fn load(relative: &str) -> Value {
    let path = vectors().join(relative);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "json") {
            out.push(path);
        }
    }
}

/// Every JSON vector that parses, with its path relative to the vectors directory.
fn all_vectors() -> Vec<(String, Value)> {
    let root = vectors();
    let mut files = Vec::new();
    json_files(&root, &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(&path).ok()?;
            let value = serde_json::from_str(&text).ok()?;
            let relative = path
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            Some((relative, value))
        })
        .collect()
}

fn paths(problems: &[Problem]) -> Vec<&str> {
    problems.iter().map(|p| p.path.as_str()).collect()
}

/// Asserts that there is exactly one problem, at `path`, and returns its message.
fn only(problems: &[Problem], path: &str) -> String {
    assert_eq!(paths(problems), [path], "{problems:#?}");
    problems[0].message.clone()
}

/// Removes the property a JSON pointer names.
fn remove(value: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let removed = value
        .pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .and_then(|object| object.remove(key));
    assert!(removed.is_some(), "nothing at {pointer}");
}

/// Sets the property a JSON pointer names (its parent must exist).
fn set(value: &mut Value, pointer: &str, new: Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    value
        .pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("no object at {parent}"))
        .insert(key.to_owned(), new);
}

fn basic() -> Value {
    load("1edtech-ob-spec/examples/basicOpenBadgeCredential.json")
}

fn basic_with(edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
    let mut credential = basic();
    edit(&mut credential);
    schema::ob3_problems(&credential)
}

fn v1_with(edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
    let mut credential = load("1edtech-validator/ob30/simple_v1.json");
    assert_eq!(schema::ob3_problems(&credential), []);
    edit(&mut credential);
    schema::ob3_problems(&credential)
}

// ---------------------------------------------------------------- OB 3.0 vectors

/// OB 3.0 vectors that are not valid credentials, the problems each must
/// report (by path) and why.
const OB3_INVALID_VECTORS: &[(&str, &[&str], &str)] = &[
    (
        "1edtech-validator/ob30/complete_v1.json",
        &[
            "issuer.endorsement[0].id",
            "credentialSubject.achievement.creator.endorsement[0].id",
            "credentialSubject.achievement.creator.endorsement[1].id",
            "credentialSubject.achievement.creator.endorsement[1].name",
            "credentialSubject.achievement.endorsement[0].id",
            "endorsement[0].id",
        ],
        "its embedded endorsements lack the required id (and one its name); upstream also finds it invalid",
    ),
    (
        "1edtech-validator/ob30/sd/derivedcredential.json",
        &["name"],
        "a selective-disclosure derived credential that does not disclose the required name",
    ),
    (
        "1edtech-validator/ob30/simple-err-context.json",
        &["@context", "credentialSubject.achievement"],
        "the VC context is removed on purpose; the fixture also has no achievement",
    ),
    (
        "1edtech-validator/ob30/simple-err-credential-subject-achievement-result-description-type.json",
        &["credentialSubject.achievement.resultDescription[2].type"],
        "a result description with a wrong type, on purpose",
    ),
    (
        "1edtech-validator/ob30/simple-err-credential-subject-identifier-type.json",
        &[
            "credentialSubject.identifier[0].type",
            "credentialSubject.identifier[0].identityHash",
        ],
        "an identifier with a wrong type, on purpose; it is also marked hashed but is not a hash",
    ),
    (
        "1edtech-validator/ob30/simple-err-credential-subject-profile-type.json",
        &["credentialSubject.source.type"],
        "a source profile with a wrong type, on purpose",
    ),
    (
        "1edtech-validator/ob30/simple-err-credential-subject-result-type.json",
        &["credentialSubject.result[1].type"],
        "a result with a wrong type, on purpose",
    ),
    (
        "1edtech-validator/ob30/simple-err-credential-subject-type.json",
        &["credentialSubject.type"],
        "a subject with a wrong type, on purpose",
    ),
    (
        "1edtech-validator/ob30/simple-err-evidence-type.json",
        &["evidence[1].type"],
        "evidence with a wrong type, on purpose",
    ),
    (
        "1edtech-validator/ob30/simple-err-issued.json",
        &["credentialSubject.achievement"],
        "an older fixture (for the dates check) whose subject has no achievement",
    ),
    (
        "1edtech-validator/ob30/simple-err-issuer-otheridentifier-type.json",
        &["issuer.otherIdentifier[1].type"],
        "an issuer identifier with a wrong type, on purpose",
    ),
    (
        "1edtech-validator/ob30/simple-err-issuer-parentorg-type.json",
        &["issuer.parentOrg.type"],
        "a parent organisation with a wrong type, on purpose",
    ),
    (
        "1edtech-validator/ob30/simple-err-issuer-type.json",
        &["issuer.type"],
        "an issuer with a wrong type, on purpose",
    ),
    (
        "1edtech-validator/ob30/simple-err-issuer.json",
        &["issuer", "credentialSubject.achievement"],
        "the issuer is removed on purpose; the fixture also has no achievement",
    ),
    (
        "1edtech-validator/ob30/simple-err-type.json",
        &["type", "credentialSubject.achievement"],
        "the credential type is wrong on purpose; the fixture also has no achievement",
    ),
    (
        "1edtech-validator/ob30/simple-noproof.json",
        &["credentialSubject.achievement"],
        "an older fixture (for unsigned credentials) whose subject has no achievement",
    ),
    (
        "dcc-vc-test-fixtures/verifiableCredentials/v2/bothSignatureTypes/didkey/legacy-noStatus-noExpiry-nonOBWithOBContext.json",
        &[
            "type",
            "credentialSubject.type",
            "credentialSubject.achievement",
        ],
        "a plain VC with the OB 3.0 context but no Open Badges type, on purpose",
    ),
    (
        "dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-credSubjName.json",
        &["name"],
        "the credential has no name (only its subject has one)",
    ),
    (
        "dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-identityHash.json",
        &["name"],
        "the credential has no name",
    ),
    (
        "dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/twoOIDF-revoked-notExpired-badSchema.json",
        &["validFrom"],
        "a VCDM 2.0 credential with the VCDM 1.1 issuanceDate instead of validFrom (\"badSchema\")",
    ),
];

#[test]
fn every_valid_ob3_vector_has_no_problems_and_every_invalid_one_reports_its_own() {
    let mut seen_invalid = BTreeSet::new();
    let mut checked = 0;
    let mut failures = Vec::new();
    for (path, value) in all_vectors() {
        if !matches!(schema::detect(&value), Kind::Ob3 { .. }) {
            continue;
        }
        checked += 1;
        let problems = schema::ob3_problems(&value);
        let found = paths(&problems);
        match OB3_INVALID_VECTORS
            .iter()
            .find(|(file, _, _)| *file == path)
        {
            Some((file, expected, _why)) => {
                seen_invalid.insert(*file);
                if found != *expected {
                    failures.push(format!(
                        "{path}: expected {expected:?}, found {problems:#?}"
                    ));
                }
            }
            None => {
                if !problems.is_empty() {
                    failures.push(format!("{path}: {problems:#?}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 100, "only {checked} OB 3.0 vectors found");
    let listed: BTreeSet<&str> = OB3_INVALID_VECTORS
        .iter()
        .map(|(file, _, _)| *file)
        .collect();
    assert_eq!(seen_invalid, listed, "listed vectors that were not found");
}

#[test]
fn the_issuer_removed_fixture_reports_the_issuer() {
    let problems = schema::ob3_problems(&load("1edtech-validator/ob30/simple-err-issuer.json"));
    let issuer = problems
        .iter()
        .find(|p| p.path == "issuer")
        .expect("an issuer problem");
    assert_eq!(issuer.message, "issuer is missing");
}

#[test]
fn the_spec_examples_of_every_kind_are_clean() {
    for file in [
        "1edtech-ob-spec/examples/basicOpenBadgeCredential.json",
        "1edtech-ob-spec/examples/fullOpenBadge.json",
        "1edtech-ob-spec/examples/endorsement.json",
        "1edtech-validator/ob30/complete.json",
        "1edtech-validator/ob30/simple_v1.json",
        "dcc-verifier-core/v2SimpleIssuerId.json",
    ] {
        assert_eq!(schema::ob3_problems(&load(file)), [], "{file}");
    }
}

// ---------------------------------------------------------------- OB 3.0, one property at a time

#[test]
fn context_missing() {
    let problems = basic_with(|c| remove(c, "/@context"));
    assert_eq!(only(&problems, "@context"), "@context is missing");
}

#[test]
fn context_not_starting_with_the_vc_context() {
    let problems = basic_with(|c| {
        c["@context"] = json!([
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
            "https://www.w3.org/ns/credentials/v2"
        ]);
    });
    let message = only(&problems, "@context");
    assert!(
        message.starts_with("@context does not start with the VC 2.0 or 1.1 context"),
        "{message}"
    );
}

#[test]
fn context_without_an_ob3_context() {
    let problems = basic_with(|c| {
        c["@context"] = json!([
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
        ]);
    });
    let message = only(&problems, "@context");
    assert!(
        message.starts_with("@context does not include an Open Badges 3.0 context"),
        "{message}"
    );
}

#[test]
fn every_published_ob3_context_version_is_accepted() {
    for context in [
        "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ] {
        let problems = basic_with(|c| c["@context"][1] = json!(context));
        assert_eq!(problems, [], "{context}");
    }
}

#[test]
fn context_entry_that_is_neither_url_nor_object() {
    let problems = basic_with(|c| c["@context"].as_array_mut().unwrap().push(json!(7)));
    assert_eq!(
        only(&problems, "@context[2]"),
        "@context[2] is not a URL or a context object"
    );
}

#[test]
fn type_missing() {
    let problems = basic_with(|c| remove(c, "/type"));
    assert_eq!(only(&problems, "type"), "type is missing");
}

#[test]
fn type_without_verifiable_credential() {
    let problems = basic_with(|c| c["type"] = json!(["OpenBadgeCredential"]));
    assert_eq!(
        only(&problems, "type"),
        r#"type does not include "VerifiableCredential""#
    );
}

#[test]
fn type_without_an_open_badge_type() {
    let problems = basic_with(|c| c["type"] = json!(["VerifiableCredential"]));
    assert_eq!(
        only(&problems, "type"),
        r#"type does not include "OpenBadgeCredential" or "AchievementCredential""#
    );
}

#[test]
fn type_achievement_credential_is_accepted() {
    let problems =
        basic_with(|c| c["type"] = json!(["VerifiableCredential", "AchievementCredential"]));
    assert_eq!(problems, []);
}

#[test]
fn type_that_is_not_text() {
    let problems = basic_with(|c| c["type"] = json!({"name": "OpenBadgeCredential"}));
    assert_eq!(
        only(&problems, "type"),
        "type is not a string or a list of strings"
    );
}

#[test]
fn id_missing() {
    let problems = basic_with(|c| remove(c, "/id"));
    assert_eq!(only(&problems, "id"), "id is missing");
}

#[test]
fn id_not_a_uri() {
    let problems = basic_with(|c| c["id"] = json!("credentials/3527"));
    assert_eq!(
        only(&problems, "id"),
        r#"id "credentials/3527" is not a URI"#
    );
}

#[test]
fn name_missing() {
    let problems = basic_with(|c| remove(c, "/name"));
    assert_eq!(only(&problems, "name"), "name is missing");
}

#[test]
fn name_as_a_language_map_is_accepted() {
    let problems = basic_with(|c| c["name"] = json!({"en": "Teamwork Badge", "es": "Insignia"}));
    assert_eq!(problems, []);
}

#[test]
fn name_that_is_a_number() {
    let problems = basic_with(|c| c["name"] = json!(42));
    assert_eq!(
        only(&problems, "name"),
        "name is not a string or a language map"
    );
}

#[test]
fn issuer_missing() {
    let problems = basic_with(|c| remove(c, "/issuer"));
    assert_eq!(only(&problems, "issuer"), "issuer is missing");
}

#[test]
fn issuer_id_missing() {
    let problems = basic_with(|c| remove(c, "/issuer/id"));
    assert_eq!(only(&problems, "issuer.id"), "issuer.id is missing");
}

#[test]
fn issuer_type_without_profile() {
    let problems = basic_with(|c| c["issuer"]["type"] = json!(["Organization"]));
    assert_eq!(
        only(&problems, "issuer.type"),
        r#"issuer.type does not include "Profile""#
    );
}

#[test]
fn issuer_type_missing() {
    let problems = basic_with(|c| remove(c, "/issuer/type"));
    assert_eq!(only(&problems, "issuer.type"), "issuer.type is missing");
}

#[test]
fn issuer_as_a_uri_is_accepted_but_not_as_a_number() {
    assert_eq!(
        basic_with(
            |c| c["issuer"] = json!("did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q")
        ),
        []
    );
    let problems = basic_with(|c| c["issuer"] = json!(876543));
    assert_eq!(
        only(&problems, "issuer"),
        "issuer is not a URI or an object"
    );
    let problems = basic_with(|c| c["issuer"] = json!("Example Corp"));
    assert_eq!(
        only(&problems, "issuer"),
        r#"issuer "Example Corp" is not a URI"#
    );
}

#[test]
fn valid_from_missing() {
    let problems = basic_with(|c| remove(c, "/validFrom"));
    assert_eq!(only(&problems, "validFrom"), "validFrom is missing");
}

#[test]
fn valid_from_not_a_date_time() {
    let problems = basic_with(|c| c["validFrom"] = json!("yesterday"));
    assert_eq!(
        only(&problems, "validFrom"),
        r#"validFrom "yesterday" is not a date-time (RFC 3339)"#
    );
}

#[test]
fn valid_from_without_a_time_zone() {
    let problems = basic_with(|c| c["validFrom"] = json!("2010-01-01T00:00:00"));
    assert_eq!(
        only(&problems, "validFrom"),
        r#"validFrom "2010-01-01T00:00:00" is not a date-time (RFC 3339)"#
    );
}

#[test]
fn valid_from_as_a_date_only_or_a_number() {
    let problems = basic_with(|c| c["validFrom"] = json!("2010-01-01"));
    only(&problems, "validFrom");
    let problems = basic_with(|c| c["validFrom"] = json!(1262304000));
    assert_eq!(
        only(&problems, "validFrom"),
        "validFrom 1262304000 is not a date-time (RFC 3339)"
    );
}

#[test]
fn valid_from_with_an_offset_and_fraction_is_accepted() {
    assert_eq!(
        basic_with(|c| c["validFrom"] = json!("2022-11-10T07:38:00.123-08:00")),
        []
    );
}

#[test]
fn valid_until_not_a_date_time() {
    let problems = basic_with(|c| c["validUntil"] = json!("2030-13-01T00:00:00Z"));
    assert_eq!(
        only(&problems, "validUntil"),
        r#"validUntil "2030-13-01T00:00:00Z" is not a date-time (RFC 3339)"#
    );
}

#[test]
fn issuance_date_instead_of_valid_from_in_vcdm_2() {
    let problems = basic_with(|c| {
        let from = c["validFrom"].take();
        remove(c, "/validFrom");
        c["issuanceDate"] = from;
    });
    assert_eq!(only(&problems, "validFrom"), "validFrom is missing");
}

#[test]
fn awarded_date_not_a_date_time() {
    let problems = basic_with(|c| c["awardedDate"] = json!("last June"));
    assert_eq!(
        only(&problems, "awardedDate"),
        r#"awardedDate "last June" is not a date-time (RFC 3339)"#
    );
}

#[test]
fn vcdm_1_1_issuance_date_missing() {
    let problems = v1_with(|c| remove(c, "/issuanceDate"));
    assert_eq!(only(&problems, "issuanceDate"), "issuanceDate is missing");
}

#[test]
fn vcdm_1_1_issuance_date_not_a_date_time() {
    let problems = v1_with(|c| c["issuanceDate"] = json!("01/01/2010"));
    assert_eq!(
        only(&problems, "issuanceDate"),
        r#"issuanceDate "01/01/2010" is not a date-time (RFC 3339)"#
    );
}

#[test]
fn vcdm_1_1_expiration_date_not_a_date_time() {
    let problems = v1_with(|c| c["expirationDate"] = json!("never"));
    assert_eq!(
        only(&problems, "expirationDate"),
        r#"expirationDate "never" is not a date-time (RFC 3339)"#
    );
}

#[test]
fn vcdm_1_1_with_valid_from_only() {
    let problems = v1_with(|c| {
        remove(c, "/issuanceDate");
        c["validFrom"] = json!("2010-01-01T00:00:00Z");
    });
    assert_eq!(only(&problems, "issuanceDate"), "issuanceDate is missing");
}

#[test]
fn credential_subject_missing() {
    let problems = basic_with(|c| remove(c, "/credentialSubject"));
    assert_eq!(
        only(&problems, "credentialSubject"),
        "credentialSubject is missing"
    );
}

#[test]
fn credential_subject_as_a_list() {
    let problems = basic_with(|c| c["credentialSubject"] = json!([c["credentialSubject"].clone()]));
    assert_eq!(
        only(&problems, "credentialSubject"),
        "credentialSubject is a list, not one object"
    );
}

#[test]
fn credential_subject_type_missing() {
    let problems = basic_with(|c| remove(c, "/credentialSubject/type"));
    assert_eq!(
        only(&problems, "credentialSubject.type"),
        "credentialSubject.type is missing"
    );
}

#[test]
fn credential_subject_type_without_achievement_subject() {
    let problems = basic_with(|c| c["credentialSubject"]["type"] = json!("Person"));
    assert_eq!(
        only(&problems, "credentialSubject.type"),
        r#"credentialSubject.type does not include "AchievementSubject""#
    );
}

#[test]
fn credential_subject_id_not_a_uri() {
    let problems = basic_with(|c| c["credentialSubject"]["id"] = json!("Jane Doe"));
    assert_eq!(
        only(&problems, "credentialSubject.id"),
        r#"credentialSubject.id "Jane Doe" is not a URI"#
    );
}

#[test]
fn achievement_missing() {
    let problems = basic_with(|c| remove(c, "/credentialSubject/achievement"));
    assert_eq!(
        only(&problems, "credentialSubject.achievement"),
        "credentialSubject.achievement is missing"
    );
}

#[test]
fn achievement_as_a_reference() {
    let problems = basic_with(|c| {
        c["credentialSubject"]["achievement"] = json!("https://example.com/achievements/teamwork");
    });
    assert_eq!(
        only(&problems, "credentialSubject.achievement"),
        "credentialSubject.achievement is not an object"
    );
}

#[test]
fn achievement_id_missing() {
    let problems = basic_with(|c| remove(c, "/credentialSubject/achievement/id"));
    assert_eq!(
        only(&problems, "credentialSubject.achievement.id"),
        "credentialSubject.achievement.id is missing"
    );
}

#[test]
fn achievement_type_without_achievement() {
    let problems = basic_with(|c| c["credentialSubject"]["achievement"]["type"] = json!(["Badge"]));
    assert_eq!(
        only(&problems, "credentialSubject.achievement.type"),
        r#"credentialSubject.achievement.type does not include "Achievement""#
    );
}

#[test]
fn achievement_name_missing() {
    let problems = basic_with(|c| remove(c, "/credentialSubject/achievement/name"));
    assert_eq!(
        only(&problems, "credentialSubject.achievement.name"),
        "credentialSubject.achievement.name is missing"
    );
}

#[test]
fn achievement_description_missing() {
    let problems = basic_with(|c| remove(c, "/credentialSubject/achievement/description"));
    assert_eq!(
        only(&problems, "credentialSubject.achievement.description"),
        "credentialSubject.achievement.description is missing"
    );
}

#[test]
fn achievement_criteria_missing() {
    let problems = basic_with(|c| remove(c, "/credentialSubject/achievement/criteria"));
    assert_eq!(
        only(&problems, "credentialSubject.achievement.criteria"),
        "credentialSubject.achievement.criteria is missing"
    );
}

#[test]
fn achievement_criteria_without_id_or_narrative() {
    let problems = basic_with(|c| remove(c, "/credentialSubject/achievement/criteria/narrative"));
    assert_eq!(
        only(&problems, "credentialSubject.achievement.criteria"),
        "credentialSubject.achievement.criteria has neither id nor narrative"
    );
}

#[test]
fn achievement_criteria_with_an_id_only_is_accepted() {
    let problems = basic_with(|c| {
        c["credentialSubject"]["achievement"]["criteria"] =
            json!({"id": "https://example.com/criteria"});
    });
    assert_eq!(problems, []);
}

fn with_identifier(entry: Value) -> Vec<Problem> {
    basic_with(|c| c["credentialSubject"]["identifier"] = json!([entry]))
}

fn email_identifier() -> Value {
    json!({
        "type": "IdentityObject",
        "identityHash": "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399",
        "identityType": "emailAddress",
        "hashed": true,
        "salt": "Kosher"
    })
}

#[test]
fn identifier_complete_is_accepted() {
    assert_eq!(with_identifier(email_identifier()), []);
}

#[test]
fn identifier_identity_hash_missing() {
    let mut entry = email_identifier();
    entry.as_object_mut().unwrap().remove("identityHash");
    assert_eq!(
        only(
            &with_identifier(entry),
            "credentialSubject.identifier[0].identityHash"
        ),
        "credentialSubject.identifier[0].identityHash is missing"
    );
}

#[test]
fn identifier_identity_type_missing() {
    let mut entry = email_identifier();
    entry.as_object_mut().unwrap().remove("identityType");
    assert_eq!(
        only(
            &with_identifier(entry),
            "credentialSubject.identifier[0].identityType"
        ),
        "credentialSubject.identifier[0].identityType is missing"
    );
}

#[test]
fn identifier_hashed_missing() {
    let mut entry = email_identifier();
    entry.as_object_mut().unwrap().remove("hashed");
    assert_eq!(
        only(
            &with_identifier(entry),
            "credentialSubject.identifier[0].hashed"
        ),
        "credentialSubject.identifier[0].hashed is missing"
    );
}

#[test]
fn identifier_hashed_as_text() {
    let mut entry = email_identifier();
    entry["hashed"] = json!("true");
    assert_eq!(
        only(
            &with_identifier(entry),
            "credentialSubject.identifier[0].hashed"
        ),
        "credentialSubject.identifier[0].hashed is not true or false"
    );
}

#[test]
fn identifier_hashed_but_plain() {
    let mut entry = email_identifier();
    entry["identityHash"] = json!("a@example.com");
    let message = only(
        &with_identifier(entry),
        "credentialSubject.identifier[0].identityHash",
    );
    assert!(message.contains("is not a hash"), "{message}");
}

#[test]
fn identifier_plain_and_unhashed_is_accepted() {
    let mut entry = email_identifier();
    entry["identityHash"] = json!("a@example.com");
    entry["hashed"] = json!(false);
    assert_eq!(with_identifier(entry), []);
}

#[test]
fn identifier_written_as_one_object_is_read_as_a_list_of_one() {
    let mut entry = email_identifier();
    entry.as_object_mut().unwrap().remove("identityType");
    let problems = basic_with(|c| c["credentialSubject"]["identifier"] = entry);
    assert_eq!(
        only(&problems, "credentialSubject.identifier.identityType"),
        "credentialSubject.identifier.identityType is missing"
    );
}

#[test]
fn evidence_without_its_type() {
    let problems =
        basic_with(|c| c["evidence"] = json!([{"id": "https://example.com/work", "name": "Work"}]));
    assert_eq!(
        only(&problems, "evidence[0].type"),
        "evidence[0].type is missing"
    );
}

#[test]
fn alignment_without_target_url() {
    let problems = basic_with(|c| {
        c["credentialSubject"]["achievement"]["alignment"] = json!([{
            "type": ["Alignment"],
            "targetName": "Teamwork"
        }]);
    });
    assert_eq!(
        only(
            &problems,
            "credentialSubject.achievement.alignment[0].targetUrl"
        ),
        "credentialSubject.achievement.alignment[0].targetUrl is missing"
    );
}

#[test]
fn image_object_without_id() {
    let problems =
        basic_with(|c| c["credentialSubject"]["achievement"]["image"] = json!({"type": "Image"}));
    assert_eq!(
        only(&problems, "credentialSubject.achievement.image.id"),
        "credentialSubject.achievement.image.id is missing"
    );
}

#[test]
fn image_as_a_data_uri_is_accepted() {
    let problems = basic_with(|c| c["image"] = json!("data:image/png;base64,iVBORw0KGgo="));
    assert_eq!(problems, []);
}

#[test]
fn proof_without_its_type() {
    let problems = basic_with(|c| c["proof"] = json!({"proofValue": "z123"}));
    assert_eq!(only(&problems, "proof.type"), "proof.type is missing");
}

#[test]
fn credential_status_without_id() {
    let problems = basic_with(|c| c["credentialStatus"] = json!({"type": "1EdTechRevocationList"}));
    assert_eq!(
        only(&problems, "credentialStatus.id"),
        "credentialStatus.id is missing"
    );
}

#[test]
fn endorsement_jwt_that_is_not_a_jws() {
    let problems =
        basic_with(|c| c["endorsementJwt"] = json!(["eyJhbGciOiJFZERTQSJ9.e30.c2ln", "nope"]));
    assert_eq!(
        only(&problems, "endorsementJwt[1]"),
        "endorsementJwt[1] is not a compact JWS"
    );
}

#[test]
fn several_problems_come_in_document_order() {
    let problems = basic_with(|c| {
        remove(c, "/name");
        remove(c, "/issuer");
        remove(c, "/credentialSubject/achievement/criteria");
    });
    assert_eq!(
        paths(&problems),
        ["name", "issuer", "credentialSubject.achievement.criteria"]
    );
}

// ---------------------------------------------------------------- endorsements

fn endorsement() -> Value {
    load("1edtech-ob-spec/examples/endorsement.json")
}

#[test]
fn endorsement_subject_type_without_endorsement_subject() {
    let mut credential = endorsement();
    credential["credentialSubject"]["type"] = json!(["AchievementSubject"]);
    assert_eq!(
        only(&schema::ob3_problems(&credential), "credentialSubject.type"),
        r#"credentialSubject.type does not include "EndorsementSubject""#
    );
}

#[test]
fn endorsement_subject_id_missing() {
    let mut credential = endorsement();
    remove(&mut credential, "/credentialSubject/id");
    assert_eq!(
        only(&schema::ob3_problems(&credential), "credentialSubject.id"),
        "credentialSubject.id is missing"
    );
}

#[test]
fn embedded_endorsements_are_checked_as_credentials() {
    let mut inner = endorsement();
    remove(&mut inner, "/validFrom");
    inner["type"] = json!(["VerifiableCredential", "OpenBadgeCredential"]);
    let problems = basic_with(|c| c["issuer"]["endorsement"] = json!([inner]));
    assert_eq!(
        paths(&problems),
        [
            "issuer.endorsement[0].type",
            "issuer.endorsement[0].validFrom"
        ]
    );
    assert_eq!(
        problems[0].message,
        r#"issuer.endorsement[0].type does not include "EndorsementCredential""#
    );
}

// ---------------------------------------------------------------- OB 2.0

fn basic_assertion() -> Value {
    load("1edtech-validator/ob20/basic-assertion.json")
}

fn assertion_with(edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
    let mut assertion = basic_assertion();
    edit(&mut assertion);
    schema::ob2_problems(&assertion)
}

#[test]
fn ob2_basic_assertion_has_no_problems() {
    assert_eq!(schema::ob2_problems(&basic_assertion()), []);
}

#[test]
fn ob2_invalid_type_fixture_reports_type() {
    let problems = schema::ob2_problems(&load(
        "1edtech-validator/ob20/basic-assertion-invalid-type.json",
    ));
    assert_eq!(
        only(&problems, "type"),
        r#"type does not include "Assertion""#
    );
}

#[test]
fn ob2_invalid_context_fixture_reports_the_context() {
    let problems = schema::ob2_problems(&load(
        "1edtech-validator/ob20/basic-assertion-invalid-context.json",
    ));
    assert_eq!(
        only(&problems, "@context"),
        r#"@context does not include "https://w3id.org/openbadges/v2""#
    );
}

#[test]
fn every_other_ob2_assertion_vector_has_no_problems() {
    let invalid = [
        "1edtech-validator/ob20/basic-assertion-invalid-context.json",
        "1edtech-validator/ob20/basic-assertion-invalid-type.json",
    ];
    let mut checked = 0;
    for (path, value) in all_vectors() {
        let is_assertion = value.get("recipient").is_some() && value.get("badge").is_some();
        if schema::detect(&value) != Kind::Ob2 || !is_assertion || invalid.contains(&path.as_str())
        {
            continue;
        }
        checked += 1;
        assert_eq!(schema::ob2_problems(&value), [], "{path}");
    }
    assert!(checked >= 18, "only {checked} OB 2.0 assertions found");
}

#[test]
fn ob2_context_missing() {
    assert_eq!(
        only(&assertion_with(|a| remove(a, "/@context")), "@context"),
        "@context is missing"
    );
}

#[test]
fn ob2_id_missing() {
    assert_eq!(
        only(&assertion_with(|a| remove(a, "/id")), "id"),
        "id is missing"
    );
}

#[test]
fn ob2_recipient_missing() {
    assert_eq!(
        only(&assertion_with(|a| remove(a, "/recipient")), "recipient"),
        "recipient is missing"
    );
}

#[test]
fn ob2_recipient_identity_missing() {
    let problems = assertion_with(|a| remove(a, "/recipient/identity"));
    assert_eq!(
        only(&problems, "recipient.identity"),
        "recipient.identity is missing"
    );
}

#[test]
fn ob2_recipient_type_missing() {
    let problems = assertion_with(|a| remove(a, "/recipient/type"));
    assert_eq!(
        only(&problems, "recipient.type"),
        "recipient.type is missing"
    );
}

#[test]
fn ob2_recipient_hashed_missing() {
    let problems = assertion_with(|a| remove(a, "/recipient/hashed"));
    assert_eq!(
        only(&problems, "recipient.hashed"),
        "recipient.hashed is missing"
    );
}

#[test]
fn ob2_recipient_hashed_but_plain() {
    let problems = assertion_with(|a| a["recipient"]["identity"] = json!("beth@example.org"));
    let message = only(&problems, "recipient.identity");
    assert!(
        message.starts_with(r#"recipient.identity "beth@example.org" is not a hash"#),
        "{message}"
    );
}

#[test]
fn ob2_badge_missing() {
    assert_eq!(
        only(&assertion_with(|a| remove(a, "/badge")), "badge"),
        "badge is missing"
    );
}

#[test]
fn ob2_verification_missing() {
    let problems = assertion_with(|a| remove(a, "/verification"));
    assert_eq!(only(&problems, "verification"), "verification is missing");
}

#[test]
fn ob2_verification_type_missing() {
    let problems = assertion_with(|a| remove(a, "/verification/type"));
    assert_eq!(
        only(&problems, "verification.type"),
        "verification.type is missing"
    );
}

#[test]
fn ob2_verification_type_unknown() {
    let problems = assertion_with(|a| a["verification"]["type"] = json!("emailed"));
    assert_eq!(
        only(&problems, "verification.type"),
        r#"verification.type "emailed" is not "hosted" or "signed""#
    );
}

#[test]
fn ob2_verification_types_of_both_spellings_are_accepted() {
    for kind in ["hosted", "HostedBadge", "signed", "SignedBadge"] {
        assert_eq!(
            assertion_with(|a| a["verification"]["type"] = json!(kind)),
            [],
            "{kind}"
        );
    }
}

#[test]
fn ob2_issued_on_missing() {
    assert_eq!(
        only(&assertion_with(|a| remove(a, "/issuedOn")), "issuedOn"),
        "issuedOn is missing"
    );
}

#[test]
fn ob2_issued_on_not_a_date() {
    let problems = assertion_with(|a| a["issuedOn"] = json!("New Year's Eve"));
    assert_eq!(
        only(&problems, "issuedOn"),
        r#"issuedOn "New Year's Eve" is not a date-time (ISO 8601) or a Unix timestamp"#
    );
}

#[test]
fn ob2_issued_on_as_a_unix_timestamp_or_date_is_accepted() {
    assert_eq!(assertion_with(|a| a["issuedOn"] = json!(1483228799)), []);
    assert_eq!(assertion_with(|a| a["issuedOn"] = json!("2016-12-31")), []);
}

#[test]
fn ob2_expires_not_a_date() {
    let problems = assertion_with(|a| a["expires"] = json!(true));
    assert_eq!(
        only(&problems, "expires"),
        "expires true is not a date-time (ISO 8601) or a Unix timestamp"
    );
}

#[test]
fn ob2_revoked_as_text() {
    let problems = assertion_with(|a| a["revoked"] = json!("yes"));
    assert_eq!(only(&problems, "revoked"), "revoked is not true or false");
}

fn embedded_badge() -> Value {
    json!({
        "type": "BadgeClass",
        "id": "https://example.org/robotics-badge.json",
        "name": "Awesome Robotics Badge",
        "description": "For doing awesome things with robots.",
        "image": "https://example.org/robotics-badge.png",
        "criteria": {"narrative": "Build a robot."},
        "issuer": {
            "type": "Issuer",
            "id": "https://example.org/organization.json",
            "name": "An Example Badge Issuer",
            "url": "https://example.org",
            "email": "contact@example.org"
        }
    })
}

#[test]
fn ob2_embedded_badge_class_is_checked() {
    assert_eq!(assertion_with(|a| a["badge"] = embedded_badge()), []);
    for (pointer, path) in [
        ("/badge/name", "badge.name"),
        ("/badge/description", "badge.description"),
        ("/badge/image", "badge.image"),
        ("/badge/criteria", "badge.criteria"),
        ("/badge/issuer", "badge.issuer"),
        ("/badge/issuer/id", "badge.issuer.id"),
        ("/badge/issuer/name", "badge.issuer.name"),
    ] {
        let problems = assertion_with(|a| {
            a["badge"] = embedded_badge();
            remove(a, pointer);
        });
        assert_eq!(only(&problems, path), format!("{path} is missing"));
    }
}

#[test]
fn ob2_embedded_issuer_with_a_wrong_type() {
    let problems = assertion_with(|a| {
        a["badge"] = embedded_badge();
        set(a, "/badge/issuer/type", json!("Organization"));
    });
    assert_eq!(
        only(&problems, "badge.issuer.type"),
        r#"badge.issuer.type does not include "Issuer" or "Profile""#
    );
}

#[test]
fn ob2_not_an_object() {
    assert_eq!(
        only(&schema::ob2_problems(&json!([1, 2])), ""),
        "the assertion is not a JSON object"
    );
}

// ---------------------------------------------------------------- detection

#[test]
fn detect_tells_the_kinds_of_the_vectors_apart() {
    let cases = [
        (
            "1edtech-ob-spec/examples/basicOpenBadgeCredential.json",
            Kind::Ob3 { vcdm: Vcdm::V2 },
        ),
        (
            "1edtech-ob-spec/examples/endorsement.json",
            Kind::Ob3 { vcdm: Vcdm::V2 },
        ),
        (
            "1edtech-validator/ob30/simple_v1.json",
            Kind::Ob3 { vcdm: Vcdm::V1_1 },
        ),
        (
            "1edtech-validator/ob30/simple-err-type.json",
            Kind::Ob3 { vcdm: Vcdm::V2 },
        ),
        (
            "1edtech-validator/ob30/simple-err-context.json",
            Kind::Ob3 { vcdm: Vcdm::V1_1 },
        ),
        (
            "w3c-vc-di-eddsa/unsigned.json",
            Kind::OtherVc { vcdm: Vcdm::V2 },
        ),
        (
            "dcc-vc-test-fixtures/verifiableCredentials/v1/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-oldDCCExample.json",
            Kind::OtherVc { vcdm: Vcdm::V1_1 },
        ),
        ("1edtech-validator/ob20/basic-assertion.json", Kind::Ob2),
        (
            "1edtech-validator/ob20/basic-assertion-invalid-context.json",
            Kind::Ob2,
        ),
        (
            "1edtech-validator/ob20/basic-assertion-invalid-type.json",
            Kind::Ob2,
        ),
        (
            "1edtech-validator/ob20/assets/robotics-badge.json",
            Kind::Ob2,
        ),
        ("1edtech-validator/ob20/assets/issuer1.json", Kind::Ob2),
        ("w3c-vc-di-eddsa/keyPair.json", Kind::Unknown),
        ("1edtech-ob-spec/contexts/context-3.0.3.json", Kind::Unknown),
    ];
    for (file, kind) in cases {
        assert_eq!(schema::detect(&load(file)), kind, "{file}");
    }
}

#[test]
fn detect_reads_the_baked_ob2_and_ob1_payloads() {
    let read = |file: &str| -> Value {
        let text = std::fs::read_to_string(vectors().join(file)).unwrap();
        serde_json::from_str(&text).unwrap()
    };
    assert_eq!(
        schema::detect(&read("1edtech-validator/ob20/simple-badge.png.expected")),
        Kind::Ob2
    );
    assert_eq!(
        schema::detect(&read(
            "legacy-baked/concentricsky-openbadges-bakery/baked_heart.png.expected"
        )),
        Kind::Ob1
    );
}

#[test]
fn detect_ob1_shapes() {
    let ob1_0 = json!({
        "uid": "abc123",
        "recipient": {"type": "email", "hashed": false, "identity": "a@example.com"},
        "badge": "https://example.org/badge.json",
        "verify": {"type": "hosted", "url": "https://example.org/assertion.json"},
        "issuedOn": "2014-01-01"
    });
    let ob0_5 = json!({
        "recipient": "sha256$c7ef86405ba71b85acd8e2e95166c4b111448089f2e1599f42fe1bba46e865c5",
        "salt": "deadsea",
        "badge": {"name": "Badge", "issuer": {"origin": "https://example.org", "name": "Org"}},
        "issued_on": "2012-06-01"
    });
    let ob1_1 = json!({
        "@context": "https://w3id.org/openbadges/v1",
        "type": "Assertion",
        "uid": "abc123",
        "recipient": {"type": "email", "hashed": false, "identity": "a@example.com"},
        "badge": "https://example.org/badge.json",
        "verify": {"type": "hosted", "url": "https://example.org/assertion.json"},
        "issuedOn": 1388534400
    });
    assert_eq!(schema::detect(&ob1_0), Kind::Ob1);
    assert_eq!(schema::detect(&ob0_5), Kind::Ob1);
    assert_eq!(schema::detect(&ob1_1), Kind::Ob1);
}

#[test]
fn detect_ob2_without_its_context() {
    let mut assertion = basic_assertion();
    remove(&mut assertion, "/@context");
    assert_eq!(schema::detect(&assertion), Kind::Ob2);
    remove(&mut assertion, "/type");
    assert_eq!(schema::detect(&assertion), Kind::Ob2);
}

#[test]
fn detect_ob3_by_type_without_context() {
    let mut credential = basic();
    remove(&mut credential, "/@context");
    assert_eq!(schema::detect(&credential), Kind::Ob3 { vcdm: Vcdm::V2 });
    let mut credential = load("1edtech-validator/ob30/simple_v1.json");
    remove(&mut credential, "/@context");
    assert_eq!(schema::detect(&credential), Kind::Ob3 { vcdm: Vcdm::V1_1 });
}

#[test]
fn detect_other_values() {
    for value in [
        json!(null),
        json!("eyJhbGciOiJFZERTQSJ9.e30.c2ln"),
        json!([]),
        json!({}),
        json!(3),
    ] {
        assert_eq!(schema::detect(&value), Kind::Unknown, "{value}");
    }
}

// ---------------------------------------------------------------- dates

#[test]
fn parse_datetime_reads_rfc_3339() {
    assert_eq!(
        parse_datetime("2010-01-01T00:00:00Z"),
        Some(at((2010, 1, 1), (0, 0, 0), 0))
    );
    assert_eq!(
        parse_datetime("2022-11-10T07:38:00-08:00"),
        Some(at((2022, 11, 10), (7, 38, 0), -8))
    );
    assert_eq!(
        parse_datetime("2026-01-23T15:11:55.521Z"),
        Some(
            at((2026, 1, 23), (15, 11, 55), 0)
                .replace_millisecond(521)
                .unwrap()
        )
    );
}

#[test]
fn parse_datetime_reads_the_looser_ob2_forms() {
    assert_eq!(
        parse_datetime("2017-10-01T00:00Z"),
        Some(at((2017, 10, 1), (0, 0, 0), 0))
    );
    assert_eq!(
        parse_datetime("2016-12-31T23:59:59"),
        Some(at((2016, 12, 31), (23, 59, 59), 0))
    );
    assert_eq!(
        parse_datetime("2016-12-31T23:59:59+0100"),
        Some(at((2016, 12, 31), (23, 59, 59), 1))
    );
    assert_eq!(
        parse_datetime("2015-04-01"),
        Some(at((2015, 4, 1), (0, 0, 0), 0))
    );
}

#[test]
fn parse_datetime_rejects_what_is_not_a_date() {
    for text in [
        "",
        "yesterday",
        "2015-13-01",
        "2015-02-30T00:00:00Z",
        "2015-01-01T25:00:00Z",
        "01/04/2015",
        "1483228799",
        "2015-01-01T00:00:00Zjunk",
        "２０１５-01-01",
    ] {
        assert_eq!(parse_datetime(text), None, "{text:?}");
    }
}

#[test]
fn parse_rfc3339_requires_a_time_zone() {
    assert!(parse_rfc3339("2010-01-01T00:00:00Z").is_some());
    assert!(parse_rfc3339("2010-01-01T00:00:00").is_none());
    assert!(parse_rfc3339("2017-10-01T00:00Z").is_none());
    assert!(parse_rfc3339("2010-01-01").is_none());
}

#[test]
fn unix_timestamps() {
    let seconds = |value: Value| match value {
        Value::Number(n) => parse_unix_timestamp(&n),
        _ => unreachable!(),
    };
    assert_eq!(
        seconds(json!(1483228799)),
        Some(at((2016, 12, 31), (23, 59, 59), 0))
    );
    assert_eq!(
        seconds(json!(1483228799.9)),
        Some(at((2016, 12, 31), (23, 59, 59), 0))
    );
    assert_eq!(
        seconds(json!(-1)),
        Some(at((1969, 12, 31), (23, 59, 59), 0))
    );
    assert_eq!(seconds(json!(u64::MAX)), None);
    assert_eq!(seconds(json!(1e300)), None);
    assert_eq!(
        parse_date_value(&json!("2015-04-01")),
        Some(at((2015, 4, 1), (0, 0, 0), 0))
    );
    assert_eq!(
        parse_date_value(&json!(0)),
        Some(at((1970, 1, 1), (0, 0, 0), 0))
    );
    assert_eq!(parse_date_value(&json!(null)), None);
}

// ---------------------------------------------------------------- hostile input

#[test]
fn odd_shapes_give_problems_not_panics() {
    let odd = [
        json!(null),
        json!([]),
        json!("text"),
        json!({}),
        json!({"@context": {}, "type": [], "issuer": [], "credentialSubject": 1}),
        json!({"@context": [null], "type": [1], "credentialSubject": {"achievement": {"criteria": []}}}),
        json!({"credentialSubject": {"identifier": [1, null, {}], "result": "x", "source": "x"}}),
        json!({"evidence": 5, "proof": [null], "endorsement": [1, {}], "endorsementJwt": {}}),
        json!({"issuer": {"parentOrg": {"parentOrg": []}, "otherIdentifier": [[]], "address": 1}}),
        json!({"validFrom": "\u{0}", "validUntil": "9999-99-99T99:99:99Z", "name": []}),
        json!({"recipient": [], "badge": {"issuer": [], "criteria": 1}, "verification": {"type": []}}),
        json!({"issuedOn": {}, "expires": [], "image": 1, "evidence": [1, {"id": 3}]}),
    ];
    for value in odd {
        let ob3 = schema::ob3_problems(&value);
        let ob2 = schema::ob2_problems(&value);
        assert!(!ob3.is_empty() && !ob2.is_empty(), "{value}");
        let _ = schema::detect(&value);
    }
}

#[test]
fn deeply_nested_endorsements_do_not_overflow() {
    let mut credential = endorsement();
    for _ in 0..60 {
        let mut outer = endorsement();
        outer["issuer"]["endorsement"] = json!([credential]);
        credential = outer;
    }
    assert_eq!(schema::ob3_problems(&credential), []);
}

#[test]
fn long_values_are_shortened_in_messages() {
    let long = "x".repeat(10_000);
    let problems = basic_with(|c| c["validFrom"] = json!(long));
    let message = only(&problems, "validFrom");
    assert!(message.chars().count() < 150, "{message}");
    assert!(message.contains('…'));
}

#[test]
fn problems_display_as_their_message() {
    let problem = Problem {
        path: "issuer".into(),
        message: "issuer is missing".into(),
    };
    assert_eq!(problem.to_string(), "issuer is missing");
}
