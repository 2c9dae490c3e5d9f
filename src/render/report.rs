//! The morning report as text, Markdown and JSON (its HTML page is in [`super::html::report`]).

use crate::i18n::t;
use crate::i18n::{Lang, Ui, Word, basis_note, day_heading, days_left_text};
use crate::recorded::RecordedDays;
use crate::render::stats::percent;
use crate::render::{self, Table, md_escape, md_escape_into};
use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, Write};

use crate::views::PatientLabel;
use crate::views::agenda::Item;
use crate::views::due::DeadlineRow;
use crate::views::report::{Recorded, RecordedKind, Report};
use crate::views::stats::StatRow;
use crate::views::stats::tertial;
use crate::views::status::StaleRow;

pub fn title(r: &Report, lang: Lang) -> String {
    let mut t = Word::ReportTitle.text(lang);
    if let Some(name) = &r.name {
        t.push_str(&format!(" – {name}"));
    }
    if let Some(h) = &r.hospital {
        t.push_str(&format!(" ({h})"));
    }
    t
}

pub fn date_line(r: &Report, lang: Lang) -> String {
    format!("{} ({})", day_heading(r.today, lang), r.today)
}

pub fn deviation_text(d: Option<bool>, lang: Lang) -> String {
    match d {
        Some(true) => Word::DeviationRecorded.text(lang),
        Some(false) => Word::DeviationMissing.text(lang),
        None => String::new(),
    }
}

pub fn group_name(coordinator: &Option<String>, name: &Option<String>, lang: Lang) -> String {
    match (coordinator, name) {
        (Some(id), Some(n)) => format!("{n} ({id})"),
        (Some(id), None) => id.clone(),
        (None, _) => format!("({})", Word::WithoutCoordinator.text(lang)),
    }
}

/// The overdue lines of one group as a table, built in parallel straight into one text buffer
/// (a long list holds no string per cell).
fn overdue_table(lines: &[crate::views::report::OverdueLine], r: &Report, lang: Lang) -> Table {
    let words = WhatWords::new(lang);
    Table::par_build_warm(
        &overdue_headers(lang),
        lines,
        |l| l.item.touch(),
        || OverdueWords::new(lang),
        |t, w, l| {
            let d = l.overdue_deadline();
            w.what.clear();
            what_into(&mut w.what, &l.item, r, &words);
            t.text(l.item.case())
                .cell(l.item.patient)
                .text(l.item.pathway())
                .text(&w.what)
                .date(d.due);
            t.text(w.days_left.text(d.days_left))
                .text(w.deviation(l.deviation));
            t.end_row(None);
        },
    )
}

/// The words repeated on overdue rows, made once per chunk of a long list.
struct OverdueWords {
    days_left: render::DaysLeftWords,
    recorded: String,
    missing: String,
    /// A scratch buffer for one cell.
    what: String,
    /// A second scratch buffer.
    cell: String,
}

impl OverdueWords {
    fn new(lang: Lang) -> Self {
        OverdueWords {
            days_left: render::DaysLeftWords::new(lang),
            recorded: deviation_text(Some(true), lang),
            missing: deviation_text(Some(false), lang),
            what: String::new(),
            cell: String::new(),
        }
    }

    fn deviation(&self, d: Option<bool>) -> &str {
        match d {
            Some(true) => &self.recorded,
            Some(false) => &self.missing,
            None => "",
        }
    }
}

pub fn overdue_headers(lang: Lang) -> Vec<String> {
    [
        Word::Case,
        Word::Patient,
        Word::Pathway,
        Word::What,
        Word::Due,
        Word::DaysLeft,
        Word::Deviation,
    ]
    .iter()
    .map(|w| w.text(lang))
    .collect()
}

pub fn due_rows(items: &[Item], r: &Report, lang: Lang) -> Vec<Vec<String>> {
    items
        .par_iter()
        .filter_map(|i| i.deadline.as_ref().map(|d| (i, d)))
        .map(|(i, d)| {
            vec![
                d.due.to_string(),
                days_left_text(d.days_left, lang),
                i.case().to_string(),
                i.patient.to_string(),
                i.pathway().to_string(),
                what(i, r, lang),
                i.coordinator().unwrap_or("–").to_string(),
            ]
        })
        .collect()
}

