//! When each registration entered the register (SPEC §2, "recorded since the previous working
//! day"): the date in Europe/Oslo of the first git commit that contained it. A registration is
//! an event, a transfer (NPR `O`) or an early end (`X`); what is not committed yet counts as today.
//!
//! One `git log` over the window names the case files each commit changed; one `git cat-file
//! --batch` reads each changed file at that commit and at its parent; what the commit added is
//! what the newer version has and the older lacks. The cost follows the commits of the window,
//! not the size of the register.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Utc};

use crate::git::{GitError, git};
use crate::model::{Case, CloseReason, Vocab};

/// One registration of a case, as it is compared between two versions of its file.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Registration {
    /// An `[[event]]`: its milestone and date.
    Event { milestone: String, date: NaiveDate },
    /// `[transfer]` (NPR `O`).
    Transfer { date: NaiveDate },
    /// `[closed]` with a reason coded `X` (declined, died, other).
    EarlyEnd { date: NaiveDate },
}

impl Registration {
    /// The date the registration itself carries.
    pub fn date(&self) -> NaiveDate {
        match self {
            Registration::Event { date, .. }
            | Registration::Transfer { date }
            | Registration::EarlyEnd { date } => *date,
        }
    }
}

/// The registrations of a loaded case.
pub fn registrations(case: &Case) -> Vec<Registration> {
    let mut out: Vec<Registration> = case
        .events
        .iter()
        .map(|e| Registration::Event {
            milestone: e.milestone.value.to_string(),
            date: e.date.value,
        })
        .collect();
    if let Some(t) = &case.transfer {
        out.push(Registration::Transfer { date: t.date.value });
    }
    if let Some(c) = &case.closed
        && c.reason.value.is_early_end()
    {
        out.push(Registration::EarlyEnd { date: c.date.value });
    }
    out
}

/// How the report dates a registration.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum RecordedDays {
    /// By the registration's own date: the register is not the top folder of its own git work
    /// tree (not a repository, or a folder inside another project's repository).
    #[default]
    OwnDates,
    /// By the registration's own date because git could not be read (not installed, a
    /// repository it refuses as of dubious ownership, a corrupt one): git's reason, one line
    /// (`None`: the `git` program was not found).
    GitFailed(Option<String>),
    /// By commit: the registrations first committed within the window, per case id, with the
    /// day (Europe/Oslo) of that commit. Any other registration was recorded outside the window.
    Commits(HashMap<String, Vec<(Registration, NaiveDate)>>),
}

impl RecordedDays {
    /// The day `reg` of case `case` was recorded, when that day may lie in the window.
    pub fn day(&self, case: &str, reg: &Registration) -> Option<NaiveDate> {
        match self {
            RecordedDays::OwnDates | RecordedDays::GitFailed(_) => Some(reg.date()),
            RecordedDays::Commits(map) => map
                .get(case)
                .and_then(|list| list.iter().find(|(r, _)| r == reg))
                .map(|(_, day)| *day),
        }
    }
}

/// The calendar date in Norway (Europe/Oslo: CET, CEST from the last Sunday of March to the last
/// Sunday of October, switching at 01:00 UTC — the EU rule) of a moment.
pub fn oslo_date(t: DateTime<Utc>) -> NaiveDate {
    let year = t.year();
    let last_sunday = |month: u32| {
        let last =
            NaiveDate::from_ymd_opt(year, month, 31).expect("March and October have 31 days");
        let back = last.weekday().num_days_from_sunday();
        last - Duration::days(i64::from(back))
    };
    let switch = |d: NaiveDate| {
        NaiveDateTime::new(d, chrono::NaiveTime::from_hms_opt(1, 0, 0).expect("01:00")).and_utc()
    };
    let summer = t >= switch(last_sunday(3)) && t < switch(last_sunday(10));
    let offset = if summer { 2 } else { 1 };
    (t + Duration::hours(offset)).date_naive()
}

/// The days registrations were recorded, from git, for a report whose window is `from..=to`.
/// `OwnDates` when `root` is not the top folder of a git work tree; `GitFailed` (own dates,
/// with git's reason) when it is, or has a `.git` of its own, and git cannot read it.
pub fn from_git(root: &Path, from: NaiveDate, to: NaiveDate) -> RecordedDays {
    let own_git = root.join(".git").symlink_metadata().is_ok();
    match git(root, &["rev-parse", "--show-prefix"]) {
        Ok(prefix) if prefix.trim().is_empty() => {}
        Ok(_) => return RecordedDays::OwnDates,
        Err(e) if own_git => return RecordedDays::GitFailed(reason(&e)),
        // No `.git` here: not a repository, or inside another project's (git refusing that
        // one changes nothing: the own dates count either way).
        Err(_) => return RecordedDays::OwnDates,
    }
    match commits(root, from, to) {
        Ok(days) => days,
        Err(e) => RecordedDays::GitFailed(reason(&e)),
    }
}

