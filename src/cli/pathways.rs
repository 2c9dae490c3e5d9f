//! `forlop pathways` and `forlop pathways show ID`.

use clap::{Args, Subcommand};

use super::{Ctx, Failure, Format, emit, emit_json};
use crate::i18n::{Lang, Ui, Word, times_name, treatment_name};
use crate::model::{Days, Origin, Pathway, Vocab};
use crate::register;
use crate::render;
use crate::suggest::suggest;
use crate::views::pathways::{PathwayDetail, PathwayRow, origin_word};

#[derive(Args, Debug)]
pub struct PathwaysArgs {
    #[command(subcommand)]
    pub action: Option<PathwaysAction>,
}

#[derive(Subcommand, Debug)]
pub enum PathwaysAction {
    /// One pathway's milestones, standard times, tasks and source
    Show {
        /// The pathway id
        id: String,
    },
    /// Copy a built-in pathway into the register's pathways/ for local adaptation
    Copy {
        /// The pathway id
        id: String,
    },
}

/// The pathways of the register if there is one, else the built-in set.
fn pathways(ctx: &mut Ctx) -> anyhow::Result<Vec<Pathway>> {
    let cwd = std::env::current_dir()?;
    match register::discover(ctx.global.register.as_deref(), &cwd) {
        Ok(_) => Ok(ctx.load()?.pathways.clone()),
        // An explicit register that is missing is an error; no register at all is fine here.
        Err(ui @ (Ui::NoSuchRegister { .. } | Ui::NotARegister { .. })) => Err(Failure::work(ui)),
        Err(_) => Ok(register::load_pathways(None).0),
    }
}

fn origin_name(o: Origin, lang: Lang) -> String {
    match o {
        Origin::BuiltIn => Word::BuiltIn.text(lang),
        Origin::Register => Word::FromRegister.text(lang),
    }
}

pub fn run(ctx: &mut Ctx, args: PathwaysArgs) -> anyhow::Result<u8> {
    match args.action {
        None => list(ctx),
        Some(PathwaysAction::Show { id }) => show(ctx, &id),
        Some(PathwaysAction::Copy { id }) => copy(ctx, &id),
    }
}

/// Writes the built-in definition of `id` to the register's `pathways/<id>.toml`, which then
/// overrides it: the starting point for local times and tasks.
fn copy(ctx: &mut Ctx, id: &str) -> anyhow::Result<u8> {
    let root = ctx.root()?;
    let Some((_, text)) = crate::builtin::PATHWAYS.iter().find(|(p, _)| *p == id) else {
        let suggestion = suggest(id, crate::builtin::PATHWAYS.iter().map(|(p, _)| *p));
        return Err(Failure::work(Ui::UnknownPathway {
            id: id.into(),
            suggestion,
        }));
    };
    let rel = format!("pathways/{id}.toml");
    let header = format!(
        "# Lokal kopi av det innebygde forløpet, laget med `forlop pathways copy {id}` {}.\n",
        ctx.today
    );
    std::fs::create_dir_all(root.join("pathways")).map_err(|e| {
        Failure::work(Ui::Io {
            detail: e.to_string(),
        })
    })?;
    crate::atomic::create_new(&root.join(&rel), format!("{header}{text}").as_bytes()).map_err(
        |e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => {
                Failure::work(Ui::FileExists { file: rel.clone() })
            }
            _ => Failure::work(Ui::Io {
                detail: e.to_string(),
            }),
        },
    )?;
    if !ctx.global.quiet {
        let ui = Ui::PathwayCopied { file: rel };
        super::say(&ui.text(ctx.lang));
        if let Some(h) = ui.hint(ctx.lang) {
            super::say(&format!("  {h}"));
        }
    }
    Ok(0)
}

fn list(ctx: &mut Ctx) -> anyhow::Result<u8> {
    let format = ctx.format("pathways", &[Format::Table, Format::Json, Format::Csv])?;
    let all = pathways(ctx)?;
    let lang = ctx.lang;
    if format == Format::Json {
        let rows: Vec<PathwayRow<'_>> = all.iter().map(PathwayRow::new).collect();
        emit_json(&render::json::to_text(&rows))?;
        return Ok(0);
    }
    let headers: Vec<String> = [
        Word::Id,
        Word::Name,
        Word::Npr,
        Word::Times,
        Word::Retired,
        Word::Origin,
    ]
    .iter()
    .map(|w| w.text(lang))
    .collect();
    let rows: Vec<Vec<String>> = all
        .iter()
        .map(|p| {
            vec![
                p.id.value.clone(),
                p.name.clone(),
                p.npr.clone().unwrap_or_default(),
                times_name(p.times, lang),
                p.retired
                    .as_ref()
                    .map(|r| r.value.to_string())
                    .unwrap_or_default(),
                origin_name(p.origin, lang),
            ]
        })
        .collect();
    let text = if matches!(format, Format::Csv | Format::CsvExcel) {
        // Stable English keys and the words of the files, like the JSON.
        let headers: Vec<String> = ["id", "name", "npr", "times", "retired", "origin"]
            .map(String::from)
            .to_vec();
        let rows: Vec<Vec<String>> = all
            .iter()
            .map(|p| {
                vec![
                    p.id.value.clone(),
                    p.name.clone(),
                    p.npr.clone().unwrap_or_default(),
                    p.times.word().to_string(),
                    p.retired
                        .as_ref()
                        .map(|r| r.value.to_string())
                        .unwrap_or_default(),
                    origin_word(p.origin).to_string(),
                ]
            })
            .collect();
        render::csv_in(&headers, &rows, format.dialect())
    } else {
        render::table(&headers, &rows)
    };
    emit(&text)?;
    Ok(0)
}

