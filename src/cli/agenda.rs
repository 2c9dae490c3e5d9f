//! `forlop agenda [--days N]`: overdue first, then day by day.

use clap::Args;

use super::due::deadline_json;
use super::status::validate_filter;
use super::{Ctx, Format, emit};
use crate::i18n::{Lang, Word, day_heading, days_left_text, holiday_name};
use crate::render::{self, md_escape};
use crate::views::agenda::{Agenda, Day, Item, ItemKind, agenda, matches};

#[derive(Args, Debug)]
pub struct AgendaArgs {
    /// How many days from today (1 = today only)
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = super::parse_days)]
    pub days: u32,
}

pub fn run(ctx: &mut Ctx, args: AgendaArgs) -> anyhow::Result<u8> {
    let format = ctx.format(
        "agenda",
        &[Format::Table, Format::Markdown, Format::Json, Format::Csv],
    )?;
    let reg = ctx.load_for_view(crate::register::Scope::Open)?;
    let coordinator = ctx.global.coordinator.as_deref();
    let pathway = ctx.global.pathway.as_deref();
    validate_filter(reg, &[], coordinator, pathway)?;
    let redact = reg.settings.redact && !ctx.global.show_identity;
    let a = agenda(reg, ctx.today, args.days, redact, |c| {
        matches(c, coordinator, pathway)
    });
    let text = match format {
        Format::Json => render::json(&json(&a, ctx.lang)),
        Format::Markdown => markdown(&a, ctx),
        Format::Csv => csv(&a),
        _ => table(&a, ctx),
    };
    emit(&text)?;
    Ok(0)
}

/// A day's heading with its marks: weekend, public holiday, closed.
pub fn heading(day: &Day, lang: Lang) -> String {
    let mut marks = Vec::new();
    if let Some(h) = day.holiday {
        marks.push(holiday_name(h, lang));
    } else if day.weekend {
        marks.push(Word::Weekend.text(lang));
    }
    if day.closed {
        marks.push(Word::ClosedDay.text(lang));
    }
    let mut s = day_heading(day.date, lang);
    if !marks.is_empty() {
        s.push_str(&format!(" ({})", marks.join(", ")));
    }
    s
}

/// The columns of a day's lines.
pub(super) fn day_headers(lang: Lang) -> Vec<String> {
    [
        Word::Time,
        Word::What,
        Word::Case,
        Word::Patient,
        Word::Pathway,
        Word::Place,
    ]
    .map(|w| w.text(lang))
    .to_vec()
}

/// One line of a day: time (or MDT / due / task), what, case, patient, pathway, place.
pub(super) fn day_row(i: &Item, lang: Lang) -> Vec<String> {
    vec![
        when(i, lang),
        what(i, lang),
        i.case.clone(),
        i.patient.clone(),
        i.pathway.clone(),
        i.place.clone().unwrap_or_default(),
    ]
}

fn when(item: &Item, lang: Lang) -> String {
    match item.kind {
        ItemKind::Appointment => item.time.clone().unwrap_or_else(|| "–".into()),
        ItemKind::Mdt => Word::MdtShort.text(lang),
        ItemKind::Interval => Word::DeadlineShort.text(lang),
        ItemKind::Task => Word::TaskShort.text(lang),
    }
}

fn what(item: &Item, lang: Lang) -> String {
    match item.kind {
        ItemKind::Mdt if item.what.is_empty() => Word::MdtMeeting.text(lang),
        ItemKind::Mdt => format!("{}: {}", Word::MdtMeeting.text(lang), item.what),
        _ => item.what.clone(),
    }
}

