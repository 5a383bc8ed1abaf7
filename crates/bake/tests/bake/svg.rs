//! SVG round trips: text in, same text out, every other byte kept.

use badgesmith_bake::{Carrier, PayloadKind, Slot, SvgSource, bake, image_info, unbake};

use crate::common::{JSON, JWS, SLOTS, TEXTS, URL};

const SVG: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<!-- a comment -->\n<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"64\" height=\"32px\">\n  <title>T &amp; C</title>\n  <rect width=\"10\" height=\"10\"/>\n</svg>\n";

fn ns_attr(slot: Slot) -> String {
    format!(" xmlns:openbadges=\"{}\"", slot.svg_namespace())
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

fn badge_count(svg: &str) -> usize {
    count(svg, "<openbadges:credential") + count(svg, "<openbadges:assertion")
}

#[test]
fn round_trip_both_slots_all_texts() {
    for slot in SLOTS {
        for (label, text) in TEXTS {
            let baked = bake(SVG.as_bytes(), slot, text).unwrap();
            let found = unbake(&baked).unwrap().unwrap();
            assert_eq!(found.text, text, "{label}");
            assert_eq!(found.slot, slot);
            assert!(found.warnings.is_empty());
            let source = if label == "json" {
                SvgSource::Cdata
            } else {
                SvgSource::VerifyAttribute
            };
            let name = format!("openbadges:{}", slot.svg_local_name());
            assert_eq!(
                found.carrier,
                Carrier::SvgElement {
                    qualified_name: name,
                    source
                }
            );
        }
    }
}

#[test]
fn removing_the_element_and_namespace_gives_back_the_original() {
    for slot in SLOTS {
        for (_, text) in TEXTS {
            let baked = String::from_utf8(bake(SVG.as_bytes(), slot, text).unwrap()).unwrap();
            let name = format!("openbadges:{}", slot.svg_local_name());
            let start = baked.find(&format!("<{name}")).unwrap();
            let close = format!("</{name}>\n");
            let end = baked.find(&close).unwrap() + close.len();
            let mut restored = format!("{}{}", &baked[..start], &baked[end..]);
            restored = restored.replacen(&ns_attr(slot), "", 1);
            assert_eq!(restored, SVG);
            // The element is the first child: right after the root's `>`.
            assert_eq!(&baked[start - 1..start], ">");
            assert!(baked[..start].ends_with(&format!("height=\"32px\"{}>", ns_attr(slot))));
        }
    }
}

#[test]
fn element_shapes() {
    let baked = bake(SVG.as_bytes(), Slot::Credential, JWS).unwrap();
    let baked = String::from_utf8(baked).unwrap();
    assert!(baked.contains(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"64\" height=\"32px\" xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"><openbadges:credential verify=\"{JWS}\"></openbadges:credential>\n\n  <title>"
    )));
    let baked = String::from_utf8(bake(SVG.as_bytes(), Slot::Assertion, URL).unwrap()).unwrap();
    assert!(baked.contains(
        "<openbadges:assertion verify=\"https://example.org/assertions/1?a=1&amp;b=&lt;2&gt;&amp;c=&quot;3&quot;\"></openbadges:assertion>"
    ));
    let baked = String::from_utf8(bake(SVG.as_bytes(), Slot::Assertion, JSON).unwrap()).unwrap();
    assert!(baked.contains(&format!(
        "<openbadges:assertion><![CDATA[{JSON}]]></openbadges:assertion>\n"
    )));
}

#[test]
fn namespace_declaration_rules() {
    let ob2 = "http://openbadges.org";
    let ob3 = "https://purl.imsglobal.org/ob/v3p0";
    // Bound to the same namespace on the root: nothing is added.
    let same =
        format!("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"{ob3}\"></svg>");
    let baked = String::from_utf8(bake(same.as_bytes(), Slot::Credential, "{}").unwrap()).unwrap();
    assert_eq!(
        baked,
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"{ob3}\"><openbadges:credential><![CDATA[{{}}]]></openbadges:credential>\n</svg>"
        )
    );
    // Bound to another namespace (an OB 2.0 image baked as OB 3.0): declared on the element.
    let other =
        format!("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"{ob2}\"></svg>");
    let baked = String::from_utf8(bake(other.as_bytes(), Slot::Credential, "{}").unwrap()).unwrap();
    assert_eq!(
        baked,
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"{ob2}\"><openbadges:credential xmlns:openbadges=\"{ob3}\"><![CDATA[{{}}]]></openbadges:credential>\n</svg>"
        )
    );
    let found = unbake(baked.as_bytes()).unwrap().unwrap();
    assert_eq!((found.slot, found.text.as_str()), (Slot::Credential, "{}"));
}

