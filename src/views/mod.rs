//! Views: from the loaded register (and today) to rows. Views never read files.

pub mod agenda;
pub mod handover;
pub mod log;
pub mod mdt;
pub mod report;
pub mod stats;
pub mod status;

use chrono::NaiveDate;

use crate::model::{Case, Event, Outcome, Pathway, Role, Treatment};

/// The patient as outputs may show them: initials when redacted (never the name or the
/// fødselsnummer), else the name.
pub fn patient_label(case: &Case, redact: bool) -> String {
    let Some(name) = case
        .patient
        .name
        .as_deref()
        .filter(|n| !n.trim().is_empty())
    else {
        return "–".into();
    };
    if !redact {
        return name.to_string();
    }
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .flat_map(|c| c.to_uppercase())
        .map(|c| format!("{c}."))
        .collect()
}

/// Free text as outputs may show it: when redacting, every part of the patient's name is
/// replaced by its initial and the fødselsnummer (any spelling) by asterisks, so a note such as
/// "Ola ringte" does not carry the identity that the name column hides (see [`crate::redact`]).
pub fn redact_text(text: &str, case: &Case, redact: bool) -> String {
    if redact {
        crate::redact::scrub(text, case)
    } else {
        text.to_string()
    }
}

/// What a deadline is about, for people: `OF1 Henvisning mottatt – …` or the task's name.
pub fn deadline_what(d: &crate::schedule::Deadline) -> String {
    use crate::schedule::Kind;
    match (d.kind, &d.name) {
        (Kind::Interval, Some(name)) => format!("{} {name}", d.id),
        (_, Some(name)) => name.clone(),
        (_, None) => d.id.clone(),
    }
}

/// The full NPR code of a recorded event (e.g. `A12S`, `A12CK`, `A12FM`); `None` for local
/// milestones without a code.
pub fn event_code(pathway: &Pathway, case: &Case, event: &Event) -> Option<String> {
    let m = pathway.milestone(&event.milestone.value)?;
    let letter = m.code.as_deref()?;
    let extra = match m.role {
        Some(Role::Decision) => Some(
            event
                .outcome
                .as_ref()
                .map_or(Outcome::Cancer, |o| o.value)
                .npr_letter(),
        ),
        Some(Role::Treatment) => event_treatment(case, event).map(Treatment::npr_letter),
        _ => None,
    };
    let mut letters = letter.to_string();
    letters.extend(extra);
    Some(pathway.npr_code(&letters))
}

/// The treatment type of a treatment event: its own, else the case's planned one.
pub fn event_treatment(case: &Case, event: &Event) -> Option<Treatment> {
    event
        .treatment
        .as_ref()
        .or(case.treatment.as_ref())
        .map(|t| t.value)
}

/// The case's events that had happened by `today`, in date order (stable for equal dates).
pub fn timeline(case: &Case, today: NaiveDate) -> Vec<&Event> {
    let mut events: Vec<&Event> = case.events_until(today).collect();
    events.sort_by_key(|e| e.date.value);
    events
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Span;
    use crate::model::*;

    fn case_named(name: Option<&str>) -> Case {
        let l = |s: &str| Located::new(s.to_string(), Span::default());
        Case {
            id: l("x-1"),
            pathway: l("p"),
            coordinator: None,
            doctor: None,
            treatment: None,
            patient: Patient {
                name: name.map(String::from),
                ..Default::default()
            },
            care: Care::default(),
            events: vec![],
            appointments: vec![],
            mdts: vec![],
            tasks: vec![],
            deviations: vec![],
            notes: vec![],
            transfer: None,
            closed: None,
            file: "cases/x-1.toml".into(),
        }
    }

    #[test]
    fn free_text_loses_the_name_and_number_when_redacting() {
        let mut c = case_named(Some("Ola Nordmann"));
        c.patient.fnr = Some(Located::new("14835810004".into(), Span::default()));
        let text = "OLA ringte; Nordmanns datter også. Fnr 14835810004. Olav er en annen.";
        assert_eq!(
            redact_text(text, &c, true),
            "O. ringte; N. datter også. Fnr ***********. Olav er en annen."
        );
        assert_eq!(redact_text(text, &c, false), text);
    }

    #[test]
    fn redaction_keeps_only_initials() {
        assert_eq!(
            patient_label(&case_named(Some("Åse Marie Lien")), true),
            "Å.M.L."
        );
        assert_eq!(
            patient_label(&case_named(Some("Åse Marie Lien")), false),
            "Åse Marie Lien"
        );
        assert_eq!(patient_label(&case_named(None), true), "–");
    }
}
