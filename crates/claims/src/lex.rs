//! The claim stage's own light tokens: whitespace chunks split into words, numbers,
//! identifiers and punctuation, with each number's shape parsed once.
//!
//! The stage keeps its own lexer (rather than reading `article.tokens`) because claims hinge on
//! how a chunk is glued together: "MH17", "F-16", "12:31", "07.02.2022", "1990s", "21st" and URLs
//! must be one opaque identifier, while "$5bn", "70k" and "3.5%" must be one number.

use std::borrow::Cow;

mod shape;

pub(crate) use shape::{number_shape, NumShape};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Kind {
    /// Letters, with inner apostrophes, hyphens and dots.
    Word,
    /// A number with a clean shape ("100,000", "$5bn", "3.5%", "70k").
    Num(NumShape),
    /// Digits glued to anything else: codes, dates, times, scores, URLs, phone numbers.
    Ident,
    /// Any other single character.
    Punct(char),
}

/// One token: its byte span in the text, its kind and where it sits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Tok {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Word, number, identifier or punctuation.
    pub kind: Kind,
    /// First token of its line.
    pub line_start: bool,
    /// No whitespace between this token and the previous one.
    pub glued: bool,
}

/// Punctuation peeled off the front of a chunk.
fn leading_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '«'
            | '‹'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '-'
            | '–'
            | '*'
            | '•'
            | '·'
    )
}

/// Punctuation peeled off the end of a chunk.
fn trailing_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '"'
            | '\''
            | '”'
            | '’'
            | '»'
            | '›'
            | '*'
            | '-'
            | '–'
    )
}

/// Splits `text` into tokens.
pub(crate) fn lex(text: &str) -> Vec<Tok> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut chunk_start: Option<usize> = None;
    let mut newline = true;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = chunk_start.take() {
                chunk(text, s, i, newline, &mut out);
                newline = false;
            }
            if c == '\n' || c == '\r' || c == '\u{2029}' {
                newline = true;
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        chunk(text, s, text.len(), newline, &mut out);
    }
    out
}

/// Tokenises one whitespace-free chunk `text[s..e]`.
fn chunk(text: &str, s: usize, e: usize, line_start: bool, out: &mut Vec<Tok>) {
    let Some(c) = text.get(s..e) else { return };
    let first = out.len();
    let has_digit = c.bytes().any(|b| b.is_ascii_digit());
    let url = c.contains("://") || c.starts_with("www.") || c.contains('@');
    if url || (has_digit && (c.contains('/') || c.starts_with('+'))) {
        push(out, s, e, Kind::Ident);
    } else {
        // Dashes and ellipses inside a chunk separate words ("weaponry—8,500"), but an en dash
        // between digits is a range or a score and stays inside one identifier.
        let mut piece = s;
        let mut prev: Option<char> = None;
        let mut iter = c.char_indices().peekable();
        while let Some((off, ch)) = iter.next() {
            let next = iter.peek().map(|&(_, n)| n);
            let splits = match ch {
                '—' | '…' | '―' => true,
                '–' => {
                    !(prev.is_some_and(|p| p.is_ascii_digit())
                        && next.is_some_and(|n| n.is_ascii_digit()))
                }
                _ => false,
            };
            if splits {
                piece_tokens(text, piece, s + off, out);
                push(out, s + off, s + off + ch.len_utf8(), Kind::Punct(ch));
                piece = s + off + ch.len_utf8();
            }
            prev = Some(ch);
        }
        piece_tokens(text, piece, e, out);
    }
    if let Some(t) = out.get_mut(first) {
        t.line_start = line_start;
        t.glued = false;
    }
}

/// Pushes a token glued to the previous one (the caller fixes the chunk's first token).
fn push(out: &mut Vec<Tok>, start: usize, end: usize, kind: Kind) {
    out.push(Tok {
        start,
        end,
        kind,
        line_start: false,
        glued: true,
    });
}

