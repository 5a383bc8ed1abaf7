//! The wallet: badges from any issuer, with the user's tags, notes and
//! collections, a trash, and full-text search.
//!
//! The store keeps what the caller gives it: the original bytes exactly, the
//! credential text exactly as unbaked, and the app's JSON for what it read
//! from the badge and for the last verification. The caller decides when two
//! imports are the same badge by giving each an `identity`; a second badge
//! with an identity already stored is not added.

use rusqlite::types::Value;
use rusqlite::{OptionalExtension as _, Row, Transaction, params, params_from_iter};

use crate::designs::check_time;
use crate::{Store, StoreError};

/// From how many matches on a search walks the badges in order rather than
/// sorting the matches.
const DENSE_MATCHES: i64 = 1000;

/// The largest page [`Store::wallet_page`] returns.
pub const MAX_WALLET_PAGE: u32 = 500;

/// Everything stored about one badge.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WalletEntry {
    /// The badge's id for users.
    pub id: String,
    /// What makes two imports the same badge (chosen by the caller).
    pub identity: String,
    /// The SHA-256 of the original bytes, as hex.
    pub source_sha256: String,
    /// The badge's own id, when it has one.
    pub credential_id: Option<String>,
    /// The achievement's or badge class's name.
    pub name: String,
    /// The issuer's id (URL or DID).
    pub issuer_id: Option<String>,
    /// The issuer's name.
    pub issuer_name: Option<String>,
    /// `ob3`, `ob2`, `ob1` or `unknown`.
    pub version: String,
    /// The verifier's format, e.g. `ob3-json`.
    pub format: String,
    /// `valid`, `invalid`, `expired`, `revoked` or `unverified`.
    pub status: String,
    /// When it was issued or became valid, as the badge says.
    pub issued_on: Option<String>,
    /// When it stops being valid, as the badge says.
    pub expires: Option<String>,
    /// When it was added to the wallet (RFC 3339, UTC).
    pub added_at: String,
    /// When it was last verified (RFC 3339, UTC).
    pub verified_at: String,
    /// When it was put in the trash, or `None`.
    pub trashed_at: Option<String>,
    /// The user's note.
    pub note: String,
    /// The user's tags.
    pub tags: Vec<String>,
    /// The achievement's description (searched, not shown from here).
    pub description: String,
    /// Skills, alignments and the achievement's own tags, as words to search.
    pub skills: String,
    /// The name it was imported under.
    pub file_name: String,
    /// `png`, `svg`, `json`, `jwt` or `url`.
    pub file_kind: String,
    /// The credential text, exactly as unbaked.
    pub badge_text: String,
    /// What the app read from the badge, as the app's JSON.
    pub facts: String,
    /// The last verification, as the app's JSON.
    pub report: String,
    /// The media type of the picture.
    pub image_type: Option<String>,
    /// The picture, when it is not the original file itself.
    pub image: Option<Vec<u8>>,
    /// The exact bytes the user gave.
    pub original: Vec<u8>,
    /// A small PNG of the picture.
    pub thumbnail: Option<Vec<u8>>,
}

/// A badge as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WalletListItem {
    /// The badge's id.
    pub id: String,
    /// The badge's own id, when it has one.
    pub credential_id: Option<String>,
    /// Its name.
    pub name: String,
    /// The issuer's id.
    pub issuer_id: Option<String>,
    /// The issuer's name.
    pub issuer_name: Option<String>,
    /// `ob3`, `ob2`, `ob1` or `unknown`.
    pub version: String,
    /// The verifier's format.
    pub format: String,
    /// The status after the last verification.
    pub status: String,
    /// When it was issued.
    pub issued_on: Option<String>,
    /// When it expires.
    pub expires: Option<String>,
    /// When it was added.
    pub added_at: String,
    /// When it was put in the trash.
    pub trashed_at: Option<String>,
    /// The user's tags, sorted.
    pub tags: Vec<String>,
    /// The thumbnail PNG, when the page asked for them.
    pub thumbnail: Option<Vec<u8>>,
}

/// How a wallet page is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WalletSort {
    /// Newest issued first.
    #[default]
    Newest,
    /// Oldest issued first.
    Oldest,
    /// By name, A to Z.
    Name,
    /// By issuer name, then badge name.
    Issuer,
    /// Most recently added first.
    Added,
}

/// Which badges a page shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WalletFilter {
    /// Words to search for (every word must match, as a prefix).
    pub text: Option<String>,
    /// Only this issuer (its id, or its name when it has no id).
    pub issuer: Option<String>,
    /// Only this status.
    pub status: Option<String>,
    /// Only badges with this tag.
    pub tag: Option<String>,
    /// Only badges in this collection (its id).
    pub collection: Option<String>,
    /// The trash instead of the wallet.
    pub trash: bool,
    /// The order.
    pub sort: WalletSort,
    /// How many to skip.
    pub offset: u32,
    /// How many at most (capped at [`MAX_WALLET_PAGE`]).
    pub limit: u32,
    /// Whether to read thumbnails.
    pub thumbnails: bool,
}

