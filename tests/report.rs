//! `report`, `stats` and `export ics`.

use std::path::{Path, PathBuf};

use crate::util::*;

/// The example register plus a case without a coordinator and a recorded deviation, so every
/// section of the report has content.
fn report_register() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&project("examples/onkologi"), dir.path());
    std::fs::write(
        dir.path().join("cases/2026/hj-0011.toml"),
        "# Ny henvisning i helgen, ingen koordinator satt ennå.\nid = \"hj-0011\"\npathway = \"hjernekreft\"\n\n[patient]\nname = \"Trine Solheim\"\nfnr = \"03830950035\"\n\n[[event]]\nmilestone = \"referral\"\ndate = 2026-11-21\n",
    )
    .unwrap();
    let te = dir.path().join("cases/2026/te-0131.toml");
    let mut text = std::fs::read_to_string(&te).unwrap();
    text.push_str("\n[[deviation]]\ninterval = \"OF4\"\nreason = \"Operasjonskapasitet\"\nreported = 2026-11-17\n");
    std::fs::write(&te, text).unwrap();
    dir
}

fn run(reg: &Path, args: &[&str]) -> std::process::Output {
    forlop()
        .args(args)
        .args(["--today", TODAY, "--register"])
        .arg(reg)
        .output()
        .unwrap()
}

