//! A user's images are untrusted: limits, cleaning, and clear refusals.

use badgesmith_art::{
    BadgeDesign, MAX_EMBED_SIDE, MAX_SVG_DEPTH, MAX_SVG_ELEMENTS, prepare_image, render_png,
    thumbnail_png,
};
use base64::Engine as _;
use serde_json::json;

fn png_of(w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        let mut wr = enc.write_header().unwrap();
        let data: Vec<u8> = (0..w * h)
            .flat_map(|i| [(i % 251) as u8, 80, 160, 255])
            .collect();
        wr.write_image_data(&data).unwrap();
    }
    out
}

fn decoded_svg(uri: &str) -> String {
    let b64 = uri
        .strip_prefix("data:image/svg+xml;base64,")
        .expect("an SVG data URI");
    String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(b64)
            .unwrap(),
    )
    .unwrap()
}

#[test]
fn scripts_foreign_objects_external_references_and_handlers_are_removed() {
    let svg = br##"<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="50" onload="alert(1)">
  <script>alert('x')</script>
  <foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>
  <image xlink:href="https://tracker.example/pixel.png" width="10" height="10"/>
  <image href="file:///etc/passwd" width="10" height="10"/>
  <use href="https://evil.example/sprite.svg#a"/>
  <rect width="100" height="50" fill="url(https://evil.example/paint)" onclick="steal()"/>
  <style>@import url(https://evil.example/x.css); rect { fill: red }</style>
  <circle cx="25" cy="25" r="20" fill="#0a0"/>
  <a href="javascript:alert(1)"><circle cx="75" cy="25" r="20"/></a>
</svg>"##;
    let prepared = prepare_image("logo.svg", svg).unwrap();
    let clean = decoded_svg(&prepared.data_uri);
    for gone in [
        "script",
        "alert",
        "foreignObject",
        "tracker.example",
        "/etc/passwd",
        "evil.example",
        "onclick",
        "onload",
        "javascript",
        "@import",
    ] {
        assert!(!clean.contains(gone), "{gone} survived: {clean}");
    }
    assert!(clean.contains("<circle"), "the drawing is kept: {clean}");
    assert_eq!((prepared.width, prepared.height), (100, 50));
    let notice = prepared.notice.expect("the user is told what was removed");
    assert!(notice.starts_with("logo.svg: removed"), "{notice}");
    assert!(
        notice.contains("script") && notice.contains("foreignObject"),
        "{notice}"
    );
}

#[test]
fn a_dtd_and_entity_bombs_are_refused() {
    let bomb = br#"<?xml version="1.0"?>
<!DOCTYPE svg [ <!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"> ]>
<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>"#;
    let e = prepare_image("bomb.svg", bomb).unwrap_err().to_string();
    assert_eq!(
        e,
        "bomb.svg cannot be used: it declares a DTD, which Badgesmith does not read"
    );
}

#[test]
fn an_external_doctype_line_is_dropped_not_fetched() {
    let svg = br#"<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>"#;
    let prepared = prepare_image("illustrator.svg", svg).unwrap();
    let clean = decoded_svg(&prepared.data_uri);
    assert!(
        !clean.contains("DOCTYPE") && clean.contains("<circle"),
        "{clean}"
    );
}

#[test]
fn too_many_elements_or_too_deep_nesting_are_refused() {
    let mut many = String::from(r#"<svg xmlns="http://www.w3.org/2000/svg">"#);
    for _ in 0..=MAX_SVG_ELEMENTS {
        many.push_str("<rect/>");
    }
    many.push_str("</svg>");
    let e = prepare_image("many.svg", many.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("many.svg cannot be used: it has more than"),
        "{e}"
    );

    let depth = MAX_SVG_DEPTH + 5;
    let deep = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg">{}{}</svg>"#,
        "<g>".repeat(depth),
        "</g>".repeat(depth)
    );
    let e = prepare_image("deep.svg", deep.as_bytes())
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        format!("deep.svg cannot be used: its elements nest more than {MAX_SVG_DEPTH} deep")
    );
}

#[test]
fn malformed_and_unknown_files_get_one_sentence() {
    let e = prepare_image(
        "half.svg",
        br#"<svg xmlns="http://www.w3.org/2000/svg"><g>"#,
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.starts_with("half.svg cannot be used: it is not well-formed XML"),
        "{e}"
    );
    let e = prepare_image("notes.txt", b"hello")
        .unwrap_err()
        .to_string();
    assert_eq!(e, "notes.txt is not a PNG, JPEG or SVG image");
    let e = prepare_image("cut.png", &png_of(4, 4)[..20])
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("cut.png is not a readable PNG"), "{e}");
    let e = prepare_image("html.svg", b"<html><svg></svg></html>")
        .unwrap_err()
        .to_string();
    assert_eq!(e, "html.svg is XML but not an SVG image");
}

