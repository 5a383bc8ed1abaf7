//! The "schema" check: which kind of badge a JSON document is, and whether it
//! has the properties its specification requires, with the right shapes.
//!
//! The checks work on the JSON as written ([`serde_json::Value`]), not on the
//! typed values of [`crate::ob3`] and [`crate::ob2`], so that one malformed
//! property is one [`Problem`] rather than a document that cannot be read.
//! Each problem names the property by its path (`issuer.id`,
//! `credentialSubject.identifier[0].hashed`) and says what is wrong.
//!
//! Open Badges 3.0 ([`ob3_problems`]) follows the data model of the
//! specification and its JSON schemas: the properties of multiplicity `[1]`
//! or `[1..*]` must be there, `type` must include the class name where the
//! specification says "MUST include", date-times must carry a time zone
//! (`DateTimeZ`, RFC 3339). A property of multiplicity `[0..*]` may be written
//! as a single object instead of a list, as JSON-LD reads both alike.
//!
//! The data model also says a subject "MUST" have an `id` or an `identifier`;
//! the official JSON schema does not encode that rule and many issued
//! credentials name their recipient otherwise (e.g. by `name`), so it is left
//! to the recipient check.
//!
//! Open Badges 2.0 ([`ob2_problems`]) checks an assertion and, when it is
//! embedded, its badge class and issuer. Badge classes and issuers given by
//! URL are not fetched here.
//!
//! See: <https://www.imsglobal.org/spec/ob/v3p0/#data-model> and
//! <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html>
#![warn(missing_docs)]

use std::fmt;

use serde::Serialize;
use serde_json::{Map, Number, Value};
use time::format_description::well_known::{Iso8601, Rfc3339};
use time::{Date, OffsetDateTime, PrimitiveDateTime};

use crate::ob2::{OB1_CONTEXT, OB2_CONTEXT, is_ob2_context};
use crate::ob3::{OB3_CONTEXT, VC_V1_CONTEXT, VC_V2_CONTEXT, Vcdm, is_ob3_context, value_text};

/// What kind of badge (or other document) a JSON value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// An Open Badges 3.0 credential (achievement or endorsement).
    Ob3 {
        /// The data model it follows.
        vcdm: Vcdm,
    },
    /// A verifiable credential that is not an Open Badge.
    OtherVc {
        /// The data model it follows.
        vcdm: Vcdm,
    },
    /// An Open Badges 2.0 document (normally an assertion).
    Ob2,
    /// An Open Badges 1.0 (or 1.1, or 0.5) assertion.
    Ob1,
    /// Something else.
    Unknown,
}

/// The OB 1.1 context at the address it was first published at.
const OB1_CONTEXT_ALIAS: &str = "https://openbadgespec.org/v1/context.json";

/// The `obi:` namespace of the OB 2.0 vocabulary, found in inline contexts.
const OB2_NAMESPACE: &str = "https://w3id.org/openbadges#";

const OB3_CREDENTIAL_TYPES: [&str; 3] = [
    "OpenBadgeCredential",
    "AchievementCredential",
    "EndorsementCredential",
];

/// Tells what kind of badge `value` is, from its `@context` and `type` (and,
/// for the context-less OB 1.0 and 0.5 formats, from their properties).
///
/// A document with an Open Badges 3.0 context or type is [`Kind::Ob3`] even
/// when it lacks the rest, so that [`ob3_problems`] can say what is missing.
/// Its data model is the one its first `@context` names; failing that, any
/// VC context it has; failing that, `issuanceDate` means VCDM 1.1.
pub fn detect(value: &Value) -> Kind {
    let Some(object) = value.as_object() else {
        return Kind::Unknown;
    };
    let contexts: &[Value] = match object.get("@context") {
        Some(Value::Array(items)) => items,
        Some(single) => std::slice::from_ref(single),
        None => &[],
    };
    let urls = || contexts.iter().filter_map(Value::as_str);
    let types = object
        .get("type")
        .map(type_names_lenient)
        .unwrap_or_default();

    let first_vcdm = contexts
        .first()
        .and_then(Value::as_str)
        .and_then(Vcdm::from_context);
    let any_vcdm = first_vcdm.or_else(|| urls().find_map(Vcdm::from_context));
    let vcdm_by_dates = || {
        if object.contains_key("issuanceDate") && !object.contains_key("validFrom") {
            Vcdm::V1_1
        } else {
            Vcdm::V2
        }
    };

    if urls().any(is_ob3_context) || types.iter().any(|t| OB3_CREDENTIAL_TYPES.contains(t)) {
        return Kind::Ob3 {
            vcdm: any_vcdm.unwrap_or_else(vcdm_by_dates),
        };
    }
    if let Some(vcdm) = any_vcdm {
        return Kind::OtherVc { vcdm };
    }
    if types.contains(&"VerifiableCredential") {
        return Kind::OtherVc {
            vcdm: vcdm_by_dates(),
        };
    }
    if urls().any(is_ob2_context) || contexts.iter().any(is_inline_ob2_context) {
        return Kind::Ob2;
    }
    if urls().any(|url| url == OB1_CONTEXT || url == OB1_CONTEXT_ALIAS) {
        return Kind::Ob1;
    }
    let has = |key: &str| object.contains_key(key);
    if types.contains(&"Assertion") {
        return if has("verify") && !has("verification") {
            Kind::Ob1
        } else {
            Kind::Ob2
        };
    }
    if contexts.is_empty() {
        if has("verify") || has("uid") || (has("recipient") && has("badge") && !has("verification"))
        {
            return Kind::Ob1;
        }
        if has("recipient") && has("badge") {
            return Kind::Ob2;
        }
    }
    Kind::Unknown
}

