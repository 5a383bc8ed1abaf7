//! The Wallet screen's commands: importing (dialogs, drops, pasted text),
//! browsing, the detail panel, organising, exporting and backups.
//!
//! Paths never come from the page: files arrive through native dialogs shown
//! here, or through the window's drop event, which queues them in
//! [`DroppedPaths`] until the page says where they go.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use badgesmith_app::dto::{
    ImportReport, IpcError, RecipientMatch, RestoreReport, WalletCollection, WalletDetail,
    WalletFacets, WalletImportProgress, WalletPage, WalletQuery,
};
use badgesmith_app::{BACKUP_EXTENSION, Error, ErrorCode, Issuing, VerifyRequest, Wallet};
use tauri::{AppHandle, Emitter as _, Runtime, State};

use crate::dialogs;

/// The wallet of the home folder, opened on first use.
#[derive(Debug)]
pub struct WalletState {
    home: Result<PathBuf, String>,
    wallet: Mutex<Option<Wallet>>,
}

/// Paths dropped on the window, waiting for the page to send them to the
/// Wallet or to the Inspector.
#[derive(Debug, Default)]
pub struct DroppedPaths(Mutex<Vec<PathBuf>>);

impl DroppedPaths {
    /// Adds dropped paths.
    pub fn push(&self, paths: &[PathBuf]) {
        if let Ok(mut queue) = self.0.lock() {
            queue.extend_from_slice(paths);
        }
    }

    /// Takes every path dropped since the last call.
    pub fn take(&self) -> Vec<PathBuf> {
        self.0
            .lock()
            .map(|mut queue| std::mem::take(&mut *queue))
            .unwrap_or_default()
    }
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

impl WalletState {
    /// The state for this home folder (or the reason there is none).
    pub fn new(home: Result<PathBuf, String>) -> WalletState {
        WalletState {
            home,
            wallet: Mutex::new(None),
        }
    }

    fn home(&self) -> Result<&Path, IpcError> {
        self.home.as_deref().map_err(|m| IpcError {
            code: ErrorCode::Io,
            message: m.clone(),
        })
    }

    fn with<T>(&self, f: impl FnOnce(&mut Wallet) -> Result<T, Error>) -> Result<T, IpcError> {
        let mut guard = self.wallet.lock().map_err(|_| {
            internal("the wallet stopped after an earlier error; restart Badgesmith")
        })?;
        if guard.is_none() {
            let home = self.home()?;
            std::fs::create_dir_all(home).map_err(|e| ipc(Error::io(home, e)))?;
            *guard = Some(Wallet::open(home).map_err(ipc)?);
        }
        match guard.as_mut() {
            Some(wallet) => f(wallet).map_err(ipc),
            None => Err(internal("the wallet is not open")),
        }
    }

    /// How imports and re-verification check badges: status lists this app
    /// published are used before the network, and offline.
    fn request(&self, online: bool) -> VerifyRequest {
        VerifyRequest {
            online,
            local_status: self
                .home
                .as_deref()
                .map(Issuing::local_status_lists)
                .unwrap_or_default(),
            ..VerifyRequest::default()
        }
    }

    /// Imports files and folders, sending `wallet-import-progress` events
    /// (at most ten a second, and the last one).
    fn import<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        paths: &[PathBuf],
        online: bool,
    ) -> Result<ImportReport, IpcError> {
        let request = self.request(online);
        let mut last: Option<std::time::Instant> = None;
        self.with(|w| {
            w.import_paths(paths, &request, &mut |p| {
                let due = last.is_none_or(|t| t.elapsed() >= std::time::Duration::from_millis(100));
                if due || p.done >= p.total {
                    last = Some(std::time::Instant::now());
                    let progress = WalletImportProgress {
                        done: p.done,
                        total: p.total,
                    };
                    let _ = app.emit(WALLET_IMPORT_PROGRESS, progress);
                }
            })
        })
    }
}

/// The event carrying a running import's progress.
pub const WALLET_IMPORT_PROGRESS: &str = "wallet-import-progress";

const BADGE_FILES: &[&str] = &["png", "svg", "json", "jwt", "jws", "txt", "url"];

#[tauri::command]
pub async fn wallet_import_files<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, WalletState>,
    online: bool,
) -> Result<Option<ImportReport>, IpcError> {
    let Some(paths) = dialogs::pick_files(&app, "Add badges to the wallet", "Badges", BADGE_FILES)
    else {
        return Ok(None);
    };
    state.import(&app, &paths, online).map(Some)
}

#[tauri::command]
pub async fn wallet_import_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, WalletState>,
    online: bool,
) -> Result<Option<ImportReport>, IpcError> {
    let Some(folder) = dialogs::pick_folder(&app, "Add a folder of badges") else {
        return Ok(None);
    };
    state.import(&app, &[folder], online).map(Some)
}

#[tauri::command]
pub async fn wallet_import_dropped<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, WalletState>,
    dropped: State<'_, DroppedPaths>,
    online: bool,
) -> Result<ImportReport, IpcError> {
    state.import(&app, &dropped.take(), online)
}

#[tauri::command]
pub async fn wallet_import_text(
    state: State<'_, WalletState>,
    text: String,
    online: bool,
) -> Result<ImportReport, IpcError> {
    let request = state.request(online);
    state.with(|w| w.import_text(&text, &request))
}

#[tauri::command]
pub async fn wallet_list(
    state: State<'_, WalletState>,
    query: WalletQuery,
) -> Result<WalletPage, IpcError> {
    state.with(|w| w.list(&query))
}

#[tauri::command]
pub async fn wallet_facets(state: State<'_, WalletState>) -> Result<WalletFacets, IpcError> {
    state.with(|w| w.facets())
}

