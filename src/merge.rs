//! Three-way merge of a case file: (base, ours, theirs) → the merged text, with the conflicts it
//! could not decide. A pure function; the git merge driver and `sync` are thin shells around it.
//!
//! The rules (SPEC §3): entries of `[[event]]`, `[[appointment]]`, `[[mdt]]`, `[[task]]`,
//! `[[deviation]]` and `[[note]]` added on either side are all kept (an entry both sides added
//! identically, once); a field changed on one side only takes that change; a field changed
//! differently on both sides is a conflict. The result is built on the current side (ours), so
//! its comments and layout are kept.
//!
//! Entries are compared by their whole content. An entry changed in place (`task --done`, an MDT
//! conclusion, `record --amend`) is recognised by its key: a task by `id`, an MDT meeting by
//! `date`, an event by `milestone`; its fields are then merged one by one. An entry or table
//! changed on one side and removed on the other is kept as changed: nothing is lost, and the
//! merge names it ([`Merged::kept`]; the merge driver says so on stderr).

use toml::{Table as Sem, Value as SemValue};
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

/// The arrays of tables whose entries are merged as lists.
pub const ENTRY_LISTS: &[&str] = &["event", "appointment", "mdt", "task", "deviation", "note"];

/// Opening marker of a conflict block, as git writes it.
pub const MARK_OURS: &str = "<<<<<<<";
/// Middle marker of a conflict block.
pub const MARK_SPLIT: &str = "=======";
/// Closing marker of a conflict block.
pub const MARK_THEIRS: &str = ">>>>>>>";

/// A field both sides changed differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// Where the field is: empty at the top of the file, `[patient]`, `[[task]] book-ct`, …
    pub place: String,
    /// The field's key.
    pub field: String,
    /// Our value as TOML (`None`: we removed the field).
    pub ours: Option<String>,
    /// Their value as TOML (`None`: they removed the field).
    pub theirs: Option<String>,
}

impl Conflict {
    /// `[[task]] book-ct: done`, or the field alone at the top of the file.
    pub fn name(&self) -> String {
        if self.place.is_empty() {
            self.field.clone()
        } else {
            format!("{} {}", self.place, self.field)
        }
    }
}

/// The merged file. When `conflicts` is not empty, `text` holds one git conflict block per
/// conflict (ours first), so `check` and git both see them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    pub text: String,
    pub conflicts: Vec<Conflict>,
    /// Entries and tables removed on one side and changed on the other, kept as changed
    /// (`[[mdt]] 2026-11-16`, `[closed]`): the merge is clean, but the removal did not win.
    pub kept: Vec<String>,
}

/// Which version of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Base,
    Ours,
    Theirs,
}

/// A version that is not TOML (conflict markers from an earlier merge, a hand edit gone wrong):
/// the caller falls back to git's line merge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub side: Side,
    pub detail: String,
}

/// What the case's pathway says about its events, for the merge.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rules {
    /// Milestones recorded at most once (every one but treatment starts): the same milestone
    /// added on both sides with other values is a conflict on those fields, not two events.
    /// Empty: the pathway is unknown, and events added on both sides are all kept.
    pub once: Vec<String>,
}

/// Merges three versions of a case file.
pub fn merge(base: &str, ours: &str, theirs: &str) -> Result<Merged, Unreadable> {
    merge_with(base, ours, theirs, &Rules::default())
}

/// Merges three versions of a case file, knowing which milestones are recorded once.
pub fn merge_with(
    base: &str,
    ours: &str,
    theirs: &str,
    rules: &Rules,
) -> Result<Merged, Unreadable> {
    let sem = |text: &str, side| {
        toml::from_str::<Sem>(crate::parse::strip_bom(text)).map_err(|e| Unreadable {
            side,
            detail: e.message().to_string(),
        })
    };
    let edit = |text: &str, side| {
        crate::parse::strip_bom(text)
            .parse::<DocumentMut>()
            .map_err(|e| Unreadable {
                side,
                detail: e.message().to_string(),
            })
    };
    let b = sem(base, Side::Base)?;
    let o = sem(ours, Side::Ours)?;
    let t = sem(theirs, Side::Theirs)?;
    let mut out = edit(ours, Side::Ours)?;
    let their_doc = edit(theirs, Side::Theirs)?;
    let mut m = Merger {
        once: rules.once.clone(),
        next_position: max_position(out.as_table()) + 1,
        ..Merger::default()
    };
    m.table(
        "",
        Some(&b),
        &o,
        &t,
        out.as_table_mut(),
        their_doc.as_table(),
        true,
    );
    let mut text = out.to_string();
    for (sentinel, block) in &m.blocks {
        text = replace_line(&text, sentinel, block);
    }
    if ours.contains("\r\n") {
        text = text.replace("\r\n", "\n").replace('\n', "\r\n");
    }
    if ours.starts_with('\u{feff}') {
        text.insert(0, '\u{feff}');
    }
    Ok(Merged {
        text,
        conflicts: m.conflicts,
        kept: m.kept,
    })
}

/// Replaces the line holding `sentinel` with `block`.
fn replace_line(text: &str, sentinel: &str, block: &str) -> String {
    let Some(at) = text.find(sentinel) else {
        return text.to_string();
    };
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
    format!("{}{}{}", &text[..start], block, &text[end..])
}

