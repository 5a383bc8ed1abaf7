//! Every error path, with hand-made bad input; none may panic.

use std::time::{Duration, Instant};

use badgesmith_bake::{
    Error, MAX_INPUT_BYTES, MAX_SVG_DEPTH, MAX_SVG_ELEMENTS, MAX_TEXT_BYTES, PngTextChunk, Slot,
    bake, image_info, unbake,
};

use crate::common::{chunk, plain_png, png_with, vector, zlib};

/// Runs every entry point; all must fail the same way for unbake and bake.
fn all_fail(image: &[u8]) -> Error {
    let unbaked = unbake(image).unwrap_err();
    let baked = bake(image, Slot::Credential, "{}").unwrap_err();
    assert_eq!(unbaked, baked);
    unbaked
}

fn message(image: &[u8]) -> String {
    all_fail(image).to_string()
}

// PNG

#[test]
fn truncated_png_at_every_offset() {
    for original in [
        plain_png(),
        vector("legacy-baked/concentricsky-openbadges-bakery/baked_heart.png"),
    ] {
        for cut in 0..original.len() {
            let image = &original[..cut];
            let error = unbake(image).unwrap_err();
            assert!(bake(image, Slot::Assertion, "x").is_err());
            if cut < 8 {
                assert_eq!(error, Error::NotAnImage, "cut at {cut}");
            } else {
                let text = error.to_string();
                assert!(text.starts_with("truncated"), "cut at {cut}: {text}");
            }
            if cut < 33 {
                assert!(image_info(image).is_err(), "cut at {cut}");
            } else {
                assert!(image_info(image).is_ok(), "cut at {cut}");
            }
        }
    }
}

#[test]
fn truncation_messages_name_the_chunk() {
    let png = plain_png();
    // Chunks: IHDR 0 (25 bytes), gAMA 1 (16), tEXt 2 (30), IDAT 3 (19), IDAT 4 (16), IEND 5.
    let idat = 8 + 25 + 16 + 30;
    assert_eq!(
        message(&png[..idat + 10]),
        "truncated in chunk 3 (IDAT): its length of 7 bytes runs past the end of the file (2 bytes left)"
    );
    assert_eq!(message(&png[..idat + 17]), "truncated in chunk 3 (IDAT)");
    assert_eq!(
        message(&png[..idat + 4]),
        "truncated in the header of chunk 3"
    );
    assert_eq!(message(&png[..idat]), "truncated: no IEND chunk");
}

#[test]
fn bad_crc_names_the_chunk() {
    let mut png = plain_png();
    let idat_data = 8 + 25 + 16 + 30 + 8;
    png[idat_data] ^= 1;
    assert_eq!(message(&png), "bad CRC in chunk 3 (IDAT)");
    assert!(image_info(&png).is_ok(), "image_info only checks IHDR");
    let mut png = plain_png();
    png[8 + 20] ^= 0x80;
    assert_eq!(message(&png), "bad CRC in chunk 0 (IHDR)");
    assert!(image_info(&png).is_err());
}

#[test]
fn lengths_past_the_end_or_over_the_limit() {
    let idat = 8 + 25 + 16 + 30;
    let mut png = plain_png();
    png[idat..idat + 4].copy_from_slice(&1_000_000u32.to_be_bytes());
    assert!(matches!(
        all_fail(&png),
        Error::PngLengthPastEnd {
            index: 3,
            length: 1_000_000,
            ..
        }
    ));
    png[idat..idat + 4].copy_from_slice(&0x8000_0000u32.to_be_bytes());
    assert_eq!(
        message(&png),
        "chunk 3 (IDAT) declares a length of 2147483648 bytes, over the PNG limit of 2^31-1"
    );
    png[idat..idat + 4].copy_from_slice(&u32::MAX.to_be_bytes());
    assert!(matches!(
        all_fail(&png),
        Error::PngLengthTooLarge { index: 3, .. }
    ));
}

#[test]
fn ihdr_must_come_first_and_be_13_bytes() {
    let mut png = crate::common::SIGNATURE.to_vec();
    png.extend(chunk(b"gAMA", &[0, 0, 177, 143]));
    png.extend(chunk(b"IEND", b""));
    assert_eq!(message(&png), "the first chunk is gAMA, not IHDR");
    assert!(image_info(&png).is_err());
    let mut png = crate::common::SIGNATURE.to_vec();
    png.extend(chunk(b"IHDR", &[0; 12]));
    png.extend(chunk(b"IEND", b""));
    assert_eq!(message(&png), "chunk 0 (IHDR) is 12 bytes long, not 13");
}

