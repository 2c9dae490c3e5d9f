//! `forlop report`: the morning report for cron, as text, Markdown, HTML or JSON.

use std::path::PathBuf;

use clap::Args;

use super::stats::{percent, row_json};
use super::{Ctx, Failure, Format, emit};
use crate::i18n::t;
use crate::i18n::{Lang, Ui, Word, basis_note, day_heading, days_left_text};
use crate::render::json::value as deadline_json;
use crate::render::{self, md_escape};
use crate::views::agenda::Item;
use crate::views::report::{Recorded, RecordedKind, Report, recorded_window, report};
use crate::views::stats::tertial;

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// Write the report to FILE (atomically) instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit with code 3 when anything is overdue (for cron alerts)
    #[arg(long)]
    pub fail_on_overdue: bool,
    /// Recipient of the mail (`--format eml`; repeat for more; default: `mail_to`)
    #[arg(long = "to", value_name = "ADDR")]
    pub to: Vec<String>,
    /// Sender of the mail (`--format eml`; default: `mail_from`)
    #[arg(long = "from", value_name = "ADDR")]
    pub from: Option<String>,
}

pub fn run(ctx: &mut Ctx, args: ReportArgs) -> anyhow::Result<u8> {
    let format = ctx.format(
        "report",
        &[
            Format::Text,
            Format::Markdown,
            Format::Html,
            Format::Json,
            Format::Eml,
        ],
    )?;
    // Everything the report shows is about open cases or events since the previous tertial began.
    let this_tertial = crate::views::stats::tertial_start(ctx.today);
    let since = crate::views::stats::tertial_start(this_tertial.pred_opt().unwrap_or(this_tertial));
    let reg = ctx.load_for_view(crate::register::Scope::OpenOrSince(since))?;
    // The mail's addresses are checked before any work is done.
    let addresses = if format == Format::Eml {
        Some(mail_addresses(&args, &reg.settings)?)
    } else {
        None
    };
    let selection = ctx.select(reg, &[])?;
    let redact = selection.redact;
    // When each registration was recorded: by commit where the register is its own git work
    // tree, else by its own date. A git failure falls back to the dates rather than failing the
    // morning report.
    let window = recorded_window(ctx.today, &reg.settings.closed_days);
    let days = crate::recorded::from_git(&reg.root, window.0, window.1).unwrap_or_default();
    let r = report(reg, ctx.today, redact, &days, |c| selection.admits(c));
    let lang = ctx.lang;
    let text = match format {
        Format::Json => render::json(&json(&r, lang)),
        Format::Markdown => markdown(&r, lang),
        Format::Html => html(&r, lang),
        Format::Eml => {
            let (from, to) = addresses.expect("checked above");
            eml(&r, lang, &from, &to)
        }
        _ => text(&r, lang),
    };
    match &args.output {
        Some(path) => {
            refuse_inside_register(&reg.root, path)?;
            crate::atomic::write(path, text.as_bytes()).map_err(|e| {
                Failure::work(Ui::Io {
                    detail: format!("{}: {e}", path.display()),
                })
            })?;
            if !ctx.global.quiet {
                eprintln!("{} {}", Word::ReportWritten.text(lang), path.display());
            }
        }
        None => emit(&text)?,
    }
    Ok(if args.fail_on_overdue && r.any_overdue() {
        3
    } else {
        0
    })
}

/// The sender and recipients: the flags, else forlop.toml; a usage error without them.
fn mail_addresses(
    args: &ReportArgs,
    settings: &crate::model::Settings,
) -> anyhow::Result<(String, Vec<String>)> {
    let from = args
        .from
        .clone()
        .or_else(|| settings.mail_from.clone())
        .ok_or_else(|| {
            Failure::usage(Ui::MailAddressMissing {
                flag: "--from".into(),
                key: "mail_from".into(),
            })
        })?;
    let to = if args.to.is_empty() {
        settings.mail_to.clone()
    } else {
        args.to.clone()
    };
    if to.is_empty() {
        return Err(Failure::usage(Ui::MailAddressMissing {
            flag: "--to".into(),
            key: "mail_to".into(),
        }));
    }
    if let Some(bad) = std::iter::once(&from)
        .chain(&to)
        .find(|a| !render::eml::address_ok(a))
    {
        return Err(Failure::usage(Ui::BadMailAddress {
            address: bad.clone(),
        }));
    }
    Ok((from, to))
}

