//! The morning report: everything the team must see at 06:30, built from the other views.

use chrono::{Months, NaiveDate};

use super::agenda::{Item, ItemKind, agenda};
use super::due::DeadlineRow;
use super::stats::{By, StatRow, stats};
use super::{event_code, patient_label};
use crate::calendar::{holiday, is_weekend};
use crate::model::{Case, Role};
use crate::register::Register;
use crate::schedule::{Kind, Urgency};

/// One overdue deadline with what the report says of it.
#[derive(Clone, Debug, PartialEq)]
pub struct OverdueLine<'a> {
    pub item: Item<'a>,
    /// For standard times: whether a `[[deviation]]` is recorded for it (tasks: `None`).
    pub deviation: Option<bool>,
}

/// Overdue deadlines of one coordinator (`None`: cases without one).
#[derive(Clone, Debug, PartialEq)]
pub struct CoordinatorGroup<'a> {
    pub coordinator: Option<String>,
    /// The name from team.toml.
    pub name: Option<String>,
    pub lines: Vec<OverdueLine<'a>>,
}

/// An event recorded in the window before today.
#[derive(Clone, Debug, PartialEq)]
pub struct Recorded {
    pub case: String,
    pub patient: String,
    pub pathway: String,
    pub date: NaiveDate,
    pub milestone: String,
    pub code: Option<String>,
}

/// The whole report.
#[derive(Clone, Debug, PartialEq)]
pub struct Report<'a> {
    pub name: Option<String>,
    pub hospital: Option<String>,
    pub today: NaiveDate,
    pub overdue: Vec<CoordinatorGroup<'a>>,
    /// Due today and within warn_days.
    pub due_soon: Vec<Item<'a>>,
    /// Today's appointments and MDT meetings.
    pub today_items: Vec<Item<'a>>,
    /// The days "yesterday" covers: from the previous working day up to yesterday.
    pub window: (NaiveDate, NaiveDate),
    pub recorded: Vec<Recorded>,
    pub new_referrals: Vec<Recorded>,
    /// Open cases without a coordinator: (case, patient, pathway).
    pub no_coordinator: Vec<(String, String, String)>,
    /// Open cases with no activity for `stale_days`, oldest first.
    pub stale: Vec<super::status::StaleRow<'a>>,
    /// Compliance of the last four months, per interval.
    pub compliance: Vec<StatRow>,
    pub compliance_from: NaiveDate,
    pub target: f64,
    pub warn_days: u32,
}

impl Report<'_> {
    /// Whether anything is overdue.
    pub fn any_overdue(&self) -> bool {
        self.overdue.iter().any(|g| !g.lines.is_empty())
    }
}

/// The previous working day before `today` (not a weekend, holiday or closed day).
pub fn previous_working_day(today: NaiveDate, closed: &[NaiveDate]) -> NaiveDate {
    let mut d = today.pred_opt().unwrap_or(today);
    for _ in 0..14 {
        if !is_weekend(d) && holiday(d).is_none() && !closed.contains(&d) {
            return d;
        }
        d = d.pred_opt().unwrap_or(d);
    }
    today.pred_opt().unwrap_or(today)
}

