//! Rendering: sizes, determinism, transparency, the SVG exports.

use badgesmith_art::{BadgeDesign, Error, export_svg, render_png, templates};
use serde_json::json;

fn design() -> BadgeDesign {
    BadgeDesign::from_json(
        &json!({
            "version": 1, "name": "Render test",
            "layers": [
                { "id": "bg", "type": "shape", "shape": "hexagon", "size": 300,
                  "fill": { "type": "linear", "angle": 45, "stops": [
                      { "offset": 0, "color": "#123456" }, { "offset": 1, "color": "#abcdef" } ] },
                  "shadow": { "dx": 0, "dy": 8, "blur": 16, "color": "#00000080" } },
                { "id": "title", "type": "text", "text": "Ünïcode ✓ Title",
                  "font": { "family": "Lato", "weight": 400, "size": 36, "letterSpacing": 2 },
                  "fill": { "type": "solid", "color": "#ffffff" },
                  "path": { "mode": "arc", "radius": 120, "side": "bottom" } }
            ]
        })
        .to_string(),
    )
    .unwrap()
}

fn ihdr_size(png: &[u8]) -> (u32, u32) {
    let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
    (w, h)
}

#[test]
fn sizes_from_64_to_4096_and_nothing_else() {
    let d = design();
    for size in [64, 100, 512] {
        let png = render_png(&d, size).unwrap();
        assert_eq!(ihdr_size(&png), (size, size));
    }
    for size in [0, 63, 4097, 100_000] {
        assert_eq!(
            render_png(&d, size).unwrap_err(),
            Error::Size {
                size,
                min: 64,
                max: 4096
            }
        );
    }
}

#[test]
fn the_same_design_gives_the_same_bytes() {
    let d = design();
    assert_eq!(render_png(&d, 256).unwrap(), render_png(&d, 256).unwrap());
    for t in templates() {
        assert_eq!(
            render_png(&t.design, 128).unwrap(),
            render_png(&t.design, 128).unwrap(),
            "{}",
            t.id
        );
    }
}

#[test]
fn the_background_is_transparent_and_the_badge_is_not() {
    let png = render_png(&design(), 128).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    reader.next_frame(&mut buf).unwrap();
    let px = |x: usize, y: usize| &buf[(y * 128 + x) * 4..(y * 128 + x) * 4 + 4];
    assert_eq!(px(0, 0)[3], 0, "a corner is transparent");
    assert_eq!(px(64, 64)[3], 255, "the middle is opaque");
}

#[test]
fn hidden_layers_are_not_drawn() {
    let d = design();
    let mut hidden = d.clone();
    hidden.layers[1].hidden = true;
    assert_ne!(
        render_png(&d, 128).unwrap(),
        render_png(&hidden, 128).unwrap()
    );
    let mut all_hidden = d.clone();
    for l in &mut all_hidden.layers {
        l.hidden = true;
    }
    let mut none = d;
    none.layers.clear();
    assert_eq!(
        render_png(&all_hidden, 128).unwrap(),
        render_png(&none, 128).unwrap()
    );
}

#[test]
fn svg_export_turns_text_into_outlines_or_keeps_it_live_with_fonts() {
    let d = design();
    let outlined = export_svg(&d, 512, true).unwrap();
    assert!(!outlined.contains("<text"), "text became paths");
    assert!(outlined.contains("<path"));
    assert!(outlined.contains(r#"width="512""#));
    let live = export_svg(&d, 512, false).unwrap();
    assert!(live.contains("<text") && live.contains("Ünïcode ✓ Title"));
    assert!(
        live.contains("@font-face") && live.contains("font/ttf"),
        "the font travels with the SVG"
    );
    assert!(live.contains("feDropShadow"));
}

#[test]
fn exported_svg_is_well_formed_xml() {
    for t in templates() {
        for outlines in [true, false] {
            let svg = export_svg(&t.design, 256, outlines).unwrap();
            roxmltree::Document::parse(&svg)
                .unwrap_or_else(|e| panic!("{} ({outlines}): {e}", t.id));
        }
    }
}
