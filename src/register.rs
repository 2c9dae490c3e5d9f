//! Finding the register, walking its files and parsing them in parallel.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::builtin;
use crate::check::case::{CaseContext, check_case};
use crate::check::pathway::check_pathway;
use crate::check::register::CaseKey;
use crate::diag::{self, Diagnostic, LineIndex, Loc, Severity};
use crate::i18n::{Msg, Ui};
use crate::model::{Case, Origin, Pathway, Settings, Team, Text};
use crate::parse::{self, Decoder};

/// A loaded register: settings, team, pathways, cases, and every diagnostic found on the way.
#[derive(Debug)]
pub struct Register {
    pub root: PathBuf,
    pub settings: Settings,
    pub team: Option<Team>,
    /// Built-in pathways overridden or extended by the register's own, sorted by id.
    pub pathways: Vec<Pathway>,
    /// Cases that could be read and that the command's scope keeps, sorted by file path.
    pub cases: Vec<Case>,
    /// A small key of every case that could be read, whatever the scope.
    pub keys: Vec<CaseKey>,
    /// Every problem, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// What the listing outputs name in their body: every file they could not fully use.
    pub problems: Vec<Problem>,
    /// `cases/` exists but cannot be read as a folder: no listing may say "0 cases".
    pub cases_unreadable: Option<Msg>,
    /// Number of files read (config, team, pathways and cases).
    pub files_read: usize,
}

/// A file a command could not fully use, with the line and the problem: every listing output
/// names these in its body (SPEC §4), so a case or pathway file with errors never drops out of
/// the daily lists silently.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Register-relative path.
    pub file: String,
    /// 1-based line, where the problem has one.
    pub line: Option<u32>,
    pub msg: Msg,
}

impl Problem {
    /// `file:line` (or the file alone).
    pub fn place(&self) -> String {
        match self.line {
            Some(line) => format!("{}:{line}", self.file),
            None => self.file.clone(),
        }
    }
}

/// The problems of a loaded register: every error, every file left unread, and one line per
/// register pathway file that could not be used at all, naming how many cases it leaves without
/// deadlines.
fn problems(diags: &[Diagnostic], broken: &[String], keys: &[CaseKey]) -> Vec<Problem> {
    let mut out: Vec<Problem> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error || matches!(d.msg, Msg::IgnoredFile))
        .map(|d| Problem {
            file: d.file.clone(),
            line: d.loc.map(|l| l.line),
            msg: d.msg.clone(),
        })
        .collect();
    for stem in broken {
        let cases = keys.iter().filter(|k| k.pathway == *stem).count();
        out.push(Problem {
            file: format!("pathways/{stem}.toml"),
            line: None,
            msg: Msg::PathwayUnusable {
                pathway: stem.clone(),
                cases,
            },
        });
    }
    out.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    out
}

impl Register {
    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// The pathway with `id`.
    pub fn pathway(&self, id: &str) -> Option<&Pathway> {
        crate::model::find_pathway(&self.pathways, id)
    }
}

/// Finds the register root: `explicit` (from `--register` or `$FORLOP_REGISTER`), else the
/// nearest ancestor of `cwd` that holds forlop.toml.
pub fn discover(explicit: Option<&Path>, cwd: &Path) -> Result<PathBuf, Ui> {
    if let Some(dir) = explicit {
        let shown = dir.display().to_string();
        if !dir.is_dir() {
            return Err(Ui::NoSuchRegister { dir: shown });
        }
        if !dir.join("forlop.toml").is_file() {
            return Err(Ui::NotARegister { dir: shown });
        }
        return Ok(dir.to_path_buf());
    }
    cwd.ancestors()
        .find(|d| d.join("forlop.toml").is_file())
        .map(Path::to_path_buf)
        .ok_or_else(|| Ui::NoRegister {
            dir: cwd.display().to_string(),
        })
}

