//! The human table: columns separated by space, the header underlined, no trailing padding.
//!
//! Cells are written once into one text buffer (no string per cell, no second copy for
//! padding), their widths measured on the way, and the lines streamed to the writer. On a
//! terminal the table can be fitted to its width: the widest columns are narrowed and cut
//! cells end with `…`. Control characters from data are never passed through: they are shown
//! escaped (`\u{1b}`), line breaks included, so a row stays one line.

use std::fmt::{self, Write as _};
use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

/// The ANSI style of a painted row.
pub type Style = anstyle::Style;

/// Red, for what is overdue.
pub const OVERDUE: Style =
    anstyle::Style::new().fg_color(Some(anstyle::Color::Ansi(anstyle::AnsiColor::Red)));

/// A table being built: header, cells in one buffer, column widths.
#[derive(Debug, Default)]
pub struct Table {
    headers: Vec<String>,
    text: String,
    /// End offset in `text` of every cell, row after row.
    ends: Vec<u32>,
    /// The width of every cell in columns, measured as it was written (`u16::MAX`: at least
    /// that, measured again where it is drawn).
    cell_widths: Vec<u16>,
    widths: Vec<usize>,
    styles: Vec<Option<Style>>,
    /// Cells of the row being built.
    in_row: usize,
    /// Rows built elsewhere (in parallel), written after these.
    more: Vec<Table>,
}

/// The display width of a cell (unicode width; ASCII is one column a byte).
fn width(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    // Text in Norwegian (æ, ø, å, é, dashes): one column a character, as unicode-width counts
    // it, without its tables; anything else is measured by unicode-width.
    let mut n = 0;
    for c in s.chars() {
        if !one_column(c) {
            return s.width();
        }
        n += 1;
    }
    n
}

/// Characters unicode-width gives one column wherever they stand: printable ASCII and Latin-1
/// (but the soft hyphen), dashes, quotes and the ellipsis.
fn one_column(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}'..='\u{ac}' | '\u{ae}'..='\u{ff}' | '–' | '—' | '‘' | '’' | '“' | '”' | '…')
}

/// Writes `s` with control characters made harmless (as [`crate::terminal::escape_line`]).
fn push_clean(out: &mut String, s: &str) {
    out.push_str(&crate::terminal::escape_line(s));
}

impl Table {
    /// An empty table with these column headers.
    pub fn new<S: AsRef<str>>(headers: &[S]) -> Self {
        let headers: Vec<String> = headers
            .iter()
            .map(|h| {
                let mut s = String::new();
                push_clean(&mut s, h.as_ref());
                s
            })
            .collect();
        let widths = headers.iter().map(|h| width(h)).collect();
        Table {
            headers,
            widths,
            ..Table::default()
        }
    }

    /// An empty table expecting about `rows` rows of about `row_bytes` bytes each.
    pub fn with_capacity<S: AsRef<str>>(headers: &[S], rows: usize, row_bytes: usize) -> Self {
        let mut t = Table::new(headers);
        t.text.reserve(rows.saturating_mul(row_bytes));
        t.ends.reserve(rows.saturating_mul(t.headers.len()));
        t.cell_widths.reserve(rows.saturating_mul(t.headers.len()));
        t.styles.reserve(rows);
        t
    }

    /// Number of columns.
    pub fn columns(&self) -> usize {
        self.headers.len()
    }

