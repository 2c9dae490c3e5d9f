//! The command line: one clap definition, global flags, exit codes, output.

mod agenda;
mod check;
mod due;
mod export;
mod handover;
mod help;
mod init;
mod log;
mod mdt;
mod pathways;
mod report;
mod site;
mod stats;
mod status;
mod sync;
mod write;

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::{Lang, Ui, Word};
use crate::register::{self, Register};
use crate::render::csv::Dialect;
use crate::select::Selection;

pub use help::command;

/// Output formats; each command accepts the ones that make sense.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    /// CSV for spreadsheets set to Norwegian: `;`, byte-order mark, decimal comma.
    CsvExcel,
    Markdown,
    Text,
    Html,
    /// The whole mail (RFC 5322 + MIME) for `sendmail -t`.
    Eml,
}

impl Format {
    /// The CSV dialect of a CSV format.
    pub fn dialect(self) -> Dialect {
        if self == Format::CsvExcel {
            Dialect::Excel
        } else {
            Dialect::Standard
        }
    }

    fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::CsvExcel => "csv-excel",
            Format::Markdown => "markdown",
            Format::Text => "text",
            Format::Html => "html",
            Format::Eml => "eml",
        }
    }
}

/// `--lang`: the command line's own list, mapped to [`Lang`] here at the edge (the library
/// derives no clap traits).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Norwegian bokmål.
    Nb,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Nb => Lang::Nb,
            LangArg::En => Lang::En,
        }
    }
}

/// When to colour output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// The years a date on the command line may have: what a register can hold (TOML dates have four
/// digits), so reports and calendars never count past what dates can represent.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=9999;

/// The longest span `agenda --days` and `export ics --days` list, in days (ten years).
pub const MAX_DAYS: u32 = 3660;

pub(crate) fn parse_date(s: &str) -> Result<NaiveDate, crate::i18n::ValueProblem> {
    use crate::i18n::ValueProblem;
    use chrono::Datelike;
    let date = NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| ValueProblem::NotADate)?;
    if !YEARS.contains(&date.year()) || !s.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        return Err(ValueProblem::YearOutOfRange {
            min: *YEARS.start(),
            max: *YEARS.end(),
        });
    }
    Ok(date)
}

/// `--days` for listings that build one entry per day: 0 to [`MAX_DAYS`].
pub(crate) fn parse_days(s: &str) -> Result<u32, crate::i18n::ValueProblem> {
    match s.parse::<u32>() {
        Ok(n) if n <= MAX_DAYS => Ok(n),
        _ => Err(crate::i18n::ValueProblem::NotDays { max: MAX_DAYS }),
    }
}

/// Flags every command takes, before or after the subcommand.
#[derive(Args, Debug, Clone)]
pub struct GlobalArgs {
    /// The register directory (default: $FORLOP_REGISTER, else the nearest parent with forlop.toml)
    #[arg(long, global = true, env = "FORLOP_REGISTER", value_name = "DIR")]
    pub register: Option<PathBuf>,
    /// Show the register as it stood on this date (default: $FORLOP_TODAY, else today)
    #[arg(long, global = true, env = "FORLOP_TODAY", value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
    /// Output format
    #[arg(long, global = true, value_enum)]
    pub format: Option<Format>,
    /// Only cases of this coordinator (a team.toml id; `me`: the one with your git email)
    #[arg(long, global = true, value_name = "ID")]
    pub coordinator: Option<String>,
    /// Only cases of this pathway
    #[arg(long, global = true, value_name = "ID")]
    pub pathway: Option<String>,
    /// Print only errors and the requested output
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Language of every user-facing word (default: forlop.toml `lang`, else nb)
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always or never
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Show patient names and national ID numbers despite `[report] redact`
    #[arg(long, global = true)]
    pub show_identity: bool,
}

