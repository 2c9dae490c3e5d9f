//! Feels right in a shell: overview, help with examples, completions, man page, colour, quiet.

use crate::util::*;

fn out(args: &[&str]) -> std::process::Output {
    forlop()
        .args(args)
        .current_dir(std::env::temp_dir())
        .output()
        .unwrap()
}

#[test]
fn a_bare_forlop_prints_the_daily_commands() {
    let o = out(&[]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.contains("Hver morgen:") && text.contains("forlop agenda"),
        "{text}"
    );
    let en = String::from_utf8(out(&["--lang", "en"]).stdout).unwrap();
    assert!(
        en.contains("Every morning:") && en.contains("forlop handover --coordinator"),
        "{en}"
    );
}

/// Every subcommand of the definition.
fn subcommands() -> Vec<String> {
    let help = String::from_utf8(out(&["--lang", "en", "--help"]).stdout).unwrap();
    let start = help.find("Commands:").unwrap();
    help[start..]
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .filter(|c| c != "help")
        .collect()
}

#[test]
fn every_subcommand_has_a_summary_and_examples_in_both_languages() {
    let commands = subcommands();
    assert_eq!(
        commands,
        [
            "check",
            "pathways",
            "status",
            "due",
            "overdue",
            "agenda",
            "mdt",
            "handover",
            "stats",
            "report",
            "site",
            "export",
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
            "log",
            "init",
            "hook",
            "sync",
            "completions",
            "man"
        ]
    );
    for c in &commands {
        let nb = String::from_utf8(out(&[c, "--help"]).stdout).unwrap();
        assert!(nb.contains("Eksempler:\n  forlop "), "{c}: {nb}");
        assert!(nb.contains("Bruk: forlop "), "{c}");
        assert!(
            !nb.lines().next().unwrap().trim().is_empty(),
            "{c}: no summary"
        );
        let en = String::from_utf8(out(&["--lang", "en", c, "--help"]).stdout).unwrap();
        assert!(en.contains("Examples:\n  forlop "), "{c}: {en}");
        assert!(en.contains("Usage: forlop "), "{c}");
        assert_ne!(
            nb.lines().next(),
            en.lines().next(),
            "{c}: the summary is not translated"
        );
    }
}

