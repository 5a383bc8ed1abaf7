//! Native file dialogs, shown from Rust so that the page never names a path.
//! They block, so they are only called from async commands (worker threads).

use std::path::PathBuf;

use tauri::{AppHandle, Manager as _, Runtime};
use tauri_plugin_dialog::{DialogExt as _, FilePath};

const BADGE_EXTENSIONS: &[&str] = &["png", "svg", "json", "jwt", "jws", "txt"];

/// Badge images or credential files to inspect.
pub(crate) fn pick_badge_files<R: Runtime>(app: &AppHandle<R>) -> Option<Vec<PathBuf>> {
    let files = app
        .dialog()
        .file()
        .set_title("Open badges")
        .add_filter("Badges and credentials", BADGE_EXTENSIONS)
        .add_filter("All files", &["*"])
        .blocking_pick_files()?;
    Some(files.into_iter().filter_map(local).collect())
}

/// A credential to bake, then where to save the baked image.
pub(crate) fn pick_credential_and_destination<R: Runtime>(
    app: &AppHandle<R>,
    proposed_name: &str,
) -> Option<(PathBuf, PathBuf)> {
    let credential = app
        .dialog()
        .file()
        .set_title("Choose the credential to bake")
        .add_filter("Credentials", &["json", "jwt", "jws"])
        .add_filter("All files", &["*"])
        .blocking_pick_file()
        .and_then(local)?;
    let ext = proposed_name.rsplit_once('.').map_or("png", |(_, e)| e);
    let out = app
        .dialog()
        .file()
        .set_title("Save the baked badge")
        .set_file_name(proposed_name)
        .add_filter("Image", &[ext])
        .blocking_save_file()
        .and_then(local)?;
    Some((credential, out))
}

/// Where to save a badge's embedded text.
pub(crate) fn pick_text_destination<R: Runtime>(
    app: &AppHandle<R>,
    image_name: &str,
    ext: &str,
) -> Option<PathBuf> {
    let stem = image_name.rsplit_once('.').map_or(image_name, |(s, _)| s);
    app.dialog()
        .file()
        .set_title("Save the credential")
        .set_file_name(format!("{stem}.{ext}"))
        .add_filter("Credential", &[ext])
        .blocking_save_file()
        .and_then(local)
}

fn local(path: FilePath) -> Option<PathBuf> {
    path.into_path().ok()
}

/// A `.badgedesign.json` file to open.
pub(crate) fn pick_design_file<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    app.dialog()
        .file()
        .set_title("Open a design")
        .add_filter("Badge designs", &["json"])
        .add_filter("All files", &["*"])
        .blocking_pick_file()
        .and_then(local)
}

/// An image (PNG, JPEG or SVG) for an image layer.
pub(crate) fn pick_image<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    app.dialog()
        .file()
        .set_title("Choose an image")
        .add_filter("Images", &["png", "jpg", "jpeg", "svg"])
        .add_filter("All files", &["*"])
        .blocking_pick_file()
        .and_then(local)
}

/// Where to export a design.
pub(crate) fn pick_export_destination<R: Runtime>(
    app: &AppHandle<R>,
    proposed_name: &str,
    filter_name: &str,
    ext: &str,
) -> Option<PathBuf> {
    let last = ext.rsplit('.').next().unwrap_or(ext);
    app.dialog()
        .file()
        .set_title("Export the design")
        .set_file_name(proposed_name)
        .add_filter(filter_name, &[last])
        .blocking_save_file()
        .and_then(local)
}

/// Where to save a file, proposing `proposed_name`.
pub(crate) fn pick_save<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    proposed_name: &str,
    filter_name: &str,
    ext: &str,
) -> Option<PathBuf> {
    app.dialog()
        .file()
        .set_title(title)
        .set_file_name(proposed_name)
        .add_filter(filter_name, &[ext])
        .blocking_save_file()
        .and_then(local)
}

/// Several files to open.
pub(crate) fn pick_files<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    filter_name: &str,
    exts: &[&str],
) -> Option<Vec<PathBuf>> {
    let files = app
        .dialog()
        .file()
        .set_title(title)
        .add_filter(filter_name, exts)
        .add_filter("All files", &["*"])
        .blocking_pick_files()?;
    Some(files.into_iter().filter_map(local).collect())
}

/// One file to open.
pub(crate) fn pick_open<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    filter_name: &str,
    exts: &[&str],
) -> Option<PathBuf> {
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(filter_name, exts)
        .add_filter("All files", &["*"])
        .blocking_pick_file()
        .and_then(local)
}

/// A folder, starting in the user's home folder rather than "Recent" (where
/// nothing can be chosen).
pub(crate) fn pick_folder<R: Runtime>(app: &AppHandle<R>, title: &str) -> Option<PathBuf> {
    let mut dialog = app.dialog().file().set_title(title);
    if let Ok(home) = app.path().home_dir() {
        dialog = dialog.set_directory(home);
    }
    dialog.blocking_pick_folder().and_then(local)
}
