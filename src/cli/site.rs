//! `forlop site DIR`: the board, one page per followed case, the morning report and the
//! statistics as a static site, replaced atomically.

use std::path::PathBuf;

use clap::Args;

use super::{Ctx, Failure};
use crate::i18n::{SiteUi, Ui};
use crate::model::TimesStatus;
use crate::register::{Register, Scope};
use crate::render::handover::{event_rows, interval_row};
use crate::render::html::site::{self as pages, CaseTables, SiteInfo, StatsTable};
use crate::select::Selection;
use crate::site::{Page, SiteError};
use crate::views::board::{Grouping, board_rows, group};
use crate::views::handover::handover;
use crate::views::stats::{By, stats};

#[derive(Args, Debug)]
pub struct SiteArgs {
    /// The folder to write the site to (replaced as a whole; must lie outside the register)
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
}

fn stats_table(reg: &Register, rows: Vec<crate::views::stats::StatRow>, ctx: &Ctx) -> StatsTable {
    let (headers, body) =
        crate::render::stats::table_rows(&rows, reg.settings.target, ctx.lang, true);
    StatsTable {
        headers,
        body,
        rows,
    }
}

/// Builds every page of the site.
pub fn pages(reg: &Register, ctx: &Ctx, selection: &Selection) -> Vec<Page> {
    let redact = selection.redact;
    let lang = ctx.lang;
    let today = ctx.today;
    let warn = reg.settings.warn();
    let info = SiteInfo {
        lang,
        today,
        name: reg.settings.name.clone(),
        hospital: reg.settings.hospital.clone(),
        redacted: redact,
    };
    let page = |name: &str, html: String| Page {
        name: name.to_string(),
        bytes: html.into_bytes(),
    };
    let problem_list = &reg.problems;
    let rows = board_rows(reg, today, selection);
    let followed: Vec<&str> = rows.iter().map(|r| r.status.case).collect();
    let mut out = vec![
        page(
            pages::BOARD,
            pages::board(
                &info,
                &group(reg, &rows, Grouping::Coordinator),
                Grouping::Coordinator,
                problem_list,
            ),
        ),
        page(
            pages::BOARD_BY_PATHWAY,
            pages::board(
                &info,
                &group(reg, &rows, Grouping::Pathway),
                Grouping::Pathway,
                problem_list,
            ),
        ),
    ];
    // Each case by its id, the first file's where two share one (the later is named among the
    // files with errors): one page an id, and no search of every case for every row.
    let mut by_id: foldhash::HashMap<&str, &crate::model::Case> = Default::default();
    for c in &reg.cases {
        by_id.entry(c.id.value.as_str()).or_insert(c);
    }
    let mut written: foldhash::HashSet<&str> = Default::default();
    for row in &rows {
        let Some(&case) = by_id.get(row.status.case) else {
            continue;
        };
        if !written.insert(row.status.case) {
            continue;
        }
        let h = handover(reg, case, today, redact);
        let unverified = h
            .pathway
            .is_some_and(|p| p.times == TimesStatus::Unverified);
        let tables = CaseTables {
            events: event_rows(&h.events, lang),
            intervals: h
                .intervals
                .iter()
                .map(|st| interval_row(st, case, today, h.open, unverified, lang))
                .collect(),
        };
        out.push(page(
            &pages::case_file(&case.id.value),
            pages::case_page(&info, &h, &tables, &warn),
        ));
    }
    // The report page dates registrations as the morning report does (by commit where it can).
    let window = crate::views::report::recorded_window(today, &reg.settings.closed_days);
    let recorded = crate::recorded::from_git(&reg.root, window.from, window.to);
    let report =
        crate::views::report::report(reg, today, redact, &recorded, |c| selection.admits(c));
    out.push(page(
        pages::REPORT,
        pages::report(
            &info,
            &crate::render::html::report::body(&report, lang),
            &followed,
        ),
    ));
    let from = today
        .checked_sub_months(chrono::Months::new(12))
        .unwrap_or(today);
    let keep = |c: &crate::model::Case| selection.admits(c);
    let by_pathway = stats(reg, today, Some(from), Some(today), By::Pathway, keep);
    let by_tertial = stats(reg, today, Some(from), Some(today), By::Tertial, keep);
    out.push(page(
        pages::STATS,
        pages::stats(
            &info,
            from,
            &stats_table(reg, by_pathway, ctx),
            &stats_table(reg, by_tertial, ctx),
            reg.settings.target,
        ),
    ));
    out
}

pub fn run(ctx: &mut Ctx, args: SiteArgs) -> anyhow::Result<u8> {
    let _ = ctx.format("site", &[super::Format::Html])?;
    let reg = ctx.load_for_view(Scope::All)?;
    let selection = ctx.select(reg, &[])?;
    let list = pages(reg, ctx, &selection);
    let count = list.len();
    match crate::site::write(&args.dir, &reg.root, &list) {
        Ok(()) => {}
        Err(SiteError::Refused(ui)) => return Err(Failure::work(Ui::Site(ui))),
        Err(SiteError::Io(e)) => {
            return Err(Failure::work(Ui::Io {
                detail: format!("{}: {e}", args.dir.display()),
            }));
        }
    }
    if !ctx.global.quiet {
        super::say(&format!(
            "forlop: {}",
            SiteUi::Written {
                dir: args.dir.display().to_string(),
                pages: count,
            }
            .text(ctx.lang)
        ));
    }
    Ok(0)
}
