//! The pages of `forlop site`, built with maud (checked when compiled, every value escaped): the
//! board, one page per followed case with its timeline, the statistics, and the frame around
//! each (navigation, inline stylesheet, no external resource of any kind).

mod case;
mod timeline;

pub use case::{CaseTables, case_page};
pub use timeline::timeline;

use chrono::NaiveDate;
use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::i18n::{Lang, SiteWord, Word, case_count, day_heading, days_left_text};
use crate::schedule::{CaseState, Urgency};
use crate::views::board::{BoardGroup, Grouping};
use crate::views::stats::StatRow;

/// The board grouped by coordinator.
pub const BOARD: &str = "index.html";
/// The board grouped by pathway.
pub const BOARD_BY_PATHWAY: &str = "pathways.html";
/// The morning report.
pub const REPORT: &str = "report.html";
/// The statistics.
pub const STATS: &str = "stats.html";

/// The file name of a case's page: `<case-id>.html`, unless the id is one of the site's own page
/// names (then `case_<id>.html`; `_` never occurs in a case id).
pub fn case_file(id: &str) -> String {
    if matches!(id, "index" | "pathways" | "report" | "stats") {
        format!("case_{id}.html")
    } else {
        format!("{id}.html")
    }
}

/// What every page of one site shares.
#[derive(Clone, Debug)]
pub struct SiteInfo {
    pub lang: Lang,
    pub today: NaiveDate,
    /// forlop.toml `name` and `hospital`.
    pub name: Option<String>,
    pub hospital: Option<String>,
    pub redacted: bool,
}

/// Which part of the site a page belongs to (for the navigation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Board,
    Report,
    Stats,
    Case,
}

