//! Writes to case files that keep every comment, blank line and key order (toml_edit), check the
//! result with the same rules as `check`, and replace the file atomically under a lock.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

use crate::check::case::CaseContext;
use crate::diag::{Diagnostic, Severity};
use crate::model::{
    CONTACT_RECEIVING, Case, CloseReason, IndividualPlan, Outcome, Pathway, Role, Treatment, Vocab,
};
use crate::register::{display_path, parse_case_text};

/// One change to a case file.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    Event {
        milestone: String,
        date: NaiveDate,
        outcome: Option<Outcome>,
        treatment: Option<Treatment>,
        note: Option<String>,
    },
    /// Corrects the recorded event of `milestone` (the earliest, where there are several):
    /// each given value replaces the recorded one.
    AmendEvent {
        milestone: String,
        date: Option<NaiveDate>,
        outcome: Option<Outcome>,
        treatment: Option<Treatment>,
        note: Option<String>,
    },
    /// The planned treatment (set at decision).
    PlannedTreatment(Treatment),
    Appointment {
        date: NaiveDate,
        time: Option<String>,
        what: String,
        place: Option<String>,
        /// The milestone this appointment is the planned date of.
        milestone: Option<String>,
    },
    /// An MDT meeting; when the case has one on `date`, its question and conclusion are
    /// filled in (the conclusion after the meeting) instead of adding another.
    Mdt {
        date: NaiveDate,
        question: Option<String>,
        conclusion: Option<String>,
    },
    /// Cancels what is booked on `date`: the appointments, or (`mdt`) the MDT meeting.
    Cancel {
        date: NaiveDate,
        mdt: bool,
    },
    /// A case field changed by `forlop set`.
    Set(Field),
    /// Removes `[closed]` (git keeps the history).
    Reopen,
    TaskDone {
        id: String,
        date: NaiveDate,
    },
    AdHocTask {
        id: String,
        name: String,
        due: NaiveDate,
    },
    Note {
        date: NaiveDate,
        text: String,
        by: Option<String>,
    },
    Deviation {
        interval: String,
        reason: String,
        reported: Option<NaiveDate>,
    },
    Transfer {
        date: NaiveDate,
        to: String,
        contact: Option<String>,
        /// Replace an existing `[transfer]` (otherwise the write is refused).
        replace: bool,
    },
    Close {
        date: NaiveDate,
        reason: CloseReason,
        /// Replace an existing `[closed]` (otherwise the write is refused).
        replace: bool,
    },
}

/// A case field `forlop set` changes, with its new value.
#[derive(Clone, Debug, PartialEq)]
pub enum Field {
    Coordinator(String),
    Doctor(String),
    Treatment(Treatment),
    /// The patient's GP (fastlege), free text.
    Gp(String),
    IndividualPlan(IndividualPlan),
    /// Consent to contact the municipal cancer coordinator.
    Consent(bool),
}

impl Field {
    /// The field's name on the command line.
    pub fn name(&self) -> &'static str {
        match self {
            Field::Coordinator(_) => "coordinator",
            Field::Doctor(_) => "doctor",
            Field::Treatment(_) => "treatment",
            Field::Gp(_) => "gp",
            Field::IndividualPlan(_) => "individual-plan",
            Field::Consent(_) => "consent",
        }
    }
}

/// Why a change cannot be made to the case as it is (the file is left untouched).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Bookings and tasks are not added to a closed case.
    Closed { date: NaiveDate },
    /// `reopen` of a case that is not closed.
    NotClosed,
    /// `record --amend` of a milestone that is not recorded.
    NotRecorded { milestone: String },
    /// `book --cancel` on a day with nothing booked.
    NothingBooked { date: NaiveDate },
}

/// Sets `key` in `table` to `v`, keeping the comment and spacing of a value it replaces.
fn set_value(table: &mut Table, key: &str, v: toml_edit::Value) {
    let mut v = v;
    if let Some(old) = table.get(key).and_then(Item::as_value) {
        *v.decor_mut() = old.decor().clone();
    }
    table.insert(key, Item::Value(v));
}

/// The sub-table `[key]` of the document, created when missing: `[care]` right after
/// `[patient]`, `[patient]` before the first table (where a person reading the file expects
/// them), rather than at the end.
fn sub_table<'d>(doc: &'d mut DocumentMut, key: &str) -> &'d mut Table {
    if !doc.contains_table(key) {
        let mut t = Table::new();
        t.set_implicit(false);
        // Tables are written in order of position; among equal positions, in insertion order.
        let after_patient = (key == "care")
            .then(|| doc.get("patient").and_then(Item::as_table))
            .flatten()
            .and_then(Table::position);
        let first = doc
            .iter()
            .filter_map(|(_, item)| match item {
                Item::Table(t) => t.position(),
                Item::ArrayOfTables(a) => a.iter().filter_map(Table::position).min(),
                _ => None,
            })
            .min();
        if let Some(p) = after_patient.or(first.map(|f| f - 1)) {
            t.set_position(Some(p));
        }
        doc.insert(key, Item::Table(t));
    }
    doc[key].as_table_mut().expect("a table just made sure of")
}

