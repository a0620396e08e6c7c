//! Word valences for document tone, from the VADER lexicon (`data/tone_vader.tsv`, MIT; see
//! `data/VADER-LICENSE.txt`).

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use crate::load::{rows, with_lower};

/// The valence of English words, from -4 (most negative) to +4 (most positive).
#[derive(Debug)]
pub struct ToneLexicon {
    valence: FxHashMap<&'static str, f32>,
}

static TONE: LazyLock<ToneLexicon> = LazyLock::new(|| ToneLexicon {
    valence: rows(include_str!("../data/tone_vader.tsv"))
        .filter_map(|r| match r[..] {
            [word, v, ..] => v.parse().ok().map(|v| (word, v)),
            _ => None,
        })
        .collect(),
});

impl ToneLexicon {
    /// The shared tone lexicon, parsed on first use.
    pub fn get() -> &'static ToneLexicon {
        &TONE
    }

    /// The mean rated valence of `word` (any case), if the lexicon rates it.
    pub fn valence(&self, word: &str) -> Option<f32> {
        with_lower(word, |w| self.valence.get(w).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_words_both_ways() {
        let lex = ToneLexicon::get();
        assert!(lex.valence("Peace").is_some_and(|v| v > 1.0));
        assert!(lex.valence("killed").is_some_and(|v| v < -1.0));
        assert_eq!(lex.valence("the"), None);
        assert_eq!(lex.valence(":)"), None);
    }
}
