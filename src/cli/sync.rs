//! Team work through git: `forlop sync` (pull with the merge driver, check, push) and the hidden
//! `forlop merge-driver` git calls for case files. Both are thin shells around [`crate::merge`].

use std::path::{Path, PathBuf};

use clap::Args;

use super::{Ctx, Failure};
use crate::diag::{Severity, render_human_masked};
use crate::git::{GitError, git};
use crate::i18n::{Lang, TeamUi, Ui};

#[derive(Args, Debug)]
pub struct MergeDriverArgs {
    /// The common ancestor's version (git's %O)
    #[arg(value_name = "FILE")]
    pub base: PathBuf,
    /// Our version (git's %A); the merged result is written here
    #[arg(value_name = "FILE")]
    pub ours: PathBuf,
    /// Their version (git's %B)
    #[arg(value_name = "FILE")]
    pub theirs: PathBuf,
    /// The file's path in the repository (git's %P)
    #[arg(value_name = "FILE")]
    pub path: Option<String>,
}

#[derive(Args, Debug)]
pub struct SyncArgs {}

fn io(e: std::io::Error) -> anyhow::Error {
    Failure::work(Ui::Io {
        detail: e.to_string(),
    })
}

/// `forlop merge-driver %O %A %B %P`: merges a case file semantically; exit 0 when clean, 1 when
/// git must mark the file as conflicted (the conflict blocks are in the file).
pub fn merge_driver(ctx: &mut Ctx, a: MergeDriverArgs) -> anyhow::Result<u8> {
    let read = |p: &Path| std::fs::read_to_string(p);
    let shown = a
        .path
        .clone()
        .unwrap_or_else(|| a.ours.display().to_string());
    let cwd = std::env::current_dir().map_err(io)?;
    // The register holding the file: git runs the driver at the top of the work tree.
    let file_dir = a
        .path
        .as_deref()
        .map(|p| cwd.join(p))
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .unwrap_or(cwd.clone());
    let root = crate::register::discover(None, &file_dir).ok();
    let context = root.as_deref().map(crate::register::load_context);
    if let Some(c) = &context {
        ctx.adopt_lang(&c.settings);
    }
    let texts = (read(&a.base), read(&a.ours), read(&a.theirs));
    let merged = match &texts {
        (Ok(b), Ok(o), Ok(t)) => {
            let rules = rules(context.as_ref(), o);
            crate::merge::merge_with(b, o, t, &rules).ok()
        }
        _ => None,
    };
    let Some(merged) = merged else {
        // Not TOML (or not text): git's own line merge, as without the driver.
        let out = std::process::Command::new("git")
            .args(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs"])
            .arg(&a.ours)
            .arg(&a.base)
            .arg(&a.theirs)
            .output()
            .map_err(io)?;
        // What git says about the files goes the one way to stderr (no control character raw).
        super::to_stderr(&String::from_utf8_lossy(&out.stderr));
        return Ok(if out.status.success() { 0 } else { 1 });
    };
    std::fs::write(&a.ours, &merged.text).map_err(io)?;
    if !merged.conflicts.is_empty() {
        let fields = merged
            .conflicts
            .iter()
            .map(|c| c.name())
            .collect::<Vec<_>>()
            .join(", ");
        ctx.warn(&Ui::Team(TeamUi::MergeConflicts {
            file: shown,
            fields,
        }));
        return Ok(1);
    }
    if !merged.kept.is_empty() {
        ctx.warn(&Ui::Team(TeamUi::MergeKept {
            file: shown.clone(),
            entries: merged.kept.join(", "),
        }));
    }
    // The merged file is checked: errors neither side had make git stop here.
    if let (Some(context), (_, Ok(o), Ok(t))) = (&context, &texts) {
        let cctx = context.case_context(ctx.today);
        let stem = shown
            .rsplit('/')
            .next()
            .and_then(|n| n.strip_suffix(".toml"))
            .unwrap_or("");
        let (errors, _) = crate::edit::problems(&shown, &merged.text, stem, &cctx);
        let mut before = crate::edit::problems(&shown, o, stem, &cctx).0;
        before.extend(crate::edit::problems(&shown, t, stem, &cctx).0);
        let added = crate::edit::new_problems(&before, errors);
        if !added.is_empty() {
            // Under redaction the source lines shown mask the patient's identity.
            let mask = (context.settings.redact && !ctx.global.show_identity)
                .then(|| crate::redact::identity_values_in_text(&merged.text));
            for d in &added {
                super::to_stderr(&render_human_masked(
                    d,
                    ctx.lang,
                    ctx.color,
                    mask.as_deref(),
                ));
            }
            ctx.warn(&Ui::Team(TeamUi::MergeBroke { file: shown }));
            return Ok(1);
        }
    }
    Ok(0)
}

/// The merge rules of the case's pathway: every milestone but treatment starts is recorded once.
fn rules(context: Option<&crate::register::Context>, text: &str) -> crate::merge::Rules {
    let pathway = crate::parse::strip_bom(text)
        .parse::<toml_edit::DocumentMut>()
        .ok()
        .and_then(|d| d.get("pathway").and_then(|p| p.as_str()).map(String::from));
    let found = context
        .zip(pathway)
        .and_then(|(c, id)| crate::model::find_pathway(&c.pathways, &id));
    crate::merge::Rules {
        once: found
            .map(|p| {
                p.milestones
                    .iter()
                    .filter(|m| m.role != Some(crate::model::Role::Treatment))
                    .map(|m| m.id.value.clone())
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// One conflict block of a file as a line for the user: where, which field, both values.
fn describe_block(lang: Lang, case: &str, text: &str, b: &crate::merge::ConflictBlock) -> String {
    // The section the block is in, and the line naming its entry (id, milestone or date).
    let before: Vec<&str> = text[..b.start].lines().collect();
    let header_at = before.iter().rposition(|l| l.trim_start().starts_with('['));
    let mut place = String::new();
    if let Some(h) = header_at {
        place = before[h].trim().to_string();
        if let Some(key) = before[h + 1..].iter().find(|l| {
            let l = l.trim_start();
            l.starts_with("id =") || l.starts_with("milestone =") || l.starts_with("date =")
        }) {
            let value = key.split_once('=').map_or("", |(_, v)| v.trim());
            place = format!("{place} {}", value.trim_matches('"'));
        }
    }
    let field = b
        .ours
        .iter()
        .chain(&b.theirs)
        .find_map(|l| l.split_once('=').map(|(k, _)| k.trim().to_string()))
        .unwrap_or_default();
    let value = |lines: &[String]| {
        let v: Vec<String> = lines
            .iter()
            .map(|l| {
                l.split_once('=')
                    .map_or(l.trim(), |(_, v)| v.trim())
                    .to_string()
            })
            .collect();
        if v.is_empty() {
            "—".to_string()
        } else {
            v.join(" ")
        }
    };
    let (ours, theirs) = (value(&b.ours), value(&b.theirs));
    let place = if place.is_empty() {
        field
    } else {
        format!("{place} {field}")
    };
    crate::i18n::t!(
        lang,
        format!("{case}: {place} (hos deg: {ours}; fra serveren: {theirs})"),
        format!("{case}: {place} (yours: {ours}; from the server: {theirs})")
    )
}

fn identity_values(text: &str) -> Vec<String> {
    crate::redact::identity_values_in_text(text)
}

/// The first line of git's message, for a one-line report.
fn first_line(m: &str) -> String {
    m.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("hint:"))
        .unwrap_or("")
        .to_string()
}

fn count(dir: &Path, range: &str) -> usize {
    git(dir, &["rev-list", "--count", range])
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0)
}

/// `forlop sync`: fetch and merge the server's work (never rebase) with the merge driver, check
/// the register, push.
pub fn sync(ctx: &mut Ctx, _args: SyncArgs) -> anyhow::Result<u8> {
    let (root, context) = ctx.context()?;
    let redact = context.settings.redact && !ctx.global.show_identity;
    if !crate::git::repo_status(&root).map_err(Failure::git)? {
        return Err(Failure::work(Ui::NotARepo));
    }
    let dir = PathBuf::from(crate::git::toplevel(&root).map_err(Failure::git)?);
    if crate::git::merge_in_progress(&dir) {
        return Err(Failure::work(Ui::Team(TeamUi::MergeInProgress)));
    }
    // Without the merge driver (a clone where `forlop init` was not run, or a register without
    // .gitattributes) two writes to one case would conflict line by line.
    let driver = git(&root, &["config", "merge.forlop.driver"]).is_ok();
    let routed = git(&root, &["check-attr", "merge", "--", "cases/x/probe.toml"])
        .is_ok_and(|a| a.trim_end().ends_with(": forlop"));
    if !driver || !routed {
        return Err(Failure::work(Ui::Team(TeamUi::NotSetUp)));
    }
    let branch = git(&dir, &["symbolic-ref", "--short", "-q", "HEAD"])
        .map(|b| b.trim().to_string())
        .unwrap_or_else(|_| "HEAD".into());
    let remote = git(&dir, &["config", &format!("branch.{branch}.remote")])
        .map(|r| r.trim().to_string())
        .ok();
    let merge_ref = git(&dir, &["config", &format!("branch.{branch}.merge")])
        .map(|r| r.trim().to_string())
        .ok();
    let (Some(remote), Some(merge_ref)) = (remote, merge_ref) else {
        return Err(Failure::work(Ui::Team(TeamUi::NoUpstream { branch })));
    };
    let dirty =
        git(&dir, &["status", "--porcelain", "--untracked-files=no"]).map_err(Failure::git)?;
    let dirty: Vec<String> = dirty
        .lines()
        .filter_map(|l| l.get(3..))
        .map(String::from)
        .collect();
    if !dirty.is_empty() {
        let mut files = dirty.iter().take(5).cloned().collect::<Vec<_>>().join(", ");
        if dirty.len() > 5 {
            files.push_str(", …");
        }
        return Err(Failure::work(Ui::Team(TeamUi::Dirty { files })));
    }
    let url = git(&dir, &["remote", "get-url", &remote])
        .map(|u| u.trim().to_string())
        .unwrap_or_else(|_| remote.clone());
    let offline = |e: GitError| match e {
        GitError::Missing => Failure::work(Ui::GitMissing),
        GitError::Failed(m) => Failure::work(Ui::Team(TeamUi::Offline {
            remote: url.clone(),
            detail: first_line(&m),
        })),
    };
    git(&dir, &["fetch", "--quiet", &remote]).map_err(offline)?;
    let upstream = git(
        &dir,
        &["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"],
    )
    .map(|u| u.trim().to_string())
    .unwrap_or_else(|_| format!("{remote}/{}", merge_ref.trim_start_matches("refs/heads/")));
    let pulled = count(&dir, &format!("HEAD..{upstream}"));
    if pulled > 0 {
        let merged = git(&dir, &["merge", "--no-edit", &upstream]);
        if let Err(e) = merged {
            let conflicted =
                git(&dir, &["diff", "--name-only", "--diff-filter=U", "-z"]).unwrap_or_default();
            let files: Vec<&str> = conflicted.split('\0').filter(|f| !f.is_empty()).collect();
            if files.is_empty() {
                return Err(Failure::git(e));
            }
            let mut lines = Vec::new();
            for f in &files {
                let text = std::fs::read_to_string(dir.join(f)).unwrap_or_default();
                let case = f
                    .rsplit('/')
                    .next()
                    .and_then(|n| n.strip_suffix(".toml"))
                    .unwrap_or(f);
                let blocks = crate::merge::conflict_blocks(&text);
                if blocks.is_empty() {
                    // Merged without a field conflict, but the result breaks a rule (the same
                    // milestone recorded on both sides, on different days): say which.
                    let cctx = context.case_context(ctx.today);
                    let (errors, _) = crate::edit::problems(f, &text, case, &cctx);
                    match errors.first() {
                        Some(d) => {
                            let line = d.loc.map_or(0, |l| l.line);
                            let msg = d.msg.text(ctx.lang);
                            let msg = if redact {
                                crate::redact::mask(&msg, &identity_values(&text))
                            } else {
                                msg
                            };
                            lines.push(crate::i18n::t!(
                                ctx.lang,
                                format!("{case}: flettet uten feltkonflikt, men {msg} (linje {line})"),
                                format!("{case}: merged without a field conflict, but {msg} (line {line})")
                            ));
                        }
                        None => lines.push(f.to_string()),
                    }
                }
                // Under redaction the values shown mask the patient's identity.
                let identity = crate::redact::identity_values_in_text(&text);
                for b in &blocks {
                    let line = describe_block(ctx.lang, case, &text, b);
                    lines.push(if redact {
                        crate::redact::mask(&line, &identity)
                    } else {
                        line
                    });
                }
            }
            // One case to a line: a line feed in a value quoted from a file is escaped, so it
            // cannot start a line of its own.
            let lines: Vec<_> = lines
                .iter()
                .map(|l| crate::terminal::escape_line(l))
                .collect();
            let cases = format!("\n  {}", lines.join("\n  "));
            return Err(Failure::work(Ui::Team(TeamUi::SyncConflicts { cases })));
        }
    }
    // Check what is about to be shared.
    let reg = crate::register::load(&root, ctx.today);
    let errors: Vec<_> = reg
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        for d in errors {
            let mask = (redact && d.file.starts_with("cases/")).then(|| {
                crate::register::read_text(&root.join(&d.file), &d.file)
                    .map(|t| crate::redact::identity_values_in_text(&t))
                    .unwrap_or_default()
            });
            super::to_stderr(&render_human_masked(
                d,
                ctx.lang,
                ctx.color,
                mask.as_deref(),
            ));
        }
        return Err(Failure::work(Ui::Team(TeamUi::SyncCheckFailed)));
    }
    let pushed = count(&dir, &format!("{upstream}..HEAD"));
    if pushed > 0 {
        let target = format!("HEAD:{merge_ref}");
        if let Err(e) = git(&dir, &["push", "--quiet", &remote, &target]) {
            return Err(match e {
                GitError::Failed(m)
                    if m.contains("rejected")
                        || m.contains("declined")
                        || m.contains("non-fast-forward") =>
                {
                    Failure::work(Ui::Team(TeamUi::PushRejected {
                        detail: m.trim().to_string(),
                    }))
                }
                e => offline(e),
            });
        }
    }
    if !ctx.global.quiet {
        super::say(&Ui::Team(TeamUi::Synced { pulled, pushed }).text(ctx.lang));
    }
    Ok(0)
}
