//! team.toml.

use std::collections::HashMap;

use super::Decoder;
use crate::diag::Diagnostic;
use crate::i18n::Msg;
use crate::model::{Person, Team};

/// Parses team.toml; an empty file is a valid, empty team.
pub fn parse_team(file: &str, text: &str) -> (Team, Vec<Diagnostic>) {
    let text = super::strip_bom(text);
    let mut d = Decoder::new(file, text);
    let mut team = Team::default();
    if let Some(doc) = d.document(text, false) {
        let root = d.root(&doc);
        d.keys(root, &["person"]);
        let mut seen: HashMap<String, crate::diag::Span> = HashMap::new();
        for p in d.tables(root, "person", "[[person]]") {
            d.keys(
                p,
                &["id", "name", "role", "phone", "hospital", "unit", "email"],
            );
            let id = d.req_id::<String>(p, "id");
            let name = d.req_string(p, "name");
            let role = d.vocab(p, "role").map(|r| r.value);
            let phone = d.string(p, "phone").map(|v| v.value);
            let hospital = d.string(p, "hospital").map(|v| v.value);
            let unit = d.string(p, "unit").map(|v| v.value);
            let email = d.string(p, "email").map(|v| v.value);
            let Some(id) = id else { continue };
            if let Some(&first) = seen.get(&id.value) {
                let first_line = d.sink.line(first);
                d.sink.error(
                    id.span,
                    Msg::DuplicatePerson {
                        id: id.value.clone(),
                        first_line,
                    },
                );
                continue;
            }
            seen.insert(id.value.clone(), id.span);
            team.people.push(Person {
                id,
                name: name.map(|n| n.value).unwrap_or_default(),
                role,
                phone,
                hospital,
                unit,
                email,
            });
        }
    }
    (team, d.sink.diags)
}