fn date(d: NaiveDate) -> toml_edit::Value {
    toml_edit::Value::from(toml_edit::Date {
        year: d.year() as u16,
        month: d.month() as u8,
        day: d.day() as u8,
    })
}

/// Appends a table to the array of tables `key`, right after its last entry.
fn push(doc: &mut DocumentMut, key: &str, table: Table) {
    match doc.get_mut(key) {
        Some(Item::ArrayOfTables(a)) => a.push(table),
        _ => {
            let mut a = ArrayOfTables::new();
            a.push(table);
            doc.insert(key, Item::ArrayOfTables(a));
        }
    }
}

fn table(entries: &[(&str, Option<toml_edit::Value>)]) -> Table {
    let mut t = Table::new();
    for (k, v) in entries {
        if let Some(v) = v {
            t.insert(k, Item::Value(v.clone()));
        }
    }
    t
}

fn s(v: &str) -> Option<toml_edit::Value> {
    Some(toml_edit::Value::from(v))
}

/// The date of a `date = …` entry of a table, if it is a plain date.
fn table_date(t: &Table) -> Option<NaiveDate> {
    let d = t.get("date")?.as_value()?.as_datetime()?.date?;
    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
}

impl Change {
    /// Why the change cannot be made to `case` as it stands on `today`, if it cannot.
    pub fn refusal(&self, case: &Case, today: NaiveDate) -> Option<Refusal> {
        let closed = case
            .closed
            .as_ref()
            .filter(|c| c.date.value <= today)
            .map(|c| Refusal::Closed { date: c.date.value });
        match self {
            Change::Appointment { .. } | Change::AdHocTask { .. } => closed,
            // Marking a task done and filling in an existing MDT's conclusion record what
            // happened; adding either to a closed case is a booking.
            Change::TaskDone { id, .. }
                if id != CONTACT_RECEIVING && !case.tasks.iter().any(|t| t.id.value == *id) =>
            {
                closed
            }
            Change::Mdt { date, .. } if !case.mdts.iter().any(|m| m.date.value == *date) => closed,
            Change::Reopen if case.closed.is_none() => Some(Refusal::NotClosed),
            Change::Cancel { date, mdt } => {
                let booked = if *mdt {
                    case.mdts.iter().any(|m| m.date.value == *date)
                } else {
                    case.appointments.iter().any(|a| a.date.value == *date)
                };
                (!booked).then_some(Refusal::NothingBooked { date: *date })
            }
            Change::AmendEvent { milestone, .. }
                if !case.events.iter().any(|e| e.milestone.value == *milestone) =>
            {
                Some(Refusal::NotRecorded {
                    milestone: milestone.clone(),
                })
            }
            _ => None,
        }
    }

