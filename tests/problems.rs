//! No daily output hides a patient: files with errors are used where that is safe and named
//! where they are not; an unreadable `cases/` is an error; the engine's rules are one.

use std::path::Path;

use chrono::NaiveDate;
use forlop::check::case::CaseContext;
use forlop::i18n::Lang;
use forlop::model::{Case, Days, Origin, Pathway, Treatment};
use forlop::register::{self, load_pathways, parse_case_text};
use forlop::schedule::{CaseView, IntervalState};

use crate::util::*;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Parses a case against the built-in pathways, errors or not.
fn parse_case(pathways: &[Pathway], text: &str) -> Case {
    let ctx = CaseContext {
        pathways,
        broken_pathways: &[],
        team: None,
        today: date("2100-01-01"),
        stale_days: 60,
        warnings: true,
        mask_lines: false,
    };
    parse_case_text("c.toml", text, "c", &ctx).0.unwrap()
}

/// A register in a temporary folder: forlop.toml plus the given files.
fn register(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("forlop.toml"), "name = \"Test\"\n").unwrap();
    for (path, text) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

fn load(dir: &Path) -> register::Register {
    register::load(dir, date(TODAY))
}

fn problem_texts(reg: &register::Register) -> Vec<String> {
    reg.problems
        .iter()
        .map(|p| format!("{} {}", p.place(), p.msg.text(Lang::En)))
        .collect()
}

const TE_CASE: &str = r#"id = "te-0142"
pathway = "tykk-og-endetarmskreft"
coordinator = "ssol"

[[event]]
milestone = "referral"
date = 2026-11-02

[[event]]
milestone = "first-visit"
date = 2026-11-2O

[[appointment]]
date = 2026-11-26
what = "Koloskopi"
"#;

#[test]
fn a_case_with_a_bad_date_keeps_the_rest_of_the_case() {
    let dir = register(&[("cases/2026/te-0142.toml", TE_CASE)]);
    let reg = load(dir.path());
    let case = reg.cases.iter().find(|c| c.id.value == "te-0142").unwrap();
    // The readable event and the appointment count; the unreadable event is left out.
    assert_eq!(case.events.len(), 1);
    assert_eq!(case.events[0].date.value, date("2026-11-02"));
    assert_eq!(case.appointments.len(), 1);
    // Reported once (the syntax error), not again as a bad or missing date.
    let problems = problem_texts(&reg);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].starts_with("cases/2026/te-0142.toml:11 invalid TOML"),
        "{problems:#?}"
    );
    // OF1 is still counted from the readable referral.
    let p = reg.pathway("tykk-og-endetarmskreft").unwrap();
    let view = CaseView::new(case, p, date(TODAY));
    assert!(matches!(
        view.interval(p.interval("OF1").unwrap()).state,
        IntervalState::Open { .. }
    ));
}

const LOCAL_LUNG: &str = r#"id = "lungekreft"
name = "Lungekreft (lokale tider)"
times = "unverified"
updated = 2021-13-45

[[milestone]]
id = "referral"
name = "Henvisning"
code = "A"

[[milestone]]
id = "first-visit"
name = "Første fremmøte"
code = "S"

[[milestone]]
id = "decision"
name = "Beslutning"
code = "C"

[[milestone]]
id = "treatment"
name = "Behandling"
code = "F"

[[interval]]
id = "OF1"
from = "referral"
to = "first-visit"
days = 5

[[interval]]
id = "OF3"
from = "decision"
to = "treatment"
days = { surgrey = 10, drug = 12 }

[[task]]
id = "local-task"
name = "Lokal oppgave"
after = "referral"
days = 1
"#;

#[test]
fn a_local_pathway_with_a_bad_updated_keeps_its_intervals_and_tasks() {
    let dir = register(&[("pathways/lungekreft.toml", LOCAL_LUNG)]);
    let reg = load(dir.path());
    let p = reg.pathway("lungekreft").unwrap();
    assert_eq!(
        p.origin,
        Origin::Register,
        "never the built-in in its place"
    );
    assert_eq!(p.updated, None);
    assert_eq!(p.interval("OF1").unwrap().days, Days::Fixed(5));
    assert!(p.task("local-task").is_some());
    // The misspelt key is left out; the other limit stays.
    assert_eq!(
        p.interval("OF3").unwrap().days,
        Days::PerTreatment(vec![(Treatment::Drug, 12)])
    );
    let problems = problem_texts(&reg);
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(
        problems[0].starts_with("pathways/lungekreft.toml:4 invalid TOML"),
        "{problems:#?}"
    );
    assert!(
        problems[1].starts_with("pathways/lungekreft.toml:36 `surgrey` is not a treatment type"),
        "{problems:#?}"
    );
}

