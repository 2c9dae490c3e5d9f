//! Rows to text: tables, CSV, JSON helpers. Renderers never compute dates.

pub mod agenda;
pub mod csv;
pub mod due;
pub mod eml;
pub mod handover;
pub mod html;
pub mod ics;
pub mod json;
pub mod problems;
pub mod report;
pub mod stats;
pub mod status;
pub mod table;

pub use table::Table;

use std::io::{self, Write};

/// A plain table with a header row, in the style of every forlop table.
pub fn table(headers: &[String], rows: &[Vec<String>]) -> String {
    painted_table(headers, rows, &[])
}

/// Appends `date` as its `Display` writes it (`2026-11-23`), a year of four digits without the
/// formatting machinery: a long list writes hundreds of thousands of dates.
pub fn push_date(s: &mut String, date: chrono::NaiveDate) {
    use chrono::Datelike;
    let Ok(year) = u32::try_from(date.year()) else {
        return push_display(s, date);
    };
    if year > 9999 {
        return push_display(s, date);
    }
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    let (month, day) = (date.month(), date.day());
    for c in [
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        '-',
        digit(month / 10),
        digit(month),
        '-',
        digit(day / 10),
        digit(day),
    ] {
        s.push(c);
    }
}

/// Appends `value` as its `Display` writes it.
fn push_display(s: &mut String, value: impl std::fmt::Display) {
    use std::fmt::Write as _;
    let _ = write!(s, "{value}");
}

/// ANSI red, for what is overdue.
pub const RED: &str = "\x1b[31m";

/// A table whose row `i` is painted red where `styles[i]` is given.
pub fn painted_table(headers: &[String], rows: &[Vec<String>], styles: &[Option<&str>]) -> String {
    let mut t = Table::new(headers);
    for (i, r) in rows.iter().enumerate() {
        for c in r {
            t.text(c);
        }
        let painted = styles.get(i).copied().flatten().is_some();
        t.end_row(painted.then_some(table::OVERDUE));
    }
    t.render(None)
}

/// Text made safe for one Markdown table cell or list item: no line breaks, pipes escaped, no
/// raw HTML (`<img onerror=…>` in a note stays text: `\<`), no control characters (`\u{1b}`).
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    md_escape_into(&mut out, s);
    out
}

/// [`md_escape`], appended to `out`.
pub fn md_escape_into(out: &mut String, s: &str) {
    let plain = |c: char| {
        !matches!(c, '\\' | '|' | '<' | '>' | '\r' | '\n') && !crate::terminal::is_unsafe(c)
    };
    if s.chars().all(plain) {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '|' => out.push_str("\\|"),
            '<' => out.push_str("\\<"),
            '>' => out.push_str("\\>"),
            '\r' | '\n' => out.push(' '),
            c if crate::terminal::is_unsafe(c) => {
                out.push_str(&crate::terminal::escape(&c.to_string()))
            }
            c => out.push(c),
        }
    }
}

/// Writes `items` in order, each by `row` into a text buffer; the buffers are made in parallel,
/// in chunks (each with its own `S`, for words made once per chunk), a window of chunks at a
/// time, so a long list is never held whole as text. The same text as a serial loop.
pub fn par_write<T: Sync, S>(
    out: &mut impl Write,
    items: &[T],
    state: impl Fn() -> S + Sync,
    row: impl Fn(&mut String, &mut S, &T) + Sync,
) -> io::Result<()> {
    par_write_in(out, items, 1024, state, row)
}

/// [`par_write`] with chunks of `chunk` items.
pub fn par_write_in<T: Sync, S>(
    out: &mut impl Write,
    items: &[T],
    chunk: usize,
    state: impl Fn() -> S + Sync,
    row: impl Fn(&mut String, &mut S, &T) + Sync,
) -> io::Result<()> {
    par_write_warm(out, items, chunk, |_| 0, state, row)
}

/// [`par_write_in`] that reads each run of items through `touch` before writing its rows
/// ([`warmed`]).
pub fn par_write_warm<T: Sync, S>(
    out: &mut impl Write,
    items: &[T],
    chunk: usize,
    touch: impl Fn(&T) -> usize + Sync,
    state: impl Fn() -> S + Sync,
    row: impl Fn(&mut String, &mut S, &T) + Sync,
) -> io::Result<()> {
    use rayon::prelude::*;
    let chunk = chunk.max(1);
    for window in items.chunks(chunk * 16) {
        let parts: Vec<String> = window
            .par_chunks(chunk)
            .map(|part| {
                let mut buf = String::with_capacity(part.len() * 192);
                let mut s = state();
                warmed(part, &touch, |item| row(&mut buf, &mut s, item));
                buf
            })
            .collect();
        for p in parts {
            out.write_all(p.as_bytes())?;
        }
    }
    Ok(())
}

/// Calls `each` on every item, a few hundred at a time, each run first read through by `touch`.
///
/// A long list's lines are sorted by coordinator and deadline, while the deadlines and cases
/// they point to lie on the heap in the order of the files: written row by row, every row waits
/// for its own cache misses. `touch` reads a byte of each place a row will read; those loads do
/// not depend on each other, so the processor overlaps them, and the rows then find their data
/// in the cache (a run touches about a hundred kilobytes).
pub fn warmed<T>(items: &[T], touch: impl Fn(&T) -> usize, mut each: impl FnMut(&T)) {
    const RUN: usize = 256;
    for run in items.chunks(RUN) {
        let mut sum = 0usize;
        for item in run {
            sum = sum.wrapping_add(touch(item));
        }
        std::hint::black_box(sum);
        run.iter().for_each(&mut each);
    }
}

