//! `forlop init [DIR]` and `forlop hook install`.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::{Ctx, Failure};
use crate::i18n::{TeamUi, Ui};

#[derive(Args, Debug)]
pub struct InitArgs {
    /// Where to create the register (default: the current directory)
    pub dir: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct HookArgs {
    #[command(subcommand)]
    pub action: HookAction,
}

#[derive(Subcommand, Debug)]
pub enum HookAction {
    /// Install `forlop check --staged` as the repository's pre-commit hook
    Install,
}

const FORLOP_TOML: &str = r#"# Innstillinger for registeret. Alle nøkler er valgfrie.
# name = "Onkologisk seksjon, Eksempelsykehuset"   # vises i rapporter
# hospital = "Helse Eksempel HF"
# warn_days = 2          # en frist innen så mange arbeidsdager regnes som "snart"
# warn_in = "working-days"   # eller "calendar-days": tell warn_days i kalenderdager
# stale_days = 60        # en åpen sak uten aktivitet så lenge regnes som glemt
# target = 0.70          # andel pasienter innenfor forløpstid (nasjonalt mål 70 %)
# lang = "nb"            # nb eller en
# auto_commit = false    # true: hver skriving committes til git, som med --commit
# closed_days = [2026-12-24, 2026-12-31]   # dager seksjonen er stengt, i tillegg til helligdager

[report]
redact = true            # rapporter viser initialer og saks-id, aldri navn eller fødselsnummer
"#;

const TEAM_TOML: &str = r#"# Folk som saker kan vise til: koordinatorer, leger, sykepleiere, sekretærer og
# koordinatorer ved andre helseforetak. Fjern # foran eksemplet og fyll inn.
#
# [[person]]
# id = "ssol"                  # små bokstaver, sifre og bindestrek; brukes i sakene
# name = "Kari Nordmann"
# role = "coordinator"         # coordinator | doctor | nurse | secretary | external
# phone = "22 00 00 00"
# unit = "Kreftpoliklinikken"
# hospital = "Helse Eksempel HF"   # for koordinatorer ved andre HF
"#;

/// What `.gitignore` must hold: forlop's lock file and the temporary files of atomic writes.
const GITIGNORE: &[&str] = &[
    crate::edit::LOCK_FILE,
    crate::atomic::IGNORE_PATTERNS[0],
    crate::atomic::IGNORE_PATTERNS[1],
];

/// What `.gitattributes` must hold: case files go through forlop's merge driver.
const GITATTRIBUTES: &[&str] = &["cases/**/*.toml merge=forlop"];

/// The merge driver's command, as git runs it (through /bin/sh, placeholders quoted by git). Where
/// `forlop` is not on PATH, git's own line merge runs, so nothing is lost.
pub const MERGE_DRIVER: &str = "if command -v forlop >/dev/null 2>&1; then forlop merge-driver %O %A %B %P; else git merge-file -L ours -L base -L theirs %A %O %B; fi";

/// Marks a hook forlop wrote (this version or an older one), so it may be replaced.
const HOOK_MARKS: &[&str] = &["forlop init", "forlop hook install"];

/// Quotes `s` for /bin/sh: single quotes, with each `'` written as `'\''`.
pub fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// The hook's text: runs `forlop check --staged` from PATH on the register at `register_from_top`
/// (relative to the top of the work tree, where git runs hooks).
fn hook_text(register_from_top: &str, lang: crate::i18n::Lang) -> String {
    let missing = crate::i18n::Ui::Team(TeamUi::NotOnPath);
    let missing = format!(
        "forlop: {}; {}",
        missing.text(lang),
        missing.hint(lang).unwrap_or_default()
    );
    format!(
        "#!/bin/sh\n\
         # Installed by `forlop init`: refuses a commit whose staged register files have errors.\n\
         # It calls `forlop` from PATH, so moving or upgrading forlop keeps it working.\n\
         if ! command -v forlop >/dev/null 2>&1; then\n\
         \techo {} >&2\n\
         \texit 1\n\
         fi\n\
         exec forlop check --staged --quiet --register {}\n",
        sh_quote(&missing),
        sh_quote(register_from_top)
    )
}

fn io(e: std::io::Error) -> anyhow::Error {
    Failure::work(Ui::Io {
        detail: e.to_string(),
    })
}

/// Where the pre-commit hook goes.
fn hook_path(root: &Path) -> anyhow::Result<PathBuf> {
    let hooks =
        crate::git::git(root, &["rev-parse", "--git-path", "hooks"]).map_err(Failure::git)?;
    Ok(root.join(hooks.trim()).join("pre-commit"))
}

/// Installs the pre-commit hook for the register at `root`; gives the hook's path, or the
/// message why another hook was left alone.
fn install_hook(root: &Path, lang: crate::i18n::Lang) -> anyhow::Result<Result<PathBuf, TeamUi>> {
    let top = PathBuf::from(crate::git::toplevel(root).map_err(Failure::git)?);
    let path = hook_path(root)?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    if let Ok(existing) = std::fs::read_to_string(&path)
        && !HOOK_MARKS.iter().any(|m| existing.contains(m))
    {
        return Ok(Err(TeamUi::ForeignHook {
            path: path.display().to_string(),
        }));
    }
    let root_abs = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let top_abs = top.canonicalize().unwrap_or(top);
    let rel = crate::register::display_path(&top_abs, &root_abs);
    let rel = if rel.is_empty() { ".".to_string() } else { rel };
    crate::atomic::write(&path, hook_text(&rel, lang).as_bytes()).map_err(io)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755));
    }
    Ok(Ok(path))
}

