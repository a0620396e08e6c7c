//! Pairs quotation marks into quoted stretches of text, in one pass per mark family.
//!
//! Double marks (`"…"`, `“…”`, `„…“`, `«…»`, and the doubled apostrophes some newspapers print:
//! `''…''`, ``` ``…'' ```) are paired first, with the wire convention for
//! quotes running over several paragraphs: the closing mark is missing at a paragraph's end and
//! the opening mark repeats at the next paragraph's start; such a run becomes one stretch.
//! Single marks (`'…'`, `‘…’`) are paired only outside double stretches (nested quotes stay
//! inside their parent; `‚…‘` pairs too), and only where they cannot be apostrophes: an opening mark follows a
//! space or an opening bracket and precedes a letter; a closing mark follows a non-space and
//! precedes no letter ("Russia’s" is never a close; "allies’ borders" only as a last resort).

use storyline_record::Span;

use crate::layout::{covering, paragraph_bounds};

/// One quoted stretch: where its marks are and what lies between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marked {
    /// Byte of the opening mark.
    pub open: usize,
    /// Everything between the opening and the closing mark (untrimmed).
    pub inner: Span,
    /// Byte just after the closing mark (`inner.end` when the mark is missing).
    pub close: usize,
    /// Whether a closing mark was found (false: the quote ran to its paragraph's end).
    pub closed: bool,
    /// Double (true) or single (false) marks.
    pub double: bool,
}

/// Every quoted stretch of `text`, in text order.
pub(crate) fn find_marked(text: &str) -> Vec<Marked> {
    let mut found = find_double(text);
    let singles = find_single(text, &found);
    found.extend(singles);
    found.sort_by_key(|m| m.open);
    found
}

/// Where an open double quote started.
#[derive(Clone, Copy)]
struct Opening {
    at: usize,
    inner_start: usize,
    /// Opened by `„`: then `“` closes.
    low: bool,
}

/// The end of the last non-space character before byte `pos`.
fn trim_end_at(text: &str, pos: usize) -> usize {
    text.get(..pos)
        .map_or(pos, |s| s.trim_end_matches(char::is_whitespace).len())
}

fn find_double(text: &str) -> Vec<Marked> {
    let mut out = Vec::new();
    let mut open: Option<Opening> = None;
    // Set on a newline while a quote is open: the next paragraph decides whether it continues.
    let mut crossing: Option<usize> = None;
    let mut prev: char = '\n';
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mut next = chars.peek().map(|&(_, d)| d);
        let mut after = i + c.len_utf8();
        // `''` reads as a straight double mark, ``` `` ``` as an opening one.
        let c = match (c, next) {
            ('\'', Some('\'')) | ('`', Some('`')) => {
                chars.next();
                next = chars.peek().map(|&(_, d)| d);
                after += 1;
                if c == '`' {
                    '“'
                } else {
                    '"'
                }
            }
            _ => c,
        };
        if c == '\n' {
            if open.is_some() && crossing.is_none() {
                crossing = Some(trim_end_at(text, i));
            }
            prev = c;
            continue;
        }
        if let Some(para_end) = crossing {
            if c.is_whitespace() {
                prev = c;
                continue;
            }
            crossing = None;
            if matches!(c, '"' | '“' | '„' | '«') {
                // Wire convention: the quote goes on in this paragraph.
                prev = c;
                continue;
            }
            if let Some(o) = open.take() {
                out.push(Marked {
                    open: o.at,
                    inner: Span::new(o.inner_start, para_end.max(o.inner_start)),
                    close: para_end.max(o.inner_start),
                    closed: false,
                    double: true,
                });
            }
        }
        let opening = Opening {
            at: i,
            inner_start: after,
            low: c == '„',
        };
        let close = |o: Opening, out: &mut Vec<Marked>| {
            out.push(Marked {
                open: o.at,
                inner: Span::new(o.inner_start, i),
                close: after,
                closed: true,
                double: true,
            })
        };
        match c {
            '“' => match open {
                Some(o) if o.low => {
                    close(o, &mut out);
                    open = None;
                }
                _ => open = Some(opening),
            },
            '„' | '«' => open = Some(opening),
            '”' | '»' => {
                if let Some(o) = open.take() {
                    close(o, &mut out);
                }
            }
            '"' => match open.take() {
                Some(o) => close(o, &mut out),
                None => {
                    // A straight mark opens only before a word: `"` after a word and before a
                    // space is a stray close (or inches), not an opening.
                    let looks_closing = !prev.is_whitespace()
                        && !matches!(prev, '(' | '[' | '—' | '–' | '-' | '/' | ':')
                        && next.is_none_or(|d| d.is_whitespace() || d.is_ascii_punctuation());
                    if next.is_some_and(|d| !d.is_whitespace()) && !looks_closing {
                        open = Some(opening);
                    }
                }
            },
            _ => {}
        }
        prev = c;
    }
    if let Some(o) = open {
        let end = crossing.unwrap_or_else(|| trim_end_at(text, text.len()));
        let end = end.max(o.inner_start);
        out.push(Marked {
            open: o.at,
            inner: Span::new(o.inner_start, end),
            close: end,
            closed: false,
            double: true,
        });
    }
    out
}

/// Whether a single mark at `i` (char `c`, between `prev` and `next`) can open a quote.
fn can_open_single(c: char, prev: Option<char>, next: Option<char>) -> bool {
    let before_ok = prev.is_none_or(|p| {
        p.is_whitespace() || matches!(p, '(' | '[' | '"' | '“' | '—' | '–' | '-' | '/' | ':')
    });
    let next_ok = next.is_some_and(char::is_alphanumeric);
    match c {
        '‘' | '‚' => next_ok,
        '\'' => before_ok && next_ok,
        _ => false,
    }
}

