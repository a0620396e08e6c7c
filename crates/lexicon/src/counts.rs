//! Abstract count nouns (`data/abstract_count_nouns.txt`): the nouns a small number counts
//! as rhetoric ("two key points") rather than as things in the world.

word_list!(ABSTRACT = "abstract_count_nouns");

/// Whether `singular` (a lower-case singular noun: "reason", "provision") is an abstract
/// count noun.
///
/// ```
/// assert!(storyline_lexicon::is_abstract_count_noun("reason"));
/// assert!(!storyline_lexicon::is_abstract_count_noun("tornado"));
/// ```
pub fn is_abstract_count_noun(singular: &str) -> bool {
    ABSTRACT.contains(singular)
}
