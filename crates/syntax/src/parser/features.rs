//! Feature templates of the parser: the rich non-local set of Zhang and Nivre (2011) for
//! arc-eager: words and tags of the stack top (S0), the buffer front (N0..N2), S0's head and
//! grandhead, the outermost dependents of S0 and N0, distance, valency and the label sets of
//! each side's dependents.
//!
//! Atoms are precomputed once per sentence ([`Atoms`]): a hash of each word's normalised form
//! and its tag, so a feature costs a few multiplications. The root (position `n`) has atoms
//! of its own; a missing position has zeros.
//!
//! The templates come in three groups, each with its fixed template number: those of the
//! buffer front alone, those of one word in one role alone, and the rest, which change with
//! every transition. The first two are what the parser's score cache saves (`cache.rs`).

use storyline_learn::{hash_str, FeatureHasher};

use super::state::{State, NONE};

/// Identifies the template set: a model is only loaded by code with the same templates.
pub(crate) const TEMPLATES: &str =
    "arc-eager-zn2011-v4: S0 N0 N1 N2 S0h S0h2 S0l S0r S0l2 S0r2 N0l N0l2 \
     w p l; pairs, triples, distance, valency, label sets; w=lower+digits->0, p=xpos+upos; \
     labels: h d d-1 d+1 dl1 dl2 dr1 hh, dir+dist, label sets; suffixes S0 N0 N1; coarse tags";

/// Per-word atoms of one sentence, the root last.
#[derive(Debug, Default)]
pub(crate) struct Atoms {
    pub word: Vec<u64>,
    pub tag: Vec<u64>,
    /// Hash of the last three characters, lowercased: a rare word's best clue.
    pub suffix: Vec<u64>,
}

const ROOT_WORD: u64 = 0x00ff_00ff_00ff_00ff;
const ROOT_TAG: u64 = 0xfe;

impl Atoms {
    /// Fills the atoms for `forms` and their tags (`tags[i]` a small non-zero code).
    pub fn fill(&mut self, forms: &[&str], tags: &[u64]) {
        self.word.clear();
        self.tag.clear();
        self.suffix.clear();
        self.word.extend(forms.iter().map(|f| word_key(f)));
        self.suffix.extend(forms.iter().map(|f| suffix_key(f)));
        self.tag.extend_from_slice(tags);
        self.word.push(ROOT_WORD);
        self.tag.push(ROOT_TAG);
        self.suffix.push(ROOT_WORD);
    }
}

/// Hash of a word's form, lowercased, with every digit read as 0 ("1,200" = "5,600").
pub(crate) fn word_key(form: &str) -> u64 {
    let mut buf = [0u8; 64];
    let mut len = 0;
    let mut ascii = true;
    for &b in form.as_bytes() {
        if len == buf.len() || !b.is_ascii() {
            ascii = false;
            break;
        }
        buf[len] = if b.is_ascii_digit() {
            b'0'
        } else {
            b.to_ascii_lowercase()
        };
        len += 1;
    }
    if ascii {
        // ASCII only: the bytes are valid UTF-8.
        hash_str(std::str::from_utf8(&buf[..len]).unwrap_or(""))
    } else {
        let norm: String = form
            .chars()
            .flat_map(char::to_lowercase)
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect();
        hash_str(&norm)
    }
}

/// Hash of the last three characters of a word, lowercased.
fn suffix_key(form: &str) -> u64 {
    let start = form.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
    word_key(&form[start..]) ^ 0x5bd1_e995
}

/// Distance bucket between stack top and buffer front.
fn distance(s0: usize, n0: usize) -> u64 {
    match n0.saturating_sub(s0) {
        0..=4 => n0.saturating_sub(s0) as u64,
        5..=7 => 5,
        8..=12 => 6,
        _ => 7,
    }
}

/// Number of roles in which one word's fixed atoms make templates of their own: the stack
/// top, its head, leftmost and rightmost dependents, the buffer front's leftmost dependent,
/// the third-order words (grandhead, second-leftmost and second-rightmost dependents, the
/// buffer front's second-leftmost dependent) and the second stack word.
pub(crate) const ROLES: usize = 10;

