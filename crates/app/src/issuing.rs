//! Issuing: issuer profiles with sealed keys, achievements, one badge at a
//! time, and the issued log with revocation. CSV batches are in
//! [`crate::batch`].
//!
//! Keys: an issuer's Ed25519 key is only ever stored sealed under the user's
//! passphrase. [`Issuing::unlock`] opens it into memory for as long as this
//! value lives (the desktop session, or one command) and [`Issuing::lock`]
//! forgets it; it never leaves the process.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use badgesmith_art::{self as art, BadgeDesign};
use badgesmith_bake as bake;
use badgesmith_issuing::credential::{self as cred, format_datetime, new_salt, new_urn_uuid};
use badgesmith_issuing::recipients::parse_date;
use badgesmith_issuing::{
    AchievementInfo, Alignment, Award, IssuerInfo, IssuerKey, KeyError, Proof, Recipient,
    ResultDescription, SealedKey, StatusEntry, Template, names, status,
};
use badgesmith_store::{AchievementRecord, IssuedRecord, IssuerFields, IssuerRecord, Store};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use time::OffsetDateTime;

use crate::design::{THUMBNAIL_SIZE, png_data_url};
use crate::dto::{
    Achievement, AchievementInput, BadgeImageFormat, IssueSettings, IssuedBadge, IssuedPage,
    IssuerInput, IssuerProfile, ProofFormat, RecipientInput, Revocation,
};
use crate::{DATABASE_FILE, Error, timestamp, write_atomically};

/// The folder in the home where signed status lists are saved.
pub const STATUS_LIST_DIR: &str = "status-lists";

/// The side of the achievement image embedded in each credential, in pixels
/// (smaller sizes are tried when it would exceed the embedding limit).
pub const EMBEDDED_IMAGE_SIZES: [u32; 3] = [128, 96, 64];

/// The largest embedded image, as a `data:` URL, in bytes.
pub const MAX_EMBEDDED_IMAGE: usize = 64 * 1024;

const BACKUP_FORMAT: &str = "badgesmith-issuer-backup";

fn store_error(e: badgesmith_store::StoreError) -> Error {
    match e {
        badgesmith_store::StoreError::NotFound { .. } => Error::NotFound(e.to_string()),
        other => Error::Store(other.to_string()),
    }
}

fn usage(message: impl Into<String>) -> Error {
    Error::Usage(message.into())
}

fn key_error(issuer: &str, e: KeyError) -> Error {
    match e {
        KeyError::WrongPassphrase => Error::WrongPassphrase(format!(
            "the passphrase for {issuer} is wrong; the key stays locked"
        )),
        KeyError::WeakPassphrase => usage(format!("passphrase: {e}")),
        other => Error::InvalidCredential {
            name: issuer.to_owned(),
            reason: other.to_string(),
        },
    }
}

/// A short random id for issuers and achievements: 16 hex digits.
pub(crate) fn new_id() -> Result<String, Error> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).map_err(|e| Error::Store(format!("no randomness ({e})")))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// SHA-256 as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn clean(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// What an issuer backup file holds: the profile and the sealed key.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Backup {
    format: String,
    version: u32,
    issuer: BackupProfile,
    /// Status-list positions already handed out, so a restored issuer never
    /// reuses one.
    status_next: u32,
    key: SealedKey,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct BackupProfile {
    name: String,
    url: Option<String>,
    email: Option<String>,
    description: Option<String>,
    image: Option<String>,
    status_list_url: Option<String>,
}

/// The badge image of an achievement, drawn once and reused for every
/// recipient.
#[derive(Debug, Clone)]
pub(crate) struct Artwork {
    /// The image the credential is baked into (PNG or SVG bytes).
    pub bytes: Vec<u8>,
    /// Its media type.
    pub mime: &'static str,
    /// SHA-256 of `bytes`, hex.
    pub sha256: String,
    /// The file extension, `png` or `svg`.
    pub extension: &'static str,
}

/// Everything needed to issue one achievement, prepared once.
#[derive(Debug)]
pub(crate) struct Prepared {
    pub issuer: IssuerRecord,
    pub achievement: AchievementRecord,
    pub input: AchievementInput,
    pub template: Template,
    pub artwork: Artwork,
    pub key: IssuerKey,
}

/// The issuing use cases over one database, with the keys unlocked in this
/// session.
#[derive(Debug)]
pub struct Issuing {
    pub(crate) store: Store,
    home: Option<PathBuf>,
    keys: HashMap<String, IssuerKey>,
}

impl Issuing {
    /// Opens (creating if needed) the database in the home folder.
    pub fn open(home: &Path) -> Result<Issuing, Error> {
        Ok(Issuing {
            store: Store::open(&home.join(DATABASE_FILE)).map_err(store_error)?,
            home: Some(home.to_owned()),
            keys: HashMap::new(),
        })
    }

    /// A second connection to the same database with the same unlocked keys,
    /// for long work (a batch) that should not hold up the first.
    pub fn reopen(&self) -> Result<Issuing, Error> {
        let home = self
            .home
            .as_ref()
            .ok_or_else(|| Error::Store("an in-memory database cannot be reopened".into()))?;
        let mut other = Issuing::open(home)?;
        other.keys = self.keys.clone();
        Ok(other)
    }

    /// The home folder, when the database is a file.
    pub fn home(&self) -> Option<&Path> {
        self.home.as_deref()
    }

