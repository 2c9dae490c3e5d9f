//! The board of `forlop site`: the followed cases, grouped by coordinator or by pathway, most
//! urgent first within each group. The rows are `status`'s, so the board and `forlop status`
//! never disagree about which cases are followed or how urgent they are.

use chrono::NaiveDate;

use super::status::{Filter, StatusRow, rows};
use crate::register::Register;

/// How the board groups its cases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    Coordinator,
    Pathway,
}

/// One case on the board.
#[derive(Clone, Debug, PartialEq)]
pub struct BoardRow {
    pub status: StatusRow,
    /// The treatment has started or a decision ended the pathway: the case is followed up.
    pub follow_up: bool,
    /// The coordinator's name from team.toml.
    pub coordinator_name: Option<String>,
}

/// A group of cases under one heading.
#[derive(Clone, Debug, PartialEq)]
pub struct BoardGroup {
    /// The coordinator or pathway id; `None` for cases without a coordinator.
    pub key: Option<String>,
    /// The coordinator's or pathway's name, where known.
    pub name: Option<String>,
    pub rows: Vec<BoardRow>,
}

/// The followed cases on `today`, most urgent first (filtered like `status`).
pub fn board_rows(
    reg: &Register,
    today: NaiveDate,
    filter: &Filter<'_>,
    redact: bool,
) -> Vec<BoardRow> {
    rows(reg, today, filter, redact)
        .into_iter()
        .map(|status| {
            let follow_up = status.next.is_none()
                && reg.pathway(&status.pathway).is_some()
                && status.last.is_some();
            let coordinator_name = status.coordinator.as_deref().and_then(|c| {
                reg.team
                    .as_ref()
                    .and_then(|t| t.get(c))
                    .map(|p| p.name.clone())
            });
            BoardRow {
                status,
                follow_up,
                coordinator_name,
            }
        })
        .collect()
}

/// The rows grouped: groups in order of their most urgent case (cases without a coordinator
/// last among equals), rows keeping their order.
pub fn group(reg: &Register, rows: &[BoardRow], by: Grouping) -> Vec<BoardGroup> {
    let mut groups: Vec<BoardGroup> = Vec::new();
    for row in rows {
        let key = match by {
            Grouping::Coordinator => row.status.coordinator.clone(),
            Grouping::Pathway => Some(row.status.pathway.clone()),
        };
        match groups.iter_mut().find(|g| g.key == key) {
            Some(g) => g.rows.push(row.clone()),
            None => {
                let name = match by {
                    Grouping::Coordinator => row.coordinator_name.clone(),
                    Grouping::Pathway => reg.pathway(&row.status.pathway).map(|p| p.name.clone()),
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
