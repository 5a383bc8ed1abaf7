//! Conformance against the public test vectors.
//!
//! Every signed or baked credential in `tests/fixtures/vectors/` goes through
//! the real binary, `badgesmith verify --json --offline --at 2026-06-01…`, and
//! the outcome is compared with what `manifest.json` records for that file:
//!
//! * `signature_check_digitalbazaar`, the reference JavaScript libraries
//!   checking only the proof, offline, decides what our `proof` check must
//!   say ([`proof_rule`]);
//! * `upstream_expected`, what the source project's own tests assert for the
//!   whole verification, decides `valid` where that verdict needs neither the
//!   network nor another day ([`verdict_rule`]).
//!
//! On top of that, for every file: the output parses, the exit code agrees
//! with `valid`, and no step that needs the network (as the file's content
//! shows: a did:web key, a hosted OB 2.0 badge, a status list…) is `pass`.
//!
//! Where Badgesmith deliberately disagrees with a source, the disagreement is
//! listed in [`DIVERGENCES`], with the reason. Any other disagreement, and any
//! row of that table that no longer happens, fails the test.
//!
//! `online.rs` runs the network paths through the library with a fetcher that
//! serves the vectors' own files, so they are tested with no network at all.
#![allow(
    clippy::print_stdout,
    reason = "the runner prints its table and summary"
)]

mod online;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine as _;
use serde_json::Value;

/// The moment every date is checked against, so the outcome never depends on
/// the day the tests run.
const AT: &str = "2026-06-01T00:00:00Z";

fn vectors() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vectors")
}

/// The bundled JSON-LD contexts, by URL.
fn bundled_contexts() -> BTreeSet<String> {
    let index = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/credential/contexts/index.json");
    let index: BTreeMap<String, String> =
        serde_json::from_str(&std::fs::read_to_string(index).unwrap()).unwrap();
    index.into_keys().collect()
}

// ---------------------------------------------------------------- outcomes

/// A check's status as the report prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Pass,
    Fail,
    Warn,
    Skip,
}

impl Status {
    fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "pass" => Self::Pass,
            "fail" => Self::Fail,
            "warn" => Self::Warn,
            "skip" => Self::Skip,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Self::Pass => "pass",
            Self::Fail => "fail",
            Self::Warn => "warn",
            Self::Skip => "skip",
        }
    }
}

/// What `verify --json` said about one file.
#[derive(Debug)]
struct Outcome {
    code: i32,
    valid: Option<bool>,
    checks: Vec<(String, Status, String)>,
    stderr: String,
}

impl Outcome {
    fn check(&self, id: &str) -> Option<Status> {
        self.checks
            .iter()
            .find(|(i, _, _)| i == id)
            .map(|(_, s, _)| *s)
    }

    fn message(&self, id: &str) -> &str {
        self.checks
            .iter()
            .find(|(i, _, _)| i == id)
            .map_or("", |(_, _, m)| m.as_str())
    }
}

