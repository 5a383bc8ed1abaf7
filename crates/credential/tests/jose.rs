//! Compact JWS: parsing, key reading, verification and EdDSA signing.
//!
//! The RS256 vectors are the public 1EdTech validator test files; the PEM
//! constants and the ES256 token below were made independently with Python's
//! `cryptography` package; the EdDSA and ES256 known answers are RFC 8037 A.4
//! and RFC 7515 A.3.

use std::path::PathBuf;

use badgesmith_credential::jose::{
    JoseError, Jws, JwsPart, KeyKind, PublicKey, sign_eddsa, verify,
};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use p256::ecdsa::signature::Signer as _;
use serde_json::{Map, Value, json};

fn vector(path: &str) -> String {
    let full: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "../../tests/fixtures/vectors",
        path,
    ]
    .iter()
    .collect();
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// The `publicKeyPem` of an OB 2.0 `CryptographicKey` document.
fn ob2_key(name: &str) -> PublicKey {
    let doc: Value =
        serde_json::from_str(&vector(&format!("1edtech-validator/ob20/assets/{name}"))).unwrap();
    PublicKey::from_pem(doc["publicKeyPem"].as_str().unwrap()).unwrap()
}

/// Re-encodes one part of a compact JWS after `edit` changed its bytes.
fn edit_part(text: &str, part: usize, edit: impl FnOnce(&mut Vec<u8>)) -> String {
    let mut parts: Vec<String> = text.trim().split('.').map(str::to_owned).collect();
    let mut bytes = URL_SAFE_NO_PAD.decode(&parts[part]).unwrap();
    edit(&mut bytes);
    parts[part] = URL_SAFE_NO_PAD.encode(&bytes);
    parts.join(".")
}

fn flip_byte(text: &str, part: usize, index: usize) -> String {
    edit_part(text, part, |b| b[index] ^= 0x01)
}

fn token(header: &Value, payload: &[u8], signature: &[u8]) -> String {
    format!(
        "{}.{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(payload),
        URL_SAFE_NO_PAD.encode(signature)
    )
}

const OB2_VECTORS: [(&str, &str); 3] = [
    ("simple.jwt", "key1.json"),
    ("simple-not-revoked.jwt", "key2.json"),
    ("simple-revoked.jwt", "key3.json"),
];

const OB3_JWK_VECTORS: [&str; 2] = [
    "1edtech-validator/ob30/simple-jwt.png.expected",
    "1edtech-validator/ob30/simple-jwt_v1.png.expected",
];

/// RFC 8037 A.4: an Ed25519 JWS over "Example of Ed25519 signing".
const RFC8037_JWS: &str = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
const RFC8037_D: &str = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
const RFC8037_X: &str = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

/// RFC 7515 A.3: an ES256 JWS and its key.
const RFC7515_ES256_JWS: &str = "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";
const RFC7515_ES256_X: &str = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
const RFC7515_ES256_Y: &str = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0";

/// The P-256 key whose private scalar is the bytes 1, 2, …, 32.
const P256_SPKI: &str = "-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEUVw9brnjlrkE0/7Kf1T9zQzB6Ze/
N13KUVrQpsO0A19FNr46UPMY+/mlR1kCoiFQK+8NV+CMU7LMClbxfZ+TVA==
-----END PUBLIC KEY-----
";
/// An ES256 JWS signed with that key by another implementation.
const P256_JWS: &str = "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2V4YW1wbGUub3JnL2lzc3VlciJ9.0RVJUojPruTCVmabs3c5bPgZkH-7kMTnKbs2TCtgwff_mnGqY-k8_IbrPQ5Le1QU7bUFvBIyoi4WEbA8PZ6_wg";

fn p256_test_key() -> p256::ecdsa::SigningKey {
    let scalar: [u8; 32] = std::array::from_fn(|i| u8::try_from(i + 1).unwrap());
    p256::ecdsa::SigningKey::from_bytes(&scalar.into()).unwrap()
}

/// The Ed25519 key whose seed is 32 bytes of 7.
const ED25519_SPKI: &str = "-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEA6kpsY+KcUgq+9VB7Ey7F+ZVHdq6+vnuSQh7qaRRG0iw=
-----END PUBLIC KEY-----
";
const ED25519_PRIVATE_PEM: &str = "-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIAcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH
-----END PRIVATE KEY-----
";

