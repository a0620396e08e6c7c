//! Beam search over arc-eager transitions (Zhang and Clark 2008; Zhang and Nivre 2011): the
//! `width` best partial parses, ranked by the sum of their transitions' scores, advance
//! together. Every parse of n words takes exactly 2n transitions (each word is pushed once
//! and popped once), so the beam's states stay in step and are compared at equal length.
//! A beam of width 1 is the greedy parser.

use super::cache::Scores;
use super::labelled;
use super::state::{Move, State};

/// How an item of the beam was made: its parent in the previous beam and the move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Step {
    pub parent: u32,
    pub m: Move,
}

/// The beam of one sentence, with buffers reused from sentence to sentence.
#[derive(Debug, Default)]
pub(crate) struct Beam {
    /// The items, best first.
    pub states: Vec<State>,
    /// Each item's total score.
    pub scores: Vec<i64>,
    /// For each step taken, how each item of the beam after it was made (training follows
    /// an item back through them).
    pub history: Vec<Vec<Step>>,
    next: Vec<State>,
    next_scores: Vec<i64>,
    /// Candidates of one step: total score, parent, transition class.
    cands: Vec<(i64, u32, u8)>,
    spare: Vec<State>,
}

impl Beam {
    /// Starts a search from `start` alone.
    pub fn reset(&mut self, start: &State) {
        self.spare.append(&mut self.states);
        self.spare.append(&mut self.next);
        let mut first = self.spare.pop().unwrap_or_default();
        first.copy_from(start);
        self.states.push(first);
        self.scores.clear();
        self.scores.push(0);
        self.history.clear();
    }

    /// Whether the items are complete parses (they all are at the same step).
    pub fn is_final(&self) -> bool {
        self.states.first().is_none_or(State::is_final)
    }

    /// Advances every item by each of its valid transitions, scored by `score`, and keeps
    /// the `width` best (ties: the earlier parent, then the lower class) that score no more
    /// than `margin` below the best. An arc's label is `label(state, head, dependent)`, asked
    /// only for the items kept.
    pub fn advance(
        &mut self,
        width: usize,
        margin: i64,
        mut score: impl FnMut(&State) -> Scores,
        mut label: impl FnMut(&State, usize, usize) -> u8,
    ) {
        self.cands.clear();
        for (i, st) in self.states.iter().enumerate() {
            let s = score(st);
            for (c, &sc) in s.iter().enumerate() {
                if st.valid(Move::of_class(c, 0)) {
                    self.cands
                        .push((self.scores[i] + sc as i64, i as u32, c as u8));
                }
            }
        }
        let order = |a: &(i64, u32, u8), b: &(i64, u32, u8)| {
            b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
        };
        let width = width.max(1);
        if self.cands.len() > width {
            self.cands.select_nth_unstable_by(width - 1, order);
            self.cands.truncate(width);
        }
        self.cands.sort_unstable_by(order);
        if let Some(&(best, _, _)) = self.cands.first() {
            let keep = self
                .cands
                .iter()
                .take_while(|c| best - c.0 <= margin)
                .count();
            self.cands.truncate(keep);
        }
        let mut steps = Vec::with_capacity(self.cands.len());
        for &(total, parent, class) in &self.cands {
            let st = &self.states[parent as usize];
            let m = labelled(Move::of_class(class as usize, 0), st, &mut label);
            let mut next = self.spare.pop().unwrap_or_default();
            next.copy_from(st);
            next.apply(m);
            self.next.push(next);
            self.next_scores.push(total);
            steps.push(Step { parent, m });
        }
        self.spare.append(&mut self.states);
        std::mem::swap(&mut self.states, &mut self.next);
        std::mem::swap(&mut self.scores, &mut self.next_scores);
        self.next_scores.clear();
        self.history.push(steps);
    }

    /// The moves that made item `item` of the beam after step `step`, first to last.
    pub fn moves(&self, step: usize, item: usize) -> Vec<Move> {
        let mut out = Vec::with_capacity(step + 1);
        let mut k = item;
        for t in (0..=step.min(self.history.len().saturating_sub(1))).rev() {
            let s = self.history[t][k];
            out.push(s.m);
            k = s.parent as usize;
        }
        out.reverse();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Scores that favour shifting, then arcs to the right.
    fn score(st: &State) -> Scores {
        [(st.n - st.b) as i32, 0, 1, 2]
    }

    #[test]
    fn every_item_is_a_complete_parse_after_two_n_steps() {
        let mut start = State::new();
        start.reset(5);
        let mut beam = Beam::default();
        for width in [1, 2, 8] {
            beam.reset(&start);
            let mut steps = 0;
            while !beam.is_final() {
                beam.advance(width, i64::MAX, score, |_, _, _| 3);
                steps += 1;
                assert!(beam.states.len() <= width);
                assert!(beam.scores.windows(2).all(|w| w[0] >= w[1]));
            }
            assert_eq!(steps, 10);
            assert!(beam.states.iter().all(State::is_final));
            // Following the history back replays the best item.
            let mut replay = start.clone();
            for m in beam.moves(steps - 1, 0) {
                assert!(replay.valid(m));
                replay.apply(m);
            }
            assert_eq!(replay.heads, beam.states[0].heads);
        }
    }

    #[test]
    fn a_margin_keeps_only_parses_close_to_the_best() {
        let mut start = State::new();
        start.reset(6);
        let mut wide = Beam::default();
        let mut narrow = Beam::default();
        wide.reset(&start);
        narrow.reset(&start);
        let mut pruned = false;
        while !wide.is_final() {
            wide.advance(8, i64::MAX, score, |_, _, _| 3);
            narrow.advance(8, 1, score, |_, _, _| 3);
            let best = narrow.scores[0];
            assert!(narrow.scores.iter().all(|&s| best - s <= 1));
            pruned |= narrow.states.len() < wide.states.len();
        }
        assert!(narrow.is_final());
        assert!(pruned);
    }
}
