//! Verb classes around a figure: the verbs of level and change between a measured noun and
//! its figure ("revenue rose 3.5%"), verbs that take an amount as object ("borrowed $2m"),
//! and the casualty verbs that stand for the counted people ("killed at least 39").

use storyline_lexicon::{is_claim_word, ClaimClass};

/// Words after which the next word is a verb ("to", "will", "would").
pub(crate) fn is_verb_cue(w: &str) -> bool {
    is_claim_word(ClaimClass::VerbCue, w)
}

/// Verbs that take an amount as object: the noun lies elsewhere ("borrowed $2m").
pub(crate) fn is_money_verb(w: &str) -> bool {
    is_claim_word(ClaimClass::MoneyVerb, w)
}

/// Verbs of level and change between a measured noun and its figure.
pub(crate) fn is_change_verb(w: &str) -> bool {
    is_claim_word(ClaimClass::ChangeVerb, w)
}

/// Verbs whose object is people harmed or moved: "killed at least 39", "12 were injured".
pub(crate) fn is_casualty_verb(w: &str) -> bool {
    is_claim_word(ClaimClass::CasualtyVerb, w)
}

/// Attribution verbs: the speaker of "X said …" or "… , X told reporters".
// Wider than storyline-quotes' cue lists and the lexicon's `is_cue_verb` on purpose: figures
// and studies are claimants too.
pub(crate) fn is_cue(w: &str) -> bool {
    is_claim_word(ClaimClass::ClaimCue, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_change_verb("rose") && is_money_verb("invest") && is_verb_cue("will"));
        assert!(is_casualty_verb("killed") && !is_casualty_verb("said"));
        assert!(is_cue("told") && is_cue("showed") && !is_cue("troops"));
    }
}
