//! The commands the user interface may call. Each takes its state, calls one
//! `badgesmith_app` function and maps the error; dialogs are shown from here so
//! that paths never come from the page.

use badgesmith_app::dto::{BakeSaved, IpcError, OpenOutcome, Verification};
use badgesmith_app::{InspectorSession, default_baked_file_name};
use tauri::{AppHandle, Manager as _, Runtime, State};

use crate::wallet::DroppedPaths;
use crate::{designer, dialogs, issuing, wallet};

pub(crate) fn handler<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static
{
    tauri::generate_handler![
        open_files,
        take_pending,
        inspect_text,
        close_file,
        bake_into,
        save_badge_text,
        verify_file,
        designer::design_catalog,
        designer::search_glyphs,
        designer::render_design,
        designer::list_designs,
        designer::open_design,
        designer::save_design,
        designer::delete_design,
        designer::restore_design,
        designer::import_design_file,
        designer::choose_image,
        designer::export_design,
        issuing::list_issuers,
        issuing::create_issuer,
        issuing::import_issuer_seed,
        issuing::update_issuer,
        issuing::unlock_issuer,
        issuing::lock_issuer,
        issuing::backup_issuer,
        issuing::restore_issuer,
        issuing::export_status_list,
        issuing::list_achievements,
        issuing::save_achievement,
        issuing::issue_one,
        issuing::export_issued,
        issuing::choose_recipients_csv,
        issuing::choose_output_folder,
        issuing::start_batch,
        issuing::cancel_batch,
        issuing::open_folder,
        issuing::list_issued,
        issuing::revoke_issued,
        wallet::wallet_import_files,
        wallet::wallet_import_folder,
        wallet::wallet_import_dropped,
        wallet::wallet_import_text,
        wallet::wallet_list,
        wallet::wallet_facets,
        wallet::wallet_show,
        wallet::wallet_reverify,
        wallet::wallet_check_recipient,
        wallet::wallet_set_tags,
        wallet::wallet_set_note,
        wallet::wallet_trash,
        wallet::wallet_restore,
        wallet::wallet_delete_forever,
        wallet::wallet_empty_trash,
        wallet::wallet_collections,
        wallet::wallet_create_collection,
        wallet::wallet_rename_collection,
        wallet::wallet_delete_collection,
        wallet::wallet_set_membership,
        wallet::wallet_export_badge,
        wallet::wallet_export_collection,
        wallet::wallet_backup,
        wallet::wallet_restore_backup
    ]
}

/// Shows the open dialog and inspects the chosen files; none when cancelled.
#[tauri::command]
async fn open_files<R: Runtime>(
    app: AppHandle<R>,
    session: State<'_, InspectorSession>,
) -> Result<Vec<OpenOutcome>, IpcError> {
    let paths = dialogs::pick_badge_files(&app).unwrap_or_default();
    Ok(session.open_paths(&paths))
}

/// Files dropped or given on the command line since the last call, read
/// and inspected.
#[tauri::command]
async fn take_pending(
    session: State<'_, InspectorSession>,
    dropped: State<'_, DroppedPaths>,
) -> Result<Vec<OpenOutcome>, IpcError> {
    session.queue_paths(&dropped.take());
    Ok(session.take_pending())
}

/// Inspects pasted text.
#[tauri::command]
fn inspect_text(session: State<'_, InspectorSession>, text: String) -> OpenOutcome {
    session.open_text(&text)
}

/// Forgets an opened file.
#[tauri::command]
fn close_file(session: State<'_, InspectorSession>, id: u32) {
    session.close(id);
}

/// Asks for a credential and a destination, bakes, saves and opens the result.
#[tauri::command]
async fn bake_into<R: Runtime>(
    app: AppHandle<R>,
    session: State<'_, InspectorSession>,
    id: u32,
) -> Result<Option<BakeSaved>, IpcError> {
    let proposed = default_baked_file_name(&session.file_name(id).unwrap_or_default());
    let Some((credential, out)) = dialogs::pick_credential_and_destination(&app, &proposed) else {
        return Ok(None);
    };
    session
        .bake_into(id, &credential, &out)
        .map(Some)
        .map_err(IpcError::from)
}

/// Asks where to save and writes the embedded text of a file.
#[tauri::command]
async fn save_badge_text<R: Runtime>(
    app: AppHandle<R>,
    session: State<'_, InspectorSession>,
    id: u32,
) -> Result<Option<String>, IpcError> {
    let (_, ext) = session.badge_text(id).map_err(IpcError::from)?;
    let Some(out) =
        dialogs::pick_text_destination(&app, &session.file_name(id).unwrap_or_default(), ext)
    else {
        return Ok(None);
    };
    session.save_badge_text(id, &out).map_err(IpcError::from)?;
    Ok(Some(out.display().to_string()))
}

/// Verifies the badge of an open file: offline, or with the network when the
/// user asked for it. Runs on a worker thread, as online checks wait on the
/// network.
#[tauri::command]
async fn verify_file<R: Runtime>(
    app: AppHandle<R>,
    id: u32,
    online: bool,
) -> Result<Verification, IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        // Status lists this app published settle revocation even offline.
        let local = badgesmith_app::resolve_home(None)
            .map(|home| badgesmith_app::Issuing::local_status_lists(&home))
            .unwrap_or_default();
        app.state::<InspectorSession>().verify(id, online, local)
    })
    .await
    .map_err(|e| IpcError {
        code: badgesmith_app::ErrorCode::Internal,
        message: format!("the verification stopped unexpectedly ({e})"),
    })?
    .map_err(IpcError::from)
}
