//! The morning report: everything the team must see at 06:30, built from the other views.

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;

use super::agenda::{Item, ItemKind, Line, day_key, deadline_key, lines};
use super::stats::{By, Measure, StatRow, case_measures, pooled, rows, tertial_start};
use super::{event_code, patient_label};
use crate::calendar::{holiday, is_weekend};
use crate::model::{Case, Role};
use crate::recorded::{RecordedDays, Registration, registrations};
use crate::register::{Problem, Register};
use crate::schedule::{CaseView, Kind, Missed, Urgency, missed_in};

/// One overdue deadline with what the report says of it: the item and, for standard times,
/// whether a `[[deviation]]` is recorded for it (tasks: `None`).
pub type OverdueLine<'a> = Line<'a>;

/// Overdue deadlines of one coordinator (`None`: cases without one).
#[derive(Clone, Debug, PartialEq)]
pub struct CoordinatorGroup {
    pub coordinator: Option<String>,
    /// The name from team.toml.
    pub name: Option<String>,
    /// Where its lines are in [`Report::overdue_lines`].
    pub lines: std::ops::Range<usize>,
}

/// What kind of registration a recorded line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordedKind {
    Event,
    /// Transfer to another hospital (NPR `O`).
    Transfer,
    /// The pathway ended early (NPR `X`).
    EarlyEnd,
}

/// A registration recorded in the window before today: an event, a transfer or an early end.
#[derive(Clone, Debug, PartialEq)]
pub struct Recorded {
    pub case: String,
    pub patient: String,
    pub pathway: String,
    /// The registration's own date (what is coded in PAS).
    pub date: NaiveDate,
    /// The day it was recorded in the register (the commit's day, or the date itself).
    pub recorded: NaiveDate,
    pub kind: RecordedKind,
    /// The milestone of an event; `None` for transfers and early ends.
    pub milestone: Option<String>,
    pub code: Option<String>,
}

/// The measured standard times of one period, one row per (pathway, interval).
#[derive(Clone, Debug, PartialEq)]
pub struct CompliancePeriod {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub rows: Vec<StatRow>,
}

/// The national indicator of one pathway (or of all pooled) in both periods.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorRow {
    /// The pathway id; `None` for all pathways together.
    pub pathway: Option<String>,
    pub current: Option<StatRow>,
    pub previous: Option<StatRow>,
    /// The pathway's times are not verified (never set on the pooled row).
    pub unverified: bool,
}

/// Compliance with the standard times: the tertial so far beside the previous tertial (NPR
/// publishes by tertial), with the national indicator per pathway and overall.
#[derive(Clone, Debug, PartialEq)]
pub struct Compliance {
    pub current: CompliancePeriod,
    pub previous: CompliancePeriod,
    /// The indicator's interval (`OF4`: start of pathway to start of treatment).
    pub indicator: String,
    /// One row per pathway with the indicator measured in either period, then the pooled row.
    pub indicator_rows: Vec<IndicatorRow>,
}

/// The national indicator: start of pathway (referral) to start of treatment.
pub const INDICATOR: &str = "OF4";

/// The tertial so far on `today` and the one before it: (its start, the previous one's start
/// and end).
fn periods(today: NaiveDate) -> (NaiveDate, NaiveDate, NaiveDate) {
    let from = tertial_start(today);
    let prev_to = from.pred_opt().unwrap_or(from);
    (from, tertial_start(prev_to), prev_to)
}

