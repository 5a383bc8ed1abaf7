//! Badgesmith's desktop shell: Tauri glue over `badgesmith_app`.
//!
//! [`run`] starts the app; [`run_app`] builds it on any Tauri runtime, so tests
//! can drive it with `tauri::test::mock_builder()`.

#![forbid(unsafe_code)]

mod commands;
mod designer;
mod dialogs;
mod issuing;
mod wallet;

pub use designer::DesignerState;
pub use issuing::IssuingState;
pub use wallet::{DroppedPaths, WalletState};

use std::path::PathBuf;

use badgesmith_app::InspectorSession;
use tauri::{DragDropEvent, Emitter as _, Manager as _, Runtime, WindowEvent};

/// The event that tells the user interface to collect newly arrived files.
pub const FILES_ARRIVED: &str = "files-arrived";

/// Starts the desktop app. Files named on the command line are opened in the
/// Inspector.
pub fn run() {
    let files: Vec<PathBuf> = std::env::args_os()
        .skip(1)
        .map(PathBuf::from)
        .filter(|p| !p.to_string_lossy().starts_with('-'))
        .collect();
    let app = run_app(tauri::Builder::default(), files)
        .build(context())
        .unwrap_or_else(|e| fail(&e));
    app.run(|handle, event| {
        // Unlocked issuer keys are forgotten when the app quits.
        if let tauri::RunEvent::Exit = event {
            handle.state::<IssuingState>().lock_all();
        }
    });
}

/// The app's configuration, assets and access control, compiled in; on any
/// runtime, so tests get the same capabilities as the real app.
pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}

/// The app on runtime `R`: plugins, state, commands and the drop handler.
/// `files` are opened at start-up.
pub fn run_app<R: Runtime>(builder: tauri::Builder<R>, files: Vec<PathBuf>) -> tauri::Builder<R> {
    let home = badgesmith_app::resolve_home(None).map_err(|e| e.to_string());
    run_app_in(builder, files, home)
}

/// Like [`run_app`], with the home folder given (or the reason there is none).
pub fn run_app_in<R: Runtime>(
    builder: tauri::Builder<R>,
    files: Vec<PathBuf>,
    home: Result<PathBuf, String>,
) -> tauri::Builder<R> {
    let session = InspectorSession::new();
    session.queue_paths(&files);
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(session)
        .manage(DesignerState::new(home.clone()))
        .manage(IssuingState::new(home.clone()))
        .manage(WalletState::new(home))
        .manage(DroppedPaths::default())
        .on_window_event(|window, event| {
            if let WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) = event {
                // The page decides where they go: the Wallet imports them,
                // the Inspector opens them. Nothing is read here.
                let app = window.app_handle();
                app.state::<DroppedPaths>().push(paths);
                let _ = app.emit(FILES_ARRIVED, ());
            }
        })
        .invoke_handler(commands::handler())
}

fn fail(e: &tauri::Error) -> ! {
    #[allow(clippy::print_stderr)]
    {
        eprintln!("Badgesmith could not start: {e}");
    }
    std::process::exit(1)
}
