//! Rules across files: duplicate case ids, two open cases of one pathway for one patient.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Severity};
use crate::i18n::Msg;
use crate::model::{Case, Located};

fn at(case: &Case, field: &Located<String>, msg: Msg) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        file: case.file.clone(),
        loc: Some(field.loc),
        source_line: None,
        msg,
    }
}

/// Cross-file rules over every case (sorted by file); diagnostics without source lines.
pub fn check_cases(cases: &[Case], today: NaiveDate) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut by_id: HashMap<&str, &Case> = HashMap::with_capacity(cases.len());
    for case in cases {
        match by_id.get(case.id.value.as_str()) {
            Some(first) => out.push(at(
                case,
                &case.id,
                Msg::DuplicateCaseId {
                    id: case.id.value.clone(),
                    other: first.file.clone(),
                },
            )),
            None => {
                by_id.insert(&case.id.value, case);
            }
        }
    }
    let mut open: HashMap<(&str, &str), &Case> = HashMap::new();
    for case in cases.iter().filter(|c| c.is_open(today)) {
        let Some(fnr) = &case.patient.fnr else {
            continue;
        };
        match open.get(&(fnr.value.as_str(), case.pathway.value.as_str())) {
            Some(first) => out.push(at(
                case,
                fnr,
                Msg::DuplicateOpenCase {
                    pathway: case.pathway.value.clone(),
                    other: first.file.clone(),
                },
            )),
            None => {
                open.insert((&fnr.value, &case.pathway.value), case);
            }
        }
    }
    out
}
