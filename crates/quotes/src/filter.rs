//! Tells speech from scare quotes, names and titles, and direct quotes from partial ones.
//!
//! A quoted stretch is speech unless its shape says otherwise: title-cased names of programs,
//! agencies or works ("Sunday Time"), stretches right after a naming word (`nicknamed
//! "Londongrad"`, `the so-called "peace mission"`), a quoted term used as a clause subject
//! (`an "official request" had been sent`), or a quote in a headline line without a cue. One- and
//! two-word stretches are kept only when a cue attributes them; that check needs the speaker
//! rules, so it is returned as [`Verdict::NeedsCue`].

use storyline_lexicon::{is_quote_word, QuoteClass};
use storyline_record::{QuoteKind, Span};

use crate::cues::dash_byline;
use crate::layout::{paragraph_bounds, sentence_start};
use crate::marks::Marked;
use crate::tok::{Page, Tok};
use crate::words::{is_cue, is_determiner, is_naming_word, is_subject_verb};

/// What to do with one quoted stretch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Speech: keep it.
    Keep(QuoteKind),
    /// Keep only if a cue in its own sentence attributes it (short stretches).
    NeedsCue(QuoteKind),
    /// Not speech.
    Skip,
}

/// The quoted words without surrounding spaces and a trailing `,`, `;` or `:` (whose mark
/// closes the quote only typographically, as in `"We lost," he said`).
pub(crate) fn trimmed(text: &str, inner: Span) -> Span {
    let s = inner.slice(text);
    let lead = s.len() - s.trim_start().len();
    let body = s
        .trim_start()
        .trim_end()
        .trim_end_matches([',', ';', ':'])
        .trim_end();
    Span::new(inner.start() + lead, inner.start() + lead + body.len())
}

