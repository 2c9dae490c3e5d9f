//! The deadline engine: (cases, pathways, today, settings) → deadlines and measured intervals,
//! exactly as SPEC.md §2 defines them. Pure: no IO, no clock.
//!
//! Standard times are calendar days and the from-day is day 0 (PATHWAYS.md: "calendar days;
//! from-day is day 0"): due = from + days; met when the `to` event is on or before the due date.

use chrono::NaiveDate;

use crate::model::{
    CONTACT_RECEIVING, Case, Days, Event, Interval, Pathway, Role, TimesStatus, Treatment,
};

/// What a deadline is for (JSON: `interval`, `task`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Interval,
    Task,
}

impl Kind {
    /// The stable word used in JSON.
    pub fn word(self) -> &'static str {
        match self {
            Kind::Interval => "interval",
            Kind::Task => "task",
        }
    }
}

/// How urgent an open deadline is (JSON: `overdue`, `due-soon`, `open`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Urgency {
    /// today > due.
    Overdue,
    /// Due today or within the warning window (see [`Warn`]).
    DueSoon,
    /// Further away.
    Open,
}

impl Urgency {
    /// The stable word used in JSON.
    pub fn word(self) -> &'static str {
        match self {
            Urgency::Overdue => "overdue",
            Urgency::DueSoon => "due-soon",
            Urgency::Open => "open",
        }
    }

    /// The urgency of a deadline due on `due`, seen on `today`, with the window `warn`.
    pub fn of(due: NaiveDate, today: NaiveDate, warn: &Warn<'_>) -> Urgency {
        if due < today {
            Urgency::Overdue
        } else if warn.soon(due, today) {
            Urgency::DueSoon
        } else {
            Urgency::Open
        }
    }
}

/// The "due soon" window (SPEC §2): forlop.toml `warn_days`, counted as `warn_in` says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Warn<'a> {
    pub days: u32,
    /// Count working days (weekends, public holidays and `closed_days` do not count) rather than
    /// calendar days.
    pub working_days: bool,
    /// The section's extra closed days.
    pub closed_days: &'a [NaiveDate],
}

impl Warn<'_> {
    /// The window counted in calendar days with no closed days (the behaviour before `warn_in`).
    pub fn calendar(days: u32) -> Warn<'static> {
        Warn {
            days,
            working_days: false,
            closed_days: &[],
        }
    }

    /// Whether `date` is a working day: not a weekend, a public holiday or a closed day.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        !crate::calendar::is_weekend(date)
            && crate::calendar::holiday(date).is_none()
            && !self.closed_days.contains(&date)
    }

    /// The last day a deadline can fall on and still be due soon, seen on `today`.
    pub fn horizon(&self, today: NaiveDate) -> NaiveDate {
        if !self.working_days {
            return today + chrono::Days::new(u64::from(self.days));
        }
        let mut d = today;
        let mut count = 0u32;
        loop {
            let next = d.succ_opt().unwrap_or(d);
            if self.is_working_day(next) {
                if count == self.days {
                    return d;
                }
                count += 1;
            }
            if next == d {
                return d;
            }
            d = next;
        }
    }

    /// Whether a deadline due on `due` (≥ `today`) is within the window: with working days, the
    /// number of working days after today up to and including `due` is at most `days` (so on the
    /// Wednesday before Easter a deadline on the Tuesday after it is due soon); with calendar
    /// days, due − today ≤ days.
    pub fn soon(&self, due: NaiveDate, today: NaiveDate) -> bool {
        if due < today {
            return false;
        }
        if !self.working_days {
            return (due - today).num_days() <= i64::from(self.days);
        }
        let mut count = 0u32;
        let mut d = today;
        while d < due {
            d = d.succ_opt().unwrap_or(d);
            if self.is_working_day(d) {
                count += 1;
                if count > self.days {
                    return false;
                }
            }
        }
        true
    }
}

/// Where a case stands on a day (SPEC §2; `status --format json` `state`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CaseState {
    /// Its standard times are still running.
    InPathway,
    /// The pathway has ended (first treatment recorded, or a decision that ends it), but the
    /// case is not closed: the coordinator still follows the patient.
    FollowUp,
    /// Moved to another hospital.
    Transferred,
    /// `[closed]`.
    Closed,
}

