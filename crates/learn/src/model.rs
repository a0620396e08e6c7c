//! Inference: the frozen, sparse, quantised weights of a trained perceptron.
//!
//! Layout for speed: one open-addressing table of features (key, first entry, entry count;
//! 16 bytes a slot, at most half full) and one array of entries (class, 16-bit weight).
//! Scoring adds integers, so a model predicts the same on every machine.

use crate::perceptron::argmax;

/// One class weight of a feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    pub weight: i16,
    pub class: u8,
}

/// One slot of the feature table; `key == 0` marks an empty slot.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: u64,
    start: u32,
    len: u32,
}

/// A trained linear model: sparse class weights per hashed feature.
#[derive(Debug, Clone)]
pub struct Model {
    n_classes: usize,
    /// What one unit of a quantised weight is worth in perceptron units.
    scale: f32,
    mask: usize,
    slots: Vec<Slot>,
    entries: Vec<Entry>,
    n_features: usize,
}

impl Model {
    /// Builds the table from rows of (feature key, [(class, quantised weight)]).
    pub(crate) fn from_rows(
        n_classes: usize,
        scale: f32,
        rows: impl Iterator<Item = (u64, Vec<(u8, i16)>)>,
    ) -> Model {
        let rows: Vec<(u64, Vec<(u8, i16)>)> = rows.collect();
        let capacity = (rows.len() * 2).next_power_of_two().max(16);
        let mut model = Model {
            n_classes,
            scale,
            mask: capacity - 1,
            slots: vec![Slot::default(); capacity],
            entries: Vec::with_capacity(rows.iter().map(|r| r.1.len()).sum()),
            n_features: 0,
        };
        for (key, row) in rows {
            let start = model.entries.len() as u32;
            model
                .entries
                .extend(row.iter().map(|&(class, weight)| Entry { weight, class }));
            model.insert(key.max(1), start, row.len() as u32);
        }
        model
    }

    fn insert(&mut self, key: u64, start: u32, len: u32) {
        let mut i = key as usize & self.mask;
        loop {
            let slot = &mut self.slots[i];
            if slot.key == 0 || slot.key == key {
                if slot.key == 0 {
                    self.n_features += 1;
                }
                *slot = Slot { key, start, len };
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The entries of feature `key`, empty when the model does not know it.
    #[inline]
    pub(crate) fn row(&self, key: u64) -> &[Entry] {
        let mut i = key as usize & self.mask;
        loop {
            let slot = &self.slots[i];
            if slot.key == key {
                return &self.entries[slot.start as usize..(slot.start + slot.len) as usize];
            }
            if slot.key == 0 {
                return &[];
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of features that carry weight.
    pub fn n_features(&self) -> usize {
        self.n_features
    }

    /// Number of (feature, class) weights.
    pub fn n_weights(&self) -> usize {
        self.entries.len()
    }

    /// What one unit of a score is worth in averaged-perceptron units.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Scores of every class for `feats` into `out` (length `n_classes`), in quantised units.
    #[inline]
    pub fn scores(&self, feats: &[u64], out: &mut [i32]) {
        out.iter_mut().for_each(|s| *s = 0);
        for &f in feats {
            for e in self.row(f) {
                out[e.class as usize] += e.weight as i32;
            }
        }
    }

    /// The best class for `feats` among those `valid` admits (ties: lowest index); `None`
    /// when no class is valid.
    pub fn best(&self, feats: &[u64], valid: impl Fn(usize) -> bool) -> Option<usize> {
        let mut scores = [0i32; 256];
        let scores = &mut scores[..self.n_classes];
        self.scores(feats, scores);
        argmax(scores, valid)
    }

    /// Features in key order with their entries (what the model file stores).
    pub(crate) fn rows_sorted(&self) -> Vec<(u64, &[Entry])> {
        let mut rows: Vec<(u64, &[Entry])> = self
            .slots
            .iter()
            .filter(|s| s.key != 0)
            .map(|s| {
                (
                    s.key,
                    &self.entries[s.start as usize..(s.start + s.len) as usize],
                )
            })
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_rows_and_scores() {
        let rows = vec![(5u64, vec![(0u8, 3i16), (2, -1)]), (21, vec![(1, 7)])];
        let m = Model::from_rows(3, 1.0, rows.into_iter());
        let mut s = [0; 3];
        m.scores(&[5, 21, 99], &mut s);
        assert_eq!(s, [3, 7, -1]);
        assert_eq!(m.best(&[5], |_| true), Some(0));
        assert_eq!(m.best(&[5], |c| c != 0), Some(1));
        assert_eq!(m.best(&[5], |_| false), None);
        assert_eq!(m.n_features(), 2);
        assert_eq!(m.n_weights(), 3);
    }
}
