//! Help that teaches: the one clap definition in the user's language (the texts are in
//! src/i18n/help.rs), usage errors in the catalogue's words, shell completions and man pages.

use clap::{Command, CommandFactory};

use super::Cli;
pub use crate::i18n::overview;
use crate::i18n::{Lang, UsageError, Word, examples, help_nb, more_help, t, usage_label};

fn examples_text(command: &str, lang: Lang) -> Option<String> {
    let list = examples(command);
    if list.is_empty() {
        return None;
    }
    let mut s = t!(lang, "Eksempler:\n", "Examples:\n");
    for (line, nb, en) in list {
        s.push_str(&format!("  {line}\n      {}\n", t!(lang, *nb, *en)));
    }
    Some(s.trim_end().to_string())
}

/// Headings: the command's own options first, the global flags (and help) under their own.
fn headings(cmd: Command, lang: Lang) -> Command {
    let (args, options, global) = match lang {
        Lang::Nb => ("Argumenter", "Valg", "Globale valg"),
        Lang::En => ("Arguments", "Options", "Global options"),
    };
    cmd.mut_args(|a| {
        let is_global = a.is_global_set() || matches!(a.get_id().as_str(), "help" | "version");
        match (a.is_positional(), is_global) {
            (true, _) => a.help_heading(args),
            (false, true) => a.help_heading(global),
            (false, false) => a.help_heading(options),
        }
    })
}

/// The Norwegian placeholder for a value name (`<CASE>` → `<SAK>`); names that read the same
/// in both languages (`N`, `ID`, `HH:MM`) are kept.
fn nb_value_name(name: &str) -> Option<&'static str> {
    Some(match name {
        "YYYY-MM-DD" => "ÅÅÅÅ-MM-DD",
        "FILE" => "FIL",
        "DIR" => "MAPPE",
        "NAME" => "NAVN",
        "CASE" => "SAK",
        "CASES" => "SAKER",
        "PATHS" => "STIER",
        "MILESTONE" => "HENDELSE",
        "OUTCOME" => "UTFALL",
        "TREATMENT" => "BEHANDLING",
        "NOTE" => "MERKNAD",
        "WHAT" => "HVA",
        "TIME" => "TT:MM",
        "WHERE" | "PLACE" => "STED",
        "QUESTION" => "SPØRSMÅL",
        "CONCLUSION" => "KONKLUSJON",
        "TASK" => "OPPGAVE",
        "TEXT" => "TEKST",
        "BY" => "HVEM",
        "INTERVAL" => "FORLØPSTID",
        "REASON" => "ÅRSAK",
        "TO" => "TIL",
        "FROM" => "FRA",
        "CONTACT" => "KONTAKT",
        "PATHWAY" => "FORLØP",
        "LANG" => "SPRÅK",
        "COLOR" => "FARGE",
        "SHELL" => "SKALL",
        "VALUE" => "VERDI",
        "FIELD" => "FELT",
        "HOSPITAL" => "SYKEHUS",
        "ADDR" => "ADRESSE",
        "COMMAND" => "KOMMANDO",
        _ => return None,
    })
}