/// What a deadline is for, marked when the pathway's times are not verified (SPEC §1) and
/// when the case's file or its pathway's file has errors (the deadline may follow from them).
pub fn what(i: &Item, r: &Report, lang: Lang) -> String {
    let mut s = String::new();
    what_into(&mut s, i, r, &WhatWords::new(lang));
    s
}

/// The words [`what`] adds to a deadline, made once for a long list.
pub struct WhatWords {
    deadline: render::agenda::DeadlineWords,
    case_mark: String,
    pathway_mark: String,
}

impl WhatWords {
    pub fn new(lang: Lang) -> Self {
        WhatWords {
            deadline: render::agenda::DeadlineWords::new(lang),
            case_mark: Word::FileHasErrorsMark.text(lang),
            pathway_mark: Word::PathwayFileHasErrorsMark.text(lang),
        }
    }
}

/// [`what`], appended to `s`.
pub fn what_into(s: &mut String, i: &Item, r: &Report, words: &WhatWords) {
    render::agenda::deadline_what_into(s, i, &words.deadline);
    if r.flagged.is_empty() {
        return;
    }
    if let Some(f) = r.flagged.get(i.case()) {
        let mark = match f {
            crate::views::report::FlaggedFile::Case => &words.case_mark,
            crate::views::report::FlaggedFile::Pathway => &words.pathway_mark,
        };
        s.push_str(" (");
        s.push_str(mark);
        s.push(')');
    }
}

/// The mark on a line of a case whose file or pathway file has errors.
pub fn flag_mark(r: &Report, case: &str, lang: Lang) -> Option<String> {
    r.flagged.get(case).map(|f| match f {
        crate::views::report::FlaggedFile::Case => Word::FileHasErrorsMark.text(lang),
        crate::views::report::FlaggedFile::Pathway => Word::PathwayFileHasErrorsMark.text(lang),
    })
}

/// Missed standard times: case, patient, pathway, interval, due, reached, days over, coordinator.
pub fn missed_rows(r: &Report, lang: Lang) -> Vec<Vec<String>> {
    r.missed
        .par_iter()
        .map(|l| {
            let m = &l.missed;
            let interval = if m.unverified {
                format!(
                    "{} ({})",
                    m.interval,
                    basis_note(crate::schedule::Basis::Fixed, true, lang)
                )
            } else {
                m.interval.clone()
            };
            let interval = match flag_mark(r, &m.case, lang) {
                Some(mark) => format!("{interval} ({mark})"),
                None => interval,
            };
            vec![
                m.case.clone(),
                l.patient.clone(),
                m.pathway.clone(),
                interval,
                m.due.to_string(),
                m.date.to_string(),
                m.days_over.to_string(),
                m.coordinator.clone().unwrap_or_else(|| "–".into()),
            ]
        })
        .collect()
}

pub fn missed_headers(lang: Lang) -> Vec<String> {
    [
        Word::Case,
        Word::Patient,
        Word::Pathway,
        Word::StandardTime,
        Word::Due,
        Word::Date,
        Word::DaysOver,
        Word::Coordinator,
    ]
    .iter()
    .map(|w| w.text(lang))
    .collect()
}

pub fn due_headers(lang: Lang) -> Vec<String> {
    [
        Word::Due,
        Word::DaysLeft,
        Word::Case,
        Word::Patient,
        Word::Pathway,
        Word::What,
        Word::Coordinator,
    ]
    .iter()
    .map(|w| w.text(lang))
    .collect()
}

pub fn today_rows(items: &[Item], lang: Lang) -> Vec<Vec<String>> {
    items
        .par_iter()
        .map(|i| super::agenda::day_row(i, lang))
        .collect()
}

pub fn today_headers(lang: Lang) -> Vec<String> {
    super::agenda::day_headers(lang)
}

