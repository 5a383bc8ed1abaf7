//! Issuing to a CSV of recipients: check every row first, then issue on all
//! cores into an output folder, with progress, cancel and resume.
//!
//! A batch is the same CSV (by content), achievement, output folder and
//! settings. Each badge's file is written (through a temporary name and a
//! rename) before its row is logged, and rows are logged a chunk per
//! transaction; so after a crash or a cancel, a rerun finds the rows already
//! logged, reissues only the others (overwriting any file a crash left
//! unlogged) and never logs a row twice. The badge image is drawn once per
//! run.

use std::collections::{HashMap, HashSet};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Instant;

use badgesmith_bake as bake;
use badgesmith_issuing::names;
use badgesmith_issuing::recipients::{self, Recipients};
use badgesmith_store::{BatchRecord, IssuedRecord};
use time::OffsetDateTime;

use crate::dto::{
    BadgeImageFormat, BatchOutcome, BatchPreview, BatchProgress, BatchRow, IssueSettings,
    ProofFormat, RecipientInput,
};
use crate::issuing::{Made, check_recipient, make_badge, new_id, sha256_hex};
use crate::{Error, Issuing, timestamp, write_atomically};

/// The manifest written beside the badges.
pub const MANIFEST: &str = "manifest.csv";

/// Rows a worker takes at a time, and logs in one transaction.
const CHUNK: usize = 32;

/// How many row errors a refusal lists before "and N more".
const LISTED_ERRORS: usize = 20;

/// A CSV batch to run.
#[derive(Debug, Clone, Copy)]
pub struct BatchRequest<'a> {
    /// The achievement to issue.
    pub achievement_id: &'a str,
    /// The CSV's name, for messages.
    pub csv_name: &'a str,
    /// The CSV's bytes.
    pub csv: &'a [u8],
    /// Where the badges go (created if missing).
    pub output_dir: &'a Path,
    /// Format, proof and size.
    pub settings: &'a IssueSettings,
}

fn extension(settings: &IssueSettings) -> &'static str {
    match settings.format {
        BadgeImageFormat::Png => "png",
        BadgeImageFormat::Svg => "svg",
    }
}

fn settings_key(settings: &IssueSettings) -> String {
    format!(
        "{}-{}-{}",
        extension(settings),
        match settings.proof {
            ProofFormat::Di => "di",
            ProofFormat::Jwt => "jwt",
        },
        settings.size
    )
}

fn read_csv(name: &str, bytes: &[u8]) -> Result<Recipients, Error> {
    recipients::read(bytes).map_err(|reason| Error::Usage(format!("{name}: {reason}")))
}

fn file_names(r: &Recipients, settings: &IssueSettings) -> Vec<String> {
    let stems: Vec<String> = r
        .rows
        .iter()
        .map(|row| names::stem(row.name.as_deref(), &row.identity))
        .collect();
    names::unique_file_names(stems.iter().map(String::as_str), extension(settings))
}

fn input_of(row: &recipients::Row) -> RecipientInput {
    RecipientInput {
        identity: row.identity.clone(),
        name: row.name.clone(),
        evidence_url: row.evidence_url.clone(),
        evidence_narrative: row.evidence_narrative.clone(),
        valid_from: row.valid_from.clone(),
        valid_until: row.valid_until.clone(),
    }
}

/// The output folder as the batch key keeps it: absolute, created.
fn output_key(dir: &Path) -> Result<PathBuf, Error> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    dir.canonicalize().map_err(|e| Error::io(dir, e))
}

/// Writes a file through a temporary name and a rename, without waiting for
/// the disk: a crash leaves either the old file or the new one (the log
/// decides which rows are done, and a rerun checks their files).
fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = partial_name(path);
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn partial_name(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.badgesmith-partial"))
}

