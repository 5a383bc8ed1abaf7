//! The fast path against the `json-ld` crate and `rdf-canon`, on every JSON
//! document of the public vectors, the proof options the Data Integrity
//! algorithm builds from them, the credentials they nest, and mutations of
//! all of these.
//!
//! For each document: when the fast path answers, the crate must give the
//! same canonical N-Quads, byte for byte; when the fast path refuses the
//! document as invalid, the crate must refuse it too; when it falls back, the
//! reason is counted. The counts are printed (`--nocapture`); with
//! `SHOW_FALLBACK` set in the environment, each document that falls back.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

use super::fast::{self, Fallback};
use super::{JsonLdError, canon, check_contexts, check_depth};

fn vectors() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/vectors")
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            json_files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Every file under the vectors that parses as JSON, by its relative path.
fn vector_documents() -> Vec<(String, Value)> {
    let root = vectors();
    let mut files = Vec::new();
    json_files(&root, &mut files);
    files
        .into_iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(&path).ok()?;
            let value: Value = serde_json::from_str(&text).ok()?;
            let name = path.strip_prefix(&root).ok()?.display().to_string();
            Some((name, value))
        })
        .collect()
}

/// The proofs of a document (one or a set).
fn proofs(doc: &Value) -> Vec<&Map<String, Value>> {
    match doc.get("proof") {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_object).collect(),
        Some(Value::Object(one)) => vec![one],
        _ => Vec::new(),
    }
}

/// Proof options as the Data Integrity algorithm builds them.
fn proof_options(doc: &Value, proof: &Map<String, Value>) -> Value {
    let mut options = proof.clone();
    options.remove("proofValue");
    if !options.contains_key("@context")
        && let Some(context) = doc.get("@context")
    {
        options.insert("@context".into(), context.clone());
    }
    Value::Object(options)
}

fn without_proof(doc: &Value) -> Value {
    let mut doc = doc.clone();
    if let Some(map) = doc.as_object_mut() {
        map.remove("proof");
    }
    doc
}

/// Objects nested in `value` that carry their own `@context` (endorsements,
/// embedded credentials).
fn nested_credentials<'a>(value: &'a Value, top: bool, out: &mut Vec<&'a Value>) {
    match value {
        Value::Object(map) => {
            if !top && map.contains_key("@context") {
                out.push(value);
            }
            for v in map.values() {
                nested_credentials(v, false, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| nested_credentials(v, false, out)),
        _ => {}
    }
}

/// The documents a vector file stands for: itself, without its proofs, its
/// proof options, and the same for each credential it nests.
fn variants(name: &str, doc: &Value) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    let mut add = |label: String, doc: &Value| {
        out.push((label.clone(), doc.clone()));
        if doc.get("proof").is_some() {
            out.push((format!("{label} (no proof)"), without_proof(doc)));
        }
        for (i, proof) in proofs(doc).into_iter().enumerate() {
            out.push((
                format!("{label} (proof options {i})"),
                proof_options(doc, proof),
            ));
        }
    };
    add(name.to_owned(), doc);
    let mut nested = Vec::new();
    nested_credentials(doc, true, &mut nested);
    for (i, inner) in nested.into_iter().enumerate() {
        add(format!("{name} (nested {i})"), inner);
    }
    out
}

