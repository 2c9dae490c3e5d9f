//! The deadline engine directly: each rule of SPEC.md §2 as its own test, and property tests.

use chrono::NaiveDate;
use forlop::check::case::CaseContext;
use forlop::diag::Severity;
use forlop::model::{Case, Pathway, Treatment};
use forlop::register::{load_pathways, parse_case_text};
use forlop::schedule::{
    Basis, CaseView, Deadline, IntervalState, Kind, Urgency, Warn, case_deadlines, deadlines,
};
use proptest::prelude::*;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn builtins() -> Vec<Pathway> {
    load_pathways(None).0
}

/// A local pathway whose milestone ids say nothing; the roles come from the NPR letters.
const LOCAL: &str = r#"
id = "lokal"
name = "Lokal"
[[milestone]]
id = "inn"
name = "Inn"
code = "A"
[[milestone]]
id = "mote"
name = "Møte"
code = "S"
[[milestone]]
id = "vedtak"
name = "Vedtak"
code = "C"
[[milestone]]
id = "start"
name = "Start"
code = "F"
[[interval]]
id = "T1"
from = "inn"
to = "mote"
days = 3
[[interval]]
id = "T2"
from = "vedtak"
to = "start"
days = { surgery = 10 }
[[task]]
id = "ring"
name = "Ringe"
after = "mote"
days = 2
"#;

fn pathways() -> Vec<Pathway> {
    let mut d = forlop::parse::Decoder::new("lokal.toml", LOCAL);
    let local =
        forlop::parse::parse_pathway(&mut d, LOCAL, forlop::model::Origin::Register).unwrap();
    let mut all = builtins();
    all.push(local);
    all.sort_by(|a, b| a.id.value.cmp(&b.id.value));
    all
}

/// Parses a case (id `c`); panics on errors so a test never runs on a broken case.
fn case(pathways: &[Pathway], body: &str) -> Case {
    let text = format!("id = \"c\"\ncoordinator = \"ssol\"\n{body}");
    let ctx = CaseContext {
        pathways,
        broken_pathways: &[],
        team: None,
        today: date("2100-01-01"),
        stale_days: 60,
        warnings: true,
        mask_lines: false,
    };
    let (case, diags) = parse_case_text("c.toml", &text, "c", &ctx);
    let errors: Vec<_> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    case.unwrap()
}

fn open<'a>(case: &'a Case, pathways: &'a [Pathway], today: &str) -> Vec<Deadline<'a>> {
    let p = pathways
        .iter()
        .find(|p| p.id.value == case.pathway.value)
        .unwrap();
    let mut list = case_deadlines(&CaseView::new(case, p, date(today)), &Warn::calendar(2));
    forlop::schedule::sort(&mut list);
    list
}

fn find<'a, 'c>(list: &'a [Deadline<'c>], id: &str) -> Option<&'a Deadline<'c>> {
    list.iter().find(|d| d.id == id)
}

fn state(case: &Case, pathways: &[Pathway], today: &str, interval: &str) -> IntervalState {
    let p = pathways
        .iter()
        .find(|p| p.id.value == case.pathway.value)
        .unwrap();
    let view = CaseView::new(case, p, date(today));
    view.interval(p.interval(interval).unwrap()).state
}

const TE: &str = "pathway = \"tykk-og-endetarmskreft\"\n";

fn ev(milestone: &str, d: &str) -> String {
    format!("[[event]]\nmilestone = \"{milestone}\"\ndate = {d}\n")
}

#[test]
fn the_from_day_is_day_0() {
    let ps = pathways();
    let c = case(&ps, &format!("{TE}{}", ev("referral", "2026-11-02")));
    // OF1 is 9 days: 2 November + 9 = 11 November.
    assert_eq!(
        find(&open(&c, &ps, "2026-11-03"), "OF1").unwrap().due,
        date("2026-11-11")
    );
}

