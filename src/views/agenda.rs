//! `agenda`: what is overdue, then day by day: appointments, MDT meetings, deadlines, tasks.

use std::borrow::Cow;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use super::due::DeadlineRow;
use super::{PatientLabel, redact_text};
use crate::calendar::{Holiday, holiday, is_weekend};
use crate::model::Case;
use crate::register::Register;
use crate::schedule::{CaseView, Kind, Urgency, case_deadlines};

/// What an agenda line is (JSON: `mdt`, `appointment`, `interval`, `task`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemKind {
    Mdt,
    Appointment,
    Interval,
    Task,
}

impl ItemKind {
    /// The stable word used in JSON.
    pub fn word(self) -> &'static str {
        match self {
            ItemKind::Mdt => "mdt",
            ItemKind::Appointment => "appointment",
            ItemKind::Interval => "interval",
            ItemKind::Task => "task",
        }
    }
}

/// One line of a day; serializes to the agenda's item object.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Item<'a> {
    pub kind: ItemKind,
    pub time: Option<&'a str>,
    pub case: &'a str,
    pub patient: PatientLabel<'a>,
    pub pathway: &'a str,
    pub coordinator: Option<&'a str>,
    /// What is booked or due (redacted free text).
    pub what: Cow<'a, str>,
    #[serde(rename = "where")]
    pub place: Option<Cow<'a, str>>,
    /// For deadlines: the deadline itself (boxed: most items of a long overdue list are moved,
    /// sorted and grouped several times, and a deadline is most of an item's size).
    pub deadline: Option<Box<DeadlineRow<'a>>>,
}

/// One day of the agenda.
#[derive(Clone, Debug, PartialEq)]
pub struct Day<'a> {
    pub date: NaiveDate,
    pub weekend: bool,
    pub holiday: Option<Holiday>,
    /// A day the section is closed (forlop.toml `closed_days`).
    pub closed: bool,
    pub items: Vec<Item<'a>>,
}

/// The agenda: overdue first (most overdue first), then each day.
#[derive(Clone, Debug, PartialEq)]
pub struct Agenda<'a> {
    /// Overdue deadlines and tasks, as items with their deadline.
    pub overdue: Vec<Item<'a>>,
    pub days: Vec<Day<'a>>,
}

/// Free text as the agenda shows it: borrowed unless redaction changes it.
fn shown<'a>(text: &'a str, case: &Case, redact: bool) -> Cow<'a, str> {
    if redact {
        Cow::Owned(redact_text(text, case, true))
    } else {
        Cow::Borrowed(text)
    }
}

