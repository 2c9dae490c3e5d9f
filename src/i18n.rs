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

/// The kind of a TOML value, as named in messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
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

/// Every diagnostic message. Rendered with [`Msg::text`] and [`Msg::hint`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    // ---- files ----
    /// The TOML parser rejected the file.
    TomlSyntax {
        detail: String,
    },
    /// The file is empty (or only whitespace and comments).
    EmptyFile,
    /// The file is not valid UTF-8.
    NotUtf8,
    /// A symbolic link where a file was expected; never followed.
    Symlink,
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
    PlannedTreatmentNotInTable {
        treatment: String,
        intervals: String,
    },
    TreatmentEventNoType,
    OpenCaseNoCoordinator,
    TimesUnknownOpenCase {
        pathway: String,
    },
}

/// Renders a list of allowed words as `a`, `b` or `c`.
fn one_of(lang: Lang, allowed: &str) -> String {
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
    /// The one-line message.
    pub fn text(&self, lang: Lang) -> String {
        use Msg::*;
        match self {
            TomlSyntax { detail } => t!(
                lang,
                format!("ugyldig TOML: {detail}"),
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
            IntervalCycle { .. } => Some(t!(
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
                "fjern den ene; bare behandlingsstart kan registreres flere ganger",
                "remove one of them; only treatment starts may be recorded more than once"
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
        }
    }
}

/// Messages of the command line itself (not tied to a file position).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ui {
    NoRegister {
        dir: String,
    },
    NoSuchRegister {
        dir: String,
    },
    NotARegister {
        dir: String,
    },
    FormatNotSupported {
        format: String,
        command: String,
        allowed: String,
    },
    PathNotFound {
        path: String,
    },
    PathOutsideRegister {
        path: String,
    },
    UnknownCase {
        id: String,
        suggestion: Option<String>,
    },
    UnknownPathway {
        id: String,
        suggestion: Option<String>,
    },
    UnknownCoordinator {
        id: String,
        suggestion: Option<String>,
    },
    RegisterHasErrors {
        errors: usize,
    },
    CheckSummary {
        errors: usize,
        warnings: usize,
        files: usize,
    },
    CheckClean {
        files: usize,
    },
    HandoverNeedsCases,
    CaseExists {
        file: String,
    },
    BadCaseId {
        id: String,
    },
    WouldBreak,
    Uncommitted {
        file: String,
    },
    NotARepo,
    GitMissing,
    Git {
        detail: String,
    },
    Written {
        what: String,
        file: String,
    },
    Committed {
        what: String,
        file: String,
        commit: String,
    },
    RegisterExists {
        dir: String,
    },
    RegisterCreated {
        dir: String,
    },
    HookInstalled {
        path: String,
    },
    HookExists {
        path: String,
    },
    StagedClean {
        files: usize,
    },
    FileExists {
        file: String,
    },
    PathwayCopied {
        file: String,
    },
    Io {
        detail: String,
    },
}

impl Ui {
    /// The one-line message.
    pub fn text(&self, lang: Lang) -> String {
        use Ui::*;
        match self {
            NoRegister { dir } => t!(
                lang,
                format!("fant ikke noe register (forlop.toml) i {dir} eller mappene over"),
                format!("no register (forlop.toml) found in {dir} or its parents")
            ),
            NoSuchRegister { dir } => t!(
                lang,
                format!("registermappa {dir} finnes ikke"),
                format!("the register directory {dir} does not exist")
            ),
            NotARegister { dir } => t!(
                lang,
                format!("{dir} er ikke et register: der er ingen forlop.toml"),
                format!("{dir} is not a register: it has no forlop.toml")
            ),
            FormatNotSupported {
                format, command, ..
            } => t!(
                lang,
                format!("`forlop {command}` kan ikke skrive formatet `{format}`"),
                format!("`forlop {command}` cannot write the `{format}` format")
            ),
            PathNotFound { path } => t!(
                lang,
                format!("{path} finnes ikke"),
                format!("{path} does not exist")
            ),
            PathOutsideRegister { path } => t!(
                lang,
                format!("{path} ligger utenfor registeret"),
                format!("{path} is outside the register")
            ),
            UnknownCase { id, .. } => t!(
                lang,
                format!("fant ingen sak `{id}`"),
                format!("no case `{id}`")
            ),
            UnknownPathway { id, .. } => t!(
                lang,
                format!("ukjent pakkeforløp `{id}`"),
                format!("unknown pathway `{id}`")
            ),
            UnknownCoordinator { id, .. } => t!(
                lang,
                format!("ukjent koordinator `{id}`"),
                format!("unknown coordinator `{id}`")
            ),
            RegisterHasErrors { errors } => t!(
                lang,
                format!("registeret har {errors} feil; saker med feil kan mangle i utskriften"),
                format!(
                    "the register has {errors} errors; cases with errors may be missing from the output"
                )
            ),
            CheckSummary {
                errors,
                warnings,
                files,
            } => t!(
                lang,
                format!(
                    "{errors} feil og {warnings} {} i {files} filer",
                    if *warnings == 1 {
                        "advarsel"
                    } else {
                        "advarsler"
                    }
                ),
                format!(
                    "{errors} {} and {warnings} {} in {files} files",
                    if *errors == 1 { "error" } else { "errors" },
                    if *warnings == 1 {
                        "warning"
                    } else {
                        "warnings"
                    }
                )
            ),
            CheckClean { files } => t!(
                lang,
                format!("{files} filer sjekket: ingen feil"),
                format!("{files} files checked: no problems")
            ),
            HandoverNeedsCases => t!(
                lang,
                "`forlop handover` trenger saker eller `--coordinator`",
                "`forlop handover` needs cases or `--coordinator`"
            ),
            CaseExists { file } => t!(
                lang,
                format!("saken finnes allerede: {file}"),
                format!("the case already exists: {file}")
            ),
            BadCaseId { id } => t!(
                lang,
                format!("ugyldig saks-id `{id}`: bare små bokstaver a–z, sifre og bindestrek"),
                format!("invalid case id `{id}`: only lowercase a–z, digits and hyphens")
            ),
            WouldBreak => t!(
                lang,
                "endringen er ikke skrevet: den ville gitt saken feilene over",
                "nothing was written: the change would give the case the errors above"
            ),
            Uncommitted { file } => t!(
                lang,
                format!("{file} har endringer som ikke er committet"),
                format!("{file} has uncommitted changes")
            ),
            NotARepo => t!(
                lang,
                "registeret er ikke et git-repo, så `--commit` kan ikke brukes",
                "the register is not a git repository, so `--commit` cannot be used"
            ),
            GitMissing => t!(
                lang,
                "fant ikke programmet `git`",
                "the `git` program was not found"
            ),
            Git { detail } => t!(
                lang,
                format!("git feilet: {detail}"),
                format!("git failed: {detail}")
            ),
            Written { what, file } => {
                t!(lang, format!("{what} → {file}"), format!("{what} → {file}"))
            }
            Committed { what, file, commit } => t!(
                lang,
                format!("{what} → {file} (commit {commit})"),
                format!("{what} → {file} (commit {commit})")
            ),
            RegisterExists { dir } => t!(
                lang,
                format!("{dir} har allerede et register (forlop.toml)"),
                format!("{dir} already has a register (forlop.toml)")
            ),
            RegisterCreated { dir } => t!(
                lang,
                format!("nytt register i {dir}"),
                format!("new register in {dir}")
            ),
            HookInstalled { path } => t!(
                lang,
                format!("pre-commit-krok installert: {path}"),
                format!("pre-commit hook installed: {path}")
            ),
            HookExists { path } => t!(
                lang,
                format!("det finnes allerede en annen pre-commit-krok: {path}"),
                format!("another pre-commit hook exists: {path}")
            ),
            FileExists { file } => t!(
                lang,
                format!("{file} finnes allerede"),
                format!("{file} already exists")
            ),
            PathwayCopied { file } => t!(
                lang,
                format!("kopi til lokal tilpasning: {file}"),
                format!("copy for local adaptation: {file}")
            ),
            StagedClean { files } => t!(
                lang,
                format!("{files} filer klare til commit: ingen feil"),
                format!("{files} staged files: no problems")
            ),
            Io { detail } => t!(
                lang,
                format!("inn/ut-feil: {detail}"),
                format!("I/O error: {detail}")
            ),
        }
    }

    /// A one-line hint, where there is one.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        use Ui::*;
        match self {
            NoRegister { .. } => Some(t!(
                lang,
                "lag et register med `forlop init`, eller oppgi `--register MAPPE`",
                "create a register with `forlop init`, or give `--register DIR`"
            )),
            NoSuchRegister { .. } => Some(t!(
                lang,
                "sjekk `--register` og $FORLOP_REGISTER",
                "check `--register` and $FORLOP_REGISTER"
            )),
            NotARegister { dir } => Some(t!(
                lang,
                format!("lag et register der med `forlop init {dir}`"),
                format!("create a register there with `forlop init {dir}`")
            )),
            FormatNotSupported { allowed, .. } => Some(t!(
                lang,
                format!("bruk {}", one_of(lang, allowed)),
                format!("use {}", one_of(lang, allowed))
            )),
            UnknownCase { suggestion, .. } => did_you_mean(lang, suggestion).or_else(|| {
                Some(t!(
                    lang,
                    "`forlop status` viser alle åpne saker",
                    "`forlop status` lists every open case"
                ))
            }),
            UnknownPathway { suggestion, .. } => did_you_mean(lang, suggestion).or_else(|| {
                Some(t!(
                    lang,
                    "`forlop pathways` viser alle forløp",
                    "`forlop pathways` lists every pathway"
                ))
            }),
            UnknownCoordinator { suggestion, .. } => did_you_mean(lang, suggestion).or_else(|| {
                Some(t!(
                    lang,
                    "koordinatorer står i team.toml",
                    "coordinators are listed in team.toml"
                ))
            }),
            RegisterHasErrors { .. } => Some(t!(
                lang,
                "kjør `forlop check` for å se dem",
                "run `forlop check` to see them"
            )),
            CaseExists { .. } => Some(t!(
                lang,
                "velg en annen id; `forlop status ID` viser den som finnes",
                "choose another id; `forlop status ID` shows the existing one"
            )),
            BadCaseId { .. } => Some(t!(lang, "for eksempel `te-0142`", "for example `te-0142`")),
            WouldBreak => Some(t!(
                lang,
                "rett argumentene og prøv igjen; fila er uendret",
                "correct the arguments and try again; the file is unchanged"
            )),
            Uncommitted { file } => Some(t!(
                lang,
                format!(
                    "commit eller forkast dem først (`git diff {file}`), eller skriv uten `--commit`"
                ),
                format!(
                    "commit or discard them first (`git diff {file}`), or write without `--commit`"
                )
            )),
            NotARepo => Some(t!(
                lang,
                "kjør `git init` i registeret, eller skriv uten `--commit`",
                "run `git init` in the register, or write without `--commit`"
            )),
            GitMissing => Some(t!(
                lang,
                "installer git; skriving uten `--commit` virker uten git",
                "install git; writes without `--commit` work without it"
            )),
            Git { .. } => Some(t!(
                lang,
                "sjekk `git status` i registeret",
                "check `git status` in the register"
            )),
            RegisterExists { .. } => Some(t!(
                lang,
                "bruk det som finnes, eller velg en annen mappe",
                "use the existing one, or choose another directory"
            )),
            RegisterCreated { .. } => Some(t!(
                lang,
                "fyll inn team.toml, og lag første sak med `forlop new`",
                "fill in team.toml, and create the first case with `forlop new`"
            )),
            HookExists { .. } => Some(t!(
                lang,
                "legg `forlop check --staged` inn i den eksisterende kroken selv",
                "add `forlop check --staged` to the existing hook yourself"
            )),
            FileExists { .. } => Some(t!(lang, "rediger den som finnes", "edit the existing one")),
            PathwayCopied { .. } => Some(t!(
                lang,
                "legg inn seksjonens tider som [[interval]], sett `times` og en `source` som sier at tidene er lokale",
                "add the section's times as [[interval]], set `times` and a `source` saying the times are local"
            )),
            Written { .. } | Committed { .. } | HookInstalled { .. } | StagedClean { .. } => None,
            HandoverNeedsCases => Some(t!(
                lang,
                "for eksempel `forlop handover te-0142` eller `forlop handover --coordinator ssol`",
                "for example `forlop handover te-0142` or `forlop handover --coordinator ssol`"
            )),
            PathNotFound { .. } | PathOutsideRegister { .. } | Io { .. } => None,
            CheckSummary { .. } | CheckClean { .. } => None,
        }
    }
}

/// Fixed words and labels of the user interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    Error,
    Warning,
    Hint,
    Id,
    Name,
    Npr,
    Times,
    Retired,
    Origin,
    BuiltIn,
    FromRegister,
    Confirmed,
    Unverified,
    Unknown,
    Milestones,
    Intervals,
    Tasks,
    Source,
    Updated,
    Code,
    From,
    To,
    Days,
    After,
    Role,
    Case,
    Patient,
    Pathway,
    Coordinator,
    LastMilestone,
    Date,
    NextMilestone,
    NoOpenCases,
    CalendarDays,
    AllTreatments,
    TreatmentType,
    NoIntervalsKnown,
    LocalMilestone,
    Due,
    DaysLeft,
    What,
    Milestone,
    Note,
    NextDeadline,
    NoDeadlines,
    Doctor,
    PlannedTreatment,
    Events,
    Elapsed,
    State,
    Done,
    Met,
    Missed,
    Running,
    NotStarted,
    NotApplicable,
    Ended,
    DeviationRecorded,
    Closed,
    Transferred,
    OpenTask,
    Overdue,
    Weekend,
    ClosedDay,
    Time,
    Place,
    MdtShort,
    DeadlineShort,
    TaskShort,
    NothingThisDay,
    AgendaFrom,
    Question,
    Conclusion,
    MdtMeeting,
    NoMdtAhead,
    NoCasesOnMdt,
    Handover,
    HandoverTo,
    ResponsibleDoctor,
    Gp,
    IndividualPlan,
    MunicipalConsent,
    NotRecorded,
    YesWord,
    NoWord,
    OpenTasks,
    UpcomingAppointments,
    MdtMeetings,
    Deviations,
    LatestNotes,
    TransferredTo,
    NoneRecorded,
    Reported,
    NotReported,
    Phone,
    PatientCap,
    CoordinatorCap,
    PlannedTreatmentCap,
    NextDeadlineCap,
    Fnr,
    Born,
    StatusOpen,
    ReceivingCoordinator,
    By,
    Upcoming,
    Group,
    IntervalShort,
    MeasuredCount,
    WithinCount,
    Share,
    Target,
    Median,
    P90,
    BelowTarget,
    NoMeasures,
    ReportTitle,
    DueSoonHeading,
    TodayHeading,
    RecordedHeading,
    NewReferrals,
    NoCoordinatorHeading,
    ComplianceHeading,
    DeviationMissing,
    WithoutCoordinator,
    Period,
    ChartTitle,
    ReportWritten,
    Deviation,
    DeadlineCap,
    Commit,
    NoCaseChange,
    Author,
}

