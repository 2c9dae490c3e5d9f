//! The TOML parser's own messages (the detail of F0001, "invalid TOML: …"), in bokmål.
//!
//! The parser stack (the crates `toml`, `toml_parser` and `toml_datetime`) writes its messages in
//! English, always in one shape: a description of what is wrong, then optionally
//! `, expected ` and a comma-separated list of what would have been right, each item a phrase
//! (`key`, `day between 01 and 28`) or a literal token in backticks (`` `,` ``, `` `]` ``), or
//! the word `nothing`. [`toml_detail_nb`] translates such a message phrase by phrase with the two
//! tables below and keeps the literal tokens as they are. The English message stays in
//! `Msg::TomlSyntax` and is shown unchanged under `--lang en`; a message the tables do not know
//! (a newer parser) is shown in English, marked as such, never dropped.
//!
//! The tables hold every description and expected item the parser versions in Cargo.lock can
//! produce (read from their sources; see the tests for a snippet that gives each one).

/// One phrase of the parser's English and its bokmål. Both are always given: a phrase cannot be
/// added in one language only.
#[derive(Clone, Copy, Debug)]
pub struct Phrase {
    pub en: &'static str,
    pub nb: &'static str,
}

const fn p(en: &'static str, nb: &'static str) -> Phrase {
    Phrase { en, nb }
}