/// Compliance for the report on `today`, from `all` the measures since the previous tertial
/// began: the tertial so far and the one before it.
pub fn compliance(all: &[Measure<'_>], today: NaiveDate) -> Compliance {
    let (from, prev_from, prev_to) = periods(today);
    let current = CompliancePeriod {
        from,
        to: today,
        rows: rows(all, Some(from), Some(today), By::Pathway),
    };
    let previous = CompliancePeriod {
        from: prev_from,
        to: prev_to,
        rows: rows(all, Some(prev_from), Some(prev_to), By::Pathway),
    };
    let find = |period: &CompliancePeriod, pathway: &str| {
        period
            .rows
            .iter()
            .find(|r| r.group == pathway && r.interval == INDICATOR)
            .cloned()
    };
    let mut pathways: Vec<&str> = current
        .rows
        .iter()
        .chain(&previous.rows)
        .filter(|r| r.interval == INDICATOR)
        .map(|r| r.group.as_str())
        .collect();
    pathways.sort_unstable();
    pathways.dedup();
    let mut indicator_rows: Vec<IndicatorRow> = pathways
        .into_iter()
        .map(|p| {
            let (c, pr) = (find(&current, p), find(&previous, p));
            IndicatorRow {
                pathway: Some(p.to_string()),
                unverified: c.iter().chain(&pr).any(|r| r.unverified),
                current: c,
                previous: pr,
            }
        })
        .collect();
    if !indicator_rows.is_empty() {
        indicator_rows.push(IndicatorRow {
            pathway: None,
            current: pooled(all, INDICATOR, from, today, "all"),
            previous: pooled(all, INDICATOR, prev_from, prev_to, "all"),
            unverified: false,
        });
    }
    Compliance {
        current,
        previous,
        indicator: INDICATOR.to_string(),
        indicator_rows,
    }
}

/// A standard time missed without a deviation, with the patient as the report shows them.
#[derive(Clone, Debug, PartialEq)]
pub struct MissedLine {
    pub missed: Missed,
    pub patient: String,
}

/// Which file of a case has errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlaggedFile {
    Case,
    Pathway,
}

/// The whole report.
#[derive(Clone, Debug, PartialEq)]
pub struct Report<'a> {
    pub name: Option<String>,
    pub hospital: Option<String>,
    pub today: NaiveDate,
    /// The overdue deadlines by coordinator; their lines are in `overdue_lines`.
    pub overdue: Vec<CoordinatorGroup>,
    /// Every overdue line, group after group, each group's in the SPEC's deadline order.
    pub overdue_lines: Vec<OverdueLine<'a>>,
    /// Due today and within warn_days.
    pub due_soon: Vec<Item<'a>>,
    /// Today's appointments and MDT meetings.
    pub today_items: Vec<Item<'a>>,
    /// The days "yesterday" covers: from the previous working day up to yesterday.
    pub window: DayRange,
    pub recorded: Vec<Recorded>,
    pub new_referrals: Vec<Recorded>,
    /// How `recorded` was dated (by commit, by own date, by own date because git failed).
    pub recorded_basis: RecordedDays,
    /// Open cases without a coordinator.
    pub no_coordinator: Vec<NoCoordinator<'a>>,
    /// Open cases with no activity for `stale_days`, oldest first.
    pub stale: Vec<super::status::StaleRow<'a>>,
    /// Compliance in the tertial so far and in the previous tertial.
    pub compliance: Compliance,
    pub target: f64,
    pub warn_days: u32,
    /// Every file the report could not fully use: its first section.
    pub problems: &'a [Problem],
    /// Standard times missed within the last `missed_days` days without a `[[deviation]]`,
    /// by the date of their late event.
    pub missed: Vec<MissedLine>,
    pub missed_days: u32,
    /// Some deadline or measure shown rests on a pathway whose times are not verified.
    pub unverified: bool,
    /// Cases whose own file, or whose pathway's file, has errors: their lines are marked, since
    /// a deadline shown may follow from the error (an unreadable event date, a misspelt limit).
    pub flagged: foldhash::HashMap<&'a str, FlaggedFile>,
}

/// Days from `from` through `to`, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// An open case without a coordinator; serializes to the report's `without_coordinator` object.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct NoCoordinator<'a> {
    pub case: &'a str,
    /// The patient as the report shows them (redacted by default).
    pub patient: String,
    pub pathway: &'a str,
}

impl<'a> Report<'a> {
    /// Whether anything is overdue.
    pub fn any_overdue(&self) -> bool {
        !self.overdue_lines.is_empty()
    }

    /// The overdue lines of group `g`.
    pub fn lines(&self, g: &CoordinatorGroup) -> &[OverdueLine<'a>] {
        &self.overdue_lines[g.lines.clone()]
    }
}

