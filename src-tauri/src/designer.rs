//! The Designer's commands: catalog, glyphs, live preview, saved designs,
//! images and export. Rendering runs on worker threads; dialogs are shown from
//! Rust so the page never names a path.

use std::path::PathBuf;
use std::sync::Mutex;

use badgesmith_app::dto::{
    BadgeDesign, ChosenImage, DesignCatalog, DesignSummary, ExportFormat, ExportedFile, GlyphInfo,
    IpcError, RenderedDesign, SavedDesign,
};
use badgesmith_app::{DesignLibrary, Error, ErrorCode};
use tauri::{AppHandle, Manager as _, Runtime, State};

use crate::dialogs;

/// The saved-design library, opened on first use so that a problem with the
/// database is reported where designs are used, not at start-up.
#[derive(Debug)]
pub struct DesignerState {
    home: Result<PathBuf, String>,
    library: Mutex<Option<DesignLibrary>>,
}

impl DesignerState {
    /// The Designer's state for this home folder (or the reason there is none).
    pub fn new(home: Result<PathBuf, String>) -> DesignerState {
        DesignerState {
            home,
            library: Mutex::new(None),
        }
    }

    fn with_library<T>(
        &self,
        f: impl FnOnce(&mut DesignLibrary) -> Result<T, Error>,
    ) -> Result<T, IpcError> {
        let mut guard = self.library.lock().map_err(|_| IpcError {
            code: ErrorCode::Internal,
            message: "the design library stopped after an earlier error; restart Badgesmith".into(),
        })?;
        if guard.is_none() {
            let home = self.home.as_ref().map_err(|m| IpcError {
                code: ErrorCode::Io,
                message: m.clone(),
            })?;
            std::fs::create_dir_all(home).map_err(|e| IpcError::from(&Error::io(home, e)))?;
            *guard = Some(DesignLibrary::open(home).map_err(|e| IpcError::from(&e))?);
        }
        match guard.as_mut() {
            Some(library) => f(library).map_err(|e| IpcError::from(&e)),
            None => Err(IpcError {
                code: ErrorCode::Internal,
                message: "the design library is not open".into(),
            }),
        }
    }
}

fn now() -> String {
    badgesmith_app::timestamp(time::OffsetDateTime::now_utc())
}

fn worker_failed(e: impl std::fmt::Display) -> IpcError {
    IpcError {
        code: ErrorCode::Internal,
        message: format!("the work stopped unexpectedly ({e})"),
    }
}

async fn on_worker<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, IpcError> + Send + 'static,
) -> Result<T, IpcError> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(worker_failed)?
}

fn parse(design: serde_json::Value) -> Result<BadgeDesign, IpcError> {
    badgesmith_app::design_from_value(design).map_err(|e| IpcError::from(&e))
}

/// Templates (with thumbnails), fonts and limits.
#[tauri::command]
pub(crate) async fn design_catalog() -> Result<DesignCatalog, IpcError> {
    on_worker(|| Ok(badgesmith_app::design_catalog())).await
}

/// Glyphs matching a query, best first.
#[tauri::command]
pub(crate) async fn search_glyphs(
    query: String,
    style: Option<badgesmith_app::dto::GlyphStyle>,
    limit: u32,
) -> Result<Vec<GlyphInfo>, IpcError> {
    on_worker(move || {
        Ok(badgesmith_app::search_glyphs(
            &query,
            style,
            usize::try_from(limit).unwrap_or(100),
        ))
    })
    .await
}

/// Renders the design for the live preview.
#[tauri::command]
pub(crate) async fn render_design(
    design: serde_json::Value,
    size: u32,
    draft: bool,
) -> Result<RenderedDesign, IpcError> {
    on_worker(move || {
        let design = parse(design)?;
        badgesmith_app::render_preview(&design, size, draft).map_err(|e| IpcError::from(&e))
    })
    .await
}

/// The saved designs, most recently changed first.
#[tauri::command]
pub(crate) async fn list_designs<R: Runtime>(
    app: AppHandle<R>,
) -> Result<Vec<DesignSummary>, IpcError> {
    on_worker(move || app.state::<DesignerState>().with_library(|l| l.list())).await
}

