//! SVG: find, remove and insert the badge element without touching other bytes.
//!
//! The document is read with quick-xml's namespace-aware reader. Entities
//! declared in a DOCTYPE are never expanded and nothing external is ever
//! fetched; references to them are left alone as bytes, except inside the
//! badge element, where they are an error.

use quick_xml::XmlVersion;
use quick_xml::escape::{EscapeError, resolve_predefined_entity};
use quick_xml::events::{BytesDecl, BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::{NsReader, Reader};

use crate::model::{Carrier, ImageFormat, ImageInfo, PayloadKind, Slot, SvgSource, Unbaked};
use crate::xml::{
    escape_attribute, is_xml_char, is_xml_whitespace, line_column, trim_xml_whitespace,
};
use crate::{Error, MAX_SVG_DEPTH, MAX_SVG_ELEMENTS, MAX_TEXT_BYTES};

/// The SVG namespace.
const SVG_NAMESPACE: &str = "http://www.w3.org/2000/svg";

/// The prefix of the badge element this crate writes.
const PREFIX: &str = "openbadges";

/// The UTF-8 byte order mark.
const BOM: &str = "\u{feff}";

/// What a scan is for; it decides how much is read and kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Stop after the root start tag.
    Info,
    /// Read the whole document and the first badge's content.
    Unbake,
    /// Read the whole document and the extent of every badge element.
    Bake,
}

/// The root `<svg>` start tag.
#[derive(Debug, Default)]
struct Root {
    /// Offset of the `>` or `/>` that closes the start tag.
    tag_close: usize,
    /// Offset just after the start tag.
    end: usize,
    self_closing: bool,
    qualified_name: String,
    /// The value of an `xmlns:openbadges` attribute.
    openbadges_namespace: Option<String>,
    width: Option<String>,
    height: Option<String>,
    view_box: Option<String>,
}

/// The body of a badge element, as read so far.
#[derive(Debug, Default)]
struct Body {
    cdata: String,
    has_cdata: bool,
    /// Character data with references decoded.
    text: String,
}

impl Body {
    fn len(&self) -> usize {
        self.cdata.len().saturating_add(self.text.len())
    }
}

/// A badge element whose end tag has not been read yet.
#[derive(Debug)]
struct OpenBadge {
    /// Depth once its end tag has been read.
    depth: usize,
    start: usize,
    /// Whether this is the first badge, read in full for unbaking.
    collect: Option<Found>,
}

/// The first badge element, read in full.
#[derive(Debug)]
struct Found {
    slot: Slot,
    qualified_name: String,
    start: usize,
    verify: Option<String>,
    body: Body,
}

/// What a scan found.
#[derive(Debug)]
struct Scan {
    root: Root,
    /// Byte ranges of every badge element, in document order.
    badges: Vec<(usize, usize)>,
    first: Option<Found>,
    warnings: Vec<String>,
}

/// The namespace an element name resolved to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    Svg,
    Badge(Slot),
    Other,
    Unbound,
    UnknownPrefix,
}

impl Ns {
    fn of(resolved: &ResolveResult<'_>) -> Self {
        match resolved {
            ResolveResult::Bound(ns) => {
                let ns: &str = ns.as_ref();
                if ns == SVG_NAMESPACE {
                    Self::Svg
                } else if ns == Slot::Credential.svg_namespace() {
                    Self::Badge(Slot::Credential)
                } else if ns == Slot::Assertion.svg_namespace() {
                    Self::Badge(Slot::Assertion)
                } else {
                    Self::Other
                }
            }
            ResolveResult::Unbound => Self::Unbound,
            ResolveResult::Unknown(_) => Self::UnknownPrefix,
        }
    }
}

/// The document as text, with positions for messages.
#[derive(Debug, Clone, Copy)]
struct Doc<'a> {
    text: &'a str,
    /// Length of the byte order mark, if any; reader offsets start after it.
    base: usize,
}

