//! `forlop status [CASE…]`.

use clap::Args;

use super::{Ctx, Format, emit, emit_for};
use crate::i18n::Word;
use crate::model::Case;
use crate::register::{Register, Scope};
use crate::render;
use crate::views::status::rows;

#[derive(Args, Debug)]
pub struct StatusArgs {
    /// Only these cases (shown also when closed or transferred)
    pub cases: Vec<String>,
    /// Stale cases: open, nothing dated for `stale_days` and nothing booked (for a clean-up)
    #[arg(long, conflicts_with_all = ["cases", "care"])]
    pub stale: bool,
    /// For the coordinators' meeting: open cases whose individual plan is not assessed, and
    /// those without an answer on consent to contact the municipal cancer coordinator
    #[arg(long, conflicts_with = "cases")]
    pub care: bool,
}

pub fn run(ctx: &mut Ctx, args: StatusArgs) -> anyhow::Result<u8> {
    if args.stale || args.care {
        return lists(ctx, &args);
    }
    let format = ctx.format("status", &[Format::Table, Format::Json, Format::Csv])?;
    let scope = if args.cases.is_empty() {
        Scope::Deadlines
    } else {
        Scope::All
    };
    let reg = ctx.load_for_view(scope)?;
    unreadable_cases(reg, &args.cases, ctx)?;
    let selection = ctx.select(reg, &args.cases)?;
    if format == Format::Table && args.cases.len() == 1 {
        let case = reg
            .cases
            .iter()
            .find(|c| c.id.value == args.cases[0])
            .expect("validated");
        let detail = crate::views::status::detail(reg, case, ctx.today, selection.redact);
        emit(&render::status::detail(&detail, ctx.today, ctx.lang))?;
        return Ok(0);
    }
    let rows = rows(reg, ctx.today, &selection, &args.cases);
    let mut out = render::stdout();
    match format {
        Format::Json | Format::Csv | Format::CsvExcel => ctx.problems_to_stderr(reg),
        _ => {
            use std::io::Write;
            out.write_all(render::problems::text(&reg.problems, ctx.lang, false).as_bytes())?;
        }
    }
    match format {
        Format::Json => {
            render::json::escaped(&mut out, |out| render::json::write_rows(out, &rows))?
        }
        Format::Csv | Format::CsvExcel => render::status::csv(&mut out, &rows, format.dialect())?,
        _ => render::status::table(&mut out, &rows, ctx.lang, ctx.color_out, ctx.table_width())?,
    }
    render::finish(out)?;
    Ok(0)
}

/// A named case that could not be read as a case (no readable id or pathway, a file that cannot
/// be read) is not "no such case": its file's problem is the answer, with its place.
fn unreadable_cases(reg: &Register, cases: &[String], ctx: &Ctx) -> anyhow::Result<()> {
    for id in cases {
        if reg.keys.iter().any(|k| k.id.value == *id) {
            continue;
        }
        let stem_is = |file: &str| {
            std::path::Path::new(file)
                .file_stem()
                .is_some_and(|s| s.to_string_lossy() == id.as_str())
        };
        if let Some(p) = reg
            .problems
            .iter()
            .find(|p| p.file.starts_with("cases/") && stem_is(&p.file))
        {
            return Err(super::Failure::work(crate::i18n::Ui::CaseFileHasErrors {
                id: id.clone(),
                place: p.place(),
                message: p.msg.text(ctx.lang),
            }));
        }
    }
    Ok(())
}

/// `status --stale` and `status --care`: the cross-case lists of a clean-up or a coordinators'
/// meeting.
fn lists(ctx: &mut Ctx, args: &StatusArgs) -> anyhow::Result<u8> {
    use crate::views::status::{CareGap, care, stale};
    let format = ctx.format("status", &[Format::Table, Format::Json])?;
    let reg = ctx.load_for_view(Scope::Open)?;
    let selection = ctx.select(reg, &[])?;
    let lang = ctx.lang;
    let today = ctx.today;
    let keep = |c: &Case| selection.admits(c);
    let text = if args.stale {
        let rows = stale(reg, today, selection.redact, keep);
        if format == Format::Json {
            render::json(&serde_json::to_value(&rows)?)
        } else if rows.is_empty() {
            format!("{}\n", Word::NoStaleCases.text(lang))
        } else {
            let headers = [
                Word::LastActivity,
                Word::Case,
                Word::Patient,
                Word::Pathway,
                Word::Coordinator,
            ]
            .map(|w| w.text(lang));
            let body: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    vec![
                        r.last_activity.to_string(),
                        r.case.to_string(),
                        r.patient.to_string(),
                        r.pathway.to_string(),
                        r.coordinator.unwrap_or("–").to_string(),
                    ]
                })
                .collect();
            format!(
                "{} ({})\n{}",
                Word::StaleCases.text(lang),
                rows.len(),
                render::table(&headers, &body)
            )
        }
    } else {
        let rows = care(reg, today, selection.redact, keep);
        if format == Format::Json {
            render::json(&serde_json::to_value(&rows)?)
        } else {
            let headers =
                [Word::Case, Word::Patient, Word::Pathway, Word::Coordinator].map(|w| w.text(lang));
            let mut out = String::new();
            for (gap, title) in [
                (CareGap::IndividualPlanNotAssessed, Word::IpNotAssessed),
                (CareGap::ConsentUnanswered, Word::ConsentUnanswered),
            ] {
                let body: Vec<Vec<String>> = rows
                    .iter()
                    .filter(|r| r.gap == gap)
                    .map(|r| {
                        vec![
                            r.case.to_string(),
                            r.patient.to_string(),
                            r.pathway.to_string(),
                            r.coordinator.unwrap_or("–").to_string(),
                        ]
                    })
                    .collect();
                out.push_str(&format!("{} ({})\n", title.text(lang), body.len()));
                if body.is_empty() {
                    out.push_str(&format!(" {}\n", Word::NoneInList.text(lang)));
                } else {
                    out.push_str(&render::table(&headers, &body));
                }
                out.push('\n');
            }
            out
        }
    };
    emit_for(format, &text)?;
    Ok(0)
}