    /// An in-memory database, for tests (status lists are not saved).
    pub fn in_memory() -> Result<Issuing, Error> {
        Ok(Issuing {
            store: Store::open_in_memory().map_err(store_error)?,
            home: None,
            keys: HashMap::new(),
        })
    }

    // ------------------------------------------------------------ issuers

    fn profile(&self, r: &IssuerRecord) -> IssuerProfile {
        IssuerProfile {
            id: r.id.clone(),
            did: r.did.clone(),
            name: r.fields.name.clone(),
            url: r.fields.url.clone(),
            email: r.fields.email.clone(),
            description: r.fields.description.clone(),
            image: r.fields.image.clone(),
            status_list_url: r.fields.status_list_url.clone(),
            unlocked: self.keys.contains_key(&r.id),
            issued_count: r.issued_count,
            created_at: r.created_at.clone(),
            updated_at: r.updated_at.clone(),
        }
    }

    /// Checks a profile and turns it into the store's fields, drawing the
    /// logo from a saved design when one is named.
    fn issuer_fields(&self, input: &IssuerInput) -> Result<IssuerFields, Error> {
        let name = input.name.trim();
        if name.is_empty() {
            return Err(usage("name: the issuer needs a name"));
        }
        if name.chars().count() > 200 {
            return Err(usage("name: keep it under 200 characters"));
        }
        let url = clean(&input.url);
        if let Some(u) = &url
            && !cred::is_web_url(u)
        {
            return Err(usage(format!("url: \"{u}\" is not an http(s) web address")));
        }
        let email = clean(&input.email);
        if let Some(e) = &email
            && !cred::is_email(e)
        {
            return Err(usage(format!("email: \"{e}\" is not an e-mail address")));
        }
        let status_list_url = clean(&input.status_list_url);
        if let Some(u) = &status_list_url
            && !cred::is_web_url(u)
        {
            return Err(usage(format!(
                "status list URL: \"{u}\" is not an http(s) web address"
            )));
        }
        let description = clean(&input.description);
        if description
            .as_ref()
            .is_some_and(|d| d.chars().count() > 4000)
        {
            return Err(usage("description: keep it under 4,000 characters"));
        }
        let image_design_id = clean(&input.image_design_id);
        let image = match &image_design_id {
            Some(id) => Some(self.design_image(id)?),
            None => clean(&input.image),
        };
        if let Some(img) = &image {
            if !img.starts_with("data:image/") {
                return Err(usage("logo: the logo must be a PNG, JPEG or SVG image"));
            }
            if img.len() > MAX_EMBEDDED_IMAGE {
                return Err(usage(format!(
                    "logo: the image is {} KiB; a logo embedded in every badge must be under {} KiB (choose a smaller image or a saved design)",
                    img.len() / 1024,
                    MAX_EMBEDDED_IMAGE / 1024
                )));
            }
        }
        Ok(IssuerFields {
            name: name.to_owned(),
            url,
            email,
            description,
            image,
            image_design_id,
            status_list_url,
        })
    }

    fn design_body(&self, id: &str) -> Result<String, Error> {
        let found = self
            .store
            .find_designs_by_name_or_id_prefix(id)
            .map_err(store_error)?;
        let first = match found.as_slice() {
            [one] => one,
            [] => return Err(Error::NotFound(format!("no saved design is called {id}"))),
            [exact, ..] if exact.id == id => exact,
            _ => {
                return Err(usage(format!(
                    "\"{id}\" matches several saved designs; give more of the id"
                )));
            }
        };
        let record = self
            .store
            .get_design(&first.id)
            .map_err(store_error)?
            .ok_or_else(|| Error::NotFound(format!("no saved design is called {id}")))?;
        Ok(record.body)
    }

    /// A saved design drawn small, as a PNG `data:` URL for a logo.
    fn design_image(&self, id: &str) -> Result<String, Error> {
        let body = self.design_body(id)?;
        let design = crate::parse_design(id, &body)?;
        embedded_image(&design)
    }

    fn insert_issuer(
        &mut self,
        fields: IssuerFields,
        key: IssuerKey,
        passphrase: &str,
        status_next: u32,
        at: OffsetDateTime,
    ) -> Result<IssuerProfile, Error> {
        let sealed = key
            .seal(passphrase)
            .map_err(|e| key_error(&fields.name, e))?;
        let id = new_id()?;
        let record = IssuerRecord {
            id: id.clone(),
            did: key.did().to_owned(),
            fields,
            sealed_key: sealed.to_json(),
            created_at: timestamp(at),
            updated_at: timestamp(at),
            issued_count: 0,
        };
        if let Some(existing) = self
            .store
            .find_issuers(key.did())
            .map_err(store_error)?
            .into_iter()
            .find(|i| i.did == key.did())
        {
            return Err(usage(format!(
                "this key is already the key of the issuer \"{}\" ({})",
                existing.fields.name, existing.id
            )));
        }
        self.store.insert_issuer(&record).map_err(store_error)?;
        if status_next > 0 {
            self.store
                .reserve_status_positions(&id, status_next)
                .map_err(store_error)?;
        }
        self.keys.insert(id.clone(), key);
        self.issuer(&id)
    }

    /// Creates an issuer with a fresh key sealed under `passphrase`; it
    /// starts unlocked.
    pub fn create_issuer(
        &mut self,
        input: &IssuerInput,
        passphrase: &str,
        at: OffsetDateTime,
    ) -> Result<IssuerProfile, Error> {
        let fields = self.issuer_fields(input)?;
        badgesmith_issuing::keys::check_new_passphrase(passphrase)
            .map_err(|e| key_error(&fields.name, e))?;
        let key = IssuerKey::generate().map_err(|e| key_error(&fields.name, e))?;
        self.insert_issuer(fields, key, passphrase, 0, at)
    }

