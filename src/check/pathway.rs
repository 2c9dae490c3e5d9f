//! Rules within one pathway definition.

use std::collections::HashMap;

use crate::diag::Sink;
use crate::i18n::Msg;
use crate::model::{Pathway, TimesStatus};
use crate::suggest::suggest;

/// Checks a pathway: id equals the file stem, ids unique, references resolve, intervals go
/// forward (no cycles, none backwards in the milestone order).
pub fn check_pathway(p: &Pathway, stem: &str, sink: &mut Sink<'_>) {
    if p.id.value != stem {
        sink.error(
            p.id.span,
            Msg::IdNotStem {
                id: p.id.value.clone(),
                stem: stem.to_string(),
            },
        );
    }
    let mut seen: HashMap<&str, crate::diag::Span> = HashMap::new();
    let mut codes: HashMap<&str, &str> = HashMap::new();
    for m in &p.milestones {
        if let Some(&first) = seen.get(m.id.value.as_str()) {
            let first_line = sink.line(first);
            sink.error(
                m.id.span,
                Msg::DuplicateMilestone {
                    id: m.id.value.clone(),
                    first_line,
                },
            );
            continue;
        }
        seen.insert(&m.id.value, m.id.span);
        if let Some(code) = &m.code
            && let Some(other) = codes.insert(code, &m.id.value)
        {
            sink.error(
                m.id.span,
                Msg::DuplicateRole {
                    code: code.clone(),
                    other: other.to_string(),
                },
            );
        }
    }
    let milestone_ids: std::collections::HashSet<&str> =
        p.milestones.iter().map(|m| m.id.value.as_str()).collect();
    let resolve = |sink: &mut Sink<'_>, key: &str, r: &crate::model::Located<String>| {
        let ok = milestone_ids.contains(r.value.as_str());
        if !ok {
            let suggestion = suggest(&r.value, milestone_ids.iter().copied());
            sink.error(
                r.span,
                Msg::UnknownPathwayMilestone {
                    key: key.into(),
                    id: r.value.clone(),
                    suggestion,
                },
            );
        }
        ok
    };
    let mut interval_ids: HashMap<&str, crate::diag::Span> = HashMap::new();
    let mut edges: Vec<(&str, &str, usize)> = Vec::new();
    let mut backwards: Vec<usize> = Vec::new();
    for (n, i) in p.intervals.iter().enumerate() {
        if let Some(&first) = interval_ids.get(i.id.value.as_str()) {
            let first_line = sink.line(first);
            sink.error(
                i.id.span,
                Msg::DuplicateInterval {
                    id: i.id.value.clone(),
                    first_line,
                },
            );
        } else {
            interval_ids.insert(&i.id.value, i.id.span);
        }
        let from_ok = resolve(sink, "from", &i.from);
        let to_ok = resolve(sink, "to", &i.to);
        if from_ok && to_ok {
            edges.push((&i.from.value, &i.to.value, n));
            // Role milestones have an order (A ≤ S ≤ C ≤ F, SPEC §1): an interval from a later
            // one to an earlier one can never be met as meant.
            let order = |id: &str| p.role_of(id).and_then(crate::model::Role::order);
            if let (Some(f), Some(t)) = (order(&i.from.value), order(&i.to.value))
                && t < f
            {
                backwards.push(n);
            }
        }
    }
    let mut task_ids: HashMap<&str, crate::diag::Span> = HashMap::new();
    for t in &p.tasks {
        if let Some(&first) = task_ids.get(t.id.value.as_str()) {
            let first_line = sink.line(first);
            sink.error(
                t.id.span,
                Msg::DuplicateTask {
                    id: t.id.value.clone(),
                    first_line,
                },
            );
        } else {
            task_ids.insert(&t.id.value, t.id.span);
        }
        resolve(sink, "after", &t.after);
    }
    let mut closing = Vec::new();
    for (n, path) in cycles(&edges) {
        sink.error(p.intervals[n].to.span, Msg::IntervalCycle { path });
        closing.push(n);
    }
    // An interval that closes a cycle is reported once, as the cycle.
    for n in backwards.into_iter().filter(|n| !closing.contains(n)) {
        let i = &p.intervals[n];
        sink.error(
            i.to.span,
            Msg::IntervalBackwards {
                id: i.id.value.clone(),
                from: i.from.value.clone(),
                to: i.to.value.clone(),
            },
        );
    }
    if p.times == TimesStatus::Unknown && !p.intervals.is_empty() {
        sink.error(p.intervals[0].id.span, Msg::TimesUnknownWithIntervals);
    }
}

