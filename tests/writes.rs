//! Writes and the git audit trail, on temporary registers and git repositories. Identity and
//! configuration come from the environment, so neither CI nor a developer's git config matters.

use std::path::Path;
use std::process::Command;

use crate::util::*;

/// The writes' own shorthand: forlop as the coordinator Siri Solberg.
trait Writer {
    fn forlop(&self, args: &[&str]) -> std::process::Output;
}

impl Writer for Reg {
    fn forlop(&self, args: &[&str]) -> std::process::Output {
        self.forlop_as("Siri Solberg", args)
    }
}

/// The lines `after` adds to `before`, asserting that nothing of `before` changed or moved.
fn insertions(before: &str, after: &str) -> Vec<String> {
    let old: Vec<&str> = before.split_inclusive('\n').collect();
    let new: Vec<&str> = after.split_inclusive('\n').collect();
    let mut added = Vec::new();
    let mut i = 0;
    for line in &new {
        if i < old.len() && *line == old[i] {
            i += 1;
        } else {
            added.push(line.trim_end_matches(['\n', '\r']).to_string());
        }
    }
    assert_eq!(
        i,
        old.len(),
        "lines of the original were changed or lost:\n{after}"
    );
    added
}

fn ok(out: &std::process::Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

const TE: &str = "cases/2026/te-0142.toml";

#[test]
fn every_write_keeps_the_file_byte_for_byte_outside_the_added_lines() {
    let reg = Reg::new(false);
    let cases: &[(&[&str], &[&str])] = &[
        (
            &[
                "record",
                "te-0142",
                "first-visit",
                "--date",
                "2026-11-23",
                "--note",
                "Koloskopi",
            ],
            &[
                "[[event]]",
                "milestone = \"first-visit\"",
                "date = 2026-11-23",
                "note = \"Koloskopi\"",
                "",
            ],
        ),
        (
            &[
                "book",
                "te-0142",
                "--date",
                "2026-11-30",
                "--what",
                "CT thorax",
                "--time",
                "09:00",
                "--where",
                "Røntgen",
            ],
            &[
                "[[appointment]]",
                "date = 2026-11-30",
                "time = \"09:00\"",
                "what = \"CT thorax\"",
                "where = \"Røntgen\"",
                "",
            ],
        ),
        (
            &[
                "book",
                "te-0142",
                "--mdt",
                "--date",
                "2026-12-02",
                "--question",
                "Operabel?",
            ],
            &[
                "",
                "[[mdt]]",
                "date = 2026-12-02",
                "question = \"Operabel?\"",
            ],
        ),
        (
            &[
                "task",
                "te-0142",
                "ring-datter",
                "--name",
                "Ringe datteren",
                "--due",
                "2026-11-25",
            ],
            &[
                "",
                "[[task]]",
                "id = \"ring-datter\"",
                "name = \"Ringe datteren\"",
                "due = 2026-11-25",
            ],
        ),
        (
            &[
                "task",
                "te-0142",
                "ring-datter",
                "--done",
                "--date",
                "2026-11-24",
            ],
            &["done = 2026-11-24"],
        ),
        (
            &[
                "note",
                "te-0142",
                "Datteren ringte; ønsker time etter kl. 14",
                "--by",
                "ssol",
            ],
            &[
                "[[note]]",
                "date = 2026-11-23",
                "text = \"Datteren ringte; ønsker time etter kl. 14\"",
                "by = \"ssol\"",
                "",
            ],
        ),
        (
            &[
                "deviation",
                "te-0142",
                "OF1",
                "--reason",
                "Pasienten ønsket senere time",
                "--reported",
                "2026-11-23",
            ],
            &[
                "",
                "[[deviation]]",
                "interval = \"OF1\"",
                "reason = \"Pasienten ønsket senere time\"",
                "reported = 2026-11-23",
            ],
        ),
        (
            &[
                "transfer",
                "te-0142",
                "--to",
                "Oslo universitetssykehus HF",
                "--contact",
                "ext-ous-lunge",
            ],
            &[
                "",
                "[transfer]",
                "date = 2026-11-23",
                "to = \"Oslo universitetssykehus HF\"",
                "contact = \"ext-ous-lunge\"",
            ],
        ),
    ];
    for (args, expected) in cases {
        let before = reg.read(TE);
        ok(&reg.forlop(args));
        let after = reg.read(TE);
        let added = insertions(&before, &after);
        assert_eq!(
            added,
            expected.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            "{args:?}"
        );
    }
    // The comments of the original are all still there, and the result checks clean.
    assert!(
        reg.read(TE)
            .starts_with("# Fersk henvisning fra fastlege, kom inn fredag.\n")
    );
    ok(&reg.forlop(&["check"]));
}

#[test]
fn a_decision_sets_the_planned_treatment_and_close_ends_the_case() {
    let reg = Reg::new(false);
    ok(&reg.forlop(&["record", "te-0142", "first-visit", "--date", "2026-11-21"]));
    let before = reg.read(TE);
    ok(&reg.forlop(&[
        "record",
        "te-0142",
        "decision",
        "--outcome",
        "cancer",
        "--treatment",
        "surgery",
    ]));
    let added = insertions(&before, &reg.read(TE));
    assert!(
        added.contains(&"treatment = \"surgery\"".to_string()),
        "{added:?}"
    );
    assert!(added.contains(&"outcome = \"cancer\"".to_string()));
    ok(&reg.forlop(&["close", "te-0142", "--reason", "declined"]));
    let status: serde_json::Value =
        serde_json::from_slice(&reg.forlop(&["status", "--format", "json"]).stdout).unwrap();
    assert!(
        status
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["case"] != "te-0142")
    );
}

