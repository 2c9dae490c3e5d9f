//! Rules for one case that need its pathway, the team or today's date.

use foldhash::{HashMap, HashMapExt};

use chrono::NaiveDate;

use crate::diag::Sink;
use crate::i18n::Msg;
use crate::model::*;
use crate::suggest::suggest;

/// What a case is checked against.
pub struct CaseContext<'a> {
    pub pathways: &'a [Pathway],
    /// Ids of register pathway files that failed to load: their cases are not blamed.
    pub broken_pathways: &'a [String],
    pub team: Option<&'a Team>,
    pub today: NaiveDate,
    /// forlop.toml `stale_days`.
    pub stale_days: u32,
    /// Whether warnings are collected: only `check` (and `sync`, which checks) shows them;
    /// the listings show errors and unread files, and skip building the warnings (a stale
    /// warning for most cases of a busy register).
    pub warnings: bool,
    /// Whether the source lines of diagnostics are masked as they are found (forlop.toml
    /// `redact`), for a `check` that shows them under redaction.
    pub mask_lines: bool,
}

impl CaseContext<'_> {
    /// The pathway with `id`.
    pub fn pathway(&self, id: &str) -> Option<&Pathway> {
        crate::model::find_pathway(self.pathways, id)
    }
}

/// Checks one case.
pub fn check_case(case: &Case, ctx: &CaseContext<'_>, sink: &mut Sink<'_>) {
    people(case, ctx, sink);
    identity(case, sink);
    let open = case.is_open(ctx.today);
    if open && case.coordinator.is_none() {
        sink.warn(case.id.span, Msg::OpenCaseNoCoordinator);
    }
    for e in &case.events {
        if e.date.value > ctx.today {
            sink.warn(
                e.date.span,
                Msg::EventInFuture {
                    date: e.date.value.to_string(),
                    today: ctx.today.to_string(),
                },
            );
        }
    }
    ends_in_time(case, ctx.today, sink);
    let Some(pathway) = ctx.pathway(&case.pathway.value) else {
        if !ctx.broken_pathways.iter().any(|b| *b == case.pathway.value) {
            let suggestion = suggest(
                &case.pathway.value,
                ctx.pathways.iter().map(|p| p.id.value.as_str()),
            );
            sink.error(
                case.pathway.span,
                Msg::UnknownPathway {
                    id: case.pathway.value.to_string(),
                    suggestion,
                },
            );
        }
        return;
    };
    events(case, pathway, sink);
    ends_after_referral(case, pathway, sink);
    tasks(case, pathway, sink);
    planned(case, pathway, ctx.today, sink);
    // Most open cases of a busy register are stale: the warning is only made where it is kept.
    if sink.keeps_warnings()
        && let Some(last) = case.stale_since(ctx.today, ctx.stale_days)
    {
        sink.warn(
            case.id.span,
            Msg::StaleCase {
                last_activity: last.to_string(),
                days: (ctx.today - last).num_days(),
            },
        );
    }
    for dev in &case.deviations {
        if pathway.interval(&dev.interval.value).is_none() {
            let suggestion = suggest(
                &dev.interval.value,
                pathway.intervals.iter().map(|i| i.id.value.as_str()),
            );
            sink.error(
                dev.interval.span,
                Msg::UnknownInterval {
                    id: dev.interval.value.to_string(),
                    pathway: pathway.id.value.clone(),
                    suggestion,
                },
            );
        } else if let Some(interval) = pathway.interval(&dev.interval.value) {
            let view = crate::schedule::CaseView::new(case, pathway, ctx.today);
            if let crate::schedule::IntervalState::Done(m) = view.interval(interval).state
                && m.within()
            {
                sink.warn(
                    dev.interval.span,
                    Msg::DeviationOnMetInterval {
                        interval: dev.interval.value.to_string(),
                        elapsed: m.elapsed,
                        days: m.days,
                    },
                );
            }
        }
    }
    if let Some(retired) = &pathway.retired {
        let referral = earliest(case, pathway, Role::Start);
        if referral.is_some_and(|d| d >= retired.value) {
            sink.error(
                case.pathway.span,
                Msg::RetiredPathway {
                    pathway: pathway.id.value.clone(),
                    retired: retired.value.to_string(),
                },
            );
        }
    }
    if open && pathway.times == TimesStatus::Unknown {
        sink.warn(
            case.pathway.span,
            Msg::TimesUnknownOpenCase {
                pathway: pathway.id.value.clone(),
            },
        );
    }
    treatments(case, pathway, sink);
}

