//! The verification report, exactly as `badgesmith verify --json` prints it.

use serde::Serialize;

/// What kind of badge was verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Format {
    /// An OB 3.0 credential as JSON with an embedded (Data Integrity) proof, or unsigned.
    #[serde(rename = "ob3-json")]
    Ob3Json,
    /// An OB 3.0 credential as a VC-JWT (compact JWS).
    #[serde(rename = "ob3-jwt")]
    Ob3Jwt,
    /// An OB 2.0 assertion as JSON (hosted or unsigned).
    #[serde(rename = "ob2-json")]
    Ob2Json,
    /// An OB 2.0 signed assertion (compact JWS).
    #[serde(rename = "ob2-jws")]
    Ob2Jws,
    /// An OB 2.0 assertion known only by its URL.
    #[serde(rename = "ob2-hosted")]
    Ob2Hosted,
    /// An OB 1.0 assertion.
    #[serde(rename = "ob1")]
    Ob1,
}

/// The stable ids of the checks, in the order the pipeline runs them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckId {
    /// The text is a badge we can read.
    Parse,
    /// The fields the specification requires are there, with the right shapes.
    Schema,
    /// The signature is intact.
    Proof,
    /// The key that signed belongs to the issuer the badge names.
    IssuerKey,
    /// The badge is valid at the time of checking.
    Dates,
    /// The issuer has not revoked or suspended it.
    Status,
    /// The badge names the expected recipient.
    Recipient,
}

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckStatus {
    /// Checked and fine.
    Pass,
    /// Checked and wrong: the badge is not valid.
    Fail,
    /// Fine, but something deserves the reader's attention.
    Warn,
    /// Not checked (e.g. it needs the network and we are offline).
    Skip,
}

/// One check: its id, its outcome and a sentence a non-expert understands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// Which check.
    pub id: CheckId,
    /// Its outcome.
    pub status: CheckStatus,
    /// One plain sentence.
    pub message: String,
}

/// The issuer as the badge names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IssuerSummary {
    /// The issuer's id (URL or DID), when it has one.
    pub id: Option<String>,
    /// The issuer's name, when it has one.
    pub name: Option<String>,
}

/// The achievement (OB 3.0) or badge class (OB 2.0).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AchievementSummary {
    /// Its name, when it has one.
    pub name: Option<String>,
}

/// The whole verification report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// True only if no check failed.
    pub valid: bool,
    /// What kind of badge this is.
    pub format: Format,
    /// The checks, in pipeline order.
    pub checks: Vec<Check>,
    /// The issuer, when the badge could be read.
    pub issuer: Option<IssuerSummary>,
    /// The achievement, when the badge could be read.
    pub achievement: Option<AchievementSummary>,
    /// When the badge starts to be valid (validFrom / issuanceDate / issuedOn), as written.
    pub valid_from: Option<String>,
    /// When it stops being valid (validUntil / expirationDate / expires), as written.
    pub valid_until: Option<String>,
}

impl Report {
    /// The check with this id, if the pipeline ran it.
    pub fn check(&self, id: CheckId) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }
}