impl Word {
    /// The word in `lang`.
    pub fn text(self, lang: Lang) -> String {
        match self {
            Word::Error => t!(lang, "feil", "error"),
            Word::Warning => t!(lang, "advarsel", "warning"),
            Word::Hint => t!(lang, "tips", "hint"),
            Word::Id => t!(lang, "id", "id"),
            Word::Name => t!(lang, "navn", "name"),
            Word::Npr => t!(lang, "NPR", "NPR"),
            Word::Times => t!(lang, "forløpstider", "times"),
            Word::Retired => t!(lang, "avviklet", "retired"),
            Word::Origin => t!(lang, "kilde", "origin"),
            Word::BuiltIn => t!(lang, "innebygd", "built-in"),
            Word::FromRegister => t!(lang, "register", "register"),
            Word::Confirmed => t!(lang, "bekreftet", "confirmed"),
            Word::Unverified => t!(lang, "ikke verifisert", "unverified"),
            Word::Unknown => t!(lang, "ukjent", "unknown"),
            Word::Milestones => t!(lang, "Hendelser", "Milestones"),
            Word::Intervals => t!(lang, "Forløpstider", "Standard times"),
            Word::Tasks => t!(lang, "Oppgaver", "Tasks"),
            Word::Source => t!(lang, "Kilde", "Source"),
            Word::Updated => t!(lang, "oppdatert", "updated"),
            Word::Code => t!(lang, "kode", "code"),
            Word::From => t!(lang, "fra", "from"),
            Word::To => t!(lang, "til", "to"),
            Word::Days => t!(lang, "dager", "days"),
            Word::After => t!(lang, "etter", "after"),
            Word::Role => t!(lang, "rolle", "role"),
            Word::Case => t!(lang, "sak", "case"),
            Word::Patient => t!(lang, "pasient", "patient"),
            Word::Pathway => t!(lang, "forløp", "pathway"),
            Word::Coordinator => t!(lang, "koordinator", "coordinator"),
            Word::LastMilestone => t!(lang, "siste hendelse", "last milestone"),
            Word::Date => t!(lang, "dato", "date"),
            Word::NextMilestone => t!(lang, "neste hendelse", "next milestone"),
            Word::NoOpenCases => t!(lang, "ingen åpne saker", "no open cases"),
            Word::CalendarDays => t!(
                lang,
                "kalenderdager; fra-dagen er dag 0",
                "calendar days; the from-day is day 0"
            ),
            Word::AllTreatments => t!(lang, "alle", "all"),
            Word::TreatmentType => t!(lang, "behandling", "treatment"),
            Word::NoIntervalsKnown => t!(
                lang,
                "Ingen nasjonale forløpstider er kjent for dette forløpet.",
                "No national standard times are known for this pathway."
            ),
            Word::LocalMilestone => t!(lang, "lokal", "local"),
            Word::Due => t!(lang, "frist", "due"),
            Word::DaysLeft => t!(lang, "igjen", "left"),
            Word::What => t!(lang, "hva", "what"),
            Word::Milestone => t!(lang, "hendelse", "milestone"),
            Word::Note => t!(lang, "merknad", "note"),
            Word::NextDeadline => t!(lang, "neste frist", "next deadline"),
            Word::NoDeadlines => t!(lang, "ingen frister", "no deadlines"),
            Word::Doctor => t!(lang, "lege", "doctor"),
            Word::PlannedTreatment => t!(lang, "planlagt behandling", "planned treatment"),
            Word::Events => t!(lang, "Hendelser", "Events"),
            Word::Elapsed => t!(lang, "tid brukt", "elapsed"),
            Word::State => t!(lang, "status", "status"),
            Word::Done => t!(lang, "utført", "done"),
            Word::Met => t!(lang, "innenfor", "met"),
            Word::Missed => t!(lang, "overskredet", "missed"),
            Word::Running => t!(lang, "løper", "running"),
            Word::NotStarted => t!(lang, "ikke startet", "not started"),
            Word::NotApplicable => t!(lang, "gjelder ikke", "not applicable"),
            Word::Ended => t!(lang, "avsluttet ved beslutning", "ended at decision"),
            Word::DeviationRecorded => t!(lang, "avvik registrert", "deviation recorded"),
            Word::Closed => t!(lang, "avsluttet", "closed"),
            Word::Transferred => t!(lang, "overført", "transferred"),
            Word::OpenTask => t!(lang, "åpen", "open"),
            Word::Overdue => t!(lang, "Forfalt", "Overdue"),
            Word::Weekend => t!(lang, "helg", "weekend"),
            Word::ClosedDay => t!(lang, "stengt", "closed"),
            Word::Time => t!(lang, "tid", "time"),
            Word::Place => t!(lang, "sted", "place"),
            Word::MdtShort => t!(lang, "MDT", "MDT"),
            Word::DeadlineShort => t!(lang, "frist", "due"),
            Word::TaskShort => t!(lang, "oppgave", "task"),
            Word::NothingThisDay => t!(lang, "ingenting", "nothing"),
            Word::AgendaFrom => t!(lang, "Agenda fra", "Agenda from"),
            Word::Question => t!(lang, "spørsmål", "question"),
            Word::Conclusion => t!(lang, "konklusjon", "conclusion"),
            Word::MdtMeeting => t!(lang, "MDT-møte", "MDT meeting"),
            Word::NoMdtAhead => t!(
                lang,
                "Ingen MDT-møter med saker fremover.",
                "No MDT meetings with cases ahead."
            ),
            Word::NoCasesOnMdt => t!(
                lang,
                "Ingen saker er meldt til dette møtet.",
                "No cases are booked for this meeting."
            ),
            Word::Handover => t!(lang, "Overlevering", "Handover"),
            Word::HandoverTo => t!(lang, "Til", "To"),
            Word::ResponsibleDoctor => t!(lang, "Ansvarlig lege", "Responsible doctor"),
            Word::Gp => t!(lang, "Fastlege", "GP"),
            Word::IndividualPlan => t!(lang, "Individuell plan", "Individual plan"),
            Word::MunicipalConsent => t!(
                lang,
                "Samtykke til kontakt med kommunal kreftkoordinator",
                "Consent to contact the municipal cancer coordinator"
            ),
            Word::NotRecorded => t!(lang, "ikke registrert", "not recorded"),
            Word::YesWord => t!(lang, "ja", "yes"),
            Word::NoWord => t!(lang, "nei", "no"),
            Word::OpenTasks => t!(lang, "Åpne oppgaver", "Open tasks"),
            Word::UpcomingAppointments => t!(lang, "Kommende timer", "Upcoming appointments"),
            Word::MdtMeetings => t!(lang, "MDT-møter", "MDT meetings"),
            Word::Deviations => t!(lang, "Avvik", "Deviations"),
            Word::LatestNotes => t!(lang, "Siste notater", "Latest notes"),
            Word::TransferredTo => t!(lang, "Overført til", "Transferred to"),
            Word::NoneRecorded => t!(lang, "Ingen.", "None."),
            Word::Reported => t!(lang, "meldt", "reported"),
            Word::NotReported => t!(lang, "ikke meldt til leder", "not reported to the leader"),
            Word::Phone => t!(lang, "tlf.", "phone"),
            Word::PatientCap => t!(lang, "Pasient", "Patient"),
            Word::CoordinatorCap => t!(lang, "Koordinator", "Coordinator"),
            Word::PlannedTreatmentCap => t!(lang, "Planlagt behandling", "Planned treatment"),
            Word::NextDeadlineCap => t!(lang, "Neste frist", "Next deadline"),
            Word::Fnr => t!(lang, "fødselsnummer", "national ID"),
            Word::Born => t!(lang, "født", "born"),
            Word::StatusOpen => t!(lang, "åpen", "open"),
            Word::ReceivingCoordinator => {
                t!(lang, "mottakende koordinator", "receiving coordinator")
            }
            Word::By => t!(lang, "av", "by"),
            Word::Upcoming => t!(lang, "kommende", "upcoming"),
            Word::Group => t!(lang, "gruppe", "group"),
            Word::IntervalShort => t!(lang, "forløpstid", "interval"),
            Word::MeasuredCount => t!(lang, "målt", "measured"),
            Word::WithinCount => t!(lang, "innenfor", "within"),
            Word::Share => t!(lang, "andel", "share"),
            Word::Target => t!(lang, "mål", "target"),
            Word::Median => t!(lang, "median", "median"),
            Word::P90 => t!(lang, "90-persentil", "90th percentile"),
            Word::BelowTarget => t!(lang, "under målet", "below target"),
            Word::NoMeasures => t!(
                lang,
                "ingen målte forløpstider i perioden",
                "no measured standard times in the period"
            ),
            Word::ReportTitle => t!(lang, "Morgenrapport", "Morning report"),
            Word::DueSoonHeading => t!(
                lang,
                "Forfaller i dag og de nærmeste dagene",
                "Due today and in the coming days"
            ),
            Word::TodayHeading => t!(
                lang,
                "I dag: timer og MDT-møter",
                "Today: appointments and MDT meetings"
            ),
            Word::RecordedHeading => t!(
                lang,
                "Registrert siden forrige arbeidsdag – kontroller NPR-kodene i PAS",
                "Recorded since the previous working day – check the NPR codes in the PAS"
            ),
            Word::NewReferrals => t!(lang, "Nye henvisninger", "New referrals"),
            Word::NoCoordinatorHeading => t!(
                lang,
                "Åpne saker uten koordinator",
                "Open cases without a coordinator"
            ),
            Word::ComplianceHeading => t!(
                lang,
                "Andel innenfor forløpstid, siste fire måneder",
                "Share within the standard time, last four months"
            ),
            Word::DeviationMissing => t!(lang, "avvik ikke registrert", "deviation not recorded"),
            Word::WithoutCoordinator => t!(lang, "uten koordinator", "without coordinator"),
            Word::Period => t!(lang, "periode", "period"),
            Word::ChartTitle => t!(
                lang,
                "Andel innenfor forløpstid per forløpstid, med målet som strek",
                "Share within the standard time per interval, with the target as a line"
            ),
            Word::ReportWritten => t!(
                lang,
                "Rapporten er skrevet til",
                "The report was written to"
            ),
            Word::Deviation => t!(lang, "avvik", "deviation"),
            Word::DeadlineCap => t!(lang, "Frist", "Due"),
            Word::Commit => t!(lang, "commit", "commit"),
            Word::NoCaseChange => t!(lang, "(ingen endring i saken)", "(no change to the case)"),
            Word::Author => t!(lang, "forfatter", "author"),
        }
    }
}

