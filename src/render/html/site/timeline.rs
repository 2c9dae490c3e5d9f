//! A case's pathway drawn against its standard times, as inline SVG: the recorded milestones,
//! each standard time as a bar from its `from` event to its due date (met, missed, running,
//! overdue), the planned appointments and MDT meetings, and today's line.

use chrono::{Datelike, NaiveDate};
use maud::{Markup, html};

use crate::i18n::{Lang, SiteWord, Word, days_left_text, days_of, short_date};
use crate::schedule::{IntervalState, Urgency};
use crate::views::handover::{EventKind, Handover};

const WIDTH: f64 = 1000.0;
const LEFT: f64 = 190.0;
const RIGHT: f64 = 24.0;
const LABEL_H: f64 = 13.0;
const BAR_H: f64 = 12.0;
const ROW_H: f64 = 34.0;

const MET: &str = "#2e7d32";
const LATE: &str = "#c62828";
const RUNNING: &str = "#1e6fd0";
const SOON: &str = "#ef8f00";
const PLANNED: &str = "#dde3ea";
const APPOINTMENT: &str = "#6a3d9a";
const MDT: &str = "#00838f";

/// The x axis: dates to user units.
struct Scale {
    start: NaiveDate,
    days: f64,
}

impl Scale {
    fn x(&self, d: NaiveDate) -> f64 {
        LEFT + (d - self.start).num_days() as f64 / self.days * (WIDTH - LEFT - RIGHT)
    }
}

fn f(v: f64) -> String {
    format!("{v:.1}")
}

/// Assigns each label (at x, of about `chars` characters) a line so that labels on one line do
/// not overlap; gives the line of each and the number of lines.
fn stack(labels: &[(f64, usize)]) -> (Vec<usize>, usize) {
    let mut ends: Vec<f64> = Vec::new();
    let mut out = Vec::with_capacity(labels.len());
    for &(x, chars) in labels {
        let w = chars as f64 * 6.4 + 8.0;
        let line = match ends.iter().position(|&e| e <= x) {
            Some(l) => l,
            None if ends.len() < 4 => {
                ends.push(f64::MIN);
                ends.len() - 1
            }
            None => ends
                .iter()
                .enumerate()
                .min_by(|a, b| a.1.total_cmp(b.1))
                .map_or(0, |(i, _)| i),
        };
        ends[line] = x + w;
        out.push(line);
    }
    let lines = ends.len().max(1);
    (out, lines)
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

/// A labelled row of markers (milestones, appointments, MDT meetings): labels stacked above,
/// markers on one line; gives the markup and the row's height.
fn marker_row(
    y0: f64,
    label: &str,
    items: &[(NaiveDate, String, String)],
    scale: &Scale,
    shape: fn(f64, f64, &str) -> Markup,
    colour: &str,
) -> (Markup, f64) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| items[i].0);
    // A label that would run past the right edge ends at its marker instead.
    let width = |i: usize| items[i].1.chars().count() as f64 * 6.4;
    let at_end = |i: usize| scale.x(items[i].0) - 4.0 + width(i) > WIDTH - 4.0;
    let placed: Vec<(f64, usize)> = order
        .iter()
        .map(|&i| {
            let x = scale.x(items[i].0);
            let start = if at_end(i) {
                x + 4.0 - width(i)
            } else {
                x - 4.0
            };
            (start, items[i].1.chars().count())
        })
        .collect();
    let (lines, n) = stack(&placed);
    let marker_y = y0 + n as f64 * LABEL_H + 10.0;
    let height = n as f64 * LABEL_H + 22.0;
    let markup = html! {
        text x="8" y=(f(marker_y + 4.0)) font-weight="600" { (label) }
        line x1=(f(LEFT)) y1=(f(marker_y)) x2=(f(WIDTH - RIGHT)) y2=(f(marker_y)) stroke="#c5ccd4" {}
        @for (k, &i) in order.iter().enumerate() {
            @let (date, text, tip) = &items[i];
            @let x = scale.x(*date);
            g {
                title { (tip) }
                (shape(x, marker_y, colour))
                @if at_end(i) {
                    text x=(f(x + 4.0)) y=(f(y0 + (lines[k] + 1) as f64 * LABEL_H - 2.0)) font-size="11" fill="#333" text-anchor="end" { (text) }
                } @else {
                    text x=(f(x - 4.0)) y=(f(y0 + (lines[k] + 1) as f64 * LABEL_H - 2.0)) font-size="11" fill="#333" { (text) }
                }
            }
        }
    };
    (markup, height)
}

