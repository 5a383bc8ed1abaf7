//! Open Badges 2.0 (and 1.0) documents as typed values.
//!
//! As in [`crate::ob3`], these types are for reading: required properties are
//! still `Option`s (see [`crate::schema::ob2_problems`] for what is required),
//! properties with several allowed shapes are [`OneOrMany`], [`IdOr`] or
//! [`LangString`], and every struct keeps the properties it does not name in
//! `extra`.
//!
//! An OB 2.0 document links to others by URL: an [`Assertion`] names its
//! [`BadgeClass`], which names its [`Issuer`], which names its
//! [`CryptographicKey`]s and its [`RevocationList`]. Each may also be embedded.
//!
//! OB 1.0 hosted assertions (and the 0.5 format before them) have their own
//! shape: [`Ob1Assertion`].
//!
//! See: <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html>
#![warn(missing_docs)]

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};
use time::OffsetDateTime;

pub use crate::ob3::{HasId, IdOr, LangString, OneOrMany};
use crate::ob3::{impl_has_id, impl_types, slice_of};

/// The Open Badges 2.0 context.
pub const OB2_CONTEXT: &str = "https://w3id.org/openbadges/v2";

/// An older URL of the Open Badges 2.0 context, still found in issued badges.
pub const OB2_CONTEXT_ALIAS: &str = "https://openbadgespec.org/v2/context.json";

/// The Open Badges 1.1 context.
pub const OB1_CONTEXT: &str = "https://w3id.org/openbadges/v1";

/// Whether `url` is the Open Badges 2.0 context (or its older alias).
pub fn is_ob2_context(url: &str) -> bool {
    url == OB2_CONTEXT || url == OB2_CONTEXT_ALIAS
}

/// A timestamp as OB 1.0 and 2.0 write them: an ISO 8601 string or a Unix
/// timestamp in seconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum DateTimeValue {
    /// An ISO 8601 date or date-time.
    Text(String),
    /// Seconds since 1970-01-01T00:00:00Z.
    Unix(Number),
}

impl DateTimeValue {
    /// The instant, when it can be read (see [`crate::schema::parse_datetime`]).
    pub fn to_datetime(&self) -> Option<OffsetDateTime> {
        match self {
            DateTimeValue::Text(text) => crate::schema::parse_datetime(text),
            DateTimeValue::Unix(seconds) => crate::schema::parse_unix_timestamp(seconds),
        }
    }
}

impl fmt::Display for DateTimeValue {
    /// The value as written.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateTimeValue::Text(text) => f.write_str(text),
            DateTimeValue::Unix(seconds) => write!(f, "{seconds}"),
        }
    }
}

/// An awarded badge (`Assertion`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Assertion {
    /// The JSON-LD context(s): [`OB2_CONTEXT`].
    #[serde(rename = "@context", skip_serializing_if = "Option::is_none")]
    pub context: Option<OneOrMany<Value>>,
    /// The assertion's URI: the hosted URL, or e.g. a `urn:uuid:` for signed badges.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its type: `Assertion`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<OneOrMany<String>>,
    /// Who received it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient: Option<IdentityObject>,
    /// The badge: its URL or the embedded badge class.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub badge: Option<IdOr<BadgeClass>>,
    /// How to verify it: hosted or signed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
    /// When it was issued.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued_on: Option<DateTimeValue>,
    /// When it expires.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<DateTimeValue>,
    /// The baked image, or an image of the badge for this recipient.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<IdOr<Image>>,
    /// Evidence: URLs or evidence objects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<OneOrMany<IdOr<Evidence>>>,
    /// How the recipient met the criteria (Markdown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub narrative: Option<String>,
    /// Whether the issuer revoked it (hosted assertions).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revoked: Option<bool>,
    /// Why it was revoked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revocation_reason: Option<String>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Assertion {
    /// The `@context` entries (empty when absent).
    pub fn contexts(&self) -> &[Value] {
        slice_of(&self.context)
    }

    /// The badge class's URI.
    pub fn badge_id(&self) -> Option<&str> {
        self.badge.as_ref().and_then(IdOr::id)
    }

    /// The badge class, when it is embedded.
    pub fn badge_class(&self) -> Option<&BadgeClass> {
        self.badge.as_ref().and_then(IdOr::object)
    }

    /// The badge's name, when the badge class is embedded.
    pub fn badge_name(&self) -> Option<&str> {
        self.badge_class().and_then(BadgeClass::name_text)
    }

    /// The issuer's URI, when the badge class is embedded.
    pub fn issuer_id(&self) -> Option<&str> {
        self.badge_class().and_then(BadgeClass::issuer_id)
    }

    /// The issuer's name, when the badge class and its issuer are embedded.
    pub fn issuer_name(&self) -> Option<&str> {
        self.badge_class().and_then(BadgeClass::issuer_name)
    }

    /// The evidence entries (empty when absent).
    pub fn evidence(&self) -> &[IdOr<Evidence>] {
        slice_of(&self.evidence)
    }
}

