//! `agenda`: what is overdue, then day by day: appointments, MDT meetings, deadlines, tasks.

use std::borrow::Cow;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use super::due::DeadlineRow;
use super::{PatientLabel, redact_text};
use crate::calendar::{Holiday, holiday, is_weekend};
use crate::model::Case;
use crate::register::Register;
use crate::schedule::{CaseView, Kind, Urgency, case_deadlines};

/// What an agenda line is (JSON: `mdt`, `appointment`, `interval`, `task`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemKind {
    Mdt,
    Appointment,
    Interval,
    Task,
}

impl ItemKind {
    /// The stable word used in JSON.
    pub fn word(self) -> &'static str {
        match self {
            ItemKind::Mdt => "mdt",
            ItemKind::Appointment => "appointment",
            ItemKind::Interval => "interval",
            ItemKind::Task => "task",
        }
    }
}

/// One line of a day; serializes to the agenda's item object (`kind`, `time`, `case`,
/// `patient`, `pathway`, `coordinator`, `what`, `where`, `deadline`).
///
/// An item is small (a long overdue list is moved, sorted and grouped several times): the
/// case's id, pathway and coordinator are read from the case its patient label points to, and
/// what only a booking has, or only a deadline, is boxed.
#[derive(Clone, Debug, PartialEq)]
pub struct Item<'a> {
    pub kind: ItemKind,
    /// The patient as the selection may show them; through it, the case.
    pub patient: PatientLabel<'a>,
    /// For appointments and MDT meetings: the time, text and place booked.
    booking: Option<Box<Booking<'a>>>,
    /// For deadlines: the deadline itself.
    pub deadline: Option<Box<DeadlineRow<'a>>>,
}

/// What is booked: the time, the (redacted) free text and the place.
#[derive(Clone, Debug, PartialEq)]
struct Booking<'a> {
    time: Option<&'a str>,
    what: Cow<'a, str>,
    place: Option<Cow<'a, str>>,
}

impl<'a> Item<'a> {
    /// The case's id (for a deadline, its own copy: the deadline is read anyway, and the case
    /// may not be).
    pub fn case(&self) -> &'a str {
        match &self.deadline {
            Some(d) => d.case,
            None => &self.patient.case.id.value,
        }
    }

    /// The case's pathway.
    pub fn pathway(&self) -> &'a str {
        match &self.deadline {
            Some(d) => d.pathway,
            None => &self.patient.case.pathway.value,
        }
    }

    /// The case's coordinator.
    pub fn coordinator(&self) -> Option<&'a str> {
        match &self.deadline {
            Some(d) => d.coordinator,
            None => self
                .patient
                .case
                .coordinator
                .as_ref()
                .map(|c| c.value.as_str()),
        }
    }

    /// The time booked.
    pub fn time(&self) -> Option<&'a str> {
        self.booking.as_ref().and_then(|b| b.time)
    }

    /// Where it is booked (redacted free text).
    pub fn place(&self) -> Option<&str> {
        self.booking.as_ref().and_then(|b| b.place.as_deref())
    }

    /// What is booked or due: the booking's text, or what the deadline is about.
    pub fn what(&self) -> Cow<'a, str> {
        match (&self.deadline, &self.booking) {
            (Some(d), _) => d.what(),
            (None, Some(b)) => b.what.clone(),
            (None, None) => Cow::Borrowed(""),
        }
    }

    /// Reads a byte of each place on the heap a row of this item is written from: its deadline,
    /// its case's id and patient (see [`crate::render::warmed`]).
    pub fn touch(&self) -> usize {
        let case = self.case().as_bytes().first().copied().unwrap_or_default();
        let deadline = self.deadline.as_ref().map_or(0, |d| d.touch());
        deadline
            .wrapping_add(self.patient.touch())
            .wrapping_add(usize::from(case))
    }

    /// [`Item::what`], appended to `s`.
    pub fn what_into(&self, s: &mut String) {
        match (&self.deadline, &self.booking) {
            (Some(d), _) => d.what_into(s),
            (None, Some(b)) => s.push_str(&b.what),
            (None, None) => {}
        }
    }
}

impl Serialize for Item<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        /// The text of [`Item::what`], written without a copy where it is the booking's.
        struct What<'x, 'a>(&'x Item<'a>);
        impl Serialize for What<'_, '_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match (&self.0.deadline, &self.0.booking) {
                    (Some(d), _) => serializer.serialize_str(&d.what()),
                    (None, Some(b)) => serializer.serialize_str(&b.what),
                    (None, None) => serializer.serialize_str(""),
                }
            }
        }
        let mut st = serializer.serialize_struct("Item", 9)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("time", &self.time())?;
        st.serialize_field("case", self.case())?;
        st.serialize_field("patient", &self.patient)?;
        st.serialize_field("pathway", self.pathway())?;
        st.serialize_field("coordinator", &self.coordinator())?;
        st.serialize_field("what", &What(self))?;
        st.serialize_field("where", &self.place())?;
        st.serialize_field("deadline", &self.deadline)?;
        st.end()
    }
}