/// What the site adds to the stylesheet it shares with the HTML report (`render::html`): the
/// navigation bar, the board, the timeline; readable on a phone (tables become cards),
/// printable (no navigation, no filter, colours kept where they carry meaning).
const SITE_CSS: &str = r#"
*{box-sizing:border-box}
body{max-width:none;padding:0}
table.cards td{white-space:normal}
[hidden]{display:none!important}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;background:#fff;margin:0;line-height:1.4;font-size:15px}
a{color:#0b4f9c}
header.top{background:#12355b;color:#fff}
header.top nav{max-width:1200px;margin:0 auto;padding:8px 16px;display:flex;flex-wrap:wrap;gap:4px 18px;align-items:baseline}
header.top a{color:#fff;text-decoration:none;padding:4px 0;border-bottom:3px solid transparent;font-weight:600}
header.top a[aria-current]{border-bottom-color:#ffcc4d}
header.top .unit{margin-left:auto;font-size:13px;opacity:.85}
main{max-width:1200px;margin:0 auto;padding:12px 16px 24px}
h1{font-size:22px;margin:8px 0 2px}
h2{font-size:17px;margin:22px 0 6px;border-bottom:2px solid #1a1a1a;padding-bottom:2px}
h3{font-size:15px;margin:14px 0 4px}
.lead{color:#444;margin:0 0 10px}
.count{font-weight:normal;color:#555;font-size:14px}
.switch{display:flex;gap:6px;margin:10px 0}
.switch a{padding:5px 12px;border:1px solid #12355b;border-radius:16px;text-decoration:none;color:#12355b}
.switch a[aria-current]{background:#12355b;color:#fff}
.filter input{font:inherit;padding:5px 8px;width:22em;max-width:100%;border:1px solid #888;border-radius:4px}
table{border-collapse:collapse;width:100%;margin:4px 0 10px;font-size:14px}
th{text-align:left;background:#f0f2f5;border-bottom:1px solid #999;padding:5px 6px;font-weight:600}
td{border-bottom:1px solid #ddd;padding:5px 6px;vertical-align:top}
tr.overdue td:first-child{box-shadow:inset 4px 0 #c62828}
tr.due-soon td:first-child{box-shadow:inset 4px 0 #ef8f00}
.badge{display:inline-block;padding:1px 7px;border-radius:10px;font-weight:600;white-space:nowrap}
.overdue .badge,.badge.overdue{background:#fde7ea;color:#b00020}
.due-soon .badge,.badge.due-soon{background:#fff3d6;color:#8a4b00}
.badge.open{background:#eef3f8;color:#33475b}
.state{font-size:13px;color:#555;white-space:nowrap}
table.cards td.key,table.cards td.nowrap{white-space:nowrap}
td.key a{font-weight:600}
.state.follow-up{color:#6a3d9a}
.none{color:#555;font-style:italic}
.note{color:#8a4b00}
tr.met td:first-child{box-shadow:inset 4px 0 #2e7d32}
tr.below td:first-child{box-shadow:inset 4px 0 #c62828}
tr.missed td:first-child{box-shadow:inset 4px 0 #c62828}
.date{color:#555;margin:0 0 12px}
.flag{background:#fde7ea;color:#b00020;font-weight:bold;padding:1px 4px}
div.overdue td:nth-child(6){color:#b00020;font-weight:bold}
ul.notes{padding-left:20px}
.problems{border:2px solid #c62828;background:#fff5f5;padding:8px 12px;margin:10px 0;border-radius:4px}
.problems h2{color:#b00020;border-bottom-color:#c62828;margin-top:4px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:8px 0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
.timeline{--s:1;display:flex;border:1px solid #ddd;border-radius:4px;padding:6px;margin:6px 0 4px}
.timeline svg{display:block;height:auto}
.timeline svg.labels{flex:none;width:calc(190px * var(--s))}
.timeline .plot{overflow-x:auto;min-width:0}
.timeline .plot svg{width:calc(810px * var(--s))}
@media (min-width:1200px){.timeline{--s:1.15}}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:13px;color:#333;margin:4px 0 12px;padding:0;list-style:none}
.legend i{display:inline-block;width:14px;height:10px;margin-right:4px;vertical-align:baseline;border-radius:2px}
.chart svg{max-width:100%;height:auto}
footer{max-width:1200px;margin:0 auto;padding:10px 16px 24px;color:#555;font-size:13px;border-top:1px solid #ddd}
@media (max-width:720px){
 body{font-size:15px}
 header.top .unit{margin-left:0;width:100%}
 table.cards thead{display:none}
 table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}
 table.cards tr{border:1px solid #ccc;border-radius:6px;margin:0 0 10px;padding:4px 8px}
 table.cards tr.overdue{border-left:5px solid #c62828}
 table.cards tr.due-soon{border-left:5px solid #ef8f00}
 table.cards td{border:0;padding:2px 0;display:flex;gap:8px}
 table.cards td::before{content:attr(data-label);flex:0 0 7.5em;color:#555;font-size:13px}
 table.cards td:empty,table.cards td.minor{display:none}
 table.cards td.key{font-size:16px}
 table.cards td.key::before{display:none}
 tr.overdue td:first-child,tr.due-soon td:first-child{box-shadow:none}
 .filter input{width:100%}
 main table:not(.cards){display:block;overflow-x:auto}
 dl.facts{grid-template-columns:1fr}
 .timeline{--s:.7;padding:4px}
 dl.facts dd{margin-bottom:6px}
 h1{font-size:20px;overflow-wrap:anywhere}
 table.cards tr.met{border-left:5px solid #2e7d32}
 table.cards tr.missed{border-left:5px solid #c62828}
 tr.met td:first-child,tr.missed td:first-child{box-shadow:none}
}
@media print{
 header.top,.switch,.filter,.back,noscript{display:none}
 main{max-width:none;padding:0}
 body{font-size:11pt}
 a{color:inherit;text-decoration:none}
 h2{page-break-after:avoid}
 tr{page-break-inside:avoid}
 .timeline{--s:.9;border:0}
 .timeline .plot{overflow:visible}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"#;

/// The board's filter: hides rows whose text does not contain what is typed. Without JavaScript
/// the field stays hidden and every row shows.
const FILTER_JS: &str = r#"(function(){var p=document.getElementById('filter');if(!p)return;p.hidden=false;var i=p.querySelector('input');i.addEventListener('input',function(){var q=i.value.trim().toLowerCase();document.querySelectorAll('tr[data-search]').forEach(function(r){r.hidden=q!==''&&r.getAttribute('data-search').indexOf(q)<0;});document.querySelectorAll('section.group').forEach(function(s){s.hidden=s.querySelector('tr[data-search]:not([hidden])')===null;});});})();"#;

/// Case pages: a timeline wider than a phone scrolls sideways; start it at its right end, where
/// today and the running deadlines are.
const TIMELINE_JS: &str = r#"document.querySelectorAll('.timeline .plot').forEach(function(t){t.scrollLeft=t.scrollWidth;});"#;

/// Replaces control characters from data (a note with an escape sequence) by their escaped
/// form, as every human format does; newlines and tabs are plain whitespace in HTML.
fn clean(html: String) -> String {
    if !html
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return html;
    }
    html.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "nb",
        Lang::En => "en",
    }
}

/// One whole page: head with the stylesheet, navigation, `body`, footer.
pub fn page(info: &SiteInfo, section: Section, title: &str, body: Markup, script: bool) -> String {
    let lang = info.lang;
    let current = |s: Section| (s == section).then_some("page");
    let unit = [info.name.clone(), info.hospital.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let doc = html! {
        (DOCTYPE)
        html lang=(lang_code(lang)) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
                meta name="referrer" content="no-referrer";
                meta name="robots" content="noindex, nofollow";
                title { (title) }
                style { (PreEscaped(crate::render::html::stylesheet())) (PreEscaped(SITE_CSS)) }
            }
            body {
                header.top {
                    nav {
                        a href=(BOARD) aria-current=[current(Section::Board)] { (SiteWord::Board.text(lang)) }
                        a href=(REPORT) aria-current=[current(Section::Report)] { (SiteWord::MorningReport.text(lang)) }
                        a href=(STATS) aria-current=[current(Section::Stats)] { (SiteWord::Statistics.text(lang)) }
                        @if !unit.is_empty() { span.unit { (unit) } }
                    }
                }
                main { (body) }
                footer {
                    (SiteWord::Generated.text(lang)) " · " (day_heading(info.today, lang)) " (" (info.today) ")"
                    @if info.redacted { " · " (SiteWord::Redacted.text(lang)) }
                }
                @if script {
                    script { (PreEscaped(if section == Section::Case { TIMELINE_JS } else { FILTER_JS })) }
                }
            }
        }
    };
    clean(doc.into_string())
}

/// The problems section (SPEC §4: every file the site could not fully use), as the report
/// shows it.
fn problems(list: &[crate::register::Problem], lang: Lang) -> Markup {
    let esc = |t: &str| html! { (t) }.into_string();
    PreEscaped(crate::render::problems::html(list, lang, esc))
}

fn urgency_class(u: Urgency) -> &'static str {
    match u {
        Urgency::Overdue => "overdue",
        Urgency::DueSoon => "due-soon",
        Urgency::Open => "open",
    }
}

fn group_heading(g: &BoardGroup, by: Grouping, lang: Lang) -> String {
    match (&g.key, &g.name) {
        (Some(id), Some(n)) => format!("{n} ({id})"),
        (Some(id), None) => id.to_string(),
        (None, _) => match by {
            Grouping::Coordinator => format!("({})", Word::WithoutCoordinator.text(lang)),
            Grouping::Pathway => SiteWord::WithoutPathway.text(lang),
        },
    }
}

/// The board: problems on top, the switch between groupings, the filter, then one table per
/// group, most urgent first.
pub fn board(
    info: &SiteInfo,
    groups: &[BoardGroup],
    by: Grouping,
    problem_list: &[crate::register::Problem],
) -> String {
    let lang = info.lang;
    let rows = || groups.iter().flat_map(|g| &g.rows);
    let total = rows().count();
    let overdue = rows()
        .filter(|r| {
            r.status
                .next_deadline
                .as_ref()
                .is_some_and(|d| d.urgency == Urgency::Overdue)
        })
        .count();
    let soon = rows()
        .filter(|r| {
            r.status
                .next_deadline
                .as_ref()
                .is_some_and(|d| d.urgency == Urgency::DueSoon)
        })
        .count();
    let title = match &info.name {
        Some(n) => format!("{} – {n}", SiteWord::Board.text(lang)),
        None => SiteWord::Board.text(lang),
    };
    let current = |g: Grouping| (g == by).then_some("page");
    let label = |w: Word| w.text(lang);
    let body = html! {
        h1 { (title) }
        p.lead {
            (day_heading(info.today, lang)) " (" (info.today) ") · " (case_count(total, lang))
            @if overdue > 0 { " · " span.badge.overdue { (crate::i18n::with_overdue(overdue, lang)) } }
            @if soon > 0 { " · " span.badge.due-soon { (crate::i18n::with_due_soon(soon, lang)) } }
        }
        (problems(problem_list, lang))
        nav.switch {
            a href=(BOARD) aria-current=[current(Grouping::Coordinator)] { (SiteWord::ByCoordinator.text(lang)) }
            a href=(BOARD_BY_PATHWAY) aria-current=[current(Grouping::Pathway)] { (SiteWord::ByPathway.text(lang)) }
        }
        p.filter #filter hidden {
            label { (SiteWord::FilterLabel.text(lang)) ": "
                input type="search" placeholder=(SiteWord::FilterPlaceholder.text(lang)) autocomplete="off";
            }
        }
        @if groups.is_empty() {
            p.none { (Word::NoOpenCases.text(lang)) }
        }
        @for g in groups {
            section.group {
                h2 { (group_heading(g, by, lang)) " " span.count { (case_count(g.rows.len(), lang)) } }
                table.cards.board {
                    thead { tr {
                        th { (label(Word::Case)) }
                        th { (label(Word::Patient)) }
                        @match by {
                            Grouping::Coordinator => th { (label(Word::Pathway)) },
                            Grouping::Pathway => th { (label(Word::Coordinator)) },
                        }
                        th { (label(Word::State)) }
                        th { (label(Word::LastMilestone)) }
                        th { (label(Word::NextDeadline)) }
                        th { (label(Word::Due)) }
                        th { (label(Word::DaysLeft)) }
                    } }
                    tbody {
                        @for r in &g.rows {
                            @let s = &r.status;
                            @let class = s.next_deadline.as_ref().map(|d| urgency_class(d.urgency));
                            @let search = format!("{} {} {} {} {}", s.case, s.patient, s.pathway,
                                s.coordinator.unwrap_or(""), r.coordinator_name.unwrap_or("")).to_lowercase();
                            tr class=[class] data-search=(search) {
                                td.key data-label=(label(Word::Case)) { a href=(case_file(s.case)) { (s.case) } }
                                td data-label=(label(Word::Patient)) { (s.patient.to_string()) }
                                @match by {
                                    Grouping::Coordinator => td data-label=(label(Word::Pathway)) { (s.pathway) },
                                    Grouping::Pathway => td data-label=(label(Word::Coordinator)) { (s.coordinator.unwrap_or("–")) },
                                }
                                @match r.state {
                                    CaseState::InPathway => td.minor data-label=(label(Word::State)) { span.state { (SiteWord::InPathway.text(lang)) } },
                                    CaseState::FollowUp => td data-label=(label(Word::State)) { span.state.follow-up { (SiteWord::FollowUp.text(lang)) } },
                                    CaseState::Transferred => td data-label=(label(Word::State)) { span.state.follow-up { (Word::Transferred.text(lang)) } },
                                    CaseState::Closed => td data-label=(label(Word::State)) { span.state { (Word::Closed.text(lang)) } },
                                }
                                td data-label=(label(Word::LastMilestone)) {
                                    @if let (Some(m), Some(date)) = (s.last_milestone, s.last_date) {
                                        (m) " " (date)
                                        @if let Some(c) = &s.last_code { " (" (c) ")" }
                                    }
                                }
                                @if let Some(d) = &s.next_deadline {
                                    td data-label=(label(Word::NextDeadline)) { (d.what()) }
                                    td.nowrap data-label=(label(Word::Due)) { (d.due) }
                                    td data-label=(label(Word::DaysLeft)) { span.badge.(urgency_class(d.urgency)) { (days_left_text(d.days_left, lang)) } }
                                } @else {
                                    td data-label=(label(Word::NextDeadline)) { span.none { (SiteWord::NoNextDeadline.text(lang)) } }
                                    td {}
                                    td {}
                                }
                            }
                        }
                    }
                }
            }
        }
        noscript { p.none { (SiteWord::Noscript.text(lang)) } }
    };
    page(info, Section::Board, &title, body, true)
}

/// A horizontal bar per row: the share within the standard time, the target as a dashed line.
pub fn share_chart(rows: &[(String, f64, usize)], target: f64, lang: Lang) -> Markup {
    let (left, width, bar_h, gap) = (250.0, 420.0, 20.0, 8.0);
    let height = rows.len() as f64 * (bar_h + gap) + 36.0;
    let total_w = left + width + 110.0;
    let tx = left + target * width;
    let bottom = height - 22.0;
    let title = SiteWord::StatsChartTitle.text(lang);
    html! {
        @if !rows.is_empty() {
            div.chart {
                svg width=(total_w) height=(height) viewBox=(format!("0 0 {total_w} {height}")) role="img" aria-label=(title) font-size="13" font-family="system-ui, Arial, sans-serif" {
                    title { (title) }
                    @for (n, (label, share, cases)) in rows.iter().enumerate() {
                        @let y = 6.0 + n as f64 * (bar_h + gap);
                        @let colour = if *share >= target { "#2e7d32" } else { "#c62828" };
                        text x=(left - 8.0) y=(y + bar_h * 0.72) text-anchor="end" { (label) }
                        rect x=(left) y=(y) width=(width) height=(bar_h) fill="#eceff1" {}
                        rect x=(left) y=(y) width=(format!("{:.1}", (share * width).max(1.0))) height=(bar_h) fill=(colour) {}
                        text x=(left + width + 8.0) y=(y + bar_h * 0.72) { (format!("{:.0} %", share * 100.0)) " (n=" (cases) ")" }
                    }
                    line x1=(format!("{tx:.1}")) y1="2" x2=(format!("{tx:.1}")) y2=(bottom) stroke="#1a1a1a" stroke-width="2" stroke-dasharray="5,3" {}
                    text x=(format!("{tx:.1}")) y=(bottom + 16.0) text-anchor="middle" { (Word::Target.text(lang)) " " (format!("{:.0} %", target * 100.0)) }
                }
            }
        }
    }
}

/// A statistics table as the command renders it for people, with its rows' figures for the chart.
#[derive(Clone, Debug, Default)]
pub struct StatsTable {
    pub headers: Vec<String>,
    pub body: Vec<Vec<String>>,
    pub rows: Vec<StatRow>,
}

/// A statistics table with its chart; bars labelled by group and interval.
fn stats_block(t: &StatsTable, target: f64, lang: Lang) -> Markup {
    let chart: Vec<(String, f64, usize)> = t
        .rows
        .iter()
        .map(|r| (format!("{} {}", r.group, r.interval), r.share, r.cases))
        .collect();
    html! {
        @if t.rows.is_empty() {
            p.none { (SiteWord::NoMeasures.text(lang)) }
        } @else {
            (share_chart(&chart, target, lang))
            table.stats {
                thead { tr { @for h in &t.headers { th { (h) } } } }
                tbody {
                    @for (r, row) in t.rows.iter().zip(&t.body) {
                        tr class=[(r.share < target).then_some("below")] {
                            @for (h, c) in t.headers.iter().zip(row) { td data-label=(h) { (c) } }
                        }
                    }
                }
            }
            // Rows that pool pathways with different limits (by tertial): which, and what it means.
            @for note in crate::render::stats::mixed_limits_notes(&t.rows, lang) {
                p.note { (note.trim_start()) }
            }
        }
    }
}

/// The statistics page: the last twelve months per pathway and per tertial.
pub fn stats(
    info: &SiteInfo,
    from: NaiveDate,
    by_pathway: &StatsTable,
    by_tertial: &StatsTable,
    target: f64,
) -> String {
    let lang = info.lang;
    let title = SiteWord::Statistics.text(lang);
    let body = html! {
        h1 { (title) }
        p.lead { (SiteWord::LastTwelveMonths.text(lang)) ": " (from) " – " (info.today) }
        h2 { (SiteWord::PerPathway.text(lang)) }
        (stats_block(by_pathway, target, lang))
        h2 { (SiteWord::PerTertial.text(lang)) }
        (stats_block(by_tertial, target, lang))
    };
    page(info, Section::Stats, &title, body, false)
}

/// The morning report in the site's frame: `report_body` is the report's own HTML body; each
/// cell that holds just the id of a case with a page becomes a link to it.
pub fn report(info: &SiteInfo, report_body: &str, cases: &[&str]) -> String {
    let title = SiteWord::MorningReport.text(info.lang);
    let mut body = report_body.to_string();
    for id in cases {
        // Case ids are [a-z0-9-]: nothing in them needs escaping.
        body = body.replace(
            &format!("<td>{id}</td>"),
            &format!("<td><a href=\"{}\">{id}</a></td>", case_file(id)),
        );
    }
    page(
        info,
        Section::Report,
        &title,
        html! { (PreEscaped(body)) },
        false,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_named_like_a_page_of_the_site_gets_its_own_name() {
        assert_eq!(case_file("te-0142"), "te-0142.html");
        assert_eq!(case_file("index"), "case_index.html");
        assert_eq!(case_file("report"), "case_report.html");
    }

    #[test]
    fn control_characters_never_reach_the_page() {
        assert_eq!(clean("a\u{1b}[31mb\nc".into()), "a\\u{1b}[31mb\nc");
    }
}
