//! The message catalogue: every user-facing sentence and label, in Norwegian bokmål and English.
//!
//! Each message is written once, with both languages side by side (`t!`), so a message cannot
//! exist in one language only. Code never formats user-facing text anywhere else.

use std::fmt;

/// The language of every user-facing word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Norwegian bokmål (the default: the users are Norwegian).
    #[default]
    Nb,
    /// English.
    En,
}

impl Lang {
    /// Parses a `lang` setting value.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "nb" => Some(Lang::Nb),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Picks the Norwegian or English form; both are always given.
macro_rules! t {
    ($lang:expr, $nb:expr, $en:expr $(,)?) => {
        match $lang {
            $crate::i18n::Lang::Nb => $nb.to_string(),
            $crate::i18n::Lang::En => $en.to_string(),
        }
    };
}
pub(crate) use t;

/// Formats an optional did-you-mean suggestion as a hint.
fn did_you_mean(lang: Lang, suggestion: &Option<String>) -> Option<String> {
    suggestion.as_ref().map(|s| {
        t!(
            lang,
            format!("mente du `{s}`?"),
            format!("did you mean `{s}`?")
        )
    })
}

mod changes;
mod diag;
mod help;
mod names;
mod site;
mod syntax;
mod team;
mod ui;
mod usage;
mod words;

pub use changes::*;
pub use diag::*;
pub use help::*;
pub use names::*;
pub use site::*;
pub use syntax::*;
pub use team::*;
pub use ui::*;
pub use usage::*;
pub use words::*;

/// A translated message bound to a language, for `{}` formatting.
pub struct Tr<'a>(pub &'a Msg, pub Lang);