pub fn recorded_rows(list: &[Recorded], lang: Lang) -> Vec<Vec<String>> {
    list.par_iter()
        .map(|e| {
            vec![
                e.date.to_string(),
                e.case.clone(),
                e.patient.clone(),
                e.pathway.clone(),
                recorded_what(e, lang),
                e.code
                    .clone()
                    .unwrap_or_else(|| Word::LocalMilestone.text(lang)),
            ]
        })
        .collect()
}

/// The milestone of a recorded event, or what a transfer or an early end is.
pub fn recorded_what(e: &Recorded, lang: Lang) -> String {
    match (e.kind, &e.milestone) {
        (RecordedKind::Event, Some(m)) => m.clone(),
        (RecordedKind::Transfer, _) => Word::Transferred.text(lang),
        (RecordedKind::EarlyEnd, _) | (RecordedKind::Event, None) => Word::Closed.text(lang),
    }
}

pub fn recorded_headers(lang: Lang) -> Vec<String> {
    [
        Word::Date,
        Word::Case,
        Word::Patient,
        Word::Pathway,
        Word::Milestone,
        Word::Npr,
    ]
    .iter()
    .map(|w| w.text(lang))
    .collect()
}

pub fn no_coordinator_rows(r: &Report) -> Vec<Vec<String>> {
    r.no_coordinator
        .par_iter()
        .map(|n| vec![n.case.to_string(), n.patient.clone(), n.pathway.to_string()])
        .collect()
}

pub fn no_coordinator_headers(lang: Lang) -> Vec<String> {
    [Word::Case, Word::Patient, Word::Pathway]
        .iter()
        .map(|w| w.text(lang))
        .collect()
}

/// Days as a person reads them: `25,5` in Norwegian, `25.5` in English.
pub fn days_text(d: f64, lang: Lang) -> String {
    let s = super::stats::days_json(d).to_string();
    if lang == Lang::Nb {
        s.replace('.', ",")
    } else {
        s
    }
}

/// The national indicator per pathway and overall: the tertial so far beside the previous one.
pub fn compliance(r: &Report, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let c = &r.compliance;
    let now = format!("{} {}", tertial(c.current.from), Word::SoFar.text(lang));
    let before = tertial(c.previous.from);
    let mut headers = vec![Word::Pathway.text(lang)];
    // The period names its first column; the two after it belong to the same period.
    for label in [&now, &before] {
        headers.push(format!("{label}: {}", Word::MeasuredCount.text(lang)));
        headers.push(Word::Share.text(lang));
        headers.push(Word::Median.text(lang));
    }
    headers.push(Word::Note.text(lang));
    let rows = c
        .indicator_rows
        .iter()
        .map(|row| {
            let mut cells = vec![
                row.pathway
                    .clone()
                    .unwrap_or_else(|| Word::AllPathways.text(lang)),
            ];
            for period in [&row.current, &row.previous] {
                match period {
                    Some(s) => cells.extend([
                        s.cases.to_string(),
                        percent(s.share),
                        days_text(s.median_days, lang),
                    ]),
                    None => cells.extend(["–".into(), "–".into(), "–".into()]),
                }
            }
            let mut note = Vec::new();
            if row.current.as_ref().is_some_and(|s| s.share < r.target) {
                note.push(Word::BelowTarget.text(lang));
            }
            if row.unverified {
                note.push(crate::i18n::basis_note(
                    crate::schedule::Basis::Fixed,
                    true,
                    lang,
                ));
            }
            cells.push(note.join("; "));
            cells
        })
        .collect();
    (headers, rows)
}

pub fn period(r: &Report, lang: Lang) -> String {
    let c = &r.compliance;
    format!(
        "{} {}; {} {}; {} {}: {} – {}; {}: {} – {}",
        c.indicator,
        Word::IndicatorName.text(lang),
        Word::Target.text(lang),
        percent(r.target),
        tertial(c.current.from),
        Word::SoFar.text(lang),
        c.current.from,
        c.current.to,
        tertial(c.previous.from),
        c.previous.from,
        c.previous.to,
    )
}

pub fn missed_period(r: &Report, lang: Lang) -> String {
    t!(
        lang,
        format!("siste {} dager", r.missed_days),
        format!("last {} days", r.missed_days)
    )
}

