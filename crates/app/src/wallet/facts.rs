//! What the wallet reads from a badge for people: names, issuer, recipient,
//! dates, evidence, alignments and skills. Best effort and never failing: a
//! field that is missing or has an odd shape is left empty.
//!
//! OB 3.0 credentials (JSON, or the payload of a VC-JWT) and OB 1.x/2.0
//! assertions (JSON, the payload of a signed JWS, or fetched when hosted) are
//! read. A part an OB 2.0 assertion names by URL (its badge class, its issuer)
//! is read only when `lookup` has it: the caller fetches only when the user
//! allowed the network.

use serde_json::Value;

use crate::dto::{
    AlignmentFacts, BadgeFacts, BadgeVersion, EvidenceFacts, IssuerFacts, RecipientFacts,
};

/// Looks up the JSON behind a URL (a badge class, an issuer), when allowed.
pub(crate) type Lookup<'a> = &'a dyn Fn(&str) -> Option<Value>;

/// The longest text kept from any one field.
const MAX_FIELD_CHARS: usize = 20_000;
/// The most list items (evidence, alignments, skills) kept.
const MAX_ITEMS: usize = 200;

/// A string field, trimmed; `None` when missing, empty or not a string.
fn text(value: Option<&Value>) -> Option<String> {
    let s = match value? {
        Value::String(s) => s.trim(),
        // OB 3.0 allows language maps for some strings: take the first.
        Value::Object(map) => map.values().find_map(Value::as_str)?.trim(),
        _ => return None,
    };
    (!s.is_empty()).then(|| s.chars().take(MAX_FIELD_CHARS).collect())
}

fn get<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    value.as_object()?.get(key)
}

fn field(value: &Value, key: &str) -> Option<String> {
    text(get(value, key))
}

/// A value that may be one item or an array of items.
fn many(value: Option<&Value>) -> Vec<&Value> {
    match value {
        Some(Value::Array(items)) => items.iter().take(MAX_ITEMS).collect(),
        Some(Value::Null) | None => Vec::new(),
        Some(one) => vec![one],
    }
}

/// An object given inline, or the JSON `lookup` finds for its URL.
fn object_or_lookup(value: Option<&Value>, lookup: Lookup<'_>) -> Option<Value> {
    match value? {
        Value::Object(_) => value.cloned(),
        Value::String(url) => lookup(url),
        _ => None,
    }
}

/// The id of an object, or the string itself when it is given by reference.
fn id_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => text(Some(&Value::String(s.clone()))),
        v => field(v, "id"),
    }
}

/// An image: a URL or data URI given as a string or as `{ "id": … }`.
fn image_of(value: Option<&Value>) -> Option<String> {
    id_of(value).filter(|s| s.len() <= 8 * 1024 * 1024)
}

fn issuer_facts(value: Option<&Value>, lookup: Lookup<'_>) -> IssuerFacts {
    let id = id_of(value);
    let Some(profile) = object_or_lookup(value, lookup) else {
        return IssuerFacts {
            id,
            ..IssuerFacts::default()
        };
    };
    IssuerFacts {
        id: id.or_else(|| field(&profile, "id")),
        name: field(&profile, "name"),
        url: field(&profile, "url"),
        email: field(&profile, "email"),
        description: field(&profile, "description"),
        image: image_of(get(&profile, "image")),
    }
}

fn alignments(value: Option<&Value>) -> Vec<AlignmentFacts> {
    many(value)
        .into_iter()
        .filter_map(|a| {
            Some(AlignmentFacts {
                name: field(a, "targetName")?,
                url: field(a, "targetUrl"),
                description: field(a, "targetDescription"),
                framework: field(a, "targetFramework"),
                code: field(a, "targetCode"),
            })
        })
        .collect()
}

fn evidence(value: Option<&Value>) -> Vec<EvidenceFacts> {
    many(value)
        .into_iter()
        .filter_map(|e| match e {
            Value::String(url) => Some(EvidenceFacts {
                url: Some(url.clone()),
                ..EvidenceFacts::default()
            }),
            Value::Object(_) => Some(EvidenceFacts {
                url: field(e, "id"),
                name: field(e, "name"),
                description: field(e, "description"),
                narrative: field(e, "narrative"),
            }),
            _ => None,
        })
        .collect()
}

