//! Removes page furniture, records each removal, and fills metadata. (work in progress: this crate's rules are being written).
#![deny(missing_docs)]

use storyline_record::Article;

/// Removes page furniture, records each removal, and fills metadata.
#[derive(Debug, Default, Clone)]
pub struct Cleaner {}

impl Cleaner {
    /// Builds the stage with its default settings.
    pub fn new() -> Cleaner {
        Cleaner {}
    }

    /// Annotates one article in place.
    pub fn annotate(&self, article: &mut Article) {
        let raw = article.raw.clone();
        article.origin = vec![(0, 0)];
        article.set_text(raw);
    }
}