impl<'a> Doc<'a> {
    /// Checks that `image` is UTF-8 and declares no other encoding.
    fn new(image: &'a [u8]) -> Result<Self, Error> {
        match std::str::from_utf8(image) {
            Ok(text) => {
                let base = if text.starts_with(BOM) { BOM.len() } else { 0 };
                Ok(Self { text, base })
            }
            Err(error) => {
                let head = image.get(..image.len().min(1024)).unwrap_or_default();
                let head = String::from_utf8_lossy(head);
                let mut reader = Reader::from_str(head.trim_start_matches(BOM));
                if let Ok(Event::Decl(decl)) = reader.read_event() {
                    check_encoding(&decl)?;
                }
                let valid = image.get(..error.valid_up_to()).unwrap_or_default();
                let valid = std::str::from_utf8(valid).unwrap_or_default();
                let (line, column) = line_column(valid, valid.len());
                Err(Error::SvgNotUtf8 { line, column })
            }
        }
    }

    /// The document after the byte order mark.
    fn xml(&self) -> &'a str {
        self.text.get(self.base..).unwrap_or_default()
    }

    /// The absolute offset of a reader offset.
    fn absolute(&self, reader_offset: u64) -> usize {
        usize::try_from(reader_offset)
            .unwrap_or(usize::MAX)
            .saturating_add(self.base)
    }

    fn line_column(&self, offset: usize) -> (usize, usize) {
        line_column(self.text, offset)
    }

    fn syntax(&self, offset: usize, message: impl Into<String>) -> Error {
        let (line, column) = self.line_column(offset);
        Error::SvgSyntax {
            line,
            column,
            message: message.into(),
        }
    }

    fn where_is(&self, offset: usize) -> String {
        let (line, column) = self.line_column(offset);
        format!("line {line}, column {column}")
    }

    /// The text between two offsets that the reader reported.
    fn slice(&self, from: usize, to: usize) -> Result<&'a str, Error> {
        // The reader's offsets always fall on markup boundaries of this text,
        // so this only fails if the reader broke that promise.
        self.text
            .get(from..to)
            .ok_or_else(|| self.syntax(from, "the reader reported an impossible position"))
    }
}

/// Errors if the declaration names an encoding other than UTF-8.
fn check_encoding(decl: &BytesDecl<'_>) -> Result<(), Error> {
    match decl.encoding() {
        Some(Ok(encoding)) if !encoding.eq_ignore_ascii_case("utf-8") => Err(Error::SvgEncoding {
            encoding: encoding.into_owned(),
        }),
        _ => Ok(()),
    }
}

/// Reads the root start tag, which must be `svg` in the SVG namespace.
fn read_root(
    doc: &Doc<'_>,
    tag: &BytesStart<'_>,
    ns: Ns,
    start: usize,
    end: usize,
    self_closing: bool,
) -> Result<Root, Error> {
    let name = tag.name();
    let qualified_name: &str = name.as_ref();
    let local: &str = tag.local_name().into_inner();
    let in_svg_namespace = match ns {
        Ns::Svg => true,
        Ns::Unbound => name.prefix().is_none(),
        Ns::Badge(_) | Ns::Other | Ns::UnknownPrefix => false,
    };
    if local != "svg" || !in_svg_namespace {
        return Err(Error::SvgRoot {
            found: qualified_name.to_owned(),
        });
    }
    let close_len = if self_closing { 2 } else { 1 };
    let mut root = Root {
        tag_close: end.saturating_sub(close_len),
        end,
        self_closing,
        qualified_name: qualified_name.to_owned(),
        ..Root::default()
    };
    for attribute in tag.attributes() {
        let attribute = attribute.map_err(|e| doc.syntax(start, e.to_string()))?;
        let slot = match attribute.key.as_ref() {
            "xmlns:openbadges" => &mut root.openbadges_namespace,
            "width" => &mut root.width,
            "height" => &mut root.height,
            "viewBox" => &mut root.view_box,
            _ => continue,
        };
        let value = attribute
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|e| doc.syntax(start, e.to_string()))?;
        *slot = Some(value.into_owned());
    }
    Ok(root)
}

