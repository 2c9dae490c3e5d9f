//! forlop: a register of cancer patient pathways (pakkeforløp for kreft) for the coordinators
//! who follow them. Files → model → check → views → render; see README.md.

pub mod atomic;
pub mod builtin;
pub mod calendar;
pub mod check;
pub mod cli;
pub mod diag;
pub mod edit;
pub mod fnr;
pub mod git;
pub mod i18n;
pub mod merge;
pub mod model;
pub mod parse;
pub mod recorded;
pub mod redact;
pub mod register;
pub mod render;
pub mod schedule;
pub mod select;
pub mod site;
pub mod sort;
pub mod suggest;
pub mod terminal;
pub mod views;
