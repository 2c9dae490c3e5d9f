//! Privacy and containment: no output leaks a patient's identity under redaction, the audit trail
//! shows only the case's own history, nothing is read or written through a link, and hostile
//! sizes, dates and descriptors end in a clear message rather than a panic or lost output.

use std::process::{Command, Output};
use std::time::Duration;

use crate::util::*;

/// Privacy's shorthand: forlop as the coordinator Siri Solberg, never panicking.
trait Runner {
    fn cmd(&self, args: &[&str]) -> Command;
    fn forlop(&self, args: &[&str]) -> Output;
}

impl Runner for Reg {
    fn cmd(&self, args: &[&str]) -> Command {
        self.cmd_as("Siri Solberg", args)
    }

    fn forlop(&self, args: &[&str]) -> Output {
        let out = self.cmd(args).output().unwrap();
        no_panic(&out);
        out
    }
}

fn no_panic(out: &Output) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(101), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.status.code().is_some(), "killed by a signal: {err}");
}

fn ok(out: &Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

const TE: &str = "cases/2026/te-0142.toml";
const FNR: &str = "14835810004";

/// The changes of each commit in `log CASE --format json`.
fn log_changes(reg: &Reg, case: &str, extra: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec!["log", case, "--format", "json"];
    args.extend(extra);
    let out = reg.forlop(&args);
    ok(&out);
    serde_json::from_slice(&out.stdout).unwrap()
}

// ---- the audit trail ----

#[test]
fn log_of_a_new_case_does_not_show_another_patients_history_as_a_copy() {
    let reg = Reg::new(true);
    // Another patient's case, committed; then a new case that looks much like it.
    ok(&reg.forlop(&["note", "te-0142", "Første samtale", "--commit"]));
    let copy = reg
        .read(TE)
        .replace("te-0142", "te-0150")
        .replace("Ola Nordmann", "Kari Hansen");
    reg.write("cases/2026/te-0150.toml", &copy);
    reg.git(&["add", "-A"]);
    reg.git(&["commit", "-q", "-m", "te-0150: ny"]);
    let log = log_changes(&reg, "te-0150", &[]);
    assert_eq!(log.len(), 1, "only the case's own commit: {log:#?}");
    assert_eq!(log[0]["subject"], "te-0150: ny");
}

#[test]
fn log_ends_where_the_file_held_another_case() {
    let reg = Reg::new(true);
    // te-0131 is deleted and its file name reused by a hand-made file for another case id.
    let other = reg.read("cases/2026/te-0131.toml");
    reg.git(&["rm", "-q", "cases/2026/te-0131.toml"]);
    reg.git(&["commit", "-q", "-m", "bort"]);
    reg.write("cases/2026/te-0131.toml", &other);
    reg.git(&["add", "-A"]);
    reg.git(&["commit", "-q", "-m", "tilbake"]);
    let log = log_changes(&reg, "te-0131", &[]);
    assert_eq!(log.len(), 1, "{log:#?}");
}

#[test]
fn log_reads_paths_with_letters_outside_ascii() {
    let reg = Reg::new(true);
    std::fs::create_dir_all(reg.file("cases/Ålesund")).unwrap();
    reg.git(&["mv", TE, "cases/Ålesund/te-0142.toml"]);
    reg.git(&["commit", "-qm", "flyttet"]);
    ok(&reg.forlop(&["note", "te-0142", "Etter flytting", "--commit"]));
    let log = log_changes(&reg, "te-0142", &[]);
    assert_eq!(log.len(), 3, "start, move, note: {log:#?}");
    assert_eq!(
        log[1]["changes"],
        serde_json::json!([]),
        "a move changes nothing"
    );
    assert_eq!(
        log[2]["changes"],
        serde_json::json!(["+ note 2026-11-23 Etter flytting"])
    );
    assert_eq!(log[2]["file"], "cases/Ålesund/te-0142.toml");
}

#[test]
fn log_masks_identity_in_changed_values_under_redaction() {
    let reg = Reg::new(true);
    let edited = reg
        .read(TE)
        .replace("Dr. Sørli, Sentrum legekontor", "Dr. Lie, Nord legekontor")
        + "\n[[note]]\ndate = 2026-11-21\ntext = \"ola NORDMANN ringte, fnr 148358 10004\"\n\n[[task]]\nid = \"ring\"\nname = \"Ring Nordmann\"\ndue = 2026-11-24\n\n[transfer]\ndate = 2026-11-22\nto = \"Haukeland, v/ Ola Nordmanns datter\"\n";
    reg.write(TE, &edited);
    reg.git(&["commit", "-qam", "retting"]);
    let log = log_changes(&reg, "te-0142", &[]);
    let all = serde_json::to_string(&log).unwrap();
    for secret in [
        "Ola",
        "Nordmann",
        "NORDMANN",
        FNR,
        "148358 10004",
        "Sørli",
        "Lie, Nord",
    ] {
        assert!(!all.contains(secret), "{secret} in {all}");
    }
    // What changed is still said.
    assert!(all.contains("~ gp … → …"), "{all}");
    // --show-identity lifts it.
    let shown = serde_json::to_string(&log_changes(&reg, "te-0142", &["--show-identity"])).unwrap();
    assert!(shown.contains("Dr. Lie, Nord legekontor") && shown.contains("ola NORDMANN"));
}

// ---- commit subjects ----

#[test]
fn commit_subjects_carry_no_free_text() {
    let reg = Reg::new(true);
    let writes: [&[&str]; 5] = [
        &[
            "book",
            "te-0142",
            "--date",
            "2026-11-30",
            "--what",
            "CT for Ola Nordmann",
            "--where",
            "Hjemme hos Nordmann",
        ],
        &["note", "te-0142", "Ola Nordmann ringte"],
        &[
            "task",
            "te-0142",
            "ring-ola-nordmann",
            "--name",
            "Ring Ola",
            "--due",
            "2026-11-30",
        ],
        &["transfer", "te-0142", "--to", "Nordmann-klinikken"],
        &[
            "deviation",
            "te-0142",
            "OF1",
            "--reason",
            "Ola Nordmann ønsket det",
        ],
    ];
    for args in writes {
        let mut args = args.to_vec();
        args.push("--commit");
        ok(&reg.forlop(&args));
    }
    let subjects = reg.git(&["log", "--format=%s"]);
    assert!(!subjects.to_lowercase().contains("nordmann"), "{subjects}");
    assert!(!subjects.contains("Ola"), "{subjects}");
    assert!(
        subjects.contains("te-0142: appointment 2026-11-30"),
        "{subjects}"
    );
    assert!(
        subjects.contains("te-0142: transfer 2026-11-23 (A12O)"),
        "{subjects}"
    );
    assert!(subjects.contains("te-0142: deviation OF1"), "{subjects}");
}

// ---- diagnostics ----

#[test]
fn check_masks_identity_in_the_source_lines_it_shows() {
    let reg = Reg::new(false);
    let broken = reg
        .read(TE)
        .replace("fnr = \"14835810004\"", "fnr = \"14835810005\"")
        .replace(
            "text = \"Ringt pasienten",
            "tekst = \"Ola Nordmann, 148358 10004. Ringt pasienten",
        );
    reg.write(TE, &broken);
    let out = reg.forlop(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    let all = text(&out);
    assert!(all.contains("te-0142.toml:"), "{all}");
    for secret in ["14835810005", "Ola", "Nordmann", "148358 10004"] {
        assert!(!all.contains(secret), "{secret} in {all}");
    }
    let shown = text(&reg.forlop(&["check", "--show-identity"]));
    assert!(
        shown.contains("14835810005") && shown.contains("Ola Nordmann"),
        "{shown}"
    );
}

#[test]
fn the_pre_commit_check_masks_identity_too() {
    let reg = Reg::new(true);
    let broken = reg
        .read(TE)
        .replace("fnr = \"14835810004\"", "fnr = \"14835810005\"")
        .replace(
            "text = \"Ringt pasienten",
            "tekst = \"Ola Nordmann ringte. Ringt pasienten",
        );
    reg.write(TE, &broken);
    reg.git(&["add", TE]);
    let out = reg.forlop(&["check", "--staged"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let all = text(&out);
    assert!(all.contains("te-0142.toml:"), "{all}");
    for secret in ["14835810005", "Ola", "Nordmann"] {
        assert!(!all.contains(secret), "{secret} in {all}");
    }
}

#[test]
fn a_byte_order_mark_does_not_hide_the_patient_line_from_masking() {
    let reg = Reg::new(false);
    reg.write(
        "cases/2026/zz-0002.toml",
        "\u{feff}patient = { name = \"Ola Nordmann\", fodt = 1980 }\nid = \"zz-0002\"\npathway = \"sarkom\"\n",
    );
    let out = reg.forlop(&["check"]);
    let all = text(&out);
    assert!(all.contains("zz-0002.toml:1:"), "{all}");
    for secret in ["Ola", "Nordmann"] {
        assert!(!all.contains(secret), "{secret} in {all}");
    }
}

#[test]
fn check_staged_does_not_hang_on_a_fifo_where_a_staged_files_folder_was() {
    let reg = Reg::new(true);
    let staged = "cases/x/te-9999.toml";
    reg.write(staged, &reg.read(TE).replace("te-0142", "te-9999"));
    reg.git(&["add", staged]);
    std::fs::remove_dir_all(reg.file("cases/x")).unwrap();
    make_fifo(&reg.file("cases/x"));
    let out = reg.cmd(&["check", "--staged"]).timeout_output();
    no_panic(&out);
    assert!(text(&out).contains("te-9999.toml"), "{}", text(&out));
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
}

#[test]
fn check_never_prints_a_control_character_from_a_file() {
    let reg = Reg::new(false);
    reg.write(
        "cases/2026/zz-0001.toml",
        "id = \"zz-0001\"\npathway = \"sarkom\"\n# \x1b]0;pwned\x07 \x1b[2J\r\0\nfoo = 1\n",
    );
    let out = reg.forlop(&["check"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("zz-0001.toml"), "{err}");
    for c in ['\x1b', '\x07', '\r', '\0'] {
        assert!(!err.contains(c), "{c:?} in {err:?}");
    }
}

// ---- output that goes nowhere ----

#[test]
fn a_closed_stdout_is_an_error_and_a_short_reader_keeps_the_exit_code() {
    let reg = Reg::new(false);
    let bin = assert_cmd::cargo::cargo_bin("forlop");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' report --today {TODAY} --register '{}' >&-",
            bin.display(),
            reg.path().display()
        ))
        .output()
        .unwrap();
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    // Many errors, a reader that stops after a few bytes: the errors still give exit 1.
    for i in 0..40 {
        let keys: String = (0..150).map(|k| format!("ukjent{k} = 1\n")).collect();
        reg.write(
            &format!("cases/2026/zz-{i:04}.toml"),
            &format!("id = \"zz-{i:04}\"\npathway = \"sarkom\"\n{keys}"),
        );
    }
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "'{}' check --format json --today {TODAY} --register '{}' | head -c 10 >/dev/null; exit ${{PIPESTATUS[0]}}",
            bin.display(),
            reg.path().display()
        ))
        .output()
        .unwrap();
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
}

// ---- bounds ----

#[test]
fn dates_and_spans_out_of_range_are_usage_errors() {
    let reg = Reg::new(false);
    for args in [
        &["report", "--today=-0001-01-01"][..],
        &["report", "--today", "+262142-12-31"],
        &["export", "ics", "--today", "+262142-12-31"],
        &["agenda", "--days", "100000000"],
        &["export", "ics", "--days", "100000000"],
    ] {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("forlop"));
        cmd.args(args).arg("--register").arg(reg.path());
        reg.env(&mut cmd, "T");
        let out = cmd.timeout_output();
        no_panic(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out));
    }
}

