//! `forlop status [CASE…]`.

use clap::Args;

use chrono::NaiveDate;

use super::due::deadline_json;
use super::{Ctx, Failure, Format, emit};
use crate::i18n::{
    Lang, Ui, Word, basis_note, close_reason_name, days_left_text, days_text, treatment_name,
};
use crate::model::{Case, TimesStatus};
use crate::register::{Register, Scope};
use crate::render;
use crate::schedule::{CaseView, IntervalState, IntervalStatus, Urgency};
use crate::suggest::suggest;
use crate::views::handover::{EventKind, EventLine, PersonRef, handover};
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
        if !reg.keys.iter().any(|c| &c.id.value == id) {
            let suggestion = suggest(id, reg.keys.iter().map(|c| c.id.value.as_str()));
            return Err(Failure::work(Ui::UnknownCase {
                id: id.clone(),
                suggestion,
            }));
        }
    }
    if let Some(c) = coordinator {
        let in_team = reg.team.as_ref().is_some_and(|t| t.get(c).is_some());
        let in_cases = reg.keys.iter().any(|x| x.coordinator.as_deref() == Some(c));
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
    if let Some(p) = pathway
        && reg.pathway(p).is_none()
    {
        let suggestion = suggest(p, reg.pathways.iter().map(|x| x.id.value.as_str()));
        return Err(Failure::work(Ui::UnknownPathway {
            id: p.into(),
            suggestion,
        }));
    }
    Ok(())
}

pub fn run(ctx: &mut Ctx, args: StatusArgs) -> anyhow::Result<u8> {
    let format = ctx.format("status", &[Format::Table, Format::Json, Format::Csv])?;
    let scope = if args.cases.is_empty() {
        Scope::Open
    } else {
        Scope::All
    };
    let reg = ctx.load_for_view(scope)?;
    let coordinator = ctx.global.coordinator.as_deref();
    let pathway = ctx.global.pathway.as_deref();
    validate_filter(reg, &args.cases, coordinator, pathway)?;
    let redact = reg.settings.redact && !ctx.global.show_identity;
    if format == Format::Table && args.cases.len() == 1 {
        let case = reg
            .cases
            .iter()
            .find(|c| c.id.value == args.cases[0])
            .expect("validated");
        emit(&detail(reg, case, ctx, redact))?;
        return Ok(0);
    }
    let filter = Filter {
        cases: &args.cases,
        coordinator,
        pathway,
    };
    let rows = rows(reg, ctx.today, &filter, redact);
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
                    "next_deadline": r.deadline.as_ref().map(deadline_json),
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
        Word::NextDeadline,
        Word::Due,
        Word::DaysLeft,
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
            let (next_deadline, due, left) = match &r.deadline {
                Some(dl) => (
                    dl.id.clone(),
                    dl.due.to_string(),
                    days_left_text(dl.days_left, lang),
                ),
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
                next_deadline,
                due,
                left,
            ]
        })
        .collect();
    let text = match format {
        Format::Csv => csv(&rows),
        _ if table_rows.is_empty() => format!("{}\n", Word::NoOpenCases.text(lang)),
        _ => {
            let styles: Vec<Option<&str>> = rows
                .iter()
                .map(|r| {
                    let overdue = r
                        .deadline
                        .as_ref()
                        .is_some_and(|d| d.urgency == Urgency::Overdue);
                    (ctx.color_out && overdue).then_some(render::RED)
                })
                .collect();
            render::painted_table(&headers, &table_rows, &styles)
        }
    };
    emit(&text)?;
    Ok(0)
}

/// CSV: stable English keys and raw values (dates, numbers), like the JSON.
fn csv(rows: &[crate::views::status::StatusRow]) -> String {
    let headers: Vec<String> = [
        "case",
        "patient",
        "pathway",
        "coordinator",
        "last_milestone",
        "last_date",
        "last_code",
        "next_milestone",
        "next_deadline",
        "due",
        "days_left",
        "status",
    ]
    .map(String::from)
    .to_vec();
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let (m, d, code) = match &r.last {
                Some((m, d, c)) => (m.clone(), d.to_string(), c.clone().unwrap_or_default()),
                None => Default::default(),
            };
            let (id, due, left, status) = match &r.deadline {
                Some(dl) => (
                    dl.id.clone(),
                    dl.due.to_string(),
                    dl.days_left.to_string(),
                    dl.urgency.word().to_string(),
                ),
                None => Default::default(),
            };
            vec![
                r.case.clone(),
                r.patient.clone(),
                r.pathway.clone(),
                r.coordinator.clone().unwrap_or_default(),
                m,
                d,
                code,
                r.next.clone().unwrap_or_default(),
                id,
                due,
                left,
                status,
            ]
        })
        .collect();
    render::csv(&headers, &body)
}

