//! Dense score tables: the class scores of features whose atoms take few values (previous
//! tags, spelling flags, the bias) and of the frequent values of the optional features
//! (shapes, first and last characters, ambiguity classes), precomputed from the model when it
//! is loaded. Adding a row of class scores is much cheaper than looking up a feature and
//! adding its sparse entries one by one, and these features have the longest rows. The
//! scores are exactly those of the sparse lookups.

use serde::{Deserialize, Serialize};
use storyline_learn::{FeatureHasher, Model};

use super::features::{
    FLAG_VALUES, KINDS, NO_ROW, OPTIONAL, OPTIONAL_TEMPLATES, T_BIAS, T_FLAGS, T_T1, T_T2,
};
use super::KeyMap;

/// The values of each atom kind that get a dense row (at most 255 each), most frequent
/// first: what the model file stores.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Frequent(pub Vec<Vec<u64>>);

impl Frequent {
    /// Per kind: atom value → row.
    pub fn index(&self) -> [KeyMap<u8>; KINDS] {
        std::array::from_fn(|k| {
            self.0
                .get(k)
                .into_iter()
                .flatten()
                .take(NO_ROW as usize)
                .enumerate()
                .map(|(i, &a)| (a, i as u8))
                .collect()
        })
    }

    fn values(&self, kind: usize) -> &[u64] {
        let v = self.0.get(kind).map_or(&[][..], |v| &v[..]);
        &v[..v.len().min(NO_ROW as usize)]
    }
}

/// The dense tables: each holds one row of `n` class scores per atom value.
#[derive(Debug, Clone, Default)]
pub(crate) struct Dense {
    n: usize,
    /// Previous tag 0..=n, with the bias added.
    t1: Vec<i32>,
    /// Tag before it, 0..=n.
    t2: Vec<i32>,
    /// Each flags atom.
    flags: Vec<i32>,
    /// Per optional template: a row per frequent value of its atom kind (single weights
    /// fit 16 bits).
    optional: Vec<Vec<i16>>,
}

impl Dense {
    /// The tables of `model` (`n` classes) for the frequent values `frequent`.
    pub fn of(h: &FeatureHasher, model: &Model, n: usize, frequent: &Frequent) -> Dense {
        let mut row = vec![0i32; n];
        let mut rows = |template: u32, values: &[u64], bias: bool| -> Vec<i32> {
            let mut out = Vec::with_capacity(values.len() * n);
            for &v in values {
                let f = [h.feature(template, &[v]), h.feature(T_BIAS, &[])];
                model.scores(&f[..1 + bias as usize], &mut row);
                out.extend_from_slice(&row);
            }
            out
        };
        let tags: Vec<u64> = (0..=n as u64).collect();
        let flags: Vec<u64> = (0..FLAG_VALUES as u64).collect();
        let t1 = rows(T_T1, &tags, true);
        let t2 = rows(T_T2, &tags, false);
        let flags = rows(T_FLAGS, &flags, false);
        let optional = OPTIONAL_TEMPLATES
            .iter()
            .map(|&(template, kind, _)| {
                rows(template, frequent.values(kind), false)
                    .into_iter()
                    .map(|s| s.clamp(i16::MIN as i32, i16::MAX as i32) as i16)
                    .collect()
            })
            .collect();
        Dense {
            n,
            t1,
            t2,
            flags,
            optional,
        }
    }

    /// Adds the dense rows of a word to `scores`: previous tags `t1`, `t2` (class + 1),
    /// its flags atom, and the rows of its optional features ([`NO_ROW`]: none).
    #[inline]
    pub fn add(
        &self,
        scores: &mut [i32],
        t1: usize,
        t2: usize,
        flags: usize,
        optional: &[u8; OPTIONAL],
    ) {
        let n = self.n;
        let (a, b, c) = (
            &self.t1[t1 * n..(t1 + 1) * n],
            &self.t2[t2 * n..(t2 + 1) * n],
            &self.flags[flags * n..(flags + 1) * n],
        );
        for (((s, &x), &y), &z) in scores.iter_mut().zip(a).zip(b).zip(c) {
            *s += x + y + z;
        }
        for (table, &i) in self.optional.iter().zip(optional) {
            if i != NO_ROW {
                let i = i as usize;
                for (s, &x) in scores.iter_mut().zip(&table[i * n..(i + 1) * n]) {
                    *s += x as i32;
                }
            }
        }
    }
}
