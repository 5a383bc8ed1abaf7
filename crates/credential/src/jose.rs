//! Compact JWS: the signed form of OB 3.0 VC-JWTs and OB 2.0 signed assertions.
//!
//! [`Jws::parse`] splits and decodes the text, [`verify`] checks its signature
//! against a [`PublicKey`] and [`sign_eddsa`] makes one. Only RS256, ES256 and
//! EdDSA (Ed25519) are accepted; unsigned (`alg: none`) and HMAC tokens are not.
//!
//! See: <https://www.rfc-editor.org/rfc/rfc7515> (JWS),
//! <https://www.rfc-editor.org/rfc/rfc7518> (algorithms and JWK members),
//! <https://www.rfc-editor.org/rfc/rfc8037> (Ed25519 in JOSE).

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD_PAD_INDIFFERENT, URL_SAFE_NO_PAD};
use base64::engine::general_purpose::{URL_SAFE_NO_PAD_INDIFFERENT, URL_SAFE_PAD_INDIFFERENT};
use ed25519_dalek::Signer as _;
use p256::ecdsa::signature::Verifier as _;
use rsa::pkcs1::der::Decode as _;
use rsa::pkcs8::ObjectIdentifier;
use rsa::pkcs8::spki::SubjectPublicKeyInfoRef;
use rsa::traits::PublicKeyParts as _;
use serde_json::{Map, Value};
use sha2::{Digest as _, Sha256};

/// The smallest RSA modulus, in bits, that [`verify`] accepts.
pub const MIN_RSA_BITS: usize = 2048;

/// The largest RSA modulus, in bits, that the key readers accept.
pub const MAX_RSA_BITS: usize = 8192;

/// `rsaEncryption`, the algorithm of RSA keys in a `PUBLIC KEY` PEM.
const OID_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
/// `id-ecPublicKey`, the algorithm of elliptic-curve keys.
const OID_EC: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
/// `prime256v1`, the curve P-256.
const OID_P256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
/// `id-Ed25519`.
const OID_ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");

/// One of the three dot-separated parts of a compact JWS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JwsPart {
    /// The first part: the protected header.
    Header,
    /// The second part: the signed content.
    Payload,
    /// The third part: the signature.
    Signature,
}

impl fmt::Display for JwsPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Header => "header",
            Self::Payload => "payload",
            Self::Signature => "signature",
        })
    }
}

/// Why a JWS could not be read or verified, or a key could not be read.
///
/// `Display` gives one plain sentence fragment without a trailing period.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JoseError {
    /// The text is empty or only whitespace.
    #[error("the JWS text is empty")]
    Empty,
    /// The text is not three parts separated by two dots.
    #[error("a compact JWS has three parts separated by two dots, but this text has {0}")]
    PartCount(usize),
    /// A part is not base64url without padding.
    #[error("the JWS {0} is not base64url text without padding")]
    NotBase64(JwsPart),
    /// The header does not decode to a JSON object.
    #[error("the JWS header is not a JSON object")]
    HeaderNotJson,
    /// The payload does not decode to JSON.
    #[error("the JWS payload is not JSON")]
    PayloadNotJson,
    /// The header has no `alg`, or it is not a string.
    #[error("the JWS header names no signature algorithm")]
    MissingAlgorithm,
    /// The header says `alg: none`: the token is unsigned.
    #[error("the JWS is not signed (its algorithm is \"none\"), which Badgesmith does not accept")]
    AlgorithmNone,
    /// The header names an algorithm other than RS256, ES256 and EdDSA.
    #[error("the JWS header names algorithm \"{0}\", which Badgesmith does not accept")]
    UnsupportedAlgorithm(String),
    /// The header marks extensions as critical; none are understood.
    #[error("the JWS header requires extensions Badgesmith does not understand ({0})")]
    CriticalExtension(String),
    /// The algorithm needs another type of key than the one given.
    #[error("algorithm \"{alg}\" needs {needs}, but the key is {found}")]
    KeyMismatch {
        /// The algorithm the header names.
        alg: String,
        /// The kind of key the algorithm needs.
        needs: KeyKind,
        /// The kind of key that was given.
        found: KeyKind,
    },
    /// The RSA key is too short to be trusted.
    #[error("the RSA key has only {0} bits, and Badgesmith needs at least 2048")]
    RsaKeyTooSmall(usize),
    /// The signature has the wrong length for its algorithm.
    #[error("the {alg} signature is {len} bytes long, but it must be {expected}")]
    SignatureLength {
        /// The algorithm the header names.
        alg: String,
        /// The length found.
        len: usize,
        /// The length the algorithm produces.
        expected: usize,
    },
    /// The signature was not made over this content with this key.
    #[error("the signature does not match the signed content")]
    BadSignature,
    /// The key text or JWK is malformed; the field says what is wrong.
    #[error("the public key cannot be read: {0}")]
    InvalidKey(String),
    /// The key is well formed but of a type Badgesmith does not accept.
    #[error("the key is {0}, which Badgesmith does not accept")]
    UnsupportedKey(String),
}