#[test]
fn crlf_and_a_byte_order_mark_survive_a_write() {
    let reg = Reg::new(false);
    let original = format!("\u{feff}{}", reg.read(TE).replace('\n', "\r\n"));
    std::fs::write(reg.file(TE), &original).unwrap();
    ok(&reg.forlop(&["note", "te-0142", "Ringt"]));
    let after = reg.read(TE);
    assert!(after.starts_with('\u{feff}'));
    assert!(
        !after.replace("\r\n", "").contains('\n'),
        "every line ends in CRLF"
    );
    assert_eq!(
        insertions(&original, &after),
        ["", "[[note]]", "date = 2026-11-23", "text = \"Ringt\""]
    );
}

#[test]
fn refused_writes_leave_the_file_unchanged() {
    let reg = Reg::new(false);
    let before = std::fs::read(reg.file(TE)).unwrap();
    for args in [
        &["record", "te-0142", "first-vist"][..],
        &["record", "te-0142", "first-visit", "--date", "2026-11-01"],
        &["record", "te-0142", "referral", "--date", "2026-11-21"],
        &["record", "te-0142", "first-visit", "--outcome", "cancer"],
        &[
            "book",
            "te-0142",
            "--date",
            "2026-11-30",
            "--what",
            "CT",
            "--time",
            "9:00",
        ],
        &["deviation", "te-0142", "OF9", "--reason", "x"],
        &["note", "te-0142", "x", "--by", "nobody"],
    ] {
        let out = reg.forlop(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            std::fs::read(reg.file(TE)).unwrap(),
            before,
            "{args:?} changed the file"
        );
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("endringen er ikke skrevet"),
            "{args:?}"
        );
    }
    // A bad date is a usage error.
    assert_eq!(
        reg.forlop(&["record", "te-0142", "first-visit", "--date", "2026-13-01"])
            .status
            .code(),
        Some(2)
    );
    // No temporary file was left behind.
    let names: Vec<String> = std::fs::read_dir(reg.file("cases/2026"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| n.ends_with(".toml") && !n.starts_with('.')),
        "{names:?}"
    );
}

