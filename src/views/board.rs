//! The board of `forlop site`: the followed cases, grouped by coordinator or by pathway, most
//! urgent first within each group. The rows are `status`'s, so the board and `forlop status`
//! never disagree about which cases are followed or how urgent they are.

use chrono::NaiveDate;

use super::status::{StatusRow, rows};
use crate::register::Register;
use crate::schedule::{CaseState, CaseView};
use crate::select::Selection;

/// How the board groups its cases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    Coordinator,
    Pathway,
}

/// One case on the board.
#[derive(Clone, Debug, PartialEq)]
pub struct BoardRow<'a> {
    pub status: StatusRow<'a>,
    /// In the pathway, in follow-up, or transferred (until the receiving hospital is called).
    pub state: CaseState,
    /// The coordinator's name from team.toml.
    pub coordinator_name: Option<&'a str>,
}

/// A group of cases under one heading.
#[derive(Clone, Debug, PartialEq)]
pub struct BoardGroup<'a> {
    /// The coordinator or pathway id; `None` for cases without a coordinator.
    pub key: Option<&'a str>,
    /// The coordinator's or pathway's name, where known.
    pub name: Option<&'a str>,
    pub rows: Vec<BoardRow<'a>>,
}

/// The followed cases on `today`, most urgent first (selected like `status`).
pub fn board_rows<'a>(
    reg: &'a Register,
    today: NaiveDate,
    selection: &Selection,
) -> Vec<BoardRow<'a>> {
    rows(reg, today, selection, &[])
        .into_iter()
        .map(|status| {
            let case = status.patient.case;
            let state = reg
                .pathway(status.pathway)
                .map_or(CaseState::InPathway, |p| {
                    CaseView::new(case, p, today).state()
                });
            let coordinator_name = status.coordinator.and_then(|c| {
                reg.team
                    .as_ref()
                    .and_then(|t| t.get(c))
                    .map(|p| p.name.as_str())
            });
            BoardRow {
                status,
                state,
                coordinator_name,
            }
        })
        .collect()
}

/// The rows grouped: groups in order of their most urgent case (cases without a coordinator
/// last among equals), rows keeping their order.
pub fn group<'a>(reg: &'a Register, rows: &[BoardRow<'a>], by: Grouping) -> Vec<BoardGroup<'a>> {
    let mut groups: Vec<BoardGroup<'a>> = Vec::new();
    for row in rows {
        let key = match by {
            Grouping::Coordinator => row.status.coordinator,
            Grouping::Pathway => Some(row.status.pathway),
        };
        match groups.iter_mut().find(|g| g.key == key) {
            Some(g) => g.rows.push(row.clone()),
            None => {
                let name = match by {
                    Grouping::Coordinator => row.coordinator_name,
                    Grouping::Pathway => reg.pathway(row.status.pathway).map(|p| p.name.as_str()),
                };
                groups.push(BoardGroup {
                    key,
                    name,
                    rows: vec![row.clone()],
                });
            }
        }
    }
    // Rows come most urgent first, so groups already are in order of their most urgent case;
    // the group without a coordinator goes last.
    groups.sort_by_key(|g| g.key.is_none());
    groups
}
