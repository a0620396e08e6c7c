//! The token layer (`article.tokens`): tokens as Universal Dependencies English (EWT, GUM)
//! cuts them, so that a tagger and parser trained on those treebanks read what they learnt on.
//!
//! Tokens are made from the pieces of [`crate::scan`] after sentence splitting, by cutting
//! pieces and joining address pieces only inside one sentence: token boundaries never move a
//! sentence boundary, and each token lies in one sentence.
//! - Word pieces split into clitics, fused forms and hyphenated parts ([`crate::split`]):
//!   "Russia's" → `Russia` `'s`, "don't" → `do` `n't`, "Secretary-General" → `Secretary` `-`
//!   `General` (but "anti-war" stays whole, as in the treebanks).
//! - A web or e-mail address ([`crate::links`]) is one token.
//! - An apostrophe right after a word ending in "s" is the plural possessive ("the countries'
//!   leaders" → `countries` `'`), a Word, unless a single quotation mark opened earlier in the
//!   paragraph is still open (then it closes it: 'the fans').
//! - Everything else stays as scanned: "$" and "%" apart from their number ("$5" → `$` `5`,
//!   "3.5%" → `3.5` `%`), numbers whole with separators and suffixes ("100,000", "70k",
//!   "1990s", "3rd"), abbreviations with their dot ("U.S.", "Gen.", "e.g."), "..." whole.
//!
//! Each token gets its normalised form and shape ([`crate::forms`]) and the indices of its
//! sentence and paragraph.

use std::ops::Range;

use storyline_record::{Span, Token, TokenKind};

use crate::forms::{norm, shape};
use crate::links::links;
use crate::quotemarks::opens_after;
use crate::scan::{char_at, is_apostrophe, is_hyphen};
use crate::split::split_word;

/// The tokens of `text` from its `pieces`, given its paragraphs and the sentences found on
/// those pieces: in order, never overlapping, each inside one sentence, covering every
/// character of the pieces.
pub(crate) fn refine(
    text: &str,
    pieces: &[Token],
    paragraphs: &[Span],
    sentences: &[Span],
) -> Vec<Token> {
    let links = links(text);
    let mut links = links.iter().peekable();
    let mut out = Vec::with_capacity(pieces.len() + pieces.len() / 8);
    let mut parts: Vec<Range<usize>> = Vec::new();
    let (mut sentence, mut paragraph) = (0, 0);
    let mut single_open = false;
    let mut k = 0;
    while let Some(piece) = pieces.get(k) {
        let start = piece.span.start();
        let s = advance(sentences, &mut sentence, start);
        let para_before = paragraph;
        let p = advance(paragraphs, &mut paragraph, start);
        if paragraph != para_before {
            single_open = false;
        }
        let mut push = |span: Span, kind: TokenKind| out.push(token(text, span, kind, s, p));
        while links.next_if(|l| l.end() <= start).is_some() {}
        // An address is one token when it lies inside the sentence (a sentence end inside
        // one means it was misread).
        let in_sentence = |l: &Span| sentences.get(sentence).is_none_or(|s| l.end() <= s.end());
        if let Some(link) = links
            .peek()
            .filter(|l| l.start() == start && in_sentence(l))
        {
            let n = pieces[k..]
                .iter()
                .take_while(|p| p.span.end() <= link.end())
                .count();
            if n > 0 {
                push(
                    Span::new(start, pieces[k + n - 1].span.end()),
                    TokenKind::Word,
                );
                k += n;
                continue;
            }
        }
        match piece.kind {
            TokenKind::Word => {
                let word = piece.span.slice(text);
                parts.clear();
                split_word(word, &mut parts);
                for r in &parts {
                    let kind = part_kind(&word[r.clone()]);
                    push(Span::new(start + r.start, start + r.end), kind);
                }
            }
            TokenKind::Quote => {
                let kind = quote_kind(text, pieces, k, &mut single_open);
                push(piece.span, kind);
            }
            kind => push(piece.span, kind),
        }
        k += 1;
    }
    out
}

/// A token of `text` at `span` with its normalised form, shape, sentence and paragraph.
fn token(text: &str, span: Span, kind: TokenKind, sentence: u32, paragraph: u32) -> Token {
    let s = span.slice(text);
    Token {
        span,
        kind,
        norm: norm(s),
        shape: shape(s),
        sentence,
        paragraph,
        ..Token::default()
    }
}

/// Index of the last span of `spans` (sorted) starting at or before `byte`, moving `at`
/// forward (bytes only grow); 0 when there is none.
fn advance(spans: &[Span], at: &mut usize, byte: usize) -> u32 {
    while spans.get(*at + 1).is_some_and(|s| s.start() <= byte) {
        *at += 1;
    }
    u32::try_from(*at).unwrap_or(u32::MAX)
}

/// Kind of a part of a word piece: a hyphen is Punct, a part starting with a digit a Number.
fn part_kind(part: &str) -> TokenKind {
    let mut chars = part.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if is_hyphen(c) => TokenKind::Punct,
        (Some(c), _) if c.is_numeric() => TokenKind::Number,
        _ => TokenKind::Word,
    }
}

