//! The atoms of the tagger's features: everything that depends on the words alone, computed
//! once per sentence, in one pass over each word's characters (a byte-wise fast path for
//! ASCII words): the lowercased word (hashed), its prefixes and suffixes (packed characters),
//! shape and spelling flags, what the lexicon knows of it, and the dense rows of its atoms.

use super::KeyMap;
use crate::lemma::ascii_quote;

/// Padding positions on each side of a sentence.
pub(crate) const PAD: usize = 2;

/// Atoms of a padding position (before the first and after the last word).
pub(crate) const PAD_ATOM: u64 = 0x5eed_0000_0000_0001;

/// No dense row (or no tag dictionary class) for this atom.
pub(crate) const NO_ROW: u8 = u8::MAX;

/// What a word of the tag dictionary or the lexicon knows.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Known {
    /// Ambiguity class (0: none).
    pub amb: u64,
    /// Class of the tag dictionary ([`NO_ROW`]: not in it).
    pub dict: u8,
    /// Dense rows of its atoms of the [`KINDS`] but the shape (which depends on case).
    pub rows: [u8; KINDS],
}

impl Known {
    /// What is known of the word whose folded form is `folded`.
    pub fn new(folded: &str, amb: u64, dict: u8, rows: &[KeyMap<u8>; KINDS]) -> Known {
        let mut w = word_atoms(folded.chars());
        w.amb = amb;
        w.set_rows(rows);
        w.rows[0] = NO_ROW;
        Known {
            amb,
            dict,
            rows: w.rows,
        }
    }
}

/// Atoms that take few frequent values, whose features are scored from dense rows when the
/// value is frequent: shape, first character, last character, first two, last two,
/// ambiguity class.
pub(crate) const KINDS: usize = 6;

/// What the atoms of a sentence look up: what is known of a word, and the dense row of each
/// frequent value of each of the [`KINDS`].
#[derive(Debug, Clone, Default)]
pub(crate) struct Lookup {
    /// Word atom → ambiguity class and tag dictionary class.
    pub words: KeyMap<Known>,
    /// Per kind: atom → dense row.
    pub rows: [KeyMap<u8>; KINDS],
}

/// The atoms of one word.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Word {
    /// Lowercased form, digits as 0 (hashed).
    pub word: u64,
    /// Prefixes of 1, 2 and 3 characters of the lowercased form.
    pub pre: [u64; 3],
    /// Suffixes of 1 to 4 characters.
    pub suf: [u64; 4],
    /// Word shape ("Xxxx", "dd,ddd"; hashed).
    pub shape: u64,
    /// Spelling flags (capitalised, all capitals, digit, hyphen, period, letter).
    pub flags: u64,
    /// Ambiguity class: the classes the word had in training (0: unknown word).
    pub amb: u64,
    /// Tag dictionary class ([`NO_ROW`]: not in the dictionary).
    pub dict: u8,
    /// Dense rows of the atoms of each of the [`KINDS`] ([`NO_ROW`]: none).
    pub rows: [u8; KINDS],
}

impl Word {
    /// The atoms of the [`KINDS`].
    pub fn kinds(&self) -> [u64; KINDS] {
        [
            self.shape,
            self.pre[0],
            self.suf[0],
            self.pre[1],
            self.suf[1],
            self.amb,
        ]
    }

    fn set_rows(&mut self, rows: &[KeyMap<u8>; KINDS]) {
        let atoms = self.kinds();
        for ((row, map), atom) in self.rows.iter_mut().zip(rows).zip(atoms) {
            *row = map.get(&atom).copied().unwrap_or(NO_ROW);
        }
    }
}

const PAD_WORD: Word = Word {
    word: PAD_ATOM,
    pre: [PAD_ATOM; 3],
    suf: [PAD_ATOM; 4],
    shape: PAD_ATOM,
    flags: 0,
    amb: PAD_ATOM,
    dict: NO_ROW,
    rows: [NO_ROW; KINDS],
};

