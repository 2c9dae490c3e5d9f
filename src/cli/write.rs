//! The routine writes: `new`, `record`, `book`, `task`, `note`, `deviation`, `transfer`, `close`.

use chrono::NaiveDate;
use clap::Args;

use super::{Ctx, Failure, parse_date};
use crate::diag::render_human_masked;
use crate::edit::{Change, EditError, Field, NewCase, Refusal, Written, create_case, edit_case};
use crate::i18n::Ui;
use crate::model::{CloseReason, IndividualPlan, Outcome, Role, Treatment, Vocab};
use crate::register::Context;
use crate::suggest::suggest;

/// `--commit` / `--no-commit` (forlop.toml `auto_commit` sets the default).
#[derive(Args, Debug, Clone)]
pub struct CommitArgs {
    /// Commit the change to git (only this file), under your own git identity
    #[arg(long, conflicts_with = "no_commit")]
    pub commit: bool,
    /// Do not commit, even when forlop.toml has `auto_commit = true`
    #[arg(long)]
    pub no_commit: bool,
}

/// A value parser for a vocabulary: clap knows the words, so help lists them, completions offer
/// them, and a wrong word gets clap's did-you-mean (in the user's language, see help.rs).
fn vocab<V: Vocab + Send + Sync>() -> impl clap::builder::TypedValueParser<Value = V> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(V::ALL.iter().map(|(_, w)| *w))
        .map(|s| V::from_word(&s).expect("clap accepts only the listed words"))
}

#[derive(Args, Debug)]
pub struct NewArgs {
    /// The case id, also the file name: lowercase a–z, digits and hyphens (e.g. te-0142)
    pub id: String,
    /// The pathway id (`forlop pathways` lists them)
    #[arg(long)]
    pub pathway: String,
    /// The date the referral was received
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub referral: NaiveDate,
    /// The patient's name (optional)
    #[arg(long)]
    pub name: Option<String>,
    /// The patient's fødselsnummer (optional)
    #[arg(long)]
    pub fnr: Option<String>,
    #[command(flatten)]
    pub commit: CommitArgs,
}

#[derive(Args, Debug)]
pub struct RecordArgs {
    /// The case id
    pub case: String,
    /// The milestone reached (an id of the case's pathway, e.g. first-visit)
    pub milestone: String,
    /// The date (default: today)
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
    /// For a decision: cancer, other-cancer, other-disease, no-disease, unknown-origin
    #[arg(long, value_parser = vocab::<Outcome>())]
    pub outcome: Option<Outcome>,
    /// For a treatment start, its type; for a decision, the planned treatment
    #[arg(long, value_parser = vocab::<Treatment>())]
    pub treatment: Option<Treatment>,
    /// A note on the event
    #[arg(long)]
    pub note: Option<String>,
    /// Correct the event already recorded (its date, outcome, type or note) instead of adding one
    #[arg(long)]
    pub amend: bool,
    #[command(flatten)]
    pub commit: CommitArgs,
}

#[derive(Args, Debug)]
pub struct BookArgs {
    /// The case id
    pub case: String,
    /// The date booked
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub date: NaiveDate,
    /// What is booked (an appointment)
    #[arg(long, required_unless_present_any = ["mdt", "cancel"], conflicts_with_all = ["mdt", "cancel"])]
    pub what: Option<String>,
    /// The time, HH:MM
    #[arg(long, conflicts_with = "mdt")]
    pub time: Option<String>,
    /// Where
    #[arg(long = "where", conflicts_with = "mdt")]
    pub place: Option<String>,
    /// Book an MDT meeting instead of an appointment
    #[arg(long)]
    pub mdt: bool,
    /// The question for the MDT meeting
    #[arg(long, requires = "mdt")]
    pub question: Option<String>,
    /// The MDT meeting's conclusion (fills in the meeting on --date, or adds it)
    #[arg(long, requires = "mdt")]
    pub conclusion: Option<String>,
    /// This appointment is the planned date of this milestone (e.g. treatment)
    #[arg(long, conflicts_with = "mdt")]
    pub milestone: Option<String>,
    /// Cancel what is booked on --date (the appointments, or with --mdt the MDT meeting)
    #[arg(long, conflicts_with_all = ["time", "place", "question", "conclusion", "milestone"])]
    pub cancel: bool,
    #[command(flatten)]
    pub commit: CommitArgs,
}

