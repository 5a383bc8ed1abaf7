//! `badgesmith wallet`: importing badges from any issuer, finding, showing,
//! organising, exporting and backing them up; and a wallet that survives
//! being killed in the middle of a large import.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::{Home, arg, parts, vector};

const ISSUER: &str = "Harbour Sailing School";
const ACHIEVEMENT: &str = "Knots and Lines";

/// A folder of badges as a learner might have collected them: signed OB 3.0
/// PNGs issued by Badgesmith (Data Integrity), an OB 3.0 SVG with a VC-JWT,
/// OB 3.0 JSON credentials, an OB 2.0 baked PNG, and files that hold no badge.
struct Corpus {
    _dir: tempfile::TempDir,
    root: PathBuf,
    /// How many badge PNGs the batch wrote.
    batch: usize,
}

/// How many times the crash test kills an import (`WALLET_CRASH_KILLS`, 12 by
/// default).
fn crash_kills() -> usize {
    std::env::var("WALLET_CRASH_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(12)
}

/// Badges in the batch: enough chunks of 64 for every kill to land in the
/// middle of the import.
fn batch_size() -> usize {
    (crash_kills() * 80).max(1000)
}

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("badges");
        let issuer_home = Home::new();
        issuer_home.ok(&["issuer", "new", "--name", ISSUER]);
        issuer_home.ok(&[
            "achievement",
            "new",
            "--name",
            ACHIEVEMENT,
            "--description",
            "Tied the six knots every sailor needs.",
            "--criteria",
            "Tie a bowline, a clove hitch and four more, blindfolded.",
            "--design",
            "template:coding-club",
        ]);
        let csv = dir.path().join("crew.csv");
        let mut text = String::from("email,name\n");
        let batch_size = batch_size();
        for i in 1..=batch_size {
            text.push_str(&format!("sailor{i}@example.org,Sailor {i}\n"));
        }
        std::fs::write(&csv, text).unwrap();
        let batch = root.join("batch");
        issuer_home.ok(&[
            "issue",
            "--achievement",
            ACHIEVEMENT,
            "--csv",
            arg(&csv),
            "-o",
            arg(&batch),
            "--size",
            "128",
        ]);
        std::fs::remove_file(batch.join("manifest.csv")).unwrap();
        let jwt = root.join("jwt");
        issuer_home.ok(&[
            "issue",
            "--achievement",
            ACHIEVEMENT,
            "--recipient",
            "skipper@example.org",
            "--name",
            "Skipper",
            "--format",
            "svg",
            "--proof",
            "jwt",
            "-o",
            arg(&jwt),
        ]);
        let other = root.join("other");
        std::fs::create_dir_all(&other).unwrap();
        for (from, to) in [
            ("dcc-verifier-core/v2OBv3SpecExample.json", "teamwork.json"),
            ("dcc-verifier-core/v2Expired.json", "expired.json"),
            ("1edtech-validator/ob20/simple-badge.png", "ob2-simple.png"),
            (
                "legacy-baked/mozilla-openbadges-bakery/unbaked.png",
                "plain.png",
            ),
        ] {
            std::fs::copy(vector(from), other.join(to)).unwrap();
        }
        std::fs::write(other.join("notes.txt"), "shopping list: rope, cleats").unwrap();
        std::fs::write(other.join(".hidden.json"), "{}").unwrap();
        Corpus {
            _dir: dir,
            root,
            batch: batch_size,
        }
    })
}

fn one_file(dir: &Path) -> PathBuf {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .next()
        .unwrap()
}

fn import(home: &Home, paths: &[&Path]) -> (i32, Value, String) {
    let mut args = vec!["wallet", "import", "--json"];
    args.extend(paths.iter().map(|p| arg(p)));
    let (code, stdout, stderr) = parts(&home.run(&args));
    let report = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout} {stderr}"));
    (code, report, stderr)
}

fn items<'a>(report: &'a Value, result: &str) -> Vec<&'a Value> {
    report["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["result"] == result)
        .collect()
}

fn item_for<'a>(report: &'a Value, file: &str) -> &'a Value {
    report["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["source"].as_str().unwrap().ends_with(file))
        .unwrap_or_else(|| panic!("no report line for {file}: {report}"))
}

