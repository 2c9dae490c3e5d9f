//! `forlop agenda [--days N]`: arguments, selection, view, renderer.

use clap::Args;

use super::{Ctx, Format};
use crate::render;
use crate::views::agenda::agenda;

#[derive(Args, Debug)]
pub struct AgendaArgs {
    /// How many days from today (1 = today only)
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = super::parse_days)]
    pub days: u32,
}

pub fn run(ctx: &mut Ctx, args: AgendaArgs) -> anyhow::Result<u8> {
    let format = ctx.format(
        "agenda",
        &[Format::Table, Format::Markdown, Format::Json, Format::Csv],
    )?;
    // Only the agenda's days' appointments and MDT meetings are kept.
    let last = ctx.today + chrono::Days::new(u64::from(args.days.max(1) - 1));
    let reg = ctx.load_for_view(crate::register::Scope::Window(ctx.today, last))?;
    let selection = ctx.select(reg, &[])?;
    let a = agenda(reg, ctx.today, args.days, selection.redact, |c| {
        selection.admits(c)
    });
    let mut out = render::stdout();
    {
        use std::io::Write;
        let problems = &reg.problems;
        match format {
            Format::Csv | Format::CsvExcel => ctx.problems_to_stderr(reg),
            Format::Markdown => {
                out.write_all(render::problems::markdown(problems, ctx.lang).as_bytes())?
            }
            Format::Json => {}
            _ => out.write_all(render::problems::text(problems, ctx.lang, false).as_bytes())?,
        }
    }
    match format {
        Format::Json => render::json::escaped(&mut out, |out| {
            render::agenda::json(out, &a, &reg.problems, ctx.lang)
        })?,
        Format::Markdown => render::agenda::markdown(&mut out, &a, ctx.today, ctx.lang)?,
        Format::Csv | Format::CsvExcel => render::agenda::csv(&mut out, &a, format.dialect())?,
        _ => render::agenda::table(&mut out, &a, ctx.lang, ctx.color_out, ctx.table_width())?,
    }
    render::finish(out)?;
    Ok(0)
}
