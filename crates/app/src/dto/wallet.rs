//! What the Wallet screen shows and sends: badges from any issuer, what was
//! read from them, their verification, and the user's tags, notes and
//! collections.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{BadgeVersion, FileFormat, Verification};

/// Where a badge stands after its last verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum WalletStatus {
    /// Every check passed (or only warned).
    Valid,
    /// A check failed: the signature, the issuer's key, the format…
    Invalid,
    /// It was valid, but its end date has passed (or its start date is ahead).
    Expired,
    /// The issuer revoked or suspended it.
    Revoked,
    /// It could not be checked offline (e.g. a hosted badge) and nothing failed.
    Unverified,
}

impl WalletStatus {
    /// The status as the store and the CLI write it.
    pub fn as_str(self) -> &'static str {
        match self {
            WalletStatus::Valid => "valid",
            WalletStatus::Invalid => "invalid",
            WalletStatus::Expired => "expired",
            WalletStatus::Revoked => "revoked",
            WalletStatus::Unverified => "unverified",
        }
    }

    /// Reads a stored status.
    pub fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "valid" => WalletStatus::Valid,
            "invalid" => WalletStatus::Invalid,
            "expired" => WalletStatus::Expired,
            "revoked" => WalletStatus::Revoked,
            "unverified" => WalletStatus::Unverified,
            _ => return None,
        })
    }
}

/// How a page of badges is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum WalletSortOrder {
    /// Newest issued first.
    #[default]
    Newest,
    /// Oldest issued first.
    Oldest,
    /// By name.
    Name,
    /// By issuer, then name.
    Issuer,
    /// Most recently added first.
    Added,
}

/// Which badges to show.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct WalletQuery {
    /// Words to search for in names, descriptions, issuers, tags and skills.
    pub text: String,
    /// Only this issuer (a value from [`WalletFacets::issuers`]).
    pub issuer: Option<String>,
    /// Only this status.
    pub status: Option<WalletStatus>,
    /// Only this tag.
    pub tag: Option<String>,
    /// Only this collection (its id).
    pub collection: Option<String>,
    /// The trash instead of the wallet.
    pub trash: bool,
    /// The order.
    pub sort: WalletSortOrder,
    /// How many to skip.
    pub offset: u32,
    /// How many at most (the app caps it at 500; 0 means 60).
    pub limit: u32,
}

/// A badge as the grid and the list show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WalletBadge {
    /// Its id in the wallet.
    pub id: String,
    /// The achievement's (or badge class's) name.
    pub name: String,
    /// The issuer's name, else its id.
    pub issuer: Option<String>,
    /// The issuer's id (URL or DID).
    pub issuer_id: Option<String>,
    /// `ob3`, `ob2`, `ob1` or `unknown`.
    pub version: BadgeVersion,
    /// The status after the last verification.
    pub status: WalletStatus,
    /// When it was issued or became valid, as written in the badge.
    pub issued_on: Option<String>,
    /// When it stops being valid.
    pub expires: Option<String>,
    /// When it was added to the wallet (RFC 3339).
    pub added_at: String,
    /// When it was put in the trash, if it is there.
    pub trashed_at: Option<String>,
    /// The user's tags.
    pub tags: Vec<String>,
    /// A small PNG as a `data:` URL.
    pub thumbnail: Option<String>,
}

/// One page of badges.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WalletPage {
    /// The badges on this page.
    pub badges: Vec<WalletBadge>,
    /// How many badges match the query in all.
    pub total: u32,
    /// The query's offset.
    pub offset: u32,
}

/// One value a filter can take, with how many badges have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WalletFacet {
    /// The value to put in the query.
    pub value: String,
    /// How to show it.
    pub label: String,
    /// How many badges outside the trash have it.
    pub count: u32,
}

/// Everything the filters offer, with counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WalletFacets {
    /// Badges outside the trash.
    pub total: u32,
    /// Badges in the trash.
    pub trashed: u32,
    /// Issuers by name.
    pub issuers: Vec<WalletFacet>,
    /// Statuses (value = a [`WalletStatus`]).
    pub statuses: Vec<WalletFacet>,
    /// Tags.
    pub tags: Vec<WalletFacet>,
    /// Collections (value = the collection's id).
    pub collections: Vec<WalletFacet>,
}

/// A collection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WalletCollection {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// How many badges it holds (outside the trash).
    pub count: u32,
}

/// The issuer as the badge describes it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct IssuerFacts {
    /// Its id: a DID, or a URL (OB 2.0).
    pub id: Option<String>,
    /// Its name.
    pub name: Option<String>,
    /// Its website.
    pub url: Option<String>,
    /// Its e-mail.
    pub email: Option<String>,
    /// A few words about it.
    pub description: Option<String>,
    /// Its image as a `data:` URL, or a URL as given.
    pub image: Option<String>,
}