    /// Applies the change to the document.
    /// The table this change would overwrite without `--replace` (`closed`, `transfer`):
    /// a closure or transfer is never replaced by accident (SPEC §3).
    pub fn would_replace(&self, doc: &DocumentMut) -> Option<&'static str> {
        let table = match self {
            Change::Close { replace: false, .. } => "closed",
            Change::Transfer { replace: false, .. } => "transfer",
            _ => return None,
        };
        doc.contains_key(table).then_some(table)
    }

    pub fn apply(&self, doc: &mut DocumentMut) {
        match self {
            Change::AmendEvent {
                milestone,
                date: d,
                outcome,
                treatment,
                note,
            } => {
                let Some(events) = doc.get_mut("event").and_then(Item::as_array_of_tables_mut)
                else {
                    return;
                };
                let earliest = events
                    .iter_mut()
                    .filter(|t| t.get("milestone").and_then(Item::as_str) == Some(milestone))
                    .min_by_key(|t| table_date(t));
                if let Some(t) = earliest {
                    if let Some(d) = d {
                        set_value(t, "date", date(*d));
                    }
                    if let Some(o) = outcome {
                        set_value(t, "outcome", toml_edit::Value::from(o.word()));
                    }
                    if let Some(tr) = treatment {
                        set_value(t, "treatment", toml_edit::Value::from(tr.word()));
                    }
                    if let Some(n) = note {
                        set_value(t, "note", toml_edit::Value::from(n.as_str()));
                    }
                }
            }
            Change::Set(field) => {
                let root = doc.as_table_mut();
                match field {
                    Field::Coordinator(id) => set_value(root, "coordinator", id.as_str().into()),
                    Field::Doctor(id) => set_value(root, "doctor", id.as_str().into()),
                    Field::Treatment(t) => set_value(root, "treatment", t.word().into()),
                    Field::Gp(gp) => {
                        set_value(sub_table(doc, "patient"), "gp", gp.as_str().into());
                    }
                    Field::IndividualPlan(ip) => {
                        set_value(sub_table(doc, "care"), "individual_plan", ip.word().into());
                    }
                    Field::Consent(yes) => {
                        let care = sub_table(doc, "care");
                        set_value(care, "municipal_contact_consent", (*yes).into());
                    }
                }
            }
            Change::Reopen => {
                doc.remove("closed");
            }
            Change::Cancel { date: d, mdt } => {
                let key = if *mdt { "mdt" } else { "appointment" };
                if let Some(list) = doc.get_mut(key).and_then(Item::as_array_of_tables_mut) {
                    list.retain(|t| table_date(t) != Some(*d));
                    if list.is_empty() {
                        doc.remove(key);
                    }
                }
            }
            Change::Event {
                milestone,
                date: d,
                outcome,
                treatment,
                note,
            } => push(
                doc,
                "event",
                table(&[
                    ("milestone", s(milestone)),
                    ("date", Some(date(*d))),
                    ("outcome", outcome.map(|o| toml_edit::Value::from(o.word()))),
                    (
                        "treatment",
                        treatment.map(|t| toml_edit::Value::from(t.word())),
                    ),
                    ("note", note.as_deref().and_then(s)),
                ]),
            ),
            Change::PlannedTreatment(t) => {
                doc.insert("treatment", value(t.word()));
            }
            Change::Appointment {
                date: d,
                time,
                what,
                place,
                milestone,
            } => push(
                doc,
                "appointment",
                table(&[
                    ("date", Some(date(*d))),
                    ("time", time.as_deref().and_then(s)),
                    ("what", s(what)),
                    ("where", place.as_deref().and_then(s)),
                    ("milestone", milestone.as_deref().and_then(s)),
                ]),
            ),
            Change::Mdt {
                date: d,
                question,
                conclusion,
            } => {
                let existing = doc
                    .get_mut("mdt")
                    .and_then(Item::as_array_of_tables_mut)
                    .and_then(|a| a.iter_mut().find(|t| table_date(t) == Some(*d)));
                match existing {
                    Some(t) => {
                        if let Some(q) = question {
                            set_value(t, "question", q.as_str().into());
                        }
                        if let Some(c) = conclusion {
                            set_value(t, "conclusion", c.as_str().into());
                        }
                    }
                    None => push(
                        doc,
                        "mdt",
                        table(&[
                            ("date", Some(date(*d))),
                            ("question", question.as_deref().and_then(s)),
                            ("conclusion", conclusion.as_deref().and_then(s)),
                        ]),
                    ),
                }
            }
            Change::TaskDone { id, date: d } => {
                let existing = doc
                    .get_mut("task")
                    .and_then(Item::as_array_of_tables_mut)
                    .and_then(|a| {
                        a.iter_mut()
                            .find(|t| t.get("id").and_then(Item::as_str) == Some(id.as_str()))
                    });
                match existing {
                    Some(t) => {
                        t.insert("done", Item::Value(date(*d)));
                    }
                    None => push(
                        doc,
                        "task",
                        table(&[("id", s(id)), ("done", Some(date(*d)))]),
                    ),
                }
            }
            Change::AdHocTask { id, name, due } => push(
                doc,
                "task",
                table(&[("id", s(id)), ("name", s(name)), ("due", Some(date(*due)))]),
            ),
            Change::Note { date: d, text, by } => push(
                doc,
                "note",
                table(&[
                    ("date", Some(date(*d))),
                    ("text", s(text)),
                    ("by", by.as_deref().and_then(s)),
                ]),
            ),
            Change::Deviation {
                interval,
                reason,
                reported,
            } => push(
                doc,
                "deviation",
                table(&[
                    ("interval", s(interval)),
                    ("reason", s(reason)),
                    ("reported", reported.map(date)),
                ]),
            ),
            Change::Transfer {
                date: d,
                to,
                contact,
                ..
            } => {
                let t = table(&[
                    ("date", Some(date(*d))),
                    ("to", s(to)),
                    ("contact", contact.as_deref().and_then(s)),
                ]);
                doc.insert("transfer", Item::Table(t));
            }
            Change::Close {
                date: d, reason, ..
            } => {
                let t = table(&[("date", Some(date(*d))), ("reason", s(reason.word()))]);
                doc.insert("closed", Item::Table(t));
            }
        }
    }

    /// What the change does, for the confirmation in the user's language.
    pub fn done(&self, pathway: Option<&Pathway>, planned: Option<Treatment>) -> crate::i18n::Done {
        use crate::i18n::Done;
        let code =
            |letters: &str| Some(pathway.map_or(letters.to_string(), |p| p.npr_code(letters)));
        match self {
            Change::Event {
                milestone, date, ..
            } => Done::Event {
                milestone: milestone.clone(),
                date: date.to_string(),
                code: self.event_code(pathway, planned),
            },
            Change::PlannedTreatment(t) => Done::PlannedTreatment { treatment: *t },
            Change::Appointment {
                date, time, what, ..
            } => Done::Appointment {
                date: date.to_string(),
                time: time.clone(),
                what: what.clone(),
            },
            Change::Mdt {
                date,
                conclusion: Some(_),
                ..
            } => Done::MdtConclusion {
                date: date.to_string(),
            },
            Change::Mdt { date, .. } => Done::Mdt {
                date: date.to_string(),
            },
            Change::AmendEvent { milestone, .. } => Done::Amended {
                milestone: milestone.clone(),
            },
            Change::Set(field) => Done::FieldSet {
                field: field.name().to_string(),
                value: match field {
                    Field::Coordinator(v) | Field::Doctor(v) | Field::Gp(v) => v.clone(),
                    Field::Treatment(t) => t.word().to_string(),
                    Field::IndividualPlan(ip) => ip.word().to_string(),
                    Field::Consent(yes) => if *yes { "yes" } else { "no" }.to_string(),
                },
            },
            Change::Reopen => Done::Reopened,
            Change::Cancel { date, mdt } => Done::Cancelled {
                date: date.to_string(),
                mdt: *mdt,
            },
            Change::TaskDone { id, date } => Done::TaskDone {
                id: id.clone(),
                date: date.to_string(),
            },
            Change::AdHocTask { id, due, .. } => Done::AdHocTask {
                id: id.clone(),
                due: due.to_string(),
            },
            Change::Note { date, .. } => Done::Note {
                date: date.to_string(),
            },
            Change::Deviation { interval, .. } => Done::Deviation {
                interval: interval.clone(),
            },
            Change::Transfer { date, to, .. } => Done::Transfer {
                date: date.to_string(),
                to: to.clone(),
                code: code("O"),
            },
            Change::Close { date, reason, .. } => Done::Close {
                date: date.to_string(),
                reason: *reason,
                code: if reason.is_early_end() {
                    code("X")
                } else {
                    None
                },
            },
        }
    }

    /// The full NPR code an event gives (`A12S`, `A12CK`), where its milestone has a letter.
    pub fn event_code(
        &self,
        pathway: Option<&Pathway>,
        planned: Option<Treatment>,
    ) -> Option<String> {
        let Change::Event {
            milestone,
            outcome,
            treatment,
            ..
        } = self
        else {
            return None;
        };
        let m = pathway.and_then(|p| p.milestone(milestone));
        let letters = m
            .and_then(|m| m.code.clone())
            .map(|c| match m.and_then(|m| m.role) {
                Some(Role::Decision) => {
                    format!("{c}{}", outcome.unwrap_or(Outcome::Cancer).npr_letter())
                }
                Some(Role::Treatment) => match treatment.or(planned) {
                    Some(t) => format!("{c}{}", t.npr_letter()),
                    None => c,
                },
                _ => c,
            });
        letters.map(|l| pathway.map_or(l.clone(), |p| p.npr_code(&l)))
    }

    /// The change as a commit subject (English, stable):
    /// `first-visit 2026-11-06 (A12S)`. Names the verb, milestone, date and NPR code only, never
    /// free text (appointment, note, transfer destination): a commit subject stays in git's
    /// history forever (SPEC §3). An id that is not of the `[a-z0-9-]` form is left out.
    pub fn describe(&self, pathway: Option<&Pathway>, planned: Option<Treatment>) -> String {
        // Ids the pathway defines; anything else typed on the command line is left out.
        let known = |id: &str, defined: bool| {
            if defined && !id.chars().any(char::is_whitespace) {
                format!(" {id}")
            } else {
                String::new()
            }
        };
        let code = |letters: String| pathway.map_or(letters.clone(), |p| p.npr_code(&letters));
        match self {
            Change::Event {
                milestone,
                date,
                outcome,
                treatment,
                ..
            } => {
                let m = pathway.and_then(|p| p.milestone(milestone));
                let letters =
                    m.and_then(|m| m.code.clone())
                        .map(|c| match m.and_then(|m| m.role) {
                            Some(Role::Decision) => {
                                format!("{c}{}", outcome.unwrap_or(Outcome::Cancer).npr_letter())
                            }
                            Some(Role::Treatment) => match treatment.or(planned) {
                                Some(t) => format!("{c}{}", t.npr_letter()),
                                None => c,
                            },
                            _ => c,
                        });
                let milestone = known(milestone, m.is_some());
                let milestone = milestone.trim_start();
                match letters {
                    Some(l) => format!("{milestone} {date} ({})", code(l)),
                    None => format!("{milestone} {date}"),
                }
            }
            Change::AmendEvent {
                milestone,
                date,
                outcome,
                treatment,
                ..
            } => {
                let defined = pathway.is_some_and(|p| p.milestone(milestone).is_some());
                let mut s = format!("{} amended", known(milestone, defined).trim_start());
                if let Some(d) = date {
                    s.push_str(&format!(" {d}"));
                }
                if let Some(o) = outcome {
                    s.push_str(&format!(" {}", o.word()));
                }
                if let Some(t) = treatment {
                    s.push_str(&format!(" {}", t.word()));
                }
                s
            }
            Change::PlannedTreatment(t) => format!("treatment {}", t.word()),
            Change::Appointment {
                date, milestone, ..
            } => match milestone {
                Some(m) => {
                    let defined = pathway.is_some_and(|p| p.milestone(m).is_some());
                    format!("appointment {date} (planned{})", known(m, defined))
                }
                None => format!("appointment {date}"),
            },
            Change::Mdt {
                date, conclusion, ..
            } => match conclusion {
                Some(_) => format!("mdt {date} conclusion"),
                None => format!("mdt {date}"),
            },
            Change::Set(field) => match field {
                Field::Coordinator(id) | Field::Doctor(id) => {
                    let valid = crate::model::is_valid_id(id);
                    format!("{}{}", field.name(), known(id, valid))
                }
                Field::Treatment(t) => format!("treatment {}", t.word()),
                Field::IndividualPlan(ip) => format!("individual-plan {}", ip.word()),
                Field::Consent(yes) => format!("consent {}", if *yes { "yes" } else { "no" }),
                // Free text (a name) never goes into a commit subject.
                Field::Gp(_) => "gp".into(),
            },
            Change::Reopen => "reopened".into(),
            Change::Cancel { date, mdt } => {
                format!(
                    "{} {date} cancelled",
                    if *mdt { "mdt" } else { "appointment" }
                )
            }
            Change::TaskDone { id, date } => {
                let defined =
                    pathway.is_some_and(|p| p.task(id).is_some()) || id == CONTACT_RECEIVING;
                format!("task{} done {date}", known(id, defined))
            }
            // An ad-hoc task's id is typed freely, like its name.
            Change::AdHocTask { due, .. } => format!("task due {due}"),
            Change::Note { date, .. } => format!("note {date}"),
            Change::Deviation { interval, .. } => {
                let defined = pathway.is_some_and(|p| p.interval(interval).is_some());
                format!("deviation{}", known(interval, defined))
            }
            Change::Transfer { date, .. } => {
                format!("transfer {date} ({})", code("O".into()))
            }
            Change::Close { date, reason, .. } => {
                let x = if reason.is_early_end() {
                    format!(" ({})", code("X".into()))
                } else {
                    String::new()
                };
                format!("closed {date} {}{x}", reason.word())
            }
        }
    }
}

