//! Sentence splitting over the pieces of each paragraph (the coarse units of [`crate::scan`];
//! "token" below means a piece). UD tokens are cut inside pieces only, so every sentence
//! starts and ends on a token of `article.tokens` too.
//!
//! A sentence ends after a terminator (". ! ? …", or an abbreviation's dot when it may close a
//! sentence) together with any closing quotes and brackets that follow it, when the next token
//! can start a sentence: a capitalised word, a number, an opening quote or bracket. A lowercase
//! word never starts one ("a.m. on Friday", "NATO ... stands ready", `“Why?” she asked`).
//! Terminators inside a quotation that its sentence continues past do not end it (see
//! [`crate::quotemarks`]). Sentences never cross paragraphs; a paragraph without a terminator
//! (a headline, a caption) is one sentence.

use storyline_record::{Span, Token, TokenKind};

use crate::abbrev::{self, AbbrevClass};
use crate::lookup::tokens_in;
use crate::quotemarks::{self, Dir, QuoteScan};
use crate::scan::char_at;

/// What kind of possible sentence end a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Terminator {
    /// ". ! ?" and their runs.
    Full,
    /// "..." or "…": ends a sentence only before a capital.
    Ellipsis,
    /// A word ending in an abbreviation dot.
    Abbrev(AbbrevClass),
}

/// The terminator `tok` is, if any.
fn terminator(text: &str, tok: &Token) -> Option<Terminator> {
    let s = tok.span.slice(text);
    match tok.kind {
        TokenKind::Punct => match s.chars().next()? {
            '…' => Some(Terminator::Ellipsis),
            '.' if s.len() > 1 => Some(Terminator::Ellipsis),
            '.' | '!' | '?' | '。' | '！' | '？' | '؟' => Some(Terminator::Full),
            _ => None,
        },
        TokenKind::Word => {
            let word = s.strip_suffix('.')?;
            let after = text
                .get(tok.span.end()..)
                .and_then(|r| r.chars().find(|c| !c.is_whitespace()));
            // The scanner only keeps a dot on a word it classed as an abbreviation.
            Some(Terminator::Abbrev(
                abbrev::class_of(word, after).unwrap_or(AbbrevClass::Trailing),
            ))
        }
        _ => None,
    }
}

/// Whether token `k` closes what precedes it: a closing quote, a closing bracket, or a further
/// terminator (`.”)` or `?!`).
fn is_closer(text: &str, toks: &[Token], dirs: &[Option<Dir>], k: usize) -> bool {
    let Some(tok) = toks.get(k) else {
        return false;
    };
    match tok.kind {
        TokenKind::Quote => dirs.get(k).copied().flatten() == Some(Dir::Close),
        TokenKind::Punct => matches!(
            char_at(text, tok.span.start()),
            Some(')' | ']' | '}' | '.' | '!' | '?' | '…')
        ),
        _ => false,
    }
}

/// Whether a sentence ending in `term` ends before `next` (the token after any closers).
fn ends_before(text: &str, term: Terminator, next: &Token, next_dir: Option<Dir>) -> bool {
    let Some(first) = char_at(text, next.span.start()) else {
        return true;
    };
    if term == Terminator::Abbrev(AbbrevClass::Leading) {
        return false;
    }
    let abbrev = matches!(term, Terminator::Abbrev(_));
    match next.kind {
        // A possible trailing abbreviation ("U.S.", "Inc.", an initial) ends a sentence only
        // before a typical opener: "U.S. Army" and "John F. Kennedy" stay whole.
        TokenKind::Word if abbrev => abbrev::is_opener(next.span.slice(text)),
        TokenKind::Word => !first.is_lowercase(),
        TokenKind::Number => !abbrev,
        TokenKind::Quote => next_dir == Some(Dir::Open),
        TokenKind::Punct => {
            !abbrev && !matches!(first, ',' | ';' | ':' | ')' | ']' | '}' | '%' | '.' | '…')
        }
    }
}