/// The subject: the report, the section, the date and how many deadlines are overdue.
fn subject(r: &Report, lang: Lang) -> String {
    use chrono::Datelike;
    let mut s = Word::ReportTitle.text(lang);
    if let Some(name) = &r.name {
        s.push_str(&format!(" – {name}"));
    }
    s.push_str(&format!(
        " – {} {} – {}: {}",
        day_heading(r.today, lang),
        r.today.year(),
        Word::Overdue.text(lang).to_lowercase(),
        overdue_total(r)
    ));
    s
}

/// The whole morning mail: the text report first, the HTML report second. The Date header is
/// the machine's clock (the one place the report reads it): that is when the mail was written.
fn eml(r: &Report, lang: Lang, from: &str, to: &[String]) -> String {
    let now = chrono::Local::now();
    let message_id = format!(
        "forlop.{}.{}.{}@{}",
        r.today,
        now.timestamp_nanos_opt().unwrap_or_default(),
        std::process::id(),
        render::eml::host_of(from)
    );
    render::eml::mail(&render::eml::Mail {
        from,
        to,
        subject: &subject(r, lang),
        date: &now.to_rfc2822(),
        message_id: &message_id,
        text: &text(r, lang),
        html: &html(r, lang),
    })
}

/// `report --output` never writes inside the register (SPEC §4): a report there would be
/// committed, synced and read as part of it. Links in the path are resolved for the comparison.
fn refuse_inside_register(root: &std::path::Path, path: &std::path::Path) -> anyhow::Result<()> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let absolute = cwd.join(path);
    // The file may not exist yet: resolve its folder.
    let folder = absolute.parent().unwrap_or(&absolute);
    let resolved = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    let root = std::fs::canonicalize(cwd.join(root)).unwrap_or_else(|_| root.to_path_buf());
    if resolved.starts_with(&root) {
        return Err(Failure::usage(Ui::OutputInsideRegister {
            path: path.display().to_string(),
        }));
    }
    Ok(())
}

fn title(r: &Report, lang: Lang) -> String {
    let mut t = Word::ReportTitle.text(lang);
    if let Some(name) = &r.name {
        t.push_str(&format!(" – {name}"));
    }
    if let Some(h) = &r.hospital {
        t.push_str(&format!(" ({h})"));
    }
    t
}

fn date_line(r: &Report, lang: Lang) -> String {
    format!("{} ({})", day_heading(r.today, lang), r.today)
}

fn deviation_text(d: Option<bool>, lang: Lang) -> String {
    match d {
        Some(true) => Word::DeviationRecorded.text(lang),
        Some(false) => Word::DeviationMissing.text(lang),
        None => String::new(),
    }
}

fn group_name(coordinator: &Option<String>, name: &Option<String>, lang: Lang) -> String {
    match (coordinator, name) {
        (Some(id), Some(n)) => format!("{n} ({id})"),
        (Some(id), None) => id.clone(),
        (None, _) => format!("({})", Word::WithoutCoordinator.text(lang)),
    }
}

/// Overdue rows: case, patient, pathway, what, due, days over, deviation.
fn overdue_rows(
    lines: &[crate::views::report::OverdueLine],
    r: &Report,
    lang: Lang,
) -> Vec<Vec<String>> {
    lines
        .iter()
        .map(|l| {
            let d = l
                .item
                .deadline
                .as_ref()
                .expect("overdue items carry their deadline");
            vec![
                l.item.case.to_string(),
                l.item.patient.to_string(),
                l.item.pathway.to_string(),
                what(&l.item, r, lang),
                d.due.to_string(),
                days_left_text(d.days_left, lang),
                deviation_text(l.deviation, lang),
            ]
        })
        .collect()
}

fn overdue_headers(lang: Lang) -> Vec<String> {
    [
        Word::Case,
        Word::Patient,
        Word::Pathway,
        Word::What,
        Word::Due,
        Word::DaysLeft,
        Word::Deviation,
    ]
    .iter()
    .map(|w| w.text(lang))
    .collect()
}

fn due_rows(items: &[Item], r: &Report, lang: Lang) -> Vec<Vec<String>> {
    items
        .iter()
        .filter_map(|i| i.deadline.as_ref().map(|d| (i, d)))
        .map(|(i, d)| {
            vec![
                d.due.to_string(),
                days_left_text(d.days_left, lang),
                i.case.to_string(),
                i.patient.to_string(),
                i.pathway.to_string(),
                what(i, r, lang),
                i.coordinator.unwrap_or("–").to_string(),
            ]
        })
        .collect()
}