/// Values to put in place of others.
fn replacements() -> Vec<Value> {
    vec![
        json!(42),
        json!(-7),
        json!(0),
        json!(3.5),
        json!(-0.0),
        json!(1.0),
        json!(1e21),
        json!(1e-7),
        json!(0.1),
        json!(123_456_789_012_345_678_u64),
        json!(18_446_744_073_709_551_615_u64),
        json!(9_007_199_254_740_993_i64),
        json!(true),
        json!(false),
        Value::Null,
        json!(["one", 2, true, null]),
        json!([]),
        json!({}),
        json!({ "name": "A nested name" }),
        json!({ "id": "urn:uuid:8a6e6b43-9f5e-4f3b-9d1a-0c6f1d7e2a11" }),
        json!("Zoë Ångström — 教育 🎓"),
        json!("quote \" backslash \\ newline \n tab \t cr \r nul \u{0} del \u{7f}"),
        json!("relative/reference"),
        json!("https://example.org/an/iri?q=1#frag"),
        json!("did:example:123"),
        json!("_:b7"),
        json!("@foo"),
        json!({ "@value": "Hallo", "@language": "de-DE" }),
        json!({ "@value": "Hallo", "@language": "not a tag" }),
        json!({ "@value": "2024-01-01", "@type": "http://www.w3.org/2001/XMLSchema#date" }),
        json!({ "@value": 5, "@type": "http://www.w3.org/2001/XMLSchema#double" }),
        json!({ "@value": 5 }),
        json!({ "@value": null }),
        json!({ "@list": ["a", "b"] }),
        json!({ "@set": ["a", "b"] }),
        json!({ "@value": { "a": 1 }, "@type": "@json" }),
        json!({ "@value": "2024-01-01", "@type": "xsd:date" }),
        json!({ "@value": "x", "@type": "cred:Custom" }),
        json!({ "@value": "x", "@type": "UndefinedDatatype" }),
        json!({ "@id": "https://example.org/node", "@type": "cred:Custom" }),
        json!({ "type": ["cred:Custom", "https://example.org/Type"] }),
        json!([{ "id": "https://example.org/a" }, "https://example.org/b", "c", null]),
        json!({ "@context": "https://www.w3.org/ns/credentials/examples/v2", "anything": "goes" }),
        json!({ "@context": { "local": "https://example.org/local#" }, "local:x": 1 }),
    ]
}

/// Mutated copies of `doc`: undefined terms, a relative id, an unknown
/// context, other values in place of some of its values.
fn mutations(name: &str, doc: &Value) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    let Value::Object(top) = doc else {
        return out;
    };
    let mut push = |label: &str, doc: Value| out.push((format!("{name} [{label}]"), doc));

    let mut d = top.clone();
    d.insert("favouriteColour".into(), "green".into());
    push("undefined property", Value::Object(d));

    let mut d = top.clone();
    let types = match d.get("type") {
        Some(Value::Array(items)) => {
            let mut items = items.clone();
            items.push("UndefinedType".into());
            Value::Array(items)
        }
        Some(Value::String(s)) => json!([s, "UndefinedType"]),
        _ => json!("UndefinedType"),
    };
    d.insert("type".into(), types);
    push("undefined type", Value::Object(d));

    let mut d = top.clone();
    d.insert("id".into(), "relative/id".into());
    push("relative id", Value::Object(d));

    for key in [
        "cred:extra",
        "sec:extra",
        "schema:name",
        "https://example.org/direct",
        "_:blank",
        "@unknown",
        "",
    ] {
        let mut d = top.clone();
        d.insert(key.into(), "value".into());
        push(&format!("key {key:?}"), Value::Object(d));
    }

    let mut d = top.clone();
    d.insert("id".into(), "_:self".into());
    push("blank id", Value::Object(d));

    if let Some(context) = top.get("@context") {
        let mut d = top.clone();
        let mut items = match context {
            Value::Array(items) => items.clone(),
            one => vec![one.clone()],
        };
        items.push("https://example.org/unknown-context.jsonld".into());
        d.insert("@context".into(), Value::Array(items));
        push("unknown context", Value::Object(d));

        let mut d = top.clone();
        let mut items = match context {
            Value::Array(items) => items.clone(),
            one => vec![one.clone()],
        };
        if let Some(first) = items.first().cloned() {
            items.push(first);
        }
        d.insert("@context".into(), Value::Array(items));
        push("repeated context", Value::Object(d));
    }

    // Every value of the document replaced in turn.
    let replacements = replacements();
    let undefined_key = "undefinedNestedProperty".to_owned();
    for (key, _) in top.iter().filter(|(k, _)| *k != "@context") {
        for (i, r) in replacements.iter().enumerate() {
            let mut d = top.clone();
            d.insert(key.clone(), r.clone());
            push(&format!("{key} = #{i}"), Value::Object(d));
        }
    }
    // Every value of some nested objects too: under type-scoped and
    // property-scoped contexts.
    for path in [
        &["credentialSubject"][..],
        &["credentialSubject", "achievement"],
        &["credentialSubject", "achievement", "criteria"],
        &["issuer"],
        &["proof"],
    ] {
        let Some(Value::Object(inner)) = path.iter().try_fold(doc, |v, k| v.get(*k)) else {
            continue;
        };
        let at = path.join(".");
        let mut keys: Vec<&String> = inner.keys().collect();
        keys.push(&undefined_key);
        for key in keys {
            for (i, r) in replacements.iter().enumerate() {
                let mut d = doc.clone();
                if let Some(Value::Object(target)) =
                    path.iter().try_fold(&mut d, |v, k| v.get_mut(*k))
                {
                    target.insert(key.clone(), r.clone());
                }
                push(&format!("{at}.{key} = #{i}"), d);
            }
        }
    }
    out
}

