//! Importing: files, folders and pasted text become wallet badges.
//!
//! Every input is read, unbaked, verified and described on all cores; the
//! results are stored in chunks, one transaction each, so an import stopped
//! at any moment leaves only whole badges, and running it again adds the
//! rest without duplicates.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use badgesmith_credential::{CheckId, CheckStatus, Report};
use badgesmith_store::{Inserted, WalletEntry};
use serde_json::Value;

use super::facts;
use super::{Wallet, file_kind_text, now, store_error, version_text};
use crate::dto::{ImportItem, ImportReport, ImportResult, PayloadKind, Verification, WalletStatus};
use crate::verify::{HttpFetcher, VerifyRequest};
use crate::{Error, sha256_hex};

/// How many badges are stored per transaction.
const CHUNK: usize = 64;
/// The most files one import takes (a folder walk stops there).
pub const MAX_IMPORT_FILES: usize = 200_000;
/// How deep a folder walk goes.
const MAX_DEPTH: usize = 32;

/// How far an import has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportProgress {
    /// Inputs handled so far.
    pub done: u32,
    /// Inputs in all.
    pub total: u32,
}

/// Something to import.
#[derive(Debug, Clone)]
enum Input {
    File(PathBuf),
    Text(String),
}

impl Input {
    fn source(&self) -> String {
        match self {
            Input::File(path) => path.display().to_string(),
            Input::Text(_) => "pasted text".into(),
        }
    }
}

/// The files to import for the paths given: files as they are, folders
/// walked (hidden files and folders skipped, symbolic links to folders not
/// followed). A path that cannot be read gives a report line instead.
pub(super) fn gather_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<ImportItem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, 0, &mut files, &mut problems),
            Ok(_) => files.push(path.clone()),
            Err(e) => problems.push(not_a_badge(
                path.display().to_string(),
                Error::io(path, e).to_string(),
            )),
        }
        if files.len() >= MAX_IMPORT_FILES {
            files.truncate(MAX_IMPORT_FILES);
            break;
        }
    }
    (files, problems)
}

fn walk(dir: &Path, depth: usize, files: &mut Vec<PathBuf>, problems: &mut Vec<ImportItem>) {
    if depth > MAX_DEPTH || files.len() >= MAX_IMPORT_FILES {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(not_a_badge(
                dir.display().to_string(),
                Error::io(dir, e).to_string(),
            ));
            return;
        }
    };
    let mut children: Vec<(PathBuf, std::fs::FileType)> = entries
        .flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(|e| Some((e.path(), e.file_type().ok()?)))
        .collect();
    children.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, kind) in children {
        if kind.is_dir() {
            walk(&path, depth + 1, files, problems);
        } else if kind.is_file() || (kind.is_symlink() && path.is_file()) {
            files.push(path);
        }
        if files.len() >= MAX_IMPORT_FILES {
            return;
        }
    }
}

fn not_a_badge(source: String, message: String) -> ImportItem {
    ImportItem {
        source,
        result: ImportResult::NotABadge,
        badge_id: None,
        name: None,
        status: None,
        message: Some(message),
    }
}

/// Where a badge stands after a verification.
pub(crate) fn status_of(report: &Report) -> WalletStatus {
    let failed = |id| {
        report
            .check(id)
            .is_some_and(|c| c.status == CheckStatus::Fail)
    };
    let failures = report
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Fail)
        .count();
    if failures == 0 {
        let proof_skipped = report
            .check(CheckId::Proof)
            .is_none_or(|c| c.status == CheckStatus::Skip);
        return if proof_skipped {
            WalletStatus::Unverified
        } else {
            WalletStatus::Valid
        };
    }
    if failed(CheckId::Status) && failures == 1 {
        WalletStatus::Revoked
    } else if failed(CheckId::Dates) && failures == 1 {
        WalletStatus::Expired
    } else if failed(CheckId::Status) && failed(CheckId::Dates) && failures == 2 {
        WalletStatus::Revoked
    } else {
        WalletStatus::Invalid
    }
}

/// The JSON behind a URL, fetched only when the user allowed the network.
fn fetch_json(fetcher: Option<&HttpFetcher>, url: &str) -> Option<Value> {
    use badgesmith_credential::Fetcher as _;
    if !url.starts_with("https://") && !url.starts_with("http://") {
        return None;
    }
    let bytes = fetcher?.fetch(url).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// The picture a credential names: a data URI decoded, or a URL fetched when
/// allowed. PNG, SVG or JPEG only.
fn picture(reference: &str, fetcher: Option<&HttpFetcher>) -> Option<(String, Vec<u8>)> {
    use badgesmith_credential::Fetcher as _;
    use base64::Engine as _;
    let bytes = if let Some(rest) = reference.strip_prefix("data:") {
        let (_, b64) = rest.split_once(";base64,")?;
        base64::engine::general_purpose::STANDARD.decode(b64).ok()?
    } else if reference.starts_with("https://") || reference.starts_with("http://") {
        fetcher?.fetch(reference).ok()?
    } else {
        return None;
    };
    let mime = image_type(&bytes)?;
    Some((mime.to_owned(), bytes))
}

/// The media type of image bytes, when they are PNG, JPEG or SVG.
fn image_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some("image/jpeg")
    } else if badgesmith_bake::sniff(bytes) == Some(badgesmith_bake::ImageFormat::Svg) {
        Some("image/svg+xml")
    } else {
        None
    }
}