/// What a deadline is for, marked when the pathway's times are not verified (SPEC §1) and
/// when the case's file or its pathway's file has errors (the deadline may follow from them).
fn what(i: &Item, r: &Report, lang: Lang) -> String {
    let mut s = match &i.deadline {
        Some(d) if d.is_contact_receiving() => {
            format!("{}: {}", Word::CallReceiving.text(lang), i.what)
        }
        Some(d) if d.why.unverified => format!(
            "{} ({})",
            i.what,
            basis_note(crate::schedule::Basis::Fixed, true, lang)
        ),
        _ => i.what.to_string(),
    };
    if let Some(mark) = flag_mark(r, i.case, lang) {
        s.push_str(&format!(" ({mark})"));
    }
    s
}

/// The mark on a line of a case whose file or pathway file has errors.
fn flag_mark(r: &Report, case: &str, lang: Lang) -> Option<String> {
    r.flagged.get(case).map(|f| match f {
        crate::views::report::FlaggedFile::Case => Word::FileHasErrorsMark.text(lang),
        crate::views::report::FlaggedFile::Pathway => Word::PathwayFileHasErrorsMark.text(lang),
    })
}

/// Missed standard times: case, patient, pathway, interval, due, reached, days over, coordinator.
fn missed_rows(r: &Report, lang: Lang) -> Vec<Vec<String>> {
    r.missed
        .iter()
        .map(|l| {
            let m = &l.missed;
            let interval = if m.unverified {
                format!(
                    "{} ({})",
                    m.interval,
                    basis_note(crate::schedule::Basis::Fixed, true, lang)
                )
            } else {
                m.interval.clone()
            };
            let interval = match flag_mark(r, &m.case, lang) {
                Some(mark) => format!("{interval} ({mark})"),
                None => interval,
            };
            vec![
                m.case.clone(),
                l.patient.clone(),
                m.pathway.clone(),
                interval,
                m.due.to_string(),
                m.date.to_string(),
                m.days_over.to_string(),
                m.coordinator.clone().unwrap_or_else(|| "–".into()),
            ]
        })
        .collect()
}

fn missed_headers(lang: Lang) -> Vec<String> {
    [
        Word::Case,
        Word::Patient,
        Word::Pathway,
        Word::StandardTime,
        Word::Due,
        Word::Date,
        Word::DaysOver,
        Word::Coordinator,
    ]
    .iter()
    .map(|w| w.text(lang))
    .collect()
}

fn due_headers(lang: Lang) -> Vec<String> {
    [
        Word::Due,
        Word::DaysLeft,
        Word::Case,
        Word::Patient,
        Word::Pathway,
        Word::What,
        Word::Coordinator,
    ]
    .iter()
    .map(|w| w.text(lang))
    .collect()
}

fn today_rows(items: &[Item], lang: Lang) -> Vec<Vec<String>> {
    items
        .iter()
        .map(|i| crate::render::agenda::day_row(i, lang))
        .collect()
}

fn today_headers(lang: Lang) -> Vec<String> {
    crate::render::agenda::day_headers(lang)
}

fn recorded_rows(list: &[Recorded], lang: Lang) -> Vec<Vec<String>> {
    list.iter()
        .map(|e| {
            vec![
                e.date.to_string(),
                e.case.clone(),
                e.patient.clone(),
                e.pathway.clone(),
                recorded_what(e, lang),
                e.code
                    .clone()
                    .unwrap_or_else(|| Word::LocalMilestone.text(lang)),
            ]
        })
        .collect()
}

/// The milestone of a recorded event, or what a transfer or an early end is.
fn recorded_what(e: &Recorded, lang: Lang) -> String {
    match (e.kind, &e.milestone) {
        (RecordedKind::Event, Some(m)) => m.clone(),
        (RecordedKind::Transfer, _) => Word::Transferred.text(lang),
        (RecordedKind::EarlyEnd, _) | (RecordedKind::Event, None) => Word::Closed.text(lang),
    }
}

fn recorded_headers(lang: Lang) -> Vec<String> {
    [
        Word::Date,
        Word::Case,
        Word::Patient,
        Word::Pathway,
        Word::Milestone,
        Word::Npr,
    ]
    .iter()
    .map(|w| w.text(lang))
    .collect()
}

fn no_coordinator_rows(r: &Report) -> Vec<Vec<String>> {
    r.no_coordinator
        .iter()
        .map(|(c, p, pw)| vec![c.clone(), p.clone(), pw.clone()])
        .collect()
}

