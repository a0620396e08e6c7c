//! The word classes of the quotes stage, read from `data/quote_words.tsv` (columns: word,
//! class; the classes are documented in the file's header). Each class is a named
//! [`WordList`](crate::lists::WordList) (`quote_words.CLASS`), so its hits can be counted and it can be switched off.

word_classes! {
    /// A word class of `data/quote_words.tsv`.
    pub enum QuoteClass in "quote_words" {
        /// "he".
        PronounMale = "pronoun_male",
        /// "she".
        PronounFemale = "pronoun_female",
        /// "it": an organisation.
        PronounNeuter = "pronoun_neuter",
        /// "they": an organisation, a group or the previous speaker.
        PronounPlural = "pronoun_plural",
        /// "I", "we": outside a quotation, the article's writer(s).
        PronounWriter = "pronoun_writer",
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
        /// Small words that stay lower case inside a title ("Tales *of the* City").
        TitleFiller = "title_filler",
        /// Relative pronouns that can be the subject of a cue ("who", "which", "that").
        RelativePronoun = "relative_pronoun",
        /// Prepositions of a phrase of time, place or circumstance ("after", "during").
        CircumstancePreposition = "circumstance_preposition",
    }

    /// Whether `word` (lower case; epithets as written) is in `class`.
    ///
    /// ```
    /// use storyline_lexicon::{is_quote_word, QuoteClass};
    /// assert!(is_quote_word(QuoteClass::Cue, "said"));
    /// assert!(!is_quote_word(QuoteClass::Cue, "reported"));
    /// assert!(is_quote_word(QuoteClass::OrgAnaphor, "ministry"));
    /// ```
    pub fn is_quote_word;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_hold_their_words() {
        assert!(is_quote_word(QuoteClass::Weekday, "friday"));
        assert!(is_quote_word(QuoteClass::Epithet, "Spaniard"));
        assert!(!is_quote_word(QuoteClass::FemaleWord, "spokesman"));
    }
}
