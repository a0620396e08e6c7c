//! The dynamic oracle of arc-eager (Goldberg and Nivre 2012, 2013): the cost of a transition
//! is the number of gold arcs it makes unreachable, so training can follow the model's own
//! (wrong) moves and still learn the best continuation from there. Exact for projective gold
//! trees; training trees are made projective first ([`projectivize`]).

use super::state::{Move, State, NONE};

/// Gold tree of a training sentence: heads (root = `n`).
pub(crate) struct Gold<'g> {
    pub heads: &'g [u32],
}

impl Gold<'_> {
    /// Cost of `m` in `state`: the gold arcs it makes unreachable (labels aside: the label
    /// classifier learns those).
    pub fn cost(&self, state: &State, m: Move) -> u32 {
        let g = self.heads;
        let b = state.b;
        let n = state.n;
        let in_stack = |k: u32| state.stack.contains(&k);
        let buffer = b..n;
        match m {
            Move::Shift => {
                // b loses its head in the stack and its headless dependents there.
                let gb = g[b];
                state
                    .stack
                    .iter()
                    .filter(|&&k| {
                        gb == k || (g[k as usize] == b as u32 && state.heads[k as usize] == NONE)
                    })
                    .count() as u32
            }
            Move::Reduce => {
                let s = state.s0().expect("valid REDUCE has a stack") as u32;
                buffer.filter(|&k| g[k] == s).count() as u32
            }
            Move::Left(_) => {
                let s = state.s0().expect("valid LEFT has a stack");
                let head_lost = g[s] != b as u32 && (g[s] as usize) > b;
                let deps_lost = buffer.filter(|&k| g[k] == s as u32).count() as u32;
                head_lost as u32 + deps_lost
            }
            Move::Right(_) => {
                let s = state.s0().expect("valid RIGHT has a stack") as u32;
                let gb = g[b];
                let head_lost = gb != s && (in_stack(gb) || gb as usize > b);
                let deps_lost = state
                    .stack
                    .iter()
                    .filter(|&&k| g[k as usize] == b as u32 && state.heads[k as usize] == NONE)
                    .count() as u32;
                head_lost as u32 + deps_lost
            }
        }
    }
}

/// Makes a tree projective by lifting: while an arc crosses another, the shortest such arc's
/// dependent is reattached to its head's head (Nivre and Nilsson 2005, without label encoding).
/// `heads[i]` is the head of word `i`, `n` (= `heads.len()`) for the root.
pub(crate) fn projectivize(heads: &mut [u32]) {
    let n = heads.len();
    for _ in 0..n * n {
        let mut shortest: Option<(usize, usize)> = None;
        for d in 0..n {
            let h = heads[d] as usize;
            if h >= n || is_projective_arc(heads, h, d) {
                continue;
            }
            let len = h.abs_diff(d);
            if shortest.is_none_or(|(_, l)| len < l) {
                shortest = Some((d, len));
            }
        }
        match shortest {
            Some((d, _)) => heads[d] = heads[heads[d] as usize],
            None => return,
        }
    }
}

/// Whether every word strictly between `h` and `d` is dominated by `h`.
fn is_projective_arc(heads: &[u32], h: usize, d: usize) -> bool {
    let n = heads.len();
    let (lo, hi) = if h < d { (h, d) } else { (d, h) };
    (lo + 1..hi).all(|mut k| {
        for _ in 0..=n {
            if k == h {
                return true;
            }
            if k >= n {
                return false;
            }
            k = heads[k] as usize;
        }
        false
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_record::Deprel;

    fn label(name: &str) -> u8 {
        Deprel::parse(name).unwrap().index() as u8
    }

    /// Following zero-cost moves from the start always rebuilds the gold tree.
    #[test]
    fn zero_cost_moves_rebuild_the_gold_tree() {
        // "The troops arrived in Kyiv ." with root = 6.
        let heads = [1, 2, 6, 4, 2, 2];
        let names = ["det", "nsubj", "root", "case", "obl", "punct"];
        let labels: Vec<u8> = names.iter().map(|n| label(n)).collect();
        let gold = Gold { heads: &heads };
        let mut s = State::new();
        s.reset(6);
        while !s.is_final() {
            let m = (0..Move::CLASSES)
                .map(|c| {
                    let dep = match c {
                        2 => s.s0().unwrap_or(0),
                        _ => s.b,
                    };
                    Move::of_class(c, labels.get(dep).copied().unwrap_or(0))
                })
                .find(|&m| s.valid(m) && gold.cost(&s, m) == 0)
                .expect("a zero-cost move exists");
            s.apply(m);
        }
        assert_eq!(&s.heads[..6], &heads);
        assert_eq!(&s.labels[..6], &labels[..]);
    }

    #[test]
    fn lifting_removes_crossing_arcs() {
        // 0 <- 2, 1 <- 3 crosses 0..2? heads: 0->2, 1->3, 2->4(root), 3->2
        let mut heads = vec![2, 3, 4, 2];
        projectivize(&mut heads);
        for d in 0..4 {
            let h = heads[d] as usize;
            if h < 4 {
                assert!(is_projective_arc(&heads, h, d), "{heads:?}");
            }
        }
    }
}
