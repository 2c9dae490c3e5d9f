//! The words of `forlop site`: the board, the case pages, the statistics page, and its messages.

use super::Lang;

/// Labels and sentences of the site's pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum SiteWord {
    Board,
    Statistics,
    MorningReport,
    ByCoordinator,
    ByPathway,
    InPathway,
    FollowUp,
    FilterLabel,
    FilterPlaceholder,
    Redacted,
    Generated,
    Timeline,
    TimelineTitle,
    BackToBoard,
    Appointment,
    AppointmentsRow,
    MdtRow,
    EventsRow,
    Today,
    DueSoon,
    LastTwelveMonths,
    PerTertial,
    PerPathway,
    StatsChartTitle,
    NoMeasures,
    WithoutPathway,
    NoNextDeadline,
    Noscript,
    PlannedSpan,
}

impl SiteWord {
    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> String {
        use SiteWord::*;
        match self {
            Board => t!(lang, "Tavle", "Board"),
            Statistics => t!(lang, "Statistikk", "Statistics"),
            MorningReport => t!(lang, "Morgenrapport", "Morning report"),
            ByCoordinator => t!(lang, "Per koordinator", "By coordinator"),
            ByPathway => t!(lang, "Per forløp", "By pathway"),
            InPathway => t!(lang, "i forløp", "in pathway"),
            FollowUp => t!(lang, "i oppfølging", "in follow-up"),
            FilterLabel => t!(lang, "Filtrer", "Filter"),
            FilterPlaceholder => t!(
                lang,
                "sak, pasient, forløp eller koordinator",
                "case, patient, pathway or coordinator"
            ),
            Redacted => t!(
                lang,
                "Pasientene vises med initialer og saksnummer.",
                "Patients are shown by initials and case id."
            ),
            Generated => t!(lang, "Laget av forlop", "Made by forlop"),
            Timeline => t!(lang, "Tidslinje", "Timeline"),
            TimelineTitle => t!(
                lang,
                "Tidslinje: hendelser, forløpstider, timer og MDT-møter",
                "Timeline: milestones, standard times, appointments and MDT meetings"
            ),
            BackToBoard => t!(lang, "Tilbake til tavla", "Back to the board"),
            Appointment => t!(lang, "time", "appointment"),
            AppointmentsRow => t!(lang, "Timer", "Appointments"),
            MdtRow => t!(lang, "MDT", "MDT meetings"),
            EventsRow => t!(lang, "Hendelser", "Milestones"),
            Today => t!(lang, "i dag", "today"),
            DueSoon => t!(lang, "forfaller snart", "due soon"),
            LastTwelveMonths => t!(lang, "siste 12 måneder", "last 12 months"),
            PerTertial => t!(lang, "Per tertial", "By tertial"),
            PerPathway => t!(lang, "Per forløp", "By pathway"),
            StatsChartTitle => t!(
                lang,
                "Andel innenfor forløpstid, med målet som strek",
                "Share within the standard time, with the target as a line"
            ),
            NoMeasures => t!(
                lang,
                "Ingen målte forløpstider i perioden.",
                "No measured standard times in the period."
            ),
            WithoutPathway => t!(lang, "ukjent forløp", "unknown pathway"),
            NoNextDeadline => t!(lang, "ingen åpen frist", "no open deadline"),
            PlannedSpan => t!(
                lang,
                "forløpstid frem til fristen",
                "standard time up to the due date"
            ),
            Noscript => t!(
                lang,
                "Filteret trenger JavaScript; alt annet virker uten.",
                "The filter needs JavaScript; everything else works without it."
            ),
        }
    }
}

/// Messages of `forlop site` (errors and the confirmation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SiteUi {
    /// DIR lies inside the register.
    InsideRegister { dir: String },
    /// The register lies inside DIR (replacing DIR would remove it).
    HoldsRegister { dir: String },
    /// DIR is a symbolic link.
    Symlink { dir: String },
    /// DIR exists and is not a site forlop made.
    NotASite { dir: String },
    /// DIR's parent folder does not exist.
    NoParent { dir: String },
    /// The site was written.
    Written { dir: String, pages: usize },
}

/// For the catalogue's derived list of messages (`Ui::iter()` needs a value of each field);
/// every variant is tested in this file.
impl Default for SiteUi {
    fn default() -> Self {
        SiteUi::NoParent { dir: "DIR".into() }
    }
}