/// forlop — the register of cancer patient pathways for pathway coordinators.
#[derive(Parser, Debug)]
#[command(name = "forlop", version, about, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Validate pathways, team, settings and cases; every problem with file:line:col
    Check(check::CheckArgs),
    /// List every pathway, or show one
    Pathways(pathways::PathwaysArgs),
    /// Open cases: pathway, coordinator, last milestone, next deadline; one case in detail
    Status(status::StatusArgs),
    /// Open deadlines (standard times and tasks) due within N days, overdue included
    Due(due::DueArgs),
    /// Overdue standard times and tasks only
    Overdue,
    /// Day by day from today: appointments, MDT meetings, deadlines, tasks; overdue first
    Agenda(agenda::AgendaArgs),
    /// The list for an MDT meeting: cases booked, where they stand, the question
    Mdt(mdt::MdtArgs),
    /// A Markdown handover of cases, or of all of one coordinator's open cases
    Handover(handover::HandoverArgs),
    /// Share of patients within the standard times, median and 90th percentile, against the target
    Stats(stats::StatsArgs),
    /// The morning report for cron: overdue, due soon, today, yesterday's events, compliance
    Report(report::ReportArgs),
    /// A static site: the board, one page per followed case with its timeline, report, statistics
    Site(site::SiteArgs),
    /// Export appointments, MDT meetings and deadlines (iCalendar)
    Export(export::ExportArgs),
    /// Create a case file with its referral (cases/<year>/<id>.toml)
    New(write::NewArgs),
    /// Record a milestone reached (an NPR-coded event)
    Record(write::RecordArgs),
    /// Book an appointment, or an MDT meeting with --mdt
    Book(write::BookArgs),
    /// Mark a task done, or add an ad-hoc task with --name and --due
    Task(write::TaskArgs),
    /// Add a note
    Note(write::NoteArgs),
    /// Document why a standard time was exceeded (avvik)
    Deviation(write::DeviationArgs),
    /// Record that the case moved to another hospital
    Transfer(write::TransferArgs),
    /// Close the pathway
    Close(write::CloseArgs),
    /// Change a case field: coordinator, doctor, treatment, gp, individual-plan, consent
    Set(write::SetArgs),
    /// Reopen a closed case (removes [closed]; git keeps the history)
    Reopen(write::ReopenArgs),
    /// The case's history from git: who changed what, when
    Log(log::LogArgs),
    /// Create a register and commit it, or set up a clone: pre-commit hook, merge driver
    Init(init::InitArgs),
    /// Git hooks
    Hook(init::HookArgs),
    /// Pull the team's work (merge, never rebase), check, and push yours
    Sync(sync::SyncArgs),
    /// The merge driver git runs for case files (set up by `forlop init`)
    #[command(hide = true)]
    MergeDriver(sync::MergeDriverArgs),
    /// Shell completions (bash, zsh, fish, elvish, powershell)
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The man pages (roff): forlop(1) on standard output, or every page written to a folder
    Man {
        /// Write every page (forlop.1, forlop-record.1, …) to this folder instead
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// A command failure with its exit code: 1 could not do the work, 2 usage.
#[derive(Debug)]
pub struct Failure {
    pub ui: Ui,
    pub code: u8,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.ui)
    }
}

impl std::error::Error for Failure {}

impl Failure {
    /// The command could not do its work (exit 1).
    pub fn work(ui: Ui) -> anyhow::Error {
        Failure { ui, code: 1 }.into()
    }
    /// A git failure: git missing, or git's own message (exit 1).
    pub fn git(e: crate::git::GitError) -> anyhow::Error {
        match e {
            crate::git::GitError::Missing => Failure::work(Ui::GitMissing),
            crate::git::GitError::Failed(detail) => Failure::work(git_ui(detail)),
        }
    }
    /// A usage error (exit 2).
    pub fn usage(ui: Ui) -> anyhow::Error {
        Failure { ui, code: 2 }.into()
    }
}

