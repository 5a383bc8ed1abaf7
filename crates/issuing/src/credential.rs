//! Building and signing an Open Badges 3.0 `OpenBadgeCredential`.
//!
//! The issuer and achievement parts are built once ([`Template`]) and each
//! recipient's credential is a copy with its own id, subject, dates, evidence
//! and status entry, so a batch does the expensive work once.
//!
//! See: <https://www.imsglobal.org/spec/ob/v3p0/#openbadgecredential>

use serde_json::{Map, Value, json};
use sha2::{Digest as _, Sha256};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use badgesmith_credential::{di, vcjwt};

use crate::IssuerKey;

/// The contexts of every credential Badgesmith issues.
pub const CONTEXTS: [&str; 2] = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
];

/// The largest image (issuer logo or achievement image) embedded in a
/// credential as a `data:` URL, in bytes of the URL.
pub const MAX_EMBEDDED_IMAGE_BYTES: usize = 256 * 1024;

/// What went wrong building or signing.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IssueError {
    /// A field the user gave is unusable; the message names it.
    #[error("{0}")]
    Invalid(String),
    /// Signing failed (a bug, or a context the signer does not bundle).
    #[error("the credential could not be signed ({0})")]
    Sign(String),
}

/// The issuer as credentials name it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IssuerInfo {
    /// The issuer's `did:key`.
    pub did: String,
    /// Its name.
    pub name: String,
    /// Its website.
    pub url: Option<String>,
    /// Its e-mail.
    pub email: Option<String>,
    /// About it.
    pub description: Option<String>,
    /// Its logo, a `data:` URL.
    pub image: Option<String>,
}

/// An alignment to a framework or skill.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Alignment {
    /// The target's name.
    pub target_name: String,
    /// The target's URL.
    pub target_url: String,
    /// Its description.
    pub target_description: Option<String>,
    /// Its framework.
    pub target_framework: Option<String>,
    /// Its code.
    pub target_code: Option<String>,
}

/// A result the achievement records (`ResultDescription`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResultDescription {
    /// A URI identifying it (`urn:uuid:…`).
    pub id: String,
    /// Its name.
    pub name: String,
    /// The OB 3.0 result type.
    pub result_type: String,
}

/// The OB 3.0 result types.
pub const RESULT_TYPES: [&str; 9] = [
    "GradePointAverage",
    "LetterGrade",
    "Percent",
    "PerformanceLevel",
    "PredictedScore",
    "RawScore",
    "Result",
    "RubricCriterionLevel",
    "Status",
];

/// The achievement as credentials describe it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AchievementInfo {
    /// A URI identifying it (`urn:uuid:…`), the same in every credential.
    pub id: String,
    /// Its name.
    pub name: String,
    /// What it is.
    pub description: String,
    /// What earning it takes, in words.
    pub criteria_narrative: Option<String>,
    /// A page describing the criteria.
    pub criteria_url: Option<String>,
    /// The badge image, a `data:` URL.
    pub image: Option<String>,
    /// Keywords.
    pub tags: Vec<String>,
    /// Alignments.
    pub alignments: Vec<Alignment>,
    /// Results.
    pub results: Vec<ResultDescription>,
}

/// Who receives the badge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recipient {
    /// An e-mail address, kept in the credential only as a salted SHA-256.
    Email(String),
    /// A DID, kept as the subject's `id`.
    Did(String),
}

impl Recipient {
    /// Reads an e-mail address or a DID, refusing anything else.
    pub fn parse(text: &str) -> Result<Recipient, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err("the recipient is empty; give an e-mail address or a DID".into());
        }
        if text.starts_with("did:") {
            let mut parts = text.splitn(3, ':');
            let ok = parts.nth(1).is_some_and(|m| {
                !m.is_empty()
                    && m.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            }) && parts
                .next()
                .is_some_and(|rest| !rest.is_empty() && !rest.contains(char::is_whitespace));
            return if ok {
                Ok(Recipient::Did(text.to_owned()))
            } else {
                Err(format!("\"{text}\" is not a valid DID"))
            };
        }
        if is_email(text) {
            Ok(Recipient::Email(text.to_owned()))
        } else {
            Err(format!("\"{text}\" is not an e-mail address or a DID"))
        }
    }

    /// The address or DID as given.
    pub fn as_str(&self) -> &str {
        match self {
            Recipient::Email(s) | Recipient::Did(s) => s,
        }
    }
}