/// `key1.json` of the OB 2.0 vectors as PKCS#1.
const KEY1_PKCS1: &str = "-----BEGIN RSA PUBLIC KEY-----
MIIBCgKCAQEAko9t/QZEwRUainRO5MqYGBBeFe7rm/BVg6ugkgkyRGdDkjCeEjNf
Cm6An+bQqeCsHoMCprs629/a9yJ58/4wP7ws/5lJ9YwZYXpGvLfha0xrpWl5DiEx
eOMB9pB8p4ze0AI6H49w9ZX0G+cgaqaK/FbQ/Ln1zkZH6+VaAntoaLu3I5kLLR1F
31HqLmSKpm6rHyLFkq534dGfuNmjSM+xZxBKu+ugmyeL9DinHvBZ/dwFMGS+o4/b
T54UeLMd7a71ONevRY2hXgwarfWjqkDsAgqnfKSDjjDZQDM2OlyLWvyI2SWF4eWx
IUtWuFP4j0d/5SUFjhAldRLjIXMQWMENNwIDAQAB
-----END RSA PUBLIC KEY-----
";

/// A 1024-bit RSA key and an RS256 JWS it made.
const RSA1024_SPKI: &str = "-----BEGIN PUBLIC KEY-----
MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDWhT9G+CY8PvHg4wh5QxjfjH75
8q8UNFre1uIPPA+/aaeQCw90c2W33eAfSHjjaToMWh+T2I2Vn78K0pHRDs5tflKm
ifetQot7WhCobOV4ND1VJdpF2JkVZZ/7U3KKOrAnC9nREGhwPLLqJPuH8dqh5sMo
O1361dpokDswyq+2owIDAQAB
-----END PUBLIC KEY-----
";
const RSA1024_JWS: &str = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2V4YW1wbGUub3JnL2lzc3VlciJ9.qev2H3rR0QoxDFu-iuO7Cph3xMWT4Qa1lspQZzJ2ePkx9vsEjPMWyDfpX0DY9odq5rHD5KFSWL_y2Y619kIS169hrxp8RM4UO-Ylz8RtJTAocu52nnhiwaSy4jTC8_B5DYrUJ2f4wpClMLCP9lV3O5lnUkP1Fvp8vULnfNElF0U";

/// A P-384 public key.
const P384_SPKI: &str = "-----BEGIN PUBLIC KEY-----
MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE6GuZXjUOTTEqlaa31djNzbRoL1iIAKHN
bJcuHcsqWsONkARpUbA8yzsXmon9qIsbSFufLB9EsN1Bzm48OmkLv6q+weH/Su+y
Rh/dpmKb7L1Dz3TBPYwaFiVhIkPwBGFI
-----END PUBLIC KEY-----
";

// ---- valid vectors -------------------------------------------------------

#[test]
fn ob2_signed_assertions_verify_with_their_pem_keys() {
    for (jwt, key) in OB2_VECTORS {
        let text = vector(&format!("1edtech-validator/ob20/{jwt}"));
        let jws = Jws::parse(&text).unwrap();
        assert_eq!(jws.alg(), Some("RS256"), "{jwt}");
        assert_eq!(verify(&jws, &ob2_key(key)), Ok(()), "{jwt}");
    }
}

#[test]
fn ob2_payload_is_the_assertion() {
    let jws = Jws::parse(&vector("1edtech-validator/ob20/simple.jwt")).unwrap();
    let payload = jws.payload_json().unwrap();
    assert_eq!(payload["type"], "Assertion");
    assert_eq!(
        payload["verification"]["creator"],
        "http://example.org/key1.json"
    );
    assert_eq!(jws.header.get("typ"), Some(&json!("JWT")));
    assert_eq!(jws.kid(), None);
    assert_eq!(jws.jwk(), None);
}

