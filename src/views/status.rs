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
                cases.iter().any(|x| x == c.id.as_str())
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
    keep: impl Fn(&Case) -> bool + Sync,
) -> Vec<StaleRow<'a>> {
    use rayon::prelude::*;
    let mut rows: Vec<StaleRow<'a>> = reg
        .cases
        .par_iter()
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
    // A stable sort, as the serial one: rows of a duplicated id keep the file order.
    rows.par_sort_by(|a, b| (a.last_activity, a.case).cmp(&(b.last_activity, b.case)));
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

/// An appointment that is the planned date of a milestone, weighed against the deadline of a
/// running standard time that ends at that milestone.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedLine {
    pub date: NaiveDate,
    pub milestone: String,
    /// The standard time it is weighed against; `None` when none is running.
    pub deadline: Option<PlannedDeadline>,
}

/// The deadline a planned date is weighed against.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedDeadline {
    pub interval: String,
    pub due: NaiveDate,
    /// The planned date is on or before the deadline.
    pub within: bool,
}

/// One task of the case's checklist as `status CASE` shows it.
#[derive(Clone, Debug)]
pub struct TaskLine<'a> {
    pub task: crate::schedule::TaskStatus<'a>,
    /// The task's name, redacted as settings say (an ad-hoc task's name is free text).
    pub name: String,
    /// For the task of calling the receiving hospital: whom to call.
    pub receiving: Option<String>,
}

/// One case in full (`status CASE`): the handover's facts, the state, the problems of its
/// files, planned dates against deadlines, and every task.
#[derive(Clone, Debug)]
pub struct CaseDetail<'a> {
    pub handover: super::handover::Handover<'a>,
    pub state: CaseState,
    /// The problems of this case's file and of its pathway's file.
    pub problems: Vec<crate::register::Problem>,
    pub planned: Vec<PlannedLine>,
    pub tasks: Vec<TaskLine<'a>>,
}

/// The detail of `case` on `today`.
pub fn detail<'a>(
    reg: &'a Register,
    case: &'a Case,
    today: NaiveDate,
    redact: bool,
) -> CaseDetail<'a> {
    let h = super::handover::handover(reg, case, today, redact);
    let state = h.pathway.map_or_else(
        || CaseState::without_pathway(case, today),
        |p| CaseView::new(case, p, today).state(),
    );
    let pathway_file = format!("pathways/{}.toml", case.pathway.value);
    let problems = reg
        .problems
        .iter()
        .filter(|p| p.file == case.file || p.file == pathway_file)
        .cloned()
        .collect();
    let (planned, tasks) = match h.pathway {
        Some(pathway) => {
            let tasks = CaseView::new(case, pathway, today)
                .tasks()
                .into_iter()
                .map(|t| {
                    let receiving = (t.id == crate::model::CONTACT_RECEIVING).then(|| {
                        super::due::receiving_contact(reg, case, redact).unwrap_or_default()
                    });
                    TaskLine {
                        name: super::redact_text(t.name, case, redact),
                        receiving,
                        task: t,
                    }
                })
                .collect();
            (planned(case, pathway, today, h.open), tasks)
        }
        None => (Vec::new(), Vec::new()),
    };
    CaseDetail {
        handover: h,
        state,
        problems,
        planned,
        tasks,
    }
}

/// The appointments that are the planned date of a milestone, each against the deadline of
/// every running standard time that ends at that milestone.
fn planned(case: &Case, pathway: &Pathway, today: NaiveDate, open: bool) -> Vec<PlannedLine> {
    use crate::schedule::IntervalState;
    let view = CaseView::new(case, pathway, today);
    let mut rows = Vec::new();
    for a in &case.appointments {
        let Some(m) = &a.milestone else { continue };
        let mut any = false;
        for st in view.intervals() {
            if st.interval.to.value != m.value {
                continue;
            }
            if let IntervalState::Open { due, .. } = st.state
                && open
            {
                any = true;
                rows.push(PlannedLine {
                    date: a.date.value,
                    milestone: m.value.to_string(),
                    deadline: Some(PlannedDeadline {
                        interval: st.interval.id.value.clone(),
                        due,
                        within: a.date.value <= due,
                    }),
                });
            }
        }
        if !any {
            rows.push(PlannedLine {
                date: a.date.value,
                milestone: m.value.to_string(),
                deadline: None,
            });
        }
    }
    rows
}
