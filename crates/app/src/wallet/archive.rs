//! Files made from the wallet: a whole-wallet backup (a ZIP holding every
//! badge's exact bytes and everything the wallet knows about it), a
//! collection as a ZIP of the files as received, and a collection as one
//! self-contained HTML page.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::{Read, Seek, Write};
use std::path::Path;

use badgesmith_store::{Inserted, WalletEntry};
use serde::{Deserialize, Serialize};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::{Wallet, data_url, original_extension, store_error};
use crate::dto::{BadgeFacts, RestoreReport, WalletStatus};
use crate::{Error, MAX_INPUT_BYTES};

/// The extension of wallet backups.
pub const BACKUP_EXTENSION: &str = "badgesmith-wallet";
/// What the manifest of a backup says it is.
const BACKUP_FORMAT: &str = "badgesmith-wallet-backup";
/// The manifest's name inside the backup.
const MANIFEST: &str = "wallet.json";
/// The largest manifest read from a backup.
const MAX_MANIFEST_BYTES: u64 = 256 * 1024 * 1024;

/// One badge in a backup's manifest: everything but the bytes, which are
/// files of their own.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct BackupBadge {
    id: String,
    identity: String,
    source_sha256: String,
    credential_id: Option<String>,
    name: String,
    issuer_id: Option<String>,
    issuer_name: Option<String>,
    version: String,
    format: String,
    status: String,
    issued_on: Option<String>,
    expires: Option<String>,
    added_at: String,
    verified_at: String,
    trashed_at: Option<String>,
    note: String,
    tags: Vec<String>,
    description: String,
    skills: String,
    file_name: String,
    file_kind: String,
    badge_text: String,
    facts: String,
    report: String,
    image_type: Option<String>,
    has_image: bool,
    has_thumbnail: bool,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct BackupCollection {
    id: String,
    name: String,
    badges: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Manifest {
    format: String,
    version: u32,
    created_at: String,
    badges: Vec<BackupBadge>,
    collections: Vec<BackupCollection>,
}

fn zip_error(name: &str, e: impl std::fmt::Display) -> Error {
    Error::InvalidCredential {
        name: name.to_owned(),
        reason: format!("this is not a readable wallet backup ({e})"),
    }
}

fn member(id: &str, part: &str) -> String {
    format!("badges/{id}/{part}")
}

/// Writes through a temporary file beside `path`, renamed into place at the
/// end: a failed backup never leaves a half-written file under its name.
fn write_file_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> Result<(), Error>,
) -> Result<(), Error> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "backup".into());
    let temporary = dir.join(format!(".{name}.{}.partial", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temporary).map_err(|e| Error::io(&temporary, e))?;
        write(&mut file)?;
        file.sync_all().map_err(|e| Error::io(&temporary, e))?;
        std::fs::rename(&temporary, path).map_err(|e| Error::io(path, e))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

impl Wallet {
    /// Writes the whole wallet (trash, tags, notes and collections included)
    /// to one backup file; returns how many badges it holds.
    pub fn backup(&self, path: &Path) -> Result<u32, Error> {
        let name = path.display().to_string();
        let ids = self.store.wallet_ids().map_err(store_error)?;
        let collections = self.store.wallet_collections().map_err(store_error)?;
        write_file_with(path, |file| {
            let mut zip = ZipWriter::new(file);
            let stored = SimpleFileOptions::default()
                .compression_method(CompressionMethod::Stored)
                .large_file(true);
            let deflated =
                SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
            let mut badges = Vec::with_capacity(ids.len());
            for id in &ids {
                let e = self.entry(id)?;
                let mut put = |part: &str, bytes: &[u8]| -> Result<(), Error> {
                    zip.start_file(member(id, part), stored)
                        .map_err(|e| zip_error(&name, e))?;
                    zip.write_all(bytes).map_err(|e| Error::io(path, e))
                };
                put("original", &e.original)?;
                if let Some(image) = &e.image {
                    put("image", image)?;
                }
                if let Some(thumbnail) = &e.thumbnail {
                    put("thumbnail.png", thumbnail)?;
                }
                badges.push(BackupBadge {
                    has_image: e.image.is_some(),
                    has_thumbnail: e.thumbnail.is_some(),
                    id: e.id,
                    identity: e.identity,
                    source_sha256: e.source_sha256,
                    credential_id: e.credential_id,
                    name: e.name,
                    issuer_id: e.issuer_id,
                    issuer_name: e.issuer_name,
                    version: e.version,
                    format: e.format,
                    status: e.status,
                    issued_on: e.issued_on,
                    expires: e.expires,
                    added_at: e.added_at,
                    verified_at: e.verified_at,
                    trashed_at: e.trashed_at,
                    note: e.note,
                    tags: e.tags,
                    description: e.description,
                    skills: e.skills,
                    file_name: e.file_name,
                    file_kind: e.file_kind,
                    badge_text: e.badge_text,
                    facts: e.facts,
                    report: e.report,
                    image_type: e.image_type,
                });
            }
            let mut backup_collections = Vec::with_capacity(collections.len());
            for c in collections {
                let badges = self
                    .store
                    .wallet_collection_ids(&c.id)
                    .map_err(store_error)?;
                backup_collections.push(BackupCollection {
                    id: c.id,
                    name: c.name,
                    badges,
                });
            }
            let manifest = Manifest {
                format: BACKUP_FORMAT.into(),
                version: 1,
                created_at: super::now(),
                badges,
                collections: backup_collections,
            };
            let json = serde_json::to_vec(&manifest).map_err(|e| zip_error(&name, e))?;
            zip.start_file(MANIFEST, deflated)
                .map_err(|e| zip_error(&name, e))?;
            zip.write_all(&json).map_err(|e| Error::io(path, e))?;
            zip.finish().map_err(|e| zip_error(&name, e))?;
            Ok(())
        })?;
        Ok(u32::try_from(ids.len()).unwrap_or(u32::MAX))
    }

    /// Adds what a backup holds; badges already in the wallet are skipped,
    /// and a collection joins one of the same name.
    pub fn restore_backup(&mut self, path: &Path) -> Result<RestoreReport, Error> {
        let name = path.display().to_string();
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        let mut zip = ZipArchive::new(file).map_err(|e| zip_error(&name, e))?;
        let manifest_bytes = read_member(&mut zip, MANIFEST, MAX_MANIFEST_BYTES, &name)?
            .ok_or_else(|| zip_error(&name, format!("it has no {MANIFEST}")))?;
        let manifest: Manifest =
            serde_json::from_slice(&manifest_bytes).map_err(|e| zip_error(&name, e))?;
        if manifest.format != BACKUP_FORMAT {
            return Err(zip_error(&name, "it is not a Badgesmith wallet backup"));
        }
        if manifest.version > 1 {
            return Err(Error::InvalidCredential {
                name,
                reason: format!(
                    "this wallet backup was made by a newer Badgesmith (format {}); update Badgesmith to restore it",
                    manifest.version
                ),
            });
        }
        let mut report = RestoreReport {
            added: 0,
            already_there: 0,
            collections: 0,
        };
        // Which stored badge each backup id became (itself, or the badge
        // already there with the same identity).
        let mut placed: std::collections::HashMap<String, String> =
            std::collections::HashMap::new();
        for chunk in manifest.badges.chunks(64) {
            let mut entries = Vec::with_capacity(chunk.len());
            for b in chunk {
                if WalletStatus::parse(&b.status).is_none() {
                    return Err(zip_error(
                        &name,
                        format!("badge {} has no known status", b.id),
                    ));
                }
                let original =
                    read_member(&mut zip, &member(&b.id, "original"), MAX_INPUT_BYTES, &name)?
                        .ok_or_else(|| {
                            zip_error(&name, format!("the file of badge {} is missing", b.id))
                        })?;
                let image = if b.has_image {
                    read_member(&mut zip, &member(&b.id, "image"), MAX_INPUT_BYTES, &name)?
                } else {
                    None
                };
                let thumbnail = if b.has_thumbnail {
                    read_member(
                        &mut zip,
                        &member(&b.id, "thumbnail.png"),
                        MAX_INPUT_BYTES,
                        &name,
                    )?
                } else {
                    None
                };
                entries.push(WalletEntry {
                    id: b.id.clone(),
                    identity: b.identity.clone(),
                    source_sha256: b.source_sha256.clone(),
                    credential_id: b.credential_id.clone(),
                    name: b.name.clone(),
                    issuer_id: b.issuer_id.clone(),
                    issuer_name: b.issuer_name.clone(),
                    version: b.version.clone(),
                    format: b.format.clone(),
                    status: b.status.clone(),
                    issued_on: b.issued_on.clone(),
                    expires: b.expires.clone(),
                    added_at: b.added_at.clone(),
                    verified_at: b.verified_at.clone(),
                    trashed_at: b.trashed_at.clone(),
                    note: b.note.clone(),
                    tags: b.tags.clone(),
                    description: b.description.clone(),
                    skills: b.skills.clone(),
                    file_name: b.file_name.clone(),
                    file_kind: b.file_kind.clone(),
                    badge_text: b.badge_text.clone(),
                    facts: b.facts.clone(),
                    report: b.report.clone(),
                    image_type: b.image_type.clone(),
                    image,
                    original,
                    thumbnail,
                });
            }
            let outcome = self
                .store
                .insert_wallet_badges(&entries)
                .map_err(|e| zip_error(&name, store_error(e)))?;
            for (b, inserted) in chunk.iter().zip(outcome) {
                match inserted {
                    Inserted::Added => {
                        report.added += 1;
                        placed.insert(b.id.clone(), b.id.clone());
                    }
                    Inserted::AlreadyThere(id) => {
                        report.already_there += 1;
                        placed.insert(b.id.clone(), id);
                    }
                }
            }
        }
        let existing = self.collections()?;
        for c in manifest.collections {
            let id = match existing
                .iter()
                .find(|e| e.name.to_lowercase() == c.name.trim().to_lowercase())
            {
                Some(found) => found.id.clone(),
                None => {
                    let id = if c.id.is_empty() || existing.iter().any(|e| e.id == c.id) {
                        format!("c{}", crate::issuing::new_id()?)
                    } else {
                        c.id.clone()
                    };
                    self.store
                        .create_wallet_collection(&id, c.name.trim(), &super::now())
                        .map_err(store_error)?;
                    id
                }
            };
            let members: Vec<String> = c
                .badges
                .iter()
                .filter_map(|b| placed.get(b).cloned())
                .collect();
            self.store
                .set_wallet_membership(&id, &members, true)
                .map_err(store_error)?;
            report.collections += 1;
        }
        Ok(report)
    }

    /// The badges of a collection as a ZIP: each file as received, and an
    /// `index.html` page describing them.
    pub fn collection_zip(&self, collection: &str) -> Result<Vec<u8>, Error> {
        let c = self.find_collection(collection)?;
        let entries = self.collection_entries(&c.id)?;
        let mut out = std::io::Cursor::new(Vec::new());
        {
            let mut zip = ZipWriter::new(&mut out);
            let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
            let deflated =
                SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
            let mut used = HashSet::new();
            for e in &entries {
                let ext = original_extension(&e.file_kind, &e.badge_text);
                let stem = badgesmith_issuing::names::stem(Some(&e.name), "badge");
                let mut file = format!("{stem}.{ext}");
                let mut n = 2;
                while !used.insert(file.clone()) {
                    file = format!("{stem}-{n}.{ext}");
                    n += 1;
                }
                let options = if ext == "png" { stored } else { deflated };
                zip.start_file(file, options)
                    .map_err(|e| zip_error(&c.name, e))?;
                zip.write_all(&e.original)
                    .map_err(|e| zip_error(&c.name, e))?;
            }
            zip.start_file("index.html", deflated)
                .map_err(|e| zip_error(&c.name, e))?;
            zip.write_all(html_page(&c.name, &entries).as_bytes())
                .map_err(|e| zip_error(&c.name, e))?;
            zip.finish().map_err(|e| zip_error(&c.name, e))?;
        }
        Ok(out.into_inner())
    }

    /// A collection as one HTML page that works offline: images inline.
    pub fn collection_html(&self, collection: &str) -> Result<String, Error> {
        let c = self.find_collection(collection)?;
        let entries = self.collection_entries(&c.id)?;
        Ok(html_page(&c.name, &entries))
    }

    fn collection_entries(&self, id: &str) -> Result<Vec<WalletEntry>, Error> {
        self.store
            .wallet_collection_ids(id)
            .map_err(store_error)?
            .iter()
            .map(|badge| self.entry(badge))
            .collect()
    }
}

/// Reads one member of a ZIP, refusing one larger than `limit` (as declared
/// and as read). `None` when there is no such member.
fn read_member<R: Read + Seek>(
    zip: &mut ZipArchive<R>,
    member: &str,
    limit: u64,
    name: &str,
) -> Result<Option<Vec<u8>>, Error> {
    let file = match zip.by_name(member) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(zip_error(name, e)),
    };
    if file.size() > limit {
        return Err(zip_error(
            name,
            format!("{member} is larger than {limit} bytes"),
        ));
    }
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| zip_error(name, e))?;
    if bytes.len() as u64 > limit {
        return Err(zip_error(
            name,
            format!("{member} is larger than {limit} bytes"),
        ));
    }
    Ok(Some(bytes))
}