/// The highest document position of any table in `t`.
fn max_position(t: &Table) -> isize {
    let mut max = t.position().unwrap_or(0);
    for (_, item) in t.iter() {
        match item {
            Item::Table(sub) => max = max.max(max_position(sub)),
            Item::ArrayOfTables(a) => {
                for sub in a.iter() {
                    max = max.max(max_position(sub));
                }
            }
            _ => {}
        }
    }
    max
}

#[derive(Default)]
struct Merger {
    /// Milestones recorded once ([`Rules::once`]).
    once: Vec<String>,
    /// The document position for the next table new to ours (placed at the end of the file).
    next_position: isize,
    conflicts: Vec<Conflict>,
    /// (sentinel value written in the document, conflict block that replaces its line).
    blocks: Vec<(String, String)>,
    /// What was removed on one side, changed on the other and kept ([`Merged::kept`]).
    kept: Vec<String>,
}

/// A field as a TOML line, `key = value`.
fn field_line(key: &str, item: Option<&Item>) -> Option<String> {
    let item = item?;
    let key = toml_edit::Key::new(key).display_repr().into_owned();
    let value = match item {
        Item::Value(v) => {
            let mut v = v.clone();
            v.decor_mut().clear();
            v.to_string()
        }
        other => other.to_string().trim().to_string(),
    };
    Some(format!("{key} = {value}"))
}

