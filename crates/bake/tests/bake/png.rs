//! PNG round trips: text in, same text out, other chunks untouched.

use badgesmith_bake::{Carrier, PngTextChunk, Slot, bake, unbake};

use crate::common::{
    SLOTS, TEXTS, chunk, is_badge_chunk, non_badge_chunks, plain_png, png_with, split_chunks, zlib,
};

fn badge_chunks(png: &[u8]) -> Vec<Vec<u8>> {
    split_chunks(png)
        .into_iter()
        .filter(is_badge_chunk)
        .map(|c| c.data)
        .collect()
}

#[test]
fn round_trip_both_slots_all_texts() {
    let original = plain_png();
    for slot in SLOTS {
        for (label, text) in TEXTS {
            let baked = bake(&original, slot, text).unwrap();
            let found = unbake(&baked).unwrap().unwrap();
            assert_eq!(found.text, text, "{label}");
            assert_eq!(found.slot, slot);
            assert_eq!(
                found.carrier,
                Carrier::PngChunk {
                    chunk: PngTextChunk::IText,
                    compressed: false,
                    chunk_index: 1
                }
            );
            assert_eq!(found.body, None);
            assert!(found.warnings.is_empty());
            assert_eq!(non_badge_chunks(&baked), non_badge_chunks(&original));
        }
    }
}

#[test]
fn written_chunk_is_uncompressed_itxt_right_after_ihdr() {
    let baked = bake(&plain_png(), Slot::Credential, "{}").unwrap();
    let chunks = split_chunks(&baked);
    assert_eq!(&chunks[0].chunk_type, b"IHDR");
    assert_eq!(&chunks[1].chunk_type, b"iTXt");
    assert_eq!(chunks[1].data, b"openbadgecredential\0\0\0\0\0{}");
    assert_eq!(
        chunks[1].raw,
        chunk(b"iTXt", b"openbadgecredential\0\0\0\0\0{}")
    );
}

#[test]
fn untouched_bytes_stay_identical() {
    let original = plain_png();
    let baked = bake(&original, Slot::Assertion, "https://example.org/a").unwrap();
    // Taking the new chunk out gives back the original, byte for byte.
    let itxt = chunk(b"iTXt", b"openbadges\0\0\0\0\0https://example.org/a");
    let ihdr_end = 8 + 25;
    let mut without = baked[..ihdr_end].to_vec();
    without.extend_from_slice(&baked[ihdr_end + itxt.len()..]);
    assert_eq!(&baked[ihdr_end..ihdr_end + itxt.len()], itxt.as_slice());
    assert_eq!(without, original);
}

#[test]
fn rebake_replaces_badges_of_every_kind_and_keyword() {
    let older = [
        chunk(b"tEXt", b"openbadges\0https://example.org/old"),
        chunk(
            b"zTXt",
            &[b"openbadges\0\0".to_vec(), zlib(b"{\"old\":1}")].concat(),
        ),
        chunk(
            b"iTXt",
            &[
                b"openbadgecredential\0\x01\0en\0\0".to_vec(),
                zlib(b"{\"old\":2}"),
            ]
            .concat(),
        ),
        chunk(
            b"zTXt",
            &[b"openbadgecredential\0\0".to_vec(), zlib(b"{}")].concat(),
        ),
    ];
    for old in &older {
        let original = png_with(&[
            chunk(b"gAMA", &[0, 0, 177, 143]),
            chunk(b"IDAT", &[1, 2, 3]),
            old.clone(),
        ]);
        for slot in SLOTS {
            let once = bake(&original, slot, "{\"new\":true}").unwrap();
            let twice = bake(&once, slot, "{\"newer\":true}").unwrap();
            for baked in [&once, &twice] {
                assert_eq!(badge_chunks(baked).len(), 1);
                assert_eq!(non_badge_chunks(baked), non_badge_chunks(&original));
            }
            assert_eq!(unbake(&twice).unwrap().unwrap().text, "{\"newer\":true}");
            let other = if slot == Slot::Credential {
                Slot::Assertion
            } else {
                Slot::Credential
            };
            let switched = bake(&once, other, "https://example.org/x").unwrap();
            assert_eq!(badge_chunks(&switched).len(), 1);
            assert_eq!(unbake(&switched).unwrap().unwrap().slot, other);
        }
    }
}