/// A cycle's path as `a → b → a`; a long one with its middle left out.
fn show_path(path: &[&str]) -> String {
    if path.len() <= 12 {
        return path.join(" → ");
    }
    let (head, tail) = (&path[..5], &path[path.len() - 5..]);
    format!(
        "{} → … ({} more) → {}",
        head.join(" → "),
        path.len() - 10,
        tail.join(" → ")
    )
}

/// The edges that close a cycle (by index into the interval list), each with the cycle's path.
/// Depth-first search with colours and an explicit stack (a hostile file with a chain of
/// 100,000 intervals must not overflow the call stack); a back edge closes a cycle.
fn cycles(edges: &[(&str, &str, usize)]) -> Vec<(usize, String)> {
    #[derive(Clone, Copy, PartialEq)]
    enum Colour {
        White,
        Grey,
        Black,
    }
    // Nodes in order of first appearance, so the search follows the file and reports the
    // interval that closes the cycle.
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut nodes: Vec<&str> = Vec::new();
    for n in edges.iter().flat_map(|(a, b, _)| [*a, *b]) {
        index.entry(n).or_insert_with(|| {
            nodes.push(n);
            nodes.len() - 1
        });
    }
    let mut out_edges: Vec<Vec<(usize, usize)>> = vec![Vec::new(); nodes.len()];
    for &(a, b, n) in edges {
        out_edges[index[a]].push((index[b], n));
    }
    let mut colour = vec![Colour::White; nodes.len()];
    let mut found = Vec::new();
    for start in 0..nodes.len() {
        if colour[start] != Colour::White {
            continue;
        }
        // (node, next edge to look at); the stack is the current path.
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        colour[start] = Colour::Grey;
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            match out_edges[v].get(*next).copied() {
                Some((w, n)) => {
                    *next += 1;
                    match colour[w] {
                        Colour::White => {
                            colour[w] = Colour::Grey;
                            stack.push((w, 0));
                        }
                        Colour::Grey => {
                            let from = stack.iter().position(|&(s, _)| s == w).unwrap_or(0);
                            let mut path: Vec<&str> =
                                stack[from..].iter().map(|&(s, _)| nodes[s]).collect();
                            path.push(nodes[w]);
                            found.push((n, show_path(&path)));
                        }
                        Colour::Black => {}
                    }
                }
                None => {
                    colour[v] = Colour::Black;
                    stack.pop();
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::cycles;

    #[test]
    fn a_chain_of_100000_intervals_does_not_overflow_the_stack() {
        let names: Vec<String> = (0..=100_000).map(|i| format!("m{i}")).collect();
        let mut edges: Vec<(&str, &str, usize)> = (0..100_000)
            .map(|i| (names[i].as_str(), names[i + 1].as_str(), i))
            .collect();
        assert!(cycles(&edges).is_empty());
        edges.push((names[100_000].as_str(), names[0].as_str(), 100_000));
        let found = cycles(&edges);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, 100_000);
        assert_eq!(
            found[0].1,
            "m0 → m1 → m2 → m3 → m4 → … (99992 more) → m99997 → m99998 → m99999 → m100000 → m0"
        );
    }

    #[test]
    fn finds_cycles_and_self_loops() {
        assert!(cycles(&[("a", "b", 0), ("b", "c", 1)]).is_empty());
        let c = cycles(&[("a", "b", 0), ("b", "a", 1)]);
        assert_eq!(c, vec![(1, "a → b → a".to_string())]);
        assert_eq!(cycles(&[("a", "a", 0)]), vec![(0, "a → a".to_string())]);
    }
}
