//! Feature templates of the parser: the rich non-local set of Zhang and Nivre (2011) for
//! arc-eager: words and tags of the stack top (S0), the buffer front (N0..N2), S0's head and
//! grandhead, the outermost dependents of S0 and N0, distance, valency and the label sets of
//! each side's dependents.
//!
//! Atoms are precomputed once per sentence ([`Atoms`]): a hash of each word's normalised form
//! and its tag, so a feature costs a few multiplications. The root (position `n`) has atoms
//! of its own; a missing position has zeros.

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

/// Extracts the features of `state` into `out`.
#[inline(never)]
pub(crate) fn extract(h: &FeatureHasher, a: &Atoms, st: &State, out: &mut Vec<u64>) {
    out.clear();
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
    let at = |v: &Vec<u32>, i: u32| if i == NONE { NONE } else { v[i as usize] };
    let s0i = st.stack.last().copied().unwrap_or(NONE);
    let s1i = if st.stack.len() > 1 {
        st.stack[st.stack.len() - 2]
    } else {
        NONE
    };
    let n0i = st.b as u32;
    let n1i = if st.b < st.n { st.b as u32 + 1 } else { NONE };
    let n2i = if st.b + 1 < st.n {
        st.b as u32 + 2
    } else {
        NONE
    };
    let s0h = at(&st.heads, s0i);
    let s0h2 = at(&st.heads, s0h);
    let s0l = at(&st.l1, s0i);
    let s0r = at(&st.r1, s0i);
    let s0l2 = at(&st.l2, s0i);
    let s0r2 = at(&st.r2, s0i);
    let n0l = at(&st.l1, n0i);
    let n0l2 = at(&st.l2, n0i);

    let (s0w, s0p) = get(s0i);
    let (n0w, n0p) = get(n0i);
    let (n1w, n1p) = get(n1i);
    let (n2w, n2p) = get(n2i);
    let (s1w, s1p) = get(s1i);
    let suf = |i: u32| if i == NONE { 0 } else { a.suffix[i as usize] };
    let (s0s, n0s, n1s) = (suf(s0i), suf(n0i), suf(n1i));
    let (s0hw, s0hp) = get(s0h);
    let (s0h2w, s0h2p) = get(s0h2);
    let (s0lw, s0lp) = get(s0l);
    let (s0rw, s0rp) = get(s0r);
    let (s0l2w, s0l2p) = get(s0l2);
    let (s0r2w, s0r2p) = get(s0r2);
    let (n0lw, n0lp) = get(n0l);
    let (n0l2w, n0l2p) = get(n0l2);
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

    let mut t = 0u32;
    let mut f = |atoms: &[u64]| {
        out.push(h.feature(t, atoms));
        t += 1;
    };
    f(&[]);
    // Single words.
    f(&[s0w, s0p]);
    f(&[s0w]);
    f(&[s0p]);
    f(&[n0w, n0p]);
    f(&[n0w]);
    f(&[n0p]);
    f(&[n1w, n1p]);
    f(&[n1w]);
    f(&[n1p]);
    f(&[n2w, n2p]);
    f(&[n2w]);
    f(&[n2p]);
    // Pairs.
    f(&[s0w, s0p, n0w, n0p]);
    f(&[s0w, s0p, n0w]);
    f(&[s0w, n0w, n0p]);
    f(&[s0w, s0p, n0p]);
    f(&[s0p, n0w, n0p]);
    f(&[s0w, n0w]);
    f(&[s0p, n0p]);
    f(&[n0p, n1p]);
    // Triples.
    f(&[n0p, n1p, n2p]);
    f(&[s0p, n0p, n1p]);
    f(&[s0hp, s0p, n0p]);
    f(&[s0p, s0lp, n0p]);
    f(&[s0p, s0rp, n0p]);
    f(&[s0p, n0p, n0lp]);
    // Distance.
    f(&[s0w, d]);
    f(&[s0p, d]);
    f(&[n0w, d]);
    f(&[n0p, d]);
    f(&[s0w, n0w, d]);
    f(&[s0p, n0p, d]);
    // Valency.
    f(&[s0w, s0vr]);
    f(&[s0p, s0vr]);
    f(&[s0w, s0vl]);
    f(&[s0p, s0vl]);
    f(&[n0w, n0vl]);
    f(&[n0p, n0vl]);
    // Unigrams of heads and dependents.
    f(&[s0hw]);
    f(&[s0hp]);
    f(&[label(s0i)]);
    f(&[s0lw]);
    f(&[s0lp]);
    f(&[label(s0l)]);
    f(&[s0rw]);
    f(&[s0rp]);
    f(&[label(s0r)]);
    f(&[n0lw]);
    f(&[n0lp]);
    f(&[label(n0l)]);
    // Third order.
    f(&[s0h2w]);
    f(&[s0h2p]);
    f(&[label(s0h)]);
    f(&[s0l2w]);
    f(&[s0l2p]);
    f(&[label(s0l2)]);
    f(&[s0r2w]);
    f(&[s0r2p]);
    f(&[label(s0r2)]);
    f(&[n0l2w]);
    f(&[n0l2p]);
    f(&[label(n0l2)]);
    f(&[s0p, s0lp, s0l2p]);
    f(&[s0p, s0rp, s0r2p]);
    f(&[s0p, s0hp, s0h2p]);
    f(&[n0p, n0lp, n0l2p]);
    // Second stack word, buffer bigrams.
    f(&[s1w]);
    f(&[s1p]);
    f(&[s1p, s0p]);
    f(&[s1p, s0p, n0p]);
    f(&[n0w, n1w]);
    f(&[n0p, n1w]);
    f(&[n0w, n1p]);
    // Coarse tags.
    f(&[s0u, n0u]);
    f(&[s0u, n0u, n1u]);
    f(&[s1u, s0u, n0u]);
    f(&[s0hu, s0u, n0u]);
    f(&[s0w, n0u]);
    f(&[s0u, n0w]);
    // Suffixes.
    f(&[s0s]);
    f(&[n0s]);
    f(&[n1s]);
    f(&[s0s, n0s]);
    f(&[s0p, n0s]);
    f(&[s0s, n0p]);
    // Label sets.
    f(&[s0w, s0sr]);
    f(&[s0p, s0sr]);
    f(&[s0w, s0sl]);
    f(&[s0p, s0sl]);
    f(&[n0w, n0sl]);
    f(&[n0p, n0sl]);
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