/// `path` relative to `root`, with `/` separators, for display.
pub fn display_path(root: &Path, path: &Path) -> String {
    // Paths the walker made from `root`: the rest after `root/` as it is (no component
    // parsing for each of 100,000 files), when it is plain `/`-separated UTF-8.
    let (p, r) = (
        path.as_os_str().as_encoded_bytes(),
        root.as_os_str().as_encoded_bytes(),
    );
    if std::path::MAIN_SEPARATOR == '/' && !r.is_empty() && p.starts_with(r) {
        let rest = &p[r.len()..];
        let rest = if r.ends_with(b"/") {
            Some(rest)
        } else {
            rest.strip_prefix(b"/")
        };
        // `//` and `/./` are looked for byte by byte: a substring search's set-up costs more
        // than a path this short.
        let plain = |b: &[u8]| {
            !b.windows(2).any(|w| w[0] == b'/' && w[1] == b'/')
                && !b
                    .windows(3)
                    .any(|w| w[0] == b'/' && w[1] == b'.' && w[2] == b'/')
        };
        if let Some(s) = rest.and_then(|b| std::str::from_utf8(b).ok())
            && !s.is_empty()
            && !s.starts_with(['/', '.'])
            && plain(s.as_bytes())
        {
            return s.to_string();
        }
    }
    let rel = path.strip_prefix(root).unwrap_or(path);
    // The common case on unix: already `/`-separated UTF-8.
    if let Some(s) = rel.to_str().filter(|_| std::path::MAIN_SEPARATOR == '/') {
        return s.trim_start_matches("./").to_string();
    }
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// A diagnostic about a file as a whole (or at a position without a parsed text).
fn file_diag(severity: Severity, file: &str, msg: Msg) -> Diagnostic {
    Diagnostic {
        severity,
        file: file.to_string(),
        loc: None,
        source_line: None,
        line_mask: diag::LineMask::Unknown,
        msg,
    }
}

fn file_error(file: &str, msg: Msg) -> Box<Diagnostic> {
    Box::new(file_diag(Severity::Error, file, msg))
}

/// The largest file read: a case file is a few kB, so anything near this is not one, and
/// reading it could take more memory than the machine has.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Opens a file for reading without following a symbolic link, and checks on the open handle
/// that it is a regular file (one path lookup; nothing a link points to is ever opened). Given
/// the handle of the file's folder, the file is opened by its name from there.
fn open_regular(
    path: &Path,
    shown: &str,
    folder: Option<&fs::File>,
) -> Result<(fs::File, u64), Box<Diagnostic>> {
    let unreadable = |e: std::io::Error| {
        file_error(
            shown,
            Msg::Unreadable {
                detail: e.kind().to_string(),
            },
        )
    };
    #[cfg(unix)]
    let file = {
        use rustix::fs::{Mode, OFlags};
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK: a fifo put where a case file should be must not hang the check.
        let opened = match (folder, path.file_name()) {
            (Some(folder), Some(name)) => rustix::fs::openat(
                folder,
                name,
                OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC,
                Mode::empty(),
            )
            .map(fs::File::from)
            .map_err(std::io::Error::from),
            _ => fs::OpenOptions::new()
                .read(true)
                .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
                .open(path),
        };
        opened.map_err(|e| match e.raw_os_error() {
            Some(libc::ELOOP) => file_error(shown, Msg::Symlink),
            _ => unreadable(e),
        })?
    };
    #[cfg(not(unix))]
    let file = {
        let _ = folder;
        let meta = fs::symlink_metadata(path).map_err(unreadable)?;
        if meta.file_type().is_symlink() {
            return Err(file_error(shown, Msg::Symlink));
        }
        fs::File::open(path).map_err(unreadable)?
    };
    let meta = file.metadata().map_err(unreadable)?;
    if !meta.is_file() {
        return Err(file_error(shown, Msg::NotRegularFile));
    }
    Ok((file, meta.len()))
}

/// The text of a file, or a diagnostic saying why it cannot be read as text.
/// Symbolic links are never followed.
pub fn read_text(path: &Path, shown: &str) -> Result<String, Box<Diagnostic>> {
    read_text_in(path, shown, None)
}

/// [`read_text`], the file opened by name from its folder's handle when one is given.
fn read_text_in(
    path: &Path,
    shown: &str,
    folder: Option<&fs::File>,
) -> Result<String, Box<Diagnostic>> {
    use std::io::Read;
    let (mut file, len) = open_regular(path, shown, folder)?;
    if len > MAX_FILE_BYTES {
        return Err(file_error(
            shown,
            Msg::FileTooLarge {
                megabytes: len / (1024 * 1024),
            },
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    // Through `take`, `read_to_end` trusts the capacity instead of asking the file for its
    // size and position again (two system calls for each of 100,000 files); the limit keeps
    // a file that grows while read within the cap.
    (&mut file)
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            file_error(
                shown,
                Msg::Unreadable {
                    detail: e.kind().to_string(),
                },
            )
        })?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        // The valid prefix locates the first bad byte.
        let prefix = String::from_utf8_lossy(valid);
        let prefix = parse::strip_bom(&prefix);
        let idx = LineIndex::new(prefix);
        let loc = idx.loc(prefix.len()..prefix.len());
        Box::new(Diagnostic {
            severity: Severity::Error,
            file: shown.to_string(),
            loc: Some(Loc { len: 1, ..loc }),
            source_line: None,
            line_mask: diag::LineMask::Unknown,
            msg: Msg::NotUtf8,
        })
    })
}

/// Texts that stand in for the working tree's files: the staged versions, for the pre-commit
/// check (`check --staged`), which then runs the same loader and the same rules across files.
#[derive(Clone, Debug, Default)]
pub struct Overlay {
    /// Register-relative path (`cases/2026/te-0142.toml`) → the text to use instead of the file.
    pub texts: std::collections::HashMap<String, String>,
    /// Register-relative paths whose files count as deleted.
    pub removed: std::collections::HashSet<String>,
}

impl Overlay {
    fn text(&self, shown: &str) -> Option<&str> {
        self.texts.get(shown).map(String::as_str)
    }

    /// Whether `shown` is one of the overlay's files.
    pub fn covers(&self, shown: &str) -> bool {
        self.texts.contains_key(shown) || self.removed.contains(shown)
    }

    /// Overlay files under `folder/` (register-relative) not in `seen`, as paths under `root`.
    fn extra(&self, root: &Path, folder: &str, seen: &[PathBuf]) -> Vec<PathBuf> {
        let prefix = format!("{folder}/");
        let seen: std::collections::HashSet<String> =
            seen.iter().map(|p| display_path(root, p)).collect();
        self.texts
            .keys()
            .filter(|k| k.starts_with(&prefix) && k.ends_with(".toml") && !seen.contains(*k))
            .map(|k| root.join(k))
            .collect()
    }
}

/// The text of a register file: the overlay's version where it has one, else the file's (opened
/// from its folder's handle when a [`Folder`] is given; a staged text opens nothing).
fn read_source(
    path: &Path,
    shown: &str,
    overlay: Option<&Overlay>,
    folder: Option<&mut Folder>,
) -> Result<String, Box<Diagnostic>> {
    match overlay.and_then(|o| o.text(shown)) {
        Some(text) => Ok(text.to_string()),
        None => read_text_in(path, shown, folder.and_then(|f| f.of(path))),
    }
}

