//! The entity stage's view of the text: words with their shape and position flags, built from
//! the shared token layer (`article.tokens`).
//!
//! The rules read words as written, which the Universal Dependencies tokens cut finer in some
//! places and coarser in others:
//! - tokens written together are joined back into one word: a clitic other than the
//!   possessive ("do" "n't", "we" "'ll"), a hyphen between two parts ("Secretary" "-"
//!   "General", "Al" "-" "Qaeda"), a fused form or a run-together sentence ("can" "not",
//!   "Yorkshire" "The"): see [`joins`];
//! - a token is cut where it keeps a separator a name never spans: web addresses, "AT&T",
//!   "dw.com", "3.5", "100,000" ([`parts`]); initialism dots ("U.S.") are joined back;
//! - the possessive (`'s` or, after a plural, `'`) is no word but a flag of the word before;
//! - a dot stays on its word only for initialisms, initials and [`ABBREVIATIONS`].
//!
//! Position flags come from the token layer's sentence ids and from what lies between two
//! words: a line break, a sentence-final mark or any punctuation.

use storyline_lexicon::{capitalised, is_entity_word, EntityClass};
use storyline_record::{Span, Token};

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
    /// Its token is the nominal subject of a clause in the parse (false without a parse).
    pub subject: bool,
    /// An ampersand alone stands between it and the previous word ("Marks & Spencer"): the
    /// ampersand as written, with its spaces ("&" in "AT&T"); empty otherwise.
    pub amp: &'t str,
}

/// A run of letters and digits inside one token, with the sentence of its token.
#[derive(Debug, Clone, Copy)]
struct Part {
    span: Span,
    sentence: u32,
    /// Its token is a nominal subject (`nsubj`, `nsubj:pass`).
    subject: bool,
}

/// The words of `text` from its tokens (`article.tokens`, in order), with their flags.
pub(crate) fn of_tokens<'t>(text: &'t str, tokens: &[Token]) -> Vec<Word<'t>> {
    let mut parts = parts(text, tokens);
    let mut out: Vec<Word<'t>> = Vec::with_capacity(parts.len());
    // Where the previous word ends (after its possessive), and its sentence.
    let (mut prev_end, mut prev_sentence) = (0, None);
    let mut line = 0;
    let mut p = 0;
    while let Some(&first) = parts.get(p) {
        let start = first.span.start();
        let mut end = first.span.end();
        let mut subject = first.subject;
        p += 1;
        while let Some(next) = parts.get(p).filter(|q| joins(text, start, end, q.span)) {
            end = next.span.end();
            subject |= next.subject;
            p += 1;
        }
        let bare = text.get(start..end).unwrap_or("");
        if char_at(text, end) == Some('.') && keeps_dot(bare) {
            end += 1;
        }
        let apos = possessive(text, bare, end);
        let between = Between::of(text.get(prev_end..start).unwrap_or(""));
        let after_possessive = out.last().is_some_and(|w| w.possessive);
        line += between.lines;
        let word = text.get(start..end).unwrap_or("");
        out.push(Word {
            span: Span::new(start, end),
            text: word,
            cap: word.chars().next().is_some_and(char::is_uppercase)
                && !is_instrument_code(text, start, end),
            sent_start: prev_sentence != Some(first.sentence) || between.boundary,
            possessive: !apos.is_empty(),
            apos,
            gap_before: prev_sentence.is_none() || between.gap || after_possessive,
            in_parens: between.text.ends_with('('),
            line,
            subject,
            amp: if between.text.trim() == "&" {
                between.text
            } else {
                ""
            },
        });
        prev_end = end + apos.len();
        prev_sentence = Some(first.sentence);
        if apos.len() > 1 {
            skip_possessive_s(text, &mut parts, &mut p, prev_end);
        }
    }
    out
}

/// Whether the word at `start..end` of `text` is a market instrument's code as wire copy
/// writes it beside the instrument's name: a Reuters instrument code ("the Dow Jones
/// Industrial Average .DJI", "Spot gold XAU=", "US10YT=RR", "Brent LCOc1"). No name.
fn is_instrument_code(text: &str, start: usize, end: usize) -> bool {
    let word = text.get(start..end).unwrap_or("");
    let dotted = char_before(text, start) == Some('.')
        && char_before(text, start - 1).is_some_and(char::is_whitespace);
    let upper = word.bytes().take_while(u8::is_ascii_uppercase).count();
    let rest = &word.as_bytes()[upper..];
    // Capitals, one lower-case letter and a digit ("LCOc1", "CLc1").
    let continuation = upper >= 2
        && rest.len() >= 2
        && rest[0].is_ascii_lowercase()
        && rest[1..].iter().all(u8::is_ascii_digit);
    (dotted && upper >= 2) || char_at(text, end) == Some('=') || continuation
}

