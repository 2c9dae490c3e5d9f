//! The data model: settings, team, pathways and cases, as SPEC.md §1 describes them.
//!
//! Data only; parsing lives in [`crate::parse`], rules in [`crate::check`].

mod case;
mod pathway;
mod settings;
mod team;
mod vocab;

pub use case::*;
pub use pathway::*;
pub use settings::*;
pub use team::*;
pub use vocab::*;

use crate::diag::Span;

/// A value and where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Located<T> {
    /// Wraps `value` found at `span`.
    pub fn new(value: T, span: Span) -> Self {
        Located { value, span }
    }
}

impl<T> std::ops::Deref for Located<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}
