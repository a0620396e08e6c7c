//! Coding a parsed sentence: the trigger is the clause's main predicate (or a nominal event
//! with a possessor), never a noun inside a prepositional phrase; its source is the subject
//! (the agent of a passive, the possessor of a nominal event) and its target the object or
//! oblique, each read from the dependency tree and matched to the actor phrases.

use storyline_lexicon::{is_event_word, EventClass};

use crate::actors::Actor;
use crate::coder::{denial, EventCoder};
use crate::roles::{first_coded, group};
use crate::tree::{Place, Tree};
use crate::triggers::{Action, Hit};
use crate::words::Word;

impl EventCoder {
    /// The trigger of a parsed sentence, whether it is denied, and its head word.
    ///
    /// Triggers buried in a phrase ("under attack", "concerned over the build-up") are never
    /// the event. Of the others, the main clause's come first (strong before weak, in word
    /// order, as in sentences without a parse), then nominal events with a possessor, then
    /// those of subordinate clauses.
    pub(crate) fn parsed_trigger(
        &self,
        words: &[Word<'_>],
        actors: &[Actor],
        tree: &Tree<'_>,
        clause: std::ops::Range<usize>,
    ) -> Option<(Hit, bool, usize)> {
        let hits = self.hits(words, actors, 0, words.len());
        let (k, _) = hits
            .iter()
            .enumerate()
            .filter_map(|(k, h)| {
                let top = tree.top(h.start..h.end);
                let (place, _) = tree.place(top, words);
                let outside = !clause.contains(&h.start);
                // Deploying or mobilising anything but forces ("deployed new software") is
                // no MOBILIZE.
                // A pattern that names its object ("train ~ hackers") has said what moves.
                let unarmed = h.pattern.action == Action::Mobilize
                    && h.end == h.start + 1
                    && tree.object_lacks(top, EventClass::ForceNoun);
                // "declined to comment", "refused to say when": withholding words is a
                // statement, not a rejection.
                let silent = h.pattern.action == Action::Reject
                    && tree.complement_in(top, EventClass::WithheldSpeech);
                let keep = match place {
                    _ if unarmed || silent => false,
                    Place::Buried => false,
                    Place::Subordinate => tree.reports_act(top, words),
                    _ => true,
                };
                keep.then_some((k, (place, outside, h.pattern.weak, h.start)))
            })
            .min_by_key(|&(_, key)| key)?;
        let (hit, denied) = denial(words, &hits, k);
        Some((hit, denied, tree.top(hit.start..hit.end)))
    }
}

/// Deploying, giving and withdrawing actions: their object is the actor's own forces or
/// goods ("deployed troops", "withdrew its soldiers"), so a target needs a country or a name.
pub(crate) fn is_transfer(action: Action) -> bool {
    matches!(
        action,
        Action::Mobilize | Action::Aid | Action::Agree | Action::Cooperate | Action::Retreat
    )
}

/// Whether actor `a` has a word among `set`.
fn overlaps(a: &Actor, set: &[usize]) -> bool {
    set.iter().any(|&w| w >= a.start && w < a.end)
}

/// What the parse says about a trigger's actors.
pub(crate) struct Parsed {
    /// The acting side.
    pub(crate) sources: Vec<Actor>,
    /// The side acted upon.
    pub(crate) targets: Vec<Actor>,
    /// The first phrase acted upon when it is a pronoun ("provided *it* with support"), as a
    /// word index: the target is whom it stands for, not an actor found by word order.
    pub(crate) pronoun_object: Option<usize>,
    /// A passive clause (or "under attack"): without an agent, no one is named acting.
    pub(crate) passive: bool,
    /// The subject when it is a personal pronoun (a word index).
    pub(crate) pronoun: Option<usize>,
    /// The words of the acting phrase, actor or not.
    pub(crate) subject: Vec<usize>,
    /// Whether the subject is an indefinite pronoun ("anyone", "nobody") or the trigger a
    /// noun said to exist ("there was an attack"): no one named acts, and no actor elsewhere
    /// in the sentence stands in.
    pub(crate) indefinite: bool,
}

/// Sources and targets of the trigger `hit` headed by word `a`, from the parse.
pub(crate) fn parsed_roles(
    tree: &Tree<'_>,
    a: usize,
    hit: Hit,
    words: &[Word<'_>],
    actors: &[Actor],
    obliged: bool,
) -> Parsed {
    let mut r = tree.roles(a, hit.start..hit.end, words);
    // "The UK is committed to …", "Kenya is prepared to …": a state of the subject, not an
    // act done to it.
    let stative = r.passive && hit.pattern.intent && r.subject.is_empty();
    if stative {
        if let Some((_, t)) = r.targets.first().cloned() {
            r.subject = t;
            r.targets.remove(0);
        }
    }
    let transfer = is_transfer(hit.pattern.action);
    let inside = |x: &Actor| x.start >= hit.start && x.end <= hit.end;
    let subject: Vec<&Actor> = actors
        .iter()
        .filter(|x| overlaps(x, &r.subject) && !inside(x))
        .collect();
    let mut sources = group(words, &subject, first_coded(&subject));
    let mut targets = Vec::new();
    let source_codes: Vec<Option<String>> = sources.iter().map(Actor::code).collect();
    // Coordinated sources act on each other: a place of their own ("signed an accord in
    // Santiago") is not a target.
    let num_slots = if sources.len() >= 2 {
        r.targets.len() - r.num_scene
    } else {
        r.targets.len()
    };
    for (head, t) in &r.targets[..num_slots] {
        let found: Vec<&Actor> = actors
            .iter()
            .filter(|x| overlaps(x, t))
            .filter(|x| x.base.is_some() || x.sector.is_some() || x.person)
            .filter(|x| !sources.iter().any(|s| s.start == x.start))
            // The actor's own forces and means are not what it acts upon.
            .filter(|x| !source_codes.contains(&x.code()) || x.code().is_none())
            .filter(|x| x.base.is_some() || x.person || !tree.own_means(*head, x.start, x.end))
            .filter(|x| x.base.is_some() || x.person || !transfer)
            .filter(|x| {
                let scene = x.start > 0
                    && is_event_word(EventClass::ScenePreposition, &words[x.start - 1].lower);
                sources.len() < 2 || !scene
            })
            .collect();
        if !found.is_empty() {
            targets = group(words, &found, Some(0));
            break;
        }
    }
    if obliged && !r.passive {
        // "X said Y must do Z": Y is asked, X asks.
        if let Some(s) = tree.reporter_subject(a) {
            let phrase = tree.phrase_of(s);
            let asker: Vec<&Actor> = actors.iter().filter(|x| overlaps(x, &phrase)).collect();
            if !asker.is_empty() {
                targets = std::mem::take(&mut sources);
                sources = group(words, &asker, first_coded(&asker));
            }
        }
    }
    targets.retain(|t| !sources.iter().any(|s| s.name == t.name));
    Parsed {
        sources,
        targets,
        pronoun_object: r
            .targets
            .first()
            .map(|&(h, _)| h)
            .filter(|&h| tree.is_pronoun(h)),
        passive: r.passive && !stative,
        indefinite: r.existential
            || r.subject
                .iter()
                .any(|&w| is_event_word(EventClass::IndefinitePronoun, &words[w].lower)),
        pronoun: r.pronoun,
        subject: r.subject,
    }
}
