//! Writes the static site: every page into a new folder beside the target, then one rename puts
//! it in place, so a web server serving the target sees the old site or the new one, never half
//! of one. The old folder is removed afterwards, pages of closed cases with it.
//!
//! Safety: the target may not lie inside the register nor hold it, may not be a symbolic link,
//! and an existing target is replaced only when it is empty or a site forlop made (it carries
//! [`MARKER`]), so `forlop site ~` cannot wipe a home folder.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::i18n::SiteUi;

/// The file that marks a folder as a site forlop made (and may replace).
pub const MARKER: &str = ".forlop-site";

/// One file of the site: a name (no folders) and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Why the site was not written.
#[derive(Debug)]
pub enum SiteError {
    /// A refusal with its message (nothing was changed).
    Refused(SiteUi),
    /// An I/O failure (the old site, if any, is still in place).
    Io(std::io::Error),
}

impl From<std::io::Error> for SiteError {
    fn from(e: std::io::Error) -> Self {
        SiteError::Io(e)
    }
}

/// `path` made absolute without following a link at its last component: the parent is
/// canonicalized, the name kept as given.
fn absolute(path: &Path) -> Result<(PathBuf, PathBuf, std::ffi::OsString), SiteError> {
    let shown = path.display().to_string();
    let name = path
        .file_name()
        .ok_or_else(|| SiteError::Refused(SiteUi::NotASite { dir: shown.clone() }))?
        .to_os_string();
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let parent = fs::canonicalize(&parent)
        .map_err(|_| SiteError::Refused(SiteUi::NoParent { dir: shown.clone() }))?;
    if !parent.is_dir() {
        return Err(SiteError::Refused(SiteUi::NoParent { dir: shown }));
    }
    Ok((parent.join(&name), parent, name))
}

/// Checks that `dir` may be (re)placed by a site built from the register at `register`.
fn admit(dir: &Path, register: &Path) -> Result<(PathBuf, PathBuf, std::ffi::OsString), SiteError> {
    let shown = dir.display().to_string();
    let (target, parent, name) = absolute(dir)?;
    let root = fs::canonicalize(register)?;
    if target.starts_with(&root) {
        return Err(SiteError::Refused(SiteUi::InsideRegister { dir: shown }));
    }
    if root.starts_with(&target) {
        return Err(SiteError::Refused(SiteUi::HoldsRegister { dir: shown }));
    }
    match fs::symlink_metadata(&target) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e.into()),
        Ok(m) if m.file_type().is_symlink() => {
            return Err(SiteError::Refused(SiteUi::Symlink { dir: shown }));
        }
        Ok(m) if !m.is_dir() => return Err(SiteError::Refused(SiteUi::NotASite { dir: shown })),
        Ok(_) => {
            let ours = fs::symlink_metadata(target.join(MARKER)).is_ok_and(|m| m.is_file());
            let empty = fs::read_dir(&target)?.next().is_none();
            if !ours && !empty {
                return Err(SiteError::Refused(SiteUi::NotASite { dir: shown }));
            }
        }
    }
    Ok((target, parent, name))
}

/// A fresh folder beside the target, named after it and this process.
fn staging(parent: &Path, name: &std::ffi::OsStr, what: &str) -> std::io::Result<PathBuf> {
    let base = format!(".{}.{what}-{}", name.to_string_lossy(), std::process::id());
    for n in 0..100u32 {
        let p = parent.join(format!("{base}-{n}"));
        match fs::create_dir(&p) {
            Ok(()) => return Ok(p),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        "no free temporary folder name",
    ))
}

fn write_pages(folder: &Path, pages: &[Page]) -> std::io::Result<()> {
    let mut all = pages.to_vec();
    all.push(Page {
        name: MARKER.into(),
        bytes: b"forlop site\n".to_vec(),
    });
    for page in &all {
        // Names come from the site's own page list and case ids ([a-z0-9-]); never a path.
        if page.name.contains(['/', '\\']) || page.name.starts_with("..") || page.name.is_empty() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("not a page name: {}", page.name),
            ));
        }
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(folder.join(&page.name))?;
        f.write_all(&page.bytes)?;
        f.sync_all()?;
    }
    #[cfg(unix)]
    {
        // Readable by the web server whatever the umask says about the temporary folder.
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(folder, fs::Permissions::from_mode(0o755))?;
    }
    Ok(())
}