    /// Creates an issuer from a seed moved from another tool.
    pub fn import_seed(
        &mut self,
        input: &IssuerInput,
        seed: &str,
        passphrase: &str,
        at: OffsetDateTime,
    ) -> Result<IssuerProfile, Error> {
        let fields = self.issuer_fields(input)?;
        badgesmith_issuing::keys::check_new_passphrase(passphrase)
            .map_err(|e| key_error(&fields.name, e))?;
        let key = IssuerKey::from_seed_text(seed).map_err(|e| usage(format!("seed: {e}")))?;
        self.insert_issuer(fields, key, passphrase, 0, at)
    }

    /// Changes an issuer's profile (never its key).
    pub fn update_issuer(
        &mut self,
        id: &str,
        input: &IssuerInput,
        at: OffsetDateTime,
    ) -> Result<IssuerProfile, Error> {
        let fields = self.issuer_fields(input)?;
        self.store
            .update_issuer(id, &fields, &timestamp(at))
            .map_err(store_error)?;
        self.issuer(id)
    }

    /// Every issuer, oldest first.
    pub fn issuers(&self) -> Result<Vec<IssuerProfile>, Error> {
        Ok(self
            .store
            .list_issuers()
            .map_err(store_error)?
            .iter()
            .map(|r| self.profile(r))
            .collect())
    }

    /// One issuer by id.
    pub fn issuer(&self, id: &str) -> Result<IssuerProfile, Error> {
        let r = self.issuer_record(id)?;
        Ok(self.profile(&r))
    }

    fn issuer_record(&self, id: &str) -> Result<IssuerRecord, Error> {
        self.store
            .get_issuer(id)
            .map_err(store_error)?
            .ok_or_else(|| Error::NotFound(format!("no issuer has the id {id}")))
    }

    /// The one issuer named by `query` (an id or its start, the DID, or the
    /// name); with `None`, the only issuer there is.
    pub fn find_issuer(&self, query: Option<&str>) -> Result<IssuerProfile, Error> {
        let found = match query {
            Some(q) => self.store.find_issuers(q.trim()).map_err(store_error)?,
            None => self.store.list_issuers().map_err(store_error)?,
        };
        match (found.as_slice(), query) {
            ([], None) => Err(Error::NotFound(
                "there is no issuer yet; create one with `badgesmith issuer new --name NAME`"
                    .into(),
            )),
            ([], Some(q)) => Err(Error::NotFound(format!("no issuer is called {q}"))),
            ([one], _) => Ok(self.profile(one)),
            ([exact, ..], Some(q)) if exact.id == q => Ok(self.profile(exact)),
            (many, None) => Err(usage(format!(
                "there are {} issuers; say which with --issuer ID",
                many.len()
            ))),
            (_, Some(q)) => Err(usage(format!(
                "\"{q}\" matches several issuers; give more of the id"
            ))),
        }
    }

    /// Opens the issuer's key with `passphrase` and keeps it for this session.
    pub fn unlock(&mut self, id: &str, passphrase: &str) -> Result<IssuerProfile, Error> {
        let r = self.issuer_record(id)?;
        if !self.keys.contains_key(id) {
            let sealed =
                SealedKey::from_json(&r.sealed_key).map_err(|e| key_error(&r.fields.name, e))?;
            let key = sealed
                .open(passphrase)
                .map_err(|e| key_error(&r.fields.name, e))?;
            self.keys.insert(id.to_owned(), key);
        }
        Ok(self.profile(&r))
    }

    /// Forgets the issuer's unlocked key.
    pub fn lock(&mut self, id: &str) -> Result<IssuerProfile, Error> {
        self.keys.remove(id);
        self.issuer(id)
    }

    /// Forgets every unlocked key.
    pub fn lock_all(&mut self) {
        self.keys.clear();
    }

    /// Whether the issuer's key is unlocked.
    pub fn is_unlocked(&self, id: &str) -> bool {
        self.keys.contains_key(id)
    }

    fn key(&self, issuer: &IssuerRecord) -> Result<IssuerKey, Error> {
        self.keys.get(&issuer.id).cloned().ok_or_else(|| {
            Error::Locked(format!(
                "the key of {} is locked; unlock it with its passphrase first",
                issuer.fields.name
            ))
        })
    }

    /// The encrypted backup of an issuer: its profile and sealed key, as the
    /// text of a `.badgesmith-issuer` file. The passphrase stays the same.
    pub fn backup(&self, id: &str) -> Result<String, Error> {
        let r = self.issuer_record(id)?;
        let key = SealedKey::from_json(&r.sealed_key).map_err(|e| key_error(&r.fields.name, e))?;
        let status_next = self
            .store
            .status_positions_used(&r.id)
            .map_err(store_error)?;
        let backup = Backup {
            format: BACKUP_FORMAT.into(),
            version: 1,
            issuer: BackupProfile {
                name: r.fields.name.clone(),
                url: r.fields.url.clone(),
                email: r.fields.email.clone(),
                description: r.fields.description.clone(),
                image: r.fields.image.clone(),
                status_list_url: r.fields.status_list_url.clone(),
            },
            status_next,
            key,
        };
        serde_json::to_string_pretty(&backup).map_err(|e| Error::Store(e.to_string()))
    }

