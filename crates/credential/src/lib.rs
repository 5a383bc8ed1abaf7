//! Open Badges credentials: types, JSON-LD with bundled contexts, proofs,
//! did:key, JWT and the verification pipeline.
//!
//! This crate does no IO. The one door to the network is the [`Fetcher`]
//! trait, which the caller provides only when the user allows online checks.
#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic
    )
)]

pub mod contexts;
pub mod di;
pub mod did;
pub mod jose;
pub mod jsonld;
pub mod multibase;
pub mod ob2;
pub mod ob3;
pub mod recipient;
pub mod report;
pub mod schema;
pub mod status;
pub mod vcjwt;
pub mod verify;

pub use report::{Check, CheckId, CheckStatus, Format, Report};
pub use verify::{VerifyOptions, verify_json, verify_text};

/// The one door to the network: fetches the bytes behind a URL. The CLI and
/// the app pass one only when the user allows online verification.
pub trait Fetcher {
    /// The body behind `url`, or a short reason it could not be fetched.
    fn fetch(&self, url: &str) -> Result<Vec<u8>, String>;
}