/// The previous working day before `today` (not a weekend, holiday or closed day).
pub fn previous_working_day(today: NaiveDate, closed: &[NaiveDate]) -> NaiveDate {
    let mut d = today.pred_opt().unwrap_or(today);
    for _ in 0..14 {
        if !is_weekend(d) && holiday(d).is_none() && !closed.contains(&d) {
            return d;
        }
        d = d.pred_opt().unwrap_or(d);
    }
    today.pred_opt().unwrap_or(today)
}

/// The days "recorded since the previous working day" covers on `today`: from the previous
/// working day through yesterday.
pub fn recorded_window(today: NaiveDate, closed: &[NaiveDate]) -> DayRange {
    DayRange {
        from: previous_working_day(today, closed),
        to: today.pred_opt().unwrap_or(today),
    }
}

/// Builds the report for the cases `keep` admits; `days` says when each registration was
/// recorded (by commit, or by its own date).
pub fn report<'a>(
    reg: &'a Register,
    today: NaiveDate,
    redact: bool,
    recorded_days: &RecordedDays,
    keep: impl Fn(&Case) -> bool + Copy + Sync,
) -> Report<'a> {
    // The overdue deadlines, in groups, beside everything else the report shows (each part
    // works in parallel; the serial parts of one overlap the other's).
    let (
        (overdue, overdue_lines, due_soon, today_items),
        (recorded, no_coordinator, (missed_lines, compliance), stale, flagged),
    ) = rayon::join(
        || overdue_and_days(reg, today, redact, keep),
        || {
            let ((recorded, no_coordinator), ((missed, compliance), (stale, flagged))) =
                rayon::join(
                    || {
                        rayon::join(
                            || recorded_lines(reg, today, redact, recorded_days, keep),
                            || without_coordinator(reg, today, redact, keep),
                        )
                    },
                    || {
                        rayon::join(
                            || {
                                let (measures, missed) =
                                    measures_and_missed(reg, today, redact, keep);
                                (missed, compliance(&measures, today))
                            },
                            || {
                                rayon::join(
                                    || super::status::stale(reg, today, redact, |c| keep(c)),
                                    || flagged(reg),
                                )
                            },
                        )
                    },
                );
            (
                recorded,
                no_coordinator,
                (missed, compliance),
                stale,
                flagged,
            )
        },
    );
    let unverified = missed_lines.iter().any(|m| m.missed.unverified)
        || compliance.current.rows.iter().any(|r| r.unverified)
        || due_soon
            .iter()
            .any(|i| i.deadline.as_ref().is_some_and(|d| d.why.unverified))
        || overdue_lines
            .par_iter()
            .any(|l| l.item.deadline.as_ref().is_some_and(|d| d.why.unverified));
    let new_referrals = recorded
        .iter()
        .filter(|(r, _)| *r == Some(Role::Start))
        .map(|(_, x)| x.clone())
        .collect();
    Report {
        name: reg.settings.name.clone(),
        hospital: reg.settings.hospital.clone(),
        today,
        overdue,
        overdue_lines,
        due_soon,
        today_items,
        window: recorded_window(today, &reg.settings.closed_days),
        recorded: recorded.into_iter().map(|(_, r)| r).collect(),
        new_referrals,
        recorded_basis: match recorded_days {
            // The map itself is of no use to the renderers.
            RecordedDays::Commits(_) => RecordedDays::Commits(Default::default()),
            other => other.clone(),
        },
        no_coordinator,
        stale,
        compliance,
        target: reg.settings.target,
        warn_days: reg.settings.warn_days,
        problems: &reg.problems,
        missed: missed_lines,
        missed_days: reg.settings.missed_days,
        unverified,
        flagged,
    }
}

