//! Diagnostics: what `check` reports, located by file, line and column.

use std::borrow::Cow;
use std::ops::Range;

use crate::i18n::{Lang, Msg, Word};

/// A position in a source file: 1-based line and column (columns counted in characters), and the
/// length in characters of the marked text on that line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Loc {
    pub line: u32,
    pub col: u32,
    pub len: u32,
}

/// A byte range in a source file, kept in the model; turned into a [`Loc`] only when a
/// diagnostic needs one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            start: clamp(r.start),
            end: clamp(r.end),
        }
    }
}

impl Span {
    /// The byte range.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Byte offsets of line starts, to turn byte spans into [`Loc`]s.
#[derive(Debug)]
pub struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    /// Indexes `text` (already stripped of a byte-order mark).
    pub fn new(text: &'t str) -> Self {
        // Counted first: made room for once, not grown line by line (a check of 100,000 files
        // indexes each file with a warning).
        let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count();
        let mut starts = Vec::with_capacity(lines + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { text, starts }
    }

    /// The location of a byte span; the length is clipped to the end of its first line.
    pub fn loc(&self, span: Range<usize>) -> Loc {
        let start = floor_char_boundary(self.text, span.start.min(self.text.len()));
        let line = self.starts.partition_point(|&s| s <= start) - 1;
        let line_start = self.starts[line];
        let col = self.text[line_start..start].chars().count() + 1;
        let end = floor_char_boundary(self.text, span.end.clamp(start, self.text.len()));
        let line_text = self.line_text(line);
        let line_end = line_start + line_text.len();
        let len = self.text[start..end.min(line_end).max(start)]
            .chars()
            .count();
        Loc {
            line: line as u32 + 1,
            col: col as u32,
            len: len.max(1) as u32,
        }
    }

    /// The text of 0-based line `line`, without its line ending.
    fn line_text(&self, line: usize) -> &'t str {
        let start = self.starts[line];
        let end = self
            .starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        let s = &self.text[start..end];
        let s = s.strip_suffix('\n').unwrap_or(s);
        s.strip_suffix('\r').unwrap_or(s)
    }

    /// The text of the 1-based line of `loc`.
    pub fn source_line(&self, loc: Loc) -> Option<String> {
        let line = (loc.line as usize).checked_sub(1)?;
        (line < self.starts.len()).then(|| self.line_text(line).to_string())
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// How bad a diagnostic is: errors make `check` exit 1, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// The stable name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the register root, with `/` separators.
    pub file: String,
    /// Where in the file; `None` for problems with the file as a whole.
    pub loc: Option<Loc>,
    /// The source line at `loc`, for the snippet.
    pub source_line: Option<String>,
    /// What the snippet shows of the source line under redaction, where that was worked out
    /// while the file's text was at hand.
    pub line_mask: LineMask,
    pub msg: Msg,
}

/// What a diagnostic's source line shows under redaction. The loader works it out for a case
/// file's diagnostics while it holds the file's text (forlop.toml `redact`), so that `check`
/// need not read back each file it shows a line of (on a busy register, tens of thousands).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum LineMask {
    /// Not worked out: the renderer masks the line with the identity values it is given.
    #[default]
    Unknown,
    /// Masking leaves the line as it is.
    Clean,
    /// The line with its identity values masked.
    Masked(String),
}

impl Diagnostic {
    /// The sort key: file, then position, then severity.
    pub fn sort_key(&self) -> (&str, u32, u32, Severity) {
        let loc = self.loc.unwrap_or_default();
        (&self.file, loc.line, loc.col, self.severity)
    }
}

/// Sorts diagnostics by file and position and removes exact duplicates.
pub fn sort(diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diags.dedup();
}

/// The most problems listed for one file (a file of three million unknown keys would otherwise
/// take gigabytes to report).
pub const MAX_PER_FILE: usize = 200;

