//! The names of domain values (treatment types, holidays, closure reasons, …) in each language.

use super::{Lang, Word};

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
