//! What a write did and what changed between two versions of a case, in words: the write
//! confirmations and the `log` "what" column.

use super::{Lang, close_reason_name, treatment_name};
use crate::model::{CloseReason, Treatment};

/// What one write did to a case, for the one-line confirmation on stderr. Dates are ISO
/// (`2026-11-27`); `code` is the NPR code the change gives, where it gives one.
#[derive(Clone, Debug, PartialEq, Eq, strum::EnumDiscriminants)]
#[strum_discriminants(name(DoneKind), derive(strum::EnumIter))]
pub enum Done {
    NewCase {
        pathway: String,
        referral: String,
        code: Option<String>,
    },
    Event {
        milestone: String,
        date: String,
        code: Option<String>,
    },
    PlannedTreatment {
        treatment: Treatment,
    },
    Appointment {
        date: String,
        time: Option<String>,
        what: String,
    },
    Mdt {
        date: String,
    },
    TaskDone {
        id: String,
        date: String,
    },
    AdHocTask {
        id: String,
        due: String,
    },
    Note {
        date: String,
    },
    Deviation {
        interval: String,
    },
    Transfer {
        date: String,
        to: String,
        code: Option<String>,
    },
    Close {
        date: String,
        reason: CloseReason,
        code: Option<String>,
    },
    /// `record --amend`: the recorded event corrected.
    Amended {
        milestone: String,
    },
    /// The conclusion of the MDT meeting on `date`.
    MdtConclusion {
        date: String,
    },
    /// `set FIELD VALUE`.
    FieldSet {
        field: String,
        value: String,
    },
    Reopened,
    /// `book --cancel`: what was booked on `date` removed.
    Cancelled {
        date: String,
        mdt: bool,
    },
}

fn with_code(s: String, code: &Option<String>) -> String {
    match code {
        Some(c) => format!("{s} ({c})"),
        None => s,
    }
}

impl Done {
    /// The change in a few words: "første fremmøte"-free, ids as they are in the files.
    pub fn text(&self, lang: Lang) -> String {
        use Done::*;
        match self {
            NewCase {
                pathway,
                referral,
                code,
            } => with_code(
                t!(
                    lang,
                    format!("ny sak i {pathway}, henvisning mottatt {referral}"),
                    format!("new case in {pathway}, referral received {referral}")
                ),
                code,
            ),
            Event {
                milestone,
                date,
                code,
            } => with_code(
                t!(
                    lang,
                    format!("hendelsen {milestone} registrert {date}"),
                    format!("milestone {milestone} recorded on {date}")
                ),
                code,
            ),
            PlannedTreatment { treatment } => {
                let name = treatment_name(*treatment, lang);
                t!(
                    lang,
                    format!("planlagt behandling: {name}"),
                    format!("planned treatment: {name}")
                )
            }
            Appointment { date, time, what } => {
                let at = match time {
                    Some(t) => format!("{date} {t}"),
                    None => date.clone(),
                };
                t!(
                    lang,
                    format!("time {at} bestilt: {what}"),
                    format!("appointment {at} booked: {what}")
                )
            }
            Mdt { date } => t!(
                lang,
                format!("meldt til MDT-møtet {date}"),
                format!("booked for the MDT meeting on {date}")
            ),
            TaskDone { id, date } => t!(
                lang,
                format!("oppgaven {id} utført {date}"),
                format!("task {id} done on {date}")
            ),
            AdHocTask { id, due } => t!(
                lang,
                format!("ny oppgave {id} med frist {due}"),
                format!("new task {id} due {due}")
            ),
            Note { date } => t!(lang, format!("notat {date}"), format!("note of {date}")),
            Deviation { interval } => t!(
                lang,
                format!("avvik på {interval} dokumentert"),
                format!("deviation from {interval} documented")
            ),
            Transfer { date, to, code } => with_code(
                t!(
                    lang,
                    format!("overført til {to} {date}"),
                    format!("transferred to {to} on {date}")
                ),
                code,
            ),
            Amended { milestone } => t!(
                lang,
                format!("hendelsen {milestone} rettet"),
                format!("milestone {milestone} corrected")
            ),
            MdtConclusion { date } => t!(
                lang,
                format!("konklusjon fra MDT-møtet {date}"),
                format!("conclusion of the MDT meeting on {date}")
            ),
            FieldSet { field, value } => t!(
                lang,
                format!("{field} satt til {value}"),
                format!("{field} set to {value}")
            ),
            Reopened => t!(lang, "saken gjenåpnet", "case reopened"),
            Cancelled { date, mdt: true } => t!(
                lang,
                format!("MDT-møtet {date} avlyst"),
                format!("MDT meeting of {date} cancelled")
            ),
            Cancelled { date, mdt: false } => t!(
                lang,
                format!("timen {date} avlyst"),
                format!("appointment of {date} cancelled")
            ),
            Close { date, reason, code } => {
                let why = close_reason_name(*reason, lang);
                with_code(
                    t!(
                        lang,
                        format!("forløpet avsluttet {date}: {why}"),
                        format!("pathway closed on {date}: {why}")
                    ),
                    code,
                )
            }
        }
    }
}

