//! The morning report as text, Markdown and JSON (its HTML page is in [`super::html::report`]).

use chrono::NaiveDate;
use serde::Serialize;

use crate::i18n::{Lang, Word, day_heading, days_left_text};
use crate::render::md_escape;
use crate::views::agenda::Item;
use crate::views::due::DeadlineRow;
use crate::views::report::{Recorded, Report};
use crate::views::{PatientLabel, iso_date};

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

/// Overdue rows: case, patient, pathway, what, due, days over, deviation.
pub fn overdue_rows(lines: &[crate::views::report::OverdueLine], lang: Lang) -> Vec<Vec<String>> {
    lines
        .iter()
        .map(|l| {
            let d = l
                .item
                .deadline
                .as_ref()
                .expect("overdue items carry their deadline");
            vec![
                l.item.case.to_string(),
                l.item.patient.to_string(),
                l.item.pathway.to_string(),
                l.item.what.to_string(),
                d.due.to_string(),
                days_left_text(d.days_left, lang),
                deviation_text(l.deviation, lang),
            ]
        })
        .collect()
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

pub fn due_rows(items: &[Item], lang: Lang) -> Vec<Vec<String>> {
    items
        .iter()
        .filter_map(|i| i.deadline.as_ref().map(|d| (i, d)))
        .map(|(i, d)| {
            vec![
                d.due.to_string(),
                days_left_text(d.days_left, lang),
                i.case.to_string(),
                i.patient.to_string(),
                i.pathway.to_string(),
                i.what.to_string(),
                i.coordinator.unwrap_or("–").to_string(),
            ]
        })
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
        .iter()
        .map(|i| super::agenda::day_row(i, lang))
        .collect()
}

pub fn today_headers(lang: Lang) -> Vec<String> {
    super::agenda::day_headers(lang)
}

pub fn recorded_rows(list: &[Recorded], lang: Lang) -> Vec<Vec<String>> {
    list.iter()
        .map(|e| {
            vec![
                e.date.to_string(),
                e.case.clone(),
                e.patient.clone(),
                e.pathway.clone(),
                e.milestone.clone(),
                e.code
                    .clone()
                    .unwrap_or_else(|| Word::LocalMilestone.text(lang)),
            ]
        })
        .collect()
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
        .iter()
        .map(|(c, p, pw)| vec![c.clone(), p.clone(), pw.clone()])
        .collect()
}

pub fn no_coordinator_headers(lang: Lang) -> Vec<String> {
    [Word::Case, Word::Patient, Word::Pathway]
        .iter()
        .map(|w| w.text(lang))
        .collect()
}

pub fn compliance(r: &Report, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    super::stats::table_rows(&r.compliance, r.target, lang, false)
}

pub fn period(r: &Report, lang: Lang) -> String {
    format!(
        "{} {} – {}",
        Word::Period.text(lang),
        r.compliance_from,
        r.today
    )
}

pub fn window(r: &Report) -> String {
    if r.window.0 == r.window.1 {
        r.window.0.to_string()
    } else {
        format!("{} – {}", r.window.0, r.window.1)
    }
}

/// A part of the report after the overdue deadlines: heading, columns and rows.
pub struct Section {
    pub title: String,
    /// Shown in brackets after the title (a period), never upper-cased.
    pub detail: Option<String>,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
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
            title: Word::DueSoonHeading.text(lang),
            detail: None,
            headers: due_headers(lang),
            rows: due_rows(&r.due_soon, lang),
        },
        Section {
            title: Word::TodayHeading.text(lang),
            detail: None,
            headers: today_headers(lang),
            rows: today_rows(&r.today_items, lang),
        },
        Section {
            title: Word::RecordedHeading.text(lang),
            detail: Some(window(r)),
            headers: recorded_headers(lang),
            rows: recorded_rows(&r.recorded, lang),
        },
        Section {
            title: Word::NewReferrals.text(lang),
            detail: None,
            headers: recorded_headers(lang),
            rows: recorded_rows(&r.new_referrals, lang),
        },
        Section {
            title: Word::NoCoordinatorHeading.text(lang),
            detail: None,
            headers: no_coordinator_headers(lang),
            rows: no_coordinator_rows(r),
        },
        Section {
            title: Word::ComplianceHeading.text(lang),
            detail: Some(period(r, lang)),
            headers: compliance_headers,
            rows: compliance_rows,
        },
    ]
}

pub fn overdue_total(r: &Report) -> usize {
    r.overdue.iter().map(|g| g.lines.len()).sum()
}

/// Plain text for a mail body.
pub fn text(r: &Report, lang: Lang) -> String {
    let none = Word::NoneRecorded.text(lang);
    let mut s = format!("{}\n{}\n\n", title(r, lang), date_line(r, lang));
    s.push_str(&format!(
        "{} ({})\n",
        Word::Overdue.text(lang).to_uppercase(),
        overdue_total(r)
    ));
    if r.overdue.is_empty() {
        s.push_str(&format!(" {none}\n\n"));
    }
    for g in &r.overdue {
        s.push_str(&format!("{}\n", group_name(&g.coordinator, &g.name, lang)));
        s.push_str(&super::table(
            &overdue_headers(lang),
            &overdue_rows(&g.lines, lang),
        ));
        s.push('\n');
    }
    for sec in sections(r, lang) {
        s.push_str(&format!("{}\n", sec.heading(true)));
        if sec.rows.is_empty() {
            s.push_str(&format!(" {none}\n\n"));
        } else {
            s.push_str(&super::table(&sec.headers, &sec.rows));
            s.push('\n');
        }
    }
    s
}

