//! Messages of the command line itself: errors, confirmations, summaries.

use super::{Lang, Noun, TeamUi, count, did_you_mean, one_of};

/// Messages of the command line itself (not tied to a file position).
#[derive(Clone, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum Ui {
    NoRegister {
        dir: String,
    },
    NoSuchRegister {
        dir: String,
    },
    NotARegister {
        dir: String,
    },
    FormatNotSupported {
        format: String,
        command: String,
        allowed: String,
    },
    PathNotFound {
        path: String,
    },
    PathOutsideRegister {
        path: String,
    },
    UnknownCase {
        id: String,
        suggestion: Option<String>,
    },
    UnknownPathway {
        id: String,
        suggestion: Option<String>,
    },
    UnknownCoordinator {
        id: String,
        suggestion: Option<String>,
    },
    RegisterHasErrors {
        errors: usize,
    },
    /// `report --output` inside the register.
    OutputInsideRegister {
        path: String,
    },
    /// `pathways show ID` on a register pathway file that could not be used.
    PathwayFileHasErrors {
        id: String,
        place: String,
        message: String,
    },
    /// `close` on a closed case without `--replace`.
    AlreadyClosed {
        date: String,
    },
    /// `transfer` on a transferred case without `--replace`.
    AlreadyTransferred {
        date: String,
    },
    /// `cases/` exists but cannot be read: no listing can be made.
    CasesUnreadable {
        detail: String,
    },
    /// A file a listing could not fully use (stderr, for outputs shaped as a bare array or file).
    FileProblem {
        place: String,
        message: String,
    },
    /// `status ID` on a case whose file has errors that keep it from being read as a case.
    CaseFileHasErrors {
        id: String,
        place: String,
        message: String,
    },
    CheckSummary {
        errors: usize,
        warnings: usize,
        files: usize,
    },
    CheckClean {
        files: usize,
    },
    HandoverNeedsCases,
    CaseExists {
        file: String,
    },
    /// Standard output is closed: the output would go nowhere.
    StdoutClosed,
    /// Another write holds the register's lock.
    WaitingForLock,
    /// A write would go through a symbolic link (a folder link included).
    ThroughLink {
        path: String,
    },
    /// The lock file is not a plain file (a link, a FIFO).
    BadLockFile {
        path: String,
    },
    /// The case file cannot be read as TOML; nothing was written.
    CaseUnusable,
    BadCaseId {
        id: String,
    },
    WouldBreak,
    Uncommitted {
        file: String,
    },
    NotARepo,
    GitMissing,
    Git {
        detail: String,
    },
    RegisterExists {
        dir: String,
    },
    RegisterCreated {
        dir: String,
    },
    HookInstalled {
        path: String,
    },
    HookExists {
        path: String,
    },
    StagedClean {
        files: usize,
    },
    FileExists {
        file: String,
    },
    PathwayCopied {
        file: String,
    },
    Io {
        detail: String,
    },
    /// Team work through git: init in a clone, merge driver, sync, shared working copies.
    Team(TeamUi),
    /// `report --format eml` without a sender or recipients.
    MailAddressMissing {
        /// The flag that gives it: `--from` or `--to`.
        flag: String,
        /// The forlop.toml key that gives it: `mail_from` or `mail_to`.
        key: String,
    },
    /// A mail address that cannot go into a header as it is.
    BadMailAddress {
        address: String,
    },
    /// A booking or task on a closed case.
    CaseClosed {
        case: String,
        date: String,
    },
    /// `reopen` on a case that is not closed.
    NotClosed {
        case: String,
    },
    /// `book --cancel` on a day with nothing booked.
    NothingBooked {
        case: String,
        date: String,
    },
    /// `record --amend` of a milestone that is not recorded.
    NotRecorded {
        case: String,
        milestone: String,
    },
    /// `set` with a value the field does not take.
    BadFieldValue {
        field: String,
        value: String,
        allowed: String,
        suggestion: Option<String>,
    },
    /// An ad-hoc task written with a due date already past.
    TaskAlreadyOverdue {
        id: String,
        due: String,
    },
    /// After a transfer: call the receiving coordinator.
    CallReceiving {
        case: String,
        contact: String,
    },
    /// The report's "recorded" section goes by the events' own dates: the register is not the
    /// top folder of its own git work tree (SPEC §2).
    RecordedByOwnDates,
    /// The report's "recorded" section goes by the events' own dates because git could not be
    /// read; git's reason in one line (`None`: git is not installed).
    RecordedGitFailed {
        reason: Option<String>,
    },
    /// A message of `forlop site`.
    Site(super::SiteUi),
}

