//! `status`: the list of cases as a table or CSV (JSON is the rows themselves), and one case
//! in full (`status CASE`).

use std::io::{self, Write};

use super::Table;
use super::csv::{Csv, Dialect};
use super::table::OVERDUE;
use chrono::NaiveDate;

use crate::i18n::{Lang, Word, close_reason_name, days_left_text, treatment_name};
use crate::model::TimesStatus;
use crate::schedule::{CaseState, Urgency};
use crate::views::handover::PersonRef;
use crate::views::status::{CaseDetail, StatusRow};

/// The human table, most urgent first; rows with an overdue deadline painted when `color`.
pub fn table(
    out: &mut impl Write,
    rows: &[StatusRow<'_>],
    lang: Lang,
    color: bool,
    max_width: Option<usize>,
) -> io::Result<()> {
    if rows.is_empty() {
        return writeln!(out, "{}", Word::NoOpenCases.text(lang));
    }
    let headers = [
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
    .map(|w| w.text(lang));
    let t = Table::par_build(
        &headers,
        rows,
        || (),
        |t, _, r| {
            t.text(r.case);
            t.cell(r.patient);
            t.text(r.pathway);
            t.text(r.coordinator.unwrap_or("–"));
            t.text(r.last_milestone.unwrap_or("–"));
            match r.last_date {
                Some(d) => t.cell(d),
                None => t.text(""),
            };
            t.text(r.last_code.as_deref().unwrap_or(""));
            match (r.next_milestone, r.state) {
                (Some(m), _) => t.text(m),
                // No milestone to wait for: say why (after treatment, the coordinator still follows).
                (None, CaseState::FollowUp) => t.text(&Word::FollowUp.text(lang)),
                (None, CaseState::Transferred) => t.text(&Word::Transferred.text(lang)),
                (None, CaseState::Closed) => t.text(&Word::Closed.text(lang)),
                (None, CaseState::InPathway) => t.text("–"),
            };
            match &r.next_deadline {
                Some(d) => {
                    if d.why.unverified {
                        // The pathway's times are not verified: the list says so (SPEC §1).
                        let note =
                            crate::i18n::basis_note(crate::schedule::Basis::Fixed, true, lang);
                        t.cell(format_args!("{} ({note})", d.id));
                    } else {
                        t.text(d.id);
                    }
                    t.date(d.due);
                    t.text(&days_left_text(d.days_left, lang));
                }
                None => {
                    t.text("–");
                    t.text("");
                    t.text("");
                }
            }
            let overdue = r
                .next_deadline
                .as_ref()
                .is_some_and(|d| d.urgency == Urgency::Overdue);
            t.end_row((color && overdue).then_some(OVERDUE));
        },
    );
    t.write_to(out, max_width)
}

/// CSV: stable English keys and raw values (dates, numbers), like the JSON.
pub fn csv(out: &mut impl Write, rows: &[StatusRow<'_>], dialect: Dialect) -> io::Result<()> {
    let mut w = Csv::new(out, dialect);
    w.header(&[
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
        "times",
    ])?;
    for r in rows {
        w.field(r.case)?;
        w.field(r.patient)?;
        w.field(r.pathway)?;
        w.opt(r.coordinator)?;
        w.opt(r.last_milestone)?;
        w.opt(r.last_date)?;
        w.opt(r.last_code.as_deref())?;
        w.opt(r.next_milestone)?;
        let d = r.next_deadline.as_ref();
        w.opt(d.map(|d| d.id))?;
        w.opt(d.map(|d| d.due))?;
        w.opt(d.map(|d| d.days_left))?;
        w.opt(d.map(|d| d.urgency.word()))?;
        w.opt(d.and_then(|d| d.times))?;
        w.end()?;
    }
    Ok(())
}

/// One case in full: facts, timeline with NPR codes, each standard time, tasks.
pub fn detail(d: &CaseDetail<'_>, today: NaiveDate, lang: Lang) -> String {
    let h = &d.handover;
    let case = h.case;
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
    if let Some(c) = h.closed {
        facts.push(format!(
            "{} {} ({})",
            Word::Closed.text(lang),
            c.date,
            close_reason_name(c.reason, lang)
        ));
    }
    if let Some(t) = &h.transfer {
        facts.push(format!(
            "{} {} → {}",
            Word::Transferred.text(lang),
            t.date,
            t.to
        ));
    }
    facts.push(format!(
        "{}: {}",
        Word::StateCap.text(lang),
        match d.state {
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
    let own = &d.problems;
    if !own.is_empty() {
        out.push('\n');
        out.push_str(super::problems::text(own, lang, false).trim_end());
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
    out.push_str(&super::table(
        &headers,
        &super::handover::event_rows(&h.events, lang),
    ));

    if !h.intervals.is_empty() {
        out.push_str(&format!("\n{}\n", Word::Intervals.text(lang)));
        let unverified = pathway.times == TimesStatus::Unverified;
        let rows: Vec<Vec<String>> = h
            .intervals
            .iter()
            .map(|st| super::handover::interval_row(st, case, today, h.open, unverified, lang))
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
        out.push_str(&super::table(&headers, &rows));
    }

    let planned: Vec<Vec<String>> = d
        .planned
        .iter()
        .map(|p| match &p.deadline {
            Some(dl) => vec![
                p.date.to_string(),
                p.milestone.clone(),
                dl.interval.clone(),
                dl.due.to_string(),
                if dl.within {
                    Word::WithinDeadline
                } else {
                    Word::AfterDeadline
                }
                .text(lang),
            ],
            None => vec![
                p.date.to_string(),
                p.milestone.clone(),
                "–".into(),
                "–".into(),
                String::new(),
            ],
        })
        .collect();
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
        out.push_str(&super::table(&headers, &planned));
    }

    if !d.tasks.is_empty() {
        out.push_str(&format!("\n{}\n", Word::Tasks.text(lang)));
        let rows: Vec<Vec<String>> = d
            .tasks
            .iter()
            .map(|line| {
                let t = &line.task;
                let state = match (t.done, t.due) {
                    (Some(d), _) => format!("{} {d}", Word::Done.text(lang)),
                    (None, Some(due)) if h.open => days_left_text((due - today).num_days(), lang),
                    (None, _) => Word::OpenTask.text(lang),
                };
                let name = match &line.receiving {
                    Some(who) => format!("{}: {who}", Word::CallReceiving.text(lang)),
                    None => line.name.clone(),
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
        out.push_str(&super::table(&headers, &rows));
    }
    out
}