#[test]
fn invalid_chunk_type() {
    let png = png_with(&[chunk(b"ID\0T", &[1])]);
    assert_eq!(
        message(&png),
        "chunk 1 has an invalid type ID\\x00T (it must be four ASCII letters)"
    );
}

#[test]
fn badge_text_must_be_utf8() {
    for (data, kind) in [
        (chunk(b"tEXt", b"openbadges\0caf\xe9"), "tEXt"),
        (
            chunk(
                b"zTXt",
                &[b"openbadges\0\0".to_vec(), zlib(b"caf\xe9")].concat(),
            ),
            "zTXt",
        ),
        (
            chunk(b"iTXt", b"openbadgecredential\0\0\0\0\0caf\xe9"),
            "iTXt",
        ),
    ] {
        let keyword = if kind == "iTXt" {
            "openbadgecredential"
        } else {
            "openbadges"
        };
        assert_eq!(
            unbake(&png_with(std::slice::from_ref(&data)))
                .unwrap_err()
                .to_string(),
            format!("the text in chunk 1 ({kind} `{keyword}`) is not valid UTF-8")
        );
        // Baking replaces the bad chunk instead of reading it.
        let baked = bake(&png_with(&[data]), Slot::Credential, "{}").unwrap();
        assert_eq!(unbake(&baked).unwrap().unwrap().text, "{}");
    }
}

#[test]
fn compressed_text_bomb_fails_fast() {
    let bomb = zlib(&vec![b' '; MAX_TEXT_BYTES + 4096]);
    assert!(bomb.len() < 100_000);
    for (data, kind) in [
        (
            chunk(
                b"zTXt",
                &[b"openbadges\0\0".to_vec(), bomb.clone()].concat(),
            ),
            PngTextChunk::ZText,
        ),
        (
            chunk(
                b"iTXt",
                &[b"openbadgecredential\0\x01\0\0\0".to_vec(), bomb].concat(),
            ),
            PngTextChunk::IText,
        ),
    ] {
        let png = png_with(&[chunk(b"IDAT", &[1]), data]);
        let started = Instant::now();
        let error = unbake(&png).unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(20));
        assert_eq!(
            error,
            Error::PngTextBomb {
                index: 2,
                chunk: kind
            }
        );
        assert_eq!(
            error.to_string(),
            format!(
                "compressed text in chunk 2 ({}) inflates past 32 MiB",
                kind.as_str()
            )
        );
    }
}

#[test]
fn malformed_text_chunks() {
    let cases: [(Vec<u8>, &str); 7] = [
        (
            chunk(
                b"zTXt",
                &[b"openbadges\0\0".to_vec(), b"not zlib".to_vec()].concat(),
            ),
            "the compressed text in chunk 1 (zTXt `openbadges`) is corrupt",
        ),
        (
            chunk(
                b"zTXt",
                &[b"openbadges\0\0".to_vec(), zlib(b"abcdef")[..6].to_vec()].concat(),
            ),
            "the compressed text in chunk 1 (zTXt `openbadges`) is corrupt",
        ),
        (
            chunk(b"zTXt", b"openbadges\0"),
            "chunk 1 (zTXt `openbadges`) is malformed: no compression method",
        ),
        (
            chunk(
                b"zTXt",
                &[b"openbadges\0\x01".to_vec(), zlib(b"x")].concat(),
            ),
            "chunk 1 (zTXt `openbadges`) is malformed: unknown compression method 1",
        ),
        (
            chunk(b"iTXt", b"openbadges\0\x02\0\0\0x"),
            "chunk 1 (iTXt `openbadges`) is malformed: unknown compression flag 2",
        ),
        (
            chunk(b"iTXt", b"openbadges\0\0\0en"),
            "chunk 1 (iTXt `openbadges`) is malformed: no NUL after the language tag",
        ),
        (
            chunk(b"iTXt", b"openbadges\0\0\0en\0badge"),
            "chunk 1 (iTXt `openbadges`) is malformed: no NUL after the translated keyword",
        ),
    ];
    for (data, expected) in cases {
        assert_eq!(
            unbake(&png_with(&[data])).unwrap_err().to_string(),
            expected
        );
    }
    assert_eq!(
        unbake(&png_with(&[chunk(b"iTXt", b"openbadges\0")]))
            .unwrap_err()
            .to_string(),
        "chunk 1 (iTXt `openbadges`) is malformed: no compression flag and method"
    );
}

