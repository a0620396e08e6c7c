//! PLOVER actor–action–target event coding (being written).
#![deny(missing_docs)]

use storyline_record::Article;

/// Codes political events in an article's sentences.
#[derive(Debug, Default, Clone)]
pub struct EventCoder {}

impl EventCoder {
    /// Builds the stage with its default settings.
    pub fn new() -> EventCoder {
        EventCoder {}
    }

    /// Annotates one article in place.
    pub fn annotate(&self, article: &mut Article) {
        let _ = article;
    }
}
