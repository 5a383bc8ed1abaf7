//! Every fixture vector unbakes to its `.expected` text, and bakes cleanly.

use badgesmith_bake::{
    Carrier, ImageFormat, PayloadKind, PngTextChunk, Slot, SvgSource, bake, image_info, sniff,
    unbake,
};

use crate::common::{SLOTS, TEXTS, non_badge_chunks, relative, vector, vector_images};

/// What each baked vector must unbake to, besides its text.
struct Expect {
    file: &'static str,
    slot: Slot,
    kind: PayloadKind,
    carrier: Carrier,
    /// The SVG body beside a `verify` attribute, if any.
    body_starts_with: Option<&'static str>,
}

fn png(chunk: PngTextChunk, chunk_index: usize) -> Carrier {
    Carrier::PngChunk {
        chunk,
        compressed: false,
        chunk_index,
    }
}

fn svg(name: &str, source: SvgSource) -> Carrier {
    Carrier::SvgElement {
        qualified_name: name.to_owned(),
        source,
    }
}

fn expectations() -> Vec<Expect> {
    let credential = "openbadges:credential";
    let assertion = "openbadges:assertion";
    vec![
        Expect {
            file: "1edtech-validator/ob20/simple-badge.png",
            slot: Slot::Assertion,
            kind: PayloadKind::Json,
            carrier: png(PngTextChunk::IText, 1),
            body_starts_with: None,
        },
        Expect {
            file: "1edtech-validator/ob30/simple-json.png",
            slot: Slot::Credential,
            kind: PayloadKind::Json,
            carrier: png(PngTextChunk::IText, 11),
            body_starts_with: None,
        },
        Expect {
            file: "1edtech-validator/ob30/simple-json.svg",
            slot: Slot::Credential,
            kind: PayloadKind::Json,
            carrier: svg(credential, SvgSource::Cdata),
            body_starts_with: None,
        },
        Expect {
            file: "1edtech-validator/ob30/simple-jwt.png",
            slot: Slot::Credential,
            kind: PayloadKind::Jws,
            carrier: png(PngTextChunk::IText, 11),
            body_starts_with: None,
        },
        Expect {
            file: "1edtech-validator/ob30/simple-jwt.svg",
            slot: Slot::Credential,
            kind: PayloadKind::Jws,
            carrier: svg(credential, SvgSource::VerifyAttribute),
            body_starts_with: None,
        },
        Expect {
            file: "1edtech-validator/ob30/simple-jwt_v1.png",
            slot: Slot::Credential,
            kind: PayloadKind::Jws,
            carrier: png(PngTextChunk::IText, 11),
            body_starts_with: None,
        },
        Expect {
            file: "1edtech-validator/ob30/simple-jwt_v1.svg",
            slot: Slot::Credential,
            kind: PayloadKind::Jws,
            carrier: svg(credential, SvgSource::VerifyAttribute),
            body_starts_with: None,
        },
        Expect {
            file: "legacy-baked/concentricsky-openbadges-bakery/baked_example.svg",
            slot: Slot::Assertion,
            kind: PayloadKind::Url,
            carrier: svg(assertion, SvgSource::VerifyAttribute),
            body_starts_with: Some("\n       {\n         \"uid\": \"abcdef12345\""),
        },
        Expect {
            file: "legacy-baked/concentricsky-openbadges-bakery/baked_heart.png",
            slot: Slot::Assertion,
            kind: PayloadKind::Json,
            carrier: png(PngTextChunk::IText, 1),
            body_starts_with: None,
        },
        Expect {
            file: "legacy-baked/mozilla-openbadges-backpack/404.png",
            slot: Slot::Assertion,
            kind: PayloadKind::Url,
            carrier: png(PngTextChunk::Text, 1),
            body_starts_with: None,
        },
        Expect {
            file: "legacy-baked/mozilla-openbadges-backpack/valid-baked.png",
            slot: Slot::Assertion,
            kind: PayloadKind::Url,
            carrier: png(PngTextChunk::Text, 1),
            body_starts_with: None,
        },
        Expect {
            file: "legacy-baked/mozilla-openbadges-bakery/bad-json.svg",
            slot: Slot::Assertion,
            kind: PayloadKind::Url,
            carrier: svg(assertion, SvgSource::VerifyAttribute),
            body_starts_with: Some("\n             {verify:"),
        },
        Expect {
            file: "legacy-baked/mozilla-openbadges-bakery/baked.svg",
            slot: Slot::Assertion,
            kind: PayloadKind::Url,
            carrier: svg(assertion, SvgSource::VerifyAttribute),
            body_starts_with: Some("\n             {\"verify\":"),
        },
        Expect {
            file: "legacy-baked/mozilla-openbadges-bakery/no-json.svg",
            slot: Slot::Assertion,
            kind: PayloadKind::Url,
            carrier: svg(assertion, SvgSource::VerifyAttribute),
            body_starts_with: None,
        },
    ]
}

