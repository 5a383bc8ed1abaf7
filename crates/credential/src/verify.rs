//! The verification pipeline: parse → schema → proof → issuer-key → dates →
//! status → recipient, each check with its stable id and a plain sentence.
//!
//! Offline by default: a step that needs the network is reported `skip`,
//! never `pass`. With a [`Fetcher`], did:web keys, hosted OB 2.0 assertions,
//! OB 2.0 signing keys and status lists are looked up.

use serde_json::Value;
use time::OffsetDateTime;

use crate::di::{self, ProofError};
use crate::did::{self, DidError};
use crate::jose::{self, Jws, PublicKey};
use crate::report::{
    AchievementSummary, Check, CheckId, CheckStatus, Format, IssuerSummary, Report,
};
use crate::{Fetcher, recipient, schema, status};

/// How to verify.
#[derive(Clone, Copy)]
pub struct VerifyOptions<'a> {
    /// The moment the dates are checked against (usually now).
    pub at: OffsetDateTime,
    /// The network, when the user allows it; `None` verifies offline.
    pub fetcher: Option<&'a dyn Fetcher>,
    /// An e-mail address, URL or DID to check "is this badge mine?" against.
    pub recipient: Option<&'a str>,
    /// Status lists kept on this machine (files the user gave, or lists this
    /// app published), by URL: consulted before the network, and used even
    /// offline.
    pub local_status: Option<&'a dyn Fetcher>,
}

impl std::fmt::Debug for VerifyOptions<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VerifyOptions")
            .field("at", &self.at)
            .field("online", &self.fetcher.is_some())
            .field("recipient", &self.recipient)
            .field("local_status", &self.local_status.is_some())
            .finish()
    }
}

/// Collects checks, in order.
#[derive(Debug, Default)]
struct Checks(Vec<Check>);

impl Checks {
    fn add(&mut self, id: CheckId, status: CheckStatus, message: impl Into<String>) {
        self.0.push(Check {
            id,
            status,
            message: message.into(),
        });
    }
    fn pass(&mut self, id: CheckId, message: impl Into<String>) {
        self.add(id, CheckStatus::Pass, message);
    }
    fn fail(&mut self, id: CheckId, message: impl Into<String>) {
        self.add(id, CheckStatus::Fail, message);
    }
    fn warn(&mut self, id: CheckId, message: impl Into<String>) {
        self.add(id, CheckStatus::Warn, message);
    }
    fn skip(&mut self, id: CheckId, message: impl Into<String>) {
        self.add(id, CheckStatus::Skip, message);
    }
}

/// Verifies a badge given as text: a JSON credential or assertion, a compact
/// JWS (VC-JWT or OB 2.0 signed assertion), or the URL of a hosted assertion.
pub fn verify_text(text: &str, options: &VerifyOptions<'_>) -> Report {
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.starts_with('{') {
        return match serde_json::from_str::<Value>(trimmed) {
            Ok(value) => verify_json(&value, options),
            Err(e) => unreadable(
                Format::Ob3Json,
                format!("The badge is not valid JSON ({e})."),
            ),
        };
    }
    if trimmed.starts_with("http://") || trimmed.starts_with("https://") {
        return verify_hosted_url(trimmed, options);
    }
    if trimmed.split('.').count() == 3 && !trimmed.contains(char::is_whitespace) {
        return verify_jws(trimmed, options);
    }
    unreadable(
        Format::Ob3Json,
        "The badge is neither JSON, a signed token (JWS) nor a web address.".into(),
    )
}

/// A report for a badge that could not even be parsed.
fn unreadable(format: Format, message: String) -> Report {
    let mut checks = Checks::default();
    checks.fail(CheckId::Parse, message);
    finish(format, checks, None)
}

fn finish(format: Format, checks: Checks, summary: Option<Summary>) -> Report {
    let checks = checks.0;
    let valid = !checks.iter().any(|c| c.status == CheckStatus::Fail);
    let summary = summary.unwrap_or_default();
    Report {
        valid,
        format,
        checks,
        issuer: summary.issuer,
        achievement: summary.achievement,
        valid_from: summary.valid_from,
        valid_until: summary.valid_until,
    }
}

/// What the report shows about the badge besides its checks.
#[derive(Debug, Default)]
struct Summary {
    issuer: Option<IssuerSummary>,
    achievement: Option<AchievementSummary>,
    valid_from: Option<String>,
    valid_until: Option<String>,
}

/// Which Open Badges version a JSON document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Ob3 { v1: bool },
    Ob2,
    Ob1,
}