/// A plausible e-mail address: one `@`, a local part, a dotted domain, no
/// spaces or angle brackets.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let bad =
        |c: char| c.is_whitespace() || matches!(c, '<' | '>' | '(' | ')' | ',' | ';' | '"' | '@');
    !local.is_empty()
        && local.len() <= 64
        && domain.len() <= 255
        && !local.contains(bad)
        && !domain.contains(bad)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// A `https://` or `http://` URL with a host, as links in a badge must be.
pub fn is_web_url(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or_default();
        !host.is_empty() && !text.contains(char::is_whitespace)
    })
}

/// One entry in the issuer's status list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusEntry {
    /// Where the status list credential is published.
    pub list_url: String,
    /// The credential's bit in the list.
    pub index: u32,
}

/// What differs from one recipient to the next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Award {
    /// The credential's id, `urn:uuid:…`.
    pub credential_id: String,
    /// Who receives it.
    pub recipient: Recipient,
    /// The salt for a hashed e-mail address.
    pub salt: String,
    /// The recipient's name, shown in clear when given.
    pub recipient_name: Option<String>,
    /// A link to evidence.
    pub evidence_url: Option<String>,
    /// Evidence in words.
    pub evidence_narrative: Option<String>,
    /// When it starts to be valid.
    pub valid_from: OffsetDateTime,
    /// When it expires.
    pub valid_until: Option<OffsetDateTime>,
    /// Its revocation entry, when the issuer publishes a status list.
    pub status: Option<StatusEntry>,
}

/// Formats a moment as credentials write it: RFC 3339, UTC, whole seconds.
pub fn format_datetime(at: OffsetDateTime) -> String {
    let at = at
        .to_offset(time::UtcOffset::UTC)
        .replace_nanosecond(0)
        .unwrap_or(at);
    at.format(&Rfc3339).unwrap_or_default()
}

/// A new `urn:uuid:` (version 4) from the operating system's randomness.
pub fn new_urn_uuid() -> Result<String, IssueError> {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).map_err(|e| IssueError::Sign(format!("no randomness: {e}")))?;
    Ok(format_uuid(b))
}

/// Formats 16 bytes as a version-4 `urn:uuid:`.
pub fn format_uuid(mut b: [u8; 16]) -> String {
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// A random salt for hashing an e-mail address (16 bytes, hex).
pub fn new_salt() -> Result<String, IssueError> {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).map_err(|e| IssueError::Sign(format!("no randomness: {e}")))?;
    Ok(b.iter().map(|x| format!("{x:02x}")).collect())
}

fn put(map: &mut Map<String, Value>, key: &str, value: &Option<String>) {
    if let Some(v) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        map.insert(key.into(), Value::String(v.to_owned()));
    }
}

fn image(data_url: &str) -> Value {
    json!({ "id": data_url, "type": "Image" })
}

/// The parts of a credential shared by every recipient of one achievement.
#[derive(Debug, Clone)]
pub struct Template {
    issuer: Value,
    achievement: Value,
    name: String,
}

