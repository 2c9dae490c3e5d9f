//! `due` and `overdue`: the open deadlines of the selected cases, in the SPEC's order.

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use super::{PatientLabel, iso_date};
use crate::model::{CONTACT_RECEIVING, Case};
use crate::register::Register;
use crate::schedule::{CaseView, Deadline, Kind, Urgency, Why, case_deadlines};
use crate::select::Selection;

/// One deadline as every output shows it; serializes to the SPEC's deadline object
/// (`case`, `pathway`, `kind`, `id`, `milestone`, `due`, `days_left`, `status`, `coordinator`,
/// and `times: "unverified"` where the pathway's times are not confirmed).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DeadlineRow<'a> {
    pub case: &'a str,
    pub pathway: &'a str,
    pub kind: Kind,
    pub id: &'a str,
    pub milestone: Option<&'a str>,
    #[serde(serialize_with = "iso_date")]
    pub due: NaiveDate,
    pub days_left: i64,
    #[serde(rename = "status")]
    pub urgency: Urgency,
    pub coordinator: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub times: Option<Unverified>,
    /// The interval's or task's name (human formats); an ad-hoc task's name scrubbed under
    /// redaction like all free text.
    #[serde(skip)]
    pub name: Option<std::borrow::Cow<'a, str>>,
    /// Why it falls when it does (human formats).
    #[serde(skip)]
    pub why: Why<'a>,
    /// The patient as the selection may show them (human formats).
    #[serde(skip)]
    pub patient: PatientLabel<'a>,
    /// For the task `contact-receiving`: who to call — the receiving coordinator's name and
    /// phone from team.toml, and the receiving hospital (human formats).
    #[serde(skip)]
    pub receiving: Option<Box<str>>,
}

/// The mark `"unverified"` of a deadline whose pathway's times are not confirmed (a byte in a
/// row, not a pointer and a length).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unverified;

impl Serialize for Unverified {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str("unverified")
    }
}

impl std::fmt::Display for Unverified {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("unverified")
    }
}

/// Who to call about a transferred case: the receiving coordinator's name and phone from
/// team.toml, then the receiving hospital (`Jonas Eide, 23 00 00 40 – Oslo universitetssykehus HF`).
pub fn receiving_contact(reg: &Register, case: &Case, redact: bool) -> Option<String> {
    let transfer = case.transfer.as_ref()?;
    let person =
        transfer
            .contact
            .as_ref()
            .map(|c| match reg.team.as_ref().and_then(|t| t.get(&c.value)) {
                Some(p) => match &p.phone {
                    Some(phone) => format!("{}, {phone}", p.name),
                    None => p.name.clone(),
                },
                None => c.value.to_string(),
            });
    let to = super::redact_text(&transfer.to, case, redact);
    Some(match person {
        Some(p) => format!("{p} – {to}"),
        None => to,
    })
}

impl<'a> DeadlineRow<'a> {
    /// The row of deadline `d` of `case`.
    pub fn new(d: Deadline<'a>, case: &'a Case, redact: bool) -> Self {
        DeadlineRow {
            case: d.case,
            pathway: d.pathway,
            kind: d.kind,
            id: d.id,
            milestone: d.milestone,
            due: d.due,
            days_left: d.days_left,
            urgency: d.urgency,
            coordinator: d.coordinator,
            times: d.why.unverified.then_some(Unverified),
            name: d.name.map(|n| match d.kind {
                // Most names hold no part of the patient's name: they are borrowed as they are.
                Kind::Task
                    if redact && !crate::redact::scrub_leaves(n, case.patient.name.as_deref()) =>
                {
                    let scrubbed = crate::redact::scrub(n, case);
                    if scrubbed == n {
                        n.into()
                    } else {
                        scrubbed.into()
                    }
                }
                _ => n.into(),
            }),
            why: d.why,
            patient: PatientLabel { case, redact },
            receiving: None,
        }
    }

