//! The schema: numbered SQL files embedded in the binary, applied in order.

use rusqlite::{Connection, TransactionBehavior};

use crate::StoreError;

/// The `PRAGMA application_id` of every Badgesmith database: the ASCII bytes
/// `BdgS`. A non-empty SQLite file without it is another program's.
///
/// See: <https://www.sqlite.org/fileformat.html#application_id>
pub const APPLICATION_ID: i32 = i32::from_be_bytes(*b"BdgS");

/// Every migration, as `(number, SQL)`, numbered 1, 2, 3… in the order they
/// run. A migration that has shipped is never edited.
pub const MIGRATIONS: &[(u32, &str)] = &[
    (1, include_str!("../migrations/0001_designs.sql")),
    (2, include_str!("../migrations/0002_issuing.sql")),
    (3, include_str!("../migrations/0003_wallet.sql")),
];

/// The newest schema this build knows: the number of the last migration.
pub const SCHEMA_VERSION: u32 = match MIGRATIONS.last() {
    Some((number, _)) => *number,
    None => 0,
};

/// What an open database turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Found {
    /// An empty database: no tables, no application id, version 0.
    Empty,
    /// A Badgesmith database at this schema version.
    Ours(u32),
}

/// Reads the application id, the schema version and whether any table exists,
/// and refuses a database that is not ours or is newer than this build. Only
/// reads.
pub(crate) fn identify(conn: &Connection, path: &str) -> Result<Found, StoreError> {
    let sqlite = |e| StoreError::sqlite(path, e);
    let application_id: i32 = conn
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .map_err(sqlite)?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(sqlite)?;
    let has_objects: bool = conn
        .query_row("SELECT EXISTS (SELECT 1 FROM sqlite_schema)", [], |row| {
            row.get(0)
        })
        .map_err(sqlite)?;

    if application_id == APPLICATION_ID {
        // A negative version was never written by any Badgesmith.
        let found = u32::try_from(version).unwrap_or(u32::MAX);
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: path.to_owned(),
                found,
                known: SCHEMA_VERSION,
            });
        }
        Ok(Found::Ours(found))
    } else if application_id == 0 && version == 0 && !has_objects {
        Ok(Found::Empty)
    } else {
        Err(StoreError::Foreign {
            path: path.to_owned(),
        })
    }
}

/// Brings the database up to [`SCHEMA_VERSION`], one transaction per
/// migration. Each transaction takes the write lock first and checks the
/// version again, so two processes opening the same file never both migrate.
pub(crate) fn migrate(conn: &mut Connection, path: &str) -> Result<(), StoreError> {
    for &(number, sql) in MIGRATIONS {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| StoreError::sqlite(path, e))?;
        let version = match identify(&tx, path)? {
            Found::Empty => 0,
            Found::Ours(version) => version,
        };
        if version >= number {
            continue; // dropping the transaction ends it
        }
        let failed = |source: rusqlite::Error| match StoreError::sqlite(path, source) {
            StoreError::Sqlite { path, source } => StoreError::Migration {
                path,
                number,
                source,
            },
            other => other,
        };
        if version == 0 {
            tx.pragma_update(None, "application_id", APPLICATION_ID)
                .map_err(failed)?;
        }
        tx.execute_batch(sql).map_err(failed)?;
        tx.pragma_update(None, "user_version", number)
            .map_err(failed)?;
        tx.commit().map_err(failed)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_application_id_spells_bdgs() {
        assert_eq!(APPLICATION_ID.to_be_bytes(), *b"BdgS");
        assert_eq!(APPLICATION_ID, 0x4264_6753);
    }

    #[test]
    fn no_migration_manages_its_own_transaction_or_version() {
        for (number, sql) in MIGRATIONS {
            let upper = sql.to_uppercase();
            for word in ["BEGIN", "COMMIT", "USER_VERSION", "APPLICATION_ID"] {
                let in_code = upper
                    .lines()
                    .filter(|line| !line.trim_start().starts_with("--"))
                    .any(|line| line.contains(word));
                assert!(!in_code, "migration {number} contains {word}");
            }
        }
    }
}