#[test]
fn new_creates_the_case_and_refuses_bad_or_existing_ids() {
    let reg = Reg::new(false);
    ok(&reg.forlop(&[
        "new",
        "br-0400",
        "--pathway",
        "brystkreft",
        "--referral",
        "2026-11-20",
        "--coordinator",
        "thav",
        "--name",
        "Eva Lind",
        "--fnr",
        "04847510027",
    ]));
    let text = reg.read("cases/2026/br-0400.toml");
    assert!(
        text.contains("id = \"br-0400\"\npathway = \"brystkreft\"\ncoordinator = \"thav\"\n"),
        "{text}"
    );
    assert!(text.contains("[[event]]\nmilestone = \"referral\"\ndate = 2026-11-20\n"));
    ok(&reg.forlop(&["check"]));
    for bad in ["../x", "Br-0401", "a/b", "", "x y"] {
        let out = reg.forlop(&[
            "new",
            bad,
            "--pathway",
            "sarkom",
            "--referral",
            "2026-11-20",
        ]);
        assert_eq!(out.status.code(), Some(1), "{bad:?}");
    }
    assert!(
        !reg.path().join("cases/x.toml").exists()
            && !reg.path().parent().unwrap().join("x.toml").exists()
    );
    // An id that exists anywhere, in any year's folder.
    let out = reg.forlop(&[
        "new",
        "te-0142",
        "--pathway",
        "sarkom",
        "--referral",
        "2027-01-04",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cases/2026/te-0142.toml"));
    assert!(!reg.path().join("cases/2027").exists());
    // A second open case of the same pathway for the same patient is refused; another pathway is not.
    let out = reg.forlop(&[
        "new",
        "br-0401",
        "--pathway",
        "brystkreft",
        "--referral",
        "2026-11-21",
        "--fnr",
        "04847510027",
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains(
        "the patient already has an open case on `brystkreft` (cases/2026/br-0400.toml)"
    ));
    assert!(!reg.path().join("cases/2026/br-0401.toml").exists());
    ok(&reg.forlop(&[
        "new",
        "sa-0401",
        "--pathway",
        "sarkom",
        "--referral",
        "2026-11-21",
        "--fnr",
        "04847510027",
    ]));
    // An unknown pathway and an invalid fødselsnummer are refused.
    assert_eq!(
        reg.forlop(&[
            "new",
            "x-1",
            "--pathway",
            "brystkref",
            "--referral",
            "2026-11-20"
        ])
        .status
        .code(),
        Some(1)
    );
    assert_eq!(
        reg.forlop(&[
            "new",
            "x-2",
            "--pathway",
            "sarkom",
            "--referral",
            "2026-11-20",
            "--fnr",
            "12345678901"
        ])
        .status
        .code(),
        Some(1)
    );
    assert!(!reg.path().join("cases/2026/x-2.toml").exists());
}

#[test]
fn commit_stages_only_that_file_with_a_domain_message() {
    let reg = Reg::new(true);
    // Something unrelated is staged: it must not be part of the commit.
    std::fs::write(
        reg.file("team.toml"),
        format!("{}\n# endret\n", reg.read("team.toml")),
    )
    .unwrap();
    reg.git(&["add", "team.toml"]);
    ok(&reg.forlop_as(
        "Tor Havik",
        &[
            "record",
            "te-0142",
            "first-visit",
            "--date",
            "2026-11-23",
            "--commit",
        ],
    ));
    let log = reg.git(&["log", "-1", "--format=%an|%s", "--name-only"]);
    assert_eq!(
        log.trim(),
        "Tor Havik|te-0142: first-visit 2026-11-23 (A12S)\n\ncases/2026/te-0142.toml"
    );
    assert!(
        reg.git(&["diff", "--cached", "--name-only"])
            .contains("team.toml"),
        "still staged, not committed"
    );
}

#[test]
fn commit_refuses_a_file_with_unrelated_uncommitted_changes() {
    let reg = Reg::new(true);
    std::fs::write(reg.file(TE), format!("{}# handredigert\n", reg.read(TE))).unwrap();
    let before = reg.read(TE);
    let out = reg.forlop(&["note", "te-0142", "Ringt", "--commit"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ikke er committet"));
    assert_eq!(reg.read(TE), before);
}

#[test]
fn auto_commit_makes_commit_the_default() {
    let reg = Reg::new(true);
    std::fs::write(
        reg.file("forlop.toml"),
        format!(
            "{}\nauto_commit = true\n",
            reg.read("forlop.toml")
                .replace("[report]\nredact = true\n", "")
        ),
    )
    .unwrap();
    reg.git(&["commit", "-qam", "auto"]);
    ok(&reg.forlop(&["note", "te-0142", "Ringt"]));
    assert_eq!(
        reg.git(&["log", "-1", "--format=%s"]).trim(),
        "te-0142: note 2026-11-23"
    );
    ok(&reg.forlop(&["note", "te-0142", "Ringt igjen", "--no-commit"]));
    assert_eq!(
        reg.git(&["log", "-1", "--format=%s"]).trim(),
        "te-0142: note 2026-11-23"
    );
    assert!(reg.git(&["status", "--porcelain"]).contains("te-0142.toml"));
}

#[test]
fn writes_without_commit_work_outside_git_and_commit_says_why_not() {
    let reg = Reg::new(false);
    ok(&reg.forlop(&["note", "te-0142", "Ringt"]));
    let out = reg.forlop(&["note", "te-0142", "Ringt", "--commit", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a git repository"));
    // Without git on the PATH, the message says so.
    let git = Reg::new(true);
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("forlop"));
    cmd.args([
        "note",
        "te-0142",
        "Ringt",
        "--commit",
        "--lang",
        "en",
        "--today",
        TODAY,
        "--register",
    ])
    .arg(git.path())
    .env("PATH", "");
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`git` program was not found"));
}

#[test]
fn concurrent_writers_both_land() {
    let reg = Reg::new(false);
    for round in 0..5 {
        let spawn = |text: String| {
            let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("forlop"));
            cmd.args([
                "note",
                "te-0142",
                &text,
                "--quiet",
                "--today",
                TODAY,
                "--register",
            ])
            .arg(reg.path());
            cmd.stderr(std::process::Stdio::piped()).spawn().unwrap()
        };
        let a = spawn(format!("A{round}"));
        let b = spawn(format!("B{round}"));
        for mut child in [a, b] {
            assert!(child.wait().unwrap().success());
        }
        let text = reg.read(TE);
        assert!(
            text.contains(&format!("text = \"A{round}\""))
                && text.contains(&format!("text = \"B{round}\"")),
            "round {round}"
        );
    }
    ok(&reg.forlop(&["check"]));
}

#[test]
fn log_shows_who_changed_what_in_domain_terms() {
    let reg = Reg::new(true);
    ok(&reg.forlop_as(
        "Siri Solberg",
        &[
            "record",
            "te-0142",
            "first-visit",
            "--date",
            "2026-11-23",
            "--commit",
        ],
    ));
    ok(&reg.forlop_as(
        "Tor Havik",
        &[
            "record",
            "te-0142",
            "decision",
            "--treatment",
            "drug",
            "--date",
            "2026-11-23",
            "--commit",
        ],
    ));
    // A hand edit, committed by hand: the treatment changes, an appointment goes.
    let edited = reg.read(TE).replace("treatment = \"drug\"", "treatment = \"surgery\"").replace("[[appointment]]\ndate = 2026-11-26\ntime = \"08:15\"\nwhat = \"Koloskopi\"\nwhere = \"Endoskopienheten\"\n", "");
    std::fs::write(reg.file(TE), edited).unwrap();
    reg.git(&["commit", "-qam", "retting"]);
    let out = reg.forlop(&["log", "te-0142", "--format", "json"]);
    ok(&out);
    let log: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let summary: Vec<(String, Vec<String>)> = log
        .iter()
        .skip(1)
        .map(|c| {
            (
                c["author"].as_str().unwrap().to_string(),
                c["changes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "Siri Solberg".to_string(),
                vec!["+ event first-visit 2026-11-23".to_string()]
            ),
            (
                "Tor Havik".to_string(),
                vec![
                    "+ treatment drug".to_string(),
                    "+ event decision 2026-11-23".to_string()
                ]
            ),
            (
                "Test Person".to_string(),
                vec![
                    "~ treatment drug → surgery".to_string(),
                    "- appointment 2026-11-26 08:15 Koloskopi".to_string()
                ]
            ),
        ]
    );
    // The first commit lists the case as it was, with identity hidden.
    let first: Vec<&str> = log[0]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    assert!(first.contains(&"+ patient name …") && !first.iter().any(|c| c.contains("Nordmann")));
    // The table says it in the user's words; the JSON above keeps the stable English ones.
    let table = String::from_utf8(reg.forlop(&["log", "te-0142"]).stdout).unwrap();
    for said in [
        "+ hendelse first-visit 2026-11-23",
        "+ planlagt behandling medikamentell",
        "+ hendelse decision 2026-11-23",
        "~ planlagt behandling medikamentell → kirurgi",
        "- time 2026-11-26 08:15 Koloskopi",
        "+ pasientens navn …",
    ] {
        assert!(table.contains(said), "no `{said}` in:\n{table}");
    }
    for english in ["+ event", "+ treatment", "patient name", "appointment"] {
        assert!(!table.contains(english), "English `{english}` in:\n{table}");
    }
    let table = String::from_utf8(reg.forlop(&["log", "te-0142", "--lang", "en"]).stdout).unwrap();
    assert!(
        table.contains("~ treatment surgery") || table.contains("~ treatment drug → surgery"),
        "{table}"
    );
}

#[test]
fn writes_confirm_in_the_users_language() {
    let reg = Reg::new(true);
    let said = |o: &std::process::Output| String::from_utf8(o.stderr.clone()).unwrap();
    let o = reg.forlop(&["record", "te-0142", "first-visit", "--commit"]);
    ok(&o);
    let text = said(&o);
    assert!(
        text.starts_with(
            "te-0142: hendelsen first-visit registrert 2026-11-23 (A12S); lagret i cases/2026/te-0142.toml (commit "
        ),
        "{text}"
    );
    let o = reg.forlop(&[
        "book",
        "te-0142",
        "--date",
        "2026-11-30",
        "--time",
        "09:00",
        "--what",
        "CT thorax",
        "--lang",
        "en",
    ]);
    ok(&o);
    assert_eq!(
        said(&o),
        "te-0142: appointment 2026-11-30 09:00 booked: CT thorax; saved in cases/2026/te-0142.toml\n"
    );
    let o = reg.forlop(&["close", "te-0142", "--reason", "declined"]);
    ok(&o);
    assert_eq!(
        said(&o),
        "te-0142: forløpet avsluttet 2026-11-23: pasienten ønsket ikke videre forløp (A12X); lagret i cases/2026/te-0142.toml\n"
    );
}

#[test]
fn log_follows_renames() {
    let reg = Reg::new(true);
    std::fs::create_dir_all(reg.file("cases/arkiv")).unwrap();
    reg.git(&["mv", TE, "cases/arkiv/te-0142.toml"]);
    reg.git(&["commit", "-qm", "flyttet"]);
    ok(&reg.forlop(&["note", "te-0142", "Etter flytting", "--commit"]));
    let log: Vec<serde_json::Value> =
        serde_json::from_slice(&reg.forlop(&["log", "te-0142", "--format", "json"]).stdout)
            .unwrap();
    assert_eq!(log.len(), 3, "start, move, note");
    assert!(
        log[1]["changes"].as_array().unwrap().is_empty(),
        "a move changes nothing in the case"
    );
}

#[test]
fn init_makes_a_register_with_a_hook_that_blocks_a_broken_case() {
    let home = tempfile::tempdir().unwrap();
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("register");
    let run = |args: &[&str], cwd: &Path| {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("forlop"));
        cmd.args(args)
            .current_dir(cwd)
            .env("HOME", home.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("PATH", path_with_forlop())
            .env("FORLOP_TODAY", TODAY);
        for (k, v) in [
            ("GIT_AUTHOR_NAME", "T"),
            ("GIT_AUTHOR_EMAIL", "t@x"),
            ("GIT_COMMITTER_NAME", "T"),
            ("GIT_COMMITTER_EMAIL", "t@x"),
        ] {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    };
    let git = |args: &[&str]| {
        let mut cmd = Command::new("git");
        cmd.arg("-C")
            .arg(&dir)
            .args(args)
            .env("HOME", home.path())
            .env("PATH", path_with_forlop())
            .env("GIT_CONFIG_NOSYSTEM", "1");
        for (k, v) in [
            ("GIT_AUTHOR_NAME", "T"),
            ("GIT_AUTHOR_EMAIL", "t@x"),
            ("GIT_COMMITTER_NAME", "T"),
            ("GIT_COMMITTER_EMAIL", "t@x"),
        ] {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    };
    ok(&run(&["init", dir.to_str().unwrap()], parent.path()));
    for f in [
        "forlop.toml",
        "team.toml",
        ".gitignore",
        "cases",
        ".git/hooks/pre-commit",
    ] {
        assert!(dir.join(f).exists(), "{f}");
    }
    // A fresh register checks clean and is committed; init run again changes nothing
    // (it sets up a clone of an existing register).
    ok(&run(&["check"], &dir));
    assert_eq!(git(&["status", "--porcelain"]).stdout, b"");
    let forlop_toml = std::fs::read_to_string(dir.join("forlop.toml")).unwrap();
    ok(&run(&["init", dir.to_str().unwrap()], parent.path()));
    assert_eq!(
        std::fs::read_to_string(dir.join("forlop.toml")).unwrap(),
        forlop_toml
    );
    std::fs::write(
        dir.join("cases/sa-0001.toml"),
        "id = \"sa-0001\"\npathway = \"sarkomm\"\n",
    )
    .unwrap();
    assert!(git(&["add", "-A"]).status.success());
    let blocked = git(&["commit", "-qm", "broken"]);
    assert!(!blocked.status.success(), "the hook must block the commit");
    assert!(String::from_utf8_lossy(&blocked.stderr).contains("ukjent pakkeforløp `sarkomm`"));
    std::fs::write(
        dir.join("cases/sa-0001.toml"),
        "id = \"sa-0001\"\npathway = \"sarkom\"\n",
    )
    .unwrap();
    assert!(git(&["add", "-A"]).status.success());
    let out = git(&["commit", "-qm", "fixed"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn check_staged_checks_what_will_be_committed() {
    let reg = Reg::new(true);
    // The working file is fine, the staged version is broken.
    let good = reg.read(TE);
    std::fs::write(
        reg.file(TE),
        good.replace("pathway = \"tykk-og-endetarmskreft\"", "pathway = \"tykk\""),
    )
    .unwrap();
    reg.git(&["add", TE]);
    std::fs::write(reg.file(TE), &good).unwrap();
    ok(&reg.forlop(&["check"]));
    let out = reg.forlop(&["check", "--staged", "--format", "json", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["diagnostics"][0]["file"], TE);
    assert_eq!(json["diagnostics"][0]["message"], "unknown pathway `tykk`");
}

#[test]
fn check_staged_applies_the_rules_across_files_as_check_does() {
    let reg = Reg::new(true);
    // A second open case of the same pathway for the same patient, staged for commit. Its file
    // sorts before the first one's: the clash is still reported on the staged file.
    let second = "cases/2026/te-0001.toml";
    std::fs::write(
        reg.file(second),
        reg.read(TE).replace("id = \"te-0142\"", "id = \"te-0001\""),
    )
    .unwrap();
    reg.git(&["add", second]);
    let expected =
        format!("the patient already has an open case on `tykk-og-endetarmskreft` ({TE})");
    let (_, full) = check_json(reg.path());
    assert!(
        full["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["message"]
                .as_str()
                .unwrap()
                .contains("already has an open case")),
        "{full}"
    );
    let out = reg.forlop(&["check", "--staged", "--format", "json", "--lang", "en"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the pre-commit check must refuse it"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["errors"], 1, "{json}");
    assert_eq!(json["diagnostics"][0]["file"], second);
    assert_eq!(json["diagnostics"][0]["message"], expected.as_str());
}

#[test]
fn a_git_failure_in_log_is_shown_as_git_said_it() {
    // A repository without commits: `git log` fails.
    let reg = Reg::new(false);
    reg.git(&["-c", "init.defaultBranch=main", "init", "-q"]);
    let out = reg.forlop(&["log", "te-0142", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("git failed: fatal:"), "{err}");
    assert!(
        !err.contains("Failed("),
        "Rust debug text reached the user: {err}"
    );
}

#[test]
fn close_and_transfer_refuse_to_replace_what_is_recorded_unless_replace() {
    let reg = Reg::new(false);
    ok(&reg.forlop(&[
        "close",
        "te-0142",
        "--reason",
        "declined",
        "--date",
        "2026-11-22",
    ]));
    let closed = reg.read(TE);
    let out = reg.forlop(&["close", "te-0142", "--reason", "died", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("the case is already closed (2026-11-22); nothing was changed"),
        "{err}"
    );
    assert!(err.contains("--replace"), "{err}");
    assert_eq!(reg.read(TE), closed, "a refused write changes nothing");
    ok(&reg.forlop(&["close", "te-0142", "--reason", "died", "--replace"]));
    assert!(reg.read(TE).contains("reason = \"died\""));

    ok(&reg.forlop(&["transfer", "te-0139", "--to", "Oslo universitetssykehus HF"]));
    let file = "cases/2026/te-0139.toml";
    let transferred = reg.read(file);
    let out = reg.forlop(&[
        "transfer",
        "te-0139",
        "--to",
        "St. Olavs hospital HF",
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("already transferred (2026-11-23)"), "{err}");
    assert_eq!(reg.read(file), transferred);
    ok(&reg.forlop(&[
        "transfer",
        "te-0139",
        "--to",
        "St. Olavs hospital HF",
        "--replace",
    ]));
    assert!(reg.read(file).contains("St. Olavs hospital HF"));
}

#[test]
fn one_staged_file_is_one_file() {
    let reg = Reg::new(true);
    std::fs::write(reg.file(TE), reg.read(TE) + "\n# endret\n").unwrap();
    reg.git(&["add", "-A"]);
    let o = reg.forlop(&["check", "--staged"]);
    ok(&o);
    let said = String::from_utf8(o.stderr).unwrap() + &String::from_utf8(o.stdout).unwrap();
    assert!(said.contains("1 fil klar til commit: ingen feil"), "{said}");
}
