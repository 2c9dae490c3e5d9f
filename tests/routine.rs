//! The coordinator's routine from the command line: `set`, `reopen`, `record --amend`, the MDT
//! conclusion, planned milestones, refusals on closed cases, the transfer call, follow-up.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::util::*;

/// A temporary copy of the example register (no git).
struct Reg {
    dir: tempfile::TempDir,
}

impl Reg {
    fn new() -> Reg {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&project("examples/onkologi"), dir.path());
        Reg { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn run(&self, args: &[&str]) -> Output {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("forlop"));
        cmd.args(args)
            .args(["--today", TODAY, "--register"])
            .arg(self.path())
            .env("NO_COLOR", "1")
            .env_remove("FORLOP_REGISTER")
            .env_remove("FORLOP_TODAY");
        cmd.output().unwrap()
    }

    fn file(&self, rel: &str) -> PathBuf {
        self.path().join(rel)
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.file(rel)).unwrap()
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.run(args);
        ok(&out);
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

fn ok(out: &Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const TE: &str = "cases/2026/te-0142.toml";
const LY: &str = "cases/2026/ly-0040.toml";

#[test]
fn set_changes_each_field_in_place_and_keeps_comments() {
    let reg = Reg::new();
    let before = reg.read(TE);
    for args in [
        ["set", "te-0142", "doctor", "dr-moe"],
        ["set", "te-0142", "coordinator", "thav"],
        ["set", "te-0142", "treatment", "surgery"],
        ["set", "te-0142", "gp", "Dr. Lie, Torget legesenter"],
        ["set", "te-0142", "individual-plan", "wanted"],
        ["set", "te-0142", "consent", "yes"],
    ] {
        ok(&reg.run(&args));
    }
    let after = reg.read(TE);
    assert!(after.starts_with("# Fersk henvisning fra fastlege, kom inn fredag.\n"));
    assert!(after.contains("doctor = \"dr-moe\"\n"), "{after}");
    assert!(after.contains("coordinator = \"thav\"\n"));
    assert!(after.contains("treatment = \"surgery\"\n"));
    assert!(after.contains("gp = \"Dr. Lie, Torget legesenter\"\n"));
    assert!(!after.contains("Sørli"));
    assert!(
        after.contains("[care]\nindividual_plan = \"wanted\"\nmunicipal_contact_consent = true\n")
    );
    // Everything else is as it was, line for line.
    for line in before.lines().filter(|l| {
        !l.starts_with("doctor") && !l.starts_with("coordinator") && !l.starts_with("gp")
    }) {
        assert!(after.contains(line), "lost: {line}");
    }
    // `consent no` changes the value where it is.
    ok(&reg.run(&["set", "te-0142", "consent", "no"]));
    assert!(reg.read(TE).contains("municipal_contact_consent = false\n"));
    // The status of the case shows them.
    let json = reg.json(&["status", "te-0142", "--format", "json"]);
    assert_eq!(json[0]["coordinator"], "thav");
}

#[test]
fn set_keeps_a_comment_on_the_value_it_replaces() {
    let reg = Reg::new();
    let text = reg.read(TE).replace(
        "doctor = \"dr-berg\"\n",
        "doctor = \"dr-berg\"   # ansvarlig kirurg\n",
    );
    std::fs::write(reg.file(TE), &text).unwrap();
    ok(&reg.run(&["set", "te-0142", "doctor", "dr-moe"]));
    assert!(
        reg.read(TE)
            .contains("doctor = \"dr-moe\"   # ansvarlig kirurg\n")
    );
}

#[test]
fn set_refuses_unknown_fields_values_and_people_with_did_you_mean() {
    let reg = Reg::new();
    let before = std::fs::read(reg.file(TE)).unwrap();
    // An unknown field: a usage error (exit 2) naming the nearest field.
    let out = reg.run(&["set", "te-0142", "docter", "dr-moe"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("doctor"), "{}", stderr(&out));
    // An unknown value of a vocabulary: exit 2, did-you-mean.
    let out = reg.run(&["--lang", "en", "set", "te-0142", "individual-plan", "wantd"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("`wantd` is not a value of `individual-plan`"),
        "{err}"
    );
    assert!(err.contains("did you mean `wanted`?"), "{err}");
    let out = reg.run(&["set", "te-0142", "consent", "kanskje"]);
    assert_eq!(out.status.code(), Some(2));
    let out = reg.run(&["set", "te-0142", "treatment", "chemo"]);
    assert_eq!(out.status.code(), Some(2));
    // A person not in team.toml: refused by the check, with the nearest id.
    let out = reg.run(&["--lang", "en", "set", "te-0142", "doctor", "dr-bergg"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("did you mean `dr-berg`?"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(reg.file(TE)).unwrap(), before);
}

#[test]
fn record_amend_corrects_the_recorded_event() {
    let reg = Reg::new();
    ok(&reg.run(&["record", "te-0142", "first-visit", "--date", "2026-11-23"]));
    // Recording again is an error ("recorded twice"): --amend corrects instead.
    let before = std::fs::read(reg.file(TE)).unwrap();
    let out = reg.run(&["record", "te-0142", "first-visit", "--date", "2026-11-22"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(reg.file(TE)).unwrap(), before);
    let out = reg.run(&[
        "record",
        "te-0142",
        "first-visit",
        "--date",
        "2026-11-22",
        "--amend",
    ]);
    ok(&out);
    let text = reg.read(TE);
    assert_eq!(text.matches("milestone = \"first-visit\"").count(), 1);
    assert!(
        text.contains("milestone = \"first-visit\"\ndate = 2026-11-22\n"),
        "{text}"
    );
    // Outcome of a decision.
    ok(&reg.run(&["record", "te-0142", "decision", "--date", "2026-11-23"]));
    ok(&reg.run(&[
        "record",
        "te-0142",
        "decision",
        "--outcome",
        "no-disease",
        "--amend",
    ]));
    let text = reg.read(TE);
    assert!(
        text.contains("milestone = \"decision\"\ndate = 2026-11-23\noutcome = \"no-disease\"\n"),
        "{text}"
    );
    let json = reg.json(&["status", "te-0142", "--format", "json"]);
    assert_eq!(json[0]["last_code"], "A12CI");
}

#[test]
fn record_amend_refuses_what_is_not_recorded_or_would_break_the_order() {
    let reg = Reg::new();
    let before = std::fs::read(reg.file(TE)).unwrap();
    let out = reg.run(&[
        "--lang",
        "en",
        "record",
        "te-0142",
        "decision",
        "--date",
        "2026-11-22",
        "--amend",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("te-0142 has no `decision` recorded"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("record the event without `--amend`"));
    // A referral moved after the first visit would break the order.
    ok(&reg.run(&["record", "te-0142", "first-visit", "--date", "2026-11-23"]));
    let before_amend = std::fs::read(reg.file(TE)).unwrap();
    let out = reg.run(&[
        "record",
        "te-0142",
        "referral",
        "--date",
        "2026-11-24",
        "--amend",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(reg.file(TE)).unwrap(), before_amend);
    assert_ne!(before, before_amend);
}

#[test]
fn the_mdt_conclusion_fills_in_the_meeting_of_that_date() {
    let reg = Reg::new();
    ok(&reg.run(&[
        "book",
        "te-0142",
        "--mdt",
        "--date",
        "2026-11-25",
        "--question",
        "Operabel?",
    ]));
    ok(&reg.run(&[
        "book",
        "te-0142",
        "--mdt",
        "--date",
        "2026-11-25",
        "--conclusion",
        "Operabel, henvises kirurgi",
    ]));
    let text = reg.read(TE);
    assert_eq!(text.matches("[[mdt]]").count(), 1);
    assert!(
        text.contains(
            "[[mdt]]\ndate = 2026-11-25\nquestion = \"Operabel?\"\nconclusion = \"Operabel, henvises kirurgi\"\n"
        ),
        "{text}"
    );
    // A conclusion for a meeting not booked adds the meeting.
    ok(&reg.run(&[
        "book",
        "te-0142",
        "--mdt",
        "--date",
        "2026-11-18",
        "--conclusion",
        "Utredes videre",
    ]));
    assert_eq!(reg.read(TE).matches("[[mdt]]").count(), 2);
}

#[test]
fn a_planned_milestone_is_booked_and_warned_about_when_late() {
    let reg = Reg::new();
    // te-0142: referral 2026-11-20; OF4 of tykk-og-endetarmskreft ends at treatment.
    let out = reg.run(&[
        "--lang",
        "en",
        "book",
        "te-0142",
        "--date",
        "2027-02-01",
        "--what",
        "Operasjon",
        "--milestone",
        "treatment",
    ]);
    ok(&out);
    let err = stderr(&out);
    assert!(
        err.contains("the planned `treatment` on 2027-02-01 is after the OF4 deadline"),
        "{err}"
    );
    assert!(
        reg.read(TE)
            .contains("what = \"Operasjon\"\nmilestone = \"treatment\"\n")
    );
    // check says it too (a warning: exit 0).
    let out = reg.run(&["--lang", "en", "check"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("is after the OF4 deadline"));
    // An unknown milestone is refused with the nearest one.
    let before = std::fs::read(reg.file(TE)).unwrap();
    let out = reg.run(&[
        "--lang",
        "en",
        "book",
        "te-0142",
        "--date",
        "2026-12-01",
        "--what",
        "x",
        "--milestone",
        "treatmnt",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("did you mean `treatment`?"));
    assert_eq!(std::fs::read(reg.file(TE)).unwrap(), before);
}

#[test]
fn a_closed_case_refuses_bookings_and_tasks_until_reopened() {
    let reg = Reg::new();
    let before = std::fs::read(reg.file(LY)).unwrap();
    for args in [
        &["book", "ly-0040", "--date", "2026-11-30", "--what", "CT"][..],
        &["book", "ly-0040", "--mdt", "--date", "2026-11-30"],
        &[
            "task",
            "ly-0040",
            "ring",
            "--name",
            "Ring",
            "--due",
            "2026-11-30",
        ],
    ] {
        let mut a = vec!["--lang", "en"];
        a.extend_from_slice(args);
        let out = reg.run(&a);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains("ly-0040 is closed (2026-10-22)"), "{err}");
        assert!(err.contains("forlop reopen ly-0040"), "{err}");
        assert_eq!(std::fs::read(reg.file(LY)).unwrap(), before, "{args:?}");
    }
    // Notes are still welcome on a closed case.
    ok(&reg.run(&["note", "ly-0040", "Pasienten ringte"]));
    // Reopen removes [closed]; the case is open again and takes bookings.
    ok(&reg.run(&["reopen", "ly-0040"]));
    let text = reg.read(LY);
    assert!(!text.contains("[closed]") && !text.contains("reason = \"declined\""));
    assert!(text.starts_with("# Pasienten ønsket ikke videre utredning"));
    ok(&reg.run(&["book", "ly-0040", "--date", "2026-11-30", "--what", "CT"]));
    let list = reg.json(&["status", "--format", "json"]);
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|c| c["case"] == "ly-0040")
    );
    // Reopening an open case is refused, the file unchanged.
    let before = std::fs::read(reg.file(LY)).unwrap();
    let out = reg.run(&["--lang", "en", "reopen", "ly-0040"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("ly-0040 is not closed"));
    assert_eq!(std::fs::read(reg.file(LY)).unwrap(), before);
}

#[test]
fn an_ad_hoc_task_created_overdue_is_written_with_a_warning() {
    let reg = Reg::new();
    let out = reg.run(&[
        "--lang",
        "en",
        "task",
        "te-0142",
        "ring-datter",
        "--name",
        "Ring datteren",
        "--due",
        "2026-11-20",
    ]);
    ok(&out);
    assert!(
        stderr(&out).contains("the task `ring-datter` is due 2026-11-20, which has already passed"),
        "{}",
        stderr(&out)
    );
    // Due today is not overdue: no warning.
    let out = reg.run(&[
        "--lang",
        "en",
        "task",
        "te-0142",
        "ring-lege",
        "--name",
        "Ring",
        "--due",
        TODAY,
    ]);
    ok(&out);
    assert!(!stderr(&out).contains("already passed"));
}