/// Swaps two paths atomically where the system can (Linux `renameat2(RENAME_EXCHANGE)`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let (Ok(a), Ok(b)) = (
        std::ffi::CString::new(a.as_os_str().as_bytes()),
        std::ffi::CString::new(b.as_os_str().as_bytes()),
    ) else {
        return false;
    };
    // SAFETY: both are valid NUL-terminated paths; the call only renames.
    unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        ) == 0
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> bool {
    false
}

/// Writes `pages` as the site at `dir`, built from the register at `register`.
pub fn write(dir: &Path, register: &Path, pages: &[Page]) -> Result<(), SiteError> {
    let (target, parent, name) = admit(dir, register)?;
    let new = staging(&parent, &name, "new")?;
    if let Err(e) = write_pages(&new, pages) {
        let _ = fs::remove_dir_all(&new);
        return Err(e.into());
    }
    let exists = fs::symlink_metadata(&target).is_ok();
    if !exists {
        if let Err(e) = fs::rename(&new, &target) {
            let _ = fs::remove_dir_all(&new);
            return Err(e.into());
        }
    } else if exchange(&new, &target) {
        // `new` now holds the old site.
        fs::remove_dir_all(&new)?;
    } else {
        // Without an atomic exchange: move the old site aside, then the new one in. Between the
        // two renames the target is missing for a moment (a 404), never half a site.
        let old = staging(&parent, &name, "old")?;
        fs::remove_dir(&old)?;
        if let Err(e) = fs::rename(&target, &old) {
            let _ = fs::remove_dir_all(&new);
            return Err(e.into());
        }
        if let Err(e) = fs::rename(&new, &target) {
            let _ = fs::rename(&old, &target);
            let _ = fs::remove_dir_all(&new);
            return Err(e.into());
        }
        fs::remove_dir_all(&old)?;
    }
    if let Ok(d) = fs::File::open(&parent) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(name: &str, text: &str) -> Page {
        Page {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn replaces_the_old_site_and_its_stale_pages() {
        let tmp = tempfile::tempdir().unwrap();
        let reg = tmp.path().join("reg");
        fs::create_dir(&reg).unwrap();
        let dir = tmp.path().join("site");
        write(
            &dir,
            &reg,
            &[page("index.html", "one"), page("a-1.html", "a")],
        )
        .unwrap();
        assert!(dir.join("a-1.html").is_file());
        write(&dir, &reg, &[page("index.html", "two")]).unwrap();
        assert_eq!(fs::read_to_string(dir.join("index.html")).unwrap(), "two");
        assert!(!dir.join("a-1.html").exists(), "a stale page stays");
        // Nothing left beside it.
        let names: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        let mut names = names;
        names.sort();
        assert_eq!(names, ["reg", "site"]);
    }

    #[test]
    fn refuses_what_it_must_not_replace() {
        let tmp = tempfile::tempdir().unwrap();
        let reg = tmp.path().join("reg");
        fs::create_dir(&reg).unwrap();
        let refused = |dir: &Path| match write(dir, &reg, &[page("index.html", "x")]) {
            Err(SiteError::Refused(ui)) => ui,
            other => panic!("not refused: {other:?}"),
        };
        assert!(matches!(
            refused(&reg.join("site")),
            SiteUi::InsideRegister { .. }
        ));
        assert!(matches!(refused(tmp.path()), SiteUi::HoldsRegister { .. }));
        let own = tmp.path().join("mine");
        fs::create_dir(&own).unwrap();
        fs::write(own.join("notes.txt"), "keep").unwrap();
        assert!(matches!(refused(&own), SiteUi::NotASite { .. }));
        assert_eq!(fs::read_to_string(own.join("notes.txt")).unwrap(), "keep");
        assert!(matches!(
            refused(&tmp.path().join("no/such/site")),
            SiteUi::NoParent { .. }
        ));
        #[cfg(unix)]
        {
            let link = tmp.path().join("link");
            std::os::unix::fs::symlink(&own, &link).unwrap();
            assert!(matches!(refused(&link), SiteUi::Symlink { .. }));
        }
    }
}
