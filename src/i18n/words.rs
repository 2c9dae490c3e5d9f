//! Fixed words and labels, and the phrases built from numbers and dates.

use super::{Lang, treatment_name};

/// Fixed words and labels of the user interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
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
    /// A stats row pools pathways whose limits differ (the note column; explained below).
    MixedLimits,
    /// What that means for the figures, once under the table.
    MixedLimitsMeaning,
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
    /// The national indicator's interval, after its id.
    IndicatorName,
    /// A period not yet ended ("2026-T3 so far").
    SoFar,
    /// The pooled row of every pathway.
    AllPathways,
    ReportWritten,
    Deviation,
    DeadlineCap,
    Commit,
    NoCaseChange,
    Author,
    InPathway,
    FollowUp,
    StateCap,
    AtReceivingHospital,
    CallReceiving,
    PlannedCap,
    AfterDeadline,
    WithinDeadline,
    StaleCases,
    LastActivity,
    NoStaleCases,
    IpNotAssessed,
    ConsentUnanswered,
    NoneInList,
    IndividualPlanCap,
    ConsentCap,
    Yes,
    No,
    PathwayNote,
    AndMore,
    ProblemsHeading,
    ProblemsHint,
    MissedHeading,
    DaysOver,
    FileHasErrorsMark,
    PathwayFileHasErrorsMark,
    StandardTime,
    TimesUnverifiedNote,
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
            Word::MixedLimits => t!(lang, "ulike frister*", "different limits*"),
            Word::MixedLimitsMeaning => t!(
                lang,
                "  Andelen måler hver sak mot fristen i sitt eget forløp; median og 90-persentil blander fristene – se `--by pathway`.",
                "  The share measures each case against its own pathway's limit; the median and 90th percentile mix the limits – see `--by pathway`."
            ),
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
                "Andel innenfor forløpstid per forløp",
                "Share within the standard time per pathway"
            ),
            Word::IndicatorName => t!(
                lang,
                "start pakkeforløp – start behandling",
                "start of pathway – start of treatment"
            ),
            Word::SoFar => t!(lang, "hittil", "so far"),
            Word::AllPathways => t!(lang, "alle forløp", "all pathways"),
            Word::DeviationMissing => t!(lang, "avvik ikke registrert", "deviation not recorded"),
            Word::WithoutCoordinator => t!(lang, "uten koordinator", "without coordinator"),
            Word::Period => t!(lang, "periode", "period"),
            Word::ChartTitle => t!(
                lang,
                "Andel innenfor forløpstid per forløp i tertialet hittil, med målet som strek",
                "Share within the standard time per pathway in the tertial so far, with the target as a line"
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
            Word::InPathway => t!(lang, "i forløp", "in pathway"),
            Word::FollowUp => t!(lang, "i oppfølging", "in follow-up"),
            Word::StateCap => t!(lang, "tilstand", "state"),
            Word::AtReceivingHospital => {
                t!(lang, "på mottakende sykehus", "at the receiving hospital")
            }
            Word::CallReceiving => t!(
                lang,
                "Ring mottakende koordinator",
                "Call the receiving coordinator"
            ),
            Word::PlannedCap => t!(lang, "Planlagt", "Planned"),
            Word::AfterDeadline => t!(lang, "etter fristen", "after the deadline"),
            Word::WithinDeadline => t!(lang, "innen fristen", "within the deadline"),
            Word::StaleCases => t!(lang, "Saker uten aktivitet", "Stale cases"),
            Word::LastActivity => t!(lang, "siste aktivitet", "last activity"),
            Word::NoStaleCases => t!(lang, "Ingen saker uten aktivitet.", "No stale cases."),
            Word::IpNotAssessed => t!(
                lang,
                "Individuell plan ikke vurdert",
                "Individual plan not assessed"
            ),
            Word::ConsentUnanswered => t!(
                lang,
                "Samtykke til kommunal kreftkoordinator ikke avklart",
                "Consent to contact the municipal cancer coordinator not answered"
            ),
            Word::NoneInList => t!(lang, "Ingen.", "None."),
            Word::IndividualPlanCap => t!(lang, "Individuell plan", "Individual plan"),
            Word::ConsentCap => t!(
                lang,
                "Samtykke kommunal kreftkoordinator",
                "Consent, municipal cancer coordinator"
            ),
            Word::Yes => t!(lang, "ja", "yes"),
            Word::No => t!(lang, "nei", "no"),
            Word::PathwayNote => t!(lang, "Merk", "Note"),
            Word::AndMore => t!(lang, "og flere", "and more"),
            Word::ProblemsHeading => t!(
                lang,
                "Filer med feil – ikke fullt brukt i denne utskriften",
                "Files with errors – not fully used in this output"
            ),
            Word::ProblemsHint => t!(
                lang,
                "Saker i disse filene kan mangle frister eller hendelser. Rett feilene; `forlop check` viser dem med linje og kolonne.",
                "Cases in these files may lack deadlines or events. Fix the errors; `forlop check` shows them with line and column."
            ),
            Word::MissedHeading => t!(
                lang,
                "Forløpstider overskredet uten avvik – skriv avvik og meld til leder",
                "Standard times missed without a deviation – write it and report it to the leader"
            ),
            Word::DaysOver => t!(lang, "dager over", "days over"),
            Word::FileHasErrorsMark => t!(
                lang,
                "saksfila har feil, se øverst",
                "the case file has errors, see the top"
            ),
            Word::PathwayFileHasErrorsMark => t!(
                lang,
                "forløpsfila har feil, se øverst",
                "the pathway file has errors, see the top"
            ),
            Word::StandardTime => t!(lang, "forløpstid", "standard time"),
            Word::TimesUnverifiedNote => t!(
                lang,
                "Frister merket «tider ikke verifisert» bygger på tider som ikke er bekreftet som nasjonale.",
                "Deadlines marked \"times unverified\" rest on times not confirmed as the national ones."
            ),
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
    count(n, Noun::Case, lang)
}

