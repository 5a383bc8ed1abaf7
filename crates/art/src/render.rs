//! Drawing: SVG text → usvg tree (bundled fonts only) → pixels → PNG bytes.

use resvg::tiny_skia;
use resvg::usvg;

use crate::Error;
use crate::model::{BadgeDesign, CANVAS, Layer, Shadow};
use crate::svg::{SvgOptions, design_svg};

/// The smallest PNG rendered, in pixels.
pub const MIN_SIZE: u32 = 64;
/// The largest PNG rendered, in pixels.
pub const MAX_SIZE: u32 = 4096;

/// How a PNG is made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// When the design has drop shadows, draw at half resolution and scale up
    /// (a quick preview while dragging); the result is still `size` pixels.
    pub draft_shadows: bool,
}

fn usvg_options() -> usvg::Options<'static> {
    let mut opt = usvg::Options {
        font_family: "Inter".into(),
        fontdb: crate::fonts::database(),
        ..usvg::Options::default()
    };
    // Images come only as data: URIs; a plain href never reads a file.
    opt.image_href_resolver.resolve_string = Box::new(|_, _| None);
    opt
}

fn check_size(size: u32) -> Result<(), Error> {
    if !(MIN_SIZE..=MAX_SIZE).contains(&size) {
        return Err(Error::Size {
            size,
            min: MIN_SIZE,
            max: MAX_SIZE,
        });
    }
    Ok(())
}

fn tree(svg: &str) -> Result<usvg::Tree, Error> {
    usvg::Tree::from_str(svg, &usvg_options()).map_err(|e| Error::Render(e.to_string()))
}

/// Draws a design into a square pixmap `size` pixels wide, on transparency.
///
/// Drop shadows are not drawn by the SVG filter (whose blur at full
/// resolution costs ten times the rest of a badge): each shadowed layer's
/// silhouette is drawn small, blurred with a three-pass box blur, tinted and
/// scaled up under the layer. Exported SVG keeps `feDropShadow`, which looks
/// the same.
pub fn render_pixmap(
    design: &BadgeDesign,
    size: u32,
    opts: RenderOptions,
) -> Result<tiny_skia::Pixmap, Error> {
    check_size(size)?;
    let mut pixmap = tiny_skia::Pixmap::new(size, size)
        .ok_or_else(|| Error::Render(format!("no memory for a {size} px image")))?;
    // The SVG's width and height are `size`, so usvg already maps the canvas
    // onto the pixmap: render with the identity transform.
    let plain = SvgOptions {
        skip_shadows: true,
        ..SvgOptions::default()
    };
    // Runs of layers without shadow are drawn as one SVG; a shadowed layer
    // gets its shadow first, then itself.
    let mut run: Vec<Layer> = Vec::new();
    let draw = |layers: &[Layer], pixmap: &mut tiny_skia::Pixmap| -> Result<(), Error> {
        if layers.is_empty() {
            return Ok(());
        }
        let part = BadgeDesign {
            layers: layers.to_vec(),
            ..design.clone()
        };
        let t = tree(&design_svg(&part, size, plain))?;
        resvg::render(&t, tiny_skia::Transform::identity(), &mut pixmap.as_mut());
        Ok(())
    };
    for layer in design.layers.iter().filter(|l| !l.hidden) {
        match &layer.shadow {
            Some(shadow) => {
                draw(&run, &mut pixmap)?;
                run.clear();
                let mut alone = layer.clone();
                alone.shadow = None;
                draw_shadow(design, &alone, shadow, size, opts, &mut pixmap)?;
                draw(std::slice::from_ref(&alone), &mut pixmap)?;
            }
            None => run.push(layer.clone()),
        }
    }
    draw(&run, &mut pixmap)?;
    Ok(pixmap)
}