/// Reads the `verify` attribute of a badge element.
fn read_verify(doc: &Doc<'_>, tag: &BytesStart<'_>, start: usize) -> Result<Option<String>, Error> {
    for attribute in tag.attributes() {
        let attribute = attribute.map_err(|e| doc.syntax(start, e.to_string()))?;
        if attribute.key.as_ref() != "verify" {
            continue;
        }
        return match attribute.normalized_value(XmlVersion::Implicit1_0) {
            Ok(value) => Ok(Some(value.into_owned())),
            Err(quick_xml::Error::Escape(EscapeError::UnrecognizedEntity(_, name))) => {
                let (line, column) = doc.line_column(start);
                Err(Error::SvgCustomEntity { name, line, column })
            }
            Err(e) => Err(doc.syntax(start, e.to_string())),
        };
    }
    Ok(None)
}

/// Walks the whole document (or up to the root start tag for [`Mode::Info`]).
fn scan(doc: &Doc<'_>, mode: Mode) -> Result<Scan, Error> {
    let mut reader = NsReader::from_str(doc.xml());
    let mut depth: usize = 0;
    let mut elements: usize = 0;
    let mut root: Option<Root> = None;
    let mut open: Option<OpenBadge> = None;
    let mut badges = Vec::new();
    let mut first: Option<Found> = None;
    let mut seen_badge = false;
    let mut warnings = Vec::new();
    // Only the first extra badge gets a warning of its own; the rest are counted.
    let mut more_badges: usize = 0;
    loop {
        let start = doc.absolute(reader.buffer_position());
        let (ns, event) = match reader.read_resolved_event() {
            Ok((resolved, event)) => (Ns::of(&resolved), event),
            Err(e) => {
                let at = doc.absolute(reader.error_position());
                return Err(doc.syntax(at, e.to_string()));
            }
        };
        let end = doc.absolute(reader.buffer_position());
        match event {
            Event::Decl(decl) => check_encoding(&decl)?,
            Event::Start(ref tag) | Event::Empty(ref tag) => {
                let self_closing = matches!(event, Event::Empty(_));
                elements = elements.saturating_add(1);
                if elements > MAX_SVG_ELEMENTS {
                    let (line, column) = doc.line_column(start);
                    return Err(Error::SvgTooManyElements { line, column });
                }
                if depth == 0 {
                    if root.is_some() {
                        return Err(doc.syntax(start, "a second root element"));
                    }
                    let found = read_root(doc, tag, ns, start, end, self_closing)?;
                    if mode == Mode::Info {
                        return Ok(Scan {
                            root: found,
                            badges,
                            first,
                            warnings,
                        });
                    }
                    root = Some(found);
                } else if let Some(badge) = &open {
                    if let Some(found) = &badge.collect {
                        let (line, column) = doc.line_column(start);
                        return Err(Error::SvgBadgeChild {
                            element: found.qualified_name.clone(),
                            child: tag.name().as_ref().to_owned(),
                            line,
                            column,
                        });
                    }
                } else {
                    let name = tag.name();
                    let qualified_name: &str = name.as_ref();
                    let local: &str = tag.local_name().into_inner();
                    let slot = match ns {
                        Ns::Badge(slot) if slot.svg_local_name() == local => Some(slot),
                        _ => None,
                    };
                    // An undeclared `openbadges:` prefix would become bound by the
                    // declaration a bake adds, so baking removes such elements too.
                    let stray = ns == Ns::UnknownPrefix
                        && mode == Mode::Bake
                        && name.prefix().is_some_and(|p| p.into_inner() == PREFIX)
                        && (local == "credential" || local == "assertion");
                    let mut collect = None;
                    if let Some(slot) = slot {
                        if !seen_badge && mode == Mode::Unbake {
                            collect = Some(Found {
                                slot,
                                qualified_name: qualified_name.to_owned(),
                                start,
                                verify: read_verify(doc, tag, start)?,
                                body: Body::default(),
                            });
                        } else if mode == Mode::Unbake && warnings.is_empty() {
                            warnings.push(format!(
                                "a second badge element (<{qualified_name}>, {}) was ignored; the first one is used",
                                doc.where_is(start)
                            ));
                        } else if mode == Mode::Unbake {
                            more_badges = more_badges.saturating_add(1);
                        }
                        seen_badge = true;
                    }
                    if slot.is_some() || stray {
                        if self_closing {
                            badges.push((start, end));
                            if let Some(found) = collect {
                                first = Some(found);
                            }
                        } else {
                            open = Some(OpenBadge {
                                depth,
                                start,
                                collect,
                            });
                        }
                    }
                }
                if !self_closing {
                    depth = depth.saturating_add(1);
                    if depth > MAX_SVG_DEPTH {
                        let (line, column) = doc.line_column(start);
                        return Err(Error::SvgTooDeep { line, column });
                    }
                }
            }
            Event::End(_) => {
                depth = depth
                    .checked_sub(1)
                    .ok_or_else(|| doc.syntax(start, "an end tag without a start tag"))?;
                if let Some(badge) = open.take_if(|badge| badge.depth == depth) {
                    badges.push((badge.start, end));
                    if let Some(found) = badge.collect {
                        first = Some(found);
                    }
                }
            }
            Event::Text(text) => {
                if depth == 0 {
                    if !trim_xml_whitespace(&text.xml10_content()).is_empty() {
                        let raw = doc.text.get(start..end).unwrap_or_default();
                        let leading = raw
                            .len()
                            .saturating_sub(raw.trim_start_matches(is_xml_whitespace).len());
                        return Err(doc.syntax(
                            start.saturating_add(leading),
                            "text outside the root element",
                        ));
                    }
                } else if let Some(found) = open.as_mut().and_then(|b| b.collect.as_mut()) {
                    found.body.text.push_str(&text.xml10_content());
                    check_body_size(doc, found)?;
                }
            }
            Event::CData(cdata) => {
                if depth == 0 {
                    return Err(doc.syntax(start, "a CDATA section outside the root element"));
                }
                if let Some(found) = open.as_mut().and_then(|b| b.collect.as_mut()) {
                    found.body.has_cdata = true;
                    found.body.cdata.push_str(&cdata.into_inner());
                    check_body_size(doc, found)?;
                }
            }
            Event::GeneralRef(reference) => {
                if depth == 0 {
                    return Err(doc.syntax(start, "a reference outside the root element"));
                }
                if let Some(found) = open.as_mut().and_then(|b| b.collect.as_mut()) {
                    let decoded = if reference.is_char_ref() {
                        reference
                            .resolve_char_ref()
                            .map_err(|e| doc.syntax(start, e.to_string()))?
                            .filter(|&c| is_xml_char(c))
                            .ok_or_else(|| {
                                doc.syntax(
                                    start,
                                    "a character reference to a character XML does not allow",
                                )
                            })?
                            .to_string()
                    } else {
                        let name = reference.into_inner();
                        match resolve_predefined_entity(&name) {
                            Some(replacement) => replacement.to_owned(),
                            None => {
                                let (line, column) = doc.line_column(start);
                                return Err(Error::SvgCustomEntity {
                                    name: name.into_owned(),
                                    line,
                                    column,
                                });
                            }
                        }
                    };
                    found.body.text.push_str(&decoded);
                    check_body_size(doc, found)?;
                }
            }
            Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {}
            Event::Eof => break,
        }
    }
    let Some(root) = root else {
        return Err(Error::SvgNoRoot);
    };
    if more_badges > 0 {
        warnings.push(format!("{more_badges} more badge elements were ignored"));
    }
    if depth != 0 {
        return Err(doc.syntax(
            doc.text.len(),
            format!(
                "the document ends before <{}> is closed",
                root.qualified_name
            ),
        ));
    }
    Ok(Scan {
        root,
        badges,
        first,
        warnings,
    })
}