    /// Number of complete rows.
    pub fn len(&self) -> usize {
        self.styles.len() + self.more.iter().map(Table::len).sum::<usize>()
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The table of `items`, one or more rows each written by `row`, built in parallel in
    /// chunks (each with its own `S`, for words made once per chunk); the same text as a serial
    /// build.
    pub fn par_build<T: Sync, S, H: AsRef<str> + Sync>(
        headers: &[H],
        items: &[T],
        state: impl Fn() -> S + Sync,
        row: impl Fn(&mut Table, &mut S, &T) + Sync,
    ) -> Table {
        Self::par_build_warm(headers, items, |_| 0, state, row)
    }

    /// [`Table::par_build`] that reads each run of items through `touch` before building their
    /// rows ([`super::warmed`]).
    pub fn par_build_warm<T: Sync, S, H: AsRef<str> + Sync>(
        headers: &[H],
        items: &[T],
        touch: impl Fn(&T) -> usize + Sync,
        state: impl Fn() -> S + Sync,
        row: impl Fn(&mut Table, &mut S, &T) + Sync,
    ) -> Table {
        use rayon::prelude::*;
        const CHUNK: usize = 4096;
        let mut parts: Vec<Table> = items
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut t = Table::with_capacity(headers, chunk.len(), 160);
                let mut s = state();
                super::warmed(chunk, &touch, |item| row(&mut t, &mut s, item));
                t
            })
            .collect();
        let mut first = if parts.is_empty() {
            Table::new(headers)
        } else {
            parts.remove(0)
        };
        for p in &parts {
            for (w, pw) in first.widths.iter_mut().zip(&p.widths) {
                *w = (*w).max(*pw);
            }
        }
        first.more = parts;
        first
    }

    /// Appends the next cell of the current row.
    pub fn cell(&mut self, value: impl fmt::Display) -> &mut Self {
        let start = self.text.len();
        let _ = write!(self.text, "{value}");
        // Printable ASCII: nothing to escape, one column a byte.
        if self.text.as_bytes()[start..]
            .iter()
            .all(|b| (0x20..0x7f).contains(b))
        {
            let w = self.text.len() - start;
            return self.end_cell(w);
        }
        // Norwegian text: one column a character and nothing to escape, seen in one pass.
        let mut columns = 0;
        if self.text[start..].chars().all(|c| {
            columns += 1;
            one_column(c)
        }) {
            return self.end_cell(columns);
        }
        if self.text[start..]
            .chars()
            .any(|c| crate::terminal::is_unsafe(c) || c == '\n')
        {
            let raw = self.text.split_off(start);
            push_clean(&mut self.text, &raw);
        }
        let w = width(&self.text[start..]);
        self.end_cell(w)
    }

    /// Ends the cell just written, `w` columns wide.
    fn end_cell(&mut self, w: usize) -> &mut Self {
        let col = self.in_row;
        if col < self.widths.len() {
            self.widths[col] = self.widths[col].max(w);
        }
        self.cell_widths.push(u16::try_from(w).unwrap_or(u16::MAX));
        self.ends
            .push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
        self.in_row += 1;
        self
    }

    /// Appends a date cell (`2026-11-23`).
    pub fn date(&mut self, date: chrono::NaiveDate) -> &mut Self {
        let start = self.text.len();
        super::push_date(&mut self.text, date);
        let w = self.text.len() - start;
        self.end_cell(w)
    }

    /// Appends a text cell. Printable ASCII (most cells) is copied as it is, one column a byte;
    /// anything else goes the way of [`Table::cell`].
    pub fn text(&mut self, value: &str) -> &mut Self {
        if value.bytes().all(|b| (0x20..0x7f).contains(&b)) {
            self.text.push_str(value);
            return self.end_cell(value.len());
        }
        self.cell(value)
    }

    /// Ends the current row (missing cells are empty), painted with `style` if given.
    pub fn end_row(&mut self, style: Option<Style>) {
        while self.in_row < self.columns() {
            self.cell("");
        }
        self.in_row = 0;
        self.styles.push(style);
    }

    /// Adds a whole row of cells.
    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) {
        for c in cells {
            self.text(c.as_ref());
        }
        self.end_row(None);
    }

    /// The cells of `row`, each with its width.
    fn cells(&self, row: usize) -> impl Iterator<Item = (&str, usize)> {
        let n = self.columns();
        let first = row * n;
        (first..first + n).map(move |i| {
            let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
            let cell = &self.text[start..self.ends[i] as usize];
            let w = match self.cell_widths[i] {
                u16::MAX => width(cell),
                w => usize::from(w),
            };
            (cell, w)
        })
    }

    /// Column widths narrowed so a line fits in `max` columns: the widest column gives up a
    /// column at a time, none below 6 (or its header).
    fn fitted(&self, max: Option<usize>) -> Vec<usize> {
        debug_assert!(
            self.more
                .iter()
                .all(|p| p.widths.len() == self.widths.len())
        );
        let mut widths = self.widths.clone();
        let Some(max) = max else { return widths };
        let total = |w: &[usize]| w.iter().map(|w| w + 3).sum::<usize>().saturating_sub(1);
        while total(&widths) > max {
            let Some((i, w)) = widths
                .iter()
                .copied()
                .enumerate()
                .max_by_key(|(i, w)| (*w, std::cmp::Reverse(*i)))
            else {
                break;
            };
            if w <= 6 {
                break;
            }
            widths[i] = w - 1;
        }
        widths
    }

    /// Writes the table; with `max_width`, fitted to that many columns (a terminal's width).
    pub fn write_to(&self, out: &mut impl Write, max_width: Option<usize>) -> io::Result<()> {
        if self.columns() == 0 {
            return out.write_all(b"\n");
        }
        let widths = self.fitted(max_width);
        let mut line = String::with_capacity(256);
        line_of(
            &mut line,
            self.headers.iter().map(|h| (h.as_str(), width(h))),
            &widths,
        );
        out.write_all(line.as_bytes())?;
        line.clear();
        for (i, w) in widths.iter().enumerate() {
            if i > 0 {
                line.push(' ');
            }
            for _ in 0..w + 2 {
                line.push('─');
            }
        }
        line.push('\n');
        out.write_all(line.as_bytes())?;
        if self.more.is_empty() {
            return self.write_rows(out, &widths, &mut line);
        }
        // A table built in parts: each part's lines are made in parallel, a window of parts at
        // a time, and written in order.
        use rayon::prelude::*;
        let parts: Vec<&Table> = std::iter::once(self).chain(&self.more).collect();
        for window in parts.chunks(8) {
            let texts: Vec<io::Result<Vec<u8>>> = window
                .par_iter()
                .map(|part| {
                    let mut text = Vec::with_capacity(part.text.len() + part.ends.len() * 4);
                    part.write_rows(&mut text, &widths, &mut String::with_capacity(256))?;
                    Ok(text)
                })
                .collect();
            for text in texts {
                out.write_all(&text?)?;
            }
        }
        Ok(())
    }

    fn write_rows(
        &self,
        out: &mut impl Write,
        widths: &[usize],
        line: &mut String,
    ) -> io::Result<()> {
        for (r, style) in self.styles.iter().enumerate() {
            line.clear();
            line_of(line, self.cells(r), widths);
            match style {
                Some(style) => {
                    let body = line.trim_end_matches('\n');
                    writeln!(out, "{}{body}\x1b[0m", style.render())?;
                }
                None => out.write_all(line.as_bytes())?,
            }
        }
        Ok(())
    }

    /// The table as a string (small tables, tests).
    pub fn render(&self, max_width: Option<usize>) -> String {
        let mut out = Vec::new();
        let _ = self.write_to(&mut out, max_width);
        String::from_utf8(out).unwrap_or_default()
    }
}