/// An inline context object that defines the OB 2.0 vocabulary.
fn is_inline_ob2_context(context: &Value) -> bool {
    context
        .as_object()
        .is_some_and(|map| map.values().any(|v| v.as_str() == Some(OB2_NAMESPACE)))
}

/// One thing wrong with a badge.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Problem {
    /// Where: a path like `credentialSubject.achievement.criteria`, `issuer.id`
    /// or `evidence[1].type` (empty for the document itself).
    pub path: String,
    /// What: a sentence fragment that names the path, e.g. `issuer is missing`.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// What is wrong with an Open Badges 3.0 credential (an `OpenBadgeCredential`
/// / `AchievementCredential`, or an `EndorsementCredential`), or nothing.
///
/// Required: `@context` starting with the VC 2.0 or 1.1 context and including
/// an OB 3.0 context; `type` with `VerifiableCredential` and
/// `OpenBadgeCredential`, `AchievementCredential` or `EndorsementCredential`;
/// `id`; `name`; `issuer` (a URI or a profile with `id` and `type` `Profile`);
/// `validFrom` (VCDM 2.0) or `issuanceDate` (VCDM 1.1); `credentialSubject`
/// with its `type` and, for achievements, `achievement` (`id`, `type`,
/// `name`, `description`, `criteria` with `id` or `narrative`). Optional
/// properties are checked when present: dates, identifiers, results,
/// alignments, evidence, images, status, schemas, proofs and embedded
/// endorsements (which are checked as whole credentials).
pub fn ob3_problems(value: &Value) -> Vec<Problem> {
    let mut report = Report::default();
    if value.is_object() {
        check_credential(&mut report, value, "", Expect::AnyOb3);
    } else {
        report.add(
            String::new(),
            "the credential is not a JSON object".to_owned(),
        );
    }
    report.problems
}

/// What is wrong with an Open Badges 2.0 assertion, or nothing.
///
/// Required: `@context` including [`OB2_CONTEXT`]; `type` `Assertion`; `id`;
/// `recipient` with `type`, `identity` and `hashed`; `badge` (a URL or a badge
/// class); `verification` with `type` (`hosted`/`HostedBadge` or
/// `signed`/`SignedBadge`); `issuedOn`. An embedded badge class must have
/// `id`, `type` `BadgeClass`, `name`, `description`, `image`, `criteria` and
/// `issuer`; an embedded issuer `id`, `type` `Issuer` or `Profile` and `name`.
/// Dates are ISO 8601 (read as [`parse_datetime`] does) or Unix timestamps.
pub fn ob2_problems(value: &Value) -> Vec<Problem> {
    let mut report = Report::default();
    match value.as_object() {
        Some(object) => check_assertion(&mut report, object),
        None => report.add(
            String::new(),
            "the assertion is not a JSON object".to_owned(),
        ),
    }
    report.problems
}

/// Reads a date-time as badges write it, for the dates check.
///
/// Accepts RFC 3339 (`2024-03-21T14:56:35Z`, `…+02:00`, fractions of a
/// second) and, as OB 1.0 and 2.0 badges also use them, other ISO 8601 forms:
/// without seconds (`2017-10-01T00:00Z`), without a time zone (read as UTC),
/// and a plain date (`2015-04-01`, read as midnight UTC). Unix timestamps are
/// JSON numbers: see [`parse_unix_timestamp`] and [`parse_date_value`].
pub fn parse_datetime(s: &str) -> Option<OffsetDateTime> {
    if let Some(instant) = parse_rfc3339(s) {
        return Some(instant);
    }
    if let Ok(instant) = OffsetDateTime::parse(s, &Iso8601::DEFAULT) {
        return Some(instant);
    }
    if let Ok(local) = PrimitiveDateTime::parse(s, &Iso8601::DEFAULT) {
        return Some(local.assume_utc());
    }
    Date::parse(s, &Iso8601::DEFAULT)
        .ok()
        .map(|date| date.midnight().assume_utc())
}

