//! The words the attribution rules read, taken from the article's token layer
//! (`article.tokens`, filled by `storyline_segment`).
//!
//! The rules match written words ("Russia's" is a possessive name, "Secretary-General" one
//! title) and single punctuation characters (a `,` or a `.` ends a phrase), so a [`Tok`] is
//! made from the tokens inside a window thus:
//! - glued tokens join where a word runs on: clitics (`Russia` `'s` → "Russia's", `do` `n't` →
//!   "don't") and hyphenated parts (`Secretary` `-` `General` → "Secretary-General");
//! - a token is cut where the rules read punctuation of its own: the final dot of an
//!   abbreviation ("U.S." → `U.S` `.`, "Gen." → `Gen` `.`), the comma of "100,000", the
//!   separators of an address, each character of a run ("..." → `.` `.` `.`).
//!
//! One test decides both ([`Page::joins`]): the characters either side of a position belong to
//! one word when letters or digits meet, or when a joiner (`'` `’` `-` `.` `&`) sits between
//! two of them. Tokens crossing a window's edge are cut at it.

use storyline_record::{Span, Token};

/// A word or punctuation token of a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok<'t> {
    /// Byte span in the article text.
    pub span: Span,
    /// The token as written.
    pub text: &'t str,
    /// Letters/digits (true) or a single punctuation character (false).
    pub word: bool,
    /// Cut from a token of the token layer after its start: the segment stage kept it inside
    /// the word (the dot of "Mr." or "Gen.", the comma of "100,000"), so it ends nothing.
    pub cut: bool,
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
fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// Whether `c` joins two letters or digits inside one word ("don't", "ten-year", "U.S").
fn is_inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&')
}

/// An article's text with its token layer: what the rules read.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Page<'a> {
    /// The clean text.
    pub text: &'a str,
    /// Its tokens, in order, never overlapping, without whitespace.
    pub tokens: &'a [Token],
}

impl<'a> Page<'a> {
    /// Start of the token layer's sentence holding byte `pos` (or the first token after it)
    /// when that sentence follows a dash (a dateline or a run-in head before it: "BRUSSELS -
    /// European leaders …"); `None` otherwise.
    pub fn start_after_head(&self, pos: usize) -> Option<usize> {
        let at = self.tokens.partition_point(|t| t.span.end() <= pos);
        let sentence = self.tokens.get(at)?.sentence;
        let first = self.tokens[..at]
            .iter()
            .rposition(|t| t.sentence != sentence)?
            + 1;
        let before = self.tokens[first - 1].span.slice(self.text);
        matches!(before, "—" | "–" | "--" | "-").then(|| self.tokens[first].span.start().min(pos))
    }

