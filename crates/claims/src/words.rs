//! Word classes around a number: number words, scales, hedges, calendar and time words,
//! labels, attribution cues, and (in `function`) determiners and function words.
//!
//! Every function takes a lowercase word; the word classes live in the lexicon's
//! `claim_words.tsv`, month names in `storyline-dates`.

use storyline_lexicon::{is_claim_word, ClaimClass};

mod function;

pub(crate) use function::{is_determiner, is_function};

/// Value of a cardinal number word ("seven" → 7, "twenty" → 20): the lexicon's
/// `number_words.tsv`.
pub(crate) fn cardinal(w: &str) -> Option<f64> {
    storyline_lexicon::cardinal(w)
}

/// Value of a written scale word ("million" → 1e6), including the newsroom abbreviations
/// and "lakh" and "crore": the lexicon's `number_words.tsv`.
pub(crate) fn scale(w: &str) -> Option<f64> {
    storyline_lexicon::scale(w)
}

/// Value of a vague plural ("tens" → 10, "thousands" → 1000): "tens of thousands".
pub(crate) fn vague(w: &str) -> Option<f64> {
    storyline_lexicon::vague(w)
}

/// Hedges written before a number, longest first, as lowercase word sequences: the
/// lexicon's `claim_hedges.txt`.
pub(crate) fn hedges() -> &'static [Vec<&'static str>] {
    storyline_lexicon::claim_hedges()
}

/// Month names and their abbreviations: a number beside one is a day or a year.
pub(crate) fn is_month(w: &str) -> bool {
    storyline_dates::is_month_name(w)
}

/// Words after a number that make it a clock time.
pub(crate) fn is_clock(w: &str) -> bool {
    is_claim_word(ClaimClass::Clock, w)
}

/// Units of time: a number counting them is a duration or an age, not a claim.
pub(crate) fn is_time_unit(w: &str) -> bool {
    is_claim_word(ClaimClass::TimeUnit, w)
}

/// Words before a number that make it a label ("Article 5", "page 12", "flight 370").
pub(crate) fn is_label(w: &str) -> bool {
    is_claim_word(ClaimClass::Label, w)
}

/// Words before a bare four-digit number that make it a year ("in 2014", "since 1991").
pub(crate) fn is_year_cue(w: &str) -> bool {
    is_claim_word(ClaimClass::YearCue, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words() {
        assert_eq!(cardinal("seventeen"), Some(17.0));
        assert_eq!(scale("bn"), Some(1e9));
        assert_eq!(vague("tens"), Some(10.0));
        assert_eq!(vague("tensions"), None);
    }

    #[test]
    fn context_words() {
        assert!(is_month("sept.") && is_clock("p.m.") && is_time_unit("decades"));
        assert!(is_label("article") && is_year_cue("since"));
        assert!(hedges().iter().any(|h| h.join(" ") == "as many as"));
    }
}
