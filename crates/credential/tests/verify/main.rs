//! The verification pipeline on credentials made in the test: VC-JWTs with
//! each way of naming the key, and the issuer-key check.

use std::collections::HashMap;

use badgesmith_credential::{
    CheckId, CheckStatus, Fetcher, Report, VerifyOptions, did, vcjwt, verify_text,
};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use ed25519_dalek::SigningKey;
use p256::ecdsa::signature::Signer as _;
use serde_json::{Value, json};

struct MapFetcher(HashMap<String, Vec<u8>>);

impl Fetcher for MapFetcher {
    fn fetch(&self, url: &str) -> Result<Vec<u8>, String> {
        self.0
            .get(url)
            .cloned()
            .ok_or_else(|| format!("{url} is not there"))
    }
}

fn at() -> time::OffsetDateTime {
    time::macros::datetime!(2026-06-01 0:00 UTC)
}

fn verify(text: &str, fetcher: Option<&dyn Fetcher>) -> Report {
    verify_text(
        text,
        &VerifyOptions {
            at: at(),
            fetcher,
            recipient: None,
            local_status: None,
        },
    )
}

fn status(report: &Report, id: CheckId) -> CheckStatus {
    report
        .check(id)
        .unwrap_or_else(|| panic!("no {id:?} in {report:?}"))
        .status
}

fn credential(issuer: &str) -> Value {
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": "urn:uuid:2f1d7c6e-4b9a-4a57-9d55-1f3c1a0e8b10",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Harbour Clean-up Volunteer",
        "issuer": {"id": issuer, "type": ["Profile"], "name": "Harbour Volunteers"},
        "validFrom": "2026-04-01T09:00:00Z",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "id": "did:example:volunteer-7",
            "achievement": {
                "id": "urn:uuid:7a6c0b4c-9a3e-4f0e-8a51-6f2e8a1f1d22",
                "type": ["Achievement"],
                "name": "Harbour Clean-up Volunteer",
                "description": "Took part in a harbour clean-up day.",
                "criteria": {"narrative": "Join a clean-up day for at least four hours."}
            }
        }
    })
}

fn jws(header: &Value, payload: &Value, sign: impl Fn(&[u8]) -> Vec<u8>) -> String {
    let input = format!(
        "{}.{}",
        B64.encode(serde_json::to_vec(header).unwrap()),
        B64.encode(serde_json::to_vec(payload).unwrap())
    );
    format!("{input}.{}", B64.encode(sign(input.as_bytes())))
}

#[test]
fn an_eddsa_vc_jwt_from_a_did_key_issuer_verifies_offline() {
    let key = SigningKey::from_bytes(&[7; 32]);
    let issuer = did::did_key(&key.verifying_key());
    let kid = did::did_key_verification_method(&key.verifying_key());
    let token = vcjwt::sign(&credential(&issuer), &key, &kid, None).unwrap();
    let report = verify(&token, None);
    assert!(report.valid, "{report:?}");
    assert_eq!(status(&report, CheckId::Proof), CheckStatus::Pass);
    assert_eq!(status(&report, CheckId::IssuerKey), CheckStatus::Pass);
}

#[test]
fn a_vc_jwt_signed_by_someone_else_fails_the_issuer_key_check() {
    let key = SigningKey::from_bytes(&[7; 32]);
    let kid = did::did_key_verification_method(&key.verifying_key());
    let token = vcjwt::sign(&credential("https://example.org/issuer"), &key, &kid, None).unwrap();
    let report = verify(&token, None);
    assert!(!report.valid);
    assert_eq!(status(&report, CheckId::Proof), CheckStatus::Pass);
    let check = report.check(CheckId::IssuerKey).unwrap();
    assert_eq!(check.status, CheckStatus::Fail);
    assert!(
        check
            .message
            .contains("but the badge names https://example.org/issuer as its issuer"),
        "{}",
        check.message
    );
}

