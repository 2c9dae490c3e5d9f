//! `handover`: the Markdown document a colleague takes over from, and the timeline and
//! standard-time rows that `status CASE` and the site share with it.

use chrono::NaiveDate;

use super::md_escape;
use crate::i18n::{
    Lang, Word, basis_note, close_reason_name, days_left_text, days_text, individual_plan_name,
    treatment_name,
};
use crate::model::{Case, TimesStatus};
use crate::schedule::{IntervalState, IntervalStatus};
use crate::views::handover::{EventKind, EventLine, Handover, PersonRef};

/// The handover document: a heading with the date, who takes over, whose cases, then one
/// section per case in the order given.
pub fn document(
    list: &[Handover<'_>],
    to: Option<&str>,
    coordinator: Option<&PersonRef>,
    today: NaiveDate,
    lang: Lang,
) -> String {
    let mut out = format!(
        "# {} {}\n\n",
        Word::Handover.text(lang),
        crate::i18n::day_heading_with_year(today, lang)
    );
    let mut facts = Vec::new();
    if let Some(to) = to {
        facts.push(format!(
            "{}: {}",
            Word::HandoverTo.text(lang),
            md_escape(to)
        ));
    }
    if let Some(p) = coordinator {
        facts.push(format!(
            "{}: {}",
            Word::CoordinatorCap.text(lang),
            md_escape(&person(p, lang))
        ));
    }
    facts.push(crate::i18n::case_count(list.len(), lang));
    out.push_str(&facts.join(" · "));
    out.push_str("\n\n");
    for h in list {
        out.push_str(&case_section(h, today, lang));
    }
    out
}

/// The facts about the patient and the people around them, as label and value: patient (initials
/// under redaction), coordinator, doctor, GP, planned treatment, individual plan and consent. The
/// handover and the site's case page both start with these.
pub fn person_facts(h: &Handover<'_>, lang: Lang) -> Vec<(String, String)> {
    let yes_no = |b: Option<bool>| match b {
        Some(true) => Word::YesWord.text(lang),
        Some(false) => Word::NoWord.text(lang),
        None => Word::NotRecorded.text(lang),
    };
    let mut facts = Vec::new();
    let patient = match &h.identity {
        Some(id) => {
            let mut parts = vec![id.name.clone().unwrap_or_else(|| "–".into())];
            if let Some(f) = &id.fnr {
                parts.push(format!("{} {f}", Word::Fnr.text(lang)));
            }
            if let Some(b) = id.born {
                parts.push(format!("{} {b}", Word::Born.text(lang)));
            }
            parts.join(", ")
        }
        None => h.patient.clone(),
    };
    facts.push((Word::PatientCap.text(lang), patient));
    if let Some(c) = &h.coordinator {
        facts.push((Word::CoordinatorCap.text(lang), person(c, lang)));
    }
    if let Some(d) = &h.doctor {
        facts.push((Word::ResponsibleDoctor.text(lang), person(d, lang)));
    }
    if let Some(gp) = &h.gp {
        facts.push((Word::Gp.text(lang), gp.clone()));
    }
    if let Some(t) = h.treatment {
        facts.push((
            Word::PlannedTreatmentCap.text(lang),
            treatment_name(t, lang),
        ));
    }
    facts.push((
        Word::IndividualPlan.text(lang),
        h.individual_plan
            .map(|p| individual_plan_name(p, lang))
            .unwrap_or_else(|| Word::NotRecorded.text(lang)),
    ));
    facts.push((Word::MunicipalConsent.text(lang), yes_no(h.consent)));
    facts
}

/// A person as one line: name (id), unit, hospital, phone.
pub fn person(p: &PersonRef, lang: Lang) -> String {
    match &p.person {
        Some(person) => {
            let mut s = format!("{} ({})", person.name, p.id);
            if let Some(unit) = &person.unit {
                s.push_str(&format!(", {unit}"));
            }
            if let Some(h) = &person.hospital {
                s.push_str(&format!(", {h}"));
            }
            if let Some(phone) = &person.phone {
                s.push_str(&format!(", {} {phone}", Word::Phone.text(lang)));
            }
            s
        }
        None => p.id.clone(),
    }
}

fn case_section(h: &Handover<'_>, today: NaiveDate, lang: Lang) -> String {
    let case = h.case;
    let mut s = format!(
        "## {} · {} · {}\n\n",
        case.id.value,
        md_escape(&h.patient),
        case.pathway.value
    );
    if let Some(p) = h.pathway {
        let mut line = format!("**{}**", md_escape(&p.name));
        if let Some(npr) = &p.npr {
            line.push_str(&format!(" (NPR {npr})"));
        }
        if p.times == TimesStatus::Unverified {
            line.push_str(&format!(
                " · {}",
                crate::i18n::basis_note(crate::schedule::Basis::Fixed, true, lang)
            ));
        }
        let state = if let Some(t) = &h.transfer {
            format!(
                "{} {} → {}",
                Word::Transferred.text(lang),
                t.date,
                md_escape(&t.to)
            )
        } else if let Some(c) = &h.closed {
            format!(
                "{} {} ({})",
                Word::Closed.text(lang),
                c.date,
                close_reason_name(c.reason, lang)
            )
        } else {
            Word::StatusOpen.text(lang)
        };
        line.push_str(&format!(" · {state}\n\n"));
        s.push_str(&line);
    }
    let mut facts = person_facts(h, lang);
    if let Some(d) = &h.next_deadline {
        facts.push((
            Word::NextDeadlineCap.text(lang),
            format!(
                "{} {} ({})",
                // An ad-hoc task's name is free text.
                crate::views::redact_text(
                    &crate::views::deadline_what(d),
                    h.case,
                    h.identity.is_none()
                ),
                d.due,
                days_left_text(d.days_left, lang)
            ),
        ));
    }
    for (k, v) in facts {
        s.push_str(&format!("- **{k}:** {}\n", md_escape(&v)));
    }
    s.push('\n');

    s.push_str(&format!("### {}\n\n", Word::Events.text(lang)));
    let rows = event_rows(&h.events, lang);
    s.push_str(&section_table(
        [Word::Date, Word::Milestone, Word::Npr, Word::Note],
        rows,
        lang,
    ));

    if !h.intervals.is_empty() {
        s.push_str(&format!("### {}\n\n", Word::Intervals.text(lang)));
        let unverified = h
            .pathway
            .is_some_and(|p| p.times == TimesStatus::Unverified);
        let rows: Vec<Vec<String>> = h
            .intervals
            .iter()
            .map(|st| interval_row(st, case, today, h.open, unverified, lang))
            .collect();
        s.push_str(&section_table(
            [
                Word::Id,
                Word::From,
                Word::To,
                Word::Due,
                Word::Elapsed,
                Word::State,
                Word::Note,
            ],
            rows,
            lang,
        ));
    }

    s.push_str(&format!("### {}\n\n", Word::OpenTasks.text(lang)));
    let rows = task_rows(h, today, lang);
    s.push_str(&section_table(
        [Word::Id, Word::Name, Word::Due],
        rows,
        lang,
    ));

    s.push_str(&format!(
        "### {}\n\n",
        Word::UpcomingAppointments.text(lang)
    ));
    let rows = appointment_rows(h);
    s.push_str(&section_table(
        [Word::Date, Word::Time, Word::What, Word::Place],
        rows,
        lang,
    ));

    s.push_str(&format!("### {}\n\n", Word::MdtMeetings.text(lang)));
    let rows = mdt_rows(h, today, lang);
    s.push_str(&section_table(
        [Word::Date, Word::Question, Word::Conclusion],
        rows,
        lang,
    ));

    s.push_str(&format!("### {}\n\n", Word::Deviations.text(lang)));
    let rows = deviation_rows(h, lang);
    s.push_str(&section_table(
        [Word::Id, Word::Note, Word::State],
        rows,
        lang,
    ));

    s.push_str(&format!("### {}\n\n", Word::LatestNotes.text(lang)));
    if h.notes.is_empty() {
        s.push_str(&format!("{}\n\n", Word::NoneRecorded.text(lang)));
    } else {
        for n in &h.notes {
            let by =
                n.by.as_deref()
                    .map(|b| format!(" ({} {b})", Word::By.text(lang)))
                    .unwrap_or_default();
            s.push_str(&format!("- {}{by}: {}\n", n.date, md_escape(&n.text)));
        }
        s.push('\n');
    }

    if let Some(t) = &h.transfer {
        s.push_str(&format!("### {}\n\n", Word::TransferredTo.text(lang)));
        s.push_str(&format!("- {}: {}\n", t.date, md_escape(&t.to)));
        if let Some(c) = &t.contact {
            s.push_str(&format!(
                "- {}: {}\n",
                Word::ReceivingCoordinator.text(lang),
                md_escape(&person(c, lang))
            ));
        }
        s.push('\n');
    }
    s
}

fn section_table<const N: usize>(headers: [Word; N], rows: Vec<Vec<String>>, lang: Lang) -> String {
    if rows.is_empty() {
        return format!("{}\n\n", Word::NoneRecorded.text(lang));
    }
    let headers: Vec<String> = headers.iter().map(|w| w.text(lang)).collect();
    format!("{}\n", super::markdown_table(&headers, &rows))
}

/// The open tasks' rows: id, name (scrubbed: an ad-hoc task's name is free text), due with days left.
pub fn task_rows(h: &Handover<'_>, today: NaiveDate, lang: Lang) -> Vec<Vec<String>> {
    h.open_tasks
        .iter()
        .map(|t| {
            let due = t
                .due
                .map(|d| format!("{d} ({})", days_left_text((d - today).num_days(), lang)));
            // An ad-hoc task's name is free text.
            vec![
                t.id.to_string(),
                crate::views::redact_text(t.name, h.case, h.identity.is_none()),
                due.unwrap_or_else(|| "–".into()),
            ]
        })
        .collect()
}

/// The upcoming appointments' rows: date, time, what, place.
pub fn appointment_rows(h: &Handover<'_>) -> Vec<Vec<String>> {
    h.appointments
        .iter()
        .map(|a| {
            vec![
                a.date.to_string(),
                a.time.clone().unwrap_or_default(),
                a.what.clone(),
                a.place.clone().unwrap_or_default(),
            ]
        })
        .collect()
}

/// The MDT meetings' rows: date (marked when upcoming), question, conclusion.
pub fn mdt_rows(h: &Handover<'_>, today: NaiveDate, lang: Lang) -> Vec<Vec<String>> {
    h.mdts
        .iter()
        .map(|m| {
            let date = if m.date >= today {
                format!("{} ({})", m.date, Word::Upcoming.text(lang))
            } else {
                m.date.to_string()
            };
            vec![
                date,
                m.question.clone().unwrap_or_default(),
                m.conclusion.clone().unwrap_or_default(),
            ]
        })
        .collect()
}

/// The deviations' rows: interval, reason, reported or not.
pub fn deviation_rows(h: &Handover<'_>, lang: Lang) -> Vec<Vec<String>> {
    h.deviations
        .iter()
        .map(|d| {
            let rep = match d.reported {
                Some(r) => format!("{} {r}", Word::Reported.text(lang)),
                None => Word::NotReported.text(lang),
            };
            vec![d.interval.clone(), d.reason.clone(), rep]
        })
        .collect()
}

/// Timeline rows: date, milestone (or transfer / early end), NPR code, note.
pub fn event_rows(events: &[EventLine], lang: Lang) -> Vec<Vec<String>> {
    events
        .iter()
        .map(|e| {
            let what = match &e.kind {
                EventKind::Milestone(id) => id.clone(),
                EventKind::Transfer => Word::Transferred.text(lang),
                EventKind::EarlyEnd => Word::Closed.text(lang),
            };
            vec![
                e.date.to_string(),
                what,
                e.code
                    .clone()
                    .unwrap_or_else(|| Word::LocalMilestone.text(lang)),
                e.note.clone().unwrap_or_default(),
            ]
        })
        .collect()
}

pub fn interval_row(
    st: &IntervalStatus<'_>,
    case: &Case,
    today: NaiveDate,
    open: bool,
    unverified: bool,
    lang: Lang,
) -> Vec<String> {
    let i = st.interval;
    let deviation = case
        .deviations
        .iter()
        .any(|d| d.interval.value == i.id.value);
    let mut note = Vec::new();
    let (due, elapsed, state) = match &st.state {
        IntervalState::NotStarted => ("–".into(), String::new(), Word::NotStarted.text(lang)),
        IntervalState::NotApplicable => ("–".into(), String::new(), Word::NotApplicable.text(lang)),
        IntervalState::Ended => ("–".into(), String::new(), Word::Ended.text(lang)),
        IntervalState::Open { due, basis, .. } => {
            note.push(basis_note(*basis, unverified, lang));
            let moved = case
                .transfer
                .as_ref()
                .is_some_and(|t| t.date.value <= today);
            let state = if moved {
                // The standard time still counts for the hospital that started the pathway.
                Word::AtReceivingHospital.text(lang)
            } else if open {
                days_left_text((*due - today).num_days(), lang)
            } else {
                Word::Closed.text(lang)
            };
            (due.to_string(), String::new(), state)
        }
        IntervalState::Done(m) => {
            note.push(basis_note(m.basis, unverified, lang));
            let state = if m.within() { Word::Met } else { Word::Missed }.text(lang);
            (m.due.to_string(), days_text(m.elapsed, lang), state)
        }
    };
    if deviation {
        note.push(Word::DeviationRecorded.text(lang));
    }
    note.retain(|n| !n.is_empty());
    vec![
        i.id.value.clone(),
        i.from.value.clone(),
        i.to.value.clone(),
        due,
        elapsed,
        state,
        note.join("; "),
    ]
}
