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

/// A text value of a case file. Up to 24 bytes (ids, names, dates, places, most notes' authors)
/// it is kept inline, so a loaded case of twenty values is not twenty allocations: at a million
/// cases those allocations are most of the memory a loaded register takes.
pub type Text = compact_str::CompactString;

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
