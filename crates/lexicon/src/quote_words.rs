//! The word classes of the quotes stage, read from `data/quote_words.tsv` (columns: word,
//! class; the classes are documented in the file's header). Each class is a named
//! [`WordList`] (`quote_words.CLASS`), so its hits can be counted and it can be switched off.

use std::sync::LazyLock;

use crate::lists::{classed, WordList};

word_classes! {
    /// A word class of `data/quote_words.tsv`.
    pub enum QuoteClass {
        /// "he".
        PronounMale = "pronoun_male",
        /// "she".
        PronounFemale = "pronoun_female",
        /// "it": an organisation.
        PronounNeuter = "pronoun_neuter",
        /// "they", "we": an organisation, a group or the previous speaker.
        PronounPlural = "pronoun_plural",
        /// Verb forms that attribute speech or writing ("said", "told").
        Cue = "cue",
        /// Cues that introduce a name rather than speech right before a quote ("called").
        NamingCue = "naming_cue",
        /// Words that mark a short quote after them as a name, title or term ("nicknamed").
        NamingWord = "naming_word",
        /// Determiners and possessives that open a noun phrase.
        Determiner = "determiner",
        /// Auxiliaries and verbs that follow a clause subject ("had", "would").
        SubjectVerb = "subject_verb",
        /// Words between a subject and its cue ("has also said").
        SkippableBeforeCue = "skippable_before_cue",
        /// Days of the week.
        Weekday = "weekday",
        /// Words that end an inverted subject ("said Smith on Monday").
        InvertedSubjectEnd = "inverted_subject_end",
        /// Role and group nouns that head a speaker phrase ("spokesman").
        SpeakerRole = "speaker_role",
        /// Nouns that refer back to the latest organisation ("company").
        OrgAnaphor = "org_anaphor",
        /// Titles and role words of women ("mrs", "spokeswoman").
        FemaleWord = "female_word",
        /// Titles and role words of men ("mr", "spokesman").
        MaleWord = "male_word",
        /// Given names of women frequent in international news.
        FemaleName = "female_name",
        /// Given names of men frequent in international news.
        MaleName = "male_name",
        /// Nationality nouns for a person not formed as demonym + "man" ("Spaniard").
        Epithet = "epithet",
        /// Nouns that head a time expression, which never speaks ("afternoon", "month").
        TimeNoun = "time_noun",
        /// Words that end a subject phrase read backwards from its cue ("and", "after", "was").
        SubjectStop = "subject_stop",
    }
}

/// The data file.
const DATA: &str = include_str!("../data/quote_words.tsv");

/// One named list per class, in the order of [`QuoteClass::ALL`].
static LISTS: LazyLock<Vec<WordList>> = LazyLock::new(|| {
    let names: Vec<&'static str> = QuoteClass::ALL.iter().map(|c| c.name()).collect();
    classed("quote_words", DATA, &names)
});

/// Whether `word` (lower case; epithets as written) is in `class`.
///
/// ```
/// use storyline_lexicon::{is_quote_word, QuoteClass};
/// assert!(is_quote_word(QuoteClass::Cue, "said"));
/// assert!(!is_quote_word(QuoteClass::Cue, "reported"));
/// assert!(is_quote_word(QuoteClass::OrgAnaphor, "ministry"));
/// ```
pub fn is_quote_word(class: QuoteClass, word: &str) -> bool {
    LISTS.get(class as usize).is_some_and(|l| l.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_has_words_and_every_row_a_class() {
        let names: Vec<&'static str> = QuoteClass::ALL.iter().map(|c| c.name()).collect();
        for (i, &class) in QuoteClass::ALL.iter().enumerate() {
            assert_eq!(class as usize, i);
            assert!(!LISTS[i].is_empty(), "{}", class.name());
        }
        assert_eq!(
            crate::lists::bad_rows(DATA, &names),
            Vec::<Vec<&str>>::new()
        );
        assert!(is_quote_word(QuoteClass::Weekday, "friday"));
        assert!(is_quote_word(QuoteClass::Epithet, "Spaniard"));
        assert!(!is_quote_word(QuoteClass::FemaleWord, "spokesman"));
    }
}