#[test]
fn ob3_jwts_verify_with_the_jwk_in_their_header() {
    for path in OB3_JWK_VECTORS {
        let jws = Jws::parse(&vector(path)).unwrap();
        let jwk = jws.jwk().unwrap_or_else(|| panic!("{path}: no jwk"));
        let key = PublicKey::from_jwk(jwk).unwrap();
        assert_eq!(key.kind(), KeyKind::Rsa);
        assert_eq!(verify(&jws, &key), Ok(()), "{path}");
        let payload = jws.payload_json().unwrap();
        assert!(
            payload.to_string().contains("OpenBadgeCredential"),
            "{path}"
        );
    }
}

#[test]
fn velocity_header_names_a_did_key_id() {
    let jws = Jws::parse(&vector("1edtech-validator/ob30/velocity.jwt")).unwrap();
    assert_eq!(jws.alg(), Some("RS256"));
    let kid = jws.kid().unwrap();
    assert!(kid.starts_with("did:velocity:v2:"), "{kid}");
    assert!(kid.ends_with("#key-1"), "{kid}");
    assert_eq!(jws.jwk(), None);

    let simple = Jws::parse(&vector("1edtech-validator/ob30/simple.jwt")).unwrap();
    assert_eq!(simple.alg(), Some("RS256"));
    assert_eq!(simple.kid(), None);
    assert_eq!(simple.jwk(), None);
    assert!(simple.payload_json().unwrap()["vc"].is_object());
}

#[test]
fn surrounding_whitespace_is_ignored() {
    let text = vector("1edtech-validator/ob20/simple.jwt");
    let padded = format!("\u{feff} \r\n\t{}\n\n  ", text.trim());
    let jws = Jws::parse(&padded).unwrap();
    assert_eq!(verify(&jws, &ob2_key("key1.json")), Ok(()));
}

// ---- tampering and wrong keys -----------------------------------------------

#[test]
fn a_changed_payload_byte_breaks_the_signature() {
    let text = vector("1edtech-validator/ob20/simple.jwt");
    let key = ob2_key("key1.json");
    for index in [0, 57, 200] {
        let changed = flip_byte(&text, 1, index);
        let jws = Jws::parse(&changed).unwrap();
        assert_eq!(
            verify(&jws, &key),
            Err(JoseError::BadSignature),
            "byte {index}"
        );
    }
    for path in OB3_JWK_VECTORS {
        let text = vector(path);
        let key = PublicKey::from_jwk(Jws::parse(&text).unwrap().jwk().unwrap()).unwrap();
        let changed = Jws::parse(&flip_byte(&text, 1, 10)).unwrap();
        assert_eq!(
            verify(&changed, &key),
            Err(JoseError::BadSignature),
            "{path}"
        );
    }
}

#[test]
fn a_changed_signature_byte_breaks_the_signature() {
    let text = vector("1edtech-validator/ob20/simple.jwt");
    let key = ob2_key("key1.json");
    for index in [0, 128, 255] {
        let jws = Jws::parse(&flip_byte(&text, 2, index)).unwrap();
        assert_eq!(
            verify(&jws, &key),
            Err(JoseError::BadSignature),
            "byte {index}"
        );
    }
}

#[test]
fn a_changed_header_breaks_the_signature() {
    let text = vector("1edtech-validator/ob20/simple.jwt");
    let changed = edit_part(&text, 0, |h| {
        *h = br#"{"typ":"JWT","alg":"RS256","kid":"x"}"#.to_vec();
    });
    let jws = Jws::parse(&changed).unwrap();
    assert_eq!(
        verify(&jws, &ob2_key("key1.json")),
        Err(JoseError::BadSignature)
    );
}

#[test]
fn another_issuers_key_does_not_verify() {
    let text = vector("1edtech-validator/ob20/simple.jwt");
    let jws = Jws::parse(&text).unwrap();
    for other in ["key2.json", "key3.json"] {
        assert_eq!(
            verify(&jws, &ob2_key(other)),
            Err(JoseError::BadSignature),
            "{other}"
        );
    }
    let ob3 = vector(OB3_JWK_VECTORS[0]);
    let foreign_jwk = Jws::parse(&vector(OB3_JWK_VECTORS[1])).unwrap();
    let foreign = PublicKey::from_jwk(foreign_jwk.jwk().unwrap()).unwrap();
    assert_eq!(
        verify(&Jws::parse(&ob3).unwrap(), &foreign),
        Err(JoseError::BadSignature)
    );
}

