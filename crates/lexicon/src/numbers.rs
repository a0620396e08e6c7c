//! Number words (`data/number_words.tsv`): cardinals ("seven"), scale words ("million",
//! "bn", "crore") and vague plurals ("hundreds") with their values.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use crate::load::rows;

/// Word → value.
type Values = FxHashMap<&'static str, f64>;

/// The words of each kind with their values.
#[derive(Default)]
struct Numbers {
    cardinals: Values,
    scales: Values,
    glued: Values,
    vague: Values,
}

/// Values of the cardinal, scale, glued-scale and vague words, by word.
static NUMBERS: LazyLock<Numbers> = LazyLock::new(|| {
    let mut n = Numbers::default();
    for row in rows(include_str!("../data/number_words.tsv")) {
        let (Some(word), Some(value), Some(kind)) = (row.first(), row.get(1), row.get(2)) else {
            continue;
        };
        let Ok(value) = value.parse::<f64>() else {
            continue;
        };
        let kind = match *kind {
            "cardinal" => &mut n.cardinals,
            "scale" => &mut n.scales,
            "glued" => &mut n.glued,
            "vague" => &mut n.vague,
            _ => continue,
        };
        kind.insert(*word, value);
    }
    n
});

/// The value of a lower-case cardinal number word ("seventeen" → 17).
///
/// ```
/// assert_eq!(storyline_lexicon::cardinal("seventeen"), Some(17.0));
/// assert_eq!(storyline_lexicon::cardinal("seventh"), None);
/// ```
pub fn cardinal(word: &str) -> Option<f64> {
    NUMBERS.cardinals.get(word).copied()
}

/// The value of a lower-case scale word ("million" → 1e6, "crore" → 1e7).
///
/// ```
/// assert_eq!(storyline_lexicon::scale("bn"), Some(1e9));
/// assert_eq!(storyline_lexicon::scale("seven"), None);
/// ```
pub fn scale(word: &str) -> Option<f64> {
    NUMBERS.scales.get(word).copied()
}

/// The value of a lower-case scale glued to digits ("5bn", "70k", "5b" → 1e9): the scale
/// words and the letters that are scales only when glued.
///
/// ```
/// assert_eq!(storyline_lexicon::glued_scale("b"), Some(1e9));
/// assert_eq!(storyline_lexicon::scale("b"), None);
/// ```
pub fn glued_scale(word: &str) -> Option<f64> {
    scale(word).or_else(|| NUMBERS.glued.get(word).copied())
}

/// The order of magnitude of a lower-case vague plural ("hundreds" → 100, "dozens" → 12).
///
/// ```
/// assert_eq!(storyline_lexicon::vague("thousands"), Some(1e3));
/// assert_eq!(storyline_lexicon::vague("thousand"), None);
/// ```
pub fn vague(word: &str) -> Option<f64> {
    NUMBERS.vague.get(word).copied()
}
