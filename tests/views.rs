//! The coordinator views: `agenda`, `mdt` and `handover`, on the example register.

use std::path::Path;

use crate::util::*;

fn run(reg: &Path, args: &[&str]) -> std::process::Output {
    forlop()
        .args(args)
        .args(["--today", TODAY, "--register"])
        .arg(reg)
        .output()
        .unwrap()
}

fn stdout(reg: &Path, args: &[&str]) -> String {
    let out = run(reg, args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn example() -> std::path::PathBuf {
    project("examples/onkologi")
}

#[test]
fn agenda_table() {
    insta::assert_snapshot!(stdout(&example(), &["agenda", "--days", "3"]));
}

#[test]
fn agenda_markdown() {
    insta::assert_snapshot!(stdout(
        &example(),
        &["agenda", "--days", "3", "--format", "markdown"]
    ));
}

#[test]
fn agenda_for_one_coordinator() {
    let text = stdout(
        &example(),
        &[
            "agenda",
            "--days",
            "7",
            "--coordinator",
            "thav",
            "--format",
            "json",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let cases: Vec<&str> = json["days"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["items"].as_array().unwrap())
        .chain(json["overdue"].as_array().unwrap())
        .map(|i| i["case"].as_str().unwrap())
        .collect();
    assert!(!cases.is_empty());
    for c in cases {
        assert!(
            [
                "te-0131", "br-0311", "br-0298", "br-0305", "pr-0211", "ly-0044"
            ]
            .contains(&c),
            "{c}"
        );
    }
}

#[test]
fn agenda_json_marks_weekends_holidays_and_closed_days() {
    let out = forlop()
        .args([
            "agenda",
            "--days",
            "5",
            "--format",
            "json",
            "--today",
            "2026-12-23",
            "--register",
        ])
        .arg(example())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let days = json["days"].as_array().unwrap();
    let summary: Vec<(String, bool, Option<String>, bool)> = days
        .iter()
        .map(|d| {
            (
                d["date"].as_str().unwrap().to_string(),
                d["weekend"].as_bool().unwrap(),
                d["holiday"].as_str().map(String::from),
                d["closed"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("2026-12-23".into(), false, None, false),
            ("2026-12-24".into(), false, None, true),
            (
                "2026-12-25".into(),
                false,
                Some("første juledag".into()),
                false
            ),
            (
                "2026-12-26".into(),
                true,
                Some("andre juledag".into()),
                false
            ),
            ("2026-12-27".into(), true, None, false),
        ]
    );
    assert_eq!(days[1]["heading"], "torsdag 24. desember (stengt)");
    assert_eq!(days[4]["heading"], "søndag 27. desember (helg)");
}

#[test]
fn agenda_in_english() {
    let text = stdout(&example(), &["agenda", "--days", "2", "--lang", "en"]);
    assert!(text.contains("Tuesday 24 November"), "{text}");
    assert!(text.contains("12 days overdue"), "{text}");
}

#[test]
fn mdt_list_of_the_next_meeting() {
    insta::assert_snapshot!(stdout(&example(), &["mdt"]));
}

#[test]
fn mdt_list_for_a_date_as_json() {
    let text = stdout(
        &example(),
        &["mdt", "--date", "2026-11-25", "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["date"], "2026-11-25");
    let cases = json["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0]["case"], "te-0139");
    assert_eq!(cases[0]["doctor"], "Anne Berg");
    assert_eq!(
        cases[0]["question"],
        "Operabel? Behov for neoadjuvant behandling?"
    );
    assert_eq!(cases[0]["last_code"], "A12B");
    assert_eq!(cases[0]["next_deadline"]["id"], "OF2");
    // A past meeting shows its conclusion.
    let past: serde_json::Value = serde_json::from_str(&stdout(
        &example(),
        &["mdt", "--date", "2026-11-16", "--format", "json"],
    ))
    .unwrap();
    assert_eq!(
        past["cases"][0]["conclusion"],
        "Operabel, henvises thoraxkirurgi OUS"
    );
}

#[test]
fn mdt_with_no_meeting_ahead_says_so() {
    let out = forlop()
        .args(["mdt", "--today", "2027-06-01", "--register"])
        .arg(example())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Ingen MDT-møter med saker fremover.\n"
    );
}

#[test]
fn handover_of_cases_redacted() {
    insta::assert_snapshot!(stdout(&example(), &["handover", "te-0139", "lu-0080"]));
}

#[test]
fn handover_of_a_coordinator_for_holiday_cover() {
    insta::assert_snapshot!(stdout(
        &example(),
        &["handover", "--coordinator", "thav", "--to", "Siri Solberg"]
    ));
}

#[test]
fn handover_with_identity() {
    let text = stdout(&example(), &["handover", "te-0142", "--show-identity"]);
    assert!(
        text.contains("- **Pasient:** Ola Nordmann, fødselsnummer 14835810004, født 1958"),
        "{text}"
    );
}

#[test]
fn handover_needs_cases_or_a_coordinator() {
    let out = run(&example(), &["handover"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn unknown_case_or_coordinator_exit_1_with_did_you_mean() {
    let out = run(&example(), &["handover", "te-0124", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("did you mean `te-0142`?")
    );
    let out = run(
        &example(),
        &["agenda", "--coordinator", "thaw", "--lang", "en"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("did you mean `thav`?")
    );
}

/// Every patient name part and fødselsnummer in the register's case files.
fn identities(reg: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(reg.join("cases")) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let value: toml::Table = toml::from_str(&text).unwrap();
        if let Some(p) = value.get("patient").and_then(|p| p.as_table()) {
            if let Some(name) = p.get("name").and_then(|n| n.as_str()) {
                out.push(name.to_string());
                out.extend(name.split_whitespace().map(String::from));
            }
            if let Some(fnr) = p.get("fnr").and_then(|n| n.as_str()) {
                out.push(fnr.to_string());
            }
        }
    }
    out
}

/// Whether `word` occurs in `text` as a whole word.
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Everything agenda, mdt and handover print for the register.
fn every_view(reg: &Path) -> String {
    let mut all = String::new();
    for format in ["table", "markdown", "json"] {
        all.push_str(&stdout(
            reg,
            &["agenda", "--days", "60", "--format", format],
        ));
    }
    for date in [
        "2026-11-04",
        "2026-11-10",
        "2026-11-16",
        "2026-11-24",
        "2026-11-25",
    ] {
        for format in ["table", "markdown", "json"] {
            all.push_str(&stdout(reg, &["mdt", "--date", date, "--format", format]));
        }
    }
    for coordinator in ["ssol", "thav"] {
        all.push_str(&stdout(reg, &["handover", "--coordinator", coordinator]));
    }
    let ids: Vec<String> = std::fs::read_dir(reg.join("cases/2026"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let mut args = vec!["handover"];
    args.extend(ids.iter().map(String::as_str));
    all.push_str(&stdout(reg, &args));
    all
}

#[test]
fn redaction_hides_every_name_and_number_in_every_view() {
    let reg = example();
    let all = every_view(&reg);
    let ids = identities(&reg);
    assert!(ids.len() > 40);
    for id in &ids {
        assert!(!has_word(&all, id), "`{id}` appears in redacted output");
    }
}

#[test]
fn without_redaction_the_names_are_shown() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&example(), dir.path());
    let settings = std::fs::read_to_string(dir.path().join("forlop.toml")).unwrap();
    std::fs::write(
        dir.path().join("forlop.toml"),
        settings.replace("redact = true", "redact = false"),
    )
    .unwrap();
    let all = every_view(dir.path());
    assert!(has_word(&all, "Ola Nordmann"));
    assert!(has_word(&all, "14835810004"));
    insta::assert_snapshot!(stdout(dir.path(), &["agenda", "--days", "2"]));
}