/// The note under the date line when some deadline shown rests on unverified times.
pub fn unverified_note(r: &Report, lang: Lang) -> Option<String> {
    r.unverified.then(|| Word::TimesUnverifiedNote.text(lang))
}

pub fn window(r: &Report) -> String {
    if r.window.from == r.window.to {
        r.window.from.to_string()
    } else {
        format!("{} – {}", r.window.from, r.window.to)
    }
}

/// What the "recorded" section's days rest on, when it is not the commits (SPEC §2): the
/// events' own dates in a register that is not its own git work tree, or because git could not
/// be read — said out loud, with git's reason and a hint.
pub fn recorded_note(r: &Report, lang: Lang) -> Option<String> {
    let ui = match &r.recorded_basis {
        RecordedDays::Commits(_) => return None,
        RecordedDays::OwnDates => Ui::RecordedByOwnDates,
        RecordedDays::GitFailed(reason) => Ui::RecordedGitFailed {
            reason: reason.clone(),
        },
    };
    Some(match ui.hint(lang) {
        Some(hint) => format!("{} {}: {hint}.", ui.text(lang), Word::Hint.text(lang)),
        None => ui.text(lang),
    })
}

/// A part of the report after the overdue deadlines: heading, columns and rows.
pub struct Section {
    pub title: String,
    /// Shown in brackets after the title (a period), never upper-cased.
    pub detail: Option<String>,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// A line under the heading: what the section's dates rest on, where that needs saying.
    pub note: Option<String>,
}

impl Section {
    /// The heading, with the title upper-cased for plain text.
    pub fn heading(&self, upper: bool) -> String {
        let title = if upper {
            self.title.to_uppercase()
        } else {
            self.title.clone()
        };
        match &self.detail {
            Some(d) => format!("{title} ({d})"),
            None => title,
        }
    }
}

/// The sections after the overdue deadlines, in order; the last is the compliance table.
pub fn sections(r: &Report, lang: Lang) -> Vec<Section> {
    let (compliance_headers, compliance_rows) = compliance(r, lang);
    vec![
        Section {
            title: Word::MissedHeading.text(lang),
            detail: Some(missed_period(r, lang)),
            headers: missed_headers(lang),
            rows: missed_rows(r, lang),
            note: None,
        },
        Section {
            title: Word::DueSoonHeading.text(lang),
            detail: None,
            headers: due_headers(lang),
            rows: due_rows(&r.due_soon, r, lang),
            note: None,
        },
        Section {
            title: Word::TodayHeading.text(lang),
            detail: None,
            headers: today_headers(lang),
            rows: today_rows(&r.today_items, lang),
            note: None,
        },
        Section {
            title: Word::RecordedHeading.text(lang),
            detail: Some(window(r)),
            headers: recorded_headers(lang),
            rows: recorded_rows(&r.recorded, lang),
            note: recorded_note(r, lang),
        },
        Section {
            title: Word::NewReferrals.text(lang),
            detail: None,
            headers: recorded_headers(lang),
            rows: recorded_rows(&r.new_referrals, lang),
            note: None,
        },
        Section {
            title: Word::NoCoordinatorHeading.text(lang),
            detail: None,
            headers: no_coordinator_headers(lang),
            rows: no_coordinator_rows(r),
            note: None,
        },
        Section {
            title: Word::StaleCases.text(lang),
            detail: (!r.stale.is_empty()).then(|| stale_detail(r.stale.len(), lang)),
            headers: [
                Word::LastActivity,
                Word::Case,
                Word::Patient,
                Word::Pathway,
                Word::Coordinator,
            ]
            .iter()
            .map(|w| w.text(lang))
            .collect(),
            rows: r
                .stale
                .iter()
                .take(STALE_SHOWN)
                .map(|s| {
                    vec![
                        s.last_activity.to_string(),
                        s.case.to_string(),
                        s.patient.to_string(),
                        s.pathway.to_string(),
                        s.coordinator.unwrap_or("–").to_string(),
                    ]
                })
                .collect(),
            note: None,
        },
        Section {
            title: Word::ComplianceHeading.text(lang),
            detail: Some(period(r, lang)),
            headers: compliance_headers,
            rows: compliance_rows,
            note: None,
        },
    ]
}