/// One value of a filter, with how many badges have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    /// The value to filter by.
    pub value: String,
    /// How to show it.
    pub label: String,
    /// How many badges (outside the trash) have it.
    pub count: u32,
}

/// What the filters can offer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WalletFacets {
    /// Badges outside the trash.
    pub total: u32,
    /// Badges in the trash.
    pub trashed: u32,
    /// Issuers, by name.
    pub issuers: Vec<FacetValue>,
    /// Statuses.
    pub statuses: Vec<FacetValue>,
    /// Tags, by name.
    pub tags: Vec<FacetValue>,
    /// Collections, by name (value = id).
    pub collections: Vec<FacetValue>,
}

/// A collection of badges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalletCollection {
    /// Its id.
    pub id: String,
    /// Its name, unique ignoring case.
    pub name: String,
    /// When it was made.
    pub created_at: String,
    /// How many badges (outside the trash) it holds.
    pub count: u32,
}

/// What happened to one entry given to [`Store::insert_wallet_badges`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inserted {
    /// It was added.
    Added,
    /// A badge with the same identity was already there: its id.
    AlreadyThere(String),
}

const LIST_COLUMNS: &str = "b.seq, b.id, b.credential_id, b.name, b.issuer_id, b.issuer_name, \
     b.version, b.format, b.status, b.issued_on, b.expires, b.added_at, b.trashed_at";

fn list_item(row: &Row<'_>) -> rusqlite::Result<(i64, WalletListItem)> {
    Ok((
        row.get(0)?,
        WalletListItem {
            id: row.get(1)?,
            credential_id: row.get(2)?,
            name: row.get(3)?,
            issuer_id: row.get(4)?,
            issuer_name: row.get(5)?,
            version: row.get(6)?,
            format: row.get(7)?,
            status: row.get(8)?,
            issued_on: row.get(9)?,
            expires: row.get(10)?,
            added_at: row.get(11)?,
            trashed_at: row.get(12)?,
            tags: Vec::new(),
            thumbnail: None,
        },
    ))
}

/// Turns what the user typed into an FTS5 query: every word must match, as a
/// prefix. `None` when there is no word in it.
pub fn search_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(16)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// A name folded for sorting: compatibility-decomposed, without accents,
/// lowercase; so `Élan` sorts with `elan`, between `Dance` and `First aid`.
pub fn sort_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    use unicode_normalization::char::is_combining_mark;
    name.trim()
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The tags as one line for the search index.
fn tag_text(tags: &[String]) -> String {
    tags.join(" ")
}

/// Tags as the store keeps them: trimmed, no empties, no repeats, sorted.
fn clean_tags(tags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = tags
        .iter()
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect();
    out.sort();
    out.dedup();
    out
}

impl Store {
    /// Adds badges, in one transaction. An entry whose identity is already
    /// stored is not added; the result says which badge has it.
    pub fn insert_wallet_badges(
        &mut self,
        entries: &[WalletEntry],
    ) -> Result<Vec<Inserted>, StoreError> {
        for e in entries {
            check_time(&e.added_at)?;
            check_time(&e.verified_at)?;
            if let Some(at) = &e.trashed_at {
                check_time(at)?;
            }
        }
        let (tx, name) = self.write()?;
        let sqlite = |e| StoreError::sqlite(name, e);
        let mut out = Vec::with_capacity(entries.len());
        for e in entries {
            let existing: Option<String> = tx
                .query_row(
                    "SELECT id FROM wallet_badges WHERE identity = ?1",
                    [&e.identity],
                    |row| row.get(0),
                )
                .optional()
                .map_err(sqlite)?;
            if let Some(id) = existing {
                out.push(Inserted::AlreadyThere(id));
                continue;
            }
            insert_entry(&tx, e).map_err(|source| match source.sqlite_error_code() {
                Some(rusqlite::ErrorCode::ConstraintViolation) => StoreError::Exists {
                    what: "wallet badge",
                    id: e.id.clone(),
                },
                _ => StoreError::sqlite(name, source),
            })?;
            out.push(Inserted::Added);
        }
        tx.commit().map_err(sqlite)?;
        Ok(out)
    }

    /// Every badge's id by the SHA-256 of its original bytes: to skip files
    /// already imported without reading them again.
    pub fn wallet_sources(&self) -> Result<std::collections::HashMap<String, String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT source_sha256, id FROM wallet_badges")
            .map_err(|e| self.error(e))?;
        let rows = stmt
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .map_err(|e| self.error(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.error(e))
    }

    /// The id of the badge with this identity, if any.
    pub fn wallet_id_for_identity(&self, identity: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row(
                "SELECT id FROM wallet_badges WHERE identity = ?1",
                [identity],
                |row| row.get(0),
            )
            .optional()
            .map_err(|e| self.error(e))
    }

    /// The ids of the badges (trash included) with this credential id.
    pub fn wallet_ids_with_credential_id(
        &self,
        credential_id: &str,
    ) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM wallet_badges WHERE credential_id = ?1 ORDER BY seq")
            .map_err(|e| self.error(e))?;
        let rows = stmt
            .query_map([credential_id], |row| row.get(0))
            .map_err(|e| self.error(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.error(e))
    }

