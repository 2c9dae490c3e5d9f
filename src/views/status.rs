//! `status`: one line per open case.

use chrono::NaiveDate;
use serde::Serialize;

use super::due::DeadlineRow;
use super::{PatientLabel, event_code, iso_date_opt, timeline};
use crate::model::{Case, Pathway, Role};
use crate::register::Register;
use crate::schedule::{CaseState, CaseView, most_urgent_first, next_deadline};
use crate::select::Selection;

/// One line of `forlop status`; serializes to the SPEC's status object.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatusRow<'a> {
    pub case: &'a str,
    pub patient: PatientLabel<'a>,
    pub pathway: &'a str,
    pub coordinator: Option<&'a str>,
    /// In its pathway, in follow-up after it, transferred or closed.
    pub state: CaseState,
    /// The latest event's milestone id, date and NPR code.
    pub last_milestone: Option<&'a str>,
    #[serde(serialize_with = "iso_date_opt")]
    pub last_date: Option<NaiveDate>,
    pub last_code: Option<String>,
    /// The next milestone the pathway waits for.
    pub next_milestone: Option<&'a str>,
    /// The most urgent open deadline.
    pub next_deadline: Option<DeadlineRow<'a>>,
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

/// The status row of one case.
pub fn row<'a>(reg: &'a Register, case: &'a Case, today: NaiveDate, redact: bool) -> StatusRow<'a> {
    let pathway = reg.pathway(&case.pathway.value);
    let events = timeline(case, today);
    let last = events.last();
    let next_deadline = pathway.and_then(|p| {
        next_deadline(&CaseView::new(case, p, today), &reg.settings.warn())
            .map(|d| DeadlineRow::new(d, case, redact).with_receiving(reg, case))
    });
    StatusRow {
        case: &case.id.value,
        patient: PatientLabel { case, redact },
        pathway: &case.pathway.value,
        coordinator: case.coordinator.as_ref().map(|c| c.value.as_str()),
        state: pathway.map_or_else(
            || CaseState::without_pathway(case, today),
            |p| CaseView::new(case, p, today).state(),
        ),
        last_milestone: last.map(|e| e.milestone.value.as_str()),
        last_date: last.map(|e| e.date.value),
        last_code: last.and_then(|e| pathway.and_then(|p| event_code(p, case, e))),
        next_milestone: pathway.and_then(|p| next_milestone(case, p, today)),
        next_deadline,
    }
}

/// The status rows of the selected cases — the named ones (open or not), else the open ones —
/// most urgent first (by next deadline; cases without one last, by id).
pub fn rows<'a>(
    reg: &'a Register,
    today: NaiveDate,
    selection: &Selection,
    cases: &[String],
) -> Vec<StatusRow<'a>> {
    use rayon::prelude::*;
    let mut rows: Vec<StatusRow<'a>> = reg
        .cases
        .par_iter()
        .filter(|c| {
            let named = if cases.is_empty() {
                c.is_followed(today)
            } else {
                cases.contains(&c.id.value)
            };
            named && selection.admits(c)
        })
        .map(|case| row(reg, case, today, selection.redact))
        .collect();
    rows.par_sort_by(|a, b| {
        let due = |r: &StatusRow| r.next_deadline.as_ref().map(|d| d.due);
        most_urgent_first(due(a), due(b)).then_with(|| a.case.cmp(b.case))
    });
    rows
}

/// A case nothing has happened in for `stale_days` (SPEC §2 "stale"); serializes to the
/// report's `stale` object.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StaleRow<'a> {
    pub case: &'a str,
    #[serde(skip)]
    pub patient: PatientLabel<'a>,
    pub pathway: &'a str,
    pub coordinator: Option<&'a str>,
    #[serde(serialize_with = "super::iso_date")]
    pub last_activity: NaiveDate,
}

/// The stale cases among those `keep` admits, oldest activity first (then by case id).
pub fn stale<'a>(
    reg: &'a Register,
    today: NaiveDate,
    redact: bool,
    keep: impl Fn(&Case) -> bool,
) -> Vec<StaleRow<'a>> {
    let mut rows: Vec<StaleRow<'a>> = reg
        .cases
        .iter()
        .filter(|c| keep(c))
        .filter_map(|c| {
            let last = c.stale_since(today, reg.settings.stale_days)?;
            Some(StaleRow {
                case: &c.id.value,
                patient: PatientLabel { case: c, redact },
                pathway: &c.pathway.value,
                coordinator: c.coordinator.as_ref().map(|x| x.value.as_str()),
                last_activity: last,
            })
        })
        .collect();
    rows.sort_by(|a, b| (a.last_activity, a.case).cmp(&(b.last_activity, b.case)));
    rows
}

/// What the coordinators' meeting asks of a case's care planning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CareGap {
    /// The individual plan (individuell plan) is not assessed (absent or `not-assessed`).
    IndividualPlanNotAssessed,
    /// No answer on consent to contact the municipal cancer coordinator.
    ConsentUnanswered,
}

/// One case with a care-planning question open; serializes to `{"case", "pathway",
/// "coordinator", "gap"}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CareRow<'a> {
    pub case: &'a str,
    #[serde(skip)]
    pub patient: PatientLabel<'a>,
    pub pathway: &'a str,
    pub coordinator: Option<&'a str>,
    pub gap: CareGap,
}

/// The followed cases `keep` admits whose individual plan is not assessed, then those without
/// an answer on consent, each list by case id.
pub fn care<'a>(
    reg: &'a Register,
    today: NaiveDate,
    redact: bool,
    keep: impl Fn(&Case) -> bool,
) -> Vec<CareRow<'a>> {
    use crate::model::IndividualPlan;
    let cases: Vec<&'a Case> = reg
        .cases
        .iter()
        .filter(|c| c.is_followed(today) && keep(c))
        .collect();
    let row = |c: &'a Case, gap| CareRow {
        case: &c.id.value,
        patient: PatientLabel { case: c, redact },
        pathway: &c.pathway.value,
        coordinator: c.coordinator.as_ref().map(|x| x.value.as_str()),
        gap,
    };
    let mut ip: Vec<CareRow<'a>> = cases
        .iter()
        .filter(|c| {
            matches!(
                c.care.individual_plan,
                None | Some(IndividualPlan::NotAssessed)
            )
        })
        .map(|c| row(c, CareGap::IndividualPlanNotAssessed))
        .collect();
    let mut consent: Vec<CareRow<'a>> = cases
        .iter()
        .filter(|c| c.care.municipal_contact_consent.is_none())
        .map(|c| row(c, CareGap::ConsentUnanswered))
        .collect();
    ip.sort_by(|a, b| a.case.cmp(b.case));
    consent.sort_by(|a, b| a.case.cmp(b.case));
    ip.extend(consent);
    ip
}
