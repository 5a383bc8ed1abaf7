//! Arbitrary bytes, or a PNG built from them with correct CRCs, through
//! `unbake`, `image_info` and `bake`: nothing panics, and an image that unbakes
//! also bakes, after which unbaking gives exactly the baked text and every
//! chunk but the badge chunks is unchanged.
#![no_main]

use badgesmith_bake::{Slot, bake, image_info, unbake};
use libfuzzer_sys::fuzz_target;

const SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
const TEXT: &str = "{\"name\":\"fuzz ✓\"}";

fn push_chunk(out: &mut Vec<u8>, chunk_type: &[u8; 4], data: &[u8], break_crc: bool) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(chunk_type);
    out.extend_from_slice(data);
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(chunk_type);
    hasher.update(data);
    let crc = hasher.finalize() ^ u32::from(break_crc);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// Builds a PNG from the input: a chunk-type selector, a length and data per
/// chunk, with correct CRCs (unless a selector asks for a bad one).
fn structured(mut input: &[u8]) -> Vec<u8> {
    let mut out = SIGNATURE.to_vec();
    push_chunk(
        &mut out,
        b"IHDR",
        &[0, 0, 0, 9, 0, 0, 0, 7, 8, 6, 0, 0, 0],
        false,
    );
    let mut ended = false;
    while let [selector, length, rest @ ..] = input {
        let length = usize::from(*length).min(rest.len());
        let (data, tail) = rest.split_at(length);
        input = tail;
        let keyword: &[u8] = match selector >> 4 & 3 {
            0 => b"openbadges\0",
            1 => b"openbadgecredential\0",
            2 => b"Comment\0",
            _ => b"",
        };
        let break_crc = selector >> 6 == 3;
        let text = [keyword, data].concat();
        match selector & 15 {
            0 | 1 => push_chunk(&mut out, b"IDAT", data, break_crc),
            2 => push_chunk(&mut out, b"tEXt", &text, break_crc),
            3 => push_chunk(&mut out, b"zTXt", &text, break_crc),
            4 => push_chunk(&mut out, b"iTXt", &text, break_crc),
            5 => push_chunk(&mut out, b"gAMA", data, break_crc),
            6 => {
                push_chunk(&mut out, b"IEND", b"", break_crc);
                ended = true;
            }
            7 => out.extend_from_slice(data),
            _ => push_chunk(&mut out, b"prVt", data, break_crc),
        }
    }
    if !ended {
        push_chunk(&mut out, b"IEND", b"", false);
    }
    out
}

/// Chunks (type and raw bytes) of a PNG the crate accepted, badge chunks left out.
fn non_badge_chunks(png: &[u8]) -> Vec<&[u8]> {
    let mut chunks = Vec::new();
    let mut pos = SIGNATURE.len();
    while pos + 12 <= png.len() {
        let length = u32::from_be_bytes(png[pos..pos + 4].try_into().unwrap()) as usize;
        let raw = &png[pos..pos + 12 + length];
        let data = &raw[8..8 + length];
        let is_text = matches!(&raw[4..8], b"tEXt" | b"zTXt" | b"iTXt");
        let is_badge =
            data.starts_with(b"openbadges\0") || data.starts_with(b"openbadgecredential\0");
        if !(is_text && is_badge) {
            chunks.push(raw);
        }
        pos += raw.len();
        if &raw[4..8] == b"IEND" {
            break;
        }
    }
    chunks
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let image = match mode % 3 {
        0 => rest.to_vec(),
        1 => [&SIGNATURE[..], rest].concat(),
        _ => structured(rest),
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
    let baked = bake(&image, slot, TEXT).expect("an image that unbakes also bakes");
    let found = unbake(&baked)
        .expect("a baked image unbakes")
        .expect("with a badge");
    assert_eq!(found.text, TEXT);
    assert_eq!(found.slot, slot);
    if image.starts_with(&SIGNATURE) {
        assert_eq!(non_badge_chunks(&baked), non_badge_chunks(&image));
    }
    assert_eq!(bake(&baked, slot, TEXT).expect("rebake"), baked);
});