#[test]
fn a_vcdm_1_1_vc_claim_with_a_different_iss_fails() {
    let key = SigningKey::from_bytes(&[9; 32]);
    let issuer = did::did_key(&key.verifying_key());
    let kid = did::did_key_verification_method(&key.verifying_key());
    let mut vc = credential(&issuer);
    vc["@context"] = json!([
        "https://www.w3.org/2018/credentials/v1",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
    ]);
    let from = vc.as_object_mut().unwrap().remove("validFrom").unwrap();
    vc["issuanceDate"] = from;
    let header = json!({"alg": "EdDSA", "kid": kid});
    let payload = json!({"iss": "did:example:impostor", "vc": vc});
    let token = jws(&header, &payload, |m| {
        ed25519_dalek::Signer::sign(&key, m).to_bytes().to_vec()
    });
    let report = verify(&token, None);
    assert_eq!(
        status(&report, CheckId::Proof),
        CheckStatus::Pass,
        "{report:?}"
    );
    assert_eq!(status(&report, CheckId::IssuerKey), CheckStatus::Fail);
}

#[test]
fn an_es256_vc_jwt_with_a_did_jwk_key_verifies_offline() {
    let key = p256::ecdsa::SigningKey::from_slice(&[0x11; 32]).unwrap();
    let point = key.verifying_key().to_encoded_point(false);
    let jwk = json!({"kty": "EC", "crv": "P-256",
        "x": B64.encode(point.x().unwrap()), "y": B64.encode(point.y().unwrap())});
    let did = format!("did:jwk:{}", B64.encode(serde_json::to_vec(&jwk).unwrap()));
    let header = json!({"alg": "ES256", "typ": "vc+jwt", "kid": format!("{did}#0")});
    let token = jws(&header, &credential(&did), |m| {
        let sig: p256::ecdsa::Signature = key.sign(m);
        sig.to_bytes().to_vec()
    });
    let report = verify(&token, None);
    assert!(report.valid, "{report:?}");
    assert_eq!(status(&report, CheckId::IssuerKey), CheckStatus::Pass);
    // One changed character of the payload breaks it.
    let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
    let payload = String::from_utf8(B64.decode(&parts[1]).unwrap())
        .unwrap()
        .replace("Harbour Clean-up", "Harbour Clean-uq");
    parts[1] = B64.encode(payload);
    let report = verify(&parts.join("."), None);
    assert_eq!(status(&report, CheckId::Proof), CheckStatus::Fail);
}

#[test]
fn a_did_web_rsa_key_is_looked_up_online_and_skipped_offline() {
    use rand_core::SeedableRng as _;
    use rsa::pkcs1v15::SigningKey as RsaSigningKey;
    use rsa::signature::{SignatureEncoding as _, Signer as _};
    use rsa::traits::PublicKeyParts as _;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(5);
    let private = rsa::RsaPrivateKey::new(&mut rng, 2048).unwrap();
    let public = private.to_public_key();
    let signer = RsaSigningKey::<sha2::Sha256>::new(private);
    let did = "did:web:issuer.example:badges";
    let kid = format!("{did}#key-1");
    let header = json!({"alg": "RS256", "kid": kid});
    let token = jws(&header, &credential(did), |m| signer.sign(m).to_vec());

    let offline = verify(&token, None);
    assert_eq!(
        status(&offline, CheckId::Proof),
        CheckStatus::Skip,
        "{offline:?}"
    );
    assert!(offline.valid);

    let doc = json!({
        "@context": ["https://www.w3.org/ns/did/v1"],
        "id": did,
        "verificationMethod": [{"id": kid, "type": "JsonWebKey2020", "controller": did,
            "publicKeyJwk": {"kty": "RSA", "e": B64.encode(public.e().to_bytes_be()), "n": B64.encode(public.n().to_bytes_be())}}],
        "assertionMethod": [kid]
    });
    let fetcher = MapFetcher(HashMap::from([(
        "https://issuer.example/badges/did.json".to_owned(),
        serde_json::to_vec(&doc).unwrap(),
    )]));
    let online = verify(&token, Some(&fetcher));
    assert!(online.valid, "{online:?}");
    assert_eq!(status(&online, CheckId::Proof), CheckStatus::Pass);
    assert_eq!(status(&online, CheckId::IssuerKey), CheckStatus::Pass);
}
