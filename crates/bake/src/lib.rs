//! Bake and unbake Open Badges in PNG and SVG images: bytes in, bytes out.
//!
//! "Baking" embeds a badge (an OB 3.0 credential, or an OB 1.x/2.0 assertion)
//! in an image so that the image itself carries it; "unbaking" reads it back.
//! This crate does no IO and gives the embedded text no JSON meaning: it finds,
//! checks and writes bytes.
//!
//! * PNG: the badge is an `iTXt` (or legacy `tEXt`/`zTXt`) chunk with the
//!   keyword `openbadgecredential` (OB 3.0) or `openbadges` (OB 1.x/2.0).
//!   Pixels are never decoded and every other chunk is kept byte for byte.
//! * SVG: the badge is an `<openbadges:credential>` (OB 3.0) or
//!   `<openbadges:assertion>` (OB 1.x/2.0) element; every other byte of the
//!   document is kept.
//!
//! ```
//! # fn main() -> Result<(), badgesmith_bake::Error> {
//! let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>"#;
//! let baked = badgesmith_bake::bake(svg, badgesmith_bake::Slot::Credential, r#"{"id":"urn:x"}"#)?;
//! let badge = badgesmith_bake::unbake(&baked)?.expect("a badge");
//! assert_eq!(badge.text, r#"{"id":"urn:x"}"#);
//! assert_eq!(badge.kind, badgesmith_bake::PayloadKind::Json);
//! # Ok(())
//! # }
//! ```
//!
//! See: <https://www.imsglobal.org/spec/ob/v3p0/#baking>
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic
    )
)]

mod error;
mod model;
mod png;
mod svg;
mod xml;

pub use error::Error;
pub use model::{
    Carrier, ImageFormat, ImageInfo, PayloadKind, PngTextChunk, Slot, SvgSource, Unbaked,
};

/// The largest image accepted: 100 MiB.
pub const MAX_INPUT_BYTES: usize = 100 * 1024 * 1024;

/// The largest badge text: 32 MiB. Compressed PNG text that inflates past it
/// is rejected as soon as it does.
pub const MAX_TEXT_BYTES: usize = 32 * 1024 * 1024;

/// The deepest element nesting accepted in an SVG.
pub const MAX_SVG_DEPTH: usize = 1024;

/// The most elements accepted in an SVG.
pub const MAX_SVG_ELEMENTS: usize = 1_000_000;

/// How far into the input [`sniff`] looks for `<svg`.
const SNIFF_WINDOW: usize = 64 * 1024;

/// Guesses the format from the first bytes.
///
/// PNG: the 8-byte PNG signature. SVG: an optional UTF-8 byte order mark and
/// whitespace, then `<?xml`, `<!--`, `<!DOCTYPE` or `<svg`, with `<svg`
/// somewhere in the first 64 KiB. This is only a hint: [`unbake`], [`bake`]
/// and [`image_info`] do the real checks.
///
/// See: <https://www.w3.org/TR/png-3/#5PNG-file-signature>
pub fn sniff(bytes: &[u8]) -> Option<ImageFormat> {
    if bytes.starts_with(&png::SIGNATURE) {
        return Some(ImageFormat::Png);
    }
    let window = bytes
        .get(..bytes.len().min(SNIFF_WINDOW))
        .unwrap_or_default();
    let body = window.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(window);
    let start = body
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        .and_then(|at| body.get(at..))
        .unwrap_or_default();
    let opens_markup = [&b"<?xml"[..], b"<!--", b"<!DOCTYPE", b"<svg"]
        .iter()
        .any(|opening| start.starts_with(opening))
        || starts_with_prefixed_svg(start);
    // `<svg` for an unprefixed root, `:svg` for `<s:svg` or `xmlns:svg`.
    let has_svg = window
        .windows(4)
        .any(|four| four == b"<svg" || four == b":svg");
    (opens_markup && has_svg).then_some(ImageFormat::Svg)
}

/// Whether `bytes` opens with a prefixed root start tag such as `<s:svg`.
fn starts_with_prefixed_svg(bytes: &[u8]) -> bool {
    let Some(rest) = bytes.strip_prefix(b"<") else {
        return false;
    };
    let name_len = rest
        .iter()
        .position(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'>' | b'/'))
        .unwrap_or(rest.len());
    rest.get(..name_len)
        .is_some_and(|name| name.len() > 4 && name.ends_with(b":svg"))
}