#[test]
fn the_text_report_has_every_section() {
    let reg = report_register();
    let out = run(reg.path(), &["report"]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}

#[test]
fn the_json_report_carries_each_section() {
    let reg = report_register();
    let out = run(reg.path(), &["report", "--format", "json"]);
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["name"], "Onkologisk seksjon, Eksempelsykehuset");
    assert_eq!(r["date"], TODAY);
    let groups = r["overdue"].as_array().unwrap();
    let coords: Vec<&serde_json::Value> = groups.iter().map(|g| &g["coordinator"]).collect();
    assert_eq!(coords, ["ssol", "thav"]);
    let thav = groups[1]["deadlines"].as_array().unwrap();
    let te_of4 = thav
        .iter()
        .find(|d| d["case"] == "te-0131" && d["id"] == "OF4")
        .unwrap();
    assert_eq!(te_of4["deviation_recorded"], true);
    let te_of3 = thav
        .iter()
        .find(|d| d["case"] == "te-0131" && d["id"] == "OF3")
        .unwrap();
    assert_eq!(te_of3["deviation_recorded"], false);
    let task = groups[0]["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "task")
        .unwrap();
    assert!(
        task["deviation_recorded"].is_null(),
        "tasks have no deviations"
    );
    // Monday: "yesterday" runs from Friday.
    assert_eq!(r["recorded"]["from"], "2026-11-20");
    assert_eq!(r["recorded"]["to"], "2026-11-22");
    let referrals: Vec<&str> = r["new_referrals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["case"].as_str().unwrap())
        .collect();
    assert_eq!(referrals, ["te-0142", "hj-0011"]);
    assert_eq!(r["new_referrals"][0]["code"], "A12A");
    assert_eq!(r["without_coordinator"][0]["case"], "hj-0011");
    assert_eq!(r["due_soon"].as_array().unwrap().len(), 2);
    // The tertial so far (the previous tertial is beside it).
    assert_eq!(r["compliance"]["from"], "2026-09-01");
    assert_eq!(r["compliance"]["rows"][0]["interval"], "OF1");
}

#[test]
fn today_lists_appointments_and_mdt_meetings() {
    let reg = report_register();
    let out = forlop()
        .args([
            "report",
            "--format",
            "json",
            "--today",
            "2026-11-24",
            "--register",
        ])
        .arg(reg.path())
        .output()
        .unwrap();
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let today: Vec<(&str, &str)> = r["today"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["kind"].as_str().unwrap(), i["case"].as_str().unwrap()))
        .collect();
    assert_eq!(today, [("mdt", "br-0311"), ("appointment", "te-0131")]);
    // Tuesday: yesterday is Monday alone.
    assert_eq!(r["recorded"]["from"], "2026-11-23");
    assert_eq!(r["recorded"]["events"][0]["code"], "C01S");
}

#[test]
fn no_report_format_shows_a_patient_name_or_number() {
    let reg = report_register();
    for format in ["text", "markdown", "html", "json"] {
        let text =
            String::from_utf8(run(reg.path(), &["report", "--format", format]).stdout).unwrap();
        for secret in [
            "Trine",
            "Solheim",
            "Nordmann",
            "Hansen",
            "03830950035",
            "14835810004",
        ] {
            assert!(!text.contains(secret), "{secret} in the {format} report");
        }
    }
    let shown = String::from_utf8(run(reg.path(), &["report", "--show-identity"]).stdout).unwrap();
    assert!(shown.contains("Trine Solheim"));
}

#[test]
fn fail_on_overdue_exits_3_only_when_something_is_overdue() {
    let reg = report_register();
    assert_eq!(
        run(reg.path(), &["report", "--fail-on-overdue"])
            .status
            .code(),
        Some(3)
    );
    assert_eq!(run(reg.path(), &["report"]).status.code(), Some(0));
    // On 1 October nothing was overdue yet.
    let out = forlop()
        .args([
            "report",
            "--fail-on-overdue",
            "--format",
            "json",
            "--today",
            "2026-10-01",
            "--register",
        ])
        .arg(reg.path())
        .output()
        .unwrap();
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(r["overdue"].as_array().unwrap().is_empty());
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn html_is_one_self_contained_file_written_atomically() {
    let reg = report_register();
    let out_dir = tempfile::tempdir().unwrap();
    let file: PathBuf = out_dir.path().join("rapport.html");
    std::fs::write(&file, "old report").unwrap();
    let out = forlop()
        .args(["report", "--format", "html", "--today", TODAY, "--output"])
        .arg(&file)
        .arg("--register")
        .arg(reg.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("rapport.html")
    );
    let html = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        std::fs::read_dir(out_dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    for banned in ["<script", "<link", "src=", "url(", "https://", "@import"] {
        assert!(!html.contains(banned), "{banned}");
    }
    assert!(
        html.contains("<svg") && html.contains("stroke-dasharray"),
        "the chart with its target line"
    );
    assert!(html.contains("avvik ikke registrert") && html.contains("class=\"flag\""));
}

#[test]
fn stats_match_hand_computed_figures() {
    let reg = project("tests/fixtures/stats");
    let json = |args: &[&str]| -> serde_json::Value {
        let out = run(&reg, &[&["stats", "--format", "json"], args].concat());
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let expected = |name: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(reg.join(name)).unwrap()).unwrap()
    };
    assert_eq!(
        json(&["--by", "interval"]),
        expected("expected-by-interval.json")
    );
    assert_eq!(
        json(&["--by", "tertial"]),
        expected("expected-by-tertial.json")
    );
    // --from and --to are inclusive: 2026-01-15 and 2026-03-02 are in, 2026-01-14 is out.
    assert_eq!(
        json(&[
            "--by",
            "interval",
            "--from",
            "2026-01-15",
            "--to",
            "2026-03-02"
        ]),
        expected("expected-period.json")
    );
    let by_coordinator = json(&["--by", "coordinator"]);
    let thav: Vec<&serde_json::Value> = by_coordinator
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["group"] == "thav")
        .collect();
    assert_eq!(
        thav.len(),
        1,
        "no rows for intervals thav has no measures of"
    );
    assert_eq!(thav[0]["interval"], "OF1");
    assert_eq!(thav[0]["share"], 1.0);
}

/// `--by coordinator|month|tertial` pool pathways under one interval id (OF1 of lymfomer, 4
/// days, with tykk-og-endetarmskreft's 9): the table says so below, naming each pathway's
/// limit; `--by pathway` pools nothing; the JSON keeps SPEC's keys.
#[test]
fn stats_rows_that_pool_different_limits_say_so_below_the_table() {
    let reg = project("examples/onkologi");
    let table = |args: &[&str]| {
        let out = run(&reg, &[&["stats", "--lang", "en"], args].concat());
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let by_coordinator = table(&["--by", "coordinator"]);
    let row = by_coordinator
        .lines()
        .find(|l| l.trim_start().starts_with("ssol") && l.contains(" OF1 "))
        .unwrap_or_else(|| panic!("{by_coordinator}"));
    assert!(row.contains("different limits*"), "{row}");
    let note = by_coordinator
        .lines()
        .find(|l| l.starts_with("* OF1 ("))
        .unwrap_or_else(|| panic!("{by_coordinator}"));
    assert!(
        note.starts_with("* OF1 (ssol, thav) pools pathways with different limits: "),
        "{note}"
    );
    assert!(note.contains("lymfomer 4 days"), "{note}");
    assert!(note.contains("tykk-og-endetarmskreft 9 days"), "{note}");
    assert!(
        by_coordinator
            .contains("the median and 90th percentile mix the limits – see `--by pathway`")
    );
    let by_tertial = table(&["--by", "tertial"]);
    assert!(
        by_tertial.contains("* OF1 (2026-T3) pools pathways"),
        "{by_tertial}"
    );
    // In bokmål by default.
    let out = run(&reg, &["stats", "--by", "month"]);
    let nb = String::from_utf8(out.stdout).unwrap();
    assert!(nb.contains("blander forløp med ulike frister: "), "{nb}");
    // One pathway per row: nothing to say.
    for by in ["pathway", "interval"] {
        let t = table(&["--by", by]);
        assert!(!t.contains("different limits"), "--by {by}: {t}");
    }
    // JSON: one object per (group, interval), SPEC's keys only.
    let out = run(&reg, &["stats", "--by", "coordinator", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for r in rows.as_array().unwrap() {
        let mut keys: Vec<&String> = r.as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "cases",
                "group",
                "interval",
                "median_days",
                "p90_days",
                "share",
                "within"
            ]
        );
    }
}

#[test]
fn stats_table_in_english() {
    let out = run(
        &project("tests/fixtures/stats"),
        &["stats", "--by", "interval", "--lang", "en"],
    );
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}

#[test]
fn ics_parses_back_with_stable_uids() {
    use icalendar::{Component, EventLike};
    let reg = project("examples/onkologi");
    let out = run(&reg, &["export", "ics", "--days", "14"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "unfolded line: {line}");
        assert!(!line.contains('\n'), "bare LF");
    }
    let cal: icalendar::Calendar = text.parse().unwrap();
    let events: Vec<&icalendar::Event> =
        cal.components.iter().filter_map(|c| c.as_event()).collect();
    assert!(events.len() >= 10, "{} events", events.len());
    let uids: std::collections::BTreeSet<&str> =
        events.iter().map(|e| e.get_uid().unwrap()).collect();
    assert_eq!(uids.len(), events.len(), "UIDs are unique");
    let surgery = events
        .iter()
        .find(|e| {
            e.get_summary()
                .is_some_and(|s| s.starts_with("Laparoskopisk reseksjon"))
        })
        .expect("the appointment");
    assert_eq!(surgery.get_location(), Some("Operasjonsavdelingen"));
    assert!(surgery.get_summary().unwrap().contains("te-0131 (N.B.)"));
    let start = format!("{:?}", surgery.get_start().unwrap());
    assert!(
        start.contains("2026-11-24") && start.contains("07:30"),
        "{start}"
    );
    assert!(
        events
            .iter()
            .any(|e| e.get_summary().is_some_and(|s| s.starts_with("MDT-møte")))
    );
    // The same export again gives the same bytes; no patient name appears.
    assert_eq!(
        String::from_utf8(run(&reg, &["export", "ics", "--days", "14"]).stdout).unwrap(),
        text
    );
    assert!(!text.contains("Nordmann") && !text.contains("14835810004"));
}

#[test]
fn a_deadline_keeps_its_uid_when_its_due_date_moves() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&project("examples/onkologi"), dir.path());
    let uid_of_te0142_of1 = |reg: &Path| {
        let text = String::from_utf8(run(reg, &["export", "ics", "--days", "30"]).stdout)
            .unwrap()
            .replace("\r\n ", "");
        let event = text
            .split("BEGIN:VEVENT")
            .find(|e| e.contains("te-0142") && e.contains("OF1"))
            .unwrap()
            .to_string();
        let uid = event
            .lines()
            .find(|l| l.starts_with("UID:"))
            .unwrap()
            .to_string();
        let start = event
            .lines()
            .find(|l| l.starts_with("DTSTART"))
            .unwrap()
            .to_string();
        (uid, start)
    };
    let before = uid_of_te0142_of1(dir.path());
    let case = dir.path().join("cases/2026/te-0142.toml");
    let text = std::fs::read_to_string(&case)
        .unwrap()
        .replace("date = 2026-11-20", "date = 2026-11-19");
    std::fs::write(&case, text).unwrap();
    let after = uid_of_te0142_of1(dir.path());
    assert_eq!(before.0, after.0);
    assert_ne!(before.1, after.1);
}