    /// Adds the issuer of a backup file, checking its passphrase.
    pub fn restore(
        &mut self,
        name: &str,
        text: &str,
        passphrase: &str,
        at: OffsetDateTime,
    ) -> Result<IssuerProfile, Error> {
        let not_backup = |reason: String| Error::InvalidCredential {
            name: name.to_owned(),
            reason,
        };
        let value: serde_json::Value = serde_json::from_str(text)
            .map_err(|_| not_backup("this is not a Badgesmith issuer backup (not JSON)".into()))?;
        if value.get("format").and_then(|f| f.as_str()) != Some(BACKUP_FORMAT) {
            return Err(not_backup("this is not a Badgesmith issuer backup".into()));
        }
        let backup: Backup = serde_json::from_value(value)
            .map_err(|e| not_backup(format!("the backup is damaged ({e})")))?;
        if backup.version != 1 {
            return Err(not_backup(format!(
                "the backup is version {}, which this Badgesmith cannot read",
                backup.version
            )));
        }
        let key = backup.key.open(passphrase).map_err(|e| match e {
            KeyError::WrongPassphrase => Error::WrongPassphrase(format!(
                "{name}: the passphrase is wrong; nothing was imported"
            )),
            other => not_backup(other.to_string()),
        })?;
        let input = IssuerInput {
            name: backup.issuer.name,
            url: backup.issuer.url,
            email: backup.issuer.email,
            description: backup.issuer.description,
            image: backup.issuer.image,
            image_design_id: None,
            status_list_url: backup.issuer.status_list_url,
        };
        let fields = self.issuer_fields(&input)?;
        // Sealed again under the same passphrase, with a fresh salt and nonce.
        let profile = self.insert_issuer(fields, key, passphrase, backup.status_next, at)?;
        Ok(profile)
    }

    // ------------------------------------------------------------ achievements

    fn achievement_dto(&self, r: &AchievementRecord) -> Result<Achievement, Error> {
        let input: AchievementInput = serde_json::from_str(&r.body)
            .map_err(|e| Error::Store(format!("achievement {} is damaged ({e})", r.id)))?;
        let issuer_name = self
            .store
            .get_issuer(&r.issuer_id)
            .map_err(store_error)?
            .map(|i| i.fields.name)
            .unwrap_or_default();
        Ok(Achievement {
            id: r.id.clone(),
            issuer_id: r.issuer_id.clone(),
            issuer_name,
            input,
            thumbnail: r.thumbnail.as_deref().map(png_data_url),
            issued_count: r.issued_count,
            created_at: r.created_at.clone(),
            updated_at: r.updated_at.clone(),
        })
    }

    /// Checks an achievement's fields (and that its issuer exists) without
    /// saving anything; the error names the field.
    pub fn check_achievement(&self, input: &AchievementInput) -> Result<AchievementInput, Error> {
        let mut a = input.clone();
        a.name = a.name.trim().to_owned();
        a.description = a.description.trim().to_owned();
        if a.name.is_empty() {
            return Err(usage("name: the achievement needs a name"));
        }
        if a.description.is_empty() {
            return Err(usage("description: say what the achievement is"));
        }
        a.criteria_narrative = clean(&a.criteria_narrative);
        a.criteria_url = clean(&a.criteria_url);
        if a.criteria_narrative.is_none() && a.criteria_url.is_none() {
            return Err(usage(
                "criteria: say what earning it takes, in words or as a web page",
            ));
        }
        if let Some(u) = &a.criteria_url
            && !cred::is_web_url(u)
        {
            return Err(usage(format!(
                "criteria URL: \"{u}\" is not an http(s) web address"
            )));
        }
        a.tags = a
            .tags
            .iter()
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        for (i, al) in a.alignments.iter().enumerate() {
            if al.target_name.trim().is_empty() {
                return Err(usage(format!("alignments[{i}]: give the skill's name")));
            }
            if !cred::is_web_url(al.target_url.trim()) {
                return Err(usage(format!(
                    "alignments[{i}]: \"{}\" is not an http(s) web address",
                    al.target_url
                )));
            }
        }
        for (i, r) in a.results.iter().enumerate() {
            if r.name.trim().is_empty() {
                return Err(usage(format!("results[{i}]: give the result's name")));
            }
            if !cred::RESULT_TYPES.contains(&r.result_type.as_str()) {
                return Err(usage(format!(
                    "results[{i}]: \"{}\" is not a result type (use one of {})",
                    r.result_type,
                    cred::RESULT_TYPES.join(", ")
                )));
            }
        }
        a.design_id = clean(&a.design_id);
        self.issuer_record(&a.issuer_id)?;
        Ok(a)
    }

    /// Saves an achievement: new when `id` is `None`. The design is copied,
    /// so later edits to the design change this achievement only when it is
    /// saved again; credentials already issued never change.
    pub fn save_achievement(
        &mut self,
        id: Option<&str>,
        input: &AchievementInput,
        at: OffsetDateTime,
    ) -> Result<Achievement, Error> {
        let input = self.check_achievement(input)?;
        let (design_body, thumbnail) = match &input.design_id {
            Some(d) => {
                let body = self.design_body(d)?;
                let design = crate::parse_design(d, &body)?;
                let thumb =
                    art::render_png(&design, THUMBNAIL_SIZE).map_err(|e| Error::Design {
                        name: design.name.clone(),
                        source: e,
                    })?;
                (Some(body), Some(thumb))
            }
            None => (None, None),
        };
        let body = serde_json::to_string(&input).map_err(|e| Error::Store(e.to_string()))?;
        let mut record = AchievementRecord {
            id: String::new(),
            issuer_id: input.issuer_id.clone(),
            name: input.name.clone(),
            body,
            design_body,
            thumbnail,
            created_at: timestamp(at),
            updated_at: timestamp(at),
            issued_count: 0,
        };
        match id {
            Some(id) => {
                record.id = id.to_owned();
                self.store
                    .update_achievement(&record)
                    .map_err(store_error)?;
            }
            None => {
                record.id = new_id()?;
                self.store
                    .insert_achievement(&record)
                    .map_err(store_error)?;
            }
        }
        self.achievement(&record.id)
    }

