//! The one error type of the use cases, with a stable code for the user interface.

use serde::Serialize;
use ts_rs::TS;

/// What went wrong, always naming the input it was wrong about.
///
/// `Display` gives one plain sentence without a trailing period, e.g.
/// `badge.png: bad CRC in chunk 3 (IDAT)`; shells add nothing but punctuation.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The image could not be read or written by the baking code.
    #[error("{name}: {source}")]
    Image {
        /// The file (or label) the bytes came from.
        name: String,
        /// What the baking code found.
        source: badgesmith_bake::Error,
    },
    /// The input is neither an image nor a credential.
    #[error("{name}: {reason}")]
    NotABadge {
        /// The file (or label) the bytes came from.
        name: String,
        /// Why it is not recognised.
        reason: String,
    },
    /// An image with no badge baked into it, where one was needed.
    #[error("{name}: no badge is baked into this image")]
    NoBadge {
        /// The image's file name.
        name: String,
    },
    /// A credential that cannot be baked or shown.
    #[error("{name}: {reason}")]
    InvalidCredential {
        /// The credential's file name (or `standard input`).
        name: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The input is larger than the limit.
    #[error("{name}: the file is {size} bytes, more than the {limit}-byte limit")]
    TooLarge {
        /// The file's name.
        name: String,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// Reading or writing a file failed.
    #[error("{name}: {source}")]
    Io {
        /// The path involved.
        name: String,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// No home folder could be found for the application's data.
    #[error(
        "no home folder for Badgesmith's data could be found; pass --home DIR or set BADGESMITH_HOME"
    )]
    NoHome,
    /// A command-line value or request field is malformed.
    #[error("{0}")]
    Usage(String),
    /// A design (or an image for it) cannot be used.
    #[error("{name}: {source}")]
    Design {
        /// The design's file name or label.
        name: String,
        /// What the artwork code found.
        source: badgesmith_art::Error,
    },
    /// No saved design has this id or name.
    #[error("{0}")]
    NotFound(String),
    /// The app's database could not be opened or used.
    #[error("{0}")]
    Store(String),
    /// Something with this name or id already exists.
    #[error("{0}")]
    Exists(String),
    /// The passphrase does not open the issuer's key.
    #[error("{0}")]
    WrongPassphrase(String),
    /// The issuer's key must be unlocked first.
    #[error("{0}")]
    Locked(String),
}

/// A stable, machine-readable error code: the user interface switches on this,
/// never on the message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    /// The image is damaged or malformed.
    InvalidImage,
    /// The file is not a badge image, credential or URL.
    NotABadge,
    /// The image holds no badge.
    NoBadge,
    /// The credential is malformed or of an unknown kind.
    InvalidCredential,
    /// The input exceeds a size limit.
    TooLarge,
    /// A file could not be read or written.
    Io,
    /// The user cancelled a dialog.
    Cancelled,
    /// A request value (e.g. a date) is malformed.
    InvalidRequest,
    /// A design, or an image for it, cannot be used.
    InvalidDesign,
    /// Nothing saved has the id or name given.
    NotFound,
    /// The app's database cannot be opened or used.
    Store,
    /// Something with this name already exists.
    AlreadyExists,
    /// The passphrase does not open the issuer's key.
    WrongPassphrase,
    /// The issuer's key is locked: unlock it with its passphrase first.
    Locked,
    /// Something else went wrong.
    Internal,
}

impl Error {
    /// The stable code for this error.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Image { source, .. } => match source {
                badgesmith_bake::Error::InputTooLarge { .. }
                | badgesmith_bake::Error::TextTooLarge { .. }
                | badgesmith_bake::Error::EmbeddedTextTooLarge { .. } => ErrorCode::TooLarge,
                badgesmith_bake::Error::NotAnImage => ErrorCode::NotABadge,
                _ => ErrorCode::InvalidImage,
            },
            Error::NotABadge { .. } => ErrorCode::NotABadge,
            Error::NoBadge { .. } => ErrorCode::NoBadge,
            Error::InvalidCredential { .. } => ErrorCode::InvalidCredential,
            Error::TooLarge { .. } => ErrorCode::TooLarge,
            Error::Io { .. } => ErrorCode::Io,
            Error::NoHome => ErrorCode::Io,
            Error::Usage(_) => ErrorCode::InvalidRequest,
            Error::Design { source, .. } => match source {
                badgesmith_art::Error::Render(_) => ErrorCode::Internal,
                _ => ErrorCode::InvalidDesign,
            },
            Error::NotFound(_) => ErrorCode::NotFound,
            Error::Store(_) => ErrorCode::Store,
            Error::Exists(_) => ErrorCode::AlreadyExists,
            Error::WrongPassphrase(_) => ErrorCode::WrongPassphrase,
            Error::Locked(_) => ErrorCode::Locked,
        }
    }

    /// Wraps an IO error with the path it happened on.
    pub fn io(path: impl AsRef<std::path::Path>, source: std::io::Error) -> Self {
        Error::Io {
            name: path.as_ref().display().to_string(),
            source,
        }
    }
}
