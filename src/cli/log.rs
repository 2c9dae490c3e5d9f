//! `forlop log CASE`: the case's audit trail from git, in domain terms.

use clap::Args;

use super::{Ctx, Failure, Format, emit_for};
use crate::edit::{all_case_ids, find_case_files};
use crate::i18n::{Ui, Word};
use crate::model::Case;
use crate::parse::{Decoder, parse_case, strip_bom};
use crate::register::display_path;
use crate::render;
use crate::suggest::suggest;
use crate::views::log::{changes, changes_in};

#[derive(Args, Debug)]
pub struct LogArgs {
    /// The case id
    pub case: String,
}

/// A version of the case as it was committed; `None` when it could not be read as a case.
fn parse_version(path: &str, text: &str) -> Option<Case> {
    let text = strip_bom(text);
    let stem = path
        .rsplit('/')
        .next()
        .and_then(|n| n.strip_suffix(".toml"))
        .unwrap_or("");
    let mut d = Decoder::new(path, text);
    parse_case(&mut d, text, stem)
}

/// One commit of a case's audit trail as `log --format json` lists it.
#[derive(serde::Serialize)]
struct LogRow<'a> {
    commit: &'a str,
    author: &'a str,
    email: &'a str,
    /// ISO 8601 with offset.
    date: &'a str,
    subject: &'a str,
    file: &'a str,
    changes: &'a [String],
}

pub fn run(ctx: &mut Ctx, args: LogArgs) -> anyhow::Result<u8> {
    let format = ctx.format("log", &[Format::Table, Format::Json, Format::Csv])?;
    let (root, context) = ctx.context()?;
    let redact = context.settings.redact && !ctx.global.show_identity;
    let Some(path) = find_case_files(&root, &args.case).into_iter().next() else {
        let known = all_case_ids(&root);
        let suggestion = suggest(&args.case, known.iter().map(String::as_str));
        return Err(Failure::work(Ui::UnknownCase {
            id: args.case,
            suggestion,
        }));
    };
    if !crate::git::is_repo(&root) {
        return Err(Failure::work(Ui::NotARepo));
    }
    let top = crate::git::toplevel(&root).map_err(Failure::git)?;
    let rel_to_top = display_path(
        std::path::Path::new(&top),
        &path.canonicalize().unwrap_or(path.clone()),
    );
    let commits =
        crate::git::file_log(std::path::Path::new(&top), &rel_to_top).map_err(Failure::git)?;
    // Newest first: the history ends where the file held another case (its `id` changed).
    let mut versions: Vec<(&crate::git::FileCommit, Option<Case>)> = Vec::new();
    for c in &commits {
        let text =
            crate::git::show(std::path::Path::new(&top), &c.hash, &c.path).unwrap_or_default();
        let version = parse_version(&c.path, &text);
        if version.as_ref().is_some_and(|v| v.id.value != args.case) {
            break;
        }
        versions.push((c, version));
    }
    versions.reverse();
    // Subjects written before subjects were kept free of free text may carry identity.
    let identity: Vec<String> = versions
        .iter()
        .filter_map(|(_, v)| v.as_ref())
        .flat_map(crate::redact::identity_values)
        .collect();
    let name = versions
        .iter()
        .rev()
        .find_map(|(_, v)| v.as_ref().and_then(|v| v.patient.name.clone()));
    let mut previous: Option<Case> = None;
    let mut entries = Vec::new();
    for (c, version) in versions {
        let list = changes(previous.as_ref(), version.as_ref(), redact);
        let shown = changes_in(previous.as_ref(), version.as_ref(), redact, Some(ctx.lang));
        let mut c = c.clone();
        if redact {
            let scrubbed = crate::redact::scrub_with(&c.subject, name.as_deref());
            c.subject = crate::redact::mask(&scrubbed, &identity);
        }
        entries.push((c, list, shown));
        previous = version;
    }
    let lang = ctx.lang;
    let text = match format {
        Format::Json => {
            let rows: Vec<LogRow<'_>> = entries
                .iter()
                .map(|(c, list, _)| LogRow {
                    commit: &c.hash,
                    author: &c.author,
                    email: &c.email,
                    date: &c.date,
                    subject: &c.subject,
                    file: &c.path,
                    changes: list,
                })
                .collect();
            let mut out = Vec::new();
            render::json::write_rows(&mut out, &rows)?;
            String::from_utf8_lossy(&out).into_owned()
        }
        Format::Csv | Format::CsvExcel => {
            let headers: Vec<String> = ["date", "author", "commit", "change"]
                .map(String::from)
                .to_vec();
            let rows: Vec<Vec<String>> = entries
                .iter()
                .flat_map(|(c, list, _)| {
                    list.iter().map(move |change| {
                        vec![
                            c.date.clone(),
                            c.author.clone(),
                            c.hash.clone(),
                            change.clone(),
                        ]
                    })
                })
                .collect();
            render::csv_in(&headers, &rows, format.dialect())
        }
        _ => {
            let headers =
                [Word::Date, Word::Author, Word::Commit, Word::What].map(|w| w.text(lang));
            let rows: Vec<Vec<String>> = entries
                .iter()
                .flat_map(|(c, _, list)| {
                    let date = c.date.get(..16).unwrap_or(&c.date).replace('T', " ");
                    let short = c.hash.get(..8).unwrap_or(&c.hash).to_string();
                    let list = if list.is_empty() {
                        vec![Word::NoCaseChange.text(lang)]
                    } else {
                        list.clone()
                    };
                    list.into_iter().enumerate().map(move |(i, change)| {
                        if i == 0 {
                            vec![date.clone(), c.author.clone(), short.clone(), change]
                        } else {
                            vec![String::new(), String::new(), String::new(), change]
                        }
                    })
                })
                .collect();
            render::table(&headers, &rows)
        }
    };
    emit_for(format, &text)?;
    Ok(0)
}
