//! Finds numeric claims. (work in progress: this crate's rules are being written).
#![deny(missing_docs)]

use storyline_record::Article;

/// Finds numeric claims.
#[derive(Debug, Default, Clone)]
pub struct ClaimFinder {}

impl ClaimFinder {
    /// Builds the stage with its default settings.
    pub fn new() -> ClaimFinder {
        ClaimFinder {}
    }

    /// Annotates one article in place.
    pub fn annotate(&self, article: &mut Article) {
        let _ = article;
    }
}