/// Loads the built-in pathways and, when `root` is given, the register's `pathways/*.toml`
/// (which override built-ins with the same id). Returns the pathways sorted by id, the ids of
/// register pathway files that could not be loaded, and diagnostics.
pub fn load_pathways(root: Option<&Path>) -> (Vec<Pathway>, Vec<String>, Vec<Diagnostic>, usize) {
    load_pathways_with(root, None)
}

fn load_pathways_with(
    root: Option<&Path>,
    overlay: Option<&Overlay>,
) -> (Vec<Pathway>, Vec<String>, Vec<Diagnostic>, usize) {
    let mut diags = Vec::new();
    let mut pathways: Vec<Pathway> = Vec::new();
    let mut broken = Vec::new();
    let mut files = 0;
    for (stem, text) in builtin::PATHWAYS {
        let shown = format!("(innebygd) pathways/{stem}.toml");
        let (p, mut d) = parse_pathway_text(&shown, text, stem, Origin::BuiltIn);
        diags.append(&mut d);
        pathways.extend(p);
    }
    if let Some(root) = root {
        let dir = root.join("pathways");
        let mut paths = Vec::new();
        // A linked folder is not read: nothing is read through a link.
        let linked = fs::symlink_metadata(&dir).is_ok_and(|m| m.file_type().is_symlink());
        if linked {
            diags.push(file_diag(Severity::Error, "pathways", Msg::Symlink));
        } else if let Ok(entries) = fs::read_dir(&dir) {
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "toml") {
                    paths.push(path);
                }
            }
        }
        if let Some(o) = overlay {
            let extra = o.extra(root, "pathways", &paths);
            paths.extend(
                extra
                    .into_iter()
                    .filter(|p| p.parent() == Some(dir.as_path())),
            );
            paths.retain(|p| !o.removed.contains(&display_path(root, p)));
        }
        paths.sort();
        for path in paths {
            files += 1;
            let shown = display_path(root, &path);
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            match read_source(&path, &shown, overlay, None) {
                Ok(text) => {
                    let (p, mut d) = parse_pathway_text(&shown, &text, &stem, Origin::Register);
                    diags.append(&mut d);
                    match p {
                        Some(p) => {
                            pathways.retain(|q| q.id.value != p.id.value);
                            pathways.push(p);
                        }
                        None => broken.push(stem),
                    }
                }
                Err(d) => {
                    diags.push(*d);
                    broken.push(stem);
                }
            }
        }
    }
    // A register file that could not be used never falls back silently to the built-in
    // definition of the same id: the section's own times and tasks would quietly become the
    // national ones. Its cases get no deadlines, and every listing says so.
    pathways.retain(|p| p.origin == Origin::Register || !broken.contains(&p.id.value));
    pathways.sort_by(|a, b| a.id.value.cmp(&b.id.value));
    (pathways, broken, diags, files)
}

/// Parses and checks one pathway definition's text.
pub fn parse_pathway_text(
    shown: &str,
    text: &str,
    stem: &str,
    origin: Origin,
) -> (Option<Pathway>, Vec<Diagnostic>) {
    let text = parse::strip_bom(text);
    let mut d = Decoder::new(shown, text);
    let p = parse::parse_pathway(&mut d, text, origin);
    if let Some(p) = &p {
        check_pathway(p, stem, &mut d.sink);
    }
    (p, d.sink.diags)
}

/// Every case file under `cases/`, sorted: the one walker behind the loader, the writes, `log`
/// and the pre-commit check. Dot-folders and dot-files are not read (the loader says so), links
/// are never followed, only regular `.toml` files count.
pub fn case_files(root: &Path) -> Vec<PathBuf> {
    let mut ignored = Vec::new();
    case_paths(root, &mut ignored).unwrap_or_default()
}

/// The temporary files under `cases/` that a killed write left behind (each a full copy of a
/// case, name and fødselsnummer included), found by the same walker.
pub fn stale_temporaries(root: &Path) -> Vec<PathBuf> {
    let mut diags = Vec::new();
    let _ = case_paths(root, &mut diags);
    diags
        .into_iter()
        .filter(|d| d.msg == Msg::StaleTemporary)
        .map(|d| root.join(d.file))
        .collect()
}

/// Collects case file paths under `cases/`, sorted, with diagnostics for what is not read.
/// A missing `cases/` is a register without cases; one that exists but cannot be read as a
/// folder gives the problem as `Err` (and a diagnostic): no listing may then say "0 cases".
fn case_paths(root: &Path, diags: &mut Vec<Diagnostic>) -> Result<Vec<PathBuf>, Msg> {
    let dir = root.join("cases");
    let mut paths = Vec::new();
    let meta = match fs::symlink_metadata(&dir) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(paths),
        Err(e) => {
            let msg = Msg::UnreadableDir {
                detail: e.kind().to_string(),
            };
            diags.push(file_diag(Severity::Error, "cases", msg.clone()));
            return Err(msg);
        }
    };
    let problem = if meta.file_type().is_symlink() {
        Some(Msg::Symlink)
    } else if !meta.is_dir() {
        Some(Msg::CasesNotAFolder)
    } else {
        fs::read_dir(&dir).err().map(|e| Msg::UnreadableDir {
            detail: e.kind().to_string(),
        })
    };
    if let Some(msg) = problem {
        diags.push(file_diag(Severity::Error, "cases", msg.clone()));
        return Err(msg);
    }
    // The top level is walked here; each sub-folder (a year, usually) in parallel, since a
    // register of 100,000 cases spends a noticeable part of a command listing them.
    let top = walk(root, &dir, true);
    let walked: Vec<Walked> = top
        .folders
        .par_iter()
        .map(|sub| walk(root, sub, false))
        .collect();
    for w in std::iter::once(top).chain(walked) {
        paths.extend(w.files);
        diags.extend(w.diags);
    }
    // Sorted as a walk sorted by name at each level would give them (a `/` orders before any
    // other byte), without comparing path components.
    // Every path starts with the folder's: the comparisons start after it.
    let common = dir.as_os_str().len();
    Ok(sort_walk_order(paths, common))
}

