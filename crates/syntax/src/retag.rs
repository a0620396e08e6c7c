//! Re-tagging treebank sentences with a tagger: the parser's dev figures are measured on the
//! tags it gets at run time, not on gold tags. `storyline train parse --jackknife N` also
//! trains the parser on each sentence a second time with jackknifed tags ([`jackknifed`]), so
//! that it learns from tagging errors like those it meets at run time (EWT dev +0.6 UAS, +0.7
//! LAS over gold training tags alone; see docs/BENCHMARKS.md).

use storyline_record::{Upos, Xpos};

use crate::conllu::Sentence;
use crate::form::model_forms;
use crate::tagger::Tagger;
use crate::train::TrainOptions;

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

/// The sentences of `train` with jackknifed tags: the sentences are cut into `folds` runs of
/// consecutive sentences (a document's sentences share a fold, so that a fold's tags are as
/// wrong as on unseen text: training-tag UPOS 0.954, as on EWT dev), and each fold is tagged by a tagger trained (with `opts`) on the other folds only. Everything
/// but the UPOS and XPOS columns stays as given. With fewer than two folds (or sentences),
/// the sentences are returned unchanged. Deterministic, like the training it repeats.
pub fn jackknifed(train: &[Sentence], folds: usize, opts: &TrainOptions) -> Vec<Sentence> {
    let mut out = train.to_vec();
    if folds < 2 || train.len() < 2 {
        return out;
    }
    let n = train.len();
    let fold_of = |i: usize| i * folds / n;
    for fold in 0..folds {
        let rest: Vec<Sentence> = train
            .iter()
            .enumerate()
            .filter(|&(i, _)| fold_of(i) != fold)
            .map(|(_, s)| s.clone())
            .collect();
        let tagger = Tagger::train(&rest, &[], opts, &mut |_| {});
        for (_, s) in out
            .iter_mut()
            .enumerate()
            .filter(|&(i, _)| fold_of(i) == fold)
        {
            retag(&tagger, s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu;

    /// Two sentences in which "saw" has another tag each time: a tagger trained on one
    /// cannot know the other's.
    const SAMPLE: &str = "\
1\tWe\twe\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tsaw\tsee\tVERB\tVBD\t_\t0\troot\t_\t_
3\tit\tit\tPRON\tPRP\t_\t2\tobj\t_\t_

1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tsaw\tsaw\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tbroke\tbreak\tVERB\tVBD\t_\t0\troot\t_\t_

";

    #[test]
    fn each_fold_is_tagged_by_a_tagger_that_never_saw_it() {
        let (train, errors) = conllu::read(SAMPLE);
        assert!(errors.is_empty());
        let opts = TrainOptions {
            epochs: 5,
            ..TrainOptions::default()
        };
        let out = jackknifed(&train, 2, &opts);
        assert_eq!(out, jackknifed(&train, 2, &opts), "deterministic");
        for (gold, tagged) in train.iter().zip(&out) {
            assert_eq!(gold.words.len(), tagged.words.len());
            for (g, t) in gold.words.iter().zip(&tagged.words) {
                assert_eq!((&g.form, g.head, &g.deprel), (&t.form, t.head, &t.deprel));
            }
        }
        // Each "saw" gets the tag the other sentence taught.
        assert_eq!(out[0].words[1].upos, "NOUN");
        assert_eq!(out[1].words[1].upos, "VERB");
        assert_eq!(jackknifed(&train, 1, &opts), train);
    }
}
