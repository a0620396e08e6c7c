//! Word lists of the tokeniser and sentence splitter: the bound prefixes and suffixes and the
//! final particles that keep a hyphenated word whole (`data/hyphen_prefixes.txt`,
//! `data/hyphen_suffixes.txt`, `data/hyphen_particles.txt`), the
//! clitics cut off after an apostrophe (`data/clitics.txt`), the fused forms cut in two
//! (`data/fused_forms.tsv`) and the speech verbs that attribute a quotation right after its
//! closing mark (`data/quote_close_cues.txt`).

use std::sync::LazyLock;

use crate::lists::WordMap;
use crate::load::{rows, with_lower};

word_list!(PREFIXES = "hyphen_prefixes");

word_list!(SUFFIXES = "hyphen_suffixes");

word_list!(PARTICLES = "hyphen_particles");

word_list!(QUOTE_CUES = "quote_close_cues");

word_list!(CLITICS = "clitics");

/// Each fused form with the length of its first token.
static FUSED: LazyLock<WordMap<usize>> = LazyLock::new(|| {
    WordMap::new(
        "fused_forms",
        rows(include_str!("../data/fused_forms.tsv")).filter_map(|r| match r[..] {
            [form, first, ..] => Some((form, first.len())),
            _ => None,
        }),
    )
});

/// Whether `part`, in any case, is a bound prefix that stays joined to what follows its
/// hyphen ("anti" in "anti-war", "CO" in "CO-FOUNDER").
///
/// ```
/// assert!(storyline_lexicon::is_hyphen_prefix("Anti"));
/// assert!(!storyline_lexicon::is_hyphen_prefix("Secretary"));
/// ```
pub fn is_hyphen_prefix(part: &str) -> bool {
    // No prefix is longer than this: skip the lower-casing for most words.
    part.len() <= 8 && with_lower(part, |p| PREFIXES.contains(p))
}

/// Whether `part`, in any case, is a bound suffix that stays joined to what precedes its
/// hyphen ("wise" in "tax-wise").
///
/// ```
/// assert!(storyline_lexicon::is_hyphen_suffix("WISE"));
/// assert!(!storyline_lexicon::is_hyphen_suffix("General"));
/// ```
pub fn is_hyphen_suffix(part: &str) -> bool {
    part.len() <= 8 && with_lower(part, |p| SUFFIXES.contains(p))
}

/// Whether `part`, in any case, is a particle that stays joined to the lower-case word before
/// its hyphen when it ends the word ("up" in "build-up").
///
/// ```
/// assert!(storyline_lexicon::is_hyphen_particle("up"));
/// assert!(!storyline_lexicon::is_hyphen_particle("General"));
/// ```
pub fn is_hyphen_particle(part: &str) -> bool {
    part.len() <= 4 && with_lower(part, |p| PARTICLES.contains(p))
}

/// Whether `word` (as written) is a speech verb that attributes a quotation when it follows
/// the closing mark and a short speaker ("said", "wrote").
///
/// ```
/// assert!(storyline_lexicon::is_quote_close_cue("said"));
/// assert!(!storyline_lexicon::is_quote_close_cue("say"));
/// ```
pub fn is_quote_close_cue(word: &str) -> bool {
    QUOTE_CUES.contains(word)
}

/// Whether `tail`, in any case, is a clitic that goes off as a token of its own after an
/// apostrophe ("s" in "Russia's", "LL" in "WE'LL").
///
/// ```
/// assert!(storyline_lexicon::is_clitic("ve"));
/// assert!(storyline_lexicon::is_clitic("S"));
/// assert!(!storyline_lexicon::is_clitic("clock"));
/// ```
pub fn is_clitic(tail: &str) -> bool {
    // No clitic is longer than this: skip the lower-casing for names ("O'Brien").
    tail.len() <= 2 && with_lower(tail, |t| CLITICS.contains(t))
}

/// Where the fused form `word` (any case) is cut: the byte length of its first token
/// ("cannot" → 3: `can` `not`).
///
/// ```
/// assert_eq!(storyline_lexicon::fused_cut("GONNA"), Some(3));
/// assert_eq!(storyline_lexicon::fused_cut("canned"), None);
/// ```
pub fn fused_cut(word: &str) -> Option<usize> {
    // No fused form is longer than this: skip the lower-casing for most words.
    if word.len() > 6 {
        return None;
    }
    with_lower(word, |w| FUSED.get(w).copied())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::words;

    #[test]
    fn lists_hold_only_short_lower_case_words() {
        // The length guard in the accessors relies on it.
        for list in [&*PREFIXES, &*SUFFIXES, &*PARTICLES] {
            assert!(!list.is_empty());
        }
        for w in words(include_str!("../data/hyphen_prefixes.txt"))
            .chain(words(include_str!("../data/hyphen_suffixes.txt")))
            .chain(words(include_str!("../data/hyphen_particles.txt")))
        {
            assert!(w.len() <= 8 && w == w.to_lowercase(), "{w}");
        }
        for w in words(include_str!("../data/clitics.txt")) {
            assert!(w.len() <= 2 && w == w.to_lowercase(), "{w}");
        }
        for r in rows(include_str!("../data/fused_forms.tsv")) {
            assert!(r[0].len() <= 6 && r[0] == r[0].to_lowercase(), "{r:?}");
            assert!(r.len() == 2 && r[0].starts_with(r[1]), "{r:?}");
        }
        assert_eq!(FUSED.len(), 4);
    }
}
