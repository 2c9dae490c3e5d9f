//! `stats`: share of measured standard times within the limit, per group and interval.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};

use crate::model::{Case, Pathway};
use crate::register::Register;
use crate::schedule::{CaseView, IntervalState, IntervalStatus};

/// How rows are grouped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum By {
    Pathway,
    Interval,
    Coordinator,
    Month,
    /// Four-month periods (Jan–Apr, May–Aug, Sep–Dec), as NPR publishes.
    Tertial,
}

/// One (group, interval) row; serializes to the SPEC's stats object.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct StatRow {
    pub group: String,
    pub interval: String,
    /// Measured intervals.
    pub cases: usize,
    pub within: usize,
    pub share: f64,
    /// An integer when whole, else a fraction (the mean of the two middle values).
    #[serde(serialize_with = "days")]
    pub median_days: f64,
    pub p90_days: i64,
    /// Some pathway in the row has unverified times.
    #[serde(skip)]
    pub unverified: bool,
    /// The limits (days) that applied, per pathway in the row. A row that pools pathways with
    /// different limits (`--by coordinator|month|tertial`: one pathway's 3-day OF1 with another's
    /// 9-day one) has a share that still counts, but a median and p90 that mean little.
    #[serde(skip)]
    pub limits: BTreeMap<String, BTreeSet<u32>>,
}

impl StatRow {
    /// Whether the row pools more than one pathway and their limits differ.
    pub fn mixes_limits(&self) -> bool {
        let all: BTreeSet<u32> = self.limits.values().flatten().copied().collect();
        self.limits.len() > 1 && all.len() > 1
    }
}

/// A number of days: an integer when whole, else a fraction.
fn days<S: serde::Serializer>(d: &f64, s: S) -> Result<S::Ok, S::Error> {
    if d.fract() == 0.0 && d.abs() < 1e15 {
        s.serialize_i64(*d as i64)
    } else {
        s.serialize_f64(*d)
    }
}

/// The tertial of a date: `2026-T3`.
pub fn tertial(date: NaiveDate) -> String {
    format!("{}-T{}", date.year(), date.month0() / 4 + 1)
}

/// The middle value; the mean of the two middle values for an even count. `sorted` is not empty.
pub fn median(sorted: &[i64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2] as f64
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0
    }
}

/// The nearest-rank percentile `p` (0–100): the smallest value with at least p % of the values at
/// or below it. `sorted` is not empty.
pub fn nearest_rank(sorted: &[i64], p: usize) -> i64 {
    let rank = (p * sorted.len()).div_ceil(100).max(1);
    sorted[rank - 1]
}

/// One measured standard time; its words are borrowed from the loaded register (a register
/// of years has hundreds of thousands).
#[derive(Clone, Debug, PartialEq)]
pub struct Measure<'a> {
    pub pathway: &'a str,
    pub coordinator: Option<&'a str>,
    pub interval: &'a str,
    /// The date of its `to` event: the period it belongs to.
    pub to: NaiveDate,
    pub elapsed: i64,
    pub within: bool,
    /// The limit in days that applied.
    pub limit: u32,
    /// The pathway's times are not verified.
    pub unverified: bool,
}

/// Every measure of the cases `keep` admits whose `to` date is in `from..=to`.
pub fn measures<'a>(
    reg: &'a Register,
    today: NaiveDate,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    keep: impl Fn(&Case) -> bool + Sync,
) -> Vec<Measure<'a>> {
    use rayon::prelude::*;
    // A case whose every event is before the period has no measure in it: skip it early (most
    // of a register that spans years, for a report over the last months).
    let recent = |c: &Case| from.is_none_or(|f| c.events.iter().any(|e| e.date.value >= f));
    reg.cases
        .par_iter()
        .filter(|c| recent(c) && keep(c))
        .filter_map(|c| reg.pathway(&c.pathway.value).map(|p| (c, p)))
        .flat_map_iter(|(case, pathway)| {
            let states = CaseView::new(case, pathway, today).intervals();
            case_measures(case, pathway, &states, from, to).collect::<Vec<_>>()
        })
        .collect()
}