/// Collects diagnostics for one file while it is parsed and checked. The line index is built
/// only when the first diagnostic needs it.
pub struct Sink<'t> {
    pub file: &'t str,
    text: &'t str,
    lines: std::cell::OnceCell<LineIndex<'t>>,
    pub diags: Vec<Diagnostic>,
    /// Byte ranges of syntax errors: the parser recovered around them, and a later problem at
    /// the same place is the same problem, already reported.
    syntax: Vec<Range<usize>>,
    /// Warnings are not collected (see [`Sink::skip_warnings`]).
    errors_only: bool,
}

impl<'t> Sink<'t> {
    /// A sink for `file` (register-relative) whose parsed text is `text`.
    pub fn new(file: &'t str, text: &'t str) -> Self {
        Sink {
            file,
            text,
            lines: std::cell::OnceCell::new(),
            diags: Vec::new(),
            syntax: Vec::new(),
            errors_only: false,
        }
    }

    /// From now on, warnings are dropped as they are reported: for a load whose output shows
    /// only errors.
    pub fn skip_warnings(&mut self) {
        self.errors_only = true;
    }

    /// Records a syntax error's range: problems found later at that place are not reported
    /// again.
    pub fn syntax_error_at(&mut self, range: Range<usize>) {
        self.syntax.push(range);
    }

    /// Whether warnings are kept (not dropped as reported, [`Sink::skip_warnings`]).
    pub fn keeps_warnings(&self) -> bool {
        !self.errors_only
    }

    /// Whether the file had syntax errors (its tree is the parser's best recovery).
    pub fn had_syntax_errors(&self) -> bool {
        !self.syntax.is_empty()
    }

    /// Whether `span` touches a syntax error already reported.
    fn at_syntax_error(&self, span: Span) -> bool {
        let s = span.range();
        self.syntax
            .iter()
            .any(|r| s.start <= r.end && r.start <= s.end)
    }

    fn index(&self) -> &LineIndex<'t> {
        self.lines.get_or_init(|| LineIndex::new(self.text))
    }

    /// The location of a span.
    pub fn loc(&self, span: Span) -> Loc {
        self.index().loc(span.range())
    }

    /// The 1-based line of a span.
    pub fn line(&self, span: Span) -> u32 {
        self.loc(span).line
    }

    /// Reports a problem at a span. After [`MAX_PER_FILE`] problems the file's list ends with
    /// one that says so: memory stays proportional whatever one file holds.
    pub fn at(&mut self, severity: Severity, span: Span, msg: Msg) {
        if self.errors_only && severity == Severity::Warning {
            return;
        }
        if self.at_syntax_error(span) {
            return;
        }
        if self.diags.len() > MAX_PER_FILE {
            return;
        }
        if self.diags.len() == MAX_PER_FILE {
            self.diags.push(Diagnostic {
                severity: Severity::Warning,
                file: self.file.to_string(),
                loc: None,
                source_line: None,
                line_mask: LineMask::Unknown,
                msg: Msg::TooManyProblems {
                    shown: MAX_PER_FILE,
                },
            });
            return;
        }
        let loc = self.loc(span);
        let source_line = self.index().source_line(loc);
        self.diags.push(Diagnostic {
            severity,
            file: self.file.to_string(),
            loc: Some(loc),
            source_line,
            line_mask: LineMask::Unknown,
            msg,
        });
    }

    /// Reports an error at a span.
    pub fn error(&mut self, span: Span, msg: Msg) {
        self.at(Severity::Error, span, msg);
    }

    /// Reports a warning at a span.
    pub fn warn(&mut self, span: Span, msg: Msg) {
        self.at(Severity::Warning, span, msg);
    }

    /// Whether any error was reported.
    pub fn has_errors(&self) -> bool {
        self.diags.iter().any(|d| d.severity == Severity::Error)
    }
}

/// Renders one diagnostic the way a compiler does:
///
/// ```text
/// cases/2026/te-0142.toml:7:1: feil: ukjent nøkkel `milstone` [F1001]
///   |
/// 7 | milstone = "referral"
///   | ^^^^^^^^
///   = tips: mente du `milestone`?
/// ```
pub fn render_human(d: &Diagnostic, lang: Lang, color: bool) -> String {
    render_human_masked(d, lang, color, None)
}

