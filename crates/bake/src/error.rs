//! The one error type of the crate.

use crate::model::{PngTextChunk, Slot};

/// Everything that can go wrong while reading or baking an image.
///
/// Messages are lowercase, carry no trailing period and say what is wrong and
/// where in the image; the caller prefixes the file name, as in
/// `badge.png: bad CRC in chunk 3 (IDAT)`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES).
    #[error("the image is {size} bytes, over the 100 MiB limit")]
    InputTooLarge {
        /// Size of the input in bytes.
        size: usize,
    },

    /// The input is neither a PNG nor an SVG image.
    #[error("not a PNG or SVG image")]
    NotAnImage,

    /// The text to bake is larger than [`MAX_TEXT_BYTES`](crate::MAX_TEXT_BYTES).
    #[error("the badge text is {size} bytes, over the 32 MiB limit")]
    TextTooLarge {
        /// Size of the text in bytes.
        size: usize,
    },

    /// The text to bake is empty.
    #[error("the badge text is empty")]
    EmptyText,

    /// The badge text found in the image is larger than
    /// [`MAX_TEXT_BYTES`](crate::MAX_TEXT_BYTES).
    #[error("the badge text in {location} is over 32 MiB")]
    EmbeddedTextTooLarge {
        /// Where the text is, e.g. ``chunk 7 (tEXt `openbadges`)``.
        location: String,
    },

    /// The 8-byte header of a chunk is cut off by the end of the file.
    #[error("truncated in the header of chunk {index}")]
    PngTruncatedHeader {
        /// 0-based index of the chunk (IHDR = 0).
        index: usize,
    },

    /// The file ends inside the CRC of a chunk.
    #[error("truncated in chunk {index} ({chunk_type})")]
    PngTruncated {
        /// 0-based index of the chunk (IHDR = 0).
        index: usize,
        /// The chunk type, e.g. `IDAT`.
        chunk_type: String,
    },

    /// A chunk's declared length runs past the end of the file.
    #[error(
        "truncated in chunk {index} ({chunk_type}): its length of {length} bytes runs past the end of the file ({available} bytes left)"
    )]
    PngLengthPastEnd {
        /// 0-based index of the chunk (IHDR = 0).
        index: usize,
        /// The chunk type, e.g. `IDAT`.
        chunk_type: String,
        /// The declared data length.
        length: u32,
        /// Bytes left in the file after the chunk header.
        available: usize,
    },

    /// A chunk's declared length is over the PNG limit of 2^31-1.
    #[error(
        "chunk {index} ({chunk_type}) declares a length of {length} bytes, over the PNG limit of 2^31-1"
    )]
    PngLengthTooLarge {
        /// 0-based index of the chunk (IHDR = 0).
        index: usize,
        /// The chunk type, e.g. `IDAT`.
        chunk_type: String,
        /// The declared data length.
        length: u32,
    },

    /// A chunk's type is not four ASCII letters.
    #[error("chunk {index} has an invalid type {chunk_type} (it must be four ASCII letters)")]
    PngBadChunkType {
        /// 0-based index of the chunk (IHDR = 0).
        index: usize,
        /// The type bytes, escaped for display.
        chunk_type: String,
    },

    /// A chunk's CRC does not match its type and data.
    #[error("bad CRC in chunk {index} ({chunk_type})")]
    PngBadCrc {
        /// 0-based index of the chunk (IHDR = 0).
        index: usize,
        /// The chunk type, e.g. `IDAT`.
        chunk_type: String,
    },

    /// The first chunk is not IHDR.
    #[error("the first chunk is {chunk_type}, not IHDR")]
    PngNoIhdr {
        /// The type of the first chunk.
        chunk_type: String,
    },

    /// The IHDR chunk does not hold exactly 13 bytes.
    #[error("chunk 0 (IHDR) is {length} bytes long, not 13")]
    PngBadIhdr {
        /// The IHDR data length.
        length: u32,
    },

    /// The chunks end without an IEND chunk.
    #[error("truncated: no IEND chunk")]
    PngNoIend,

    /// A badge text chunk does not follow the layout of its type.
    #[error("chunk {index} ({} `{keyword}`) is malformed: {problem}", .chunk.as_str())]
    PngMalformedText {
        /// 0-based index of the chunk (IHDR = 0).
        index: usize,
        /// The kind of text chunk.
        chunk: PngTextChunk,
        /// The chunk's keyword.
        keyword: &'static str,
        /// What is wrong, e.g. `no NUL after the language tag`.
        problem: String,
    },

    /// The compressed text of a badge chunk cannot be inflated.
    #[error("the compressed text in chunk {index} ({} `{keyword}`) is corrupt", .chunk.as_str())]
    PngCorruptText {
        /// 0-based index of the chunk (IHDR = 0).
        index: usize,
        /// The kind of text chunk.
        chunk: PngTextChunk,
        /// The chunk's keyword.
        keyword: &'static str,
    },

    /// The compressed text of a badge chunk inflates past
    /// [`MAX_TEXT_BYTES`](crate::MAX_TEXT_BYTES).
    #[error("compressed text in chunk {index} ({}) inflates past 32 MiB", .chunk.as_str())]
    PngTextBomb {
        /// 0-based index of the chunk (IHDR = 0).
        index: usize,
        /// The kind of text chunk.
        chunk: PngTextChunk,
    },

    /// The text of a badge chunk is not UTF-8.
    #[error("the text in chunk {index} ({} `{keyword}`) is not valid UTF-8", .chunk.as_str())]
    PngTextNotUtf8 {
        /// 0-based index of the chunk (IHDR = 0).
        index: usize,
        /// The kind of text chunk.
        chunk: PngTextChunk,
        /// The chunk's keyword.
        keyword: &'static str,
    },

    /// The SVG is not UTF-8.
    #[error("the SVG is not valid UTF-8 at line {line}, column {column}")]
    SvgNotUtf8 {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
    },

    /// The SVG declares an encoding other than UTF-8.
    #[error("declares encoding {encoding}; only UTF-8 is supported")]
    SvgEncoding {
        /// The declared encoding.
        encoding: String,
    },

    /// The SVG is not well-formed XML.
    #[error("malformed XML at line {line}, column {column}: {message}")]
    SvgSyntax {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// What the XML reader found wrong.
        message: String,
    },

    /// The document has no root element.
    #[error("the document has no root element")]
    SvgNoRoot,

    /// The root element is not `svg` in the SVG namespace.
    #[error("the root element is <{found}>, not <svg> in the SVG namespace")]
    SvgRoot {
        /// The root element's name as written.
        found: String,
    },

    /// Elements nest deeper than [`MAX_SVG_DEPTH`](crate::MAX_SVG_DEPTH).
    #[error("elements nest deeper than 1024 levels at line {line}, column {column}")]
    SvgTooDeep {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
    },

    /// The document has more than [`MAX_SVG_ELEMENTS`](crate::MAX_SVG_ELEMENTS) elements.
    #[error("more than 1000000 elements (at line {line}, column {column})")]
    SvgTooManyElements {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
    },

    /// The badge element uses an entity other than the five predefined ones.
    #[error(
        "custom entity reference `&{name};` in the badge element at line {line}, column {column}; only the predefined entities and character references are supported"
    )]
    SvgCustomEntity {
        /// The entity name.
        name: String,
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
    },

    /// The badge element holds another element.
    #[error(
        "the badge element <{element}> holds a child element <{child}> at line {line}, column {column}"
    )]
    SvgBadgeChild {
        /// The badge element's name as written.
        element: String,
        /// The child element's name as written.
        child: String,
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
    },

    /// The text to bake into an SVG contains `]]>`.
    #[error("the {} contains `]]>`, which cannot be placed in an SVG CDATA section", .slot.svg_local_name())]
    SvgCdataEnd {
        /// The slot being baked.
        slot: Slot,
    },

    /// The text to bake into an SVG contains a character that XML 1.0 forbids.
    #[error("the {} contains U+{:04X}, which XML does not allow", .slot.svg_local_name(), u32::from(*.character))]
    SvgForbiddenChar {
        /// The slot being baked.
        slot: Slot,
        /// The forbidden character.
        character: char,
    },
}
