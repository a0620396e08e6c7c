//! Local text geometry: paragraph and sentence bounds around a position, and a small word
//! tokenizer for the windows the attribution rules read.
//!
//! The stage does not rely on `article.sentences` or `article.tokens`: attribution needs only a
//! few dozen words around each quote, and computing them locally keeps this stage correct
//! whatever the segmenter decides (e.g. a split inside `"…," he said`).

use storyline_record::Span;

/// A word or punctuation token of a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok<'t> {
    /// Byte span in the article text.
    pub span: Span,
    /// The token as written.
    pub text: &'t str,
    /// Letters/digits (true) or a single punctuation character (false).
    pub word: bool,
}

impl Tok<'_> {
    /// Whether the word starts with an uppercase letter.
    pub fn is_capitalized(&self) -> bool {
        self.word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The word lowercased, without a possessive `'s`.
    pub fn lower(&self) -> String {
        strip_possessive(self.text).to_lowercase()
    }

    /// Whether the word ends in a possessive `'s` / `’s`.
    pub fn is_possessive(&self) -> bool {
        self.word && strip_possessive(self.text).len() < self.text.len()
    }
}

/// `word` without a trailing `'s` or `’s`.
pub(crate) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// Whether `c` joins two letters inside one word ("don't", "ten-year", "U.S").
fn is_inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&')
}

/// Tokens of `text[start..end]` (both on char boundaries), whitespace dropped.
pub(crate) fn tokenize(text: &str, start: usize, end: usize) -> Vec<Tok<'_>> {
    let Some(window) = text.get(start..end) else {
        return Vec::new();
    };
    let mut toks = Vec::new();
    let mut chars = window.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut j = i + c.len_utf8();
        let word = c.is_alphanumeric();
        if word {
            while let Some(&(k, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    j = k + d.len_utf8();
                    chars.next();
                } else if is_inner_joiner(d) {
                    // A joiner stays inside the word only when a letter or digit follows it.
                    let after = window[k + d.len_utf8()..].chars().next();
                    if after.is_some_and(char::is_alphanumeric) {
                        j = k + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
        }
        toks.push(Tok {
            span: Span::new(start + i, start + j),
            text: &window[i..j],
            word,
        });
    }
    toks
}

/// The span of `spans` (sorted by start, not overlapping) that holds byte `pos`, if any.
pub(crate) fn covering(spans: &[Span], pos: usize) -> Option<Span> {
    let i = spans.partition_point(|s| s.start <= pos);
    let s = *spans.get(i.checked_sub(1)?)?;
    (pos < s.end).then_some(s)
}

/// How far paragraph and sentence searches look from a position, in bytes. Real paragraphs are
/// far shorter; the cap keeps a text without line breaks linear (each search is bounded).
pub(crate) const MAX_REACH: usize = 4_000;

/// The char boundary at or after `pos`, clamped to the text.
pub(crate) fn ceil_boundary(text: &str, pos: usize) -> usize {
    let mut p = pos.min(text.len());
    while !text.is_char_boundary(p) {
        p += 1;
    }
    p
}

/// The char boundary at or before `pos`, clamped to the text.
pub(crate) fn floor_boundary(text: &str, pos: usize) -> usize {
    let mut p = pos.min(text.len());
    while !text.is_char_boundary(p) {
        p -= 1;
    }
    p
}

/// Byte bounds `[start, end)` of the line (paragraph) holding byte `pos`, at most
/// [`MAX_REACH`] bytes either side of it.
pub(crate) fn paragraph_bounds(text: &str, pos: usize) -> (usize, usize) {
    let pos = floor_boundary(text, pos);
    let lo = ceil_boundary(text, pos.saturating_sub(MAX_REACH));
    let hi = floor_boundary(text, pos + MAX_REACH);
    let start = text
        .get(lo..pos)
        .and_then(|s| s.rfind('\n'))
        .map_or(lo, |i| lo + i + 1);
    let end = text
        .get(pos..hi)
        .and_then(|s| s.find('\n'))
        .map_or(hi, |i| pos + i);
    (start, end)
}

/// Abbreviations after which a full stop does not end a sentence.
fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if w.chars().count() == 1 || w.contains('.') {
        return true; // initials ("J."), dotted forms ("U.S.")
    }
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Prof"
            | "Gen"
            | "Col"
            | "Lt"
            | "Sgt"
            | "Capt"
            | "Cmdr"
            | "Adm"
            | "Gov"
            | "Sen"
            | "Rep"
            | "Rev"
            | "St"
            | "Jr"
            | "Sr"
            | "Inc"
            | "Co"
            | "Corp"
            | "Ltd"
            | "No"
            | "vs"
            | "etc"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "approx"
            | "Mt"
            | "Ft"
    )
}

