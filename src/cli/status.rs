//! `forlop status [CASE…]`.

use clap::Args;

use super::{Ctx, Failure, Format, emit};
use crate::i18n::{Ui, Word};
use crate::register::Register;
use crate::render;
use crate::suggest::suggest;
use crate::views::status::{Filter, rows};

#[derive(Args, Debug)]
pub struct StatusArgs {
    /// Only these cases (shown also when closed or transferred)
    pub cases: Vec<String>,
}

/// Checks that named cases, `--coordinator` and `--pathway` exist (exit 1 with a hint).
pub fn validate_filter(
    reg: &Register,
    cases: &[String],
    coordinator: Option<&str>,
    pathway: Option<&str>,
) -> anyhow::Result<()> {
    for id in cases {
        if !reg.cases.iter().any(|c| &c.id.value == id) {
            let suggestion = suggest(id, reg.cases.iter().map(|c| c.id.value.as_str()));
            return Err(Failure::work(Ui::UnknownCase {
                id: id.clone(),
                suggestion,
            }));
        }
    }
    if let Some(c) = coordinator {
        let in_team = reg.team.as_ref().is_some_and(|t| t.get(c).is_some());
        let in_cases = reg
            .cases
            .iter()
            .any(|x| x.coordinator.as_ref().is_some_and(|y| y.value == c));
        if !in_team && !in_cases {
            let known = reg
                .team
                .iter()
                .flat_map(|t| t.people.iter().map(|p| p.id.value.as_str()));
            let suggestion = suggest(c, known);
            return Err(Failure::work(Ui::UnknownCoordinator {
                id: c.into(),
                suggestion,
            }));
        }
    }
    if let Some(p) = pathway {
        if reg.pathway(p).is_none() {
            let suggestion = suggest(p, reg.pathways.iter().map(|x| x.id.value.as_str()));
            return Err(Failure::work(Ui::UnknownPathway {
                id: p.into(),
                suggestion,
            }));
        }
    }
    Ok(())
}

pub fn run(ctx: &mut Ctx, args: StatusArgs) -> anyhow::Result<u8> {
    let format = ctx.format("status", &[Format::Table, Format::Json, Format::Csv])?;
    let reg = ctx.load_for_view()?;
    let coordinator = ctx.global.coordinator.as_deref();
    let pathway = ctx.global.pathway.as_deref();
    validate_filter(&reg, &args.cases, coordinator, pathway)?;
    let redact = reg.settings.redact && !ctx.global.show_identity;
    let filter = Filter {
        cases: &args.cases,
        coordinator,
        pathway,
    };
    let rows = rows(&reg, ctx.today, &filter, redact);
    let lang = ctx.lang;
    if format == Format::Json {
        let list: Vec<_> = rows
            .iter()
            .map(|r| {
                serde_json::json!({
                    "case": r.case, "patient": r.patient, "pathway": r.pathway,
                    "coordinator": r.coordinator,
                    "last_milestone": r.last.as_ref().map(|l| &l.0),
                    "last_date": r.last.as_ref().map(|l| l.1.to_string()),
                    "last_code": r.last.as_ref().and_then(|l| l.2.clone()),
                    "next_milestone": r.next,
                })
            })
            .collect();
        emit(&render::json(&serde_json::Value::Array(list)))?;
        return Ok(0);
    }
    let headers: Vec<String> = [
        Word::Case,
        Word::Patient,
        Word::Pathway,
        Word::Coordinator,
        Word::LastMilestone,
        Word::Date,
        Word::Npr,
        Word::NextMilestone,
    ]
    .iter()
    .map(|w| w.text(lang))
    .collect();
    let table_rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let (m, d, code) = match &r.last {
                Some((m, d, c)) => (m.clone(), d.to_string(), c.clone().unwrap_or_default()),
                None => ("–".into(), String::new(), String::new()),
            };
            vec![
                r.case.clone(),
                r.patient.clone(),
                r.pathway.clone(),
                r.coordinator.clone().unwrap_or_else(|| "–".into()),
                m,
                d,
                code,
                r.next.clone().unwrap_or_else(|| "–".into()),
            ]
        })
        .collect();
    let text = match format {
        Format::Csv => render::csv(&headers, &table_rows),
        _ if table_rows.is_empty() => format!("{}\n", Word::NoOpenCases.text(lang)),
        _ => render::table(&headers, &table_rows),
    };
    emit(&text)?;
    Ok(0)
}
