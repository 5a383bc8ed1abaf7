//! Badgesmith's local database: the only crate that opens SQLite.
//!
//! A [`Store`] is one SQLite file (in WAL mode, with foreign keys on) holding
//! the user's designs, the wallet, issuers, sealed keys and the log of
//! issued badges. The schema is built by numbered SQL files embedded in the
//! binary ([`MIGRATIONS`]) and its version is kept in `PRAGMA user_version`;
//! every Badgesmith database carries [`APPLICATION_ID`] in `PRAGMA
//! application_id`.
//!
//! Opening refuses, without changing a byte of it, a file that is not SQLite,
//! an SQLite database of another program, and a database written by a newer
//! Badgesmith. The store never reads the clock: callers pass every time as an
//! RFC 3339 UTC string, and choose every id.
//!
//! ```
//! # fn main() -> Result<(), badgesmith_store::StoreError> {
//! use badgesmith_store::{DesignContent, Store};
//!
//! let mut store = Store::open_in_memory()?;
//! let design = DesignContent { name: "First aid", body: r#"{"shapes":[]}"#, thumbnail: None };
//! store.insert_design("d-7f3a", &design, "2025-01-31T09:30:00Z")?;
//! let found = store.find_designs_by_name_or_id_prefix("d-7f")?;
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].name, "First aid");
//! # Ok(())
//! # }
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic
    )
)]

mod designs;
mod error;
mod issuing;
mod migrate;
mod store;
mod wallet;

pub use designs::{DesignContent, DesignRecord, DesignSummary};
pub use error::StoreError;
pub use issuing::{AchievementRecord, BatchRecord, IssuedRecord, IssuerFields, IssuerRecord};
pub use migrate::{APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION};
pub use store::Store;
pub use wallet::{
    FacetValue, Inserted, MAX_WALLET_PAGE, WalletCollection, WalletEntry, WalletFacets,
    WalletFilter, WalletListItem, WalletSort, search_query,
};
