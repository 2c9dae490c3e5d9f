//! The audit trail, through the `git` binary: status of one file, commits of one file, the
//! file's history and its content at each commit, staged content.

use std::path::Path;
use std::process::Command;

/// Why a git operation failed.
#[derive(Debug)]
pub enum GitError {
    /// The git binary could not be run.
    Missing,
    /// git ran and failed; its message.
    Failed(String),
}

/// Runs git in `dir` and returns its standard output. Paths in git's output are never quoted
/// (`core.quotePath=false`): `cases/Ålesund/…` stays as it is written.
pub fn git(dir: &Path, args: &[&str]) -> Result<String, GitError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "core.quotePath=false"])
        .args(args)
        .output()
        .map_err(|_| GitError::Missing)?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(GitError::Failed(
            String::from_utf8_lossy(&out.stderr).trim().to_string(),
        ))
    }
}

/// Whether `dir` is inside a git work tree.
pub fn is_repo(dir: &Path) -> bool {
    repo_status(dir).is_ok_and(|inside| inside)
}

/// Whether `dir` is inside a git work tree, telling a missing git binary apart.
pub fn repo_status(dir: &Path) -> Result<bool, GitError> {
    match git(dir, &["rev-parse", "--is-inside-work-tree"]) {
        Ok(s) => Ok(s.trim() == "true"),
        Err(GitError::Missing) => Err(GitError::Missing),
        // A repository git refuses to use is one, and the refusal is the news.
        Err(GitError::Failed(m)) if is_dubious(&m) || m.contains("Permission denied") => {
            Err(GitError::Failed(m))
        }
        Err(GitError::Failed(_)) => Ok(false),
    }
}

/// Whether `rel` (relative to `dir`) differs from HEAD or the index: uncommitted changes.
pub fn has_changes(dir: &Path, rel: &str) -> Result<bool, GitError> {
    let out = git(dir, &["status", "--porcelain", "--", rel])?;
    Ok(out.lines().any(|l| !l.starts_with("??")))
}

/// Commits exactly `rel` (nothing else that may be staged) with `message`.
pub fn commit_file(dir: &Path, rel: &str, message: &str) -> Result<(), GitError> {
    git(dir, &["add", "--", rel])?;
    git(
        dir,
        &["commit", "--quiet", "-m", message, "--only", "--", rel],
    )?;
    Ok(())
}

/// One commit that touched a file, with the file's path at that commit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileCommit {
    pub hash: String,
    pub author: String,
    pub email: String,
    /// ISO 8601 author date.
    pub date: String,
    pub subject: String,
    pub path: String,
}

/// The commits that touched `rel`, newest first, following the file's own moves.
///
/// Not `git log --follow`: that also follows *copies*, so the log of a new case that looks like
/// another patient's would show the other patient's commits. Here the history is read for the
/// one path (NUL-separated, so no path is quoted); where the file was added, a move is followed
/// only when git sees that commit rename a file of the same name (the same case id) to it. A
/// deletion ends the history: an earlier file at the same path is another file.
pub fn file_log(dir: &Path, rel: &str) -> Result<Vec<FileCommit>, GitError> {
    let name = rel.rsplit('/').next().unwrap_or(rel).to_string();
    let mut commits = Vec::new();
    let mut path = rel.to_string();
    let mut before: Option<String> = None;
    // A bound on the moves followed (each is one commit).
    for _ in 0..10_000 {
        let mut args = vec![
            "log",
            "-z",
            "--no-renames",
            "--name-status",
            "--format=%x1e%H%x1f%an%x1f%ae%x1f%aI%x1f%s",
        ];
        if let Some(rev) = &before {
            args.push(rev);
        }
        args.extend(["--", &path]);
        let out = git(dir, &args)?;
        let mut added_at = None;
        for record in out.split('\u{1e}').filter(|r| !r.trim().is_empty()) {
            let (header, files) = record.split_once('\0').unwrap_or((record, ""));
            let f: Vec<&str> = header.split('\u{1f}').collect();
            if f.len() < 5 {
                continue;
            }
            let mut parts = files.trim_start_matches('\n').split('\0');
            let status = parts.next().unwrap_or("");
            if status.starts_with('D') {
                return Ok(commits);
            }
            commits.push(FileCommit {
                hash: f[0].into(),
                author: f[1].into(),
                email: f[2].into(),
                date: f[3].into(),
                subject: f[4].into(),
                path: path.clone(),
            });
            if status.starts_with('A') {
                added_at = Some(f[0].to_string());
                break;
            }
        }
        let Some(hash) = added_at else {
            return Ok(commits);
        };
        match renamed_from(dir, &hash, &path)? {
            Some(old) if old.rsplit('/').next() == Some(name.as_str()) => {
                path = old;
                before = Some(format!("{hash}^"));
            }
            _ => return Ok(commits),
        }
    }
    Ok(commits)
}

