//! `agenda`: overdue first, then day by day — as a table, Markdown, CSV or JSON.

use std::io::{self, Write};

use serde::Serialize;

use super::csv::{Csv, Dialect};
use super::table::OVERDUE;
use super::{Table, md_escape};
use crate::calendar::Holiday;
use crate::i18n::{Lang, Word, day_heading, days_left_text, holiday_name};
use crate::views::agenda::{Agenda, Day, Item, ItemKind};

/// A day's heading with its marks: weekend, public holiday, closed.
pub fn heading(day: &Day<'_>, lang: Lang) -> String {
    let mut marks = Vec::new();
    if let Some(h) = day.holiday {
        marks.push(holiday_name(h, lang));
    } else if day.weekend {
        marks.push(Word::Weekend.text(lang));
    }
    if day.closed {
        marks.push(Word::ClosedDay.text(lang));
    }
    let mut s = day_heading(day.date, lang);
    if !marks.is_empty() {
        s.push_str(&format!(" ({})", marks.join(", ")));
    }
    s
}

/// The columns of a day's lines.
pub fn day_headers(lang: Lang) -> Vec<String> {
    [
        Word::Time,
        Word::What,
        Word::Case,
        Word::Patient,
        Word::Pathway,
        Word::Place,
    ]
    .map(|w| w.text(lang))
    .to_vec()
}

/// One line of a day: time (or MDT / due / task), what, case, patient, pathway, place.
pub fn day_row(i: &Item<'_>, lang: Lang) -> Vec<String> {
    vec![
        when(i, lang),
        what(i, lang),
        i.case().to_string(),
        i.patient.to_string(),
        i.pathway().to_string(),
        i.place().unwrap_or_default().to_string(),
    ]
}

fn when(item: &Item<'_>, lang: Lang) -> String {
    match item.kind {
        ItemKind::Appointment => item.time().unwrap_or("–").to_string(),
        ItemKind::Mdt => Word::MdtShort.text(lang),
        ItemKind::Interval => Word::DeadlineShort.text(lang),
        ItemKind::Task => Word::TaskShort.text(lang),
    }
}

pub fn what(item: &Item<'_>, lang: Lang) -> String {
    let mut s = String::new();
    what_into(&mut s, item, &Words::new(lang));
    s
}

/// The words agenda lines repeat, made once for a long list (or a chunk of one).
struct Words {
    mdt_meeting: String,
    deadline: DeadlineWords,
    mdt_short: String,
    deadline_short: String,
    task_short: String,
    days_left: super::DaysLeftWords,
}

impl Words {
    fn new(lang: Lang) -> Self {
        Words {
            mdt_meeting: Word::MdtMeeting.text(lang),
            deadline: DeadlineWords::new(lang),
            mdt_short: Word::MdtShort.text(lang),
            deadline_short: Word::DeadlineShort.text(lang),
            task_short: Word::TaskShort.text(lang),
            days_left: super::DaysLeftWords::new(lang),
        }
    }

    /// [`when`], borrowed.
    fn when<'s>(&'s self, item: &'s Item<'_>) -> &'s str {
        match item.kind {
            ItemKind::Appointment => item.time().unwrap_or("–"),
            ItemKind::Mdt => &self.mdt_short,
            ItemKind::Interval => &self.deadline_short,
            ItemKind::Task => &self.task_short,
        }
    }
}

/// [`what`], appended to `s`.
fn what_into(s: &mut String, item: &Item<'_>, words: &Words) {
    match item.kind {
        ItemKind::Mdt if item.what().is_empty() => s.push_str(&words.mdt_meeting),
        ItemKind::Mdt => {
            s.push_str(&words.mdt_meeting);
            s.push_str(": ");
            item.what_into(s);
        }
        _ => deadline_what_into(s, item, &words.deadline),
    }
}

/// The words a deadline's "what" adds, made once for a long list.
pub struct DeadlineWords {
    call_receiving: String,
    unverified: String,
}

impl DeadlineWords {
    pub fn new(lang: Lang) -> Self {
        DeadlineWords {
            call_receiving: Word::CallReceiving.text(lang),
            unverified: crate::i18n::basis_note(crate::schedule::Basis::Fixed, true, lang),
        }
    }
}

/// What a line that is not an MDT meeting says, appended to `s`: the task `contact-receiving`
/// says who to call, and a deadline of a pathway whose times are not verified says so (SPEC
/// §1). The agenda and the report write it alike.
pub fn deadline_what_into(s: &mut String, item: &Item<'_>, words: &DeadlineWords) {
    match &item.deadline {
        Some(d) if d.is_contact_receiving() => {
            s.push_str(&words.call_receiving);
            s.push_str(": ");
            item.what_into(s);
        }
        Some(d) if d.why.unverified => {
            item.what_into(s);
            s.push_str(" (");
            s.push_str(&words.unverified);
            s.push(')');
        }
        _ => item.what_into(s),
    }
}