/// The case fields `forlop set` changes.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldName {
    /// The coordinator (a team.toml id)
    Coordinator,
    /// The responsible doctor (a team.toml id)
    Doctor,
    /// The planned treatment: surgery, drug, radiation, symptom-relief, surveillance, none
    Treatment,
    /// The patient's GP (fastlege), free text
    Gp,
    /// Individual plan: not-assessed, not-needed, wanted, established
    IndividualPlan,
    /// Consent to contact the municipal cancer coordinator: yes or no
    Consent,
}

#[derive(Args, Debug)]
pub struct SetArgs {
    /// The case id
    pub case: String,
    /// The field to change
    #[arg(value_enum)]
    pub field: FieldName,
    /// The new value
    pub value: String,
    #[command(flatten)]
    pub commit: CommitArgs,
}

#[derive(Args, Debug)]
pub struct ReopenArgs {
    /// The case id
    pub case: String,
    #[command(flatten)]
    pub commit: CommitArgs,
}

#[derive(Args, Debug)]
pub struct TaskArgs {
    /// The case id
    pub case: String,
    /// The task id (a pathway task, or a new ad-hoc task with --name and --due)
    pub task: String,
    /// Mark the task done
    #[arg(long, conflicts_with_all = ["name", "due"], required_unless_present = "name")]
    pub done: bool,
    /// The day it was done (default: today)
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD", requires = "done")]
    pub date: Option<NaiveDate>,
    /// An ad-hoc task's name
    #[arg(long, requires = "due")]
    pub name: Option<String>,
    /// An ad-hoc task's due date
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD", requires = "name")]
    pub due: Option<NaiveDate>,
    #[command(flatten)]
    pub commit: CommitArgs,
}

#[derive(Args, Debug)]
pub struct NoteArgs {
    /// The case id
    pub case: String,
    /// The note
    pub text: String,
    /// The date (default: today)
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
    /// Who writes it (a team.toml id; default: the person with your git email)
    #[arg(long)]
    pub by: Option<String>,
    #[command(flatten)]
    pub commit: CommitArgs,
}

#[derive(Args, Debug)]
pub struct DeviationArgs {
    /// The case id
    pub case: String,
    /// The standard time exceeded (e.g. OF2)
    pub interval: String,
    /// Why
    #[arg(long)]
    pub reason: String,
    /// The day it was reported to the leader
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub reported: Option<NaiveDate>,
    #[command(flatten)]
    pub commit: CommitArgs,
}

#[derive(Args, Debug)]
pub struct TransferArgs {
    /// The case id
    pub case: String,
    /// The receiving hospital
    #[arg(long)]
    pub to: String,
    /// The receiving coordinator (a team.toml id)
    #[arg(long)]
    pub contact: Option<String>,
    /// The day the referral was sent (default: today)
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
    /// Replace the transfer already recorded
    #[arg(long)]
    pub replace: bool,
    #[command(flatten)]
    pub commit: CommitArgs,
}

#[derive(Args, Debug)]
pub struct CloseArgs {
    /// The case id
    pub case: String,
    /// treatment-started, not-cancer, transferred, declined, died or other
    #[arg(long, value_parser = vocab::<CloseReason>())]
    pub reason: CloseReason,
    /// The date (default: today)
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
    /// Replace the closure already recorded
    #[arg(long)]
    pub replace: bool,
    #[command(flatten)]
    pub commit: CommitArgs,
}

