//! The design model: reading, checking, upgrading; the bundled fonts and glyphs.

use badgesmith_art::{BadgeDesign, Error, GlyphStyle, fonts, glyphs};
use serde_json::{Value, json};

fn minimal() -> Value {
    json!({
        "version": 1,
        "name": "Test",
        "layers": [
            { "id": "bg", "type": "shape", "shape": "circle", "size": 400,
              "fill": { "type": "solid", "color": "#336699" } },
            { "id": "title", "type": "text", "text": "Hello",
              "font": { "family": "Inter", "weight": 700, "size": 40 },
              "fill": { "type": "solid", "color": "#ffffff" } }
        ]
    })
}

fn error_of(v: Value) -> String {
    BadgeDesign::from_json(&v.to_string())
        .expect_err("the design should be refused")
        .to_string()
}

#[test]
fn a_minimal_design_reads_and_round_trips() {
    let d = BadgeDesign::from_json(&minimal().to_string()).unwrap();
    assert_eq!(d.layers.len(), 2);
    let again = BadgeDesign::from_json(&d.to_json()).unwrap();
    assert_eq!(d, again);
}

#[test]
fn errors_name_the_field_path_and_the_problem() {
    let mut v = minimal();
    v["layers"][1]["font"]["size"] = json!(1000);
    assert_eq!(
        error_of(v),
        "layers[1].font.size: must be between 4 and 512 (is 1000)"
    );

    let mut v = minimal();
    v["layers"][0]["fill"]["color"] = json!("#zzzzzz");
    assert_eq!(
        error_of(v),
        "layers[0].fill.color: \"#zzzzzz\" is not a colour (write #rrggbb or #rrggbbaa)"
    );

    let mut v = minimal();
    v["layers"][1]["font"]["family"] = json!("Comic Sans MS");
    let e = error_of(v);
    assert!(
        e.starts_with(
            "layers[1].font.family: \"Comic Sans MS\" is not a bundled font (choose one of Inter,"
        ),
        "{e}"
    );

    let mut v = minimal();
    v["layers"][0]["shape"] = json!("trapezoid");
    let e = error_of(v);
    assert!(e.contains("trapezoid"), "{e}");

    let mut v = minimal();
    v["layers"][1]["id"] = json!("bg");
    assert_eq!(
        error_of(v),
        "layers[1].id: \"bg\" is used by an earlier layer"
    );

    let mut v = minimal();
    v["layers"][1]["text"] = json!("two\nlines");
    assert_eq!(
        error_of(v),
        "layers[1].text: holds a control character (text is one line)"
    );
}

#[test]
fn a_missing_field_is_named() {
    let mut v = minimal();
    v["layers"][0].as_object_mut().unwrap().remove("size");
    let e = error_of(v);
    assert!(e.contains("layers[0]") && e.contains("size"), "{e}");
}

#[test]
fn versions_newer_missing_and_bad_are_refused_clearly() {
    let mut v = minimal();
    v["version"] = json!(7);
    let err = BadgeDesign::from_json(&v.to_string()).unwrap_err();
    assert_eq!(
        err,
        Error::NewerVersion {
            version: 7,
            supported: 1
        }
    );
    assert!(err.to_string().contains("made by a newer Badgesmith"));

    let mut v = minimal();
    v.as_object_mut().unwrap().remove("version");
    assert_eq!(error_of(v), "version: is missing");

    let mut v = minimal();
    v["version"] = json!("one");
    assert!(error_of(v).starts_with("version: must be a whole number"));
}

#[test]
fn not_json_is_a_sentence() {
    let e = BadgeDesign::from_json("{ not json")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("the design is not valid:"), "{e}");
    let e = BadgeDesign::from_json("[]").unwrap_err().to_string();
    assert_eq!(e, "the design is not valid: a design is a JSON object");
}

#[test]
fn a_huge_design_is_refused_before_parsing() {
    let text = format!(
        "{{\"version\":1,\"name\":\"{}\"}}",
        "x".repeat(25 * 1024 * 1024)
    );
    let e = BadgeDesign::from_json(&text).unwrap_err().to_string();
    assert!(e.contains("MiB"), "{e}");
}

#[test]
fn too_many_layers_are_refused() {
    let mut v = minimal();
    let layer = v["layers"][0].clone();
    let layers: Vec<Value> = (0..65)
        .map(|i| {
            let mut l = layer.clone();
            l["id"] = json!(format!("l{i}"));
            l
        })
        .collect();
    v["layers"] = json!(layers);
    assert!(error_of(v).starts_with("layers: has 65 layers"));
}

#[test]
fn at_least_eight_font_families_in_regular_and_bold() {
    let families = fonts::families();
    assert!(families.len() >= 8, "{} families", families.len());
    for f in families {
        for w in [400, 700] {
            let data = f.file(w);
            assert!(data.len() > 10_000, "{} {w}", f.name);
            assert!(
                data.starts_with(&[0, 1, 0, 0])
                    || data.starts_with(b"OTTO")
                    || data.starts_with(b"true"),
                "{} {w} is not TrueType/OpenType",
                f.name
            );
        }
    }
}

#[test]
fn at_least_a_thousand_glyphs_with_names_and_tags() {
    let all = glyphs::all();
    assert!(all.len() >= 1000, "{} glyphs", all.len());
    assert!(all.iter().all(|g| !g.name.is_empty() && !g.body.is_empty()));
    let tagged = all.iter().filter(|g| !g.tags.is_empty()).count();
    assert!(
        tagged * 10 >= all.len() * 9,
        "{tagged} of {} have tags",
        all.len()
    );
    // Only path-like elements, never anything that could reach outside.
    for g in all {
        for bad in [
            "<script",
            "href",
            "<image",
            "<use",
            "<style",
            "foreignObject",
            " on",
        ] {
            assert!(!g.body.contains(bad), "{} holds {bad}", g.name);
        }
    }
}

#[test]
fn glyph_search_finds_by_name_and_tag_best_first() {
    let found = glyphs::search("trophy", None, 10);
    assert_eq!(found.first().map(|g| g.name.as_str()), Some("trophy"));
    // "prize" is a tag, not a name.
    let by_tag = glyphs::search("prize", Some(GlyphStyle::Outline), 50);
    assert!(
        by_tag.iter().any(|g| g.name == "award"),
        "{:?}",
        by_tag.iter().map(|g| &g.name).collect::<Vec<_>>()
    );
    // Every word must match.
    let both = glyphs::search("first aid", None, 20);
    assert!(both.iter().any(|g| g.name.starts_with("first-aid")));
    assert!(glyphs::search("zzzz-no-such-thing", None, 10).is_empty());
    assert!(glyphs::find("star", GlyphStyle::Filled).is_some());
}

#[test]
fn an_unknown_glyph_is_named() {
    let mut v = minimal();
    v["layers"][0] = json!({ "id": "g", "type": "glyph", "glyph": "no-such-glyph", "size": 100,
        "paint": { "type": "solid", "color": "#000000" } });
    assert_eq!(
        error_of(v),
        "layers[0].glyph: there is no glyph named \"no-such-glyph\""
    );
}
