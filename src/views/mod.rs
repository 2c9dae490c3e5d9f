//! Views: from the loaded register (and today) to rows. Views never read files.

pub mod agenda;
pub mod board;
pub mod due;
pub mod handover;
pub mod log;
pub mod mdt;
pub mod pathways;
pub mod report;
pub mod stats;
pub mod status;

use chrono::NaiveDate;

use crate::model::{Case, Event, Outcome, Pathway, Role, Treatment};

/// The patient as outputs may show them: initials when redacted (never the name or the
/// fødselsnummer), else the name.
pub fn patient_label(case: &Case, redact: bool) -> String {
    PatientLabel { case, redact }.to_string()
}

/// The patient's label as a value that writes itself ([`patient_label`] without a `String`):
/// tables and JSON of hundreds of thousands of rows write it straight into the output.
#[derive(Clone, Copy, Debug)]
pub struct PatientLabel<'a> {
    pub case: &'a Case,
    pub redact: bool,
}

impl std::fmt::Display for PatientLabel<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write;
        let Some(name) = self
            .case
            .patient
            .name
            .as_deref()
            .filter(|n| !n.trim().is_empty())
        else {
            return f.write_str("–");
        };
        if !self.redact {
            return f.write_str(name);
        }
        for c in name
            .split_whitespace()
            .filter_map(|w| w.chars().next())
            .flat_map(|c| c.to_uppercase())
        {
            f.write_char(c)?;
            f.write_char('.')?;
        }
        Ok(())
    }
}

impl PatientLabel<'_> {
    /// Reads a byte of the case where the label is written from (see [`crate::render::warmed`]).
    pub fn touch(&self) -> usize {
        self.case.patient.name.as_ref().map_or(0, |n| n.len())
    }
}

impl serde::Serialize for PatientLabel<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl PartialEq for PatientLabel<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.to_string() == other.to_string()
    }
}

/// The first 16 bytes of `s` as a big-endian number, a shorter text padded with zero bytes:
/// two texts whose numbers differ sort as the numbers do, so a long sort compares the numbers
/// first and reads the texts only where they are equal.
pub fn text_prefix(s: &str) -> u128 {
    let mut bytes = [0u8; 16];
    let n = s.len().min(16);
    bytes[..n].copy_from_slice(&s.as_bytes()[..n]);
    u128::from_be_bytes(bytes)
}

/// Serializes a date as `YYYY-MM-DD` (the SPEC's JSON dates) without an intermediate string.
pub fn iso_date<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

/// Like [`iso_date`], for an optional date (`null` when absent).
pub fn iso_date_opt<S: serde::Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
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
pub fn deadline_what(d: &crate::schedule::Deadline<'_>) -> String {
    use crate::schedule::Kind;
    match (d.kind, d.name) {
        (Kind::Interval, Some(name)) => format!("{} {name}", d.id),
        (_, Some(name)) => name.to_string(),
        (_, None) => d.id.to_string(),
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
    case.event_treatment(event)
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

    /// Two texts whose prefixes differ sort as their prefixes do.
    #[test]
    fn text_prefixes_order_as_their_texts() {
        let texts = [
            "",
            "a",
            "a-",
            "a-b",
            "ab",
            "b",
            "br-000001",
            "br-0000010",
            "br-000002",
            "te-0142",
            "te-0142-b",
            "te-014200000000000001",
            "te-014200000000000002",
            "te-01420000000000000",
            "æ",
            "z",
        ];
        for a in texts {
            for b in texts {
                let prefixes = text_prefix(a).cmp(&text_prefix(b));
                assert!(prefixes.is_eq() || prefixes == a.cmp(b), "{a} vs {b}");
                // Equal prefixes only where the first 16 bytes are the same.
                if prefixes.is_eq() {
                    assert_eq!(
                        a.as_bytes().iter().take(16).collect::<Vec<_>>(),
                        b.as_bytes().iter().take(16).collect::<Vec<_>>()
                    );
                }
            }
        }
    }

    fn case_named(name: Option<&str>) -> Case {
        let l = |s: &str| Located::new(Text::from(s), Span::default());
        Case {
            id: l("x-1"),
            pathway: l("p"),
            coordinator: None,
            doctor: None,
            treatment: None,
            patient: Patient {
                name: name.map(Text::from),
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
        // A letter that upper-cases to two ("ß": "SS"); many words; only white space.
        assert_eq!(patient_label(&case_named(Some("ßen ø")), true), "S.S.Ø.");
        let long = "åse ".repeat(40);
        assert_eq!(
            patient_label(&case_named(Some(&long)), true),
            "Å.".repeat(40)
        );
        assert_eq!(patient_label(&case_named(Some("  \t ")), true), "–");
    }
}
