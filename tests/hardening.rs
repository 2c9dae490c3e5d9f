//! Hostile input: nothing crashes, hangs, leaks another file's contents or hides the rest of the
//! register. A panic anywhere is a test failure.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Output;
use std::time::Duration;

use crate::util::*;

/// A panic (or the hook's internal-error line) in any output fails the test.
fn assert_no_panic(out: &Output) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("panicked") && !err.contains("internal error"),
        "{err}"
    );
    assert_ne!(out.status.code(), Some(101), "{err}");
    assert!(out.status.code().is_some(), "killed by a signal: {err}");
}

/// A register with one good case, plus whatever the test adds.
fn register() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("forlop.toml"), "name = \"Herdet\"\n").unwrap();
    std::fs::write(
        dir.path().join("team.toml"),
        "[[person]]\nid = \"ssol\"\nname = \"Siri Solberg\"\nrole = \"coordinator\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("cases")).unwrap();
    std::fs::write(
        dir.path().join("cases/sa-0001.toml"),
        "id = \"sa-0001\"\npathway = \"sarkom\"\ncoordinator = \"ssol\"\n\n[[event]]\nmilestone = \"referral\"\ndate = 2026-11-20\n",
    )
    .unwrap();
    dir
}

/// `check --format json`: diagnostics as (file, message), with a time limit.
fn check(reg: &Path) -> (Output, Vec<(String, String)>) {
    let out = forlop()
        .args([
            "check",
            "--format",
            "json",
            "--lang",
            "en",
            "--today",
            TODAY,
            "--register",
        ])
        .arg(reg)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert_no_panic(&out);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let list = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (out, list)
}

/// The good case is still seen whatever else is broken.
fn good_case_still_listed(reg: &Path) {
    let out = forlop()
        .args(["status", "--format", "json", "--today", TODAY, "--register"])
        .arg(reg)
        .output()
        .unwrap();
    assert_no_panic(&out);
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        rows.as_array()
            .unwrap()
            .iter()
            .any(|r| r["case"] == "sa-0001"),
        "{rows}"
    );
}

#[test]
fn binary_garbage_is_a_diagnostic() {
    let reg = register();
    // Deterministic bytes covering every value, invalid UTF-8 included.
    let bytes: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(reg.path().join("cases/garbage.toml"), bytes).unwrap();
    let (out, diags) = check(reg.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        diags,
        [(
            "cases/garbage.toml".to_string(),
            "the file is not UTF-8 text".to_string()
        )]
    );
    good_case_still_listed(reg.path());
}

#[test]
fn garbage_that_is_valid_utf8_is_a_syntax_error() {
    let reg = register();
    std::fs::write(
        reg.path().join("cases/tekst.toml"),
        "æøå ]]] {{{ \" \\u0000 ===\n\0\x01",
    )
    .unwrap();
    let (out, diags) = check(reg.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        diags
            .iter()
            .all(|(f, m)| f == "cases/tekst.toml" && m.starts_with("invalid TOML")),
        "{diags:?}"
    );
    good_case_still_listed(reg.path());
}

#[test]
fn a_20_mb_case_file_is_read_and_a_huge_one_refused() {
    let reg = register();
    let mut text = String::from("id = \"stor\"\npathway = \"sarkom\"\ncoordinator = \"ssol\"\n");
    let mut n = 0;
    while text.len() < 20 * 1024 * 1024 {
        text.push_str(&format!(
            "\n[[note]]\ndate = 2026-11-{:02}\ntext = \"Notat {n} {}\"\n",
            n % 28 + 1,
            "x".repeat(150)
        ));
        n += 1;
    }
    std::fs::write(reg.path().join("cases/stor.toml"), &text).unwrap();
    let (out, diags) = check(reg.path());
    assert_eq!(out.status.code(), Some(0), "{diags:?}");
    // A file past the limit is named and not read (a sparse file: no disk used).
    let huge = std::fs::File::create(reg.path().join("cases/enorm.toml")).unwrap();
    huge.set_len(forlop::register::MAX_FILE_BYTES + 1).unwrap();
    let (out, diags) = check(reg.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        diags,
        [(
            "cases/enorm.toml".to_string(),
            "the file is 32 MB, too large to be a case file; it was not read".to_string()
        )]
    );
}

