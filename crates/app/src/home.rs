//! Where Badgesmith keeps its data.

use std::path::PathBuf;

use crate::Error;

/// The data folder: `--home DIR` if given, else `$BADGESMITH_HOME`, else the
/// operating system's data folder (`~/.local/share/badgesmith` on Linux).
pub fn resolve_home(flag: Option<PathBuf>) -> Result<PathBuf, Error> {
    if let Some(dir) = flag {
        return Ok(dir);
    }
    if let Some(dir) = std::env::var_os("BADGESMITH_HOME").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir()
        .map(|d| d.join("badgesmith"))
        .ok_or(Error::NoHome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_wins() {
        let home = resolve_home(Some(PathBuf::from("/tmp/x"))).unwrap();
        assert_eq!(home, PathBuf::from("/tmp/x"));
    }
}