/// Draws `layer`'s drop shadow onto `pixmap`.
fn draw_shadow(
    design: &BadgeDesign,
    layer: &Layer,
    shadow: &Shadow,
    size: u32,
    opts: RenderOptions,
    pixmap: &mut tiny_skia::Pixmap,
) -> Result<(), Error> {
    let k = size as f32 / CANVAS;
    // The blur's standard deviation in output pixels (SVG's stdDeviation is
    // half the blur radius, as in `design_svg`).
    let sigma = shadow.blur / 2.0 * k;
    // Draw the silhouette at a fraction of the size that keeps sigma >= 1.5 px
    // there: the blur hides the lower resolution.
    let mut div = 1u32;
    while div < 8 && sigma / (2 * div) as f32 >= 1.5 {
        div *= 2;
    }
    if opts.draft_shadows {
        div = (div * 2).min(8);
    }
    let small = size.div_ceil(div).max(1);
    let part = BadgeDesign {
        layers: vec![layer.clone()],
        ..design.clone()
    };
    let t = tree(&design_svg(
        &part,
        small,
        SvgOptions {
            skip_shadows: true,
            ..SvgOptions::default()
        },
    ))?;
    let mut silhouette = tiny_skia::Pixmap::new(small, small)
        .ok_or_else(|| Error::Render(format!("no memory for a {small} px image")))?;
    resvg::render(
        &t,
        tiny_skia::Transform::identity(),
        &mut silhouette.as_mut(),
    );
    let mut alpha: Vec<u8> = silhouette.pixels().iter().map(|p| p.alpha()).collect();
    blur::gaussian(
        &mut alpha,
        small as usize,
        small as usize,
        sigma / div as f32,
    );
    let [r, g, b, a] = shadow.color.rgba().unwrap_or([0, 0, 0, 128]);
    composite_shadow(
        pixmap,
        &alpha,
        small as usize,
        [r, g, b, a],
        shadow.dx * k,
        shadow.dy * k,
    );
    Ok(())
}

/// Draws a uniform colour through `alpha` (a `small` × `small` mask covering
/// the canvas), scaled up bilinearly and moved by (dx, dy) output pixels,
/// under-the-layer style ("source over" onto what is already drawn).
fn composite_shadow(
    pixmap: &mut tiny_skia::Pixmap,
    alpha: &[u8],
    small: usize,
    [r, g, b, a]: [u8; 4],
    dx: f32,
    dy: f32,
) {
    let size = pixmap.width() as usize;
    if small == 0 || size == 0 || alpha.len() != small * small {
        return;
    }
    // Only the rows and columns where the mask has ink.
    let (mut min_x, mut min_y, mut max_x, mut max_y) = (small, small, 0usize, 0usize);
    for (i, v) in alpha.iter().enumerate() {
        if *v != 0 {
            let (x, y) = (i % small, i / small);
            min_x = min_x.min(x);
            max_x = max_x.max(x);
            min_y = min_y.min(y);
            max_y = max_y.max(y);
        }
    }
    if min_x > max_x {
        return;
    }
    let scale = size as f32 / small as f32;
    let to_out = |v: usize, d: f32| ((v as f32 * scale + d).floor().max(0.0) as usize).min(size);
    let (x0, x1) = (to_out(min_x.saturating_sub(1), dx), to_out(max_x + 2, dx));
    let (y0, y1) = (to_out(min_y.saturating_sub(1), dy), to_out(max_y + 2, dy));
    // A copy of the mask with a one-pixel transparent border, so that
    // bilinear sampling never needs a bounds check.
    let padded_w = small + 2;
    let mut padded = vec![0u16; padded_w * (small + 2)];
    for (y, row) in alpha.chunks_exact(small).enumerate() {
        let start = (y + 1) * padded_w + 1;
        if let Some(dst) = padded.get_mut(start..start + small) {
            for (d, s) in dst.iter_mut().zip(row) {
                *d = u16::from(*s);
            }
        }
    }
    // Where each output column and row falls in the padded mask: the cell and
    // the weight (0–256) of its right/lower neighbour.
    let position = |o: usize, d: f32| -> (usize, u32) {
        let f = (((o as f32 + 0.5 - d) / scale - 0.5 + 1.0) * 256.0).round() as i64;
        let cell = f.div_euclid(256).clamp(0, small as i64) as usize;
        let w = if f < 0 || cell >= small {
            0
        } else {
            f.rem_euclid(256) as u32
        };
        (cell, w)
    };
    let columns: Vec<(usize, u32)> = (x0..x1).map(|ox| position(ox, dx)).collect();
    let at = |x: usize, y: usize| u32::from(padded.get(y * padded_w + x).copied().unwrap_or(0));
    let (cr, cg, cb) = (u32::from(r), u32::from(g), u32::from(b));
    let pixels = pixmap.pixels_mut();
    for oy in y0..y1 {
        let (sy, wy) = position(oy, dy);
        for (ox, &(sx, wx)) in (x0..x1).zip(&columns) {
            let top = at(sx, sy) * (256 - wx) + at(sx + 1, sy) * wx;
            let bottom = at(sx, sy + 1) * (256 - wx) + at(sx + 1, sy + 1) * wx;
            let m = (top * (256 - wy) + bottom * wy + (1 << 15)) >> 16; // 0..=255
            if m == 0 {
                continue;
            }
            let sa = (m * u32::from(a) + 127) / 255;
            let Some(p) = pixels.get_mut(oy * size + ox) else {
                continue;
            };
            let inv = 255 - sa;
            let mix = |c: u32, d: u8| ((c * sa + u32::from(d) * inv + 127) / 255).min(255);
            let out_a = mix(255, p.alpha());
            let channel = |c: u32, d: u8| u8::try_from(mix(c, d).min(out_a)).unwrap_or(255);
            if let Some(v) = tiny_skia::PremultipliedColorU8::from_rgba(
                channel(cr, p.red()),
                channel(cg, p.green()),
                channel(cb, p.blue()),
                u8::try_from(out_a).unwrap_or(255),
            ) {
                *p = v;
            }
        }
    }
}

