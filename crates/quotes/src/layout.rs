//! Local text geometry: paragraph and sentence bounds around a position.
//!
//! The bounds are computed here rather than read from `article.sentences`: attribution needs
//! only the sentence around each quote, and finding it locally keeps this stage's clauses
//! whole whatever the segmenter decides (e.g. a split inside `"…," he said`).

use storyline_lexicon::Lexicon;
use storyline_record::Span;

/// The span of `spans` (sorted by start, not overlapping) that holds byte `pos`, if any.
pub(crate) fn covering(spans: &[Span], pos: usize) -> Option<Span> {
    let i = spans.partition_point(|s| s.start() <= pos);
    let s = *spans.get(i.checked_sub(1)?)?;
    (pos < s.end()).then_some(s)
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

/// Abbreviations after which a full stop does not end a sentence: initials ("J."), dotted
/// forms ("U.S.") and the lexicon's abbreviations (`abbreviations.tsv`: "Mr", "Gen", "Inc").
fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    w.chars().count() == 1 || w.contains('.') || Lexicon::get().abbreviation(w).is_some()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_sentences_inside_a_paragraph() {
        let text = "Shares fell 3% on Monday. Mr. Smith said the U.S. Treasury would act. \"Not yet,\" he said.";
        let pos = text.find("said the").unwrap_or(0);
        let s = sentence_start(text, pos, 0);
        assert!(text[s..].starts_with("Mr. Smith"));
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