impl CaseState {
    /// Where `case` stands on `today` without its pathway (closed, transferred, else in pathway).
    pub fn without_pathway(case: &Case, today: NaiveDate) -> CaseState {
        if case.is_closed(today) {
            CaseState::Closed
        } else if case.transferred(today).is_some() {
            CaseState::Transferred
        } else {
            CaseState::InPathway
        }
    }

    /// The stable word used in JSON.
    pub fn word(self) -> &'static str {
        match self {
            CaseState::InPathway => "in-pathway",
            CaseState::FollowUp => "follow-up",
            CaseState::Transferred => "transferred",
            CaseState::Closed => "closed",
        }
    }
}

/// Which limit of an interval applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Basis {
    /// A plain number of days, whatever the treatment.
    Fixed,
    /// The limit of this treatment type.
    Treatment(Treatment),
    /// The smallest limit: the treatment is not decided (or not in the table) yet.
    Strictest,
}

/// The event a deadline counts from: an interval's `from`, a pathway task's `after`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchor<'a> {
    /// The milestone id.
    pub milestone: &'a str,
    /// The date of its (earliest) event.
    pub date: NaiveDate,
}

/// Why a deadline falls where it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Why<'a> {
    /// The event the deadline counts from; `None` for ad-hoc tasks.
    pub anchor: Option<Anchor<'a>>,
    /// The number of days added to the anchor.
    pub days: Option<u32>,
    pub basis: Basis,
    /// The pathway's times are not verified.
    pub unverified: bool,
}

/// One open deadline. Its words are borrowed from the loaded register (no copy per deadline:
/// `due` on a large register lists hundreds of thousands).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadline<'a> {
    pub case: &'a str,
    pub pathway: &'a str,
    pub kind: Kind,
    /// Interval id (`OF1`) or task id.
    pub id: &'a str,
    /// The interval's `to` milestone, or the task's `after` milestone (`None` for ad-hoc tasks).
    pub milestone: Option<&'a str>,
    /// The interval's or task's name, for display.
    pub name: Option<&'a str>,
    pub due: NaiveDate,
    /// due − today; negative when overdue.
    pub days_left: i64,
    pub urgency: Urgency,
    pub coordinator: Option<&'a str>,
    pub why: Why<'a>,
}

/// A standard time whose `to` event has happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measured {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub due: NaiveDate,
    /// to − from in calendar days.
    pub elapsed: i64,
    /// The limit in days that applied.
    pub days: u32,
    pub basis: Basis,
}

impl Measured {
    /// Within the standard time: elapsed ≤ days (equivalently, to ≤ due).
    pub fn within(&self) -> bool {
        self.to <= self.due
    }
}

/// Where one standard time of one case stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IntervalState {
    /// The `from` event has not happened: no due date yet.
    NotStarted,
    /// Running: due date, days left, urgency. `None` urgency on a closed/transferred case.
    Open {
        due: NaiveDate,
        days: u32,
        basis: Basis,
        from: NaiveDate,
    },
    /// The `to` event happened.
    Done(Measured),
    /// The treatment type recorded has no limit in the table (or there is no type at all).
    NotApplicable,
    /// A decision that ends the pathway (not cancer, not MUU) came before this interval's `to`.
    Ended,
}

/// The evaluation of one interval of one case.
#[derive(Clone, Debug, PartialEq)]
pub struct IntervalStatus<'p> {
    pub interval: &'p Interval,
    pub state: IntervalState,
}

/// The events of a case that had happened by `today`, with their pathway roles resolved once.
pub struct CaseView<'c, 'p> {
    pub case: &'c Case,
    pub pathway: &'p Pathway,
    pub today: NaiveDate,
    events: Vec<&'c Event>,
}

impl<'c, 'p> CaseView<'c, 'p> {
    /// The case as it stood on `today`.
    pub fn new(case: &'c Case, pathway: &'p Pathway, today: NaiveDate) -> Self {
        let events = case.events_until(today).collect();
        CaseView {
            case,
            pathway,
            today,
            events,
        }
    }

