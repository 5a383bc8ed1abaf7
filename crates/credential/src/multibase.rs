//! Multibase base58btc (`z…`), the only multibase Ed25519 keys and proofs use.

/// Encodes bytes as multibase base58btc: `z` followed by base58 (Bitcoin alphabet).
pub fn encode_base58btc(bytes: &[u8]) -> String {
    let mut out = String::from("z");
    out.push_str(&bs58::encode(bytes).into_string());
    out
}

/// Decodes a multibase base58btc string (`z…`).
pub fn decode_base58btc(text: &str) -> Result<Vec<u8>, MultibaseError> {
    let body = text.strip_prefix('z').ok_or(MultibaseError::NotBase58btc)?;
    bs58::decode(body)
        .into_vec()
        .map_err(|_| MultibaseError::InvalidCharacters)
}

/// Why a multibase value could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MultibaseError {
    /// It does not start with `z`.
    #[error("it is not multibase base58btc (it must start with \"z\")")]
    NotBase58btc,
    /// It has characters outside the base58 alphabet.
    #[error("it is not valid base58")]
    InvalidCharacters,
}