#[test]
fn limits() {
    let huge = vec![0u8; MAX_INPUT_BYTES + 1];
    assert_eq!(
        unbake(&huge).unwrap_err().to_string(),
        "the image is 104857601 bytes, over the 100 MiB limit"
    );
    assert!(matches!(
        image_info(&huge),
        Err(Error::InputTooLarge { .. })
    ));
    drop(huge);
    let text = "x".repeat(MAX_TEXT_BYTES + 1);
    for image in [
        plain_png(),
        b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec(),
    ] {
        assert_eq!(
            bake(&image, Slot::Credential, &text).unwrap_err(),
            Error::TextTooLarge {
                size: MAX_TEXT_BYTES + 1
            }
        );
        assert_eq!(
            bake(&image, Slot::Credential, "").unwrap_err(),
            Error::EmptyText
        );
    }
    let oversized = png_with(&[chunk(
        b"tEXt",
        &[b"openbadges\0".to_vec(), text.into_bytes()].concat(),
    )]);
    assert_eq!(
        unbake(&oversized).unwrap_err().to_string(),
        "the badge text in chunk 1 (tEXt `openbadges`) is over 32 MiB"
    );
}

#[test]
fn not_an_image() {
    for bytes in [
        &b""[..],
        b"GIF89a",
        b"{\"a\":1}",
        b"<html><body/></html>",
        b"\x89PNG\r\n\x1a",
    ] {
        assert_eq!(message(bytes), "not a PNG or SVG image");
        assert_eq!(image_info(bytes).unwrap_err(), Error::NotAnImage);
    }
}

// SVG

const ROOT: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\">";

#[test]
fn cdata_end_cannot_be_baked() {
    let svg = format!("{ROOT}</svg>");
    assert_eq!(
        bake(svg.as_bytes(), Slot::Credential, "{\"a\":\"]]>\"}")
            .unwrap_err()
            .to_string(),
        "the credential contains `]]>`, which cannot be placed in an SVG CDATA section"
    );
    assert_eq!(
        bake(svg.as_bytes(), Slot::Assertion, "x]]>")
            .unwrap_err()
            .to_string(),
        "the assertion contains `]]>`, which cannot be placed in an SVG CDATA section"
    );
    assert_eq!(
        bake(svg.as_bytes(), Slot::Credential, "{\"a\":\"\u{7}\"}")
            .unwrap_err()
            .to_string(),
        "the credential contains U+0007, which XML does not allow"
    );
    // PNG has no such limits.
    let baked = bake(&plain_png(), Slot::Credential, "x]]>\u{7}").unwrap();
    assert_eq!(unbake(&baked).unwrap().unwrap().text, "x]]>\u{7}");
}

#[test]
fn only_utf8() {
    for declaration in ["ISO-8859-1", "UTF-16", "windows-1252"] {
        let svg = format!(
            "<?xml version=\"1.0\" encoding=\"{declaration}\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
        );
        assert_eq!(
            message(svg.as_bytes()),
            format!("declares encoding {declaration}; only UTF-8 is supported")
        );
        // Also when the bytes are not UTF-8.
        let mut latin1 = svg.into_bytes();
        latin1.splice(latin1.len() - 2..latin1.len() - 2, *b" a='\xe9'");
        assert_eq!(
            message(&latin1),
            format!("declares encoding {declaration}; only UTF-8 is supported")
        );
    }
    assert_eq!(
        message(b"<svg xmlns='http://www.w3.org/2000/svg'>\n <text>caf\xe9</text></svg>"),
        "the SVG is not valid UTF-8 at line 2, column 11"
    );
    assert!(unbake(b"<?xml version='1.0' encoding='UTF-8'?><svg/>").is_ok());
}

#[test]
fn root_must_be_svg() {
    for (svg, found) in [
        ("<?xml version=\"1.0\"?><html><svg/></html>", "html"),
        ("<svg xmlns=\"http://example.org/not-svg\"/>", "svg"),
        ("<x:svg xmlns:x=\"http://example.org/not-svg\"/>", "x:svg"),
        ("<svg:svg/>", "svg:svg"),
    ] {
        assert_eq!(
            message(svg.as_bytes()),
            format!("the root element is <{found}>, not <svg> in the SVG namespace")
        );
    }
    assert_eq!(
        message(b"<!-- <svg --><!-- -->"),
        "the document has no root element"
    );
}