/// How an assertion names its recipient (`IdentityObject`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdentityObject {
    /// The kind of identity: `email`, `url`, `telephone` or `id`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    /// The identity, plain or hashed (`sha256$…` / `md5$…`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity: Option<String>,
    /// Whether `identity` is hashed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hashed: Option<bool>,
    /// The salt appended to the identity before hashing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salt: Option<String>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// How a badge is verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerificationMethod {
    /// The assertion is published at its `id` (`hosted` / `HostedBadge`).
    Hosted,
    /// The assertion is a JWS signed by the issuer (`signed` / `SignedBadge`).
    Signed,
}

impl VerificationMethod {
    /// The method a `verification.type` value names, if it names one.
    pub fn from_type(value: &str) -> Option<VerificationMethod> {
        match value {
            "hosted" | "HostedBadge" => Some(VerificationMethod::Hosted),
            "signed" | "SignedBadge" => Some(VerificationMethod::Signed),
            _ => None,
        }
    }
}

/// Verification instructions (`VerificationObject`): in an assertion, the
/// method; in an issuer profile, which URLs may host its assertions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Verification {
    /// `hosted`, `signed`, `HostedBadge` or `SignedBadge`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    /// Signed badges: the URL of the key that signed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creator: Option<String>,
    /// Issuers: the hosts allowed to serve hosted assertions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_origins: Option<OneOrMany<String>>,
    /// Issuers: the URL prefixes allowed for hosted assertions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub starts_with: Option<OneOrMany<String>>,
    /// Issuers: the property checked against those rules (normally `id`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification_property: Option<String>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Verification {
    /// The verification method `type` names, if it names a known one.
    pub fn method(&self) -> Option<VerificationMethod> {
        self.type_
            .as_deref()
            .and_then(VerificationMethod::from_type)
    }
}

/// The badge: what it stands for and who issues it (`BadgeClass`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BadgeClass {
    /// The JSON-LD context(s), when published on its own.
    #[serde(rename = "@context", skip_serializing_if = "Option::is_none")]
    pub context: Option<OneOrMany<Value>>,
    /// The badge class's URI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its type: `BadgeClass`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<OneOrMany<String>>,
    /// Its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<LangString>,
    /// A short description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<LangString>,
    /// The badge artwork.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<IdOr<Image>>,
    /// How it is earned: a URL or a criteria object.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criteria: Option<IdOr<Criteria>>,
    /// Who issues it: a URL or the issuer profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<IdOr<Issuer>>,
    /// Frameworks and standards it aligns to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alignment: Option<OneOrMany<Alignment>>,
    /// Keywords.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<OneOrMany<String>>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl BadgeClass {
    /// The name to show.
    pub fn name_text(&self) -> Option<&str> {
        self.name.as_ref().and_then(LangString::text)
    }

    /// The issuer's URI.
    pub fn issuer_id(&self) -> Option<&str> {
        self.issuer.as_ref().and_then(IdOr::id)
    }

    /// The issuer's name, when the issuer is embedded.
    pub fn issuer_name(&self) -> Option<&str> {
        self.issuer
            .as_ref()
            .and_then(IdOr::object)
            .and_then(Issuer::name_text)
    }
}

