//! Golden images: every bundled template and a small design for each layer
//! type and variant, rendered at 256 px and compared byte for byte with the
//! PNGs in `tests/goldens/`.
//!
//! `BLESS=1 cargo test -p badgesmith-art --test golden` (re)writes the goldens
//! (and removes those whose design is gone). On a mismatch the actual PNG and
//! a diff image (red where pixels differ) are written to `target/golden-diff/`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use badgesmith_art::{
    ArcSide, BadgeDesign, LayerContent, Paint, ShapeKind, TextPath, render_png, template_sources,
    templates,
};

/// The side of every golden PNG, in pixels.
const SIZE: u32 = 256;

fn goldens() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/goldens")
}

fn blessing() -> bool {
    std::env::var_os("BLESS").is_some_and(|v| v == "1")
}

/// Where mismatches are written: `$CARGO_TARGET_DIR/golden-diff`, or the
/// workspace's `target/golden-diff`.
fn diff_dir() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let workspace = manifest.parent().and_then(Path::parent).unwrap_or(manifest);
    let target = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if Path::new(&dir).is_absolute() => PathBuf::from(dir),
        Some(dir) => workspace.join(dir),
        None => workspace.join("target"),
    };
    target.join("golden-diff")
}

/// Renders twice, checks both renders are the same bytes, and returns them.
fn render_twice(what: &str, design: &BadgeDesign) -> Result<Vec<u8>, String> {
    let first = render_png(design, SIZE).map_err(|e| format!("{what}: does not render: {e}"))?;
    let second = render_png(design, SIZE).map_err(|e| format!("{what}: does not render: {e}"))?;
    if first != second {
        return Err(format!(
            "{what}: two renders of the same design differ (the renderer is not deterministic)"
        ));
    }
    Ok(first)
}

/// Straight RGBA pixels of a PNG: (width, height, bytes).
fn decode(what: &str, bytes: &[u8]) -> Result<(u32, u32, Vec<u8>), String> {
    let mut decoder = png::Decoder::new(Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder
        .read_info()
        .map_err(|e| format!("{what}: not a PNG: {e}"))?;
    let mut buf = vec![0; reader.output_buffer_size().unwrap_or(0)];
    let info = reader
        .next_frame(&mut buf)
        .map_err(|e| format!("{what}: not a PNG: {e}"))?;
    buf.truncate(info.buffer_size());
    let rgba = match info.color_type {
        png::ColorType::Rgba => buf,
        png::ColorType::Rgb => buf
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        png::ColorType::GrayscaleAlpha => buf
            .chunks_exact(2)
            .flat_map(|p| [p[0], p[0], p[0], p[1]])
            .collect(),
        png::ColorType::Grayscale => buf.iter().flat_map(|&g| [g, g, g, 255]).collect(),
        png::ColorType::Indexed => return Err(format!("{what}: an indexed PNG was not expanded")),
    };
    Ok((info.width, info.height, rgba))
}

fn encode(width: u32, height: u32, rgba: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, width, height);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    let mut w = enc.write_header().unwrap();
    w.write_image_data(rgba).unwrap();
    w.finish().unwrap();
    out
}