#[test]
fn a_header_edited_after_parsing_does_not_change_what_is_verified() {
    let text = vector("1edtech-validator/ob20/simple.jwt");
    let mut jws = Jws::parse(&text).unwrap();
    jws.header.insert("alg".into(), json!("none"));
    jws.payload = b"{}".to_vec();
    assert_eq!(verify(&jws, &ob2_key("key1.json")), Ok(()));

    let mut jws = Jws::parse(&flip_byte(&text, 1, 3)).unwrap();
    jws.payload = Jws::parse(&text).unwrap().payload;
    assert_eq!(
        verify(&jws, &ob2_key("key1.json")),
        Err(JoseError::BadSignature)
    );
}

// ---- refused algorithms and headers --------------------------------------

#[test]
fn alg_none_is_refused() {
    let payload = Jws::parse(&vector("1edtech-validator/ob20/simple.jwt"))
        .unwrap()
        .payload;
    let key = ob2_key("key1.json");
    for alg in ["none", "None", "NONE"] {
        let jws = Jws::parse(&token(&json!({ "alg": alg }), &payload, b"")).unwrap();
        assert_eq!(verify(&jws, &key), Err(JoseError::AlgorithmNone), "{alg}");
    }
    let err = JoseError::AlgorithmNone.to_string();
    assert!(err.contains("not signed"), "{err}");
}

#[test]
fn unknown_algorithms_are_refused_by_name() {
    let key = ob2_key("key1.json");
    for alg in ["HS256", "RS512", "PS256", "ES384", "rs256"] {
        let jws = Jws::parse(&token(&json!({ "alg": alg }), b"{}", &[1; 256])).unwrap();
        assert_eq!(
            verify(&jws, &key),
            Err(JoseError::UnsupportedAlgorithm(alg.into())),
            "{alg}"
        );
    }
    assert_eq!(
        JoseError::UnsupportedAlgorithm("HS256".into()).to_string(),
        "the JWS header names algorithm \"HS256\", which Badgesmith does not accept"
    );
    assert_eq!(
        JoseError::BadSignature.to_string(),
        "the signature does not match the signed content"
    );
}

#[test]
fn a_missing_algorithm_is_refused() {
    let key = ob2_key("key1.json");
    for header in [json!({}), json!({ "alg": 256 }), json!({ "typ": "JWT" })] {
        let jws = Jws::parse(&token(&header, b"{}", &[1; 256])).unwrap();
        assert_eq!(
            verify(&jws, &key),
            Err(JoseError::MissingAlgorithm),
            "{header}"
        );
    }
}

#[test]
fn critical_extensions_are_refused() {
    let signing = ed25519_dalek::SigningKey::from_bytes(&[9; 32]);
    let mut header = Map::new();
    header.insert("b64".into(), json!(false));
    header.insert("crit".into(), json!(["b64"]));
    let text = sign_eddsa(header, b"{}", &signing);
    let jws = Jws::parse(&text).unwrap();
    let key = PublicKey::Ed25519(signing.verifying_key());
    assert_eq!(
        verify(&jws, &key).unwrap_err().to_string(),
        "the JWS header requires extensions Badgesmith does not understand (\"b64\")"
    );
}

#[test]
fn the_fully_specified_ed25519_name_is_accepted() {
    use ed25519_dalek::Signer as _;
    let signing = ed25519_dalek::SigningKey::from_bytes(&[5; 32]);
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(br#"{"alg":"Ed25519"}"#),
        URL_SAFE_NO_PAD.encode(b"{}")
    );
    let signature = signing.sign(signing_input.as_bytes()).to_bytes();
    let text = format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(signature));
    let key = PublicKey::Ed25519(signing.verifying_key());
    assert_eq!(verify(&Jws::parse(&text).unwrap(), &key), Ok(()));
    let changed = Jws::parse(&flip_byte(&text, 2, 10)).unwrap();
    assert_eq!(verify(&changed, &key), Err(JoseError::BadSignature));
}

