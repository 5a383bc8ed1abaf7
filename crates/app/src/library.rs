//! Designs saved in the app's database.

use std::path::{Path, PathBuf};

use badgesmith_store::{DesignContent, Store};

use crate::Error;
use crate::design::{THUMBNAIL_SIZE, png_data_url};
use crate::dto::{BadgeDesign, DesignSummary, SavedDesign};

/// The database file's name inside the home folder.
pub const DATABASE_FILE: &str = "badgesmith.db";

/// The user's saved designs.
#[derive(Debug)]
pub struct DesignLibrary {
    store: Store,
}

fn store_error(e: badgesmith_store::StoreError) -> Error {
    Error::Store(e.to_string())
}

/// A new design id: 16 hex digits from the operating system's randomness.
fn new_id() -> Result<String, Error> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes)
        .map_err(|e| Error::Store(format!("no randomness for a new design id ({e})")))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// An RFC 3339 UTC time with whole seconds, as the store keeps times.
pub fn timestamp(at: time::OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

impl DesignLibrary {
    /// Opens (creating if needed) the database in the home folder.
    pub fn open(home: &Path) -> Result<DesignLibrary, Error> {
        Self::open_file(&home.join(DATABASE_FILE))
    }

    /// Opens (creating if needed) a database file.
    pub fn open_file(path: &Path) -> Result<DesignLibrary, Error> {
        Ok(DesignLibrary {
            store: Store::open(path).map_err(store_error)?,
        })
    }

    /// An in-memory library, for tests.
    pub fn in_memory() -> Result<DesignLibrary, Error> {
        Ok(DesignLibrary {
            store: Store::open_in_memory().map_err(store_error)?,
        })
    }

    /// The database file, when it is one.
    pub fn path(&self) -> Option<PathBuf> {
        self.store.path().map(Path::to_path_buf)
    }

    /// Saves a design: a new one when `id` is `None`, else replaces that one.
    /// A thumbnail is drawn and kept with it. `at` is the time (RFC 3339 UTC).
    pub fn save(
        &mut self,
        id: Option<&str>,
        design: &BadgeDesign,
        at: &str,
    ) -> Result<SavedDesign, Error> {
        design.validate().map_err(|e| Error::Design {
            name: design.name.clone(),
            source: e,
        })?;
        let body = design.to_json();
        let thumbnail = badgesmith_art::render_png(design, THUMBNAIL_SIZE).ok();
        let content = DesignContent {
            name: &design.name,
            body: &body,
            thumbnail: thumbnail.as_deref(),
        };
        let id = match id {
            Some(id) => {
                self.store
                    .update_design(id, &content, at)
                    .map_err(|e| match e {
                        badgesmith_store::StoreError::DesignNotFound { .. } => {
                            Error::NotFound(format!("no saved design has the id {id}"))
                        }
                        other => store_error(other),
                    })?;
                id.to_owned()
            }
            None => {
                let id = new_id()?;
                self.store
                    .insert_design(&id, &content, at)
                    .map_err(store_error)?;
                id
            }
        };
        self.get(&id)
    }

    /// Every saved design (not in the trash), most recently changed first.
    pub fn list(&self) -> Result<Vec<DesignSummary>, Error> {
        let list = self.store.list_designs().map_err(store_error)?;
        list.into_iter()
            .map(|s| {
                let thumbnail = if s.has_thumbnail {
                    self.store
                        .design_thumbnail(&s.id)
                        .map_err(store_error)?
                        .map(|png| png_data_url(&png))
                } else {
                    None
                };
                Ok(DesignSummary {
                    id: s.id,
                    name: s.name,
                    created_at: s.created_at,
                    updated_at: s.updated_at,
                    thumbnail,
                })
            })
            .collect()
    }

    /// The saved design with this id.
    pub fn get(&self, id: &str) -> Result<SavedDesign, Error> {
        let record = self
            .store
            .get_design(id)
            .map_err(store_error)?
            .ok_or_else(|| Error::NotFound(format!("no saved design has the id {id}")))?;
        let design = BadgeDesign::from_json(&record.body).map_err(|e| Error::Design {
            name: format!("saved design {id}"),
            source: e,
        })?;
        let thumbnail = if record.has_thumbnail {
            self.store
                .design_thumbnail(id)
                .map_err(store_error)?
                .map(|png| png_data_url(&png))
        } else {
            None
        };
        Ok(SavedDesign {
            summary: DesignSummary {
                id: record.id,
                name: record.name,
                created_at: record.created_at,
                updated_at: record.updated_at,
                thumbnail,
            },
            design,
        })
    }

    /// The one saved design whose id starts with `query` or whose name is
    /// `query`, as a person types it on the command line.
    pub fn find_one(&self, query: &str) -> Result<SavedDesign, Error> {
        let found = self
            .store
            .find_designs_by_name_or_id_prefix(query)
            .map_err(store_error)?;
        match found.as_slice() {
            [] => Err(Error::NotFound(format!(
                "no saved design has the name or id \"{query}\" (see `badgesmith design list`)"
            ))),
            [one] => self.get(&one.id),
            [first, ..] if first.id == query => self.get(&first.id),
            many => Err(Error::Usage(format!(
                "\"{query}\" matches {} saved designs ({}); give more of the id",
                many.len(),
                many.iter()
                    .map(|d| format!("{} {}", d.id, d.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    /// Moves a design to the trash (`at` is the time).
    pub fn delete(&mut self, id: &str, at: &str) -> Result<(), Error> {
        self.store.delete_design(id, at).map_err(|e| match e {
            badgesmith_store::StoreError::DesignNotFound { .. } => {
                Error::NotFound(format!("no saved design has the id {id}"))
            }
            other => store_error(other),
        })
    }

    /// Brings a design back from the trash.
    pub fn restore(&mut self, id: &str) -> Result<(), Error> {
        self.store.restore_design(id).map_err(store_error)
    }
}