/// git's reason in one line: the first line of its message, without `fatal: `/`error: `
/// (`None` when git is not installed).
pub fn reason(e: &GitError) -> Option<String> {
    match e {
        GitError::Missing => None,
        GitError::Failed(m) => {
            let line = m
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .unwrap_or("git failed");
            let line = line
                .strip_prefix("fatal: ")
                .or_else(|| line.strip_prefix("error: "))
                .unwrap_or(line);
            Some(crate::terminal::escape_line(line).into_owned())
        }
    }
}

fn commits(root: &Path, from: NaiveDate, to: NaiveDate) -> Result<RecordedDays, GitError> {
    // An empty repository (no commit yet): everything is uncommitted, so recorded today.
    if git(root, &["rev-parse", "--verify", "--quiet", "HEAD"]).is_err() {
        // Unless HEAD is broken rather than unborn: then git cannot say.
        let any = git(root, &["rev-list", "-n", "1", "--all"])?;
        if !any.trim().is_empty() {
            return Err(GitError::Failed("HEAD does not name a commit".into()));
        }
        return Ok(RecordedDays::Commits(HashMap::new()));
    }
    // Commits a little before the window too (git's --since is by committer time, in UTC-ish
    // terms); the exact Oslo day is decided below.
    let since = (from - Duration::days(2)).to_string();
    let log = git(
        root,
        &[
            "-c",
            "core.quotePath=false",
            "log",
            "--no-merges",
            "-M",
            "--name-status",
            "-z",
            "--format=%x1e%H%x1f%cI",
            &format!("--since={since}"),
            "--",
            "cases",
        ],
    )?;
    // (commit, day, new path, old path when the file existed before)
    let mut changes: Vec<(String, NaiveDate, String, Option<String>)> = Vec::new();
    for record in log.split('\u{1e}').filter(|r| !r.trim().is_empty()) {
        // "<hash>\x1f<date>\0\n" then NUL-separated status and paths.
        let (header, files) = record.split_once('\0').unwrap_or((record, ""));
        let Some((hash, date)) = header.split_once('\u{1f}') else {
            continue;
        };
        let Ok(when) = DateTime::parse_from_rfc3339(date.trim()) else {
            continue;
        };
        let day = oslo_date(when.with_timezone(&Utc));
        if day < from || day > to {
            continue;
        }
        let mut fields = files.split('\0').filter(|f| !f.is_empty());
        while let Some(status) = fields.next() {
            let status = status.trim_start_matches('\n');
            let (old, new) = if status.starts_with('R') || status.starts_with('C') {
                (fields.next(), fields.next())
            } else {
                let p = fields.next();
                (p, p)
            };
            let Some(new) = new else { break };
            if !new.ends_with(".toml") || status.starts_with('D') {
                continue;
            }
            let old = (!status.starts_with('A') && !status.starts_with('C'))
                .then(|| old.map(String::from))
                .flatten();
            changes.push((hash.to_string(), day, new.to_string(), old));
        }
    }
    let mut specs = Vec::new();
    for (hash, _, new, old) in &changes {
        specs.push(format!("{hash}:{new}"));
        specs.push(match old {
            Some(old) => format!("{hash}^:{old}"),
            None => String::new(),
        });
    }
    let blobs = cat_files(root, &specs)?;
    let mut map: HashMap<String, Vec<(Registration, NaiveDate)>> = HashMap::new();
    for (n, (_, day, new, _)) in changes.iter().enumerate() {
        let Some(Some(after)) = blobs.get(2 * n) else {
            continue;
        };
        let (id, added) = parse_registrations(after, new);
        let before = blobs
            .get(2 * n + 1)
            .and_then(|b| b.as_deref())
            .map(|b| parse_registrations(b, new).1)
            .unwrap_or_default();
        let list = map.entry(id).or_default();
        for reg in added.into_iter().filter(|r| !before.contains(r)) {
            match list.iter_mut().find(|(r, _)| *r == reg) {
                Some((_, d)) => *d = (*d).min(*day),
                None => list.push((reg, *day)),
            }
        }
    }
    Ok(RecordedDays::Commits(map))
}

