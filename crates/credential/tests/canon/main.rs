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
fn safe_mode_refuses_a_relative_id_rather_than_dropping_its_statements() {
    let mut doc = json("1edtech-ob-spec/ldp-testvector-obv3p0/unsigned.json");
    doc["credentialSubject"]["id"] = "students/12".into();
    let err = jsonld::canonical_nquads(&doc).unwrap_err();
    assert_eq!(err, JsonLdError::RelativeIri("students/12".into()));
    assert!(err.to_string().contains("\"students/12\""), "{err}");

    let mut doc = json("1edtech-ob-spec/ldp-testvector-obv3p0/unsigned.json");
    doc["issuer"]["id"] = "issuers/565049".into();
    assert_eq!(
        jsonld::canonical_nquads(&doc).unwrap_err(),
        JsonLdError::RelativeIri("issuers/565049".into())
    );
}

#[test]
fn safe_mode_refuses_a_blank_node_property_and_a_malformed_language_tag() {
    let mut doc = json("1edtech-ob-spec/ldp-testvector-obv3p0/unsigned.json");
    doc.as_object_mut()
        .unwrap()
        .insert("_:hidden".into(), "value".into());
    assert_eq!(
        jsonld::canonical_nquads(&doc).unwrap_err(),
        JsonLdError::UndefinedTerm("_:hidden".into())
    );

    let mut doc = json("1edtech-ob-spec/ldp-testvector-obv3p0/unsigned.json");
    doc["name"] = serde_json::json!({ "@value": "Teamwork", "@language": "not a tag" });
    assert!(matches!(
        jsonld::canonical_nquads(&doc).unwrap_err(),
        JsonLdError::Invalid(_)
    ));
    doc["name"] = serde_json::json!({ "@value": "Teamwork", "@language": "en-GB" });
    assert!(
        jsonld::canonical_nquads(&doc)
            .unwrap()
            .contains("\"Teamwork\"@en-gb")
    );
}

#[test]
fn a_document_nested_too_deep_is_refused() {
    let mut doc = json("1edtech-ob-spec/ldp-testvector-obv3p0/unsigned.json");
    let mut deep = serde_json::json!("leaf");
    for _ in 0..jsonld::MAX_DEPTH {
        deep = serde_json::json!({ "name": deep });
    }
    doc["credentialSubject"]["achievement"] = deep;
    assert_eq!(
        jsonld::canonical_nquads(&doc).unwrap_err(),
        JsonLdError::TooComplex
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
