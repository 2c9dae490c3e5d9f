//! Helpers shared by the integration tests.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The day every test pins as today.
pub const TODAY: &str = "2026-11-23";

/// A fixture or example path inside the project.
pub fn project(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The forlop binary with a clean environment: no register or date from the outside.
pub fn forlop() -> Command {
    let mut cmd = Command::cargo_bin("forlop").expect("binary built");
    cmd.env_remove("FORLOP_REGISTER")
        .env_remove("FORLOP_TODAY")
        .env("NO_COLOR", "1");
    cmd
}

/// One diagnostic as `severity line:col message`, keyed by file.
pub type Expected = BTreeSet<(String, String)>;

/// Splits an expectation `severity line:col message [F1001]` into the part the JSON gives and
/// the diagnostic's code.
pub fn split_code(expect: &str) -> (&str, Option<&str>) {
    match expect.rsplit_once(" [") {
        Some((rest, code)) if code.len() == 6 && code.starts_with('F') && code.ends_with(']') => {
            (rest, Some(&code[..5]))
        }
        _ => (expect, None),
    }
}

/// Every `# expect: …` comment in the register's .toml files, without the codes.
pub fn expectations(root: &Path) -> Expected {
    expectations_with_codes(root)
        .into_iter()
        .map(|(file, e)| (file, split_code(&e).0.to_string()))
        .collect()
}

/// Every `# expect: …` comment in the register's .toml files, as written (with the codes).
pub fn expectations_with_codes(root: &Path) -> Expected {
    let mut out = BTreeSet::new();
    for entry in walkdir::WalkDir::new(root).follow_links(false) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() || entry.path().extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let bytes = std::fs::read(entry.path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let rel = entry
            .path()
            .strip_prefix(root)
            .unwrap()
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        for line in text.lines() {
            if let Some(rest) = line.trim_end_matches('\r').strip_prefix("# expect: ") {
                out.insert((rel.clone(), rest.to_string()));
            }
        }
    }
    out
}

/// `check --format json --lang en` on a register (with a time limit): the process and its JSON.
pub fn check_json(root: &Path) -> (std::process::Output, serde_json::Value) {
    let output = forlop()
        .args([
            "check",
            "--format",
            "json",
            "--lang",
            "en",
            "--today",
            TODAY,
            "--register",
        ])
        .arg(root)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let json = serde_json::from_slice(&output.stdout).expect("check prints JSON");
    (output, json)
}

/// What `check --format json --lang en` reports, in the same form.
pub fn reported(root: &Path) -> (Expected, serde_json::Value) {
    let (_, json) = check_json(root);
    let set = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let rest = format!(
                "{} {}:{} {}",
                d["severity"].as_str().unwrap(),
                d["line"],
                d["column"],
                d["message"].as_str().unwrap()
            );
            (d["file"].as_str().unwrap().to_string(), rest)
        })
        .collect();
    (set, json)
}

/// The codes `check --lang en` shows in its human diagnostics, as `line:col code` keyed by file
/// (a diagnostic without a place counts as 1:1, as in the JSON).
pub fn reported_codes(root: &Path) -> Expected {
    let out = forlop()
        .args(["check", "--lang", "en", "--today", TODAY, "--register"])
        .arg(root)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    let mut set = BTreeSet::new();
    let mut open: Option<(String, String)> = None;
    for line in err.lines() {
        if !line.starts_with(' ')
            && let Some((place, _)) = line
                .split_once(": error: ")
                .or_else(|| line.split_once(": warning: "))
        {
            let mut parts = place.rsplitn(3, ':');
            let (col, row, file) = (parts.next(), parts.next(), parts.next());
            open = Some(match (file, row, col) {
                (Some(f), Some(r), Some(c))
                    if r.parse::<u32>().is_ok() && c.parse::<u32>().is_ok() =>
                {
                    (f.to_string(), format!("{r}:{c}"))
                }
                _ => (place.to_string(), "1:1".to_string()),
            });
        }
        // The code closes the header, which a multi-line message may spread over lines.
        if let Some((file, at)) = open.as_ref()
            && let Some(code) = split_code(line).1
        {
            set.insert((file.clone(), format!("{at} {code}")));
            open = None;
        }
    }
    set
}

