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

/// A wreath: two leafy branches curving up from the bottom, open at the top.
fn wreath(p: &mut PathData, r: f32) {
    for side in [-1.0_f32, 1.0] {
        branch(
            p,
            Branch {
                radius: r * 0.8,
                start: 168.0 * side,
                end: 24.0 * side,
                count: 9,
                leaf: r * 0.3,
                paired: true,
            },
        );
    }
}

/// A laurel branch along an arc (see [`branch`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Branch {
    /// The arc's radius: where the stem runs.
    pub(crate) radius: f32,
    /// Where the branch starts (its thick end), degrees clockwise from the top.
    pub(crate) start: f32,
    /// Where it ends (its tip).
    pub(crate) end: f32,
    /// How many leaves (or pairs of leaves) grow along it.
    pub(crate) count: u32,
    /// The largest leaf's length; leaves shrink towards the tip.
    pub(crate) leaf: f32,
    /// Leaves in pairs, one either side of the stem; otherwise they alternate.
    pub(crate) paired: bool,
}

/// A laurel branch: a thin stem along an arc with leaves leaning towards its
/// tip, and a leaf at the tip. Every part winds the same way, so the branch
/// fills as one shape under the nonzero rule.
pub(crate) fn branch(p: &mut PathData, b: Branch) {
    let n = b.count.max(1);
    let span = b.end - b.start;
    let dir = if span >= 0.0 { 1.0 } else { -1.0 };
    // The stem: a thin band along the arc, from the base to just short of the tip.
    let half = (b.leaf * 0.05).max(0.5);
    let steps = 24;
    let mut pts = Vec::with_capacity(2 * steps + 2);
    for k in 0..=steps {
        let a = b.start + span * k as f32 / steps as f32;
        pts.push(polar(b.radius + half, a));
    }
    for k in (0..=steps).rev() {
        let a = b.start + span * k as f32 / steps as f32;
        pts.push(polar(b.radius - half, a));
    }
    if signed_area(&pts) > 0.0 {
        pts.reverse();
    }
    for (i, (x, y)) in pts.iter().enumerate() {
        if i == 0 {
            p.m(*x, *y);
        } else {
            p.l(*x, *y);
        }
    }
    p.z();
    // Leaves from the base towards the tip, each leaning 38° off the stem.
    let step = span / n as f32;
    for i in 0..n {
        let t = i as f32 / n as f32;
        let a = b.start + step * (i as f32 + 0.35);
        let (x, y) = polar(b.radius, a);
        let along = a + 90.0 * dir;
        let len = b.leaf * (1.0 - 0.35 * t);
        let sides: &[f32] = if b.paired {
            &[1.0, -1.0]
        } else if i % 2 == 0 {
            &[1.0]
        } else {
            &[-1.0]
        };
        for s in sides {
            leaf(p, x, y, len, along + s * 38.0 * dir);
        }
    }
    // The tip leaf, along the stem.
    let (x, y) = polar(b.radius, b.end - step * 0.1);
    leaf(p, x, y, b.leaf * 0.6, b.end + 90.0 * dir - 8.0 * dir);
}

/// Twice the signed area of a polygon (positive when it runs anticlockwise
/// in y-up axes, so clockwise on screen).
fn signed_area(pts: &[(f32, f32)]) -> f32 {
    let mut s = 0.0;
    for (i, (x0, y0)) in pts.iter().enumerate() {
        let (x1, y1) = pts
            .get(i + 1)
            .or(pts.first())
            .copied()
            .unwrap_or((0.0, 0.0));
        s += x0 * y1 - x1 * y0;
    }
    s
}

/// A leaf from (x, y), `len` long, pointing `angle` degrees clockwise from up:
/// a pointed oval, widest a little before its middle.
pub(crate) fn leaf(p: &mut PathData, x: f32, y: f32, len: f32, angle: f32) {
    let (dx, dy) = polar(len, angle);
    let (wx, wy) = polar(len * 0.26, angle + 90.0);
    let (tx, ty) = (x + dx, y + dy);
    p.m(x, y)
        .c(
            x + dx * 0.2 + wx,
            y + dy * 0.2 + wy,
            x + dx * 0.7 + wx,
            y + dy * 0.7 + wy,
            tx,
            ty,
        )
        .c(
            x + dx * 0.7 - wx,
            y + dy * 0.7 - wy,
            x + dx * 0.2 - wx,
            y + dy * 0.2 - wy,
            x,
            y,
        )
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