/// Kind of the quotation-mark piece `k`: Word for the possessive apostrophe of a plural, Quote
/// otherwise. `single_open` says whether a single quotation mark opened earlier in the
/// paragraph is still open; it is updated here.
fn quote_kind(text: &str, pieces: &[Token], k: usize, single_open: &mut bool) -> TokenKind {
    let span = pieces[k].span;
    let Some(c) = char_at(text, span.start()) else {
        return TokenKind::Quote;
    };
    if !matches!(c, '\'' | '‘' | '’' | '‛' | '‚' | '‹' | '›' | '`') {
        return TokenKind::Quote;
    }
    let after_s = k
        .checked_sub(1)
        .and_then(|j| pieces.get(j))
        .is_some_and(|p| {
            p.kind == TokenKind::Word
                && p.span.end() == span.start()
                && p.span.slice(text).ends_with(['s', 'S'])
        });
    if after_s && is_apostrophe(c) && !*single_open {
        return TokenKind::Word;
    }
    let prev = text.get(..span.start()).and_then(|s| s.chars().next_back());
    let next = char_at(text, span.end());
    // An elided century ("the ’90s") is no quotation mark.
    if next.is_some_and(|n| n.is_ascii_digit()) {
        return TokenKind::Quote;
    }
    if opens_after(prev) {
        if next.is_some_and(|n| !n.is_whitespace()) {
            *single_open = true;
        }
    } else {
        *single_open = false;
    }
    TokenKind::Quote
}

#[cfg(test)]
mod tests {
    use crate::tokenize;
    use storyline_record::{Shape, TokenKind};

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text)
            .iter()
            .map(|t| (t.span.slice(text), t.kind))
            .collect()
    }

    fn words(text: &str) -> Vec<&str> {
        toks(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn clitics_and_hyphenated_parts_are_tokens() {
        assert_eq!(
            words("Russia's troops won't leave, the Secretary-General's envoy said."),
            [
                "Russia",
                "'s",
                "troops",
                "wo",
                "n't",
                "leave",
                ",",
                "the",
                "Secretary",
                "-",
                "General",
                "'s",
                "envoy",
                "said",
                "."
            ]
        );
        assert_eq!(
            words("“We can’t and we cannot,” an anti-war MP said of the 2014-2022 talks."),
            [
                "“", "We", "ca", "n’t", "and", "we", "can", "not", ",", "”", "an", "anti-war",
                "MP", "said", "of", "the", "2014", "-", "2022", "talks", "."
            ]
        );
    }

    #[test]
    fn plural_possessive_apostrophe_is_a_word_but_closing_quotes_are_not() {
        use TokenKind::*;
        assert_eq!(
            toks("The countries' leaders met."),
            [
                ("The", Word),
                ("countries", Word),
                ("'", Word),
                ("leaders", Word),
                ("met", Word),
                (".", Punct)
            ]
        );
        assert_eq!(
            toks("He called it 'a win for the fans' and left."),
            [
                ("He", Word),
                ("called", Word),
                ("it", Word),
                ("'", Quote),
                ("a", Word),
                ("win", Word),
                ("for", Word),
                ("the", Word),
                ("fans", Word),
                ("'", Quote),
                ("and", Word),
                ("left", Word),
                (".", Punct)
            ]
        );
        assert_eq!(toks("the ’90s and the Joneses’ house")[6], ("’", Word));
    }

    #[test]
    fn currency_percent_numbers_and_abbreviations_keep_ud_shapes() {
        assert_eq!(
            words(
                "Gen. Ruiz said U.S. aid rose 3.5% to $5bn, e.g. 100,000 rifles, in the 1990s..."
            ),
            [
                "Gen.", "Ruiz", "said", "U.S.", "aid", "rose", "3.5", "%", "to", "$", "5bn", ",",
                "e.g.", "100,000", "rifles", ",", "in", "the", "1990s", "..."
            ]
        );
    }

    #[test]
    fn addresses_are_one_token_within_their_sentence() {
        assert_eq!(
            words("See https://www.dw.com/en/nato-talks/a-60591425. Mail press@un.org now."),
            [
                "See",
                "https://www.dw.com/en/nato-talks/a-60591425",
                ".",
                "Mail",
                "press@un.org",
                "now",
                "."
            ]
        );
    }

    #[test]
    fn tokens_carry_norm_shape_sentence_and_paragraph() {
        let text = "NATO’s chief spoke. Talks — again.\nKyiv waits.";
        let t = tokenize(text);
        let row = |i: usize| {
            (
                t[i].norm.as_str(),
                t[i].shape,
                t[i].sentence,
                t[i].paragraph,
            )
        };
        assert_eq!(row(0), ("nato", Shape::Upper, 0, 0));
        assert_eq!(row(1), ("'s", Shape::Lower, 0, 0));
        assert_eq!(row(5), ("talks", Shape::Title, 1, 0));
        assert_eq!(row(6), ("--", Shape::Symbol, 1, 0));
        assert_eq!(row(9), ("kyiv", Shape::Title, 2, 1));
    }
}