#[test]
fn due_today_is_due_soon_and_tomorrow_overdue() {
    let ps = pathways();
    let c = case(&ps, &format!("{TE}{}", ev("referral", "2026-11-02")));
    let on_the_day = open(&c, &ps, "2026-11-11");
    assert_eq!(find(&on_the_day, "OF1").unwrap().urgency, Urgency::DueSoon);
    assert_eq!(find(&on_the_day, "OF1").unwrap().days_left, 0);
    let day_after = open(&c, &ps, "2026-11-12");
    assert_eq!(find(&day_after, "OF1").unwrap().urgency, Urgency::Overdue);
    assert_eq!(find(&day_after, "OF1").unwrap().days_left, -1);
    assert_eq!(
        find(&open(&c, &ps, "2026-11-08"), "OF1").unwrap().urgency,
        Urgency::Open
    );
}

#[test]
fn per_treatment_limits_and_the_strictest_fallback() {
    let ps = pathways();
    let events = format!(
        "{}{}{}",
        ev("referral", "2026-10-01"),
        ev("first-visit", "2026-10-05"),
        ev("decision", "2026-10-10")
    );
    let planned = |t: &str| case(&ps, &format!("{TE}treatment = \"{t}\"\n{events}"));
    // A deadline borrows its case; the test's cases live to the end of the test.
    let of3 = |c: &Case| {
        let c: &'static Case = Box::leak(Box::new(c.clone()));
        find(&open(c, &ps, "2026-10-11"), "OF3").unwrap().clone()
    };
    assert_eq!(of3(&planned("radiation")).due, date("2026-10-28"));
    assert_eq!(
        of3(&planned("radiation")).why.basis,
        Basis::Treatment(Treatment::Radiation)
    );
    assert_eq!(of3(&planned("surgery")).due, date("2026-10-24"));
    // Not decided: the strictest (14) applies and says so.
    let undecided = case(&ps, &format!("{TE}{events}"));
    assert_eq!(of3(&undecided).due, date("2026-10-24"));
    assert_eq!(of3(&undecided).why.basis, Basis::Strictest);
    // A planned type the table lacks: also the strictest.
    assert_eq!(of3(&planned("symptom-relief")).why.basis, Basis::Strictest);
}

#[test]
fn a_treatment_type_outside_the_table_makes_the_interval_not_applicable() {
    let ps = pathways();
    let events = format!(
        "{}{}{}",
        ev("referral", "2026-10-01"),
        ev("first-visit", "2026-10-05"),
        ev("decision", "2026-10-10")
    );
    let relief = case(
        &ps,
        &format!(
            "{TE}{events}{}treatment = \"symptom-relief\"\n",
            ev("treatment", "2026-10-20")
        ),
    );
    assert_eq!(
        state(&relief, &ps, "2026-11-01", "OF3"),
        IntervalState::NotApplicable
    );
    assert_eq!(
        state(&relief, &ps, "2026-11-01", "OF4"),
        IntervalState::NotApplicable
    );
    // A plain-number interval applies whatever the type.
    assert!(matches!(
        state(&relief, &ps, "2026-11-01", "OF1"),
        IntervalState::Done(_)
    ));
    // No type at all (neither on the event nor planned): not applicable either.
    let untyped = case(
        &ps,
        &format!("{TE}{events}{}", ev("treatment", "2026-10-20")),
    );
    assert_eq!(
        state(&untyped, &ps, "2026-11-01", "OF3"),
        IntervalState::NotApplicable
    );
}

#[test]
fn a_decision_other_than_cancer_ends_of3_and_of4() {
    let ps = pathways();
    let c = case(
        &ps,
        &format!(
            "{TE}{}{}{}outcome = \"other-disease\"\n",
            ev("referral", "2026-10-01"),
            ev("first-visit", "2026-10-05"),
            ev("decision", "2026-10-10")
        ),
    );
    assert_eq!(state(&c, &ps, "2026-12-01", "OF3"), IntervalState::Ended);
    assert_eq!(state(&c, &ps, "2026-12-01", "OF4"), IntervalState::Ended);
    assert!(open(&c, &ps, "2026-12-01").is_empty());
}