/// Compares a render with its golden `rel` (a path under `tests/goldens/`),
/// or writes the golden when blessing.
fn check(rel: &str, actual: &[u8]) -> Result<(), String> {
    let path = goldens().join(rel);
    let expected = fs::read(&path).ok();
    if blessing() {
        if expected.as_deref() != Some(actual) {
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, actual).unwrap();
        }
        return Ok(());
    }
    let Some(expected) = expected else {
        return Err(format!(
            "{rel}: there is no golden; write it with BLESS=1 cargo test -p badgesmith-art --test golden"
        ));
    };
    if expected == actual {
        return Ok(());
    }
    let (ew, eh, epx) = decode(rel, &expected)?;
    let (aw, ah, apx) = decode(rel, actual)?;
    let out = diff_dir();
    fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let stem = rel.trim_end_matches(".png").replace('/', "-");
    let actual_path = out.join(format!("{stem}.actual.png"));
    fs::write(&actual_path, actual).map_err(|e| format!("{}: {e}", actual_path.display()))?;
    if (ew, eh) != (aw, ah) {
        return Err(format!(
            "{rel}: the golden is {ew}×{eh} px but the render is {aw}×{ah} px (render written to {})",
            actual_path.display()
        ));
    }
    // Red where pixels differ; elsewhere the render, faded onto white.
    let mut differing = 0usize;
    let mut max_delta = 0u8;
    let mut diff = Vec::with_capacity(apx.len());
    for (e, a) in epx.chunks_exact(4).zip(apx.chunks_exact(4)) {
        let delta = e
            .iter()
            .zip(a)
            .map(|(x, y)| x.abs_diff(*y))
            .max()
            .unwrap_or(0);
        if delta > 0 {
            differing += 1;
            max_delta = max_delta.max(delta);
            diff.extend_from_slice(&[255, 0, 0, 255]);
        } else {
            let alpha = u16::from(a[3]);
            let fade = |c: u8| -> u8 {
                let over_white = (u16::from(c) * alpha + 255 * (255 - alpha)) / 255;
                u8::try_from(191 + over_white / 4).unwrap_or(255)
            };
            diff.extend_from_slice(&[fade(a[0]), fade(a[1]), fade(a[2]), 255]);
        }
    }
    let diff_path = out.join(format!("{stem}.diff.png"));
    fs::write(&diff_path, encode(aw, ah, &diff))
        .map_err(|e| format!("{}: {e}", diff_path.display()))?;
    if differing == 0 {
        return Err(format!(
            "{rel}: same pixels but different PNG bytes (did the encoder change?); render written to {}",
            actual_path.display()
        ));
    }
    Err(format!(
        "{rel}: {differing} pixels differ, by up to {max_delta} in a channel; render and diff written to {} and {}",
        actual_path.display(),
        diff_path.display()
    ))
}

fn fail_on(failures: Vec<String>) {
    if !failures.is_empty() {
        let mut msg = format!("{} golden check(s) failed:\n", failures.len());
        for f in &failures {
            let _ = writeln!(msg, "  {f}");
        }
        msg.push_str(
            "If the change is intended, rewrite the goldens with BLESS=1 cargo test -p badgesmith-art --test golden",
        );
        panic!("{msg}");
    }
}

/// The layer designs: `tests/goldens/layers/<name>.badgedesign.json`, by name.
fn layer_designs() -> BTreeMap<String, BadgeDesign> {
    let dir = goldens().join("layers");
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(name) = file.strip_suffix(".badgedesign.json") else {
            continue;
        };
        let text = fs::read_to_string(&path).unwrap();
        let design = BadgeDesign::from_json(&text).unwrap_or_else(|e| panic!("layers/{file}: {e}"));
        out.insert(name.to_owned(), design);
    }
    assert!(!out.is_empty(), "no layer designs in {}", dir.display());
    out
}

#[test]
fn every_template_loads_and_has_a_title() {
    let sources: Vec<(&str, &str)> = template_sources().collect();
    for (id, json) in &sources {
        BadgeDesign::from_json(json).unwrap_or_else(|e| panic!("template {id}: {e}"));
    }
    assert_eq!(
        templates().len(),
        sources.len(),
        "a template failed to load and was left out of the gallery"
    );
    let mut ids = BTreeSet::new();
    for t in templates() {
        assert!(ids.insert(t.id), "template id {} is used twice", t.id);
        assert!(
            ["school", "company", "community", "any"].contains(&t.audience),
            "{}: audience {:?} is not school, company, community or any",
            t.id,
            t.audience
        );
        let d = &t.design;
        assert!(!d.name.trim().is_empty(), "{}: no name", t.id);
        assert!(!d.description.trim().is_empty(), "{}: no description", t.id);
        let title = d
            .layers
            .iter()
            .find(|l| l.id == "title")
            .unwrap_or_else(|| panic!("{}: no layer with id \"title\"", t.id));
        match &title.content {
            LayerContent::Text(text) => {
                assert!(!text.text.trim().is_empty(), "{}: empty title", t.id)
            }
            other => panic!("{}: the title layer is {other:?}, not text", t.id),
        }
        assert!(!title.hidden, "{}: the title is hidden", t.id);
        let again = BadgeDesign::from_json(&d.to_json())
            .unwrap_or_else(|e| panic!("{}: its own JSON does not load: {e}", t.id));
        assert_eq!(
            &again, d,
            "{}: to_json then from_json changes the design",
            t.id
        );
    }
}