/// Drops the `s` of a possessive `'s` ending at `after` from the part at `p`: the `s` is no
/// word, but what a hyphen or apostrophe joins to it is ("’s'll" leaves "ll").
fn skip_possessive_s(text: &str, parts: &mut [Part], p: &mut usize, after: usize) {
    let Some(part) = parts.get_mut(*p).filter(|q| q.span.start() < after) else {
        return;
    };
    match char_at(text, after).filter(|_| part.span.end() > after) {
        Some(joiner) => part.span = Span::new(after + joiner.len_utf8(), part.span.end()),
        None => *p += 1,
    }
}

/// The words of `text` as the segmenter tokenises it: for articles that were never segmented
/// and for tests.
pub(crate) fn of_text(text: &str) -> Vec<Word<'_>> {
    of_tokens(text, &storyline_segment::tokenize(text))
}

/// What lies between two words.
struct Between<'t> {
    text: &'t str,
    /// Line breaks.
    lines: usize,
    /// A line break or a sentence-final mark: the next word's capital says nothing.
    boundary: bool,
    /// Anything other than plain spaces.
    gap: bool,
}

impl<'t> Between<'t> {
    fn of(text: &'t str) -> Between<'t> {
        let lines = text.matches('\n').count();
        Between {
            text,
            lines,
            boundary: lines > 0 || text.contains(['.', '!', '?']),
            gap: text.contains(|c| !matches!(c, ' ' | '\t' | '\u{a0}' | '\r')),
        }
    }
}

/// The parts of the tokens, in order: each token cut at the characters that are no letter or
/// digit, except a hyphen before a letter or digit and an apostrophe before a letter
/// ("anti-war", "O'Brien", "n't"), which stay inside. A clitic token loses its apostrophe
/// ("'ll" → "ll") and an initialism its dots ("U.S." → "U" "S"): [`joins`] puts them back.
fn parts(text: &str, tokens: &[Token]) -> Vec<Part> {
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        let subject = t.deprel.universal() == "nsubj";
        let mut start: Option<usize> = None;
        for (i, c) in t.span.slice(text).char_indices() {
            let i = t.span.start() + i;
            if c.is_alphanumeric() {
                start.get_or_insert(i);
            } else if let Some(s) = start.filter(|_| !inner(text, i, c, t.span.end())) {
                out.push(Part {
                    span: Span::new(s, i),
                    sentence: t.sentence,
                    subject,
                });
                start = None;
            }
        }
        if let Some(s) = start {
            out.push(Part {
                span: Span::new(s, t.span.end()),
                sentence: t.sentence,
                subject,
            });
        }
    }
    out
}

/// Whether the character `c` at byte `i`, inside a token ending at `end` and after a letter or
/// digit, keeps the part going: a hyphen before a letter or digit, an apostrophe before a
/// letter (but not the possessive `'s`).
fn inner(text: &str, i: usize, c: char, end: usize) -> bool {
    let after = i + c.len_utf8();
    let next = char_at(text, after).filter(|_| after < end);
    match c {
        '-' | '‑' => next.is_some_and(char::is_alphanumeric),
        '\'' | '’' => next.is_some_and(char::is_alphabetic) && !possessive_s(text, after),
        _ => false,
    }
}

/// Whether the word from `start` to `end` goes on with the part at `next`, as one written
/// word: they touch ("can" "not", "do" "n't"), or a hyphen ("Secretary" "-" "General"), an
/// apostrophe before a letter ("we" "'ll") or the dot of an initialism ("U" "." "S") joins
/// them. A possessive `'s` never joins.
fn joins(text: &str, start: usize, end: usize, next: Span) -> bool {
    match text.get(end..next.start()) {
        Some("" | "-" | "‑") => true,
        Some("'" | "’") => {
            char_at(text, next.start()).is_some_and(char::is_alphabetic)
                && !possessive_s(text, next.start())
        }
        Some(".") => initialism_dot(text, start, end),
        _ => false,
    }
}

/// Whether the dot at byte `dot` is inside an initialism ("U.S.", "J.K.", "R-S.C."): between
/// two single letters, the first starting the word at `start` or following another dot or a
/// hyphen, the second followed by a dot.
fn initialism_dot(text: &str, start: usize, dot: usize) -> bool {
    let one_before = char_before(text, dot)
        .filter(|c| c.is_alphabetic())
        .is_some_and(|c| {
            let k = dot - c.len_utf8();
            k == start || matches!(char_before(text, k), Some('.' | '-'))
        });
    let one_after = char_at(text, dot + 1)
        .filter(|c| c.is_alphabetic())
        .is_some_and(|c| char_at(text, dot + 1 + c.len_utf8()) == Some('.'));
    one_before && one_after
}

/// Whether the word `bare` (without its dot) keeps the dot that follows it: an initialism, an
/// initial or an abbreviation.
fn keeps_dot(bare: &str) -> bool {
    let mut chars = bare.chars();
    let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    // In capitals too: "ST. LOUIS", "DR. JONES".
    let capitals = bare.len() <= 4 && bare.chars().all(|c| c.is_ascii_uppercase());
    bare.contains('.')
        || initial
        || is_entity_word(EntityClass::KeptDot, bare)
        || (capitals && is_entity_word(EntityClass::KeptDot, &capitalised(bare)))
}

