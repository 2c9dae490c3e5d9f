//! The morning mail (`report --format eml`): RFC 5322 headers, a MIME multipart/alternative body
//! with the plain-text report first and the HTML report second, UTF-8 in quoted-printable, CRLF
//! line ends and no line longer than 78 characters — what `sendmail -t` takes as it is.
//!
//! Hand-written (RFC 5322, 2045–2047): a few dozen lines against a crate; the tests parse the
//! result back with `mail-parser`.

use std::fmt::Write as _;

/// Everything the mail carries; the caller has checked the addresses ([`address_ok`]).
#[derive(Clone, Debug)]
pub struct Mail<'a> {
    /// The sender, `addr@host` or `Name <addr@host>`.
    pub from: &'a str,
    /// The recipients, as `from`.
    pub to: &'a [String],
    pub subject: &'a str,
    /// The RFC 5322 date, e.g. `Mon, 23 Nov 2026 06:30:00 +0100`.
    pub date: &'a str,
    /// Without the angle brackets: `id@host`.
    pub message_id: &'a str,
}

/// Whether `address` can go into a header: one line, `addr@host` or `Name <addr@host>`, with an
/// ASCII address part.
pub fn address_ok(address: &str) -> bool {
    if address.chars().any(char::is_control) {
        return false;
    }
    let addr = match (address.find('<'), address.rfind('>')) {
        (Some(a), Some(b)) if a < b && address[b + 1..].trim().is_empty() => &address[a + 1..b],
        (None, None) => address.trim(),
        _ => return false,
    };
    let Some((local, host)) = addr.split_once('@') else {
        return false;
    };
    let plain = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_graphic() && !"<>()[]\\,;:\"@".contains(c))
    };
    plain(local) && plain(host)
}

/// The host part of an address (for the Message-ID), or `localhost`.
pub fn host_of(address: &str) -> &str {
    let addr = address.rsplit('<').next().unwrap_or(address);
    addr.split_once('@')
        .map(|(_, h)| h.trim_end_matches('>').trim())
        .filter(|h| !h.is_empty())
        .unwrap_or("localhost")
}

