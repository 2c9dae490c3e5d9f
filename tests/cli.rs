//! The command line: discovery, global flags, exit codes, broken pipes.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::util::*;

#[test]
fn the_register_is_found_from_a_subdirectory() {
    forlop()
        .current_dir(project("examples/onkologi/cases/2026"))
        .args(["check", "--today", TODAY])
        .assert()
        .code(0);
}

#[test]
fn the_register_comes_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    forlop()
        .current_dir(dir.path())
        .env("FORLOP_REGISTER", project("examples/onkologi"))
        .env("FORLOP_TODAY", TODAY)
        .arg("check")
        .assert()
        .code(0);
}

#[test]
fn no_register_is_a_clear_error_that_suggests_init() {
    let dir = tempfile::tempdir().unwrap();
    let out = forlop()
        .current_dir(dir.path())
        .args(["status", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("error: no register (forlop.toml) found"),
        "{err}"
    );
    assert!(err.contains("forlop init"), "{err}");
}

#[test]
fn a_missing_register_directory_is_an_error() {
    let out = forlop()
        .args(["check", "--register", "/nonexistent/forlop-register"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("/nonexistent/forlop-register"), "{err}");
}

#[test]
fn global_flags_go_before_or_after_the_subcommand() {
    let reg = project("examples/onkologi");
    let before = forlop()
        .arg("--register")
        .arg(&reg)
        .args(["--today", TODAY, "--format", "json", "status"])
        .output()
        .unwrap();
    let after = forlop()
        .args(["status", "--format", "json", "--today", TODAY, "--register"])
        .arg(&reg)
        .output()
        .unwrap();
    assert_eq!(before.status.code(), Some(0));
    assert_eq!(before.stdout, after.stdout);
}

#[test]
fn usage_errors_exit_2() {
    forlop()
        .args(["check", "--today", "23.11.2026"])
        .assert()
        .code(2);
    forlop().args(["frobnicate"]).assert().code(2);
    forlop()
        .args(["check", "--format", "csv", "--register"])
        .arg(project("examples/onkologi"))
        .assert()
        .code(2);
}

#[test]
fn a_format_a_command_cannot_write_is_named() {
    let out = forlop()
        .args(["status", "--format", "html", "--lang", "en", "--register"])
        .arg(project("examples/onkologi"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("`forlop status` cannot write the `html` format"),
        "{err}"
    );
    assert!(err.contains("use `table`, `json` or `csv`"), "{err}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // Enough cases that the output outgrows the pipe buffer, so the write meets the closed pipe.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("forlop.toml"), "").unwrap();
    std::fs::create_dir(dir.path().join("cases")).unwrap();
    for i in 0..2000 {
        std::fs::write(
            dir.path().join(format!("cases/te-{i:04}.toml")),
            format!("id = \"te-{i:04}\"\npathway = \"sarkom\"\ncoordinator = \"ssol\"\n\n[[event]]\nmilestone = \"referral\"\ndate = 2026-11-02\n"),
        )
        .unwrap();
    }
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("forlop"))
        .args(["status", "--today", TODAY, "--register"])
        .arg(dir.path())
        .env_remove("FORLOP_TODAY")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is dropped here: the pipe is closed after one line.
    let out = child.wait_with_output().unwrap();
    assert!(!first.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        !err.contains("panicked") && !err.to_lowercase().contains("broken pipe"),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(0), "{err}");
}