/// The report's overdue deadlines (in their groups, by coordinator id, cases without one last;
/// each group's in the SPEC's deadline order); the deadlines due from today through the warning
/// window; today's appointments and MDT meetings.
#[allow(clippy::type_complexity)]
fn overdue_and_days<'a>(
    reg: &'a Register,
    today: NaiveDate,
    redact: bool,
    keep: impl Fn(&Case) -> bool + Sync,
) -> (
    Vec<CoordinatorGroup>,
    Vec<OverdueLine<'a>>,
    Vec<Item<'a>>,
    Vec<Item<'a>>,
) {
    // The recorded deviations by case id: only cases that have any (a few, out of possibly
    // 100,000), or whose id an earlier one with deviations shares (the last file read wins,
    // as it always has for a duplicated id).
    let mut deviations: std::collections::HashMap<&str, Vec<&str>> =
        std::collections::HashMap::new();
    for c in &reg.cases {
        let id = c.id.value.as_str();
        if !c.deviations.is_empty() || deviations.contains_key(id) {
            deviations.insert(
                id,
                c.deviations
                    .iter()
                    .map(|d| d.interval.value.as_str())
                    .collect(),
            );
        }
    }
    // One agenda's lines cover today and the days of the warning window after it; whether a
    // standard time's deviation is recorded is found as each line is made.
    let horizon = reg.settings.warn().horizon(today);
    let (mut overdue, mut on_days) = lines(reg, today, horizon, redact, keep, |d| {
        (d.kind == Kind::Interval).then(|| {
            deviations
                .get(d.case)
                .is_some_and(|ids| ids.contains(&d.id))
        })
    });
    // The coordinators with overdue deadlines, in the groups' order: by id, none last.
    fn order<'s>(c: &Option<&'s str>) -> (bool, Option<&'s str>) {
        (c.is_none(), *c)
    }
    let mut coordinators: Vec<Option<&'a str>> = overdue
        .par_iter()
        .fold(Vec::new, |mut seen: Vec<Option<&'a str>>, l| {
            let c = l.item.coordinator();
            if seen.last() != Some(&c) && !seen.contains(&c) {
                seen.push(c);
            }
            seen
        })
        .reduce(Vec::new, |mut a, b| {
            a.extend(b);
            a
        });
    coordinators.sort_unstable_by_key(order);
    coordinators.dedup();
    let group_of = |c: Option<&str>| {
        coordinators
            .binary_search_by_key(&order(&c), order)
            .unwrap_or_default() as u32
    };
    // The overdue lines sorted by group, then in the deadline order (each line's key made once,
    // in parallel): the groups are runs of the one list.
    rayon::join(
        || sort_overdue(&mut overdue, group_of),
        || on_days.par_sort_by_cached_key(|l| day_key(l)),
    );
    let mut groups: Vec<CoordinatorGroup> = Vec::with_capacity(coordinators.len());
    let mut start = 0;
    while start < overdue.len() {
        let coordinator = overdue[start].item.coordinator();
        let end = start
            + overdue[start..]
                .partition_point(|l| group_of(l.item.coordinator()) <= group_of(coordinator));
        groups.push(CoordinatorGroup {
            name: coordinator
                .and_then(|c| reg.team.as_ref().and_then(|t| t.get(c)))
                .map(|p| p.name.clone()),
            coordinator: coordinator.map(String::from),
            lines: start..end,
        });
        start = end;
    }
    // Due today and within warn_days: the deadlines of these days (overdue ones are above);
    // today's appointments and MDT meetings.
    let mut due_soon = Vec::new();
    let mut today_items = Vec::new();
    for l in on_days {
        if l.item
            .deadline
            .as_ref()
            .is_some_and(|d| d.urgency == Urgency::DueSoon)
        {
            due_soon.push(l.item);
        } else if l.day == Some(0) && matches!(l.item.kind, ItemKind::Appointment | ItemKind::Mdt) {
            today_items.push(l.item);
        }
    }
    (groups, overdue, due_soon, today_items)
}