#[test]
fn nesting_20000_levels_deep_does_not_overflow_the_stack() {
    let reg = register();
    let deep_array = format!(
        "id = \"dyp\"\npathway = \"sarkom\"\nx = {}{}\n",
        "[".repeat(20_000),
        "]".repeat(20_000)
    );
    let deep_table = format!(
        "id = \"dyp2\"\npathway = \"sarkom\"\nx = {}1{}\n",
        "{a=".repeat(20_000),
        "}".repeat(20_000)
    );
    std::fs::write(reg.path().join("cases/dyp.toml"), deep_array).unwrap();
    std::fs::write(reg.path().join("cases/dyp2.toml"), deep_table).unwrap();
    let (out, diags) = check(reg.path());
    assert_eq!(out.status.code(), Some(1));
    // The recursion limit is reported once per file; the parser's recovery keeps the rest of
    // each file, so its other problems (the unknown key `x`, no coordinator) are found too.
    let deep: Vec<_> = diags
        .iter()
        .filter(|(_, m)| m.contains("max recursion depth"))
        .collect();
    assert_eq!(deep.len(), 2, "{diags:?}");
    assert_eq!(diags.len(), 6, "{diags:?}");
    // The human form cuts the 40,000-character line to a readable window.
    let human = forlop()
        .args(["check", "--today", TODAY, "--register"])
        .arg(reg.path())
        .output()
        .unwrap();
    assert_no_panic(&human);
    assert!(
        String::from_utf8_lossy(&human.stderr)
            .lines()
            .all(|l| l.chars().count() < 200)
    );
    good_case_still_listed(reg.path());
}

#[test]
fn a_directory_named_like_a_case_file_is_walked() {
    let reg = register();
    std::fs::create_dir_all(reg.path().join("cases/x.toml")).unwrap();
    std::fs::write(
        reg.path().join("cases/x.toml/sa-0002.toml"),
        "id = \"sa-0002\"\npathway = \"sarkom\"\ncoordinator = \"ssol\"\n",
    )
    .unwrap();
    let (out, diags) = check(reg.path());
    assert_eq!(out.status.code(), Some(0), "{diags:?}");
    assert!(diags.is_empty());
}

#[test]
fn symlink_loops_are_not_followed() {
    let reg = register();
    std::os::unix::fs::symlink("..", reg.path().join("cases/loop")).unwrap();
    std::os::unix::fs::symlink("selv.toml", reg.path().join("cases/selv.toml")).unwrap();
    let (out, diags) = check(reg.path());
    assert_eq!(out.status.code(), Some(1));
    let mut files: Vec<&str> = diags.iter().map(|(f, _)| f.as_str()).collect();
    files.sort();
    assert_eq!(files, ["cases/loop", "cases/selv.toml"]);
    assert!(
        diags
            .iter()
            .all(|(_, m)| m == "symbolic link is not followed")
    );
    good_case_still_listed(reg.path());
}

#[test]
fn a_link_to_a_file_outside_is_never_read_or_printed() {
    let reg = register();
    let outside = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(
        outside.path(),
        "id = \"hemmelig\"\npathway = \"HEMMELIG-INNHOLD\"\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path(), reg.path().join("cases/lenke.toml")).unwrap();
    for args in [
        &["check"][..],
        &["status"],
        &["due"],
        &["report"],
        &["agenda"],
        &["export", "ics"],
    ] {
        let out = forlop()
            .args(args)
            .args(["--today", TODAY, "--register"])
            .arg(reg.path())
            .output()
            .unwrap();
        assert_no_panic(&out);
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!all.contains("HEMMELIG"), "{args:?}: {all}");
    }
    // forlop.toml itself as a link: refused, not followed.
    std::fs::remove_file(reg.path().join("forlop.toml")).unwrap();
    std::os::unix::fs::symlink(outside.path(), reg.path().join("forlop.toml")).unwrap();
    let (_, diags) = check(reg.path());
    assert!(
        diags.contains(&(
            "forlop.toml".to_string(),
            "symbolic link is not followed".to_string()
        )),
        "{diags:?}"
    );
}

