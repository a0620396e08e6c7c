//! The claim stage's light tokens: words, numbers, identifiers and punctuation, with each
//! number's shape parsed once, regrouped from the shared token layer (`article.tokens`).
//!
//! Claims hinge on how a chunk (a run of tokens with no whitespace between them) is glued
//! together rather than on the Universal Dependencies cuts inside it: "MH17", "F-16" (`F` `-`
//! `16`), "12:31", "07.02.2022", "1990s", "21st" and URLs must be one opaque identifier, while
//! "$5bn" (`$` `5bn`), "70k" and "3.5%" (`3.5` `%`) must be one number. Each chunk is read so:
//! 1. a chunk with an address or an "@", or with digits and a "/" or a leading "+", is one
//!    identifier;
//! 2. dashes and ellipses cut it into pieces ("weaponry—8,500"), except an en dash between
//!    digits ("2–1");
//! 3. each piece sheds opening punctuation from its front and closing punctuation from its
//!    end (keeping the final dot of "U.S." and "a.m."); the rest is one token, whose kind and
//!    number shape ([`number_shape`]) are read from its text.

use std::borrow::Cow;

use storyline_record::{Article, Span, Token};

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

/// A byte range of the text: a token of the token layer, or one punctuation character cut
/// off its edge.
type Unit = (usize, usize);

/// Claim tokens of an article: from its token layer, or, when the segment stage has not run
/// (the stage used alone), from the tokens `storyline_segment` makes of its text.
pub(crate) fn lex_article(article: &Article) -> Vec<Tok> {
    if article.tokens.is_empty() {
        lex_text(&article.text)
    } else {
        lex(&article.text, &article.tokens)
    }
}

/// Claim tokens of `text`, tokenised here.
pub(crate) fn lex_text(text: &str) -> Vec<Tok> {
    lex(text, &storyline_segment::tokenize(text))
}

/// Claim tokens of `text` from `tokens`, its token layer (in order, covering every character
/// but whitespace), one chunk at a time.
fn lex(text: &str, tokens: &[Token]) -> Vec<Tok> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut units = Vec::new();
    let mut prev_end: Option<usize> = None;
    for chunk in tokens.chunk_by(|a, b| a.span.end() == b.span.start()) {
        let (Some(first), Some(last)) = (chunk.first(), chunk.last()) else {
            continue;
        };
        let line_start = prev_end.is_none_or(|p| {
            text.get(p..first.span.start())
                .is_some_and(|gap| gap.contains(['\n', '\r', '\u{2029}']))
        });
        let at = out.len();
        read_chunk(text, chunk, &mut units, &mut out);
        if let Some(t) = out.get_mut(at) {
            t.line_start = line_start;
            t.glued = false;
        }
        prev_end = Some(last.span.end());
    }
    out
}

/// Whether a chunk is one opaque identifier: a web or e-mail address (or anything with an
/// "@"), or digits with a slash or a leading plus (dates, fractions, phone numbers).
fn is_opaque(chunk: &str) -> bool {
    let url = chunk.contains("://") || chunk.starts_with("www.") || chunk.contains('@');
    url || (has_digit(chunk) && (chunk.contains('/') || chunk.starts_with('+')))
}

/// Whether `s` has an ASCII digit.
fn has_digit(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
}

/// Reads a chunk (tokens glued without whitespace) into claim tokens, glued to each other
/// (the caller marks the first). `units` is scratch space.
fn read_chunk(text: &str, chunk: &[Token], units: &mut Vec<Unit>, out: &mut Vec<Tok>) {
    let (Some(first), Some(last)) = (chunk.first(), chunk.last()) else {
        return;
    };
    let (start, end) = (first.span.start(), last.span.end());
    if is_opaque(text.get(start..end).unwrap_or("")) {
        push(out, start, end, Kind::Ident);
        return;
    }
    units.clear();
    for t in chunk {
        edge_units(text, t.span, units);
    }
    let mut piece = 0;
    for i in 0..units.len() {
        if let Some(dash) = cutting_dash(text, units, i) {
            read_piece(text, &units[piece..i], out);
            push(out, units[i].0, units[i].1, Kind::Punct(dash));
            piece = i + 1;
        }
    }
    read_piece(text, &units[piece..], out);
}

/// Cuts the token at `span` into units: each opening punctuation character at its front and
/// each closing one at its end apart, the rest whole. The token layer keeps runs ("...",
/// "--") and an abbreviation's dot ("Gen.") on one token; claims peel them one by one.
fn edge_units(text: &str, span: Span, units: &mut Vec<Unit>) {
    let tok = span.slice(text);
    let front = tok
        .char_indices()
        .find(|&(_, c)| !leading_punct(c))
        .map_or(tok.len(), |(i, _)| i);
    let rest = tok.get(front..).unwrap_or("");
    let back = rest
        .char_indices()
        .rev()
        .find(|&(_, c)| !trailing_punct(c))
        .map_or(front, |(i, c)| front + i + c.len_utf8());
    let chars = |from: usize, to: usize| {
        let part = tok.get(from..to).unwrap_or("");
        part.char_indices().map(move |(i, c)| {
            (
                span.start() + from + i,
                span.start() + from + i + c.len_utf8(),
            )
        })
    };
    units.extend(chars(0, front));
    if back > front {
        units.push((span.start() + front, span.start() + back));
    }
    units.extend(chars(back, tok.len()));
}

