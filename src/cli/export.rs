//! `forlop export ics [--days N] [--output FILE]`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{Ctx, Failure, Format, emit};
use crate::i18n::{Ui, Word, days_left_text};
use crate::render::ics::{Entry, calendar};
use crate::views::agenda::{Item, ItemKind, agenda};

#[derive(Args, Debug)]
pub struct ExportArgs {
    #[command(subcommand)]
    pub what: ExportWhat,
}

#[derive(Subcommand, Debug)]
pub enum ExportWhat {
    /// Appointments, MDT meetings and deadlines as an iCalendar (.ics) file
    Ics {
        /// How many days ahead from today (overdue deadlines are always included)
        #[arg(long, value_name = "N", default_value_t = 60, value_parser = super::parse_days)]
        days: u32,
        /// Write to FILE (atomically) instead of standard output
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

fn entry(item: &Item<'_>, date: chrono::NaiveDate, lang: crate::i18n::Lang) -> Entry {
    let what = item.what();
    let who = format!("{} ({})", item.case(), item.patient);
    let (key, summary) = match (item.kind, &item.deadline) {
        (ItemKind::Appointment, _) => (
            format!(
                "{}|appointment|{date}|{}|{}",
                item.case(),
                item.time().unwrap_or(""),
                what
            ),
            format!("{} – {who}", what),
        ),
        (ItemKind::Mdt, _) => (
            format!("{}|mdt|{date}", item.case()),
            if what.is_empty() {
                format!("{} – {who}", Word::MdtMeeting.text(lang))
            } else {
                format!("{} – {who}: {}", Word::MdtMeeting.text(lang), what)
            },
        ),
        (_, Some(d)) => (
            // The same standard time or task of a case keeps its UID when its due date moves.
            format!("{}|{}|{}", item.case(), d.kind.word(), d.id),
            if d.why.unverified {
                // The pathway's times are not verified: the calendar says so too (SPEC §1).
                let note = crate::i18n::basis_note(crate::schedule::Basis::Fixed, true, lang);
                format!(
                    "{}: {} ({note}) – {who}",
                    Word::DeadlineCap.text(lang),
                    what
                )
            } else {
                format!("{}: {} – {who}", Word::DeadlineCap.text(lang), what)
            },
        ),
        (_, None) => (format!("{}|{}", item.case(), what), what.to_string()),
    };
    let mut description = vec![format!("{}: {}", Word::Pathway.text(lang), item.pathway())];
    if let Some(c) = item.coordinator() {
        description.push(format!("{}: {c}", Word::Coordinator.text(lang)));
    }
    if let Some(d) = &item.deadline {
        description.push(days_left_text(d.days_left, lang));
    }
    Entry {
        key,
        date,
        time: item.time().map(String::from),
        summary,
        location: item.place().map(String::from),
        description: Some(description.join("\n")),
    }
}

pub fn run(ctx: &mut Ctx, args: ExportArgs) -> anyhow::Result<u8> {
    let ExportWhat::Ics { days, output } = args.what;
    ctx.format("export ics", &[Format::Text])?;
    let reg = ctx.load_for_view(crate::register::Scope::Open)?;
    // A calendar file has no body to say it in: stderr, also with --quiet.
    ctx.problems_to_stderr(reg);
    let selection = ctx.select(reg, &[])?;
    let redact = selection.redact;
    let lang = ctx.lang;
    let a = agenda(reg, ctx.today, days.max(1), redact, |c| selection.admits(c));
    let mut entries: Vec<Entry> = a
        .overdue
        .iter()
        .filter_map(|i| i.deadline.as_ref().map(|d| entry(i, d.due, lang)))
        .collect();
    for day in &a.days {
        entries.extend(day.items.iter().map(|i| entry(i, day.date, lang)));
    }
    let name = reg.settings.name.clone().unwrap_or_else(|| "forlop".into());
    let text = calendar(&name, &entries, ctx.today);
    match output {
        Some(path) => {
            crate::atomic::write(&path, text.as_bytes()).map_err(|e| {
                Failure::work(Ui::Io {
                    detail: format!("{}: {e}", path.display()),
                })
            })?;
        }
        None => emit(&text)?,
    }
    Ok(0)
}
