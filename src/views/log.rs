//! `log`: what changed in a case between two versions, in domain terms ("+ event first-visit
//! 2026-11-06", "~ treatment drug → surgery"), computed from the parsed files, not a text diff.
//! The JSON keeps those stable English words; the table says them in the user's language
//! ("+ hendelse first-visit 2026-11-06", "~ planlagt behandling medikamentell → kirurgi").

use crate::i18n::{Lang, LogTopic, Word, close_reason_name, individual_plan_name, treatment_name};
use crate::model::{Case, Vocab};

/// One thing a case version says: `key` identifies it across versions (stable English words
/// and ids), `shown` is how its line starts in the asked language, `detail` is what may change.
/// Scalars (`treatment`) show `old → new` when changed; entries (`task book-ct`) show their new
/// detail.
struct Item {
    key: String,
    shown: String,
    detail: String,
    scalar: bool,
    /// What is compared between versions when it differs from `detail`: a hidden identity
    /// value still shows that it changed.
    raw: Option<String>,
}

/// Everything one version of a case says, as items. `identity` holds the values to mask when
/// redacting (SPEC §3: every `[patient]` value of the case and any run of 11 digits); `lang`
/// None gives the stable English words of the JSON, `Some` the words of the table.
fn items(case: &Case, identity: Option<&[String]>, lang: Option<Lang>) -> Vec<Item> {
    let redact = identity.is_some();
    let text = |s: &str| match identity {
        Some(values) => crate::redact::mask(&crate::redact::scrub(s, case), values),
        None => s.to_string(),
    };
    let word = |t: LogTopic| lang.map_or_else(|| t.key().to_string(), |l| t.text(l));
    let with = |t: LogTopic, rest: &str| {
        let head = |w: String| {
            if rest.is_empty() {
                w
            } else {
                format!("{w} {rest}")
            }
        };
        (head(t.key().to_string()), head(word(t)))
    };
    let mut out = Vec::new();
    let mut scalar = |topic: LogTopic, v: Option<(String, Option<String>)>| {
        if let Some((detail, raw)) = v {
            let (key, shown) = with(topic, "");
            out.push(Item {
                key,
                shown,
                detail,
                scalar: true,
                raw,
            });
        }
    };
    let plain = |v: Option<String>| v.map(|v| (v, None));
    scalar(
        LogTopic::Pathway,
        plain(Some(case.pathway.value.to_string())),
    );
    scalar(
        LogTopic::Coordinator,
        plain(case.coordinator.as_ref().map(|c| c.value.to_string())),
    );
    scalar(
        LogTopic::Doctor,
        plain(case.doctor.as_ref().map(|c| c.value.to_string())),
    );
    scalar(
        LogTopic::Treatment,
        plain(case.treatment.as_ref().map(|t| match lang {
            Some(l) => treatment_name(t.value, l),
            None => t.value.word().to_string(),
        })),
    );
    // Identity: that it changed, never the values, when redacting.
    let hidden = |v: Option<String>| {
        v.map(|v| {
            if redact {
                ("…".to_string(), Some(v))
            } else {
                (v, None)
            }
        })
    };
    scalar(
        LogTopic::PatientName,
        hidden(case.patient.name.as_deref().map(String::from)),
    );
    scalar(
        LogTopic::PatientFnr,
        hidden(case.patient.fnr.as_ref().map(|f| f.value.to_string())),
    );
    scalar(
        LogTopic::PatientBorn,
        hidden(case.patient.born.as_ref().map(|b| b.value.to_string())),
    );
    // The GP is a `[patient]` value: under redaction only that it changed (README, "Redaction").
    scalar(
        LogTopic::Gp,
        hidden(case.patient.gp.as_deref().map(String::from)),
    );
    scalar(
        LogTopic::IndividualPlan,
        plain(case.care.individual_plan.map(|p| match lang {
            Some(l) => individual_plan_name(p, l),
            None => p.word().to_string(),
        })),
    );
    scalar(
        LogTopic::Consent,
        plain(case.care.municipal_contact_consent.map(|b| match lang {
            Some(l) => (if b { Word::YesWord } else { Word::NoWord }).text(l),
            None => b.to_string(),
        })),
    );
    let mut entry = |topic: LogTopic, rest: String, detail: String| {
        let (key, shown) = with(topic, &rest);
        out.push(Item {
            key,
            shown,
            detail,
            scalar: false,
            raw: None,
        })
    };
    for e in &case.events {
        let mut rest = format!("{} {}", e.milestone.value, e.date.value);
        if let Some(o) = &e.outcome {
            rest.push_str(&format!(" {}", o.value.word()));
        }
        if let Some(t) = &e.treatment {
            rest.push_str(&format!(" {}", t.value.word()));
        }
        entry(LogTopic::Event, rest, String::new());
    }
    for a in &case.appointments {
        let time = a
            .time
            .as_deref()
            .map(|t| format!(" {t}"))
            .unwrap_or_default();
        entry(
            LogTopic::Appointment,
            format!("{}{time} {}", a.date.value, text(&a.what)),
            String::new(),
        );
    }
    for m in &case.mdts {
        let detail = m
            .conclusion
            .as_deref()
            .map(|c| format!("{} {}", word(LogTopic::Conclusion), text(c)))
            .unwrap_or_default();
        entry(LogTopic::Mdt, m.date.value.to_string(), detail);
    }
    for t in &case.tasks {
        let detail = match (&t.done, &t.due) {
            (Some(done), _) => format!("{} {}", word(LogTopic::Completed), done.value),
            (None, Some(due)) => format!("{} {}", word(LogTopic::DueDate), due.value),
            (None, None) => String::new(),
        };
        let name = t
            .name
            .as_deref()
            .map(|n| format!(" {}", text(n)))
            .unwrap_or_default();
        entry(LogTopic::Task, format!("{}{name}", t.id.value), detail);
    }
    for n in &case.notes {
        let mut t = text(&n.text);
        if t.chars().count() > 60 {
            t = t.chars().take(59).collect::<String>() + "…";
        }
        entry(
            LogTopic::Note,
            format!("{} {t}", n.date.value),
            String::new(),
        );
    }
    for d in &case.deviations {
        entry(
            LogTopic::Deviation,
            d.interval.value.to_string(),
            text(&d.reason),
        );
    }
    if let Some(t) = &case.transfer {
        entry(
            LogTopic::Transfer,
            String::new(),
            format!("{} {}", t.date.value, text(&t.to)),
        );
    }
    if let Some(c) = &case.closed {
        let why = match lang {
            Some(l) => close_reason_name(c.reason.value, l),
            None => c.reason.value.word().to_string(),
        };
        entry(
            LogTopic::Closed,
            String::new(),
            format!("{} {why}", c.date.value),
        );
    }
    out
}

