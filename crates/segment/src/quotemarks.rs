//! Quotation marks inside one paragraph: which way each one faces, which pairs match, and
//! which stretches the sentence splitter must not cut.
//!
//! A quotation that runs over several sentences and is then attributed with a lowercase cue
//! (`"We are ready. We always were," he said.`) is one sentence: the quote stage reads the
//! speaker from the same sentence as the words. Only matched pairs count, so a stray or
//! unclosed mark (a quote continued in the next paragraph, an apostrophe) never glues a whole
//! paragraph together.

use storyline_record::{Token, TokenKind};

use crate::tokens::char_at;

/// Which way a quotation mark faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    /// Opens a quotation.
    Open,
    /// Closes one.
    Close,
}

/// Double and single marks pair only within their own family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

/// What [`scan`] found for each token of a paragraph; buffers are reused between paragraphs.
#[derive(Debug, Default)]
pub(crate) struct QuoteScan {
    /// For each token: its direction when it is a quotation mark.
    pub dirs: Vec<Option<Dir>>,
    /// For each token: whether it lies strictly inside a quotation that its sentence continues
    /// past (so a terminator there does not end the sentence).
    pub protected: Vec<bool>,
    /// Open marks awaiting their close: (family, token index).
    stack: Vec<(Family, usize)>,
}

/// Family and built-in direction of a quotation mark (`None`: decided by context).
fn classify(c: char) -> (Family, Option<Dir>) {
    match c {
        '“' | '„' | '‟' | '«' => (Family::Double, Some(Dir::Open)),
        '”' | '»' => (Family::Double, Some(Dir::Close)),
        '‘' | '‚' | '‛' | '‹' => (Family::Single, Some(Dir::Open)),
        '’' | '›' => (Family::Single, Some(Dir::Close)),
        '\'' | '`' => (Family::Single, None),
        _ => (Family::Double, None),
    }
}

/// Whether the character before a mark suggests the mark opens a quotation.
fn opens_after(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(c, '(' | '[' | '{' | '-' | '–' | '—' | '/')
                || crate::tokens::is_quote_char(c)
        }
    }
}

/// Whether the character after a mark suggests the mark closes a quotation.
fn closes_before(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '-' | '–' | '—' | '…'
                )
                || crate::tokens::is_quote_char(c)
        }
    }
}

/// Fills `scan` for the tokens `toks` of one paragraph of `text`.
pub(crate) fn scan(text: &str, toks: &[Token], scan: &mut QuoteScan) {
    scan.dirs.clear();
    scan.dirs.resize(toks.len(), None);
    scan.protected.clear();
    scan.protected.resize(toks.len(), false);
    scan.stack.clear();
    for (k, tok) in toks.iter().enumerate() {
        if tok.kind != TokenKind::Quote {
            continue;
        }
        let Some(c) = char_at(text, tok.span.start) else {
            continue;
        };
        let (family, fixed) = classify(c);
        let prev = text
            .get(..tok.span.start)
            .and_then(|s| s.chars().next_back());
        let opens = opens_after(prev);
        let closes = closes_before(char_at(text, tok.span.end));
        let has_open = scan.stack.iter().any(|&(f, _)| f == family);
        let dir = match (opens, closes, fixed) {
            // Context overrides typography only when it is unambiguous: sites misuse ” and ’.
            (true, false, _) => Dir::Open,
            (false, true, _) => Dir::Close,
            (_, _, Some(d)) => d,
            (_, _, None) if has_open => Dir::Close,
            (_, _, None) => Dir::Open,
        };
        scan.dirs[k] = Some(dir);
        match dir {
            Dir::Open => scan.stack.push((family, k)),
            Dir::Close => {
                if let Some(pos) = scan.stack.iter().rposition(|&(f, _)| f == family) {
                    let open = scan.stack[pos].1;
                    scan.stack.truncate(pos);
                    if continues_after(text, toks, k) {
                        for p in &mut scan.protected[open + 1..k] {
                            *p = true;
                        }
                    }
                }
            }
        }
    }
}

/// Whether the sentence goes on after the closing mark at `close`: a comma or dash just
/// inside or after it (`…doubt,” he said`, `…doubt”, he said`), or a lowercase word after it
/// (`…ready!” said Smith`).
fn continues_after(text: &str, toks: &[Token], close: usize) -> bool {
    let is_joiner = |t: Option<&Token>| {
        t.is_some_and(|t| {
            t.kind == TokenKind::Punct
                && matches!(char_at(text, t.span.start), Some(',' | '-' | '–' | '—'))
        })
    };
    let after = toks.get(close + 1);
    let lower_after = after.is_some_and(|t| {
        t.kind == TokenKind::Word && char_at(text, t.span.start).is_some_and(char::is_lowercase)
    });
    let before = close.checked_sub(1).and_then(|b| toks.get(b));
    is_joiner(before) || is_joiner(after) || lower_after
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    /// The protected tokens of `text`, joined by spaces.
    fn protected(text: &str) -> String {
        let toks = tokenize(text);
        let mut s = QuoteScan::default();
        scan(text, &toks, &mut s);
        toks.iter()
            .zip(&s.protected)
            .filter(|(_, &p)| p)
            .map(|(t, _)| t.span.slice(text))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_quote_attributed_with_a_lowercase_cue_is_protected() {
        assert_eq!(
            protected("“We lost. It hurts,” the coach said."),
            "We lost . It hurts ,"
        );
        assert_eq!(
            protected("\"Rates stay. For now!\" said the governor."),
            "Rates stay . For now !"
        );
        assert_eq!(
            protected("'Shares fell. Again', the analyst wrote."),
            "Shares fell . Again"
        );
    }

    #[test]
    fn a_quote_closed_before_a_capital_is_not_protected() {
        assert_eq!(
            protected("He said: “Turnout was low. We expected it.” The count ends today."),
            ""
        );
    }

    #[test]
    fn unclosed_quotes_and_apostrophes_protect_nothing() {
        assert_eq!(protected("“The river rose. Homes flooded. We"), "");
        assert_eq!(protected("The players' union met. It voted."), "");
    }

    #[test]
    fn directions_follow_context_for_straight_marks() {
        let text = "said:\"Go.\" Then \"stop\".";
        let toks = tokenize(text);
        let mut s = QuoteScan::default();
        scan(text, &toks, &mut s);
        let dirs: Vec<Dir> = s.dirs.iter().flatten().copied().collect();
        assert_eq!(dirs, [Dir::Open, Dir::Close, Dir::Open, Dir::Close]);
    }
}
