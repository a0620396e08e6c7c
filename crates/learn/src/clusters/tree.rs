//! A binary hierarchy over the classes (the last phase of Brown et al. 1992): the two
//! classes whose merging loses the least of the bigram objective are merged, again and again,
//! until one is left; a class's path is the bits of the branches from the root down to it.
//!
//! The loss of every pair is kept in a table. Merging `i` and `j` changes the loss of another
//! pair `(a, b)` only through the cells of the columns and rows `i` and `j`, so each merge
//! updates the table in time proportional to its size (Brown et al.'s bookkeeping).

use super::exchange::{ClassCounts, XLogX};

/// Paths are cut to this many bits: features read short prefixes.
pub(super) const MAX_DEPTH: usize = 32;

struct Merger<'a> {
    n: usize,
    m: Vec<u64>,
    left: Vec<u64>,
    right: Vec<u64>,
    alive: Vec<bool>,
    /// Gain of merging `a < b` (negative: a loss), at `a * n + b`.
    gain: Vec<f64>,
    f: &'a XLogX,
}

impl Merger<'_> {
    #[inline]
    fn cell(&self, a: usize, b: usize) -> u64 {
        self.m[a * self.n + b]
    }

    /// What row and column `d` add to the gain of merging `a` and `b` (`d` not one of them).
    #[inline]
    fn through(&self, a: usize, b: usize, d: usize) -> f64 {
        let f = self.f;
        let (ad, bd) = (self.cell(a, d), self.cell(b, d));
        let (da, db) = (self.cell(d, a), self.cell(d, b));
        f.at(ad + bd) - f.at(ad) - f.at(bd) + f.at(da + db) - f.at(da) - f.at(db)
    }

    fn pair_gain(&self, a: usize, b: usize) -> f64 {
        let f = self.f;
        let mut g: f64 = (0..self.n)
            .filter(|&d| self.alive[d] && d != a && d != b)
            .map(|d| self.through(a, b, d))
            .sum();
        let corner = [(a, a), (a, b), (b, a), (b, b)].map(|(x, y)| self.cell(x, y));
        g += f.at(corner.iter().sum()) - corner.iter().map(|&x| f.at(x)).sum::<f64>();
        let (la, lb, ra, rb) = (self.left[a], self.left[b], self.right[a], self.right[b]);
        g -= f.at(la + lb) - f.at(la) - f.at(lb);
        g -= f.at(ra + rb) - f.at(ra) - f.at(rb);
        g
    }

    fn pairs(&self) -> Vec<(usize, usize)> {
        let live: Vec<usize> = (0..self.n).filter(|&c| self.alive[c]).collect();
        let mut out = Vec::new();
        for (x, &a) in live.iter().enumerate() {
            out.extend(live[x + 1..].iter().map(|&b| (a, b)));
        }
        out
    }

    /// Adds (`sign` 1) or takes away (-1) what row and column `d` give every other pair.
    fn adjust_others(&mut self, d: usize, others: &[(usize, usize)], sign: f64) {
        for &(a, b) in others {
            let t = self.through(a, b, d);
            self.gain[a * self.n + b] += sign * t;
        }
    }

    /// Merges class `j` into class `i`.
    fn merge(&mut self, i: usize, j: usize) {
        let n = self.n;
        let others: Vec<(usize, usize)> = self
            .pairs()
            .into_iter()
            .filter(|&(a, b)| a != i && a != j && b != i && b != j)
            .collect();
        self.adjust_others(i, &others, -1.0);
        self.adjust_others(j, &others, -1.0);
        let corner = self.cell(i, i) + self.cell(i, j) + self.cell(j, i) + self.cell(j, j);
        for d in 0..n {
            if d != i && d != j {
                self.m[i * n + d] += self.m[j * n + d];
                self.m[d * n + i] += self.m[d * n + j];
            }
        }
        self.m[i * n + i] = corner;
        for d in 0..n {
            self.m[j * n + d] = 0;
            self.m[d * n + j] = 0;
        }
        self.left[i] += self.left[j];
        self.right[i] += self.right[j];
        self.alive[j] = false;
        self.adjust_others(i, &others, 1.0);
        for d in 0..n {
            if self.alive[d] && d != i {
                let (a, b) = (d.min(i), d.max(i));
                self.gain[a * n + b] = self.pair_gain(a, b);
            }
        }
    }
}