fn check_body_size(doc: &Doc<'_>, found: &Found) -> Result<(), Error> {
    if found.body.len() > MAX_TEXT_BYTES {
        return Err(Error::EmbeddedTextTooLarge {
            location: format!(
                "<{}> at {}",
                found.qualified_name,
                doc.where_is(found.start)
            ),
        });
    }
    Ok(())
}

/// Finds the first badge element.
pub(crate) fn unbake(image: &[u8]) -> Result<Option<Unbaked>, Error> {
    let doc = Doc::new(image)?;
    let mut scan = scan(&doc, Mode::Unbake)?;
    let Some(found) = scan.first else {
        return Ok(None);
    };
    let Body {
        cdata,
        has_cdata,
        text: character_data,
    } = found.body;
    let body = if has_cdata {
        if !trim_xml_whitespace(&character_data).is_empty() {
            scan.warnings.push(format!(
                "text outside the CDATA section of <{}> ({}) was ignored",
                found.qualified_name,
                doc.where_is(found.start)
            ));
        }
        cdata
    } else {
        trim_xml_whitespace(&character_data).to_owned()
    };
    let verify = found.verify.filter(|verify| !verify.is_empty());
    if verify
        .as_ref()
        .is_some_and(|verify| verify.len() > MAX_TEXT_BYTES)
    {
        return Err(Error::EmbeddedTextTooLarge {
            location: format!(
                "the verify attribute of <{}> at {}",
                found.qualified_name,
                doc.where_is(found.start)
            ),
        });
    }
    let (text, source, body) = match verify {
        Some(verify) => (
            verify,
            SvgSource::VerifyAttribute,
            (!body.is_empty()).then_some(body),
        ),
        None if body.is_empty() => (body, SvgSource::Empty, None),
        None if has_cdata => (body, SvgSource::Cdata, None),
        None => (body, SvgSource::Text, None),
    };
    Ok(Some(Unbaked {
        format: ImageFormat::Svg,
        slot: found.slot,
        carrier: Carrier::SvgElement {
            qualified_name: found.qualified_name,
            source,
        },
        kind: PayloadKind::of(&text),
        text,
        body,
        warnings: scan.warnings,
    }))
}