#[test]
fn completions_come_from_the_one_definition() {
    for shell in ["bash", "zsh", "fish"] {
        let o = out(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        let text = String::from_utf8(o.stdout).unwrap();
        // fish writes long options as `-l coordinator`.
        for word in [
            "record",
            "handover",
            "coordinator",
            "today",
            "show-identity",
        ] {
            assert!(text.contains(word), "{shell} completions lack {word}");
        }
    }
    assert_eq!(out(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn the_man_page_generates() {
    let o = out(&["--lang", "en", "man"]);
    assert_eq!(o.status.code(), Some(0));
    let roff = String::from_utf8(o.stdout).unwrap();
    assert!(roff.contains(".TH forlop"), "{roff}");
    assert!(
        roff.contains("record") && roff.contains("\\-\\-today"),
        "{roff}"
    );
}

fn check_broken(color: &str, no_color: bool) -> String {
    let mut cmd = forlop();
    if !no_color {
        cmd.env_remove("NO_COLOR");
    }
    let o = cmd
        .args(["check", "--color", color, "--today", TODAY, "--register"])
        .arg(project("tests/fixtures/noteam"))
        .output()
        .unwrap();
    String::from_utf8(o.stderr).unwrap()
}

#[test]
fn colour_only_when_asked_for_or_on_a_terminal() {
    // Not a terminal: no colour, with or without NO_COLOR.
    assert!(!check_broken("auto", true).contains('\x1b'));
    assert!(!check_broken("auto", false).contains('\x1b'));
    assert!(!check_broken("never", false).contains('\x1b'));
    // --color always wins, even over NO_COLOR.
    assert!(check_broken("always", true).contains("\x1b[1;33madvarsel"));
}

#[test]
fn writes_confirm_on_stderr_and_quiet_silences_them() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&project("examples/onkologi"), dir.path());
    let run = |extra: &[&str]| {
        forlop()
            .args(["note", "te-0142", "Ringt", "--today", TODAY, "--register"])
            .arg(dir.path())
            .args(extra)
            .output()
            .unwrap()
    };
    let o = run(&[]);
    assert!(o.stdout.is_empty(), "stdout carries only requested output");
    assert_eq!(
        String::from_utf8(o.stderr).unwrap(),
        "te-0142: notat 2026-11-23; lagret i cases/2026/te-0142.toml\n"
    );
    let q = run(&["--quiet"]);
    assert!(q.stdout.is_empty() && q.stderr.is_empty());
}

#[test]
fn csv_wherever_there_is_a_table() {
    let reg = project("examples/onkologi");
    for args in [
        &["status"][..],
        &["due", "--days", "7"],
        &["overdue"],
        &["agenda", "--days", "3"],
        &["mdt"],
        &["pathways"],
        &["stats"],
    ] {
        let o = forlop()
            .args(args)
            .args(["--format", "csv", "--today", TODAY, "--register"])
            .arg(&reg)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let text = String::from_utf8(o.stdout).unwrap();
        let widths: Vec<usize> = text.lines().map(|l| l.matches(',').count()).collect();
        assert!(widths.len() > 1, "{args:?}: {text}");
        // Every row has as many fields as the header (no field here holds a comma).
        assert!(widths.iter().all(|w| *w == widths[0]), "{args:?}: {text}");
        assert!(text.contains("\r\n"), "{args:?}: CSV lines end in CRLF");
    }
}

#[test]
fn csv_excel_opens_in_columns_in_norwegian_excel() {
    let reg = project("examples/onkologi");
    for args in [
        &["status"][..],
        &["due", "--days", "7"],
        &["agenda", "--days", "3"],
        &["mdt"],
        &["pathways"],
        &["stats"],
    ] {
        let o = forlop()
            .args(args)
            .args(["--format", "csv-excel", "--today", TODAY, "--register"])
            .arg(&reg)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let text = String::from_utf8(o.stdout).unwrap();
        assert!(
            text.starts_with('\u{feff}'),
            "{args:?}: a byte-order mark first"
        );
        let header = text.lines().next().unwrap();
        assert!(
            header.contains(';') && !header.contains(','),
            "{args:?}: {header}"
        );
        let widths: Vec<usize> = text.lines().map(|l| l.matches(';').count()).collect();
        assert!(widths.iter().all(|w| *w == widths[0]), "{args:?}: {text}");
    }
    // Decimals with a comma: the share in stats.
    let o = forlop()
        .args([
            "stats",
            "--format",
            "csv-excel",
            "--today",
            TODAY,
            "--register",
        ])
        .arg(&reg)
        .output()
        .unwrap();
    let text = String::from_utf8(o.stdout).unwrap();
    let row = text.lines().nth(1).unwrap();
    assert!(
        row.split(';')
            .any(|f| f.starts_with("0,") || f.starts_with("1,")),
        "{row}"
    );
}

#[test]
fn colour_follows_the_shell_conventions() {
    // CLICOLOR_FORCE=1 turns colour on without a terminal; NO_COLOR wins over it.
    let run = |env: &[(&str, &str)]| {
        let mut cmd = forlop();
        cmd.env_remove("NO_COLOR")
            .env_remove("CLICOLOR")
            .env_remove("CLICOLOR_FORCE");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let o = cmd
            .args(["check", "--today", TODAY, "--register"])
            .arg(project("tests/fixtures/noteam"))
            .output()
            .unwrap();
        String::from_utf8(o.stderr).unwrap()
    };
    assert!(run(&[("CLICOLOR_FORCE", "1")]).contains('\x1b'));
    assert!(!run(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).contains('\x1b'));
    assert!(!run(&[]).contains('\x1b'));
}

#[test]
fn a_write_shows_the_warnings_it_brings_and_pathways_copy_starts_a_local_definition() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&project("examples/onkologi"), dir.path());
    let run = |args: &[&str]| {
        forlop()
            .args(args)
            .args(["--lang", "en", "--today", TODAY, "--register"])
            .arg(dir.path())
            .output()
            .unwrap()
    };
    let o = run(&[
        "new",
        "ny-0001",
        "--pathway",
        "nyrekreft",
        "--referral",
        "2026-11-20",
        "--coordinator",
        "ssol",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("warning: the standard times of `nyrekreft` are unknown"),
        "{err}"
    );
    assert!(err.contains("`forlop pathways copy nyrekreft`"), "{err}");
    let o = run(&["pathways", "copy", "nyrekreft"]);
    assert_eq!(o.status.code(), Some(0));
    let copy = std::fs::read_to_string(dir.path().join("pathways/nyrekreft.toml")).unwrap();
    assert!(copy.starts_with("# Lokal kopi av det innebygde forløpet"));
    let list: Vec<serde_json::Value> =
        serde_json::from_slice(&run(&["pathways", "--format", "json"]).stdout).unwrap();
    assert_eq!(
        list.iter().find(|p| p["id"] == "nyrekreft").unwrap()["origin"],
        "register"
    );
    // A second copy would overwrite local work: refused.
    assert_eq!(
        run(&["pathways", "copy", "nyrekreft"]).status.code(),
        Some(1)
    );
    assert_eq!(
        run(&["pathways", "copy", "nyrekraft"]).status.code(),
        Some(1)
    );
}

/// English words clap writes by itself, which must not show in Norwegian.
const CLAP_ENGLISH: &[&str] = &[
    "error:",
    "Usage:",
    "tip:",
    "invalid value",
    "invalid digit",
    "For more information",
    "Print help",
    "Print version",
    "Print this message",
    "Options:",
    "Arguments:",
    "Commands:",
    "possible values",
    "[default:",
    "[env:",
    "[OPTIONS]",
    "<COMMAND>",
    "unexpected argument",
    "required arguments",
    "a similar",
];

fn assert_no_clap_english(text: &str, what: &str) {
    for word in CLAP_ENGLISH {
        assert!(!text.contains(word), "{what}: English `{word}` in:\n{text}");
    }
}

/// Every command of the tree, as the path of names below `forlop`.
fn command_paths(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(path.clone());
    for sub in cmd.get_subcommands() {
        let mut p = path.clone();
        p.push(sub.get_name().to_string());
        command_paths(sub, p, out);
    }
}

fn find<'a>(cmd: &'a clap::Command, path: &[String]) -> &'a clap::Command {
    path.iter().fold(cmd, |c, name| {
        c.find_subcommand(name).expect("a listed subcommand")
    })
}

