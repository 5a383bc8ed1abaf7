//! The plain data types of the public API.

/// The kinds of image a badge can be baked into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImageFormat {
    /// A PNG image.
    Png,
    /// An SVG image.
    Svg,
}

impl ImageFormat {
    /// The lowercase name, `png` or `svg`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Svg => "svg",
        }
    }
}

/// Where in an image the badge sits, which also tells the Open Badges version.
///
/// OB 3.0 uses the PNG keyword `openbadgecredential` and the SVG element
/// `<openbadges:credential>` in the namespace `https://purl.imsglobal.org/ob/v3p0`.
/// OB 1.x/2.0 use the PNG keyword `openbadges` and the SVG element
/// `<openbadges:assertion>` in the namespace `http://openbadges.org`.
///
/// See: <https://www.imsglobal.org/spec/ob/v3p0/#baking>
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Slot {
    /// An OB 3.0 `OpenBadgeCredential`.
    Credential,
    /// An OB 1.x/2.0 `Assertion`.
    Assertion,
}

impl Slot {
    /// The PNG text chunk keyword: `openbadgecredential` or `openbadges`.
    ///
    /// See: <https://www.imsglobal.org/spec/ob/v3p0/#baking>
    pub fn png_keyword(self) -> &'static str {
        match self {
            Self::Credential => "openbadgecredential",
            Self::Assertion => "openbadges",
        }
    }

    /// The local name of the SVG element: `credential` or `assertion`.
    ///
    /// See: <https://www.imsglobal.org/spec/ob/v3p0/#baking>
    pub fn svg_local_name(self) -> &'static str {
        match self {
            Self::Credential => "credential",
            Self::Assertion => "assertion",
        }
    }

    /// The namespace of the SVG element: `https://purl.imsglobal.org/ob/v3p0`
    /// or `http://openbadges.org`.
    ///
    /// See: <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/baking/index.html>
    pub fn svg_namespace(self) -> &'static str {
        match self {
            Self::Credential => "https://purl.imsglobal.org/ob/v3p0",
            Self::Assertion => "http://openbadges.org",
        }
    }

    /// The slot whose PNG keyword is exactly `keyword` (keywords are case-sensitive).
    pub(crate) fn from_png_keyword(keyword: &[u8]) -> Option<Self> {
        [Self::Credential, Self::Assertion]
            .into_iter()
            .find(|slot| slot.png_keyword().as_bytes() == keyword)
    }
}

/// The three PNG chunk types that carry text.
///
/// See: <https://www.w3.org/TR/png-3/#11textinfo>
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PngTextChunk {
    /// `tEXt`: Latin-1 text, uncompressed.
    Text,
    /// `zTXt`: Latin-1 text, zlib-compressed.
    ZText,
    /// `iTXt`: UTF-8 text, optionally zlib-compressed.
    IText,
}

impl PngTextChunk {
    /// The chunk type: `tEXt`, `zTXt` or `iTXt`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "tEXt",
            Self::ZText => "zTXt",
            Self::IText => "iTXt",
        }
    }

    /// The text chunk kind with this 4-byte chunk type.
    pub(crate) fn from_type(chunk_type: [u8; 4]) -> Option<Self> {
        match &chunk_type {
            b"tEXt" => Some(Self::Text),
            b"zTXt" => Some(Self::ZText),
            b"iTXt" => Some(Self::IText),
            _ => None,
        }
    }
}

/// Where in the SVG badge element the text was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SvgSource {
    /// The `verify` attribute.
    VerifyAttribute,
    /// One or more CDATA sections in the element body.
    Cdata,
    /// Character data in the element body.
    Text,
    /// Nowhere: the element has no `verify` attribute and an empty body.
    Empty,
}

/// The part of the image that carried the badge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Carrier {
    /// A PNG text chunk.
    PngChunk {
        /// The chunk type.
        chunk: PngTextChunk,
        /// Whether the text was zlib-compressed (always for `zTXt`).
        compressed: bool,
        /// 0-based index among all chunks; IHDR is 0.
        chunk_index: usize,
    },
    /// An SVG element.
    SvgElement {
        /// The element name as written, e.g. `openbadges:credential` or `ob:assertion`.
        qualified_name: String,
        /// Where in the element the text was.
        source: SvgSource,
    },
}

/// A syntactic guess of what a badge text is; no JSON parsing is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PayloadKind {
    /// The first non-whitespace character is `{`.
    Json,
    /// A compact JWS: three base64url segments separated by two dots, with a
    /// non-empty header and payload.
    Jws,
    /// An `http://` or `https://` URL without whitespace.
    Url,
    /// Anything else.
    Text,
}