/// An issuer (or other entity) profile (`Issuer` / `Profile`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Issuer {
    /// The JSON-LD context(s), when published on its own.
    #[serde(rename = "@context", skip_serializing_if = "Option::is_none")]
    pub context: Option<OneOrMany<Value>>,
    /// The profile's URI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its type: `Issuer` or `Profile`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<OneOrMany<String>>,
    /// Its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<LangString>,
    /// Its home page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A contact address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// A description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<LangString>,
    /// A logo.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<IdOr<Image>>,
    /// The keys it signs badges with: URLs or key objects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_key: Option<OneOrMany<IdOr<CryptographicKey>>>,
    /// The URL of its revocation list (signed badges).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revocation_list: Option<String>,
    /// Where its hosted assertions may live.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Another name of [`Issuer`], as the specification uses both.
pub type Profile = Issuer;

impl Issuer {
    /// The name to show.
    pub fn name_text(&self) -> Option<&str> {
        self.name.as_ref().and_then(LangString::text)
    }

    /// The public keys (empty when absent).
    pub fn public_keys(&self) -> &[IdOr<CryptographicKey>] {
        slice_of(&self.public_key)
    }
}

/// A public key of an issuer (`CryptographicKey`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CryptographicKey {
    /// The JSON-LD context(s), when published on its own.
    #[serde(rename = "@context", skip_serializing_if = "Option::is_none")]
    pub context: Option<OneOrMany<Value>>,
    /// The key's URI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its type: `CryptographicKey`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<OneOrMany<String>>,
    /// The URI of the issuer profile that owns it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The key in PEM.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_key_pem: Option<String>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The assertions an issuer revoked (`RevocationList`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RevocationList {
    /// The JSON-LD context(s).
    #[serde(rename = "@context", skip_serializing_if = "Option::is_none")]
    pub context: Option<OneOrMany<Value>>,
    /// The list's URI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its type: `RevocationList`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<OneOrMany<String>>,
    /// The URI of the issuer that publishes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// The revoked assertions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revoked_assertions: Option<OneOrMany<RevokedAssertion>>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl RevocationList {
    /// The entries (empty when absent).
    pub fn entries(&self) -> &[RevokedAssertion] {
        slice_of(&self.revoked_assertions)
    }

    /// The entry that revokes the assertion with this `id` (or, when given, this `uid`).
    pub fn find(&self, assertion_id: &str, uid: Option<&str>) -> Option<&RevokedAssertion> {
        self.entries()
            .iter()
            .find(|entry| entry.id() == Some(assertion_id) || (uid.is_some() && entry.uid() == uid))
    }
}

/// One entry of a [`RevocationList`]: the assertion's URI, or an object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RevokedAssertion {
    /// The revoked assertion's URI.
    Id(String),
    /// An entry with an `id` or a `uid`, and perhaps a reason.
    Entry(RevocationEntry),
}

impl RevokedAssertion {
    /// The revoked assertion's URI.
    pub fn id(&self) -> Option<&str> {
        match self {
            RevokedAssertion::Id(id) => Some(id),
            RevokedAssertion::Entry(entry) => entry.id.as_deref(),
        }
    }

    /// The revoked assertion's `uid` (OB 1.x style).
    pub fn uid(&self) -> Option<&str> {
        match self {
            RevokedAssertion::Id(_) => None,
            RevokedAssertion::Entry(entry) => entry.uid.as_deref(),
        }
    }

