//! The closed vocabularies of SPEC.md §1, each with its TOML word and NPR letter.

/// A closed set of words that a TOML value must be one of.
pub trait Vocab: Copy + Sized + 'static {
    /// Every member with its TOML word.
    const ALL: &'static [(Self, &'static str)];

    /// The member written as `word`.
    fn from_word(word: &str) -> Option<Self> {
        Self::ALL.iter().find(|(_, w)| *w == word).map(|(v, _)| *v)
    }

    /// The TOML word of this member.
    fn word(self) -> &'static str
    where
        Self: PartialEq,
    {
        Self::ALL
            .iter()
            .find(|(v, _)| *v == self)
            .map(|(_, w)| *w)
            .unwrap_or("?")
    }

    /// All words, comma-separated (for messages).
    fn words() -> String {
        Self::ALL
            .iter()
            .map(|(_, w)| *w)
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// Treatment types (NPR `F` + letter). Source: Helsedirektoratet, kodeveileder for pakkeforløp.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Treatment {
    Surgery,
    Drug,
    Radiation,
    SymptomRelief,
    Surveillance,
    None,
}

impl Vocab for Treatment {
    const ALL: &'static [(Self, &'static str)] = &[
        (Treatment::Surgery, "surgery"),
        (Treatment::Drug, "drug"),
        (Treatment::Radiation, "radiation"),
        (Treatment::SymptomRelief, "symptom-relief"),
        (Treatment::Surveillance, "surveillance"),
        (Treatment::None, "none"),
    ];
}

impl Treatment {
    /// The NPR letter after `F`: K M S L O I.
    pub fn npr_letter(self) -> char {
        match self {
            Treatment::Surgery => 'K',
            Treatment::Drug => 'M',
            Treatment::Radiation => 'S',
            Treatment::SymptomRelief => 'L',
            Treatment::Surveillance => 'O',
            Treatment::None => 'I',
        }
    }
}

/// Decision outcomes (NPR `C` + letter).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    Cancer,
    OtherCancer,
    OtherDisease,
    NoDisease,
    UnknownOrigin,
}

impl Vocab for Outcome {
    const ALL: &'static [(Self, &'static str)] = &[
        (Outcome::Cancer, "cancer"),
        (Outcome::OtherCancer, "other-cancer"),
        (Outcome::OtherDisease, "other-disease"),
        (Outcome::NoDisease, "no-disease"),
        (Outcome::UnknownOrigin, "unknown-origin"),
    ];
}

impl Outcome {
    /// Whether a decision with this outcome ends the pathway's treatment deadlines. Cancer found
    /// (K) and metastasis of unknown origin (U, MUU: `B01CU` is followed by treatment) do not;
    /// other cancer, other disease and no disease do (SPEC §2).
    pub fn ends_pathway(self) -> bool {
        !matches!(self, Outcome::Cancer | Outcome::UnknownOrigin)
    }

    /// The NPR letter after `C`: K M A I U.
    pub fn npr_letter(self) -> char {
        match self {
            Outcome::Cancer => 'K',
            Outcome::OtherCancer => 'M',
            Outcome::OtherDisease => 'A',
            Outcome::NoDisease => 'I',
            Outcome::UnknownOrigin => 'U',
        }
    }
}

/// The role a milestone plays, given by its NPR letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// `A`: referral received, pathway start.
    Start,
    /// `S`: first attendance.
    FirstVisit,
    /// `B`: biopsy taken (letter uncertain, see PATHWAYS.md).
    Biopsy,
    /// `C`: clinical decision, end of work-up.
    Decision,
    /// `F`: treatment start.
    Treatment,
}

impl Role {
    /// The role of an NPR letter, if it has one.
    pub fn from_code(code: &str) -> Option<Role> {
        match code {
            "A" => Some(Role::Start),
            "S" => Some(Role::FirstVisit),
            "B" => Some(Role::Biopsy),
            "C" => Some(Role::Decision),
            "F" => Some(Role::Treatment),
            _ => None,
        }
    }

    /// The position in the required order start ≤ first visit ≤ decision ≤ treatment; the
    /// biopsy is not ordered.
    pub fn order(self) -> Option<u8> {
        match self {
            Role::Start => Some(0),
            Role::FirstVisit => Some(1),
            Role::Decision => Some(2),
            Role::Treatment => Some(3),
            Role::Biopsy => None,
        }
    }
}

/// Roles of people in team.toml.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PersonRole {
    Coordinator,
    Doctor,
    Nurse,
    Secretary,
    External,
}

impl Vocab for PersonRole {
    const ALL: &'static [(Self, &'static str)] = &[
        (PersonRole::Coordinator, "coordinator"),
        (PersonRole::Doctor, "doctor"),
        (PersonRole::Nurse, "nurse"),
        (PersonRole::Secretary, "secretary"),
        (PersonRole::External, "external"),
    ];
}

/// Individual plan status (individuell plan).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IndividualPlan {
    NotAssessed,
    NotNeeded,
    Wanted,
    Established,
}

impl Vocab for IndividualPlan {
    const ALL: &'static [(Self, &'static str)] = &[
        (IndividualPlan::NotAssessed, "not-assessed"),
        (IndividualPlan::NotNeeded, "not-needed"),
        (IndividualPlan::Wanted, "wanted"),
        (IndividualPlan::Established, "established"),
    ];
}

/// Why a pathway was closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CloseReason {
    TreatmentStarted,
    NotCancer,
    Transferred,
    Declined,
    Died,
    Other,
}

impl Vocab for CloseReason {
    const ALL: &'static [(Self, &'static str)] = &[
        (CloseReason::TreatmentStarted, "treatment-started"),
        (CloseReason::NotCancer, "not-cancer"),
        (CloseReason::Transferred, "transferred"),
        (CloseReason::Declined, "declined"),
        (CloseReason::Died, "died"),
        (CloseReason::Other, "other"),
    ];
}

impl CloseReason {
    /// Whether the closure is coded `X` (pathway ended early).
    pub fn is_early_end(self) -> bool {
        matches!(
            self,
            CloseReason::Declined | CloseReason::Died | CloseReason::Other
        )
    }
}

/// How far a pathway's standard times can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimesStatus {
    Confirmed,
    Unverified,
    Unknown,
}

impl Vocab for TimesStatus {
    const ALL: &'static [(Self, &'static str)] = &[
        (TimesStatus::Confirmed, "confirmed"),
        (TimesStatus::Unverified, "unverified"),
        (TimesStatus::Unknown, "unknown"),
    ];
}

/// Whether `s` is a valid id: `[a-z0-9-]+`.
pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// How `warn_days` is counted (forlop.toml `warn_in`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum WarnIn {
    /// Weekends, public holidays and `closed_days` do not count (the default).
    #[default]
    WorkingDays,
    /// Every day counts: 0 ≤ due − today ≤ warn_days.
    CalendarDays,
}

impl Vocab for WarnIn {
    const ALL: &'static [(Self, &'static str)] = &[
        (WarnIn::WorkingDays, "working-days"),
        (WarnIn::CalendarDays, "calendar-days"),
    ];
}