/// Why a write was not done.
#[derive(Debug)]
pub enum EditError {
    UnknownCase(String),
    CaseExists(String),
    BadId(String),
    /// The change would give the case these errors, which it did not have.
    WouldBreak(Vec<Diagnostic>),
    /// The change cannot be made to the case as it stands.
    Refused(Refusal),
    /// The file has uncommitted changes that are not ours (with `--commit`).
    Uncommitted(String),
    NotARepo,
    GitMissing,
    Git(String),
    Io(String),
    /// The file has git conflict blocks (their diagnostics); nothing was written.
    Conflict {
        file: String,
        diags: Vec<Diagnostic>,
    },
    /// `--commit` while a merge is unfinished (git allows no commit of one file then).
    MergeInProgress,
    /// The file system refused (a shared working copy without group write access).
    PermissionDenied(String),
    /// `--commit` failed; the file and the index were put back as they were.
    CommitFailed {
        file: String,
        detail: String,
    },
    /// The write would go through a symbolic link (register-relative path).
    ThroughLink(String),
    /// The lock file is not a plain file (a link, a FIFO).
    BadLockFile(String),
    /// The case file cannot be read as TOML: its errors, which must be fixed by hand first.
    Unusable(Vec<Diagnostic>),
    /// The case already has this `[closed]` or `[transfer]` (its table name and date), and
    /// `--replace` was not given.
    WouldReplace {
        table: &'static str,
        date: String,
    },
}

