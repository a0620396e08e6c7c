//! Training the tagger: greedy left-to-right decoding during training too (the history
//! features see the tagger's own previous guesses), one perceptron update per word.

use std::collections::HashMap;
use std::time::Instant;

use storyline_learn::Trainer;
use storyline_record::{Upos, Xpos};

use super::atoms::{fold_form, lower_key, Atoms, Known, Lookup, KINDS, NO_ROW, PAD, PAD_ATOM};
use super::features::{
    extract_dense, extract_dynamic, extract_static, DENSE, DYNAMIC, OPTIONAL, STATIC,
};
use super::{argmax, Frequent, KeyMap, TagBuffers, Tagger};
use crate::conllu::Sentence;
use crate::lemma::Lemmatizer;
use crate::train::{shuffled, EpochReport, TrainOptions};

/// A word (lowercased, digits as 0) must be seen this often to enter the tag dictionary...
const DICT_MIN_COUNT: usize = 10;
/// ...and have one class at least this share of the time.
const DICT_MIN_SHARE: f64 = 0.98;
/// A word must be seen this often to have an ambiguity class...
const LEX_MIN_COUNT: usize = 3;
/// ...which holds the classes it had at least this share of the time.
const LEX_MIN_SHARE: f64 = 0.1;

/// Accuracy of a tagger on gold-annotated sentences.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TagScores {
    /// Share of words with the gold UPOS.
    pub upos: f64,
    /// Share of words with the gold XPOS.
    pub xpos: f64,
    /// Share of words with UPOS and XPOS both right.
    pub both: f64,
    /// Share of words with the gold LEMMA (from the predicted tags).
    pub lemma: f64,
    /// Words scored.
    pub words: usize,
}

/// Tags `sentences` (their forms) and scores the tags and lemmas against their gold columns.
pub fn evaluate(tagger: &Tagger, sentences: &[Sentence]) -> TagScores {
    let mut buf = TagBuffers::default();
    let (mut forms, mut tags) = (Vec::new(), Vec::new());
    let (mut upos, mut xpos, mut both, mut lemma, mut words) = (0, 0, 0, 0, 0usize);
    for s in sentences {
        forms.clear();
        forms.extend(s.words.iter().map(|w| w.form.as_str()));
        tagger.tag_with(&forms, &mut buf, &mut tags);
        for (w, &(u, x)) in s.words.iter().zip(&tags) {
            let (ur, xr) = (u.name() == w.upos, x.name() == w.xpos);
            upos += ur as usize;
            xpos += xr as usize;
            both += (ur && xr) as usize;
            lemma += (tagger.lemmatizer.lemma(&w.form, u, x) == w.lemma) as usize;
            words += 1;
        }
    }
    let share = |k: usize| k as f64 / words.max(1) as f64;
    TagScores {
        upos: share(upos),
        xpos: share(xpos),
        both: share(both),
        lemma: share(lemma),
        words,
    }
}

/// Each training word's class (`None`: not in the class list).
type Gold = Vec<Vec<Option<u8>>>;

