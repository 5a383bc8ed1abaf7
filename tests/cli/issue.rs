//! `badgesmith issuer|achievement|issue|issued`: issuing signed badges from
//! the command line, as a script would, down to the files written and the
//! exit codes (0 done, 1 checked and negative, 2 usage or input error).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::Value;
use sha2::{Digest as _, Sha256};

use crate::support::{Home, PASSPHRASE, arg, assert_error, parts, png_size, template};

/// The RFC 8032 test key 1: a seed moved in from another tool.
const SEED_HEX: &str = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

/// A recipient's DID (any did:key will do).
const RECIPIENT_DID: &str = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";

const ISSUER: &str = "Riverside Coding Club";
const ACHIEVEMENT: &str = "Python Basics";
const STATUS_URL: &str = "https://example.org/status/1.json";

fn last_line(stdout: &str) -> String {
    stdout
        .trim_end()
        .lines()
        .last()
        .unwrap_or_default()
        .to_owned()
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Creates the issuer (with `extra` options); its id.
fn new_issuer(home: &Home, extra: &[&str]) -> String {
    let mut args = vec!["issuer", "new", "--name", ISSUER];
    args.extend_from_slice(extra);
    last_line(&home.ok(&args))
}

/// Defines the achievement (with `extra` options); its id.
fn new_achievement(home: &Home, extra: &[&str]) -> String {
    let mut args = vec![
        "achievement",
        "new",
        "--name",
        ACHIEVEMENT,
        "--description",
        "Wrote and ran a first Python program.",
        "--criteria",
        "Finish the six lessons and the final exercise.",
        "--design",
        "template:coding-club",
    ];
    args.extend_from_slice(extra);
    last_line(&home.ok(&args))
}

/// A home with an issuer (given `issuer_extra`) and its achievement.
fn ready(issuer_extra: &[&str]) -> Home {
    let home = Home::new();
    new_issuer(&home, issuer_extra);
    new_achievement(&home, &[]);
    home
}

/// Issues the achievement to one recipient into `out` (with `extra`
/// options); the badge as `issue --json` prints it, and its file.
fn issue_one(home: &Home, recipient: &str, out: &Path, extra: &[&str]) -> (Value, PathBuf) {
    let mut args = vec![
        "issue",
        "--achievement",
        ACHIEVEMENT,
        "--recipient",
        recipient,
        "-o",
        arg(out),
        "--json",
    ];
    args.extend_from_slice(extra);
    let badge = home.json(&args);
    let file = out.join(badge["fileName"].as_str().unwrap());
    assert!(file.is_file(), "{} was written", file.display());
    (badge, file)
}

/// `verify --json FILE extra…` in `home`: the exit code and the report.
fn verify(home: &Home, file: &Path, extra: &[&str]) -> (i32, Value) {
    let mut args = vec!["verify", "--json", arg(file)];
    args.extend_from_slice(extra);
    let (code, stdout, stderr) = parts(&home.run(&args));
    let report = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout} {stderr}"));
    (code, report)
}

/// The status of one check in a verification report.
fn check<'a>(report: &'a Value, id: &str) -> &'a str {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no {id} check in {report}"))["status"]
        .as_str()
        .unwrap()
}

/// The text baked into an image.
fn unbake(home: &Home, file: &Path) -> String {
    home.ok(&["unbake", arg(file)])
}

/// The files in `dir` whose names end with `suffix`, sorted.
fn files_ending(dir: &Path, suffix: &str) -> Vec<String> {
    let mut names: Vec<String> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(suffix))
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

/// Every file in `dir` (none when it does not exist).
fn all_files(dir: &Path) -> Vec<String> {
    files_ending(dir, "")
}

/// One line of `manifest.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ManifestRow {
    recipient: String,
    name: String,
    file: String,
    credential_id: String,
    sha256: String,
}

fn manifest(dir: &Path) -> Vec<ManifestRow> {
    let text = std::fs::read_to_string(dir.join("manifest.csv")).unwrap();
    assert!(
        text.starts_with("recipient,name,file,credential_id,sha256\n"),
        "{text}"
    );
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            assert_eq!(r.len(), 5, "{r:?}");
            ManifestRow {
                recipient: r[0].to_owned(),
                name: r[1].to_owned(),
                file: r[2].to_owned(),
                credential_id: r[3].to_owned(),
                sha256: r[4].to_owned(),
            }
        })
        .collect()
}

/// Checks that every listed file is there with its listed SHA-256 and that
/// the credential ids are unique.
fn assert_manifest_matches_files(dir: &Path, rows: &[ManifestRow]) {
    let ids: HashSet<&str> = rows.iter().map(|r| r.credential_id.as_str()).collect();
    assert_eq!(ids.len(), rows.len(), "credential ids are unique");
    let files: HashSet<&str> = rows.iter().map(|r| r.file.as_str()).collect();
    assert_eq!(files.len(), rows.len(), "file names are unique");
    for r in rows {
        assert!(r.credential_id.starts_with("urn:uuid:"), "{r:?}");
        let bytes = std::fs::read(dir.join(&r.file)).unwrap_or_else(|e| panic!("{}: {e}", r.file));
        assert_eq!(sha256_hex(&bytes), r.sha256, "{}", r.file);
    }
}

/// How many badges the log holds.
fn issued_total(home: &Home) -> u64 {
    home.json(&["issued", "list", "--json", "--limit", "10000"])["total"]
        .as_u64()
        .unwrap()
}

// ------------------------------------------------------------ issuers

#[test]
fn issuer_new_prints_its_id_last_and_list_and_show_find_it() {
    let home = Home::new();
    let out = home.run(&[
        "issuer",
        "new",
        "--name",
        ISSUER,
        "--url",
        "https://example.org",
    ]);
    let (code, stdout, stderr) = parts(&out);
    assert_eq!(code, 0, "{stderr}");
    let id = last_line(&stdout);
    assert!(
        id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit()),
        "{stdout:?}"
    );
    assert!(stderr.contains("did:key:z6Mk"), "{stderr}");
    assert!(
        stderr.contains("issuer export"),
        "backups are suggested: {stderr}"
    );

    let second = home.json(&["issuer", "new", "--name", "Lakeside Chess Club", "--json"]);
    let did = second["did"].as_str().unwrap();
    assert!(did.starts_with("did:key:z6Mk"), "{second}");
    assert_eq!(second["name"], "Lakeside Chess Club");
    assert_eq!(second["issuedCount"], 0);

    let list = home.ok(&["issuer", "list"]);
    assert_eq!(list.lines().count(), 2, "{list}");
    let line = list.lines().find(|l| l.contains(ISSUER)).unwrap();
    assert!(
        line.starts_with(&id) && line.contains("did:key:z6Mk"),
        "{line}"
    );
    assert!(list.contains(did), "{list}");

    let list = home.json(&["issuer", "list", "--json"]);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    let first = list.iter().find(|i| i["id"] == id.as_str()).unwrap();
    assert_eq!(first["name"], ISSUER);
    assert_eq!(first["url"], "https://example.org");

    // By a start of its id, by its DID, by its name in another case.
    let shown = home.ok(&["issuer", "show", &id[..6]]);
    assert!(shown.starts_with(ISSUER), "{shown}");
    assert!(shown.contains(&format!("id:          {id}")), "{shown}");
    assert!(
        shown.contains(&format!("DID:         {}", first["did"].as_str().unwrap())),
        "{shown}"
    );
    assert!(
        shown.contains("website:     https://example.org"),
        "{shown}"
    );
    let by_did = home.json(&["issuer", "show", did, "--json"]);
    assert_eq!(by_did["name"], "Lakeside Chess Club");
    let by_name = home.json(&["issuer", "show", "riverside coding club", "--json"]);
    assert_eq!(by_name["id"], id.as_str());

    assert_error(
        &home.run(&["issuer", "show", "Nobody"]),
        2,
        "no issuer is called Nobody",
    );
}