#[test]
fn every_template_matches_its_golden() {
    let mut failures = Vec::new();
    for t in templates() {
        let result = render_twice(t.id, &t.design)
            .and_then(|png| check(&format!("templates/{}-{SIZE}.png", t.id), &png));
        if let Err(e) = result {
            failures.push(e);
        }
    }
    fail_on(failures);
}

#[test]
fn every_layer_design_matches_its_golden() {
    let mut failures = Vec::new();
    for (name, design) in layer_designs() {
        let again = BadgeDesign::from_json(&design.to_json()).unwrap();
        assert_eq!(again, design, "layers/{name}: JSON round trip changes it");
        let result = render_twice(&name, &design)
            .and_then(|png| check(&format!("layers/{name}-{SIZE}.png"), &png));
        if let Err(e) = result {
            failures.push(e);
        }
    }
    fail_on(failures);
}

#[test]
fn no_golden_is_left_without_its_design() {
    let mut expected: BTreeSet<String> = templates()
        .iter()
        .map(|t| format!("templates/{}-{SIZE}.png", t.id))
        .collect();
    expected.extend(
        layer_designs()
            .keys()
            .map(|name| format!("layers/{name}-{SIZE}.png")),
    );
    let mut stale = Vec::new();
    for sub in ["templates", "layers"] {
        let Ok(entries) = fs::read_dir(goldens().join(sub)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            if file.ends_with(".png") && !expected.contains(&format!("{sub}/{file}")) {
                if blessing() {
                    fs::remove_file(&path).unwrap();
                } else {
                    stale.push(format!("{sub}/{file}"));
                }
            }
        }
    }
    assert!(
        stale.is_empty(),
        "goldens without a template or design (BLESS=1 removes them): {stale:?}"
    );
}

/// What a set of designs uses, as names.
#[derive(Default)]
struct Variety {
    shapes: BTreeSet<String>,
    borders: BTreeSet<String>,
    ribbons: BTreeSet<String>,
    ribbon_text: BTreeSet<String>,
    glyphs: BTreeSet<String>,
    decorations: BTreeSet<String>,
    text_paths: BTreeSet<String>,
    paints: BTreeSet<String>,
    fonts: BTreeSet<String>,
    other: BTreeSet<String>,
}

impl Variety {
    fn of<'a>(designs: impl IntoIterator<Item = &'a BadgeDesign>) -> Variety {
        let mut v = Variety::default();
        for d in designs {
            for l in &d.layers {
                if l.shadow.is_some() {
                    v.other.insert("shadow".into());
                }
                if l.opacity < 1.0 {
                    v.other.insert("opacity".into());
                }
                if l.transform.rotate != 0.0 {
                    v.other.insert("rotate".into());
                }
                if l.transform.scale != 1.0 {
                    v.other.insert("scale".into());
                }
                if l.hidden {
                    v.other.insert("hidden".into());
                }
                let mut paint = |p: &Paint| {
                    v.paints.insert(
                        match p {
                            Paint::Solid { .. } => "solid",
                            Paint::Linear { .. } => "linear",
                            Paint::Radial { .. } => "radial",
                        }
                        .into(),
                    );
                };
                match &l.content {
                    LayerContent::Shape(s) => {
                        paint(&s.fill);
                        v.shapes.insert(format!("{:?}", s.shape));
                        if s.stroke.is_some() {
                            v.other.insert("shape stroke".into());
                        }
                    }
                    LayerContent::Border(b) => {
                        paint(&b.paint);
                        v.borders.insert(format!("{:?}", b.style));
                    }
                    LayerContent::Ribbon(r) => {
                        paint(&r.fill);
                        v.ribbons.insert(format!("{:?}", r.style));
                        if !r.text.is_empty() {
                            let bend = if r.curve == 0.0 { "straight" } else { "curved" };
                            v.ribbon_text.insert(bend.into());
                            v.fonts.insert(r.font.family.clone());
                        }
                    }
                    LayerContent::Glyph(g) => {
                        paint(&g.paint);
                        let kind = match &g.paint {
                            Paint::Solid { .. } => "solid",
                            _ => "gradient",
                        };
                        v.glyphs.insert(format!("{:?} {kind}", g.style));
                    }
                    LayerContent::Image(im) => {
                        v.other.insert(format!("image in {:?}", im.clip));
                    }
                    LayerContent::Text(t) => {
                        paint(&t.fill);
                        v.fonts.insert(t.font.family.clone());
                        v.text_paths.insert(match t.path {
                            TextPath::Straight => "straight".into(),
                            TextPath::Arc {
                                side: ArcSide::Top, ..
                            } => "arc top".into(),
                            TextPath::Arc {
                                side: ArcSide::Bottom,
                                ..
                            } => "arc bottom".into(),
                        });
                        if t.font.letter_spacing != 0.0 {
                            v.text_paths.insert("letter spacing".into());
                        }
                        if t.stroke.is_some() {
                            v.text_paths.insert("stroke".into());
                        }
                    }
                    LayerContent::Decoration(d) => {
                        paint(&d.paint);
                        v.decorations.insert(format!("{:?}", d.kind));
                    }
                }
            }
        }
        v
    }
}