impl From<crate::git::GitError> for EditError {
    fn from(e: crate::git::GitError) -> Self {
        match e {
            crate::git::GitError::Missing => EditError::GitMissing,
            crate::git::GitError::Failed(m) => EditError::Git(m),
        }
    }
}

fn io(e: std::io::Error) -> EditError {
    EditError::Io(e.to_string())
}

/// An I/O error on `rel` (register-relative): a refusal names the file, others say which file.
fn io_at(rel: &str) -> impl Fn(std::io::Error) -> EditError + '_ {
    move |e| match e.kind() {
        std::io::ErrorKind::PermissionDenied => EditError::PermissionDenied(rel.to_string()),
        _ => EditError::Io(format!("{rel}: {e}")),
    }
}

/// Every case file under `cases/` named `<id>.toml` (the register's one walker:
/// [`crate::register::case_files`]).
pub fn find_case_files(root: &Path, id: &str) -> Vec<PathBuf> {
    let name = format!("{id}.toml");
    crate::register::case_files(root)
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy() == name))
        .collect()
}

/// The ids of every case file (for did-you-mean).
pub fn all_case_ids(root: &Path) -> Vec<String> {
    crate::register::case_files(root)
        .iter()
        .filter_map(|p| p.file_stem().and_then(|n| n.to_str()).map(String::from))
        .collect()
}

