//! Data the shells show: serialised to JSON for `--json` output and for the desktop
//! user interface, whose TypeScript types are generated from these definitions
//! (`cargo test -p badgesmith-app` checks they are current; `UPDATE_IPC_TYPES=1`
//! rewrites them).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ErrorCode;

mod issuing;
pub use issuing::*;
mod wallet;
pub use wallet::*;

/// What a file is, and what is baked into it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Inspection {
    /// The file name (without folders), or a label such as `pasted text`.
    pub file_name: String,
    /// What the file is.
    pub format: FileFormat,
    /// The file's size in bytes.
    #[ts(type = "number")]
    pub byte_size: u64,
    /// The image's width in pixels, when it is an image and the width is known.
    pub width: Option<u32>,
    /// The image's height in pixels, when it is an image and the height is known.
    pub height: Option<u32>,
    /// The badge found, or `null` for an image without one.
    pub badge: Option<BadgeContent>,
    /// Things worth knowing that did not stop the reading, one sentence each.
    pub warnings: Vec<String>,
}

/// The kind of file inspected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum FileFormat {
    /// A PNG image.
    Png,
    /// An SVG image.
    Svg,
    /// A JSON credential or assertion on its own.
    Json,
    /// A compact JWS / JWT on its own.
    Jwt,
    /// A text file holding the URL of a hosted assertion.
    Url,
}

/// Where the badge sits in the image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum BadgeSlot {
    /// Open Badges 3.0: PNG keyword `openbadgecredential`, SVG `<openbadges:credential>`.
    Credential,
    /// Open Badges 1.x/2.0: PNG keyword `openbadges`, SVG `<openbadges:assertion>`.
    Assertion,
}

/// Which part of an SVG badge element held the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum SvgSource {
    /// The `verify` attribute (a JWS or a URL).
    VerifyAttribute,
    /// A CDATA section in the element.
    Cdata,
    /// Plain character content.
    Text,
    /// The element is empty.
    Empty,
}

/// What the embedded text is, by its syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum PayloadKind {
    /// A JSON document.
    Json,
    /// A compact JWS (a signed JWT).
    Jws,
    /// The URL of a hosted assertion.
    Url,
    /// Something else.
    Text,
}

/// The Open Badges version the content most likely follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum BadgeVersion {
    /// Open Badges 3.0 (a Verifiable Credential).
    Ob3,
    /// Open Badges 2.0.
    Ob2,
    /// Open Badges 1.x, or a hosted assertion known only by its URL.
    Ob1,
    /// Not recognisable.
    Unknown,
}

/// The badge text found in a file, with what could be decoded from it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BadgeContent {
    /// The image slot (absent for a credential file on its own).
    pub slot: Option<BadgeSlot>,
    /// PNG: the chunk's keyword.
    pub keyword: Option<String>,
    /// PNG: the chunk type, `tEXt`, `zTXt` or `iTXt`.
    pub chunk_type: Option<String>,
    /// PNG: the chunk's position among all chunks (IHDR is 0).
    pub chunk_index: Option<u32>,
    /// PNG: whether the text was stored compressed.
    pub compressed: bool,
    /// SVG: the element's qualified name as written, e.g. `openbadges:credential`.
    pub element: Option<String>,
    /// SVG: which part of the element held the text.
    pub svg_source: Option<SvgSource>,
    /// What the text is.
    pub kind: PayloadKind,
    /// The Open Badges version guessed from slot and content.
    pub version: BadgeVersion,
    /// The version in words, e.g. `Open Badges 3.0`.
    pub version_label: String,
    /// The size of the text in bytes (UTF-8).
    #[ts(type = "number")]
    pub byte_size: u64,
    /// The embedded text, exactly.
    pub text: String,
    /// SVG: the element's body when the text came from its `verify` attribute.
    pub body: Option<String>,
    /// The text parsed as JSON, when it is JSON.
    #[ts(type = "unknown")]
    pub json: Option<serde_json::Value>,
    /// The decoded parts, when the text is a JWS.
    pub jws: Option<DecodedJws>,
    /// A few facts for a heading, when they could be found.
    pub summary: BadgeSummary,
}

/// A compact JWS split and decoded (the signature is not checked here).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DecodedJws {
    /// The protected header.
    #[ts(type = "unknown")]
    pub header: serde_json::Value,
    /// The payload, when it is JSON.
    #[ts(type = "unknown")]
    pub payload: Option<serde_json::Value>,
    /// The payload as text, when it is not JSON.
    pub payload_text: Option<String>,
    /// The signature's length in bytes.
    pub signature_bytes: u32,
}

/// A few facts for a heading. Every field is a best-effort reading.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BadgeSummary {
    /// The badge or achievement name.
    pub name: Option<String>,
    /// The issuer's name, or its id when no name is given.
    pub issuer: Option<String>,
    /// When the badge was issued or became valid.
    pub issued: Option<String>,
    /// When it stops being valid.
    pub expires: Option<String>,
}