fn contexts(value: &Value) -> Vec<&str> {
    match value.get("@context") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn types(value: &Value) -> Vec<&str> {
    match value.get("type").or_else(|| value.get("@type")) {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn kind_of(value: &Value) -> Option<Kind> {
    let ctx = contexts(value);
    if ctx.contains(&"https://www.w3.org/ns/credentials/v2") {
        return Some(Kind::Ob3 { v1: false });
    }
    if ctx.contains(&"https://www.w3.org/2018/credentials/v1") {
        return Some(Kind::Ob3 { v1: true });
    }
    if ctx
        .iter()
        .any(|c| c.starts_with("https://w3id.org/openbadges/v2"))
        || types(value).contains(&"Assertion")
    {
        return Some(Kind::Ob2);
    }
    if value.get("@context").is_none()
        && value.get("recipient").is_some()
        && value.get("badge").is_some()
    {
        return Some(Kind::Ob1);
    }
    if ctx.iter().any(|c| c.contains("openbadges")) {
        return Some(Kind::Ob2);
    }
    None
}

/// Verifies a parsed JSON badge.
pub fn verify_json(value: &Value, options: &VerifyOptions<'_>) -> Report {
    match kind_of(value) {
        Some(Kind::Ob3 { v1 }) => verify_ob3(value, None, v1, Format::Ob3Json, options),
        Some(Kind::Ob2) => verify_ob2(value, None, Format::Ob2Json, options),
        Some(Kind::Ob1) => verify_ob1(value, options),
        None => unreadable(
            Format::Ob3Json,
            "This JSON is not an Open Badge: it has neither a Verifiable Credential nor an Open Badges context.".into(),
        ),
    }
}

// ---------------------------------------------------------------- OB 3.0

fn text_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        // A language map: prefer English, else the first entry.
        Value::Object(map) => map
            .get("en")
            .or_else(|| map.values().next())
            .and_then(Value::as_str)
            .map(str::to_owned),
        _ => None,
    }
}

fn issuer_of(credential: &Value) -> Option<IssuerSummary> {
    match credential.get("issuer")? {
        Value::String(id) => Some(IssuerSummary {
            id: Some(id.clone()),
            name: None,
        }),
        issuer @ Value::Object(_) => Some(IssuerSummary {
            id: issuer.get("id").and_then(Value::as_str).map(str::to_owned),
            name: text_of(issuer.get("name")),
        }),
        _ => None,
    }
}

fn first_subject(credential: &Value) -> Option<&Value> {
    match credential.get("credentialSubject")? {
        Value::Array(items) => items.first(),
        one => Some(one),
    }
}

fn ob3_summary(credential: &Value, v1: bool) -> Summary {
    let achievement = first_subject(credential)
        .and_then(|s| s.get("achievement"))
        .map(|a| AchievementSummary {
            name: text_of(a.get("name")),
        })
        .or_else(|| {
            text_of(credential.get("name")).map(|name| AchievementSummary { name: Some(name) })
        });
    let (from, until) = if v1 {
        ("issuanceDate", "expirationDate")
    } else {
        ("validFrom", "validUntil")
    };
    Summary {
        issuer: issuer_of(credential),
        achievement,
        valid_from: credential
            .get(from)
            .and_then(Value::as_str)
            .map(str::to_owned),
        valid_until: credential
            .get(until)
            .and_then(Value::as_str)
            .map(str::to_owned),
    }
}

/// The signer learnt from the proof check, for the issuer-key check.
#[derive(Debug)]
enum Signer {
    /// Verified: this key, controlled by this party, signed for this purpose.
    Verified {
        controller: String,
        purpose: Option<String>,
    },
    /// The key came from the token itself (a `jwk` header): it proves
    /// integrity, not who signed.
    SelfAsserted,
    /// The proof check did not verify anything.
    Unknown,
}

/// JWT claims that sit beside a VCDM 1.1 `vc` claim.
#[derive(Debug, Default)]
struct JwtClaims {
    iss: Option<String>,
    nbf: Option<i64>,
    exp: Option<i64>,
}

fn verify_ob3(
    credential: &Value,
    jws: Option<(&Jws, JwtClaims)>,
    v1: bool,
    format: Format,
    options: &VerifyOptions<'_>,
) -> Report {
    let mut checks = Checks::default();
    let summary = ob3_summary(credential, v1);
    let kinds = types(credential);
    let badge = kinds.iter().any(|t| {
        matches!(
            *t,
            "OpenBadgeCredential" | "AchievementCredential" | "EndorsementCredential"
        )
    });
    if badge {
        let kind = if kinds.contains(&"EndorsementCredential") {
            "an Open Badges 3.0 endorsement"
        } else {
            "an Open Badges 3.0 credential"
        };
        if v1 {
            checks.warn(
                CheckId::Parse,
                format!("This is {kind} in the older Verifiable Credentials 1.1 form."),
            );
        } else {
            checks.pass(CheckId::Parse, format!("This is {kind}."));
        }
        schema_check(&mut checks, schema::ob3_problems(credential));
    } else {
        // Another kind of verifiable credential (a status list, a diploma…):
        // checked as a credential, with a word that it is not a badge.
        let named = kinds
            .iter()
            .find(|t| **t != "VerifiableCredential")
            .map(|t| format!(" ({t})"))
            .unwrap_or_default();
        checks.warn(
            CheckId::Parse,
            format!("This is a verifiable credential{named}, but not an Open Badge."),
        );
        schema_check(&mut checks, vc_problems(credential, v1));
    }

    let signer = match &jws {
        Some((token, _)) => jwt_proof(&mut checks, token, options),
        None => embedded_proof(&mut checks, credential, options),
    };

    let issuer_id = issuer_of(credential).and_then(|i| i.id);
    issuer_key_check(
        &mut checks,
        &signer,
        issuer_id.as_deref(),
        jws.as_ref().and_then(|(_, c)| c.iss.as_deref()),
    );

    let (from_key, until_key) = if v1 {
        ("issuanceDate", "expirationDate")
    } else {
        ("validFrom", "validUntil")
    };
    let mut from = date_field(credential, from_key);
    let mut until = date_field(credential, until_key);
    if let Some((_, claims)) = &jws {
        if from.is_none() {
            from = claims
                .nbf
                .and_then(|t| OffsetDateTime::from_unix_timestamp(t).ok())
                .map(|d| (fmt_date(d), Some(d)));
        }
        if until.is_none() {
            until = claims
                .exp
                .and_then(|t| OffsetDateTime::from_unix_timestamp(t).ok())
                .map(|d| (fmt_date(d), Some(d)));
        }
    }
    dates_check(&mut checks, from, until, options.at, from_key);

    status_check(&mut checks, credential, options);
    recipient_check_ob3(&mut checks, credential, options.recipient);
    finish(format, checks, Some(summary))
}

/// What a verifiable credential of any kind must have.
fn vc_problems(credential: &Value, v1: bool) -> Vec<schema::Problem> {
    let mut problems = Vec::new();
    let mut missing = |path: &str, message: String| {
        problems.push(schema::Problem {
            path: path.to_owned(),
            message,
        });
    };
    if !types(credential).contains(&"VerifiableCredential") {
        missing(
            "type",
            "type does not include \"VerifiableCredential\"".into(),
        );
    }
    if issuer_of(credential).and_then(|i| i.id).is_none() {
        missing("issuer", "issuer is missing or has no id".into());
    }
    if credential.get("credentialSubject").is_none() {
        missing("credentialSubject", "credentialSubject is missing".into());
    }
    let from = if v1 { "issuanceDate" } else { "validFrom" };
    if v1 && credential.get(from).is_none() {
        missing(from, format!("{from} is missing"));
    }
    for key in [from, if v1 { "expirationDate" } else { "validUntil" }] {
        if let Some(text) = credential.get(key).and_then(Value::as_str)
            && schema::parse_datetime(text).is_none()
        {
            missing(key, format!("{key} \"{text}\" is not a date-time"));
        }
    }
    problems
}

fn schema_check(checks: &mut Checks, problems: Vec<schema::Problem>) {
    match problems.as_slice() {
        [] => checks.pass(
            CheckId::Schema,
            "All the information the standard requires is there.",
        ),
        [one] => checks.fail(
            CheckId::Schema,
            format!("The badge is incomplete: {}.", one.message),
        ),
        [first, rest @ ..] => checks.fail(
            CheckId::Schema,
            format!(
                "The badge is incomplete: {} (and {} more problem{}).",
                first.message,
                rest.len(),
                if rest.len() == 1 { "" } else { "s" }
            ),
        ),
    }
}

fn embedded_proof(checks: &mut Checks, credential: &Value, options: &VerifyOptions<'_>) -> Signer {
    let proofs = di::proofs(credential);
    if proofs.is_empty() {
        checks.fail(
            CheckId::Proof,
            "The badge is not signed, so anyone could have written it.",
        );
        return Signer::Unknown;
    }
    let mut verified = Vec::new();
    // A proof whose key is only online does not stop the others from being
    // checked: one that is demonstrably broken fails the badge even offline.
    let mut offline_key = None;
    for proof in &proofs {
        match di::verify(credential, proof, options.fetcher) {
            Ok(v) => verified.push(v),
            Err(ProofError::Key(DidError::NeedsNetwork(vm))) => {
                offline_key.get_or_insert(vm);
            }
            Err(e) => {
                checks.fail(CheckId::Proof, proof_failure(&e));
                return Signer::Unknown;
            }
        }
    }
    if let Some(vm) = offline_key {
        checks.skip(
            CheckId::Proof,
            format!("The signing key {vm} can only be looked up online; verify online to check the signature."),
        );
        return Signer::Unknown;
    }
    let names: Vec<&str> = verified.iter().map(|v| v.suite.name()).collect();
    let first = verified.into_iter().next();
    let Some(first) = first else {
        checks.fail(
            CheckId::Proof,
            "The badge carries no proof Badgesmith can check.",
        );
        return Signer::Unknown;
    };
    checks.pass(
        CheckId::Proof,
        if names.len() == 1 {
            format!(
                "The signature ({}) is intact: nothing was changed since it was signed.",
                first.suite.name()
            )
        } else {
            format!(
                "All {} signatures ({}) are intact: nothing was changed since signing.",
                names.len(),
                names.join(", ")
            )
        },
    );
    Signer::Verified {
        controller: first.signer.controller,
        purpose: first.purpose,
    }
}

fn proof_failure(e: &ProofError) -> String {
    match e {
        ProofError::BadSignature => {
            "The signature does not match: the badge was changed after it was signed, or signed with another key.".into()
        }
        ProofError::JsonLd(crate::jsonld::JsonLdError::UnknownContext(url)) => format!(
            "The signature cannot be checked: the badge uses the JSON-LD context {url}, which Badgesmith does not know."
        ),
        ProofError::JsonLd(j) => format!("The signature cannot be trusted: {j}, so part of the badge would not be covered by it."),
        ProofError::UnsupportedSuite(s) => {
            format!("The badge is signed with \"{s}\", a kind of signature Badgesmith cannot check.")
        }
        other => format!("The signature cannot be checked: {other}."),
    }
}

/// The key a JWS `kid` names, with its controller: did:key and the 1EdTech
/// `https://issuer#z6Mk…` form offline, did:jwk offline, did:web and other
/// `https://` keys (any key type) through the fetcher.
fn kid_key(kid: &str, fetcher: Option<&dyn Fetcher>) -> Result<(PublicKey, String), DidError> {
    let not_a_key = |_| DidError::NotAKey(kid.to_owned());
    if let Some(rest) = kid.strip_prefix("did:jwk:") {
        use base64::Engine as _;
        let did = rest.split('#').next().unwrap_or(rest);
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(did.trim_end_matches('='))
            .map_err(|_| DidError::NotAKey(kid.to_owned()))?;
        let jwk: Value =
            serde_json::from_slice(&bytes).map_err(|_| DidError::NotAKey(kid.to_owned()))?;
        let key = PublicKey::from_jwk(&jwk).map_err(not_a_key)?;
        return Ok((key, format!("did:jwk:{did}")));
    }
    match did::resolve_verification_method(kid, fetcher) {
        Ok(resolved) => {
            let key = PublicKey::from_ed25519_bytes(resolved.key.as_bytes()).map_err(not_a_key)?;
            Ok((key, resolved.controller))
        }
        // A did:web / https key that is not Ed25519 (RSA, P-256): use its JWK.
        Err(DidError::NotEd25519(_)) => {
            let fetcher = fetcher.ok_or_else(|| DidError::NeedsNetwork(kid.to_owned()))?;
            let (method, controller) = did::find_method(kid, fetcher)?;
            let jwk = method
                .get("publicKeyJwk")
                .ok_or_else(|| DidError::NotAKey(kid.to_owned()))?;
            Ok((PublicKey::from_jwk(jwk).map_err(not_a_key)?, controller))
        }
        Err(e) => Err(e),
    }
}

fn jwt_proof(checks: &mut Checks, token: &Jws, options: &VerifyOptions<'_>) -> Signer {
    let intact = |token: &Jws| {
        format!(
            "The signature ({}) is intact: nothing was changed since it was signed.",
            token.alg().unwrap_or("JWS")
        )
    };
    // The key: from a `kid` that resolves, else from a `jwk` in the header.
    if let Some(kid) = token.kid() {
        match kid_key(kid, options.fetcher) {
            Ok((key, controller)) => {
                return match jose::verify(token, &key) {
                    Ok(()) => {
                        checks.pass(CheckId::Proof, intact(token));
                        Signer::Verified {
                            controller,
                            purpose: None,
                        }
                    }
                    Err(e) => {
                        checks.fail(CheckId::Proof, jose_failure(&e));
                        Signer::Unknown
                    }
                };
            }
            Err(_) if token.jwk().is_some() => {}
            Err(DidError::NeedsNetwork(_)) => {
                checks.skip(
                    CheckId::Proof,
                    format!("The signing key {kid} can only be looked up online; verify online to check the signature."),
                );
                return Signer::Unknown;
            }
            Err(DidError::Unsupported(_)) => {
                checks.fail(
                    CheckId::Proof,
                    format!("The signing key {kid} uses a kind of identifier Badgesmith cannot look up, so the signature cannot be checked."),
                );
                return Signer::Unknown;
            }
            Err(e) => {
                checks.fail(
                    CheckId::Proof,
                    format!("The signature cannot be checked: {e}."),
                );
                return Signer::Unknown;
            }
        }
    }
    if let Some(jwk) = token.jwk() {
        let key = match PublicKey::from_jwk(jwk) {
            Ok(k) => k,
            Err(e) => {
                checks.fail(
                    CheckId::Proof,
                    format!("The key in the token's header cannot be used: {e}."),
                );
                return Signer::Unknown;
            }
        };
        return match jose::verify(token, &key) {
            Ok(()) => {
                checks.pass(
                    CheckId::Proof,
                    format!(
                        "The signature ({}) is intact: nothing was changed since it was signed.",
                        token.alg().unwrap_or("JWS")
                    ),
                );
                Signer::SelfAsserted
            }
            Err(e) => {
                checks.fail(CheckId::Proof, jose_failure(&e));
                Signer::Unknown
            }
        };
    }
    checks.skip(
        CheckId::Proof,
        "The token names no key; the issuer's published key can only be looked up online.",
    );
    Signer::Unknown
}

fn jose_failure(e: &jose::JoseError) -> String {
    let text = e.to_string();
    let mut chars = text.chars();
    let sentence = match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
        None => text,
    };
    if sentence.ends_with('.') {
        sentence
    } else {
        format!("{sentence}.")
    }
}

