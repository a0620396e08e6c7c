//! The word classes of the quotes stage, read from `data/quote_words.tsv` (columns: word,
//! class; the classes are documented in the file's header). Each class is a named
//! [`WordList`] (`quote_words.CLASS`), so its hits can be counted and it can be switched off.

use std::sync::LazyLock;

use crate::lists::WordList;
use crate::load::rows;

/// A word class of `data/quote_words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteClass {
    /// "he".
    PronounMale,
    /// "she".
    PronounFemale,
    /// "it": an organisation.
    PronounNeuter,
    /// "they", "we": an organisation, a group or the previous speaker.
    PronounPlural,
    /// Verb forms that attribute speech or writing ("said", "told").
    Cue,
    /// Cues that introduce a name rather than speech right before a quote ("called").
    NamingCue,
    /// Words that mark a short quote after them as a name, title or term ("nicknamed").
    NamingWord,
    /// Determiners and possessives that open a noun phrase.
    Determiner,
    /// Auxiliaries and verbs that follow a clause subject ("had", "would").
    SubjectVerb,
    /// Words between a subject and its cue ("has also said").
    SkippableBeforeCue,
    /// Days of the week.
    Weekday,
    /// Words that end an inverted subject ("said Smith on Monday").
    InvertedSubjectEnd,
    /// Role and group nouns that head a speaker phrase ("spokesman").
    SpeakerRole,
    /// Nouns that refer back to the latest organisation ("company").
    OrgAnaphor,
    /// Titles and role words of women ("mrs", "spokeswoman").
    FemaleWord,
    /// Titles and role words of men ("mr", "spokesman").
    MaleWord,
    /// Given names of women frequent in international news.
    FemaleName,
    /// Given names of men frequent in international news.
    MaleName,
    /// Nationality nouns for a person not formed as demonym + "man" ("Spaniard").
    Epithet,
    /// Nouns that head a time expression, which never speaks ("afternoon", "month").
    TimeNoun,
    /// Words that end a subject phrase read backwards from its cue ("and", "after", "was").
    SubjectStop,
}

impl QuoteClass {
    /// Every class, in the order of [`QuoteClass::name`].
    pub const ALL: [QuoteClass; 21] = [
        QuoteClass::PronounMale,
        QuoteClass::PronounFemale,
        QuoteClass::PronounNeuter,
        QuoteClass::PronounPlural,
        QuoteClass::Cue,
        QuoteClass::NamingCue,
        QuoteClass::NamingWord,
        QuoteClass::Determiner,
        QuoteClass::SubjectVerb,
        QuoteClass::SkippableBeforeCue,
        QuoteClass::Weekday,
        QuoteClass::InvertedSubjectEnd,
        QuoteClass::SpeakerRole,
        QuoteClass::OrgAnaphor,
        QuoteClass::FemaleWord,
        QuoteClass::MaleWord,
        QuoteClass::FemaleName,
        QuoteClass::MaleName,
        QuoteClass::Epithet,
        QuoteClass::TimeNoun,
        QuoteClass::SubjectStop,
    ];

    /// The class as written in the data file's second column.
    pub fn name(self) -> &'static str {
        match self {
            QuoteClass::PronounMale => "pronoun_male",
            QuoteClass::PronounFemale => "pronoun_female",
            QuoteClass::PronounNeuter => "pronoun_neuter",
            QuoteClass::PronounPlural => "pronoun_plural",
            QuoteClass::Cue => "cue",
            QuoteClass::NamingCue => "naming_cue",
            QuoteClass::NamingWord => "naming_word",
            QuoteClass::Determiner => "determiner",
            QuoteClass::SubjectVerb => "subject_verb",
            QuoteClass::SkippableBeforeCue => "skippable_before_cue",
            QuoteClass::Weekday => "weekday",
            QuoteClass::InvertedSubjectEnd => "inverted_subject_end",
            QuoteClass::SpeakerRole => "speaker_role",
            QuoteClass::OrgAnaphor => "org_anaphor",
            QuoteClass::FemaleWord => "female_word",
            QuoteClass::MaleWord => "male_word",
            QuoteClass::FemaleName => "female_name",
            QuoteClass::MaleName => "male_name",
            QuoteClass::Epithet => "epithet",
            QuoteClass::TimeNoun => "time_noun",
            QuoteClass::SubjectStop => "subject_stop",
        }
    }
}

/// One named list per class, in the order of [`QuoteClass::ALL`] (the declaration order, so
/// `class as usize` indexes it).
static LISTS: LazyLock<Vec<WordList>> = LazyLock::new(|| {
    QuoteClass::ALL
        .iter()
        .map(|&class| {
            let name: &'static str = Box::leak(format!("quote_words.{}", class.name()).into());
            let words = rows(include_str!("../data/quote_words.tsv"))
                .filter(move |r| r.get(1) == Some(&class.name()))
                .filter_map(|r| r.first().copied());
            WordList::new(name, words)
        })
        .collect()
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
        for (i, class) in QuoteClass::ALL.into_iter().enumerate() {
            assert_eq!(class as usize, i);
            assert!(!LISTS[i].is_empty(), "{}", class.name());
        }
        let names: Vec<&str> = QuoteClass::ALL.iter().map(|c| c.name()).collect();
        for r in rows(include_str!("../data/quote_words.tsv")) {
            assert!(r.len() == 2 && names.contains(&r[1]), "bad row {r:?}");
        }
        assert!(is_quote_word(QuoteClass::Weekday, "friday"));
        assert!(is_quote_word(QuoteClass::Epithet, "Spaniard"));
        assert!(!is_quote_word(QuoteClass::FemaleWord, "spokesman"));
    }
}
