//! Open-class cue candidates: every verb the cue list does not make an attribution, with a
//! clausal complement, a to-infinitive or a direct object, proposes one (`criticized the plan`,
//! `endorsed Cruz`, `a poll showed Trump leading`). (A phrase headed by a preposition after a
//! verb or noun, `called for a recount`, `his comment about …`, was tried as content too: it
//! added 0.01 of PolNeAR dev all-F1 but the judge kept enough false ones that the framing
//! stage's held-out precision fell below its floor; see docs/BENCHMARKS.md.) Most are not attributions; the learned
//! judge (`judge`) keeps those whose cue, relation and source look like one.

use std::collections::HashSet;

use storyline_lexicon::{is_quote_word, QuoteClass};
use storyline_record::{Span, Upos};

use crate::attribution::{
    complement, goes_on, is_imperative, phrase_before, referent_of, source_of, trim, Attribution,
};
use crate::tree::Tree;

/// The open-class candidates of the article, leaving out cues and contents the rules'
/// attributions (`rules`) already have.
pub(crate) fn open_attributions(tree: &Tree<'_>, rules: &[Attribution]) -> Vec<Attribution> {
    let mut out: Vec<Attribution> = Vec::new();
    if !tree.is_parsed() {
        return out;
    }
    // Looked up per token: sets, so that a page of many attributions stays linear.
    let listed: HashSet<usize> = rules.iter().map(|a| a.cue_token).collect();
    let mut contents: HashSet<Span> = rules.iter().map(|a| a.content).collect();
    for i in 0..tree.tokens.len() {
        if tree.tokens[i].upos != Upos::Verb || listed.contains(&i) || is_imperative(tree, i) {
            continue;
        }
        let source = source_of(tree, i, 0).or_else(|| phrase_before(tree, i));
        let Some(((lo, hi), via)) =
            complement(tree, i, true, source).or_else(|| object(tree, i).map(|c| (c, "object")))
        else {
            continue;
        };
        let Some(content) = trim(tree, lo, hi) else {
            continue;
        };
        if !contents.insert(content) {
            continue;
        }
        out.push(Attribution {
            cue: tree.span(i, i).slice(tree.text).to_string(),
            cue_token: i,
            source: source.and_then(|(lo, hi)| trim(tree, lo, hi)),
            referent: referent_of(tree, source),
            content,
            thought: false,
            via,
            open: true,
        });
    }
    out
}

/// The direct object after verb `i` with what the sentence goes on to say of it, hung from
/// the verb (`described the field as "all very good"`, `slammed Kaine for his work …`).
fn object(tree: &Tree<'_>, i: usize) -> Option<(usize, usize)> {
    let k = tree.children_with(i, "obj").find(|&k| k > i)?;
    let (lo, hi) = tree.extent(k, |r| r == "punct");
    // A phrase of time, place or circumstance after the object says when or where the verb
    // happened, not what the object of speech is ("withdrew its forces after the exercises").
    let circumstance = |c: usize| {
        tree.children_with(c, "case").any(|m| {
            is_quote_word(
                QuoteClass::CircumstancePreposition,
                &tree.tokens[m].norm.to_lowercase(),
            )
        })
    };
    let stop = tree
        .children(i)
        .find(|&c| c > hi && tree.rel(c).starts_with("obl") && circumstance(c));
    let end = goes_on(tree, i, hi);
    // (A non-projective parse may start the phrase at or before the object's end.)
    let before = |c: usize| tree.extent(c, |_| false).0.saturating_sub(1).max(hi);
    Some((lo, stop.map_or(end, |c| end.min(before(c)))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::find_attributions;
    use crate::attribution::testing::parsed;

    /// (cue, source, content) of each open-class candidate.
    fn run(text: &str) -> Vec<(String, String, String)> {
        let a = parsed(text);
        let tree = Tree::new(&a.tokens, &a.text);
        let rules = find_attributions(&tree);
        open_attributions(&tree, &rules)
            .into_iter()
            .map(|x| {
                let source = x.source.map(|s| s.slice(text).to_string());
                (
                    x.cue,
                    source.unwrap_or_default(),
                    x.content.slice(text).to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn a_verb_outside_the_cue_list_proposes_its_object() {
        let r = run("The senator criticized the new harbour tax on Monday.");
        assert!(
            r.iter().any(|x| x.0 == "criticized"
                && x.1 == "The senator"
                && x.2.starts_with("the new harbour tax")),
            "{r:?}"
        );
    }

    #[test]
    fn an_object_goes_on_with_what_the_verb_says_of_it() {
        let content = |text: &str, cue: &str| {
            let r = run(text);
            r.iter().find(|x| x.0 == cue).map(|x| x.2.clone())
        };
        assert_eq!(
            content(
                "Critics are slamming the senator for his work defending polluters.",
                "slamming"
            )
            .as_deref(),
            Some("the senator for his work defending polluters")
        );
        assert_eq!(
            content(
                "The minister dismissed the report as a political stunt.",
                "dismissed"
            )
            .as_deref(),
            Some("the report as a political stunt")
        );
        // A clause joined with a subject of its own is the writer's next statement.
        let fury = content(
            "Fans vented their fury online, and the club's leadership stayed silent.",
            "vented",
        );
        assert!(!fury.unwrap_or_default().contains("silent"));
        let plan = content(
            "The minister criticized the plan, while his allies closed the ports.",
            "criticized",
        );
        assert_eq!(plan.as_deref(), Some("the plan"));
        // A joined verb is the writer's next statement (and so is a bare participle, below).
        let responses = content(
            "Lavrov criticized the responses but conceded that talks could go on.",
            "criticized",
        );
        assert_eq!(responses.as_deref(), Some("the responses"));
        // A phrase of time, place or circumstance says when the verb happened.
        let forces = content(
            "Russia finally withdrew its forces after massive military exercises.",
            "withdrew",
        );
        assert_eq!(forces.as_deref(), Some("its forces"));
        let influence = content(
            "Putin has refused to rein in his influence in Ukraine, even denying the extent \
             of the interference.",
            "refused",
        );
        assert_eq!(
            influence.as_deref(),
            Some("to rein in his influence in Ukraine")
        );
    }

    #[test]
    fn cues_of_the_list_are_left_to_the_rules() {
        let r = run("The engineer said the old bridge would hold through the winter.");
        assert!(r.iter().all(|x| x.0 != "said"), "{r:?}");
    }
}
