//! forlop.toml.

use super::Decoder;
use crate::diag::Diagnostic;
use crate::i18n::Lang;
use crate::i18n::Msg;
use crate::model::Settings;

/// Parses forlop.toml; an empty file is valid. Problems fall back to the defaults.
pub fn parse_settings(file: &str, text: &str) -> (Settings, Vec<Diagnostic>) {
    let text = super::strip_bom(text);
    let mut d = Decoder::new(file, text);
    let mut s = Settings::default();
    if let Some(doc) = d.document(text, false) {
        let root = d.root(&doc);
        d.keys(
            root,
            &[
                "name",
                "hospital",
                "warn_days",
                "warn_in",
                "stale_days",
                "target",
                "lang",
                "auto_commit",
                "closed_days",
                "report",
            ],
        );
        s.name = d.string(root, "name").map(|v| v.value);
        s.hospital = d.string(root, "hospital").map(|v| v.value);
        if let Some(w) = d.int(root, "warn_days", 0, 365) {
            s.warn_days = w.value as u32;
        }
        if let Some(w) = d.vocab::<crate::model::WarnIn>(root, "warn_in") {
            s.warn_in = w.value;
        }
        if let Some(w) = d.int(root, "stale_days", 1, 36500) {
            s.stale_days = w.value as u32;
        }
        if let Some(t) = d.number(root, "target") {
            if (0.0..=1.0).contains(&t.value) {
                s.target = t.value;
            } else {
                d.sink.error(
                    t.span,
                    Msg::NotAFraction {
                        key: "target".into(),
                    },
                );
            }
        }
        if let Some(l) = d.string::<String>(root, "lang") {
            match Lang::from_code(&l.value) {
                Some(lang) => s.lang = Some(lang),
                None => d.sink.error(
                    l.span,
                    Msg::NotInVocabulary {
                        key: "lang".into(),
                        value: l.value.clone(),
                        allowed: "nb,en".into(),
                        suggestion: None,
                    },
                ),
            }
        }
        if let Some(b) = d.bool(root, "auto_commit") {
            s.auto_commit = b;
        }
        s.closed_days = d.dates(root, "closed_days");
        if let Some(report) = d.table(root, "report", "[report]") {
            d.keys(report, &["redact", "missed_days", "mail_from", "mail_to"]);
            if let Some(b) = d.bool(report, "redact") {
                s.redact = b;
            }
            // At most 120: the report reads cases back to the start of the previous tertial, at least
            // four months before today.
            if let Some(n) = d.int(report, "missed_days", 0, 120) {
                s.missed_days = n.value as u32;
            }
            s.mail_from = d.string(report, "mail_from").map(|v| v.value);
            s.mail_to = d.strings(report, "mail_to");
        }
    }
    (s, d.sink.diags)
}
