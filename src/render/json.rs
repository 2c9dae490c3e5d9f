//! JSON written as it is serialized: typed rows straight into the (buffered) output, pretty
//! printed exactly like `serde_json::to_string_pretty`, with a final newline. Long row lists
//! are serialized in parallel, in chunks, and written in order.

use std::io::{self, Write};

use serde::Serialize;

use crate::terminal::EscapeWriter;

/// Writes a JSON document into `out` through the JSON escaper: every character that must not
/// reach a terminal raw (DEL, C1, the bidirectional overrides, which serde_json leaves raw) is
/// written as a JSON escape (`\u202e`); every other byte passes as it is. Every JSON output
/// written as it is made goes through here; one held whole goes through `cli::emit_json`.
pub fn escaped<W: Write>(
    out: W,
    write: impl FnOnce(&mut EscapeWriter<W>) -> io::Result<()>,
) -> io::Result<()> {
    let mut out = EscapeWriter::json(out);
    write(&mut out)?;
    out.finish().map(drop)
}

/// Writes `value` (a document) as pretty JSON and a newline.
pub fn write(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// `value` (a document or a row list) as pretty JSON text with a final newline.
pub fn to_text(value: &impl Serialize) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

/// serde_json's pretty printer for a value that sits at nesting `depth` of a document: its
/// lines are indented as the document's would be, written straight into the output (no second
/// pass to indent them).
struct Nested {
    depth: usize,
    has_value: bool,
}

impl Nested {
    fn at(depth: usize) -> Nested {
        Nested {
            depth,
            has_value: false,
        }
    }

    fn indent<W: ?Sized + Write>(&self, w: &mut W) -> io::Result<()> {
        for _ in 0..self.depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    /// An array or object begins: one level deeper, nothing in it yet.
    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    /// An array or object ends: on a line of its own unless it is empty.
    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            self.indent(w)?;
        }
        w.write_all(bracket)
    }

    /// An array value or an object key begins, on a new line.
    fn item<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(w)
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Writes a row list as a pretty JSON array and a newline (the same text as [`write`]).
pub fn write_rows<T: Serialize + Sync>(out: &mut impl Write, rows: &[T]) -> io::Result<()> {
    write_rows_warm(out, rows, |_| 0)
}

/// [`write_rows`] that reads each run of rows through `touch` first ([`super::warmed`]).
pub fn write_rows_warm<T: Serialize + Sync>(
    out: &mut impl Write,
    rows: &[T],
    touch: impl Fn(&T) -> usize + Sync,
) -> io::Result<()> {
    array_warm(out, rows, 0, touch)?;
    out.write_all(b"\n")
}

/// Writes `rows` as a pretty JSON array that sits at nesting `depth` (0: the top level), as
/// serde_json's pretty printer would inside a document.
pub fn array<T: Serialize + Sync>(
    out: &mut impl Write,
    rows: &[T],
    depth: usize,
) -> io::Result<()> {
    array_warm(out, rows, depth, |_| 0)
}

/// [`array`] that reads each run of rows through `touch` first ([`super::warmed`]).
pub fn array_warm<T: Serialize + Sync>(
    out: &mut impl Write,
    rows: &[T],
    depth: usize,
    touch: impl Fn(&T) -> usize + Sync,
) -> io::Result<()> {
    use rayon::prelude::*;
    if rows.is_empty() {
        return out.write_all(b"[]");
    }
    let inner = "  ".repeat(depth + 1);
    let serialize = |chunk: &[T]| -> io::Result<Vec<u8>> {
        let mut buf = Vec::with_capacity(chunk.len() * 320);
        let mut result = Ok(());
        super::warmed(chunk, &touch, |row| {
            if result.is_err() {
                return;
            }
            buf.extend_from_slice(b",\n");
            buf.extend_from_slice(inner.as_bytes());
            let mut ser = serde_json::Serializer::with_formatter(&mut buf, Nested::at(depth + 1));
            if let Err(e) = row.serialize(&mut ser) {
                result = Err(io::Error::from(e));
            }
        });
        result.map(|()| buf)
    };
    out.write_all(b"[")?;
    let mut first = true;
    // A window of chunks at a time: parallel, yet only a window's text is held at once.
    const CHUNK: usize = 1024;
    for window in rows.chunks(CHUNK * 16) {
        let chunks: Vec<io::Result<Vec<u8>>> = window.par_chunks(CHUNK).map(serialize).collect();
        for chunk in chunks {
            let chunk = chunk?;
            // Every row starts with ",\n"; the first row's comma is left out.
            let body = if first { &chunk[1..] } else { &chunk[..] };
            first = false;
            out.write_all(body)?;
        }
    }
    out.write_all(b"\n")?;
    out.write_all("  ".repeat(depth).as_bytes())?;
    out.write_all(b"]")
}

/// A row as a JSON value, for documents still assembled as values (the report).
pub fn value(row: &impl Serialize) -> serde_json::Value {
    serde_json::to_value(row).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_written_in_parallel_read_as_serde_json_writes_them() {
        #[derive(Serialize)]
        struct Deeper {
            list: Vec<Vec<u8>>,
            empty: std::collections::BTreeMap<String, u8>,
        }
        #[derive(Serialize)]
        struct Row {
            n: usize,
            inner: Vec<&'static str>,
            none: Option<u8>,
            empty: Vec<u8>,
            deeper: Deeper,
        }
        for len in [0, 1, 2, 5000] {
            let rows: Vec<Row> = (0..len)
                .map(|n| Row {
                    n,
                    inner: vec!["a", "b\n"],
                    none: None,
                    empty: vec![],
                    deeper: Deeper {
                        list: vec![vec![], vec![1, 2]],
                        empty: Default::default(),
                    },
                })
                .collect();
            let mut ours = Vec::new();
            write_rows(&mut ours, &rows).unwrap();
            let theirs = format!("{}\n", serde_json::to_string_pretty(&rows).unwrap());
            assert_eq!(String::from_utf8(ours).unwrap(), theirs);
            // Nested one level down, as in a document.
            let mut nested = b"{\n  \"rows\": ".to_vec();
            array(&mut nested, &rows, 1).unwrap();
            nested.extend_from_slice(b"\n}");
            let doc = serde_json::json!({ "rows": rows });
            assert_eq!(
                String::from_utf8(nested).unwrap(),
                serde_json::to_string_pretty(&doc).unwrap()
            );
        }
    }
}
