//! How prominent each mention makes its entity when a pronoun comes (Lappin and Leass 1994,
//! "An algorithm for pronominal anaphora resolution"): every mention in the pronoun's sentence
//! and the few before it adds a weight for its grammatical role, halved for each sentence
//! back, so a subject outweighs a name in a prepositional phrase after it ("L'Enfant served
//! under the Marquis de Lafayette. He was promoted …": L'Enfant).

use storyline_record::{Span, Token};

/// Sentences before the pronoun's own that still lend salience.
pub(super) const WINDOW: u32 = 3;

/// Mentions read back from a pronoun at most, however long its sentences: the work per
/// pronoun stays bounded on name-dense text.
const MAX_ITEMS: usize = 80;

/// The sentence and role weight of one mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Weight {
    /// Sentence index in the token layer.
    pub sentence: u32,
    /// Lappin and Leass's factors for the mention's role.
    pub weight: u32,
}

/// The weight of each mention (in the order given), read off the parse of the token layer;
/// `None` for a mention no token covers.
pub(super) fn weights(tokens: &[Token], mentions: &[(Span, usize)]) -> Vec<Option<Weight>> {
    mentions
        .iter()
        .map(|(m, _)| {
            let first = tokens.partition_point(|t| t.span.end() <= m.start());
            let inside = &tokens
                [first..first + tokens[first..].partition_point(|t| t.span.start() < m.end())];
            let lo = first as u32;
            let hi = (first + inside.len()) as u32;
            // The mention's head: its first token whose head lies outside it.
            let head = inside
                .iter()
                .find(|t| t.head.is_none_or(|h| h < lo || h >= hi))?;
            Some(weight_of(phrase_head(tokens, head)))
        })
        .collect()
}

/// A mention that lends salience: its span, its entity and its weight.
pub(super) type Item = (Span, usize, Weight);

/// The entity that `items` (mentions before a pronoun in sentence `now`, in text order) make
/// most prominent among those `ok` accepts (given a mention and its entity), with its latest
/// mention; ties go to the entity mentioned last. `None` when no accepted mention lies in the
/// window (or among the last [`MAX_ITEMS`]).
pub(super) fn most(
    items: &[Item],
    now: u32,
    ok: impl Fn(Span, usize) -> bool,
) -> Option<(Span, usize)> {
    // (entity, salience, its latest mention), in order of each entity's latest mention.
    let mut found: Vec<(usize, u32, Span)> = Vec::new();
    for &(m, e, w) in items.iter().rev().take(MAX_ITEMS) {
        if w.sentence + WINDOW < now {
            break;
        }
        if !ok(m, e) {
            continue;
        }
        let lent = lent(w, now);
        match found.iter_mut().find(|f| f.0 == e) {
            Some(f) => f.1 += lent,
            None => found.push((e, lent, m)),
        }
    }
    let best = found.iter().map(|f| f.1).max()?;
    found
        .into_iter()
        .find(|f| f.1 == best)
        .map(|(e, _, m)| (m, e))
}

/// The word whose relation gives a mention headed by `head` its role: a name the parse hangs
/// from a title or another name as apposition, flat name or compound ("NATO Secretary-General
/// Jens Stoltenberg said", "Jens" an apposition of "Secretary"), or as a conjunct ("Smith and
/// Jones said"), has the role of the word it hangs from (at most three steps up).
fn phrase_head<'t>(tokens: &'t [Token], mut head: &'t Token) -> &'t Token {
    for _ in 0..3 {
        let base = head.deprel.name().split(':').next().unwrap_or("");
        match head.head.and_then(|h| tokens.get(h as usize)) {
            Some(up) if matches!(base, "appos" | "flat" | "compound" | "conj") => head = up,
            _ => break,
        }
    }
    head
}

/// The weight of a mention whose head is `head`.
pub(super) fn weight_of(head: &Token) -> Weight {
    Weight {
        sentence: head.sentence,
        weight: role_weight(head.deprel.name()),
    }
}

/// Lappin and Leass's weights for a mention whose head has relation `rel`: sentence recency
/// 100 for every mention, subject 80, direct object 50, indirect object 40; a mention that is
/// no modifier inside another noun phrase adds 80 (head noun emphasis) and one outside an
/// adverbial phrase 50 (non-adverbial emphasis).
fn role_weight(rel: &str) -> u32 {
    let base = rel.split(':').next().unwrap_or(rel);
    let role = match base {
        "nsubj" | "csubj" => 80,
        "obj" => 50,
        "iobj" => 40,
        _ => 0,
    };
    let embedded = matches!(
        base,
        "nmod" | "compound" | "flat" | "appos" | "conj" | "det"
    );
    let adverbial = matches!(base, "obl" | "advmod" | "advcl");
    100 + role + if embedded { 0 } else { 80 } + if adverbial { 0 } else { 50 }
}

/// The salience a mention of weight `w` lends in sentence `now`: halved for each sentence
/// back, nothing beyond [`WINDOW`] sentences.
pub(super) fn lent(w: Weight, now: u32) -> u32 {
    let back = now.saturating_sub(w.sentence);
    if w.sentence > now || back > WINDOW {
        0
    } else {
        w.weight >> back
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subject_outweighs_an_oblique_and_a_possessor() {
        assert!(role_weight("nsubj") > role_weight("obj"));
        assert!(role_weight("obj") > role_weight("obl"));
        assert!(role_weight("nsubj:pass") == role_weight("nsubj"));
        assert!(role_weight("obl") > role_weight("nmod:poss"));
    }

    #[test]
    fn salience_halves_with_each_sentence_back() {
        let w = Weight {
            sentence: 4,
            weight: 200,
        };
        assert_eq!(lent(w, 4), 200);
        assert_eq!(lent(w, 5), 100);
        assert_eq!(lent(w, 4 + WINDOW), 200 >> WINDOW);
        assert_eq!(lent(w, 5 + WINDOW), 0);
        assert_eq!(lent(w, 3), 0);
    }
}