    /// Whether this is the task of calling the receiving hospital's coordinator.
    pub fn is_contact_receiving(&self) -> bool {
        self.kind == Kind::Task && self.id == CONTACT_RECEIVING
    }

    /// Fills in who to call, for the task `contact-receiving`.
    pub fn with_receiving(mut self, reg: &Register, case: &Case) -> Self {
        if self.is_contact_receiving() {
            self.receiving =
                receiving_contact(reg, case, self.patient.redact).map(String::into_boxed_str);
        }
        self
    }

    /// What it is about, for people: `OF1 Henvisning mottatt – …` or the task's name.
    pub fn what(&self) -> std::borrow::Cow<'a, str> {
        if let Some(r) = &self.receiving {
            return r.to_string().into();
        }
        match (self.kind, &self.name) {
            (Kind::Interval, Some(name)) => format!("{} {name}", self.id).into(),
            (_, Some(name)) => name.clone(),
            (_, None) => self.id.into(),
        }
    }

    /// Reads a byte of each place on the heap a row of this deadline is written from: the
    /// deadline (a field in each part of it: it spans several cache lines), its case's id and
    /// patient (see [`crate::render::warmed`]).
    pub fn touch(&self) -> usize {
        let case = self.case.as_bytes().first().copied().unwrap_or_default();
        let fields = [
            self.kind as usize,
            self.urgency as usize,
            self.days_left as usize,
            chrono::Datelike::ordinal(&self.due) as usize,
            usize::from(self.why.unverified),
            usize::from(self.name.is_some()),
            usize::from(self.receiving.is_some()),
            usize::from(self.milestone.is_some()),
            self.id.len(),
        ];
        fields
            .iter()
            .chain([&self.patient.touch(), &usize::from(case)])
            .fold(0, |sum, f| sum.wrapping_add(*f))
    }

    /// [`DeadlineRow::what`], appended to `s`.
    pub fn what_into(&self, s: &mut String) {
        if let Some(r) = &self.receiving {
            s.push_str(r);
            return;
        }
        match (self.kind, &self.name) {
            (Kind::Interval, Some(name)) => {
                s.push_str(self.id);
                s.push(' ');
                s.push_str(name);
            }
            (_, Some(name)) => s.push_str(name),
            (_, None) => s.push_str(self.id),
        }
    }
}

/// Which deadlines `due` lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Within {
    /// Overdue ones, and those with at most this many calendar days left (`due --days N`).
    Days(i64),
    /// Overdue and due soon: the warning window, counted as `warn_in` says (`due`).
    Soon,
    /// Overdue ones only.
    Overdue,
}

/// The open deadlines of the selected open cases on `today`, sorted by due date, case id,
/// kind and id. Cases are evaluated and the rows sorted in parallel; every word is borrowed
/// from the register.
pub fn due<'a>(
    reg: &'a Register,
    selection: &Selection,
    today: NaiveDate,
    within: Within,
) -> Vec<DeadlineRow<'a>> {
    let warn = reg.settings.warn();
    let keep = |d: &Deadline<'_>| match within {
        Within::Overdue => d.urgency == Urgency::Overdue,
        Within::Soon => d.urgency != Urgency::Open,
        Within::Days(n) => d.urgency == Urgency::Overdue || d.days_left <= n,
    };
    let mut rows: Vec<DeadlineRow<'a>> = reg
        .cases
        .par_iter()
        .filter(|c| selection.admits(c))
        .filter_map(|c| reg.pathway(&c.pathway.value).map(|p| (c, p)))
        .flat_map_iter(|(c, p)| {
            case_deadlines(&CaseView::new(c, p, today), &warn)
                .into_iter()
                .filter(keep)
                .map(move |d| DeadlineRow::new(d, c, selection.redact).with_receiving(reg, c))
        })
        .collect();
    rows.par_sort_by(|a, b| (a.due, a.case, a.kind, a.id).cmp(&(b.due, b.case, b.kind, b.id)));
    rows
}