/// Whether token `k` is a capitalised word glued to the word before it: the scanner splits
/// words only where a sentence opener was run into the previous text ("UkraineThe UK").
fn glued_start(text: &str, toks: &[Token], k: usize) -> bool {
    let (Some(prev), Some(tok)) = (k.checked_sub(1).and_then(|p| toks.get(p)), toks.get(k)) else {
        return false;
    };
    prev.kind == TokenKind::Word
        && tok.kind == TokenKind::Word
        && prev.span.end() == tok.span.start()
        && char_at(text, tok.span.start()).is_some_and(char::is_uppercase)
}

/// Byte spans of the sentences of `text`, given its paragraphs and pieces (`tokens`): in
/// order, never overlapping, each inside one paragraph, each starting and ending on a piece.
pub(crate) fn sentences(text: &str, paragraphs: &[Span], tokens: &[Token]) -> Vec<Span> {
    let mut out = Vec::with_capacity(tokens.len() / 20 + paragraphs.len());
    let mut scan = QuoteScan::default();
    for &para in paragraphs {
        let range = tokens_in(tokens, para);
        let Some(toks) = tokens.get(range) else {
            continue;
        };
        split_paragraph(text, toks, &mut scan, &mut out);
    }
    out
}

/// Ends a sentence at each offset of `ends` (ascending) that lies between two of its tokens
/// (`tokens`: the pieces the sentences were cut from), so "WASHINGTON (Reuters) —" opening a
/// paragraph is a sentence of its own. One walk over both lists.
pub(crate) fn end_at(sentences: &mut Vec<Span>, tokens: &[Token], ends: &[usize]) {
    if ends.is_empty() {
        return;
    }
    let mut out = Vec::with_capacity(sentences.len() + ends.len());
    let mut next = ends.iter().copied().peekable();
    for &s in sentences.iter() {
        let mut start = s.start();
        while let Some(&end) = next.peek() {
            if end >= s.end() {
                break;
            }
            next.next();
            let inside = &tokens[tokens_in(tokens, Span::new(start, s.end()))];
            let before = inside.iter().rev().find(|t| t.span.end() <= end);
            let after = inside.iter().find(|t| t.span.start() >= end);
            if let (Some(b), Some(a)) = (before, after) {
                out.push(Span::new(start, b.span.end()));
                start = a.span.start();
            }
        }
        out.push(Span::new(start, s.end()));
    }
    *sentences = out;
}

/// Where a run-in head ends: a paragraph that opens with words in capitals and then a dash
/// before text that starts like a sentence ("CONGRESS HAS INVESTIGATED HIM — Oz's advice
/// …", "WASHINGTON — The Senate …") has its head as a sentence of its own; the offsets are
/// the ends of those dashes, ascending.
pub(crate) fn run_in_heads(text: &str, paragraphs: &[Span], tokens: &[Token]) -> Vec<usize> {
    // A head longer than this many pieces is a sentence in capitals, not a head.
    const MOST: usize = 16;
    let mut out = Vec::new();
    for &para in paragraphs {
        let toks = &tokens[tokens_in(tokens, para)];
        let mut capitals = false;
        for (k, tok) in toks.iter().enumerate().take(MOST) {
            let s = tok.span.slice(text);
            if matches!(s, "—" | "–" | "--" | "-") {
                let next = toks.get(k + 1).map(|t| t.span.slice(text));
                let starts = next
                    .and_then(|n| n.chars().next())
                    .is_some_and(|c| c.is_uppercase() || "\"“‘'".contains(c));
                // Ordinary copy follows (not the rest of a headline in capitals).
                let copy = toks[k + 1..]
                    .iter()
                    .take(4)
                    .any(|t| t.span.slice(text).chars().any(char::is_lowercase));
                if capitals && k > 0 && starts && copy {
                    out.push(tok.span.end());
                }
                break;
            }
            if s.chars().any(char::is_lowercase) {
                break;
            }
            capitals |= s.chars().filter(|c| c.is_uppercase()).count() >= 2;
        }
    }
    out
}