/// The templates of each role's word and tag alone (the stack top has two more, see
/// [`role_features`]).
const ROLE_TEMPLATES: [(u32, u32); ROLES] = [
    (2, 3),
    (39, 40),
    (42, 43),
    (45, 46),
    (48, 49),
    (51, 52),
    (54, 55),
    (57, 58),
    (60, 61),
    (67, 68),
];

/// The word filling each role in `st` (in the order of [`ROLES`]), [`NONE`] where none does.
pub(crate) fn role_words(st: &State) -> [u32; ROLES] {
    let at = |v: &Vec<u32>, i: u32| if i == NONE { NONE } else { v[i as usize] };
    let s0 = st.stack.last().copied().unwrap_or(NONE);
    let s1 = if st.stack.len() > 1 {
        st.stack[st.stack.len() - 2]
    } else {
        NONE
    };
    let n0 = st.b as u32;
    let s0h = at(&st.heads, s0);
    [
        s0,
        s0h,
        at(&st.l1, s0),
        at(&st.r1, s0),
        at(&st.l1, n0),
        at(&st.heads, s0h),
        at(&st.l2, s0),
        at(&st.r2, s0),
        at(&st.l2, n0),
        s1,
    ]
}

/// Extracts the features of `state` into `out`: every template, in no particular order (a
/// score is a sum over them).
pub(crate) fn extract(h: &FeatureHasher, a: &Atoms, st: &State, out: &mut Vec<u64>) {
    out.clear();
    front_features(h, a, st.n, st.b, out);
    let roles = role_words(st);
    for (role, &i) in roles.iter().enumerate() {
        role_features(h, a, role, i, out);
    }
    state_features(h, a, st, &roles, out);
}

/// Appends the features of word `i` (or [`NONE`]) in role `role` alone: they read only the
/// word's form, tag and suffix, which never change while a sentence is parsed.
pub(crate) fn role_features(h: &FeatureHasher, a: &Atoms, role: usize, i: u32, out: &mut Vec<u64>) {
    let (w, p, s) = if i == NONE {
        (0, 0, 0)
    } else {
        let i = i as usize;
        (a.word[i], a.tag[i], a.suffix[i])
    };
    let (tw, tp) = ROLE_TEMPLATES[role];
    out.push(h.feature(tw, &[w]));
    out.push(h.feature(tp, &[p]));
    if role == 0 {
        out.push(h.feature(1, &[w, p]));
        out.push(h.feature(80, &[s]));
    }
}

/// Appends the features that read only the buffer front `b` and the two words after it (and
/// the bias): they stay the same until the buffer moves.
pub(crate) fn front_features(h: &FeatureHasher, a: &Atoms, n: usize, b: usize, out: &mut Vec<u64>) {
    // A word after the front exists while the front is a word (the root comes last).
    let get = |i: usize| -> (u64, u64, u64) {
        if i <= n {
            (a.word[i], a.tag[i], a.suffix[i])
        } else {
            (0, 0, 0)
        }
    };
    let (n0w, n0p, n0s) = get(b);
    let (n1w, n1p, n1s) = get(b + 1);
    let (n2w, n2p, _) = get(b + 2);
    let mut f = |t: u32, atoms: &[u64]| out.push(h.feature(t, atoms));
    f(0, &[]);
    f(4, &[n0w, n0p]);
    f(5, &[n0w]);
    f(6, &[n0p]);
    f(7, &[n1w, n1p]);
    f(8, &[n1w]);
    f(9, &[n1p]);
    f(10, &[n2w, n2p]);
    f(11, &[n2w]);
    f(12, &[n2p]);
    f(20, &[n0p, n1p]);
    f(21, &[n0p, n1p, n2p]);
    f(71, &[n0w, n1w]);
    f(72, &[n0p, n1w]);
    f(73, &[n0w, n1p]);
    f(81, &[n0s]);
    f(82, &[n1s]);
}

