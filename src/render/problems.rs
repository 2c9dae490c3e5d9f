//! The files an output could not fully use (SPEC §4): one block in every listing, first in the
//! report, in each human format; and the rows of the report JSON's `"problems"`.

use serde::Serialize;

use crate::i18n::{Lang, Word};
use crate::register::Problem;
use crate::terminal::escape_line as escape;

/// One problem as the report JSON gives it: `{"file", "line", "message"}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProblemRow {
    pub file: String,
    pub line: Option<u32>,
    pub message: String,
}

/// The JSON rows, messages in `lang`.
pub fn rows(problems: &[Problem], lang: Lang) -> Vec<ProblemRow> {
    problems
        .iter()
        .map(|p| ProblemRow {
            file: p.file.clone(),
            line: p.line,
            message: p.msg.text(lang),
        })
        .collect()
}

/// The message with its hint (a did-you-mean, the date format), as the human formats show it.
/// A wrong type's hint repeats the value written (`born = 1958`), which may say who the patient
/// is: outputs that are redacted never show it, so it is left out.
fn message(p: &Problem, lang: Lang) -> String {
    let hint = match p.msg {
        crate::i18n::Msg::WrongType { .. } => None,
        _ => p.msg.hint(lang),
    };
    match hint {
        Some(hint) => format!("{} – {hint}", p.msg.text(lang)),
        None => p.msg.text(lang),
    }
}

/// Plain text (terminal, mail): a heading, one `file:line: message` line each, the hint, and a
/// blank line; nothing when there are no problems. `upper` writes the heading in capitals, as
/// the text report's headings are.
pub fn text(problems: &[Problem], lang: Lang, upper: bool) -> String {
    if problems.is_empty() {
        return String::new();
    }
    let heading = Word::ProblemsHeading.text(lang);
    let heading = if upper {
        heading.to_uppercase()
    } else {
        heading
    };
    let mut s = format!("{heading} ({})\n", problems.len());
    for p in problems {
        s.push_str(&format!(
            " {}: {}\n",
            escape(&p.place()),
            escape(&message(p, lang))
        ));
    }
    s.push_str(&format!(" {}\n\n", Word::ProblemsHint.text(lang)));
    s
}

/// Markdown: a `##` section with one list item each.
pub fn markdown(problems: &[Problem], lang: Lang) -> String {
    if problems.is_empty() {
        return String::new();
    }
    let mut s = format!(
        "## {} ({})\n\n",
        Word::ProblemsHeading.text(lang),
        problems.len()
    );
    for p in problems {
        s.push_str(&format!(
            "- `{}`: {}\n",
            p.place().replace('`', "'").replace(['\r', '\n'], " "),
            super::md_escape(&message(p, lang))
        ));
    }
    s.push_str(&format!("\n{}\n\n", Word::ProblemsHint.text(lang)));
    s
}

/// HTML: a marked section with one list item each (`esc` escapes element content).
pub fn html(problems: &[Problem], lang: Lang, esc: impl Fn(&str) -> String) -> String {
    if problems.is_empty() {
        return String::new();
    }
    let mut s = format!(
        "<section class=\"problems\">\n<h2>{} ({})</h2>\n<ul>\n",
        esc(&Word::ProblemsHeading.text(lang)),
        problems.len()
    );
    for p in problems {
        s.push_str(&format!(
            "<li><code>{}</code>: {}</li>\n",
            esc(&p.place()),
            esc(&message(p, lang))
        ));
    }
    s.push_str(&format!(
        "</ul>\n<p>{}</p>\n</section>\n",
        esc(&Word::ProblemsHint.text(lang))
    ));
    s
}
