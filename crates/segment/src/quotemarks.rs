//! Quotation marks inside one paragraph: which way each one faces, which pairs match, and
//! which stretches the sentence splitter must not cut.
//!
//! A quotation that runs over several sentences and is then attributed with a lowercase cue
//! (`"We are ready. We always were," he said.`) is one sentence: the quote stage reads the
//! speaker from the same sentence as the words. Only matched pairs count, so a stray or
//! unclosed mark (a quote continued in the next paragraph, an apostrophe) never glues a whole
//! paragraph together. Like the splitter, it reads the pieces of [`crate::scan`].

use storyline_lexicon::is_quote_close_cue;
use storyline_record::{Token, TokenKind};

use crate::scan::char_at;

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
    /// How many marks of each family (`Family as usize`) the stack holds, so a close with no
    /// open of its family costs nothing instead of a scan of the stack.
    num_open: [usize; 2],
    /// Change in protection depth at each token (+1 after an open, -1 at its close), summed
    /// once at the end so nested pairs cost linear time.
    depth_delta: Vec<i32>,
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
pub(crate) fn opens_after(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(c, '(' | '[' | '{' | '-' | '–' | '—' | '/')
                || crate::scan::is_quote_char(c)
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
                || crate::scan::is_quote_char(c)
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
    scan.num_open = [0; 2];
    scan.depth_delta.clear();
    scan.depth_delta.resize(toks.len() + 1, 0);
    for (k, tok) in toks.iter().enumerate() {
        if tok.kind != TokenKind::Quote {
            continue;
        }
        let Some(c) = char_at(text, tok.span.start()) else {
            continue;
        };
        let (family, fixed) = classify(c);
        let prev = text
            .get(..tok.span.start())
            .and_then(|s| s.chars().next_back());
        let next = char_at(text, tok.span.end());
        if family == Family::Single && next.is_some_and(|n| n.is_ascii_digit()) {
            // An elided century ("the ’90s"), not a quotation mark.
            continue;
        }
        let opens = opens_after(prev);
        let closes = closes_before(next);
        let has_open = scan.num_open[family as usize] > 0;
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
            Dir::Open => {
                scan.stack.push((family, k));
                scan.num_open[family as usize] += 1;
            }
            Dir::Close if has_open => {
                // Pop to the nearest open of this family; inner unmatched opens are dropped.
                // Every popped entry was pushed once, so matching is linear overall.
                while let Some((f, open)) = scan.stack.pop() {
                    scan.num_open[f as usize] -= 1;
                    if f == family {
                        if continues_after(text, toks, k) {
                            scan.depth_delta[open + 1] += 1;
                            scan.depth_delta[k] -= 1;
                        }
                        break;
                    }
                }
            }
            Dir::Close => {}
        }
    }
    let mut depth = 0;
    for (p, d) in scan.protected.iter_mut().zip(&scan.depth_delta) {
        depth += d;
        *p = depth > 0;
    }
}

/// Whether the sentence goes on after the closing mark at `close`: a comma or dash just
/// inside or after it (`…doubt,” he said`, `…doubt”, he said`), or a lowercase word after it
/// (`…ready!” said Smith`).
fn continues_after(text: &str, toks: &[Token], close: usize) -> bool {
    let is_joiner = |t: Option<&Token>| {
        t.is_some_and(|t| {
            t.kind == TokenKind::Punct
                && matches!(char_at(text, t.span.start()), Some(',' | '-' | '–' | '—'))
        })
    };
    let after = toks.get(close + 1);
    let lower_after = after.is_some_and(|t| {
        t.kind == TokenKind::Word && char_at(text, t.span.start()).is_some_and(char::is_lowercase)
    });
    let before = close.checked_sub(1).and_then(|b| toks.get(b));
    is_joiner(before) || is_joiner(after) || lower_after || attributed_after(text, toks, close)
}

/// Most words between a closing quote and its cue verb: "Mrs. Ann Patel said" is four.
const MAX_SPEAKER_WORDS: usize = 4;

/// Whether a capitalised speaker and a cue verb that closes the clause follow the closing mark
/// at `close` (`"Finally!" Mrs. Patel said.`): then the quotation and its attribution are one
/// sentence, although the word after the mark is capitalised.
fn attributed_after(text: &str, toks: &[Token], close: usize) -> bool {
    let rest = toks.get(close + 1..).unwrap_or(&[]);
    for (i, tok) in rest.iter().enumerate().take(MAX_SPEAKER_WORDS + 1) {
        if tok.kind != TokenKind::Word {
            return false;
        }
        if i > 0 && is_quote_close_cue(tok.span.slice(text)) {
            // The cue must end the clause: "Smith said." but not "Smith said the…".
            return match rest.get(i + 1) {
                None => true,
                Some(t) => t.kind == TokenKind::Punct,
            };
        }
        // Speakers are names and titles ("Mrs. Ann Patel"), not "Then the referee".
        if !char_at(text, tok.span.start()).is_some_and(char::is_uppercase) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::pieces;

    /// The protected tokens of `text`, joined by spaces.
    fn protected(text: &str) -> String {
        let toks = pieces(text);
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
    fn a_quote_followed_by_a_named_speaker_and_cue_is_protected() {
        assert_eq!(
            protected("“Finally! Done.” Mrs. Ann Patel said."),
            "Finally ! Done ."
        );
        assert_eq!(
            protected("\"Go. Now.\" Striker Tom Hale said, smiling."),
            "Go . Now ."
        );
        assert_eq!(
            protected("\"Go. Now.\" Tom Hale said the team was ready."),
            ""
        );
        assert_eq!(protected("\"Go. Now.\" Then the referee said."), "");
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
        assert_eq!(protected("It was the ’90s. The Joneses’ house burned."), "");
    }

    #[test]
    fn directions_follow_context_for_straight_marks() {
        let text = "said:\"Go.\" Then \"stop\".";
        let toks = pieces(text);
        let mut s = QuoteScan::default();
        scan(text, &toks, &mut s);
        let dirs: Vec<Dir> = s.dirs.iter().flatten().copied().collect();
        assert_eq!(dirs, [Dir::Open, Dir::Close, Dir::Open, Dir::Close]);
    }
}