#[test]
fn the_algorithm_must_match_the_key_type() {
    let rs256 = Jws::parse(&vector("1edtech-validator/ob20/simple.jwt")).unwrap();
    let ed = PublicKey::from_pem(ED25519_SPKI).unwrap();
    let p256 = PublicKey::from_pem(P256_SPKI).unwrap();
    assert_eq!(
        verify(&rs256, &ed),
        Err(JoseError::KeyMismatch {
            alg: "RS256".into(),
            needs: KeyKind::Rsa,
            found: KeyKind::Ed25519
        })
    );
    assert_eq!(
        verify(&rs256, &p256),
        Err(JoseError::KeyMismatch {
            alg: "RS256".into(),
            needs: KeyKind::Rsa,
            found: KeyKind::P256
        })
    );
    let es256 = Jws::parse(P256_JWS).unwrap();
    let err = verify(&es256, &ob2_key("key1.json")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "algorithm \"ES256\" needs a P-256 key, but the key is an RSA key"
    );
    let eddsa = Jws::parse(RFC8037_JWS).unwrap();
    assert!(matches!(
        verify(&eddsa, &p256),
        Err(JoseError::KeyMismatch {
            needs: KeyKind::Ed25519,
            found: KeyKind::P256,
            ..
        })
    ));
}

#[test]
fn short_rsa_keys_are_refused() {
    let key = PublicKey::from_pem(RSA1024_SPKI).unwrap();
    let jws = Jws::parse(RSA1024_JWS).unwrap();
    assert_eq!(verify(&jws, &key), Err(JoseError::RsaKeyTooSmall(1024)));
}

// ---- malformed text --------------------------------------------------------

#[test]
fn malformed_text_gets_a_clear_error() {
    let cases: [(&str, JoseError); 14] = [
        ("", JoseError::Empty),
        (" \n\t ", JoseError::Empty),
        ("eyJhbGciOiJSUzI1NiJ9", JoseError::PartCount(1)),
        ("a.b", JoseError::PartCount(2)),
        ("a.b.c.d", JoseError::PartCount(4)),
        ("e30.e30.e30.e30.e30", JoseError::PartCount(5)),
        ("!!.e30.", JoseError::NotBase64(JwsPart::Header)),
        ("e30=.e30.", JoseError::NotBase64(JwsPart::Header)),
        ("e30.e3 0.", JoseError::NotBase64(JwsPart::Payload)),
        ("e30.e30.a", JoseError::NotBase64(JwsPart::Signature)),
        ("é.é.é", JoseError::NotBase64(JwsPart::Header)),
        ("..", JoseError::HeaderNotJson),
        ("W10.e30.", JoseError::HeaderNotJson), // []
        ("bm90IGpzb24.e30.", JoseError::HeaderNotJson),
    ];
    for (text, expected) in cases {
        assert_eq!(Jws::parse(text), Err(expected), "{text:?}");
    }
    let messages = [
        JoseError::PartCount(2).to_string(),
        JoseError::NotBase64(JwsPart::Signature).to_string(),
    ];
    assert_eq!(
        messages[0],
        "a compact JWS has three parts separated by two dots, but this text has 2"
    );
    assert_eq!(
        messages[1],
        "the JWS signature is not base64url text without padding"
    );
}

#[test]
fn a_non_json_payload_is_reported_when_asked_for() {
    let jws = Jws::parse(&token(&json!({ "alg": "EdDSA" }), b"plain text", &[0; 64])).unwrap();
    assert_eq!(jws.payload, b"plain text");
    assert_eq!(jws.payload_json(), Err(JoseError::PayloadNotJson));
}

#[test]
fn every_truncation_fails_without_panicking() {
    let text = vector("1edtech-validator/ob20/simple.jwt");
    let text = text.trim();
    let key = ob2_key("key1.json");
    for end in 0..text.len() {
        let prefix = &text[..end];
        if let Ok(jws) = Jws::parse(prefix) {
            assert!(
                verify(&jws, &key).is_err(),
                "prefix of {end} bytes verified"
            );
        }
    }
    // Cut at the last dot: the signature is missing.
    let cut = text.rfind('.').unwrap();
    let jws = Jws::parse(&text[..=cut]).unwrap();
    assert_eq!(
        verify(&jws, &key),
        Err(JoseError::SignatureLength {
            alg: "RS256".into(),
            len: 0,
            expected: 256
        })
    );
}