#[test]
fn a_folder_of_mixed_badges_imports_once_with_a_line_per_file() {
    let c = corpus();
    let home = Home::new();
    let other = c.root.join("other");
    let jwt = c.root.join("jwt");
    let (code, report, _) = import(&home, &[&other, &jwt]);
    assert_eq!(code, 1, "some files hold no badge: {report}");
    assert_eq!(report["added"], 4, "{report}");
    assert_eq!(report["notBadges"], 2, "{report}");
    assert_eq!(item_for(&report, "teamwork.json")["status"], "valid");
    assert_eq!(item_for(&report, "expired.json")["status"], "expired");
    let ob2 = item_for(&report, "ob2-simple.png");
    assert_eq!(ob2["result"], "added");
    let svg = items(&report, "added")
        .into_iter()
        .find(|i| i["source"].as_str().unwrap().ends_with(".svg"))
        .unwrap();
    assert_eq!(svg["status"], "valid", "{svg}");
    assert_eq!(svg["name"], ACHIEVEMENT);
    assert_eq!(
        item_for(&report, "plain.png")["message"],
        "no badge is baked into this image"
    );
    assert!(
        item_for(&report, "notes.txt")["message"]
            .as_str()
            .unwrap()
            .contains("not a PNG or SVG image"),
        "{report}"
    );
    assert!(
        !report.to_string().contains(".hidden.json"),
        "hidden files are skipped"
    );

    // Again: everything is already there, nothing is added.
    let (_, again, _) = import(&home, &[&other, &jwt]);
    assert_eq!(again["added"], 0);
    assert_eq!(again["alreadyThere"], 4);
    let list = home.json(&["wallet", "list", "--json"]);
    assert_eq!(list["total"], 4);
}

#[test]
fn search_filters_show_and_export_work_on_imported_badges() {
    let c = corpus();
    let home = Home::new();
    let jwt = one_file(&c.root.join("jwt"));
    import(&home, &[&c.root.join("other"), &jwt]);

    let found = home.json(&["wallet", "search", "knots", "--json"]);
    assert_eq!(found["total"], 1, "{found}");
    let id = found["badges"][0]["id"].as_str().unwrap().to_owned();
    assert_eq!(found["badges"][0]["issuer"], ISSUER);
    let found = home.json(&["wallet", "search", "sail", "scho", "--json"]);
    assert_eq!(found["total"], 1, "issuer words, as prefixes: {found}");
    let teamwork = home.json(&["wallet", "search", "teamwork", "--json"]);
    assert_eq!(teamwork["total"], 2, "{teamwork}");
    let expired = home.json(&["wallet", "list", "--status", "expired", "--json"]);
    assert_eq!(expired["total"], 1);

    let detail = home.json(&["wallet", "show", &id[..6], "--json"]);
    assert_eq!(detail["badge"]["id"], id.as_str());
    assert_eq!(detail["facts"]["recipient"]["kind"], "email");
    assert_eq!(detail["facts"]["recipient"]["hashed"], true);
    assert_eq!(detail["facts"]["recipient"]["name"], "Skipper");
    assert_eq!(detail["verification"]["valid"], true);
    assert_eq!(detail["fileKind"], "svg");
    assert!(
        detail["image"]
            .as_str()
            .unwrap()
            .starts_with("data:image/svg+xml;base64,")
    );
    let text = home.ok(&["wallet", "show", &id]);
    assert!(text.contains("[pass] proof"), "{text}");

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("again.svg");
    home.ok(&["wallet", "export", &id, "-o", arg(&out)]);
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(&jwt).unwrap(),
        "byte for byte"
    );
    let cred = dir.path().join("badge.jwt");
    home.ok(&["wallet", "export", &id, "--credential", "-o", arg(&cred)]);
    assert_eq!(
        std::fs::read_to_string(&cred).unwrap(),
        detail["text"].as_str().unwrap()
    );

    // Tags are searchable; the trash hides and restores.
    home.ok(&["wallet", "tag", &id, "summer-camp", "sailing"]);
    assert_eq!(
        home.json(&["wallet", "search", "summer", "--json"])["total"],
        1
    );
    assert_eq!(
        home.json(&["wallet", "list", "--tag", "sailing", "--json"])["total"],
        1
    );
    home.ok(&["wallet", "remove", &id]);
    assert_eq!(
        home.json(&["wallet", "search", "knots", "--json"])["total"],
        0
    );
    assert_eq!(
        home.json(&["wallet", "list", "--trash", "--json"])["total"],
        1
    );
    home.ok(&["wallet", "undelete", &id]);
    assert_eq!(
        home.json(&["wallet", "search", "knots", "--json"])["total"],
        1
    );
}

