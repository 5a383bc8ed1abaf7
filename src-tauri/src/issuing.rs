//! The issuing screens' commands: issuers and their keys, achievements,
//! issuing one badge or a CSV batch, and the issued log.
//!
//! Passphrases come in from the page; keys never go out. Unlocked keys live
//! in [`IssuingState`] until locked or until the app quits. Dialogs are shown
//! from Rust, so the page never names a file to read.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use badgesmith_app::dto::{
    Achievement, AchievementInput, BatchOutcome, BatchPreview, IpcError, IssueSettings, IssuedOne,
    IssuedPage, IssuerInput, IssuerProfile, RecipientInput, Revocation, Verification,
};
use badgesmith_app::{Error, ErrorCode, Issuing};
use tauri::{AppHandle, Emitter as _, Manager as _, Runtime};

use crate::dialogs;

/// The event carrying a running batch's progress.
pub const ISSUE_PROGRESS: &str = "issue-progress";

/// The issuing database with the keys unlocked in this session, the CSV
/// last loaded in the wizard, and the running batch's cancel flag.
#[derive(Debug)]
pub struct IssuingState {
    home: Result<PathBuf, String>,
    issuing: Mutex<Option<Issuing>>,
    csv: Mutex<Option<(String, Vec<u8>)>>,
    cancel: Mutex<Option<Arc<AtomicBool>>>,
}

fn internal(message: &str) -> IpcError {
    IpcError {
        code: ErrorCode::Internal,
        message: message.into(),
    }
}

fn ipc(e: Error) -> IpcError {
    IpcError::from(&e)
}

impl IssuingState {
    /// The state for this home folder (or the reason there is none).
    pub fn new(home: Result<PathBuf, String>) -> IssuingState {
        IssuingState {
            home,
            issuing: Mutex::new(None),
            csv: Mutex::new(None),
            cancel: Mutex::new(None),
        }
    }

    fn home(&self) -> Result<&Path, IpcError> {
        self.home.as_deref().map_err(|m| IpcError {
            code: ErrorCode::Io,
            message: m.clone(),
        })
    }

    fn with<T>(&self, f: impl FnOnce(&mut Issuing) -> Result<T, Error>) -> Result<T, IpcError> {
        let mut guard = self
            .issuing
            .lock()
            .map_err(|_| internal("issuing stopped after an earlier error; restart Badgesmith"))?;
        if guard.is_none() {
            let home = self.home()?;
            std::fs::create_dir_all(home).map_err(|e| ipc(Error::io(home, e)))?;
            *guard = Some(Issuing::open(home).map_err(ipc)?);
        }
        match guard.as_mut() {
            Some(issuing) => f(issuing).map_err(ipc),
            None => Err(internal("issuing is not open")),
        }
    }

    /// Forgets every unlocked key (on quit).
    pub fn lock_all(&self) {
        if let Ok(mut guard) = self.issuing.lock()
            && let Some(issuing) = guard.as_mut()
        {
            issuing.lock_all();
        }
    }
}

fn now() -> time::OffsetDateTime {
    time::OffsetDateTime::now_utc()
}

async fn on_worker<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, IpcError> + Send + 'static,
) -> Result<T, IpcError> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|e| internal(&format!("the work stopped unexpectedly ({e})")))?
}

fn state<R: Runtime>(app: &AppHandle<R>) -> tauri::State<'_, IssuingState> {
    app.state::<IssuingState>()
}

/// Every issuer.
#[tauri::command]
pub(crate) async fn list_issuers<R: Runtime>(
    app: AppHandle<R>,
) -> Result<Vec<IssuerProfile>, IpcError> {
    on_worker(move || state(&app).with(|i| i.issuers())).await
}

/// A new issuer with a fresh key, unlocked.
#[tauri::command]
pub(crate) async fn create_issuer<R: Runtime>(
    app: AppHandle<R>,
    input: IssuerInput,
    passphrase: String,
) -> Result<IssuerProfile, IpcError> {
    on_worker(move || state(&app).with(|i| i.create_issuer(&input, &passphrase, now()))).await
}

