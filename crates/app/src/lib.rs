//! Badgesmith's use cases: the one API that the command-line tool and the desktop
//! shell both call.
//!
//! The shells stay thin: they read files (or receive bytes from a drop or a
//! dialog), call a function here, and print or send the result. Everything the
//! user interface sees is a DTO defined in [`dto`], from which the TypeScript
//! types in `ui/src/lib/ipc/gen/` are generated.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod bake;
mod batch;
mod describe;
mod design;
pub mod dto;
mod error;
mod files;
mod home;
mod inspect;
mod issuing;
mod jws;
mod library;
mod session;
mod verify;
mod version;
mod wallet;

pub use badgesmith_art::{MAX_SIZE as MAX_RENDER_SIZE, MIN_SIZE as MIN_RENDER_SIZE};
pub use badgesmith_credential::{Check, CheckId, CheckStatus, Format, Report};
pub use badgesmith_issuing::keys::MIN_PASSPHRASE_CHARS;
pub use badgesmith_issuing::recipients::COLUMNS as CSV_COLUMNS;
pub use bake::{BakeOutcome, bake_credential, default_baked_file_name};
pub use batch::{BatchRequest, MANIFEST, baked_text, check_batch_csv, read_manifest};
pub use describe::describe;
pub use design::{
    THUMBNAIL_SIZE, choose_image, design_catalog, design_from_value, export_bytes,
    export_extension, export_file_name, parse_design, png_data_url, render_preview, search_glyphs,
};
pub use error::{Error, ErrorCode};
pub use files::{read_input, write_atomically, write_private};
pub use home::resolve_home;
pub use inspect::{MAX_INPUT_BYTES, inspect_bytes, inspect_text, preview_data_url, unbake_text};
pub use issuing::{Issuing, STATUS_LIST_DIR, sha256_hex};
pub use library::{DATABASE_FILE, DesignLibrary, timestamp};
pub use session::InspectorSession;
pub use verify::{
    VerifyRequest, badge_text, parse_at, read_status_list, verify_badge_text, verify_bytes,
};
pub use wallet::{
    BACKUP_EXTENSION, DEFAULT_PAGE, ImportProgress, THUMBNAIL_SIDE, Wallet, file_stem,
};