/// The measures among a case's interval `states` whose `to` date is in `from..=to`.
pub fn case_measures<'a, 's>(
    case: &'a Case,
    pathway: &'a Pathway,
    states: &'s [IntervalStatus<'a>],
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> impl Iterator<Item = Measure<'a>> + 's {
    let unverified = pathway.times == crate::model::TimesStatus::Unverified;
    states.iter().filter_map(move |st| match &st.state {
        IntervalState::Done(m)
            if from.is_none_or(|f| m.to >= f) && to.is_none_or(|t| m.to <= t) =>
        {
            Some(Measure {
                pathway: &case.pathway.value,
                coordinator: case.coordinator.as_ref().map(|c| c.value.as_str()),
                interval: st.interval.id.value.as_str(),
                to: m.to,
                elapsed: m.elapsed,
                within: m.within(),
                limit: m.days,
                unverified,
            })
        }
        _ => None,
    })
}

/// The group a measure falls in. Grouped by interval, each pathway keeps its own rows (group =
/// the pathway id): pooling one pathway's 3-day OF1 with another's 9-day one gives a median
/// that means nothing.
fn group_of<'a>(m: &Measure<'a>, by: By) -> Group<'a> {
    match by {
        By::Pathway | By::Interval => Group::Name(m.pathway),
        By::Coordinator => Group::Name(m.coordinator.unwrap_or("–")),
        By::Month => Group::Month(m.to.year(), m.to.month()),
        By::Tertial => Group::Tertial(m.to.year(), m.to.month0() / 4 + 1),
    }
}

/// A group, kept without its text until the rows are made (one per measure otherwise). Within
/// one grouping every group has the same variant, and they order as their texts do (years
/// have four digits).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Group<'a> {
    Name(&'a str),
    Month(i32, u32),
    Tertial(i32, u32),
}

impl Group<'_> {
    fn text(self) -> String {
        match self {
            Group::Name(s) => s.to_string(),
            Group::Month(y, m) => format!("{y}-{m:02}"),
            Group::Tertial(y, t) => format!("{y}-T{t}"),
        }
    }
}

/// The rows of `measures` in `from..=to`, one per (group, interval).
pub fn rows(
    measures: &[Measure],
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    by: By,
) -> Vec<StatRow> {
    type Acc<'a> = (Vec<i64>, usize, bool, BTreeMap<&'a str, BTreeSet<u32>>);
    let mut groups: BTreeMap<(Group<'_>, &str), Acc<'_>> = BTreeMap::new();
    for m in measures
        .iter()
        .filter(|m| from.is_none_or(|f| m.to >= f) && to.is_none_or(|t| m.to <= t))
    {
        let entry = groups.entry((group_of(m, by), m.interval)).or_default();
        entry.0.push(m.elapsed);
        entry.1 += usize::from(m.within);
        entry.2 |= m.unverified;
        entry.3.entry(m.pathway).or_default().insert(m.limit);
    }
    let mut out: Vec<StatRow> = groups
        .into_iter()
        .map(
            |((group, interval), (mut days, within, unverified, limits))| {
                days.sort_unstable();
                StatRow {
                    group: group.text(),
                    interval: interval.to_string(),
                    cases: days.len(),
                    within,
                    share: within as f64 / days.len() as f64,
                    median_days: median(&days),
                    p90_days: nearest_rank(&days, 90),
                    unverified,
                    limits: limits
                        .into_iter()
                        .map(|(p, l)| (p.to_string(), l))
                        .collect(),
                }
            },
        )
        .collect();
    if by == By::Interval {
        out.sort_by(|a, b| (&a.interval, &a.group).cmp(&(&b.interval, &b.group)));
    }
    out
}

/// One interval pooled over every pathway (each case measured against its own pathway's limit,
/// as NPR's "all pathways" figure): `None` without measures.
pub fn pooled(
    measures: &[Measure],
    interval: &str,
    from: NaiveDate,
    to: NaiveDate,
    group: &str,
) -> Option<StatRow> {
    let mut days: Vec<i64> = Vec::new();
    let mut within = 0;
    let mut unverified = false;
    let mut limits: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    for m in measures
        .iter()
        .filter(|m| m.interval == interval && m.to >= from && m.to <= to)
    {
        days.push(m.elapsed);
        within += usize::from(m.within);
        unverified |= m.unverified;
        limits
            .entry(m.pathway.to_string())
            .or_default()
            .insert(m.limit);
    }
    if days.is_empty() {
        return None;
    }
    days.sort_unstable();
    Some(StatRow {
        group: group.to_string(),
        interval: interval.to_string(),
        cases: days.len(),
        within,
        share: within as f64 / days.len() as f64,
        median_days: median(&days),
        p90_days: nearest_rank(&days, 90),
        unverified,
        limits,
    })
}