fn issuer_key_check(
    checks: &mut Checks,
    signer: &Signer,
    issuer: Option<&str>,
    jwt_iss: Option<&str>,
) {
    if let (Some(iss), Some(issuer)) = (jwt_iss, issuer)
        && iss != issuer
    {
        checks.fail(
            CheckId::IssuerKey,
            format!(
                "The token says it was issued by {iss}, but the badge names {issuer} as its issuer."
            ),
        );
        return;
    }
    match signer {
        Signer::Verified { controller, purpose } => {
            if let Some(p) = purpose
                && p != "assertionMethod" {
                    checks.fail(CheckId::IssuerKey, format!("The key was used for \"{p}\", not to issue credentials (assertionMethod)."));
                    return;
                }
            match issuer {
                Some(issuer) if issuer == controller => {
                    checks.pass(CheckId::IssuerKey, format!("Signed by the issuer it names, {issuer}."))
                }
                Some(issuer) => checks.fail(
                    CheckId::IssuerKey,
                    format!("Signed by {controller}, but the badge names {issuer} as its issuer."),
                ),
                None => checks.fail(
                    CheckId::IssuerKey,
                    format!("Signed by {controller}, but the badge names no issuer to compare with."),
                ),
            }
        }
        Signer::SelfAsserted => checks.skip(
            CheckId::IssuerKey,
            "The key that signed is carried in the badge itself; whether it belongs to the issuer can only be checked online.",
        ),
        Signer::Unknown => checks.skip(
            CheckId::IssuerKey,
            "The signature was not verified, so neither was whose key made it.",
        ),
    }
}

