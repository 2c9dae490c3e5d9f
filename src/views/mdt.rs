//! `mdt`: the list of cases booked for one MDT meeting date.

use chrono::NaiveDate;

use super::due::DeadlineRow;
use super::{event_code, patient_label, redact_text, timeline};
use crate::model::Case;
use crate::register::Register;
use crate::schedule::{CaseView, next_deadline};

/// One case on the MDT list; serializes to the list's case object.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct MdtEntry<'a> {
    pub case: String,
    pub patient: String,
    pub pathway: String,
    pub coordinator: Option<String>,
    /// Responsible doctor: the name from team.toml, else the id.
    pub doctor: Option<String>,
    /// The latest event by today: its milestone, date and NPR code.
    pub last_milestone: Option<String>,
    #[serde(serialize_with = "super::iso_date_opt")]
    pub last_date: Option<NaiveDate>,
    pub last_code: Option<String>,
    /// The most urgent open deadline today.
    #[serde(rename = "next_deadline")]
    pub deadline: Option<DeadlineRow<'a>>,
    pub question: Option<String>,
    pub conclusion: Option<String>,
}

/// The meeting date to show: `date` if given, else the first date from `today` on that has
/// cases booked (among the cases `keep` admits).
pub fn meeting_date(
    reg: &Register,
    today: NaiveDate,
    date: Option<NaiveDate>,
    keep: impl Fn(&Case) -> bool,
) -> Option<NaiveDate> {
    date.or_else(|| {
        reg.cases
            .iter()
            .filter(|c| keep(c))
            .flat_map(|c| c.mdts.iter().map(|m| m.date.value))
            .filter(|d| *d >= today)
            .min()
    })
}

/// The cases booked for the meeting on `date`, by case id.
pub fn mdt_list<'a>(
    reg: &'a Register,
    today: NaiveDate,
    date: NaiveDate,
    redact: bool,
    keep: impl Fn(&Case) -> bool,
) -> Vec<MdtEntry<'a>> {
    let mut out = Vec::new();
    for case in reg.cases.iter().filter(|c| keep(c)) {
        for m in case.mdts.iter().filter(|m| m.date.value == date) {
            let pathway = reg.pathway(&case.pathway.value);
            let events = timeline(case, today);
            let last = events.last();
            let deadline = pathway.and_then(|p| {
                next_deadline(&CaseView::new(case, p, today), &reg.settings.warn())
                    .map(|d| DeadlineRow::new(d, case, redact))
            });
            out.push(MdtEntry {
                case: case.id.value.to_string(),
                patient: patient_label(case, redact),
                pathway: case.pathway.value.to_string(),
                coordinator: case.coordinator.as_ref().map(|c| c.value.to_string()),
                doctor: case.doctor.as_ref().map(|d| {
                    let name = reg
                        .team
                        .as_ref()
                        .and_then(|t| t.get(&d.value))
                        .map(|p| p.name.as_str());
                    name.unwrap_or(&d.value).to_string()
                }),
                question: m.question.as_deref().map(|q| redact_text(q, case, redact)),
                conclusion: m
                    .conclusion
                    .as_deref()
                    .map(|q| redact_text(q, case, redact)),
                last_milestone: last.map(|e| e.milestone.value.to_string()),
                last_date: last.map(|e| e.date.value),
                last_code: last.and_then(|e| pathway.and_then(|p| event_code(p, case, e))),
                deadline,
            });
        }
    }
    out.sort_by(|a, b| a.case.cmp(&b.case));
    out
}

/// The JSON document of one MDT meeting: its date, the register's problems, the cases.
#[derive(Clone, Debug, serde::Serialize)]
pub struct MdtDocument<'a, P: serde::Serialize> {
    #[serde(serialize_with = "super::iso_date")]
    pub date: NaiveDate,
    pub problems: P,
    pub cases: &'a [MdtEntry<'a>],
}

/// The JSON document when no meeting lies ahead: `date` is null and no case is listed.
#[derive(Clone, Debug, serde::Serialize)]
pub struct NoMdtDocument<P: serde::Serialize> {
    #[serde(serialize_with = "super::iso_date_opt")]
    pub date: Option<NaiveDate>,
    pub cases: [(); 0],
    pub problems: P,
}
