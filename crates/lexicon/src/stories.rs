//! Word lists of story analysis: the words that never serve as a story's keywords
//! (`data/story_stopwords.txt`), the titles dropped when names are compared
//! (`data/name_titles.txt`) and the prepositions that end a counted noun phrase
//! (`data/noun_phrase_stops.txt`).

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
