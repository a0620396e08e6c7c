//! Number words (`data/number_words.tsv`): cardinals ("seven") and scale words ("million",
//! "bn", "crore") with their values.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::load::rows;

/// Word → value.
type Values = HashMap<&'static str, f64>;

/// Values of the cardinal and of the scale words, by word.
static NUMBERS: LazyLock<(Values, Values)> = LazyLock::new(|| {
    let (mut cardinals, mut scales) = (HashMap::new(), HashMap::new());
    for row in rows(include_str!("../data/number_words.tsv")) {
        let (Some(word), Some(value), Some(kind)) = (row.first(), row.get(1), row.get(2)) else {
            continue;
        };
        let Ok(value) = value.parse::<f64>() else {
            continue;
        };
        match *kind {
            "cardinal" => cardinals.insert(*word, value),
            "scale" => scales.insert(*word, value),
            _ => None,
        };
    }
    (cardinals, scales)
});

/// The value of a lower-case cardinal number word ("seventeen" → 17).
///
/// ```
/// assert_eq!(storyline_lexicon::cardinal("seventeen"), Some(17.0));
/// assert_eq!(storyline_lexicon::cardinal("seventh"), None);
/// ```
pub fn cardinal(word: &str) -> Option<f64> {
    NUMBERS.0.get(word).copied()
}

/// The value of a lower-case scale word ("million" → 1e6, "crore" → 1e7).
///
/// ```
/// assert_eq!(storyline_lexicon::scale("bn"), Some(1e9));
/// assert_eq!(storyline_lexicon::scale("seven"), None);
/// ```
pub fn scale(word: &str) -> Option<f64> {
    NUMBERS.1.get(word).copied()
}