/// The contents of `rev:path` specs through one `git cat-file --batch` (an empty spec or a
/// missing object gives `None`).
fn cat_files(root: &Path, specs: &[String]) -> Result<Vec<Option<String>>, GitError> {
    let asked: Vec<&String> = specs.iter().filter(|s| !s.is_empty()).collect();
    if asked.is_empty() {
        return Ok(specs.iter().map(|_| None).collect());
    }
    let mut child = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|_| GitError::Missing)?;
    let mut input = String::new();
    for s in &asked {
        input.push_str(s);
        input.push('\n');
    }
    let mut stdin = child.stdin.take().expect("piped stdin");
    // Write from a thread so a large answer cannot block the writer.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let mut out = BufReader::new(child.stdout.take().expect("piped stdout"));
    let mut answers = Vec::with_capacity(asked.len());
    let mut header = String::new();
    for _ in &asked {
        header.clear();
        if out.read_line(&mut header).map_err(io_failed)? == 0 {
            break;
        }
        // "<oid> blob <size>" or "<spec> missing"
        let size = header
            .split_whitespace()
            .nth(2)
            .and_then(|s| s.parse::<usize>().ok());
        match size {
            Some(size) if header.split_whitespace().nth(1) == Some("blob") => {
                let mut buf = vec![0; size + 1];
                out.read_exact(&mut buf).map_err(io_failed)?;
                buf.pop();
                answers.push(Some(String::from_utf8_lossy(&buf).into_owned()));
            }
            _ => answers.push(None),
        }
    }
    let _ = writer.join();
    let _ = child.wait();
    let mut answers = answers.into_iter();
    Ok(specs
        .iter()
        .map(|s| {
            if s.is_empty() {
                None
            } else {
                answers.next().flatten()
            }
        })
        .collect())
}

fn io_failed(e: std::io::Error) -> GitError {
    GitError::Failed(e.to_string())
}

/// The case id (the `id` key, else the file stem) and the registrations of one version of a
/// case file; a version that does not parse has none.
fn parse_registrations(text: &str, path: &str) -> (String, Vec<Registration>) {
    let stem = Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Ok(table) = text.trim_start_matches('\u{feff}').parse::<toml::Table>() else {
        return (stem, Vec::new());
    };
    let id = table
        .get("id")
        .and_then(|v| v.as_str())
        .map_or(stem, String::from);
    let date = |v: Option<&toml::Value>| -> Option<NaiveDate> {
        let d = v?.as_datetime()?.date?;
        NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
    };
    let mut out = Vec::new();
    for e in table
        .get("event")
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
    {
        if let (Some(m), Some(d)) = (
            e.get("milestone").and_then(|m| m.as_str()),
            date(e.get("date")),
        ) {
            out.push(Registration::Event {
                milestone: m.to_string(),
                date: d,
            });
        }
    }
    if let Some(d) = date(table.get("transfer").and_then(|t| t.get("date"))) {
        out.push(Registration::Transfer { date: d });
    }
    if let Some(closed) = table.get("closed")
        && let Some(d) = date(closed.get("date"))
        && closed
            .get("reason")
            .and_then(|r| r.as_str())
            .and_then(CloseReason::from_word)
            .is_some_and(CloseReason::is_early_end)
    {
        out.push(Registration::EarlyEnd { date: d });
    }
    (id, out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn oslo_dates_follow_summer_time() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        // Winter: UTC+1.
        assert_eq!(oslo_date(at("2026-11-20T22:59:00Z")), d("2026-11-20"));
        assert_eq!(oslo_date(at("2026-11-20T23:00:00Z")), d("2026-11-21"));
        // Summer: UTC+2.
        assert_eq!(oslo_date(at("2026-06-01T21:59:00Z")), d("2026-06-01"));
        assert_eq!(oslo_date(at("2026-06-01T22:00:00Z")), d("2026-06-02"));
        // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
        assert_eq!(d("2026-03-29").weekday(), Weekday::Sun);
        assert_eq!(oslo_date(at("2026-03-28T23:30:00Z")), d("2026-03-29"));
        assert_eq!(oslo_date(at("2026-10-24T22:30:00Z")), d("2026-10-25"));
        assert_eq!(oslo_date(at("2026-10-25T22:30:00Z")), d("2026-10-25"));
    }

    #[test]
    fn registrations_of_a_file_version() {
        let text = "id = \"x-1\"\npathway = \"p\"\n[[event]]\nmilestone = \"referral\"\ndate = 2026-11-20\n[transfer]\ndate = 2026-11-21\nto = \"OUS\"\n[closed]\ndate = 2026-11-22\nreason = \"died\"\n";
        let (id, regs) = parse_registrations(text, "cases/x-1.toml");
        assert_eq!(id, "x-1");
        assert_eq!(regs.len(), 3);
        let (_, broken) = parse_registrations("id = ", "cases/y-2.toml");
        assert!(broken.is_empty());
    }
}
