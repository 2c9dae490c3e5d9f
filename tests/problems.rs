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
