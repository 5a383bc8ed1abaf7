//! Integration tests of the store: opening (and refusing) files, migrations,
//! designs, and databases written at older schemas.
//!
//! `tests/fixtures/schema-N.sqlite` are databases as Badgesmith wrote them at
//! schema N, committed so that every later build is tested against the bytes
//! an older one really left on disk. They are made by the `bless_*` tests,
//! which do nothing unless `BLESS=1` is set:
//!
//! ```text
//! BLESS=1 cargo test -p badgesmith-store --test store bless_
//! ```
//!
//! A fixture is blessed once, when its schema is the newest, and then kept as
//! it is: a new schema gets a new fixture (and a new `schema_N_database`
//! helper writing that schema's tables with plain SQL).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use badgesmith_store::{
    APPLICATION_ID, DesignContent, DesignSummary, MIGRATIONS, SCHEMA_VERSION, Store, StoreError,
};
use rusqlite::Connection;

const T0: &str = "2025-01-31T09:00:00Z";
const T1: &str = "2025-01-31T10:00:00Z";
const T2: &str = "2025-01-31T11:00:00Z";

fn content<'a>(name: &'a str, body: &'a str) -> DesignContent<'a> {
    DesignContent {
        name,
        body,
        thumbnail: None,
    }
}

/// Every file in `dir`, by name, with its bytes: to show that a refused
/// database was neither changed nor given company.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(entry.path()).unwrap())
        })
        .collect()
}

fn ids(designs: &[DesignSummary]) -> Vec<&str> {
    designs.iter().map(|d| d.id.as_str()).collect()
}

/// Opens `path`, expecting a refusal that leaves its folder exactly as it was.
fn refused(path: &Path) -> StoreError {
    let dir = path.parent().unwrap();
    let before = snapshot(dir);
    let error = Store::open(path).expect_err("the file is refused");
    let after = snapshot(dir);
    let names = |files: &BTreeMap<String, Vec<u8>>| files.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&after), names(&before), "no file is added or removed");
    for (name, bytes) in &before {
        assert!(
            &after[name] == bytes,
            "{name} is left byte for byte as it was"
        );
    }
    error
}

fn assert_one_sentence(error: &StoreError) {
    let message = error.to_string();
    assert!(!message.contains('\n'), "{message}");
    assert!(!message.ends_with('.'), "{message}");
}

// ---------------------------------------------------------------- opening

#[test]
fn a_new_database_is_created_with_its_folder_and_keeps_what_was_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data").join("badgesmith.db");
    {
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.path(), Some(path.as_path()));
        store
            .insert_design("d1", &content("Gold star", "{}"), T0)
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let design = store.get_design("d1").unwrap().unwrap();
    assert_eq!(design.name, "Gold star");
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn a_fresh_database_reports_the_newest_schema() {
    assert_eq!(
        Store::open_in_memory().unwrap().schema_version().unwrap(),
        SCHEMA_VERSION
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.db");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn the_file_is_in_wal_mode_and_marked_as_badgesmith_s() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.db");
    let _store = Store::open(&path).unwrap();
    // WAL is a property of the file, seen by any other connection; foreign
    // keys are per connection and checked in the unit tests of `store.rs`.
    let other = Connection::open(&path).unwrap();
    let mode: String = other
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let application_id: i32 = other
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(application_id, APPLICATION_ID);
    assert!(dir.path().join("b.db-wal").exists());
}

#[test]
fn migrations_are_numbered_1_to_n_without_gaps() {
    let numbers: Vec<u32> = MIGRATIONS.iter().map(|(n, _)| *n).collect();
    let expected: Vec<u32> = (1..=SCHEMA_VERSION).collect();
    assert_eq!(numbers, expected);
    assert_eq!(SCHEMA_VERSION as usize, MIGRATIONS.len());
    assert!(MIGRATIONS.iter().all(|(_, sql)| !sql.trim().is_empty()));
}

#[test]
fn an_empty_file_is_a_new_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    std::fs::write(&path, b"").unwrap();
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    store.insert_design("d1", &content("A", "{}"), T0).unwrap();
    assert_eq!(store.list_designs().unwrap().len(), 1);
}

#[test]
fn a_database_from_a_newer_badgesmith_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.db");
    {
        let mut store = Store::open(&path).unwrap();
        store.insert_design("d1", &content("A", "{}"), T0).unwrap();
    }
    let newer = SCHEMA_VERSION + 1;
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", newer)
        .unwrap();

    let error = refused(&path);
    assert!(
        matches!(error, StoreError::TooNew { found, known, .. } if found == newer && known == SCHEMA_VERSION)
    );
    assert_eq!(
        error.to_string(),
        format!(
            "{} was written by a newer Badgesmith (schema {newer}, this app knows up to {SCHEMA_VERSION}); update Badgesmith to open it",
            path.display()
        )
    );
    assert_one_sentence(&error);
}

