//! Many coordinators, one register on a git server: a bare repository as the server and clones,
//! real git, the real binary on PATH (as the hook and the merge driver find it).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::util::*;

/// A server (bare repository) and a temporary HOME; clones are made inside.
struct Server {
    dir: tempfile::TempDir,
    home: tempfile::TempDir,
}

/// A clone of the register, used by one person.
struct Clone<'a> {
    server: &'a Server,
    path: PathBuf,
    name: &'static str,
}

fn env(cmd: &mut Command, home: &Path, name: &str) {
    let email = format!("{}@sykehus.example", name.to_lowercase());
    cmd.env("HOME", home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", name)
        .env("GIT_AUTHOR_EMAIL", &email)
        .env("GIT_COMMITTER_NAME", name)
        .env("GIT_COMMITTER_EMAIL", &email)
        .env("PATH", path_with_forlop())
        .env("NO_COLOR", "1")
        .env("FORLOP_TODAY", TODAY)
        .env_remove("FORLOP_REGISTER");
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "status {:?}\nstdout: {}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

impl Server {
    /// A server holding a register made with `forlop init` and one case, te-0001.
    fn new() -> Server {
        let s = Server {
            dir: tempfile::tempdir().unwrap(),
            home: tempfile::tempdir().unwrap(),
        };
        let bare = s.bare();
        let out = Command::new("git")
            .args(["-c", "init.defaultBranch=main", "init", "-q", "--bare"])
            .arg(&bare)
            .env("HOME", s.home.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .unwrap();
        ok(&out);
        // The leader creates the register and pushes it.
        let first = s.dir.path().join("first");
        let mut cmd = Command::new("git");
        cmd.args(["-c", "init.defaultBranch=main", "init", "-q"])
            .arg(&first);
        env(&mut cmd, s.home.path(), "Leder");
        ok(&cmd.output().unwrap());
        let leader = Clone {
            server: &s,
            path: first,
            name: "Leder",
        };
        ok(&leader.forlop(&["init"]));
        leader.write("team.toml", TEAM);
        leader.git(&["add", "team.toml"]);
        leader.git(&["commit", "-qm", "team"]);
        ok(&leader.forlop(&[
            "new",
            "te-0001",
            "--pathway",
            "tykk-og-endetarmskreft",
            "--referral",
            "2026-11-16",
            "--commit",
        ]));
        ok(&leader.forlop(&[
            "task",
            "te-0001",
            "book-ct",
            "--name",
            "Bestille CT",
            "--due",
            "2026-11-20",
            "--commit",
        ]));
        leader.git(&["remote", "add", "origin", bare.to_str().unwrap()]);
        leader.git(&["push", "-q", "-u", "origin", "main"]);
        s
    }

    fn bare(&self) -> PathBuf {
        self.dir.path().join("server.git")
    }

    /// A clone by `name`, set up with `forlop init` as the README says.
    fn clone(&self, name: &'static str) -> Clone<'_> {
        let path = self.dir.path().join(name.to_lowercase());
        let mut cmd = Command::new("git");
        cmd.args(["clone", "-q"]).arg(self.bare()).arg(&path);
        env(&mut cmd, self.home.path(), name);
        ok(&cmd.output().unwrap());
        let c = Clone {
            server: self,
            path,
            name,
        };
        ok(&c.forlop(&["init"]));
        c
    }
}

const TEAM: &str = r#"[[person]]
id = "ssol"
name = "Siri Solberg"
role = "coordinator"
email = "Anne@sykehus.example"

[[person]]
id = "thav"
name = "Tor Haven"
role = "coordinator"
"#;

const CASE: &str = "cases/2026/te-0001.toml";

impl Clone<'_> {
    fn cmd(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(&self.path);
        env(&mut cmd, self.server.home.path(), self.name);
        cmd
    }

    fn forlop(&self, args: &[&str]) -> Output {
        let mut cmd = self.cmd(assert_cmd::cargo::cargo_bin("forlop").to_str().unwrap());
        cmd.args(args).output().unwrap()
    }

    fn git_out(&self, args: &[&str]) -> Output {
        self.cmd("git").args(args).output().unwrap()
    }

    fn git(&self, args: &[&str]) -> String {
        ok(&self.git_out(args))
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path.join(rel)).unwrap()
    }

    fn write(&self, rel: &str, text: &str) {
        std::fs::write(self.path.join(rel), text).unwrap();
    }
}

#[test]
fn init_commits_the_register_and_sets_up_a_fresh_clone() {
    let server = Server::new();
    let a = server.clone("Anne");
    // What init made is on the server: a clone finds the register.
    let files = a.git(&["ls-files"]);
    for f in [
        "forlop.toml",
        "team.toml",
        ".gitignore",
        ".gitattributes",
        CASE,
    ] {
        assert!(files.lines().any(|l| l == f), "{f} in {files}");
    }
    assert!(
        a.read(".gitattributes")
            .contains("cases/**/*.toml merge=forlop")
    );
    for ignored in [".forlop.lock", ".*.tmp"] {
        assert!(a.read(".gitignore").contains(ignored));
    }
    // The clone is set up: hook from PATH, merge driver, pull without rebase.
    let hook = std::fs::read_to_string(a.path.join(".git/hooks/pre-commit")).unwrap();
    assert!(
        hook.contains("exec forlop check --staged --quiet --register '.'"),
        "{hook}"
    );
    assert!(!hook.contains(assert_cmd::cargo::cargo_bin("forlop").to_str().unwrap()));
    assert!(
        a.git(&["config", "merge.forlop.driver"])
            .contains("forlop merge-driver %O %A %B %P")
    );
    assert_eq!(a.git(&["config", "pull.rebase"]).trim(), "false");
    // Idempotent: a second run commits nothing and changes nothing.
    let head = a.git(&["rev-parse", "HEAD"]);
    ok(&a.forlop(&["init"]));
    assert_eq!(a.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(a.git(&["status", "--porcelain"]), "");
    // The set-up clone blocks a broken commit.
    a.write(
        "cases/2026/te-0002.toml",
        "id = \"te-0002\"\npathway = \"tykk\"\n",
    );
    a.git(&["add", "-A"]);
    let blocked = a.git_out(&["commit", "-qm", "broken"]);
    assert!(!blocked.status.success());
    assert!(
        stderr(&blocked).contains("ukjent pakkeforløp `tykk`"),
        "{}",
        stderr(&blocked)
    );
}

#[test]
fn init_completes_a_register_made_by_an_older_forlop() {
    let server = Server::new();
    let a = server.clone("Anne");
    // An older register: no .gitattributes, no merge driver.
    a.git(&["rm", "-q", ".gitattributes"]);
    a.git(&["commit", "-qm", "older"]);
    a.git(&["config", "--unset", "merge.forlop.driver"]);
    let out = a.forlop(&["init"]);
    ok(&out);
    assert!(stderr(&out).contains(".gitattributes"), "{}", stderr(&out));
    assert_eq!(a.git(&["status", "--porcelain"]), "");
    assert!(
        a.git(&["log", "-1", "--name-only"])
            .contains(".gitattributes")
    );
    assert!(
        a.git(&["config", "merge.forlop.driver"])
            .contains("merge-driver")
    );
}

#[test]
fn concurrent_writes_to_one_case_merge_through_git_pull_and_sync() {
    let server = Server::new();
    let a = server.clone("Anne");
    let b = server.clone("Bo");
    // The same day, the same case, different verbs.
    ok(&a.forlop(&["note", "te-0001", "Mor ringte", "--commit"]));
    ok(&a.forlop(&["task", "te-0001", "book-ct", "--done", "--commit"]));
    ok(&b.forlop(&[
        "book",
        "te-0001",
        "--date",
        "2026-11-26",
        "--what",
        "CT",
        "--commit",
    ]));
    ok(&b.forlop(&[
        "book",
        "te-0001",
        "--mdt",
        "--date",
        "2026-11-30",
        "--commit",
    ]));
    let out = a.forlop(&["sync"]);
    ok(&out);
    assert!(stderr(&out).contains("2 sendt"), "{}", stderr(&out));
    // Plain `git pull` works: no "divergent branches", no conflict.
    let pull = b.git_out(&["pull", "-q"]);
    ok(&pull);
    let merged = b.read(CASE);
    for expected in [
        "Mor ringte",
        "done = 2026-11-23",
        "what = \"CT\"",
        "[[mdt]]",
    ] {
        assert!(merged.contains(expected), "{expected} in\n{merged}");
    }
    ok(&b.forlop(&["check"]));
    ok(&b.forlop(&["sync"]));
    // More work on both sides, then `forlop sync` on both.
    ok(&a.forlop(&[
        "record",
        "te-0001",
        "first-visit",
        "--date",
        "2026-11-20",
        "--commit",
    ]));
    ok(&b.forlop(&["note", "te-0001", "Fastlegen ringte", "--commit"]));
    ok(&b.forlop(&["sync"]));
    let out = a.forlop(&["sync"]);
    ok(&out);
    ok(&b.forlop(&["sync"]));
    assert_eq!(a.read(CASE), b.read(CASE));
    let text = a.read(CASE);
    for expected in [
        "Mor ringte",
        "Fastlegen ringte",
        "first-visit",
        "2026-11-26",
    ] {
        assert!(text.contains(expected), "{expected} in\n{text}");
    }
    ok(&a.forlop(&["check"]));
}

#[test]
fn a_true_conflict_is_named_by_case_and_field_and_nothing_is_lost() {
    let server = Server::new();
    let a = server.clone("Anne");
    let b = server.clone("Bo");
    ok(&a.forlop(&[
        "task",
        "te-0001",
        "book-ct",
        "--done",
        "--date",
        "2026-11-17",
        "--commit",
    ]));
    ok(&a.forlop(&["note", "te-0001", "Notat fra Anne", "--commit"]));
    ok(&a.forlop(&["sync"]));
    ok(&b.forlop(&[
        "task",
        "te-0001",
        "book-ct",
        "--done",
        "--date",
        "2026-11-18",
        "--commit",
    ]));
    ok(&b.forlop(&["note", "te-0001", "Notat fra Bo", "--commit"]));
    let out = b.forlop(&["sync"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("git-konflikt"), "{err}");
    assert!(err.contains("te-0001: [[task]] book-ct done"), "{err}");
    assert!(
        err.contains("2026-11-18") && err.contains("2026-11-17"),
        "{err}"
    );
    // Nothing lost: both notes, both dates, in one conflict block.
    let text = b.read(CASE);
    for expected in ["Notat fra Anne", "Notat fra Bo", "2026-11-17", "2026-11-18"] {
        assert!(text.contains(expected), "{expected} in\n{text}");
    }
    // check names the block in words, not as TOML errors.
    let (_, json) = {
        let out = b.forlop(&["check", "--format", "json", "--lang", "en"]);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (out, json)
    };
    assert_eq!(json["errors"], 1, "{json}");
    assert_eq!(
        json["diagnostics"][0]["message"],
        "git conflict between ours and theirs"
    );
    // A write refuses the file in the same words.
    let out = b.forlop(&["note", "te-0001", "Enda et notat"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("git-konflikt mellom ours og theirs"), "{err}");
    assert!(!err.contains("inn/ut-feil"), "{err}");
    // Sync again says a merge is unfinished.
    let out = b.forlop(&["sync"]);
    assert!(
        stderr(&out).contains("fletting er ikke fullført"),
        "{}",
        stderr(&out)
    );
    // A committing write elsewhere says the same, rather than "commit failed".
    ok(&b.forlop(&[
        "new",
        "te-0007",
        "--pathway",
        "tykk-og-endetarmskreft",
        "--referral",
        "2026-11-20",
    ]));
    let out = b.forlop(&["note", "te-0007", "x", "--commit"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("fletting er ikke fullført"),
        "{}",
        stderr(&out)
    );
    std::fs::remove_file(b.path.join("cases/2026/te-0007.toml")).unwrap();
    // Resolved by hand: keep Bo's date.
    let resolved = text
        .replace("<<<<<<< ours\n", "")
        .replace("=======\ndone = 2026-11-17\n>>>>>>> theirs\n", "");
    b.write(CASE, &resolved);
    ok(&b.forlop(&["check"]));
    b.git(&["commit", "-qam", "løst"]);
    ok(&b.forlop(&["sync"]));
    ok(&a.forlop(&["sync"]));
    assert_eq!(a.read(CASE), b.read(CASE));
}

#[test]
fn sync_refuses_politely_without_upstream_with_changes_and_offline() {
    let server = Server::new();
    let a = server.clone("Anne");
    // Uncommitted changes.
    ok(&a.forlop(&["note", "te-0001", "Ikke committet"]));
    let out = a.forlop(&["sync"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("ikke er committet: cases/2026/te-0001.toml"),
        "{}",
        stderr(&out)
    );
    a.git(&["checkout", "-q", "--", CASE]);
    // Offline: the server is gone; the local commit stays.
    ok(&a.forlop(&["note", "te-0001", "Lokalt", "--commit"]));
    let head = a.git(&["rev-parse", "HEAD"]);
    std::fs::rename(server.bare(), server.dir.path().join("borte.git")).unwrap();
    let out = a.forlop(&["sync", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("could not reach the server"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("your commits are safe"),
        "{}",
        stderr(&out)
    );
    assert_eq!(a.git(&["rev-parse", "HEAD"]), head);
    // A clone without `forlop init`: sync says so.
    a.git(&["config", "--unset", "merge.forlop.driver"]);
    let out = a.forlop(&["sync"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("kjør `forlop init`"),
        "{}",
        stderr(&out)
    );
    ok(&a.forlop(&["init"]));
    // No upstream.
    a.git(&["checkout", "-q", "-b", "eget"]);
    let out = a.forlop(&["sync"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("git push -u origin eget"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_failed_commit_leaves_no_trace() {
    let server = Server::new();
    let a = server.clone("Anne");
    let before = a.read(CASE);
    let head = a.git(&["rev-parse", "HEAD"]);
    // A hook that refuses every commit.
    let hook = a.path.join(".git/hooks/pre-commit");
    std::fs::write(&hook, "#!/bin/sh\necho nei >&2\nexit 1\n").unwrap();
    let out = a.forlop(&["note", "te-0001", "Mor ringte", "--commit"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("trukket tilbake"), "{}", stderr(&out));
    assert_eq!(a.read(CASE), before);
    assert_eq!(a.git(&["status", "--porcelain"]), "");
    assert_eq!(a.git(&["rev-parse", "HEAD"]), head);
    // A new case: no file, no folder, nothing staged.
    let out = a.forlop(&[
        "new",
        "te-0009",
        "--pathway",
        "tykk-og-endetarmskreft",
        "--referral",
        "2025-11-02",
        "--commit",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!a.path.join("cases/2025").exists());
    assert_eq!(a.git(&["status", "--porcelain"]), "");
    // No git identity: the same, nothing left behind.
    std::fs::remove_file(&hook).unwrap();
    a.git(&["config", "user.useConfigOnly", "true"]);
    let mut cmd = a.cmd(assert_cmd::cargo::cargo_bin("forlop").to_str().unwrap());
    for k in [
        "GIT_AUTHOR_NAME",
        "GIT_AUTHOR_EMAIL",
        "GIT_COMMITTER_NAME",
        "GIT_COMMITTER_EMAIL",
    ] {
        cmd.env_remove(k);
    }
    let out = cmd
        .args(["note", "te-0001", "Uten identitet", "--commit"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("git-identitet"), "{}", stderr(&out));
    assert_eq!(a.read(CASE), before);
    assert_eq!(a.git(&["status", "--porcelain"]), "");
    std::fs::write(&hook, "#!/bin/sh\nexit 1\n").unwrap();
    // The retry after fixing records the entry once.
    std::fs::remove_file(&hook).unwrap();
    ok(&a.forlop(&["init"]));
    ok(&a.forlop(&["note", "te-0001", "Mor ringte", "--commit"]));
    assert_eq!(a.read(CASE).matches("Mor ringte").count(), 1);
}

#[test]
fn the_hook_quotes_the_register_path_for_the_shell() {
    let home = tempfile::tempdir().unwrap();
    let top = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        let mut cmd = Command::new("git");
        cmd.current_dir(top.path()).args(args);
        env(&mut cmd, home.path(), "Anne");
        ok(&cmd.output().unwrap())
    };
    git(&["-c", "init.defaultBranch=main", "init", "-q"]);
    let name = "reg$(touch PWNED)'x";
    let reg = top.path().join(name);
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("forlop"));
    cmd.current_dir(top.path()).args(["init", name]);
    env(&mut cmd, home.path(), "Anne");
    ok(&cmd.output().unwrap());
    std::fs::create_dir_all(reg.join("cases")).unwrap();
    std::fs::write(
        reg.join("cases/te-0002.toml"),
        "id = \"te-0002\"\npathway = \"tykk\"\n",
    )
    .unwrap();
    git(&["add", "-A"]);
    let mut cmd = Command::new("git");
    cmd.current_dir(top.path()).args(["commit", "-qm", "x"]);
    env(&mut cmd, home.path(), "Anne");
    let out = cmd.output().unwrap();
    assert!(!out.status.success(), "the hook checks the register");
    assert!(
        stderr(&out).contains("ukjent pakkeforløp"),
        "{}",
        stderr(&out)
    );
    for dir in [top.path(), reg.as_path()] {
        assert!(!dir.join("PWNED").exists(), "the folder name ran as code");
    }
}

#[test]
fn check_names_each_conflict_block_once() {
    let server = Server::new();
    let a = server.clone("Anne");
    let text = a.read(CASE);
    let broken = format!(
        "{text}<<<<<<< HEAD\n[[note]]\ndate = 2026-11-20\ntext = \"a\"\n=======\n[[note]]\ndate = 2026-11-21\ntext = \"b\"\n>>>>>>> origin/main\n\n<<<<<<< HEAD\ncoordinator = \"ssol\"\n=======\ncoordinator = \"thav\"\n>>>>>>> origin/main\n"
    );
    a.write(CASE, &broken);
    let (out, json) = check_json(&a.path);
    assert_eq!(out.status.code(), Some(1));
    let diags = json["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 2, "{json}");
    for d in diags {
        assert_eq!(d["message"], "git conflict between HEAD and origin/main");
        assert_eq!(d["column"], 1);
    }
    let out = a.forlop(&["check"]);
    assert!(
        stderr(&out).contains("git-konflikt mellom HEAD og origin/main"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("kjør så `forlop check`"));
}

#[test]
fn git_email_names_the_person_for_me_and_note_authors() {
    let server = Server::new();
    let a = server.clone("Anne");
    let b = server.clone("Bo");
    ok(&a.forlop(&[
        "new",
        "te-0002",
        "--pathway",
        "tykk-og-endetarmskreft",
        "--referral",
        "2026-11-20",
        "--coordinator",
        "me",
    ]));
    assert!(
        a.read("cases/2026/te-0002.toml")
            .contains("coordinator = \"ssol\"")
    );
    let mine = ok(&a.forlop(&["status", "--coordinator", "me", "--format", "json"]));
    let mine: serde_json::Value = serde_json::from_str(&mine).unwrap();
    assert_eq!(mine.as_array().unwrap().len(), 1, "{mine}");
    assert_eq!(mine[0]["case"], "te-0002");
    // A note is signed by the writer's team id.
    ok(&a.forlop(&["note", "te-0002", "Ringte fastlegen"]));
    assert!(a.read("cases/2026/te-0002.toml").contains("by = \"ssol\""));
    // Bo has no email in team.toml: `me` says so, and his notes carry no author.
    let out = b.forlop(&["status", "--coordinator", "me"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("bo@sykehus.example"),
        "{}",
        stderr(&out)
    );
    ok(&b.forlop(&["note", "te-0001", "Uten forfatter"]));
    let text = b.read(CASE);
    let note = &text[text.find("Uten forfatter").unwrap()..];
    assert!(!note.contains("by ="), "{text}");
}

#[cfg(unix)]
#[test]
fn a_shared_working_copy_keeps_mode_and_group_and_names_refusals() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let server = Server::new();
    let a = server.clone("Anne");
    let meta = |rel: &str| std::fs::metadata(a.path.join(rel)).unwrap();
    let set_mode = |rel: &str, mode: u32| {
        std::fs::set_permissions(a.path.join(rel), std::fs::Permissions::from_mode(mode)).unwrap()
    };
    // The section's group owns the register; files are group-writable.
    let group = 100;
    let _ = std::os::unix::fs::chown(a.path.join("forlop.toml"), None, Some(group));
    let _ = std::os::unix::fs::chown(a.path.join(CASE), None, Some(group));
    set_mode("forlop.toml", 0o664);
    set_mode(CASE, 0o660);
    let group = meta("forlop.toml").gid();
    ok(&a.forlop(&["note", "te-0001", "Mor ringte"]));
    assert_eq!(meta(CASE).mode() & 0o7777, 0o660);
    assert_eq!(meta(CASE).gid(), group);
    // A new case (and its new year folder) take forlop.toml's mode and group.
    ok(&a.forlop(&[
        "new",
        "te-0003",
        "--pathway",
        "tykk-og-endetarmskreft",
        "--referral",
        "2027-01-04",
    ]));
    assert_eq!(meta("cases/2027/te-0003.toml").mode() & 0o7777, 0o664);
    assert_eq!(meta("cases/2027/te-0003.toml").gid(), group);
    assert_eq!(meta("cases/2027").mode() & 0o7777, 0o775);
    // A working copy owned by another user: git's refusal is named, with the fix.
    if unsafe { libc::geteuid() } == 0 {
        let chown = Command::new("chown")
            .args(["-R", "4242"])
            .arg(&a.path)
            .status()
            .unwrap();
        assert!(chown.success());
        let out = a.forlop(&["note", "te-0001", "Fra en annen bruker", "--commit"]);
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert!(err.contains("dubious ownership"), "{err}");
        assert!(err.contains("safe.directory"), "{err}");
        assert!(!err.contains("ikke et git-repo"), "{err}");
    }
}

#[test]
fn the_server_hook_refuses_a_broken_case_from_a_clone_without_the_client_hook() {
    let server = Server::new();
    let hook = server.bare().join("hooks/pre-receive");
    std::fs::copy(project("contrib/pre-receive"), &hook).unwrap();
    // A plain clone: no `forlop init`, so no client hook.
    let path = server.dir.path().join("plain");
    let mut cmd = Command::new("git");
    cmd.args(["clone", "-q"]).arg(server.bare()).arg(&path);
    env(&mut cmd, server.home.path(), "Per");
    ok(&cmd.output().unwrap());
    let p = Clone {
        server: &server,
        path,
        name: "Per",
    };
    p.write(
        "cases/2026/te-0005.toml",
        "id = \"te-0005\"\npathway = \"tykk\"\n",
    );
    p.git(&["add", "-A"]);
    p.git(&["commit", "-qm", "broken"]);
    let out = p.git_out(&["push", "-q"]);
    assert!(!out.status.success(), "the server must refuse the push");
    let err = stderr(&out);
    assert!(err.contains("ukjent pakkeforløp `tykk`"), "{err}");
    assert!(err.contains("registeret har feil"), "{err}");
    // Fixed, it goes through.
    p.write(
        "cases/2026/te-0005.toml",
        "id = \"te-0005\"\npathway = \"tykk-og-endetarmskreft\"\n",
    );
    p.git(&["commit", "-qam", "fixed"]);
    ok(&p.git_out(&["push", "-q"]));
}

#[test]
fn a_conflict_on_the_patient_is_named_without_the_identity_under_redaction() {
    let server = Server::new();
    let a = server.clone("Anne");
    let b = server.clone("Bo");
    let name = |c: &Clone<'_>, n: &str| {
        let text = c.read(CASE);
        c.write(CASE, &format!("{text}\n[patient]\nname = \"{n}\"\n"));
        c.git(&["commit", "-qam", "navn"]);
    };
    name(&a, "Kari Nordmann");
    ok(&a.forlop(&["sync"]));
    name(&b, "Kari Nordhagen");
    let out = b.forlop(&["sync"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("te-0001: [patient] name"), "{err}");
    assert!(!err.contains("Kari") && !err.contains("Nordhagen"), "{err}");
    let out = b.forlop(&["sync", "--show-identity"]);
    assert!(stderr(&out).contains("fletting er ikke fullført"));
}

#[test]
fn the_same_milestone_on_two_days_is_a_conflict_on_its_date() {
    let server = Server::new();
    let a = server.clone("Anne");
    let b = server.clone("Bo");
    ok(&a.forlop(&[
        "record",
        "te-0001",
        "first-visit",
        "--date",
        "2026-11-19",
        "--commit",
    ]));
    ok(&a.forlop(&["sync"]));
    ok(&b.forlop(&[
        "record",
        "te-0001",
        "first-visit",
        "--date",
        "2026-11-20",
        "--commit",
    ]));
    let out = b.forlop(&["sync", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(
            "te-0001: [[event]] first-visit date (yours: 2026-11-20; from the server: 2026-11-19)"
        ),
        "{err}"
    );
}

#[test]
fn a_merge_that_breaks_a_rule_stops_sync_with_the_rule() {
    let server = Server::new();
    let a = server.clone("Anne");
    let b = server.clone("Bo");
    // Each side is in order; together the first visit comes after the decision.
    ok(&a.forlop(&[
        "record",
        "te-0001",
        "first-visit",
        "--date",
        "2026-11-22",
        "--commit",
    ]));
    ok(&a.forlop(&["sync"]));
    ok(&b.forlop(&[
        "record",
        "te-0001",
        "decision",
        "--date",
        "2026-11-20",
        "--commit",
    ]));
    let out = b.forlop(&["sync", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("te-0001: merged without a field conflict, but"),
        "{err}"
    );
    // Both events are kept for the coordinator to correct.
    let text = b.read(CASE);
    assert!(
        text.contains("2026-11-22") && text.contains("2026-11-20"),
        "{text}"
    );
}

#[test]
fn without_forlop_on_path_git_falls_back_to_its_line_merge_and_check_names_the_blocks() {
    let server = Server::new();
    let a = server.clone("Anne");
    let b = server.clone("Bo");
    ok(&a.forlop(&["note", "te-0001", "Fra Anne", "--commit"]));
    ok(&a.forlop(&["sync"]));
    ok(&b.forlop(&["note", "te-0001", "Fra Bo", "--commit"]));
    // A machine where forlop is not installed: the driver's command runs git merge-file.
    let bare_path = std::env::var_os("PATH").unwrap_or_default();
    let has_forlop = std::env::split_paths(&bare_path).any(|d| d.join("forlop").exists());
    if has_forlop {
        return;
    }
    let out = b
        .cmd("git")
        .env("PATH", &bare_path)
        .args(["pull", "-q"])
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "two appended notes conflict line by line"
    );
    let text = b.read(CASE);
    assert!(
        text.contains("Fra Anne") && text.contains("Fra Bo"),
        "{text}"
    );
    let out = b.forlop(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("git-konflikt mellom ours og theirs"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_merge_driver_names_what_it_kept_against_a_removal() {
    // One side reopened the case (removed [closed]), the other changed the closure's reason:
    // the merge is clean and keeps the changed closure, and says so.
    let dir = tempfile::tempdir().unwrap();
    let base = "id = \"te-0142\"\npathway = \"lungekreft\"\n\n[closed]\ndate = 2026-12-01\nreason = \"other\"\n";
    let files = [
        ("base.toml", base.to_string()),
        (
            "ours.toml",
            "id = \"te-0142\"\npathway = \"lungekreft\"\n".to_string(),
        ),
        ("theirs.toml", base.replace("\"other\"", "\"died\"")),
    ];
    for (name, text) in &files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    for (lang, words) in [
        ("nb", "beholdt som endret: [closed]"),
        ("en", "kept as changed: [closed]"),
    ] {
        std::fs::write(dir.path().join("ours.toml"), &files[1].1).unwrap();
        let o = forlop()
            .current_dir(dir.path())
            .env("HOME", dir.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .args(["--lang", lang, "--today", "2026-12-02", "merge-driver"])
            .args(["base.toml", "ours.toml", "theirs.toml"])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "{err}");
        assert!(err.contains(words), "{lang}: {err}");
        let merged = std::fs::read_to_string(dir.path().join("ours.toml")).unwrap();
        assert!(merged.contains("reason = \"died\""), "{merged}");
    }
}

/// `sync`'s list of conflicts and the merge driver's messages quote values, keys and paths from
/// the case files: on stderr they are escaped, one case to a line, never a control character raw
/// (SPEC §3) and never a line feed that starts a line of its own.
#[test]
fn sync_and_the_merge_driver_never_print_a_control_character_from_a_file_raw() {
    let hostile =
        "\\u001b]0;pwned\\u0007\\u001b[2J\\r\\u0000\\u007f\\u0085\\u202e\\nforlop: feil: falsk";
    let assert_clean = |what: &str, err: &str| {
        for c in ['\x1b', '\x07', '\r', '\0', '\x7f', '\u{85}', '\u{202e}'] {
            assert!(!err.contains(c), "{what}: {c:?} in {err:?}");
        }
        assert!(
            !err.lines().any(|l| l.starts_with("forlop: feil: falsk")),
            "{what}: a line of its own in {err:?}"
        );
    };
    let server = Server::new();
    let a = server.clone("Anne");
    let b = server.clone("Bo");
    // TOML keeps a C1 control and a bidirectional override raw in a string; the conflict's
    // description quotes the lines as the file has them.
    let gp = |c: &Clone<'_>, who: &str| {
        let text = c.read(CASE);
        c.write(
            CASE,
            &format!("{text}\n[patient]\ngp = \"{who}\u{85}\u{202e}{hostile}\"\n"),
        );
        c.git(&["commit", "-qam", "fastlege", "--no-verify"]);
    };
    gp(&a, "Dr. A");
    ok(&a.forlop(&["sync"]));
    gp(&b, "Dr. B");
    let out = b.forlop(&["sync", "--show-identity"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("te-0001: [patient] gp"), "{err}");
    assert!(
        err.contains("Dr. B\\u{85}\\u{202e}\\u001b]0;pwned"),
        "{err}"
    );
    assert_clean("sync", &err);
    // The merge driver, on its own: a key changed on both sides, in a file with such a name.
    let dir = tempfile::tempdir().unwrap();
    let base = format!(
        "id = \"te-0142\"\npathway = \"lungekreft\"\n\"k{hostile}\" = 1\n\n[closed]\ndate = 2026-12-01\nreason = \"other\"\n"
    );
    std::fs::write(dir.path().join("base.toml"), &base).unwrap();
    std::fs::write(dir.path().join("ours.toml"), base.replace("= 1", "= 2")).unwrap();
    std::fs::write(dir.path().join("theirs.toml"), base.replace("= 1", "= 3")).unwrap();
    let o = forlop()
        .current_dir(dir.path())
        .env("HOME", dir.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(["--today", "2026-12-02", "merge-driver"])
        .args(["base.toml", "ours.toml", "theirs.toml"])
        .arg("cases/2026/te-0142\x1b]0;x\x07\r.toml")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("k\\u{1b}]0;pwned"), "{err}");
    assert_clean("merge-driver", &err);
}
