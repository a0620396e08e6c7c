//! Word classes the cue rules read: cue verbs, pronouns, naming words, determiners, adverbs.
//!
//! Lists are closed-class or near closed-class English, so they hold across topics; each lookup is
//! a `match` on a lowercased word, compiled to a jump table, so no lexicon is built at run time.

/// How a pronoun constrains its antecedent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    /// he / him: a person not known to be female.
    Male,
    /// she / her: a person not known to be male.
    Female,
    /// it: an organisation or a place acting as a government.
    Neuter,
    /// they / we: an organisation, a group, or the previous speaker.
    Plural,
}

/// The subject pronoun `w` (lowercase), if it is one that can say something.
pub(crate) fn pronoun(w: &str) -> Option<Pronoun> {
    match w {
        "he" => Some(Pronoun::Male),
        "she" => Some(Pronoun::Female),
        "it" => Some(Pronoun::Neuter),
        "they" | "we" => Some(Pronoun::Plural),
        _ => None,
    }
}

/// Whether `w` (lowercase) is a verb or verb form that attributes speech or writing.
///
/// Deliberately excludes "reported" and "cited": in wire copy they name the outlet relaying a
/// quote ("…, Lavrov said, Reuters reported"), not the speaker.
pub(crate) fn is_cue(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "saying"
            | "told"
            | "tells"
            | "telling"
            | "added"
            | "adds"
            | "adding"
            | "warned"
            | "warns"
            | "warning"
            | "wrote"
            | "writes"
            | "writing"
            | "stated"
            | "states"
            | "stating"
            | "stressed"
            | "stresses"
            | "insisted"
            | "insists"
            | "insisting"
            | "noted"
            | "notes"
            | "noting"
            | "explained"
            | "explains"
            | "declared"
            | "declares"
            | "acknowledged"
            | "acknowledges"
            | "announced"
            | "announces"
            | "claimed"
            | "claims"
            | "argued"
            | "argues"
            | "asserted"
            | "asserts"
            | "admitted"
            | "admits"
            | "replied"
            | "replies"
            | "responded"
            | "asked"
            | "asks"
            | "urged"
            | "urges"
            | "suggested"
            | "suggests"
            | "recalled"
            | "recalls"
            | "remarked"
            | "commented"
            | "tweeted"
            | "tweets"
            | "posted"
            | "confirmed"
            | "confirms"
            | "denied"
            | "denies"
            | "conceded"
            | "concedes"
            | "maintained"
            | "maintains"
            | "predicted"
            | "predicts"
            | "promised"
            | "promises"
            | "vowed"
            | "vows"
            | "pledged"
            | "pledges"
            | "reiterated"
            | "reiterates"
            | "emphasised"
            | "emphasized"
            | "emphasises"
            | "emphasizes"
            | "described"
            | "describes"
            | "quipped"
            | "joked"
            | "exclaimed"
            | "shouted"
            | "boasted"
            | "complained"
            | "lamented"
            | "observed"
            | "cautioned"
            | "countered"
            | "clarified"
            | "continued"
            | "agreed"
            | "accused"
            | "accuses"
            | "believes"
            | "thinks"
            | "insist"
            | "hoped"
            | "feared"
            | "mused"
            | "wondered"
            | "testified"
            | "alleged"
            | "alleges"
            | "disclosed"
            | "revealed"
            | "reckoned"
            | "estimated"
            | "called"
            | "dubbed"
            | "branded"
            | "labelled"
            | "labeled"
            | "termed"
            | "blasted"
            | "slammed"
            | "praised"
            | "criticised"
            | "criticized"
    )
}

/// Cue verbs that usually introduce a name rather than speech when right before a quote
/// (`called "Londongrad"`); they only count as cues in `what X called "…"`.
pub(crate) fn is_naming_cue(w: &str) -> bool {
    matches!(
        w,
        "called" | "dubbed" | "branded" | "labelled" | "labeled" | "termed"
    )
}

/// Words that, right before a short quote, mark it as a name, a title or a term, not speech.
pub(crate) fn is_naming_word(w: &str) -> bool {
    matches!(
        w,
        "nicknamed"
            | "nickname"
            | "dubbed"
            | "called"
            | "call"
            | "calls"
            | "calling"
            | "so-called"
            | "titled"
            | "entitled"
            | "named"
            | "known"
            | "program"
            | "programme"
            | "show"
            | "book"
            | "film"
            | "movie"
            | "song"
            | "album"
            | "series"
            | "newspaper"
            | "magazine"
            | "operation"
            | "campaign"
            | "slogan"
            | "term"
            | "word"
            | "words"
            | "phrase"
            | "hashtag"
            | "motto"
            | "codenamed"
            | "code-named"
            | "brand"
            | "label"
            | "column"
            | "podcast"
            | "play"
            | "novel"
            | "exhibition"
            | "festival"
            | "initiative"
            | "project"
            | "plan"
            | "policy"
            | "doctrine"
            | "tagline"
            | "headline"
            | "banner"
            | "sign"
            | "signs"
    )
}

/// Determiners and possessives that open a noun phrase.
pub(crate) fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "my"
            | "your"
            | "another"
            | "one"
    )
}

/// Auxiliaries and verbs that follow a clause subject (`an "official request" had been sent`).
pub(crate) fn is_subject_verb(w: &str) -> bool {
    matches!(
        w,
        "had"
            | "has"
            | "have"
            | "was"
            | "were"
            | "is"
            | "are"
            | "would"
            | "will"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "did"
            | "does"
            | "do"
            | "being"
            | "been"
    )
}

/// Words that can sit between a subject and its cue verb ("Wallace has also said").
pub(crate) fn is_skippable_before_cue(w: &str) -> bool {
    is_weekday(w)
        || matches!(
            w,
            "has"
                | "have"
                | "had"
                | "also"
                | "previously"
                | "later"
                | "then"
                | "again"
                | "repeatedly"
                | "reportedly"
                | "publicly"
                | "recently"
                | "earlier"
                | "once"
                | "further"
                | "would"
                | "will"
                | "could"
                | "may"
                | "might"
                | "is"
                | "was"
                | "were"
                | "are"
                | "often"
                | "already"
                | "just"
                | "simply"
                | "bluntly"
                | "flatly"
                | "firmly"
                | "quickly"
                | "separately"
                | "privately"
                | "openly"
                | "calmly"
                | "angrily"
                | "frankly"
                | "subsequently"
                | "herself"
                | "himself"
                | "themselves"
                | "itself"
                | "not"
                | "never"
                | "always"
                | "today"
                | "yesterday"
                | "tonight"
                | "on"
                | "last"
                | "this"
                | "week"
                | "month"
                | "year"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
        )
}

/// Days of the week, lower case.
pub(crate) fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Words that end an inverted subject ("said Patrushev, according to …", "said Smith on Monday").
pub(crate) fn ends_inverted_subject(w: &str) -> bool {
    is_weekday(w)
        || matches!(
            w,
            "on" | "in"
                | "at"
                | "during"
                | "after"
                | "before"
                | "while"
                | "when"
                | "according"
                | "to"
                | "as"
                | "from"
                | "with"
                | "who"
                | "which"
                | "that"
                | "and"
                | "but"
                | "adding"
                | "saying"
                | "noting"
                | "citing"
                | "referring"
                | "speaking"
                | "late"
                | "earlier"
                | "later"
                | "today"
                | "yesterday"
                | "last"
                | "this"
                | "told"
        )
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