// ---------------------------------------------------------------- dates

fn fmt_date(d: OffsetDateTime) -> String {
    d.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// A date field: its text, and its value when it parses.
fn date_field(value: &Value, key: &str) -> Option<(String, Option<OffsetDateTime>)> {
    match value.get(key)? {
        Value::String(s) => Some((s.clone(), schema::parse_datetime(s))),
        Value::Number(n) => {
            let t = n.as_i64()?;
            Some((t.to_string(), OffsetDateTime::from_unix_timestamp(t).ok()))
        }
        _ => None,
    }
}

fn dates_check(
    checks: &mut Checks,
    from: Option<(String, Option<OffsetDateTime>)>,
    until: Option<(String, Option<OffsetDateTime>)>,
    at: OffsetDateTime,
    from_name: &str,
) {
    for (text, parsed) in [&from, &until].into_iter().flatten() {
        if parsed.is_none() {
            checks.fail(
                CheckId::Dates,
                format!("The date \"{text}\" cannot be read."),
            );
            return;
        }
    }
    let from = from.and_then(|(t, p)| p.map(|p| (t, p)));
    let until = until.and_then(|(t, p)| p.map(|p| (t, p)));
    if let (Some((_, f)), Some((u_text, u))) = (&from, &until)
        && u < f
    {
        checks.fail(
            CheckId::Dates,
            format!("It expires ({u_text}) before it becomes valid."),
        );
        return;
    }
    if let Some((text, f)) = &from
        && *f > at
    {
        checks.fail(
            CheckId::Dates,
            format!("It is not valid yet: it becomes valid on {text}."),
        );
        return;
    }
    if let Some((text, u)) = &until
        && *u <= at
    {
        checks.fail(CheckId::Dates, format!("It expired on {text}."));
        return;
    }
    match (&from, &until) {
        (Some((f, _)), Some((u, _))) => {
            checks.pass(CheckId::Dates, format!("Valid from {f} until {u}."))
        }
        (Some((f, _)), None) => checks.pass(
            CheckId::Dates,
            format!("Valid since {f}, with no expiry date."),
        ),
        (None, Some((u, _))) => checks.pass(CheckId::Dates, format!("Valid until {u}.")),
        (None, None) => checks.warn(CheckId::Dates, format!("It carries no {from_name} date.")),
    }
}

// ---------------------------------------------------------------- status

fn status_entries(credential: &Value) -> Vec<&Value> {
    match credential.get("credentialStatus") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one @ Value::Object(_)) => vec![one],
        _ => Vec::new(),
    }
}