/// Whether every word is capitalised (or a title filler): a name or a title, not speech.
fn is_title_cased(words: &[&Tok<'_>]) -> bool {
    words.iter().any(|t| t.is_capitalized())
        && words.iter().all(|t| {
            t.is_capitalized()
                || t.text.chars().all(|c| c.is_ascii_digit())
                || is_quote_word(QuoteClass::TitleFiller, t.text)
        })
}

/// Whether the opening mark at `open` begins a sentence or follows `:` / `,` before a capital.
fn opens_a_sentence(text: &str, open: usize, first_word: Option<&Tok<'_>>) -> bool {
    let (para_start, _) = paragraph_bounds(text, open);
    let start = sentence_start(text, open, para_start);
    let before = text.get(start..open).unwrap_or("").trim_end();
    if before.is_empty() {
        return true;
    }
    let capital = first_word.is_some_and(|t| t.is_capitalized());
    (before.ends_with(':') || before.ends_with(',')) && capital
}

/// Decides whether `m` is speech and of which kind.
pub(crate) fn classify(page: Page<'_>, m: &Marked) -> Verdict {
    let text = page.text;
    let span = trimmed(text, m.inner);
    let toks = page.words(span.start(), span.end());
    let words: Vec<&Tok<'_>> = toks.iter().filter(|t| t.word).collect();
    if words.is_empty() {
        return Verdict::Skip;
    }
    let inner_str = span.slice(text);
    let sentence_inside =
        inner_str.contains(". ") || inner_str.contains("? ") || inner_str.contains("! ");
    if words.len() <= 6 && !sentence_inside && is_title_cased(&words) {
        return Verdict::Skip;
    }

    let (para_start, para_end) = paragraph_bounds(text, m.open);
    let back_from = m.open.saturating_sub(80).max(para_start);
    let back_from = (back_from..=m.open)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(m.open);
    let before = page.words(back_from, m.open);
    let before_words: Vec<String> = before
        .iter()
        .rev()
        .take_while(|t| t.word)
        .take(3)
        .map(Tok::lower)
        .collect();
    // `nicknamed "X"`, `known as the "X"`, but not `what it called Russian "X"` (a cue).
    let naming = match before_words.as_slice() {
        [w, _, x, ..] if is_naming_word(w) && x == "what" => false,
        [w, ..] if is_naming_word(w) => true,
        [w, v, ..] => (is_determiner(w) || w == "as") && is_naming_word(v),
        _ => false,
    };
    if words.len() <= 4 && naming {
        return Verdict::Skip;
    }
    let after = page.words(m.close, (m.close + 40).min(para_end));
    let after_word = after.first().filter(|t| t.word).map(Tok::lower);
    let det_before = before_words.first().is_some_and(|w| is_determiner(w));
    if words.len() <= 3 && det_before && after_word.as_deref().is_some_and(is_subject_verb) {
        return Verdict::Skip;
    }

    // Headlines and section titles: short line, no terminal punctuation, no cue, no byline.
    let para = text.get(para_start..para_end).unwrap_or("").trim_end();
    // Only short lines can be headlines: never read a long paragraph's words per quote.
    let para_toks = if para_end - para_start < 200 {
        page.words(para_start, para_end)
    } else {
        Vec::new()
    };
    let num_para_words = para_toks.iter().filter(|t| t.word).count();
    let terminated = para.ends_with(['.', '!', '?', '…', '"', '”', '’', '\'', ':']);
    if !para_toks.is_empty()
        && num_para_words <= 15
        && !terminated
        && !para_toks.iter().any(|t| t.word && is_cue(&t.lower()))
        && dash_byline(page, m.close).is_none()
    {
        return Verdict::Skip;
    }

    let direct = sentence_inside || opens_a_sentence(text, m.open, words.first().copied());
    let kind = if direct {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    };
    // Short stretches inside the writer's sentence are terms more often than speech.
    if words.len() <= 2 || (kind == QuoteKind::Partial && words.len() <= 4) {
        Verdict::NeedsCue(kind)
    } else {
        Verdict::Keep(kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks::find_marked;

    fn verdicts(text: &str) -> Vec<(String, Verdict)> {
        crate::tok::with_page(text, |page| {
            find_marked(text)
                .iter()
                .map(|m| {
                    (
                        trimmed(text, m.inner).slice(text).to_string(),
                        classify(page, m),
                    )
                })
                .collect()
        })
    }

    #[test]
    fn direct_and_partial() {
        let text = "\"We were poor today,\" said the coach. The mayor called the plan \"a waste of good money\".";
        let v = verdicts(text);
        assert_eq!(
            v[0],
            (
                "We were poor today".into(),
                Verdict::Keep(QuoteKind::Direct)
            )
        );
        assert_eq!(
            v[1],
            (
                "a waste of good money".into(),
                Verdict::Keep(QuoteKind::Partial)
            )
        );
    }

    #[test]
    fn colon_and_comma_openings_are_direct() {
        let text = "The chief executive wrote on LinkedIn, \"Our results speak for themselves.\"";
        assert_eq!(verdicts(text)[0].1, Verdict::Keep(QuoteKind::Direct));
    }

    #[test]
    fn names_titles_and_terms_are_skipped() {
        let text = "She hosts the show \"Money Talks Tonight\" on Fridays. The striker, nicknamed \"the little bull\", scored. An \"emergency review\" was ordered by the board.";
        let v = verdicts(text);
        assert!(v.iter().all(|(_, v)| *v == Verdict::Skip), "{v:?}");
    }

    #[test]
    fn short_quotes_need_a_cue() {
        let text = "The regulator said the merger was \"deeply troubling\" for shoppers.";
        assert_eq!(verdicts(text)[0].1, Verdict::NeedsCue(QuoteKind::Partial));
    }

    #[test]
    fn headline_scare_quotes_are_skipped() {
        let text = "Council 'misled' residents over new bypass plans\nThe council denied it.";
        assert_eq!(verdicts(text)[0].1, Verdict::Skip);
    }
}
