//! The documentation that is generated: the error catalogue, from the fixtures of every check
//! rule. `FORLOP_UPDATE_DOCS=1 cargo test docs` rewrites it.

use std::path::Path;

use crate::util::*;

/// Every fixture file of the error register, in a stable order.
fn fixtures(root: &Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "toml"))
        .map(|e| {
            e.path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .filter(|f| f.starts_with("cases/") || f.starts_with("pathways/"))
        .collect();
    files.sort();
    files
}

fn catalogue() -> String {
    let root = project("tests/fixtures/invalid");
    let mut doc = String::from(
        "# Feilkatalog\n\n\
         Hva hver melding fra `forlop check` betyr, med et eksempel på fila som gir den.\n\
         Generert fra testfixturene i `tests/fixtures/invalid/`: hver fil planter feilene som\n\
         kommentarene `# expect:` i den annonserer (på engelsk, som testene kjører), og\n\
         under fila står det `forlop check` sier om den. Oppdateres med\n\
         `FORLOP_UPDATE_DOCS=1 cargo test docs`.\n\n\
         Meldingene står på bokmål; med `--lang en` kommer de på engelsk. Hver melding har\n\
         fil:linje:kolonne, linja det gjelder, en markør under stedet og et tips om hva som retter den,\n\
         og til slutt en fast kode i hakeparentes (`[F1001]`) som ikke endres mellom versjoner.\n",
    );
    // code → the fixture files that give it, for the index at the top.
    let mut index: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    let mut sections = String::new();
    for file in fixtures(&root) {
        let text = String::from_utf8_lossy(&std::fs::read(root.join(&file)).unwrap()).into_owned();
        // The file as it is, with line numbers to match the messages.
        let source: String = text
            .replace(['\u{feff}', '\r'], "")
            .lines()
            .enumerate()
            .map(|(n, l)| format!("{:>3} │ {l}\n", n + 1))
            .collect();
        let out = forlop()
            .current_dir(&root)
            .args(["check", "--quiet", "--today", TODAY, &file])
            .output()
            .unwrap();
        let said = String::from_utf8(out.stderr).unwrap();
        if said.trim().is_empty() {
            continue; // a fixture that shows what is allowed
        }
        let mut codes: Vec<String> = said
            .lines()
            .filter(|l| !l.starts_with(' '))
            .filter_map(|l| split_code(l).1.map(str::to_string))
            .collect();
        codes.sort();
        codes.dedup();
        for c in &codes {
            index.entry(c.clone()).or_default().push(file.clone());
        }
        sections.push_str(&format!(
            "\n## `{file}` ({})\n\n```text\n{source}```\n\n```text\n{}\n```\n",
            codes.join(", "),
            said.trim_end_matches('\n')
        ));
    }
    doc.push_str("\n## Kodene\n\n| kode | filer som gir den |\n| --- | --- |\n");
    for (code, files) in &index {
        let files: Vec<String> = files.iter().map(|f| format!("`{f}`")).collect();
        doc.push_str(&format!("| {code} | {} |\n", files.join(", ")));
    }
    doc.push_str(&sections);
    doc
}

#[test]
fn the_error_catalogue_is_up_to_date() {
    let path = project("docs/feilkatalog.md");
    let fresh = catalogue();
    if std::env::var_os("FORLOP_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        stored == fresh,
        "docs/feilkatalog.md is out of date: run `FORLOP_UPDATE_DOCS=1 cargo test docs`"
    );
    // Every rule with a fixture is in it.
    for needle in [
        "ukjent nøkkel",
        "feil kontrollsiffer",
        "går i ring",
        "finnes også i",
        "etter i dag",
    ] {
        assert!(fresh.contains(needle), "{needle}");
    }
}

#[test]
fn the_readme_names_every_module() {
    let readme = std::fs::read_to_string(project("README.md")).unwrap();
    let start = readme.find("## Where things are").expect("the section");
    let section = &readme[start..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |i| i + 3)];
    let src = project("src");
    let mut missing = Vec::new();
    for entry in walkdir::WalkDir::new(&src).min_depth(1) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(&src).unwrap();
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let named = match (parts.as_slice(), entry.file_type().is_dir()) {
            ([dir], true) => section.contains(&format!("src/{dir}/")),
            ([file], false) => section.contains(&format!("src/{file}")),
            ([_, .., file], false) if file == "mod.rs" => true,
            ([_, .., file], false) => section.contains(file.as_str()),
            _ => true,
        };
        if !named {
            missing.push(format!("src/{}", parts.join("/")));
        }
    }
    assert!(
        missing.is_empty(),
        "README.md's \"Where things are\" does not name: {missing:?}"
    );
}

#[test]
fn no_file_refers_outside_the_repository() {
    // The folder beside the project that it was specified from; spelt in pieces so that this
    // test does not name it itself.
    let outside = ["..", "shared"].join("/");
    let out = std::process::Command::new("git")
        .args(["grep", "-l", "-I", "-F", "--", &outside])
        .current_dir(project("."))
        .output()
        .unwrap();
    let files = String::from_utf8_lossy(&out.stdout);
    let files: Vec<&str> = files.lines().collect();
    assert!(
        files.is_empty(),
        "these files refer to the specification folder outside the repository: {files:?}"
    );
}

/// The views are the JSON contract and what every renderer reads: their public types name
/// their parts (no anonymous tuples in a public field or a public function's result).
#[test]
fn the_views_have_no_anonymous_tuples_in_public_types() {
    let dir = project("src/views");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in code.lines().enumerate() {
            let line = line.trim();
            let public = line.starts_with("pub ") && !line.starts_with("pub use");
            let tuple = [
                "-> (",
                "-> Vec<(",
                "-> Option<(",
                ": (",
                ": Vec<(",
                ": Option<(",
            ]
            .iter()
            .any(|t| line.contains(t));
            if public && tuple {
                found.push(format!("{}:{}: {line}", path.display(), n + 1));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}
