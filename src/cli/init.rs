//! `forlop init [DIR]` and `forlop hook install`.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::{Ctx, Failure};
use crate::i18n::Ui;

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
# warn_days = 2          # en frist innen så mange dager regnes som "snart"
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

const GITIGNORE: &str = ".forlop.lock\n.*.tmp\n.*.new\n";

/// The hook's text: runs this binary's `check --staged` on the register.
fn hook_text(register_from_top: &str) -> String {
    let exe = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| "forlop".into());
    format!(
        "#!/bin/sh\n# Installed by `forlop hook install`: refuses a commit whose staged register files have errors.\nexec \"{exe}\" check --staged --register \"{register_from_top}\"\n"
    )
}

/// Installs the pre-commit hook for the register at `root`; returns the hook's path.
fn install_hook(root: &Path) -> anyhow::Result<PathBuf> {
    let top = PathBuf::from(crate::git::toplevel(root).map_err(Failure::git)?);
    let hooks =
        crate::git::git(root, &["rev-parse", "--git-path", "hooks"]).map_err(Failure::git)?;
    let hooks = root.join(hooks.trim());
    std::fs::create_dir_all(&hooks).map_err(|e| {
        Failure::work(Ui::Io {
            detail: e.to_string(),
        })
    })?;
    let path = hooks.join("pre-commit");
    if let Ok(existing) = std::fs::read_to_string(&path)
        && !existing.contains("forlop hook install")
    {
        return Err(Failure::work(Ui::HookExists {
            path: path.display().to_string(),
        }));
    }
    let root_abs = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let top_abs = top.canonicalize().unwrap_or(top);
    let rel = crate::register::display_path(&top_abs, &root_abs);
    let rel = if rel.is_empty() { ".".to_string() } else { rel };
    crate::atomic::write(&path, hook_text(&rel).as_bytes()).map_err(|e| {
        Failure::work(Ui::Io {
            detail: e.to_string(),
        })
    })?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755));
    }
    Ok(path)
}

pub fn init(ctx: &mut Ctx, args: InitArgs) -> anyhow::Result<u8> {
    let dir = args.dir.unwrap_or_else(|| PathBuf::from("."));
    let shown = dir.display().to_string();
    if dir.join("forlop.toml").exists() {
        return Err(Failure::work(Ui::RegisterExists { dir: shown }));
    }
    let io = |e: std::io::Error| {
        Failure::work(Ui::Io {
            detail: e.to_string(),
        })
    };
    std::fs::create_dir_all(dir.join("cases")).map_err(io)?;
    std::fs::create_dir_all(dir.join("pathways")).map_err(io)?;
    crate::atomic::create_new(&dir.join("forlop.toml"), FORLOP_TOML.as_bytes()).map_err(io)?;
    if !dir.join("team.toml").exists() {
        crate::atomic::create_new(&dir.join("team.toml"), TEAM_TOML.as_bytes()).map_err(io)?;
    }
    for keep in ["cases/.gitkeep", "pathways/.gitkeep"] {
        let _ = std::fs::write(dir.join(keep), "");
    }
    if !dir.join(".gitignore").exists() {
        std::fs::write(dir.join(".gitignore"), GITIGNORE).map_err(io)?;
    }
    if !crate::git::is_repo(&dir) {
        // Without git the register still works; writes then cannot use --commit.
        let _ = crate::git::git(&dir, &["init", "--quiet"]);
    }
    if crate::git::is_repo(&dir) {
        let path = install_hook(&dir)?;
        if !ctx.global.quiet {
            eprintln!(
                "{}",
                Ui::HookInstalled {
                    path: path.display().to_string()
                }
                .text(ctx.lang)
            );
        }
    }
    if !ctx.global.quiet {
        let ui = Ui::RegisterCreated { dir: shown };
        eprintln!("{}", ui.text(ctx.lang));
        if let Some(h) = ui.hint(ctx.lang) {
            eprintln!("  {h}");
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
    let path = install_hook(&root)?;
    if !ctx.global.quiet {
        eprintln!(
            "{}",
            Ui::HookInstalled {
                path: path.display().to_string()
            }
            .text(ctx.lang)
        );
    }
    Ok(0)
}
