//! Repairs of parser mistakes whose reading of a sentence the coder would take for
//! another event structure. Each repair looks only at the tree's shape and the words' parts of
//! speech, and keeps it a tree (no word becomes its own ancestor):
//!
//! - A coordinated predicate read as a participle modifier: "fined the carmaker and *imposed*
//!   sanctions" parsed as "the carmaker and [imposed sanctions]" (the verb an `amod` of its
//!   object, the object a `conj` of the first verb's object) becomes "fined … and imposed
//!   [sanctions]" (the verb a `conj` of the first verb, its noun its object).
//! - A reduced adverbial clause read as the main clause: "*When asked* about the talks, the
//!   minister smiled" parsed with "asked" as root and "smiled" as `parataxis` becomes "smiled"
//!   the root with "asked" its `advcl`: a subjectless verb introduced by a subordinating word
//!   ("when", "while", "if") frames the clause that has a subject of its own.
//! - A fronted prepositional phrase read as the subject: "*Despite* the levying of sanctions by
//!   the EU and the US, Russian President Vladimir Putin has refused …" parsed with "levying"
//!   the subject and "Putin" a conjunct of "EU" becomes "levying" an `obl` and "Putin" the
//!   subject: a subject takes no preposition, and the conjunct a comma sets off right before
//!   the verb is the clause's own.
//! - A main verb read as a participle modifier of its subject: "Riot police *used* tear gas"
//!   parsed as a noun root with "used" its `acl` (the tagger took a past tense for a
//!   participle) becomes "used" the root with "police" its subject, when the sentence has no
//!   other predicate and the verb has an object of its own (a participle modifying a noun
//!   seldom has one: "officers killed in the attack").

use storyline_lexicon::{is_event_word, EventClass};
use storyline_record::Upos;

use super::Node;
use crate::words::Word;

/// Applies the repairs to `nodes`, the parse of `words`.
pub(super) fn repair(nodes: &mut [Node<'_>], words: &[Word<'_>]) {
    coordinated_predicates(nodes);
    reduced_main_clause(nodes, words);
    verb_read_as_modifier(nodes);
    fronted_phrase_as_subject(nodes, words);
}

fn is_verb(n: &Node<'_>) -> bool {
    n.upos == Upos::Verb
}