#[tauri::command]
pub async fn wallet_show(
    state: State<'_, WalletState>,
    id: String,
) -> Result<WalletDetail, IpcError> {
    state.with(|w| w.show(&id))
}

#[tauri::command]
pub async fn wallet_reverify(
    state: State<'_, WalletState>,
    id: String,
    online: bool,
) -> Result<WalletDetail, IpcError> {
    let request = state.request(online);
    state.with(|w| w.reverify(&id, &request))
}

#[tauri::command]
pub async fn wallet_check_recipient(
    state: State<'_, WalletState>,
    id: String,
    identity: String,
) -> Result<RecipientMatch, IpcError> {
    state.with(|w| w.check_recipient(&id, &identity))
}

#[tauri::command]
pub async fn wallet_set_tags(
    state: State<'_, WalletState>,
    id: String,
    tags: Vec<String>,
) -> Result<WalletDetail, IpcError> {
    state.with(|w| {
        w.set_tags(&id, &tags)?;
        w.show(&id)
    })
}

#[tauri::command]
pub async fn wallet_set_note(
    state: State<'_, WalletState>,
    id: String,
    note: String,
) -> Result<(), IpcError> {
    state.with(|w| w.set_note(&id, &note))
}

#[tauri::command]
pub async fn wallet_trash(state: State<'_, WalletState>, ids: Vec<String>) -> Result<(), IpcError> {
    state.with(|w| w.trash(&ids))
}

#[tauri::command]
pub async fn wallet_restore(
    state: State<'_, WalletState>,
    ids: Vec<String>,
) -> Result<(), IpcError> {
    state.with(|w| w.restore(&ids))
}

#[tauri::command]
pub async fn wallet_delete_forever(
    state: State<'_, WalletState>,
    ids: Vec<String>,
) -> Result<(), IpcError> {
    state.with(|w| w.delete_forever(&ids))
}

#[tauri::command]
pub async fn wallet_empty_trash(state: State<'_, WalletState>) -> Result<u32, IpcError> {
    state.with(|w| w.empty_trash())
}

#[tauri::command]
pub async fn wallet_collections(
    state: State<'_, WalletState>,
) -> Result<Vec<WalletCollection>, IpcError> {
    state.with(|w| w.collections())
}

#[tauri::command]
pub async fn wallet_create_collection(
    state: State<'_, WalletState>,
    name: String,
) -> Result<WalletCollection, IpcError> {
    state.with(|w| w.create_collection(&name))
}

#[tauri::command]
pub async fn wallet_rename_collection(
    state: State<'_, WalletState>,
    id: String,
    name: String,
) -> Result<(), IpcError> {
    state.with(|w| w.rename_collection(&id, &name))
}

#[tauri::command]
pub async fn wallet_delete_collection(
    state: State<'_, WalletState>,
    id: String,
) -> Result<(), IpcError> {
    state.with(|w| w.delete_collection(&id))
}

#[tauri::command]
pub async fn wallet_set_membership(
    state: State<'_, WalletState>,
    collection_id: String,
    ids: Vec<String>,
    member: bool,
) -> Result<(), IpcError> {
    state.with(|w| w.set_membership(&collection_id, &ids, member))
}

#[tauri::command]
pub async fn wallet_export_badge<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, WalletState>,
    id: String,
    kind: String,
) -> Result<Option<String>, IpcError> {
    let (name, bytes) = state.with(|w| match kind.as_str() {
        "original" => w.original(&id),
        "credential" => w.credential(&id),
        other => Err(Error::Usage(format!(
            "\"{other}\" is not something a badge can be exported as (original or credential)"
        ))),
    })?;
    let ext = name.rsplit_once('.').map_or("json", |(_, e)| e).to_owned();
    let Some(path) = dialogs::pick_save(&app, "Export the badge", &name, "Badge", &ext) else {
        return Ok(None);
    };
    badgesmith_app::write_atomically(&path, &bytes).map_err(ipc)?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command]
pub async fn wallet_export_collection<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, WalletState>,
    collection_id: String,
    format: String,
) -> Result<Option<String>, IpcError> {
    let (name, ext, filter) = match format.as_str() {
        "zip" => ("collection", "zip", "ZIP archive"),
        "html" => ("collection", "html", "Web page"),
        other => {
            return Err(ipc(Error::Usage(format!(
                "\"{other}\" is not a collection export format (zip or html)"
            ))));
        }
    };
    let collection = state.with(|w| w.find_collection(&collection_id))?;
    let stem = badgesmith_app::file_stem(&collection.name, name);
    let Some(path) = dialogs::pick_save(
        &app,
        "Export the collection",
        &format!("{stem}.{ext}"),
        filter,
        ext,
    ) else {
        return Ok(None);
    };
    let bytes = state.with(|w| match ext {
        "zip" => w.collection_zip(&collection.id),
        _ => w.collection_html(&collection.id).map(String::into_bytes),
    })?;
    badgesmith_app::write_atomically(&path, &bytes).map_err(ipc)?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command]
pub async fn wallet_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, WalletState>,
) -> Result<Option<String>, IpcError> {
    let name = format!("wallet.{BACKUP_EXTENSION}");
    let Some(path) = dialogs::pick_save(
        &app,
        "Back up the wallet",
        &name,
        "Wallet backup",
        BACKUP_EXTENSION,
    ) else {
        return Ok(None);
    };
    state.with(|w| w.backup(&path))?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command]
pub async fn wallet_restore_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, WalletState>,
) -> Result<Option<RestoreReport>, IpcError> {
    let Some(path) = dialogs::pick_open(
        &app,
        "Restore a wallet backup",
        "Wallet backup",
        &[BACKUP_EXTENSION],
    ) else {
        return Ok(None);
    };
    state.with(|w| w.restore_backup(&path)).map(Some)
}