#[test]
fn every_argument_of_the_command_tree_speaks_norwegian() {
    use forlop::i18n::Lang;
    let mut nb = forlop::cli::command(Lang::Nb);
    let en = forlop::cli::command(Lang::En);
    nb.build();
    let mut paths = Vec::new();
    command_paths(&nb, Vec::new(), &mut paths);
    assert!(paths.len() > 25, "{paths:?}");
    // Words that are the same in both languages.
    let same = ["Saks-id", "Forløpets id"];
    for path in &paths {
        let (n, e) = (find(&nb, path), find(&en, path));
        let name = format!("forlop {}", path.join(" "));
        let (n_about, e_about) = (
            n.get_about().map(|s| s.to_string()),
            e.get_about().map(|s| s.to_string()),
        );
        assert!(n_about.is_some(), "{name}: no summary");
        assert_ne!(n_about, e_about, "{name}: the summary is not translated");
        for arg in n.get_arguments() {
            let id = arg.get_id().as_str();
            let e_arg = e
                .get_arguments()
                .find(|a| a.get_id() == arg.get_id())
                .unwrap();
            let (nh, eh) = (
                arg.get_help().map(|s| s.to_string()),
                e_arg.get_help().map(|s| s.to_string()),
            );
            assert!(nh.is_some(), "{name} {id}: no help");
            if !same.iter().any(|s| nh.as_deref() == Some(s)) {
                assert_ne!(nh, eh, "{name} {id}: the help is not translated");
            }
            let placeholder = |a: &clap::Arg| {
                a.get_value_names()
                    .and_then(|v| v.first())
                    .map_or_else(|| a.get_id().as_str().to_uppercase(), |v| v.to_string())
            };
            if arg.get_action().takes_values() {
                let (v, ev) = (placeholder(arg), placeholder(e_arg));
                assert!(
                    v != ev || ["N", "ID", "HH:MM", "FNR", "FORMAT"].contains(&v.as_str()),
                    "{name} {id}: the placeholder <{v}> is English"
                );
            }
        }
        let mut n = n.clone();
        assert_no_clap_english(&n.render_help().to_string(), &name);
        assert_no_clap_english(&n.render_long_help().to_string(), &name);
    }
}

