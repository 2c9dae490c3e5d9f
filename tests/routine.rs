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

/// Whether a JSON list (of `status`, `due`, …) has a row of `case`.
fn lists(rows: &serde_json::Value, case: &str) -> bool {
    rows.as_array().unwrap().iter().any(|r| r["case"] == case)
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
    // [care] is made right after [patient], where a reader expects it.
    assert!(
        after.contains(
            "gp = \"Dr. Lie, Torget legesenter\"\n\n[care]\nindividual_plan = \"wanted\"\nmunicipal_contact_consent = true\n\n[[event]]"
        ),
        "{after}"
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

#[test]
fn a_treated_case_stays_in_follow_up_with_its_bookings_until_closed() {
    let reg = Reg::new();
    ok(&reg.run(&["record", "te-0142", "first-visit", "--date", "2026-11-21"]));
    ok(&reg.run(&[
        "record",
        "te-0142",
        "decision",
        "--date",
        "2026-11-22",
        "--treatment",
        "surgery",
    ]));
    ok(&reg.run(&["record", "te-0142", "treatment", "--date", "2026-11-23"]));
    // After the first treatment: no standard time runs, but the case is followed.
    ok(&reg.run(&[
        "book",
        "te-0142",
        "--date",
        "2026-11-24",
        "--what",
        "Kontroll",
    ]));
    ok(&reg.run(&[
        "task",
        "te-0142",
        "ring",
        "--name",
        "Ring etter operasjonen",
        "--due",
        "2026-11-24",
    ]));
    let json = reg.json(&["status", "--format", "json"]);
    let row = json
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["case"] == "te-0142")
        .expect("a case in follow-up is listed")
        .clone();
    assert_eq!(row["state"], "follow-up");
    assert_eq!(row["next_deadline"]["id"], "ring");
    let agenda = String::from_utf8(reg.run(&["agenda", "--days", "2"]).stdout).unwrap();
    assert!(
        agenda.contains("Kontroll") && agenda.contains("Ring etter operasjonen"),
        "{agenda}"
    );
    let table = String::from_utf8(reg.run(&["status"]).stdout).unwrap();
    assert!(table.contains("i oppfølging"), "{table}");
    let detail = String::from_utf8(reg.run(&["status", "te-0142"]).stdout).unwrap();
    assert!(detail.contains("tilstand: i oppfølging"), "{detail}");
    // Closed: the coordinator's follow-up ends.
    ok(&reg.run(&["close", "te-0142", "--reason", "treatment-started"]));
    let json = reg.json(&["status", "--format", "json"]);
    assert!(!lists(&json, "te-0142"), "{json}");
    let json = reg.json(&["status", "te-0142", "--format", "json"]);
    assert_eq!(json[0]["state"], "closed");
}

#[test]
fn a_transfer_asks_for_a_call_to_the_receiving_coordinator_until_done() {
    let reg = Reg::new();
    let out = reg.run(&[
        "transfer",
        "te-0142",
        "--to",
        "Oslo universitetssykehus HF",
        "--contact",
        "ext-ous-lunge",
    ]);
    ok(&out);
    assert!(
        stderr(&out).contains("Jonas Eide, 23 00 00 40"),
        "{}",
        stderr(&out)
    );
    // The task, due on the transfer date, in due (JSON and table), agenda and the report.
    let due = reg.json(&["due", "--format", "json"]);
    let task = due
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["case"] == "te-0142")
        .expect("the call is due")
        .clone();
    assert_eq!(task["kind"], "task");
    assert_eq!(task["id"], "contact-receiving");
    assert_eq!(task["due"], TODAY);
    assert_eq!(task["milestone"], serde_json::Value::Null);
    let table = String::from_utf8(reg.run(&["due"]).stdout).unwrap();
    assert!(
        table.contains(
            "Ring mottakende koordinator: Jonas Eide, 23 00 00 40 – Oslo universitetssykehus HF"
        ),
        "{table}"
    );
    let agenda = String::from_utf8(reg.run(&["--lang", "en", "agenda"]).stdout).unwrap();
    assert!(
        agenda.contains("Call the receiving coordinator: Jonas Eide, 23 00 00 40"),
        "{agenda}"
    );
    let report = String::from_utf8(reg.run(&["report"]).stdout).unwrap();
    assert!(
        report.contains("Ring mottakende koordinator: Jonas Eide"),
        "{report}"
    );
    // The standard times now run at the receiving hospital; status says so with the due date.
    let detail = String::from_utf8(reg.run(&["status", "te-0142"]).stdout).unwrap();
    assert!(detail.contains("tilstand: overført"), "{detail}");
    let of4 = detail.lines().find(|l| l.contains(" OF4 ")).unwrap();
    assert!(of4.contains("på mottakende sykehus"), "{of4}");
    assert!(
        of4.contains("2026-12-25") || of4.contains("2026-12-"),
        "{of4}"
    );
    let handover = String::from_utf8(reg.run(&["handover", "te-0142"]).stdout).unwrap();
    assert!(handover.contains("på mottakende sykehus"), "{handover}");
    // Done: nothing is due, and the case leaves the section's lists.
    ok(&reg.run(&["task", "te-0142", "contact-receiving", "--done"]));
    let due = reg.json(&["due", "--days", "400", "--format", "json"]);
    assert!(!lists(&due, "te-0142"), "{due}");
    let json = reg.json(&["status", "--format", "json"]);
    assert!(!lists(&json, "te-0142"), "{json}");
    let json = reg.json(&["status", "te-0142", "--format", "json"]);
    assert_eq!(json[0]["state"], "transferred");
}

