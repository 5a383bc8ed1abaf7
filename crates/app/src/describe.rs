//! Inspections in words, for the command line.

use std::fmt::Write as _;

use crate::dto::{BadgeContent, FileFormat, Inspection, PayloadKind, SvgSource};

/// A few lines describing an inspection, each ending with a newline.
pub fn describe(i: &Inspection) -> String {
    let mut out = String::new();
    let size = match (i.width, i.height) {
        (Some(w), Some(h)) => format!(", {w}×{h}"),
        _ => String::new(),
    };
    let _ = writeln!(
        out,
        "{}: {}{size}, {} bytes",
        i.file_name,
        format_name(i.format),
        i.byte_size
    );
    match &i.badge {
        None => out.push_str("No badge is baked into this image.\n"),
        Some(b) => describe_badge(&mut out, b),
    }
    for w in &i.warnings {
        let _ = writeln!(out, "Warning: {w}");
    }
    out
}

fn describe_badge(out: &mut String, b: &BadgeContent) {
    let _ = writeln!(out, "Badge: {}", b.version_label);
    if let (Some(chunk), Some(keyword)) = (&b.chunk_type, &b.keyword) {
        let index = b
            .chunk_index
            .map(|n| format!(" (chunk {n})"))
            .unwrap_or_default();
        let compressed = if b.compressed { ", compressed" } else { "" };
        let _ = writeln!(
            out,
            "Baked in: {chunk} chunk `{keyword}`{index}{compressed}"
        );
    }
    if let Some(element) = &b.element {
        let source = match b.svg_source {
            Some(SvgSource::VerifyAttribute) => " (verify attribute)",
            Some(SvgSource::Cdata) => " (CDATA)",
            Some(SvgSource::Text) => " (text)",
            Some(SvgSource::Empty) => " (empty)",
            None => "",
        };
        let _ = writeln!(out, "Baked in: <{element}>{source}");
    }
    let kind = match b.kind {
        PayloadKind::Json => "JSON",
        PayloadKind::Jws => "JWS (signed JWT)",
        PayloadKind::Url => "URL of a hosted assertion",
        PayloadKind::Text => "text",
    };
    let _ = writeln!(out, "Content: {kind}, {} bytes", b.byte_size);
    let s = &b.summary;
    for (label, value) in [
        ("Name", &s.name),
        ("Issuer", &s.issuer),
        ("Issued", &s.issued),
        ("Expires", &s.expires),
    ] {
        if let Some(v) = value {
            let _ = writeln!(out, "{label}: {v}");
        }
    }
    if b.kind == PayloadKind::Url {
        let _ = writeln!(out, "URL: {}", b.text);
    }
}

fn format_name(f: FileFormat) -> &'static str {
    match f {
        FileFormat::Png => "PNG image",
        FileFormat::Svg => "SVG image",
        FileFormat::Json => "JSON credential",
        FileFormat::Jwt => "JWT credential",
        FileFormat::Url => "link to a hosted badge",
    }
}
