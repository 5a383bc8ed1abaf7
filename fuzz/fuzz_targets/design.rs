//! Arbitrary bytes as a user's image and as a design file: a user's SVG is
//! cleaned or refused, never a panic; a design either fails with a message or
//! loads, round-trips through its JSON and renders at the smallest size.
#![no_main]

use badgesmith_art::{BadgeDesign, prepare_image, render_png};
use libfuzzer_sys::fuzz_target;

const BASE: &str = include_str!("../../crates/art/templates/gold-award.badgedesign.json");

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    match mode % 3 {
        0 => {
            if let Ok(image) = prepare_image("fuzz", rest) {
                assert!(image.data_uri.starts_with("data:image/"));
            }
        }
        1 | 2 => {
            let Ok(fragment) = std::str::from_utf8(rest) else {
                return;
            };
            let text = if mode % 3 == 1 {
                fragment.to_owned()
            } else {
                // A real design with a fuzzed value in place of the title's text.
                BASE.replacen("\"GOLD\"", fragment, 1)
            };
            if let Ok(design) = BadgeDesign::from_json(&text) {
                let again = BadgeDesign::from_json(&design.to_json()).expect("a loaded design reloads");
                assert_eq!(again, design);
                let _ = render_png(&design, 64).expect("a valid design renders");
            }
        }
        _ => {}
    }
});
