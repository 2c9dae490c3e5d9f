//! Sorting long lists by a small key taken once per item, in parallel, moving the items once.

use std::cmp::Ordering;

use rayon::prelude::*;

/// Sorts `items` by `key`, then `tie`, then their place before (stable). Each item's key is
/// taken once beside its index and those pairs are sorted (a comparison reads the keys, not the
/// items, where they differ); `tie` reads the items only where keys are equal. The items are then
/// put in that order where they are. Beyond what an index of 32 bits counts, the items
/// themselves are sorted.
pub fn by_keys<T: Send + Sync, K: Ord + Send>(
    items: &mut [T],
    key: impl Fn(&T) -> K + Sync,
    tie: impl Fn(&T, &T) -> Ordering + Sync,
) {
    if u32::try_from(items.len()).is_err() {
        items.par_sort_by(|a, b| key(a).cmp(&key(b)).then_with(|| tie(a, b)));
        return;
    }
    let mut order: Vec<(K, u32)> = items
        .par_iter()
        .enumerate()
        .map(|(i, item)| (key(item), i as u32))
        .collect();
    order.par_sort_unstable_by(|(ka, a), (kb, b)| {
        ka.cmp(kb)
            .then_with(|| tie(&items[*a as usize], &items[*b as usize]))
            .then(a.cmp(b))
    });
    // Each place takes the item the order names, following where earlier swaps moved it.
    for i in 0..order.len() {
        let mut from = order[i].1 as usize;
        while from < i {
            from = order[from].1 as usize;
        }
        order[i].1 = from as u32;
        items.swap(i, from);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same order as a stable sort by key and tie, for many orders of the same items.
    #[test]
    fn sorts_as_a_stable_sort_does() {
        // (key, tie, tag): keys and ties repeat, tags tell the items apart.
        let items: Vec<(u8, u8, usize)> = (0..60)
            .map(|n| ((n * 7 % 5) as u8, (n % 3) as u8, n))
            .collect();
        for step in [1, 7, 11, 13, 29, 31] {
            let mut shuffled: Vec<_> = (0..items.len())
                .map(|i| items[i * step % items.len()])
                .collect();
            let mut expected = shuffled.clone();
            expected.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
            by_keys(&mut shuffled, |x| x.0, |a, b| a.1.cmp(&b.1));
            assert_eq!(shuffled, expected, "step {step}");
        }
    }
}