/// The model of the best epoch so far.
struct Best {
    /// Dev UPOS accuracy (the epoch number when there is no dev set).
    key: f64,
    epoch: usize,
    model: storyline_learn::Model,
    dev: Vec<(&'static str, f64)>,
}

/// The class list: every (UPOS, XPOS) pair of the training words, at most 256 (the most
/// frequent), in inventory order; and each word's class (`None` for tags outside the
/// inventories or the list).
fn classes(train: &[Sentence]) -> (Vec<(Upos, Xpos)>, Gold) {
    let pair = |w: &crate::conllu::Word| Some((Upos::parse(&w.upos)?, Xpos::parse(&w.xpos)?));
    let mut counts: HashMap<(Upos, Xpos), usize> = HashMap::new();
    for w in train.iter().flat_map(|s| &s.words) {
        if let Some(p) = pair(w) {
            *counts.entry(p).or_default() += 1;
        }
    }
    let mut by_count: Vec<((Upos, Xpos), usize)> = counts.into_iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    by_count.truncate(256);
    let mut list: Vec<(Upos, Xpos)> = by_count.into_iter().map(|(p, _)| p).collect();
    list.sort();
    if list.is_empty() {
        list.push((Upos::default(), Xpos::default()));
    }
    let index: HashMap<(Upos, Xpos), u8> = list
        .iter()
        .enumerate()
        .map(|(i, &p)| (p, i as u8))
        .collect();
    let gold = train
        .iter()
        .map(|s| {
            s.words
                .iter()
                .map(|w| pair(w).and_then(|p| index.get(&p).copied()))
                .collect()
        })
        .collect();
    (list, gold)
}

/// How often each folded form had each class in training.
fn class_counts(
    train: &[Sentence],
    gold: &[Vec<Option<u8>>],
) -> HashMap<String, HashMap<u8, usize>> {
    let mut counts: HashMap<String, HashMap<u8, usize>> = HashMap::new();
    for (s, g) in train.iter().zip(gold) {
        for (w, c) in s.words.iter().zip(g) {
            if let Some(c) = c {
                *counts
                    .entry(fold_form(&w.form))
                    .or_default()
                    .entry(*c)
                    .or_default() += 1;
            }
        }
    }
    counts
}

/// Frequent words whose class hardly varies: (folded form, class).
fn tag_dictionary(train: &[Sentence], gold: &[Vec<Option<u8>>]) -> Vec<(String, u8)> {
    let counts = class_counts(train, gold);
    let mut out: Vec<(String, u8)> = counts
        .into_iter()
        .filter_map(|(form, classes)| {
            let total: usize = classes.values().sum();
            let (&class, &n) = classes
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
            (total >= DICT_MIN_COUNT && n as f64 / total as f64 >= DICT_MIN_SHARE)
                .then_some((form, class))
        })
        .collect();
    out.sort();
    out
}

/// Words seen at least [`LEX_MIN_COUNT`] times (lowercased, digits as 0) with the classes
/// they had at least [`LEX_MIN_SHARE`] of the time.
fn lexicon(train: &[Sentence], gold: &[Vec<Option<u8>>]) -> Vec<(String, Vec<u8>)> {
    let counts = class_counts(train, gold);
    let mut out: Vec<(String, Vec<u8>)> = counts
        .into_iter()
        .filter_map(|(form, classes)| {
            let total: usize = classes.values().sum();
            let mut kept: Vec<u8> = classes
                .into_iter()
                .filter(|&(_, n)| n as f64 >= LEX_MIN_SHARE * total as f64)
                .map(|(c, _)| c)
                .collect();
            kept.sort();
            (total >= LEX_MIN_COUNT).then_some((form, kept))
        })
        .collect();
    out.sort();
    out
}

/// How many atoms of each optional feature get a dense row.
const FREQUENT_ATOMS: usize = 255;

/// The most frequent values of each atom kind in the training words (the padding's first).
fn frequent_atoms(train: &[Sentence], gold: &Gold, lexicon: &[(String, Vec<u8>)]) -> Frequent {
    let mut counts: [HashMap<u64, usize>; KINDS] = Default::default();
    let mut atoms = Atoms::default();
    let mut lookup = Lookup::default();
    let mut forms: Vec<&str> = Vec::new();
    // The ambiguity classes are atoms too: fill them in.
    for (form, classes) in lexicon {
        let amb = super::ambiguity_class(classes);
        let known = Known::new(form, amb, NO_ROW, &lookup.rows);
        lookup.words.insert(lower_key(form), known);
    }
    for s in train {
        forms.clear();
        forms.extend(s.words.iter().map(|w| w.form.as_str()));
        atoms.fill(&forms, &lookup);
        for w in &atoms.w[PAD..PAD + forms.len()] {
            for (c, atom) in counts.iter_mut().zip(w.kinds()) {
                *c.entry(atom).or_default() += 1;
            }
        }
    }
    let mut pairs: HashMap<u64, usize> = HashMap::new();
    for g in gold {
        let (mut t1, mut t2) = (0u64, 0u64);
        for c in g {
            *pairs.entry(t1 << 8 | t2).or_default() += 1;
            t2 = t1;
            t1 = c.map_or(0, |c| c as u64 + 1);
        }
    }
    Frequent(
        counts
            .iter()
            .chain(std::iter::once(&pairs))
            .map(|c| {
                let mut v: Vec<(u64, usize)> = c.iter().map(|(&a, &n)| (a, n)).collect();
                v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                std::iter::once(PAD_ATOM)
                    .chain(v.into_iter().map(|(a, _)| a).filter(|&a| a != PAD_ATOM))
                    .take(FREQUENT_ATOMS)
                    .collect()
            })
            .collect(),
    )
}

/// Features must occur this often in the training data (with gold previous tags) to be
/// learnt: rarer ones would mostly memorise single sentences, and make the model bigger and
/// slower.
const MIN_FEATURE_COUNT: u32 = 2;

/// The features that occur at least [`MIN_FEATURE_COUNT`] times in `train`.
fn common_features(train: &[Sentence], gold: &Gold, tagger: &Tagger) -> KeyMap<()> {
    let h = Tagger::hasher();
    let mut counts: KeyMap<u32> = KeyMap::default();
    let mut atoms = Atoms::default();
    let mut feats = Vec::new();
    let mut forms: Vec<&str> = Vec::new();
    for (s, g) in train.iter().zip(gold) {
        forms.clear();
        forms.extend(s.words.iter().map(|w| w.form.as_str()));
        atoms.fill(&forms, &tagger.lookup);
        let (mut t1, mut t2) = (0u64, 0u64);
        for (i, g) in g.iter().enumerate() {
            extract_static(&h, &atoms, i, None, &mut feats);
            extract_dynamic(&h, &atoms, i, (t1, t2), false, &mut feats);
            extract_dense(&h, &atoms, i, t1, t2, &mut feats);
            for f in &feats {
                *counts.entry(*f).or_default() += 1;
            }
            t2 = t1;
            t1 = g.map_or(0, |c| c as u64 + 1);
        }
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= MIN_FEATURE_COUNT)
        .map(|(f, _)| (f, ()))
        .collect()
}

impl Tagger {
    /// Trains a tagger (and learns its lemmatizer) on the gold UPOS, XPOS and LEMMA columns
    /// of `train`. After each epoch the averaged model is scored on `dev`; the model of the
    /// epoch with the best dev UPOS accuracy is kept (the last epoch's when `dev` is empty).
    /// Deterministic: the same data and options give the same model.
    pub fn train(
        train: &[Sentence],
        dev: &[Sentence],
        opts: &TrainOptions,
        report: &mut dyn FnMut(&EpochReport),
    ) -> Tagger {
        let (class_list, gold) = classes(train);
        let tagdict = tag_dictionary(train, &gold);
        let lexicon = lexicon(train, &gold);
        let frequent = frequent_atoms(train, &gold, &lexicon);
        let lemmatizer = Lemmatizer::learn(train);
        let n_classes = class_list.len();
        let mut trainer = Trainer::new(n_classes);
        let mut tagger = Tagger::new(
            trainer.finish(0.0),
            class_list,
            tagdict,
            lexicon,
            frequent,
            lemmatizer,
            serde_json::Value::Null,
        );
        let h = Tagger::hasher();
        let mut atoms = Atoms::default();
        let mut feats = Vec::with_capacity(STATIC + OPTIONAL + DYNAMIC + DENSE);
        let mut scores = vec![0i64; n_classes];
        let mut forms: Vec<&str> = Vec::new();
        let mut best: Option<Best> = None;
        let epochs = opts.epochs.max(1);
        let common = common_features(train, &gold, &tagger);
        for epoch in 1..=epochs {
            let start = Instant::now();
            let (mut right, mut total) = (0usize, 0usize);
            for si in shuffled(train.len(), opts.seed, epoch) {
                let s = &train[si];
                forms.clear();
                forms.extend(s.words.iter().map(|w| w.form.as_str()));
                atoms.fill(&forms, &tagger.lookup);
                let (mut t1, mut t2) = (0u64, 0u64);
                for (i, g) in gold[si].iter().enumerate() {
                    let guess = match atoms.w[i + PAD].dict {
                        c if c != NO_ROW => c as usize,
                        _ => {
                            extract_static(&h, &atoms, i, None, &mut feats);
                            extract_dynamic(&h, &atoms, i, (t1, t2), false, &mut feats);
                            extract_dense(&h, &atoms, i, t1, t2, &mut feats);
                            trainer.scores(&feats, &mut scores);
                            let guess = argmax(&scores);
                            if let Some(g) = g {
                                feats.retain(|f| common.contains_key(f));
                                trainer.update(&feats, *g as usize, guess);
                            }
                            guess
                        }
                    };
                    if let Some(g) = g {
                        right += (guess == *g as usize) as usize;
                        total += 1;
                    }
                    t2 = t1;
                    t1 = guess as u64 + 1;
                }
            }
            tagger.set_model(trainer.finish(opts.prune));
            let mut dev_figures = Vec::new();
            if !dev.is_empty() {
                let s = evaluate(&tagger, dev);
                dev_figures = vec![("UPOS", s.upos), ("XPOS", s.xpos), ("lemma", s.lemma)];
            }
            let key = dev_figures.first().map_or(epoch as f64, |f| f.1);
            if best.as_ref().is_none_or(|b| key > b.key) {
                best = Some(Best {
                    key,
                    epoch,
                    model: tagger.model.clone(),
                    dev: dev_figures.clone(),
                });
            }
            report(&EpochReport {
                epoch,
                train_accuracy: right as f64 / total.max(1) as f64,
                dev: dev_figures,
                seconds: start.elapsed().as_secs_f64(),
            });
        }
        if let Some(Best {
            epoch,
            model,
            dev: figures,
            ..
        }) = best
        {
            tagger.set_model(model);
            let dev: serde_json::Map<String, serde_json::Value> = figures
                .into_iter()
                .map(|(k, v)| (k.to_string(), serde_json::json!((v * 1e4).round() / 1e4)))
                .collect();
            tagger.training = serde_json::json!({
                "epochs": epochs,
                "kept_epoch": epoch,
                "seed": opts.seed,
                "prune": opts.prune,
                "train_sentences": train.len(),
                "train_words": train.iter().map(|s| s.words.len()).sum::<usize>(),
                "dev": dev,
            });
        }
        tagger
    }
}
