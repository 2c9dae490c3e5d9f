//! Validation rules: from the model to diagnostics. One file per family of rules.

pub mod case;
pub mod pathway;
pub mod register;

use crate::diag::Sink;
use crate::i18n::Msg;
use crate::model::Team;
use crate::suggest::suggest;

/// Checks that a person id named by `key` is in the team: an error when team.toml exists, a
/// warning when it does not (nothing to check against).
pub fn person(
    sink: &mut Sink<'_>,
    team: Option<&Team>,
    key: &str,
    id: &crate::model::Located<crate::model::Text>,
) {
    match team {
        Some(team) if team.get(&id.value).is_none() => {
            let suggestion = suggest(&id.value, team.people.iter().map(|p| p.id.value.as_str()));
            sink.error(
                id.span,
                Msg::UnknownPerson {
                    key: key.into(),
                    id: id.value.to_string(),
                    suggestion,
                },
            );
        }
        Some(_) => {}
        None => sink.warn(
            id.span,
            Msg::NoTeamFile {
                key: key.into(),
                id: id.value.to_string(),
            },
        ),
    }
}
