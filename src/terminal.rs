//! What may reach a terminal: text from the register's files never carries a control character
//! raw (an ESC starts a terminal escape sequence, an OSC can set the window title or a link, a CR
//! overwrites what the line showed). SPEC §3: shown escaped (`\u{1b}`) or replaced. Inside a JSON
//! document the same characters are written as JSON escapes (`\u001b`), which a JSON reader
//! decodes to the same text: serde_json itself leaves DEL, the C1 controls and the
//! bidirectional overrides raw.

use std::borrow::Cow;

/// How an unsafe character is written: `\u{1b}` in the human formats, `\u001b` inside a JSON
/// document (where the Rust form would be an invalid escape). Every unsafe character is at most
/// U+FFFF, so four hex digits always do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Human,
    Json,
}

impl Style {
    /// Writes `c` escaped in this style.
    pub fn push(self, out: &mut String, c: char) {
        use std::fmt::Write;
        let _ = match self {
            Style::Human => write!(out, "\\u{{{:x}}}", c as u32),
            Style::Json => write!(out, "\\u{:04x}", c as u32),
        };
    }

    /// Writes `c` escaped in this style, to a byte writer (the same text as [`Style::push`];
    /// an escaped character is rare).
    fn write(self, out: &mut impl std::io::Write, c: char) -> std::io::Result<()> {
        let mut s = String::new();
        self.push(&mut s, c);
        out.write_all(s.as_bytes())
    }
}

/// Whether `c` is a control character that must not reach a terminal raw (C0 except tab and
/// line feed, DEL, C1, and the Unicode bidirectional overrides that reorder what is shown).
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every unsafe control character written as `\u{1b}`; line feeds and tabs stay.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            Style::Human.push(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A whole output as it may reach a terminal: every unsafe control character escaped, except
/// the carriage return of a CRLF line ending (iCalendar and mail are CRLF by their standards).
pub fn escape_output(s: &str) -> Cow<'_, str> {
    escape_output_in(s, Style::Human)
}

/// A whole JSON document as it may reach a terminal: every unsafe control character written as
/// a JSON escape (`\u202e`), so the document stays valid and reads as the same values. Line feeds
/// between tokens stay as they are.
pub fn escape_json(s: &str) -> Cow<'_, str> {
    escape_output_in(s, Style::Json)
}

/// [`escape_output`] with the escapes written in `style`.
pub fn escape_output_in(s: &str, style: Style) -> Cow<'_, str> {
    let mut chars = s.chars().peekable();
    let unsafe_at =
        |c: char, next: Option<&char>| is_unsafe(c) && !(c == '\r' && next == Some(&'\n'));
    let mut any = false;
    while let Some(c) = chars.next() {
        if unsafe_at(c, chars.peek()) {
            any = true;
            break;
        }
    }
    if !any {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if unsafe_at(c, chars.peek()) {
            style.push(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A writer that passes text on as [`escape_output`] would show it, written piece by piece: a
/// long output streams to the terminal with the same bytes as if it had been escaped whole. A
/// CR at the end of one piece waits for the next (a CRLF stays as it is); so does a character
/// cut between two pieces. [`EscapeWriter::finish`] writes what is left and flushes. Made with
/// [`EscapeWriter::json`], it writes as [`escape_json`] does: for a JSON document.
pub struct EscapeWriter<W: std::io::Write> {
    inner: W,
    style: Style,
    /// Whether the CR of a CRLF passes (a document's line ending); on stderr it never does.
    crlf: bool,
    /// Whether forlop's own colour codes ([`OWN_COLOURS`]) pass: on stderr with colour on.
    colour: bool,
    /// The end of the previous piece that needs the next one to be decided.
    pending: Vec<u8>,
}

/// The colour codes forlop itself writes on stderr (diagnostics, warnings, usage errors): bold,
/// bold red, yellow and blue, and the reset. Nothing else that starts with ESC passes there.
pub const OWN_COLOURS: [&str; 5] = [
    "\x1b[0m",
    "\x1b[1m",
    "\x1b[1;31m",
    "\x1b[1;33m",
    "\x1b[1;34m",
];

/// The longest of [`OWN_COLOURS`], in bytes.
const OWN_COLOUR_MAX: usize = 7;

/// The length of the colour code of forlop's own that `buf` starts with, if it starts with one.
fn own_colour(buf: &[u8]) -> Option<usize> {
    OWN_COLOURS
        .iter()
        .find(|c| buf.starts_with(c.as_bytes()))
        .map(|c| c.len())
}

/// The bytes [`EscapeWriter`] must look at: C0 controls but line feed and tab (CR among them),
/// DEL, and the lead bytes of the C1 controls (`C2`) and of the bidirectional overrides (`E2`).
static ATTENTION: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b != b'\n' as usize && b != b'\t' as usize;
        b += 1;
    }
    t[0x7f] = true;
    t[0xc2] = true;
    t[0xe2] = true;
    t
};

/// The eight bytes of `buf` from `i`, as one word (the first byte lowest).
fn word_at(buf: &[u8], i: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&buf[i..i + 8]);
    u64::from_le_bytes(w)
}

