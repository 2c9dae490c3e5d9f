//! Pathway definitions: milestones, standard times (intervals) and coordinator tasks.

use chrono::NaiveDate;

use super::{Located, Role, TimesStatus, Treatment};

/// Where a pathway definition came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Compiled into the binary from the project's `pathways/` folder.
    BuiltIn,
    /// The register's own `pathways/` folder (a local adaptation or a new pathway).
    Register,
}

/// The pathway with `id` in a list sorted by id.
pub fn find_pathway<'p>(pathways: &'p [Pathway], id: &str) -> Option<&'p Pathway> {
    pathways
        .binary_search_by(|p| p.id.value.as_str().cmp(id))
        .ok()
        .map(|i| &pathways[i])
}

/// One pathway (pakkeforløp).
#[derive(Clone, Debug, PartialEq)]
pub struct Pathway {
    pub id: Located<String>,
    pub name: String,
    /// NPR prefix such as `A12`, where confirmed.
    pub npr: Option<String>,
    pub source: Option<String>,
    pub source_url: Option<String>,
    pub updated: Option<NaiveDate>,
    pub times: TimesStatus,
    pub retired: Option<Located<NaiveDate>>,
    /// A caveat shown by `pathways show` and in status (e.g. which grades the times apply to).
    pub note: Option<String>,
    pub milestones: Vec<Milestone>,
    pub intervals: Vec<Interval>,
    pub tasks: Vec<PathwayTask>,
    pub origin: Origin,
    /// Display path of the definition file.
    pub file: String,
}

/// A milestone: an event that gets NPR-coded.
#[derive(Clone, Debug, PartialEq)]
pub struct Milestone {
    pub id: Located<String>,
    pub name: String,
    /// The NPR letter, e.g. `S`.
    pub code: Option<String>,
    /// The role given by the letter.
    pub role: Option<Role>,
}

/// The number of days of a standard time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Days {
    /// The same for every treatment type.
    Fixed(u32),
    /// Per treatment type; types not listed have no limit.
    PerTreatment(Vec<(Treatment, u32)>),
}

impl Days {
    /// The limit for `treatment`, if the table has it.
    pub fn for_treatment(&self, treatment: Treatment) -> Option<u32> {
        match self {
            Days::Fixed(d) => Some(*d),
            Days::PerTreatment(t) => t.iter().find(|(k, _)| *k == treatment).map(|(_, d)| *d),
        }
    }

    /// The smallest limit (the strictest deadline).
    pub fn strictest(&self) -> Option<u32> {
        match self {
            Days::Fixed(d) => Some(*d),
            Days::PerTreatment(t) => t.iter().map(|(_, d)| *d).min(),
        }
    }
}

/// A standard time (forløpstid) between two milestones.
#[derive(Clone, Debug, PartialEq)]
pub struct Interval {
    pub id: Located<String>,
    pub name: Option<String>,
    pub from: Located<String>,
    pub to: Located<String>,
    pub days: Days,
}

/// A coordinator task in the pathway's checklist, due relative to a milestone.
#[derive(Clone, Debug, PartialEq)]
pub struct PathwayTask {
    pub id: Located<String>,
    pub name: String,
    pub after: Located<String>,
    pub days: u32,
}

impl Pathway {
    /// The milestone with `id`.
    pub fn milestone(&self, id: &str) -> Option<&Milestone> {
        self.milestones.iter().find(|m| m.id.value == id)
    }

    /// The milestone that plays `role`.
    pub fn milestone_with_role(&self, role: Role) -> Option<&Milestone> {
        self.milestones.iter().find(|m| m.role == Some(role))
    }

    /// The role of milestone `id`.
    pub fn role_of(&self, id: &str) -> Option<Role> {
        self.milestone(id).and_then(|m| m.role)
    }

    /// The interval with `id`.
    pub fn interval(&self, id: &str) -> Option<&Interval> {
        self.intervals.iter().find(|i| i.id.value == id)
    }

    /// The checklist task with `id`.
    pub fn task(&self, id: &str) -> Option<&PathwayTask> {
        self.tasks.iter().find(|t| t.id.value == id)
    }

    /// The NPR code of a milestone with extra letters (e.g. `C` + `K`): the prefix when known,
    /// else the letters alone.
    pub fn npr_code(&self, letters: &str) -> String {
        match &self.npr {
            Some(prefix) => format!("{prefix}{letters}"),
            None => letters.to_string(),
        }
    }
}
