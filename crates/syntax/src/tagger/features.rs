//! Feature templates of the tagger: the word, its prefixes, suffixes, shape and spelling
//! flags, its neighbours two words either side (words and suffixes), its ambiguity class and
//! its neighbours' (the classes each had in training), the two previous predicted tags, and
//! pairs of these (Collins 2002; Honnibal's "perceptron tagger").
//!
//! Everything that depends on the words alone is computed once per sentence into
//! [`Atoms`]; per token only the features are mixed from these atoms and the previous tags.

use storyline_learn::FeatureHasher;

use super::atoms::{Atoms, NO_ROW, PAD};

/// Identifies the template set: a model is only loaded by code with the same templates.
/// Change it whenever a template or an atom changes.
pub(crate) const TEMPLATES: &str = "tagger-v4: w pre3 suf3 suf4 w-1 w-2 w+1 w+2 suf3-1 \
     suf3+1 w-1w ww+1 amb.amb+1 | pre1 suf1 pre2 suf2 suf2-1 suf2+1 shape-1 shape shape+1 amb \
     amb+1 amb+2 | t-1t-2 t-1w t-1suf3 t-1w+1 t-1amb | bias t-1 t-2 flags+first; \
     w=fnv(lower, digits->0, ascii quotes); pre/suf=16-bit packed chars; shape runs<=3; \
     amb=classes>=10% of words seen >=3 times; tagdict by w";

/// Layout of the features of a word: [`STATIC`] features of the words alone and
/// [`OPTIONAL`] ones (of the atoms of [`KINDS`], at a word or its neighbour), from
/// [`extract_static`]; [`DYNAMIC`] ones of the previous tags, from [`extract_dynamic`];
/// [`DENSE`] ones (bias, previous tag, tag before, flags), from [`extract_dense`]. At tagging
/// time, dense features, and optional ones whose atom value is frequent, are scored from
/// dense rows instead of being looked up.
pub(crate) const STATIC: usize = 13;
/// See [`STATIC`].
pub(crate) const OPTIONAL: usize = 12;
/// See [`STATIC`].
pub(crate) const DYNAMIC: usize = 5;
/// See [`STATIC`].
pub(crate) const DENSE: usize = 4;

/// The optional templates: (template id, atom kind, word offset).
pub(crate) const OPTIONAL_TEMPLATES: [(u32, usize, isize); OPTIONAL] = [
    (20, 1, 0),  // first character
    (21, 2, 0),  // last character
    (22, 3, 0),  // first two
    (23, 4, 0),  // last two
    (24, 4, -1), // last two of the previous word
    (25, 4, 1),  // last two of the next word
    (26, 0, -1), // shape of the previous word
    (27, 0, 0),  // shape
    (28, 0, 1),  // shape of the next word
    (29, 5, 0),  // ambiguity class
    (30, 5, 1),  // of the next word
    (31, 5, 2),  // of the word after
];

/// Template id of the pair of previous tags (a dynamic feature with dense rows for frequent
/// pairs).
pub(crate) const T_PAIR: u32 = 14;

/// Template ids of the dense features.
pub(crate) const T_BIAS: u32 = 40;
pub(crate) const T_T1: u32 = 41;
pub(crate) const T_T2: u32 = 42;
pub(crate) const T_FLAGS: u32 = 43;

/// Number of values of the flags atom (six flags and the first-word bit).
pub(crate) const FLAG_VALUES: usize = 128;

/// The flags atom of word `i`.
#[inline]
pub(crate) fn flags_atom(a: &Atoms, i: usize) -> u64 {
    a.w[i + PAD].flags | ((i == 0) as u64) << 6
}

/// The position of word `i`'s neighbour at `offset` in the padded atoms.
#[inline]
fn at(i: usize, offset: isize) -> usize {
    (i + PAD).wrapping_add_signed(offset)
}

/// Replaces `out` with the static and optional features of word `i` (0-based); with
/// `rows` (the word's [`optional_rows`]), only the optional features without a dense row.
#[inline]
pub(crate) fn extract_static(
    h: &FeatureHasher,
    a: &Atoms,
    i: usize,
    rows: Option<&[u8; OPTIONAL]>,
    out: &mut Vec<u64>,
) {
    out.clear();
    let p = i + PAD;
    let [w2, w1, w0, n1, n2] = [&a.w[p - 2], &a.w[p - 1], &a.w[p], &a.w[p + 1], &a.w[p + 2]];
    out.extend_from_slice(&[
        h.feature(0, &[w0.word]),
        h.feature(1, &[w0.pre[2]]),
        h.feature(2, &[w0.suf[2]]),
        h.feature(3, &[w0.suf[3]]),
        h.feature(4, &[w1.word]),
        h.feature(5, &[w2.word]),
        h.feature(6, &[n1.word]),
        h.feature(7, &[n2.word]),
        h.feature(8, &[w1.suf[2]]),
        h.feature(9, &[n1.suf[2]]),
        h.feature(10, &[w1.word, w0.word]),
        h.feature(11, &[w0.word, n1.word]),
        h.feature(12, &[w0.amb, n1.amb]),
    ]);
    for (k, (template, kind, offset)) in OPTIONAL_TEMPLATES.into_iter().enumerate() {
        if rows.is_none_or(|r| r[k] == NO_ROW) {
            out.push(h.feature(template, &[a.w[at(i, offset)].kinds()[kind]]));
        }
    }
}

/// The dense rows of word `i`'s optional features, in [`extract_static`]'s order.
#[inline]
pub(crate) fn optional_rows(a: &Atoms, i: usize) -> [u8; OPTIONAL] {
    OPTIONAL_TEMPLATES.map(|(_, kind, offset)| a.w[at(i, offset)].rows[kind])
}

/// Appends the features of word `i` that join its previous two predicted tags (`t1`, `t2`:
/// class + 1, 0 before the sentence); the pair of tags itself unless `pair_is_dense`.
#[inline]
pub(crate) fn extract_dynamic(
    h: &FeatureHasher,
    a: &Atoms,
    i: usize,
    (t1, t2): (u64, u64),
    pair_is_dense: bool,
    out: &mut Vec<u64>,
) {
    let p = i + PAD;
    let (w0, n1) = (&a.w[p], &a.w[p + 1]);
    if !pair_is_dense {
        out.push(h.feature(T_PAIR, &[t1, t2]));
    }
    out.extend_from_slice(&[
        h.feature(15, &[t1, w0.word]),
        h.feature(16, &[t1, w0.suf[2]]),
        h.feature(17, &[t1, n1.word]),
        h.feature(18, &[t1, w0.amb]),
    ]);
}

/// Appends the dense features of word `i` (their keys: training looks them up).
#[inline]
pub(crate) fn extract_dense(
    h: &FeatureHasher,
    a: &Atoms,
    i: usize,
    t1: u64,
    t2: u64,
    out: &mut Vec<u64>,
) {
    out.extend_from_slice(&[
        h.feature(T_BIAS, &[]),
        h.feature(T_T1, &[t1]),
        h.feature(T_T2, &[t2]),
        h.feature(T_FLAGS, &[flags_atom(a, i)]),
    ]);
}