impl Template {
    /// Checks the issuer and achievement and builds their JSON once.
    pub fn new(issuer: &IssuerInfo, achievement: &AchievementInfo) -> Result<Template, IssueError> {
        let invalid = |m: String| Err(IssueError::Invalid(m));
        if issuer.name.trim().is_empty() {
            return invalid("the issuer has no name".into());
        }
        if !issuer.did.starts_with("did:") {
            return invalid("the issuer has no DID".into());
        }
        if achievement.name.trim().is_empty() {
            return invalid("the achievement has no name".into());
        }
        if achievement.description.trim().is_empty() {
            return invalid("the achievement has no description".into());
        }
        for (what, img) in [
            ("issuer's logo", &issuer.image),
            ("badge image", &achievement.image),
        ] {
            if let Some(img) = img {
                if !img.starts_with("data:image/") {
                    return invalid(format!("the {what} is not an image data: URL"));
                }
                if img.len() > MAX_EMBEDDED_IMAGE_BYTES {
                    return invalid(format!(
                        "the {what} is {} bytes, more than the {MAX_EMBEDDED_IMAGE_BYTES}-byte limit for an embedded image",
                        img.len()
                    ));
                }
            }
        }
        let mut profile = Map::new();
        profile.insert("id".into(), issuer.did.clone().into());
        profile.insert("type".into(), json!(["Profile"]));
        profile.insert("name".into(), issuer.name.trim().into());
        put(&mut profile, "url", &issuer.url);
        put(&mut profile, "email", &issuer.email);
        put(&mut profile, "description", &issuer.description);
        if let Some(img) = &issuer.image {
            profile.insert("image".into(), image(img));
        }

        let mut criteria = Map::new();
        put(&mut criteria, "id", &achievement.criteria_url);
        put(&mut criteria, "narrative", &achievement.criteria_narrative);
        if criteria.is_empty() {
            return invalid("the achievement has no criteria; give a narrative or a URL".into());
        }
        let mut ach = Map::new();
        ach.insert("id".into(), achievement.id.clone().into());
        ach.insert("type".into(), json!(["Achievement"]));
        ach.insert("name".into(), achievement.name.trim().into());
        ach.insert("description".into(), achievement.description.trim().into());
        ach.insert("criteria".into(), Value::Object(criteria));
        if let Some(img) = &achievement.image {
            ach.insert("image".into(), image(img));
        }
        let tags: Vec<&str> = achievement
            .tags
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .collect();
        if !tags.is_empty() {
            ach.insert("tag".into(), json!(tags));
        }
        if !achievement.alignments.is_empty() {
            let items: Vec<Value> = achievement
                .alignments
                .iter()
                .map(|a| {
                    let mut m = Map::new();
                    m.insert("type".into(), json!(["Alignment"]));
                    m.insert("targetName".into(), a.target_name.trim().into());
                    m.insert("targetUrl".into(), a.target_url.trim().into());
                    put(&mut m, "targetDescription", &a.target_description);
                    put(&mut m, "targetFramework", &a.target_framework);
                    put(&mut m, "targetCode", &a.target_code);
                    Value::Object(m)
                })
                .collect();
            ach.insert("alignment".into(), Value::Array(items));
        }
        if !achievement.results.is_empty() {
            let items: Vec<Value> = achievement
                .results
                .iter()
                .map(|r| {
                    json!({
                        "id": r.id,
                        "type": ["ResultDescription"],
                        "name": r.name.trim(),
                        "resultType": r.result_type,
                    })
                })
                .collect();
            ach.insert("resultDescription".into(), Value::Array(items));
        }
        Ok(Template {
            issuer: Value::Object(profile),
            achievement: Value::Object(ach),
            name: achievement.name.trim().to_owned(),
        })
    }

    /// The unsigned credential for one recipient.
    pub fn credential(&self, award: &Award) -> Value {
        let mut subject = Map::new();
        subject.insert("type".into(), json!(["AchievementSubject"]));
        let mut identifiers = Vec::new();
        match &award.recipient {
            Recipient::Did(did) => {
                subject.insert("id".into(), did.clone().into());
            }
            Recipient::Email(email) => {
                let hash = hash_email(email, &award.salt);
                identifiers.push(json!({
                    "type": "IdentityObject",
                    "identityHash": hash,
                    "identityType": "emailAddress",
                    "hashed": true,
                    "salt": award.salt,
                }));
            }
        }
        if let Some(name) = award
            .recipient_name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            identifiers.push(json!({
                "type": "IdentityObject",
                "identityHash": name,
                "identityType": "name",
                "hashed": false,
            }));
        }
        if !identifiers.is_empty() {
            subject.insert("identifier".into(), Value::Array(identifiers));
        }
        subject.insert("achievement".into(), self.achievement.clone());