/// The tables: overdue (painted when `color`), then one per day; long lists are built in
/// parallel chunks, each cell written straight into the table's text.
pub fn table(
    out: &mut impl Write,
    a: &Agenda<'_>,
    lang: Lang,
    color: bool,
    max_width: Option<usize>,
) -> io::Result<()> {
    let state = || (Words::new(lang), String::new());
    if !a.overdue.is_empty() {
        writeln!(out, "{}", Word::Overdue.text(lang))?;
        let headers = [
            Word::Due,
            Word::DaysLeft,
            Word::Case,
            Word::Patient,
            Word::Pathway,
            Word::What,
        ]
        .map(|w| w.text(lang));
        let t = Table::par_build_warm(
            &headers,
            &a.overdue,
            Item::touch,
            state,
            |t, (w, what), i| {
                let Some(d) = &i.deadline else { return };
                t.date(d.due);
                t.text(w.days_left.text(d.days_left));
                t.text(i.case());
                t.cell(i.patient);
                t.text(i.pathway());
                what.clear();
                what_into(what, i, w);
                t.text(what);
                t.end_row(color.then_some(OVERDUE));
            },
        );
        t.write_to(out, max_width)?;
        writeln!(out)?;
    }
    let headers = day_headers(lang);
    for day in &a.days {
        writeln!(out, "{}", heading(day, lang))?;
        if day.items.is_empty() {
            writeln!(out, " {}\n", Word::NothingThisDay.text(lang))?;
            continue;
        }
        let t = Table::par_build_warm(
            &headers,
            &day.items,
            Item::touch,
            state,
            |t, (w, what), i| {
                t.text(w.when(i));
                what.clear();
                what_into(what, i, w);
                t.text(what);
                t.text(i.case());
                t.cell(i.patient);
                t.text(i.pathway());
                t.text(i.place().unwrap_or_default());
                t.end_row(None);
            },
        );
        t.write_to(out, max_width)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Markdown: a heading per day, a list item per line.
pub fn markdown(
    out: &mut impl Write,
    a: &Agenda<'_>,
    today: chrono::NaiveDate,
    lang: Lang,
) -> io::Result<()> {
    write!(
        out,
        "# {} {}\n\n",
        Word::AgendaFrom.text(lang),
        day_heading(today, lang)
    )?;
    if !a.overdue.is_empty() {
        write!(out, "## {}\n\n", Word::Overdue.text(lang))?;
        for i in &a.overdue {
            let Some(d) = &i.deadline else { continue };
            writeln!(
                out,
                "- **{}** ({} {}): {} — {} ({}), {}",
                days_left_text(d.days_left, lang),
                Word::DeadlineShort.text(lang),
                d.due,
                md_escape(&what(i, lang)),
                i.case(),
                i.patient,
                i.pathway()
            )?;
        }
        writeln!(out)?;
    }
    for day in &a.days {
        write!(out, "## {}\n\n", heading(day, lang))?;
        if day.items.is_empty() {
            write!(out, "- {}\n\n", Word::NothingThisDay.text(lang))?;
            continue;
        }
        for i in &day.items {
            let place = i
                .place()
                .map(|p| format!(" · {}", md_escape(p)))
                .unwrap_or_default();
            writeln!(
                out,
                "- **{}** {} — {} ({}), {}{place}",
                when(i, lang),
                md_escape(&what(i, lang)),
                i.case(),
                i.patient,
                i.pathway()
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// One row per line: the overdue ones (dated by their due date) and each day's.
pub fn csv(out: &mut impl Write, a: &Agenda<'_>, dialect: Dialect) -> io::Result<()> {
    let mut w = Csv::new(out, dialect);
    w.header(&[
        "date", "kind", "time", "case", "patient", "pathway", "what", "where", "status", "times",
    ])?;
    let mut row = |date: chrono::NaiveDate, i: &Item<'_>| -> io::Result<()> {
        w.field(date)?;
        w.field(i.kind.word())?;
        w.opt(i.time())?;
        w.field(i.case())?;
        w.field(i.patient)?;
        w.field(i.pathway())?;
        w.field(i.what())?;
        w.opt(i.place())?;
        w.opt(i.deadline.as_ref().map(|d| d.urgency.word()))?;
        w.opt(i.deadline.as_ref().and_then(|d| d.times))?;
        w.end()
    };
    for i in &a.overdue {
        if let Some(d) = &i.deadline {
            row(d.due, i)?;
        }
    }
    for d in &a.days {
        for i in &d.items {
            row(d.date, i)?;
        }
    }
    Ok(())
}

/// One day of the agenda's JSON.
#[derive(Serialize)]
struct DayJson<'x, 'a> {
    #[serde(serialize_with = "crate::views::iso_date")]
    date: chrono::NaiveDate,
    heading: String,
    weekend: bool,
    holiday: Option<String>,
    closed: bool,
    items: &'x [Item<'a>],
}

/// Writes the agenda's JSON, `{"problems": [...], "overdue": [items], "days": [{date, heading,
/// weekend, holiday, closed, items}]}`, the long overdue list serialized in parallel.
pub fn json(
    out: &mut impl Write,
    a: &Agenda<'_>,
    problems: &[crate::register::Problem],
    lang: Lang,
) -> io::Result<()> {
    let days: Vec<DayJson<'_, '_>> = a
        .days
        .iter()
        .map(|day| DayJson {
            date: day.date,
            heading: heading(day, lang),
            weekend: day.weekend,
            holiday: day.holiday.map(|h: Holiday| holiday_name(h, lang)),
            closed: day.closed,
            items: &day.items,
        })
        .collect();
    // Every file the agenda could not fully use (SPEC §4).
    let problems = super::problems::rows(problems, lang);
    out.write_all(b"{\n  \"problems\": ")?;
    super::json::array(out, &problems, 1)?;
    out.write_all(b",\n  \"overdue\": ")?;
    super::json::array_warm(out, &a.overdue, 1, Item::touch)?;
    out.write_all(b",\n  \"days\": ")?;
    super::json::array(out, &days, 1)?;
    out.write_all(b"\n}\n")
}