#[test]
fn self_closing_root_is_opened() {
    let svg = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 8 4'/>";
    let baked = String::from_utf8(bake(svg.as_bytes(), Slot::Assertion, "{}").unwrap()).unwrap();
    assert_eq!(
        baked,
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 8 4' xmlns:openbadges=\"http://openbadges.org\"><openbadges:assertion><![CDATA[{}]]></openbadges:assertion>\n</svg>"
    );
    let prefixed = "<s:svg xmlns:s=\"http://www.w3.org/2000/svg\" />";
    let baked =
        String::from_utf8(bake(prefixed.as_bytes(), Slot::Assertion, URL).unwrap()).unwrap();
    assert!(
        baked.ends_with("</openbadges:assertion>\n</s:svg>"),
        "{baked}"
    );
    assert_eq!(unbake(baked.as_bytes()).unwrap().unwrap().text, URL);
}

#[test]
fn any_prefix_anywhere_is_read_and_replaced() {
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <g>\n    <ob:credential xmlns:ob=\"https://purl.imsglobal.org/ob/v3p0\">\n      {&quot;a&quot;: &#x22;&#233;&lt;&gt;&amp;&apos;&quot;}\n    </ob:credential>\n  </g>\n  <x:assertion xmlns:x=\"http://openbadges.org\" verify=\"https://e.org/a\"/>\n</svg>";
    let found = unbake(svg.as_bytes()).unwrap().unwrap();
    assert_eq!(found.text, "{\"a\": \"é<>&'\"}");
    assert_eq!(found.kind, PayloadKind::Json);
    assert_eq!(
        found.carrier,
        Carrier::SvgElement {
            qualified_name: "ob:credential".into(),
            source: SvgSource::Text
        }
    );
    assert_eq!(
        found.warnings,
        [
            "a second badge element (<x:assertion>, line 7, column 3) was ignored; the first one is used"
        ]
    );
    for slot in SLOTS {
        let baked = String::from_utf8(bake(svg.as_bytes(), slot, JWS).unwrap()).unwrap();
        assert!(
            !baked.contains("ob:credential") && !baked.contains("x:assertion"),
            "{baked}"
        );
        assert_eq!(badge_count(&baked), 1);
        assert!(baked.contains("  <g>\n    \n  </g>\n  \n</svg>"), "{baked}");
        let found = unbake(baked.as_bytes()).unwrap().unwrap();
        assert_eq!((found.slot, found.text.as_str()), (slot, JWS));
        assert!(found.warnings.is_empty());
    }
}

#[test]
fn verify_and_body_together() {
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"http://openbadges.org\"><openbadges:assertion verify=\"https://e.org/a\">  <![CDATA[ {\"x\":1} ]]>  <!-- note --><![CDATA[!]]></openbadges:assertion></svg>";
    let found = unbake(svg.as_bytes()).unwrap().unwrap();
    assert_eq!(found.text, "https://e.org/a");
    assert_eq!(found.body.as_deref(), Some(" {\"x\":1} !"));
    assert_eq!(found.kind, PayloadKind::Url);
}

#[test]
fn cdata_beats_text_and_empty_elements_are_empty() {
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"http://openbadges.org\"><openbadges:assertion>stray<![CDATA[{}]]></openbadges:assertion></svg>";
    let found = unbake(svg.as_bytes()).unwrap().unwrap();
    assert_eq!(found.text, "{}");
    assert_eq!(found.warnings.len(), 1);
    assert!(
        found.warnings[0].starts_with("text outside the CDATA section of <openbadges:assertion>")
    );
    for empty in [
        "<openbadges:assertion/>",
        "<openbadges:assertion verify=\"\">  </openbadges:assertion>",
    ] {
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"http://openbadges.org\">{empty}</svg>"
        );
        let found = unbake(svg.as_bytes()).unwrap().unwrap();
        assert_eq!(found.text, "");
        assert_eq!(
            found.carrier,
            Carrier::SvgElement {
                qualified_name: "openbadges:assertion".into(),
                source: SvgSource::Empty
            }
        );
    }
}