#[test]
fn wrong_length_signatures_are_named() {
    let jws = Jws::parse(&token(&json!({ "alg": "EdDSA" }), b"{}", &[1; 63])).unwrap();
    let key = PublicKey::from_pem(ED25519_SPKI).unwrap();
    assert_eq!(
        verify(&jws, &key).unwrap_err().to_string(),
        "the EdDSA signature is 63 bytes long, but it must be 64"
    );
}

// ---- EdDSA -------------------------------------------------------------------

#[test]
fn rfc8037_ed25519_example_verifies_and_is_reproduced() {
    let x = URL_SAFE_NO_PAD.decode(RFC8037_X).unwrap();
    let key =
        PublicKey::from_jwk(&json!({ "kty": "OKP", "crv": "Ed25519", "x": RFC8037_X })).unwrap();
    assert_eq!(key, PublicKey::from_ed25519_bytes(&x).unwrap());
    let jws = Jws::parse(RFC8037_JWS).unwrap();
    assert_eq!(jws.payload, b"Example of Ed25519 signing");
    assert_eq!(verify(&jws, &key), Ok(()));

    let d: [u8; 32] = URL_SAFE_NO_PAD
        .decode(RFC8037_D)
        .unwrap()
        .try_into()
        .unwrap();
    let signing = ed25519_dalek::SigningKey::from_bytes(&d);
    let made = sign_eddsa(Map::new(), b"Example of Ed25519 signing", &signing);
    assert_eq!(made, RFC8037_JWS);
}

#[test]
fn eddsa_sign_then_verify_round_trip() {
    let signing = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
    let mut header = Map::new();
    header.insert("typ".into(), json!("JWT"));
    header.insert("alg".into(), json!("HS256"));
    header.insert("kid".into(), json!("did:key:z6Mk#z6Mk"));
    let payload = br#"{"vc":{"type":["VerifiableCredential","OpenBadgeCredential"]}}"#;
    let text = sign_eddsa(header, payload, &signing);

    let jws = Jws::parse(&text).unwrap();
    let names: Vec<&str> = jws.header.keys().map(String::as_str).collect();
    assert_eq!(names, ["alg", "typ", "kid"]);
    assert_eq!(jws.alg(), Some("EdDSA"));
    assert_eq!(jws.kid(), Some("did:key:z6Mk#z6Mk"));
    assert_eq!(jws.payload, payload);

    let key = PublicKey::from_pem(ED25519_SPKI).unwrap();
    assert_eq!(key, PublicKey::Ed25519(signing.verifying_key()));
    assert_eq!(verify(&jws, &key), Ok(()));

    for (part, index) in [(1, 0), (1, 30), (2, 0), (2, 63)] {
        let changed = Jws::parse(&flip_byte(&text, part, index)).unwrap();
        assert_eq!(
            verify(&changed, &key),
            Err(JoseError::BadSignature),
            "part {part} byte {index}"
        );
    }
    let other = ed25519_dalek::SigningKey::from_bytes(&[8; 32]).verifying_key();
    assert_eq!(
        verify(&jws, &PublicKey::Ed25519(other)),
        Err(JoseError::BadSignature)
    );
}

// ---- ES256 -------------------------------------------------------------------

#[test]
fn rfc7515_es256_example_verifies() {
    let key = PublicKey::from_jwk(&json!({
        "kty": "EC", "crv": "P-256", "x": RFC7515_ES256_X, "y": RFC7515_ES256_Y
    }))
    .unwrap();
    let jws = Jws::parse(RFC7515_ES256_JWS).unwrap();
    assert_eq!(verify(&jws, &key), Ok(()));
    let changed = Jws::parse(&flip_byte(RFC7515_ES256_JWS, 1, 5)).unwrap();
    assert_eq!(verify(&changed, &key), Err(JoseError::BadSignature));
}

