//! One followed case: facts, the timeline drawn, then the tables of the handover.

use maud::{Markup, html};

use super::{Section, SiteInfo, page, timeline, urgency_class};
use crate::i18n::{Lang, SiteWord, Word, close_reason_name, days_left_text};
use crate::render::handover::{
    appointment_rows, deviation_rows, mdt_rows, person, person_facts, task_rows,
};
use crate::schedule::{CaseState, CaseView, IntervalState, Urgency};
use crate::views::handover::Handover;

/// The handover's timeline and standard-time rows, as `status CASE` and `handover` show them.
#[derive(Clone, Debug, Default)]
pub struct CaseTables {
    /// date, milestone, NPR, note.
    pub events: Vec<Vec<String>>,
    /// id, from, to, due, elapsed, state, note (one per interval of `Handover::intervals`).
    pub intervals: Vec<Vec<String>>,
}

fn facts(h: &Handover<'_>, lang: Lang) -> Vec<(String, String)> {
    let mut facts = person_facts(h, lang);
    if let Some(t) = &h.transfer {
        let mut v = format!("{}: {}", t.date, t.to);
        if let Some(c) = &t.contact {
            v.push_str(&format!(
                " ({}: {})",
                Word::ReceivingCoordinator.text(lang),
                person(c, lang)
            ));
        }
        facts.push((Word::TransferredTo.text(lang), v));
    }
    if let Some(c) = &h.closed {
        facts.push((
            Word::Closed.text(lang),
            format!("{} ({})", c.date, close_reason_name(c.reason, lang)),
        ));
    }
    facts
}

/// The class of an interval's row: met, missed, running, overdue, due soon, or nothing.
fn interval_class(
    state: &IntervalState,
    h: &Handover<'_>,
    info: &SiteInfo,
    warn: &crate::schedule::Warn<'_>,
) -> Option<&'static str> {
    match state {
        IntervalState::Done(m) if m.within() => Some("met"),
        IntervalState::Done(_) => Some("missed"),
        IntervalState::Open { due, .. } if h.open => {
            Some(urgency_class(Urgency::of(*due, info.today, warn)))
        }
        _ => None,
    }
}

fn table(
    headers: &[String],
    rows: &[Vec<String>],
    classes: &[Option<&'static str>],
    lang: Lang,
) -> Markup {
    html! {
        @if rows.is_empty() {
            p.none { (Word::NoneRecorded.text(lang)) }
        } @else {
            table.cards {
                thead { tr { @for h in headers { th { (h) } } } }
                tbody {
                    @for (n, row) in rows.iter().enumerate() {
                        tr class=[classes.get(n).copied().flatten()] {
                            @for (h, c) in headers.iter().zip(row) { td data-label=(h) { (c) } }
                        }
                    }
                }
            }
        }
    }
}

fn words(list: &[Word], lang: Lang) -> Vec<String> {
    list.iter().map(|w| w.text(lang)).collect()
}

/// The page of one case.
pub fn case_page(
    info: &SiteInfo,
    h: &Handover<'_>,
    tables: &CaseTables,
    warn: &crate::schedule::Warn<'_>,
) -> String {
    let lang = info.lang;
    let today = info.today;
    let case = h.case;
    let title = format!("{} · {} · {}", case.id.value, h.patient, case.pathway.value);
    let next = h.next_deadline.as_ref();
    let state = h.pathway.map(|p| CaseView::new(case, p, today).state());
    let state_text = match state {
        Some(CaseState::InPathway) => SiteWord::InPathway.text(lang),
        Some(CaseState::FollowUp) => SiteWord::FollowUp.text(lang),
        Some(CaseState::Transferred) => Word::Transferred.text(lang),
        Some(CaseState::Closed) => Word::Closed.text(lang),
        None if h.open => Word::StatusOpen.text(lang),
        None => Word::Closed.text(lang),
    };
    let interval_classes: Vec<Option<&'static str>> = h
        .intervals
        .iter()
        .map(|st| interval_class(&st.state, h, info, warn))
        .collect();
    let tasks = task_rows(h, today, lang);
    let task_classes: Vec<Option<&'static str>> = h
        .open_tasks
        .iter()
        .map(|t| t.due.map(|d| urgency_class(Urgency::of(d, today, warn))))
        .collect();
    let appointments = appointment_rows(h);
    let mdts = mdt_rows(h, today, lang);
    let deviations = deviation_rows(h, lang);
    let body = html! {
        p.back { a href=(super::BOARD) { "← " (SiteWord::BackToBoard.text(lang)) } }
        h1 { (title) }
        p.lead {
            @if let Some(p) = h.pathway {
                (p.name)
                @if let Some(npr) = &p.npr { " (NPR " (npr) ")" }
                " · "
            }
            (state_text)
        }
        dl.facts {
            @for (k, v) in facts(h, lang) { dt { (k) } dd { (v) } }
            dt { (Word::NextDeadlineCap.text(lang)) }
            dd {
                @if let Some(d) = next {
                    (crate::views::redact_text(&crate::views::deadline_what(d), h.case, h.identity.is_none())) " " (d.due) " "
                    span.badge.(urgency_class(d.urgency)) { (days_left_text(d.days_left, lang)) }
                } @else {
                    span.none { (SiteWord::NoNextDeadline.text(lang)) }
                }
            }
        }
        h2 { (SiteWord::Timeline.text(lang)) }
        (timeline(h, today, warn, lang))
        h2 { (Word::Events.text(lang)) }
        (table(&words(&[Word::Date, Word::Milestone, Word::Npr, Word::Note], lang), &tables.events, &[], lang))
        @if !tables.intervals.is_empty() {
            h2 { (Word::Intervals.text(lang)) }
            (table(&words(&[Word::Id, Word::From, Word::To, Word::Due, Word::Elapsed, Word::State, Word::Note], lang), &tables.intervals, &interval_classes, lang))
        }
        h2 { (Word::OpenTasks.text(lang)) }
        (table(&words(&[Word::Id, Word::Name, Word::Due], lang), &tasks, &task_classes, lang))
        h2 { (Word::UpcomingAppointments.text(lang)) }
        (table(&words(&[Word::Date, Word::Time, Word::What, Word::Place], lang), &appointments, &[], lang))
        h2 { (Word::MdtMeetings.text(lang)) }
        (table(&words(&[Word::Date, Word::Question, Word::Conclusion], lang), &mdts, &[], lang))
        h2 { (Word::Deviations.text(lang)) }
        (table(&words(&[Word::Id, Word::Note, Word::State], lang), &deviations, &[], lang))
        h2 { (Word::LatestNotes.text(lang)) }
        @if h.notes.is_empty() {
            p.none { (Word::NoneRecorded.text(lang)) }
        } @else {
            ul.notes {
                @for n in &h.notes {
                    li {
                        (n.date)
                        @if let Some(b) = &n.by { " (" (Word::By.text(lang)) " " (b) ")" }
                        ": " (n.text)
                    }
                }
            }
        }
    };
    page(info, Section::Case, &title, body, true)
}