fn no_coordinator_headers(lang: Lang) -> Vec<String> {
    [Word::Case, Word::Patient, Word::Pathway]
        .iter()
        .map(|w| w.text(lang))
        .collect()
}

/// Days as a person reads them: `25,5` in Norwegian, `25.5` in English.
fn days_text(d: f64, lang: Lang) -> String {
    let s = super::stats::days_json(d).to_string();
    if lang == Lang::Nb {
        s.replace('.', ",")
    } else {
        s
    }
}

/// The national indicator per pathway and overall: the tertial so far beside the previous one.
fn compliance(r: &Report, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let c = &r.compliance;
    let now = format!("{} {}", tertial(c.current.from), Word::SoFar.text(lang));
    let before = tertial(c.previous.from);
    let mut headers = vec![Word::Pathway.text(lang)];
    // The period names its first column; the two after it belong to the same period.
    for label in [&now, &before] {
        headers.push(format!("{label}: {}", Word::MeasuredCount.text(lang)));
        headers.push(Word::Share.text(lang));
        headers.push(Word::Median.text(lang));
    }
    headers.push(Word::Note.text(lang));
    let rows = c
        .indicator_rows
        .iter()
        .map(|row| {
            let mut cells = vec![
                row.pathway
                    .clone()
                    .unwrap_or_else(|| Word::AllPathways.text(lang)),
            ];
            for period in [&row.current, &row.previous] {
                match period {
                    Some(s) => cells.extend([
                        s.cases.to_string(),
                        percent(s.share),
                        days_text(s.median_days, lang),
                    ]),
                    None => cells.extend(["–".into(), "–".into(), "–".into()]),
                }
            }
            let mut note = Vec::new();
            if row.current.as_ref().is_some_and(|s| s.share < r.target) {
                note.push(Word::BelowTarget.text(lang));
            }
            if row.unverified {
                note.push(crate::i18n::basis_note(
                    crate::schedule::Basis::Fixed,
                    true,
                    lang,
                ));
            }
            cells.push(note.join("; "));
            cells
        })
        .collect();
    (headers, rows)
}

fn period(r: &Report, lang: Lang) -> String {
    let c = &r.compliance;
    format!(
        "{} {}; {} {}; {} {}: {} – {}; {}: {} – {}",
        c.indicator,
        Word::IndicatorName.text(lang),
        Word::Target.text(lang),
        percent(r.target),
        tertial(c.current.from),
        Word::SoFar.text(lang),
        c.current.from,
        c.current.to,
        tertial(c.previous.from),
        c.previous.from,
        c.previous.to,
    )
}

fn missed_period(r: &Report, lang: Lang) -> String {
    t!(
        lang,
        format!("siste {} dager", r.missed_days),
        format!("last {} days", r.missed_days)
    )
}

/// The note under the date line when some deadline shown rests on unverified times.
fn unverified_note(r: &Report, lang: Lang) -> Option<String> {
    r.unverified.then(|| Word::TimesUnverifiedNote.text(lang))
}

fn window(r: &Report) -> String {
    if r.window.0 == r.window.1 {
        r.window.0.to_string()
    } else {
        format!("{} – {}", r.window.0, r.window.1)
    }
}

