//! The wallet: badges from any issuer, imported from files, folders, pasted
//! text or a URL, verified on import, kept as the exact bytes received, found
//! by search and filters, organised with tags, notes and collections, and
//! exported or backed up.

mod archive;
mod facts;
mod import;

use std::path::Path;

use badgesmith_store::{self as store, Store, StoreError};

use crate::dto::{
    BadgeVersion, FileFormat, RecipientMatch, Verification, WalletBadge, WalletCollection,
    WalletDetail, WalletFacet, WalletFacets, WalletPage, WalletQuery, WalletSortOrder,
    WalletStatus,
};
use crate::verify::VerifyRequest;
use crate::{DATABASE_FILE, Error, timestamp};

pub use archive::BACKUP_EXTENSION;
pub use import::ImportProgress;

/// How many badges a page holds when the query does not say.
pub const DEFAULT_PAGE: u32 = 60;
/// The side of the thumbnails kept for the grid, in pixels.
pub const THUMBNAIL_SIDE: u32 = 160;

pub(crate) fn store_error(e: StoreError) -> Error {
    match e {
        StoreError::NotFound { .. } => Error::NotFound(e.to_string()),
        StoreError::NameTaken { .. } | StoreError::Exists { .. } => Error::Exists(e.to_string()),
        StoreError::Ambiguous { .. } => Error::Usage(e.to_string()),
        other => Error::Store(other.to_string()),
    }
}

/// The wallet of one home folder.
#[derive(Debug)]
pub struct Wallet {
    store: Store,
}

fn version_of(text: &str) -> BadgeVersion {
    match text {
        "ob3" => BadgeVersion::Ob3,
        "ob2" => BadgeVersion::Ob2,
        "ob1" => BadgeVersion::Ob1,
        _ => BadgeVersion::Unknown,
    }
}

pub(crate) fn version_text(version: BadgeVersion) -> &'static str {
    match version {
        BadgeVersion::Ob3 => "ob3",
        BadgeVersion::Ob2 => "ob2",
        BadgeVersion::Ob1 => "ob1",
        BadgeVersion::Unknown => "unknown",
    }
}

pub(crate) fn file_kind_text(format: FileFormat) -> &'static str {
    match format {
        FileFormat::Png => "png",
        FileFormat::Svg => "svg",
        FileFormat::Json => "json",
        FileFormat::Jwt => "jwt",
        FileFormat::Url => "url",
    }
}

fn file_kind_of(text: &str) -> FileFormat {
    match text {
        "png" => FileFormat::Png,
        "svg" => FileFormat::Svg,
        "jwt" => FileFormat::Jwt,
        "url" => FileFormat::Url,
        _ => FileFormat::Json,
    }
}