fn run_verify(path: &Path) -> Result<Outcome, String> {
    let home = tempfile::tempdir().map_err(|e| e.to_string())?;
    let out = Command::new(env!("CARGO_BIN_EXE_badgesmith"))
        .args(["verify", "--json", "--offline", "--at", AT])
        .arg(path)
        .env("BADGESMITH_HOME", home.path())
        .output()
        .map_err(|e| e.to_string())?;
    let code = out.status.code().unwrap_or(-1);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if code == 2 {
        if !stdout.is_empty() {
            return Err(format!("exit 2 with output on stdout: {stdout}"));
        }
        return Ok(Outcome {
            code,
            valid: None,
            checks: Vec::new(),
            stderr,
        });
    }
    let report: Value = serde_json::from_str(&stdout)
        .map_err(|e| format!("the output is not JSON ({e}): {stdout}; stderr: {stderr}"))?;
    let valid = report["valid"]
        .as_bool()
        .ok_or_else(|| format!("no boolean `valid` in {report}"))?;
    let format = report["format"].as_str().unwrap_or_default();
    if ![
        "ob3-json",
        "ob3-jwt",
        "ob2-json",
        "ob2-jws",
        "ob2-hosted",
        "ob1",
    ]
    .contains(&format)
    {
        return Err(format!("unknown format {format:?}"));
    }
    let mut checks = Vec::new();
    for check in report["checks"].as_array().ok_or("no `checks` array")? {
        let id = check["id"].as_str().ok_or("a check without id")?;
        if ![
            "parse",
            "schema",
            "proof",
            "issuer-key",
            "dates",
            "status",
            "recipient",
        ]
        .contains(&id)
        {
            return Err(format!("unknown check id {id:?}"));
        }
        let status = check["status"]
            .as_str()
            .and_then(Status::parse)
            .ok_or_else(|| format!("check {id}: bad status {}", check["status"]))?;
        let message = check["message"]
            .as_str()
            .ok_or_else(|| format!("check {id}: no message"))?;
        if message.trim().is_empty() {
            return Err(format!("check {id}: empty message"));
        }
        checks.push((id.to_owned(), status, message.to_owned()));
    }
    if valid == checks.iter().any(|(_, s, _)| *s == Status::Fail) {
        return Err(format!("`valid` is {valid}, but the checks are {checks:?}"));
    }
    let expected_code = if valid { 0 } else { 1 };
    if code != expected_code {
        return Err(format!(
            "exit code {code}, but `valid` is {valid} (expected {expected_code})"
        ));
    }
    Ok(Outcome {
        code,
        valid: Some(valid),
        checks,
        stderr,
    })
}

// ---------------------------------------------------------------- selection

/// A manifest entry.
#[derive(Debug)]
struct Entry {
    path: String,
    signature_check: Option<String>,
    upstream: Option<String>,
}

fn manifest() -> Vec<Entry> {
    let text = std::fs::read_to_string(vectors().join("manifest.json")).unwrap();
    let manifest: Value = serde_json::from_str(&text).unwrap();
    manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| Entry {
            path: f["path"].as_str().unwrap().to_owned(),
            signature_check: f["signature_check_digitalbazaar"]
                .as_str()
                .map(str::to_owned),
            upstream: f["upstream_expected"].as_str().map(str::to_owned),
        })
        .collect()
}

/// What a selected file holds, as the runner reads it.
#[derive(Debug)]
enum Badge {
    /// A JSON credential or assertion with an embedded `proof`.
    Signed(Value),
    /// A compact JWS: its header and payload.
    Jws { header: Value, payload: Value },
    /// A baked image, and the text baked into it.
    Baked(BakedText),
}

#[derive(Debug)]
enum BakedText {
    Json(Value),
    Jws {
        header: Value,
        payload: Value,
    },
    Url,
    /// The image carries a body that looks like JSON but is not: the CLI
    /// refuses such an image as unreadable (exit 2).
    BrokenJson,
}

/// Selects a file by its content, or says why it is not verified.
fn select(bytes: &[u8]) -> Result<Badge, String> {
    if badgesmith_bake::sniff(bytes).is_some() {
        let unbaked = badgesmith_bake::unbake(bytes)
            .map_err(|e| format!("an image that cannot be read ({e})"))?
            .ok_or("an image with no badge baked in")?;
        let body_is_broken = [Some(&unbaked.text), unbaked.body.as_ref()]
            .into_iter()
            .flatten()
            .any(|t| t.trim_start().starts_with('{') && serde_json::from_str::<Value>(t).is_err());
        let text = unbaked.text.trim();
        let baked = if body_is_broken {
            BakedText::BrokenJson
        } else if let Ok(value) = serde_json::from_str::<Value>(text) {
            BakedText::Json(value)
        } else if text.starts_with("http://") || text.starts_with("https://") {
            BakedText::Url
        } else if let Some((header, payload)) = parse_jws(text) {
            BakedText::Jws { header, payload }
        } else {
            return Err(format!(
                "an image holding text that is not a badge: {text:.40}"
            ));
        };
        return Ok(Badge::Baked(baked));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| "a binary file that is not an image")?;
    let text = text.trim_start_matches('\u{feff}').trim();
    if let Ok(value) = serde_json::from_str::<Value>(text) {
        if value.get("proof").is_some() {
            return Ok(Badge::Signed(value));
        }
        return Err(why_not_verified(&value).to_owned());
    }
    if let Some((header, payload)) = parse_jws(text) {
        return Ok(Badge::Jws { header, payload });
    }
    Err("not a credential: a canonical form, hash, signature or web page".into())
}

