//! The design model: what a `.badgedesign.json` file holds.
//!
//! A design is drawn on a square canvas of [`CANVAS`] units. Every layer is
//! drawn about the canvas centre, then moved by its own [`Transform`]; layers
//! are listed bottom to top.

use serde::{Deserialize, Serialize};

#[cfg(feature = "ts")]
use ts_rs::TS;

/// The side of the square design canvas, in design units.
pub const CANVAS: f32 = 512.0;

/// The format version this build writes. Older versions are upgraded on load
/// (see [`crate::upgrade`]); newer ones are refused with a message.
pub const CURRENT_VERSION: u32 = 1;

/// A badge design.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "camelCase")]
pub struct BadgeDesign {
    /// The design format version (see [`CURRENT_VERSION`]).
    pub version: u32,
    /// The design's name, shown in galleries and lists.
    pub name: String,
    /// An optional line about what the design is for.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The layers, bottom to top.
    pub layers: Vec<Layer>,
}

/// One layer of a design: what it draws, and how.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "camelCase")]
pub struct Layer {
    /// A name unique within the design, used by editors to refer to the layer.
    pub id: String,
    /// What the layer list shows; empty means "use the layer type".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// A hidden layer is kept but not drawn.
    #[serde(default, skip_serializing_if = "is_false")]
    pub hidden: bool,
    /// A locked layer is drawn but editors do not change it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub locked: bool,
    /// 0 (invisible) to 1 (opaque).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub opacity: f32,
    /// Offset, scale and rotation about the canvas centre.
    #[serde(default, skip_serializing_if = "Transform::is_identity")]
    pub transform: Transform,
    /// An optional drop shadow under the layer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shadow: Option<Shadow>,
    /// What the layer draws.
    #[serde(flatten)]
    pub content: LayerContent,
}

/// What a layer draws.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum LayerContent {
    /// A filled shape: the background, or an inner shape.
    Shape(ShapeLayer),
    /// A ring following a shape's outline.
    Border(BorderLayer),
    /// A ribbon banner, usually carrying text.
    Ribbon(RibbonLayer),
    /// An icon from the bundled glyph library.
    Glyph(GlyphLayer),
    /// The user's own image (PNG, JPEG or SVG), clipped to a shape.
    Image(ImageLayer),
    /// Text, straight or on an arc.
    Text(TextLayer),
    /// Stars, laurels or dots arranged along an arc.
    Decoration(DecorationLayer),
}

/// A filled shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "camelCase")]
pub struct ShapeLayer {
    /// Which shape.
    pub shape: ShapeKind,
    /// The shape's outer width, in design units.
    pub size: f32,
    /// How the shape is filled.
    pub fill: Paint,
    /// An optional outline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stroke: Option<Stroke>,
}

/// A ring along a shape's outline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "camelCase")]
pub struct BorderLayer {
    /// The outline followed.
    pub shape: ShapeKind,
    /// The outline's width, in design units (the ring is centred on it).
    pub size: f32,
    /// The ring's thickness.
    pub width: f32,
    /// Solid, dashed ("stitching"), dotted or double.
    #[serde(default)]
    pub style: BorderStyle,
    /// The ring's colour or gradient.
    pub paint: Paint,
}

/// How a border ring is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "camelCase")]
pub enum BorderStyle {
    /// One unbroken ring.
    #[default]
    Solid,
    /// Short dashes, like stitching.
    Dashed,
    /// Round dots.
    Dotted,
    /// Two thin rings with a gap between them.
    Double,
}

/// A ribbon banner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "camelCase")]
pub struct RibbonLayer {
    /// The ribbon's style.
    pub style: RibbonStyle,
    /// The ribbon's width, in design units.
    pub width: f32,
    /// The band's height, in design units.
    pub height: f32,
    /// How far the band bends (0 = straight; positive bends the middle up).
    #[serde(default)]
    pub curve: f32,
    /// The band's colour or gradient; folds and tails are drawn darker.
    pub fill: Paint,
    /// An optional outline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stroke: Option<Stroke>,
    /// The text on the band (may be empty).
    #[serde(default)]
    pub text: String,
    /// The text's font.
    pub font: Font,
    /// The text's colour.
    pub text_fill: Paint,
}

