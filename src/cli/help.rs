//! Help that teaches: the one clap definition in the user's language, with real examples, the
//! overview for a bare `forlop`, shell completions and the man page.

use clap::{Command, CommandFactory};

use super::Cli;
use crate::i18n::{Lang, UsageError, Word, more_help, t, usage_label};

/// Norwegian help for a subcommand (`"record"`) or an argument (`"record.date"`, `"*.date"` for
/// every command, `"global.today"`); English is the clap definition's own doc comments.
fn nb(key: &str) -> Option<&'static str> {
    Some(match key {
        "check" => {
            "Sjekk pakkeforløp, team, innstillinger og saker; alle feil med fil:linje:kolonne"
        }
        "check.paths" => {
            "Bare disse filene eller mappene (hele registeret lastes likevel for reglene på tvers av filer)"
        }
        "check.staged" => "Sjekk versjonene som ligger klare til commit (pre-commit-kontrollen)",
        "pathways" => "Vis alle pakkeforløp, eller ett",
        "pathways.show" => "Ett forløps hendelser, forløpstider, oppgaver og kilde",
        "show" => "Ett forløps hendelser, forløpstider, oppgaver og kilde",
        "copy" => "Kopier et innebygd forløp til registerets pathways/ for lokal tilpasning",
        "ics" => "Timer, MDT-møter og frister som en iCalendar-fil (.ics)",
        "install" => "Installer `forlop check --staged` som repoets pre-commit-krok",
        "show.id" => "Forløpets id",
        "pathways.copy" => {
            "Kopier et innebygd forløp til registerets pathways/ for lokal tilpasning"
        }
        "copy.id" => "Forløpets id",
        "status" => "Åpne saker: forløp, koordinator, siste hendelse, neste frist; én sak i detalj",
        "status.cases" => "Bare disse sakene (vises også når de er avsluttet eller overført)",
        "due" => "Frister (forløpstider og oppgaver) de nærmeste dagene, og alt som er forfalt",
        "due.days" => "Frister innen så mange dager (standard: `warn_days` i forlop.toml)",
        "overdue" => "Bare det som er forfalt",
        "agenda" => {
            "Dag for dag fra i dag: timer, MDT-møter, frister og oppgaver; det forfalte først"
        }
        "agenda.days" => "Hvor mange dager fra i dag (1 = bare i dag)",
        "mdt" => "Listen til et MDT-møte: sakene som er meldt, hvor de står, spørsmålet",
        "mdt.date" => "Møtedatoen (standard: neste dato fra i dag med saker)",
        "handover" => {
            "Overlevering i Markdown av saker, eller av alle åpne saker til én koordinator"
        }
        "handover.cases" => {
            "Sakene som overleveres (eller bruk --coordinator for alle åpne saker til én koordinator)"
        }
        "handover.to" => "Hvem som tar over (et navn i overskriften)",
        "stats" => "Andel innenfor forløpstid, median og 90-persentil, mot målet",
        "stats.from" => "Første dag i perioden (regnet etter datoen forløpstiden ble avsluttet)",
        "stats.to" => "Siste dag i perioden",
        "stats.by" => "Hvordan radene grupperes",
        "report" => {
            "Morgenrapporten for cron: forfalt, snart, i dag, gårsdagens hendelser, måloppnåelse"
        }
        "report.output" => "Skriv rapporten til FIL (atomisk) i stedet for til standard ut",
        "report.fail_on_overdue" => "Avslutt med kode 3 når noe er forfalt (for varsling fra cron)",
        "export" => "Eksporter timer, MDT-møter og frister (iCalendar)",
        "export.ics" => "Timer, MDT-møter og frister som en iCalendar-fil (.ics)",
        "ics.days" => "Hvor mange dager frem fra i dag (forfalte frister er alltid med)",
        "ics.output" => "Skriv til FIL (atomisk) i stedet for til standard ut",
        "new" => "Lag en sakfil med henvisningen (cases/<år>/<id>.toml)",
        "new.id" => {
            "Saks-id, også filnavnet: små bokstaver a–z, sifre og bindestrek (f.eks. te-0142)"
        }
        "new.pathway" => "Forløpets id (`forlop pathways` viser dem)",
        "new.referral" => "Datoen henvisningen ble mottatt",
        "new.name" => "Pasientens navn (valgfritt)",
        "new.fnr" => "Pasientens fødselsnummer (valgfritt)",
        "record" => "Registrer en hendelse (som NPR-kodes)",
        "record.milestone" => "Hendelsen (en id i sakens forløp, f.eks. first-visit)",
        "record.outcome" => {
            "Ved beslutning: cancer, other-cancer, other-disease, no-disease, unknown-origin"
        }
        "record.treatment" => "Ved behandlingsstart: typen; ved beslutning: planlagt behandling",
        "record.note" => "En merknad til hendelsen",
        "book" => "Bestill en time, eller et MDT-møte med --mdt",
        "book.date" => "Dagen for timen eller MDT-møtet",
        "book.what" => "Hva som er bestilt (en time)",
        "book.time" => "Klokkeslett, TT:MM",
        "book.place" => "Hvor",
        "book.mdt" => "Meld saken til et MDT-møte i stedet for en time",
        "book.question" => "Spørsmålet til MDT-møtet",
        "task" => "Merk en oppgave som utført, eller legg til en egen oppgave med --name og --due",
        "task.task" => {
            "Oppgavens id (en oppgave i forløpet, eller en ny egen oppgave med --name og --due)"
        }
        "task.done" => "Merk oppgaven som utført",
        "task.name" => "Navnet på en egen oppgave",
        "task.due" => "Fristen for en egen oppgave",
        "note" => "Skriv et notat",
        "note.text" => "Notatet",
        "note.by" => "Hvem som skriver (en id i team.toml)",
        "deviation" => "Dokumenter hvorfor en forløpstid ble overskredet (avvik)",
        "deviation.interval" => "Forløpstiden som ble overskredet (f.eks. OF2)",
        "deviation.reason" => "Hvorfor",
        "deviation.reported" => "Dagen avviket ble meldt til leder",
        "transfer" => "Registrer at saken er overført til et annet helseforetak",
        "transfer.to" => "Sykehuset som tar over",
        "transfer.contact" => "Mottakende koordinator (en id i team.toml)",
        "close" => "Avslutt pakkeforløpet",
        "close.reason" => "treatment-started, not-cancer, transferred, declined, died eller other",
        "log" => "Sakens historikk fra git: hvem endret hva, og når",
        "init" => {
            "Lag et register og commit det, eller gjør en klone klar: pre-commit-krok, flettedriver"
        }
        "init.dir" => "Hvor registeret skal lages (standard: mappa du står i)",
        "hook" => "Git-kroker",
        "sync" => "Hent teamets arbeid (fletting, aldri rebase), sjekk, og send ditt",
        "merge-driver" => "Flettedriveren git kjører for saksfiler (satt opp av `forlop init`)",
        "merge-driver.base" => "Felles forgjenger (gits %O)",
        "merge-driver.ours" => "Vår versjon (gits %A); resultatet skrives hit",
        "merge-driver.theirs" => "Deres versjon (gits %B)",
        "merge-driver.path" => "Filas sti i repoet (gits %P)",
        "hook.install" => "Installer `forlop check --staged` som repoets pre-commit-krok",
        "completions" => "Skallutfylling (bash, zsh, fish, elvish, powershell)",
        "completions.shell" => "Skallet",
        "man" => "Manualsidene (roff): forlop(1) til standard ut, eller alle sidene til en mappe",
        "man.dir" => "Skriv alle sidene (forlop.1, forlop-record.1, …) til denne mappa",
        "*.case" => "Saks-id",
        "*.date" => "Datoen (standard: i dag)",
        "*.commit" => "Commit endringen til git (bare denne fila), under din egen git-identitet",
        "*.no_commit" => "Ikke commit, selv om forlop.toml har `auto_commit = true`",
        "global.register" => {
            "Registermappa (standard: $FORLOP_REGISTER, ellers nærmeste mappe over med forlop.toml)"
        }
        "global.today" => {
            "Vis registeret slik det var denne dagen (standard: $FORLOP_TODAY, ellers i dag)"
        }
        "global.format" => "Utformat",
        "global.coordinator" => "Bare saker til denne koordinatoren (en id i team.toml)",
        "global.pathway" => "Bare saker i dette forløpet",
        "global.quiet" => "Skriv bare feil og det som er bedt om",
        "global.lang" => "Språk på alt som vises (standard: `lang` i forlop.toml, ellers nb)",
        "global.color" => "Farge: auto (i terminal, ikke med NO_COLOR), always eller never",
        "global.show_identity" => {
            "Vis pasientnavn og fødselsnummer selv om `[report] redact` er på"
        }
        "global.help" => "Vis hjelp",
        "help" => "Vis hjelp for forlop eller for en kommando",
        "help.subcommand" => "Kommandoen det gjelder",
        "global.version" => "Vis versjon",
        _ => return None,
    })
}