/// The top bit of each byte of `w` that [`ATTENTION`] marks, and of no other: exact per byte
/// (no carry or borrow crosses a byte), so the lowest bit set is the first byte to look at.
fn look_mask(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    // Bytes below n (n <= 0x80): the low seven bits plus 0x80 - n reach the top bit exactly
    // where the byte is at least n, and never carry into the next byte.
    let below = |x: u64, n: u64| !(((x & LOW) + ONES * (0x80 - n)) | x) & HIGH;
    let equal = |b: u8| below(w ^ (ONES * u64::from(b)), 1);
    (below(w, 0x20) & !equal(b'\n') & !equal(b'\t')) | equal(0x7f) | equal(0xc2) | equal(0xe2)
}

/// How many bytes from `i` make a character that must not reach a terminal raw ([`is_unsafe`]),
/// or 0. With `crlf`, a CR before a line feed is a line end, not such a character. The
/// bytes after `buf` are taken to be none (the caller knows whether more will follow).
pub fn unsafe_len(buf: &[u8], i: usize, crlf: bool) -> usize {
    match buf[i] {
        b'\r' if crlf => usize::from(buf.get(i + 1) != Some(&b'\n')),
        b'\n' | b'\t' => 0,
        0x00..=0x1f | 0x7f => 1,
        // C1 controls: U+0080–U+009F.
        0xc2 => match buf.get(i + 1) {
            Some(0x80..=0x9f) => 2,
            _ => 0,
        },
        // The bidirectional overrides: U+202A–U+202E, U+2066–U+2069.
        0xe2 => match (buf.get(i + 1), buf.get(i + 2)) {
            (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9)) => 3,
            _ => 0,
        },
        _ => 0,
    }
}

/// The character the [`unsafe_len`] bytes found make (U+FFFD where they make none).
pub fn unsafe_char(bytes: &[u8]) -> char {
    std::str::from_utf8(bytes)
        .ok()
        .and_then(|s| s.chars().next())
        .unwrap_or('\u{fffd}')
}

impl<W: std::io::Write> EscapeWriter<W> {
    /// A writer for the human formats (`\u{1b}`).
    pub fn new(inner: W) -> Self {
        EscapeWriter {
            inner,
            style: Style::Human,
            crlf: true,
            colour: false,
            pending: Vec::new(),
        }
    }

    /// A writer for a JSON document (`\u001b`, a JSON escape).
    pub fn json(inner: W) -> Self {
        EscapeWriter {
            style: Style::Json,
            ..Self::new(inner)
        }
    }

    /// A writer for standard error (`\u{1b}`): every CR is escaped (forlop writes no CRLF
    /// there, so one can only come from a file or another program), and with `colour` forlop's
    /// own colour codes ([`OWN_COLOURS`]) pass as they are; any other ESC is escaped.
    pub fn stderr(inner: W, colour: bool) -> Self {
        EscapeWriter {
            crlf: false,
            colour,
            ..Self::new(inner)
        }
    }

    /// Writes what is left (a CR at the very end is escaped, as `escape_output` does) and
    /// flushes.
    pub fn finish(mut self) -> std::io::Result<W> {
        let rest = std::mem::take(&mut self.pending);
        self.pass(&rest, true)?;
        self.inner.flush()?;
        Ok(self.inner)
    }

    /// Passes `buf` on, escaping unsafe characters; with `last`, nothing follows it.
    fn pass(&mut self, buf: &[u8], last: bool) -> std::io::Result<()> {
        let n = buf.len();
        let (mut start, mut i) = (0, 0);
        while i < n {
            // Most bytes are plain (line feeds too): skip 32 at a time while none needs a look,
            // then eight at a time, then straight to the first that does; the last few bytes by
            // the byte table.
            while i + 32 <= n
                && (look_mask(word_at(buf, i))
                    | look_mask(word_at(buf, i + 8))
                    | look_mask(word_at(buf, i + 16))
                    | look_mask(word_at(buf, i + 24)))
                    == 0
            {
                i += 32;
            }
            while i + 8 <= n {
                let mask = look_mask(word_at(buf, i));
                if mask != 0 {
                    i += mask.trailing_zeros() as usize / 8;
                    break;
                }
                i += 8;
            }
            if i >= n {
                break;
            }
            if !ATTENTION[usize::from(buf[i])] {
                i += 1;
                continue;
            }
            let b = buf[i];
            // The bytes the next check needs; `None`: not known until the next piece.
            let need = match b {
                b'\r' if self.crlf => 2,
                0xc2 => 2,
                0xe2 => 3,
                0x1b if self.colour => OWN_COLOUR_MAX,
                _ => 1,
            };
            if i + need > n && !last {
                self.inner.write_all(&buf[start..i])?;
                self.pending = buf[i..].to_vec();
                return Ok(());
            }
            if b == 0x1b
                && self.colour
                && let Some(len) = own_colour(&buf[i..])
            {
                i += len;
                continue;
            }
            let unsafe_len = unsafe_len(buf, i, self.crlf);
            if unsafe_len == 0 {
                i += 1;
                continue;
            }
            self.inner.write_all(&buf[start..i])?;
            let c = unsafe_char(&buf[i..i + unsafe_len]);
            self.style.write(&mut self.inner, c)?;
            i += unsafe_len;
            start = i;
        }
        self.inner.write_all(&buf[start..])
    }
}

