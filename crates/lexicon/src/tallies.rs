//! Tally words (`data/tally_words.tsv`): the words that make a pair of figures ("2-0", "325
//! votes to 306") a vote tally or a match score.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use crate::load::rows;

/// What a pair of figures counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tally {
    /// A vote tally ("voted 6-1"): each side counts votes.
    Vote,
    /// A match score ("won 2-0"): each side is a score.
    Score,
}

/// A row's kind: a tally word's or a link word's (`None`).
type Kinds = FxHashMap<&'static str, Option<Tally>>;

static TALLIES: LazyLock<Kinds> = LazyLock::new(|| {
    rows(include_str!("../data/tally_words.tsv"))
        .filter_map(|r| {
            let kind = match *r.get(1)? {
                "vote" => Some(Tally::Vote),
                "score" => Some(Tally::Score),
                "link" => None,
                _ => return None,
            };
            Some((*r.first()?, kind))
        })
        .collect()
});

/// What a pair of figures next to the lower-case word `w` counts, if `w` is a tally word.
///
/// ```
/// use storyline_lexicon::{tally_word, Tally};
/// assert_eq!(tally_word("voted"), Some(Tally::Vote));
/// assert_eq!(tally_word("won"), Some(Tally::Score));
/// assert_eq!(tally_word("people"), None);
/// ```
pub fn tally_word(w: &str) -> Option<Tally> {
    TALLIES.get(w).copied().flatten()
}

/// Whether the lower-case word `w` may stand between a tally word and its pair of figures
/// ("the vote *was* 70-29", "won *by* 2-1").
///
/// ```
/// assert!(storyline_lexicon::is_tally_link("was"));
/// assert!(!storyline_lexicon::is_tally_link("won"));
/// ```
pub fn is_tally_link(w: &str) -> bool {
    TALLIES.get(w).is_some_and(Option::is_none)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_a_known_kind() {
        let data = include_str!("../data/tally_words.tsv");
        for row in rows(data) {
            assert!(
                matches!(row.get(1).copied(), Some("vote" | "score" | "link")),
                "bad row {row:?}"
            );
        }
        assert_eq!(tally_word("defeat"), Some(Tally::Score));
        assert_eq!(tally_word("ballot"), Some(Tally::Vote));
    }
}
