//! The user's own images: checked, cleaned and made ready to embed.
//!
//! A PNG or JPEG is measured from its header before anything decodes it, and
//! one larger than [`MAX_EMBED_SIDE`] is scaled down; an SVG is parsed with
//! limits and rebuilt from an allow-list, so scripts, `foreignObject`, external
//! references and event handlers never reach the renderer.

use base64::Engine as _;

use crate::Error;

/// The largest image file taken, in bytes.
pub const MAX_IMAGE_BYTES: usize = 20 * 1024 * 1024;
/// The largest raster side taken at all, in pixels.
pub const MAX_RASTER_SIDE: u32 = 16_384;
/// The most pixels a raster may have (a guard against decompression bombs).
pub const MAX_RASTER_PIXELS: u64 = 50_000_000;
/// Rasters wider or taller than this are scaled down before they are embedded.
pub const MAX_EMBED_SIDE: u32 = 2048;
/// The largest SVG taken, in bytes.
pub const MAX_SVG_BYTES: usize = 2 * 1024 * 1024;
/// The most elements an SVG may have.
pub const MAX_SVG_ELEMENTS: usize = 20_000;
/// The deepest element nesting an SVG may have.
pub const MAX_SVG_DEPTH: usize = 48;

/// An image ready to go into an image layer.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedImage {
    /// The `data:` URI to put in [`crate::ImageLayer::data`].
    pub data_uri: String,
    /// Width in pixels (SVG: its width in user units, rounded).
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// What was changed, as one sentence, when something was.
    pub notice: Option<String>,
}

/// The kinds of image taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Png,
    Jpeg,
    Svg,
}

impl Kind {
    fn mime(self) -> &'static str {
        match self {
            Kind::Png => "image/png",
            Kind::Jpeg => "image/jpeg",
            Kind::Svg => "image/svg+xml",
        }
    }
}

fn sniff(bytes: &[u8]) -> Option<Kind> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(Kind::Png);
    }
    if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        return Some(Kind::Jpeg);
    }
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or(bytes);
    let text = String::from_utf8_lossy(head);
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('<') && text.contains("<svg") {
        return Some(Kind::Svg);
    }
    None
}

/// Checks, cleans and, when needed, scales down a user's image. `name` is
/// used in messages (usually the file name).
pub fn prepare_image(name: &str, bytes: &[u8]) -> Result<PreparedImage, Error> {
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(Error::Image(format!(
            "{name} is {} MiB; images may be up to {} MiB",
            bytes.len() / (1024 * 1024),
            MAX_IMAGE_BYTES / (1024 * 1024)
        )));
    }
    let kind = sniff(bytes)
        .ok_or_else(|| Error::Image(format!("{name} is not a PNG, JPEG or SVG image")))?;
    match kind {
        Kind::Svg => {
            let clean = sanitize_svg(name, bytes)?;
            Ok(PreparedImage {
                data_uri: data_uri(Kind::Svg, clean.svg.as_bytes()),
                width: clean.width,
                height: clean.height,
                notice: clean.notice,
            })
        }
        Kind::Png | Kind::Jpeg => {
            let (w, h) = raster_size(name, kind, bytes)?;
            if w <= MAX_EMBED_SIDE && h <= MAX_EMBED_SIDE {
                return Ok(PreparedImage {
                    data_uri: data_uri(kind, bytes),
                    width: w,
                    height: h,
                    notice: None,
                });
            }
            let scale = MAX_EMBED_SIDE as f32 / w.max(h) as f32;
            let nw = ((w as f32 * scale).round() as u32).max(1);
            let nh = ((h as f32 * scale).round() as u32).max(1);
            let png = crate::render::scale_raster(&data_uri(kind, bytes), nw, nh)?;
            Ok(PreparedImage {
                data_uri: data_uri(Kind::Png, &png),
                width: nw,
                height: nh,
                notice: Some(format!(
                    "{name} was {w} × {h} px and was scaled down to {nw} × {nh} px"
                )),
            })
        }
    }
}