/// Reads a date-time strictly as RFC 3339 requires (a time zone is
/// mandatory): the `DateTimeZ` of Open Badges 3.0.
pub fn parse_rfc3339(s: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(s, &Rfc3339).ok()
}

/// Reads a Unix timestamp (seconds since 1970-01-01T00:00:00Z; fractions are
/// dropped), as OB 1.0 allowed for dates.
pub fn parse_unix_timestamp(seconds: &Number) -> Option<OffsetDateTime> {
    let whole = match seconds.as_i64() {
        Some(whole) => whole,
        None => {
            let float = seconds.as_f64()?.floor();
            if !float.is_finite() || float < i64::MIN as f64 || float > i64::MAX as f64 {
                return None;
            }
            float as i64
        }
    };
    OffsetDateTime::from_unix_timestamp(whole).ok()
}

/// Reads a JSON date value: a string as [`parse_datetime`] does, a number as
/// [`parse_unix_timestamp`] does.
pub fn parse_date_value(value: &Value) -> Option<OffsetDateTime> {
    match value {
        Value::String(text) => parse_datetime(text),
        Value::Number(seconds) => parse_unix_timestamp(seconds),
        _ => None,
    }
}

#[derive(Default)]
struct Report {
    problems: Vec<Problem>,
}

impl Report {
    fn add(&mut self, path: String, message: String) {
        self.problems.push(Problem { path, message });
    }

    fn missing(&mut self, path: String) {
        let message = format!("{path} is missing");
        self.add(path, message);
    }

    fn wrong(&mut self, path: String, what: &str) {
        let message = format!("{path} {what}");
        self.add(path, message);
    }

    fn wrong_value(&mut self, path: String, value: &Value, what: &str) {
        let message = format!("{path} {} {what}", show(value));
        self.add(path, message);
    }
}

/// The path of `key` inside the object at `base`.
fn child(base: &str, key: &str) -> String {
    if base.is_empty() {
        key.to_owned()
    } else {
        format!("{base}.{key}")
    }
}

/// A value as JSON, shortened for a message.
fn show(value: &Value) -> String {
    const MAX_CHARS: usize = 60;
    let text = serde_json::to_string(value).unwrap_or_default();
    if text.chars().count() <= MAX_CHARS {
        text
    } else {
        let mut short: String = text.chars().take(MAX_CHARS).collect();
        short.push('…');
        short
    }
}