fn strings(value: Option<&Value>) -> Vec<String> {
    many(value)
        .into_iter()
        .filter_map(|v| text(Some(v)))
        .collect()
}

/// Reads an OB 3.0 credential (the payload of a VC-JWT may wrap it in `vc`).
fn ob3(doc: &Value, lookup: Lookup<'_>) -> BadgeFacts {
    let vc = get(doc, "vc").filter(|v| v.is_object()).unwrap_or(doc);
    let subject = many(get(vc, "credentialSubject"))
        .into_iter()
        .next()
        .cloned()
        .unwrap_or(Value::Null);
    let achievement = get(&subject, "achievement").cloned().unwrap_or(Value::Null);
    let criteria = get(&achievement, "criteria");
    let mut skills: Vec<String> = many(get(&achievement, "resultDescription"))
        .into_iter()
        .filter_map(|r| field(r, "name"))
        .collect();
    for result in many(get(&subject, "result")) {
        if let Some(value) = field(result, "value") {
            skills.push(value);
        }
    }
    let recipient = ob3_recipient(&subject);
    let valid_from = field(vc, "validFrom")
        .or_else(|| field(vc, "issuanceDate"))
        .or_else(|| get(doc, "nbf").and_then(unix_time));
    let valid_until = field(vc, "validUntil")
        .or_else(|| field(vc, "expirationDate"))
        .or_else(|| get(doc, "exp").and_then(unix_time));
    let issuer_value = get(vc, "issuer").or_else(|| get(doc, "iss"));
    let mut evidence = evidence(get(vc, "evidence"));
    evidence.extend(self::evidence(get(&subject, "evidence")));
    BadgeFacts {
        credential_id: field(vc, "id").or_else(|| field(doc, "jti")),
        name: field(&achievement, "name")
            .or_else(|| field(vc, "name"))
            .unwrap_or_default(),
        description: field(&achievement, "description").or_else(|| field(vc, "description")),
        criteria: criteria.and_then(|c| field(c, "narrative")),
        criteria_url: criteria.and_then(|c| field(c, "id")),
        achievement_type: field(&achievement, "achievementType"),
        issuer: issuer_facts(issuer_value, lookup),
        recipient,
        issued_on: field(vc, "awardedDate").or_else(|| valid_from.clone()),
        valid_from,
        valid_until,
        evidence,
        alignments: alignments(get(&achievement, "alignment")),
        skills,
        keywords: strings(get(&achievement, "tag")),
    }
}

/// A JWT's `nbf`/`exp` (seconds since 1970) as RFC 3339.
fn unix_time(value: &Value) -> Option<String> {
    let seconds = value.as_i64()?;
    let at = time::OffsetDateTime::from_unix_timestamp(seconds).ok()?;
    at.format(&time::format_description::well_known::Rfc3339)
        .ok()
}

fn ob3_recipient(subject: &Value) -> RecipientFacts {
    let name = many(get(subject, "identifier"))
        .into_iter()
        .find(|i| field(i, "identityType").as_deref() == Some("name"))
        .and_then(|i| field(i, "identityHash"));
    let identity = many(get(subject, "identifier"))
        .into_iter()
        .find(|i| field(i, "identityType").as_deref() != Some("name"));
    if let Some(identity) = identity {
        let hashed = get(identity, "hashed")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let kind = field(identity, "identityType")
            .map(|t| match t.as_str() {
                "emailAddress" => "email".to_owned(),
                "phone" => "telephone".to_owned(),
                other => other.to_owned(),
            })
            .unwrap_or_else(|| "identity".into());
        return RecipientFacts {
            kind,
            value: (!hashed).then(|| field(identity, "identityHash")).flatten(),
            hashed,
            name,
        };
    }
    match field(subject, "id") {
        Some(id) => RecipientFacts {
            kind: if id.starts_with("did:") { "did" } else { "url" }.into(),
            value: Some(id),
            hashed: false,
            name,
        },
        None => RecipientFacts {
            kind: "none".into(),
            name,
            ..RecipientFacts::default()
        },
    }
}

