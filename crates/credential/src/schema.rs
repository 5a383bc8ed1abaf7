//! Required fields per specification (provisional).

use serde_json::Value;

/// One schema problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the field.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

/// OB 3.0 problems.
pub fn ob3_problems(value: &Value) -> Vec<Problem> {
    ["issuer", "credentialSubject"]
        .iter()
        .filter(|k| value.get(**k).is_none())
        .map(|k| Problem {
            path: (*k).into(),
            message: format!("{k} is missing"),
        })
        .collect()
}

/// OB 2.0 problems.
pub fn ob2_problems(value: &Value) -> Vec<Problem> {
    ["recipient", "badge"]
        .iter()
        .filter(|k| value.get(**k).is_none())
        .map(|k| Problem {
            path: (*k).into(),
            message: format!("{k} is missing"),
        })
        .collect()
}

/// RFC 3339 date-time.
pub fn parse_datetime(s: &str) -> Option<time::OffsetDateTime> {
    time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).ok()
}
