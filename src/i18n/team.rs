//! Messages of team work through git: `init` in a clone, the merge driver, `sync`, and what git
//! and the file system say when a working copy is shared.

use super::Lang;

/// Messages of `init`, `sync`, the merge driver and shared working copies.
#[derive(Clone, Debug, Default, PartialEq, Eq, strum::EnumIter)]
pub enum TeamUi {
    /// The clone is set up: hook, merge driver, pull without rebase.
    CloneSetUp { dir: String },
    /// Files `init` made or completed, committed.
    InitCommitted { commit: String, files: String },
    /// Files `init` made, left uncommitted because the commit failed.
    InitNotCommitted { files: String, detail: String },
    /// `forlop` is not on PATH, where the hook and the merge driver look for it.
    #[default]
    NotOnPath,
    /// Another program's pre-commit hook is in place; ours was not installed.
    ForeignHook { path: String },
    /// The merge driver could not decide these fields.
    MergeConflicts { file: String, fields: String },
    /// The merged case has errors neither side had.
    MergeBroke { file: String },
    /// The merge driver kept entries removed on one side and changed on the other.
    MergeKept { file: String, entries: String },
    /// `sync` without an upstream branch.
    NoUpstream { branch: String },
    /// `sync` with uncommitted changes.
    Dirty { files: String },
    /// `sync` while a merge is unfinished.
    MergeInProgress,
    /// The server could not be reached.
    Offline { remote: String, detail: String },
    /// The server refused the push.
    PushRejected { detail: String },
    /// `sync` stopped at a real conflict.
    SyncConflicts { cases: String },
    /// After the merge the register has errors; nothing was pushed.
    SyncCheckFailed,
    /// `sync` done.
    Synced { pulled: usize, pushed: usize },
    /// git refuses a repository owned by another user.
    DubiousOwnership { path: String },
    /// The file system refused.
    PermissionDenied { path: String },
    /// `--commit` failed; the write was rolled back.
    CommitFailed { file: String, detail: String },
    /// A write on a file with git conflict markers.
    FileHasConflicts { file: String },
    /// `--coordinator me` without a team person for git's user.email.
    NoSuchMe { email: String },
    /// `sync` in a clone without the merge driver (no `forlop init` there yet).
    NotSetUp,
}