/// Appends the features that combine several words, or read labels, valency or distance:
/// what changes with every transition (`roles`: the [`role_words`] of `st`).
#[inline(never)]
pub(crate) fn state_features(
    h: &FeatureHasher,
    a: &Atoms,
    st: &State,
    roles: &[u32; ROLES],
    out: &mut Vec<u64>,
) {
    let get = |i: u32| -> (u64, u64) {
        if i == NONE {
            (0, 0)
        } else {
            (a.word[i as usize], a.tag[i as usize])
        }
    };
    let label = |i: u32| -> u64 {
        if i == NONE {
            0
        } else {
            st.labels[i as usize] as u64 + 1
        }
    };
    let [s0i, s0h, s0l, s0r, n0l, s0h2, s0l2, s0r2, n0l2, s1i] = *roles;
    let n0i = st.b as u32;
    let n1i = if st.b < st.n { st.b as u32 + 1 } else { NONE };
    let (s0w, s0p) = get(s0i);
    let (n0w, n0p) = get(n0i);
    let (_, n1p) = get(n1i);
    let (_, s1p) = get(s1i);
    let suf = |i: u32| if i == NONE { 0 } else { a.suffix[i as usize] };
    let (s0s, n0s) = (suf(s0i), suf(n0i));
    let [s0hp, s0h2p, s0lp, s0rp, s0l2p, s0r2p, n0lp, n0l2p] =
        [s0h, s0h2, s0l, s0r, s0l2, s0r2, n0l, n0l2].map(|i| get(i).1);
    // The coarse tag (UPOS) alone: right more often than the pair with XPOS.
    let coarse = |p: u64| p >> 8;
    let (s0u, n0u, n1u) = (coarse(s0p), coarse(n0p), coarse(n1p));
    let (s1u, s0hu) = (coarse(s1p), coarse(s0hp));
    let d = if s0i == NONE {
        0
    } else {
        distance(s0i as usize, n0i as usize) + 1
    };
    let (s0vl, s0vr, s0sl, s0sr) = if s0i == NONE {
        (0, 0, 0, 0)
    } else {
        let i = s0i as usize;
        (st.nl[i] as u64, st.nr[i] as u64, st.lset[i], st.rset[i])
    };
    let (n0vl, n0sl) = (st.nl[n0i as usize] as u64, st.lset[n0i as usize]);

    let mut f = |t: u32, atoms: &[u64]| out.push(h.feature(t, atoms));
    // Pairs of the stack top and the buffer front.
    f(13, &[s0w, s0p, n0w, n0p]);
    f(14, &[s0w, s0p, n0w]);
    f(15, &[s0w, n0w, n0p]);
    f(16, &[s0w, s0p, n0p]);
    f(17, &[s0p, n0w, n0p]);
    f(18, &[s0w, n0w]);
    f(19, &[s0p, n0p]);
    // Triples.
    f(22, &[s0p, n0p, n1p]);
    f(23, &[s0hp, s0p, n0p]);
    f(24, &[s0p, s0lp, n0p]);
    f(25, &[s0p, s0rp, n0p]);
    f(26, &[s0p, n0p, n0lp]);
    // Distance.
    f(27, &[s0w, d]);
    f(28, &[s0p, d]);
    f(29, &[n0w, d]);
    f(30, &[n0p, d]);
    f(31, &[s0w, n0w, d]);
    f(32, &[s0p, n0p, d]);
    // Valency.
    f(33, &[s0w, s0vr]);
    f(34, &[s0p, s0vr]);
    f(35, &[s0w, s0vl]);
    f(36, &[s0p, s0vl]);
    f(37, &[n0w, n0vl]);
    f(38, &[n0p, n0vl]);
    // Labels of the stack top and of the dependents.
    f(41, &[label(s0i)]);
    f(44, &[label(s0l)]);
    f(47, &[label(s0r)]);
    f(50, &[label(n0l)]);
    // Third order: labels, and chains of tags.
    f(53, &[label(s0h)]);
    f(56, &[label(s0l2)]);
    f(59, &[label(s0r2)]);
    f(62, &[label(n0l2)]);
    f(63, &[s0p, s0lp, s0l2p]);
    f(64, &[s0p, s0rp, s0r2p]);
    f(65, &[s0p, s0hp, s0h2p]);
    f(66, &[n0p, n0lp, n0l2p]);
    // Second stack word.
    f(69, &[s1p, s0p]);
    f(70, &[s1p, s0p, n0p]);
    // Coarse tags.
    f(74, &[s0u, n0u]);
    f(75, &[s0u, n0u, n1u]);
    f(76, &[s1u, s0u, n0u]);
    f(77, &[s0hu, s0u, n0u]);
    f(78, &[s0w, n0u]);
    f(79, &[s0u, n0w]);
    // Suffixes.
    f(83, &[s0s, n0s]);
    f(84, &[s0p, n0s]);
    f(85, &[s0s, n0p]);
    // Label sets.
    f(86, &[s0w, s0sr]);
    f(87, &[s0p, s0sr]);
    f(88, &[s0w, s0sl]);
    f(89, &[s0p, s0sl]);
    f(90, &[n0w, n0sl]);
    f(91, &[n0p, n0sl]);
}