/// Under redaction, the identity values masked in the diagnostics a write prints.
type Mask<'a> = Option<&'a [String]>;

fn edit_failure(e: EditError, ctx: &Ctx, mask: Mask<'_>) -> anyhow::Error {
    match e {
        EditError::UnknownCase(id) => Failure::work(Ui::UnknownCase {
            id,
            suggestion: None,
        }),
        EditError::CaseExists(file) => Failure::work(Ui::CaseExists { file }),
        EditError::BadId(id) => Failure::work(Ui::BadCaseId { id }),
        EditError::WouldBreak(diags) => {
            for d in &diags {
                super::to_stderr(&render_human_masked(d, ctx.lang, ctx.color, mask));
            }
            Failure::work(Ui::WouldBreak)
        }
        EditError::Refused(_) => Failure::work(Ui::WouldBreak),
        EditError::Uncommitted(file) => Failure::work(Ui::Uncommitted { file }),
        EditError::NotARepo => Failure::work(Ui::NotARepo),
        EditError::GitMissing => Failure::work(Ui::GitMissing),
        EditError::Git(detail) => Failure::work(super::git_ui(detail)),
        EditError::Io(detail) => Failure::work(Ui::Io { detail }),
        EditError::Conflict { file, diags } => {
            for d in &diags {
                super::to_stderr(&render_human_masked(d, ctx.lang, ctx.color, mask));
            }
            Failure::work(Ui::Team(crate::i18n::TeamUi::FileHasConflicts { file }))
        }
        EditError::MergeInProgress => Failure::work(Ui::Team(crate::i18n::TeamUi::MergeInProgress)),
        EditError::PermissionDenied(path) => {
            Failure::work(Ui::Team(crate::i18n::TeamUi::PermissionDenied { path }))
        }
        EditError::CommitFailed { file, detail } => {
            Failure::work(Ui::Team(crate::i18n::TeamUi::CommitFailed { file, detail }))
        }
        EditError::ThroughLink(path) => Failure::work(Ui::ThroughLink { path }),
        EditError::BadLockFile(path) => Failure::work(Ui::BadLockFile { path }),
        EditError::WouldReplace { table, date } => Failure::work(if table == "closed" {
            Ui::AlreadyClosed { date }
        } else {
            Ui::AlreadyTransferred { date }
        }),
        EditError::Unusable(diags) => {
            for d in &diags {
                super::to_stderr(&render_human_masked(d, ctx.lang, ctx.color, mask));
            }
            Failure::work(Ui::CaseUnusable)
        }
    }
}

struct Target {
    root: std::path::PathBuf,
    context: Context,
}

fn target(ctx: &mut Ctx) -> anyhow::Result<Target> {
    let (root, context) = ctx.context()?;
    Ok(Target { root, context })
}

fn confirm(ctx: &Ctx, case: &str, done: &[crate::i18n::Done], written: &Written, mask: Mask<'_>) {
    if ctx.global.quiet {
        return;
    }
    // What was typed (an appointment, a hospital) is echoed: never a control character raw.
    let line = crate::i18n::written(
        case,
        done,
        &written.file,
        written.commit.as_deref(),
        ctx.lang,
    );
    super::say(&line);
    for w in &written.warnings {
        super::to_stderr(&render_human_masked(w, ctx.lang, ctx.color, mask));
    }
}

