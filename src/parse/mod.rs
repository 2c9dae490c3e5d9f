//! From source text to the model: a hand-written decoder over the spanned TOML tree, so every
//! problem gets its own located message and all of them are collected.

mod case;
mod pathway;
mod settings;
mod team;

pub use case::parse_case;
pub use pathway::parse_pathway;
pub use settings::parse_settings;
pub use team::parse_team;

use std::ops::Range;

use chrono::NaiveDate;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diag::{Sink, Span};
use crate::i18n::{Kind, Msg};
use crate::model::{Located, Vocab, is_valid_id};
use crate::suggest::suggest;

type Value<'i> = Spanned<DeValue<'i>>;

/// Strips a UTF-8 byte-order mark.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Whether a document has no content: only whitespace and comments.
/// Whether a text TOML accepts holds nothing but blank lines and comments. Only what TOML calls
/// whitespace counts: a file of bare carriage returns is not empty but malformed.
fn is_blank(text: &str) -> bool {
    text.split('\n').all(|l| {
        let l = l.strip_suffix('\r').unwrap_or(l);
        let l = l.trim_start_matches([' ', '\t']);
        l.is_empty() || l.starts_with('#')
    })
}

/// A table being decoded: its entries, its span and how messages name it.
#[derive(Clone, Copy)]
pub struct Obj<'a, 'i> {
    pub table: &'a DeTable<'i>,
    /// A bit for each of the table's keys ([`key_bit`]): most keys a decoder asks for are not
    /// in a given file, and a key whose bit is clear is known absent without a search.
    keys: u64,
    start: usize,
    end: usize,
    pub section: &'static str,
}

/// One of 64 bits for a key, from its length and its first and last bytes.
fn key_bit(key: &str) -> u64 {
    let b = key.as_bytes();
    let (first, last) = (b.first().copied(), b.last().copied());
    let h = b.len() * 13 + usize::from(first.unwrap_or(0)) * 5 + usize::from(last.unwrap_or(0));
    1 << (h % 64)
}

impl<'a, 'i> Obj<'a, 'i> {
    /// The value of `key`.
    fn get(&self, key: &str) -> Option<&'a Value<'i>> {
        if self.keys & key_bit(key) == 0 {
            return None;
        }
        self.table.get(key)
    }

    /// The span of the table (its header, for `[[…]]` entries).
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }

    fn new(table: &'a DeTable<'i>, span: Range<usize>, section: &'static str) -> Self {
        Obj {
            table,
            keys: table.keys().fold(0, |bits, k| bits | key_bit(k.get_ref())),
            start: span.start,
            end: span.end,
            section,
        }
    }
}

fn kind_of(v: &DeValue<'_>) -> Kind {
    match v {
        DeValue::String(_) => Kind::String,
        DeValue::Integer(_) => Kind::Integer,
        DeValue::Float(_) => Kind::Float,
        DeValue::Boolean(_) => Kind::Bool,
        DeValue::Datetime(_) => Kind::Date,
        DeValue::Array(_) => Kind::Array,
        DeValue::Table(_) => Kind::Table,
    }
}

/// The most entries (keys, array items, tables) a file may have to be parsed: a case of years
/// of notes has a few thousand.
pub const MAX_ENTRIES: usize = 1_000_000;

/// Decodes one file's spanned TOML tree, reporting into a [`Sink`].
pub struct Decoder<'t> {
    pub sink: Sink<'t>,
}

impl<'t> Decoder<'t> {
    /// A decoder for `file` (register-relative) with parsed text `text` (BOM stripped).
    pub fn new(file: &'t str, text: &'t str) -> Self {
        Decoder {
            sink: Sink::new(file, text),
        }
    }

    /// Reports an error at a byte range.
    pub fn error(&mut self, span: Range<usize>, msg: Msg) {
        self.sink.error(Span::from(span), msg);
    }