/// Removes temporary files a crash left in the output folder.
fn remove_partials(dir: &Path) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') && name.ends_with(".badgesmith-partial") {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) || text.starts_with(['=', '+', '-', '@']) {
        // Quoted; a leading formula character is neutralised for spreadsheets.
        let body = if text.starts_with(['=', '+', '-', '@']) {
            format!("'{text}")
        } else {
            text.to_owned()
        };
        format!("\"{}\"", body.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// Writes `manifest.csv`: one line per badge logged for this batch, in CSV
/// order.
fn write_manifest(dir: &Path, rows: &[IssuedRecord]) -> Result<PathBuf, Error> {
    let mut out = String::from("recipient,name,file,credential_id,sha256\n");
    for r in rows {
        out.push_str(&format!(
            "{},{},{},{},{}\n",
            csv_field(&r.recipient),
            csv_field(r.recipient_name.as_deref().unwrap_or_default()),
            csv_field(&r.file_name),
            csv_field(&r.id),
            r.sha256
        ));
    }
    let path = dir.join(MANIFEST);
    write_atomically(&path, out.as_bytes())?;
    Ok(path)
}

/// The refusal of a CSV with row errors: one sentence, then the rows.
fn row_errors(name: &str, r: &Recipients) -> Error {
    let bad: Vec<&recipients::Row> = r.rows.iter().filter(|row| !row.errors.is_empty()).collect();
    let mut message = format!(
        "{name}: {} of {} rows have errors, so nothing was issued",
        bad.len(),
        r.rows.len()
    );
    for row in bad.iter().take(LISTED_ERRORS) {
        message.push_str(&format!("\n  line {}: {}", row.line, row.errors.join("; ")));
    }
    if bad.len() > LISTED_ERRORS {
        message.push_str(&format!("\n  … and {} more", bad.len() - LISTED_ERRORS));
    }
    Error::Usage(message)
}

/// Refuses rows that cannot all be issued: any row with an error, or none.
fn refuse_bad_rows(name: &str, r: &Recipients) -> Result<(), Error> {
    if r.error_count() > 0 {
        return Err(row_errors(name, r));
    }
    if r.rows.is_empty() {
        return Err(Error::Usage(format!(
            "{name}: it has no recipients under its header"
        )));
    }
    Ok(())
}

/// Checks a CSV of recipients the way [`Issuing::run_batch`] does before
/// issuing anything, so a caller can refuse it before asking for the key.
pub fn check_batch_csv(csv_name: &str, csv: &[u8]) -> Result<(), Error> {
    refuse_bad_rows(csv_name, &read_csv(csv_name, csv)?)
}

impl Issuing {
    /// Reads and checks a CSV of recipients without issuing anything. With
    /// an output folder, rows an earlier run already issued there are marked.
    pub fn preview_batch(
        &self,
        achievement_id: &str,
        csv_name: &str,
        csv: &[u8],
        output_dir: Option<&Path>,
        settings: &IssueSettings,
    ) -> Result<BatchPreview, Error> {
        let r = read_csv(csv_name, csv)?;
        let files = file_names(&r, settings);
        let mut done: HashSet<u32> = HashSet::new();
        if let Some(dir) = output_dir
            && let Ok(dir) = dir.canonicalize()
            && let Some(batch) = self
                .store
                .find_batch(
                    achievement_id,
                    &sha256_hex(csv),
                    &dir.display().to_string(),
                    &settings_key(settings),
                )
                .map_err(|e| Error::Store(e.to_string()))?
        {
            for rec in self
                .store
                .batch_issued(&batch.id)
                .map_err(|e| Error::Store(e.to_string()))?
            {
                done.extend(rec.batch_row);
            }
        }
        let rows: Vec<BatchRow> = r
            .rows
            .iter()
            .zip(&files)
            .enumerate()
            .map(|(i, (row, file))| BatchRow {
                line: row.line,
                recipient: input_of(row),
                file_name: file.clone(),
                errors: row.errors.clone(),
                already_issued: done.contains(&u32::try_from(i).unwrap_or(u32::MAX)),
            })
            .collect();
        Ok(BatchPreview {
            file_name: csv_name.to_owned(),
            error_count: u32::try_from(r.error_count()).unwrap_or(u32::MAX),
            rows,
            warnings: r.warnings,
        })
    }

    /// Issues a CSV of recipients into a folder. Refuses, issuing nothing,
    /// when any row has an error. `progress` is called after each chunk;
    /// setting `cancel` stops after the badges in progress (a rerun goes on).
    pub fn run_batch(
        &mut self,
        request: &BatchRequest<'_>,
        now: OffsetDateTime,
        progress: &mut dyn FnMut(&BatchProgress),
        cancel: &AtomicBool,
    ) -> Result<BatchOutcome, Error> {
        let started = Instant::now();
        let settings = request.settings;
        let r = read_csv(request.csv_name, request.csv)?;
        refuse_bad_rows(request.csv_name, &r)?;
        let mut checked = Vec::with_capacity(r.rows.len());
        for row in &r.rows {
            checked.push(check_recipient(&input_of(row), now).map_err(|e| {
                Error::Usage(format!("{}: line {}: {e}", request.csv_name, row.line))
            })?);
        }
        let files = file_names(&r, settings);
        let prepared = self.prepare(request.achievement_id, settings)?;
        let dir = output_key(request.output_dir)?;
        remove_partials(&dir);
        let total = u32::try_from(r.rows.len()).unwrap_or(u32::MAX);
        let store_err = |e: badgesmith_store::StoreError| Error::Store(e.to_string());

        let csv_sha = sha256_hex(request.csv);
        let key = settings_key(settings);
        let dir_text = dir.display().to_string();
        let batch = match self
            .store
            .find_batch(request.achievement_id, &csv_sha, &dir_text, &key)
            .map_err(store_err)?
        {
            Some(b) => b,
            None => {
                let b = BatchRecord {
                    id: new_id()?,
                    achievement_id: request.achievement_id.to_owned(),
                    csv_sha256: csv_sha,
                    output_dir: dir_text,
                    settings: key,
                    total,
                    created_at: timestamp(now),
                    finished_at: None,
                };
                self.store.insert_batch(&b).map_err(store_err)?;
                b
            }
        };

        // Rows an earlier run logged: their files must be there and intact.
        let earlier = self.store.batch_issued(&batch.id).map_err(store_err)?;
        let mut done_rows: HashSet<usize> = HashSet::new();
        for rec in &earlier {
            let Some(row) = rec.batch_row else { continue };
            done_rows.insert(row as usize);
            let path = dir.join(&rec.file_name);
            let intact = std::fs::read(&path).is_ok_and(|b| sha256_hex(&b) == rec.sha256);
            if !intact {
                let (_, bytes) = self.export_issued(&rec.id)?;
                write_file(&path, &bytes).map_err(|e| Error::io(&path, e))?;
            }
        }
        let already = u32::try_from(done_rows.len()).unwrap_or(u32::MAX);
        let todo: Vec<usize> = (0..r.rows.len())
            .filter(|i| !done_rows.contains(i))
            .collect();

        self.store
            .put_badge_image(
                &prepared.artwork.sha256,
                prepared.artwork.mime,
                &prepared.artwork.bytes,
            )
            .map_err(store_err)?;
        let status = self.reserve_status(
            &prepared.issuer,
            u32::try_from(todo.len()).unwrap_or(u32::MAX),
        )?;

        let mut done = already;
        progress(&BatchProgress {
            batch_id: batch.id.clone(),
            done,
            total,
        });

        let workers = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2)
            .clamp(1, 8);
        let next = AtomicUsize::new(0);
        let failed = AtomicBool::new(false);
        let mut first_error: Option<Error> = None;
        let mut issued_now = 0u32;
        let chunks: Vec<&[usize]> = todo.chunks(CHUNK).collect();
        std::thread::scope(|scope| {
            let (tx, rx) = mpsc::sync_channel::<Result<Vec<(usize, Made)>, Error>>(workers * 2);
            for _ in 0..workers {
                let tx = tx.clone();
                let (chunks, next, failed, prepared, checked, files, dir, status) = (
                    &chunks, &next, &failed, &prepared, &checked, &files, &dir, &status,
                );
                scope.spawn(move || {
                    loop {
                        if cancel.load(Ordering::Relaxed) || failed.load(Ordering::Relaxed) {
                            break;
                        }
                        let c = next.fetch_add(1, Ordering::Relaxed);
                        let Some(chunk) = chunks.get(c) else { break };
                        let result = (|| {
                            let mut out = Vec::with_capacity(chunk.len());
                            for (k, &row) in chunk.iter().enumerate() {
                                let (Some(recipient), Some(file)) =
                                    (checked.get(row), files.get(row))
                                else {
                                    continue;
                                };
                                let position = c * CHUNK + k;
                                let st = status.as_ref().map(|(url, start)| {
                                    (url.clone(), start + u32::try_from(position).unwrap_or(0))
                                });
                                let made =
                                    make_badge(prepared, recipient, st, settings, now, file)?;
                                let path = dir.join(file);
                                write_file(&path, &made.baked).map_err(|e| Error::io(&path, e))?;
                                out.push((row, made));
                            }
                            Ok(out)
                        })();
                        if result.is_err() {
                            failed.store(true, Ordering::Relaxed);
                        }
                        if tx.send(result).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(tx);
            for result in rx {
                match result {
                    Ok(items) => {
                        let records: Vec<(IssuedRecord, &str)> = items
                            .iter()
                            .map(|(row, made)| {
                                let mut rec = made.record.clone();
                                rec.batch_id = Some(batch.id.clone());
                                rec.batch_row = u32::try_from(*row).ok();
                                (rec, made.text.as_str())
                            })
                            .collect();
                        if let Err(e) = self.store.insert_issued(&records) {
                            failed.store(true, Ordering::Relaxed);
                            first_error.get_or_insert(store_err(e));
                            continue;
                        }
                        let n = u32::try_from(items.len()).unwrap_or(0);
                        issued_now += n;
                        done += n;
                        progress(&BatchProgress {
                            batch_id: batch.id.clone(),
                            done,
                            total,
                        });
                    }
                    Err(e) => {
                        first_error.get_or_insert(e);
                    }
                }
            }
        });

        let logged = self.store.batch_issued(&batch.id).map_err(store_err)?;
        let manifest = write_manifest(&dir, &logged)?;
        if let Some(e) = first_error {
            return Err(e);
        }
        let complete = logged.len() == r.rows.len();
        if complete {
            self.store
                .finish_batch(&batch.id, &timestamp(now))
                .map_err(store_err)?;
        }
        if prepared.issuer.fields.status_list_url.is_some() {
            self.save_status_list_if_missing(&prepared.issuer, now)?;
        }
        Ok(BatchOutcome {
            batch_id: batch.id.clone(),
            output_dir: dir.display().to_string(),
            manifest: manifest.display().to_string(),
            issued: issued_now,
            already_issued: already,
            total,
            cancelled: !complete,
            seconds: started.elapsed().as_secs_f64(),
        })
    }
}

/// Checks that a baked file holds a badge (used by tests and the CLI's
/// `issued` commands).
pub fn baked_text(bytes: &[u8]) -> Option<String> {
    bake::unbake(bytes).ok().flatten().map(|u| u.text)
}

/// Reads `manifest.csv` back: (recipient, file, credential id, sha256) per line.
pub fn read_manifest(text: &str) -> Vec<HashMap<String, String>> {
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(_) => return Vec::new(),
    };
    reader
        .records()
        .flatten()
        .map(|rec| {
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_owned(), v.to_owned()))
                .collect()
        })
        .collect()
}