/// One line: each cell framed by a space on either side, columns one space apart, padded to
/// the column's width, trailing spaces left out.
fn line_of<'a>(line: &mut String, cells: impl Iterator<Item = (&'a str, usize)>, widths: &[usize]) {
    let mut pending = 0usize;
    for (i, ((cell, cell_w), &w)) in cells.zip(widths).enumerate() {
        pending += usize::from(i > 0) + 1;
        let (shown, shown_w) = if cell_w > w {
            (cut(cell, w), w)
        } else {
            (std::borrow::Cow::Borrowed(cell), cell_w)
        };
        let body = shown.trim_end_matches(' ');
        let trailing = shown.len() - body.len();
        if !body.is_empty() {
            push_spaces(line, pending);
            line.push_str(body);
            pending = 0;
        }
        pending += trailing + (w - shown_w) + 1;
    }
    line.push('\n');
}

/// Appends `n` spaces.
fn push_spaces(line: &mut String, mut n: usize) {
    const SPACES: &str = "                                                                ";
    while n > 0 {
        let k = n.min(SPACES.len());
        line.push_str(&SPACES[..k]);
        n -= k;
    }
}

/// `s` cut to `w` columns, its last one `…`.
fn cut(s: &str, w: usize) -> std::borrow::Cow<'_, str> {
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw + 1 > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push('…');
    // Pad with spaces where a wide character left a gap.
    out.extend(std::iter::repeat_n(' ', w.saturating_sub(used + 1)));
    out.into()
}

