//! Pathway definition files (`pathways/<id>.toml`): structure only; the rules across milestones
//! and intervals are in [`crate::check::pathway`].

use toml::de::DeValue;

use super::{Decoder, Obj};
use crate::i18n::{Kind, Msg};
use crate::model::*;
use crate::suggest::suggest;

const ROOT_KEYS: &[&str] = &[
    "id",
    "name",
    "npr",
    "source",
    "source_url",
    "updated",
    "times",
    "retired",
    "note",
    "milestone",
    "interval",
    "task",
];

/// Decodes a pathway definition; `None` when it is unusable (empty, no readable id or name).
/// Milestones, intervals and tasks that could be read are kept; an unreadable optional field
/// (`updated`) is absent.
pub fn parse_pathway(d: &mut Decoder<'_>, text: &str, origin: Origin) -> Option<Pathway> {
    let doc = d.document(text, true)?;
    let root = d.root(&doc);
    d.keys(root, ROOT_KEYS);
    let id = d.req_id(root, "id");
    let name = d.req_string(root, "name");
    let npr = d.string(root, "npr").map(|v| v.value);
    let source = d.string(root, "source").map(|v| v.value);
    let source_url = d.string(root, "source_url").map(|v| v.value);
    let updated = d.date(root, "updated").map(|v| v.value);
    let times = d.string(root, "times").and_then(|t| times_status(d, t));
    let retired = d.date(root, "retired");
    let note = d.string(root, "note").map(|v| v.value);
    if d.raw(root, "milestone").is_none() {
        d.missing(root, "milestone");
    }
    let milestones: Vec<Milestone> = d
        .tables(root, "milestone", "[[milestone]]")
        .into_iter()
        .filter_map(|m| milestone(d, m))
        .collect();
    let intervals: Vec<Interval> = d
        .tables(root, "interval", "[[interval]]")
        .into_iter()
        .filter_map(|i| interval(d, i))
        .collect();
    let tasks = d
        .tables(root, "task", "[[task]]")
        .into_iter()
        .filter_map(|t| task(d, t))
        .collect();
    let times = times.unwrap_or(if intervals.is_empty() {
        TimesStatus::Unknown
    } else {
        TimesStatus::Confirmed
    });
    Some(Pathway {
        id: id?,
        name: name?.value,
        npr,
        source,
        source_url,
        updated,
        times,
        retired,
        note,
        milestones,
        intervals,
        tasks,
        origin,
        file: d.sink.file.to_string(),
    })
}

fn times_status(d: &mut Decoder<'_>, t: Located<String>) -> Option<TimesStatus> {
    let found = TimesStatus::from_word(&t.value);
    if found.is_none() {
        let suggestion = suggest(&t.value, TimesStatus::ALL.iter().map(|(_, w)| *w));
        d.sink.error(
            t.span,
            Msg::UnknownTimes {
                value: t.value,
                suggestion,
            },
        );
    }
    found
}

fn milestone(d: &mut Decoder<'_>, m: Obj<'_, '_>) -> Option<Milestone> {
    d.keys(m, &["id", "name", "code"]);
    let id = d.req_id(m, "id");
    let name = d.req_string(m, "name");
    let code = d.string::<String>(m, "code");
    if let Some(c) = &code {
        let ok = c.value.len() == 1 && c.value.bytes().all(|b| b.is_ascii_uppercase());
        if !ok {
            d.sink.error(
                c.span,
                Msg::BadCode {
                    code: c.value.clone(),
                },
            );
        }
    }
    let role = code.as_ref().and_then(|c| Role::from_code(&c.value));
    Some(Milestone {
        id: id?,
        name: name?.value,
        code: code.map(|c| c.value),
        role,
    })
}

fn interval(d: &mut Decoder<'_>, i: Obj<'_, '_>) -> Option<Interval> {
    d.keys(i, &["id", "name", "from", "to", "days"]);
    let id = d.req_string(i, "id");
    let name = d.string(i, "name").map(|v| v.value);
    let from = d.req_string(i, "from");
    let to = d.req_string(i, "to");
    let days = match d.raw(i, "days") {
        None => {
            d.missing(i, "days");
            None
        }
        Some(v) => days(d, v),
    };
    Some(Interval {
        id: id?,
        name,
        from: from?,
        to: to?,
        days: days?,
    })
}

fn days(d: &mut Decoder<'_>, v: &toml::Spanned<DeValue<'_>>) -> Option<Days> {
    match v.get_ref() {
        DeValue::Integer(_) => d.days_value("days", v).map(Days::Fixed),
        DeValue::Table(t) => {
            let mut per = Vec::new();
            for (k, val) in t.iter() {
                let key: &str = k.get_ref().as_ref();
                let Some(treatment) = Treatment::from_word(key) else {
                    let suggestion = suggest(key, Treatment::ALL.iter().map(|(_, w)| *w));
                    d.error(
                        k.span(),
                        Msg::UnknownTreatmentKey {
                            key: key.to_string(),
                            suggestion,
                        },
                    );
                    continue;
                };
                if let Some(n) = d.days_value(&format!("days.{key}"), val) {
                    per.push((treatment, n));
                }
            }
            if t.is_empty() {
                d.error(v.span(), Msg::DaysTableEmpty);
                return None;
            }
            // A misspelt or bad key is reported and left out; the other limits still apply
            // (a case whose treatment the table then lacks gets the strictest of them).
            per.sort();
            (!per.is_empty()).then_some(Days::PerTreatment(per))
        }
        _ => {
            d.wrong_type_of("days", v, Kind::DaysValue);
            None
        }
    }
}

fn task(d: &mut Decoder<'_>, t: Obj<'_, '_>) -> Option<PathwayTask> {
    d.keys(t, &["id", "name", "after", "days"]);
    let id = d.req_id(t, "id");
    let name = d.req_string(t, "name");
    let after = d.req_string(t, "after");
    let days = match d.raw(t, "days") {
        None => {
            d.missing(t, "days");
            None
        }
        Some(v) => d.days_value("days", v),
    };
    Some(PathwayTask {
        id: id?,
        name: name?.value,
        after: after?,
        days: days?,
    })
}