/// A new issuer from an existing seed, unlocked.
#[tauri::command]
pub(crate) async fn import_issuer_seed<R: Runtime>(
    app: AppHandle<R>,
    input: IssuerInput,
    seed: String,
    passphrase: String,
) -> Result<IssuerProfile, IpcError> {
    on_worker(move || state(&app).with(|i| i.import_seed(&input, &seed, &passphrase, now()))).await
}

/// Changes an issuer's profile.
#[tauri::command]
pub(crate) async fn update_issuer<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    input: IssuerInput,
) -> Result<IssuerProfile, IpcError> {
    on_worker(move || state(&app).with(|i| i.update_issuer(&id, &input, now()))).await
}

/// Unlocks an issuer's key for this session.
#[tauri::command]
pub(crate) async fn unlock_issuer<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    passphrase: String,
) -> Result<IssuerProfile, IpcError> {
    on_worker(move || state(&app).with(|i| i.unlock(&id, &passphrase))).await
}

/// Forgets an issuer's unlocked key.
#[tauri::command]
pub(crate) async fn lock_issuer<R: Runtime>(
    app: AppHandle<R>,
    id: String,
) -> Result<IssuerProfile, IpcError> {
    on_worker(move || state(&app).with(|i| i.lock(&id))).await
}

/// Writes an encrypted backup where the user chooses.
#[tauri::command]
pub(crate) async fn backup_issuer<R: Runtime>(
    app: AppHandle<R>,
    id: String,
) -> Result<Option<String>, IpcError> {
    on_worker(move || {
        let (name, text) = state(&app).with(|i| {
            let profile = i.issuer(&id)?;
            Ok((profile.name, i.backup(&id)?))
        })?;
        let stem = badgesmith_issuing_stem(&name);
        let Some(path) = dialogs::pick_save(
            &app,
            "Back up the issuer key",
            &format!("{stem}.badgesmith-issuer"),
            "Issuer backup",
            "badgesmith-issuer",
        ) else {
            return Ok(None);
        };
        badgesmith_app::write_private(&path, text.as_bytes()).map_err(ipc)?;
        Ok(Some(path.display().to_string()))
    })
    .await
}

fn badgesmith_issuing_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem.trim_matches('-').to_owned();
    if stem.is_empty() {
        "issuer".into()
    } else {
        stem
    }
}

/// Adds the issuer of a backup file the user chooses.
#[tauri::command]
pub(crate) async fn restore_issuer<R: Runtime>(
    app: AppHandle<R>,
    passphrase: String,
) -> Result<Option<IssuerProfile>, IpcError> {
    on_worker(move || {
        let Some(path) = dialogs::pick_open(
            &app,
            "Restore an issuer from a backup",
            "Issuer backup",
            &["badgesmith-issuer", "json"],
        ) else {
            return Ok(None);
        };
        let bytes = badgesmith_app::read_input(&path).map_err(ipc)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = String::from_utf8(bytes).map_err(|_| IpcError {
            code: ErrorCode::InvalidCredential,
            message: format!("{name}: this is not a Badgesmith issuer backup"),
        })?;
        state(&app)
            .with(|i| i.restore(&name, &text, &passphrase, now()))
            .map(Some)
    })
    .await
}

/// Writes the issuer's signed status list where the user chooses.
#[tauri::command]
pub(crate) async fn export_status_list<R: Runtime>(
    app: AppHandle<R>,
    issuer_id: String,
) -> Result<Option<String>, IpcError> {
    on_worker(move || {
        let (_, text) = state(&app).with(|i| i.status_list(&issuer_id, now()))?;
        let Some(path) = dialogs::pick_save(
            &app,
            "Save the status list",
            "status-list.json",
            "Status list",
            "json",
        ) else {
            return Ok(None);
        };
        badgesmith_app::write_atomically(&path, text.as_bytes()).map_err(ipc)?;
        Ok(Some(path.display().to_string()))
    })
    .await
}