#[test]
fn a_file_with_very_many_problems_lists_a_bounded_number_and_says_so() {
    let reg = Reg::new(false);
    let keys: String = (0..5000).map(|k| format!("ukjent{k} = 1\n")).collect();
    reg.write(
        "cases/2026/zz-0001.toml",
        &format!("id = \"zz-0001\"\npathway = \"sarkom\"\n{keys}"),
    );
    let (out, json) = check_json(reg.path());
    no_panic(&out);
    let list = json["diagnostics"].as_array().unwrap();
    let of_file: Vec<&serde_json::Value> = list
        .iter()
        .filter(|d| d["file"] == "cases/2026/zz-0001.toml")
        .collect();
    assert!(of_file.len() <= 201, "{}", of_file.len());
    assert!(
        of_file.iter().any(|d| d["message"]
            .as_str()
            .unwrap()
            .contains("more problems than")),
        "says the list is cut"
    );
}

#[test]
fn a_file_of_millions_of_tiny_entries_is_not_parsed() {
    // Three million keys took 1.9 GB in `status` and 8.7 GB in `check --format json`: a file
    // with more entries than a case can have is reported, not parsed.
    let reg = Reg::new(false);
    let keys: String = (0..1_000_001).map(|k| format!("k{k}=1\n")).collect();
    reg.write(
        "cases/2026/zz-0001.toml",
        &format!("id = \"zz-0001\"\npathway = \"sarkom\"\n{keys}"),
    );
    let (out, json) = check_json(reg.path());
    no_panic(&out);
    let msgs: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == "cases/2026/zz-0001.toml")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(msgs[0].contains("more than 1000000 entries"), "{msgs:?}");
    let out = reg.forlop(&["note", "zz-0001", "Hei", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("more than 1000000 entries"),
        "{}",
        text(&out)
    );
}

