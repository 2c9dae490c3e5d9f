//! `stats`: rows as a table or CSV (JSON is the rows themselves).

use std::io::{self, Write};

use super::csv::{Csv, Dialect};
use crate::i18n::{Lang, Word};
use crate::views::stats::StatRow;

/// A share as a person reads it: `72 %`.
pub fn percent(share: f64) -> String {
    format!("{:.0} %", share * 100.0)
}

/// The human rows: group, interval, measured, within, share, target, median, p90, note. Without
/// `group` (rows grouped by interval) the group column is left out.
pub fn table_rows(
    rows: &[StatRow],
    target: f64,
    lang: Lang,
    group: bool,
) -> (Vec<String>, Vec<Vec<String>>) {
    let mut headers: Vec<String> = [
        Word::Group,
        Word::IntervalShort,
        Word::MeasuredCount,
        Word::WithinCount,
        Word::Share,
        Word::Target,
        Word::Median,
        Word::P90,
        Word::Note,
    ]
    .iter()
    .map(|w| w.text(lang))
    .collect();
    if !group {
        headers.remove(0);
    }
    let body = rows
        .iter()
        .map(|r| {
            let mut note = Vec::new();
            if r.share < target {
                note.push(Word::BelowTarget.text(lang));
            }
            if r.mixes_limits() {
                note.push(Word::MixedLimits.text(lang));
            }
            if r.unverified {
                note.push(crate::i18n::basis_note(
                    crate::schedule::Basis::Fixed,
                    true,
                    lang,
                ));
            }
            let mut row = vec![
                r.group.clone(),
                r.interval.clone(),
                r.cases.to_string(),
                r.within.to_string(),
                percent(r.share),
                percent(target),
                crate::i18n::decimal(r.median_days, 1, lang),
                r.p90_days.to_string(),
                note.join("; "),
            ];
            if !group {
                row.remove(0);
            }
            row
        })
        .collect();
    (headers, body)
}

/// The lines under a stats table, one per interval whose rows pool pathways with different
/// limits (`--by coordinator|month|tertial`), naming the rows, the pathways and their limits,
/// and then once what that means for the figures; none when no row does.
pub fn mixed_limits_notes(rows: &[StatRow], lang: Lang) -> Vec<String> {
    use std::collections::{BTreeMap, BTreeSet};
    // Per interval: the rows (groups) that mix, and each pathway's limits over them.
    type Mixed<'a> = (Vec<String>, BTreeMap<&'a str, BTreeSet<u32>>);
    let mut by_interval: BTreeMap<&str, Mixed> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.mixes_limits()) {
        let entry = by_interval.entry(r.interval.as_str()).or_default();
        entry.0.push(r.group.clone());
        for (pathway, days) in &r.limits {
            entry.1.entry(pathway).or_default().extend(days);
        }
    }
    let mut notes: Vec<String> = by_interval
        .into_iter()
        .map(|(interval, (groups, limits))| {
            let limits: Vec<(String, Vec<u32>)> = limits
                .into_iter()
                .map(|(p, d)| (p.to_string(), d.into_iter().collect()))
                .collect();
            crate::i18n::mixed_limits_note(interval, &groups, &limits, lang)
        })
        .collect();
    if !notes.is_empty() {
        notes.push(Word::MixedLimitsMeaning.text(lang));
    }
    notes
}

/// CSV: the JSON's keys and raw values, and the target.
pub fn csv(
    out: &mut impl Write,
    rows: &[StatRow],
    target: f64,
    dialect: Dialect,
) -> io::Result<()> {
    let mut w = Csv::new(out, dialect);
    w.header(&[
        "group",
        "interval",
        "cases",
        "within",
        "share",
        "median_days",
        "p90_days",
        "target",
    ])?;
    for r in rows {
        w.field(&r.group)?;
        w.field(&r.interval)?;
        w.field(r.cases)?;
        w.field(r.within)?;
        w.decimal(&format!("{:.4}", r.share))?;
        w.decimal(&serde_json::to_string(&Median(r.median_days)).unwrap_or_default())?;
        w.field(r.p90_days)?;
        w.decimal(&target.to_string())?;
        w.end()?;
    }
    Ok(())
}

/// A median as the JSON writes it (an integer when whole).
struct Median(f64);

impl serde::Serialize for Median {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.fract() == 0.0 && self.0.abs() < 1e15 {
            s.serialize_i64(self.0 as i64)
        } else {
            s.serialize_f64(self.0)
        }
    }
}

/// One row as a JSON value (for documents still assembled as values: the report).
pub fn row_json(r: &StatRow) -> serde_json::Value {
    serde_json::to_value(r).unwrap_or_default()
}

/// A number of days as JSON: an integer when whole, else a fraction (a median of two values).
pub fn days_json(d: f64) -> serde_json::Value {
    serde_json::to_value(Median(d)).unwrap_or_default()
}
