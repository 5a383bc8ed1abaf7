//! Arbitrary bytes, bare or wrapped in an SVG root, through `unbake`,
//! `image_info` and `bake`: nothing panics, and a document that unbakes also
//! bakes, after which unbaking gives exactly the baked text.
#![no_main]

use badgesmith_bake::{Slot, bake, image_info, unbake};
use libfuzzer_sys::fuzz_target;

const TEXTS: [&str; 3] = [
    "{\"name\":\"fuzz ✓ & <ok>\"}",
    "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln",
    "https://example.org/a?b=1&c=\"2\"",
];

const OPEN: &str =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"http://openbadges.org\">";

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let image = match mode % 4 {
        0 => rest.to_vec(),
        1 => [OPEN.as_bytes(), rest, b"</svg>"].concat(),
        2 => [
            b"<?xml version=\"1.0\"?>\n<svg>".as_slice(),
            rest,
            b"</svg>",
        ]
        .concat(),
        _ => [
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"".as_slice(),
            rest,
        ]
        .concat(),
    };
    let _ = image_info(&image);
    if unbake(&image).is_err() {
        return;
    }
    let slot = if mode & 0x80 == 0 {
        Slot::Credential
    } else {
        Slot::Assertion
    };
    let text = TEXTS[usize::from(mode >> 2) % TEXTS.len()];
    let baked = bake(&image, slot, text).expect("a document that unbakes also bakes");
    let found = unbake(&baked)
        .expect("a baked document unbakes")
        .expect("with a badge");
    assert_eq!(found.text, text);
    assert_eq!(found.slot, slot);
    assert!(found.warnings.is_empty(), "{:?}", found.warnings);
    assert_eq!(bake(&baked, slot, text).expect("rebake"), baked);
});
