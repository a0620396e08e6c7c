//! Finds quotations and their speakers. (work in progress: this crate's rules are being written).
#![deny(missing_docs)]

use storyline_record::Article;

/// Finds quotations and their speakers.
#[derive(Debug, Default, Clone)]
pub struct QuoteFinder {}

impl QuoteFinder {
    /// Builds the stage with its default settings.
    pub fn new() -> QuoteFinder {
        QuoteFinder {}
    }

    /// Annotates one article in place.
    pub fn annotate(&self, article: &mut Article) {
        let _ = article;
    }
}
