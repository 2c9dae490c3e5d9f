//! `forlop handover (CASE… | --coordinator ID) [--to NAME]`: one Markdown document.

use clap::Args;

use super::status::{event_rows, interval_row};
use super::{Ctx, Failure, Format, emit};
use crate::i18n::{
    Lang, Ui, Word, close_reason_name, days_left_text, individual_plan_name, treatment_name,
};
use crate::model::TimesStatus;
use crate::render::{self, md_escape};
use crate::schedule::most_urgent_first;
use crate::views::handover::{Handover, PersonRef, handover};

#[derive(Args, Debug)]
pub struct HandoverArgs {
    /// The cases to hand over (or give --coordinator for all of one coordinator's open cases)
    pub cases: Vec<String>,
    /// Who takes over (a name, shown in the heading)
    #[arg(long, value_name = "NAME")]
    pub to: Option<String>,
}

fn person(p: &PersonRef, lang: Lang) -> String {
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

pub fn run(ctx: &mut Ctx, args: HandoverArgs) -> anyhow::Result<u8> {
    let _ = ctx.format("handover", &[Format::Markdown, Format::Text])?;
    let reg = ctx.load_for_view(crate::register::Scope::All)?;
    let coordinator = ctx.global.coordinator.as_deref();
    if args.cases.is_empty() && coordinator.is_none() {
        return Err(Failure::usage(Ui::HandoverNeedsCases));
    }
    let selection = ctx.selection(reg.settings.redact).without_pathway();
    selection
        .validate(reg, &args.cases)
        .map_err(Failure::work)?;
    let redact = selection.redact;
    let today = ctx.today;
    let mut list: Vec<Handover<'_>> = if args.cases.is_empty() {
        reg.cases
            .iter()
            .filter(|c| {
                c.is_followed(today)
                    && c.coordinator
                        .as_ref()
                        .is_some_and(|x| Some(x.value.as_str()) == coordinator)
            })
            .map(|c| handover(reg, c, today, redact))
            .collect()
    } else {
        args.cases
            .iter()
            .filter_map(|id| reg.cases.iter().find(|c| &c.id.value == id))
            .map(|c| handover(reg, c, today, redact))
            .collect()
    };
    if args.cases.is_empty() {
        // Most urgent first; cases without a deadline last.
        list.sort_by(|a, b| {
            let due = |h: &Handover<'_>| h.next_deadline.as_ref().map(|d| d.due);
            most_urgent_first(due(a), due(b)).then_with(|| a.case.id.value.cmp(&b.case.id.value))
        });
    }
    let lang = ctx.lang;
    let mut out = format!(
        "# {} {}\n\n",
        Word::Handover.text(lang),
        crate::i18n::day_heading_with_year(today, lang)
    );
    let mut facts = Vec::new();
    if let Some(to) = &args.to {
        facts.push(format!(
            "{}: {}",
            Word::HandoverTo.text(lang),
            md_escape(to)
        ));
    }
    if let Some(c) = coordinator {
        let p = PersonRef {
            id: c.to_string(),
            person: reg.team.as_ref().and_then(|t| t.get(c)).cloned(),
        };
        facts.push(format!(
            "{}: {}",
            Word::CoordinatorCap.text(lang),
            md_escape(&person(&p, lang))
        ));
    }
    facts.push(crate::i18n::case_count(list.len(), lang));
    out.push_str(&facts.join(" · "));
    out.push_str("\n\n");
    for h in &list {
        out.push_str(&case_section(h, ctx));
    }
    emit(&out)?;
    Ok(0)
}

fn case_section(h: &Handover<'_>, ctx: &Ctx) -> String {
    let lang = ctx.lang;
    let today = ctx.today;
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
        let state = if let Some((date, to, _)) = &h.transfer {
            format!(
                "{} {date} → {}",
                Word::Transferred.text(lang),
                md_escape(to)
            )
        } else if let Some((date, reason)) = &h.closed {
            format!(
                "{} {date} ({})",
                Word::Closed.text(lang),
                close_reason_name(*reason, lang)
            )
        } else {
            Word::StatusOpen.text(lang)
        };
        line.push_str(&format!(" · {state}\n\n"));
        s.push_str(&line);
    }
    let yes_no = |b: Option<bool>| match b {
        Some(true) => Word::YesWord.text(lang),
        Some(false) => Word::NoWord.text(lang),
        None => Word::NotRecorded.text(lang),
    };
    let mut facts: Vec<(String, String)> = Vec::new();
    let patient = match &h.identity {
        Some((name, fnr, born)) => {
            let mut parts = vec![name.clone().unwrap_or_else(|| "–".into())];
            if let Some(f) = fnr {
                parts.push(format!("{} {f}", Word::Fnr.text(lang)));
            }
            if let Some(b) = born {
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
    let rows: Vec<Vec<String>> = h
        .open_tasks
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
        .collect();
    s.push_str(&section_table(
        [Word::Id, Word::Name, Word::Due],
        rows,
        lang,
    ));

    s.push_str(&format!(
        "### {}\n\n",
        Word::UpcomingAppointments.text(lang)
    ));
    let rows: Vec<Vec<String>> = h
        .appointments
        .iter()
        .map(|a| {
            vec![
                a.date.to_string(),
                a.time.clone().unwrap_or_default(),
                a.what.clone(),
                a.place.clone().unwrap_or_default(),
            ]
        })
        .collect();
    s.push_str(&section_table(
        [Word::Date, Word::Time, Word::What, Word::Place],
        rows,
        lang,
    ));

    s.push_str(&format!("### {}\n\n", Word::MdtMeetings.text(lang)));
    let rows: Vec<Vec<String>> = h
        .mdts
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
        .collect();
    s.push_str(&section_table(
        [Word::Date, Word::Question, Word::Conclusion],
        rows,
        lang,
    ));

    s.push_str(&format!("### {}\n\n", Word::Deviations.text(lang)));
    let rows: Vec<Vec<String>> = h
        .deviations
        .iter()
        .map(|(i, reason, reported)| {
            let rep = match reported {
                Some(d) => format!("{} {d}", Word::Reported.text(lang)),
                None => Word::NotReported.text(lang),
            };
            vec![i.clone(), reason.clone(), rep]
        })
        .collect();
    s.push_str(&section_table(
        [Word::Id, Word::Note, Word::State],
        rows,
        lang,
    ));

    s.push_str(&format!("### {}\n\n", Word::LatestNotes.text(lang)));
    if h.notes.is_empty() {
        s.push_str(&format!("{}\n\n", Word::NoneRecorded.text(lang)));
    } else {
        for (date, text, by) in &h.notes {
            let by = by
                .as_deref()
                .map(|b| format!(" ({} {b})", Word::By.text(lang)))
                .unwrap_or_default();
            s.push_str(&format!("- {date}{by}: {}\n", md_escape(text)));
        }
        s.push('\n');
    }

    if let Some((date, to, contact)) = &h.transfer {
        s.push_str(&format!("### {}\n\n", Word::TransferredTo.text(lang)));
        s.push_str(&format!("- {date}: {}\n", md_escape(to)));
        if let Some(c) = contact {
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
    format!("{}\n", render::markdown_table(&headers, &rows))
}