fn status_check(checks: &mut Checks, credential: &Value, options: &VerifyOptions<'_>) {
    let entries = status_entries(credential);
    if entries.is_empty() {
        checks.pass(
            CheckId::Status,
            "The issuer published no revocation list for it, so it cannot be revoked.",
        );
        return;
    }
    let chain = LocalFirst {
        local: options.local_status,
        network: options.fetcher,
    };
    let local_only = options.fetcher.is_none();
    if local_only {
        // Offline, only lists kept on this machine can settle it.
        let all_local = options.local_status.is_some_and(|local| {
            entries.iter().all(|e| {
                ["statusListCredential", "id"]
                    .iter()
                    .filter_map(|k| e.get(*k).and_then(Value::as_str))
                    .any(|url| local.fetch(url).is_ok())
            })
        });
        if !all_local {
            checks.skip(
                CheckId::Status,
                "Whether the issuer has revoked it can only be checked online.",
            );
            return;
        }
    }
    for entry in entries {
        match status::check_entry(credential, entry, &chain, options.at) {
            Ok(status::Outcome::Clear) => {}
            Ok(status::Outcome::Set(purpose)) => {
                let message = match purpose.as_str() {
                    "suspension" => "The issuer has suspended this badge.".to_owned(),
                    "revocation" => "The issuer has revoked this badge.".to_owned(),
                    other => format!("The issuer has flagged this badge ({other})."),
                };
                checks.fail(CheckId::Status, message);
                return;
            }
            Err(e) => {
                checks.fail(
                    CheckId::Status,
                    format!("Its revocation status cannot be checked: {e}."),
                );
                return;
            }
        }
    }
    checks.pass(
        CheckId::Status,
        if local_only {
            "The issuer has not revoked it (checked against the status list saved on this computer)."
        } else {
            "The issuer has not revoked it."
        },
    );
}

/// Status lists kept on this machine first, then the network when allowed.
struct LocalFirst<'a> {
    local: Option<&'a dyn Fetcher>,
    network: Option<&'a dyn Fetcher>,
}

impl Fetcher for LocalFirst<'_> {
    fn fetch(&self, url: &str) -> Result<Vec<u8>, String> {
        if let Some(bytes) = self.local.and_then(|l| l.fetch(url).ok()) {
            return Ok(bytes);
        }
        match self.network {
            Some(n) => n.fetch(url),
            None => Err(format!("{url} is not available offline")),
        }
    }
}

// ---------------------------------------------------------------- recipient

fn recipient_check_ob3(checks: &mut Checks, credential: &Value, candidate: Option<&str>) {
    let Some(candidate) = candidate else { return };
    let Some(subject) = first_subject(credential) else {
        checks.fail(CheckId::Recipient, "The badge names no recipient.");
        return;
    };
    if let Some(id) = subject.get("id").and_then(Value::as_str)
        && (recipient::identity_matches(id, false, None, candidate)
            || recipient::identity_matches(
                id,
                false,
                None,
                &format!("mailto:{}", candidate.trim()),
            ))
    {
        checks.pass(
            CheckId::Recipient,
            format!("It was issued to {}.", candidate.trim()),
        );
        return;
    }
    let identifiers: Vec<&Value> = match subject.get("identifier") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one @ Value::Object(_)) => vec![one],
        _ => Vec::new(),
    };
    for identifier in identifiers {
        let Some(stored) = identifier.get("identityHash").and_then(Value::as_str) else {
            continue;
        };
        let hashed = identifier
            .get("hashed")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let salt = identifier.get("salt").and_then(Value::as_str);
        if recipient::identity_matches(stored, hashed, salt, candidate) {
            checks.pass(
                CheckId::Recipient,
                format!("It was issued to {}.", candidate.trim()),
            );
            return;
        }
    }
    checks.fail(
        CheckId::Recipient,
        format!("It was not issued to {}.", candidate.trim()),
    );
}

fn recipient_check_ob2(checks: &mut Checks, assertion: &Value, candidate: Option<&str>) {
    let Some(candidate) = candidate else { return };
    let Some(r) = assertion.get("recipient") else {
        checks.fail(CheckId::Recipient, "The badge names no recipient.");
        return;
    };
    let (stored, hashed, salt) = match r {
        Value::String(s) => (
            s.as_str(),
            s.contains('$'),
            assertion.get("salt").and_then(Value::as_str),
        ),
        _ => (
            r.get("identity")
                .and_then(Value::as_str)
                .unwrap_or_default(),
            r.get("hashed").and_then(Value::as_bool).unwrap_or(false),
            r.get("salt").and_then(Value::as_str),
        ),
    };
    if recipient::identity_matches(stored, hashed, salt, candidate) {
        checks.pass(
            CheckId::Recipient,
            format!("It was issued to {}.", candidate.trim()),
        );
    } else {
        checks.fail(
            CheckId::Recipient,
            format!("It was not issued to {}.", candidate.trim()),
        );
    }
}

// ---------------------------------------------------------------- JWS

fn verify_jws(text: &str, options: &VerifyOptions<'_>) -> Report {
    let token = match Jws::parse(text) {
        Ok(t) => t,
        Err(e) => {
            return unreadable(
                Format::Ob3Jwt,
                format!("The signed token cannot be read: {e}."),
            );
        }
    };
    let payload = match token.payload_json() {
        Ok(p) => p,
        Err(e) => {
            return unreadable(
                Format::Ob3Jwt,
                format!("The signed token cannot be read: {e}."),
            );
        }
    };
    // VCDM 1.1 VC-JWT: the credential is the `vc` claim.
    if let Some(vc) = payload.get("vc") {
        let claims = JwtClaims {
            iss: payload
                .get("iss")
                .and_then(Value::as_str)
                .map(str::to_owned),
            nbf: payload.get("nbf").and_then(Value::as_i64),
            exp: payload.get("exp").and_then(Value::as_i64),
        };
        let v1 = !contexts(vc).contains(&"https://www.w3.org/ns/credentials/v2");
        return verify_ob3(vc, Some((&token, claims)), v1, Format::Ob3Jwt, options);
    }
    match kind_of(&payload) {
        Some(Kind::Ob3 { v1 }) => {
            let claims = JwtClaims {
                iss: payload
                    .get("iss")
                    .and_then(Value::as_str)
                    .map(str::to_owned),
                nbf: payload.get("nbf").and_then(Value::as_i64),
                exp: payload.get("exp").and_then(Value::as_i64),
            };
            verify_ob3(
                &payload,
                Some((&token, claims)),
                v1,
                Format::Ob3Jwt,
                options,
            )
        }
        Some(Kind::Ob2 | Kind::Ob1) => verify_ob2(&payload, Some(&token), Format::Ob2Jws, options),
        None => unreadable(
            Format::Ob3Jwt,
            "The signed token does not hold an Open Badge.".into(),
        ),
    }
}