#[test]
fn es256_from_another_implementation_verifies_with_its_pem() {
    let key = PublicKey::from_pem(P256_SPKI).unwrap();
    assert_eq!(key, PublicKey::P256(*p256_test_key().verifying_key()));
    let jws = Jws::parse(P256_JWS).unwrap();
    assert_eq!(verify(&jws, &key), Ok(()));
    let changed = Jws::parse(&flip_byte(P256_JWS, 2, 40)).unwrap();
    assert_eq!(verify(&changed, &key), Err(JoseError::BadSignature));
}

#[test]
fn es256_sign_then_verify_round_trip() {
    let signing = p256_test_key();
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"ES256","kid":"key-1"}"#);
    let payload = URL_SAFE_NO_PAD.encode(br#"{"iss":"https://example.org"}"#);
    let signing_input = format!("{header}.{payload}");
    let signature: p256::ecdsa::Signature = signing.sign(signing_input.as_bytes());
    let text = format!(
        "{signing_input}.{}",
        URL_SAFE_NO_PAD.encode(signature.to_bytes())
    );

    let point = signing.verifying_key().to_encoded_point(false);
    let jwk = json!({
        "kty": "EC",
        "crv": "P-256",
        "x": URL_SAFE_NO_PAD.encode(point.x().unwrap()),
        "y": URL_SAFE_NO_PAD.encode(point.y().unwrap()),
    });
    let key = PublicKey::from_jwk(&jwk).unwrap();
    let jws = Jws::parse(&text).unwrap();
    assert_eq!(verify(&jws, &key), Ok(()));

    for (part, index) in [(1, 2), (2, 0), (2, 63)] {
        let changed = Jws::parse(&flip_byte(&text, part, index)).unwrap();
        assert_eq!(
            verify(&changed, &key),
            Err(JoseError::BadSignature),
            "part {part} byte {index}"
        );
    }

    // A DER-encoded ECDSA signature is a common mistake; say so by its length.
    let der = token(
        &json!({ "alg": "ES256" }),
        b"{}",
        signature.to_der().as_bytes(),
    );
    assert!(matches!(
        verify(&Jws::parse(&der).unwrap(), &key),
        Err(JoseError::SignatureLength { expected: 64, .. })
    ));
    // All-zero r and s are no signature at all.
    let zero = Jws::parse(&token(&json!({ "alg": "ES256" }), b"{}", &[0; 64])).unwrap();
    assert_eq!(verify(&zero, &key), Err(JoseError::BadSignature));
}

// ---- reading keys ------------------------------------------------------------

#[test]
fn pkcs1_and_spki_pem_give_the_same_rsa_key() {
    let pkcs1 = PublicKey::from_pem(KEY1_PKCS1).unwrap();
    assert_eq!(pkcs1, ob2_key("key1.json"));
    let jws = Jws::parse(&vector("1edtech-validator/ob20/simple.jwt")).unwrap();
    assert_eq!(verify(&jws, &pkcs1), Ok(()));
}

#[test]
fn pem_layout_is_tolerated() {
    let one_line: String = P256_SPKI.lines().collect::<Vec<_>>().join("");
    let crlf = P256_SPKI.replace('\n', "\r\n");
    let indented = P256_SPKI
        .lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n");
    let expected = PublicKey::from_pem(P256_SPKI).unwrap();
    for pem in [one_line, crlf, indented] {
        assert_eq!(PublicKey::from_pem(&pem).as_ref(), Ok(&expected), "{pem}");
    }
}

#[test]
fn unusable_pem_text_is_refused() {
    let unsupported = PublicKey::from_pem(P384_SPKI).unwrap_err();
    assert!(matches!(unsupported, JoseError::UnsupportedKey(ref m) if m.contains("1.3.132.0.34")));

    let private = PublicKey::from_pem(ED25519_PRIVATE_PEM).unwrap_err();
    assert!(private.to_string().contains("private key"), "{private}");

    let certificate = "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----";
    assert!(matches!(
        PublicKey::from_pem(certificate),
        Err(JoseError::UnsupportedKey(_))
    ));

    let truncated: String =
        P256_SPKI.lines().take(2).collect::<Vec<_>>().join("\n") + "\n-----END PUBLIC KEY-----";
    let garbage = [
        "",
        "not a key",
        "-----BEGIN PUBLIC KEY-----",
        "-----BEGIN PUBLIC KEY-----\nMFkw\n",
        "-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----",
        "-----BEGIN PUBLIC KEY-----\n\n-----END PUBLIC KEY-----",
        "-----BEGIN PUBLIC KEY-----\nMAA=\n-----END PUBLIC KEY-----",
        "-----BEGIN RSA PUBLIC KEY-----\nMAA=\n-----END RSA PUBLIC KEY-----",
        "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END RSA PUBLIC KEY-----",
        "-----BEGIN ",
        truncated.as_str(),
    ];
    for pem in garbage {
        assert!(
            matches!(PublicKey::from_pem(pem), Err(JoseError::InvalidKey(_))),
            "{pem:?}"
        );
    }
}