/// A part of the report after the overdue deadlines: heading, columns and rows.
struct Section {
    title: String,
    /// Shown in brackets after the title (a period), never upper-cased.
    detail: Option<String>,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Section {
    /// The heading, with the title upper-cased for plain text.
    fn heading(&self, upper: bool) -> String {
        let title = if upper {
            self.title.to_uppercase()
        } else {
            self.title.clone()
        };
        match &self.detail {
            Some(d) => format!("{title} ({d})"),
            None => title,
        }
    }
}

/// The sections after the overdue deadlines, in order; the last is the compliance table.
fn sections(r: &Report, lang: Lang) -> Vec<Section> {
    let (compliance_headers, compliance_rows) = compliance(r, lang);
    vec![
        Section {
            title: Word::MissedHeading.text(lang),
            detail: Some(missed_period(r, lang)),
            headers: missed_headers(lang),
            rows: missed_rows(r, lang),
        },
        Section {
            title: Word::DueSoonHeading.text(lang),
            detail: None,
            headers: due_headers(lang),
            rows: due_rows(&r.due_soon, r, lang),
        },
        Section {
            title: Word::TodayHeading.text(lang),
            detail: None,
            headers: today_headers(lang),
            rows: today_rows(&r.today_items, lang),
        },
        Section {
            title: Word::RecordedHeading.text(lang),
            detail: Some(window(r)),
            headers: recorded_headers(lang),
            rows: recorded_rows(&r.recorded, lang),
        },
        Section {
            title: Word::NewReferrals.text(lang),
            detail: None,
            headers: recorded_headers(lang),
            rows: recorded_rows(&r.new_referrals, lang),
        },
        Section {
            title: Word::NoCoordinatorHeading.text(lang),
            detail: None,
            headers: no_coordinator_headers(lang),
            rows: no_coordinator_rows(r),
        },
        Section {
            title: Word::StaleCases.text(lang),
            detail: (!r.stale.is_empty()).then(|| stale_detail(r.stale.len(), lang)),
            headers: [
                Word::LastActivity,
                Word::Case,
                Word::Patient,
                Word::Pathway,
                Word::Coordinator,
            ]
            .iter()
            .map(|w| w.text(lang))
            .collect(),
            rows: r
                .stale
                .iter()
                .take(STALE_SHOWN)
                .map(|s| {
                    vec![
                        s.last_activity.to_string(),
                        s.case.to_string(),
                        s.patient.to_string(),
                        s.pathway.to_string(),
                        s.coordinator.unwrap_or("–").to_string(),
                    ]
                })
                .collect(),
        },
        Section {
            title: Word::ComplianceHeading.text(lang),
            detail: Some(period(r, lang)),
            headers: compliance_headers,
            rows: compliance_rows,
        },
    ]
}

/// How many stale cases the human formats list (the oldest); JSON lists all.
const STALE_SHOWN: usize = 20;

/// The count of stale cases, and that only the oldest are listed when there are more.
fn stale_detail(n: usize, lang: Lang) -> String {
    if n > STALE_SHOWN {
        t!(
            lang,
            format!("{n}; de {STALE_SHOWN} eldste"),
            format!("{n}; the {STALE_SHOWN} oldest")
        )
    } else {
        n.to_string()
    }
}

fn overdue_total(r: &Report) -> usize {
    r.overdue.iter().map(|g| g.lines.len()).sum()
}

/// Plain text for a mail body.
fn text(r: &Report, lang: Lang) -> String {
    let none = Word::NoneRecorded.text(lang);
    let mut s = format!("{}\n{}\n", title(r, lang), date_line(r, lang));
    if let Some(note) = unverified_note(r, lang) {
        s.push_str(&format!("{note}\n"));
    }
    s.push('\n');
    s.push_str(&render::problems::text(r.problems, lang, true));
    s.push_str(&format!(
        "{} ({})\n",
        Word::Overdue.text(lang).to_uppercase(),
        overdue_total(r)
    ));
    if r.overdue.is_empty() {
        s.push_str(&format!(" {none}\n\n"));
    }
    for g in &r.overdue {
        s.push_str(&format!("{}\n", group_name(&g.coordinator, &g.name, lang)));
        s.push_str(&render::table(
            &overdue_headers(lang),
            &overdue_rows(&g.lines, r, lang),
        ));
        s.push('\n');
    }
    for sec in sections(r, lang) {
        s.push_str(&format!("{}\n", sec.heading(true)));
        if sec.rows.is_empty() {
            s.push_str(&format!(" {none}\n\n"));
        } else {
            s.push_str(&render::table(&sec.headers, &sec.rows));
            s.push('\n');
        }
    }
    s
}

fn markdown(r: &Report, lang: Lang) -> String {
    let none = Word::NoneRecorded.text(lang);
    let mut s = format!(
        "# {}\n\n{}\n\n",
        md_escape(&title(r, lang)),
        date_line(r, lang)
    );
    if let Some(note) = unverified_note(r, lang) {
        s.push_str(&format!("{note}\n\n"));
    }
    s.push_str(&render::problems::markdown(r.problems, lang));
    s.push_str(&format!(
        "## {} ({})\n\n",
        Word::Overdue.text(lang),
        overdue_total(r)
    ));
    if r.overdue.is_empty() {
        s.push_str(&format!("{none}\n\n"));
    }
    for g in &r.overdue {
        s.push_str(&format!(
            "### {}\n\n",
            md_escape(&group_name(&g.coordinator, &g.name, lang))
        ));
        s.push_str(&render::markdown_table(
            &overdue_headers(lang),
            &overdue_rows(&g.lines, r, lang),
        ));
        s.push('\n');
    }
    for sec in sections(r, lang) {
        s.push_str(&format!("## {}\n\n", md_escape(&sec.heading(false))));
        if sec.rows.is_empty() {
            s.push_str(&format!("{none}\n\n"));
        } else {
            s.push_str(&render::markdown_table(&sec.headers, &sec.rows));
            s.push('\n');
        }
    }
    s
}

/// Escapes text for HTML element content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn html_table(
    headers: &[String],
    rows: &[Vec<String>],
    empty: &str,
    flag_col: Option<usize>,
) -> String {
    if rows.is_empty() {
        return format!("<p class=\"none\">{}</p>\n", esc(empty));
    }
    let mut s = String::from("<table>\n<thead><tr>");
    for h in headers {
        s.push_str(&format!("<th>{}</th>", esc(h)));
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for r in rows {
        s.push_str("<tr>");
        for (i, c) in r.iter().enumerate() {
            // Ids, dates and short values never break at their hyphens (a mail client's
            // narrow window made "lu-0077" and "2026-11-11" two lines each).
            let td = if c.chars().count() <= 20 || !c.contains(char::is_whitespace) {
                "<td>"
            } else {
                "<td class=\"wrap\">"
            };
            if Some(i) == flag_col && !c.is_empty() {
                s.push_str(&format!("{td}<span class=\"flag\">{}</span></td>", esc(c)));
            } else {
                s.push_str(&format!("{td}{}</td>", esc(c)));
            }
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody>\n</table>\n");
    s
}

/// The compliance table for HTML: a heading row that spans each period's columns, "below
/// target" flagged; "times unverified" is a note, not an alarm.
fn compliance_html(r: &Report, rows: &[Vec<String>], lang: Lang, empty: &str) -> String {
    if rows.is_empty() {
        return format!("<p class=\"none\">{}</p>\n", esc(empty));
    }
    let c = &r.compliance;
    let now = format!("{} {}", tertial(c.current.from), Word::SoFar.text(lang));
    let before = tertial(c.previous.from);
    let mut s = format!(
        "<table class=\"compliance\">\n<thead><tr><th rowspan=\"2\">{}</th><th colspan=\"3\" class=\"period\">{}<br><small>{} – {}</small></th><th colspan=\"3\" class=\"period\">{}<br><small>{} – {}</small></th><th rowspan=\"2\">{}</th></tr>\n<tr>",
        esc(&Word::Pathway.text(lang)),
        esc(&now),
        c.current.from,
        c.current.to,
        esc(&before),
        c.previous.from,
        c.previous.to,
        esc(&Word::Note.text(lang)),
    );
    for _ in 0..2 {
        for w in [Word::MeasuredCount, Word::Share, Word::Median] {
            s.push_str(&format!("<th class=\"num\">{}</th>", esc(&w.text(lang))));
        }
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    let below = Word::BelowTarget.text(lang);
    let last = rows.len() - 1;
    for (n, row) in rows.iter().enumerate() {
        s.push_str(if n == last {
            "<tr class=\"total\">"
        } else {
            "<tr>"
        });
        for (i, cell) in row.iter().enumerate() {
            if i == row.len() - 1 {
                let notes: Vec<String> = cell
                    .split("; ")
                    .filter(|x| !x.is_empty())
                    .map(|x| {
                        if x == below {
                            format!("<span class=\"flag\">{}</span>", esc(x))
                        } else {
                            format!("<span class=\"muted\">{}</span>", esc(x))
                        }
                    })
                    .collect();
                s.push_str(&format!("<td>{}</td>", notes.join(" ")));
            } else if i == 0 {
                s.push_str(&format!("<td>{}</td>", esc(cell)));
            } else {
                s.push_str(&format!("<td class=\"num\">{}</td>", esc(cell)));
            }
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody>\n</table>\n");
    s
}

/// A horizontal bar per interval: the share within the standard time, the target as a line.
fn chart(r: &Report, lang: Lang) -> String {
    let bars: Vec<(String, &crate::views::stats::StatRow)> = r
        .compliance
        .indicator_rows
        .iter()
        .filter_map(|row| {
            let label = row
                .pathway
                .clone()
                .unwrap_or_else(|| Word::AllPathways.text(lang));
            row.current.as_ref().map(|s| (label, s))
        })
        .collect();
    if bars.is_empty() {
        return String::new();
    }
    let (left, width, bar_h, gap) = (200.0, 340.0, 22.0, 10.0);
    let height = bars.len() as f64 * (bar_h + gap) + 40.0;
    let total_w = left + width + 120.0;
    let title = Word::ChartTitle.text(lang);
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{total_w}\" height=\"{height}\" viewBox=\"0 0 {total_w} {height}\" role=\"img\" aria-label=\"{}\" font-family=\"Arial, sans-serif\" font-size=\"13\">\n<title>{}</title>\n",
        esc(&title),
        esc(&title)
    );
    for (n, (label, row)) in bars.iter().enumerate() {
        let y = 10.0 + n as f64 * (bar_h + gap);
        let w = (row.share * width).max(1.0);
        let colour = if row.share >= r.target {
            "#2e7d32"
        } else {
            "#c62828"
        };
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
            left - 8.0,
            y + bar_h * 0.7,
            esc(label)
        ));
        s.push_str(&format!(
            "<rect x=\"{left}\" y=\"{y}\" width=\"{width}\" height=\"{bar_h}\" fill=\"#eeeeee\"/>\n"
        ));
        s.push_str(&format!(
            "<rect x=\"{left}\" y=\"{y}\" width=\"{w:.1}\" height=\"{bar_h}\" fill=\"{colour}\"/>\n"
        ));
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\">{} (n={})</text>\n",
            left + width + 8.0,
            y + bar_h * 0.7,
            esc(&percent(row.share)),
            row.cases
        ));
    }
    let tx = left + r.target * width;
    let bottom = height - 24.0;
    s.push_str(&format!(
        "<line x1=\"{tx:.1}\" y1=\"4\" x2=\"{tx:.1}\" y2=\"{bottom}\" stroke=\"#1a1a1a\" stroke-width=\"2\" stroke-dasharray=\"5,3\"/>\n<text x=\"{tx:.1}\" y=\"{}\" text-anchor=\"middle\">{} {}</text>\n",
        bottom + 16.0,
        esc(&Word::Target.text(lang)),
        esc(&percent(r.target))
    ));
    s.push_str("</svg>\n");
    s
}

const CSS: &str = "body{font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;max-width:1000px;margin:0 auto;padding:16px;line-height:1.4}\
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 6px;border-bottom:2px solid #1a1a1a;padding-bottom:2px}\
h3{font-size:15px;margin:14px 0 4px}.date{color:#555;margin:0 0 12px}.note{color:#555;font-size:13px}\
.problems{border-left:4px solid #b00020;padding:0 0 0 12px;margin:12px 0}.problems h2{color:#b00020;border-bottom-color:#b00020}\
table{border-collapse:collapse;width:100%;margin:4px 0 10px;font-size:13px}\
th{text-align:left;background:#f0f0f0;border-bottom:1px solid #999;padding:4px 6px}\
td{border-bottom:1px solid #ddd;padding:4px 6px;vertical-align:top;white-space:nowrap}\
.overdue td:nth-child(6){color:#b00020;font-weight:bold}\
.flag{background:#fde7ea;color:#b00020;font-weight:bold;padding:1px 4px;white-space:nowrap}\
.none{color:#555;font-style:italic}\
td.wrap{white-space:normal}.num{text-align:right}.muted{color:#555}.compliance th.period{text-align:center;border-left:2px solid #999}\
.compliance td:nth-child(2),.compliance td:nth-child(5),.compliance thead tr+tr th:nth-child(1),.compliance thead tr+tr th:nth-child(4){border-left:2px solid #999}\
.compliance tr.total td{font-weight:bold;border-top:2px solid #999}\
@media print{body{max-width:none;padding:0}h2{page-break-after:avoid}table{page-break-inside:auto}tr{page-break-inside:avoid}}";

/// One self-contained HTML file: inline CSS, no scripts, nothing fetched.
fn html(r: &Report, lang: Lang) -> String {
    let code = if lang == Lang::Nb { "nb" } else { "en" };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
        esc(&title(r, lang)),
        html_body(r, lang)
    )
}