/// Makes sure `file` holds every line of `lines`, appending the missing ones; gives whether it
/// changed the file.
fn ensure_lines(file: &Path, lines: &[&str]) -> anyhow::Result<bool> {
    let existing = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(io(e)),
    };
    let missing: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !existing.lines().any(|e| e.trim() == *l))
        .collect();
    if missing.is_empty() {
        return Ok(false);
    }
    let mut text = existing;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    for l in missing {
        text.push_str(l);
        text.push('\n');
    }
    crate::atomic::write(file, text.as_bytes()).map_err(io)?;
    Ok(true)
}

/// Sets a git config key in the clone unless it already has `value`.
fn config(root: &Path, key: &str, value: &str) -> anyhow::Result<()> {
    let current = crate::git::git(root, &["config", "--local", "--get", key]).unwrap_or_default();
    if current.trim_end_matches('\n') != value {
        crate::git::git(root, &["config", "--local", key, value]).map_err(Failure::git)?;
    }
    Ok(())
}

/// Whether an executable `forlop` is on PATH.
fn forlop_on_path() -> bool {
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|d| {
            let f = d.join("forlop");
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                f.metadata()
                    .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
            }
            #[cfg(not(unix))]
            {
                f.is_file()
            }
        })
    })
}

/// Sets up the clone at `root` for team work: hook, merge driver, `git pull` without rebase.
fn set_up_clone(ctx: &Ctx, root: &Path) -> anyhow::Result<()> {
    match install_hook(root, ctx.lang)? {
        Ok(_) => {}
        Err(foreign) => ctx.warn(&Ui::Team(foreign)),
    }
    config(
        root,
        "merge.forlop.name",
        "forlop: case files merged entry by entry",
    )?;
    config(root, "merge.forlop.driver", MERGE_DRIVER)?;
    // Plain `git pull` merges (never rebases) unless the user chose otherwise.
    if crate::git::git(root, &["config", "--get", "pull.rebase"]).is_err() {
        config(root, "pull.rebase", "false")?;
    }
    Ok(())
}

