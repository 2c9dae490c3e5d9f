//! `due` and `overdue`: deadline rows as a table, CSV or JSON.

use std::io::{self, Write};

use super::Table;
use super::csv::{Csv, Dialect};
use super::table::OVERDUE;
use crate::i18n::{Lang, Word, basis_note};
use crate::schedule::{Kind, Urgency};
use crate::views::due::DeadlineRow;

/// The CSV keys: the JSON's, in its order (`times` is `unverified` or empty).
pub const CSV_KEYS: [&str; 10] = [
    "case",
    "pathway",
    "kind",
    "id",
    "milestone",
    "due",
    "days_left",
    "status",
    "coordinator",
    "times",
];

/// The human table: most urgent first, overdue rows painted when `color`.
pub fn table(
    out: &mut impl Write,
    rows: &[DeadlineRow<'_>],
    lang: Lang,
    color: bool,
    max_width: Option<usize>,
) -> io::Result<()> {
    if rows.is_empty() {
        return writeln!(out, "{}", Word::NoDeadlines.text(lang));
    }
    let headers = [
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
    .map(|w| w.text(lang));
    let after = Word::After.text(lang);
    // The words repeated on every row are made once per chunk.
    type Words = (
        super::DaysLeftWords,
        std::collections::HashMap<(crate::schedule::Basis, bool), String>,
    );
    let t = Table::par_build_warm(
        &headers,
        rows,
        DeadlineRow::touch,
        || -> Words { (super::DaysLeftWords::new(lang), Default::default()) },
        |t, (left, notes), d| {
            t.date(d.due);
            t.text(left.text(d.days_left));
            t.text(d.case);
            t.cell(d.patient);
            t.text(d.pathway);
            match (d.kind, d.name.as_deref()) {
                _ if d.is_contact_receiving() => t.cell(format_args!(
                    "{}: {}",
                    Word::CallReceiving.text(lang),
                    d.what()
                )),
                (Kind::Interval, Some(name)) => t.cell(format_args!("{} {name}", d.id)),
                (_, Some(name)) => t.text(name),
                (_, None) => t.text(d.id),
            };
            match (d.kind, d.milestone) {
                (Kind::Task, Some(m)) => t.cell(format_args!("{after} {m}")),
                (_, Some(m)) => t.text(m),
                (_, None) => t.text("–"),
            };
            t.text(d.coordinator.unwrap_or("–"));
            t.text(
                notes
                    .entry((d.why.basis, d.why.unverified))
                    .or_insert_with(|| basis_note(d.why.basis, d.why.unverified, lang)),
            );
            t.end_row((color && d.urgency == Urgency::Overdue).then_some(OVERDUE));
        },
    );
    t.write_to(out, max_width)
}

/// CSV with the JSON's keys and raw values.
pub fn csv(out: &mut impl Write, rows: &[DeadlineRow<'_>], dialect: Dialect) -> io::Result<()> {
    let mut w = Csv::new(out, dialect);
    w.header(&CSV_KEYS)?;
    for d in rows {
        w.field(d.case)?;
        w.field(d.pathway)?;
        w.field(d.kind.word())?;
        w.field(d.id)?;
        w.opt(d.milestone)?;
        w.field(d.due)?;
        w.field(d.days_left)?;
        w.field(d.urgency.word())?;
        w.opt(d.coordinator)?;
        w.opt(d.times)?;
        w.end()?;
    }
    Ok(())
}