mod blur {
    //! A Gaussian blur of one 8-bit channel, approximated by three box blurs.

    /// Box widths whose three passes approximate a Gaussian of `sigma`.
    fn boxes(sigma: f32) -> [usize; 3] {
        let ideal = (12.0 * sigma * sigma / 3.0 + 1.0).sqrt();
        let mut lower = ideal.floor() as usize;
        if lower.is_multiple_of(2) {
            lower = lower.saturating_sub(1);
        }
        let lower = lower.max(1);
        let upper = lower + 2;
        let lf = lower as f32;
        let m =
            ((12.0 * sigma * sigma - 3.0 * lf * lf - 12.0 * lf - 9.0) / (-4.0 * lf - 4.0)).round();
        let m = m.clamp(0.0, 3.0) as usize;
        [0, 1, 2].map(|i| if i < m { lower } else { upper })
    }

    /// Blurs `data` (`w` × `h`, one byte per pixel) in place.
    pub(super) fn gaussian(data: &mut [u8], w: usize, h: usize, sigma: f32) {
        if sigma < 0.3 || w == 0 || h == 0 || data.len() != w * h {
            return;
        }
        let mut tmp = vec![0u8; data.len()];
        for width in boxes(sigma) {
            let r = width / 2;
            pass(data, &mut tmp, w, h, r, true);
            pass(&tmp, data, w, h, r, false);
        }
    }

    /// One box blur of radius `r` along rows (or columns), `src` into `dst`;
    /// pixels outside are transparent.
    fn pass(src: &[u8], dst: &mut [u8], w: usize, h: usize, r: usize, rows: bool) {
        let (lines, len) = if rows { (h, w) } else { (w, h) };
        let at = |line: usize, i: usize| if rows { line * w + i } else { i * w + line };
        let div = (2 * r + 1) as u32;
        for line in 0..lines {
            let mut sum: u32 = 0;
            for i in 0..r.min(len) {
                sum += u32::from(src.get(at(line, i)).copied().unwrap_or(0));
            }
            for i in 0..len {
                if i + r < len {
                    sum += u32::from(src.get(at(line, i + r)).copied().unwrap_or(0));
                }
                if let Some(d) = dst.get_mut(at(line, i)) {
                    *d = u8::try_from((sum + div / 2) / div).unwrap_or(255);
                }
                if i >= r {
                    sum -= u32::from(src.get(at(line, i - r)).copied().unwrap_or(0));
                }
            }
        }
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn a_blur_keeps_the_total_and_spreads_it() {
            let (w, h) = (41, 41);
            let mut data = vec![0u8; w * h];
            for y in 15..26 {
                for x in 15..26 {
                    data[y * w + x] = 255;
                }
            }
            let before: u32 = data.iter().map(|v| u32::from(*v)).sum();
            super::gaussian(&mut data, w, h, 3.0);
            let after: u32 = data.iter().map(|v| u32::from(*v)).sum();
            assert!(
                (before as f32 - after as f32).abs() / (before as f32) < 0.02,
                "{before} vs {after}"
            );
            assert!(data[20 * w + 12] > 0, "spreads outwards");
            assert!(data[20 * w + 20] > 200, "the middle stays dark");
            assert_eq!(data[0], 0);
        }
    }
}

/// Renders a design to PNG bytes, `size` × `size` pixels (64 to 4096), with a
/// transparent background. The same design and size give the same bytes.
pub fn render_png(design: &BadgeDesign, size: u32) -> Result<Vec<u8>, Error> {
    render_png_with(design, size, RenderOptions::default())
}

/// [`render_png`] with options (draft shadows for a live preview).
pub fn render_png_with(
    design: &BadgeDesign,
    size: u32,
    opts: RenderOptions,
) -> Result<Vec<u8>, Error> {
    let pixmap = render_pixmap(design, size, opts)?;
    encode_png(&pixmap)
}