/// Checks the size and works out the format.
fn format_of(image: &[u8]) -> Result<ImageFormat, Error> {
    if image.len() > MAX_INPUT_BYTES {
        return Err(Error::InputTooLarge { size: image.len() });
    }
    sniff(image).ok_or(Error::NotAnImage)
}

/// Reads the badge baked into a PNG or SVG image.
///
/// Returns `Ok(None)` for a well-formed image with no badge in it. The first
/// badge found wins; a second one is reported in [`Unbaked::warnings`].
///
/// PNG: every chunk's CRC is checked; the badge is the first `tEXt`, `zTXt` or
/// `iTXt` chunk with the keyword `openbadgecredential` or `openbadges`,
/// wherever it sits, and its text must be UTF-8.
/// SVG: the document must be UTF-8 with an `svg` root; the badge is the first
/// `credential` element in `https://purl.imsglobal.org/ob/v3p0` or `assertion`
/// element in `http://openbadges.org`, under whatever prefix, anywhere.
///
/// See: <https://www.imsglobal.org/spec/ob/v3p0/#baking>
pub fn unbake(image: &[u8]) -> Result<Option<Unbaked>, Error> {
    match format_of(image)? {
        ImageFormat::Png => png::unbake(image),
        ImageFormat::Svg => svg::unbake(image),
    }
}

/// Bakes `text` into the image in `slot`, replacing every existing badge of
/// either slot.
///
/// PNG: writes one uncompressed `iTXt` chunk right after IHDR and removes every
/// older badge chunk; all other chunks are copied byte for byte.
/// SVG: cuts out every badge element and inserts `<openbadges:credential>` or
/// `<openbadges:assertion>` as the first child of the root, declaring the
/// namespace if needed; a JWS or URL goes in the `verify` attribute, anything
/// else in a CDATA section. All other bytes are kept.
///
/// The text must be non-empty and at most [`MAX_TEXT_BYTES`].
///
/// See: <https://www.imsglobal.org/spec/ob/v3p0/#baking>
pub fn bake(image: &[u8], slot: Slot, text: &str) -> Result<Vec<u8>, Error> {
    let format = format_of(image)?;
    if text.len() > MAX_TEXT_BYTES {
        return Err(Error::TextTooLarge { size: text.len() });
    }
    if text.is_empty() {
        return Err(Error::EmptyText);
    }
    match format {
        ImageFormat::Png => png::bake(image, slot, text),
        ImageFormat::Svg => svg::bake(image, slot, text),
    }
}

/// Cheap facts about an image for display.
///
/// PNG: width and height from IHDR (only the signature and IHDR are checked).
/// SVG: the root's `width` and `height` when they are plain numbers (or `px`),
/// else the size from its `viewBox`; `None` when unknown. Only the document up
/// to the root start tag is read.
///
/// See: <https://www.w3.org/TR/png-3/#11IHDR>
pub fn image_info(image: &[u8]) -> Result<ImageInfo, Error> {
    match format_of(image)? {
        ImageFormat::Png => png::info(image),
        ImageFormat::Svg => svg::info(image),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        assert_eq!(sniff(&png::SIGNATURE), Some(ImageFormat::Png));
        assert_eq!(sniff(b"<svg/>"), Some(ImageFormat::Svg));
        assert_eq!(
            sniff(b"\xEF\xBB\xBF \n<?xml version='1.0'?><svg/>"),
            Some(ImageFormat::Svg)
        );
        assert_eq!(
            sniff(b"<!-- c --><s:svg xmlns:s='x'/>"),
            Some(ImageFormat::Svg)
        );
        assert_eq!(sniff(b"<s:svg xmlns:s='x'/>"), Some(ImageFormat::Svg));
        assert_eq!(sniff(b"<:svg/>"), None);
        assert_eq!(sniff(b"<s:svgx/>"), None);
        assert_eq!(sniff(b"<!DOCTYPE svg><svg/>"), Some(ImageFormat::Svg));
        assert_eq!(sniff(b"<?xml version='1.0'?><html/>"), None);
        assert_eq!(sniff(b"hello <svg/>"), None);
        assert_eq!(sniff(b""), None);
        assert_eq!(sniff(b"\x89PNG"), None);
        let mut late = b"<!--".to_vec();
        late.extend(std::iter::repeat_n(b'x', SNIFF_WINDOW));
        late.extend(b"--><svg/>");
        assert_eq!(sniff(&late), None);
    }
}
