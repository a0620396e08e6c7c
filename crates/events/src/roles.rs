//! Roles: which actors act and which are acted upon, coordination ("Iran, Libya and Cuba"),
//! appositions, reciprocal pairs and the country of domestic actors.

use storyline_lexicon::{is_event_word, EventClass};

use crate::actors::Actor;
use crate::words::Word;

/// Index of the first actor with a code, else of the first actor.
pub(crate) fn first_coded(actors: &[&Actor]) -> Option<usize> {
    if actors.is_empty() {
        return None;
    }
    Some(actors.iter().position(|a| a.base.is_some()).unwrap_or(0))
}

/// The actor at `first` and those coordinated with it ("Jordan and Britain", "Iran, Libya
/// and Cuba").
pub(crate) fn group(words: &[Word<'_>], actors: &[&Actor], first: Option<usize>) -> Vec<Actor> {
    let Some(k) = first else { return Vec::new() };
    let mut out = vec![actors[k].clone()];
    let mut prev = actors[k];
    for a in &actors[k + 1..] {
        // "Sergey Lavrov, Russia's foreign minister, …": an apposition, not a second actor.
        // A person with no country of their own after a comma names the actor before it
        // ("A member of the Syrian parliament, Mohammed Mamoun, …").
        let apposition = words.get(prev.end).is_some_and(|w| w.is(","))
            && a.start == prev.end + 1
            && (a.base == prev.base || (a.person && a.base.is_none()));
        if apposition {
            prev = a;
            continue;
        }
        let between = words.get(prev.end..a.start).unwrap_or(&[]);
        let joined = !between.is_empty()
            && between.len() <= 2
            && between
                .iter()
                .all(|w| w.is(",") || is_event_word(EventClass::Coordinator, &w.lower));
        if !joined {
            break;
        }
        out.push((*a).clone());
        prev = a;
    }
    // "Senior Kenyan and Ugandan officials": a bare demonym shares its partner's head.
    if let Some(sector) = out.last().and_then(|a| a.sector) {
        for a in out.iter_mut() {
            a.sector = a.sector.or(Some(sector));
        }
    }
    out
}

/// Source/target pairs: each source with each target; coordinated sources without a
/// target act on each other; a lone source yields one event with no target.
pub(crate) fn pairs<'a>(
    sources: &'a [Actor],
    targets: &'a [Actor],
    symmetric: bool,
) -> Vec<(Option<&'a Actor>, Option<&'a Actor>)> {
    let mut out = Vec::new();
    if targets.is_empty() && sources.len() >= 2 && symmetric {
        for (i, s) in sources.iter().enumerate() {
            for (j, t) in sources.iter().enumerate() {
                if i != j {
                    out.push((Some(s), Some(t)));
                }
            }
        }
        return out;
    }
    let srcs: Vec<Option<&Actor>> = if sources.is_empty() {
        vec![None]
    } else {
        sources.iter().map(Some).collect()
    };
    let tgts: Vec<Option<&Actor>> = if targets.is_empty() {
        vec![None]
    } else {
        targets.iter().map(Some).collect()
    };
    for s in &srcs {
        for t in &tgts {
            out.push((*s, *t));
        }
    }
    out
}

/// Domestic actors named without a country ("rebels", "the opposition", "President X") take
/// the country of the other party, as event coders read "the government accepted the rebels'
/// demands".
pub(crate) fn domestic(sources: &mut [Actor], targets: &mut [Actor]) {
    // An organisation named after a country ("Malaysia Airlines") lends no nationality.
    let country = |v: &[Actor]| {
        v.iter().filter(|a| !a.lent).find_map(|a| {
            a.base
                .filter(|b| b.len() == 3 && !matches!(*b, "IGO" | "NGO" | "IMG"))
        })
    };
    if let Some(c) = country(sources) {
        for t in targets.iter_mut().filter(|t| t.base.is_none()) {
            t.base = Some(c);
        }
    }
    if let Some(c) = country(targets) {
        for s in sources
            .iter_mut()
            .filter(|s| s.base.is_none() && (s.sector.is_some() || s.person))
        {
            s.base = Some(c);
        }
    }
}
