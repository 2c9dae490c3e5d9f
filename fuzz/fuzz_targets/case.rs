//! Any bytes as a case file: the parser, the case rules and the deadline engine must not panic.
#![no_main]

use chrono::NaiveDate;
use forlop::check::case::CaseContext;
use forlop::register::{load_pathways, parse_case_text};
use forlop::schedule::{CaseView, case_deadlines};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    static PATHWAYS: std::sync::OnceLock<Vec<forlop::model::Pathway>> = std::sync::OnceLock::new();
    let pathways = PATHWAYS.get_or_init(|| load_pathways(None).0);
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let ctx = CaseContext { pathways, broken_pathways: &[], team: None, today };
    let (case, diags) = parse_case_text("cases/x.toml", text, "x", &ctx);
    for d in &diags {
        let _ = forlop::diag::render_human(d, forlop::i18n::Lang::Nb, false);
    }
    let Some(case) = case else { return };
    let Some(pathway) = pathways.iter().find(|p| p.id.value == case.pathway.value) else { return };
    for day in [today, NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(), NaiveDate::from_ymd_opt(2100, 1, 1).unwrap()] {
        let view = CaseView::new(&case, pathway, day);
        let _ = view.intervals();
        let _ = view.tasks();
        let _ = case_deadlines(&view, 2);
        let _ = forlop::views::status::next_milestone(&case, pathway, day);
    }
    let _ = forlop::views::log::changes(None, Some(&case), true);
});
