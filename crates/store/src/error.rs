//! The one error type of the crate.

/// Everything that can go wrong while opening or using a database.
///
/// `Display` gives one plain sentence without a trailing period, naming the
/// database file or the design it is about, e.g. `designs.db was written by a
/// newer Badgesmith (schema 3, this app knows up to 1); update Badgesmith to
/// open it`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The file exists but is not an SQLite database at all.
    #[error("{path} is not a Badgesmith database (it is not an SQLite file)")]
    NotSqlite {
        /// The database file.
        path: String,
    },

    /// The file is an SQLite database, but another program's.
    #[error(
        "{path} is not a Badgesmith database (it is an SQLite database made by another program)"
    )]
    Foreign {
        /// The database file.
        path: String,
    },

    /// The database was written by a newer Badgesmith, with a schema this
    /// build does not know.
    #[error(
        "{path} was written by a newer Badgesmith (schema {found}, this app knows up to {known}); update Badgesmith to open it"
    )]
    TooNew {
        /// The database file.
        path: String,
        /// The schema version found in the file.
        found: u32,
        /// The newest schema version this build knows, [`SCHEMA_VERSION`](crate::SCHEMA_VERSION).
        known: u32,
    },

    /// SQLite found the file damaged.
    #[error("{path} is damaged and cannot be read ({source})")]
    Corrupt {
        /// The database file.
        path: String,
        /// What SQLite reported.
        source: rusqlite::Error,
    },

    /// A migration failed; the database is left at the schema before it.
    #[error("{path} could not be upgraded to schema {number} ({source})")]
    Migration {
        /// The database file.
        path: String,
        /// The number of the migration that failed.
        number: u32,
        /// What SQLite reported.
        source: rusqlite::Error,
    },

    /// Creating the database's folder or reading its first bytes failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder involved.
        path: String,
        /// The operating system's error.
        source: std::io::Error,
    },

    /// Any other failure reported by SQLite, e.g. `database is locked`.
    #[error("{path}: {source}")]
    Sqlite {
        /// The database file.
        path: String,
        /// What SQLite reported.
        source: rusqlite::Error,
    },

    /// No design (outside the trash) has this id.
    #[error("no design has the id {id}")]
    DesignNotFound {
        /// The id asked for.
        id: String,
    },

    /// No design in the trash has this id.
    #[error("no design in the trash has the id {id}")]
    NotInTrash {
        /// The id asked for.
        id: String,
    },

    /// A design (possibly in the trash) already has this id.
    #[error("a design with the id {id} already exists")]
    DesignExists {
        /// The id that was given.
        id: String,
    },

    /// Nothing of this kind has this id.
    #[error("no {what} has the id {id}")]
    NotFound {
        /// What was looked for (`issuer`, `achievement`, …).
        what: &'static str,
        /// The id asked for.
        id: String,
    },

    /// Something of this kind already has this id.
    #[error("an {what} with the id {id} already exists")]
    Exists {
        /// What was added (`issuer`, `achievement`).
        what: &'static str,
        /// The id (or DID) that was given.
        id: String,
    },

    /// Something of this kind already has this name.
    #[error("a {what} named {name:?} already exists")]
    NameTaken {
        /// What was named (`collection`).
        what: &'static str,
        /// The name that was given.
        name: String,
    },

    /// Several things of this kind have ids starting with what was given.
    #[error("{prefix} could be any of {} (give more of the {what} id)", candidates.join(", "))]
    Ambiguous {
        /// What was looked for.
        what: &'static str,
        /// What was given.
        prefix: String,
        /// Some of the ids it starts.
        candidates: Vec<String>,
    },

    /// A design id was empty.
    #[error("the design id is empty")]
    EmptyId,

    /// A time is not an RFC 3339 UTC string.
    #[error("{value:?} is not an RFC 3339 time in UTC such as 2025-01-31T09:30:00Z")]
    InvalidTime {
        /// The string that was given.
        value: String,
    },
}

impl StoreError {
    /// Wraps an SQLite error with the database it happened on, telling a
    /// damaged file apart from other failures.
    pub(crate) fn sqlite(path: &str, source: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode::{DatabaseCorrupt, NotADatabase};
        let path = path.to_owned();
        match source.sqlite_error_code() {
            // The first bytes were checked before SQLite saw the file, so a
            // "not a database" from SQLite means a damaged header.
            Some(DatabaseCorrupt | NotADatabase) => StoreError::Corrupt { path, source },
            _ => StoreError::Sqlite { path, source },
        }
    }
}
