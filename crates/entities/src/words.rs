//! The entity stage's own view of the text: words with their shape and position flags.
//!
//! The stage scans `text` itself rather than reading `article.tokens`, so that a possessive
//! `'s` is split off, abbreviations such as "U.S." and "Mr." stay whole, and the flags the
//! rules need (sentence start, punctuation gap, line) are computed in the same single pass.

use storyline_record::Span;

/// One word of the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Word<'t> {
    /// Byte span in the text (without a trailing possessive `'s`).
    pub span: Span,
    /// The word as written.
    pub text: &'t str,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// First word of a sentence or line: its capital says nothing.
    pub sent_start: bool,
    /// Followed by a possessive `'s` / `’s` / `'`.
    pub possessive: bool,
    /// The possessive marker as written (`'s`, `’s`, `'`), empty when there is none: names
    /// that keep it inside ("Leeds Magistrates' Court") are spelt as written.
    pub apos: &'t str,
    /// Something other than plain spaces separates it from the previous word (punctuation,
    /// a quotation mark, a line break): a name never spans such a gap.
    pub gap_before: bool,
    /// Immediately preceded by an opening parenthesis: "(OSCE)".
    pub in_parens: bool,
    /// Index of the line the word is on.
    pub line: usize,
}

/// Abbreviations that keep their dot and never end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Inc", "Corp", "Ltd", "Co", "Gen", "Col", "Lt",
    "Sgt", "Sen", "Rep", "Gov", "Prof", "Rev", "Capt", "Adm", "Maj", "No", "vs", "Mt", "Ft",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits `text` into words. Runs in one pass over the characters.
pub(crate) fn scan(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let ch = |k: usize| chars.get(k).map(|&(_, c)| c);
    // An `s` at `k` that ends the word: the possessive of "Russia's".
    let possessive_s =
        |k: usize| matches!(ch(k), Some('s' | 'S')) && !ch(k + 1).is_some_and(is_word_char);
    let at = |k: usize| chars.get(k).map_or(text.len(), |&(i, _)| i);
    let mut i = 0;
    let mut line = 0;
    // Whether a sentence boundary (or the start of text / a line) lies before the next word.
    let mut boundary = true;
    let mut gap = true;
    let mut in_parens = false;
    while i < n {
        let c = ch(i).unwrap_or(' ');
        if !is_word_char(c) {
            match c {
                '\n' => {
                    line += 1;
                    boundary = true;
                    gap = true;
                }
                '.' | '!' | '?' => {
                    boundary = true;
                    gap = true;
                }
                ' ' | '\t' | '\u{a0}' | '\r' => {}
                _ => gap = true,
            }
            in_parens = c == '(';
            if !c.is_whitespace() && c != '(' {
                in_parens = false;
            }
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        loop {
            while j < n && ch(j).is_some_and(is_word_char) {
                j += 1;
            }
            // Inner hyphen or apostrophe followed by a letter continues the word, except the
            // possessive `'s` which is split off below.
            match ch(j) {
                Some('-') | Some('‑') if ch(j + 1).is_some_and(is_word_char) => j += 1,
                Some('\'') | Some('’')
                    if ch(j + 1).is_some_and(char::is_alphabetic) && !possessive_s(j + 1) =>
                {
                    j += 1
                }
                // Initialisms: "U.S.", "U.N.", "J.K.": a single letter, a dot, a letter.
                Some('.')
                    if j - start >= 1
                        && ch(j - 1).is_some_and(char::is_alphabetic)
                        && (j - 1 == start || ch(j - 2) == Some('.'))
                        && ch(j + 1).is_some_and(char::is_alphabetic)
                        && ch(j + 2) == Some('.') =>
                {
                    j += 1
                }
                _ => break,
            }
        }
        let mut end = j;
        let word = text.get(at(start)..at(end)).unwrap_or("");
        // A kept dot (abbreviation, initialism, middle initial) never ends a sentence.
        if ch(end) == Some('.') {
            let initialism = word.contains('.');
            let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            if initialism || initial || ABBREVIATIONS.contains(&word) {
                end += 1;
            }
        }
        let mut possessive = false;
        match (ch(end), ch(end + 1), ch(end + 2)) {
            (Some('\'' | '’'), Some('s' | 'S'), next) if !next.is_some_and(is_word_char) => {
                possessive = true;
            }
            (Some('\'' | '’'), next, _)
                if word.ends_with('s') && !next.is_some_and(is_word_char) =>
            {
                possessive = true;
            }
            _ => {}
        }
        let text_word = text.get(at(start)..at(end)).unwrap_or("");
        let apos_len = match ch(end + 1) {
            Some('s' | 'S') if possessive => 2,
            _ if possessive => 1,
            _ => 0,
        };
        let apos = text.get(at(end)..at(end + apos_len)).unwrap_or("");
        let first = text_word.chars().next().unwrap_or(' ');
        out.push(Word {
            span: Span::new(at(start), at(end)),
            text: text_word,
            cap: first.is_uppercase(),
            sent_start: boundary,
            possessive,
            apos,
            gap_before: gap,
            in_parens,
            line,
        });
        boundary = false;
        gap = false;
        in_parens = false;
        i = end;
        if possessive {
            gap = true;
            // Skip the apostrophe and the `s`.
            i += if ch(end + 1).is_some_and(|c| c == 's' || c == 'S') {
                2
            } else {
                1
            };
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        scan(t).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn keeps_abbreviations_and_splits_possessives() {
        let t = "Mr. Smith met U.S. officials at Nvidia's plant.";
        assert_eq!(
            texts(t),
            [
                "Mr.",
                "Smith",
                "met",
                "U.S.",
                "officials",
                "at",
                "Nvidia",
                "plant"
            ]
        );
        let w = scan(t);
        assert!(w[6].possessive);
        assert!(!w[1].sent_start);
        assert!(!w[4].sent_start);
    }

    #[test]
    fn keeps_the_written_possessive_marker() {
        let w = scan("Leeds Magistrates' Court and Tesco’s shop");
        assert_eq!(w[1].apos, "'");
        assert_eq!(w[4].apos, "’s");
        assert_eq!(w[0].apos, "");
    }

    #[test]
    fn marks_sentence_starts_and_gaps() {
        let t = "Shares rose. \"Apple is fine,\" Cook said.\nSports: Arsenal won";
        let w = scan(t);
        let starts: Vec<&str> = w.iter().filter(|w| w.sent_start).map(|w| w.text).collect();
        assert_eq!(starts, ["Shares", "Apple", "Sports"]);
        let cook = w.iter().find(|w| w.text == "Cook").map(|w| w.gap_before);
        assert_eq!(cook, Some(true));
        assert_eq!(w.last().map(|w| w.line), Some(1));
    }

    #[test]
    fn hyphens_and_parens() {
        let w = scan("Secretary-General Guterres of the United Nations (UN) spoke");
        assert_eq!(w[0].text, "Secretary-General");
        let un = w.iter().find(|w| w.text == "UN");
        assert!(un.is_some_and(|w| w.in_parens));
    }

    #[test]
    fn survives_odd_input() {
        assert!(scan("").is_empty());
        let _ = scan("'s ' ’ . - \u{0}\u{fffd} é'");
        let _ = scan("A.B.C.D. x. Y.");
    }
}
