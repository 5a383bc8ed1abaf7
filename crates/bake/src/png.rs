//! PNG: walk the chunks, find and replace the badge text chunk.
//!
//! Pixels are never decoded: the chunk list is checked (signature, every CRC,
//! lengths, IHDR first, IEND last) and copied raw.

use std::borrow::Cow;

use flate2::{Decompress, FlushDecompress, Status};

use crate::model::{Carrier, ImageFormat, ImageInfo, PayloadKind, PngTextChunk, Slot, Unbaked};
use crate::{Error, MAX_TEXT_BYTES};

/// The 8 bytes every PNG starts with.
pub(crate) const SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

/// The largest chunk length PNG allows.
const MAX_CHUNK_LENGTH: u32 = 0x7FFF_FFFF;

/// Bytes of a chunk besides its data: length, type and CRC.
const CHUNK_OVERHEAD: usize = 12;

/// One chunk of a PNG, borrowed from the input.
#[derive(Debug, Clone, Copy)]
struct Chunk<'a> {
    index: usize,
    chunk_type: [u8; 4],
    data: &'a [u8],
    /// The whole chunk: length, type, data and CRC.
    raw: &'a [u8],
}

/// The type as text, for messages; the walk has checked that it is ASCII letters.
fn type_name(chunk_type: [u8; 4]) -> String {
    String::from_utf8_lossy(&chunk_type).into_owned()
}

fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let end = at.checked_add(4)?;
    let quad: [u8; 4] = bytes.get(at..end)?.try_into().ok()?;
    Some(u32::from_be_bytes(quad))
}

fn read_type(bytes: &[u8], at: usize) -> Option<[u8; 4]> {
    let end = at.checked_add(4)?;
    bytes.get(at..end)?.try_into().ok()
}

/// Reads the chunk that starts at `pos`, checking its length, type and CRC.
fn read_chunk(image: &[u8], pos: usize, index: usize) -> Result<Chunk<'_>, Error> {
    let rest = image.get(pos..).unwrap_or_default();
    let (Some(length), Some(chunk_type)) = (read_u32(rest, 0), read_type(rest, 4)) else {
        return Err(Error::PngTruncatedHeader { index });
    };
    if !chunk_type.iter().all(u8::is_ascii_alphabetic) {
        return Err(Error::PngBadChunkType {
            index,
            chunk_type: chunk_type.escape_ascii().to_string(),
        });
    }
    if length > MAX_CHUNK_LENGTH {
        return Err(Error::PngLengthTooLarge {
            index,
            chunk_type: type_name(chunk_type),
            length,
        });
    }
    let data_len = usize::try_from(length).map_err(|_| Error::PngLengthTooLarge {
        index,
        chunk_type: type_name(chunk_type),
        length,
    })?;
    let available = rest.len().saturating_sub(8);
    let data = rest
        .get(8..)
        .and_then(|after_header| after_header.get(..data_len))
        .ok_or_else(|| Error::PngLengthPastEnd {
            index,
            chunk_type: type_name(chunk_type),
            length,
            available,
        })?;
    let total = data_len
        .checked_add(CHUNK_OVERHEAD)
        .ok_or(Error::PngLengthTooLarge {
            index,
            chunk_type: type_name(chunk_type),
            length,
        })?;
    let crc_at = total.saturating_sub(4);
    let (Some(raw), Some(stored_crc)) = (rest.get(..total), read_u32(rest, crc_at)) else {
        return Err(Error::PngTruncated {
            index,
            chunk_type: type_name(chunk_type),
        });
    };
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(&chunk_type);
    hasher.update(data);
    if hasher.finalize() != stored_crc {
        return Err(Error::PngBadCrc {
            index,
            chunk_type: type_name(chunk_type),
        });
    }
    Ok(Chunk {
        index,
        chunk_type,
        data,
        raw,
    })
}

/// Checks the signature and the IHDR chunk that must follow it.
fn read_ihdr(image: &[u8]) -> Result<Chunk<'_>, Error> {
    if image.get(..SIGNATURE.len()) != Some(SIGNATURE.as_slice()) {
        return Err(Error::NotAnImage);
    }
    let ihdr = read_chunk(image, SIGNATURE.len(), 0)?;
    if &ihdr.chunk_type != b"IHDR" {
        return Err(Error::PngNoIhdr {
            chunk_type: type_name(ihdr.chunk_type),
        });
    }
    if ihdr.data.len() != 13 {
        return Err(Error::PngBadIhdr {
            length: u32::try_from(ihdr.data.len()).unwrap_or(u32::MAX),
        });
    }
    Ok(ihdr)
}

