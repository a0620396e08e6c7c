//! Article ids.

use sha2::{Digest, Sha256};
use std::fmt;

/// Stable article id: the first 128 bits of SHA-256 over the normalised body, as 32 hex digits.
///
/// Normalisation lowercases and collapses every run of whitespace, so the same story re-scraped
/// with different line breaks gets the same id. Ids carry no order beyond byte comparison.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ArticleId(String);

impl ArticleId {
    /// The id of a body text.
    pub fn of_body(text: &str) -> ArticleId {
        let mut hasher = Sha256::new();
        let mut first = true;
        for word in text.split_whitespace() {
            if !first {
                hasher.update(b" ");
            }
            first = false;
            hasher.update(word.to_lowercase().as_bytes());
        }
        let digest = hasher.finalize();
        ArticleId(digest[..16].iter().map(|b| format!("{b:02x}")).collect())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<String> for ArticleId {
    fn from(s: String) -> ArticleId {
        ArticleId(s)
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_spacing_and_case() {
        let a = ArticleId::of_body("NATO said\n\nit would  not");
        let b = ArticleId::of_body("nato said it would not ");
        assert_eq!(a, b);
        assert_eq!(a.as_str().len(), 32);
        assert_ne!(a, ArticleId::of_body("NATO said it would"));
    }
}
