//! The first pass over the characters of the clean text: **pieces**, the coarse units that
//! sentence splitting reads. [`crate::tokens`] then splits them into the Universal
//! Dependencies tokens of `article.tokens`; pieces never leave the crate.
//!
//! Piece classes (see [`TokenKind`]):
//! - **Word**: starts with a letter; keeps inner apostrophes ("Russia's", "don’t"), inner
//!   hyphens ("Secretary-General", "COVID-19"), "&" between capitals ("AT&T"), inner dots of
//!   initialisms and domains ("U.S.A", "e.g", "dw.com") and the trailing dot of an
//!   abbreviation or initial ("U.S.", "Gen.", "F.").
//! - **Number**: starts with a digit; keeps "," and "." between digits ("100,000", "3.5") and
//!   a letter suffix ("70k", "5bn", "1990s", "3rd").
//! - **Quote**: each quotation mark, straight or curly; an apostrophe inside a word is not one.
//! - **Punct**: everything else, one character each, except runs of dots ("..."), of "!"/"?"
//!   and of hyphens ("--"), which stay whole. Currency symbols and "%" are Punct.
//!
//! Sentence rules were written against these pieces (whole words with their clitics, so a
//! quotation's speaker "Trump's spokesman" is a run of words); keeping them as the splitter's
//! input is what keeps sentence boundaries stable while the token layer follows UD.

use storyline_record::{Span, Token, TokenKind};

use crate::abbrev;

/// The character starting at byte `i` of `text`, if any.
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Whether `c` is a quotation mark (straight, curly, low-9, guillemet, backtick).
pub(crate) fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '“'
            | '”'
            | '„'
            | '‟'
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '＂'
    )
}

/// Apostrophes that may sit inside a word.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Hyphens that may join the parts of a compound word.
pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Combining marks and joiners, which continue the word they follow.
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
            | '\u{0483}'..='\u{0489}'
            | '\u{0591}'..='\u{05BD}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0900}'..='\u{0903}'
            | '\u{093A}'..='\u{094F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{200C}'..='\u{200D}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FE20}'..='\u{FE2F}')
}

/// Whether `c` continues a word.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Pieces of `text`, in order, never overlapping, each on char boundaries; whitespace is
/// never part of a piece, and every other character is in one.
pub(crate) fn pieces(text: &str) -> Vec<Token> {
    // News prose runs about six bytes per token; reserving avoids most regrowth.
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        let (end, kind) = if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        } else if c.is_numeric() {
            (scan_number(text, i), TokenKind::Number)
        } else if c.is_alphabetic() {
            (scan_word(text, i), TokenKind::Word)
        } else if is_quote_char(c) {
            (i + c.len_utf8(), TokenKind::Quote)
        } else if matches!(c, '.' | '!' | '?' | '-') {
            (scan_run(text, i, c), TokenKind::Punct)
        } else {
            (i + c.len_utf8(), TokenKind::Punct)
        };
        out.push(Token {
            span: Span::new(i, end),
            kind,
            ..Token::default()
        });
        i = end;
    }
    out
}

/// End of the run of `c` (with "!"/"?" mixing) starting at `i`.
fn scan_run(text: &str, i: usize, c: char) -> usize {
    let same = |d: char| d == c || (matches!(c, '!' | '?') && matches!(d, '!' | '?'));
    let len = text
        .get(i..)
        .unwrap_or("")
        .chars()
        .take_while(|&d| same(d))
        .map(char::len_utf8)
        .sum::<usize>();
    i + len
}