/// An exclusive lock on the register for one read-change-write; released when dropped.
pub struct Lock(#[allow(dead_code)] File);

/// The lock file's name, in the register root.
pub const LOCK_FILE: &str = ".forlop.lock";

/// Called once when a writer has waited a second for the lock (the command line says so).
static ON_LOCK_WAIT: std::sync::OnceLock<fn()> = std::sync::OnceLock::new();

/// Sets what happens when a writer has waited a second for another writer's lock.
pub fn on_lock_wait(notice: fn()) {
    let _ = ON_LOCK_WAIT.set(notice);
}

/// Takes the register's write lock, waiting for another writer to finish. The lock file is
/// opened without following a link and without blocking on a FIFO, and must be a plain file.
pub fn lock(root: &Path) -> Result<Lock, EditError> {
    let path = root.join(LOCK_FILE);
    let mut options = fs::OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let bad = || EditError::BadLockFile(LOCK_FILE.to_string());
    // Another user's lock file may be read-only for us: a lock on a read-only handle holds as well.
    let opened = options.open(&path).or_else(|e| {
        if e.kind() != std::io::ErrorKind::PermissionDenied {
            return Err(e);
        }
        let mut read = fs::OpenOptions::new();
        read.read(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            read.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
        }
        read.open(&path).map_err(|_| e)
    });
    let f = opened.map_err(|e| match e.raw_os_error() {
        #[cfg(unix)]
        Some(libc::ELOOP | libc::ENXIO) => bad(),
        _ => io_at(LOCK_FILE)(e),
    })?;
    if !f.metadata().map_err(io)?.is_file() {
        return Err(bad());
    }
    let start = std::time::Instant::now();
    let mut told = false;
    loop {
        match f.try_lock() {
            Ok(()) => return Ok(Lock(f)),
            Err(fs::TryLockError::WouldBlock) => {
                if !told && start.elapsed() >= std::time::Duration::from_secs(1) {
                    told = true;
                    if let Some(notice) = ON_LOCK_WAIT.get() {
                        notice();
                    }
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(fs::TryLockError::Error(e)) => return Err(io(e)),
        }
    }
}

/// Removes the temporary files a killed write left under `cases/` (each a full copy of a case).
/// Called with the lock held, so no write is under way.
fn remove_stale_temporaries(root: &Path) {
    for path in crate::register::stale_temporaries(root) {
        let _ = fs::remove_file(path);
    }
}

/// Refuses a path whose folders below the register root include a symbolic link (or that is a
/// link itself): nothing is written through a link.
pub fn refuse_links(root: &Path, path: &Path) -> Result<(), EditError> {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut at = root.to_path_buf();
    for c in rel.components() {
        at.push(c);
        match fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => {
                return Err(EditError::ThroughLink(display_path(root, &at)));
            }
            Ok(_) => {}
            // Not there yet: nothing below it is either.
            Err(_) => break,
        }
    }
    Ok(())
}

/// The errors and the warnings of a case text.
pub fn problems(
    rel: &str,
    text: &str,
    stem: &str,
    ctx: &CaseContext<'_>,
) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let (_, diags) = parse_case_text(rel, text, stem, ctx);
    diags
        .into_iter()
        .partition(|d| d.severity == Severity::Error)
}

/// Problems in `after` that `before` did not have (compared by message: positions shift when
/// lines are added).
pub fn new_problems(before: &[Diagnostic], after: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut old: Vec<&crate::i18n::Msg> = before.iter().map(|d| &d.msg).collect();
    after
        .into_iter()
        .filter(|d| match old.iter().position(|m| **m == d.msg) {
            Some(i) => {
                old.remove(i);
                false
            }
            None => true,
        })
        .collect()
}

/// What a write did.
#[derive(Debug)]
pub struct Written {
    /// The file, relative to the register root.
    pub file: String,
    /// The commit, when one was made.
    pub commit: Option<String>,
    /// Warnings the change brought (allowed, but worth saying at once).
    pub warnings: Vec<Diagnostic>,
}

fn commit(root: &Path, rel: &str, message: &str) -> Result<Option<String>, EditError> {
    crate::git::commit_file(root, rel, message)?;
    let hash = crate::git::git(root, &["rev-parse", "--short", "HEAD"])?;
    Ok(Some(hash.trim().to_string()))
}

/// Commits `rel`; when that fails, `undo` puts the file back and the index entry is restored,
/// so a failed `--commit` leaves no trace.
fn commit_or_undo(
    root: &Path,
    rel: &str,
    message: &str,
    undo: impl FnOnce(),
) -> Result<Option<String>, EditError> {
    match commit(root, rel, message) {
        Ok(c) => Ok(c),
        Err(e) => {
            undo();
            if crate::git::git(root, &["reset", "--quiet", "--", rel]).is_err() {
                let _ = crate::git::git(
                    root,
                    &["rm", "--cached", "--quiet", "--ignore-unmatch", "--", rel],
                );
            }
            let detail = match e {
                EditError::Git(m) => m,
                EditError::GitMissing => "git".into(),
                other => format!("{other:?}"),
            };
            Err(EditError::CommitFailed {
                file: rel.to_string(),
                detail: detail.trim().to_string(),
            })
        }
    }
}

/// The git conflict blocks of a case text, as diagnostics.
fn conflicts(rel: &str, text: &str, stem: &str, ctx: &CaseContext<'_>) -> Vec<Diagnostic> {
    if crate::merge::conflict_blocks(text).is_empty() {
        return Vec::new();
    }
    problems(rel, text, stem, ctx).0
}

/// Applies `changes` to the case `id`: refuses (file untouched) if the result has an error the
/// file did not have; with `message`, commits the file alone.
pub fn edit_case(
    root: &Path,
    id: &str,
    changes: &[Change],
    ctx: &CaseContext<'_>,
    message: Option<&str>,
) -> Result<Written, EditError> {
    if !crate::model::is_valid_id(id) {
        return Err(EditError::BadId(id.to_string()));
    }
    refuse_links(root, &root.join("cases"))?;
    let _lock = lock(root)?;
    remove_stale_temporaries(root);
    let path = match find_case_files(root, id).as_slice() {
        [one] => one.clone(),
        [] => return Err(EditError::UnknownCase(id.to_string())),
        [_, second, ..] => return Err(EditError::CaseExists(display_path(root, second))),
    };
    refuse_links(root, &path)?;
    let rel = display_path(root, &path);
    if message.is_some() {
        if !crate::git::repo_status(root)? {
            return Err(EditError::NotARepo);
        }
        if crate::git::merge_in_progress(root) {
            return Err(EditError::MergeInProgress);
        }
        if crate::git::has_changes(root, &rel)? {
            return Err(EditError::Uncommitted(rel));
        }
    }
    let original = crate::register::read_text(&path, &rel).map_err(|d| {
        if d.msg == crate::i18n::Msg::Symlink {
            EditError::ThroughLink(rel.clone())
        } else {
            EditError::Unusable(vec![*d])
        }
    })?;
    let had_bom = original.starts_with('\u{feff}');
    let text = crate::parse::strip_bom(&original);
    let blocks = conflicts(&rel, text, id, ctx);
    if !blocks.is_empty() {
        return Err(EditError::Conflict {
            file: rel,
            diags: blocks,
        });
    }
    let (errors_before, warnings_before) = problems(&rel, text, id, ctx);
    // Not TOML (or too large to parse): say where, as `check` would, not as an I/O error.
    let unparsable = |d: &Diagnostic| {
        matches!(
            d.msg,
            crate::i18n::Msg::TomlSyntax { .. } | crate::i18n::Msg::TooManyEntries { .. }
        )
    };
    if errors_before.iter().any(unparsable) {
        return Err(EditError::Unusable(errors_before));
    }
    let mut doc: DocumentMut = match text.parse() {
        Ok(doc) => doc,
        Err(_) => return Err(EditError::Unusable(errors_before)),
    };
    if let (Some(case), _) = parse_case_text(&rel, text, id, ctx)
        && let Some(refusal) = changes.iter().find_map(|c| c.refusal(&case, ctx.today))
    {
        return Err(EditError::Refused(refusal));
    }
    for c in changes {
        if let Some(table) = c.would_replace(&doc) {
            let date = doc
                .get(table)
                .and_then(|t| t.get("date"))
                .map(|d| d.to_string().trim().trim_matches('"').to_string())
                .unwrap_or_default();
            return Err(EditError::WouldReplace { table, date });
        }
    }
    for c in changes {
        c.apply(&mut doc);
    }
    let mut updated = doc.to_string();
    // Keep the file's line endings.
    if text.contains("\r\n") {
        updated = updated.replace("\r\n", "\n").replace('\n', "\r\n");
    }
    let (errors_after, warnings_after) = problems(&rel, &updated, id, ctx);
    let added = new_problems(&errors_before, errors_after);
    if !added.is_empty() {
        return Err(EditError::WouldBreak(added));
    }
    let warnings = new_problems(&warnings_before, warnings_after);
    if had_bom {
        updated.insert(0, '\u{feff}');
    }
    crate::atomic::write(&path, updated.as_bytes()).map_err(io_at(&rel))?;
    let commit = match message {
        Some(m) => commit_or_undo(root, &rel, m, || {
            let _ = crate::atomic::write(&path, original.as_bytes());
        })?,
        None => None,
    };
    Ok(Written {
        file: rel,
        commit,
        warnings,
    })
}

/// A new case file's text.
pub struct NewCase<'a> {
    pub id: &'a str,
    pub pathway: &'a Pathway,
    pub referral: NaiveDate,
    pub coordinator: Option<&'a str>,
    pub name: Option<&'a str>,
    pub fnr: Option<&'a str>,
    pub today: NaiveDate,
}