fn types(value: &Value) -> Vec<&str> {
    match value.get("type").or_else(|| value.get("@type")) {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Why a JSON file without a proof is not put through `verify`.
fn why_not_verified(value: &Value) -> &'static str {
    let types = types(value);
    let id = value.get("id").and_then(Value::as_str).unwrap_or_default();
    if types.contains(&"Assertion") {
        "an unsigned OB 2.0 assertion: hosted, so it can only be checked online (online.rs checks basic-assertion.json against a local copy)"
    } else if types.iter().any(|t| t.ends_with("Credential")) {
        "an unsigned credential: there is no proof to check"
    } else if id.starts_with("did:") {
        "a DID document (served to the online tests)"
    } else if value.get("@context").is_some_and(Value::is_object) && value.get("id").is_none() {
        "a JSON-LD context"
    } else if !types.is_empty() && value.get("@context").is_some() {
        "an OB 2.0 badge class, issuer profile, key, endorsement or revocation list (served to the online tests)"
    } else {
        "not a credential: a key pair, proof options or other test data"
    }
}

fn b64url_json(part: &str) -> Option<Value> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(part.trim_end_matches('='))
        .ok()?;
    serde_json::from_slice(&bytes).ok()
}

fn parse_jws(text: &str) -> Option<(Value, Value)> {
    if text.contains(char::is_whitespace) {
        return None;
    }
    let mut parts = text.split('.');
    let (header, payload, _signature) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    Some((b64url_json(header)?, b64url_json(payload)?))
}

// ---------------------------------------------------------------- what needs the network

/// Which steps the file's content says need the network: offline, these must
/// never be `pass`.
#[derive(Debug, Default)]
struct NetworkNeeds {
    proof: bool,
    issuer_key: bool,
    status: bool,
}

fn is_ob2(value: &Value) -> bool {
    let contexts: Vec<&str> = match value.get("@context") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    contexts
        .iter()
        .any(|c| c.starts_with("https://w3id.org/openbadges/v2"))
        || types(value).contains(&"Assertion")
        || (value.get("@context").is_none() && value.get("badge").is_some())
}

/// A verification method that can only be resolved online: did:web, or a
/// web address whose fragment is not itself a multibase key (the 1EdTech
/// convention `https://issuer#z6Mk…` needs no lookup).
fn key_needs_network(vm: &str) -> bool {
    vm.starts_with("did:web:")
        || ((vm.starts_with("https://") || vm.starts_with("http://"))
            && !vm.split_once('#').is_some_and(|(_, f)| f.starts_with('z')))
}

fn credential_needs(credential: &Value, proof_needs_network: bool) -> NetworkNeeds {
    if is_ob2(credential) {
        // Hosted copies, signing keys, issuer profiles and revocation lists
        // all live on the issuer's website.
        return NetworkNeeds {
            proof: true,
            issuer_key: true,
            status: credential.get("revoked").and_then(Value::as_bool) != Some(true),
        };
    }
    NetworkNeeds {
        proof: proof_needs_network,
        issuer_key: proof_needs_network,
        status: credential.get("credentialStatus").is_some(),
    }
}

fn jws_needs(header: &Value, payload: &Value) -> NetworkNeeds {
    let credential = payload.get("vc").unwrap_or(payload);
    let kid = header.get("kid").and_then(Value::as_str);
    let has_jwk = header.get("jwk").is_some();
    let proof = match kid {
        _ if is_ob2(credential) => true,
        Some(kid) => key_needs_network(kid) && !has_jwk,
        None => !has_jwk,
    };
    let mut needs = credential_needs(credential, proof);
    // A key carried in the token proves integrity; whether it is the
    // issuer's can only be checked online.
    needs.issuer_key = needs.issuer_key || (has_jwk && kid.is_none_or(key_needs_network));
    needs
}