/// Escapes text for HTML.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Only http(s) links are made clickable.
fn safe_link(url: &str) -> Option<String> {
    (url.starts_with("https://") || url.starts_with("http://")).then(|| esc(url))
}

fn status_label(status: &str) -> &'static str {
    match status {
        "valid" => "Verified",
        "expired" => "Expired",
        "revoked" => "Revoked",
        "unverified" => "Not verified offline",
        _ => "Did not verify",
    }
}

/// The date part of an RFC 3339 time.
fn day(time: &str) -> &str {
    time.get(..10).unwrap_or(time)
}

/// One self-contained HTML page showing badges: images inline as `data:`
/// URLs, no scripts, no requests.
pub(super) fn html_page(title: &str, entries: &[WalletEntry]) -> String {
    let mut cards = String::new();
    for e in entries {
        let facts: BadgeFacts = serde_json::from_str(&e.facts).unwrap_or_default();
        let picture = match (&e.image, e.image_type.as_deref()) {
            (Some(bytes), Some(mime)) => Some(data_url(mime, bytes)),
            (None, Some(mime)) if e.file_kind == "png" || e.file_kind == "svg" => {
                // The thumbnail keeps the page light; the original is large.
                match &e.thumbnail {
                    Some(t) => Some(data_url("image/png", t)),
                    None => Some(data_url(mime, &e.original)),
                }
            }
            _ => e.thumbnail.as_deref().map(|t| data_url("image/png", t)),
        };
        let _ = write!(cards, "<article class=\"badge\">");
        match picture {
            Some(src) => {
                let _ = write!(cards, "<img src=\"{}\" alt=\"\">", esc(&src));
            }
            None => cards.push_str("<div class=\"noimg\" aria-hidden=\"true\">★</div>"),
        }
        let _ = write!(cards, "<div><h2>{}</h2>", esc(&e.name));
        let issuer = e.issuer_name.as_deref().or(e.issuer_id.as_deref());
        if let Some(issuer) = issuer {
            let _ = write!(cards, "<p class=\"issuer\">Issued by {}", esc(issuer));
            if let Some(on) = &e.issued_on {
                let _ = write!(cards, " on {}", esc(day(on)));
            }
            cards.push_str("</p>");
        }
        if let Some(name) = &facts.recipient.name {
            let _ = write!(cards, "<p class=\"issuer\">Awarded to {}</p>", esc(name));
        }
        let _ = write!(
            cards,
            "<p class=\"status {}\">{} (checked {})</p>",
            esc(&e.status),
            status_label(&e.status),
            esc(day(&e.verified_at))
        );
        if let Some(d) = &facts.description {
            let _ = write!(cards, "<p>{}</p>", esc(d));
        }
        if let Some(c) = &facts.criteria {
            let _ = write!(cards, "<h3>Criteria</h3><p>{}</p>", esc(c));
        }
        if let Some(link) = facts.criteria_url.as_deref().and_then(safe_link) {
            let _ = write!(cards, "<p><a href=\"{link}\">Criteria</a></p>");
        }
        if let Some(until) = &e.expires {
            let _ = write!(
                cards,
                "<p class=\"issuer\">Valid until {}</p>",
                esc(day(until))
            );
        }
        let skills: Vec<&str> = facts
            .alignments
            .iter()
            .map(|a| a.name.as_str())
            .chain(facts.skills.iter().map(String::as_str))
            .collect();
        if !skills.is_empty() {
            let _ = write!(cards, "<p class=\"skills\">");
            for s in skills {
                let _ = write!(cards, "<span>{}</span>", esc(s));
            }
            cards.push_str("</p>");
        }
        if !facts.evidence.is_empty() {
            cards.push_str("<h3>Evidence</h3><ul>");
            for ev in &facts.evidence {
                let label = ev
                    .name
                    .as_deref()
                    .or(ev.description.as_deref())
                    .or(ev.narrative.as_deref())
                    .or(ev.url.as_deref())
                    .unwrap_or("Evidence");
                match ev.url.as_deref().and_then(safe_link) {
                    Some(link) => {
                        let _ = write!(cards, "<li><a href=\"{link}\">{}</a></li>", esc(label));
                    }
                    None => {
                        let _ = write!(cards, "<li>{}</li>", esc(label));
                    }
                }
            }
            cards.push_str("</ul>");
        }
        let _ = write!(
            cards,
            "<details><summary>Credential</summary><pre>{}</pre></details></div></article>",
            esc(&e.badge_text)
        );
    }
    let count = match entries.len() {
        1 => "1 badge".to_owned(),
        n => format!("{n} badges"),
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\
<title>{title}</title><style>{STYLE}</style></head><body><header><h1>{title}</h1><p>{count}, exported from a Badgesmith wallet.</p></header>\
<main>{cards}</main></body></html>\n",
        title = esc(title),
    )
}