fn names(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

fn all_shapes() -> BTreeSet<String> {
    ShapeKind::ALL.iter().map(|s| format!("{s:?}")).collect()
}

#[test]
fn layer_designs_cover_every_variant() {
    let designs = layer_designs();
    let v = Variety::of(designs.values());
    assert_eq!(
        v.shapes.intersection(&all_shapes()).count(),
        14,
        "shapes: {:?}",
        v.shapes
    );
    assert_eq!(v.borders, names(&["Dashed", "Dotted", "Double", "Solid"]));
    assert_eq!(
        v.ribbons,
        names(&["Flat", "Folded", "Notched", "Swallowtail", "Tails"])
    );
    assert_eq!(v.ribbon_text, names(&["curved", "straight"]));
    for g in ["Outline gradient", "Filled gradient"] {
        assert!(v.glyphs.contains(g), "no glyph drawn {g}: {:?}", v.glyphs);
    }
    assert_eq!(v.decorations, names(&["Dots", "Laurels", "Stars"]));
    assert_eq!(
        v.text_paths,
        names(&[
            "arc bottom",
            "arc top",
            "letter spacing",
            "straight",
            "stroke"
        ])
    );
    assert_eq!(v.paints, names(&["linear", "radial", "solid"]));
    for o in [
        "image in Hexagon",
        "shadow",
        "opacity",
        "rotate",
        "scale",
        "hidden",
    ] {
        assert!(
            v.other.contains(o),
            "no layer design has {o}: {:?}",
            v.other
        );
    }
}

#[test]
fn templates_use_the_renderers_range() {
    let all: Vec<&BadgeDesign> = templates().iter().map(|t| &t.design).collect();
    assert!(all.len() >= 12, "only {} templates", all.len());
    let v = Variety::of(all.iter().copied());
    let missing: Vec<_> = all_shapes().difference(&v.shapes).cloned().collect();
    assert!(
        missing.is_empty(),
        "no template uses the shapes {missing:?}"
    );
    assert_eq!(
        v.ribbons,
        names(&["Flat", "Folded", "Notched", "Swallowtail", "Tails"])
    );
    assert_eq!(v.borders, names(&["Dashed", "Dotted", "Double", "Solid"]));
    assert_eq!(v.decorations, names(&["Dots", "Laurels", "Stars"]));
    assert!(
        v.fonts.len() >= 7,
        "templates use only the fonts {:?}",
        v.fonts
    );
    for p in ["arc top", "arc bottom", "straight"] {
        assert!(v.text_paths.contains(p), "no template has {p} text");
    }
    assert!(v.paints.contains("linear") && v.paints.contains("radial"));
    // Shadows are costly: a few templates have one, not all.
    let shadowed = all
        .iter()
        .filter(|d| d.layers.iter().any(|l| l.shadow.is_some()))
        .count();
    assert!(
        shadowed >= 1 && shadowed * 2 <= all.len(),
        "{shadowed} of {} templates have shadows",
        all.len()
    );
    for audience in ["school", "company", "community"] {
        let n = templates()
            .iter()
            .filter(|t| t.audience == audience || t.audience == "any")
            .count();
        assert!(n >= 3, "only {n} templates suit {audience}");
    }
}