/// What went wrong: the first part of every message of the parser.
pub const TOML_DESCRIPTIONS: &[Phrase] = &[
    // toml_parser: the grammar.
    p(
        "`_` may only go between digits",
        "`_` kan bare stå mellom to sifre",
    ),
    p(
        "cannot recurse further; max recursion depth met",
        "for mange nivåer inni hverandre; største tillatte dybde er nådd",
    ),
    p(
        "carriage return must be followed by newline",
        "vognretur (CR) må følges av linjeskift",
    ),
    p("extra `=`", "`=` for mye"),
    p(
        "extra assignment between key-value pairs",
        "en tilordning for mye mellom nøkkel-verdi-parene",
    ),
    p("extra comma in array", "komma for mye i lista"),
    p(
        "extra comma in inline table",
        "komma for mye i tabellen `{ … }`",
    ),
    p(
        "integers with a radix cannot be signed",
        "heltall med prefiks (`0x`, `0o`, `0b`) kan ikke ha fortegn",
    ),
    p("invalid comment character", "ugyldig tegn i kommentaren"),
    p(
        "invalid inline table element",
        "ugyldig element i tabellen `{ … }`",
    ),
    p("invalid key-value pair", "ugyldig nøkkel-verdi-par"),
    p("invalid unquoted key", "ugyldig nøkkel uten anførselstegn"),
    p("invalid value", "ugyldig verdi"),
    p("key with no value", "nøkkel uten verdi"),
    p(
        "keys cannot be multi-line basic strings",
        "en nøkkel kan ikke være flerlinjetekst (`\"\"\"…\"\"\"`)",
    ),
    p(
        "keys cannot be multi-line literal strings",
        "en nøkkel kan ikke være flerlinjetekst (`'''…'''`)",
    ),
    p("missing array opening", "mangler starten på lista"),
    p(
        "missing assignment between key-value pairs",
        "mangler tilordning mellom nøkkel og verdi",
    ),
    p(
        "missing comma between array elements",
        "mangler komma mellom elementene i lista",
    ),
    p(
        "missing comma between key-value pairs",
        "mangler komma mellom nøkkel-verdi-parene",
    ),
    p("missing comment start", "mangler starten på kommentaren"),
    p("missing escaped value", "mangler tegnet etter `\\`"),
    p(
        "missing inline table opening",
        "mangler starten på tabellen `{ … }`",
    ),
    p(
        "missing key for inline table element",
        "mangler nøkkel for elementet i tabellen `{ … }`",
    ),
    p("missing opening quote", "mangler åpnende anførselstegn"),
    p(
        "missing table open",
        "mangler starten på tabelloverskriften",
    ),
    p("missing value", "mangler verdi"),
    p("missing value for key", "mangler verdi for nøkkelen"),
    p(
        "radix must be lowercase",
        "tallprefikset må skrives med små bokstaver",
    ),
    p(
        "redundant integer number prefix",
        "unødvendig prefiks på heltallet",
    ),
    p("redundant numeric sign", "unødvendig fortegn"),
    p(
        "string values must be quoted",
        "tekstverdier må stå i anførselstegn",
    ),
    p(
        "too few unicode value digits",
        "for få sifre i unicode-verdien",
    ),
    p("unclosed array", "lista er ikke lukket"),
    p(
        "unclosed array table",
        "tabelloverskriften `[[…]]` er ikke lukket",
    ),
    p("unclosed inline table", "tabellen `{ … }` er ikke lukket"),
    p("unclosed table", "tabelloverskriften `[…]` er ikke lukket"),
    p("unexpected `=` in array", "uventet `=` i lista"),
    p("unexpected content", "uventet innhold"),
    p(
        "unexpected content between comment and newline",
        "uventet innhold mellom kommentaren og linjeskiftet",
    ),
    p("unexpected key or value", "uventet nøkkel eller verdi"),
    p("unexpected leading zero", "uventet null først i tallet"),
    p("unexpected sign", "uventet fortegn"),
    p(
        "unquoted keys cannot be empty",
        "en nøkkel uten anførselstegn kan ikke være tom",
    ),
    p(
        "could not allocate for string",
        "ikke nok minne til teksten",
    ),
    // toml_parser: a value or key that does not decode.
    p("invalid string", "ugyldig tekst"),
    p("invalid boolean", "ugyldig sannhetsverdi"),
    p("invalid date-time", "ugyldig dato og tid"),
    p("invalid float", "ugyldig desimaltall"),
    p("invalid integer number", "ugyldig heltall"),
    p("invalid hexadecimal number", "ugyldig heksadesimalt tall"),
    p("invalid octal number", "ugyldig oktalt tall"),
    p("invalid binary number", "ugyldig binærtall"),
    p("invalid mantissa", "ugyldig tall foran desimaltegnet"),
    p("invalid fraction", "ugyldige desimaler"),
    p("invalid exponent", "ugyldig eksponent"),
    p("invalid key", "ugyldig nøkkel"),
    p("invalid table", "ugyldig tabelloverskrift"),
    p(
        "invalid literal string",
        "ugyldig tekst i enkle anførselstegn",
    ),
    p(
        "invalid multi-line literal string",
        "ugyldig flerlinjetekst i enkle anførselstegn",
    ),
    p(
        "invalid basic string",
        "ugyldig tekst i doble anførselstegn",
    ),
    p(
        "invalid multi-line basic string",
        "ugyldig flerlinjetekst i doble anførselstegn",
    ),
    // toml: the document's tables and keys.
    p("duplicate key", "duplisert nøkkel"),
    p("recursion limit", "for mange nivåer inni hverandre"),
    p(
        "cannot extend value of type string with a dotted key",
        "kan ikke utvide en tekst med en nøkkel med punktum",
    ),
    p(
        "cannot extend value of type integer with a dotted key",
        "kan ikke utvide et heltall med en nøkkel med punktum",
    ),
    p(
        "cannot extend value of type float with a dotted key",
        "kan ikke utvide et desimaltall med en nøkkel med punktum",
    ),
    p(
        "cannot extend value of type boolean with a dotted key",
        "kan ikke utvide en sannhetsverdi med en nøkkel med punktum",
    ),
    p(
        "cannot extend value of type datetime with a dotted key",
        "kan ikke utvide en dato eller tid med en nøkkel med punktum",
    ),
    p(
        "cannot extend value of type array with a dotted key",
        "kan ikke utvide en liste med en nøkkel med punktum",
    ),
    p(
        "cannot extend value of type table with a dotted key",
        "kan ikke utvide en tabell med en nøkkel med punktum",
    ),
    p(
        "cannot extend value of type inline table with a dotted key",
        "kan ikke utvide tabellen `{ … }` med en nøkkel med punktum",
    ),
    // toml_datetime: dates and times.
    p("invalid date", "ugyldig dato"),
    p("invalid time", "ugyldig klokkeslett"),
    p("invalid offset", "ugyldig tidssone"),
    p("invalid datetime", "ugyldig dato eller tid"),
];