/// Builds the report for the cases `keep` admits.
pub fn report<'a>(
    reg: &'a Register,
    today: NaiveDate,
    redact: bool,
    keep: impl Fn(&Case) -> bool + Copy + Sync,
) -> Report<'a> {
    // One agenda covers today and the days of the warning window after it.
    let horizon = reg.settings.warn().horizon(today);
    let a = agenda(
        reg,
        today,
        (horizon - today).num_days() as u32 + 1,
        redact,
        keep,
    );
    // The deviations of the overdue cases only (a few, out of possibly 100,000).
    let overdue_cases: std::collections::HashSet<&str> = a.overdue.iter().map(|i| i.case).collect();
    let deviations: std::collections::HashMap<&str, Vec<&str>> = reg
        .cases
        .iter()
        .filter(|c| overdue_cases.contains(c.id.value.as_str()))
        .map(|c| {
            (
                c.id.value.as_str(),
                c.deviations
                    .iter()
                    .map(|d| d.interval.value.as_str())
                    .collect(),
            )
        })
        .collect();
    let has_deviation = |d: &DeadlineRow<'_>| {
        deviations
            .get(d.case)
            .is_some_and(|ids| ids.contains(&d.id))
    };
    let mut groups: Vec<CoordinatorGroup<'a>> = Vec::new();
    for item in a.overdue {
        let deviation = item
            .deadline
            .as_ref()
            .filter(|d| d.kind == Kind::Interval)
            .map(has_deviation);
        let coordinator = item.coordinator.map(String::from);
        match groups.iter_mut().find(|g| g.coordinator == coordinator) {
            Some(g) => g.lines.push(OverdueLine { item, deviation }),
            None => groups.push(CoordinatorGroup {
                name: coordinator
                    .as_deref()
                    .and_then(|c| reg.team.as_ref().and_then(|t| t.get(c)))
                    .map(|p| p.name.clone()),
                coordinator,
                lines: vec![OverdueLine { item, deviation }],
            }),
        }
    }
    // By coordinator id; cases without a coordinator last.
    groups.sort_by(|a, b| {
        (a.coordinator.is_none(), &a.coordinator).cmp(&(b.coordinator.is_none(), &b.coordinator))
    });
    let mut days = a.days.into_iter();
    let first_day: Vec<Item<'a>> = days.next().map(|d| d.items).unwrap_or_default();
    // Due today and within warn_days: the deadlines of these days (overdue ones are above).
    let due_soon: Vec<Item<'a>> = first_day
        .iter()
        .cloned()
        .chain(days.flat_map(|d| d.items))
        .filter(|i| {
            i.deadline
                .as_ref()
                .is_some_and(|d| d.urgency == Urgency::DueSoon)
        })
        .collect();
    let today_items: Vec<Item<'a>> = first_day
        .into_iter()
        .filter(|i| matches!(i.kind, ItemKind::Appointment | ItemKind::Mdt))
        .collect();
    let window = (
        previous_working_day(today, &reg.settings.closed_days),
        today.pred_opt().unwrap_or(today),
    );
    let mut recorded = Vec::new();
    for case in reg.cases.iter().filter(|c| keep(c)) {
        let pathway = reg.pathway(&case.pathway.value);
        for e in case
            .events
            .iter()
            .filter(|e| e.date.value >= window.0 && e.date.value <= window.1)
        {
            recorded.push((
                pathway.and_then(|p| p.role_of(&e.milestone.value)),
                Recorded {
                    case: case.id.value.clone(),
                    patient: patient_label(case, redact),
                    pathway: case.pathway.value.clone(),
                    date: e.date.value,
                    milestone: e.milestone.value.clone(),
                    code: pathway.and_then(|p| event_code(p, case, e)),
                },
            ));
        }
    }
    recorded.sort_by(|a, b| (a.1.date, &a.1.case).cmp(&(b.1.date, &b.1.case)));
    let new_referrals = recorded
        .iter()
        .filter(|(r, _)| *r == Some(Role::Start))
        .map(|(_, x)| x.clone())
        .collect();
    let no_coordinator = reg
        .cases
        .iter()
        .filter(|c| keep(c) && c.is_followed(today) && c.coordinator.is_none())
        .map(|c| {
            (
                c.id.value.clone(),
                patient_label(c, redact),
                c.pathway.value.clone(),
            )
        })
        .collect();
    let compliance_from = today.checked_sub_months(Months::new(4)).unwrap_or(today);
    Report {
        name: reg.settings.name.clone(),
        hospital: reg.settings.hospital.clone(),
        today,
        overdue: groups,
        due_soon,
        today_items,
        window,
        recorded: recorded.into_iter().map(|(_, r)| r).collect(),
        new_referrals,
        no_coordinator,
        stale: super::status::stale(reg, today, redact, |c| keep(c)),
        compliance: stats(
            reg,
            today,
            Some(compliance_from),
            Some(today),
            By::Interval,
            keep,
        ),
        compliance_from,
        target: reg.settings.target,
        warn_days: reg.settings.warn_days,
    }
}