/// `"A"`, `"A" or "B"`, `"A", "B" or "C"`.
fn alternatives(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("\"{name}\"")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// The values of a `type`: a string or a list of strings.
fn type_names(value: &Value) -> Option<Vec<&str>> {
    match value {
        Value::String(name) => Some(vec![name.as_str()]),
        Value::Array(items) if !items.is_empty() => items.iter().map(Value::as_str).collect(),
        _ => None,
    }
}

/// The string values of a `type`, ignoring anything else.
fn type_names_lenient(value: &Value) -> Vec<&str> {
    match value {
        Value::String(name) => vec![name.as_str()],
        Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// The entries of a property that holds one value or a list, with their paths.
fn entries<'a>(object: &'a Map<String, Value>, base: &str, key: &str) -> Vec<(String, &'a Value)> {
    let path = child(base, key);
    match object.get(key) {
        None => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(index, item)| (format!("{path}[{index}]"), item))
            .collect(),
        Some(single) => vec![(path, single)],
    }
}

/// Whether `s` is an absolute URI: a scheme, a colon and the rest, no spaces.
fn is_uri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    let mut scheme_chars = scheme.chars();
    scheme_chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme_chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Whether `s` is an OB 2.0 IRI: an absolute URI or a blank node identifier (`_:b0`).
fn is_ob2_iri(s: &str) -> bool {
    is_uri(s) || s.strip_prefix("_:").is_some_and(|label| !label.is_empty())
}

/// Whether `s` is `sha256$` and 64 hex digits, or `md5$` and 32.
fn is_identity_hash(s: &str) -> bool {
    let hex = |digits: &str, len: usize| {
        digits.len() == len && digits.chars().all(|c| c.is_ascii_hexdigit())
    };
    if let Some(digits) = s.strip_prefix("sha256$") {
        hex(digits, 64)
    } else if let Some(digits) = s.strip_prefix("md5$") {
        hex(digits, 32)
    } else {
        false
    }
}

/// Whether `s` looks like a compact JWS: three base64url parts, the middle one may be empty.
fn is_compact_jws(s: &str) -> bool {
    let base64url = |part: &str| {
        part.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    let parts: Vec<&str> = s.split('.').collect();
    match parts.as_slice() {
        [header, payload, signature] => {
            !header.is_empty()
                && !signature.is_empty()
                && base64url(header)
                && base64url(payload)
                && base64url(signature)
        }
        _ => false,
    }
}

/// Whether a value is display text: a string, a language map or value object, or a list of those.
fn is_text(value: &Value) -> bool {
    match value {
        Value::String(_) | Value::Object(_) => value_text(value).is_some(),
        Value::Array(items) => {
            !items.is_empty() && items.iter().all(|item| value_text(item).is_some())
        }
        _ => false,
    }
}

/// `type` must be there, be a string or a list of strings, and include one of `expected`
/// (any value when `expected` is empty).
fn check_type(report: &mut Report, object: &Map<String, Value>, base: &str, expected: &[&str]) {
    let path = child(base, "type");
    match object.get("type") {
        None => report.missing(path),
        Some(value) => match type_names(value) {
            None => report.wrong(path, "is not a string or a list of strings"),
            Some(names) => {
                if !expected.is_empty() && !expected.iter().any(|e| names.contains(e)) {
                    report.wrong(
                        path,
                        &format!("does not include {}", alternatives(expected)),
                    );
                }
            }
        },
    }
}

/// A string property.
fn check_string(
    report: &mut Report,
    object: &Map<String, Value>,
    base: &str,
    key: &str,
    required: bool,
) {
    let path = child(base, key);
    match object.get(key) {
        None => {
            if required {
                report.missing(path);
            }
        }
        Some(Value::String(_)) => {}
        Some(_) => report.wrong(path, "is not a string"),
    }
}

/// A URI property.
fn check_uri(
    report: &mut Report,
    object: &Map<String, Value>,
    base: &str,
    key: &str,
    required: bool,
) {
    check_identifier(report, object, base, key, required, is_uri);
}

/// An OB 2.0 IRI property (blank node identifiers allowed).
fn check_ob2_iri(
    report: &mut Report,
    object: &Map<String, Value>,
    base: &str,
    key: &str,
    required: bool,
) {
    check_identifier(report, object, base, key, required, is_ob2_iri);
}

fn check_identifier(
    report: &mut Report,
    object: &Map<String, Value>,
    base: &str,
    key: &str,
    required: bool,
    is_valid: fn(&str) -> bool,
) {
    let path = child(base, key);
    match object.get(key) {
        None => {
            if required {
                report.missing(path);
            }
        }
        Some(value @ Value::String(text)) => {
            if !is_valid(text) {
                report.wrong_value(path, value, "is not a URI");
            }
        }
        Some(_) => report.wrong(path, "is not a string"),
    }
}

/// A boolean property.
fn check_bool(
    report: &mut Report,
    object: &Map<String, Value>,
    base: &str,
    key: &str,
    required: bool,
) {
    let path = child(base, key);
    match object.get(key) {
        None => {
            if required {
                report.missing(path);
            }
        }
        Some(Value::Bool(_)) => {}
        Some(_) => report.wrong(path, "is not true or false"),
    }
}

/// A display-text property: a string or a language map.
fn check_text(
    report: &mut Report,
    object: &Map<String, Value>,
    base: &str,
    key: &str,
    required: bool,
) {
    let path = child(base, key);
    match object.get(key) {
        None => {
            if required {
                report.missing(path);
            }
        }
        Some(value) => {
            if !is_text(value) {
                report.wrong(path, "is not a string or a language map");
            }
        }
    }
}

/// An OB 3.0 date-time: RFC 3339 with a time zone.
fn check_datetime_z(
    report: &mut Report,
    object: &Map<String, Value>,
    base: &str,
    key: &str,
    required: bool,
) {
    let path = child(base, key);
    match object.get(key) {
        None => {
            if required {
                report.missing(path);
            }
        }
        Some(value) => {
            if value.as_str().and_then(parse_rfc3339).is_none() {
                report.wrong_value(path, value, "is not a date-time (RFC 3339)");
            }
        }
    }
}

/// An OB 1.0/2.0 date: ISO 8601 or a Unix timestamp.
fn check_ob2_date(report: &mut Report, object: &Map<String, Value>, key: &str, required: bool) {
    let path = key.to_owned();
    match object.get(key) {
        None => {
            if required {
                report.missing(path);
            }
        }
        Some(value) => {
            if parse_date_value(value).is_none() {
                report.wrong_value(
                    path,
                    value,
                    "is not a date-time (ISO 8601) or a Unix timestamp",
                );
            }
        }
    }
}

/// The object at `path`, or a problem saying it is not one.
fn as_object<'a>(
    report: &mut Report,
    value: &'a Value,
    path: &str,
) -> Option<&'a Map<String, Value>> {
    let object = value.as_object();
    if object.is_none() {
        report.wrong(path.to_owned(), "is not an object");
    }
    object
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// The credential being verified: an achievement or an endorsement credential.
    AnyOb3,
    /// An endorsement embedded in a credential or profile.
    Endorsement,
}

