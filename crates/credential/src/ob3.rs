//! Open Badges 3.0 credentials as typed values.
//!
//! These types are for *reading* a credential: every property the
//! specification requires is still an `Option`, so that a credential with a
//! missing field can be read and then judged by [`crate::schema`]. Shapes the
//! specification and real credentials allow in more than one form are small
//! enums: [`OneOrMany`] (a value or a list of values), [`IdOr`] (a URI or an
//! embedded object) and [`LangString`] (a plain string or a JSON-LD language
//! map). Every struct keeps the properties it does not name in `extra`, so a
//! credential read and written again loses nothing (JSON `null` values of the
//! named properties excepted: they read as absent).
//!
//! A value written back is equal as JSON to the one read, but its properties
//! come in a different order: proofs must be checked against the original
//! document, never against a re-serialised one.
//!
//! Both forms of the data model are read: VCDM 2.0 (`validFrom`, context
//! [`VC_V2_CONTEXT`]) and VCDM 1.1 (`issuanceDate`, context [`VC_V1_CONTEXT`]).
//!
//! See: <https://www.imsglobal.org/spec/ob/v3p0/>
#![warn(missing_docs)]

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The first `@context` of a VCDM 2.0 credential.
pub const VC_V2_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";

/// The first `@context` of a VCDM 1.1 credential.
pub const VC_V1_CONTEXT: &str = "https://www.w3.org/2018/credentials/v1";

/// The Open Badges 3.0 context as the specification publishes it today.
pub const OB3_CONTEXT: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

const OB3_CONTEXT_STEM: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context";

/// Whether `url` is one of the Open Badges 3.0 contexts:
/// `https://purl.imsglobal.org/spec/ob/v3p0/context.json` or a versioned
/// `…/context-3.0.N.json`.
pub fn is_ob3_context(url: &str) -> bool {
    let Some(rest) = url.strip_prefix(OB3_CONTEXT_STEM) else {
        return false;
    };
    if rest == ".json" {
        return true;
    }
    rest.strip_prefix('-')
        .and_then(|r| r.strip_suffix(".json"))
        .is_some_and(|version| {
            !version.is_empty()
                && version
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        })
}

/// Which version of the W3C Verifiable Credentials Data Model a credential follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Vcdm {
    /// VCDM 2.0: `validFrom` / `validUntil`.
    V2,
    /// VCDM 1.1: `issuanceDate` / `expirationDate`.
    V1_1,
}

impl Vcdm {
    /// The data model a base context URL stands for, if it is one of the two.
    pub fn from_context(url: &str) -> Option<Vcdm> {
        match url {
            VC_V2_CONTEXT => Some(Vcdm::V2),
            VC_V1_CONTEXT => Some(Vcdm::V1_1),
            _ => None,
        }
    }

    /// The base context URL of this data model.
    pub fn context(self) -> &'static str {
        match self {
            Vcdm::V2 => VC_V2_CONTEXT,
            Vcdm::V1_1 => VC_V1_CONTEXT,
        }
    }

    /// The name of the property that says when the credential starts to be valid.
    pub fn valid_from_property(self) -> &'static str {
        match self {
            Vcdm::V2 => "validFrom",
            Vcdm::V1_1 => "issuanceDate",
        }
    }

    /// The name of the property that says when the credential stops being valid.
    pub fn valid_until_property(self) -> &'static str {
        match self {
            Vcdm::V2 => "validUntil",
            Vcdm::V1_1 => "expirationDate",
        }
    }
}

/// A property that holds one value or a list of values (JSON-LD treats both alike).
///
/// It is written back in the form it was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany<T> {
    /// A list of values.
    Many(Vec<T>),
    /// A single value.
    One(T),
}

impl<T> OneOrMany<T> {
    /// The values as a slice (one element for [`OneOrMany::One`]).
    pub fn as_slice(&self) -> &[T] {
        match self {
            OneOrMany::One(one) => std::slice::from_ref(one),
            OneOrMany::Many(many) => many,
        }
    }

    /// The values in order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.as_slice().iter()
    }

    /// The first value, if there is one.
    pub fn first(&self) -> Option<&T> {
        self.as_slice().first()
    }

    /// How many values there are.
    pub fn len(&self) -> usize {
        self.as_slice().len()
    }

    /// Whether there are no values (an empty list).
    pub fn is_empty(&self) -> bool {
        self.as_slice().is_empty()
    }
}