/// One argument in Norwegian: its help text, its placeholder, and the possible values, default
/// and environment variable written in the help text rather than in clap's English brackets.
fn norwegian_arg(mut a: clap::Arg, help: Option<&'static str>) -> clap::Arg {
    let mut text = help
        .map(str::to_string)
        .or_else(|| a.get_help().map(|h| h.to_string()))
        .unwrap_or_default();
    if a.get_action().takes_values() {
        let names: Vec<String> = match a.get_value_names() {
            Some(v) => v.iter().map(|s| s.to_string()).collect(),
            None => vec![a.get_id().as_str().to_uppercase()],
        };
        let mapped: Vec<String> = names
            .iter()
            .map(|n| nb_value_name(n).map_or_else(|| n.clone(), str::to_string))
            .collect();
        if mapped != names {
            a = a.value_names(mapped);
        }
        let possible: Vec<String> = a
            .get_possible_values()
            .iter()
            .filter(|p| !p.is_hide_set())
            .map(|p| p.get_name().to_string())
            .collect();
        if !possible.is_empty() && !a.is_hide_possible_values_set() {
            let list = possible.join(", ");
            if !text.contains(&list) {
                text.push_str(&format!(" (mulige verdier: {list})"));
            }
            a = a.hide_possible_values(true);
        }
        let defaults: Vec<String> = a
            .get_default_values()
            .iter()
            .map(|d| d.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() && !a.is_hide_default_value_set() {
            if !text.contains("standard") {
                text.push_str(&format!(" (standard: {})", defaults.join(", ")));
            }
            a = a.hide_default_value(true);
        }
        if a.get_env().is_some() {
            a = a.hide_env(true);
        }
    }
    if text.is_empty() {
        a
    } else if a.get_long_help().is_some() {
        // clap's own help flag carries an English long help ("see a summary with '-h'").
        a.help(text.clone()).long_help(text)
    } else {
        a.help(text)
    }
}

/// Applies Norwegian texts to one command and its arguments.
///
/// The command is already built, and clap finds a built command's `--flag` by its position in
/// the argument list: the texts are set in place (`mut_args`), never by `mut_arg`, which moves
/// the argument to the end and so, for any argument left out, makes `--replace` parse as another
/// argument. A missing Norwegian text keeps the English one and changes nothing else.
fn localize_args(cmd: Command, name: &str) -> Command {
    cmd.mut_args(|a| {
        let id = a.get_id().to_string();
        let own = help_nb(&format!("{name}.{id}")).or_else(|| help_nb(&format!("*.{id}")));
        let global = help_nb(&format!("global.{id}"));
        norwegian_arg(a, own.or(global))
    })
    .help_template("{before-help}{about-with-newline}\nBruk: {usage}\n\n{all-args}{after-help}")
    .subcommand_help_heading("Kommandoer")
}

fn localize(cmd: Command, name: &str, lang: Lang) -> Command {
    let mut cmd = headings(cmd, lang);
    if let Some(ex) = examples_text(name, lang) {
        cmd = cmd.after_help(ex);
    }
    if lang == Lang::Nb {
        if let Some(about) = help_nb(name) {
            cmd = cmd.about(about);
        }
        cmd = localize_args(cmd, name);
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(&sub, |s| {
            let mut s = localize(s, &sub, lang);
            if lang == Lang::Nb
                && let Some(about) = help_nb(&format!("{name}.{sub}"))
            {
                s = s.about(about);
            }
            s
        });
    }
    cmd
}

/// The whole command line definition in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut cmd = Cli::command().disable_help_subcommand(false);
    if lang == Lang::Nb {
        cmd = cmd.about("forlop – pakkeforløp for kreft, for forløpskoordinatorer");
    }
    cmd.build();
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(&sub, |s| localize(s, &sub, lang));
    }
    cmd = headings(cmd, lang);
    if lang == Lang::Nb {
        cmd = localize_args(cmd, "global");
        cmd = norwegian_usage(cmd);
    }
    cmd
}

/// clap writes `[OPTIONS]` and `[COMMAND]` into every usage line by itself: in bokmål each
/// command's usage is rendered once and set with those words translated.
fn norwegian_usage(mut cmd: Command) -> Command {
    cmd.build();
    fn apply(mut cmd: Command) -> Command {
        let usage = cmd
            .render_usage()
            .to_string()
            .trim()
            .trim_start_matches("Usage:")
            .trim()
            .replace("[OPTIONS]", "[VALG]")
            .replace("[COMMAND]", "[KOMMANDO]")
            .replace("<COMMAND>", "<KOMMANDO>");
        let subs: Vec<String> = cmd
            .get_subcommands()
            .map(|s| s.get_name().to_string())
            .collect();
        for sub in subs {
            cmd = cmd.mut_subcommand(&sub, apply);
        }
        cmd.override_usage(usage)
    }
    apply(cmd)
}

/// The command a list of arguments names (`forlop due --days x` → `due`), for a usage error
/// that clap gives without its usage line.
fn named_command(root: &Command, args: &[std::ffi::OsString]) -> Command {
    let mut cmd = root.clone();
    for a in args.iter().skip(1) {
        let a = a.to_string_lossy();
        if a.starts_with('-') {
            continue;
        }
        match cmd.find_subcommand(a.as_ref()) {
            Some(sub) => cmd = sub.clone(),
            None => continue,
        }
    }
    cmd
}