    /// Why it was revoked, when the list says.
    pub fn reason(&self) -> Option<&str> {
        match self {
            RevokedAssertion::Id(_) => None,
            RevokedAssertion::Entry(entry) => entry.revocation_reason.as_deref(),
        }
    }
}

/// A [`RevokedAssertion`] written as an object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RevocationEntry {
    /// The revoked assertion's URI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The revoked assertion's `uid`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    /// Why it was revoked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revocation_reason: Option<String>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An image with its metadata (`Image`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Image {
    /// The image's URL, or the image as a data URI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its type, e.g. `schema:ImageObject`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<OneOrMany<String>>,
    /// A caption.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<LangString>,
    /// The URI of its author.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// How a badge is earned (`Criteria`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Criteria {
    /// A URL describing the criteria.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its type: `Criteria`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<OneOrMany<String>>,
    /// The criteria in words (Markdown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub narrative: Option<String>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A link to a node of an educational framework (`AlignmentObject`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Alignment {
    /// Its type: `AlignmentObject`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<OneOrMany<String>>,
    /// The node's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_name: Option<String>,
    /// The node's URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_url: Option<String>,
    /// The node's description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_description: Option<String>,
    /// The framework's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_framework: Option<String>,
    /// The node's code in its framework.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_code: Option<String>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Evidence of the achievement (`Evidence`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    /// The evidence's URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its type: `Evidence`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<OneOrMany<String>>,
    /// A narrative of the evidence (Markdown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub narrative: Option<String>,
    /// A title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<LangString>,
    /// A description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<LangString>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An OB 1.0 hosted assertion, or a 0.5 one: no `@context`, a `uid`, a
/// `verify` object, `issuedOn` (0.5: `issued_on`) and a `recipient` that is an
/// object (0.5: an e-mail address or its hash, with `salt` beside it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Ob1Assertion {
    /// The assertion's identifier, unique for its issuer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    /// Who received it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient: Option<Ob1Recipient>,
    /// 0.5: the salt of a hashed `recipient` string.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salt: Option<String>,
    /// The badge: its URL (1.0) or the embedded badge (0.5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub badge: Option<Value>,
    /// How to verify it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verify: Option<Ob1Verify>,
    /// 1.0: when it was issued.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued_on: Option<DateTimeValue>,
    /// 0.5: when it was issued.
    #[serde(rename = "issued_on", skip_serializing_if = "Option::is_none")]
    pub issued_on_legacy: Option<DateTimeValue>,
    /// When it expires.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<DateTimeValue>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Ob1Assertion {
    /// When it was issued: `issuedOn`, else `issued_on`.
    pub fn issued(&self) -> Option<&DateTimeValue> {
        self.issued_on.as_ref().or(self.issued_on_legacy.as_ref())
    }

    /// The badge's URL, when the badge is a reference.
    pub fn badge_url(&self) -> Option<&str> {
        self.badge.as_ref().and_then(Value::as_str)
    }

    /// The URL the assertion is hosted at, from `verify.url`.
    pub fn verify_url(&self) -> Option<&str> {
        self.verify
            .as_ref()
            .and_then(|verify| verify.url.as_deref())
    }
}

/// The recipient of an OB 1.0 / 0.5 assertion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Ob1Recipient {
    /// 0.5: an e-mail address, or its hash.
    Text(String),
    /// 1.0: an identity object.
    Identity(IdentityObject),
}

/// The `verify` object of an OB 1.0 assertion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Ob1Verify {
    /// `hosted` or `signed`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    /// Hosted: the assertion's URL; signed: the public key's URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl_types!(
    Assertion,
    BadgeClass,
    Issuer,
    CryptographicKey,
    RevocationList,
    Image,
    Criteria,
    Alignment,
    Evidence,
);

impl_has_id!(
    Assertion,
    BadgeClass,
    Issuer,
    CryptographicKey,
    RevocationList,
    Image,
    Criteria,
    Evidence,
);
