//! Clause structure of a sentence, read from words and punctuation: where a trailing
//! attribution and a leading adverbial lie, where a target's clause ends, passives and their
//! agents, pronoun subjects and the place of an event.

use storyline_lexicon::Lexicon;
use storyline_lexicon::{is_event_word, EventClass};

use crate::actors::Actor;
use crate::words::Word;

/// Where a trailing attribution (", officials said Thursday", ", according to …") starts,
/// or the sentence length.
pub(crate) fn attribution_start(words: &[Word<'_>]) -> usize {
    let lex = Lexicon::get();
    for (c, w) in words.iter().enumerate().rev() {
        if !w.is(",") {
            continue;
        }
        let tail = &words[c + 1..];
        if tail.len() > 24 {
            break;
        }
        let cue = tail.iter().any(|t| {
            is_event_word(EventClass::Reporting, t.lower.as_str())
                || (!t.cap && lex.is_cue_verb(&t.lower))
        });
        if cue && c > 2 {
            return c;
        }
    }
    words.len()
}

/// Where the main clause starts: after a leading adverbial phrase closed by a comma.
pub(crate) fn clause_start(words: &[Word<'_>], end: usize) -> usize {
    let Some(first) = words.first() else { return 0 };
    if !is_event_word(EventClass::AdverbialOpener, first.lower.as_str()) {
        return 0;
    }
    words
        .iter()
        .take(end.min(20))
        .position(|w| w.is(","))
        .map_or(0, |c| c + 1)
}

/// The end of the clause a target may lie in, after the trigger.
pub(crate) fn target_end(words: &[Word<'_>], from: usize, end: usize) -> usize {
    for i in from..end {
        let w = &words[i];
        if w.is(";") || w.is(":") || w.is("(") {
            return i;
        }
        let next = words.get(i + 1).map(|n| n.lower.as_str());
        if w.is(",") && next.is_some_and(|n| is_event_word(EventClass::ClauseBreak, n)) {
            return i;
        }
        if is_event_word(EventClass::Subordinator, w.lower.as_str()) && i > from {
            return i;
        }
    }
    end
}

/// Whether the trigger is a participle after a form of "be" ("were killed", "has been
/// accused").
pub(crate) fn is_passive(words: &[Word<'_>], start: usize) -> bool {
    let t = &words[start].lower;
    let participle =
        t.ends_with("ed") || t.ends_with("en") || t.ends_with("wn") || t.ends_with('t');
    let mut j = start;
    let mut n = 0;
    while participle && j > 0 && n < 3 {
        j -= 1;
        n += 1;
        match words[j].lower.as_str() {
            w if is_event_word(EventClass::PassiveAux, w) => return true,
            w if w.ends_with("ly") => continue,
            _ => return false,
        }
    }
    false
}

/// The agent of a passive: the actor right after "by".
pub(crate) fn agent_after(words: &[Word<'_>], after: &[&Actor]) -> Vec<Actor> {
    after
        .iter()
        .find(|a| {
            a.start > 0
                && (words[a.start - 1].lower == "by"
                    || (a.start > 1
                        && words[a.start - 2].lower == "by"
                        && is_event_word(EventClass::Article, &words[a.start - 1].lower)))
        })
        .map(|a| vec![(*a).clone()])
        .unwrap_or_default()
}

/// The clause's subject pronoun before the trigger ("it", "they"), as a word index.
pub(crate) fn subject_pronoun(words: &[Word<'_>], from: usize, to: usize) -> Option<usize> {
    (from..to.min(words.len()))
        .find(|&i| is_event_word(EventClass::SubjectPronoun, words[i].lower.as_str()))
}

/// The place after the trigger: a known city, region or country after "in", "near" or "at".
pub(crate) fn place_after(words: &[Word<'_>], from: usize, end: usize) -> Option<String> {
    let lex = Lexicon::get();
    (from..end.saturating_sub(1)).find_map(|i| {
        if !is_event_word(EventClass::PlacePreposition, &words[i].lower) {
            return None;
        }
        let mut j = i + 1;
        if words.get(j).is_some_and(|w| w.lower == "the") {
            j += 1;
        }
        let w = words.get(j).filter(|w| w.cap && !w.punct)?;
        if let Some(next) = words.get(j + 1).filter(|n| n.cap && !n.punct) {
            let two = format!("{} {}", w.text, next.base);
            if let Some(p) = lex.place(&two) {
                return Some(p.canonical.to_string());
            }
        }
        lex.place(w.base).map(|p| p.canonical.to_string())
    })
}