/// Reads, unbakes, verifies and describes one input. Fails with the reason
/// when it holds no badge.
pub(super) fn analyze(
    name: &str,
    bytes: Vec<u8>,
    source_sha256: String,
    request: &VerifyRequest,
    fetcher: Option<&HttpFetcher>,
) -> Result<WalletEntry, Error> {
    let inspection = crate::inspect_bytes(name, &bytes)?;
    let badge = inspection.badge.ok_or_else(|| Error::NoBadge {
        name: name.to_owned(),
    })?;
    if badge.kind == PayloadKind::Text {
        return Err(Error::NotABadge {
            name: name.to_owned(),
            reason: "the text is neither a JSON credential, a JWT nor the URL of a hosted badge"
                .into(),
        });
    }
    let body_json = badge
        .body
        .as_deref()
        .and_then(|b| serde_json::from_str::<Value>(b).ok());
    let mut doc = badge
        .json
        .clone()
        .or_else(|| badge.jws.as_ref().and_then(|j| j.payload.clone()))
        .or(body_json);
    if doc.is_none() && badge.kind == PayloadKind::Url {
        doc = fetch_json(fetcher, badge.text.trim());
    }

    let report = crate::verify_badge_text(&badge.text, request)?;
    if let Some(parse) = report
        .check(CheckId::Parse)
        .filter(|c| c.status == CheckStatus::Fail)
    {
        return Err(Error::NotABadge {
            name: name.to_owned(),
            reason: parse.message.trim_end_matches('.').to_owned(),
        });
    }

    let lookup = |url: &str| fetch_json(fetcher, url);
    let mut facts = doc
        .as_ref()
        .map(|d| facts::read(d, badge.version, &lookup))
        .unwrap_or_default();
    if facts.name.is_empty() {
        facts.name = report
            .achievement
            .as_ref()
            .and_then(|a| a.name.clone())
            .unwrap_or_else(|| fallback_name(name, &badge.text));
    }
    if facts.issuer.name.is_none() {
        facts.issuer.name = report.issuer.as_ref().and_then(|i| i.name.clone());
    }
    if facts.issuer.id.is_none() {
        facts.issuer.id = report.issuer.as_ref().and_then(|i| i.id.clone());
    }
    if facts.valid_from.is_none() {
        facts.valid_from = report.valid_from.clone();
    }
    if facts.valid_until.is_none() {
        facts.valid_until = report.valid_until.clone();
    }
    if facts.issued_on.is_none() {
        facts.issued_on = facts.valid_from.clone();
    }

    // Two imports are the same badge when they have the same issuer, id and
    // proof; or, unsigned, the same text.
    let proof = match badge.kind {
        PayloadKind::Jws => badge
            .text
            .trim()
            .rsplit('.')
            .next()
            .unwrap_or("")
            .to_owned(),
        _ => doc.as_ref().map(facts::proof_values).unwrap_or_default(),
    };
    let identity = if proof.is_empty() {
        sha256_hex(format!("text\n{}", badge.text).as_bytes())
    } else {
        sha256_hex(
            format!(
                "signed\n{}\n{}\n{proof}",
                facts.issuer.id.as_deref().unwrap_or(""),
                facts.credential_id.as_deref().unwrap_or("")
            )
            .as_bytes(),
        )
    };

    let file_kind = file_kind_text(inspection.format);
    let (image_type, image, picture_bytes) = match file_kind {
        "png" | "svg" => {
            let mime = if file_kind == "png" {
                "image/png"
            } else {
                "image/svg+xml"
            };
            (Some(mime.to_owned()), None, Some(bytes.as_slice()))
        }
        _ => match doc
            .as_ref()
            .and_then(|d| facts::image_ref(d, &lookup))
            .and_then(|r| picture(&r, fetcher))
        {
            Some((mime, data)) => (Some(mime), Some(data), None),
            None => (None, None, None),
        },
    };
    let picture_bytes = picture_bytes.or(image.as_deref());
    let thumbnail = picture_bytes
        .and_then(|p| badgesmith_art::thumbnail_png(name, p, super::THUMBNAIL_SIDE).ok());

    let verification = Verification::from_report(&report, request.online);
    let status = status_of(&report);
    let now = now();
    Ok(WalletEntry {
        id: identity.get(..12).unwrap_or(&identity).to_owned(),
        source_sha256,
        credential_id: facts.credential_id.clone(),
        name: facts.name.clone(),
        issuer_id: facts.issuer.id.clone(),
        issuer_name: facts.issuer.name.clone(),
        version: version_text(badge.version).to_owned(),
        format: verification.format.clone(),
        status: status.as_str().to_owned(),
        issued_on: facts.issued_on.clone(),
        expires: facts.valid_until.clone(),
        added_at: now.clone(),
        verified_at: now,
        trashed_at: None,
        note: String::new(),
        tags: Vec::new(),
        description: facts.description.clone().unwrap_or_default(),
        skills: facts::search_words(&facts),
        file_name: name.to_owned(),
        file_kind: file_kind.to_owned(),
        badge_text: badge.text,
        facts: serde_json::to_string(&facts).unwrap_or_else(|_| "{}".into()),
        report: serde_json::to_string(&verification).unwrap_or_else(|_| "{}".into()),
        image_type,
        image,
        original: bytes,
        thumbnail,
        identity,
    })
}