impl<W: std::io::Write> std::io::Write for EscapeWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        if self.pending.is_empty() {
            return self.pass(buf, false);
        }
        let mut joined = std::mem::take(&mut self.pending);
        joined.extend_from_slice(buf);
        self.pass(&joined, false)
    }

    /// Flushes what has been passed on; a pending CR or cut character stays for the next piece.
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// `s` on one line: line feeds and tabs too are escaped (a table cell, a diagnostic's line).
pub fn escape_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c) || c == '\n') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) || c == '\n' {
            Style::Human.push(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One character in place of an unsafe one, so columns under it stay aligned: the Unicode
/// control picture (`␛` for ESC) where there is one, else `�`.
pub fn picture(c: char) -> char {
    match c as u32 {
        n @ 0..=0x1f => char::from_u32(0x2400 + n).unwrap_or('\u{fffd}'),
        0x7f => '\u{2421}',
        _ => '\u{fffd}',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(
            escape("a\x1b]0;x\x07b\r\0"),
            "a\\u{1b}]0;x\\u{7}b\\u{d}\\u{0}"
        );
        assert_eq!(escape("linje\n\tto"), "linje\n\tto");
        assert_eq!(escape_line("a\nb"), "a\\u{a}b");
        assert!(matches!(escape("Åse"), Cow::Borrowed(_)));
        assert_eq!(picture('\x1b'), '␛');
        assert_eq!(escape_output("a\r\nb\rc\x1b"), "a\r\nb\\u{d}c\\u{1b}");
    }

    #[test]
    fn inside_json_an_unsafe_character_is_a_json_escape_of_the_same_text() {
        use std::io::Write;
        let values = serde_json::json!({
            "a\u{202e}key": ["\u{1b}]0;x\u{7}", "DEL\u{7f}", "C1\u{85}\u{9f}\u{80}", "Åse – ─"],
            "bidi": "\u{202a}\u{202b}\u{202c}\u{202d}\u{202e}\u{2066}\u{2067}\u{2068}\u{2069}\u{2013}",
            "lines": "a\r\nb\tc\n",
        });
        let raw = serde_json::to_string_pretty(&values).unwrap();
        // serde_json leaves these raw: the reason for the JSON style.
        assert!(raw.contains('\u{202e}') && raw.contains('\u{85}') && raw.contains('\u{7f}'));
        let whole = escape_json(&raw).into_owned();
        assert!(!whole.chars().any(is_unsafe), "{whole}");
        assert!(whole.contains("\"a\\u202ekey\""), "{whole}");
        assert!(whole.contains("DEL\\u007f") && whole.contains("C1\\u0085\\u009f\\u0080"));
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&whole).unwrap(),
            values
        );
        // The human style is not JSON; the JSON style changes nothing else.
        assert!(serde_json::from_str::<serde_json::Value>(&escape_output(&raw)).is_err());
        let plain = serde_json::to_string_pretty(&serde_json::json!({"a": ["Åse – ─\n"]})).unwrap();
        assert!(matches!(escape_json(&plain), Cow::Borrowed(_)));
        assert_eq!(escape_json("\r\n\u{1b}"), "\r\n\\u001b");
        // Written piece by piece, every character cut at every place: the same bytes.
        let bytes = whole.as_bytes();
        let bytes_raw = raw.as_bytes();
        for size in 1..=bytes_raw.len() {
            let mut w = EscapeWriter::json(Vec::new());
            for piece in bytes_raw.chunks(size) {
                w.write_all(piece).unwrap();
            }
            assert_eq!(w.finish().unwrap(), bytes, "pieces of {size} bytes");
        }
    }

    #[test]
    fn the_escaping_writer_writes_what_escape_output_gives_however_the_text_is_cut() {
        use std::io::Write;
        let text = "a\r\nb\rc\x1b[31m – ─ å\u{85}x\u{202e}y\u{2066}z\u{2013}\t\n\r\r\n\u{7f}\r";
        let whole = escape_output(text).into_owned();
        let bytes = text.as_bytes();
        for size in 1..=bytes.len() {
            let mut w = EscapeWriter::new(Vec::new());
            for piece in bytes.chunks(size) {
                w.write_all(piece).unwrap();
            }
            let out = String::from_utf8(w.finish().unwrap()).unwrap();
            assert_eq!(out, whole, "pieces of {size} bytes");
        }
        // Long runs of plain text around every kind of byte, at every offset of a word.
        for pad in 0..9 {
            let plain = "Ola Nordmann – Åse ─ x".repeat(3);
            for special in [
                "\x1b", "\r\n", "\r", "\u{85}", "\u{202e}", "\u{2013}", "\u{7f}", "\t\n", "\u{c0}",
            ] {
                let text = format!("{}{plain}{special}{plain}{special}", "p".repeat(pad));
                let mut w = EscapeWriter::new(Vec::new());
                w.write_all(text.as_bytes()).unwrap();
                let out = String::from_utf8(w.finish().unwrap()).unwrap();
                assert_eq!(out, escape_output(&text), "{text:?}");
                let mut w = EscapeWriter::json(Vec::new());
                w.write_all(text.as_bytes()).unwrap();
                let out = String::from_utf8(w.finish().unwrap()).unwrap();
                assert_eq!(out, escape_json(&text), "{text:?}");
            }
        }
        for b in 0..=255u8 {
            let w = u64::from_le_bytes([b'a', b'b', b, b'c', b'd', b'e', b'f', b'g']);
            assert_eq!(look_mask(w) != 0, ATTENTION[usize::from(b)], "byte {b:#x}");
            // Exact at every place of the word, among bytes that need a look and bytes that
            // do not (a borrow or carry would mark a neighbour).
            for at in 0..8 {
                for fill in [b'a', 0x00, 0x0a, 0x1f, 0x20, 0x7f, 0x80, 0xc2, 0xe2, 0xff] {
                    let mut bytes = [fill; 8];
                    bytes[at] = b;
                    let want = bytes.iter().enumerate().fold(0u64, |m, (k, &x)| {
                        m | (u64::from(ATTENTION[usize::from(x)]) << (8 * k + 7))
                    });
                    assert_eq!(look_mask(u64::from_le_bytes(bytes)), want, "{bytes:x?}");
                }
            }
        }
        let mut w = EscapeWriter::new(Vec::new());
        w.write_all("Åse – ─".as_bytes()).unwrap();
        assert_eq!(w.finish().unwrap(), "Åse – ─".as_bytes());
    }

    #[test]
    fn on_stderr_only_forlops_own_colours_pass_and_every_cr_is_escaped() {
        use std::io::Write;
        let text = "\x1b[1;31mfeil\x1b[0m: `a\x1b]0;x\x07` \x1b[31mrød\x1b[0m\r\n\x1b[1;3\x1b[1m\u{85}\u{202e}\x1b[1;34m|\x1b[0m\n\x1b[0";
        let coloured = "\x1b[1;31mfeil\x1b[0m: `a\\u{1b}]0;x\\u{7}` \\u{1b}[31mrød\x1b[0m\\u{d}\n\\u{1b}[1;3\x1b[1m\\u{85}\\u{202e}\x1b[1;34m|\x1b[0m\n\\u{1b}[0";
        let plain = "\\u{1b}[1;31mfeil\\u{1b}[0m: `a\\u{1b}]0;x\\u{7}` \\u{1b}[31mrød\\u{1b}[0m\\u{d}\n\\u{1b}[1;3\\u{1b}[1m\\u{85}\\u{202e}\\u{1b}[1;34m|\\u{1b}[0m\n\\u{1b}[0";
        let bytes = text.as_bytes();
        for (colour, want) in [(true, coloured), (false, plain)] {
            for size in 1..=bytes.len() {
                let mut w = EscapeWriter::stderr(Vec::new(), colour);
                for piece in bytes.chunks(size) {
                    w.write_all(piece).unwrap();
                }
                let out = String::from_utf8(w.finish().unwrap()).unwrap();
                assert_eq!(out, want, "colour {colour}, pieces of {size} bytes");
            }
        }
        // Nothing to escape: the same bytes.
        let mut w = EscapeWriter::stderr(Vec::new(), true);
        let own = "forlop: \x1b[1;33madvarsel\x1b[0m: Åse – ─\n\ttips\n";
        w.write_all(own.as_bytes()).unwrap();
        assert_eq!(w.finish().unwrap(), own.as_bytes());
    }
}
