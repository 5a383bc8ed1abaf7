//! The issuer's Ed25519 key: made from the operating system's randomness or
//! imported from a seed, and only ever stored sealed under a passphrase.
//!
//! Sealing derives a 256-bit key from the passphrase with Argon2id (RFC 9106)
//! and a random 16-byte salt, then encrypts the 32-byte seed with
//! XChaCha20-Poly1305 under a random 24-byte nonce. The issuer's DID is the
//! associated data, so a sealed key cannot be passed off as another issuer's.
//! The KDF's parameters travel with the sealed key, bounded when read so that
//! a hostile file cannot ask for gigabytes of memory.

use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use chacha20poly1305::aead::{Aead as _, KeyInit as _, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use ed25519_dalek::SigningKey;
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize as _, Zeroizing};

use badgesmith_credential::{did, multibase};

/// The shortest passphrase accepted for a new key.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Argon2id memory cost for new keys, in KiB (64 MiB, RFC 9106's second
/// recommended option).
pub const KDF_MEMORY_KIB: u32 = 64 * 1024;
/// Argon2id passes for new keys.
pub const KDF_ITERATIONS: u32 = 3;
/// Argon2id lanes for new keys.
pub const KDF_PARALLELISM: u32 = 1;

/// Limits on the KDF parameters a sealed key may ask for.
const MAX_MEMORY_KIB: u32 = 1024 * 1024;
const MAX_ITERATIONS: u32 = 64;
const MAX_PARALLELISM: u32 = 16;
const MIN_MEMORY_KIB: u32 = 8 * 1024;

const FORMAT: &str = "badgesmith-sealed-key";
const VERSION: u32 = 1;

/// What can go wrong with a key.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyError {
    /// The passphrase does not open the sealed key.
    #[error("the passphrase is wrong")]
    WrongPassphrase,
    /// A new passphrase is too weak.
    #[error("the passphrase must be at least {MIN_PASSPHRASE_CHARS} characters long")]
    WeakPassphrase,
    /// A seed to import is not 32 bytes in a known encoding.
    #[error("{0}")]
    BadSeed(String),
    /// A sealed key is malformed or asks for something unsupported.
    #[error("{0}")]
    BadSealedKey(String),
    /// The operating system gave no randomness.
    #[error("the operating system's random number generator failed ({0})")]
    Random(String),
}

/// An unlocked issuer key. Its seed is wiped from memory when dropped, and
/// `Debug` shows only the DID.
pub struct IssuerKey {
    signing: SigningKey,
    did: String,
}

impl std::fmt::Debug for IssuerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IssuerKey").field("did", &self.did).finish()
    }
}

impl Clone for IssuerKey {
    fn clone(&self) -> Self {
        IssuerKey::from_seed(&self.signing.to_bytes())
    }
}

fn random<const N: usize>() -> Result<[u8; N], KeyError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| KeyError::Random(e.to_string()))?;
    Ok(bytes)
}

impl IssuerKey {
    /// A fresh key from the operating system's randomness.
    pub fn generate() -> Result<IssuerKey, KeyError> {
        let seed = Zeroizing::new(random::<32>()?);
        Ok(IssuerKey::from_seed(&seed))
    }

    /// The key with this 32-byte seed.
    pub fn from_seed(seed: &[u8; 32]) -> IssuerKey {
        let signing = SigningKey::from_bytes(seed);
        let did = did::did_key(&signing.verifying_key());
        IssuerKey { signing, did }
    }

