//! `status`: one line per open case.

use chrono::NaiveDate;

use super::{event_code, patient_label, timeline};
use crate::model::{Case, Pathway, Role};
use crate::register::Register;
use crate::schedule::{CaseView, Deadline, most_urgent_first, next_deadline};

/// One line of `forlop status`.
#[derive(Clone, Debug, PartialEq)]
pub struct StatusRow {
    pub case: String,
    pub patient: String,
    pub pathway: String,
    pub coordinator: Option<String>,
    /// Milestone id, date and NPR code of the latest event.
    pub last: Option<(String, NaiveDate, Option<String>)>,
    /// The next milestone the pathway waits for.
    pub next: Option<String>,
    /// The most urgent open deadline.
    pub deadline: Option<Deadline>,
}

/// Which cases to show.
pub struct Filter<'a> {
    pub cases: &'a [String],
    pub coordinator: Option<&'a str>,
    pub pathway: Option<&'a str>,
}

impl Filter<'_> {
    /// Whether `case` passes; named cases are shown whether open or not.
    pub fn admits(&self, case: &Case, today: NaiveDate) -> bool {
        let named = if self.cases.is_empty() {
            case.is_open(today)
        } else {
            self.cases.contains(&case.id.value)
        };
        named
            && self
                .coordinator
                .is_none_or(|c| case.coordinator.as_ref().is_some_and(|x| x.value == c))
            && self.pathway.is_none_or(|p| case.pathway.value == p)
    }
}

const ORDER: [Role; 4] = [
    Role::Start,
    Role::FirstVisit,
    Role::Decision,
    Role::Treatment,
];

/// The next role milestone the case waits for, if any.
pub fn next_milestone<'p>(case: &Case, pathway: &'p Pathway, today: NaiveDate) -> Option<&'p str> {
    let events = timeline(case, today);
    let reached = |role: Role| {
        events
            .iter()
            .any(|e| pathway.role_of(&e.milestone.value) == Some(role))
    };
    // The engine's rule: the earliest decision counts.
    let decision_ends = CaseView::new(case, pathway, today).decision_ends();
    let highest = ORDER.iter().rposition(|r| reached(*r));
    if decision_ends || highest == Some(ORDER.len() - 1) {
        return None;
    }
    let from = highest.map_or(0, |h| h + 1);
    ORDER[from..]
        .iter()
        .find_map(|r| pathway.milestone_with_role(*r))
        .map(|m| m.id.value.as_str())
}

/// The status rows, most urgent first (by next deadline; cases without one last, by id).
pub fn rows(reg: &Register, today: NaiveDate, filter: &Filter<'_>, redact: bool) -> Vec<StatusRow> {
    let mut rows: Vec<StatusRow> = reg
        .cases
        .iter()
        .filter(|c| filter.admits(c, today))
        .map(|case| {
            let pathway = reg.pathway(&case.pathway.value);
            let events = timeline(case, today);
            let last = events.last().map(|e| {
                let code = pathway.and_then(|p| event_code(p, case, e));
                (e.milestone.value.clone(), e.date.value, code)
            });
            let deadline = pathway.and_then(|p| {
                next_deadline(&CaseView::new(case, p, today), reg.settings.warn_days)
            });
            StatusRow {
                deadline,
                case: case.id.value.clone(),
                patient: patient_label(case, redact),
                pathway: case.pathway.value.clone(),
                coordinator: case.coordinator.as_ref().map(|c| c.value.clone()),
                last,
                next: pathway
                    .and_then(|p| next_milestone(case, p, today))
                    .map(String::from),
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        let due = |r: &StatusRow| r.deadline.as_ref().map(|d| d.due);
        most_urgent_first(due(a), due(b)).then_with(|| a.case.cmp(&b.case))
    });
    rows
}