    /// The earliest event of milestone `id` (the one that counts).
    pub fn first(&self, id: &str) -> Option<&'c Event> {
        self.events
            .iter()
            .filter(|e| e.milestone.value == id)
            .min_by_key(|e| e.date.value)
            .copied()
    }

    /// The earliest event of the milestone playing `role`.
    pub fn first_with_role(&self, role: Role) -> Option<&'c Event> {
        self.pathway
            .milestone_with_role(role)
            .and_then(|m| self.first(&m.id.value))
    }

    /// Whether the (earliest) decision ended the pathway: an outcome other than cancer or
    /// unknown origin (MUU).
    pub fn decision_ends(&self) -> bool {
        self.first_with_role(Role::Decision)
            .and_then(|e| e.outcome.as_ref())
            .is_some_and(|o| o.value.ends_pathway())
    }

    /// Whether the case is still open on `today`.
    pub fn is_open(&self) -> bool {
        self.case.is_open(self.today)
    }

    /// Whether the pathway's standard times to treatment are over: the first treatment is
    /// recorded, or a decision ended the pathway.
    pub fn pathway_ended(&self) -> bool {
        self.first_with_role(Role::Treatment).is_some() || self.decision_ends()
    }

    /// Where the case stands on `today`.
    pub fn state(&self) -> CaseState {
        if self.case.is_closed(self.today) {
            CaseState::Closed
        } else if self.case.transferred(self.today).is_some() {
            CaseState::Transferred
        } else if self.pathway_ended() {
            CaseState::FollowUp
        } else {
            CaseState::InPathway
        }
    }

    /// The state of one interval.
    pub fn interval(&self, interval: &'p Interval) -> IntervalStatus<'p> {
        IntervalStatus {
            interval,
            state: self.interval_state(interval),
        }
    }

    /// Where one interval stands (the state alone).
    pub fn interval_state(&self, interval: &Interval) -> IntervalState {
        let to_role = self.pathway.role_of(&interval.to.value);
        if to_role == Some(Role::Treatment) && self.decision_ends() {
            return IntervalState::Ended;
        }
        let Some(from) = self.first(&interval.from.value) else {
            return IntervalState::NotStarted;
        };
        let from = from.date.value;
        match self.first(&interval.to.value) {
            Some(to_event) => {
                let limit = match &interval.days {
                    Days::Fixed(d) => Some((*d, Basis::Fixed)),
                    // Once treatment has started, its type selects the limit; a type the table
                    // lacks, or no type at all, makes the interval not applicable.
                    table if to_role == Some(Role::Treatment) => self
                        .case
                        .event_treatment(to_event)
                        .and_then(|t| table.for_treatment(t).map(|d| (d, Basis::Treatment(t)))),
                    table => Some(self.open_limit(table)),
                };
                let Some((days, basis)) = limit else {
                    return IntervalState::NotApplicable;
                };
                let to = to_event.date.value;
                IntervalState::Done(Measured {
                    from,
                    to,
                    due: from + chrono::Days::new(u64::from(days)),
                    elapsed: (to - from).num_days(),
                    days,
                    basis,
                })
            }
            None => {
                let (days, basis) = self.open_limit(&interval.days);
                let due = from + chrono::Days::new(u64::from(days));
                IntervalState::Open {
                    due,
                    days,
                    basis,
                    from,
                }
            }
        }
    }

    /// The limit of a running interval: the planned treatment's, else the strictest.
    fn open_limit(&self, days: &Days) -> (u32, Basis) {
        match days {
            Days::Fixed(d) => (*d, Basis::Fixed),
            Days::PerTreatment(_) => {
                let planned = self.case.treatment.as_ref().map(|t| t.value);
                match planned.and_then(|t| days.for_treatment(t).map(|d| (d, t))) {
                    Some((d, t)) => (d, Basis::Treatment(t)),
                    None => (days.strictest().unwrap_or(0), Basis::Strictest),
                }
            }
        }
    }

    /// Every interval of the pathway with its state.
    pub fn intervals(&self) -> Vec<IntervalStatus<'p>> {
        self.pathway
            .intervals
            .iter()
            .map(|i| self.interval(i))
            .collect()
    }

    /// The task list: pathway tasks, then ad-hoc tasks, each with its due date (if known) and
    /// completion date (if done by today).
    pub fn tasks(&self) -> Vec<TaskStatus<'c>>
    where
        'p: 'c,
    {
        let done = |id: &str| {
            self.case
                .tasks
                .iter()
                .find(|t| t.id.value == id)
                .and_then(|t| t.done.as_ref())
                .map(|d| d.value)
                .filter(|d| *d <= self.today)
        };
        let pathway: &'c Pathway = self.pathway;
        let mut out: Vec<TaskStatus<'c>> = pathway
            .tasks
            .iter()
            .map(|t| {
                let anchor = self.first(&t.after.value).map(|e| e.date.value);
                TaskStatus {
                    id: &t.id.value,
                    name: &t.name,
                    after: Some(&t.after.value),
                    anchor,
                    days: Some(t.days),
                    due: anchor.map(|a| a + chrono::Days::new(u64::from(t.days))),
                    done: done(&t.id.value),
                }
            })
            .collect();
        if let Some(transfer) = self.case.transferred(self.today)
            && pathway.task(CONTACT_RECEIVING).is_none()
        {
            out.push(TaskStatus {
                id: CONTACT_RECEIVING,
                name: CONTACT_RECEIVING,
                after: None,
                anchor: None,
                days: None,
                due: Some(transfer.date.value),
                done: done(CONTACT_RECEIVING),
            });
        }
        for t in &self.case.tasks {
            if pathway.task(&t.id.value).is_some() || t.id.value == CONTACT_RECEIVING {
                continue;
            }
            let Some(due) = &t.due else { continue };
            out.push(TaskStatus {
                id: &t.id.value,
                name: t.name.as_deref().unwrap_or(&t.id.value),
                after: None,
                anchor: None,
                days: None,
                due: Some(due.value),
                done: t
                    .done
                    .as_ref()
                    .map(|d| d.value)
                    .filter(|d| *d <= self.today),
            });
        }
        out
    }
}

