//! Case files: one patient's pathway.

use chrono::NaiveDate;

use super::{CloseReason, IndividualPlan, Located, Outcome, Treatment};

/// One patient case (pasientforløp).
#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    pub id: Located<String>,
    pub pathway: Located<String>,
    pub coordinator: Option<Located<String>>,
    pub doctor: Option<Located<String>>,
    /// Planned treatment, set at decision.
    pub treatment: Option<Located<Treatment>>,
    pub patient: Patient,
    pub care: Care,
    pub events: Vec<Event>,
    pub appointments: Vec<Appointment>,
    pub mdts: Vec<Mdt>,
    pub tasks: Vec<CaseTask>,
    pub deviations: Vec<Deviation>,
    pub notes: Vec<Note>,
    pub transfer: Option<Transfer>,
    pub closed: Option<Closed>,
    /// Path of the file relative to the register root.
    pub file: String,
}

/// Who the patient is; every field is optional.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Patient {
    pub name: Option<String>,
    pub fnr: Option<Located<String>>,
    pub born: Option<Located<i64>>,
    pub gp: Option<String>,
}

/// Care planning.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Care {
    pub individual_plan: Option<IndividualPlan>,
    pub municipal_contact_consent: Option<bool>,
}

/// A milestone reached.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub milestone: Located<String>,
    pub date: Located<NaiveDate>,
    pub note: Option<String>,
    pub outcome: Option<Located<Outcome>>,
    pub treatment: Option<Located<Treatment>>,
    /// Where the `[[event]]` header is.
    pub span: crate::diag::Span,
}

/// Something booked.
#[derive(Clone, Debug, PartialEq)]
pub struct Appointment {
    pub date: Located<NaiveDate>,
    /// `HH:MM`.
    pub time: Option<String>,
    pub what: String,
    pub place: Option<String>,
}

/// A multidisciplinary team meeting.
#[derive(Clone, Debug, PartialEq)]
pub struct Mdt {
    pub date: Located<NaiveDate>,
    pub question: Option<String>,
    pub conclusion: Option<String>,
}

/// A pathway task done, or an ad-hoc task.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseTask {
    pub id: Located<String>,
    pub done: Option<Located<NaiveDate>>,
    pub name: Option<String>,
    pub due: Option<Located<NaiveDate>>,
}

/// A documented reason for exceeding a standard time.
#[derive(Clone, Debug, PartialEq)]
pub struct Deviation {
    pub interval: Located<String>,
    pub reason: String,
    pub reported: Option<NaiveDate>,
}

/// A free-text note.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub date: Located<NaiveDate>,
    pub text: String,
    pub by: Option<Located<String>>,
}

/// The case moved to another hospital.
#[derive(Clone, Debug, PartialEq)]
pub struct Transfer {
    pub date: Located<NaiveDate>,
    pub to: String,
    pub contact: Option<Located<String>>,
}

/// The pathway ended.
#[derive(Clone, Debug, PartialEq)]
pub struct Closed {
    pub date: Located<NaiveDate>,
    pub reason: Located<CloseReason>,
}

impl Case {
    /// Whether the case is open on `today`: neither closed nor transferred on or before it.
    pub fn is_open(&self, today: NaiveDate) -> bool {
        let closed = self.closed.as_ref().is_some_and(|c| c.date.value <= today);
        let moved = self
            .transfer
            .as_ref()
            .is_some_and(|t| t.date.value <= today);
        !closed && !moved
    }

    /// The treatment type of a treatment event: its own, else the case's planned one.
    pub fn event_treatment(&self, event: &Event) -> Option<Treatment> {
        event
            .treatment
            .as_ref()
            .or(self.treatment.as_ref())
            .map(|t| t.value)
    }

    /// Events that had happened by `today`.
    pub fn events_until(&self, today: NaiveDate) -> impl Iterator<Item = &Event> {
        self.events.iter().filter(move |e| e.date.value <= today)
    }
}
