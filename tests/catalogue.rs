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

/// The registers whose planted diagnostics are asserted exactly.
const FIXTURE_REGISTERS: &[&str] = &[
    "tests/fixtures/invalid",
    "tests/fixtures/noteam",
    "tests/fixtures/broken-example",
];

/// Diagnostics no file in a fixture register can hold (they are about the file system, not the
/// text), each with the test that plants it instead.
const PLANTED_ELSEWHERE: &[(&str, &str)] = &[
    (
        "F0004",
        "catalogue::symlinks_are_reported_and_never_followed",
    ),
    ("F0005", "catalogue::a_fifo_is_not_a_regular_file"),
    (
        "F0006",
        "hardening::an_unreadable_file_is_named_and_the_rest_checked",
    ),
    (
        "F0007",
        "catalogue::other_files_in_cases_are_named_not_silently_skipped",
    ),
    (
        "F0008",
        "hardening::an_unreadable_file_is_named_and_the_rest_checked",
    ),
    (
        "F0009",
        "hardening::a_20_mb_case_file_is_read_and_a_huge_one_refused",
    ),
    (
        "F0010",
        "problems::an_unreadable_cases_folder_is_an_error_never_zero_overdue",
    ),
    (
        "F0011",
        "problems::an_unusable_local_pathway_never_falls_back_to_the_built_in",
    ),
    (
        "F0012",
        "privacy::a_file_with_very_many_problems_lists_a_bounded_number_and_says_so",
    ),
    (
        "F0015",
        "privacy::a_file_of_millions_of_tiny_entries_is_not_parsed",
    ),
    (
        "F0013",
        "privacy::a_hidden_case_file_is_named_not_skipped_silently",
    ),
    (
        "F0014",
        "privacy::temporary_files_of_a_killed_write_are_named_and_removed_by_the_next_write",
    ),
    ("F0016", "team::check_names_each_conflict_block_once"),
];

#[test]
fn the_fixture_catalogue_covers_every_rule() {
    // Derived from the catalogue itself: every diagnostic code (forlop::i18n::Msg) is planted
    // by a fixture of a register whose diagnostics are asserted exactly (above), or is one of
    // the few that live only in the file system and are planted by the test named beside it.
    use strum::IntoEnumIterator;
    let planted: std::collections::BTreeSet<String> = FIXTURE_REGISTERS
        .iter()
        .flat_map(|r| expected_codes(&project(r)))
        .map(|(_, at_code)| at_code.rsplit(' ').next().unwrap().to_string())
        .collect();
    let mut missing = Vec::new();
    for msg in forlop::i18n::Msg::iter() {
        let code = msg.code();
        let elsewhere = PLANTED_ELSEWHERE.iter().any(|(c, _)| *c == code);
        assert!(
            !(elsewhere && planted.contains(code)),
            "{code} has a fixture now: take it off PLANTED_ELSEWHERE"
        );
        if !elsewhere && !planted.contains(code) {
            missing.push(format!("{code} ({msg:?})"));
        }
    }
    assert!(missing.is_empty(), "no fixture plants: {missing:#?}");
    // Every expectation names its code.
    for r in FIXTURE_REGISTERS {
        for (file, e) in expectations_with_codes(&project(r)) {
            assert!(
                split_code(&e).1.is_some(),
                "{r}/{file}: `# expect: {e}` names no code"
            );
        }
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