/// Two or three real examples per subcommand: (command line, bokmål, English).
fn examples(command: &str) -> &'static [(&'static str, &'static str, &'static str)] {
    match command {
        "check" => &[
            (
                "forlop check",
                "sjekk hele registeret",
                "check the whole register",
            ),
            (
                "forlop check cases/2026/te-0142.toml",
                "bare én fil",
                "one file only",
            ),
            (
                "forlop check --format json",
                "som JSON, for skript",
                "as JSON, for scripts",
            ),
        ],
        "pathways" => &[
            (
                "forlop pathways",
                "alle forløp, også avviklede",
                "every pathway, retired ones too",
            ),
            (
                "forlop pathways show tykk-og-endetarmskreft",
                "ett forløp i detalj",
                "one pathway in detail",
            ),
        ],
        "status" => &[
            (
                "forlop status",
                "alle åpne saker, mest presserende først",
                "every open case, most urgent first",
            ),
            (
                "forlop status te-0142",
                "én sak: tidslinje, forløpstider, oppgaver",
                "one case: timeline, standard times, tasks",
            ),
            (
                "forlop status --coordinator ssol",
                "saker til én koordinator",
                "one coordinator's cases",
            ),
        ],
        "due" => &[
            (
                "forlop due",
                "frister de nærmeste dagene og alt forfalt",
                "deadlines of the coming days and everything overdue",
            ),
            ("forlop due --days 7", "neste uke", "the next week"),
            (
                "forlop due --format csv > frister.csv",
                "til regneark",
                "to a spreadsheet",
            ),
        ],
        "overdue" => &[
            ("forlop overdue", "alt som er forfalt", "everything overdue"),
            (
                "forlop overdue --coordinator ssol --format json",
                "for én koordinator, som JSON",
                "for one coordinator, as JSON",
            ),
        ],
        "agenda" => &[
            ("forlop agenda", "i dag", "today"),
            (
                "forlop agenda --days 5 --coordinator ssol",
                "arbeidsuka til én koordinator",
                "one coordinator's working week",
            ),
            ("forlop agenda --format markdown", "til e-post", "for mail"),
        ],
        "mdt" => &[
            (
                "forlop mdt",
                "neste MDT-møte med saker",
                "the next MDT meeting with cases",
            ),
            (
                "forlop mdt --date 2026-11-25 --format markdown",
                "ett møte, til utskrift",
                "one meeting, for print",
            ),
        ],
        "handover" => &[
            ("forlop handover te-0142", "én sak", "one case"),
            (
                "forlop handover --coordinator ssol --to \"Tor Havik\" > ferie.md",
                "alt til ferievikaren",
                "everything for the holiday cover",
            ),
        ],
        "stats" => &[
            (
                "forlop stats",
                "per forløp og forløpstid",
                "per pathway and standard time",
            ),
            (
                "forlop stats --by tertial --from 2026-01-01",
                "per tertial i år, som NPR publiserer",
                "per tertial this year, as NPR publishes",
            ),
            (
                "forlop stats --by coordinator --format csv",
                "per koordinator, til regneark",
                "per coordinator, to a spreadsheet",
            ),
        ],
        "report" => &[
            (
                "forlop report",
                "morgenrapporten som tekst",
                "the morning report as text",
            ),
            (
                "forlop report --format html --output rapport.html",
                "HTML til e-post",
                "HTML for mail",
            ),
            (
                "forlop report --fail-on-overdue --quiet",
                "kode 3 når noe er forfalt",
                "exit code 3 when anything is overdue",
            ),
        ],
        "export" => &[
            (
                "forlop export ics --output forlop.ics",
                "kalenderfil å abonnere på",
                "a calendar file to subscribe to",
            ),
            (
                "forlop export ics --days 14 --coordinator ssol",
                "to uker for én koordinator",
                "two weeks for one coordinator",
            ),
        ],
        "new" => &[
            (
                "forlop new te-0150 --pathway tykk-og-endetarmskreft --referral 2026-11-22 --coordinator ssol",
                "ny sak",
                "a new case",
            ),
            (
                "forlop new br-0400 --pathway brystkreft --referral 2026-11-20 --name \"Kari Nordmann\" --commit",
                "med navn, og commit",
                "with a name, and commit",
            ),
        ],
        "record" => &[
            (
                "forlop record te-0150 first-visit",
                "første fremmøte i dag",
                "first visit today",
            ),
            (
                "forlop record te-0150 decision --outcome cancer --treatment surgery --date 2026-12-01",
                "beslutning og planlagt behandling",
                "decision and planned treatment",
            ),
            (
                "forlop record te-0150 treatment --treatment surgery --commit",
                "behandlingsstart, og commit",
                "treatment start, and commit",
            ),
        ],
        "book" => &[
            (
                "forlop book te-0150 --date 2026-12-02 --time 09:30 --what \"CT thorax\" --where Røntgen",
                "en time",
                "an appointment",
            ),
            (
                "forlop book te-0150 --mdt --date 2026-12-03 --question \"Operabel?\"",
                "meld til MDT",
                "book for the MDT meeting",
            ),
        ],
        "task" => &[
            (
                "forlop task te-0150 book-ct --done",
                "oppgaven er gjort i dag",
                "the task was done today",
            ),
            (
                "forlop task te-0150 ring-datter --name \"Ringe datteren\" --due 2026-11-26",
                "en egen oppgave",
                "an ad-hoc task",
            ),
        ],
        "note" => &[(
            "forlop note te-0150 \"Datteren ringte\" --by ssol",
            "et notat",
            "a note",
        )],
        "deviation" => &[(
            "forlop deviation te-0150 OF1 --reason \"Pasienten ønsket senere time\" --reported 2026-11-30",
            "dokumenter et avvik",
            "document a deviation",
        )],
        "transfer" => &[(
            "forlop transfer te-0150 --to \"Oslo universitetssykehus HF\" --contact ext-ous-lunge",
            "overført i dag",
            "transferred today",
        )],
        "close" => &[
            (
                "forlop close te-0150 --reason treatment-started",
                "avslutt forløpet",
                "close the pathway",
            ),
            (
                "forlop close te-0150 --reason declined --date 2026-11-30",
                "pasienten ønsket ikke videre forløp",
                "the patient declined",
            ),
        ],
        "log" => &[
            ("forlop log te-0142", "hvem endret hva", "who changed what"),
            ("forlop log te-0142 --format json", "som JSON", "as JSON"),
        ],
        "init" => &[
            (
                "forlop init /srv/forlop/register",
                "nytt register med git og pre-commit-krok",
                "a new register with git and a pre-commit hook",
            ),
            (
                "git clone server:seksjon/register && cd register && forlop init",
                "en klone klar for teamarbeid: krok og flettedriver",
                "a clone ready for team work: hook and merge driver",
            ),
        ],
        "sync" => &[(
            "forlop sync",
            "morgen og ettermiddag: hent og send",
            "morning and afternoon: fetch and send",
        )],
        "hook" => &[(
            "forlop hook install",
            "installer pre-commit-kroken",
            "install the pre-commit hook",
        )],
        "completions" => &[
            (
                "forlop completions bash > /etc/bash_completion.d/forlop",
                "bash",
                "bash",
            ),
            ("forlop completions zsh > ~/.zfunc/_forlop", "zsh", "zsh"),
            (
                "forlop completions fish > ~/.config/fish/completions/forlop.fish",
                "fish",
                "fish",
            ),
        ],
        "man" => &[
            (
                "forlop man --lang en --dir /usr/local/share/man/man1",
                "installer alle manualsidene på engelsk",
                "install every man page, in English",
            ),
            (
                "forlop man --dir /usr/local/share/man/nb/man1",
                "installer alle manualsidene på bokmål",
                "install every man page, in bokmål",
            ),
            (
                "forlop man | man -l -",
                "les hovedsiden",
                "read the main page",
            ),
        ],
        _ => &[],
    }
}

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
fn localize_args(mut cmd: Command, name: &str) -> Command {
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let own = nb(&format!("{name}.{id}")).or_else(|| nb(&format!("*.{id}")));
        let global = nb(&format!("global.{id}"));
        let text = own.or(global);
        cmd = cmd.mut_arg(id, |a| norwegian_arg(a, text));
    }
    cmd.help_template("{before-help}{about-with-newline}\nBruk: {usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("Kommandoer")
}