/// A `data:` URL of bytes of a media type.
pub(crate) fn data_url(mime: &str, bytes: &[u8]) -> String {
    use base64::Engine as _;
    format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

fn list_badge(item: store::WalletListItem) -> WalletBadge {
    WalletBadge {
        issuer: item.issuer_name.or_else(|| item.issuer_id.clone()),
        issuer_id: item.issuer_id,
        version: version_of(&item.version),
        status: WalletStatus::parse(&item.status).unwrap_or(WalletStatus::Invalid),
        issued_on: item.issued_on,
        expires: item.expires,
        added_at: item.added_at,
        trashed_at: item.trashed_at,
        tags: item.tags,
        thumbnail: item.thumbnail.map(|png| data_url("image/png", &png)),
        id: item.id,
        name: item.name,
    }
}

/// Two issuers with the same name are told apart by where their id points:
/// `Example Corp (example.com)`, `Example Corp (did:key …Q1Vu)`.
fn distinct_labels(mut values: Vec<WalletFacet>) -> Vec<WalletFacet> {
    let mut seen = std::collections::HashMap::new();
    for v in &values {
        *seen.entry(v.label.clone()).or_insert(0u32) += 1;
    }
    for v in &mut values {
        if seen.get(&v.label).copied().unwrap_or(0) > 1 && v.value != v.label {
            let id = v.value.as_str();
            let hint = if let Some(rest) = id
                .strip_prefix("https://")
                .or_else(|| id.strip_prefix("http://"))
            {
                rest.split('/').next().unwrap_or(rest).to_owned()
            } else if let Some(method) = id.strip_prefix("did:") {
                let kind = method.split(':').next().unwrap_or("");
                let tail: String = id
                    .chars()
                    .rev()
                    .take(4)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                format!("did:{kind} …{tail}")
            } else {
                id.chars().take(24).collect()
            };
            v.label = format!("{} ({hint})", v.label);
        }
    }
    values
}

fn facet(values: Vec<store::FacetValue>) -> Vec<WalletFacet> {
    values
        .into_iter()
        .map(|v| WalletFacet {
            value: v.value,
            label: v.label,
            count: v.count,
        })
        .collect()
}

/// The file extension of a credential text: `jwt` for a JWS, `txt` for a
/// URL, `json` otherwise.
pub(crate) fn credential_extension(text: &str) -> &'static str {
    match badgesmith_bake::PayloadKind::of(text) {
        badgesmith_bake::PayloadKind::Jws => "jwt",
        badgesmith_bake::PayloadKind::Url => "txt",
        _ => "json",
    }
}

/// The extension of an original file of this kind.
pub(crate) fn original_extension(kind: &str, text: &str) -> &'static str {
    match kind {
        "png" => "png",
        "svg" => "svg",
        _ => credential_extension(text),
    }
}

impl Wallet {
    /// Opens the wallet in `home` (creating the database if needed).
    pub fn open(home: &Path) -> Result<Wallet, Error> {
        Self::open_file(&home.join(DATABASE_FILE))
    }

    /// Opens the wallet in the database file `path`.
    pub fn open_file(path: &Path) -> Result<Wallet, Error> {
        Ok(Wallet {
            store: Store::open(path).map_err(store_error)?,
        })
    }

    /// The id of the badge `id_or_prefix` names (its id, or the start of it).
    pub fn resolve(&self, id_or_prefix: &str) -> Result<String, Error> {
        self.store
            .resolve_wallet_id(id_or_prefix)
            .map_err(store_error)?
            .ok_or_else(|| {
                Error::NotFound(format!("no badge in the wallet has the id {id_or_prefix}"))
            })
    }

    /// One page of badges, with their thumbnails.
    pub fn list(&self, query: &WalletQuery) -> Result<WalletPage, Error> {
        self.page(query, true)
    }

    /// Like [`Wallet::list`] without thumbnails: for the command line.
    pub fn list_plain(&self, query: &WalletQuery) -> Result<WalletPage, Error> {
        self.page(query, false)
    }

    fn page(&self, query: &WalletQuery, thumbnails: bool) -> Result<WalletPage, Error> {
        let filter = store::WalletFilter {
            text: Some(query.text.clone()).filter(|t| !t.trim().is_empty()),
            issuer: query.issuer.clone(),
            status: query.status.map(|s| s.as_str().to_owned()),
            tag: query.tag.clone(),
            collection: query.collection.clone(),
            trash: query.trash,
            sort: match query.sort {
                WalletSortOrder::Newest => store::WalletSort::Newest,
                WalletSortOrder::Oldest => store::WalletSort::Oldest,
                WalletSortOrder::Name => store::WalletSort::Name,
                WalletSortOrder::Issuer => store::WalletSort::Issuer,
                WalletSortOrder::Added => store::WalletSort::Added,
            },
            offset: query.offset,
            limit: if query.limit == 0 {
                DEFAULT_PAGE
            } else {
                query.limit
            },
            thumbnails,
        };
        let (items, total) = self.store.wallet_page(&filter).map_err(store_error)?;
        Ok(WalletPage {
            badges: items.into_iter().map(list_badge).collect(),
            total,
            offset: query.offset,
        })
    }