fn dot(x: f64, y: f64, colour: &str) -> Markup {
    html! { circle cx=(f(x)) cy=(f(y)) r="5" fill=(colour) stroke="#fff" stroke-width="1.5" {} }
}

fn diamond(x: f64, y: f64, colour: &str) -> Markup {
    let p = format!(
        "{},{} {},{} {},{} {},{}",
        f(x),
        f(y - 6.0),
        f(x + 6.0),
        f(y),
        f(x),
        f(y + 6.0),
        f(x - 6.0),
        f(y)
    );
    html! { polygon points=(p) fill=(colour) {} }
}

fn square(x: f64, y: f64, colour: &str) -> Markup {
    html! { rect x=(f(x - 5.0)) y=(f(y - 5.0)) width="10" height="10" fill=(colour) {} }
}

/// Every date the drawing must show.
fn span(h: &Handover<'_>, today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let mut dates = vec![today];
    dates.extend(h.events.iter().map(|e| e.date));
    dates.extend(h.appointments.iter().map(|a| a.date));
    dates.extend(h.mdts.iter().map(|m| m.date));
    for st in &h.intervals {
        match &st.state {
            IntervalState::Open { due, from, .. } => dates.extend([*due, *from]),
            IntervalState::Done(m) => dates.extend([m.from, m.to, m.due]),
            _ => {}
        }
    }
    let min = *dates.iter().min().unwrap_or(&today);
    let max = *dates.iter().max().unwrap_or(&today);
    let start = min - chrono::Days::new(2);
    let mut end = max + chrono::Days::new(3);
    if (end - start).num_days() < 21 {
        end = start + chrono::Days::new(21);
    }
    (start, end)
}

/// The ticks of the date axis: Mondays, every other Monday, or the first of each month.
fn ticks(start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
    let days = (end - start).num_days();
    let mut out = Vec::new();
    let mut d = start;
    while d <= end {
        let take = if days <= 50 {
            d.weekday() == chrono::Weekday::Mon
        } else if days <= 120 {
            d.weekday() == chrono::Weekday::Mon && d.iso_week().week().is_multiple_of(2)
        } else {
            d.day() == 1
        };
        if take {
            out.push(d);
        }
        d = d + chrono::Days::new(1);
    }
    out
}

