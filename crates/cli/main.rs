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

/// `println!` that ends the program quietly when standard output is closed
/// (`badgesmith issued list | head`) instead of panicking.
macro_rules! println {
    ($($arg:tt)*) => {
        $crate::print_line(format_args!($($arg)*))
    };
}

mod issue;
mod wallet;

/// Writes one line to standard output; a closed pipe ends the program with
/// success, as `head` asked for no more.
fn print_line(args: std::fmt::Arguments<'_>) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_fmt(args).and_then(|()| out.write_all(b"\n")) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        let _ = writeln!(std::io::stderr(), "standard output: {e}");
        std::process::exit(2);
    }
}

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
        /// A status list file to check revocation against, offline (repeat
        /// for more). Lists this app published are used anyway.
        #[arg(long = "status-list", value_name = "FILE")]
        status_lists: Vec<PathBuf>,
    },
    /// Render a badge design (.badgedesign.json) to PNG or SVG.
    ///
    /// The output's extension chooses the format. SVG text becomes outlines,
    /// so it looks the same anywhere, unless --live-text is given.
    Render {
        /// The design file.
        design: PathBuf,
        /// Where to write the image: a .png or .svg file.
        #[arg(short, long, value_name = "OUT.png|OUT.svg")]
        output: PathBuf,
        /// The image's width and height in pixels (64 to 4096).
        #[arg(long, value_name = "PX", default_value_t = 512)]
        size: u32,
        /// SVG only: keep the text as text, with its fonts embedded.
        #[arg(long)]
        live_text: bool,
    },
    /// Designs saved in the app: list, show, import, export, delete.
    #[command(subcommand)]
    Design(DesignCommand),
    /// Issuer profiles and their keys: new, list, show, update, export, import, status-list.
    #[command(subcommand)]
    Issuer(issue::IssuerCommand),
    /// Achievements to award: new, list, show.
    #[command(subcommand)]
    Achievement(issue::AchievementCommand),
    /// Issue signed badges to one recipient or a CSV of recipients, baked into images.
    Issue(Box<issue::IssueArgs>),
    /// The log of issued badges: list, revoke, export.
    #[command(subcommand)]
    Issued(issue::IssuedCommand),
    /// Your wallet of badges from any issuer: import, list, search, show, export, remove, backup, restore.
    #[command(subcommand)]
    Wallet(wallet::WalletCommand),
    /// Print the text baked into an image, byte for byte.
    Unbake {
        /// The baked PNG or SVG image.
        image: PathBuf,
        /// Write the text to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
enum DesignCommand {
    /// List the saved designs, most recently changed first.
    List {
        /// Print one JSON array instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Show one saved design (by id, a unique start of it, or its exact name).
    Show {
        /// The design's id or name.
        design: String,
        /// Print the design's JSON instead of a summary.
        #[arg(long)]
        json: bool,
    },
    /// Save a .badgedesign.json file in the app; prints the new design's id last.
    Import {
        /// The design file.
        file: PathBuf,
    },
    /// Write a saved design to a file: .png, .svg or .badgedesign.json (by extension).
    Export {
        /// The design's id or name.
        design: String,
        /// Where to write it.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// PNG and SVG: the width and height in pixels (64 to 4096).
        #[arg(long, value_name = "PX", default_value_t = 512)]
        size: u32,
        /// SVG only: keep the text as text, with its fonts embedded.
        #[arg(long)]
        live_text: bool,
    },
    /// Move a saved design to the trash.
    Delete {
        /// The design's id or name.
        design: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Resolved for every command so a bad --home is reported the same way
    // everywhere.
    let home = match app::resolve_home(cli.home.clone()) {
        Ok(home) => home,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match run(cli.command, &home) {
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

fn run(command: Command, home: &Path) -> Result<Outcome, Error> {
    match command {
        Command::Render {
            design,
            output,
            size,
            live_text,
        } => {
            let text = read_text(&design)?;
            let parsed = app::parse_design(&name(&design), &text)?;
            let format = export_format(&output, live_text)?;
            let bytes = app::export_bytes(&parsed, format, size)?;
            app::write_atomically(&output, &bytes)?;
            eprintln!("Rendered {} to {}.", name(&design), output.display());
            Ok(Outcome::Ok)
        }
        Command::Design(cmd) => design_command(cmd, home),
        Command::Issuer(cmd) => issue::issuer_command(cmd, home),
        Command::Achievement(cmd) => issue::achievement_command(cmd, home),
        Command::Issue(args) => issue::issue_command(*args, home),
        Command::Issued(cmd) => issue::issued_command(cmd, home),
        Command::Wallet(cmd) => wallet::wallet_command(cmd, home),
        Command::Verify {
            file,
            json,
            offline: _,
            online,
            at,
            recipient,
            status_lists,
        } => {
            let mut local_status = app::Issuing::local_status_lists(home);
            for file in &status_lists {
                let (url, bytes) = app::read_status_list(&name(file), &read(file)?)?;
                local_status.insert(url, bytes);
            }
            let request = app::VerifyRequest {
                online,
                at,
                recipient,
                local_status,
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

fn design_command(cmd: DesignCommand, home: &Path) -> Result<Outcome, Error> {
    let mut library = app::DesignLibrary::open(home)?;
    match cmd {
        DesignCommand::List { json } => {
            let list = library.list()?;
            if json {
                let rows: Vec<serde_json::Value> = list
                    .iter()
                    .map(|d| {
                        serde_json::json!({
                            "id": d.id, "name": d.name,
                            "createdAt": d.created_at, "updatedAt": d.updated_at,
                        })
                    })
                    .collect();
                println!("{}", to_json(&rows));
            } else if list.is_empty() {
                eprintln!(
                    "No saved designs yet: design one in the app, or `badgesmith design import FILE`."
                );
            } else {
                for d in &list {
                    println!("{}  {}  {}", d.id, d.updated_at, d.name);
                }
            }
        }
        DesignCommand::Show { design, json } => {
            let saved = library.find_one(&design)?;
            if json {
                println!("{}", saved.design.to_json());
            } else {
                let d = &saved.design;
                println!("{}", d.name);
                println!("  id:       {}", saved.summary.id);
                println!(
                    "  saved:    {} (first {})",
                    saved.summary.updated_at, saved.summary.created_at
                );
                if !d.description.is_empty() {
                    println!("  about:    {}", d.description);
                }
                println!("  layers:   {}", d.layers.len());
            }
        }
        DesignCommand::Import { file } => {
            let text = read_text(&file)?;
            let parsed = app::parse_design(&name(&file), &text)?;
            let saved = library.save(None, &parsed, &now())?;
            eprintln!("Saved \"{}\" in the app.", saved.summary.name);
            println!("{}", saved.summary.id);
        }
        DesignCommand::Export {
            design,
            output,
            size,
            live_text,
        } => {
            let saved = library.find_one(&design)?;
            let format = export_format(&output, live_text)?;
            let bytes = app::export_bytes(&saved.design, format, size)?;
            app::write_atomically(&output, &bytes)?;
            eprintln!(
                "Exported \"{}\" to {}.",
                saved.summary.name,
                output.display()
            );
        }
        DesignCommand::Delete { design } => {
            let saved = library.find_one(&design)?;
            library.delete(&saved.summary.id, &now())?;
            eprintln!(
                "Moved \"{}\" ({}) to the trash.",
                saved.summary.name, saved.summary.id
            );
        }
    }
    Ok(Outcome::Ok)
}

/// The export format an output file's name asks for.
fn export_format(output: &Path, live_text: bool) -> Result<app::dto::ExportFormat, Error> {
    use app::dto::ExportFormat;
    let lower = output.to_string_lossy().to_lowercase();
    let format = if lower.ends_with(".png") {
        ExportFormat::Png
    } else if lower.ends_with(".svg") {
        if live_text {
            ExportFormat::SvgLiveText
        } else {
            ExportFormat::Svg
        }
    } else if lower.ends_with(".json") {
        ExportFormat::Design
    } else {
        return Err(Error::Usage(format!(
            "{}: the output must end in .png or .svg (or .badgedesign.json for a design)",
            output.display()
        )));
    };
    if live_text && format != ExportFormat::SvgLiveText {
        return Err(Error::Usage(
            "--live-text only applies to SVG output".into(),
        ));
    }
    Ok(format)
}

/// The current time, as the store keeps it.
fn now() -> String {
    app::timestamp(time::OffsetDateTime::now_utc())
}

fn read_text(path: &Path) -> Result<String, Error> {
    let bytes = read(path)?;
    String::from_utf8(bytes).map_err(|_| {
        Error::Usage(format!(
            "{}: this is not a badge design (a design is a UTF-8 JSON text file)",
            path.display()
        ))
    })
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