/// `paths` in walk order ([`walk_order_from`]). Each path's first 16 bytes after the folder are
/// taken once as a number beside its index (`/2026/te-0142.to`: different for nearly every
/// pair), so a comparison seldom reads the paths themselves; the paths are then put in that
/// order where they are (a second list of them would be 24 MB at a million cases).
fn sort_walk_order(mut paths: Vec<PathBuf>, common: usize) -> Vec<PathBuf> {
    crate::sort::by_keys(
        &mut paths,
        |p| walk_key(p, common),
        |a, b| walk_order_from(a, b, common),
    );
    paths
}

/// The first 16 bytes of `path` after `common`, the separator as 0 and a shorter path padded
/// with 0, as a big-endian number: two keys that differ order their paths as
/// [`walk_order_from`] does (a name holds no NUL byte), and equal keys say nothing.
fn walk_key(path: &Path, common: usize) -> u128 {
    let bytes = path.as_os_str().as_encoded_bytes();
    let rest = bytes.get(common..).unwrap_or_default();
    let mut key = [0u8; 16];
    for (k, &b) in key.iter_mut().zip(rest) {
        *k = if b == b'/' { 0 } else { b };
    }
    u128::from_be_bytes(key)
}

/// The order of a walk sorted by name at each level: bytes, with the separator lowest, of two
/// paths whose first `common` bytes are the same (the folder walked). The paths in it share
/// long prefixes too (`2026/te-0`), so the rest of the common prefix is skipped 16 bytes at a
/// time.
fn walk_order_from(a: &Path, b: &Path, common: usize) -> std::cmp::Ordering {
    let (a, b) = (
        a.as_os_str().as_encoded_bytes(),
        b.as_os_str().as_encoded_bytes(),
    );
    let common = common.min(a.len()).min(b.len());
    let (a, b) = (&a[common..], &b[common..]);
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + 16 <= n && a[i..i + 16] == b[i..i + 16] {
        i += 16;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    let sep = |c: u8| if c == b'/' { 0 } else { c };
    match (a.get(i), b.get(i)) {
        (Some(&x), Some(&y)) => sep(x).cmp(&sep(y)),
        _ => a.len().cmp(&b.len()),
    }
}

/// What a walk of one folder found.
#[derive(Default)]
struct Walked {
    /// The case files.
    files: Vec<PathBuf>,
    /// With `top_only`, the non-hidden folders in it, for the caller to walk.
    folders: Vec<PathBuf>,
    /// One for each entry that is not read.
    diags: Vec<Diagnostic>,
}

/// Walks `dir` without following links: its whole tree, or with `top_only` its own entries
/// only (its folders listed, not entered).
fn walk(root: &Path, dir: &Path, top_only: bool) -> Walked {
    let mut found = Walked::default();
    let mut walker = walkdir::WalkDir::new(dir).follow_links(false);
    if top_only {
        walker = walker.max_depth(1);
    }
    let mut walker = walker.into_iter();
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let shown = e
                    .path()
                    .map(|p| display_path(root, p))
                    .unwrap_or_else(|| "cases".into());
                let detail = e
                    .io_error()
                    .map(|io| io.kind().to_string())
                    .unwrap_or_else(|| e.to_string());
                found.diags.push(file_diag(
                    Severity::Error,
                    &shown,
                    Msg::UnreadableDir { detail },
                ));
                continue;
            }
        };
        let ft = entry.file_type();
        let name = entry.file_name().to_string_lossy();
        // Hidden entries are not read, but never skipped silently: a `.te-0142.toml` would
        // otherwise be a case nobody sees, and a killed write's temporary file a copy of one.
        // Other dot-files (`.gitkeep`) are nobody's case.
        if entry.depth() > 0 && name.starts_with('.') {
            let msg = if ft.is_dir() {
                walker.skip_current_dir();
                Some(Msg::HiddenFile)
            } else if crate::atomic::is_temporary(&name) {
                Some(Msg::StaleTemporary)
            } else if name.ends_with(".toml") {
                Some(Msg::HiddenFile)
            } else {
                None
            };
            if let Some(msg) = msg {
                let shown = display_path(root, entry.path());
                found.diags.push(file_diag(Severity::Warning, &shown, msg));
            }
            continue;
        }
        if ft.is_dir() {
            if top_only && entry.depth() > 0 {
                found.folders.push(entry.into_path());
            }
            continue;
        }
        let path = entry.path();
        let is_toml = path.extension().is_some_and(|e| e == "toml");
        let problem = if ft.is_symlink() {
            Some((Severity::Error, Msg::Symlink))
        } else if !is_toml {
            Some((Severity::Warning, Msg::IgnoredFile))
        } else if !ft.is_file() {
            Some((Severity::Error, Msg::NotRegularFile))
        } else {
            None
        };
        match problem {
            Some((severity, msg)) => {
                found
                    .diags
                    .push(file_diag(severity, &display_path(root, path), msg))
            }
            None => found.files.push(entry.into_path()),
        }
    }
    found
}

