//! The message catalogue: every user-facing sentence and label, in Norwegian bokmål and English.
//!
//! Each message is written once, with both languages side by side (`t!`), so a message cannot
//! exist in one language only. Code never formats user-facing text anywhere else.

use std::fmt;

/// The language of every user-facing word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
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

mod diag;
mod names;
mod team;
mod ui;
mod words;

pub use diag::*;
pub use names::*;
pub use team::*;
pub use ui::*;
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

    /// One of every message, with made-up values.
    fn every_msg() -> Vec<Msg> {
        vec![
            Msg::TomlSyntax { detail: "x".into() },
            Msg::EmptyFile,
            Msg::NotUtf8,
            Msg::Symlink,
            Msg::GitConflict {
                ours: "x".into(),
                theirs: "y".into(),
            },
            Msg::NotRegularFile,
            Msg::Unreadable { detail: "x".into() },
            Msg::IgnoredFile,
            Msg::UnreadableDir { detail: "x".into() },
            Msg::FileTooLarge { megabytes: 40 },
            Msg::CasesNotAFolder,
            Msg::PathwayUnusable {
                pathway: "x".into(),
                cases: 2,
            },
            Msg::UnknownKey {
                key: "x".into(),
                section: "x".into(),
                suggestion: Some("y".into()),
            },
            Msg::WrongType {
                key: "x".into(),
                expected: Kind::Integer,
                found: Kind::Integer,
                literal: Some("y".into()),
            },
            Msg::MissingKey {
                key: "x".into(),
                section: "x".into(),
            },
            Msg::DateWithTime { key: "x".into() },
            Msg::InvalidDate {
                key: "x".into(),
                detail: "x".into(),
            },
            Msg::IntegerOutOfRange {
                key: "x".into(),
                min: 1958,
                max: 1958,
            },
            Msg::NotInVocabulary {
                key: "x".into(),
                value: "x".into(),
                allowed: "x".into(),
                suggestion: Some("y".into()),
            },
            Msg::BadId {
                key: "x".into(),
                value: "x".into(),
            },
            Msg::IdNotStem {
                id: "x".into(),
                stem: "x".into(),
            },
            Msg::BadTime { value: "x".into() },
            Msg::NotAFraction { key: "x".into() },
            Msg::UnknownPerson {
                key: "x".into(),
                id: "x".into(),
                suggestion: Some("y".into()),
            },
            Msg::NoTeamFile {
                key: "x".into(),
                id: "x".into(),
            },
            Msg::DuplicatePerson {
                id: "x".into(),
                first_line: 3,
            },
            Msg::FnrLength,
            Msg::FnrNotDigits,
            Msg::FnrControl,
            Msg::FnrDate,
            Msg::BornContradictsFnr {
                born: 1958,
                fnr_year: 1957,
            },
            Msg::DuplicateMilestone {
                id: "x".into(),
                first_line: 3,
            },
            Msg::DuplicateInterval {
                id: "x".into(),
                first_line: 3,
            },
            Msg::DuplicateTask {
                id: "x".into(),
                first_line: 3,
            },
            Msg::DuplicateRole {
                code: "x".into(),
                other: "x".into(),
            },
            Msg::UnknownPathwayMilestone {
                key: "x".into(),
                id: "x".into(),
                suggestion: Some("y".into()),
            },
            Msg::IntervalCycle { path: "x".into() },
            Msg::IntervalBackwards {
                id: "x".into(),
                from: "x".into(),
                to: "x".into(),
            },
            Msg::NegativeDays { key: "x".into() },
            Msg::BadCode { code: "x".into() },
            Msg::UnknownTimes {
                value: "x".into(),
                suggestion: Some("y".into()),
            },
            Msg::UnknownTreatmentKey {
                key: "x".into(),
                suggestion: Some("y".into()),
            },
            Msg::TimesUnknownWithIntervals,
            Msg::DaysTableEmpty,
            Msg::UnknownPathway {
                id: "x".into(),
                suggestion: Some("y".into()),
            },
            Msg::UnknownMilestone {
                id: "x".into(),
                pathway: "x".into(),
                suggestion: Some("y".into()),
            },
            Msg::UnknownTask {
                id: "x".into(),
                pathway: "x".into(),
                suggestion: Some("y".into()),
            },
            Msg::UnknownInterval {
                id: "x".into(),
                pathway: "x".into(),
                suggestion: Some("y".into()),
            },
            Msg::AdHocTaskIncomplete { id: "x".into() },
            Msg::DuplicateCaseTask {
                id: "x".into(),
                first_line: 3,
            },
            Msg::SameMilestoneTwice {
                id: "x".into(),
                first_line: 3,
            },
            Msg::MilestoneOrder {
                milestone: "x".into(),
                date: "x".into(),
                earlier: "x".into(),
                earlier_date: "x".into(),
            },
            Msg::OutcomeNotDecision {
                milestone: "x".into(),
            },
            Msg::TreatmentNotTreatment {
                milestone: "x".into(),
            },
            Msg::RetiredPathway {
                pathway: "x".into(),
                retired: "x".into(),
            },
            Msg::DuplicateCaseId {
                id: "x".into(),
                other: "x".into(),
            },
            Msg::DuplicateOpenCase {
                pathway: "x".into(),
                other: "x".into(),
            },
            Msg::EventInFuture {
                date: "x".into(),
                today: "x".into(),
            },
            Msg::ClosedInFuture {
                date: "x".into(),
                today: "x".into(),
            },
            Msg::TransferInFuture {
                date: "x".into(),
                today: "x".into(),
            },
            Msg::TaskDoneInFuture {
                id: "x".into(),
                date: "x".into(),
                today: "x".into(),
            },
            Msg::ClosedBeforeReferral {
                date: "x".into(),
                referral: "x".into(),
            },
            Msg::TransferBeforeReferral {
                date: "x".into(),
                referral: "x".into(),
            },
            Msg::PlannedTreatmentNotInTable {
                treatment: "x".into(),
                intervals: "x".into(),
            },
            Msg::TreatmentEventNoType,
            Msg::OpenCaseNoCoordinator,
            Msg::TimesUnknownOpenCase {
                pathway: "x".into(),
            },
            Msg::TooManyProblems { shown: 200 },
            Msg::HiddenFile,
            Msg::StaleTemporary,
        ]
    }

    /// A compile-time guard: a new variant must be added here and to `every_msg`.
    #[allow(dead_code)]
    fn exhaustive_msg(m: &Msg) {
        match m {
            Msg::TomlSyntax { .. } => {}
            Msg::EmptyFile => {}
            Msg::NotUtf8 => {}
            Msg::Symlink => {}
            Msg::GitConflict { .. } => {}
            Msg::NotRegularFile => {}
            Msg::Unreadable { .. } => {}
            Msg::IgnoredFile => {}
            Msg::UnreadableDir { .. } => {}
            Msg::FileTooLarge { .. } => {}
            Msg::CasesNotAFolder => {}
            Msg::PathwayUnusable { .. } => {}
            Msg::TooManyProblems { .. } => {}
            Msg::HiddenFile => {}
            Msg::StaleTemporary => {}
            Msg::UnknownKey { .. } => {}
            Msg::WrongType { .. } => {}
            Msg::MissingKey { .. } => {}
            Msg::DateWithTime { .. } => {}
            Msg::InvalidDate { .. } => {}
            Msg::IntegerOutOfRange { .. } => {}
            Msg::NotInVocabulary { .. } => {}
            Msg::BadId { .. } => {}
            Msg::IdNotStem { .. } => {}
            Msg::BadTime { .. } => {}
            Msg::NotAFraction { .. } => {}
            Msg::UnknownPerson { .. } => {}
            Msg::NoTeamFile { .. } => {}
            Msg::DuplicatePerson { .. } => {}
            Msg::FnrLength => {}
            Msg::FnrNotDigits => {}
            Msg::FnrControl => {}
            Msg::FnrDate => {}
            Msg::BornContradictsFnr { .. } => {}
            Msg::DuplicateMilestone { .. } => {}
            Msg::DuplicateInterval { .. } => {}
            Msg::DuplicateTask { .. } => {}
            Msg::DuplicateRole { .. } => {}
            Msg::UnknownPathwayMilestone { .. } => {}
            Msg::IntervalCycle { .. } => {}
            Msg::IntervalBackwards { .. } => {}
            Msg::NegativeDays { .. } => {}
            Msg::BadCode { .. } => {}
            Msg::UnknownTimes { .. } => {}
            Msg::UnknownTreatmentKey { .. } => {}
            Msg::TimesUnknownWithIntervals => {}
            Msg::DaysTableEmpty => {}
            Msg::UnknownPathway { .. } => {}
            Msg::UnknownMilestone { .. } => {}
            Msg::UnknownTask { .. } => {}
            Msg::UnknownInterval { .. } => {}
            Msg::AdHocTaskIncomplete { .. } => {}
            Msg::DuplicateCaseTask { .. } => {}
            Msg::SameMilestoneTwice { .. } => {}
            Msg::MilestoneOrder { .. } => {}
            Msg::OutcomeNotDecision { .. } => {}
            Msg::TreatmentNotTreatment { .. } => {}
            Msg::RetiredPathway { .. } => {}
            Msg::DuplicateCaseId { .. } => {}
            Msg::DuplicateOpenCase { .. } => {}
            Msg::EventInFuture { .. } => {}
            Msg::ClosedInFuture { .. } => {}
            Msg::TransferInFuture { .. } => {}
            Msg::TaskDoneInFuture { .. } => {}
            Msg::ClosedBeforeReferral { .. } => {}
            Msg::TransferBeforeReferral { .. } => {}
            Msg::PlannedTreatmentNotInTable { .. } => {}
            Msg::TreatmentEventNoType => {}
            Msg::OpenCaseNoCoordinator => {}
            Msg::TimesUnknownOpenCase { .. } => {}
        }
    }

    fn every_ui() -> Vec<Ui> {
        vec![
            Ui::NoRegister { dir: "x".into() },
            Ui::NoSuchRegister { dir: "x".into() },
            Ui::NotARegister { dir: "x".into() },
            Ui::FormatNotSupported {
                format: "x".into(),
                command: "x".into(),
                allowed: "x".into(),
            },
            Ui::PathNotFound { path: "x".into() },
            Ui::PathOutsideRegister { path: "x".into() },
            Ui::UnknownCase {
                id: "x".into(),
                suggestion: Some("y".into()),
            },
            Ui::UnknownPathway {
                id: "x".into(),
                suggestion: Some("y".into()),
            },
            Ui::UnknownCoordinator {
                id: "x".into(),
                suggestion: Some("y".into()),
            },
            Ui::RegisterHasErrors { errors: 2 },
            Ui::CasesUnreadable { detail: "x".into() },
            Ui::FileProblem {
                place: "x".into(),
                message: "x".into(),
            },
            Ui::CaseFileHasErrors {
                id: "x".into(),
                place: "x".into(),
                message: "x".into(),
            },
            Ui::CheckSummary {
                errors: 2,
                warnings: 2,
                files: 2,
            },
            Ui::CheckClean { files: 2 },
            Ui::HandoverNeedsCases,
            Ui::CaseExists { file: "x".into() },
            Ui::BadCaseId { id: "x".into() },
            Ui::WouldBreak,
            Ui::Uncommitted { file: "x".into() },
            Ui::NotARepo,
            Ui::GitMissing,
            Ui::Git { detail: "x".into() },
            Ui::Written {
                what: "x".into(),
                file: "x".into(),
            },
            Ui::Committed {
                what: "x".into(),
                file: "x".into(),
                commit: "x".into(),
            },
            Ui::RegisterExists { dir: "x".into() },
            Ui::RegisterCreated { dir: "x".into() },
            Ui::HookInstalled { path: "x".into() },
            Ui::HookExists { path: "x".into() },
            Ui::StagedClean { files: 2 },
            Ui::FileExists { file: "x".into() },
            Ui::PathwayCopied { file: "x".into() },
            Ui::Io { detail: "x".into() },
            Ui::StdoutClosed,
            Ui::WaitingForLock,
            Ui::ThroughLink { path: "x".into() },
            Ui::BadLockFile { path: "x".into() },
            Ui::CaseUnusable,
        ]
    }

    #[allow(dead_code)]
    fn exhaustive_ui(m: &Ui) {
        match m {
            Ui::NoRegister { .. } => {}
            Ui::NoSuchRegister { .. } => {}
            Ui::NotARegister { .. } => {}
            Ui::FormatNotSupported { .. } => {}
            Ui::PathNotFound { .. } => {}
            Ui::PathOutsideRegister { .. } => {}
            Ui::UnknownCase { .. } => {}
            Ui::UnknownPathway { .. } => {}
            Ui::UnknownCoordinator { .. } => {}
            Ui::RegisterHasErrors { .. } => {}
            Ui::CasesUnreadable { .. } => {}
            Ui::FileProblem { .. } => {}
            Ui::CaseFileHasErrors { .. } => {}
            Ui::CheckSummary { .. } => {}
            Ui::CheckClean { .. } => {}
            Ui::HandoverNeedsCases => {}
            Ui::CaseExists { .. } => {}
            Ui::BadCaseId { .. } => {}
            Ui::WouldBreak => {}
            Ui::Uncommitted { .. } => {}
            Ui::NotARepo => {}
            Ui::GitMissing => {}
            Ui::Git { .. } => {}
            Ui::Written { .. } => {}
            Ui::Committed { .. } => {}
            Ui::RegisterExists { .. } => {}
            Ui::RegisterCreated { .. } => {}
            Ui::HookInstalled { .. } => {}
            Ui::HookExists { .. } => {}
            Ui::StagedClean { .. } => {}
            Ui::FileExists { .. } => {}
            Ui::PathwayCopied { .. } => {}
            Ui::Io { .. } => {}
            Ui::Team(_) => {}
            Ui::StdoutClosed => {}
            Ui::WaitingForLock => {}
            Ui::ThroughLink { .. } => {}
            Ui::BadLockFile { .. } => {}
            Ui::CaseUnusable => {}
        }
    }

    const WORDS: &[Word] = &[
        Word::Error,
        Word::Warning,
        Word::Hint,
        Word::Id,
        Word::Name,
        Word::Npr,
        Word::Times,
        Word::Retired,
        Word::Origin,
        Word::BuiltIn,
        Word::FromRegister,
        Word::Confirmed,
        Word::Unverified,
        Word::Unknown,
        Word::Milestones,
        Word::Intervals,
        Word::Tasks,
        Word::Source,
        Word::Updated,
        Word::Code,
        Word::From,
        Word::To,
        Word::Days,
        Word::After,
        Word::Role,
        Word::Case,
        Word::Patient,
        Word::Pathway,
        Word::Coordinator,
        Word::LastMilestone,
        Word::Date,
        Word::NextMilestone,
        Word::NoOpenCases,
        Word::CalendarDays,
        Word::AllTreatments,
        Word::TreatmentType,
        Word::NoIntervalsKnown,
        Word::LocalMilestone,
        Word::Due,
        Word::DaysLeft,
        Word::What,
        Word::Milestone,
        Word::Note,
        Word::NextDeadline,
        Word::NoDeadlines,
        Word::Doctor,
        Word::PlannedTreatment,
        Word::Events,
        Word::Elapsed,
        Word::State,
        Word::Done,
        Word::Met,
        Word::Missed,
        Word::Running,
        Word::NotStarted,
        Word::NotApplicable,
        Word::Ended,
        Word::DeviationRecorded,
        Word::Closed,
        Word::Transferred,
        Word::OpenTask,
        Word::Overdue,
        Word::Weekend,
        Word::ClosedDay,
        Word::Time,
        Word::Place,
        Word::MdtShort,
        Word::DeadlineShort,
        Word::TaskShort,
        Word::NothingThisDay,
        Word::AgendaFrom,
        Word::Question,
        Word::Conclusion,
        Word::MdtMeeting,
        Word::NoMdtAhead,
        Word::NoCasesOnMdt,
        Word::Handover,
        Word::HandoverTo,
        Word::ResponsibleDoctor,
        Word::Gp,
        Word::IndividualPlan,
        Word::MunicipalConsent,
        Word::NotRecorded,
        Word::YesWord,
        Word::NoWord,
        Word::OpenTasks,
        Word::UpcomingAppointments,
        Word::MdtMeetings,
        Word::Deviations,
        Word::LatestNotes,
        Word::TransferredTo,
        Word::NoneRecorded,
        Word::Reported,
        Word::NotReported,
        Word::Phone,
        Word::PatientCap,
        Word::CoordinatorCap,
        Word::PlannedTreatmentCap,
        Word::NextDeadlineCap,
        Word::Fnr,
        Word::Born,
        Word::StatusOpen,
        Word::ReceivingCoordinator,
        Word::By,
        Word::Upcoming,
        Word::Group,
        Word::IntervalShort,
        Word::MeasuredCount,
        Word::WithinCount,
        Word::Share,
        Word::Target,
        Word::Median,
        Word::P90,
        Word::BelowTarget,
        Word::NoMeasures,
        Word::ReportTitle,
        Word::DueSoonHeading,
        Word::TodayHeading,
        Word::RecordedHeading,
        Word::NewReferrals,
        Word::NoCoordinatorHeading,
        Word::ComplianceHeading,
        Word::DeviationMissing,
        Word::WithoutCoordinator,
        Word::Period,
        Word::ChartTitle,
        Word::ReportWritten,
        Word::Deviation,
        Word::DeadlineCap,
        Word::Commit,
        Word::NoCaseChange,
        Word::Author,
    ];

    #[allow(dead_code)]
    fn exhaustive_word(w: Word) {
        match w {
            Word::Error => {}
            Word::Warning => {}
            Word::Hint => {}
            Word::Id => {}
            Word::Name => {}
            Word::Npr => {}
            Word::Times => {}
            Word::Retired => {}
            Word::Origin => {}
            Word::BuiltIn => {}
            Word::FromRegister => {}
            Word::Confirmed => {}
            Word::Unverified => {}
            Word::Unknown => {}
            Word::Milestones => {}
            Word::Intervals => {}
            Word::Tasks => {}
            Word::Source => {}
            Word::Updated => {}
            Word::Code => {}
            Word::From => {}
            Word::To => {}
            Word::Days => {}
            Word::After => {}
            Word::Role => {}
            Word::Case => {}
            Word::Patient => {}
            Word::Pathway => {}
            Word::Coordinator => {}
            Word::LastMilestone => {}
            Word::Date => {}
            Word::NextMilestone => {}
            Word::NoOpenCases => {}
            Word::CalendarDays => {}
            Word::AllTreatments => {}
            Word::TreatmentType => {}
            Word::NoIntervalsKnown => {}
            Word::LocalMilestone => {}
            Word::Due => {}
            Word::DaysLeft => {}
            Word::What => {}
            Word::Milestone => {}
            Word::Note => {}
            Word::NextDeadline => {}
            Word::NoDeadlines => {}
            Word::Doctor => {}
            Word::PlannedTreatment => {}
            Word::Events => {}
            Word::Elapsed => {}
            Word::State => {}
            Word::Done => {}
            Word::Met => {}
            Word::Missed => {}
            Word::Running => {}
            Word::NotStarted => {}
            Word::NotApplicable => {}
            Word::Ended => {}
            Word::DeviationRecorded => {}
            Word::Closed => {}
            Word::Transferred => {}
            Word::OpenTask => {}
            Word::Overdue => {}
            Word::Weekend => {}
            Word::ClosedDay => {}
            Word::Time => {}
            Word::Place => {}
            Word::MdtShort => {}
            Word::DeadlineShort => {}
            Word::TaskShort => {}
            Word::NothingThisDay => {}
            Word::AgendaFrom => {}
            Word::Question => {}
            Word::Conclusion => {}
            Word::MdtMeeting => {}
            Word::NoMdtAhead => {}
            Word::NoCasesOnMdt => {}
            Word::Handover => {}
            Word::HandoverTo => {}
            Word::ResponsibleDoctor => {}
            Word::Gp => {}
            Word::IndividualPlan => {}
            Word::MunicipalConsent => {}
            Word::NotRecorded => {}
            Word::YesWord => {}
            Word::NoWord => {}
            Word::OpenTasks => {}
            Word::UpcomingAppointments => {}
            Word::MdtMeetings => {}
            Word::Deviations => {}
            Word::LatestNotes => {}
            Word::TransferredTo => {}
            Word::NoneRecorded => {}
            Word::Reported => {}
            Word::NotReported => {}
            Word::Phone => {}
            Word::PatientCap => {}
            Word::CoordinatorCap => {}
            Word::PlannedTreatmentCap => {}
            Word::NextDeadlineCap => {}
            Word::Fnr => {}
            Word::Born => {}
            Word::StatusOpen => {}
            Word::ReceivingCoordinator => {}
            Word::By => {}
            Word::Upcoming => {}
            Word::Group => {}
            Word::IntervalShort => {}
            Word::MeasuredCount => {}
            Word::WithinCount => {}
            Word::Share => {}
            Word::Target => {}
            Word::Median => {}
            Word::P90 => {}
            Word::BelowTarget => {}
            Word::NoMeasures => {}
            Word::ReportTitle => {}
            Word::DueSoonHeading => {}
            Word::TodayHeading => {}
            Word::RecordedHeading => {}
            Word::NewReferrals => {}
            Word::NoCoordinatorHeading => {}
            Word::ComplianceHeading => {}
            Word::DeviationMissing => {}
            Word::WithoutCoordinator => {}
            Word::Period => {}
            Word::ChartTitle => {}
            Word::ReportWritten => {}
            Word::Deviation => {}
            Word::DeadlineCap => {}
            Word::Commit => {}
            Word::NoCaseChange => {}
            Word::Author => {}
        }
    }

    /// Texts that are the same word in both languages.
    const SAME: &[&str] = &[
        "id",
        "NPR",
        "register",
        "median",
        "commit",
        "MDT",
        "status",
        "x → x",
        "x → x (commit x)",
    ];

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
        assert_eq!(msgs.len(), 70);
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
        for w in WORDS {
            both(w.text(Lang::Nb), w.text(Lang::En), &format!("{w:?}"));
        }
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