    /// The words of `text[start..end]`; none when the window is empty or not on char
    /// boundaries.
    pub fn words(&self, start: usize, end: usize) -> Vec<Tok<'a>> {
        if start >= end || !self.text.is_char_boundary(start) || !self.text.is_char_boundary(end) {
            return Vec::new();
        }
        let window = Span::new(start, end);
        let first = self.tokens.partition_point(|t| t.span.end() <= start);
        let mut out = Vec::new();
        for t in self.tokens[first..]
            .iter()
            .take_while(|t| t.span.start() < end)
        {
            let span = Span::new(t.span.start().max(start), t.span.end().min(end));
            self.push_token(window, span, &mut out);
        }
        out
    }

    /// Appends the token at `span` (inside `window`), cut where the rules read punctuation.
    fn push_token(&self, window: Span, span: Span, out: &mut Vec<Tok<'a>>) {
        let mut from = span.start();
        for (i, _) in span.slice(self.text).char_indices().skip(1) {
            let at = span.start() + i;
            if !self.joins(window, at) {
                self.push_part(window, Span::new(from, at), from > span.start(), out);
                from = at;
            }
        }
        self.push_part(
            window,
            Span::new(from, span.end()),
            from > span.start(),
            out,
        );
    }

    /// Appends the part at `span` (`cut`: not the start of its token), joined to the
    /// previous word when it runs on from it.
    fn push_part(&self, window: Span, span: Span, cut: bool, out: &mut Vec<Tok<'a>>) {
        match out.last_mut() {
            Some(last) if last.span.end() == span.start() && self.joins(window, span.start()) => {
                last.span = Span::new(last.span.start(), span.end());
                last.text = last.span.slice(self.text);
            }
            _ => {
                let text = span.slice(self.text);
                let word = text.chars().next().is_some_and(char::is_alphanumeric);
                out.push(Tok {
                    span,
                    text,
                    word,
                    cut,
                });
            }
        }
    }

    /// Whether the characters either side of byte `at` belong to one word, reading only
    /// inside `window`: letters or digits meet, or a joiner sits between two of them.
    fn joins(&self, window: Span, at: usize) -> bool {
        let mut back = self.text[window.start()..at].chars().rev();
        let mut ahead = self.text[at..window.end()].chars();
        let (Some(a), Some(b)) = (back.next(), ahead.next()) else {
            return false;
        };
        if a.is_alphanumeric() {
            b.is_alphanumeric()
                || is_inner_joiner(b) && ahead.next().is_some_and(char::is_alphanumeric)
        } else {
            is_inner_joiner(a)
                && b.is_alphanumeric()
                && back.next().is_some_and(char::is_alphanumeric)
        }
    }
}

/// Runs `f` on `text` with the token layer the segment stage makes for it (for tests).
#[cfg(test)]
pub(crate) fn with_page<R>(text: &str, f: impl FnOnce(Page<'_>) -> R) -> R {
    let tokens = storyline_segment::tokenize(text);
    f(Page {
        text,
        tokens: &tokens,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, start: usize, end: usize) -> Vec<String> {
        with_page(text, |page| {
            let toks = page.words(start, end);
            toks.iter().map(|t| t.text.to_string()).collect()
        })
    }

    #[test]
    fn joins_clitics_and_hyphenated_parts() {
        let text = "“We won,” said coach Erik ten Hag’s side in the U.S. today.";
        assert_eq!(
            words(text, 0, text.len()),
            [
                "“", "We", "won", ",", "”", "said", "coach", "Erik", "ten", "Hag’s", "side", "in",
                "the", "U.S", ".", "today", "."
            ]
        );
        let text = "Russia's envoy didn't back the Secretary-General's anti-war plan.";
        assert_eq!(
            words(text, 0, text.len()),
            [
                "Russia's",
                "envoy",
                "didn't",
                "back",
                "the",
                "Secretary-General's",
                "anti-war",
                "plan",
                "."
            ]
        );
    }

    #[test]
    fn cuts_dots_commas_addresses_and_runs() {
        let text = "Gen. Ruiz said 100,000 wait... See dw.com/en now.";
        assert_eq!(
            words(text, 0, text.len()),
            [
                "Gen", ".", "Ruiz", "said", "100", ",", "000", "wait", ".", ".", ".", "See",
                "dw.com", "/", "en", "now", "."
            ]
        );
    }

    #[test]
    fn possessives_and_capitals() {
        with_page("Hag’s side", |page| {
            let toks = page.words(0, page.text.len());
            assert!(toks[0].is_possessive() && toks[0].is_capitalized());
            assert_eq!(toks[0].lower(), "hag");
            assert!(!toks[1].is_possessive() && !toks[1].is_capitalized());
        });
    }

    #[test]
    fn windows_cut_tokens_at_their_edges() {
        let text = "Secretary-General’s plan";
        assert_eq!(words(text, 3, 12), ["retary-Ge"]);
        assert_eq!(words(text, 0, 10), ["Secretary", "-"]);
        // A window inside a character has no words.
        let at = text.find('’').unwrap_or(0) + 1;
        assert!(words(text, 0, at).is_empty());
        assert!(words(text, 5, 2).is_empty());
    }
}
