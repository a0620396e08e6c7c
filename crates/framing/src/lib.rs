//! How the outlet's own voice frames a story: fills `Article.framing` and `Article.tone`.
//!
//! Steps, in order, over the token layer and the quotes stage's output:
//!
//! 1. Pair quotation marks (`marks`), double and single apart, within a paragraph.
//! 2. Map voices (`voice`): quotes from the quotes stage (in marks, and reported speech: kind `indirect`), with their
//!    speakers, and quoted stretches too long to be scare quotes; the rest is the outlet's.
//! 3. Scare quotes (`scare`): short quoted stretches nobody is quoted as saying.
//! 4. Lexicon markers (`lexical`): "so-called X", hedges ("allegedly", "claimed that",
//!    "without evidence") and loaded terms ("regime", "baseless"), from
//!    `storyline_lexicon::FramingLexicon`.
//! 5. Give each marker its voice and speaker: only `Voice::Outlet` markers are the outlet's
//!    framing; a loaded word inside a quote is the speaker's.
//! 6. Tone (`tone`): GDELT's positive minus negative word share, from the VADER lexicon.
//!
//! ```
//! use storyline_framing::FramingFinder;
//! use storyline_record::{Article, FramingKind, Voice};
//!
//! let mut article = Article::new("x.txt", "");
//! article.set_text("Rebels allegedly shot down the airliner.".to_string());
//! storyline_segment::Segmenter::new().annotate(&mut article);
//! FramingFinder::new().annotate(&mut article);
//! let f = &article.framing[0];
//! assert_eq!((f.kind, f.span.slice(&article.text)), (FramingKind::Hedge, "allegedly"));
//! assert_eq!(f.voice, Voice::Outlet);
//! assert!(article.tone.is_some());
//! ```
#![deny(missing_docs)]

mod lexical;
mod marks;
mod scare;
#[cfg(test)]
mod testutil;
mod tone;
mod voice;

use storyline_record::{Article, Framing, FramingKind, Span};

use crate::marks::pair_marks;
use crate::voice::Voices;

/// Finds framing markers and the document tone.
#[derive(Debug, Default, Clone)]
pub struct FramingFinder;

impl FramingFinder {
    /// Builds the stage (parses the shipped word lists now, not inside the first `annotate`).
    pub fn new() -> FramingFinder {
        let _ = storyline_lexicon::FramingLexicon::get();
        let _ = storyline_lexicon::ToneLexicon::get();
        FramingFinder
    }

    /// Fills `article.framing` (replacing what was there, in text order) and `article.tone`.
    pub fn annotate(&self, article: &mut Article) {
        let pairs = pair_marks(&article.text, &article.tokens);
        let voices = Voices::build(article, &pairs);
        let mut mentions: Vec<Span> = article
            .entities
            .iter()
            .flat_map(|e| e.mentions.iter().copied())
            .collect();
        mentions.sort_by_key(|m| m.start());
        let mut framing: Vec<Framing> = scare::scare_quotes(article, &pairs)
            .into_iter()
            .map(|p| (FramingKind::ScareQuote, p.outer, None, None))
            .chain(
                lexical::find_words(&article.tokens, &pairs, &mentions)
                    .into_iter()
                    .map(|f| (f.kind, f.span, Some(f.term), f.category)),
            )
            .map(|(kind, span, term, category)| {
                let (voice, speaker) = voices.of(span);
                Framing {
                    kind,
                    span,
                    term: term.map(str::to_string),
                    category: category.map(str::to_string),
                    voice,
                    speaker,
                }
            })
            .collect();
        framing.sort_by_key(|f| (f.span.start(), f.kind));
        // A scare quote right after "so-called" is part of that marker already.
        framing.dedup_by(|b, a| {
            a.kind == FramingKind::SoCalled
                && b.kind == FramingKind::ScareQuote
                && a.span.contains(b.span)
        });
        article.framing = framing;
        article.tone = Some(tone::tone(&article.tokens));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::article_of;
    use storyline_record::Voice;

    fn framed(text: &str) -> Vec<(FramingKind, String, Voice)> {
        let mut a = article_of(text);
        FramingFinder::new().annotate(&mut a);
        a.framing
            .iter()
            .map(|f| (f.kind, f.span.slice(text).to_string(), f.voice))
            .collect()
    }

    #[test]
    fn a_loaded_word_in_a_quote_is_the_speakers() {
        let got = framed(
            "\"These are baseless accusations from the Kyiv regime,\" Lavrov told reporters.",
        );
        assert!(!got.is_empty());
        assert!(got.iter().all(|(_, _, v)| *v == Voice::Quote), "{got:?}");
    }

    #[test]
    fn the_outlets_own_words_are_its_framing() {
        let got = framed("The regime's baseless claims of a Western 'plot' fooled nobody.");
        let kinds: Vec<FramingKind> = got.iter().map(|f| f.0).collect();
        assert!(kinds.contains(&FramingKind::Loaded));
        assert!(kinds.contains(&FramingKind::ScareQuote));
        assert!(got.iter().all(|(_, _, v)| *v == Voice::Outlet));
    }

    #[test]
    fn neutral_wire_copy_carries_no_markers() {
        let got = framed(
            "Russia has massed about 100,000 troops near Ukraine's border, officials said on \
             Monday. Moscow denies planning an attack. Talks between the two sides are due to \
             resume in Geneva next week, the foreign ministry said in a statement.",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn so_called_swallows_its_scare_quote() {
        let got = framed("The so-called 'referendum' was held on Sunday.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, FramingKind::SoCalled);
    }
}
