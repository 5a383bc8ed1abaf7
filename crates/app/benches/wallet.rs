//! The wallet with 100,000 badges: opening it and showing the first page, and
//! searching as a user types.
//!
//!     cargo bench -p badgesmith-app --bench wallet
//!
//! Builds a database of `WALLET_BENCH_BADGES` (default 100,000) synthetic
//! badges in a temporary folder (names, issuers, descriptions, tags and skills
//! drawn from word lists; an 8 KB thumbnail and a 4 KB original each), then
//! times, as the desktop app does them:
//! - opening the database and reading the first page (60 badges with their
//!   thumbnails, newest first) and the filter counts: the Wallet screen's
//!   first paint; targets 100 ms;
//! - a search over all of them (`WalletQuery.text`, newest first, one page
//!   with thumbnails) for a mix of queries a user types: whole words, prefixes
//!   of two and three letters, two words, an issuer, a tag; target p95 10 ms.
//!
//! Prints the median and the 95th percentile of each, and their ratio to the
//! target. Not a test: nothing here fails on a slow machine.
//! `WALLET_BENCH_DB=FILE` keeps the database in FILE (and reuses it).

// A benchmark reports by printing; its figures are not checked.
#![allow(
    clippy::print_stdout,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

use std::time::{Duration, Instant};

use badgesmith_app::Wallet;
use badgesmith_app::dto::WalletQuery;
use badgesmith_store::{Store, WalletEntry};

const ADJECTIVES: &[&str] = &[
    "Advanced",
    "Junior",
    "Senior",
    "Certified",
    "Creative",
    "Digital",
    "Outdoor",
    "Community",
    "Applied",
    "Practical",
    "Global",
    "Young",
    "Master",
    "Basic",
    "Expert",
    "Green",
];
const SUBJECTS: &[&str] = &[
    "Python",
    "First Aid",
    "Sailing",
    "Chess",
    "Robotics",
    "Photography",
    "Teamwork",
    "Leadership",
    "Gardening",
    "Astronomy",
    "Cooking",
    "Swimming",
    "Mentoring",
    "Welding",
    "Spreadsheets",
    "Public Speaking",
    "Knots",
    "Choir",
    "Volunteering",
    "Climbing",
    "Coding",
    "Design",
    "Electronics",
    "Orienteering",
];
const LEVELS: &[&str] = &[
    "Bronze",
    "Silver",
    "Gold",
    "Level 1",
    "Level 2",
    "Level 3",
    "Award",
    "Certificate",
];
const PLACES: &[&str] = &[
    "Riverside",
    "Hillside",
    "Harbour",
    "Northgate",
    "Lakeside",
    "Oakwood",
    "Summit",
    "Meadow",
    "Brookfield",
    "Westbridge",
];
const KINDS: &[&str] = &[
    "Club", "School", "Academy", "Society", "Training", "Network", "College", "Scouts",
];
const TAGS: &[&str] = &[
    "cv",
    "school",
    "work",
    "summer",
    "sport",
    "music",
    "tech",
    "volunteer",
];

struct Rng(u64);
impl Rng {
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        from[((self.0 >> 33) as usize) % from.len()]
    }
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

fn entry(i: usize, rng: &mut Rng) -> WalletEntry {
    let name = format!(
        "{} {} {}",
        rng.pick(ADJECTIVES),
        rng.pick(SUBJECTS),
        rng.pick(LEVELS)
    );
    let issuer_no = rng.below(200);
    let issuer = format!(
        "{} {} {}",
        PLACES[(issuer_no % 10) as usize],
        SUBJECTS[(issuer_no as usize / 10) % SUBJECTS.len()],
        KINDS[(issuer_no % 8) as usize]
    );
    let day = rng.below(3650);
    let issued = format!(
        "{:04}-{:02}-{:02}T10:00:00Z",
        2016 + day / 365,
        1 + (day % 365) / 31 % 12,
        1 + day % 28
    );
    let tags = if i.is_multiple_of(3) {
        vec![rng.pick(TAGS).to_owned()]
    } else {
        Vec::new()
    };
    let id = format!("{i:012x}");
    let mut thumbnail = vec![0u8; 8 * 1024];
    for (k, b) in thumbnail.iter_mut().enumerate() {
        *b = (k as u64 ^ rng.0) as u8;
    }
    WalletEntry {
        identity: format!("identity-{i}"),
        source_sha256: format!("source-{i}"),
        credential_id: Some(format!("urn:uuid:{i}")),
        name: name.clone(),
        issuer_id: Some(format!("did:key:z6Mk{issuer_no:04}")),
        issuer_name: Some(issuer.clone()),
        version: if i.is_multiple_of(5) { "ob2" } else { "ob3" }.into(),
        format: "ob3-json".into(),
        status: match i % 20 {
            0 => "expired",
            1 => "revoked",
            2 => "invalid",
            _ => "valid",
        }
        .into(),
        issued_on: Some(issued),
        expires: None,
        added_at: "2026-01-01T00:00:00Z".into(),
        verified_at: "2026-01-01T00:00:00Z".into(),
        trashed_at: None,
        note: String::new(),
        tags,
        description: format!("Awarded by {issuer} for {name}, after a course of twelve sessions."),
        skills: format!("{} {}", rng.pick(SUBJECTS), rng.pick(SUBJECTS)),
        file_name: format!("badge-{i}.png"),
        file_kind: "png".into(),
        badge_text: format!("{{\"id\":\"urn:uuid:{i}\"}}"),
        facts: "{}".into(),
        report: r#"{"valid":true,"format":"ob3-json","checks":[],"needsNetwork":false,"online":false,"issuerName":null,"issuerId":null,"achievementName":null,"validFrom":null,"validUntil":null}"#.into(),
        image_type: Some("image/png".into()),
        image: None,
        original: vec![7u8; 4096],
        thumbnail: Some(thumbnail),
        id,
    }
}

