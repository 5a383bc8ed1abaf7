//! Splitting and decoding a compact JWS, without checking its signature.
//!
//! See: <https://www.rfc-editor.org/rfc/rfc7515#section-7.1>

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::dto::DecodedJws;

/// Decodes the three parts of a compact JWS; `Err` says which part is malformed.
pub(crate) fn decode(text: &str) -> Result<DecodedJws, String> {
    let mut parts = text.trim().split('.');
    let (Some(h), Some(p), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err("a JWS has three parts separated by dots".into());
    };
    let header_bytes = URL_SAFE_NO_PAD
        .decode(h)
        .map_err(|e| format!("the JWS header is not base64url ({e})"))?;
    let header: serde_json::Value = serde_json::from_slice(&header_bytes)
        .map_err(|e| format!("the JWS header is not JSON ({e})"))?;
    let payload_bytes = URL_SAFE_NO_PAD
        .decode(p)
        .map_err(|e| format!("the JWS payload is not base64url ({e})"))?;
    let signature = URL_SAFE_NO_PAD
        .decode(s)
        .map_err(|e| format!("the JWS signature is not base64url ({e})"))?;
    let (payload, payload_text) = match serde_json::from_slice(&payload_bytes) {
        Ok(v) => (Some(v), None),
        Err(_) => (
            None,
            Some(String::from_utf8_lossy(&payload_bytes).into_owned()),
        ),
    };
    Ok(DecodedJws {
        header,
        payload,
        payload_text,
        signature_bytes: u32::try_from(signature.len()).unwrap_or(u32::MAX),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_header_and_payload() {
        let h = URL_SAFE_NO_PAD.encode(br#"{"alg":"EdDSA"}"#);
        let p = URL_SAFE_NO_PAD.encode(br#"{"vc":{"type":["VerifiableCredential"]}}"#);
        let s = URL_SAFE_NO_PAD.encode([7u8; 64]);
        let d = decode(&format!("{h}.{p}.{s}")).unwrap();
        assert_eq!(d.header["alg"], "EdDSA");
        assert_eq!(d.payload.unwrap()["vc"]["type"][0], "VerifiableCredential");
        assert_eq!(d.signature_bytes, 64);
    }

    #[test]
    fn names_the_bad_part() {
        assert!(decode("a.b").unwrap_err().contains("three parts"));
        assert!(decode("!!.e30.e30").unwrap_err().contains("header"));
        let h = URL_SAFE_NO_PAD.encode(b"not json");
        assert!(
            decode(&format!("{h}.e30.e30"))
                .unwrap_err()
                .contains("not JSON")
        );
    }
}
