//! iCalendar (RFC 5545) output: appointments with their time, MDT meetings and deadlines as
//! all-day events. Lines end in CRLF and are folded at 75 octets, never inside a UTF-8 sequence;
//! TEXT values are escaped (RFC 5545 §3.3.11). UIDs depend only on what an entry is, so a
//! re-import updates events instead of duplicating them.

use chrono::NaiveDate;

/// One calendar entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// What identifies the entry across exports (case, kind, and the entry's own key).
    pub key: String,
    pub date: NaiveDate,
    /// `HH:MM` local time in Europe/Oslo; `None` for an all-day entry.
    pub time: Option<String>,
    pub summary: String,
    pub location: Option<String>,
    pub description: Option<String>,
}

/// Europe/Oslo: CET/CEST with the EU rules (last Sunday of March and October).
const VTIMEZONE: &str = "BEGIN:VTIMEZONE\nTZID:Europe/Oslo\nBEGIN:DAYLIGHT\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nTZNAME:CEST\nDTSTART:19700329T020000\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\nEND:DAYLIGHT\nBEGIN:STANDARD\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nTZNAME:CET\nDTSTART:19701025T030000\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\nEND:STANDARD\nEND:VTIMEZONE";

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line at 75 octets (continuations start with a space) and ends it in CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
    out
}

/// FNV-1a, 64 bits: a stable hash for UIDs (not for security).
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// The calendar document. `stamp` is the export date (DTSTAMP, at midnight UTC, so the same
/// register and day give the same bytes).
pub fn calendar(name: &str, entries: &[Entry], stamp: NaiveDate) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        format!("PRODID:-//forlop//forlop {}//NB", env!("CARGO_PKG_VERSION")),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", escape(name)),
        "X-WR-TIMEZONE:Europe/Oslo".into(),
    ];
    lines.extend(VTIMEZONE.lines().map(String::from));
    for e in entries {
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{:016x}@forlop", fnv1a(&e.key)));
        lines.push(format!("DTSTAMP:{}T000000Z", ymd(stamp)));
        match e.time.as_deref().map(|t| t.replace(':', "")) {
            Some(hhmm) => lines.push(format!("DTSTART;TZID=Europe/Oslo:{}T{hhmm}00", ymd(e.date))),
            None => {
                lines.push(format!("DTSTART;VALUE=DATE:{}", ymd(e.date)));
                let next = e.date.succ_opt().unwrap_or(e.date);
                lines.push(format!("DTEND;VALUE=DATE:{}", ymd(next)));
                lines.push("TRANSP:TRANSPARENT".into());
            }
        }
        lines.push(format!("SUMMARY:{}", escape(&e.summary)));
        if let Some(l) = &e.location {
            lines.push(format!("LOCATION:{}", escape(l)));
        }
        if let Some(d) = &e.description {
            lines.push(format!("DESCRIPTION:{}", escape(d)));
        }
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn folding_keeps_utf8_sequences_whole() {
        let line = format!("SUMMARY:{}", "ø".repeat(60));
        let folded = fold(&line);
        for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        // Unfolding gives the line back.
        assert_eq!(folded.replace("\r\n ", "").trim_end(), line);
    }

    #[test]
    fn short_lines_are_not_folded() {
        assert_eq!(fold("BEGIN:VEVENT"), "BEGIN:VEVENT\r\n");
    }
}
