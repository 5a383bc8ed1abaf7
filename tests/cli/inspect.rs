//! `badgesmith inspect` in words and as JSON.

use crate::support::{parts, run, vector};

fn inspect_json(rel: &str) -> serde_json::Value {
    let out = run(&["inspect", vector(rel).to_str().unwrap(), "--json"]);
    let (code, stdout, stderr) = parts(&out);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

#[test]
fn ob3_json_in_a_png() {
    let v = inspect_json("1edtech-validator/ob30/simple-json.png");
    assert_eq!(v["format"], "png");
    assert_eq!(v["baked"], true);
    assert_eq!(v["version"], "ob3");
    assert_eq!(v["keyword"], "openbadgecredential");
    assert_eq!(v["chunkType"], "iTXt");
    assert_eq!(v["kind"], "json");
    assert_eq!(v["compressed"], false);
    assert!(v["textBytes"].as_u64().unwrap() > 1000);
    assert_eq!(v["warnings"], serde_json::json!([]));
}

#[test]
fn ob3_jwt_in_an_svg() {
    let v = inspect_json("1edtech-validator/ob30/simple-jwt.svg");
    assert_eq!(v["format"], "svg");
    assert_eq!(v["version"], "ob3");
    assert_eq!(v["element"], "openbadges:credential");
    assert_eq!(v["svgSource"], "verify-attribute");
    assert_eq!(v["kind"], "jws");
}

#[test]
fn ob2_and_legacy_url() {
    let v = inspect_json("1edtech-validator/ob20/simple-badge.png");
    assert_eq!(v["version"], "ob2");
    assert_eq!(v["keyword"], "openbadges");
    let v = inspect_json("legacy-baked/mozilla-openbadges-backpack/valid-baked.png");
    assert_eq!(v["kind"], "url");
    assert_eq!(v["chunkType"], "tEXt");
    assert_eq!(v["version"], "ob1");
}

#[test]
fn no_badge() {
    let v = inspect_json("legacy-baked/mozilla-openbadges-bakery/unbaked.png");
    assert_eq!(v["baked"], false);
    assert_eq!(v["version"], serde_json::Value::Null);
}

#[test]
fn human_output_names_the_badge() {
    let out = run(&[
        "inspect",
        vector("1edtech-validator/ob30/simple-json.svg")
            .to_str()
            .unwrap(),
    ]);
    let (code, stdout, _) = parts(&out);
    assert_eq!(code, 0);
    assert!(stdout.contains("SVG image"), "{stdout}");
    assert!(stdout.contains("Badge: Open Badges 3.0"), "{stdout}");
    assert!(stdout.contains("Name: Teamwork Badge"), "{stdout}");
    assert!(stdout.contains("Issuer: Example Corp"), "{stdout}");
}

#[test]
fn a_credential_file_on_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("badge.jwt");
    let jwt = std::fs::read(vector("1edtech-validator/ob30/simple-jwt.png.expected")).unwrap();
    std::fs::write(&f, jwt).unwrap();
    let out = run(&["inspect", f.to_str().unwrap(), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["format"], "jwt");
    assert_eq!(v["version"], "ob3");
    assert_eq!(v["kind"], "jws");
}