/// The possessive marker as written right after the word `bare` (without a kept dot) that ends
/// at `end`: `'s` or `’s` before a non-word character, or a lone apostrophe after a word in
/// "s"; empty when there is none.
fn possessive<'t>(text: &'t str, bare: &str, end: usize) -> &'t str {
    let Some(a) = char_at(text, end).filter(|&c| c == '\'' || c == '’') else {
        return "";
    };
    let after = end + a.len_utf8();
    let len = if possessive_s(text, after) {
        a.len_utf8() + 1
    } else if bare.ends_with('s') && !char_at(text, after).is_some_and(char::is_alphanumeric) {
        a.len_utf8()
    } else {
        0
    };
    text.get(end..end + len).unwrap_or("")
}

/// Whether an `s` (or `S`) at byte `i` ends the word: the possessive of "Russia's".
fn possessive_s(text: &str, i: usize) -> bool {
    matches!(char_at(text, i), Some('s' | 'S'))
        && !char_at(text, i + 1).is_some_and(char::is_alphanumeric)
}

/// The character at byte `i` of `text`, if any.
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The character ending at byte `i` of `text`, if any.
fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        of_text(t).into_iter().map(|w| w.text).collect()
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
        let w = of_text(t);
        assert!(w[6].possessive);
        assert!(!w[1].sent_start);
        assert!(!w[4].sent_start);
    }

    #[test]
    fn instrument_codes_are_no_capitalised_words() {
        let t = "The Dow Jones Industrial Average .DJI fell, spot gold XAU= rose and Brent LCOc1 \
                 slipped, while the G20 met in Rome.";
        let caps: Vec<&str> = of_text(t)
            .into_iter()
            .filter(|w| w.cap)
            .map(|w| w.text)
            .collect();
        assert_eq!(
            caps,
            [
                "The",
                "Dow",
                "Jones",
                "Industrial",
                "Average",
                "Brent",
                "G20",
                "Rome"
            ]
        );
    }

    #[test]
    fn keeps_the_written_possessive_marker() {
        let w = of_text("Leeds Magistrates' Court and Tesco’s shop, the U.S.'s plan");
        assert_eq!(w[1].apos, "'");
        assert_eq!(w[4].apos, "’s");
        assert_eq!(w[0].apos, "");
        assert_eq!((w[7].text, w[7].apos), ("U.S.", "'s"));
        assert!(w[8].gap_before);
    }

    #[test]
    fn marks_sentence_starts_and_gaps() {
        let t = "Shares rose. \"Apple is fine,\" Cook said.\nSports: Arsenal won";
        let w = of_text(t);
        let starts: Vec<&str> = w.iter().filter(|w| w.sent_start).map(|w| w.text).collect();
        assert_eq!(starts, ["Shares", "Apple", "Sports"]);
        let cook = w.iter().find(|w| w.text == "Cook").map(|w| w.gap_before);
        assert_eq!(cook, Some(true));
        assert_eq!(w.last().map(|w| w.line), Some(1));
    }

    #[test]
    fn joins_the_parts_of_written_words() {
        assert_eq!(
            texts("The Secretary-General's envoy didn't go; we'll see Al-Qaeda, cannot"),
            [
                "The",
                "Secretary-General",
                "envoy",
                "didn't",
                "go",
                "we'll",
                "see",
                "Al-Qaeda",
                "cannot"
            ]
        );
        let w = of_text("Secretary-General Guterres of the United Nations (UN) spoke");
        assert_eq!(w[0].text, "Secretary-General");
        let un = w.iter().find(|w| w.text == "UN");
        assert!(un.is_some_and(|w| w.in_parens));
    }

    #[test]
    fn cuts_addresses_and_numbers_at_their_separators() {
        assert_eq!(
            texts("AT&T paid $3.5bn, see www.att.com now."),
            ["AT", "T", "paid", "3", "5bn", "see", "www", "att", "com", "now"]
        );
        let w = of_text("rose 3.5 Percent");
        assert!(w[2].sent_start && w[2].gap_before);
    }

    #[test]
    fn keeps_the_dot_of_initials_and_known_abbreviations_only() {
        assert_eq!(
            texts("J.K. Rowling met Gen. Ruiz on Jan. 5 at No. 10, e.g. here; Ph.D. U.S.A"),
            [
                "J.K.", "Rowling", "met", "Gen.", "Ruiz", "on", "Jan", "5", "at", "No.", "10",
                "e.g.", "here", "Ph", "D.", "U.S.", "A"
            ]
        );
    }

    #[test]
    fn survives_odd_input() {
        assert!(of_text("").is_empty());
        let _ = of_text("'s ' ’ . - \u{0}\u{fffd} é'");
        let _ = of_text("A.B.C.D. x. Y.");
    }
}
