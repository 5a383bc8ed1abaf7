//! Badge designs: the drafts in the designer, with a trash.
//!
//! Every function here looks only at designs outside the trash, except
//! [`Store::restore_design`] and [`Store::purge_design`], which look only
//! inside it.

use rusqlite::{OptionalExtension as _, Params, Row, Transaction, TransactionBehavior, params};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::{Store, StoreError};

/// A design as stored, with its body but without its thumbnail (which
/// [`Store::design_thumbnail`] reads).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DesignRecord {
    /// The id the caller chose when inserting it.
    pub id: String,
    /// The name the user gave it.
    pub name: String,
    /// The design JSON, exactly as it was given.
    pub body: String,
    /// When it was created (RFC 3339, UTC).
    pub created_at: String,
    /// When it was last changed (RFC 3339, UTC).
    pub updated_at: String,
    /// Whether a thumbnail is stored.
    pub has_thumbnail: bool,
}

/// A design in a list: everything but its body and thumbnail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DesignSummary {
    /// The id the caller chose when inserting it.
    pub id: String,
    /// The name the user gave it.
    pub name: String,
    /// When it was created (RFC 3339, UTC).
    pub created_at: String,
    /// When it was last changed (RFC 3339, UTC).
    pub updated_at: String,
    /// Whether a thumbnail is stored.
    pub has_thumbnail: bool,
}

/// What the user edits in a design: written whole by
/// [`Store::insert_design`] and [`Store::update_design`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DesignContent<'a> {
    /// The design's name.
    pub name: &'a str,
    /// The design JSON; stored and returned byte for byte.
    pub body: &'a str,
    /// A PNG thumbnail, or `None` for none.
    pub thumbnail: Option<&'a [u8]>,
}

/// The columns of a [`DesignSummary`], in the order [`summary`] reads them.
const SUMMARY_COLUMNS: &str = "id, name, created_at, updated_at, thumbnail IS NOT NULL";

/// The order of every list: most recently updated first, then by name. The
/// times are compared as instants, so `…:00Z` and `…:00.5Z` sort correctly.
const LIST_ORDER: &str = "julianday(updated_at) DESC, name, id";

impl Store {
    /// Adds a design, created and last updated at `at`.
    ///
    /// Fails with [`StoreError::DesignExists`] if any design, even one in the
    /// trash, has this id.
    pub fn insert_design(
        &mut self,
        id: &str,
        design: &DesignContent<'_>,
        at: &str,
    ) -> Result<(), StoreError> {
        check_id(id)?;
        check_time(at)?;
        let (tx, name) = self.write()?;
        let inserted = tx.execute(
            "INSERT INTO designs (id, name, created_at, updated_at, body, thumbnail)
             VALUES (?1, ?2, ?3, ?3, ?4, ?5)",
            params![id, design.name, at, design.body, design.thumbnail],
        );
        match inserted {
            Ok(_) => tx.commit().map_err(|e| StoreError::sqlite(name, e)),
            Err(e) if is_primary_key_violation(&e) => {
                Err(StoreError::DesignExists { id: id.to_owned() })
            }
            Err(e) => Err(StoreError::sqlite(name, e)),
        }
    }

    /// Replaces a design's name, body and thumbnail (`None` removes it), and
    /// sets its last update to `at`.
    ///
    /// A design in the trash cannot be changed until it is restored.
    pub fn update_design(
        &mut self,
        id: &str,
        design: &DesignContent<'_>,
        at: &str,
    ) -> Result<(), StoreError> {
        check_time(at)?;
        self.change_one(
            "UPDATE designs SET name = ?2, body = ?3, thumbnail = ?4, updated_at = ?5
             WHERE id = ?1 AND deleted_at IS NULL",
            params![id, design.name, design.body, design.thumbnail, at],
            || StoreError::DesignNotFound { id: id.to_owned() },
        )
    }