/// Per-word atoms of one sentence, `PAD` padding positions on each side.
#[derive(Debug, Default)]
pub(crate) struct Atoms {
    /// The words, padding included.
    pub w: Vec<Word>,
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Feeds one character to a running FNV-1a hash (its UTF-8 bytes).
#[inline]
fn fnv(h: u64, c: char) -> u64 {
    if c.is_ascii() {
        return (h ^ c as u64).wrapping_mul(FNV_PRIME);
    }
    let mut buf = [0u8; 4];
    c.encode_utf8(&mut buf)
        .bytes()
        .fold(h, |h, b| (h ^ b as u64).wrapping_mul(FNV_PRIME))
}

/// Final avalanche of a hash (same on every machine).
#[inline]
fn avalanche(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Lowercases a character as the word atoms do, digits as 0.
#[inline]
fn fold(c: char) -> char {
    let l = if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    };
    if l.is_ascii_digit() {
        '0'
    } else {
        l
    }
}

/// A character in 16 bits, for packed prefix and suffix atoms.
#[inline]
fn code16(c: char) -> u64 {
    let c = c as u32;
    ((c ^ (c >> 16)) & 0xffff) as u64
}

/// The lowercased form with digits as 0 (quotes as ASCII): what the word atom hashes.
pub(crate) fn fold_form(form: &str) -> String {
    form.chars().map(|c| fold(ascii_quote(c))).collect()
}

/// The word atom of a form (the lexicon's and the tag dictionary's key).
pub(crate) fn lower_key(form: &str) -> u64 {
    avalanche(
        form.chars()
            .fold(FNV_START, |h, c| fnv(h, fold(ascii_quote(c)))),
    )
}

pub(crate) const F_CAP: u64 = 1;
pub(crate) const F_ALLCAPS: u64 = 2;
const F_DIGIT: u64 = 4;
const F_HYPHEN: u64 = 8;
const F_PERIOD: u64 = 16;
const F_LETTER: u64 = 32;

/// Which shape class a character falls in.
#[inline]
fn shape_char(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else if c.is_alphabetic() {
        'a'
    } else {
        c
    }
}

/// Computes the atoms of one word in a single pass over its characters (`chars` yields
/// them with quotes already ASCII). Generic so that the ASCII path compiles to byte code.
#[inline]
fn word_atoms(chars: impl Iterator<Item = char>) -> Word {
    let (mut word, mut shape) = (FNV_START, FNV_START);
    let (mut pre, mut last) = ([0u64; 3], 0u64);
    let mut n = 0usize;
    let (mut flags, mut upper, mut letters) = (0u64, 0usize, 0usize);
    let (mut run_char, mut run) = ('\0', 0usize);
    for c in chars {
        let l = fold(c);
        word = fnv(word, l);
        let code = code16(l);
        last = (last << 16) | code;
        if n < 3 {
            pre[n] = last;
        }
        let s = shape_char(c);
        if s == run_char {
            run += 1;
        } else {
            run_char = s;
            run = 1;
        }
        if run <= 3 {
            shape = fnv(shape, s);
        }
        match s {
            'X' => {
                letters += 1;
                upper += 1;
                if n == 0 {
                    flags |= F_CAP;
                }
            }
            'x' | 'a' => letters += 1,
            'd' => flags |= F_DIGIT,
            '-' => flags |= F_HYPHEN,
            '.' => flags |= F_PERIOD,
            _ => {}
        }
        n += 1;
    }
    if letters > 0 {
        flags |= F_LETTER;
        if upper == letters && letters > 1 {
            flags |= F_ALLCAPS;
        }
    }
    for p in pre.iter_mut().skip(n.min(3)) {
        *p = last;
    }
    let mask = |k: usize| {
        if k >= 4 {
            u64::MAX
        } else {
            (1u64 << (16 * k)) - 1
        }
    };
    Word {
        word: avalanche(word),
        pre,
        suf: [last & mask(1), last & mask(2), last & mask(3), last],
        shape: avalanche(shape),
        flags,
        amb: 0,
        dict: NO_ROW,
        rows: [NO_ROW; KINDS],
    }
}

impl Atoms {
    /// Fills the atoms of `forms`.
    pub fn fill(&mut self, forms: &[&str], lookup: &Lookup) {
        self.w.clear();
        let mut pad = PAD_WORD;
        pad.set_rows(&lookup.rows);
        self.w.extend([pad; PAD]);
        for form in forms {
            let mut w = if form.is_ascii() {
                word_atoms(form.bytes().map(|b| ascii_quote(b as char)))
            } else {
                word_atoms(form.chars().map(ascii_quote))
            };
            match lookup.words.get(&w.word) {
                Some(k) => {
                    w.amb = k.amb;
                    w.dict = k.dict;
                    w.rows = k.rows;
                    w.rows[0] = lookup.rows[0].get(&w.shape).copied().unwrap_or(NO_ROW);
                }
                None => w.set_rows(&lookup.rows),
            }
            self.w.push(w);
        }
        self.w.extend([pad; PAD]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn atoms(forms: &[&str]) -> Vec<Word> {
        let mut a = Atoms::default();
        a.fill(forms, &Lookup::default());
        assert_eq!(a.w.len(), forms.len() + 2 * PAD);
        a.w[PAD..PAD + forms.len()].to_vec()
    }

    #[test]
    fn atoms_share_what_words_share() {
        let a = atoms(&["Troops", "troops", "1,200", "5,600", "don’t", "don't", "a"]);
        assert_eq!(a[0].word, a[1].word);
        assert_ne!(a[0].shape, a[1].shape);
        assert_eq!(a[2].word, a[3].word);
        assert_eq!(a[4].word, a[5].word);
        assert_eq!(a[4].suf, a[5].suf);
        assert_eq!(a[0].word, lower_key("TROOPS"));
        assert_eq!(a[2].word, lower_key("9,999"));
        assert_eq!(lower_key(&fold_form("Don’t")), a[5].word);
        assert_eq!(a[0].suf, a[1].suf);
        assert_eq!(a[0].pre, a[1].pre);
        assert_eq!(a[0].flags & F_CAP, F_CAP);
        // A one-letter word: every prefix and suffix is the word itself.
        assert_eq!(a[6].suf[0], a[6].suf[3]);
        assert_eq!(a[6].pre[0], a[6].pre[2]);
        assert_ne!(a[0].suf[0], a[0].suf[1]);
    }

    #[test]
    fn the_ascii_path_agrees_with_the_unicode_path() {
        for form in [
            "Troops", "1,200", "don't", "U.S.", "e-mail", "ABC", "x", "'s", "--",
        ] {
            let ascii = word_atoms(form.bytes().map(|b| ascii_quote(b as char)));
            let general = word_atoms(form.chars().map(ascii_quote));
            assert_eq!(ascii.word, general.word);
            assert_eq!(ascii.pre, general.pre);
            assert_eq!(ascii.suf, general.suf);
            assert_eq!(ascii.shape, general.shape);
            assert_eq!(ascii.flags, general.flags);
        }
        let a = atoms(&["Ünïcödé", "naïve", "東京", "🙂"]);
        assert_eq!(a[0].flags & F_CAP, F_CAP);
        assert_eq!(a[1].word, lower_key("NAÏVE"));
    }
}
