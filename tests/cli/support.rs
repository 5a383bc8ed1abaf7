//! Running the binary and finding fixtures.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The test fixtures folder at the repository root.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A vector file by its path under `tests/fixtures/vectors`.
pub fn vector(rel: &str) -> PathBuf {
    fixtures().join("vectors").join(rel)
}

/// Runs `badgesmith` with `args` in a throw-away home.
pub fn run(args: &[&str]) -> Output {
    run_with_stdin(args, None)
}

/// Runs `badgesmith` with `args`, feeding `stdin` when given.
pub fn run_with_stdin(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let home = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_badgesmith"))
        .args(args)
        .env("BADGESMITH_HOME", home.path())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    child.wait_with_output().unwrap()
}

/// The exit code, standard output and standard error (lossy text).
pub fn parts(out: &Output) -> (i32, String, String) {
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Asserts a failure with `code` and a one-line message containing `needle`.
pub fn assert_error(out: &Output, code: i32, needle: &str) {
    let (status, stdout, stderr) = parts(out);
    assert_eq!(status, code, "exit code; stderr: {stderr}");
    assert!(stdout.is_empty(), "nothing on stdout, got {stdout:?}");
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "one line on stderr: {stderr:?}"
    );
    assert!(
        stderr.contains(needle),
        "stderr {stderr:?} should contain {needle:?}"
    );
}

/// A minimal valid OB 3.0 credential (unsigned), as JSON text.
pub const OB3_JSON: &str = r#"{
  "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
  "id": "urn:uuid:4d6a0c4e-8a33-4c8a-9d43-07e0f1c0a001",
  "type": ["VerifiableCredential", "OpenBadgeCredential"],
  "issuer": {"id": "did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi", "type": ["Profile"], "name": "Riverside Chess Club"},
  "validFrom": "2026-09-01T00:00:00Z",
  "name": "Endgame Master — ♔",
  "credentialSubject": {"type": ["AchievementSubject"], "achievement": {"id": "urn:uuid:1", "type": ["Achievement"], "name": "Endgame Master", "criteria": {"narrative": "Win three endgames."}}}
}
"#;

/// A minimal OB 2.0 assertion.
pub const OB2_JSON: &str = r#"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"https://example.org/assertions/1","recipient":{"type":"email","hashed":false,"identity":"ada@example.org"},"badge":"https://example.org/badges/robotics","verification":{"type":"hosted"},"issuedOn":"2026-05-01T00:00:00Z"}"#;

/// Runs `badgesmith` with `args` in the given home folder.
pub fn run_in(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_badgesmith"))
        .args(args)
        .env("BADGESMITH_HOME", home)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// A bundled design template's file.
pub fn template(id: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/art/templates")
        .join(format!("{id}.badgedesign.json"))
}

/// Every bundled design template's file.
pub fn templates() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/art/templates");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".badgedesign.json"))
        .collect();
    files.sort();
    files
}

/// The width and height in a PNG's IHDR chunk.
pub fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    assert_eq!(bytes.get(12..16), Some(&b"IHDR"[..]), "IHDR comes first");
    let w = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    (w, h)
}

/// The passphrase the issuing tests seal their keys with.
pub const PASSPHRASE: &str = "correct horse battery";

/// A throw-away home for Badgesmith's data, with runs of `badgesmith` in it.
#[derive(Debug)]
pub struct Home(tempfile::TempDir);

impl Home {
    pub fn new() -> Home {
        Home(tempfile::tempdir().unwrap())
    }

    pub fn path(&self) -> &Path {
        self.0.path()
    }

    /// `badgesmith args` in this home with `passphrase` (or none at all) in
    /// `BADGESMITH_PASSPHRASE`, and no terminal on standard input.
    pub fn command_with(&self, args: &[&str], passphrase: Option<&str>) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_badgesmith"));
        cmd.args(args)
            .env("BADGESMITH_HOME", self.path())
            .env_remove("BADGESMITH_PASSPHRASE")
            .stdin(Stdio::null());
        if let Some(p) = passphrase {
            cmd.env("BADGESMITH_PASSPHRASE", p);
        }
        cmd
    }

    /// `badgesmith args` in this home with [`PASSPHRASE`] in the environment.
    pub fn command(&self, args: &[&str]) -> Command {
        self.command_with(args, Some(PASSPHRASE))
    }

    /// Runs `badgesmith args` with [`PASSPHRASE`] in the environment.
    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    /// Runs `badgesmith args` with this passphrase, or none at all.
    pub fn run_with(&self, args: &[&str], passphrase: Option<&str>) -> Output {
        self.command_with(args, passphrase).output().unwrap()
    }

    /// Runs `badgesmith args`, which must succeed; its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let (code, stdout, stderr) = parts(&self.run(args));
        assert_eq!(code, 0, "badgesmith {args:?}: {stderr}");
        stdout
    }

    /// Runs `badgesmith args`, which must succeed and print JSON.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let stdout = self.ok(args);
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{args:?}: {e}: {stdout}"))
    }
}

/// A path as a command-line argument.
pub fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}