/// Walks and checks every chunk from the signature to IEND, handing each to
/// `visit` in order; returns whatever follows IEND.
fn walk<'a>(
    image: &'a [u8],
    mut visit: impl FnMut(Chunk<'a>) -> Result<(), Error>,
) -> Result<&'a [u8], Error> {
    let ihdr = read_ihdr(image)?;
    let mut pos = SIGNATURE.len().saturating_add(ihdr.raw.len());
    let mut index: usize = 0;
    visit(ihdr)?;
    loop {
        if pos >= image.len() {
            return Err(Error::PngNoIend);
        }
        index = index.saturating_add(1);
        let chunk = read_chunk(image, pos, index)?;
        pos = pos.saturating_add(chunk.raw.len());
        visit(chunk)?;
        if &chunk.chunk_type == b"IEND" {
            return Ok(image.get(pos..).unwrap_or_default());
        }
    }
}

/// A text chunk whose keyword names a badge slot.
#[derive(Debug, Clone, Copy)]
struct BadgeChunk<'a> {
    chunk: Chunk<'a>,
    kind: PngTextChunk,
    slot: Slot,
    /// The data after the keyword's NUL separator.
    after_keyword: &'a [u8],
}

impl BadgeChunk<'_> {
    fn location(&self) -> String {
        format!(
            "chunk {} ({} `{}`)",
            self.chunk.index,
            self.kind.as_str(),
            self.slot.png_keyword()
        )
    }

    fn malformed(&self, problem: impl Into<String>) -> Error {
        Error::PngMalformedText {
            index: self.chunk.index,
            chunk: self.kind,
            keyword: self.slot.png_keyword(),
            problem: problem.into(),
        }
    }
}

