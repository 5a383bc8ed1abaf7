-- Schema 2: issuing. Issuer profiles with their sealed keys, achievements,
-- the images badges are baked into, CSV batches and the log of every
-- credential issued.
--
-- The private key is only ever stored sealed (encrypted under the user's
-- passphrase by the caller); the store never sees it in the clear.
-- Bodies that the app defines (an achievement's fields) are JSON text kept
-- exactly as given. Credentials are kept as the exact text that was signed
-- and baked.
CREATE TABLE issuers (
    id              TEXT NOT NULL PRIMARY KEY,
    did             TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    url             TEXT,
    email           TEXT,
    description     TEXT,
    image_design_id TEXT,
    status_list_url TEXT,
    status_next     INTEGER NOT NULL DEFAULT 0, -- status-list positions handed out so far
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    image           TEXT,                       -- the logo, a data: URL
    sealed_key      TEXT NOT NULL               -- the key, encrypted by the caller
) STRICT;

CREATE TABLE achievements (
    id          TEXT NOT NULL PRIMARY KEY,
    issuer_id   TEXT NOT NULL REFERENCES issuers (id),
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    body        TEXT NOT NULL,  -- the achievement's fields, JSON
    design_body TEXT,           -- a copy of the design its image is drawn from
    thumbnail   BLOB            -- a small PNG
) STRICT;
CREATE INDEX achievements_by_issuer ON achievements (issuer_id);

-- The image each badge was baked into, once per distinct image.
CREATE TABLE badge_images (
    sha256 TEXT NOT NULL PRIMARY KEY,
    mime   TEXT NOT NULL,
    bytes  BLOB NOT NULL
) STRICT;

-- A CSV issued into an output folder. The same CSV, achievement, folder and
-- settings make the same batch, so a rerun continues it.
CREATE TABLE batches (
    id             TEXT NOT NULL PRIMARY KEY,
    achievement_id TEXT NOT NULL REFERENCES achievements (id),
    csv_sha256     TEXT NOT NULL,
    output_dir     TEXT NOT NULL,
    settings       TEXT NOT NULL,
    total          INTEGER NOT NULL,
    created_at     TEXT NOT NULL,
    finished_at    TEXT,
    UNIQUE (achievement_id, csv_sha256, output_dir, settings)
) STRICT;

CREATE TABLE issued (
    id               TEXT NOT NULL PRIMARY KEY, -- the credential's id
    issuer_id        TEXT NOT NULL REFERENCES issuers (id),
    achievement_id   TEXT NOT NULL REFERENCES achievements (id),
    batch_id         TEXT REFERENCES batches (id),
    batch_row        INTEGER,
    recipient        TEXT NOT NULL,
    recipient_name   TEXT,
    achievement_name TEXT NOT NULL,
    issuer_name      TEXT NOT NULL,
    issued_at        TEXT NOT NULL,
    valid_from       TEXT NOT NULL,
    valid_until      TEXT,
    format           TEXT NOT NULL,             -- png | svg
    proof            TEXT NOT NULL,             -- di | jwt
    file_name        TEXT NOT NULL,
    sha256           TEXT NOT NULL,             -- of the baked image
    status_index     INTEGER,
    revoked_at       TEXT,
    revoked_reason   TEXT,
    image_sha256     TEXT NOT NULL REFERENCES badge_images (sha256),
    credential       TEXT NOT NULL,
    UNIQUE (batch_id, batch_row),
    UNIQUE (issuer_id, status_index)
) STRICT;
CREATE INDEX issued_by_time ON issued (issued_at DESC, id);
CREATE INDEX issued_by_achievement ON issued (achievement_id);
