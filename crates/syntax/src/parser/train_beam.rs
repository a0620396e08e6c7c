//! Training the parser for beam search: a global perceptron (Collins and Roark 2004; Zhang
//! and Clark 2008) with the max-violation update (Huang, Fayong and Guo 2012).
//!
//! Each training sentence is searched with the beam the model will parse with. The gold
//! sequence is the oracle's: at every step the cheapest valid transition (left, right, reduce,
//! shift, in that order of preference), arcs labelled as the label classifier names them, so
//! that the gold sequence's states are the beam's own when it holds them. Where the beam's
//! best prefix outscores the gold prefix of the same length by the most, the weights move
//! towards every transition of the gold prefix and away from every transition of the
//! predicted one (the common beginning cancels out). The label classifier learns from the
//! arcs of the beam's best parse that have the right head (states like those it labels when
//! parsing) and from the gold tree's arcs.

use std::time::Instant;

use storyline_learn::{FeatureHasher, Trainer};
use storyline_record::Deprel;

use super::beam::Beam;
use super::cache::ScoreCache;
use super::features::{extract, extract_label, Atoms};
use super::oracle::Gold;
use super::state::{Move, State};
use super::train::{close_epoch, Example};
use super::{arc_of, labelled, Parser};
use crate::conllu::Sentence;
use crate::train::{shuffled, EpochReport, TrainOptions};

/// The two classifiers being trained.
struct Learners {
    transitions: Trainer,
    labels: Trainer,
}

/// Buffers of the search over one sentence, reused.
#[derive(Default)]
struct Search {
    start: State,
    gold: State,
    pred: State,
    beam: Beam,
    cache: ScoreCache,
    atoms: Atoms,
    feats: Vec<u64>,
    gold_moves: Vec<Move>,
    /// The gold prefix's total score after each step.
    gold_totals: Vec<i64>,
}

impl Parser {
    /// Trains a parser with a beam of `width` parses (see the module docs) that parses with
    /// a beam of `parse_width`, reporting each epoch's dev figures on `dev` (parsed so).
    /// Deterministic: the same data and options give the same model. The model of the last
    /// epoch is returned.
    pub fn train_beam(
        train: &[Sentence],
        dev: &[Sentence],
        opts: &TrainOptions,
        (width, parse_width): (usize, usize),
        report: &mut dyn FnMut(&EpochReport),
    ) -> Parser {
        let (width, parse_width) = (width.max(1), parse_width.max(1));
        let examples: Vec<Example> = train.iter().filter_map(Example::of).collect();
        let (th, lh) = Parser::hashers();
        let mut learners = Learners {
            transitions: Trainer::new(Move::CLASSES),
            labels: Trainer::new(Deprel::count()),
        };
        let mut search = Search::default();
        let mut parser = None;
        for epoch in 1..=opts.epochs.max(1) {
            let start = Instant::now();
            let mut right = 0usize;
            for i in shuffled(examples.len(), opts.seed, epoch) {
                right += search.learn(&examples[i], width, &mut learners, &th, &lh) as usize;
            }
            let mut p = Parser {
                model: learners.transitions.finish(opts.prune),
                labeler: learners.labels.finish(opts.prune),
                beam: parse_width,
                margin: i64::MAX,
                meta: serde_json::json!({
                    "epochs": epoch,
                    "seed": opts.seed,
                    "prune": opts.prune,
                    "train_beam": width,
                    "beam": parse_width,
                    "train_sentences": examples.len(),
                }),
            };
            let accuracy = right as f64 / examples.len().max(1) as f64;
            close_epoch(&mut p, dev, (epoch, accuracy, start), report);
            parser = Some(p);
        }
        parser.expect("at least one epoch")
    }
}