    /// Reads a seed moved from another tool: 64 hex digits, or multibase
    /// base58btc (`z…`) of the 32 bytes, with or without the `ed25519-priv`
    /// multicodec prefix (`0x80 0x26`, as in a `Multikey`'s
    /// `secretKeyMultibase`). A 64-byte "secret key" (seed then public key,
    /// as libsodium and many JS tools write it) is accepted when its second
    /// half is the seed's public key.
    pub fn from_seed_text(text: &str) -> Result<IssuerKey, KeyError> {
        let text = text.trim();
        let bytes: Zeroizing<Vec<u8>> = if text.starts_with('z') {
            Zeroizing::new(multibase::decode_base58btc(text).map_err(|_| {
                KeyError::BadSeed("the seed starts with z but is not base58btc".into())
            })?)
        } else if text.len().is_multiple_of(2) && text.bytes().all(|b| b.is_ascii_hexdigit()) {
            Zeroizing::new(
                (0..text.len())
                    .step_by(2)
                    .filter_map(|i| text.get(i..i + 2))
                    .filter_map(|pair| u8::from_str_radix(pair, 16).ok())
                    .collect(),
            )
        } else {
            return Err(KeyError::BadSeed(
                "the seed is neither hex nor multibase (z…); give the 32-byte Ed25519 seed".into(),
            ));
        };
        let body: &[u8] = match bytes.as_slice() {
            [0x80, 0x26, rest @ ..] => rest,
            other => other,
        };
        let seed: [u8; 32] = match body.len() {
            32 => body.try_into().unwrap_or([0; 32]),
            64 => {
                let (seed, public) = body.split_at(32);
                let seed: [u8; 32] = seed.try_into().unwrap_or([0; 32]);
                let key = IssuerKey::from_seed(&seed);
                if key.signing.verifying_key().as_bytes() != public {
                    return Err(KeyError::BadSeed(
                        "the 64-byte key's second half is not the public key of its first".into(),
                    ));
                }
                return Ok(key);
            }
            n => {
                return Err(KeyError::BadSeed(format!(
                    "the seed is {n} bytes; an Ed25519 seed is 32"
                )));
            }
        };
        let key = IssuerKey::from_seed(&seed);
        let mut seed = seed;
        seed.zeroize();
        Ok(key)
    }

    /// The issuer's `did:key`.
    pub fn did(&self) -> &str {
        &self.did
    }

    /// The verification method that proofs name: `did:key:z…#z…`.
    pub fn verification_method(&self) -> String {
        did::did_key_verification_method(&self.signing.verifying_key())
    }

    /// The signing key, for the credential code.
    pub fn signing_key(&self) -> &SigningKey {
        &self.signing
    }

    /// Seals the key under `passphrase` with fresh salt and nonce.
    pub fn seal(&self, passphrase: &str) -> Result<SealedKey, KeyError> {
        check_new_passphrase(passphrase)?;
        let salt = random::<16>()?;
        let nonce = random::<24>()?;
        let kdf = Kdf {
            algorithm: "argon2id".into(),
            version: 0x13,
            memory_kib: KDF_MEMORY_KIB,
            iterations: KDF_ITERATIONS,
            parallelism: KDF_PARALLELISM,
            salt: STANDARD.encode(salt),
        };
        let key = derive(&kdf, passphrase)?;
        let cipher = XChaCha20Poly1305::new(key.as_slice().into());
        let seed = Zeroizing::new(self.signing.to_bytes());
        let ciphertext = cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: seed.as_slice(),
                    aad: self.did.as_bytes(),
                },
            )
            .map_err(|_| KeyError::BadSealedKey("the key could not be encrypted".into()))?;
        Ok(SealedKey {
            format: FORMAT.into(),
            version: VERSION,
            did: self.did.clone(),
            kdf,
            cipher: "xchacha20poly1305".into(),
            nonce: STANDARD.encode(nonce),
            ciphertext: STANDARD.encode(ciphertext),
        })
    }
}

/// Refuses a passphrase too short to protect a key.
pub fn check_new_passphrase(passphrase: &str) -> Result<(), KeyError> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(KeyError::WeakPassphrase);
    }
    Ok(())
}

