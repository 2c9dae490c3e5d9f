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
    let mut s = page_head(title, lang);
    s.push_str(body);
    s.push_str(PAGE_END);
    s
}

/// A page up to its body: what [`page`] writes before `body`.
pub fn page_head(title: &str, lang: Lang) -> String {
    let code = if lang == Lang::Nb { "nb" } else { "en" };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
        esc(title),
        stylesheet()
    )
}

/// What [`page`] writes after the body.
pub const PAGE_END: &str = "</body>\n</html>\n";

/// Escapes text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    esc_into(&mut out, s);
    out
}

/// [`esc`], appended to `out`. The text between the characters escaped is copied a run at a
/// time, found byte by byte (the five are ASCII, never part of another character's bytes).
pub fn esc_into(out: &mut String, s: &str) {
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(&s[start..]);
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
    let mut s = table_head(headers);
    for r in rows {
        s.push_str("<tr>");
        for (i, c) in r.iter().enumerate() {
            if Some(i) == flag_col && !c.is_empty() {
                s.push_str("<td><span class=\"flag\">");
                esc_into(&mut s, c);
                s.push_str("</span></td>");
            } else {
                s.push_str("<td>");
                esc_into(&mut s, c);
                s.push_str("</td>");
            }
        }
        s.push_str("</tr>\n");
    }
    s.push_str(TABLE_END);
    s
}

/// A [`table`] up to its first row.
pub fn table_head(headers: &[String]) -> String {
    let mut s = String::from("<table>\n<thead><tr>");
    for h in headers {
        s.push_str("<th>");
        esc_into(&mut s, h);
        s.push_str("</th>");
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    s
}

/// What [`table`] writes after its last row.
pub const TABLE_END: &str = "</tbody>\n</table>\n";

#[cfg(test)]
mod tests {
    #[test]
    fn escaping_copies_the_text_between_the_five_characters() {
        assert_eq!(
            super::esc("Åse <b>&\"Ø'</b> – ok"),
            "Åse &lt;b&gt;&amp;&quot;Ø&#39;&lt;/b&gt; – ok"
        );
        assert_eq!(super::esc(""), "");
        assert_eq!(super::esc("&"), "&amp;");
        assert_eq!(super::esc("ingen"), "ingen");
        let mut out = String::from("før:");
        super::esc_into(&mut out, "<<æ>>");
        assert_eq!(out, "før:&lt;&lt;æ&gt;&gt;");
    }
}