/// Extracts the features for labelling the arc `head` → `dep` about to be made in `st`
/// (`left`: a LEFT arc, the dependent being the stack top) into `out`.
pub(crate) fn extract_label(
    h: &FeatureHasher,
    a: &Atoms,
    st: &State,
    head: usize,
    dep: usize,
    out: &mut Vec<u64>,
) {
    out.clear();
    let n = st.n;
    let word = |i: u32| if i == NONE { 0 } else { a.word[i as usize] };
    let tag = |i: u32| if i == NONE { 0 } else { a.tag[i as usize] };
    let label = |i: u32| {
        if i == NONE {
            0
        } else {
            st.labels[i as usize] as u64 + 1
        }
    };
    let (hw, hp) = (a.word[head], a.tag[head]);
    let (dw, dp) = (a.word[dep], a.tag[dep]);
    let prev = if dep > 0 { dep as u32 - 1 } else { NONE };
    let next = if dep + 1 < n { dep as u32 + 1 } else { NONE };
    let dir = (head > dep) as u64;
    let dist = if head > dep {
        distance(dep, head)
    } else {
        distance(head, dep)
    };
    let (dl1, dl2, dr1) = (st.l1[dep], st.l2[dep], st.r1[dep]);
    let hh = st.heads[head];
    let mut t = 0u32;
    let mut f = |atoms: &[u64]| {
        out.push(h.feature(t, atoms));
        t += 1;
    };
    f(&[]);
    f(&[dw]);
    f(&[dp]);
    f(&[dw, dp]);
    f(&[hw]);
    f(&[hp]);
    f(&[dw, hp]);
    f(&[dp, hw]);
    f(&[dp, hp]);
    f(&[dw, hw]);
    f(&[dp, hp, dir, dist]);
    f(&[dp, dir]);
    f(&[dp, tag(prev)]);
    f(&[dp, tag(next)]);
    f(&[dp, word(prev)]);
    f(&[dp, hp, word(dl1)]);
    f(&[dp, word(dl1)]);
    f(&[dp, word(dl2)]);
    f(&[dp, label(dl1), tag(dl1)]);
    f(&[dp, label(dr1), tag(dr1)]);
    f(&[dp, st.lset[dep]]);
    f(&[dp, st.rset[dep]]);
    f(&[hp, st.lset[head], st.rset[head], dir]);
    f(&[
        hp,
        tag(hh),
        label(if hh == NONE { NONE } else { head as u32 }),
    ]);
    f(&[dp, hp, tag(hh)]);
    f(&[dw, dir]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_keys_fold_case_and_digits() {
        assert_eq!(word_key("NATO"), word_key("nato"));
        assert_eq!(word_key("1,200"), word_key("5,600"));
        assert_eq!(word_key("Kyïv"), word_key("kyïv"));
        assert_ne!(word_key("troops"), word_key("troop"));
    }
}
