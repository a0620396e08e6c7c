//! Tests of reading roles and clauses from the dependency tree.

use storyline_record::Article;
use storyline_segment::Segmenter;
use storyline_syntax::SyntaxAnnotator;

use super::*;
use crate::words::words_from_tokens;

/// Parses one sentence and hands its words and tree to `f`.
pub(crate) fn with_tree(text: &str, f: impl FnOnce(&[Word<'_>], &Tree<'_>)) {
    let mut a = Article::new("t", text);
    a.set_text(text.to_string());
    Segmenter::new().annotate(&mut a);
    SyntaxAnnotator::new().annotate(&mut a);
    let words = words_from_tokens(&a.text, &a.tokens);
    let tree = Tree::new(&words, &a.tokens, 0).expect("parsed");
    f(&words, &tree)
}

fn find(words: &[Word<'_>], w: &str) -> usize {
    words.iter().position(|x| x.text == w).expect("word")
}

#[test]
fn a_noun_in_a_phrase_is_buried_a_possessed_one_is_nominal() {
    with_tree(
        "The mayor grew worried over the build-up of police near the square.",
        |w, t| assert_eq!(t.place(find(w, "build-up"), w).0, Place::Buried),
    );
    with_tree(
        "The club grew after the city's purchase of the stadium.",
        |w, t| {
            let a = find(w, "purchase");
            assert_eq!(t.place(a, w).0, Place::Nominal);
            let r = t.roles(a, a..a + 1, w);
            assert!(r.subject.iter().any(|&i| w[i].text.starts_with("city")));
        },
    );
}

#[test]
fn what_another_verb_reports_lies_apart() {
    with_tree(
        "The army deployed troops to the border, saying that the rebels had attacked the town.",
        |w, t| {
            let deployed = find(w, "deployed");
            assert!(!t.reported_apart(find(w, "border"), deployed));
            assert!(t.reported_apart(find(w, "town"), deployed));
        },
    );
}

#[test]
fn the_main_verb_takes_subject_and_object() {
    with_tree(
        "The union sued the council over the new parking fees.",
        |w, t| {
            let a = find(w, "sued");
            assert_eq!(t.place(a, w).0, Place::Main);
            let r = t.roles(a, a..a + 1, w);
            assert!(r.subject.contains(&find(w, "union")));
            assert!(r.targets[0].1.contains(&find(w, "council")));
        },
    );
}

#[test]
fn under_attack_makes_the_subject_the_target() {
    with_tree("The old bridge was under attack.", |w, t| {
        let a = find(w, "attack");
        assert_eq!(t.place(a, w).0, Place::Main);
        let r = t.roles(a, a..a + 1, w);
        assert!(r.passive && r.subject.is_empty());
        assert!(r.targets[0].1.contains(&find(w, "bridge")));
    });
}