/// Documents written for constructs the vectors do not show.
fn handmade() -> Vec<(String, Value)> {
    let v2 = json!(["https://www.w3.org/ns/credentials/v2"]);
    let ob = json!([
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
    ]);
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "properties": { "name": { "type": "string", "maxLength": 1.5e2, "é": "\u{1}\u{7f}\u{2028}" } },
        "z": [3, 1.0, -0.5, 1e30, true, null, { "b": 1, "a": 2 }]
    });
    let mut docs = vec![
        (
            "json schema credential",
            json!({
                "@context": v2,
                "type": ["VerifiableCredential", "JsonSchemaCredential"],
                "issuer": "https://example.com/issuers/14",
                "credentialSubject": {
                    "id": "https://example.com/schemas/email.json",
                    "type": "JsonSchema",
                    "jsonSchema": schema
                }
            }),
        ),
        (
            "json null",
            json!({
                "@context": v2,
                "type": ["VerifiableCredential"],
                "_sd": null
            }),
        ),
        (
            "json array",
            json!({
                "@context": v2,
                "type": ["VerifiableCredential"],
                "_sd": ["a", 1, { "y": [], "x": {} }]
            }),
        ),
        (
            "result description list",
            json!({
                "@context": ob,
                "type": ["VerifiableCredential", "OpenBadgeCredential"],
                "issuer": { "id": "https://example.com/issuers/1", "type": "Profile" },
                "credentialSubject": {
                    "type": "AchievementSubject",
                    "achievement": {
                        "id": "https://example.com/achievements/1",
                        "type": "Achievement",
                        "name": "A",
                        "resultDescription": [{
                            "id": "urn:uuid:f6ab24cd-86e8-4eaf-b8c6-ded74e8fd41c",
                            "type": "ResultDescription",
                            "allowedValue": ["D", "C", "B", "A"],
                            "name": "Grade",
                            "resultType": "LetterGrade"
                        }, {
                            "id": "urn:uuid:a70ddc6a-4c4a-4bd8-8277-cb97c79f40c5",
                            "type": "ResultDescription",
                            "allowedValue": "only",
                            "name": "One",
                            "resultType": "LetterGrade"
                        }, {
                            "id": "urn:uuid:a70ddc6a-4c4a-4bd8-8277-cb97c79f40c6",
                            "type": "ResultDescription",
                            "allowedValue": null,
                            "name": "None",
                            "resultType": "LetterGrade"
                        }, {
                            "id": "urn:uuid:a70ddc6a-4c4a-4bd8-8277-cb97c79f40c7",
                            "type": "ResultDescription",
                            "allowedValue": [["x", "y"], [], "z"],
                            "name": "Nested",
                            "resultType": "LetterGrade"
                        }, {
                            "type": "ResultDescription",
                            "allowedValue": { "@list": [1, 2.5, true] },
                            "name": "List object",
                            "resultType": "LetterGrade"
                        }]
                    }
                }
            }),
        ),
        (
            "inline context",
            json!({
                "@context": [
                    "https://www.w3.org/ns/credentials/v2",
                    {
                        "ex": "https://example.org/vocab#",
                        "favouriteColour": "ex:favouriteColour",
                        "Thing": { "@id": "ex:Thing", "@context": { "size": { "@id": "ex:size", "@type": "ex:Size" } } },
                        "tags": { "@id": "ex:tags", "@container": "@list" },
                        "seen": { "@id": "ex:seen", "@type": "@id", "@container": "@set" }
                    }
                ],
                "type": ["VerifiableCredential"],
                "issuer": "did:example:issuer",
                "favouriteColour": "green",
                "ex:direct": { "@value": "x", "@type": "ex:T" },
                "credentialSubject": {
                    "type": "Thing",
                    "size": "XL",
                    "tags": ["a", "b"],
                    "seen": ["ex:a", "https://example.org/b", "_:b1"],
                    "favouriteColour": { "@value": "Rot", "@language": "de" }
                }
            }),
        ),
        (
            "nested embedded context",
            json!({
                "@context": v2,
                "type": ["VerifiableCredential"],
                "issuer": "did:example:issuer",
                "credentialSubject": {
                    "@context": { "@vocab": "https://example.org/nested#" },
                    "anything": "goes",
                    "deep": { "more": [1, 2] }
                }
            }),
        ),
        (
            "protected redefinition",
            json!({
                "@context": [
                    "https://www.w3.org/ns/credentials/v2",
                    { "name": "https://example.org/not-schema-name" }
                ],
                "type": ["VerifiableCredential"],
                "name": "x"
            }),
        ),
        (
            "identical protected redefinition",
            json!({
                "@context": [
                    "https://www.w3.org/ns/credentials/v2",
                    { "@protected": true, "name": "https://schema.org/name" }
                ],
                "type": ["VerifiableCredential"],
                "name": "x"
            }),
        ),
        (
            "a term defined out of order loses @protected",
            json!({
                "@context": [
                    { "@protected": true, "a": { "@id": "b" }, "b": "https://example.org/b" },
                    { "b": "https://example.org/other" }
                ],
                "a": "x",
                "b": "y"
            }),
        ),
        (
            "a term defined out of order cannot override",
            json!({
                "@context": [{
                    "@protected": true,
                    "y": "https://example.org/y",
                    "p": {
                        "@id": "https://example.org/p",
                        "@context": { "x": { "@id": "y" }, "y": "https://example.org/y2" }
                    }
                }],
                "p": { "x": "1", "y": "2" }
            }),
        ),
        (
            "a term defined in order may override",
            json!({
                "@context": [{
                    "@protected": true,
                    "y": "https://example.org/y",
                    "p": {
                        "@id": "https://example.org/p",
                        "@context": { "y": "https://example.org/y2", "x": { "@id": "y" } }
                    }
                }],
                "p": { "x": "1", "y": "2" }
            }),
        ),
        (
            "null context",
            json!({
                "@context": [
                    "https://www.w3.org/ns/credentials/v2",
                    null
                ],
                "type": ["VerifiableCredential"]
            }),
        ),
        (
            "colliding keywords",
            json!({
                "@context": v2,
                "id": "urn:a",
                "@id": "urn:b",
                "type": ["VerifiableCredential"]
            }),
        ),
        (
            "two type keys",
            json!({
                "@context": v2,
                "type": ["VerifiableCredential"],
                "@type": "https://example.org/T"
            }),
        ),
        (
            "presentation",
            json!({
                "@context": v2,
                "type": "VerifiablePresentation",
                "holder": "did:example:holder",
                "verifiableCredential": [{
                    "@context": v2,
                    "type": "VerifiableCredential",
                    "issuer": "did:example:issuer",
                    "credentialSubject": { "id": "did:example:subject" }
                }, {
                    "@context": v2,
                    "type": "VerifiableCredential",
                    "issuer": "did:example:issuer",
                    "credentialSubject": { "id": "did:example:subject2" }
                }]
            }),
        ),
        (
            "proof set",
            json!({
                "@context": v2,
                "type": "VerifiableCredential",
                "issuer": "did:example:issuer",
                "proof": [{
                    "type": "DataIntegrityProof",
                    "cryptosuite": "eddsa-rdfc-2022",
                    "created": "2023-02-24T23:36:38Z",
                    "verificationMethod": "did:example:issuer#key-1",
                    "proofPurpose": "assertionMethod",
                    "proofValue": "z1"
                }, {
                    "type": "DataIntegrityProof",
                    "cryptosuite": "eddsa-rdfc-2022",
                    "created": "2023-02-24T23:36:38Z",
                    "verificationMethod": "did:example:issuer#key-1",
                    "proofPurpose": "authentication",
                    "previousProof": "urn:proof:1",
                    "proofValue": "z2"
                }, null, "https://example.org/proof"]
            }),
        ),
        (
            "undefined proof purpose",
            json!({
                "@context": v2,
                "type": "DataIntegrityProof",
                "cryptosuite": "eddsa-rdfc-2022",
                "verificationMethod": "did:example:issuer#key-1",
                "proofPurpose": "notAPurpose"
            }),
        ),
        (
            "explicit blank nodes",
            json!({
                "@context": ob,
                "id": "_:credential",
                "type": ["VerifiableCredential", "OpenBadgeCredential"],
                "issuer": "_:issuer",
                "credentialSubject": {
                    "id": "_:subject",
                    "type": "AchievementSubject",
                    "achievement": { "id": "_:credential", "type": "Achievement" }
                }
            }),
        ),
        (
            "twin anonymous nodes",
            json!({
                "@context": ob,
                "type": ["VerifiableCredential", "OpenBadgeCredential"],
                "credentialSubject": [
                    { "type": "AchievementSubject", "role": "x" },
                    { "type": "AchievementSubject", "role": "x" }
                ]
            }),
        ),
    ];
    let mut out: Vec<(String, Value)> = docs
        .drain(..)
        .map(|(n, d)| (format!("handmade: {n}"), d))
        .collect();
    // Some numbers where the JSON and the RDF forms part ways.
    for n in [
        "0",
        "-0",
        "1",
        "-1",
        "1.0",
        "1.5",
        "-2.25",
        "1e0",
        "1E3",
        "1e20",
        "1e21",
        "1e22",
        "123456789012345678",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "18446744073709551615",
        "0.1",
        "0.30000000000000004",
        "5e-324",
        "1.7976931348623157e308",
        "2.5e-7",
        "100000000000000000000",
        "4.35",
        "0.000001",
        "0.0000001",
        "123456.789",
    ] {
        let doc: Value = serde_json::from_str(&format!(
            r#"{{"@context": ["https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
              "type": ["VerifiableCredential", "OpenBadgeCredential"],
              "credentialSubject": {{ "type": "AchievementSubject", "creditsEarned": {n},
                "term": {n}, "result": [{{ "type": "Result", "value": {n} }}],
                "role": {{ "@value": {n}, "@type": "http://www.w3.org/2001/XMLSchema#double" }},
                "licenseNumber": {{ "@value": {n}, "@type": "http://www.w3.org/2001/XMLSchema#integer" }} }} }}"#
        ))
        .unwrap();
        out.push((format!("handmade: number {n}"), doc));
    }
    out
}

