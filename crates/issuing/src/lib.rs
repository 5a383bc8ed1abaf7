//! Issuing Open Badges 3.0 without a server: the issuer's sealed Ed25519 key
//! and `did:key`, the credential for each recipient, the CSV of recipients,
//! the file names of a batch, and the signed status list that revokes.
//!
//! No IO here: the caller reads files, keeps the store and writes the output.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod credential;
pub mod keys;
pub mod names;
pub mod recipients;
pub mod status;

pub use credential::{
    AchievementInfo, Alignment, Award, IssueError, IssuerInfo, Proof, Recipient, ResultDescription,
    StatusEntry, Template,
};
pub use keys::{IssuerKey, KeyError, SealedKey};
