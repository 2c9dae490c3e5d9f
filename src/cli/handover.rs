//! `forlop handover (CASE… | --coordinator ID) [--to NAME]`: one Markdown document.

use clap::Args;

use super::{Ctx, Failure, Format, emit};
use crate::i18n::Ui;
use crate::render;
use crate::schedule::most_urgent_first;
use crate::views::handover::{Handover, PersonRef, handover};

#[derive(Args, Debug)]
pub struct HandoverArgs {
    /// The cases to hand over (or give --coordinator for all of one coordinator's open cases)
    pub cases: Vec<String>,
    /// Who takes over (a name, shown in the heading)
    #[arg(long, value_name = "NAME")]
    pub to: Option<String>,
}

pub fn run(ctx: &mut Ctx, args: HandoverArgs) -> anyhow::Result<u8> {
    let _ = ctx.format("handover", &[Format::Markdown, Format::Text])?;
    let reg = ctx.load_for_view(crate::register::Scope::All)?;
    let coordinator = ctx.global.coordinator.as_deref();
    if args.cases.is_empty() && coordinator.is_none() {
        return Err(Failure::usage(Ui::HandoverNeedsCases));
    }
    let selection = ctx.selection(reg.settings.redact).without_pathway();
    selection
        .validate(reg, &args.cases)
        .map_err(Failure::work)?;
    let redact = selection.redact;
    let today = ctx.today;
    let mut list: Vec<Handover<'_>> = if args.cases.is_empty() {
        reg.cases
            .iter()
            .filter(|c| {
                c.is_followed(today)
                    && c.coordinator
                        .as_ref()
                        .is_some_and(|x| Some(x.value.as_str()) == coordinator)
            })
            .map(|c| handover(reg, c, today, redact))
            .collect()
    } else {
        args.cases
            .iter()
            .filter_map(|id| reg.cases.iter().find(|c| c.id.value == *id))
            .map(|c| handover(reg, c, today, redact))
            .collect()
    };
    if args.cases.is_empty() {
        // Most urgent first; cases without a deadline last.
        list.sort_by(|a, b| {
            let due = |h: &Handover<'_>| h.next_deadline.as_ref().map(|d| d.due);
            most_urgent_first(due(a), due(b)).then_with(|| a.case.id.value.cmp(&b.case.id.value))
        });
    }
    let coordinator = coordinator.map(|c| PersonRef {
        id: c.to_string(),
        person: reg.team.as_ref().and_then(|t| t.get(c)).cloned(),
    });
    let out = render::handover::document(
        &list,
        args.to.as_deref(),
        coordinator.as_ref(),
        today,
        ctx.lang,
    );
    emit(&out)?;
    Ok(0)
}