/// The chunk as a badge chunk, if it is a text chunk with a badge keyword.
fn as_badge_chunk(chunk: Chunk<'_>) -> Option<BadgeChunk<'_>> {
    let kind = PngTextChunk::from_type(chunk.chunk_type)?;
    let nul = chunk.data.iter().position(|&b| b == 0)?;
    let slot = Slot::from_png_keyword(chunk.data.get(..nul)?)?;
    let after_keyword = chunk.data.get(nul.checked_add(1)?..)?;
    Some(BadgeChunk {
        chunk,
        kind,
        slot,
        after_keyword,
    })
}

/// Splits `bytes` at the first NUL: the part before it and the part after it.
fn split_nul(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let nul = bytes.iter().position(|&b| b == 0)?;
    Some((bytes.get(..nul)?, bytes.get(nul.checked_add(1)?..)?))
}

/// Why inflating failed.
enum InflateError {
    Corrupt,
    TooLarge,
}

/// Inflates zlib data, giving up as soon as the output passes `cap` bytes.
fn inflate(compressed: &[u8], cap: usize) -> Result<Vec<u8>, InflateError> {
    let mut inflater = Decompress::new(true);
    let mut out = Vec::with_capacity(compressed.len().saturating_mul(4).min(cap).max(64));
    loop {
        if out.len() == out.capacity() {
            let grow = out.len().clamp(4096, 4 << 20);
            out.reserve(grow);
        }
        let consumed = usize::try_from(inflater.total_in()).map_err(|_| InflateError::Corrupt)?;
        let input = compressed.get(consumed..).unwrap_or_default();
        let before = (inflater.total_in(), inflater.total_out());
        let status = inflater
            .decompress_vec(input, &mut out, FlushDecompress::None)
            .map_err(|_| InflateError::Corrupt)?;
        if out.len() > cap {
            return Err(InflateError::TooLarge);
        }
        match status {
            Status::StreamEnd => return Ok(out),
            Status::Ok | Status::BufError => {
                let stalled = before == (inflater.total_in(), inflater.total_out());
                if stalled && out.len() < out.capacity() {
                    // No progress with room to spare: the stream is cut short.
                    return Err(InflateError::Corrupt);
                }
            }
        }
    }
}

/// The badge text of a badge chunk, and whether it was compressed.
fn decode_badge(badge: &BadgeChunk<'_>) -> Result<(String, bool), Error> {
    let (stored, compressed): (&[u8], bool) = match badge.kind {
        PngTextChunk::Text => (badge.after_keyword, false),
        PngTextChunk::ZText => {
            let Some((&method, rest)) = badge.after_keyword.split_first() else {
                return Err(badge.malformed("no compression method"));
            };
            if method != 0 {
                return Err(badge.malformed(format!("unknown compression method {method}")));
            }
            (rest, true)
        }
        PngTextChunk::IText => {
            let (Some(&flag), Some(&method), Some(rest)) = (
                badge.after_keyword.first(),
                badge.after_keyword.get(1),
                badge.after_keyword.get(2..),
            ) else {
                return Err(badge.malformed("no compression flag and method"));
            };
            let compressed = match flag {
                0 => false,
                1 => true,
                other => return Err(badge.malformed(format!("unknown compression flag {other}"))),
            };
            if compressed && method != 0 {
                return Err(badge.malformed(format!("unknown compression method {method}")));
            }
            let Some((_language, rest)) = split_nul(rest) else {
                return Err(badge.malformed("no NUL after the language tag"));
            };
            let Some((_translated, text)) = split_nul(rest) else {
                return Err(badge.malformed("no NUL after the translated keyword"));
            };
            (text, compressed)
        }
    };
    let bytes: Cow<'_, [u8]> = if compressed {
        match inflate(stored, MAX_TEXT_BYTES) {
            Ok(inflated) => Cow::Owned(inflated),
            Err(InflateError::TooLarge) => {
                return Err(Error::PngTextBomb {
                    index: badge.chunk.index,
                    chunk: badge.kind,
                });
            }
            Err(InflateError::Corrupt) => {
                return Err(Error::PngCorruptText {
                    index: badge.chunk.index,
                    chunk: badge.kind,
                    keyword: badge.slot.png_keyword(),
                });
            }
        }
    } else {
        Cow::Borrowed(stored)
    };
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(Error::EmbeddedTextTooLarge {
            location: badge.location(),
        });
    }
    let text = String::from_utf8(bytes.into_owned()).map_err(|_| Error::PngTextNotUtf8 {
        index: badge.chunk.index,
        chunk: badge.kind,
        keyword: badge.slot.png_keyword(),
    })?;
    Ok((text, compressed))
}