/// The kind of a [`PublicKey`], as named in error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    /// An RSA key.
    Rsa,
    /// An elliptic-curve key on P-256.
    P256,
    /// An Ed25519 key.
    Ed25519,
}

impl fmt::Display for KeyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Rsa => "an RSA key",
            Self::P256 => "a P-256 key",
            Self::Ed25519 => "an Ed25519 key",
        })
    }
}

/// A compact JWS, decoded but not yet verified.
///
/// `header` and `payload` are a decoded view for the caller; [`verify`] works
/// from the signed text kept inside, so editing them does not change what is
/// verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jws {
    /// The protected header.
    pub header: Map<String, Value>,
    /// The signed content, as bytes (usually JSON).
    pub payload: Vec<u8>,
    /// The first two parts as they appear in the text: what was signed.
    signing_input: String,
    /// The decoded signature.
    signature: Vec<u8>,
}

impl Jws {
    /// Reads a compact JWS: three base64url parts without padding, separated
    /// by dots. Surrounding whitespace (and a byte-order mark) is ignored.
    pub fn parse(text: &str) -> Result<Jws, JoseError> {
        let text = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if text.is_empty() {
            return Err(JoseError::Empty);
        }
        let mut parts = text.split('.');
        let (Some(h), Some(p), Some(s), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(JoseError::PartCount(text.split('.').count()));
        };
        let header = decode_header(h)?;
        let payload = URL_SAFE_NO_PAD
            .decode(p)
            .map_err(|_| JoseError::NotBase64(JwsPart::Payload))?;
        let signature = URL_SAFE_NO_PAD
            .decode(s)
            .map_err(|_| JoseError::NotBase64(JwsPart::Signature))?;
        Ok(Jws {
            header,
            payload,
            signing_input: format!("{h}.{p}"),
            signature,
        })
    }

    /// The `alg` header member, when it is a string.
    pub fn alg(&self) -> Option<&str> {
        self.header.get("alg").and_then(Value::as_str)
    }

    /// The `kid` header member (the id of the signing key), when it is a string.
    pub fn kid(&self) -> Option<&str> {
        self.header.get("kid").and_then(Value::as_str)
    }

    /// The `jwk` header member (the signing key itself), when it is an object.
    ///
    /// A key the token carries proves nothing about who signed it until it is
    /// tied to the issuer by other means.
    pub fn jwk(&self) -> Option<&Value> {
        self.header.get("jwk").filter(|v| v.is_object())
    }

    /// The payload parsed as JSON.
    pub fn payload_json(&self) -> Result<Value, JoseError> {
        serde_json::from_slice(&self.payload).map_err(|_| JoseError::PayloadNotJson)
    }
}

/// Decodes the first part of a compact JWS into a JSON object.
fn decode_header(part: &str) -> Result<Map<String, Value>, JoseError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(part)
        .map_err(|_| JoseError::NotBase64(JwsPart::Header))?;
    match serde_json::from_slice(&bytes) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(JoseError::HeaderNotJson),
    }
}

/// The signature algorithms Badgesmith verifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Alg {
    Rs256,
    Es256,
    EdDsa,
}

impl Alg {
    /// Reads the `alg` member of a signed header.
    fn from_name(name: &str) -> Result<Alg, JoseError> {
        match name {
            "RS256" => Ok(Alg::Rs256),
            "ES256" => Ok(Alg::Es256),
            // "Ed25519" is the fully-specified name of RFC 9864 for the same signature.
            "EdDSA" | "Ed25519" => Ok(Alg::EdDsa),
            n if n.eq_ignore_ascii_case("none") => Err(JoseError::AlgorithmNone),
            n => Err(JoseError::UnsupportedAlgorithm(n.to_owned())),
        }
    }

    /// The kind of key this algorithm signs with.
    fn key_kind(self) -> KeyKind {
        match self {
            Alg::Rs256 => KeyKind::Rsa,
            Alg::Es256 => KeyKind::P256,
            Alg::EdDsa => KeyKind::Ed25519,
        }
    }
}