#[derive(Default)]
struct Tally {
    fast: usize,
    rejected: usize,
    rejected_kinds: BTreeMap<&'static str, usize>,
    unknown_context: usize,
    fallback: BTreeMap<&'static str, usize>,
    canon_fast: usize,
    canon_full: usize,
}

fn kind(e: &JsonLdError) -> &'static str {
    match e {
        JsonLdError::UnknownContext(_) => "UnknownContext",
        JsonLdError::UndefinedTerm(_) => "UndefinedTerm",
        JsonLdError::RelativeIri(_) => "RelativeIri",
        JsonLdError::Invalid(_) => "Invalid",
        JsonLdError::TooComplex => "TooComplex",
    }
}

/// Both paths on one document; panics on any difference.
fn compare(name: &str, doc: &Value, tally: &mut Tally) {
    if let Err(e) = check_depth(doc).and_then(|()| check_contexts(doc)) {
        assert!(matches!(e, JsonLdError::UnknownContext(_)), "{name}: {e:?}");
        tally.unknown_context += 1;
        return;
    }
    let reference = super::reference_dataset(doc);
    match fast::to_dataset(doc) {
        Ok(quads) => {
            let expected = match &reference {
                Ok(r) => super::reference_canonicalize(r),
                Err(e) => panic!("{name}: the fast path accepts what the crate refuses: {e}"),
            };
            let got = super::reference_canonicalize(&quads);
            assert_eq!(got, expected, "{name}: the datasets differ");
            let expected = expected.unwrap();
            match canon::canonicalize_simple(&quads) {
                Some(simple) => {
                    assert_eq!(simple, expected, "{name}: the canonicalizations differ");
                    tally.canon_fast += 1;
                }
                None => tally.canon_full += 1,
            }
            // And through the public door.
            assert_eq!(super::canonical_nquads(doc).unwrap(), expected, "{name}");
            tally.fast += 1;
        }
        Err(Fallback::Reject(why)) => {
            assert!(
                reference.is_err(),
                "{name}: the fast path refuses ({why}) what the crate accepts"
            );
            let e = reference.unwrap_err();
            assert_eq!(super::to_dataset(doc).unwrap_err(), e, "{name}");
            *tally.rejected_kinds.entry(kind(&e)).or_default() += 1;
            tally.rejected += 1;
        }
        Err(Fallback::Unsupported(why)) => {
            if std::env::var_os("SHOW_FALLBACK").is_some() {
                show_fallback(name, why);
            }
            *tally.fallback.entry(why).or_default() += 1;
            assert_eq!(super::to_dataset(doc), reference, "{name}");
        }
    }
}