/// Closures, transfers and task completions dated after today: replay ignores them until that
/// day, so the case looks open (or the task undone) although the file says otherwise.
fn ends_in_time(case: &Case, today: NaiveDate, sink: &mut Sink<'_>) {
    let after = |d: &Located<NaiveDate>| (d.value > today).then(|| (d.value.to_string(), d.span));
    // Written out only for a warning (a case in 100,000 has one, if any).
    let today_s = || today.to_string();
    if let Some((date, span)) = case.closed.as_ref().and_then(|c| after(&c.date)) {
        let today = today_s();
        sink.warn(span, Msg::ClosedInFuture { date, today });
    }
    if let Some((date, span)) = case.transfer.as_ref().and_then(|t| after(&t.date)) {
        let today = today_s();
        sink.warn(span, Msg::TransferInFuture { date, today });
    }
    for t in &case.tasks {
        if let Some((date, span)) = t.done.as_ref().and_then(after) {
            let (id, today) = (t.id.value.clone(), today_s());
            sink.warn(
                span,
                Msg::TaskDoneInFuture {
                    id: id.to_string(),
                    date,
                    today,
                },
            );
        }
    }
}

/// A closure or transfer dated before the referral.
fn ends_after_referral(case: &Case, pathway: &Pathway, sink: &mut Sink<'_>) {
    let Some(referral) = earliest(case, pathway, Role::Start) else {
        return;
    };
    if let Some(c) = case.closed.as_ref().filter(|c| c.date.value < referral) {
        sink.error(
            c.date.span,
            Msg::ClosedBeforeReferral {
                date: c.date.value.to_string(),
                referral: referral.to_string(),
            },
        );
    }
    if let Some(t) = case.transfer.as_ref().filter(|t| t.date.value < referral) {
        sink.error(
            t.date.span,
            Msg::TransferBeforeReferral {
                date: t.date.value.to_string(),
                referral: referral.to_string(),
            },
        );
    }
}

/// The earliest date of the event with `role`.
fn earliest(case: &Case, pathway: &Pathway, role: Role) -> Option<NaiveDate> {
    case.events
        .iter()
        .filter(|e| pathway.role_of(&e.milestone.value) == Some(role))
        .map(|e| e.date.value)
        .min()
}

fn people(case: &Case, ctx: &CaseContext<'_>, sink: &mut Sink<'_>) {
    let named = [
        ("coordinator", case.coordinator.as_ref()),
        ("doctor", case.doctor.as_ref()),
    ]
    .into_iter()
    .chain([(
        "contact",
        case.transfer.as_ref().and_then(|t| t.contact.as_ref()),
    )])
    .chain(case.notes.iter().map(|n| ("by", n.by.as_ref())));
    for (key, id) in named {
        if let Some(id) = id {
            super::person(sink, ctx.team, key, id);
        }
    }
}

fn identity(case: &Case, sink: &mut Sink<'_>) {
    let (Some(born), Some(fnr)) = (&case.patient.born, &case.patient.fnr) else {
        return;
    };
    if let Ok(info) = crate::fnr::validate(&fnr.value)
        && i64::from(info.year()) != born.value
    {
        sink.warn(
            born.span,
            Msg::BornContradictsFnr {
                born: born.value,
                fnr_year: info.year(),
            },
        );
    }
}

fn events(case: &Case, pathway: &Pathway, sink: &mut Sink<'_>) {
    let mut seen: HashMap<&str, crate::diag::Span> = HashMap::new();
    for e in &case.events {
        let id = e.milestone.value.as_str();
        let Some(m) = pathway.milestone(id) else {
            let suggestion = suggest(id, pathway.milestones.iter().map(|m| m.id.value.as_str()));
            sink.error(
                e.milestone.span,
                Msg::UnknownMilestone {
                    id: id.into(),
                    pathway: pathway.id.value.clone(),
                    suggestion,
                },
            );
            continue;
        };
        if let Some(o) = &e.outcome
            && m.role != Some(Role::Decision)
        {
            sink.error(
                o.span,
                Msg::OutcomeNotDecision {
                    milestone: id.into(),
                },
            );
        }
        if let Some(t) = &e.treatment
            && m.role != Some(Role::Treatment)
        {
            sink.error(
                t.span,
                Msg::TreatmentNotTreatment {
                    milestone: id.into(),
                },
            );
        }
        if m.role != Some(Role::Treatment) {
            if let Some(&first) = seen.get(id) {
                let first_line = sink.line(first);
                sink.error(
                    e.milestone.span,
                    Msg::SameMilestoneTwice {
                        id: id.into(),
                        first_line,
                    },
                );
            } else {
                seen.insert(id, e.milestone.span);
            }
        }
    }
    order(case, pathway, sink);
}

