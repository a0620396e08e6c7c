//! Demonyms and the countries or blocs they name: "20,000 Russian troops" is about Russia.
//!
//! The table is the lexicon's `demonyms.tsv`; words come lower-case, and plural forms
//! ("Russians") are read by stripping a final "s".

use storyline_lexicon::Lexicon;

/// Country (or bloc) named by a lowercase demonym adjective or noun.
pub(crate) fn country_of(w: &str) -> Option<&'static str> {
    let w = w.trim_end_matches("'s").trim_end_matches("’s");
    let lex = Lexicon::get();
    lex.country_of_demonym(w)
        .or_else(|| w.strip_suffix('s').and_then(|w| lex.country_of_demonym(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demonyms_name_countries_in_any_number() {
        assert_eq!(country_of("russian"), Some("Russia"));
        assert_eq!(country_of("ukrainians"), Some("Ukraine"));
        assert_eq!(country_of("britain's"), None);
        assert_eq!(country_of("troops"), None);
    }
}