/// Achievements, newest first.
#[tauri::command]
pub(crate) async fn list_achievements<R: Runtime>(
    app: AppHandle<R>,
    issuer_id: Option<String>,
) -> Result<Vec<Achievement>, IpcError> {
    on_worker(move || state(&app).with(|i| i.achievements(issuer_id.as_deref()))).await
}

/// Saves an achievement (new when `id` is null).
#[tauri::command]
pub(crate) async fn save_achievement<R: Runtime>(
    app: AppHandle<R>,
    id: Option<String>,
    input: AchievementInput,
) -> Result<Achievement, IpcError> {
    on_worker(move || state(&app).with(|i| i.save_achievement(id.as_deref(), &input, now()))).await
}

/// Issues one badge, returning it with a preview and its verification.
#[tauri::command]
pub(crate) async fn issue_one<R: Runtime>(
    app: AppHandle<R>,
    achievement_id: String,
    recipient: RecipientInput,
    settings: IssueSettings,
) -> Result<IssuedOne, IpcError> {
    on_worker(move || {
        let st = state(&app);
        let (badge, bytes) =
            st.with(|i| i.issue_one(&achievement_id, &recipient, &settings, now()))?;
        let local = Issuing::local_status_lists(st.home()?);
        let request = badgesmith_app::VerifyRequest {
            local_status: local,
            ..Default::default()
        };
        let report =
            badgesmith_app::verify_bytes(&badge.file_name, &bytes, &request).map_err(ipc)?;
        let preview = match badge.format {
            badgesmith_app::dto::BadgeImageFormat::Png => badgesmith_app::png_data_url(&bytes),
            badgesmith_app::dto::BadgeImageFormat::Svg => {
                use base64::Engine as _;
                format!(
                    "data:image/svg+xml;base64,{}",
                    base64::engine::general_purpose::STANDARD.encode(&bytes)
                )
            }
        };
        Ok(IssuedOne {
            badge,
            preview,
            verification: Verification::from_report(&report, false),
        })
    })
    .await
}

/// Writes an issued badge again where the user chooses.
#[tauri::command]
pub(crate) async fn export_issued<R: Runtime>(
    app: AppHandle<R>,
    id: String,
) -> Result<Option<String>, IpcError> {
    on_worker(move || {
        let (file_name, bytes) = state(&app).with(|i| i.export_issued(&id))?;
        let ext = file_name
            .rsplit_once('.')
            .map_or("png", |(_, e)| e)
            .to_owned();
        let Some(path) =
            dialogs::pick_save(&app, "Save the badge", &file_name, "Badge image", &ext)
        else {
            return Ok(None);
        };
        badgesmith_app::write_atomically(&path, &bytes).map_err(ipc)?;
        Ok(Some(path.display().to_string()))
    })
    .await
}

/// Reads and checks a CSV of recipients the user chooses; kept for
/// `start_batch`.
#[tauri::command]
pub(crate) async fn choose_recipients_csv<R: Runtime>(
    app: AppHandle<R>,
    achievement_id: String,
) -> Result<Option<BatchPreview>, IpcError> {
    on_worker(move || {
        let Some(path) = dialogs::pick_open(&app, "Choose the recipients", "CSV", &["csv", "txt"])
        else {
            return Ok(None);
        };
        let bytes = badgesmith_app::read_input(&path).map_err(ipc)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let st = state(&app);
        let preview = st.with(|i| {
            i.preview_batch(
                &achievement_id,
                &name,
                &bytes,
                None,
                &IssueSettings::default(),
            )
        })?;
        *st.csv
            .lock()
            .map_err(|_| internal("the loaded CSV is unavailable"))? = Some((name, bytes));
        Ok(Some(preview))
    })
    .await
}