#[test]
fn an_unreadable_file_is_named_and_the_rest_checked() {
    let reg = register();
    let secret = reg.path().join("cases/lukket.toml");
    std::fs::write(&secret, "id = \"lukket\"\npathway = \"sarkom\"\n").unwrap();
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads everything: run as `nobody` then (the register must be readable to it).
    let root = unsafe { libc::geteuid() } == 0;
    for dir in [reg.path().to_path_buf(), reg.path().join("cases")] {
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let mut cmd = if root {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(assert_cmd::cargo::cargo_bin("forlop"));
        c
    } else {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("forlop"))
    };
    cmd.args([
        "check",
        "--format",
        "json",
        "--lang",
        "en",
        "--today",
        TODAY,
        "--register",
    ])
    .arg(reg.path());
    let out = cmd
        .output()
        .expect("setpriv (util-linux) runs the check as another user");
    assert_no_panic(&out);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let diags = json["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1, "{json}");
    assert_eq!(diags[0]["file"], "cases/lukket.toml");
    assert_eq!(
        diags[0]["message"],
        "cannot read the file: permission denied"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn every_read_command_survives_a_hostile_register() {
    let reg = register();
    let r = reg.path();
    std::fs::write(r.join("cases/garbage.toml"), [0xff, 0xfe, 0x00, 0x9f]).unwrap();
    std::fs::write(r.join("cases/tom.toml"), "").unwrap();
    std::fs::write(
        r.join("cases/dyp.toml"),
        format!("id = \"dyp\"\nx = {}", "[".repeat(5000)),
    )
    .unwrap();
    std::fs::write(
        r.join("cases/halv.toml"),
        "id = \"halv\"\npathway = \"sarkom\"\n[[event]]\nmilestone = \"referral\"\n",
    )
    .unwrap();
    std::fs::write(
        r.join("cases/typer.toml"),
        "id = 7\npathway = [1]\n[patient]\nfnr = 12\n[[event]]\ndate = \"x\"\n",
    )
    .unwrap();
    std::fs::write(r.join("pathways.toml"), "").unwrap();
    std::fs::create_dir_all(r.join("pathways")).unwrap();
    std::fs::write(
        r.join("pathways/sarkom.toml"),
        "id = \"sarkom\"\nname = \"x\"\n[[milestone]]\nid = 3\n",
    )
    .unwrap();
    std::fs::write(r.join("team.toml"), "[[person]]\nid = \"Ø\"\n").unwrap();
    for args in [
        &["check"][..],
        &["status"],
        &["status", "sa-0001"],
        &["due"],
        &["overdue"],
        &["agenda", "--days", "30"],
        &["mdt"],
        &["handover", "sa-0001"],
        &["report", "--format", "html"],
        &["stats", "--by", "month"],
        &["export", "ics"],
        &["pathways"],
        &["pathways", "show", "sarkom"],
    ] {
        let out = forlop()
            .args(args)
            .args(["--today", TODAY, "--register"])
            .arg(r)
            .timeout(Duration::from_secs(30))
            .output()
            .unwrap();
        assert_no_panic(&out);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {:?}",
            out.status
        );
    }
}

/// Folders are walked in parallel and the paths sorted afterwards: the order must stay that of
/// a walk sorted by name at each level (`a/` before `a-b/`, although `-` sorts before `/` as a
/// byte). It decides which of two files with the same case id is the one reported.
#[test]
fn the_later_of_two_files_with_one_id_is_reported_in_walk_order() {
    let reg = register();
    let case = "id = \"sa-0009\"\npathway = \"sarkom\"\ncoordinator = \"ssol\"\n\n[[event]]\nmilestone = \"referral\"\ndate = 2026-11-20\n";
    for dir in ["cases/2026/a", "cases/2026/a-b", "cases/2025/deep/er"] {
        std::fs::create_dir_all(reg.path().join(dir)).unwrap();
    }
    std::fs::write(reg.path().join("cases/2026/a/sa-0009.toml"), case).unwrap();
    std::fs::write(reg.path().join("cases/2026/a-b/sa-0009.toml"), case).unwrap();
    // Deeper folders and files at every level are all found.
    std::fs::write(
        reg.path().join("cases/2025/deep/er/sa-0010.toml"),
        case.replace("0009", "0010"),
    )
    .unwrap();
    let (out, diags) = check(reg.path());
    assert_eq!(out.status.code(), Some(1), "{diags:?}");
    let dup: Vec<_> = diags
        .iter()
        .filter(|(_, m)| m.contains("sa-0009"))
        .map(|(f, m)| (f.as_str(), m.as_str()))
        .collect();
    assert_eq!(dup.len(), 1, "{diags:?}");
    assert_eq!(dup[0].0, "cases/2026/a-b/sa-0009.toml", "{diags:?}");
    assert!(dup[0].1.contains("cases/2026/a/sa-0009.toml"), "{diags:?}");
    let out = forlop()
        .args(["status", "--format", "json", "--today", TODAY, "--register"])
        .arg(reg.path())
        .output()
        .unwrap();
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["case"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"sa-0010") && ids.contains(&"sa-0001"),
        "{ids:?}"
    );
}
