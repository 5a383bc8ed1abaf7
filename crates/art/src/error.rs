use thiserror::Error;

/// What can go wrong with a design, an image or a render. Each message is one
/// sentence; callers put the file name in front.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum Error {
    /// The text is not JSON, or not shaped like a design.
    #[error("the design is not valid: {message}")]
    Json {
        /// Where and what, as serde says it, with the field path.
        message: String,
    },
    /// A field has a value the design cannot use.
    #[error("{path}: {problem}")]
    Field {
        /// The field, e.g. `layers[2].font.size`.
        path: String,
        /// What is wrong with it.
        problem: String,
    },
    /// The design was written by a newer Badgesmith.
    #[error(
        "the design was made by a newer Badgesmith (format version {version}; this version reads up to {supported}); update Badgesmith to open it"
    )]
    NewerVersion {
        /// The file's version.
        version: u64,
        /// The newest version this build reads.
        supported: u32,
    },
    /// The requested output size is out of range.
    #[error("{size} px is not a size Badgesmith renders: choose {min} to {max} px")]
    Size {
        /// The size asked for.
        size: u32,
        /// The smallest size.
        min: u32,
        /// The largest size.
        max: u32,
    },
    /// A user's image cannot be used.
    #[error("{0}")]
    Image(String),
    /// The renderer refused the SVG made from the design (a bug; please report it).
    #[error("the design could not be drawn: {0}")]
    Render(String),
}

impl Error {
    pub(crate) fn field(path: impl Into<String>, problem: impl Into<String>) -> Error {
        Error::Field {
            path: path.into(),
            problem: problem.into(),
        }
    }
}