const UNBAKED: [&str; 6] = [
    "1edtech-validator/ob20/assets/beths-robot-badge.png",
    "1edtech-validator/ob20/assets/robotics-badge.png",
    "legacy-baked/concentricsky-openbadges-bakery/public_domain_heart.png",
    "legacy-baked/concentricsky-openbadges-bakery/unbaked_example.svg",
    "legacy-baked/mozilla-openbadges-bakery/unbaked.png",
    "legacy-baked/mozilla-openbadges-bakery/unbaked.svg",
];

#[test]
fn every_vector_unbakes_to_its_expected_text() {
    let images = vector_images();
    assert_eq!(images.len(), 20, "the vector set changed");
    let mut baked = 0;
    for path in &images {
        let name = relative(path);
        let bytes = std::fs::read(path).unwrap();
        let expected_path = path.with_file_name(format!(
            "{}.expected",
            path.file_name().unwrap().to_string_lossy()
        ));
        let found = unbake(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        match std::fs::read(&expected_path) {
            Ok(expected) => {
                let found = found.unwrap_or_else(|| panic!("{name}: no badge found"));
                assert_eq!(found.text.as_bytes(), expected.as_slice(), "{name}");
                assert!(found.warnings.is_empty(), "{name}: {:?}", found.warnings);
                baked += 1;
            }
            Err(_) => {
                assert!(
                    UNBAKED.contains(&name.as_str()),
                    "{name}: no .expected file"
                );
                assert_eq!(found, None, "{name}");
            }
        }
    }
    assert_eq!(baked, 14);
}

#[test]
fn baked_vectors_have_the_expected_slot_carrier_and_kind() {
    for expect in expectations() {
        let found = unbake(&vector(expect.file)).unwrap().unwrap();
        assert_eq!(found.slot, expect.slot, "{}", expect.file);
        assert_eq!(found.kind, expect.kind, "{}", expect.file);
        assert_eq!(found.carrier, expect.carrier, "{}", expect.file);
        match expect.body_starts_with {
            Some(start) => {
                let body = found.body.unwrap_or_default();
                assert!(body.starts_with(start), "{}: body {body:?}", expect.file);
            }
            None => assert_eq!(found.body, None, "{}", expect.file),
        }
        let format = if expect.file.ends_with(".png") {
            ImageFormat::Png
        } else {
            ImageFormat::Svg
        };
        assert_eq!(found.format, format);
    }
}

#[test]
fn vector_sizes() {
    let cases = [
        (
            "1edtech-validator/ob30/simple-json.png",
            Some(981),
            Some(941),
        ),
        (
            "legacy-baked/concentricsky-openbadges-bakery/baked_heart.png",
            Some(21),
            Some(19),
        ),
        (
            "1edtech-validator/ob30/simple-json.svg",
            Some(1000),
            Some(1000),
        ),
        (
            "legacy-baked/mozilla-openbadges-bakery/baked.svg",
            Some(512),
            Some(512),
        ),
        (
            "legacy-baked/concentricsky-openbadges-bakery/baked_example.svg",
            Some(300),
            Some(200),
        ),
    ];
    for (file, width, height) in cases {
        let bytes = vector(file);
        let info = image_info(&bytes).unwrap();
        assert_eq!((info.width, info.height), (width, height), "{file}");
        assert_eq!(Some(info.format), sniff(&bytes));
    }
}

#[test]
fn every_vector_bakes_in_both_slots() {
    for path in vector_images() {
        let name = relative(&path);
        let bytes = std::fs::read(&path).unwrap();
        for slot in SLOTS {
            for (label, text) in TEXTS {
                let baked = bake(&bytes, slot, text).unwrap_or_else(|e| panic!("{name}: {e}"));
                let found = unbake(&baked).unwrap().unwrap();
                assert_eq!(found.text, text, "{name} {label}");
                assert_eq!(found.slot, slot, "{name} {label}");
                assert!(found.warnings.is_empty(), "{name}: {:?}", found.warnings);
                if name.ends_with(".png") {
                    assert_eq!(non_badge_chunks(&baked), non_badge_chunks(&bytes), "{name}");
                }
                assert_eq!(
                    bake(&baked, slot, text).unwrap(),
                    baked,
                    "{name}: not idempotent"
                );
            }
        }
    }
}
