//! Integration tests of `badgesmith-bake`: fixture vectors, round trips, error
//! paths, a large PNG and mutation-based properties.

mod common;
mod errors;
mod large;
mod png;
mod properties;
mod svg;
mod vectors;