/// A name for a badge that names none: a hosted badge's host, else the file.
fn fallback_name(file: &str, text: &str) -> String {
    let text = text.trim();
    if let Some(rest) = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
    {
        let host = rest.split('/').next().unwrap_or(rest);
        return format!("Hosted badge from {host}");
    }
    Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "Untitled badge".into())
}

/// The file name shown for an input.
fn display_name(input: &Input) -> String {
    match input {
        Input::File(path) => path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string()),
        Input::Text(_) => "pasted text".into(),
    }
}

/// What a worker found for one input.
enum Analysis {
    /// A badge to store.
    Badge(Box<WalletEntry>),
    /// A file already in the wallet byte for byte: its badge's id and name.
    Known(String),
}

fn read_and_analyze(
    input: &Input,
    request: &VerifyRequest,
    fetcher: Option<&HttpFetcher>,
    known: &HashMap<String, String>,
) -> Result<Analysis, Error> {
    let name = display_name(input);
    let bytes = match input {
        Input::File(path) => crate::read_input(path)?,
        Input::Text(text) => {
            let trimmed = text.trim();
            if trimmed.is_empty() {
                return Err(Error::NotABadge {
                    name,
                    reason: "the text is empty".into(),
                });
            }
            trimmed.as_bytes().to_vec()
        }
    };
    let source_sha256 = sha256_hex(&bytes);
    if let Some(id) = known.get(&source_sha256) {
        return Ok(Analysis::Known(id.clone()));
    }
    analyze(&name, bytes, source_sha256, request, fetcher).map(|e| Analysis::Badge(Box::new(e)))
}