    /// Finds the one badge whose id is `id_or_prefix` or starts with it.
    /// `None` when none does; an error naming the candidates when several do.
    pub fn resolve_wallet_id(&self, id_or_prefix: &str) -> Result<Option<String>, StoreError> {
        let wanted = id_or_prefix.trim();
        if wanted.is_empty() {
            return Ok(None);
        }
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id FROM wallet_badges WHERE id = ?1 OR substr(id, 1, length(?1)) = ?1 \
                 ORDER BY id != ?1, id LIMIT 6",
            )
            .map_err(|e| self.error(e))?;
        let found: Vec<String> = stmt
            .query_map([wanted], |row| row.get(0))
            .map_err(|e| self.error(e))?
            .collect::<Result<_, _>>()
            .map_err(|e| self.error(e))?;
        match found.as_slice() {
            [] => Ok(None),
            [one, ..] if one == wanted => Ok(Some(one.clone())),
            [one] => Ok(Some(one.clone())),
            _ => Err(StoreError::Ambiguous {
                what: "wallet badge",
                prefix: wanted.to_owned(),
                candidates: found,
            }),
        }
    }

    /// Everything stored about a badge (trash included).
    pub fn wallet_entry(&self, id: &str) -> Result<Option<WalletEntry>, StoreError> {
        let sql = "SELECT b.id, b.identity, b.credential_id, b.name, b.issuer_id, b.issuer_name, \
                   b.version, b.format, b.status, b.issued_on, b.expires, b.added_at, \
                   b.verified_at, b.trashed_at, b.note, c.file_name, c.file_kind, c.badge_text, \
                   c.facts, c.report, c.image_type, c.image, c.original, t.thumbnail, b.seq, \
                   s.description, s.skills, b.source_sha256 \
                   FROM wallet_badges b JOIN wallet_content c ON c.seq = b.seq \
                   LEFT JOIN wallet_thumbnails t ON t.seq = b.seq \
                   LEFT JOIN wallet_search s ON s.rowid = b.seq WHERE b.id = ?1";
        let found = self
            .conn
            .query_row(sql, [id], |row| {
                Ok((
                    row.get::<_, i64>(24)?,
                    WalletEntry {
                        id: row.get(0)?,
                        identity: row.get(1)?,
                        credential_id: row.get(2)?,
                        name: row.get(3)?,
                        issuer_id: row.get(4)?,
                        issuer_name: row.get(5)?,
                        version: row.get(6)?,
                        format: row.get(7)?,
                        status: row.get(8)?,
                        issued_on: row.get(9)?,
                        expires: row.get(10)?,
                        added_at: row.get(11)?,
                        verified_at: row.get(12)?,
                        trashed_at: row.get(13)?,
                        note: row.get(14)?,
                        file_name: row.get(15)?,
                        file_kind: row.get(16)?,
                        badge_text: row.get(17)?,
                        facts: row.get(18)?,
                        report: row.get(19)?,
                        image_type: row.get(20)?,
                        image: row.get(21)?,
                        original: row.get(22)?,
                        thumbnail: row.get(23)?,
                        description: row.get::<_, Option<String>>(25)?.unwrap_or_default(),
                        skills: row.get::<_, Option<String>>(26)?.unwrap_or_default(),
                        source_sha256: row.get(27)?,
                        tags: Vec::new(),
                    },
                ))
            })
            .optional()
            .map_err(|e| self.error(e))?;
        let Some((seq, mut entry)) = found else {
            return Ok(None);
        };
        entry.tags = self.tags_of(seq)?;
        Ok(Some(entry))
    }

    fn tags_of(&self, seq: i64) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT tag FROM wallet_tags WHERE seq = ?1 ORDER BY tag")
            .map_err(|e| self.error(e))?;
        let rows = stmt
            .query_map([seq], |row| row.get(0))
            .map_err(|e| self.error(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.error(e))
    }

    /// The ids of the collections a badge is in, by collection name.
    pub fn wallet_collections_of(&self, id: &str) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT c.id FROM wallet_members m JOIN wallet_collections c ON c.id = m.collection \
                 JOIN wallet_badges b ON b.seq = m.seq WHERE b.id = ?1 ORDER BY c.name",
            )
            .map_err(|e| self.error(e))?;
        let rows = stmt
            .query_map([id], |row| row.get(0))
            .map_err(|e| self.error(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.error(e))
    }

    /// Every badge id (trash included), oldest first.
    pub fn wallet_ids(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM wallet_badges ORDER BY seq")
            .map_err(|e| self.error(e))?;
        let rows = stmt
            .query_map([], |row| row.get(0))
            .map_err(|e| self.error(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.error(e))
    }

    /// One page of badges and how many match in all.
    pub fn wallet_page(
        &self,
        filter: &WalletFilter,
    ) -> Result<(Vec<WalletListItem>, u32), StoreError> {
        if let Some(found) = self.text_only_page(filter)? {
            return Ok(found);
        }
        let mut from = String::from("FROM wallet_badges b");
        let mut conditions = vec![if filter.trash {
            "b.trashed_at IS NOT NULL".to_owned()
        } else {
            "b.trashed_at IS NULL".to_owned()
        }];
        let mut args: Vec<Value> = Vec::new();
        if let Some(query) = filter.text.as_deref().and_then(search_query) {
            from.push_str(" JOIN wallet_search s ON s.rowid = b.seq");
            args.push(Value::Text(query));
            conditions.push(format!("wallet_search MATCH ?{}", args.len()));
        }
        if let Some(issuer) = &filter.issuer {
            args.push(Value::Text(issuer.clone()));
            conditions.push(format!(
                "COALESCE(b.issuer_id, b.issuer_name, '') = ?{}",
                args.len()
            ));
        }
        if let Some(status) = &filter.status {
            args.push(Value::Text(status.clone()));
            conditions.push(format!("b.status = ?{}", args.len()));
        }
        if let Some(tag) = &filter.tag {
            args.push(Value::Text(tag.clone()));
            conditions.push(format!(
                "b.seq IN (SELECT seq FROM wallet_tags WHERE tag = ?{})",
                args.len()
            ));
        }
        if let Some(collection) = &filter.collection {
            args.push(Value::Text(collection.clone()));
            conditions.push(format!(
                "b.seq IN (SELECT seq FROM wallet_members WHERE collection = ?{})",
                args.len()
            ));
        }
        let where_ = conditions.join(" AND ");
        let order = match filter.sort {
            WalletSort::Newest => "b.issued_on DESC, b.seq DESC",
            WalletSort::Oldest => "b.issued_on IS NULL, b.issued_on ASC, b.seq ASC",
            WalletSort::Name => "b.name_key ASC, b.seq ASC",
            WalletSort::Issuer => {
                "b.issuer_key IS NULL, b.issuer_key ASC, b.name_key ASC, b.seq ASC"
            }
            WalletSort::Added => "b.added_at DESC, b.seq DESC",
        };
        let total: i64 = self
            .conn
            .prepare_cached(&format!("SELECT COUNT(*) {from} WHERE {where_}"))
            .and_then(|mut s| s.query_row(params_from_iter(args.iter()), |row| row.get(0)))
            .map_err(|e| self.error(e))?;
        let limit = filter.limit.min(MAX_WALLET_PAGE);
        args.push(Value::Integer(i64::from(limit)));
        let limit_at = args.len();
        args.push(Value::Integer(i64::from(filter.offset)));
        let offset_at = args.len();
        let sql = format!(
            "SELECT {LIST_COLUMNS} {from} WHERE {where_} ORDER BY {order} \
             LIMIT ?{limit_at} OFFSET ?{offset_at}"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.error(e))?;
        let rows: Vec<(i64, WalletListItem)> = stmt
            .query_map(params_from_iter(args.iter()), list_item)
            .map_err(|e| self.error(e))?
            .collect::<Result<_, _>>()
            .map_err(|e| self.error(e))?;
        let items = self.finish_items(rows, filter.thumbnails)?;
        Ok((items, u32::try_from(total).unwrap_or(u32::MAX)))
    }

    /// A search with no other filter, outside the trash. The total is the
    /// index's own count less the matches in the trash (walked from the
    /// trash's side). When the words match many badges, the badges are walked
    /// in the order asked for and checked against the set of matches, so a
    /// page ends as soon as it is full instead of sorting every match. `None`
    /// when this does not apply.
    fn text_only_page(
        &self,
        filter: &WalletFilter,
    ) -> Result<Option<(Vec<WalletListItem>, u32)>, StoreError> {
        let Some(query) = filter.text.as_deref().and_then(search_query) else {
            return Ok(None);
        };
        if filter.trash
            || filter.issuer.is_some()
            || filter.status.is_some()
            || filter.tag.is_some()
            || filter.collection.is_some()
        {
            return Ok(None);
        }
        let count = |sql: &str| -> Result<i64, StoreError> {
            self.conn
                .prepare_cached(sql)
                .and_then(|mut s| s.query_row([&query], |row| row.get(0)))
                .map_err(|e| self.error(e))
        };
        let matches = count("SELECT COUNT(*) FROM wallet_search WHERE wallet_search MATCH ?1")?;
        let trashed = count(
            // Walks the trash (usually small), not the matches.
            "SELECT COUNT(*) FROM wallet_badges INDEXED BY wallet_by_issued \
             WHERE trashed_at IS NOT NULL AND seq IN \
             (SELECT rowid FROM wallet_search WHERE wallet_search MATCH ?1)",
        )?;
        let (index, order) = match filter.sort {
            WalletSort::Newest => ("wallet_by_issued", "b.issued_on DESC, b.seq DESC"),
            WalletSort::Oldest => (
                "wallet_by_issued",
                "b.issued_on IS NULL, b.issued_on ASC, b.seq ASC",
            ),
            WalletSort::Name => ("wallet_by_name", "b.name_key ASC, b.seq ASC"),
            WalletSort::Issuer => (
                "wallet_by_issuer",
                "b.issuer_key IS NULL, b.issuer_key ASC, b.name_key ASC, b.seq ASC",
            ),
            WalletSort::Added => ("wallet_by_added", "b.added_at DESC, b.seq DESC"),
        };
        let sql = if matches >= DENSE_MATCHES {
            format!(
                "SELECT {LIST_COLUMNS} FROM wallet_badges b INDEXED BY {index} \
                 WHERE b.trashed_at IS NULL AND b.seq IN \
                 (SELECT rowid FROM wallet_search WHERE wallet_search MATCH ?1) \
                 ORDER BY {order} LIMIT ?2 OFFSET ?3"
            )
        } else {
            // Few matches: look each up and sort them.
            format!(
                "SELECT {LIST_COLUMNS} FROM wallet_search s \
                 JOIN wallet_badges b ON b.seq = s.rowid \
                 WHERE wallet_search MATCH ?1 AND b.trashed_at IS NULL \
                 ORDER BY {order} LIMIT ?2 OFFSET ?3"
            )
        };
        let limit = i64::from(filter.limit.min(MAX_WALLET_PAGE));
        let rows: Vec<(i64, WalletListItem)> = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut s| {
                s.query_map(params![query, limit, i64::from(filter.offset)], list_item)?
                    .collect()
            })
            .map_err(|e| self.error(e))?;
        let items = self.finish_items(rows, filter.thumbnails)?;
        let total = matches.saturating_sub(trashed);
        Ok(Some((items, u32::try_from(total).unwrap_or(u32::MAX))))
    }

    /// Adds tags (and thumbnails when asked) to listed badges.
    fn finish_items(
        &self,
        rows: Vec<(i64, WalletListItem)>,
        thumbnails: bool,
    ) -> Result<Vec<WalletListItem>, StoreError> {
        let mut items = Vec::with_capacity(rows.len());
        for (seq, mut item) in rows {
            item.tags = self.tags_of(seq)?;
            if thumbnails {
                item.thumbnail = self
                    .conn
                    .prepare_cached("SELECT thumbnail FROM wallet_thumbnails WHERE seq = ?1")
                    .and_then(|mut s| s.query_row([seq], |row| row.get(0)).optional())
                    .map_err(|e| self.error(e))?;
            }
            items.push(item);
        }
        Ok(items)
    }

    /// What the filters can offer, with counts (outside the trash).
    pub fn wallet_facets(&self) -> Result<WalletFacets, StoreError> {
        let count = |sql: &str| -> Result<u32, StoreError> {
            let n: i64 = self
                .conn
                .query_row(sql, [], |row| row.get(0))
                .map_err(|e| self.error(e))?;
            Ok(u32::try_from(n).unwrap_or(u32::MAX))
        };
        let facet = |sql: &str| -> Result<Vec<FacetValue>, StoreError> {
            let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.error(e))?;
            let rows = stmt
                .query_map([], |row| {
                    let n: i64 = row.get(2)?;
                    Ok(FacetValue {
                        value: row.get(0)?,
                        label: row.get(1)?,
                        count: u32::try_from(n).unwrap_or(u32::MAX),
                    })
                })
                .map_err(|e| self.error(e))?;
            rows.collect::<Result<_, _>>().map_err(|e| self.error(e))
        };
        Ok(WalletFacets {
            total: count("SELECT COUNT(*) FROM wallet_badges WHERE trashed_at IS NULL")?,
            trashed: count("SELECT COUNT(*) FROM wallet_badges WHERE trashed_at IS NOT NULL")?,
            issuers: facet(
                // Read from the index on exactly this expression.
                "SELECT COALESCE(issuer_id, issuer_name, '') AS v, \
                 COALESCE(MAX(issuer_name), NULLIF(COALESCE(issuer_id, issuer_name, ''), ''), \
                 'Unknown issuer'), COUNT(*) \
                 FROM wallet_badges WHERE trashed_at IS NULL GROUP BY v \
                 ORDER BY 2 COLLATE NOCASE",
            )?,
            statuses: facet(
                "SELECT status, status, COUNT(*) FROM wallet_badges WHERE trashed_at IS NULL \
                 GROUP BY status ORDER BY status",
            )?,
            tags: facet(
                "SELECT tag, tag, COUNT(*) FROM wallet_tags WHERE seq NOT IN \
                 (SELECT seq FROM wallet_badges WHERE trashed_at IS NOT NULL) \
                 GROUP BY tag ORDER BY tag COLLATE NOCASE",
            )?,
            collections: self
                .wallet_collections()?
                .into_iter()
                .map(|c| FacetValue {
                    value: c.id,
                    label: c.name,
                    count: c.count,
                })
                .collect(),
        })
    }

    /// Replaces a badge's tags.
    pub fn set_wallet_tags(&mut self, id: &str, tags: &[String]) -> Result<(), StoreError> {
        let tags = clean_tags(tags);
        let (tx, name) = self.write()?;
        let sqlite = |e| StoreError::sqlite(name, e);
        let seq = seq_of(&tx, id)
            .map_err(sqlite)?
            .ok_or_else(|| missing(id))?;
        tx.execute("DELETE FROM wallet_tags WHERE seq = ?1", [seq])
            .map_err(sqlite)?;
        for tag in &tags {
            tx.execute(
                "INSERT INTO wallet_tags (seq, tag) VALUES (?1, ?2)",
                params![seq, tag],
            )
            .map_err(sqlite)?;
        }
        tx.execute(
            "UPDATE wallet_search SET tags = ?2 WHERE rowid = ?1",
            params![seq, tag_text(&tags)],
        )
        .map_err(sqlite)?;
        tx.commit().map_err(sqlite)
    }

    /// Replaces a badge's note.
    pub fn set_wallet_note(&mut self, id: &str, note: &str) -> Result<(), StoreError> {
        self.change_badge(id, "UPDATE wallet_badges SET note = ?2 WHERE id = ?1", note)
    }

    /// Stores a new verification of a badge.
    pub fn set_wallet_verification(
        &mut self,
        id: &str,
        status: &str,
        report: &str,
        verified_at: &str,
    ) -> Result<(), StoreError> {
        check_time(verified_at)?;
        let (tx, name) = self.write()?;
        let sqlite = |e| StoreError::sqlite(name, e);
        let seq = seq_of(&tx, id)
            .map_err(sqlite)?
            .ok_or_else(|| missing(id))?;
        tx.execute(
            "UPDATE wallet_badges SET status = ?2, verified_at = ?3 WHERE seq = ?1",
            params![seq, status, verified_at],
        )
        .map_err(sqlite)?;
        tx.execute(
            "UPDATE wallet_content SET report = ?2 WHERE seq = ?1",
            params![seq, report],
        )
        .map_err(sqlite)?;
        tx.commit().map_err(sqlite)
    }

    /// Replaces what was read from a badge and its verification with a
    /// fresh reading of the same bytes (`fresh`'s id, identity, original,
    /// text, tags, note and times are not used): the badge keeps its id,
    /// tags, note, collections, trash state and the time it was added.
    pub fn refresh_wallet_badge(
        &mut self,
        id: &str,
        fresh: &WalletEntry,
    ) -> Result<(), StoreError> {
        check_time(&fresh.verified_at)?;
        let (tx, name) = self.write()?;
        let sqlite = |e| StoreError::sqlite(name, e);
        let seq = seq_of(&tx, id)
            .map_err(sqlite)?
            .ok_or_else(|| missing(id))?;
        tx.execute(
            "UPDATE wallet_badges SET credential_id = ?2, name = ?3, name_key = ?4, issuer_id = ?5, \
             issuer_name = ?6, issuer_key = ?7, version = ?8, format = ?9, status = ?10, \
             issued_on = ?11, expires = ?12, verified_at = ?13 WHERE seq = ?1",
            params![
                seq,
                fresh.credential_id,
                fresh.name,
                sort_key(&fresh.name),
                fresh.issuer_id,
                fresh.issuer_name,
                fresh.issuer_name.as_deref().map(sort_key),
                fresh.version,
                fresh.format,
                fresh.status,
                fresh.issued_on,
                fresh.expires,
                fresh.verified_at
            ],
        )
        .map_err(sqlite)?;
        tx.execute(
            "UPDATE wallet_content SET facts = ?2, report = ?3, image_type = ?4, image = ?5 \
             WHERE seq = ?1",
            params![
                seq,
                fresh.facts,
                fresh.report,
                fresh.image_type,
                fresh.image
            ],
        )
        .map_err(sqlite)?;
        tx.execute("DELETE FROM wallet_thumbnails WHERE seq = ?1", [seq])
            .map_err(sqlite)?;
        if let Some(thumbnail) = &fresh.thumbnail {
            tx.execute(
                "INSERT INTO wallet_thumbnails (seq, thumbnail) VALUES (?1, ?2)",
                params![seq, thumbnail],
            )
            .map_err(sqlite)?;
        }
        tx.execute(
            "UPDATE wallet_search SET name = ?2, description = ?3, issuer = ?4, skills = ?5 \
             WHERE rowid = ?1",
            params![
                seq,
                fresh.name,
                fresh.description,
                issuer_words(fresh),
                fresh.skills
            ],
        )
        .map_err(sqlite)?;
        tx.commit().map_err(sqlite)
    }

    fn change_badge(&mut self, id: &str, sql: &str, value: &str) -> Result<(), StoreError> {
        let (tx, name) = self.write()?;
        let sqlite = |e| StoreError::sqlite(name, e);
        let changed = tx.execute(sql, params![id, value]).map_err(sqlite)?;
        if changed == 0 {
            return Err(missing(id));
        }
        tx.commit().map_err(sqlite)
    }

    /// Moves badges to the trash (those already there stay as they are).
    pub fn trash_wallet_badges(&mut self, ids: &[String], at: &str) -> Result<(), StoreError> {
        check_time(at)?;
        self.each_badge(
            ids,
            "UPDATE wallet_badges SET trashed_at = COALESCE(trashed_at, ?2) WHERE id = ?1",
            Some(at),
        )
    }

    /// Takes badges out of the trash.
    pub fn restore_wallet_badges(&mut self, ids: &[String]) -> Result<(), StoreError> {
        self.each_badge(
            ids,
            "UPDATE wallet_badges SET trashed_at = NULL WHERE id = ?1",
            None,
        )
    }

    /// Deletes badges for good, with their tags, memberships and search entry.
    pub fn delete_wallet_badges(&mut self, ids: &[String]) -> Result<(), StoreError> {
        let (tx, name) = self.write()?;
        let sqlite = |e| StoreError::sqlite(name, e);
        for id in ids {
            let seq = seq_of(&tx, id)
                .map_err(sqlite)?
                .ok_or_else(|| missing(id))?;
            tx.execute("DELETE FROM wallet_search WHERE rowid = ?1", [seq])
                .map_err(sqlite)?;
            tx.execute("DELETE FROM wallet_badges WHERE seq = ?1", [seq])
                .map_err(sqlite)?;
        }
        tx.commit().map_err(sqlite)
    }

    /// The ids of the badges in the trash.
    pub fn trashed_wallet_ids(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM wallet_badges WHERE trashed_at IS NOT NULL ORDER BY seq")
            .map_err(|e| self.error(e))?;
        let rows = stmt
            .query_map([], |row| row.get(0))
            .map_err(|e| self.error(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.error(e))
    }

    fn each_badge(
        &mut self,
        ids: &[String],
        sql: &str,
        at: Option<&str>,
    ) -> Result<(), StoreError> {
        let (tx, name) = self.write()?;
        let sqlite = |e| StoreError::sqlite(name, e);
        for id in ids {
            let changed = match at {
                Some(at) => tx.execute(sql, params![id, at]),
                None => tx.execute(sql, params![id]),
            }
            .map_err(sqlite)?;
            if changed == 0 {
                return Err(missing(id));
            }
        }
        tx.commit().map_err(sqlite)
    }

    /// Every collection, by name, with how many badges (outside the trash)
    /// each holds.
    pub fn wallet_collections(&self) -> Result<Vec<WalletCollection>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT c.id, c.name, c.created_at, \
                 (SELECT COUNT(*) FROM wallet_members m JOIN wallet_badges b ON b.seq = m.seq \
                  WHERE m.collection = c.id AND b.trashed_at IS NULL) \
                 FROM wallet_collections c ORDER BY c.name COLLATE NOCASE",
            )
            .map_err(|e| self.error(e))?;
        let rows = stmt
            .query_map([], |row| {
                let n: i64 = row.get(3)?;
                Ok(WalletCollection {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    created_at: row.get(2)?,
                    count: u32::try_from(n).unwrap_or(u32::MAX),
                })
            })
            .map_err(|e| self.error(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.error(e))
    }

    /// Makes a collection. Its name must be new (ignoring case).
    pub fn create_wallet_collection(
        &mut self,
        id: &str,
        name: &str,
        at: &str,
    ) -> Result<(), StoreError> {
        check_time(at)?;
        let (tx, db) = self.write()?;
        let taken: bool = tx
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM wallet_collections WHERE name = ?1)",
                [name],
                |row| row.get(0),
            )
            .map_err(|e| StoreError::sqlite(db, e))?;
        if taken {
            return Err(StoreError::NameTaken {
                what: "collection",
                name: name.to_owned(),
            });
        }
        tx.execute(
            "INSERT INTO wallet_collections (id, name, created_at) VALUES (?1, ?2, ?3)",
            params![id, name, at],
        )
        .map_err(|e| StoreError::sqlite(db, e))?;
        tx.commit().map_err(|e| StoreError::sqlite(db, e))
    }

    /// Renames a collection.
    pub fn rename_wallet_collection(&mut self, id: &str, name: &str) -> Result<(), StoreError> {
        let (tx, db) = self.write()?;
        let sqlite = |e| StoreError::sqlite(db, e);
        let taken: bool = tx
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM wallet_collections WHERE name = ?1 AND id != ?2)",
                [name, id],
                |row| row.get(0),
            )
            .map_err(sqlite)?;
        if taken {
            return Err(StoreError::NameTaken {
                what: "collection",
                name: name.to_owned(),
            });
        }
        let changed = tx
            .execute(
                "UPDATE wallet_collections SET name = ?2 WHERE id = ?1",
                [id, name],
            )
            .map_err(sqlite)?;
        if changed == 0 {
            return Err(no_collection(id));
        }
        tx.commit().map_err(sqlite)
    }

    /// Deletes a collection (its badges stay in the wallet).
    pub fn delete_wallet_collection(&mut self, id: &str) -> Result<(), StoreError> {
        let (tx, db) = self.write()?;
        let sqlite = |e| StoreError::sqlite(db, e);
        let changed = tx
            .execute("DELETE FROM wallet_collections WHERE id = ?1", [id])
            .map_err(sqlite)?;
        if changed == 0 {
            return Err(no_collection(id));
        }
        tx.commit().map_err(sqlite)
    }

    /// Puts badges in a collection (`add`) or takes them out.
    pub fn set_wallet_membership(
        &mut self,
        collection: &str,
        ids: &[String],
        add: bool,
    ) -> Result<(), StoreError> {
        let (tx, db) = self.write()?;
        let sqlite = |e| StoreError::sqlite(db, e);
        let exists: bool = tx
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM wallet_collections WHERE id = ?1)",
                [collection],
                |row| row.get(0),
            )
            .map_err(sqlite)?;
        if !exists {
            return Err(no_collection(collection));
        }
        for id in ids {
            let seq = seq_of(&tx, id)
                .map_err(sqlite)?
                .ok_or_else(|| missing(id))?;
            let sql = if add {
                "INSERT OR IGNORE INTO wallet_members (collection, seq) VALUES (?1, ?2)"
            } else {
                "DELETE FROM wallet_members WHERE collection = ?1 AND seq = ?2"
            };
            tx.execute(sql, params![collection, seq]).map_err(sqlite)?;
        }
        tx.commit().map_err(sqlite)
    }

    /// The ids of a collection's badges (outside the trash), by name.
    pub fn wallet_collection_ids(&self, collection: &str) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT b.id FROM wallet_members m JOIN wallet_badges b ON b.seq = m.seq \
                 WHERE m.collection = ?1 AND b.trashed_at IS NULL \
                 ORDER BY b.name_key, b.seq",
            )
            .map_err(|e| self.error(e))?;
        let rows = stmt
            .query_map([collection], |row| row.get(0))
            .map_err(|e| self.error(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.error(e))
    }

    /// Runs `PRAGMA integrity_check` and returns its lines (`["ok"]` when the
    /// file is sound).
    pub fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("PRAGMA integrity_check")
            .map_err(|e| self.error(e))?;
        let rows = stmt
            .query_map([], |row| row.get(0))
            .map_err(|e| self.error(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.error(e))
    }
}