/// The items of the open cases that pass `keep`, for `days` days from `today`.
pub fn agenda<'a>(
    reg: &'a Register,
    today: NaiveDate,
    days: u32,
    redact: bool,
    keep: impl Fn(&Case) -> bool + Sync,
) -> Agenda<'a> {
    let mut out_days: Vec<Day<'a>> = (0..days.max(1))
        .map(|n| {
            let date = today + chrono::Days::new(u64::from(n));
            Day {
                date,
                weekend: is_weekend(date),
                holiday: holiday(date),
                closed: reg.settings.closed_days.contains(&date),
                items: Vec::new(),
            }
        })
        .collect();
    let last = out_days.last().map(|d| d.date).unwrap_or(today);
    let day_of = |date: NaiveDate| {
        (date >= today && date <= last).then(|| (date - today).num_days() as usize)
    };
    let base = |case: &'a Case, kind: ItemKind| Item {
        kind,
        time: None,
        case: &case.id.value,
        patient: PatientLabel { case, redact },
        pathway: &case.pathway.value,
        coordinator: case.coordinator.as_ref().map(|c| c.value.as_str()),
        what: Cow::Borrowed(""),
        place: None,
        deadline: None,
    };
    // Every case's lines in parallel, each tagged with its day (`None`: overdue).
    let warn = reg.settings.warn();
    let mut lines: Vec<(Option<usize>, Item<'a>)> = reg
        .cases
        .par_iter()
        .filter(|c| c.is_followed(today) && keep(c))
        .flat_map_iter(|case| {
            let mut out = Vec::new();
            for a in &case.appointments {
                if let Some(n) = day_of(a.date.value) {
                    out.push((
                        Some(n),
                        Item {
                            time: a.time.as_deref(),
                            what: shown(&a.what, case, redact),
                            place: a.place.as_deref().map(|p| shown(p, case, redact)),
                            ..base(case, ItemKind::Appointment)
                        },
                    ));
                }
            }
            for m in &case.mdts {
                if let Some(n) = day_of(m.date.value) {
                    let what = m
                        .question
                        .as_deref()
                        .map(|q| shown(q, case, redact))
                        .unwrap_or_default();
                    out.push((
                        Some(n),
                        Item {
                            what,
                            ..base(case, ItemKind::Mdt)
                        },
                    ));
                }
            }
            if let Some(p) = reg.pathway(&case.pathway.value) {
                for d in case_deadlines(&CaseView::new(case, p, today), &warn) {
                    let overdue_now = d.urgency == Urgency::Overdue;
                    let n = day_of(d.due);
                    if !overdue_now && n.is_none() {
                        continue;
                    }
                    let kind = if d.kind == Kind::Interval {
                        ItemKind::Interval
                    } else {
                        ItemKind::Task
                    };
                    let row = DeadlineRow::new(d, case, redact).with_receiving(reg, case);
                    let item = Item {
                        what: row.what(),
                        deadline: Some(Box::new(row)),
                        ..base(case, kind)
                    };
                    out.push((if overdue_now { None } else { n }, item));
                }
            }
            out
        })
        .collect();
    // The overdue ones in the SPEC's deadline order; each day's below. The lines are sorted by
    // a small key made once per line (not by comparing the lines, each a few hundred bytes with
    // its deadline behind a pointer): the same stable order.
    lines.par_sort_by_cached_key(|(n, i)| line_key(*n, i));
    // The overdue lines sort first: the days' lines move out of the end of the list, and the
    // list becomes the overdue one in place (a long overdue list is never held twice).
    let split = lines.partition_point(|(n, _)| n.is_none());
    for (n, item) in lines.drain(split..) {
        if let Some(n) = n {
            out_days[n].items.push(item);
        }
    }
    let overdue: Vec<Item<'a>> = lines.into_iter().map(|(_, item)| item).collect();
    Agenda {
        overdue,
        days: out_days,
    }
}

/// Where a line sorts: overdue ones first, in the SPEC's deadline order (due, case, kind, id);
/// then by day and, within a day, MDT meetings first, then appointments by time, then deadlines
/// and tasks (in the SPEC's deadline order); by case.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum LineKey<'a> {
    Overdue(Option<DeadlineKey<'a>>),
    Day {
        day: usize,
        rank: u8,
        time: Option<&'a str>,
        case: &'a str,
        kind: ItemKind,
        deadline: Option<DeadlineKey<'a>>,
    },
}

/// A deadline's place in the SPEC's order: due, case, kind, id.
type DeadlineKey<'a> = (NaiveDate, &'a str, Kind, &'a str);

fn line_key<'a>(day: Option<usize>, i: &Item<'a>) -> LineKey<'a> {
    let deadline = i.deadline.as_ref().map(|d| (d.due, d.case, d.kind, d.id));
    let Some(day) = day else {
        return LineKey::Overdue(deadline);
    };
    let rank = match i.kind {
        ItemKind::Mdt => 0,
        ItemKind::Appointment => 1,
        ItemKind::Interval | ItemKind::Task => 2,
    };
    LineKey::Day {
        day,
        rank,
        time: i.time,
        case: i.case,
        kind: i.kind,
        deadline,
    }
}
