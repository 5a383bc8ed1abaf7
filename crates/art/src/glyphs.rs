//! The bundled glyph library: the Tabler icon set (MIT), outline and filled,
//! each with its name, category and search tags. See `assets/glyphs/SOURCES.md`.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::GlyphStyle;

/// The side of the square grid every glyph is drawn on.
pub const VIEW_BOX: f32 = 24.0;

static DATA: &str = include_str!("../assets/glyphs/tabler.json");

/// One glyph.
#[derive(Debug, Clone, Deserialize)]
pub struct Glyph {
    /// The name designs use, e.g. `trophy`.
    pub name: String,
    /// Outline or filled.
    pub style: GlyphStyle,
    /// The set's category, e.g. `Badges`.
    #[serde(default)]
    pub category: String,
    /// Search words.
    #[serde(default)]
    pub tags: Vec<String>,
    /// SVG elements (paths only) on the 24-unit grid, with no paint of their own.
    pub body: String,
}

#[derive(Deserialize)]
struct File {
    icons: Vec<Glyph>,
}

struct Library {
    glyphs: Vec<Glyph>,
    by_key: HashMap<(String, GlyphStyle), usize>,
}

fn library() -> &'static Library {
    static LIB: OnceLock<Library> = OnceLock::new();
    LIB.get_or_init(|| {
        // The file is part of the build and checked by the tests; if it could
        // not be read the library is simply empty.
        let glyphs = serde_json::from_str::<File>(DATA)
            .map(|f| f.icons)
            .unwrap_or_default();
        let by_key = glyphs
            .iter()
            .enumerate()
            .map(|(i, g)| ((g.name.clone(), g.style), i))
            .collect();
        Library { glyphs, by_key }
    })
}

/// Every glyph, sorted by name (outline before filled).
pub fn all() -> &'static [Glyph] {
    &library().glyphs
}

/// The glyph with this name and style.
pub fn find(name: &str, style: GlyphStyle) -> Option<&'static Glyph> {
    let lib = library();
    lib.by_key
        .get(&(name.to_owned(), style))
        .and_then(|i| lib.glyphs.get(*i))
}

/// Glyphs matching every word of `query` in their name, tags or category,
/// best first: exact name, then name prefix, then name contains, then tags.
/// An empty query lists glyphs from the `Badges` category first.
pub fn search(query: &str, style: Option<GlyphStyle>, limit: usize) -> Vec<&'static Glyph> {
    let words: Vec<String> = query
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut scored: Vec<(u32, &Glyph)> = all()
        .iter()
        .filter(|g| style.is_none_or(|s| g.style == s))
        .filter_map(|g| score(g, &words).map(|s| (s, g)))
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));
    scored.into_iter().take(limit).map(|(_, g)| g).collect()
}

fn score(g: &Glyph, words: &[String]) -> Option<u32> {
    if words.is_empty() {
        return Some(if g.category == "Badges" { 1 } else { 0 });
    }
    let mut total = 0;
    let joined = words.join("-");
    if g.name == joined {
        total += 1000;
    }
    for w in words {
        let s = if g.name == *w {
            100
        } else if g.name.starts_with(w.as_str()) {
            60
        } else if g.name.split('-').any(|part| part == w) {
            50
        } else if g.name.contains(w.as_str()) {
            30
        } else if g.tags.iter().any(|t| t == w) {
            20
        } else if g.tags.iter().any(|t| t.starts_with(w.as_str())) {
            10
        } else if g.category.to_lowercase().starts_with(w.as_str()) {
            5
        } else {
            return None;
        };
        total += s;
    }
    // Prefer the shorter, plainer name among equals.
    Some(total * 100 + 99u32.saturating_sub(u32::try_from(g.name.len()).unwrap_or(99)))
}
