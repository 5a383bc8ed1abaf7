//! `badgesmith issuer|achievement|issue|issued`: clap glue over
//! `badgesmith_app::Issuing`.

use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use badgesmith_app::dto::{
    AchievementInput, AlignmentInput, BadgeImageFormat, IssueSettings, IssuedBadge, IssuerInput,
    IssuerProfile, ProofFormat, RecipientInput, ResultInput,
};
use badgesmith_app::{self as app, Error, Issuing};
use clap::{Args, Subcommand, ValueEnum};
use time::OffsetDateTime;

use crate::{Outcome, name, read, to_json};

/// Where the passphrase comes from, for commands that need the key.
#[derive(Debug, Args)]
pub struct Passphrase {
    /// Read the issuer's passphrase from the first line of this file
    /// (else $BADGESMITH_PASSPHRASE, else a prompt).
    #[arg(long, value_name = "FILE")]
    passphrase_file: Option<PathBuf>,
}

/// The issuer's profile, as options.
#[derive(Debug, Args)]
pub struct ProfileArgs {
    /// The organization's name.
    #[arg(long)]
    name: Option<String>,
    /// Its website (https://…).
    #[arg(long)]
    url: Option<String>,
    /// Its contact e-mail.
    #[arg(long)]
    email: Option<String>,
    /// A sentence or two about it.
    #[arg(long)]
    description: Option<String>,
    /// A logo image (PNG, JPEG or SVG file).
    #[arg(long, value_name = "FILE", conflicts_with = "logo_design")]
    logo: Option<PathBuf>,
    /// A saved design to use as the logo (id or name).
    #[arg(long, value_name = "DESIGN")]
    logo_design: Option<String>,
    /// Where you will publish the status list (https://…); badges issued while
    /// it is set can be revoked.
    #[arg(long, value_name = "URL")]
    status_list_url: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum IssuerCommand {
    /// Create an issuer with a new Ed25519 key (a did:key); prints its id last.
    New {
        #[command(flatten)]
        profile: ProfileArgs,
        #[command(flatten)]
        passphrase: Passphrase,
        /// Print the new issuer as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the issuers.
    List {
        /// Print one JSON array.
        #[arg(long)]
        json: bool,
    },
    /// Show one issuer (by id, a unique start of it, its DID or its name).
    Show {
        issuer: String,
        #[arg(long)]
        json: bool,
    },
    /// Change an issuer's profile (never its key); only the options given change.
    Update {
        issuer: String,
        #[command(flatten)]
        profile: ProfileArgs,
    },
    /// Write an encrypted backup of an issuer (profile and sealed key).
    Export {
        issuer: String,
        /// The backup file to write (readable by you only).
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Add an issuer from a backup file, or from an Ed25519 seed (--seed-file).
    Import {
        /// A backup written by `issuer export`.
        #[arg(required_unless_present = "seed_file")]
        file: Option<PathBuf>,
        /// A file holding a 32-byte Ed25519 seed (64 hex digits or multibase z…)
        /// moved from another tool; needs --name.
        #[arg(long, value_name = "FILE", conflicts_with = "file")]
        seed_file: Option<PathBuf>,
        #[command(flatten)]
        profile: ProfileArgs,
        #[command(flatten)]
        passphrase: Passphrase,
        #[arg(long)]
        json: bool,
    },
    /// Write the issuer's signed status list, to upload at its status-list URL.
    StatusList {
        issuer: String,
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        #[command(flatten)]
        passphrase: Passphrase,
    },
}

#[derive(Debug, Subcommand)]
pub enum AchievementCommand {
    /// Define an achievement; prints its id last.
    New {
        /// The issuer that awards it (needed when there are several).
        #[arg(long)]
        issuer: Option<String>,
        #[arg(long)]
        name: String,
        #[arg(long)]
        description: String,
        /// What earning it takes, in words.
        #[arg(long, value_name = "TEXT")]
        criteria: Option<String>,
        /// A page describing the criteria.
        #[arg(long, value_name = "URL")]
        criteria_url: Option<String>,
        /// The badge image: a saved design (id or name), a .badgedesign.json
        /// file, or template:ID (e.g. template:gold-award).
        #[arg(long)]
        design: String,
        /// A keyword (repeat for more).
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// An alignment, "NAME|URL" (repeat for more).
        #[arg(long = "alignment", value_name = "NAME|URL")]
        alignments: Vec<String>,
        /// A result or skill recorded, "NAME" or "NAME|TYPE" (type: Status,
        /// LetterGrade, Percent, …; repeat for more).
        #[arg(long = "result", value_name = "NAME[|TYPE]")]
        results: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// List the achievements.
    List {
        #[arg(long)]
        issuer: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show one achievement (by id, a unique start of it, or its name).
    Show {
        achievement: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Png,
    Svg,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ProofArg {
    /// Data Integrity, eddsa-rdfc-2022.
    Di,
    /// VC-JWT, EdDSA.
    Jwt,
}

/// `badgesmith issue`.
#[derive(Debug, Args)]
pub struct IssueArgs {
    /// The achievement to award (id, a unique start of it, or its name).
    #[arg(long)]
    achievement: String,
    /// One recipient: an e-mail address or a DID.
    #[arg(
        long,
        value_name = "EMAIL|DID",
        conflicts_with = "csv",
        required_unless_present = "csv"
    )]
    recipient: Option<String>,
    /// A CSV of recipients: email,name,evidence_url,evidence_narrative,valid_from,valid_until.
    #[arg(long, value_name = "FILE")]
    csv: Option<PathBuf>,
    /// The recipient's name (with --recipient).
    #[arg(long, requires = "recipient")]
    name: Option<String>,
    /// A link to evidence (with --recipient).
    #[arg(long, value_name = "URL", requires = "recipient")]
    evidence_url: Option<String>,
    /// Evidence in words (with --recipient).
    #[arg(long, value_name = "TEXT", requires = "recipient")]
    evidence_narrative: Option<String>,
    /// When it starts to be valid (RFC 3339 or YYYY-MM-DD; default now).
    #[arg(long, value_name = "DATE", requires = "recipient")]
    valid_from: Option<String>,
    /// When it expires (RFC 3339 or YYYY-MM-DD).
    #[arg(long, value_name = "DATE", requires = "recipient")]
    valid_until: Option<String>,
    /// The folder to write the baked badges into.
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,
    /// The image format.
    #[arg(long, value_enum, default_value = "png")]
    format: FormatArg,
    /// How the credential is signed.
    #[arg(long, value_enum, default_value = "di")]
    proof: ProofArg,
    /// PNG width and height in pixels (64 to 4096).
    #[arg(long, value_name = "PX", default_value_t = 512)]
    size: u32,
    #[command(flatten)]
    passphrase: Passphrase,
    /// Print the result as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Subcommand)]
pub enum IssuedCommand {
    /// The issued log, newest first; QUERY searches recipient, name, achievement and file.
    List {
        query: Option<String>,
        /// How many to show.
        #[arg(long, default_value_t = 100)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
    /// Revoke an issued badge and re-sign the issuer's status list.
    Revoke {
        /// The credential's id (or the start of its UUID).
        id: String,
        /// Why (kept in the log).
        #[arg(long)]
        reason: Option<String>,
        /// Also write the signed status list here, to upload.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        passphrase: Passphrase,
    },
    /// Write an issued badge's baked image again.
    Export {
        id: String,
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
}

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

/// The passphrase: from --passphrase-file, $BADGESMITH_PASSPHRASE, or a
/// prompt (twice for a new one) when there is a terminal.
fn passphrase(p: &Passphrase, what: &str, new: bool) -> Result<String, Error> {
    if let Some(file) = &p.passphrase_file {
        let bytes = read(file)?;
        let text = String::from_utf8(bytes).map_err(|_| {
            Error::Usage(format!("{}: the passphrase file is not text", name(file)))
        })?;
        let line = text.lines().next().unwrap_or_default().to_owned();
        if line.is_empty() {
            return Err(Error::Usage(format!(
                "{}: the passphrase file is empty",
                name(file)
            )));
        }
        return Ok(line);
    }
    if let Some(v) = std::env::var_os("BADGESMITH_PASSPHRASE").filter(|v| !v.is_empty()) {
        return v
            .into_string()
            .map_err(|_| Error::Usage("BADGESMITH_PASSPHRASE is not valid text".into()));
    }
    if !std::io::stdin().is_terminal() {
        return Err(Error::Locked(format!(
            "{what} needs a passphrase: give it with --passphrase-file FILE or BADGESMITH_PASSPHRASE"
        )));
    }
    let prompt_error = |e: std::io::Error| Error::io("the terminal", e);
    if new {
        let first = rpassword::prompt_password(format!(
            "New passphrase for {what} (at least {} characters): ",
            app::MIN_PASSPHRASE_CHARS
        ))
        .map_err(prompt_error)?;
        let again =
            rpassword::prompt_password("The same passphrase again: ").map_err(prompt_error)?;
        if first != again {
            return Err(Error::Usage(
                "the two passphrases differ; nothing was created".into(),
            ));
        }
        Ok(first)
    } else {
        rpassword::prompt_password(format!("Passphrase for {what}: ")).map_err(prompt_error)
    }
}

fn profile_input(p: &ProfileArgs, base: Option<&IssuerProfile>) -> Result<IssuerInput, Error> {
    let pick = |given: &Option<String>, old: Option<&Option<String>>| {
        given.clone().or_else(|| old.cloned().flatten())
    };
    let image = match &p.logo {
        Some(file) => {
            let chosen = app::choose_image(&name(file), &read(file)?)?;
            if let Some(notice) = &chosen.notice {
                eprintln!("{notice}");
            }
            Some(chosen.data_uri)
        }
        None => base.and_then(|b| b.image.clone()),
    };
    Ok(IssuerInput {
        name: p
            .name
            .clone()
            .or_else(|| base.map(|b| b.name.clone()))
            .unwrap_or_default(),
        url: pick(&p.url, base.map(|b| &b.url)),
        email: pick(&p.email, base.map(|b| &b.email)),
        description: pick(&p.description, base.map(|b| &b.description)),
        image: if p.logo_design.is_some() { None } else { image },
        image_design_id: p.logo_design.clone(),
        status_list_url: pick(&p.status_list_url, base.map(|b| &b.status_list_url)),
    })
}

fn show_issuer(i: &IssuerProfile) {
    println!("{}", i.name);
    println!("  id:          {}", i.id);
    println!("  DID:         {}", i.did);
    for (label, v) in [
        ("website:", &i.url),
        ("e-mail:", &i.email),
        ("about:", &i.description),
        ("status list:", &i.status_list_url),
    ] {
        if let Some(v) = v {
            println!("  {label:<12} {v}");
        }
    }
    println!("  issued:      {}", i.issued_count);
    println!("  created:     {}", i.created_at);
}

pub fn issuer_command(cmd: IssuerCommand, home: &Path) -> Result<Outcome, Error> {
    let mut issuing = Issuing::open(home)?;
    match cmd {
        IssuerCommand::New {
            profile,
            passphrase: p,
            json,
        } => {
            let input = profile_input(&profile, None)?;
            if input.name.trim().is_empty() {
                return Err(Error::Usage("issuer new: give the issuer's --name".into()));
            }
            let pass = passphrase(&p, &format!("the issuer \"{}\"", input.name.trim()), true)?;
            let created = issuing.create_issuer(&input, &pass, now())?;
            if json {
                println!("{}", to_json(&created));
            } else {
                eprintln!(
                    "Created the issuer \"{}\" with the key {}.",
                    created.name, created.did
                );
                eprintln!(
                    "Back up its key with `badgesmith issuer export {} -o FILE`: without the key and its passphrase, no more badges can be issued in its name.",
                    created.id
                );
                println!("{}", created.id);
            }
        }
        IssuerCommand::List { json } => {
            let list = issuing.issuers()?;
            if json {
                println!("{}", to_json(&list));
            } else if list.is_empty() {
                eprintln!("No issuers yet: create one with `badgesmith issuer new --name NAME`.");
            } else {
                for i in &list {
                    println!("{}  {}  {} issued  {}", i.id, i.did, i.issued_count, i.name);
                }
            }
        }
        IssuerCommand::Show { issuer, json } => {
            let i = issuing.find_issuer(Some(&issuer))?;
            if json {
                println!("{}", to_json(&i));
            } else {
                show_issuer(&i);
            }
        }
        IssuerCommand::Update { issuer, profile } => {
            let i = issuing.find_issuer(Some(&issuer))?;
            let input = profile_input(&profile, Some(&i))?;
            let updated = issuing.update_issuer(&i.id, &input, now())?;
            eprintln!("Updated the issuer \"{}\".", updated.name);
        }
        IssuerCommand::Export { issuer, output } => {
            let i = issuing.find_issuer(Some(&issuer))?;
            let text = issuing.backup(&i.id)?;
            app::write_private(&output, text.as_bytes())?;
            eprintln!(
                "Wrote an encrypted backup of \"{}\" to {}; it opens with the same passphrase.",
                i.name,
                output.display()
            );
        }
        IssuerCommand::Import {
            file,
            seed_file,
            profile,
            passphrase: p,
            json,
        } => {
            let created = match (file, seed_file) {
                (Some(file), _) => {
                    let bytes = read(&file)?;
                    let text = String::from_utf8(bytes).map_err(|_| {
                        Error::Usage(format!(
                            "{}: this is not a Badgesmith issuer backup",
                            name(&file)
                        ))
                    })?;
                    let pass = passphrase(&p, &format!("the backup {}", name(&file)), false)?;
                    issuing.restore(&name(&file), &text, &pass, now())?
                }
                (None, Some(seed_file)) => {
                    let input = profile_input(&profile, None)?;
                    if input.name.trim().is_empty() {
                        return Err(Error::Usage(
                            "issuer import --seed-file: give the issuer's --name".into(),
                        ));
                    }
                    let seed = String::from_utf8(read(&seed_file)?).map_err(|_| {
                        Error::Usage(format!("{}: the seed file is not text", name(&seed_file)))
                    })?;
                    let pass =
                        passphrase(&p, &format!("the issuer \"{}\"", input.name.trim()), true)?;
                    issuing
                        .import_seed(&input, &seed, &pass, now())
                        .map_err(|e| match e {
                            Error::Usage(m) => Error::Usage(format!("{}: {m}", name(&seed_file))),
                            other => other,
                        })?
                }
                (None, None) => {
                    return Err(Error::Usage(
                        "issuer import: give a backup FILE or --seed-file FILE".into(),
                    ));
                }
            };
            if json {
                println!("{}", to_json(&created));
            } else {
                eprintln!(
                    "Imported the issuer \"{}\" ({}).",
                    created.name, created.did
                );
                println!("{}", created.id);
            }
        }
        IssuerCommand::StatusList {
            issuer,
            output,
            passphrase: p,
        } => {
            let i = issuing.find_issuer(Some(&issuer))?;
            if i.status_list_url.is_none() {
                return Err(Error::Usage(format!(
                    "{} has no status-list URL; set one with `badgesmith issuer update {} --status-list-url URL`",
                    i.name, i.id
                )));
            }
            unlock(&mut issuing, &i, &p)?;
            let (url, text) = issuing.status_list(&i.id, now())?;
            app::write_atomically(&output, text.as_bytes())?;
            eprintln!(
                "Wrote the signed status list to {}; upload it so that it is served at {url}.",
                output.display()
            );
        }
    }
    Ok(Outcome::Ok)
}

fn unlock(issuing: &mut Issuing, issuer: &IssuerProfile, p: &Passphrase) -> Result<(), Error> {
    let pass = passphrase(p, &format!("the issuer \"{}\"", issuer.name), false)?;
    issuing.unlock(&issuer.id, &pass)?;
    Ok(())
}

/// Turns `--design` into a saved design's id, saving a file or template first.
fn design_id(value: &str, home: &Path) -> Result<String, Error> {
    let mut library = app::DesignLibrary::open(home)?;
    let stamp = app::timestamp(now());
    if let Some(id) = value.strip_prefix("template:") {
        let template = app::design_catalog()
            .templates
            .into_iter()
            .find(|t| t.id == id)
            .ok_or_else(|| Error::NotFound(format!("there is no template called {id}")))?;
        return Ok(library.save(None, &template.design, &stamp)?.summary.id);
    }
    let path = Path::new(value);
    if value.ends_with(".json") && path.exists() {
        let bytes = read(path)?;
        let text = String::from_utf8(bytes)
            .map_err(|_| Error::Usage(format!("{value}: this is not a badge design")))?;
        let design = app::parse_design(value, &text)?;
        return Ok(library.save(None, &design, &stamp)?.summary.id);
    }
    Ok(library.find_one(value)?.summary.id)
}

pub fn achievement_command(cmd: AchievementCommand, home: &Path) -> Result<Outcome, Error> {
    match cmd {
        AchievementCommand::New {
            issuer,
            name: achievement_name,
            description,
            criteria,
            criteria_url,
            design,
            tags,
            alignments,
            results,
            json,
        } => {
            let mut issuing = Issuing::open(home)?;
            let issuer = issuing.find_issuer(issuer.as_deref())?;
            let alignments = alignments
                .iter()
                .map(|a| match a.split_once('|') {
                    Some((n, u)) => Ok(AlignmentInput {
                        target_name: n.trim().to_owned(),
                        target_url: u.trim().to_owned(),
                        target_description: None,
                        target_framework: None,
                        target_code: None,
                    }),
                    None => Err(Error::Usage(format!(
                        "--alignment \"{a}\": write it as NAME|URL"
                    ))),
                })
                .collect::<Result<Vec<_>, _>>()?;
            let results = results
                .iter()
                .map(|r| {
                    let (n, t) = r.split_once('|').unwrap_or((r, "Status"));
                    ResultInput {
                        name: n.trim().to_owned(),
                        result_type: t.trim().to_owned(),
                    }
                })
                .collect();
            let mut input = AchievementInput {
                issuer_id: issuer.id,
                name: achievement_name,
                description,
                criteria_narrative: criteria,
                criteria_url,
                design_id: None,
                tags,
                alignments,
                results,
            };
            // Every field is checked before a template or file is saved as a
            // design, so a refused achievement leaves nothing behind.
            issuing.check_achievement(&input)?;
            input.design_id = Some(design_id(&design, home)?);
            let saved = issuing.save_achievement(None, &input, now())?;
            if json {
                println!("{}", to_json(&saved));
            } else {
                eprintln!(
                    "Defined the achievement \"{}\" for {}.",
                    saved.input.name, saved.issuer_name
                );
                println!("{}", saved.id);
            }
        }
        AchievementCommand::List { issuer, json } => {
            let issuing = Issuing::open(home)?;
            let issuer_id = match issuer {
                Some(q) => Some(issuing.find_issuer(Some(&q))?.id),
                None => None,
            };
            let list = issuing.achievements(issuer_id.as_deref())?;
            if json {
                println!("{}", to_json(&list));
            } else if list.is_empty() {
                eprintln!(
                    "No achievements yet: define one with `badgesmith achievement new --name NAME --description TEXT --criteria TEXT --design DESIGN`."
                );
            } else {
                for a in &list {
                    println!(
                        "{}  {} issued  {}  ({})",
                        a.id, a.issued_count, a.input.name, a.issuer_name
                    );
                }
            }
        }
        AchievementCommand::Show { achievement, json } => {
            let issuing = Issuing::open(home)?;
            let a = issuing.find_achievement(&achievement)?;
            if json {
                println!("{}", to_json(&a));
            } else {
                println!("{}", a.input.name);
                println!("  id:          {}", a.id);
                println!("  issuer:      {}", a.issuer_name);
                println!("  about:       {}", a.input.description);
                if let Some(c) = &a.input.criteria_narrative {
                    println!("  criteria:    {c}");
                }
                if let Some(c) = &a.input.criteria_url {
                    println!("  criteria at: {c}");
                }
                if !a.input.tags.is_empty() {
                    println!("  tags:        {}", a.input.tags.join(", "));
                }
                for al in &a.input.alignments {
                    println!("  aligned to:  {} ({})", al.target_name, al.target_url);
                }
                for r in &a.input.results {
                    println!("  result:      {} ({})", r.name, r.result_type);
                }
                println!("  issued:      {}", a.issued_count);
            }
        }
    }
    Ok(Outcome::Ok)
}

/// A progress bar on standard error, drawn only on a terminal, at most ten
/// times a second.
pub(crate) struct Bar {
    on: bool,
    last: Option<Instant>,
    unit: &'static str,
}

impl Bar {
    pub(crate) fn new(unit: &'static str) -> Self {
        Bar {
            on: std::io::stderr().is_terminal(),
            last: None,
            unit,
        }
    }

    pub(crate) fn draw(&mut self, done: u32, total: u32) {
        if !self.on {
            return;
        }
        let finished = done >= total;
        if !finished
            && self
                .last
                .is_some_and(|t| t.elapsed() < Duration::from_millis(100))
        {
            return;
        }
        self.last = Some(Instant::now());
        let width = 30usize;
        let filled = if total == 0 {
            width
        } else {
            (done as usize * width) / total as usize
        };
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r  [{}{}] {done}/{total} {}",
            "#".repeat(filled),
            " ".repeat(width - filled.min(width)),
            self.unit
        );
        if finished {
            let _ = writeln!(err);
        }
        let _ = err.flush();
    }
}

pub fn issue_command(args: IssueArgs, home: &Path) -> Result<Outcome, Error> {
    let mut issuing = Issuing::open(home)?;
    let achievement = issuing.find_achievement(&args.achievement)?;
    let issuer = issuing.issuer(&achievement.issuer_id)?;
    let settings = IssueSettings {
        format: match args.format {
            FormatArg::Png => BadgeImageFormat::Png,
            FormatArg::Svg => BadgeImageFormat::Svg,
        },
        proof: match args.proof {
            ProofArg::Di => ProofFormat::Di,
            ProofArg::Jwt => ProofFormat::Jwt,
        },
        size: args.size,
    };
    if let Some(csv) = &args.csv {
        // Check every row before asking for the passphrase.
        let bytes = read(csv)?;
        let preview = issuing.preview_batch(
            &achievement.id,
            &name(csv),
            &bytes,
            Some(&args.output),
            &settings,
        )?;
        for w in &preview.warnings {
            eprintln!("{}: {w}", name(csv));
        }
        app::check_batch_csv(&name(csv), &bytes)?;
        unlock(&mut issuing, &issuer, &args.passphrase)?;
        let total = u32::try_from(preview.rows.len()).unwrap_or(u32::MAX);
        eprintln!(
            "Issuing \"{}\" to {total} recipients into {} …",
            achievement.input.name,
            args.output.display()
        );
        let mut bar = Bar::new("badges");
        let cancel = AtomicBool::new(false);
        let outcome = issuing.run_batch(
            &app::BatchRequest {
                achievement_id: &achievement.id,
                csv_name: &name(csv),
                csv: &bytes,
                output_dir: &args.output,
                settings: &settings,
            },
            now(),
            &mut |p| bar.draw(p.done, p.total),
            &cancel,
        )?;
        if args.json {
            println!("{}", to_json(&outcome));
        } else {
            let rate = if outcome.seconds > 0.0 {
                f64::from(outcome.issued) / outcome.seconds
            } else {
                0.0
            };
            let mut line = format!(
                "Issued {} badges in {:.1} s ({rate:.0} per second)",
                outcome.issued, outcome.seconds
            );
            if outcome.already_issued > 0 {
                line.push_str(&format!(
                    "; {} were already issued by an earlier run",
                    outcome.already_issued
                ));
            }
            eprintln!("{line}.");
            eprintln!("Manifest: {}", outcome.manifest);
        }
        return Ok(Outcome::Ok);
    }
    let recipient = RecipientInput {
        identity: args.recipient.clone().unwrap_or_default(),
        name: args.name.clone(),
        evidence_url: args.evidence_url.clone(),
        evidence_narrative: args.evidence_narrative.clone(),
        valid_from: args.valid_from.clone(),
        valid_until: args.valid_until.clone(),
    };
    unlock(&mut issuing, &issuer, &args.passphrase)?;
    let (badge, bytes) = issuing.issue_one(&achievement.id, &recipient, &settings, now())?;
    std::fs::create_dir_all(&args.output).map_err(|e| Error::io(&args.output, e))?;
    let path = free_path(&args.output, &badge.file_name);
    app::write_atomically(&path, &bytes)?;
    let mut badge = badge;
    if let Some(written) = path.file_name() {
        badge.file_name = written.to_string_lossy().into_owned();
    }
    if args.json {
        println!("{}", to_json(&badge));
    } else {
        eprintln!(
            "Issued \"{}\" to {}: {}",
            badge.achievement_name,
            badge.recipient,
            path.display()
        );
        println!("{}", badge.id);
    }
    Ok(Outcome::Ok)
}

/// `dir/name`, or `dir/stem-2.ext`, `-3`… when a file of that name is there:
/// another badge is never overwritten.
fn free_path(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(name);
    if !first.exists() {
        return first;
    }
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    (2u32..)
        .map(|n| dir.join(format!("{stem}-{n}.{ext}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

fn show_issued(b: &IssuedBadge) -> String {
    let state = match (&b.revoked_at, b.revocable) {
        (Some(at), _) => format!("revoked {at}"),
        (None, true) => "active".into(),
        (None, false) => "active (not revocable)".into(),
    };
    format!(
        "{}  {}  {}  {}  {}  [{state}]",
        b.id, b.issued_at, b.recipient, b.achievement_name, b.file_name
    )
}

pub fn issued_command(cmd: IssuedCommand, home: &Path) -> Result<Outcome, Error> {
    let mut issuing = Issuing::open(home)?;
    match cmd {
        IssuedCommand::List { query, limit, json } => {
            let page = issuing.issued(query.as_deref().unwrap_or_default(), 0, limit)?;
            if json {
                println!("{}", to_json(&page));
            } else if page.items.is_empty() {
                eprintln!("No issued badges match.");
            } else {
                for b in &page.items {
                    println!("{}", show_issued(b));
                }
                if page.total as usize > page.items.len() {
                    eprintln!(
                        "… {} of {} shown (use --limit).",
                        page.items.len(),
                        page.total
                    );
                }
            }
        }
        IssuedCommand::Revoke {
            id,
            reason,
            output,
            passphrase: p,
        } => {
            let badge = issuing.find_issued(&id)?;
            let achievement = issuing.achievement(&badge.achievement_id)?;
            let issuer = issuing.issuer(&achievement.issuer_id)?;
            if !badge.revocable {
                return Err(Error::Usage(format!(
                    "{} was issued without a status list, so it cannot be revoked (set a status-list URL on the issuer before issuing)",
                    badge.id
                )));
            }
            unlock(&mut issuing, &issuer, &p)?;
            let r = issuing.revoke(&badge.id, reason.as_deref(), now())?;
            if let Some(out) = &output {
                let bytes = read(Path::new(&r.status_list_file))?;
                app::write_atomically(out, &bytes)?;
            }
            eprintln!(
                "Revoked {} ({}). Upload {} so that it is served at {}.",
                r.badge.id,
                r.badge.recipient,
                output
                    .as_ref()
                    .map(|o| o.display().to_string())
                    .unwrap_or(r.status_list_file.clone()),
                r.status_list_url
            );
        }
        IssuedCommand::Export { id, output } => {
            let badge = issuing.find_issued(&id)?;
            let (_, bytes) = issuing.export_issued(&badge.id)?;
            app::write_atomically(&output, &bytes)?;
            eprintln!("Wrote {} to {}.", badge.id, output.display());
        }
    }
    Ok(Outcome::Ok)
}