/// Builds the changes from the case's pathway (if it can be read), applies them to `case` and
/// confirms on stderr.
fn write(
    ctx: &mut Ctx,
    case: &str,
    commit: &CommitArgs,
    make: impl FnOnce(Option<&crate::model::Pathway>) -> Vec<Change>,
) -> anyhow::Result<u8> {
    let t = target(ctx)?;
    let cctx = t.context.case_context(ctx.today);
    let text = crate::edit::find_case_files(&t.root, case)
        .first()
        .and_then(|p| crate::register::read_text(p, case).ok());
    let (pathway, planned) = text
        .as_deref()
        .and_then(parse_pathway_and_treatment)
        .map(|(p, tr)| (t.context.pathways.iter().find(|x| x.id.value == p), tr))
        .unwrap_or((None, None));
    let redact = t.context.settings.redact && !ctx.global.show_identity;
    let identity: Option<Vec<String>> = redact.then(|| {
        text.as_deref()
            .map(crate::redact::identity_values_in_text)
            .unwrap_or_default()
    });
    let changes = make(pathway);
    let what: Vec<String> = changes
        .iter()
        .map(|c| c.describe(pathway, planned))
        .collect();
    let what = what.join(", ");
    let done: Vec<_> = changes.iter().map(|c| c.done(pathway, planned)).collect();
    let auto = t.context.settings.auto_commit && !commit.no_commit;
    let message = (commit.commit || auto).then(|| format!("{case}: {what}"));
    let written =
        edit_case(&t.root, case, &changes, &cctx, message.as_deref()).map_err(|e| match e {
            EditError::UnknownCase(id) => {
                let known = crate::edit::all_case_ids(&t.root);
                let suggestion = suggest(&id, known.iter().map(String::as_str));
                Failure::work(Ui::UnknownCase { id, suggestion })
            }
            EditError::Refused(r) => Failure::work(match r {
                Refusal::Closed { date } => Ui::CaseClosed {
                    case: case.to_string(),
                    date: date.to_string(),
                },
                Refusal::NotClosed => Ui::NotClosed {
                    case: case.to_string(),
                },
                Refusal::NotRecorded { milestone } => Ui::NotRecorded {
                    case: case.to_string(),
                    milestone,
                },
                Refusal::NothingBooked { date } => Ui::NothingBooked {
                    case: case.to_string(),
                    date: date.to_string(),
                },
            }),
            e => edit_failure(e, ctx, identity.as_deref()),
        })?;
    confirm(ctx, case, &done, &written, identity.as_deref());
    Ok(0)
}

/// The pathway id and planned treatment of a case text, for describing a change.
fn parse_pathway_and_treatment(text: &str) -> Option<(String, Option<Treatment>)> {
    let doc: toml_edit::DocumentMut = crate::parse::strip_bom(text).parse().ok()?;
    let pathway = doc.get("pathway")?.as_str()?.to_string();
    let planned = doc
        .get("treatment")
        .and_then(|t| t.as_str())
        .and_then(Treatment::from_word);
    Some((pathway, planned))
}

pub fn new(ctx: &mut Ctx, args: NewArgs) -> anyhow::Result<u8> {
    let t = target(ctx)?;
    let Some(pathway) = t
        .context
        .pathways
        .iter()
        .find(|p| p.id.value == args.pathway)
    else {
        let suggestion = suggest(
            &args.pathway,
            t.context.pathways.iter().map(|p| p.id.value.as_str()),
        );
        return Err(Failure::work(Ui::UnknownPathway {
            id: args.pathway,
            suggestion,
        }));
    };
    let new_case = NewCase {
        id: &args.id,
        pathway,
        referral: args.referral,
        coordinator: ctx.global.coordinator.as_deref(),
        name: args.name.as_deref(),
        fnr: args.fnr.as_deref(),
        today: ctx.today,
    };
    let referral = pathway
        .milestone_with_role(Role::Start)
        .map(|m| m.id.value.clone())
        .unwrap_or_default();
    let referral_event = Change::Event {
        milestone: referral,
        date: args.referral,
        outcome: None,
        treatment: None,
        note: None,
    };
    let what = referral_event.describe(Some(pathway), None);
    let done = crate::i18n::Done::NewCase {
        pathway: pathway.id.value.clone(),
        referral: args.referral.to_string(),
        code: referral_event.event_code(Some(pathway), None),
    };
    let what = format!("new case ({}), {what}", pathway.id.value);
    let message = (args.commit.commit
        || (t.context.settings.auto_commit && !args.commit.no_commit))
        .then(|| format!("{}: {what}", args.id));
    let redact = t.context.settings.redact && !ctx.global.show_identity;
    let identity: Option<Vec<String>> =
        redact.then(|| args.name.iter().chain(args.fnr.iter()).cloned().collect());
    let written = create_case(
        &t.root,
        &new_case,
        &t.context.case_context(ctx.today),
        message.as_deref(),
    )
    .map_err(|e| edit_failure(e, ctx, identity.as_deref()))?;
    confirm(ctx, &args.id, &[done], &written, identity.as_deref());
    Ok(0)
}

