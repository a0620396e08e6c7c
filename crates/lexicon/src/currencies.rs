//! Currencies (`data/currencies.tsv`): the symbols glued before figures ("US$", "€") and the
//! words written after them ("dollars"), with their ISO 4217 codes.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use crate::load::rows;

/// Symbols with their codes, longest symbol first, and words with their codes.
struct Currencies {
    symbols: Vec<(&'static str, &'static str)>,
    words: FxHashMap<&'static str, &'static str>,
    /// Words that are also units of measure ("pounds").
    unit_words: FxHashMap<&'static str, &'static str>,
}

static CURRENCIES: LazyLock<Currencies> = LazyLock::new(|| {
    let mut symbols = Vec::new();
    let mut words = FxHashMap::default();
    let mut unit_words = FxHashMap::default();
    for r in rows(include_str!("../data/currencies.tsv")) {
        match (r.first(), r.get(1), r.get(2)) {
            (Some(&form), Some(&code), Some(&"symbol")) => symbols.push((form, code)),
            (Some(&form), Some(&code), Some(&"word")) => {
                words.insert(form, code);
            }
            (Some(&form), Some(&code), Some(&"word_or_unit")) => {
                unit_words.insert(form, code);
            }
            _ => {}
        }
    }
    // Longest first, so "US$" is read before "$"; the file's order breaks ties.
    symbols.sort_by_key(|&(s, _)| std::cmp::Reverse(s.chars().count()));
    Currencies {
        symbols,
        words,
        unit_words,
    }
});

/// The currency symbol that `text` starts with, if any, as (symbol, ISO code); the longest
/// symbol wins.
///
/// ```
/// use storyline_lexicon::currency_symbol_prefix;
/// assert_eq!(currency_symbol_prefix("US$5bn"), Some(("US$", "USD")));
/// assert_eq!(currency_symbol_prefix("$5bn"), Some(("$", "USD")));
/// assert_eq!(currency_symbol_prefix("5bn"), None);
/// ```
pub fn currency_symbol_prefix(text: &str) -> Option<(&'static str, &'static str)> {
    CURRENCIES
        .symbols
        .iter()
        .find(|(s, _)| text.starts_with(s))
        .copied()
}

/// The ISO code of a lower-case currency word written after a number ("dollars" → "USD").
///
/// ```
/// assert_eq!(storyline_lexicon::currency_of_word("roubles"), Some("RUB"));
/// assert_eq!(storyline_lexicon::currency_of_word("people"), None);
/// ```
pub fn currency_of_word(word: &str) -> Option<&'static str> {
    CURRENCIES.words.get(word).copied()
}

/// The ISO code of a lower-case word that names a currency and also a unit of measure
/// ("pounds" → "GBP"): the caller decides from the amount whether it is money.
///
/// ```
/// assert_eq!(storyline_lexicon::currency_or_unit_of_word("pounds"), Some("GBP"));
/// assert_eq!(storyline_lexicon::currency_or_unit_of_word("dollars"), None);
/// ```
pub fn currency_or_unit_of_word(word: &str) -> Option<&'static str> {
    CURRENCIES.unit_words.get(word).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_read() {
        let n = rows(include_str!("../data/currencies.tsv")).count();
        let c = &*CURRENCIES;
        assert_eq!(c.symbols.len() + c.words.len() + c.unit_words.len(), n);
        let chars = |s: &str| s.chars().count();
        assert!(CURRENCIES
            .symbols
            .windows(2)
            .all(|w| chars(w[0].0) >= chars(w[1].0)));
    }
}