fn localize(cmd: Command, name: &str, lang: Lang) -> Command {
    let mut cmd = headings(cmd, lang);
    if let Some(ex) = examples_text(name, lang) {
        cmd = cmd.after_help(ex);
    }
    if lang == Lang::Nb {
        if let Some(about) = nb(name) {
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
                && let Some(about) = nb(&format!("{name}.{sub}"))
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

/// The overview a bare `forlop` prints: the daily commands.
pub fn overview(lang: Lang) -> String {
    t!(
        lang,
        "forlop – pakkeforløp for kreft, for forløpskoordinatorer

Hver morgen:
  forlop agenda                 dagens timer, MDT-møter og frister; det forfalte først
  forlop due                    frister de nærmeste dagene
  forlop status [SAK]           åpne saker med neste frist, eller én sak i detalj
Når noe skjer:
  forlop record SAK HENDELSE    registrer en hendelse, f.eks. first-visit
  forlop book SAK --date D --what W    bestill en time (--mdt: meld til MDT)
  forlop note SAK \"tekst\"       skriv et notat
  forlop new ID --pathway P --referral D    ny sak
Ved ferie:      forlop handover --coordinator ID --to NAVN
Morgenrapport:  forlop report --format html --output rapport.html
Kontroll:       forlop check

Alle kommandoer: forlop --help. Hjelp og eksempler for én: forlop KOMMANDO --help.
",
        "forlop – cancer patient pathways, for pathway coordinators

Every morning:
  forlop agenda                 today's appointments, MDT meetings and deadlines; overdue first
  forlop due                    deadlines of the coming days
  forlop status [CASE]          open cases with their next deadline, or one case in detail
When something happens:
  forlop record CASE MILESTONE  record an event, e.g. first-visit
  forlop book CASE --date D --what W    book an appointment (--mdt: an MDT meeting)
  forlop note CASE \"text\"       write a note
  forlop new ID --pathway P --referral D    a new case
Holiday cover:   forlop handover --coordinator ID --to NAME
Morning report:  forlop report --format html --output report.html
Checking:        forlop check

Every command: forlop --help. Help and examples for one: forlop COMMAND --help.
"
    )
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
            let detail = source.unwrap_or_default();
            if detail.contains("digit") || detail.contains("number too large") {
                UsageError::NotANumber { value, arg }
            } else if detail.contains("YYYY-MM-DD") {
                UsageError::NotADate { value, arg }
            } else {
                UsageError::BadValue { value, arg, detail }
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
    let mut root = command(lang).disable_help_subcommand(true);
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
            let pathway_id =
                a.get_id() == "pathway" || (a.get_id() == "id" && matches!(path, "show" | "copy"));
            if pathway_id {
                a.value_parser(values())
            } else {
                a
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
