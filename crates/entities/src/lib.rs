//! Finds named entities. (work in progress: this crate's rules are being written).
#![deny(missing_docs)]

use storyline_record::Article;

/// Finds named entities.
#[derive(Debug, Default, Clone)]
pub struct EntityRecognizer {}

impl EntityRecognizer {
    /// Builds the stage with its default settings.
    pub fn new() -> EntityRecognizer {
        EntityRecognizer {}
    }

    /// Annotates one article in place.
    pub fn annotate(&self, article: &mut Article) {
        let _ = article;
    }
}