#[test]
fn usage_errors_are_norwegian_and_english_with_lang_en() {
    let cases: &[&[&str]] = &[
        &["status", "--colour", "never"],
        &["stauts"],
        &["due", "--days", "abc"],
        &["due", "--format", "xml"],
        &["status", "--today", "2026-13-01"],
        &["record", "te-0142", "decision", "--outcome", "cancr"],
        &["close", "te-0142", "--reason", "dead"],
        &["book", "te-0142"],
        &["task", "te-0142", "book-ct", "--done", "--name", "x"],
        &["pathways", "show"],
        &["agenda", "--days", "5000"],
        &["due", "--days", "99999999999"],
        &["status", "--today", "0001-01-01"],
        &["status", "--today"],
        &["--lang", "xx", "status"],
    ];
    for args in cases {
        let o = forlop().args(*args).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(o.stderr).unwrap();
        assert!(err.starts_with("forlop: feil: "), "{args:?}: {err}");
        assert!(err.contains("Mer hjelp: forlop"), "{args:?}: {err}");
        assert_no_clap_english(&err, &format!("{args:?}"));
        let o = forlop()
            .arg("--lang")
            .arg("en")
            .args(*args)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(o.stderr).unwrap();
        assert!(err.starts_with("error: "), "{args:?}: {err}");
    }
    // The message keeps what clap knew: the value, the flag, the possible values, a suggestion.
    let o = forlop()
        .args(["record", "te-0142", "decision", "--outcome", "cancr"])
        .output()
        .unwrap();
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("ugyldig verdi `cancr` for `--outcome <UTFALL>`"),
        "{err}"
    );
    assert!(err.contains("mente du `cancer`?"), "{err}");
    assert!(err.contains("other-cancer"), "{err}");
    let o = forlop().args(["due", "--days", "abc"]).output().unwrap();
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("`abc` er ikke et helt tall"), "{err}");
    assert!(err.contains("Bruk: forlop due [VALG]"), "{err}");
}

#[test]
fn book_date_help_does_not_promise_a_default() {
    let help = String::from_utf8(out(&["book", "--help"]).stdout).unwrap();
    let at = help
        .find("\n      --date")
        .expect("book --help shows --date")
        + 7;
    let text = &help[at..];
    let text = &text[..text[2..].find("--").map_or(text.len(), |i| i + 2)];
    assert!(!text.contains("standard"), "{text}");
    assert!(text.contains("Dagen for timen eller MDT-møtet"), "{text}");
}