/// The Markdown, HTML and JSON reports keep their exact text (recorded before the renderers
/// were made to stream their rows in parallel): a byte changed anywhere shows here.
#[test]
fn the_markdown_html_and_json_reports_keep_their_text() {
    let reg = report_register();
    for (format, lang) in [
        ("markdown", "nb"),
        ("html", "nb"),
        ("json", "nb"),
        ("markdown", "en"),
        ("html", "en"),
    ] {
        let out = run(reg.path(), &["report", "--format", format, "--lang", lang]);
        assert_eq!(out.status.code(), Some(0));
        insta::assert_snapshot!(
            format!("report_{format}_{lang}"),
            String::from_utf8(out.stdout).unwrap()
        );
    }
}

/// A register with `n` open cases referred long ago (each overdue with several deadlines), so
/// the overdue list spans many of the renderers' parallel chunks.
fn many_overdue_register(n: u32) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&project("examples/onkologi"), dir.path());
    let pathways = ["lungekreft", "brystkreft", "tykk-og-endetarmskreft"];
    for i in 0..n {
        // A synthetic fødselsnummer (month + 80) with its control digits.
        let mut d = [0u32; 9];
        let first9 = format!(
            "{:02}{:02}{:02}{:03}",
            1 + i % 28,
            81 + i % 12,
            50 + i % 40,
            i % 500
        );
        for (k, c) in first9.chars().enumerate() {
            d[k] = c.to_digit(10).unwrap();
        }
        let Some((k1, k2)) = forlop::fnr::control_digits(&d) else {
            continue;
        };
        let coordinator = match i % 3 {
            0 => "coordinator = \"ssol\"\n",
            1 => "coordinator = \"thav\"\n",
            _ => "",
        };
        let text = format!(
            "id = \"mx-{i:05}\"\npathway = \"{}\"\n{coordinator}\n[patient]\nname = \"Test Pasient {i}\"\nfnr = \"{first9}{k1}{k2}\"\n\n[[event]]\nmilestone = \"referral\"\ndate = 2026-{:02}-{:02}\n",
            pathways[i as usize % 3],
            1 + i % 9,
            1 + i % 28,
        );
        std::fs::write(dir.path().join(format!("cases/2026/mx-{i:05}.toml")), text).unwrap();
    }
    dir
}