/// Start (A) ≤ first visit (S) ≤ decision (C) ≤ treatment (F), by earliest dates.
fn order(case: &Case, pathway: &Pathway, sink: &mut Sink<'_>) {
    let mut first: [Option<(&Event, NaiveDate)>; 4] = [None; 4];
    for e in &case.events {
        if let Some(k) = pathway.role_of(&e.milestone.value).and_then(Role::order) {
            let slot = &mut first[k as usize];
            if slot.is_none_or(|(_, d)| e.date.value < d) {
                *slot = Some((e, e.date.value));
            }
        }
    }
    // Any event other than the role milestones (a biopsy, a local milestone) must not come
    // before the referral either.
    if let Some((start, start_date)) = first[0] {
        for e in &case.events {
            let known = pathway.milestone(&e.milestone.value).is_some();
            let ordered = pathway
                .role_of(&e.milestone.value)
                .and_then(Role::order)
                .is_some();
            if known && !ordered && e.date.value < start_date {
                sink.error(
                    e.date.span,
                    Msg::EventBeforeReferral {
                        milestone: e.milestone.value.to_string(),
                        date: e.date.value.to_string(),
                        referral: start.milestone.value.to_string(),
                        referral_date: start_date.to_string(),
                    },
                );
            }
        }
    }
    for e in &case.events {
        let Some(k) = pathway.role_of(&e.milestone.value).and_then(Role::order) else {
            continue;
        };
        let later_earlier = first[..k as usize]
            .iter()
            .flatten()
            .filter(|(_, d)| *d > e.date.value)
            .max_by_key(|(_, d)| *d);
        if let Some((earlier, d)) = later_earlier {
            sink.error(
                e.date.span,
                Msg::MilestoneOrder {
                    milestone: e.milestone.value.to_string(),
                    date: e.date.value.to_string(),
                    earlier: earlier.milestone.value.to_string(),
                    earlier_date: d.to_string(),
                },
            );
        }
    }
}

fn tasks(case: &Case, pathway: &Pathway, sink: &mut Sink<'_>) {
    let mut seen: HashMap<&str, crate::diag::Span> = HashMap::new();
    for t in &case.tasks {
        if let Some(&first) = seen.get(t.id.value.as_str()) {
            let first_line = sink.line(first);
            sink.error(
                t.id.span,
                Msg::DuplicateCaseTask {
                    id: t.id.value.to_string(),
                    first_line,
                },
            );
            continue;
        }
        seen.insert(&t.id.value, t.id.span);
        if pathway.task(&t.id.value).is_some() || (t.name.is_some() && t.due.is_some()) {
            continue;
        }
        // A transfer gives the task of calling the receiving coordinator.
        if t.id.value == CONTACT_RECEIVING && case.transfer.is_some() {
            continue;
        }
        let suggestion = suggest(
            &t.id.value,
            pathway.tasks.iter().map(|x| x.id.value.as_str()),
        );
        let msg = if suggestion.is_some() || (t.name.is_none() && t.due.is_none()) {
            Msg::UnknownTask {
                id: t.id.value.to_string(),
                pathway: pathway.id.value.clone(),
                suggestion,
            }
        } else {
            Msg::AdHocTaskIncomplete {
                id: t.id.value.to_string(),
            }
        };
        sink.error(t.id.span, msg);
    }
}

/// Warnings about treatment types and the per-treatment limits.
fn treatments(case: &Case, pathway: &Pathway, sink: &mut Sink<'_>) {
    let treatment_events: Vec<&Event> = case
        .events
        .iter()
        .filter(|e| pathway.role_of(&e.milestone.value) == Some(Role::Treatment))
        .collect();
    if case.treatment.is_none() {
        for e in treatment_events.iter().filter(|e| e.treatment.is_none()) {
            sink.warn(e.milestone.span, Msg::TreatmentEventNoType);
        }
    }
    if let Some(planned) = &case.treatment {
        let lacking: Vec<&str> = pathway
            .intervals
            .iter()
            .filter(|i| i.days.for_treatment(planned.value).is_none())
            .map(|i| i.id.value.as_str())
            .collect();
        if !lacking.is_empty() && treatment_events.is_empty() {
            sink.warn(
                planned.span,
                Msg::PlannedTreatmentNotInTable {
                    treatment: planned.value.word().to_string(),
                    intervals: lacking.join(", "),
                },
            );
        }
    }
}

/// Appointments that are the planned date of a milestone: the milestone must be one of the
/// pathway's, and a plan after the deadline of a running interval that ends there is a warning.
fn planned(case: &Case, pathway: &Pathway, today: NaiveDate, sink: &mut Sink<'_>) {
    let view = crate::schedule::CaseView::new(case, pathway, today);
    for a in &case.appointments {
        let Some(m) = &a.milestone else { continue };
        if pathway.milestone(&m.value).is_none() {
            let suggestion = suggest(
                &m.value,
                pathway.milestones.iter().map(|m| m.id.value.as_str()),
            );
            sink.error(
                m.span,
                Msg::UnknownMilestone {
                    id: m.value.to_string(),
                    pathway: pathway.id.value.clone(),
                    suggestion,
                },
            );
            continue;
        }
        if !case.is_open(today) {
            continue;
        }
        for status in view.intervals() {
            if status.interval.to.value != m.value {
                continue;
            }
            if let crate::schedule::IntervalState::Open { due, .. } = status.state
                && a.date.value > due
            {
                sink.warn(
                    a.date.span,
                    Msg::PlanAfterDeadline {
                        milestone: m.value.to_string(),
                        planned: a.date.value.to_string(),
                        interval: status.interval.id.value.clone(),
                        due: due.to_string(),
                    },
                );
            }
        }
    }
}