#[allow(clippy::print_stderr, reason = "the test reports its coverage")]
fn show_fallback(name: &str, why: &str) {
    eprintln!("fell back: {name}: {why}");
}

#[allow(clippy::print_stderr, reason = "the test reports its coverage")]
fn report(what: &str, total: usize, tally: &Tally) {
    eprintln!(
        "{what}: {total} documents: {} by the fast path, {} refused by both paths, \
         {} with an unknown context, {} fell back; canonicalized by the simple \
         RDFC path {}, by the full one {}",
        tally.fast,
        tally.rejected,
        tally.unknown_context,
        tally.fallback.values().sum::<usize>(),
        tally.canon_fast,
        tally.canon_full
    );
    for (kind, n) in &tally.rejected_kinds {
        eprintln!("  refused {n}×: {kind}");
    }
    for (why, n) in &tally.fallback {
        eprintln!("  fell back {n}×: {why}");
    }
}

#[test]
fn every_vector_document_gives_the_same_canonical_nquads() {
    let mut tally = Tally::default();
    let mut total = 0;
    for (name, doc) in vector_documents() {
        for (label, variant) in variants(&name, &doc) {
            compare(&label, &variant, &mut tally);
            total += 1;
        }
    }
    report("vectors", total, &tally);
    assert!(tally.fast > 500, "the fast path covers too little");
    let mut tally = Tally::default();
    let mut total = 0;
    for (name, doc) in handmade() {
        compare(&name, &doc, &mut tally);
        total += 1;
    }
    report("hand-made documents", total, &tally);
}

