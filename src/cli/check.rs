//! `forlop check [PATHS…]`: every problem in the register, the way a compiler reports them.

use std::path::PathBuf;

use clap::Args;

use super::{Ctx, Failure, Format, emit};
use crate::diag::{self, Diagnostic, Severity};
use crate::i18n::Ui;
use crate::register::display_path;

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Report only on these files or folders (relative to the current directory); the whole
    /// register is still loaded for the rules across files
    pub paths: Vec<PathBuf>,
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
        || prefixes
            .iter()
            .any(|p| p.is_empty() || d.file == *p || d.file.starts_with(&format!("{p}/")))
}

pub fn run(ctx: &mut Ctx, args: CheckArgs) -> anyhow::Result<u8> {
    let format = ctx.format("check", &[Format::Text, Format::Json])?;
    let reg = ctx.load()?;
    let prefixes = prefixes(&reg.root, &args.paths)?;
    let diags: Vec<&Diagnostic> = reg
        .diagnostics
        .iter()
        .filter(|d| selected(d, &prefixes))
        .collect();
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
    if format == Format::Json {
        let list: Vec<_> = diags.iter().map(|d| diag::to_json(d, ctx.lang)).collect();
        let doc =
            serde_json::json!({ "errors": errors, "warnings": warnings, "diagnostics": list });
        emit(&format!("{}\n", serde_json::to_string_pretty(&doc)?))?;
    } else {
        let mut out = String::new();
        for d in &diags {
            out.push_str(&diag::render_human(d, ctx.lang, ctx.color));
            out.push('\n');
        }
        if !ctx.global.quiet {
            let summary = if diags.is_empty() {
                Ui::CheckClean {
                    files: reg.files_read,
                }
            } else {
                Ui::CheckSummary {
                    errors,
                    warnings,
                    files: reg.files_read,
                }
            };
            out.push_str(&summary.text(ctx.lang));
            out.push('\n');
        }
        eprint!("{out}");
    }
    Ok(if errors > 0 { 1 } else { 0 })
}