#[test]
fn unusable_jwks_are_refused() {
    // The subject key of the Velocity vector: a secp256k1 did:jwk.
    let velocity = Jws::parse(&vector("1edtech-validator/ob30/velocity.jwt")).unwrap();
    let sub = velocity.payload_json().unwrap()["sub"]
        .as_str()
        .unwrap()
        .to_owned();
    let did_jwk = URL_SAFE_NO_PAD
        .decode(sub.strip_prefix("did:jwk:").unwrap())
        .unwrap();
    let secp256k1: Value = serde_json::from_slice(&did_jwk).unwrap();
    assert_eq!(
        PublicKey::from_jwk(&secp256k1),
        Err(JoseError::UnsupportedKey(
            "an elliptic-curve key on curve \"secp256k1\"".into()
        ))
    );

    let unsupported = [
        json!({ "kty": "oct", "k": "c2VjcmV0" }),
        json!({ "kty": "OKP", "crv": "X25519", "x": RFC8037_X }),
        json!({ "kty": "OKP", "crv": "Ed448", "x": RFC8037_X }),
    ];
    for jwk in unsupported {
        assert!(
            matches!(PublicKey::from_jwk(&jwk), Err(JoseError::UnsupportedKey(_))),
            "{jwk}"
        );
    }

    let mut y = URL_SAFE_NO_PAD.decode(RFC7515_ES256_Y).unwrap();
    y[31] ^= 0x01;
    let off_curve_y = URL_SAFE_NO_PAD.encode(&y);
    let invalid = [
        json!("not an object"),
        json!({}),
        json!({ "kty": "RSA", "e": "AQAB" }),
        json!({ "kty": "RSA", "n": "!!", "e": "AQAB" }),
        json!({ "kty": "RSA", "n": "AQAB", "e": "AQ" }), // exponent 1
        json!({ "kty": "EC", "crv": "P-256", "x": RFC7515_ES256_X }),
        json!({ "kty": "EC", "crv": "P-256", "x": RFC7515_ES256_X, "y": "AAAA" }),
        // y of the RFC key with one bit changed: not on the curve.
        json!({ "kty": "EC", "crv": "P-256", "x": RFC7515_ES256_X, "y": off_curve_y }),
        json!({ "kty": "OKP", "crv": "Ed25519" }),
        json!({ "kty": "OKP", "crv": "Ed25519", "x": "AAAA" }),
        json!({ "kty": 7 }),
    ];
    for jwk in invalid {
        assert!(
            matches!(PublicKey::from_jwk(&jwk), Err(JoseError::InvalidKey(_))),
            "{jwk}"
        );
    }
}

#[test]
fn ed25519_bytes_must_be_32() {
    for len in [0, 31, 33, 64] {
        assert!(
            matches!(
                PublicKey::from_ed25519_bytes(&vec![1; len]),
                Err(JoseError::InvalidKey(_))
            ),
            "{len}"
        );
    }
    let key = ed25519_dalek::SigningKey::from_bytes(&[7; 32]).verifying_key();
    assert_eq!(
        PublicKey::from_ed25519_bytes(key.as_bytes()),
        Ok(PublicKey::Ed25519(key))
    );
}

#[test]
fn a_padded_jwk_member_is_tolerated() {
    let key = PublicKey::from_jwk(&json!({
        "kty": "OKP", "crv": "Ed25519", "x": format!("{RFC8037_X}=")
    }))
    .unwrap();
    assert_eq!(verify(&Jws::parse(RFC8037_JWS).unwrap(), &key), Ok(()));
}