/// "V the X and Ved Ys": the participle attached to Ys becomes the second verb.
fn coordinated_predicates(nodes: &mut [Node<'_>]) {
    for v in 1..nodes.len() {
        if !is_verb(&nodes[v]) || nodes[v].rel != "amod" {
            continue;
        }
        let Some(noun) = nodes[v].head.filter(|&h| h > v) else {
            continue;
        };
        let cc = v - 1;
        if nodes[cc].upos != Upos::Cconj || nodes[cc].head != Some(noun) {
            continue;
        }
        if nodes[noun].rel != "conj" {
            continue;
        }
        let Some(object) = nodes[noun].head.filter(|&o| o < cc) else {
            continue;
        };
        if !matches!(nodes[object].rel, "obj" | "iobj" | "obl") {
            continue;
        }
        let Some(verb) = nodes[object].head.filter(|&h| is_verb(&nodes[h])) else {
            continue;
        };
        nodes[v].head = Some(verb);
        nodes[v].rel = "conj";
        nodes[noun].head = Some(v);
        nodes[noun].rel = "obj";
        nodes[cc].head = Some(v);
    }
}

/// "Despite the levying of sanctions by the EU and the US, Russian President Vladimir Putin
/// has refused …" parsed with "levying" the subject of "refused" and "Putin" a conjunct of
/// "EU": a subject never takes a preposition, so the fronted phrase is an oblique, and the
/// conjunct that a comma sets off right before the verb is its subject.
fn fronted_phrase_as_subject(nodes: &mut [Node<'_>], words: &[Word<'_>]) {
    for s in 0..nodes.len() {
        if nodes[s].rel != "nsubj" || !has_child_before(nodes, s, "case") {
            continue;
        }
        let Some(verb) = nodes[s].head.filter(|&v| v > s) else {
            continue;
        };
        let comma = |c: usize| words.get(c).is_some_and(|w| w.lower == ",");
        // The last conjunct before the verb, opened by a comma, whose phrase runs on to the
        // verb with only auxiliaries and adverbs between.
        let subject = (s + 1..verb).rev().find(|&x| {
            nodes[x].rel == "conj"
                && matches!(nodes[x].upos, Upos::Propn | Upos::Noun | Upos::Pron)
                && (s..x).any(|c| comma(c) && nodes[c].head == Some(x))
                && (x + 1..verb).all(|k| {
                    nodes[k].head == Some(x) && !matches!(nodes[k].rel, "conj" | "cc")
                        || nodes[k].head == Some(verb) && matches!(nodes[k].rel, "aux" | "advmod")
                })
        });
        let Some(subject) = subject else {
            continue;
        };
        nodes[s].rel = "obl";
        nodes[subject].head = Some(verb);
        nodes[subject].rel = "nsubj";
    }
}

/// Whether some word before `w` is attached to it as `rel`.
fn has_child_before(nodes: &[Node<'_>], w: usize, rel: &str) -> bool {
    nodes[..w].iter().any(|n| n.head == Some(w) && n.rel == rel)
}

/// Whether some word attached to `w` has one of `rels`.
fn has_child(nodes: &[Node<'_>], w: usize, rels: &[&str]) -> bool {
    nodes
        .iter()
        .any(|n| n.head == Some(w) && rels.contains(&n.rel))
}

/// "When asked …, the minister smiled": the clause with a subject becomes the root.
fn reduced_main_clause(nodes: &mut [Node<'_>], words: &[Word<'_>]) {
    let Some(root) = nodes.iter().position(|n| n.rel == "root") else {
        return;
    };
    if !is_verb(&nodes[root]) || has_child(nodes, root, &["nsubj", "nsubj:pass", "csubj", "expl"]) {
        return;
    }
    let marked = (0..root).any(|c| {
        nodes[c].head == Some(root)
            && matches!(nodes[c].rel, "mark" | "advmod")
            && words
                .get(c)
                .is_some_and(|w| is_event_word(EventClass::ReducedMark, &w.lower))
    });
    if !marked {
        return;
    }
    let main = (root + 1..nodes.len()).find(|&p| {
        nodes[p].head == Some(root)
            && nodes[p].rel == "parataxis"
            && is_verb(&nodes[p])
            && has_child(nodes, p, &["nsubj", "nsubj:pass"])
    });
    if let Some(main) = main {
        nodes[main].head = None;
        nodes[main].rel = "root";
        nodes[root].head = Some(main);
        nodes[root].rel = "advcl";
    }
}

/// "Riot police used tear gas": a noun root whose participle has an object is its subject.
fn verb_read_as_modifier(nodes: &mut [Node<'_>]) {
    let Some(root) = nodes.iter().position(|n| n.rel == "root") else {
        return;
    };
    if !matches!(nodes[root].upos, Upos::Noun | Upos::Propn | Upos::Pron)
        || has_child(nodes, root, &["cop", "nsubj", "nsubj:pass"])
    {
        return;
    }
    let verb = (root + 1..nodes.len()).find(|&v| {
        nodes[v].head == Some(root)
            && nodes[v].rel == "acl"
            && is_verb(&nodes[v])
            && has_child(nodes, v, &["obj"])
            && !has_child(
                nodes,
                v,
                &["mark", "aux", "aux:pass", "nsubj", "nsubj:pass"],
            )
    });
    let Some(verb) = verb else {
        return;
    };
    for n in nodes.iter_mut() {
        // The sentence's punctuation and its other clauses now hang from the verb.
        if n.head == Some(root) && matches!(n.rel, "punct" | "parataxis" | "conj" | "cc") {
            n.head = Some(verb);
        }
    }
    nodes[verb].head = None;
    nodes[verb].rel = "root";
    nodes[root].head = Some(verb);
    nodes[root].rel = "nsubj";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::words_of;

    fn node(head: Option<usize>, rel: &'static str, upos: Upos) -> Node<'static> {
        Node {
            head,
            rel,
            upos,
            lemma: "",
        }
    }

    /// "Regulators fined the carmaker and imposed sanctions", misparsed as the parser did.
    fn misparsed_coordination(second_word: Upos) -> Vec<Node<'static>> {
        vec![
            node(Some(1), "nsubj", Upos::Noun),
            node(None, "root", Upos::Verb),
            node(Some(3), "det", Upos::Det),
            node(Some(1), "obj", Upos::Noun),
            node(Some(6), "cc", second_word),
            node(Some(6), "amod", Upos::Verb),
            node(Some(3), "conj", Upos::Noun),
        ]
    }

    #[test]
    fn a_second_predicate_read_as_a_modifier_becomes_a_verb_again() {
        let mut nodes = misparsed_coordination(Upos::Cconj);
        coordinated_predicates(&mut nodes);
        assert_eq!((nodes[5].head, nodes[5].rel), (Some(1), "conj"));
        assert_eq!((nodes[6].head, nodes[6].rel), (Some(5), "obj"));
        assert_eq!(nodes[4].head, Some(5));
        // "fined the carmaker, the hired guards": no conjunction before the participle.
        let mut nodes = misparsed_coordination(Upos::Det);
        coordinated_predicates(&mut nodes);
        assert_eq!((nodes[5].head, nodes[5].rel), (Some(6), "amod"));
    }

    /// "When asked, the minister smiled." with "asked" as root.
    fn misparsed_reduced_clause(subject: &'static str) -> Vec<Node<'static>> {
        vec![
            node(Some(1), "advmod", Upos::Adv),
            node(None, "root", Upos::Verb),
            node(Some(5), "punct", Upos::Punct),
            node(Some(4), "det", Upos::Det),
            node(Some(5), subject, Upos::Noun),
            node(Some(1), "parataxis", Upos::Verb),
            node(Some(1), "punct", Upos::Punct),
        ]
    }

    #[test]
    fn a_reduced_clause_read_as_the_root_frames_the_clause_after_it() {
        let text = "When asked , the minister smiled .";
        let words = words_of(text, 0, text.len());
        assert_eq!(words.len(), 7);
        let mut nodes = misparsed_reduced_clause("nsubj");
        reduced_main_clause(&mut nodes, &words);
        assert_eq!((nodes[5].head, nodes[5].rel), (None, "root"));
        assert_eq!((nodes[1].head, nodes[1].rel), (Some(5), "advcl"));
        // Without a subject after it, the first verb stays the root.
        let mut nodes = misparsed_reduced_clause("obj");
        reduced_main_clause(&mut nodes, &words);
        assert_eq!(nodes[1].rel, "root");
        // Nor without the subordinating word.
        let text = "Then asked , the minister smiled .";
        let words = words_of(text, 0, text.len());
        let mut nodes = misparsed_reduced_clause("nsubj");
        reduced_main_clause(&mut nodes, &words);
        assert_eq!(nodes[1].rel, "root");
    }

    #[test]
    fn a_fronted_phrase_read_as_the_subject_gives_way_to_the_real_one() {
        // "Despite sanctions by the EU , Putin has refused ." with "sanctions" the subject of
        // "refused" and "Putin" a conjunct of "EU", as the parser read it.
        let text = "Despite sanctions by the EU , Putin has refused .";
        let words = words_of(text, 0, text.len());
        assert_eq!(words.len(), 10);
        let mut nodes = vec![
            node(Some(1), "case", Upos::Adp),
            node(Some(8), "nsubj", Upos::Noun),
            node(Some(4), "case", Upos::Adp),
            node(Some(4), "det", Upos::Det),
            node(Some(1), "nmod", Upos::Propn),
            node(Some(6), "punct", Upos::Punct),
            node(Some(4), "conj", Upos::Propn),
            node(Some(8), "aux", Upos::Aux),
            node(None, "root", Upos::Verb),
            node(Some(8), "punct", Upos::Punct),
        ];
        fronted_phrase_as_subject(&mut nodes, &words);
        assert_eq!((nodes[6].head, nodes[6].rel), (Some(8), "nsubj"));
        assert_eq!((nodes[1].head, nodes[1].rel), (Some(8), "obl"));
        // A subject without a preposition stays.
        nodes[1].rel = "nsubj";
        nodes[0].rel = "det";
        nodes[6].head = Some(4);
        nodes[6].rel = "conj";
        fronted_phrase_as_subject(&mut nodes, &words);
        assert_eq!(nodes[1].rel, "nsubj");
    }

    #[test]
    fn a_main_verb_read_as_its_subjects_modifier_becomes_the_root() {
        // "Police used gas ." with "used" an `acl` of "police".
        let parse = |object: &'static str| {
            vec![
                node(None, "root", Upos::Noun),
                node(Some(0), "acl", Upos::Verb),
                node(Some(1), object, Upos::Noun),
                node(Some(0), "punct", Upos::Punct),
            ]
        };
        let mut nodes = parse("obj");
        verb_read_as_modifier(&mut nodes);
        assert_eq!((nodes[1].head, nodes[1].rel), (None, "root"));
        assert_eq!((nodes[0].head, nodes[0].rel), (Some(1), "nsubj"));
        assert_eq!(nodes[3].head, Some(1));
        // "Officers killed in the attack": a participle without an object stays a modifier.
        let mut nodes = parse("obl");
        verb_read_as_modifier(&mut nodes);
        assert_eq!(nodes[0].rel, "root");
    }
}
