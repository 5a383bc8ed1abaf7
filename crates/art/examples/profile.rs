//! Where the time of one render goes: `cargo run --release -p badgesmith-art --example profile -- TEMPLATE_ID`.
#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::time::Instant;

fn main() {
    let id = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "school-star".into());
    let design = &badgesmith_art::template(&id).unwrap().design;
    let n = 50;
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(badgesmith_art::design_svg(design, 512, Default::default()));
    }
    println!(
        "svg text   {:.3} ms",
        t.elapsed().as_secs_f64() * 1000.0 / n as f64
    );
    let t = Instant::now();
    let mut pixmap = None;
    for _ in 0..n {
        pixmap = Some(badgesmith_art::render_pixmap(design, 512, Default::default()).unwrap());
    }
    println!(
        "pixmap     {:.3} ms",
        t.elapsed().as_secs_f64() * 1000.0 / n as f64
    );
    let pixmap = pixmap.unwrap();
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(badgesmith_art::encode_png(&pixmap).unwrap());
    }
    println!(
        "png encode {:.3} ms",
        t.elapsed().as_secs_f64() * 1000.0 / n as f64
    );
    parts(design);
}

#[allow(dead_code)]
fn parts(design: &badgesmith_art::BadgeDesign) {
    use resvg::{tiny_skia, usvg};
    let n = 50;
    let svg = badgesmith_art::design_svg(
        design,
        512,
        badgesmith_art::SvgOptions {
            skip_shadows: true,
            ..Default::default()
        },
    );
    let mut opt = usvg::Options::default();
    let mut db = usvg::fontdb::Database::new();
    for f in badgesmith_art::fonts::families() {
        db.load_font_data(f.file(400).to_vec());
        db.load_font_data(f.file(700).to_vec());
    }
    opt.fontdb = std::sync::Arc::new(db);
    let t = Instant::now();
    let mut tree = None;
    for _ in 0..n {
        tree = Some(usvg::Tree::from_str(&svg, &opt).unwrap());
    }
    println!(
        "parse      {:.3} ms",
        t.elapsed().as_secs_f64() * 1000.0 / n as f64
    );
    let tree = tree.unwrap();
    let t = Instant::now();
    for _ in 0..n {
        let mut p = tiny_skia::Pixmap::new(512, 512).unwrap();
        resvg::render(&tree, tiny_skia::Transform::identity(), &mut p.as_mut());
    }
    println!(
        "render     {:.3} ms",
        t.elapsed().as_secs_f64() * 1000.0 / n as f64
    );
}
