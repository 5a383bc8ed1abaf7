//! Bad input gets one sentence on stderr naming the file, and exit code 2;
//! nothing is written.

use crate::support::{assert_error, run, vector};

#[test]
fn a_missing_file() {
    assert_error(
        &run(&["unbake", "/no/such/badge.png"]),
        2,
        "/no/such/badge.png: ",
    );
}

#[test]
fn a_truncated_png() {
    let dir = tempfile::tempdir().unwrap();
    let full = std::fs::read(vector("1edtech-validator/ob30/simple-json.png")).unwrap();
    let cut = dir.path().join("cut.png");
    std::fs::write(&cut, &full[..full.len() / 2]).unwrap();
    let arg = cut.to_str().unwrap();
    assert_error(&run(&["unbake", arg]), 2, &format!("{arg}: "));
    assert_error(&run(&["inspect", arg]), 2, "truncated");
}

#[test]
fn a_corrupted_crc() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes =
        std::fs::read(vector("legacy-baked/mozilla-openbadges-bakery/unbaked.png")).unwrap();
    // The IHDR chunk's CRC sits at bytes 29..33.
    bytes[30] ^= 0xff;
    let bad = dir.path().join("bad.png");
    std::fs::write(&bad, &bytes).unwrap();
    assert_error(&run(&["inspect", bad.to_str().unwrap()]), 2, "CRC");
}

#[test]
fn not_an_image() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("notes.bin");
    std::fs::write(&f, [0u8, 159, 146, 150]).unwrap();
    assert_error(
        &run(&["inspect", f.to_str().unwrap()]),
        2,
        "notes.bin: not a PNG or SVG image",
    );
}

/// Bakes `credential` into a plain PNG and expects exit 2 with `needle`, and no output file.
fn bake_refuses(credential: &str, needle: &str) {
    let dir = tempfile::tempdir().unwrap();
    let cred = dir.path().join("cred.json");
    std::fs::write(&cred, credential).unwrap();
    let out_path = dir.path().join("out.png");
    let image = vector("legacy-baked/mozilla-openbadges-bakery/unbaked.png");
    let out = run(&[
        "bake",
        image.to_str().unwrap(),
        cred.to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_error(&out, 2, needle);
    assert!(!out_path.exists(), "nothing is written");
}

#[test]
fn a_credential_that_is_not_json() {
    bake_refuses("{ not json", "cred.json: the credential is not valid JSON");
}

#[test]
fn a_credential_of_unknown_kind() {
    bake_refuses(
        r#"{"hello": "world"}"#,
        "neither an Open Badges 3.0 credential",
    );
}

#[test]
fn an_empty_credential() {
    bake_refuses("", "cred.json: ");
}

#[test]
fn usage_errors_exit_2() {
    let out = run(&["bake", "only-one-arg"]);
    assert_eq!(out.status.code(), Some(2));
}