/// One saved design.
#[tauri::command]
pub(crate) async fn open_design<R: Runtime>(
    app: AppHandle<R>,
    id: String,
) -> Result<SavedDesign, IpcError> {
    on_worker(move || app.state::<DesignerState>().with_library(|l| l.get(&id))).await
}

/// Saves a design: new when `id` is null.
#[tauri::command]
pub(crate) async fn save_design<R: Runtime>(
    app: AppHandle<R>,
    id: Option<String>,
    design: serde_json::Value,
) -> Result<SavedDesign, IpcError> {
    on_worker(move || {
        let design = parse(design)?;
        app.state::<DesignerState>()
            .with_library(|l| l.save(id.as_deref(), &design, &now()))
    })
    .await
}

/// Moves a saved design to the trash.
#[tauri::command]
pub(crate) fn delete_design(state: State<'_, DesignerState>, id: String) -> Result<(), IpcError> {
    state.with_library(|l| l.delete(&id, &now()))
}

/// Brings a design back from the trash (undo of a delete).
#[tauri::command]
pub(crate) fn restore_design(state: State<'_, DesignerState>, id: String) -> Result<(), IpcError> {
    state.with_library(|l| l.restore(&id))
}

/// Asks for a `.badgedesign.json` file and reads it; null when cancelled.
#[tauri::command]
pub(crate) async fn import_design_file<R: Runtime>(
    app: AppHandle<R>,
) -> Result<Option<BadgeDesign>, IpcError> {
    let Some(path) = dialogs::pick_design_file(&app) else {
        return Ok(None);
    };
    on_worker(move || {
        let name = path.display().to_string();
        let bytes = badgesmith_app::read_input(&path).map_err(|e| IpcError::from(&e))?;
        let text = String::from_utf8(bytes).map_err(|_| IpcError {
            code: ErrorCode::InvalidDesign,
            message: format!(
                "{name}: this is not a badge design (a design is a UTF-8 JSON text file)"
            ),
        })?;
        badgesmith_app::parse_design(&name, &text)
            .map(Some)
            .map_err(|e| IpcError::from(&e))
    })
    .await
}

/// Asks for an image and prepares it for an image layer; null when cancelled.
#[tauri::command]
pub(crate) async fn choose_image<R: Runtime>(
    app: AppHandle<R>,
) -> Result<Option<ChosenImage>, IpcError> {
    let Some(path) = dialogs::pick_image(&app) else {
        return Ok(None);
    };
    on_worker(move || {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let bytes = badgesmith_app::read_input(&path).map_err(|e| IpcError::from(&e))?;
        badgesmith_app::choose_image(&name, &bytes)
            .map(Some)
            .map_err(|e| IpcError::from(&e))
    })
    .await
}

/// Asks where to save, then writes the design as PNG, SVG or a design file.
#[tauri::command]
pub(crate) async fn export_design<R: Runtime>(
    app: AppHandle<R>,
    design: serde_json::Value,
    format: ExportFormat,
    size: u32,
) -> Result<Option<ExportedFile>, IpcError> {
    let design = parse(design)?;
    // Check the size before asking where to save.
    if format != ExportFormat::Design
        && !(badgesmith_app::MIN_RENDER_SIZE..=badgesmith_app::MAX_RENDER_SIZE).contains(&size)
    {
        return Err(IpcError {
            code: ErrorCode::InvalidRequest,
            message: format!(
                "{size} px is not a size Badgesmith renders: choose {} to {} px",
                badgesmith_app::MIN_RENDER_SIZE,
                badgesmith_app::MAX_RENDER_SIZE
            ),
        });
    }
    let proposed = badgesmith_app::export_file_name(&design, format);
    let filter = match format {
        ExportFormat::Png => "PNG image",
        ExportFormat::Svg | ExportFormat::SvgLiveText => "SVG image",
        ExportFormat::Design => "Badge design",
    };
    let Some(out) = dialogs::pick_export_destination(
        &app,
        &proposed,
        filter,
        badgesmith_app::export_extension(format),
    ) else {
        return Ok(None);
    };
    on_worker(move || {
        let bytes =
            badgesmith_app::export_bytes(&design, format, size).map_err(|e| IpcError::from(&e))?;
        badgesmith_app::write_atomically(&out, &bytes).map_err(|e| IpcError::from(&e))?;
        Ok(Some(ExportedFile {
            path: out.display().to_string(),
            bytes: bytes.len() as u64,
        }))
    })
    .await
}