/// The folder a run of case files is read from: its handle is kept while the (sorted) paths
/// stay in it, and each file is opened by its name from there, instead of a lookup of every
/// folder of its path for each of 100,000 files.
#[derive(Default)]
struct Folder {
    path: Option<PathBuf>,
    handle: Option<fs::File>,
}

impl Folder {
    /// The handle of `file`'s folder (`None` when the folder cannot be opened as one: the file
    /// is then opened by its whole path, and any problem is reported on it). A folder is opened
    /// once, whether that worked or not.
    fn of(&mut self, file: &Path) -> Option<&fs::File> {
        let parent = file.parent()?;
        if self.path.as_deref() != Some(parent) {
            self.path = Some(parent.to_path_buf());
            self.handle = open_folder(parent);
        }
        self.handle.as_ref()
    }
}

/// A folder opened to open files from: only a real folder (not a link, and not a fifo, which
/// would block the open until a writer came).
#[cfg(unix)]
fn open_folder(path: &Path) -> Option<fs::File> {
    use rustix::fs::{Mode, OFlags};
    let flags =
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
    rustix::fs::open(path, flags, Mode::empty())
        .ok()
        .map(fs::File::from)
}

/// Elsewhere files are opened by their whole path.
#[cfg(not(unix))]
fn open_folder(_: &Path) -> Option<fs::File> {
    None
}

/// Reads, parses and checks one case file.
fn load_case(
    root: &Path,
    path: &Path,
    folder: &mut Folder,
    ctx: &CaseContext<'_>,
    overlay: Option<&Overlay>,
) -> (Option<Case>, Vec<Diagnostic>) {
    let shown = display_path(root, path);
    let text = match read_source(path, &shown, overlay, Some(folder)) {
        Ok(t) => t,
        Err(d) => return (None, vec![*d]),
    };
    let stem = path.file_stem().map(|s| s.to_string_lossy());
    parse_case_text(&shown, &text, stem.as_deref().unwrap_or_default(), ctx)
}

fn load_optional<T>(
    root: &Path,
    name: &str,
    parse: fn(&str, &str) -> (T, Vec<Diagnostic>),
    diags: &mut Vec<Diagnostic>,
    overlay: Option<&Overlay>,
) -> Option<T> {
    let path = root.join(name);
    if overlay.is_some_and(|o| o.removed.contains(name)) {
        return None;
    }
    if overlay.and_then(|o| o.text(name)).is_none() {
        fs::symlink_metadata(&path).ok()?;
    }
    match read_source(&path, name, overlay, None) {
        Ok(text) => {
            let (value, mut d) = parse(name, &text);
            diags.append(&mut d);
            Some(value)
        }
        Err(d) => {
            diags.push(*d);
            None
        }
    }
}

/// What a single case is checked against: settings, team and pathways, without the cases.
#[derive(Debug)]
pub struct Context {
    pub settings: Settings,
    pub team: Option<Team>,
    pub pathways: Vec<Pathway>,
    pub broken_pathways: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
    pub pathway_files: usize,
}

impl Context {
    /// The context for checking one case on `today`.
    pub fn case_context(&self, today: NaiveDate) -> CaseContext<'_> {
        CaseContext {
            pathways: &self.pathways,
            broken_pathways: &self.broken_pathways,
            team: self.team.as_ref(),
            today,
            stale_days: self.settings.stale_days,
            warnings: true,
            mask_lines: self.settings.redact,
        }
    }
}

/// Loads settings, team and pathways (not the cases): enough to check or write one case.
pub fn load_context(root: &Path) -> Context {
    load_context_with(root, None)
}

fn load_context_with(root: &Path, overlay: Option<&Overlay>) -> Context {
    let mut diagnostics = Vec::new();
    let settings = load_optional(
        root,
        "forlop.toml",
        parse::parse_settings,
        &mut diagnostics,
        overlay,
    )
    .unwrap_or_default();
    let team = load_optional(
        root,
        "team.toml",
        parse::parse_team,
        &mut diagnostics,
        overlay,
    );
    let (pathways, broken_pathways, mut pd, pathway_files) =
        load_pathways_with(Some(root), overlay);
    diagnostics.append(&mut pd);
    Context {
        settings,
        team,
        pathways,
        broken_pathways,
        diagnostics,
        pathway_files,
    }
}

/// Loads the whole register at `root` as it stands on `today`.
/// Which cases a command keeps whole after they are checked. Every file is parsed and checked
/// either way: diagnostics and the rules across files do not depend on the scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every case.
    All,
    /// Cases open on `today`.
    Open,
    /// `stats`: every case, or with a date those open on `today` or with an event, closure or
    /// transfer on or after it; kept only for the standard times they measured (events,
    /// pathway, coordinator): notes, appointments, MDT meetings, tasks and deviations are
    /// dropped as soon as the case is checked.
    Measures(Option<NaiveDate>),
    /// Cases open on `today`, kept only for their deadlines and status (`due`, `overdue`, the
    /// `status` list): their notes, appointments, MDT meetings, deviations and GP are dropped
    /// as soon as the case is checked (an output-heavy register keeps most of its cases).
    Deadlines,
    /// Like [`Scope::Deadlines`], keeping the appointments and MDT meetings dated within the
    /// window (`agenda`: its days).
    Window(NaiveDate, NaiveDate),
    /// The morning report on `today`: the cases [`Scope::Measures`] with that date keeps, with their
    /// deviations (without reasons), their appointments and MDT meetings from today on (its
    /// agenda's days, and what keeps a case from being stale), and of the past only what the
    /// stale list asks: the last appointment, MDT meeting and note (its date) before today.
    Report { since: NaiveDate, today: NaiveDate },
}

