//! `forlop report`: the morning report for cron, as text, Markdown, HTML or JSON.

use std::path::PathBuf;

use clap::Args;

use super::stats::{percent, row_json};
use super::{Ctx, Failure, Format, emit};
use crate::i18n::{Lang, Ui, Word, day_heading, days_left_text, t};
use crate::render::json::value as deadline_json;
use crate::render::{self, md_escape};
use crate::views::agenda::Item;
use crate::views::report::{Recorded, Report, report};

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// Write the report to FILE (atomically) instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit with code 3 when anything is overdue (for cron alerts)
    #[arg(long)]
    pub fail_on_overdue: bool,
}

pub fn run(ctx: &mut Ctx, args: ReportArgs) -> anyhow::Result<u8> {
    let format = ctx.format(
        "report",
        &[Format::Text, Format::Markdown, Format::Html, Format::Json],
    )?;
    // Everything the report shows is about open cases or events of the last four months.
    let since = ctx
        .today
        .checked_sub_months(chrono::Months::new(4))
        .unwrap_or(ctx.today);
    let reg = ctx.load_for_view(crate::register::Scope::OpenOrSince(since))?;
    let selection = ctx.select(reg, &[])?;
    let redact = selection.redact;
    let r = report(reg, ctx.today, redact, |c| selection.admits(c));
    let lang = ctx.lang;
    let text = match format {
        Format::Json => render::json(&json(&r)),
        Format::Markdown => markdown(&r, lang),
        Format::Html => html(&r, lang),
        _ => text(&r, lang),
    };
    match &args.output {
        Some(path) => {
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
fn overdue_rows(lines: &[crate::views::report::OverdueLine], lang: Lang) -> Vec<Vec<String>> {
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
                crate::render::agenda::what(&l.item, lang),
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

fn due_rows(items: &[Item], lang: Lang) -> Vec<Vec<String>> {
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
                crate::render::agenda::what(i, lang),
                i.coordinator.unwrap_or("–").to_string(),
            ]
        })
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
                e.milestone.clone(),
                e.code
                    .clone()
                    .unwrap_or_else(|| Word::LocalMilestone.text(lang)),
            ]
        })
        .collect()
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

fn compliance(r: &Report, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    super::stats::table_rows(&r.compliance, r.target, lang, false)
}

fn period(r: &Report, lang: Lang) -> String {
    format!(
        "{} {} – {}",
        Word::Period.text(lang),
        r.compliance_from,
        r.today
    )
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
            title: Word::DueSoonHeading.text(lang),
            detail: None,
            headers: due_headers(lang),
            rows: due_rows(&r.due_soon, lang),
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
    let mut s = format!("{}\n{}\n\n", title(r, lang), date_line(r, lang));
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
            &overdue_rows(&g.lines, lang),
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
            &overdue_rows(&g.lines, lang),
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
            if Some(i) == flag_col && !c.is_empty() {
                s.push_str(&format!("<td><span class=\"flag\">{}</span></td>", esc(c)));
            } else {
                s.push_str(&format!("<td>{}</td>", esc(c)));
            }
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody>\n</table>\n");
    s
}

/// A horizontal bar per interval: the share within the standard time, the target as a line.
fn chart(r: &Report, lang: Lang) -> String {
    if r.compliance.is_empty() {
        return String::new();
    }
    let (left, width, bar_h, gap) = (130.0, 380.0, 22.0, 10.0);
    let height = r.compliance.len() as f64 * (bar_h + gap) + 40.0;
    let total_w = left + width + 120.0;
    let title = Word::ChartTitle.text(lang);
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{total_w}\" height=\"{height}\" viewBox=\"0 0 {total_w} {height}\" role=\"img\" aria-label=\"{}\" font-family=\"Arial, sans-serif\" font-size=\"13\">\n<title>{}</title>\n",
        esc(&title),
        esc(&title)
    );
    for (n, row) in r.compliance.iter().enumerate() {
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
            esc(&row.interval)
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
h3{font-size:15px;margin:14px 0 4px}.date{color:#555;margin:0 0 12px}\
table{border-collapse:collapse;width:100%;margin:4px 0 10px;font-size:13px}\
th{text-align:left;background:#f0f0f0;border-bottom:1px solid #999;padding:4px 6px}\
td{border-bottom:1px solid #ddd;padding:4px 6px;vertical-align:top}\
.overdue td:nth-child(6){color:#b00020;font-weight:bold}\
.flag{background:#fde7ea;color:#b00020;font-weight:bold;padding:1px 4px}\
.none{color:#555;font-style:italic}\
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
        let rows = overdue_rows(&g.lines, lang);
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
        // The compliance section: the chart, then its figures with "below target" flagged.
        let flag = if n == last {
            s.push_str(&chart(r, lang));
            Some(sec.headers.len() - 1)
        } else {
            None
        };
        s.push_str(&html_table(&sec.headers, &sec.rows, &none, flag));
    }
    s
}

fn json(r: &Report) -> serde_json::Value {
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
            "from": r.compliance_from.to_string(),
            "to": r.today.to_string(),
            "target": r.target,
            "rows": r.compliance.iter().map(row_json).collect::<Vec<_>>(),
        },
    })
}
