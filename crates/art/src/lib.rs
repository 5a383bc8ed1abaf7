//! Badge artwork: the [`BadgeDesign`] model, its SVG, and deterministic PNG
//! rendering.
//!
//! A design is JSON (`.badgedesign.json`) with a format `version`; layers are
//! drawn bottom to top on a 512-unit square canvas. [`render_png`] turns a
//! design into PNG bytes at 64–4096 px through SVG, [usvg] and [resvg], using
//! only the fonts and glyphs embedded in this crate, so the same design and
//! size give the same bytes on every machine. No IO: callers read and write
//! the files.
//!
//! ```
//! let design = badgesmith_art::template("school-star").expect("a bundled template").design.clone();
//! let png = badgesmith_art::render_png(&design, 128)?;
//! assert!(png.starts_with(b"\x89PNG"));
//! # Ok::<(), badgesmith_art::Error>(())
//! ```
//!
//! [usvg]: https://docs.rs/usvg
//! [resvg]: https://docs.rs/resvg
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic
    )
)]

mod error;
pub mod fonts;
pub mod glyphs;
mod image;
mod model;
mod render;
pub mod shapes;
mod svg;
mod templates;
mod validate;

pub use error::Error;
pub use image::{
    MAX_EMBED_SIDE, MAX_IMAGE_BYTES, MAX_RASTER_PIXELS, MAX_RASTER_SIDE, MAX_SVG_BYTES,
    MAX_SVG_DEPTH, MAX_SVG_ELEMENTS, PreparedImage, prepare_image, thumbnail_png,
};
pub use model::*;
pub use render::{
    MAX_SIZE, MIN_SIZE, RenderOptions, encode_png, export_svg, render_pixmap, render_png,
    render_png_compact, render_png_with,
};
pub use svg::{SvgOptions, design_svg};
pub use templates::{Template, template, template_sources, templates};
pub use validate::{MAX_DESIGN_BYTES, MAX_LAYERS, MAX_TEXT_CHARS, upgrade};
