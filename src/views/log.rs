//! `log`: what changed in a case between two versions, in domain terms ("+ event first-visit
//! 2026-11-06", "~ treatment drug → surgery"), computed from the parsed files, not a text diff.

use crate::model::{Case, Vocab};

/// One thing a case version says: `key` identifies it across versions, `detail` is what may
/// change. Scalars (`treatment`) show `old → new` when changed; entries (`task book-ct`) show
/// their new detail.
struct Item {
    key: String,
    detail: String,
    scalar: bool,
    /// What is compared between versions when it differs from `detail`: a hidden identity
    /// value still shows that it changed.
    raw: Option<String>,
}

/// Everything one version of a case says, as items. `identity` holds the values to mask when
/// redacting (SPEC §3: every `[patient]` value of the case and any run of 11 digits).
fn items(case: &Case, identity: Option<&[String]>) -> Vec<Item> {
    let redact = identity.is_some();
    let text = |s: &str| match identity {
        Some(values) => crate::redact::mask(&crate::redact::scrub(s, case), values),
        None => s.to_string(),
    };
    let mut out = Vec::new();
    let mut scalar = |key: &str, v: Option<(String, Option<String>)>| {
        if let Some((detail, raw)) = v {
            out.push(Item {
                key: key.to_string(),
                detail,
                scalar: true,
                raw,
            });
        }
    };
    let plain = |v: Option<String>| v.map(|v| (v, None));
    scalar("pathway", plain(Some(case.pathway.value.clone())));
    scalar(
        "coordinator",
        plain(case.coordinator.as_ref().map(|c| c.value.clone())),
    );
    scalar(
        "doctor",
        plain(case.doctor.as_ref().map(|c| c.value.clone())),
    );
    scalar(
        "treatment",
        plain(case.treatment.as_ref().map(|t| t.value.word().to_string())),
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
    scalar("patient name", hidden(case.patient.name.clone()));
    scalar(
        "patient fnr",
        hidden(case.patient.fnr.as_ref().map(|f| f.value.clone())),
    );
    scalar(
        "patient born",
        hidden(case.patient.born.as_ref().map(|b| b.value.to_string())),
    );
    // The GP is a `[patient]` value: under redaction only that it changed (README, "Redaction").
    scalar("gp", hidden(case.patient.gp.clone()));
    scalar(
        "individual_plan",
        plain(case.care.individual_plan.map(|p| p.word().to_string())),
    );
    scalar(
        "municipal_contact_consent",
        plain(case.care.municipal_contact_consent.map(|b| b.to_string())),
    );
    let mut entry = |key: String, detail: String| {
        out.push(Item {
            key,
            detail,
            scalar: false,
            raw: None,
        })
    };
    for e in &case.events {
        let mut key = format!("event {} {}", e.milestone.value, e.date.value);
        if let Some(o) = &e.outcome {
            key.push_str(&format!(" {}", o.value.word()));
        }
        if let Some(t) = &e.treatment {
            key.push_str(&format!(" {}", t.value.word()));
        }
        entry(key, String::new());
    }
    for a in &case.appointments {
        let time = a
            .time
            .as_deref()
            .map(|t| format!(" {t}"))
            .unwrap_or_default();
        entry(
            format!("appointment {}{time} {}", a.date.value, text(&a.what)),
            String::new(),
        );
    }
    for m in &case.mdts {
        let detail = m
            .conclusion
            .as_deref()
            .map(|c| format!("conclusion: {}", text(c)))
            .unwrap_or_default();
        entry(format!("mdt {}", m.date.value), detail);
    }
    for t in &case.tasks {
        let detail = match (&t.done, &t.due) {
            (Some(done), _) => format!("done {}", done.value),
            (None, Some(due)) => format!("due {}", due.value),
            (None, None) => String::new(),
        };
        let name = t
            .name
            .as_deref()
            .map(|n| format!(" {}", text(n)))
            .unwrap_or_default();
        entry(format!("task {}{name}", t.id.value), detail);
    }
    for n in &case.notes {
        let mut t = text(&n.text);
        if t.chars().count() > 60 {
            t = t.chars().take(59).collect::<String>() + "…";
        }
        entry(format!("note {} {t}", n.date.value), String::new());
    }
    for d in &case.deviations {
        entry(format!("deviation {}", d.interval.value), text(&d.reason));
    }
    if let Some(t) = &case.transfer {
        entry(
            "transfer".into(),
            format!("{} {}", t.date.value, text(&t.to)),
        );
    }
    if let Some(c) = &case.closed {
        entry(
            "closed".into(),
            format!("{} {}", c.date.value, c.reason.value.word()),
        );
    }
    out
}

fn line(item: &Item) -> String {
    if item.detail.is_empty() {
        item.key.clone()
    } else {
        format!("{} {}", item.key, item.detail)
    }
}

/// The changes from `old` to `new` (either may be missing: created, deleted or unreadable).
/// Under redaction every identity value of either version is masked in both.
pub fn changes(old: Option<&Case>, new: Option<&Case>, redact: bool) -> Vec<String> {
    let identity: Option<Vec<String>> = redact.then(|| {
        old.into_iter()
            .chain(new)
            .flat_map(crate::redact::identity_values)
            .collect()
    });
    let identity = identity.as_deref();
    let before = old.map(|c| items(c, identity)).unwrap_or_default();
    let mut after = new.map(|c| items(c, identity)).unwrap_or_default();
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
                        format!("~ {} {} → {}", item.key, item.detail, new_item.detail)
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