/// One day of the agenda.
#[derive(Clone, Debug, PartialEq)]
pub struct Day<'a> {
    pub date: NaiveDate,
    pub weekend: bool,
    pub holiday: Option<Holiday>,
    /// A day the section is closed (forlop.toml `closed_days`).
    pub closed: bool,
    pub items: Vec<Item<'a>>,
}

/// The agenda: overdue first (most overdue first), then each day.
#[derive(Clone, Debug, PartialEq)]
pub struct Agenda<'a> {
    /// Overdue deadlines and tasks, as items with their deadline.
    pub overdue: Vec<Item<'a>>,
    pub days: Vec<Day<'a>>,
}

/// Free text as the agenda shows it: borrowed unless redaction changes it.
fn shown<'a>(text: &'a str, case: &Case, redact: bool) -> Cow<'a, str> {
    if redact && !crate::redact::scrub_leaves(text, case.patient.name.as_deref()) {
        Cow::Owned(redact_text(text, case, true))
    } else {
        Cow::Borrowed(text)
    }
}

/// One line of the agenda before it is placed: the item, its day and, for the report, whether
/// a `[[deviation]]` is recorded for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Line<'a> {
    pub item: Item<'a>,
    /// The day, counted from today; `None`: overdue.
    pub day: Option<u32>,
    /// For standard times in the report: whether a `[[deviation]]` is recorded for it (tasks,
    /// and every line of the agenda itself: `None`).
    pub deviation: Option<bool>,
}

impl<'a> Line<'a> {
    /// The deadline of an overdue line: only deadlines and tasks are ever overdue.
    pub fn overdue_deadline(&self) -> &DeadlineRow<'a> {
        self.item
            .deadline
            .as_deref()
            .expect("overdue items carry their deadline")
    }
}

/// The days of an agenda of `days` days from `today`, without their items.
fn empty_days<'a>(reg: &Register, today: NaiveDate, days: u32) -> Vec<Day<'a>> {
    (0..days.max(1))
        .map(|n| {
            let date = today + chrono::Days::new(u64::from(n));
            Day {
                date,
                weekend: is_weekend(date),
                holiday: holiday(date),
                closed: reg.settings.closed_days.contains(&date),
                items: Vec::new(),
            }
        })
        .collect()
}

/// The items of the open cases that pass `keep`, for `days` days from `today`.
pub fn agenda<'a>(
    reg: &'a Register,
    today: NaiveDate,
    days: u32,
    redact: bool,
    keep: impl Fn(&Case) -> bool + Sync,
) -> Agenda<'a> {
    let mut out_days = empty_days(reg, today, days);
    let last = out_days.last().map(|d| d.date).unwrap_or(today);
    let (mut overdue, mut on_days) = lines(reg, today, last, redact, keep, |_| None);
    // The overdue lines in the SPEC's deadline order; each day's below. The lines are sorted by
    // a small key made once per line (not by comparing the lines, each a few hundred bytes with
    // its deadline behind a pointer): the same stable order.
    let ((), ()) = rayon::join(
        || overdue.par_sort_by_cached_key(|l| deadline_key(&l.item)),
        || on_days.par_sort_by_cached_key(|l| day_key(l)),
    );
    for l in on_days {
        if let Some(n) = l.day {
            out_days[n as usize].items.push(l.item);
        }
    }
    // In place: the list of lines becomes the list of items.
    let overdue: Vec<Item<'a>> = overdue.into_iter().map(|l| l.item).collect();
    Agenda {
        overdue,
        days: out_days,
    }
}