/// How the badge names its recipient.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct RecipientFacts {
    /// `email`, `did`, `url`, `telephone`, `name`… (as the badge says), or
    /// `none` when the badge names no one.
    pub kind: String,
    /// The identity as written, or `null` when it is hashed.
    pub value: Option<String>,
    /// True when the identity is hashed: check it by typing it.
    pub hashed: bool,
    /// The recipient's name, when the badge gives one.
    pub name: Option<String>,
}

/// One piece of evidence.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct EvidenceFacts {
    /// Its URL, if it has one.
    pub url: Option<String>,
    /// Its name.
    pub name: Option<String>,
    /// What it shows.
    pub description: Option<String>,
    /// A narrative, in Markdown as written.
    pub narrative: Option<String>,
}

/// One alignment to a skill or standard.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct AlignmentFacts {
    /// The skill's or standard's name.
    pub name: String,
    /// Where it is described.
    pub url: Option<String>,
    /// A short description.
    pub description: Option<String>,
    /// The framework (e.g. ESCO).
    pub framework: Option<String>,
    /// Its code in that framework.
    pub code: Option<String>,
}

/// What the app read from a badge. Every field is a best-effort reading.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct BadgeFacts {
    /// The badge's own id.
    pub credential_id: Option<String>,
    /// The achievement's or badge class's name.
    pub name: String,
    /// Its description.
    pub description: Option<String>,
    /// What it takes to earn it, in Markdown as written.
    pub criteria: Option<String>,
    /// Where the criteria are published.
    pub criteria_url: Option<String>,
    /// The achievement's type (OB 3.0), e.g. `Certificate`.
    pub achievement_type: Option<String>,
    /// The issuer.
    pub issuer: IssuerFacts,
    /// The recipient.
    pub recipient: RecipientFacts,
    /// When it was issued (OB 2.0 `issuedOn`, OB 3.0 `awardedDate` or `validFrom`).
    pub issued_on: Option<String>,
    /// When it becomes valid.
    pub valid_from: Option<String>,
    /// When it stops being valid.
    pub valid_until: Option<String>,
    /// Evidence.
    pub evidence: Vec<EvidenceFacts>,
    /// Alignments.
    pub alignments: Vec<AlignmentFacts>,
    /// Skills and results the badge records.
    pub skills: Vec<String>,
    /// The achievement's own tags (keywords).
    pub keywords: Vec<String>,
}

/// Everything the detail panel shows about one badge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WalletDetail {
    /// The badge as lists show it.
    pub badge: WalletBadge,
    /// What was read from it.
    pub facts: BadgeFacts,
    /// The picture as a `data:` URL (PNG or SVG), when it has one.
    pub image: Option<String>,
    /// The last verification.
    pub verification: Verification,
    /// When it was last verified (RFC 3339).
    pub verified_at: String,
    /// The credential text exactly as received (JSON, JWT, or a URL).
    pub text: String,
    /// The name it was imported under.
    pub file_name: String,
    /// What kind of file it came as.
    pub file_kind: FileFormat,
    /// The size of the original file in bytes.
    pub file_bytes: u32,
    /// The user's note.
    pub note: String,
    /// The collections it is in (their ids).
    pub collections: Vec<String>,
    /// Other badges in the wallet with the same credential id but a different
    /// proof (a warning: one of them may be altered).
    pub same_id_as: Vec<String>,
}

/// What happened to one file or text given to import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ImportResult {
    /// It was added to the wallet.
    Added,
    /// The same badge was already in the wallet; nothing was added.
    AlreadyThere,
    /// It holds no badge (or could not be read).
    NotABadge,
}

/// One line of an import report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportItem {
    /// The file (its path as given) or `pasted text`.
    pub source: String,
    /// What happened.
    pub result: ImportResult,
    /// The badge's id, when it is in the wallet.
    pub badge_id: Option<String>,
    /// The badge's name, when it could be read.
    pub name: Option<String>,
    /// Its status, when it was added.
    pub status: Option<WalletStatus>,
    /// Why it is not a badge, or a warning about it, in one sentence.
    pub message: Option<String>,
}

/// The report of one import.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    /// One line per file, in the order they were found.
    pub items: Vec<ImportItem>,
    /// How many were added.
    pub added: u32,
    /// How many were already there.
    pub already_there: u32,
    /// How many held no badge.
    pub not_badges: u32,
}

/// The answer to "is this badge mine?".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecipientMatch {
    /// True when the badge names this identity.
    pub matches: bool,
    /// One sentence saying so.
    pub message: String,
}

/// What a wallet backup held, after restoring it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreReport {
    /// Badges added.
    pub added: u32,
    /// Badges that were already in the wallet.
    pub already_there: u32,
    /// Collections made (or merged into one of the same name).
    pub collections: u32,
}

/// How far an import has come, sent as the `wallet-import-progress` event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WalletImportProgress {
    /// Files handled so far.
    pub done: u32,
    /// Files in all.
    pub total: u32,
}
