//! Splitting a word piece into tokens as Universal Dependencies English (EWT, GUM) does.
//!
//! - Clitics go off as tokens of their own: "Russia's" → `Russia` `'s`, "don't" → `do` `n't`,
//!   "can't" → `ca` `n't`, "won't" → `wo` `n't`, "we'll" → `we` `'ll`, with straight or curly
//!   apostrophes and in any case ("DON'T" → `DO` `N'T`). Names keep their apostrophe
//!   ("O'Brien", "d'Ivoire", "o'clock").
//! - Fused forms split like the treebanks: "cannot" → `can` `not`, "gonna" → `gon` `na`,
//!   "wanna" → `wan` `na`, "gotta" → `got` `ta`.
//! - A hyphen between word parts is a token ("Secretary-General" → `Secretary` `-`
//!   `General`, "COVID-19" → `COVID` `-` `19`), except after a bound prefix ("anti-war",
//!   "non-profit", "e-mail", "co-founder") or before a bound suffix ("tax-wise"): the
//!   treebanks keep those whole. A particle that ends the word after a lower-case word stays
//!   too ("build-up", "sit-in"), which the treebanks split: split, the parser reads it as the
//!   particle of the sentence's verb. Measured on EWT and GUM train+dev, this rule matches about
//!   nine in ten hyphenated words; most misses are URL fragments and Chinese given names.

use std::ops::Range;

use storyline_lexicon::{is_clitic, is_hyphen_particle, is_hyphen_prefix, is_hyphen_suffix};

use crate::scan::{is_apostrophe, is_hyphen};

/// Most clitics one word carries ("would" + "n't" + "'ve" has two).
const MAX_CLITICS: usize = 3;

/// Appends the byte ranges (within `word`) of the tokens of the word piece `word` to `out`, in
/// order: together they cover `word` exactly.
pub(crate) fn split_word(word: &str, out: &mut Vec<Range<usize>>) {
    // Start of the part not yet emitted, and of the part since the last hyphen (split or not).
    let mut seg = 0;
    let mut part = 0;
    for (i, c) in word.char_indices() {
        if !is_hyphen(c) {
            continue;
        }
        let after = i + c.len_utf8();
        let rest = word.get(after..).unwrap_or("");
        let next = rest.find(is_hyphen).map_or(rest, |j| &rest[..j]);
        let before = word.get(part..i).unwrap_or("");
        // A particle ending the word after a lower-case word ("build-up", "sit-ins").
        let last = next.len() == rest.len();
        let lower = before.len() > 1 && before.bytes().all(|b| b.is_ascii_lowercase());
        let plural = next.strip_suffix('s').unwrap_or(next);
        let particle = last && lower && (is_hyphen_particle(next) || is_hyphen_particle(plural));
        let keep = is_hyphen_prefix(before) || is_hyphen_suffix(next) || particle;
        // The scanner joins a hyphen only between word characters, so neither side is empty.
        if !keep && i > seg && after < word.len() {
            split_part(word, seg..i, out);
            out.push(i..after);
            seg = after;
        }
        part = after;
    }
    split_part(word, seg..word.len(), out);
}

/// Appends the tokens of `word[range]` (a part without a split hyphen): its base, cut when it
/// is a fused form, then its clitics.
fn split_part(word: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(part) = word.get(range.clone()) else {
        return;
    };
    // Clitics are found from the end ("wouldn't've": "'ve", then "n't").
    let mut cuts = [0; MAX_CLITICS];
    let mut n = 0;
    let mut end = part.len();
    while n < MAX_CLITICS {
        match clitic_len(&part[..end]) {
            Some(len) => {
                end -= len;
                cuts[n] = end;
                n += 1;
            }
            None => break,
        }
    }
    let at = |i: usize| range.start + i;
    match fused_cut(&part[..end]) {
        Some(cut) => {
            out.push(at(0)..at(cut));
            out.push(at(cut)..at(end));
        }
        None => out.push(at(0)..at(end)),
    }
    let mut from = end;
    for &cut in cuts[..n].iter().rev().skip(1) {
        out.push(at(from)..at(cut));
        from = cut;
    }
    if n > 0 {
        out.push(at(from)..at(part.len()));
    }
}

/// Length in bytes of the clitic ending `w` ("'s", "n't", …), when what precedes it is a word
/// (ends in a letter, digit or mark).
fn clitic_len(w: &str) -> Option<usize> {
    let (apos, a) = w.char_indices().rev().find(|&(_, c)| is_apostrophe(c))?;
    let tail = &w[apos + a.len_utf8()..];
    let (start, base) = if is_clitic(tail) {
        (apos, &w[..apos])
    } else if tail.eq_ignore_ascii_case("t") && w[..apos].ends_with(['n', 'N']) {
        (apos - 1, &w[..apos - 1])
    } else {
        return None;
    };
    let last = base.chars().next_back()?;
    (last.is_alphanumeric() || !last.is_ascii() && !is_apostrophe(last)).then_some(w.len() - start)
}

