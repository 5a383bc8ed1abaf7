//! Turning a design into SVG text.
//!
//! The SVG made here is the one source for every output: the renderer parses
//! it (with the embedded fonts) to draw PNGs and to export SVG with text as
//! paths; "live text" export is this text itself.

use std::fmt::Write;

use base64::Engine as _;

use crate::model::*;
use crate::shapes::{self, PathData, num, polar};
use crate::{fonts, glyphs};

/// How the SVG is made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SvgOptions {
    /// Leave drop shadows out (a quick preview while the user drags a slider).
    pub skip_shadows: bool,
    /// Embed the fonts the text uses (`@font-face` with data URIs), so a live-text
    /// SVG looks the same where the fonts are not installed.
    pub embed_fonts: bool,
}

/// The design as SVG on a 512 × 512 canvas, with `width`/`height` set to `px`.
pub fn design_svg(design: &BadgeDesign, px: u32, opts: SvgOptions) -> String {
    let mut w = Writer {
        defs: String::new(),
        body: String::new(),
        next_id: 0,
    };
    for (i, layer) in design.layers.iter().enumerate() {
        if layer.hidden || layer.opacity <= 0.0 {
            continue;
        }
        w.layer(i, layer, opts);
    }
    let mut out = String::with_capacity(w.body.len() + w.defs.len() + 512);
    let c = num(CANVAS);
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{px}" height="{px}" viewBox="0 0 {c} {c}">"#
    );
    let _ = write!(out, "<title>{}</title>", escape(&design.name));
    if opts.embed_fonts {
        let css = fonts::font_face_css(&used_fonts(design));
        if !css.is_empty() {
            let _ = write!(out, "<style>{css}</style>");
        }
    }
    if !w.defs.is_empty() {
        let _ = write!(out, "<defs>{}</defs>", w.defs);
    }
    out.push_str(&w.body);
    out.push_str("</svg>");
    out
}

/// The (family, weight) pairs a design's text uses.
pub(crate) fn used_fonts(design: &BadgeDesign) -> Vec<(String, u16)> {
    let mut v: Vec<(String, u16)> = design
        .layers
        .iter()
        .filter(|l| !l.hidden)
        .filter_map(|l| match &l.content {
            LayerContent::Text(t) => Some(&t.font),
            LayerContent::Ribbon(r) if !r.text.is_empty() => Some(&r.font),
            _ => None,
        })
        .map(|f| (f.family.clone(), f.weight))
        .collect();
    v.sort();
    v.dedup();
    v
}

struct Writer {
    defs: String,
    body: String,
    next_id: u32,
}

impl Writer {
    fn id(&mut self, prefix: &str) -> String {
        self.next_id += 1;
        format!("{prefix}{}", self.next_id)
    }