/// The report's content as HTML (headings, tables, chart), for a page frame: the report's own
/// file or the site's.
pub(super) fn html_body(r: &Report, lang: Lang) -> String {
    let none = Word::NoneRecorded.text(lang);
    let mut s = format!(
        "<h1>{}</h1>\n<p class=\"date\">{}</p>\n",
        esc(&title(r, lang)),
        esc(&date_line(r, lang))
    );
    if let Some(note) = unverified_note(r, lang) {
        s.push_str(&format!("<p class=\"note\">{}</p>\n", esc(&note)));
    }
    s.push_str(&render::problems::html(r.problems, lang, esc));
    let total: usize = r.overdue.iter().map(|g| g.lines.len()).sum();
    s.push_str(&format!(
        "<h2>{} ({total})</h2>\n",
        esc(&Word::Overdue.text(lang))
    ));
    if r.overdue.is_empty() {
        s.push_str(&format!("<p class=\"none\">{}</p>\n", esc(&none)));
    }
    for g in &r.overdue {
        s.push_str(&format!(
            "<h3>{}</h3>\n<div class=\"overdue\">\n",
            esc(&group_name(&g.coordinator, &g.name, lang))
        ));
        let rows = overdue_rows(&g.lines, r, lang);
        // Flag only the missing deviations.
        let missing = Word::DeviationMissing.text(lang);
        let rows: Vec<Vec<String>> = rows
            .into_iter()
            .map(|mut r| {
                if r[6] != missing {
                    r[6] = String::new();
                }
                r
            })
            .collect();
        s.push_str(&html_table(&overdue_headers(lang), &rows, &none, Some(6)));
        s.push_str("</div>\n");
    }
    let all = sections(r, lang);
    let last = all.len() - 1;
    for (n, sec) in all.into_iter().enumerate() {
        s.push_str(&format!("<h2>{}</h2>\n", esc(&sec.heading(false))));
        // The compliance section: the chart, then its figures, the two periods side by side.
        if n == last {
            s.push_str(&chart(r, lang));
            s.push_str(&compliance_html(r, &sec.rows, lang, &none));
        } else {
            s.push_str(&html_table(&sec.headers, &sec.rows, &none, None));
        }
    }
    s
}