/// Each section beside its table as `draw` draws it (none for a section without rows), the
/// tables drawn in parallel: after the overdue list, the thousands of rows of missed, due and
/// recorded deadlines are the report's longest work.
pub fn drawn(
    sections: Vec<Section>,
    draw: impl Fn(&Section) -> String + Sync,
) -> Vec<(Section, String)> {
    sections
        .into_par_iter()
        .map(|s| {
            let table = if s.rows.is_empty() {
                String::new()
            } else {
                draw(&s)
            };
            (s, table)
        })
        .collect()
}

/// How many stale cases the human formats list (the oldest); JSON lists all.
const STALE_SHOWN: usize = 20;

/// The count of stale cases, and that only the oldest are listed when there are more.
pub fn stale_detail(n: usize, lang: Lang) -> String {
    if n > STALE_SHOWN {
        t!(
            lang,
            format!("{n}; de {STALE_SHOWN} eldste"),
            format!("{n}; the {STALE_SHOWN} oldest")
        )
    } else {
        n.to_string()
    }
}

pub fn overdue_total(r: &Report) -> usize {
    r.overdue_lines.len()
}

/// Plain text for a mail body.
pub fn text(r: &Report, lang: Lang) -> String {
    let mut out = Vec::new();
    let _ = write_text(&mut out, r, lang);
    String::from_utf8(out).unwrap_or_default()
}