/// Tokenises a dash-free piece: leading punctuation, a core, trailing punctuation.
fn piece_tokens(text: &str, mut s: usize, mut e: usize, out: &mut Vec<Tok>) {
    let Some(p) = text.get(s..e) else { return };
    for ch in p.chars() {
        if !leading_punct(ch) {
            break;
        }
        push(out, s, s + ch.len_utf8(), Kind::Punct(ch));
        s += ch.len_utf8();
    }
    let mut trail = Vec::new();
    while e > s {
        let Some(ch) = text.get(s..e).and_then(|t| t.chars().next_back()) else {
            break;
        };
        if !trailing_punct(ch) {
            break;
        }
        let core = text.get(s..e - ch.len_utf8()).unwrap_or("");
        // Keep the final dot of abbreviations like "U.S." and "a.m.".
        if ch == '.' && core.contains('.') && !core.bytes().any(|b| b.is_ascii_digit()) {
            break;
        }
        e -= ch.len_utf8();
        trail.push(Tok {
            start: e,
            end: e + ch.len_utf8(),
            kind: Kind::Punct(ch),
            line_start: false,
            glued: true,
        });
    }
    if e > s {
        let core = text.get(s..e).unwrap_or("");
        let kind = if core.bytes().any(|b| b.is_ascii_digit()) {
            number_shape(core).map_or(Kind::Ident, Kind::Num)
        } else {
            Kind::Word
        };
        push(out, s, e, kind);
    }
    out.extend(trail.into_iter().rev());
}

/// The token's text.
pub(crate) fn text_of<'t>(text: &'t str, t: &Tok) -> &'t str {
    text.get(t.start..t.end).unwrap_or("")
}

/// Lowercases a word, allocating only when it has capitals.
pub(crate) fn lower(s: &str) -> Cow<'_, str> {
    if s.chars().any(char::is_uppercase) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// Whether a word starts with a capital letter.
pub(crate) fn is_capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Sentence ranges as token index ranges: from the article's sentence spans when the segment
/// stage has set them, else from a simple rule (end punctuation before a capital, or a line
/// break), so the stage also works alone.
pub(crate) fn sentence_ranges(
    text: &str,
    toks: &[Tok],
    spans: &[storyline_record::Span],
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if !spans.is_empty() {
        let mut i = 0;
        for sp in spans {
            while i < toks.len() && toks[i].end <= sp.start {
                i += 1;
            }
            let first = i;
            while i < toks.len() && toks[i].start < sp.end {
                i += 1;
            }
            if i > first {
                out.push((first, i));
            }
        }
        return out;
    }
    let mut first = 0;
    for i in 0..toks.len() {
        let next = toks.get(i + 1);
        let ends = match (toks[i].kind, next) {
            (_, None) => true,
            (_, Some(n)) if n.line_start => true,
            (Kind::Punct('.' | '!' | '?'), Some(n)) => {
                !n.glued
                    && text_of(text, n)
                        .chars()
                        .next()
                        .is_some_and(|c| !c.is_lowercase())
            }
            _ => false,
        };
        if ends {
            out.push((first, i + 1));
            first = i + 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, char)> {
        lex(text)
            .iter()
            .map(|t| {
                let k = match t.kind {
                    Kind::Word => 'w',
                    Kind::Num(_) => 'n',
                    Kind::Ident => 'i',
                    Kind::Punct(_) => 'p',
                };
                (text_of(text, t).to_string(), k)
            })
            .collect()
    }

    #[test]
    fn numbers_keep_their_glue() {
        let k = kinds("Revenue rose 3.5% to $5bn, (about 70k) and €3.2 billion.");
        assert!(k.contains(&("3.5%".into(), 'n')));
        assert!(k.contains(&("$5bn".into(), 'n')));
        assert!(k.contains(&("70k".into(), 'n')));
        assert!(k.contains(&("€3.2".into(), 'n')));
        assert!(k.contains(&(")".into(), 'p')));
    }

    #[test]
    fn codes_dates_and_urls_are_identifiers() {
        for s in [
            "MH17",
            "F-16",
            "12:31",
            "07.02.2022",
            "1990s",
            "21st",
            "45-year-old",
            "2-1",
            "+74956456601",
            "https://x.com/a/2022/1.html",
            "1,2",
        ] {
            let k = kinds(s);
            assert_eq!(k.len(), 1, "{s}: {k:?}");
            assert_eq!(k[0].1, 'i', "{s}");
        }
    }

    #[test]
    fn dashes_split_words_but_not_scores() {
        let k = kinds("weaponry—8,500 men; won 2–1");
        assert!(k.contains(&("8,500".into(), 'n')));
        assert!(k.contains(&("2–1".into(), 'i')));
    }

    #[test]
    fn fallback_sentences() {
        let text = "Police said 12 people died. Officials\nagreed. e.g. fine";
        let toks = lex(text);
        let s = sentence_ranges(text, &toks, &[]);
        assert_eq!(s.len(), 3);
        assert!(lex("").is_empty());
    }
}