    /// Parses the document. Syntax errors are reported and the parser's recovery is kept:
    /// what is readable around a syntax error is still used (a value it could not read is left
    /// out, and problems at its place are not reported twice). An empty document is an error,
    /// and gives `None`, only when `empty_is_error`.
    pub fn document<'i>(
        &mut self,
        text: &'i str,
        empty_is_error: bool,
    ) -> Option<Spanned<DeTable<'i>>> {
        // The parsed tree takes a few hundred bytes per entry: a file of millions of tiny keys
        // would take gigabytes before any rule could reject it.
        // Each entry takes at least one byte, so only a file that long can have too many.
        let entries = || {
            text.bytes()
                .filter(|b| matches!(b, b'=' | b',' | b'['))
                .count()
        };
        if text.len() > MAX_ENTRIES && entries() > MAX_ENTRIES {
            self.error(0..0, Msg::TooManyEntries { max: MAX_ENTRIES });
            return None;
        }
        // A merge left conflict blocks: one diagnostic per block says so, instead of the
        // TOML errors the markers would give.
        let blocks = crate::merge::conflict_blocks(text);
        if !blocks.is_empty() {
            for b in blocks {
                let label = |l: String, mark: &str| if l.is_empty() { mark.to_string() } else { l };
                let msg = Msg::GitConflict {
                    ours: label(b.ours_label, crate::merge::MARK_OURS),
                    theirs: label(b.theirs_label, crate::merge::MARK_THEIRS),
                };
                self.error(b.start..b.start + crate::merge::MARK_OURS.len(), msg);
            }
            return None;
        }
        let (doc, errors) = DeTable::parse_recoverable(text);
        if errors.is_empty() && empty_is_error && is_blank(text) {
            self.error(0..0, Msg::EmptyFile);
            return None;
        }
        for e in errors {
            let span = e.span().unwrap_or(0..0);
            let detail = e.message().trim().to_string();
            self.error(span.clone(), Msg::TomlSyntax { detail });
            self.sink.syntax_error_at(span);
        }
        Some(doc)
    }

    /// The root table as an [`Obj`].
    pub fn root<'a, 'i>(&self, doc: &'a Spanned<DeTable<'i>>) -> Obj<'a, 'i> {
        Obj::new(doc.get_ref(), 0..0, "")
    }

    /// Reports every key of `obj` not in `allowed`, with a did-you-mean hint.
    pub fn keys(&mut self, obj: Obj<'_, '_>, allowed: &[&str]) {
        for (k, _) in obj.table.iter() {
            let key: &str = k.get_ref().as_ref();
            if !allowed.contains(&key) {
                let suggestion = suggest(key, allowed.iter().copied());
                self.error(
                    k.span(),
                    Msg::UnknownKey {
                        key: key.to_string(),
                        section: obj.section.to_string(),
                        suggestion,
                    },
                );
            }
        }
    }

    fn wrong_type(&mut self, key: &str, v: &Value<'_>, expected: Kind) {
        // A quoted value that would be right without the quotes gets that as its hint.
        let literal = match v.get_ref() {
            DeValue::String(s) => {
                let s = s.trim();
                let fits = match expected {
                    Kind::Integer => s.parse::<i64>().is_ok(),
                    Kind::Number | Kind::Float => s.parse::<f64>().is_ok(),
                    Kind::Bool => s == "true" || s == "false",
                    Kind::Date => NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok(),
                    _ => false,
                };
                fits.then(|| s.to_string())
            }
            _ => None,
        };
        self.error(
            v.span(),
            Msg::WrongType {
                key: key.to_string(),
                expected,
                found: kind_of(v.get_ref()),
                literal,
            },
        );
    }

    /// Reports a missing required key at the table's header, unless a misspelling of it is
    /// already reported as an unknown key.
    pub fn missing(&mut self, obj: Obj<'_, '_>, key: &str) {
        // After a syntax error the key may be what the parser could not read: the syntax
        // error is the problem to fix first.
        if self.sink.had_syntax_errors() {
            return;
        }
        let misspelt = obj
            .table
            .iter()
            .any(|(k, _)| suggest(k.get_ref().as_ref(), [key]).is_some());
        if misspelt {
            return;
        }
        self.error(
            obj.span(),
            Msg::MissingKey {
                key: key.to_string(),
                section: obj.section.to_string(),
            },
        );
    }

    /// The text of an optional string value, borrowed from the parsed document.
    fn str_ref<'a>(&mut self, obj: Obj<'a, '_>, key: &str) -> Option<Located<&'a str>> {
        let v = obj.get(key)?;
        match v.get_ref() {
            DeValue::String(s) => Some(Located::new(s.as_ref(), Span::from(v.span()))),
            _ => {
                self.wrong_type(key, v, Kind::String);
                None
            }
        }
    }

    /// An optional string, as whichever text type the model keeps it in.
    pub fn string<S: for<'s> From<&'s str>>(
        &mut self,
        obj: Obj<'_, '_>,
        key: &str,
    ) -> Option<Located<S>> {
        self.str_ref(obj, key)
            .map(|s| Located::new(S::from(s.value), s.span))
    }

    /// A required string.
    pub fn req_string<S: for<'s> From<&'s str>>(
        &mut self,
        obj: Obj<'_, '_>,
        key: &str,
    ) -> Option<Located<S>> {
        if obj.get(key).is_none() {
            self.missing(obj, key);
            return None;
        }
        self.string(obj, key)
    }

    /// An optional string that must be an id (`[a-z0-9-]+`).
    pub fn id<S: for<'s> From<&'s str>>(
        &mut self,
        obj: Obj<'_, '_>,
        key: &str,
    ) -> Option<Located<S>> {
        let s = self.str_ref(obj, key)?;
        if !is_valid_id(s.value) {
            self.sink.error(
                s.span,
                Msg::BadId {
                    key: key.to_string(),
                    value: s.value.to_string(),
                },
            );
        }
        Some(Located::new(S::from(s.value), s.span))
    }

    /// A required id.
    pub fn req_id<S: for<'s> From<&'s str>>(
        &mut self,
        obj: Obj<'_, '_>,
        key: &str,
    ) -> Option<Located<S>> {
        if obj.get(key).is_none() {
            self.missing(obj, key);
            return None;
        }
        self.id(obj, key)
    }

    /// An optional integer within `min..=max`.
    pub fn int(&mut self, obj: Obj<'_, '_>, key: &str, min: i64, max: i64) -> Option<Located<i64>> {
        let v = obj.get(key)?;
        self.int_value(key, v, min, max)
    }

    fn int_value(&mut self, key: &str, v: &Value<'_>, min: i64, max: i64) -> Option<Located<i64>> {
        match v.get_ref() {
            DeValue::Integer(i) => {
                let n = i64::from_str_radix(i.as_str(), i.radix()).ok();
                match n {
                    Some(n) if (min..=max).contains(&n) => {
                        Some(Located::new(n, Span::from(v.span())))
                    }
                    _ => {
                        let key = key.to_string();
                        let msg = if min == 0 && n.is_some_and(|n| n < 0) {
                            Msg::NegativeDays { key }
                        } else {
                            Msg::IntegerOutOfRange { key, min, max }
                        };
                        self.error(v.span(), msg);
                        None
                    }
                }
            }
            _ => {
                self.wrong_type(key, v, Kind::Integer);
                None
            }
        }
    }

    /// A number of days: a non-negative integer.
    pub fn days_value(&mut self, key: &str, v: &Value<'_>) -> Option<u32> {
        self.int_value(key, v, 0, 100_000).map(|n| n.value as u32)
    }

    /// An optional number (integer or float).
    pub fn number(&mut self, obj: Obj<'_, '_>, key: &str) -> Option<Located<f64>> {
        let v = obj.get(key)?;
        let n = match v.get_ref() {
            DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                .ok()
                .map(|n| n as f64),
            _ => {
                self.wrong_type(key, v, Kind::Number);
                return None;
            }
        };
        n.map(|n| Located::new(n, Span::from(v.span())))
    }

    /// An optional boolean.
    pub fn bool(&mut self, obj: Obj<'_, '_>, key: &str) -> Option<bool> {
        let v = obj.get(key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(key, v, Kind::Bool);
                None
            }
        }
    }

    /// An optional calendar date: a TOML local date, without time or offset.
    pub fn date(&mut self, obj: Obj<'_, '_>, key: &str) -> Option<Located<NaiveDate>> {
        let v = obj.get(key)?;
        self.date_value(key, v)
    }

    /// A required date.
    pub fn req_date(&mut self, obj: Obj<'_, '_>, key: &str) -> Option<Located<NaiveDate>> {
        if obj.get(key).is_none() {
            self.missing(obj, key);
            return None;
        }
        self.date(obj, key)
    }

    fn date_value(&mut self, key: &str, v: &Value<'_>) -> Option<Located<NaiveDate>> {
        match v.get_ref() {
            DeValue::Datetime(dt) => {
                let Some(d) = dt.date else {
                    self.error(
                        v.span(),
                        Msg::InvalidDate {
                            key: key.to_string(),
                            detail: dt.to_string(),
                        },
                    );
                    return None;
                };
                if dt.time.is_some() || dt.offset.is_some() {
                    self.error(
                        v.span(),
                        Msg::DateWithTime {
                            key: key.to_string(),
                        },
                    );
                    return None;
                }
                match NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()) {
                    Some(date) => Some(Located::new(date, Span::from(v.span()))),
                    None => {
                        self.error(
                            v.span(),
                            Msg::InvalidDate {
                                key: key.to_string(),
                                detail: d.to_string(),
                            },
                        );
                        None
                    }
                }
            }
            DeValue::String(s) if NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").is_err() => {
                let detail = format!("\"{s}\"");
                self.error(
                    v.span(),
                    Msg::InvalidDate {
                        key: key.to_string(),
                        detail,
                    },
                );
                None
            }
            _ => {
                self.wrong_type(key, v, Kind::Date);
                None
            }
        }
    }

    /// An optional array of dates.
    pub fn dates(&mut self, obj: Obj<'_, '_>, key: &str) -> Vec<NaiveDate> {
        let Some(v) = obj.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(key, v, Kind::Array);
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| self.date_value(key, item).map(|d| d.value))
            .collect()
    }

    /// An optional array of strings; a single string is taken as an array of one.
    pub fn strings(&mut self, obj: Obj<'_, '_>, key: &str) -> Vec<String> {
        let Some(v) = obj.get(key) else {
            return Vec::new();
        };
        match v.get_ref() {
            DeValue::String(s) => vec![s.to_string()],
            DeValue::Array(items) => items
                .iter()
                .filter_map(|item| match item.get_ref() {
                    DeValue::String(s) => Some(s.to_string()),
                    _ => {
                        self.wrong_type(key, item, Kind::String);
                        None
                    }
                })
                .collect(),
            _ => {
                self.wrong_type(key, v, Kind::Array);
                Vec::new()
            }
        }
    }

    /// An optional word from a vocabulary.
    pub fn vocab<V: Vocab>(&mut self, obj: Obj<'_, '_>, key: &str) -> Option<Located<V>> {
        let s = self.str_ref(obj, key)?;
        self.vocab_word(key, s)
    }

    /// A word already read as a string, checked against a vocabulary.
    pub fn vocab_word<V: Vocab>(&mut self, key: &str, s: Located<&str>) -> Option<Located<V>> {
        match V::from_word(s.value) {
            Some(v) => Some(Located::new(v, s.span)),
            None => {
                let suggestion = suggest(s.value, V::ALL.iter().map(|(_, w)| *w));
                self.sink.error(
                    s.span,
                    Msg::NotInVocabulary {
                        key: key.to_string(),
                        value: s.value.to_string(),
                        allowed: V::words(),
                        suggestion,
                    },
                );
                None
            }
        }
    }

    /// An optional sub-table (`[care]`).
    pub fn table<'a, 'i>(
        &mut self,
        obj: Obj<'a, 'i>,
        key: &str,
        section: &'static str,
    ) -> Option<Obj<'a, 'i>> {
        let v = obj.get(key)?;
        match v.get_ref() {
            DeValue::Table(t) => Some(Obj::new(t, v.span(), section)),
            _ => {
                self.wrong_type(key, v, Kind::Table);
                None
            }
        }
    }

    /// An optional array of tables (`[[event]]`).
    pub fn tables<'a, 'i>(
        &mut self,
        obj: Obj<'a, 'i>,
        key: &str,
        section: &'static str,
    ) -> Vec<Obj<'a, 'i>> {
        let Some(v) = obj.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(key, v, Kind::ArrayOfTables);
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(t) => out.push(Obj::new(t, item.span(), section)),
                _ => self.wrong_type(key, item, Kind::ArrayOfTables),
            }
        }
        out
    }

    /// The raw value of `key`, for values with a shape of their own (`days`).
    pub fn raw<'a, 'i>(&self, obj: Obj<'a, 'i>, key: &str) -> Option<&'a Value<'i>> {
        obj.get(key)
    }

    /// Reports that `v` (the value of `key`) has the wrong type.
    pub fn wrong_type_of(&mut self, key: &str, v: &Value<'_>, expected: Kind) {
        self.wrong_type(key, v, expected);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key is found exactly when the table has it, whatever other keys share its bit.
    #[test]
    fn a_table_finds_exactly_its_own_keys() {
        let words = [
            "id",
            "pathway",
            "coordinator",
            "doctor",
            "treatment",
            "patient",
            "care",
            "event",
            "appointment",
            "mdt",
            "task",
            "deviation",
            "note",
            "transfer",
            "closed",
            "name",
            "fnr",
            "born",
            "gp",
            "phone",
            "milestone",
            "date",
            "time",
            "what",
            "where",
            "question",
            "text",
            "by",
            "interval",
            "reason",
            "to",
            "hospital",
            "outcome",
            "due",
            "after",
            "days",
            "done",
            "a",
            "b",
            "ab",
            "ba",
            "x-y",
            "æøå",
            "milestones",
        ];
        for step in 1..5 {
            for offset in 0..step {
                let present: Vec<&str> = words.iter().copied().skip(offset).step_by(step).collect();
                let text: String = present.iter().map(|k| format!("\"{k}\" = 1\n")).collect();
                let doc = DeTable::parse(&text).expect("parses");
                let obj = Obj::new(doc.get_ref(), 0..0, "");
                for w in words {
                    assert_eq!(
                        obj.get(w).is_some(),
                        present.contains(&w),
                        "{w} in {present:?}"
                    );
                }
            }
        }
    }
}
