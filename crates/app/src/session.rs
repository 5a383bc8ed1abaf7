//! The desktop Inspector's working set: the files the user has opened, by id.
//!
//! Files arrive as paths chosen in a dialog, dropped on the window or given on
//! the command line, and are read here, never by the user interface. The user
//! interface refers to them only by id.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::dto::{BakeSaved, FileFormat, OpenOutcome, OpenedFile, Verification};
use crate::{
    Error, bake_credential, inspect_bytes, inspect_text, preview_data_url, read_input,
    write_atomically,
};

/// The files open in one Inspector window, plus files that arrived (by drop or
/// on the command line) and that the user interface has not collected yet.
#[derive(Debug, Default)]
pub struct InspectorSession {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    next_id: u32,
    files: BTreeMap<u32, Opened>,
    pending: Vec<OpenOutcome>,
}

#[derive(Debug)]
struct Opened {
    name: String,
    bytes: Vec<u8>,
    format: FileFormat,
    text: Option<String>,
}

impl InspectorSession {
    /// An empty session.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads and inspects each file; one outcome per path, in order.
    pub fn open_paths(&self, paths: &[PathBuf]) -> Vec<OpenOutcome> {
        paths.iter().map(|p| self.open_path(p)).collect()
    }

    /// Reads and inspects the files and keeps the outcomes until
    /// [`take_pending`](Self::take_pending) collects them.
    pub fn queue_paths(&self, paths: &[PathBuf]) {
        let outcomes = self.open_paths(paths);
        self.lock().pending.extend(outcomes);
    }

    /// The outcomes queued since the last call.
    pub fn take_pending(&self) -> Vec<OpenOutcome> {
        std::mem::take(&mut self.lock().pending)
    }

    /// Inspects pasted text (a JSON credential, a JWT or a URL).
    pub fn open_text(&self, text: &str) -> OpenOutcome {
        let name = "Pasted text";
        match inspect_text(name, text) {
            Ok(inspection) => {
                let text = inspection.badge.as_ref().map(|b| b.text.clone());
                let opened = Opened {
                    name: name.into(),
                    bytes: text.clone().unwrap_or_default().into_bytes(),
                    format: inspection.format,
                    text,
                };
                self.insert(opened, inspection, None)
            }
            Err(e) => failed(name, &e),
        }
    }

    /// Forgets a file. Unknown ids are ignored.
    pub fn close(&self, id: u32) {
        self.lock().files.remove(&id);
    }

    /// The file name of an open file, e.g. to propose a name in a save dialog.
    pub fn file_name(&self, id: u32) -> Option<String> {
        self.lock().files.get(&id).map(|f| f.name.clone())
    }

    /// The embedded text of an open file and a file extension that suits it
    /// (`json` or `jwt`, else `txt`).
    pub fn badge_text(&self, id: u32) -> Result<(String, &'static str), Error> {
        let inner = self.lock();
        let file = inner.files.get(&id).ok_or_else(|| unknown(id))?;
        let text = file.text.clone().ok_or_else(|| Error::NoBadge {
            name: file.name.clone(),
        })?;
        let ext = match badgesmith_bake::PayloadKind::of(&text) {
            badgesmith_bake::PayloadKind::Json => "json",
            badgesmith_bake::PayloadKind::Jws => "jwt",
            _ => "txt",
        };
        Ok((text, ext))
    }

    /// Verifies the badge of an open file, offline unless `online`; the
    /// clock is read here (the `at` of the request is "now").
    /// `local_status` holds status lists kept on this machine, by URL.
    pub fn verify(
        &self,
        id: u32,
        online: bool,
        local_status: std::collections::HashMap<String, Vec<u8>>,
    ) -> Result<Verification, Error> {
        let (text, _) = self.badge_text(id)?;
        let request = crate::VerifyRequest {
            online,
            local_status,
            ..Default::default()
        };
        let report = crate::verify_badge_text(&text, &request)?;
        Ok(Verification::from_report(&report, online))
    }

    /// Writes the embedded text of an open file to `out`.
    pub fn save_badge_text(&self, id: u32, out: &Path) -> Result<(), Error> {
        let (text, _) = self.badge_text(id)?;
        write_atomically(out, text.as_bytes())
    }

    /// Bakes the credential file `credential` into open image `id`, writes the
    /// result to `out` and opens it.
    pub fn bake_into(&self, id: u32, credential: &Path, out: &Path) -> Result<BakeSaved, Error> {
        let (name, image) = {
            let inner = self.lock();
            let file = inner.files.get(&id).ok_or_else(|| unknown(id))?;
            if !matches!(file.format, FileFormat::Png | FileFormat::Svg) {
                return Err(Error::NotABadge {
                    name: file.name.clone(),
                    reason: "only PNG and SVG images can have a credential baked into them".into(),
                });
            }
            (file.name.clone(), file.bytes.clone())
        };
        let credential_bytes = read_input(credential)?;
        let baked = bake_credential(&name, &image, &display_name(credential), &credential_bytes)?;
        write_atomically(out, &baked.bytes)?;
        match self.open_bytes(display_name(out), baked.bytes) {
            OpenOutcome::Opened { file } => Ok(BakeSaved {
                saved_to: out.display().to_string(),
                placed_as: baked.placed_as,
                file: *file,
            }),
            OpenOutcome::Failed { error, .. } => Err(Error::NotABadge {
                name: display_name(out),
                reason: error.message,
            }),
        }
    }

    fn open_path(&self, path: &Path) -> OpenOutcome {
        let name = display_name(path);
        match read_input(path) {
            Ok(bytes) => self.open_bytes(name, bytes),
            Err(e) => failed(&name, &e),
        }
    }

    fn open_bytes(&self, name: String, bytes: Vec<u8>) -> OpenOutcome {
        match inspect_bytes(&name, &bytes) {
            Ok(inspection) => {
                let preview = preview_data_url(&bytes);
                let opened = Opened {
                    name,
                    format: inspection.format,
                    text: inspection.badge.as_ref().map(|b| b.text.clone()),
                    bytes,
                };
                self.insert(opened, inspection, preview)
            }
            Err(e) => failed(&name, &e),
        }
    }

    fn insert(
        &self,
        opened: Opened,
        inspection: crate::dto::Inspection,
        preview_url: Option<String>,
    ) -> OpenOutcome {
        let mut inner = self.lock();
        inner.next_id = inner.next_id.wrapping_add(1);
        let id = inner.next_id;
        inner.files.insert(id, opened);
        OpenOutcome::Opened {
            file: Box::new(OpenedFile {
                id,
                inspection,
                preview_url,
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave `Inner` half-updated in a
        // way that matters (every update is a single insert or remove).
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn failed(name: &str, e: &Error) -> OpenOutcome {
    OpenOutcome::Failed {
        name: name.into(),
        error: e.into(),
    }
}

fn unknown(id: u32) -> Error {
    Error::NotABadge {
        name: format!("file #{id}"),
        reason: "it is no longer open".into(),
    }
}