/// What git's failure message means: a refused repository or file says so, with its path and
/// the fix; anything else is shown as git said it.
pub fn git_ui(detail: String) -> Ui {
    use crate::i18n::TeamUi;
    match crate::git::path_in_message(&detail) {
        Some(path) if crate::git::is_dubious(&detail) => {
            Ui::Team(TeamUi::DubiousOwnership { path })
        }
        Some(path) if detail.contains("Permission denied") => {
            Ui::Team(TeamUi::PermissionDenied { path })
        }
        _ => Ui::Git { detail },
    }
}

/// The language of notices given from inside the engine (the lock wait): the command's language.
static NOTICE_IN_ENGLISH: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// What every command gets: the global flags resolved.
pub struct Ctx {
    pub global: GlobalArgs,
    pub lang: Lang,
    pub today: NaiveDate,
    /// Colour on stderr (diagnostics, messages).
    pub color: bool,
    /// Colour on stdout (tables).
    pub color_out: bool,
}

impl Ctx {
    fn new(global: GlobalArgs) -> Self {
        let today = global
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        // anstream decides as the shell conventions say: NO_COLOR, CLICOLOR=0 and TERM=dumb
        // turn colour off, CLICOLOR_FORCE=1 on, else a terminal gets colour; --color wins.
        let decide = |auto: anstream::ColorChoice| match global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => auto == anstream::ColorChoice::Always,
        };
        let color = decide(anstream::AutoStream::choice(&io::stderr()));
        STDERR_COLOUR.store(color, std::sync::atomic::Ordering::Relaxed);
        let color_out = decide(anstream::AutoStream::choice(&io::stdout()));
        let english = global.lang == Some(LangArg::En);
        NOTICE_IN_ENGLISH.store(english, std::sync::atomic::Ordering::Relaxed);
        Ctx {
            lang: global.lang.map(Lang::from).unwrap_or_default(),
            today,
            color,
            color_out,
            global,
        }
    }

    /// The language follows forlop.toml unless `--lang` was given.
    fn adopt_lang(&mut self, settings: &crate::model::Settings) {
        if self.global.lang.is_none()
            && let Some(lang) = settings.lang
        {
            self.lang = lang;
            let english = lang == Lang::En;
            NOTICE_IN_ENGLISH.store(english, std::sync::atomic::Ordering::Relaxed);
        }
    }

    /// Finds the register and loads what one case is checked against (settings, team,
    /// pathways; not the cases), adopting forlop.toml's language.
    pub fn context(&mut self) -> anyhow::Result<(PathBuf, register::Context)> {
        let root = self.root()?;
        let context = register::load_context(&root);
        self.adopt_lang(&context.settings);
        self.resolve_me(&root, context.team.as_ref())?;
        Ok((root, context))
    }

    /// `--coordinator me`: the team person whose `email` is git's user.email (the author
    /// identity git would use, so GIT_AUTHOR_EMAIL counts too).
    fn resolve_me(
        &mut self,
        root: &std::path::Path,
        team: Option<&crate::model::Team>,
    ) -> anyhow::Result<()> {
        if self.global.coordinator.as_deref() != Some("me") {
            return Ok(());
        }
        let email = crate::git::user_email(root).unwrap_or_default();
        match team.and_then(|t| t.by_email(&email)) {
            Some(p) => {
                self.global.coordinator = Some(p.id.value.clone());
                Ok(())
            }
            None => Err(Failure::work(Ui::Team(crate::i18n::TeamUi::NoSuchMe {
                email: if email.is_empty() {
                    "—".into()
                } else {
                    email
                },
            }))),
        }
    }

    /// Finds the register's root directory.
    pub fn root(&self) -> anyhow::Result<PathBuf> {
        let cwd = std::env::current_dir().map_err(|e| {
            Failure::work(Ui::Io {
                detail: e.to_string(),
            })
        })?;
        register::discover(self.global.register.as_deref(), &cwd).map_err(Failure::work)
    }

    /// Finds and loads the register; the language follows forlop.toml unless `--lang` was given.
    ///
    /// The register lives until the process ends, a moment after the output is written: it is
    /// left to the OS rather than freed one parsed case at a time (100,000 cases take a
    /// noticeable share of a command's time to drop).
    pub fn load(&mut self) -> anyhow::Result<&'static Register> {
        self.load_scoped(register::Scope::All, true)
    }

    /// Like [`Ctx::load`], keeping only the cases `scope` admits, and the cases' warnings only
    /// when `warnings` (errors are complete either way).
    fn load_scoped(
        &mut self,
        scope: register::Scope,
        warnings: bool,
    ) -> anyhow::Result<&'static Register> {
        let cwd = std::env::current_dir().map_err(|e| {
            Failure::work(Ui::Io {
                detail: e.to_string(),
            })
        })?;
        let root =
            register::discover(self.global.register.as_deref(), &cwd).map_err(Failure::work)?;
        let reg = if warnings {
            register::load_scoped(&root, self.today, scope)
        } else {
            register::load_view(&root, self.today, scope)
        };
        let reg: &'static Register = Box::leak(Box::new(reg));
        self.adopt_lang(&reg.settings);
        self.resolve_me(&root, reg.team.as_ref())?;
        Ok(reg)
    }

    /// Like [`Ctx::load`], and says on stderr when the register has errors (commands other
    /// than `check` still work on what could be read).
    /// An unreadable `cases/` is an error (exit 1): no listing may say "0 cases".
    pub fn load_for_view(&mut self, scope: register::Scope) -> anyhow::Result<&'static Register> {
        let reg = self.load_scoped(scope, false)?;
        if let Some(msg) = &reg.cases_unreadable {
            return Err(Failure::work(Ui::CasesUnreadable {
                detail: msg.text(self.lang),
            }));
        }
        let errors = reg.error_count();
        if errors > 0 && !self.global.quiet {
            self.warn(&Ui::RegisterHasErrors { errors });
        }
        Ok(reg)
    }

    /// The selection (global filters, redaction) for `reg`, its coordinator, pathway and the
    /// named `cases` checked to exist (exit 1 with a hint otherwise).
    pub fn select(&self, reg: &Register, cases: &[String]) -> anyhow::Result<Selection> {
        let selection = self.selection(reg.settings.redact);
        selection.validate(reg, cases).map_err(Failure::work)?;
        Ok(selection)
    }

    /// The selection without checking it against a register (`redact_setting`: forlop.toml's).
    pub fn selection(&self, redact_setting: bool) -> Selection {
        Selection::new(
            self.global.coordinator.as_deref(),
            self.global.pathway.as_deref(),
            redact_setting,
            self.global.show_identity,
        )
    }

    /// The width tables are fitted to: the terminal's, when standard output is one.
    pub fn table_width(&self) -> Option<usize> {
        crate::render::table::terminal_width()
    }

    /// The format asked for, checked against what the command can write (exit 2 otherwise).
    /// A command that writes CSV also writes the spreadsheet dialect.
    pub fn format(&self, command: &str, allowed: &[Format]) -> anyhow::Result<Format> {
        let f = self.global.format.unwrap_or(allowed[0]);
        if allowed.contains(&f) || (f == Format::CsvExcel && allowed.contains(&Format::Csv)) {
            return Ok(f);
        }
        let allowed = allowed
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join(",");
        Err(Failure::usage(Ui::FormatNotSupported {
            format: f.name().into(),
            command: command.into(),
            allowed,
        }))
    }

    /// Names every file the output could not fully use on stderr, also with `--quiet`: for
    /// outputs whose shape is a bare array or a file format (SPEC §3), which have no body to
    /// say it in.
    pub fn problems_to_stderr(&self, reg: &Register) {
        for p in &reg.problems {
            self.warn(&Ui::FileProblem {
                place: p.place(),
                message: p.msg.text(self.lang),
            });
        }
    }

    /// Prints a warning line on stderr.
    pub fn warn(&self, ui: &Ui) {
        to_stderr(&render_ui(ui, Word::Warning, self.lang, self.color));
    }
}