#[test]
fn only_the_first_treatment_counts_and_its_type_selects_the_limit() {
    let ps = pathways();
    // Planned surgery, but radiation came first (18 days from decision): the radiation limit and
    // date count; the later surgery does not.
    let c = case(
        &ps,
        &format!(
            "{TE}treatment = \"surgery\"\n{}{}{}{}treatment = \"surgery\"\n{}treatment = \"radiation\"\n",
            ev("referral", "2026-10-01"),
            ev("first-visit", "2026-10-05"),
            ev("decision", "2026-10-10"),
            ev("treatment", "2026-11-20"),
            ev("treatment", "2026-10-27"),
        ),
    );
    let IntervalState::Done(m) = state(&c, &ps, "2026-12-01", "OF3") else {
        panic!()
    };
    assert_eq!(m.to, date("2026-10-27"));
    assert_eq!(m.days, 18);
    assert_eq!(m.elapsed, 17);
    assert!(m.within());
    assert_eq!(m.basis, Basis::Treatment(Treatment::Radiation));
}

#[test]
fn closed_and_transferred_cases_have_no_open_deadlines_but_keep_their_measures() {
    let ps = pathways();
    let base = format!(
        "{TE}{}{}",
        ev("referral", "2026-10-01"),
        ev("first-visit", "2026-10-12")
    );
    let closed = case(
        &ps,
        &format!("{base}[closed]\ndate = 2026-10-20\nreason = \"declined\"\n"),
    );
    let moved = case(
        &ps,
        &format!("{base}[transfer]\ndate = 2026-10-20\nto = \"OUS\"\n"),
    );
    // A transfer leaves one task: call the receiving coordinator, due on the transfer date.
    let ids: Vec<(Kind, String, NaiveDate)> = open(&moved, &ps, "2026-11-01")
        .into_iter()
        .map(|d| (d.kind, d.id.to_string(), d.due))
        .collect();
    assert_eq!(
        ids,
        [(Kind::Task, "contact-receiving".into(), date("2026-10-20"))]
    );
    let called = case(
        &ps,
        &format!(
            "{base}[transfer]\ndate = 2026-10-20\nto = \"OUS\"\n[[task]]\nid = \"contact-receiving\"\ndone = 2026-10-21\n"
        ),
    );
    // Marked done: nothing is open, and before it was done the task was.
    assert!(open(&called, &ps, "2026-11-01").is_empty());
    assert!(called.is_followed(date("2026-10-20")) && !called.is_followed(date("2026-10-21")));
    for c in [&closed, &called] {
        assert!(open(c, &ps, "2026-11-01").is_empty());
        let IntervalState::Done(m) = state(c, &ps, "2026-11-01", "OF1") else {
            panic!()
        };
        assert!(!m.within(), "11 days against 9");
        // Before the closure the deadlines were open.
        assert!(!open(c, &ps, "2026-10-15").is_empty());
    }
}

#[test]
fn tasks_follow_their_anchor_and_ad_hoc_tasks_carry_their_own_due_date() {
    let ps = pathways();
    let c = case(
        &ps,
        &format!(
            "pathway = \"lokal\"\n{}[[task]]\nid = \"egen\"\nname = \"Egen\"\ndue = 2026-11-30\n",
            ev("inn", "2026-11-01")
        ),
    );
    let list = open(&c, &ps, "2026-11-02");
    // `ring` follows `mote`, which has not happened: no due date yet.
    assert!(find(&list, "ring").is_none());
    let egen = find(&list, "egen").unwrap();
    assert_eq!(
        (egen.kind, egen.due, egen.milestone),
        (Kind::Task, date("2026-11-30"), None)
    );
    let after = case(
        &ps,
        &format!(
            "pathway = \"lokal\"\n{}{}",
            ev("inn", "2026-11-01"),
            ev("mote", "2026-11-03")
        ),
    );
    let ring = find(&open(&after, &ps, "2026-11-04"), "ring")
        .unwrap()
        .clone();
    assert_eq!(ring.due, date("2026-11-05"));
    assert_eq!(ring.milestone, Some("mote"));
}

#[test]
fn a_case_with_no_events_has_no_deadlines() {
    let ps = pathways();
    assert!(open(&case(&ps, TE), &ps, "2026-11-01").is_empty());
}