/// Finds the first badge text chunk.
pub(crate) fn unbake(image: &[u8]) -> Result<Option<Unbaked>, Error> {
    let mut found: Option<(BadgeChunk<'_>, String, bool)> = None;
    let mut warnings = Vec::new();
    let mut more_badges: usize = 0;
    let trailing = walk(image, |chunk| {
        let Some(badge) = as_badge_chunk(chunk) else {
            return Ok(());
        };
        if found.is_none() {
            let (text, compressed) = decode_badge(&badge)?;
            found = Some((badge, text, compressed));
        } else if warnings.is_empty() {
            warnings.push(format!(
                "a second badge text ({} `{}`, chunk {}) was ignored; the first one is used",
                badge.kind.as_str(),
                badge.slot.png_keyword(),
                badge.chunk.index
            ));
        } else {
            more_badges = more_badges.saturating_add(1);
        }
        Ok(())
    })?;
    if more_badges > 0 {
        warnings.push(format!("{more_badges} more badge texts were ignored"));
    }
    if !trailing.is_empty() {
        warnings.push(format!(
            "{} bytes after the IEND chunk were ignored",
            trailing.len()
        ));
    }
    Ok(found.map(|(badge, text, compressed)| Unbaked {
        format: ImageFormat::Png,
        slot: badge.slot,
        carrier: Carrier::PngChunk {
            chunk: badge.kind,
            compressed,
            chunk_index: badge.chunk.index,
        },
        kind: PayloadKind::of(&text),
        text,
        body: None,
        warnings,
    }))
}

/// An uncompressed `iTXt` chunk holding `text` under `keyword`, ready to write.
fn itxt_chunk(keyword: &str, text: &str) -> Result<Vec<u8>, Error> {
    let too_large = || Error::TextTooLarge { size: text.len() };
    // keyword NUL, flag, method, empty language NUL, empty translated keyword NUL.
    let data_len = keyword
        .len()
        .checked_add(5)
        .and_then(|n| n.checked_add(text.len()))
        .ok_or_else(too_large)?;
    let length = u32::try_from(data_len)
        .ok()
        .filter(|&n| n <= MAX_CHUNK_LENGTH)
        .ok_or_else(too_large)?;
    let mut chunk = Vec::with_capacity(data_len.saturating_add(CHUNK_OVERHEAD));
    chunk.extend_from_slice(&length.to_be_bytes());
    chunk.extend_from_slice(b"iTXt");
    chunk.extend_from_slice(keyword.as_bytes());
    chunk.extend_from_slice(&[0, 0, 0, 0, 0]);
    chunk.extend_from_slice(text.as_bytes());
    let crc = crc32fast::hash(chunk.get(4..).unwrap_or_default());
    chunk.extend_from_slice(&crc.to_be_bytes());
    Ok(chunk)
}

/// Writes `text` as the one badge chunk, right after IHDR; every other chunk is
/// copied byte for byte.
pub(crate) fn bake(image: &[u8], slot: Slot, text: &str) -> Result<Vec<u8>, Error> {
    let itxt = itxt_chunk(slot.png_keyword(), text)?;
    let mut out = Vec::with_capacity(image.len().saturating_add(itxt.len()));
    out.extend_from_slice(&SIGNATURE);
    let trailing = walk(image, |chunk| {
        if as_badge_chunk(chunk).is_none() {
            out.extend_from_slice(chunk.raw);
            if chunk.index == 0 {
                out.extend_from_slice(&itxt);
            }
        }
        Ok(())
    })?;
    out.extend_from_slice(trailing);
    Ok(out)
}

/// Width and height from IHDR; only the signature and IHDR are checked.
pub(crate) fn info(image: &[u8]) -> Result<ImageInfo, Error> {
    let ihdr = read_ihdr(image)?;
    Ok(ImageInfo {
        format: ImageFormat::Png,
        width: read_u32(ihdr.data, 0),
        height: read_u32(ihdr.data, 4),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;
    use flate2::Compression;
    use flate2::write::ZlibEncoder;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::default());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn inflate_round_trip_and_cap() {
        let data = b"hello hello hello hello".repeat(1000);
        assert_eq!(inflate(&zlib(&data), 1 << 20).ok().unwrap(), data);
        assert!(matches!(
            inflate(&zlib(&data), 100),
            Err(InflateError::TooLarge)
        ));
        let compressed = zlib(&data);
        for cut in [0, 1, 2, 5, compressed.len() / 2, compressed.len() - 1] {
            assert!(
                matches!(
                    inflate(&compressed[..cut], 1 << 20),
                    Err(InflateError::Corrupt)
                ),
                "cut at {cut}"
            );
        }
        assert!(matches!(
            inflate(b"not zlib at all", 1 << 20),
            Err(InflateError::Corrupt)
        ));
    }

    #[test]
    fn inflate_empty_text() {
        assert_eq!(inflate(&zlib(b""), 10).ok().unwrap(), b"");
        assert_eq!(
            inflate(&zlib(b"0123456789"), 10).ok().unwrap(),
            b"0123456789"
        );
        assert!(matches!(
            inflate(&zlib(b"0123456789a"), 10),
            Err(InflateError::TooLarge)
        ));
    }

    #[test]
    fn itxt_layout() {
        let chunk = itxt_chunk("openbadges", "x").unwrap();
        assert_eq!(&chunk[..4], &16u32.to_be_bytes());
        assert_eq!(&chunk[4..8], b"iTXt");
        assert_eq!(&chunk[8..24], b"openbadges\0\0\0\0\0x");
        assert_eq!(&chunk[24..], &crc32fast::hash(&chunk[4..24]).to_be_bytes());
    }

    #[test]
    fn split_nul_cases() {
        assert_eq!(split_nul(b"a\0b"), Some((&b"a"[..], &b"b"[..])));
        assert_eq!(split_nul(b"\0"), Some((&b""[..], &b""[..])));
        assert_eq!(split_nul(b"ab"), None);
    }
}
