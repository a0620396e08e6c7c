//! The vocabulary and bigram counts the clustering reads: words seen at least a minimum
//! number of times (most frequent first), one word for all rarer ones and one for the
//! sentence boundary, and every word's neighbours on either side with their counts.

use std::collections::HashMap;

/// Vocabulary and bigram counts of a text.
pub(super) struct Bigrams {
    /// Words kept, most frequent first (ties by the word), with their counts; then the
    /// rare-word stand-in and the boundary.
    pub vocab: Vec<(String, u64)>,
    /// `after[w]` = `(v, count)` of the bigrams `(w, v)`, in `after_at[w]..after_at[w + 1]`.
    after: Vec<(u32, u32)>,
    after_at: Vec<usize>,
    before: Vec<(u32, u32)>,
    before_at: Vec<usize>,
    total: u64,
}

/// The stand-in of words seen fewer times than the minimum (not a word of the output).
pub(super) const RARE: &str = "<rare>";
/// The sentence boundary (not a word of the output).
pub(super) const BOUNDARY: &str = "<s>";

impl Bigrams {
    /// Counts the words and bigrams of `sentences`, each framed by the boundary.
    pub fn new(sentences: &[Vec<String>], min_count: u64) -> Bigrams {
        let mut counts: HashMap<&str, u64> = HashMap::new();
        for s in sentences {
            for w in s {
                *counts.entry(w.as_str()).or_default() += 1;
            }
        }
        let mut kept: Vec<(&str, u64)> = counts
            .iter()
            .filter(|&(_, &c)| c >= min_count.max(1))
            .map(|(&w, &c)| (w, c))
            .collect();
        kept.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let ids: HashMap<&str, u32> = kept
            .iter()
            .enumerate()
            .map(|(i, &(w, _))| (w, i as u32))
            .collect();
        let mut vocab: Vec<(String, u64)> = kept.iter().map(|&(w, c)| (w.to_string(), c)).collect();
        let (rare, boundary) = (vocab.len() as u32, vocab.len() as u32 + 1);
        let rare_count = counts.values().filter(|&&c| c < min_count).sum();
        vocab.push((RARE.to_string(), rare_count));
        vocab.push((BOUNDARY.to_string(), sentences.len() as u64));
        let mut pairs: HashMap<(u32, u32), u32> = HashMap::new();
        let mut total = 0;
        for s in sentences {
            let ids = s
                .iter()
                .map(|w| ids.get(w.as_str()).copied().unwrap_or(rare));
            let mut prev = boundary;
            for id in ids.chain([boundary]) {
                *pairs.entry((prev, id)).or_default() += 1;
                total += 1;
                prev = id;
            }
        }
        let mut pairs: Vec<((u32, u32), u32)> = pairs.into_iter().collect();
        pairs.sort_unstable();
        let n = vocab.len();
        let (after, after_at) = adjacency(n, pairs.iter().map(|&((a, b), c)| (a, b, c)));
        pairs.sort_unstable_by_key(|&((a, b), _)| (b, a));
        let (before, before_at) = adjacency(n, pairs.iter().map(|&((a, b), c)| (b, a, c)));
        Bigrams {
            vocab,
            after,
            after_at,
            before,
            before_at,
            total,
        }
    }

    /// Number of words (the stand-ins included).
    pub fn words(&self) -> usize {
        self.vocab.len()
    }

    /// Number of bigrams counted.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// The words after `w`, with counts.
    pub fn after(&self, w: usize) -> &[(u32, u32)] {
        &self.after[self.after_at[w]..self.after_at[w + 1]]
    }

    /// The words before `w`, with counts.
    pub fn before(&self, w: usize) -> &[(u32, u32)] {
        &self.before[self.before_at[w]..self.before_at[w + 1]]
    }
}

/// Compressed rows of `(row, column, count)` triples sorted by row.
fn adjacency(
    rows: usize,
    triples: impl Iterator<Item = (u32, u32, u32)>,
) -> (Vec<(u32, u32)>, Vec<usize>) {
    let mut cells = Vec::new();
    let mut at = vec![0; rows + 1];
    for (row, column, count) in triples {
        at[row as usize + 1] += 1;
        cells.push((column, count));
    }
    for r in 0..rows {
        at[r + 1] += at[r];
    }
    (cells, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_and_neighbours() {
        let s = |t: &str| t.split(' ').map(str::to_string).collect::<Vec<_>>();
        let b = Bigrams::new(&[s("a b a"), s("b a c")], 2);
        let words: Vec<&str> = b.vocab.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words, ["a", "b", RARE, BOUNDARY]);
        assert_eq!(b.vocab[0].1, 3);
        assert_eq!(b.vocab[2].1, 1);
        // <s> a b a <s> and <s> b a <rare> <s>: 8 bigrams.
        assert_eq!(b.total(), 8);
        assert_eq!(b.after(0), &[(1, 1), (2, 1), (3, 1)]);
        assert_eq!(b.before(0), &[(1, 2), (3, 1)]);
        let sum: u32 = (0..b.words()).flat_map(|w| b.after(w)).map(|p| p.1).sum();
        assert_eq!(sum as u64, b.total());
    }
}