/// `--color always|never` as given, before (or without) the arguments being parsed.
pub fn early_color(args: &[std::ffi::OsString]) -> Option<bool> {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    args.iter().enumerate().find_map(|(i, a)| {
        let value = match a.strip_prefix("--color=") {
            Some(v) => Some(v.to_string()),
            None if a == "--color" => args.get(i + 1).cloned(),
            None => None,
        };
        match value.as_deref() {
            Some("always") => Some(true),
            Some("never") => Some(false),
            _ => None,
        }
    })
}

/// The language for help, before the arguments are parsed: `--lang`, else `$FORLOP_LANG`-free
/// default of the register's forlop.toml if one is found, else bokmål.
pub fn early_lang(args: &[std::ffi::OsString]) -> Lang {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    for (i, a) in args.iter().enumerate() {
        let value = match a.strip_prefix("--lang=") {
            Some(v) => Some(v.to_string()),
            None if a == "--lang" => args.get(i + 1).cloned(),
            None => None,
        };
        if let Some(lang) = value.as_deref().and_then(Lang::from_code) {
            return lang;
        }
    }
    let explicit = std::env::var_os("FORLOP_REGISTER").map(std::path::PathBuf::from);
    let cwd = std::env::current_dir().unwrap_or_default();
    crate::register::discover(explicit.as_deref(), &cwd)
        .ok()
        .and_then(|root| std::fs::read_to_string(root.join("forlop.toml")).ok())
        .and_then(|text| crate::parse::parse_settings("forlop.toml", &text).0.lang)
        .unwrap_or_default()
}

/// A string value of a clap error's context.
fn context_str(e: &clap::Error, kind: clap::error::ContextKind) -> Option<String> {
    use clap::error::ContextValue;
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The catalogue message of a clap usage error (its kind mapped, its context kept).
pub fn usage_error(e: &clap::Error) -> UsageError {
    use clap::error::{ContextKind as K, ErrorKind};
    let get = |k| context_str(e, k);
    let arg = get(K::InvalidArg).unwrap_or_default();
    let value = get(K::InvalidValue).unwrap_or_default();
    let source = std::error::Error::source(e).map(|s| s.to_string());
    match e.kind() {
        ErrorKind::UnknownArgument => UsageError::UnknownArgument {
            arg,
            suggestion: get(K::SuggestedArg).map(|s| s.replace(", ", "` / `")),
        },
        ErrorKind::InvalidSubcommand => UsageError::UnknownCommand {
            command: get(K::InvalidSubcommand).unwrap_or_default(),
            suggestion: get(K::SuggestedSubcommand).map(|s| s.replace(", ", "` / `")),
        },
        ErrorKind::InvalidValue if value.is_empty() => UsageError::MissingValue { arg },
        ErrorKind::InvalidValue => UsageError::InvalidValue {
            value,
            arg,
            possible: get(K::ValidValue).unwrap_or_default().replace(", ", ","),
            suggestion: get(K::SuggestedValue),
        },
        ErrorKind::ValueValidation => {
            use crate::i18n::ValueProblem;
            let typed = std::error::Error::source(e)
                .and_then(|s| s.downcast_ref::<ValueProblem>())
                .cloned();
            let detail = source.unwrap_or_default();
            let problem = match typed {
                Some(p) => p,
                None if detail.contains("digit") => return UsageError::NotANumber { value, arg },
                None => match detail.split_once(" is not in ") {
                    Some((_, range)) => ValueProblem::OutOfRange {
                        range: range.to_string(),
                    },
                    None => ValueProblem::Other { detail },
                },
            };
            if problem == ValueProblem::NotADate {
                UsageError::NotADate { value, arg }
            } else {
                UsageError::BadValue {
                    value,
                    arg,
                    problem,
                }
            }
        }
        ErrorKind::MissingRequiredArgument => UsageError::MissingArguments {
            args: get(K::InvalidArg).unwrap_or_default(),
        },
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            UsageError::MissingCommand {
                command: get(K::InvalidSubcommand).unwrap_or_else(|| "forlop".into()),
                possible: get(K::ValidSubcommand)
                    .unwrap_or_default()
                    .replace(", ", ","),
            }
        }
        ErrorKind::ArgumentConflict => {
            let other = get(K::PriorArg).unwrap_or_default();
            if other.is_empty() || other == arg {
                UsageError::Repeated { arg }
            } else {
                UsageError::Conflict { arg, other }
            }
        }
        ErrorKind::TooManyValues => UsageError::UnexpectedValue { value },
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            UsageError::WrongNumberOfValues {
                arg,
                expected: get(K::ExpectedNumValues)
                    .or_else(|| get(K::MinValues))
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(1),
            }
        }
        ErrorKind::InvalidUtf8 => UsageError::NotUtf8,
        _ => UsageError::Other {
            detail: e
                .to_string()
                .lines()
                .next()
                .unwrap_or_default()
                .trim_start_matches("error: ")
                .to_string(),
        },
    }
}