    /// The values the filters offer, with counts.
    pub fn facets(&self) -> Result<WalletFacets, Error> {
        let f = self.store.wallet_facets().map_err(store_error)?;
        Ok(WalletFacets {
            total: f.total,
            trashed: f.trashed,
            issuers: distinct_labels(facet(f.issuers)),
            statuses: facet(f.statuses),
            tags: facet(f.tags),
            collections: facet(f.collections),
        })
    }

    fn entry(&self, id: &str) -> Result<store::WalletEntry, Error> {
        self.store
            .wallet_entry(id)
            .map_err(store_error)?
            .ok_or_else(|| Error::NotFound(format!("no badge in the wallet has the id {id}")))
    }

    /// Everything about one badge.
    pub fn show(&self, id: &str) -> Result<WalletDetail, Error> {
        let e = self.entry(id)?;
        let collections = self.store.wallet_collections_of(id).map_err(store_error)?;
        let same_id_as = match &e.credential_id {
            Some(cid) => self
                .store
                .wallet_ids_with_credential_id(cid)
                .map_err(store_error)?
                .into_iter()
                .filter(|other| other != &e.id)
                .collect(),
            None => Vec::new(),
        };
        let facts = serde_json::from_str(&e.facts).unwrap_or_default();
        let verification: Verification = serde_json::from_str(&e.report).map_err(|err| {
            Error::Store(format!(
                "the stored verification of badge {id} cannot be read ({err})"
            ))
        })?;
        let image = match (&e.image, e.image_type.as_deref()) {
            (Some(bytes), Some(mime)) => Some(data_url(mime, bytes)),
            (None, Some(mime)) if e.file_kind == "png" || e.file_kind == "svg" => {
                Some(data_url(mime, &e.original))
            }
            _ => None,
        };
        let badge = WalletBadge {
            id: e.id.clone(),
            name: e.name.clone(),
            issuer: e.issuer_name.clone().or_else(|| e.issuer_id.clone()),
            issuer_id: e.issuer_id.clone(),
            version: version_of(&e.version),
            status: WalletStatus::parse(&e.status).unwrap_or(WalletStatus::Invalid),
            issued_on: e.issued_on.clone(),
            expires: e.expires.clone(),
            added_at: e.added_at.clone(),
            trashed_at: e.trashed_at.clone(),
            tags: e.tags.clone(),
            thumbnail: e.thumbnail.as_deref().map(|png| data_url("image/png", png)),
        };
        Ok(WalletDetail {
            badge,
            facts,
            image,
            verification,
            verified_at: e.verified_at,
            file_bytes: u32::try_from(e.original.len()).unwrap_or(u32::MAX),
            text: e.badge_text,
            file_name: e.file_name,
            file_kind: file_kind_of(&e.file_kind),
            note: e.note,
            collections,
            same_id_as,
        })
    }

    /// Verifies a badge again and stores the new report.
    pub fn reverify(&mut self, id: &str, request: &VerifyRequest) -> Result<WalletDetail, Error> {
        let e = self.entry(id)?;
        if request.online {
            // Online, what the badge names by URL (a hosted assertion, its
            // badge class, issuer and image) can be read now: describe it
            // afresh, keeping the user's tags, note, collections and dates.
            let fetcher = crate::verify::HttpFetcher::new();
            if let Ok(fresh) = import::analyze(
                &e.file_name,
                e.original.clone(),
                e.source_sha256.clone(),
                request,
                Some(&fetcher),
            ) {
                self.store
                    .refresh_wallet_badge(id, &fresh)
                    .map_err(store_error)?;
                return self.show(id);
            }
        }
        let report = crate::verify_badge_text(&e.badge_text, request)?;
        let verification = Verification::from_report(&report, request.online);
        let status = import::status_of(&report);
        let json = serde_json::to_string(&verification)
            .map_err(|err| Error::Store(format!("the verification cannot be stored ({err})")))?;
        self.store
            .set_wallet_verification(id, status.as_str(), &json, &now())
            .map_err(store_error)?;
        self.show(id)
    }

