//! `forlop mdt [--date D]`: the list for an MDT meeting.

use clap::Args;

use super::{Ctx, Format, emit, emit_for, parse_date};
use crate::i18n::{Word, day_heading, days_left_text};
use crate::render::{self, md_escape};
use crate::views::mdt::{MdtDocument, MdtEntry, NoMdtDocument, mdt_list, meeting_date};

#[derive(Args, Debug)]
pub struct MdtArgs {
    /// The meeting date (default: the next date from today that has cases booked)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<chrono::NaiveDate>,
}

fn row(e: &MdtEntry, lang: crate::i18n::Lang) -> Vec<String> {
    let last = match (&e.last_milestone, e.last_date) {
        (Some(m), Some(d)) => format!(
            "{m} {d}{}",
            e.last_code
                .as_deref()
                .map(|c| format!(" ({c})"))
                .unwrap_or_default()
        ),
        _ => "–".into(),
    };
    let (next, left) = match &e.deadline {
        Some(d) if d.why.unverified => (
            format!(
                "{} {} ({})",
                d.id,
                d.due,
                crate::i18n::basis_note(crate::schedule::Basis::Fixed, true, lang)
            ),
            days_left_text(d.days_left, lang),
        ),
        Some(d) => (
            format!("{} {}", d.id, d.due),
            days_left_text(d.days_left, lang),
        ),
        None => ("–".into(), String::new()),
    };
    vec![
        e.case.clone(),
        e.patient.clone(),
        e.pathway.clone(),
        e.doctor.clone().unwrap_or_else(|| "–".into()),
        last,
        next,
        left,
        e.question.clone().unwrap_or_default(),
    ]
}

/// The files the list could not fully use: first in the human formats, on stderr for CSV
/// (JSON has them as `"problems"`).
fn problems_before(ctx: &Ctx, reg: &crate::register::Register, format: Format) -> String {
    match format {
        Format::Json => String::new(),
        Format::Csv | Format::CsvExcel => {
            ctx.problems_to_stderr(reg);
            String::new()
        }
        Format::Markdown => render::problems::markdown(&reg.problems, ctx.lang),
        _ => render::problems::text(&reg.problems, ctx.lang, false),
    }
}

pub fn run(ctx: &mut Ctx, args: MdtArgs) -> anyhow::Result<u8> {
    let format = ctx.format(
        "mdt",
        &[Format::Table, Format::Markdown, Format::Json, Format::Csv],
    )?;
    let reg = ctx.load_for_view(crate::register::Scope::All)?;
    let selection = ctx.select(reg, &[])?;
    let redact = selection.redact;
    let keep = |c: &crate::model::Case| selection.admits(c);
    let lang = ctx.lang;
    let Some(date) = meeting_date(reg, ctx.today, args.date, keep) else {
        let text = match format {
            Format::Json => render::json::to_text(&NoMdtDocument {
                date: None,
                cases: [],
                problems: render::problems::rows(&reg.problems, lang),
            }),
            _ => format!("{}\n", Word::NoMdtAhead.text(lang)),
        };
        emit(&problems_before(ctx, reg, format))?;
        emit_for(format, &text)?;
        return Ok(0);
    };
    let entries = mdt_list(reg, ctx.today, date, redact, keep);
    let title = format!(
        "{} {} ({date})",
        Word::MdtMeeting.text(lang),
        day_heading(date, lang)
    );
    let headers: Vec<String> = [
        Word::Case,
        Word::Patient,
        Word::Pathway,
        Word::Doctor,
        Word::LastMilestone,
        Word::NextDeadline,
        Word::DaysLeft,
        Word::Question,
    ]
    .iter()
    .map(|w| w.text(lang))
    .collect();
    let rows: Vec<Vec<String>> = entries.iter().map(|e| row(e, lang)).collect();
    let text = match format {
        Format::Json => render::json::to_text(&MdtDocument {
            date,
            problems: render::problems::rows(&reg.problems, lang),
            cases: &entries,
        }),
        Format::Csv | Format::CsvExcel => {
            // Stable English keys and raw values, like the JSON.
            let keys: Vec<String> = [
                "date",
                "case",
                "patient",
                "pathway",
                "doctor",
                "last_milestone",
                "last_date",
                "last_code",
                "next_deadline",
                "due",
                "days_left",
                "question",
                "conclusion",
            ]
            .map(String::from)
            .to_vec();
            let body: Vec<Vec<String>> = entries
                .iter()
                .map(|e| {
                    let m = e.last_milestone.clone().unwrap_or_default();
                    let d = e.last_date.map(|d| d.to_string()).unwrap_or_default();
                    let c = e.last_code.clone().unwrap_or_default();
                    let (id, due, left) = match &e.deadline {
                        Some(dl) => (dl.id, dl.due.to_string(), dl.days_left.to_string()),
                        None => Default::default(),
                    };
                    vec![
                        date.to_string(),
                        e.case.clone(),
                        e.patient.clone(),
                        e.pathway.clone(),
                        e.doctor.clone().unwrap_or_default(),
                        m,
                        d,
                        c,
                        id.to_string(),
                        due,
                        left,
                        e.question.clone().unwrap_or_default(),
                        e.conclusion.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            render::csv_in(&keys, &body, format.dialect())
        }
        Format::Markdown => {
            let mut s = format!("# {}\n\n", md_escape(&title));
            if rows.is_empty() {
                s.push_str(&format!("{}\n", Word::NoCasesOnMdt.text(lang)));
            } else {
                s.push_str(&render::markdown_table(&headers, &rows));
            }
            s
        }
        _ if rows.is_empty() => format!("{title}\n{}\n", Word::NoCasesOnMdt.text(lang)),
        _ => format!("{title}\n{}", render::table(&headers, &rows)),
    };
    emit(&problems_before(ctx, reg, format))?;
    emit_for(format, &text)?;
    Ok(0)
}