/// Days left as a person says it: "3 dager på overtid", "i dag", "i morgen", "om 5 dager".
pub fn days_left_text(days_left: i64, lang: Lang) -> String {
    let n = days_left.abs();
    match days_left {
        0 => t!(lang, "i dag", "today"),
        1 => t!(lang, "i morgen", "tomorrow"),
        -1 => t!(lang, "1 dag på overtid", "1 day overdue"),
        d if d < 0 => t!(
            lang,
            format!("{n} dager på overtid"),
            format!("{n} days overdue")
        ),
        _ => t!(lang, format!("om {n} dager"), format!("in {n} days")),
    }
}

/// A number of cases: "1 sak", "3 saker".
pub fn case_count(n: usize, lang: Lang) -> String {
    match (n, lang) {
        (1, _) => t!(lang, "1 sak", "1 case"),
        _ => t!(lang, format!("{n} saker"), format!("{n} cases")),
    }
}

/// A number of calendar days: "1 dag", "12 dager".
pub fn days_text(n: i64, lang: Lang) -> String {
    if n.abs() == 1 {
        t!(lang, format!("{n} dag"), format!("{n} day"))
    } else {
        t!(lang, format!("{n} dager"), format!("{n} days"))
    }
}

/// Why a deadline falls where it does, in a few words; empty when there is nothing to say.
pub fn basis_note(basis: crate::schedule::Basis, unverified: bool, lang: Lang) -> String {
    use crate::schedule::Basis;
    let mut parts = Vec::new();
    match basis {
        Basis::Fixed => {}
        Basis::Treatment(tr) => parts.push(treatment_name(tr, lang)),
        Basis::Strictest => parts.push(t!(
            lang,
            "strengeste frist, behandling ikke bestemt",
            "strictest limit, treatment not decided"
        )),
    }
    if unverified {
        parts.push(t!(lang, "tider ikke verifisert", "times unverified"));
    }
    parts.join("; ")
}