/// One task of a case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskStatus<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// The milestone it follows (pathway tasks), `None` for ad-hoc tasks.
    pub after: Option<&'a str>,
    pub anchor: Option<NaiveDate>,
    pub days: Option<u32>,
    /// `None` until the `after` event has happened.
    pub due: Option<NaiveDate>,
    pub done: Option<NaiveDate>,
}

/// The open deadlines of one case on `today` (none when it is closed or transferred).
pub fn case_deadlines<'a>(view: &CaseView<'a, 'a>, warn: &Warn<'_>) -> Vec<Deadline<'a>> {
    let mut out = Vec::new();
    let case: &'a Case = view.case;
    if !case.is_followed(view.today) {
        return out;
    }
    // A transferred case keeps one task, until it is done: call the receiving coordinator.
    let transferred = case.transferred(view.today).is_some();
    let pathway: &'a Pathway = view.pathway;
    let unverified = pathway.times == TimesStatus::Unverified;
    let coordinator = case.coordinator.as_ref().map(|c| c.value.as_str());
    let make = |kind,
                id: &'a str,
                milestone: Option<&'a str>,
                name: Option<&'a str>,
                due: NaiveDate,
                why: Why<'a>| Deadline {
        case: &case.id.value,
        pathway: &case.pathway.value,
        kind,
        id,
        milestone,
        name,
        due,
        days_left: (due - view.today).num_days(),
        urgency: Urgency::of(due, view.today, warn),
        coordinator,
        why,
    };
    for i in pathway.intervals.iter().filter(|_| !transferred) {
        if let IntervalState::Open {
            due,
            days,
            basis,
            from,
        } = view.interval_state(i)
        {
            let why = Why {
                anchor: Some(Anchor {
                    milestone: &i.from.value,
                    date: from,
                }),
                days: Some(days),
                basis,
                unverified,
            };
            out.push(make(
                Kind::Interval,
                &i.id.value,
                Some(&i.to.value),
                i.name.as_deref(),
                due,
                why,
            ));
        }
    }
    for t in view.tasks() {
        let (Some(due), None) = (t.due, t.done) else {
            continue;
        };
        if transferred && t.id != CONTACT_RECEIVING {
            continue;
        }
        let why = Why {
            anchor: t
                .after
                .zip(t.anchor)
                .map(|(milestone, date)| Anchor { milestone, date }),
            days: t.days,
            basis: Basis::Fixed,
            unverified: false,
        };
        out.push(make(Kind::Task, t.id, t.after, Some(t.name), due, why));
    }
    out
}

