//! The Designer's use cases and the saved-design library.

use badgesmith_app::dto::{ExportFormat, GlyphStyle};
use badgesmith_app::{DesignLibrary, ErrorCode};

fn template() -> badgesmith_app::dto::BadgeDesign {
    badgesmith_art::template("gold-award")
        .unwrap()
        .design
        .clone()
}

#[test]
fn the_catalog_has_templates_with_thumbnails_fonts_and_limits() {
    let catalog = badgesmith_app::design_catalog();
    assert!(catalog.templates.len() >= 12);
    for t in &catalog.templates {
        assert!(
            t.thumbnail.starts_with("data:image/png;base64,"),
            "{}",
            t.id
        );
        assert!(["school", "company", "community", "any"].contains(&t.audience.as_str()));
    }
    assert!(catalog.fonts.len() >= 8);
    assert_eq!((catalog.min_size, catalog.max_size), (64, 4096));
    assert!(catalog.glyph_count >= 1000);
}

#[test]
fn glyph_search_gives_previews() {
    let found = badgesmith_app::search_glyphs("medal", Some(GlyphStyle::Outline), 5);
    assert!(!found.is_empty() && found.len() <= 5);
    assert!(
        found
            .iter()
            .all(|g| g.preview.starts_with("data:image/svg+xml;base64,"))
    );
    assert_eq!(found[0].name, "medal");
}

#[test]
fn a_bad_design_from_the_ui_is_an_invalid_design_error_with_its_path() {
    let mut value = serde_json::to_value(template()).unwrap();
    value["layers"][0]["opacity"] = serde_json::json!(3);
    let err = badgesmith_app::design_from_value(value).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidDesign);
    assert_eq!(
        err.to_string(),
        "the design: layers[0].opacity: must be between 0 and 1 (is 3)"
    );
}

#[test]
fn exports_in_every_format() {
    let d = template();
    let png = badgesmith_app::export_bytes(&d, ExportFormat::Png, 128).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    let svg = badgesmith_app::export_bytes(&d, ExportFormat::Svg, 128).unwrap();
    assert!(svg.starts_with(b"<svg"));
    let live = String::from_utf8(
        badgesmith_app::export_bytes(&d, ExportFormat::SvgLiveText, 128).unwrap(),
    )
    .unwrap();
    assert!(live.contains("<text"));
    let json =
        String::from_utf8(badgesmith_app::export_bytes(&d, ExportFormat::Design, 128).unwrap())
            .unwrap();
    assert_eq!(badgesmith_app::parse_design("x", &json).unwrap(), d);
    assert_eq!(
        badgesmith_app::export_file_name(&d, ExportFormat::Design),
        "gold-award.badgedesign.json"
    );
    let err = badgesmith_app::export_bytes(&d, ExportFormat::Png, 5000).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidDesign);
}

#[test]
fn a_file_that_is_not_an_image_is_refused_by_name() {
    let err = badgesmith_app::choose_image("notes.txt", b"hello").unwrap_err();
    assert_eq!(err.to_string(), "notes.txt is not a PNG, JPEG or SVG image");
}

#[test]
fn the_library_saves_lists_updates_and_trashes_designs() {
    let mut lib = DesignLibrary::in_memory().unwrap();
    assert!(lib.list().unwrap().is_empty());
    let mut d = template();
    let saved = lib.save(None, &d, "2026-01-02T03:04:05Z").unwrap();
    let id = saved.summary.id.clone();
    assert_eq!(id.len(), 16);
    assert!(
        saved
            .summary
            .thumbnail
            .as_deref()
            .unwrap()
            .starts_with("data:image/png;base64,")
    );
    assert_eq!(saved.design, d);

    d.name = "Gold Award 2026".into();
    let updated = lib.save(Some(&id), &d, "2026-01-03T00:00:00Z").unwrap();
    assert_eq!(updated.summary.name, "Gold Award 2026");
    assert_eq!(updated.summary.created_at, "2026-01-02T03:04:05Z");
    assert_eq!(updated.summary.updated_at, "2026-01-03T00:00:00Z");
    assert_eq!(lib.list().unwrap().len(), 1);

    let other = lib.save(None, &template(), "2026-01-04T00:00:00Z").unwrap();
    let names: Vec<String> = lib.list().unwrap().into_iter().map(|s| s.name).collect();
    assert_eq!(
        names,
        ["Gold Award", "Gold Award 2026"],
        "most recent first"
    );
    assert_eq!(lib.find_one(&id[..5]).unwrap().summary.id, id);
    assert_eq!(lib.find_one("Gold Award 2026").unwrap().summary.id, id);

    lib.delete(&other.summary.id, "2026-01-05T00:00:00Z")
        .unwrap();
    assert_eq!(lib.list().unwrap().len(), 1);
    lib.restore(&other.summary.id).unwrap();
    assert_eq!(lib.list().unwrap().len(), 2);

    let missing = lib
        .save(Some("0000000000000000"), &d, "2026-01-06T00:00:00Z")
        .unwrap_err();
    assert_eq!(missing.code(), ErrorCode::NotFound);
    assert_eq!(lib.get("nope").unwrap_err().code(), ErrorCode::NotFound);
}

#[test]
fn a_foreign_database_file_is_a_store_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("badgesmith.db");
    std::fs::write(&path, b"not sqlite at all, just text that is long enough").unwrap();
    let err = DesignLibrary::open(dir.path()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Store);
    assert!(
        err.to_string()
            .contains("badgesmith.db is not a Badgesmith database"),
        "{err}"
    );
}

#[test]
fn timestamps_are_rfc3339_utc_seconds() {
    let t = time::OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap();
    assert_eq!(badgesmith_app::timestamp(t), "2023-11-14T22:13:20Z");
}