#[test]
fn stale_cases_are_warned_listed_and_reported() {
    let reg = Reg::new();
    // Three months on, nothing has happened in the example's open cases.
    let later = "2027-03-01";
    let run = |args: &[&str]| {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("forlop"));
        cmd.args(args)
            .args(["--today", later, "--register"])
            .arg(reg.path())
            .env("NO_COLOR", "1")
            .env_remove("FORLOP_REGISTER");
        cmd.output().unwrap()
    };
    let out = run(&["status", "--stale", "--format", "json"]);
    ok(&out);
    let stale: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = stale.as_array().unwrap();
    assert!(!list.is_empty());
    // Oldest activity first; each row has the SPEC's keys.
    let first = &list[0];
    for key in ["case", "pathway", "coordinator", "last_activity"] {
        assert!(first.get(key).is_some(), "{first}");
    }
    let dates: Vec<&str> = list
        .iter()
        .map(|r| r["last_activity"].as_str().unwrap())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    let out = run(&["report", "--format", "json"]);
    ok(&out);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["stale"], stale);
    let text = String::from_utf8(run(&["report"]).stdout).unwrap();
    assert!(
        text.contains(&format!("SAKER UTEN AKTIVITET ({})", list.len())),
        "{text}"
    );
    let out = run(&["--lang", "en", "check"]);
    assert!(
        stderr(&out).contains("no activity since"),
        "{}",
        stderr(&out)
    );
    // A booking ahead takes a case off the list.
    let case = first["case"].as_str().unwrap().to_string();
    ok(&run(&[
        "book",
        &case,
        "--date",
        "2027-03-10",
        "--what",
        "Kontroll",
    ]));
    let out = run(&["status", "--stale", "--format", "json"]);
    let after: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!lists(&after, &case), "{after}");
    // The report (which keeps only the bookings it needs) agrees.
    let report: serde_json::Value =
        serde_json::from_slice(&run(&["report", "--format", "json"]).stdout).unwrap();
    assert_eq!(report["stale"], after);
    // At the example's own date nothing is stale.
    let none = String::from_utf8(reg.run(&["status", "--stale"]).stdout).unwrap();
    assert_eq!(none, "Ingen saker uten aktivitet.\n");
}

#[test]
fn the_care_lists_follow_set() {
    let reg = Reg::new();
    let gaps = |reg: &Reg| -> Vec<(String, String)> {
        reg.json(&["status", "--care", "--format", "json"])
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["case"] == "te-0142")
            .map(|r| {
                (
                    r["case"].as_str().unwrap().into(),
                    r["gap"].as_str().unwrap().into(),
                )
            })
            .collect()
    };
    assert_eq!(
        gaps(&reg),
        [
            ("te-0142".into(), "individual-plan-not-assessed".into()),
            ("te-0142".into(), "consent-unanswered".into())
        ]
    );
    ok(&reg.run(&["set", "te-0142", "individual-plan", "not-needed"]));
    ok(&reg.run(&["set", "te-0142", "consent", "no"]));
    assert!(gaps(&reg).is_empty());
    let table = String::from_utf8(reg.run(&["status", "--care"]).stdout).unwrap();
    assert!(
        table.starts_with("Individuell plan ikke vurdert ("),
        "{table}"
    );
    assert!(table.contains("Samtykke til kommunal kreftkoordinator ikke avklart ("));
}

#[test]
fn status_shows_the_planned_date_against_the_deadline() {
    let reg = Reg::new();
    ok(&reg.run(&[
        "book",
        "te-0142",
        "--date",
        "2026-12-10",
        "--what",
        "Operasjon",
        "--milestone",
        "treatment",
    ]));
    let detail = String::from_utf8(reg.run(&["status", "te-0142"]).stdout).unwrap();
    assert!(detail.contains("\nPlanlagt\n"), "{detail}");
    let line = detail
        .lines()
        .find(|l| l.contains("2026-12-10") && l.contains("OF4"))
        .expect("the plan against OF4");
    assert!(line.contains("innen fristen"), "{line}");
}

