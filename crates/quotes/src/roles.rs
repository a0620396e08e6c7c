//! Word classes the speaker rules read: role nouns that head speaker phrases, nouns that refer
//! back to an organisation, and gender hints from titles, role words and given names.
//!
//! Like `words`, the lists are lexicon data (`quote_words.tsv`); each look-up takes a
//! lower-cased word.

use storyline_lexicon::{is_quote_word, QuoteClass};

/// Gender evidence for a person, from given names, titles and role words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    /// Known male.
    Male,
    /// Known female.
    Female,
}

/// Role and group nouns that can head a speaker phrase ("Johnson's spokesman", "the coach").
pub(crate) fn is_role_noun(w: &str) -> bool {
    let w = w.strip_suffix('s').filter(|s| s.len() > 3).unwrap_or(w);
    is_quote_word(QuoteClass::SpeakerRole, w)
}

/// Whether `w` is the plural of a role noun ("officials", "parents"): a group, never "he" or
/// "she".
pub(crate) fn is_plural_role_noun(w: &str) -> bool {
    w.len() > 4 && w.ends_with('s') && !is_quote_word(QuoteClass::SpeakerRole, w) && is_role_noun(w)
}

/// Role nouns that refer back to the most recent organisation ("the company said").
pub(crate) fn is_org_anaphor(w: &str) -> bool {
    is_quote_word(QuoteClass::OrgAnaphor, w)
}

/// Gender carried by a title or role word ("Mrs", "spokeswoman", "father").
pub(crate) fn gender_of_word(w: &str) -> Option<Gender> {
    gender_in(w, QuoteClass::FemaleWord, QuoteClass::MaleWord)
}

/// Gender of a common given name (lowercase), across the names frequent in international news.
pub(crate) fn gender_of_given_name(w: &str) -> Option<Gender> {
    gender_in(w, QuoteClass::FemaleName, QuoteClass::MaleName)
}

/// `Female` when `w` is in class `female`, `Male` when in `male`.
fn gender_in(w: &str, female: QuoteClass, male: QuoteClass) -> Option<Gender> {
    if is_quote_word(female, w) {
        Some(Gender::Female)
    } else if is_quote_word(male, w) {
        Some(Gender::Male)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles() {
        assert!(is_role_noun("spokesman") && is_role_noun("officials"));
        assert!(!is_role_noun("troops"));
        assert!(is_org_anaphor("company") && !is_org_anaphor("minister"));
    }

    #[test]
    fn gender_hints() {
        assert_eq!(gender_of_given_name("kamala"), Some(Gender::Female));
        assert_eq!(gender_of_given_name("erik"), Some(Gender::Male));
        assert_eq!(gender_of_given_name("zzz"), None);
        assert_eq!(gender_of_word("spokeswoman"), Some(Gender::Female));
    }
}