/// The "days left" words a long list repeats on its rows, each made once (a chunk's state).
pub struct DaysLeftWords {
    lang: crate::i18n::Lang,
    made: std::collections::HashMap<i64, String>,
}

impl DaysLeftWords {
    pub fn new(lang: crate::i18n::Lang) -> Self {
        DaysLeftWords {
            lang,
            made: Default::default(),
        }
    }

    /// [`crate::i18n::days_left_text`] for `days`.
    pub fn text(&mut self, days: i64) -> &str {
        let lang = self.lang;
        self.made
            .entry(days)
            .or_insert_with(|| crate::i18n::days_left_text(days, lang))
    }
}

/// A GitHub-flavoured Markdown table.
pub fn markdown_table(headers: &[String], rows: &[Vec<String>]) -> String {
    let mut out = format!(
        "| {} |\n",
        headers
            .iter()
            .map(|h| md_escape(h))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    out.push_str(&format!("|{}\n", " --- |".repeat(headers.len())));
    for r in rows {
        out.push_str(&format!(
            "| {} |\n",
            r.iter()
                .map(|c| md_escape(c))
                .collect::<Vec<_>>()
                .join(" | ")
        ));
    }
    out
}

/// RFC 4180 CSV with a header row.
pub fn csv(headers: &[String], rows: &[Vec<String>]) -> String {
    csv_in(headers, rows, csv::Dialect::Standard)
}

/// CSV with a header row in `dialect` (text fields only: no number is rewritten).
pub fn csv_in(headers: &[String], rows: &[Vec<String>], dialect: csv::Dialect) -> String {
    let mut out = Vec::new();
    let mut w = csv::Csv::new(&mut out, dialect);
    let _ = w.header(headers);
    for r in rows {
        for f in r {
            let _ = w.field(f);
        }
        let _ = w.end();
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Pretty JSON with a final newline.
pub fn json(value: &impl serde::Serialize) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

/// comfy-table's rendering in forlop's style, to check that [`Table`] writes the same text.
#[cfg(test)]
pub(crate) fn comfy_table(headers: &[&str], rows: &[Vec<&str>]) -> String {
    use comfy_table::{ContentArrangement, LineStyle, TableStyle};
    const STYLE: TableStyle =
        TableStyle::new().header_separator(LineStyle::none().fill('─').junction(' '));
    let mut t = comfy_table::Table::new();
    t.load_style(STYLE)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(headers);
    for r in rows {
        t.add_row(r);
    }
    let mut s = String::new();
    for line in t.lines() {
        s.push_str(line.trim_end());
        s.push('\n');
    }
    s
}

/// A buffered writer on standard output, for outputs written as they are made.
pub fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::with_capacity(1 << 16, io::stdout().lock())
}

/// Flushes `out`; a closed pipe surfaces as an error the caller treats as a clean end.
pub fn finish(mut out: impl Write) -> io::Result<()> {
    out.flush()
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_are_pushed_as_displayed() {
        let mut dates: Vec<chrono::NaiveDate> = [
            (0, 1, 1),
            (1, 1, 1),
            (999, 12, 31),
            (2026, 2, 28),
            (2028, 2, 29),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 6, 15),
            (-4000, 1, 1),
        ]
        .iter()
        .filter_map(|&(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d))
        .collect();
        let first = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        dates.extend(first.iter_days().take(800));
        dates.extend([chrono::NaiveDate::MIN, chrono::NaiveDate::MAX]);
        for d in dates {
            let mut s = String::from("x");
            super::push_date(&mut s, d);
            assert_eq!(s, format!("x{d}"));
        }
    }

    #[test]
    fn warmed_visits_every_item_once_in_order() {
        for n in [0, 1, 255, 256, 257, 1000] {
            let items: Vec<usize> = (0..n).collect();
            let touched = std::cell::Cell::new(0);
            let mut seen = Vec::new();
            super::warmed(
                &items,
                |i| {
                    touched.set(touched.get() + 1);
                    *i
                },
                |i| seen.push(*i),
            );
            assert_eq!(seen, items);
            assert_eq!(touched.get(), n);
        }
    }

    #[test]
    fn a_parallel_write_is_a_serial_one() {
        let items: Vec<usize> = (0..5000).collect();
        let serial: String = items.iter().map(|i| format!("{i};")).collect();
        for chunk in [1, 7, 1024] {
            let mut out = Vec::new();
            super::par_write_in(
                &mut out,
                &items,
                chunk,
                || (),
                |buf, _, i| buf.push_str(&format!("{i};")),
            )
            .unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), serial);
        }
    }

    #[test]
    fn md_escape_escapes_what_markdown_reads() {
        assert_eq!(
            super::md_escape("a|b<c>\\d\ne\x1b"),
            "a\\|b\\<c\\>\\\\d e\\u{1b}"
        );
        assert_eq!(super::md_escape("Åse – ok"), "Åse – ok");
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let h = vec!["a".to_string(), "b".to_string()];
        let rows = vec![vec!["x,y".to_string(), "say \"hi\"".to_string()]];
        assert_eq!(
            super::csv(&h, &rows),
            "a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n"
        );
    }
}