/// The timeline of one case, with its legend.
pub fn timeline(
    h: &Handover<'_>,
    today: NaiveDate,
    warn: &crate::schedule::Warn<'_>,
    lang: Lang,
) -> Markup {
    let (start, end) = span(h, today);
    let scale = Scale {
        start,
        days: (end - start).num_days().max(1) as f64,
    };
    let mut y = 22.0;
    let events: Vec<(NaiveDate, String, String)> = h
        .events
        .iter()
        .map(|e| {
            let what = match &e.kind {
                EventKind::Milestone(id) => id.clone(),
                EventKind::Transfer => Word::Transferred.text(lang),
                EventKind::EarlyEnd => Word::Closed.text(lang),
            };
            let mut tip = format!("{} {what}", e.date);
            if let Some(c) = &e.code {
                tip.push_str(&format!(" ({c})"));
            }
            if let Some(n) = &e.name {
                tip.push_str(&format!(" – {n}"));
            }
            (e.date, what, tip)
        })
        .collect();
    let (events_row, hgt) = marker_row(
        y,
        &SiteWord::EventsRow.text(lang),
        &events,
        &scale,
        dot,
        "#12355b",
    );
    y += hgt + 6.0;
    let intervals_top = y;
    let mut bars = Vec::new();
    for st in &h.intervals {
        let i = st.interval;
        let row_y = y;
        y += ROW_H;
        let bar_y = row_y + 6.0;
        let name = i.name.clone().unwrap_or_default();
        let (state_text, state_colour, shapes): (String, &str, Markup) = match &st.state {
            IntervalState::NotStarted | IntervalState::NotApplicable | IntervalState::Ended => {
                let w = match st.state {
                    IntervalState::NotStarted => Word::NotStarted,
                    IntervalState::NotApplicable => Word::NotApplicable,
                    _ => Word::Ended,
                };
                (w.text(lang), "#666", html! {})
            }
            IntervalState::Done(m) => {
                let (x0, xd, xt) = (scale.x(m.from), scale.x(m.due), scale.x(m.to));
                let within = m.within();
                let text = format!(
                    "{} ({})",
                    if within { Word::Met } else { Word::Missed }.text(lang),
                    days_of(m.elapsed, m.days, lang)
                );
                let tip = format!(
                    "{} {name}: {} → {} ({}: {})",
                    i.id.value,
                    m.from,
                    m.to,
                    Word::Due.text(lang),
                    m.due
                );
                let shapes = html! {
                    g {
                        title { (tip) }
                        rect x=(f(x0)) y=(f(bar_y)) width=(f((xd - x0).max(1.0))) height=(f(BAR_H)) fill=(PLANNED) {}
                        @if within {
                            rect x=(f(x0)) y=(f(bar_y)) width=(f((xt - x0).max(2.0))) height=(f(BAR_H)) fill=(MET) {}
                        } @else {
                            rect x=(f(x0)) y=(f(bar_y)) width=(f((xd - x0).max(1.0))) height=(f(BAR_H)) fill=(MET) opacity="0.55" {}
                            rect x=(f(xd)) y=(f(bar_y)) width=(f((xt - xd).max(2.0))) height=(f(BAR_H)) fill=(LATE) {}
                        }
                        line x1=(f(xd)) y1=(f(bar_y - 3.0)) x2=(f(xd)) y2=(f(bar_y + BAR_H + 3.0)) stroke="#1a1a1a" stroke-width="1.5" {}
                    }
                };
                (text, if within { MET } else { LATE }, shapes)
            }
            IntervalState::Open { due, from, .. } => {
                let (x0, xd, xn) = (scale.x(*from), scale.x(*due), scale.x(today.max(*from)));
                let urgency = Urgency::of(*due, today, warn);
                let (text, colour) = if !h.open {
                    let w = if h.transfer.is_some() {
                        Word::Transferred
                    } else {
                        Word::Closed
                    };
                    (w.text(lang), "#666")
                } else {
                    let c = match urgency {
                        Urgency::Overdue => LATE,
                        Urgency::DueSoon => SOON,
                        Urgency::Open => RUNNING,
                    };
                    (days_left_text((*due - today).num_days(), lang), c)
                };
                let tip = format!(
                    "{} {name}: {} → {} {due} ({text})",
                    i.id.value,
                    from,
                    Word::Due.text(lang)
                );
                let shapes = html! {
                    g {
                        title { (tip) }
                        rect x=(f(x0)) y=(f(bar_y)) width=(f((xd - x0).max(1.0))) height=(f(BAR_H)) fill=(PLANNED) stroke=(colour) stroke-width="1" {}
                        @if h.open {
                            rect x=(f(x0)) y=(f(bar_y)) width=(f((xn.min(xd) - x0).max(1.0))) height=(f(BAR_H)) fill=(colour) opacity="0.8" {}
                            @if xn > xd {
                                rect x=(f(xd)) y=(f(bar_y)) width=(f(xn - xd)) height=(f(BAR_H)) fill=(LATE) {}
                            }
                        }
                        line x1=(f(xd)) y1=(f(bar_y - 3.0)) x2=(f(xd)) y2=(f(bar_y + BAR_H + 3.0)) stroke="#1a1a1a" stroke-width="1.5" {}
                    }
                };
                (text, colour, shapes)
            }
        };
        bars.push(html! {
            g {
                text x="8" y=(f(row_y + 12.0)) font-weight="600" {
                    (i.id.value)
                    tspan font-weight="400" fill="#555" {
                        " " (shorten(&format!("{} → {}", i.from.value, i.to.value), 24))
                    }
                }
                text x="8" y=(f(row_y + 26.0)) font-size="11.5" fill=(state_colour) {
                    (state_text)
                }
                (shapes)
            }
        });
    }
    let intervals_bottom = y;
    let appointments: Vec<(NaiveDate, String, String)> = h
        .appointments
        .iter()
        .map(|a| {
            let mut tip = format!("{}", a.date);
            if let Some(t) = &a.time {
                tip.push_str(&format!(" {t}"));
            }
            tip.push_str(&format!(" {}", a.what));
            if let Some(p) = &a.place {
                tip.push_str(&format!(" ({p})"));
            }
            (a.date, shorten(&a.what, 26), tip)
        })
        .collect();
    let mdts: Vec<(NaiveDate, String, String)> = h
        .mdts
        .iter()
        .map(|m| {
            let mut tip = format!("{} {}", m.date, Word::MdtMeeting.text(lang));
            if let Some(q) = &m.question {
                tip.push_str(&format!(": {q}"));
            }
            if let Some(c) = &m.conclusion {
                tip.push_str(&format!(" → {c}"));
            }
            (m.date, Word::MdtShort.text(lang), tip)
        })
        .collect();
    y += 4.0;
    let (appointment_row, hgt) = marker_row(
        y,
        &SiteWord::AppointmentsRow.text(lang),
        &appointments,
        &scale,
        diamond,
        APPOINTMENT,
    );
    y += hgt;
    let (mdt_row, hgt) = marker_row(y, &SiteWord::MdtRow.text(lang), &mdts, &scale, square, MDT);
    y += hgt + 4.0;
    let axis_y = y;
    let height = axis_y + 24.0;
    let tx = scale.x(today);
    let title = SiteWord::TimelineTitle.text(lang);
    // Everything is drawn once in one coordinate system and shown through two windows: the
    // labels (which stay put) and the plot (which scrolls sideways on a narrow screen).
    let drawing = html! {
        @for d in ticks(start, end) {
            @let x = scale.x(d);
            line x1=(f(x)) y1="14" x2=(f(x)) y2=(f(axis_y)) stroke="#eef0f3" {}
            text x=(f(x)) y=(f(axis_y + 16.0)) text-anchor="middle" font-size="11" fill="#555" { (short_date(d, lang)) }
        }
        line x1=(f(LEFT)) y1=(f(axis_y)) x2=(f(WIDTH - RIGHT)) y2=(f(axis_y)) stroke="#888" {}
        @if intervals_bottom > intervals_top {
            line x1="4" y1=(f(intervals_top - 3.0)) x2=(f(WIDTH - RIGHT)) y2=(f(intervals_top - 3.0)) stroke="#e2e6ea" {}
        }
        (events_row)
        @for b in &bars { (b) }
        (appointment_row)
        (mdt_row)
        g.today {
            title { (SiteWord::Today.text(lang)) " " (today) }
            line x1=(f(tx)) y1="12" x2=(f(tx)) y2=(f(axis_y)) stroke="#b00020" stroke-width="2" stroke-dasharray="4,3" {}
            text x=(f(tx)) y="10" text-anchor="middle" font-size="11.5" font-weight="600" fill="#b00020" { (SiteWord::Today.text(lang)) }
        }
    };
    let font = "system-ui, Arial, sans-serif";
    html! {
        div.timeline {
            svg.labels viewBox=(format!("0 0 {LEFT} {}", f(height))) width=(LEFT) height=(f(height)) aria-hidden="true" font-family=(font) font-size="12.5" fill="#1a1a1a" {
                (drawing)
            }
            div.plot {
                svg viewBox=(format!("{LEFT} 0 {} {}", WIDTH - LEFT, f(height))) width=(WIDTH - LEFT) height=(f(height)) role="img" aria-label=(title) font-family=(font) font-size="12.5" fill="#1a1a1a" {
                    title { (title) }
                    (drawing)
                }
            }
        }
        ul.legend {
            li { i style=(format!("background:{MET}")) {} (Word::Met.text(lang)) }
            li { i style=(format!("background:{LATE}")) {} (Word::Missed.text(lang)) " / " (Word::Overdue.text(lang).to_lowercase()) }
            li { i style=(format!("background:{RUNNING}")) {} (Word::Running.text(lang)) }
            li { i style=(format!("background:{SOON}")) {} (SiteWord::DueSoon.text(lang)) }
            li { i style=(format!("background:{PLANNED};border:1px solid #999")) {} (SiteWord::PlannedSpan.text(lang)) }
            li { i style=(format!("background:{APPOINTMENT}")) {} (SiteWord::Appointment.text(lang)) }
            li { i style=(format!("background:{MDT}")) {} (Word::MdtMeeting.text(lang)) }
            li { i style="background:#b00020;height:2px" {} (SiteWord::Today.text(lang)) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_close_together_go_on_separate_lines() {
        let (lines, n) = stack(&[(100.0, 10), (110.0, 10), (400.0, 5)]);
        assert_eq!(lines, [0, 1, 0]);
        assert_eq!(n, 2);
    }
}