/// `badgesmith inspect --json`: the facts of an [`Inspection`] without the
/// decoded content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InspectReport {
    /// The file name as given.
    pub file: String,
    /// `png`, `svg`, `json`, `jwt` or `url`.
    pub format: FileFormat,
    /// The file's size in bytes.
    pub byte_size: u64,
    /// Image width in pixels, when known.
    pub width: Option<u32>,
    /// Image height in pixels, when known.
    pub height: Option<u32>,
    /// Whether a badge was found.
    pub baked: bool,
    /// `ob3`, `ob2`, `ob1` or `unknown`; absent when nothing is baked.
    pub version: Option<BadgeVersion>,
    /// The version in words.
    pub version_label: Option<String>,
    /// `credential` (OB 3.0) or `assertion` (OB 1.x/2.0).
    pub slot: Option<BadgeSlot>,
    /// PNG: the keyword.
    pub keyword: Option<String>,
    /// PNG: `tEXt`, `zTXt` or `iTXt`.
    pub chunk_type: Option<String>,
    /// PNG: the chunk's position (IHDR is 0).
    pub chunk_index: Option<u32>,
    /// PNG: whether the text was compressed.
    pub compressed: Option<bool>,
    /// SVG: the element's qualified name.
    pub element: Option<String>,
    /// SVG: where in the element the text was.
    pub svg_source: Option<SvgSource>,
    /// `json`, `jws`, `url` or `text`.
    pub kind: Option<PayloadKind>,
    /// The embedded text's size in bytes.
    pub text_bytes: Option<u64>,
    /// Name, issuer and dates when found.
    pub summary: Option<BadgeSummary>,
    /// Warnings, one sentence each.
    pub warnings: Vec<String>,
}

impl From<&Inspection> for InspectReport {
    fn from(i: &Inspection) -> Self {
        let b = i.badge.as_ref();
        InspectReport {
            file: i.file_name.clone(),
            format: i.format,
            byte_size: i.byte_size,
            width: i.width,
            height: i.height,
            baked: b.is_some(),
            version: b.map(|b| b.version),
            version_label: b.map(|b| b.version_label.clone()),
            slot: b.and_then(|b| b.slot),
            keyword: b.and_then(|b| b.keyword.clone()),
            chunk_type: b.and_then(|b| b.chunk_type.clone()),
            chunk_index: b.and_then(|b| b.chunk_index),
            compressed: b.filter(|b| b.chunk_type.is_some()).map(|b| b.compressed),
            element: b.and_then(|b| b.element.clone()),
            svg_source: b.and_then(|b| b.svg_source),
            kind: b.map(|b| b.kind),
            text_bytes: b.map(|b| b.byte_size),
            summary: b.map(|b| b.summary.clone()),
            warnings: i.warnings.clone(),
        }
    }
}

/// A file opened in the desktop Inspector.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OpenedFile {
    /// The handle by which the user interface refers to this file later.
    pub id: u32,
    /// What the file is and holds.
    pub inspection: Inspection,
    /// A `data:` URL to show the image, when the file is an image.
    pub preview_url: Option<String>,
}

/// The result of opening one file: it opened, or it could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum OpenOutcome {
    /// The file was read and inspected.
    Opened {
        /// The opened file.
        file: Box<OpenedFile>,
    },
    /// The file could not be read or is not a badge.
    Failed {
        /// The file's name.
        name: String,
        /// What went wrong.
        error: IpcError,
    },
}

/// A baked copy saved by the desktop app.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BakeSaved {
    /// Where the baked image was written, for display.
    pub saved_to: String,
    /// How the credential was placed, e.g. ``iTXt `openbadgecredential` ``.
    pub placed_as: String,
    /// The baked image, opened in the Inspector.
    pub file: OpenedFile,
}

/// An error as the user interface receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IpcError {
    /// The stable code.
    pub code: ErrorCode,
    /// One sentence for people.
    pub message: String,
}

impl From<&crate::Error> for IpcError {
    fn from(e: &crate::Error) -> Self {
        IpcError {
            code: e.code(),
            message: e.to_string(),
        }
    }
}

impl From<crate::Error> for IpcError {
    fn from(e: crate::Error) -> Self {
        IpcError::from(&e)
    }
}

/// The verification report of one badge, as the Inspector's checklist shows it
/// (the same content as `badgesmith verify --json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Verification {
    /// True only if no check failed.
    pub valid: bool,
    /// `ob3-json`, `ob3-jwt`, `ob2-json`, `ob2-jws`, `ob2-hosted` or `ob1`.
    pub format: String,
    /// The checks, in the order they ran.
    pub checks: Vec<VerificationCheck>,
    /// True when, offline, some check was skipped and none failed, so a
    /// "verify online" action could settle what is left.
    pub needs_network: bool,
    /// True when the network was allowed for this report.
    pub online: bool,
    /// The issuer's name, when the badge gives one.
    pub issuer_name: Option<String>,
    /// The issuer's id (URL or DID).
    pub issuer_id: Option<String>,
    /// The achievement's name.
    pub achievement_name: Option<String>,
    /// When it becomes valid, as written in the badge.
    pub valid_from: Option<String>,
    /// When it stops being valid, as written in the badge.
    pub valid_until: Option<String>,
}

