//! What the issuing screens show and send: issuer profiles, achievements,
//! recipients, batches and the issued log. The issuer's private key never
//! appears here: it stays sealed in the store, and unlocked only inside the
//! process.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An issuer profile as the user sees it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IssuerProfile {
    /// The profile's id in the app.
    pub id: String,
    /// The issuer's `did:key`, which every credential it signs names.
    pub did: String,
    /// The organization's name.
    pub name: String,
    /// Its website, if given.
    pub url: Option<String>,
    /// Its contact e-mail, if given.
    pub email: Option<String>,
    /// A sentence or two about it, if given.
    pub description: Option<String>,
    /// The logo as a `data:` URL, if the profile has one.
    pub image: Option<String>,
    /// Where the issuer will publish its status list; credentials issued while
    /// it is set can be revoked.
    pub status_list_url: Option<String>,
    /// Whether the key is unlocked in this session (the desktop app only).
    pub unlocked: bool,
    /// How many credentials it has issued.
    pub issued_count: u32,
    /// When it was created (RFC 3339).
    pub created_at: String,
    /// When its profile last changed (RFC 3339).
    pub updated_at: String,
}

/// What the user types for an issuer profile.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IssuerInput {
    /// The organization's name (required).
    pub name: String,
    /// Its website (`https://…`).
    pub url: Option<String>,
    /// Its contact e-mail.
    pub email: Option<String>,
    /// A sentence or two about it.
    pub description: Option<String>,
    /// The logo as a `data:` URL (PNG, JPEG or SVG), e.g. from `chooseImage`.
    pub image: Option<String>,
    /// A saved design to use as the logo (wins over `image`).
    pub image_design_id: Option<String>,
    /// The `https://` URL where the status list will be published.
    pub status_list_url: Option<String>,
}

/// One alignment of an achievement to an external framework or skill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AlignmentInput {
    /// The skill or standard's name.
    pub target_name: String,
    /// Where it is described.
    pub target_url: String,
    /// A short description.
    pub target_description: Option<String>,
    /// The framework it belongs to (e.g. `ESCO`).
    pub target_framework: Option<String>,
    /// Its code in that framework.
    pub target_code: Option<String>,
}

/// One result or skill the achievement records for its holder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ResultInput {
    /// What is assessed, e.g. `Knots tied`.
    pub name: String,
    /// The OB 3.0 result type, e.g. `Status`, `LetterGrade`, `Percent`.
    pub result_type: String,
}

/// What the user types for an achievement.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AchievementInput {
    /// The issuer profile that awards it.
    pub issuer_id: String,
    /// Its name, e.g. `First Aid Basics`.
    pub name: String,
    /// What it is.
    pub description: String,
    /// What earning it takes, in words.
    pub criteria_narrative: Option<String>,
    /// A page describing the criteria.
    pub criteria_url: Option<String>,
    /// The saved design whose rendering becomes the badge image.
    pub design_id: Option<String>,
    /// Keywords.
    pub tags: Vec<String>,
    /// Alignments to frameworks and skills.
    pub alignments: Vec<AlignmentInput>,
    /// Results and skills the badge records.
    pub results: Vec<ResultInput>,
}

/// An achievement as the user sees it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Achievement {
    /// Its id in the app.
    pub id: String,
    /// The issuer's profile id.
    pub issuer_id: String,
    /// The issuer's name.
    pub issuer_name: String,
    /// Everything the user typed.
    pub input: AchievementInput,
    /// The badge image as a small PNG `data:` URL, when it has a design.
    pub thumbnail: Option<String>,
    /// How many credentials have been issued for it.
    pub issued_count: u32,
    /// When it was created (RFC 3339).
    pub created_at: String,
    /// When it last changed (RFC 3339).
    pub updated_at: String,
}

/// The image the badge is baked into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum BadgeImageFormat {
    /// A PNG (the default).
    #[default]
    Png,
    /// An SVG.
    Svg,
}

/// How the credential is signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ProofFormat {
    /// Data Integrity, `eddsa-rdfc-2022` (the default).
    #[default]
    Di,
    /// A VC-JWT signed with EdDSA.
    Jwt,
}

/// Options of an issuing run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IssueSettings {
    /// PNG or SVG.
    pub format: BadgeImageFormat,
    /// Data Integrity or VC-JWT.
    pub proof: ProofFormat,
    /// The PNG's width and height in pixels (64 to 4096; 512 by default).
    pub size: u32,
}