/// `forlop init [DIR]`: creates a register, or sets up an existing one (a fresh clone, or a
/// register made by an older forlop); safe to run again.
pub fn init(ctx: &mut Ctx, args: InitArgs) -> anyhow::Result<u8> {
    let dir = args.dir.unwrap_or_else(|| PathBuf::from("."));
    let shown = dir.display().to_string();
    let existing = dir.join("forlop.toml").exists();
    if existing {
        let settings = crate::register::load_context(&dir).settings;
        ctx.adopt_lang(&settings);
    }
    // The files this run made or completed, register-relative: what it commits.
    let mut made: Vec<&str> = Vec::new();
    if !existing {
        std::fs::create_dir_all(dir.join("cases")).map_err(io)?;
        std::fs::create_dir_all(dir.join("pathways")).map_err(io)?;
        crate::atomic::create_new(&dir.join("forlop.toml"), FORLOP_TOML.as_bytes()).map_err(io)?;
        made.push("forlop.toml");
        if !dir.join("team.toml").exists() {
            crate::atomic::create_new(&dir.join("team.toml"), TEAM_TOML.as_bytes()).map_err(io)?;
            made.push("team.toml");
        }
        for keep in ["cases/.gitkeep", "pathways/.gitkeep"] {
            if std::fs::write(dir.join(keep), "").is_ok() {
                made.push(keep);
            }
        }
    }
    if ensure_lines(&dir.join(".gitignore"), GITIGNORE)? {
        made.push(".gitignore");
    }
    if ensure_lines(&dir.join(".gitattributes"), GITATTRIBUTES)? {
        made.push(".gitattributes");
    }
    let repo = crate::git::repo_status(&dir);
    if let Err(e @ crate::git::GitError::Failed(_)) = repo {
        return Err(Failure::git(e));
    }
    if !crate::git::is_repo(&dir) && !matches!(repo, Err(crate::git::GitError::Missing)) {
        // Without git the register still works; writes then cannot use --commit.
        let _ = crate::git::git(&dir, &["init", "--quiet"]);
    }
    if crate::git::is_repo(&dir) {
        set_up_clone(ctx, &dir)?;
        // Commit what this run made, and what an earlier run made but could not commit.
        let ours = [
            "forlop.toml",
            "team.toml",
            ".gitignore",
            ".gitattributes",
            "cases/.gitkeep",
            "pathways/.gitkeep",
        ];
        let untracked = crate::git::git(
            &dir,
            &["ls-files", "--others", "--exclude-standard", "--"]
                .into_iter()
                .chain(ours)
                .collect::<Vec<_>>(),
        )
        .unwrap_or_default();
        let prefix = crate::git::git(&dir, &["rev-parse", "--show-prefix"]).unwrap_or_default();
        let prefix = prefix.trim();
        for f in untracked.lines() {
            let f = f.strip_prefix(prefix).unwrap_or(f);
            if let Some(o) = ours.iter().find(|o| **o == f)
                && !made.contains(o)
            {
                made.push(o);
            }
        }
        if !made.is_empty() {
            let files = made.join(", ");
            let commit = (|| {
                let mut add = vec!["add", "--"];
                add.extend(made.iter().copied());
                crate::git::git(&dir, &add)?;
                let mut commit = vec![
                    "commit",
                    "--quiet",
                    "--no-verify",
                    "-m",
                    "forlop init: register settings, merge driver for case files",
                    "--only",
                    "--",
                ];
                commit.extend(made.iter().copied());
                crate::git::git(&dir, &commit)?;
                crate::git::git(&dir, &["rev-parse", "--short", "HEAD"])
            })();
            match commit {
                Ok(hash) => {
                    if !ctx.global.quiet {
                        super::say(
                            &Ui::Team(TeamUi::InitCommitted {
                                commit: hash.trim().to_string(),
                                files,
                            })
                            .text(ctx.lang),
                        );
                    }
                }
                Err(e) => {
                    let detail = match e {
                        crate::git::GitError::Missing => Ui::GitMissing.text(ctx.lang),
                        crate::git::GitError::Failed(m) => m,
                    };
                    // Leave the files unstaged, as they were before the attempt.
                    let mut reset = vec!["reset", "--quiet", "--"];
                    reset.extend(made.iter().copied());
                    let _ = crate::git::git(&dir, &reset);
                    ctx.warn(&Ui::Team(TeamUi::InitNotCommitted { files, detail }));
                }
            }
        }
        if !forlop_on_path() {
            ctx.warn(&Ui::Team(TeamUi::NotOnPath));
        }
    }
    if !ctx.global.quiet {
        let ui = if existing {
            Ui::Team(TeamUi::CloneSetUp { dir: shown })
        } else {
            Ui::RegisterCreated { dir: shown }
        };
        super::say(&ui.text(ctx.lang));
        if let Some(h) = ui.hint(ctx.lang) {
            super::say(&format!("  {h}"));
        }
    }
    Ok(0)
}

pub fn hook(ctx: &mut Ctx, args: HookArgs) -> anyhow::Result<u8> {
    let HookAction::Install = args.action;
    let root = ctx.root()?;
    if !crate::git::is_repo(&root) {
        return Err(Failure::work(Ui::NotARepo));
    }
    let path = match install_hook(&root, ctx.lang)? {
        Ok(path) => path,
        Err(TeamUi::ForeignHook { path }) => return Err(Failure::work(Ui::HookExists { path })),
        Err(other) => return Err(Failure::work(Ui::Team(other))),
    };
    if !ctx.global.quiet {
        super::say(
            &Ui::HookInstalled {
                path: path.display().to_string(),
            }
            .text(ctx.lang),
        );
    }
    Ok(0)
}
