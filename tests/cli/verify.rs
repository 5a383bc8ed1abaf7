//! `badgesmith verify`: the report, its JSON form and the exit codes of the
//! CLI contract (0 valid, 1 invalid, 2 cannot read).

use serde_json::Value;

use crate::support::{assert_error, parts, run, vector};

const OB3_PNG: &str = "1edtech-validator/ob30/simple-json.png";
const OB3_SIGNED: &str = "1edtech-ob-spec/ldp-testvector-obv3p0/signed.json";

fn report(args: &[&str]) -> (i32, Value) {
    let (code, stdout, stderr) = parts(&run(args));
    let value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout} {stderr}"));
    (code, value)
}

fn status<'a>(report: &'a Value, id: &str) -> &'a str {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no {id} check in {report}"))["status"]
        .as_str()
        .unwrap()
}

#[test]
fn a_baked_ob3_png_is_valid_offline() {
    let path = vector(OB3_PNG);
    let (code, r) = report(&["verify", "--json", "--offline", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{r}");
    assert_eq!(r["valid"], true);
    assert_eq!(r["format"], "ob3-json");
    for id in ["parse", "schema", "proof", "issuer-key", "dates", "status"] {
        assert_eq!(status(&r, id), "pass", "{id}: {r}");
    }
    assert_eq!(r["issuer"]["id"], "https://example.com/issuers/876543");
    assert_eq!(r["achievement"]["name"], "Teamwork");
    assert_eq!(r["validFrom"], "2010-01-01T00:00:00Z");
    assert_eq!(r["validUntil"], Value::Null);
}

#[test]
fn the_text_report_has_a_verdict_and_one_line_per_check() {
    let path = vector(OB3_SIGNED);
    let (code, stdout, _) = parts(&run(&["verify", path.to_str().unwrap()]));
    assert_eq!(code, 0);
    assert!(
        stdout.lines().next().unwrap().ends_with(": VALID"),
        "{stdout}"
    );
    assert!(stdout.contains("[pass] proof"), "{stdout}");
    assert!(stdout.contains("Signed by the issuer it names"), "{stdout}");
}

#[test]
fn a_changed_credential_is_invalid_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc: Value =
        serde_json::from_slice(&std::fs::read(vector(OB3_SIGNED)).unwrap()).unwrap();
    doc["credentialSubject"]["achievement"]["name"] = "Leadership".into();
    let file = dir.path().join("changed.json");
    std::fs::write(&file, serde_json::to_vec(&doc).unwrap()).unwrap();
    let (code, r) = report(&["verify", "--json", file.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(r["valid"], false);
    assert_eq!(status(&r, "proof"), "fail");
    assert!(
        r["checks"][2]["message"]
            .as_str()
            .unwrap()
            .contains("changed after it was signed"),
        "{r}"
    );
}

#[test]
fn at_moves_the_clock() {
    let path = vector(
        "dcc-vc-test-fixtures/verifiableCredentials/v2/ed25519/didKey/legacy-noStatus-expired.json",
    );
    let p = path.to_str().unwrap();
    let (code, r) = report(&["verify", "--json", "--at", "2026-06-01T00:00:00Z", p]);
    assert_eq!(code, 1, "{r}");
    assert_eq!(status(&r, "dates"), "fail");
    assert_eq!(status(&r, "proof"), "pass");
    let (code, r) = report(&["verify", "--json", "--at", "2010-06-01T00:00:00Z", p]);
    assert_eq!(status(&r, "dates"), "pass", "{r}");
    assert_eq!(code, 0);
}

#[test]
fn a_bad_at_is_a_usage_error() {
    let path = vector(OB3_SIGNED);
    assert_error(
        &run(&["verify", "--at", "yesterday", path.to_str().unwrap()]),
        2,
        "--at: \"yesterday\"",
    );
}

#[test]
fn network_steps_are_skipped_offline_never_passed() {
    let path = vector("1edtech-validator/ob20/simple-badge.png");
    let (code, r) = report(&["verify", "--json", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{r}");
    assert_eq!(r["format"], "ob2-json");
    assert_eq!(status(&r, "proof"), "skip");
    assert_eq!(status(&r, "status"), "skip");
}

#[test]
fn a_vc_jwt_in_an_svg() {
    let path = vector("1edtech-validator/ob30/simple-jwt.svg");
    let (code, r) = report(&["verify", "--json", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{r}");
    assert_eq!(r["format"], "ob3-jwt");
    assert_eq!(status(&r, "proof"), "pass");
}

#[test]
fn is_this_mine() {
    // The OB 2.0 vector's identity is sha256("nobody@example.org" + "deadsea").
    let path = vector("1edtech-validator/ob20/basic-assertion.json");
    let p = path.to_str().unwrap();
    let (_, r) = report(&[
        "verify",
        "--json",
        "--recipient",
        "  Nobody@Example.org ",
        p,
    ]);
    assert_eq!(status(&r, "recipient"), "pass", "{r}");
    let (code, r) = report(&["verify", "--json", "--recipient", "somebody@example.org", p]);
    assert_eq!(status(&r, "recipient"), "fail", "{r}");
    assert_eq!(code, 1);
}

#[test]
fn an_image_without_a_badge() {
    let path = vector("legacy-baked/mozilla-openbadges-bakery/unbaked.png");
    let arg = path.to_str().unwrap();
    assert_error(
        &run(&["verify", arg]),
        1,
        "no badge is baked into this image",
    );
}

#[test]
fn a_truncated_image_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let full = std::fs::read(vector(OB3_PNG)).unwrap();
    let cut = dir.path().join("cut.png");
    std::fs::write(&cut, &full[..full.len() / 3]).unwrap();
    assert_error(&run(&["verify", cut.to_str().unwrap()]), 2, "cut.png: ");
}

#[test]
fn text_that_is_no_badge_fails_the_parse_check() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.json");
    std::fs::write(&file, "{\"hello\": \"world\"}").unwrap();
    let (code, r) = report(&["verify", "--json", file.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(status(&r, "parse"), "fail");
}