    fn layer(&mut self, index: usize, layer: &Layer, opts: SvgOptions) {
        let t = &layer.transform;
        let mut open = String::from("<g");
        let _ = write!(open, r#" id="layer-{index}""#);
        if layer.opacity < 1.0 {
            let _ = write!(open, r#" opacity="{}""#, num3(layer.opacity));
        }
        let shadow = layer.shadow.as_ref().filter(|_| !opts.skip_shadows);
        if let Some(s) = shadow {
            let fid = self.id("shadow");
            let (color, alpha) = hex_and_alpha(&s.color);
            let _ = write!(
                self.defs,
                r#"<filter id="{fid}" x="-25%" y="-25%" width="150%" height="150%" color-interpolation-filters="sRGB"><feDropShadow dx="{}" dy="{}" stdDeviation="{}" flood-color="{color}" flood-opacity="{}"/></filter>"#,
                num(s.dx),
                num(s.dy),
                num(s.blur / 2.0),
                num3(alpha)
            );
            let _ = write!(open, r#" filter="url(#{fid})""#);
        }
        open.push('>');
        self.body.push_str(&open);
        // The transform sits inside the shadow's group, so a shadow keeps its
        // direction however the layer is turned.
        let _ = write!(
            self.body,
            r#"<g transform="translate({} {}){}{}">"#,
            num(CANVAS / 2.0 + t.x),
            num(CANVAS / 2.0 + t.y),
            if t.rotate == 0.0 {
                String::new()
            } else {
                format!(" rotate({})", num(t.rotate))
            },
            if t.scale == 1.0 {
                String::new()
            } else {
                format!(" scale({})", num3(t.scale))
            },
        );
        match &layer.content {
            LayerContent::Shape(s) => self.shape(s),
            LayerContent::Border(b) => self.border(b),
            LayerContent::Ribbon(r) => self.ribbon(r),
            LayerContent::Glyph(g) => self.glyph(g),
            LayerContent::Image(i) => self.image(i),
            LayerContent::Text(t) => self.text(t),
            LayerContent::Decoration(d) => self.decoration(d),
        }
        self.body.push_str("</g></g>");
    }

    /// `fill="…"` or `stroke="…"` (attribute `attr`) for a paint spread over a
    /// square of half-width `r` about (cx, cy).
    fn paint(&mut self, attr: &str, p: &Paint, cx: f32, cy: f32, r: f32) -> String {
        match p {
            Paint::Solid { color } => {
                let (hex, a) = hex_and_alpha(color);
                if a < 1.0 {
                    format!(r#"{attr}="{hex}" {attr}-opacity="{}""#, num3(a))
                } else {
                    format!(r#"{attr}="{hex}""#)
                }
            }
            Paint::Linear { angle, stops } => {
                let id = self.id("grad");
                let (dx, dy) = polar(r, 180.0 - angle);
                let _ = write!(
                    self.defs,
                    r#"<linearGradient id="{id}" gradientUnits="userSpaceOnUse" x1="{}" y1="{}" x2="{}" y2="{}">{}</linearGradient>"#,
                    num(cx - dx),
                    num(cy - dy),
                    num(cx + dx),
                    num(cy + dy),
                    stops_svg(stops)
                );
                format!(r#"{attr}="url(#{id})""#)
            }
            Paint::Radial { stops } => {
                let id = self.id("grad");
                let _ = write!(
                    self.defs,
                    r#"<radialGradient id="{id}" gradientUnits="userSpaceOnUse" cx="{}" cy="{}" r="{}">{}</radialGradient>"#,
                    num(cx),
                    num(cy),
                    num(r),
                    stops_svg(stops)
                );
                format!(r#"{attr}="url(#{id})""#)
            }
        }
    }

    fn stroke_attrs(s: Option<&Stroke>) -> String {
        match s {
            Some(s) if s.width > 0.0 => {
                let (hex, a) = hex_and_alpha(&s.color);
                let mut out = format!(
                    r#" stroke="{hex}" stroke-width="{}" stroke-linejoin="round""#,
                    num(s.width)
                );
                if a < 1.0 {
                    let _ = write!(out, r#" stroke-opacity="{}""#, num3(a));
                }
                out
            }
            _ => String::new(),
        }
    }

    fn shape(&mut self, s: &ShapeLayer) {
        let fill = self.paint("fill", &s.fill, 0.0, 0.0, s.size / 2.0);
        let _ = write!(
            self.body,
            r#"<path d="{}" {fill}{}/>"#,
            shapes::outline(s.shape, s.size),
            Self::stroke_attrs(s.stroke.as_ref())
        );
    }

    fn border(&mut self, b: &BorderLayer) {
        let r = b.size / 2.0 + b.width;
        let stroke = self.paint("stroke", &b.paint, 0.0, 0.0, r);
        match b.style {
            BorderStyle::Solid => {
                let _ = write!(
                    self.body,
                    r#"<path d="{}" fill="none" {stroke} stroke-width="{}" stroke-linejoin="round"/>"#,
                    shapes::outline(b.shape, b.size),
                    num(b.width)
                );
            }
            BorderStyle::Double => {
                let thin = b.width / 3.0;
                for size in [b.size + b.width * 2.0 / 3.0, b.size - b.width * 2.0 / 3.0] {
                    let _ = write!(
                        self.body,
                        r#"<path d="{}" fill="none" {stroke} stroke-width="{}" stroke-linejoin="round"/>"#,
                        shapes::outline(b.shape, size),
                        num(thin)
                    );
                }
            }
            BorderStyle::Dashed | BorderStyle::Dotted => {
                let dotted = b.style == BorderStyle::Dotted;
                let period = if dotted { b.width * 2.0 } else { b.width * 3.0 };
                let perimeter = shapes::perimeter(b.shape, b.size);
                let n = (perimeter / period).round().max(4.0);
                let period = perimeter / n;
                let (on, off, cap) = if dotted {
                    (0.0, period, "round")
                } else {
                    (period * 0.6, period * 0.4, "butt")
                };
                let (width,) = if dotted { (b.width,) } else { (b.width * 0.5,) };
                let _ = write!(
                    self.body,
                    r#"<path d="{}" fill="none" {stroke} stroke-width="{}" stroke-dasharray="{} {}" stroke-linecap="{cap}"/>"#,
                    shapes::outline(b.shape, b.size),
                    num(width),
                    num3(on),
                    num3(off)
                );
            }
        }
    }

    fn ribbon(&mut self, r: &RibbonLayer) {
        let hw = r.width / 2.0;
        let hh = r.height / 2.0;
        let c = r.curve;
        let base = r
            .fill
            .main_color()
            .and_then(Color::rgba)
            .unwrap_or([128, 128, 128, 255]);
        let dark = rgb_hex(shade(base, 0.72));
        let darker = rgb_hex(shade(base, 0.5));
        let stroke = Self::stroke_attrs(r.stroke.as_ref());
        let mut band_hw = hw;
        let mut p = PathData::new();
        match r.style {
            RibbonStyle::Swallowtail | RibbonStyle::Folded => {
                // Ends behind the band, lowered, with a fold joining them.
                band_hw = hw * 0.76;
                let drop = r.height * 0.38;
                let inner = band_hw - r.height * 0.55;
                for side in [-1.0_f32, 1.0] {
                    let mut e = PathData::new();
                    let top = -hh + drop;
                    let bottom = hh + drop;
                    e.m(side * inner, top).l(side * hw, top);
                    if r.style == RibbonStyle::Swallowtail {
                        e.l(side * (hw - r.height * 0.35), drop);
                    }
                    e.l(side * hw, bottom).l(side * inner, bottom).z();
                    let _ = write!(
                        self.body,
                        r#"<path d="{}" fill="{dark}"{stroke}/>"#,
                        e.finish()
                    );
                    let mut f = PathData::new();
                    f.m(side * band_hw, hh)
                        .l(side * inner, hh + drop)
                        .l(side * band_hw, hh - 0.01)
                        .z();
                    f.m(side * band_hw, hh)
                        .l(side * (band_hw - r.height * 0.55), hh + drop)
                        .l(side * band_hw, hh + drop)
                        .z();
                    let _ = write!(self.body, r#"<path d="{}" fill="{darker}"/>"#, f.finish());
                }
            }
            RibbonStyle::Tails => {
                let tw = r.height * 0.8;
                let len = r.height * 2.4;
                for side in [-1.0_f32, 1.0] {
                    let x0 = side * hw * 0.45;
                    let (dx, dy) = polar(len, 180.0 - side * 18.0);
                    let (wx, wy) = polar(tw / 2.0, 90.0 - side * 18.0);
                    let (ex, ey) = (x0 + dx, dy);
                    let (nx, ny) = polar(tw * 0.45, -side * 18.0);
                    let mut t = PathData::new();
                    t.m(x0 - wx, -wy)
                        .l(x0 + wx, wy)
                        .l(ex + wx, ey + wy)
                        .l(ex + nx, ey + ny)
                        .l(ex - wx, ey - wy)
                        .z();
                    let _ = write!(
                        self.body,
                        r#"<path d="{}" fill="{dark}"{stroke}/>"#,
                        t.finish()
                    );
                }
            }
            RibbonStyle::Notched | RibbonStyle::Flat => {}
        }
        // The band, its top and bottom edges bent by the curve.
        let notch = if r.style == RibbonStyle::Notched {
            r.height * 0.35
        } else {
            0.0
        };
        p.m(-band_hw, -hh)
            .q(0.0, -hh - 2.0 * c, band_hw, -hh)
            .l(band_hw - notch, 0.0)
            .l(band_hw, hh)
            .q(0.0, hh - 2.0 * c, -band_hw, hh)
            .l(-band_hw + notch, 0.0)
            .z();
        let fill = self.paint("fill", &r.fill, 0.0, 0.0, hw);
        let _ = write!(self.body, r#"<path d="{}" {fill}{stroke}/>"#, p.finish());
        if r.text.trim().is_empty() {
            return;
        }
        let baseline = r.font.size * 0.35;
        let text_fill = self.paint("fill", &r.text_fill, 0.0, 0.0, hw);
        let font = font_attrs(&r.font);
        if c == 0.0 {
            let _ = write!(
                self.body,
                r#"<text x="0" y="{}" text-anchor="middle" {font} {text_fill}>{}</text>"#,
                num(baseline),
                escape(&r.text)
            );
        } else {
            let id = self.id("ribbon-text");
            let mut path = PathData::new();
            path.m(-band_hw, baseline)
                .q(0.0, baseline - 2.0 * c, band_hw, baseline);
            let _ = write!(self.defs, r#"<path id="{id}" d="{}"/>"#, path.finish());
            let _ = write!(
                self.body,
                r##"<text text-anchor="middle" {font} {text_fill}><textPath xlink:href="#{id}" startOffset="50%">{}</textPath></text>"##,
                escape(&r.text)
            );
        }
    }

    fn glyph(&mut self, g: &GlyphLayer) {
        let Some(glyph) = glyphs::find(&g.glyph, g.style) else {
            return;
        };
        let unit = glyphs::VIEW_BOX;
        let scale = g.size / unit;
        let paint_attr = if g.style == GlyphStyle::Filled {
            "fill"
        } else {
            "stroke"
        };
        let paint = self.paint(paint_attr, &g.paint, unit / 2.0, unit / 2.0, unit / 2.0);
        let style = if g.style == GlyphStyle::Filled {
            format!(r#"{paint} stroke="none""#)
        } else {
            format!(
                r#"fill="none" {paint} stroke-width="{}" stroke-linecap="round" stroke-linejoin="round""#,
                num3(g.stroke_width)
            )
        };
        let _ = write!(
            self.body,
            r#"<g transform="translate({} {}) scale({})" {style}>{}</g>"#,
            num(-g.size / 2.0),
            num(-g.size / 2.0),
            num3(scale),
            glyph.body
        );
    }

    fn image(&mut self, im: &ImageLayer) {
        // An SVG is drawn as cleaned again here, whatever the file said.
        let href = match crate::image::decode_data_uri("image", &im.data) {
            Ok(("image/svg+xml", clean)) => format!(
                "data:image/svg+xml;base64,{}",
                base64::engine::general_purpose::STANDARD.encode(clean)
            ),
            Ok(_) => im.data.clone(),
            Err(_) => return,
        };
        let id = self.id("clip");
        let r = im.size / 2.0;
        let _ = write!(
            self.defs,
            r#"<clipPath id="{id}"><path d="{}"/></clipPath>"#,
            shapes::outline(im.clip, im.size)
        );
        let _ = write!(
            self.body,
            r#"<image x="{}" y="{}" width="{}" height="{}" preserveAspectRatio="xMidYMid slice" clip-path="url(#{id})" xlink:href="{}"/>"#,
            num(-r),
            num(-r),
            num(im.size),
            num(im.size),
            escape(&href)
        );
    }

    fn text(&mut self, t: &TextLayer) {
        let font = font_attrs(&t.font);
        let extent = match t.path {
            TextPath::Straight => t.font.size * t.text.chars().count() as f32 * 0.3,
            TextPath::Arc { radius, .. } => radius + t.font.size,
        };
        let fill = self.paint("fill", &t.fill, 0.0, 0.0, extent.max(1.0));
        let stroke = Self::stroke_attrs(t.stroke.as_ref());
        let half = t.font.size * 0.35;
        match t.path {
            TextPath::Straight => {
                let _ = write!(
                    self.body,
                    r#"<text x="0" y="{}" text-anchor="middle" {font} {fill}{stroke} paint-order="stroke">{}</text>"#,
                    num(half),
                    escape(&t.text)
                );
            }
            TextPath::Arc { radius, side } => {
                let id = self.id("arc");
                let mut p = PathData::new();
                match side {
                    ArcSide::Top => {
                        let rb = radius - half;
                        p.m(0.0, rb)
                            .a(rb, false, true, 0.0, -rb)
                            .a(rb, false, true, 0.0, rb);
                    }
                    ArcSide::Bottom => {
                        let rb = radius + half;
                        p.m(0.0, -rb)
                            .a(rb, false, false, 0.0, rb)
                            .a(rb, false, false, 0.0, -rb);
                    }
                }
                let _ = write!(self.defs, r#"<path id="{id}" d="{}"/>"#, p.finish());
                let _ = write!(
                    self.body,
                    r##"<text text-anchor="middle" {font} {fill}{stroke} paint-order="stroke"><textPath xlink:href="#{id}" startOffset="50%">{}</textPath></text>"##,
                    escape(&t.text)
                );
            }
        }
    }

    fn decoration(&mut self, d: &DecorationLayer) {
        let fill = self.paint("fill", &d.paint, 0.0, 0.0, d.radius + d.item_size);
        let n = d.count.max(1);
        let span = d.end_angle - d.start_angle;
        let angle_at = |i: u32| -> f32 {
            if span.abs() >= 360.0 {
                d.start_angle + span * i as f32 / n as f32
            } else if n == 1 {
                d.start_angle + span / 2.0
            } else {
                d.start_angle + span * i as f32 / (n - 1) as f32
            }
        };
        let mut p = PathData::new();
        match d.kind {
            DecorationKind::Stars => {
                for i in 0..n {
                    let (x, y) = polar(d.radius, angle_at(i));
                    // Upright wherever they sit: a star turned with the arc
                    // stands on its head along the bottom of a badge.
                    let mut s = PathData::new();
                    shapes::star(&mut s, 5, d.item_size / 2.0, d.item_size / 4.4, 0.0);
                    let _ = write!(
                        self.body,
                        r#"<path transform="translate({} {})" d="{}" {fill}/>"#,
                        num(x),
                        num(y),
                        s.finish()
                    );
                }
                return;
            }
            DecorationKind::Dots => {
                for i in 0..n {
                    let (x, y) = polar(d.radius, angle_at(i));
                    let r = d.item_size / 2.0;
                    p.m(x, y - r)
                        .a(r, false, true, x, y + r)
                        .a(r, false, true, x, y - r)
                        .z();
                }
            }
            DecorationKind::Laurels => {
                // Two branches, the given one and its mirror image.
                for side in [1.0_f32, -1.0] {
                    shapes::branch(
                        &mut p,
                        shapes::Branch {
                            radius: d.radius,
                            start: d.start_angle * side,
                            end: d.end_angle * side,
                            count: n,
                            leaf: d.item_size,
                            paired: false,
                        },
                    );
                }
            }
        }
        let _ = write!(self.body, r#"<path d="{}" {fill}/>"#, p.finish());
    }
}

fn font_attrs(f: &Font) -> String {
    let mut s = format!(
        r#"font-family="{}" font-weight="{}" font-size="{}""#,
        escape(&f.family),
        f.weight,
        num(f.size)
    );
    if f.letter_spacing != 0.0 {
        let _ = write!(s, r#" letter-spacing="{}""#, num(f.letter_spacing));
    }
    s
}

fn stops_svg(stops: &[GradientStop]) -> String {
    let mut s = String::new();
    for stop in stops {
        let (hex, a) = hex_and_alpha(&stop.color);
        let _ = write!(
            s,
            r#"<stop offset="{}" stop-color="{hex}""#,
            num3(stop.offset)
        );
        if a < 1.0 {
            let _ = write!(s, r#" stop-opacity="{}""#, num3(a));
        }
        s.push_str("/>");
    }
    s
}

/// `#rrggbb` and alpha 0–1 for a colour (black if it does not parse; designs are
/// validated before they reach here).
fn hex_and_alpha(c: &Color) -> (String, f32) {
    let [r, g, b, a] = c.rgba().unwrap_or([0, 0, 0, 255]);
    (rgb_hex([r, g, b, a]), f32::from(a) / 255.0)
}

fn rgb_hex([r, g, b, _]: [u8; 4]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

fn shade([r, g, b, a]: [u8; 4], k: f32) -> [u8; 4] {
    let f = |v: u8| (f32::from(v) * k).round().clamp(0.0, 255.0) as u8;
    [f(r), f(g), f(b), a]
}

/// A number with up to three decimals.
fn num3(v: f32) -> String {
    let r = (v * 1000.0).round() / 1000.0;
    let r = if r == 0.0 { 0.0 } else { r };
    let s = format!("{r:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Escapes text for XML content and attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}
