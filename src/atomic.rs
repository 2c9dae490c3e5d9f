//! Atomic file writes: a temporary file in the same folder, flushed to disk, then renamed over
//! the target, so a reader sees the old file or the new one, never half of one.

use std::fs;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to a new temporary file beside `path` (same folder, so a rename or link is
/// atomic), flushed to disk; gives its path and the folder.
fn temporary(
    path: &Path,
    bytes: &[u8],
    suffix: &str,
) -> std::io::Result<(std::path::PathBuf, std::path::PathBuf)> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => Path::new(".").to_path_buf(),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.{suffix}", std::process::id()));
    let written = (|| {
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()
    })();
    match written {
        Ok(()) => Ok((tmp, dir)),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Writes `bytes` to `path` atomically.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let (tmp, dir) = temporary(path, bytes, "tmp")?;
    if let Err(e) = fs::rename(&tmp, path) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    // The rename itself is durable once the folder is synced.
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Creates `path` with `bytes` atomically, failing with `AlreadyExists` if it exists: the text is
/// written to a temporary file which is then hard-linked to its name.
pub fn create_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let (tmp, _) = temporary(path, bytes, "new")?;
    let linked = fs::hard_link(&tmp, path);
    let _ = fs::remove_file(&tmp);
    linked
}

#[cfg(test)]
mod tests {
    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = std::env::temp_dir().join(format!("forlop-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let target = dir.join("r.html");
        std::fs::write(&target, "old").unwrap();
        super::write(&target, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
        assert_eq!(left.len(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