#[test]
fn a_database_left_open_by_a_newer_badgesmith_is_refused_untouched() {
    // The newer app has the file open, so its schema change is in the
    // write-ahead log, not yet in the file: the log must be read, and must
    // not be folded into the file.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("busy.db");
    drop(Store::open(&path).unwrap());
    let newer_app = Connection::open(&path).unwrap();
    newer_app
        .execute_batch("PRAGMA wal_autocheckpoint = 0; CREATE TABLE wallet (id TEXT);")
        .unwrap();
    newer_app
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    let wal = dir.path().join("busy.db-wal");
    let (file, log) = (std::fs::read(&path).unwrap(), std::fs::read(&wal).unwrap());

    let error = Store::open(&path).unwrap_err();
    assert!(matches!(error, StoreError::TooNew { .. }), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), file);
    assert_eq!(std::fs::read(&wal).unwrap(), log);

    // The same files as a crash of the newer app would leave them. With no
    // other connection open, closing a read-write connection would fold the
    // log into the file; the read-only look must not. (Only the `-shm` file,
    // SQLite's index of the log in shared memory, may be rebuilt.)
    let crashed = tempfile::tempdir().unwrap();
    for suffix in ["", "-wal", "-shm"] {
        let name = format!("busy.db{suffix}");
        std::fs::copy(dir.path().join(&name), crashed.path().join(&name)).unwrap();
    }
    drop(newer_app);
    let path = crashed.path().join("busy.db");
    let wal = crashed.path().join("busy.db-wal");
    let (file, log) = (std::fs::read(&path).unwrap(), std::fs::read(&wal).unwrap());
    let error = Store::open(&path).unwrap_err();
    assert!(matches!(error, StoreError::TooNew { .. }), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), file);
    assert_eq!(std::fs::read(&wal).unwrap(), log);
    assert_eq!(std::fs::read_dir(crashed.path()).unwrap().count(), 3);
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("random.db");
    // Fixed pseudo-random bytes (an LCG), 4 KiB.
    let mut x: u32 = 0x1234_5678;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (x >> 24) as u8
        })
        .collect();
    std::fs::write(&path, &bytes).unwrap();

    let error = refused(&path);
    assert!(matches!(error, StoreError::NotSqlite { .. }));
    assert_eq!(
        error.to_string(),
        format!(
            "{} is not a Badgesmith database (it is not an SQLite file)",
            path.display()
        )
    );
    assert_one_sentence(&error);

    let short = dir.path().join("short.db");
    std::fs::write(&short, b"SQLite").unwrap();
    assert!(matches!(refused(&short), StoreError::NotSqlite { .. }));
}

#[test]
fn another_program_s_sqlite_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite");
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);")
        .unwrap();

    let error = refused(&path);
    assert!(matches!(error, StoreError::Foreign { .. }));
    assert_eq!(
        error.to_string(),
        format!(
            "{} is not a Badgesmith database (it is an SQLite database made by another program)",
            path.display()
        )
    );
    assert_one_sentence(&error);
}

#[test]
fn an_empty_database_with_another_application_id_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tagged.sqlite");
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "application_id", 0x4750_4B47) // GeoPackage
        .unwrap();
    assert!(matches!(refused(&path), StoreError::Foreign { .. }));
}

/// Overwrites part of a page of the database file at `path`.
fn damage(path: &Path, page: usize, offset: usize, len: usize) {
    let mut bytes = std::fs::read(path).unwrap();
    let page_size = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    let start = (page - 1) * page_size + offset;
    bytes[start..start + len].fill(0x5A);
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_damaged_schema_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("damaged.db");
    drop(Store::open(&path).unwrap());
    // Page 1 holds the 100-byte file header, then the table of tables.
    damage(&path, 1, 100, 8);

    let error = refused(&path);
    assert!(matches!(error, StoreError::Corrupt { .. }), "{error}");
    assert!(
        error.to_string().starts_with(&format!(
            "{} is damaged and cannot be read (",
            path.display()
        )),
        "{error}"
    );
    assert_one_sentence(&error);
}

#[test]
fn a_damaged_table_is_reported_when_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("damaged.db");
    {
        let mut store = Store::open(&path).unwrap();
        store.insert_design("d1", &content("A", "{}"), T0).unwrap();
    }
    // Page 2 is the first table created: `designs`.
    damage(&path, 2, 0, 64);
    let store = Store::open(&path).unwrap();
    let error = store.list_designs().unwrap_err();
    assert!(matches!(error, StoreError::Corrupt { .. }), "{error}");
}