impl fmt::Display for Tr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.text(self.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use strum::IntoEnumIterator;

    /// One of every message, with its fields filled in the way a real message would have them
    /// (a suggestion, so the did-you-mean hint is exercised too).
    fn every_msg() -> Vec<Msg> {
        Msg::iter().map(fill_msg).collect()
    }

    fn fill_msg(m: Msg) -> Msg {
        let x = || "x".to_string();
        match m {
            Msg::UnknownKey { .. } => Msg::UnknownKey {
                key: x(),
                section: x(),
                suggestion: Some("y".into()),
            },
            Msg::WrongType { .. } => Msg::WrongType {
                key: x(),
                expected: Kind::Integer,
                found: Kind::Integer,
                literal: Some("y".into()),
            },
            other => other,
        }
    }

    /// A write confirmation of each kind (the match makes a new kind add its sample).
    fn sample_done(kind: DoneKind) -> Done {
        let x = || "x".to_string();
        let code = Some("A12S".to_string());
        match kind {
            DoneKind::NewCase => Done::NewCase {
                pathway: x(),
                referral: x(),
                code,
            },
            DoneKind::Event => Done::Event {
                milestone: x(),
                date: x(),
                code,
            },
            DoneKind::PlannedTreatment => Done::PlannedTreatment {
                treatment: crate::model::Treatment::Surgery,
            },
            DoneKind::Appointment => Done::Appointment {
                date: x(),
                time: Some(x()),
                what: x(),
            },
            DoneKind::Mdt => Done::Mdt { date: x() },
            DoneKind::TaskDone => Done::TaskDone { id: x(), date: x() },
            DoneKind::AdHocTask => Done::AdHocTask { id: x(), due: x() },
            DoneKind::Note => Done::Note { date: x() },
            DoneKind::Deviation => Done::Deviation { interval: x() },
            DoneKind::Transfer => Done::Transfer {
                date: x(),
                to: x(),
                code,
            },
            DoneKind::Close => Done::Close {
                date: x(),
                reason: crate::model::CloseReason::Died,
                code,
            },
            DoneKind::Amended => Done::Amended { milestone: x() },
            DoneKind::MdtConclusion => Done::MdtConclusion { date: x() },
            DoneKind::FieldSet => Done::FieldSet {
                field: x(),
                value: x(),
            },
            DoneKind::Reopened => Done::Reopened,
            DoneKind::Cancelled => Done::Cancelled {
                date: x(),
                mdt: true,
            },
        }
    }

    fn every_ui() -> Vec<Ui> {
        Ui::iter().collect()
    }

    /// Texts that are the same word in both languages.
    const SAME: &[&str] = &["id", "NPR", "register", "median", "commit", "MDT", "status"];

    fn both(nb: String, en: String, what: &str) {
        assert!(
            !nb.trim().is_empty() && !en.trim().is_empty(),
            "{what}: empty text"
        );
        assert!(
            nb != en || SAME.contains(&nb.as_str()),
            "{what}: the same in both languages: {nb}"
        );
    }

    #[test]
    fn every_message_has_both_languages() {
        let msgs = every_msg();
        assert!(msgs.len() > 50, "the derived list holds every message");
        for m in &msgs {
            both(m.text(Lang::Nb), m.text(Lang::En), &format!("{m:?}"));
            match (m.hint(Lang::Nb), m.hint(Lang::En)) {
                (Some(nb), Some(en)) => both(nb, en, &format!("hint of {m:?}")),
                (None, None) => {}
                _ => panic!("{m:?}: a hint in one language only"),
            }
        }
        for u in every_ui() {
            both(u.text(Lang::Nb), u.text(Lang::En), &format!("{u:?}"));
            match (u.hint(Lang::Nb), u.hint(Lang::En)) {
                (Some(nb), Some(en)) => both(nb, en, &format!("hint of {u:?}")),
                (None, None) => {}
                _ => panic!("{u:?}: a hint in one language only"),
            }
        }
        for kind in DoneKind::iter() {
            let d = sample_done(kind);
            both(d.text(Lang::Nb), d.text(Lang::En), &format!("{d:?}"));
        }
        for topic in LogTopic::iter() {
            let (nb, en) = (topic.text(Lang::Nb), topic.text(Lang::En));
            both(nb, en.clone(), &format!("{topic:?}"));
            assert_eq!(
                en,
                topic.key(),
                "English log words are the stable JSON words"
            );
        }
        for w in Word::iter() {
            both(w.text(Lang::Nb), w.text(Lang::En), &format!("{w:?}"));
        }
    }

    #[test]
    fn every_diagnostic_has_its_own_stable_code() {
        let mut seen = std::collections::BTreeMap::new();
        for m in Msg::iter() {
            let code = m.code();
            assert!(
                code.len() == 5
                    && code.starts_with('F')
                    && code[1..].chars().all(|c| c.is_ascii_digit()),
                "{m:?}: code `{code}` is not of the form F0000"
            );
            if let Some(other) = seen.insert(code, format!("{m:?}")) {
                panic!("{code} is given to both {other} and {m:?}");
            }
        }
    }

    #[test]
    fn counts_agree_with_their_noun() {
        assert_eq!(count(1, Noun::File, Lang::Nb), "1 fil");
        assert_eq!(count(2, Noun::File, Lang::Nb), "2 filer");
        assert_eq!(count(0, Noun::File, Lang::Nb), "0 filer");
        assert_eq!(count(1, Noun::Warning, Lang::Nb), "1 advarsel");
        assert_eq!(count(1, Noun::File, Lang::En), "1 file");
        assert_eq!(count(21, Noun::File, Lang::En), "21 files");
        assert_eq!(count(-1, Noun::Day, Lang::Nb), "-1 dag");
        assert_eq!(days_of(0, 1, Lang::Nb), "0 av 1 dag");
        for noun in Noun::iter() {
            assert_ne!(noun.word(1, Lang::En), noun.word(2, Lang::En), "{noun:?}");
        }
    }

    #[test]
    fn decimals_take_a_comma_in_bokmal() {
        assert_eq!(decimal(25.5, 1, Lang::Nb), "25,5");
        assert_eq!(decimal(25.5, 1, Lang::En), "25.5");
        assert_eq!(decimal(6.0, 1, Lang::Nb), "6");
        assert_eq!(decimal(0.25, 2, Lang::Nb), "0,25");
        assert_eq!(decimal(-0.01, 1, Lang::Nb), "0");
    }

    #[test]
    fn headings_of_documents_give_the_year() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(
            day_heading_with_year(d, Lang::Nb),
            "mandag 23. november 2026"
        );
        assert_eq!(
            day_heading_with_year(d, Lang::En),
            "Monday 23 November 2026"
        );
    }

    #[test]
    fn every_usage_error_has_both_languages() {
        for u in UsageError::iter() {
            let u = match u {
                UsageError::Other { .. } => continue, // clap's own words, passed through
                u => u,
            };
            both(u.text(Lang::Nb), u.text(Lang::En), &format!("{u:?}"));
        }
        for p in ValueProblem::iter() {
            if !matches!(p, ValueProblem::Other { .. }) {
                both(p.text(Lang::Nb), p.text(Lang::En), &format!("{p:?}"));
            }
        }
        assert_ne!(usage_label(Lang::Nb), usage_label(Lang::En));
        assert_ne!(more_help("forlop", Lang::Nb), more_help("forlop", Lang::En));
    }

    #[test]
    fn dates_and_days_read_as_people_say_them() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(day_heading(d, Lang::Nb), "tirsdag 24. november");
        assert_eq!(day_heading(d, Lang::En), "Tuesday 24 November");
        assert_eq!(days_left_text(-3, Lang::Nb), "3 dager på overtid");
        assert_eq!(days_left_text(-1, Lang::Nb), "1 dag på overtid");
        assert_eq!(days_left_text(0, Lang::Nb), "i dag");
        assert_eq!(days_left_text(1, Lang::Nb), "i morgen");
        assert_eq!(days_left_text(5, Lang::En), "in 5 days");
    }
}
