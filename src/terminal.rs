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
}