#[test]
fn a_file_of_carriage_returns_is_malformed_not_empty() {
    let reg = Reg::new(false);
    reg.write("cases/2026/zz-0001.toml", "\r\r\r");
    let (_, json) = check_json(reg.path());
    let msgs: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == "cases/2026/zz-0001.toml")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        !msgs.is_empty() && !msgs.iter().any(|m| m.contains("empty")),
        "{msgs:?}"
    );
}

#[test]
fn a_write_to_a_file_that_is_not_toml_shows_where_not_an_io_error() {
    let reg = Reg::new(false);
    reg.write(TE, &format!("{}\n[[note]\n", reg.read(TE)));
    let out = reg.forlop(&["note", "te-0142", "Hei", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("I/O error"), "{err}");
    assert!(err.contains("te-0142.toml:"), "{err}");
}

// ---- the lock and temporary files ----

/// Makes a fifo at `path` (a path the test owns).
fn make_fifo(path: &std::path::Path) {
    let fifo = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a plain mkfifo on a path we own.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
}

#[test]
fn a_linked_or_fifo_lock_file_is_refused_without_following_or_hanging() {
    let reg = Reg::new(false);
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("lock");
    std::os::unix::fs::symlink(&target, reg.file(".forlop.lock")).unwrap();
    let before = reg.read(TE);
    let out = reg.cmd(&["note", "te-0142", "Hei"]).timeout_output();
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(!target.exists(), "the link was followed");
    assert_eq!(reg.read(TE), before);
    std::fs::remove_file(reg.file(".forlop.lock")).unwrap();
    make_fifo(&reg.file(".forlop.lock"));
    let out = reg.cmd(&["note", "te-0142", "Hei"]).timeout_output();
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(reg.read(TE), before);
}

#[test]
fn a_writer_waiting_for_the_lock_says_so() {
    let reg = Reg::new(false);
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(reg.file(".forlop.lock"))
        .unwrap();
    lock.lock().unwrap();
    let child = reg
        .cmd(&["note", "te-0142", "Venter", "--lang", "en"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1800));
    lock.unlock().unwrap();
    let out = child.wait_with_output().unwrap();
    ok(&out);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("waiting for another write"), "{err}");
    assert!(reg.read(TE).contains("Venter"));
}

#[test]
fn temporary_files_of_a_killed_write_are_named_and_removed_by_the_next_write() {
    let reg = Reg::new(false);
    let stale = reg.file("cases/2026/.te-0142.toml.4242.tmp");
    std::fs::write(&stale, reg.read(TE)).unwrap();
    let other = reg.file("cases/2025/.lu-0071.toml.99-2.new");
    std::fs::create_dir_all(other.parent().unwrap()).unwrap();
    std::fs::write(&other, "kopi").unwrap();
    let (_, json) = check_json(reg.path());
    let named: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["message"].as_str().unwrap().contains("interrupted write"))
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        named,
        [
            "cases/2025/.lu-0071.toml.99-2.new",
            "cases/2026/.te-0142.toml.4242.tmp"
        ]
    );
    ok(&reg.forlop(&["note", "te-0142", "Hei"]));
    assert!(!stale.exists() && !other.exists());
}

