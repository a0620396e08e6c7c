//! Training (greedy, on the tagger's own previous labels and document memory, as at run
//! time; documents shuffled per epoch; the epoch with the best dev F1 kept) and scoring
//! (exact span and kind of PER, ORG and LOC mentions, as the CoNLL-2003 shared task).

use std::time::Instant;

use storyline_learn::{Fold, KeyMap, Trainer};
use storyline_lexicon::Lexicon;
use storyline_syntax::train::{shuffled, EpochReport, TrainOptions};

use crate::atoms::Atoms;
use crate::corpus::{Document, Domain};
use crate::features::{
    extract_dynamic, extract_static, surely_outside, templates_hash, DocumentMemory,
};
use crate::labels::{allowed, encode, mentions, Kind, Mention, N_CLASSES};
use crate::tagger::{best, hasher, NerTagger};

/// Feature augmentation (Daumé 2007, "Frustratingly easy domain adaptation") when documents
/// of more than one domain are trained on: each feature also gets a copy of its own per
/// domain, so that what the corpora share is learned by the feature and where their
/// conventions differ (GUM leaves nationalities unmarked and types acting places as
/// organisations) by the copies. The news copies are then folded into their features and the
/// others dropped: the model keeps the shipped feature set and its cost.
struct Copies {
    /// Whether there is more than one domain (otherwise nothing is copied).
    on: bool,
    /// Each copy's feature, or `None` for a copy of another domain than news.
    base: KeyMap<Option<u64>>,
}

impl Copies {
    fn new(train: &[Document]) -> Copies {
        let first = train.first().map(|d| d.domain);
        Copies {
            on: train.iter().any(|d| Some(d.domain) != first),
            base: KeyMap::default(),
        }
    }

    /// Appends the domain copies of `feats`.
    fn add(&mut self, domain: Domain, feats: &mut Vec<u64>) {
        if !self.on {
            return;
        }
        let salt = match domain {
            Domain::News => 0x9e37_79b9_7f4a_7c15u64,
            Domain::Other => 0xc2b2_ae3d_27d4_eb4fu64,
        };
        for k in 0..feats.len() {
            let copy = (feats[k] ^ salt)
                .wrapping_mul(0xff51_afd7_ed55_8ccd)
                .rotate_left(29);
            self.base
                .entry(copy)
                .or_insert((domain == Domain::News).then_some(feats[k]));
            feats.push(copy);
        }
    }

    /// What the finished model does with key `k`.
    fn fold(&self, k: u64) -> Fold {
        match self.base.get(&k) {
            None => Fold::Keep,
            Some(Some(base)) => Fold::Into(*base),
            Some(None) => Fold::Drop,
        }
    }
}

/// Precision, recall and F1 of mentions of one kind, or of all.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    /// Mentions found that are right.
    pub correct: usize,
    /// Mentions found.
    pub found: usize,
    /// Mentions in the gold annotation.
    pub gold: usize,
}

