//! Rules across files: duplicate case ids, two open cases of one pathway for one patient.

use foldhash::{HashMap, HashMapExt};

use chrono::NaiveDate;

use crate::diag::Span;
use crate::i18n::Msg;
use crate::model::{Case, Located, Text};

/// A problem found across files, at a span of a file whose text is no longer held: the caller
/// reads the file back to place it (an error path, a handful of files).
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub file: String,
    pub span: Span,
    pub msg: Msg,
}

/// What the rules across files need of a case: kept for every case, also those a command does
/// not keep whole.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseKey {
    pub id: Located<Text>,
    pub pathway: Text,
    pub fnr: Option<Located<Text>>,
    pub open: bool,
    pub coordinator: Option<Text>,
    pub file: Text,
}

impl CaseKey {
    /// The key of `case` on `today`.
    pub fn of(case: &Case, today: NaiveDate) -> CaseKey {
        CaseKey {
            id: case.id.clone(),
            pathway: case.pathway.value.clone(),
            fnr: case.patient.fnr.clone(),
            open: case.is_open(today),
            coordinator: case.coordinator.as_ref().map(|c| c.value.clone()),
            file: case.file.clone(),
        }
    }
}

fn at(case: &CaseKey, field: &Located<Text>, msg: Msg) -> Pending {
    Pending {
        file: case.file.to_string(),
        span: field.span,
        msg,
    }
}

/// Cross-file rules over every case (sorted by file); all are errors.
pub fn check_cases(cases: &[CaseKey]) -> Vec<Pending> {
    // The two rules are independent: each walks the cases in its own thread.
    let (mut out, mut open) = rayon::join(|| duplicate_ids(cases), || duplicate_open(cases));
    out.append(&mut open);
    out
}

/// Two cases with the same id: the later file is the one reported.
fn duplicate_ids(cases: &[CaseKey]) -> Vec<Pending> {
    let mut out = Vec::new();
    let mut by_id: HashMap<&str, &CaseKey> = HashMap::with_capacity(cases.len());
    for case in cases {
        match by_id.get(case.id.value.as_str()) {
            Some(first) => out.push(at(
                case,
                &case.id,
                Msg::DuplicateCaseId {
                    id: case.id.value.to_string(),
                    other: first.file.to_string(),
                },
            )),
            None => {
                by_id.insert(&case.id.value, case);
            }
        }
    }
    out
}

/// Two open cases of one pathway for the same fødselsnummer.
fn duplicate_open(cases: &[CaseKey]) -> Vec<Pending> {
    let mut out = Vec::new();
    let mut open: HashMap<(&str, &str), &CaseKey> = HashMap::with_capacity(cases.len());
    for case in cases.iter().filter(|c| c.open) {
        let Some(fnr) = &case.fnr else { continue };
        match open.get(&(fnr.value.as_str(), case.pathway.as_str())) {
            Some(first) => out.push(at(
                case,
                fnr,
                Msg::DuplicateOpenCase {
                    pathway: case.pathway.to_string(),
                    other: first.file.to_string(),
                },
            )),
            None => {
                open.insert((&fnr.value, &case.pathway), case);
            }
        }
    }
    out
}
