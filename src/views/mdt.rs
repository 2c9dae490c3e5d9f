//! `mdt`: the list of cases booked for one MDT meeting date.

use chrono::NaiveDate;

use super::due::DeadlineRow;
use super::{event_code, patient_label, redact_text, timeline};
use crate::model::Case;
use crate::register::Register;
use crate::schedule::{CaseView, next_deadline};

/// One case on the MDT list.
#[derive(Clone, Debug, PartialEq)]
pub struct MdtEntry<'a> {
    pub case: String,
    pub patient: String,
    pub pathway: String,
    pub coordinator: Option<String>,
    /// Responsible doctor: the name from team.toml, else the id.
    pub doctor: Option<String>,
    pub question: Option<String>,
    pub conclusion: Option<String>,
    /// Milestone id, date and NPR code of the latest event by today.
    pub last: Option<(String, NaiveDate, Option<String>)>,
    /// The most urgent open deadline today.
    pub deadline: Option<DeadlineRow<'a>>,
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
            let last = timeline(case, today).last().map(|e| {
                (
                    e.milestone.value.clone(),
                    e.date.value,
                    pathway.and_then(|p| event_code(p, case, e)),
                )
            });
            let deadline = pathway.and_then(|p| {
                next_deadline(&CaseView::new(case, p, today), &reg.settings.warn())
                    .map(|d| DeadlineRow::new(d, case, redact))
            });
            out.push(MdtEntry {
                case: case.id.value.clone(),
                patient: patient_label(case, redact),
                pathway: case.pathway.value.clone(),
                coordinator: case.coordinator.as_ref().map(|c| c.value.clone()),
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
                last,
                deadline,
            });
        }
    }
    out.sort_by(|a, b| a.case.cmp(&b.case));
    out
}