impl Merger {
    /// Merges the fields of one table into `out` (ours). `top`: the file's root, where the entry
    /// lists live.
    #[allow(clippy::too_many_arguments)]
    fn table(
        &mut self,
        place: &str,
        base: Option<&Sem>,
        ours: &Sem,
        theirs: &Sem,
        out: &mut Table,
        their_edit: &Table,
        top: bool,
    ) {
        let mut keys: Vec<&String> = ours.keys().collect();
        for k in theirs.keys().chain(base.into_iter().flat_map(|b| b.keys())) {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
        for key in keys {
            let b = base.and_then(|b| b.get(key));
            let o = ours.get(key);
            let t = theirs.get(key);
            if o == t {
                continue;
            }
            let out_item = out.get(key);
            let their_item = their_edit.get(key);
            let list = |v: Option<&SemValue>| {
                v.is_none_or(|v| {
                    v.as_array()
                        .is_some_and(|a| a.iter().all(SemValue::is_table))
                })
            };
            let aot = |i: Option<&Item>| i.is_none_or(Item::is_array_of_tables);
            if top
                && ENTRY_LISTS.contains(&key.as_str())
                && list(b)
                && list(o)
                && list(t)
                && aot(out_item)
                && aot(their_item)
            {
                let tables = |v: Option<&SemValue>| -> Vec<Sem> {
                    v.and_then(SemValue::as_array)
                        .map(|a| a.iter().filter_map(|e| e.as_table().cloned()).collect())
                        .unwrap_or_default()
                };
                let empty = ArrayOfTables::new();
                let theirs_aot = their_item
                    .and_then(Item::as_array_of_tables)
                    .unwrap_or(&empty)
                    .clone();
                if out.get(key).is_none() {
                    out.insert(key, Item::ArrayOfTables(ArrayOfTables::new()));
                }
                let Some(out_aot) = out.get_mut(key).and_then(Item::as_array_of_tables_mut) else {
                    continue;
                };
                self.list(
                    key,
                    &tables(b),
                    &tables(o),
                    &tables(t),
                    out_aot,
                    &theirs_aot,
                );
                if out_aot.is_empty() {
                    out.remove(key);
                }
                continue;
            }
            let is_table = |v: Option<&SemValue>| v.is_some_and(SemValue::is_table);
            let both_tables = is_table(o)
                && is_table(t)
                && (b.is_none() || is_table(b))
                && out_item.is_some_and(Item::is_table)
                && their_item.is_some_and(Item::is_table);
            if both_tables {
                let sub_place = if place.is_empty() {
                    format!("[{key}]")
                } else {
                    format!("{place}.{key}")
                };
                let their_sub = their_item.and_then(Item::as_table).cloned();
                let Some(their_sub) = their_sub else { continue };
                let Some(out_sub) = out.get_mut(key).and_then(Item::as_table_mut) else {
                    continue;
                };
                self.table(
                    &sub_place,
                    b.and_then(SemValue::as_table),
                    o.and_then(SemValue::as_table).unwrap_or(&Sem::new()),
                    t.and_then(SemValue::as_table).unwrap_or(&Sem::new()),
                    out_sub,
                    &their_sub,
                    false,
                );
                continue;
            }
            if o == b {
                // Only theirs changed it.
                match their_item {
                    Some(item) => {
                        let mut item = item.clone();
                        if let Item::Table(t) = &mut item {
                            t.set_position(Some(self.next_position));
                            self.next_position += 1;
                        }
                        if let (Some(Item::Value(old)), Item::Value(new)) =
                            (out.get(key), &mut item)
                        {
                            *new.decor_mut() = old.decor().clone();
                        }
                        out.insert(key, item);
                    }
                    None => {
                        out.remove(key);
                    }
                }
                continue;
            }
            if t == b {
                continue;
            }
            // A table changed on one side and removed on the other stays, as changed.
            if b.is_some_and(SemValue::is_table) && (o.is_none() || t.is_none()) {
                self.kept.push(if place.is_empty() {
                    format!("[{key}]")
                } else {
                    format!("{place}.{key}")
                });
                if o.is_none()
                    && let Some(item) = their_item
                {
                    let mut item = item.clone();
                    if let Item::Table(t) = &mut item {
                        t.set_position(Some(self.next_position));
                        self.next_position += 1;
                    }
                    out.insert(key, item);
                }
                continue;
            }
            self.conflict(place, key, out, their_item);
        }
    }

    /// Records a conflict on `key` and leaves a sentinel in `out` for its block.
    fn conflict(&mut self, place: &str, key: &str, out: &mut Table, their_item: Option<&Item>) {
        let ours_line = field_line(key, out.get(key));
        let theirs_line = field_line(key, their_item);
        self.conflicts.push(Conflict {
            place: place.to_string(),
            field: key.to_string(),
            ours: ours_line.as_ref().map(|l| {
                l.split_once(" = ")
                    .map_or(l.clone(), |(_, v)| v.to_string())
            }),
            theirs: theirs_line.as_ref().map(|l| {
                l.split_once(" = ")
                    .map_or(l.clone(), |(_, v)| v.to_string())
            }),
        });
        // Only a plain value (or an absent one) can carry the sentinel; a table keeps ours.
        if out.get(key).is_some_and(|i| !i.is_value()) {
            return;
        }
        let sentinel = format!("@@forlop-conflict-{}@@", self.blocks.len());
        let mut block = format!("{MARK_OURS} ours\n");
        if let Some(l) = ours_line {
            block.push_str(&l);
            block.push('\n');
        }
        block.push_str(MARK_SPLIT);
        block.push('\n');
        if let Some(l) = theirs_line {
            block.push_str(&l);
            block.push('\n');
        }
        block.push_str(&format!("{MARK_THEIRS} theirs\n"));
        out.insert(key, toml_edit::value(sentinel.as_str()));
        self.blocks.push((sentinel, block));
    }

    /// Merges one list of entries into `out` (ours' array).
    fn list(
        &mut self,
        kind: &str,
        base: &[Sem],
        ours: &[Sem],
        theirs: &[Sem],
        out: &mut ArrayOfTables,
        their_edit: &ArrayOfTables,
    ) {
        let od = Diff::new(kind, base, ours);
        let td = Diff::new(kind, base, theirs);
        let mut remove: Vec<usize> = Vec::new();
        let mut append: Vec<Table> = Vec::new();
        let fresh = |t: &Table| {
            let mut t = t.clone();
            t.set_position(None);
            if t.decor().prefix().is_none_or(|p| p.as_str() == Some("")) {
                t.decor_mut().set_prefix("\n");
            }
            t
        };
        // Their changes to base entries.
        for &(bi, tj) in &td.modified {
            match od.state(bi) {
                State::Kept(oj) | State::Modified(oj) => {
                    let place = format!("[[{kind}]] {}", label(kind, &base[bi]));
                    let (Some(out_t), Some(their_t)) = (out.get_mut(oj), their_edit.get(tj)) else {
                        continue;
                    };
                    self.table(
                        &place,
                        Some(&base[bi]),
                        &ours[oj],
                        &theirs[tj],
                        out_t,
                        their_t,
                        false,
                    );
                }
                State::Deleted => {
                    self.kept
                        .push(format!("[[{kind}]] {}", label(kind, &base[bi])));
                    append.extend(their_edit.get(tj).map(fresh));
                }
            }
        }
        for &bi in &td.deleted {
            match od.state(bi) {
                State::Kept(oj) => remove.push(oj),
                State::Modified(_) => self
                    .kept
                    .push(format!("[[{kind}]] {}", label(kind, &base[bi]))),
                State::Deleted => {}
            }
        }
        // Their new entries.
        let mut taken = vec![false; ours.len()];
        let once = self.once.clone();
        let keyed = |key: &Option<String>| match kind {
            "task" | "mdt" => true,
            "event" => key.as_ref().is_some_and(|m| once.contains(m)),
            _ => false,
        };
        for &tj in &td.added {
            let same = od
                .added
                .iter()
                .copied()
                .find(|&oj| !taken[oj] && ours[oj] == theirs[tj]);
            if let Some(oj) = same {
                taken[oj] = true;
                continue;
            }
            let key = entry_key(kind, &theirs[tj]);
            let twin = od.added.iter().copied().find(|&oj| {
                keyed(&key) && !taken[oj] && key.is_some() && entry_key(kind, &ours[oj]) == key
            });
            if let Some(oj) = twin {
                taken[oj] = true;
                let place = format!("[[{kind}]] {}", label(kind, &theirs[tj]));
                let (Some(out_t), Some(their_t)) = (out.get_mut(oj), their_edit.get(tj)) else {
                    continue;
                };
                self.table(&place, None, &ours[oj], &theirs[tj], out_t, their_t, false);
                continue;
            }
            append.extend(their_edit.get(tj).map(fresh));
        }
        remove.sort_unstable();
        remove.dedup();
        for oj in remove.into_iter().rev() {
            out.remove(oj);
        }
        // Appended entries follow the list's last entry; a list new to ours goes at the end.
        let new_list = out.is_empty();
        for mut t in append {
            if new_list {
                t.set_position(Some(self.next_position));
                self.next_position += 1;
            }
            out.push(t);
        }
    }
}

/// How an entry of one side relates to a base entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Kept(usize),
    Modified(usize),
    Deleted,
}

/// One side's changes to a list, against base.
struct Diff {
    /// (base index, side index) of entries left as they were.
    kept: Vec<(usize, usize)>,
    /// (base index, side index) of entries changed in place (same key).
    modified: Vec<(usize, usize)>,
    /// Base indices of entries removed.
    deleted: Vec<usize>,
    /// Side indices of new entries.
    added: Vec<usize>,
}

