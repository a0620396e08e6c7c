//! Inference: the frozen, sparse, quantised weights of a trained perceptron.
//!
//! Layout for speed: one open-addressing table of features (a key fingerprint, first entry and
//! entry count; 8 bytes a slot, at most half full) and one array of entries (class, 16-bit
//! weight). A model of at most [`INLINE_CLASSES`] classes (a parser's transitions) keeps each
//! feature's weights inside its slot instead, so a feature costs one memory read. Scoring adds
//! integers, so a model predicts the same on every machine.

use crate::perceptron::argmax;

/// One class weight of a feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    pub weight: i16,
    pub class: u8,
}

/// One slot of the feature index, 8 bytes: a 32-bit fingerprint of the key (0: empty) and
/// the feature's first entry (24 bits) with its entry count less one (8 bits).
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    fingerprint: u32,
    packed: u32,
}

/// Models with at most this many classes keep their weights inside the index slots.
pub const INLINE_CLASSES: usize = 4;

/// A slot of the inline layout: fingerprint (0: empty) and the weight of every class.
#[derive(Debug, Clone, Copy, Default)]
struct InlineSlot {
    fingerprint: u32,
    weights: [i16; INLINE_CLASSES],
}

/// Most entries a table can hold (the 24 bits of a slot's first-entry field).
const MAX_ENTRIES: usize = 1 << 24;

/// The fingerprint of a key: its high half, never 0 (the low bits pick the slot).
#[inline]
fn fingerprint(key: u64) -> u32 {
    ((key >> 32) as u32) | 1
}

/// A trained linear model: sparse class weights per hashed feature.
#[derive(Debug, Clone)]
pub struct Model {
    n_classes: usize,
    /// What one unit of a quantised weight is worth in perceptron units.
    scale: f32,
    mask: usize,
    /// The hot index: open addressing, linear probing, at most half full (empty when the
    /// inline layout is used).
    slots: Vec<Slot>,
    /// The inline layout's index (empty otherwise).
    inline: Vec<InlineSlot>,
    entries: Vec<Entry>,
    /// Each feature's key and entry count, in entry order (what the model file stores).
    features: Vec<(u64, u32)>,
}

impl Model {
    /// Builds the table from rows of (feature key, [(class, quantised weight)]).
    pub(crate) fn from_rows(
        n_classes: usize,
        scale: f32,
        rows: impl Iterator<Item = (u64, Vec<(u8, i16)>)>,
    ) -> Model {
        let mut keys = Vec::new();
        let mut entries = Vec::new();
        for (key, row) in rows {
            keys.push((key, row.len() as u32));
            entries.extend(row.iter().map(|&(class, weight)| Entry { weight, class }));
        }
        Model::from_parts(n_classes, scale, keys, entries)
    }

    /// Builds the table from each feature's key and entry count (1 to 256; distinct keys),
    /// and all entries in the same order (feature by feature). Entries past the index's
    /// reach (2^24) are dropped with their features.
    pub(crate) fn from_parts(
        n_classes: usize,
        scale: f32,
        mut features: Vec<(u64, u32)>,
        mut entries: Vec<Entry>,
    ) -> Model {
        let mut total = 0usize;
        let keep = features
            .iter()
            .take_while(|&&(_, len)| {
                total += len as usize;
                total <= MAX_ENTRIES && (1..=256).contains(&len)
            })
            .count();
        features.truncate(keep);
        entries.truncate(features.iter().map(|&(_, l)| l as usize).sum());
        let capacity = (features.len() * 2).next_power_of_two().max(16);
        let mut model = Model {
            n_classes,
            scale,
            mask: capacity - 1,
            slots: Vec::new(),
            inline: Vec::new(),
            entries,
            features: Vec::new(),
        };
        let mut start = 0u32;
        if n_classes <= INLINE_CLASSES {
            model.inline = vec![InlineSlot::default(); capacity];
            for &(key, len) in &features {
                let row = &model.entries[start as usize..(start + len) as usize];
                let mut weights = [0i16; INLINE_CLASSES];
                for e in row {
                    weights[e.class as usize % INLINE_CLASSES] = e.weight;
                }
                model.insert_inline(key, weights);
                start += len;
            }
        } else {
            model.slots = vec![Slot::default(); capacity];
            for &(key, len) in &features {
                model.insert(key, start, len);
                start += len;
            }
        }
        model.features = features;
        model
    }