pub fn record(ctx: &mut Ctx, a: RecordArgs) -> anyhow::Result<u8> {
    let date = a.date.unwrap_or(ctx.today);
    let case = a.case.clone();
    write(ctx, &case, &a.commit, |pathway| {
        // On a decision, --treatment is the planned treatment; elsewhere it is the event's type.
        let decision = pathway.and_then(|p| p.role_of(&a.milestone)) == Some(Role::Decision);
        let treatment = if decision { None } else { a.treatment };
        let mut changes = vec![if a.amend {
            Change::AmendEvent {
                milestone: a.milestone,
                date: a.date,
                outcome: a.outcome,
                treatment,
                note: a.note,
            }
        } else {
            Change::Event {
                milestone: a.milestone,
                date,
                outcome: a.outcome,
                treatment,
                note: a.note,
            }
        }];
        if let (true, Some(t)) = (decision, a.treatment) {
            changes.push(Change::PlannedTreatment(t));
        }
        changes
    })
}

pub fn book(ctx: &mut Ctx, a: BookArgs) -> anyhow::Result<u8> {
    let change = if a.cancel {
        Change::Cancel {
            date: a.date,
            mdt: a.mdt,
        }
    } else if a.mdt {
        Change::Mdt {
            date: a.date,
            question: a.question,
            conclusion: a.conclusion,
        }
    } else {
        Change::Appointment {
            date: a.date,
            time: a.time,
            what: a.what.unwrap_or_default(),
            place: a.place,
            milestone: a.milestone,
        }
    };
    write(ctx, &a.case.clone(), &a.commit, |_| vec![change])
}

pub fn task(ctx: &mut Ctx, a: TaskArgs) -> anyhow::Result<u8> {
    let overdue = a
        .due
        .filter(|due| *due < ctx.today)
        .map(|due| Ui::TaskAlreadyOverdue {
            id: a.task.clone(),
            due: due.to_string(),
        });
    let change = match (a.done, a.name, a.due) {
        (true, _, _) => Change::TaskDone {
            id: a.task,
            date: a.date.unwrap_or(ctx.today),
        },
        (false, Some(name), Some(due)) => Change::AdHocTask {
            id: a.task,
            name,
            due,
        },
        _ => unreachable!("clap requires --done or --name with --due"),
    };
    let code = write(ctx, &a.case.clone(), &a.commit, |_| vec![change])?;
    // Written, but worth saying at once: a task created already overdue is likely a typo.
    if let Some(ui) = overdue {
        ctx.warn(&ui);
    }
    Ok(code)
}

