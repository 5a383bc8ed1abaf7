//! Telling Open Badges versions apart by their content, and pulling a few facts
//! out for a heading. Best effort: verification proper lives elsewhere.

use serde_json::Value;

use crate::dto::{BadgeSummary, BadgeVersion};

/// Guesses the version of a JSON credential or assertion (or JWT payload).
///
/// OB 3.0 credentials are Verifiable Credentials (a VCDM `@context`, a
/// `VerifiableCredential` type, or a VC-JWT `vc` claim). OB 2.0 names the
/// `https://w3id.org/openbadges/v2` context; OB 1.x assertions have `badge` and
/// `recipient` (or `uid`) without a 2.0 context.
/// See: <https://www.imsglobal.org/spec/ob/v3p0/#context-file>
pub(crate) fn guess(json: &Value) -> BadgeVersion {
    let Some(obj) = json.as_object() else {
        return BadgeVersion::Unknown;
    };
    if obj.get("vc").is_some_and(Value::is_object) {
        return BadgeVersion::Ob3;
    }
    let contexts = strings(obj.get("@context"));
    let types = strings(obj.get("type"));
    let vc_context = contexts.iter().any(|c| {
        c.starts_with("https://www.w3.org/ns/credentials/")
            || c.starts_with("https://www.w3.org/2018/credentials/")
            || c.starts_with("https://purl.imsglobal.org/spec/ob/v3p0/")
    });
    let vc_type = types.iter().any(|t| {
        matches!(
            t.as_str(),
            "VerifiableCredential"
                | "OpenBadgeCredential"
                | "AchievementCredential"
                | "EndorsementCredential"
        )
    });
    if vc_context || vc_type {
        return BadgeVersion::Ob3;
    }
    if contexts
        .iter()
        .any(|c| c.contains("openbadges/v2") || c.contains("openbadgespec.org/v2"))
    {
        return BadgeVersion::Ob2;
    }
    if contexts.iter().any(|c| c.contains("openbadges/v1"))
        || (obj.contains_key("badge") && (obj.contains_key("recipient") || obj.contains_key("uid")))
    {
        return BadgeVersion::Ob1;
    }
    BadgeVersion::Unknown
}

/// The version in words.
pub(crate) fn label(version: BadgeVersion, hosted_url: bool) -> String {
    match (version, hosted_url) {
        (_, true) => "Open Badges 1.x/2.0 hosted assertion (URL)".into(),
        (BadgeVersion::Ob3, _) => "Open Badges 3.0".into(),
        (BadgeVersion::Ob2, _) => "Open Badges 2.0".into(),
        (BadgeVersion::Ob1, _) => "Open Badges 1.x".into(),
        (BadgeVersion::Unknown, _) => "Unknown".into(),
    }
}

/// Picks the name, issuer and dates from an OB 3.0 credential (VCDM 2.0 or 1.1,
/// or a VC-JWT payload's `vc` claim) or an OB 1.x/2.0 assertion.
pub(crate) fn summary(json: &Value) -> BadgeSummary {
    let root = json.get("vc").filter(|v| v.is_object()).unwrap_or(json);
    let subject = first(root.get("credentialSubject"));
    let achievement = subject.and_then(|s| s.get("achievement"));
    let badge = root.get("badge");
    let name = text(root.get("name"))
        .or_else(|| achievement.and_then(|a| text(a.get("name"))))
        .or_else(|| badge.and_then(|b| text(b.get("name"))));
    let issuer_node = root
        .get("issuer")
        .or_else(|| badge.and_then(|b| b.get("issuer")));
    let issuer = issuer_node.and_then(|i| {
        text(i.get("name"))
            .or_else(|| text(i.get("id")))
            .or_else(|| text(Some(i)))
    });
    let issued = text(root.get("validFrom"))
        .or_else(|| text(root.get("issuanceDate")))
        .or_else(|| text(root.get("issuedOn")))
        .or_else(|| {
            json.get("nbf")
                .and_then(Value::as_i64)
                .map(|n| format!("{n} (Unix time)"))
        });
    let expires = text(root.get("validUntil"))
        .or_else(|| text(root.get("expirationDate")))
        .or_else(|| text(root.get("expires")));
    BadgeSummary {
        name,
        issuer,
        issued,
        expires,
    }
}

fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

fn first(v: Option<&Value>) -> Option<&Value> {
    match v {
        Some(Value::Array(items)) => items.first(),
        other => other,
    }
}

fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        // Language maps ("name": {"en": "…"}) show their first value.
        Value::Object(map) => map.values().find_map(|v| v.as_str()).map(str::to_owned),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn tells_versions_apart() {
        let ob3 = json!({"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"]});
        let ob3_jwt = json!({"iss": "x", "vc": {"type": ["VerifiableCredential"]}});
        let ob2 = json!({"@context": "https://w3id.org/openbadges/v2", "type": "Assertion"});
        let ob1 = json!({"uid": "1", "badge": "https://example.org/b", "recipient": "x"});
        assert_eq!(guess(&ob3), BadgeVersion::Ob3);
        assert_eq!(guess(&ob3_jwt), BadgeVersion::Ob3);
        assert_eq!(guess(&ob2), BadgeVersion::Ob2);
        assert_eq!(guess(&ob1), BadgeVersion::Ob1);
        assert_eq!(guess(&json!({"hello": 1})), BadgeVersion::Unknown);
        assert_eq!(guess(&json!([1])), BadgeVersion::Unknown);
    }

    #[test]
    fn summarises_ob3_and_ob2() {
        let ob3 = json!({
            "issuer": {"id": "did:key:z6Mk", "name": "Chess Club"},
            "validFrom": "2026-01-01T00:00:00Z",
            "credentialSubject": {"achievement": {"name": "Checkmate"}}
        });
        let s = summary(&ob3);
        assert_eq!(s.name.as_deref(), Some("Checkmate"));
        assert_eq!(s.issuer.as_deref(), Some("Chess Club"));
        assert_eq!(s.issued.as_deref(), Some("2026-01-01T00:00:00Z"));
        let ob2 = json!({"badge": {"name": "Robots", "issuer": "https://example.org/i"}, "issuedOn": "2016-12-31"});
        let s = summary(&ob2);
        assert_eq!(s.name.as_deref(), Some("Robots"));
        assert_eq!(s.issuer.as_deref(), Some("https://example.org/i"));
        assert_eq!(s.issued.as_deref(), Some("2016-12-31"));
    }
}
