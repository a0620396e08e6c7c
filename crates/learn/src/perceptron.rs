//! Training: a multiclass averaged perceptron over hashed features.
//!
//! Weights are integers (each mistake adds 1 to the true class and takes 1 from the guess), so
//! training is exact and deterministic. Averaging is lazy: each weight remembers when it last
//! changed and the running sum of its past values, so an update costs O(features) and the
//! average is settled once, in [`Trainer::finish`].

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::model::Model;

/// A hasher that passes pre-hashed `u64` keys through (feature keys are already mixed).
#[derive(Debug, Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A hash map keyed by pre-hashed `u64` keys (feature keys, word keys).
pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// One class weight of one feature, with its averaging state.
#[derive(Debug, Clone, Copy)]
struct Cell {
    class: u16,
    weight: i32,
    /// Sum of the weight's values over the instances before `stamp`.
    total: i64,
    /// Instance count when `weight` last changed.
    stamp: u64,
}

/// Learns a multiclass averaged perceptron; [`Trainer::finish`] freezes it into a [`Model`].
#[derive(Debug, Clone)]
pub struct Trainer {
    n_classes: usize,
    rows: KeyMap<Vec<Cell>>,
    /// Instances seen so far (each `update` is one).
    time: u64,
}

impl Trainer {
    /// A trainer for `n_classes` classes (at most 256).
    ///
    /// # Panics
    /// If `n_classes` is 0 or above 256: a programming error, not an input error.
    pub fn new(n_classes: usize) -> Trainer {
        assert!((1..=256).contains(&n_classes), "1 to 256 classes");
        Trainer {
            n_classes,
            rows: KeyMap::default(),
            time: 0,
        }
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of distinct features that carry a weight so far.
    pub fn n_features(&self) -> usize {
        self.rows.len()
    }

    /// Current (not averaged) scores of every class for `feats`, into `out`.
    pub fn scores(&self, feats: &[u64], out: &mut [i64]) {
        out.iter_mut().for_each(|s| *s = 0);
        for f in feats {
            if let Some(row) = self.rows.get(f) {
                for c in row {
                    out[c.class as usize] += c.weight as i64;
                }
            }
        }
    }

    /// The best class by current scores among those `valid` admits (ties: lowest index).
    pub fn predict(&self, feats: &[u64], valid: impl Fn(usize) -> bool) -> Option<usize> {
        let mut scores = vec![0i64; self.n_classes];
        self.scores(feats, &mut scores);
        argmax(&scores, valid)
    }

    /// Counts one training instance and, when `guess` differs from `truth`, moves the
    /// weights of `feats` towards `truth` and away from `guess`.
    pub fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        self.tick();
        if truth != guess {
            self.adjust(feats, truth, 1);
            self.adjust(feats, guess, -1);
        }
    }

    /// Counts one training instance without changing a weight (global training counts a
    /// whole sentence as one, and moves its weights with [`Trainer::adjust`]).
    pub fn tick(&mut self) {
        self.time += 1;
    }

    /// Adds `delta` to the weight of `class` for every feature of `feats`, without counting
    /// an instance.
    pub fn adjust(&mut self, feats: &[u64], class: usize, delta: i32) {
        let now = self.time;
        for &f in feats {
            let row = self.rows.entry(f).or_default();
            let cell = match row.iter_mut().position(|c| c.class as usize == class) {
                Some(i) => &mut row[i],
                None => {
                    row.push(Cell {
                        class: class as u16,
                        weight: 0,
                        total: 0,
                        stamp: now,
                    });
                    row.last_mut().expect("just pushed")
                }
            };
            cell.total += (now - cell.stamp) as i64 * cell.weight as i64;
            cell.stamp = now;
            cell.weight += delta;
        }
    }

    /// Predicts by current weights, then updates towards `truth`; returns the guess.
    pub fn learn(&mut self, feats: &[u64], truth: usize) -> usize {
        let guess = self.predict(feats, |_| true).unwrap_or(0);
        self.update(feats, truth, guess);
        guess
    }

    /// The averaged model. Class weights whose average magnitude is below `prune` are dropped
    /// (0.0 keeps every non-zero one); the rest are quantised to 16 bits.
    pub fn finish(&self, prune: f64) -> Model {
        self.finish_folded(prune, |_| Fold::Keep)
    }

