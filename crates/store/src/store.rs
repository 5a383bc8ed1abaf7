//! Opening a database: telling ours from everything else, then setting it up.

use std::ffi::OsString;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::StoreError;
use crate::migrate::{self, Found, SCHEMA_VERSION};

/// How long a statement waits for another connection's lock before giving up
/// with `database is locked`.
const BUSY_TIMEOUT: Duration = Duration::from_millis(5000);

/// The first 16 bytes of every SQLite 3 file.
///
/// See: <https://www.sqlite.org/fileformat.html#magic_header_string>
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// An open Badgesmith database.
///
/// Reads take `&self`; every change takes `&mut self` and runs in one
/// transaction. A `Store` can move between threads but not be shared: put it
/// behind a mutex.
#[derive(Debug)]
pub struct Store {
    pub(crate) conn: Connection,
    /// How errors name the database: its path, or `the in-memory database`.
    pub(crate) name: String,
    path: Option<PathBuf>,
}

/// What the first bytes of a file say about it.
enum Sniffed {
    /// No file yet.
    Missing,
    /// A 0-byte file, which SQLite treats as an empty database.
    Empty,
    /// The SQLite magic string.
    Sqlite,
}

impl Store {
    /// Opens the database at `path`, creating it (and its folder) if missing,
    /// and brings its schema up to [`SCHEMA_VERSION`].
    ///
    /// A 0-byte file is taken as a new database. A file that is not SQLite,
    /// an SQLite database of another program (one with tables, or another
    /// `application_id`) and a database written by a newer Badgesmith are
    /// refused before anything is written to them.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let name = path.display().to_string();
        match sniff(path, &name)? {
            Sniffed::Missing => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
                        path: dir.display().to_string(),
                        source,
                    })?;
                }
            }
            Sniffed::Empty => {}
            Sniffed::Sqlite => {
                // With a write-ahead log beside it (another program has the
                // file open, or crashed), the file alone is not the whole
                // database, and the last read-write connection to close would
                // fold the log into it. So look through a read-only connection
                // first, which never writes to either. (A rollback journal left
                // by a crash is rolled back by the read-write open below, as
                // every SQLite program does: a read-only connection cannot read
                // past it.)
                if sibling(path, "-wal").exists() {
                    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
                    let probe = Connection::open_with_flags(path, flags)
                        .map_err(|e| StoreError::sqlite(&name, e))?;
                    probe
                        .busy_timeout(BUSY_TIMEOUT)
                        .map_err(|e| StoreError::sqlite(&name, e))?;
                    migrate::identify(&probe, &name)?;
                }
            }
        }
        // Without SQLITE_OPEN_URI, so that a path starting with `file:` is
        // just a path.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(path, flags).map_err(|e| StoreError::sqlite(&name, e))?;
        let store = Store::set_up(conn, name, Some(path.to_owned()))?;
        owner_only(path);
        Ok(store)
    }

    /// Opens a new, empty database that lives in memory only, for tests.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let name = "the in-memory database".to_owned();
        let conn = Connection::open_in_memory().map_err(|e| StoreError::sqlite(&name, e))?;
        Store::set_up(conn, name, None)
    }

    /// Checks what `conn` holds (reading only), then sets the connection's
    /// options and migrates.
    fn set_up(conn: Connection, name: String, path: Option<PathBuf>) -> Result<Store, StoreError> {
        let mut store = Store { conn, name, path };
        let sqlite = |e| StoreError::sqlite(&store.name, e);
        store.conn.busy_timeout(BUSY_TIMEOUT).map_err(sqlite)?;
        // Refuse before anything below writes to the file.
        let found = migrate::identify(&store.conn, &store.name)?;

        // WAL lets readers go on while one connection writes; it is a property
        // of the file and stays set. An in-memory database answers `memory`.
        let _mode: String = store
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
            .map_err(sqlite)?;
        // Safe with WAL: a power cut may lose the last commits, never
        // consistency.
        store
            .conn
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(sqlite)?;
        store
            .conn
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(sqlite)?;
        // A 32 MiB page cache (the default is 2 MiB): a wallet of many
        // badges is searched and paged without going back to the file.
        store
            .conn
            .pragma_update(None, "cache_size", -32_768)
            .map_err(sqlite)?;

        if found != Found::Ours(SCHEMA_VERSION) {
            migrate::migrate(&mut store.conn, &store.name)?;
        }
        Ok(store)
    }

    /// The database file, or `None` for an in-memory database.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The schema version of the database: [`SCHEMA_VERSION`] once open.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        let version: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(|e| self.error(e))?;
        Ok(u32::try_from(version).unwrap_or(u32::MAX))
    }

    /// Wraps an SQLite error with this database's name.
    pub(crate) fn error(&self, source: rusqlite::Error) -> StoreError {
        StoreError::sqlite(&self.name, source)
    }
}

/// Reads the first bytes of `path`: missing, empty, SQLite, or refused.
fn sniff(path: &Path, name: &str) -> Result<Sniffed, StoreError> {
    let io = |source| StoreError::Io {
        path: name.to_owned(),
        source,
    };
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Sniffed::Missing),
        Err(e) => return Err(io(e)),
    };
    let mut head = Vec::with_capacity(SQLITE_MAGIC.len());
    file.take(SQLITE_MAGIC.len() as u64)
        .read_to_end(&mut head)
        .map_err(io)?;
    if head.is_empty() {
        Ok(Sniffed::Empty)
    } else if head == SQLITE_MAGIC {
        Ok(Sniffed::Sqlite)
    } else {
        Err(StoreError::NotSqlite {
            path: name.to_owned(),
        })
    }
}

/// Makes the database and its `-wal`/`-shm` files readable and writable by
/// their owner only (0600): the database holds sealed issuer keys. SQLite
/// creates the log files with the database file's mode. Best effort: a file
/// the user does not own keeps its mode.
fn owner_only(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        for p in [
            path.to_owned(),
            sibling(path, "-wal"),
            sibling(path, "-shm"),
        ] {
            if let Ok(meta) = std::fs::metadata(&p)
                && meta.permissions().mode() & 0o077 != 0
            {
                let _ = std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600));
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// `path` with `suffix` appended to its file name, as SQLite names its
/// `-wal`, `-shm` and `-journal` files.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = OsString::from(path.as_os_str());
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pragma(store: &Store, name: &str) -> String {
        store
            .conn
            .query_row(&format!("PRAGMA {name}"), [], |row| {
                row.get::<_, rusqlite::types::Value>(0)
            })
            .map(|v| format!("{v:?}"))
            .unwrap()
    }

    #[test]
    fn a_file_database_is_in_wal_mode_with_foreign_keys_on() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("b.db")).unwrap();
        assert_eq!(pragma(&store, "journal_mode"), r#"Text("wal")"#);
        assert_eq!(pragma(&store, "foreign_keys"), "Integer(1)");
        assert_eq!(pragma(&store, "synchronous"), "Integer(1)"); // NORMAL
        assert_eq!(pragma(&store, "busy_timeout"), "Integer(5000)");
    }

    #[test]
    fn an_in_memory_database_has_foreign_keys_on() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(pragma(&store, "foreign_keys"), "Integer(1)");
        assert_eq!(store.path(), None);
    }

    #[test]
    fn a_store_can_move_to_another_thread() {
        fn send<T: Send>() {}
        send::<Store>();
    }

    #[test]
    fn the_sibling_files_are_named_as_sqlite_names_them() {
        assert_eq!(
            sibling(Path::new("/d/x.db"), "-wal"),
            PathBuf::from("/d/x.db-wal")
        );
    }
}