fn render_ui(ui: &Ui, word: Word, lang: Lang, color: bool) -> String {
    let label = if color {
        let style = if word == Word::Error {
            "\x1b[1;31m"
        } else {
            "\x1b[1;33m"
        };
        format!("{style}{}\x1b[0m", word.text(lang))
    } else {
        word.text(lang)
    };
    // The message and its hint quote keys, values and file names from the register: a line feed
    // in one must not start a line that reads as forlop's own (a fake `forlop: feil:`), so each
    // is shown on one line; the messages that carry another program's lines (git's, `sync`'s
    // list of conflicts, itself escaped line by line) keep them. Every other control character
    // is escaped on the way out ([`to_stderr`]).
    let text = ui.text(lang);
    let text = if keeps_lines(ui) {
        Cow::Borrowed(text.as_str())
    } else {
        crate::terminal::escape_line(&text)
    };
    let mut s = format!("forlop: {label}: {text}\n");
    if let Some(h) = ui.hint(lang) {
        let h = crate::terminal::escape_line(&h);
        s.push_str(&format!("  = {}: {h}\n", Word::Hint.text(lang)));
    }
    s
}

/// Whether `ui`'s message is made of lines: git's own message (a hook's output among them),
/// or `sync`'s list of conflicted cases, one to a line.
fn keeps_lines(ui: &Ui) -> bool {
    use crate::i18n::TeamUi;
    matches!(
        ui,
        Ui::Git { .. }
            | Ui::Team(
                TeamUi::SyncConflicts { .. }
                    | TeamUi::CommitFailed { .. }
                    | TeamUi::PushRejected { .. }
                    | TeamUi::InitNotCommitted { .. }
            )
    )
}

