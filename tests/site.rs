//! `forlop site DIR`: the pages on the example register, their links, redaction, escaping, and
//! the atomic replacement of the folder.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::util::*;

fn site(reg: &Path, dir: &Path, extra: &[&str]) -> std::process::Output {
    forlop()
        .arg("site")
        .arg(dir)
        .args(extra)
        .args(["--today", TODAY, "--register"])
        .arg(reg)
        .output()
        .unwrap()
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Every file of the site: name → text.
fn files(dir: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect();
    out.sort();
    out
}

/// The followed cases, as `status --format json` lists them.
fn followed(reg: &Path) -> BTreeSet<String> {
    let out = forlop()
        .args(["status", "--format", "json", "--today", TODAY, "--register"])
        .arg(reg)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|c| c["case"].as_str().unwrap().to_string())
        .collect()
}

/// Every `href="…"` of a page.
fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_string())
        .collect()
}

fn example_site() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("site");
    let out = site(&project("examples/onkologi"), &dir, &[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (tmp, dir)
}

#[test]
fn one_page_per_followed_case_and_the_board_links_them_all() {
    let (_tmp, dir) = example_site();
    let cases = followed(&project("examples/onkologi"));
    assert!(cases.len() >= 5, "{cases:?}");
    let names: BTreeSet<String> = files(&dir).into_iter().map(|(n, _)| n).collect();
    let mut expected: BTreeSet<String> = cases.iter().map(|c| format!("{c}.html")).collect();
    for page in [
        "index.html",
        "pathways.html",
        "report.html",
        "stats.html",
        ".forlop-site",
    ] {
        expected.insert(page.to_string());
    }
    assert_eq!(names, expected);
    let board = read(&dir, "index.html");
    for c in &cases {
        assert!(
            board.contains(&format!("href=\"{c}.html\"")),
            "{c} not on the board"
        );
    }
    // Most urgent first: lu-0077 (12 days overdue) before te-0139 (2 days) in Siri's group.
    let lu = board.find("lu-0077.html").unwrap();
    let te = board.find("te-0139.html").unwrap();
    assert!(lu < te);
    assert!(board.contains("class=\"overdue\""));
    assert!(board.contains("12 dager på overtid"));
    assert!(board.contains("Siri Solberg (ssol)"));
    let by_pathway = read(&dir, "pathways.html");
    assert!(by_pathway.contains("Pakkeforløp for tykk- og endetarmskreft"));
}

#[test]
fn every_link_resolves_and_nothing_is_fetched_from_elsewhere() {
    let (_tmp, dir) = example_site();
    for (name, html) in files(&dir) {
        if name.starts_with('.') {
            continue;
        }
        assert!(html.starts_with("<!DOCTYPE html>"), "{name}");
        for link in links(&html) {
            let file = link.split('#').next().unwrap();
            assert!(
                !file.is_empty() && dir.join(file).is_file(),
                "{name}: link {link} does not resolve"
            );
        }
        // The SVG namespace name is an identifier, not something fetched.
        let lower = html
            .replace("xmlns=\"http://www.w3.org/2000/svg\"", "")
            .to_lowercase();
        for external in ["http:", "https:", "src=", "url(", "@import", "//"] {
            assert!(!lower.contains(external), "{name} has `{external}`");
        }
    }
}

#[test]
fn a_case_page_draws_the_timeline_and_carries_the_handover_tables() {
    let (_tmp, dir) = example_site();
    let page = read(&dir, "te-0139.html");
    assert!(page.contains("<svg"));
    assert!(page.contains("te-0139 · K.H. · tykk-og-endetarmskreft"));
    // Standard times as bars with their state, today's line, the MDT meeting ahead.
    assert!(page.contains(">OF2<") || page.contains(">OF2 "), "{page}");
    assert!(page.contains("2 dager på overtid"));
    assert!(page.contains(">i dag<"));
    assert!(page.contains("Operabel? Behov for neoadjuvant behandling?"));
    for heading in [
        "Hendelser",
        "Forløpstider",
        "Åpne oppgaver",
        "MDT-møter",
        "Siste notater",
    ] {
        assert!(page.contains(&format!("<h2>{heading}</h2>")), "{heading}");
    }
    assert!(page.contains("A12B"));
    // Met and missed standard times of a case further on.
    let page = read(&dir, "te-0131.html");
    assert!(page.contains("class=\"met\"") && page.contains("class=\"missed\""));
}

#[test]
fn report_and_statistics_pages_are_linked_from_every_page() {
    let (_tmp, dir) = example_site();
    let report = read(&dir, "report.html");
    assert!(report.contains("Morgenrapport – Onkologisk seksjon"));
    assert!(report.contains("<svg"));
    assert!(report.contains("<td><a href=\"lu-0077.html\">lu-0077</a></td>"));
    let stats = read(&dir, "stats.html");
    assert!(stats.contains("Per forløp") && stats.contains("Per tertial"));
    assert!(stats.contains("2026-T3"));
    assert!(stats.contains("<svg"));
    for name in ["index.html", "te-0142.html", "report.html", "stats.html"] {
        let page = read(&dir, name);
        assert!(page.contains("href=\"report.html\"") && page.contains("href=\"stats.html\""));
        assert!(page.contains("href=\"index.html\""));
    }
}

/// Every `[patient]` name and fødselsnummer of the example register.
fn identities() -> Vec<String> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(project("examples/onkologi/cases")) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let value: toml::Table = std::fs::read_to_string(entry.path())
            .unwrap()
            .parse()
            .unwrap();
        if let Some(p) = value.get("patient").and_then(|p| p.as_table()) {
            for key in ["name", "fnr"] {
                if let Some(v) = p.get(key).and_then(|v| v.as_str()) {
                    out.push(v.to_string());
                }
            }
        }
    }
    out
}