/// A small PNG of a PNG, JPEG or SVG image, at most `side` pixels on its
/// longer side, with the same checks and cleaning as [`prepare_image`]: for
/// the thumbnails of badges in the wallet. `name` is used in messages.
pub fn thumbnail_png(name: &str, bytes: &[u8], side: u32) -> Result<Vec<u8>, Error> {
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(Error::Image(format!(
            "{name} is {} MiB; images may be up to {} MiB",
            bytes.len() / (1024 * 1024),
            MAX_IMAGE_BYTES / (1024 * 1024)
        )));
    }
    let kind = sniff(bytes)
        .ok_or_else(|| Error::Image(format!("{name} is not a PNG, JPEG or SVG image")))?;
    let (uri, w, h) = match kind {
        Kind::Svg => {
            let clean = sanitize_svg(name, bytes)?;
            let uri = data_uri(Kind::Svg, clean.svg.as_bytes());
            (uri, clean.width.max(1), clean.height.max(1))
        }
        Kind::Png => {
            raster_size(name, kind, bytes)?;
            return png_thumbnail(name, bytes, side.clamp(1, MAX_EMBED_SIDE));
        }
        Kind::Jpeg => {
            let (w, h) = raster_size(name, kind, bytes)?;
            (data_uri(kind, bytes), w, h)
        }
    };
    let side = side.clamp(1, MAX_EMBED_SIDE);
    let scale = side as f32 / w.max(h) as f32;
    let nw = ((w as f32 * scale).round() as u32).clamp(1, side);
    let nh = ((h as f32 * scale).round() as u32).clamp(1, side);
    crate::render::scale_raster(&uri, nw, nh)
}

/// A PNG's thumbnail without the renderer: decoded to 8-bit RGBA, shrunk by
/// averaging each output pixel's area (colours weighted by alpha, so
/// transparent edges do not darken), and encoded quickly. Several times
/// faster than drawing the image, which matters when a wallet imports
/// thousands of badges.
fn png_thumbnail(name: &str, bytes: &[u8], side: u32) -> Result<Vec<u8>, Error> {
    let unreadable =
        |e: png::DecodingError| Error::Image(format!("{name} is not a readable PNG ({e})"));
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(unreadable)?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| Error::Image(format!("{name} is too large to decode")))?;
    let mut buf = vec![0u8; size];
    let frame = reader.next_frame(&mut buf).map_err(unreadable)?;
    let (w, h) = (frame.width as usize, frame.height as usize);
    let channels = frame.color_type.samples();
    let pixels = buf.get(..frame.buffer_size()).unwrap_or(&buf);
    let scale = (side as f64 / w.max(h) as f64).min(1.0);
    let nw = ((w as f64 * scale).round() as usize).clamp(1, side as usize);
    let nh = ((h as f64 * scale).round() as usize).clamp(1, side as usize);
    let spans = |n: usize, of: usize| -> Vec<(usize, usize)> {
        (0..n)
            .map(|o| {
                let start = o * of / n;
                (start, ((o + 1) * of / n).max(start + 1).min(of))
            })
            .collect()
    };
    let (columns, rows) = (spans(nw, w), spans(nh, h));
    let stride = w * channels;
    let mut out = Vec::with_capacity(nw * nh * 4);
    // Per output column: alpha-weighted red, green, blue, then alpha and count.
    let mut sums = vec![[0u64; 5]; nw];
    for &(y0, y1) in &rows {
        sums.iter_mut().for_each(|s| *s = [0; 5]);
        for y in y0..y1 {
            let row = pixels.get(y * stride..(y + 1) * stride).unwrap_or(&[]);
            for (sum, &(x0, x1)) in sums.iter_mut().zip(&columns) {
                let span = row.get(x0 * channels..x1 * channels).unwrap_or(&[]);
                let (mut r, mut g, mut b, mut alpha) = (0u32, 0u32, 0u32, 0u32);
                if channels == 4 {
                    for p in span.chunks_exact(4) {
                        if let [pr, pg, pb, pa] = *p {
                            let pa = u32::from(pa);
                            r += u32::from(pr) * pa;
                            g += u32::from(pg) * pa;
                            b += u32::from(pb) * pa;
                            alpha += pa;
                        }
                    }
                } else {
                    for p in span.chunks_exact(channels) {
                        let [pr, pg, pb, pa] = match *p {
                            [v] => [v, v, v, 255],
                            [v, a] => [v, v, v, a],
                            [r, g, b] => [r, g, b, 255],
                            _ => [0; 4],
                        };
                        let pa = u32::from(pa);
                        r += u32::from(pr) * pa;
                        g += u32::from(pg) * pa;
                        b += u32::from(pb) * pa;
                        alpha += pa;
                    }
                }
                // One source row of one output pixel: at most 16,384 pixels
                // of 255 × 255, which fits in 32 bits.
                sum[0] += u64::from(r);
                sum[1] += u64::from(g);
                sum[2] += u64::from(b);
                sum[3] += u64::from(alpha);
                sum[4] += (span.len() / channels) as u64;
            }
        }
        for sum in &sums {
            let [r, g, b, a, n] = *sum;
            let channel = |c: u64| (c + a / 2).checked_div(a).map_or(0, |v| v.min(255) as u8);
            out.extend_from_slice(&[
                channel(r),
                channel(g),
                channel(b),
                ((a + n / 2) / n.max(1)).min(255) as u8,
            ]);
        }
    }
    let mut png_bytes = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut png_bytes, nw as u32, nh as u32);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Fast);
        let mut writer = enc
            .write_header()
            .map_err(|e| Error::Render(format!("PNG header: {e}")))?;
        writer
            .write_image_data(&out)
            .map_err(|e| Error::Render(format!("PNG data: {e}")))?;
    }
    Ok(png_bytes)
}

