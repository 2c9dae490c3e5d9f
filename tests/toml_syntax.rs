//! A file that is not valid TOML (F0001): the parser's own message, in bokmål by default and
//! exactly the parser's English with `--lang en`.

use crate::util::*;

/// The first line of each diagnostic `check` prints on stderr, and its closing summary.
fn check_lines(lang: &[&str]) -> Vec<String> {
    let out = forlop()
        .args(["check", "--today", TODAY])
        .args(lang)
        .arg("--register")
        .arg(project("tests/fixtures/toml-syntax"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8(out.stderr)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with(' ') && !l.contains(" | "))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_parsers_messages_are_norwegian_by_default() {
    assert_eq!(
        check_lines(&[]),
        [
            "cases/2026/te-0101.toml:8:8: feil: ugyldig TOML: ugyldig dato, forventet dag fra 01 til 28 [F0001]",
            "cases/2026/te-0102.toml:5:1: feil: ugyldig TOML: duplisert nøkkel [F0001]",
            "cases/2026/te-0103.toml:12:12: feil: ugyldig TOML: tekstverdier må stå i anførselstegn, forventet tekst i enkle anførselstegn [F0001]",
            "pathways/sarkom.toml:16:21: feil: ugyldig TOML: mangler komma mellom elementene i lista, forventet `,` [F0001]",
            "4 feil og 0 advarsler i 6 filer",
        ]
    );
}

#[test]
fn the_parsers_messages_are_its_own_english_with_lang_en() {
    assert_eq!(
        check_lines(&["--lang", "en"]),
        [
            "cases/2026/te-0101.toml:8:8: error: invalid TOML: invalid date, expected day between 01 and 28 [F0001]",
            "cases/2026/te-0102.toml:5:1: error: invalid TOML: duplicate key [F0001]",
            "cases/2026/te-0103.toml:12:12: error: invalid TOML: string values must be quoted, expected literal string [F0001]",
            "pathways/sarkom.toml:16:21: error: invalid TOML: missing comma between array elements, expected `,` [F0001]",
            "4 errors and 0 warnings in 6 files",
        ]
    );
}

#[test]
fn the_json_message_follows_the_language() {
    let run = |lang: &[&str]| {
        let out = forlop()
            .args(["check", "--format", "json", "--today", TODAY])
            .args(lang)
            .arg("--register")
            .arg(project("tests/fixtures/toml-syntax"))
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json["diagnostics"][1]["message"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(run(&[]), "ugyldig TOML: duplisert nøkkel");
    assert_eq!(run(&["--lang", "en"]), "invalid TOML: duplicate key");
}

#[test]
fn the_planted_diagnostics_are_reported_and_nothing_else() {
    assert_catalogue(&project("tests/fixtures/toml-syntax"));
}
