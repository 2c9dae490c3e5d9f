//! `forlop check [PATHS…]`: every problem in the register, the way a compiler reports them.

use std::path::PathBuf;

use clap::Args;
use rayon::prelude::*;

use super::{Ctx, Failure, Format};
use crate::diag::{self, Diagnostic, Severity};
use crate::i18n::Ui;
use crate::register::display_path;

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Report only on these files or folders (relative to the current directory); the whole
    /// register is still loaded for the rules across files
    pub paths: Vec<PathBuf>,
    /// Check the staged versions of changed files (as they will be committed): the pre-commit check
    #[arg(long, conflicts_with = "paths")]
    pub staged: bool,
}

/// Register-relative prefixes for the given paths.
fn prefixes(root: &std::path::Path, paths: &[PathBuf]) -> anyhow::Result<Vec<String>> {
    let root = root.canonicalize().map_err(|e| {
        Failure::work(Ui::Io {
            detail: e.to_string(),
        })
    })?;
    paths
        .iter()
        .map(|p| {
            let shown = p.display().to_string();
            let abs = p.canonicalize().map_err(|_| {
                Failure::work(Ui::PathNotFound {
                    path: shown.clone(),
                })
            })?;
            if !abs.starts_with(&root) {
                return Err(Failure::work(Ui::PathOutsideRegister { path: shown }));
            }
            Ok(display_path(&root, &abs))
        })
        .collect()
}

