//! The arc-eager transition system (Nivre 2003) with the root at the end of the buffer
//! (Ballesteros and Nivre 2013): words `0..n`, the artificial root is position `n`.
//!
//! Transitions: SHIFT pushes the buffer front; REDUCE pops a stack word that has its head;
//! LEFT-l makes the buffer front the head of the stack top (label l) and pops it; RIGHT-l makes
//! the stack top the head of the buffer front (label l) and pushes it. The root is never
//! pushed: every word still headless when the buffer holds only the root is attached to it by
//! LEFT-root. Each word is shifted once and popped once, so a sentence of n words takes at most
//! 2n transitions: parsing is linear.

/// No head yet.
pub(crate) const NONE: u32 = u32::MAX;

/// A transition; labelled ones carry the relation index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Move {
    Shift,
    Reduce,
    Left(u8),
    Right(u8),
}

impl Move {
    /// Class index in the transition model: shift, reduce, left, right (labels are the
    /// label classifier's).
    pub fn class(self) -> usize {
        match self {
            Move::Shift => 0,
            Move::Reduce => 1,
            Move::Left(_) => 2,
            Move::Right(_) => 3,
        }
    }

    /// The transition of class `c`, with label `label` for arcs.
    pub fn of_class(c: usize, label: u8) -> Move {
        match c {
            0 => Move::Shift,
            1 => Move::Reduce,
            2 => Move::Left(label),
            _ => Move::Right(label),
        }
    }

    /// Number of transition classes.
    pub const CLASSES: usize = 4;
}

/// A parser configuration.
#[derive(Debug, Clone)]
pub(crate) struct State {
    /// Number of words; the root is position `n`.
    pub n: usize,
    pub stack: Vec<u32>,
    /// Buffer front; `n` when only the root is left.
    pub b: usize,
    pub heads: Vec<u32>,
    pub labels: Vec<u8>,
    /// Leftmost and second-leftmost dependents, rightmost and second-rightmost.
    pub l1: Vec<u32>,
    pub l2: Vec<u32>,
    pub r1: Vec<u32>,
    pub r2: Vec<u32>,
    /// Number of left and right dependents.
    pub nl: Vec<u8>,
    pub nr: Vec<u8>,
    /// Relations of the left and right dependents, as bit sets.
    pub lset: Vec<u64>,
    pub rset: Vec<u64>,
    /// Words that take no dependents: punctuation (the treebanks hardly ever hang a word
    /// from it). Filled after [`State::reset`]; empty means none.
    pub leaves: Vec<bool>,
}

impl Default for State {
    fn default() -> Self {
        State::new()
    }
}

