//! Revocation and suspension: `BitstringStatusListEntry` (VCDM 2.0, and its
//! predecessor `StatusList2021Entry`) and the 1EdTech revocation list.
//!
//! A status list is a signed credential the issuer publishes as a static file:
//! a gzip-compressed bitstring, one bit per credential, where a set bit means
//! revoked (or suspended, per `statusPurpose`).

use std::io::Read as _;

use base64::Engine as _;
use serde_json::Value;
use time::OffsetDateTime;

use crate::{Fetcher, di};

/// The largest decompressed status list accepted (16 MiB = 134 M entries).
pub const MAX_LIST_BYTES: u64 = 16 * 1024 * 1024;

/// What a status entry says about the credential.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Not revoked or suspended.
    Clear,
    /// The bit is set for this purpose (`revocation`, `suspension`, …).
    Set(String),
}

fn text<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

fn issuer_id(credential: &Value) -> Option<&str> {
    match credential.get("issuer")? {
        Value::String(s) => Some(s),
        other => text(other, "id"),
    }
}

/// Checks one `credentialStatus` entry of `credential`, fetching the list.
pub fn check_entry(
    credential: &Value,
    entry: &Value,
    fetcher: &dyn Fetcher,
    at: OffsetDateTime,
) -> Result<Outcome, String> {
    let kind = text(entry, "type").unwrap_or_default();
    match kind {
        "BitstringStatusListEntry" | "StatusList2021Entry" => {
            let url = text(entry, "statusListCredential")
                .ok_or("the status entry names no status list")?;
            let bytes = fetcher.fetch(url)?;
            let list: Value = serde_json::from_slice(&bytes)
                .map_err(|_| format!("the status list at {url} is not JSON"))?;
            check_bitstring(credential, entry, &list, fetcher, at)
        }
        "1EdTechRevocationList" => {
            let url = text(entry, "id").ok_or("the revocation entry names no list")?;
            let bytes = fetcher.fetch(url)?;
            let list: Value = serde_json::from_slice(&bytes)
                .map_err(|_| format!("the revocation list at {url} is not JSON"))?;
            let id = text(credential, "id").unwrap_or_default();
            Ok(if revoked_in(&list, id) {
                Outcome::Set("revocation".into())
            } else {
                Outcome::Clear
            })
        }
        other => Err(format!(
            "its status uses \"{other}\", which Badgesmith does not know"
        )),
    }
}

/// Whether a 1EdTech revocation list names `id`, in any of its shapes.
fn revoked_in(list: &Value, id: &str) -> bool {
    let mut stack = vec![list];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(map) => {
                for (key, child) in map {
                    if key.starts_with("revoked")
                        && let Value::Array(items) = child
                        && items.iter().any(|item| match item {
                            Value::String(s) => s == id,
                            other => text(other, "id") == Some(id),
                        })
                    {
                        return true;
                    }
                    stack.push(child);
                }
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    false
}

/// Checks a bitstring status list credential and reads the entry's bit.
pub fn check_bitstring(
    credential: &Value,
    entry: &Value,
    list: &Value,
    fetcher: &dyn Fetcher,
    at: OffsetDateTime,
) -> Result<Outcome, String> {
    // The list must be signed by the credential's issuer and be current.
    let proofs = di::proofs(list);
    let first = proofs.first().ok_or("the status list is not signed")?;
    let verified = di::verify(list, first, Some(fetcher))
        .map_err(|e| format!("the status list's signature does not hold ({e})"))?;
    let list_issuer = issuer_id(list).unwrap_or_default();
    if verified.signer.controller != list_issuer {
        return Err("the status list is not signed by its own issuer".into());
    }
    if Some(list_issuer) != issuer_id(credential) {
        return Err("the status list was published by another issuer".into());
    }
    for (key, after) in [("validFrom", true), ("validUntil", false)] {
        if let Some(d) = text(list, key).and_then(crate::schema::parse_datetime)
            && ((after && d > at) || (!after && d <= at))
        {
            return Err("the status list is not valid at this date".into());
        }
    }
    let types: Vec<&str> = match list.get("type") {
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        Some(Value::String(s)) => vec![s.as_str()],
        _ => Vec::new(),
    };
    if !types
        .iter()
        .any(|t| *t == "BitstringStatusListCredential" || *t == "StatusList2021Credential")
    {
        return Err("the status list is not a status list credential".into());
    }
    let subject = list
        .get("credentialSubject")
        .ok_or("the status list has no subject")?;
    let encoded = text(subject, "encodedList").ok_or("the status list holds no list")?;
    let purpose = text(entry, "statusPurpose")
        .unwrap_or("revocation")
        .to_owned();
    if let Some(list_purpose) = text(subject, "statusPurpose")
        && list_purpose != purpose
    {
        return Err(format!(
            "the status list is for {list_purpose}, not {purpose}"
        ));
    }
    let index: u64 = match entry.get("statusListIndex") {
        Some(Value::String(s)) => s.parse().map_err(|_| "the status index is not a number")?,
        Some(Value::Number(n)) => n.as_u64().ok_or("the status index is not a number")?,
        _ => return Err("the status entry has no index".into()),
    };
    let bits = decode_list(encoded)?;
    let byte = usize::try_from(index / 8)
        .ok()
        .and_then(|i| bits.get(i))
        .ok_or("the status index is outside the list")?;
    let mask = 0x80u8 >> (index % 8);
    Ok(if byte & mask != 0 {
        Outcome::Set(purpose)
    } else {
        Outcome::Clear
    })
}

/// Decodes `encodedList`: multibase base64url (`u…`) or bare base64url, gzip.
pub fn decode_list(encoded: &str) -> Result<Vec<u8>, String> {
    let body = encoded.strip_prefix('u').unwrap_or(encoded);
    let gz = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(body.trim_end_matches('='))
        .map_err(|_| "the status list is not valid base64url".to_owned())?;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(gz.as_slice())
        .take(MAX_LIST_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|_| "the status list is not valid gzip".to_owned())?;
    if out.len() as u64 > MAX_LIST_BYTES {
        return Err("the status list is too large".into());
    }
    Ok(out)
}

/// Builds an `encodedList` (multibase base64url of gzip) from a bitstring,
/// for issuers that publish their own list.
pub fn encode_list(bits: &[u8]) -> String {
    use std::io::Write as _;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    // Writing to a Vec cannot fail.
    let _ = gz.write_all(bits);
    let compressed = gz.finish().unwrap_or_default();
    format!(
        "u{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(compressed)
    )
}