/// The case of every overdue row, group by group, as one output format lists them.
fn overdue_cases_json(json: &[u8]) -> Vec<Vec<String>> {
    let r: serde_json::Value = serde_json::from_slice(json).unwrap();
    r["overdue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            g["deadlines"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["case"].as_str().unwrap().to_string())
                .collect()
        })
        .collect()
}

/// A long overdue list (thousands of rows, rendered in parallel chunks) comes out in the same
/// order in Markdown, HTML and text as in JSON, and the JSON is exactly what serde_json's pretty
/// printer writes.
#[test]
fn a_long_overdue_list_keeps_its_order_in_every_format() {
    let reg = many_overdue_register(2500);
    let json = run(reg.path(), &["report", "--format", "json"]);
    assert_eq!(json.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        String::from_utf8(json.stdout.clone()).unwrap(),
        format!("{}\n", serde_json::to_string_pretty(&value).unwrap())
    );
    let expected = overdue_cases_json(&json.stdout);
    let longest = expected.iter().map(Vec::len).max().unwrap_or(0);
    assert!(longest > 2048, "{longest} rows in the longest group");
    let md =
        String::from_utf8(run(reg.path(), &["report", "--format", "markdown"]).stdout).unwrap();
    let html = String::from_utf8(run(reg.path(), &["report", "--format", "html"]).stdout).unwrap();
    let text = String::from_utf8(run(reg.path(), &["report"]).stdout).unwrap();
    // Markdown: the tables under each `###` heading, first cell.
    let md_groups: Vec<Vec<String>> = md
        .split("\n### ")
        .skip(1)
        .map(|g| {
            g.split("\n\n## ")
                .next()
                .unwrap()
                .lines()
                .skip(4)
                .take_while(|l| l.starts_with("| "))
                .map(|l| l[2..].split(" |").next().unwrap().to_string())
                .collect()
        })
        .collect();
    assert_eq!(md_groups, expected);
    // HTML: the rows of each `div.overdue`, first cell.
    let html_groups: Vec<Vec<String>> = html
        .split("<div class=\"overdue\">")
        .skip(1)
        .map(|g| {
            g.split("</div>")
                .next()
                .unwrap()
                .split("<tr><td>")
                .skip(1)
                .map(|row| row.split("</td>").next().unwrap().to_string())
                .collect()
        })
        .collect();
    assert_eq!(html_groups, expected);
    // Text: the rows of the overdue tables (before the next section), first column.
    let overdue = text
        .split("FORFALT (")
        .nth(1)
        .unwrap()
        .split("\nFORLØPSTIDER")
        .next()
        .unwrap();
    let text_rows: Vec<String> = overdue
        .lines()
        .filter(|l| l.starts_with(' '))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| c.contains('-') && c.chars().any(|ch| ch.is_ascii_digit()))
        .map(String::from)
        .collect();
    let flat: Vec<String> = expected.into_iter().flatten().collect();
    assert_eq!(text_rows, flat);
}
