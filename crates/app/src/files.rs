//! Reading inputs with a size cap, and writing outputs so that a failure never
//! leaves a half-written file behind.

use std::io::{Read as _, Write as _};
use std::path::Path;

use crate::Error;
use crate::inspect::MAX_INPUT_BYTES;

/// Reads a whole input file, refusing one larger than [`MAX_INPUT_BYTES`]
/// before reading it.
pub fn read_input(path: &Path) -> Result<Vec<u8>, Error> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let size = file.metadata().map_err(|e| Error::io(path, e))?.len();
    if size > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            name: path.display().to_string(),
            size,
            limit: MAX_INPUT_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // The file may grow while we read it; never read past the cap.
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            name: path.display().to_string(),
            size: bytes.len() as u64,
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(bytes)
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a
/// rename, so the destination holds either its old content or all of the new.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_through_temporary(path, bytes, false)
}

/// Like [`write_atomically`], for files only their owner may read (mode
/// 0600 on Unix from the moment the file exists), such as key backups.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_through_temporary(path, bytes, true)
}

fn write_through_temporary(path: &Path, bytes: &[u8], private: bool) -> Result<(), Error> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| Error::io(path, std::io::Error::other("not a file name")))?;
    let tmp = dir.join(format!(".{file_name}.{}.partial", std::process::id()));
    // A leftover from a crash would keep its old mode: start afresh.
    let _ = std::fs::remove_file(&tmp);
    let result = (|| {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        if private {
            use std::os::unix::fs::OpenOptionsExt as _;
            options.mode(0o600);
        }
        #[cfg(not(unix))]
        let _ = private;
        let mut f = options.open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_then_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.txt");
        write_atomically(&p, b"one").unwrap();
        write_atomically(&p, b"two").unwrap();
        assert_eq!(read_input(&p).unwrap(), b"two");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn private_files_are_owner_only() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("key.backup");
        write_private(&p, b"sealed").unwrap();
        let mode = std::fs::metadata(&p).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(read_input(&p).unwrap(), b"sealed");
    }

    #[test]
    fn a_missing_file_names_its_path() {
        let e = read_input(Path::new("/no/such/badge.png")).unwrap_err();
        assert!(e.to_string().starts_with("/no/such/badge.png: "), "{e}");
    }

    #[test]
    fn writing_into_a_missing_folder_fails_cleanly() {
        let e = write_atomically(Path::new("/no/such/dir/out.png"), b"x").unwrap_err();
        assert!(e.to_string().starts_with("/no/such/dir/out.png: "), "{e}");
    }
}