/// A public key that can verify a JWS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublicKey {
    /// An RSA key, for RS256.
    Rsa(rsa::RsaPublicKey),
    /// A P-256 key, for ES256.
    P256(p256::ecdsa::VerifyingKey),
    /// An Ed25519 key, for EdDSA.
    Ed25519(ed25519_dalek::VerifyingKey),
}

impl PublicKey {
    /// The kind of this key.
    pub fn kind(&self) -> KeyKind {
        match self {
            Self::Rsa(_) => KeyKind::Rsa,
            Self::P256(_) => KeyKind::P256,
            Self::Ed25519(_) => KeyKind::Ed25519,
        }
    }

    /// Reads a public JWK: RSA (`n`, `e`), EC on P-256 (`x`, `y`) or OKP
    /// Ed25519 (`x`).
    pub fn from_jwk(jwk: &Value) -> Result<PublicKey, JoseError> {
        let Some(jwk) = jwk.as_object() else {
            return Err(JoseError::InvalidKey("the JWK is not a JSON object".into()));
        };
        let kty = jwk_str(jwk, "kty")?;
        match kty {
            "RSA" => {
                let n = jwk_bytes(jwk, "n")?;
                let e = jwk_bytes(jwk, "e")?;
                rsa_key(&n, &e)
            }
            "EC" => {
                let crv = jwk_str(jwk, "crv")?;
                if crv != "P-256" {
                    return Err(JoseError::UnsupportedKey(format!(
                        "an elliptic-curve key on curve \"{crv}\""
                    )));
                }
                let x = jwk_coordinate(jwk, "x")?;
                let y = jwk_coordinate(jwk, "y")?;
                let mut sec1 = Vec::with_capacity(65);
                // SEC1 uncompressed point: 0x04, then x, then y.
                sec1.push(0x04);
                sec1.extend_from_slice(&x);
                sec1.extend_from_slice(&y);
                p256_key(&sec1)
            }
            "OKP" => {
                let crv = jwk_str(jwk, "crv")?;
                if crv != "Ed25519" {
                    return Err(JoseError::UnsupportedKey(format!(
                        "an octet key on curve \"{crv}\""
                    )));
                }
                PublicKey::from_ed25519_bytes(&jwk_coordinate(jwk, "x")?)
            }
            other => Err(JoseError::UnsupportedKey(format!(
                "a JWK of type \"{other}\""
            ))),
        }
    }

    /// Reads a PEM public key: `BEGIN PUBLIC KEY` (RSA, P-256 or Ed25519) or
    /// `BEGIN RSA PUBLIC KEY` (PKCS#1).
    pub fn from_pem(pem: &str) -> Result<PublicKey, JoseError> {
        let (label, der) = decode_pem(pem)?;
        match label {
            "PUBLIC KEY" => from_spki(&der),
            "RSA PUBLIC KEY" => rsa_from_pkcs1(&der),
            l if l.contains("PRIVATE KEY") => Err(JoseError::InvalidKey(
                "the PEM text holds a private key, not a public key".into(),
            )),
            l => Err(JoseError::UnsupportedKey(format!("a PEM \"{l}\" block"))),
        }
    }

    /// Makes an Ed25519 key from its 32 bytes.
    pub fn from_ed25519_bytes(bytes: &[u8]) -> Result<PublicKey, JoseError> {
        let Ok(bytes) = <[u8; 32]>::try_from(bytes) else {
            return Err(JoseError::InvalidKey(format!(
                "an Ed25519 key is 32 bytes long, not {}",
                bytes.len()
            )));
        };
        ed25519_dalek::VerifyingKey::from_bytes(&bytes)
            .map(PublicKey::Ed25519)
            .map_err(|_| JoseError::InvalidKey("the bytes are not an Ed25519 point".into()))
    }
}

/// A string member of a JWK.
fn jwk_str<'a>(jwk: &'a Map<String, Value>, name: &str) -> Result<&'a str, JoseError> {
    jwk.get(name)
        .and_then(Value::as_str)
        .ok_or_else(|| JoseError::InvalidKey(format!("the JWK has no \"{name}\"")))
}

/// A base64url member of a JWK, decoded. Padding is tolerated.
fn jwk_bytes(jwk: &Map<String, Value>, name: &str) -> Result<Vec<u8>, JoseError> {
    let text = jwk_str(jwk, name)?;
    let decoded = if text.ends_with('=') {
        URL_SAFE_PAD_INDIFFERENT.decode(text)
    } else {
        URL_SAFE_NO_PAD_INDIFFERENT.decode(text)
    };
    decoded.map_err(|_| JoseError::InvalidKey(format!("the JWK's \"{name}\" is not base64url")))
}

