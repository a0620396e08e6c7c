//! Word lists of story analysis: the words that never serve as a story's keywords
//! (`data/story_stopwords.txt`), the titles dropped when names are compared
//! (`data/name_titles.txt`) and the prepositions that end a counted noun phrase
//! (`data/noun_phrase_stops.txt`), the names with several established forms
//! (`data/name_variants.tsv`) and the counted nouns that name one quantity
//! (`data/noun_classes.tsv`).

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use crate::load::rows;

word_list!(STOPWORDS = "story_stopwords");

word_list!(NAME_TITLES = "name_titles");

word_list!(NOUN_STOPS = "noun_phrase_stops");

/// Whether the lower-case `word` says nothing about which story an article tells
/// ("however", "statement", "monday").
///
/// ```
/// assert!(storyline_lexicon::is_story_stopword("however"));
/// assert!(!storyline_lexicon::is_story_stopword("ceasefire"));
/// ```
pub fn is_story_stopword(word: &str) -> bool {
    STOPWORDS.contains(word)
}

/// Whether the lower-case `word` can say which story an article tells: five bytes or more,
/// not a number, not a function, newsroom or calendar word.
///
/// ```
/// assert!(storyline_lexicon::is_story_keyword("ceasefire"));
/// assert!(!storyline_lexicon::is_story_keyword("however"));
/// assert!(!storyline_lexicon::is_story_keyword("2019"));
/// assert!(!storyline_lexicon::is_story_keyword("deal"));
/// ```
pub fn is_story_keyword(word: &str) -> bool {
    word.len() >= 5 && !word.bytes().all(|b| b.is_ascii_digit()) && !is_story_stopword(word)
}

/// Whether the lower-case `word` (without a final full stop) is a title that opens a name
/// without being part of it ("mr", "president").
///
/// ```
/// assert!(storyline_lexicon::is_name_title("mrs"));
/// assert!(!storyline_lexicon::is_name_title("smith"));
/// ```
pub fn is_name_title(word: &str) -> bool {
    NAME_TITLES.contains(word)
}

/// Whether the lower-case `word` ends a counted noun phrase ("on", "near").
///
/// ```
/// assert!(storyline_lexicon::is_noun_phrase_stop("near"));
/// assert!(!storyline_lexicon::is_noun_phrase_stop("troops"));
/// ```
pub fn is_noun_phrase_stop(word: &str) -> bool {
    NOUN_STOPS.contains(word)
}

/// Groups of names that are one thing across articles (`data/name_variants.tsv`): the
/// canonical name first, then its variants.
///
/// ```
/// let groups = storyline_lexicon::name_variant_groups();
/// let kyiv = groups.iter().find(|g| g[0] == "Kyiv").unwrap();
/// assert!(kyiv.contains(&"Kiev"));
/// ```
pub fn name_variant_groups() -> &'static [Vec<&'static str>] {
    static GROUPS: LazyLock<Vec<Vec<&'static str>>> =
        LazyLock::new(|| rows(include_str!("../data/name_variants.tsv")).collect());
    &GROUPS
}

/// The quantity class a lower-case counted noun (one or two words) counts as
/// (`data/noun_classes.tsv`): "soldiers" and "servicemen" both count "troops".
///
/// ```
/// assert_eq!(storyline_lexicon::noun_class("servicemen"), Some("troops"));
/// assert_eq!(storyline_lexicon::noun_class("asylum seekers"), Some("refugees"));
/// assert_eq!(storyline_lexicon::noun_class("tanks"), None);
/// ```
pub fn noun_class(noun: &str) -> Option<&'static str> {
    static CLASSES: LazyLock<FxHashMap<&'static str, &'static str>> = LazyLock::new(|| {
        rows(include_str!("../data/noun_classes.tsv"))
            .filter_map(|r| Some((*r.first()?, *r.get(1)?)))
            .collect()
    });
    CLASSES.get(noun).copied()
}
