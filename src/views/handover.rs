//! `handover`: everything a colleague needs to act on a case without opening anything else.

use chrono::NaiveDate;

use super::{event_code, patient_label, redact_text, timeline};
use crate::model::{Case, CloseReason, IndividualPlan, Pathway, Person, Treatment};
use crate::register::Register;
use crate::schedule::{CaseView, Deadline, IntervalStatus, TaskStatus, next_deadline};

/// How many of the latest notes a handover carries.
pub const LATEST_NOTES: usize = 5;

/// A person named in a case, resolved through team.toml where possible.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonRef {
    pub id: String,
    pub person: Option<Person>,
}

/// What a timeline line records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// A milestone (its id).
    Milestone(String),
    /// Transferred to another hospital (NPR `O`).
    Transfer,
    /// The pathway ended early (NPR `X`).
    EarlyEnd,
}

/// One line of the timeline with its NPR code.
#[derive(Clone, Debug, PartialEq)]
pub struct EventLine {
    pub date: NaiveDate,
    pub kind: EventKind,
    pub name: Option<String>,
    pub code: Option<String>,
    pub note: Option<String>,
}

/// One MDT meeting, past or upcoming.
#[derive(Clone, Debug, PartialEq)]
pub struct MdtLine {
    pub date: NaiveDate,
    pub question: Option<String>,
    pub conclusion: Option<String>,
}

/// One booked appointment from today on.
#[derive(Clone, Debug, PartialEq)]
pub struct AppointmentLine {
    pub date: NaiveDate,
    pub time: Option<String>,
    pub what: String,
    pub place: Option<String>,
}

/// Who the patient is: only when not redacting.
#[derive(Clone, Debug, PartialEq)]
pub struct Identity {
    pub name: Option<String>,
    pub fnr: Option<String>,
    pub born: Option<i64>,
}

/// One recorded deviation from a standard time.
#[derive(Clone, Debug, PartialEq)]
pub struct DeviationLine {
    pub interval: String,
    pub reason: String,
    pub reported: Option<NaiveDate>,
}

/// One note of the case.
#[derive(Clone, Debug, PartialEq)]
pub struct NoteLine {
    pub date: NaiveDate,
    pub text: String,
    pub by: Option<String>,
}

/// The transfer to another hospital.
#[derive(Clone, Debug, PartialEq)]
pub struct TransferLine {
    pub date: NaiveDate,
    /// The receiving hospital.
    pub to: String,
    /// The receiving coordinator.
    pub contact: Option<PersonRef>,
}

/// How and when the case was closed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClosedLine {
    pub date: NaiveDate,
    pub reason: CloseReason,
}

/// The handover of one case: every string already redacted as settings say.
#[derive(Clone, Debug)]
pub struct Handover<'a> {
    pub case: &'a Case,
    pub pathway: Option<&'a Pathway>,
    pub patient: String,
    /// Name, fødselsnummer and birth year: only when not redacting.
    pub identity: Option<Identity>,
    pub gp: Option<String>,
    pub coordinator: Option<PersonRef>,
    pub doctor: Option<PersonRef>,
    pub treatment: Option<Treatment>,
    pub individual_plan: Option<IndividualPlan>,
    pub consent: Option<bool>,
    pub events: Vec<EventLine>,
    pub intervals: Vec<IntervalStatus<'a>>,
    pub open_tasks: Vec<TaskStatus<'a>>,
    pub appointments: Vec<AppointmentLine>,
    pub mdts: Vec<MdtLine>,
    pub deviations: Vec<DeviationLine>,
    /// Newest first.
    pub notes: Vec<NoteLine>,
    pub transfer: Option<TransferLine>,
    pub closed: Option<ClosedLine>,
    /// The most urgent open deadline (for ordering).
    pub next_deadline: Option<Deadline<'a>>,
    pub open: bool,
}

fn person(reg: &Register, id: &str) -> PersonRef {
    PersonRef {
        id: id.to_string(),
        person: reg.team.as_ref().and_then(|t| t.get(id)).cloned(),
    }
}