fn check_credential(report: &mut Report, value: &Value, base: &str, expect: Expect) {
    let Some(object) = as_object(report, value, base) else {
        return;
    };
    let vcdm = check_context(report, object, base);
    let endorsement = check_credential_type(report, object, base, expect);
    check_uri(report, object, base, "id", true);
    check_text(report, object, base, "name", true);
    check_text(report, object, base, "description", false);
    if let Some(image) = object.get("image") {
        check_image(report, image, &child(base, "image"));
    }
    match object.get("issuer") {
        None => report.missing(child(base, "issuer")),
        Some(issuer) => check_profile(report, issuer, &child(base, "issuer"), true),
    }
    check_validity_dates(report, object, base, vcdm);
    check_datetime_z(report, object, base, "awardedDate", false);

    let subject_path = child(base, "credentialSubject");
    match object.get("credentialSubject") {
        None => report.missing(subject_path),
        Some(Value::Array(_)) => report.wrong(subject_path, "is a list, not one object"),
        Some(subject) => {
            if endorsement {
                check_endorsement_subject(report, subject, &subject_path);
            } else {
                check_achievement_subject(report, subject, &subject_path);
            }
        }
    }

    for (path, evidence) in entries(object, base, "evidence") {
        if let Some(evidence) = as_object(report, evidence, &path) {
            check_type(report, evidence, &path, &["Evidence"]);
            check_uri(report, evidence, &path, "id", false);
        }
    }
    for key in ["credentialStatus", "credentialSchema", "refreshService"] {
        for (path, entry) in entries(object, base, key) {
            if let Some(entry) = as_object(report, entry, &path) {
                check_uri(report, entry, &path, "id", true);
                check_type(report, entry, &path, &[]);
            }
        }
    }
    for key in ["termsOfUse", "proof"] {
        for (path, entry) in entries(object, base, key) {
            if let Some(entry) = as_object(report, entry, &path) {
                check_type(report, entry, &path, &[]);
            }
        }
    }
    check_endorsements(report, object, base);
}

/// `@context`: the VC context first, an OB 3.0 context somewhere. Returns the data model.
fn check_context(report: &mut Report, object: &Map<String, Value>, base: &str) -> Option<Vcdm> {
    let path = child(base, "@context");
    let items: &[Value] = match object.get("@context") {
        None => {
            report.missing(path);
            return None;
        }
        Some(Value::Array(items)) => items,
        Some(single) => std::slice::from_ref(single),
    };
    for (index, item) in items.iter().enumerate() {
        if !(item.is_string() || item.is_object()) {
            report.wrong(
                format!("{path}[{index}]"),
                "is not a URL or a context object",
            );
        }
    }
    let vcdm = items
        .first()
        .and_then(Value::as_str)
        .and_then(Vcdm::from_context);
    if vcdm.is_none() {
        report.wrong(
            path.clone(),
            &format!(
                "does not start with the VC 2.0 or 1.1 context (\"{VC_V2_CONTEXT}\" or \"{VC_V1_CONTEXT}\")"
            ),
        );
    }
    if !items.iter().filter_map(Value::as_str).any(is_ob3_context) {
        report.wrong(
            path,
            &format!("does not include an Open Badges 3.0 context (\"{OB3_CONTEXT}\")"),
        );
    }
    vcdm
}

/// `type` of a credential. Returns whether it is to be read as an endorsement.
fn check_credential_type(
    report: &mut Report,
    object: &Map<String, Value>,
    base: &str,
    expect: Expect,
) -> bool {
    let path = child(base, "type");
    let names = match object.get("type") {
        None => {
            report.missing(path);
            return expect == Expect::Endorsement;
        }
        Some(value) => match type_names(value) {
            Some(names) => names,
            None => {
                report.wrong(path, "is not a string or a list of strings");
                return expect == Expect::Endorsement;
            }
        },
    };
    if !names.contains(&"VerifiableCredential") {
        report.wrong(path.clone(), "does not include \"VerifiableCredential\"");
    }
    let is_endorsement = names.contains(&"EndorsementCredential");
    let is_achievement = names
        .iter()
        .any(|name| *name == "OpenBadgeCredential" || *name == "AchievementCredential");
    match expect {
        Expect::Endorsement => {
            if !is_endorsement {
                report.wrong(path, "does not include \"EndorsementCredential\"");
            }
            true
        }
        Expect::AnyOb3 => {
            if !is_endorsement && !is_achievement {
                report.wrong(
                    path,
                    "does not include \"OpenBadgeCredential\" or \"AchievementCredential\"",
                );
            }
            is_endorsement && !is_achievement
        }
    }
}

