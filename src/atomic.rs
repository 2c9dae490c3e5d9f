//! Atomic file writes: a temporary file in the same folder, flushed to disk, then renamed over
//! the target, so a reader sees the old file or the new one, never half of one.

use std::fs;
use std::io::Write;
use std::path::Path;

/// The patterns of the temporary files a write leaves behind only when it is killed before its
/// rename (each a full copy of a case, name and fødselsnummer included): `init`'s `.gitignore`
/// lists them, the next write removes them and `check` names them.
pub const IGNORE_PATTERNS: [&str; 2] = [".*.tmp", ".*.new"];

/// Whether a file name is one of forlop's temporary files: `.<name>.<pid>[-<n>].tmp|new`.
pub fn is_temporary(file_name: &str) -> bool {
    let Some(rest) = file_name.strip_prefix('.') else {
        return false;
    };
    let Some(rest) = rest
        .strip_suffix(".tmp")
        .or_else(|| rest.strip_suffix(".new"))
    else {
        return false;
    };
    let Some((name, tag)) = rest.rsplit_once('.') else {
        return false;
    };
    !name.is_empty()
        && !tag.is_empty()
        && tag
            .split('-')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Writes `bytes` to a new temporary file beside `path` (same folder, so a rename or link is
/// atomic), flushed to disk; gives its path and the folder. A name already taken (a file left by
/// a killed process whose id this one now has) is skipped, never a reason to fail.
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
    let pid = std::process::id();
    let mut attempt = 0u32;
    let (tmp, mut f) = loop {
        let tag = if attempt == 0 {
            pid.to_string()
        } else {
            format!("{pid}-{attempt}")
        };
        let tmp = dir.join(format!(".{name}.{tag}.{suffix}"));
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.custom_flags(libc::O_NOFOLLOW);
        }
        match options.open(&tmp) {
            Ok(f) => break (tmp, f),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 1000 => {
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    };
    let written = f.write_all(bytes).and_then(|()| f.sync_all());
    match written {
        Ok(()) => Ok((tmp, dir)),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Gives `file` the permission bits and group of `like` (a shared working copy: every writer's
/// files stay readable and writable by the group). A group the writer is not in is left as it
/// is, as the system allows.
#[cfg(unix)]
fn take_mode_and_group(file: &Path, like: &fs::Metadata, dir: bool) {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let mut mode = like.mode() & 0o7777;
    if dir {
        // A folder is searchable where its model file is readable.
        mode |= (mode & 0o444) >> 2;
    }
    let _ = std::os::unix::fs::lchown(file, None, Some(like.gid()));
    let _ = fs::set_permissions(file, fs::Permissions::from_mode(mode));
}

#[cfg(not(unix))]
fn take_mode_and_group(_file: &Path, _like: &fs::Metadata, _dir: bool) {}

/// Writes `bytes` to `path` atomically, keeping the mode and group of the file it replaces.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let (tmp, dir) = temporary(path, bytes, "tmp")?;
    if let Ok(old) = fs::symlink_metadata(path)
        && old.is_file()
    {
        take_mode_and_group(&tmp, &old, false);
    }
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
    create_new_like(path, bytes, None)
}

/// Like [`create_new`], the new file taking the mode and group of `like` (forlop.toml: new files
/// in a shared register get the register's).
pub fn create_new_like(path: &Path, bytes: &[u8], like: Option<&Path>) -> std::io::Result<()> {
    let (tmp, _) = temporary(path, bytes, "new")?;
    if let Some(meta) = like.and_then(|l| fs::metadata(l).ok()) {
        take_mode_and_group(&tmp, &meta, false);
    }
    let linked = fs::hard_link(&tmp, path);
    let _ = fs::remove_file(&tmp);
    linked
}

/// Creates `dir` and its missing parents, each new folder taking the mode and group of `like`
/// (forlop.toml).
pub fn create_dir_all_like(dir: &Path, like: &Path) -> std::io::Result<()> {
    let missing: Vec<&Path> = dir.ancestors().take_while(|d| !d.exists()).collect();
    fs::create_dir_all(dir)?;
    if let Ok(meta) = fs::metadata(like) {
        for d in missing {
            take_mode_and_group(d, &meta, true);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode_and_new_files_take_the_model_s() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile_dir("mode");
        let mode =
            |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
        let target = dir.join("c.toml");
        std::fs::write(&target, "old").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o660)).unwrap();
        super::write(&target, b"new").unwrap();
        assert_eq!(mode(&target), 0o660);
        let model = dir.join("forlop.toml");
        std::fs::write(&model, "").unwrap();
        std::fs::set_permissions(&model, std::fs::Permissions::from_mode(0o640)).unwrap();
        let sub = dir.join("cases/2027");
        super::create_dir_all_like(&sub, &model).unwrap();
        assert_eq!(mode(&dir.join("cases")), 0o750);
        assert_eq!(mode(&sub), 0o750);
        let new = sub.join("n.toml");
        super::create_new_like(&new, b"x", Some(&model)).unwrap();
        assert_eq!(mode(&new), 0o640);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn temporary_names_are_recognised() {
        assert!(super::is_temporary(".te-0142.toml.4711.tmp"));
        assert!(super::is_temporary(".te-0142.toml.4711-3.new"));
        assert!(!super::is_temporary(".te-0142.toml"));
        assert!(!super::is_temporary("te-0142.toml.4711.tmp"));
        assert!(!super::is_temporary(".notes.tmp"));
    }

    #[test]
    fn a_stale_file_with_our_name_does_not_block() {
        let dir = tempfile_dir("stale");
        let target = dir.join("c.toml");
        let stale = dir.join(format!(".c.toml.{}.tmp", std::process::id()));
        std::fs::write(&stale, "old copy").unwrap();
        super::write(&target, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    fn tempfile_dir(tag: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("forlop-atomic-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

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
