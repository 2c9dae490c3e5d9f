//! `forlop report`: the morning report for cron, as text, Markdown, HTML or JSON.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{Ctx, Failure, Format};
use crate::i18n::{Lang, Ui, Word, day_heading};
use crate::render;
use crate::render::report::{overdue_total, write_text};
use crate::views::report::{Report, recorded_window, report};

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// Write the report to FILE (atomically) instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit with code 3 when anything is overdue (for cron alerts)
    #[arg(long)]
    pub fail_on_overdue: bool,
    /// Recipient of the mail (`--format eml`; repeat for more; default: `mail_to`)
    #[arg(long = "to", value_name = "ADDR")]
    pub to: Vec<String>,
    /// Sender of the mail (`--format eml`; default: `mail_from`)
    #[arg(long = "from", value_name = "ADDR")]
    pub from: Option<String>,
}

pub fn run(ctx: &mut Ctx, args: ReportArgs) -> anyhow::Result<u8> {
    let format = ctx.format(
        "report",
        &[
            Format::Text,
            Format::Markdown,
            Format::Html,
            Format::Json,
            Format::Eml,
        ],
    )?;
    // Everything the report shows is about open cases or events since the previous tertial began.
    let this_tertial = crate::views::stats::tertial_start(ctx.today);
    let since = crate::views::stats::tertial_start(this_tertial.pred_opt().unwrap_or(this_tertial));
    let reg = ctx.load_for_view(crate::register::Scope::Report {
        since,
        today: ctx.today,
    })?;
    // The mail's addresses are checked before any work is done.
    let addresses = if format == Format::Eml {
        Some(mail_addresses(&args, &reg.settings)?)
    } else {
        None
    };
    let selection = ctx.select(reg, &[])?;
    let redact = selection.redact;
    // When each registration was recorded: by commit where the register is its own git work
    // tree, else by its own date. A git failure falls back to the dates rather than failing the
    // morning report, and the report says so (with git's reason).
    let window = recorded_window(ctx.today, &reg.settings.closed_days);
    let days = crate::recorded::from_git(&reg.root, window.from, window.to);
    let r = report(reg, ctx.today, redact, &days, |c| selection.admits(c));
    let lang = ctx.lang;
    // The report is written as it is made: to the file (whole, atomically), else to the
    // buffered standard output. Every human format shows a control character from the register
    // escaped, in a file as on a terminal; JSON as JSON escapes (`\u202e`), and the mail is
    // 7-bit: each part escaped, then quoted-printable, and its headers encoded words.
    let write = |out: &mut dyn Write| -> std::io::Result<()> {
        match format {
            Format::Json => {
                render::json::escaped(out, |out| render::report::write_json(out, &r, lang))
            }
            Format::Eml => {
                let (from, to) = addresses.as_ref().expect("checked above");
                eml(out, &r, lang, from, to)
            }
            _ => {
                let mut out = crate::terminal::EscapeWriter::new(out);
                match format {
                    Format::Markdown => render::report::write_markdown(&mut out, &r, lang)?,
                    Format::Html => render::html::report::write_html(&mut out, &r, lang)?,
                    _ => write_text(&mut out, &r, lang)?,
                }
                out.finish().map(drop)
            }
        }
    };
    match &args.output {
        Some(path) => {
            refuse_inside_register(&reg.root, path)?;
            let mut text = Vec::new();
            write(&mut text)?;
            crate::atomic::write(path, &text).map_err(|e| {
                Failure::work(Ui::Io {
                    detail: format!("{}: {e}", path.display()),
                })
            })?;
            if !ctx.global.quiet {
                super::say(&format!(
                    "{} {}",
                    Word::ReportWritten.text(lang),
                    path.display()
                ));
            }
        }
        None => {
            super::stdout_open()?;
            let mut out = render::stdout();
            write(&mut out)?;
            render::finish(out)?;
        }
    }
    let code = if args.fail_on_overdue && r.any_overdue() {
        3
    } else {
        0
    };
    // The process ends here: the report's hundreds of thousands of lines need no freeing.
    std::mem::forget(r);
    Ok(code)
}

/// The sender and recipients: the flags, else forlop.toml; a usage error without them.
fn mail_addresses(
    args: &ReportArgs,
    settings: &crate::model::Settings,
) -> anyhow::Result<(String, Vec<String>)> {
    let from = args
        .from
        .clone()
        .or_else(|| settings.mail_from.clone())
        .ok_or_else(|| {
            Failure::usage(Ui::MailAddressMissing {
                flag: "--from".into(),
                key: "mail_from".into(),
            })
        })?;
    let to = if args.to.is_empty() {
        settings.mail_to.clone()
    } else {
        args.to.clone()
    };
    if to.is_empty() {
        return Err(Failure::usage(Ui::MailAddressMissing {
            flag: "--to".into(),
            key: "mail_to".into(),
        }));
    }
    if let Some(bad) = std::iter::once(&from)
        .chain(&to)
        .find(|a| !render::eml::address_ok(a))
    {
        return Err(Failure::usage(Ui::BadMailAddress {
            address: bad.clone(),
        }));
    }
    Ok((from, to))
}

/// The subject: the report, the section, the date and how many deadlines are overdue.
fn subject(r: &Report, lang: Lang) -> String {
    use chrono::Datelike;
    let mut s = Word::ReportTitle.text(lang);
    if let Some(name) = &r.name {
        s.push_str(&format!(" – {name}"));
    }
    s.push_str(&format!(
        " – {} {} – {}: {}",
        day_heading(r.today, lang),
        r.today.year(),
        Word::Overdue.text(lang).to_lowercase(),
        overdue_total(r)
    ));
    s
}

/// The whole morning mail: the text report first, the HTML report second, each written as it
/// is made. The Date header is the machine's clock (the one place the report reads it): that is
/// when the mail was written.
fn eml(
    out: &mut dyn Write,
    r: &Report,
    lang: Lang,
    from: &str,
    to: &[String],
) -> std::io::Result<()> {
    let now = chrono::Local::now();
    let message_id = format!(
        "forlop.{}.{}.{}@{}",
        r.today,
        now.timestamp_nanos_opt().unwrap_or_default(),
        std::process::id(),
        render::eml::host_of(from)
    );
    let mail = render::eml::Mail {
        from,
        to,
        subject: &subject(r, lang),
        date: &now.to_rfc2822(),
        message_id: &message_id,
    };
    render::eml::write_mail(out, &mail, &mut |part, w| {
        let mut w = w;
        if part == 0 {
            write_text(&mut w, r, lang)
        } else {
            render::html::report::write_html(&mut w, r, lang)
        }
    })
}

/// `report --output` never writes inside the register (SPEC §4): a report there would be
/// committed, synced and read as part of it. Links in the path are resolved for the comparison.
fn refuse_inside_register(root: &std::path::Path, path: &std::path::Path) -> anyhow::Result<()> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let absolute = cwd.join(path);
    // The file may not exist yet: resolve its folder.
    let folder = absolute.parent().unwrap_or(&absolute);
    let resolved = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    let root = std::fs::canonicalize(cwd.join(root)).unwrap_or_else(|_| root.to_path_buf());
    if resolved.starts_with(&root) {
        return Err(Failure::usage(Ui::OutputInsideRegister {
            path: path.display().to_string(),
        }));
    }
    Ok(())
}