/// Sorts overdue lines by `group`, then in the SPEC's deadline order, keeping the order of
/// lines equal in both. Each line's group and due date, and its case id's first 16 bytes, are
/// taken once as numbers beside its index and sorted (one element is 32 bytes, and nearly every
/// comparison ends in the numbers); only lines equal in those (one case's deadlines on one day)
/// are compared by their whole keys. The lines are then put in that order.
fn sort_overdue(lines: &mut [Line<'_>], group: impl Fn(Option<&str>) -> u32 + Sync) {
    crate::sort::by_keys(
        lines,
        |l| {
            let (due, case) = l.item.deadline.as_ref().map_or((0, 0), |d| {
                (d.due.num_days_from_ce(), super::text_prefix(d.case))
            });
            // The due day as an unsigned number in the same order.
            let due = u64::from((due as u32) ^ 0x8000_0000);
            let first = (u64::from(group(l.item.coordinator())) << 32) | due;
            (first, (case >> 64) as u64, case as u64)
        },
        |a, b| deadline_key(&a.item).cmp(&deadline_key(&b.item)),
    );
}

/// The registrations recorded in the window before today (the events' roles beside them), by
/// date and case.
fn recorded_lines(
    reg: &Register,
    today: NaiveDate,
    redact: bool,
    recorded_days: &RecordedDays,
    keep: impl Fn(&Case) -> bool + Sync,
) -> Vec<(Option<Role>, Recorded)> {
    let window = recorded_window(today, &reg.settings.closed_days);
    // A case can only have a registration recorded in the window if git names it (by commit)
    // or one of its dates lies in the window (by own date): the rest are skipped early.
    let in_window = |d: NaiveDate| d >= window.from && d <= window.to;
    let may_have_recorded = |case: &Case| match recorded_days {
        RecordedDays::Commits(map) => map.contains_key(case.id.as_str()),
        RecordedDays::OwnDates | RecordedDays::GitFailed(_) => {
            case.events.iter().any(|e| in_window(e.date.value))
                || case
                    .transfer
                    .as_ref()
                    .is_some_and(|t| in_window(t.date.value))
                || case
                    .closed
                    .as_ref()
                    .is_some_and(|c| in_window(c.date.value))
        }
    };
    let mut recorded: Vec<(Option<Role>, Recorded)> = reg
        .cases
        .par_iter()
        .filter(|c| may_have_recorded(c) && keep(c))
        .flat_map_iter(|case| {
            let pathway = reg.pathway(&case.pathway.value);
            let mut out = Vec::new();
            for registration in registrations(case) {
                let Some(day) = recorded_days.day(&case.id.value, &registration) else {
                    continue;
                };
                if day < window.from || day > window.to {
                    continue;
                }
                let (kind, role, milestone, code) = match &registration {
                    Registration::Event { milestone, date } => {
                        let event = case
                            .events
                            .iter()
                            .find(|e| e.milestone.value == *milestone && e.date.value == *date);
                        (
                            RecordedKind::Event,
                            pathway.and_then(|p| p.role_of(milestone)),
                            Some(milestone.clone()),
                            pathway.zip(event).and_then(|(p, e)| event_code(p, case, e)),
                        )
                    }
                    Registration::Transfer { .. } => (
                        RecordedKind::Transfer,
                        None,
                        None,
                        Some(pathway.map_or_else(|| "O".into(), |p| p.npr_code("O"))),
                    ),
                    Registration::EarlyEnd { .. } => (
                        RecordedKind::EarlyEnd,
                        None,
                        None,
                        Some(pathway.map_or_else(|| "X".into(), |p| p.npr_code("X"))),
                    ),
                };
                out.push((
                    role,
                    Recorded {
                        case: case.id.value.to_string(),
                        patient: patient_label(case, redact),
                        pathway: case.pathway.value.to_string(),
                        date: registration.date(),
                        recorded: day,
                        kind,
                        milestone,
                        code,
                    },
                ));
            }
            out
        })
        .collect();
    recorded.sort_by(|a, b| (a.1.date, &a.1.case).cmp(&(b.1.date, &b.1.case)));
    recorded
}

/// The open cases without a coordinator, in the register's order.
fn without_coordinator<'a>(
    reg: &'a Register,
    today: NaiveDate,
    redact: bool,
    keep: impl Fn(&Case) -> bool + Sync,
) -> Vec<NoCoordinator<'a>> {
    reg.cases
        .iter()
        .filter(|c| keep(c) && c.is_followed(today) && c.coordinator.is_none())
        .map(|c| NoCoordinator {
            case: &c.id.value,
            patient: patient_label(c, redact),
            pathway: &c.pathway.value,
        })
        .collect()
}

