//! Jackknifed tags for parser training: the parser should learn from the tags it will see at
//! run time (the tagger's, with its mistakes), not from gold tags. The training sentences are
//! cut into k folds; each fold is tagged by a tagger trained on the other folds.

use storyline_record::{Upos, Xpos};

use crate::conllu::Sentence;
use crate::form::model_forms;
use crate::tagger::Tagger;
use crate::train::TrainOptions;

/// `sentences` with UPOS and XPOS replaced by those of taggers trained on the other
/// `folds - 1` folds (every `folds`-th sentence is in the same fold). With fewer than two
/// folds, the sentences come back unchanged.
pub fn jackknife_tags(
    sentences: &[Sentence],
    folds: usize,
    opts: &TrainOptions,
    progress: &mut dyn FnMut(usize),
) -> Vec<Sentence> {
    let mut out = sentences.to_vec();
    if folds < 2 {
        return out;
    }
    for fold in 0..folds {
        let rest: Vec<Sentence> = sentences
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != fold)
            .map(|(_, s)| s.clone())
            .collect();
        let tagger = Tagger::train(&rest, &[], opts, &mut |_| {});
        for (i, s) in out.iter_mut().enumerate() {
            if i % folds == fold {
                retag(&tagger, s);
            }
        }
        progress(fold + 1);
    }
    out
}

/// Replaces the UPOS and XPOS columns of `s` with `tagger`'s.
pub fn retag(tagger: &Tagger, s: &mut Sentence) {
    let (forms, bounds) = model_forms(s.words.iter().map(|w| w.form.as_str()));
    let words: Vec<&str> = bounds.iter().map(|&(a, b)| &forms[a..b]).collect();
    let mut tags: Vec<(Upos, Xpos)> = Vec::with_capacity(words.len());
    tagger.tag(&words, &mut tags);
    for (w, (u, x)) in s.words.iter_mut().zip(tags) {
        w.upos = u.name().to_string();
        w.xpos = x.name().to_string();
    }
}