#[test]
fn an_unusable_local_pathway_never_falls_back_to_the_built_in() {
    let broken = "id = \"lungekreft\"\n# no name, no milestones\n";
    let case = "id = \"lu-1\"\npathway = \"lungekreft\"\ncoordinator = \"ssol\"\n\n[[event]]\nmilestone = \"referral\"\ndate = 2026-11-02\n";
    let dir = register(&[
        ("pathways/lungekreft.toml", broken),
        ("cases/lu-1.toml", case),
    ]);
    let reg = load(dir.path());
    assert!(reg.pathway("lungekreft").is_none());
    let problems = problem_texts(&reg);
    assert!(
        problems.contains(
            &"pathways/lungekreft.toml the pathway `lungekreft` could not be read; its 1 case has no deadlines in this output"
                .to_string()
        ),
        "{problems:#?}"
    );
    // `pathways show` says why, rather than "unknown pathway".
    let out = forlop()
        .args([
            "pathways",
            "show",
            "lungekreft",
            "--lang",
            "en",
            "--register",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("the pathway file of `lungekreft` has errors and cannot be used: pathways/lungekreft.toml:1: missing `name`"),
        "{err}"
    );
    // The case is still loaded (and so listed by name), not blamed for an unknown pathway.
    assert!(reg.cases.iter().any(|c| c.id.value == "lu-1"));
    assert!(!problems.iter().any(|p| p.contains("unknown pathway")));
}

#[test]
fn a_decision_of_unknown_origin_does_not_end_the_treatment_intervals() {
    let ps = load_pathways(None).0;
    let c = parse_case(
        &ps,
        r#"id = "c"
pathway = "tykk-og-endetarmskreft"
[[event]]
milestone = "referral"
date = 2026-10-01
[[event]]
milestone = "decision"
date = 2026-10-10
outcome = "unknown-origin"
"#,
    );
    let p = ps
        .iter()
        .find(|p| p.id.value == "tykk-og-endetarmskreft")
        .unwrap();
    let view = CaseView::new(&c, p, date("2026-10-12"));
    assert!(!view.decision_ends());
    assert!(matches!(
        view.interval(p.interval("OF3").unwrap()).state,
        IntervalState::Open { .. }
    ));
}

#[test]
fn status_next_milestone_follows_the_earliest_decision_like_the_engine() {
    let ps = load_pathways(None).0;
    // Recorded twice: the earliest (cancer) counts; the later "no-disease" does not end it.
    let c = parse_case(
        &ps,
        r#"id = "c"
pathway = "tykk-og-endetarmskreft"
[[event]]
milestone = "referral"
date = 2026-10-01
[[event]]
milestone = "decision"
date = 2026-10-10
[[event]]
milestone = "decision"
date = 2026-10-12
outcome = "no-disease"
"#,
    );
    let p = ps
        .iter()
        .find(|p| p.id.value == "tykk-og-endetarmskreft")
        .unwrap();
    let today = date("2026-10-14");
    assert!(!CaseView::new(&c, p, today).decision_ends());
    assert_eq!(
        forlop::views::status::next_milestone(&c, p, today),
        Some("treatment")
    );
}

#[test]
fn an_unreadable_cases_folder_is_an_error_never_zero_overdue() {
    // As root, permissions do not stop a read; a file or a link where the folder should be does.
    let as_file = register(&[("cases", "not a folder\n")]);
    let linked = register(&[]);
    let real = tempfile::tempdir().unwrap();
    std::fs::write(real.path().join("a.toml"), TE_CASE).unwrap();
    std::os::unix::fs::symlink(real.path(), linked.path().join("cases")).unwrap();
    for dir in [as_file.path(), linked.path()] {
        for cmd in [
            &["report", "--quiet"][..],
            &["overdue", "--quiet"],
            &["due", "--format", "json", "--quiet"],
            &["status", "--quiet"],
            &["agenda", "--quiet"],
        ] {
            let out = forlop()
                .args(cmd)
                .args(["--lang", "en", "--today", TODAY, "--register"])
                .arg(dir)
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{cmd:?}: {err}");
            assert!(out.stdout.is_empty(), "{cmd:?}");
            assert!(err.contains("cannot read `cases/`"), "{cmd:?}: {err}");
        }
    }
    // A missing cases/ is a register without cases.
    let none = register(&[]);
    forlop()
        .args(["overdue", "--today", TODAY, "--register"])
        .arg(none.path())
        .assert()
        .code(0);
}

/// The fixture register with one file of each kind broken.
fn broken() -> std::path::PathBuf {
    project("tests/fixtures/problems")
}

/// Runs forlop on the broken fixture with `--quiet`, `--lang en` and the pinned day.
fn run(args: &[&str]) -> std::process::Output {
    forlop()
        .args(args)
        .args(["--quiet", "--lang", "en", "--today", TODAY, "--register"])
        .arg(broken())
        .output()
        .unwrap()
}

/// What every listing must name: each broken file with its line.
const NAMED: [&str; 5] = [
    "cases/2026/te-0142.toml:12",
    "cases/2026/xx-0001.toml:3",
    "cases/2026/zz-0009.toml:1",
    "pathways/lungekreft.toml:5",
    "pathways/sarkom.toml:26",
];

#[test]
fn the_report_names_every_file_with_errors_first_in_every_format_with_quiet() {
    for format in ["text", "markdown", "html"] {
        let out = run(&["report", "--format", format]);
        assert_eq!(out.status.code(), Some(0), "{format}");
        let body = String::from_utf8(out.stdout).unwrap();
        let first = body
            .find("Files with errors")
            .or_else(|| body.find("FILES WITH ERRORS"))
            .unwrap_or_else(|| panic!("{format}: no problems section\n{body}"));
        // The first section: before the overdue deadlines.
        let overdue = body
            .find("Overdue")
            .or_else(|| body.find("OVERDUE"))
            .unwrap();
        assert!(first < overdue, "{format}: problems come first\n{body}");
        for place in NAMED {
            assert!(body.contains(place), "{format}: {place} not named\n{body}");
        }
        assert!(
            body.contains("unknown pathway `tykk-og-endetarmkreft`"),
            "{format}"
        );
        assert!(
            body.contains("`surgrey` is not a treatment type"),
            "{format}"
        );
        assert!(
            out.stderr.is_empty(),
            "{format}: --quiet keeps stderr empty"
        );
    }
    let out = run(&["report", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let problems: Vec<String> = json["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| format!("{}:{}", p["file"].as_str().unwrap(), p["line"]))
        .collect();
    assert_eq!(problems, NAMED);
    assert_eq!(
        json["problems"][3]["message"],
        "invalid TOML: invalid date, expected month between 01 and 12"
    );
}

#[test]
fn what_is_readable_in_a_broken_file_still_counts_in_the_report() {
    let out = run(&["report", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let overdue: Vec<String> = json["overdue"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["deadlines"].as_array().unwrap().clone())
        .map(|d| format!("{} {} {}", d["case"], d["id"], d["due"]))
        .collect();
    // te-0142: OF1 from its readable referral; lu-0001: the local 5-day OF1 and local task.
    assert!(
        overdue.contains(&r#""te-0142" "OF1" "2026-11-18""#.to_string()),
        "{overdue:?}"
    );
    assert!(
        overdue.contains(&r#""lu-0001" "OF1" "2026-11-21""#.to_string()),
        "{overdue:?}"
    );
    assert!(
        overdue.contains(&r#""lu-0001" "ring-fastlege" "2026-11-17""#.to_string()),
        "{overdue:?}"
    );
    // Their lines say that the deadline may follow from an error in a file.
    let text = String::from_utf8(run(&["report"]).stdout).unwrap();
    let line = |case: &str| {
        text.lines()
            .find(|l| l.contains(case) && l.contains("OF1"))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        line("te-0142").contains("(the case file has errors, see the top)"),
        "{text}"
    );
    assert!(
        line("lu-0001").contains("(the pathway file has errors, see the top)"),
        "{text}"
    );
    // sa-0001: the misspelt `surgery` leaves the strictest readable limit (drug, 12 days).
    let due = run(&["due", "--days", "30", "--format", "json"]);
    let due: serde_json::Value = serde_json::from_slice(&due.stdout).unwrap();
    let sa = due
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["case"] == "sa-0001")
        .unwrap();
    assert_eq!(sa["due"], "2026-12-02");
    // The local lung pathway's times are unverified: its deadline objects say so.
    let lu = due
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["case"] == "lu-0001" && d["id"] == "OF1")
        .unwrap();
    assert_eq!(lu["times"], "unverified");
}

#[test]
fn missed_standard_times_without_a_deviation_are_listed() {
    let out = run(&["report", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["missed"],
        serde_json::json!([{
            "case": "te-0100", "pathway": "tykk-og-endetarmskreft", "interval": "OF1",
            "due": "2026-11-11", "date": "2026-11-16", "days_over": 5, "coordinator": "ssol",
        }])
    );
    let text = String::from_utf8(run(&["report"]).stdout).unwrap();
    assert!(
        text.contains("STANDARD TIMES MISSED WITHOUT A DEVIATION"),
        "{text}"
    );
}

#[test]
fn every_listing_names_the_files_in_its_body_and_arrays_on_stderr() {
    for cmd in [
        &["status"][..],
        &["due"],
        &["overdue"],
        &["agenda"],
        &["agenda", "--format", "markdown"],
        &["mdt"],
    ] {
        let out = run(cmd);
        assert_eq!(out.status.code(), Some(0), "{cmd:?}");
        let body = String::from_utf8(out.stdout).unwrap();
        for place in NAMED {
            assert!(body.contains(place), "{cmd:?}: {place} not named\n{body}");
        }
    }
    // Bare arrays and file formats keep their shape and say it on stderr, also with --quiet.
    for cmd in [
        &["due", "--format", "json"][..],
        &["overdue", "--format", "csv"],
        &["status", "--format", "json"],
        &["export", "ics"],
    ] {
        let out = run(cmd);
        assert_eq!(out.status.code(), Some(0), "{cmd:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        for place in NAMED {
            assert!(err.contains(place), "{cmd:?}: {place} not on stderr\n{err}");
        }
        if cmd[1] == "--format" && cmd[2] == "json" {
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            assert!(v.is_array(), "{cmd:?}");
        }
    }
    // The calendar says which deadlines rest on unverified times, as every output does.
    let ics = String::from_utf8(run(&["export", "ics"]).stdout)
        .unwrap()
        .replace("\r\n ", "");
    assert!(
        ics.lines().any(|l| l.contains("lu-0001")
            && l.contains("OF1")
            && l.contains("(times unverified)")),
        "{ics}"
    );
    // The agenda's JSON is a document: it says it in its body.
    let out = run(&["agenda", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["problems"].as_array().unwrap().len(), NAMED.len());
}

#[test]
fn status_of_a_case_whose_file_has_errors_says_so_with_the_place() {
    let out = run(&["status", "zz-0009"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(
            "the case file of `zz-0009` has errors and cannot be read as a case: cases/2026/zz-0009.toml:1: missing `pathway`"
        ),
        "{err}"
    );
    // A case read with errors shows them in its detail.
    let out = run(&["status", "te-0142"]);
    assert_eq!(out.status.code(), Some(0));
    let body = String::from_utf8(out.stdout).unwrap();
    assert!(
        body.contains("cases/2026/te-0142.toml:12: invalid TOML"),
        "{body}"
    );
}

#[test]
fn report_output_inside_the_register_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&broken(), dir.path());
    let out = forlop()
        .args(["report", "--today", TODAY, "--lang", "en", "--output"])
        .arg(dir.path().join("cases/report.txt"))
        .arg("--register")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.path().join("cases/report.txt").exists());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("will not write the report inside the register"),
        "{err}"
    );
}

#[test]
fn a_problem_line_never_repeats_a_value_that_may_identify_the_patient() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&broken(), dir.path());
    std::fs::write(
        dir.path().join("cases/2026/bo-0001.toml"),
        "id = \"bo-0001\"\npathway = \"sarkom\"\ncoordinator = \"ssol\"\n\n[patient]\nborn = \"1937\"\n",
    )
    .unwrap();
    let out = forlop()
        .args([
            "report",
            "--quiet",
            "--lang",
            "en",
            "--today",
            TODAY,
            "--register",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("cases/2026/bo-0001.toml:6: `born` must be an integer"),
        "{text}"
    );
    assert!(!text.contains("1937"), "{text}");
}
