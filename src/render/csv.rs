//! CSV written as rows are made: RFC 4180 (`,`, CRLF, quotes where needed) with stable English
//! keys and raw values, or the spreadsheet dialect Norwegian Excel opens in columns
//! (`--format csv-excel`: `;` between fields, a UTF-8 byte-order mark, decimal comma).

use std::fmt::{self, Write as _};
use std::io::{self, Write};

/// Which CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// RFC 4180: `,` and decimal point (`--format csv`), for scripts.
    Standard,
    /// `;`, byte-order mark, decimal comma (`--format csv-excel`), for spreadsheets set to Norwegian.
    Excel,
}

impl Dialect {
    fn separator(self) -> char {
        match self {
            Dialect::Standard => ',',
            Dialect::Excel => ';',
        }
    }
}

/// A CSV writer: `field`… `end` per record.
pub struct Csv<W: Write> {
    out: W,
    dialect: Dialect,
    buf: String,
    first: bool,
    started: bool,
}

impl<W: Write> Csv<W> {
    /// A writer in `dialect` onto `out`.
    pub fn new(out: W, dialect: Dialect) -> Self {
        Csv {
            out,
            dialect,
            buf: String::with_capacity(64),
            first: true,
            started: false,
        }
    }

    /// Writes the header record (and the byte-order mark of the Excel dialect).
    pub fn header<S: AsRef<str>>(&mut self, keys: &[S]) -> io::Result<()> {
        for k in keys {
            self.field(k.as_ref())?;
        }
        self.end()
    }

    fn start_field(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            if self.dialect == Dialect::Excel {
                self.out.write_all("\u{feff}".as_bytes())?;
            }
        }
        if !self.first {
            let mut b = [0; 4];
            self.out
                .write_all(self.dialect.separator().encode_utf8(&mut b).as_bytes())?;
        }
        self.first = false;
        Ok(())
    }

    /// Writes one text field, quoted where it holds a separator, a quote or a line break.
    pub fn field(&mut self, value: impl fmt::Display) -> io::Result<()> {
        self.start_field()?;
        self.buf.clear();
        let _ = write!(self.buf, "{value}");
        let sep = self.dialect.separator();
        if self.buf.contains([sep, '"', '\n', '\r']) {
            self.out.write_all(b"\"")?;
            self.out
                .write_all(self.buf.replace('"', "\"\"").as_bytes())?;
            self.out.write_all(b"\"")
        } else {
            self.out.write_all(self.buf.as_bytes())
        }
    }

    /// Writes an optional text field (empty when absent).
    pub fn opt(&mut self, value: Option<impl fmt::Display>) -> io::Result<()> {
        match value {
            Some(v) => self.field(v),
            None => self.field(""),
        }
    }

    /// Writes a decimal number: `0.75`, or `0,75` in the Excel dialect.
    pub fn number(&mut self, value: f64) -> io::Result<()> {
        self.decimal(&value.to_string())
    }

    /// Writes a number already written with a decimal point (`0.7500`), with a decimal comma
    /// in the Excel dialect.
    pub fn decimal(&mut self, text: &str) -> io::Result<()> {
        match self.dialect {
            Dialect::Standard => self.field(text),
            Dialect::Excel => self.field(text.replace('.', ",")),
        }
    }

    /// Ends the record.
    pub fn end(&mut self) -> io::Result<()> {
        self.first = true;
        self.out.write_all(b"\r\n")
    }

    /// The writer underneath.
    pub fn into_inner(self) -> W {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_has_a_bom_semicolons_and_decimal_comma() {
        let mut out = Vec::new();
        let mut w = Csv::new(&mut out, Dialect::Excel);
        w.header(&["a", "b"]).unwrap();
        w.field("x;y").unwrap();
        w.number(0.75).unwrap();
        w.end().unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\u{feff}a;b\r\n\"x;y\";0,75\r\n"
        );
    }
}