    /// Achievements, newest first.
    pub fn achievements(&self, issuer_id: Option<&str>) -> Result<Vec<Achievement>, Error> {
        self.store
            .list_achievements(issuer_id)
            .map_err(store_error)?
            .iter()
            .map(|r| self.achievement_dto(r))
            .collect()
    }

    /// One achievement by id.
    pub fn achievement(&self, id: &str) -> Result<Achievement, Error> {
        let r = self.achievement_record(id)?;
        self.achievement_dto(&r)
    }

    fn achievement_record(&self, id: &str) -> Result<AchievementRecord, Error> {
        self.store
            .get_achievement(id)
            .map_err(store_error)?
            .ok_or_else(|| Error::NotFound(format!("no achievement has the id {id}")))
    }

    /// The one achievement named by `query` (an id or its start, or its name).
    pub fn find_achievement(&self, query: &str) -> Result<Achievement, Error> {
        let found = self
            .store
            .find_achievements(query.trim())
            .map_err(store_error)?;
        match found.as_slice() {
            [] => Err(Error::NotFound(format!("no achievement is called {query}"))),
            [one] => self.achievement_dto(one),
            [exact, ..] if exact.id == query => self.achievement_dto(exact),
            _ => Err(usage(format!(
                "\"{query}\" matches several achievements; give more of the id"
            ))),
        }
    }

    // ------------------------------------------------------------ issuing

    /// Gathers what issuing an achievement needs: the issuer's unlocked key,
    /// the credential template and the badge image, drawn once.
    pub(crate) fn prepare(
        &self,
        achievement_id: &str,
        settings: &IssueSettings,
    ) -> Result<Prepared, Error> {
        let achievement = self.achievement_record(achievement_id)?;
        let input: AchievementInput = serde_json::from_str(&achievement.body).map_err(|e| {
            Error::Store(format!("achievement {} is damaged ({e})", achievement.id))
        })?;
        let issuer = self.issuer_record(&achievement.issuer_id)?;
        let key = self.key(&issuer)?;
        if key.did() != issuer.did {
            return Err(Error::Store(format!(
                "the key of {} does not match its DID",
                issuer.fields.name
            )));
        }
        let Some(body) = &achievement.design_body else {
            return Err(usage(format!(
                "the achievement \"{}\" has no design; choose a saved design for its badge image",
                achievement.name
            )));
        };
        let design = crate::parse_design(&achievement.name, body)?;
        if !(art::MIN_SIZE..=art::MAX_SIZE).contains(&settings.size) {
            return Err(usage(format!(
                "size: {} px is outside {}–{} px",
                settings.size,
                art::MIN_SIZE,
                art::MAX_SIZE
            )));
        }
        let artwork = artwork(&design, settings)?;
        let info = AchievementInfo {
            id: format!("urn:uuid:{}", uuid_from_id(&achievement.id)),
            name: input.name.clone(),
            description: input.description.clone(),
            criteria_narrative: input.criteria_narrative.clone(),
            criteria_url: input.criteria_url.clone(),
            image: Some(embedded_image(&design)?),
            tags: input.tags.clone(),
            alignments: input
                .alignments
                .iter()
                .map(|a| Alignment {
                    target_name: a.target_name.clone(),
                    target_url: a.target_url.clone(),
                    target_description: a.target_description.clone(),
                    target_framework: a.target_framework.clone(),
                    target_code: a.target_code.clone(),
                })
                .collect(),
            results: input
                .results
                .iter()
                .enumerate()
                .map(|(i, r)| ResultDescription {
                    id: format!(
                        "urn:uuid:{}",
                        uuid_from_id(&format!("{}-{i}", achievement.id))
                    ),
                    name: r.name.clone(),
                    result_type: r.result_type.clone(),
                })
                .collect(),
        };
        let issuer_info = IssuerInfo {
            did: issuer.did.clone(),
            name: issuer.fields.name.clone(),
            url: issuer.fields.url.clone(),
            email: issuer.fields.email.clone(),
            description: issuer.fields.description.clone(),
            image: issuer.fields.image.clone(),
        };
        let template = Template::new(&issuer_info, &info).map_err(|e| usage(e.to_string()))?;
        Ok(Prepared {
            issuer,
            achievement,
            input,
            template,
            artwork,
            key,
        })
    }

