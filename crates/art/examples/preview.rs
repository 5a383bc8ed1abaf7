//! Renders every bundled template (or the given design files) to PNG and SVG
//! in a folder, for a quick look: `cargo run -p badgesmith-art --example preview -- OUT_DIR [FILE…]`.
//! `--size=N` renders at N px instead of 512 (e.g. 128 to check legibility).
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut size = 512;
    let mut args = std::env::args()
        .skip(1)
        .filter(|a| match a.strip_prefix("--size=") {
            Some(n) => {
                size = n.parse().expect("--size=N takes a number of pixels");
                false
            }
            None => true,
        })
        .collect::<Vec<_>>()
        .into_iter();
    let out = PathBuf::from(args.next().unwrap_or_else(|| "target/art-preview".into()));
    std::fs::create_dir_all(&out).unwrap();
    let files: Vec<String> = args.collect();
    let designs: Vec<(String, badgesmith_art::BadgeDesign)> = if files.is_empty() {
        badgesmith_art::templates()
            .iter()
            .map(|t| (t.id.to_owned(), t.design.clone()))
            .collect()
    } else {
        files
            .iter()
            .map(|f| {
                let text = std::fs::read_to_string(f).unwrap();
                let d = badgesmith_art::BadgeDesign::from_json(&text)
                    .unwrap_or_else(|e| panic!("{f}: {e}"));
                (f.rsplit('/').next().unwrap().to_owned(), d)
            })
            .collect()
    };
    for (id, d) in designs {
        let t = Instant::now();
        let png = badgesmith_art::render_png(&d, size).unwrap();
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        std::fs::write(out.join(format!("{id}.png")), &png).unwrap();
        let svg = badgesmith_art::export_svg(&d, size, true).unwrap();
        std::fs::write(out.join(format!("{id}.svg")), svg).unwrap();
        println!("{id}: {ms:.1} ms, {} bytes", png.len());
    }
}
