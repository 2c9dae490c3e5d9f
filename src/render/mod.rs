//! Rows to text: tables, CSV, JSON helpers. Renderers never compute dates.

pub mod eml;
pub mod ics;

use comfy_table::{ContentArrangement, LineStyle, Table, TableStyle};

/// Columns separated by space, the header underlined: quiet enough to read every morning.
const STYLE: TableStyle =
    TableStyle::new().header_separator(LineStyle::none().fill('─').junction(' '));

/// A plain table with a header row, in the style of every forlop table.
pub fn table(headers: &[String], rows: &[Vec<String>]) -> String {
    painted_table(headers, rows, &[])
}

/// ANSI red, for what is overdue.
pub const RED: &str = "\x1b[31m";

/// A table whose row `i` is painted with `styles[i]` (an ANSI style), where given. Cells never
/// wrap, so row `i` is line `i + 2` (after the header and its rule).
pub fn painted_table(headers: &[String], rows: &[Vec<String>], styles: &[Option<&str>]) -> String {
    let mut t = Table::new();
    t.load_style(STYLE)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(headers);
    for r in rows {
        t.add_row(r);
    }
    // Trailing padding is noise in a terminal and in snapshots.
    let mut s = String::new();
    for (n, line) in t.lines().enumerate() {
        let line = line.trim_end();
        match n
            .checked_sub(2)
            .and_then(|i| styles.get(i))
            .copied()
            .flatten()
        {
            Some(style) => s.push_str(&format!("{style}{line}\x1b[0m\n")),
            None => {
                s.push_str(line);
                s.push('\n');
            }
        }
    }
    if s.is_empty() {
        s.push('\n');
    }
    s
}

/// Text made safe for one Markdown table cell or list item: no line breaks, pipes escaped.
pub fn md_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\r', '\n'], " ")
}

/// A GitHub-flavoured Markdown table.
pub fn markdown_table(headers: &[String], rows: &[Vec<String>]) -> String {
    let mut out = format!(
        "| {} |\n",
        headers
            .iter()
            .map(|h| md_escape(h))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    out.push_str(&format!("|{}\n", " --- |".repeat(headers.len())));
    for r in rows {
        out.push_str(&format!(
            "| {} |\n",
            r.iter()
                .map(|c| md_escape(c))
                .collect::<Vec<_>>()
                .join(" | ")
        ));
    }
    out
}

/// RFC 4180 CSV with a header row.
pub fn csv(headers: &[String], rows: &[Vec<String>]) -> String {
    fn field(s: &str) -> String {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    }
    let mut out = String::new();
    for r in std::iter::once(headers).chain(rows.iter().map(Vec::as_slice)) {
        let line: Vec<String> = r.iter().map(|f| field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Pretty JSON with a final newline.
pub fn json(value: &serde_json::Value) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn csv_quotes_what_needs_quoting() {
        let h = vec!["a".to_string(), "b".to_string()];
        let rows = vec![vec!["x,y".to_string(), "say \"hi\"".to_string()]];
        assert_eq!(
            super::csv(&h, &rows),
            "a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n"
        );
    }
}
