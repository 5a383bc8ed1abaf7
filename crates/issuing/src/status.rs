//! The issuer's revocation list: a `BitstringStatusListCredential` it signs
//! and publishes as a static file, one bit per credential.
//!
//! Credentials get their index from a counter scrambled by a bijection over
//! the list's 131,072 positions, so neighbours in a batch are not neighbours
//! in the list and the index says little about when a badge was issued.
//!
//! See: <https://www.w3.org/TR/vc-bitstring-status-list/>

use serde_json::{Value, json};
use time::OffsetDateTime;

use badgesmith_credential::status::encode_list;

use crate::credential::{CONTEXTS, format_datetime};

/// Bits in a status list: 16 KiB, the specification's minimum for privacy.
pub const LIST_BITS: u32 = 131_072;

/// The list position of the `counter`-th credential (0, 1, 2, …), or `None`
/// when the list is full.
pub fn index_for(counter: u32) -> Option<u32> {
    if counter >= LIST_BITS {
        return None;
    }
    // An odd multiplier and an offset, modulo a power of two: a bijection.
    Some(counter.wrapping_mul(0x0001_6A09).wrapping_add(0x3C6E) % LIST_BITS)
}

/// The bitstring with the given positions set.
pub fn bitstring(revoked: &[u32]) -> Vec<u8> {
    let mut bits = vec![0u8; (LIST_BITS / 8) as usize];
    for &index in revoked {
        if let Some(byte) = bits.get_mut((index / 8) as usize) {
            *byte |= 0x80 >> (index % 8);
        }
    }
    bits
}

/// The unsigned status list credential published at `url` by `issuer_did`.
pub fn list_credential(
    issuer_did: &str,
    issuer_name: &str,
    url: &str,
    revoked: &[u32],
    valid_from: OffsetDateTime,
) -> Value {
    json!({
        "@context": [CONTEXTS[0]],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": { "id": issuer_did, "name": issuer_name },
        "validFrom": format_datetime(valid_from),
        "credentialSubject": {
            "id": format!("{url}#list"),
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encode_list(&bitstring(revoked)),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_are_a_permutation() {
        let mut seen = vec![false; LIST_BITS as usize];
        for c in 0..LIST_BITS {
            let i = index_for(c).unwrap() as usize;
            assert!(!seen[i], "{c} -> {i} twice");
            seen[i] = true;
        }
        assert_eq!(index_for(LIST_BITS), None);
        assert_ne!(index_for(1).unwrap(), index_for(0).unwrap() + 1);
    }

    #[test]
    fn bits_are_most_significant_first() {
        let bits = bitstring(&[0, 9]);
        assert_eq!(bits[0], 0x80);
        assert_eq!(bits[1], 0x40);
        assert_eq!(bits.len(), 16384);
    }
}
