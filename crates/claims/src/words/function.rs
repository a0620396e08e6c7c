//! Grammatical words around a number: determiners, which make a figure refer rather than
//! count, and the function words that end a counted noun phrase.

use storyline_lexicon::{is_claim_word, ClaimClass};

/// Determiners and possessives: "the two leaders" refers to known things, it counts nothing.
pub(crate) fn is_determiner(w: &str) -> bool {
    is_claim_word(ClaimClass::Determiner, w)
}

/// Function words, auxiliaries and common verbs that end a counted noun phrase.
pub(crate) fn is_function(w: &str) -> bool {
    is_claim_word(ClaimClass::FunctionWord, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grammatical_words() {
        assert!(is_determiner("these") && !is_determiner("troops"));
        assert!(is_function("were") && !is_function("troops"));
    }
}