/// `validFrom` (VCDM 2.0) or `issuanceDate` (VCDM 1.1) is required; every
/// validity date that is present must be an RFC 3339 date-time.
fn check_validity_dates(
    report: &mut Report,
    object: &Map<String, Value>,
    base: &str,
    vcdm: Option<Vcdm>,
) {
    let required = match vcdm {
        Some(vcdm) => Some(vcdm.valid_from_property()),
        None if object.contains_key("validFrom") || object.contains_key("issuanceDate") => None,
        None => Some("validFrom"),
    };
    for key in ["validFrom", "validUntil", "issuanceDate", "expirationDate"] {
        check_datetime_z(report, object, base, key, required == Some(key));
    }
}

fn check_endorsements(report: &mut Report, object: &Map<String, Value>, base: &str) {
    for (path, endorsement) in entries(object, base, "endorsement") {
        check_credential(report, endorsement, &path, Expect::Endorsement);
    }
    for (path, jwt) in entries(object, base, "endorsementJwt") {
        if !jwt.as_str().is_some_and(is_compact_jws) {
            report.wrong(path, "is not a compact JWS");
        }
    }
}

/// A `Profile`: a URI (where `reference_allowed`) or an object with `id` and `type`.
fn check_profile(report: &mut Report, value: &Value, path: &str, reference_allowed: bool) {
    let object = match value {
        Value::String(text) if reference_allowed => {
            if !is_uri(text) {
                report.wrong_value(path.to_owned(), value, "is not a URI");
            }
            return;
        }
        Value::Object(object) => object,
        _ => {
            let what = if reference_allowed {
                "is not a URI or an object"
            } else {
                "is not an object"
            };
            report.wrong(path.to_owned(), what);
            return;
        }
    };
    check_uri(report, object, path, "id", true);
    check_type(report, object, path, &["Profile"]);
    check_text(report, object, path, "name", false);
    check_text(report, object, path, "description", false);
    if let Some(image) = object.get("image") {
        check_image(report, image, &child(path, "image"));
    }
    if let Some(parent) = object.get("parentOrg") {
        check_profile(report, parent, &child(path, "parentOrg"), false);
    }
    if let Some(address) = object.get("address") {
        let address_path = child(path, "address");
        if let Some(address) = as_object(report, address, &address_path) {
            check_type(report, address, &address_path, &["Address"]);
        }
    }
    check_other_identifiers(report, object, path);
    check_endorsements(report, object, path);
}

/// `otherIdentifier`: `IdentifierEntry` objects with `identifier` and `identifierType`.
fn check_other_identifiers(report: &mut Report, object: &Map<String, Value>, base: &str) {
    for (path, entry) in entries(object, base, "otherIdentifier") {
        if let Some(entry) = as_object(report, entry, &path) {
            check_type(report, entry, &path, &["IdentifierEntry"]);
            check_string(report, entry, &path, "identifier", true);
            check_string(report, entry, &path, "identifierType", true);
        }
    }
}

/// An `Image`: a URI, or an object with `id` and `type` `Image`.
fn check_image(report: &mut Report, value: &Value, path: &str) {
    match value {
        Value::String(text) => {
            if !is_uri(text) {
                report.wrong_value(path.to_owned(), value, "is not a URI");
            }
        }
        Value::Object(object) => {
            check_uri(report, object, path, "id", true);
            check_type(report, object, path, &["Image"]);
        }
        _ => report.wrong(path.to_owned(), "is not a URI or an object"),
    }
}

