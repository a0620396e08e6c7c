//! Article metadata: title, outlet, published date, author, language. Given fields win: only
//! fields that are still `None` are filled, and unknown stays `None`. The exception is the
//! language, which the text itself decides when it reliably can (`language::decide`).

mod agency;
mod author;
mod language;
mod outlet;
pub mod title;

pub use agency::AgencyRules;
pub use author::{AuthorRules, Byline};
pub use language::decide as decide_language;
pub use outlet::{from_url as outlet_from_url, host, known_domain, OutletRules};
pub use storyline_dates::{DateLine, DateRules, FoundDate};

/// Whether a URL points to an image or another asset rather than a page.
pub fn is_asset_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    [
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".mp4", ".mp3", ".css", ".js", "/img/",
        "/images/",
    ]
    .iter()
    .any(|ext| lower.contains(ext))
}

/// Whether a URL's host is a social network or link shortener.
pub fn is_social_url(url: &str) -> bool {
    host(url).is_some_and(|h| storyline_lexicon::is_social_domain(&h))
}

/// Everything the metadata rules need, compiled once.
#[derive(Debug, Clone, Default)]
pub struct MetaRules {
    /// Dates and datelines.
    pub date: DateRules,
    /// Bylines and author names.
    pub author: AuthorRules,
    /// Outlet phrases and copyright lines.
    pub outlet: OutletRules,
    /// Wire datelines.
    pub agency: AgencyRules,
}

impl MetaRules {
    /// Compiles every family.
    pub fn new() -> MetaRules {
        MetaRules {
            date: DateRules::new(),
            author: AuthorRules::new(),
            outlet: OutletRules::new(),
            agency: AgencyRules::new(),
        }
    }
}

/// Picks the publication date: the first date not labelled as an update, else the first.
pub fn pick_published(dates: &[FoundDate]) -> Option<String> {
    dates
        .iter()
        .find(|d| !d.updated)
        .or_else(|| dates.first())
        .map(|d| d.iso.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefers_published_over_updated() {
        let rules = DateRules::new();
        let dates = rules.find("Updated: June 2, 2023 | Published: June 1, 2023");
        assert_eq!(pick_published(&dates).as_deref(), Some("2023-06-01"));
        assert_eq!(pick_published(&[]), None);
    }

    #[test]
    fn recognises_asset_and_social_urls() {
        assert!(is_asset_url("https://cdn.example.com/a/b/photo_1200.JPG"));
        assert!(!is_asset_url("https://example.com/2023/05/story.html"));
        assert!(is_social_url("https://twitter.com/gazette/status/1"));
        assert!(!is_social_url("https://www.gazette.co.uk/news"));
    }
}
