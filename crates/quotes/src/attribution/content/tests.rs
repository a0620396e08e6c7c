//! What a cue reports, on the parse each rule is for.

use crate::attribution::find_attributions;
use crate::attribution::testing::{given, parsed};
use crate::tree::Tree;

/// The content of the attribution whose cue is `cue`.
fn content(a: &storyline_record::Article, cue: &str) -> Option<String> {
    let tree = Tree::new(&a.tokens, &a.text);
    let found = find_attributions(&tree);
    let hit = found.iter().find(|x| x.cue == cue)?;
    Some(hit.content.slice(&a.text).to_string())
}

#[test]
fn what_the_sentence_goes_on_to_say_after_the_complement_is_read_with_it() {
    // "despite …" hung from the cue, after its complement.
    let text = "The union argues that members want higher pay, despite the rise in wages.";
    let a = given(
        text,
        &[
            ("DET", "DT", 2, "det"),
            ("NOUN", "NN", 3, "nsubj"),
            ("VERB", "VBZ", 0, "root"),
            ("SCONJ", "IN", 6, "mark"),
            ("NOUN", "NNS", 6, "nsubj"),
            ("VERB", "VBP", 3, "ccomp"),
            ("ADJ", "JJR", 8, "amod"),
            ("NOUN", "NN", 6, "obj"),
            ("PUNCT", ",", 12, "punct"),
            ("ADP", "IN", 12, "case"),
            ("DET", "DT", 12, "det"),
            ("NOUN", "NN", 3, "obl"),
            ("ADP", "IN", 14, "case"),
            ("NOUN", "NNS", 12, "nmod"),
            ("PUNCT", ".", 3, "punct"),
        ],
    );
    assert_eq!(
        content(&a, "argues").as_deref(),
        Some("that members want higher pay, despite the rise in wages")
    );
    // A complement alone stays as it is.
    let a = parsed("The union argues that members want higher pay.");
    assert_eq!(
        content(&a, "argues").as_deref(),
        Some("that members want higher pay")
    );
}

#[test]
fn a_quotation_that_opens_its_own_sentence_after_the_cue_is_what_it_reports() {
    // The words before the subject set the scene; they are not reported.
    let a = parsed(
        "At a rally in Ohio on Tuesday, the governor said, “We are going all the way to Cleveland.”",
    );
    assert_eq!(
        content(&a, "said").as_deref(),
        Some("We are going all the way to Cleveland")
    );
    // A quotation that goes on in lower case finishes the sentence begun before the cue.
    let a = parsed(
        "These and other sources of authority, the lawyers said, “all command the same respect.”",
    );
    assert!(content(&a, "said").is_some_and(|c| c.starts_with("These and other sources")));
}

#[test]
fn a_cue_a_quotation_follows_does_not_close_its_sentence() {
    // The participle has the quotation after it: the clause before is not what it reports.
    let a = parsed(
        "Starr said Clinton's situation reminds him of the 1969 book titled \"The Tragedy of \
         Lyndon Johnson,\" explaining, \"because what could have been and so there are certain \
         tragic dimensions of it, which we all lament.\"",
    );
    assert!(
        content(&a, "explaining").is_none_or(|c| !c.starts_with("Starr said")),
        "{:?}",
        content(&a, "explaining")
    );
}

#[test]
fn a_reporting_clause_closing_the_sentence_is_no_complement_of_an_earlier_verb() {
    // "say" hung from "agrees" as parataxis after a comma: it reports the clause before it.
    let text =
        "The deal may grow if Trump agrees to the demands, people familiar with the talks say.";
    let a = given(
        text,
        &[
            ("DET", "DT", 2, "det"),
            ("NOUN", "NN", 4, "nsubj"),
            ("AUX", "MD", 4, "aux"),
            ("VERB", "VB", 0, "root"),
            ("SCONJ", "IN", 7, "mark"),
            ("PROPN", "NNP", 7, "nsubj"),
            ("VERB", "VBZ", 4, "advcl"),
            ("ADP", "IN", 10, "case"),
            ("DET", "DT", 10, "det"),
            ("NOUN", "NNS", 7, "obl"),
            ("PUNCT", ",", 17, "punct"),
            ("NOUN", "NNS", 17, "nsubj"),
            ("ADJ", "JJ", 12, "amod"),
            ("ADP", "IN", 16, "case"),
            ("DET", "DT", 16, "det"),
            ("NOUN", "NNS", 13, "obl"),
            ("VERB", "VBP", 7, "parataxis"),
            ("PUNCT", ".", 4, "punct"),
        ],
    );
    assert_eq!(content(&a, "agrees"), None);
    assert_eq!(
        content(&a, "say").as_deref(),
        Some("if Trump agrees to the demands")
    );
}