/// The name of a treatment type in `lang`.
pub fn treatment_name(t: crate::model::Treatment, lang: Lang) -> String {
    use crate::model::Treatment::*;
    match t {
        Surgery => t!(lang, "kirurgi", "surgery"),
        Drug => t!(lang, "medikamentell", "drug"),
        Radiation => t!(lang, "stråling", "radiation"),
        SymptomRelief => t!(lang, "symptomlindring", "symptom relief"),
        Surveillance => t!(lang, "overvåking", "surveillance"),
        None => t!(lang, "ingen behandling", "no treatment"),
    }
}

/// A day as a heading: "tirsdag 24. november" / "Tuesday 24 November".
pub fn day_heading(date: chrono::NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    const NB_DAYS: [&str; 7] = [
        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
    ];
    const EN_DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    const NB_MONTHS: [&str; 12] = [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ];
    const EN_MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let wd = date.weekday().num_days_from_monday() as usize;
    let m = date.month0() as usize;
    t!(
        lang,
        format!("{} {}. {}", NB_DAYS[wd], date.day(), NB_MONTHS[m]),
        format!("{} {} {}", EN_DAYS[wd], date.day(), EN_MONTHS[m])
    )
}

/// The name of a public holiday in `lang`.
pub fn holiday_name(h: crate::calendar::Holiday, lang: Lang) -> String {
    use crate::calendar::Holiday::*;
    match h {
        NewYear => t!(lang, "første nyttårsdag", "New Year's Day"),
        MaundyThursday => t!(lang, "skjærtorsdag", "Maundy Thursday"),
        GoodFriday => t!(lang, "langfredag", "Good Friday"),
        EasterSunday => t!(lang, "første påskedag", "Easter Sunday"),
        EasterMonday => t!(lang, "andre påskedag", "Easter Monday"),
        LabourDay => t!(lang, "arbeidernes dag", "Labour Day"),
        ConstitutionDay => t!(lang, "grunnlovsdagen", "Constitution Day"),
        Ascension => t!(lang, "Kristi himmelfartsdag", "Ascension Day"),
        WhitSunday => t!(lang, "første pinsedag", "Whit Sunday"),
        WhitMonday => t!(lang, "andre pinsedag", "Whit Monday"),
        ChristmasDay => t!(lang, "første juledag", "Christmas Day"),
        BoxingDay => t!(lang, "andre juledag", "Boxing Day"),
    }
}