impl SiteUi {
    /// The one-line message.
    pub fn text(&self, lang: Lang) -> String {
        use SiteUi::*;
        match self {
            InsideRegister { dir } => t!(
                lang,
                format!("{dir} ligger inne i registeret; nettstedet skrives ikke dit"),
                format!("{dir} is inside the register; the site is not written there")
            ),
            HoldsRegister { dir } => t!(
                lang,
                format!("{dir} inneholder registeret; nettstedet ville erstatte det"),
                format!("{dir} holds the register; the site would replace it")
            ),
            Symlink { dir } => t!(
                lang,
                format!("{dir} er en symbolsk lenke; forlop følger ikke lenker"),
                format!("{dir} is a symbolic link; forlop does not follow links")
            ),
            NotASite { dir } => t!(
                lang,
                format!("{dir} finnes og er ikke et nettsted laget av forlop; det erstattes ikke"),
                format!("{dir} exists and is not a site made by forlop; it is not replaced")
            ),
            NoParent { dir } => t!(
                lang,
                format!("mappen som skal holde {dir} finnes ikke"),
                format!("the folder that should hold {dir} does not exist")
            ),
            Written { dir, pages } => {
                let pages = super::count(*pages, super::Noun::Page, lang);
                t!(
                    lang,
                    format!("nettstedet er skrevet til {dir} ({pages})"),
                    format!("the site was written to {dir} ({pages})")
                )
            }
        }
    }

    /// A one-line hint, where there is one.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        use SiteUi::*;
        match self {
            InsideRegister { .. } | HoldsRegister { .. } => Some(t!(
                lang,
                "velg en mappe utenfor registeret, f.eks. /var/www/forlop",
                "choose a folder outside the register, e.g. /var/www/forlop"
            )),
            Symlink { .. } => Some(t!(lang, "gi den virkelige mappen", "give the real folder")),
            NotASite { .. } => Some(t!(
                lang,
                "velg en ny eller tom mappe; forlop erstatter bare mapper det har laget selv",
                "choose a new or empty folder; forlop only replaces folders it made itself"
            )),
            NoParent { .. } => Some(t!(
                lang,
                "lag mappen over først (mkdir -p)",
                "create the folder above first (mkdir -p)"
            )),
            Written { .. } => None,
        }
    }
}

/// A date on a timeline's axis: "2. nov" / "2 Nov".
pub fn short_date(date: chrono::NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    const NB: [&str; 12] = [
        "jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des",
    ];
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let m = date.month0() as usize;
    t!(
        lang,
        format!("{}. {}", date.day(), NB[m]),
        format!("{} {}", date.day(), EN[m])
    )
}

/// Days used of a standard time: "7 av 9 dager" / "7 of 9 days".
pub fn days_of(elapsed: i64, limit: u32, lang: Lang) -> String {
    let limit = super::count(limit, super::Noun::Day, lang);
    t!(
        lang,
        format!("{elapsed} av {limit}"),
        format!("{elapsed} of {limit}")
    )
}

/// Cases whose next deadline is overdue: "4 med forfalt frist" / "4 with an overdue deadline".
pub fn with_overdue(n: usize, lang: Lang) -> String {
    t!(
        lang,
        format!("{n} med forfalt frist"),
        format!("{n} with an overdue deadline")
    )
}

/// Cases whose next deadline is due soon: "2 med frist snart" / "2 due soon".
pub fn with_due_soon(n: usize, lang: Lang) -> String {
    t!(
        lang,
        format!("{n} med frist snart"),
        format!("{n} due soon")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_site_text_has_both_languages() {
        use strum::IntoEnumIterator;
        for w in SiteWord::iter() {
            let (nb, en) = (w.text(Lang::Nb), w.text(Lang::En));
            assert!(!nb.is_empty() && !en.is_empty(), "{w:?}");
            assert!(nb != en || nb == "MDT", "{w:?} is the same in both: {nb}");
        }
        let d = "x".to_string();
        for m in [
            SiteUi::InsideRegister { dir: d.clone() },
            SiteUi::HoldsRegister { dir: d.clone() },
            SiteUi::Symlink { dir: d.clone() },
            SiteUi::NotASite { dir: d.clone() },
            SiteUi::NoParent { dir: d.clone() },
            SiteUi::Written { dir: d, pages: 2 },
        ] {
            assert_ne!(m.text(Lang::Nb), m.text(Lang::En), "{m:?}");
            assert_eq!(m.hint(Lang::Nb).is_some(), m.hint(Lang::En).is_some());
        }
    }
}
