//! Issuing: issuer profiles with sealed keys, achievements, badge images,
//! CSV batches and the issued log.
//!
//! The store keeps what the caller gives it: the sealed key is already
//! encrypted, an achievement's body is the app's JSON, a credential is the
//! exact text that was signed and baked.

use rusqlite::{OptionalExtension as _, Row, params};

use crate::designs::{check_time, is_primary_key_violation};
use crate::{Store, StoreError};

/// An issuer profile and its sealed key.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IssuerRecord {
    /// Its id in the app.
    pub id: String,
    /// Its `did:key`.
    pub did: String,
    /// The profile; see [`IssuerFields`].
    pub fields: IssuerFields,
    /// The key, sealed by the caller.
    pub sealed_key: String,
    /// When it was created (RFC 3339, UTC).
    pub created_at: String,
    /// When its profile last changed.
    pub updated_at: String,
    /// How many credentials it has issued (read only).
    pub issued_count: u32,
}

/// What the user edits in an issuer profile.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IssuerFields {
    /// The organization's name.
    pub name: String,
    /// Its website.
    pub url: Option<String>,
    /// Its e-mail.
    pub email: Option<String>,
    /// About it.
    pub description: Option<String>,
    /// Its logo, a `data:` URL.
    pub image: Option<String>,
    /// The saved design the logo was drawn from.
    pub image_design_id: Option<String>,
    /// Where its status list is published.
    pub status_list_url: Option<String>,
}

/// An achievement.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AchievementRecord {
    /// Its id in the app.
    pub id: String,
    /// The issuer that awards it.
    pub issuer_id: String,
    /// Its name.
    pub name: String,
    /// Its fields as the app's JSON.
    pub body: String,
    /// A copy of the design its image is drawn from.
    pub design_body: Option<String>,
    /// A small PNG.
    pub thumbnail: Option<Vec<u8>>,
    /// When it was created.
    pub created_at: String,
    /// When it last changed.
    pub updated_at: String,
    /// How many credentials were issued for it (read only).
    pub issued_count: u32,
}

/// A CSV issued into a folder.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BatchRecord {
    /// Its id.
    pub id: String,
    /// The achievement issued.
    pub achievement_id: String,
    /// SHA-256 of the CSV's bytes.
    pub csv_sha256: String,
    /// The output folder, as an absolute path.
    pub output_dir: String,
    /// The issuing settings, as the app writes them.
    pub settings: String,
    /// Rows in the CSV.
    pub total: u32,
    /// When it was first started.
    pub created_at: String,
    /// When a run completed it.
    pub finished_at: Option<String>,
}

/// A credential in the issued log (without its text; see
/// [`Store::issued_credential`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IssuedRecord {
    /// The credential's id.
    pub id: String,
    /// The issuer's id.
    pub issuer_id: String,
    /// The achievement's id.
    pub achievement_id: String,
    /// The batch it came from, if any.
    pub batch_id: Option<String>,
    /// Its row in the batch (0-based).
    pub batch_row: Option<u32>,
    /// E-mail address or DID.
    pub recipient: String,
    /// The recipient's name.
    pub recipient_name: Option<String>,
    /// The achievement's name when issued.
    pub achievement_name: String,
    /// The issuer's name when issued.
    pub issuer_name: String,
    /// When it was issued.
    pub issued_at: String,
    /// Its `validFrom`.
    pub valid_from: String,
    /// Its `validUntil`.
    pub valid_until: Option<String>,
    /// `png` or `svg`.
    pub format: String,
    /// `di` or `jwt`.
    pub proof: String,
    /// The baked file's name.
    pub file_name: String,
    /// SHA-256 of the baked file, hex.
    pub sha256: String,
    /// Its position in the issuer's status list.
    pub status_index: Option<u32>,
    /// When it was revoked.
    pub revoked_at: Option<String>,
    /// Why.
    pub revoked_reason: Option<String>,
    /// The image it was baked into (see [`Store::badge_image`]).
    pub image_sha256: String,
}