/// [`render_human`] under redaction when `mask` is given: identity values (SPEC §3: every
/// `[patient]` value of the case and any run of 11 digits) are masked in the source line shown.
/// Control characters from the file are never printed raw.
pub fn render_human_masked(
    d: &Diagnostic,
    lang: Lang,
    color: bool,
    mask: Option<&[String]>,
) -> String {
    let mut out = String::new();
    write_human(&mut out, d, lang, color, mask);
    out
}

/// [`render_human_masked`] appended to `out`: what `check` uses to render many diagnostics into
/// one buffer without a string of its own for each.
pub fn write_human(
    out: &mut String,
    d: &Diagnostic,
    lang: Lang,
    color: bool,
    mask: Option<&[String]>,
) {
    use std::fmt::Write;
    const RESET: &str = "\x1b[0m";
    const BLUE: &str = "\x1b[1;34m";
    let (sev_word, sev_style) = match d.severity {
        Severity::Error => (Word::Error.text(lang), "\x1b[1;31m"),
        Severity::Warning => (Word::Warning.text(lang), "\x1b[1;33m"),
    };
    let paint = |out: &mut String, style: &str, s: &str| {
        if color {
            out.push_str(style);
            out.push_str(s);
            out.push_str(RESET);
        } else {
            out.push_str(s);
        }
    };
    // Messages and hints quote keys and values from the file: never a control character raw.
    // `file:line:col: severity: message [code]`
    if color {
        out.push_str("\x1b[1m");
    }
    out.push_str(&crate::terminal::escape_line(&d.file));
    if let Some(loc) = d.loc {
        let _ = write!(out, ":{}:{}", loc.line, loc.col);
    }
    if color {
        out.push_str(RESET);
    }
    out.push_str(": ");
    paint(out, sev_style, &sev_word);
    out.push_str(": ");
    out.push_str(&crate::terminal::escape_line(&d.msg.text(lang)));
    out.push_str(" [");
    out.push_str(d.msg.code());
    out.push_str("]\n");
    let gutter_width = d.loc.map_or(1, |l| digits(l.line));
    let pad = |out: &mut String| out.extend(std::iter::repeat_n(' ', gutter_width));
    if let (Some(loc), Some(line)) = (d.loc, &d.source_line) {
        // Masking changes lengths: the mark then stays on the masked line's same column.
        // A line the loader masked is masked again with any values the caller adds (a write
        // masks with the values the file had before it).
        let masked;
        let line = match (mask, &d.line_mask) {
            (None, _) => line.as_str(),
            (Some([]), LineMask::Clean) => line.as_str(),
            (Some([]), LineMask::Masked(m)) => m.as_str(),
            (Some(values), LineMask::Clean | LineMask::Unknown) => {
                masked = crate::redact::mask(line, values);
                masked.as_str()
            }
            (Some(values), LineMask::Masked(m)) => {
                masked = crate::redact::mask(m, values);
                masked.as_str()
            }
        };
        let (shown, col, len) = window(line, loc.col as usize, loc.len as usize);
        pad(out);
        out.push(' ');
        paint(out, BLUE, "|");
        out.push('\n');
        if color {
            out.push_str(BLUE);
        }
        let _ = write!(out, "{}", loc.line);
        if color {
            out.push_str(RESET);
        }
        out.push(' ');
        paint(out, BLUE, "|");
        out.push(' ');
        out.push_str(&shown);
        out.push('\n');
        pad(out);
        out.push(' ');
        paint(out, BLUE, "|");
        out.push(' ');
        out.extend(std::iter::repeat_n(' ', col.saturating_sub(1)));
        if color {
            out.push_str(sev_style);
        }
        out.extend(std::iter::repeat_n('^', len.max(1)));
        if color {
            out.push_str(RESET);
        }
        out.push('\n');
    }
    if let Some(hint) = d.msg.hint(lang) {
        pad(out);
        out.push(' ');
        paint(out, BLUE, "=");
        out.push(' ');
        out.push_str(&Word::Hint.text(lang));
        out.push_str(": ");
        out.push_str(&crate::terminal::escape_line(&hint));
        out.push('\n');
    }
}