impl Ui {
    /// The one-line message.
    pub fn text(&self, lang: Lang) -> String {
        use Ui::*;
        match self {
            CaseClosed { case, date } => t!(
                lang,
                format!(
                    "{case} er avsluttet ({date}): bookinger og oppgaver skrives ikke på en avsluttet sak"
                ),
                format!(
                    "{case} is closed ({date}): bookings and tasks are not added to a closed case"
                )
            ),
            NotClosed { case } => t!(
                lang,
                format!("{case} er ikke avsluttet, så det er ingenting å gjenåpne"),
                format!("{case} is not closed, so there is nothing to reopen")
            ),
            NothingBooked { case, date } => t!(
                lang,
                format!("{case} har ingenting booket {date}, så det er ingenting å avlyse"),
                format!("{case} has nothing booked on {date}, so there is nothing to cancel")
            ),
            NotRecorded { case, milestone } => t!(
                lang,
                format!("{case} har ingen `{milestone}` registrert, så det er ingenting å rette"),
                format!("{case} has no `{milestone}` recorded, so there is nothing to correct")
            ),
            BadFieldValue {
                field,
                value,
                allowed,
                ..
            } => t!(
                lang,
                format!(
                    "`{value}` er ikke en verdi for `{field}`; gyldige verdier er {}",
                    one_of(lang, allowed)
                ),
                format!(
                    "`{value}` is not a value of `{field}`; it takes {}",
                    one_of(lang, allowed)
                )
            ),
            TaskAlreadyOverdue { id, due } => t!(
                lang,
                format!(
                    "oppgaven `{id}` har frist {due}, som allerede er passert: den står som forfalt"
                ),
                format!(
                    "the task `{id}` is due {due}, which has already passed: it shows as overdue"
                )
            ),
            CallReceiving { contact, .. } => t!(
                lang,
                format!("ring mottakende koordinator så snart som mulig: {contact}"),
                format!("call the receiving coordinator as soon as possible: {contact}")
            ),
            NoRegister { dir } => t!(
                lang,
                format!("fant ikke noe register (forlop.toml) i {dir} eller mappene over"),
                format!("no register (forlop.toml) found in {dir} or its parents")
            ),
            NoSuchRegister { dir } => t!(
                lang,
                format!("registermappa {dir} finnes ikke"),
                format!("the register directory {dir} does not exist")
            ),
            NotARegister { dir } => t!(
                lang,
                format!("{dir} er ikke et register: der er ingen forlop.toml"),
                format!("{dir} is not a register: it has no forlop.toml")
            ),
            FormatNotSupported {
                format, command, ..
            } => t!(
                lang,
                format!("`forlop {command}` kan ikke skrive formatet `{format}`"),
                format!("`forlop {command}` cannot write the `{format}` format")
            ),
            PathNotFound { path } => t!(
                lang,
                format!("{path} finnes ikke"),
                format!("{path} does not exist")
            ),
            PathOutsideRegister { path } => t!(
                lang,
                format!("{path} ligger utenfor registeret"),
                format!("{path} is outside the register")
            ),
            UnknownCase { id, .. } => t!(
                lang,
                format!("fant ingen sak `{id}`"),
                format!("no case `{id}`")
            ),
            UnknownPathway { id, .. } => t!(
                lang,
                format!("ukjent pakkeforløp `{id}`"),
                format!("unknown pathway `{id}`")
            ),
            UnknownCoordinator { id, .. } => t!(
                lang,
                format!("ukjent koordinator `{id}`"),
                format!("unknown coordinator `{id}`")
            ),
            RegisterHasErrors { errors } => {
                let errors = count(*errors, Noun::Error, lang);
                t!(
                    lang,
                    format!("registeret har {errors}; utskriften nevner filene med feil"),
                    format!("the register has {errors}; the output names the files with errors")
                )
            }
            OutputInsideRegister { path } => t!(
                lang,
                format!("skriver ikke rapporten inne i registeret: {path}"),
                format!("will not write the report inside the register: {path}")
            ),
            PathwayFileHasErrors { id, place, message } => t!(
                lang,
                format!("forløpsfila for `{id}` har feil og kan ikke brukes: {place}: {message}"),
                format!(
                    "the pathway file of `{id}` has errors and cannot be used: {place}: {message}"
                )
            ),
            AlreadyClosed { date } => t!(
                lang,
                format!("saken er allerede avsluttet ({date}); ingenting er endret"),
                format!("the case is already closed ({date}); nothing was changed")
            ),
            AlreadyTransferred { date } => t!(
                lang,
                format!("saken er allerede overført ({date}); ingenting er endret"),
                format!("the case is already transferred ({date}); nothing was changed")
            ),
            CasesUnreadable { detail } => t!(
                lang,
                format!("kan ikke lese `cases/`: {detail}; uten sakene kan ingen liste lages"),
                format!("cannot read `cases/`: {detail}; no listing can be made without the cases")
            ),
            FileProblem { place, message } => t!(
                lang,
                format!("{place}: {message} (fila er ikke fullt brukt)"),
                format!("{place}: {message} (the file is not fully used)")
            ),
            CaseFileHasErrors { id, place, message } => t!(
                lang,
                format!(
                    "saksfila til `{id}` har feil og kan ikke leses som sak: {place}: {message}"
                ),
                format!(
                    "the case file of `{id}` has errors and cannot be read as a case: {place}: {message}"
                )
            ),
            CheckSummary {
                errors,
                warnings,
                files,
            } => {
                let errors = count(*errors, Noun::Error, lang);
                let warnings = count(*warnings, Noun::Warning, lang);
                let files = count(*files, Noun::File, lang);
                t!(
                    lang,
                    format!("{errors} og {warnings} i {files}"),
                    format!("{errors} and {warnings} in {files}")
                )
            }
            CheckClean { files } => {
                let files = count(*files, Noun::File, lang);
                t!(
                    lang,
                    format!("{files} sjekket: ingen feil"),
                    format!("{files} checked: no problems")
                )
            }
            HandoverNeedsCases => t!(
                lang,
                "`forlop handover` trenger saker eller `--coordinator`",
                "`forlop handover` needs cases or `--coordinator`"
            ),
            CaseExists { file } => t!(
                lang,
                format!("saken finnes allerede: {file}"),
                format!("the case already exists: {file}")
            ),
            StdoutClosed => t!(
                lang,
                "standard ut er lukket: utdataene ville gått tapt",
                "standard output is closed: the output would be lost"
            ),
            WaitingForLock => t!(
                lang,
                "venter på en annen skriving i registeret (.forlop.lock) …",
                "waiting for another write to the register (.forlop.lock) …"
            ),
            ThroughLink { path } => t!(
                lang,
                format!("{path} er en symbolsk lenke: forlop skriver aldri gjennom en lenke"),
                format!("{path} is a symbolic link: forlop never writes through a link")
            ),
            CaseUnusable => t!(
                lang,
                "endringen er ikke skrevet: saksfila kan ikke leses (feilene over)",
                "nothing was written: the case file cannot be read (the errors above)"
            ),
            BadLockFile { path } => t!(
                lang,
                format!("låsefilen {path} er ikke en vanlig fil (en lenke eller en FIFO?)"),
                format!("the lock file {path} is not a plain file (a link or a FIFO?)")
            ),
            BadCaseId { id } => t!(
                lang,
                format!("ugyldig saks-id `{id}`: bare små bokstaver a–z, sifre og bindestrek"),
                format!("invalid case id `{id}`: only lowercase a–z, digits and hyphens")
            ),
            WouldBreak => t!(
                lang,
                "endringen er ikke skrevet: den ville gitt saken feilene over",
                "nothing was written: the change would give the case the errors above"
            ),
            Uncommitted { file } => t!(
                lang,
                format!("{file} har endringer som ikke er committet"),
                format!("{file} has uncommitted changes")
            ),
            NotARepo => t!(
                lang,
                "registeret er ikke et git-repo, så `--commit` kan ikke brukes",
                "the register is not a git repository, so `--commit` cannot be used"
            ),
            GitMissing => t!(
                lang,
                "fant ikke programmet `git`",
                "the `git` program was not found"
            ),
            RecordedByOwnDates => t!(
                lang,
                "Etter hendelsenes egne datoer: registeret er ikke sitt eget git-repo, så registreringsdagen kan ikke leses av git.",
                "By the events' own dates: the register is not its own git repository, so the day of registration cannot be read from git."
            ),
            RecordedGitFailed { reason } => {
                let reason = reason.clone().unwrap_or_else(|| GitMissing.text(lang));
                t!(
                    lang,
                    format!(
                        "Git kunne ikke leses ({reason}), så hendelsenes egne datoer er brukt i stedet for registreringsdagen: en hendelse registrert senere enn datoen sin mangler her."
                    ),
                    format!(
                        "Git could not be read ({reason}), so the events' own dates are used instead of the day of registration: an event registered later than its date is missing here."
                    )
                )
            }
            Git { detail } => t!(
                lang,
                format!("git feilet: {detail}"),
                format!("git failed: {detail}")
            ),
            RegisterExists { dir } => t!(
                lang,
                format!("{dir} har allerede et register (forlop.toml)"),
                format!("{dir} already has a register (forlop.toml)")
            ),
            RegisterCreated { dir } => t!(
                lang,
                format!("nytt register i {dir}"),
                format!("new register in {dir}")
            ),
            HookInstalled { path } => t!(
                lang,
                format!("pre-commit-krok installert: {path}"),
                format!("pre-commit hook installed: {path}")
            ),
            HookExists { path } => t!(
                lang,
                format!("det finnes allerede en annen pre-commit-krok: {path}"),
                format!("another pre-commit hook exists: {path}")
            ),
            FileExists { file } => t!(
                lang,
                format!("{file} finnes allerede"),
                format!("{file} already exists")
            ),
            PathwayCopied { file } => t!(
                lang,
                format!("kopi til lokal tilpasning: {file}"),
                format!("copy for local adaptation: {file}")
            ),
            StagedClean { files } => {
                let n = *files;
                let files = count(n, Noun::File, lang);
                t!(
                    lang,
                    format!(
                        "{files} klar{} til commit: ingen feil",
                        if n == 1 { "" } else { "e" }
                    ),
                    format!("{files} staged: no problems")
                )
            }
            Io { detail } => t!(
                lang,
                format!("inn/ut-feil: {detail}"),
                format!("I/O error: {detail}")
            ),
            Team(m) => m.text(lang),
            MailAddressMissing { flag, .. } => t!(
                lang,
                format!(
                    "e-posten mangler {} (`{flag}`)",
                    if flag == "--from" {
                        "avsender"
                    } else {
                        "mottaker"
                    }
                ),
                format!(
                    "the mail has no {} (`{flag}`)",
                    if flag == "--from" {
                        "sender"
                    } else {
                        "recipient"
                    }
                )
            ),
            BadMailAddress { address } => t!(
                lang,
                format!("ugyldig e-postadresse: {address:?}"),
                format!("not a mail address: {address:?}")
            ),
            Site(m) => m.text(lang),
        }
    }

