//! Integration tests: the real binary on fixture registers, and the library's public API.

mod util;

mod bulk;
mod catalogue;
mod cli;
mod deadlines;
mod docs;
mod hardening;
mod mail;
mod parsing;
mod pathways;
mod privacy;
mod problems;
mod report;
mod routine;
mod schedule;
mod shell;
mod site;
mod status;
mod team;
mod toml_syntax;
mod views;
mod writes;
