-- Schema 1: the badge designs the user is working on.
--
-- A migration that has shipped is never edited: change the schema with a new,
-- higher-numbered file (0002_wallet.sql, 0003_issuers.sql, ...) and list it in
-- `MIGRATIONS` in src/migrate.rs. The runner wraps each file in a transaction and
-- sets `PRAGMA user_version` to its number, so a file holds only the schema
-- statements themselves (no BEGIN/COMMIT, no PRAGMA user_version).
--
-- Times are RFC 3339 strings in UTC ("2025-01-31T09:30:00Z") given by the
-- caller; the store never reads the clock. The small columns come first and the
-- large ones last, so listing designs never walks the pages of a body or a
-- thumbnail.
CREATE TABLE designs (
    id         TEXT NOT NULL PRIMARY KEY, -- chosen by the caller
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,                      -- set while the design is in the trash
    body       TEXT NOT NULL,             -- the design JSON, exactly as given
    thumbnail  BLOB                       -- a PNG, or NULL
) STRICT;