#[test]
fn redaction_holds_on_every_page_and_show_identity_lifts_it() {
    let (tmp, dir) = example_site();
    let ids = identities();
    assert!(ids.len() > 20);
    for (name, html) in files(&dir) {
        for id in &ids {
            assert!(!html.contains(id.as_str()), "{name} shows {id}");
        }
    }
    assert!(read(&dir, "te-0142.html").contains("O.N."));
    let open = tmp.path().join("open");
    let out = site(&project("examples/onkologi"), &open, &["--show-identity"]);
    assert_eq!(out.status.code(), Some(0));
    let page = read(&open, "te-0142.html");
    assert!(page.contains("Ola Nordmann") && page.contains("14835810004"));
    assert!(!read(&open, "index.html").contains("Pasientene vises med initialer"));
}

#[test]
fn hostile_text_is_escaped_and_control_characters_never_pass() {
    let reg = tempfile::tempdir().unwrap();
    copy_dir(&project("examples/onkologi"), reg.path());
    let file = reg.path().join("cases/2026/te-0142.toml");
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str(
        "\n[[note]]\ndate = 2026-11-22\ntext = \"<script>alert('x')</script> \\u001b[31mrødt & \\\"sitat\\\"\"\n\n[[mdt]]\ndate = 2026-12-01\nquestion = \"<img src=x onerror=alert(1)>\"\n",
    );
    std::fs::write(&file, text).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("site");
    let out = site(reg.path(), &dir, &[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = read(&dir, "te-0142.html");
    assert!(
        page.contains("&lt;script&gt;alert('x')&lt;/script&gt;"),
        "{page}"
    );
    assert!(!page.contains("<script>alert"));
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!page.contains("<img"));
    assert!(!page.contains('\u{1b}'));
    assert!(page.contains("\\u{1b}[31mrødt &amp; &quot;sitat&quot;"));
}

#[test]
fn english_with_lang_en() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("site");
    let out = site(&project("examples/onkologi"), &dir, &["--lang", "en"]);
    assert_eq!(out.status.code(), Some(0));
    let board = read(&dir, "index.html");
    assert!(board.contains("<html lang=\"en\">"));
    assert!(board.contains(">Board<") && board.contains("12 days overdue"));
    assert!(read(&dir, "te-0139.html").contains(">today<"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the site was written to"));
}

#[test]
fn the_folder_is_replaced_whole_and_closed_cases_disappear() {
    let reg = tempfile::tempdir().unwrap();
    copy_dir(&project("examples/onkologi"), reg.path());
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("site");
    assert_eq!(site(reg.path(), &dir, &[]).status.code(), Some(0));
    assert!(dir.join("te-0142.html").is_file());
    let file = reg.path().join("cases/2026/te-0142.toml");
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str("\n[closed]\ndate = 2026-11-22\nreason = \"declined\"\n");
    std::fs::write(&file, text).unwrap();
    assert_eq!(site(reg.path(), &dir, &[]).status.code(), Some(0));
    assert!(
        !dir.join("te-0142.html").exists(),
        "the closed case's page stays"
    );
    assert!(!read(&dir, "index.html").contains("te-0142"));
    // Nothing left beside the site.
    let beside: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(beside, ["site"]);
}

#[test]
fn refuses_a_folder_inside_the_register_or_one_it_did_not_make() {
    let reg = tempfile::tempdir().unwrap();
    copy_dir(&project("examples/onkologi"), reg.path());
    let out = site(reg.path(), &reg.path().join("site"), &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ligger inne i registeret"), "{err}");
    assert!(!reg.path().join("site").exists());

    let tmp = tempfile::tempdir().unwrap();
    let mine = tmp.path().join("mine");
    std::fs::create_dir(&mine).unwrap();
    std::fs::write(mine.join("thesis.txt"), "keep").unwrap();
    let out = site(reg.path(), &mine, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ikke et nettsted laget av forlop"));
    assert_eq!(
        std::fs::read_to_string(mine.join("thesis.txt")).unwrap(),
        "keep"
    );

    let out = site(reg.path(), &tmp.path().join("site"), &["--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_board_names_files_with_errors_on_top() {
    let reg = tempfile::tempdir().unwrap();
    copy_dir(&project("examples/onkologi"), reg.path());
    std::fs::write(
        reg.path().join("cases/2026/xx-0001.toml"),
        "id = \"xx-0001\"\npathway = \"tykk-og-endetarmskreft\"\ncoordinater = \"ssol\"\n",
    )
    .unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("site");
    let out = site(reg.path(), &dir, &[]);
    assert_eq!(out.status.code(), Some(0));
    let board = read(&dir, "index.html");
    let problems = board
        .find("class=\"problems\"")
        .expect("a problems section");
    let first_group = board.find("class=\"group\"").unwrap();
    assert!(problems < first_group);
    assert!(board.contains("cases/2026/xx-0001.toml"));
    // Without errors there is no such section.
    let (_t, clean) = example_site();
    assert!(!read(&clean, "index.html").contains("class=\"problems\""));
}

#[test]
fn cases_in_follow_up_stay_on_the_board_and_keep_their_page() {
    let reg = tempfile::tempdir().unwrap();
    copy_dir(&project("examples/onkologi"), reg.path());
    let file = reg.path().join("cases/2026/te-0131.toml");
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str("\n[[event]]\nmilestone = \"treatment\"\ndate = 2026-11-20\n");
    std::fs::write(&file, text).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("site");
    assert_eq!(site(reg.path(), &dir, &[]).status.code(), Some(0));
    let board = read(&dir, "index.html");
    let row = &board[board.find("href=\"te-0131.html\"").unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains("i oppfølging"), "{row}");
    assert!(read(&dir, "te-0131.html").contains("(NPR A12) · i oppfølging"));
}

/// Two case files with the same id (a copy left in another year's folder): the site is still
/// written, with one page for the id, and the board names the file with the duplicate on top.
#[test]
fn two_files_with_one_case_id_still_make_the_site_with_one_page_for_it() {
    let reg = tempfile::tempdir().unwrap();
    copy_dir(&project("examples/onkologi"), reg.path());
    let original = reg.path().join("cases/2026/te-0131.toml");
    std::fs::create_dir_all(reg.path().join("cases/2025")).unwrap();
    std::fs::copy(&original, reg.path().join("cases/2025/te-0131.toml")).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("site");
    let out = site(reg.path(), &dir, &[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(read(&dir, "te-0131.html").contains("te-0131"));
    let board = read(&dir, "index.html");
    let problems = board
        .find("class=\"problems\"")
        .expect("a problems section");
    assert!(
        board[problems..].contains("cases/2026/te-0131.toml"),
        "the later file is named"
    );
}