    /// A one-line hint, where there is one.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        use Ui::*;
        match self {
            CaseClosed { case, .. } => Some(t!(
                lang,
                format!("gjenåpne saken først med `forlop reopen {case}`; fila er uendret"),
                format!("reopen the case first with `forlop reopen {case}`; the file is unchanged")
            )),
            NotClosed { case } => Some(t!(
                lang,
                format!("`forlop status {case}` viser hvor saken står"),
                format!("`forlop status {case}` shows where the case stands")
            )),
            NothingBooked { case, .. } => Some(t!(
                lang,
                format!(
                    "`forlop status {case}` viser timene og MDT-møtene; med --mdt avlyses MDT-møtet"
                ),
                format!(
                    "`forlop status {case}` shows the appointments and MDT meetings; --mdt cancels the MDT meeting"
                )
            )),
            NotRecorded { .. } => Some(t!(
                lang,
                "registrer hendelsen uten `--amend`",
                "record the event without `--amend`"
            )),
            BadFieldValue { suggestion, .. } => did_you_mean(lang, suggestion)
                .or_else(|| Some(t!(lang, "fila er uendret", "the file is unchanged"))),
            TaskAlreadyOverdue { .. } => Some(t!(
                lang,
                "mente du en senere dato? Rett den med en ny `forlop task … --due`",
                "did you mean a later date? Correct it with a new `forlop task … --due`"
            )),
            CallReceiving { case, .. } => Some(t!(
                lang,
                format!("når det er gjort: `forlop task {case} contact-receiving --done`"),
                format!("once done: `forlop task {case} contact-receiving --done`")
            )),
            NoRegister { .. } => Some(t!(
                lang,
                "lag et register med `forlop init`, eller oppgi `--register MAPPE`",
                "create a register with `forlop init`, or give `--register DIR`"
            )),
            NoSuchRegister { .. } => Some(t!(
                lang,
                "sjekk `--register` og $FORLOP_REGISTER",
                "check `--register` and $FORLOP_REGISTER"
            )),
            NotARegister { dir } => Some(t!(
                lang,
                format!("lag et register der med `forlop init {dir}`"),
                format!("create a register there with `forlop init {dir}`")
            )),
            FormatNotSupported { allowed, .. } => Some(t!(
                lang,
                format!("bruk {}", one_of(lang, allowed)),
                format!("use {}", one_of(lang, allowed))
            )),
            UnknownCase { suggestion, .. } => did_you_mean(lang, suggestion).or_else(|| {
                Some(t!(
                    lang,
                    "`forlop status` viser alle åpne saker",
                    "`forlop status` lists every open case"
                ))
            }),
            UnknownPathway { suggestion, .. } => did_you_mean(lang, suggestion).or_else(|| {
                Some(t!(
                    lang,
                    "`forlop pathways` viser alle forløp",
                    "`forlop pathways` lists every pathway"
                ))
            }),
            UnknownCoordinator { suggestion, .. } => did_you_mean(lang, suggestion).or_else(|| {
                Some(t!(
                    lang,
                    "koordinatorer står i team.toml",
                    "coordinators are listed in team.toml"
                ))
            }),
            RegisterHasErrors { .. } => Some(t!(
                lang,
                "kjør `forlop check` for å se dem",
                "run `forlop check` to see them"
            )),
            FileProblem { .. } => None,
            OutputInsideRegister { .. } => Some(t!(
                lang,
                "skriv den utenfor registeret, f.eks. /tmp/forlop-rapport.html",
                "write it outside the register, e.g. /tmp/forlop-report.html"
            )),
            PathwayFileHasErrors { .. } => Some(t!(
                lang,
                "rett fila; `forlop check` viser alle feilene. Den innebygde definisjonen brukes ikke i stedet",
                "correct the file; `forlop check` shows every error. The built-in definition is not used in its place"
            )),
            AlreadyClosed { .. } | AlreadyTransferred { .. } => Some(t!(
                lang,
                "legg til `--replace` for å erstatte den (git tar vare på den gamle)",
                "add `--replace` to replace it (git keeps the old one)"
            )),
            CasesUnreadable { .. } => Some(t!(
                lang,
                "sjekk at `cases/` er en mappe du har lesetilgang til (ikke en lenke)",
                "check that `cases/` is a folder you can read (not a link)"
            )),
            CaseFileHasErrors { .. } => Some(t!(
                lang,
                "rett fila; `forlop check` viser alle feilene med linje og kolonne",
                "correct the file; `forlop check` shows every error with line and column"
            )),
            CaseExists { .. } => Some(t!(
                lang,
                "velg en annen id; `forlop status ID` viser den som finnes",
                "choose another id; `forlop status ID` shows the existing one"
            )),
            BadCaseId { .. } => Some(t!(lang, "for eksempel `te-0142`", "for example `te-0142`")),
            StdoutClosed => Some(t!(
                lang,
                "send utdataene til en fil med --output eller `> fil`",
                "send the output to a file with --output or `> file`"
            )),
            WaitingForLock => None,
            ThroughLink { .. } => Some(t!(
                lang,
                "erstatt lenken med en vanlig mappe i registeret (git mv), og prøv igjen",
                "replace the link with a plain folder inside the register (git mv), and try again"
            )),
            CaseUnusable => Some(t!(
                lang,
                "rett fila for hånd (`forlop check` viser alt), og prøv igjen",
                "correct the file by hand (`forlop check` shows everything), and try again"
            )),
            BadLockFile { .. } => Some(t!(
                lang,
                "fjern den; forlop lager en ny vanlig fil ved neste skriving",
                "remove it; forlop makes a new plain file at the next write"
            )),
            WouldBreak => Some(t!(
                lang,
                "rett argumentene og prøv igjen; fila er uendret",
                "correct the arguments and try again; the file is unchanged"
            )),
            Uncommitted { file } => Some(t!(
                lang,
                format!(
                    "commit eller forkast dem først (`git diff {file}`), eller skriv uten `--commit`"
                ),
                format!(
                    "commit or discard them first (`git diff {file}`), or write without `--commit`"
                )
            )),
            NotARepo => Some(t!(
                lang,
                "kjør `git init` i registeret, eller skriv uten `--commit`",
                "run `git init` in the register, or write without `--commit`"
            )),
            GitMissing => Some(t!(
                lang,
                "installer git; skriving uten `--commit` virker uten git",
                "install git; writes without `--commit` work without it"
            )),
            Git { .. } => Some(t!(
                lang,
                "sjekk `git status` i registeret",
                "check `git status` in the register"
            )),
            RegisterExists { .. } => Some(t!(
                lang,
                "bruk det som finnes, eller velg en annen mappe",
                "use the existing one, or choose another directory"
            )),
            RegisterCreated { .. } => Some(t!(
                lang,
                "fyll inn team.toml, og lag første sak med `forlop new`",
                "fill in team.toml, and create the first case with `forlop new`"
            )),
            HookExists { .. } => Some(t!(
                lang,
                "legg `forlop check --staged` inn i den eksisterende kroken selv",
                "add `forlop check --staged` to the existing hook yourself"
            )),
            FileExists { .. } => Some(t!(lang, "rediger den som finnes", "edit the existing one")),
            PathwayCopied { .. } => Some(t!(
                lang,
                "legg inn seksjonens tider som [[interval]], sett `times` og en `source` som sier at tidene er lokale",
                "add the section's times as [[interval]], set `times` and a `source` saying the times are local"
            )),
            HookInstalled { .. } | StagedClean { .. } | RecordedByOwnDates => None,
            RecordedGitFailed { .. } => Some(t!(
                lang,
                "kjør `git status` i registeret som den brukeren rapporten kjøres som (cron), og rett feilen git viser",
                "run `git status` in the register as the user the report runs as (cron), and fix what git shows"
            )),
            HandoverNeedsCases => Some(t!(
                lang,
                "for eksempel `forlop handover te-0142` eller `forlop handover --coordinator ssol`",
                "for example `forlop handover te-0142` or `forlop handover --coordinator ssol`"
            )),
            PathNotFound { .. } | PathOutsideRegister { .. } | Io { .. } => None,
            Team(m) => m.hint(lang),
            MailAddressMissing { flag, key } => Some(t!(
                lang,
                format!("sett `{key}` under [report] i forlop.toml, eller gi `{flag} ADRESSE`"),
                format!("set `{key}` under [report] in forlop.toml, or give `{flag} ADDRESS`")
            )),
            BadMailAddress { .. } => Some(t!(
                lang,
                "skriv adressen som `navn@sykehus.no` (eller `Navn <navn@sykehus.no>`), på én linje",
                "write the address as `name@hospital.example` (or `Name <name@hospital.example>`), on one line"
            )),
            CheckSummary { .. } | CheckClean { .. } => None,
            Site(m) => m.hint(lang),
        }
    }
}