#[test]
fn a_hidden_case_file_is_named_not_skipped_silently() {
    let reg = Reg::new(false);
    reg.write(
        "cases/2026/.te-0999.toml",
        "id = \"te-0999\"\npathway = \"sarkom\"\n",
    );
    reg.write(
        "cases/.arkiv/te-0998.toml",
        "id = \"te-0998\"\npathway = \"sarkom\"\n",
    );
    let (_, json) = check_json(reg.path());
    let named: Vec<(&str, &str)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["file"].as_str().unwrap(), d["message"].as_str().unwrap()))
        .filter(|(_, m)| m.contains("hidden"))
        .collect();
    assert_eq!(named.len(), 2, "{named:?}");
    assert_eq!(named[0].0, "cases/.arkiv");
    assert_eq!(named[1].0, "cases/2026/.te-0999.toml");
}

// ---- links ----

#[test]
fn new_refuses_to_write_through_a_linked_year_folder() {
    let reg = Reg::new(false);
    let outside = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(outside.path(), reg.file("cases/2027")).unwrap();
    let out = reg.forlop(&[
        "new",
        "te-0900",
        "--pathway",
        "tykk-og-endetarmskreft",
        "--referral",
        "2027-01-04",
        "--name",
        "Kari Hansen",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
}

#[test]
fn a_linked_pathways_or_cases_folder_is_not_read() {
    let reg = Reg::new(false);
    let outside = tempfile::tempdir().unwrap();
    // A pathway elsewhere that would change every deadline of its cases.
    let pathway = std::fs::read_to_string(project("pathways/sarkom.toml"))
        .unwrap()
        .replace("name = \"", "name = \"UTENFRA ");
    std::fs::write(outside.path().join("sarkom.toml"), pathway).unwrap();
    std::fs::remove_dir_all(reg.file("pathways")).unwrap();
    std::os::unix::fs::symlink(outside.path(), reg.file("pathways")).unwrap();
    let out = reg.forlop(&["pathways", "show", "sarkom"]);
    assert!(!text(&out).contains("UTENFRA"), "{}", text(&out));
    let (_, json) = check_json(reg.path());
    assert!(
        json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["file"] == "pathways" && d["message"].as_str().unwrap().contains("link")),
        "{json:#}"
    );
    // A linked cases/ is not listed.
    let cases = tempfile::tempdir().unwrap();
    std::fs::rename(reg.file("cases"), cases.path().join("c")).unwrap();
    std::os::unix::fs::symlink(cases.path().join("c"), reg.file("cases")).unwrap();
    let out = reg.forlop(&["status", "--show-identity"]);
    assert!(!text(&out).contains("Ola Nordmann"), "{}", text(&out));
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
}

/// `timeout_output`: the output with a time limit, so a hang fails the test instead of blocking.
trait TimeoutOutput {
    fn timeout_output(&mut self) -> Output;
}

impl TimeoutOutput for Command {
    fn timeout_output(&mut self) -> Output {
        let mut cmd = assert_cmd::Command::from_std(std::mem::replace(self, Command::new("true")));
        cmd.timeout(Duration::from_secs(20));
        cmd.output().unwrap()
    }
}

// ---- the whole surface ----

/// Words (compared whole, in any letter case) and spellings that must appear nowhere.
const SECRET_WORDS: [&str; 9] = [
    "ola",
    "nordmann",
    "nordmanns",
    "tuva",
    "lill",
    "skogli",
    "rønning",
    "rønnings",
    "sørli",
];
const SECRET_TEXTS: [&str; 8] = [
    "14835810004",
    "148358 10004",
    "14.83.58.10004",
    "148358-10004",
    "09895510006",
    "098955 10006",
    "09.89.55.10006",
    "098955-10006",
];

fn leaks(output: &str) -> Vec<String> {
    let mut found: Vec<String> = SECRET_TEXTS
        .iter()
        .filter(|s| output.contains(*s))
        .map(|s| s.to_string())
        .collect();
    for word in output.split(|c: char| !c.is_alphanumeric()) {
        let lower = word.to_lowercase();
        if SECRET_WORDS.contains(&lower.as_str()) {
            found.push(word.to_string());
        }
    }
    found
}

#[test]
fn no_command_in_any_format_shows_the_name_or_number_under_redaction() {
    let reg = Reg::new(false);
    // Every free-text field of two open cases carries the patient's name and fødselsnummer in
    // several spellings.
    let te = format!(
        "{}\n[[appointment]]\ndate = 2026-11-24\ntime = \"10:00\"\nwhat = \"CT for OLA NORDMANN (148358 10004)\"\nwhere = \"Hjemme hos Nordmanns, 14.83.58.10004\"\n\n[[mdt]]\ndate = 2026-11-25\nquestion = \"Operabel, Ola? 148358-10004\"\nconclusion = \"nordmann operabel\"\n\n[[task]]\nid = \"ring-pasient\"\nname = \"Ring Ola Nordmann, 14835810004\"\ndue = 2026-11-24\n\n[[deviation]]\ninterval = \"OF1\"\nreason = \"Ola ønsket det, 148358 10004\"\n\n[[note]]\ndate = 2026-11-22\ntext = \"OLA ringte; Nordmanns datter. Fnr 14.83.58.10004\"\n",
        reg.read(TE).replace(
            "note = \"Henvist fra fastlege",
            "note = \"Ola Nordmann 148358-10004 henvist fra fastlege",
        )
    );
    reg.write(TE, &te);
    let br = "cases/2026/br-0305.toml";
    let text_br = reg
        .read(br)
        .replace("Berit Nilsen", "Tuva-Lill Skogli-Rønning")
        .replace(
            "text = \"Pasienten på reise",
            "text = \"Lill ringte, SKOGLI-rønnings mor; 098955 10006. Pasienten på reise",
        )
        + "\n[[task]]\nid = \"ring-mor\"\nname = \"Ring Tuva, 09.89.55.10006\"\ndue = 2026-11-24\n\n[transfer]\ndate = 2026-11-22\nto = \"Haukeland v/ Skogli-Rønnings datter, 098955-10006\"\n";
    reg.write(br, &text_br);
    reg.git(&["-c", "init.defaultBranch=main", "init", "-q"]);
    reg.git(&["add", "-A"]);
    reg.git(&["commit", "-q", "-m", "start"]);
    // The identities are really there: --show-identity shows them.
    let shown = text(&reg.forlop(&["handover", "te-0142", "br-0305", "--show-identity"]));
    assert!(
        !leaks(&shown).is_empty(),
        "the fixture plants nothing: {shown}"
    );

    let commands: [&[&str]; 17] = [
        &["status"],
        &["status", "te-0142"],
        &["status", "br-0305"],
        &["due", "--days", "30"],
        &["overdue"],
        &["agenda", "--days", "14"],
        &["mdt", "--date", "2026-11-25"],
        &["handover", "te-0142", "br-0305"],
        &["handover", "--coordinator", "thav"],
        &["report"],
        &["stats"],
        &["export", "ics", "--days", "30"],
        &["log", "te-0142"],
        &["log", "br-0305"],
        &["check"],
        &["check", "cases/2026"],
        &["pathways"],
    ];
    let formats = [
        None,
        Some("table"),
        Some("json"),
        Some("csv"),
        Some("markdown"),
        Some("text"),
        Some("html"),
        Some("eml"),
    ];
    let mut runs = 0;
    for cmd in commands {
        for format in formats {
            let mut args: Vec<&str> = cmd.to_vec();
            if let Some(f) = format {
                args.extend(["--format", f]);
            }
            let mut c = reg.cmd(&args);
            c.current_dir(reg.path());
            let out = c.timeout_output();
            no_panic(&out);
            if out.status.code() == Some(2) {
                continue; // a format the command does not write
            }
            runs += 1;
            let all = text(&out);
            let found = leaks(&all);
            assert!(found.is_empty(), "{args:?} shows {found:?}:\n{all}");
        }
    }
    assert!(runs > 40, "{runs}");
    // The site: every page.
    let site = tempfile::tempdir().unwrap();
    let dir = site.path().join("tavle");
    let out = reg.forlop(&["site", dir.to_str().unwrap()]);
    ok(&out);
    for entry in walkdir::WalkDir::new(&dir) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let page = String::from_utf8_lossy(&std::fs::read(entry.path()).unwrap()).into_owned();
            let found = leaks(&page);
            assert!(found.is_empty(), "{}: {found:?}", entry.path().display());
        }
    }
}

