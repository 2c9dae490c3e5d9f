//! `forlop due [--days N]` and `forlop overdue`.

use clap::Args;

use super::status::validate_filter;
use super::{Ctx, Format, emit};
use crate::i18n::{Lang, Word, basis_note, days_left_text};
use crate::register::Register;
use crate::render;
use crate::schedule::{self, Deadline, Kind, Urgency};
use crate::views::{deadline_what, patient_label};

#[derive(Args, Debug)]
pub struct DueArgs {
    /// Deadlines due within this many days (default: forlop.toml `warn_days`); overdue ones always
    #[arg(long, value_name = "N")]
    pub days: Option<u32>,
}

/// The open deadlines of the register's cases that pass the global filters.
pub fn filtered_deadlines(ctx: &Ctx, reg: &Register) -> Vec<Deadline> {
    let coordinator = ctx.global.coordinator.as_deref();
    let pathway = ctx.global.pathway.as_deref();
    let cases = reg.cases.iter().filter(|c| {
        coordinator.is_none_or(|id| c.coordinator.as_ref().is_some_and(|x| x.value == id))
            && pathway.is_none_or(|p| c.pathway.value == p)
    });
    schedule::deadlines(cases, |id| reg.pathway(id), ctx.today, &reg.settings.warn())
}

/// A deadline as the SPEC's JSON object.
pub fn deadline_json(d: &Deadline) -> serde_json::Value {
    serde_json::json!({
        "case": d.case,
        "pathway": d.pathway,
        "kind": d.kind.word(),
        "id": d.id,
        "milestone": d.milestone,
        "due": d.due.to_string(),
        "days_left": d.days_left,
        "status": d.urgency.word(),
        "coordinator": d.coordinator,
    })
}

pub fn run(ctx: &mut Ctx, days: Option<u32>, overdue_only: bool) -> anyhow::Result<u8> {
    let command = if overdue_only { "overdue" } else { "due" };
    let format = ctx.format(command, &[Format::Table, Format::Json, Format::Csv])?;
    let reg = ctx.load_for_view(crate::register::Scope::Open)?;
    validate_filter(
        reg,
        &[],
        ctx.global.coordinator.as_deref(),
        ctx.global.pathway.as_deref(),
    )?;
    // Without --days: what is overdue or due soon (the warning window, counted as `warn_in`
    // says); with --days N: every deadline with days_left ≤ N calendar days.
    let within = days.map(i64::from);
    let list: Vec<Deadline> = filtered_deadlines(ctx, reg)
        .into_iter()
        .filter(|d| {
            if overdue_only {
                d.urgency == Urgency::Overdue
            } else {
                match within {
                    Some(n) => d.urgency == Urgency::Overdue || d.days_left <= n,
                    None => d.urgency != Urgency::Open,
                }
            }
        })
        .collect();
    let text = match format {
        Format::Json => render::json(&serde_json::Value::Array(
            list.iter().map(deadline_json).collect(),
        )),
        Format::Csv => {
            let headers: Vec<String> = [
                "case",
                "pathway",
                "kind",
                "id",
                "milestone",
                "due",
                "days_left",
                "status",
                "coordinator",
            ]
            .map(String::from)
            .to_vec();
            let rows: Vec<Vec<String>> = list
                .iter()
                .map(|d| {
                    vec![
                        d.case.clone(),
                        d.pathway.clone(),
                        d.kind.word().into(),
                        d.id.clone(),
                        d.milestone.clone().unwrap_or_default(),
                        d.due.to_string(),
                        d.days_left.to_string(),
                        d.urgency.word().into(),
                        d.coordinator.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            render::csv(&headers, &rows)
        }
        _ => table(
            &list,
            reg,
            ctx.lang,
            ctx.color_out,
            !ctx.global.show_identity && reg.settings.redact,
        ),
    };
    emit(&text)?;
    Ok(0)
}

/// The human table: most urgent first, overdue rows red on a terminal.
fn table(list: &[Deadline], reg: &Register, lang: Lang, color: bool, redact: bool) -> String {
    if list.is_empty() {
        return format!("{}\n", Word::NoDeadlines.text(lang));
    }
    let headers: Vec<String> = [
        Word::Due,
        Word::DaysLeft,
        Word::Case,
        Word::Patient,
        Word::Pathway,
        Word::What,
        Word::Milestone,
        Word::Coordinator,
        Word::Note,
    ]
    .iter()
    .map(|w| w.text(lang))
    .collect();
    let by_id: std::collections::HashMap<&str, &crate::model::Case> =
        reg.cases.iter().map(|c| (c.id.value.as_str(), c)).collect();
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|d| {
            let patient = by_id
                .get(d.case.as_str())
                .map(|c| patient_label(c, redact))
                .unwrap_or_default();
            vec![
                d.due.to_string(),
                days_left_text(d.days_left, lang),
                d.case.clone(),
                patient,
                d.pathway.clone(),
                deadline_what(d),
                match (d.kind, &d.milestone) {
                    (Kind::Task, Some(m)) => format!("{} {m}", Word::After.text(lang)),
                    (_, Some(m)) => m.clone(),
                    (_, None) => "–".into(),
                },
                d.coordinator.clone().unwrap_or_else(|| "–".into()),
                basis_note(d.why.basis, d.why.unverified, lang),
            ]
        })
        .collect();
    let styles: Vec<Option<&str>> = list
        .iter()
        .map(|d| (color && d.urgency == Urgency::Overdue).then_some(render::RED))
        .collect();
    render::painted_table(&headers, &rows, &styles)
}