impl PayloadKind {
    /// Guesses the kind of `text` from its syntax alone.
    pub fn of(text: &str) -> PayloadKind {
        if text
            .trim_start_matches([' ', '\t', '\n', '\r', '\u{feff}'])
            .starts_with('{')
        {
            Self::Json
        } else if is_compact_jws(text) {
            Self::Jws
        } else if is_url(text) {
            Self::Url
        } else {
            Self::Text
        }
    }

    /// The lowercase name: `json`, `jws`, `url` or `text`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Jws => "jws",
            Self::Url => "url",
            Self::Text => "text",
        }
    }
}

fn is_base64url(segment: &str) -> bool {
    segment
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn is_compact_jws(text: &str) -> bool {
    let mut parts = text.split('.');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(header), Some(payload), Some(signature), None) => {
            !header.is_empty()
                && !payload.is_empty()
                && is_base64url(header)
                && is_base64url(payload)
                && is_base64url(signature)
        }
        _ => false,
    }
}

fn is_url(text: &str) -> bool {
    let rest = ["https://", "http://"].into_iter().find_map(|scheme| {
        let head = text.get(..scheme.len())?;
        head.eq_ignore_ascii_case(scheme)
            .then(|| text.get(scheme.len()..))
            .flatten()
    });
    rest.is_some_and(|rest| {
        !rest.is_empty() && !rest.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

/// A badge found in an image by [`unbake`](crate::unbake).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unbaked {
    /// The image format.
    pub format: ImageFormat,
    /// Which slot the badge was in.
    pub slot: Slot,
    /// The chunk or element that carried it.
    pub carrier: Carrier,
    /// The embedded text exactly.
    ///
    /// PNG: the chunk's text, inflated if compressed.
    /// SVG: the `verify` attribute when present (XML-unescaped), else the
    /// element's body: if the body contains CDATA sections, their content
    /// concatenated exactly, line ends included (text outside them ignored,
    /// with a warning if it is not whitespace); otherwise the
    /// character content with predefined entities and character references
    /// decoded, trimmed of XML whitespace.
    pub text: String,
    /// SVG only: the element body (same rule as for `text`) when it is
    /// non-empty and `text` came from the `verify` attribute; `None` otherwise.
    pub body: Option<String>,
    /// What `text` looks like.
    pub kind: PayloadKind,
    /// Human sentences about oddities that did not stop the reading, e.g.
    /// "a second badge text (tEXt `openbadges`, chunk 7) was ignored; the first one is used".
    pub warnings: Vec<String>,
}

/// Cheap facts about an image, for display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageInfo {
    /// The image format.
    pub format: ImageFormat,
    /// Width in pixels, if known.
    pub width: Option<u32>,
    /// Height in pixels, if known.
    pub height: Option<u32>,
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn payload_kinds() {
        assert_eq!(PayloadKind::of("  \n{\"a\":1}"), PayloadKind::Json);
        assert_eq!(PayloadKind::of("eyJh.eyJi.c2ln"), PayloadKind::Jws);
        assert_eq!(PayloadKind::of("eyJh.eyJi."), PayloadKind::Jws);
        assert_eq!(PayloadKind::of(".eyJi.c2ln"), PayloadKind::Text);
        assert_eq!(PayloadKind::of("eyJh..c2ln"), PayloadKind::Text);
        assert_eq!(PayloadKind::of("a.b.c.d"), PayloadKind::Text);
        assert_eq!(PayloadKind::of("a+b.c.d"), PayloadKind::Text);
        assert_eq!(PayloadKind::of("a.b"), PayloadKind::Text);
        assert_eq!(PayloadKind::of("https://example.org/a"), PayloadKind::Url);
        assert_eq!(PayloadKind::of("HTTP://example.org"), PayloadKind::Url);
        assert_eq!(PayloadKind::of("http://"), PayloadKind::Text);
        assert_eq!(PayloadKind::of("https://a b"), PayloadKind::Text);
        assert_eq!(PayloadKind::of("https://a\n"), PayloadKind::Text);
        assert_eq!(PayloadKind::of("ftp://a"), PayloadKind::Text);
        assert_eq!(PayloadKind::of(""), PayloadKind::Text);
        assert_eq!(PayloadKind::of("é"), PayloadKind::Text);
        assert_eq!(PayloadKind::Jws.as_str(), "jws");
    }

    #[test]
    fn slot_lookup() {
        assert_eq!(Slot::from_png_keyword(b"openbadges"), Some(Slot::Assertion));
        assert_eq!(Slot::from_png_keyword(b"OpenBadges"), None);
        assert_eq!(PngTextChunk::from_type(*b"zTXt"), Some(PngTextChunk::ZText));
        assert_eq!(PngTextChunk::from_type(*b"IDAT"), None);
    }
}
