//! Feature templates of the entity tagger: the word (folded and as written), its affixes,
//! shape, spelling flags, part of speech and gazetteer hits, the same of its neighbours two
//! words either side, the prefixes of its word cluster's path and of its neighbours', the two
//! previous predicted labels, and what the document said of the same word before (Ratinov &
//! Roth 2009).

use storyline_learn::{FeatureHasher, KeyMap};

use crate::atoms::{gaz, Atoms, PAD};
use crate::labels::{label, Part};

/// Identifies the template set: a model is only loaded by code with the same templates.
/// Change it whenever a template or an atom changes.
pub(crate) const TEMPLATES: &str = "ner-v2: bias w form pre1-4 suf1-4 shape w-2..w+2 \
     shape-1 shape+1 shape-1.0.+1 w-1w ww+1 upos-1 upos upos+1 upos.upos+1 flags flags-1 flags+1 \
     gaz(bit,offset -1..1) multi-1..1 | t-1 t-1t-2 t-1w t-1shape t-1upos mem mem.shape mem-1 \
     mem+1; w=lower, digits->0; shape runs<=2; scored=has capital or digit; \
     c4 c6 c10 c20 c6-1 c6+1 (cluster path prefixes, models/clusters.tsv)";

/// Identifies the templates and the clusters they read: a model trained with other clusters
/// does not load.
pub(crate) fn templates_hash() -> u64 {
    storyline_learn::hash_str(TEMPLATES) ^ storyline_syntax::clusters::shipped().hash()
}

/// What the document said of a word before: the kind of the last mention it was in, or
/// that it was seen capitalised outside a mention (not first in its sentence).
#[derive(Debug, Default, Clone)]
pub struct DocumentMemory {
    seen: KeyMap<u8>,
}

/// Memory value of a word seen outside any mention.
const SEEN_OUTSIDE: u8 = 5;

impl DocumentMemory {
    /// An empty memory (a new document).
    pub fn new() -> DocumentMemory {
        DocumentMemory::default()
    }

    /// Forgets everything (a new document).
    pub fn clear(&mut self) {
        self.seen.clear();
    }

    #[inline]
    pub(crate) fn get(&self, key: u64) -> u64 {
        self.seen.get(&key).copied().unwrap_or(0) as u64
    }

    /// Remembers the labels of a tagged sentence.
    pub(crate) fn learn(&mut self, atoms: &Atoms, classes: &[usize]) {
        for (i, &c) in classes.iter().enumerate() {
            let a = &atoms.w[i + PAD];
            if !a.scored {
                continue;
            }
            match label(c) {
                Some((kind, _)) => {
                    self.seen.insert(a.memory_key, kind as u8 + 1);
                }
                None if i > 0 => {
                    self.seen.entry(a.memory_key).or_insert(SEEN_OUTSIDE);
                }
                None => {}
            }
        }
    }
}

/// Replaces `out` with the features of word `i` that do not depend on earlier labels.
pub(crate) fn extract_static(h: &FeatureHasher, a: &Atoms, i: usize, out: &mut Vec<u64>) {
    out.clear();
    let p = i + PAD;
    let [w2, w1, w0, n1, n2] = [&a.w[p - 2], &a.w[p - 1], &a.w[p], &a.w[p + 1], &a.w[p + 2]];
    out.extend_from_slice(&[
        h.feature(0, &[]),
        h.feature(1, &[w0.lower]),
        h.feature(2, &[w0.form]),
        h.feature(3, &[w0.pre[0]]),
        h.feature(4, &[w0.pre[1]]),
        h.feature(5, &[w0.pre[2]]),
        h.feature(6, &[w0.pre[3]]),
        h.feature(7, &[w0.suf[0]]),
        h.feature(8, &[w0.suf[1]]),
        h.feature(9, &[w0.suf[2]]),
        h.feature(10, &[w0.suf[3]]),
        h.feature(11, &[w0.shape]),
        h.feature(12, &[w2.lower]),
        h.feature(13, &[w1.lower]),
        h.feature(14, &[n1.lower]),
        h.feature(15, &[n2.lower]),
        h.feature(16, &[w1.shape]),
        h.feature(17, &[n1.shape]),
        h.feature(18, &[w1.shape, w0.shape, n1.shape]),
        h.feature(19, &[w1.lower, w0.lower]),
        h.feature(20, &[w0.lower, n1.lower]),
        h.feature(21, &[w1.upos]),
        h.feature(22, &[w0.upos]),
        h.feature(23, &[n1.upos]),
        h.feature(24, &[w0.upos, n1.upos]),
        h.feature(25, &[w0.flags]),
        h.feature(26, &[w1.flags]),
        h.feature(27, &[n1.flags]),
        h.feature(28, &[w1.multi, w0.multi, n1.multi]),
        h.feature(29, &[w0.multi]),
        h.feature(31, &[w0.cluster[0]]),
        h.feature(32, &[w0.cluster[1]]),
        h.feature(33, &[w0.cluster[2]]),
        h.feature(34, &[w0.cluster[3]]),
        h.feature(35, &[w1.cluster[1]]),
        h.feature(36, &[n1.cluster[1]]),
    ]);
    for (offset, w) in [(0u64, w0), (1, w1), (2, n1)] {
        for bit in 0..gaz::COUNT {
            if w.gaz & (1 << bit) != 0 {
                out.push(h.feature(30, &[offset, bit as u64]));
            }
        }
    }
}

/// Appends the features of word `i` that join the previous two predicted classes (`t1`,
/// `t2`: 0 before the sentence) and the document memory.
pub(crate) fn extract_dynamic(
    h: &FeatureHasher,
    a: &Atoms,
    i: usize,
    (t1, t2): (usize, usize),
    memory: &DocumentMemory,
    out: &mut Vec<u64>,
) {
    let p = i + PAD;
    let (w1, w0, n1) = (&a.w[p - 1], &a.w[p], &a.w[p + 1]);
    let (t1, t2) = (t1 as u64, t2 as u64);
    let mem = |w: &crate::atoms::WordAtoms| {
        if w.scored {
            memory.get(w.memory_key)
        } else {
            0
        }
    };
    let m0 = mem(w0);
    out.extend_from_slice(&[
        h.feature(40, &[t1]),
        h.feature(41, &[t1, t2]),
        h.feature(42, &[t1, w0.lower]),
        h.feature(43, &[t1, w0.shape]),
        h.feature(44, &[t1, w0.upos]),
        h.feature(45, &[m0]),
        h.feature(46, &[m0, w0.shape]),
        h.feature(47, &[mem(w1)]),
        h.feature(48, &[mem(n1)]),
    ]);
}

/// Whether the word after class `prev` can only be outside without asking the model: it
/// has neither capital nor digit and no mention is open.
#[inline]
pub(crate) fn surely_outside(a: &Atoms, i: usize, prev: usize) -> bool {
    !a.w[i + PAD].scored && !matches!(label(prev), Some((_, Part::Begin | Part::Inside)))
}