impl Default for IssueSettings {
    fn default() -> Self {
        IssueSettings {
            format: BadgeImageFormat::Png,
            proof: ProofFormat::Di,
            size: 512,
        }
    }
}

/// One recipient, as typed in the wizard or read from a CSV row.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecipientInput {
    /// An e-mail address (stored as a salted hash in the credential) or a DID.
    pub identity: String,
    /// The recipient's display name.
    pub name: Option<String>,
    /// A link to evidence of the achievement.
    pub evidence_url: Option<String>,
    /// Evidence in words.
    pub evidence_narrative: Option<String>,
    /// When the credential starts to be valid (RFC 3339; now when empty).
    pub valid_from: Option<String>,
    /// When it expires (RFC 3339), if ever.
    pub valid_until: Option<String>,
}

/// A credential in the issued log.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IssuedBadge {
    /// The credential's id (`urn:uuid:…`).
    pub id: String,
    /// The recipient's e-mail address or DID.
    pub recipient: String,
    /// The recipient's name, if given.
    pub recipient_name: Option<String>,
    /// The achievement's id.
    pub achievement_id: String,
    /// The achievement's name as it was issued.
    pub achievement_name: String,
    /// The issuer's name as it was issued.
    pub issuer_name: String,
    /// When it was issued (RFC 3339).
    pub issued_at: String,
    /// Its `validFrom`.
    pub valid_from: String,
    /// Its `validUntil`, if any.
    pub valid_until: Option<String>,
    /// The baked image's file name.
    pub file_name: String,
    /// PNG or SVG.
    pub format: BadgeImageFormat,
    /// How it is signed.
    pub proof: ProofFormat,
    /// SHA-256 of the baked image, in hex.
    pub sha256: String,
    /// Whether it carries a status-list entry (and so can be revoked).
    pub revocable: bool,
    /// When it was revoked, if it was.
    pub revoked_at: Option<String>,
    /// Why, if a reason was given.
    pub revoked_reason: Option<String>,
}

/// A page of the issued log.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IssuedPage {
    /// The credentials on this page, newest first.
    pub items: Vec<IssuedBadge>,
    /// How many match the search in all.
    pub total: u32,
}

/// A badge just issued to one recipient.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IssuedOne {
    /// Its entry in the issued log.
    pub badge: IssuedBadge,
    /// The baked image as a `data:` URL, to show.
    pub preview: String,
    /// The verification report of the baked image, checked offline.
    pub verification: crate::dto::Verification,
}

/// One row of a CSV of recipients, checked.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BatchRow {
    /// The line number in the file (the header is line 1).
    pub line: u32,
    /// The recipient as read.
    pub recipient: RecipientInput,
    /// The file the badge will be written to.
    pub file_name: String,
    /// What is wrong with the row; empty when it can be issued.
    pub errors: Vec<String>,
    /// Whether this row was already issued by an earlier, interrupted run
    /// into the same folder.
    pub already_issued: bool,
}

/// A CSV of recipients, read and checked, before anything is issued.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BatchPreview {
    /// The CSV file's name.
    pub file_name: String,
    /// Every row.
    pub rows: Vec<BatchRow>,
    /// How many rows have errors.
    pub error_count: u32,
    /// Things worth knowing that do not stop issuing (e.g. ignored columns).
    pub warnings: Vec<String>,
}

/// Progress of a running batch, sent as the `issue-progress` event.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BatchProgress {
    /// The batch's id.
    pub batch_id: String,
    /// Rows done so far, including those done by an earlier run.
    pub done: u32,
    /// Rows in all.
    pub total: u32,
}

/// How a batch ended.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BatchOutcome {
    /// The batch's id.
    pub batch_id: String,
    /// The output folder.
    pub output_dir: String,
    /// The manifest written there.
    pub manifest: String,
    /// Badges issued by this run.
    pub issued: u32,
    /// Rows an earlier run had already issued.
    pub already_issued: u32,
    /// Rows in all.
    pub total: u32,
    /// Whether the user stopped it before the end (a rerun continues it).
    pub cancelled: bool,
    /// How long this run took, in seconds.
    pub seconds: f64,
}

/// What revoking changed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Revocation {
    /// The revoked credential, as the log now shows it.
    pub badge: IssuedBadge,
    /// The signed status list, written in the app's folder.
    pub status_list_file: String,
    /// The URL where it must be uploaded for verifiers to see the change.
    pub status_list_url: String,
}