/// The badge element to insert, `<openbadges:…>` with the text in a `verify`
/// attribute (JWS, URL) or a CDATA section (anything else).
fn badge_element(slot: Slot, text: &str, declare_namespace: bool) -> Result<String, Error> {
    if let Some(character) = text.chars().find(|&c| !is_xml_char(c)) {
        return Err(Error::SvgForbiddenChar { slot, character });
    }
    let name = format!("{PREFIX}:{}", slot.svg_local_name());
    let mut element = String::with_capacity(text.len().saturating_add(200));
    element.push('<');
    element.push_str(&name);
    if declare_namespace {
        element.push_str(&format!(" xmlns:{PREFIX}=\"{}\"", slot.svg_namespace()));
    }
    match PayloadKind::of(text) {
        PayloadKind::Jws | PayloadKind::Url => {
            element.push_str(" verify=\"");
            element.push_str(&escape_attribute(text));
            element.push_str("\">");
        }
        PayloadKind::Json | PayloadKind::Text => {
            if text.contains("]]>") {
                return Err(Error::SvgCdataEnd { slot });
            }
            element.push_str("><![CDATA[");
            element.push_str(text);
            element.push_str("]]>");
        }
    }
    element.push_str("</");
    element.push_str(&name);
    element.push('>');
    Ok(element)
}

/// Removes every badge element and inserts the new one as the root's first child.
pub(crate) fn bake(image: &[u8], slot: Slot, text: &str) -> Result<Vec<u8>, Error> {
    let doc = Doc::new(image)?;
    let scan = scan(&doc, Mode::Bake)?;
    let root = &scan.root;
    let (declare_on_root, declare_on_element) = match root.openbadges_namespace.as_deref() {
        None => (true, false),
        Some(namespace) if namespace == slot.svg_namespace() => (false, false),
        Some(_) => (false, true),
    };
    let element = badge_element(slot, text, declare_on_element)?;
    let mut out = String::with_capacity(
        doc.text
            .len()
            .saturating_add(element.len())
            .saturating_add(100),
    );
    out.push_str(doc.slice(0, root.tag_close)?);
    if declare_on_root {
        out.push_str(&format!(" xmlns:{PREFIX}=\"{}\"", slot.svg_namespace()));
    }
    out.push('>');
    out.push_str(&element);
    out.push('\n');
    if root.self_closing {
        out.push_str("</");
        out.push_str(&root.qualified_name);
        out.push('>');
    }
    let mut position = root.end;
    for &(start, end) in &scan.badges {
        out.push_str(doc.slice(position, start)?);
        position = end;
        // A badge this crate inserted earlier: take its newline too, so that
        // baking again gives the same bytes.
        if start == root.end
            && doc
                .text
                .get(end..)
                .is_some_and(|rest| rest.starts_with('\n'))
        {
            position = end.saturating_add(1);
        }
    }
    out.push_str(doc.slice(position, doc.text.len())?);
    Ok(out.into_bytes())
}