/// A number of calendar days: "1 dag", "12 dager".
pub fn days_text(n: i64, lang: Lang) -> String {
    count(n, Noun::Day, lang)
}

/// Under a stats table: `interval` in the rows `groups` pools pathways with different limits
/// (`limits`: each pathway with its limits in days); the share still counts, the median does not.
pub fn mixed_limits_note(
    interval: &str,
    groups: &[String],
    limits: &[(String, Vec<u32>)],
    lang: Lang,
) -> String {
    let list: Vec<String> = limits
        .iter()
        .map(|(pathway, days)| {
            let days = match days.as_slice() {
                [one] => days_text(i64::from(*one), lang),
                many => {
                    let n: Vec<String> = many.iter().map(u32::to_string).collect();
                    format!("{} {}", n.join("/"), t!(lang, "dager", "days"))
                }
            };
            format!("{pathway} {days}")
        })
        .collect();
    let list = list.join(", ");
    let groups = groups.join(", ");
    t!(
        lang,
        format!("* {interval} ({groups}) blander forløp med ulike frister: {list}."),
        format!("* {interval} ({groups}) pools pathways with different limits: {list}.")
    )
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

/// Nouns that are counted in what forlop prints, with their singular and plural forms, so a
/// count always agrees with its noun: "1 fil", "2 filer"; never "1 filer".
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum Noun {
    File,
    Case,
    Day,
    Error,
    Warning,
    Argument,
    Deadline,
    Commit,
    Page,
}

impl Noun {
    /// (bokmål singular, bokmål plural, English singular, English plural).
    fn forms(self) -> [&'static str; 4] {
        match self {
            Noun::File => ["fil", "filer", "file", "files"],
            Noun::Case => ["sak", "saker", "case", "cases"],
            Noun::Day => ["dag", "dager", "day", "days"],
            Noun::Error => ["feil", "feil", "error", "errors"],
            Noun::Warning => ["advarsel", "advarsler", "warning", "warnings"],
            Noun::Argument => ["argument", "argumenter", "argument", "arguments"],
            Noun::Deadline => ["frist", "frister", "deadline", "deadlines"],
            Noun::Commit => ["commit", "commiter", "commit", "commits"],
            Noun::Page => ["side", "sider", "page", "pages"],
        }
    }

    /// The noun in the number that agrees with `n` (1 and −1 take the singular).
    pub fn word(self, n: i64, lang: Lang) -> &'static str {
        let [nb1, nb, en1, en] = self.forms();
        match (lang, n.abs() == 1) {
            (Lang::Nb, true) => nb1,
            (Lang::Nb, false) => nb,
            (Lang::En, true) => en1,
            (Lang::En, false) => en,
        }
    }
}

/// A count with its noun: `count(1, Noun::File, Nb)` is "1 fil", `count(2, …)` "2 filer".
/// Every count forlop prints goes through this (or [`case_count`], [`days_text`]).
pub fn count(n: impl TryInto<i64>, noun: Noun, lang: Lang) -> String {
    let n: i64 = n.try_into().unwrap_or(i64::MAX);
    format!("{n} {}", noun.word(n, lang))
}

/// A number for people to read: whole numbers without decimals, others with up to `decimals`
/// digits (trailing zeros dropped), with a decimal comma in bokmål (`25,5`) and a point in
/// English. JSON and CSV keep the point: they never call this.
pub fn decimal(x: f64, decimals: usize, lang: Lang) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let mut s = format!("{x:.decimals$}");
    if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    if s == "-0" {
        s = "0".to_string();
    }
    match lang {
        Lang::Nb => s.replace('.', ","),
        Lang::En => s,
    }
}

/// A date in a heading of a document that may be read later (report, handover): with the year.
/// "mandag 23. november 2026" / "Monday 23 November 2026".
pub fn day_heading_with_year(date: chrono::NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    format!("{} {}", day_heading(date, lang), date.year())
}