const ISSUER_COLUMNS: &str = "i.id, i.did, i.name, i.url, i.email, i.description, i.image, \
    i.image_design_id, i.status_list_url, i.sealed_key, i.created_at, i.updated_at, \
    (SELECT count(*) FROM issued WHERE issuer_id = i.id)";

fn issuer(row: &Row<'_>) -> rusqlite::Result<IssuerRecord> {
    Ok(IssuerRecord {
        id: row.get(0)?,
        did: row.get(1)?,
        fields: IssuerFields {
            name: row.get(2)?,
            url: row.get(3)?,
            email: row.get(4)?,
            description: row.get(5)?,
            image: row.get(6)?,
            image_design_id: row.get(7)?,
            status_list_url: row.get(8)?,
        },
        sealed_key: row.get(9)?,
        created_at: row.get(10)?,
        updated_at: row.get(11)?,
        issued_count: row.get(12)?,
    })
}

const ACHIEVEMENT_COLUMNS: &str = "a.id, a.issuer_id, a.name, a.body, a.design_body, a.thumbnail, \
    a.created_at, a.updated_at, (SELECT count(*) FROM issued WHERE achievement_id = a.id)";

fn achievement(row: &Row<'_>) -> rusqlite::Result<AchievementRecord> {
    Ok(AchievementRecord {
        id: row.get(0)?,
        issuer_id: row.get(1)?,
        name: row.get(2)?,
        body: row.get(3)?,
        design_body: row.get(4)?,
        thumbnail: row.get(5)?,
        created_at: row.get(6)?,
        updated_at: row.get(7)?,
        issued_count: row.get(8)?,
    })
}

const ISSUED_COLUMNS: &str = "id, issuer_id, achievement_id, batch_id, batch_row, recipient, \
    recipient_name, achievement_name, issuer_name, issued_at, valid_from, valid_until, format, \
    proof, file_name, sha256, status_index, revoked_at, revoked_reason, image_sha256";

fn issued(row: &Row<'_>) -> rusqlite::Result<IssuedRecord> {
    Ok(IssuedRecord {
        id: row.get(0)?,
        issuer_id: row.get(1)?,
        achievement_id: row.get(2)?,
        batch_id: row.get(3)?,
        batch_row: row.get(4)?,
        recipient: row.get(5)?,
        recipient_name: row.get(6)?,
        achievement_name: row.get(7)?,
        issuer_name: row.get(8)?,
        issued_at: row.get(9)?,
        valid_from: row.get(10)?,
        valid_until: row.get(11)?,
        format: row.get(12)?,
        proof: row.get(13)?,
        file_name: row.get(14)?,
        sha256: row.get(15)?,
        status_index: row.get(16)?,
        revoked_at: row.get(17)?,
        revoked_reason: row.get(18)?,
        image_sha256: row.get(19)?,
    })
}

const BATCH_COLUMNS: &str =
    "id, achievement_id, csv_sha256, output_dir, settings, total, created_at, finished_at";

fn batch(row: &Row<'_>) -> rusqlite::Result<BatchRecord> {
    Ok(BatchRecord {
        id: row.get(0)?,
        achievement_id: row.get(1)?,
        csv_sha256: row.get(2)?,
        output_dir: row.get(3)?,
        settings: row.get(4)?,
        total: row.get(5)?,
        created_at: row.get(6)?,
        finished_at: row.get(7)?,
    })
}

