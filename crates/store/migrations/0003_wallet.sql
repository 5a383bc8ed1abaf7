-- Schema 3: the wallet. Badges from any issuer, kept as the exact bytes the
-- user gave, with what the app read from them, the last verification report,
-- an image and a thumbnail, and the user's tags, collections and notes.
--
-- `wallet_badges` is the lean table that lists, sorts and filters; the large
-- parts of a badge live in `wallet_content` and `wallet_thumbnails`, so that
-- scanning and sorting never read them. `seq` is the row number shared by the
-- three tables and the search index; `id` is the badge's id for users.
CREATE TABLE wallet_badges (
    seq           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    identity      TEXT NOT NULL UNIQUE, -- what makes two imports the same badge
    source_sha256 TEXT NOT NULL,        -- SHA-256 of the original bytes
    credential_id TEXT,                 -- the badge's own id, when it has one
    name          TEXT NOT NULL,
    name_key      TEXT NOT NULL,        -- the name folded for sorting (case, accents)
    issuer_id     TEXT,
    issuer_name   TEXT,
    issuer_key    TEXT,                 -- the issuer's name folded for sorting
    version       TEXT NOT NULL CHECK (version IN ('ob3', 'ob2', 'ob1', 'unknown')),
    format        TEXT NOT NULL,        -- the verifier's format, e.g. ob3-json
    status        TEXT NOT NULL
                  CHECK (status IN ('valid', 'invalid', 'expired', 'revoked', 'unverified')),
    issued_on     TEXT,                 -- RFC 3339, as the badge says
    expires       TEXT,
    added_at      TEXT NOT NULL,
    verified_at   TEXT NOT NULL,
    trashed_at    TEXT,                 -- in the trash since then, or NULL
    note          TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX wallet_by_issued ON wallet_badges (trashed_at, issued_on);
CREATE INDEX wallet_by_added ON wallet_badges (trashed_at, added_at);
CREATE INDEX wallet_by_name ON wallet_badges (trashed_at, name_key);
CREATE INDEX wallet_by_issuer ON wallet_badges (trashed_at, issuer_key, name_key);
CREATE INDEX wallet_by_credential ON wallet_badges (credential_id);
CREATE INDEX wallet_by_source ON wallet_badges (source_sha256);
-- The filters' counts read these alone, never the rows.
CREATE INDEX wallet_by_status ON wallet_badges (trashed_at, status);
CREATE INDEX wallet_by_issuer_id
    ON wallet_badges (trashed_at, COALESCE(issuer_id, issuer_name, ''), issuer_name);

CREATE TABLE wallet_content (
    seq        INTEGER PRIMARY KEY REFERENCES wallet_badges (seq) ON DELETE CASCADE,
    file_name  TEXT NOT NULL,  -- the name it was imported under
    file_kind  TEXT NOT NULL CHECK (file_kind IN ('png', 'svg', 'json', 'jwt', 'url')),
    badge_text TEXT NOT NULL,  -- the credential text, exactly as unbaked
    facts      TEXT NOT NULL,  -- what the app read from it, JSON
    report     TEXT NOT NULL,  -- the last verification, JSON
    image_type TEXT,           -- the media type of `image`, or of `original` when it is the image
    image      BLOB,           -- the badge's picture when it is not the original file
    original   BLOB NOT NULL   -- the exact bytes the user gave
) STRICT;

CREATE TABLE wallet_thumbnails (
    seq       INTEGER PRIMARY KEY REFERENCES wallet_badges (seq) ON DELETE CASCADE,
    thumbnail BLOB NOT NULL    -- a small PNG
) STRICT;

CREATE TABLE wallet_tags (
    seq INTEGER NOT NULL REFERENCES wallet_badges (seq) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (seq, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX wallet_tags_by_tag ON wallet_tags (tag);

CREATE TABLE wallet_collections (
    id         TEXT NOT NULL PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE wallet_members (
    collection TEXT NOT NULL REFERENCES wallet_collections (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL REFERENCES wallet_badges (seq) ON DELETE CASCADE,
    PRIMARY KEY (collection, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX wallet_members_by_badge ON wallet_members (seq);

-- Full-text search; its rowid is the badge's `seq`. The store keeps it in step
-- with the badge and its tags, in the same transaction.
CREATE VIRTUAL TABLE wallet_search USING fts5 (
    name, description, issuer, tags, skills,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