/// Writes the command's output to stdout; a closed pipe is not an error (the caller ends
/// quietly), but a closed stdout is: Rust's standard library would report success for output
/// that went nowhere (`forlop report >&-` from cron).
pub fn emit(text: &str) -> io::Result<()> {
    emit_in(text, crate::terminal::Style::Human)
}

/// [`emit`] for a JSON document: an unsafe character in it is written as a JSON escape
/// (`\u202e`), so the document stays valid JSON and reads as the same values.
pub fn emit_json(text: &str) -> io::Result<()> {
    emit_in(text, crate::terminal::Style::Json)
}

/// [`emit_json`] for a JSON document, else [`emit`]: a command's output held whole in `format`.
pub fn emit_for(format: Format, text: &str) -> io::Result<()> {
    match format {
        Format::Json => emit_json(text),
        _ => emit(text),
    }
}

fn emit_in(text: &str, style: crate::terminal::Style) -> io::Result<()> {
    stdout_open()?;
    // No control character from the register's files reaches a terminal raw (SPEC §3); the
    // text handed here carries no colour of its own.
    let text = crate::terminal::escape_output_in(text, style);
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// An error (EBADF) when the process started with standard output closed, so output written to
/// it is not reported as a success.
pub fn stdout_open() -> io::Result<()> {
    if STDOUT_CLOSED.load(std::sync::atomic::Ordering::Relaxed) {
        #[cfg(unix)]
        return Err(io::Error::from_raw_os_error(libc::EBADF));
    }
    Ok(())
}

/// Whether the process started with standard output closed.
static STDOUT_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Notes whether the process started with standard output closed (`forlop report >&-` from
/// cron): Rust's runtime then puts /dev/null, opened read-write, on the descriptor before `main`,
/// so output would vanish with exit 0. A shell's `>/dev/null` opens it write-only and stays a
/// way to discard output on purpose.
fn note_closed_stdout() {
    #[cfg(unix)]
    // SAFETY: fcntl and fstat only ask about descriptor 1, into a zeroed stat buffer.
    unsafe {
        let flags = libc::fcntl(1, libc::F_GETFL);
        let closed = if flags == -1 {
            true
        } else {
            let mut st: libc::stat = std::mem::zeroed();
            libc::fstat(1, &mut st) == 0
                && (st.st_mode & libc::S_IFMT) == libc::S_IFCHR
                && st.st_rdev == libc::makedev(1, 3)
                && (flags & libc::O_ACCMODE) == libc::O_RDWR
        };
        if closed {
            STDOUT_CLOSED.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }
}

/// Whether forlop's own colour codes may reach stderr (colour on there).
static STDERR_COLOUR: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Standard error as every message reaches it: no control character from the register's files
/// (or from git, or from the command line) reaches the terminal raw (SPEC §3). Line feeds and
/// tabs pass, and forlop's own colour codes when colour is on; every other control character is
/// written escaped (`\u{1b}`), a CR too. The one way to stderr: [`to_stderr`] and `check`'s
/// diagnostics write through it. [`crate::terminal::EscapeWriter::finish`] flushes it.
pub fn stderr() -> crate::terminal::EscapeWriter<io::BufWriter<io::StderrLock<'static>>> {
    let colour = STDERR_COLOUR.load(std::sync::atomic::Ordering::Relaxed);
    crate::terminal::EscapeWriter::stderr(
        io::BufWriter::with_capacity(64 * 1024, io::stderr().lock()),
        colour,
    )
}

/// Writes to stderr, through [`stderr`]; a closed or broken stderr is no reason to fail (or
/// panic, as `eprint!` would).
pub fn to_stderr(text: &str) {
    let mut err = stderr();
    let _ = err.write_all(text.as_bytes());
    let _ = err.finish();
}

/// Writes one line of forlop's own on stderr (a confirmation): a line feed in a value it quotes
/// from the register is escaped too, so it cannot start a line that reads as forlop's.
pub fn say(line: &str) {
    to_stderr(&format!("{}\n", crate::terminal::escape_line(line)));
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// `forlop man`: the main page on stdout, or every page written to `dir`.
fn man(ctx: &Ctx, dir: Option<PathBuf>) -> anyhow::Result<u8> {
    let pages = help::man_pages(ctx.lang)?;
    let Some(dir) = dir else {
        emit(&pages[0].1)?;
        return Ok(0);
    };
    let io = |e: std::io::Error| {
        Failure::work(Ui::Io {
            detail: format!("{}: {e}", dir.display()),
        })
    };
    std::fs::create_dir_all(&dir).map_err(io)?;
    for (name, roff) in &pages {
        std::fs::write(dir.join(name), roff).map_err(io)?;
    }
    Ok(0)
}

/// Runs the command line and gives the process exit code.
pub fn run() -> ExitCode {
    use clap::FromArgMatches;
    note_closed_stdout();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = help::early_lang(&args);
    // The plain definition parses exactly as the translated one; only help and errors need the
    // translation, which costs a few milliseconds to build, so it is built only for them.
    let parsed = Cli::try_parse_from(&args).or_else(|_| {
        help::command(lang)
            .try_get_matches_from(&args)
            .and_then(|m| Cli::from_arg_matches(&m))
    });
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let code = e.exit_code();
            use clap::error::ErrorKind;
            let shown_as_is = matches!(
                e.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            );
            if shown_as_is || lang == Lang::En {
                // Help and version are already in the user's language; English errors are
                // clap's own.
                if let Err(io) = e.print()
                    && io.kind() == io::ErrorKind::BrokenPipe
                {
                    return ExitCode::SUCCESS;
                }
            } else {
                // The arguments did not parse: `--color` is read from them as it stands, else
                // anstream decides as for every other message.
                let color = help::early_color(&args).unwrap_or_else(|| {
                    anstream::AutoStream::choice(&io::stderr()) == anstream::ColorChoice::Always
                });
                STDERR_COLOUR.store(color, std::sync::atomic::Ordering::Relaxed);
                to_stderr(&help::render_usage_error(&e, &args, lang, color));
            }
            return ExitCode::from(code as u8);
        }
    };
    let mut ctx = Ctx::new(cli.global);
    // A writer waiting for another's lock says so (once, after a second).
    crate::edit::on_lock_wait(|| {
        let lang = if NOTICE_IN_ENGLISH.load(std::sync::atomic::Ordering::Relaxed) {
            Lang::En
        } else {
            Lang::Nb
        };
        to_stderr(&render_ui(&Ui::WaitingForLock, Word::Warning, lang, false));
    });
    let Some(command) = cli.command else {
        let lang = ctx.global.lang.map(Lang::from).unwrap_or(lang);
        // A closed pipe is no error here either.
        let _ = emit(&help::overview(lang));
        return ExitCode::SUCCESS;
    };
    let result = match command {
        Command::Check(args) => check::run(&mut ctx, args),
        Command::Pathways(args) => pathways::run(&mut ctx, args),
        Command::Status(args) => status::run(&mut ctx, args),
        Command::Due(args) => due::run(&mut ctx, args.days, false),
        Command::Overdue => due::run(&mut ctx, None, true),
        Command::Agenda(args) => agenda::run(&mut ctx, args),
        Command::Mdt(args) => mdt::run(&mut ctx, args),
        Command::Handover(args) => handover::run(&mut ctx, args),
        Command::Stats(args) => stats::run(&mut ctx, args),
        Command::Report(args) => report::run(&mut ctx, args),
        Command::Site(args) => site::run(&mut ctx, args),
        Command::Export(args) => export::run(&mut ctx, args),
        Command::New(args) => write::new(&mut ctx, args),
        Command::Record(args) => write::record(&mut ctx, args),
        Command::Book(args) => write::book(&mut ctx, args),
        Command::Task(args) => write::task(&mut ctx, args),
        Command::Note(args) => write::note(&mut ctx, args),
        Command::Deviation(args) => write::deviation(&mut ctx, args),
        Command::Transfer(args) => write::transfer(&mut ctx, args),
        Command::Close(args) => write::close(&mut ctx, args),
        Command::Set(args) => write::set(&mut ctx, args),
        Command::Reopen(args) => write::reopen(&mut ctx, args),
        Command::Log(args) => log::run(&mut ctx, args),
        Command::Init(args) => init::init(&mut ctx, args),
        Command::Hook(args) => init::hook(&mut ctx, args),
        Command::Sync(args) => sync::sync(&mut ctx, args),
        Command::MergeDriver(args) => sync::merge_driver(&mut ctx, args),
        Command::Completions { shell } => {
            let mut cmd = help::completion_command(ctx.lang);
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut cmd, "forlop", &mut out);
            emit(&String::from_utf8_lossy(&out))
                .map(|()| 0)
                .map_err(Into::into)
        }
        Command::Man { dir } => man(&ctx, dir),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            #[cfg(unix)]
            let closed = e.chain().any(|c| {
                c.downcast_ref::<io::Error>()
                    .is_some_and(|io| io.raw_os_error() == Some(libc::EBADF))
            });
            #[cfg(not(unix))]
            let closed = false;
            let (ui, code) = match e.downcast::<Failure>() {
                Ok(f) => (f.ui, f.code),
                Err(_) if closed => (Ui::StdoutClosed, 1),
                Err(e) => (
                    Ui::Io {
                        detail: format!("{e:#}"),
                    },
                    1,
                ),
            };
            to_stderr(&render_ui(&ui, Word::Error, ctx.lang, ctx.color));
            ExitCode::from(code)
        }
    }
}