#[test]
fn control_characters_and_raw_html_from_data_never_reach_the_output_raw() {
    let reg = Reg::new(false);
    let hostile = "\\u001b]0;pwned\\u0007\\u001b[2J\\r<img src=x onerror=alert(1)>\\u0000";
    let te = format!(
        "{}\n[[appointment]]\ndate = 2026-11-24\nwhat = \"CT {hostile}\"\nwhere = \"Rom {hostile}\"\n\n[[mdt]]\ndate = 2026-11-25\nquestion = \"Q {hostile}\"\n\n[[task]]\nid = \"ring\"\nname = \"Ring {hostile}\"\ndue = 2026-11-24\n\n[[note]]\ndate = 2026-11-22\ntext = \"N {hostile}\"\n",
        reg.read(TE)
    );
    reg.write(TE, &te);
    let commands: [&[&str]; 12] = [
        &["status"],
        &["status", "te-0142"],
        &["due", "--days", "30"],
        &["agenda", "--days", "5"],
        &["agenda", "--days", "5", "--format", "markdown"],
        &["mdt", "--date", "2026-11-25"],
        &["mdt", "--date", "2026-11-25", "--format", "markdown"],
        &["handover", "te-0142"],
        &["report"],
        &["report", "--format", "markdown"],
        &["report", "--format", "html"],
        &["log", "te-0142"],
    ];
    for args in commands {
        let out = reg.forlop(args);
        let stdout = String::from_utf8_lossy(&out.stdout);
        for c in ['\x1b', '\x07', '\r', '\0'] {
            assert!(!stdout.contains(c), "{args:?}: {c:?} in {stdout:?}");
        }
        if args.contains(&"markdown") || args[0] == "handover" {
            // Escaped for Markdown (`\<img`), it shows as text.
            assert!(
                !stdout.replace("\\<img", "").contains("<img"),
                "{args:?}: {stdout}"
            );
        }
    }
}

/// The control characters planted in the register by
/// [`stderr_never_carries_a_control_character_from_the_register_raw`], raw.
const RAW_CONTROLS: [char; 7] = ['\x1b', '\x07', '\r', '\0', '\x7f', '\u{85}', '\u{202e}'];

/// The raw control characters of [`RAW_CONTROLS`] in `text`, a CR of a CRLF line end (a mail's)
/// left out when `crlf`; and whether a line of `text` starts with the fake line planted after a
/// line feed in a value.
fn raw_controls(text: &str, crlf: bool) -> (Vec<char>, bool) {
    let text = if crlf {
        text.replace("\r\n", "\n")
    } else {
        text.to_string()
    };
    let found = RAW_CONTROLS
        .into_iter()
        .filter(|c| text.contains(*c))
        .collect();
    (
        found,
        text.lines().any(|l| l.starts_with("forlop: feil: falsk")),
    )
}