/// The whole mail, CRLF line ends: the headers, then the plain-text part and the HTML part,
/// each written by `part` (0: text, 1: HTML) as it is made and encoded on the way to `out`.
pub fn write_mail(
    out: &mut dyn std::io::Write,
    m: &Mail<'_>,
    part: &mut dyn FnMut(usize, &mut dyn std::io::Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    // "=_" never occurs in quoted-printable output ('=' is always "=XX" there), so no body line
    // can look like the boundary.
    // Unique per mail (FNV-1a of the Message-ID) and short: RFC 2046 allows 70 characters.
    let hash = m
        .message_id
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    let boundary = format!("=_forlop_{hash:016x}");
    let mut s = String::new();
    header(
        &mut s,
        "From",
        &address_header(std::slice::from_ref(&m.from)),
    );
    header(
        &mut s,
        "To",
        &address_header(&m.to.iter().map(String::as_str).collect::<Vec<_>>()),
    );
    header(
        &mut s,
        "Subject",
        &encode_words(m.subject, "Subject: ".len()),
    );
    header(&mut s, "Date", m.date);
    header(&mut s, "Message-ID", &format!("<{}>", m.message_id));
    header(&mut s, "MIME-Version", "1.0");
    // RFC 3834: no vacation replies to a cron job.
    header(&mut s, "Auto-Submitted", "auto-generated");
    header(
        &mut s,
        "Content-Type",
        &format!("multipart/alternative;\r\n boundary=\"{boundary}\""),
    );
    s.push_str("\r\n");
    out.write_all(s.as_bytes())?;
    for (n, kind) in ["plain", "html"].into_iter().enumerate() {
        write!(
            out,
            "--{boundary}\r\nContent-Type: text/{kind}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        )?;
        // Each part is a human format: a control character from the register is shown escaped
        // (as on a terminal), then the text is encoded.
        let mut qp = QuotedPrintable::escaping(&mut *out);
        part(n, &mut qp)?;
        qp.finish()?;
        out.write_all(b"\r\n")?;
    }
    write!(out, "--{boundary}--\r\n")
}

/// The whole mail with its two parts given as text.
pub fn mail(m: &Mail<'_>, text: &str, html: &str) -> String {
    let mut out = Vec::new();
    let _ = write_mail(&mut out, m, &mut |n, w| {
        w.write_all(if n == 0 { text } else { html }.as_bytes())
    });
    String::from_utf8(out).unwrap_or_default()
}

fn header(s: &mut String, name: &str, value: &str) {
    let _ = write!(s, "{name}: {value}\r\n");
}

/// Addresses for From/To: display names with non-ASCII letters become encoded words; one
/// address per line after the first.
fn address_header(list: &[&str]) -> String {
    list.iter()
        .map(|a| match (a.find('<'), a.rfind('>')) {
            (Some(i), Some(j)) if i < j => {
                let name = a[..i].trim().trim_matches('"');
                let addr = &a[i + 1..j];
                if name.is_empty() {
                    format!("<{addr}>")
                } else if name.is_ascii() && !name.chars().any(|c| "()<>[]:;@\\,.\"".contains(c)) {
                    format!("{name} <{addr}>")
                } else if name.is_ascii() {
                    let quoted = name.replace('\\', "\\\\").replace('"', "\\\"");
                    format!("\"{quoted}\" <{addr}>")
                } else {
                    format!("{} <{addr}>", encode_words(name, 0))
                }
            }
            _ => a.trim().to_string(),
        })
        .collect::<Vec<_>>()
        .join(",\r\n ")
}

/// A header value as RFC 2047 encoded words where it is not plain ASCII (or too long for one
/// line); words are at most 75 characters and folded onto continuation lines. `used` is how much
/// of the first line the header name takes.
pub fn encode_words(text: &str, used: usize) -> String {
    // A control character (a line feed would end the header) is never written as it is.
    if text.bytes().all(|b| (b' '..=b'~').contains(&b))
        && !text.contains("=?")
        && used + text.len() <= 78
    {
        return text.to_string();
    }
    // 40 bytes of text (cut at a character boundary) are 56 base64 characters: a word of 68,
    // under RFC 2047's 75, and "Subject: " and a word fit the 78 of RFC 5322.
    let mut words = Vec::new();
    let mut chunk = String::new();
    for c in text.chars() {
        if chunk.len() + c.len_utf8() > 40 {
            words.push(std::mem::take(&mut chunk));
        }
        chunk.push(c);
    }
    if !chunk.is_empty() {
        words.push(chunk);
    }
    words
        .iter()
        .map(|w| format!("=?UTF-8?B?{}?=", base64(w.as_bytes())))
        .collect::<Vec<_>>()
        .join("\r\n ")
}

/// Standard base64 with padding (RFC 4648).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Quoted-printable (RFC 2045 §6.7) of UTF-8 text: line ends become CRLF, lines are cut with
/// soft breaks so none is longer than 76 characters, and no encoded byte is split.
pub fn quoted_printable(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len() + text.len() / 8);
    let mut qp = QuotedPrintable::new(&mut out);
    let _ = std::io::Write::write_all(&mut qp, text.as_bytes());
    let _ = qp.finish();
    String::from_utf8(out).unwrap_or_default()
}

/// A writer that passes text on as [`quoted_printable`] encodes it: the text is gathered, and
/// each [`BATCH`] of whole lines is encoded in parallel pieces and written in order;
/// [`QuotedPrintable::finish`] encodes the rest. [`QuotedPrintable::escaping`] also escapes
/// every control character as [`crate::terminal::escape_output`] does.
pub struct QuotedPrintable<W: std::io::Write> {
    inner: W,
    /// The text not yet encoded.
    pending: Vec<u8>,
    /// Whether control characters are escaped before the text is encoded.
    escape: bool,
}

impl<W: std::io::Write> QuotedPrintable<W> {
    pub fn new(inner: W) -> Self {
        QuotedPrintable {
            inner,
            pending: Vec::new(),
            escape: false,
        }
    }

    /// A writer that escapes control characters (a human format's text) before encoding.
    pub fn escaping(inner: W) -> Self {
        QuotedPrintable {
            escape: true,
            ..Self::new(inner)
        }
    }

    /// Encodes what is left; the text after the last line feed is a line without a line end.
    pub fn finish(mut self) -> std::io::Result<W> {
        self.encode_lines()?;
        let rest = std::mem::take(&mut self.pending);
        let mut encoded = Vec::with_capacity(rest.len() + rest.len() / 4);
        encode_line(&rest, &mut encoded, self.escape, true);
        self.inner.write_all(&encoded)?;
        Ok(self.inner)
    }

    /// Encodes and writes the whole lines gathered, keeping what follows the last line feed.
    fn encode_lines(&mut self) -> std::io::Result<()> {
        let Some(last) = memchr::memrchr(b'\n', &self.pending) else {
            return Ok(());
        };
        for piece in encode_lines(&self.pending[..=last], self.escape) {
            self.inner.write_all(&piece)?;
        }
        self.pending.drain(..=last);
        Ok(())
    }
}

/// How much text is gathered before its whole lines are encoded.
const BATCH: usize = 512 * 1024;

/// The size of the pieces a batch is encoded in, in parallel: encoded, a piece is larger than
/// the standard output's buffer, so it is written without a copy.
const PIECE: usize = 64 * 1024;

/// Where the run of bytes from `start` that quoted-printable writes as they are ends: printable
/// ASCII but '=', and tab. Eight bytes at a time while all of them are printable ASCII.
fn literal_run(bytes: &[u8], start: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Some byte is below n (n <= 128): the borrow of subtracting n reaches a byte's top bit
    // only where that byte was below n.
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH != 0;
    let mut i = start;
    while let Some(word) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        // Not below ' ', no top bit (DEL and above: 0x7f + 1 sets it), no '='.
        if below(w, 0x20) || (w.wrapping_add(ONES) | w) & HIGH != 0 || below(w ^ (ONES * 0x3d), 1) {
            break;
        }
        i += 8;
    }
    i + bytes[i..]
        .iter()
        .position(|&b| !(b == b'\t' || (b' '..=b'~').contains(&b)) || b == b'=')
        .unwrap_or(bytes.len() - i)
}

