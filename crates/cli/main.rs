//! `badgesmith`: the command-line face of Badgesmith. Clap glue only: every
//! command reads its inputs, calls one `badgesmith_app` function and prints.
//!
//! Exit codes: 0 ok, 1 checked and negative (e.g. no badge baked in), 2 usage,
//! input or IO error. Errors go to stderr as one sentence naming the file.

#![forbid(unsafe_code)]
// The CLI is the one place that prints.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use badgesmith_app::{self as app, Error};
use clap::{Parser, Subcommand};

/// Design, issue and keep Open Badges, offline.
#[derive(Debug, Parser)]
#[command(name = "badgesmith", version, about, max_term_width = 100)]
struct Cli {
    /// Folder for Badgesmith's data (default: $BADGESMITH_HOME, else the OS data folder).
    #[arg(long, global = true, value_name = "DIR")]
    home: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Show what is baked into an image (or what a credential file is).
    Inspect {
        /// A PNG or SVG image, a JSON credential, a JWT, or a text file holding a URL.
        file: PathBuf,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Bake a credential into a PNG or SVG image, replacing any badge already there.
    Bake {
        /// The image to bake into.
        image: PathBuf,
        /// The credential: a .json file, a .jwt/.jws file, or - for standard input.
        credential: PathBuf,
        /// Where to write the baked image.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
    },
    /// Verify a badge: its signature, issuer, dates and revocation status.
    ///
    /// Exit code 0 when it is valid, 1 when a check fails, 2 when the file
    /// cannot be read.
    Verify {
        /// A baked PNG or SVG image, a .json credential, a .jwt/.jws token, or
        /// a text file holding a hosted badge's URL.
        file: PathBuf,
        /// Print the report as one JSON object.
        #[arg(long)]
        json: bool,
        /// Never use the network (the default; kept for scripts that say so).
        #[arg(long, conflicts_with = "online")]
        offline: bool,
        /// Look up what needs the network: did:web keys, hosted badges, status lists.
        #[arg(long)]
        online: bool,
        /// Check the dates as of this moment (RFC 3339) instead of now.
        #[arg(long, value_name = "RFC3339")]
        at: Option<String>,
        /// Also check that the badge was issued to this e-mail address or DID.
        #[arg(long, value_name = "EMAIL|DID")]
        recipient: Option<String>,
    },
    /// Print the text baked into an image, byte for byte.
    Unbake {
        /// The baked PNG or SVG image.
        image: PathBuf,
        /// Write the text to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Resolved for every command so a bad --home is reported the same way
    // everywhere; the commands of this release keep no data there yet.
    if let Err(e) = app::resolve_home(cli.home.clone()) {
        eprintln!("{e}");
        return ExitCode::from(2);
    }
    match run(cli.command) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Negative) => ExitCode::from(1),
        Err(e) => {
            eprintln!("{e}");
            match e {
                Error::NoBadge { .. } => ExitCode::from(1),
                _ => ExitCode::from(2),
            }
        }
    }
}

/// How a command that ran to the end came out.
enum Outcome {
    /// Done, or checked and positive.
    Ok,
    /// Checked and negative (e.g. an invalid badge).
    Negative,
}

fn run(command: Command) -> Result<Outcome, Error> {
    match command {
        Command::Verify {
            file,
            json,
            offline: _,
            online,
            at,
            recipient,
        } => {
            let request = app::VerifyRequest {
                online,
                at,
                recipient,
            };
            // A bad --at is a usage error whatever the file holds.
            if let Some(at) = &request.at {
                app::parse_at(at)?;
            }
            let bytes = read(&file)?;
            let report = app::verify_bytes(&name(&file), &bytes, &request)?;
            if json {
                println!("{}", to_json(&report));
            } else {
                print!("{}", describe_report(&name(&file), &report));
            }
            Ok(if report.valid {
                Outcome::Ok
            } else {
                Outcome::Negative
            })
        }
        Command::Inspect { file, json } => {
            let bytes = read(&file)?;
            let inspection = app::inspect_bytes(&name(&file), &bytes)?;
            if json {
                let report = app::dto::InspectReport::from(&inspection);
                println!("{}", to_json(&report));
            } else {
                print!("{}", app::describe(&inspection));
            }
            Ok(Outcome::Ok)
        }
        Command::Bake {
            image,
            credential,
            output,
        } => {
            let image_bytes = read(&image)?;
            let (credential_name, credential_bytes) = if credential.as_os_str() == "-" {
                let mut buf = Vec::new();
                std::io::stdin()
                    .lock()
                    .take(app::MAX_INPUT_BYTES + 1)
                    .read_to_end(&mut buf)
                    .map_err(|e| Error::io("standard input", e))?;
                ("standard input".to_owned(), buf)
            } else {
                (name(&credential), read(&credential)?)
            };
            let baked = app::bake_credential(
                &name(&image),
                &image_bytes,
                &credential_name,
                &credential_bytes,
            )?;
            app::write_atomically(&output, &baked.bytes)?;
            eprintln!("Baked into {} as {}.", output.display(), baked.placed_as);
            Ok(Outcome::Ok)
        }
        Command::Unbake { image, output } => {
            let bytes = read(&image)?;
            let text = app::unbake_text(&name(&image), &bytes)?;
            match output {
                Some(path) => app::write_atomically(&path, text.as_bytes())?,
                None => {
                    let mut out = std::io::stdout().lock();
                    out.write_all(text.as_bytes())
                        .and_then(|()| out.flush())
                        .map_err(|e| Error::io("standard output", e))?;
                }
            }
            Ok(Outcome::Ok)
        }
    }
}

/// The report as text: a verdict line, what the badge is, then one line per check.
fn describe_report(file: &str, report: &app::Report) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let skipped = report
        .checks
        .iter()
        .filter(|c| c.status == app::CheckStatus::Skip)
        .count();
    let verdict = match (report.valid, skipped) {
        (false, _) => "INVALID".to_owned(),
        (true, 0) => "VALID".to_owned(),
        (true, 1) => "VALID as far as checked: 1 check needs the network (try --online)".to_owned(),
        (true, n) => format!("VALID as far as checked: {n} checks need the network (try --online)"),
    };
    let _ = writeln!(out, "{file}: {verdict}");
    if let Some(name) = report.achievement.as_ref().and_then(|a| a.name.as_deref()) {
        let _ = writeln!(out, "  badge:   {name}");
    }
    if let Some(issuer) = &report.issuer {
        let who = match (&issuer.name, &issuer.id) {
            (Some(n), Some(i)) => format!("{n} ({i})"),
            (Some(n), None) => n.clone(),
            (None, Some(i)) => i.clone(),
            (None, None) => "unnamed".into(),
        };
        let _ = writeln!(out, "  issuer:  {who}");
    }
    for check in &report.checks {
        let mark = match check.status {
            app::CheckStatus::Pass => "pass",
            app::CheckStatus::Fail => "FAIL",
            app::CheckStatus::Warn => "warn",
            app::CheckStatus::Skip => "skip",
        };
        let id = serde_json::to_value(check.id)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let _ = writeln!(out, "  [{mark}] {id:<10} {}", check.message);
    }
    out
}

/// The file as the user named it, for messages.
fn name(path: &Path) -> String {
    path.display().to_string()
}

fn read(path: &Path) -> Result<Vec<u8>, Error> {
    app::read_input(path)
}

fn to_json(value: &impl serde::Serialize) -> String {
    // Serialising plain DTOs cannot fail; fall back to an empty object rather than panic.
    serde_json::to_string_pretty(value).unwrap_or_else(|_| "{}".into())
}
