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
    "list_issuers",
    "create_issuer",
    "import_issuer_seed",
    "update_issuer",
    "unlock_issuer",
    "lock_issuer",
    "backup_issuer",
    "restore_issuer",
    "export_status_list",
    "list_achievements",
    "save_achievement",
    "issue_one",
    "export_issued",
    "choose_recipients_csv",
    "choose_output_folder",
    "start_batch",
    "cancel_batch",
    "open_folder",
    "list_issued",
    "revoke_issued",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .unwrap_or_else(|e| panic!("tauri build step failed: {e}"));
}
