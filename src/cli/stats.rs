//! `forlop stats [--from D] [--to D] [--by …]`.

use clap::Args;

use std::io::Write;

use super::{Ctx, Format, parse_date};
use crate::i18n::Word;
use crate::render;
use crate::views::stats::{By, stats};

#[derive(Args, Debug)]
pub struct StatsArgs {
    /// First day of the period (inclusive), by the date each interval ended
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub from: Option<chrono::NaiveDate>,
    /// Last day of the period (inclusive)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub to: Option<chrono::NaiveDate>,
    /// How to group the rows
    #[arg(long, value_enum, default_value_t = ByArg::Pathway)]
    pub by: ByArg,
}

/// `--by`: the command line's list, mapped to [`By`] at the edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ByArg {
    Pathway,
    Interval,
    Coordinator,
    Month,
    /// Four-month periods (Jan–Apr, May–Aug, Sep–Dec), as NPR publishes.
    Tertial,
}

impl From<ByArg> for By {
    fn from(b: ByArg) -> By {
        match b {
            ByArg::Pathway => By::Pathway,
            ByArg::Interval => By::Interval,
            ByArg::Coordinator => By::Coordinator,
            ByArg::Month => By::Month,
            ByArg::Tertial => By::Tertial,
        }
    }
}

pub fn run(ctx: &mut Ctx, args: StatsArgs) -> anyhow::Result<u8> {
    let format = ctx.format("stats", &[Format::Table, Format::Json, Format::Csv])?;
    // Measures in a period that starts at --from need only cases with events since then, and
    // of each case only what its standard times are measured from.
    let scope = crate::register::Scope::Measures(args.from);
    let reg = ctx.load_for_view(scope)?;
    let selection = ctx.select(reg, &[])?;
    let rows = stats(reg, ctx.today, args.from, args.to, args.by.into(), |c| {
        selection.admits(c)
    });
    let mut out = render::stdout();
    match format {
        Format::Json => {
            render::json::escaped(&mut out, |out| render::json::write_rows(out, &rows))?
        }
        Format::Csv | Format::CsvExcel => {
            render::stats::csv(&mut out, &rows, reg.settings.target, format.dialect())?
        }
        _ if rows.is_empty() => writeln!(out, "{}", Word::NoMeasures.text(ctx.lang))?,
        _ => {
            // Grouped by interval, the group column names each row's pathway.
            let (headers, body) =
                render::stats::table_rows(&rows, reg.settings.target, ctx.lang, true);
            out.write_all(render::table(&headers, &body).as_bytes())?;
            // A row that pools pathways with different limits says so, naming them.
            let notes = render::stats::mixed_limits_notes(&rows, ctx.lang);
            if !notes.is_empty() {
                writeln!(out)?;
                for note in notes {
                    writeln!(out, "{note}")?;
                }
            }
        }
    }
    render::finish(out)?;
    Ok(0)
}