/// End of the word starting at `start` (a letter).
fn scan_word(text: &str, start: usize) -> usize {
    let mut j = start;
    // Start of the current dot-separated piece, to tell "U.S" (short piece) from "countries.The".
    let mut piece = start;
    let mut prev = None;
    while let Some(d) = char_at(text, j) {
        let next = char_at(text, j + d.len_utf8());
        let joins = if is_word_char(d) {
            // A capital glued to a lowercase letter may start a new sentence in page dumps
            // ("…of UkraineThe UK"): split there when the tail is an opener of three letters
            // or more ("LinkedIn" and "McDonald" stay whole).
            !(d.is_uppercase()
                && prev.is_some_and(char::is_lowercase)
                && text
                    .get(start..j)
                    .is_some_and(|h| h.chars().nth(2).is_some())
                && glued_opener(text, j))
        } else if is_apostrophe(d) || is_hyphen(d) {
            // "don't", "Russia's"; "Secretary-General", "COVID-19".
            next.is_some_and(|n| {
                if is_apostrophe(d) {
                    n.is_alphabetic()
                } else {
                    is_word_char(n)
                }
            })
        } else if d == '&' {
            prev.is_some_and(char::is_uppercase) && next.is_some_and(char::is_uppercase)
        } else if d == '.' {
            // Inner dot: initialisms ("U.S.A", "e.g") and domains ("dw.com") join; a dot after
            // a longer piece before a capital is a run-together sentence end ("troops.The").
            // A piece counts as short at two letters or fewer ("Ph.D", "U.S.A", "a.m"); both
            // sides must be short so "U.S.The" splits after the abbreviation.
            let short_piece = text
                .get(piece..j)
                .is_some_and(|p| p.chars().nth(2).is_none());
            let short_next = text
                .get(j + 1..)
                .is_some_and(|r| r.chars().take_while(|c| c.is_alphabetic()).take(3).count() <= 2);
            next.is_some_and(|n| {
                n.is_alphabetic() && (short_piece && short_next || n.is_lowercase())
            })
        } else {
            false
        };
        if !joins {
            break;
        }
        // A hyphen starts a piece too: "(R-S.C.)" holds the initialism "S.C".
        if d == '.' || is_hyphen(d) {
            piece = j + d.len_utf8();
        }
        prev = Some(d);
        j += d.len_utf8();
    }
    trailing_abbrev_dot(text, start, j)
}

/// Whether the letters starting at byte `at` spell a sentence opener of three letters or more.
fn glued_opener(text: &str, at: usize) -> bool {
    // Openers are at most nine letters; looking no further keeps "aBaBaB…" linear.
    let tail = text.get(at..).unwrap_or("");
    let len = tail
        .char_indices()
        .take(MAX_OPENER_LEN + 1)
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(tail.len(), |(i, _)| i);
    tail.get(..len)
        .is_some_and(|w| w.len() >= 3 && w.len() <= MAX_OPENER_LEN && abbrev::is_opener(w))
}

/// Length in bytes of the longest glued opener looked for ("Meanwhile").
const MAX_OPENER_LEN: usize = 9;

/// `end`, or one past the dot that follows when the word `start..end` is an abbreviation.
fn trailing_abbrev_dot(text: &str, start: usize, end: usize) -> usize {
    if char_at(text, end) != Some('.') || char_at(text, end + 1) == Some('.') {
        // No dot, or the start of an ellipsis ("etc...").
        return end;
    }
    let word = text.get(start..end).unwrap_or("");
    let after = text
        .get(end + 1..)
        .and_then(|s| s.chars().find(|c| !c.is_whitespace()));
    match abbrev::class_of(word, after) {
        Some(_) => end + 1,
        None => end,
    }
}

