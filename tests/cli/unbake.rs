//! `badgesmith unbake` on every baked public test vector prints exactly the
//! embedded text recorded next to it.

use crate::support::{assert_error, fixtures, parts, run, vector};

fn baked_vectors() -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    let mut dirs = vec![fixtures().join("vectors")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "expected") {
                let image = path.with_extension("");
                found.push((image, std::fs::read(&path).unwrap()));
            }
        }
    }
    found.sort();
    found
}

#[test]
fn every_baked_vector_unbakes_to_its_expected_text() {
    let vectors = baked_vectors();
    assert!(
        vectors.len() >= 12,
        "expected the baked vectors, found {}",
        vectors.len()
    );
    for (image, expected) in vectors {
        if image.ends_with("bad-json.svg") {
            continue; // its body is not JSON: see `an_svg_body_that_is_not_json_is_an_error`
        }
        let out = run(&["unbake", image.to_str().unwrap()]);
        let (code, _, stderr) = parts(&out);
        assert_eq!(code, 0, "{}: {stderr}", image.display());
        assert_eq!(out.stdout, expected, "{}", image.display());
    }
}

#[test]
fn unbake_writes_to_a_file_with_dash_o() {
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("credential.json");
    let image = vector("1edtech-validator/ob30/simple-json.png");
    let out = run(&[
        "unbake",
        image.to_str().unwrap(),
        "-o",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(parts(&out).0, 0);
    assert!(out.stdout.is_empty());
    let expected =
        std::fs::read(vector("1edtech-validator/ob30/simple-json.png.expected")).unwrap();
    assert_eq!(std::fs::read(out_file).unwrap(), expected);
}

#[test]
fn an_image_without_a_badge_exits_1_with_the_contract_message() {
    let image = vector("legacy-baked/mozilla-openbadges-bakery/unbaked.png");
    let arg = image.to_str().unwrap();
    let out = run(&["unbake", arg]);
    assert_error(
        &out,
        1,
        &format!("{arg}: no badge is baked into this image"),
    );
}

#[test]
fn an_svg_body_that_is_not_json_is_an_error() {
    let image = vector("legacy-baked/mozilla-openbadges-bakery/bad-json.svg");
    let out = run(&["unbake", image.to_str().unwrap()]);
    assert_error(&out, 2, "is not valid JSON");
}
