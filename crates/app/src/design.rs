//! The Designer's use cases: templates, glyphs, rendering, images and export.
//! Saved designs are in [`crate::DesignLibrary`].

use std::sync::OnceLock;
use std::time::Instant;

use badgesmith_art as art;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::Error;
use crate::dto::{
    BadgeDesign, ChosenImage, DesignCatalog, ExportFormat, FontInfo, GlyphInfo, RenderedDesign,
    TemplateInfo,
};

/// The side of template and saved-design thumbnails, in pixels.
pub const THUMBNAIL_SIZE: u32 = 160;

fn design_error(name: &str, source: art::Error) -> Error {
    Error::Design {
        name: name.to_owned(),
        source,
    }
}

/// Reads a `.badgedesign.json` file's text.
pub fn parse_design(name: &str, text: &str) -> Result<BadgeDesign, Error> {
    BadgeDesign::from_json(text).map_err(|e| design_error(name, e))
}

/// Reads a design sent by the user interface.
pub fn design_from_value(value: serde_json::Value) -> Result<BadgeDesign, Error> {
    BadgeDesign::from_value(value).map_err(|e| design_error("the design", e))
}

/// A PNG as a `data:` URL.
pub fn png_data_url(png: &[u8]) -> String {
    format!("data:image/png;base64,{}", STANDARD.encode(png))
}

/// The templates (with thumbnails), fonts and limits. Thumbnails are drawn
/// once per process.
pub fn design_catalog() -> DesignCatalog {
    static TEMPLATES: OnceLock<Vec<TemplateInfo>> = OnceLock::new();
    let templates = TEMPLATES
        .get_or_init(|| {
            art::templates()
                .iter()
                .map(|t| TemplateInfo {
                    id: t.id.to_owned(),
                    audience: t.audience.to_owned(),
                    design: t.design.clone(),
                    thumbnail: art::render_png(&t.design, THUMBNAIL_SIZE)
                        .map(|png| png_data_url(&png))
                        .unwrap_or_default(),
                })
                .collect()
        })
        .clone();
    DesignCatalog {
        templates,
        fonts: art::fonts::families()
            .iter()
            .map(|f| FontInfo {
                family: f.name.to_owned(),
                category: f.category.to_owned(),
                description: f.description.to_owned(),
                weights: vec![400, 700],
            })
            .collect(),
        canvas: art::CANVAS,
        min_size: art::MIN_SIZE,
        max_size: art::MAX_SIZE,
        glyph_count: u32::try_from(art::glyphs::all().len()).unwrap_or(u32::MAX),
    }
}

/// Glyphs matching a query, best first, with previews.
pub fn search_glyphs(query: &str, style: Option<art::GlyphStyle>, limit: usize) -> Vec<GlyphInfo> {
    art::glyphs::search(query, style, limit.min(500))
        .into_iter()
        .map(|g| {
            let paint = match g.style {
                art::GlyphStyle::Filled => r##"fill="#1f2937""##,
                art::GlyphStyle::Outline => {
                    r##"fill="none" stroke="#1f2937" stroke-width="2" stroke-linecap="round" stroke-linejoin="round""##
                }
            };
            let svg = format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24" {paint}>{}</svg>"#,
                g.body
            );
            GlyphInfo {
                name: g.name.clone(),
                style: g.style,
                category: g.category.clone(),
                tags: g.tags.clone(),
                preview: format!("data:image/svg+xml;base64,{}", STANDARD.encode(svg)),
            }
        })
        .collect()
}

/// Renders a design to PNG for the live preview (`draft` draws shadows at half
/// resolution, for use while the user drags a slider).
pub fn render_preview(
    design: &BadgeDesign,
    size: u32,
    draft: bool,
) -> Result<RenderedDesign, Error> {
    let started = Instant::now();
    let png = art::render_png_with(
        design,
        size,
        art::RenderOptions {
            draft_shadows: draft,
        },
    )
    .map_err(|e| design_error(&design.name, e))?;
    Ok(RenderedDesign {
        data_url: png_data_url(&png),
        size,
        millis: started.elapsed().as_secs_f64() * 1000.0,
    })
}

/// The bytes of a design exported in a format (`size` for PNG and SVG).
pub fn export_bytes(
    design: &BadgeDesign,
    format: ExportFormat,
    size: u32,
) -> Result<Vec<u8>, Error> {
    let name = &design.name;
    match format {
        ExportFormat::Png => art::render_png(design, size).map_err(|e| design_error(name, e)),
        ExportFormat::Svg => art::export_svg(design, size, true)
            .map(String::into_bytes)
            .map_err(|e| design_error(name, e)),
        ExportFormat::SvgLiveText => art::export_svg(design, size, false)
            .map(String::into_bytes)
            .map_err(|e| design_error(name, e)),
        ExportFormat::Design => {
            let mut json = design.to_json();
            json.push('\n');
            Ok(json.into_bytes())
        }
    }
}

/// The file extension for an export format.
pub fn export_extension(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Png => "png",
        ExportFormat::Svg | ExportFormat::SvgLiveText => "svg",
        ExportFormat::Design => "badgedesign.json",
    }
}

/// A file name for a design's export: its name made safe, plus the extension.
pub fn export_file_name(design: &BadgeDesign, format: ExportFormat) -> String {
    let mut stem: String = design
        .name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    while stem.contains("--") {
        stem = stem.replace("--", "-");
    }
    let stem = stem.trim_matches('-');
    let stem = if stem.is_empty() { "badge" } else { stem };
    format!("{stem}.{}", export_extension(format))
}

/// Checks and prepares a user's image (PNG, JPEG or SVG) for an image layer.
pub fn choose_image(file_name: &str, bytes: &[u8]) -> Result<ChosenImage, Error> {
    let prepared = art::prepare_image(file_name, bytes).map_err(|e| match e {
        art::Error::Image(msg) => Error::Usage(msg),
        other => design_error(file_name, other),
    })?;
    Ok(ChosenImage {
        file_name: file_name.to_owned(),
        data_uri: prepared.data_uri,
        width: prepared.width,
        height: prepared.height,
        notice: prepared.notice,
    })
}
