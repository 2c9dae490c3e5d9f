//! Fødselsnummer (Norwegian national identity number): the mod-11 check, in one place.
//!
//! Rules: docs/pathways.md ("Fødselsnummer"), from Skatteetaten and
//! fnrinfo.no. D-numbers add 40 to the day, H-numbers 40 to the month, synthetic test numbers
//! (Tenor) 80 to the month. From 2032 new numbers may have other control remainders; when that
//! rule is confirmed it changes here only.

use chrono::{Datelike, NaiveDate};

/// What kind of number it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FnrKind {
    Ordinary,
    DNumber,
    HNumber,
    Synthetic,
}

/// A valid number's facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FnrInfo {
    pub kind: FnrKind,
    pub birth: NaiveDate,
}

impl FnrInfo {
    /// The birth year.
    pub fn year(&self) -> i32 {
        self.birth.year()
    }
}

/// Why a number is not valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FnrError {
    Length,
    NotDigits,
    Control,
    Date,
}

const W1: [u32; 9] = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/// The control digit for `digits` with `weights`, or `None` when the remainder makes it 10.
fn control(digits: &[u32], weights: &[u32]) -> Option<u32> {
    let s: u32 = digits.iter().zip(weights).map(|(d, w)| d * w).sum();
    match 11 - s % 11 {
        11 => Some(0),
        10 => None,
        k => Some(k),
    }
}

/// The two control digits for the first nine digits, if the number can be valid at all.
pub fn control_digits(first9: &[u32; 9]) -> Option<(u32, u32)> {
    let k1 = control(first9, &W1)?;
    let mut ten = [0u32; 10];
    ten[..9].copy_from_slice(first9);
    ten[9] = k1;
    let k2 = control(&ten, &W2)?;
    Some((k1, k2))
}

/// Validates an 11-digit number: control digits and a real birth date.
pub fn validate(s: &str) -> Result<FnrInfo, FnrError> {
    if !s.chars().all(|c| c.is_ascii_digit()) {
        return Err(FnrError::NotDigits);
    }
    if s.len() != 11 {
        return Err(FnrError::Length);
    }
    let mut d = [0u32; 11];
    for (digit, b) in d.iter_mut().zip(s.bytes()) {
        *digit = u32::from(b - b'0');
    }
    let first9: [u32; 9] = d[..9].try_into().expect("11 digits");
    match control_digits(&first9) {
        Some((k1, k2)) if k1 == d[9] && k2 == d[10] => {}
        _ => return Err(FnrError::Control),
    }
    let mut day = d[0] * 10 + d[1];
    let mut month = d[2] * 10 + d[3];
    let yy = d[4] * 10 + d[5];
    let individual = d[6] * 100 + d[7] * 10 + d[8];
    let mut kind = FnrKind::Ordinary;
    if day > 40 {
        day -= 40;
        kind = FnrKind::DNumber;
    }
    if month > 80 {
        month -= 80;
        kind = FnrKind::Synthetic;
    } else if month > 40 {
        month -= 40;
        kind = FnrKind::HNumber;
    }
    let century = match individual {
        0..=499 => 1900,
        500..=749 if yy > 54 => 1800,
        500..=999 if yy < 40 => 2000,
        900..=999 if yy >= 40 => 1900,
        _ => return Err(FnrError::Date),
    };
    let year = century + yy as i32;
    let birth = NaiveDate::from_ymd_opt(year, month, day).ok_or(FnrError::Date)?;
    Ok(FnrInfo { kind, birth })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a number from date digits and an individual number, with correct control digits.
    pub fn make(dd: u32, mm: u32, yy: u32, individual: u32) -> Option<String> {
        let s = format!("{dd:02}{mm:02}{yy:02}{individual:03}");
        let first9: [u32; 9] = s
            .bytes()
            .map(|b| u32::from(b - b'0'))
            .collect::<Vec<_>>()
            .try_into()
            .ok()?;
        let (k1, k2) = control_digits(&first9)?;
        Some(format!("{s}{k1}{k2}"))
    }

    #[test]
    fn worked_example_from_the_source_is_valid() {
        // The published worked example of the algorithm (fnrinfo.no), not a person.
        let info = validate("31129956715").unwrap();
        // Individual number 567 with YY 99 falls in the 500–749, YY > 54 band: 1855–1899.
        assert_eq!(info.birth, NaiveDate::from_ymd_opt(1899, 12, 31).unwrap());
        assert_eq!(info.kind, FnrKind::Ordinary);
    }

    #[test]
    fn a_wrong_control_digit_is_caught() {
        assert_eq!(validate("31129956716"), Err(FnrError::Control));
        assert_eq!(validate("31129956705"), Err(FnrError::Control));
    }

    #[test]
    fn synthetic_d_and_h_numbers() {
        let syn = (0..500).find_map(|i| make(15, 3 + 80, 58, i)).unwrap();
        let info = validate(&syn).unwrap();
        assert_eq!(info.kind, FnrKind::Synthetic);
        assert_eq!(info.birth, NaiveDate::from_ymd_opt(1958, 3, 15).unwrap());
        let d = (0..500).find_map(|i| make(15 + 40, 3, 58, i)).unwrap();
        assert_eq!(validate(&d).unwrap().kind, FnrKind::DNumber);
        let h = (0..500).find_map(|i| make(15, 3 + 40, 58, i)).unwrap();
        assert_eq!(validate(&h).unwrap().kind, FnrKind::HNumber);
    }

    #[test]
    fn impossible_dates_and_shapes() {
        let feb30 = (0..500).find_map(|i| make(30, 2 + 80, 58, i)).unwrap();
        assert_eq!(validate(&feb30), Err(FnrError::Date));
        assert_eq!(validate("1234"), Err(FnrError::Length));
        assert_eq!(validate("3112995671x"), Err(FnrError::NotDigits));
    }

    #[test]
    fn century_from_the_individual_number() {
        let y2010 = (500..1000).find_map(|i| make(1, 81, 10, i)).unwrap();
        assert_eq!(validate(&y2010).unwrap().year(), 2010);
        let y1945 = (900..1000).find_map(|i| make(1, 81, 45, i)).unwrap();
        assert_eq!(validate(&y1945).unwrap().year(), 1945);
    }
}