/// Whether a sentence ends at the terminator `text[i]` (`.`, `!`, `?`), looking at what
/// follows: closing marks, then whitespace, then an uppercase letter, digit or opening mark.
fn ends_sentence_at(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let term = *bytes.get(i)?;
    if !matches!(term, b'.' | b'!' | b'?') {
        return None;
    }
    let rest = text.get(i + 1..)?;
    let mut it = rest.char_indices();
    let mut saw_space = false;
    for (k, c) in it.by_ref() {
        if matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»') && !saw_space {
            continue;
        }
        if c == '\n' {
            return None; // the paragraph bound takes over
        }
        if c.is_whitespace() {
            saw_space = true;
            continue;
        }
        let opens = c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'');
        if saw_space && opens {
            if term == b'.' {
                let before = &text[..i];
                let word_start = before
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"' || c == '“')
                    .map_or(0, |(p, c)| p + c.len_utf8());
                if is_abbreviation(&before[word_start..]) {
                    return None;
                }
            }
            return Some(i + 1 + k);
        }
        return None;
    }
    None
}

/// Start of the sentence holding byte `pos`, never before `floor` (the paragraph start).
pub(crate) fn sentence_start(text: &str, pos: usize, floor: usize) -> usize {
    let Some(window) = text.get(floor..pos) else {
        return floor;
    };
    for (i, b) in window.bytes().enumerate().rev() {
        if matches!(b, b'.' | b'!' | b'?') {
            if let Some(next) = ends_sentence_at(text, floor + i) {
                if next <= pos {
                    return next;
                }
            }
        }
    }
    floor
}

/// End of the sentence holding byte `pos` (after its terminator), never after `ceil`.
pub(crate) fn sentence_end(text: &str, pos: usize, ceil: usize) -> usize {
    let Some(window) = text.get(pos..ceil) else {
        return ceil;
    };
    for (i, b) in window.bytes().enumerate() {
        if matches!(b, b'.' | b'!' | b'?') && ends_sentence_at(text, pos + i).is_some() {
            return pos + i + 1;
        }
    }
    ceil
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizes_words_possessives_and_marks() {
        let text = "“We won,” said coach Erik ten Hag’s side in the U.S. today.";
        let toks = tokenize(text, 0, text.len());
        let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            [
                "“", "We", "won", ",", "”", "said", "coach", "Erik", "ten", "Hag’s", "side", "in",
                "the", "U.S", ".", "today", "."
            ]
        );
        assert!(toks[9].is_possessive());
        assert_eq!(toks[9].lower(), "hag");
    }

    #[test]
    fn finds_sentences_inside_a_paragraph() {
        let text = "Shares fell 3% on Monday. Mr. Smith said the U.S. Treasury would act. \"Not yet,\" he said.";
        let pos = text.find("said the").unwrap_or(0);
        let s = sentence_start(text, pos, 0);
        assert!(text[s..].starts_with("Mr. Smith"));
        let e = sentence_end(text, pos, text.len());
        assert!(text[..e].ends_with("would act."));
        let q = text.find("he said").unwrap_or(0);
        assert!(text[sentence_start(text, q, 0)..].starts_with("\"Not yet"));
    }

    #[test]
    fn paragraph_bounds_are_lines() {
        let text = "One.\nTwo lines here.\nThree.";
        let (s, e) = paragraph_bounds(text, 7);
        assert_eq!(&text[s..e], "Two lines here.");
        assert_eq!(paragraph_bounds("", 0), (0, 0));
    }
}
