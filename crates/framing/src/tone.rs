//! Document tone as GDELT computes it: the percentage of words that are positive minus the
//! percentage that are negative, over every word of the body, with word valences from the VADER
//! lexicon (`storyline_lexicon::ToneLexicon`).

use storyline_lexicon::ToneLexicon;
use storyline_record::{Token, TokenKind, Tone};

/// A word counts as positive or negative when its mean rated valence is at least this far
/// from neutral (VADER rates from -4 to +4; ±1 leaves out words raters barely agreed on).
pub(crate) const MIN_VALENCE: f32 = 1.0;

/// The tone of the words of `tokens`.
pub(crate) fn tone(tokens: &[Token]) -> Tone {
    let lex = ToneLexicon::get();
    let (mut words, mut pos, mut neg) = (0, 0, 0);
    for t in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        words += 1;
        match lex.valence(&t.norm) {
            Some(v) if v >= MIN_VALENCE => pos += 1,
            Some(v) if v <= -MIN_VALENCE => neg += 1,
            _ => {}
        }
    }
    Tone::from_counts(words, pos, neg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::tokens_of;

    #[test]
    fn negative_copy_scores_below_positive_copy() {
        let grim = tone(&tokens_of(
            "The attack killed ten people and destroyed the hospital.",
        ));
        let glad = tone(&tokens_of(
            "The peace deal was welcomed with hope and celebration.",
        ));
        assert!(grim.tone < 0.0, "{grim:?}");
        assert!(glad.tone > 0.0, "{glad:?}");
        assert_eq!(tone(&[]).words, 0);
    }
}
