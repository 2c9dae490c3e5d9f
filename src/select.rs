//! One selection: which cases a command looks at (the global `--coordinator` and `--pathway`
//! filters, named cases) and whether it shows identities (the redaction policy), decided once.

use crate::i18n::Ui;
use crate::model::Case;
use crate::register::Register;
use crate::suggest::suggest;

/// The global filters and the redaction policy of one command run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Only cases of this coordinator (a team.toml id).
    pub coordinator: Option<String>,
    /// Only cases of this pathway.
    pub pathway: Option<String>,
    /// Outputs show initials and case ids, never a name or fødselsnummer.
    pub redact: bool,
}

impl Selection {
    /// The selection for `coordinator`/`pathway` filters; identities are hidden when the
    /// register's `[report] redact` is on, unless `show_identity` lifts it.
    pub fn new(
        coordinator: Option<&str>,
        pathway: Option<&str>,
        redact_setting: bool,
        show_identity: bool,
    ) -> Self {
        Selection {
            coordinator: coordinator.map(String::from),
            pathway: pathway.map(String::from),
            redact: redact_setting && !show_identity,
        }
    }

    /// Whether `case` passes the filters (open or not: that is the command's question).
    pub fn admits(&self, case: &Case) -> bool {
        self.coordinator
            .as_deref()
            .is_none_or(|id| case.coordinator.as_ref().is_some_and(|x| x.value == id))
            && self
                .pathway
                .as_deref()
                .is_none_or(|p| case.pathway.value == p)
    }

    /// The same selection without the pathway filter (handover takes cases by coordinator).
    pub fn without_pathway(&self) -> Self {
        Selection {
            pathway: None,
            ..self.clone()
        }
    }

    /// Checks that the named cases, the coordinator and the pathway exist in `reg`; the
    /// message names the nearest known one.
    pub fn validate(&self, reg: &Register, cases: &[String]) -> Result<(), Ui> {
        for id in cases {
            if !reg.keys.iter().any(|c| c.id.value == *id) {
                let suggestion = suggest(id, reg.keys.iter().map(|c| c.id.value.as_str()));
                return Err(Ui::UnknownCase {
                    id: id.clone(),
                    suggestion,
                });
            }
        }
        if let Some(c) = self.coordinator.as_deref() {
            let in_team = reg.team.as_ref().is_some_and(|t| t.get(c).is_some());
            let in_cases = reg.keys.iter().any(|x| x.coordinator.as_deref() == Some(c));
            if !in_team && !in_cases {
                let known = reg
                    .team
                    .iter()
                    .flat_map(|t| t.people.iter().map(|p| p.id.value.as_str()));
                return Err(Ui::UnknownCoordinator {
                    id: c.into(),
                    suggestion: suggest(c, known),
                });
            }
        }
        if let Some(p) = self.pathway.as_deref()
            && reg.pathway(p).is_none()
        {
            let suggestion = suggest(p, reg.pathways.iter().map(|x| x.id.value.as_str()));
            return Err(Ui::UnknownPathway {
                id: p.into(),
                suggestion,
            });
        }
        Ok(())
    }
}