/// The codes the `# expect:` comments name, in the form of [`reported_codes`].
pub fn expected_codes(root: &Path) -> Expected {
    expectations_with_codes(root)
        .into_iter()
        .filter_map(|(file, e)| {
            let (rest, code) = split_code(&e);
            let at = rest.split_whitespace().nth(1)?;
            Some((file, format!("{at} {}", code?)))
        })
        .collect()
}

/// Asserts that exactly the planted diagnostics are reported, with the codes the expectations
/// name.
pub fn assert_catalogue(root: &Path) {
    let planted = expected_codes(root);
    if !planted.is_empty() {
        let got = reported_codes(root);
        let missing: Vec<_> = planted.difference(&got).collect();
        let extra: Vec<_> = got.difference(&planted).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "codes planted but not shown: {missing:#?}\ncodes shown but not planted: {extra:#?}"
        );
    }
    let expected = expectations(root);
    let (got, _) = reported(root);
    let missing: Vec<_> = expected.difference(&got).collect();
    let extra: Vec<_> = got.difference(&expected).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "planted but not reported: {missing:#?}\nreported but not planted: {extra:#?}"
    );
}

/// Copies a directory tree (no symlinks in fixtures).
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// PATH with the directory of the built binary first, so `forlop` resolves as for a user (the
/// pre-commit hook and the merge driver call it from PATH).
pub fn path_with_forlop() -> std::ffi::OsString {
    let bin = assert_cmd::cargo::cargo_bin("forlop");
    let dir = bin.parent().unwrap().to_path_buf();
    let mut paths = vec![dir];
    if let Some(p) = std::env::var_os("PATH") {
        paths.extend(std::env::split_paths(&p));
    }
    std::env::join_paths(paths).unwrap()
}

/// A temporary copy of the example register, with its own HOME; a git repository with one
/// commit when `git`. Identity and configuration come from the environment, so neither CI nor a
/// developer's git config matters.
pub struct Reg {
    dir: tempfile::TempDir,
    home: tempfile::TempDir,
}

impl Reg {
    pub fn new(git: bool) -> Reg {
        let reg = Reg {
            dir: tempfile::tempdir().unwrap(),
            home: tempfile::tempdir().unwrap(),
        };
        copy_dir(&project("examples/onkologi"), reg.dir.path());
        if git {
            reg.git(&["-c", "init.defaultBranch=main", "init", "-q"]);
            reg.git(&["add", "-A"]);
            reg.git(&["commit", "-q", "-m", "start"]);
        }
        reg
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Git identity `author`, the temporary HOME, no system config, no colour, no register or
    /// date from the outside.
    pub fn env(&self, cmd: &mut std::process::Command, author: &str) {
        cmd.env("GIT_AUTHOR_NAME", author)
            .env("GIT_AUTHOR_EMAIL", "a@example.invalid")
            .env("GIT_COMMITTER_NAME", author)
            .env("GIT_COMMITTER_EMAIL", "a@example.invalid")
            .env("HOME", self.home.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("NO_COLOR", "1")
            .env_remove("FORLOP_REGISTER")
            .env_remove("FORLOP_TODAY");
    }

    /// Runs git in the register; asserts it succeeded and returns its stdout.
    pub fn git(&self, args: &[&str]) -> String {
        let mut cmd = std::process::Command::new("git");
        cmd.arg("-C").arg(self.path()).args(args);
        self.env(&mut cmd, "Test Person");
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// forlop on this register at [`TODAY`], as the git author `author`.
    pub fn cmd_as(&self, author: &str, args: &[&str]) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("forlop"));
        cmd.args(args)
            .args(["--today", TODAY, "--register"])
            .arg(self.path());
        self.env(&mut cmd, author);
        cmd
    }

    pub fn forlop_as(&self, author: &str, args: &[&str]) -> std::process::Output {
        self.cmd_as(author, args).output().unwrap()
    }

    pub fn file(&self, rel: &str) -> PathBuf {
        self.path().join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.file(rel)).unwrap()
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.file(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}
