//! `did:key` for Ed25519, and resolving a proof's verification method to a key.
//!
//! `did:key:z6Mk…` is self-certifying: the key is in the identifier, so it
//! resolves offline. The 1EdTech convention `https://issuer.example/#z6Mk…`
//! (a fragment that is itself the key) is understood the same way, with the
//! part before `#` as the controller. `did:web` and other `https://` methods
//! need the network and go through the caller's [`Fetcher`](crate::Fetcher).

use ed25519_dalek::VerifyingKey;
use serde_json::{Value, json};

use crate::multibase;

/// The multicodec prefix of an Ed25519 public key (0xed, varint-encoded).
const ED25519_PUB: [u8; 2] = [0xed, 0x01];

/// `z6Mk…`: the multibase form of an Ed25519 public key.
pub fn public_key_multibase(key: &VerifyingKey) -> String {
    let mut bytes = Vec::with_capacity(34);
    bytes.extend_from_slice(&ED25519_PUB);
    bytes.extend_from_slice(key.as_bytes());
    multibase::encode_base58btc(&bytes)
}

/// `did:key:z6Mk…` for an Ed25519 public key.
pub fn did_key(key: &VerifyingKey) -> String {
    format!("did:key:{}", public_key_multibase(key))
}

/// `did:key:z6Mk…#z6Mk…`: the verification method of a did:key.
pub fn did_key_verification_method(key: &VerifyingKey) -> String {
    let mb = public_key_multibase(key);
    format!("did:key:{mb}#{mb}")
}

/// Reads an Ed25519 public key from its multibase form (`z6Mk…`).
pub fn parse_public_key_multibase(text: &str) -> Result<VerifyingKey, DidError> {
    let bytes =
        multibase::decode_base58btc(text).map_err(|_| DidError::NotAKey(text.to_owned()))?;
    let raw = bytes
        .strip_prefix(&ED25519_PUB)
        .ok_or_else(|| DidError::NotEd25519(text.to_owned()))?;
    let raw: [u8; 32] = raw
        .try_into()
        .map_err(|_| DidError::NotAKey(text.to_owned()))?;
    VerifyingKey::from_bytes(&raw).map_err(|_| DidError::NotAKey(text.to_owned()))
}

/// Parses `did:key:z6Mk…` (with or without a `#fragment`) to its key.
pub fn parse_did_key(did: &str) -> Result<VerifyingKey, DidError> {
    let rest = did
        .strip_prefix("did:key:")
        .ok_or_else(|| DidError::NotDidKey(did.to_owned()))?;
    let (id, fragment) = match rest.split_once('#') {
        Some((id, fragment)) => (id, Some(fragment)),
        None => (rest, None),
    };
    if let Some(fragment) = fragment
        && fragment != id
    {
        return Err(DidError::FragmentMismatch(did.to_owned()));
    }
    parse_public_key_multibase(id)
}

/// The DID document of a did:key, offline: one verification method in the
/// `Multikey` form (current) and, for older verifiers, the same key in the
/// `Ed25519VerificationKey2020` form.
pub fn resolve_did_key(did: &str) -> Result<DidDocument, DidError> {
    let bare = did.split('#').next().unwrap_or(did);
    let key = parse_did_key(bare)?;
    let mb = public_key_multibase(&key);
    let vm_id = format!("{bare}#{mb}");
    let multikey = json!({
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": bare,
        "verificationMethod": [{
            "id": vm_id, "type": "Multikey", "controller": bare, "publicKeyMultibase": mb,
        }],
        "authentication": [vm_id], "assertionMethod": [vm_id],
        "capabilityDelegation": [vm_id], "capabilityInvocation": [vm_id],
    });
    let ed2020 = json!({
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/ed25519-2020/v1"],
        "id": bare,
        "verificationMethod": [{
            "id": vm_id, "type": "Ed25519VerificationKey2020", "controller": bare, "publicKeyMultibase": mb,
        }],
        "authentication": [vm_id], "assertionMethod": [vm_id],
        "capabilityDelegation": [vm_id], "capabilityInvocation": [vm_id],
    });
    Ok(DidDocument {
        multikey,
        ed25519_2020: ed2020,
        key,
    })
}

/// A resolved did:key document in both verification-method forms.
#[derive(Debug, Clone)]
pub struct DidDocument {
    /// The document with a `Multikey` verification method.
    pub multikey: Value,
    /// The same document with an `Ed25519VerificationKey2020` method.
    pub ed25519_2020: Value,
    /// The key itself.
    pub key: VerifyingKey,
}

/// A verification method resolved to a key and the party that controls it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedKey {
    /// The verification method, as the proof names it.
    pub id: String,
    /// Who controls the key (a DID or the issuer URL before `#`).
    pub controller: String,
    /// The key.
    pub key: VerifyingKey,
}

/// How a verification method could (or could not) be resolved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DidError {
    /// Not a `did:key`.
    #[error("{0} is not a did:key")]
    NotDidKey(String),
    /// The multibase value is not a key.
    #[error("{0} is not a valid public key")]
    NotAKey(String),
    /// A key of another type.
    #[error("{0} is not an Ed25519 key")]
    NotEd25519(String),
    /// `did:key:A#B` with A ≠ B.
    #[error("{0} names a key fragment that is not its own key")]
    FragmentMismatch(String),
    /// The method needs the network (did:web, https).
    #[error("the signing key {0} can only be looked up online")]
    NeedsNetwork(String),
    /// The method is of a kind Badgesmith does not resolve.
    #[error("the signing key {0} uses a kind of identifier Badgesmith cannot look up")]
    Unsupported(String),
    /// The online lookup failed or gave no usable key.
    #[error("the signing key {0} could not be looked up ({1})")]
    LookupFailed(String, String),
}

