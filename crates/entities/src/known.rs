//! Gazetteer matching: names the lexicon knows, written in one word or several.

use storyline_lexicon::{Lexicon, Place};

use crate::words::Word;

/// A name the gazetteers know, with its canonical form.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Known {
    /// A place.
    Place(Place),
    /// An organisation, with its canonical name.
    Org(&'static str),
}

/// Finds the known place or organisation of the longest multi-word name starting at word
/// `i` (at least two words, none separated by punctuation), and its length in words.
pub(crate) fn known_multi(words: &[Word<'_>], i: usize, lex: &Lexicon) -> Option<(usize, Known)> {
    let first = words.get(i)?;
    let max = lex.max_words_from(first.text);
    if max < 2 {
        return None;
    }
    let mut len = 1;
    while len < max {
        match words.get(i + len) {
            Some(w) if !w.gap_before && w.line == first.line && !words[i + len - 1].possessive => {
                len += 1
            }
            _ => break,
        }
    }
    let mut key = String::new();
    for n in (2..=len).rev() {
        key.clear();
        for (k, w) in words[i..i + n].iter().enumerate() {
            if k > 0 {
                key.push(' ');
            }
            key.push_str(w.text);
        }
        if let Some(k) = known_single(&key, lex) {
            if words[i + n - 1].cap {
                return Some((n, k));
            }
        }
    }
    None
}

/// The known place or organisation written exactly as `name`.
pub(crate) fn known_single(name: &str, lex: &Lexicon) -> Option<Known> {
    if let Some(c) = lex.org(name) {
        return Some(Known::Org(c));
    }
    lex.place(name).map(Known::Place)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::of_text;

    #[test]
    fn longest_known_name_wins() {
        let lex = Lexicon::get();
        let w = of_text("the United States of America and the Gulf of Mexico");
        let hit = known_multi(&w, 1, lex);
        assert!(matches!(hit, Some((4, Known::Place(p))) if p.canonical == "United States"));
        let hit = known_multi(&w, 7, lex);
        assert!(matches!(hit, Some((3, Known::Place(_)))));
        assert!(known_multi(&w, 0, lex).is_none());
    }

    #[test]
    fn never_across_punctuation() {
        let lex = Lexicon::get();
        let w = of_text("in New. York");
        assert!(known_multi(&w, 1, lex).is_none());
        assert_eq!(known_single("Sky News", lex), Some(Known::Org("Sky News")));
    }
}