impl<'a, T> IntoIterator for &'a OneOrMany<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// The values of an optional [`OneOrMany`] as a slice (empty when absent).
pub(crate) fn slice_of<T>(value: &Option<OneOrMany<T>>) -> &[T] {
    value.as_ref().map_or(&[], OneOrMany::as_slice)
}

/// Something with an optional `id`.
pub trait HasId {
    /// The `id`, when there is one.
    fn id(&self) -> Option<&str>;
}

/// A property that is either a reference (a URI string) or an embedded object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum IdOr<T> {
    /// A URI naming the object.
    Id(String),
    /// The object itself.
    Object(T),
}

impl<T> IdOr<T> {
    /// The embedded object, if this is not a bare reference.
    pub fn object(&self) -> Option<&T> {
        match self {
            IdOr::Id(_) => None,
            IdOr::Object(object) => Some(object),
        }
    }
}

impl<T: HasId> IdOr<T> {
    /// The URI: the reference itself, or the embedded object's `id`.
    pub fn id(&self) -> Option<&str> {
        match self {
            IdOr::Id(id) => Some(id),
            IdOr::Object(object) => object.id(),
        }
    }
}

/// A human-readable text: a plain string, a JSON-LD language map
/// (`{"en": "…", "fr": "…"}`), a JSON-LD value object
/// (`{"@value": "…", "@language": "en"}`) or a list of those.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum LangString {
    /// A plain string.
    Plain(String),
    /// A language map or a value object.
    Map(Map<String, Value>),
    /// Several strings or value objects.
    List(Vec<Value>),
}

impl LangString {
    /// The text to show: the plain string; in a map the `@value`, else the
    /// English entry, else the first entry; in a list the first usable item.
    pub fn text(&self) -> Option<&str> {
        match self {
            LangString::Plain(text) => Some(text),
            LangString::Map(map) => map_text(map),
            LangString::List(items) => items.iter().find_map(value_text),
        }
    }
}

/// The text of a value that is a string or a language map / value object.
pub(crate) fn value_text(value: &Value) -> Option<&str> {
    match value {
        Value::String(text) => Some(text),
        Value::Object(map) => map_text(map),
        _ => None,
    }
}

fn map_text(map: &Map<String, Value>) -> Option<&str> {
    if let Some(value) = map.get("@value") {
        return value.as_str();
    }
    let is_english = |key: &str| key == "en" || key.starts_with("en-");
    map.iter()
        .filter(|(key, _)| is_english(key))
        .chain(map.iter())
        .find_map(|(key, value)| {
            if key.starts_with('@') {
                None
            } else {
                value.as_str()
            }
        })
}

/// The text of an optional [`LangString`].
fn text_of(value: &Option<LangString>) -> Option<&str> {
    value.as_ref().and_then(LangString::text)
}

/// Adds `types()` and `has_type()` to structs with a `type_: Option<OneOrMany<String>>`.
macro_rules! impl_types {
    ($($name:ident),* $(,)?) => {$(
        impl $name {
            /// The values of `type` (empty when absent).
            pub fn types(&self) -> &[String] {
                $crate::ob3::slice_of(&self.type_)
            }

            /// Whether `type` includes `name`.
            pub fn has_type(&self, name: &str) -> bool {
                self.types().iter().any(|t| t == name)
            }
        }
    )*};
}
pub(crate) use impl_types;

/// Implements [`HasId`] for structs with an `id: Option<String>`.
macro_rules! impl_has_id {
    ($($name:ident),* $(,)?) => {$(
        impl $crate::ob3::HasId for $name {
            fn id(&self) -> Option<&str> {
                self.id.as_deref()
            }
        }
    )*};
}
pub(crate) use impl_has_id;