impl Diff {
    fn new(kind: &str, base: &[Sem], side: &[Sem]) -> Diff {
        let mut used = vec![false; side.len()];
        let mut kept = Vec::new();
        let mut unmatched = Vec::new();
        // Entries usually stay in order: try the next one in line before searching (linear time
        // for a case with thousands of notes).
        let mut next = 0;
        for (bi, b) in base.iter().enumerate() {
            let in_line = (next < side.len() && !used[next] && side[next] == *b).then_some(next);
            let found = in_line.or_else(|| (0..side.len()).find(|&j| !used[j] && side[j] == *b));
            if let Some(j) = found {
                next = j + 1;
            }
            match found {
                Some(j) => {
                    used[j] = true;
                    kept.push((bi, j));
                }
                None => unmatched.push(bi),
            }
        }
        let mut modified = Vec::new();
        let mut deleted = Vec::new();
        for bi in unmatched {
            let key = entry_key(kind, &base[bi]);
            let j = key.as_ref().and_then(|k| {
                (0..side.len()).find(|&j| !used[j] && entry_key(kind, &side[j]).as_ref() == Some(k))
            });
            match j {
                Some(j) => {
                    used[j] = true;
                    modified.push((bi, j));
                }
                None => deleted.push(bi),
            }
        }
        let added = (0..side.len()).filter(|&j| !used[j]).collect();
        Diff {
            kept,
            modified,
            deleted,
            added,
        }
    }

    fn state(&self, bi: usize) -> State {
        if let Some(&(_, j)) = self.kept.iter().find(|(b, _)| *b == bi) {
            State::Kept(j)
        } else if let Some(&(_, j)) = self.modified.iter().find(|(b, _)| *b == bi) {
            State::Modified(j)
        } else {
            State::Deleted
        }
    }
}

/// What identifies an entry changed in place.
fn entry_key(kind: &str, e: &Sem) -> Option<String> {
    let field = match kind {
        "task" => "id",
        "mdt" => "date",
        "event" => "milestone",
        _ => return None,
    };
    e.get(field).map(show)
}

/// A value as a short text, for keys and labels.
fn show(v: &SemValue) -> String {
    match v {
        SemValue::String(s) => s.clone(),
        SemValue::Datetime(d) => d.to_string(),
        SemValue::Integer(i) => i.to_string(),
        SemValue::Float(f) => f.to_string(),
        SemValue::Boolean(b) => b.to_string(),
        other => format!("{other:?}"),
    }
}

/// How a conflict names an entry: its key, else its date.
fn label(kind: &str, e: &Sem) -> String {
    entry_key(kind, e)
        .or_else(|| e.get("date").map(show))
        .unwrap_or_default()
}

/// One git conflict block in a text: the lines of its markers and the labels after them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConflictBlock {
    /// Byte offset of the `<<<<<<<` line.
    pub start: usize,
    /// Byte offset just past the `>>>>>>>` line (or the end of the text when it is missing).
    pub end: usize,
    pub ours_label: String,
    pub theirs_label: String,
    /// The lines of our side and of theirs (without the base section of diff3 blocks).
    pub ours: Vec<String>,
    pub theirs: Vec<String>,
}