/// Appends one line (without its line feed) encoded; a CR before the line feed is dropped.
///
/// Runs of bytes that stand for themselves are copied a slice at a time: a report is mostly
/// plain ASCII, so the mail costs little more than its two parts.
///
/// With `escape`, a control character is written as a terminal shows it (`\u{1b}`, as
/// [`crate::terminal::escape_output`] writes it) instead of being encoded: every one of them is a
/// byte the encoder looks at one by one anyway. At the end of the text (`ends_text`, no line
/// feed after it) a CR is such a character too.
fn encode_line(line: &[u8], out: &mut Vec<u8>, escape: bool, ends_text: bool) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let bytes = if escape && ends_text {
        line
    } else {
        line.strip_suffix(b"\r").unwrap_or(line)
    };
    let n = bytes.len();
    let mut width = 0;
    let mut i = 0;
    // Before a byte written as it is, `last` when it ends the line: it fits while the line is
    // under 75 characters, so that a soft break ("=") still fits after it; the line's last byte
    // may take the 76th.
    let break_before_literal = |out: &mut Vec<u8>, width: &mut usize, last: bool| {
        if *width >= 75 && !(*width == 75 && last) {
            out.extend_from_slice(b"=\r\n");
            *width = 0;
        }
    };
    while i < n {
        // The run of literal bytes from i: printable ASCII but '=', and space and tab where they
        // do not end the line (a line's trailing white space is encoded).
        let mut end = literal_run(bytes, i);
        if end == n && matches!(bytes[n - 1], b' ' | b'\t') {
            end -= 1;
        }
        while i < end {
            break_before_literal(out, &mut width, i + 1 == n);
            let take = (end - i).min(75usize.saturating_sub(width).max(1));
            out.extend_from_slice(&bytes[i..i + take]);
            width += take;
            i += take;
        }
        if i >= n {
            break;
        }
        let unsafe_len = if escape {
            crate::terminal::unsafe_len(bytes, i, true)
        } else {
            0
        };
        if unsafe_len > 0 {
            // Shown escaped: `\u{…}`, every byte of it a literal.
            let mut shown = String::new();
            let c = crate::terminal::unsafe_char(&bytes[i..i + unsafe_len]);
            crate::terminal::Style::Human.push(&mut shown, c);
            let ends_line = i + unsafe_len == n;
            for (k, &b) in shown.as_bytes().iter().enumerate() {
                break_before_literal(out, &mut width, ends_line && k + 1 == shown.len());
                out.push(b);
                width += 1;
            }
            i += unsafe_len;
            continue;
        }
        // One byte written as "=XX"; it is the last of the line or not a literal.
        let b = bytes[i];
        let room = if i + 1 == n { 76 } else { 75 };
        if width + 3 > room {
            out.extend_from_slice(b"=\r\n");
            width = 0;
        }
        out.extend_from_slice(&[b'=', HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]);
        width += 3;
        i += 1;
    }
}