impl Prf {
    /// Share of found mentions that are right.
    pub fn precision(&self) -> f64 {
        self.correct as f64 / self.found.max(1) as f64
    }
    /// Share of gold mentions found.
    pub fn recall(&self) -> f64 {
        self.correct as f64 / self.gold.max(1) as f64
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Scores of a tagger on annotated documents: PER, ORG, LOC mentions (MISC is not scored).
#[derive(Debug, Clone, Default)]
pub struct NerScores {
    /// All three kinds together.
    pub all: Prf,
    /// Per kind: person, organisation, place.
    pub by_kind: [Prf; 3],
    /// Words tagged.
    pub words: usize,
}

/// Scores `tagger` on `docs`.
pub fn evaluate(tagger: &NerTagger, docs: &[Document]) -> NerScores {
    let mut s = NerScores::default();
    let mut classes = Vec::new();
    for doc in docs {
        let mut memory = DocumentMemory::new();
        for sentence in &doc.sentences {
            tagger.tag_classes(&sentence.words(), &mut memory, &mut classes);
            s.words += classes.len();
            let found = mentions(&classes);
            add(&mut s, &sentence.mentions, &found);
        }
    }
    s
}

fn add(s: &mut NerScores, gold: &[Mention], found: &[Mention]) {
    let scored = |m: &&Mention| m.kind != Kind::Misc;
    for m in gold.iter().filter(scored) {
        s.all.gold += 1;
        s.by_kind[m.kind as usize].gold += 1;
    }
    for m in found.iter().filter(scored) {
        s.all.found += 1;
        s.by_kind[m.kind as usize].found += 1;
        if gold.contains(m) {
            s.all.correct += 1;
            s.by_kind[m.kind as usize].correct += 1;
        }
    }
}

impl NerTagger {
    /// Trains a tagger on `train`, scoring `dev` after every epoch (reported through
    /// `progress`); keeps the epoch with the best dev F1 (the last one without dev data).
    /// Deterministic: the same documents and options give the same model.
    pub fn train(
        train: &[Document],
        dev: &[Document],
        opts: &TrainOptions,
        progress: &mut dyn FnMut(&EpochReport),
    ) -> NerTagger {
        let lex = Lexicon::get();
        let h = hasher();
        let mut trainer = Trainer::new(N_CLASSES);
        let mut copies = Copies::new(train);
        let mut kept: Option<(f64, usize, NerTagger)> = None;
        let mut atoms = Atoms::default();
        let mut feats = Vec::new();
        let mut scores = vec![0i64; N_CLASSES];
        let mut memory = DocumentMemory::new();
        let mut guesses = Vec::new();
        for epoch in 1..=opts.epochs.max(1) {
            let start = Instant::now();
            let (mut right, mut total) = (0usize, 0usize);
            for d in shuffled(train.len(), opts.seed, epoch) {
                memory.clear();
                for sentence in &train[d].sentences {
                    let words = sentence.words();
                    let gold = encode(words.len(), &sentence.mentions);
                    atoms.fill(&words, lex);
                    guesses.clear();
                    let (mut t1, mut t2) = (0, 0);
                    for (i, &truth) in gold.iter().enumerate() {
                        let guess = if surely_outside(&atoms, i, t1) {
                            0
                        } else {
                            extract_static(&h, &atoms, i, &mut feats);
                            extract_dynamic(&h, &atoms, i, (t1, t2), &memory, &mut feats);
                            copies.add(train[d].domain, &mut feats);
                            trainer.scores(&feats, &mut scores);
                            let last = i + 1 == gold.len();
                            let guess = best(&scores, |c| allowed(t1, c, last));
                            trainer.update(&feats, truth, guess);
                            guess
                        };
                        right += (guess == truth) as usize;
                        total += 1;
                        guesses.push(guess);
                        t2 = t1;
                        t1 = guess;
                    }
                    memory.learn(&atoms, &guesses);
                }
            }
            let tagger = NerTagger {
                model: trainer.finish_folded(opts.prune, |k| copies.fold(k)),
                training: serde_json::Value::Null,
            };
            let mut report = EpochReport {
                epoch,
                train_accuracy: right as f64 / total.max(1) as f64,
                ..EpochReport::default()
            };
            let f1 = if dev.is_empty() {
                epoch as f64
            } else {
                let s = evaluate(&tagger, dev);
                report.dev = vec![
                    ("F1", s.all.f1()),
                    ("PER", s.by_kind[0].f1()),
                    ("ORG", s.by_kind[1].f1()),
                    ("LOC", s.by_kind[2].f1()),
                ];
                s.all.f1()
            };
            report.seconds = start.elapsed().as_secs_f64();
            progress(&report);
            if kept.as_ref().is_none_or(|(b, _, _)| f1 > *b) {
                kept = Some((f1, epoch, tagger));
            }
        }
        let (f1, kept_epoch, mut tagger) = kept.expect("at least one epoch");
        tagger.training = serde_json::json!({
            "epochs": opts.epochs,
            "kept_epoch": kept_epoch,
            "seed": opts.seed,
            "prune": opts.prune,
            "dev_f1": if dev.is_empty() { serde_json::Value::Null } else { f1.into() },
            "templates": format!("{:016x}", templates_hash()),
        });
        tagger
    }
}