/// A verifiable credential of Open Badges 3.0, generic over its subject:
/// see [`AchievementCredential`] and [`EndorsementCredential`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Credential<S> {
    /// The JSON-LD contexts: URLs or inline context objects.
    #[serde(rename = "@context", skip_serializing_if = "Option::is_none")]
    pub context: Option<OneOrMany<Value>>,
    /// The credential's URI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its types, e.g. `VerifiableCredential` and `OpenBadgeCredential`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<OneOrMany<String>>,
    /// Its name, for display.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<LangString>,
    /// A short description, for display.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<LangString>,
    /// An image for the credential.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<IdOr<Image>>,
    /// Who issued it: a URI or a profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<IdOr<Profile>>,
    /// What it says about whom (one object in Open Badges 3.0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credential_subject: Option<OneOrMany<S>>,
    /// VCDM 2.0: when it starts to be valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    /// VCDM 2.0: when it stops being valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
    /// VCDM 1.1: when it was issued.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuance_date: Option<String>,
    /// VCDM 1.1: when it expires.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expiration_date: Option<String>,
    /// When the achievement was first awarded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub awarded_date: Option<String>,
    /// Evidence of the achievement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<OneOrMany<Evidence>>,
    /// Where to learn whether it was revoked or suspended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credential_status: Option<OneOrMany<CredentialStatus>>,
    /// Schemas the credential claims to follow.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credential_schema: Option<OneOrMany<CredentialSchema>>,
    /// Endorsements of the credential.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endorsement: Option<OneOrMany<Box<EndorsementCredential>>>,
    /// Endorsements of the credential as VC-JWTs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endorsement_jwt: Option<OneOrMany<String>>,
    /// Embedded proofs (signatures).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proof: Option<OneOrMany<Proof>>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An Open Badges 3.0 `OpenBadgeCredential` (alias `AchievementCredential`).
pub type AchievementCredential = Credential<AchievementSubject>;

/// Another name of [`AchievementCredential`], as the specification uses both.
pub type OpenBadgeCredential = AchievementCredential;

/// An Open Badges 3.0 `EndorsementCredential`.
pub type EndorsementCredential = Credential<EndorsementSubject>;

impl<S> Credential<S> {
    /// The values of `type` (empty when absent).
    pub fn types(&self) -> &[String] {
        slice_of(&self.type_)
    }

    /// Whether `type` includes `name`.
    pub fn has_type(&self, name: &str) -> bool {
        self.types().iter().any(|t| t == name)
    }

    /// The `@context` entries (empty when absent).
    pub fn contexts(&self) -> &[Value] {
        slice_of(&self.context)
    }

    /// The `@context` entries that are URLs, in order.
    pub fn context_urls(&self) -> impl Iterator<Item = &str> {
        self.contexts().iter().filter_map(Value::as_str)
    }

    /// The data model, as the first `@context` says.
    pub fn vcdm(&self) -> Option<Vcdm> {
        self.contexts()
            .first()
            .and_then(Value::as_str)
            .and_then(Vcdm::from_context)
    }

    /// The credential's display name.
    pub fn name_text(&self) -> Option<&str> {
        text_of(&self.name)
    }

    /// The issuer's URI (the `issuer` string, or the issuer profile's `id`).
    pub fn issuer_id(&self) -> Option<&str> {
        self.issuer.as_ref().and_then(IdOr::id)
    }

    /// The issuer's name, when the issuer is an embedded profile with one.
    pub fn issuer_name(&self) -> Option<&str> {
        self.issuer
            .as_ref()
            .and_then(IdOr::object)
            .and_then(Profile::name_text)
    }

    /// When the credential starts to be valid, as written: `validFrom`, else `issuanceDate`.
    pub fn valid_from(&self) -> Option<&str> {
        self.valid_from.as_deref().or(self.issuance_date.as_deref())
    }

    /// When the credential stops being valid, as written: `validUntil`, else `expirationDate`.
    pub fn valid_until(&self) -> Option<&str> {
        self.valid_until
            .as_deref()
            .or(self.expiration_date.as_deref())
    }

    /// The subjects (Open Badges 3.0 has exactly one).
    pub fn subjects(&self) -> &[S] {
        slice_of(&self.credential_subject)
    }

    /// The embedded proofs (empty when unsigned).
    pub fn proofs(&self) -> &[Proof] {
        slice_of(&self.proof)
    }

    /// The status entries (revocation, suspension).
    pub fn statuses(&self) -> &[CredentialStatus] {
        slice_of(&self.credential_status)
    }

    /// The evidence entries.
    pub fn evidence(&self) -> &[Evidence] {
        slice_of(&self.evidence)
    }

    /// The embedded endorsements.
    pub fn endorsements(&self) -> &[Box<EndorsementCredential>] {
        slice_of(&self.endorsement)
    }
}

impl AchievementCredential {
    /// The (first) subject.
    pub fn subject(&self) -> Option<&AchievementSubject> {
        self.subjects().first()
    }

    /// The achievement of the (first) subject, when it is embedded.
    pub fn achievement(&self) -> Option<&Achievement> {
        self.subject()
            .and_then(|subject| subject.achievement.as_ref())
            .and_then(IdOr::object)
    }