/// The plain-text report, written to `out` as it is made.
pub fn write_text(out: &mut impl Write, r: &Report, lang: Lang) -> io::Result<()> {
    let none = Word::NoneRecorded.text(lang);
    write!(out, "{}\n{}\n", title(r, lang), date_line(r, lang))?;
    if let Some(note) = unverified_note(r, lang) {
        writeln!(out, "{note}")?;
    }
    out.write_all(b"\n")?;
    out.write_all(render::problems::text(r.problems, lang, true).as_bytes())?;
    writeln!(
        out,
        "{} ({})",
        Word::Overdue.text(lang).to_uppercase(),
        overdue_total(r)
    )?;
    if r.overdue.is_empty() {
        write!(out, " {none}\n\n")?;
    }
    for g in &r.overdue {
        writeln!(out, "{}", group_name(&g.coordinator, &g.name, lang))?;
        overdue_table(r.lines(g), r, lang).write_to(out, None)?;
        out.write_all(b"\n")?;
    }
    for (sec, table) in drawn(sections(r, lang), |s| super::table(&s.headers, &s.rows)) {
        writeln!(out, "{}", sec.heading(true))?;
        if let Some(note) = &sec.note {
            writeln!(out, " {note}")?;
        }
        if sec.rows.is_empty() {
            write!(out, " {none}\n\n")?;
        } else {
            out.write_all(table.as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

/// The Markdown report.
pub fn markdown(r: &Report, lang: Lang) -> String {
    let mut out = Vec::new();
    let _ = write_markdown(&mut out, r, lang);
    String::from_utf8(out).unwrap_or_default()
}

/// The Markdown report, written to `out` as it is made; the overdue rows are written in
/// parallel chunks.
pub fn write_markdown(out: &mut impl Write, r: &Report, lang: Lang) -> io::Result<()> {
    let none = Word::NoneRecorded.text(lang);
    write!(
        out,
        "# {}\n\n{}\n\n",
        md_escape(&title(r, lang)),
        date_line(r, lang)
    )?;
    if let Some(note) = unverified_note(r, lang) {
        write!(out, "{note}\n\n")?;
    }
    out.write_all(render::problems::markdown(r.problems, lang).as_bytes())?;
    write!(
        out,
        "## {} ({})\n\n",
        Word::Overdue.text(lang),
        overdue_total(r)
    )?;
    if r.overdue.is_empty() {
        write!(out, "{none}\n\n")?;
    }
    let words = WhatWords::new(lang);
    for g in &r.overdue {
        write!(
            out,
            "### {}\n\n",
            md_escape(&group_name(&g.coordinator, &g.name, lang))
        )?;
        out.write_all(super::markdown_table(&overdue_headers(lang), &[]).as_bytes())?;
        render::par_write_warm(
            out,
            r.lines(g),
            1024,
            |l| l.item.touch(),
            || OverdueWords::new(lang),
            |buf, w, l| {
                use std::fmt::Write as _;
                let d = l.overdue_deadline();
                buf.push_str("| ");
                md_escape_into(buf, l.item.case());
                buf.push_str(" | ");
                w.cell.clear();
                let _ = write!(w.cell, "{}", l.item.patient);
                md_escape_into(buf, &w.cell);
                buf.push_str(" | ");
                md_escape_into(buf, l.item.pathway());
                buf.push_str(" | ");
                w.what.clear();
                what_into(&mut w.what, &l.item, r, &words);
                md_escape_into(buf, &w.what);
                let _ = write!(buf, " | {} | ", d.due);
                md_escape_into(buf, w.days_left.text(d.days_left));
                buf.push_str(" | ");
                md_escape_into(buf, w.deviation(l.deviation));
                buf.push_str(" |\n");
            },
        )?;
        out.write_all(b"\n")?;
    }
    let sections = drawn(sections(r, lang), |s| {
        super::markdown_table(&s.headers, &s.rows)
    });
    for (sec, table) in sections {
        write!(out, "## {}\n\n", md_escape(&sec.heading(false)))?;
        if let Some(note) = &sec.note {
            write!(out, "{}\n\n", md_escape(note))?;
        }
        if sec.rows.is_empty() {
            write!(out, "{none}\n\n")?;
        } else {
            out.write_all(table.as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

/// The report JSON's `"problems"`: the files, and a git that could not be read for the
/// "recorded" section (SPEC keeps `recorded`'s own shape, so it is said here).
fn problems_json(r: &Report, lang: Lang) -> Vec<render::problems::ProblemRow> {
    let mut rows = render::problems::rows(r.problems, lang);
    if let RecordedDays::GitFailed(_) = r.recorded_basis {
        rows.push(render::problems::ProblemRow {
            file: ".git".to_string(),
            line: None,
            message: recorded_note(r, lang).unwrap_or_default(),
        });
    }
    rows
}

/// One recorded registration in the report's JSON (`recorded.events`, `new_referrals`).
#[derive(Serialize)]
struct RecordedRow<'a> {
    #[serde(serialize_with = "crate::views::iso_date")]
    date: NaiveDate,
    case: &'a str,
    patient: &'a str,
    pathway: &'a str,
    milestone: Option<&'a str>,
    code: Option<&'a str>,
}

impl<'a> From<&'a Recorded> for RecordedRow<'a> {
    fn from(e: &'a Recorded) -> Self {
        RecordedRow {
            date: e.date,
            case: &e.case,
            patient: &e.patient,
            pathway: &e.pathway,
            milestone: e.milestone.as_deref(),
            code: e.code.as_deref(),
        }
    }
}

/// A standard time missed without a deviation (`missed`).
#[derive(Serialize)]
struct MissedRow<'a> {
    case: &'a str,
    pathway: &'a str,
    interval: &'a str,
    #[serde(serialize_with = "crate::views::iso_date")]
    due: NaiveDate,
    #[serde(serialize_with = "crate::views::iso_date")]
    date: NaiveDate,
    days_over: i64,
    coordinator: Option<&'a str>,
}

/// One overdue deadline: the deadline object, the patient and whether a deviation is recorded.
#[derive(Serialize)]
struct OverdueRow<'a> {
    #[serde(flatten)]
    deadline: &'a DeadlineRow<'a>,
    patient: PatientLabel<'a>,
    deviation_recorded: Option<bool>,
}

/// The overdue deadlines of one coordinator (`overdue`).
#[derive(Serialize)]
struct OverdueGroup<'a> {
    coordinator: Option<&'a str>,
    name: Option<&'a str>,
    deadlines: Vec<OverdueRow<'a>>,
}

/// `recorded`: the window and what was recorded in it.
#[derive(Serialize)]
struct RecordedSection<'a> {
    #[serde(serialize_with = "crate::views::iso_date")]
    from: NaiveDate,
    #[serde(serialize_with = "crate::views::iso_date")]
    to: NaiveDate,
    events: Vec<RecordedRow<'a>>,
}

/// The previous tertial's compliance (`compliance.previous`).
#[derive(Serialize)]
struct PreviousPeriod<'a> {
    #[serde(serialize_with = "crate::views::iso_date")]
    from: NaiveDate,
    #[serde(serialize_with = "crate::views::iso_date")]
    to: NaiveDate,
    rows: &'a [StatRow],
}

/// `compliance`: the tertial so far, the target and the previous tertial.
#[derive(Serialize)]
struct ComplianceSection<'a> {
    #[serde(serialize_with = "crate::views::iso_date")]
    from: NaiveDate,
    #[serde(serialize_with = "crate::views::iso_date")]
    to: NaiveDate,
    target: f64,
    rows: &'a [StatRow],
    previous: PreviousPeriod<'a>,
}