impl Scope {
    /// `case` with what the scope does not need dropped: no command but `status CASE`,
    /// `handover`, `mdt`, `log` and `site` (all with [`Scope::All`]) shows a note's text, an
    /// event's note, a deviation's reason, an MDT conclusion, the GP or the doctor.
    pub fn slim(self, mut case: Case) -> Case {
        if self == Scope::All {
            return case;
        }
        for n in &mut case.notes {
            n.text = Text::default();
            n.by = None;
        }
        for e in &mut case.events {
            e.note = None;
        }
        for d in &mut case.deviations {
            d.reason = Text::default();
        }
        for m in &mut case.mdts {
            m.conclusion = None;
        }
        case.patient.gp = None;
        // The doctor is shown by the commands that load whole cases only (handover, mdt, the
        // case's own status).
        case.doctor = None;
        if let Scope::Window(from, to) = self {
            let inside = |d: NaiveDate| d >= from && d <= to;
            case.appointments.retain(|a| inside(a.date.value));
            case.appointments.shrink_to_fit();
            case.mdts.retain(|m| inside(m.date.value));
            case.mdts.shrink_to_fit();
        }
        if let Scope::Report { today, .. } = self {
            case.appointments = keep_for_report(
                std::mem::take(&mut case.appointments),
                |a| a.date.value,
                today,
            );
            case.mdts = keep_for_report(std::mem::take(&mut case.mdts), |m| m.date.value, today);
            // Only the last note on or before today counts (for the stale list).
            let latest = case
                .notes
                .iter()
                .enumerate()
                .filter(|(_, n)| n.date.value <= today)
                .max_by_key(|(_, n)| n.date.value)
                .map(|(i, _)| i);
            case.notes = match latest {
                Some(i) => vec![case.notes.swap_remove(i)],
                None => Vec::new(),
            };
        }
        // Deadlines, the agenda's days and measures show no note and no deviation; deadlines
        // and measures no booking either, and measures no task.
        if matches!(
            self,
            Scope::Deadlines | Scope::Window(..) | Scope::Measures(_)
        ) {
            case.notes = Vec::new();
            case.deviations = Vec::new();
        }
        if matches!(self, Scope::Deadlines | Scope::Measures(_)) {
            case.appointments = Vec::new();
            case.mdts = Vec::new();
            case.events.shrink_to_fit();
        }
        match self {
            Scope::Measures(_) => case.tasks = Vec::new(),
            Scope::Deadlines => case.tasks.shrink_to_fit(),
            _ => {}
        }
        case
    }

    /// Whether a command with this scope needs `case`.
    pub fn keeps(self, case: &Case, today: NaiveDate) -> bool {
        match self {
            Scope::All => true,
            Scope::Open | Scope::Deadlines | Scope::Window(..) => case.is_followed(today),
            Scope::Measures(None) => true,
            Scope::Measures(Some(from)) | Scope::Report { since: from, .. } => {
                case.is_followed(today)
                    || case.events.iter().any(|e| e.date.value >= from)
                    || case.closed.as_ref().is_some_and(|c| c.date.value >= from)
                    || case.transfer.as_ref().is_some_and(|t| t.date.value >= from)
            }
        }
    }
}

/// The bookings (appointments or MDT meetings) the report needs of `items`: those on or after
/// `today` (its agenda's days, and what keeps a case from being stale) and the last one before
/// today (the case's last activity: [`Case::stale_since`]).
fn keep_for_report<T>(items: Vec<T>, date: impl Fn(&T) -> NaiveDate, today: NaiveDate) -> Vec<T> {
    let latest = items.iter().map(&date).filter(|d| *d < today).max();
    let mut latest_kept = false;
    let mut out: Vec<T> = items
        .into_iter()
        .filter(|i| {
            let d = date(i);
            if d >= today {
                return true;
            }
            if Some(d) == latest && !latest_kept {
                latest_kept = true;
                return true;
            }
            false
        })
        .collect();
    out.shrink_to_fit();
    out
}

/// Loads the whole register at `root` as it stands on `today`.
pub fn load(root: &Path, today: NaiveDate) -> Register {
    load_scoped(root, today, Scope::All)
}

/// Loads the register, keeping the cases `scope` admits (cases the command will not look at
/// are dropped as soon as they are checked, in the worker thread that parsed them).
pub fn load_scoped(root: &Path, today: NaiveDate, scope: Scope) -> Register {
    load_with(root, today, scope, None, true)
}

/// Like [`load_scoped`], for a command that shows the register's errors and unread files but
/// not its warnings (every command but `check` and `sync`): the cases' warnings are not
/// collected. Errors and the rules across files are the same.
pub fn load_view(root: &Path, today: NaiveDate, scope: Scope) -> Register {
    load_with(root, today, scope, None, false)
}

/// Loads the register with `overlay`'s texts in place of the working tree's files (the staged
/// versions, for the pre-commit check). The rules across files report a clash on the overlay's
/// file, whichever of the two comes first.
pub fn load_overlay(root: &Path, today: NaiveDate, overlay: &Overlay) -> Register {
    load_with(root, today, Scope::All, Some(overlay), true)
}

