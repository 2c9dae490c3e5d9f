//! `forlop report`: the morning report for cron, as text, Markdown, HTML or JSON.

use std::path::PathBuf;

use clap::Args;

use super::{Ctx, Failure, Format, emit};
use crate::i18n::{Ui, Word};
use crate::render;
use crate::views::report::report;

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// Write the report to FILE (atomically) instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit with code 3 when anything is overdue (for cron alerts)
    #[arg(long)]
    pub fail_on_overdue: bool,
}

pub fn run(ctx: &mut Ctx, args: ReportArgs) -> anyhow::Result<u8> {
    let format = ctx.format(
        "report",
        &[Format::Text, Format::Markdown, Format::Html, Format::Json],
    )?;
    // Everything the report shows is about open cases or events of the last four months.
    let since = ctx
        .today
        .checked_sub_months(chrono::Months::new(4))
        .unwrap_or(ctx.today);
    let reg = ctx.load_for_view(crate::register::Scope::OpenOrSince(since))?;
    let selection = ctx.select(reg, &[])?;
    let redact = selection.redact;
    let r = report(reg, ctx.today, redact, |c| selection.admits(c));
    let lang = ctx.lang;
    let text = match format {
        Format::Json => {
            let mut out = Vec::new();
            render::report::json(&mut out, &r)?;
            String::from_utf8_lossy(&out).into_owned()
        }
        Format::Markdown => render::report::markdown(&r, lang),
        Format::Html => render::html::report::html(&r, lang),
        _ => render::report::text(&r, lang),
    };
    match &args.output {
        Some(path) => {
            crate::atomic::write(path, text.as_bytes()).map_err(|e| {
                Failure::work(Ui::Io {
                    detail: format!("{}: {e}", path.display()),
                })
            })?;
            if !ctx.global.quiet {
                eprintln!("{} {}", Word::ReportWritten.text(lang), path.display());
            }
        }
        None => emit(&text)?,
    }
    Ok(if args.fail_on_overdue && r.any_overdue() {
        3
    } else {
        0
    })
}