impl Search {
    /// Searches `ex` with the current weights, updates them, and tells whether the beam's
    /// best parse was the gold sequence.
    fn learn(
        &mut self,
        ex: &Example,
        width: usize,
        learners: &mut Learners,
        th: &FeatureHasher,
        lh: &FeatureHasher,
    ) -> bool {
        let n = ex.forms.len();
        self.atoms.fill(&ex.forms, &ex.tags);
        self.start.reset(n);
        self.start.mark_leaves(ex.punct.iter().copied());
        self.cache.reset(n);
        let gold = Gold { heads: &ex.heads };
        let Search {
            start,
            gold: gold_state,
            pred,
            beam,
            cache,
            atoms,
            feats,
            gold_moves,
            gold_totals,
        } = self;
        let (tr, lab) = (&learners.transitions, &learners.labels);

        // The gold sequence and its running score.
        gold_state.copy_from(start);
        gold_moves.clear();
        gold_totals.clear();
        let mut total = 0i64;
        while !gold_state.is_final() {
            let scores = cache.scores(tr, th, atoms, gold_state);
            let kind = oracle_move(gold_state, &gold);
            total += scores[kind.class()] as i64;
            let m = labelled(kind, gold_state, |st, h, d| {
                predicted_label(lab, lh, atoms, st, (h, d), feats)
            });
            gold_state.apply(m);
            gold_moves.push(m);
            gold_totals.push(total);
        }

        // The beam, and the step where it beats the gold prefix by the most.
        beam.reset(start);
        let mut gold_at = Some(0usize);
        let mut worst: Option<(i64, usize)> = None;
        for (t, (&gm, &gt)) in gold_moves.iter().zip(gold_totals.iter()).enumerate() {
            beam.advance(
                width,
                i64::MAX,
                |st| cache.scores(tr, th, atoms, st),
                |st, h, d| predicted_label(lab, lh, atoms, st, (h, d), feats),
            );
            gold_at = gold_at.and_then(|g| {
                beam.history[t]
                    .iter()
                    .position(|s| s.parent as usize == g && s.m == gm)
            });
            let violation = beam.scores[0] - gt;
            if gold_at != Some(0) && violation >= 0 && worst.is_none_or(|(w, _)| violation > w) {
                worst = Some((violation, t));
            }
        }
        let found = gold_at == Some(0);

        // The update: gold prefix up, predicted prefix down, from where they part.
        let tr = &mut learners.transitions;
        if let Some((_, t)) = worst {
            let predicted = beam.moves(t, 0);
            gold_state.copy_from(start);
            pred.copy_from(start);
            let mut parted = false;
            for (&g, &p) in gold_moves[..=t].iter().zip(&predicted) {
                parted |= g != p;
                if parted {
                    extract(th, atoms, gold_state, feats);
                    tr.adjust(feats, g.class(), 1);
                    extract(th, atoms, pred, feats);
                    tr.adjust(feats, p.class(), -1);
                }
                gold_state.apply(g);
                pred.apply(p);
            }
        }
        tr.tick();

        // The label classifier, on the arcs of the beam's best parse whose head is right
        // (states like those it labels at run time), then on the gold tree's arcs.
        // The gold tree's arcs are those of the gold sequence's transitions (its labels were
        // the classifier's guesses; here each arc takes its gold label).
        let lab = &mut learners.labels;
        let mut learn = |st: &State, head: usize, dep: usize| {
            extract_label(lh, atoms, st, head, dep, feats);
            let root = Deprel::root().index();
            let guess = lab.predict(feats, |c| c != root).unwrap_or_default();
            lab.update(feats, ex.labels[dep] as usize, guess);
        };
        pred.copy_from(start);
        for m in beam.moves(gold_moves.len().saturating_sub(1), 0) {
            if let Some((head, dep)) = arc_of(m, pred) {
                if head < n && ex.heads[dep] as usize == head {
                    learn(pred, head, dep);
                }
            }
            pred.apply(m);
        }
        gold_state.copy_from(start);
        for &gm in gold_moves.iter() {
            let m = labelled(
                Move::of_class(gm.class(), 0),
                gold_state,
                |st, head, dep| {
                    if head >= st.n {
                        return Deprel::root().index() as u8;
                    }
                    learn(st, head, dep);
                    ex.labels[dep]
                },
            );
            gold_state.apply(m);
        }
        found
    }
}

/// The label the label classifier gives the arc now (`root` for an arc from the root).
fn predicted_label(
    lab: &Trainer,
    lh: &FeatureHasher,
    atoms: &Atoms,
    st: &State,
    (head, dep): (usize, usize),
    feats: &mut Vec<u64>,
) -> u8 {
    let root = Deprel::root().index();
    if head >= st.n {
        return root as u8;
    }
    extract_label(lh, atoms, st, head, dep, feats);
    lab.predict(feats, |c| c != root).unwrap_or_default() as u8
}

/// The oracle's transition: the cheapest valid one, preferring left, right, reduce, shift.
fn oracle_move(st: &State, gold: &Gold) -> Move {
    let mut best: Option<(Move, u32)> = None;
    for class in [2, 3, 1, 0] {
        let m = Move::of_class(class, 0);
        if st.valid(m) {
            let cost = gold.cost(st, m);
            if best.is_none_or(|(_, c)| cost < c) {
                best = Some((m, cost));
            }
        }
    }
    best.map_or(Move::Shift, |(m, _)| m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu;
    use crate::parser::tests::SAMPLE;
    use crate::parser::train::evaluate;

    #[test]
    fn a_beam_model_learns_a_tiny_treebank_and_keeps_its_width() {
        let (train, errors) = conllu::read(SAMPLE);
        assert!(errors.is_empty());
        let opts = TrainOptions {
            epochs: 10,
            ..TrainOptions::default()
        };
        let parser = Parser::train_beam(&train, &train, &opts, (4, 3), &mut |_| {});
        assert_eq!(parser.beam(), 3);
        let (uas, las) = evaluate(&parser, &train);
        assert!(uas > 0.9 && las > 0.9, "UAS {uas} LAS {las}");
        let mut bytes = Vec::new();
        parser.write(&mut bytes).unwrap();
        let back = Parser::from_bytes(&bytes).unwrap();
        assert_eq!(back.beam(), 3);
        assert_eq!(evaluate(&back, &train), (uas, las));
    }

    #[test]
    fn the_oracle_sequence_rebuilds_the_gold_tree() {
        let (train, _) = conllu::read(SAMPLE);
        for s in &train {
            let ex = Example::of(s).unwrap();
            let gold = Gold { heads: &ex.heads };
            let mut st = State::new();
            st.reset(ex.forms.len());
            st.mark_leaves(ex.punct.iter().copied());
            while !st.is_final() {
                let m = oracle_move(&st, &gold);
                assert_eq!(gold.cost(&st, m), 0);
                st.apply(m);
            }
            assert_eq!(&st.heads[..ex.forms.len()], &ex.heads[..]);
        }
    }
}
