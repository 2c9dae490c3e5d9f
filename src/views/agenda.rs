//! `agenda`: what is overdue, then day by day: appointments, MDT meetings, deadlines, tasks.

use chrono::NaiveDate;

use super::{patient_label, redact_text};
use crate::calendar::{Holiday, holiday, is_weekend};
use crate::model::Case;
use crate::register::Register;
use crate::schedule::{self, Deadline, Kind, Urgency};

/// What an agenda line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
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

/// One line of a day.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub kind: ItemKind,
    pub time: Option<String>,
    pub case: String,
    pub patient: String,
    pub pathway: String,
    pub coordinator: Option<String>,
    /// What is booked or due (redacted free text).
    pub what: String,
    pub place: Option<String>,
    /// For deadlines: the deadline itself.
    pub deadline: Option<Deadline>,
}

/// One day of the agenda.
#[derive(Clone, Debug, PartialEq)]
pub struct Day {
    pub date: NaiveDate,
    pub weekend: bool,
    pub holiday: Option<Holiday>,
    /// A day the section is closed (forlop.toml `closed_days`).
    pub closed: bool,
    pub items: Vec<Item>,
}

/// The agenda: overdue first (most overdue first), then each day.
#[derive(Clone, Debug, PartialEq)]
pub struct Agenda {
    /// Overdue deadlines and tasks, as items with their deadline.
    pub overdue: Vec<Item>,
    pub days: Vec<Day>,
}

/// The items of the cases that pass `keep`, for `days` days from `today`.
pub fn agenda(
    reg: &Register,
    today: NaiveDate,
    days: u32,
    redact: bool,
    keep: impl Fn(&Case) -> bool,
) -> Agenda {
    let cases: Vec<&Case> = reg
        .cases
        .iter()
        .filter(|c| c.is_followed(today) && keep(c))
        .collect();
    let deadlines = schedule::deadlines(
        cases.iter().copied(),
        |id| reg.pathway(id),
        today,
        &reg.settings.warn(),
    );
    let mut out_days: Vec<Day> = (0..days.max(1))
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
    let by_id: std::collections::HashMap<&str, &Case> =
        cases.iter().map(|c| (c.id.value.as_str(), *c)).collect();
    let base = |case: &Case, kind: ItemKind| Item {
        kind,
        time: None,
        case: case.id.value.clone(),
        patient: patient_label(case, redact),
        pathway: case.pathway.value.clone(),
        coordinator: case.coordinator.as_ref().map(|c| c.value.clone()),
        what: String::new(),
        place: None,
        deadline: None,
    };
    for case in &cases {
        for a in &case.appointments {
            if let Some(n) = day_of(a.date.value) {
                out_days[n].items.push(Item {
                    time: a.time.clone(),
                    what: redact_text(&a.what, case, redact),
                    place: a.place.clone(),
                    ..base(case, ItemKind::Appointment)
                });
            }
        }
        for m in &case.mdts {
            if let Some(n) = day_of(m.date.value) {
                let what = m
                    .question
                    .as_deref()
                    .map(|q| redact_text(q, case, redact))
                    .unwrap_or_default();
                out_days[n].items.push(Item {
                    what,
                    ..base(case, ItemKind::Mdt)
                });
            }
        }
    }
    let mut overdue = Vec::new();
    for d in deadlines {
        let Some(case) = by_id.get(d.case.as_str()) else {
            continue;
        };
        let kind = if d.kind == Kind::Interval {
            ItemKind::Interval
        } else {
            ItemKind::Task
        };
        let overdue_now = d.urgency == Urgency::Overdue;
        let n = day_of(d.due);
        let item = Item {
            what: super::deadline_what(&d),
            deadline: Some(d),
            ..base(case, kind)
        };
        if overdue_now {
            overdue.push(item);
        } else if let Some(n) = n {
            out_days[n].items.push(item);
        }
    }
    for day in &mut out_days {
        // MDT meetings first, then appointments by time, then deadlines and tasks; stable by case.
        day.items.sort_by(|a, b| {
            let rank = |i: &Item| match i.kind {
                ItemKind::Mdt => 0,
                ItemKind::Appointment => 1,
                ItemKind::Interval | ItemKind::Task => 2,
            };
            (rank(a), &a.time, &a.case, a.kind).cmp(&(rank(b), &b.time, &b.case, b.kind))
        });
    }
    Agenda {
        overdue,
        days: out_days,
    }
}

/// Whether a case is one of `coordinator`'s (or any, without a filter) and on `pathway`.
pub fn matches(case: &Case, coordinator: Option<&str>, pathway: Option<&str>) -> bool {
    coordinator.is_none_or(|id| case.coordinator.as_ref().is_some_and(|x| x.value == id))
        && pathway.is_none_or(|p| case.pathway.value == p)
}
