//! `forlop status [CASE…]`.

use clap::Args;

use chrono::NaiveDate;

use super::{Ctx, Format, emit};
use crate::i18n::{
    Lang, Word, basis_note, close_reason_name, days_left_text, days_text, treatment_name,
};
use crate::model::{CONTACT_RECEIVING, Case, Pathway, TimesStatus};
use crate::register::{Register, Scope};
use crate::render;
use crate::schedule::{CaseState, CaseView, IntervalState, IntervalStatus};
use crate::views::due::receiving_contact;
use crate::views::handover::{EventKind, EventLine, PersonRef, handover};
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
        emit(&detail(reg, case, ctx, selection.redact))?;
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
        Format::Json => render::json::write_rows(&mut out, &rows)?,
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
        if reg.keys.iter().any(|k| &k.id.value == id) {
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
    let state = h.pathway.map_or_else(
        || CaseState::without_pathway(case, today),
        |p| CaseView::new(case, p, today).state(),
    );
    facts.push(format!(
        "{}: {}",
        Word::StateCap.text(lang),
        match state {
            CaseState::InPathway => Word::InPathway,
            CaseState::FollowUp => Word::FollowUp,
            CaseState::Transferred => Word::Transferred,
            CaseState::Closed => Word::Closed,
        }
        .text(lang)
    ));
    if !facts.is_empty() {
        out.push_str(&facts.join(" · "));
        out.push('\n');
    }
    // The problems of this case's file and of its pathway's file, with their places.
    let pathway_file = format!("pathways/{}.toml", case.pathway.value);
    let own: Vec<crate::register::Problem> = reg
        .problems
        .iter()
        .filter(|p| p.file == case.file || p.file == pathway_file)
        .cloned()
        .collect();
    if !own.is_empty() {
        out.push('\n');
        out.push_str(render::problems::text(&own, lang, false).trim_end());
        out.push('\n');
    }
    let Some(pathway) = h.pathway else {
        return out;
    };
    if let Some(note) = &pathway.note {
        out.push_str(&format!("{}: {note}\n", Word::PathwayNote.text(lang)));
    }
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

    let planned = planned_rows(case, pathway, today, h.open, lang);
    if !planned.is_empty() {
        out.push_str(&format!("\n{}\n", Word::PlannedCap.text(lang)));
        let headers = [
            Word::Date,
            Word::Milestone,
            Word::Id,
            Word::Due,
            Word::State,
        ]
        .map(|w| w.text(lang));
        out.push_str(&render::table(&headers, &planned));
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
                let name = if t.id == CONTACT_RECEIVING {
                    let who = receiving_contact(reg, case, redact).unwrap_or_default();
                    format!("{}: {who}", Word::CallReceiving.text(lang))
                } else {
                    // An ad-hoc task's name is free text.
                    crate::views::redact_text(t.name, h.case, h.identity.is_none())
                };
                vec![
                    t.id.to_string(),
                    name,
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
            let state = if moved {
                // The standard time still counts for the hospital that started the pathway.
                Word::AtReceivingHospital.text(lang)
            } else if open {
                days_left_text((*due - today).num_days(), lang)
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

/// The appointments that are the planned date of a milestone, each against the deadline of
/// every running standard time that ends at that milestone: date, milestone, interval, due,
/// and whether the plan is within the deadline.
fn planned_rows(
    case: &Case,
    pathway: &Pathway,
    today: NaiveDate,
    open: bool,
    lang: Lang,
) -> Vec<Vec<String>> {
    let view = CaseView::new(case, pathway, today);
    let mut rows = Vec::new();
    for a in &case.appointments {
        let Some(m) = &a.milestone else { continue };
        let mut any = false;
        for st in view.intervals() {
            if st.interval.to.value != m.value {
                continue;
            }
            if let IntervalState::Open { due, .. } = st.state
                && open
            {
                any = true;
                let verdict = if a.date.value > due {
                    Word::AfterDeadline
                } else {
                    Word::WithinDeadline
                };
                rows.push(vec![
                    a.date.value.to_string(),
                    m.value.clone(),
                    st.interval.id.value.clone(),
                    due.to_string(),
                    verdict.text(lang),
                ]);
            }
        }
        if !any {
            rows.push(vec![
                a.date.value.to_string(),
                m.value.clone(),
                "–".into(),
                "–".into(),
                String::new(),
            ]);
        }
    }
    rows
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
    emit(&text)?;
    Ok(0)
}