        let mut vc = Map::new();
        vc.insert("@context".into(), json!(CONTEXTS));
        vc.insert("id".into(), award.credential_id.clone().into());
        vc.insert(
            "type".into(),
            json!(["VerifiableCredential", "OpenBadgeCredential"]),
        );
        vc.insert("name".into(), self.name.clone().into());
        vc.insert("issuer".into(), self.issuer.clone());
        vc.insert("validFrom".into(), format_datetime(award.valid_from).into());
        if let Some(until) = award.valid_until {
            vc.insert("validUntil".into(), format_datetime(until).into());
        }
        vc.insert("credentialSubject".into(), Value::Object(subject));
        let mut evidence = Map::new();
        put(&mut evidence, "id", &award.evidence_url);
        put(&mut evidence, "narrative", &award.evidence_narrative);
        if !evidence.is_empty() {
            evidence.insert("type".into(), json!(["Evidence"]));
            vc.insert("evidence".into(), json!([Value::Object(evidence)]));
        }
        if let Some(status) = &award.status {
            vc.insert(
                "credentialStatus".into(),
                json!({
                    "id": format!("{}#{}", status.list_url, status.index),
                    "type": "BitstringStatusListEntry",
                    "statusPurpose": "revocation",
                    "statusListIndex": status.index.to_string(),
                    "statusListCredential": status.list_url,
                }),
            );
        }
        Value::Object(vc)
    }
}

/// `sha256$` + hex SHA-256 of the e-mail address (lowercased) and the salt.
pub fn hash_email(email: &str, salt: &str) -> String {
    let mut h = Sha256::new();
    h.update(email.trim().to_lowercase().as_bytes());
    h.update(salt.as_bytes());
    let digest = h.finalize();
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256${hex}")
}

/// How a credential is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proof {
    /// Data Integrity `eddsa-rdfc-2022`: the credential as JSON with `proof`.
    DataIntegrity,
    /// A compact VC-JWT signed with EdDSA.
    Jwt,
}

/// Signs a credential; the text to bake (compact JSON or a JWS).
pub fn sign(
    credential: &Value,
    key: &IssuerKey,
    proof: Proof,
    created: OffsetDateTime,
) -> Result<String, IssueError> {
    let method = key.verification_method();
    match proof {
        Proof::DataIntegrity => {
            let created = format_datetime(created);
            let signed = di::sign(
                credential,
                key.signing_key(),
                &di::SignOptions {
                    suite: di::Suite::EddsaRdfc2022,
                    verification_method: &method,
                    created: &created,
                    proof_purpose: "assertionMethod",
                },
            )
            .map_err(|e| IssueError::Sign(e.to_string()))?;
            serde_json::to_string(&signed).map_err(|e| IssueError::Sign(e.to_string()))
        }
        Proof::Jwt => vcjwt::sign(credential, key.signing_key(), &method, Some(created))
            .map_err(|e| IssueError::Sign(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recipients() {
        assert_eq!(
            Recipient::parse(" ada@example.org ").unwrap(),
            Recipient::Email("ada@example.org".into())
        );
        assert!(matches!(
            Recipient::parse("did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH"),
            Ok(Recipient::Did(_))
        ));
        for bad in [
            "",
            "ada",
            "ada@",
            "@example.org",
            "ada@example",
            "a b@example.org",
            "did:",
            "did:x",
            "did:Key:abc",
        ] {
            assert!(Recipient::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn uuids_are_version_4() {
        let id = new_urn_uuid().unwrap();
        assert_eq!(id.len(), 45);
        assert_eq!(&id[23..24], "4");
        assert!(matches!(&id[28..29], "8" | "9" | "a" | "b"), "{id}");
    }

    #[test]
    fn urls() {
        assert!(is_web_url("https://example.org/x"));
        assert!(is_web_url("http://example.org"));
        assert!(!is_web_url("https://"));
        assert!(!is_web_url("ftp://example.org"));
        assert!(!is_web_url("https://exa mple.org"));
    }
}