/// Every git conflict block in `text` (markers at the start of a line).
pub fn conflict_blocks(text: &str) -> Vec<ConflictBlock> {
    let mut blocks = Vec::new();
    // Every case file is looked at on every load: most have no marker anywhere.
    if memchr::memmem::find(text.as_bytes(), MARK_OURS.as_bytes()).is_none() {
        return blocks;
    }
    let mut offset = 0;
    let mut current: Option<(ConflictBlock, u8)> = None;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        let label = |mark: &str| bare[mark.len()..].trim().to_string();
        match &mut current {
            None if bare.starts_with(MARK_OURS) => {
                current = Some((
                    ConflictBlock {
                        start: offset,
                        end: text.len(),
                        ours_label: label(MARK_OURS),
                        theirs_label: String::new(),
                        ours: Vec::new(),
                        theirs: Vec::new(),
                    },
                    0,
                ));
            }
            None => {}
            Some((b, part)) => {
                if bare.starts_with("|||||||") && *part == 0 {
                    *part = 1;
                } else if bare == MARK_SPLIT || bare.starts_with("======= ") {
                    *part = 2;
                } else if bare.starts_with(MARK_THEIRS) {
                    b.theirs_label = label(MARK_THEIRS);
                    b.end = offset + line.len();
                    if let Some((b, _)) = current.take() {
                        blocks.push(b);
                    }
                } else if *part == 0 {
                    b.ours.push(bare.to_string());
                } else if *part == 2 {
                    b.theirs.push(bare.to_string());
                }
            }
        }
        offset += line.len();
    }
    if let Some((b, _)) = current {
        blocks.push(b);
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = r#"# Opprettet med `forlop new` 2026-11-02.
id = "te-0142"
pathway = "tykk-og-endetarmskreft"
coordinator = "ssol" # hovedansvar

[patient]
name = "Ola Nordmann"

[[event]]
milestone = "referral"
date = 2026-11-02

[[task]]
id = "book-ct"

[[mdt]]
date = 2026-11-16
question = "Operabel?"
"#;

    fn with(extra: &str) -> String {
        format!("{BASE}{extra}")
    }

    fn sem(text: &str) -> Sem {
        toml::from_str(text).unwrap()
    }

    /// (what, ours, theirs, expected text)
    fn clean_cases() -> Vec<(&'static str, String, String, String)> {
        let note = "\n[[note]]\ndate = 2026-11-04\ntext = \"Mor ringte\"\n";
        let appt = "\n[[appointment]]\ndate = 2026-11-12\nwhat = \"CT\"\n";
        let event = "\n[[event]]\nmilestone = \"first-visit\"\ndate = 2026-11-06\n";
        vec![
            (
                "a note against a booking: both kept, ours first",
                with(note),
                with(appt),
                format!("{BASE}{note}{appt}"),
            ),
            (
                "the same note on both sides: once",
                with(note),
                with(note),
                with(note),
            ),
            (
                "an event against a note",
                with(event),
                with(note),
                format!("{BASE}{event}{note}"),
            ),
            (
                "one side changes a field, the other adds an entry",
                BASE.replace("\"ssol\"", "\"thav\"") + note,
                with(appt),
                BASE.replace("\"ssol\"", "\"thav\"") + note + appt,
            ),
            (
                "theirs changes a field: ours keeps its comment",
                with(note),
                BASE.replace("coordinator = \"ssol\"", "coordinator = \"thav\""),
                with(note).replace("\"ssol\"", "\"thav\""),
            ),
            (
                "a task marked done on one side, a note on the other",
                with(note),
                BASE.replace(
                    "id = \"book-ct\"\n",
                    "id = \"book-ct\"\ndone = 2026-11-03\n",
                ),
                with(note).replace(
                    "id = \"book-ct\"\n",
                    "id = \"book-ct\"\ndone = 2026-11-03\n",
                ),
            ),
            (
                "an MDT conclusion on one side, a new question field elsewhere",
                BASE.replace(
                    "question = \"Operabel?\"\n",
                    "question = \"Operabel?\"\nconclusion = \"Ja\"\n",
                ),
                with(appt),
                BASE.replace(
                    "question = \"Operabel?\"\n",
                    "question = \"Operabel?\"\nconclusion = \"Ja\"\n",
                ) + appt,
            ),
            (
                "the same field changed the same way on both sides",
                BASE.replace("\"ssol\"", "\"thav\""),
                BASE.replace("\"ssol\"", "\"thav\""),
                BASE.replace("\"ssol\"", "\"thav\""),
            ),
            (
                "theirs closes the case, ours adds a note",
                with(note),
                with("\n[closed]\ndate = 2026-12-01\nreason = \"other\"\n"),
                format!("{BASE}{note}\n[closed]\ndate = 2026-12-01\nreason = \"other\"\n"),
            ),
            (
                "theirs removes an entry ours left alone",
                with(note),
                BASE.replace("\n[[task]]\nid = \"book-ct\"\n", ""),
                with(note).replace("\n[[task]]\nid = \"book-ct\"\n", ""),
            ),
        ]
    }

    #[test]
    fn clean_merges_keep_both_sides() {
        for (what, ours, theirs, expected) in clean_cases() {
            let m = merge(BASE, &ours, &theirs).unwrap();
            assert!(m.conflicts.is_empty(), "{what}: {:?}", m.conflicts);
            assert_eq!(m.text, expected, "{what}");
            // Either order gives the same content.
            let other = merge(BASE, &theirs, &ours).unwrap();
            assert!(other.conflicts.is_empty(), "{what} (swapped)");
            assert_eq!(
                sorted(sem(&other.text)),
                sorted(sem(&expected)),
                "{what} (swapped)"
            );
        }
    }

    /// The entries of each list, sorted: order within a list does not matter for equality.
    fn sorted(mut t: Sem) -> Sem {
        for k in ENTRY_LISTS {
            if let Some(SemValue::Array(a)) = t.get_mut(*k) {
                a.sort_by_key(|v| format!("{v:?}"));
            }
        }
        t
    }

    #[test]
    fn a_field_changed_differently_is_a_conflict_named_by_field() {
        let ours = BASE.replace("\"ssol\"", "\"thav\"");
        let theirs = BASE.replace("\"ssol\"", "\"kber\"");
        let m = merge(BASE, &ours, &theirs).unwrap();
        assert_eq!(
            m.conflicts,
            vec![Conflict {
                place: String::new(),
                field: "coordinator".into(),
                ours: Some("\"thav\"".into()),
                theirs: Some("\"kber\"".into()),
            }]
        );
        assert!(
            m.text.contains(
                "<<<<<<< ours\ncoordinator = \"thav\"\n=======\ncoordinator = \"kber\"\n>>>>>>> theirs\n"
            ),
            "{}",
            m.text
        );
        assert_eq!(conflict_blocks(&m.text).len(), 1);
    }

    #[test]
    fn a_task_done_on_two_dates_is_a_conflict_in_that_task() {
        let done = |d: &str| {
            BASE.replace(
                "id = \"book-ct\"\n",
                &format!("id = \"book-ct\"\ndone = {d}\n"),
            )
        };
        let m = merge(BASE, &done("2026-11-03"), &done("2026-11-04")).unwrap();
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].name(), "[[task]] book-ct done");
        let blocks = conflict_blocks(&m.text);
        assert_eq!(blocks[0].ours, vec!["done = 2026-11-03"]);
        assert_eq!(blocks[0].theirs, vec!["done = 2026-11-04"]);
    }

    #[test]
    fn an_amended_event_merges_with_a_note_and_conflicts_with_another_amendment() {
        let amend = |d: &str| BASE.replace("date = 2026-11-02", &format!("date = {d}"));
        let note = with("\n[[note]]\ndate = 2026-11-04\ntext = \"x\"\n");
        let m = merge(BASE, &amend("2026-11-03"), &note).unwrap();
        assert!(m.conflicts.is_empty());
        assert!(m.text.contains("date = 2026-11-03") && m.text.contains("[[note]]"));
        let m = merge(BASE, &amend("2026-11-03"), &amend("2026-11-01")).unwrap();
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].name(), "[[event]] referral date");
    }

    #[test]
    fn the_same_milestone_on_two_days_conflicts_on_the_date_when_recorded_once() {
        let visit = |d: &str| {
            with(&format!(
                "\n[[event]]\nmilestone = \"first-visit\"\ndate = {d}\n"
            ))
        };
        let treat = |d: &str| {
            with(&format!(
                "\n[[event]]\nmilestone = \"treatment\"\ndate = {d}\n"
            ))
        };
        let rules = Rules {
            once: vec!["referral".into(), "first-visit".into()],
        };
        let m = merge_with(BASE, &visit("2026-11-05"), &visit("2026-11-06"), &rules).unwrap();
        let names: Vec<String> = m.conflicts.iter().map(Conflict::name).collect();
        assert_eq!(names, vec!["[[event]] first-visit date"]);
        // Treatment starts may repeat: both are kept.
        let m = merge_with(BASE, &treat("2026-11-20"), &treat("2026-12-01"), &rules).unwrap();
        assert!(m.conflicts.is_empty());
        assert_eq!(m.text.matches("milestone = \"treatment\"").count(), 2);
        // Without the pathway's rules, both events are kept (check then names the rule).
        let m = merge(BASE, &visit("2026-11-05"), &visit("2026-11-06")).unwrap();
        assert!(m.conflicts.is_empty());
    }

    #[test]
    fn two_closures_with_different_reasons_conflict_on_the_reason_only() {
        let close = |r: &str| {
            with(&format!(
                "\n[closed]\ndate = 2026-12-01\nreason = \"{r}\"\n"
            ))
        };
        let m = merge(BASE, &close("died"), &close("declined")).unwrap();
        let names: Vec<String> = m.conflicts.iter().map(Conflict::name).collect();
        assert_eq!(names, vec!["[closed] reason"]);
        assert_eq!(conflict_blocks(&m.text).len(), 1);
    }

    #[test]
    fn a_patient_field_changed_on_both_sides_names_the_table() {
        let ours = BASE.replace("Ola Nordmann", "Ola Nordmann Berg");
        let theirs = BASE.replace("Ola Nordmann", "Ola Berg");
        let m = merge(BASE, &ours, &theirs).unwrap();
        assert_eq!(m.conflicts[0].name(), "[patient] name");
    }

    #[test]
    fn a_change_beats_a_removal_for_entries() {
        // Ours marks the task done, theirs removed it: the done task stays.
        let ours = BASE.replace(
            "id = \"book-ct\"\n",
            "id = \"book-ct\"\ndone = 2026-11-03\n",
        );
        let theirs = BASE.replace("\n[[task]]\nid = \"book-ct\"\n", "");
        let m = merge(BASE, &ours, &theirs).unwrap();
        assert!(m.conflicts.is_empty());
        assert!(m.text.contains("done = 2026-11-03"));
        let m = merge(BASE, &theirs, &ours).unwrap();
        assert!(m.text.contains("done = 2026-11-03"), "{}", m.text);
    }

    /// A base with bookings and a closure, for the removals `book --cancel` and `reopen` make.
    fn booked() -> String {
        with(
            "\n[[appointment]]\ndate = 2026-11-12\nwhat = \"CT\"\n\
             \n[[appointment]]\ndate = 2026-11-19\nwhat = \"MR\"\n\
             \n[closed]\ndate = 2026-12-01\nreason = \"other\"\n",
        )
    }

    #[test]
    fn a_removal_against_an_untouched_entry_stays_removed() {
        let base = booked();
        let ct = "\n[[appointment]]\ndate = 2026-11-12\nwhat = \"CT\"\n";
        let mr = "\n[[appointment]]\ndate = 2026-11-19\nwhat = \"MR\"\n";
        let mdt = "\n[[mdt]]\ndate = 2026-11-16\nquestion = \"Operabel?\"\n";
        let closed = "\n[closed]\ndate = 2026-12-01\nreason = \"other\"\n";
        let note = "\n[[note]]\ndate = 2026-11-04\ntext = \"Mor ringte\"\n";
        let noted = base.replace(closed, &format!("{note}{closed}"));
        let recoordinated = base.replace("\"ssol\"", "\"thav\"");
        // (what, one side, the other side, expected content)
        let cases: Vec<(&str, String, String, String)> = vec![
            (
                "book --cancel against a note",
                base.replace(ct, ""),
                noted.clone(),
                noted.replace(ct, ""),
            ),
            (
                "book --cancel against an untouched file",
                base.replace(ct, ""),
                base.clone(),
                base.replace(ct, ""),
            ),
            (
                "both bookings cancelled (the list is gone) against another field",
                base.replace(ct, "").replace(mr, ""),
                recoordinated.clone(),
                recoordinated.replace(ct, "").replace(mr, ""),
            ),
            (
                "each side cancels another booking",
                base.replace(ct, ""),
                base.replace(mr, ""),
                base.replace(ct, "").replace(mr, ""),
            ),
            (
                "book --cancel --mdt against a note",
                base.replace(mdt, ""),
                noted.clone(),
                noted.replace(mdt, ""),
            ),
            (
                "reopen against a note",
                base.replace(closed, ""),
                noted.clone(),
                noted.replace(closed, ""),
            ),
            (
                "reopen against another field",
                base.replace(closed, ""),
                recoordinated.clone(),
                recoordinated.replace(closed, ""),
            ),
        ];
        for (what, one, other, expected) in cases {
            for (ours, theirs, order) in [(&one, &other, "ours"), (&other, &one, "theirs")] {
                let m = merge(&base, ours, theirs).unwrap();
                assert!(
                    m.conflicts.is_empty(),
                    "{what} ({order}): {:?}",
                    m.conflicts
                );
                assert!(m.kept.is_empty(), "{what} ({order}): {:?}", m.kept);
                assert_eq!(
                    sorted(sem(&m.text)),
                    sorted(sem(&expected)),
                    "{what} (removed by {order}):\n{}",
                    m.text
                );
            }
        }
    }

    #[test]
    fn a_removal_against_a_change_keeps_the_changed_entry() {
        // Nothing is lost: the entry changed on the other side stays, as changed, and the
        // merge is clean (the user sees it in the file and removes it again if meant).
        let base = booked();
        let ct = "\n[[appointment]]\ndate = 2026-11-12\nwhat = \"CT\"\n";
        let closed = "\n[closed]\ndate = 2026-12-01\nreason = \"other\"\n";
        let cases: Vec<(&str, String, String, &str, Vec<&str>)> = vec![
            (
                "a booking cancelled and moved",
                base.replace(ct, ""),
                base.replace("date = 2026-11-12", "date = 2026-11-13"),
                "date = 2026-11-13",
                // A booking has no key: the moved one is a new booking, nothing to name.
                vec![],
            ),
            (
                "an MDT meeting cancelled and concluded",
                base.replace(
                    "\n[[mdt]]\ndate = 2026-11-16\nquestion = \"Operabel?\"\n",
                    "",
                ),
                base.replace(
                    "question = \"Operabel?\"\n",
                    "question = \"Operabel?\"\nconclusion = \"Ja\"\n",
                ),
                "conclusion = \"Ja\"",
                vec!["[[mdt]] 2026-11-16"],
            ),
            (
                "a closure reopened and replaced",
                base.replace(closed, ""),
                base.replace("reason = \"other\"", "reason = \"died\""),
                "reason = \"died\"",
                vec!["[closed]"],
            ),
        ];
        for (what, removed, changed, kept, named) in cases {
            for (ours, theirs) in [(&removed, &changed), (&changed, &removed)] {
                let m = merge(&base, ours, theirs).unwrap();
                assert!(m.conflicts.is_empty(), "{what}: {:?}", m.conflicts);
                assert!(m.text.contains(kept), "{what}:\n{}", m.text);
                sem(&m.text);
                // ... and the merge names what it kept against the removal.
                assert_eq!(m.kept, named, "{what}");
            }
        }
    }

    #[test]
    fn crlf_and_bom_of_ours_are_kept() {
        let ours = format!(
            "\u{feff}{}",
            with("\n[[note]]\ndate = 2026-11-04\ntext = \"x\"\n").replace('\n', "\r\n")
        );
        let theirs = with("\n[[note]]\ndate = 2026-11-05\ntext = \"y\"\n");
        let m = merge(BASE, &ours, &theirs).unwrap();
        assert!(m.text.starts_with('\u{feff}'));
        assert!(!m.text.replace("\r\n", "").contains('\n'));
        assert_eq!(
            sem(crate::parse::strip_bom(&m.text))["note"]
                .as_array()
                .unwrap()
                .len(),
            2
        );
    }

    #[test]
    fn unreadable_sides_are_named() {
        let e = merge(BASE, "<<<<<<< x\n", BASE).unwrap_err();
        assert_eq!(e.side, Side::Ours);
    }

    #[test]
    fn a_file_added_on_both_sides_merges_from_an_empty_base() {
        let m = merge(
            "",
            BASE,
            &with("\n[[note]]\ndate = 2026-11-04\ntext = \"x\"\n"),
        )
        .unwrap();
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        assert!(m.text.contains("[[note]]"));
    }

    #[test]
    fn conflict_blocks_read_git_and_diff3_blocks() {
        let text = "a = 1\n<<<<<<< HEAD\nb = 2\n||||||| base\nb = 1\n=======\nb = 3\n>>>>>>> origin/main\n";
        let b = conflict_blocks(text);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].ours_label, "HEAD");
        assert_eq!(b[0].theirs_label, "origin/main");
        assert_eq!(b[0].ours, vec!["b = 2"]);
        assert_eq!(b[0].theirs, vec!["b = 3"]);
        assert_eq!(b[0].start, 6);
        assert_eq!(b[0].end, text.len());
    }

    mod writes {
        //! Property: two independent sequences of forlop writes from one base merge to what
        //! applying both gives, in either order; no entry is lost.
        use super::{conflict_blocks, merge, sorted};
        use crate::edit::Change;
        use crate::model::{CloseReason, Treatment};
        use chrono::NaiveDate;
        use proptest::prelude::*;
        use toml_edit::DocumentMut;

        const BASE: &str = "# Sak\nid = \"te-0001\"\npathway = \"tykk-og-endetarmskreft\"\ncoordinator = \"ssol\"\n\n[[event]]\nmilestone = \"referral\"\ndate = 2026-11-02\n\n[[task]]\nid = \"t1\"\n\n[[task]]\nid = \"t2\"\n\n[[task]]\nid = \"t3\"\n\n[[task]]\nid = \"t4\"\n";

        /// One write on side `side` (0 or 1): dates and ids from that side's own pool, so the
        /// two sequences are independent.
        fn change(side: u32) -> impl Strategy<Value = Change> {
            let day =
                move |d: u32| NaiveDate::from_ymd_opt(2026, 11, 1 + side * 14 + d % 14).unwrap();
            let text = "[a-zæøå ]{1,12}";
            prop_oneof![
                (0u32..14, text, "[a-z-]{3,10}").prop_map(move |(d, t, m)| Change::Event {
                    milestone: m,
                    date: day(d),
                    outcome: None,
                    treatment: None,
                    note: Some(t),
                }),
                (0u32..14, text).prop_map(move |(d, w)| Change::Appointment {
                    date: day(d),
                    time: None,
                    what: w,
                    place: None,
                    milestone: None,
                }),
                (0u32..14, text).prop_map(move |(d, q)| Change::Mdt {
                    date: day(d),
                    question: Some(q),
                    conclusion: None,
                }),
                (0u32..2, 0u32..14).prop_map(move |(t, d)| Change::TaskDone {
                    id: format!("t{}", 1 + side * 2 + t),
                    date: day(d),
                }),
                (0u32..1000, text, 0u32..14).prop_map(move |(n, name, d)| Change::AdHocTask {
                    id: format!("s{side}-{n}"),
                    name,
                    due: day(d),
                }),
                (0u32..14, text).prop_map(move |(d, t)| Change::Note {
                    date: day(d),
                    text: t,
                    by: None,
                }),
                text.prop_map(move |r| Change::Deviation {
                    interval: "OF1".into(),
                    reason: format!("{side}{r}"),
                    reported: None,
                }),
                // One-side-only fields: side 0 closes and plans, side 1 transfers.
                (0u32..14).prop_map(move |d| if side == 0 {
                    Change::Close {
                        date: day(d),
                        reason: CloseReason::Other,
                        replace: false,
                    }
                } else {
                    Change::Transfer {
                        date: day(d),
                        to: "OUS".into(),
                        contact: None,
                        replace: false,
                    }
                }),
                Just(if side == 0 {
                    Change::PlannedTreatment(Treatment::Surgery)
                } else {
                    Change::Note {
                        date: day(0),
                        text: "x".into(),
                        by: None,
                    }
                }),
            ]
        }

        fn apply(text: &str, changes: &[Change]) -> String {
            let mut doc: DocumentMut = text.parse().unwrap();
            for c in changes {
                c.apply(&mut doc);
            }
            doc.to_string()
        }

        fn sem(text: &str) -> toml::Table {
            toml::from_str(text).unwrap()
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(200))]
            #[test]
            fn the_merge_never_loses_an_entry(
                a in proptest::collection::vec(change(0), 0..6),
                b in proptest::collection::vec(change(0), 0..6),
            ) {
                // Both sides draw from one pool: the same task, meeting or field may be written
                // on both sides, so conflicts happen; whatever happens, no entry is lost.
                let ours = apply(BASE, &a);
                let theirs = apply(BASE, &b);
                let m = merge(BASE, &ours, &theirs).unwrap();
                if m.conflicts.is_empty() {
                    let merged = sem(&m.text);
                    for side in [sem(&ours), sem(&theirs)] {
                        for kind in ["event", "appointment", "note", "deviation"] {
                            let Some(entries) = side.get(kind).and_then(|v| v.as_array()) else {
                                continue;
                            };
                            let kept = merged.get(kind).and_then(|v| v.as_array());
                            for e in entries {
                                prop_assert!(kept.is_some_and(|k| k.contains(e)), "{kind} {e:?} lost");
                            }
                        }
                    }
                } else {
                    // Every conflict is a block in the text, and every line of both sides' added
                    // entries is still there.
                    prop_assert_eq!(conflict_blocks(&m.text).len(), m.conflicts.len());
                    for side in [&ours, &theirs] {
                        for line in side.lines().filter(|l| l.starts_with("text = ") || l.starts_with("what = ")) {
                            prop_assert!(m.text.contains(line), "{line} lost");
                        }
                    }
                }
            }

            #[test]
            fn merging_two_sequences_equals_applying_both(
                a in proptest::collection::vec(change(0), 0..6),
                b in proptest::collection::vec(change(1), 0..6),
            ) {
                let ours = apply(BASE, &a);
                let theirs = apply(BASE, &b);
                let both = sorted(sem(&apply(&ours, &b)));
                prop_assert_eq!(&both, &sorted(sem(&apply(&theirs, &a))));
                for (x, y) in [(&ours, &theirs), (&theirs, &ours)] {
                    let m = merge(BASE, x, y).unwrap();
                    prop_assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
                    prop_assert_eq!(&sorted(sem(&m.text)), &both);
                    // The current side's text is kept as it was, entries added after it.
                    for line in x.lines().filter(|l| l.starts_with('#')) {
                        prop_assert!(m.text.contains(line));
                    }
                }
            }
        }
    }
}