#[test]
fn a_past_today_ignores_later_events_completions_and_closures() {
    let ps = pathways();
    let c = case(
        &ps,
        &format!(
            "pathway = \"lokal\"\n{}{}[[task]]\nid = \"ring\"\ndone = 2026-11-20\n[closed]\ndate = 2026-11-25\nreason = \"other\"\n",
            ev("inn", "2026-11-01"),
            ev("mote", "2026-11-10"),
        ),
    );
    // On 11-05 the first meeting had not happened: T1 (3 days) was overdue.
    assert_eq!(
        find(&open(&c, &ps, "2026-11-05"), "T1").unwrap().urgency,
        Urgency::Overdue
    );
    // On 11-15 the task (due 11-12) was open and overdue: it was done only on 11-20.
    assert_eq!(
        find(&open(&c, &ps, "2026-11-15"), "ring")
            .unwrap()
            .days_left,
        -3
    );
    // From 11-25 the case is closed.
    assert!(open(&c, &ps, "2026-11-25").is_empty());
}

#[test]
fn roles_come_from_npr_letters_not_ids() {
    let ps = pathways();
    let c = case(
        &ps,
        &format!(
            "pathway = \"lokal\"\n{}{}{}outcome = \"no-disease\"\n",
            ev("inn", "2026-11-01"),
            ev("mote", "2026-11-02"),
            ev("vedtak", "2026-11-03")
        ),
    );
    // `vedtak` is the decision (C) and `start` the treatment (F): T2 ends.
    assert_eq!(state(&c, &ps, "2026-11-10", "T2"), IntervalState::Ended);
}

#[test]
fn ties_are_sorted_by_case_then_kind_then_id() {
    let ps = pathways();
    let mk = |id: &str, body: &str| {
        let mut c = case(&ps, body);
        c.id.value = id.into();
        c
    };
    // Both due 11-04: T1 (inn 11-01 + 3) and an ad-hoc task due 11-04.
    let body = format!(
        "pathway = \"lokal\"\n{}[[task]]\nid = \"a-task\"\nname = \"A\"\ndue = 2026-11-04\n",
        ev("inn", "2026-11-01")
    );
    let cases = [mk("b", &body), mk("a", &body)];
    let list = deadlines(
        cases.iter(),
        |id| ps.iter().find(|p| p.id.value == id),
        date("2026-11-02"),
        &Warn::calendar(2),
    );
    let order: Vec<(&str, Kind, &str)> = list.iter().map(|d| (d.case, d.kind, d.id)).collect();
    assert_eq!(
        order,
        [
            ("a", Kind::Interval, "T1"),
            ("a", Kind::Task, "a-task"),
            ("b", Kind::Interval, "T1"),
            ("b", Kind::Task, "a-task")
        ]
    );
}

// ---- properties ----

