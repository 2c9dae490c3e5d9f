//! Feels right in a shell: overview, help with examples, completions, man page, colour, quiet.

use crate::util::*;

fn out(args: &[&str]) -> std::process::Output {
    forlop()
        .args(args)
        .current_dir(std::env::temp_dir())
        .output()
        .unwrap()
}

#[test]
fn a_bare_forlop_prints_the_daily_commands() {
    let o = out(&[]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.contains("Hver morgen:") && text.contains("forlop agenda"),
        "{text}"
    );
    let en = String::from_utf8(out(&["--lang", "en"]).stdout).unwrap();
    assert!(
        en.contains("Every morning:") && en.contains("forlop handover --coordinator"),
        "{en}"
    );
}

/// Every subcommand of the definition.
fn subcommands() -> Vec<String> {
    let help = String::from_utf8(out(&["--lang", "en", "--help"]).stdout).unwrap();
    let start = help.find("Commands:").unwrap();
    help[start..]
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .filter(|c| c != "help")
        .collect()
}

#[test]
fn every_subcommand_has_a_summary_and_examples_in_both_languages() {
    let commands = subcommands();
    assert_eq!(
        commands,
        [
            "check",
            "pathways",
            "status",
            "due",
            "overdue",
            "agenda",
            "mdt",
            "handover",
            "stats",
            "report",
            "export",
            "new",
            "record",
            "book",
            "task",
            "note",
            "deviation",
            "transfer",
            "close",
            "log",
            "init",
            "hook",
            "sync",
            "completions",
            "man"
        ]
    );
    for c in &commands {
        let nb = String::from_utf8(out(&[c, "--help"]).stdout).unwrap();
        assert!(nb.contains("Eksempler:\n  forlop "), "{c}: {nb}");
        assert!(nb.contains("Bruk: forlop "), "{c}");
        assert!(
            !nb.lines().next().unwrap().trim().is_empty(),
            "{c}: no summary"
        );
        let en = String::from_utf8(out(&["--lang", "en", c, "--help"]).stdout).unwrap();
        assert!(en.contains("Examples:\n  forlop "), "{c}: {en}");
        assert!(en.contains("Usage: forlop "), "{c}");
        assert_ne!(
            nb.lines().next(),
            en.lines().next(),
            "{c}: the summary is not translated"
        );
    }
}

#[test]
fn completions_come_from_the_one_definition() {
    for shell in ["bash", "zsh", "fish"] {
        let o = out(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        let text = String::from_utf8(o.stdout).unwrap();
        // fish writes long options as `-l coordinator`.
        for word in [
            "record",
            "handover",
            "coordinator",
            "today",
            "show-identity",
        ] {
            assert!(text.contains(word), "{shell} completions lack {word}");
        }
    }
    assert_eq!(out(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn the_man_page_generates() {
    let o = out(&["--lang", "en", "man"]);
    assert_eq!(o.status.code(), Some(0));
    let roff = String::from_utf8(o.stdout).unwrap();
    assert!(roff.contains(".TH forlop"), "{roff}");
    assert!(
        roff.contains("record") && roff.contains("\\-\\-today"),
        "{roff}"
    );
}

fn check_broken(color: &str, no_color: bool) -> String {
    let mut cmd = forlop();
    if !no_color {
        cmd.env_remove("NO_COLOR");
    }
    let o = cmd
        .args(["check", "--color", color, "--today", TODAY, "--register"])
        .arg(project("tests/fixtures/noteam"))
        .output()
        .unwrap();
    String::from_utf8(o.stderr).unwrap()
}

#[test]
fn colour_only_when_asked_for_or_on_a_terminal() {
    // Not a terminal: no colour, with or without NO_COLOR.
    assert!(!check_broken("auto", true).contains('\x1b'));
    assert!(!check_broken("auto", false).contains('\x1b'));
    assert!(!check_broken("never", false).contains('\x1b'));
    // --color always wins, even over NO_COLOR.
    assert!(check_broken("always", true).contains("\x1b[1;33madvarsel"));
}

#[test]
fn writes_confirm_on_stderr_and_quiet_silences_them() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&project("examples/onkologi"), dir.path());
    let run = |extra: &[&str]| {
        forlop()
            .args(["note", "te-0142", "Ringt", "--today", TODAY, "--register"])
            .arg(dir.path())
            .args(extra)
            .output()
            .unwrap()
    };
    let o = run(&[]);
    assert!(o.stdout.is_empty(), "stdout carries only requested output");
    assert_eq!(
        String::from_utf8(o.stderr).unwrap(),
        "te-0142: note 2026-11-23 → cases/2026/te-0142.toml\n"
    );
    let q = run(&["--quiet"]);
    assert!(q.stdout.is_empty() && q.stderr.is_empty());
}

#[test]
fn csv_wherever_there_is_a_table() {
    let reg = project("examples/onkologi");
    for args in [
        &["status"][..],
        &["due", "--days", "7"],
        &["overdue"],
        &["agenda", "--days", "3"],
        &["mdt"],
        &["pathways"],
        &["stats"],
    ] {
        let o = forlop()
            .args(args)
            .args(["--format", "csv", "--today", TODAY, "--register"])
            .arg(&reg)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let text = String::from_utf8(o.stdout).unwrap();
        let widths: Vec<usize> = text.lines().map(|l| l.matches(',').count()).collect();
        assert!(widths.len() > 1, "{args:?}: {text}");
        // Every row has as many fields as the header (no field here holds a comma).
        assert!(widths.iter().all(|w| *w == widths[0]), "{args:?}: {text}");
        assert!(text.contains("\r\n"), "{args:?}: CSV lines end in CRLF");
    }
}

#[test]
fn a_write_shows_the_warnings_it_brings_and_pathways_copy_starts_a_local_definition() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&project("examples/onkologi"), dir.path());
    let run = |args: &[&str]| {
        forlop()
            .args(args)
            .args(["--lang", "en", "--today", TODAY, "--register"])
            .arg(dir.path())
            .output()
            .unwrap()
    };
    let o = run(&[
        "new",
        "ny-0001",
        "--pathway",
        "nyrekreft",
        "--referral",
        "2026-11-20",
        "--coordinator",
        "ssol",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("warning: the standard times of `nyrekreft` are unknown"),
        "{err}"
    );
    assert!(err.contains("`forlop pathways copy nyrekreft`"), "{err}");
    let o = run(&["pathways", "copy", "nyrekreft"]);
    assert_eq!(o.status.code(), Some(0));
    let copy = std::fs::read_to_string(dir.path().join("pathways/nyrekreft.toml")).unwrap();
    assert!(copy.starts_with("# Lokal kopi av det innebygde forløpet"));
    let list: Vec<serde_json::Value> =
        serde_json::from_slice(&run(&["pathways", "--format", "json"]).stdout).unwrap();
    assert_eq!(
        list.iter().find(|p| p["id"] == "nyrekreft").unwrap()["origin"],
        "register"
    );
    // A second copy would overwrite local work: refused.
    assert_eq!(
        run(&["pathways", "copy", "nyrekreft"]).status.code(),
        Some(1)
    );
    assert_eq!(
        run(&["pathways", "copy", "nyrekraft"]).status.code(),
        Some(1)
    );
}
