//! Generates the permissions for the app's own commands, so that each one is
//! allowed explicitly in `capabilities/`.

const COMMANDS: &[&str] = &[
    "open_files",
    "take_pending",
    "inspect_text",
    "close_file",
    "bake_into",
    "save_badge_text",
    "verify_file",
    "design_catalog",
    "search_glyphs",
    "render_design",
    "list_designs",
    "open_design",
    "save_design",
    "delete_design",
    "restore_design",
    "import_design_file",
    "choose_image",
    "export_design",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .unwrap_or_else(|e| panic!("tauri build step failed: {e}"));
}
