//! `status`: the list of cases as a table or CSV (JSON is the rows themselves).

use std::io::{self, Write};

use super::Table;
use super::csv::{Csv, Dialect};
use super::table::OVERDUE;
use crate::i18n::{Lang, Word, days_left_text};
use crate::schedule::{CaseState, Urgency};
use crate::views::status::StatusRow;

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
                    t.cell(d.due);
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