fn load_with(
    root: &Path,
    today: NaiveDate,
    scope: Scope,
    overlay: Option<&Overlay>,
    warnings: bool,
) -> Register {
    let Context {
        settings,
        team,
        pathways,
        broken_pathways: broken,
        diagnostics: mut diags,
        pathway_files,
    } = load_context_with(root, overlay);
    let (mut paths, cases_unreadable) = match case_paths(root, &mut diags) {
        Ok(paths) => (paths, None),
        Err(msg) => (Vec::new(), Some(msg)),
    };
    if let Some(o) = overlay {
        let extra = o.extra(root, "cases", &paths);
        paths.extend(extra);
        paths.retain(|p| !o.removed.contains(&display_path(root, p)));
        paths.sort();
    }
    let ctx = CaseContext {
        pathways: &pathways,
        broken_pathways: &broken,
        team: team.as_ref(),
        today,
        stale_days: settings.stale_days,
        warnings,
        mask_lines: settings.redact,
    };
    // Cases go straight into their own vector (no second copy of 100,000 structs on the way).
    type Checked = (Option<CaseKey>, Vec<Diagnostic>);
    let (cases, rest): (Vec<Option<Case>>, Vec<Checked>) = paths
        .par_iter()
        .map_init(Folder::default, |folder, p| {
            let (case, d) = load_case(root, p, folder, &ctx, overlay);
            let key = case.as_ref().map(|c| CaseKey::of(c, today));
            let kept = case
                .filter(|c| scope.keeps(c, today))
                .map(|c| scope.slim(c));
            (kept, (key, d))
        })
        .unzip();
    // The cases are gathered beside the keys, the diagnostics and the rules across files: each
    // side is serial work on 100,000 entries, and they overlap.
    let (cases, (keys, cross)) = rayon::join(
        || {
            // `filter_map` collects in place (Option<Case> has the size of Case), `flatten`
            // does not: measured 306 MB against 343 MB peak for 100,000 cases.
            // The room of the cases the scope did not keep is then given back (a vector this
            // large is shrunk by the system without a copy): a quarter of it where a command
            // keeps open cases.
            #[allow(clippy::filter_map_identity)]
            let mut cases: Vec<Case> = cases.into_iter().filter_map(|c| c).collect();
            cases.shrink_to_fit();
            cases
        },
        || {
            let mut keys = Vec::with_capacity(rest.len());
            diags.reserve(rest.iter().map(|(_, d)| d.len()).sum());
            for (key, mut d) in rest {
                diags.append(&mut d);
                keys.extend(key);
            }
            let cross = match overlay {
                // The overlay's cases last, so a clash is reported on them.
                Some(o) => {
                    let (theirs, others): (Vec<&CaseKey>, Vec<&CaseKey>) =
                        keys.iter().partition(|k| o.covers(&k.file));
                    let ordered: Vec<CaseKey> = others.into_iter().chain(theirs).cloned().collect();
                    crate::check::register::check_cases(&ordered)
                }
                None => crate::check::register::check_cases(&keys),
            };
            (keys, cross)
        },
    );
    diags.extend(place(root, cross, overlay));
    diag::sort(&mut diags);
    let files_read = paths.len() + pathway_files + 2;
    // The paths are freed on the thread pool, beside the work that follows (100,000 frees).
    rayon::spawn(move || drop(paths));
    let problems = problems(&diags, &broken, &keys);
    Register {
        root: root.to_path_buf(),
        settings,
        team,
        pathways,
        cases,
        keys,
        diagnostics: diags,
        problems,
        cases_unreadable,
        files_read,
    }
}

/// Cross-file problems are found after the texts are dropped; read those files back to place
/// them by line and column (an error path, a handful of files).
fn place(
    root: &Path,
    pending: Vec<crate::check::register::Pending>,
    overlay: Option<&Overlay>,
) -> Vec<Diagnostic> {
    pending
        .into_iter()
        .map(|p| {
            let text = read_source(&root.join(&p.file), &p.file, overlay, None).unwrap_or_default();
            let mut sink = crate::diag::Sink::new(&p.file, parse::strip_bom(&text));
            sink.error(p.span, p.msg);
            sink.diags.pop().expect("just reported")
        })
        .collect()
}