// ---------------------------------------------------------------- OB 2.0

fn fetch_json(fetcher: &dyn Fetcher, url: &str) -> Result<Value, String> {
    let bytes = fetcher.fetch(url)?;
    serde_json::from_slice(&bytes).map_err(|e| format!("{url} is not JSON ({e})"))
}

/// An OB 2.0 node that is either embedded or a URL to fetch (online only).
fn ob2_node(value: Option<&Value>, fetcher: Option<&dyn Fetcher>) -> Option<Value> {
    match value? {
        Value::String(url) => fetch_json(fetcher?, url).ok(),
        node @ Value::Object(_) => Some(node.clone()),
        _ => None,
    }
}

/// The report's summary of an assertion, from its badge class and issuer
/// (embedded, or fetched once by [`verify_ob2`] when online).
fn ob2_summary(assertion: &Value, badge: Option<&Value>, issuer: Option<&Value>) -> Summary {
    let issuer = badge.and_then(|b| match b.get("issuer") {
        Some(Value::String(id)) => Some(IssuerSummary {
            id: Some(id.clone()),
            name: issuer.and_then(|i| text_of(i.get("name"))),
        }),
        Some(node @ Value::Object(_)) => Some(IssuerSummary {
            id: node.get("id").and_then(Value::as_str).map(str::to_owned),
            name: text_of(node.get("name")),
        }),
        _ => None,
    });
    Summary {
        issuer,
        achievement: badge.map(|b| AchievementSummary {
            name: text_of(b.get("name")),
        }),
        valid_from: assertion.get("issuedOn").map(json_text),
        valid_until: assertion.get("expires").map(json_text),
    }
}

