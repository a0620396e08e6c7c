//! Finds quotations in an article and who said them: fills `Article.quotes`.
//!
//! Steps, in order, over the frozen clean text; the rules read its words from the token layer
//! (`article.tokens`, see `tok`) and its names from `article.entities`:
//!
//! 1. Pair quotation marks (straight, curly, low-9, guillemets; single marks only where they
//!    cannot be apostrophes), joining wire-style quotes that run over several paragraphs.
//! 2. Keep speech: drop names and titles in quotes ("Sunday Time"), terms after naming words
//!    (`nicknamed "Londongrad"`), quoted terms used as clause subjects, headline scare quotes;
//!    keep one- and two-word quotes only when a cue attributes them. Kind: `direct` when the
//!    quote opens its sentence (or follows `:` / `,` with a capital), else `partial`.
//! 3. Attribute: the cue after the quote (`"…," he said`, `"…," said X`), else the cue before
//!    it in its sentence (`X said it was "…"`), subject phrases resolved to canonical entity
//!    names, role phrases ("Boris Johnson's spokesman"), or pronoun antecedents.
//! 4. Lend speakers to quotes without a cue: split quotes and runs of quote paragraphs.
//!
//! Indirect speech (`Lavrov said that …`, kind `indirect`) goes to `Article.reported_speech` by
//! default, or into `Article.quotes` when the finder is built with [`IndirectSpeech::InQuotes`].
//!
//! ```
//! use storyline_quotes::QuoteFinder;
//! use storyline_record::Article;
//!
//! let mut article = Article::new("x.txt", "");
//! article.set_text("\"We were poor today,\" said coach Erik ten Hag.".to_string());
//! storyline_segment::Segmenter::new().annotate(&mut article);
//! QuoteFinder::new().annotate(&mut article);
//! let q = &article.quotes[0];
//! assert_eq!(q.span.slice(&article.text), "We were poor today");
//! assert_eq!(q.speaker.as_deref(), Some("Erik ten Hag"));
//! ```
#![deny(missing_docs)]

mod cues;
mod filter;
mod finder;
mod indirect;
mod layout;
mod marks;
mod roles;
mod speaker;
mod tok;
mod words;

use std::borrow::Cow;

use storyline_record::{Article, Quote, Token};

use crate::tok::Page;

/// Where reported speech without quotation marks (kind `indirect`) goes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum IndirectSpeech {
    /// Into `Article.reported_speech`, keeping `quotes` to quoted words (the default: quote
    /// scorers and most users count quoted words only).
    #[default]
    Separate,
    /// Into `Article.quotes`, beside the quotations in marks.
    InQuotes,
}

/// Finds quotations and their speakers.
#[derive(Debug, Default, Clone)]
pub struct QuoteFinder {
    indirect: IndirectSpeech,
}

impl QuoteFinder {
    /// Builds the stage with its default settings (quotations in marks only).
    pub fn new() -> QuoteFinder {
        QuoteFinder::with_indirect(IndirectSpeech::default())
    }

    /// Builds the stage with the given treatment of indirect speech.
    pub fn with_indirect(indirect: IndirectSpeech) -> QuoteFinder {
        // Parse the shipped word lists now, not inside the first `annotate`.
        let _ = storyline_lexicon::Lexicon::get();
        QuoteFinder { indirect }
    }

    /// Fills `article.quotes` and `article.reported_speech` (replacing what was there), in
    /// text order.
    pub fn annotate(&self, article: &mut Article) {
        let (mut quotes, reported) = {
            let tokens = token_layer(article);
            let page = Page {
                text: &article.text,
                tokens: &tokens,
            };
            let quotes = finder::find_quotes(page, &article.entities);
            let reported = indirect::find_indirect(page, &article.entities, &quotes);
            (quotes, reported)
        };
        match self.indirect {
            IndirectSpeech::Separate => article.reported_speech = reported,
            IndirectSpeech::InQuotes => {
                quotes.extend(reported);
                quotes.sort_by_key(|q| q.span.start);
                article.reported_speech.clear();
            }
        }
        article.quotes = quotes;
    }

    /// Reported speech of an article (`X told reporters the club would …`), kind `indirect`,
    /// whatever the setting; for stages that want claimants of unquoted statements.
    pub fn indirect(&self, article: &Article) -> Vec<Quote> {
        let tokens = token_layer(article);
        let page = Page {
            text: &article.text,
            tokens: &tokens,
        };
        indirect::find_indirect(page, &article.entities, &article.quotes)
    }
}

/// The article's token layer; made here when the article has text but skipped the segment
/// stage (its `tokens` are empty), so the stage also runs on its own.
fn token_layer(article: &Article) -> Cow<'_, [Token]> {
    if article.tokens.is_empty() && !article.text.trim().is_empty() {
        Cow::Owned(storyline_segment::tokenize(&article.text))
    } else {
        Cow::Borrowed(&article.tokens)
    }
}