/// Every way the register's text reaches standard error (SPEC §3): the warnings that name a
/// file's problems (JSON, CSV and calendar outputs, also with `--quiet`), `check`'s diagnostics
/// with their source lines, a write's confirmation, its refusal and its hint (a team member's
/// name in `transfer`'s reminder), errors with suggestions, with colour on and off. ESC, BEL,
/// CR, NUL, DEL, a C1 control and a bidirectional override in a key, in values, in a file's name,
/// in forlop.toml's name and in team.toml never reach it raw (nor stdout), and a line feed in
/// them never starts a line that reads as forlop's own.
#[test]
fn stderr_never_carries_a_control_character_from_the_register_raw() {
    let reg = Reg::new(true);
    let hostile =
        "\\u001b]0;pwned\\u0007\\u001b[2J\\r\\u0000\\u007f\\u0085\\u202e\\nforlop: feil: falsk";
    // An unknown key, an appointment, a note (te-0142); an unknown pathway and coordinator
    // (zz-0001); a file whose name is not its id; the register's name; a team member's name.
    reg.write(
        TE,
        &format!(
            "\"ukjent{hostile}\" = 1\n{}\n[[appointment]]\ndate = 2026-11-24\nwhat = \"CT {hostile}\"\nwhere = \"Rom {hostile}\"\n\n[[note]]\ndate = 2026-11-22\ntext = \"N {hostile}\"\n",
            reg.read(TE)
        ),
    );
    reg.write(
        "cases/2026/zz-0001.toml",
        &format!(
            "id = \"zz-0001\"\npathway = \"sarkom{hostile}\"\ncoordinator = \"thav{hostile}\"\n"
        ),
    );
    reg.write(
        "cases/2026/zz-0002\x1b]0;x\x07\r\x7f\u{85}\u{202e}\nforlop: feil: falsk.toml",
        "id = \"zz-0002\"\npathway = \"sarkom\"\n",
    );
    let settings = reg.read("forlop.toml");
    assert!(settings.contains("\nname = \""), "{settings}");
    reg.write(
        "forlop.toml",
        &settings.replacen("\nname = \"", &format!("\nname = \"{hostile}"), 1),
    );
    let team = reg.read("team.toml");
    assert!(team.contains("name = \"Tor Havik\""), "{team}");
    reg.write(
        "team.toml",
        &team.replacen(
            "name = \"Tor Havik\"",
            &format!("name = \"Tor Havik{hostile}\""),
            1,
        ),
    );
    reg.git(&["add", "-A"]);
    reg.git(&["commit", "-qm", "fiendtlige tegn"]);
    let commands: &[&[&str]] = &[
        &["status"],
        &["status", "--format", "json"],
        &["status", "--format", "csv", "--lang", "en"],
        &["status", "zz-0001"],
        &["status", "--coordinator", "tho"],
        &["due", "--format", "json"],
        &["due", "--format", "json", "--quiet"],
        &["overdue", "--format", "csv"],
        &["agenda", "--days", "5"],
        &["agenda", "--days", "5", "--format", "csv"],
        &["report"],
        &[
            "report",
            "--format",
            "eml",
            "--from",
            "a@b.example",
            "--to",
            "c@d.example",
        ],
        &["check"],
        &["check", "--quiet"],
        &["check", "--format", "json"],
        &["stats"],
        &["mdt", "--date", "2026-11-25"],
        &["mdt", "--date", "2026-11-25", "--format", "csv"],
        &["handover", "te-0142"],
        &["log", "te-0142"],
        &["pathways"],
        &["export", "ics"],
        // A refused write (with the source lines of the file), a write, its refusal to commit
        // over the change, a transfer's reminder naming the receiving coordinator.
        &["set", "te-0142", "coordinator", "nobody"],
        &["note", "te-0142", "Ringt pasienten"],
        &["note", "te-0142", "Ringt igjen", "--commit"],
        &[
            "transfer",
            "te-0142",
            "--to",
            "Annet HF",
            "--contact",
            "thav",
        ],
    ];
    let mut escaped_seen = 0;
    for args in commands {
        let out = reg.forlop(args);
        let err = String::from_utf8_lossy(&out.stderr);
        let (found, fake) = raw_controls(&err, false);
        assert!(
            found.is_empty() && !fake,
            "{args:?}: {found:?} in stderr {err:?}"
        );
        // CSV keeps a value's characters as data (quoted); every other output escapes them.
        if !args.contains(&"csv") {
            let stdout = String::from_utf8_lossy(&out.stdout);
            let (found, _) = raw_controls(&stdout, args.contains(&"eml") || args[0] == "export");
            assert!(found.is_empty(), "{args:?}: {found:?} in stdout {stdout:?}");
        }
        if err.contains("\\u{1b}]0;") {
            escaped_seen += 1;
        }
    }
    // The warnings did name the planted text (escaped), as the colleague's case needs.
    let err =
        String::from_utf8_lossy(&reg.forlop(&["status", "--format", "json"]).stderr).into_owned();
    assert!(
        err.contains("ukjent\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{d}\\u{0}\\u{7f}\\u{85}\\u{202e}\\u{a}forlop: feil: falsk`"),
        "{err}"
    );
    assert!(escaped_seen >= 10, "{escaped_seen}");
    // With colour on, forlop's own colour codes stay; nothing else starts with ESC.
    for args in [
        &["status", "--format", "json", "--color", "always"][..],
        &["check", "--color", "always"],
        &["status", "--coordinator", "tho", "--color", "always"],
    ] {
        let out = reg.forlop(args);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(err.contains("\x1b[1;3"), "{args:?}: no colour in {err:?}");
        let plain = [
            "\x1b[0m",
            "\x1b[1m",
            "\x1b[1;31m",
            "\x1b[1;33m",
            "\x1b[1;34m",
        ]
        .iter()
        .fold(err.clone(), |t, c| t.replace(c, ""));
        let (found, fake) = raw_controls(&plain, false);
        assert!(
            found.is_empty() && !fake,
            "{args:?}: {found:?} in stderr {err:?}"
        );
    }
}

