//! `badgesmith bake` picks the OB 3.0 or 2.0 form from the credential and the
//! result unbakes to exactly the bytes given.

use crate::support::{OB2_JSON, OB3_JSON, parts, run, run_with_stdin, vector};

fn bake_then_unbake(image: &str, credential: &[u8], use_stdin: bool) -> (Vec<u8>, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let cred = dir.path().join("credential.json");
    std::fs::write(&cred, credential).unwrap();
    let ext = image.rsplit_once('.').unwrap().1;
    let out_path = dir.path().join(format!("baked.{ext}"));
    let image_path = vector(image);
    let cred_arg = if use_stdin {
        "-"
    } else {
        cred.to_str().unwrap()
    };
    let args = [
        "bake",
        image_path.to_str().unwrap(),
        cred_arg,
        "-o",
        out_path.to_str().unwrap(),
    ];
    let out = run_with_stdin(&args, use_stdin.then_some(credential));
    let (code, _, stderr) = parts(&out);
    assert_eq!(code, 0, "{stderr}");
    let baked = std::fs::read(&out_path).unwrap();
    let out = run(&["unbake", out_path.to_str().unwrap()]);
    assert_eq!(parts(&out).0, 0);
    (baked, out.stdout)
}

#[test]
fn ob3_json_round_trips_through_png_and_svg() {
    for image in [
        "legacy-baked/mozilla-openbadges-bakery/unbaked.png",
        "legacy-baked/mozilla-openbadges-bakery/unbaked.svg",
    ] {
        let (baked, text) = bake_then_unbake(image, OB3_JSON.as_bytes(), false);
        assert_eq!(text, OB3_JSON.as_bytes(), "{image}");
        let found = badgesmith_bake::unbake(&baked).unwrap().unwrap();
        assert_eq!(found.slot, badgesmith_bake::Slot::Credential, "{image}");
    }
}

#[test]
fn ob2_json_goes_into_the_assertion_slot() {
    for image in [
        "legacy-baked/mozilla-openbadges-bakery/unbaked.png",
        "legacy-baked/concentricsky-openbadges-bakery/unbaked_example.svg",
    ] {
        let (baked, text) = bake_then_unbake(image, OB2_JSON.as_bytes(), true);
        assert_eq!(text, OB2_JSON.as_bytes(), "{image}");
        let found = badgesmith_bake::unbake(&baked).unwrap().unwrap();
        assert_eq!(found.slot, badgesmith_bake::Slot::Assertion, "{image}");
    }
}

#[test]
fn rebaking_replaces_the_old_badge() {
    // simple-badge.png holds an OB 2.0 assertion; baking OB 3.0 replaces it.
    let (baked, text) = bake_then_unbake(
        "1edtech-validator/ob20/simple-badge.png",
        OB3_JSON.as_bytes(),
        false,
    );
    assert_eq!(text, OB3_JSON.as_bytes());
    let needle_ob2 = b"openbadges\0";
    let count = baked
        .windows(needle_ob2.len())
        .filter(|w| w == needle_ob2)
        .count();
    assert_eq!(count, 0, "the old openbadges chunk is gone");
}

#[test]
fn a_jwt_credential_is_baked_without_its_trailing_newline() {
    let jwt =
        std::fs::read_to_string(vector("1edtech-validator/ob30/simple-jwt.png.expected")).unwrap();
    let with_newline = format!("{jwt}\n");
    let (_, text) = bake_then_unbake(
        "legacy-baked/mozilla-openbadges-bakery/unbaked.svg",
        with_newline.as_bytes(),
        false,
    );
    assert_eq!(text, jwt.as_bytes());
}