fn embedded_proofs(value: &Value) -> Vec<&Value> {
    match value.get("proof") {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    }
}

fn needs_of(badge: &Badge) -> NetworkNeeds {
    let signed = |value: &Value| {
        let proof = embedded_proofs(value).iter().any(|p| {
            p.get("verificationMethod")
                .and_then(Value::as_str)
                .is_some_and(key_needs_network)
        });
        credential_needs(value, proof)
    };
    match badge {
        Badge::Signed(value) | Badge::Baked(BakedText::Json(value)) => {
            if value.get("proof").is_some() {
                signed(value)
            } else {
                credential_needs(value, true)
            }
        }
        Badge::Jws { header, payload } | Badge::Baked(BakedText::Jws { header, payload }) => {
            jws_needs(header, payload)
        }
        Badge::Baked(BakedText::Url) => NetworkNeeds {
            proof: true,
            issuer_key: true,
            status: true,
        },
        Badge::Baked(BakedText::BrokenJson) => NetworkNeeds::default(),
    }
}

/// The credential a badge holds, if the runner can see it.
fn credential_of(badge: &Badge) -> Option<&Value> {
    match badge {
        Badge::Signed(v) | Badge::Baked(BakedText::Json(v)) => Some(v),
        Badge::Jws { payload, .. } | Badge::Baked(BakedText::Jws { payload, .. }) => {
            Some(payload.get("vc").unwrap_or(payload))
        }
        Badge::Baked(BakedText::Url | BakedText::BrokenJson) => None,
    }
}

// ---------------------------------------------------------------- rules

/// An expectation and the rule that gave it.
#[derive(Debug, Clone)]
struct Expected<T> {
    value: T,
    rule: String,
}

/// What one reference result for one proof means for our `proof` check.
fn proof_rule(one: &str) -> Expected<Status> {
    let (value, rule) = if one.ends_with(":VALID") {
        (Status::Pass, "the reference libraries verified it")
    } else if one.contains(":INVALID Invalid signature.") {
        (Status::Fail, "the signature does not match")
    } else if one.contains(":INVALID Safe mode validation error.") {
        (
            Status::Fail,
            "JSON-LD safe mode: a term or type the contexts do not define",
        )
    } else if one.contains("\"bytes\" must be a 32-byte") {
        (Status::Fail, "the key's bytes are not an Ed25519 key")
    } else if one.contains("\"key\" must be a Multikey") {
        (
            Status::Fail,
            "the verification method is not a Multikey of a DID document",
        )
    } else if one.contains(":INVALID OFFLINE-MISS did:web:") {
        (Status::Skip, "a did:web key: only checkable online")
    } else if one.contains(":INVALID OFFLINE-MISS ") {
        (
            Status::Fail,
            "a key of a scheme or DID method that cannot be looked up at all",
        )
    } else if one.contains(":INVALID Dereferencing a URL") {
        (
            Status::Fail,
            "a JSON-LD context that is not bundled: Badgesmith never fetches contexts",
        )
    } else if one.starts_with("unsupported ") {
        (
            Status::Fail,
            "a proof suite that is not supported: not claimed valid unchecked",
        )
    } else {
        panic!("no rule for the signature check result {one:?}: add one to proof_rule");
    };
    Expected {
        value,
        rule: rule.to_owned(),
    }
}

/// Our single `proof` check covers all the proofs: any failure fails it;
/// else any proof that needs the network makes it `skip`; else `pass`.
fn combine(results: Vec<Expected<Status>>) -> Expected<Status> {
    let pick = |status: Status| results.iter().find(|r| r.value == status).cloned();
    pick(Status::Fail)
        .or_else(|| pick(Status::Skip))
        .or_else(|| pick(Status::Pass))
        .expect("at least one proof result")
}

/// The `@context` URLs of a document that are not bundled.
fn unbundled(value: &Value, bundled: &BTreeSet<String>) -> Vec<String> {
    let contexts: Vec<&str> = match value.get("@context") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    contexts
        .into_iter()
        .filter(|c| !bundled.contains(*c))
        .map(str::to_owned)
        .collect()
}

