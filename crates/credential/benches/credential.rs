//! Sign and verify `eddsa-rdfc-2022` on the 1EdTech OB 3.0 test-vector credential.
//!
//! `cargo bench -p badgesmith-credential --bench credential`; then
//! `python3 tests/interop/bench_reference.py` times the JavaScript reference
//! implementation on the same credential and prints the ratio.

use std::hint::black_box;

use badgesmith_credential::di::{self, SignOptions, Suite};
use badgesmith_credential::jsonld;
use criterion::{Criterion, criterion_group, criterion_main};
use ed25519_dalek::SigningKey;
use serde_json::Value;

const UNSIGNED: &str = include_str!(
    "../../../tests/fixtures/vectors/1edtech-ob-spec/ldp-testvector-obv3p0/unsigned.json"
);
const SEED: [u8; 32] = [
    0x62, 0x41, 0xa4, 0x09, 0xe6, 0x70, 0x7b, 0xb6, 0x40, 0xa0, 0x14, 0x0a, 0x8a, 0x32, 0xbc, 0x3d,
    0x19, 0x3c, 0x33, 0xa6, 0x61, 0x74, 0x72, 0x84, 0xd6, 0xad, 0xfa, 0x4e, 0xd4, 0x18, 0x0b, 0xe4,
];
const VM: &str =
    "https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";

fn bench(c: &mut Criterion) {
    let unsigned: Value = serde_json::from_str(UNSIGNED).unwrap_or(Value::Null);
    let key = SigningKey::from_bytes(&SEED);
    let options = SignOptions {
        suite: Suite::EddsaRdfc2022,
        verification_method: VM,
        created: "2010-01-01T19:23:24Z",
        proof_purpose: "assertionMethod",
    };
    let signed = di::sign(&unsigned, &key, &options).unwrap_or(Value::Null);
    let proof = di::proofs(&signed)
        .first()
        .map(|p| (*p).clone())
        .unwrap_or(Value::Null);
    assert!(
        di::verify(&signed, &proof, None).is_ok(),
        "the benchmark credential must verify"
    );

    let mut group = c.benchmark_group("eddsa-rdfc-2022");
    group.bench_function("sign", |b| {
        b.iter(|| di::sign(black_box(&unsigned), &key, &options))
    });
    group.bench_function("verify", |b| {
        b.iter(|| di::verify(black_box(&signed), &proof, None))
    });
    group.finish();

    // The two steps of canonicalization, on the document and on the proof
    // options as signing builds them.
    let mut options_doc = proof.clone();
    if let Some(map) = options_doc.as_object_mut() {
        map.remove("proofValue");
        if let Some(context) = unsigned.get("@context") {
            map.insert("@context".into(), context.clone());
        }
    }
    let mut group = c.benchmark_group("jsonld");
    for (name, doc) in [("document", &unsigned), ("proof-options", &options_doc)] {
        let quads = jsonld::to_dataset(doc).unwrap_or_default();
        group.bench_function(format!("to_dataset/{name}"), |b| {
            b.iter(|| jsonld::to_dataset(black_box(doc)))
        });
        group.bench_function(format!("canonicalize/{name}"), |b| {
            b.iter(|| jsonld::canonicalize(black_box(&quads)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