/// The measures of standard times since the previous tertial began (for compliance), and the
/// standard times missed within the last `missed_days` days without a deviation, by date, case
/// and interval: in one pass over the cases, since both need the state of each of a case's
/// intervals, worked out once. A case with no event since the earlier of the two dates has
/// neither (both are dated by an event).
fn measures_and_missed<'a>(
    reg: &'a Register,
    today: NaiveDate,
    redact: bool,
    keep: impl Fn(&Case) -> bool + Sync,
) -> (Vec<Measure<'a>>, Vec<MissedLine>) {
    let missed_since = today
        .checked_sub_days(chrono::Days::new(u64::from(reg.settings.missed_days)))
        .unwrap_or(today);
    let (_, measured_since, _) = periods(today);
    let earliest = missed_since.min(measured_since);
    let (measures, mut missed_lines) = reg
        .cases
        .par_iter()
        .filter(|c| keep(c) && c.events.iter().any(|e| e.date.value >= earliest))
        .filter_map(|c| reg.pathway(&c.pathway.value).map(|p| (c, p)))
        .fold(
            || (Vec::new(), Vec::new()),
            |(mut measures, mut missed): (Vec<Measure<'a>>, Vec<MissedLine>), (c, p)| {
                let view = CaseView::new(c, p, today);
                let states = view.intervals();
                measures.extend(case_measures(
                    c,
                    p,
                    &states,
                    Some(measured_since),
                    Some(today),
                ));
                missed.extend(
                    missed_in(&view, &states, missed_since)
                        .into_iter()
                        .map(|m| MissedLine {
                            missed: m,
                            patient: patient_label(c, redact),
                        }),
                );
                (measures, missed)
            },
        )
        .reduce(
            || (Vec::new(), Vec::new()),
            |(mut measures, mut missed), (more_measures, more_missed)| {
                measures.extend(more_measures);
                missed.extend(more_missed);
                (measures, missed)
            },
        );
    missed_lines.sort_by(|a, b| {
        (a.missed.date, &a.missed.case, &a.missed.interval).cmp(&(
            b.missed.date,
            &b.missed.case,
            &b.missed.interval,
        ))
    });
    (measures, missed_lines)
}

/// The cases whose own file, or whose pathway's file, has errors.
fn flagged(reg: &Register) -> foldhash::HashMap<&str, FlaggedFile> {
    let files: foldhash::HashSet<&str> = reg.problems.iter().map(|p| p.file.as_str()).collect();
    // The pathways whose own file has problems (`pathways/<id>.toml`).
    let bad_pathways: foldhash::HashSet<&str> = files
        .iter()
        .filter_map(|f| f.strip_prefix("pathways/")?.strip_suffix(".toml"))
        .collect();
    if files.is_empty() {
        Default::default()
    } else {
        reg.keys
            .iter()
            .filter_map(|k| {
                if files.contains(k.file.as_str()) {
                    Some((k.id.value.as_str(), FlaggedFile::Case))
                } else if bad_pathways.contains(k.pathway.as_str()) {
                    Some((k.id.value.as_str(), FlaggedFile::Pathway))
                } else {
                    None
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `sort_overdue` orders as a stable sort by group and deadline key does, whatever order
    /// the lines come in (the example register a year on, when most of it is overdue).
    #[test]
    fn overdue_lines_sort_by_group_then_deadline_stably() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/onkologi");
        let today = NaiveDate::from_ymd_opt(2027, 6, 1).unwrap();
        let reg = crate::register::load(&root, today);
        let (overdue, _) = lines(&reg, today, today, false, |_| true, |_| None);
        assert!(overdue.len() > 15, "{}", overdue.len());
        // Few groups, so lines of one group and day meet; every line twice, so equal keys do.
        let group = |c: Option<&str>| c.map_or(9, |c| u32::from(c.len() % 2 == 0));
        let mut lines: Vec<Line> = overdue.iter().chain(&overdue).cloned().collect();
        for (n, line) in lines.iter_mut().enumerate() {
            line.day = Some(n as u32);
        }
        for round in 0..3 {
            match round {
                1 => lines.reverse(),
                2 => lines.rotate_left(7),
                _ => {}
            }
            let mut expected = lines.clone();
            expected.sort_by_cached_key(|l| (group(l.item.coordinator()), deadline_key(&l.item)));
            let mut sorted = lines.clone();
            sort_overdue(&mut sorted, group);
            let days = |v: &[Line]| v.iter().map(|l| l.day).collect::<Vec<_>>();
            assert_eq!(days(&sorted), days(&expected), "round {round}");
        }
    }
}