/// The report's JSON document (SPEC's keys, in this order).
#[derive(Serialize)]
pub struct ReportJson<'a> {
    name: Option<&'a str>,
    hospital: Option<&'a str>,
    #[serde(serialize_with = "crate::views::iso_date")]
    date: NaiveDate,
    problems: Vec<render::problems::ProblemRow>,
    missed: Vec<MissedRow<'a>>,
    overdue: Vec<OverdueGroup<'a>>,
    due_soon: &'a [Item<'a>],
    today: &'a [Item<'a>],
    recorded: RecordedSection<'a>,
    new_referrals: Vec<RecordedRow<'a>>,
    stale: &'a [StaleRow<'a>],
    without_coordinator: &'a [crate::views::report::NoCoordinator<'a>],
    compliance: ComplianceSection<'a>,
}

/// The report's JSON document.
pub fn json<'a>(r: &'a Report<'a>, lang: Lang) -> ReportJson<'a> {
    ReportJson {
        name: r.name.as_deref(),
        hospital: r.hospital.as_deref(),
        date: r.today,
        problems: problems_json(r, lang),
        missed: r
            .missed
            .iter()
            .map(|l| MissedRow {
                case: &l.missed.case,
                pathway: &l.missed.pathway,
                interval: &l.missed.interval,
                due: l.missed.due,
                date: l.missed.date,
                days_over: l.missed.days_over,
                coordinator: l.missed.coordinator.as_deref(),
            })
            .collect(),
        overdue: r
            .overdue
            .iter()
            .map(|g| OverdueGroup {
                coordinator: g.coordinator.as_deref(),
                name: g.name.as_deref(),
                deadlines: r
                    .lines(g)
                    .iter()
                    .map(|l| OverdueRow {
                        deadline: l.overdue_deadline(),
                        patient: l.item.patient,
                        deviation_recorded: l.deviation,
                    })
                    .collect(),
            })
            .collect(),
        due_soon: &r.due_soon,
        today: &r.today_items,
        recorded: RecordedSection {
            from: r.window.from,
            to: r.window.to,
            events: r.recorded.iter().map(RecordedRow::from).collect(),
        },
        new_referrals: r.new_referrals.iter().map(RecordedRow::from).collect(),
        stale: &r.stale,
        without_coordinator: &r.no_coordinator,
        compliance: ComplianceSection {
            from: r.compliance.current.from,
            to: r.compliance.current.to,
            target: r.target,
            rows: &r.compliance.current.rows,
            previous: PreviousPeriod {
                from: r.compliance.previous.from,
                to: r.compliance.previous.to,
                rows: &r.compliance.previous.rows,
            },
        },
    }
}

/// `value` as pretty JSON, as it reads nested `depth` levels down in a document (every line
/// after the first indented by the levels).
fn nested(out: &mut impl Write, value: &impl Serialize, depth: usize) -> io::Result<()> {
    let mut one = Vec::with_capacity(256);
    serde_json::to_writer_pretty(&mut one, value).map_err(io::Error::from)?;
    let indent = "  ".repeat(depth);
    for piece in one.split_inclusive(|b| *b == b'\n') {
        out.write_all(piece)?;
        if piece.ends_with(b"\n") {
            out.write_all(indent.as_bytes())?;
        }
    }
    Ok(())
}