fn json_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn verification_type(assertion: &Value) -> String {
    assertion
        .get("verification")
        .and_then(|v| v.get("type"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_ascii_lowercase()
}

fn verify_ob2(
    assertion: &Value,
    jws: Option<&Jws>,
    format: Format,
    options: &VerifyOptions<'_>,
) -> Report {
    let mut checks = Checks::default();
    // The badge class and issuer, embedded or (online) fetched once for all checks.
    let badge = ob2_node(assertion.get("badge"), options.fetcher);
    let issuer = badge
        .as_ref()
        .and_then(|b| ob2_node(b.get("issuer"), options.fetcher));
    let summary = ob2_summary(assertion, badge.as_ref(), issuer.as_ref());
    checks.pass(CheckId::Parse, "This is an Open Badges 2.0 assertion.");
    schema_check(&mut checks, schema::ob2_problems(assertion));

    let vtype = verification_type(assertion);
    let signed = vtype == "signed" || vtype == "signedbadge";
    match (jws, signed) {
        (Some(token), _) => {
            ob2_signed_proof(&mut checks, assertion, issuer.as_ref(), token, options)
        }
        (None, true) => {
            checks.fail(
                CheckId::Proof,
                "It says it is signed, but it came without its signature.",
            );
            checks.skip(
                CheckId::IssuerKey,
                "The signature was not verified, so neither was whose key made it.",
            );
        }
        (None, false) => ob2_hosted_proof(&mut checks, assertion, issuer.as_ref(), options),
    }

    let from = date_field(assertion, "issuedOn");
    let until = date_field(assertion, "expires");
    dates_check(&mut checks, from, until, options.at, "issuedOn");

    ob2_status(&mut checks, assertion, issuer.as_ref(), options);
    recipient_check_ob2(&mut checks, assertion, options.recipient);
    finish(format, checks, Some(summary))
}

fn ob2_hosted_proof(
    checks: &mut Checks,
    assertion: &Value,
    issuer: Option<&Value>,
    options: &VerifyOptions<'_>,
) {
    let Some(id) = assertion.get("id").and_then(Value::as_str) else {
        checks.fail(
            CheckId::Proof,
            "It is a hosted badge without the address (id) where the issuer hosts it.",
        );
        checks.skip(
            CheckId::IssuerKey,
            "Without its hosted copy, the issuer cannot be confirmed.",
        );
        return;
    };
    let Some(fetcher) = options.fetcher else {
        checks.skip(
            CheckId::Proof,
            format!(
                "It is a hosted badge: it can only be checked online, against the copy at {id}."
            ),
        );
        checks.skip(
            CheckId::IssuerKey,
            "Whether the issuer hosts it can only be checked online.",
        );
        return;
    };
    match fetch_json(fetcher, id) {
        Ok(hosted) if &hosted == assertion => checks.pass(
            CheckId::Proof,
            format!("It matches the copy the issuer hosts at {id}."),
        ),
        Ok(_) => {
            checks.fail(
                CheckId::Proof,
                format!("It differs from the copy the issuer hosts at {id}."),
            );
            checks.skip(
                CheckId::IssuerKey,
                "The badge does not match its hosted copy.",
            );
            return;
        }
        Err(e) => {
            checks.fail(
                CheckId::Proof,
                format!("The hosted copy cannot be fetched: {e}."),
            );
            checks.skip(
                CheckId::IssuerKey,
                "Without its hosted copy, the issuer cannot be confirmed.",
            );
            return;
        }
    }
    // The assertion must be hosted where the issuer says its badges live.
    let Some(issuer) = issuer else {
        checks.fail(
            CheckId::IssuerKey,
            "The issuer's profile cannot be fetched.",
        );
        return;
    };
    let allowed: Vec<String> = match issuer.get("verification") {
        Some(v) => {
            let list = |k: &str| match v.get(k) {
                Some(Value::String(s)) => vec![s.clone()],
                Some(Value::Array(a)) => a
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect(),
                _ => Vec::new(),
            };
            let mut starts = list("startsWith");
            starts.extend(
                list("allowedOrigins")
                    .into_iter()
                    .map(|o| format!("https://{o}/")),
            );
            starts
        }
        None => Vec::new(),
    };
    let host_of = |url: &str| {
        url.split("://")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .map(str::to_owned)
    };
    let ok = if allowed.is_empty() {
        issuer.get("url").and_then(Value::as_str).and_then(host_of) == host_of(id)
    } else {
        allowed.iter().any(|prefix| id.starts_with(prefix.as_str()))
    };
    if ok {
        checks.pass(
            CheckId::IssuerKey,
            "It is hosted where its issuer publishes badges.",
        );
    } else {
        checks.fail(
            CheckId::IssuerKey,
            format!("It is hosted at {id}, which is not where its issuer publishes badges."),
        );
    }
}

fn ob2_signed_proof(
    checks: &mut Checks,
    assertion: &Value,
    issuer: Option<&Value>,
    token: &Jws,
    options: &VerifyOptions<'_>,
) {
    let creator = assertion
        .get("verification")
        .and_then(|v| v.get("creator"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let Some(fetcher) = options.fetcher else {
        checks.skip(CheckId::Proof, "Its signing key is published on the issuer's website, so the signature can only be checked online.");
        checks.skip(
            CheckId::IssuerKey,
            "Whose key signed it can only be checked online.",
        );
        return;
    };
    let key_url = creator.or_else(|| {
        issuer.as_ref().and_then(|i| match i.get("publicKey") {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Object(o)) => o.get("id").and_then(Value::as_str).map(str::to_owned),
            _ => None,
        })
    });
    let Some(key_url) = key_url else {
        checks.fail(
            CheckId::Proof,
            "Neither the badge nor its issuer names the key that signed it.",
        );
        checks.skip(CheckId::IssuerKey, "No key to check.");
        return;
    };
    let key_doc = match fetch_json(fetcher, &key_url) {
        Ok(k) => k,
        Err(e) => {
            checks.fail(
                CheckId::Proof,
                format!("The signing key cannot be fetched: {e}."),
            );
            checks.skip(CheckId::IssuerKey, "No key to check.");
            return;
        }
    };
    let pem = key_doc
        .get("publicKeyPem")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let key = match PublicKey::from_pem(pem) {
        Ok(k) => k,
        Err(e) => {
            checks.fail(
                CheckId::Proof,
                format!("The signing key at {key_url} cannot be used: {e}."),
            );
            checks.skip(CheckId::IssuerKey, "No key to check.");
            return;
        }
    };
    if let Err(e) = jose::verify(token, &key) {
        checks.fail(CheckId::Proof, jose_failure(&e));
        checks.skip(
            CheckId::IssuerKey,
            "The signature was not verified, so neither was whose key made it.",
        );
        return;
    }
    checks.pass(
        CheckId::Proof,
        "The signature (RS256) is intact: nothing was changed since it was signed.",
    );
    let owner = key_doc.get("owner").and_then(Value::as_str);
    let issuer_id = issuer
        .as_ref()
        .and_then(|i| i.get("id"))
        .and_then(Value::as_str);
    match (owner, issuer_id) {
        (Some(o), Some(i)) if o == i => checks.pass(
            CheckId::IssuerKey,
            format!("Signed with a key of the issuer it names, {i}."),
        ),
        (Some(o), Some(i)) => checks.fail(
            CheckId::IssuerKey,
            format!("Signed with a key of {o}, but the badge names {i} as its issuer."),
        ),
        _ => checks.fail(
            CheckId::IssuerKey,
            "The signing key does not say which issuer owns it.",
        ),
    }
}

fn ob2_status(
    checks: &mut Checks,
    assertion: &Value,
    issuer: Option<&Value>,
    options: &VerifyOptions<'_>,
) {
    if assertion.get("revoked").and_then(Value::as_bool) == Some(true) {
        let reason = assertion.get("revocationReason").and_then(Value::as_str);
        checks.fail(
            CheckId::Status,
            match reason {
                Some(r) => format!("The issuer has revoked this badge ({r})."),
                None => "The issuer has revoked this badge.".to_owned(),
            },
        );
        return;
    }
    let Some(fetcher) = options.fetcher else {
        checks.skip(
            CheckId::Status,
            "Whether the issuer has revoked it can only be checked online.",
        );
        return;
    };
    let list_url = issuer
        .as_ref()
        .and_then(|i| i.get("revocationList"))
        .and_then(Value::as_str);
    let Some(list_url) = list_url else {
        checks.pass(
            CheckId::Status,
            "The issuer publishes no revocation list, so it cannot be revoked.",
        );
        return;
    };
    let list = match fetch_json(fetcher, list_url) {
        Ok(l) => l,
        Err(e) => {
            checks.fail(
                CheckId::Status,
                format!("The issuer's revocation list cannot be fetched: {e}."),
            );
            return;
        }
    };
    let id = assertion
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let uid = assertion.get("uid").and_then(Value::as_str);
    let revoked = list
        .get("revokedAssertions")
        .and_then(Value::as_array)
        .and_then(|items| {
            items.iter().find_map(|item| match item {
                Value::String(s) if s == id || Some(s.as_str()) == uid => Some(None),
                Value::Object(o) => {
                    let hit = o.get("id").and_then(Value::as_str) == Some(id)
                        || (uid.is_some() && o.get("uid").and_then(Value::as_str) == uid);
                    hit.then(|| {
                        o.get("revocationReason")
                            .and_then(Value::as_str)
                            .map(str::to_owned)
                    })
                }
                _ => None,
            })
        });
    match revoked {
        Some(Some(reason)) => checks.fail(
            CheckId::Status,
            format!("The issuer has revoked this badge ({reason})."),
        ),
        Some(None) => checks.fail(CheckId::Status, "The issuer has revoked this badge."),
        None => checks.pass(CheckId::Status, "The issuer has not revoked it."),
    }
}

// ---------------------------------------------------------------- OB 1.0, hosted URLs

fn verify_ob1(assertion: &Value, options: &VerifyOptions<'_>) -> Report {
    let mut checks = Checks::default();
    checks.warn(
        CheckId::Parse,
        "This is an Open Badges 1.0 assertion, an old format.",
    );
    let url = assertion
        .get("verify")
        .and_then(|v| v.get("url"))
        .and_then(Value::as_str);
    let summary = Summary {
        issuer: None,
        achievement: None,
        valid_from: assertion
            .get("issued_on")
            .or_else(|| assertion.get("issuedOn"))
            .map(json_text),
        valid_until: assertion.get("expires").map(json_text),
    };
    match (url, options.fetcher) {
        (Some(url), Some(fetcher)) => match fetch_json(fetcher, url) {
            Ok(hosted) if &hosted == assertion => checks.pass(
                CheckId::Proof,
                format!("It matches the copy the issuer hosts at {url}."),
            ),
            Ok(_) => checks.fail(
                CheckId::Proof,
                format!("It differs from the copy the issuer hosts at {url}."),
            ),
            Err(e) => checks.fail(
                CheckId::Proof,
                format!("The hosted copy cannot be fetched: {e}."),
            ),
        },
        (Some(url), None) => checks.skip(
            CheckId::Proof,
            format!(
                "It is a hosted badge: it can only be checked online, against the copy at {url}."
            ),
        ),
        (None, _) => checks.fail(
            CheckId::Proof,
            "It names no address where the issuer hosts it, so it cannot be checked.",
        ),
    }
    let from = ob1_date(assertion, "issued_on").or_else(|| ob1_date(assertion, "issuedOn"));
    let until = ob1_date(assertion, "expires");
    dates_check(&mut checks, from, until, options.at, "issued_on");
    recipient_check_ob2(&mut checks, assertion, options.recipient);
    finish(Format::Ob1, checks, Some(summary))
}

/// An OB 1.0 date: besides RFC 3339, the specification allows an ISO 8601
/// calendar date (`2015-04-01`, read as midnight UTC) and a 10-digit Unix
/// timestamp, as a number or as text.
fn ob1_date(value: &Value, key: &str) -> Option<(String, Option<OffsetDateTime>)> {
    let (text, parsed) = date_field(value, key)?;
    if parsed.is_some() {
        return Some((text, parsed));
    }
    let parsed = calendar_date(&text).or_else(|| {
        (text.len() == 10 && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse::<i64>().ok())
            .flatten()
            .and_then(|t| OffsetDateTime::from_unix_timestamp(t).ok())
    });
    Some((text, parsed))
}

/// `YYYY-MM-DD` as midnight UTC.
fn calendar_date(text: &str) -> Option<OffsetDateTime> {
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    let month = time::Month::try_from(month.parse::<u8>().ok()?).ok()?;
    let date = time::Date::from_calendar_date(year.parse().ok()?, month, day.parse().ok()?).ok()?;
    Some(date.midnight().assume_utc())
}

fn verify_hosted_url(url: &str, options: &VerifyOptions<'_>) -> Report {
    let Some(fetcher) = options.fetcher else {
        let mut checks = Checks::default();
        checks.pass(
            CheckId::Parse,
            format!("This badge is only a link to the issuer's copy at {url}."),
        );
        checks.skip(CheckId::Proof, "A linked badge can only be checked online.");
        return finish(Format::Ob2Hosted, checks, None);
    };
    match fetch_json(fetcher, url) {
        Ok(value) => {
            let mut report = verify_json(&value, options);
            if report.format == Format::Ob2Json {
                report.format = Format::Ob2Hosted;
            }
            report
        }
        Err(e) => unreadable(
            Format::Ob2Hosted,
            format!("The linked badge cannot be fetched: {e}."),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vector(path: &str) -> Value {
        let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/vectors")
            .join(path);
        serde_json::from_str(&std::fs::read_to_string(full).unwrap()).unwrap()
    }

    fn offline(at: &str) -> VerifyOptions<'static> {
        VerifyOptions {
            at: schema::parse_datetime(at).unwrap(),
            fetcher: None,
            recipient: None,
            local_status: None,
        }
    }

    fn status_of(report: &Report, id: CheckId) -> Option<CheckStatus> {
        report.checks.iter().find(|c| c.id == id).map(|c| c.status)
    }

    #[test]
    fn a_broken_proof_fails_even_after_one_that_needs_the_network() {
        let mut doc = vector("1edtech-ob-spec/ldp-testvector-obv3p0/signed.json");
        let good = doc["proof"].clone();
        let mut online_only = good.clone();
        online_only["verificationMethod"] = "did:web:issuer.example#key-1".into();
        doc["proof"] = Value::Array(vec![online_only, good]);
        // Intact: the did:key proof holds, the did:web one can only be checked online.
        let report = verify_json(&doc, &offline("2026-06-01T00:00:00Z"));
        assert_eq!(status_of(&report, CheckId::Proof), Some(CheckStatus::Skip));
        // Changed after signing: the proof that can be checked offline fails.
        doc["name"] = "Changed".into();
        let report = verify_json(&doc, &offline("2026-06-01T00:00:00Z"));
        assert_eq!(status_of(&report, CheckId::Proof), Some(CheckStatus::Fail));
        assert!(!report.valid);
    }

    #[test]
    fn ob1_dates_may_be_calendar_dates_or_unix_timestamps() {
        let mut assertion = serde_json::json!({
            "uid": "123",
            "recipient": {"identity": "test@example.com", "hashed": false},
            "badge": "http://example.org/badge1",
            "verify": {"type": "hosted", "url": "http://example.org/badgeinstance1"},
            "issuedOn": "2015-04-01",
        });
        let report = verify_json(&assertion, &offline("2026-06-01T00:00:00Z"));
        assert_eq!(report.format, Format::Ob1);
        assert_eq!(status_of(&report, CheckId::Dates), Some(CheckStatus::Pass));
        assert!(report.valid, "{:?}", report.checks);
        let report = verify_json(&assertion, &offline("2015-03-31T23:59:59Z"));
        assert_eq!(status_of(&report, CheckId::Dates), Some(CheckStatus::Fail));
        assertion["issuedOn"] = 1_427_846_400.into();
        assertion["expires"] = "1430438400".into();
        let report = verify_json(&assertion, &offline("2026-06-01T00:00:00Z"));
        assert_eq!(status_of(&report, CheckId::Dates), Some(CheckStatus::Fail));
        assert!(report.checks.iter().any(|c| c.message.contains("expired")));
        assertion["expires"] = "2015-13-01".into();
        let report = verify_json(&assertion, &offline("2026-06-01T00:00:00Z"));
        assert!(
            report
                .checks
                .iter()
                .any(|c| c.message.contains("cannot be read"))
        );
    }
}