/// A usage error as forlop prints it in `lang`: the message and its hint, the usage line and
/// where to read more, all in the catalogue's words (clap's own English is never shown).
pub fn render_usage_error(
    e: &clap::Error,
    args: &[std::ffi::OsString],
    lang: Lang,
    color: bool,
) -> String {
    let msg = usage_error(e);
    let label = Word::Error.text(lang);
    let label = if color {
        format!("\x1b[1;31m{label}\x1b[0m")
    } else {
        label
    };
    let mut out = format!("forlop: {label}: {}\n", msg.text(lang));
    if let Some(h) = msg.hint(lang) {
        out.push_str(&format!("  = {}: {h}\n", Word::Hint.text(lang)));
    }
    let usage = context_str(e, clap::error::ContextKind::Usage).unwrap_or_else(|| {
        let mut named = named_command(&command(lang), args);
        named.render_usage().to_string()
    });
    // clap renders "Usage: forlop book [OPTIONS] --date <…> <CASE>"; the words are its own.
    let usage = usage
        .trim()
        .trim_start_matches("Usage:")
        .trim()
        .replace("[OPTIONS]", &t!(lang, "[VALG]", "[OPTIONS]"))
        .replace("[COMMAND]", &t!(lang, "[KOMMANDO]", "[COMMAND]"))
        .replace("<COMMAND>", &t!(lang, "<KOMMANDO>", "<COMMAND>"));
    let command: String = usage
        .split_whitespace()
        .take_while(|w| !w.starts_with(['[', '<', '-']) && !w.chars().all(char::is_uppercase))
        .collect::<Vec<_>>()
        .join(" ");
    if !usage.is_empty() {
        out.push_str(&format!("\n{} {usage}\n", usage_label(lang)));
    }
    let command = if command.is_empty() {
        "forlop".to_string()
    } else {
        command
    };
    out.push_str(&format!("{}\n", more_help(&command, lang)));
    out
}

/// Text for a roff line: backslashes escaped, a leading `.` or `'` kept literal.
fn roff_text(s: &str) -> String {
    let s = s.replace('\\', "\\e").replace('-', "\\-");
    if s.starts_with(['.', '\'']) {
        format!("\\&{s}")
    } else {
        s
    }
}