/// The handover of `case` on `today`.
pub fn handover<'a>(
    reg: &'a Register,
    case: &'a Case,
    today: NaiveDate,
    redact: bool,
) -> Handover<'a> {
    let pathway = reg.pathway(&case.pathway.value);
    let view = pathway.map(|p| CaseView::new(case, p, today));
    let text = |s: &str| redact_text(s, case, redact);
    let mut events: Vec<EventLine> = timeline(case, today)
        .into_iter()
        .map(|e| EventLine {
            date: e.date.value,
            kind: EventKind::Milestone(e.milestone.value.to_string()),
            name: pathway
                .and_then(|p| p.milestone(&e.milestone.value))
                .map(|m| m.name.clone()),
            code: pathway.and_then(|p| event_code(p, case, e)),
            note: e.note.as_deref().map(text),
        })
        .collect();
    let code =
        |letter: &str| Some(pathway.map_or_else(|| letter.to_string(), |p| p.npr_code(letter)));
    if let Some(t) = case.transfer.as_ref().filter(|t| t.date.value <= today) {
        events.push(EventLine {
            date: t.date.value,
            kind: EventKind::Transfer,
            name: None,
            code: code("O"),
            note: Some(text(&t.to)),
        });
    }
    if let Some(c) = case
        .closed
        .as_ref()
        .filter(|c| c.date.value <= today && c.reason.value.is_early_end())
    {
        events.push(EventLine {
            date: c.date.value,
            kind: EventKind::EarlyEnd,
            name: None,
            code: code("X"),
            note: None,
        });
    }
    let mut appointments: Vec<AppointmentLine> = case
        .appointments
        .iter()
        .filter(|a| a.date.value >= today)
        .map(|a| AppointmentLine {
            date: a.date.value,
            time: a.time.as_deref().map(String::from),
            what: text(&a.what),
            place: a.place.as_deref().map(text),
        })
        .collect();
    appointments.sort_by(|a, b| (a.date, &a.time).cmp(&(b.date, &b.time)));
    let mut mdts: Vec<MdtLine> = case
        .mdts
        .iter()
        .map(|m| MdtLine {
            date: m.date.value,
            question: m.question.as_deref().map(text),
            conclusion: m.conclusion.as_deref().map(text),
        })
        .collect();
    mdts.sort_by_key(|m| m.date);
    let mut notes: Vec<NoteLine> = case
        .notes
        .iter()
        .filter(|n| n.date.value <= today)
        .map(|n| NoteLine {
            date: n.date.value,
            text: text(&n.text),
            by: n.by.as_ref().map(|b| b.value.to_string()),
        })
        .collect();
    notes.sort_by_key(|n| std::cmp::Reverse(n.date));
    notes.truncate(LATEST_NOTES);
    let next_deadline = view
        .as_ref()
        .and_then(|v| next_deadline(v, &reg.settings.warn()));
    Handover {
        case,
        pathway,
        patient: patient_label(case, redact),
        identity: (!redact).then(|| Identity {
            name: case.patient.name.as_deref().map(String::from),
            fnr: case.patient.fnr.as_ref().map(|f| f.value.to_string()),
            born: case.patient.born.as_ref().map(|b| b.value),
        }),
        // The GP is a `[patient]` value: it narrows down who the patient is, so a redacted
        // handover leaves it out like the name (README, "Redaction"); --show-identity shows it.
        gp: case
            .patient
            .gp
            .as_deref()
            .map(String::from)
            .filter(|_| !redact),
        coordinator: case.coordinator.as_ref().map(|c| person(reg, &c.value)),
        doctor: case.doctor.as_ref().map(|d| person(reg, &d.value)),
        treatment: case.treatment.as_ref().map(|t| t.value),
        individual_plan: case.care.individual_plan,
        consent: case.care.municipal_contact_consent,
        events,
        intervals: view.as_ref().map(|v| v.intervals()).unwrap_or_default(),
        open_tasks: view
            .as_ref()
            .map(|v| v.tasks().into_iter().filter(|t| t.done.is_none()).collect())
            .unwrap_or_default(),
        appointments,
        mdts,
        deviations: case
            .deviations
            .iter()
            .map(|d| DeviationLine {
                interval: d.interval.value.to_string(),
                reason: text(&d.reason),
                reported: d.reported,
            })
            .collect(),
        notes,
        transfer: case
            .transfer
            .as_ref()
            .filter(|t| t.date.value <= today)
            .map(|t| TransferLine {
                date: t.date.value,
                to: text(&t.to),
                contact: t.contact.as_ref().map(|c| person(reg, &c.value)),
            }),
        closed: case
            .closed
            .as_ref()
            .filter(|c| c.date.value <= today)
            .map(|c| ClosedLine {
                date: c.date.value,
                reason: c.reason.value,
            }),
        next_deadline,
        open: case.is_open(today),
    }
}