#[test]
fn mutated_documents_give_the_same_result() {
    let mut tally = Tally::default();
    let mut total = 0;
    let mut bases: Vec<(String, Value)> = Vec::new();
    for (name, doc) in vector_documents() {
        // One document per context set is enough to mutate.
        if doc.get("@context").is_some() {
            bases.push((name.clone(), without_proof(&doc)));
            if let Some(proof) = proofs(&doc).first() {
                bases.push((
                    format!("{name} (proof options)"),
                    proof_options(&doc, proof),
                ));
            }
        }
    }
    bases.sort_by_key(|(_, d)| d.get("@context").map(Value::to_string));
    bases.dedup_by_key(|(_, d)| d.get("@context").map(Value::to_string));
    bases.extend(handmade());
    for (name, doc) in &bases {
        for (label, variant) in mutations(name, doc) {
            compare(&label, &variant, &mut tally);
            total += 1;
        }
    }
    report("mutations", total, &tally);
}

/// The key vectors must take the fast path (both steps).
#[test]
fn the_reference_vectors_take_the_fast_path() {
    for path in [
        "1edtech-ob-spec/ldp-testvector-obv3p0/unsigned.json",
        "w3c-vc-di-eddsa/unsigned.json",
        "w3c-vc-di-eddsa/eddsa-rdfc-2022/proofConfigDataInt.json",
        "w3c-vc-di-eddsa/Ed25519Signature2020/proofConfigEdSig.json",
    ] {
        let text = std::fs::read_to_string(vectors().join(path)).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        let quads = fast::to_dataset(&doc).unwrap_or_else(|e| panic!("{path}: {e:?}"));
        assert!(canon::canonicalize_simple(&quads).is_some(), "{path}");
    }
}

