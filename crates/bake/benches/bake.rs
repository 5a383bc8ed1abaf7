//! Bake and unbake timings: a ~50 KB PNG, a 20 MiB PNG and an SVG vector.

use std::hint::black_box;

use badgesmith_bake::{Slot, bake, unbake};
use criterion::{Criterion, criterion_group, criterion_main};

const SVG: &[u8] =
    include_bytes!("../../../tests/fixtures/vectors/1edtech-validator/ob30/simple-json.svg");

const TEXT: &str = r#"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"],"name":"Benchmark badge"}"#;

fn chunk(out: &mut Vec<u8>, chunk_type: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&u32::try_from(data.len()).unwrap().to_be_bytes());
    out.extend_from_slice(chunk_type);
    out.extend_from_slice(data);
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(chunk_type);
    hasher.update(data);
    out.extend_from_slice(&hasher.finalize().to_be_bytes());
}

/// A valid PNG of about `size` bytes whose IDAT chunks hold pseudo-random bytes.
fn png(size: usize) -> Vec<u8> {
    let mut out = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&1024u32.to_be_bytes());
    ihdr.extend_from_slice(&1024u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut data = vec![0u8; 32 * 1024];
    while out.len() < size {
        for byte in &mut data {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            *byte = state.to_le_bytes()[0];
        }
        let room = size.saturating_sub(out.len()).clamp(1, data.len());
        chunk(&mut out, b"IDAT", &data[..room]);
    }
    chunk(&mut out, b"IEND", b"");
    out
}

fn benches(c: &mut Criterion) {
    let images = [
        ("png_50k", png(50 * 1024)),
        ("png_20m", png(20 * 1024 * 1024)),
        ("svg", SVG.to_vec()),
    ];
    for (name, image) in &images {
        let baked = bake(image, Slot::Credential, TEXT).unwrap();
        let mut group = c.benchmark_group(*name);
        if image.len() > 1024 * 1024 {
            group.sample_size(20);
        }
        group.bench_function("bake", |b| {
            b.iter(|| bake(black_box(image), Slot::Credential, black_box(TEXT)).unwrap());
        });
        group.bench_function("unbake", |b| {
            b.iter(|| unbake(black_box(&baked)).unwrap());
        });
        group.finish();
    }
}

criterion_group!(bake_benches, benches);
criterion_main!(bake_benches);