    /// The averaged model with some features folded into others before pruning: `fold` says
    /// of each feature key whether it stays, is dropped, or adds its averaged weights to
    /// another key's (the domain copies of feature augmentation, Daumé 2007: a target-domain
    /// copy folds into the general feature, another domain's copy is dropped, so the model
    /// reads the general keys only and costs nothing more to run).
    pub fn finish_folded(&self, prune: f64, fold: impl Fn(u64) -> Fold) -> Model {
        let t = self.time.max(1);
        let mut sums: KeyMap<Vec<(u8, f64)>> = KeyMap::default();
        for (&key, cells) in &self.rows {
            let target = match fold(key) {
                Fold::Keep => key,
                Fold::Into(other) => other,
                Fold::Drop => continue,
            };
            let row = sums.entry(target).or_default();
            for c in cells {
                let total = c.total + (self.time - c.stamp) as i64 * c.weight as i64;
                let w = total as f64 / t as f64;
                match row.iter_mut().find(|(class, _)| *class == c.class as u8) {
                    Some(cell) => cell.1 += w,
                    None => row.push((c.class as u8, w)),
                }
            }
        }
        let mut keys: Vec<u64> = sums.keys().copied().collect();
        keys.sort_unstable();
        let mut averaged: Vec<(u64, Vec<(u8, f64)>)> = Vec::with_capacity(keys.len());
        let mut max = 0f64;
        for key in keys {
            let mut row = sums.remove(&key).unwrap_or_default();
            row.retain(|&(_, w)| w != 0.0 && w.abs() >= prune);
            if row.is_empty() {
                continue;
            }
            row.sort_unstable_by_key(|&(c, _)| c);
            max = row.iter().fold(max, |m, &(_, w)| m.max(w.abs()));
            averaged.push((key, row));
        }
        let scale = if max > 0.0 {
            max / i16::MAX as f64
        } else {
            1.0
        };
        let rows = averaged.into_iter().filter_map(|(key, row)| {
            let q: Vec<(u8, i16)> = row
                .into_iter()
                .map(|(c, w)| (c, (w / scale).round() as i16))
                .filter(|&(_, w)| w != 0)
                .collect();
            (!q.is_empty()).then_some((key, q))
        });
        Model::from_rows(self.n_classes, scale as f32, rows)
    }
}

/// What [`Trainer::finish_folded`] does with one feature key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    /// The feature stays as it is.
    Keep,
    /// Its weights are added to this key's.
    Into(u64),
    /// It is left out of the model.
    Drop,
}

/// Index of the highest score among the classes `valid` admits; ties go to the lowest index.
pub(crate) fn argmax<T: PartialOrd + Copy>(
    scores: &[T],
    valid: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut best: Option<(usize, T)> = None;
    for (i, &s) in scores.iter().enumerate() {
        if valid(i) && best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FeatureHasher;

    /// A toy problem: the class is the index of the largest of three noisy "votes".
    fn toy(n: usize) -> Vec<(Vec<u64>, usize)> {
        let h = FeatureHasher::new(3);
        let mut state = 12345u64;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize
        };
        (0..n)
            .map(|_| {
                let class = next() % 3;
                let mut feats = vec![h.feature(0, &[class as u64]), h.feature(9, &[])];
                feats.push(h.feature(1, &[(next() % 5) as u64]));
                if next() % 4 == 0 {
                    feats[0] = h.feature(0, &[(next() % 3) as u64]);
                }
                (feats, class)
            })
            .collect()
    }

    #[test]
    fn folding_adds_a_copy_to_its_feature_and_drops_another() {
        let mut trainer = Trainer::new(2);
        for _ in 0..4 {
            trainer.learn(&[1, 10, 20], 1);
            trainer.learn(&[2, 11, 21], 0);
        }
        let plain = trainer.finish(0.0);
        let folded = trainer.finish_folded(0.0, |k| match k {
            10 => Fold::Into(1),
            11 => Fold::Into(2),
            20 | 21 => Fold::Drop,
            _ => Fold::Keep,
        });
        let (mut a, mut b) = ([0; 2], [0; 2]);
        plain.scores(&[1, 10], &mut a);
        folded.scores(&[1], &mut b);
        // The same averaged weights, quantised on scales of their own.
        for c in 0..2 {
            let (x, y) = (a[c] as f32 * plain.scale(), b[c] as f32 * folded.scale());
            assert!((x - y).abs() <= 1e-3 * x.abs().max(1.0), "{a:?} {b:?}");
        }
        folded.scores(&[20], &mut b);
        assert_eq!(b, [0, 0]);
        // Key 1 with its copy 10 folded in; 2, 11 and 21 were never wrong, so never weighed.
        assert_eq!(folded.n_features(), 1);
    }

    #[test]
    fn learns_a_toy_problem() {
        let data = toy(2000);
        let mut trainer = Trainer::new(3);
        for _ in 0..5 {
            for (f, c) in &data[..1500] {
                trainer.learn(f, *c);
            }
        }
        let model = trainer.finish(0.0);
        let right = data[1500..]
            .iter()
            .filter(|(f, c)| model.best(f, |_| true) == Some(*c))
            .count();
        // A quarter of the examples have a random cue: about 83% is the ceiling.
        assert!(
            right as f64 / 500.0 > 0.75,
            "accuracy {}",
            right as f64 / 500.0
        );
    }

    #[test]
    fn training_is_deterministic() {
        let data = toy(500);
        let run = || {
            let mut t = Trainer::new(3);
            for (f, c) in &data {
                t.learn(f, *c);
            }
            let mut bytes = Vec::new();
            crate::ModelFile::new("toy", 1, serde_json::json!({}), t.finish(0.0))
                .write(&mut bytes)
                .unwrap();
            bytes
        };
        assert_eq!(run(), run());
    }

    #[test]
    fn averaging_counts_time_spent_at_each_weight() {
        let mut t = Trainer::new(2);
        let f = [42u64];
        t.update(&f, 1, 0); // weights: class1 +1, class0 -1 from time 1
        t.update(&f, 1, 1);
        t.update(&f, 1, 1);
        t.update(&f, 1, 1);
        let model = t.finish(0.0);
        let mut s = [0i32; 2];
        model.scores(&f, &mut s);
        assert!(s[1] > 0 && s[0] < 0);
    }
}