    /// The design with this id, or `None` if there is none outside the trash.
    pub fn get_design(&self, id: &str) -> Result<Option<DesignRecord>, StoreError> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {SUMMARY_COLUMNS}, body FROM designs
                     WHERE id = ?1 AND deleted_at IS NULL"
                ),
                [id],
                |row| {
                    let summary = summary(row)?;
                    Ok(DesignRecord {
                        id: summary.id,
                        name: summary.name,
                        body: row.get(5)?,
                        created_at: summary.created_at,
                        updated_at: summary.updated_at,
                        has_thumbnail: summary.has_thumbnail,
                    })
                },
            )
            .optional()
            .map_err(|e| self.error(e))
    }

    /// The design's PNG thumbnail, or `None` if it has none or there is no
    /// such design outside the trash.
    pub fn design_thumbnail(&self, id: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let thumbnail: Option<Option<Vec<u8>>> = self
            .conn
            .query_row(
                "SELECT thumbnail FROM designs WHERE id = ?1 AND deleted_at IS NULL",
                [id],
                |row| row.get(0),
            )
            .optional()
            .map_err(|e| self.error(e))?;
        Ok(thumbnail.flatten())
    }

    /// Every design outside the trash, most recently updated first, then by
    /// name.
    pub fn list_designs(&self) -> Result<Vec<DesignSummary>, StoreError> {
        self.summaries(
            &format!(
                "SELECT {SUMMARY_COLUMNS} FROM designs
                 WHERE deleted_at IS NULL ORDER BY {LIST_ORDER}"
            ),
            [],
        )
    }

    /// The designs outside the trash whose name is exactly `query` or whose id
    /// starts with it (case-sensitive), each once: a design whose id is exactly
    /// `query` first, then in the order of [`Store::list_designs`].
    ///
    /// Everything that matches is returned, so that a caller taking a design
    /// name or a short id from the user can say when it is ambiguous. An
    /// empty `query` matches nothing.
    pub fn find_designs_by_name_or_id_prefix(
        &self,
        query: &str,
    ) -> Result<Vec<DesignSummary>, StoreError> {
        if query.is_empty() {
            return Ok(Vec::new());
        }
        self.summaries(
            &format!(
                "SELECT {SUMMARY_COLUMNS} FROM designs
                 WHERE deleted_at IS NULL
                   AND (name = ?1 OR substr(id, 1, length(?1)) = ?1)
                 ORDER BY id = ?1 DESC, {LIST_ORDER}"
            ),
            [query],
        )
    }

    /// Moves a design to the trash, noting `at` as the time it was deleted.
    pub fn delete_design(&mut self, id: &str, at: &str) -> Result<(), StoreError> {
        check_time(at)?;
        self.change_one(
            "UPDATE designs SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
            params![id, at],
            || StoreError::DesignNotFound { id: id.to_owned() },
        )
    }

    /// Takes a design out of the trash, as it was when deleted.
    pub fn restore_design(&mut self, id: &str) -> Result<(), StoreError> {
        self.change_one(
            "UPDATE designs SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
            [id],
            || StoreError::NotInTrash { id: id.to_owned() },
        )
    }

    /// Erases a design in the trash for good. A design outside the trash must
    /// be deleted first.
    pub fn purge_design(&mut self, id: &str) -> Result<(), StoreError> {
        self.change_one(
            "DELETE FROM designs WHERE id = ?1 AND deleted_at IS NOT NULL",
            [id],
            || StoreError::NotInTrash { id: id.to_owned() },
        )
    }

    /// Starts a write transaction holding the write lock from the start, so it
    /// waits for other writers up front instead of failing halfway.
    /// Returns it with the database's name, for errors.
    pub(crate) fn write(&mut self) -> Result<(Transaction<'_>, &str), StoreError> {
        let name = &self.name;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| StoreError::sqlite(name, e))?;
        Ok((tx, name))
    }

    /// Runs one statement that must change exactly one design, in its own
    /// transaction; if it changes none, fails with `missing()`.
    fn change_one(
        &mut self,
        sql: &str,
        params: impl Params,
        missing: impl FnOnce() -> StoreError,
    ) -> Result<(), StoreError> {
        let (tx, name) = self.write()?;
        let sqlite = |e| StoreError::sqlite(name, e);
        let changed = tx.execute(sql, params).map_err(sqlite)?;
        if changed == 0 {
            return Err(missing());
        }
        tx.commit().map_err(sqlite)
    }

    /// Runs a query of [`SUMMARY_COLUMNS`].
    fn summaries(&self, sql: &str, params: impl Params) -> Result<Vec<DesignSummary>, StoreError> {
        let mut statement = self.conn.prepare(sql).map_err(|e| self.error(e))?;
        statement
            .query_map(params, summary)
            .and_then(|rows| rows.collect())
            .map_err(|e| self.error(e))
    }
}

/// Reads the [`SUMMARY_COLUMNS`] of a row.
fn summary(row: &Row<'_>) -> rusqlite::Result<DesignSummary> {
    Ok(DesignSummary {
        id: row.get(0)?,
        name: row.get(1)?,
        created_at: row.get(2)?,
        updated_at: row.get(3)?,
        has_thumbnail: row.get(4)?,
    })
}

fn check_id(id: &str) -> Result<(), StoreError> {
    if id.is_empty() {
        return Err(StoreError::EmptyId);
    }
    Ok(())
}

/// Accepts an RFC 3339 time in UTC written with `T` and `Z`, the form that
/// SQLite's `julianday` also reads, so lists sort by instant.
pub(crate) fn check_time(value: &str) -> Result<(), StoreError> {
    let bytes = value.as_bytes();
    let shaped = bytes.get(10) == Some(&b'T') && bytes.last() == Some(&b'Z');
    if shaped && OffsetDateTime::parse(value, &Rfc3339).is_ok() {
        Ok(())
    } else {
        Err(StoreError::InvalidTime {
            value: value.to_owned(),
        })
    }
}

pub(crate) fn is_primary_key_violation(e: &rusqlite::Error) -> bool {
    e.sqlite_extended_error_code() == Some(rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_must_be_rfc_3339_in_utc() {
        for good in [
            "2025-01-31T09:30:00Z",
            "2025-01-31T09:30:00.123456Z",
            "2024-02-29T23:59:59Z",
        ] {
            assert!(check_time(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "2025-01-31",
            "2025-01-31 09:30:00Z",
            "2025-01-31t09:30:00Z",
            "2025-01-31T09:30:00+01:00",
            "2025-01-31T09:30:00+00:00",
            "2025-02-30T09:30:00Z",
            "yesterday",
        ] {
            assert!(check_time(bad).is_err(), "{bad}");
        }
    }
}