/// Whether a single mark can close a quote; `Some(true)` when it may be a plural possessive
/// ("allies’ borders"), which is used only when no better close exists.
fn can_close_single(text: &str, i: usize, c: char) -> Option<bool> {
    if !matches!(c, '’' | '\'') {
        return None;
    }
    let prev = text.get(..i)?.chars().next_back()?;
    let rest = text.get(i + c.len_utf8()..)?;
    let next = rest.chars().next();
    if prev.is_whitespace() || next.is_some_and(char::is_alphanumeric) {
        return None;
    }
    let possessive = prev == 's'
        && next == Some(' ')
        && rest[1..].chars().next().is_some_and(char::is_lowercase);
    Some(possessive)
}

fn find_single(text: &str, doubles: &[Marked]) -> Vec<Marked> {
    let mut out = Vec::new();
    // Doubles come out of `find_double` in text order and never overlap.
    let spans: Vec<Span> = doubles
        .iter()
        .map(|d| Span::new(d.open, d.close.max(d.open)))
        .collect();
    let inside_double = |pos: usize| covering(&spans, pos).is_some();
    let mut prev: Option<char> = None;
    let mut skip_to = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, d)| d);
        let p = prev;
        prev = Some(c);
        if i < skip_to || !can_open_single(c, p, next) || inside_double(i) {
            continue;
        }
        let inner_start = i + c.len_utf8();
        let (_, para_end) = paragraph_bounds(text, inner_start);
        let mut best: Option<usize> = None;
        let mut fallback: Option<usize> = None;
        for (k, d) in text[inner_start..para_end].char_indices() {
            let at = inner_start + k;
            if inside_double(at) {
                break;
            }
            if c == '‚' {
                // German style: `‚…‘`.
                if d == '‘' {
                    best = Some(at);
                    break;
                }
                continue;
            }
            match can_close_single(text, at, d) {
                Some(false) => {
                    best = Some(at);
                    break;
                }
                Some(true) if fallback.is_none() => fallback = Some(at),
                _ => {}
            }
        }
        if let Some(close) = best.or(fallback) {
            out.push(Marked {
                open: i,
                inner: Span::new(inner_start, close),
                close: close + text[close..].chars().next().map_or(1, char::len_utf8),
                closed: true,
                double: false,
            });
            skip_to = close + 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inners(text: &str) -> Vec<&str> {
        find_marked(text)
            .iter()
            .map(|m| m.inner.slice(text))
            .collect()
    }

    #[test]
    fn pairs_straight_and_curly_doubles() {
        let text = "\"We were poor,\" said coach Erik ten Hag. “We lost,” he added.";
        assert_eq!(inners(text), ["We were poor,", "We lost,"]);
    }

    #[test]
    fn german_low_high_marks() {
        assert_eq!(
            inners("the agency „Rosiya Segodnya“ said"),
            ["Rosiya Segodnya"]
        );
    }

    #[test]
    fn wire_convention_runs_over_paragraphs() {
        let text = "\"Sales rose in every region.\n\n\"We expect more next year,\" the chief executive said.\nNext.";
        let m = find_marked(text);
        assert_eq!(m.len(), 1);
        let inner = m[0].inner.slice(text);
        assert!(inner.starts_with("Sales rose") && inner.ends_with("next year,"));
        assert!(m[0].closed);
    }

    #[test]
    fn unclosed_quote_stops_at_its_paragraph() {
        let text = "The mayor said: \"Roads will reopen on Friday.\nCouncil met later.";
        let m = find_marked(text);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].inner.slice(text), "Roads will reopen on Friday.");
        assert!(!m[0].closed);
    }

    #[test]
    fn singles_are_not_apostrophes() {
        let text = "Britain’s minister said it is 'highly unlikely' that allies’ troops would go.";
        assert_eq!(inners(text), ["highly unlikely"]);
        let text = "Fans sang ‘we’re the champions’ as the club’s bus passed.";
        assert_eq!(inners(text), ["we’re the champions"]);
    }

    #[test]
    fn nested_singles_stay_inside_their_parent() {
        let text = "\"He told me 'we will win' and left,\" she said.";
        assert_eq!(inners(text), ["He told me 'we will win' and left,"]);
    }

    #[test]
    fn doubled_apostrophes_and_backticks_pair_as_double_marks() {
        let text = "''Poor Mexico, so far from God,'' Mr. Diaz said.";
        assert_eq!(inners(text), ["Poor Mexico, so far from God,"]);
        let text = "He wrote ``we shall see'' and left; it's the team's call.";
        assert_eq!(inners(text), ["we shall see"]);
        let m = find_marked(text);
        assert_eq!(m[0].close - m[0].open, "``we shall see''".len());
    }

    #[test]
    fn german_single_low_high_marks() {
        assert_eq!(
            inners("Er nannte es ‚völlig absurd‘ und ging."),
            ["völlig absurd"]
        );
    }

    #[test]
    fn guillemets_pair() {
        assert_eq!(
            inners("Le ministre a dit « nous verrons » hier."),
            [" nous verrons "]
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "\"",
            "'",
            "“",
            "„",
            "\"\n\"",
            "a' 'b",
            "’’‘‘",
            "\"\u{0}\"é\"",
            "x\"y",
            "''",
            "'''",
            "``",
            "‚",
            "a ‚b",
        ] {
            let _ = find_marked(text);
        }
    }
}