fn stats(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = ms(times[times.len() / 2]);
    let p95 = ms(times[(times.len() * 95 / 100).min(times.len() - 1)]);
    (median, p95)
}

fn main() {
    let count: usize = std::env::var("WALLET_BENCH_BADGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("a temporary folder");
    // WALLET_BENCH_DB=FILE keeps the database there (and reuses it when it
    // exists), to look into it afterwards.
    let path = std::env::var_os("WALLET_BENCH_DB")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("badgesmith.db"));
    let started = Instant::now();
    if !path.exists() {
        let mut store = Store::open(&path).expect("a new database");
        let mut rng = Rng(42);
        let mut chunk = Vec::with_capacity(1000);
        for i in 0..count {
            chunk.push(entry(i, &mut rng));
            if chunk.len() == 1000 {
                store.insert_wallet_badges(&chunk).expect("insert");
                chunk.clear();
            }
        }
        store.insert_wallet_badges(&chunk).expect("insert");
    }
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!(
        "built a wallet of {count} badges in {:.1} s ({} MB)",
        started.elapsed().as_secs_f64(),
        size / 1_000_000
    );

    // The first page: open, one page with thumbnails; then the filter
    // counts, which the screen asks for beside it.
    let (mut first, mut opens, mut counts) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..21 {
        let t = Instant::now();
        let wallet = Wallet::open_file(&path).expect("open");
        opens.push(t.elapsed());
        let page = wallet.list(&WalletQuery::default()).expect("page");
        first.push(t.elapsed());
        assert_eq!(page.badges.len(), 60);
        assert_eq!(page.total as usize, count);
        let t = Instant::now();
        let facets = wallet.facets().expect("facets");
        counts.push(t.elapsed());
        assert_eq!(facets.total as usize, count);
    }
    let (open_median, _) = stats(opens);
    let (median, p95) = stats(first);
    println!(
        "open + first page (60 with thumbnails, and the total): median {median:.1} ms, p95 {p95:.1} ms, of which opening {open_median:.1} ms (target 100 ms: {:.1}x under)",
        100.0 / p95
    );
    let (median, p95) = stats(counts);
    println!(
        "filter counts (issuers, statuses, tags, collections): median {median:.1} ms, p95 {p95:.1} ms"
    );

    // Searching as a user types.
    let wallet = Wallet::open_file(&path).expect("open");
    let queries = [
        "python",
        "py",
        "pyt",
        "first aid",
        "fir",
        "sailing gold",
        "riverside",
        "harbour club",
        "chess",
        "ch",
        "robotics level",
        "summer",
        "volunteer",
        "astro",
        "welding bronze",
        "lakeside scouts",
        "me",
        "mentoring",
        "gold",
        "design",
        "zzz",
        "orienteering silver",
        "public speaking",
        "climb",
    ];
    let mut times = Vec::new();
    let mut matched = 0u64;
    for _ in 0..5 {
        for q in queries {
            let t = Instant::now();
            let page = wallet
                .list(&WalletQuery {
                    text: q.into(),
                    ..WalletQuery::default()
                })
                .expect("search");
            times.push(t.elapsed());
            matched += u64::from(page.total);
        }
    }
    let n = times.len();
    let mut slowest: Vec<(Duration, &str)> = times
        .chunks(queries.len())
        .flat_map(|round| round.iter().copied().zip(queries))
        .collect();
    slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
    slowest.dedup_by(|a, b| a.1 == b.1);
    let named: Vec<String> = slowest
        .iter()
        .take(4)
        .map(|(t, q)| format!("\"{q}\" {:.1} ms", t.as_secs_f64() * 1000.0))
        .collect();
    let (median, p95) = stats(times);
    println!(
        "search ({n} queries over {count} badges, {} matches each on average): median {median:.2} ms, p95 {p95:.2} ms (target 10 ms: {:.1}x under)",
        matched / n as u64,
        10.0 / p95
    );
    println!("slowest: {}", named.join(", "));
}