#[test]
fn collections_export_as_zip_and_html_and_a_backup_restores_identically() {
    let c = corpus();
    let home = Home::new();
    import(&home, &[&c.root.join("other"), &c.root.join("jwt")]);
    let all = home.json(&["wallet", "list", "--json"]);
    let ids: Vec<&str> = all["badges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap())
        .collect();
    home.ok(&[
        "wallet",
        "collection",
        "Portfolio",
        "--add",
        ids[0],
        "--add",
        ids[1],
    ]);
    home.ok(&["wallet", "tag", ids[2], "keep"]);
    home.ok(&["wallet", "remove", ids[3]]);

    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("portfolio.html");
    home.ok(&["wallet", "collection", "Portfolio", "-o", arg(&html)]);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("2 badges"), "{page}");
    assert!(page.contains("data:image/png;base64,"));
    assert!(!page.contains("<script"), "no scripts");
    assert!(!page.contains("src=\"http"), "no remote images");
    let zip = dir.path().join("portfolio.zip");
    home.ok(&["wallet", "collection", "Portfolio", "-o", arg(&zip)]);
    let bytes = std::fs::read(&zip).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"));

    let backup = dir.path().join("wallet.badgesmith-wallet");
    home.ok(&["wallet", "backup", arg(&backup)]);
    let fresh = Home::new();
    fresh.ok(&["wallet", "restore", arg(&backup)]);
    for args in [
        &["wallet", "list", "--json"][..],
        &["wallet", "list", "--trash", "--json"],
        &["wallet", "list", "--collection", "Portfolio", "--json"],
        &["wallet", "list", "--tag", "keep", "--json"],
    ] {
        assert_eq!(home.json(args), fresh.json(args), "{args:?}");
    }
    for id in &ids {
        assert_eq!(
            home.json(&["wallet", "show", id, "--json"]),
            fresh.json(&["wallet", "show", id, "--json"])
        );
    }
    // Restoring again adds nothing.
    let (code, _, stderr) = parts(&fresh.run(&["wallet", "restore", arg(&backup)]));
    assert_eq!(code, 0);
    assert!(stderr.contains("0 added, 4 already there"), "{stderr}");
}

#[test]
fn bad_input_gets_one_clear_sentence() {
    let home = Home::new();
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere.png");
    let (code, report, _) = import(&home, &[&missing]);
    assert_eq!(code, 1);
    assert!(
        report["items"][0]["message"]
            .as_str()
            .unwrap()
            .contains("nowhere.png")
    );

    let truncated = dir.path().join("cut.png");
    let png = std::fs::read(vector("1edtech-validator/ob20/simple-badge.png")).unwrap();
    std::fs::write(&truncated, &png[..png.len() / 2]).unwrap();
    let (_, report, _) = import(&home, &[&truncated]);
    assert_eq!(report["notBadges"], 1, "{report}");

    let (code, _, stderr) = parts(&home.run(&["wallet", "show", "nope"]));
    assert_eq!(code, 2);
    assert_eq!(stderr.trim(), "no badge in the wallet has the id nope");
    let (code, _, stderr) = parts(&home.run(&["wallet", "remove", "--forever", "nope"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("nope"), "{stderr}");

    let not_backup = dir.path().join("x.badgesmith-wallet");
    std::fs::write(&not_backup, b"hello").unwrap();
    let (code, _, stderr) = parts(&home.run(&["wallet", "restore", arg(&not_backup)]));
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with(&format!(
            "{}: this is not a readable wallet backup",
            not_backup.display()
        )),
        "{stderr}"
    );

    // A database that is not ours is refused, and left alone.
    let foreign = Home::new();
    std::fs::write(
        foreign.path().join("badgesmith.db"),
        b"not a database at all",
    )
    .unwrap();
    let (code, _, stderr) = parts(&foreign.run(&["wallet", "list"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("is not a Badgesmith database"), "{stderr}");
    assert_eq!(
        std::fs::read(foreign.path().join("badgesmith.db")).unwrap(),
        b"not a database at all"
    );
}

/// Opens the wallet's database read-only: `PRAGMA integrity_check`, and the
/// number of badges with every one of their parts.
fn check_database(home: &Home) -> (String, u64, u64) {
    let conn = rusqlite::Connection::open_with_flags(
        home.path().join("badgesmith.db"),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    let badges: i64 = conn
        .query_row("SELECT COUNT(*) FROM wallet_badges", [], |r| r.get(0))
        .unwrap();
    let whole: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM wallet_badges b JOIN wallet_content c ON c.seq = b.seq \
             JOIN wallet_search s ON s.rowid = b.seq",
            [],
            |r| r.get(0),
        )
        .unwrap();
    (integrity, badges as u64, whole as u64)
}

/// A seed from the clock (only the seed: it is printed, for replays).
#[allow(clippy::disallowed_methods)]
fn clock_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
}

/// How many badges the wallet holds, read without taking a write lock.
fn stored(home: &Home) -> u64 {
    let Ok(conn) = rusqlite::Connection::open_with_flags(
        home.path().join("badgesmith.db"),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    ) else {
        return 0;
    };
    conn.query_row("SELECT COUNT(*) FROM wallet_badges", [], |r| {
        r.get::<_, i64>(0)
    })
    .map(|n| n as u64)
    .unwrap_or(0)
}

/// A small pseudo-random sequence (the seed is printed, so a failure can be
/// replayed with WALLET_CRASH_SEED).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below.max(1)
    }
}

