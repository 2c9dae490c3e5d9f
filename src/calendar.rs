//! Norwegian public holidays (helligdager), computed: fixed days plus the Easter-based ones, so
//! there is no table to keep up to date. Easter by the anonymous Gregorian algorithm
//! (Meeus/Jones/Butcher).

use chrono::{Datelike, NaiveDate, Weekday};

/// A public holiday (lov om helligdager og helligdagsfred, and 1 and 17 May by their own acts).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Holiday {
    NewYear,
    MaundyThursday,
    GoodFriday,
    EasterSunday,
    EasterMonday,
    LabourDay,
    ConstitutionDay,
    Ascension,
    WhitSunday,
    WhitMonday,
    ChristmasDay,
    BoxingDay,
}

/// Easter Sunday of `year` (Gregorian calendar).
pub fn easter(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("a valid Easter date")
}

/// The public holiday on `date`, if any.
pub fn holiday(date: NaiveDate) -> Option<Holiday> {
    let fixed = match (date.month(), date.day()) {
        (1, 1) => Some(Holiday::NewYear),
        (5, 1) => Some(Holiday::LabourDay),
        (5, 17) => Some(Holiday::ConstitutionDay),
        (12, 25) => Some(Holiday::ChristmasDay),
        (12, 26) => Some(Holiday::BoxingDay),
        _ => None,
    };
    fixed.or_else(|| {
        let offset = (date - easter(date.year())).num_days();
        match offset {
            -3 => Some(Holiday::MaundyThursday),
            -2 => Some(Holiday::GoodFriday),
            0 => Some(Holiday::EasterSunday),
            1 => Some(Holiday::EasterMonday),
            39 => Some(Holiday::Ascension),
            49 => Some(Holiday::WhitSunday),
            50 => Some(Holiday::WhitMonday),
            _ => None,
        }
    })
}

/// Whether `date` is a Saturday or Sunday.
pub fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn easter_in_known_years() {
        // Published Easter Sundays.
        for (year, day) in [
            (2000, "2000-04-23"),
            (2008, "2008-03-23"),
            (2011, "2011-04-24"),
            (2019, "2019-04-21"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2038, "2038-04-25"),
        ] {
            assert_eq!(easter(year), d(day), "{year}");
        }
    }

    #[test]
    fn holidays_of_2026() {
        assert_eq!(holiday(d("2026-04-02")), Some(Holiday::MaundyThursday));
        assert_eq!(holiday(d("2026-04-03")), Some(Holiday::GoodFriday));
        assert_eq!(holiday(d("2026-04-06")), Some(Holiday::EasterMonday));
        assert_eq!(holiday(d("2026-05-14")), Some(Holiday::Ascension));
        assert_eq!(holiday(d("2026-05-25")), Some(Holiday::WhitMonday));
        assert_eq!(holiday(d("2026-05-17")), Some(Holiday::ConstitutionDay));
        assert_eq!(holiday(d("2026-12-26")), Some(Holiday::BoxingDay));
        assert_eq!(holiday(d("2026-11-24")), None);
        // Christmas Eve is not a public holiday (sections close it by `closed_days`).
        assert_eq!(holiday(d("2026-12-24")), None);
        assert!(is_weekend(d("2026-11-28")) && !is_weekend(d("2026-11-27")));
    }
}
