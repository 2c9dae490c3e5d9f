//! `forlop status` on the example register.

use crate::util::*;

fn status(args: &[&str]) -> std::process::Output {
    forlop()
        .args(["status", "--today", TODAY, "--register"])
        .arg(project("examples/onkologi"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn status_lists_open_cases_redacted() {
    let out = status(&[]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    insta::assert_snapshot!(text);
    for name in ["Ola Nordmann", "Kari Hansen", "14835810004"] {
        assert!(!text.contains(name), "{name} leaked");
    }
}

#[test]
fn status_json_has_npr_codes_and_next_milestones() {
    let out = status(&["--format", "json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| r["case"].as_str().unwrap()).collect();
    // Closed (lu-0071, pr-0205, ly-0040, hj-0008) and transferred (lu-0080, sa-0019) cases are
    // not open. Most urgent first: by the due date of each case's next deadline.
    assert_eq!(
        ids,
        [
            "lu-0077", "te-0131", "br-0305", "te-0139", "br-0298", "pr-0211", "br-0311", "te-0142",
            "ly-0044", "dp-0012"
        ]
    );
    let te0131 = rows.iter().find(|r| r["case"] == "te-0131").unwrap();
    assert_eq!(te0131["last_milestone"], "decision");
    assert_eq!(te0131["last_code"], "A12CK");
    assert_eq!(te0131["next_milestone"], "treatment");
    assert_eq!(te0131["patient"], "N.B.");
    let br0305 = rows.iter().find(|r| r["case"] == "br-0305").unwrap();
    // No NPR prefix is confirmed for brystkreft: the letter alone.
    assert_eq!(br0305["last_code"], "A");
    assert_eq!(br0305["next_milestone"], "first-visit");
}

#[test]
fn status_of_named_cases_includes_closed_ones() {
    let out = status(&["--format", "json", "pr-0205"]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["last_code"], "A16CI");
    assert_eq!(rows[0]["next_milestone"], serde_json::Value::Null);
}

#[test]
fn show_identity_lifts_redaction() {
    let out = status(&["--show-identity", "--format", "json", "te-0142"]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows[0]["patient"], "Ola Nordmann");
}

#[test]
fn filters_by_coordinator_and_pathway() {
    let out = status(&[
        "--format",
        "json",
        "--coordinator",
        "ssol",
        "--pathway",
        "tykk-og-endetarmskreft",
    ]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| r["case"].as_str().unwrap()).collect();
    assert_eq!(ids, ["te-0139", "te-0142"]);
}

#[test]
fn unknown_case_and_coordinator_get_did_you_mean() {
    let out = status(&["te-0124", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("did you mean `te-0142`?")
    );
    let out = status(&["--coordinator", "sol", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("did you mean `ssol`?")
    );
}

#[test]
fn status_csv() {
    // CSV carries stable keys and raw values whatever the language, like the JSON.
    for lang in ["en", "nb"] {
        let out = status(&["--format", "csv", "--lang", lang]);
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.starts_with(
                "case,patient,pathway,coordinator,last_milestone,last_date,last_code,next_milestone,next_deadline,due,days_left,status,times\r\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("te-0131,N.B.,tykk-og-endetarmskreft,thav,decision,2026-11-06,A12CK,treatment,OF4,2026-11-16,-7,overdue,\r\n"),
            "{text}"
        );
    }
}
