//! Abstract count nouns (`data/abstract_count_nouns.txt`): the nouns a small number counts
//! as rhetoric ("two key points") rather than as things in the world.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::load::words;

static ABSTRACT: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("../data/abstract_count_nouns.txt")).collect());

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
