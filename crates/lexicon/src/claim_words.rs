//! The word classes of the claims stage, read from `data/claim_words.tsv` (columns: word,
//! class; each class is documented where it opens in the file). Each class is a named
//! [`WordList`](crate::lists::WordList) (`claim_words.CLASS`), so its hits can be counted and it can be switched off.

use std::sync::LazyLock;

word_classes! {
    /// A word class of `data/claim_words.tsv`.
    pub enum ClaimClass in "claim_words" {
        /// Function words, auxiliaries and common verbs that end a counted noun phrase.
        FunctionWord = "function_word",
        /// Determiners and possessives: "the two leaders" refers, it counts nothing.
        Determiner = "determiner",
        /// Determiners skipped before the noun of "a charge of $1.2 billion".
        MeasureDeterminer = "measure_determiner",
        /// Prepositions that open a phrase whose names are no claimant.
        Preposition = "preposition",
        /// Prepositions that introduce the place of a claim ("in Kharkiv").
        LocationPreposition = "location_preposition",
        /// Prepositions between a measured noun and its modifier ("inflation in the UK").
        HeadPreposition = "head_preposition",
        /// Words that end the clause a subject or place is searched in.
        ClauseBreak = "clause_break",
        /// Capitalised sentence openers that are not names.
        Opener = "opener",
        /// Words that never name a claimant on their own ("said together").
        Filler = "filler",
        /// Adjectives between a number and its noun that keep the count ("12 confirmed deaths").
        CountAdjective = "count_adjective",
        /// Verbs in -s that look like plural nouns after a number.
        SVerb = "s_verb",
        /// Plural nouns not formed with -s ("people", "children").
        IrregularPlural = "irregular_plural",
        /// Nouns of concrete, countable things and people: small numbers only count these.
        ConcreteNoun = "concrete_noun",
        /// Nouns for people, whose small counts as a subject identify rather than count.
        PersonNoun = "person_noun",
        /// Words after a number that are no counted noun ("ten times", "percent").
        NonCount = "non_count",
        /// Units of measure after a number ("300 tonnes of grain").
        MeasureUnit = "measure_unit",
        /// Collective nouns measured by a number ("a crowd of 5,000").
        CollectiveNoun = "collective_noun",
        /// Nouns of places, never a claimant.
        PlaceNoun = "place_noun",
        /// Nouns that refer back to the latest company ("the carmaker said").
        CompanyNoun = "company_noun",
        /// Nouns of public bodies that can claim a figure ("the ministry said").
        PublicBodyNoun = "public_body_noun",
        /// Words after a number that make it the object of a verb phrase.
        VerbCue = "verb_cue",
        /// Verbs whose object is an amount of money ("invested $2bn").
        MoneyVerb = "money_verb",
        /// Verbs of change that measure a noun ("inflation rose to 3%").
        ChangeVerb = "change_verb",
        /// Participles and adjectives of casualties ("15 were killed").
        CasualtyVerb = "casualty_verb",
        /// Auxiliaries between a casualty count and its participle ("were", "reportedly").
        CasualtyAuxiliary = "casualty_auxiliary",
        /// Attribution verbs of a claimant: wider than the quotes cues, as figures and
        /// studies claim too ("figures show").
        ClaimCue = "claim_cue",
        /// Words after "for" that make an idiom, not an amount's purpose ("for the first time").
        PurposeIdiom = "purpose_idiom",
        /// Clock words: a number beside one is a time of day.
        Clock = "clock",
        /// Units of time: a number before one is a duration.
        TimeUnit = "time_unit",
        /// Labels before an identifier ("article 5", "flight 17"): the number is no quantity.
        Label = "label",
        /// Words before a four-digit year ("in 2014").
        YearCue = "year_cue",
        /// Units of measure glued after digits ("2,000km").
        GluedUnit = "glued_unit",
        /// Indefinite articles that make a count of a scale word ("a hundred", "an estimated").
        IndefiniteArticle = "indefinite_article",
        /// Quantifiers that hedge the scale after them ("several thousand", "a few hundred").
        HedgedQuantifier = "hedged_quantifier",
        /// Words for per cent after a number ("5 percent", "5pc").
        PercentWord = "percent_word",
        /// Words of death and harm beside a small count of people that make it a casualty figure ("two died").
        HarmWord = "harm_word",
        /// Words inside a place phrase that join its parts ("the border of Ukraine", "near the capital").
        PlaceJoiner = "place_joiner",
        /// Comparative words that a percentage measures ("20% less likely").
        Comparative = "comparative",
        /// Words that join the nouns of one measured phrase ("oil and gas", "cost of living").
        NounJoiner = "noun_joiner",
        /// Words before a number that lead the quantity, not name what it counts ("out of 10", "some 5,000").
        QuantityLead = "quantity_lead",
        /// Copulas and "of" between a measured noun and its figure ("inflation was 3%", "a rate of 5%").
        MeasureLink = "measure_link",
        /// Particles of a verb of change ("went up", "is down").
        ChangeParticle = "change_particle",
        /// Coordinating conjunctions: another clause begins ("and", "but").
        Coordinator = "coordinator",
        /// Possessives that stand for an organisation named before ("its filing", "their report").
        PluralPossessive = "plural_possessive",
        /// Auxiliaries and adverbs between a claimant and its cue ("has said", "also said").
        CueAuxiliary = "cue_auxiliary",
        /// Prepositions by which a place qualifies the speakers before it ("officials in Ohio",
        /// "ambassador to Britain").
        QualifyingPreposition = "qualifying_preposition",
        /// Prepositions after a measured figure that name what it measures ("40% of voters", "$2m in damages").
        PartitivePreposition = "partitive_preposition",
        /// Nouns between an amount and what it buys ("$125 billion worth of goods").
        ValueNoun = "value_noun",
        /// Prepositions after an amount of money that name its purpose ("$2bn for roads").
        PurposePreposition = "purpose_preposition",
        /// Words between a number and a unit that make it an area or volume ("square kilometres").
        AreaModifier = "area_modifier",
        /// Words after "degrees" that name the Celsius scale.
        Celsius = "celsius",
        /// Words after "degrees" that name the Fahrenheit scale.
        Fahrenheit = "fahrenheit",
        /// Words of relative position that end a noun phrase before a figure ("above", "ahead").
        RelativePosition = "relative_position",
        /// Nouns of people aboard, whose count may continue "on board".
        TravellerNoun = "traveller_noun",
        /// Words between a thing and the amount it is worth: the noun right before is what
        /// the amount measures ("a deal worth $2bn", "a company valued at $1bn").
        ValueLink = "value_link",
        /// Lemmas of verbs whose object or oblique amount measures the change of their
        /// subject ("the yen strengthened 0.13%", "the Nikkei declined 0.3%"): read on the parse.
        ChangeLemma = "change_lemma",
        /// Nouns (singular) that can state a figure as the subject of a cue ("analysts
        /// estimated", "a study found"): people by what they do, and documents and sources.
        ClaimantNoun = "claimant_noun",
    }

    /// Whether the lower-case `word` is in `class`.
    ///
    /// ```
    /// use storyline_lexicon::{is_claim_word, ClaimClass};
    /// assert!(is_claim_word(ClaimClass::ChangeVerb, "rose"));
    /// assert!(is_claim_word(ClaimClass::MeasureUnit, "tonnes"));
    /// assert!(!is_claim_word(ClaimClass::ConcreteNoun, "reasons"));
    /// ```
    pub fn is_claim_word;
}