    /// "Is this badge mine?": checks an identity against its recipient.
    pub fn check_recipient(&self, id: &str, identity: &str) -> Result<RecipientMatch, Error> {
        let identity = identity.trim();
        if identity.is_empty() {
            return Err(Error::Usage(
                "type the e-mail address (or DID, or URL) to check".into(),
            ));
        }
        let e = self.entry(id)?;
        let request = VerifyRequest {
            recipient: Some(identity.to_owned()),
            ..VerifyRequest::default()
        };
        let report = crate::verify_badge_text(&e.badge_text, &request)?;
        let check = report.check(badgesmith_credential::CheckId::Recipient);
        let matches = check.is_some_and(|c| c.status == badgesmith_credential::CheckStatus::Pass);
        let message = match check {
            Some(c) => c.message.clone(),
            None => format!(
                "this badge does not say who it was awarded to, so {identity} cannot be checked"
            ),
        };
        Ok(RecipientMatch { matches, message })
    }

    /// Replaces a badge's tags.
    pub fn set_tags(&mut self, id: &str, tags: &[String]) -> Result<(), Error> {
        for tag in tags {
            if tag.chars().count() > 60 {
                return Err(Error::Usage(format!(
                    "the tag \"{}…\" is longer than 60 characters",
                    tag.chars().take(20).collect::<String>()
                )));
            }
        }
        if tags.len() > 50 {
            return Err(Error::Usage("a badge may have up to 50 tags".into()));
        }
        self.store.set_wallet_tags(id, tags).map_err(store_error)
    }

    /// Replaces a badge's note.
    pub fn set_note(&mut self, id: &str, note: &str) -> Result<(), Error> {
        if note.len() > 20_000 {
            return Err(Error::Usage("a note may be up to 20,000 characters".into()));
        }
        self.store.set_wallet_note(id, note).map_err(store_error)
    }

    /// Moves badges to the trash.
    pub fn trash(&mut self, ids: &[String]) -> Result<(), Error> {
        self.store
            .trash_wallet_badges(ids, &now())
            .map_err(store_error)
    }

    /// Takes badges out of the trash.
    pub fn restore(&mut self, ids: &[String]) -> Result<(), Error> {
        self.store.restore_wallet_badges(ids).map_err(store_error)
    }

    /// Deletes badges for good; each must be in the trash.
    pub fn delete_forever(&mut self, ids: &[String]) -> Result<(), Error> {
        let trashed = self.store.trashed_wallet_ids().map_err(store_error)?;
        if let Some(id) = ids.iter().find(|id| !trashed.contains(id)) {
            return Err(Error::Usage(format!(
                "badge {id} is not in the trash; move it to the trash first"
            )));
        }
        self.store.delete_wallet_badges(ids).map_err(store_error)
    }

    /// Deletes every badge in the trash; returns how many.
    pub fn empty_trash(&mut self) -> Result<u32, Error> {
        let ids = self.store.trashed_wallet_ids().map_err(store_error)?;
        self.store.delete_wallet_badges(&ids).map_err(store_error)?;
        Ok(u32::try_from(ids.len()).unwrap_or(u32::MAX))
    }

    /// Collections, by name.
    pub fn collections(&self) -> Result<Vec<WalletCollection>, Error> {
        Ok(self
            .store
            .wallet_collections()
            .map_err(store_error)?
            .into_iter()
            .map(|c| WalletCollection {
                id: c.id,
                name: c.name,
                count: c.count,
            })
            .collect())
    }

