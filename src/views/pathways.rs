//! `pathways` and `pathways show`: the pathway definitions as named rows (the JSON contract).

use serde::{Serialize, Serializer};

use crate::model::{Days, Origin, Pathway, Vocab};

/// The word of where a definition comes from (stable key value in JSON).
pub fn origin_word(o: Origin) -> &'static str {
    match o {
        Origin::BuiltIn => "built-in",
        Origin::Register => "register",
    }
}

/// One pathway in the list.
#[derive(Clone, Debug, Serialize)]
pub struct PathwayRow<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub npr: Option<&'a str>,
    pub times: &'static str,
    pub retired: Option<String>,
    pub origin: &'static str,
}

impl<'a> PathwayRow<'a> {
    pub fn new(p: &'a Pathway) -> Self {
        PathwayRow {
            id: &p.id.value,
            name: &p.name,
            npr: p.npr.as_deref(),
            times: p.times.word(),
            retired: p.retired.as_ref().map(|r| r.value.to_string()),
            origin: origin_word(p.origin),
        }
    }
}

/// One pathway in full (`pathways show`).
#[derive(Clone, Debug, Serialize)]
pub struct PathwayDetail<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub npr: Option<&'a str>,
    pub times: &'static str,
    pub retired: Option<String>,
    pub updated: Option<String>,
    pub source: Option<&'a str>,
    pub source_url: Option<&'a str>,
    pub origin: &'static str,
    pub note: Option<&'a str>,
    pub milestones: Vec<MilestoneRow<'a>>,
    pub intervals: Vec<IntervalRow<'a>>,
    pub tasks: Vec<TaskRow<'a>>,
}

/// A milestone of a pathway, with its full NPR code.
#[derive(Clone, Debug, Serialize)]
pub struct MilestoneRow<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub code: Option<&'a str>,
    pub npr: Option<String>,
}

/// A standard time of a pathway.
#[derive(Clone, Debug, Serialize)]
pub struct IntervalRow<'a> {
    pub id: &'a str,
    pub name: Option<&'a str>,
    pub from: &'a str,
    pub to: &'a str,
    pub days: DaysValue<'a>,
}

/// The days of a standard time: a number, or an object of treatment type → number.
#[derive(Clone, Copy, Debug)]
pub struct DaysValue<'a>(pub &'a Days);

impl Serialize for DaysValue<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Days::Fixed(n) => s.serialize_u32(*n),
            Days::PerTreatment(per) => s.collect_map(per.iter().map(|(t, n)| (t.word(), n))),
        }
    }
}

/// A coordinator task of a pathway.
#[derive(Clone, Debug, Serialize)]
pub struct TaskRow<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub after: &'a str,
    pub days: u32,
}

impl<'a> PathwayDetail<'a> {
    pub fn new(p: &'a Pathway) -> Self {
        PathwayDetail {
            id: &p.id.value,
            name: &p.name,
            npr: p.npr.as_deref(),
            times: p.times.word(),
            retired: p.retired.as_ref().map(|r| r.value.to_string()),
            updated: p.updated.map(|d| d.to_string()),
            source: p.source.as_deref(),
            source_url: p.source_url.as_deref(),
            origin: origin_word(p.origin),
            note: p.note.as_deref(),
            milestones: p
                .milestones
                .iter()
                .map(|m| MilestoneRow {
                    id: &m.id.value,
                    name: &m.name,
                    code: m.code.as_deref(),
                    npr: m.code.as_ref().map(|c| p.npr_code(c)),
                })
                .collect(),
            intervals: p
                .intervals
                .iter()
                .map(|i| IntervalRow {
                    id: &i.id.value,
                    name: i.name.as_deref(),
                    from: &i.from.value,
                    to: &i.to.value,
                    days: DaysValue(&i.days),
                })
                .collect(),
            tasks: p
                .tasks
                .iter()
                .map(|t| TaskRow {
                    id: &t.id.value,
                    name: &t.name,
                    after: &t.after.value,
                    days: t.days,
                })
                .collect(),
        }
    }
}