/// Ribbon banner styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "camelCase")]
pub enum RibbonStyle {
    /// A band with notched ends.
    Notched,
    /// A band with folded-back ends behind it.
    Swallowtail,
    /// A band whose ends fold back in three dimensions.
    Folded,
    /// A plain band with square ends.
    Flat,
    /// Two tails hanging below, as under a medal.
    Tails,
}

/// A glyph from the bundled library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "camelCase")]
pub struct GlyphLayer {
    /// The glyph's name in the library, e.g. `trophy`.
    pub glyph: String,
    /// Outline or filled drawing, when the library has both.
    #[serde(default)]
    pub style: GlyphStyle,
    /// The glyph's width, in design units.
    pub size: f32,
    /// The glyph's colour or gradient.
    pub paint: Paint,
    /// Line width for outline glyphs, in the glyph's own 24-unit grid.
    #[serde(default = "two")]
    pub stroke_width: f32,
}

/// How a glyph is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "camelCase")]
pub enum GlyphStyle {
    /// Lines.
    #[default]
    Outline,
    /// Solid areas.
    Filled,
}

/// The user's image, clipped to a shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "camelCase")]
pub struct ImageLayer {
    /// A `data:image/png;base64,…`, `data:image/jpeg;base64,…` or
    /// `data:image/svg+xml;base64,…` URI, as made by
    /// [`crate::prepare_image`].
    pub data: String,
    /// The shape the image is clipped to.
    pub clip: ShapeKind,
    /// The clip shape's width, in design units.
    pub size: f32,
}

/// Text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "camelCase")]
pub struct TextLayer {
    /// The text itself (one line).
    pub text: String,
    /// Font, weight, size and spacing.
    pub font: Font,
    /// The text's colour or gradient.
    pub fill: Paint,
    /// An optional outline around the letters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stroke: Option<Stroke>,
    /// Straight, or along an arc.
    #[serde(default)]
    pub path: TextPath,
}

/// Where text runs.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(tag = "mode", rename_all = "camelCase")]
pub enum TextPath {
    /// A straight line through the layer's centre.
    #[default]
    Straight,
    /// Along a circle about the layer's centre, centred at its top or bottom.
    Arc {
        /// The circle's radius at the middle of the letters.
        radius: f32,
        /// Which side of the circle the text is centred on.
        side: ArcSide,
    },
}

/// The side of a circle that arc text is centred on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "camelCase")]
pub enum ArcSide {
    /// Reading left to right over the top.
    Top,
    /// Reading left to right along the bottom.
    Bottom,
}

/// A font choice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "camelCase")]
pub struct Font {
    /// A bundled family, e.g. `Montserrat` (see [`crate::fonts::families`]).
    pub family: String,
    /// 400 (regular) or 700 (bold).
    #[serde(default = "regular")]
    pub weight: u16,
    /// The size in design units.
    pub size: f32,
    /// Extra space between letters, in design units.
    #[serde(default)]
    pub letter_spacing: f32,
}

/// Decorations arranged along an arc.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "camelCase")]
pub struct DecorationLayer {
    /// Stars, laurel leaves or dots.
    pub kind: DecorationKind,
    /// How many items (laurels: leaves on each side).
    pub count: u32,
    /// The arc's radius.
    pub radius: f32,
    /// Each item's size.
    pub item_size: f32,
    /// Where the arc starts, in degrees clockwise from the top.
    pub start_angle: f32,
    /// Where the arc ends, in degrees clockwise from the top.
    pub end_angle: f32,
    /// The items' colour or gradient.
    pub paint: Paint,
}

/// Kinds of decoration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "camelCase")]
pub enum DecorationKind {
    /// Five-pointed stars.
    Stars,
    /// Two laurel branches, mirrored left and right.
    Laurels,
    /// Round dots.
    Dots,
}

/// The shapes a layer can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub enum ShapeKind {
    Circle,
    Square,
    RoundedSquare,
    Diamond,
    Pentagon,
    Hexagon,
    Octagon,
    Star,
    Shield,
    ScallopedSeal,
    Rosette,
    Banner,
    LaurelWreath,
    Heart,
}