/// Where the fused form `w` splits, when it is one written in lower, title or upper case.
fn fused_cut(w: &str) -> Option<usize> {
    let rest = w.get(1..)?;
    let plain_case =
        rest.bytes().all(|b| b.is_ascii_lowercase()) || w.bytes().all(|b| b.is_ascii_uppercase());
    plain_case
        .then(|| storyline_lexicon::fused_cut(w))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(word: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split_word(word, &mut out);
        out.into_iter().map(|r| &word[r]).collect()
    }

    #[test]
    fn possessive_and_verb_clitics_split_off() {
        assert_eq!(parts("Russia's"), ["Russia", "'s"]);
        assert_eq!(parts("Kremlin’s"), ["Kremlin", "’s"]);
        assert_eq!(parts("NATO'S"), ["NATO", "'S"]);
        assert_eq!(parts("I'm"), ["I", "'m"]);
        assert_eq!(parts("they’re"), ["they", "’re"]);
        assert_eq!(parts("we've"), ["we", "'ve"]);
        assert_eq!(parts("She'll"), ["She", "'ll"]);
        assert_eq!(parts("he'd"), ["he", "'d"]);
        assert_eq!(parts("MH17's"), ["MH17", "'s"]);
    }

    #[test]
    fn negation_splits_before_the_n() {
        assert_eq!(parts("don't"), ["do", "n't"]);
        assert_eq!(parts("can't"), ["ca", "n't"]);
        assert_eq!(parts("won’t"), ["wo", "n’t"]);
        assert_eq!(parts("DIDN'T"), ["DID", "N'T"]);
        assert_eq!(parts("wouldn't've"), ["would", "n't", "'ve"]);
        assert_eq!(parts("n't"), ["n't"]);
    }

    #[test]
    fn names_and_lone_clitics_keep_their_apostrophe() {
        for w in [
            "O'Brien",
            "d’Ivoire",
            "o'clock",
            "y'all",
            "Qur'an",
            "ma'am",
            "rock'n'roll",
        ] {
            assert_eq!(parts(w), [w]);
        }
        assert_eq!(parts("O'Neill's"), ["O'Neill", "'s"]);
    }

    #[test]
    fn fused_forms_split_in_plain_case_only() {
        assert_eq!(parts("cannot"), ["can", "not"]);
        assert_eq!(parts("Cannot"), ["Can", "not"]);
        assert_eq!(parts("GONNA"), ["GON", "NA"]);
        assert_eq!(parts("wanna"), ["wan", "na"]);
        assert_eq!(parts("gotta"), ["got", "ta"]);
        assert_eq!(parts("CanNot"), ["CanNot"]);
        assert_eq!(parts("cannoted"), ["cannoted"]);
    }

    #[test]
    fn hyphens_between_parts_are_tokens() {
        assert_eq!(parts("Secretary-General"), ["Secretary", "-", "General"]);
        assert_eq!(
            parts("Secretary-General's"),
            ["Secretary", "-", "General", "'s"]
        );
        assert_eq!(parts("COVID-19"), ["COVID", "-", "19"]);
        assert_eq!(parts("year-on-year"), ["year", "-", "on", "-", "year"]);
        assert_eq!(parts("Kyiv‑based"), ["Kyiv", "‑", "based"]);
    }

    #[test]
    fn a_final_particle_after_a_lower_case_word_keeps_its_hyphen() {
        for w in ["build-up", "follow-up", "sit-in", "lay-offs", "take-over"] {
            assert_eq!(parts(w), [w], "{w}");
        }
        // Not after a name, nor before more of the word.
        assert_eq!(parts("Kyiv-up"), ["Kyiv", "-", "up"]);
        assert_eq!(parts("up-to-date"), ["up", "-", "to", "-", "date"]);
        assert_eq!(parts("year-on-year"), ["year", "-", "on", "-", "year"]);
    }

    #[test]
    fn bound_prefixes_and_suffixes_keep_their_hyphen() {
        for w in [
            "anti-war",
            "non-profit",
            "e-mail",
            "co-founder",
            "Pre-war",
            "tax-wise",
        ] {
            assert_eq!(parts(w), [w]);
        }
        assert_eq!(
            parts("anti-government-protests"),
            ["anti-government", "-", "protests"]
        );
        assert_eq!(parts("self-defence"), ["self", "-", "defence"]);
        assert_eq!(parts("ex-minister's"), ["ex-minister", "'s"]);
    }
}