#[test]
fn wrong_namespace_or_name_is_not_a_badge() {
    for body in [
        "<openbadges:assertion xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\">x</openbadges:assertion>",
        "<openbadges:credential xmlns:openbadges=\"http://openbadges.org\">x</openbadges:credential>",
        "<credential>x</credential>",
        "<openbadges:credential>x</openbadges:credential>",
    ] {
        let svg = format!("<svg xmlns=\"http://www.w3.org/2000/svg\">{body}</svg>");
        assert_eq!(unbake(svg.as_bytes()).unwrap(), None, "{body}");
    }
}

#[test]
fn undeclared_openbadges_prefix_is_removed_by_bake() {
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><openbadges:credential>old</openbadges:credential></svg>";
    let baked = String::from_utf8(bake(svg.as_bytes(), Slot::Credential, "{}").unwrap()).unwrap();
    assert_eq!(badge_count(&baked), 1);
    assert!(!baked.contains("old"));
    assert!(
        unbake(baked.as_bytes())
            .unwrap()
            .unwrap()
            .warnings
            .is_empty()
    );
}

#[test]
fn rebake_replaces_and_is_idempotent() {
    for first in SLOTS {
        for second in SLOTS {
            let once = bake(SVG.as_bytes(), first, JSON).unwrap();
            let twice = bake(&once, second, URL).unwrap();
            let twice_str = String::from_utf8(twice.clone()).unwrap();
            assert_eq!(badge_count(&twice_str), 1);
            let found = unbake(&twice).unwrap().unwrap();
            assert_eq!((found.slot, found.text.as_str()), (second, URL));
            assert!(found.warnings.is_empty());
            assert_eq!(bake(&twice, second, URL).unwrap(), twice);
            if first == second {
                assert_eq!(bake(&once, first, JSON).unwrap(), once);
            }
        }
    }
}

#[test]
fn bom_crlf_and_comments_survive() {
    let svg = "\u{feff}<?xml version='1.0' encoding='utf-8'?>\r\n<svg xmlns='http://www.w3.org/2000/svg'>\r\n<!-- <openbadges:assertion/> -->\r\n</svg>\r\n";
    let baked = bake(svg.as_bytes(), Slot::Credential, "{\r\n}").unwrap();
    assert!(baked.starts_with("\u{feff}<?xml".as_bytes()));
    let found = unbake(&baked).unwrap().unwrap();
    assert_eq!(found.text, "{\r\n}");
    let text = String::from_utf8(baked).unwrap();
    assert!(text.contains("<!-- <openbadges:assertion/> -->"));
}

#[test]
fn custom_entities_outside_the_badge_are_left_alone() {
    let svg = "<!DOCTYPE svg [<!ENTITY c \"©\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&c; 2024</text></svg>";
    assert_eq!(unbake(svg.as_bytes()).unwrap(), None);
    let baked = String::from_utf8(bake(svg.as_bytes(), Slot::Credential, JWS).unwrap()).unwrap();
    assert!(baked.contains("<text>&c; 2024</text>"));
    assert!(baked.starts_with("<!DOCTYPE svg [<!ENTITY c \"©\">]>\n<svg"));
}

#[test]
fn sizes_from_attributes_or_view_box() {
    let cases = [
        (
            "<svg xmlns='http://www.w3.org/2000/svg' width='64' height='32px'/>",
            Some(64),
            Some(32),
        ),
        (
            "<svg xmlns='http://www.w3.org/2000/svg' width='100%' viewBox='0 0 300 150'/>",
            Some(300),
            Some(150),
        ),
        (
            "<svg xmlns='http://www.w3.org/2000/svg' width='2em' height='1em'/>",
            None,
            None,
        ),
        ("<svg xmlns='http://www.w3.org/2000/svg'/>", None, None),
    ];
    for (svg, width, height) in cases {
        let info = image_info(svg.as_bytes()).unwrap();
        assert_eq!((info.width, info.height), (width, height), "{svg}");
    }
}