/// The key-derivation parameters stored with a sealed key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Kdf {
    /// Always `argon2id`.
    pub algorithm: String,
    /// Argon2 version (0x13 = 19).
    pub version: u32,
    /// Memory cost in KiB.
    pub memory_kib: u32,
    /// Passes.
    pub iterations: u32,
    /// Lanes.
    pub parallelism: u32,
    /// The salt, base64.
    pub salt: String,
}

/// An issuer key sealed under a passphrase: safe to store and to back up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SealedKey {
    /// Always `badgesmith-sealed-key`.
    pub format: String,
    /// The format's version (1).
    pub version: u32,
    /// The DID of the key inside, which is also the associated data.
    pub did: String,
    /// How the encryption key is derived from the passphrase.
    pub kdf: Kdf,
    /// Always `xchacha20poly1305`.
    pub cipher: String,
    /// The 24-byte nonce, base64.
    pub nonce: String,
    /// The encrypted seed with its 16-byte tag, base64.
    pub ciphertext: String,
}

fn derive(kdf: &Kdf, passphrase: &str) -> Result<Zeroizing<[u8; 32]>, KeyError> {
    let bad = |m: &str| KeyError::BadSealedKey(m.to_owned());
    if kdf.algorithm != "argon2id" || kdf.version != 0x13 {
        return Err(bad(
            "the sealed key uses a key derivation Badgesmith does not know",
        ));
    }
    if !(MIN_MEMORY_KIB..=MAX_MEMORY_KIB).contains(&kdf.memory_kib)
        || !(1..=MAX_ITERATIONS).contains(&kdf.iterations)
        || !(1..=MAX_PARALLELISM).contains(&kdf.parallelism)
    {
        return Err(bad(
            "the sealed key's key-derivation settings are out of range",
        ));
    }
    let salt = STANDARD
        .decode(&kdf.salt)
        .map_err(|_| bad("the sealed key's salt is not base64"))?;
    if !(16..=64).contains(&salt.len()) {
        return Err(bad("the sealed key's salt has the wrong length"));
    }
    let params = Params::new(kdf.memory_kib, kdf.iterations, kdf.parallelism, Some(32))
        .map_err(|_| bad("the sealed key's key-derivation settings are out of range"))?;
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
    let mut out = Zeroizing::new([0u8; 32]);
    argon
        .hash_password_into(passphrase.as_bytes(), &salt, out.as_mut_slice())
        .map_err(|_| bad("the key could not be derived from the passphrase"))?;
    Ok(out)
}

impl SealedKey {
    /// Reads a sealed key from its JSON.
    pub fn from_json(text: &str) -> Result<SealedKey, KeyError> {
        let sealed: SealedKey = serde_json::from_str(text)
            .map_err(|e| KeyError::BadSealedKey(format!("the sealed key is malformed ({e})")))?;
        if sealed.format != FORMAT {
            return Err(KeyError::BadSealedKey(
                "this is not a Badgesmith sealed key".into(),
            ));
        }
        if sealed.version != VERSION {
            return Err(KeyError::BadSealedKey(format!(
                "the sealed key is version {}, which this Badgesmith cannot read",
                sealed.version
            )));
        }
        if sealed.cipher != "xchacha20poly1305" {
            return Err(KeyError::BadSealedKey(
                "the sealed key uses a cipher Badgesmith does not know".into(),
            ));
        }
        Ok(sealed)
    }