/// The unit's character when it is exactly one.
fn single_char(text: &str, (s, e): Unit) -> Option<char> {
    let mut chars = text.get(s..e)?.chars();
    chars.next().filter(|_| chars.next().is_none())
}

/// The dash or ellipsis that unit `i` is, when it cuts its chunk into pieces
/// ("weaponry—8,500"): "—", "…" and "―" always, "–" unless it stands between digits (a range
/// or a score, "2–1"). The token layer keeps each of these characters a token of its own.
fn cutting_dash(text: &str, units: &[Unit], i: usize) -> Option<char> {
    let dash = single_char(text, units[i])?;
    let part = |j: usize| units.get(j).and_then(|&(s, e)| text.get(s..e));
    let digit_before = i
        .checked_sub(1)
        .and_then(|j| part(j)?.chars().next_back())
        .is_some_and(|c| c.is_ascii_digit());
    let digit_after = part(i + 1)
        .and_then(|p| p.chars().next())
        .is_some_and(|c| c.is_ascii_digit());
    match dash {
        '—' | '…' | '―' => Some(dash),
        '–' if !(digit_before && digit_after) => Some(dash),
        _ => None,
    }
}

/// Reads a dash-free piece: opening punctuation, one core token, closing punctuation.
fn read_piece(text: &str, units: &[Unit], out: &mut Vec<Tok>) {
    let mut lo = 0;
    while let Some(&(s, e)) = units.get(lo) {
        match single_char(text, (s, e)).filter(|&c| leading_punct(c)) {
            Some(c) => push(out, s, e, Kind::Punct(c)),
            None => break,
        }
        lo += 1;
    }
    let mut hi = units.len();
    while hi > lo {
        let (s, e) = units[hi - 1];
        let Some(c) = single_char(text, (s, e)).filter(|&c| trailing_punct(c)) else {
            break;
        };
        // Keep the final dot of abbreviations like "U.S." and "a.m.".
        let core = text.get(units[lo].0..s).unwrap_or("");
        if c == '.' && core.contains('.') && !has_digit(core) {
            break;
        }
        hi -= 1;
    }
    if hi > lo {
        let (s, e) = (units[lo].0, units[hi - 1].1);
        push(out, s, e, core_kind(text.get(s..e).unwrap_or("")));
    }
    for &(s, e) in &units[hi..] {
        if let Some(c) = single_char(text, (s, e)) {
            push(out, s, e, Kind::Punct(c));
        }
    }
}

/// Kind of a piece's core: a number when it has a clean number shape, an identifier when it
/// has other digits ("MH17", "F-16", "12:31"), else a word.
fn core_kind(core: &str) -> Kind {
    if has_digit(core) {
        number_shape(core).map_or(Kind::Ident, Kind::Num)
    } else {
        Kind::Word
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

/// Whether a word ends in a possessive "'s" ("VW's").
pub(crate) fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
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
            while i < toks.len() && toks[i].end <= sp.start() {
                i += 1;
            }
            let first = i;
            while i < toks.len() && toks[i].start < sp.end() {
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
        lex_text(text)
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
    fn chunks_regroup_the_token_layer() {
        // Clitics and hyphenated parts rejoin; punctuation runs and an abbreviation's dot,
        // one token in the layer, are peeled one character at a time.
        let k = kinds("Russia's anti-war (U.S.) Gen. Ruiz said... 5... --");
        let want = [
            ("Russia's", 'w'),
            ("anti-war", 'w'),
            ("(", 'p'),
            ("U.S.", 'w'),
            (")", 'p'),
            ("Gen", 'w'),
            (".", 'p'),
            ("Ruiz", 'w'),
            ("said...", 'w'),
            ("5", 'n'),
            (".", 'p'),
            (".", 'p'),
            (".", 'p'),
            ("-", 'p'),
            ("-", 'p'),
        ];
        let want: Vec<(String, char)> = want.iter().map(|&(s, c)| (s.into(), c)).collect();
        assert_eq!(k, want);
    }

    #[test]
    fn chunk_starts_and_line_starts() {
        let text = "a $5bn\nrise";
        let t = lex_text(text);
        let flags: Vec<(bool, bool)> = t.iter().map(|t| (t.line_start, t.glued)).collect();
        assert_eq!(flags, [(true, false), (false, false), (true, false)]);
    }

    #[test]
    fn fallback_sentences() {
        let text = "Police said 12 people died. Officials\nagreed. e.g. fine";
        let toks = lex_text(text);
        let s = sentence_ranges(text, &toks, &[]);
        assert_eq!(s.len(), 3);
        assert!(lex_text("").is_empty());
    }
}