/// The .deb ships what `man --dir` writes, as it is: the generator leaves clap's `help`
/// subcommands out in both languages, so scripts/package-deb prunes nothing after it.
#[test]
fn man_pages_have_no_help_subcommand_pages_and_the_package_ships_them_unpruned() {
    for lang in ["en", "nb"] {
        let dir = tempfile::tempdir().unwrap();
        let o = forlop()
            .args(["man", "--lang", lang, "--dir"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{o:?}");
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.contains(&"forlop-pathways-show.1".to_string()));
        assert!(
            !names.iter().any(|n| n.contains("help")),
            "{lang}: {names:?}"
        );
    }
    let script =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/package-deb"))
            .unwrap();
    let pruning: Vec<&str> = script
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter(|l| l.contains("-delete") || l.contains("rm ") && l.contains("man"))
        .collect();
    assert!(
        pruning.is_empty(),
        "package-deb prunes generated pages: {pruning:?}"
    );
}

#[test]
fn a_man_page_per_command_with_exit_status_environment_files_and_examples() {
    let dir = tempfile::tempdir().unwrap();
    let o = forlop()
        .args(["man", "--lang", "en", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let pages: std::collections::BTreeMap<String, String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect();
    for name in [
        "forlop.1",
        "forlop-record.1",
        "forlop-pathways-show.1",
        "forlop-export-ics.1",
    ] {
        assert!(pages.contains_key(name), "no {name}: {:?}", pages.keys());
    }
    assert!(
        !pages.keys().any(|p| p.contains("-help")),
        "help is not a command of its own: {:?}",
        pages.keys()
    );
    for (name, roff) in &pages {
        for section in [
            ".SH EXIT STATUS",
            ".SH ENVIRONMENT",
            ".SH FILES",
            ".SH SEE ALSO",
        ] {
            assert!(roff.contains(section), "{name} lacks {section}");
        }
        // Every page another page names exists.
        for (i, _) in roff.match_indices("(1)") {
            let before = &roff[..i];
            let start = before
                .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '\\'))
                .map_or(0, |s| s + 1);
            let page = before[start..]
                .replace("\\fB", "")
                .replace("\\fR", "")
                .replace("\\-", "-");
            let page = page.trim_start_matches("fB").to_string();
            if page.starts_with("forlop") {
                assert!(
                    pages.contains_key(&format!("{page}.1")),
                    "{name} names {page}(1)"
                );
            }
        }
    }
    assert!(pages["forlop-record.1"].contains(".SH EXAMPLES"));
    assert!(pages["forlop-record.1"].contains("first\\-visit"));
    // The main page on stdout is the same page.
    let o = out(&["--lang", "en", "man"]);
    assert_eq!(String::from_utf8(o.stdout).unwrap(), pages["forlop.1"]);
    // In bokmål by default.
    let nb = String::from_utf8(out(&["man"]).stdout).unwrap();
    assert!(
        nb.contains(".SH AVSLUTNINGSKODE") && nb.contains(".SH MILJØ"),
        "{nb}"
    );
}

#[test]
fn completions_offer_pathways_outcomes_and_reasons() {
    let bash = String::from_utf8(out(&["completions", "bash"]).stdout).unwrap();
    for word in [
        "tykk-og-endetarmskreft",
        "other-cancer",
        "treatment-started",
        "symptom-relief",
    ] {
        assert!(bash.contains(word), "bash completions do not offer {word}");
    }
    // Free text and ids are not file names.
    for flag in ["--what)", "--reason)", "--note)", "--coordinator)"] {
        for (i, _) in bash.match_indices(flag) {
            let block = &bash[i..];
            let block = &block[..block.find(";;").unwrap()];
            assert!(
                !block.contains("compgen -f"),
                "{flag} completes file names: {block}"
            );
        }
    }
    let fish = String::from_utf8(out(&["completions", "fish"]).stdout).unwrap();
    assert!(
        fish.contains("brystkreft") && fish.contains("no-disease"),
        "{fish}"
    );
}

#[test]
fn numbers_take_a_decimal_comma_in_norwegian_and_a_point_in_json() {
    // The example register's median of OF4 is 25.5 days.
    let reg = project("examples/onkologi");
    let report = |extra: &[&str]| {
        let o = forlop()
            .args(["report", "--today", TODAY, "--register"])
            .arg(&reg)
            .args(extra)
            .output()
            .unwrap();
        String::from_utf8(o.stdout).unwrap()
    };
    assert!(report(&[]).contains(" 25,5 "), "{}", report(&[]));
    assert!(report(&["--lang", "en"]).contains(" 25.5 "));
    // The report's JSON has each pathway's rows (the pooled 25.5 is a human figure); stats
    // pooled by tertial has it.
    let json = forlop()
        .args([
            "stats",
            "--by",
            "tertial",
            "--format",
            "json",
            "--today",
            TODAY,
            "--register",
        ])
        .arg(&reg)
        .output()
        .unwrap();
    let json = String::from_utf8(json.stdout).unwrap();
    assert!(json.contains("25.5"));
    assert!(!json.contains("25,5"));
    assert!(!report(&["--format", "json"]).contains(",5"));
}

#[test]
fn the_handover_heading_gives_the_year() {
    let o = forlop()
        .args(["handover", "te-0139", "--today", TODAY, "--register"])
        .arg(project("examples/onkologi"))
        .output()
        .unwrap();
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.starts_with("# Overlevering mandag 23. november 2026\n"),
        "{text}"
    );
}

#[test]
fn usage_errors_follow_the_colour_conventions() {
    let run = |env: &[(&str, &str)], args: &[&str]| {
        let mut cmd = forlop();
        cmd.env_remove("NO_COLOR").env_remove("CLICOLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        String::from_utf8(cmd.args(args).output().unwrap().stderr).unwrap()
    };
    assert!(run(&[("CLICOLOR_FORCE", "1")], &["stauts"]).contains("\x1b["));
    assert!(!run(&[], &["stauts"]).contains("\x1b["), "not a terminal");
    assert!(run(&[], &["--color", "always", "stauts"]).contains("\x1b["));
    assert!(!run(&[("CLICOLOR_FORCE", "1")], &["--color=never", "stauts"]).contains("\x1b["));
}