    fn collection_name(name: &str) -> Result<String, Error> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::Usage("a collection needs a name".into()));
        }
        if name.chars().count() > 80 {
            return Err(Error::Usage(
                "a collection's name may be up to 80 characters".into(),
            ));
        }
        Ok(name.to_owned())
    }

    /// Makes a collection.
    pub fn create_collection(&mut self, name: &str) -> Result<WalletCollection, Error> {
        let name = Self::collection_name(name)?;
        let id = format!("c{}", crate::issuing::new_id()?);
        self.store
            .create_wallet_collection(&id, &name, &now())
            .map_err(store_error)?;
        Ok(WalletCollection { id, name, count: 0 })
    }

    /// Renames a collection.
    pub fn rename_collection(&mut self, id: &str, name: &str) -> Result<(), Error> {
        let name = Self::collection_name(name)?;
        self.store
            .rename_wallet_collection(id, &name)
            .map_err(store_error)
    }

    /// Deletes a collection; its badges stay.
    pub fn delete_collection(&mut self, id: &str) -> Result<(), Error> {
        self.store.delete_wallet_collection(id).map_err(store_error)
    }

    /// Puts badges in a collection, or takes them out.
    pub fn set_membership(
        &mut self,
        collection: &str,
        ids: &[String],
        member: bool,
    ) -> Result<(), Error> {
        self.store
            .set_wallet_membership(collection, ids, member)
            .map_err(store_error)
    }

    /// The collection whose id or name (ignoring case) is `wanted`.
    pub fn find_collection(&self, wanted: &str) -> Result<WalletCollection, Error> {
        let all = self.collections()?;
        all.into_iter()
            .find(|c| c.id == wanted || c.name.eq_ignore_ascii_case(wanted.trim()))
            .ok_or_else(|| Error::NotFound(format!("no collection is named {wanted}")))
    }

    /// The badge's file as received, with a file name for it.
    pub fn original(&self, id: &str) -> Result<(String, Vec<u8>), Error> {
        let e = self.entry(id)?;
        let name = export_name(&e, original_extension(&e.file_kind, &e.badge_text));
        Ok((name, e.original))
    }

    /// The badge's credential text (JSON, JWT, or a URL), with a file name.
    pub fn credential(&self, id: &str) -> Result<(String, Vec<u8>), Error> {
        let e = self.entry(id)?;
        let name = export_name(&e, credential_extension(&e.badge_text));
        Ok((name, e.badge_text.into_bytes()))
    }

    /// Runs SQLite's own check of the database file; `["ok"]` when sound.
    pub fn integrity_check(&self) -> Result<Vec<String>, Error> {
        self.store.integrity_check().map_err(store_error)
    }
}

/// A file name for an exported badge: its name made safe, then the extension.
fn export_name(e: &store::WalletEntry, extension: &str) -> String {
    let stem = badgesmith_issuing::names::stem(Some(&e.name), "badge");
    format!("{stem}.{extension}")
}

/// A portable file-name stem for a name: lowercase ASCII letters and digits
/// joined by hyphens (accents dropped to their letter), else `fallback`.
pub fn file_stem(name: &str, fallback: &str) -> String {
    badgesmith_issuing::names::stem(Some(name), fallback)
}

/// Now, as the store keeps times.
pub(crate) fn now() -> String {
    timestamp(time::OffsetDateTime::now_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(value: &str, label: &str) -> WalletFacet {
        WalletFacet {
            value: value.into(),
            label: label.into(),
            count: 1,
        }
    }

    #[test]
    fn issuers_with_the_same_name_are_told_apart() {
        let labels: Vec<String> = distinct_labels(vec![
            f("https://example.com/issuers/1", "Example Corp"),
            f("did:key:z6MkQ1Vu", "Example Corp"),
            f("https://club.example.org/", "Chess Club"),
        ])
        .into_iter()
        .map(|v| v.label)
        .collect();
        assert_eq!(
            labels,
            [
                "Example Corp (example.com)",
                "Example Corp (did:key …Q1Vu)",
                "Chess Club"
            ]
        );
    }
}
