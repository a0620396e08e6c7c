//! Segmentation: splits an article's clean text into paragraphs, sentences and tokens, the
//! units every later stage (entities, quotes, claims) reads. All spans are byte spans of
//! `article.text`.
//!
//! Steps, each one pass over the text or its tokens:
//! 1. paragraphs: every line break ends one; trimmed, never empty;
//! 2. tokens: words, numbers, quotation marks and punctuation;
//! 3. sentences: over each paragraph's tokens, with abbreviation, initial, decimal, ellipsis
//!    and quotation rules.
//!
//! ```
//! use storyline_record::Article;
//! use storyline_segment::{sentence_of, Segmenter};
//!
//! let text = "“We lost. It hurts,” the coach said. Gen. Ruiz agreed.";
//! let mut article = Article::new("example.txt", text);
//! article.set_text(text.to_string());
//! Segmenter::new().annotate(&mut article);
//! let sentences: Vec<&str> = article.sentences.iter().map(|s| s.slice(&article.text)).collect();
//! assert_eq!(sentences, ["“We lost. It hurts,” the coach said.", "Gen. Ruiz agreed."]);
//! assert_eq!(sentence_of(&article, text.find("Ruiz").unwrap()), Some(1));
//! ```
#![deny(missing_docs)]

mod abbrev;
mod lookup;
mod paragraphs;
mod quotemarks;
mod sentences;
mod tokens;

use storyline_record::Article;

pub use lookup::{paragraph_of, sentence_of, span_index, token_at, tokens_in};
pub use paragraphs::paragraphs;
pub use sentences::sentences;
pub use tokens::tokenize;

/// Splits the clean text into paragraphs, sentences and tokens.
#[derive(Debug, Default, Clone)]
pub struct Segmenter {}

impl Segmenter {
    /// Builds the stage (it has no settings and loads nothing).
    pub fn new() -> Segmenter {
        Segmenter {}
    }

    /// Fills `paragraphs`, `tokens` and `sentences` of `article` from its frozen `text`,
    /// replacing whatever they held.
    pub fn annotate(&self, article: &mut Article) {
        let text = &article.text;
        article.paragraphs = paragraphs(text);
        article.tokens = tokenize(text);
        article.sentences = sentences(text, &article.paragraphs, &article.tokens);
    }
}