#[test]
fn too_deep_a_document_is_refused() {
    let mut doc = json!("leaf");
    for _ in 0..200 {
        doc = json!({ "https://example.org/p": doc });
    }
    assert_eq!(super::to_dataset(&doc), Err(JsonLdError::TooComplex));
    let mut doc = json!(1);
    for _ in 0..100_000 {
        doc = Value::Array(vec![doc]);
    }
    assert_eq!(super::to_dataset(&doc), Err(JsonLdError::TooComplex));
    // Dropping such a value recurses in serde_json itself: leak it instead.
    std::mem::forget(doc);
}

#[test]
fn simple_canonicalization_matches_rdf_canon_on_random_graphs() {
    // A small deterministic generator: graphs of blank nodes, IRIs and
    // literals, in and out of named graphs.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let (mut simple, mut full) = (0, 0);
    for round in 0..600 {
        // Every other graph has little variety, so that blank nodes look alike.
        let variety = if round % 2 == 0 { 1 } else { 4 };
        let blanks = 1 + next(6);
        let count = 1 + next(12);
        let mut quads = Vec::new();
        for _ in 0..count {
            let subject: oxrdf::Subject = if next(3) == 0 {
                oxrdf::NamedNode::new_unchecked(format!("urn:s:{}", next(variety))).into()
            } else {
                oxrdf::BlankNode::new_unchecked(format!("n{}", next(blanks))).into()
            };
            let predicate = oxrdf::NamedNode::new_unchecked(format!("urn:p:{}", next(variety)));
            let object: oxrdf::Term = match next(4) {
                0 => oxrdf::BlankNode::new_unchecked(format!("n{}", next(blanks))).into(),
                1 => oxrdf::NamedNode::new_unchecked(format!("urn:o:{}", next(3))).into(),
                2 => oxrdf::Literal::new_simple_literal(format!("v\"\n{}é", next(variety))).into(),
                _ => oxrdf::Literal::new_language_tagged_literal_unchecked("x", "en").into(),
            };
            let graph: oxrdf::GraphName = match next(4) {
                0 => oxrdf::BlankNode::new_unchecked(format!("n{}", next(blanks))).into(),
                1 => oxrdf::NamedNode::new_unchecked("urn:g").into(),
                _ => oxrdf::GraphName::DefaultGraph,
            };
            quads.push(oxrdf::Quad::new(subject, predicate, object, graph));
        }
        if round % 5 == 0 {
            // Twins: anonymous nodes with the same properties.
            for t in 0..2 + next(3) {
                let twin = oxrdf::BlankNode::new_unchecked(format!("t{t}"));
                quads.push(oxrdf::Quad::new(
                    oxrdf::NamedNode::new_unchecked("urn:s:0"),
                    oxrdf::NamedNode::new_unchecked("urn:p:twin"),
                    twin.clone(),
                    oxrdf::GraphName::DefaultGraph,
                ));
                quads.push(oxrdf::Quad::new(
                    twin,
                    oxrdf::NamedNode::new_unchecked("urn:p:0"),
                    oxrdf::Literal::new_simple_literal("same"),
                    oxrdf::GraphName::DefaultGraph,
                ));
            }
        }
        let expected = super::reference_canonicalize(&quads);
        match canon::canonicalize_simple(&quads) {
            Some(got) => {
                assert_eq!(Ok(got), expected, "{quads:?}");
                simple += 1;
            }
            None => full += 1,
        }
    }
    assert!(simple > 100 && full > 10, "{simple} {full}");
}

