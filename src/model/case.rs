//! Case files: one patient's pathway.

use chrono::NaiveDate;

use super::{CloseReason, IndividualPlan, Located, Outcome, Text, Treatment};

/// The task a transfer gives: call the receiving hospital's coordinator (SPEC §2).
pub const CONTACT_RECEIVING: &str = "contact-receiving";

/// One patient case (pasientforløp).
#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    pub id: Located<Text>,
    pub pathway: Located<Text>,
    pub coordinator: Option<Located<Text>>,
    pub doctor: Option<Located<Text>>,
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
    /// Boxed: few cases are transferred, and every loaded case carries the field.
    pub transfer: Option<Box<Transfer>>,
    pub closed: Option<Closed>,
    /// Path of the file relative to the register root.
    pub file: Text,
}

/// Who the patient is; every field is optional.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Patient {
    pub name: Option<Text>,
    pub fnr: Option<Located<Text>>,
    pub born: Option<Located<i64>>,
    pub gp: Option<Text>,
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
    pub milestone: Located<Text>,
    pub date: Located<NaiveDate>,
    pub note: Option<Text>,
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
    pub time: Option<Text>,
    pub what: Text,
    pub place: Option<Text>,
    /// The milestone this appointment is the planned date of.
    pub milestone: Option<Located<Text>>,
}

/// A multidisciplinary team meeting.
#[derive(Clone, Debug, PartialEq)]
pub struct Mdt {
    pub date: Located<NaiveDate>,
    pub question: Option<Text>,
    pub conclusion: Option<Text>,
}

/// A pathway task done, or an ad-hoc task.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseTask {
    pub id: Located<Text>,
    pub done: Option<Located<NaiveDate>>,
    pub name: Option<Text>,
    pub due: Option<Located<NaiveDate>>,
}

/// A documented reason for exceeding a standard time.
#[derive(Clone, Debug, PartialEq)]
pub struct Deviation {
    pub interval: Located<Text>,
    pub reason: Text,
    pub reported: Option<NaiveDate>,
}

/// A free-text note.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub date: Located<NaiveDate>,
    pub text: Text,
    pub by: Option<Located<Text>>,
}

/// The case moved to another hospital.
#[derive(Clone, Debug, PartialEq)]
pub struct Transfer {
    pub date: Located<NaiveDate>,
    pub to: Text,
    pub contact: Option<Located<Text>>,
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

    /// Whether the case is closed on `today`.
    pub fn is_closed(&self, today: NaiveDate) -> bool {
        self.closed.as_ref().is_some_and(|c| c.date.value <= today)
    }

    /// The transfer, if it had happened by `today`.
    pub fn transferred(&self, today: NaiveDate) -> Option<&Transfer> {
        self.transfer.as_deref().filter(|t| t.date.value <= today)
    }

    /// The day the task `id` was marked done, if by `today`.
    pub fn task_done(&self, id: &str, today: NaiveDate) -> Option<NaiveDate> {
        self.tasks
            .iter()
            .find(|t| t.id.value == id)
            .and_then(|t| t.done.as_ref())
            .map(|d| d.value)
            .filter(|d| *d <= today)
    }

    /// Whether the section still follows the case on `today` (SPEC §2): it is not closed, and
    /// if it was transferred, the receiving coordinator has not yet been called
    /// ([`CONTACT_RECEIVING`] not done). Every view lists the cases it follows.
    pub fn is_followed(&self, today: NaiveDate) -> bool {
        if self.is_closed(today) {
            return false;
        }
        self.transferred(today).is_none() || self.task_done(CONTACT_RECEIVING, today).is_none()
    }

    /// The last day on or before `today` with something dated in the case: an event, an
    /// appointment, an MDT meeting, a task completion, a note, a transfer or a closure.
    pub fn last_activity(&self, today: NaiveDate) -> Option<NaiveDate> {
        let dates = self
            .events
            .iter()
            .map(|e| e.date.value)
            .chain(self.appointments.iter().map(|a| a.date.value))
            .chain(self.mdts.iter().map(|m| m.date.value))
            .chain(
                self.tasks
                    .iter()
                    .filter_map(|t| t.done.as_ref().map(|d| d.value)),
            )
            .chain(self.notes.iter().map(|n| n.date.value))
            .chain(self.transfer.iter().map(|t| t.date.value))
            .chain(self.closed.iter().map(|c| c.date.value));
        dates.filter(|d| *d <= today).max()
    }

    /// Whether an appointment or MDT meeting is booked after `today`.
    pub fn booked_after(&self, today: NaiveDate) -> bool {
        self.appointments.iter().any(|a| a.date.value > today)
            || self.mdts.iter().any(|m| m.date.value > today)
    }

    /// The last activity of a case the section follows that is *stale* on `today` (SPEC §2):
    /// nothing dated within the last `stale_days` days and nothing booked after today.
    pub fn stale_since(&self, today: NaiveDate, stale_days: u32) -> Option<NaiveDate> {
        if !self.is_followed(today) || self.booked_after(today) {
            return None;
        }
        let last = self.last_activity(today)?;
        ((today - last).num_days() > i64::from(stale_days)).then_some(last)
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
