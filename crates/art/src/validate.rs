//! Reading a design from JSON: version upgrade, shape, then the values.

use std::collections::HashSet;

use serde_json::Value;

use crate::model::*;
use crate::{Error, fonts, glyphs};

/// The largest design file read, in bytes (images are embedded, so this is generous).
pub const MAX_DESIGN_BYTES: usize = 24 * 1024 * 1024;
/// The most layers a design may have.
pub const MAX_LAYERS: usize = 64;
/// The longest text on one layer, in characters.
pub const MAX_TEXT_CHARS: usize = 200;
/// The largest embedded image, as a data URI, in bytes.
pub const MAX_IMAGE_URI_BYTES: usize = 16 * 1024 * 1024;

/// Upgrades from older format versions, in order: entry `i` turns version
/// `i + 1` into version `i + 2`. Version 1 is the first format, so the list is
/// empty; a change to the format adds a step here and bumps
/// [`CURRENT_VERSION`].
type Upgrade = fn(Value) -> Result<Value, Error>;
const UPGRADES: &[Upgrade] = &[];

/// Brings a design's JSON up to [`CURRENT_VERSION`], or says why it cannot.
pub fn upgrade(mut value: Value) -> Result<Value, Error> {
    let Some(obj) = value.as_object() else {
        return Err(Error::Json {
            message: "a design is a JSON object".into(),
        });
    };
    let version = match obj.get("version") {
        None => return Err(Error::field("version", "is missing")),
        Some(v) => v.as_u64().filter(|v| *v >= 1).ok_or_else(|| {
            Error::field("version", format!("must be a whole number from 1 (is {v})"))
        })?,
    };
    if version > u64::from(CURRENT_VERSION) {
        return Err(Error::NewerVersion {
            version,
            supported: CURRENT_VERSION,
        });
    }
    let from = usize::try_from(version).unwrap_or(usize::MAX);
    for step in UPGRADES.iter().skip(from.saturating_sub(1)) {
        value = step(value)?;
    }
    if let Some(obj) = value.as_object_mut() {
        obj.insert("version".into(), Value::from(CURRENT_VERSION));
    }
    Ok(value)
}

impl BadgeDesign {
    /// Reads a design from its JSON text: upgrades older versions, then checks
    /// every value. Errors name the field path and the problem.
    pub fn from_json(text: &str) -> Result<BadgeDesign, Error> {
        if text.len() > MAX_DESIGN_BYTES {
            return Err(Error::Json {
                message: format!(
                    "it is {} MiB, more than the {} MiB a design may be",
                    text.len() / (1024 * 1024),
                    MAX_DESIGN_BYTES / (1024 * 1024)
                ),
            });
        }
        let value: Value = serde_json::from_str(text).map_err(|e| Error::Json {
            message: format!("{e}"),
        })?;
        BadgeDesign::from_value(value)
    }

