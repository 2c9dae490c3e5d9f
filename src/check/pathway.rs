//! Rules within one pathway definition.

use std::collections::HashMap;

use crate::diag::Sink;
use crate::i18n::Msg;
use crate::model::{Pathway, TimesStatus};
use crate::suggest::suggest;

/// Checks a pathway: id equals the file stem, ids unique, references resolve, no cycles.
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
    let milestone_ids: Vec<&str> = p.milestones.iter().map(|m| m.id.value.as_str()).collect();
    let resolve = |sink: &mut Sink<'_>, key: &str, r: &crate::model::Located<String>| {
        let ok = milestone_ids.contains(&r.value.as_str());
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
    for (n, path) in cycles(&edges) {
        sink.error(p.intervals[n].to.span, Msg::IntervalCycle { path });
    }
    if p.times == TimesStatus::Unknown && !p.intervals.is_empty() {
        sink.error(p.intervals[0].id.span, Msg::TimesUnknownWithIntervals);
    }
}

/// The edges that close a cycle (by index into the interval list), each with the cycle's path.
fn cycles(edges: &[(&str, &str, usize)]) -> Vec<(usize, String)> {
    // Depth-first search with colours; a back edge closes a cycle.
    #[derive(Clone, Copy, PartialEq)]
    enum Colour {
        White,
        Grey,
        Black,
    }
    // Nodes in order of first appearance, so the search follows the file and reports the
    // interval that closes the cycle.
    let mut nodes: Vec<&str> = Vec::new();
    for n in edges.iter().flat_map(|(a, b, _)| [*a, *b]) {
        if !nodes.contains(&n) {
            nodes.push(n);
        }
    }
    let index = |n: &str| nodes.iter().position(|x| *x == n).expect("node listed");
    let mut colour = vec![Colour::White; nodes.len()];
    let mut found = Vec::new();
    fn visit(
        v: usize,
        nodes: &[&str],
        edges: &[(&str, &str, usize)],
        index: &dyn Fn(&str) -> usize,
        colour: &mut [Colour],
        stack: &mut Vec<usize>,
        found: &mut Vec<(usize, String)>,
    ) {
        colour[v] = Colour::Grey;
        stack.push(v);
        for &(a, b, n) in edges.iter().filter(|(a, _, _)| index(a) == v) {
            let w = index(b);
            match colour[w] {
                Colour::White => visit(w, nodes, edges, index, colour, stack, found),
                Colour::Grey => {
                    let start = stack.iter().position(|&s| s == w).unwrap_or(0);
                    let mut path: Vec<&str> = stack[start..].iter().map(|&s| nodes[s]).collect();
                    path.push(b);
                    let _ = a;
                    found.push((n, path.join(" → ")));
                }
                Colour::Black => {}
            }
        }
        stack.pop();
        colour[v] = Colour::Black;
    }
    for v in 0..nodes.len() {
        if colour[v] == Colour::White {
            let mut stack = Vec::new();
            visit(
                v,
                &nodes,
                edges,
                &index,
                &mut colour,
                &mut stack,
                &mut found,
            );
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::cycles;

    #[test]
    fn finds_cycles_and_self_loops() {
        assert!(cycles(&[("a", "b", 0), ("b", "c", 1)]).is_empty());
        let c = cycles(&[("a", "b", 0), ("b", "a", 1)]);
        assert_eq!(c, vec![(1, "a → b → a".to_string())]);
        assert_eq!(cycles(&[("a", "a", 0)]), vec![(0, "a → a".to_string())]);
    }
}