/// Parses and checks a case from its text with the register's context.
pub fn parse_case_text(
    shown: &str,
    text: &str,
    stem: &str,
    ctx: &CaseContext<'_>,
) -> (Option<Case>, Vec<Diagnostic>) {
    let parsed = parse::strip_bom(text);
    let mut d = Decoder::new(shown, parsed);
    if !ctx.warnings {
        d.sink.skip_warnings();
    }
    let case = parse::parse_case(&mut d, parsed, stem);
    if let Some(case) = &case {
        check_case(case, ctx, &mut d.sink);
    }
    let mut diags = d.sink.diags;
    if ctx.mask_lines {
        crate::redact::mask_source_lines(&mut diags, text);
    }
    // Held until every file is read: a file's one stale warning takes the room of one, not of
    // the four a vector first reserves (61,000 such files on a busy register).
    diags.shrink_to_fit();
    (case, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `stats` loads slim cases: every measure it finds is the one the whole cases give, with
    /// and without a first day.
    #[test]
    fn the_stats_slim_cases_measure_as_the_whole_cases_do() {
        use crate::views::stats::measures;
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/onkologi");
        let mut seen = 0;
        for today in ["2026-06-01", "2026-11-29", "2027-03-01"] {
            let today: NaiveDate = today.parse().unwrap();
            for from in [None, Some(today - chrono::Days::new(120))] {
                let whole = load_scoped(&root, today, Scope::All);
                let slim = load_view(&root, today, Scope::Measures(from));
                let all = measures(&whole, today, from, None, |_| true);
                seen += all.len();
                assert_eq!(all, measures(&slim, today, from, None, |_| true));
            }
        }
        assert!(seen > 20, "{seen}");
    }

    /// The fast order of the walk is the order of comparing path components.
    #[test]
    fn walk_order_is_component_order() {
        let paths = [
            "r/cases/2026/a/x.toml",
            "r/cases/2026/a-b/x.toml",
            "r/cases/2026/a.toml",
            "r/cases/2026/a",
            "r/cases/2026/ab.toml",
            "r/cases/2026/te-0001.toml",
            "r/cases/2026/te-0001-b.toml",
            "r/cases/2026/te-00010.toml",
            "r/cases/2025/zz/y/x.toml",
            "r/cases/2025/zz.toml",
            "r/cases/2025/zz-y.toml",
            "r/cases/2025 b/x.toml",
            "r/cases/20251234567890123456/x.toml",
            "r/cases/2025123456789012345/x.toml",
            "r/cases/æ.toml",
            "r/cases/z.toml",
        ];
        for a in paths {
            for b in paths {
                let (pa, pb) = (Path::new(a), Path::new(b));
                // From the start, and after the folder walked (`r/cases`).
                for common in [0, "r/cases".len()] {
                    let order = pa.components().cmp(pb.components());
                    assert_eq!(
                        walk_order_from(pa, pb, common),
                        order,
                        "{a} vs {b} from {common}"
                    );
                    // Keys that differ agree with the order.
                    let keys = walk_key(pa, common).cmp(&walk_key(pb, common));
                    assert!(keys.is_eq() || keys == order, "{a} vs {b} from {common}");
                }
            }
        }
        // And sorted by key, then order, the paths come out in walk order.
        let mut expected: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
        expected.sort_by(|a, b| a.components().cmp(b.components()));
        let shuffled: Vec<PathBuf> = paths.iter().rev().map(PathBuf::from).collect();
        assert_eq!(sort_walk_order(shuffled, "r/cases".len()), expected);
    }

    /// The fast path of `display_path` gives what the component walk gives.
    #[test]
    fn display_path_fast_and_slow_agree() {
        let slow = |root: &Path, path: &Path| {
            let rel = path.strip_prefix(root).unwrap_or(path);
            rel.components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/")
        };
        for (root, rel) in [
            ("reg", "cases/2026/te-1.toml"),
            ("reg/", "cases/2026/te-1.toml"),
            ("/tmp/a b/reg", "cases/x.toml"),
            ("./reg", "cases/x.toml"),
            ("reg", "forlop.toml"),
            ("/", "cases/x.toml"),
        ] {
            let path = Path::new(root).join(rel);
            assert_eq!(
                display_path(Path::new(root), &path),
                slow(Path::new(root), &path),
                "{root} + {rel}"
            );
            assert_eq!(display_path(Path::new(root), &path), rel);
        }
        // Not under the root: shown as given (components joined).
        let p = Path::new("other/cases/x.toml");
        assert_eq!(display_path(Path::new("reg"), p), slow(Path::new("reg"), p));
    }

    /// The report keeps a slim copy of each case: whatever day it is, every case it keeps is
    /// stale (and since when) and booked ahead exactly as the whole case is.
    #[test]
    fn the_reports_slim_cases_are_stale_as_the_whole_cases_are() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/onkologi");
        for today in [
            "2026-06-01",
            "2026-11-29",
            "2027-01-15",
            "2027-03-01",
            "2027-09-01",
        ] {
            let today: NaiveDate = today.parse().unwrap();
            let since = today - chrono::Days::new(240);
            let whole = load_scoped(&root, today, Scope::All);
            let slim = load_scoped(&root, today, Scope::Report { since, today });
            assert!(!slim.cases.is_empty());
            for case in &slim.cases {
                let full = whole
                    .cases
                    .iter()
                    .find(|c| c.id.value == case.id.value)
                    .unwrap();
                assert_eq!(
                    case.stale_since(today, 30),
                    full.stale_since(today, 30),
                    "{} on {today}",
                    case.id.value
                );
                assert_eq!(case.last_activity(today), full.last_activity(today));
                assert_eq!(case.booked_after(today), full.booked_after(today));
                assert_eq!(case.deviations.len(), full.deviations.len());
                let from_today = |c: &Case| {
                    c.appointments
                        .iter()
                        .filter(|a| a.date.value >= today)
                        .count()
                };
                assert_eq!(from_today(case), from_today(full));
            }
        }
    }

    #[test]
    fn the_report_keeps_the_last_booking_before_today_and_every_one_after() {
        let d = |s: &str| -> NaiveDate { s.parse().unwrap() };
        let items = vec![
            d("2026-01-05"),
            d("2026-03-01"),
            d("2026-03-01"),
            d("2026-02-01"),
            d("2026-04-01"),
            d("2026-05-01"),
        ];
        let kept = keep_for_report(items, |x| *x, d("2026-04-01"));
        assert_eq!(
            kept,
            vec![d("2026-03-01"), d("2026-04-01"), d("2026-05-01")]
        );
    }
}
