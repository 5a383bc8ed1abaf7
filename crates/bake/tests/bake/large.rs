//! A 20 MiB PNG bakes and unbakes without decoding pixels.

use std::time::{Duration, Instant};

use badgesmith_bake::{Slot, bake, image_info, unbake};

use crate::common::{JSON, big_png, non_badge_chunks};

#[test]
fn twenty_mib_png() {
    let original = big_png(20 * 1024 * 1024);
    assert!(original.len() >= 20 * 1024 * 1024);
    let started = Instant::now();
    assert_eq!(unbake(&original).unwrap(), None);
    let baked = bake(&original, Slot::Credential, JSON).unwrap();
    let found = unbake(&baked).unwrap().unwrap();
    let rebaked = bake(&baked, Slot::Assertion, "https://example.org/a").unwrap();
    let elapsed = started.elapsed();
    assert_eq!(found.text, JSON);
    assert_eq!(
        unbake(&rebaked).unwrap().unwrap().text,
        "https://example.org/a"
    );
    assert_eq!(baked.len(), original.len() + 12 + 24 + JSON.len());
    assert_eq!(rebaked.len(), original.len() + 12 + 15 + 21);
    assert!(elapsed < Duration::from_secs(10), "took {elapsed:?}");
    assert_eq!(non_badge_chunks(&rebaked), non_badge_chunks(&original));
    let info = image_info(&baked).unwrap();
    assert_eq!((info.width, info.height), (Some(4096), Some(1280)));
}

#[test]
fn many_badges_and_attributes_stay_linear() {
    use crate::common::{chunk, png_with};
    let started = Instant::now();

    let badge = chunk(b"tEXt", b"openbadges\0https://example.org/a");
    let png = png_with(&vec![badge; 200_000]);
    let found = unbake(&png).unwrap().unwrap();
    assert_eq!(
        found.warnings,
        [
            "a second badge text (tEXt `openbadges`, chunk 2) was ignored; the first one is used",
            "199998 more badge texts were ignored"
        ]
    );
    let baked = bake(&png, Slot::Credential, "{}").unwrap();
    assert_eq!(baked.len(), 8 + 25 + 12 + 26 + 12);

    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:ob=\"http://openbadges.org\">{}</svg>",
        "\n<ob:assertion verify=\"https://example.org/a\"/>".repeat(200_000)
    );
    let found = unbake(svg.as_bytes()).unwrap().unwrap();
    assert_eq!(found.warnings.len(), 2);
    assert_eq!(found.warnings[1], "199998 more badge elements were ignored");
    let baked = bake(svg.as_bytes(), Slot::Assertion, "{}").unwrap();
    assert_eq!(
        unbake(&baked).unwrap().unwrap().warnings,
        Vec::<String>::new()
    );

    let attributes: String = (0..200_000).map(|i| format!(" a{i}=\"{i}\"")).collect();
    let svg = format!("<svg xmlns=\"http://www.w3.org/2000/svg\"{attributes} width=\"5\"/>");
    assert_eq!(image_info(svg.as_bytes()).unwrap().width, Some(5));
    assert!(bake(svg.as_bytes(), Slot::Credential, "{}").is_ok());

    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(20), "took {elapsed:?}");
}