impl TeamUi {
    /// The one-line message.
    pub fn text(&self, lang: Lang) -> String {
        use TeamUi::*;
        match self {
            CloneSetUp { dir } => t!(
                lang,
                format!(
                    "{dir} er klar for teamarbeid: pre-commit-krok, flettedriver for saksfiler, `git pull` uten rebase"
                ),
                format!(
                    "{dir} is ready for team work: pre-commit hook, merge driver for case files, `git pull` without rebase"
                )
            ),
            InitCommitted { commit, files } => t!(
                lang,
                format!("committet {files} (commit {commit})"),
                format!("committed {files} (commit {commit})")
            ),
            InitNotCommitted { files, detail } => t!(
                lang,
                format!("{files} er laget, men ikke committet: {detail}"),
                format!("{files} created but not committed: {detail}")
            ),
            NotOnPath => t!(
                lang,
                "fant ikke `forlop` på PATH: pre-commit-kroken og flettedriveren kaller `forlop` derfra",
                "`forlop` is not on PATH: the pre-commit hook and the merge driver call `forlop` from there"
            ),
            ForeignHook { path } => t!(
                lang,
                format!("det finnes allerede en annen pre-commit-krok, den er latt være: {path}"),
                format!("another pre-commit hook exists and was left alone: {path}")
            ),
            MergeConflicts { file, fields } => t!(
                lang,
                format!("{file}: endret ulikt hos deg og hos den andre: {fields}"),
                format!("{file}: changed differently by you and by the other side: {fields}")
            ),
            MergeKept { file, entries } => t!(
                lang,
                format!(
                    "{file}: fjernet hos den ene og endret hos den andre, beholdt som endret: {entries}"
                ),
                format!(
                    "{file}: removed on one side and changed on the other, kept as changed: {entries}"
                )
            ),
            MergeBroke { file } => t!(
                lang,
                format!(
                    "{file}: flettet uten konflikt, men resultatet har feil som ingen av sidene hadde"
                ),
                format!(
                    "{file}: merged without conflict, but the result has errors neither side had"
                )
            ),
            NoUpstream { branch } => t!(
                lang,
                format!("grenen {branch} har ingen server-gren å synkronisere med (upstream)"),
                format!("the branch {branch} has no server branch to sync with (upstream)")
            ),
            Dirty { files } => t!(
                lang,
                format!("registeret har endringer som ikke er committet: {files}"),
                format!("the register has uncommitted changes: {files}")
            ),
            MergeInProgress => t!(
                lang,
                "en fletting er ikke fullført i denne arbeidskopien",
                "a merge is unfinished in this working copy"
            ),
            Offline { remote, detail } => t!(
                lang,
                format!(
                    "fikk ikke kontakt med serveren ({remote}); dine commits er trygge her lokalt: {detail}"
                ),
                format!(
                    "could not reach the server ({remote}); your commits are safe here locally: {detail}"
                )
            ),
            PushRejected { detail } => t!(
                lang,
                format!("serveren tok ikke imot endringene: {detail}"),
                format!("the server refused the changes: {detail}")
            ),
            SyncConflicts { cases } => t!(
                lang,
                format!("git-konflikt, synkroniseringen stoppet: {cases}"),
                format!("git conflict, the sync stopped: {cases}")
            ),
            SyncCheckFailed => t!(
                lang,
                "etter flettingen har registeret feil (se over); ingenting er sendt til serveren",
                "after the merge the register has errors (see above); nothing was sent to the server"
            ),
            Synced { pulled, pushed } => t!(
                lang,
                format!("synkronisert: {pulled} commits hentet, {pushed} sendt"),
                format!("synced: {pulled} commits fetched, {pushed} sent")
            ),
            DubiousOwnership { path } => t!(
                lang,
                format!(
                    "git nekter å bruke {path}: mappa eies av en annen bruker (\"dubious ownership\")"
                ),
                format!(
                    "git refuses to use {path}: the folder is owned by another user (\"dubious ownership\")"
                )
            ),
            PermissionDenied { path } => t!(
                lang,
                format!("ingen tilgang til {path}"),
                format!("permission denied: {path}")
            ),
            CommitFailed { file, detail } => t!(
                lang,
                format!(
                    "commit feilet, så endringen er trukket tilbake ({file} og git-indeksen er som før): {detail}"
                ),
                format!(
                    "the commit failed, so the change was undone ({file} and the git index are as before): {detail}"
                )
            ),
            FileHasConflicts { file } => t!(
                lang,
                format!("{file} har git-konflikt; ingenting er skrevet"),
                format!("{file} has a git conflict; nothing was written")
            ),
            NotSetUp => t!(
                lang,
                "denne klonen er ikke satt opp for teamarbeid: flettedriveren for saksfiler mangler",
                "this clone is not set up for team work: the merge driver for case files is missing"
            ),
            NoSuchMe { email } => t!(
                lang,
                format!(
                    "`--coordinator me`: ingen i team.toml har e-post {email} (git user.email)"
                ),
                format!(
                    "`--coordinator me`: nobody in team.toml has the email {email} (git user.email)"
                )
            ),
        }
    }