impl State {
    /// The initial configuration for `n` words (reusing buffers).
    pub fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.b = 0;
        for v in [
            &mut self.heads,
            &mut self.l1,
            &mut self.l2,
            &mut self.r1,
            &mut self.r2,
        ] {
            v.clear();
            v.resize(n + 1, NONE);
        }
        self.labels.clear();
        self.labels.resize(n + 1, 0);
        self.nl.clear();
        self.nl.resize(n + 1, 0);
        self.nr.clear();
        self.nr.resize(n + 1, 0);
        self.lset.clear();
        self.lset.resize(n + 1, 0);
        self.rset.clear();
        self.rset.resize(n + 1, 0);
        self.leaves.clear();
    }

    /// Marks the words that take no dependents (after [`State::reset`]), one flag a word.
    pub fn mark_leaves(&mut self, leaves: impl IntoIterator<Item = bool>) {
        self.leaves.clear();
        self.leaves.extend(leaves);
    }

    /// An empty state (call [`State::reset`] before use).
    pub fn new() -> State {
        State {
            n: 0,
            stack: Vec::new(),
            b: 0,
            heads: Vec::new(),
            labels: Vec::new(),
            l1: Vec::new(),
            l2: Vec::new(),
            r1: Vec::new(),
            r2: Vec::new(),
            nl: Vec::new(),
            nr: Vec::new(),
            lset: Vec::new(),
            rset: Vec::new(),
            leaves: Vec::new(),
        }
    }

    /// Makes this state a copy of `other`, reusing its buffers (beam search copies states at
    /// every step).
    pub fn copy_from(&mut self, other: &State) {
        self.n = other.n;
        self.b = other.b;
        self.stack.clone_from(&other.stack);
        self.heads.clone_from(&other.heads);
        self.labels.clone_from(&other.labels);
        self.l1.clone_from(&other.l1);
        self.l2.clone_from(&other.l2);
        self.r1.clone_from(&other.r1);
        self.r2.clone_from(&other.r2);
        self.nl.clone_from(&other.nl);
        self.nr.clone_from(&other.nr);
        self.lset.clone_from(&other.lset);
        self.rset.clone_from(&other.rset);
        self.leaves.clone_from(&other.leaves);
    }

    /// Whether parsing is over.
    pub fn is_final(&self) -> bool {
        self.b >= self.n && self.stack.is_empty()
    }

    /// Whether only the root is left in the buffer (a LEFT arc then attaches to the root).
    pub fn at_root(&self) -> bool {
        self.b >= self.n
    }

    /// Stack top.
    pub fn s0(&self) -> Option<usize> {
        self.stack.last().map(|&s| s as usize)
    }

    /// Whether `m` may be applied now.
    pub fn valid(&self, m: Move) -> bool {
        let at_root = self.at_root();
        let leaf = |i: usize| self.leaves.get(i).copied().unwrap_or(false);
        match (m, self.s0()) {
            (Move::Shift, _) => !at_root,
            (Move::Reduce, Some(s)) => self.heads[s] != NONE,
            (Move::Left(_), Some(s)) => self.heads[s] == NONE && !leaf(self.b),
            (Move::Right(_), Some(s)) => !at_root && !leaf(s),
            (_, None) => false,
        }
    }

    /// Applies `m` (which must be valid).
    pub fn apply(&mut self, m: Move) {
        match m {
            Move::Shift => {
                self.stack.push(self.b as u32);
                self.b += 1;
            }
            Move::Reduce => {
                self.stack.pop();
            }
            Move::Left(l) => {
                let s = self.stack.pop().expect("valid LEFT has a stack") as usize;
                let h = self.b;
                self.heads[s] = h as u32;
                self.labels[s] = l;
                self.l2[h] = self.l1[h];
                self.l1[h] = s as u32;
                self.nl[h] = self.nl[h].saturating_add(1);
                self.lset[h] |= 1 << (l % 64);
            }
            Move::Right(l) => {
                let h = *self.stack.last().expect("valid RIGHT has a stack") as usize;
                let d = self.b;
                self.heads[d] = h as u32;
                self.labels[d] = l;
                self.r2[h] = self.r1[h];
                self.r1[h] = d as u32;
                self.nr[h] = self.nr[h].saturating_add(1);
                self.rset[h] |= 1 << (l % 64);
                self.stack.push(d as u32);
                self.b += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_record::Deprel;

    #[test]
    fn classes_round_trip() {
        for c in 0..Move::CLASSES {
            assert_eq!(Move::of_class(c, 3).class(), c);
        }
    }

    #[test]
    fn a_sentence_parses_in_two_n_moves() {
        // "troops arrived ." : troops <-nsubj- arrived -> .
        let nsubj = Deprel::parse("nsubj").unwrap().index() as u8;
        let punct = Deprel::parse("punct").unwrap().index() as u8;
        let root = Deprel::root().index() as u8;
        let mut s = State::new();
        s.reset(3);
        for m in [
            Move::Shift,
            Move::Left(nsubj),
            Move::Shift,
            Move::Right(punct),
            Move::Reduce,
            Move::Left(root),
        ] {
            assert!(s.valid(m), "{m:?}");
            s.apply(m);
        }
        assert!(s.is_final());
        assert_eq!(&s.heads[..3], &[1, 3, 1]);
        assert!(!s.valid(Move::Shift));
    }
}