/// A standard time missed: its `to` event came after the due date (SPEC §2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missed {
    pub case: String,
    pub pathway: String,
    pub interval: String,
    pub due: NaiveDate,
    /// The date of the `to` event.
    pub date: NaiveDate,
    /// date − due, in calendar days (at least 1).
    pub days_over: i64,
    pub coordinator: Option<String>,
    /// The pathway's times are not verified.
    pub unverified: bool,
}

/// The standard times of one case missed with a `to` event on or after `since` and no
/// `[[deviation]]` for that interval: the deviation still has to be written and reported to
/// the leader. Closed and transferred cases count too.
pub fn missed(view: &CaseView<'_, '_>, since: NaiveDate) -> Vec<Missed> {
    missed_in(view, &view.intervals(), since)
}

/// [`missed`], from the case's interval `states` worked out already.
pub fn missed_in(
    view: &CaseView<'_, '_>,
    states: &[IntervalStatus<'_>],
    since: NaiveDate,
) -> Vec<Missed> {
    let case = view.case;
    states
        .iter()
        .filter_map(|st| match &st.state {
            IntervalState::Done(m) if !m.within() && m.to >= since => Some((st.interval, m)),
            _ => None,
        })
        .filter(|(i, _)| {
            !case
                .deviations
                .iter()
                .any(|d| d.interval.value == i.id.value)
        })
        .map(|(i, m)| Missed {
            case: case.id.value.to_string(),
            pathway: case.pathway.value.to_string(),
            interval: i.id.value.clone(),
            due: m.due,
            date: m.to,
            days_over: (m.to - m.due).num_days(),
            coordinator: case.coordinator.as_ref().map(|c| c.value.to_string()),
            unverified: view.pathway.times == TimesStatus::Unverified,
        })
        .collect()
}

/// The most urgent open deadline of one case (first in the SPEC's order), if any.
pub fn next_deadline<'a>(view: &CaseView<'a, 'a>, warn: &Warn<'_>) -> Option<Deadline<'a>> {
    case_deadlines(view, warn)
        .into_iter()
        .min_by(|a, b| order(a, b))
}

/// Every open deadline in the register on `today`, sorted by due date, case, kind and id.
/// Cases are evaluated and the list sorted in parallel; the result does not depend on their order.
pub fn deadlines<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    pathway: impl Fn(&str) -> Option<&'a Pathway> + Sync,
    today: NaiveDate,
    warn: &Warn<'_>,
) -> Vec<Deadline<'a>> {
    use rayon::prelude::*;
    let cases: Vec<&Case> = cases.into_iter().collect();
    let mut out: Vec<Deadline<'a>> = cases
        .par_iter()
        .filter_map(|c| pathway(&c.pathway.value).map(|p| (*c, p)))
        .flat_map_iter(|(c, p)| case_deadlines(&CaseView::new(c, p, today), warn))
        .collect();
    sort(&mut out);
    out
}

/// Orders cases by the due date of their most urgent deadline; cases without one come last.
pub fn most_urgent_first(a: Option<NaiveDate>, b: Option<NaiveDate>) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    match (a, b) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The SPEC's order: due date, then case id, then kind, then id.
pub fn order(a: &Deadline<'_>, b: &Deadline<'_>) -> std::cmp::Ordering {
    (a.due, a.case, a.kind, a.id).cmp(&(b.due, b.case, b.kind, b.id))
}

/// Sorts in the SPEC's order, in parallel (stable, so equal keys keep the cases' order).
pub fn sort(deadlines: &mut [Deadline<'_>]) {
    use rayon::slice::ParallelSliceMut;
    deadlines.par_sort_by(order);
}
