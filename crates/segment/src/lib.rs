//! Splits the clean text into paragraphs, sentences and tokens. (work in progress: this crate's rules are being written).
#![deny(missing_docs)]

use storyline_record::Article;

/// Splits the clean text into paragraphs, sentences and tokens.
#[derive(Debug, Default, Clone)]
pub struct Segmenter {}

impl Segmenter {
    /// Builds the stage with its default settings.
    pub fn new() -> Segmenter {
        Segmenter {}
    }

    /// Annotates one article in place.
    pub fn annotate(&self, article: &mut Article) {
        let _ = article;
    }
}