/// The sections clap_mangen does not write, the same on every page: EXIT STATUS, ENVIRONMENT,
/// FILES, and the page's EXAMPLES and SEE ALSO.
fn man_extra(command: &str, path: &[String], pages: &[String], lang: Lang) -> String {
    let mut roff = String::new();
    let section = |roff: &mut String, nb: &str, en: &str| {
        roff.push_str(&format!(".SH {}\n", t!(lang, nb, en)));
    };
    let item = |roff: &mut String, tag: &str, text: &str| {
        roff.push_str(&format!(
            ".TP\n\\fB{}\\fR\n{}\n",
            roff_text(tag),
            roff_text(text)
        ));
    };
    let examples = examples(command);
    if !examples.is_empty() {
        section(&mut roff, "EKSEMPLER", "EXAMPLES");
        for (line, nb, en) in examples {
            item(&mut roff, line, &t!(lang, *nb, *en));
        }
    }
    section(&mut roff, "AVSLUTNINGSKODE", "EXIT STATUS");
    for (code, nb, en) in [
        (
            "0",
            "alt gikk bra (check: ingen feil; advarsler er lov)",
            "success (check: no errors; warnings allowed)",
        ),
        (
            "1",
            "registeret har feil (check), eller kommandoen fikk ikke gjort jobben: intet register, ukjent sak, git feilet, en skriving ble avvist",
            "the register has errors (check), or the command could not do its work: no register, unknown case, git failed, a write refused",
        ),
        (
            "2",
            "feil bruk: ukjent flagg eller kommando, ugyldig verdi, et format kommandoen ikke skriver",
            "usage error: an unknown flag or command, a bad value, a format the command does not write",
        ),
        (
            "3",
            "--fail-on-overdue var gitt og noe er forfalt",
            "--fail-on-overdue was given and something is overdue",
        ),
    ] {
        item(&mut roff, code, &t!(lang, nb, en));
    }
    section(&mut roff, "MILJØ", "ENVIRONMENT");
    for (var, nb, en) in [
        (
            "FORLOP_REGISTER",
            "registermappa når --register ikke er gitt",
            "the register when --register is not given",
        ),
        (
            "FORLOP_TODAY",
            "dagen i dag (ÅÅÅÅ-MM-DD) når --today ikke er gitt",
            "today (YYYY-MM-DD) when --today is not given",
        ),
        (
            "NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM",
            "farge, som for --color",
            "colour, as for --color",
        ),
        (
            "TZ",
            "tidssonen for dagens dato når verken --today eller FORLOP_TODAY er gitt (bruk Europe/Oslo i cron)",
            "the time zone of today's date when neither --today nor FORLOP_TODAY is given (use Europe/Oslo in cron)",
        ),
    ] {
        item(&mut roff, var, &t!(lang, nb, en));
    }
    section(&mut roff, "FILER", "FILES");
    for (file, nb, en) in [
        (
            "forlop.toml",
            "registerets innstillinger; fila markerer registerets rot",
            "the register's settings; the file marks the register's root",
        ),
        (
            "team.toml",
            "personene: koordinatorer, leger, sykepleiere, sekretærer, eksterne",
            "the people: coordinators, doctors, nurses, secretaries, external contacts",
        ),
        (
            "pathways/*.toml",
            "lokale forløpsdefinisjoner (overstyrer et innebygd forløp med samme id)",
            "local pathway definitions (override a built-in pathway with the same id)",
        ),
        (
            "cases/**/*.toml",
            "én fil per pasientforløp",
            "one file per patient case",
        ),
    ] {
        item(&mut roff, file, &t!(lang, nb, en));
    }
    let me = if path.is_empty() {
        "forlop".to_string()
    } else {
        format!("forlop-{}", path.join("-"))
    };
    let see: Vec<String> = pages
        .iter()
        .filter(|p| **p != me)
        .filter(|p| {
            // The parent page, and this page's own subcommands.
            path.is_empty() || **p == "forlop" || p.starts_with(&format!("{me}-"))
        })
        .map(|p| format!("\\fB{}\\fR(1)", roff_text(p)))
        .collect();
    if !see.is_empty() {
        section(&mut roff, "SE OGSÅ", "SEE ALSO");
        roff.push_str(&see.join(", "));
        roff.push('\n');
    }
    roff
}