#[test]
#[allow(clippy::print_stderr)] // the seed and how far each run got, for whoever runs it
fn an_import_killed_at_random_moments_keeps_a_sound_database_and_resumes() {
    let c = corpus();
    let kills = crash_kills();
    let seed = std::env::var("WALLET_CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(clock_seed);
    eprintln!("crash test: {kills} kills, WALLET_CRASH_SEED={seed}");
    let mut rng = Lcg(seed);
    let home = Home::new();
    let folder = c.root.clone();
    let expected = c.batch + 4; // the batch, the JWT SVG and three from `other`

    let mut before = 0u64;
    for round in 0..kills {
        // Kill it once a random number more badges are stored (a small share
        // of what is left, so every round lands in the middle), after a
        // random extra moment.
        let left = expected as u64 - before;
        let share = (left / (kills - round + 1) as u64).max(1);
        let target = before + 1 + rng.next(share);
        let extra = Duration::from_millis(rng.next(30));
        let started = Instant::now();
        let mut child = home
            .command(&["wallet", "import", arg(&folder)])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        loop {
            if child.try_wait().unwrap().is_some() {
                panic!("round {round}: the import ended before {target} badges were stored");
            }
            if home.path().join("badgesmith.db").exists() && stored(&home) >= target {
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        std::thread::sleep(extra);
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        let (integrity, badges, whole) = check_database(&home);
        eprintln!(
            "round {round}: killed at {} ms ({}), {badges} of {expected} badges stored",
            started.elapsed().as_millis(),
            if status.success() {
                "it had finished"
            } else {
                "in the middle"
            }
        );
        assert_eq!(integrity, "ok", "round {round}");
        assert_eq!(badges, whole, "only whole badges, round {round}");
        assert!(badges >= before, "stored badges stay stored");
        assert!(
            (badges as usize) < expected,
            "round {round} ended in the middle"
        );
        before = badges;
    }

    let (_, report, _) = import(&home, &[&folder]);
    assert_eq!(
        report["added"].as_u64().unwrap() + report["alreadyThere"].as_u64().unwrap(),
        expected as u64,
        "{}",
        report["added"]
    );
    assert_eq!(report["alreadyThere"].as_u64().unwrap(), before);
    let (integrity, badges, whole) = check_database(&home);
    assert_eq!(
        (integrity.as_str(), badges, whole),
        ("ok", expected as u64, expected as u64)
    );
    let list = home.json(&["wallet", "list", "--json", "--limit", "500"]);
    assert_eq!(list["total"], expected);
    let (_, again, _) = import(&home, &[&folder]);
    assert_eq!(again["added"], 0, "no duplicates");
}