fn check_achievement_subject(report: &mut Report, value: &Value, path: &str) {
    let Some(object) = as_object(report, value, path) else {
        return;
    };
    check_type(report, object, path, &["AchievementSubject"]);
    check_uri(report, object, path, "id", false);
    let achievement_path = child(path, "achievement");
    match object.get("achievement") {
        None => report.missing(achievement_path),
        Some(achievement) => {
            if let Some(achievement) = as_object(report, achievement, &achievement_path) {
                check_achievement(report, achievement, &achievement_path);
            }
        }
    }
    for (entry_path, entry) in entries(object, path, "identifier") {
        if let Some(entry) = as_object(report, entry, &entry_path) {
            check_identity_object(report, entry, &entry_path);
        }
    }
    for (entry_path, entry) in entries(object, path, "result") {
        if let Some(entry) = as_object(report, entry, &entry_path) {
            check_type(report, entry, &entry_path, &["Result"]);
            check_alignments(report, entry, &entry_path);
        }
    }
    if let Some(source) = object.get("source") {
        check_profile(report, source, &child(path, "source"), false);
    }
    if let Some(image) = object.get("image") {
        check_image(report, image, &child(path, "image"));
    }
}

fn check_identity_object(report: &mut Report, object: &Map<String, Value>, path: &str) {
    check_type(report, object, path, &["IdentityObject"]);
    check_bool(report, object, path, "hashed", true);
    check_string(report, object, path, "identityHash", true);
    check_string(report, object, path, "identityType", true);
    check_string(report, object, path, "salt", false);
    check_hashed_identity(report, object, path, "identityHash");
}

/// When `hashed` is true, the property `key` must be a hash (`sha256$…` or `md5$…`).
fn check_hashed_identity(report: &mut Report, object: &Map<String, Value>, path: &str, key: &str) {
    if let (Some(Value::Bool(true)), Some(value @ Value::String(text))) =
        (object.get("hashed"), object.get(key))
        && !is_identity_hash(text)
    {
        report.wrong_value(
            child(path, key),
            value,
            &format!("is not a hash (\"sha256$…\" or \"md5$…\") although {path}.hashed is true"),
        );
    }
}

fn check_achievement(report: &mut Report, object: &Map<String, Value>, path: &str) {
    check_uri(report, object, path, "id", true);
    check_type(report, object, path, &["Achievement"]);
    check_text(report, object, path, "name", true);
    check_text(report, object, path, "description", true);
    let criteria_path = child(path, "criteria");
    match object.get("criteria") {
        None => report.missing(criteria_path),
        Some(criteria) => {
            if let Some(criteria) = as_object(report, criteria, &criteria_path) {
                check_uri(report, criteria, &criteria_path, "id", false);
                check_string(report, criteria, &criteria_path, "narrative", false);
                if !criteria.contains_key("id") && !criteria.contains_key("narrative") {
                    report.wrong(criteria_path, "has neither id nor narrative");
                }
            }
        }
    }
    if let Some(image) = object.get("image") {
        check_image(report, image, &child(path, "image"));
    }
    if let Some(creator) = object.get("creator") {
        check_profile(report, creator, &child(path, "creator"), false);
    }
    check_alignments(report, object, path);
    for (entry_path, entry) in entries(object, path, "resultDescription") {
        if let Some(entry) = as_object(report, entry, &entry_path) {
            check_uri(report, entry, &entry_path, "id", true);
            check_type(report, entry, &entry_path, &["ResultDescription"]);
            check_text(report, entry, &entry_path, "name", true);
            check_string(report, entry, &entry_path, "resultType", true);
            check_alignments(report, entry, &entry_path);
        }
    }
    check_other_identifiers(report, object, path);
    check_endorsements(report, object, path);
}

/// `alignment`: `Alignment` objects with `targetName` and `targetUrl`.
fn check_alignments(report: &mut Report, object: &Map<String, Value>, base: &str) {
    for (path, entry) in entries(object, base, "alignment") {
        if let Some(entry) = as_object(report, entry, &path) {
            check_type(report, entry, &path, &["Alignment"]);
            check_string(report, entry, &path, "targetName", true);
            check_uri(report, entry, &path, "targetUrl", true);
        }
    }
}

fn check_endorsement_subject(report: &mut Report, value: &Value, path: &str) {
    if let Some(object) = as_object(report, value, path) {
        check_uri(report, object, path, "id", true);
        check_type(report, object, path, &["EndorsementSubject"]);
    }
}