    /// Issues one badge and logs it. Returns the log entry and the baked
    /// image's bytes.
    pub fn issue_one(
        &mut self,
        achievement_id: &str,
        recipient: &RecipientInput,
        settings: &IssueSettings,
        now: OffsetDateTime,
    ) -> Result<(IssuedBadge, Vec<u8>), Error> {
        let prepared = self.prepare(achievement_id, settings)?;
        let checked = check_recipient(recipient, now).map_err(usage)?;
        let status = self.reserve_status(&prepared.issuer, 1)?;
        self.store
            .put_badge_image(
                &prepared.artwork.sha256,
                prepared.artwork.mime,
                &prepared.artwork.bytes,
            )
            .map_err(store_error)?;
        let file_name = format!(
            "{}.{}",
            names::stem(checked.name.as_deref(), checked.recipient.as_str()),
            prepared.artwork.extension
        );
        let made = make_badge(&prepared, &checked, status, settings, now, &file_name)?;
        self.store
            .insert_issued(&[(made.record.clone(), made.text.as_str())])
            .map_err(store_error)?;
        if prepared.issuer.fields.status_list_url.is_some() {
            self.save_status_list_if_missing(&prepared.issuer, now)?;
        }
        Ok((issued_dto(&made.record), made.baked))
    }

    /// Hands out `count` status-list positions when the issuer publishes a
    /// status list; the first entry.
    pub(crate) fn reserve_status(
        &mut self,
        issuer: &IssuerRecord,
        count: u32,
    ) -> Result<Option<(String, u32)>, Error> {
        let Some(url) = &issuer.fields.status_list_url else {
            return Ok(None);
        };
        let start = self
            .store
            .reserve_status_positions(&issuer.id, count)
            .map_err(store_error)?;
        if start
            .checked_add(count)
            .is_none_or(|end| end > status::LIST_BITS)
        {
            return Err(usage(format!(
                "the status list of {} is full ({} badges); set a new status-list URL to start another",
                issuer.fields.name,
                status::LIST_BITS
            )));
        }
        Ok(Some((url.clone(), start)))
    }

    // ------------------------------------------------------------ the log

    /// A page of the issued log, newest first.
    pub fn issued(&self, query: &str, offset: u32, limit: u32) -> Result<IssuedPage, Error> {
        let (items, total) = self
            .store
            .list_issued(query, offset, limit.min(10_000))
            .map_err(store_error)?;
        Ok(IssuedPage {
            items: items.iter().map(issued_dto).collect(),
            total,
        })
    }

    /// The one logged credential named by `query` (its id, or the start of
    /// the UUID).
    pub fn find_issued(&self, query: &str) -> Result<IssuedBadge, Error> {
        let found = self.store.find_issued(query.trim()).map_err(store_error)?;
        match found.as_slice() {
            [] => Err(Error::NotFound(format!(
                "no issued badge has the id {query}"
            ))),
            [one] => Ok(issued_dto(one)),
            [exact, ..] if exact.id == query => Ok(issued_dto(exact)),
            _ => Err(usage(format!(
                "\"{query}\" matches several issued badges; give more of the id"
            ))),
        }
    }

    /// The baked image of a logged credential, rebuilt byte for byte from
    /// the log: its file name and bytes.
    pub fn export_issued(&self, id: &str) -> Result<(String, Vec<u8>), Error> {
        let r = self
            .store
            .get_issued(id)
            .map_err(store_error)?
            .ok_or_else(|| Error::NotFound(format!("no issued badge has the id {id}")))?;
        let text = self
            .store
            .issued_credential(id)
            .map_err(store_error)?
            .unwrap_or_default();
        let (_, image) = self
            .store
            .badge_image(&r.image_sha256)
            .map_err(store_error)?
            .ok_or_else(|| Error::Store(format!("the image of {id} is missing")))?;
        let baked =
            bake::bake(&image, bake::Slot::Credential, &text).map_err(|e| Error::Image {
                name: r.file_name.clone(),
                source: e,
            })?;
        Ok((r.file_name, baked))
    }

