//! VC-JWT with EdDSA: the credential as a compact JWS instead of an embedded proof.
//!
//! A VCDM 2.0 credential is the JWT payload itself (`typ: vc+jwt`); a VCDM 1.1
//! credential travels in the `vc` claim beside `iss`, `nbf`, `jti`, `sub` and
//! `exp`, as VC-JWT 1.1 verifiers expect.

use ed25519_dalek::SigningKey;
use serde_json::{Map, Value};
use time::OffsetDateTime;

use crate::jose;

/// Why a credential could not be signed as a JWT.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JwtSignError {
    /// The credential is not a JSON object.
    #[error("the credential is not a JSON object")]
    NotAnObject,
    /// A VCDM 1.1 credential needs an issuer id for the `iss` claim.
    #[error("the credential has no issuer id")]
    NoIssuer,
    /// A date field that must become a claim cannot be read.
    #[error("{0} is not an RFC 3339 date-time")]
    BadDate(&'static str),
}

fn epoch(value: Option<&Value>, name: &'static str) -> Result<Option<i64>, JwtSignError> {
    match value {
        None => Ok(None),
        Some(Value::String(s)) => crate::schema::parse_datetime(s)
            .map(|d: OffsetDateTime| Some(d.unix_timestamp()))
            .ok_or(JwtSignError::BadDate(name)),
        Some(_) => Err(JwtSignError::BadDate(name)),
    }
}

/// Signs `credential` as a VC-JWT with EdDSA; `kid` names the verification
/// method (e.g. `did:key:z6Mk…#z6Mk…`), `issued_at` becomes `iat` if given.
pub fn sign(
    credential: &Value,
    key: &SigningKey,
    kid: &str,
    issued_at: Option<OffsetDateTime>,
) -> Result<String, JwtSignError> {
    let Value::Object(vc) = credential else {
        return Err(JwtSignError::NotAnObject);
    };
    let v2 = match vc.get("@context") {
        Some(Value::Array(items)) => {
            items.first().and_then(Value::as_str) == Some("https://www.w3.org/ns/credentials/v2")
        }
        Some(Value::String(s)) => s == "https://www.w3.org/ns/credentials/v2",
        _ => false,
    };
    let mut header = Map::new();
    let mut payload;
    if v2 {
        header.insert("typ".into(), "vc+jwt".into());
        payload = vc.clone();
    } else {
        header.insert("typ".into(), "JWT".into());
        payload = Map::new();
        let issuer = match vc.get("issuer") {
            Some(Value::String(s)) => s.clone(),
            Some(other) => other
                .get("id")
                .and_then(Value::as_str)
                .ok_or(JwtSignError::NoIssuer)?
                .to_owned(),
            None => return Err(JwtSignError::NoIssuer),
        };
        payload.insert("iss".into(), issuer.into());
        if let Some(nbf) = epoch(
            vc.get("issuanceDate").or_else(|| vc.get("validFrom")),
            "issuanceDate",
        )? {
            payload.insert("nbf".into(), nbf.into());
        }
        if let Some(id) = vc.get("id").and_then(Value::as_str) {
            payload.insert("jti".into(), id.into());
        }
        let subject = match vc.get("credentialSubject") {
            Some(Value::Array(items)) => items.first(),
            other => other,
        };
        if let Some(sub) = subject.and_then(|s| s.get("id")).and_then(Value::as_str) {
            payload.insert("sub".into(), sub.into());
        }
        if let Some(exp) = epoch(
            vc.get("expirationDate").or_else(|| vc.get("validUntil")),
            "expirationDate",
        )? {
            payload.insert("exp".into(), exp.into());
        }
        payload.insert("vc".into(), Value::Object(vc.clone()));
    }
    if let Some(iat) = issued_at {
        payload.insert("iat".into(), iat.unix_timestamp().into());
    }
    header.insert("kid".into(), kid.into());
    let body = serde_json::to_vec(&Value::Object(payload)).unwrap_or_default();
    Ok(jose::sign_eddsa(header, &body, key))
}
