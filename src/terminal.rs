//! What may reach a terminal: text from the register's files never carries a control character
//! raw (an ESC starts a terminal escape sequence, an OSC can set the window title or a link, a CR
//! overwrites what the line showed). SPEC §3: shown escaped (`\u{1b}`) or replaced.

use std::borrow::Cow;

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
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A whole output as it may reach a terminal: every unsafe control character escaped, except
/// the carriage return of a CRLF line ending (iCalendar and mail are CRLF by their standards).
pub fn escape_output(s: &str) -> Cow<'_, str> {
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
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A writer that passes text on as [`escape_output`] would show it, written piece by piece: a
/// long output streams to the terminal with the same bytes as if it had been escaped whole. A
/// CR at the end of one piece waits for the next (a CRLF stays as it is); so does a character
/// cut between two pieces. [`EscapeWriter::finish`] writes what is left and flushes.
pub struct EscapeWriter<W: std::io::Write> {
    inner: W,
    /// The end of the previous piece that needs the next one to be decided.
    pending: Vec<u8>,
}

/// The bytes [`EscapeWriter`] must look at: C0 controls (CR, line feed and tab among them), DEL,
/// and the lead bytes of the C1 controls (`C2`) and of the bidirectional overrides (`E2`).
static ATTENTION: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[0x7f] = true;
    t[0xc2] = true;
    t[0xe2] = true;
    t
};

/// The eight bytes of `buf` from `i`, as one word.
fn word_at(buf: &[u8], i: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&buf[i..i + 8]);
    u64::from_le_bytes(w)
}

/// Whether any byte of `w` is one [`ATTENTION`] marks: below 0x20, or 0x7f, 0xc2 or 0xe2.
fn needs_look(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Some byte is below n (n <= 128): the borrow of subtracting n reaches a byte's top bit
    // only where that byte was below n.
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH != 0;
    let has = |x: u64, b: u64| below(x ^ (ONES * b), 1);
    below(w, 0x20) || has(w, 0x7f) || has(w, 0xc2) || has(w, 0xe2)
}

impl<W: std::io::Write> EscapeWriter<W> {
    pub fn new(inner: W) -> Self {
        EscapeWriter {
            inner,
            pending: Vec::new(),
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
            // Most bytes are plain: skip eight at a time while none needs a look, then one at a
            // time by the byte table.
            while i + 8 <= n && !needs_look(word_at(buf, i)) {
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
                b'\r' | 0xc2 => 2,
                0xe2 => 3,
                _ => 1,
            };
            if i + need > n && !last {
                self.inner.write_all(&buf[start..i])?;
                self.pending = buf[i..].to_vec();
                return Ok(());
            }
            let unsafe_len = match b {
                b'\r' => usize::from(buf.get(i + 1) != Some(&b'\n')),
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
            };
            if unsafe_len == 0 {
                i += 1;
                continue;
            }
            self.inner.write_all(&buf[start..i])?;
            let c = std::str::from_utf8(&buf[i..i + unsafe_len])
                .ok()
                .and_then(|s| s.chars().next())
                .unwrap_or('\u{fffd}');
            write!(self.inner, "\\u{{{:x}}}", c as u32)?;
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
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
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
            }
        }
        for b in 0..=255u8 {
            let w = u64::from_le_bytes([b'a', b'b', b, b'c', b'd', b'e', b'f', b'g']);
            assert_eq!(needs_look(w), ATTENTION[usize::from(b)], "byte {b:#x}");
        }
        let mut w = EscapeWriter::new(Vec::new());
        w.write_all("Åse – ─".as_bytes()).unwrap();
        assert_eq!(w.finish().unwrap(), "Åse – ─".as_bytes());
    }
}