/// End of the number starting at `start` (a digit).
fn scan_number(text: &str, start: usize) -> usize {
    let mut j = start;
    while let Some(d) = char_at(text, j) {
        let next = char_at(text, j + d.len_utf8());
        if d.is_numeric() {
            j += d.len_utf8();
        } else if matches!(d, ',' | '.') && next.is_some_and(|n| n.is_ascii_digit()) {
            j += 1;
        } else if d.is_alphabetic() {
            // A unit or ordinal suffix ("70k", "5bn", "1990s", "3rd"): keep it on the number.
            while let Some(s) = char_at(text, j).filter(|&s| is_word_char(s)) {
                j += s.len_utf8();
            }
            break;
        } else {
            break;
        }
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        pieces(text)
            .iter()
            .map(|t| (t.span.slice(text), t.kind))
            .collect()
    }

    fn words(text: &str) -> Vec<&str> {
        toks(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        assert_eq!(
            words("The Secretary-General's plan won't pass, O’Brien said."),
            [
                "The",
                "Secretary-General's",
                "plan",
                "won't",
                "pass",
                ",",
                "O’Brien",
                "said",
                "."
            ]
        );
        assert_eq!(
            words("COVID-19 cases at AT&T"),
            ["COVID-19", "cases", "at", "AT&T"]
        );
    }

    #[test]
    fn numbers_keep_separators_decimals_and_suffixes() {
        use TokenKind::*;
        assert_eq!(
            toks("About 100,000 fans, up 3.5% to $8,500 or 70k."),
            [
                ("About", Word),
                ("100,000", Number),
                ("fans", Word),
                (",", Punct),
                ("up", Word),
                ("3.5", Number),
                ("%", Punct),
                ("to", Word),
                ("$", Punct),
                ("8,500", Number),
                ("or", Word),
                ("70k", Number),
                (".", Punct),
            ]
        );
        assert_eq!(
            words("in the 1990s, 2014-2022."),
            ["in", "the", "1990s", ",", "2014", "-", "2022", "."]
        );
    }

    #[test]
    fn abbreviations_and_initials_keep_their_dot() {
        assert_eq!(
            words("U.S. Gen. Mark Milley met J. K. Rowling at 9 a.m. on Jan. 5, e.g. here."),
            [
                "U.S.", "Gen.", "Mark", "Milley", "met", "J.", "K.", "Rowling", "at", "9", "a.m.",
                "on", "Jan.", "5", ",", "e.g.", "here", "."
            ]
        );
        assert_eq!(
            words("No. 10 said no. The"),
            ["No.", "10", "said", "no", ".", "The"]
        );
    }

    #[test]
    fn a_glued_opener_splits_off_but_camel_case_names_do_not() {
        assert_eq!(
            words("Flood Risk in YorkshireThe council and LinkedIn, McDonald's, YouTube"),
            [
                "Flood",
                "Risk",
                "in",
                "Yorkshire",
                "The",
                "council",
                "and",
                "LinkedIn",
                ",",
                "McDonald's",
                ",",
                "YouTube"
            ]
        );
        assert_eq!(
            words("in the U.S.The Ph.D"),
            ["in", "the", "U.S.", "The", "Ph.D"]
        );
    }

    #[test]
    fn run_together_sentences_split_but_domains_and_initialisms_do_not() {
        assert_eq!(
            words("willing countries.The statement on dw.com and U.S.A."),
            [
                "willing",
                "countries",
                ".",
                "The",
                "statement",
                "on",
                "dw.com",
                "and",
                "U.S.A."
            ]
        );
        assert_eq!(
            words("Gowdy (R-S.C.) said"),
            ["Gowdy", "(", "R-S.C.", ")", "said"]
        );
    }

    #[test]
    fn quotes_are_their_own_tokens_but_apostrophes_are_not() {
        use TokenKind::*;
        assert_eq!(
            toks("“Don’t,” she said. 'Go' the fans' \"now\""),
            [
                ("“", Quote),
                ("Don’t", Word),
                (",", Punct),
                ("”", Quote),
                ("she", Word),
                ("said", Word),
                (".", Punct),
                ("'", Quote),
                ("Go", Word),
                ("'", Quote),
                ("the", Word),
                ("fans", Word),
                ("'", Quote),
                ("\"", Quote),
                ("now", Word),
                ("\"", Quote),
            ]
        );
    }

    #[test]
    fn runs_of_dots_bangs_and_dashes_stay_whole() {
        assert_eq!(
            words("NATO ... stands -- ready?! Yes…"),
            ["NATO", "...", "stands", "--", "ready", "?!", "Yes", "…"]
        );
    }

    #[test]
    fn non_latin_and_combining_marks_stay_in_words() {
        assert_eq!(
            words("Киев, Zürich e\u{301}te 東京。"),
            ["Киев", ",", "Zürich", "e\u{301}te", "東京", "。"]
        );
    }
}