/// The number of decimal digits of `n`.
fn digits(n: u32) -> usize {
    n.checked_ilog10().map_or(1, |l| l as usize + 1)
}

/// The longest source line shown whole; longer ones are cut around the column.
const MAX_SHOWN: usize = 100;

/// The part of `line` to show, the 1-based column of the mark in it and the mark's length:
/// tabs become spaces, other control characters their picture (`␛`, one column each, so the
/// mark stays aligned), and a long line is cut to a window around the column, with ellipses.
fn window(line: &str, col: usize, len: usize) -> (Cow<'_, str>, usize, usize) {
    // Most lines are short and plain: shown as they are (a byte count bounds the characters).
    if line.len() <= MAX_SHOWN
        && !line
            .chars()
            .any(|c| c == '\t' || c == '\n' || crate::terminal::is_unsafe(c))
    {
        return (Cow::Borrowed(line), col, len);
    }
    let chars: Vec<char> = line
        .chars()
        .map(|c| match c {
            '\t' => ' ',
            c if crate::terminal::is_unsafe(c) || c == '\n' => crate::terminal::picture(c),
            c => c,
        })
        .collect();
    if chars.len() <= MAX_SHOWN {
        return (Cow::Owned(chars.into_iter().collect()), col, len);
    }
    let start = col
        .saturating_sub(MAX_SHOWN / 2)
        .min(chars.len().saturating_sub(MAX_SHOWN));
    let end = (start + MAX_SHOWN).min(chars.len());
    let mut shown = String::new();
    let mut offset = 0;
    if start > 0 {
        shown.push('…');
        offset = 1;
    }
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push('…');
    }
    let new_col = col - start + offset;
    let new_len = len.min(end.saturating_sub(col.saturating_sub(1)).max(1));
    (Cow::Owned(shown), new_col, new_len)
}

/// One diagnostic as `check --format json` lists it (SPEC.md §3): lines and columns 1-based.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct DiagnosticRow<'a> {
    pub severity: &'static str,
    pub file: &'a str,
    pub line: u32,
    pub column: u32,
    pub message: String,
}

/// The JSON row of one diagnostic, its message in `lang`.
pub fn row(d: &Diagnostic, lang: Lang) -> DiagnosticRow<'_> {
    let loc = d.loc.unwrap_or(Loc {
        line: 1,
        col: 1,
        len: 1,
    });
    DiagnosticRow {
        severity: d.severity.as_str(),
        file: &d.file,
        line: loc.line,
        column: loc.col,
        message: d.msg.text(lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "name = \"Åse\"\nfoo = 1\n";
        let idx = LineIndex::new(text);
        let at = text.find("foo").unwrap();
        assert_eq!(
            idx.loc(at..at + 3),
            Loc {
                line: 2,
                col: 1,
                len: 3
            }
        );
        let q = text.find("\"Å").unwrap() + 1;
        let after = text[q..].chars().next().unwrap().len_utf8() + q;
        assert_eq!(idx.loc(after..after + 1).col, 10);
    }

    #[test]
    fn crlf_lines_are_shown_without_carriage_return() {
        let text = "a = 1\r\nb = 2\r\n";
        let idx = LineIndex::new(text);
        let loc = idx.loc(7..8);
        assert_eq!((loc.line, loc.col), (2, 1));
        assert_eq!(idx.source_line(loc).unwrap(), "b = 2");
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let line = format!("x = {}", "[".repeat(5000));
        let (shown, col, len) = window(&line, 2000, 1);
        assert!(shown.chars().count() <= MAX_SHOWN + 2);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(shown.chars().nth(col - 1), Some('['));
        assert_eq!(len, 1);
        let (short, c, _) = window("a\tb", 3, 1);
        assert_eq!((&*short, c), ("a b", 3));
    }

    #[test]
    fn span_past_end_is_clamped() {
        let idx = LineIndex::new("abc");
        assert_eq!(idx.loc(10..20).line, 1);
    }
}