#[test]
fn issuer_update_changes_only_the_options_given() {
    let home = Home::new();
    let id = new_issuer(
        &home,
        &[
            "--url",
            "https://example.org",
            "--email",
            "club@example.org",
        ],
    );
    let (code, stdout, stderr) = parts(&home.run(&[
        "issuer",
        "update",
        &id,
        "--status-list-url",
        STATUS_URL,
        "--description",
        "We code on Tuesdays.",
    ]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    let shown = home.json(&["issuer", "show", &id, "--json"]);
    assert_eq!(shown["statusListUrl"], STATUS_URL);
    assert_eq!(shown["description"], "We code on Tuesdays.");
    assert_eq!(shown["name"], ISSUER, "unchanged");
    assert_eq!(shown["url"], "https://example.org", "unchanged");
    assert_eq!(shown["email"], "club@example.org", "unchanged");
    let text = home.ok(&["issuer", "show", &id]);
    assert!(
        text.contains(&format!("status list: {STATUS_URL}")),
        "{text}"
    );

    assert_error(
        &home.run(&[
            "issuer",
            "update",
            &id,
            "--status-list-url",
            "ftp://example.org/x",
        ]),
        2,
        "status list URL",
    );
    assert_error(
        &home.run(&["issuer", "update", &id, "--email", "not-an-address"]),
        2,
        "email",
    );
    let after = home.json(&["issuer", "show", &id, "--json"]);
    assert_eq!(
        after["statusListUrl"], STATUS_URL,
        "a refused update changes nothing"
    );
    assert_eq!(after["email"], "club@example.org");
}

#[test]
fn an_issuer_backup_is_private_and_restores_the_same_key_elsewhere() {
    let home = Home::new();
    let id = new_issuer(&home, &["--status-list-url", STATUS_URL]);
    let did = home.json(&["issuer", "show", &id, "--json"])["did"]
        .as_str()
        .unwrap()
        .to_owned();
    let dir = tempfile::tempdir().unwrap();
    let backup = dir.path().join("club.badgesmith-issuer");
    let (code, stdout, stderr) = parts(&home.run(&["issuer", "export", &id, "-o", arg(&backup)]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty());
    assert!(stderr.contains("same passphrase"), "{stderr}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&backup).unwrap().permissions().mode();
        assert_eq!(
            mode & 0o777,
            0o600,
            "the backup is readable by its owner only"
        );
    }
    let text = std::fs::read_to_string(&backup).unwrap();
    assert!(
        !text.contains(PASSPHRASE),
        "the passphrase is not in the backup"
    );
    let longest_hex_run = text
        .split(|c: char| !c.is_ascii_hexdigit())
        .map(str::len)
        .max()
        .unwrap_or(0);
    assert!(longest_hex_run < 64, "no seed-like hex in the backup");
    assert!(text.contains(&did), "the backup names its key's DID");

    // A wrong passphrase imports nothing.
    let elsewhere = Home::new();
    let refused = elsewhere.run_with(
        &["issuer", "import", arg(&backup)],
        Some("not the passphrase"),
    );
    assert_error(&refused, 2, "passphrase is wrong");
    let (_, _, stderr) = parts(&refused);
    assert!(
        stderr.contains("club.badgesmith-issuer"),
        "names the file: {stderr}"
    );
    assert_eq!(
        elsewhere.json(&["issuer", "list", "--json"]),
        Value::Array(vec![])
    );

    let (code, stdout, stderr) = parts(&elsewhere.run(&["issuer", "import", arg(&backup)]));
    assert_eq!(code, 0, "{stderr}");
    let new_id = last_line(&stdout);
    let restored = elsewhere.json(&["issuer", "show", &new_id, "--json"]);
    assert_eq!(restored["did"], did.as_str(), "the same key");
    assert_eq!(restored["name"], ISSUER);
    assert_eq!(restored["statusListUrl"], STATUS_URL);

    // The restored key signs: a badge from the new home verifies with that DID.
    new_achievement(&elsewhere, &[]);
    let (_, file) = issue_one(&elsewhere, "ada@example.org", &dir.path().join("out"), &[]);
    let (code, report) = verify(&elsewhere, &file, &[]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["issuer"]["id"], did.as_str());

    // The same key cannot be added twice.
    assert_error(
        &elsewhere.run(&["issuer", "import", arg(&backup)]),
        2,
        "already",
    );
    assert_eq!(
        elsewhere
            .json(&["issuer", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn a_seed_file_in_hex_or_multibase_gives_the_did_key_of_that_seed() {
    let seed: [u8; 32] = (0..32)
        .map(|i| u8::from_str_radix(&SEED_HEX[2 * i..2 * i + 2], 16).unwrap())
        .collect::<Vec<u8>>()
        .try_into()
        .unwrap();
    let public = ed25519_dalek::SigningKey::from_bytes(&seed).verifying_key();
    let expected = badgesmith_credential::did::did_key(&public);
    assert!(expected.starts_with("did:key:z6Mk"));

    let dir = tempfile::tempdir().unwrap();
    let hex = dir.path().join("seed.hex");
    std::fs::write(&hex, format!("{SEED_HEX}\n")).unwrap();
    let multibase = dir.path().join("seed.multibase");
    std::fs::write(
        &multibase,
        badgesmith_credential::multibase::encode_base58btc(&seed),
    )
    .unwrap();
    let mut prefixed = vec![0x80, 0x26];
    prefixed.extend_from_slice(&seed);
    let multicodec = dir.path().join("seed.multicodec");
    std::fs::write(
        &multicodec,
        badgesmith_credential::multibase::encode_base58btc(&prefixed),
    )
    .unwrap();

    for file in [&hex, &multibase, &multicodec] {
        let home = Home::new();
        let created = home.json(&[
            "issuer",
            "import",
            "--seed-file",
            arg(file),
            "--name",
            "Moved Club",
            "--json",
        ]);
        assert_eq!(created["did"], expected.as_str(), "{}", file.display());
        assert_eq!(created["name"], "Moved Club");
        let list = home.json(&["issuer", "list", "--json"]);
        assert_eq!(list.as_array().unwrap().len(), 1);
        assert_eq!(list[0]["did"], expected.as_str());
    }
}

#[test]
fn a_bad_seed_file_is_refused_naming_it() {
    let home = Home::new();
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("words.seed", "hello there\n", "neither hex nor multibase"),
        ("short.seed", &SEED_HEX[..62], "31 bytes"),
        ("bad-base58.seed", "z0OIl", "base58"),
    ];
    for (name, content, reason) in cases {
        let file = dir.path().join(name);
        std::fs::write(&file, content).unwrap();
        let out = home.run(&[
            "issuer",
            "import",
            "--seed-file",
            arg(&file),
            "--name",
            "Moved",
        ]);
        assert_error(&out, 2, name);
        assert_error(&out, 2, reason);
    }
    let missing = dir.path().join("missing.seed");
    assert_error(
        &home.run(&[
            "issuer",
            "import",
            "--seed-file",
            arg(&missing),
            "--name",
            "Moved",
        ]),
        2,
        "missing.seed",
    );
    let good = dir.path().join("good.seed");
    std::fs::write(&good, SEED_HEX).unwrap();
    assert_error(
        &home.run(&["issuer", "import", "--seed-file", arg(&good)]),
        2,
        "--name",
    );
    assert_eq!(
        home.json(&["issuer", "list", "--json"]),
        Value::Array(vec![])
    );
}

// ------------------------------------------------------------ passphrases

#[test]
fn a_new_passphrase_needs_at_least_8_characters() {
    let home = Home::new();
    let out = home.run_with(&["issuer", "new", "--name", ISSUER], Some("short"));
    assert_error(&out, 2, "at least 8 characters");
    assert_eq!(
        home.json(&["issuer", "list", "--json"]),
        Value::Array(vec![])
    );
}

#[test]
fn without_a_passphrase_the_error_says_how_to_give_one() {
    let home = Home::new();
    let out = home.run_with(&["issuer", "new", "--name", ISSUER], None);
    assert_error(&out, 2, "--passphrase-file");
    assert_error(&out, 2, "BADGESMITH_PASSPHRASE");
    assert_eq!(
        home.json(&["issuer", "list", "--json"]),
        Value::Array(vec![])
    );

    new_issuer(&home, &[]);
    new_achievement(&home, &[]);
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let out = home.run_with(
        &[
            "issue",
            "--achievement",
            ACHIEVEMENT,
            "--recipient",
            "ada@example.org",
            "-o",
            arg(&out_dir),
        ],
        None,
    );
    assert_error(&out, 2, "--passphrase-file");
    assert_error(&out, 2, "BADGESMITH_PASSPHRASE");
    assert!(all_files(&out_dir).is_empty());
    assert_eq!(issued_total(&home), 0);
}

#[test]
fn a_passphrase_file_gives_its_first_line() {
    let home = Home::new();
    let dir = tempfile::tempdir().unwrap();
    let pass_file = dir.path().join("pass.txt");
    std::fs::write(&pass_file, "a long passphrase\nnot this line\n").unwrap();
    let (code, _, stderr) = parts(&home.run_with(
        &[
            "issuer",
            "new",
            "--name",
            ISSUER,
            "--passphrase-file",
            arg(&pass_file),
        ],
        None,
    ));
    assert_eq!(code, 0, "{stderr}");
    new_achievement(&home, &[]);
    let out_dir = dir.path().join("out");
    let issue = |recipient: &str, file: Option<&Path>, env: Option<&str>| {
        let mut args = vec![
            "issue",
            "--achievement",
            ACHIEVEMENT,
            "--recipient",
            recipient,
            "-o",
            arg(&out_dir),
        ];
        if let Some(f) = file {
            args.extend_from_slice(&["--passphrase-file", arg(f)]);
        }
        home.run_with(&args, env)
    };
    // The file wins over the environment.
    let (code, _, stderr) = parts(&issue(
        "ada@example.org",
        Some(&pass_file),
        Some("something else"),
    ));
    assert_eq!(code, 0, "{stderr}");
    // Only the first line was the passphrase.
    let (code, _, stderr) = parts(&issue("bob@example.org", None, Some("a long passphrase")));
    assert_eq!(code, 0, "{stderr}");
    assert_error(
        &issue(
            "carol@example.org",
            None,
            Some("a long passphrase\nnot this line"),
        ),
        2,
        "is wrong",
    );
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    assert_error(&issue("dan@example.org", Some(&empty), None), 2, "empty");
    assert_error(
        &issue("dan@example.org", Some(&dir.path().join("nope.txt")), None),
        2,
        "nope.txt",
    );
    assert_eq!(files_ending(&out_dir, ".png"), ["ada.png", "bob.png"]);
    assert_eq!(issued_total(&home), 2);
}

#[test]
fn a_wrong_passphrase_issues_nothing() {
    let home = ready(&[]);
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let out = home.run_with(
        &[
            "issue",
            "--achievement",
            ACHIEVEMENT,
            "--recipient",
            "ada@example.org",
            "-o",
            arg(&out_dir),
        ],
        Some("not the passphrase"),
    );
    assert_error(&out, 2, "is wrong");
    assert_error(&out, 2, "passphrase");
    assert!(all_files(&out_dir).is_empty(), "{:?}", all_files(&out_dir));

    let csv = dir.path().join("class.csv");
    std::fs::write(&csv, "email\nada@example.org\nbob@example.org\n").unwrap();
    let out = home.run_with(
        &[
            "issue",
            "--achievement",
            ACHIEVEMENT,
            "--csv",
            arg(&csv),
            "-o",
            arg(&out_dir),
        ],
        Some("not the passphrase"),
    );
    assert_error(&out, 2, "is wrong");
    assert!(all_files(&out_dir).is_empty(), "{:?}", all_files(&out_dir));
    assert_eq!(issued_total(&home), 0);
}

// ------------------------------------------------------------ missing things

#[test]
fn an_achievement_needs_an_issuer_first_and_leaves_nothing_behind() {
    let home = Home::new();
    let out = home.run(&[
        "achievement",
        "new",
        "--name",
        ACHIEVEMENT,
        "--description",
        "D",
        "--criteria",
        "C",
        "--design",
        "template:coding-club",
    ]);
    assert_error(&out, 2, "badgesmith issuer new");
    assert_eq!(
        home.json(&["achievement", "list", "--json"]),
        Value::Array(vec![])
    );
    assert_eq!(
        home.json(&["design", "list", "--json"]),
        Value::Array(vec![]),
        "the template was not saved for nothing"
    );

    // With two issuers, say which.
    new_issuer(&home, &[]);
    home.ok(&["issuer", "new", "--name", "Lakeside Chess Club"]);
    let out = home.run(&[
        "achievement",
        "new",
        "--name",
        ACHIEVEMENT,
        "--description",
        "D",
        "--criteria",
        "C",
        "--design",
        "template:coding-club",
    ]);
    assert_error(&out, 2, "--issuer");
    let id = new_achievement(&home, &["--issuer", ISSUER]);
    let shown = home.json(&["achievement", "show", &id, "--json"]);
    assert_eq!(shown["issuerName"], ISSUER);
}

#[test]
fn issuing_an_unknown_achievement_names_it() {
    let home = ready(&[]);
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let out = home.run(&[
        "issue",
        "--achievement",
        "Chess Basics",
        "--recipient",
        "ada@example.org",
        "-o",
        arg(&out_dir),
    ]);
    assert_error(&out, 2, "Chess Basics");
    assert!(all_files(&out_dir).is_empty());
}

// ------------------------------------------------------------ achievements

#[test]
fn achievements_take_a_template_a_design_file_or_a_saved_design() {
    let home = Home::new();
    new_issuer(&home, &[]);
    let coding = new_achievement(
        &home,
        &[
            "--tag",
            "python",
            "--tag",
            "beginner",
            "--alignment",
            "Programming | https://example.org/skills/programming",
            "--result",
            "Final grade|LetterGrade",
            "--result",
            "Completed",
        ],
    );
    let first_aid_file = template("first-aid");
    let first_aid = last_line(&home.ok(&[
        "achievement",
        "new",
        "--name",
        "First Aid",
        "--description",
        "Knows the recovery position.",
        "--criteria-url",
        "https://example.org/criteria/first-aid",
        "--design",
        arg(&first_aid_file),
    ]));
    let design_id = last_line(&home.ok(&["design", "import", arg(&template("hackathon"))]));
    let hackathon = last_line(&home.ok(&[
        "achievement",
        "new",
        "--name",
        "Hackathon 2026",
        "--description",
        "Built something in a weekend.",
        "--criteria",
        "Demo a working project.",
        "--design",
        "Hackathon",
    ]));

    let list = home.ok(&["achievement", "list"]);
    assert_eq!(list.lines().count(), 3, "{list}");
    for (id, name) in [
        (&coding, ACHIEVEMENT),
        (&first_aid, "First Aid"),
        (&hackathon, "Hackathon 2026"),
    ] {
        let line = list
            .lines()
            .find(|l| l.starts_with(id.as_str()))
            .unwrap_or_else(|| panic!("{list}"));
        assert!(
            line.contains(name) && line.contains(ISSUER) && line.contains("0 issued"),
            "{line}"
        );
    }
    let json = home.json(&["achievement", "list", "--json"]);
    assert_eq!(json.as_array().unwrap().len(), 3);

    let shown = home.ok(&["achievement", "show", ACHIEVEMENT]);
    for expected in [
        "tags:        python, beginner",
        "aligned to:  Programming (https://example.org/skills/programming)",
        "result:      Final grade (LetterGrade)",
        "result:      Completed (Status)",
        "criteria:    Finish the six lessons",
    ] {
        assert!(shown.contains(expected), "{expected:?} in {shown}");
    }
    let a = home.json(&["achievement", "show", &coding[..8], "--json"]);
    assert_eq!(a["id"], coding.as_str());
    assert_eq!(
        a["input"]["tags"],
        serde_json::json!(["python", "beginner"])
    );
    assert_eq!(a["input"]["alignments"][0]["targetName"], "Programming");
    assert_eq!(
        a["input"]["alignments"][0]["targetUrl"],
        "https://example.org/skills/programming"
    );
    assert_eq!(a["input"]["results"][1]["resultType"], "Status");
    assert!(
        a["thumbnail"]
            .as_str()
            .unwrap()
            .starts_with("data:image/png;base64,"),
        "a thumbnail is drawn"
    );

    let b = home.json(&["achievement", "show", "first aid", "--json"]);
    assert_eq!(
        b["input"]["criteriaUrl"],
        "https://example.org/criteria/first-aid"
    );
    assert!(b["input"]["designId"].is_string());
    let c = home.json(&["achievement", "show", &hackathon, "--json"]);
    assert_eq!(
        c["input"]["designId"],
        design_id.as_str(),
        "the saved design is used"
    );

    // The achievement's fields reach the signed credential.
    let dir = tempfile::tempdir().unwrap();
    let (_, file) = issue_one(&home, "ada@example.org", dir.path(), &[]);
    let vc: Value = serde_json::from_str(&unbake(&home, &file)).unwrap();
    let achievement = &vc["credentialSubject"]["achievement"];
    assert_eq!(achievement["name"], ACHIEVEMENT);
    assert_eq!(
        achievement["tag"],
        serde_json::json!(["python", "beginner"])
    );
    assert_eq!(
        achievement["alignment"][0]["targetUrl"],
        "https://example.org/skills/programming"
    );
    assert_eq!(
        achievement["resultDescription"][0]["resultType"],
        "LetterGrade"
    );
    let (code, report) = verify(&home, &file, &[]);
    assert_eq!(code, 0, "{report}");
}

#[test]
fn achievement_fields_are_checked_and_named() {
    let home = Home::new();
    new_issuer(&home, &[]);
    let base = [
        "achievement",
        "new",
        "--name",
        ACHIEVEMENT,
        "--description",
        "Wrote a first program.",
        "--design",
        "template:coding-club",
    ];
    let with = |extra: &[&str]| {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        home.run(&args)
    };
    let cases: [(&[&str], &str); 8] = [
        (
            &[
                "--criteria",
                "C",
                "--alignment",
                "Programming|ftp://example.org/p",
            ],
            "alignments[0]",
        ),
        (
            &["--criteria", "C", "--alignment", "Programming"],
            "--alignment",
        ),
        (
            &["--criteria", "C", "--alignment", "|https://example.org/p"],
            "alignments[0]",
        ),
        (
            &["--criteria", "C", "--result", "Grade|Stars"],
            "results[0]",
        ),
        (&[], "criteria"),
        (&["--criteria", "  "], "criteria"),
        (&["--criteria-url", "example.org/criteria"], "criteria URL"),
        (&["--criteria", "C", "--issuer", "Nobody"], "Nobody"),
    ];
    for (extra, field) in cases {
        assert_error(&with(extra), 2, field);
    }
    let mut args = base.to_vec();
    args[3] = " ";
    args.extend_from_slice(&["--criteria", "C"]);
    assert_error(&home.run(&args), 2, "name");
    let mut args = base.to_vec();
    args[7] = "template:no-such-template";
    args.extend_from_slice(&["--criteria", "C"]);
    assert_error(&home.run(&args), 2, "no-such-template");
    let mut args = base.to_vec();
    args[7] = "No Such Design";
    args.extend_from_slice(&["--criteria", "C"]);
    assert_error(&home.run(&args), 2, "No Such Design");

    assert_eq!(
        home.json(&["achievement", "list", "--json"]),
        Value::Array(vec![])
    );
    assert_eq!(
        home.json(&["design", "list", "--json"]),
        Value::Array(vec![]),
        "refused achievements save no design"
    );
}

// ------------------------------------------------------------ one recipient

#[test]
fn issue_to_an_email_bakes_a_512_px_png_that_verifies_for_that_recipient() {
    let home = ready(&[]);
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let (code, stdout, stderr) = parts(&home.run(&[
        "issue",
        "--achievement",
        ACHIEVEMENT,
        "--recipient",
        "ada@example.org",
        "-o",
        arg(&out_dir),
    ]));
    assert_eq!(code, 0, "{stderr}");
    let id = last_line(&stdout);
    assert!(id.starts_with("urn:uuid:"), "{stdout}");
    let file = out_dir.join("ada.png");
    assert!(stderr.contains("ada.png"), "{stderr}");
    assert_eq!(files_ending(&out_dir, ""), ["ada.png"]);
    let bytes = std::fs::read(&file).unwrap();
    assert_eq!(png_size(&bytes), (512, 512));

    let (code, report) = verify(&home, &file, &["--recipient", "ada@example.org"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["valid"], true);
    for c in [
        "parse",
        "schema",
        "proof",
        "issuer-key",
        "dates",
        "status",
        "recipient",
    ] {
        assert_eq!(check(&report, c), "pass", "{c}: {report}");
    }
    assert_eq!(report["achievement"]["name"], ACHIEVEMENT);
    assert_eq!(report["issuer"]["name"], ISSUER);
    // Addresses are compared without regard to case.
    let (code, report) = verify(&home, &file, &["--recipient", "ADA@example.org"]);
    assert_eq!(code, 0, "{report}");
    let (code, report) = verify(&home, &file, &["--recipient", "eve@example.org"]);
    assert_eq!(code, 1, "{report}");
    assert_eq!(check(&report, "recipient"), "fail");
    // The text verdict too, and exit 0 without --json.
    let (code, text, _) = parts(&home.run(&["verify", arg(&file)]));
    assert_eq!(code, 0);
    assert!(text.lines().next().unwrap().ends_with(": VALID"), "{text}");

    let baked = unbake(&home, &file);
    assert!(baked.contains("\"eddsa-rdfc-2022\""), "{baked}");
    let vc: Value = serde_json::from_str(&baked).unwrap();
    assert_eq!(vc["id"], id.as_str());
    assert!(
        !baked.contains("ada@example.org"),
        "the address is hashed in the credential"
    );

    // With a name, the file is named after it.
    let (badge, file) = issue_one(
        &home,
        "bob@example.org",
        &out_dir,
        &["--name", "Bob Ó Briain"],
    );
    assert_eq!(badge["fileName"], "bob-o-briain.png");
    assert_eq!(badge["recipientName"], "Bob Ó Briain");
    let (code, report) = verify(&home, &file, &["--recipient", "bob@example.org"]);
    assert_eq!(code, 0, "{report}");
}

#[test]
fn issue_to_a_did_as_jwt_as_svg_and_at_256_px() {
    let home = ready(&[]);
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");

    // A DID, signed as a VC-JWT.
    let (badge, file) = issue_one(&home, RECIPIENT_DID, &out_dir, &["--proof", "jwt"]);
    assert_eq!(badge["proof"], "jwt");
    assert_eq!(badge["recipient"], RECIPIENT_DID);
    let jws = unbake(&home, &file);
    let segments: Vec<&str> = jws.trim().split('.').collect();
    assert_eq!(segments.len(), 3, "a compact JWS: {jws}");
    assert!(
        segments.iter().all(|s| !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')),
        "{jws}"
    );
    let header: Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(segments[0])
            .unwrap(),
    )
    .unwrap();
    assert_eq!(header["alg"], "EdDSA");
    let (code, report) = verify(&home, &file, &["--recipient", RECIPIENT_DID]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(check(&report, "recipient"), "pass");
    assert_eq!(check(&report, "proof"), "pass");

    // SVG.
    let (badge, file) = issue_one(&home, "ada@example.org", &out_dir, &["--format", "svg"]);
    assert_eq!(badge["format"], "svg");
    assert!(
        file.extension().is_some_and(|e| e == "svg"),
        "{}",
        file.display()
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.trim_start().starts_with("<svg") || text.starts_with("<?xml"),
        "an SVG"
    );
    let (code, report) = verify(&home, &file, &["--recipient", "ada@example.org"]);
    assert_eq!(code, 0, "{report}");
    assert!(unbake(&home, &file).contains("\"eddsa-rdfc-2022\""));

    // 256 px.
    let (_, file) = issue_one(&home, "bob@example.org", &out_dir, &["--size", "256"]);
    assert_eq!(png_size(&std::fs::read(&file).unwrap()), (256, 256));
    let (code, report) = verify(&home, &file, &[]);
    assert_eq!(code, 0, "{report}");

    assert_error(
        &home.run(&[
            "issue",
            "--achievement",
            ACHIEVEMENT,
            "--recipient",
            "carol@example.org",
            "-o",
            arg(&out_dir),
            "--size",
            "10",
        ]),
        2,
        "size",
    );
    assert_error(
        &home.run(&[
            "issue",
            "--achievement",
            ACHIEVEMENT,
            "--recipient",
            "not-an-address",
            "-o",
            arg(&out_dir),
        ]),
        2,
        "recipient",
    );
    assert_eq!(issued_total(&home), 3);
}

// ------------------------------------------------------------ CSV batches

#[test]
fn a_csv_batch_issues_every_row_with_a_manifest() {
    let home = ready(&[]);
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("class.csv");
    let text = format!(
        "\u{feff}EMAIL,Name,Team,Evidence_URL,VALID_FROM\r\n\
         ada@example.org,\"Lovelace, Ada\",blue,https://example.org/work/ada,2025-01-01\r\n\
         bob@example.org,José Ñúñez,red,,\r\n\
         carol@example.org,José Ñúñez,red,,\r\n\
         {RECIPIENT_DID},Dee Did,green,,\r\n\
         dan@example.org,Ünal Çelik,,,\r\n"
    );
    std::fs::write(&csv, text).unwrap();
    let out_dir = dir.path().join("out");
    let (code, stdout, stderr) = parts(&home.run(&[
        "issue",
        "--achievement",
        ACHIEVEMENT,
        "--csv",
        arg(&csv),
        "-o",
        arg(&out_dir),
        "--json",
    ]));
    assert_eq!(code, 0, "{stderr}");
    let warning = stderr.lines().next().unwrap();
    assert!(
        warning.contains("class.csv") && warning.contains("\"Team\""),
        "the ignored column is named: {stderr}"
    );
    let outcome: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(outcome["issued"], 5, "{outcome}");
    assert_eq!(outcome["alreadyIssued"], 0);
    assert_eq!(outcome["total"], 5);
    assert_eq!(outcome["cancelled"], false);

    let files = [
        "lovelace-ada.png",
        "jose-nunez.png",
        "jose-nunez-2.png",
        "dee-did.png",
        "unal-celik.png",
    ];
    let mut sorted = files.to_vec();
    sorted.push("manifest.csv");
    sorted.sort_unstable();
    assert_eq!(all_files(&out_dir), sorted);

    let rows = manifest(&out_dir);
    assert_eq!(rows.len(), 5);
    let recipients = [
        "ada@example.org",
        "bob@example.org",
        "carol@example.org",
        RECIPIENT_DID,
        "dan@example.org",
    ];
    let names = [
        "Lovelace, Ada",
        "José Ñúñez",
        "José Ñúñez",
        "Dee Did",
        "Ünal Çelik",
    ];
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(r.recipient, recipients[i]);
        assert_eq!(r.name, names[i]);
        assert_eq!(r.file, files[i]);
    }
    assert_manifest_matches_files(&out_dir, &rows);

    for r in &rows {
        let file = out_dir.join(&r.file);
        let vc: Value = serde_json::from_str(&unbake(&home, &file)).unwrap();
        assert_eq!(vc["id"], r.credential_id.as_str(), "{}", r.file);
        let (code, report) = verify(&home, &file, &["--recipient", &r.recipient]);
        assert_eq!(code, 0, "{}: {report}", r.file);
        assert_eq!(check(&report, "recipient"), "pass", "{}", r.file);
    }
    let ada: Value = serde_json::from_str(&unbake(&home, &out_dir.join(files[0]))).unwrap();
    assert_eq!(ada["validFrom"], "2025-01-01T00:00:00Z");
    assert_eq!(ada["evidence"][0]["id"], "https://example.org/work/ada");
    assert_eq!(issued_total(&home), 5);
}

#[test]
fn a_csv_with_bad_rows_issues_nothing_and_lists_every_bad_line() {
    let home = ready(&[]);
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("class.csv");
    std::fs::write(
        &csv,
        "email,name,evidence_url,valid_from,valid_until\n\
         ada@example.org,Ada,,,\n\
         not-an-email,Xavier,,,\n\
         ADA@example.org,Ada again,,,\n\
         bob@example.org,Bob,,yesterday,\n\
         carol@example.org,Carol,,2025-02-01,2025-01-01\n\
         dan@example.org,Dan,ftp://example.org/dan,,\n\
         eve@example.org,Eve\n\
         fay@example.org,Fay,,,,extra\n\
         gus@example.org,Gus,,,\n",
    )
    .unwrap();
    let out_dir = dir.path().join("out");
    let args = [
        "issue",
        "--achievement",
        ACHIEVEMENT,
        "--csv",
        arg(&csv),
        "-o",
        arg(&out_dir),
    ];
    // The rows are checked before the passphrase is asked for.
    for passphrase in [Some(PASSPHRASE), None] {
        let (code, stdout, stderr) = parts(&home.run_with(&args, passphrase));
        assert_eq!(code, 2, "{stderr}");
        assert!(stdout.is_empty(), "{stdout}");
        let lines: Vec<&str> = stderr.lines().collect();
        assert!(
            lines[0].contains("class.csv: 7 of 9 rows have errors")
                && lines[0].contains("nothing was issued"),
            "{stderr}"
        );
        assert_eq!(lines.len(), 8, "one line per bad row: {stderr}");
        let expected = [
            (3, "not-an-email"),
            (4, "already on line 2"),
            (5, "valid_from"),
            (6, "valid_until"),
            (7, "evidence_url"),
            (8, "2 fields but the header has 5"),
            (9, "6 fields but the header has 5"),
        ];
        for ((n, why), line) in expected.iter().zip(&lines[1..]) {
            assert!(
                line.trim_start().starts_with(&format!("line {n}:")) && line.contains(why),
                "{line:?} should be line {n} about {why}"
            );
        }
        assert!(
            !stderr.contains("line 2:") && !stderr.contains("line 10:"),
            "{stderr}"
        );
        assert!(
            files_ending(&out_dir, ".png").is_empty() && !out_dir.join("manifest.csv").exists(),
            "{:?}",
            all_files(&out_dir)
        );
    }
    assert_eq!(issued_total(&home), 0);
}

#[test]
fn a_csv_without_an_email_column_or_without_rows_is_refused_in_one_sentence() {
    let home = ready(&[]);
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let cases = [
        (
            "names.csv",
            "name,mail\nAda,ada@example.org\n",
            "no \"email\" column",
        ),
        ("empty.csv", "", "empty"),
        ("blank.csv", "\n  \n", "empty"),
        ("header.csv", "email,name\n", "no recipients"),
    ];
    for (name, content, needle) in cases {
        let csv = dir.path().join(name);
        std::fs::write(&csv, content).unwrap();
        let out = home.run_with(
            &[
                "issue",
                "--achievement",
                ACHIEVEMENT,
                "--csv",
                arg(&csv),
                "-o",
                arg(&out_dir),
            ],
            None,
        );
        assert_error(&out, 2, name);
        assert_error(&out, 2, needle);
    }
    assert!(all_files(&out_dir).is_empty());
}

// ------------------------------------------------------------ revocation

#[test]
fn a_revoked_badge_fails_its_status_check_here_and_with_the_list_elsewhere() {
    let home = ready(&["--status-list-url", STATUS_URL]);
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let (ada, ada_file) = issue_one(&home, "ada@example.org", &out_dir, &[]);
    let (_, bob_file) = issue_one(&home, "bob@example.org", &out_dir, &["--proof", "jwt"]);
    assert_eq!(ada["revocable"], true);
    for file in [&ada_file, &bob_file] {
        let (code, report) = verify(&home, file, &[]);
        assert_eq!(code, 0, "{report}");
        assert_eq!(
            check(&report, "status"),
            "pass",
            "the saved list says not revoked"
        );
    }

    // Revoke by the start of the UUID.
    let id = ada["id"].as_str().unwrap();
    let short = &id["urn:uuid:".len().."urn:uuid:".len() + 8];
    let list = dir.path().join("list.json");
    let (code, stdout, stderr) = parts(&home.run(&[
        "issued",
        "revoke",
        short,
        "--reason",
        "Awarded by mistake",
        "-o",
        arg(&list),
    ]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty());
    assert!(
        stderr.contains(id) && stderr.contains(STATUS_URL),
        "{stderr}"
    );
    let list_json: Value = serde_json::from_slice(&std::fs::read(&list).unwrap()).unwrap();
    assert_eq!(list_json["id"], STATUS_URL);

    let (code, report) = verify(&home, &ada_file, &[]);
    assert_eq!(code, 1, "{report}");
    assert_eq!(report["valid"], false);
    assert_eq!(check(&report, "status"), "fail");
    assert_eq!(check(&report, "proof"), "pass");
    let (code, text, _) = parts(&home.run(&["verify", arg(&ada_file)]));
    assert_eq!(code, 1);
    assert!(text.contains("[FAIL] status"), "{text}");
    let (code, report) = verify(&home, &bob_file, &[]);
    assert_eq!(code, 0, "the other badge still verifies: {report}");
    assert_eq!(check(&report, "status"), "pass");

    let logged = home.json(&["issued", "list", "--json"]);
    let row = logged["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["id"] == id)
        .unwrap();
    assert!(row["revokedAt"].is_string(), "{row}");
    assert_eq!(row["revokedReason"], "Awarded by mistake");
    assert!(home.ok(&["issued", "list", "ada"]).contains("[revoked"));

    // Another computer: only with the list file does it know.
    let elsewhere = Home::new();
    let (code, report) = verify(&elsewhere, &ada_file, &["--status-list", arg(&list)]);
    assert_eq!(code, 1, "{report}");
    assert_eq!(check(&report, "status"), "fail");
    let (code, report) = verify(&elsewhere, &bob_file, &["--status-list", arg(&list)]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(check(&report, "status"), "pass");
    let (code, report) = verify(&elsewhere, &ada_file, &[]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(check(&report, "status"), "skip");

    // The signed list on demand.
    let published = dir.path().join("published.json");
    let (code, _, stderr) =
        parts(&home.run(&["issuer", "status-list", ISSUER, "-o", arg(&published)]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains(STATUS_URL), "{stderr}");
    let value: Value = serde_json::from_slice(&std::fs::read(&published).unwrap()).unwrap();
    assert!(
        value["type"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "BitstringStatusListCredential"),
        "{value}"
    );
    assert_eq!(value["id"], STATUS_URL);
    assert_eq!(value["proof"]["cryptosuite"], "eddsa-rdfc-2022");
    let (code, report) = verify(&elsewhere, &ada_file, &["--status-list", arg(&published)]);
    assert_eq!(code, 1, "{report}");
    assert_eq!(check(&report, "status"), "fail");
}

#[test]
fn a_badge_issued_without_a_status_list_cannot_be_revoked() {
    let home = ready(&[]);
    let dir = tempfile::tempdir().unwrap();
    let (badge, file) = issue_one(&home, "ada@example.org", dir.path(), &[]);
    assert_eq!(badge["revocable"], false);
    let id = badge["id"].as_str().unwrap();
    let out = home.run_with(&["issued", "revoke", id], None);
    assert_error(&out, 2, "cannot be revoked");
    assert_error(&out, 2, id);
    assert!(
        home.ok(&["issued", "list"])
            .contains("[active (not revocable)]")
    );
    let (code, report) = verify(&home, &file, &[]);
    assert_eq!(code, 0, "{report}");

    // Nor is there a list to publish.
    let out = home.run(&[
        "issuer",
        "status-list",
        ISSUER,
        "-o",
        arg(&dir.path().join("l.json")),
    ]);
    assert_error(&out, 2, "status-list URL");
    assert_error(&home.run(&["issued", "revoke", "0000"]), 2, "0000");
}

// ------------------------------------------------------------ the log

#[test]
fn issued_list_searches_and_export_writes_the_same_bytes() {
    let home = ready(&[]);
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let (ada, ada_file) = issue_one(
        &home,
        "ada@example.org",
        &out_dir,
        &["--name", "Ada Lovelace"],
    );
    let (bob, _) = issue_one(&home, "bob@example.org", &out_dir, &["--format", "svg"]);
    let (_, did_file) = issue_one(&home, RECIPIENT_DID, &out_dir, &["--proof", "jwt"]);

    let text = home.ok(&["issued", "list"]);
    assert_eq!(text.lines().count(), 3, "{text}");
    let line = text
        .lines()
        .find(|l| l.contains("ada@example.org"))
        .unwrap();
    assert!(
        line.starts_with(ada["id"].as_str().unwrap())
            && line.contains(ACHIEVEMENT)
            && line.contains("ada-lovelace.png"),
        "{line}"
    );

    let all = home.json(&["issued", "list", "--json"]);
    assert_eq!(all["total"], 3);
    assert_eq!(all["items"].as_array().unwrap().len(), 3);
    let found = home.json(&["issued", "list", "bob@", "--json"]);
    assert_eq!(found["total"], 1);
    assert_eq!(found["items"][0]["id"], bob["id"]);
    let found = home.json(&["issued", "list", "Lovelace", "--json"]);
    assert_eq!(found["total"], 1, "by recipient name");
    let found = home.json(&["issued", "list", "--json", "--limit", "1"]);
    assert_eq!(found["total"], 3);
    assert_eq!(found["items"].as_array().unwrap().len(), 1);
    let (code, stdout, stderr) = parts(&home.run(&["issued", "list", "nobody-here"]));
    assert_eq!(code, 0);
    assert!(
        stdout.is_empty() && stderr.contains("No issued badges match"),
        "{stderr}"
    );

    for (id, original, name) in [
        (ada["id"].as_str().unwrap(), &ada_file, "again.png"),
        (
            bob["id"].as_str().unwrap(),
            &out_dir.join(bob["fileName"].as_str().unwrap()),
            "again.svg",
        ),
    ] {
        let copy = dir.path().join(name);
        home.ok(&["issued", "export", id, "-o", arg(&copy)]);
        assert_eq!(
            std::fs::read(&copy).unwrap(),
            std::fs::read(original).unwrap(),
            "{id}: the same bytes"
        );
    }
    let did_id = home.json(&["issued", "list", "z6MkiTBz", "--json"])["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let copy = dir.path().join("did.png");
    home.ok(&[
        "issued",
        "export",
        &did_id["urn:uuid:".len()..],
        "-o",
        arg(&copy),
    ]);
    assert_eq!(
        std::fs::read(&copy).unwrap(),
        std::fs::read(&did_file).unwrap()
    );
    assert_error(
        &home.run(&["issued", "export", "urn:uuid:nope", "-o", arg(&copy)]),
        2,
        "urn:uuid:nope",
    );
}

// ------------------------------------------------------------ resuming

/// A CSV of `rows` recipients.
fn big_csv(path: &Path, rows: usize) {
    let mut text = String::from("email,name\n");
    for i in 1..=rows {
        text.push_str(&format!("person{i}@example.org,Person {i}\n"));
    }
    std::fs::write(path, text).unwrap();
}

/// Checks a finished batch: one manifest line per row in CSV order, every
/// file there and intact, nothing else in the folder, the log complete.
fn assert_batch_complete(home: &Home, out_dir: &Path, rows: usize) -> Vec<ManifestRow> {
    let manifest = manifest(out_dir);
    assert_eq!(manifest.len(), rows, "one manifest line per row");
    for (i, r) in manifest.iter().enumerate() {
        assert_eq!(r.recipient, format!("person{}@example.org", i + 1));
        assert_eq!(r.file, format!("person-{}.png", i + 1));
    }
    assert_manifest_matches_files(out_dir, &manifest);
    assert_eq!(files_ending(out_dir, ".png").len(), rows);
    let others: Vec<String> = all_files(out_dir)
        .into_iter()
        .filter(|n| !n.ends_with(".png") && n != "manifest.csv")
        .collect();
    assert!(others.is_empty(), "no temporary files are left: {others:?}");
    assert_eq!(issued_total(home), rows as u64);
    manifest
}

#[test]
#[allow(clippy::print_stderr)] // how far each killed run got, for whoever runs it
fn a_batch_killed_with_sigkill_resumes_without_duplicates_or_gaps() {
    const ROWS: usize = 3000;
    let started = Instant::now();
    let home = ready(&[]);
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("school.csv");
    big_csv(&csv, ROWS);
    let out_dir = dir.path().join("out");
    let args = [
        "issue",
        "--achievement",
        ACHIEVEMENT,
        "--csv",
        arg(&csv),
        "-o",
        arg(&out_dir),
        "--json",
    ];

    // Kill it three times, each time further on.
    let mut logged_before = 0;
    for kill_at in [50, ROWS / 3, ROWS * 3 / 5] {
        let mut child = home
            .command(&args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let files = loop {
            let n = files_ending(&out_dir, ".png").len();
            if n >= kill_at {
                break n;
            }
            if let Some(status) = child.try_wait().unwrap() {
                panic!("the run ended ({status}) before {kill_at} files were written ({n})");
            }
            std::thread::sleep(Duration::from_millis(2));
        };
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        assert!(!status.success(), "killed, not finished");
        let logged = usize::try_from(issued_total(&home)).unwrap();
        let partial = files_ending(&out_dir, ".badgesmith-partial").len();
        eprintln!(
            "killed at {:.1} s with {files} files written ({partial} half-written) and {logged} of {ROWS} rows logged",
            started.elapsed().as_secs_f64()
        );
        assert!(logged < ROWS, "killed in the middle: {logged} rows logged");
        assert!(logged >= logged_before, "rows logged stay logged");
        logged_before = logged;
    }

    // What a kill in the middle of writing a file leaves, whether or not
    // one of the kills above happened to.
    std::fs::write(
        out_dir.join(".person-2999.png.badgesmith-partial"),
        b"half a badge",
    )
    .unwrap();
    let (code, stdout, stderr) = parts(&home.run(&args));
    assert_eq!(code, 0, "{stderr}");
    let outcome: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(outcome["alreadyIssued"], logged_before as u64, "{outcome}");
    assert_eq!(
        outcome["issued"],
        (ROWS - logged_before) as u64,
        "{outcome}"
    );
    assert_eq!(outcome["total"], ROWS as u64);
    assert_eq!(outcome["cancelled"], false);
    let first = assert_batch_complete(&home, &out_dir, ROWS);
    for r in first.iter().step_by(500) {
        let vc: Value = serde_json::from_str(&unbake(&home, &out_dir.join(&r.file))).unwrap();
        assert_eq!(vc["id"], r.credential_id.as_str(), "{}", r.file);
    }

    // A second rerun issues nothing new.
    let (code, stdout, stderr) = parts(&home.run(&args));
    assert_eq!(code, 0, "{stderr}");
    let outcome: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(outcome["issued"], 0, "{outcome}");
    assert_eq!(outcome["alreadyIssued"], ROWS as u64);
    assert_eq!(assert_batch_complete(&home, &out_dir, ROWS), first);
    let text_args = &args[..args.len() - 1];
    let (code, _, stderr) = parts(&home.run(text_args));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("Issued 0 badges")
            && stderr.contains(&format!("{ROWS} were already issued")),
        "{stderr}"
    );
    eprintln!(
        "kill -9 test: {:.1} s in all",
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn a_rerun_restores_a_deleted_or_changed_badge_byte_for_byte() {
    const ROWS: usize = 40; // more than one chunk of work
    let home = ready(&[]);
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("club.csv");
    big_csv(&csv, ROWS);
    let out_dir = dir.path().join("out");
    let args = [
        "issue",
        "--achievement",
        ACHIEVEMENT,
        "--csv",
        arg(&csv),
        "-o",
        arg(&out_dir),
        "--json",
    ];
    let outcome = home.json(&args);
    assert_eq!(outcome["issued"], ROWS as u64);
    let before = assert_batch_complete(&home, &out_dir, ROWS);
    let manifest_bytes = std::fs::read(out_dir.join("manifest.csv")).unwrap();

    let deleted = out_dir.join(&before[36].file);
    let original = std::fs::read(&deleted).unwrap();
    std::fs::remove_file(&deleted).unwrap();
    let changed = out_dir.join(&before[3].file);
    std::fs::write(&changed, b"not a badge any more").unwrap();

    let outcome = home.json(&args);
    assert_eq!(outcome["issued"], 0, "{outcome}");
    assert_eq!(outcome["alreadyIssued"], ROWS as u64);
    assert_eq!(
        std::fs::read(&deleted).unwrap(),
        original,
        "restored byte for byte"
    );
    let after = assert_batch_complete(&home, &out_dir, ROWS);
    assert_eq!(after, before, "the same credentials and hashes");
    assert_eq!(
        std::fs::read(out_dir.join("manifest.csv")).unwrap(),
        manifest_bytes
    );
    let (code, report) = verify(&home, &changed, &["--recipient", "person4@example.org"]);
    assert_eq!(code, 0, "{report}");
}

#[test]
fn a_second_badge_with_the_same_file_name_never_overwrites_the_first() {
    let home = ready(&[]);
    let out = home.path().join("out");
    let (_, first) = issue_one(&home, "ada@example.org", &out, &["--name", "Ada Lovelace"]);
    let before = std::fs::read(&first).unwrap();
    let (badge, second) = issue_one(&home, "ada@example.net", &out, &["--name", "Ada Lovelace"]);
    assert_eq!(badge["fileName"], "ada-lovelace-2.png");
    assert_ne!(first, second);
    assert_eq!(
        std::fs::read(&first).unwrap(),
        before,
        "the first badge is untouched"
    );
    for file in [&first, &second] {
        assert_eq!(verify(&home, file, &[]).0, 0);
    }
}

#[test]
fn a_status_list_needs_a_url_before_any_passphrase() {
    let home = ready(&[]);
    let out = home.path().join("list.json");
    let result = home.run_with(&["issuer", "status-list", ISSUER, "-o", arg(&out)], None);
    assert_error(&result, 2, "has no status-list URL");
    assert!(!out.exists());
}

#[test]
fn a_closed_standard_output_ends_quietly() {
    let home = ready(&[]);
    let mut child = home
        .command(&["achievement", "list", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}