/// Complete lines (`text` ends with a line feed), each encoded and ended with CRLF: in
/// parallel pieces of whole lines, in order; with `escape`, control characters escaped.
fn encode_lines(text: &[u8], escape: bool) -> Vec<Vec<u8>> {
    use rayon::prelude::*;
    let mut pieces = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let cut = rest.len().min(PIECE);
        let end = memchr::memchr(b'\n', &rest[cut - 1..]).map_or(rest.len(), |i| cut + i);
        pieces.push(&rest[..end]);
        rest = &rest[end..];
    }
    pieces
        .par_iter()
        .map(|&piece| {
            let mut out = Vec::with_capacity(piece.len() + piece.len() / 4);
            // Every line of the piece ends with a line feed, the last one too.
            let mut start = 0;
            for end in memchr::memchr_iter(b'\n', piece) {
                encode_line(&piece[start..end], &mut out, escape, false);
                out.extend_from_slice(b"\r\n");
                start = end + 1;
            }
            out
        })
        .collect()
}

impl<W: std::io::Write> std::io::Write for QuotedPrintable<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        // A write of more than a piece (a chunk of a long table) is encoded where it is, not
        // gathered: what is gathered, completed by the write's first line, first.
        if buf.len() >= PIECE
            && let Some(last) = memchr::memrchr(b'\n', buf)
        {
            let first = memchr::memchr(b'\n', buf).unwrap_or(last);
            self.pending.extend_from_slice(&buf[..=first]);
            self.encode_lines()?;
            for piece in encode_lines(&buf[first + 1..=last], self.escape) {
                self.inner.write_all(&piece)?;
            }
            self.pending.extend_from_slice(&buf[last + 1..]);
            return Ok(());
        }
        self.pending.extend_from_slice(buf);
        // Only a write that ends a line can make a batch to encode: a long line written in small
        // pieces is not searched again at each of them.
        if self.pending.len() >= BATCH && memchr::memchr(b'\n', buf).is_some() {
            self.encode_lines()?;
        }
        Ok(())
    }

    /// Flushes what has been encoded; the lines gathered wait for the next batch.
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded);
        }
    }

    #[test]
    fn quoted_printable_written_in_pieces_is_the_whole_encoding() {
        use std::io::Write;
        let text = format!(
            "Morgenrapport – Åse\r\n{}\n\nlinje med = og mellomrom \n{}",
            "ø".repeat(60),
            "x ".repeat(50)
        );
        let whole = quoted_printable(&text);
        for size in [1, 2, 3, 7, 64, text.len()] {
            let mut out = Vec::new();
            let mut qp = QuotedPrintable::new(&mut out);
            for piece in text.as_bytes().chunks(size) {
                qp.write_all(piece).unwrap();
            }
            qp.finish().unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), whole, "pieces of {size}");
        }
    }

    /// The encoding of `text` a line at a time (each line ends with CRLF but the last).
    fn quoted_printable_by_lines(text: &str) -> String {
        let mut out = Vec::new();
        let mut lines = text.as_bytes().split(|&b| b == b'\n').peekable();
        while let Some(line) = lines.next() {
            encode_line(line, &mut out, false, false);
            if lines.peek().is_some() {
                out.extend_from_slice(b"\r\n");
            }
        }
        String::from_utf8(out).unwrap()
    }

    /// Lines of every kind the encoder treats apart, over a megabyte: several batches.
    fn many_lines() -> String {
        let mut text = String::new();
        for n in 0..30_000 {
            // Every control character and its neighbours, at every column around a soft break.
            let edges: Vec<char> = (0u32..0x20)
                .filter(|&c| c != 0x0a)
                .chain([
                    0x7f, 0x80, 0x9f, 0xa0, 0x2013, 0x2029, 0x202a, 0x202e, 0x202f,
                ])
                .chain([0x2065, 0x2066, 0x2069, 0x206a])
                .filter_map(char::from_u32)
                .collect();
            let edge = edges[n % edges.len()];
            let line = match n % 7 {
                6 => format!("{}{edge}{}", "x".repeat(n % 80), "y".repeat(n % 3)),
                0 => format!("{n}: Åse Øvre = {} \r", "æ".repeat(n % 90)),
                1 => "x ".repeat(n % 120),
                2 => String::new(),
                3 => format!("tab\tend\t{}", "z".repeat(n % 200)),
                4 => format!(
                    "kontroll \x1b[31m \r midt \u{202e} \u{85} slutt{}",
                    "=".repeat(n % 7)
                ),
                _ => "=".repeat(n % 40),
            };
            text.push_str(&line);
            text.push('\n');
        }
        // One line longer than a piece.
        text.push_str(&"lang linje ".repeat(PIECE / 5));
        text.push('\n');
        text.push_str("siste linje uten linjeskift \r");
        assert!(text.len() > 2 * BATCH, "{}", text.len());
        text
    }

    /// The text is encoded in batches of parallel pieces of whole lines: the same bytes as
    /// encoded a line at a time, however the writes fall; an escaping writer gives the encoding
    /// of the text escaped as on a terminal.
    #[test]
    fn quoted_printable_in_batches_is_the_encoding_line_by_line() {
        use std::io::Write;
        let text = many_lines();
        // A write with a single line feed, larger than a batch.
        let one = format!("{}\n{}", "a".repeat(BATCH + 3), "b".repeat(10));
        assert_eq!(quoted_printable(&one), quoted_printable_by_lines(&one));
        let serial = quoted_printable_by_lines(&text);
        let escaped_serial = quoted_printable_by_lines(&crate::terminal::escape_output(&text));
        assert!(escaped_serial.contains("\\u{1b}[31m \\u{d} midt \\u{202e} \\u{85}"));
        for size in [1000, PIECE, PIECE + 17, BATCH - 1, 3 * BATCH, text.len()] {
            for (escape, expected) in [(false, &serial), (true, &escaped_serial)] {
                let mut out = Vec::new();
                let mut qp = if escape {
                    QuotedPrintable::escaping(&mut out)
                } else {
                    QuotedPrintable::new(&mut out)
                };
                for piece in text.as_bytes().chunks(size) {
                    qp.write_all(piece).unwrap();
                }
                qp.finish().unwrap();
                assert!(
                    out == expected.as_bytes(),
                    "writes of {size}, escaping: {escape}"
                );
            }
        }
    }

    #[test]
    fn quoted_printable_keeps_lines_short_and_bytes_whole() {
        let long = "æ".repeat(100);
        let qp = quoted_printable(&format!("a = b \n{long}\nend"));
        assert!(qp.starts_with("a =3D b=20\r\n"), "{qp}");
        for line in qp.split("\r\n") {
            assert!(line.len() <= 76, "{line}");
            // A soft break never cuts "=C3" in two.
            let body = line.strip_suffix('=').unwrap_or(line);
            assert!(!body.ends_with("=C") && !body.ends_with("=C3="), "{line}");
        }
        assert!(qp.ends_with("\r\nend"));
    }

    #[test]
    fn headers_are_encoded_words_when_not_ascii() {
        assert_eq!(encode_words("Morning report", 9), "Morning report");
        // A line feed would end the header and start another.
        assert_eq!(
            encode_words("Morning\r\nBcc: x@y", 9),
            format!("=?UTF-8?B?{}?=", base64(b"Morning\r\nBcc: x@y"))
        );
        let s = encode_words(
            "Morgenrapport – Onkologisk seksjon, Eksempelsykehuset – forfalt: 5",
            9,
        );
        for line in s.split("\r\n ") {
            assert!(line.starts_with("=?UTF-8?B?") && line.len() <= 75, "{line}");
        }
    }

    #[test]
    fn addresses() {
        assert!(address_ok("leder@sykehus.example"));
        assert!(address_ok("Kari Nordmann <kari@sykehus.example>"));
        assert!(!address_ok("kari@sykehus.example\r\nBcc: x@y"));
        assert!(!address_ok("kari"));
        assert!(!address_ok("<kari@sykehus.example"));
        assert_eq!(
            host_of("Forlop <forlop@sykehus.example>"),
            "sykehus.example"
        );
        assert_eq!(host_of("x"), "localhost");
        assert_eq!(
            address_header(&["Åse Lien <ase@sykehus.example>", "b@sykehus.example"]),
            "=?UTF-8?B?w4VzZSBMaWVu?= <ase@sykehus.example>,\r\n b@sykehus.example"
        );
    }
}
