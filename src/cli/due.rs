//! `forlop due [--days N]` and `forlop overdue`: arguments, selection, view, renderer.

use clap::Args;

use super::{Ctx, Format};
use crate::render;
use crate::views::due::{Within, due};

#[derive(Args, Debug)]
pub struct DueArgs {
    /// Deadlines due within this many days (default: forlop.toml `warn_days`); overdue ones always
    #[arg(long, value_name = "N")]
    pub days: Option<u32>,
}

pub fn run(ctx: &mut Ctx, days: Option<u32>, overdue_only: bool) -> anyhow::Result<u8> {
    let command = if overdue_only { "overdue" } else { "due" };
    let format = ctx.format(command, &[Format::Table, Format::Json, Format::Csv])?;
    let reg = ctx.load_for_view(crate::register::Scope::Deadlines)?;
    let selection = ctx.select(reg, &[])?;
    let within = if overdue_only {
        Within::Overdue
    } else {
        days.map_or(Within::Soon, |n| Within::Days(i64::from(n)))
    };
    let rows = due(reg, &selection, ctx.today, within);
    let mut out = render::stdout();
    // The table says it in its body; JSON and CSV keep their shape and say it on stderr.
    match format {
        Format::Json | Format::Csv | Format::CsvExcel => ctx.problems_to_stderr(reg),
        _ => {
            use std::io::Write;
            out.write_all(render::problems::text(&reg.problems, ctx.lang, false).as_bytes())?;
        }
    }
    match format {
        Format::Json => render::json::escaped(&mut out, |out| {
            render::json::write_rows_warm(out, &rows, crate::views::due::DeadlineRow::touch)
        })?,
        Format::Csv | Format::CsvExcel => render::due::csv(&mut out, &rows, format.dialect())?,
        // Nothing to say: with --quiet, nothing at all (cron mails any output). A file the list
        // could not use is still something to say.
        _ if rows.is_empty() && ctx.global.quiet && reg.problems.is_empty() => {}
        _ => render::due::table(&mut out, &rows, ctx.lang, ctx.color_out, ctx.table_width())?,
    }
    render::finish(out)?;
    Ok(0)
}
