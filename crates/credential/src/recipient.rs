//! Does a badge name this recipient? Plain and hashed recipient identities.
//!
//! Open Badges may store the recipient's identity (usually an e-mail address)
//! as a hash: `sha256$<hex>` or `md5$<hex>` of the identity followed by an
//! optional salt. OB 3.0 keeps it in an `IdentityObject` (`identityHash`,
//! `hashed`, `salt`), OB 2.0 in `recipient` (`identity`, `hashed`, `salt`).
//!
//! See: <https://www.imsglobal.org/spec/ob/v3p0/#identityobject> and
//! <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html#IdentityObject>

use md5::Md5;
use sha2::Sha256;
use sha2::digest::Digest;

/// Hashes an identity the way Open Badges issuers do: `sha256$` and the
/// lowercase hex SHA-256 of the identity followed by the salt.
///
/// The identity is hashed exactly as given.
pub fn hash_identity(identity: &str, salt: Option<&str>) -> String {
    format!(
        "sha256${}",
        hex_digest(HashAlg::Sha256, identity, salt.unwrap_or_default())
    )
}

/// Tells whether `candidate` is the identity a badge stores.
///
/// `stored`, `hashed` and `salt` are the badge's fields. Surrounding whitespace
/// is ignored on both sides, and an empty identity never matches.
///
/// * Hashed: `stored` is `sha256$<hex>` or `md5$<hex>` (algorithm name and hex
///   in any case). Issuers differ in how they normalise before hashing, so the
///   candidate is tried as typed, then, for an e-mail address, with its domain
///   lowercased, then lowercased whole. Any other algorithm does not match.
/// * Not hashed: the texts are compared, ignoring case for e-mail addresses.
pub fn identity_matches(stored: &str, hashed: bool, salt: Option<&str>, candidate: &str) -> bool {
    let stored = stored.trim();
    let candidate = candidate.trim();
    if stored.is_empty() || candidate.is_empty() {
        return false;
    }
    if !hashed {
        return if is_email(stored) || is_email(candidate) {
            stored.to_lowercase() == candidate.to_lowercase()
        } else {
            stored == candidate
        };
    }
    let Some((name, expected)) = stored.split_once('$') else {
        return false;
    };
    let alg = if name.eq_ignore_ascii_case("sha256") {
        HashAlg::Sha256
    } else if name.eq_ignore_ascii_case("md5") {
        HashAlg::Md5
    } else {
        return false;
    };
    if expected.len() != alg.hex_len() || !expected.bytes().all(|b| b.is_ascii_hexdigit()) {
        return false;
    }
    let salt = salt.unwrap_or_default();
    spellings(candidate)
        .iter()
        .any(|spelling| hex_digest(alg, spelling, salt).eq_ignore_ascii_case(expected))
}

/// The hash algorithms Open Badges names for identities.
#[derive(Debug, Clone, Copy)]
enum HashAlg {
    Sha256,
    Md5,
}

impl HashAlg {
    /// The length of the digest in hex digits.
    fn hex_len(self) -> usize {
        match self {
            HashAlg::Sha256 => 64,
            HashAlg::Md5 => 32,
        }
    }
}

/// The lowercase hex digest of `identity` followed by `salt`.
fn hex_digest(alg: HashAlg, identity: &str, salt: &str) -> String {
    match alg {
        HashAlg::Sha256 => to_hex(
            &Sha256::new()
                .chain_update(identity)
                .chain_update(salt)
                .finalize(),
        ),
        HashAlg::Md5 => to_hex(
            &Md5::new()
                .chain_update(identity)
                .chain_update(salt)
                .finalize(),
        ),
    }
}

/// Lowercase hex of `bytes`.
fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The spellings of a typed identity worth hashing, most literal first,
/// without repeats.
fn spellings(typed: &str) -> Vec<String> {
    let mut out = vec![typed.to_owned()];
    let mut add = |s: String| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    if is_email(typed)
        && let Some((local, domain)) = typed.rsplit_once('@')
    {
        add(format!("{local}@{}", domain.to_lowercase()));
    }
    add(typed.to_lowercase());
    out
}

/// A loose test for an e-mail address: text on both sides of an `@`, and not
/// a URL (whose path may hold an `@`).
fn is_email(text: &str) -> bool {
    !text.contains("://")
        && text
            .rsplit_once('@')
            .is_some_and(|(local, domain)| !local.is_empty() && !domain.is_empty())
}