#[test]
fn symmetric_blank_nodes_take_the_full_algorithm() {
    let b = |s: &str| oxrdf::BlankNode::new_unchecked(s);
    let p = oxrdf::NamedNode::new_unchecked("urn:p");
    let quads = vec![
        oxrdf::Quad::new(b("a"), p.clone(), b("b"), oxrdf::GraphName::DefaultGraph),
        oxrdf::Quad::new(b("b"), p, b("a"), oxrdf::GraphName::DefaultGraph),
    ];
    assert_eq!(canon::canonicalize_simple(&quads), None);
    assert!(super::canonicalize(&quads).is_ok());
}

#[test]
fn a_long_chain_of_terms_is_refused_before_the_processor_recurses_along_it() {
    for (n, ok) in [(8usize, true), (31, true), (40, false), (5000, false)] {
        for reversed in [false, true] {
            let mut terms: Vec<(String, Value)> = (1..n)
                .map(|i| (format!("t{i}"), json!(format!("t{}", i - 1))))
                .collect();
            terms.push(("t0".into(), json!({ "@id": "ex:t0", "@type": "ex:T" })));
            terms.push(("ex".into(), json!("https://example.org/")));
            if reversed {
                terms.reverse();
            }
            let context: Map<String, Value> = terms.into_iter().collect();
            let doc = json!({ "@context": [context], format!("t{}", n - 1): "x" });
            let got = super::canonical_nquads(&doc);
            if ok {
                let reference =
                    super::reference_dataset(&doc).and_then(|q| super::reference_canonicalize(&q));
                assert_eq!(got, reference, "{n}");
                assert!(got.is_ok(), "{n}");
            } else {
                assert_eq!(got, Err(JsonLdError::TooComplex), "{n}");
            }
        }
    }
}

/// Scoped contexts nested as deep as the depth limit lets them, each with a
/// term chain as long as allowed: both paths must cope (no stack overflow).
#[test]
fn deeply_scoped_contexts_with_long_chains_do_not_exhaust_the_stack() {
    let chain = |level: usize| -> Map<String, Value> {
        let mut terms: Vec<(String, Value)> = (1..super::MAX_TERM_CHAIN - 1)
            .map(|i| {
                (
                    format!("t{level}_{i}"),
                    json!(format!("t{level}_{}", i - 1)),
                )
            })
            .collect();
        terms.push((format!("t{level}_0"), json!("ex:t0")));
        terms.push(("ex".into(), json!("https://example.org/")));
        terms.reverse();
        terms.into_iter().collect()
    };
    let mut context = chain(99);
    let mut level = 0;
    loop {
        let mut outer = chain(level);
        outer.insert(
            format!("p{level}"),
            json!({ "@id": "ex:p", "@context": context }),
        );
        let candidate = json!({ "@context": [outer.clone()] });
        if check_depth(&candidate).is_err() {
            break;
        }
        context = outer;
        level += 1;
    }
    assert!(level > 10, "{level}");
    let doc = json!({ "@context": [context], format!("t{}_5", level - 1): "x" });
    let reference = super::reference_dataset(&doc).and_then(|q| super::reference_canonicalize(&q));
    assert!(reference.is_ok(), "{reference:?}");
    let fast = fast::to_dataset(&doc).map(|q| super::reference_canonicalize(&q));
    assert_eq!(fast, Ok(reference));
}
