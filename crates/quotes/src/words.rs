//! Word classes the cue rules read: cue verbs, pronouns, naming words, determiners, adverbs.
//!
//! The words themselves are language data in the lexicon (`quote_words.tsv`, read through
//! [`storyline_lexicon::is_quote_word`]); each look-up takes a lower-cased word.

use storyline_lexicon::{is_quote_word, QuoteClass};

/// How a pronoun constrains its antecedent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    /// he / him: a person not known to be female.
    Male,
    /// she / her: a person not known to be male.
    Female,
    /// it: an organisation or a place acting as a government.
    Neuter,
    /// they: an organisation, a group, or the previous speaker.
    Plural,
    /// I / we: the article's writer(s), who are no entity of it.
    Writer,
}

/// The subject pronoun `w` (lowercase), if it is one that can say something.
pub(crate) fn pronoun(w: &str) -> Option<Pronoun> {
    [
        (QuoteClass::PronounMale, Pronoun::Male),
        (QuoteClass::PronounFemale, Pronoun::Female),
        (QuoteClass::PronounNeuter, Pronoun::Neuter),
        (QuoteClass::PronounPlural, Pronoun::Plural),
        (QuoteClass::PronounWriter, Pronoun::Writer),
    ]
    .into_iter()
    .find_map(|(class, p)| is_quote_word(class, w).then_some(p))
}

/// Whether `w` (lowercase) is a verb or verb form that attributes speech or writing.
///
/// Deliberately excludes "reported" and "cited": in wire copy they name the outlet relaying a
/// quote ("…, Lavrov said, Reuters reported"), not the speaker.
pub(crate) fn is_cue(w: &str) -> bool {
    is_quote_word(QuoteClass::Cue, w)
}

/// Cue verbs that usually introduce a name rather than speech when right before a quote
/// (`called "Londongrad"`); they only count as cues in `what X called "…"`.
pub(crate) fn is_naming_cue(w: &str) -> bool {
    is_quote_word(QuoteClass::NamingCue, w)
}

/// Words that, right before a short quote, mark it as a name, a title or a term, not speech.
pub(crate) fn is_naming_word(w: &str) -> bool {
    is_quote_word(QuoteClass::NamingWord, w)
}

/// Determiners and possessives that open a noun phrase.
pub(crate) fn is_determiner(w: &str) -> bool {
    is_quote_word(QuoteClass::Determiner, w)
}

/// Auxiliaries and verbs that follow a clause subject (`an "official request" had been sent`).
pub(crate) fn is_subject_verb(w: &str) -> bool {
    is_quote_word(QuoteClass::SubjectVerb, w)
}

/// Words that can sit between a subject and its cue verb ("Wallace has also said").
pub(crate) fn is_skippable_before_cue(w: &str) -> bool {
    is_weekday(w) || is_quote_word(QuoteClass::SkippableBeforeCue, w)
}

/// Days of the week, lower case.
pub(crate) fn is_weekday(w: &str) -> bool {
    is_quote_word(QuoteClass::Weekday, w)
}

/// Words that end an inverted subject ("said Patrushev, according to …", "said Smith on Monday").
pub(crate) fn ends_inverted_subject(w: &str) -> bool {
    is_weekday(w) || is_quote_word(QuoteClass::InvertedSubjectEnd, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_classes_are_disjoint_where_it_matters() {
        assert!(is_cue("said") && is_cue("told") && is_cue("wrote"));
        assert!(
            !is_cue("reported"),
            "outlets relay quotes, they do not say them"
        );
        assert!(is_naming_cue("called") && !is_naming_cue("said"));
        assert_eq!(pronoun("she"), Some(Pronoun::Female));
    }
}
