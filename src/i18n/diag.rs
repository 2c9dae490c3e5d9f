//! Diagnostics: the kind names of TOML values and every message `check` can give.

use super::{Lang, did_you_mean, toml_detail_nb};

/// The kind of a TOML value, as named in messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Kind {
    #[default]
    String,
    Integer,
    Float,
    Number,
    Bool,
    Date,
    Array,
    Table,
    ArrayOfTables,
    DaysValue,
}

impl Kind {
    /// The kind's name in `lang`.
    pub fn name(self, lang: Lang) -> String {
        match self {
            Kind::String => t!(lang, "tekst", "a string"),
            Kind::Integer => t!(lang, "heltall", "an integer"),
            Kind::Float => t!(lang, "desimaltall", "a float"),
            Kind::Number => t!(lang, "tall", "a number"),
            Kind::Bool => t!(lang, "true/false", "a boolean"),
            Kind::Date => t!(lang, "dato", "a date"),
            Kind::Array => t!(lang, "liste", "an array"),
            Kind::Table => t!(lang, "tabell", "a table"),
            Kind::ArrayOfTables => t!(
                lang,
                "liste av tabeller ([[…]])",
                "an array of tables ([[…]])"
            ),
            Kind::DaysValue => t!(
                lang,
                "heltall eller tabell per behandlingstype",
                "an integer or a table per treatment type"
            ),
        }
    }

    /// An example of a value of this kind, for hints.
    fn example(self) -> &'static str {
        match self {
            Kind::String => "\"…\"",
            Kind::Integer | Kind::Number => "2",
            Kind::Float => "0.70",
            Kind::Bool => "true",
            Kind::Date => "2026-11-02",
            Kind::Array => "[…]",
            Kind::Table | Kind::ArrayOfTables => "[…]",
            Kind::DaysValue => "9 / { surgery = 14, drug = 14 }",
        }
    }
}

/// Every diagnostic message. Rendered with [`Msg::text`] and [`Msg::hint`]; [`Msg::code`] is its
/// stable code. `Msg::iter()` lists one of each (fields at their defaults), for tests.
#[derive(Clone, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum Msg {
    // ---- files ----
    /// The TOML parser rejected the file. `detail` is the parser's own English message, shown as
    /// it is under `--lang en` and in bokmål through [`toml_detail_nb`].
    TomlSyntax {
        detail: String,
    },
    /// The file is empty (or only whitespace and comments).
    EmptyFile,
    /// The file is not valid UTF-8.
    NotUtf8,
    /// A symbolic link where a file was expected; never followed.
    Symlink,
    /// A git conflict block (`<<<<<<<` … `>>>>>>>`) left by a merge.
    GitConflict {
        ours: String,
        theirs: String,
    },
    /// Not a regular file (a device, socket, fifo).
    NotRegularFile,
    /// The file could not be read.
    Unreadable {
        detail: String,
    },
    /// A file in `cases/` that is not read because it does not end in `.toml`.
    IgnoredFile,
    /// A directory could not be walked.
    UnreadableDir {
        detail: String,
    },
    /// Larger than any case or pathway file can sensibly be; not read.
    FileTooLarge {
        megabytes: u64,
    },
    /// More entries than any case or pathway file can sensibly have; not parsed.
    TooManyEntries {
        max: usize,
    },
    /// `cases` exists but is not a folder.
    CasesNotAFolder,
    /// A register pathway file that could not be used at all: its cases get no deadlines (the
    /// built-in definition of the same id is not used in its place).
    PathwayUnusable {
        pathway: String,
        cases: usize,
    },
    /// The file has more problems than are listed; the first `shown` are.
    TooManyProblems {
        shown: usize,
    },
    /// A hidden file (name starting with `.`) in `cases/`: not read as a case.
    HiddenFile,
    /// A temporary file left by a write that was killed: a full copy of a case.
    StaleTemporary,

    // ---- structure ----
    UnknownKey {
        key: String,
        section: String,
        suggestion: Option<String>,
    },
    /// `literal`: the value written without quotes, when a quoted string holds a valid value.
    WrongType {
        key: String,
        expected: Kind,
        found: Kind,
        literal: Option<String>,
    },
    MissingKey {
        key: String,
        section: String,
    },
    DateWithTime {
        key: String,
    },
    InvalidDate {
        key: String,
        detail: String,
    },
    IntegerOutOfRange {
        key: String,
        min: i64,
        max: i64,
    },
    NotInVocabulary {
        key: String,
        value: String,
        allowed: String,
        suggestion: Option<String>,
    },
    BadId {
        key: String,
        value: String,
    },
    IdNotStem {
        id: String,
        stem: String,
    },
    BadTime {
        value: String,
    },
    NotAFraction {
        key: String,
    },

    // ---- people ----
    UnknownPerson {
        key: String,
        id: String,
        suggestion: Option<String>,
    },
    NoTeamFile {
        key: String,
        id: String,
    },
    DuplicatePerson {
        id: String,
        first_line: u32,
    },

    // ---- fødselsnummer ----
    FnrLength,
    FnrNotDigits,
    FnrControl,
    FnrDate,
    BornContradictsFnr {
        born: i64,
        fnr_year: i32,
    },

    // ---- pathways ----
    DuplicateMilestone {
        id: String,
        first_line: u32,
    },
    DuplicateInterval {
        id: String,
        first_line: u32,
    },
    DuplicateTask {
        id: String,
        first_line: u32,
    },
    DuplicateRole {
        code: String,
        other: String,
    },
    UnknownPathwayMilestone {
        key: String,
        id: String,
        suggestion: Option<String>,
    },
    IntervalCycle {
        path: String,
    },
    /// An interval whose `to` comes before its `from` in the milestone order (A, S, C, F).
    IntervalBackwards {
        id: String,
        from: String,
        to: String,
    },
    NegativeDays {
        key: String,
    },
    BadCode {
        code: String,
    },
    UnknownTimes {
        value: String,
        suggestion: Option<String>,
    },
    UnknownTreatmentKey {
        key: String,
        suggestion: Option<String>,
    },
    TimesUnknownWithIntervals,
    DaysTableEmpty,

    // ---- cases ----
    UnknownPathway {
        id: String,
        suggestion: Option<String>,
    },
    UnknownMilestone {
        id: String,
        pathway: String,
        suggestion: Option<String>,
    },
    UnknownTask {
        id: String,
        pathway: String,
        suggestion: Option<String>,
    },
    UnknownInterval {
        id: String,
        pathway: String,
        suggestion: Option<String>,
    },
    AdHocTaskIncomplete {
        id: String,
    },
    DuplicateCaseTask {
        id: String,
        first_line: u32,
    },
    SameMilestoneTwice {
        id: String,
        first_line: u32,
    },
    MilestoneOrder {
        milestone: String,
        date: String,
        earlier: String,
        earlier_date: String,
    },
    OutcomeNotDecision {
        milestone: String,
    },
    TreatmentNotTreatment {
        milestone: String,
    },
    RetiredPathway {
        pathway: String,
        retired: String,
    },
    DuplicateCaseId {
        id: String,
        other: String,
    },
    DuplicateOpenCase {
        pathway: String,
        other: String,
    },
    EventInFuture {
        date: String,
        today: String,
    },
    /// `[closed]` dated after today: ignored until that day.
    ClosedInFuture {
        date: String,
        today: String,
    },
    /// `[transfer]` dated after today: ignored until that day.
    TransferInFuture {
        date: String,
        today: String,
    },
    /// A task marked done on a day after today: still open until that day.
    TaskDoneInFuture {
        id: String,
        date: String,
        today: String,
    },
    /// `[closed]` dated before the referral.
    ClosedBeforeReferral {
        date: String,
        referral: String,
    },
    /// `[transfer]` dated before the referral.
    TransferBeforeReferral {
        date: String,
        referral: String,
    },
    PlannedTreatmentNotInTable {
        treatment: String,
        intervals: String,
    },
    TreatmentEventNoType,
    OpenCaseNoCoordinator,
    TimesUnknownOpenCase {
        pathway: String,
    },
    /// An event dated before the referral (start) of its pathway.
    EventBeforeReferral {
        milestone: String,
        date: String,
        referral: String,
        referral_date: String,
    },
    /// An appointment planned for a milestone falls after the deadline of an interval ending there.
    PlanAfterDeadline {
        milestone: String,
        planned: String,
        interval: String,
        due: String,
    },
    /// A deviation on an interval that was met.
    DeviationOnMetInterval {
        interval: String,
        elapsed: i64,
        days: u32,
    },
    /// An open case with nothing dated for `stale_days` and nothing booked.
    StaleCase {
        last_activity: String,
        days: i64,
    },
}

