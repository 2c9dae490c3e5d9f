//! HTML: one page frame and stylesheet, shared by the report and the static site (whose pages,
//! in `site`, carry this stylesheet and add their own rules).
//! Every page is self-contained: inline CSS, no scripts, nothing fetched.

pub mod report;
pub mod site;

use crate::i18n::Lang;

/// The stylesheet every page carries inline (one rule a line in the file, one line in a page).
pub const CSS: &str = include_str!("style.css");

/// The stylesheet as a page carries it: on one line.
pub fn stylesheet() -> String {
    CSS.lines().map(str::trim).collect()
}

/// A whole page: doctype, `lang`, title, the inline stylesheet, then `body` (already HTML).
pub fn page(title: &str, lang: Lang, body: &str) -> String {
    let code = if lang == Lang::Nb { "nb" } else { "en" };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        esc(title),
        stylesheet()
    )
}

/// Escapes text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub fn table(
    headers: &[String],
    rows: &[Vec<String>],
    empty: &str,
    flag_col: Option<usize>,
) -> String {
    if rows.is_empty() {
        return format!("<p class=\"none\">{}</p>\n", esc(empty));
    }
    let mut s = String::from("<table>\n<thead><tr>");
    for h in headers {
        s.push_str(&format!("<th>{}</th>", esc(h)));
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for r in rows {
        s.push_str("<tr>");
        for (i, c) in r.iter().enumerate() {
            if Some(i) == flag_col && !c.is_empty() {
                s.push_str(&format!("<td><span class=\"flag\">{}</span></td>", esc(c)));
            } else {
                s.push_str(&format!("<td>{}</td>", esc(c)));
            }
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody>\n</table>\n");
    s
}