impl ShapeKind {
    /// Every shape, in the order a picker shows them.
    pub const ALL: [ShapeKind; 14] = [
        ShapeKind::Circle,
        ShapeKind::Square,
        ShapeKind::RoundedSquare,
        ShapeKind::Diamond,
        ShapeKind::Pentagon,
        ShapeKind::Hexagon,
        ShapeKind::Octagon,
        ShapeKind::Star,
        ShapeKind::Shield,
        ShapeKind::ScallopedSeal,
        ShapeKind::Rosette,
        ShapeKind::Banner,
        ShapeKind::LaurelWreath,
        ShapeKind::Heart,
    ];
}

/// How an area or line is coloured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Paint {
    /// One colour.
    Solid {
        /// The colour.
        color: Color,
    },
    /// A linear gradient across the layer.
    Linear {
        /// Direction in degrees: 0 runs top to bottom, 90 left to right.
        angle: f32,
        /// Two to sixteen colour stops.
        stops: Vec<GradientStop>,
    },
    /// A radial gradient from the layer's centre outwards.
    Radial {
        /// Two to sixteen colour stops.
        stops: Vec<GradientStop>,
    },
}

impl Paint {
    /// A solid paint.
    pub fn solid(hex: &str) -> Paint {
        Paint::Solid {
            color: Color(hex.to_owned()),
        }
    }

    /// The colour that best stands for this paint (the first stop of a gradient).
    pub fn main_color(&self) -> Option<&Color> {
        match self {
            Paint::Solid { color } => Some(color),
            Paint::Linear { stops, .. } | Paint::Radial { stops } => {
                stops.first().map(|s| &s.color)
            }
        }
    }
}

/// One stop of a gradient.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "camelCase")]
pub struct GradientStop {
    /// Where the stop sits, 0 to 1.
    pub offset: f32,
    /// The colour there.
    pub color: Color,
}

/// An outline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "camelCase")]
pub struct Stroke {
    /// The line's colour.
    pub color: Color,
    /// The line's width in design units.
    pub width: f32,
}

/// A drop shadow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "camelCase")]
pub struct Shadow {
    /// Horizontal offset in design units.
    pub dx: f32,
    /// Vertical offset in design units.
    pub dy: f32,
    /// Blur radius in design units.
    pub blur: f32,
    /// The shadow's colour (its alpha sets how dark it is).
    pub color: Color,
}

/// Offset, scale and rotation, applied about the canvas centre.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "camelCase", default)]
pub struct Transform {
    /// Horizontal offset in design units (positive is right).
    pub x: f32,
    /// Vertical offset in design units (positive is down).
    pub y: f32,
    /// Scale factor.
    pub scale: f32,
    /// Rotation in degrees, clockwise.
    pub rotate: f32,
}

impl Default for Transform {
    fn default() -> Self {
        Transform {
            x: 0.0,
            y: 0.0,
            scale: 1.0,
            rotate: 0.0,
        }
    }
}

impl Transform {
    /// True when the transform changes nothing.
    pub fn is_identity(&self) -> bool {
        *self == Transform::default()
    }
}

/// A colour written `#rrggbb` or `#rrggbbaa` (also `#rgb`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(transparent)]
pub struct Color(pub String);

impl Color {
    /// Red, green, blue and alpha, or `None` when the text is not a colour.
    pub fn rgba(&self) -> Option<[u8; 4]> {
        let hex = self.0.strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        let nibble = |i: usize| {
            let v = u8::from_str_radix(hex.get(i..=i)?, 16).ok()?;
            Some(v * 17)
        };
        match hex.len() {
            3 => Some([nibble(0)?, nibble(1)?, nibble(2)?, 255]),
            6 => Some([byte(0)?, byte(2)?, byte(4)?, 255]),
            8 => Some([byte(0)?, byte(2)?, byte(4)?, byte(6)?]),
            _ => None,
        }
    }
}

fn is_false(v: &bool) -> bool {
    !*v
}
fn one() -> f32 {
    1.0
}
fn two() -> f32 {
    2.0
}
fn is_one(v: &f32) -> bool {
    *v == 1.0
}
fn regular() -> u16 {
    400
}