fn quote(s: &str) -> String {
    toml_edit::Value::from(s).to_string().trim().to_string()
}

impl NewCase<'_> {
    /// The file's text, with a comment saying how it was made.
    pub fn text(&self) -> String {
        let referral = self
            .pathway
            .milestone_with_role(Role::Start)
            .map(|m| m.id.value.as_str())
            .unwrap_or("referral");
        let mut t = format!(
            "# Opprettet med `forlop new` {}.\nid = {}\npathway = {}\n",
            self.today,
            quote(self.id),
            quote(&self.pathway.id.value)
        );
        if let Some(c) = self.coordinator {
            t.push_str(&format!("coordinator = {}\n", quote(c)));
        }
        if self.name.is_some() || self.fnr.is_some() {
            t.push_str("\n[patient]\n");
            if let Some(n) = self.name {
                t.push_str(&format!("name = {}\n", quote(n)));
            }
            if let Some(f) = self.fnr {
                t.push_str(&format!("fnr = {}\n", quote(f)));
            }
        }
        t.push_str(&format!(
            "\n[[event]]\nmilestone = {}\ndate = {}\n",
            quote(referral),
            self.referral
        ));
        t
    }
}

/// The one rule across files a new case can break: an open case of the same pathway for the same
/// fødselsnummer. Reads the register only when the new case has a fødselsnummer.
fn duplicate_open_case(
    root: &Path,
    rel: &str,
    text: &str,
    new: &NewCase<'_>,
    ctx: &CaseContext<'_>,
) -> Option<Diagnostic> {
    let fnr = new.fnr?;
    let register = crate::register::load_view(root, ctx.today, crate::register::Scope::Open);
    let other = register.keys.iter().find(|k| {
        k.open
            && k.pathway == new.pathway.id.value
            && k.fnr.as_ref().is_some_and(|f| f.value == fnr)
    })?;
    let (case, _) = parse_case_text(rel, text, new.id, ctx);
    let span = case?.patient.fnr?.span;
    let mut sink = crate::diag::Sink::new(rel, text);
    let msg = crate::i18n::Msg::DuplicateOpenCase {
        pathway: new.pathway.id.value.clone(),
        other: other.file.to_string(),
    };
    sink.error(span, msg);
    sink.diags.pop()
}

