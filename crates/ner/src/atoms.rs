//! What the features of a sentence are made of, computed once per word: hashed word forms,
//! affixes and shape, spelling flags, part of speech and gazetteer hits.

use storyline_learn::{hash_str, KeyMap};
use storyline_lexicon::Lexicon;
use storyline_record::Upos;
use storyline_syntax::clusters::{self, ClusterAtoms};

/// One word of a sentence as the tagger reads it.
#[derive(Debug, Clone, Copy)]
pub struct NerWord<'a> {
    /// The word as written.
    pub form: &'a str,
    /// Its part of speech (from the syntax stage's tagger).
    pub upos: Upos,
}

/// Padding words either side of a sentence.
pub(crate) const PAD: usize = 2;

/// Gazetteer flags of one word (bits of [`WordAtoms::gaz`]).
pub(crate) mod gaz {
    pub const GIVEN: u32 = 1;
    pub const PLACE: u32 = 1 << 1;
    pub const ORG: u32 = 1 << 2;
    pub const CLUB: u32 = 1 << 3;
    pub const LEADER: u32 = 1 << 4;
    pub const DEMONYM: u32 = 1 << 5;
    pub const ORG_WORD: u32 = 1 << 6;
    pub const TITLE: u32 = 1 << 7;
    pub const ORG_HEAD: u32 = 1 << 8;
    pub const PLACE_WORD: u32 = 1 << 9;
    pub const COMMON: u32 = 1 << 10;
    pub const NOT_NAME: u32 = 1 << 11;
    /// Number of flags.
    pub const COUNT: u32 = 12;
}

/// Spelling flags (bits of [`WordAtoms::flags`]).
pub(crate) mod flag {
    pub const INIT_CAP: u64 = 1;
    pub const ALL_CAPS: u64 = 1 << 1;
    pub const DIGIT: u64 = 1 << 2;
    pub const HYPHEN: u64 = 1 << 3;
    pub const PERIOD: u64 = 1 << 4;
    pub const FIRST: u64 = 1 << 5;
    /// The whole sentence is in capitals (a headline, a dateline).
    pub const CAPS_SENTENCE: u64 = 1 << 6;
}

/// The atoms of one word.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WordAtoms {
    /// The form folded to lower case, digits as 0.
    pub lower: u64,
    /// The form as written, digits as 0.
    pub form: u64,
    /// Prefixes and suffixes of one to four characters of the folded form.
    pub pre: [u64; 4],
    /// See `pre`.
    pub suf: [u64; 4],
    /// Character classes, runs shortened to two.
    pub shape: u64,
    /// Spelling flags.
    pub flags: u64,
    /// Part of speech + 1 (0: padding).
    pub upos: u64,
    /// Gazetteer flags.
    pub gaz: u32,
    /// Where the word stands in the longest known multi-word place, organisation or club
    /// starting at or before it: kind * 4 + part + 1 (0: none).
    pub multi: u64,
    /// Whether the model must score the word (it has a capital or a digit); other words
    /// outside a mention are outside.
    pub scored: bool,
    /// Key of the word in the document memory (the form as written).
    pub memory_key: u64,
    /// Its word cluster's prefixes (the shipped clusters).
    pub cluster: ClusterAtoms,
}

/// The atoms of a sentence, padded by [`PAD`] words either side.
#[derive(Debug, Default)]
pub(crate) struct Atoms {
    pub w: Vec<WordAtoms>,
    buf: String,
    digits: String,
    joined: String,
    /// Gazetteer flags and clusters of the forms seen lately, by the hash of the form: news
    /// repeats its words, and one look-up here replaces a dozen in the lexicon.
    gazetteer: KeyMap<(Box<str>, u32, ClusterAtoms)>,
}

/// Forms whose gazetteer flags are remembered at most (the memory is emptied when full).
const GAZETTEER_MEMORY: usize = 100_000;

