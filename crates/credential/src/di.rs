//! Embedded proofs: Data Integrity `eddsa-rdfc-2022` and `eddsa-jcs-2022`
//! (create and verify) and `Ed25519Signature2020` (verify).
//!
//! All three sign `sha256(canonical proof options) ‖ sha256(canonical document)`
//! with Ed25519, where the proof options are the proof without `proofValue`
//! and with the document's `@context`. RDFC suites canonicalize with JSON-LD +
//! RDFC-1.0 ([`crate::jsonld`]); the JCS suite with RFC 8785.

use ed25519_dalek::{Signer as _, SigningKey, Verifier as _};
use serde_json::{Map, Value};
use sha2::{Digest as _, Sha256};

use crate::did::{self, DidError, ResolvedKey};
use crate::jsonld::{self, JsonLdError};
use crate::multibase;

/// A proof suite Badgesmith knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suite {
    /// `DataIntegrityProof` with `cryptosuite: eddsa-rdfc-2022` (the default for issuing).
    EddsaRdfc2022,
    /// `DataIntegrityProof` with `cryptosuite: eddsa-jcs-2022`.
    EddsaJcs2022,
    /// `Ed25519Signature2020` (verify only).
    Ed25519Signature2020,
}

impl Suite {
    /// The suite's name as proofs write it.
    pub fn name(self) -> &'static str {
        match self {
            Self::EddsaRdfc2022 => "eddsa-rdfc-2022",
            Self::EddsaJcs2022 => "eddsa-jcs-2022",
            Self::Ed25519Signature2020 => "Ed25519Signature2020",
        }
    }

    /// Which suite a proof object uses.
    pub fn of(proof: &Value) -> Result<Self, ProofError> {
        let kind = proof
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let cryptosuite = proof.get("cryptosuite").and_then(Value::as_str);
        match (kind, cryptosuite) {
            ("DataIntegrityProof", Some("eddsa-rdfc-2022")) => Ok(Self::EddsaRdfc2022),
            ("DataIntegrityProof", Some("eddsa-jcs-2022")) => Ok(Self::EddsaJcs2022),
            ("Ed25519Signature2020", _) => Ok(Self::Ed25519Signature2020),
            ("DataIntegrityProof", Some(other)) => {
                Err(ProofError::UnsupportedSuite(other.to_owned()))
            }
            ("", _) => Err(ProofError::Malformed("the proof has no type".into())),
            (other, _) => Err(ProofError::UnsupportedSuite(other.to_owned())),
        }
    }
}

/// Why a proof could not be made or did not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProofError {
    /// The credential or its proof options are not valid JSON-LD (safe mode included).
    #[error("{0}")]
    JsonLd(#[from] JsonLdError),
    /// The signature does not match the content.
    #[error(
        "the signature does not match the badge's content: it was changed after signing, or signed with another key"
    )]
    BadSignature,
    /// A suite Badgesmith does not know.
    #[error("it is signed with \"{0}\", a kind of proof Badgesmith cannot check")]
    UnsupportedSuite(String),
    /// The proof object lacks something it needs.
    #[error("its proof is malformed: {0}")]
    Malformed(String),
    /// The verification method could not be resolved.
    #[error("{0}")]
    Key(#[from] DidError),
    /// The document is not a JSON object.
    #[error("the credential is not a JSON object")]
    NotAnObject,
}

/// What a verified proof tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedProof {
    /// The suite.
    pub suite: Suite,
    /// The key that signed and its controller.
    pub signer: ResolvedKey,
    /// The proof's purpose (e.g. `assertionMethod`).
    pub purpose: Option<String>,
    /// When the proof says it was made.
    pub created: Option<String>,
}

/// Proof options for signing.
#[derive(Debug, Clone)]
pub struct SignOptions<'a> {
    /// `eddsa-rdfc-2022` or `eddsa-jcs-2022`.
    pub suite: Suite,
    /// The verification method (e.g. `did:key:z6Mk…#z6Mk…`).
    pub verification_method: &'a str,
    /// The `created` date-time, as it will be written.
    pub created: &'a str,
    /// Usually `assertionMethod`.
    pub proof_purpose: &'a str,
}

fn canonical(suite: Suite, value: &Value) -> Result<Vec<u8>, ProofError> {
    match suite {
        Suite::EddsaRdfc2022 | Suite::Ed25519Signature2020 => {
            Ok(jsonld::canonical_nquads(value)?.into_bytes())
        }
        Suite::EddsaJcs2022 => serde_json_canonicalizer::to_vec(value).map_err(|e| {
            ProofError::Malformed(format!("it cannot be canonicalized as JSON ({e})"))
        }),
    }
}

/// `sha256(canonical proof options) ‖ sha256(canonical document)`.
fn hash_data(
    suite: Suite,
    proof_options: &Value,
    document: &Value,
) -> Result<[u8; 64], ProofError> {
    let proof_hash = Sha256::digest(canonical(suite, proof_options)?);
    let doc_hash = Sha256::digest(canonical(suite, document)?);
    let mut out = [0u8; 64];
    let (a, b) = out.split_at_mut(32);
    a.copy_from_slice(&proof_hash);
    b.copy_from_slice(&doc_hash);
    Ok(out)
}

