//! The morning report delivered: the mail (`report --format eml`), the README's cron recipe,
//! quiet cron output, "recorded since the previous working day" by commit date, and the
//! compliance figures a leader reads.

use std::path::Path;
use std::process::Command;

use mail_parser::MimeHeaders;

use crate::util::*;

fn run(reg: &Path, args: &[&str]) -> std::process::Output {
    forlop()
        .args(args)
        .args(["--today", TODAY, "--register"])
        .arg(reg)
        .output()
        .unwrap()
}

fn parse(bytes: &[u8]) -> mail_parser::Message<'_> {
    mail_parser::MessageParser::default()
        .parse(bytes)
        .expect("a mail")
}

#[test]
fn overdue_quiet_with_nothing_overdue_prints_nothing() {
    // 20 October: the example register has nothing overdue yet.
    let out = forlop()
        .args(["overdue", "--quiet", "--today", "2026-10-20", "--register"])
        .arg(project("examples/onkologi"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    // Without --quiet it still says so.
    let out = forlop()
        .args(["overdue", "--today", "2026-10-20", "--register"])
        .arg(project("examples/onkologi"))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "ingen frister\n");
}

#[test]
fn the_mail_parses_with_both_parts_and_encoded_headers() {
    let out = run(
        &project("examples/onkologi"),
        &["report", "--format", "eml"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let raw = out.stdout;
    // CRLF everywhere, every line well under 998 bytes (quoted-printable keeps them at 76).
    let text = std::str::from_utf8(&raw).unwrap();
    assert!(text.is_ascii(), "8-bit bytes in the mail");
    for line in text.split("\r\n") {
        assert!(!line.contains('\n') && !line.contains('\r'), "bare LF/CR");
        assert!(line.len() <= 78, "line of {} bytes: {line}", line.len());
    }
    assert!(text.ends_with("\r\n"));
    assert!(text.contains("\r\nMIME-Version: 1.0\r\n"));
    assert!(text.contains("Content-Transfer-Encoding: quoted-printable"));
    assert!(
        text.contains("=?UTF-8?B?"),
        "the subject and sender are encoded words"
    );

    let mail = parse(&raw);
    let from = mail.from().unwrap().first().unwrap();
    assert_eq!(from.address(), Some("forlop@sykehus.example"));
    assert_eq!(from.name(), Some("Forløp Onkologi"));
    let to: Vec<&str> = mail
        .to()
        .unwrap()
        .iter()
        .filter_map(|a| a.address())
        .collect();
    assert_eq!(
        to,
        [
            "seksjonsleder@sykehus.example",
            "koordinatorer-onkologi@sykehus.example"
        ]
    );
    assert_eq!(
        mail.subject(),
        Some(
            "Morgenrapport – Onkologisk seksjon, Eksempelsykehuset – mandag 23. november 2026 – forfalt: 5"
        )
    );
    assert!(mail.date().is_some(), "a Date header");
    let id = mail.message_id().unwrap();
    assert!(id.ends_with("@sykehus.example"), "{id}");
    // multipart/alternative: the text first, the HTML second.
    let root = &mail.parts[0];
    let ct = root.content_type().unwrap();
    assert_eq!(
        (ct.ctype(), ct.subtype()),
        ("multipart", Some("alternative"))
    );
    assert_eq!(mail.text_body.len(), 1);
    assert_eq!(mail.html_body.len(), 1);
    assert!(mail.text_body[0] < mail.html_body[0], "text part first");
    let plain = mail.body_text(0).unwrap();
    let html = mail.body_html(0).unwrap();
    assert!(
        plain.starts_with("Morgenrapport – Onkologisk seksjon"),
        "{plain}"
    );
    assert!(plain.contains("FORFALT (5)") && plain.contains("te-0131"));
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<h2>Forfalt (5)</h2>"));
    // The decoded parts are exactly the text and HTML reports.
    let text_report = run(&project("examples/onkologi"), &["report"]).stdout;
    assert_eq!(
        plain.replace("\r\n", "\n"),
        String::from_utf8(text_report).unwrap()
    );
    for part in [mail.text_body[0], mail.html_body[0]] {
        let part = &mail.parts[part as usize];
        assert_eq!(part.content_transfer_encoding(), Some("quoted-printable"));
        let ct = part.content_type().unwrap();
        assert_eq!(ct.attribute("charset"), Some("utf-8"));
    }
    // Never a patient's name.
    assert!(!plain.contains("Nordmann") && !html.contains("Nordmann"));
}

#[test]
fn the_mail_takes_addresses_from_flags_and_refuses_without_them() {
    let reg = tempfile::tempdir().unwrap();
    copy_dir(&project("examples/onkologi"), reg.path());
    std::fs::write(reg.path().join("forlop.toml"), "name = \"Test\"\n").unwrap();
    let out = run(reg.path(), &["report", "--format", "eml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--from") && err.contains("mail_from"), "{err}");
    let out = run(
        reg.path(),
        &["report", "--format", "eml", "--from", "a@b.example"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("mail_to"));
    // A header injection is refused.
    let out = run(
        reg.path(),
        &[
            "report",
            "--format",
            "eml",
            "--from",
            "a@b.example",
            "--to",
            "x@y.example\nBcc: z@w.example",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let out = run(
        reg.path(),
        &[
            "report",
            "--format",
            "eml",
            "--from",
            "a@b.example",
            "--to",
            "x@y.example",
            "--to",
            "z@w.example",
            "--lang",
            "en",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let mail = parse(&out.stdout);
    assert_eq!(mail.to().unwrap().iter().count(), 2);
    assert_eq!(
        mail.subject(),
        Some("Morning report – Test – Monday 23 November 2026 – overdue: 5")
    );
}

/// The first ```cron block of the README that uses `sendmail -t`: its variables and command.
fn readme_cron() -> (Vec<(String, String)>, String) {
    let readme = std::fs::read_to_string(project("README.md")).unwrap();
    let block = readme
        .split("```cron\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .find(|b| b.contains("sendmail -t"))
        .expect("a cron block with sendmail -t in the README");
    let mut vars = Vec::new();
    let mut command = None;
    for line in block.lines().filter(|l| !l.trim().is_empty()) {
        if let Some((k, v)) = line.split_once('=')
            && k.chars().all(|c| c.is_ascii_uppercase() || c == '_')
        {
            vars.push((k.to_string(), v.to_string()));
            continue;
        }
        // Five time fields, then the command; cron turns `\%` into `%`.
        let mut rest = line;
        for _ in 0..5 {
            rest = rest.trim_start();
            rest = &rest[rest.find(char::is_whitespace).unwrap()..];
        }
        command = Some(rest.trim().replace("\\%", "%"));
    }
    (vars, command.expect("a cron job line"))
}

#[test]
fn the_readme_cron_recipe_sends_the_mail_under_cron_s_environment() {
    let (vars, command) = readme_cron();
    assert!(vars.contains(&("TZ".into(), "Europe/Oslo".into())));
    assert!(vars.iter().any(|(k, _)| k == "PATH"));
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    std::fs::create_dir(&home).unwrap();
    // A register on a "server" (a bare repository) and the clone cron works in.
    let clone = tmp.path().join("register");
    let git = |dir: &Path, args: &[&str]| {
        let out = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .env("HOME", &home)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "T")
            .env("GIT_AUTHOR_EMAIL", "t@x.example")
            .env("GIT_COMMITTER_NAME", "T")
            .env("GIT_COMMITTER_EMAIL", "t@x.example")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    git(
        tmp.path(),
        &[
            "-c",
            "init.defaultBranch=main",
            "init",
            "-q",
            "--bare",
            "origin.git",
        ],
    );
    git(tmp.path(), &["clone", "-q", "origin.git", "register"]);
    copy_dir(&project("examples/onkologi"), &clone);
    git(&clone, &["add", "."]);
    git(&clone, &["commit", "-q", "-m", "register"]);
    git(&clone, &["push", "-q", "origin", "HEAD"]);
    // forlop and a fake sendmail first on cron's PATH.
    let bin = tmp.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    std::os::unix::fs::symlink(assert_cmd::cargo::cargo_bin("forlop"), bin.join("forlop")).unwrap();
    let sent = tmp.path().join("sent.eml");
    let args_file = tmp.path().join("sendmail-args");
    std::fs::write(
        bin.join("sendmail"),
        format!(
            "#!/bin/sh\necho \"$@\" > '{}'\ncat > '{}'\n",
            args_file.display(),
            sent.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(bin.join("sendmail"), std::fs::Permissions::from_mode(0o755)).unwrap();
    let command = command.replace("/srv/forlop/register", clone.to_str().unwrap());
    let mut cmd = Command::new("env");
    cmd.arg("-i");
    for (k, v) in &vars {
        let v = if k == "PATH" {
            format!("{}:{v}", bin.display())
        } else {
            v.clone()
        };
        cmd.arg(format!("{k}={v}"));
    }
    // What a test adds to cron's environment: the pinned day and a git without the
    // developer's configuration.
    cmd.arg(format!("FORLOP_TODAY={TODAY}"))
        .arg("GIT_CONFIG_NOSYSTEM=1")
        .arg(format!("HOME={}", home.display()))
        .args(["/bin/sh", "-c", &command]);
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{command}\nstdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "",
        "cron would mail any output"
    );
    assert_eq!(std::fs::read_to_string(&args_file).unwrap().trim(), "-t");
    let raw = std::fs::read(&sent).unwrap();
    let mail = parse(&raw);
    assert!(mail.subject().unwrap().contains("23. november 2026"));
    assert_eq!(mail.to().unwrap().iter().count(), 2);
    assert!(mail.body_html(0).unwrap().contains("<h2>Forfalt (5)</h2>"));
    // The Date is the real clock's, in Oslo time: CET or CEST depending on when the test runs.
    let text = String::from_utf8_lossy(&raw);
    let date = text
        .lines()
        .find(|l| l.starts_with("Date: "))
        .expect("a Date header");
    assert!(
        date.ends_with(" +0100") || date.ends_with(" +0200"),
        "Date in Oslo time: {date}"
    );
}

/// A git register whose commits are dated after the events they add.
struct GitRegister {
    dir: tempfile::TempDir,
    home: tempfile::TempDir,
}

impl GitRegister {
    fn new() -> Self {
        let r = GitRegister {
            dir: tempfile::tempdir().unwrap(),
            home: tempfile::tempdir().unwrap(),
        };
        std::fs::write(r.dir.path().join("forlop.toml"), "name = \"Test\"\n").unwrap();
        std::fs::create_dir_all(r.dir.path().join("cases/2026")).unwrap();
        r.git(&["-c", "init.defaultBranch=main", "init", "-q"], None);
        r
    }

    fn git(&self, args: &[&str], date: Option<&str>) {
        let mut cmd = Command::new("git");
        cmd.arg("-C")
            .arg(self.dir.path())
            .args(args)
            .env("HOME", self.home.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "T")
            .env("GIT_AUTHOR_EMAIL", "t@x.example")
            .env("GIT_COMMITTER_NAME", "T")
            .env("GIT_COMMITTER_EMAIL", "t@x.example");
        if let Some(d) = date {
            cmd.env("GIT_AUTHOR_DATE", d).env("GIT_COMMITTER_DATE", d);
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn write(&self, id: &str, body: &str) {
        std::fs::write(
            self.dir.path().join(format!("cases/2026/{id}.toml")),
            format!("id = \"{id}\"\npathway = \"tykk-og-endetarmskreft\"\n{body}"),
        )
        .unwrap();
    }

    fn commit(&self, date: &str) {
        self.git(&["add", "-A"], None);
        self.git(&["commit", "-q", "-m", "x"], Some(date));
    }

    fn report(&self, today: &str) -> serde_json::Value {
        let out = forlop()
            .args(["report", "--format", "json", "--today", today, "--register"])
            .arg(self.dir.path())
            .env("HOME", self.home.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
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
}

fn event(milestone: &str, date: &str) -> String {
    format!("\n[[event]]\nmilestone = \"{milestone}\"\ndate = {date}\n")
}

#[test]
fn recorded_since_the_previous_working_day_goes_by_commit_date() {
    let r = GitRegister::new();
    let a1 = event("referral", "2026-11-16");
    // Wednesday: a-1 and c-3 registered; d-4 too.
    r.write("a-1", &a1);
    r.write("c-3", &event("referral", "2026-11-02"));
    r.write("d-4", &event("referral", "2026-11-03"));
    r.commit("2026-11-18T10:00:00+01:00");
    // Thursday: a biopsy dated Friday (a typo'd future date) — registered before the window.
    let a1 = format!("{a1}{}", event("biopsy", "2026-11-20"));
    r.write("a-1", &a1);
    r.commit("2026-11-19T12:00:00+01:00");
    // Friday: a referral dated a week earlier, and a first visit dated Thursday.
    r.write("b-2", &event("referral", "2026-11-13"));
    let a1 = format!("{a1}{}", event("first-visit", "2026-11-19"));
    r.write("a-1", &a1);
    r.commit("2026-11-20T15:00:00+01:00");
    // Saturday night (Sunday in UTC terms does not matter): a transfer and an early end.
    r.write(
        "c-3",
        &format!(
            "{}\n[transfer]\ndate = 2026-11-20\nto = \"Oslo universitetssykehus\"\n",
            event("referral", "2026-11-02")
        ),
    );
    r.write(
        "d-4",
        &format!(
            "{}\n[closed]\ndate = 2026-11-21\nreason = \"declined\"\n",
            event("referral", "2026-11-03")
        ),
    );
    r.commit("2026-11-21T23:30:00+01:00");
    // Sunday 23:30 UTC is Monday 00:30 in Oslo: today, not in Monday's window.
    r.write("e-5", &event("referral", "2026-11-22"));
    r.commit("2026-11-22T23:30:00+00:00");
    // Not committed: counts as today.
    r.write(
        "b-2",
        &format!(
            "{}{}",
            event("referral", "2026-11-13"),
            event("first-visit", "2026-11-21")
        ),
    );

    let report = r.report(TODAY);
    assert_eq!(report["recorded"]["from"], "2026-11-20");
    assert_eq!(report["recorded"]["to"], "2026-11-22");
    let events: Vec<(String, String, serde_json::Value, String)> = report["recorded"]["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["date"].as_str().unwrap().to_string(),
                e["case"].as_str().unwrap().to_string(),
                e["milestone"].clone(),
                e["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let s = |x: &str| x.to_string();
    assert_eq!(
        events,
        [
            (s("2026-11-13"), s("b-2"), "referral".into(), s("A12A")),
            (s("2026-11-19"), s("a-1"), "first-visit".into(), s("A12S")),
            (
                s("2026-11-20"),
                s("c-3"),
                serde_json::Value::Null,
                s("A12O")
            ),
            (
                s("2026-11-21"),
                s("d-4"),
                serde_json::Value::Null,
                s("A12X")
            ),
        ]
    );
    let referrals: Vec<&str> = report["new_referrals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["case"].as_str().unwrap())
        .collect();
    assert_eq!(referrals, ["b-2"]);

    // Tuesday: Monday's commit (e-5) is listed; once b-2's visit is committed on Tuesday, it
    // shows on Wednesday.
    let tuesday = r.report("2026-11-24");
    let cases: Vec<&str> = tuesday["recorded"]["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["case"].as_str().unwrap())
        .collect();
    assert_eq!(cases, ["e-5"]);
    r.commit("2026-11-24T09:00:00+01:00");
    let wednesday = r.report("2026-11-25");
    assert_eq!(wednesday["recorded"]["events"][0]["case"], "b-2");
    assert_eq!(
        wednesday["recorded"]["events"][0]["milestone"],
        "first-visit"
    );
    assert_eq!(wednesday["recorded"]["events"][0]["date"], "2026-11-21");

    // The text report names transfers and early ends.
    let out = forlop()
        .args(["report", "--today", TODAY, "--register"])
        .arg(r.dir.path())
        .env("HOME", r.home.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("overført") && text.contains("A12O"), "{text}");
    assert!(text.contains("A12X"), "{text}");
}

#[test]
fn outside_its_own_repository_the_register_goes_by_event_dates() {
    // The example register lives inside this project's repository: event dates count, and a
    // transfer dated in the window is listed with its O code.
    let reg = tempfile::tempdir().unwrap();
    copy_dir(&project("examples/onkologi"), reg.path());
    let out = run(reg.path(), &["report", "--format", "json"]);
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cases: Vec<&str> = r["recorded"]["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["case"].as_str().unwrap())
        .collect();
    assert!(cases.contains(&"te-0142"), "{cases:?}");
}

#[test]
fn compliance_per_pathway_for_this_and_the_previous_tertial() {
    let out = run(
        &project("examples/onkologi"),
        &["report", "--format", "json"],
    );
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let c = &r["compliance"];
    assert_eq!(c["from"], "2026-09-01");
    assert_eq!(c["to"], TODAY);
    assert_eq!(c["previous"]["from"], "2026-05-01");
    assert_eq!(c["previous"]["to"], "2026-08-31");
    for period in [&c["rows"], &c["previous"]["rows"]] {
        for row in period.as_array().unwrap() {
            let keys: Vec<&str> = row
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(
                keys,
                [
                    "group",
                    "interval",
                    "cases",
                    "within",
                    "share",
                    "median_days",
                    "p90_days"
                ]
            );
            assert!(
                !row["group"].as_str().unwrap().starts_with("OF"),
                "group is the pathway: {row}"
            );
        }
    }
    // One row per (pathway, interval).
    let rows = c["rows"].as_array().unwrap();
    let mut keys: Vec<(String, String)> = rows
        .iter()
        .map(|r| (r["group"].to_string(), r["interval"].to_string()))
        .collect();
    let n = keys.len();
    keys.dedup();
    assert_eq!(keys.len(), n);
    // The human report: OF4 per pathway and overall, decimal comma, unverified per pathway.
    let text = String::from_utf8(run(&project("examples/onkologi"), &["report"]).stdout).unwrap();
    let section = text.split("ANDEL INNENFOR FORLØPSTID").nth(1).unwrap();
    assert!(
        section.contains("OF4 start pakkeforløp – start behandling"),
        "{section}"
    );
    assert!(section.contains("alle forløp"), "{section}");
    assert!(
        section.contains("2026-T3 hittil") && section.contains("2026-T2"),
        "{section}"
    );
    let unverified = section.matches("tider ikke verifisert").count();
    let rows = section.lines().filter(|l| l.starts_with(' ')).count() - 1;
    assert!(unverified < rows, "not every row is unverified:\n{section}");
}

#[test]
fn the_previous_tertial_stands_beside_the_current_one() {
    // The stats fixture measures OF4 on 2 March and 25 May: on 15 May, one in the previous
    // tertial and none yet in this one.
    let reg = project("tests/fixtures/stats");
    let out = forlop()
        .args([
            "report",
            "--format",
            "json",
            "--today",
            "2026-05-15",
            "--register",
        ])
        .arg(&reg)
        .output()
        .unwrap();
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let c = &r["compliance"];
    assert_eq!(c["from"], "2026-05-01");
    assert_eq!(c["previous"]["from"], "2026-01-01");
    assert_eq!(c["previous"]["to"], "2026-04-30");
    let of4 = c["previous"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["interval"] == "OF4")
        .unwrap();
    assert_eq!(of4["group"], "tykk-og-endetarmskreft");
    assert_eq!(
        (of4["cases"].as_u64(), of4["within"].as_u64()),
        (Some(1), Some(1))
    );
    let html = forlop()
        .args([
            "report",
            "--format",
            "html",
            "--today",
            "2026-05-15",
            "--register",
        ])
        .arg(&reg)
        .output()
        .unwrap();
    let html = String::from_utf8(html.stdout).unwrap();
    assert!(
        html.contains("2026-T1: 100 % (n=1)"),
        "the previous tertial's bar"
    );
    assert!(html.contains("<th colspan=\"3\" class=\"period\">2026-T2 hittil"));
}

/// Runs `report` on a register with `args` and extra environment; stdout, on success.
fn report_with(r: &GitRegister, args: &[&str], env: &[(&str, &std::ffi::OsStr)]) -> String {
    let mut cmd = forlop();
    cmd.args(["report", "--today", TODAY, "--register"])
        .arg(r.dir.path())
        .args(args)
        .env("HOME", r.home.path())
        .env("GIT_CONFIG_NOSYSTEM", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn recorded_says_when_git_could_not_be_read_and_own_dates_were_used() {
    let r = GitRegister::new();
    r.write("a-1", &event("referral", "2026-11-20"));
    r.commit("2026-11-20T10:00:00+01:00");
    // Git reads it: no note, no problem.
    let ok = report_with(&r, &[], &[]);
    assert!(!ok.contains("Git kunne ikke leses"), "{ok}");
    assert!(!ok.contains("egne datoer"), "{ok}");
    assert_eq!(r.report(TODAY)["problems"], serde_json::json!([]));

    // git not installed (cron's PATH without it): every format says so.
    let empty = tempfile::tempdir().unwrap();
    let no_git = [("PATH", empty.path().as_os_str())];
    let text = report_with(&r, &[], &no_git);
    assert!(
        text.contains(
            "Git kunne ikke leses (fant ikke programmet `git`), så hendelsenes egne datoer er brukt"
        ),
        "{text}"
    );
    let md = report_with(&r, &["--format", "markdown", "--lang", "en"], &no_git);
    assert!(
        md.contains(
            "Git could not be read (the `git` program was not found), so the events' own dates are used"
        ),
        "{md}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&report_with(&r, &["--format", "json"], &no_git)).unwrap();
    let problems = json["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 1, "{json}");
    assert_eq!(problems[0]["file"], ".git");
    assert!(
        problems[0]["message"]
            .as_str()
            .unwrap()
            .contains("fant ikke programmet `git`")
    );
    // `recorded` keeps its shape (SPEC §3).
    let mut keys: Vec<&String> = json["recorded"].as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["events", "from", "to"]);

    // A corrupt repository: git's own reason, in one line, in HTML and in the mail too.
    std::fs::remove_file(r.dir.path().join(".git/HEAD")).unwrap();
    let html = report_with(&r, &["--format", "html"], &[]);
    assert!(
        html.contains("<p class=\"note\">Git kunne ikke leses (not a git repository"),
        "{html}"
    );
    let eml = report_with(
        &r,
        &[
            "--format",
            "eml",
            "--from",
            "forlop@sykehus.example",
            "--to",
            "team@sykehus.example",
        ],
        &[],
    );
    let mail = mail_parser::MessageParser::default()
        .parse(eml.as_bytes())
        .unwrap();
    let body = mail.body_text(0).unwrap();
    assert!(
        body.contains("Git kunne ikke leses (not a git repository"),
        "{body}"
    );
    assert!(
        body.contains("safe.directory") || body.contains("git status"),
        "{body}"
    );
}