fn seq_of(tx: &Transaction<'_>, id: &str) -> rusqlite::Result<Option<i64>> {
    tx.query_row("SELECT seq FROM wallet_badges WHERE id = ?1", [id], |row| {
        row.get(0)
    })
    .optional()
}

fn missing(id: &str) -> StoreError {
    StoreError::NotFound {
        what: "badge in the wallet",
        id: id.to_owned(),
    }
}

fn no_collection(id: &str) -> StoreError {
    StoreError::NotFound {
        what: "collection",
        id: id.to_owned(),
    }
}

/// The issuer as the search index holds it: its name and id.
fn issuer_words(e: &WalletEntry) -> String {
    match (&e.issuer_name, &e.issuer_id) {
        (Some(name), Some(id)) => format!("{name} {id}"),
        (Some(one), None) | (None, Some(one)) => one.clone(),
        (None, None) => String::new(),
    }
}

fn insert_entry(tx: &Transaction<'_>, e: &WalletEntry) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO wallet_badges (id, identity, credential_id, name, issuer_id, issuer_name, \
         version, format, status, issued_on, expires, added_at, verified_at, trashed_at, note, \
         name_key, issuer_key, source_sha256) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
        params![
            e.id,
            e.identity,
            e.credential_id,
            e.name,
            e.issuer_id,
            e.issuer_name,
            e.version,
            e.format,
            e.status,
            e.issued_on,
            e.expires,
            e.added_at,
            e.verified_at,
            e.trashed_at,
            e.note,
            sort_key(&e.name),
            e.issuer_name.as_deref().map(sort_key),
            e.source_sha256
        ],
    )?;
    let seq = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO wallet_content (seq, file_name, file_kind, badge_text, facts, report, \
         image_type, image, original) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            seq,
            e.file_name,
            e.file_kind,
            e.badge_text,
            e.facts,
            e.report,
            e.image_type,
            e.image,
            e.original
        ],
    )?;
    if let Some(thumbnail) = &e.thumbnail {
        tx.execute(
            "INSERT INTO wallet_thumbnails (seq, thumbnail) VALUES (?1, ?2)",
            params![seq, thumbnail],
        )?;
    }
    let tags = clean_tags(&e.tags);
    for tag in &tags {
        tx.execute(
            "INSERT INTO wallet_tags (seq, tag) VALUES (?1, ?2)",
            params![seq, tag],
        )?;
    }
    let issuer = issuer_words(e);
    tx.execute(
        "INSERT INTO wallet_search (rowid, name, description, issuer, tags, skills) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            seq,
            e.name,
            e.description,
            issuer,
            tag_text(&tags),
            e.skills
        ],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_queries_quote_every_word_as_a_prefix() {
        assert_eq!(
            search_query("First aid"),
            Some("\"First\"* \"aid\"*".into())
        );
        assert_eq!(
            search_query("  \"x\" OR y*  "),
            Some("\"x\"* \"OR\"* \"y\"*".into())
        );
        assert_eq!(search_query(" -- "), None);
        assert_eq!(search_query("Éléphant"), Some("\"Éléphant\"*".into()));
    }

    #[test]
    fn tags_are_trimmed_sorted_and_unique() {
        let tags = clean_tags(&[" b ".into(), "a".into(), "b".into(), "".into()]);
        assert_eq!(tags, ["a", "b"]);
    }
}