/// What the parser expected: the items after `, expected `. Literal tokens in backticks are not
/// here; they are shown as they are.
pub const TOML_EXPECTED: &[Phrase] = &[
    // toml_parser
    p("nothing", "ingenting her"),
    p("newline", "linjeskift"),
    p("key", "nøkkel"),
    p("value", "verdi"),
    p("letters", "bokstaver"),
    p("numbers", "sifre"),
    p("digits", "sifre"),
    p("characters", "tegn"),
    p("printable characters", "skrivbare tegn"),
    p(
        "non-double-quote visible characters",
        "synlige tegn unntatt `\"`",
    ),
    p("non-single-quote characters", "tegn unntatt `'`"),
    p(
        "non-single-quote visible characters",
        "synlige tegn unntatt `'`",
    ),
    p("basic string", "tekst i doble anførselstegn"),
    p("literal string", "tekst i enkle anførselstegn"),
    p(
        "multi-line basic string",
        "flerlinjetekst i doble anførselstegn",
    ),
    p(
        "multi-line literal string",
        "flerlinjetekst i enkle anførselstegn",
    ),
    p("unquoted string", "tekst uten anførselstegn"),
    p("unicode hexadecimal value", "heksadesimal unicode-verdi"),
    // toml_datetime
    p("year or hour", "år eller time"),
    p(
        "`-` (YYYY-MM) or `:` (HH:MM)",
        "`-` (ÅÅÅÅ-MM) eller `:` (TT:MM)",
    ),
    p("month", "måned"),
    p("`-` (MM-DD)", "`-` (MM-DD)"),
    p("day", "dag"),
    p("a four-digit year (YYYY)", "år med fire sifre (ÅÅÅÅ)"),
    p("a two-digit month (MM)", "måned med to sifre (MM)"),
    p("a two-digit day (DD)", "dag med to sifre (DD)"),
    p("month between 01 and 12", "måned fra 01 til 12"),
    p("day between 01 and 28", "dag fra 01 til 28"),
    p("day between 01 and 29", "dag fra 01 til 29"),
    p("day between 01 and 30", "dag fra 01 til 30"),
    p("day between 01 and 31", "dag fra 01 til 31"),
    p(
        "`T` between date and time",
        "`T` mellom dato og klokkeslett",
    ),
    p("hour", "time"),
    p("`:` (HH:MM)", "`:` (TT:MM)"),
    p("minute", "minutt"),
    p("second", "sekund"),
    p("nanosecond", "nanosekund"),
    p("a two-digit hour (HH)", "time med to sifre (TT)"),
    p("a two-digit minute (MM)", "minutt med to sifre (MM)"),
    p("a two-digit second (SS)", "sekund med to sifre (SS)"),
    p("hour between 00 and 23", "time fra 00 til 23"),
    p("minute between 00 and 59", "minutt fra 00 til 59"),
    p("second between 00 and 60", "sekund fra 00 til 60"),
    p("nanoseconds overflowed", "færre sifre i nanosekundene"),
    p("hours between 00 and 23", "timer fra 00 til 23"),
    p("minutes between 00 and 59", "minutter fra 00 til 59"),
    p("`Z`, +OFFSET, -OFFSET", "`Z`, +TT:MM eller -TT:MM"),
];

/// The longest phrase of `table` that `text` starts with and that is followed by `sep` or by
/// nothing, with the rest of `text` after it.
fn longest<'t>(
    table: &'static [Phrase],
    text: &'t str,
    sep: &str,
) -> Option<(&'static Phrase, &'t str)> {
    table
        .iter()
        .filter_map(|ph| {
            let rest = text.strip_prefix(ph.en)?;
            (rest.is_empty() || rest.starts_with(sep)).then_some((ph, rest))
        })
        .max_by_key(|(ph, _)| ph.en.len())
}

