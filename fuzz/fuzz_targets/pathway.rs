//! Any bytes as a pathway definition: the parser and the pathway rules (cycles included) must not
//! panic, and the engine must run on a case using whatever pathway came out.
#![no_main]

use chrono::NaiveDate;
use forlop::check::case::CaseContext;
use forlop::model::Origin;
use forlop::register::{parse_case_text, parse_pathway_text};
use forlop::schedule::{CaseView, case_deadlines};
use libfuzzer_sys::fuzz_target;

const CASE: &str = "id = \"x\"\npathway = \"p\"\ntreatment = \"drug\"\n[[event]]\nmilestone = \"referral\"\ndate = 2026-11-01\n[[event]]\nmilestone = \"first-visit\"\ndate = 2026-11-05\n[[event]]\nmilestone = \"decision\"\ndate = 2026-11-10\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (pathway, _diags) = parse_pathway_text("pathways/p.toml", text, "p", Origin::Register);
    let Some(mut pathway) = pathway else { return };
    pathway.id.value = "p".into();
    let pathways = vec![pathway];
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let ctx = CaseContext { pathways: &pathways, broken_pathways: &[], team: None, today };
    let (case, _) = parse_case_text("cases/x.toml", CASE, "x", &ctx);
    let case = case.expect("the fixed case parses");
    let view = CaseView::new(&case, &pathways[0], today);
    let _ = view.intervals();
    let _ = view.tasks();
    let _ = case_deadlines(&view, 2);
});