const STYLE: &str = "body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;background:#f6f7f9;color:#1d2330}\
header{padding:32px 40px 8px}h1{margin:0 0 4px;font-size:28px}header p{margin:0;color:#5b6476}\
main{display:grid;gap:20px;padding:24px 40px 48px;grid-template-columns:repeat(auto-fill,minmax(420px,1fr))}\
.badge{display:flex;gap:20px;background:#fff;border-radius:14px;padding:20px;box-shadow:0 1px 3px #0002}\
.badge img,.noimg{width:120px;height:120px;object-fit:contain;flex:none}\
.noimg{display:grid;place-items:center;font-size:48px;color:#c0c6d2;background:#eef0f4;border-radius:12px}\
h2{margin:0 0 4px;font-size:20px}h3{margin:12px 0 2px;font-size:14px;text-transform:uppercase;letter-spacing:.04em;color:#5b6476}\
p{margin:4px 0}.issuer{color:#5b6476}.status{font-weight:600}.status.valid{color:#1a7f45}\
.status.invalid,.status.revoked{color:#b42318}.status.expired,.status.unverified{color:#a15c00}\
.skills span{display:inline-block;background:#eef2ff;color:#3538cd;border-radius:999px;padding:1px 10px;margin:2px 4px 2px 0;font-size:13px}\
details{margin-top:10px}pre{white-space:pre-wrap;word-break:break-all;font-size:12px;background:#f3f4f6;padding:8px;border-radius:8px;max-height:240px;overflow:auto}\
@media (prefers-color-scheme:dark){body{background:#14171d;color:#e6e9ef}.badge{background:#1d2129}header p,.issuer,h3{color:#9aa3b5}pre{background:#111419}}";
