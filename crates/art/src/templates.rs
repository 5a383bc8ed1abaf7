//! Ready designs to start from: `crates/art/templates/*.badgedesign.json`.

use std::sync::OnceLock;

use crate::model::BadgeDesign;

/// A bundled starting design.
#[derive(Debug, Clone)]
pub struct Template {
    /// The file's stem, e.g. `school-star`.
    pub id: &'static str,
    /// Who it suits: `school`, `company`, `community` or `any`.
    pub audience: &'static str,
    /// The design.
    pub design: BadgeDesign,
}

macro_rules! templates {
    ($(($id:literal, $audience:literal)),* $(,)?) => {
        &[$(($id, $audience, include_str!(concat!("../templates/", $id, ".badgedesign.json")))),*]
    };
}

static SOURCES: &[(&str, &str, &str)] = templates![
    ("school-star", "school"),
    ("reading-champion", "school"),
    ("science-fair", "school"),
    ("sports-day", "school"),
    ("coding-club", "school"),
    ("certified-professional", "company"),
    ("safety-training", "company"),
    ("leadership", "company"),
    ("hackathon", "company"),
    ("years-of-service", "company"),
    ("volunteer-hours", "community"),
    ("first-aid", "community"),
    ("tree-planter", "community"),
    ("gold-award", "any"),
];

/// Every bundled template, in gallery order. Templates are checked by the
/// tests; one that did not load would be left out rather than panic.
pub fn templates() -> &'static [Template] {
    static ALL: OnceLock<Vec<Template>> = OnceLock::new();
    ALL.get_or_init(|| {
        SOURCES
            .iter()
            .filter_map(|(id, audience, json)| {
                BadgeDesign::from_json(json).ok().map(|design| Template {
                    id,
                    audience,
                    design,
                })
            })
            .collect()
    })
}

/// The template with this id.
pub fn template(id: &str) -> Option<&'static Template> {
    templates().iter().find(|t| t.id == id)
}

/// The raw JSON of every bundled template, for tests that check them all load.
pub fn template_sources() -> impl Iterator<Item = (&'static str, &'static str)> {
    SOURCES.iter().map(|(id, _, json)| (*id, *json))
}