fn days_text(days: &Days, lang: Lang) -> String {
    match days {
        Days::Fixed(n) => n.to_string(),
        Days::PerTreatment(per) => per
            .iter()
            .map(|(t, n)| format!("{} {n}", treatment_name(*t, lang)))
            .collect::<Vec<_>>()
            .join(" · "),
    }
}

fn show(ctx: &mut Ctx, id: &str) -> anyhow::Result<u8> {
    let format = ctx.format("pathways show", &[Format::Text, Format::Json])?;
    let all = pathways(ctx)?;
    let lang = ctx.lang;
    let Some(p) = all.iter().find(|p| p.id.value == id) else {
        // A register file of that id that could not be used is not "unknown": say why.
        let file = format!("pathways/{id}.toml");
        let cwd = std::env::current_dir()?;
        if register::discover(ctx.global.register.as_deref(), &cwd).is_ok()
            && let Some(problem) = ctx
                .load()?
                .problems
                .iter()
                .find(|p| p.file == file && p.line.is_some())
        {
            return Err(Failure::work(Ui::PathwayFileHasErrors {
                id: id.into(),
                place: problem.place(),
                message: problem.msg.text(ctx.lang),
            }));
        }
        let suggestion = suggest(id, all.iter().map(|p| p.id.value.as_str()));
        return Err(Failure::work(Ui::UnknownPathway {
            id: id.into(),
            suggestion,
        }));
    };
    if format == Format::Json {
        emit_json(&render::json::to_text(&PathwayDetail::new(p)))?;
        return Ok(0);
    }
    let mut out = format!("{} ({})\n", p.name, p.id.value);
    let mut facts = vec![format!(
        "{}: {}",
        Word::Times.text(lang),
        times_name(p.times, lang)
    )];
    if let Some(npr) = &p.npr {
        facts.push(format!("{}: {npr}", Word::Npr.text(lang)));
    }
    if let Some(r) = &p.retired {
        facts.push(format!("{}: {}", Word::Retired.text(lang), r.value));
    }
    facts.push(format!(
        "{}: {}",
        Word::Origin.text(lang),
        origin_name(p.origin, lang)
    ));
    out.push_str(&facts.join(" · "));
    out.push('\n');
    if let Some(note) = &p.note {
        out.push_str(&format!("{}: {note}\n", Word::PathwayNote.text(lang)));
    }
    out.push('\n');
    out.push_str(&format!("{}\n", Word::Milestones.text(lang)));
    let rows: Vec<Vec<String>> = p
        .milestones
        .iter()
        .map(|m| {
            let code = m
                .code
                .as_ref()
                .map(|c| p.npr_code(c))
                .unwrap_or_else(|| Word::LocalMilestone.text(lang));
            vec![m.id.value.clone(), code, m.name.clone()]
        })
        .collect();
    out.push_str(&render::table(
        &[
            Word::Id.text(lang),
            Word::Npr.text(lang),
            Word::Name.text(lang),
        ],
        &rows,
    ));
    out.push('\n');
    out.push_str(&format!(
        "{} ({})\n",
        Word::Intervals.text(lang),
        Word::CalendarDays.text(lang)
    ));
    if p.intervals.is_empty() {
        out.push_str(&Word::NoIntervalsKnown.text(lang));
        out.push('\n');
    } else {
        let rows: Vec<Vec<String>> = p
            .intervals
            .iter()
            .map(|i| {
                vec![
                    i.id.value.clone(),
                    i.name.clone().unwrap_or_default(),
                    i.from.value.clone(),
                    i.to.value.clone(),
                    days_text(&i.days, lang),
                ]
            })
            .collect();
        let headers =
            [Word::Id, Word::Name, Word::From, Word::To, Word::Days].map(|w| w.text(lang));
        out.push_str(&render::table(&headers, &rows));
    }
    if !p.tasks.is_empty() {
        out.push('\n');
        out.push_str(&format!("{}\n", Word::Tasks.text(lang)));
        let rows: Vec<Vec<String>> = p
            .tasks
            .iter()
            .map(|t| {
                vec![
                    t.id.value.clone(),
                    t.name.clone(),
                    t.after.value.clone(),
                    t.days.to_string(),
                ]
            })
            .collect();
        let headers = [Word::Id, Word::Name, Word::After, Word::Days].map(|w| w.text(lang));
        out.push_str(&render::table(&headers, &rows));
    }
    if p.source.is_some() || p.source_url.is_some() {
        out.push('\n');
        out.push_str(&format!("{}: ", Word::Source.text(lang)));
        let parts: Vec<String> = [p.source.clone(), p.source_url.clone()]
            .into_iter()
            .flatten()
            .collect();
        out.push_str(&parts.join(" — "));
        if let Some(u) = p.updated {
            out.push_str(&format!(" ({} {u})", Word::Updated.text(lang)));
        }
        out.push('\n');
    }
    emit(&out)?;
    Ok(0)
}
