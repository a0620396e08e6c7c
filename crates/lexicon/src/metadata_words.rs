//! The word classes of page metadata, read from `data/metadata_words.tsv` (columns: word,
//! class; each class is documented where it opens in the file): the cleaning stage's generic
//! byline and outlet openers and prose markers, the HTML extractor's server host labels. Each
//! class is a named [`WordList`](crate::lists::WordList) (`metadata_words.CLASS`).

word_classes! {
    /// A word class of `data/metadata_words.tsv`.
    pub enum MetadataClass in "metadata_words" {
        /// First words of a team byline that names no outlet ("Our", "Meet").
        TeamGeneric = "team_generic",
        /// First words of a copyright line that names no outlet ("All", "This").
        OutletGeneric = "outlet_generic",
        /// Words that report speech, marking a short line as prose ("said", "according").
        ProseMarker = "prose_marker",
        /// First host labels that name a server or edition ("www", "m", "amp").
        HostPrefix = "host_prefix",
        /// Words no headline ends on (in lower case): a line ending on one is a sentence
        /// broken by a line wrap ("Australia won the toss and").
        FragmentEnd = "fragment_end",
    }

    /// Whether `word` (as written; host labels in lower case) is in `class`.
    ///
    /// ```
    /// use storyline_lexicon::{is_metadata_word, MetadataClass};
    /// assert!(is_metadata_word(MetadataClass::HostPrefix, "www"));
    /// assert!(is_metadata_word(MetadataClass::ProseMarker, "said"));
    /// assert!(!is_metadata_word(MetadataClass::TeamGeneric, "Reuters"));
    /// ```
    pub fn is_metadata_word;
}