/// A plain number, optionally followed by `px`, rounded to whole pixels.
fn parse_length(value: &str) -> Option<u32> {
    let value = trim_xml_whitespace(value);
    let number = value.strip_suffix("px").unwrap_or(value);
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    to_pixels(number.parse().ok()?)
}

fn to_pixels(value: f64) -> Option<u32> {
    let rounded = value.round();
    (rounded.is_finite() && rounded >= 0.0 && rounded <= f64::from(u32::MAX)).then(|| {
        // In range and whole: the conversion is exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let pixels = rounded as u32;
        pixels
    })
}

/// Width and height from a `viewBox` of four numbers.
fn parse_view_box(value: &str) -> Option<(u32, u32)> {
    let mut numbers = value
        .split(|c: char| c == ',' || is_xml_whitespace(c))
        .filter(|part| !part.is_empty())
        .map(|part| part.parse::<f64>().ok());
    let (Some(_), Some(_), Some(Some(width)), Some(Some(height)), None) = (
        numbers.next(),
        numbers.next(),
        numbers.next(),
        numbers.next(),
        numbers.next(),
    ) else {
        return None;
    };
    Some((to_pixels(width)?, to_pixels(height)?))
}

/// Width and height of the root element, from its attributes or its `viewBox`.
pub(crate) fn info(image: &[u8]) -> Result<ImageInfo, Error> {
    let doc = Doc::new(image)?;
    let root = scan(&doc, Mode::Info)?.root;
    let view_box = root.view_box.as_deref().and_then(parse_view_box);
    Ok(ImageInfo {
        format: ImageFormat::Svg,
        width: root
            .width
            .as_deref()
            .and_then(parse_length)
            .or(view_box.map(|(width, _)| width)),
        height: root
            .height
            .as_deref()
            .and_then(parse_length)
            .or(view_box.map(|(_, height)| height)),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn lengths() {
        assert_eq!(parse_length("300"), Some(300));
        assert_eq!(parse_length(" 300px "), Some(300));
        assert_eq!(parse_length("299.6"), Some(300));
        assert_eq!(parse_length("100%"), None);
        assert_eq!(parse_length("10em"), None);
        assert_eq!(parse_length("-5"), None);
        assert_eq!(parse_length(""), None);
        assert_eq!(parse_length("1.2.3"), None);
        assert_eq!(parse_length("99999999999"), None);
    }

    #[test]
    fn view_boxes() {
        assert_eq!(parse_view_box("0 0 512 256"), Some((512, 256)));
        assert_eq!(parse_view_box("-10,-10, 20.4,30"), Some((20, 30)));
        assert_eq!(parse_view_box("0 0 512"), None);
        assert_eq!(parse_view_box("0 0 512 256 1"), None);
        assert_eq!(parse_view_box("0 0 -1 2"), None);
        assert_eq!(parse_view_box("0 0 NaN 2"), None);
    }

    #[test]
    fn element_shapes() {
        assert_eq!(
            badge_element(Slot::Assertion, "https://a.example/?x=1&y=\"2\"", false).unwrap(),
            "<openbadges:assertion verify=\"https://a.example/?x=1&amp;y=&quot;2&quot;\"></openbadges:assertion>"
        );
        assert_eq!(
            badge_element(Slot::Credential, "{}", true).unwrap(),
            "<openbadges:credential xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"><![CDATA[{}]]></openbadges:credential>"
        );
        assert_eq!(
            badge_element(Slot::Credential, "{\"a\":\"]]>\"}", false),
            Err(Error::SvgCdataEnd {
                slot: Slot::Credential
            })
        );
        assert_eq!(
            badge_element(Slot::Assertion, "a\u{1}b", false),
            Err(Error::SvgForbiddenChar {
                slot: Slot::Assertion,
                character: '\u{1}'
            })
        );
    }
}