/// One case in full: facts, timeline with NPR codes, each standard time, tasks.
fn detail(reg: &Register, case: &Case, ctx: &Ctx, redact: bool) -> String {
    let lang = ctx.lang;
    let today = ctx.today;
    let h = handover(reg, case, today, redact);
    let pathway_name = h
        .pathway
        .map(|p| format!(" ({})", p.name))
        .unwrap_or_default();
    let mut out = format!(
        "{} · {} · {}{pathway_name}\n",
        case.id.value, h.patient, case.pathway.value
    );
    let mut facts = Vec::new();
    let person = |p: &PersonRef| match &p.person {
        Some(person) => format!("{} ({})", person.name, p.id),
        None => p.id.clone(),
    };
    if let Some(c) = &h.coordinator {
        facts.push(format!("{}: {}", Word::Coordinator.text(lang), person(c)));
    }
    if let Some(d) = &h.doctor {
        facts.push(format!("{}: {}", Word::Doctor.text(lang), person(d)));
    }
    if let Some(t) = h.treatment {
        facts.push(format!(
            "{}: {}",
            Word::PlannedTreatment.text(lang),
            treatment_name(t, lang)
        ));
    }
    if let Some((date, reason)) = h.closed {
        facts.push(format!(
            "{} {date} ({})",
            Word::Closed.text(lang),
            close_reason_name(reason, lang)
        ));
    }
    if let Some((date, to, _)) = &h.transfer {
        facts.push(format!("{} {date} → {to}", Word::Transferred.text(lang)));
    }
    if !facts.is_empty() {
        out.push_str(&facts.join(" · "));
        out.push('\n');
    }
    let Some(pathway) = h.pathway else {
        return out;
    };
    out.push_str(&format!("\n{}\n", Word::Events.text(lang)));
    let headers = [Word::Date, Word::Milestone, Word::Npr, Word::Note].map(|w| w.text(lang));
    out.push_str(&render::table(&headers, &event_rows(&h.events, lang)));

    if !h.intervals.is_empty() {
        out.push_str(&format!("\n{}\n", Word::Intervals.text(lang)));
        let unverified = pathway.times == TimesStatus::Unverified;
        let rows: Vec<Vec<String>> = h
            .intervals
            .iter()
            .map(|st| interval_row(st, case, today, h.open, unverified, lang))
            .collect();
        let headers = [
            Word::Id,
            Word::From,
            Word::To,
            Word::Due,
            Word::Elapsed,
            Word::State,
            Word::Note,
        ]
        .map(|w| w.text(lang));
        out.push_str(&render::table(&headers, &rows));
    }

    let tasks = CaseView::new(case, pathway, today).tasks();
    if !tasks.is_empty() {
        out.push_str(&format!("\n{}\n", Word::Tasks.text(lang)));
        let rows: Vec<Vec<String>> = tasks
            .iter()
            .map(|t| {
                let state = match (t.done, t.due) {
                    (Some(d), _) => format!("{} {d}", Word::Done.text(lang)),
                    (None, Some(due)) if h.open => days_left_text((due - today).num_days(), lang),
                    (None, _) => Word::OpenTask.text(lang),
                };
                vec![
                    t.id.clone(),
                    t.name.clone(),
                    t.due.map(|d| d.to_string()).unwrap_or_else(|| "–".into()),
                    state,
                ]
            })
            .collect();
        let headers = [Word::Id, Word::Name, Word::Due, Word::State].map(|w| w.text(lang));
        out.push_str(&render::table(&headers, &rows));
    }
    out
}

/// Timeline rows: date, milestone (or transfer / early end), NPR code, note.
pub(super) fn event_rows(events: &[EventLine], lang: Lang) -> Vec<Vec<String>> {
    events
        .iter()
        .map(|e| {
            let what = match &e.kind {
                EventKind::Milestone(id) => id.clone(),
                EventKind::Transfer => Word::Transferred.text(lang),
                EventKind::EarlyEnd => Word::Closed.text(lang),
            };
            vec![
                e.date.to_string(),
                what,
                e.code
                    .clone()
                    .unwrap_or_else(|| Word::LocalMilestone.text(lang)),
                e.note.clone().unwrap_or_default(),
            ]
        })
        .collect()
}

pub(super) fn interval_row(
    st: &IntervalStatus<'_>,
    case: &Case,
    today: NaiveDate,
    open: bool,
    unverified: bool,
    lang: Lang,
) -> Vec<String> {
    let i = st.interval;
    let deviation = case
        .deviations
        .iter()
        .any(|d| d.interval.value == i.id.value);
    let mut note = Vec::new();
    let (due, elapsed, state) = match &st.state {
        IntervalState::NotStarted => ("–".into(), String::new(), Word::NotStarted.text(lang)),
        IntervalState::NotApplicable => ("–".into(), String::new(), Word::NotApplicable.text(lang)),
        IntervalState::Ended => ("–".into(), String::new(), Word::Ended.text(lang)),
        IntervalState::Open { due, basis, .. } => {
            note.push(basis_note(*basis, unverified, lang));
            let moved = case
                .transfer
                .as_ref()
                .is_some_and(|t| t.date.value <= today);
            let state = if open {
                days_left_text((*due - today).num_days(), lang)
            } else if moved {
                Word::Transferred.text(lang)
            } else {
                Word::Closed.text(lang)
            };
            (due.to_string(), String::new(), state)
        }
        IntervalState::Done(m) => {
            note.push(basis_note(m.basis, unverified, lang));
            let state = if m.within() { Word::Met } else { Word::Missed }.text(lang);
            (m.due.to_string(), days_text(m.elapsed, lang), state)
        }
    };
    if deviation {
        note.push(Word::DeviationRecorded.text(lang));
    }
    note.retain(|n| !n.is_empty());
    vec![
        i.id.value.clone(),
        i.from.value.clone(),
        i.to.value.clone(),
        due,
        elapsed,
        state,
        note.join("; "),
    ]
}