/// Signs `document` (which must not hold a proof of its own yet, or holds
/// proofs that become a proof set) and returns it with the new proof added.
pub fn sign(
    document: &Value,
    key: &SigningKey,
    options: &SignOptions<'_>,
) -> Result<Value, ProofError> {
    let Value::Object(doc) = document else {
        return Err(ProofError::NotAnObject);
    };
    if options.suite == Suite::Ed25519Signature2020 {
        return Err(ProofError::UnsupportedSuite(options.suite.name().into()));
    }
    let mut unsecured = doc.clone();
    let existing = unsecured.remove("proof");
    let mut proof = Map::new();
    proof.insert("type".into(), "DataIntegrityProof".into());
    proof.insert("cryptosuite".into(), options.suite.name().into());
    proof.insert("created".into(), options.created.into());
    proof.insert(
        "verificationMethod".into(),
        options.verification_method.into(),
    );
    proof.insert("proofPurpose".into(), options.proof_purpose.into());
    let mut proof_options = proof.clone();
    if let Some(context) = unsecured.get("@context") {
        proof_options.insert("@context".into(), context.clone());
        // eddsa-jcs-2022 keeps the context in the proof it writes.
        if options.suite == Suite::EddsaJcs2022 {
            proof.insert("@context".into(), context.clone());
        }
    }
    let data = hash_data(
        options.suite,
        &Value::Object(proof_options),
        &Value::Object(unsecured),
    )?;
    let signature = key.sign(&data);
    proof.insert(
        "proofValue".into(),
        multibase::encode_base58btc(&signature.to_bytes()).into(),
    );
    let mut signed = doc.clone();
    let proof = Value::Object(proof);
    let proofs = match existing {
        None => proof,
        Some(Value::Array(mut items)) => {
            items.push(proof);
            Value::Array(items)
        }
        Some(one) => Value::Array(vec![one, proof]),
    };
    signed.insert("proof".into(), proofs);
    Ok(Value::Object(signed))
}

/// The proofs of a secured document (none, one, or a proof set).
pub fn proofs(document: &Value) -> Vec<&Value> {
    match document.get("proof") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one @ Value::Object(_)) => vec![one],
        _ => Vec::new(),
    }
}

/// Verifies one proof of `document`, resolving its key offline (did:key, the
/// 1EdTech `https://issuer#z6Mk…` convention) or through `fetcher`.
pub fn verify(
    document: &Value,
    proof: &Value,
    fetcher: Option<&dyn crate::Fetcher>,
) -> Result<VerifiedProof, ProofError> {
    let Value::Object(doc) = document else {
        return Err(ProofError::NotAnObject);
    };
    let Value::Object(proof_map) = proof else {
        return Err(ProofError::Malformed("the proof is not an object".into()));
    };
    let suite = Suite::of(proof)?;
    let text = |field: &str| proof_map.get(field).and_then(Value::as_str);
    let proof_value = text("proofValue")
        .ok_or_else(|| ProofError::Malformed("the proof has no proofValue".into()))?;
    let vm = text("verificationMethod")
        .ok_or_else(|| ProofError::Malformed("the proof names no verificationMethod".into()))?;
    let signature = multibase::decode_base58btc(proof_value)
        .map_err(|e| ProofError::Malformed(format!("its proofValue {e}")))?;
    let signature = ed25519_dalek::Signature::from_slice(&signature)
        .map_err(|_| ProofError::Malformed("its proofValue is not an Ed25519 signature".into()))?;

    // The unsecured document: without proofs, except those this one chains to.
    let mut unsecured = doc.clone();
    let all = unsecured.remove("proof");
    if let Some(previous) = proof_map.get("previousProof") {
        let wanted: Vec<&str> = match previous {
            Value::String(id) => vec![id.as_str()],
            Value::Array(ids) => ids.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        let siblings: Vec<Value> = match &all {
            Some(Value::Array(items)) => items.clone(),
            Some(one) => vec![one.clone()],
            None => Vec::new(),
        };
        let matching: Vec<Value> = siblings
            .into_iter()
            .filter(|p| {
                p.get("id")
                    .and_then(Value::as_str)
                    .is_some_and(|id| wanted.contains(&id))
            })
            .collect();
        if matching.len() != wanted.len() {
            return Err(ProofError::Malformed(
                "it chains to a proof that is not there".into(),
            ));
        }
        let chained = match <[Value; 1]>::try_from(matching) {
            Ok([one]) => one,
            Err(many) => Value::Array(many),
        };
        unsecured.insert("proof".into(), chained);
    }
    let mut proof_options = proof_map.clone();
    proof_options.remove("proofValue");
    if !proof_options.contains_key("@context")
        && let Some(context) = doc.get("@context")
    {
        proof_options.insert("@context".into(), context.clone());
    }
    let data = hash_data(
        suite,
        &Value::Object(proof_options),
        &Value::Object(unsecured),
    )?;
    let signer = did::resolve_verification_method(vm, fetcher)?;
    signer
        .key
        .verify(&data, &signature)
        .map_err(|_| ProofError::BadSignature)?;
    Ok(VerifiedProof {
        suite,
        signer,
        purpose: text("proofPurpose").map(str::to_owned),
        created: text("created").map(str::to_owned),
    })
}