fn selected(d: &Diagnostic, prefixes: &[String]) -> bool {
    prefixes.is_empty()
        || prefixes.iter().any(|p| {
            p.is_empty()
                || d.file
                    .strip_prefix(p.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
}

pub fn run(ctx: &mut Ctx, args: CheckArgs) -> anyhow::Result<u8> {
    let format = ctx.format("check", &[Format::Text, Format::Json])?;
    if args.staged {
        return staged(ctx, format);
    }
    // Diagnostics do not depend on the scope (every file is parsed and checked either way), and
    // check shows no case: it keeps the fewest the loader offers (an output-heavy register's
    // open cases, slimmed to their deadlines) instead of every case whole.
    let reg = ctx.load_scoped(crate::register::Scope::Deadlines, true)?;
    let prefixes = prefixes(&reg.root, &args.paths)?;
    let diags: Vec<&Diagnostic> = reg
        .diagnostics
        .iter()
        .filter(|d| selected(d, &prefixes))
        .collect();
    let summary = |errors, warnings| {
        if errors + warnings == 0 {
            Ui::CheckClean {
                files: reg.files_read,
            }
        } else {
            Ui::CheckSummary {
                errors,
                warnings,
                files: reg.files_read,
            }
        }
    };
    let redact = reg.settings.redact && !ctx.global.show_identity;
    let root = reg.root.clone();
    // Under redaction, the identity values of a file with a diagnostic the loader did not mask
    // (a rule across files): read back (an error path).
    let identity = move |file: &str| -> Vec<String> {
        if !file.starts_with("cases/") {
            return Vec::new();
        }
        let path = root.join(file);
        crate::register::read_text(&path, file)
            .map(|t| crate::redact::identity_values_in_text(&t))
            .unwrap_or_default()
    };
    report(ctx, format, &diags, summary, redact.then_some(&identity))
}

/// Under redaction, for a file, the identity values to mask in what is shown of it.
type Identity<'a> = &'a (dyn Fn(&str) -> Vec<String> + Sync);

/// How many diagnostics one parallel task renders into one buffer.
const CHUNK: usize = 256;

/// Prints diagnostics (human on stderr, JSON on stdout) and gives the exit code.
fn report(
    ctx: &Ctx,
    format: Format,
    diags: &[&Diagnostic],
    summary: impl Fn(usize, usize) -> Ui,
    identity: Option<Identity<'_>>,
) -> anyhow::Result<u8> {
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
    let code = if errors > 0 { 1 } else { 0 };
    let lang = ctx.lang;
    if format == Format::Json {
        // JSON has no source lines: nothing of the file but the message, as for every register.
        // The document is `serde_json`'s pretty print of `{errors, warnings, diagnostics}`, its
        // rows made and serialized in parallel and written as they are.
        let rows: Vec<diag::DiagnosticRow<'_>> =
            diags.par_iter().map(|d| diag::row(d, lang)).collect();
        let written = (|| -> std::io::Result<()> {
            use std::io::Write;
            super::stdout_open()?;
            let mut out = crate::terminal::EscapeWriter::json(crate::render::stdout());
            write!(
                out,
                "{{\n  \"errors\": {errors},\n  \"warnings\": {warnings},\n  \"diagnostics\": "
            )?;
            crate::render::json::array(&mut out, &rows, 1)?;
            out.write_all(b"\n}\n")?;
            crate::render::finish(out.finish()?)
        })();
        // A reader that stops early (`| head`) does not turn errors into success.
        if let Err(e) = written
            && e.kind() != std::io::ErrorKind::BrokenPipe
        {
            return Err(e.into());
        }
    } else {
        let color = ctx.color;
        // Rendered in parallel chunks and written in order, never held whole (a register of
        // 100,000 stale cases prints 16 MB), through the one way to stderr (no control
        // character raw). A broken stderr is no reason to fail.
        let mut err = super::stderr();
        let _ = crate::render::par_write_in(
            &mut err,
            diags,
            CHUNK,
            // A file's identity values are read once for its run of diagnostics (they come
            // sorted by file), and only for a diagnostic that shows a source line the loader
            // did not mask already.
            || None::<(&str, Vec<String>)>,
            |out, cached, d| {
                let d: &Diagnostic = d;
                let mask = match identity {
                    Some(_) if d.line_mask != diag::LineMask::Unknown => Some(&[][..]),
                    Some(f) if d.loc.is_some() && d.source_line.is_some() => {
                        if cached.as_ref().is_none_or(|(file, _)| *file != d.file) {
                            *cached = Some((d.file.as_str(), f(&d.file)));
                        }
                        cached.as_ref().map(|(_, v)| v.as_slice())
                    }
                    _ => None,
                };
                diag::write_human(out, d, lang, color, mask);
                out.push('\n');
            },
        );
        let _ = err.finish();
        if !ctx.global.quiet {
            super::to_stderr(&format!("{}\n", summary(errors, warnings).text(lang)));
        }
    }
    Ok(code)
}
/// `check --staged`: the staged versions of the register's files, loaded with the rest of the
/// register by the same loader and checked by the same rules (across files too) as `check`;
/// the problems of the staged files are reported.
fn staged(ctx: &mut Ctx, format: Format) -> anyhow::Result<u8> {
    let root = ctx.root()?;
    let top = std::path::PathBuf::from(crate::git::toplevel(&root).map_err(Failure::git)?);
    let top = top.canonicalize().unwrap_or(top);
    let root_abs = root.canonicalize().unwrap_or_else(|_| root.clone());
    let prefix = display_path(&top, &root_abs);
    let relative = |path: &str| -> Option<String> {
        let rel = if prefix.is_empty() {
            path.to_string()
        } else {
            path.strip_prefix(&format!("{prefix}/"))?.to_string()
        };
        let in_cases = rel.starts_with("cases/") && rel.ends_with(".toml");
        let in_pathways =
            rel.starts_with("pathways/") && rel.ends_with(".toml") && rel.matches('/').count() == 1;
        (in_cases || in_pathways || rel == "forlop.toml" || rel == "team.toml").then_some(rel)
    };
    let mut overlay = crate::register::Overlay::default();
    for path in crate::git::staged(&top).map_err(Failure::git)? {
        let Some(rel) = relative(&path) else { continue };
        let text = crate::git::show(&top, "", &path).map_err(Failure::git)?;
        overlay.texts.insert(rel, text);
    }
    for path in crate::git::staged_deleted(&top).map_err(Failure::git)? {
        if let Some(rel) = relative(&path) {
            overlay.removed.insert(rel);
        }
    }
    let files = overlay.texts.len();
    let reg = crate::register::load_overlay(&root, ctx.today, &overlay);
    ctx.adopt_lang(&reg.settings);
    let diags: Vec<&Diagnostic> = reg
        .diagnostics
        .iter()
        .filter(|d| overlay.texts.contains_key(&d.file))
        .collect();
    let redact = reg.settings.redact && !ctx.global.show_identity;
    let identity = |file: &str| -> Vec<String> {
        match overlay.texts.get(file) {
            Some(text) if file.starts_with("cases/") => {
                crate::redact::identity_values_in_text(text)
            }
            _ => Vec::new(),
        }
    };
    let summary = |errors, warnings| {
        if errors + warnings == 0 {
            Ui::StagedClean { files }
        } else {
            Ui::CheckSummary {
                errors,
                warnings,
                files,
            }
        }
    };
    report(ctx, format, &diags, summary, redact.then_some(&identity))
}