/// Resolves a verification method to its key and controller, offline where
/// possible; `fetcher` is used only for `did:web` and plain `https://` keys.
pub fn resolve_verification_method(
    vm: &str,
    fetcher: Option<&dyn crate::Fetcher>,
) -> Result<ResolvedKey, DidError> {
    if vm.starts_with("did:key:") {
        let key = parse_did_key(vm)?;
        let controller = vm.split('#').next().unwrap_or(vm).to_owned();
        return Ok(ResolvedKey {
            id: vm.to_owned(),
            controller,
            key,
        });
    }
    if vm.starts_with("https://") || vm.starts_with("http://") {
        if let Some((controller, fragment)) = vm.split_once('#')
            && fragment.starts_with("z6Mk")
        {
            let key = parse_public_key_multibase(fragment)?;
            return Ok(ResolvedKey {
                id: vm.to_owned(),
                controller: controller.to_owned(),
                key,
            });
        }
        let fetcher = fetcher.ok_or_else(|| DidError::NeedsNetwork(vm.to_owned()))?;
        let doc_url = vm.split('#').next().unwrap_or(vm);
        return resolve_in_document(vm, doc_url, fetcher);
    }
    if let Some(rest) = vm.strip_prefix("did:web:") {
        let fetcher = fetcher.ok_or_else(|| DidError::NeedsNetwork(vm.to_owned()))?;
        return resolve_in_document(vm, &did_web_url(rest), fetcher);
    }
    Err(DidError::Unsupported(vm.to_owned()))
}

/// Finds `vm` in the JSON document at `url`: its key as an Ed25519 key.
fn resolve_in_document(
    vm: &str,
    url: &str,
    fetcher: &dyn crate::Fetcher,
) -> Result<ResolvedKey, DidError> {
    let (method, controller) = method_in_document(vm, url, fetcher)?;
    if let Some(mb) = method.get("publicKeyMultibase").and_then(Value::as_str) {
        let key = parse_public_key_multibase(mb)?;
        return Ok(ResolvedKey {
            id: vm.to_owned(),
            controller,
            key,
        });
    }
    if let Some(jwk) = method.get("publicKeyJwk")
        && jwk.get("crv").and_then(Value::as_str) == Some("Ed25519")
    {
        use base64::Engine as _;
        let x = jwk.get("x").and_then(Value::as_str).unwrap_or_default();
        let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(x)
            .map_err(|_| DidError::NotAKey(vm.to_owned()))?;
        let raw: [u8; 32] = raw
            .try_into()
            .map_err(|_| DidError::NotAKey(vm.to_owned()))?;
        let key = VerifyingKey::from_bytes(&raw).map_err(|_| DidError::NotAKey(vm.to_owned()))?;
        return Ok(ResolvedKey {
            id: vm.to_owned(),
            controller,
            key,
        });
    }
    Err(DidError::NotEd25519(vm.to_owned()))
}

/// The verification method object `vm` names, looked up online (did:web or
/// an `https://` document), with its controller. For keys of any type, e.g.
/// the RSA or P-256 `publicKeyJwk` of a VC-JWT issuer.
pub fn find_method(vm: &str, fetcher: &dyn crate::Fetcher) -> Result<(Value, String), DidError> {
    if vm.starts_with("https://") || vm.starts_with("http://") {
        let doc_url = vm.split('#').next().unwrap_or(vm);
        return method_in_document(vm, doc_url, fetcher);
    }
    if let Some(rest) = vm.strip_prefix("did:web:") {
        return method_in_document(vm, &did_web_url(rest), fetcher);
    }
    Err(DidError::Unsupported(vm.to_owned()))
}

/// The URL of a did:web document (`did:web:` removed from the DID).
fn did_web_url(rest: &str) -> String {
    let did = rest.split('#').next().unwrap_or(rest);
    let mut parts = did.split(':');
    let host = parts.next().unwrap_or_default().replace("%3A", ":");
    let path: Vec<&str> = parts.collect();
    if path.is_empty() {
        format!("https://{host}/.well-known/did.json")
    } else {
        format!("https://{host}/{}/did.json", path.join("/"))
    }
}

fn method_in_document(
    vm: &str,
    url: &str,
    fetcher: &dyn crate::Fetcher,
) -> Result<(Value, String), DidError> {
    let failed = |why: String| DidError::LookupFailed(vm.to_owned(), why);
    let bytes = fetcher.fetch(url).map_err(failed)?;
    let doc: Value =
        serde_json::from_slice(&bytes).map_err(|e| failed(format!("{url} is not JSON: {e}")))?;
    let doc_id = doc
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or(url)
        .to_owned();
    let absolute = |id: &str| {
        if id.starts_with('#') {
            format!("{doc_id}{id}")
        } else {
            id.to_owned()
        }
    };
    let mut candidates: Vec<&Value> = vec![&doc];
    for field in ["verificationMethod", "assertionMethod", "publicKey"] {
        match doc.get(field) {
            Some(Value::Array(items)) => candidates.extend(items.iter().filter(|v| v.is_object())),
            Some(v @ Value::Object(_)) => candidates.push(v),
            _ => {}
        }
    }
    for method in candidates {
        let Some(id) = method.get("id").and_then(Value::as_str) else {
            continue;
        };
        if absolute(id) != vm {
            continue;
        }
        let controller = method
            .get("controller")
            .and_then(Value::as_str)
            .unwrap_or(&doc_id)
            .to_owned();
        return Ok((method.clone(), controller));
    }
    Err(failed(format!("{url} does not list this key")))
}