/// The register's own name (forlop.toml) reaches the report's title: escaped in a report
/// written to a file as on a terminal, and in the mail's parts; a bidirectional override or a
/// C1 control in it leaves the JSON valid.
#[test]
fn the_register_name_never_brings_a_control_character_into_a_report_file_or_the_mail() {
    let reg = Reg::new(false);
    let settings = reg.read("forlop.toml");
    assert!(
        settings.lines().any(|l| l.starts_with("name = ")),
        "{settings}"
    );
    let hostile = "name = \"Onko\\u001b]0;pwned\\u0007\\u001b[2J\\r\\u0000 \\u202Elogi\\u0085\"";
    let settings: String = settings
        .lines()
        .map(|l| if l.starts_with("name = ") { hostile } else { l })
        .map(|l| format!("{l}\n"))
        .collect();
    reg.write("forlop.toml", &settings);
    let bad = |text: &str| -> Vec<char> {
        let mut found: Vec<char> = ['\x1b', '\x07', '\0', '\u{202e}', '\u{85}']
            .into_iter()
            .filter(|c| text.contains(*c))
            .collect();
        if text.replace("\r\n", "").contains('\r') {
            found.push('\r');
        }
        found
    };
    let dir = tempfile::tempdir().unwrap();
    for format in ["text", "markdown", "html"] {
        let file = dir.path().join(format!("rapport.{format}"));
        let out = reg.forlop(&[
            "report",
            "--format",
            format,
            "--output",
            file.to_str().unwrap(),
        ]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains("Onko\\u{1b}]0;pwned"), "{format}: {text}");
        assert_eq!(bad(&text), [], "{format}: {text}");
    }
    let out = reg.forlop(&[
        "report",
        "--format",
        "eml",
        "--from",
        "a@b.example",
        "--to",
        "c@d.example",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The mail itself is 7-bit: printable ASCII, CRLF line ends.
    assert!(
        out.stdout
            .iter()
            .all(|&b| (b' '..=b'~').contains(&b) || b == b'\r' || b == b'\n'),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let mail = mail_parser::MessageParser::default()
        .parse(&out.stdout)
        .unwrap();
    let subject = mail.subject().unwrap();
    assert!(subject.contains("Onko"), "{subject}");
    for (n, part) in [mail.body_text(0).unwrap(), mail.body_html(0).unwrap()]
        .iter()
        .enumerate()
    {
        assert!(part.contains("Onko\\u{1b}]0;pwned"), "part {n}: {part}");
        assert_eq!(bad(part), [], "part {n}: {part}");
    }
    let out = reg.forlop(&["report", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    assert!(
        json["name"]
            .as_str()
            .unwrap()
            .starts_with("Onko\x1b]0;pwned"),
        "{json}"
    );
}

/// Every command that writes JSON (its place in the command tree), with arguments that reach
/// the hostile text of [`every_json_output_is_valid_json_with_no_control_character_raw`], and
/// the text its values must carry (decoded).
const JSON_COMMANDS: [(&str, &[&str], &str); 16] = [
    ("check", &["check"], "ukjent"),
    ("pathways", &["pathways"], "Lunge"),
    (
        "pathways show",
        &["pathways", "show", "lungekreft"],
        "Lunge",
    ),
    ("status", &["status"], "thav"),
    ("status", &["status", "br-0305"], "thav"),
    ("status", &["status", "--stale"], "thav"),
    ("status", &["status", "--care"], "thav"),
    ("due", &["due", "--days", "30"], "thav"),
    ("overdue", &["overdue"], "thav"),
    ("agenda", &["agenda", "--days", "5"], "CT"),
    ("mdt", &["mdt", "--date", "2026-11-25"], "Q"),
    ("stats", &["stats", "--by", "coordinator"], "thav"),
    ("stats", &["stats"], ""),
    ("report", &["report"], "Onko"),
    ("log", &["log", "te-0142"], "Endret"),
    ("log", &["log", "te-0142", "--lang", "en"], "CT"),
];

/// The commands that write no JSON document (they refuse `--format json`, or have no format).
const NO_JSON_COMMANDS: [&str; 22] = [
    "pathways copy",
    "handover",
    "site",
    "export",
    "export ics",
    "new",
    "record",
    "book",
    "task",
    "note",
    "deviation",
    "transfer",
    "close",
    "set",
    "reopen",
    "init",
    "hook",
    "hook install",
    "sync",
    "completions",
    "man",
    "merge-driver",
];

/// Every string of a JSON value, keys among them.
fn json_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| json_strings(x, out)),
        serde_json::Value::Object(o) => {
            for (k, x) in o {
                out.push(k.clone());
                json_strings(x, out);
            }
        }
        _ => {}
    }
}

/// A control character, DEL, a C1 control or a bidirectional override in the register's files
/// reaches JSON as a JSON escape (`\u202e`): the document stays valid, nothing reaches a
/// terminal raw, and a JSON reader gets the text as the file has it. serde_json leaves DEL, C1
/// and the overrides raw; the terminal's `\u{202e}` inside a JSON string is invalid JSON.
#[test]
fn every_json_output_is_valid_json_with_no_control_character_raw() {
    let reg = Reg::new(true);
    let hostile = "\\u001b\\u0007\\u007f\\u0085\\u202E";
    let raw = ['\x1b', '\x07', '\x7f', '\u{85}', '\u{202e}'];
    let set = |file: &str, key: &str, value: &str| {
        let text = reg.read(file);
        let line = format!("{key} = \"{value}{hostile}\"");
        let mut done = false;
        let text: String = text
            .lines()
            .map(|l| {
                if !done && l.starts_with(&format!("{key} = ")) {
                    done = true;
                    format!("{line}\n")
                } else {
                    format!("{l}\n")
                }
            })
            .collect();
        assert!(done, "{file}: {key}");
        reg.write(file, &text);
    };
    // The register's name (report), a pathway's name (pathways), a coordinator not in the team
    // (status, due, stats), an appointment, an MDT question, a task and a note (agenda, mdt,
    // log) and an unknown key (check, and the problems of agenda and mdt).
    set("forlop.toml", "name", "Onko");
    reg.write(
        "forlop.toml",
        &reg.read("forlop.toml")
            .replace("warn_days", "stale_days = 7\nwarn_days"),
    );
    set("pathways/lungekreft.toml", "name", "Lunge");
    set("cases/2026/br-0305.toml", "coordinator", "thav");
    set("cases/2026/te-0131.toml", "coordinator", "thav");
    reg.write(
        "cases/2026/te-0131.toml",
        &format!(
            "\"ukjent{hostile}\" = 1\n{}",
            reg.read("cases/2026/te-0131.toml")
        ),
    );
    reg.write(
        TE,
        &format!(
            "{}\n[[appointment]]\ndate = 2026-11-24\nwhat = \"CT{hostile}\"\nwhere = \"Rom{hostile}\"\n\n[[mdt]]\ndate = 2026-11-25\nquestion = \"Q{hostile}\"\n\n[[task]]\nid = \"ring\"\nname = \"Ring{hostile}\"\ndue = 2026-11-24\n\n[[note]]\ndate = 2026-11-22\ntext = \"N{hostile}\"\n",
            reg.read(TE)
        ),
    );
    reg.git(&["add", "-A"]);
    reg.git(&["commit", "-q", "-m", "Endret\x1b\x07\x7f\u{85}\u{202e}"]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rapport.json");
    let report_file = ["report", "--output", file.to_str().unwrap()];
    let runs = JSON_COMMANDS
        .iter()
        .map(|(_, args, marker)| (*args, *marker));
    for (args, marker) in runs.chain([(&report_file[..], "Onko")]) {
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        let out = reg.forlop(&all);
        // `check` finds the unknown key: exit 1, its document on stdout all the same.
        let expected = if args[0] == "check" { 1 } else { 0 };
        assert_eq!(
            out.status.code(),
            Some(expected),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let bytes = if args.contains(&"--output") {
            std::fs::read(&file).unwrap()
        } else {
            out.stdout.clone()
        };
        let text = String::from_utf8(bytes.clone()).unwrap();
        let found: Vec<char> = raw.into_iter().filter(|c| text.contains(*c)).collect();
        assert_eq!(found, [], "{args:?}: raw in {text}");
        let json: serde_json::Value =
            serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{args:?}: {e}: {text}"));
        let mut strings = Vec::new();
        json_strings(&json, &mut strings);
        if !marker.is_empty() {
            let whole: String = format!("{marker}{}", raw.iter().collect::<String>());
            assert!(
                strings.iter().any(|s| s.contains(&whole)),
                "{args:?}: no value holds {whole:?}: {strings:?}"
            );
        }
    }
    // Every command of the tree is either above or named as writing no JSON document.
    use clap::CommandFactory;
    fn paths(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
        for sub in cmd.get_subcommands() {
            let p = format!("{path} {}", sub.get_name()).trim().to_string();
            out.push(p.clone());
            paths(sub, &p, out);
        }
    }
    let mut all = Vec::new();
    paths(&forlop::cli::Cli::command(), "", &mut all);
    for path in all {
        let json = JSON_COMMANDS.iter().any(|(p, _, _)| *p == path);
        assert!(
            json || NO_JSON_COMMANDS.contains(&path.as_str()),
            "`forlop {path}`: add it to JSON_COMMANDS or NO_JSON_COMMANDS"
        );
    }
}

proptest::proptest! {
    /// Scrubbing and masking take any text and any name without panicking, and never leave an
    /// 11-digit number behind.
    #[test]
    fn redaction_takes_any_text(text in "\\PC{0,60}", name in "\\PC{0,20}", digits in "[0-9]{11}") {
        let with = format!("{text} {digits} {name}");
        let scrubbed = forlop::redact::scrub_with(&with, Some(&name));
        proptest::prop_assert!(!scrubbed.contains(&digits));
        let masked = forlop::redact::mask(&with, std::slice::from_ref(&name));
        proptest::prop_assert!(!masked.contains(&digits));
    }
}

#[test]
fn log_writes_the_spreadsheet_csv_with_csv_excel() {
    // Like every command that writes CSV: `;`, a byte-order mark, never the table instead.
    let reg = Reg::new(true);
    ok(&reg.forlop(&["note", "te-0142", "Første samtale", "--commit"]));
    let out = reg.forlop(&["log", "te-0142", "--format", "csv-excel"]);
    ok(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with('\u{feff}'), "{text}");
    let header = text.lines().next().unwrap();
    assert_eq!(
        header.trim_start_matches('\u{feff}'),
        "date;author;commit;change"
    );
    let widths: Vec<usize> = text.lines().map(|l| l.matches(';').count()).collect();
    assert!(widths.len() > 1 && widths.iter().all(|w| *w == 3), "{text}");
}