/// One `"key": value` of an object whose keys sit `depth` levels down, after a comma unless
/// it is the first.
fn key(out: &mut impl Write, name: &str, depth: usize, first: bool) -> io::Result<()> {
    if !first {
        out.write_all(b",")?;
    }
    out.write_all(b"\n")?;
    out.write_all("  ".repeat(depth).as_bytes())?;
    write!(out, "\"{name}\": ")
}

/// A date as the report's JSON writes it.
fn date_json(d: NaiveDate) -> String {
    d.to_string()
}

impl ReportJson<'_> {
    /// The document as pretty JSON and a newline, written as it is made: the same text as
    /// `serde_json::to_string_pretty`, the long lists (overdue deadlines, stale cases)
    /// serialized in parallel chunks.
    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(b"{")?;
        key(out, "name", 1, true)?;
        nested(out, &self.name, 1)?;
        key(out, "hospital", 1, false)?;
        nested(out, &self.hospital, 1)?;
        key(out, "date", 1, false)?;
        nested(out, &date_json(self.date), 1)?;
        key(out, "problems", 1, false)?;
        nested(out, &self.problems, 1)?;
        key(out, "missed", 1, false)?;
        render::json::array(out, &self.missed, 1)?;
        key(out, "overdue", 1, false)?;
        if self.overdue.is_empty() {
            out.write_all(b"[]")?;
        } else {
            out.write_all(b"[")?;
            for (n, g) in self.overdue.iter().enumerate() {
                if n > 0 {
                    out.write_all(b",")?;
                }
                out.write_all(b"\n    {")?;
                key(out, "coordinator", 3, true)?;
                nested(out, &g.coordinator, 3)?;
                key(out, "name", 3, false)?;
                nested(out, &g.name, 3)?;
                key(out, "deadlines", 3, false)?;
                render::json::array_warm(out, &g.deadlines, 3, |r| r.deadline.touch())?;
                out.write_all(b"\n    }")?;
            }
            out.write_all(b"\n  ]")?;
        }
        key(out, "due_soon", 1, false)?;
        render::json::array(out, self.due_soon, 1)?;
        key(out, "today", 1, false)?;
        render::json::array(out, self.today, 1)?;
        key(out, "recorded", 1, false)?;
        nested(out, &self.recorded, 1)?;
        key(out, "new_referrals", 1, false)?;
        render::json::array(out, &self.new_referrals, 1)?;
        key(out, "stale", 1, false)?;
        render::json::array(out, self.stale, 1)?;
        key(out, "without_coordinator", 1, false)?;
        render::json::array(out, self.without_coordinator, 1)?;
        key(out, "compliance", 1, false)?;
        nested(out, &self.compliance, 1)?;
        out.write_all(b"\n}\n")
    }
}

/// The report's JSON document, written to `out` as it is made.
pub fn write_json(out: &mut impl Write, r: &Report, lang: Lang) -> io::Result<()> {
    json(r, lang).write(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn json_keys_and_nesting_read_as_serde_json_writes_them() {
        #[derive(serde::Serialize)]
        struct Doc {
            a: Option<&'static str>,
            b: Vec<u8>,
            c: Vec<Vec<u8>>,
        }
        let doc = Doc {
            a: Some("x\ny"),
            b: vec![],
            c: vec![vec![1, 2], vec![]],
        };
        let mut out = b"{".to_vec();
        super::key(&mut out, "a", 1, true).unwrap();
        super::nested(&mut out, &doc.a, 1).unwrap();
        super::key(&mut out, "b", 1, false).unwrap();
        super::nested(&mut out, &doc.b, 1).unwrap();
        super::key(&mut out, "c", 1, false).unwrap();
        crate::render::json::array(&mut out, &doc.c, 1).unwrap();
        out.extend_from_slice(b"\n}");
        assert_eq!(
            String::from_utf8(out).unwrap(),
            serde_json::to_string_pretty(&doc).unwrap()
        );
    }
}