const EXPECTED_EN: &str = ", expected ";
const ITEM_SEP: &str = ", ";

/// One item of the expected list: a known phrase, or a literal token as it is (`` `x` ``, or
/// `` '`' `` for the backtick itself), with the text after it.
fn expected_item(text: &str) -> Option<(Item<'_>, &str)> {
    if let Some((ph, rest)) = longest(TOML_EXPECTED, text, ITEM_SEP) {
        return Some((Item::Phrase(ph), rest));
    }
    let len = if text.starts_with("'`'") {
        3
    } else {
        let inner = text.strip_prefix('`')?;
        inner.find('`')? + 2
    };
    let (token, rest) = text.split_at(len);
    (rest.is_empty() || rest.starts_with(ITEM_SEP)).then_some((Item::Token(token), rest))
}

/// An item of the expected list.
enum Item<'t> {
    Phrase(&'static Phrase),
    Token(&'t str),
}

/// The parser's message read with the tables: its description and expected items, or `None`
/// when the tables do not know all of it.
fn read(detail: &str) -> Option<(&'static Phrase, Vec<Item<'_>>)> {
    let (description, rest) = longest(TOML_DESCRIPTIONS, detail, EXPECTED_EN)?;
    let mut items = Vec::new();
    if rest.is_empty() {
        return Some((description, items));
    }
    let mut list = rest.strip_prefix(EXPECTED_EN)?;
    loop {
        let (item, rest) = expected_item(list)?;
        items.push(item);
        if rest.is_empty() {
            return Some((description, items));
        }
        list = rest.strip_prefix(ITEM_SEP)?;
    }
}

/// The parser's English message `detail` in bokmål, or `None` when the tables do not know all of
/// it (then show the English, marked as such).
pub fn toml_detail_nb(detail: &str) -> Option<String> {
    let (description, items) = read(detail)?;
    let mut out = description.nb.to_string();
    let mut items: Vec<&str> = items
        .iter()
        .map(|item| match item {
            Item::Phrase(ph) => ph.nb,
            Item::Token(token) => token,
        })
        .collect();
    if let Some(last) = items.pop() {
        out.push_str(", forventet ");
        // Alternatives: "a, b eller c".
        if !items.is_empty() {
            out.push_str(&items.join(", "));
            out.push_str(" eller ");
        }
        out.push_str(last);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Msg};

    /// Bad TOML, each giving at least one message of the parser; together they give every
    /// phrase of the tables but those in [`NOT_REACHED`].
    const SNIPPETS: &[&str] = &[
        "a = 1_",
        "a = \"x\"\rb = 1",
        "a = 1 = 2",
        "a = { b = 1 = 2 }",
        "a = [1,,2]",
        "a = { b = 1,, c = 2 }",
        "a = { b = , }",
        "a = { = }",
        "a = {b = 1, , }",
        "a = -0x1F",
        "# a\u{1}b",
        "a = { b = 1 ]",
        "a = { b c = 1 }",
        "a.= 1",
        "= 1",
        "a = \"\\uD800\"",
        "a",
        "\"\"\"x\"\"\" = 1",
        "'''x''' = 1",
        "a = ]",
        "a = [1 2]",
        "a = {b = 1 c = 2}",
        "a = 1 x",
        "a = \"\\q\"",
        "a = }",
        "a = b\"",
        "a = b'",
        "]",
        "a.b c = 1",
        "a = 0X1F",
        "a = 0O7",
        "a = 0B1",
        "a = 0d1F",
        "a = 1\n\u{feff}",
        "a = +-1",
        "a = hello",
        "a = \"\\u12\"",
        "a = [1",
        "[[a]\nb = 1",
        "[[a",
        "a = { b = 1",
        "[a",
        "a = [1 = 2]",
        "a = 1 ]",
        "a = 012",
        "a = 0x+1",
        "[]",
        "a = 'abc",
        "a = '\u{1}'",
        "a = \"\u{1}\"",
        "a = \"\"\"\\ x\"\"\"",
        "a = \"\"\"\u{1}\"\"\"",
        "a = '''\u{1}'''",
        "a = \"\"\"abc",
        "a = '''abc",
        "a = tru",
        "a = fals",
        "a = infx",
        "a = nanx",
        "a = 1.e5",
        "a = 1e",
        "a = 1.5.5",
        "a = 1._5",
        "a = 0o8",
        "a = 0b2",
        "a = 1__2",
        "a = 2026-13-01",
        "a = 2026-02-30",
        "a = 2024-02-30",
        "a = 2026-04-31",
        "a = 2026-01-32",
        "a = 26-01-01",
        "a = 2026-1-01",
        "a = 2026-01-1",
        "a = 2026-01",
        "a = 2026-01-",
        "a = 2026-",
        "a = 2026-01-01X10:00:00",
        "a = 24:00:00",
        "a = 10:60:00",
        "a = 10:00:61",
        "a = 1:00:00",
        "a = 10:0:00",
        "a = 10:00:0",
        "a = 10:",
        "a = 10:00:00.",
        "a = 2026-01-01T10:00:00+1:00",
        "a = 2026-01-01T10:00:00+01:0",
        "a = 2026-01-01T10:00:00+24:00",
        "a = 2026-01-01T10:00:00+01:60",
        "a = 2026-01-01T10:00:00+01",
        "a = 2026-01-01T10:00:00+0100",
        "a = 2026-01-01T10:00:00X",
        "a = 2026-01-01T10:00:00Zz",
        "a = 1\na = 2",
        "a = 1\na.b = 2",
        "a = \"s\"\na.b = 1",
        "a = 1.5\na.b = 1",
        "a = true\na.b = 1",
        "a = 2026-01-01\na.b = 1",
        "a = [1]\na.b = 2",
        "a = { b = 1 }\na.c = 2",
        "a = {b = 1, b = 2}",
        "b = = 2",
        "a = -2026-01-01",
        "a = 0x1Fg",
        "{ c = 2 }",
        "a = .5e3",
        "a = 2026-01-01T10:00:00-",
        "a = 2026-01-01T10:00:",
        "a = 2026-01-01T10:00:00.5Z1",
        "b = { d = 3, 4]",
        "b = { c = 2, [3] }",
        ".h",
        "[a]\n[a]",
    ];

    /// Phrases no snippet reaches: the parser's source has them, but on paths a document parse
    /// does not take (an allocation failure, a comment token that starts without `#`, a table
    /// redefined by a dotted key, which is reported as a duplicate key) or none found yet. They
    /// stay in the tables so that the day they are reached they are already Norwegian.
    const NOT_REACHED: &[&str] = &[
        "missing comment start",
        "missing value",
        "unexpected content",
        "unexpected content between comment and newline",
        "could not allocate for string",
        "invalid string",
        "invalid key",
        "invalid table",
        "cannot extend value of type table with a dotted key",
        "multi-line basic string",
        "multi-line literal string",
        "unquoted string",
        "`-` (YYYY-MM) or `:` (HH:MM)",
        "nanoseconds overflowed",
    ];

    fn messages(snippet: &str) -> Vec<String> {
        let (_, errors) = toml::de::DeTable::parse_recoverable(snippet);
        errors
            .iter()
            .map(|e| e.message().trim().to_string())
            .collect()
    }

    fn deep_snippets() -> Vec<String> {
        vec![
            format!("a = {}{}", "[".repeat(90), "]".repeat(90)),
            format!("{} = 1", vec!["a"; 90].join(".")),
        ]
    }

    fn every_message() -> Vec<(String, String)> {
        let mut out = Vec::new();
        let deep = deep_snippets();
        let all = SNIPPETS
            .iter()
            .copied()
            .chain(deep.iter().map(String::as_str));
        let mut valid = Vec::new();
        for s in all {
            let m = messages(s);
            if m.is_empty() {
                valid.push(s.to_string());
            }
            out.extend(m.into_iter().map(|m| (s.to_string(), m)));
        }
        assert!(valid.is_empty(), "valid TOML, no message: {valid:#?}");
        out
    }

    #[test]
    fn every_parser_message_has_a_norwegian_rendering_with_no_english_phrase_in_it() {
        let english: Vec<&str> = TOML_DESCRIPTIONS
            .iter()
            .chain(TOML_EXPECTED)
            .filter(|ph| ph.en != ph.nb)
            .map(|ph| ph.en)
            .collect();
        let unknown: Vec<(String, String)> = every_message()
            .into_iter()
            .filter(|(_, d)| toml_detail_nb(d).is_none())
            .collect();
        assert!(unknown.is_empty(), "not translated: {unknown:#?}");
        for (snippet, detail) in every_message() {
            let msg = Msg::TomlSyntax {
                detail: detail.clone(),
            };
            let nb = msg.text(Lang::Nb);
            assert!(
                toml_detail_nb(&detail).is_some(),
                "{snippet:?}: not translated: {detail}"
            );
            for en in &english {
                assert!(!nb.contains(en), "{snippet:?}: `{en}` left in: {nb}");
            }
            assert_eq!(msg.text(Lang::En), format!("invalid TOML: {detail}"));
        }
    }

    #[test]
    fn the_snippets_reach_every_phrase_of_the_tables() {
        let mut reached: Vec<&str> = Vec::new();
        for (_, detail) in every_message() {
            let (description, items) = read(&detail).expect("known");
            reached.push(description.en);
            reached.extend(items.iter().filter_map(|item| match item {
                Item::Phrase(ph) => Some(ph.en),
                Item::Token(_) => None,
            }));
        }
        let missing: Vec<&str> = TOML_DESCRIPTIONS
            .iter()
            .chain(TOML_EXPECTED)
            .map(|ph| ph.en)
            .filter(|en| !reached.contains(en) && !NOT_REACHED.contains(en))
            .collect();
        assert!(missing.is_empty(), "no snippet gives: {missing:#?}");
        for en in NOT_REACHED {
            assert!(
                !reached.contains(en),
                "`{en}` is reached now: take it off NOT_REACHED"
            );
        }
    }

    #[test]
    fn known_messages_read_naturally() {
        let cases = [
            (
                "missing comma between array elements, expected `,`",
                "mangler komma mellom elementene i lista, forventet `,`",
            ),
            ("invalid date, expected day", "ugyldig dato, forventet dag"),
            ("duplicate key", "duplisert nøkkel"),
            (
                "invalid unquoted key, expected letters, numbers, `-`, `_`",
                "ugyldig nøkkel uten anførselstegn, forventet bokstaver, sifre, `-` eller `_`",
            ),
            (
                "invalid offset, expected `Z`, +OFFSET, -OFFSET",
                "ugyldig tidssone, forventet `Z`, +TT:MM eller -TT:MM",
            ),
            (
                "unexpected key or value, expected newline, `#`",
                "uventet nøkkel eller verdi, forventet linjeskift eller `#`",
            ),
            (
                "invalid date, expected day between 01 and 28",
                "ugyldig dato, forventet dag fra 01 til 28",
            ),
        ];
        for (en, nb) in cases {
            assert_eq!(toml_detail_nb(en).as_deref(), Some(nb), "{en}");
        }
    }

    #[test]
    fn an_unknown_message_is_shown_in_english_and_marked_so() {
        for detail in [
            "something new went wrong",
            "duplicate key, expected a brand new thing",
            "invalid date, expected day, ",
            "duplicate keys",
        ] {
            assert_eq!(toml_detail_nb(detail), None, "{detail}");
            let nb = Msg::TomlSyntax {
                detail: detail.into(),
            }
            .text(Lang::Nb);
            assert_eq!(
                nb,
                format!("ugyldig TOML (TOML-leserens egen melding, på engelsk): {detail}")
            );
        }
    }
}