/// Every man page: `forlop.1` and one per subcommand (`forlop-record.1`,
/// `forlop-pathways-show.1`), each with its options, examples, exit status, environment and
/// files, as (file name, roff).
pub fn man_pages(lang: Lang) -> std::io::Result<Vec<(String, String)>> {
    // The `help` subcommands are a way to ask for help, not commands of their own: no pages.
    fn hide_help(cmd: Command) -> Command {
        let subs: Vec<String> = cmd
            .get_subcommands()
            .map(|s| s.get_name().to_string())
            .collect();
        subs.into_iter().fold(cmd, |cmd, sub| {
            cmd.mut_subcommand(&sub, |s| {
                if s.get_name() == "help" {
                    s.hide(true)
                } else {
                    hide_help(s)
                }
            })
        })
    }
    let mut root = hide_help(command(lang));
    root.build();
    fn walk(cmd: &Command, path: Vec<String>, out: &mut Vec<(Vec<String>, Command)>) {
        out.push((path.clone(), cmd.clone()));
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            let mut p = path.clone();
            p.push(sub.get_name().to_string());
            walk(sub, p, out);
        }
    }
    let mut all = Vec::new();
    walk(&root, Vec::new(), &mut all);
    let names: Vec<String> = all
        .iter()
        .map(|(p, _)| {
            if p.is_empty() {
                "forlop".to_string()
            } else {
                format!("forlop-{}", p.join("-"))
            }
        })
        .collect();
    let mut pages = Vec::new();
    for ((path, cmd), name) in all.into_iter().zip(&names) {
        let command_name = path.last().cloned().unwrap_or_default();
        let man = clap_mangen::Man::new(cmd.clone().display_name(name.clone()))
            .title(name.clone())
            .manual("forlop");
        let mut out = Vec::new();
        man.render_title(&mut out)?;
        man.render_name_section(&mut out)?;
        man.render_synopsis_section(&mut out)?;
        man.render_description_section(&mut out)?;
        if cmd.get_arguments().any(|a| !a.is_hide_set()) {
            man.render_options_section(&mut out)?;
        }
        if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
            man.render_subcommands_section(&mut out)?;
        }
        let mut roff = String::from_utf8_lossy(&out).into_owned();
        roff.push_str(&man_extra(&command_name, &path, &names, lang));
        if lang == Lang::Nb {
            for (en, nb) in [
                (".SH NAME", ".SH NAVN"),
                (".SH SYNOPSIS", ".SH SYNOPSIS"),
                (".SH DESCRIPTION", ".SH BESKRIVELSE"),
                (".SH OPTIONS", ".SH VALG"),
            ] {
                roff = roff.replace(&format!("{en}\n"), &format!("{nb}\n"));
            }
        }
        pages.push((format!("{name}.1"), roff));
    }
    Ok(pages)
}

/// The command line for shell completions: the same definition, with the values a shell should
/// offer where parsing takes any text — pathway ids (built-in, and the register's own when one
/// is found) for `--pathway` and `pathways show|copy`. Vocabularies (`--outcome`, `--reason`,
/// `--treatment`, `--format`, …) already carry their words in the definition.
pub fn completion_command(lang: Lang) -> Command {
    let mut ids: Vec<String> = crate::builtin::PATHWAYS
        .iter()
        .map(|(id, _)| id.to_string())
        .collect();
    let explicit = std::env::var_os("FORLOP_REGISTER").map(std::path::PathBuf::from);
    let cwd = std::env::current_dir().unwrap_or_default();
    if let Ok(root) = crate::register::discover(explicit.as_deref(), &cwd)
        && let Ok(entries) = std::fs::read_dir(root.join("pathways"))
    {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if let Some(stem) = name.strip_suffix(".toml")
                && crate::model::is_valid_id(stem)
                && !ids.iter().any(|i| i == stem)
            {
                ids.push(stem.to_string());
            }
        }
    }
    ids.sort();
    fn offer(cmd: Command, path: &str, ids: &[String]) -> Command {
        let values = || clap::builder::PossibleValuesParser::new(ids.to_vec());
        let mut cmd = cmd.mut_args(|a| {
            use clap::ValueHint;
            let pathway_id =
                a.get_id() == "pathway" || (a.get_id() == "id" && matches!(path, "show" | "copy"));
            if pathway_id {
                return a.value_parser(values());
            }
            if !a.get_action().takes_values() || !a.get_possible_values().is_empty() {
                return a;
            }
            // Paths complete as paths; every other value is text or an id, never a file name.
            match a.get_id().as_str() {
                "register" | "dir" => a.value_hint(ValueHint::DirPath),
                "output" => a.value_hint(ValueHint::FilePath),
                "paths" => a.value_hint(ValueHint::AnyPath),
                _ => a.value_hint(ValueHint::Other),
            }
        });
        let subs: Vec<String> = cmd
            .get_subcommands()
            .map(|s| s.get_name().to_string())
            .collect();
        for sub in subs {
            cmd = cmd.mut_subcommand(&sub, |s| offer(s, &sub, ids));
        }
        cmd
    }
    offer(command(lang), "", &ids)
}
