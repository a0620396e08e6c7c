//! Modality: negation, intent (future, willingness, plans) and conditions around a trigger,
//! and how PLOVER codes an announced action ("will support" → AGREE, "plans to impose
//! restrictions" → THREATEN, "will not accept" → REJECT).

use crate::triggers::Action;
use crate::words::Word;
use storyline_lexicon::{is_event_word, EventClass};

/// What the words around a trigger say about its reality.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Modality {
    /// "not", "never", "no longer", "n't", or a denial.
    pub(crate) negated: bool,
    /// "will", "would", "plans to", "ready to", "may"…: announced, not done.
    pub(crate) intent: bool,
    /// An "if", "unless" or inverted "should" clause in the sentence.
    pub(crate) conditional: bool,
    /// "must" before the trigger: someone demands the act of its subject.
    pub(crate) obliged: bool,
    /// Reported without being asserted: hedged ("allegedly", "reportedly") or asked (a
    /// question, a question headline).
    pub(crate) unasserted: bool,
}

/// Reads the verb group before the trigger at word `start` and the sentence's conditions.
///
/// A noun trigger ("will extend the night-time curfew") is read through the verb that
/// governs it: up to three lower-case words are skipped when the trigger has no verb group.
pub(crate) fn modality(words: &[Word<'_>], start: usize) -> Modality {
    let mut m = verb_group(words, start);
    if !(m.negated || m.intent || m.obliged) {
        let mut j = start;
        for _ in 0..3 {
            match j.checked_sub(1).and_then(|k| words.get(k)) {
                Some(w)
                    if !w.punct
                        && !w.cap
                        && !is_event_word(EventClass::VerbGroup, w.lower.as_str()) =>
                {
                    j -= 1
                }
                _ => break,
            }
            if j < start {
                let g = verb_group(words, j);
                if g.negated || g.intent || g.obliged {
                    m = g;
                    break;
                }
            }
        }
    }
    m.unasserted |= hedged_noun(words, start);
    m.conditional = is_conditional(words);
    m.unasserted |= words.last().is_some_and(|w| w.is("?"));
    m
}

/// Whether a hedging adjective stands before the trigger at `start`, past quotation marks
/// and capitalised modifiers ("a possible Russian 'invasion'").
fn hedged_noun(words: &[Word<'_>], start: usize) -> bool {
    let mut j = start;
    for _ in 0..3 {
        let Some(w) = j.checked_sub(1).and_then(|k| words.get(k)) else {
            return false;
        };
        if is_event_word(EventClass::HedgingAdjective, w.lower.as_str()) {
            return true;
        }
        let skippable = w.is("'") || w.is("‘") || w.is("\"") || w.is("“") || (w.cap && !w.punct);
        if !skippable {
            return false;
        }
        j -= 1;
    }
    false
}

fn verb_group(words: &[Word<'_>], start: usize) -> Modality {
    let mut m = Modality::default();
    let mut j = start;
    let mut seen = 0;
    while j > 0 && seen < 8 {
        j -= 1;
        let w = &words[j];
        let lw = w.lower.as_str();
        let adverb = lw.len() > 4 && lw.ends_with("ly") && !w.cap;
        if w.punct || !(is_event_word(EventClass::VerbGroup, lw) || adverb || lw.ends_with("'ll")) {
            break;
        }
        seen += 1;
        if is_event_word(EventClass::Negator, lw) || lw.ends_with("n't") {
            m.negated = true;
        }
        if lw == "no" && j + 1 == start {
            m.negated = true;
        }
        if is_event_word(EventClass::Intent, lw) || lw.ends_with("'ll") {
            m.intent = true;
        }
        if lw == "must" {
            m.obliged = true;
        }
        if is_event_word(EventClass::ReportingAdverb, lw) {
            m.unasserted = true;
        }
    }
    // "is to visit": a bare be + to announces a plan.
    if start >= 2 && words[start - 1].lower == "to" && is_be(&words[start - 2].lower) {
        m.intent = true;
    }
    m
}

fn is_be(w: &str) -> bool {
    is_event_word(EventClass::PlanBe, w)
}

/// Whether the sentence states a condition: "if", "unless", "in case", or an inverted
/// "should Russia invade".
fn is_conditional(words: &[Word<'_>]) -> bool {
    words
        .iter()
        .enumerate()
        .any(|(i, w)| match w.lower.as_str() {
            w if is_event_word(EventClass::ConditionMark, w)
                || is_event_word(EventClass::ConditionWord, w) =>
            {
                true
            }
            // Modal "should" is followed by a verb; inverted "should" by a noun phrase.
            "should" => {
                i > 0
                    && words.get(i + 1).is_some_and(|n| {
                        (n.cap && !n.punct)
                            || is_event_word(EventClass::InvertedCondition, &n.lower)
                    })
            }
            "case" => i > 0 && words[i - 1].lower == "in",
            _ => false,
        })
}

/// The PLOVER type of an action under its modality, and whether it is hypothetical.
///
/// PLOVER codes intentions by what is announced: a promised cooperative act is AGREE, an
/// announced hostile act is THREATEN, a refused cooperative act is REJECT; a withdrawal
/// announced under a condition is a threat too. Other actions keep their type.
pub(crate) fn fold(action: Action, m: Modality) -> (Action, bool) {
    // A threat's "if" clause is its content, not a doubt that the threat was made.
    let hypothetical = m.intent || m.unasserted || (m.conditional && action != Action::Threaten);
    let folded = match (m.intent, m.negated) {
        _ if m.obliged => Action::Request,
        (true, false) if action == Action::Retreat && m.conditional => Action::Threaten,
        (_, true) if action.is_cooperative() => Action::Reject,
        (true, true) if action.is_promisable() => Action::Reject,
        (true, false) if action.is_promisable() => Action::Agree,
        (true, false) if action.is_hostile() => Action::Threaten,
        _ => action,
    };
    (folded, hypothetical)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::words_of;

    fn at(text: &str, trigger: &str) -> Modality {
        let w = words_of(text, 0, text.len());
        let i = w.iter().position(|w| w.text == trigger).unwrap_or(0);
        modality(&w, i)
    }

    #[test]
    fn reads_negation_intent_and_conditions() {
        let m = at(
            "The league would not send referees should the club appeal.",
            "send",
        );
        assert!(m.negated && m.intent && m.conditional);
        let m = at("The firm has sent engineers to the plant.", "sent");
        assert_eq!(m, Modality::default());
        let m = at("The council is ready to lift the ban.", "lift");
        assert!(m.intent && !m.negated);
        let m = at("The union won't strike if talks resume.", "strike");
        assert!(m.negated && m.intent && m.conditional);
        let m = at("The minister is to visit Ghana.", "visit");
        assert!(m.intent);
        let m = at(
            "The mayor said he will extend the night-time curfew.",
            "curfew",
        );
        assert!(m.intent);
        let m = at("The league said clubs must cut wages.", "cut");
        assert!(m.obliged);
    }

    #[test]
    fn folds_announced_actions() {
        let intent = Modality {
            intent: true,
            ..Modality::default()
        };
        assert_eq!(fold(Action::Aid, intent), (Action::Agree, true));
        assert_eq!(fold(Action::Coerce, intent), (Action::Threaten, true));
        let refused = Modality {
            negated: true,
            ..intent
        };
        assert_eq!(fold(Action::Consult, refused), (Action::Reject, true));
        assert_eq!(fold(Action::Mobilize, refused), (Action::Mobilize, true));
        assert_eq!(
            fold(Action::Assault, Modality::default()),
            (Action::Assault, false)
        );
        assert_eq!(fold(Action::Retreat, intent), (Action::Agree, true));
        let obliged = Modality {
            obliged: true,
            ..Modality::default()
        };
        assert_eq!(fold(Action::Cooperate, obliged), (Action::Request, false));
    }
}