#[test]
fn xml_syntax_errors_name_line_and_column() {
    let cases = [
        (
            "<svg xmlns='http://www.w3.org/2000/svg'>\n  <g>\n</svg>",
            "malformed XML at line 3, column 1:",
        ),
        ("<svg>\n<g a='1' a='2'/></svg>", ""),
        (
            "<svg>\n  <g>\n",
            "malformed XML at line 3, column 1: the document ends before <svg> is closed",
        ),
        (
            "<svg/>\n<svg/>",
            "malformed XML at line 2, column 1: a second root element",
        ),
        (
            "<svg/>\ntext",
            "malformed XML at line 2, column 1: text outside the root element",
        ),
        ("<svg>&</svg>", "malformed XML at line 1, column 6:"),
        ("<svg><![CDATA[", "malformed XML at line 1, column 6:"),
    ];
    for (svg, start) in cases {
        if start.is_empty() {
            assert!(
                unbake(svg.as_bytes()).is_ok(),
                "{svg}: attributes of other elements are not read"
            );
        } else {
            let text = message(svg.as_bytes());
            assert!(text.starts_with(start), "{svg}: {text}");
        }
    }
    // Duplicate attributes on the root or the badge element are read, and refused.
    let text = message(b"<svg xmlns='http://www.w3.org/2000/svg' width='1' width='2'/>");
    assert!(
        text.starts_with("malformed XML at line 1, column 1:"),
        "{text}"
    );
}

#[test]
fn custom_entities_never_expand() {
    let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n <!ENTITY lol \"lol\">\n <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n <!ENTITY lol9 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n]>\n";
    let started = Instant::now();
    let outside = format!("{laughs}{ROOT}<text>&lol9;</text></svg>");
    assert_eq!(unbake(outside.as_bytes()).unwrap(), None);
    let baked = bake(outside.as_bytes(), Slot::Credential, "{}").unwrap();
    assert!(
        String::from_utf8(baked)
            .unwrap()
            .contains("<text>&lol9;</text>")
    );
    let inside =
        format!("{laughs}{ROOT}\n<openbadges:credential>&lol9;</openbadges:credential></svg>");
    assert_eq!(
        unbake(inside.as_bytes()).unwrap_err().to_string(),
        "custom entity reference `&lol9;` in the badge element at line 10, column 24; only the predefined entities and character references are supported"
    );
    // Baking cuts the element out without reading it.
    let baked = bake(inside.as_bytes(), Slot::Credential, "{}").unwrap();
    assert_eq!(unbake(&baked).unwrap().unwrap().text, "{}");
    let in_attribute = format!("{laughs}{ROOT}<openbadges:credential verify=\"&lol9;\"/></svg>");
    assert!(matches!(
        unbake(in_attribute.as_bytes()).unwrap_err(),
        Error::SvgCustomEntity { ref name, .. } if name == "lol9"
    ));
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn badge_element_must_not_hold_elements() {
    let svg = format!("{ROOT}<openbadges:credential><b>{{}}</b></openbadges:credential></svg>");
    assert_eq!(
        unbake(svg.as_bytes()).unwrap_err().to_string(),
        "the badge element <openbadges:credential> holds a child element <b> at line 1, column 118"
    );
    let baked = bake(svg.as_bytes(), Slot::Credential, "{}").unwrap();
    assert!(!String::from_utf8(baked).unwrap().contains("<b>"));
}

#[test]
fn nesting_and_element_caps() {
    let deep = format!(
        "<svg xmlns='http://www.w3.org/2000/svg'>{}{}</svg>",
        "<g>".repeat(MAX_SVG_DEPTH),
        "</g>".repeat(MAX_SVG_DEPTH)
    );
    assert!(matches!(
        all_fail(deep.as_bytes()),
        Error::SvgTooDeep { line: 1, .. }
    ));
    let fits = format!(
        "<svg xmlns='http://www.w3.org/2000/svg'>{}{}</svg>",
        "<g>".repeat(MAX_SVG_DEPTH - 1),
        "</g>".repeat(MAX_SVG_DEPTH - 1)
    );
    assert_eq!(unbake(fits.as_bytes()).unwrap(), None);
    let many = format!(
        "<svg xmlns='http://www.w3.org/2000/svg'>{}</svg>",
        "<g/>".repeat(MAX_SVG_ELEMENTS)
    );
    assert!(matches!(
        all_fail(many.as_bytes()),
        Error::SvgTooManyElements { .. }
    ));
    assert_eq!(
        Error::SvgTooManyElements { line: 1, column: 2 }.to_string(),
        "more than 1000000 elements (at line 1, column 2)"
    );
}