    fn insert_inline(&mut self, key: u64, weights: [i16; INLINE_CLASSES]) {
        let mut i = key as usize & self.mask;
        let fp = fingerprint(key);
        loop {
            let slot = &mut self.inline[i];
            if slot.fingerprint == 0 || slot.fingerprint == fp {
                *slot = InlineSlot {
                    fingerprint: fp,
                    weights,
                };
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    fn insert(&mut self, key: u64, start: u32, len: u32) {
        let mut i = key as usize & self.mask;
        let fp = fingerprint(key);
        loop {
            let slot = &mut self.slots[i];
            if slot.fingerprint == 0 || slot.fingerprint == fp {
                *slot = Slot {
                    fingerprint: fp,
                    packed: (start << 8) | (len - 1),
                };
                return;
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
        self.features.len()
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
        if !self.inline.is_empty() {
            return self.scores_inline(feats, out);
        }
        // The index is larger than the caches: ask for every slot first, so that the memory
        // reads overlap instead of waiting one after another.
        for &f in feats {
            prefetch(&self.slots[f as usize & self.mask]);
        }
        // Then find every row and ask for its entries before adding any (a row's entries
        // are a second read that would otherwise wait on the first).
        let mut rows = [(0u32, 0u32); 64];
        for chunk in feats.chunks(rows.len()) {
            let mut found = 0;
            for &f in chunk {
                if let Some((start, len)) = self.find(f) {
                    prefetch(&self.entries[start]);
                    rows[found] = (start as u32, len as u32);
                    found += 1;
                }
            }
            for &(start, len) in &rows[..found] {
                for e in &self.entries[start as usize..(start + len) as usize] {
                    if let Some(s) = out.get_mut(e.class as usize) {
                        *s += e.weight as i32;
                    }
                }
            }
        }
    }

    /// Asks the processor to load the index slots of `feats` ahead of a [`Model::scores`]
    /// call for them, so that the memory reads overlap other work (a hint: results are the
    /// same with or without it).
    #[inline]
    pub fn prefetch(&self, feats: &[u64]) {
        if self.inline.is_empty() {
            for &f in feats {
                prefetch(&self.slots[f as usize & self.mask]);
            }
        } else {
            for &f in feats {
                prefetch(&self.inline[f as usize & self.mask]);
            }
        }
    }

    /// [`Model::scores`] for the inline layout.
    fn scores_inline(&self, feats: &[u64], out: &mut [i32]) {
        for &f in feats {
            prefetch(&self.inline[f as usize & self.mask]);
        }
        let mut sums = [0i32; INLINE_CLASSES];
        for &f in feats {
            let mut i = f as usize & self.mask;
            let fp = fingerprint(f);
            loop {
                let slot = &self.inline[i];
                if slot.fingerprint == fp {
                    for (s, &w) in sums.iter_mut().zip(&slot.weights) {
                        *s += w as i32;
                    }
                    break;
                }
                if slot.fingerprint == 0 {
                    break;
                }
                i = (i + 1) & self.mask;
            }
        }
        for (o, s) in out.iter_mut().zip(sums) {
            *o = s;
        }
    }

    /// The first entry and entry count of feature `key`, if the model knows it.
    #[inline]
    fn find(&self, key: u64) -> Option<(usize, usize)> {
        let mut i = key as usize & self.mask;
        let fp = fingerprint(key);
        loop {
            let slot = self.slots[i];
            if slot.fingerprint == fp {
                let start = (slot.packed >> 8) as usize;
                let len = (slot.packed & 0xff) as usize + 1;
                return (start + len <= self.entries.len()).then_some((start, len));
            }
            if slot.fingerprint == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
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

    /// The same model without the weights whose magnitude is below `min` (in averaged
    /// perceptron units): smaller and faster, usually at a small cost in accuracy.
    pub fn pruned(&self, min: f64) -> Model {
        let limit = (min / self.scale as f64).ceil().min(i16::MAX as f64) as i32;
        let rows = self.rows_sorted().into_iter().filter_map(|(key, row)| {
            let kept: Vec<(u8, i16)> = row
                .iter()
                .filter(|e| (e.weight as i32).abs() >= limit)
                .map(|e| (e.class, e.weight))
                .collect();
            (!kept.is_empty()).then_some((key, kept))
        });
        Model::from_rows(self.n_classes, self.scale, rows)
    }

    /// Features in key order with their entries (what the model file stores).
    pub(crate) fn rows_sorted(&self) -> Vec<(u64, &[Entry])> {
        let mut start = 0usize;
        let mut rows: Vec<(u64, &[Entry])> = self
            .features
            .iter()
            .map(|&(key, len)| {
                let row = &self.entries[start..start + len as usize];
                start += len as usize;
                (key, row)
            })
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        rows
    }
}

/// Hints the processor to load `slot` into the cache (no effect where unsupported).
#[inline(always)]
fn prefetch<T>(slot: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        // SAFETY: a prefetch is only a hint: it never faults nor reads into the program's
        // state, and SSE is part of every x86_64 target.
        unsafe { _mm_prefetch::<_MM_HINT_T0>((slot as *const T).cast::<i8>()) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = slot;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_models_keep_weights_inline() {
        let h = crate::FeatureHasher::new(0);
        let (a, b, c) = (h.feature(0, &[]), h.feature(1, &[]), h.feature(2, &[]));
        let rows = vec![(a, vec![(0u8, 3i16), (3, -1)]), (b, vec![(1, 7)])];
        let m = Model::from_rows(4, 1.0, rows.into_iter());
        assert!(!m.inline.is_empty());
        let mut s = [0; 4];
        m.scores(&[a, b, c, a], &mut s);
        assert_eq!(s, [6, 7, 0, -2]);
        assert_eq!(m.rows_sorted().len(), 2);
    }

    #[test]
    fn looks_up_rows_and_scores() {
        let h = crate::FeatureHasher::new(0);
        let (a, b, c) = (h.feature(0, &[]), h.feature(1, &[]), h.feature(2, &[]));
        let rows = vec![(a, vec![(0u8, 3i16), (2, -1)]), (b, vec![(1, 7)])];
        let m = Model::from_rows(3, 1.0, rows.into_iter());
        let mut s = [0; 3];
        m.scores(&[a, b, c], &mut s);
        assert_eq!(s, [3, 7, -1]);
        assert_eq!(m.best(&[a], |_| true), Some(0));
        assert_eq!(m.best(&[a], |c| c != 0), Some(1));
        assert_eq!(m.best(&[a], |_| false), None);
        assert_eq!(m.n_features(), 2);
        assert_eq!(m.n_weights(), 3);
        let p = m.pruned(2.0);
        assert_eq!(p.n_weights(), 2);
        p.scores(&[a, b, c], &mut s);
        assert_eq!(s, [3, 7, 0]);
    }
}
