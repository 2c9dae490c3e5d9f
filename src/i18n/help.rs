//! Help texts: the Norwegian help of every command and argument, the examples each command's
//! help and man page show, and the overview a bare `forlop` prints. English help is the clap
//! definition's own doc comments (src/cli/); `src/cli/help.rs` applies these to it.

use super::Lang;

/// Norwegian help for a subcommand (`"record"`) or an argument (`"record.date"`, `"*.date"` for
/// every command, `"global.today"`); English is the clap definition's own doc comments.
pub fn help_nb(key: &str) -> Option<&'static str> {
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
        "status.stale" => {
            "Saker uten aktivitet: åpne, ingenting datert på `stale_days` dager og ingenting booket (til opprydding)"
        }
        "status.care" => {
            "Til koordinatormøtet: åpne saker der individuell plan ikke er vurdert, og der samtykke til å kontakte kommunens kreftkoordinator ikke er avklart"
        }
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
        "report.to" => {
            "Mottaker av e-posten (`--format eml`; gjentas for flere; standard: `mail_to`)"
        }
        "report.from" => "Avsender av e-posten (`--format eml`; standard: `mail_from`)",
        "site" => {
            "Et statisk nettsted: tavla, én side per fulgt sak med tidslinje, rapporten, statistikk"
        }
        "site.dir" => {
            "Mappen nettstedet skrives til (erstattes i sin helhet; må ligge utenfor registeret)"
        }
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
        "record.amend" => {
            "Rett hendelsen som allerede er registrert (dato, utfall, type eller merknad) i stedet for å legge til en ny"
        }
        "book" => "Bestill en time, eller et MDT-møte med --mdt",
        "book.date" => "Dagen for timen eller MDT-møtet",
        "book.what" => "Hva som er bestilt (en time)",
        "book.time" => "Klokkeslett, TT:MM",
        "book.place" => "Hvor",
        "book.mdt" => "Meld saken til et MDT-møte i stedet for en time",
        "book.question" => "Spørsmålet til MDT-møtet",
        "book.conclusion" => {
            "MDT-møtets konklusjon (fyller inn møtet på --date, eller legger det til)"
        }
        "book.milestone" => "Timen er planlagt dato for denne hendelsen (f.eks. treatment)",
        "book.cancel" => "Avlys det som er booket på --date (timene, eller med --mdt MDT-møtet)",
        "set" => {
            "Endre et felt i saken: coordinator, doctor, treatment, gp, individual-plan, consent"
        }
        "set.field" => "Feltet som skal endres",
        "set.value" => "Den nye verdien",
        "reopen" => "Gjenåpne en avsluttet sak (fjerner [closed]; git tar vare på historikken)",
        "task" => "Merk en oppgave som utført, eller legg til en egen oppgave med --name og --due",
        "task.task" => {
            "Oppgavens id (en oppgave i forløpet, eller en ny egen oppgave med --name og --due)"
        }
        "task.done" => "Merk oppgaven som utført",
        "task.name" => "Navnet på en egen oppgave",
        "task.due" => "Fristen for en egen oppgave",
        "note" => "Skriv et notat",
        "note.text" => "Notatet",
        "note.by" => "Hvem som skriver (en id i team.toml; standard: den med din git-e-post)",
        "deviation" => "Dokumenter hvorfor en forløpstid ble overskredet (avvik)",
        "deviation.interval" => "Forløpstiden som ble overskredet (f.eks. OF2)",
        "deviation.reason" => "Hvorfor",
        "deviation.reported" => "Dagen avviket ble meldt til leder",
        "transfer" => "Registrer at saken er overført til et annet helseforetak",
        "transfer.to" => "Sykehuset som tar over",
        "transfer.contact" => "Mottakende koordinator (en id i team.toml)",
        "close" => "Avslutt pakkeforløpet",
        "close.reason" => "treatment-started, not-cancer, transferred, declined, died eller other",
        "close.replace" => "Erstatt avslutningen som allerede er registrert",
        "transfer.replace" => "Erstatt overføringen som allerede er registrert",
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
        "global.coordinator" => {
            "Bare saker til denne koordinatoren (en id i team.toml; `me`: den med din git-e-post)"
        }
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
pub fn examples(command: &str) -> &'static [(&'static str, &'static str, &'static str)] {
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
            (
                "forlop status --stale",
                "saker ingen har rørt på lenge, til opprydding",
                "cases nobody touched for long, for a clean-up",
            ),
            (
                "forlop status --care",
                "individuell plan og samtykke, til koordinatormøtet",
                "individual plan and consent, for the coordinators' meeting",
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
                "forlop due --format csv-excel > frister.csv",
                "til regneark (Excel åpner fila i kolonner)",
                "to a spreadsheet (Excel opens the file in columns)",
            ),
            (
                "forlop due --format csv",
                "CSV med faste engelske kolonnenavn, til skript",
                "CSV with stable English column names, for scripts",
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
                "forlop report --format html --output ~/rapport.html",
                "HTML til e-post",
                "HTML for mail",
            ),
            (
                "forlop report --fail-on-overdue --quiet",
                "kode 3 når noe er forfalt",
                "exit code 3 when anything is overdue",
            ),
            (
                "forlop report --format eml | /usr/sbin/sendmail -t",
                "hele morgenposten, sendt til `mail_to`",
                "the whole morning mail, sent to `mail_to`",
            ),
        ],
        "site" => &[
            (
                "forlop site /var/www/forlop",
                "tavla, sakene, rapporten og statistikken for intranettet",
                "the board, the cases, the report and the statistics for the intranet",
            ),
            (
                "forlop site ~/forlop-side && xdg-open ~/forlop-side/index.html",
                "se tavla i nettleseren",
                "look at the board in a browser",
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
            (
                "forlop record te-0150 first-visit --date 2026-11-24 --amend",
                "rett datoen på en registrert hendelse",
                "correct the date of a recorded event",
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
            (
                "forlop book te-0150 --mdt --date 2026-12-03 --conclusion \"Operabel, henvises kirurgi\"",
                "MDT-møtets konklusjon etter møtet",
                "the MDT meeting's conclusion after the meeting",
            ),
            (
                "forlop book te-0150 --date 2026-12-10 --what Operasjon --milestone treatment",
                "planlagt behandlingsstart",
                "the planned start of treatment",
            ),
            (
                "forlop book te-0150 --date 2026-12-02 --cancel",
                "avlys timen den dagen",
                "cancel that day's appointment",
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
        "set" => &[
            (
                "forlop set te-0150 doctor dr-berg",
                "ny ansvarlig lege",
                "a new responsible doctor",
            ),
            (
                "forlop set te-0150 individual-plan wanted",
                "pasienten ønsker individuell plan",
                "the patient wants an individual plan",
            ),
            (
                "forlop set te-0150 consent yes",
                "samtykke til å kontakte kommunens kreftkoordinator",
                "consent to contact the municipal cancer coordinator",
            ),
        ],
        "reopen" => &[(
            "forlop reopen te-0150",
            "gjenåpne en sak som ble avsluttet for tidlig",
            "reopen a case closed too early",
        )],
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
  forlop set SAK FELT VERDI     lege, fastlege, individuell plan, samtykke …
  forlop record SAK HENDELSE --date D --amend    rett en registrert dato
  forlop new ID --pathway P --referral D    ny sak
Ved ferie:      forlop handover --coordinator ID --to NAVN
Morgenrapport:  forlop report --format html --output ~/rapport.html
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
  forlop set CASE FIELD VALUE   doctor, GP, individual plan, consent …
  forlop record CASE MILESTONE --date D --amend    correct a recorded date
  forlop new ID --pathway P --referral D    a new case
Holiday cover:   forlop handover --coordinator ID --to NAME
Morning report:  forlop report --format html --output ~/report.html
Checking:        forlop check

Every command: forlop --help. Help and examples for one: forlop COMMAND --help.
"
    )
}
