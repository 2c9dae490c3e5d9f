//! Every check rule has a fixture announcing its diagnostics; exactly those are reported.

use crate::util::*;

#[test]
fn every_planted_diagnostic_is_reported_and_nothing_else() {
    assert_catalogue(&project("tests/fixtures/invalid"));
}

#[test]
fn person_ids_warn_when_the_register_has_no_team() {
    assert_catalogue(&project("tests/fixtures/noteam"));
    // Warnings alone do not fail the check.
    forlop()
        .args(["check", "--today", TODAY, "--register"])
        .arg(project("tests/fixtures/noteam"))
        .assert()
        .code(0);
}

#[test]
fn the_broken_example_reports_each_planted_problem_and_nothing_else() {
    let root = project("tests/fixtures/broken-example");
    assert_catalogue(&root);
    // One planted problem per rule: the copy differs from the example only where planted.
    assert_eq!(expectations(&root).len(), 16);
}

#[test]
fn the_example_register_checks_clean() {
    let root = project("examples/onkologi");
    let (got, json) = reported(&root);
    assert!(got.is_empty(), "{got:#?}");
    assert_eq!(json["errors"], 0);
    assert_eq!(json["warnings"], 0);
    forlop()
        .args(["check", "--today", TODAY, "--register"])
        .arg(&root)
        .assert()
        .code(0);
}

#[test]
fn the_fixture_catalogue_covers_every_rule() {
    // A rule without a fixture would pass the test above silently; keep this list in step
    // with src/i18n.rs (Msg).
    let expected = expectations(&project("tests/fixtures/invalid"));
    let text: String = expected.iter().map(|(_, m)| format!("{m}\n")).collect();
    for needle in [
        "invalid TOML",
        "unknown key",
        "must be a string",
        "must be an integer",
        "invalid date",
        "is not a valid date",
        "without time or offset",
        "may only contain lowercase",
        "does not equal the file name",
        "unknown value `chemo` for `treatment`",
        "for `outcome`",
        "is not in team.toml",
        "wrong control digit",
        "must have 11 digits",
        "no valid birth date",
        "recorded twice",
        "cannot precede it",
        "the file is empty",
        "not UTF-8",
        "unknown pathway",
        "is not a milestone of `sarkom`",
        "is not a task of",
        "lacks `name` or `due`",
        "was retired",
        "defined twice",
        "is not a milestone of this pathway",
        "form a cycle",
        "cannot be negative",
        "unknown `times`",
        "is not a treatment type",
        "case id `dup-case` is also used",
        "already has an open case",
        "after today",
        "has no limit of its own",
        "without a treatment type",
        "open case without a coordinator",
        "standard times of `lungekreft` are unknown",
        "but the national ID number says",
        "missing `id`",
        "not of the form HH:MM",
        "belongs only to the decision",
        "runs backwards",
        "the closure is dated 2026-11-30, after today",
        "the transfer is dated 2026-12-01, after today",
        "is marked done on 2026-11-25, after today",
        "the closure is dated 2026-10-30, before the referral",
        "the transfer is dated 2026-10-20, before the referral",
    ] {
        assert!(text.contains(needle), "no fixture plants `{needle}`");
    }
}

#[test]
fn errors_fail_the_check_with_exit_1() {
    forlop()
        .args(["check", "--today", TODAY, "--register"])
        .arg(project("tests/fixtures/invalid"))
        .assert()
        .code(1);
}

#[test]
fn human_diagnostics_go_to_stderr_like_a_compiler() {
    let out = forlop()
        .current_dir(project("tests/fixtures/invalid"))
        .args([
            "check",
            "--today",
            TODAY,
            "cases/unknown-key.toml",
            "cases/wrong-type.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    insta::assert_snapshot!(String::from_utf8(out.stderr).unwrap());
}

#[test]
fn english_with_lang_en() {
    let out = forlop()
        .current_dir(project("tests/fixtures/invalid"))
        .args([
            "check",
            "--lang",
            "en",
            "--today",
            TODAY,
            "cases/unknown-key.toml",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("cases/unknown-key.toml:6:1: error: unknown key `coordinater`"),
        "{err}"
    );
    assert!(err.contains("= hint: did you mean `coordinator`?"), "{err}");
    assert!(err.contains("2 errors and 1 warning in"), "{err}");
}

#[test]
fn lang_setting_in_forlop_toml_switches_to_english() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&project("tests/fixtures/noteam"), dir.path());
    std::fs::write(dir.path().join("forlop.toml"), "lang = \"en\"\n").unwrap();
    let out = forlop()
        .args(["check", "--today", TODAY, "--register"])
        .arg(dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("warning: `coordinator` = \"ssol\" cannot be checked"),
        "{err}"
    );
}

#[test]
fn check_paths_reports_only_on_those_paths() {
    let (_, json) = {
        let out = forlop()
            .current_dir(project("tests/fixtures/invalid/cases"))
            .args([
                "check", "--format", "json", "--lang", "en", "--today", TODAY, "dup",
            ])
            .output()
            .unwrap();
        (
            (),
            serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap(),
        )
    };
    let files: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    // The duplicate id is a cross-file rule: found although only `dup` is asked for.
    assert_eq!(files, ["cases/dup/b/dup-case.toml"]);
}

#[test]
fn symlinks_are_reported_and_never_followed() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&project("tests/fixtures/noteam"), dir.path());
    let secret = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(
        secret.path(),
        "id = \"secret\"\npathway = \"TOP-SECRET-CONTENT\"\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(secret.path(), dir.path().join("cases/link.toml")).unwrap();
    let (out, json) = check_json(dir.path());
    let text = json.to_string();
    assert!(text.contains("symbolic link is not followed"), "{text}");
    assert!(!text.contains("TOP-SECRET"), "{text}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_fifo_is_not_a_regular_file() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&project("tests/fixtures/noteam"), dir.path());
    let fifo = dir.path().join("cases/pipe.toml");
    let ok = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !ok {
        return; // no mkfifo on this machine: nothing to test
    }
    let (_, json) = check_json(dir.path());
    let text = json.to_string();
    assert!(text.contains("\"file\":\"cases/pipe.toml\""), "{text}");
    assert!(text.contains("not a regular file"), "{text}");
}

#[test]
fn other_files_in_cases_are_named_not_silently_skipped() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&project("tests/fixtures/noteam"), dir.path());
    std::fs::write(dir.path().join("cases/te-0001.tml"), "id = \"te-0001\"\n").unwrap();
    std::fs::write(dir.path().join("cases/.gitkeep"), "").unwrap();
    let (out, json) = check_json(dir.path());
    let about: Vec<&serde_json::Value> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == "cases/te-0001.tml")
        .collect();
    assert_eq!(about.len(), 1);
    assert_eq!(about[0]["severity"], "warning");
    assert!(!out.stdout.is_empty() && !String::from_utf8_lossy(&out.stdout).contains(".gitkeep"));
}