/// A 32-byte coordinate of a JWK (`x` or `y`).
fn jwk_coordinate(jwk: &Map<String, Value>, name: &str) -> Result<[u8; 32], JoseError> {
    let bytes = jwk_bytes(jwk, name)?;
    <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| {
        JoseError::InvalidKey(format!(
            "the JWK's \"{name}\" is {} bytes long, not 32",
            bytes.len()
        ))
    })
}

/// An RSA key from its big-endian modulus and exponent.
fn rsa_key(n: &[u8], e: &[u8]) -> Result<PublicKey, JoseError> {
    let n = rsa::BigUint::from_bytes_be(n);
    let e = rsa::BigUint::from_bytes_be(e);
    let bits = n.bits();
    if bits > MAX_RSA_BITS {
        return Err(JoseError::UnsupportedKey(format!(
            "an RSA key of {bits} bits (the most is {MAX_RSA_BITS})"
        )));
    }
    rsa::RsaPublicKey::new_with_max_size(n, e, MAX_RSA_BITS)
        .map(PublicKey::Rsa)
        .map_err(|_| JoseError::InvalidKey("the RSA exponent is out of range".into()))
}

/// An RSA key from a DER `RSAPublicKey` (PKCS#1).
fn rsa_from_pkcs1(der: &[u8]) -> Result<PublicKey, JoseError> {
    let key = rsa::pkcs1::RsaPublicKey::from_der(der)
        .map_err(|_| JoseError::InvalidKey("the RSA key is not well-formed DER".into()))?;
    rsa_key(key.modulus.as_bytes(), key.public_exponent.as_bytes())
}

/// A P-256 key from SEC1 point bytes.
fn p256_key(sec1: &[u8]) -> Result<PublicKey, JoseError> {
    p256::ecdsa::VerifyingKey::from_sec1_bytes(sec1)
        .map(PublicKey::P256)
        .map_err(|_| JoseError::InvalidKey("the point is not on the P-256 curve".into()))
}

/// A key from a DER `SubjectPublicKeyInfo`.
fn from_spki(der: &[u8]) -> Result<PublicKey, JoseError> {
    let spki = SubjectPublicKeyInfoRef::from_der(der)
        .map_err(|_| JoseError::InvalidKey("the PEM body is not a public key structure".into()))?;
    let Some(key) = spki.subject_public_key.as_bytes() else {
        return Err(JoseError::InvalidKey(
            "the public key bits are not whole bytes".into(),
        ));
    };
    let oid = spki.algorithm.oid;
    if oid == OID_RSA {
        rsa_from_pkcs1(key)
    } else if oid == OID_EC {
        match spki.algorithm.parameters_oid() {
            Ok(curve) if curve == OID_P256 => p256_key(key),
            Ok(curve) => Err(JoseError::UnsupportedKey(format!(
                "an elliptic-curve key on the curve with object id {curve}"
            ))),
            Err(_) => Err(JoseError::InvalidKey(
                "the elliptic-curve key does not name its curve".into(),
            )),
        }
    } else if oid == OID_ED25519 {
        PublicKey::from_ed25519_bytes(key)
    } else {
        Err(JoseError::UnsupportedKey(format!(
            "a key of the algorithm with object id {oid}"
        )))
    }
}

/// Finds the first PEM block and returns its label and decoded body.
///
/// Lenient about layout: line ends, line length and indentation do not matter.
fn decode_pem(text: &str) -> Result<(&str, Vec<u8>), JoseError> {
    const BEGIN: &str = "-----BEGIN ";
    const DASHES: &str = "-----";
    let not_pem = || JoseError::InvalidKey("the text is not a PEM block".into());
    let after_begin = text
        .find(BEGIN)
        .and_then(|at| text.get(at + BEGIN.len()..))
        .ok_or_else(not_pem)?;
    let label_end = after_begin.find(DASHES).ok_or_else(not_pem)?;
    let label = after_begin.get(..label_end).ok_or_else(not_pem)?;
    let rest = after_begin
        .get(label_end + DASHES.len()..)
        .ok_or_else(not_pem)?;
    let end_marker = format!("-----END {label}-----");
    let body_end = rest.find(&end_marker).ok_or_else(|| {
        JoseError::InvalidKey(format!("the PEM block has no \"{end_marker}\" line"))
    })?;
    let body: String = rest
        .get(..body_end)
        .ok_or_else(not_pem)?
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let der = STANDARD_PAD_INDIFFERENT
        .decode(body)
        .map_err(|_| JoseError::InvalidKey("the PEM body is not base64".into()))?;
    Ok((label, der))
}