/// Why a pathway was closed, in `lang`.
pub fn close_reason_name(r: crate::model::CloseReason, lang: Lang) -> String {
    use crate::model::CloseReason::*;
    match r {
        TreatmentStarted => t!(lang, "behandling startet", "treatment started"),
        NotCancer => t!(lang, "ikke kreft", "not cancer"),
        Transferred => t!(lang, "overført", "transferred"),
        Declined => t!(
            lang,
            "pasienten ønsket ikke videre forløp",
            "the patient declined"
        ),
        Died => t!(lang, "død", "died"),
        Other => t!(lang, "annet", "other"),
    }
}

/// Individual plan status in `lang`.
pub fn individual_plan_name(p: crate::model::IndividualPlan, lang: Lang) -> String {
    use crate::model::IndividualPlan::*;
    match p {
        NotAssessed => t!(lang, "ikke vurdert", "not assessed"),
        NotNeeded => t!(lang, "ikke behov", "not needed"),
        Wanted => t!(
            lang,
            "ønsket, ikke opprettet",
            "wanted, not yet established"
        ),
        Established => t!(lang, "opprettet", "established"),
    }
}

/// The name of a times status in `lang`.
pub fn times_name(t: crate::model::TimesStatus, lang: Lang) -> String {
    use crate::model::TimesStatus::*;
    match t {
        Confirmed => Word::Confirmed.text(lang),
        Unverified => Word::Unverified.text(lang),
        Unknown => Word::Unknown.text(lang),
    }
}

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
            Msg::NotRegularFile,
            Msg::Unreadable { detail: "x".into() },
            Msg::IgnoredFile,
            Msg::UnreadableDir { detail: "x".into() },
            Msg::FileTooLarge { megabytes: 40 },
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
            Msg::PlannedTreatmentNotInTable {
                treatment: "x".into(),
                intervals: "x".into(),
            },
            Msg::TreatmentEventNoType,
            Msg::OpenCaseNoCoordinator,
            Msg::TimesUnknownOpenCase {
                pathway: "x".into(),
            },
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
            Msg::NotRegularFile => {}
            Msg::Unreadable { .. } => {}
            Msg::IgnoredFile => {}
            Msg::UnreadableDir { .. } => {}
            Msg::FileTooLarge { .. } => {}
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
        assert_eq!(msgs.len(), 58);
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