/// Escapes `%`, `_` and `\` for a `LIKE … ESCAPE '\'` pattern.
fn like_pattern(query: &str) -> String {
    let mut out = String::from("%");
    for c in query.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

impl Store {
    fn rows<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, StoreError> {
        let mut st = self.conn.prepare_cached(sql).map_err(|e| self.error(e))?;
        st.query_map(params, f)
            .and_then(|rows| rows.collect())
            .map_err(|e| self.error(e))
    }

    // ------------------------------------------------------------ issuers

    /// Adds an issuer. Fails with [`StoreError::Exists`] when the id or the
    /// DID is taken.
    pub fn insert_issuer(&mut self, issuer: &IssuerRecord) -> Result<(), StoreError> {
        check_time(&issuer.created_at)?;
        let (tx, name) = self.write()?;
        let f = &issuer.fields;
        let result = tx.execute(
            "INSERT INTO issuers (id, did, name, url, email, description, image, image_design_id,
                 status_list_url, sealed_key, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
            params![
                issuer.id,
                issuer.did,
                f.name,
                f.url,
                f.email,
                f.description,
                f.image,
                f.image_design_id,
                f.status_list_url,
                issuer.sealed_key,
                issuer.created_at
            ],
        );
        match result {
            Ok(_) => tx.commit().map_err(|e| StoreError::sqlite(name, e)),
            Err(e)
                if is_primary_key_violation(&e)
                    || e.sqlite_extended_error_code()
                        == Some(rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE) =>
            {
                Err(StoreError::Exists {
                    what: "issuer",
                    id: issuer.did.clone(),
                })
            }
            Err(e) => Err(StoreError::sqlite(name, e)),
        }
    }

    /// Replaces an issuer's profile.
    pub fn update_issuer(
        &mut self,
        id: &str,
        fields: &IssuerFields,
        at: &str,
    ) -> Result<(), StoreError> {
        check_time(at)?;
        let (tx, name) = self.write()?;
        let n = tx
            .execute(
                "UPDATE issuers SET name = ?2, url = ?3, email = ?4, description = ?5, image = ?6,
                     image_design_id = ?7, status_list_url = ?8, updated_at = ?9 WHERE id = ?1",
                params![
                    id,
                    fields.name,
                    fields.url,
                    fields.email,
                    fields.description,
                    fields.image,
                    fields.image_design_id,
                    fields.status_list_url,
                    at
                ],
            )
            .map_err(|e| StoreError::sqlite(name, e))?;
        if n == 0 {
            return Err(StoreError::NotFound {
                what: "issuer",
                id: id.to_owned(),
            });
        }
        tx.commit().map_err(|e| StoreError::sqlite(name, e))
    }

    /// The issuer with this id.
    pub fn get_issuer(&self, id: &str) -> Result<Option<IssuerRecord>, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {ISSUER_COLUMNS} FROM issuers i WHERE i.id = ?1"),
                [id],
                issuer,
            )
            .optional()
            .map_err(|e| self.error(e))
    }

    /// Every issuer, oldest first.
    pub fn list_issuers(&self) -> Result<Vec<IssuerRecord>, StoreError> {
        self.rows(
            &format!("SELECT {ISSUER_COLUMNS} FROM issuers i ORDER BY i.created_at, i.id"),
            [],
            issuer,
        )
    }

    /// Issuers whose id starts with `query`, whose DID or name is `query`
    /// (the name ignoring case): an exact id first.
    pub fn find_issuers(&self, query: &str) -> Result<Vec<IssuerRecord>, StoreError> {
        if query.is_empty() {
            return Ok(Vec::new());
        }
        self.rows(
            &format!(
                "SELECT {ISSUER_COLUMNS} FROM issuers i
                 WHERE substr(i.id, 1, length(?1)) = ?1 OR i.did = ?1 OR lower(i.name) = lower(?1)
                 ORDER BY i.id = ?1 DESC, i.created_at, i.id"
            ),
            [query],
            issuer,
        )
    }

    /// Hands out `count` consecutive status-list positions of an issuer and
    /// returns the first. Positions are never handed out twice, even if the
    /// credentials they were for are never written.
    pub fn reserve_status_positions(
        &mut self,
        issuer_id: &str,
        count: u32,
    ) -> Result<u32, StoreError> {
        let (tx, name) = self.write()?;
        let start: Option<u32> = tx
            .query_row(
                "UPDATE issuers SET status_next = status_next + ?2 WHERE id = ?1
                 RETURNING status_next - ?2",
                params![issuer_id, count],
                |row| row.get(0),
            )
            .optional()
            .map_err(|e| StoreError::sqlite(name, e))?;
        let start = start.ok_or_else(|| StoreError::NotFound {
            what: "issuer",
            id: issuer_id.to_owned(),
        })?;
        tx.commit().map_err(|e| StoreError::sqlite(name, e))?;
        Ok(start)
    }

    /// How many status-list positions of an issuer were handed out.
    pub fn status_positions_used(&self, issuer_id: &str) -> Result<u32, StoreError> {
        self.conn
            .query_row(
                "SELECT status_next FROM issuers WHERE id = ?1",
                [issuer_id],
                |row| row.get(0),
            )
            .optional()
            .map_err(|e| self.error(e))?
            .ok_or_else(|| StoreError::NotFound {
                what: "issuer",
                id: issuer_id.to_owned(),
            })
    }

    // ------------------------------------------------------------ achievements

    /// Adds an achievement.
    pub fn insert_achievement(&mut self, a: &AchievementRecord) -> Result<(), StoreError> {
        check_time(&a.created_at)?;
        let (tx, name) = self.write()?;
        let result = tx.execute(
            "INSERT INTO achievements (id, issuer_id, name, body, design_body, thumbnail, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![a.id, a.issuer_id, a.name, a.body, a.design_body, a.thumbnail, a.created_at],
        );
        match result {
            Ok(_) => tx.commit().map_err(|e| StoreError::sqlite(name, e)),
            Err(e) if is_primary_key_violation(&e) => Err(StoreError::Exists {
                what: "achievement",
                id: a.id.clone(),
            }),
            Err(e) => Err(StoreError::sqlite(name, e)),
        }
    }

    /// Replaces an achievement's issuer, name, body, design and thumbnail;
    /// `a.updated_at` is the time of the change.
    pub fn update_achievement(&mut self, a: &AchievementRecord) -> Result<(), StoreError> {
        check_time(&a.updated_at)?;
        let (tx, name) = self.write()?;
        let n = tx
            .execute(
                "UPDATE achievements SET issuer_id = ?2, name = ?3, body = ?4, design_body = ?5,
                     thumbnail = ?6, updated_at = ?7 WHERE id = ?1",
                params![
                    a.id,
                    a.issuer_id,
                    a.name,
                    a.body,
                    a.design_body,
                    a.thumbnail,
                    a.updated_at
                ],
            )
            .map_err(|e| StoreError::sqlite(name, e))?;
        if n == 0 {
            return Err(StoreError::NotFound {
                what: "achievement",
                id: a.id.clone(),
            });
        }
        tx.commit().map_err(|e| StoreError::sqlite(name, e))
    }

    /// The achievement with this id.
    pub fn get_achievement(&self, id: &str) -> Result<Option<AchievementRecord>, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {ACHIEVEMENT_COLUMNS} FROM achievements a WHERE a.id = ?1"),
                [id],
                achievement,
            )
            .optional()
            .map_err(|e| self.error(e))
    }

    /// Achievements, newest first; only one issuer's when given.
    pub fn list_achievements(
        &self,
        issuer_id: Option<&str>,
    ) -> Result<Vec<AchievementRecord>, StoreError> {
        self.rows(
            &format!(
                "SELECT {ACHIEVEMENT_COLUMNS} FROM achievements a
                 WHERE ?1 IS NULL OR a.issuer_id = ?1
                 ORDER BY julianday(a.created_at) DESC, a.name, a.id"
            ),
            [issuer_id],
            achievement,
        )
    }

    /// Achievements whose id starts with `query` or whose name is `query`
    /// (ignoring case): an exact id first.
    pub fn find_achievements(&self, query: &str) -> Result<Vec<AchievementRecord>, StoreError> {
        if query.is_empty() {
            return Ok(Vec::new());
        }
        self.rows(
            &format!(
                "SELECT {ACHIEVEMENT_COLUMNS} FROM achievements a
                 WHERE substr(a.id, 1, length(?1)) = ?1 OR lower(a.name) = lower(?1)
                 ORDER BY a.id = ?1 DESC, julianday(a.created_at) DESC, a.id"
            ),
            [query],
            achievement,
        )
    }

    // ------------------------------------------------------------ images and batches

    /// Keeps an image badges are baked into (once per content).
    pub fn put_badge_image(
        &mut self,
        sha256: &str,
        mime: &str,
        bytes: &[u8],
    ) -> Result<(), StoreError> {
        let (tx, name) = self.write()?;
        tx.execute(
            "INSERT OR IGNORE INTO badge_images (sha256, mime, bytes) VALUES (?1, ?2, ?3)",
            params![sha256, mime, bytes],
        )
        .map_err(|e| StoreError::sqlite(name, e))?;
        tx.commit().map_err(|e| StoreError::sqlite(name, e))
    }

    /// An image kept by [`Store::put_badge_image`]: its type and bytes.
    pub fn badge_image(&self, sha256: &str) -> Result<Option<(String, Vec<u8>)>, StoreError> {
        self.conn
            .query_row(
                "SELECT mime, bytes FROM badge_images WHERE sha256 = ?1",
                [sha256],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()
            .map_err(|e| self.error(e))
    }

    /// The batch of this CSV, achievement, folder and settings, if one was
    /// started.
    pub fn find_batch(
        &self,
        achievement_id: &str,
        csv_sha256: &str,
        output_dir: &str,
        settings: &str,
    ) -> Result<Option<BatchRecord>, StoreError> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {BATCH_COLUMNS} FROM batches WHERE achievement_id = ?1
                     AND csv_sha256 = ?2 AND output_dir = ?3 AND settings = ?4"
                ),
                params![achievement_id, csv_sha256, output_dir, settings],
                batch,
            )
            .optional()
            .map_err(|e| self.error(e))
    }

    /// Records a new batch.
    pub fn insert_batch(&mut self, b: &BatchRecord) -> Result<(), StoreError> {
        check_time(&b.created_at)?;
        let (tx, name) = self.write()?;
        tx.execute(
            "INSERT INTO batches (id, achievement_id, csv_sha256, output_dir, settings, total, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![b.id, b.achievement_id, b.csv_sha256, b.output_dir, b.settings, b.total, b.created_at],
        )
        .map_err(|e| StoreError::sqlite(name, e))?;
        tx.commit().map_err(|e| StoreError::sqlite(name, e))
    }

    /// Marks a batch complete.
    pub fn finish_batch(&mut self, id: &str, at: &str) -> Result<(), StoreError> {
        check_time(at)?;
        let (tx, name) = self.write()?;
        tx.execute(
            "UPDATE batches SET finished_at = ?2 WHERE id = ?1",
            params![id, at],
        )
        .map_err(|e| StoreError::sqlite(name, e))?;
        tx.commit().map_err(|e| StoreError::sqlite(name, e))
    }

    /// The credentials of a batch, by row.
    pub fn batch_issued(&self, batch_id: &str) -> Result<Vec<IssuedRecord>, StoreError> {
        self.rows(
            &format!("SELECT {ISSUED_COLUMNS} FROM issued WHERE batch_id = ?1 ORDER BY batch_row"),
            [batch_id],
            issued,
        )
    }

    // ------------------------------------------------------------ the issued log

    /// Logs credentials, all in one transaction: either all are kept or none.
    /// Each comes with its exact text.
    pub fn insert_issued(&mut self, items: &[(IssuedRecord, &str)]) -> Result<(), StoreError> {
        for (r, _) in items {
            check_time(&r.issued_at)?;
        }
        let (tx, name) = self.write()?;
        {
            let mut st = tx
                .prepare_cached(&format!(
                    "INSERT INTO issued ({ISSUED_COLUMNS}, credential) VALUES
                     (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)"
                ))
                .map_err(|e| StoreError::sqlite(name, e))?;
            for (r, text) in items {
                st.execute(params![
                    r.id,
                    r.issuer_id,
                    r.achievement_id,
                    r.batch_id,
                    r.batch_row,
                    r.recipient,
                    r.recipient_name,
                    r.achievement_name,
                    r.issuer_name,
                    r.issued_at,
                    r.valid_from,
                    r.valid_until,
                    r.format,
                    r.proof,
                    r.file_name,
                    r.sha256,
                    r.status_index,
                    r.revoked_at,
                    r.revoked_reason,
                    r.image_sha256,
                    text
                ])
                .map_err(|e| StoreError::sqlite(name, e))?;
            }
        }
        tx.commit().map_err(|e| StoreError::sqlite(name, e))
    }

    /// A page of the issued log, newest first, with the number of matches.
    /// `query` matches recipient, name, achievement, issuer and file name
    /// (ignoring case for ASCII letters); empty matches everything.
    pub fn list_issued(
        &self,
        query: &str,
        offset: u32,
        limit: u32,
    ) -> Result<(Vec<IssuedRecord>, u32), StoreError> {
        let pattern = like_pattern(query.trim());
        let filter =
            "(?1 = '%%' OR recipient LIKE ?1 ESCAPE '\\' OR recipient_name LIKE ?1 ESCAPE '\\'
             OR achievement_name LIKE ?1 ESCAPE '\\' OR issuer_name LIKE ?1 ESCAPE '\\'
             OR file_name LIKE ?1 ESCAPE '\\' OR id = ?2)";
        let total: u32 = self
            .conn
            .query_row(
                &format!("SELECT count(*) FROM issued WHERE {filter}"),
                params![pattern, query.trim()],
                |row| row.get(0),
            )
            .map_err(|e| self.error(e))?;
        let items = self.rows(
            &format!(
                "SELECT {ISSUED_COLUMNS} FROM issued WHERE {filter}
                 ORDER BY issued_at DESC, batch_row DESC, id LIMIT ?3 OFFSET ?4"
            ),
            params![pattern, query.trim(), limit, offset],
            issued,
        )?;
        Ok((items, total))
    }

    /// Credentials whose id is `query` or ends with it, or starts with it
    /// after `urn:uuid:`.
    pub fn find_issued(&self, query: &str) -> Result<Vec<IssuedRecord>, StoreError> {
        if query.is_empty() {
            return Ok(Vec::new());
        }
        self.rows(
            &format!(
                "SELECT {ISSUED_COLUMNS} FROM issued
                 WHERE id = ?1 OR substr(id, 1, length(?1)) = ?1
                    OR substr(id, 10, length(?1)) = ?1
                 ORDER BY id = ?1 DESC, issued_at DESC LIMIT 10"
            ),
            [query],
            issued,
        )
    }

    /// One credential in the log.
    pub fn get_issued(&self, id: &str) -> Result<Option<IssuedRecord>, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {ISSUED_COLUMNS} FROM issued WHERE id = ?1"),
                [id],
                issued,
            )
            .optional()
            .map_err(|e| self.error(e))
    }

    /// The exact text of a logged credential.
    pub fn issued_credential(&self, id: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT credential FROM issued WHERE id = ?1", [id], |row| {
                row.get(0)
            })
            .optional()
            .map_err(|e| self.error(e))
    }

    /// Marks a credential revoked. Revoking twice keeps the first time.
    pub fn revoke_issued(
        &mut self,
        id: &str,
        at: &str,
        reason: Option<&str>,
    ) -> Result<(), StoreError> {
        check_time(at)?;
        let (tx, name) = self.write()?;
        let n = tx
            .execute(
                "UPDATE issued SET revoked_at = coalesce(revoked_at, ?2),
                     revoked_reason = coalesce(revoked_reason, ?3) WHERE id = ?1",
                params![id, at, reason],
            )
            .map_err(|e| StoreError::sqlite(name, e))?;
        if n == 0 {
            return Err(StoreError::NotFound {
                what: "issued credential",
                id: id.to_owned(),
            });
        }
        tx.commit().map_err(|e| StoreError::sqlite(name, e))
    }

    /// The status-list positions of an issuer's revoked credentials.
    pub fn revoked_positions(&self, issuer_id: &str) -> Result<Vec<u32>, StoreError> {
        self.rows(
            "SELECT status_index FROM issued WHERE issuer_id = ?1
             AND revoked_at IS NOT NULL AND status_index IS NOT NULL ORDER BY status_index",
            [issuer_id],
            |row| row.get(0),
        )
    }
}