/// Appends the sentences of one paragraph's tokens `toks` to `out`.
fn split_paragraph(text: &str, toks: &[Token], scan: &mut QuoteScan, out: &mut Vec<Span>) {
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
        return;
    };
    quotemarks::scan(text, toks, scan);
    let mut start = first.span.start();
    let mut k = 0;
    while k < toks.len() {
        // `start` already sits on token `k` when a terminator just ended the sentence.
        if k > 0 && start < toks[k].span.start() && glued_start(text, toks, k) && !scan.protected[k]
        {
            out.push(Span::new(start, toks[k - 1].span.end()));
            start = toks[k].span.start();
        }
        let term = match terminator(text, &toks[k]) {
            Some(t) if !scan.protected[k] => t,
            _ => {
                k += 1;
                continue;
            }
        };
        let mut e = k + 1;
        let mut quoted = false;
        while is_closer(text, toks, &scan.dirs, e) {
            quoted |= toks[e].kind == TokenKind::Quote;
            e += 1;
        }
        // A closing quote after an abbreviation's dot marks the end as surely as a full stop:
        // `…based in the U.S.” Biden said` ends before "Biden".
        let term = match term {
            Terminator::Abbrev(AbbrevClass::Trailing) if quoted => Terminator::Full,
            t => t,
        };
        let Some(next) = toks.get(e) else {
            break;
        };
        if ends_before(text, term, next, scan.dirs[e]) {
            out.push(Span::new(start, toks[e - 1].span.end()));
            start = next.span.start();
        }
        k = e;
    }
    out.push(Span::new(start, last.span.end()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paragraphs::paragraphs;
    use crate::scan::pieces;

    fn split(text: &str) -> Vec<&str> {
        let paras = paragraphs(text);
        let toks = pieces(text);
        sentences(text, &paras, &toks)
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn splits_plain_wire_copy() {
        assert_eq!(
            split("Oil prices rose 2% on Monday. Traders cited supply fears! Will it last? Analysts doubt it."),
            [
                "Oil prices rose 2% on Monday.",
                "Traders cited supply fears!",
                "Will it last?",
                "Analysts doubt it."
            ]
        );
    }

    #[test]
    fn titles_months_and_numbered_abbreviations_never_end_a_sentence() {
        assert_eq!(
            split("Gen. Lloyd Austin met Dr. Smith on Jan. 12 at No. 10 Downing St. in London. It went well."),
            [
                "Gen. Lloyd Austin met Dr. Smith on Jan. 12 at No. 10 Downing St. in London.",
                "It went well."
            ]
        );
    }

    #[test]
    fn trailing_abbreviations_end_a_sentence_only_before_an_opener() {
        assert_eq!(
            split("Shares of Acme Corp. rose. The deal closes at 5 p.m. on Friday. Talks in the U.S. The U.S. Army agreed."),
            [
                "Shares of Acme Corp. rose.",
                "The deal closes at 5 p.m. on Friday.",
                "Talks in the U.S.",
                "The U.S. Army agreed."
            ]
        );
    }

    #[test]
    fn a_closing_quote_after_an_abbreviation_ends_the_sentence() {
        assert_eq!(
            split("“Our plant moves to the U.S.” Workers were stunned. SPRINGFIELD, Ill. (AP) — Rain fell."),
            [
                "“Our plant moves to the U.S.”",
                "Workers were stunned.",
                "SPRINGFIELD, Ill. (AP) — Rain fell."
            ]
        );
    }

    #[test]
    fn initials_decimals_and_eg_stay_inside() {
        assert_eq!(
            split("John F. Kennedy and J. K. Rowling, e.g. authors, earned 3.5 times more. Then came 2014."),
            [
                "John F. Kennedy and J. K. Rowling, e.g. authors, earned 3.5 times more.",
                "Then came 2014."
            ]
        );
    }

    #[test]
    fn ellipses_end_a_sentence_only_before_a_capital() {
        assert_eq!(
            split("NATO ... stands ready, he said… The vote follows."),
            ["NATO ... stands ready, he said…", "The vote follows."]
        );
    }

    #[test]
    fn quotes_over_several_sentences_stay_joined_until_the_cue() {
        assert_eq!(
            split("\"We are focusing on support. There is no doubt,\" he said. Fans cheered."),
            [
                "\"We are focusing on support. There is no doubt,\" he said.",
                "Fans cheered."
            ]
        );
        assert_eq!(
            split(
                "“The lab found traces. We are sure,” said lead author Ana Ruiz. It was published."
            ),
            [
                "“The lab found traces. We are sure,” said lead author Ana Ruiz.",
                "It was published."
            ]
        );
        assert_eq!(
            split("“Why now?” she asked. Nobody knew."),
            ["“Why now?” she asked.", "Nobody knew."]
        );
    }

    #[test]
    fn a_quote_attributed_to_a_named_speaker_stays_whole() {
        assert_eq!(
            split("“Finally! We won.” Coach Ana Diaz said. Fans stayed late."),
            [
                "“Finally! We won.” Coach Ana Diaz said.",
                "Fans stayed late."
            ]
        );
    }

    #[test]
    fn a_closing_quote_before_a_capital_ends_the_sentence() {
        assert_eq!(
            split("The mayor said: “Roads reopen Monday.” Crews worked overnight."),
            [
                "The mayor said: “Roads reopen Monday.”",
                "Crews worked overnight."
            ]
        );
        assert_eq!(
            split("He said: 'Prices will fall. Soon.' Markets rallied."),
            ["He said: 'Prices will fall.", "Soon.'", "Markets rallied."]
        );
    }

    #[test]
    fn run_together_sentences_split() {
        assert_eq!(
            split("aid from willing countries.The statement follows talks on dw.com today."),
            [
                "aid from willing countries.",
                "The statement follows talks on dw.com today."
            ]
        );
    }

    #[test]
    fn a_glued_opener_starts_a_sentence() {
        assert_eq!(
            split("Storm Warning for the CoastThe Met Office issued alerts. In the U.S.The storm faded."),
            [
                "Storm Warning for the Coast",
                "The Met Office issued alerts.",
                "In the U.S.",
                "The storm faded."
            ]
        );
    }

    #[test]
    fn paragraphs_bound_sentences_and_headlines_stand_alone() {
        assert_eq!(
            split("Storm shuts schools across county\nClasses resume Tuesday. Buses run\n“The roof held. We"),
            [
                "Storm shuts schools across county",
                "Classes resume Tuesday.",
                "Buses run",
                "“The roof held.",
                "We"
            ]
        );
    }

    #[test]
    fn brackets_and_quotes_after_a_terminator_stay_with_it() {
        assert_eq!(
            split("The bill passed (narrowly.) Opponents vowed to fight. (Reuters reported it.) Done."),
            [
                "The bill passed (narrowly.)",
                "Opponents vowed to fight.",
                "(Reuters reported it.)",
                "Done."
            ]
        );
    }

    /// Sentences of `text` with the dateline ends `ends` and run-in heads.
    fn split_heads<'t>(text: &'t str, ends: &[usize]) -> Vec<&'t str> {
        let (paras, toks) = (paragraphs(text), pieces(text));
        let mut out = sentences(text, &paras, &toks);
        let mut ends = [ends, &run_in_heads(text, &paras, &toks)].concat();
        ends.sort_unstable();
        end_at(&mut out, &toks, &ends);
        out.iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn a_dateline_and_a_run_in_head_are_sentences_of_their_own() {
        let text = "SAN JOSE, Costa Rica (Reuters) - The central bank cut rates. Shares rose.";
        let end = text.find(" The").unwrap_or(0);
        assert_eq!(
            split_heads(text, &[end]),
            [
                "SAN JOSE, Costa Rica (Reuters) -",
                "The central bank cut rates.",
                "Shares rose."
            ]
        );
        assert_eq!(
            split_heads("HE'S BEEN CALLED OUT — He was asked to testify.", &[]),
            ["HE'S BEEN CALLED OUT —", "He was asked to testify."]
        );
        // A headline in capitals, a dash in prose and an end between sentences stay as they are.
        assert_eq!(
            split_heads("SOCCER - JAPAN GET LUCKY WIN", &[]),
            ["SOCCER - JAPAN GET LUCKY WIN"]
        );
        assert_eq!(
            split_heads("The vote - a close one - passed.", &[]),
            ["The vote - a close one - passed."]
        );
        assert_eq!(split_heads("One. Two.", &[4]), ["One.", "Two."]);
    }
}