fn data_uri(kind: Kind, bytes: &[u8]) -> String {
    format!(
        "data:{};base64,{}",
        kind.mime(),
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// Checks an image layer's data URI as read from a design file.
pub(crate) fn check_data_uri(path: &str, uri: &str) -> Result<(), Error> {
    decode_data_uri(path, uri).map(|_| ())
}

/// The image bytes to draw for a data URI: rasters as they are, SVG cleaned.
pub(crate) fn decode_data_uri(path: &str, uri: &str) -> Result<(&'static str, Vec<u8>), Error> {
    if uri.len() > crate::validate::MAX_IMAGE_URI_BYTES {
        return Err(Error::field(path, "the image is too large to embed"));
    }
    let (mime, b64) = uri
        .strip_prefix("data:")
        .and_then(|rest| rest.split_once(";base64,"))
        .ok_or_else(|| Error::field(path, "must be a base64 data: URI"))?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(b64)
        .map_err(|_| Error::field(path, "the image's base64 text is damaged"))?;
    let kind =
        sniff(&bytes).ok_or_else(|| Error::field(path, "is not a PNG, JPEG or SVG image"))?;
    if kind.mime() != mime {
        return Err(Error::field(
            path,
            format!("says {mime} but holds {}", kind.mime()),
        ));
    }
    match kind {
        Kind::Svg => {
            let clean =
                sanitize_svg("the image", &bytes).map_err(|e| Error::field(path, e.to_string()))?;
            Ok((kind.mime(), clean.svg.into_bytes()))
        }
        Kind::Png | Kind::Jpeg => {
            raster_size("the image", kind, &bytes)
                .map_err(|e| Error::field(path, e.to_string()))?;
            Ok((kind.mime(), bytes))
        }
    }
}

/// Width and height from a PNG or JPEG header, refused when too large.
fn raster_size(name: &str, kind: Kind, bytes: &[u8]) -> Result<(u32, u32), Error> {
    let size = match kind {
        Kind::Png => {
            let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
            let reader = decoder
                .read_info()
                .map_err(|e| Error::Image(format!("{name} is not a readable PNG ({e})")))?;
            let info = reader.info();
            (info.width, info.height)
        }
        Kind::Jpeg => jpeg_size(bytes).ok_or_else(|| {
            Error::Image(format!("{name} is not a readable JPEG (no frame header)"))
        })?,
        Kind::Svg => return Ok((0, 0)),
    };
    let (w, h) = size;
    if w == 0 || h == 0 {
        return Err(Error::Image(format!("{name} has no pixels")));
    }
    if w > MAX_RASTER_SIDE || h > MAX_RASTER_SIDE || u64::from(w) * u64::from(h) > MAX_RASTER_PIXELS
    {
        return Err(Error::Image(format!(
            "{name} is {w} × {h} px; images may be up to {MAX_RASTER_SIDE} px on a side and {} megapixels",
            MAX_RASTER_PIXELS / 1_000_000
        )));
    }
    Ok(size)
}

/// Reads a JPEG's frame size from its SOFn marker.
fn jpeg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut i = 2usize;
    loop {
        // Skip fill bytes, then read the marker.
        while *bytes.get(i)? == 0xff && *bytes.get(i + 1)? == 0xff {
            i += 1;
        }
        if *bytes.get(i)? != 0xff {
            return None;
        }
        let marker = *bytes.get(i + 1)?;
        let len = usize::from(u16::from_be_bytes([*bytes.get(i + 2)?, *bytes.get(i + 3)?]));
        let is_sof = matches!(marker, 0xc0..=0xcf) && !matches!(marker, 0xc4 | 0xc8 | 0xcc);
        if is_sof {
            let h = u16::from_be_bytes([*bytes.get(i + 5)?, *bytes.get(i + 6)?]);
            let w = u16::from_be_bytes([*bytes.get(i + 7)?, *bytes.get(i + 8)?]);
            return Some((u32::from(w), u32::from(h)));
        }
        if marker == 0xd9 || marker == 0xda {
            return None;
        }
        i = i.checked_add(2)?.checked_add(len)?;
    }
}

/// A cleaned SVG.
#[derive(Debug)]
pub(crate) struct CleanSvg {
    pub(crate) svg: String,
    pub(crate) width: u32,
    pub(crate) height: u32,
    pub(crate) notice: Option<String>,
}

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const XLINK_NS: &str = "http://www.w3.org/1999/xlink";

/// Elements kept; everything else (script, foreignObject, filters, animation,
/// other namespaces' metadata) is dropped with its children.
const ELEMENTS: &[&str] = &[
    "svg",
    "g",
    "defs",
    "symbol",
    "use",
    "title",
    "desc",
    "path",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "text",
    "tspan",
    "textPath",
    "linearGradient",
    "radialGradient",
    "stop",
    "clipPath",
    "mask",
    "pattern",
    "image",
    "style",
];

/// The text without its `<!DOCTYPE …>` when the declaration only names the
/// SVG 1.1 DTD (as drawing programs write it) and declares nothing itself:
/// such a line changes nothing, and the DTD is never fetched. `None` when
/// there is no such line; a DOCTYPE with an internal subset (`[…]`, where
/// entities live) is left for the parser to refuse.
fn without_external_doctype(text: &str) -> Option<String> {
    let start = text.find("<!DOCTYPE")?;
    let len = text.get(start..)?.find('>')?;
    let declaration = text.get(start..start + len)?;
    if declaration.contains('[') {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    out.push_str(text.get(..start)?);
    out.push_str(text.get(start + len + 1..)?);
    Some(out)
}

/// Parses a user's SVG with limits and rebuilds it from an allow-list.
pub(crate) fn sanitize_svg(name: &str, bytes: &[u8]) -> Result<CleanSvg, Error> {
    if bytes.len() > MAX_SVG_BYTES {
        return Err(Error::Image(format!(
            "{name} is {} KiB; SVG images may be up to {} MiB",
            bytes.len() / 1024,
            MAX_SVG_BYTES / (1024 * 1024)
        )));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| Error::Image(format!("{name} is not UTF-8 text, so not a readable SVG")))?;
    let without_doctype = without_external_doctype(text);
    let text = without_doctype.as_deref().unwrap_or(text);
    let opts = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: u32::try_from(MAX_SVG_ELEMENTS * 4).unwrap_or(u32::MAX),
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, opts).map_err(|e| {
        let what = match e {
            roxmltree::Error::DtdDetected => {
                "it declares a DTD, which Badgesmith does not read".to_owned()
            }
            roxmltree::Error::NodesLimitReached => {
                format!("it has more than {MAX_SVG_ELEMENTS} elements")
            }
            other => format!("it is not well-formed XML ({other})"),
        };
        Error::Image(format!("{name} cannot be used: {what}"))
    })?;
    let root = doc.root_element();
    if root.tag_name().name() != "svg" || root.tag_name().namespace() != Some(SVG_NS) {
        return Err(Error::Image(format!("{name} is XML but not an SVG image")));
    }
    let mut out = Cleaner {
        out: String::with_capacity(text.len()),
        removed_elements: std::collections::BTreeMap::new(),
        removed_refs: 0,
        removed_handlers: 0,
        elements: 0,
    };
    out.element(root, 0)
        .map_err(|problem| Error::Image(format!("{name} cannot be used: {problem}")))?;
    let (width, height) = svg_size(root);
    let mut removed: Vec<String> = out
        .removed_elements
        .iter()
        .map(|(el, n)| format!("{n} {el} element{}", if *n == 1 { "" } else { "s" }))
        .collect();
    if out.removed_refs > 0 {
        removed.push(format!(
            "{} external reference{}",
            out.removed_refs,
            if out.removed_refs == 1 { "" } else { "s" }
        ));
    }
    if out.removed_handlers > 0 {
        removed.push(format!(
            "{} event handler{}",
            out.removed_handlers,
            if out.removed_handlers == 1 { "" } else { "s" }
        ));
    }
    let notice = (!removed.is_empty()).then(|| format!("{name}: removed {}", removed.join(", ")));
    Ok(CleanSvg {
        svg: out.out,
        width,
        height,
        notice,
    })
}

fn svg_size(root: roxmltree::Node<'_, '_>) -> (u32, u32) {
    let parse = |v: Option<&str>| -> Option<f32> {
        let v = v?.trim().trim_end_matches("px");
        v.parse::<f32>().ok().filter(|v| v.is_finite() && *v > 0.0)
    };
    let vb: Vec<f32> = root
        .attribute("viewBox")
        .map(|v| {
            v.split(|c: char| c.is_whitespace() || c == ',')
                .filter_map(|p| p.parse().ok())
                .collect()
        })
        .unwrap_or_default();
    let w = parse(root.attribute("width"))
        .or_else(|| vb.get(2).copied())
        .unwrap_or(100.0);
    let h = parse(root.attribute("height"))
        .or_else(|| vb.get(3).copied())
        .unwrap_or(100.0);
    (
        w.round().clamp(1.0, 100_000.0) as u32,
        h.round().clamp(1.0, 100_000.0) as u32,
    )
}

struct Cleaner {
    out: String,
    removed_elements: std::collections::BTreeMap<String, usize>,
    removed_refs: usize,
    removed_handlers: usize,
    elements: usize,
}

impl Cleaner {
    fn element(&mut self, node: roxmltree::Node<'_, '_>, depth: usize) -> Result<(), String> {
        if depth > MAX_SVG_DEPTH {
            return Err(format!("its elements nest more than {MAX_SVG_DEPTH} deep"));
        }
        self.elements += 1;
        if self.elements > MAX_SVG_ELEMENTS {
            return Err(format!("it has more than {MAX_SVG_ELEMENTS} elements"));
        }
        let tag = node.tag_name();
        let name = tag.name();
        if tag.namespace() != Some(SVG_NS) || !ELEMENTS.contains(&name) {
            if tag.namespace() == Some(SVG_NS) || name == "script" {
                *self.removed_elements.entry(name.to_owned()).or_default() += 1;
            }
            return Ok(());
        }
        let is_image = name == "image";
        let mut attrs = String::new();
        let mut has_href = false;
        for a in node.attributes() {
            let (ns, local, value) = (a.namespace(), a.name(), a.value());
            let key = match ns {
                None => local.to_owned(),
                Some(XLINK_NS) if local == "href" => "xlink:href".to_owned(),
                Some("http://www.w3.org/XML/1998/namespace") if local == "space" => {
                    "xml:space".to_owned()
                }
                Some(_) => continue,
            };
            if local.to_ascii_lowercase().starts_with("on") {
                self.removed_handlers += 1;
                continue;
            }
            if local == "href" {
                let ok = value.starts_with('#')
                    || (is_image
                        && (value.starts_with("data:image/png;")
                            || value.starts_with("data:image/jpeg;")));
                if !ok {
                    self.removed_refs += 1;
                    continue;
                }
                has_href = true;
            }
            if local == "filter" {
                // Filters are dropped with their elements; so are references to them.
                continue;
            }
            if has_external_url(value) {
                self.removed_refs += 1;
                continue;
            }
            attrs.push(' ');
            attrs.push_str(&key);
            attrs.push_str("=\"");
            attrs.push_str(&crate::svg::escape(value));
            attrs.push('"');
        }
        if is_image && !has_href {
            return Ok(());
        }
        if depth == 0 {
            attrs.push_str(&format!(r#" xmlns="{SVG_NS}" xmlns:xlink="{XLINK_NS}""#));
        }
        if name == "style" {
            let css: String = node.children().filter_map(|c| c.text()).collect();
            if css.contains("@import") || has_external_url(&css) {
                self.removed_refs += 1;
                return Ok(());
            }
            self.out.push_str(&format!(
                "<style{attrs}>{}</style>",
                crate::svg::escape(&css)
            ));
            return Ok(());
        }
        self.out.push('<');
        self.out.push_str(name);
        self.out.push_str(&attrs);
        self.out.push('>');
        for child in node.children() {
            if child.is_element() {
                self.element(child, depth + 1)?;
            } else if let Some(t) = child.text()
                && matches!(name, "text" | "tspan" | "textPath" | "title" | "desc")
            {
                self.out.push_str(&crate::svg::escape(t));
            }
        }
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
        Ok(())
    }
}

/// True when a value refers to something outside the document via `url(…)`.
fn has_external_url(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    let mut rest = lower.as_str();
    while let Some(i) = rest.find("url(") {
        let after = rest.get(i + 4..).unwrap_or("");
        let target = after.trim_start().trim_start_matches(['\'', '"']);
        if !target.starts_with('#') {
            return true;
        }
        rest = after;
    }
    false
}