fn check_assertion(report: &mut Report, object: &Map<String, Value>) {
    match object.get("@context") {
        None => report.missing("@context".to_owned()),
        Some(context) => {
            let items: &[Value] = match context {
                Value::Array(items) => items,
                single => std::slice::from_ref(single),
            };
            if !items.iter().filter_map(Value::as_str).any(is_ob2_context) {
                report.wrong(
                    "@context".to_owned(),
                    &format!("does not include \"{OB2_CONTEXT}\""),
                );
            }
        }
    }
    check_type(report, object, "", &["Assertion"]);
    check_ob2_iri(report, object, "", "id", true);

    match object.get("recipient") {
        None => report.missing("recipient".to_owned()),
        Some(recipient) => {
            if let Some(recipient) = as_object(report, recipient, "recipient") {
                check_ob2_identity(report, recipient, "recipient");
            }
        }
    }
    match object.get("badge") {
        None => report.missing("badge".to_owned()),
        Some(value @ Value::String(url)) => {
            if !is_ob2_iri(url) {
                report.wrong_value("badge".to_owned(), value, "is not a URI");
            }
        }
        Some(Value::Object(badge)) => check_badge_class(report, badge, "badge"),
        Some(_) => report.wrong("badge".to_owned(), "is not a URI or an object"),
    }
    match object.get("verification") {
        None => report.missing("verification".to_owned()),
        Some(verification) => {
            if let Some(verification) = as_object(report, verification, "verification") {
                check_verification(report, verification);
            }
        }
    }
    check_ob2_date(report, object, "issuedOn", true);
    check_ob2_date(report, object, "expires", false);
    if let Some(image) = object.get("image") {
        check_ob2_reference_or_object(report, image, "image", true);
    }
    for (path, evidence) in entries(object, "", "evidence") {
        check_ob2_reference_or_object(report, evidence, &path, false);
    }
    check_string(report, object, "", "narrative", false);
    check_bool(report, object, "", "revoked", false);
    check_string(report, object, "", "revocationReason", false);
}

fn check_ob2_identity(report: &mut Report, object: &Map<String, Value>, path: &str) {
    check_string(report, object, path, "type", true);
    check_string(report, object, path, "identity", true);
    check_bool(report, object, path, "hashed", true);
    check_string(report, object, path, "salt", false);
    check_hashed_identity(report, object, path, "identity");
}

fn check_verification(report: &mut Report, object: &Map<String, Value>) {
    const METHODS: [&str; 4] = ["hosted", "HostedBadge", "signed", "SignedBadge"];
    match object.get("type") {
        None => report.missing("verification.type".to_owned()),
        Some(value) => match type_names(value) {
            Some(names) if names.iter().any(|name| METHODS.contains(name)) => {}
            _ => report.wrong_value(
                "verification.type".to_owned(),
                value,
                "is not \"hosted\" or \"signed\"",
            ),
        },
    }
    check_ob2_iri(report, object, "verification", "creator", false);
}

fn check_badge_class(report: &mut Report, object: &Map<String, Value>, path: &str) {
    check_ob2_iri(report, object, path, "id", true);
    check_type(report, object, path, &["BadgeClass"]);
    check_text(report, object, path, "name", true);
    check_text(report, object, path, "description", true);
    let image_path = child(path, "image");
    match object.get("image") {
        None => report.missing(image_path),
        Some(image) => check_ob2_reference_or_object(report, image, &image_path, true),
    }
    let criteria_path = child(path, "criteria");
    match object.get("criteria") {
        None => report.missing(criteria_path),
        Some(value @ Value::String(url)) => {
            if !is_ob2_iri(url) {
                report.wrong_value(criteria_path, value, "is not a URI");
            }
        }
        Some(Value::Object(criteria)) => {
            check_ob2_iri(report, criteria, &criteria_path, "id", false);
            check_string(report, criteria, &criteria_path, "narrative", false);
            if !criteria.contains_key("id") && !criteria.contains_key("narrative") {
                report.wrong(criteria_path, "has neither id nor narrative");
            }
        }
        Some(_) => report.wrong(criteria_path, "is not a URI or an object"),
    }
    let issuer_path = child(path, "issuer");
    match object.get("issuer") {
        None => report.missing(issuer_path),
        Some(value @ Value::String(url)) => {
            if !is_ob2_iri(url) {
                report.wrong_value(issuer_path, value, "is not a URI");
            }
        }
        Some(Value::Object(issuer)) => {
            check_ob2_iri(report, issuer, &issuer_path, "id", true);
            check_type(report, issuer, &issuer_path, &["Issuer", "Profile"]);
            check_text(report, issuer, &issuer_path, "name", true);
        }
        Some(_) => report.wrong(issuer_path, "is not a URI or an object"),
    }
}

/// An OB 2.0 image or evidence: a URI, or an object (with an `id` where `id_required`).
fn check_ob2_reference_or_object(
    report: &mut Report,
    value: &Value,
    path: &str,
    id_required: bool,
) {
    match value {
        Value::String(text) => {
            if !is_ob2_iri(text) {
                report.wrong_value(path.to_owned(), value, "is not a URI");
            }
        }
        Value::Object(object) => check_ob2_iri(report, object, path, "id", id_required),
        _ => report.wrong(path.to_owned(), "is not a URI or an object"),
    }
}