/// The path that commit `hash` renamed to `path` (rename detection only, no copies).
fn renamed_from(dir: &Path, hash: &str, path: &str) -> Result<Option<String>, GitError> {
    let out = git(
        dir,
        &[
            "diff-tree",
            "-z",
            "-r",
            "-M",
            "--name-status",
            "--no-commit-id",
            hash,
        ],
    )?;
    let fields: Vec<&str> = out.split('\0').collect();
    let mut i = 0;
    while i < fields.len() {
        let status = fields[i];
        if status.starts_with('R') || status.starts_with('C') {
            let (old, new) = (fields.get(i + 1), fields.get(i + 2));
            if status.starts_with('R') && new == Some(&path) {
                return Ok(old.map(|s| s.to_string()));
            }
            i += 3;
        } else {
            i += 2;
        }
    }
    Ok(None)
}

/// The content of `path` at `rev` (`:path` for the staged version when `rev` is empty).
pub fn show(dir: &Path, rev: &str, path: &str) -> Result<String, GitError> {
    git(dir, &["show", &format!("{rev}:{path}")])
}

/// Staged files (added, copied, modified, renamed), relative to the repository root.
pub fn staged(dir: &Path) -> Result<Vec<String>, GitError> {
    let out = git(
        dir,
        &[
            "diff",
            "--cached",
            "--name-only",
            "--diff-filter=ACMR",
            "-z",
        ],
    )?;
    Ok(out
        .split('\0')
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect())
}

/// Files whose deletion is staged, relative to the repository root.
pub fn staged_deleted(dir: &Path) -> Result<Vec<String>, GitError> {
    let out = git(
        dir,
        &["diff", "--cached", "--name-only", "--diff-filter=D", "-z"],
    )?;
    Ok(out
        .split('\0')
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect())
}

/// The repository's top-level directory.
pub fn toplevel(dir: &Path) -> Result<String, GitError> {
    Ok(git(dir, &["rev-parse", "--show-toplevel"])?
        .trim()
        .to_string())
}

/// The email git would write as author in `dir` (user.email, or GIT_AUTHOR_EMAIL).
pub fn user_email(dir: &Path) -> Option<String> {
    let ident = git(dir, &["var", "GIT_AUTHOR_IDENT"]).ok()?;
    let start = ident.find('<')?;
    let end = ident[start..].find('>')? + start;
    Some(ident[start + 1..end].trim().to_string()).filter(|e| !e.is_empty())
}

/// Whether a merge is unfinished in the work tree of `dir` (conflicts not yet committed).
pub fn merge_in_progress(dir: &Path) -> bool {
    git(dir, &["rev-parse", "-q", "--verify", "MERGE_HEAD"]).is_ok()
}

/// Whether git refused a repository owned by another user.
pub fn is_dubious(message: &str) -> bool {
    message.contains("dubious ownership")
}

/// The path git names in a "dubious ownership" or "Permission denied" message.
pub fn path_in_message(message: &str) -> Option<String> {
    if let Some(rest) = message.split("repository at '").nth(1) {
        return rest.split('\'').next().map(String::from);
    }
    let line = message.lines().find(|l| l.contains("Permission denied"))?;
    if let Some(quoted) = line.split('\'').nth(1) {
        return Some(quoted.to_string());
    }
    let before = line.split(": Permission denied").next()?;
    // `… file .git/config: Permission denied`: the path is the last word before it.
    Some(
        before
            .rsplit(' ')
            .next()
            .unwrap_or(before)
            .trim()
            .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn git_refusals_name_their_path() {
        let dubious = "fatal: detected dubious ownership in repository at '/srv/reg'\nTo add an exception for this directory, call:\n\n\tgit config --global --add safe.directory /srv/reg";
        assert!(is_dubious(dubious));
        assert_eq!(path_in_message(dubious).as_deref(), Some("/srv/reg"));
        let lock = "fatal: Unable to create '/srv/reg/.git/index.lock': Permission denied";
        assert_eq!(
            path_in_message(lock).as_deref(),
            Some("/srv/reg/.git/index.lock")
        );
        let config = "error: could not lock config file .git/config: Permission denied";
        assert_eq!(path_in_message(config).as_deref(), Some(".git/config"));
    }
}
