//! Usage errors: what the command-line parser (clap) finds wrong with the arguments, in the
//! user's language. Each clap error kind maps to one of these.

use super::{Lang, Noun, did_you_mean};

/// A usage error (exit 2).
#[derive(Clone, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum UsageError {
    /// An argument the command does not take (`--colour`).
    UnknownArgument {
        arg: String,
        suggestion: Option<String>,
    },
    /// A command that does not exist (`forlop stauts`).
    UnknownCommand {
        command: String,
        suggestion: Option<String>,
    },
    /// A value not among the possible ones; `possible` is a comma-separated list.
    InvalidValue {
        value: String,
        arg: String,
        possible: String,
        suggestion: Option<String>,
    },
    /// A flag given without its value.
    MissingValue { arg: String },
    /// A number that is not one (`--days abc`).
    NotANumber { value: String, arg: String },
    /// A date that is not `YYYY-MM-DD`.
    NotADate { value: String, arg: String },
    /// A value a value parser refused, with why.
    BadValue {
        value: String,
        arg: String,
        problem: ValueProblem,
    },
    /// Required arguments missing; `args` is a comma-separated list.
    MissingArguments { args: String },
    /// A command that needs a subcommand; `possible` is a comma-separated list.
    MissingCommand { command: String, possible: String },
    /// Two arguments that exclude each other.
    Conflict { arg: String, other: String },
    /// An argument given twice.
    Repeated { arg: String },
    /// A value more than the command takes.
    UnexpectedValue { value: String },
    /// Too many or too few values for an argument.
    WrongNumberOfValues { arg: String, expected: usize },
    /// An argument that is not valid UTF-8.
    NotUtf8,
    /// Anything else clap reports (its own words).
    Other { detail: String },
}

impl UsageError {
    /// The one-line message.
    pub fn text(&self, lang: Lang) -> String {
        use UsageError::*;
        match self {
            UnknownArgument { arg, .. } => t!(
                lang,
                format!("ukjent argument `{arg}`"),
                format!("unexpected argument `{arg}`")
            ),
            UnknownCommand { command, .. } => t!(
                lang,
                format!("ukjent kommando `{command}`"),
                format!("unrecognized command `{command}`")
            ),
            InvalidValue { value, arg, .. } => t!(
                lang,
                format!("ugyldig verdi `{value}` for `{arg}`"),
                format!("invalid value `{value}` for `{arg}`")
            ),
            MissingValue { arg } => t!(
                lang,
                format!("`{arg}` trenger en verdi"),
                format!("`{arg}` needs a value")
            ),
            NotANumber { value, arg } => t!(
                lang,
                format!("`{value}` er ikke et helt tall (`{arg}`)"),
                format!("`{value}` is not a whole number (`{arg}`)")
            ),
            NotADate { value, arg } => t!(
                lang,
                format!("`{value}` er ikke en dato på formen ÅÅÅÅ-MM-DD (`{arg}`)"),
                format!("`{value}` is not a date of the form YYYY-MM-DD (`{arg}`)")
            ),
            BadValue {
                value,
                arg,
                problem,
            } => {
                let why = problem.text(lang);
                t!(
                    lang,
                    format!("ugyldig verdi `{value}` for `{arg}`: {why}"),
                    format!("invalid value `{value}` for `{arg}`: {why}")
                )
            }
            MissingArguments { args } => {
                let word = Noun::Argument.word(args.split(", ").count() as i64, lang);
                t!(
                    lang,
                    format!("mangler {word}: {args}"),
                    format!("missing required {word}: {args}")
                )
            }
            MissingCommand { command, .. } => t!(
                lang,
                format!("`{command}` trenger en underkommando"),
                format!("`{command}` needs a subcommand")
            ),
            Conflict { arg, other } => t!(
                lang,
                format!("`{arg}` kan ikke brukes sammen med `{other}`"),
                format!("`{arg}` cannot be used with `{other}`")
            ),
            Repeated { arg } => t!(
                lang,
                format!("`{arg}` er gitt mer enn én gang"),
                format!("`{arg}` is given more than once")
            ),
            UnexpectedValue { value } => t!(
                lang,
                format!("uventet verdi `{value}`"),
                format!("unexpected value `{value}`")
            ),
            WrongNumberOfValues { arg, expected } => t!(
                lang,
                format!("`{arg}` tar {expected} verdier"),
                format!("`{arg}` takes {expected} values")
            ),
            NotUtf8 => t!(
                lang,
                "et argument er ikke gyldig UTF-8",
                "an argument is not valid UTF-8"
            ),
            Other { detail } => detail.clone(),
        }
    }