    /// Revokes a credential: marks it in the log and re-signs the issuer's
    /// status list, saved in the home folder.
    pub fn revoke(
        &mut self,
        id: &str,
        reason: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<Revocation, Error> {
        let r = self
            .store
            .get_issued(id)
            .map_err(store_error)?
            .ok_or_else(|| Error::NotFound(format!("no issued badge has the id {id}")))?;
        let issuer = self.issuer_record(&r.issuer_id)?;
        let text = self
            .store
            .issued_credential(id)
            .map_err(store_error)?
            .unwrap_or_default();
        let Some(url) = status_url_of(&text) else {
            return Err(usage(format!(
                "{id} was issued without a status list, so it cannot be revoked (set a status-list URL on the issuer before issuing)"
            )));
        };
        // Sign first: a locked key changes nothing.
        let key = self.key(&issuer)?;
        let reason = reason.map(str::trim).filter(|s| !s.is_empty());
        self.store
            .revoke_issued(id, &timestamp(now), reason)
            .map_err(store_error)?;
        let path = self.save_status_list(&issuer, &key, &url, now)?;
        let updated = self
            .store
            .get_issued(id)
            .map_err(store_error)?
            .ok_or_else(|| Error::NotFound(format!("no issued badge has the id {id}")))?;
        Ok(Revocation {
            badge: issued_dto(&updated),
            status_list_file: path,
            status_list_url: url,
        })
    }

    /// The issuer's status list, signed now: its URL and JSON text.
    pub fn status_list(
        &self,
        issuer_id: &str,
        now: OffsetDateTime,
    ) -> Result<(String, String), Error> {
        let issuer = self.issuer_record(issuer_id)?;
        let key = self.key(&issuer)?;
        let Some(url) = issuer.fields.status_list_url.clone() else {
            return Err(usage(format!(
                "{} has no status-list URL; set one to publish a status list",
                issuer.fields.name
            )));
        };
        let text = self.signed_list(&issuer, &key, &url, now)?;
        Ok((url, text))
    }

    fn signed_list(
        &self,
        issuer: &IssuerRecord,
        key: &IssuerKey,
        url: &str,
        now: OffsetDateTime,
    ) -> Result<String, Error> {
        let revoked = self
            .store
            .revoked_positions(&issuer.id)
            .map_err(store_error)?;
        let list = status::list_credential(&issuer.did, &issuer.fields.name, url, &revoked, now);
        let signed = cred::sign(&list, key, Proof::DataIntegrity, now)
            .map_err(|e| Error::Store(e.to_string()))?;
        // Published files are read by people too.
        let value: serde_json::Value =
            serde_json::from_str(&signed).map_err(|e| Error::Store(e.to_string()))?;
        serde_json::to_string_pretty(&value).map_err(|e| Error::Store(e.to_string()))
    }

    /// Where the issuer's status list is saved in the home folder.
    pub fn status_list_path(&self, issuer_id: &str) -> Option<PathBuf> {
        self.home
            .as_ref()
            .map(|h| h.join(STATUS_LIST_DIR).join(format!("{issuer_id}.json")))
    }

    fn save_status_list(
        &self,
        issuer: &IssuerRecord,
        key: &IssuerKey,
        url: &str,
        now: OffsetDateTime,
    ) -> Result<String, Error> {
        let text = self.signed_list(issuer, key, url, now)?;
        let Some(path) = self.status_list_path(&issuer.id) else {
            return Ok(String::new());
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        write_atomically(&path, text.as_bytes())?;
        Ok(path.display().to_string())
    }

    pub(crate) fn save_status_list_if_missing(
        &self,
        issuer: &IssuerRecord,
        now: OffsetDateTime,
    ) -> Result<(), Error> {
        let (Some(path), Some(url)) = (
            self.status_list_path(&issuer.id),
            issuer.fields.status_list_url.as_deref(),
        ) else {
            return Ok(());
        };
        if path.exists() {
            return Ok(());
        }
        let key = self.key(issuer)?;
        self.save_status_list(issuer, &key, url, now).map(|_| ())
    }

    /// Every status list saved in the home folder, for the verifier: each
    /// file's bytes by the URL it is published at.
    pub fn local_status_lists(home: &Path) -> HashMap<String, Vec<u8>> {
        let mut out = HashMap::new();
        let Ok(entries) = std::fs::read_dir(home.join(STATUS_LIST_DIR)) else {
            return out;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "json")
                && let Ok(bytes) = crate::read_input(&path)
                && let Some(url) = list_id(&bytes)
            {
                out.insert(url, bytes);
            }
        }
        out
    }
}

/// The `id` of a status list credential's JSON.
pub(crate) fn list_id(bytes: &[u8]) -> Option<String> {
    let v: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    v.get("id")?.as_str().map(str::to_owned)
}

/// The status-list URL a credential's text names, if any.
fn status_url_of(text: &str) -> Option<String> {
    let value: serde_json::Value = if text.trim_start().starts_with('{') {
        serde_json::from_str(text).ok()?
    } else {
        crate::jws::decode(text.trim()).ok()?.payload?
    };
    let vc = value.get("vc").unwrap_or(&value);
    let status = vc.get("credentialStatus")?;
    let status = status.as_array().and_then(|a| a.first()).unwrap_or(status);
    status
        .get("statusListCredential")
        .and_then(|u| u.as_str())
        .map(str::to_owned)
}

/// A stable UUID (version 4 layout) for an app id, so an achievement has the
/// same `urn:uuid:` in every credential.
fn uuid_from_id(id: &str) -> String {
    let digest = Sha256::digest(format!("badgesmith-achievement:{id}").as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&digest[..16]);
    cred::format_uuid(b)
        .trim_start_matches("urn:uuid:")
        .to_owned()
}

/// The achievement image embedded in each credential: a small PNG.
pub(crate) fn embedded_image(design: &BadgeDesign) -> Result<String, Error> {
    let mut last = 0;
    for size in EMBEDDED_IMAGE_SIZES {
        let png = art::render_png_compact(design, size).map_err(|e| Error::Design {
            name: design.name.clone(),
            source: e,
        })?;
        let url = png_data_url(&png);
        if url.len() <= MAX_EMBEDDED_IMAGE {
            return Ok(url);
        }
        last = url.len();
    }
    Err(usage(format!(
        "the design \"{}\" is too detailed to embed even at 64 px ({} KiB); simplify it",
        design.name,
        last / 1024
    )))
}

/// The image badges are baked into.
pub(crate) fn artwork(design: &BadgeDesign, settings: &IssueSettings) -> Result<Artwork, Error> {
    let design_error = |e| Error::Design {
        name: design.name.clone(),
        source: e,
    };
    let (bytes, mime, extension) = match settings.format {
        BadgeImageFormat::Png => (
            // Encoded once per batch and copied into every badge: worth
            // compressing hard.
            art::render_png_compact(design, settings.size).map_err(design_error)?,
            "image/png",
            "png",
        ),
        BadgeImageFormat::Svg => (
            art::export_svg(design, settings.size, true)
                .map_err(design_error)?
                .into_bytes(),
            "image/svg+xml",
            "svg",
        ),
    };
    Ok(Artwork {
        sha256: sha256_hex(&bytes),
        bytes,
        mime,
        extension,
    })
}

/// A recipient whose fields are checked.
#[derive(Debug, Clone)]
pub(crate) struct CheckedRecipient {
    pub recipient: Recipient,
    pub name: Option<String>,
    pub evidence_url: Option<String>,
    pub evidence_narrative: Option<String>,
    pub valid_from: OffsetDateTime,
    pub valid_until: Option<OffsetDateTime>,
}

/// Checks a recipient; the error is one sentence naming the field.
pub(crate) fn check_recipient(
    r: &RecipientInput,
    now: OffsetDateTime,
) -> Result<CheckedRecipient, String> {
    let recipient = Recipient::parse(&r.identity).map_err(|e| format!("recipient: {e}"))?;
    let evidence_url = clean(&r.evidence_url);
    if let Some(u) = &evidence_url
        && !cred::is_web_url(u)
    {
        return Err(format!(
            "evidence URL: \"{u}\" is not an http(s) web address"
        ));
    }
    let date = |field: &str, v: &Option<String>| -> Result<Option<OffsetDateTime>, String> {
        match clean(v) {
            None => Ok(None),
            Some(t) => parse_date(&t).map(Some).ok_or_else(|| {
                format!("{field}: \"{t}\" is not a date (write 2025-06-30 or 2025-06-30T12:00:00Z)")
            }),
        }
    };
    let valid_from = date("valid from", &r.valid_from)?.unwrap_or(now);
    let valid_until = date("valid until", &r.valid_until)?;
    if valid_until.is_some_and(|u| u <= valid_from) {
        return Err("valid until: it must be after valid from".into());
    }
    Ok(CheckedRecipient {
        recipient,
        name: clean(&r.name),
        evidence_url,
        evidence_narrative: clean(&r.evidence_narrative),
        valid_from,
        valid_until,
    })
}

/// One badge made: the log entry, the signed text and the baked bytes.
#[derive(Debug)]
pub(crate) struct Made {
    pub record: IssuedRecord,
    pub text: String,
    pub baked: Vec<u8>,
}

/// Builds, signs and bakes one recipient's badge (no IO).
pub(crate) fn make_badge(
    p: &Prepared,
    r: &CheckedRecipient,
    status: Option<(String, u32)>,
    settings: &IssueSettings,
    now: OffsetDateTime,
    file_name: &str,
) -> Result<Made, Error> {
    let credential_id = new_urn_uuid().map_err(|e| Error::Store(e.to_string()))?;
    let salt = new_salt().map_err(|e| Error::Store(e.to_string()))?;
    let status_entry = match &status {
        Some((url, counter)) => Some(StatusEntry {
            list_url: url.clone(),
            index: status::index_for(*counter).ok_or_else(|| usage("the status list is full"))?,
        }),
        None => None,
    };
    let status_index = status_entry.as_ref().map(|s| s.index);
    let award = Award {
        credential_id: credential_id.clone(),
        recipient: r.recipient.clone(),
        salt,
        recipient_name: r.name.clone(),
        evidence_url: r.evidence_url.clone(),
        evidence_narrative: r.evidence_narrative.clone(),
        valid_from: r.valid_from,
        valid_until: r.valid_until,
        status: status_entry,
    };
    let vc = p.template.credential(&award);
    let proof = match settings.proof {
        ProofFormat::Di => Proof::DataIntegrity,
        ProofFormat::Jwt => Proof::Jwt,
    };
    let text = cred::sign(&vc, &p.key, proof, now).map_err(|e| usage(e.to_string()))?;
    let baked =
        bake::bake(&p.artwork.bytes, bake::Slot::Credential, &text).map_err(|e| Error::Image {
            name: file_name.to_owned(),
            source: e,
        })?;
    let record = IssuedRecord {
        id: credential_id,
        issuer_id: p.issuer.id.clone(),
        achievement_id: p.achievement.id.clone(),
        batch_id: None,
        batch_row: None,
        recipient: r.recipient.as_str().to_owned(),
        recipient_name: r.name.clone(),
        achievement_name: p.input.name.clone(),
        issuer_name: p.issuer.fields.name.clone(),
        issued_at: timestamp(now),
        valid_from: format_datetime(r.valid_from),
        valid_until: r.valid_until.map(format_datetime),
        format: p.artwork.extension.to_owned(),
        proof: match settings.proof {
            ProofFormat::Di => "di",
            ProofFormat::Jwt => "jwt",
        }
        .to_owned(),
        file_name: file_name.to_owned(),
        sha256: sha256_hex(&baked),
        status_index,
        revoked_at: None,
        revoked_reason: None,
        image_sha256: p.artwork.sha256.clone(),
    };
    Ok(Made {
        record,
        text,
        baked,
    })
}

/// The log entry as the user interface shows it.
pub(crate) fn issued_dto(r: &IssuedRecord) -> IssuedBadge {
    IssuedBadge {
        id: r.id.clone(),
        recipient: r.recipient.clone(),
        recipient_name: r.recipient_name.clone(),
        achievement_id: r.achievement_id.clone(),
        achievement_name: r.achievement_name.clone(),
        issuer_name: r.issuer_name.clone(),
        issued_at: r.issued_at.clone(),
        valid_from: r.valid_from.clone(),
        valid_until: r.valid_until.clone(),
        file_name: r.file_name.clone(),
        format: if r.format == "svg" {
            BadgeImageFormat::Svg
        } else {
            BadgeImageFormat::Png
        },
        proof: if r.proof == "jwt" {
            ProofFormat::Jwt
        } else {
            ProofFormat::Di
        },
        sha256: r.sha256.clone(),
        revocable: r.status_index.is_some(),
        revoked_at: r.revoked_at.clone(),
        revoked_reason: r.revoked_reason.clone(),
    }
}