/// The width of the terminal on standard output, if it is one (for fitting tables).
pub fn terminal_width() -> Option<usize> {
    use std::io::IsTerminal;
    if !io::stdout().is_terminal() {
        return None;
    }
    #[cfg(unix)]
    {
        // SAFETY: an all-zero winsize is valid; TIOCGWINSZ fills it for a terminal fd.
        let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
        // SAFETY: fd 1 is open (it is a terminal, checked above); ws is a live local.
        let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut ws) } == 0;
        if ok && ws.ws_col > 0 {
            return Some(usize::from(ws.ws_col));
        }
    }
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok())
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_column_characters_are_one_column_to_unicode_width() {
        use unicode_width::UnicodeWidthChar;
        for c in (' '..='\u{ff}').chain("–—‘’“”…".chars()) {
            if super::one_column(c) {
                assert_eq!(c.width(), Some(1), "{c:?}");
                assert_eq!(c.to_string().width(), 1, "{c:?}");
            }
        }
        for s in [
            "Følg opp – blodprøver",
            "Ærlig «sitat» …",
            "Åse · Øystein",
            "ﬁ 日本",
            "e\u{301}",
        ] {
            assert_eq!(super::width(s), s.width(), "{s}");
        }
    }

    use super::*;

    fn comfy(headers: &[&str], rows: &[Vec<&str>]) -> String {
        super::super::comfy_table(headers, rows)
    }

    #[test]
    fn same_text_as_comfy_table() {
        let headers = ["frist", "igjen", "sak", "pasient", "merknad"];
        let rows = vec![
            vec!["2026-11-11", "12 dager på overtid", "lu-0077", "E.J.", ""],
            vec![
                "2026-11-24",
                "i morgen",
                "te-1",
                "Å.Ø.",
                "strengeste frist  ",
            ],
            vec!["", "", "", "", ""],
            vec!["2026-11-24", "", "x", "", "møte – før"],
        ];
        let mut t = Table::new(&headers);
        for r in &rows {
            t.row(r);
        }
        assert_eq!(t.render(None), comfy(&headers, &rows));
    }

    #[test]
    fn a_parallel_build_writes_what_a_serial_one_does() {
        let items: Vec<usize> = (0..10_000).collect();
        let mut serial = Table::new(&["n", "tekst"]);
        for i in &items {
            serial.cell(i);
            serial.text(&"x".repeat(i % 17));
            serial.end_row(None);
        }
        let par = Table::par_build(
            &["n", "tekst"],
            &items,
            || (),
            |t, _, i| {
                t.cell(i);
                t.text(&"x".repeat(i % 17));
                t.end_row(None);
            },
        );
        assert_eq!(par.len(), 10_000);
        assert_eq!(par.render(None), serial.render(None));
    }

    #[test]
    fn control_characters_and_line_breaks_are_escaped() {
        let mut t = Table::new(&["a"]);
        t.row(&["x\u{1b}[31my\nz"]);
        assert!(t.render(None).contains("x\\u{1b}[31my\\u{a}z"));
        // Norwegian text with a control character, and with a bidirectional override, written
        // through `cell`: escaped, and the columns after them counted on the escaped text.
        let mut t = Table::new(&["a", "b"]);
        t.cell("Åse\u{1b}ø").cell("z");
        t.end_row(None);
        t.cell("Ærlig\u{202e}").cell("y");
        t.end_row(None);
        t.cell("Kåre Ødegård").cell("x");
        t.end_row(None);
        let text = t.render(None);
        assert!(text.contains(" Åse\\u{1b}ø      z\n"), "{text}");
        assert!(text.contains(" Ærlig\\u{202e}   y\n"), "{text}");
        assert!(text.contains(" Kåre Ødegård    x\n"), "{text}");
    }

    /// A cell wider than a width is kept for (65,535 columns) is measured again where it is
    /// drawn: the next column still lines up.
    #[test]
    fn a_cell_wider_than_a_kept_width_is_measured_again() {
        let wide = "æ".repeat(70_000);
        let mut t = Table::new(&["a", "b"]);
        t.row(&[wide.as_str(), "y"]);
        t.row(&["x", "z"]);
        let text = t.render(None);
        assert!(text.contains(&format!(" {wide}   y\n")), "wide row");
        assert!(
            text.contains(&format!(" x{}   z\n", " ".repeat(69_999))),
            "short row"
        );
    }

    #[test]
    fn a_narrow_terminal_cuts_the_widest_column() {
        let mut t = Table::new(&["sak", "hva"]);
        t.row(&["te-1", "Henvisning mottatt – første fremmøte"]);
        let text = t.render(Some(30));
        assert!(text.lines().all(|l| l.width() <= 30), "{text}");
        assert!(text.contains('…'));
    }

    #[test]
    fn painted_rows_are_wrapped_in_the_style() {
        let mut t = Table::new(&["a"]);
        t.text("b");
        t.end_row(Some(OVERDUE));
        assert_eq!(t.render(None), " a\n───\n\x1b[31m b\x1b[0m\n");
    }
}