/// The list's own copy of the lower-case `word` if it is in `class`, for a caller that keeps
/// it ("km" from "2,000km").
pub fn claim_word(class: ClaimClass, word: &str) -> Option<&'static str> {
    LISTS.get(class as usize).and_then(|l| l.get(word))
}

/// Hedges written right before a number (`data/claim_hedges.txt`), as lower-case word
/// sequences, longest first ("as many as" before "as").
///
/// ```
/// let hedges = storyline_lexicon::claim_hedges();
/// assert!(hedges.iter().any(|h| h.join(" ") == "at least"));
/// assert!(hedges.windows(2).all(|w| w[0].len() >= w[1].len()));
/// ```
pub fn claim_hedges() -> &'static [Vec<&'static str>] {
    static HEDGES: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
        let mut hedges: Vec<Vec<&'static str>> =
            crate::load::words(include_str!("../data/claim_hedges.txt"))
                .map(|p| p.split(' ').collect())
                .collect();
        hedges.sort_by_key(|h| std::cmp::Reverse(h.len()));
        hedges
    });
    &HEDGES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_hold_their_words() {
        assert!(is_claim_word(ClaimClass::Label, "flight"));
        assert!(!is_claim_word(ClaimClass::Label, "people"));
        assert_eq!(claim_word(ClaimClass::GluedUnit, "km"), Some("km"));
    }
}
