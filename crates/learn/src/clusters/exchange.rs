//! The exchange algorithm (Kneser and Ney 1993; Martin, Liermann and Ney 1998): words are
//! moved one at a time to the class that most raises the likelihood of a class bigram model
//! of the text, until no move helps or the passes run out.
//!
//! The objective, up to terms that do not depend on the classes, is
//! `Σ f(N(c,d)) − Σ f(L(c)) − Σ f(R(d))` with `f(x) = x ln x`, `N(c,d)` the count of bigrams
//! whose first word is in class `c` and second in `d`, `L` and `R` the class counts as first
//! and second word. Moving word `w` only changes the row and column of its old and new
//! class, so trying every class costs the number of classes times the number of distinct
//! classes next to `w`.

use super::bigrams::Bigrams;

/// `f(x) = x ln x`, from a table for the counts most cells hold (up to the number of bigrams,
/// at most [`TABLE_MAX`]), computed beyond it.
pub(super) struct XLogX(Vec<f64>);

/// Largest count the table holds (32 MB of table; larger counts are few).
const TABLE_MAX: u64 = 1 << 22;

fn x_log_x(x: u64) -> f64 {
    if x == 0 {
        0.0
    } else {
        x as f64 * (x as f64).ln()
    }
}

impl XLogX {
    /// The table for counts up to `max`.
    pub fn new(max: u64) -> XLogX {
        XLogX((0..=max.min(TABLE_MAX)).map(x_log_x).collect())
    }

    /// `x ln x`.
    #[inline]
    pub fn at(&self, x: u64) -> f64 {
        match self.0.get(x as usize) {
            Some(&f) => f,
            None => x_log_x(x),
        }
    }
}

/// The class bigram counts of the current assignment.
pub(super) struct ClassCounts {
    /// Number of classes.
    pub n: usize,
    /// `N(c,d)` at `c * n + d`.
    pub pair: Vec<u64>,
    /// Class counts as first word of a bigram.
    pub left: Vec<u64>,
    /// Class counts as second word.
    pub right: Vec<u64>,
}

impl ClassCounts {
    fn new(bigrams: &Bigrams, class: &[u32], n: usize) -> ClassCounts {
        let mut c = ClassCounts {
            n,
            pair: vec![0; n * n],
            left: vec![0; n],
            right: vec![0; n],
        };
        for w in 0..bigrams.words() {
            let cw = class[w] as usize;
            for &(v, count) in bigrams.after(w) {
                let cv = class[v as usize] as usize;
                c.pair[cw * n + cv] += count as u64;
                c.left[cw] += count as u64;
                c.right[cv] += count as u64;
            }
        }
        c
    }
}

/// One word's bigram counts by the class of the other word (the word itself apart).
#[derive(Default)]
struct Neighbours {
    /// Counts of `(w, v)` by the class of `v`, dense, and the classes touched.
    after: Vec<u64>,
    after_touched: Vec<usize>,
    /// Counts of `(v, w)` by the class of `v`.
    before: Vec<u64>,
    before_touched: Vec<usize>,
    /// Count of `(w, w)`.
    own: u64,
    /// All bigrams with `w` first, and with `w` second.
    out_total: u64,
    in_total: u64,
}

impl Neighbours {
    fn fill(&mut self, bigrams: &Bigrams, class: &[u32], w: usize, n: usize) {
        for &d in &self.after_touched {
            self.after[d] = 0;
        }
        for &c in &self.before_touched {
            self.before[c] = 0;
        }
        self.after.resize(n, 0);
        self.before.resize(n, 0);
        self.after_touched.clear();
        self.before_touched.clear();
        (self.own, self.out_total, self.in_total) = (0, 0, 0);
        for &(v, count) in bigrams.after(w) {
            let count = count as u64;
            self.out_total += count;
            if v as usize == w {
                self.own += count;
                continue;
            }
            let d = class[v as usize] as usize;
            if self.after[d] == 0 {
                self.after_touched.push(d);
            }
            self.after[d] += count;
        }
        for &(v, count) in bigrams.before(w) {
            let count = count as u64;
            self.in_total += count;
            if v as usize == w {
                continue;
            }
            let c = class[v as usize] as usize;
            if self.before[c] == 0 {
                self.before_touched.push(c);
            }
            self.before[c] += count;
        }
    }

