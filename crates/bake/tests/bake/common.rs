//! Shared helpers: fixture files, a PNG builder, a tiny PRNG and sample texts.

use std::path::{Path, PathBuf};

use badgesmith_bake::Slot;

/// The PNG signature.
pub const SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

/// OB 3.0 JSON with non-ASCII text.
pub const JSON: &str = r#"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"],"name":"Ünïcödé ✓ 徽章 🎓","credentialSubject":{"achievement":{"name":"Tea & <cake> \"quoted\""}}}"#;

/// A compact JWS.
pub const JWS: &str =
    "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2V4YW1wbGUub3JnIn0.c2lnbmF0dXJlLWJ5dGVz";

/// A hosted assertion URL with characters that need escaping in XML.
pub const URL: &str = "https://example.org/assertions/1?a=1&b=<2>&c=\"3\"";

/// Every sample text with its name.
pub const TEXTS: [(&str, &str); 3] = [("json", JSON), ("jws", JWS), ("url", URL)];

/// Both slots.
pub const SLOTS: [Slot; 2] = [Slot::Credential, Slot::Assertion];

/// The directory of the copied public vectors.
pub fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/vectors")
}

/// Every `.png` and `.svg` under the vectors directory, sorted.
pub fn vector_images() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("png" | "svg")
            ) {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&vectors_dir(), &mut out);
    out.sort();
    out
}

/// A vector file's bytes, by its path relative to the vectors directory.
pub fn vector(relative: &str) -> Vec<u8> {
    std::fs::read(vectors_dir().join(relative)).unwrap()
}

/// The path relative to the vectors directory, for messages.
pub fn relative(path: &Path) -> String {
    path.strip_prefix(vectors_dir())
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

/// One PNG chunk: length, type, data and CRC.
pub fn chunk(chunk_type: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + 12);
    out.extend_from_slice(&u32::try_from(data.len()).unwrap().to_be_bytes());
    out.extend_from_slice(chunk_type);
    out.extend_from_slice(data);
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(chunk_type);
    hasher.update(data);
    out.extend_from_slice(&hasher.finalize().to_be_bytes());
    out
}

/// An IHDR chunk for an 8-bit RGBA image.
pub fn ihdr(width: u32, height: u32) -> Vec<u8> {
    let mut data = Vec::new();
    data.extend_from_slice(&width.to_be_bytes());
    data.extend_from_slice(&height.to_be_bytes());
    data.extend_from_slice(&[8, 6, 0, 0, 0]);
    chunk(b"IHDR", &data)
}

/// A PNG made of the signature, IHDR, the given chunks and IEND.
pub fn png_with(chunks: &[Vec<u8>]) -> Vec<u8> {
    let mut out = SIGNATURE.to_vec();
    out.extend(ihdr(16, 16));
    for c in chunks {
        out.extend_from_slice(c);
    }
    out.extend(chunk(b"IEND", b""));
    out
}

/// A small PNG with a few ordinary chunks and no badge.
pub fn plain_png() -> Vec<u8> {
    png_with(&[
        chunk(b"gAMA", &45455u32.to_be_bytes()),
        chunk(b"tEXt", b"Software\0hand made"),
        chunk(b"IDAT", &[0x78, 0x9c, 1, 2, 3, 4, 5]),
        chunk(b"IDAT", &[6, 7, 8, 9]),
    ])
}

/// zlib-compresses `data`.
pub fn zlib(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(data).unwrap();
    encoder.finish().unwrap()
}

/// A chunk as the test sees it: type and raw bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawChunk {
    pub chunk_type: [u8; 4],
    pub data: Vec<u8>,
    pub raw: Vec<u8>,
}

/// Splits a well-formed PNG into its chunks (test-side, trusting the input).
pub fn split_chunks(png: &[u8]) -> Vec<RawChunk> {
    assert_eq!(&png[..8], &SIGNATURE);
    let mut pos = 8;
    let mut out = Vec::new();
    while pos < png.len() {
        let length = u32::from_be_bytes(png[pos..pos + 4].try_into().unwrap()) as usize;
        let chunk_type: [u8; 4] = png[pos + 4..pos + 8].try_into().unwrap();
        out.push(RawChunk {
            chunk_type,
            data: png[pos + 8..pos + 8 + length].to_vec(),
            raw: png[pos..pos + 12 + length].to_vec(),
        });
        pos += 12 + length;
        if &chunk_type == b"IEND" {
            break;
        }
    }
    out
}

/// Whether a chunk is a text chunk with a badge keyword.
pub fn is_badge_chunk(c: &RawChunk) -> bool {
    matches!(&c.chunk_type, b"tEXt" | b"zTXt" | b"iTXt")
        && (c.data.starts_with(b"openbadges\0") || c.data.starts_with(b"openbadgecredential\0"))
}

/// The chunks that are not badge chunks.
pub fn non_badge_chunks(png: &[u8]) -> Vec<RawChunk> {
    split_chunks(png)
        .into_iter()
        .filter(|c| !is_badge_chunk(c))
        .collect()
}

/// A small deterministic PRNG (xorshift64*).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..bound` (`bound` > 0).
    pub fn below(&mut self, bound: usize) -> usize {
        (self.next_u64() % bound as u64) as usize
    }

    pub fn fill(&mut self, buf: &mut [u8]) {
        for chunk in buf.chunks_mut(8) {
            let bytes = self.next_u64().to_le_bytes();
            chunk.copy_from_slice(&bytes[..chunk.len()]);
        }
    }
}

/// A valid PNG of about `size` bytes: IHDR, IDAT chunks of pseudo-random bytes
/// (they need not decode to pixels) and IEND.
pub fn big_png(size: usize) -> Vec<u8> {
    let mut rng = Rng::new(0x5eed);
    let mut out = SIGNATURE.to_vec();
    out.extend(ihdr(4096, 1280));
    let mut data = vec![0u8; 64 * 1024];
    while out.len() < size {
        rng.fill(&mut data);
        out.extend(chunk(b"IDAT", &data));
    }
    out.extend(chunk(b"IEND", b""));
    out
}
