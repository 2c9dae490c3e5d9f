//! The morning report as one HTML page (the shared frame of [`super::page`]), with its
//! compliance chart (inline SVG); its body is also the site's report page.

use std::io::{self, Write};

use super::{PAGE_END, TABLE_END, esc, esc_into, page_head, table as html_table, table_head};
use crate::i18n::{Lang, Word};
use crate::render::report::*;
use crate::render::stats::percent;
use crate::views::report::Report;
use crate::views::stats::tertial;

/// One self-contained HTML file: inline CSS, no scripts, nothing fetched.
pub fn html(r: &Report, lang: Lang) -> String {
    let mut out = Vec::new();
    let _ = write_html(&mut out, r, lang);
    String::from_utf8(out).unwrap_or_default()
}

/// The HTML file, written to `out` as it is made.
pub fn write_html(out: &mut impl Write, r: &Report, lang: Lang) -> io::Result<()> {
    out.write_all(page_head(&title(r, lang), lang).as_bytes())?;
    write_body(out, r, lang)?;
    out.write_all(PAGE_END.as_bytes())
}

/// The report's content as HTML (headings, tables, chart), for a page frame: the report's own
/// file or the site's.
pub fn body(r: &Report, lang: Lang) -> String {
    let mut out = Vec::new();
    let _ = write_body(&mut out, r, lang);
    String::from_utf8(out).unwrap_or_default()
}

/// [`body`], written to `out` as it is made; the overdue rows are written in parallel chunks.
pub fn write_body(out: &mut impl Write, r: &Report, lang: Lang) -> io::Result<()> {
    let none = Word::NoneRecorded.text(lang);
    write!(
        out,
        "<h1>{}</h1>\n<p class=\"date\">{}</p>\n",
        esc(&title(r, lang)),
        esc(&date_line(r, lang))
    )?;
    if let Some(note) = unverified_note(r, lang) {
        writeln!(out, "<p class=\"note\">{}</p>", esc(&note))?;
    }
    out.write_all(crate::render::problems::html(r.problems, lang, esc).as_bytes())?;
    let total = r.overdue_lines.len();
    writeln!(out, "<h2>{} ({total})</h2>", esc(&Word::Overdue.text(lang)))?;
    if r.overdue.is_empty() {
        writeln!(out, "<p class=\"none\">{}</p>", esc(&none))?;
    }
    let words = WhatWords::new(lang);
    // Only the missing deviations are shown (flagged); a recorded one leaves its cell empty.
    let missing = Word::DeviationMissing.text(lang);
    let mut missing_cell = String::from("<td><span class=\"flag\">");
    esc_into(&mut missing_cell, &missing);
    missing_cell.push_str("</span></td>");
    let missing_cell = if missing.is_empty() {
        "<td></td>".to_string()
    } else {
        missing_cell
    };
    for g in &r.overdue {
        write!(
            out,
            "<h3>{}</h3>\n<div class=\"overdue\">\n",
            esc(&group_name(&g.coordinator, &g.name, lang))
        )?;
        if g.lines.is_empty() {
            writeln!(out, "<p class=\"none\">{}</p>", esc(&none))?;
        } else {
            out.write_all(table_head(&overdue_headers(lang)).as_bytes())?;
            crate::render::par_write_warm(
                out,
                r.lines(g),
                1024,
                |l| l.item.touch(),
                || (String::new(), crate::render::DaysLeftWords::new(lang)),
                |buf, (cell, days_left), l| {
                    use std::fmt::Write as _;
                    let d = l.overdue_deadline();
                    buf.push_str("<tr><td>");
                    esc_into(buf, l.item.case());
                    buf.push_str("</td><td>");
                    cell.clear();
                    let _ = write!(cell, "{}", l.item.patient);
                    esc_into(buf, cell);
                    buf.push_str("</td><td>");
                    esc_into(buf, l.item.pathway());
                    buf.push_str("</td><td>");
                    cell.clear();
                    what_into(cell, &l.item, r, &words);
                    esc_into(buf, cell);
                    buf.push_str("</td><td>");
                    crate::render::push_date(buf, d.due);
                    buf.push_str("</td><td>");
                    esc_into(buf, days_left.text(d.days_left));
                    buf.push_str("</td>");
                    match l.deviation {
                        Some(false) => buf.push_str(&missing_cell),
                        _ => buf.push_str("<td></td>"),
                    }
                    buf.push_str("</tr>\n");
                },
            )?;
            out.write_all(TABLE_END.as_bytes())?;
        }
        out.write_all(b"</div>\n")?;
    }
    // The last section is compliance: drawn on its own, below the others.
    let mut all = sections(r, lang);
    let compliance = all.pop();
    for (sec, table) in drawn(all, |s| html_table(&s.headers, &s.rows, &none, None)) {
        heading(out, &sec)?;
        if sec.rows.is_empty() {
            out.write_all(html_table(&sec.headers, &sec.rows, &none, None).as_bytes())?;
        } else {
            out.write_all(table.as_bytes())?;
        }
    }
    // The compliance section: the chart, then its figures, the two periods side by side.
    if let Some(sec) = compliance {
        heading(out, &sec)?;
        out.write_all(chart(r, lang).as_bytes())?;
        out.write_all(compliance_html(r, &sec.rows, lang, &none).as_bytes())?;
    }
    Ok(())
}