    /// The achievement's URI.
    pub fn achievement_id(&self) -> Option<&str> {
        self.subject()
            .and_then(|subject| subject.achievement.as_ref())
            .and_then(IdOr::id)
    }

    /// The achievement's name.
    pub fn achievement_name(&self) -> Option<&str> {
        self.achievement().and_then(Achievement::name_text)
    }
}

impl<S> HasId for Credential<S> {
    fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }
}

/// A person or organisation: the issuer, a creator, an endorser (`Profile`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    /// The profile's URI (often a URL or a DID).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its types; it must include `Profile`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<OneOrMany<String>>,
    /// Its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<LangString>,
    /// A description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<LangString>,
    /// Its home page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A contact address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// A telephone number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// A logo or portrait.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<IdOr<Image>>,
    /// The organisation this one belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_org: Option<Box<IdOr<Profile>>>,
    /// Endorsements of this profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endorsement: Option<OneOrMany<Box<EndorsementCredential>>>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Profile {
    /// The name to show.
    pub fn name_text(&self) -> Option<&str> {
        text_of(&self.name)
    }
}

/// What was achieved: the badge itself (`Achievement`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Achievement {
    /// The achievement's URI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its types; it must include `Achievement`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<OneOrMany<String>>,
    /// Its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<LangString>,
    /// A short description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<LangString>,
    /// The kind of achievement, e.g. `Badge` or `Certificate`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub achievement_type: Option<String>,
    /// How it is earned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criteria: Option<IdOr<Criteria>>,
    /// The badge artwork.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<IdOr<Image>>,
    /// Who defined it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creator: Option<Box<IdOr<Profile>>>,
    /// Frameworks and standards it aligns to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alignment: Option<OneOrMany<Alignment>>,
    /// The results a recipient can have.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result_description: Option<OneOrMany<ResultDescription>>,
    /// Keywords.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<OneOrMany<String>>,
    /// Endorsements of the achievement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endorsement: Option<OneOrMany<Box<EndorsementCredential>>>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Achievement {
    /// The name to show.
    pub fn name_text(&self) -> Option<&str> {
        text_of(&self.name)
    }

    /// The description to show.
    pub fn description_text(&self) -> Option<&str> {
        text_of(&self.description)
    }
}

/// The recipient and what they achieved (`AchievementSubject`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AchievementSubject {
    /// The recipient's URI (often a DID), if given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its types; it must include `AchievementSubject`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<OneOrMany<String>>,
    /// The achievement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub achievement: Option<IdOr<Achievement>>,
    /// Other identifiers of the recipient (e.g. a hashed e-mail address).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identifier: Option<OneOrMany<IdentityObject>>,
    /// Results, e.g. grades.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<OneOrMany<AchievementResult>>,
    /// An image of the recipient's achievement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<IdOr<Image>>,
    /// How the evidence fits together.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub narrative: Option<String>,
    /// The organisation that awarded it on the issuer's behalf.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<IdOr<Profile>>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl AchievementSubject {
    /// The identifiers (empty when absent).
    pub fn identifiers(&self) -> &[IdentityObject] {
        slice_of(&self.identifier)
    }

    /// The results (empty when absent).
    pub fn results(&self) -> &[AchievementResult] {
        slice_of(&self.result)
    }
}