    /// The sealed key as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Opens the sealed key with `passphrase`.
    pub fn open(&self, passphrase: &str) -> Result<IssuerKey, KeyError> {
        let bad = |m: &str| KeyError::BadSealedKey(m.to_owned());
        let nonce = STANDARD
            .decode(&self.nonce)
            .map_err(|_| bad("the sealed key's nonce is not base64"))?;
        if nonce.len() != 24 {
            return Err(bad("the sealed key's nonce has the wrong length"));
        }
        let ciphertext = STANDARD
            .decode(&self.ciphertext)
            .map_err(|_| bad("the sealed key's ciphertext is not base64"))?;
        if ciphertext.len() != 48 {
            return Err(bad("the sealed key's ciphertext has the wrong length"));
        }
        let key = derive(&self.kdf, passphrase)?;
        let cipher = XChaCha20Poly1305::new(key.as_slice().into());
        let seed = Zeroizing::new(
            cipher
                .decrypt(
                    XNonce::from_slice(&nonce),
                    Payload {
                        msg: &ciphertext,
                        aad: self.did.as_bytes(),
                    },
                )
                .map_err(|_| KeyError::WrongPassphrase)?,
        );
        let seed: Zeroizing<[u8; 32]> = Zeroizing::new(
            seed.as_slice()
                .try_into()
                .map_err(|_| bad("the sealed key holds a seed of the wrong length"))?,
        );
        let key = IssuerKey::from_seed(&seed);
        if key.did != self.did {
            return Err(bad("the sealed key does not hold the key of its DID"));
        }
        Ok(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_then_open() {
        let key = IssuerKey::generate().unwrap();
        let sealed = key.seal("correct horse battery").unwrap();
        assert!(sealed.did.starts_with("did:key:z6Mk"));
        let text = sealed.to_json();
        assert!(!text.contains(&hex(&key.signing.to_bytes())));
        let back = SealedKey::from_json(&text).unwrap();
        let opened = back.open("correct horse battery").unwrap();
        assert_eq!(opened.did(), key.did());
        assert_eq!(
            back.open("correct horse batterY").unwrap_err(),
            KeyError::WrongPassphrase
        );
    }

    #[test]
    fn another_did_does_not_open() {
        let key = IssuerKey::generate().unwrap();
        let other = IssuerKey::generate().unwrap();
        let mut sealed = key.seal("passphrase one").unwrap();
        sealed.did = other.did().to_owned();
        assert_eq!(
            sealed.open("passphrase one").unwrap_err(),
            KeyError::WrongPassphrase
        );
    }

    #[test]
    fn hostile_kdf_settings_are_refused_before_deriving() {
        let key = IssuerKey::generate().unwrap();
        let mut sealed = key.seal("passphrase one").unwrap();
        sealed.kdf.memory_kib = u32::MAX;
        assert!(matches!(
            sealed.open("passphrase one"),
            Err(KeyError::BadSealedKey(_))
        ));
    }

    #[test]
    fn short_passphrases_are_refused() {
        let key = IssuerKey::generate().unwrap();
        assert_eq!(key.seal("short").unwrap_err(), KeyError::WeakPassphrase);
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn seeds_in_hex_and_multibase() {
        let seed = [7u8; 32];
        let key = IssuerKey::from_seed(&seed);
        let from_hex = IssuerKey::from_seed_text(&hex(&seed)).unwrap();
        assert_eq!(from_hex.did(), key.did());
        let mb = multibase::encode_base58btc(&seed);
        assert_eq!(IssuerKey::from_seed_text(&mb).unwrap().did(), key.did());
        let mut prefixed = vec![0x80, 0x26];
        prefixed.extend_from_slice(&seed);
        let mb = multibase::encode_base58btc(&prefixed);
        assert_eq!(IssuerKey::from_seed_text(&mb).unwrap().did(), key.did());
        let mut full = seed.to_vec();
        full.extend_from_slice(key.signing.verifying_key().as_bytes());
        assert_eq!(
            IssuerKey::from_seed_text(&hex(&full)).unwrap().did(),
            key.did()
        );
        full[40] ^= 1;
        assert!(IssuerKey::from_seed_text(&hex(&full)).is_err());
        assert!(IssuerKey::from_seed_text("abcd").is_err());
        assert!(IssuerKey::from_seed_text("not a seed").is_err());
    }

    #[test]
    fn debug_never_shows_the_seed() {
        let key = IssuerKey::from_seed(&[9u8; 32]);
        let shown = format!("{key:?}");
        assert!(!shown.contains("09"), "{shown}");
        assert!(shown.contains("did:key:"));
    }
}