/// The value of `forlop set FIELD VALUE`, checked against the field's vocabulary (exit 2 with a
/// did-you-mean otherwise).
fn field_value(field: FieldName, value: &str) -> anyhow::Result<Field> {
    fn word<V: Vocab>(field: &str, value: &str) -> anyhow::Result<V> {
        V::from_word(value).ok_or_else(|| {
            Failure::usage(Ui::BadFieldValue {
                field: field.into(),
                value: value.into(),
                allowed: V::words(),
                suggestion: suggest(value, V::ALL.iter().map(|(_, w)| *w)),
            })
        })
    }
    Ok(match field {
        FieldName::Coordinator => Field::Coordinator(value.into()),
        FieldName::Doctor => Field::Doctor(value.into()),
        FieldName::Gp => Field::Gp(value.into()),
        FieldName::Treatment => Field::Treatment(word("treatment", value)?),
        FieldName::IndividualPlan => {
            Field::IndividualPlan(word::<IndividualPlan>("individual-plan", value)?)
        }
        FieldName::Consent => {
            let yes = ["yes", "ja", "true"];
            let no = ["no", "nei", "false"];
            if yes.contains(&value) {
                Field::Consent(true)
            } else if no.contains(&value) {
                Field::Consent(false)
            } else {
                return Err(Failure::usage(Ui::BadFieldValue {
                    field: "consent".into(),
                    value: value.into(),
                    allowed: "yes,no".into(),
                    suggestion: suggest(value, yes.into_iter().chain(no)),
                }));
            }
        }
    })
}

pub fn set(ctx: &mut Ctx, a: SetArgs) -> anyhow::Result<u8> {
    let change = Change::Set(field_value(a.field, &a.value)?);
    write(ctx, &a.case.clone(), &a.commit, |_| vec![change])
}

pub fn reopen(ctx: &mut Ctx, a: ReopenArgs) -> anyhow::Result<u8> {
    write(ctx, &a.case.clone(), &a.commit, |_| vec![Change::Reopen])
}

pub fn note(ctx: &mut Ctx, a: NoteArgs) -> anyhow::Result<u8> {
    // The author by default: the team person whose `email` is git's user.email.
    let by = match a.by {
        Some(by) => Some(by),
        None => {
            let (root, context) = ctx.context()?;
            crate::git::user_email(&root).and_then(|email| {
                let team = context.team.as_ref()?;
                team.by_email(&email).map(|p| p.id.value.clone())
            })
        }
    };
    let change = Change::Note {
        date: a.date.unwrap_or(ctx.today),
        text: a.text,
        by,
    };
    write(ctx, &a.case.clone(), &a.commit, |_| vec![change])
}

pub fn deviation(ctx: &mut Ctx, a: DeviationArgs) -> anyhow::Result<u8> {
    let change = Change::Deviation {
        interval: a.interval,
        reason: a.reason,
        reported: a.reported,
    };
    write(ctx, &a.case.clone(), &a.commit, |_| vec![change])
}

pub fn transfer(ctx: &mut Ctx, a: TransferArgs) -> anyhow::Result<u8> {
    let contact = a.contact.clone();
    let change = Change::Transfer {
        date: a.date.unwrap_or(ctx.today),
        to: a.to,
        contact: a.contact,
        replace: a.replace,
    };
    let code = write(ctx, &a.case.clone(), &a.commit, |_| vec![change])?;
    // The regional routine: call the receiving coordinator as soon as possible.
    if !ctx.global.quiet {
        let (_, context) = ctx.context()?;
        let person = contact
            .as_deref()
            .and_then(|id| context.team.as_ref().and_then(|t| t.get(id)));
        let contact = match person {
            Some(p) => match &p.phone {
                Some(phone) => format!("{}, {phone}", p.name),
                None => p.name.clone(),
            },
            None => contact.unwrap_or_else(|| "–".into()),
        };
        let ui = Ui::CallReceiving {
            case: a.case,
            contact,
        };
        super::say(&ui.text(ctx.lang));
        if let Some(h) = ui.hint(ctx.lang) {
            super::say(&format!("  = {h}"));
        }
    }
    Ok(code)
}

pub fn close(ctx: &mut Ctx, a: CloseArgs) -> anyhow::Result<u8> {
    let change = Change::Close {
        date: a.date.unwrap_or(ctx.today),
        reason: a.reason,
        replace: a.replace,
    };
    write(ctx, &a.case.clone(), &a.commit, |_| vec![change])
}
