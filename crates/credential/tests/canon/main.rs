//! RDFC-1.0 canonical N-Quads of the public vectors, byte for byte.

use std::path::PathBuf;

use badgesmith_credential::jsonld::{self, JsonLdError};
use serde_json::Value;

fn vectors() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/vectors")
}

fn read(path: &str) -> String {
    std::fs::read_to_string(vectors().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn json(path: &str) -> Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn without_proof(mut v: Value) -> Value {
    v.as_object_mut().unwrap().remove("proof");
    v
}

#[test]
fn w3c_rdfc_document() {
    let doc = json("w3c-vc-di-eddsa/unsigned.json");
    let got = jsonld::canonical_nquads(&doc).unwrap();
    assert_eq!(
        got,
        read("w3c-vc-di-eddsa/eddsa-rdfc-2022/canonDocDataInt.txt")
    );
}

#[test]
fn w3c_rdfc_proof_config() {
    let doc = json("w3c-vc-di-eddsa/eddsa-rdfc-2022/proofConfigDataInt.json");
    let got = jsonld::canonical_nquads(&doc).unwrap();
    assert_eq!(
        got,
        read("w3c-vc-di-eddsa/eddsa-rdfc-2022/proofCanonDataInt.txt")
    );
}

#[test]
fn w3c_ed25519_signature_2020_document_and_proof() {
    let doc = json("w3c-vc-di-eddsa/unsigned.json");
    let got = jsonld::canonical_nquads(&doc).unwrap();
    assert_eq!(
        got,
        read("w3c-vc-di-eddsa/Ed25519Signature2020/canonDocEdSig.txt")
    );
    let proof = json("w3c-vc-di-eddsa/Ed25519Signature2020/proofConfigEdSig.json");
    let got = jsonld::canonical_nquads(&proof).unwrap();
    assert_eq!(
        got,
        read("w3c-vc-di-eddsa/Ed25519Signature2020/proofCanonEdSig.txt")
    );
}

#[test]
fn onedtech_ob3_document_keeps_the_context_quirks() {
    let doc = json("1edtech-ob-spec/ldp-testvector-obv3p0/unsigned.json");
    let got = jsonld::canonical_nquads(&doc).unwrap();
    assert_eq!(
        got,
        read("1edtech-ob-spec/ldp-testvector-obv3p0/document-canon.nq")
    );
}

#[test]
fn dcc_basic_obv3_document() {
    let doc = without_proof(json(
        "dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json",
    ));
    let got = jsonld::canonical_nquads(&doc).unwrap();
    assert_eq!(got, read("generated/dcc-basicOBv3/document-canon.nq"));
}

#[test]
fn safe_mode_names_the_undefined_term() {
    let mut doc = json("1edtech-ob-spec/ldp-testvector-obv3p0/unsigned.json");
    doc.as_object_mut()
        .unwrap()
        .insert("favouriteColour".into(), "green".into());
    let err = jsonld::canonical_nquads(&doc).unwrap_err();
    assert_eq!(err, JsonLdError::UndefinedTerm("favouriteColour".into()));
    assert!(err.to_string().contains("\"favouriteColour\""), "{err}");
}

#[test]
fn safe_mode_refuses_an_undefined_type() {
    let doc = without_proof(json("1edtech-validator/ob30/simple-err-issuer-type.json"));
    let err = jsonld::canonical_nquads(&doc).unwrap_err();
    assert_eq!(err, JsonLdError::UndefinedTerm("InvalidProfile".into()));
}

#[test]
fn an_unknown_context_is_named() {
    let mut doc = json("1edtech-ob-spec/ldp-testvector-obv3p0/unsigned.json");
    doc["@context"]
        .as_array_mut()
        .unwrap()
        .push("https://example.org/my-context.json".into());
    let err = jsonld::canonical_nquads(&doc).unwrap_err();
    assert_eq!(
        err,
        JsonLdError::UnknownContext("https://example.org/my-context.json".into())
    );
}

#[test]
fn a_poison_graph_fails_fast() {
    // Many indistinguishable blank nodes all linked to each other: RDFC's
    // worst case. It must be refused, not left to run for hours.
    let n = 12;
    let mut quads = String::new();
    for i in 0..n {
        for j in 0..n {
            if i != j {
                quads.push_str(&format!("_:b{i} <urn:ex:p> _:b{j} .\n"));
            }
        }
    }
    let parsed: Vec<oxrdf::Quad> = parse_nquads(&quads);
    let started = std::time::Instant::now();
    let err = jsonld::canonicalize(&parsed).unwrap_err();
    assert_eq!(err, JsonLdError::TooComplex);
    // Not a speed assertion: a hang would never get here at all.
    let _ = started.elapsed();
}

fn parse_nquads(text: &str) -> Vec<oxrdf::Quad> {
    text.lines()
        .map(|line| {
            let parts: Vec<&str> = line.trim_end_matches(" .").split(' ').collect();
            let b = |s: &str| oxrdf::BlankNode::new(s.trim_start_matches("_:")).unwrap();
            oxrdf::Quad::new(
                b(parts[0]),
                oxrdf::NamedNode::new(parts[1].trim_matches(['<', '>'])).unwrap(),
                b(parts[2]),
                oxrdf::GraphName::DefaultGraph,
            )
        })
        .collect()
}