    /// The design as pretty JSON, as saved in `.badgedesign.json` files.
    pub fn to_json(&self) -> String {
        // Serialising these plain types cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Checks every value against what the renderer accepts.
    pub fn validate(&self) -> Result<(), Error> {
        if self.version != CURRENT_VERSION {
            return Err(Error::field(
                "version",
                format!("must be {CURRENT_VERSION} (is {})", self.version),
            ));
        }
        let name = self.name.trim();
        if name.is_empty() {
            return Err(Error::field("name", "is empty"));
        }
        if self.name.chars().count() > 120 {
            return Err(Error::field("name", "is longer than 120 characters"));
        }
        if self.layers.len() > MAX_LAYERS {
            return Err(Error::field(
                "layers",
                format!(
                    "has {} layers; a design may have up to {MAX_LAYERS}",
                    self.layers.len()
                ),
            ));
        }
        let mut ids = HashSet::new();
        for (i, layer) in self.layers.iter().enumerate() {
            let at = format!("layers[{i}]");
            check_layer(&at, layer)?;
            if !ids.insert(layer.id.as_str()) {
                return Err(Error::field(
                    format!("{at}.id"),
                    format!("\"{}\" is used by an earlier layer", layer.id),
                ));
            }
        }
        Ok(())
    }
}

fn check_layer(at: &str, layer: &Layer) -> Result<(), Error> {
    let id = layer.id.trim();
    if id.is_empty() || id.len() > 64 {
        return Err(Error::field(
            format!("{at}.id"),
            "must be 1 to 64 characters",
        ));
    }
    range(&format!("{at}.opacity"), layer.opacity, 0.0, 1.0)?;
    let t = &layer.transform;
    range(&format!("{at}.transform.x"), t.x, -2048.0, 2048.0)?;
    range(&format!("{at}.transform.y"), t.y, -2048.0, 2048.0)?;
    range(&format!("{at}.transform.scale"), t.scale, 0.05, 20.0)?;
    range(&format!("{at}.transform.rotate"), t.rotate, -3600.0, 3600.0)?;
    if let Some(s) = &layer.shadow {
        range(&format!("{at}.shadow.dx"), s.dx, -256.0, 256.0)?;
        range(&format!("{at}.shadow.dy"), s.dy, -256.0, 256.0)?;
        range(&format!("{at}.shadow.blur"), s.blur, 0.0, 128.0)?;
        color(&format!("{at}.shadow.color"), &s.color)?;
    }
    match &layer.content {
        LayerContent::Shape(s) => {
            size(&format!("{at}.size"), s.size)?;
            paint(&format!("{at}.fill"), &s.fill)?;
            stroke(&format!("{at}.stroke"), s.stroke.as_ref())?;
        }
        LayerContent::Border(b) => {
            size(&format!("{at}.size"), b.size)?;
            range(&format!("{at}.width"), b.width, 0.5, 256.0)?;
            paint(&format!("{at}.paint"), &b.paint)?;
        }
        LayerContent::Ribbon(r) => {
            size(&format!("{at}.width"), r.width)?;
            range(&format!("{at}.height"), r.height, 4.0, 512.0)?;
            range(&format!("{at}.curve"), r.curve, -256.0, 256.0)?;
            paint(&format!("{at}.fill"), &r.fill)?;
            stroke(&format!("{at}.stroke"), r.stroke.as_ref())?;
            text(&format!("{at}.text"), &r.text, true)?;
            font(&format!("{at}.font"), &r.font)?;
            paint(&format!("{at}.textFill"), &r.text_fill)?;
        }
        LayerContent::Glyph(g) => {
            if glyphs::find(&g.glyph, g.style).is_none() {
                let hint = if glyphs::find(&g.glyph, GlyphStyle::Outline).is_some() {
                    " in the filled style (it has an outline one)"
                } else {
                    ""
                };
                return Err(Error::field(
                    format!("{at}.glyph"),
                    format!("there is no glyph named \"{}\"{hint}", g.glyph),
                ));
            }
            size(&format!("{at}.size"), g.size)?;
            paint(&format!("{at}.paint"), &g.paint)?;
            range(&format!("{at}.strokeWidth"), g.stroke_width, 0.25, 6.0)?;
        }
        LayerContent::Image(im) => {
            size(&format!("{at}.size"), im.size)?;
            crate::image::check_data_uri(&format!("{at}.data"), &im.data)?;
        }
        LayerContent::Text(t) => {
            text(&format!("{at}.text"), &t.text, false)?;
            font(&format!("{at}.font"), &t.font)?;
            paint(&format!("{at}.fill"), &t.fill)?;
            stroke(&format!("{at}.stroke"), t.stroke.as_ref())?;
            if let TextPath::Arc { radius, .. } = t.path {
                range(&format!("{at}.path.radius"), radius, 8.0, 1024.0)?;
            }
        }
        LayerContent::Decoration(d) => {
            if d.count == 0 || d.count > 120 {
                return Err(Error::field(
                    format!("{at}.count"),
                    format!("must be 1 to 120 (is {})", d.count),
                ));
            }
            range(&format!("{at}.radius"), d.radius, 0.0, 1024.0)?;
            range(&format!("{at}.itemSize"), d.item_size, 1.0, 256.0)?;
            range(&format!("{at}.startAngle"), d.start_angle, -720.0, 720.0)?;
            range(&format!("{at}.endAngle"), d.end_angle, -720.0, 720.0)?;
            paint(&format!("{at}.paint"), &d.paint)?;
        }
    }
    Ok(())
}

fn range(path: &str, v: f32, min: f32, max: f32) -> Result<(), Error> {
    if !v.is_finite() || v < min || v > max {
        return Err(Error::field(
            path,
            format!("must be between {min} and {max} (is {v})"),
        ));
    }
    Ok(())
}

fn size(path: &str, v: f32) -> Result<(), Error> {
    range(path, v, 1.0, 2048.0)
}

fn color(path: &str, c: &Color) -> Result<(), Error> {
    if c.rgba().is_none() {
        return Err(Error::field(
            path,
            format!("\"{}\" is not a colour (write #rrggbb or #rrggbbaa)", c.0),
        ));
    }
    Ok(())
}

fn paint(path: &str, p: &Paint) -> Result<(), Error> {
    match p {
        Paint::Solid { color: c } => color(&format!("{path}.color"), c),
        Paint::Linear { angle, stops } => {
            range(&format!("{path}.angle"), *angle, -360.0, 360.0)?;
            gradient(path, stops)
        }
        Paint::Radial { stops } => gradient(path, stops),
    }
}

fn gradient(path: &str, stops: &[GradientStop]) -> Result<(), Error> {
    if stops.len() < 2 || stops.len() > 16 {
        return Err(Error::field(
            format!("{path}.stops"),
            format!("a gradient needs 2 to 16 stops (has {})", stops.len()),
        ));
    }
    for (i, s) in stops.iter().enumerate() {
        range(&format!("{path}.stops[{i}].offset"), s.offset, 0.0, 1.0)?;
        color(&format!("{path}.stops[{i}].color"), &s.color)?;
    }
    Ok(())
}

fn stroke(path: &str, s: Option<&Stroke>) -> Result<(), Error> {
    if let Some(s) = s {
        color(&format!("{path}.color"), &s.color)?;
        range(&format!("{path}.width"), s.width, 0.0, 128.0)?;
    }
    Ok(())
}

fn text(path: &str, t: &str, may_be_empty: bool) -> Result<(), Error> {
    let n = t.chars().count();
    if n == 0 && !may_be_empty {
        return Err(Error::field(path, "is empty"));
    }
    if n > MAX_TEXT_CHARS {
        return Err(Error::field(
            path,
            format!("has {n} characters; text may have up to {MAX_TEXT_CHARS}"),
        ));
    }
    if t.chars().any(|c| c.is_control()) {
        return Err(Error::field(
            path,
            "holds a control character (text is one line)",
        ));
    }
    Ok(())
}

fn font(path: &str, f: &Font) -> Result<(), Error> {
    let Some(family) = fonts::family(&f.family) else {
        let names: Vec<&str> = fonts::families().iter().map(|f| f.name).collect();
        return Err(Error::field(
            format!("{path}.family"),
            format!(
                "\"{}\" is not a bundled font (choose one of {})",
                f.family,
                names.join(", ")
            ),
        ));
    };
    if !family.has_weight(f.weight) {
        return Err(Error::field(
            format!("{path}.weight"),
            format!(
                "{} comes in weights 400 and 700 (is {})",
                family.name, f.weight
            ),
        ));
    }
    range(&format!("{path}.size"), f.size, 4.0, 512.0)?;
    range(
        &format!("{path}.letterSpacing"),
        f.letter_spacing,
        -32.0,
        128.0,
    )?;
    Ok(())
}

impl BadgeDesign {
    /// Reads a design from already-parsed JSON (as the desktop shell receives
    /// it), with the same upgrade and checks as [`BadgeDesign::from_json`].
    pub fn from_value(value: Value) -> Result<BadgeDesign, Error> {
        let value = upgrade(value)?;
        let design: BadgeDesign = serde_path_to_error::deserialize(value).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner().to_string();
            if path == "." {
                Error::Json { message: inner }
            } else {
                Error::field(path, inner)
            }
        })?;
        design.validate()?;
        Ok(design)
    }
}