/// One line of the checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VerificationCheck {
    /// `parse`, `schema`, `proof`, `issuer-key`, `dates`, `status` or `recipient`.
    pub id: String,
    /// The outcome.
    pub status: CheckOutcome,
    /// One plain sentence.
    pub message: String,
}

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum CheckOutcome {
    /// Checked and fine.
    Pass,
    /// Checked and wrong.
    Fail,
    /// Fine, with something worth knowing.
    Warn,
    /// Not checked (usually: needs the network).
    Skip,
}

fn kebab<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

impl Verification {
    /// The DTO of a report; `online` says whether the network was allowed.
    pub fn from_report(report: &badgesmith_credential::Report, online: bool) -> Self {
        use badgesmith_credential::CheckStatus;
        let checks: Vec<VerificationCheck> = report
            .checks
            .iter()
            .map(|c| VerificationCheck {
                id: kebab(&c.id),
                status: match c.status {
                    CheckStatus::Pass => CheckOutcome::Pass,
                    CheckStatus::Fail => CheckOutcome::Fail,
                    CheckStatus::Warn => CheckOutcome::Warn,
                    CheckStatus::Skip => CheckOutcome::Skip,
                },
                message: c.message.clone(),
            })
            .collect();
        Self {
            valid: report.valid,
            format: kebab(&report.format),
            // Online checks can only add to a badge that has not failed yet.
            needs_network: !online
                && checks.iter().any(|c| c.status == CheckOutcome::Skip)
                && !checks.iter().any(|c| c.status == CheckOutcome::Fail),
            online,
            checks,
            issuer_name: report.issuer.as_ref().and_then(|i| i.name.clone()),
            issuer_id: report.issuer.as_ref().and_then(|i| i.id.clone()),
            achievement_name: report.achievement.as_ref().and_then(|a| a.name.clone()),
            valid_from: report.valid_from.clone(),
            valid_until: report.valid_until.clone(),
        }
    }
}

// ---- Designer ----

pub use badgesmith_art::{BadgeDesign, GlyphStyle};

/// Everything the Designer needs to offer choices: templates, fonts, limits.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DesignCatalog {
    /// The bundled templates, in gallery order.
    pub templates: Vec<TemplateInfo>,
    /// The bundled font families.
    pub fonts: Vec<FontInfo>,
    /// The side of the square design canvas, in design units.
    pub canvas: f32,
    /// The smallest PNG size, in pixels.
    pub min_size: u32,
    /// The largest PNG size, in pixels.
    pub max_size: u32,
    /// How many glyphs the library holds.
    pub glyph_count: u32,
}

/// A bundled template.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TemplateInfo {
    /// The template's id (its file name without `.badgedesign.json`).
    pub id: String,
    /// Who it suits: `school`, `company`, `community` or `any`.
    pub audience: String,
    /// The design.
    pub design: BadgeDesign,
    /// A small PNG preview as a `data:` URL.
    pub thumbnail: String,
}

/// A bundled font family.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FontInfo {
    /// The family name designs use.
    pub family: String,
    /// sans-serif, serif, condensed, rounded or display.
    pub category: String,
    /// What it suits.
    pub description: String,
    /// The weights it comes in.
    pub weights: Vec<u16>,
}

/// A glyph from the library, with a preview.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GlyphInfo {
    /// The name designs use.
    pub name: String,
    /// Outline or filled.
    pub style: GlyphStyle,
    /// The library's category.
    pub category: String,
    /// Search words.
    pub tags: Vec<String>,
    /// A standalone SVG of the glyph in `currentColor`-free dark grey, as a `data:` URL.
    pub preview: String,
}

/// A rendered preview or export.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RenderedDesign {
    /// The PNG as a `data:` URL.
    pub data_url: String,
    /// Its side in pixels.
    pub size: u32,
    /// How long the render took, in milliseconds.
    pub millis: f64,
}

/// A design saved in the app, as lists show it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DesignSummary {
    /// The saved design's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// When it was first saved (RFC 3339).
    pub created_at: String,
    /// When it was last saved (RFC 3339).
    pub updated_at: String,
    /// A small PNG preview as a `data:` URL, when one was saved.
    pub thumbnail: Option<String>,
}

/// A design saved in the app, with its content.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavedDesign {
    /// Id, name and dates.
    pub summary: DesignSummary,
    /// The design.
    pub design: BadgeDesign,
}

/// An image the user chose for an image layer, checked and ready to embed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChosenImage {
    /// The file's name.
    pub file_name: String,
    /// The `data:` URI to put in the image layer.
    pub data_uri: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// What was changed (scaled down, scripts removed), when something was.
    pub notice: Option<String>,
}

/// Export formats for a design.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    /// PNG at a chosen size.
    Png,
    /// SVG with text turned into outlines (looks the same anywhere).
    Svg,
    /// SVG with live, editable text and the fonts embedded.
    SvgLiveText,
    /// The design itself, as a `.badgedesign.json` file.
    Design,
}

/// A file the user saved.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportedFile {
    /// Where it was saved, for display.
    pub path: String,
    /// Its size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
}
