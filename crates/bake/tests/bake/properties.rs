//! The fuzz targets' property, run on the vectors and mutated variants of them:
//! nothing panics, and whatever unbakes also bakes, after which unbaking gives
//! exactly the baked text and (PNG) every other chunk is unchanged.

use badgesmith_bake::{ImageFormat, Slot, bake, image_info, sniff, unbake};

use crate::common::{JSON, JWS, Rng, chunk, non_badge_chunks, plain_png, png_with, vector_images};

fn check(image: &[u8]) {
    let _ = image_info(image);
    let _ = sniff(image);
    let Ok(found) = unbake(image) else {
        return;
    };
    if let Some(found) = &found {
        assert!(!found.text.is_empty() || found.kind == badgesmith_bake::PayloadKind::Text);
    }
    for (slot, text) in [(Slot::Credential, JSON), (Slot::Assertion, JWS)] {
        let baked = bake(image, slot, text).expect("an image that unbakes also bakes");
        let again = unbake(&baked)
            .expect("a baked image unbakes")
            .expect("with a badge");
        assert_eq!(again.text, text);
        assert_eq!(again.slot, slot);
        if sniff(image) == Some(ImageFormat::Png) {
            assert_eq!(non_badge_chunks(&baked), non_badge_chunks(image));
        }
        assert_eq!(
            bake(&baked, slot, text).expect("rebake"),
            baked,
            "bake is idempotent"
        );
    }
}

fn mutate(rng: &mut Rng, original: &[u8]) -> Vec<u8> {
    let mut bytes = original.to_vec();
    match rng.below(5) {
        0 => {
            let at = rng.below(bytes.len());
            bytes[at] ^= 1 << rng.below(8);
        }
        1 => bytes.truncate(rng.below(bytes.len())),
        2 => {
            let at = rng.below(bytes.len());
            let byte = [b'<', b'>', b'&', b'"', b'/', 0, 0xff, b']'][rng.below(8)];
            bytes.insert(at, byte);
        }
        3 => {
            let at = rng.below(bytes.len());
            let len = rng.below(bytes.len() - at).min(64);
            bytes.drain(at..at + len);
        }
        _ => {
            let from = rng.below(bytes.len());
            let len = rng.below(bytes.len() - from).min(256);
            let copy = bytes[from..from + len].to_vec();
            let at = rng.below(bytes.len());
            bytes.splice(at..at, copy);
        }
    }
    bytes
}

#[test]
fn property_holds_on_vectors_and_mutants() {
    let mut rng = Rng::new(0xbad9e);
    let mut images: Vec<Vec<u8>> = vector_images()
        .iter()
        .map(|path| std::fs::read(path).unwrap())
        .collect();
    images.push(plain_png());
    images.push(png_with(&[
        chunk(b"tEXt", b"openbadges\0https://example.org/a"),
        chunk(
            b"zTXt",
            &[
                b"openbadgecredential\0\0".to_vec(),
                crate::common::zlib(b"{}"),
            ]
            .concat(),
        ),
    ]));
    for image in &images {
        check(image);
        for _ in 0..150 {
            check(&mutate(&mut rng, image));
        }
    }
}