fn table(a: &Agenda, ctx: &Ctx) -> String {
    let lang = ctx.lang;
    let mut out = String::new();
    if !a.overdue.is_empty() {
        out.push_str(&format!("{}\n", Word::Overdue.text(lang)));
        let headers = [
            Word::Due,
            Word::DaysLeft,
            Word::Case,
            Word::Patient,
            Word::Pathway,
            Word::What,
        ]
        .map(|w| w.text(lang));
        let rows: Vec<Vec<String>> = a
            .overdue
            .iter()
            .filter_map(|i| i.deadline.as_ref().map(|d| (i, d)))
            .map(|(i, d)| {
                vec![
                    d.due.to_string(),
                    days_left_text(d.days_left, lang),
                    i.case.clone(),
                    i.patient.clone(),
                    i.pathway.clone(),
                    i.what.clone(),
                ]
            })
            .collect();
        let styles: Vec<Option<&str>> = rows
            .iter()
            .map(|_| ctx.color_out.then_some(render::RED))
            .collect();
        out.push_str(&render::painted_table(&headers, &rows, &styles));
        out.push('\n');
    }
    for day in &a.days {
        out.push_str(&format!("{}\n", heading(day, lang)));
        if day.items.is_empty() {
            out.push_str(&format!(" {}\n\n", Word::NothingThisDay.text(lang)));
            continue;
        }
        let rows: Vec<Vec<String>> = day.items.iter().map(|i| day_row(i, lang)).collect();
        out.push_str(&render::table(&day_headers(lang), &rows));
        out.push('\n');
    }
    out
}

fn markdown(a: &Agenda, ctx: &Ctx) -> String {
    let lang = ctx.lang;
    let mut out = format!(
        "# {} {}\n\n",
        Word::AgendaFrom.text(lang),
        day_heading(ctx.today, lang)
    );
    if !a.overdue.is_empty() {
        out.push_str(&format!("## {}\n\n", Word::Overdue.text(lang)));
        for (i, d) in a
            .overdue
            .iter()
            .filter_map(|i| i.deadline.as_ref().map(|d| (i, d)))
        {
            out.push_str(&format!(
                "- **{}** ({} {}): {} — {} ({}), {}\n",
                days_left_text(d.days_left, lang),
                Word::DeadlineShort.text(lang),
                d.due,
                md_escape(&i.what),
                i.case,
                i.patient,
                i.pathway
            ));
        }
        out.push('\n');
    }
    for day in &a.days {
        out.push_str(&format!("## {}\n\n", heading(day, lang)));
        if day.items.is_empty() {
            out.push_str(&format!("- {}\n\n", Word::NothingThisDay.text(lang)));
            continue;
        }
        for i in &day.items {
            let place = i
                .place
                .as_deref()
                .map(|p| format!(" · {}", md_escape(p)))
                .unwrap_or_default();
            out.push_str(&format!(
                "- **{}** {} — {} ({}), {}{place}\n",
                when(i, lang),
                md_escape(&what(i, lang)),
                i.case,
                i.patient,
                i.pathway
            ));
        }
        out.push('\n');
    }
    out
}

/// One row per line: the overdue ones (dated by their due date) and each day's.
fn csv(a: &Agenda) -> String {
    let headers: Vec<String> = [
        "date", "kind", "time", "case", "patient", "pathway", "what", "where", "status",
    ]
    .map(String::from)
    .to_vec();
    let row = |date: String, i: &Item| {
        vec![
            date,
            i.kind.word().to_string(),
            i.time.clone().unwrap_or_default(),
            i.case.clone(),
            i.patient.clone(),
            i.pathway.clone(),
            i.what.clone(),
            i.place.clone().unwrap_or_default(),
            i.deadline
                .as_ref()
                .map(|d| d.urgency.word().to_string())
                .unwrap_or_default(),
        ]
    };
    let rows: Vec<Vec<String>> = a
        .overdue
        .iter()
        .filter_map(|i| i.deadline.as_ref().map(|d| row(d.due.to_string(), i)))
        .chain(
            a.days
                .iter()
                .flat_map(|d| d.items.iter().map(move |i| row(d.date.to_string(), i))),
        )
        .collect();
    render::csv(&headers, &rows)
}

fn item_json(i: &Item) -> serde_json::Value {
    serde_json::json!({
        "kind": i.kind.word(),
        "time": i.time,
        "case": i.case,
        "patient": i.patient,
        "pathway": i.pathway,
        "coordinator": i.coordinator,
        "what": i.what,
        "where": i.place,
        "deadline": i.deadline.as_ref().map(deadline_json),
    })
}

fn json(a: &Agenda, lang: Lang) -> serde_json::Value {
    serde_json::json!({
        "overdue": a.overdue.iter().map(item_json).collect::<Vec<_>>(),
        "days": a.days.iter().map(|day| serde_json::json!({
            "date": day.date.to_string(),
            "heading": heading(day, lang),
            "weekend": day.weekend,
            "holiday": day.holiday.map(|h| holiday_name(h, lang)),
            "closed": day.closed,
            "items": day.items.iter().map(item_json).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}
