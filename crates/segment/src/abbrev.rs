//! Closed word classes the segmenter needs: abbreviations that take a trailing dot, and the
//! capitalised words that typically open a sentence.
//!
//! An abbreviation's dot is part of its word token ("Gen.", "Inc."), so the sentence splitter
//! only has to decide whether that word also ends the sentence. Titles and month names sit
//! before a name or a number and never end one; company suffixes, country initialisms and
//! times often do ("shares of Acme Inc. The deal…"), so they end a sentence when a typical
//! sentence opener follows.

use storyline_lexicon::{capitalised, Abbreviation, Lexicon};

/// How an abbreviation behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Sits before what it qualifies (titles, months, "No.", "e.g."): never ends a sentence.
    Leading,
    /// May close a sentence ("U.S.", "Inc.", "p.m.", initials): ends one only before an opener.
    Trailing,
}

/// The class of `word` (its text without the trailing dot) when a dot after it is an
/// abbreviation dot, or `None` when that dot is ordinary punctuation.
///
/// Dotted initialisms ("U.S", "a.m", "Ph.D") qualify when every dot-separated piece has at
/// most two letters, which keeps domain names ("dw.com") out; a single capital letter is an
/// initial ("John F. Kennedy").
/// `next` is the first non-space character after the dot, which decides "No." ("No. 10").
pub fn class_of(word: &str, next: Option<char>) -> Option<AbbrevClass> {
    let lex = Lexicon::get();
    // A short word in capitals is the title its title case is ("ST. LOUIS", "GEN. SMITH");
    // other abbreviations in capitals are words of their own ("Harrisburg, PA.", "MD").
    let capitals = (2..=4).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase());
    let known = lex.abbreviation(word).or_else(|| {
        capitals
            .then(|| capitalised(word))
            .and_then(|titled| lex.abbreviation(&titled))
            .filter(|&a| a == Abbreviation::Leading)
    });
    match known {
        Some(Abbreviation::Leading) => return Some(AbbrevClass::Leading),
        Some(Abbreviation::Trailing) => return Some(AbbrevClass::Trailing),
        Some(Abbreviation::BeforeNumber) => {
            return next
                .is_some_and(|c| c.is_ascii_digit())
                .then_some(AbbrevClass::Leading)
        }
        None => {}
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase().then_some(AbbrevClass::Trailing);
    }
    // "R-S.C", "D-N.Y": a party label ends in the initialism of its state.
    let word = match word.rsplit_once('-') {
        Some((_, tail)) if tail.contains('.') => tail,
        _ => word,
    };
    let dotted = word.contains('.')
        && word
            .split('.')
            .all(|p| (1..=2).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic));
    dotted.then_some(AbbrevClass::Trailing)
}

/// Whether `word` commonly opens a sentence: after an abbreviation that may end a sentence
/// ("in the U.S. The…"), an opener tips the balance towards a boundary, while a name
/// ("U.S. Army", "John F. Kennedy") does not (the lexicon's `sentence_openers`).
pub fn is_opener(word: &str) -> bool {
    Lexicon::get().is_sentence_opener(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openers_come_from_the_lexicon() {
        assert!(is_opener("The") && is_opener("However") && !is_opener("Army"));
    }

    #[test]
    fn classifies_titles_months_initialisms_and_initials() {
        assert_eq!(class_of("Gen", None), Some(AbbrevClass::Leading));
        assert_eq!(class_of("Sept", None), Some(AbbrevClass::Leading));
        assert_eq!(class_of("e.g", None), Some(AbbrevClass::Leading));
        assert_eq!(class_of("Inc", None), Some(AbbrevClass::Trailing));
        assert_eq!(class_of("U.S", None), Some(AbbrevClass::Trailing));
        assert_eq!(class_of("p.m", None), Some(AbbrevClass::Trailing));
        assert_eq!(class_of("F", None), Some(AbbrevClass::Trailing));
        assert_eq!(class_of("dw.com", None), None);
        assert_eq!(class_of("countries", None), None);
        assert_eq!(class_of("a", None), None);
        assert_eq!(class_of("No", Some('1')), Some(AbbrevClass::Leading));
        assert_eq!(class_of("no", Some('T')), None);
        assert_eq!(class_of("R-S.C", Some(')')), Some(AbbrevClass::Trailing));
        assert_eq!(class_of("well-known", None), None);
        assert_eq!(class_of("ST", Some('L')), Some(AbbrevClass::Leading));
        assert_eq!(class_of("GEN", None), Some(AbbrevClass::Leading));
        assert_eq!(class_of("WAR", None), None);
    }
}