    /// A one-line hint, where there is one.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        use UsageError::*;
        match self {
            UnknownArgument { arg, suggestion } => did_you_mean(lang, suggestion).or_else(|| {
                arg.starts_with('-').then(|| {
                    t!(
                        lang,
                        format!("for å gi `{arg}` som verdi: skriv `-- {arg}`"),
                        format!("to pass `{arg}` as a value, write `-- {arg}`")
                    )
                })
            }),
            UnknownCommand { suggestion, .. } => did_you_mean(lang, suggestion).or_else(|| {
                Some(t!(
                    lang,
                    "`forlop --help` viser alle kommandoene",
                    "`forlop --help` lists every command"
                ))
            }),
            InvalidValue {
                possible,
                suggestion,
                ..
            } => {
                let list = possible.replace(',', ", ");
                let possible = t!(
                    lang,
                    format!("mulige verdier: {list}"),
                    format!("possible values: {list}")
                );
                Some(match did_you_mean(lang, suggestion) {
                    Some(d) => format!("{d} ({possible})"),
                    None => possible,
                })
            }
            MissingCommand { possible, .. } => {
                let list = possible.replace(',', ", ");
                Some(t!(
                    lang,
                    format!("mulige underkommandoer: {list}"),
                    format!("possible subcommands: {list}")
                ))
            }
            NotADate { .. } => Some(t!(
                lang,
                "for eksempel 2026-11-23",
                "for example 2026-11-23"
            )),
            _ => None,
        }
    }
}

/// "Bruk:" / "Usage:" before a usage line.
pub fn usage_label(lang: Lang) -> String {
    t!(lang, "Bruk:", "Usage:")
}

/// Where to read more: "Mer hjelp: forlop book --help".
pub fn more_help(command: &str, lang: Lang) -> String {
    t!(
        lang,
        format!("Mer hjelp: {command} --help"),
        format!("For more information, try `{command} --help`.")
    )
}

/// Why a value parser refused a value. Value parsers run before the language is known to them,
/// so they return this and the usage error says it in the user's language.
#[derive(Clone, Debug, Default, PartialEq, Eq, strum::EnumIter)]
pub enum ValueProblem {
    /// Not a date of the form `YYYY-MM-DD`.
    #[default]
    NotADate,
    /// A date outside the years forlop accepts.
    YearOutOfRange { min: i32, max: i32 },
    /// Not a number of days from 0 to `max`.
    NotDays { max: u32 },
    /// A number outside the range clap accepts (`0..=4294967295`).
    OutOfRange { range: String },
    /// What the parser said, in its own words (a library's message).
    Other { detail: String },
}

impl ValueProblem {
    /// The reason in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use ValueProblem::*;
        match self {
            NotADate => t!(
                lang,
                "ikke en dato på formen ÅÅÅÅ-MM-DD",
                "not a date of the form YYYY-MM-DD"
            ),
            YearOutOfRange { min, max } => t!(
                lang,
                format!("utenfor årene {min}–{max}"),
                format!("outside the years {min}–{max}")
            ),
            NotDays { max } => t!(
                lang,
                format!("ikke et antall dager fra 0 til {max}"),
                format!("not a number of days from 0 to {max}")
            ),
            OutOfRange { range } => {
                let range = range.replace("..=", "–");
                t!(
                    lang,
                    format!("utenfor det tillatte området ({range})"),
                    format!("outside the allowed range ({range})")
                )
            }
            Other { detail } => detail.clone(),
        }
    }
}

impl std::fmt::Display for ValueProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for ValueProblem {}
