//! Drawing: SVG text → usvg tree (bundled fonts only) → pixels → PNG bytes.

use resvg::tiny_skia;
use resvg::usvg;

use crate::Error;
use crate::model::BadgeDesign;
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
pub fn render_pixmap(
    design: &BadgeDesign,
    size: u32,
    opts: RenderOptions,
) -> Result<tiny_skia::Pixmap, Error> {
    check_size(size)?;
    let has_shadow = design
        .layers
        .iter()
        .any(|l| !l.hidden && l.shadow.is_some());
    let mut pixmap = tiny_skia::Pixmap::new(size, size)
        .ok_or_else(|| Error::Render(format!("no memory for a {size} px image")))?;
    if opts.draft_shadows && has_shadow && size >= 2 * MIN_SIZE {
        // Blurs cost most: while the user drags, draw at half size and scale up.
        let half = size / 2;
        let shadows = tree(&design_svg(design, half, SvgOptions::default()))?;
        let mut small = tiny_skia::Pixmap::new(half, half)
            .ok_or_else(|| Error::Render(format!("no memory for a {half} px image")))?;
        resvg::render(
            &shadows,
            tiny_skia::Transform::identity(),
            &mut small.as_mut(),
        );
        pixmap.draw_pixmap(
            0,
            0,
            small.as_ref(),
            &tiny_skia::PixmapPaint {
                quality: tiny_skia::FilterQuality::Bilinear,
                ..tiny_skia::PixmapPaint::default()
            },
            tiny_skia::Transform::from_scale(size as f32 / half as f32, size as f32 / half as f32),
            None,
        );
        return Ok(pixmap);
    }
    // The SVG is `size` pixels wide with a 512-unit viewBox, and usvg puts
    // that scale in the tree's root transform: the tree is drawn as it is.
    let t = tree(&design_svg(design, size, SvgOptions::default()))?;
    resvg::render(&t, tiny_skia::Transform::identity(), &mut pixmap.as_mut());
    Ok(pixmap)
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
        enc.set_compression(png::Compression::Fast);
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
                    size: crate::CANVAS,
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