/// A folder for a batch's badges.
#[tauri::command]
pub(crate) async fn choose_output_folder<R: Runtime>(
    app: AppHandle<R>,
) -> Result<Option<String>, IpcError> {
    on_worker(move || {
        Ok(dialogs::pick_folder(&app, "Choose where the badges go")
            .map(|p| p.display().to_string()))
    })
    .await
}

/// Issues the loaded CSV into `output_dir`, sending progress events.
#[tauri::command]
pub(crate) async fn start_batch<R: Runtime>(
    app: AppHandle<R>,
    achievement_id: String,
    output_dir: String,
    settings: IssueSettings,
) -> Result<BatchOutcome, IpcError> {
    on_worker(move || {
        let st = state(&app);
        let (name, bytes) = st
            .csv
            .lock()
            .map_err(|_| internal("the loaded CSV is unavailable"))?
            .clone()
            .ok_or_else(|| IpcError {
                code: ErrorCode::InvalidRequest,
                message: "choose a CSV of recipients first".into(),
            })?;
        let cancel = Arc::new(AtomicBool::new(false));
        {
            let mut running = st
                .cancel
                .lock()
                .map_err(|_| internal("the batch state is unavailable"))?;
            if running.is_some() {
                return Err(IpcError {
                    code: ErrorCode::InvalidRequest,
                    message: "a batch is already running; wait for it or cancel it".into(),
                });
            }
            *running = Some(cancel.clone());
        }
        // A second connection, so the log stays browsable meanwhile.
        let result = st.with(|i| i.reopen()).and_then(|mut own| {
            let emitter = app.clone();
            own.run_batch(
                &badgesmith_app::BatchRequest {
                    achievement_id: &achievement_id,
                    csv_name: &name,
                    csv: &bytes,
                    output_dir: Path::new(&output_dir),
                    settings: &settings,
                },
                now(),
                &mut |p| {
                    let _ = emitter.emit(ISSUE_PROGRESS, p.clone());
                },
                &cancel,
            )
            .map_err(ipc)
        });
        if let Ok(mut running) = st.cancel.lock() {
            *running = None;
        }
        result
    })
    .await
}

/// Asks the running batch to stop.
#[tauri::command]
pub(crate) fn cancel_batch<R: Runtime>(app: AppHandle<R>) {
    if let Ok(running) = state(&app).cancel.lock()
        && let Some(flag) = running.as_ref()
    {
        flag.store(true, Ordering::Relaxed);
    }
}

/// Opens a folder in the system's file manager.
#[tauri::command]
pub(crate) async fn open_folder(path: String) -> Result<(), IpcError> {
    on_worker(move || {
        let dir = PathBuf::from(&path);
        if !dir.is_dir() {
            return Err(IpcError {
                code: ErrorCode::Io,
                message: format!("{path}: the folder is gone"),
            });
        }
        #[cfg(target_os = "macos")]
        let opener = "open";
        #[cfg(target_os = "windows")]
        let opener = "explorer";
        #[cfg(not(any(target_os = "macos", target_os = "windows")))]
        let opener = "xdg-open";
        let mut child = std::process::Command::new(opener)
            .arg(&dir)
            .spawn()
            .map_err(|e| IpcError {
                code: ErrorCode::Io,
                message: format!("{path}: the file manager could not be opened ({e})"),
            })?;
        // Reap it when it exits, without waiting here.
        std::thread::spawn(move || child.wait());
        Ok(())
    })
    .await
}

/// A page of the issued log.
#[tauri::command]
pub(crate) async fn list_issued<R: Runtime>(
    app: AppHandle<R>,
    query: String,
    offset: u32,
    limit: u32,
) -> Result<IssuedPage, IpcError> {
    on_worker(move || state(&app).with(|i| i.issued(&query, offset, limit))).await
}

/// Revokes a credential and re-signs the issuer's status list.
#[tauri::command]
pub(crate) async fn revoke_issued<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    reason: Option<String>,
) -> Result<Revocation, IpcError> {
    on_worker(move || state(&app).with(|i| i.revoke(&id, reason.as_deref(), now()))).await
}
