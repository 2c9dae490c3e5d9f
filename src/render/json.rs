//! JSON written as it is serialized: typed rows straight into the (buffered) output, pretty
//! printed like `serde_json::to_string_pretty`, with a final newline.

use std::io::{self, Write};

use serde::Serialize;

/// Writes `value` (a row list, a document) as pretty JSON and a newline.
pub fn write(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// A row as a JSON value, for documents still assembled as values (the report).
pub fn value(row: &impl Serialize) -> serde_json::Value {
    serde_json::to_value(row).unwrap_or_default()
}