#[test]
fn a_raster_with_a_huge_header_is_refused_before_decoding() {
    // A PNG header claiming 100,000 × 100,000 pixels, with no pixel data.
    let mut png = png_of(1, 1);
    png[16..20].copy_from_slice(&100_000u32.to_be_bytes());
    png[20..24].copy_from_slice(&100_000u32.to_be_bytes());
    let crc = crc(&png[12..29]);
    png[29..33].copy_from_slice(&crc.to_be_bytes());
    let e = prepare_image("bomb.png", &png).unwrap_err().to_string();
    assert!(
        e.starts_with("bomb.png is 100000 × 100000 px; images may be up to"),
        "{e}"
    );
}

#[test]
fn a_large_raster_is_scaled_down_with_a_message() {
    let big = png_of(3000, 1500);
    let prepared = prepare_image("photo.png", &big).unwrap();
    assert_eq!((prepared.width, prepared.height), (MAX_EMBED_SIDE, 1024));
    assert_eq!(
        prepared.notice.as_deref(),
        Some("photo.png was 3000 × 1500 px and was scaled down to 2048 × 1024 px")
    );
    let small = prepare_image("icon.png", &png_of(64, 64)).unwrap();
    assert!(small.notice.is_none());
    assert_eq!((small.width, small.height), (64, 64));
}

#[test]
fn a_design_file_with_a_hostile_svg_image_is_drawn_clean() {
    // A design made by hand, not through prepare_image: the SVG is cleaned
    // again when drawn, so its script never reaches the renderer.
    let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>x</script><rect width="10" height="10" fill="#f00"/></svg>"##;
    let uri = format!(
        "data:image/svg+xml;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(svg)
    );
    let design = BadgeDesign::from_json(
        &json!({ "version": 1, "name": "t", "layers": [
            { "id": "img", "type": "image", "data": uri, "clip": "circle", "size": 300 } ] })
        .to_string(),
    )
    .unwrap();
    let svg = badgesmith_art::design_svg(&design, 256, Default::default());
    assert!(!svg.contains(&base64::engine::general_purpose::STANDARD.encode("<script>")));
    render_png(&design, 128).unwrap();

    // A data URI that lies about its type is refused with its path.
    let png = format!(
        "data:image/svg+xml;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(png_of(2, 2))
    );
    let e = BadgeDesign::from_json(
        &json!({ "version": 1, "name": "t", "layers": [
            { "id": "img", "type": "image", "data": png, "clip": "circle", "size": 300 } ] })
        .to_string(),
    )
    .unwrap_err()
    .to_string();
    assert_eq!(e, "layers[0].data: says image/svg+xml but holds image/png");
}

fn crc(bytes: &[u8]) -> u32 {
    let mut c = 0xffff_ffffu32;
    for b in bytes {
        c ^= u32::from(*b);
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xedb8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
    }
    !c
}

/// A `w` × `h` RGBA PNG whose left half is opaque red and right half fully
/// transparent (white, which must not show).
fn half_red(w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc.write_header().unwrap();
        let mut data = Vec::new();
        for _ in 0..h {
            for x in 0..w {
                data.extend_from_slice(if x < w / 2 {
                    &[255, 0, 0, 255]
                } else {
                    &[255, 255, 255, 0]
                });
            }
        }
        writer.write_image_data(&data).unwrap();
    }
    out
}

fn decode(png_bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut reader = png::Decoder::new(std::io::Cursor::new(png_bytes))
        .read_info()
        .unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

#[test]
fn thumbnails_keep_the_aspect_and_average_by_alpha() {
    let (w, h, px) = decode(&thumbnail_png("badge.png", &half_red(400, 200), 160).unwrap());
    assert_eq!((w, h), (160, 80));
    assert_eq!(&px[..4], &[255, 0, 0, 255], "left: opaque red");
    assert_eq!(&px[px.len() - 4..][3], &0, "right: transparent");
    // An output pixel straddling the edge is half covered, and still red.
    let (_, _, px) = decode(&thumbnail_png("badge.png", &half_red(4, 2), 1).unwrap());
    assert_eq!(px, [255, 0, 0, 128]);
    // Small images are not enlarged.
    let (w, h, _) = decode(&thumbnail_png("small.png", &half_red(40, 20), 160).unwrap());
    assert_eq!((w, h), (40, 20));
    // SVG goes through the cleaner and the renderer.
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><rect width="100" height="50" fill="blue"/></svg>"#;
    let (w, h, _) = decode(&thumbnail_png("logo.svg", svg, 160).unwrap());
    assert_eq!((w, h), (160, 80));
    let e = thumbnail_png("cut.png", &half_red(40, 20)[..60], 160).unwrap_err();
    assert!(e.to_string().starts_with("cut.png"), "{e}");
}
