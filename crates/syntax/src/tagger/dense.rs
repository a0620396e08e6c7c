//! Dense score tables: the class scores of features whose atoms take few values (previous
//! tags, spelling flags, the bias) and of the frequent values of the optional features
//! (shapes, first and last characters, ambiguity classes), precomputed from the model when it
//! is loaded. Adding a row of class scores is much cheaper than looking up a feature and
//! adding its sparse entries one by one, and these features have the longest rows. The
//! scores are exactly those of the sparse lookups.

use serde::{Deserialize, Serialize};
use storyline_learn::{FeatureHasher, Model};

use super::atoms::{KINDS, NO_ROW};
use super::features::{
    FLAG_VALUES, OPTIONAL, OPTIONAL_TEMPLATES, T_BIAS, T_FLAGS, T_PAIR, T_T1, T_T2,
};
use super::KeyMap;

/// The values of each atom kind that get a dense row (at most 255 each), most frequent
/// first, then the most frequent pairs of previous tags (`t1 << 8 | t2`): what the model
/// file stores.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Frequent(pub Vec<Vec<u64>>);

/// Index in [`Frequent`] of the list of tag pairs.
pub(crate) const PAIRS: usize = KINDS;

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
    /// fit 16 bits), then zero rows up to row [`NO_ROW`] (the row of no value).
    optional: Vec<Vec<i16>>,
    /// A row per frequent pair of previous tags, then a zero row.
    pairs: Vec<i16>,
    /// The row of each pair (t1, t2) at `t1 * (n + 1) + t2` (`zero_pair`: none).
    pair_rows: Vec<u8>,
    /// The zero row of `pairs`.
    pub zero_pair: u8,
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
                let mut t: Vec<i16> = rows(template, frequent.values(kind), false)
                    .into_iter()
                    .map(|s| s.clamp(i16::MIN as i32, i16::MAX as i32) as i16)
                    .collect();
                t.resize((NO_ROW as usize + 1) * n, 0);
                t
            })
            .collect();
        let pair_values = frequent.values(PAIRS);
        let mut pairs: Vec<i16> = Vec::with_capacity((pair_values.len() + 1) * n);
        let mut pair_rows = vec![NO_ROW; (n + 1) * (n + 1)];
        for &v in pair_values {
            let (t1, t2) = ((v >> 8) as usize, (v & 0xff) as usize);
            if t1 > n || t2 > n || pair_rows[t1 * (n + 1) + t2] != NO_ROW {
                continue;
            }
            let r = pairs.len() / n.max(1);
            model.scores(&[h.feature(T_PAIR, &[t1 as u64, t2 as u64])], &mut row);
            pairs.extend(
                row.iter()
                    .map(|&s| s.clamp(i16::MIN as i32, i16::MAX as i32) as i16),
            );
            pair_rows[t1 * (n + 1) + t2] = r as u8;
        }
        let zero = pairs.len() / n.max(1);
        pairs.resize(pairs.len() + n, 0);
        for r in &mut pair_rows {
            if *r == NO_ROW {
                *r = zero as u8;
            }
        }
        Dense {
            n,
            t1,
            t2,
            flags,
            optional,
            pairs,
            pair_rows,
            zero_pair: zero as u8,
        }
    }

    /// The dense row of the previous tags `t1`, `t2` ([`Dense::zero_pair`] when the pair
    /// has none: its feature must be looked up).
    #[inline]
    pub fn pair_row(&self, t1: usize, t2: usize) -> u8 {
        self.pair_rows
            .get(t1 * (self.n + 1) + t2)
            .copied()
            .unwrap_or(self.zero_pair)
    }

    /// Adds the dense rows of a word to `scores`: previous tags `t1`, `t2` (class + 1),
    /// its flags atom, the rows of its optional features ([`NO_ROW`]: none) and of the
    /// pair of previous tags (from [`Dense::pair_row`]).
    #[inline]
    pub fn add(
        &self,
        scores: &mut [i32],
        t1: usize,
        t2: usize,
        flags: usize,
        optional: &[u8; OPTIONAL],
        pair: u8,
    ) {
        let n = self.n;
        let (a, b, c) = (
            &self.t1[t1 * n..(t1 + 1) * n],
            &self.t2[t2 * n..(t2 + 1) * n],
            &self.flags[flags * n..(flags + 1) * n],
        );
        let rows: [&[i16]; OPTIONAL] = std::array::from_fn(|k| {
            let i = optional[k] as usize;
            &self.optional[k][i * n..(i + 1) * n]
        });
        let p = pair as usize;
        let d = &self.pairs[p * n..(p + 1) * n];
        // One pass over the classes, every row at once.
        for j in 0..n.min(scores.len()) {
            let mut v = a[j] + b[j] + c[j] + d[j] as i32;
            for r in &rows {
                v += r[j] as i32;
            }
            scores[j] += v;
        }
    }
}