    /// Adds (`add`) or removes the word's bigrams to or from class `k`.
    fn apply(&self, counts: &mut ClassCounts, k: usize, add: bool) {
        let n = counts.n;
        let op = |x: &mut u64, by: u64| {
            if add {
                *x += by
            } else {
                *x -= by
            }
        };
        for &d in &self.after_touched {
            op(&mut counts.pair[k * n + d], self.after[d]);
        }
        for &c in &self.before_touched {
            op(&mut counts.pair[c * n + k], self.before[c]);
        }
        op(&mut counts.pair[k * n + k], self.own);
        op(&mut counts.left[k], self.out_total);
        op(&mut counts.right[k], self.in_total);
    }

    /// How much the objective rises when the word (now in no class) joins class `k`.
    fn gain(&self, counts: &ClassCounts, k: usize, f: &XLogX) -> f64 {
        let n = counts.n;
        let mut g = 0.0;
        for &d in &self.after_touched {
            if d != k {
                let x = counts.pair[k * n + d];
                g += f.at(x + self.after[d]) - f.at(x);
            }
        }
        for &c in &self.before_touched {
            if c != k {
                let x = counts.pair[c * n + k];
                g += f.at(x + self.before[c]) - f.at(x);
            }
        }
        let x = counts.pair[k * n + k];
        g += f.at(x + self.after[k] + self.before[k] + self.own) - f.at(x);
        let (l, r) = (counts.left[k], counts.right[k]);
        g -= f.at(l + self.out_total) - f.at(l);
        g -= f.at(r + self.in_total) - f.at(r);
        g
    }
}

/// Assigns every word of `bigrams` to one of `n` classes: round robin in the words' order
/// (most frequent first), then at most `passes` passes of the exchange algorithm, each
/// reported to `progress` with the number of words it moved. Returns the classes and their
/// bigram counts.
pub(super) fn exchange(
    bigrams: &Bigrams,
    n: usize,
    passes: usize,
    f: &XLogX,
    progress: &mut dyn FnMut(usize, usize),
) -> (Vec<u32>, ClassCounts) {
    let mut class: Vec<u32> = (0..bigrams.words()).map(|w| (w % n) as u32).collect();
    let mut counts = ClassCounts::new(bigrams, &class, n);
    let mut nb = Neighbours::default();
    for pass in 0..passes {
        let mut moved = 0;
        for w in 0..bigrams.words() {
            nb.fill(bigrams, &class, w, n);
            let old = class[w] as usize;
            nb.apply(&mut counts, old, false);
            let (mut best, mut best_gain) = (old, nb.gain(&counts, old, f));
            for k in 0..n {
                let g = nb.gain(&counts, k, f);
                if g > best_gain + 1e-9 {
                    (best, best_gain) = (k, g);
                }
            }
            // Its neighbours' classes do not depend on its own: the counts stay valid.
            if best != old {
                moved += 1;
                class[w] = best as u32;
            }
            nb.apply(&mut counts, best, true);
        }
        progress(pass + 1, moved);
        if moved == 0 {
            break;
        }
    }
    (class, counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn objective(c: &ClassCounts, f: &XLogX) -> f64 {
        c.pair.iter().map(|&x| f.at(x)).sum::<f64>()
            - c.left.iter().map(|&x| f.at(x)).sum::<f64>()
            - c.right.iter().map(|&x| f.at(x)).sum::<f64>()
    }

    #[test]
    fn x_log_x_past_the_table_is_computed() {
        let f = XLogX::new(10);
        assert_eq!(f.at(0), 0.0);
        assert_eq!(f.at(1), 0.0);
        assert!((f.at(10) - 10.0 * 10f64.ln()).abs() < 1e-9);
        assert!((f.at(1000) - 1000.0 * 1000f64.ln()).abs() < 1e-9);
    }

    #[test]
    fn counts_kept_by_moves_equal_counts_recomputed() {
        let text = "the cat sat on the mat . a dog sat on a rug . the dog ran . a cat ran .";
        let sentences = vec![text.split(' ').map(str::to_string).collect::<Vec<_>>()];
        let bigrams = Bigrams::new(&sentences, 1);
        let f = XLogX::new(bigrams.total());
        let mut last = f64::MIN;
        let (class, counts) = exchange(&bigrams, 3, 10, &f, &mut |_, _| {});
        let fresh = ClassCounts::new(&bigrams, &class, 3);
        assert_eq!(counts.pair, fresh.pair);
        assert_eq!(counts.left, fresh.left);
        assert_eq!(counts.right, fresh.right);
        // More passes never lower the objective.
        for passes in 0..4 {
            let (_, c) = exchange(&bigrams, 3, passes, &f, &mut |_, _| {});
            let o = objective(&c, &f);
            assert!(o >= last - 1e-9, "{o} < {last}");
            last = o;
        }
    }
}