/// One identifier of the recipient, plain or hashed (`IdentityObject`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdentityObject {
    /// Its type: `IdentityObject`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<OneOrMany<String>>,
    /// Whether `identityHash` is a hash (`sha256$…` or `md5$…`) rather than the plain value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hashed: Option<bool>,
    /// The identifier, hashed or plain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity_hash: Option<String>,
    /// What kind of identifier it is, e.g. `emailAddress`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity_type: Option<String>,
    /// The salt appended to the identifier before hashing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salt: Option<String>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Evidence of the achievement (`Evidence`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    /// A URL of the evidence, or the evidence as a data URI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its types; it must include `Evidence`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<OneOrMany<String>>,
    /// A title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<LangString>,
    /// A description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<LangString>,
    /// A narrative of the evidence (Markdown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub narrative: Option<String>,
    /// The kind of evidence, e.g. `Poetry`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub genre: Option<String>,
    /// Who the evidence is for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audience: Option<String>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A link to a node of an educational framework (`Alignment`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Alignment {
    /// Its types; it must include `Alignment`.
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
    /// The node's code in its framework.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_code: Option<String>,
    /// The framework's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_framework: Option<String>,
    /// The kind of node, e.g. `CFItem`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_type: Option<String>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A result of the recipient, e.g. a grade (the specification's `Result`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AchievementResult {
    /// Its types; it must include `Result`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<OneOrMany<String>>,
    /// The `id` of the rubric level reached.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub achieved_level: Option<String>,
    /// The `id` of the [`ResultDescription`] this result is for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result_description: Option<String>,
    /// The status, e.g. `Completed`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The value, e.g. `A`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Frameworks the result aligns to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alignment: Option<OneOrMany<Alignment>>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A result a recipient of the achievement can have (`ResultDescription`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResultDescription {
    /// Its URI, which results refer to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its types; it must include `ResultDescription`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<OneOrMany<String>>,
    /// Its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<LangString>,
    /// The kind of result, e.g. `LetterGrade`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result_type: Option<String>,
    /// The values a result can take.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_value: Option<OneOrMany<String>>,
    /// The rubric level needed to earn the achievement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_level: Option<String>,
    /// The value needed to earn the achievement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_value: Option<String>,
    /// The highest value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_max: Option<String>,
    /// The lowest value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_min: Option<String>,
    /// Frameworks the result aligns to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alignment: Option<OneOrMany<Alignment>>,
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
    /// Its type: `Image`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<OneOrMany<String>>,
    /// A caption.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<LangString>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// How the achievement is earned (`Criteria`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Criteria {
    /// A URL describing the criteria.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The criteria in words (Markdown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub narrative: Option<String>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Where to learn the credential's status (`CredentialStatus`), e.g. a
/// `BitstringStatusListEntry` or a `1EdTechRevocationList`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CredentialStatus {
    /// The entry's URI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The status method.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<OneOrMany<String>>,
    /// Bitstring status lists: what the bit means, e.g. `revocation`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_purpose: Option<String>,
    /// Bitstring status lists: the bit's index (a string by the specification,
    /// a number in some credentials).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_list_index: Option<Value>,
    /// Bitstring status lists: the URL of the list credential.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_list_credential: Option<String>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl CredentialStatus {
    /// `statusListIndex` as a number, whether it was written as a string or a number.
    pub fn status_list_index(&self) -> Option<u64> {
        match self.status_list_index.as_ref()? {
            Value::String(text) => text.parse().ok(),
            Value::Number(number) => number.as_u64(),
            _ => None,
        }
    }
}

/// A schema the credential claims to follow (`CredentialSchema`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CredentialSchema {
    /// The schema's URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The kind of schema, e.g. `1EdTechJsonSchemaValidator2019`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<OneOrMany<String>>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An embedded proof (`Proof`), e.g. a `DataIntegrityProof` or an `Ed25519Signature2020`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Proof {
    /// The proof's URI, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The proof type.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<OneOrMany<String>>,
    /// Data Integrity proofs: the cryptosuite, e.g. `eddsa-rdfc-2022`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cryptosuite: Option<String>,
    /// When the proof was made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    /// When the proof stops being valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
    /// The key that made it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification_method: Option<String>,
    /// What it is for, e.g. `assertionMethod`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proof_purpose: Option<String>,
    /// The signature (multibase).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proof_value: Option<String>,
    /// The signature as a detached JWS (older suites).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jws: Option<String>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Proof {
    /// The (first) proof type.
    pub fn proof_type(&self) -> Option<&str> {
        self.types().first().map(String::as_str)
    }
}

/// The subject of an endorsement: what is endorsed (`EndorsementSubject`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EndorsementSubject {
    /// The URI of what is endorsed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its types; it must include `EndorsementSubject`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<OneOrMany<String>>,
    /// The endorser's comment (Markdown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endorsement_comment: Option<String>,
    /// Every other property, as written.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl_types!(
    Profile,
    Achievement,
    AchievementSubject,
    IdentityObject,
    Evidence,
    Alignment,
    AchievementResult,
    ResultDescription,
    Image,
    CredentialStatus,
    CredentialSchema,
    Proof,
    EndorsementSubject,
);

impl_has_id!(
    Profile,
    Achievement,
    AchievementSubject,
    Evidence,
    ResultDescription,
    Image,
    Criteria,
    CredentialStatus,
    CredentialSchema,
    Proof,
    EndorsementSubject,
);