pub fn markdown(r: &Report, lang: Lang) -> String {
    let none = Word::NoneRecorded.text(lang);
    let mut s = format!(
        "# {}\n\n{}\n\n",
        md_escape(&title(r, lang)),
        date_line(r, lang)
    );
    s.push_str(&format!(
        "## {} ({})\n\n",
        Word::Overdue.text(lang),
        overdue_total(r)
    ));
    if r.overdue.is_empty() {
        s.push_str(&format!("{none}\n\n"));
    }
    for g in &r.overdue {
        s.push_str(&format!(
            "### {}\n\n",
            md_escape(&group_name(&g.coordinator, &g.name, lang))
        ));
        s.push_str(&super::markdown_table(
            &overdue_headers(lang),
            &overdue_rows(&g.lines, lang),
        ));
        s.push('\n');
    }
    for sec in sections(r, lang) {
        s.push_str(&format!("## {}\n\n", md_escape(&sec.heading(false))));
        if sec.rows.is_empty() {
            s.push_str(&format!("{none}\n\n"));
        } else {
            s.push_str(&super::markdown_table(&sec.headers, &sec.rows));
            s.push('\n');
        }
    }
    s
}

/// The report's JSON document: `{name, hospital, date, overdue: [{coordinator, name,
/// deadlines: [deadline + patient, deviation_recorded]}], due_soon, today, recorded: {from, to,
/// events}, new_referrals, without_coordinator, compliance: {from, to, target, rows}}`.
#[derive(Serialize)]
struct ReportJson<'x, 'a> {
    name: &'x Option<String>,
    hospital: &'x Option<String>,
    #[serde(serialize_with = "iso_date")]
    date: NaiveDate,
    overdue: Vec<GroupJson<'x, 'a>>,
    due_soon: &'x [Item<'a>],
    today: &'x [Item<'a>],
    recorded: RecordedJson<'x>,
    new_referrals: &'x [Recorded],
    without_coordinator: Vec<WithoutCoordinator<'x>>,
    compliance: ComplianceJson<'x>,
}

#[derive(Serialize)]
struct GroupJson<'x, 'a> {
    coordinator: &'x Option<String>,
    name: &'x Option<String>,
    deadlines: Vec<OverdueJson<'x, 'a>>,
}

#[derive(Serialize)]
struct OverdueJson<'x, 'a> {
    #[serde(flatten)]
    deadline: &'x DeadlineRow<'a>,
    patient: PatientLabel<'a>,
    deviation_recorded: Option<bool>,
}

#[derive(Serialize)]
struct RecordedJson<'x> {
    #[serde(serialize_with = "iso_date")]
    from: NaiveDate,
    #[serde(serialize_with = "iso_date")]
    to: NaiveDate,
    events: &'x [Recorded],
}

#[derive(Serialize)]
struct WithoutCoordinator<'x> {
    case: &'x str,
    patient: &'x str,
    pathway: &'x str,
}

#[derive(Serialize)]
struct ComplianceJson<'x> {
    #[serde(serialize_with = "iso_date")]
    from: NaiveDate,
    #[serde(serialize_with = "iso_date")]
    to: NaiveDate,
    target: f64,
    rows: &'x [crate::views::stats::StatRow],
}

/// Writes the report's JSON document.
pub fn json(out: &mut impl std::io::Write, r: &Report<'_>) -> std::io::Result<()> {
    let doc = ReportJson {
        name: &r.name,
        hospital: &r.hospital,
        date: r.today,
        overdue: r
            .overdue
            .iter()
            .map(|g| GroupJson {
                coordinator: &g.coordinator,
                name: &g.name,
                deadlines: g
                    .lines
                    .iter()
                    .filter_map(|l| {
                        Some(OverdueJson {
                            deadline: l.item.deadline.as_ref()?,
                            patient: l.item.patient,
                            deviation_recorded: l.deviation,
                        })
                    })
                    .collect(),
            })
            .collect(),
        due_soon: &r.due_soon,
        today: &r.today_items,
        recorded: RecordedJson {
            from: r.window.0,
            to: r.window.1,
            events: &r.recorded,
        },
        new_referrals: &r.new_referrals,
        without_coordinator: r
            .no_coordinator
            .iter()
            .map(|(case, patient, pathway)| WithoutCoordinator {
                case,
                patient,
                pathway,
            })
            .collect(),
        compliance: ComplianceJson {
            from: r.compliance_from,
            to: r.today,
            target: r.target,
            rows: &r.compliance,
        },
    };
    super::json::write(out, &doc)
}
