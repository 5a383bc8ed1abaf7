//! `badgesmith wallet …`: the wallet from the command line.

use std::path::{Path, PathBuf};

use badgesmith_app::dto::{
    ImportReport, ImportResult, WalletBadge, WalletDetail, WalletQuery, WalletSortOrder,
    WalletStatus,
};
use badgesmith_app::{self as app, Error, Wallet};
use clap::{Subcommand, ValueEnum};

use crate::issue::Bar;
use crate::{Outcome, to_json};

#[derive(Debug, Subcommand)]
pub enum WalletCommand {
    /// Add badges: files (PNG, SVG, JSON, JWT, a text file with a URL) and folders, recursively.
    Import {
        /// Files and folders.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Allow the network: fetch hosted badges, did:web keys and status lists.
        #[arg(long)]
        online: bool,
        /// Print the report as one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// List the badges, newest first.
    List {
        #[command(flatten)]
        filters: Filters,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Search names, descriptions, issuers, tags and skills (every word, as a prefix).
    Search {
        /// The words to look for.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        #[command(flatten)]
        filters: Filters,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Show one badge: what it says and its last verification.
    Show {
        /// The badge's id (or a unique start of it).
        id: String,
        /// Verify it again first (offline, unless --online).
        #[arg(long)]
        verify: bool,
        /// With --verify: allow the network.
        #[arg(long)]
        online: bool,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Write a badge's file as received (or, with --credential, its credential text).
    Export {
        /// The badge's id.
        id: String,
        /// Where to write it.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Write the credential text (.json or .jwt) instead of the file as received.
        #[arg(long)]
        credential: bool,
    },
    /// Move badges to the trash (or, with --forever, delete badges in the trash for good).
    Remove {
        /// The badges' ids.
        #[arg(required = true)]
        ids: Vec<String>,
        /// Delete for good; the badges must be in the trash already.
        #[arg(long)]
        forever: bool,
    },
    /// Take badges out of the trash.
    Undelete {
        /// The badges' ids.
        #[arg(required = true)]
        ids: Vec<String>,
    },
    /// Replace a badge's tags (none: remove them all).
    Tag {
        /// The badge's id.
        id: String,
        /// The tags.
        tags: Vec<String>,
    },
    /// Collections: list, or make one and put badges in it.
    Collection {
        /// The collection's name (none: list the collections).
        name: Option<String>,
        /// Badges to put in it (made if it does not exist).
        #[arg(long = "add", value_name = "ID")]
        add: Vec<String>,
        /// Write the collection to a file: .zip (the files) or .html (one page).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Write the whole wallet to one backup file.
    Backup {
        /// The backup file (e.g. wallet.badgesmith-wallet).
        file: PathBuf,
    },
    /// Add what a backup holds (badges already there are skipped).
    Restore {
        /// The backup file.
        file: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SortArg {
    Newest,
    Oldest,
    Name,
    Issuer,
    Added,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StatusArg {
    Valid,
    Invalid,
    Expired,
    Revoked,
    Unverified,
}

#[derive(Debug, clap::Args)]
pub struct Filters {
    /// Only badges with this status.
    #[arg(long, value_enum)]
    status: Option<StatusArg>,
    /// Only badges from this issuer (its id or URL).
    #[arg(long, value_name = "ID")]
    issuer: Option<String>,
    /// Only badges with this tag.
    #[arg(long)]
    tag: Option<String>,
    /// Only badges in this collection (its name).
    #[arg(long, value_name = "NAME")]
    collection: Option<String>,
    /// The order.
    #[arg(long, value_enum, default_value = "newest")]
    sort: SortArg,
    /// The badges in the trash instead.
    #[arg(long)]
    trash: bool,
    /// How many at most.
    #[arg(long, default_value_t = 500)]
    limit: u32,
}

fn query(wallet: &Wallet, text: String, f: &Filters) -> Result<WalletQuery, Error> {
    let collection = match &f.collection {
        Some(name) => Some(wallet.find_collection(name)?.id),
        None => None,
    };
    Ok(WalletQuery {
        text,
        issuer: f.issuer.clone(),
        status: f.status.map(|s| match s {
            StatusArg::Valid => WalletStatus::Valid,
            StatusArg::Invalid => WalletStatus::Invalid,
            StatusArg::Expired => WalletStatus::Expired,
            StatusArg::Revoked => WalletStatus::Revoked,
            StatusArg::Unverified => WalletStatus::Unverified,
        }),
        tag: f.tag.clone(),
        collection,
        trash: f.trash,
        sort: match f.sort {
            SortArg::Newest => WalletSortOrder::Newest,
            SortArg::Oldest => WalletSortOrder::Oldest,
            SortArg::Name => WalletSortOrder::Name,
            SortArg::Issuer => WalletSortOrder::Issuer,
            SortArg::Added => WalletSortOrder::Added,
        },
        offset: 0,
        limit: f.limit.max(1),
    })
}

fn status_word(s: WalletStatus) -> &'static str {
    s.as_str()
}

fn day(time: Option<&str>) -> &str {
    time.map(|t| t.get(..10).unwrap_or(t)).unwrap_or("-")
}

fn print_row(b: &WalletBadge) {
    let tags = if b.tags.is_empty() {
        String::new()
    } else {
        format!("  #{}", b.tags.join(" #"))
    };
    println!(
        "{}  {:<10}  {}  {} — {}{tags}",
        b.id,
        status_word(b.status),
        day(b.issued_on.as_deref()),
        b.name,
        b.issuer.as_deref().unwrap_or("unknown issuer")
    );
}

fn print_page(wallet: &Wallet, q: &WalletQuery, json: bool) -> Result<Outcome, Error> {
    let page = wallet.list_plain(q)?;
    if json {
        println!("{}", to_json(&page));
        return Ok(Outcome::Ok);
    }
    for b in &page.badges {
        print_row(b);
    }
    let shown = page.badges.len();
    let total = page.total as usize;
    let what = if q.trash {
        "in the trash"
    } else {
        "in the wallet"
    };
    if shown < total {
        eprintln!("{shown} of {total} badges {what} shown (use --limit for more).");
    } else {
        eprintln!("{total} badge{} {what}.", if total == 1 { "" } else { "s" });
    }
    Ok(Outcome::Ok)
}

fn print_report(report: &ImportReport) {
    for item in &report.items {
        let (word, detail) = match item.result {
            ImportResult::Added => (
                "added",
                format!(
                    "{} ({}, {})",
                    item.name.as_deref().unwrap_or(""),
                    item.badge_id.as_deref().unwrap_or(""),
                    item.status.map(status_word).unwrap_or("")
                ),
            ),
            ImportResult::AlreadyThere => (
                "already there",
                format!(
                    "{} ({})",
                    item.name.as_deref().unwrap_or(""),
                    item.badge_id.as_deref().unwrap_or("")
                ),
            ),
            ImportResult::NotABadge => ("not a badge", item.message.clone().unwrap_or_default()),
        };
        println!("{}: {word}: {detail}", item.source);
        if item.result == ImportResult::Added
            && let Some(warning) = &item.message
        {
            println!("{}: warning: {warning}", item.source);
        }
    }
    eprintln!(
        "{} added, {} already there, {} not badges.",
        report.added, report.already_there, report.not_badges
    );
}

fn show(d: &WalletDetail) {
    let f = &d.facts;
    println!("{}", d.badge.name);
    println!("Id: {}", d.badge.id);
    println!("Status: {}", status_word(d.badge.status));
    if let Some(issuer) = &d.badge.issuer {
        println!("Issuer: {issuer}");
    }
    if let Some(id) = &f.issuer.id {
        println!("Issuer id: {id}");
    }
    if let Some(on) = &d.badge.issued_on {
        println!("Issued: {on}");
    }
    if let Some(until) = &f.valid_until {
        println!("Valid until: {until}");
    }
    match (&f.recipient.value, f.recipient.hashed) {
        (_, true) => println!(
            "Recipient: {} (hashed; check with `badgesmith verify --recipient`)",
            f.recipient.kind
        ),
        (Some(v), false) => println!("Recipient: {v}"),
        (None, false) => {}
    }
    if let Some(name) = &f.recipient.name {
        println!("Recipient name: {name}");
    }
    if let Some(d) = &f.description {
        println!("Description: {d}");
    }
    if let Some(c) = &f.criteria {
        println!("Criteria: {c}");
    }
    if let Some(c) = &f.criteria_url {
        println!("Criteria URL: {c}");
    }
    for a in &f.alignments {
        println!("Alignment: {}", a.name);
    }
    for s in &f.skills {
        println!("Skill: {s}");
    }
    for e in &f.evidence {
        let label = e
            .name
            .as_deref()
            .or(e.url.as_deref())
            .or(e.narrative.as_deref())
            .unwrap_or("");
        println!("Evidence: {label}");
    }
    if !d.badge.tags.is_empty() {
        println!("Tags: {}", d.badge.tags.join(", "));
    }
    if !d.note.is_empty() {
        println!("Note: {}", d.note);
    }
    println!("File: {} ({} bytes)", d.file_name, d.file_bytes);
    println!("Verified: {}", d.verified_at);
    for c in &d.verification.checks {
        let mark = match c.status {
            app::dto::CheckOutcome::Pass => "pass",
            app::dto::CheckOutcome::Fail => "FAIL",
            app::dto::CheckOutcome::Warn => "warn",
            app::dto::CheckOutcome::Skip => "skip",
        };
        println!("  [{mark}] {}: {}", c.id, c.message);
    }
    if !d.same_id_as.is_empty() {
        println!(
            "Warning: badge {} has the same id but a different signature; one of them may have been altered.",
            d.same_id_as.join(", ")
        );
    }
}

fn resolve_all(wallet: &Wallet, ids: &[String]) -> Result<Vec<String>, Error> {
    ids.iter().map(|id| wallet.resolve(id)).collect()
}

pub fn wallet_command(cmd: WalletCommand, home: &Path) -> Result<Outcome, Error> {
    let mut wallet = Wallet::open(home)?;
    match cmd {
        WalletCommand::Import {
            paths,
            online,
            json,
        } => {
            let request = app::VerifyRequest {
                online,
                local_status: app::Issuing::local_status_lists(home),
                ..app::VerifyRequest::default()
            };
            let mut bar = Bar::new("files");
            let report =
                wallet.import_paths(&paths, &request, &mut |p| bar.draw(p.done, p.total))?;
            if json {
                println!("{}", to_json(&report));
            } else {
                print_report(&report);
            }
            Ok(if report.not_badges > 0 {
                Outcome::Negative
            } else {
                Outcome::Ok
            })
        }
        WalletCommand::List { filters, json } => {
            let q = query(&wallet, String::new(), &filters)?;
            print_page(&wallet, &q, json)
        }
        WalletCommand::Search {
            query: words,
            filters,
            json,
        } => {
            let text = words.join(" ");
            if text.trim().is_empty() {
                return Err(Error::Usage("search: give at least one word".into()));
            }
            let q = query(&wallet, text, &filters)?;
            print_page(&wallet, &q, json)
        }
        WalletCommand::Show {
            id,
            verify,
            online,
            json,
        } => {
            let id = wallet.resolve(&id)?;
            let detail = if verify {
                let request = app::VerifyRequest {
                    online,
                    local_status: app::Issuing::local_status_lists(home),
                    ..app::VerifyRequest::default()
                };
                wallet.reverify(&id, &request)?
            } else {
                wallet.show(&id)?
            };
            if json {
                println!("{}", to_json(&detail));
            } else {
                show(&detail);
            }
            Ok(Outcome::Ok)
        }
        WalletCommand::Export {
            id,
            output,
            credential,
        } => {
            let id = wallet.resolve(&id)?;
            let (_, bytes) = if credential {
                wallet.credential(&id)?
            } else {
                wallet.original(&id)?
            };
            app::write_atomically(&output, &bytes)?;
            eprintln!("Wrote {}.", output.display());
            Ok(Outcome::Ok)
        }
        WalletCommand::Remove { ids, forever } => {
            let ids = resolve_all(&wallet, &ids)?;
            if forever {
                wallet.delete_forever(&ids)?;
                eprintln!("Deleted {} badge(s) for good.", ids.len());
            } else {
                wallet.trash(&ids)?;
                eprintln!(
                    "Moved {} badge(s) to the trash; `badgesmith wallet undelete ID` brings them back.",
                    ids.len()
                );
            }
            Ok(Outcome::Ok)
        }
        WalletCommand::Undelete { ids } => {
            let ids = resolve_all(&wallet, &ids)?;
            wallet.restore(&ids)?;
            eprintln!("Restored {} badge(s) from the trash.", ids.len());
            Ok(Outcome::Ok)
        }
        WalletCommand::Tag { id, tags } => {
            let id = wallet.resolve(&id)?;
            wallet.set_tags(&id, &tags)?;
            Ok(Outcome::Ok)
        }
        WalletCommand::Collection { name, add, output } => {
            let Some(name) = name else {
                for c in wallet.collections()? {
                    println!("{}  {} ({} badges)", c.id, c.name, c.count);
                }
                return Ok(Outcome::Ok);
            };
            let collection = match wallet.find_collection(&name) {
                Ok(c) => c,
                Err(Error::NotFound(_)) if !add.is_empty() => wallet.create_collection(&name)?,
                Err(e) => return Err(e),
            };
            if !add.is_empty() {
                let ids = resolve_all(&wallet, &add)?;
                wallet.set_membership(&collection.id, &ids, true)?;
            }
            if let Some(output) = output {
                let ext = output
                    .extension()
                    .map(|e| e.to_string_lossy().to_lowercase())
                    .unwrap_or_default();
                let bytes = match ext.as_str() {
                    "zip" => wallet.collection_zip(&collection.id)?,
                    "html" | "htm" => wallet.collection_html(&collection.id)?.into_bytes(),
                    _ => {
                        return Err(Error::Usage(format!(
                            "{}: write a collection to a .zip or an .html file",
                            output.display()
                        )));
                    }
                };
                app::write_atomically(&output, &bytes)?;
                eprintln!("Wrote {}.", output.display());
            }
            println!("{}", collection.id);
            Ok(Outcome::Ok)
        }
        WalletCommand::Backup { file } => {
            let n = wallet.backup(&file)?;
            eprintln!("Backed up {n} badge(s) to {}.", file.display());
            Ok(Outcome::Ok)
        }
        WalletCommand::Restore { file } => {
            let r = wallet.restore_backup(&file)?;
            eprintln!(
                "{} added, {} already there, {} collection(s).",
                r.added, r.already_there, r.collections
            );
            Ok(Outcome::Ok)
        }
    }
}
