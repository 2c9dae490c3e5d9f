//! `forlop stats [--from D] [--to D] [--by …]`.

use clap::Args;

use super::{Ctx, Format, emit, parse_date};
use crate::i18n::{Lang, Word};
use crate::render;
use crate::views::stats::{By, StatRow, stats};

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

/// A number of days as JSON: an integer when whole, else a fraction (a median of two values).
pub fn days_json(d: f64) -> serde_json::Value {
    if d.fract() == 0.0 {
        serde_json::json!(d as i64)
    } else {
        serde_json::json!(d)
    }
}

/// A share as a person reads it: `72 %`.
pub fn percent(share: f64) -> String {
    format!("{:.0} %", share * 100.0)
}

/// The SPEC's JSON object of one row.
pub fn row_json(r: &StatRow) -> serde_json::Value {
    serde_json::json!({
        "group": r.group,
        "interval": r.interval,
        "cases": r.cases,
        "within": r.within,
        "share": r.share,
        "median_days": days_json(r.median_days),
        "p90_days": r.p90_days,
    })
}

/// The human rows: group, interval, measured, within, share, target, median, p90, note. Without
/// `group` (rows grouped by interval) the group column is left out.
pub fn table_rows(
    rows: &[StatRow],
    target: f64,
    lang: Lang,
    group: bool,
) -> (Vec<String>, Vec<Vec<String>>) {
    let mut headers: Vec<String> = [
        Word::Group,
        Word::IntervalShort,
        Word::MeasuredCount,
        Word::WithinCount,
        Word::Share,
        Word::Target,
        Word::Median,
        Word::P90,
        Word::Note,
    ]
    .iter()
    .map(|w| w.text(lang))
    .collect();
    if !group {
        headers.remove(0);
    }
    let body = rows
        .iter()
        .map(|r| {
            let mut note = Vec::new();
            if r.share < target {
                note.push(Word::BelowTarget.text(lang));
            }
            if r.unverified {
                note.push(crate::i18n::basis_note(
                    crate::schedule::Basis::Fixed,
                    true,
                    lang,
                ));
            }
            let mut row = vec![
                r.group.clone(),
                r.interval.clone(),
                r.cases.to_string(),
                r.within.to_string(),
                percent(r.share),
                percent(target),
                crate::i18n::decimal(r.median_days, 1, lang),
                r.p90_days.to_string(),
                note.join("; "),
            ];
            if !group {
                row.remove(0);
            }
            row
        })
        .collect();
    (headers, body)
}

pub fn run(ctx: &mut Ctx, args: StatsArgs) -> anyhow::Result<u8> {
    let format = ctx.format("stats", &[Format::Table, Format::Json, Format::Csv])?;
    // Measures in a period that starts at --from need only cases with events since then.
    let scope = args.from.map_or(
        crate::register::Scope::All,
        crate::register::Scope::OpenOrSince,
    );
    let reg = ctx.load_for_view(scope)?;
    let selection = ctx.select(reg, &[])?;
    let rows = stats(reg, ctx.today, args.from, args.to, args.by.into(), |c| {
        selection.admits(c)
    });
    let text = match format {
        Format::Json => render::json(&serde_json::Value::Array(
            rows.iter().map(row_json).collect(),
        )),
        Format::Csv => {
            let headers: Vec<String> = [
                "group",
                "interval",
                "cases",
                "within",
                "share",
                "median_days",
                "p90_days",
                "target",
            ]
            .map(String::from)
            .to_vec();
            let body: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    vec![
                        r.group.clone(),
                        r.interval.clone(),
                        r.cases.to_string(),
                        r.within.to_string(),
                        format!("{:.4}", r.share),
                        days_json(r.median_days).to_string(),
                        r.p90_days.to_string(),
                        reg.settings.target.to_string(),
                    ]
                })
                .collect();
            render::csv(&headers, &body)
        }
        _ if rows.is_empty() => format!("{}\n", Word::NoMeasures.text(ctx.lang)),
        _ => {
            // Grouped by interval, the group column names each row's pathway.
            let (headers, body) = table_rows(&rows, reg.settings.target, ctx.lang, true);
            render::table(&headers, &body)
        }
    };
    emit(&text)?;
    Ok(0)
}
