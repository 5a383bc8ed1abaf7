//! Shape outlines as SVG path data, centred on the origin.
//!
//! Coordinates are rounded to hundredths of a design unit so the SVG text, and
//! so the pixels, do not depend on the last bit of a platform's `sin`/`cos`.

use std::f32::consts::{PI, TAU};
use std::fmt::Write;

use crate::model::ShapeKind;

/// A number as SVG writes it: at most two decimals, no trailing zeros.
pub(crate) fn num(v: f32) -> String {
    let r = (v * 100.0).round() / 100.0;
    let r = if r == 0.0 { 0.0 } else { r }; // no "-0"
    let s = format!("{r:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_owned()
}

/// A point at `angle` degrees clockwise from the top, `radius` from the origin.
pub(crate) fn polar(radius: f32, angle_deg: f32) -> (f32, f32) {
    let a = angle_deg.to_radians();
    (radius * a.sin(), -radius * a.cos())
}

/// Path-data builder.
#[derive(Debug, Default)]
pub(crate) struct PathData(String);

impl PathData {
    pub(crate) fn new() -> PathData {
        PathData(String::with_capacity(256))
    }
    pub(crate) fn m(&mut self, x: f32, y: f32) -> &mut Self {
        let _ = write!(self.0, "M{} {}", num(x), num(y));
        self
    }
    pub(crate) fn l(&mut self, x: f32, y: f32) -> &mut Self {
        let _ = write!(self.0, "L{} {}", num(x), num(y));
        self
    }
    pub(crate) fn q(&mut self, cx: f32, cy: f32, x: f32, y: f32) -> &mut Self {
        let _ = write!(self.0, "Q{} {} {} {}", num(cx), num(cy), num(x), num(y));
        self
    }
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn c(
        &mut self,
        c1x: f32,
        c1y: f32,
        c2x: f32,
        c2y: f32,
        x: f32,
        y: f32,
    ) -> &mut Self {
        let _ = write!(
            self.0,
            "C{} {} {} {} {} {}",
            num(c1x),
            num(c1y),
            num(c2x),
            num(c2y),
            num(x),
            num(y)
        );
        self
    }
    /// An elliptical arc to (x, y); `sweep` true runs clockwise on screen.
    pub(crate) fn a(&mut self, r: f32, large: bool, sweep: bool, x: f32, y: f32) -> &mut Self {
        let _ = write!(
            self.0,
            "A{} {} 0 {} {} {} {}",
            num(r),
            num(r),
            u8::from(large),
            u8::from(sweep),
            num(x),
            num(y)
        );
        self
    }
    pub(crate) fn z(&mut self) -> &mut Self {
        self.0.push('Z');
        self
    }
    pub(crate) fn finish(&mut self) -> String {
        std::mem::take(&mut self.0)
    }
}

/// The outline of `shape` with outer width `size`, centred on the origin.
pub fn outline(shape: ShapeKind, size: f32) -> String {
    let r = size / 2.0;
    let mut p = PathData::new();
    match shape {
        ShapeKind::Circle => {
            p.m(0.0, -r)
                .a(r, false, true, 0.0, r)
                .a(r, false, true, 0.0, -r)
                .z();
        }
        ShapeKind::Square => polygon(&mut p, 4, r * std::f32::consts::SQRT_2, 45.0),
        ShapeKind::RoundedSquare => rounded_rect(&mut p, r, r, r * 0.24),
        ShapeKind::Diamond => polygon(&mut p, 4, r, 0.0),
        ShapeKind::Pentagon => polygon(&mut p, 5, r, 0.0),
        ShapeKind::Hexagon => polygon(&mut p, 6, r, 0.0),
        ShapeKind::Octagon => polygon(&mut p, 8, r, 22.5),
        ShapeKind::Star => star(&mut p, 5, r, r * 0.5, 0.0),
        ShapeKind::Shield => shield(&mut p, r),
        ShapeKind::ScallopedSeal => scallops(&mut p, 28, r * 0.93, r),
        ShapeKind::Rosette => petals(&mut p, 12, r * 0.8, r),
        ShapeKind::Banner => banner(&mut p, r),
        ShapeKind::LaurelWreath => wreath(&mut p, r),
        ShapeKind::Heart => heart(&mut p, r),
    }
    p.finish()
}

fn polygon(p: &mut PathData, n: u32, r: f32, start: f32) {
    for i in 0..n {
        let (x, y) = polar(r, start + 360.0 * i as f32 / n as f32);
        if i == 0 {
            p.m(x, y);
        } else {
            p.l(x, y);
        }
    }
    p.z();
}

pub(crate) fn star(p: &mut PathData, n: u32, outer: f32, inner: f32, start: f32) {
    for i in 0..2 * n {
        let radius = if i % 2 == 0 { outer } else { inner };
        let (x, y) = polar(radius, start + 180.0 * i as f32 / n as f32);
        if i == 0 {
            p.m(x, y);
        } else {
            p.l(x, y);
        }
    }
    p.z();
}

pub(crate) fn rounded_rect(p: &mut PathData, hw: f32, hh: f32, rad: f32) {
    let rad = rad.min(hw).min(hh);
    p.m(-hw + rad, -hh)
        .l(hw - rad, -hh)
        .a(rad, false, true, hw, -hh + rad)
        .l(hw, hh - rad)
        .a(rad, false, true, hw - rad, hh)
        .l(-hw + rad, hh)
        .a(rad, false, true, -hw, hh - rad)
        .l(-hw, -hh + rad)
        .a(rad, false, true, -hw + rad, -hh)
        .z();
}

fn shield(p: &mut PathData, r: f32) {
    let w = r * 0.86;
    let top = -r * 0.92;
    p.m(0.0, top)
        .q(w * 0.55, -r * 0.72, w, top + r * 0.08)
        .c(w, r * 0.05, w * 0.7, r * 0.62, 0.0, r)
        .c(-w * 0.7, r * 0.62, -w, r * 0.05, -w, top + r * 0.08)
        .q(-w * 0.55, -r * 0.72, 0.0, top)
        .z();
}

/// A circle of `n` outward bumps between radius `inner` and `outer`.
fn scallops(p: &mut PathData, n: u32, inner: f32, outer: f32) {
    let step = 360.0 / n as f32;
    let bump = outer + (outer - inner) * 0.9;
    for i in 0..n {
        let a0 = step * i as f32;
        let (x0, y0) = polar(inner, a0);
        if i == 0 {
            p.m(x0, y0);
        }
        let (cx, cy) = polar(bump, a0 + step / 2.0);
        let (x1, y1) = polar(inner, a0 + step);
        p.q(cx, cy, x1, y1);
    }
    p.z();
}

/// A flower of `n` rounded petals.
fn petals(p: &mut PathData, n: u32, inner: f32, outer: f32) {
    let step = 360.0 / n as f32;
    for i in 0..n {
        let a0 = step * i as f32;
        let (x0, y0) = polar(inner, a0);
        if i == 0 {
            p.m(x0, y0);
        }
        let (c1x, c1y) = polar(outer * 1.08, a0 + step * 0.05);
        let (c2x, c2y) = polar(outer * 1.08, a0 + step * 0.95);
        let (x1, y1) = polar(inner, a0 + step);
        p.c(c1x, c1y, c2x, c2y, x1, y1);
    }
    p.z();
}

/// A hanging banner with a swallowtail cut at the bottom.
fn banner(p: &mut PathData, r: f32) {
    let w = r * 0.72;
    p.m(-w, -r).l(w, -r).l(w, r).l(0.0, r * 0.62).l(-w, r).z();
}

/// A wreath: two branches of leaves curving up from the bottom.
fn wreath(p: &mut PathData, r: f32) {
    let leaves = 9;
    let ring = r * 0.8;
    let len = r * 0.36;
    for side in [-1.0_f32, 1.0] {
        for i in 0..leaves {
            // From near the bottom (170°) up to near the top (20°) on each side.
            let t = i as f32 / (leaves - 1) as f32;
            let ang = 172.0 - t * 150.0;
            let (x, y) = polar(ring, ang * side);
            let scale = 1.0 - 0.25 * t;
            // Leaf axis leans along the ring, pointing towards the top.
            let axis = (ang - 35.0) * side;
            leaf(p, x, y, len * scale, axis);
            // An inner leaf, pointing inwards a little.
            let (ix, iy) = polar(ring * 0.86, (ang - 6.0) * side);
            leaf(p, ix, iy, len * 0.8 * scale, axis - 30.0 * side);
        }
    }
}

/// A leaf from (x, y), `len` long, pointing `angle` degrees clockwise from up.
pub(crate) fn leaf(p: &mut PathData, x: f32, y: f32, len: f32, angle: f32) {
    let (dx, dy) = polar(len, angle);
    let (wx, wy) = polar(len * 0.32, angle + 90.0);
    let (tx, ty) = (x + dx, y + dy);
    let (mx, my) = (x + dx * 0.5, y + dy * 0.5);
    p.m(x, y)
        .q(mx + wx, my + wy, tx, ty)
        .q(mx - wx, my - wy, x, y)
        .z();
}

fn heart(p: &mut PathData, r: f32) {
    p.m(0.0, r * 0.92)
        .c(-r * 0.55, r * 0.55, -r, r * 0.15, -r, -r * 0.3)
        .c(-r, -r * 0.8, -r * 0.35, -r * 0.95, 0.0, -r * 0.52)
        .c(r * 0.35, -r * 0.95, r, -r * 0.8, r, -r * 0.3)
        .c(r, r * 0.15, r * 0.55, r * 0.55, 0.0, r * 0.92)
        .z();
}

/// The length of an outline, roughly, for spacing dashes evenly.
pub(crate) fn perimeter(shape: ShapeKind, size: f32) -> f32 {
    let r = size / 2.0;
    match shape {
        ShapeKind::Circle | ShapeKind::ScallopedSeal | ShapeKind::Rosette => TAU * r,
        ShapeKind::Square => 8.0 * r,
        ShapeKind::RoundedSquare => 8.0 * r - (8.0 - 2.0 * PI) * r * 0.24,
        ShapeKind::Diamond => 4.0 * r * std::f32::consts::SQRT_2,
        ShapeKind::Pentagon => 10.0 * r * (PI / 5.0).sin(),
        ShapeKind::Hexagon => 6.0 * r,
        ShapeKind::Octagon => 16.0 * r * (PI / 8.0).sin(),
        _ => 6.2 * r,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_never_negative_zero() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.256), "1.26");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(-2.5), "-2.5");
    }

    #[test]
    fn every_shape_has_a_closed_outline() {
        for s in ShapeKind::ALL {
            let d = outline(s, 200.0);
            assert!(d.starts_with('M') && d.ends_with('Z'), "{s:?}: {d}");
        }
    }
}
