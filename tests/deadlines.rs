//! `due` and `overdue` against hand-computed expectations (tests/fixtures/deadlines).

use crate::util::*;

fn json_of(args: &[&str]) -> serde_json::Value {
    let out = forlop()
        .args(args)
        .args(["--format", "json", "--today", TODAY, "--register"])
        .arg(project("tests/fixtures/deadlines"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn expected(name: &str) -> serde_json::Value {
    let text =
        std::fs::read_to_string(project(&format!("tests/fixtures/deadlines/{name}"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn due_gives_exactly_the_hand_computed_json() {
    assert_eq!(json_of(&["due"]), expected("expected-due.json"));
}

#[test]
fn due_days_n_widens_the_window() {
    assert_eq!(
        json_of(&["due", "--days", "7"]),
        expected("expected-due-days-7.json")
    );
}

#[test]
fn overdue_gives_only_overdue() {
    assert_eq!(json_of(&["overdue"]), expected("expected-overdue.json"));
}

#[test]
fn coordinator_filter() {
    assert_eq!(
        json_of(&["due", "--coordinator", "thav"]),
        expected("expected-due-thav.json")
    );
}

#[test]
fn pathway_filter() {
    let all = expected("expected-due.json");
    let local: Vec<&serde_json::Value> = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["pathway"] == "fristforlop")
        .collect();
    assert_eq!(local.len(), 6);
    assert_eq!(
        json_of(&["due", "--pathway", "fristforlop"]),
        serde_json::json!(local)
    );
}

#[test]
fn the_json_keys_come_in_the_spec_order() {
    let out = forlop()
        .args([
            "overdue",
            "--format",
            "json",
            "--today",
            TODAY,
            "--register",
        ])
        .arg(project("tests/fixtures/deadlines"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let keys = [
        "\"case\"",
        "\"pathway\"",
        "\"kind\"",
        "\"id\"",
        "\"milestone\"",
        "\"due\"",
        "\"days_left\"",
        "\"status\"",
        "\"coordinator\"",
    ];
    let first_object = &text[..text.find('}').unwrap()];
    let positions: Vec<usize> = keys.iter().map(|k| first_object.find(k).unwrap()).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{first_object}");
}

#[test]
fn the_due_table_reads_as_a_person_speaks() {
    let out = forlop()
        .args(["due", "--today", TODAY, "--register"])
        .arg(project("tests/fixtures/deadlines"))
        .output()
        .unwrap();
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}

#[test]
fn overdue_rows_are_red_only_when_colour_is_asked_for() {
    let run = |color: &str| {
        let out = forlop()
            .args(["overdue", "--color", color, "--today", TODAY, "--register"])
            .arg(project("tests/fixtures/deadlines"))
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(run("always").contains("\x1b[31m"));
    assert!(!run("never").contains('\x1b'));
    // NO_COLOR is set by the test helper and stdout is a pipe: no colour by default.
    assert!(!run("auto").contains('\x1b'));
}

#[test]
fn a_past_today_replays_the_register() {
    // On 11-10 only d14's task mdt (due 11-09) was overdue, by one day: d03 had just been
    // referred (OF1 due 11-19) and d04 had its first visit the day before (OF2 due 11-21).
    let out = forlop()
        .args([
            "overdue",
            "--format",
            "json",
            "--today",
            "2026-11-10",
            "--register",
        ])
        .arg(project("tests/fixtures/deadlines"))
        .output()
        .unwrap();
    let list: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<(String, String, i64)> = list
        .iter()
        .map(|d| {
            (
                d["case"].as_str().unwrap().into(),
                d["id"].as_str().unwrap().into(),
                d["days_left"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(ids, [("d14".to_string(), "mdt".to_string(), -1)]);
}

#[test]
fn status_shows_the_next_deadline_most_urgent_first() {
    let out = forlop()
        .args(["status", "--format", "json", "--today", TODAY, "--register"])
        .arg(project("tests/fixtures/deadlines"))
        .output()
        .unwrap();
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let order: Vec<&str> = rows.iter().map(|r| r["case"].as_str().unwrap()).collect();
    assert_eq!(
        order,
        [
            "d14", "d03", "d04", "d10", "d11", "d02", "d05", "d13", "d01", "d06", "d09", "d12"
        ]
    );
    let d14 = &rows[0]["next_deadline"];
    assert_eq!(d14["id"], "mdt");
    assert_eq!(d14["days_left"], -14);
    assert!(rows.iter().find(|r| r["case"] == "d06").unwrap()["next_deadline"].is_null());
}

#[test]
fn status_of_one_case_shows_its_timeline_and_standard_times() {
    let out = forlop()
        .args(["status", "d04", "--today", TODAY, "--register"])
        .arg(project("tests/fixtures/deadlines"))
        .output()
        .unwrap();
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}