/// Reads an OB 1.x/2.0 assertion.
fn ob2(doc: &Value, lookup: Lookup<'_>) -> BadgeFacts {
    let badge = object_or_lookup(get(doc, "badge"), lookup).unwrap_or(Value::Null);
    let criteria = get(&badge, "criteria");
    let (criteria_text, criteria_url) = match criteria {
        Some(Value::String(url)) => (None, Some(url.clone())),
        Some(c) => (field(c, "narrative"), field(c, "id")),
        None => (None, None),
    };
    let recipient = get(doc, "recipient").cloned().unwrap_or(Value::Null);
    let hashed = get(&recipient, "hashed")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let identity = field(&recipient, "identity");
    let recipient = match &identity {
        Some(id) => RecipientFacts {
            kind: field(&recipient, "type").unwrap_or_else(|| "email".into()),
            value: (!hashed).then(|| id.clone()),
            hashed,
            name: None,
        },
        None => RecipientFacts {
            kind: "none".into(),
            ..RecipientFacts::default()
        },
    };
    let issued_on = get(doc, "issuedOn").and_then(ob2_date);
    let mut evidence = evidence(get(doc, "evidence"));
    if evidence.is_empty()
        && let Some(narrative) = field(doc, "narrative")
    {
        evidence.push(EvidenceFacts {
            narrative: Some(narrative),
            ..EvidenceFacts::default()
        });
    }
    BadgeFacts {
        credential_id: field(doc, "id").or_else(|| field(doc, "uid")),
        name: field(&badge, "name").unwrap_or_default(),
        description: field(&badge, "description"),
        criteria: criteria_text,
        criteria_url,
        achievement_type: None,
        issuer: issuer_facts(get(&badge, "issuer"), lookup),
        recipient,
        valid_from: issued_on.clone(),
        issued_on,
        valid_until: get(doc, "expires").and_then(ob2_date),
        evidence,
        alignments: alignments(get(&badge, "alignment")),
        skills: Vec::new(),
        keywords: strings(get(&badge, "tags")),
    }
}

/// OB 1.0 dates may be Unix seconds; OB 2.0 dates are ISO 8601 strings.
fn ob2_date(value: &Value) -> Option<String> {
    match value {
        Value::Number(_) => unix_time(value),
        Value::String(s) if s.chars().all(|c| c.is_ascii_digit()) && !s.is_empty() => {
            unix_time(&Value::from(s.parse::<i64>().ok()?))
        }
        other => text(Some(other)),
    }
}

/// Reads the facts of a decoded badge document.
pub(crate) fn read(doc: &Value, version: BadgeVersion, lookup: Lookup<'_>) -> BadgeFacts {
    match version {
        BadgeVersion::Ob3 => ob3(doc, lookup),
        BadgeVersion::Ob2 | BadgeVersion::Ob1 => ob2(doc, lookup),
        BadgeVersion::Unknown => {
            if get(doc, "credentialSubject").is_some() || get(doc, "vc").is_some() {
                ob3(doc, lookup)
            } else {
                ob2(doc, lookup)
            }
        }
    }
}

/// The image the badge names: the achievement's (OB 3.0) or the badge
/// class's or assertion's (OB 2.0), as a URL or data URI.
pub(crate) fn image_ref(doc: &Value, lookup: Lookup<'_>) -> Option<String> {
    let vc = get(doc, "vc").filter(|v| v.is_object()).unwrap_or(doc);
    if let Some(subject) = many(get(vc, "credentialSubject")).into_iter().next() {
        let from_achievement = get(subject, "achievement").and_then(|a| image_of(get(a, "image")));
        return from_achievement.or_else(|| image_of(get(vc, "image")));
    }
    image_of(get(doc, "image")).or_else(|| {
        let badge = object_or_lookup(get(doc, "badge"), lookup)?;
        image_of(get(&badge, "image"))
    })
}