/// The verdict an `upstream_expected` text gives, if it gives one.
fn verdict_rule(upstream: &str) -> Option<Expected<bool>> {
    let (value, rule) = if upstream.starts_with("VALID") {
        (true, "the source's tests pass it")
    } else if upstream.starts_with("WARNING") {
        (true, "the source's tests pass it with a warning")
    } else if upstream.starts_with("INVALID") {
        (false, "the source's tests reject it")
    } else if upstream
        .split_once(" error")
        .is_some_and(|(n, _)| n.parse::<u32>().is_ok_and(|n| n > 0))
    {
        (false, "the source's tests report an error")
    } else {
        // "(unsigned)", "(no test…)", "(test disabled…)", a finding without a verdict.
        return None;
    };
    Some(Expected {
        value,
        rule: rule.to_owned(),
    })
}

/// Why an upstream verdict cannot be compared offline, if it cannot.
///
/// The verdict of the source's tests often needs the network (revocation
/// lists, hosted OB 2.0 copies, OB 2.0 keys, schemas fetched by URL): where
/// the text or the file's content says so, only `online.rs` can compare it.
/// Dates: every run checks them at [`AT`], so the outcome is stable; a
/// verdict that was VALID upstream but that a date at `AT` would now reject
/// (or not yet accept) is not compared, as it was made on another day.
fn not_comparable(
    upstream: &str,
    needs: &NetworkNeeds,
    credential: Option<&Value>,
) -> Option<&'static str> {
    if upstream.contains("network") || upstream.contains("revoked") {
        return Some("the source's verdict needed the network");
    }
    if needs.proof || needs.status {
        return Some("the file's proof or status can only be checked online");
    }
    let at = AT;
    let date = |key: &str| credential.and_then(|c| c.get(key)).and_then(Value::as_str);
    if upstream.starts_with("VALID") || upstream.starts_with("WARNING") {
        let expired = ["validUntil", "expirationDate"]
            .iter()
            .filter_map(|k| date(k))
            .any(|d| d < at);
        let future = ["validFrom", "issuanceDate"]
            .iter()
            .filter_map(|k| date(k))
            .any(|d| d > at);
        if expired || future {
            return Some("the source's verdict was for another day");
        }
    }
    None
}

// ---------------------------------------------------------------- divergences

/// A deliberate, reviewed disagreement with a source.
#[derive(Debug)]
struct Divergence {
    /// The file, under `tests/fixtures/vectors/`.
    file: &'static str,
    /// `proof` (against the signature check) or `valid` (against the
    /// source's own verdict).
    aspect: &'static str,
    /// What the source expects, as the runner derives it.
    expected: &'static str,
    /// What Badgesmith says.
    ours: &'static str,
    /// Who expects it and why we differ.
    reason: &'static str,
}

/// Every place Badgesmith deliberately disagrees with a source.
const DIVERGENCES: &[Divergence] = &[
    Divergence {
        file: "1edtech-validator/ob30/simple-did-key-method.json",
        aspect: "proof",
        expected: "fail",
        ours: "pass",
        reason: "digitalbazaar wants the verification method to be a Multikey entry of a DID document (`did:key:z6Mk…#z6Mk…`); the proof names the bare `did:key:z6Mk…`, which still names its key unambiguously, so the signature is checked and holds. The signer is judged by the issuer-key check instead (next row).",
    },
    Divergence {
        file: "1edtech-validator/ob30/simple-did-key-method.json",
        aspect: "valid",
        expected: "valid",
        ours: "invalid",
        reason: "The 1EdTech validator accepts a did:key signer for an issuer whose id is a urn:uuid. Nothing ties that key to that issuer, so issuer-key fails: anyone with any key could have signed it.",
    },
    Divergence {
        file: "1edtech-validator/ob30/sd/derivedcredential.json",
        aspect: "valid",
        expected: "valid",
        ours: "invalid",
        reason: "ecdsa-sd-2023 (selective disclosure) is not implemented: the proof fails as one Badgesmith cannot check, rather than the badge being called valid with its signature unchecked.",
    },
    Divergence {
        file: "1edtech-validator/ob30/simple-eddsa-2022.json",
        aspect: "valid",
        expected: "valid",
        ours: "invalid",
        reason: "eddsa-2022 is a pre-standard name of the suite (now eddsa-rdfc-2022) with its own draft rules; the 1EdTech validator passes it with a deprecation warning. Badgesmith does not check it, so it fails the proof rather than claim a validity it did not check.",
    },
    Divergence {
        file: "w3c-vc-di-eddsa/proof-set-chain/signedProofChain1.json",
        aspect: "proof",
        expected: "fail",
        ours: "pass",
        reason: "A proof chain: the last proof signs the document together with the proof its previousProof names (VC Data Integrity 1.0, 4.3). The reference libraries verify every proof against the bare document, so the chained proof fails there; Badgesmith follows previousProof and all proofs hold, as the W3C vector intends.",
    },
    Divergence {
        file: "w3c-vc-di-eddsa/proof-set-chain/signedProofChain2.json",
        aspect: "proof",
        expected: "fail",
        ours: "pass",
        reason: "As signedProofChain1.json, with two chained proofs.",
    },
];