/// Renders a list of allowed words as `a`, `b` or `c`.
pub(super) fn one_of(lang: Lang, allowed: &str) -> String {
    let words: Vec<&str> = allowed.split(',').collect();
    let quoted: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            let or = t!(lang, "eller", "or");
            format!("{} {or} {last}", rest.join(", "))
        }
        _ => quoted.join(""),
    }
}

fn section_suffix(lang: Lang, section: &str) -> String {
    if section.is_empty() {
        String::new()
    } else {
        t!(lang, format!(" i {section}"), format!(" in {section}"))
    }
}

impl Msg {
    /// The diagnostic's stable code (`F` + family digit + number): shown in every human
    /// diagnostic, named by the fixture that plants it and by the error catalogue. A code is
    /// never reused for another message; a new message takes the next free number of its family
    /// (0 files, 1 structure, 2 people, 3 fødselsnummer, 4 pathways, 5 cases).
    pub fn code(&self) -> &'static str {
        match self {
            Msg::TomlSyntax { .. } => "F0001",
            Msg::EmptyFile => "F0002",
            Msg::NotUtf8 => "F0003",
            Msg::Symlink => "F0004",
            Msg::NotRegularFile => "F0005",
            Msg::Unreadable { .. } => "F0006",
            Msg::IgnoredFile => "F0007",
            Msg::UnreadableDir { .. } => "F0008",
            Msg::FileTooLarge { .. } => "F0009",
            Msg::CasesNotAFolder => "F0010",
            Msg::PathwayUnusable { .. } => "F0011",
            Msg::TooManyProblems { .. } => "F0012",
            Msg::HiddenFile => "F0013",
            Msg::StaleTemporary => "F0014",
            Msg::TooManyEntries { .. } => "F0015",
            Msg::GitConflict { .. } => "F0016",
            Msg::UnknownKey { .. } => "F1001",
            Msg::WrongType { .. } => "F1002",
            Msg::MissingKey { .. } => "F1003",
            Msg::DateWithTime { .. } => "F1004",
            Msg::InvalidDate { .. } => "F1005",
            Msg::IntegerOutOfRange { .. } => "F1006",
            Msg::NotInVocabulary { .. } => "F1007",
            Msg::BadId { .. } => "F1008",
            Msg::IdNotStem { .. } => "F1009",
            Msg::BadTime { .. } => "F1010",
            Msg::NotAFraction { .. } => "F1011",
            Msg::UnknownPerson { .. } => "F2001",
            Msg::NoTeamFile { .. } => "F2002",
            Msg::DuplicatePerson { .. } => "F2003",
            Msg::FnrLength => "F3001",
            Msg::FnrNotDigits => "F3002",
            Msg::FnrControl => "F3003",
            Msg::FnrDate => "F3004",
            Msg::BornContradictsFnr { .. } => "F3005",
            Msg::DuplicateMilestone { .. } => "F4001",
            Msg::DuplicateInterval { .. } => "F4002",
            Msg::DuplicateTask { .. } => "F4003",
            Msg::DuplicateRole { .. } => "F4004",
            Msg::UnknownPathwayMilestone { .. } => "F4005",
            Msg::IntervalCycle { .. } => "F4006",
            Msg::NegativeDays { .. } => "F4007",
            Msg::BadCode { .. } => "F4008",
            Msg::UnknownTimes { .. } => "F4009",
            Msg::UnknownTreatmentKey { .. } => "F4010",
            Msg::TimesUnknownWithIntervals => "F4011",
            Msg::DaysTableEmpty => "F4012",
            Msg::IntervalBackwards { .. } => "F4013",
            Msg::UnknownPathway { .. } => "F5001",
            Msg::UnknownMilestone { .. } => "F5002",
            Msg::UnknownTask { .. } => "F5003",
            Msg::UnknownInterval { .. } => "F5004",
            Msg::AdHocTaskIncomplete { .. } => "F5005",
            Msg::DuplicateCaseTask { .. } => "F5006",
            Msg::SameMilestoneTwice { .. } => "F5007",
            Msg::MilestoneOrder { .. } => "F5008",
            Msg::OutcomeNotDecision { .. } => "F5009",
            Msg::TreatmentNotTreatment { .. } => "F5010",
            Msg::RetiredPathway { .. } => "F5011",
            Msg::DuplicateCaseId { .. } => "F5012",
            Msg::DuplicateOpenCase { .. } => "F5013",
            Msg::EventInFuture { .. } => "F5014",
            Msg::PlannedTreatmentNotInTable { .. } => "F5015",
            Msg::TreatmentEventNoType => "F5016",
            Msg::OpenCaseNoCoordinator => "F5017",
            Msg::TimesUnknownOpenCase { .. } => "F5018",
            Msg::ClosedInFuture { .. } => "F5019",
            Msg::TransferInFuture { .. } => "F5020",
            Msg::TaskDoneInFuture { .. } => "F5021",
            Msg::ClosedBeforeReferral { .. } => "F5022",
            Msg::TransferBeforeReferral { .. } => "F5023",
            Msg::EventBeforeReferral { .. } => "F5024",
            Msg::PlanAfterDeadline { .. } => "F5025",
            Msg::DeviationOnMetInterval { .. } => "F5026",
            Msg::StaleCase { .. } => "F5027",
        }
    }

    /// The one-line message.
    pub fn text(&self, lang: Lang) -> String {
        use Msg::*;
        match self {
            TomlSyntax { detail } => t!(
                lang,
                match toml_detail_nb(detail) {
                    Some(nb) => format!("ugyldig TOML: {nb}"),
                    // A message of a newer parser: shown as it is, never dropped.
                    None =>
                        format!("ugyldig TOML (TOML-leserens egen melding, på engelsk): {detail}"),
                },
                format!("invalid TOML: {detail}")
            ),
            EmptyFile => t!(lang, "fila er tom", "the file is empty"),
            NotUtf8 => t!(
                lang,
                "fila er ikke UTF-8-tekst",
                "the file is not UTF-8 text"
            ),
            Symlink => t!(
                lang,
                "symbolsk lenke blir ikke fulgt",
                "symbolic link is not followed"
            ),
            GitConflict { ours, theirs } => t!(
                lang,
                format!("git-konflikt mellom {ours} og {theirs}"),
                format!("git conflict between {ours} and {theirs}")
            ),
            NotRegularFile => t!(lang, "ikke en vanlig fil", "not a regular file"),
            Unreadable { detail } => t!(
                lang,
                format!("kan ikke lese fila: {detail}"),
                format!("cannot read the file: {detail}")
            ),
            IgnoredFile => t!(
                lang,
                "fila blir ikke lest: saksfiler må ha endelsen .toml",
                "file not read: case files must end in .toml"
            ),
            TooManyEntries { max } => t!(
                lang,
                format!(
                    "fila har mer enn {max} oppføringer, for mange til å være en saksfil; den er ikke lest"
                ),
                format!(
                    "the file has more than {max} entries, too many for a case file; it was not read"
                )
            ),
            TooManyProblems { shown } => t!(
                lang,
                format!("fila har flere problemer enn de {shown} første som vises"),
                format!("the file has more problems than the first {shown} shown")
            ),
            HiddenFile => t!(
                lang,
                "skjult fil (navnet begynner med .): den leses ikke som en sak",
                "hidden file (its name starts with .): not read as a case"
            ),
            StaleTemporary => t!(
                lang,
                "midlertidig fil etter en avbrutt skriving: en full kopi av en sak, med navn og fødselsnummer",
                "temporary file left by an interrupted write: a full copy of a case, name and national ID number included"
            ),
            FileTooLarge { megabytes } => t!(
                lang,
                format!("fila er {megabytes} MB, for stor til å være en saksfil; den er ikke lest"),
                format!("the file is {megabytes} MB, too large to be a case file; it was not read")
            ),
            UnreadableDir { detail } => t!(
                lang,
                format!("kan ikke lese mappa: {detail}"),
                format!("cannot read the directory: {detail}")
            ),
            CasesNotAFolder => t!(lang, "`cases` er ikke en mappe", "`cases` is not a folder"),
            PathwayUnusable { pathway, cases } => {
                let n = *cases;
                let cases = super::count(n, super::Noun::Case, lang);
                let have = if n == 1 { "has" } else { "have" };
                t!(
                    lang,
                    format!(
                        "forløpet `{pathway}` kunne ikke leses; {cases} i det har ingen frister i denne utskriften"
                    ),
                    format!(
                        "the pathway `{pathway}` could not be read; its {cases} {have} no deadlines in this output"
                    )
                )
            }
            UnknownKey { key, section, .. } => t!(
                lang,
                format!("ukjent nøkkel `{key}`{}", section_suffix(lang, section)),
                format!("unknown key `{key}`{}", section_suffix(lang, section))
            ),
            WrongType {
                key,
                expected,
                found,
                ..
            } => t!(
                lang,
                format!(
                    "`{key}` skal være {}, ikke {}",
                    expected.name(lang),
                    found.name(lang)
                ),
                format!(
                    "`{key}` must be {}, not {}",
                    expected.name(lang),
                    found.name(lang)
                )
            ),
            MissingKey { key, section } => t!(
                lang,
                format!("mangler `{key}`{}", section_suffix(lang, section)),
                format!("missing `{key}`{}", section_suffix(lang, section))
            ),
            DateWithTime { key } => t!(
                lang,
                format!("`{key}` skal være en dato uten klokkeslett eller tidssone"),
                format!("`{key}` must be a date without time or offset")
            ),
            InvalidDate { key, detail } => t!(
                lang,
                format!("`{key}` er ikke en gyldig dato ({detail})"),
                format!("`{key}` is not a valid date ({detail})")
            ),
            IntegerOutOfRange { key, min, max } => t!(
                lang,
                format!("`{key}` må være mellom {min} og {max}"),
                format!("`{key}` must be between {min} and {max}")
            ),
            NotInVocabulary { key, value, .. } => t!(
                lang,
                format!("ukjent verdi `{value}` for `{key}`"),
                format!("unknown value `{value}` for `{key}`")
            ),
            BadId { key, value } => t!(
                lang,
                format!("`{key}` = \"{value}\" kan bare ha små bokstaver a–z, sifre og bindestrek"),
                format!("`{key}` = \"{value}\" may only contain lowercase a–z, digits and hyphens")
            ),
            IdNotStem { id, stem } => t!(
                lang,
                format!("id `{id}` er ikke lik filnavnet `{stem}`"),
                format!("id `{id}` does not equal the file name `{stem}`")
            ),
            BadTime { value } => t!(
                lang,
                format!("klokkeslett `{value}` er ikke på formen TT:MM"),
                format!("time `{value}` is not of the form HH:MM")
            ),
            NotAFraction { key } => t!(
                lang,
                format!("`{key}` må være en andel mellom 0 og 1"),
                format!("`{key}` must be a share between 0 and 1")
            ),
            UnknownPerson { key, id, .. } => t!(
                lang,
                format!("`{key}` = \"{id}\" finnes ikke i team.toml"),
                format!("`{key}` = \"{id}\" is not in team.toml")
            ),
            NoTeamFile { key, id } => t!(
                lang,
                format!("`{key}` = \"{id}\" kan ikke sjekkes: registeret har ingen team.toml"),
                format!("`{key}` = \"{id}\" cannot be checked: the register has no team.toml")
            ),
            DuplicatePerson { id, first_line } => t!(
                lang,
                format!("person-id `{id}` finnes allerede (linje {first_line})"),
                format!("person id `{id}` is already used (line {first_line})")
            ),
            FnrLength => t!(
                lang,
                "fødselsnummeret må ha 11 sifre",
                "the national ID number (fødselsnummer) must have 11 digits"
            ),
            FnrNotDigits => t!(
                lang,
                "fødselsnummeret kan bare ha sifre",
                "the national ID number may only contain digits"
            ),
            FnrControl => t!(
                lang,
                "fødselsnummeret har feil kontrollsiffer",
                "the national ID number has a wrong control digit"
            ),
            FnrDate => t!(
                lang,
                "fødselsnummeret inneholder ingen gyldig fødselsdato",
                "the national ID number holds no valid birth date"
            ),
            BornContradictsFnr { born, fnr_year } => t!(
                lang,
                format!("`born` = {born}, men fødselsnummeret sier {fnr_year}"),
                format!("`born` = {born}, but the national ID number says {fnr_year}")
            ),
            DuplicateMilestone { id, first_line } => t!(
                lang,
                format!("hendelsen `{id}` er definert to ganger (først på linje {first_line})"),
                format!("milestone `{id}` is defined twice (first on line {first_line})")
            ),
            DuplicateInterval { id, first_line } => t!(
                lang,
                format!("forløpstiden `{id}` er definert to ganger (først på linje {first_line})"),
                format!("interval `{id}` is defined twice (first on line {first_line})")
            ),
            DuplicateTask { id, first_line } => t!(
                lang,
                format!("oppgaven `{id}` er definert to ganger (først på linje {first_line})"),
                format!("task `{id}` is defined twice (first on line {first_line})")
            ),
            DuplicateRole { code, other } => t!(
                lang,
                format!("NPR-bokstaven `{code}` er allerede brukt av hendelsen `{other}`"),
                format!("NPR letter `{code}` is already used by milestone `{other}`")
            ),
            UnknownPathwayMilestone { key, id, .. } => t!(
                lang,
                format!("`{key}` = \"{id}\" er ikke en hendelse i dette forløpet"),
                format!("`{key}` = \"{id}\" is not a milestone of this pathway")
            ),
            IntervalCycle { path } => t!(
                lang,
                format!("forløpstidene går i ring: {path}"),
                format!("the intervals form a cycle: {path}")
            ),
            IntervalBackwards { id, from, to } => t!(
                lang,
                format!("forløpstiden `{id}` går baklengs: `{to}` kommer før `{from}` i forløpet"),
                format!(
                    "the interval `{id}` runs backwards: `{to}` comes before `{from}` in the pathway"
                )
            ),
            NegativeDays { key } => t!(
                lang,
                format!("`{key}` kan ikke være negativ"),
                format!("`{key}` cannot be negative")
            ),
            BadCode { code } => t!(
                lang,
                format!("NPR-bokstaven `{code}` er ugyldig"),
                format!("NPR letter `{code}` is not valid")
            ),
            UnknownTimes { value, .. } => t!(
                lang,
                format!("ukjent `times` = \"{value}\""),
                format!("unknown `times` = \"{value}\"")
            ),
            UnknownTreatmentKey { key, .. } => t!(
                lang,
                format!("`{key}` er ikke en behandlingstype"),
                format!("`{key}` is not a treatment type")
            ),
            TimesUnknownWithIntervals => t!(
                lang,
                "`times = \"unknown\"`, men fila har forløpstider",
                "`times = \"unknown\"`, but the file has intervals"
            ),
            DaysTableEmpty => t!(lang, "tabellen `days` er tom", "the `days` table is empty"),
            UnknownPathway { id, .. } => t!(
                lang,
                format!("ukjent pakkeforløp `{id}`"),
                format!("unknown pathway `{id}`")
            ),
            UnknownMilestone { id, pathway, .. } => t!(
                lang,
                format!("`{id}` er ikke en hendelse i `{pathway}`"),
                format!("`{id}` is not a milestone of `{pathway}`")
            ),
            UnknownTask { id, pathway, .. } => t!(
                lang,
                format!("`{id}` er ikke en oppgave i `{pathway}`"),
                format!("`{id}` is not a task of `{pathway}`")
            ),
            UnknownInterval { id, pathway, .. } => t!(
                lang,
                format!("`{id}` er ikke en forløpstid i `{pathway}`"),
                format!("`{id}` is not an interval of `{pathway}`")
            ),
            AdHocTaskIncomplete { id } => t!(
                lang,
                format!("egen oppgave `{id}` mangler `name` eller `due`"),
                format!("ad-hoc task `{id}` lacks `name` or `due`")
            ),
            DuplicateCaseTask { id, first_line } => t!(
                lang,
                format!("oppgaven `{id}` står to ganger (først på linje {first_line})"),
                format!("task `{id}` appears twice (first on line {first_line})")
            ),
            SameMilestoneTwice { id, first_line } => t!(
                lang,
                format!("hendelsen `{id}` er registrert to ganger (først på linje {first_line})"),
                format!("milestone `{id}` is recorded twice (first on line {first_line})")
            ),
            MilestoneOrder {
                milestone,
                date,
                earlier,
                earlier_date,
            } => t!(
                lang,
                format!(
                    "`{milestone}` {date} er før `{earlier}` {earlier_date}, men kan ikke komme før den"
                ),
                format!(
                    "`{milestone}` {date} is before `{earlier}` {earlier_date}, but cannot precede it"
                )
            ),
            OutcomeNotDecision { milestone } => t!(
                lang,
                format!("`outcome` hører bare til beslutningshendelsen (C), ikke `{milestone}`"),
                format!("`outcome` belongs only to the decision milestone (C), not `{milestone}`")
            ),
            TreatmentNotTreatment { milestone } => t!(
                lang,
                format!("`treatment` hører bare til behandlingsstart (F), ikke `{milestone}`"),
                format!("`treatment` belongs only to the treatment start (F), not `{milestone}`")
            ),
            RetiredPathway { pathway, retired } => t!(
                lang,
                format!("`{pathway}` ble avviklet {retired}; ingen nye forløp etter det"),
                format!("`{pathway}` was retired on {retired}; no new cases after that")
            ),
            DuplicateCaseId { id, other } => t!(
                lang,
                format!("saks-id `{id}` finnes også i {other}"),
                format!("case id `{id}` is also used by {other}")
            ),
            DuplicateOpenCase { pathway, other } => t!(
                lang,
                format!("pasienten har allerede et åpent forløp i `{pathway}` ({other})"),
                format!("the patient already has an open case on `{pathway}` ({other})")
            ),
            EventInFuture { date, today } => t!(
                lang,
                format!("hendelsen er datert {date}, etter i dag ({today})"),
                format!("the event is dated {date}, after today ({today})")
            ),
            ClosedInFuture { date, today } => t!(
                lang,
                format!(
                    "avslutningen er datert {date}, etter i dag ({today}); den gjelder ikke før den dagen"
                ),
                format!(
                    "the closure is dated {date}, after today ({today}); it does not count until that day"
                )
            ),
            TransferInFuture { date, today } => t!(
                lang,
                format!(
                    "overføringen er datert {date}, etter i dag ({today}); den gjelder ikke før den dagen"
                ),
                format!(
                    "the transfer is dated {date}, after today ({today}); it does not count until that day"
                )
            ),
            TaskDoneInFuture { id, date, today } => t!(
                lang,
                format!(
                    "oppgaven `{id}` er markert utført {date}, etter i dag ({today}); den er åpen til den dagen"
                ),
                format!(
                    "the task `{id}` is marked done on {date}, after today ({today}); it stays open until that day"
                )
            ),
            ClosedBeforeReferral { date, referral } => t!(
                lang,
                format!("avslutningen er datert {date}, før henvisningen ({referral})"),
                format!("the closure is dated {date}, before the referral ({referral})")
            ),
            TransferBeforeReferral { date, referral } => t!(
                lang,
                format!("overføringen er datert {date}, før henvisningen ({referral})"),
                format!("the transfer is dated {date}, before the referral ({referral})")
            ),
            PlannedTreatmentNotInTable {
                treatment,
                intervals,
            } => t!(
                lang,
                format!(
                    "planlagt behandling `{treatment}` har ingen egen frist i {intervals}; den strengeste fristen brukes"
                ),
                format!(
                    "planned treatment `{treatment}` has no limit of its own in {intervals}; the strictest applies"
                )
            ),
            TreatmentEventNoType => t!(
                lang,
                "behandlingsstart uten behandlingstype (og ingen planlagt behandling)",
                "treatment start without a treatment type (and no planned treatment)"
            ),
            OpenCaseNoCoordinator => t!(
                lang,
                "åpent forløp uten forløpskoordinator",
                "open case without a coordinator"
            ),
            TimesUnknownOpenCase { pathway } => t!(
                lang,
                format!("forløpstidene for `{pathway}` er ukjente: ingen frister beregnes"),
                format!("the standard times of `{pathway}` are unknown: no deadlines are computed")
            ),
            EventBeforeReferral {
                milestone,
                date,
                referral,
                referral_date,
            } => t!(
                lang,
                format!(
                    "`{milestone}` {date} er før henvisningen (`{referral}` {referral_date}); ingen hendelse i forløpet kan komme før den"
                ),
                format!(
                    "`{milestone}` {date} is before the referral (`{referral}` {referral_date}); no event of the pathway can precede it"
                )
            ),
            PlanAfterDeadline {
                milestone,
                planned,
                interval,
                due,
            } => t!(
                lang,
                format!("planlagt `{milestone}` {planned} er etter fristen for {interval} ({due})"),
                format!(
                    "the planned `{milestone}` on {planned} is after the {interval} deadline ({due})"
                )
            ),
            DeviationOnMetInterval {
                interval,
                elapsed,
                days,
            } => t!(
                lang,
                format!(
                    "avvik på {interval}, men {interval} ble overholdt ({elapsed} av {days} dager)"
                ),
                format!(
                    "a deviation on {interval}, but {interval} was met ({elapsed} of {days} days)"
                )
            ),
            StaleCase {
                last_activity,
                days,
            } => t!(
                lang,
                format!("ingen aktivitet siden {last_activity} ({days} dager) og ingenting booket"),
                format!("no activity since {last_activity} ({days} days) and nothing booked")
            ),
        }
    }

    /// A one-line hint on how to fix it, where there is one.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        use Msg::*;
        match self {
            TomlSyntax { detail } if detail.contains("date") || detail.contains("day") => Some(t!(
                lang,
                "skriv en gyldig dato som ÅÅÅÅ-MM-DD, for eksempel 2026-11-02",
                "write a valid date as YYYY-MM-DD, for example 2026-11-02"
            )),
            TomlSyntax { .. } => Some(t!(
                lang,
                "rett skrivefeilen i TOML-syntaksen på denne plassen",
                "fix the TOML syntax at this place"
            )),
            EmptyFile => Some(t!(
                lang,
                "fyll inn minst `id` og `pathway`, eller slett fila",
                "fill in at least `id` and `pathway`, or delete the file"
            )),
            NotUtf8 => Some(t!(lang, "lagre fila som UTF-8", "save the file as UTF-8")),
            Symlink => Some(t!(
                lang,
                "legg selve fila i registeret i stedet for en lenke",
                "put the file itself in the register instead of a link"
            )),
            GitConflict { .. } => Some(t!(
                lang,
                "løs den (behold riktig verdi, slett markørlinjene), og kjør så `forlop check`",
                "resolve it (keep the right value, delete the marker lines), then run `forlop check`"
            )),
            NotRegularFile => Some(t!(
                lang,
                "fjern den eller gi den et annet navn",
                "remove it or rename it"
            )),
            Unreadable { .. } | UnreadableDir { .. } => Some(t!(
                lang,
                "sjekk at du har lesetilgang",
                "check that you have read permission"
            )),
            TooManyEntries { .. } => Some(t!(
                lang,
                "en saksfil har noen hundre linjer; sjekk hva fila inneholder",
                "a case file has a few hundred lines; check what the file holds"
            )),
            TooManyProblems { .. } => Some(t!(
                lang,
                "rett disse og kjør `forlop check` igjen; er fila laget av et annet program?",
                "correct these and run `forlop check` again; was the file made by another program?"
            )),
            HiddenFile => Some(t!(
                lang,
                "gi fila et navn uten punktum først, eller flytt den ut av cases/",
                "rename it without the leading dot, or move it out of cases/"
            )),
            StaleTemporary => Some(t!(
                lang,
                "neste skriving (`forlop note` o.l.) fjerner den; eller slett den selv",
                "the next write (`forlop note` etc.) removes it; or delete it yourself"
            )),
            FileTooLarge { .. } => Some(t!(
                lang,
                "en saksfil er noen få kB; sjekk hva fila inneholder",
                "a case file is a few kB; check what the file holds"
            )),
            IgnoredFile => Some(t!(
                lang,
                "gi fila endelsen .toml, eller flytt den ut av cases/",
                "give the file the .toml extension, or move it out of cases/"
            )),
            CasesNotAFolder => Some(t!(
                lang,
                "flytt fila og lag mappa `cases/` (saksfilene ligger der)",
                "move the file away and create the folder `cases/` (case files live there)"
            )),
            PathwayUnusable { pathway, .. } => Some(t!(
                lang,
                format!(
                    "rett feilene i fila (`forlop check`); den innebygde definisjonen av `{pathway}` brukes ikke i stedet"
                ),
                format!(
                    "fix the errors in the file (`forlop check`); the built-in definition of `{pathway}` is not used in its place"
                )
            )),
            UnknownKey { suggestion, .. } => did_you_mean(lang, suggestion).or_else(|| {
                Some(t!(
                    lang,
                    "fjern nøkkelen eller rett navnet",
                    "remove the key or correct its name"
                ))
            }),
            WrongType {
                key,
                literal: Some(value),
                ..
            } => Some(t!(
                lang,
                format!("fjern anførselstegnene: `{key} = {value}`"),
                format!("remove the quotes: `{key} = {value}`")
            )),
            WrongType { key, expected, .. } => Some(t!(
                lang,
                format!("skriv for eksempel `{key} = {}`", expected.example()),
                format!("write for example `{key} = {}`", expected.example())
            )),
            MissingKey { key, .. } => Some(t!(
                lang,
                format!("legg til `{key} = …`"),
                format!("add `{key} = …`")
            )),
            DateWithTime { key } => Some(t!(
                lang,
                format!("skriv bare datoen, for eksempel `{key} = 2026-11-02`"),
                format!("write the date only, for example `{key} = 2026-11-02`")
            )),
            InvalidDate { .. } => Some(t!(
                lang,
                "skriv datoen som ÅÅÅÅ-MM-DD, uten anførselstegn",
                "write the date as YYYY-MM-DD, without quotes"
            )),
            IntegerOutOfRange { .. } => None,
            NotInVocabulary {
                allowed,
                suggestion,
                ..
            } => did_you_mean(lang, suggestion).or_else(|| {
                Some(t!(
                    lang,
                    format!("bruk {}", one_of(lang, allowed)),
                    format!("use {}", one_of(lang, allowed))
                ))
            }),
            BadId { .. } => Some(t!(
                lang,
                "for eksempel \"te-0142\"",
                "for example \"te-0142\""
            )),
            IdNotStem { stem, .. } => Some(t!(
                lang,
                format!("skriv `id = \"{stem}\"`, eller gi fila samme navn som id-en"),
                format!("write `id = \"{stem}\"`, or name the file after the id")
            )),
            BadTime { .. } => Some(t!(
                lang,
                "for eksempel `time = \"09:30\"`",
                "for example `time = \"09:30\"`"
            )),
            NotAFraction { key } => Some(t!(
                lang,
                format!("for eksempel `{key} = 0.70`"),
                format!("for example `{key} = 0.70`")
            )),
            UnknownPerson { suggestion, .. } => did_you_mean(lang, suggestion).or_else(|| {
                Some(t!(
                    lang,
                    "legg personen til i team.toml",
                    "add the person to team.toml"
                ))
            }),
            NoTeamFile { .. } => Some(t!(
                lang,
                "lag team.toml med `[[person]]`-oppføringer",
                "create team.toml with `[[person]]` entries"
            )),
            DuplicatePerson { .. } => Some(t!(
                lang,
                "gi hver person en egen id",
                "give each person an id of their own"
            )),
            FnrLength | FnrNotDigits | FnrControl | FnrDate => Some(t!(
                lang,
                "sjekk nummeret mot pasientjournalen (11 sifre, uten mellomrom)",
                "check the number against the patient record (11 digits, no spaces)"
            )),
            BornContradictsFnr { .. } => Some(t!(
                lang,
                "rett `born` eller fødselsnummeret",
                "correct `born` or the national ID number"
            )),
            DuplicateMilestone { .. } | DuplicateInterval { .. } | DuplicateTask { .. } => {
                Some(t!(
                    lang,
                    "gi hver oppføring en egen id",
                    "give each entry an id of its own"
                ))
            }
            DuplicateRole { .. } => Some(t!(
                lang,
                "hver NPR-bokstav kan bare brukes av én hendelse",
                "each NPR letter may be used by one milestone only"
            )),
            UnknownPathwayMilestone { suggestion, .. } => {
                did_you_mean(lang, suggestion).or_else(|| {
                    Some(t!(
                        lang,
                        "bruk id-en til en `[[milestone]]` i fila",
                        "use the id of a `[[milestone]]` in the file"
                    ))
                })
            }
            IntervalCycle { .. } | IntervalBackwards { .. } => Some(t!(
                lang,
                "en forløpstid må gå fra en tidligere til en senere hendelse",
                "an interval must go from an earlier to a later milestone"
            )),
            NegativeDays { .. } => Some(t!(
                lang,
                "antall dager må være 0 eller mer",
                "the number of days must be 0 or more"
            )),
            BadCode { .. } => Some(t!(
                lang,
                "bruk én stor bokstav: A, S, B, C eller F (eller ingen for lokale hendelser)",
                "use one capital letter: A, S, B, C or F (or none for local milestones)"
            )),
            UnknownTimes { suggestion, .. } => did_you_mean(lang, suggestion).or_else(|| {
                Some(t!(
                    lang,
                    "bruk `confirmed`, `unverified` eller `unknown`",
                    "use `confirmed`, `unverified` or `unknown`"
                ))
            }),
            UnknownTreatmentKey { suggestion, .. } => {
                did_you_mean(lang, suggestion).or_else(|| {
                    Some(t!(
                        lang,
                        "bruk surgery, drug, radiation, symptom-relief, surveillance eller none",
                        "use surgery, drug, radiation, symptom-relief, surveillance or none"
                    ))
                })
            }
            TimesUnknownWithIntervals => Some(t!(
                lang,
                "skriv `times = \"confirmed\"` eller `\"unverified\"`, eller fjern forløpstidene",
                "write `times = \"confirmed\"` or `\"unverified\"`, or remove the intervals"
            )),
            DaysTableEmpty => Some(t!(
                lang,
                "for eksempel `days = { surgery = 14 }`",
                "for example `days = { surgery = 14 }`"
            )),
            UnknownPathway { suggestion, .. } => did_you_mean(lang, suggestion).or_else(|| {
                Some(t!(
                    lang,
                    "`forlop pathways` viser alle forløp",
                    "`forlop pathways` lists every pathway"
                ))
            }),
            UnknownMilestone {
                suggestion,
                pathway,
                ..
            }
            | UnknownTask {
                suggestion,
                pathway,
                ..
            }
            | UnknownInterval {
                suggestion,
                pathway,
                ..
            } => did_you_mean(lang, suggestion).or_else(|| {
                Some(t!(
                    lang,
                    format!("`forlop pathways show {pathway}` viser hva forløpet har"),
                    format!("`forlop pathways show {pathway}` shows what the pathway has")
                ))
            }),
            AdHocTaskIncomplete { .. } => Some(t!(
                lang,
                "en egen oppgave trenger `name = \"…\"` og `due = ÅÅÅÅ-MM-DD`",
                "an ad-hoc task needs `name = \"…\"` and `due = YYYY-MM-DD`"
            )),
            DuplicateCaseTask { .. } => Some(t!(
                lang,
                "slå sammen de to oppføringene",
                "merge the two entries"
            )),
            SameMilestoneTwice { .. } => Some(t!(
                lang,
                "bare behandlingsstart kan registreres flere ganger; for å rette datoen: `forlop record SAK HENDELSE --date … --amend`",
                "only treatment starts may be recorded more than once; to correct the date: `forlop record CASE MILESTONE --date … --amend`"
            )),
            MilestoneOrder { .. } => Some(t!(
                lang,
                "rekkefølgen er henvisning (A) ≤ første fremmøte (S) ≤ beslutning (C) ≤ behandling (F); sjekk datoene",
                "the order is referral (A) ≤ first visit (S) ≤ decision (C) ≤ treatment (F); check the dates"
            )),
            OutcomeNotDecision { .. } => Some(t!(
                lang,
                "flytt `outcome` til beslutningshendelsen",
                "move `outcome` to the decision event"
            )),
            TreatmentNotTreatment { .. } => Some(t!(
                lang,
                "flytt `treatment` til behandlingsstarten",
                "move `treatment` to the treatment start event"
            )),
            RetiredPathway { .. } => Some(t!(
                lang,
                "bruk det forløpet som erstattet det",
                "use the pathway that replaced it"
            )),
            DuplicateCaseId { .. } => Some(t!(
                lang,
                "gi den ene saken en ny id (og nytt filnavn)",
                "give one of the cases a new id (and file name)"
            )),
            DuplicateOpenCase { .. } => Some(t!(
                lang,
                "avslutt det ene forløpet med `[closed]`, eller rett fødselsnummeret",
                "close one of the cases with `[closed]`, or correct the national ID number"
            )),
            EventInFuture { .. } => Some(t!(
                lang,
                "sjekk datoen; hendelser registreres når de har skjedd",
                "check the date; events are recorded once they happened"
            )),
            ClosedInFuture { .. } | TransferInFuture { .. } | TaskDoneInFuture { .. } => Some(t!(
                lang,
                "sjekk datoen; registrer det når det har skjedd",
                "check the date; record it once it has happened"
            )),
            ClosedBeforeReferral { .. } | TransferBeforeReferral { .. } => Some(t!(
                lang,
                "rett datoen; et forløp kan ikke slutte før henvisningen",
                "correct the date; a pathway cannot end before its referral"
            )),
            PlannedTreatmentNotInTable { .. } => Some(t!(
                lang,
                "sjekk `treatment` mot forløpets behandlingstyper",
                "check `treatment` against the pathway's treatment types"
            )),
            TreatmentEventNoType => Some(t!(
                lang,
                "legg til `treatment = \"surgery\"` (eller annen type) på hendelsen",
                "add `treatment = \"surgery\"` (or another type) to the event"
            )),
            OpenCaseNoCoordinator => Some(t!(
                lang,
                "legg til `coordinator = \"…\"` (en id fra team.toml)",
                "add `coordinator = \"…\"` (an id from team.toml)"
            )),
            TimesUnknownOpenCase { pathway } => Some(t!(
                lang,
                format!(
                    "lag en lokal definisjon med `forlop pathways copy {pathway}` og legg inn seksjonens tider"
                ),
                format!(
                    "start a local definition with `forlop pathways copy {pathway}` and add the section's times"
                )
            )),
            EventBeforeReferral { .. } => Some(t!(
                lang,
                "sjekk datoen (rett den med `forlop record … --amend`)",
                "check the date (correct it with `forlop record … --amend`)"
            )),
            PlanAfterDeadline { interval, .. } => Some(t!(
                lang,
                format!(
                    "finn en tidligere time, eller skriv et avvik: `forlop deviation CASE {interval} --reason …`"
                ),
                format!(
                    "find an earlier date, or document a deviation: `forlop deviation CASE {interval} --reason …`"
                )
            )),
            DeviationOnMetInterval { .. } => Some(t!(
                lang,
                "sjekk forløpstiden avviket gjelder, eller datoene",
                "check which standard time the deviation is for, or the dates"
            )),
            StaleCase { .. } => Some(t!(
                lang,
                "avslutt forløpet (`forlop close CASE --reason …`) eller book det som kommer (`forlop book`)",
                "close the case (`forlop close CASE --reason …`) or book what comes next (`forlop book`)"
            )),
        }
    }
}