/// Checks the signature of `jws` with `key`.
///
/// The algorithm is read from the signed header and must be RS256, ES256 or
/// EdDSA (also accepted under its newer name `Ed25519`), matching the key's type; RSA keys must have at least
/// [`MIN_RSA_BITS`] bits. A header with `crit` extensions is refused.
pub fn verify(jws: &Jws, key: &PublicKey) -> Result<(), JoseError> {
    // The header as signed, not `jws.header`, which the caller may have edited.
    let (header_part, _) = jws
        .signing_input
        .split_once('.')
        .ok_or(JoseError::HeaderNotJson)?;
    let signed_header = decode_header(header_part)?;
    let Some(alg_name) = signed_header.get("alg").and_then(Value::as_str) else {
        return Err(JoseError::MissingAlgorithm);
    };
    let alg = Alg::from_name(alg_name)?;
    if let Some(crit) = signed_header.get("crit") {
        let names = match crit {
            Value::Array(names) => names
                .iter()
                .map(|n| {
                    n.as_str()
                        .map_or_else(|| n.to_string(), |n| format!("\"{n}\""))
                })
                .collect::<Vec<_>>()
                .join(", "),
            other => other.to_string(),
        };
        return Err(JoseError::CriticalExtension(names));
    }
    let message = jws.signing_input.as_bytes();
    let signature = jws.signature.as_slice();
    match (alg, key) {
        (Alg::Rs256, PublicKey::Rsa(key)) => {
            let bits = key.n().bits();
            if bits < MIN_RSA_BITS {
                return Err(JoseError::RsaKeyTooSmall(bits));
            }
            if signature.len() != key.size() {
                return Err(JoseError::SignatureLength {
                    alg: alg_name.to_owned(),
                    len: signature.len(),
                    expected: key.size(),
                });
            }
            let digest = Sha256::digest(message);
            key.verify(rsa::Pkcs1v15Sign::new::<Sha256>(), &digest, signature)
                .map_err(|_| JoseError::BadSignature)
        }
        (Alg::Es256, PublicKey::P256(key)) => {
            if signature.len() != 64 {
                return Err(JoseError::SignatureLength {
                    alg: alg_name.to_owned(),
                    len: signature.len(),
                    expected: 64,
                });
            }
            // A zero r or s cannot come from a signer: it simply does not match.
            let signature = p256::ecdsa::Signature::from_slice(signature)
                .map_err(|_| JoseError::BadSignature)?;
            key.verify(message, &signature)
                .map_err(|_| JoseError::BadSignature)
        }
        (Alg::EdDsa, PublicKey::Ed25519(key)) => {
            let Ok(bytes) = <[u8; 64]>::try_from(signature) else {
                return Err(JoseError::SignatureLength {
                    alg: alg_name.to_owned(),
                    len: signature.len(),
                    expected: 64,
                });
            };
            let signature = ed25519_dalek::Signature::from_bytes(&bytes);
            key.verify_strict(message, &signature)
                .map_err(|_| JoseError::BadSignature)
        }
        (alg, key) => Err(JoseError::KeyMismatch {
            alg: alg_name.to_owned(),
            needs: alg.key_kind(),
            found: key.kind(),
        }),
    }
}

/// Signs `payload` with an Ed25519 key and returns the compact JWS.
///
/// The header gets `"alg": "EdDSA"` first (replacing any `alg` it had); the
/// caller's other members, such as `kid` and `typ`, follow in their order.
pub fn sign_eddsa(
    header: Map<String, Value>,
    payload: &[u8],
    key: &ed25519_dalek::SigningKey,
) -> String {
    let mut signed_header = Map::new();
    signed_header.insert("alg".into(), Value::String("EdDSA".into()));
    for (name, value) in header {
        if name != "alg" {
            signed_header.insert(name, value);
        }
    }
    let header_text = Value::Object(signed_header).to_string();
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header_text.as_bytes()),
        URL_SAFE_NO_PAD.encode(payload)
    );
    let signature = key.sign(signing_input.as_bytes());
    format!(
        "{signing_input}.{}",
        URL_SAFE_NO_PAD.encode(signature.to_bytes())
    )
}