/// Like [`render_png`], compressed harder: slower to encode (tens of
/// milliseconds at 512 px), smaller to store and send. For images encoded once
/// and copied many times, such as the image every badge of a batch is baked
/// into.
pub fn render_png_compact(design: &BadgeDesign, size: u32) -> Result<Vec<u8>, Error> {
    let pixmap = render_pixmap(design, size, RenderOptions::default())?;
    encode_png_with(&pixmap, png::Compression::High)
}

/// The design as SVG for export. With `text_as_paths` the text is turned into
/// outlines (it looks the same anywhere and needs no fonts); otherwise the text
/// stays live, with the fonts it uses embedded.
pub fn export_svg(design: &BadgeDesign, size: u32, text_as_paths: bool) -> Result<String, Error> {
    check_size(size)?;
    if text_as_paths {
        let t = tree(&design_svg(design, size, SvgOptions::default()))?;
        let opt = usvg::WriteOptions {
            preserve_text: false,
            coordinates_precision: 3,
            transforms_precision: 5,
            ..usvg::WriteOptions::default()
        };
        Ok(t.to_string(&opt))
    } else {
        Ok(design_svg(
            design,
            size,
            SvgOptions {
                embed_fonts: true,
                ..SvgOptions::default()
            },
        ))
    }
}

/// PNG bytes for a pixmap: straight (not premultiplied) RGBA, fast deflate.
pub fn encode_png(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, Error> {
    encode_png_with(pixmap, png::Compression::Fast)
}

fn encode_png_with(
    pixmap: &tiny_skia::Pixmap,
    compression: png::Compression,
) -> Result<Vec<u8>, Error> {
    let mut rgba = Vec::with_capacity(pixmap.data().len());
    for p in pixmap.pixels() {
        let c = p.demultiply();
        rgba.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
    }
    let mut out = Vec::with_capacity(rgba.len() / 4);
    {
        let mut enc = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(compression);
        let mut w = enc
            .write_header()
            .map_err(|e| Error::Render(format!("PNG header: {e}")))?;
        w.write_image_data(&rgba)
            .map_err(|e| Error::Render(format!("PNG data: {e}")))?;
    }
    Ok(out)
}

/// Scales a raster image (given as a data URI) to `w` × `h` pixels, as PNG.
pub(crate) fn scale_raster(data_uri: &str, w: u32, h: u32) -> Result<Vec<u8>, Error> {
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{w}" height="{h}"><image width="{w}" height="{h}" preserveAspectRatio="none" xlink:href="{data_uri}"/></svg>"#
    );
    let t = tree(&svg)?;
    let mut pixmap = tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| Error::Image(format!("no memory for a {w} × {h} px image")))?;
    resvg::render(&t, tiny_skia::Transform::identity(), &mut pixmap.as_mut());
    encode_png(&pixmap)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Layer, LayerContent, Paint, Shadow, ShapeKind, ShapeLayer, Transform};

    /// A square as large as the canvas, so every pixel of a render is covered.
    fn full_canvas(shadow: bool) -> BadgeDesign {
        BadgeDesign {
            version: crate::CURRENT_VERSION,
            name: "full".into(),
            description: String::new(),
            layers: vec![Layer {
                id: "square".into(),
                label: String::new(),
                hidden: false,
                locked: false,
                opacity: 1.0,
                transform: Transform::default(),
                shadow: shadow.then(|| Shadow {
                    dx: 0.0,
                    dy: 0.0,
                    blur: 2.0,
                    color: crate::Color("#00000080".into()),
                }),
                content: LayerContent::Shape(ShapeLayer {
                    shape: ShapeKind::Square,
                    size: CANVAS,
                    fill: Paint::solid("#336699"),
                    stroke: None,
                }),
            }],
        }
    }

    #[test]
    fn the_design_fills_the_image_at_every_size() {
        for size in [MIN_SIZE, 100, 256, 512, 777] {
            for (shadow, draft) in [(false, false), (true, false), (true, true)] {
                let opts = RenderOptions {
                    draft_shadows: draft,
                };
                let p = render_pixmap(&full_canvas(shadow), size, opts).unwrap();
                for (x, y) in [(1, 1), (size / 2, size / 2), (size - 2, size - 2)] {
                    let px = p.pixel(x, y).unwrap();
                    assert_eq!(
                        px.alpha(),
                        255,
                        "size {size} (shadow {shadow}, draft {draft}): pixel ({x}, {y}) is not covered"
                    );
                }
            }
        }
    }
}
