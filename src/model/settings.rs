//! forlop.toml: register settings.

use chrono::NaiveDate;

use crate::i18n::Lang;

/// Register settings; every key is optional.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub name: Option<String>,
    pub hospital: Option<String>,
    /// A deadline within this many days is "due soon".
    pub warn_days: u32,
    /// How `warn_days` is counted.
    pub warn_in: super::WarnIn,
    /// An open case with no activity for this many days is stale.
    pub stale_days: u32,
    /// Share of patients within standard time.
    pub target: f64,
    /// Language from the file, if given (`--lang` wins).
    pub lang: Option<Lang>,
    pub auto_commit: bool,
    /// Extra days the section is closed, beside public holidays.
    pub closed_days: Vec<NaiveDate>,
    /// Outputs show initials + case id, never name or fnr.
    pub redact: bool,
    /// The sender of the morning mail (`report --format eml`).
    pub mail_from: Option<String>,
    /// The recipients of the morning mail.
    pub mail_to: Vec<String>,
    /// The report lists standard times missed within this many days (`[report] missed_days`).
    pub missed_days: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            name: None,
            hospital: None,
            warn_days: 2,
            warn_in: super::WarnIn::WorkingDays,
            stale_days: 60,
            target: 0.70,
            lang: None,
            auto_commit: false,
            closed_days: Vec::new(),
            redact: true,
            mail_from: None,
            mail_to: Vec::new(),
            missed_days: 30,
        }
    }
}

impl Settings {
    /// The "due soon" window these settings give.
    pub fn warn(&self) -> crate::schedule::Warn<'_> {
        crate::schedule::Warn {
            days: self.warn_days,
            working_days: self.warn_in == super::WarnIn::WorkingDays,
            closed_days: &self.closed_days,
        }
    }
}