fn arb_case_text() -> impl Strategy<Value = (String, i64)> {
    // referral day, gaps to first visit / decision / treatment (each maybe absent), today offset.
    (
        0i64..400,
        proptest::option::of(0i64..30),
        proptest::option::of(0i64..40),
        proptest::option::of(0i64..50),
        0i64..120,
        0usize..4,
    )
        .prop_map(|(start, fv, dec, tr, today, planned)| {
            let base = date("2025-01-01") + chrono::Days::new(start as u64);
            let mut body = String::from(TE);
            let treatments = ["surgery", "drug", "radiation", "symptom-relief"];
            if planned < 3 {
                body.push_str(&format!("treatment = \"{}\"\n", treatments[planned]));
            }
            body.push_str(&ev("referral", &base.to_string()));
            let mut at = base;
            for (gap, m) in [(fv, "first-visit"), (dec, "decision"), (tr, "treatment")] {
                let Some(gap) = gap else { break };
                at = at + chrono::Days::new(gap as u64);
                body.push_str(&ev(m, &at.to_string()));
                if m == "treatment" {
                    body.push_str("treatment = \"drug\"\n");
                }
            }
            (body, start + today)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn a_deadline_never_precedes_its_anchor((body, today) in arb_case_text()) {
        let ps = pathways();
        let c = case(&ps, &body);
        let today = date("2025-01-01") + chrono::Days::new(today as u64);
        for d in open(&c, &ps, &today.to_string()) {
            let anchor = d.why.anchor.expect("intervals and pathway tasks have anchors").date;
            prop_assert!(d.due >= anchor);
            prop_assert_eq!(d.days_left, (d.due - today).num_days());
        }
    }

    #[test]
    fn recording_the_to_event_by_the_due_date_never_leaves_it_overdue((body, today) in arb_case_text(), back in 0u64..10) {
        let ps = pathways();
        let c = case(&ps, &body);
        let today = date("2025-01-01") + chrono::Days::new(today as u64);
        for d in open(&c, &ps, &today.to_string()) {
            if d.kind != Kind::Interval { continue; }
            let anchor = d.why.anchor.unwrap().date;
            // The `to` event on a day between the anchor (or the case's latest event, so the
            // milestone order holds) and the due date.
            let latest = c.events.iter().map(|e| e.date.value).max().unwrap();
            let lower = anchor.max(latest);
            if lower > d.due { continue; }
            let span = (d.due - lower).num_days() as u64;
            let on = d.due - chrono::Days::new(back.min(span));
            let milestone = d.milestone.unwrap();
            // Already recorded with a date after today (ignored by the replay): not a new event.
            if c.events.iter().any(|e| e.milestone.value == milestone) { continue; }
            // The planned type (its limit is the one the open deadline used); without one, drug,
            // whose limits are this pathway's strictest.
            let planned = ["surgery", "drug", "radiation"].into_iter().find(|t| body.contains(&format!("treatment = \"{t}\"\n[[event]]")));
            let extra = if milestone == "treatment" { format!("treatment = \"{}\"\n", planned.unwrap_or("drug")) } else { String::new() };
            let recorded = case(&ps, &format!("{body}{}{extra}", ev(milestone, &on.to_string())));
            let later = today.max(on) + chrono::Days::new(30);
            let still = open(&recorded, &ps, &later.to_string());
            prop_assert!(still.iter().all(|x| x.id != d.id), "{} still open after recording {milestone} on {on}", d.id);
            if let IntervalState::Done(m) = state(&recorded, &ps, &later.to_string(), d.id) {
                prop_assert!(m.within());
            }
        }
    }

    #[test]
    fn results_do_not_depend_on_file_or_event_order(texts in proptest::collection::vec(arb_case_text(), 1..6), seed in any::<u64>()) {
        let ps = pathways();
        let mut cases: Vec<Case> = texts.iter().enumerate().map(|(i, (body, _))| {
            let mut c = case(&ps, body);
            c.id.value = format!("c{i}").into();
            c
        }).collect();
        let today = date("2025-06-01");
        let lookup = |id: &str| ps.iter().find(|p| p.id.value == id);
        // Deadlines borrow from their cases: the first run keeps its own copy.
        let original = cases.clone();
        let before = deadlines(original.iter(), lookup, today, &Warn::calendar(2));
        // Reverse and rotate files and events.
        cases.reverse();
        let k = (seed as usize) % cases.len();
        cases.rotate_left(k);
        for c in &mut cases { c.events.reverse(); }
        let after = deadlines(cases.iter(), lookup, today, &Warn::calendar(2));
        prop_assert_eq!(before, after);
    }
}

/// Whether a deadline due on `due` is due soon on `today` with a window of 2, counted in
/// working days (with `closed`) or calendar days.
fn soon(today: &str, due: &str, working: bool, closed: &[NaiveDate]) -> bool {
    let warn = Warn {
        days: 2,
        working_days: working,
        closed_days: closed,
    };
    Urgency::of(date(due), date(today), &warn) == Urgency::DueSoon
}

#[test]
fn the_working_day_window_skips_easter() {
    // Wednesday before Easter 2026: Maundy Thursday, Good Friday, the weekend and Easter Monday
    // are not working days, so Tuesday after is one working day away.
    assert!(soon("2026-04-01", "2026-04-07", true, &[]));
    assert!(soon("2026-04-01", "2026-04-08", true, &[]));
    assert!(!soon("2026-04-01", "2026-04-09", true, &[]));
    // Counted in calendar days (the old behaviour), Tuesday is six days away.
    assert!(!soon("2026-04-01", "2026-04-07", false, &[]));
    assert!(soon("2026-04-01", "2026-04-03", false, &[]));
}

#[test]
fn the_working_day_window_skips_whitsun() {
    // Friday before Whit Monday (2026-05-25).
    assert!(soon("2026-05-22", "2026-05-26", true, &[]));
    assert!(soon("2026-05-22", "2026-05-27", true, &[]));
    assert!(!soon("2026-05-22", "2026-05-28", true, &[]));
    assert!(!soon("2026-05-22", "2026-05-26", false, &[]));
}

#[test]
fn the_working_day_window_skips_christmas_and_closed_days() {
    let closed = [date("2026-12-24"), date("2026-12-31")];
    // 23 December: the 24th is closed, the 25th and 26th are holidays, then a weekend.
    assert!(soon("2026-12-23", "2026-12-28", true, &closed));
    assert!(soon("2026-12-23", "2026-12-29", true, &closed));
    // Without the closed day, the 24th counts and the 29th is the third working day.
    assert!(!soon("2026-12-23", "2026-12-29", true, &[]));
    assert!(!soon("2026-12-23", "2026-12-28", false, &closed));
    // A closed weekday elsewhere: Wednesday 25 November closed.
    let wednesday = [date("2026-11-25")];
    assert!(soon("2026-11-23", "2026-11-26", true, &wednesday));
    assert!(!soon("2026-11-23", "2026-11-26", true, &[]));
    // calendar-days ignores closed days.
    assert!(!soon("2026-11-23", "2026-11-26", false, &wednesday));
}

#[test]
fn the_working_day_window_skips_a_weekend() {
    // On a Friday, Monday's and Tuesday's deadlines are due soon; Wednesday's is not.
    assert!(soon("2026-11-27", "2026-11-30", true, &[]));
    assert!(soon("2026-11-27", "2026-12-01", true, &[]));
    assert!(!soon("2026-11-27", "2026-12-02", true, &[]));
    // With calendar days, Monday is three days away: not due soon (the old behaviour).
    assert!(!soon("2026-11-27", "2026-11-30", false, &[]));
    // Today is always due soon; yesterday is overdue in both modes.
    assert!(soon("2026-11-28", "2026-11-28", true, &[]));
    let warn = Warn::calendar(2);
    assert_eq!(
        Urgency::of(date("2026-11-27"), date("2026-11-28"), &warn),
        Urgency::Overdue
    );
}

#[test]
fn days_left_stays_calendar_days_in_the_working_day_window() {
    let ps = pathways();
    // OF1 of tykk-og-endetarmskreft: 7 days; referral Friday 2026-11-20 → due Friday 27th.
    let c = case(&ps, &format!("{TE}{}", ev("referral", "2026-11-20")));
    let p = ps.iter().find(|p| p.id.value == c.pathway.value).unwrap();
    let warn = Warn {
        days: 2,
        working_days: true,
        closed_days: &[],
    };
    let list = case_deadlines(&CaseView::new(&c, p, date("2026-11-25")), &warn);
    let of1 = find(&list, "OF1").unwrap();
    assert_eq!(of1.days_left, (of1.due - date("2026-11-25")).num_days());
    assert_eq!(of1.urgency, Urgency::DueSoon);
}

proptest! {
    /// The working-day window is never narrower than the calendar window of the same size, and
    /// its horizon is exactly the last day it admits.
    #[test]
    fn working_day_window_contains_the_calendar_window(
        start in 0i64..3650,
        ahead in 0i64..40,
        days in 0u32..6,
        closed_offset in proptest::option::of(0i64..40),
    ) {
        let today = date("2024-01-01") + chrono::Duration::days(start);
        let due = today + chrono::Duration::days(ahead);
        let closed: Vec<NaiveDate> =
            closed_offset.map(|o| today + chrono::Duration::days(o)).into_iter().collect();
        let working = Warn { days, working_days: true, closed_days: &closed };
        let calendar = Warn { days, working_days: false, closed_days: &closed };
        if calendar.soon(due, today) {
            prop_assert!(working.soon(due, today));
        }
        prop_assert_eq!(working.soon(due, today), due <= working.horizon(today));
        prop_assert_eq!(calendar.soon(due, today), due <= calendar.horizon(today));
        // A deadline before today is overdue, never due soon, in both modes.
        let yesterday = today - chrono::Duration::days(1);
        prop_assert_eq!(Urgency::of(yesterday, today, &working), Urgency::Overdue);
    }
}