#[test]
fn a_folder_is_not_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let error = Store::open(dir.path()).unwrap_err();
    assert!(matches!(error, StoreError::Io { .. }), "{error}");
    assert!(
        error
            .to_string()
            .starts_with(&format!("{}: ", dir.path().display())),
        "{error}"
    );
}

// ---------------------------------------------------------------- designs

#[test]
fn designs_are_inserted_read_and_updated() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .insert_design("d1", &content("Gold star", r#"{"v":1}"#), T0)
        .unwrap();
    let design = store.get_design("d1").unwrap().unwrap();
    assert_eq!(design.id, "d1");
    assert_eq!(design.name, "Gold star");
    assert_eq!(design.body, r#"{"v":1}"#);
    assert_eq!(design.created_at, T0);
    assert_eq!(design.updated_at, T0);
    assert!(!design.has_thumbnail);

    store
        .update_design("d1", &content("Silver star", r#"{"v":2}"#), T1)
        .unwrap();
    let design = store.get_design("d1").unwrap().unwrap();
    assert_eq!(design.name, "Silver star");
    assert_eq!(design.body, r#"{"v":2}"#);
    assert_eq!(design.created_at, T0);
    assert_eq!(design.updated_at, T1);

    assert_eq!(store.get_design("nope").unwrap(), None);
}

#[test]
fn a_taken_id_is_refused_even_in_the_trash() {
    let mut store = Store::open_in_memory().unwrap();
    store.insert_design("d1", &content("A", "{}"), T0).unwrap();
    let error = store
        .insert_design("d1", &content("B", "{}"), T1)
        .unwrap_err();
    assert_eq!(error.to_string(), "a design with the id d1 already exists");
    store.delete_design("d1", T1).unwrap();
    let error = store
        .insert_design("d1", &content("B", "{}"), T1)
        .unwrap_err();
    assert!(matches!(error, StoreError::DesignExists { .. }));
    assert_eq!(store.get_design("d1").unwrap(), None, "still in the trash");
}

#[test]
fn updating_a_missing_design_fails() {
    let mut store = Store::open_in_memory().unwrap();
    let error = store
        .update_design("ghost", &content("A", "{}"), T0)
        .unwrap_err();
    assert_eq!(error.to_string(), "no design has the id ghost");
    assert_one_sentence(&error);
}

#[test]
fn bad_ids_and_times_are_refused() {
    let mut store = Store::open_in_memory().unwrap();
    let error = store
        .insert_design("", &content("A", "{}"), T0)
        .unwrap_err();
    assert_eq!(error.to_string(), "the design id is empty");
    let error = store
        .insert_design("d1", &content("A", "{}"), "31/01/2025")
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        r#""31/01/2025" is not an RFC 3339 time in UTC such as 2025-01-31T09:30:00Z"#
    );
    store.insert_design("d1", &content("A", "{}"), T0).unwrap();
    let error = store
        .update_design("d1", &content("A", "{}"), "2025-01-31T10:00:00+01:00")
        .unwrap_err();
    assert!(matches!(error, StoreError::InvalidTime { .. }));
    assert!(store.delete_design("d1", "now").is_err());
}

#[test]
fn designs_are_listed_most_recently_updated_first_then_by_name() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .insert_design("a", &content("Zebra", "{}"), T0)
        .unwrap();
    store
        .insert_design("b", &content("Apple", "{}"), T1)
        .unwrap();
    store
        .insert_design("c", &content("Mango", "{}"), T1)
        .unwrap();
    // A fraction of a second later, though it sorts first as text.
    store
        .insert_design("d", &content("Kiwi", "{}"), "2025-01-31T10:00:00.5Z")
        .unwrap();
    store
        .insert_design("e", &content("Lime", "{}"), T2)
        .unwrap();
    assert_eq!(
        ids(&store.list_designs().unwrap()),
        ["e", "d", "b", "c", "a"]
    );

    store
        .update_design("a", &content("Zebra", "{}"), T2)
        .unwrap();
    store.delete_design("e", T2).unwrap();
    assert_eq!(ids(&store.list_designs().unwrap()), ["a", "d", "b", "c"]);
}

#[test]
fn designs_are_found_by_exact_name_or_id_prefix() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .insert_design("7f3a91", &content("Gold star", "{}"), T0)
        .unwrap();
    store
        .insert_design("7f3b02", &content("Silver star", "{}"), T1)
        .unwrap();
    store
        .insert_design("c0ffee", &content("7f3", "{}"), T0)
        .unwrap();
    store
        .insert_design("7f3a", &content("Bronze star", "{}"), T0)
        .unwrap();
    let find = |store: &Store, q: &str| -> Vec<String> {
        let found = store.find_designs_by_name_or_id_prefix(q).unwrap();
        found.into_iter().map(|d| d.id).collect()
    };

    assert_eq!(find(&store, "7f3b"), ["7f3b02"]);
    assert_eq!(find(&store, "Gold star"), ["7f3a91"]);
    assert!(
        find(&store, "gold star").is_empty(),
        "names match case-sensitively"
    );
    assert!(find(&store, "star").is_empty(), "names match whole");
    // Ambiguous: every match is returned, an exact id first.
    assert_eq!(find(&store, "7f3a"), ["7f3a", "7f3a91"]);
    // A name and id prefixes at once: each design once, newest first, then
    // by name ("7f3" < "Bronze star" < "Gold star").
    assert_eq!(find(&store, "7f3"), ["7f3b02", "c0ffee", "7f3a", "7f3a91"]);
    assert!(find(&store, "").is_empty());
    assert!(find(&store, "%").is_empty(), "no wildcards");

    store.delete_design("7f3b02", T2).unwrap();
    assert!(find(&store, "7f3b").is_empty(), "the trash is not searched");
}

#[test]
fn deleted_designs_go_to_the_trash_and_come_back_or_are_purged() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .insert_design("d1", &content("A", r#"{"keep":true}"#), T0)
        .unwrap();
    store.insert_design("d2", &content("B", "{}"), T0).unwrap();

    store.delete_design("d1", T1).unwrap();
    assert_eq!(store.get_design("d1").unwrap(), None);
    assert_eq!(ids(&store.list_designs().unwrap()), ["d2"]);
    let error = store.delete_design("d1", T1).unwrap_err();
    assert_eq!(error.to_string(), "no design has the id d1");
    let error = store
        .update_design("d1", &content("A", "{}"), T1)
        .unwrap_err();
    assert!(matches!(error, StoreError::DesignNotFound { .. }));

    store.restore_design("d1").unwrap();
    let design = store.get_design("d1").unwrap().unwrap();
    assert_eq!(design.body, r#"{"keep":true}"#);
    assert_eq!(design.updated_at, T0, "restoring is not an edit");
    let error = store.restore_design("d1").unwrap_err();
    assert_eq!(error.to_string(), "no design in the trash has the id d1");

    let error = store.purge_design("d2").unwrap_err();
    assert!(
        matches!(error, StoreError::NotInTrash { .. }),
        "only the trash is purged"
    );
    store.delete_design("d2", T2).unwrap();
    store.purge_design("d2").unwrap();
    assert!(matches!(
        store.restore_design("d2").unwrap_err(),
        StoreError::NotInTrash { .. }
    ));
    assert!(matches!(
        store.purge_design("d2").unwrap_err(),
        StoreError::NotInTrash { .. }
    ));
    // The id is free again.
    store.insert_design("d2", &content("B2", "{}"), T2).unwrap();
}

#[test]
fn thumbnails_round_trip() {
    let mut store = Store::open_in_memory().unwrap();
    let png: Vec<u8> = b"\x89PNG\r\n\x1a\n"
        .iter()
        .copied()
        .chain((0..=255).rev())
        .chain([0; 16])
        .collect();
    let with_thumbnail = DesignContent {
        name: "Pictured",
        body: "{}",
        thumbnail: Some(&png),
    };
    store.insert_design("d1", &with_thumbnail, T0).unwrap();
    store
        .insert_design("d2", &content("Plain", "{}"), T0)
        .unwrap();

    assert_eq!(store.design_thumbnail("d1").unwrap(), Some(png.clone()));
    assert_eq!(store.design_thumbnail("d2").unwrap(), None);
    assert_eq!(store.design_thumbnail("nope").unwrap(), None);
    assert!(store.get_design("d1").unwrap().unwrap().has_thumbnail);
    let listed: Vec<bool> = store
        .list_designs()
        .unwrap()
        .iter()
        .map(|d| d.has_thumbnail)
        .collect();
    assert_eq!(listed, [true, false]);

    // Updating replaces the thumbnail; None removes it.
    store
        .update_design("d1", &content("Pictured", "{}"), T1)
        .unwrap();
    assert_eq!(store.design_thumbnail("d1").unwrap(), None);
    assert!(!store.get_design("d1").unwrap().unwrap().has_thumbnail);
}

#[test]
fn a_body_with_any_text_round_trips_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("text.db");
    let body = "{\"title\": \"Médaille d’or — 金メダル — Золото 🥇\",\r\n\t\"note\": \"e\u{301} ≠ é; 𝔘𝔫𝔦𝔠𝔬𝔡𝔢\", \"rtl\": \"שָׁלוֹם\"  }\n";
    let name = "Émoji 🏅 ünd Ümlaut";
    {
        let mut store = Store::open(&path).unwrap();
        store.insert_design("d1", &content(name, body), T0).unwrap();
    }
    let store = Store::open(&path).unwrap();
    let design = store.get_design("d1").unwrap().unwrap();
    assert_eq!(design.body.as_bytes(), body.as_bytes());
    assert_eq!(design.name, name);
    assert_eq!(
        ids(&store.find_designs_by_name_or_id_prefix(name).unwrap()),
        ["d1"]
    );
}

// ---------------------------------------------------------- older schemas

/// The committed schema-1 database.
fn schema_1_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-1.sqlite")
}

const FIXTURE_BODY: &str =
    r##"{"version":1,"title":"Premiers secours — niveau 1","colors":["#c0392b"]}"##;
const FIXTURE_THUMBNAIL: &[u8] = b"\x89PNG\r\n\x1a\n(not a real image)";

/// Builds, at `path`, a database exactly as Badgesmith wrote it at schema 1,
/// using only migration 1 and plain SQL (never the current code, which writes
/// the newest schema): a design and a design in the trash.
fn schema_1_database(path: &Path) {
    let conn = Connection::open(path).unwrap();
    let (number, sql) = MIGRATIONS[0];
    assert_eq!(number, 1);
    conn.execute_batch(&format!(
        "BEGIN; PRAGMA application_id = {APPLICATION_ID}; {sql}; PRAGMA user_version = 1; COMMIT;"
    ))
    .unwrap();
    conn.execute(
        "INSERT INTO designs (id, name, created_at, updated_at, deleted_at, body, thumbnail)
         VALUES ('d-0001-first-aid', 'First aid', ?1, ?2, NULL, ?3, ?4),
                ('d-0002-night-owl', 'Night owl', ?1, ?1, ?2, '{}', NULL)",
        rusqlite::params![T0, T1, FIXTURE_BODY, FIXTURE_THUMBNAIL],
    )
    .unwrap();
    // One compact file, with no log beside it.
    conn.execute_batch("VACUUM").unwrap();
}

/// Checks that a schema-1 database at `path` opens with today's code and
/// still holds what `schema_1_database` wrote.
fn assert_schema_1_designs_open(path: &Path) {
    let mut store = Store::open(path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(ids(&store.list_designs().unwrap()), ["d-0001-first-aid"]);
    let design = store.get_design("d-0001-first-aid").unwrap().unwrap();
    assert_eq!(design.name, "First aid");
    assert_eq!(design.body, FIXTURE_BODY);
    assert_eq!(design.created_at, T0);
    assert_eq!(design.updated_at, T1);
    assert_eq!(
        store.design_thumbnail("d-0001-first-aid").unwrap().unwrap(),
        FIXTURE_THUMBNAIL
    );
    assert_eq!(
        ids(&store.find_designs_by_name_or_id_prefix("d-0001").unwrap()),
        ["d-0001-first-aid"]
    );
    store.restore_design("d-0002-night-owl").unwrap();
    assert_eq!(store.list_designs().unwrap().len(), 2);
}

/// Rewrites `tests/fixtures/schema-1.sqlite`; only with `BLESS=1`.
#[test]
fn bless_schema_1_fixture() {
    if std::env::var_os("BLESS").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let built = dir.path().join("schema-1.sqlite");
    schema_1_database(&built);
    std::fs::copy(&built, schema_1_fixture()).unwrap();
}

#[test]
fn a_schema_1_database_opens_with_its_designs() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    schema_1_database(&path);
    assert_schema_1_designs_open(&path);
}

#[test]
fn the_committed_schema_1_fixture_opens_with_its_designs() {
    let fixture = schema_1_fixture();
    let bytes = std::fs::read(&fixture).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; make it with BLESS=1 cargo test -p badgesmith-store --test store bless_",
            fixture.display()
        )
    });
    // Opened from a copy: opening migrates the file and switches it to WAL.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("schema-1.sqlite");
    std::fs::write(&path, &bytes).unwrap();
    {
        let raw = Connection::open(&path).unwrap();
        let version: u32 = raw
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, 1, "the fixture is at schema 1");
    }
    assert_schema_1_designs_open(&path);
}