/// The path of every class from the root of the merge tree ('0' and '1'; `None` for a
/// class no word is in).
pub(super) fn paths(counts: &ClassCounts, f: &XLogX) -> Vec<Option<String>> {
    let n = counts.n;
    let mut mg = Merger {
        n,
        m: counts.pair.clone(),
        left: counts.left.clone(),
        right: counts.right.clone(),
        alive: (0..n)
            .map(|c| counts.left[c] + counts.right[c] > 0)
            .collect(),
        gain: vec![0.0; n * n],
        f,
    };
    for (a, b) in mg.pairs() {
        mg.gain[a * n + b] = mg.pair_gain(a, b);
    }
    // Tree nodes: the classes, then one node per merge with its two children.
    let mut children: Vec<Option<(usize, usize)>> = vec![None; n];
    let mut node: Vec<usize> = (0..n).collect();
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for (a, b) in mg.pairs() {
            let g = mg.gain[a * n + b];
            if best.is_none_or(|(bg, _, _)| g > bg) {
                best = Some((g, a, b));
            }
        }
        let Some((_, i, j)) = best else { break };
        mg.merge(i, j);
        children.push(Some((node[i], node[j])));
        node[i] = children.len() - 1;
    }
    let mut out = vec![None; n];
    let Some(root) = (0..n).find(|&c| mg.alive[c]).map(|c| node[c]) else {
        return out;
    };
    let mut stack = vec![(root, String::new())];
    while let Some((at, path)) = stack.pop() {
        match children[at] {
            Some((zero, one)) => {
                let extend = |bit: char| {
                    let mut p = path.clone();
                    if p.len() < MAX_DEPTH {
                        p.push(bit);
                    }
                    p
                };
                stack.push((one, extend('1')));
                stack.push((zero, extend('0')));
            }
            None => out[at] = Some(path),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn incremental_gains_match_gains_recomputed() {
        // Four classes with some structure: 0 and 1 alike, 2 and 3 alike.
        let pair = vec![
            0, 1, 9, 8, //
            1, 0, 8, 9, //
            7, 9, 0, 1, //
            9, 7, 1, 0,
        ];
        let counts = ClassCounts {
            n: 4,
            left: (0..4)
                .map(|c| pair[c * 4..c * 4 + 4].iter().sum())
                .collect(),
            right: (0..4)
                .map(|d| (0..4).map(|c| pair[c * 4 + d]).sum())
                .collect(),
            pair,
        };
        let f = XLogX::new(200);
        let mut mg = Merger {
            n: 4,
            m: counts.pair.clone(),
            left: counts.left.clone(),
            right: counts.right.clone(),
            alive: vec![true; 4],
            gain: vec![0.0; 16],
            f: &f,
        };
        for (a, b) in mg.pairs() {
            mg.gain[a * 4 + b] = mg.pair_gain(a, b);
        }
        mg.merge(0, 1);
        for (a, b) in mg.pairs() {
            assert!((mg.gain[a * 4 + b] - mg.pair_gain(a, b)).abs() < 1e-9);
        }
        let p = paths(&counts, &f);
        let p: Vec<String> = p.into_iter().map(Option::unwrap).collect();
        // Classes that behave alike share the first branch.
        assert_eq!(p[0][..1], p[1][..1]);
        assert_eq!(p[2][..1], p[3][..1]);
        assert_ne!(p[0][..1], p[2][..1]);
    }
}
