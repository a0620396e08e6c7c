//! Whom a pronoun subject of an event stands for: the speaker for "I" and "we" inside a
//! quotation, the subject of the verb that reports the clause when it agrees ("NATO said *it*
//! would not send troops": NATO), else the actor carried over from earlier sentences, else
//! the clause's first actor by word order. A pronoun object stands for the nearest coded actor
//! before it that is not the source ("because Ukraine is not a member, NATO cannot provide
//! *it* with support": Ukraine).

use storyline_lexicon::{is_event_word, is_quote_word, EventClass, QuoteClass};

use crate::actors::Actor;
use crate::coder::{EventCoder, Sentence};
use crate::roles::{first_coded, group};
use crate::triggers::Hit;
use crate::words::Word;

impl EventCoder {
    /// The actors that the pronoun subject at word `pronoun` of the trigger `hit` (head word
    /// `anchor` in the parse, if any) stands for; `last` is the actor carried over and
    /// `by_order` the clause's first actors by word order.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn pronoun_sources(
        &self,
        s: &Sentence<'_>,
        hit: Hit,
        pronoun: usize,
        anchor: Option<usize>,
        actors: &[Actor],
        last: &Option<Actor>,
        by_order: Vec<Actor>,
    ) -> Vec<Actor> {
        let Some(word) = s.words.get(pronoun).map(|w| w.lower.as_str()) else {
            return by_order;
        };
        // Only a personal or relative pronoun stands for an actor: "That promises 355
        // horsepower", "Something must give" name no one.
        let relative = pronoun > 0 && is_quote_word(QuoteClass::RelativePronoun, word);
        if !is_event_word(EventClass::SubjectPronoun, word) && !relative {
            return by_order;
        }
        if is_event_word(EventClass::FirstPerson, word) {
            // The first person inside a quotation is its speaker.
            if let Some(speaker) = self.quote_speaker(s, hit) {
                return vec![speaker];
            }
        }
        let reporter: Vec<&Actor> = s
            .tree
            .zip(anchor)
            .and_then(|(tree, a)| tree.reporter_subject(a).map(|r| tree.phrase_of(r)))
            .map(|phrase| {
                actors
                    .iter()
                    .filter(|x| phrase.iter().any(|&w| w >= x.start && w < x.end))
                    .collect()
            })
            .unwrap_or_default();
        let first = first_coded(&reporter).filter(|&k| agrees(word, reporter[k]));
        if first.is_some() {
            return group(s.words, &reporter, first);
        }
        match last {
            Some(a) if agrees(word, a) => vec![a.clone()],
            _ => by_order,
        }
    }
}

/// Whether `word` is a pronoun that stands for one person ("he", "she").
pub(crate) fn personal(word: &str) -> bool {
    is_quote_word(QuoteClass::PronounMale, word) || is_quote_word(QuoteClass::PronounFemale, word)
}

/// Whether pronoun `word` can stand for actor `a`: "it" never for a person, "he" and "she"
/// never for a plural common noun ("prosecutors"; an actor named by a title may be a person
/// not flagged as one, so they take any other actor).
fn agrees(word: &str, a: &Actor) -> bool {
    let neuter = is_quote_word(QuoteClass::PronounNeuter, word);
    !(neuter && a.person || personal(word) && plural_common_noun(a))
}

/// Whether an actor is a plural common noun phrase ("prosecutors", "Syrian rebels").
fn plural_common_noun(a: &Actor) -> bool {
    !a.person
        && a.name.rsplit(' ').next().is_some_and(|w| {
            w.starts_with(|c: char| c.is_lowercase()) && w.ends_with('s') && !w.ends_with("ss")
        })
}

/// The actor that the pronoun object at word `w` stands for: the nearest coded actor before it
/// in the sentence that agrees with it and is none of `sources`.
pub(crate) fn pronoun_target(
    words: &[Word<'_>],
    actors: &[Actor],
    w: usize,
    sources: &[Actor],
) -> Option<Actor> {
    let word = words.get(w)?.lower.as_str();
    if !is_event_word(EventClass::ObjectPronoun, word) {
        return None;
    }
    actors
        .iter()
        .rev()
        .filter(|a| a.end <= w && a.base.is_some() && agrees(word, a))
        // "It" stands for a state or body as a whole, not one of its officials or forces.
        .filter(|a| word != "it" || a.sector.is_none())
        .find(|a| {
            !sources
                .iter()
                .any(|s| s.name == a.name || s.code() == a.code())
        })
        .cloned()
}