fn line(item: &Item) -> String {
    if item.detail.is_empty() {
        item.shown.clone()
    } else {
        format!("{} {}", item.shown, item.detail)
    }
}

/// The changes from `old` to `new` (either may be missing: created, deleted or unreadable), in
/// the stable English words of the JSON. Under redaction every identity value of either version
/// is masked in both.
pub fn changes(old: Option<&Case>, new: Option<&Case>, redact: bool) -> Vec<String> {
    changes_in(old, new, redact, None)
}

/// The changes from `old` to `new` in `lang` (None: the stable English words of the JSON).
pub fn changes_in(
    old: Option<&Case>,
    new: Option<&Case>,
    redact: bool,
    lang: Option<Lang>,
) -> Vec<String> {
    let identity: Option<Vec<String>> = redact.then(|| {
        old.into_iter()
            .chain(new)
            .flat_map(crate::redact::identity_values)
            .collect()
    });
    let identity = identity.as_deref();
    let before = old.map(|c| items(c, identity, lang)).unwrap_or_default();
    let mut after = new.map(|c| items(c, identity, lang)).unwrap_or_default();
    let mut out = Vec::new();
    for item in &before {
        match after.iter().position(|x| x.key == item.key) {
            Some(i) => {
                let new_item = after.remove(i);
                let same = match (&item.raw, &new_item.raw) {
                    (Some(a), Some(b)) => a == b,
                    _ => new_item.detail == item.detail,
                };
                if !same {
                    out.push(if item.scalar {
                        format!("~ {} {} → {}", item.shown, item.detail, new_item.detail)
                    } else {
                        format!("~ {}", line(&new_item))
                    });
                }
            }
            None => out.push(format!("- {}", line(item))),
        }
    }
    out.extend(after.iter().map(|item| format!("+ {}", line(item))));
    out
}