impl Wallet {
    /// Imports files and folders (walked recursively), reporting each file.
    pub fn import_paths(
        &mut self,
        paths: &[PathBuf],
        request: &VerifyRequest,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<ImportReport, Error> {
        let (files, problems) = gather_files(paths);
        let inputs: Vec<Input> = files.into_iter().map(Input::File).collect();
        let mut report = self.import_inputs(inputs, request, progress)?;
        report.not_badges += u32::try_from(problems.len()).unwrap_or(u32::MAX);
        report.items.extend(problems);
        Ok(report)
    }

    /// Imports pasted text: a JSON credential, a JWT/JWS, or a hosted badge's
    /// URL (fetched only when the request allows the network).
    pub fn import_text(
        &mut self,
        text: &str,
        request: &VerifyRequest,
    ) -> Result<ImportReport, Error> {
        self.import_inputs(vec![Input::Text(text.to_owned())], request, &mut |_| {})
    }

    fn import_inputs(
        &mut self,
        inputs: Vec<Input>,
        request: &VerifyRequest,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<ImportReport, Error> {
        let total = inputs.len();
        let total32 = u32::try_from(total).unwrap_or(u32::MAX);
        let fetcher = request.online.then(HttpFetcher::new);
        let known = self.store.wallet_sources().map_err(store_error)?;
        let mut items: Vec<Option<ImportItem>> = vec![None; total];
        let next = AtomicUsize::new(0);
        let workers = std::thread::available_parallelism()
            .map_or(2, |n| n.get())
            .clamp(1, 8)
            .min(total.max(1));
        let mut failure: Option<Error> = None;
        std::thread::scope(|scope| {
            let (tx, rx) = mpsc::sync_channel::<(usize, Result<Analysis, Error>)>(CHUNK * 2);
            for _ in 0..workers {
                let tx = tx.clone();
                let (inputs, next, fetcher, known) = (&inputs, &next, fetcher.as_ref(), &known);
                scope.spawn(move || {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(input) = inputs.get(i) else { break };
                        let result = read_and_analyze(input, request, fetcher, known);
                        if tx.send((i, result)).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(tx);
            let mut pending: Vec<(usize, WalletEntry)> = Vec::with_capacity(CHUNK);
            let mut done = 0u32;
            for (i, result) in rx.iter() {
                done = done.saturating_add(1);
                match result {
                    Ok(Analysis::Badge(entry)) => pending.push((i, *entry)),
                    Ok(Analysis::Known(id)) => {
                        if let Some(slot) = items.get_mut(i) {
                            let source = inputs.get(i).map(Input::source).unwrap_or_default();
                            *slot = Some(ImportItem {
                                source,
                                result: ImportResult::AlreadyThere,
                                badge_id: Some(id),
                                name: None,
                                status: None,
                                message: None,
                            });
                        }
                    }
                    Err(e) => {
                        if let Some(slot) = items.get_mut(i) {
                            let source = inputs.get(i).map(Input::source).unwrap_or_default();
                            *slot = Some(not_a_badge(source, reason_of(&e)));
                        }
                    }
                }
                if pending.len() >= CHUNK
                    && let Err(e) = self.store_chunk(&mut pending, &inputs, &mut items)
                {
                    failure = Some(e);
                    // Stop the workers: nothing more can be stored.
                    next.store(usize::MAX / 2, Ordering::Relaxed);
                    break;
                }
                progress(ImportProgress {
                    done,
                    total: total32,
                });
            }
            if failure.is_none()
                && let Err(e) = self.store_chunk(&mut pending, &inputs, &mut items)
            {
                failure = Some(e);
            }
        });
        if let Some(e) = failure {
            return Err(e);
        }
        let items: Vec<ImportItem> = items.into_iter().flatten().collect();
        let count = |r| u32::try_from(items.iter().filter(|i| i.result == r).count()).unwrap_or(0);
        Ok(ImportReport {
            added: count(ImportResult::Added),
            already_there: count(ImportResult::AlreadyThere),
            not_badges: count(ImportResult::NotABadge),
            items,
        })
    }

    /// Stores a chunk of analysed badges in one transaction and fills in
    /// their report lines.
    fn store_chunk(
        &mut self,
        pending: &mut Vec<(usize, WalletEntry)>,
        inputs: &[Input],
        items: &mut [Option<ImportItem>],
    ) -> Result<(), Error> {
        if pending.is_empty() {
            return Ok(());
        }
        let (indices, entries): (Vec<usize>, Vec<WalletEntry>) = pending.drain(..).unzip();
        let outcome = self
            .store
            .insert_wallet_badges(&entries)
            .map_err(store_error)?;
        for ((i, entry), inserted) in indices.into_iter().zip(entries).zip(outcome) {
            let source = inputs.get(i).map(Input::source).unwrap_or_default();
            let item = match inserted {
                Inserted::Added => {
                    let twins = match &entry.credential_id {
                        Some(cid) => self
                            .store
                            .wallet_ids_with_credential_id(cid)
                            .map_err(store_error)?
                            .into_iter()
                            .filter(|id| id != &entry.id)
                            .collect::<Vec<_>>(),
                        None => Vec::new(),
                    };
                    let message = match twins.as_slice() {
                        [] => None,
                        [one] => Some(format!(
                            "badge {one} in the wallet has the same id but a different signature; one of the two may have been altered"
                        )),
                        many => Some(format!(
                            "badges {} in the wallet have the same id but different signatures; some of them may have been altered",
                            many.join(", ")
                        )),
                    };
                    ImportItem {
                        source,
                        result: ImportResult::Added,
                        badge_id: Some(entry.id.clone()),
                        name: Some(entry.name.clone()),
                        status: WalletStatus::parse(&entry.status),
                        message,
                    }
                }
                Inserted::AlreadyThere(id) => ImportItem {
                    source,
                    result: ImportResult::AlreadyThere,
                    badge_id: Some(id),
                    name: Some(entry.name.clone()),
                    status: None,
                    message: None,
                },
            };
            if let Some(slot) = items.get_mut(i) {
                *slot = Some(item);
            }
        }
        Ok(())
    }
}

/// The reason an input is not a badge, without the file name the report
/// line already shows.
fn reason_of(e: &Error) -> String {
    match e {
        Error::NotABadge { reason, .. } | Error::InvalidCredential { reason, .. } => reason.clone(),
        Error::NoBadge { .. } => "no badge is baked into this image".into(),
        Error::Image { source, .. } => source.to_string(),
        other => other.to_string(),
    }
}