/// The one-line confirmation of a write: the case, what was done, the file, and the commit when
/// one was made.
pub fn written(case: &str, done: &[Done], file: &str, commit: Option<&str>, lang: Lang) -> String {
    let what: Vec<String> = done.iter().map(|d| d.text(lang)).collect();
    let what = what.join(", ");
    match commit {
        Some(c) => t!(
            lang,
            format!("{case}: {what}; lagret i {file} (commit {c})"),
            format!("{case}: {what}; saved in {file} (commit {c})")
        ),
        None => t!(
            lang,
            format!("{case}: {what}; lagret i {file}"),
            format!("{case}: {what}; saved in {file}")
        ),
    }
}

/// What a line of `log` is about: the stable English word (the JSON `changes`, and the key that
/// pairs entries across versions) and its name in the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum LogTopic {
    Pathway,
    Coordinator,
    Doctor,
    Treatment,
    PatientName,
    PatientFnr,
    PatientBorn,
    Gp,
    IndividualPlan,
    Consent,
    Event,
    Appointment,
    Mdt,
    Task,
    Note,
    Deviation,
    Transfer,
    Closed,
    /// Detail words: "done", "due", "conclusion:".
    Completed,
    DueDate,
    Conclusion,
}

impl LogTopic {
    /// The stable English word (JSON; the same whatever the language).
    pub fn key(self) -> &'static str {
        use LogTopic::*;
        match self {
            Pathway => "pathway",
            Coordinator => "coordinator",
            Doctor => "doctor",
            Treatment => "treatment",
            PatientName => "patient name",
            PatientFnr => "patient fnr",
            PatientBorn => "patient born",
            Gp => "gp",
            IndividualPlan => "individual_plan",
            Consent => "municipal_contact_consent",
            Event => "event",
            Appointment => "appointment",
            Mdt => "mdt",
            Task => "task",
            Note => "note",
            Deviation => "deviation",
            Transfer => "transfer",
            Closed => "closed",
            Completed => "done",
            DueDate => "due",
            Conclusion => "conclusion:",
        }
    }

    /// The word in `lang` (in English: the stable word).
    pub fn text(self, lang: Lang) -> String {
        use LogTopic::*;
        let nb = match self {
            Pathway => "forløp",
            Coordinator => "koordinator",
            Doctor => "lege",
            Treatment => "planlagt behandling",
            PatientName => "pasientens navn",
            PatientFnr => "fødselsnummer",
            PatientBorn => "fødselsår",
            Gp => "fastlege",
            IndividualPlan => "individuell plan",
            Consent => "samtykke til kommunal kreftkoordinator",
            Event => "hendelse",
            Appointment => "time",
            Mdt => "MDT-møte",
            Task => "oppgave",
            Note => "notat",
            Deviation => "avvik",
            Transfer => "overført",
            Closed => "avsluttet",
            Completed => "utført",
            DueDate => "frist",
            Conclusion => "konklusjon:",
        };
        t!(lang, nb, self.key())
    }
}