/// The proof values of a JSON credential (Data Integrity `proofValue`, or a
/// detached `jws`), joined; empty when it has no proof.
pub(crate) fn proof_values(doc: &Value) -> String {
    many(get(doc, "proof"))
        .into_iter()
        .filter_map(|p| field(p, "proofValue").or_else(|| field(p, "jws")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words to search beyond name, description and issuer: skills, alignments,
/// keywords, criteria and the recipient's name.
pub(crate) fn search_words(facts: &BadgeFacts) -> String {
    let mut words: Vec<&str> = Vec::new();
    words.extend(facts.skills.iter().map(String::as_str));
    words.extend(facts.keywords.iter().map(String::as_str));
    for a in &facts.alignments {
        words.push(&a.name);
        words.extend(a.framework.as_deref());
        words.extend(a.code.as_deref());
    }
    words.extend(facts.achievement_type.as_deref());
    words.extend(facts.recipient.name.as_deref());
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn none(_: &str) -> Option<Value> {
        None
    }

    #[test]
    fn reads_an_ob3_credential() {
        let doc = json!({
            "id": "urn:uuid:1",
            "issuer": {"id": "did:key:z6Mk", "name": "Riverside", "url": "https://riverside.example"},
            "validFrom": "2025-01-01T00:00:00Z",
            "validUntil": "2030-01-01T00:00:00Z",
            "credentialSubject": {
                "identifier": [
                    {"identityType": "emailAddress", "identityHash": "sha256$ab", "hashed": true},
                    {"identityType": "name", "identityHash": "Ada", "hashed": false}
                ],
                "achievement": {
                    "name": "First Program", "description": "Wrote one.",
                    "criteria": {"narrative": "Write a program."},
                    "image": {"id": "data:image/png;base64,AA=="},
                    "alignment": [{"targetName": "Coding", "targetUrl": "https://x.example", "targetFramework": "ESCO"}],
                    "resultDescription": [{"name": "Knots tied"}],
                    "tag": ["code"]
                }
            },
            "evidence": [{"id": "https://e.example", "name": "Repo"}],
            "proof": {"proofValue": "z58"}
        });
        let f = read(&doc, BadgeVersion::Ob3, &none);
        assert_eq!(f.name, "First Program");
        assert_eq!(f.issuer.name.as_deref(), Some("Riverside"));
        assert_eq!(f.issuer.id.as_deref(), Some("did:key:z6Mk"));
        assert_eq!(f.recipient.kind, "email");
        assert!(f.recipient.hashed);
        assert_eq!(f.recipient.value, None);
        assert_eq!(f.recipient.name.as_deref(), Some("Ada"));
        assert_eq!(f.issued_on.as_deref(), Some("2025-01-01T00:00:00Z"));
        assert_eq!(f.alignments[0].name, "Coding");
        assert_eq!(f.skills, ["Knots tied"]);
        assert_eq!(f.evidence[0].name.as_deref(), Some("Repo"));
        assert_eq!(
            image_ref(&doc, &none).as_deref(),
            Some("data:image/png;base64,AA==")
        );
        assert_eq!(proof_values(&doc), "z58");
        assert!(search_words(&f).contains("ESCO"));
    }

    #[test]
    fn reads_an_ob2_assertion_with_its_badge_class_by_url_only_when_found() {
        let doc = json!({
            "id": "https://a.example/1", "issuedOn": "2016-12-31T23:59:59Z",
            "recipient": {"type": "email", "identity": "ada@example.org", "hashed": false},
            "badge": "https://a.example/class"
        });
        let offline = read(&doc, BadgeVersion::Ob2, &none);
        assert_eq!(offline.name, "");
        assert_eq!(offline.recipient.value.as_deref(), Some("ada@example.org"));
        let class = json!({"name": "Chess", "criteria": "https://a.example/criteria",
            "image": "https://a.example/i.png", "issuer": {"id": "https://a.example/org", "name": "Club"}});
        let online = read(&doc, BadgeVersion::Ob2, &|url: &str| {
            (url == "https://a.example/class").then(|| class.clone())
        });
        assert_eq!(online.name, "Chess");
        assert_eq!(online.issuer.name.as_deref(), Some("Club"));
        assert_eq!(
            online.criteria_url.as_deref(),
            Some("https://a.example/criteria")
        );
    }

    #[test]
    fn odd_shapes_give_empty_fields_not_errors() {
        let doc = json!({"credentialSubject": 7, "issuer": [], "evidence": {"x": 1}});
        let f = read(&doc, BadgeVersion::Unknown, &none);
        assert_eq!(f.name, "");
        assert_eq!(f.recipient.kind, "none");
        assert_eq!(f.evidence.len(), 1);
        let ob1 = json!({"issuedOn": 1_500_000_000, "badge": {"name": "Old"}});
        assert_eq!(
            read(&ob1, BadgeVersion::Ob1, &none).issued_on.as_deref(),
            Some("2017-07-14T02:40:00Z")
        );
    }
}
