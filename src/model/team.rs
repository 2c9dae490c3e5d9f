//! team.toml: the people a case can name.

use super::{Located, PersonRole};

/// One person: coordinator, doctor, nurse, secretary, or another hospital's coordinator.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub id: Located<String>,
    pub name: String,
    pub role: Option<PersonRole>,
    pub phone: Option<String>,
    pub hospital: Option<String>,
    pub unit: Option<String>,
    /// Matches git's user.email: `--coordinator me` and note authors.
    pub email: Option<String>,
}

/// The team; absent when the register has no team.toml.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Team {
    pub people: Vec<Person>,
}

impl Team {
    /// The person with `id`.
    pub fn get(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id.value == id)
    }

    /// The person whose `email` is `email` (letter case ignored, as mail addresses are).
    pub fn by_email(&self, email: &str) -> Option<&Person> {
        let email = email.trim();
        self.people.iter().find(|p| {
            p.email
                .as_deref()
                .is_some_and(|e| e.trim().eq_ignore_ascii_case(email))
        })
    }
}