#[test]
fn neuroendocrine_times_come_with_the_g3_caveat() {
    let out = Command::new(assert_cmd::cargo::cargo_bin("forlop"))
        .args(["pathways", "show", "nevroendokrine-svulster"])
        .output()
        .unwrap();
    ok(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("forløpstider: bekreftet"), "{text}");
    assert!(
        text.contains("Merk: Forløpstidene gjelder godt og middels differensierte svulster (G1–2)")
    );
    assert!(text.contains("G3"));
    let out = Command::new(assert_cmd::cargo::cargo_bin("forlop"))
        .args([
            "pathways",
            "show",
            "nevroendokrine-svulster",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let days: Vec<String> = json["intervals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| format!("{}={}", i["id"].as_str().unwrap(), i["days"]))
        .collect();
    assert_eq!(days[0], "OF1=14");
    assert_eq!(days[1], "OF2=21");
    assert!(
        days[2].starts_with("OF3=") && days[2].contains("21"),
        "{days:?}"
    );
    assert!(
        days[3].starts_with("OF4=") && days[3].contains("56"),
        "{days:?}"
    );
    assert!(json["note"].as_str().unwrap().contains("G1–2"));
}

#[test]
fn the_new_verbs_commit_with_domain_subjects_and_no_free_text() {
    let reg = Reg::new();
    let home = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .arg("-C")
            .arg(reg.path())
            .args(args)
            .env("HOME", home.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Siri Solberg")
            .env("GIT_AUTHOR_EMAIL", "s@example.invalid")
            .env("GIT_COMMITTER_NAME", "Siri Solberg")
            .env("GIT_COMMITTER_EMAIL", "s@example.invalid")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    git(&["-c", "init.defaultBranch=main", "init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "start"]);
    let run = |args: &[&str]| {
        let out = Command::new(assert_cmd::cargo::cargo_bin("forlop"))
            .args(args)
            .args(["--commit", "--today", TODAY, "--register"])
            .arg(reg.path())
            .env("HOME", home.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Siri Solberg")
            .env("GIT_AUTHOR_EMAIL", "s@example.invalid")
            .env("GIT_COMMITTER_NAME", "Siri Solberg")
            .env("GIT_COMMITTER_EMAIL", "s@example.invalid")
            .env_remove("FORLOP_REGISTER")
            .output()
            .unwrap();
        ok(&out);
    };
    run(&["set", "te-0142", "doctor", "dr-moe"]);
    run(&["set", "te-0142", "gp", "Dr. Lie, Torget legesenter"]);
    run(&[
        "record",
        "te-0142",
        "referral",
        "--date",
        "2026-11-19",
        "--amend",
    ]);
    run(&[
        "book",
        "te-0142",
        "--mdt",
        "--date",
        "2026-11-25",
        "--conclusion",
        "Ola Nordmann er operabel",
    ]);
    run(&["reopen", "ly-0040"]);
    let log = git(&["log", "--format=%s", "-5"]);
    assert_eq!(
        log,
        "ly-0040: reopened\n\
         te-0142: mdt 2026-11-25 conclusion\n\
         te-0142: referral amended 2026-11-19\n\
         te-0142: gp\n\
         te-0142: doctor dr-moe\n"
    );
    // Nothing of the cases left uncommitted (the copy has no .gitignore for the lock file).
    assert!(!git(&["status", "--porcelain"]).contains("cases/"));
}

#[test]
fn a_booking_is_cancelled_by_its_date() {
    let reg = Reg::new();
    // te-0142 has a colonoscopy on 2026-11-26.
    ok(&reg.run(&[
        "book",
        "te-0142",
        "--mdt",
        "--date",
        "2026-11-27",
        "--question",
        "Operabel?",
    ]));
    let before = reg.read(TE);
    let out = reg.run(&[
        "--lang",
        "en",
        "book",
        "te-0142",
        "--date",
        "2026-11-26",
        "--cancel",
    ]);
    ok(&out);
    assert!(
        stderr(&out).contains("appointment of 2026-11-26 cancelled"),
        "{}",
        stderr(&out)
    );
    let after = reg.read(TE);
    assert!(
        !after.contains("Koloskopi") && !after.contains("[[appointment]]"),
        "{after}"
    );
    assert!(after.contains("[[mdt]]\ndate = 2026-11-27"));
    // Everything else is kept line for line.
    for line in before.lines().filter(|l| {
        ![
            "date = 2026-11-26",
            "time = \"08:15\"",
            "what = \"Koloskopi\"",
            "where = \"Endoskopienheten\"",
            "[[appointment]]",
        ]
        .contains(l)
    }) {
        assert!(after.contains(line), "lost: {line}");
    }
    ok(&reg.run(&[
        "book",
        "te-0142",
        "--mdt",
        "--date",
        "2026-11-27",
        "--cancel",
    ]));
    assert!(!reg.read(TE).contains("[[mdt]]"));
    // Nothing booked that day: refused, the file unchanged.
    let unchanged = std::fs::read(reg.file(TE)).unwrap();
    let out = reg.run(&[
        "--lang",
        "en",
        "book",
        "te-0142",
        "--date",
        "2026-11-30",
        "--cancel",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("te-0142 has nothing booked on 2026-11-30"));
    assert_eq!(std::fs::read(reg.file(TE)).unwrap(), unchanged);
    // --cancel takes no --what.
    let out = reg.run(&[
        "book",
        "te-0142",
        "--date",
        "2026-11-30",
        "--cancel",
        "--what",
        "x",
    ]);
    assert_eq!(out.status.code(), Some(2));
}
