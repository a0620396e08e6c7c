//! Word lists of the tokeniser and sentence splitter: the bound prefixes and suffixes that keep
//! a hyphenated word whole (`data/hyphen_prefixes.txt`, `data/hyphen_suffixes.txt`) and the
//! speech verbs that attribute a quotation right after its closing mark
//! (`data/quote_close_cues.txt`).

use crate::load::with_lower;

word_list!(PREFIXES = "hyphen_prefixes");

word_list!(SUFFIXES = "hyphen_suffixes");

word_list!(QUOTE_CUES = "quote_close_cues");

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::words;

    #[test]
    fn lists_hold_only_short_lower_case_words() {
        // The length guard in the accessors relies on it.
        for list in [&*PREFIXES, &*SUFFIXES] {
            assert!(!list.is_empty());
        }
        for w in words(include_str!("../data/hyphen_prefixes.txt"))
            .chain(words(include_str!("../data/hyphen_suffixes.txt")))
        {
            assert!(w.len() <= 8 && w == w.to_lowercase(), "{w}");
        }
    }
}
