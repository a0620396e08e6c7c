//! Noun and verb classes for reading what a number counts: irregular plurals, concrete
//! countable things, currencies, measures, collectives, place words, and the verbs that sit
//! between a measured noun and its figure ("revenue rose 3.5%").

use storyline_lexicon::{is_claim_word, ClaimClass};

use crate::lex::is_possessive;

/// Plural or mass nouns that do not end in "s" but count people and things.
pub(crate) fn is_irregular_plural(w: &str) -> bool {
    is_claim_word(ClaimClass::IrregularPlural, w)
}

/// Nouns of concrete, countable things and people: small numbers ("two", "7") only count
/// these, since "two key provisions" or "three reasons" are rhetoric rather than quantities.
pub(crate) fn is_concrete(w: &str) -> bool {
    let w = singular(w);
    is_irregular_plural(w) || is_claim_word(ClaimClass::ConcreteNoun, w)
}

/// Nouns for people, whose small counts as a sentence's subject identify rather than count.
pub(crate) fn is_person_noun(w: &str) -> bool {
    is_claim_word(ClaimClass::PersonNoun, singular(w))
}

/// A rough singular for list lookups ("casualties" → "casualty", "troops" → "troop").
pub(crate) fn singular(w: &str) -> &str {
    if let Some(stem) = w.strip_suffix("ies") {
        if stem.len() > 2 {
            return match w {
                "casualties" => "casualty",
                "fatalities" => "fatality",
                "cities" => "city",
                "companies" => "company",
                "countries" => "country",
                "allies" => "ally",
                "babies" => "baby",
                _ => w,
            };
        }
    }
    if let Some(stem) = w.strip_suffix("es") {
        if stem.ends_with("ss") || stem.ends_with("sh") || stem.ends_with("ch") || stem == "bus" {
            return stem;
        }
    }
    match w.strip_suffix('s') {
        Some(stem) if !stem.ends_with('s') && stem.len() > 1 => stem,
        _ => w,
    }
}

/// Whether a lowercase word looks like a regular plural noun ("troops", "jobs").
pub(crate) fn looks_plural(w: &str) -> bool {
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !is_possessive(w)
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        || is_irregular_plural(w)
}

/// Nouns that never make a counted noun phrase after a number.
pub(crate) fn is_non_count(w: &str) -> bool {
    is_claim_word(ClaimClass::NonCount, w)
}

/// Currency words after a number ("5 billion dollars"), with their ISO codes.
pub(crate) fn currency_word(w: &str) -> Option<&'static str> {
    storyline_lexicon::currency_of_word(w)
}

/// Units of measure after a number ("300 tonnes of grain").
pub(crate) fn is_measure(w: &str) -> bool {
    is_claim_word(ClaimClass::MeasureUnit, w)
}

/// Collective nouns that name what a bare number counts in "a crowd of 52,000".
pub(crate) fn is_collective(w: &str) -> bool {
    is_claim_word(ClaimClass::CollectiveNoun, w)
}

/// Words that make a phrase a place ("near the border", "in the region").
pub(crate) fn is_place_word(w: &str) -> bool {
    is_claim_word(ClaimClass::PlaceNoun, singular(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_and_singulars() {
        assert!(looks_plural("troops") && looks_plural("men") && looks_plural("peace-keepers"));
        assert!(!looks_plural("census") && !looks_plural("crisis") && !looks_plural("ukraine's"));
        assert_eq!(singular("casualties"), "casualty");
        assert_eq!(singular("buses"), "bus");
        assert_eq!(singular("tanks"), "tank");
    }

    #[test]
    fn classes() {
        assert!(is_concrete("soldiers") && is_concrete("ambulances") == is_concrete("ambulance"));
        assert!(!is_concrete("provisions") && !is_concrete("reasons"));
        assert_eq!(currency_word("roubles"), Some("RUB"));
        assert!(is_collective("crowd") && is_place_word("borders") && is_measure("tonnes"));
    }
}
