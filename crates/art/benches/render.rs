//! Design → PNG bytes at 512 px for every bundled template, and the live
//! preview without shadows.
//!
//! `cargo bench -p badgesmith-art --bench render`; then
//! `python3 scripts/bench-render.py` times cairosvg rendering our SVG of the
//! same templates and prints the ratio.

use std::hint::black_box;

use badgesmith_art::{BadgeDesign, RenderOptions, render_png, render_png_with};
use criterion::{Criterion, criterion_group, criterion_main};

fn without_shadows(design: &BadgeDesign) -> BadgeDesign {
    let mut d = design.clone();
    for layer in &mut d.layers {
        layer.shadow = None;
    }
    d
}

fn bench(c: &mut Criterion) {
    let mut full = c.benchmark_group("template-512");
    for t in badgesmith_art::templates() {
        full.bench_function(t.id, |b| {
            b.iter(|| render_png(black_box(&t.design), 512).map(|png| png.len()))
        });
    }
    full.finish();

    let mut preview = c.benchmark_group("preview-512-no-shadow");
    for t in badgesmith_art::templates() {
        let plain = without_shadows(&t.design);
        preview.bench_function(t.id, |b| {
            b.iter(|| render_png(black_box(&plain), 512).map(|png| png.len()))
        });
    }
    preview.finish();

    let mut draft = c.benchmark_group("draft-512");
    for t in badgesmith_art::templates()
        .iter()
        .filter(|t| t.design.layers.iter().any(|l| l.shadow.is_some()))
    {
        draft.bench_function(t.id, |b| {
            b.iter(|| {
                render_png_with(
                    black_box(&t.design),
                    512,
                    RenderOptions {
                        draft_shadows: true,
                    },
                )
                .map(|png| png.len())
            })
        });
    }
    draft.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bench
}
criterion_main!(benches);