fn json(r: &Report, lang: Lang) -> serde_json::Value {
    let item = |i: &Item| {
        serde_json::json!({
            "kind": i.kind.word(), "time": i.time, "case": i.case, "patient": i.patient,
            "pathway": i.pathway, "coordinator": i.coordinator, "what": i.what, "where": i.place,
            "deadline": i.deadline.as_ref().map(deadline_json),
        })
    };
    let recorded = |e: &Recorded| {
        serde_json::json!({
            "date": e.date.to_string(), "case": e.case, "patient": e.patient, "pathway": e.pathway,
            "milestone": e.milestone, "code": e.code,
        })
    };
    serde_json::json!({
        "name": r.name,
        "hospital": r.hospital,
        "date": r.today.to_string(),
        "problems": render::problems::rows(r.problems, lang),
        "missed": r.missed.iter().map(|l| serde_json::json!({
            "case": l.missed.case, "pathway": l.missed.pathway, "interval": l.missed.interval,
            "due": l.missed.due.to_string(), "date": l.missed.date.to_string(),
            "days_over": l.missed.days_over, "coordinator": l.missed.coordinator,
        })).collect::<Vec<_>>(),
        "overdue": r.overdue.iter().map(|g| serde_json::json!({
            "coordinator": g.coordinator,
            "name": g.name,
            "deadlines": g.lines.iter().map(|l| {
                let mut v = deadline_json(l.item.deadline.as_ref().expect("overdue items carry their deadline"));
                v["patient"] = serde_json::json!(l.item.patient);
                v["deviation_recorded"] = serde_json::json!(l.deviation);
                v
            }).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "due_soon": r.due_soon.iter().map(item).collect::<Vec<_>>(),
        "today": r.today_items.iter().map(item).collect::<Vec<_>>(),
        "recorded": {
            "from": r.window.0.to_string(),
            "to": r.window.1.to_string(),
            "events": r.recorded.iter().map(recorded).collect::<Vec<_>>(),
        },
        "new_referrals": r.new_referrals.iter().map(recorded).collect::<Vec<_>>(),
        "stale": &r.stale,
        "without_coordinator": r.no_coordinator.iter().map(|(c, p, pw)| serde_json::json!({"case": c, "patient": p, "pathway": pw})).collect::<Vec<_>>(),
        "compliance": {
            "from": r.compliance.current.from.to_string(),
            "to": r.compliance.current.to.to_string(),
            "target": r.target,
            "rows": r.compliance.current.rows.iter().map(row_json).collect::<Vec<_>>(),
            "previous": {
                "from": r.compliance.previous.from.to_string(),
                "to": r.compliance.previous.to.to_string(),
                "rows": r.compliance.previous.rows.iter().map(row_json).collect::<Vec<_>>(),
            },
        },
    })
}