fn fold_into(form: &str, out: &mut String) {
    out.clear();
    for c in form.chars() {
        if c.is_ascii_digit() {
            out.push('0');
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

fn shape(form: &str) -> u64 {
    let mut h: u64 = 0x9e37_79b9;
    let (mut last, mut run) = ('\0', 0);
    for c in form.chars().take(24) {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        run = if k == last { run + 1 } else { 1 };
        last = k;
        if run <= 2 {
            h = (h.rotate_left(7) ^ k as u64).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

fn affixes(folded: &str) -> ([u64; 4], [u64; 4]) {
    // Byte offsets after the first k characters and before the last k (the whole word when
    // it is shorter), without collecting its characters.
    let mut pre = [0; 4];
    let mut suf = [0; 4];
    let mut ends = folded.char_indices().map(|(b, _)| b).skip(1);
    let mut starts = folded.char_indices().rev().map(|(b, _)| b);
    for k in 0..4 {
        pre[k] = hash_str(&folded[..ends.next().unwrap_or(folded.len())]);
        suf[k] = hash_str(&folded[starts.next().unwrap_or(0)..]);
    }
    (pre, suf)
}

fn gazetteer(form: &str, lex: &Lexicon) -> u32 {
    let mut g = 0;
    let caps = form.chars().any(char::is_uppercase);
    if caps && lex.is_given_name(form) {
        g |= gaz::GIVEN;
    }
    if lex.place(form).is_some() || (caps && lex.place_folded(form).is_some()) {
        g |= gaz::PLACE;
    }
    for (hit, bit) in [
        (lex.org(form).is_some(), gaz::ORG),
        (lex.club(form).is_some(), gaz::CLUB),
        (lex.leader(form).is_some(), gaz::LEADER),
        (lex.is_demonym(form), gaz::DEMONYM),
        (lex.is_org_word(form), gaz::ORG_WORD),
        (lex.is_title_word(form), gaz::TITLE),
        (lex.is_org_head(form), gaz::ORG_HEAD),
        (lex.is_place_word(form), gaz::PLACE_WORD),
        (lex.is_common_word(form), gaz::COMMON),
        (lex.is_not_name(form), gaz::NOT_NAME),
    ] {
        if hit {
            g |= bit;
        }
    }
    g
}

/// Longest known multi-word name of at most this many words.
const MAX_MULTI: usize = 6;

impl Atoms {
    /// Computes the atoms of `words`.
    pub fn fill(&mut self, words: &[NerWord], lex: &Lexicon) {
        self.w.clear();
        self.w.resize(words.len() + 2 * PAD, WordAtoms::default());
        let letters = words
            .iter()
            .flat_map(|w| w.form.chars())
            .filter(|c| c.is_alphabetic());
        let (mut upper, mut lower) = (0usize, 0usize);
        for c in letters {
            if c.is_uppercase() {
                upper += 1;
            } else {
                lower += 1;
            }
        }
        let caps_sentence = upper >= 4 && lower == 0;
        for (i, word) in words.iter().enumerate() {
            let form = word.form;
            let a = &mut self.w[i + PAD];
            fold_into(form, &mut self.buf);
            a.lower = hash_str(&self.buf);
            (a.pre, a.suf) = affixes(&self.buf);
            self.digits.clear();
            self.digits.extend(
                form.chars()
                    .map(|c| if c.is_ascii_digit() { '0' } else { c }),
            );
            a.form = hash_str(&self.digits);
            a.memory_key = hash_str(form);
            a.shape = shape(form);
            let first = form.chars().next().unwrap_or(' ');
            let has_upper = form.chars().any(char::is_uppercase);
            let has_lower = form.chars().any(char::is_lowercase);
            let digit = form.chars().any(|c| c.is_ascii_digit());
            let mut f = 0;
            for (on, bit) in [
                (first.is_uppercase(), flag::INIT_CAP),
                (has_upper && !has_lower, flag::ALL_CAPS),
                (digit, flag::DIGIT),
                (form.contains('-'), flag::HYPHEN),
                (form.contains('.'), flag::PERIOD),
                (i == 0, flag::FIRST),
                (caps_sentence, flag::CAPS_SENTENCE),
            ] {
                if on {
                    f |= bit;
                }
            }
            a.flags = f;
            a.upos = word.upos.index() as u64 + 1;
            (a.gaz, a.cluster) = match self.gazetteer.get(&a.memory_key) {
                Some((known, g, c)) if **known == *form => (*g, *c),
                _ => {
                    let g = gazetteer(form, lex);
                    let c = clusters::shipped().atoms(form);
                    if self.gazetteer.len() >= GAZETTEER_MEMORY {
                        self.gazetteer.clear();
                    }
                    self.gazetteer.insert(a.memory_key, (form.into(), g, c));
                    (g, c)
                }
            };
            a.scored = has_upper || digit;
        }
        self.mark_multi(words, lex);
    }

    /// Marks the words of known multi-word names (longest first, left to right).
    fn mark_multi(&mut self, words: &[NerWord], lex: &Lexicon) {
        let mut i = 0;
        while i < words.len() {
            let most = lex.max_words_from(words[i].form).min(MAX_MULTI);
            let mut matched = 0;
            for len in (2..=most).rev() {
                if i + len > words.len() {
                    continue;
                }
                self.joined.clear();
                for (k, w) in words[i..i + len].iter().enumerate() {
                    if k > 0 {
                        self.joined.push(' ');
                    }
                    self.joined.push_str(w.form);
                }
                let name = self.joined.as_str();
                let kind = if lex.place(name).is_some() {
                    Some(0)
                } else if lex.org(name).is_some() {
                    Some(1)
                } else if lex.club(name).is_some() {
                    Some(2)
                } else {
                    None
                };
                if let Some(kind) = kind {
                    for k in 0..len {
                        let part = if k == 0 {
                            0
                        } else if k + 1 == len {
                            2
                        } else {
                            1
                        };
                        self.w[i + k + PAD].multi = kind * 4 + part + 1;
                    }
                    matched = len;
                    break;
                }
            }
            i += matched.max(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words<'a>(forms: &[&'a str]) -> Vec<NerWord<'a>> {
        forms
            .iter()
            .map(|&form| NerWord {
                form,
                upos: Upos::Propn,
            })
            .collect()
    }

    #[test]
    fn atoms_see_spelling_and_gazetteers() {
        let mut a = Atoms::default();
        a.fill(
            &words(&["Troops", "left", "New", "York", "in", "1996"]),
            Lexicon::get(),
        );
        let w = |i: usize| a.w[i + PAD];
        assert!(w(0).scored && !w(1).scored && w(5).scored);
        assert_ne!(w(0).flags & flag::FIRST, 0);
        assert_eq!(w(1).flags & flag::INIT_CAP, 0);
        assert_ne!(w(2).multi, 0);
        assert_ne!(w(3).multi, 0);
        assert_ne!(w(2).multi, w(3).multi);
        assert_eq!(w(4).multi, 0);
    }

    #[test]
    fn affixes_count_characters_not_bytes() {
        let (pre, suf) = affixes("zürich");
        assert_eq!(pre[1], hash_str("zü"));
        assert_eq!(suf[3], hash_str("rich"));
        let (pre, _) = affixes("é");
        assert_eq!(pre[3], hash_str("é"));
    }

    #[test]
    fn remembered_gazetteer_flags_are_the_lexicons() {
        let forms = [
            "Paris", "PARIS", "paris", "Maria", "the", "Ministry", "Paris", "Oxfam",
        ];
        let lex = Lexicon::get();
        let mut a = Atoms::default();
        for _ in 0..2 {
            a.fill(&words(&forms), lex);
            for (i, form) in forms.iter().enumerate() {
                assert_eq!(a.w[i + PAD].gaz, gazetteer(form, lex), "{form}");
            }
        }
        assert_ne!(a.w[PAD].gaz & gaz::PLACE, 0);
        assert_ne!(a.w[PAD + 3].gaz & gaz::GIVEN, 0);
    }

    #[test]
    fn capital_sentences_are_flagged() {
        let mut a = Atoms::default();
        a.fill(&words(&["BRUSSELS", "1996-08-22"]), Lexicon::get());
        assert_ne!(a.w[PAD].flags & flag::CAPS_SENTENCE, 0);
        assert_ne!(a.w[PAD].gaz & gaz::PLACE, 0);
    }
}