// ---------------------------------------------------------------- the runner

/// One comparison that did not agree.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Disagreement {
    file: String,
    aspect: &'static str,
    expected: String,
    ours: String,
    detail: String,
}

#[derive(Debug, Default)]
struct Tally {
    files: usize,
    proof_compared: usize,
    verdicts_compared: usize,
    global_only: usize,
    context_rule: Vec<String>,
    skipped: BTreeMap<String, Vec<String>>,
    not_compared: Vec<(String, &'static str)>,
}

#[test]
fn every_signed_or_baked_vector_agrees_with_the_manifest() {
    let bundled = bundled_contexts();
    let mut tally = Tally::default();
    let mut problems: Vec<String> = Vec::new();
    let mut disagreements: Vec<Disagreement> = Vec::new();
    let mut lines: Vec<String> = Vec::new();

    for entry in manifest() {
        let path = vectors().join(&entry.path);
        let Ok(bytes) = std::fs::read(&path) else {
            tally
                .skipped
                .entry("not in this directory: a bundled JSON-LD context (crates/credential/contexts/)".into())
                .or_default()
                .push(entry.path.clone());
            continue;
        };
        let badge = match select(&bytes) {
            Ok(b) => b,
            Err(why) => {
                if entry.signature_check.is_some() {
                    problems.push(format!(
                        "{}: has a signature check in the manifest but was not selected ({why})",
                        entry.path
                    ));
                }
                tally
                    .skipped
                    .entry(why)
                    .or_default()
                    .push(entry.path.clone());
                continue;
            }
        };
        tally.files += 1;
        let outcome = match run_verify(&path) {
            Ok(o) => o,
            Err(e) => {
                problems.push(format!("{}: {e}", entry.path));
                continue;
            }
        };
        let file = entry.path.as_str();
        let mut compared = false;
        let mut file_disagrees = Vec::new();

        // Unreadable by content: a baked body that looks like JSON but is not.
        if matches!(badge, Badge::Baked(BakedText::BrokenJson)) {
            if outcome.code != 2 || outcome.stderr.trim().lines().count() != 1 {
                problems.push(format!(
                    "{file}: its baked body is broken JSON, so exit 2 with one line on stderr was expected; got {} and {:?}",
                    outcome.code, outcome.stderr
                ));
            }
            lines.push(format!("  unreadable (as expected)       {file}"));
            tally.global_only += 1;
            continue;
        }
        if outcome.code == 2 {
            problems.push(format!("{file}: unreadable: {}", outcome.stderr.trim()));
            continue;
        }

        // Global: a step that needs the network is never `pass` offline.
        let needs = needs_of(&badge);
        for (id, needed) in [
            ("proof", needs.proof),
            ("issuer-key", needs.issuer_key),
            ("status", needs.status),
        ] {
            if needed && outcome.check(id) == Some(Status::Pass) {
                problems.push(format!(
                    "{file}: `{id}` needs the network but passed offline: {}",
                    outcome.message(id)
                ));
            }
        }
        for (id, status, message) in &outcome.checks {
            if *status == Status::Pass && message.contains("online") {
                problems.push(format!("{file}: `{id}` passed with {message:?}"));
            }
        }

        // The proof, against the reference libraries' signature check.
        let ours_proof = match (outcome.check("proof"), outcome.check("parse")) {
            (Some(s), _) => s.name(),
            // Refused before any proof was looked at: the proof is not trusted.
            (None, Some(Status::Fail)) => "fail",
            (None, _) => "none",
        };
        if let (Some(sig), Badge::Signed(doc)) = (&entry.signature_check, &badge) {
            let mut expected = combine(sig.split(" | ").map(proof_rule).collect());
            let unknown = unbundled(doc, &bundled);
            let canonicalized = embedded_proofs(doc)
                .iter()
                .any(|p| p.get("cryptosuite").and_then(Value::as_str) != Some("eddsa-jcs-2022"));
            if expected.rule.contains("not bundled") && unknown.is_empty() {
                problems.push(format!(
                    "{file}: the signature check could not load a context, but every context it names is bundled"
                ));
            }
            if !unknown.is_empty() && canonicalized {
                if expected.value != Status::Fail {
                    tally
                        .context_rule
                        .push(format!("{file} ({} → fail)", expected.value.name()));
                }
                expected = Expected {
                    value: Status::Fail,
                    rule: format!(
                        "it names the JSON-LD context {}, which is not bundled: Badgesmith never fetches contexts, so the proof cannot be checked, offline or online",
                        unknown.join(", ")
                    ),
                };
                if ours_proof == "fail"
                    && !unknown
                        .iter()
                        .any(|u| outcome.message("proof").contains(u.as_str()))
                {
                    problems.push(format!(
                        "{file}: the proof fails, but its message does not name the unbundled context: {}",
                        outcome.message("proof")
                    ));
                }
            }
            tally.proof_compared += 1;
            compared = true;
            if ours_proof != expected.value.name() {
                file_disagrees.push(Disagreement {
                    file: file.to_owned(),
                    aspect: "proof",
                    expected: expected.value.name().to_owned(),
                    ours: ours_proof.to_owned(),
                    detail: format!(
                        "signature check {sig:?} ⇒ {} ({}); ours: {}",
                        expected.value.name(),
                        expected.rule,
                        outcome.message("proof")
                    ),
                });
            }
        }

        // The whole verdict, against the source's own tests.
        if let Some(upstream) = &entry.upstream
            && let Some(verdict) = verdict_rule(upstream)
        {
            match not_comparable(upstream, &needs, credential_of(&badge)) {
                Some(why) => tally.not_compared.push((file.to_owned(), why)),
                None => {
                    tally.verdicts_compared += 1;
                    compared = true;
                    let name = |v: bool| if v { "valid" } else { "invalid" };
                    let ours = outcome.valid.unwrap_or(false);
                    if ours != verdict.value {
                        let failing: Vec<String> = outcome
                            .checks
                            .iter()
                            .filter(|(_, s, _)| *s == Status::Fail)
                            .map(|(id, _, m)| format!("{id}: {m}"))
                            .collect();
                        file_disagrees.push(Disagreement {
                            file: file.to_owned(),
                            aspect: "valid",
                            expected: name(verdict.value).to_owned(),
                            ours: name(ours).to_owned(),
                            detail: format!(
                                "upstream {upstream:?} ⇒ {} ({}); ours: {}",
                                name(verdict.value),
                                verdict.rule,
                                if failing.is_empty() {
                                    "nothing failed".to_owned()
                                } else {
                                    failing.join("; ")
                                }
                            ),
                        });
                    }
                }
            }
        }

        if !compared {
            tally.global_only += 1;
        }
        let summary: Vec<String> = outcome
            .checks
            .iter()
            .map(|(id, s, _)| format!("{id}={}", s.name()))
            .collect();
        let verdict = if outcome.valid == Some(true) {
            "valid  "
        } else {
            "invalid"
        };
        let mark = if !file_disagrees.is_empty() {
            "diverges"
        } else if compared {
            "agrees  "
        } else {
            "global  "
        };
        lines.push(format!(
            "  {mark} {verdict} {:<60} {file}",
            summary.join(" ")
        ));
        disagreements.extend(file_disagrees);
    }

    // Every disagreement must be documented, and every documented one real.
    let mut undocumented = Vec::new();
    let mut used = vec![false; DIVERGENCES.len()];
    for d in &disagreements {
        match DIVERGENCES.iter().position(|row| {
            row.file == d.file
                && row.aspect == d.aspect
                && row.expected == d.expected
                && row.ours == d.ours
        }) {
            Some(i) => used[i] = true,
            None => undocumented.push(d),
        }
    }
    for (row, used) in DIVERGENCES.iter().zip(&used) {
        if !*used {
            problems.push(format!(
                "{}: the documented divergence on `{}` (source {}, ours {}) no longer happens: remove it from DIVERGENCES",
                row.file, row.aspect, row.expected, row.ours
            ));
        }
    }
    for d in &undocumented {
        problems.push(format!(
            "{}: undocumented disagreement on `{}`: expected {}, ours {} — {}",
            d.file, d.aspect, d.expected, d.ours, d.detail
        ));
    }

    println!("Verified offline at {AT}:");
    for line in &lines {
        println!("{line}");
    }
    println!("\nDocumented divergences:");
    for row in DIVERGENCES {
        println!(
            "  {} [{}] source: {}, ours: {} — {}",
            row.file, row.aspect, row.expected, row.ours, row.reason
        );
    }
    if !tally.context_rule.is_empty() {
        println!("\nProof expectation set by the unbundled-context rule over the signature check:");
        for f in &tally.context_rule {
            println!("  {f}");
        }
    }
    println!("\nUpstream verdicts not compared offline:");
    for (f, why) in &tally.not_compared {
        println!("  {f}: {why}");
    }
    println!("\nNot verified:");
    for (why, files) in &tally.skipped {
        println!("  {} file(s): {why}", files.len());
        for f in files {
            println!("    {f}");
        }
    }
    let divergent_files: BTreeSet<&str> = disagreements.iter().map(|d| d.file.as_str()).collect();
    let troubled_files: BTreeSet<&str> = problems
        .iter()
        .filter_map(|p| p.split_once(": ").map(|(f, _)| f))
        .chain(divergent_files.iter().copied())
        .collect();
    let skipped: usize = tally.skipped.values().map(Vec::len).sum();
    println!(
        "\nconformance: {} files, {} agree, {} documented divergences (in {} files); {} proof and {} verdict comparisons, {} files on the global checks only; {} files not verified",
        tally.files,
        tally.files.saturating_sub(troubled_files.len()),
        disagreements.len() - undocumented.len(),
        divergent_files.len(),
        tally.proof_compared,
        tally.verdicts_compared,
        tally.global_only,
        skipped,
    );
    assert!(tally.files > 100, "too few files selected: {}", tally.files);
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_rules_read_the_manifest_texts() {
    assert_eq!(proof_rule("eddsa-rdfc-2022:VALID").value, Status::Pass);
    assert_eq!(
        proof_rule("Ed25519Signature2020:INVALID OFFLINE-MISS did:web:example.com#z6Mk").value,
        Status::Skip
    );
    assert_eq!(
        proof_rule("eddsa-rdfc-2022:INVALID OFFLINE-MISS did:example:z6Mk").value,
        Status::Fail
    );
    let set = combine(
        "eddsa-rdfc-2022:VALID | Ed25519Signature2020:INVALID OFFLINE-MISS did:web:a | eddsa-rdfc-2022:INVALID Invalid signature."
            .split(" | ")
            .map(proof_rule)
            .collect(),
    );
    assert_eq!(set.value, Status::Fail);
    assert!(verdict_rule("VALID (x)").unwrap().value);
    assert!(verdict_rule("WARNING").unwrap().value);
    assert!(!verdict_rule("INVALID (fatal)").unwrap().value);
    assert!(
        !verdict_rule("1 error (JsonLDValidationProbe)")
            .unwrap()
            .value
    );
    assert!(verdict_rule("(unsigned)").is_none());
    assert!(verdict_rule("ContextPropertyProbe finding").is_none());
}