/// A section's heading, and its note under it.
fn heading(out: &mut impl Write, sec: &Section) -> io::Result<()> {
    writeln!(out, "<h2>{}</h2>", esc(&sec.heading(false)))?;
    if let Some(note) = &sec.note {
        writeln!(out, "<p class=\"note\">{}</p>", esc(note))?;
    }
    Ok(())
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

/// A horizontal bar per pathway: the share within the standard time this tertial, the previous
/// tertial under it, the target as a line.
fn chart(r: &Report, lang: Lang) -> String {
    type Row<'a> = Option<&'a crate::views::stats::StatRow>;
    let bars: Vec<(String, Row<'_>, Row<'_>)> = r
        .compliance
        .indicator_rows
        .iter()
        .map(|row| {
            let label = row
                .pathway
                .clone()
                .unwrap_or_else(|| Word::AllPathways.text(lang));
            (label, row.current.as_ref(), row.previous.as_ref())
        })
        .collect();
    if bars.is_empty() {
        return String::new();
    }
    // Per pathway: this tertial's bar (green within the target, red below), the previous
    // tertial's thin grey bar under it.
    let (left, width, bar_h, prev_h, gap) = (200.0, 340.0, 18.0, 8.0, 14.0);
    let group_h = bar_h + 3.0 + prev_h + gap;
    let height = bars.len() as f64 * group_h + 52.0;
    let total_w = left + width + 160.0;
    let title = Word::ChartTitle.text(lang);
    let c = &r.compliance;
    let now = format!("{} {}", tertial(c.current.from), Word::SoFar.text(lang));
    let before = tertial(c.previous.from);
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{total_w}\" height=\"{height}\" viewBox=\"0 0 {total_w} {height}\" role=\"img\" aria-label=\"{}\" font-family=\"Arial, sans-serif\" font-size=\"13\">\n<title>{}</title>\n",
        esc(&title),
        esc(&title)
    );
    for (n, (label, current, previous)) in bars.iter().enumerate() {
        let y = 10.0 + n as f64 * group_h;
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
            left - 8.0,
            y + bar_h * 0.75,
            esc(label)
        ));
        s.push_str(&format!(
            "<rect x=\"{left}\" y=\"{y}\" width=\"{width}\" height=\"{bar_h}\" fill=\"#eeeeee\"/>\n"
        ));
        if let Some(row) = current {
            let w = (row.share * width).max(1.0);
            let colour = if row.share >= r.target {
                "#2e7d32"
            } else {
                "#c62828"
            };
            s.push_str(&format!(
                "<rect x=\"{left}\" y=\"{y}\" width=\"{w:.1}\" height=\"{bar_h}\" fill=\"{colour}\"/>\n<text x=\"{}\" y=\"{}\">{} (n={})</text>\n",
                left + width + 8.0,
                y + bar_h * 0.75,
                esc(&percent(row.share)),
                row.cases
            ));
        }
        let py = y + bar_h + 3.0;
        if let Some(row) = previous {
            let w = (row.share * width).max(1.0);
            s.push_str(&format!(
                "<rect x=\"{left}\" y=\"{py}\" width=\"{w:.1}\" height=\"{prev_h}\" fill=\"#9e9e9e\"/>\n<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#555555\">{}: {} (n={})</text>\n",
                left + width + 8.0,
                py + prev_h,
                esc(&before),
                esc(&percent(row.share)),
                row.cases
            ));
        }
    }
    let tx = left + r.target * width;
    let bottom = height - 42.0;
    s.push_str(&format!(
        "<line x1=\"{tx:.1}\" y1=\"4\" x2=\"{tx:.1}\" y2=\"{bottom}\" stroke=\"#1a1a1a\" stroke-width=\"2\" stroke-dasharray=\"5,3\"/>\n<text x=\"{tx:.1}\" y=\"{}\" text-anchor=\"middle\">{} {}</text>\n",
        bottom + 16.0,
        esc(&Word::Target.text(lang)),
        esc(&percent(r.target))
    ));
    // The legend: which bar is which period.
    let ly = height - 12.0;
    s.push_str(&format!(
        "<rect x=\"{left}\" y=\"{}\" width=\"12\" height=\"10\" fill=\"#2e7d32\"/><text x=\"{}\" y=\"{ly}\" font-size=\"11\">{}</text>\n<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"6\" fill=\"#9e9e9e\"/><text x=\"{}\" y=\"{ly}\" font-size=\"11\">{}</text>\n",
        ly - 9.0,
        left + 16.0,
        esc(&now),
        left + 150.0,
        ly - 7.0,
        left + 166.0,
        esc(&before)
    ));
    s.push_str("</svg>\n");
    s
}
