//! Did-you-mean suggestions for misspelt names.

/// The candidate closest to `word`, if it is close enough to be a likely misspelling.
pub fn suggest<'a, I>(word: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    let lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&lower, &c.to_lowercase()), c))
        .filter(|(d, c)| {
            let longest = c.chars().count().max(lower.chars().count());
            *d > 0 && *d <= (longest / 3).max(1) || (*d == 0 && *c != word)
        })
        .min_by_key(|(d, c)| (*d, *c))
        .map(|(_, c)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::suggest;

    #[test]
    fn close_names_are_suggested() {
        let ms = ["referral", "first-visit", "decision", "treatment"];
        assert_eq!(suggest("first-vist", ms), Some("first-visit".into()));
        assert_eq!(suggest("Referral", ms), Some("referral".into()));
        assert_eq!(suggest("biopsy", ms), None);
        // Two swapped digits are one slip, not two.
        assert_eq!(
            suggest("te-0124", ["te-0131", "te-0139", "te-0142"]),
            Some("te-0142".into())
        );
    }
}