#[test]
fn reads_every_text_chunk_kind() {
    let cases: Vec<(Vec<u8>, PngTextChunk, bool)> = vec![
        (
            chunk(b"tEXt", b"openbadges\0https://example.org/a"),
            PngTextChunk::Text,
            false,
        ),
        (
            chunk(
                b"zTXt",
                &[b"openbadges\0\0".to_vec(), zlib(b"https://example.org/a")].concat(),
            ),
            PngTextChunk::ZText,
            true,
        ),
        (
            chunk(
                b"iTXt",
                &[
                    b"openbadges\0\x01\0de\0Abzeichen\0".to_vec(),
                    zlib(b"https://example.org/a"),
                ]
                .concat(),
            ),
            PngTextChunk::IText,
            true,
        ),
        (
            chunk(
                b"iTXt",
                b"openbadges\0\0\0en-GB\0badge\0https://example.org/a",
            ),
            PngTextChunk::IText,
            false,
        ),
    ];
    for (badge, kind, compressed) in cases {
        // Wherever the chunk sits: after IHDR, after IDAT, just before IEND.
        for at in 0..=2 {
            let mut chunks = vec![chunk(b"IDAT", &[1]), chunk(b"tIME", &[0; 7])];
            chunks.insert(at, badge.clone());
            let found = unbake(&png_with(&chunks)).unwrap().unwrap();
            assert_eq!(found.text, "https://example.org/a");
            assert_eq!(
                found.carrier,
                Carrier::PngChunk {
                    chunk: kind,
                    compressed,
                    chunk_index: at + 1
                }
            );
        }
    }
}

#[test]
fn keywords_are_case_sensitive_and_other_text_is_ignored() {
    let png = png_with(&[
        chunk(b"tEXt", b"OpenBadges\0https://example.org/a"),
        chunk(b"tEXt", b"openbadges \0https://example.org/b"),
        chunk(b"tEXt", b"no separator at all"),
        chunk(b"iTXt", b"Comment\0\0\0\0\0\xff not utf-8 but not a badge"),
    ]);
    assert_eq!(unbake(&png).unwrap(), None);
}

#[test]
fn second_badge_is_a_warning_and_the_first_wins() {
    let png = png_with(&[
        chunk(b"iTXt", b"openbadgecredential\0\0\0\0\0{\"first\":1}"),
        chunk(b"IDAT", &[1]),
        chunk(b"tEXt", b"openbadges\0https://example.org/second"),
    ]);
    let found = unbake(&png).unwrap().unwrap();
    assert_eq!(found.text, "{\"first\":1}");
    assert_eq!(found.slot, Slot::Credential);
    assert_eq!(
        found.warnings,
        ["a second badge text (tEXt `openbadges`, chunk 3) was ignored; the first one is used"]
    );
}

#[test]
fn data_after_iend_is_a_warning_and_kept_by_bake() {
    let mut png = png_with(&[chunk(b"tEXt", b"openbadges\0https://example.org/a")]);
    png.extend_from_slice(b"junk");
    let found = unbake(&png).unwrap().unwrap();
    assert_eq!(
        found.warnings,
        ["4 bytes after the IEND chunk were ignored"]
    );
    let baked = bake(&png, Slot::Assertion, "https://example.org/b").unwrap();
    assert!(baked.ends_with(b"IEND\xae\x42\x60\x82junk"));
}

#[test]
fn empty_badge_text_is_read_as_empty() {
    let png = png_with(&[chunk(b"tEXt", b"openbadges\0")]);
    let found = unbake(&png).unwrap().unwrap();
    assert_eq!(found.text, "");
    assert_eq!(found.kind, badgesmith_bake::PayloadKind::Text);
}
