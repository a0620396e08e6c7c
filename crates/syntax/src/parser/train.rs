//! Training the parser: greedy arc-eager with a dynamic oracle and error exploration.
//!
//! Each step scores every valid move; the truth is the best-scoring move of zero cost; the
//! weights move towards it when the model's guess differs. From the second epoch on, the
//! parser follows its own guess (nine times in ten; a fixed-seed generator decides), so it
//! learns to recover from its mistakes.

use std::time::Instant;

use storyline_learn::Trainer;
use storyline_record::{Deprel, Upos, Xpos};

use super::features::{extract, extract_label, Atoms};
use super::oracle::{projectivize, Gold};
use super::state::{Move, State};
use super::{arc_of, tag_code, ParseBuffers, Parser, MAX_WORDS};
use crate::conllu::Sentence;
use crate::train::{shuffled, EpochReport, TrainOptions};

/// One training sentence, ready for the oracle.
pub(super) struct Example<'s> {
    pub forms: Vec<&'s str>,
    pub tags: Vec<u64>,
    /// Which words are tagged punctuation (they take no dependents).
    pub punct: Vec<bool>,
    pub heads: Vec<u32>,
    pub labels: Vec<u8>,
}

impl<'s> Example<'s> {
    pub fn of(s: &'s Sentence) -> Option<Example<'s>> {
        let n = s.words.len();
        if n == 0 || n > MAX_WORDS {
            return None;
        }
        let mut heads: Vec<u32> = s
            .words
            .iter()
            .map(|w| {
                if w.head == 0 {
                    n as u32
                } else {
                    w.head as u32 - 1
                }
            })
            .collect();
        projectivize(&mut heads);
        Some(Example {
            forms: s.words.iter().map(|w| w.form.as_str()).collect(),
            tags: s
                .words
                .iter()
                .map(|w| tag_code(upos(&w.upos), xpos(&w.xpos)))
                .collect(),
            punct: s
                .words
                .iter()
                .map(|w| upos(&w.upos) == Upos::Punct)
                .collect(),
            heads,
            labels: s
                .words
                .iter()
                .map(|w| Deprel::parse_lenient(&w.deprel).unwrap_or_default().index() as u8)
                .collect(),
        })
    }
}

fn upos(s: &str) -> Upos {
    Upos::parse(s).unwrap_or_default()
}

fn xpos(s: &str) -> Xpos {
    Xpos::parse(s).unwrap_or_default()
}

impl Parser {
    /// Trains a parser on `train` (gold tags and trees) and reports each epoch's dev figures
    /// on `dev` (whose tags should be the tagger's, as at run time). Deterministic: the same
    /// data and options give the same model. The model of the last epoch is returned.
    pub fn train(
        train: &[Sentence],
        dev: &[Sentence],
        opts: &TrainOptions,
        report: &mut dyn FnMut(&EpochReport),
    ) -> Parser {
        let examples: Vec<Example> = train.iter().filter_map(Example::of).collect();
        let (th, lh) = Parser::hashers();
        let mut transitions = Trainer::new(Move::CLASSES);
        let mut labels = Trainer::new(Deprel::count());
        let root = Deprel::root().index();
        let mut state = State::new();
        let mut atoms = Atoms::default();
        let mut feats = Vec::with_capacity(96);
        let mut scores = vec![0i64; Deprel::count()];
        let mut rng = opts.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        let mut parser = None;
        for epoch in 1..=opts.epochs.max(1) {
            let start = Instant::now();
            let (mut right, mut total) = (0usize, 0usize);
            for i in shuffled(examples.len(), opts.seed, epoch) {
                let ex = &examples[i];
                let gold = Gold { heads: &ex.heads };
                atoms.fill(&ex.forms, &ex.tags);
                state.reset(ex.forms.len());
                state.mark_leaves(ex.punct.iter().copied());
                while !state.is_final() {
                    extract(&th, &atoms, &state, &mut feats);
                    transitions.scores(&feats, &mut scores[..Move::CLASSES]);
                    let (guess, truth) = guess_and_truth(&scores[..Move::CLASSES], &state, &gold);
                    transitions.update(&feats, truth.class(), guess.class());
                    right += (guess == truth) as usize;
                    total += 1;
                    rng = rng
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    let explore = epoch > 1 && !(rng >> 33).is_multiple_of(10);
                    let kind = if explore { guess } else { truth };
                    let label = match arc_of(kind, &state) {
                        Some((head, _)) if head >= state.n => root as u8,
                        Some((head, dep)) => {
                            extract_label(&lh, &atoms, &state, head, dep, &mut feats);
                            let guess = labels.predict(&feats, |c| c != root).unwrap_or_default();
                            if ex.heads[dep] as usize == head {
                                let gold = ex.labels[dep] as usize;
                                labels.update(&feats, gold, guess);
                                gold as u8
                            } else {
                                guess as u8
                            }
                        }
                        None => 0,
                    };
                    state.apply(Move::of_class(kind.class(), label));
                }
            }
            let mut p = Parser {
                model: transitions.finish(opts.prune),
                labeler: labels.finish(opts.prune),
                beam: 1,
                margin: i64::MAX,
                meta: serde_json::json!({
                    "epochs": epoch,
                    "seed": opts.seed,
                    "prune": opts.prune,
                    "train_sentences": examples.len(),
                }),
            };
            let accuracy = right as f64 / total.max(1) as f64;
            close_epoch(&mut p, dev, (epoch, accuracy, start), report);
            parser = Some(p);
        }
        parser.expect("at least one epoch")
    }
}

/// Scores the model of an epoch on `dev`, records the figures in its facts and reports them
/// with the epoch's number, training accuracy and start time.
pub(super) fn close_epoch(
    p: &mut Parser,
    dev: &[Sentence],
    (epoch, train_accuracy, start): (usize, f64, Instant),
    report: &mut dyn FnMut(&EpochReport),
) {
    let (uas, las) = evaluate(p, dev);
    p.meta["dev_uas"] = serde_json::json!(uas);
    p.meta["dev_las"] = serde_json::json!(las);
    report(&EpochReport {
        epoch,
        train_accuracy,
        dev: vec![("UAS", uas), ("LAS", las)],
        seconds: start.elapsed().as_secs_f64(),
    });
}

/// The model's best valid transition, and the best-scoring valid transition of zero cost.
fn guess_and_truth(scores: &[i64], state: &State, gold: &Gold) -> (Move, Move) {
    let mut guess: Option<(Move, i64)> = None;
    let mut truth: Option<(Move, i64, u32)> = None;
    for (c, &s) in scores.iter().enumerate() {
        let m = Move::of_class(c, 0);
        if !state.valid(m) {
            continue;
        }
        if guess.is_none_or(|(_, b)| s > b) {
            guess = Some((m, s));
        }
        let cost = gold.cost(state, m);
        if truth.is_none_or(|(_, b, bc)| cost < bc || (cost == bc && s > b)) {
            truth = Some((m, s, cost));
        }
    }
    let guess = guess.map(|g| g.0).unwrap_or(Move::Shift);
    let truth = truth.map(|t| t.0).unwrap_or(guess);
    (guess, truth)
}

/// Unlabelled and labelled attachment scores of `parser` on `sentences` with their own tags
/// (punctuation included; labels compared on their universal part, as the UD scorer does).
pub fn evaluate(parser: &Parser, sentences: &[Sentence]) -> (f64, f64) {
    let mut buffers = ParseBuffers::default();
    let (mut uas, mut las, mut n) = (0usize, 0usize, 0usize);
    for s in sentences {
        let mut pred = s.clone();
        parser.parse_sentence(&mut pred, &mut buffers);
        for (g, p) in s.words.iter().zip(&pred.words) {
            n += 1;
            if g.head == p.head {
                uas += 1;
                let universal = |r: &str| r.split(':').next().unwrap_or("").to_string();
                las += (universal(&g.deprel) == universal(&p.deprel)) as usize;
            }
        }
    }
    let n = n.max(1) as f64;
    (uas as f64 / n, las as f64 / n)
}
