//! `check` on a register with thousands of problems: rendered in parallel and written a batch at
//! a time, its output is byte for byte the serial rendering of every diagnostic in order, masked
//! under redaction, in text and in JSON.

use forlop::diag::{self, Severity};
use forlop::i18n::{Lang, Ui};

use crate::util::*;

/// A synthetic fødselsnummer (month + 80) with correct control digits, for case `i`.
fn synthetic_fnr(i: usize) -> String {
    for individual in (i * 7 % 500)..1000 {
        let s = format!(
            "{:02}{:02}{:02}{individual:03}",
            i % 28 + 1,
            i % 12 + 81,
            50 + i % 40
        );
        let d: Vec<u32> = s.bytes().map(|b| u32::from(b - b'0')).collect();
        if let Some((k1, k2)) = forlop::fnr::control_digits(&d.try_into().unwrap()) {
            return format!("{s}{k1}{k2}");
        }
    }
    unreachable!("some individual number has valid control digits")
}

/// A register of `n` cases, all with problems: stale open cases (a warning on the `id` line),
/// unknown keys whose lines quote the patient's name or number (masked under redaction, the
/// name's genitive too),
/// unknown people (errors), and a few files without a place (empty files).
fn bulk_register(n: usize) -> Reg {
    let reg = Reg::new(false);
    let first = ["Kari", "Ola", "Ingrid", "Nils", "Åse"];
    let last = ["Nordmann", "Bakke", "Lie", "Strand", "Ødegård"];
    for i in 0..n {
        let id = format!("br-{i:05}");
        let name = format!("{} {}", first[i % 5], last[i / 5 % 5]);
        let fnr = synthetic_fnr(i);
        let mut t = format!(
            "id = \"{id}\"\npathway = \"brystkreft\"\ncoordinator = \"{}\"\n\n[patient]\nname = \"{name}\"\nfnr = \"{fnr}\"\n",
            if i % 11 == 0 { "nobody" } else { "thav" }
        );
        if i % 2 == 0 {
            t.insert_str(0, &format!("merknad = \"Ringt {name}s datter\"\n"));
        }
        if i % 3 == 0 {
            t.push_str(&format!("kallenavn = \"{}\"\n", first[i % 5]));
        }
        if i % 4 == 0 {
            t.push_str(&format!("telefon = \"{fnr}\" # {name}\n"));
        }
        t.push_str("\n[[event]]\nmilestone = \"referral\"\ndate = 2026-01-05\n");
        let text = if i % 97 == 5 { String::new() } else { t };
        reg.write(&format!("cases/2026/{id}.toml"), &text);
    }
    reg
}

/// What `check` printed before it rendered in parallel: every diagnostic (of the file `only`)
/// rendered on its own, in order, each followed by a blank line, then the summary.
fn serial_text(reg: &Reg, lang: Lang, only: Option<&str>) -> (String, usize) {
    let mut loaded = forlop::register::load(reg.path(), TODAY.parse().unwrap());
    assert!(loaded.settings.redact, "the example register redacts");
    if let Some(file) = only {
        loaded.diagnostics.retain(|d| d.file == file);
    }
    let mut out = String::new();
    for d in &loaded.diagnostics {
        let values = forlop::register::read_text(&reg.file(&d.file), &d.file)
            .map(|t| forlop::redact::identity_values_in_text(&t))
            .unwrap_or_default();
        let values = if d.file.starts_with("cases/") {
            values
        } else {
            Vec::new()
        };
        out.push_str(&diag::render_human_masked(d, lang, false, Some(&values)));
        out.push('\n');
    }
    let errors = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let summary = Ui::CheckSummary {
        errors,
        warnings: loaded.diagnostics.len() - errors,
        files: loaded.files_read,
    };
    out.push_str(&summary.text(lang));
    out.push('\n');
    (out, loaded.diagnostics.len())
}

#[test]
fn thousands_of_diagnostics_print_as_rendered_one_by_one_in_order() {
    let reg = bulk_register(2300);
    let (expected, count) = serial_text(&reg, Lang::Nb, None);
    // Several batches of several parallel chunks each.
    assert!(count > 4200, "{count} diagnostics");
    let out = reg.forlop_as("Test Person", &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let got = String::from_utf8(out.stderr).unwrap();
    // Masked: neither the names nor the numbers in the files are shown.
    assert!(got.contains("kallenavn = \"****\""), "{}", &got[..2000]);
    assert!(!got.contains("Nordmann") && !got.contains(&synthetic_fnr(4)));
    assert!(
        got == expected,
        "check's text differs from the serial rendering"
    );

    let (expected_en, _) = serial_text(&reg, Lang::En, None);
    let out = reg.forlop_as("Test Person", &["check", "--lang", "en"]);
    assert!(String::from_utf8(out.stderr).unwrap() == expected_en);

    // --quiet leaves out only the summary.
    let out = reg.forlop_as("Test Person", &["check", "--quiet"]);
    let summary_at = expected[..expected.len() - 1].rfind('\n').unwrap() + 1;
    assert!(String::from_utf8(out.stderr).unwrap() == expected[..summary_at]);

    // A path given: that file's diagnostics only (not those of br-00120…br-00129).
    let file = "cases/2026/br-00012.toml";
    let (expected, count) = serial_text(&reg, Lang::Nb, Some(file));
    assert_eq!(count, 4);
    let out = reg
        .cmd_as("Test Person", &["check", file])
        .current_dir(reg.path())
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stderr).unwrap() == expected);
}

#[test]
fn thousands_of_diagnostics_in_json_are_the_pretty_printed_document() {
    #[derive(serde::Serialize)]
    struct CheckJson<'a> {
        errors: usize,
        warnings: usize,
        diagnostics: Vec<diag::DiagnosticRow<'a>>,
    }
    let reg = bulk_register(2300);
    let loaded = forlop::register::load(reg.path(), TODAY.parse().unwrap());
    let errors = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    for lang in [Lang::Nb, Lang::En] {
        let doc = CheckJson {
            errors,
            warnings: loaded.diagnostics.len() - errors,
            diagnostics: loaded
                .diagnostics
                .iter()
                .map(|d| diag::row(d, lang))
                .collect(),
        };
        let expected = format!("{}\n", serde_json::to_string_pretty(&doc).unwrap());
        let code = if lang == Lang::Nb { "nb" } else { "en" };
        let out = reg.forlop_as(
            "Test Person",
            &["check", "--format", "json", "--lang", code],
        );
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8(out.stdout).unwrap() == expected, "{code}");
    }
    // A clean register: an empty list, as before.
    let clean = Reg::new(false);
    let out = clean.forlop_as("Test Person", &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "{\n  \"errors\": 0,\n  \"warnings\": 0,\n  \"diagnostics\": []\n}\n"
    );
}