/// Creates `cases/<referral year>/<id>.toml`; refuses an id outside `[a-z0-9-]+`, an id that
/// exists anywhere in the register, and a case with errors.
pub fn create_case(
    root: &Path,
    new: &NewCase<'_>,
    ctx: &CaseContext<'_>,
    message: Option<&str>,
) -> Result<Written, EditError> {
    if !crate::model::is_valid_id(new.id) {
        return Err(EditError::BadId(new.id.to_string()));
    }
    refuse_links(root, &root.join("cases"))?;
    let _lock = lock(root)?;
    remove_stale_temporaries(root);
    if let Some(existing) = find_case_files(root, new.id).first() {
        return Err(EditError::CaseExists(display_path(root, existing)));
    }
    if message.is_some() && !crate::git::repo_status(root)? {
        return Err(EditError::NotARepo);
    }
    if message.is_some() && crate::git::merge_in_progress(root) {
        return Err(EditError::MergeInProgress);
    }
    let dir = root.join("cases").join(new.referral.year().to_string());
    let path = dir.join(format!("{}.toml", new.id));
    let rel = display_path(root, &path);
    let text = new.text();
    let (mut errors, warnings) = problems(&rel, &text, new.id, ctx);
    if errors.is_empty() {
        errors.extend(duplicate_open_case(root, &rel, &text, new, ctx));
    }
    if !errors.is_empty() {
        return Err(EditError::WouldBreak(errors));
    }
    refuse_links(root, &path)?;
    let new_dir = !dir.exists();
    // New folders and files take forlop.toml's mode and group (a shared working copy).
    let model = root.join("forlop.toml");
    crate::atomic::create_dir_all_like(&dir, &model).map_err(io_at(&rel))?;
    // A link planted between the check and the creation is still not written through.
    refuse_links(root, &path)?;
    crate::atomic::create_new_like(&path, text.as_bytes(), Some(&model)).map_err(|e| {
        match e.kind() {
            std::io::ErrorKind::AlreadyExists => EditError::CaseExists(rel.clone()),
            _ => io_at(&rel)(e),
        }
    })?;
    let commit = match message {
        Some(m) => commit_or_undo(root, &rel, m, || {
            let _ = fs::remove_file(&path);
            if new_dir {
                let _ = fs::remove_dir(&dir);
            }
        })?,
        None => None,
    };
    Ok(Written {
        file: rel,
        commit,
        warnings,
    })
}