/// The statistics of the cases `keep` admits, for measures whose `to` date is in the period.
pub fn stats(
    reg: &Register,
    today: NaiveDate,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    by: By,
    keep: impl Fn(&Case) -> bool + Sync,
) -> Vec<StatRow> {
    rows(&measures(reg, today, from, to, keep), None, None, by)
}

/// The first day of the tertial `date` is in (1 January, 1 May or 1 September).
pub fn tertial_start(date: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(date.year(), date.month0() / 4 * 4 + 1, 1).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_percentile() {
        assert_eq!(median(&[3]), 3.0);
        assert_eq!(median(&[1, 2, 3, 10]), 2.5);
        assert_eq!(nearest_rank(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90), 9);
        assert_eq!(nearest_rank(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90), 10);
        assert_eq!(nearest_rank(&[7], 90), 7);
    }

    /// The groups order as their texts do, so the rows come in the order they always had.
    #[test]
    fn groups_order_as_their_texts() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let dates = [
            "2025-12-31",
            "2026-01-01",
            "2026-04-30",
            "2026-05-01",
            "2026-10-09",
            "2026-11-23",
        ];
        for by in [By::Month, By::Tertial] {
            for a in dates {
                for b in dates {
                    let m = |s: &str| Measure {
                        to: d(s),
                        ..measure("p", "c", 3, 1)
                    };
                    let (ga, gb) = (group_of(&m(a), by), group_of(&m(b), by));
                    assert_eq!(ga.cmp(&gb), ga.text().cmp(&gb.text()), "{a} {b}");
                }
            }
        }
        assert_eq!(
            group_of(&measure("p", "c", 3, 1), By::Tertial).text(),
            "2026-T3"
        );
        assert_eq!(
            group_of(&measure("p", "c", 3, 1), By::Month).text(),
            "2026-10"
        );
        let none = Measure {
            coordinator: None,
            ..measure("p", "c", 3, 1)
        };
        assert_eq!(group_of(&none, By::Coordinator).text(), "–");
    }

    #[test]
    fn tertials() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(tertial(d("2026-04-30")), "2026-T1");
        assert_eq!(tertial(d("2026-05-01")), "2026-T2");
        assert_eq!(tertial(d("2026-12-31")), "2026-T3");
        assert_eq!(tertial_start(d("2026-11-23")), d("2026-09-01"));
        assert_eq!(tertial_start(d("2026-04-30")), d("2026-01-01"));
        assert_eq!(tertial_start(d("2026-05-01")), d("2026-05-01"));
    }

    fn measure<'a>(
        pathway: &'a str,
        coordinator: &'a str,
        limit: u32,
        elapsed: i64,
    ) -> Measure<'a> {
        Measure {
            pathway,
            coordinator: Some(coordinator),
            interval: "OF1",
            to: "2026-10-01".parse().unwrap(),
            elapsed,
            within: elapsed <= i64::from(limit),
            limit,
            unverified: false,
        }
    }

    #[test]
    fn a_row_mixes_limits_only_when_pathways_with_different_limits_share_it() {
        let ms = [
            // ssol: a 3-day OF1 beside a 9-day one.
            measure("a", "ssol", 3, 2),
            measure("b", "ssol", 9, 8),
            // thav: two pathways with the same limit; one pathway with two (per treatment).
            measure("a", "thav", 3, 1),
            measure("c", "thav", 3, 3),
            measure("d", "kari", 14, 10),
            measure("d", "kari", 21, 20),
        ];
        let rows = rows(&ms, None, None, By::Coordinator);
        let mixes: Vec<(&str, bool)> = rows
            .iter()
            .map(|r| (r.group.as_str(), r.mixes_limits()))
            .collect();
        assert_eq!(mixes, [("kari", false), ("ssol", true), ("thav", false)]);
        assert_eq!(
            rows[1].limits,
            BTreeMap::from([
                ("a".to_string(), BTreeSet::from([3])),
                ("b".to_string(), BTreeSet::from([9])),
            ])
        );
        // By pathway nothing is pooled.
        assert!(
            super::rows(&ms, None, None, By::Pathway)
                .iter()
                .all(|r| !r.mixes_limits())
        );
    }
}