    /// A one-line hint, where there is one.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        use TeamUi::*;
        Some(match self {
            CloneSetUp { .. } | InitCommitted { .. } | Synced { .. } => return None,
            InitNotCommitted { .. } => t!(
                lang,
                "sett git-identitet (`git config user.name` og `git config user.email`) og kjør `forlop init` igjen",
                "set your git identity (`git config user.name` and `git config user.email`) and run `forlop init` again"
            ),
            NotOnPath => t!(
                lang,
                "legg forlop i en mappe på PATH, f.eks. /usr/local/bin",
                "put forlop in a folder on PATH, e.g. /usr/local/bin"
            ),
            ForeignHook { .. } => t!(
                lang,
                "legg `forlop check --staged` inn i den eksisterende kroken selv",
                "add `forlop check --staged` to the existing hook yourself"
            ),
            SyncConflicts { .. } => t!(
                lang,
                "løs hver konflikt: velg verdien mellom <<<<<<< og >>>>>>> og slett markørene, eller rett det `forlop check` viser; så `git commit -a` og `forlop sync`",
                "resolve each conflict: pick the value between <<<<<<< and >>>>>>> and delete the markers, or fix what `forlop check` shows; then `git commit -a` and `forlop sync`"
            ),
            MergeConflicts { .. } => t!(
                lang,
                "velg riktig verdi mellom <<<<<<< og >>>>>>> i hver fil, slett markørene, kjør `forlop check`, så `git commit -a` og `forlop sync`",
                "pick the right value between <<<<<<< and >>>>>>> in each file, delete the markers, run `forlop check`, then `git commit -a` and `forlop sync`"
            ),
            MergeKept { .. } => t!(
                lang,
                "se over saken; skulle det bort, fjern det på nytt (`forlop book --cancel`, `forlop reopen`) og kjør `forlop sync`",
                "look over the case; if it was meant to go, remove it again (`forlop book --cancel`, `forlop reopen`) and run `forlop sync`"
            ),
            MergeBroke { .. } => t!(
                lang,
                "`forlop check` viser feilene; rett dem, så `git commit -a`",
                "`forlop check` shows the errors; fix them, then `git commit -a`"
            ),
            NoUpstream { branch } => t!(
                lang,
                format!(
                    "første gang: `git push -u origin {branch}`; eller klon registeret fra serveren og kjør `forlop init` der"
                ),
                format!(
                    "the first time: `git push -u origin {branch}`; or clone the register from the server and run `forlop init` there"
                )
            ),
            Dirty { .. } => t!(
                lang,
                "commit dem (`git commit -a`, eller skriv med `--commit`) eller forkast dem, og kjør `forlop sync` igjen",
                "commit them (`git commit -a`, or write with `--commit`) or discard them, and run `forlop sync` again"
            ),
            MergeInProgress => t!(
                lang,
                "løs konfliktene, kjør `forlop check` og `git commit -a`, så `forlop sync`",
                "resolve the conflicts, run `forlop check` and `git commit -a`, then `forlop sync`"
            ),
            Offline { .. } => t!(
                lang,
                "kjør `forlop sync` igjen når nettet eller serveren er tilbake",
                "run `forlop sync` again when the network or the server is back"
            ),
            PushRejected { .. } => t!(
                lang,
                "kjør `forlop sync` igjen; sier serveren at en sak har feil, rett den og commit først",
                "run `forlop sync` again; if the server says a case has errors, fix it and commit first"
            ),
            SyncCheckFailed => t!(
                lang,
                "rett feilene, `git commit -a`, og kjør `forlop sync` igjen",
                "fix the errors, `git commit -a`, and run `forlop sync` again"
            ),
            DubiousOwnership { path } => t!(
                lang,
                format!(
                    "hver bruker som deler arbeidskopien kjører én gang: git config --global --add safe.directory '{path}'"
                ),
                format!(
                    "every user who shares the working copy runs once: git config --global --add safe.directory '{path}'"
                )
            ),
            PermissionDenied { .. } => t!(
                lang,
                "en delt arbeidskopi trenger felles gruppe og skriverett for gruppa: `chgrp -R GRUPPE` og `chmod -R g+rwX`",
                "a shared working copy needs one group with group write access: `chgrp -R GROUP` and `chmod -R g+rwX`"
            ),
            CommitFailed { .. } => t!(
                lang,
                "sett git-identitet (`git config user.name`/`user.email`) eller rett det kroken klager på, og skriv på nytt",
                "set your git identity (`git config user.name`/`user.email`) or fix what the hook reports, and write again"
            ),
            FileHasConflicts { .. } => t!(
                lang,
                "løs konflikten, og kjør så `forlop check`",
                "resolve the conflict, then run `forlop check`"
            ),
            NotSetUp => t!(
                lang,
                "kjør `forlop init` én gang i klonen, så `forlop sync`",
                "run `forlop init` once in the clone, then `forlop sync`"
            ),
            NoSuchMe { .. } => t!(
                lang,
                "legg `email = \"…\"` til deg selv i team.toml, eller oppgi din id",
                "add `email = \"…\"` to yourself in team.toml, or give your id"
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every() -> Vec<TeamUi> {
        let s = || "x".to_string();
        use TeamUi::*;
        vec![
            CloneSetUp { dir: s() },
            InitCommitted {
                commit: s(),
                files: s(),
            },
            InitNotCommitted {
                files: s(),
                detail: s(),
            },
            NotOnPath,
            ForeignHook { path: s() },
            MergeConflicts {
                file: s(),
                fields: s(),
            },
            MergeBroke { file: s() },
            MergeKept {
                file: s(),
                entries: s(),
            },
            NoUpstream { branch: s() },
            Dirty { files: s() },
            MergeInProgress,
            Offline {
                remote: s(),
                detail: s(),
            },
            PushRejected { detail: s() },
            SyncConflicts { cases: s() },
            SyncCheckFailed,
            Synced {
                pulled: 1,
                pushed: 1,
            },
            DubiousOwnership { path: s() },
            PermissionDenied { path: s() },
            CommitFailed {
                file: s(),
                detail: s(),
            },
            FileHasConflicts { file: s() },
            NoSuchMe { email: s() },
            NotSetUp,
        ]
    }

    #[test]
    fn every_team_message_has_both_languages() {
        for m in every() {
            let (nb, en) = (m.text(Lang::Nb), m.text(Lang::En));
            assert!(!nb.is_empty() && nb != en, "{m:?}");
            assert_eq!(
                m.hint(Lang::Nb).is_some(),
                m.hint(Lang::En).is_some(),
                "{m:?}"
            );
            if let (Some(a), Some(b)) = (m.hint(Lang::Nb), m.hint(Lang::En)) {
                assert_ne!(a, b, "{m:?}");
            }
        }
    }
}