/// Every line of the open cases that pass `keep`, from `today` through `last`, unsorted: the
/// overdue ones, and those on the days. Cases are read in parallel; `deviation` says for each
/// deadline whether a `[[deviation]]` is recorded (the report's question).
pub fn lines<'a>(
    reg: &'a Register,
    today: NaiveDate,
    last: NaiveDate,
    redact: bool,
    keep: impl Fn(&Case) -> bool + Sync,
    deviation: impl Fn(&DeadlineRow<'a>) -> Option<bool> + Sync,
) -> (Vec<Line<'a>>, Vec<Line<'a>>) {
    let day_of =
        |date: NaiveDate| (date >= today && date <= last).then(|| (date - today).num_days() as u32);
    let base = |case: &'a Case, kind: ItemKind| Item {
        kind,
        patient: PatientLabel { case, redact },
        booking: None,
        deadline: None,
    };
    let on = |day: u32, item: Item<'a>| Line {
        item,
        day: Some(day),
        deviation: None,
    };
    let warn = reg.settings.warn();
    // The cases are read in runs, each run's lines written straight into its own two lists (no
    // list per case), the overdue one made room for at once (a list grown a line at a time is
    // copied and faulted in again at each doubling); the lists are joined in the register's order.
    const RUN: usize = 2048;
    let parts: Vec<(Vec<Line<'a>>, Vec<Line<'a>>)> = reg
        .cases
        .par_chunks(RUN)
        .map(|run| {
            run.iter().filter(|c| c.is_followed(today) && keep(c)).fold(
                (Vec::with_capacity(run.len() * 2), Vec::new()),
                |(mut overdue, mut out), case| {
                    for a in &case.appointments {
                        if let Some(n) = day_of(a.date.value) {
                            out.push(on(
                                n,
                                Item {
                                    booking: Some(Box::new(Booking {
                                        time: a.time.as_deref(),
                                        what: shown(&a.what, case, redact),
                                        place: a.place.as_deref().map(|p| shown(p, case, redact)),
                                    })),
                                    ..base(case, ItemKind::Appointment)
                                },
                            ));
                        }
                    }
                    for m in &case.mdts {
                        if let Some(n) = day_of(m.date.value) {
                            let what = m
                                .question
                                .as_deref()
                                .map(|q| shown(q, case, redact))
                                .unwrap_or_default();
                            out.push(on(
                                n,
                                Item {
                                    booking: Some(Box::new(Booking {
                                        time: None,
                                        what,
                                        place: None,
                                    })),
                                    ..base(case, ItemKind::Mdt)
                                },
                            ));
                        }
                    }
                    if let Some(p) = reg.pathway(&case.pathway.value) {
                        for d in case_deadlines(&CaseView::new(case, p, today), &warn) {
                            let overdue_now = d.urgency == Urgency::Overdue;
                            let n = day_of(d.due);
                            if !overdue_now && n.is_none() {
                                continue;
                            }
                            let kind = if d.kind == Kind::Interval {
                                ItemKind::Interval
                            } else {
                                ItemKind::Task
                            };
                            let row = DeadlineRow::new(d, case, redact).with_receiving(reg, case);
                            let deviation = deviation(&row);
                            let item = Item {
                                deadline: Some(Box::new(row)),
                                ..base(case, kind)
                            };
                            let line = Line {
                                item,
                                day: if overdue_now { None } else { n },
                                deviation,
                            };
                            if overdue_now {
                                overdue.push(line);
                            } else {
                                out.push(line);
                            }
                        }
                    }
                    (overdue, out)
                },
            )
        })
        .collect();
    let mut overdue = Vec::with_capacity(parts.iter().map(|p| p.0.len()).sum());
    let mut on_days = Vec::with_capacity(parts.iter().map(|p| p.1.len()).sum());
    for (o, d) in parts {
        overdue.extend(o);
        on_days.extend(d);
    }
    (overdue, on_days)
}

/// Where a line of a day sorts: by day and, within a day, MDT meetings first, then
/// appointments by time, then deadlines and tasks (in the SPEC's deadline order); by case.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
pub struct DayKey<'a> {
    day: Option<u32>,
    rank: u8,
    time: Option<&'a str>,
    case: &'a str,
    kind: ItemKind,
    deadline: Option<DeadlineKey<'a>>,
}

/// A deadline's place in the SPEC's order: due, case, kind, id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct DeadlineKey<'a> {
    due: NaiveDate,
    /// The case id's first bytes ([`super::text_prefix`]): most comparisons of a long list
    /// end here, without reading the id where it lies, in its case.
    case_start: u128,
    case: &'a str,
    kind: Kind,
    id: &'a str,
}

/// Where an overdue line sorts: in the SPEC's deadline order (lines without a deadline, which
/// are never overdue, first).
pub fn deadline_key<'a>(i: &Item<'a>) -> Option<DeadlineKey<'a>> {
    i.deadline.as_ref().map(|d| DeadlineKey {
        due: d.due,
        case_start: super::text_prefix(d.case),
        case: d.case,
        kind: d.kind,
        id: d.id,
    })
}

/// Where a line of a day sorts.
pub fn day_key<'a>(l: &Line<'a>) -> DayKey<'a> {
    let i = &l.item;
    let rank = match i.kind {
        ItemKind::Mdt => 0,
        ItemKind::Appointment => 1,
        ItemKind::Interval | ItemKind::Task => 2,
    };
    DayKey {
        day: l.day,
        rank,
        time: i.time(),
        case: i.case(),
        kind: i.kind,
        deadline: deadline_key(i),
    }
}
