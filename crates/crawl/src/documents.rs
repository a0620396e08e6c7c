//! A fetched body to documents: a feed to one document per item (stubs to complete by
//! fetching their links), a page to its article text and page metadata.
//!
//! Feeds are parsed by `storyline-ingest` (the same reader as `storyline ingest`), pages by
//! `storyline-html` with the URL they came from (it resolves canonical links and gives the
//! outlet from the domain as a last resort).

use storyline_ingest::Document;
use storyline_record::Metadata;

/// What a body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Feed,
    Page,
}

/// Tells a feed from a page by the `Content-Type` and, as servers often send feeds as
/// `text/xml` or even `text/html`, by the ingest reader's own test (root element, JSON Feed
/// marker, feed extension of the URL).
pub(crate) fn kind(url: &str, content_type: Option<&str>, body: &[u8]) -> Kind {
    let ct = content_type.unwrap_or("").to_ascii_lowercase();
    if ["rss", "atom", "feed+json", "rdf+xml"]
        .iter()
        .any(|k| ct.contains(k))
    {
        return Kind::Feed;
    }
    if ct.contains("html") {
        return Kind::Page;
    }
    let head = String::from_utf8_lossy(body.get(..8192).unwrap_or(body));
    let path = url.split(['?', '#']).next().unwrap_or(url);
    if storyline_ingest::looks_like_feed(path, &head) {
        Kind::Feed
    } else {
        Kind::Page
    }
}

/// A feed's items, read by `storyline-ingest`'s feed reader (the one `storyline ingest` uses).
/// Errors name `url`.
pub(crate) fn feed_items(url: &str, body: &[u8]) -> Vec<Result<Document, String>> {
    storyline_ingest::parse_feed(url, body)
        .into_iter()
        .map(|item| item.map_err(|err| err.to_string()))
        .collect()
}

/// A page's article: text and metadata from the HTML (or the text as it is, for plain text).
pub(crate) fn page(url: &str, body: &[u8]) -> Result<Document, String> {
    let text = storyline_ingest::decode(body).map_err(|err| format!("{url}: {err}"))?;
    let page = storyline_html::extract(&text, Some(url)).map_err(|err| format!("{url}: {err}"))?;
    let mut meta = page.meta;
    if meta.url.is_none() {
        meta.url = Some(url.to_string());
    }
    Ok(Document {
        source: url.to_string(),
        text: page.text,
        meta,
        stub: false,
    })
}

/// Completes a feed item's metadata from its page: what the page states wins, the item fills
/// what the page leaves out (feeds reliably carry the date and title).
pub(crate) fn merge(page: Metadata, item: Metadata) -> Metadata {
    Metadata {
        title: page.title.or(item.title),
        outlet: page.outlet.or(item.outlet),
        published: page.published.or(item.published),
        author: page.author.or(item.author),
        language: page.language.or(item.language),
        url: page.url.or(item.url),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Valley Courier</title><link>http://courier.test/</link>
<item><title>Council approves new library</title><link>http://courier.test/news/library</link>
<pubDate>Tue, 04 Jun 2024 08:00:00 GMT</pubDate><description>Councillors voted 7-2.</description></item>
<item><title>Rovers win derby</title><link>http://courier.test/sport/derby</link>
<pubDate>Wed, 05 Jun 2024 21:30:00 GMT</pubDate></item>
</channel></rss>"#;

    #[test]
    fn feeds_are_told_from_pages() {
        let u = "http://courier.test/latest";
        assert_eq!(kind(u, Some("application/rss+xml"), b"x"), Kind::Feed);
        assert_eq!(kind(u, Some("text/xml"), RSS.as_bytes()), Kind::Feed);
        let atom = b"<?xml version='1.0'?><!-- c --><feed xmlns='http://www.w3.org/2005/Atom'>";
        assert_eq!(kind(u, None, atom), Kind::Feed);
        let json = br#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#;
        assert_eq!(kind(u, None, json), Kind::Feed);
        let html = b"<!DOCTYPE html><html><body>Hi</body></html>";
        assert_eq!(kind(u, Some("text/html"), html), Kind::Page);
        assert_eq!(kind(u, None, html), Kind::Page);
        assert_eq!(kind(u, None, b""), Kind::Page);
        assert_eq!(kind(u, None, b"<<<<"), Kind::Page);
    }

    #[test]
    fn feed_items_come_with_links_and_dates() {
        let items = feed_items("http://courier.test/feed", RSS.as_bytes());
        assert_eq!(items.len(), 2);
        let first = items.first().and_then(|r| r.as_ref().ok()).expect("item 1");
        assert_eq!(
            first.meta.url.as_deref(),
            Some("http://courier.test/news/library")
        );
        assert!(first.stub);
        assert!(first
            .meta
            .published
            .as_deref()
            .unwrap_or("")
            .starts_with("2024-06-04"));
    }

    #[test]
    fn a_broken_feed_is_one_error_naming_the_url() {
        let items = feed_items("http://courier.test/feed", b"<rss><channel><item>");
        assert!(!items.is_empty());
        for item in items {
            let err = item.expect_err("broken");
            assert!(err.contains("http://courier.test/feed"), "{err}");
        }
    }

    #[test]
    fn a_page_keeps_its_url_and_text() {
        let html = b"<html><head><title>Rates held at 5%</title></head><body><article><p>The central bank held rates on Thursday, citing sticky inflation in services.</p><p>Markets had expected the decision.</p></article></body></html>";
        let doc = page("http://ledger.test/business/rates", html).expect("page");
        assert!(doc.text.contains("central bank held rates"));
        assert_eq!(doc.source, "http://ledger.test/business/rates");
        assert!(doc.meta.url.is_some());
    }

    #[test]
    fn binary_is_an_error_naming_the_url() {
        let err = page("http://ledger.test/x.bin", &[0, 1, 2, 0, 0, 0, 3]).expect_err("binary");
        assert!(err.starts_with("http://ledger.test/x.bin"), "{err}");
    }

    #[test]
    fn page_metadata_wins_and_item_fills_gaps() {
        let page = Metadata {
            title: Some("Page title".into()),
            ..Metadata::default()
        };
        let item = Metadata {
            title: Some("Item title".into()),
            published: Some("2024-06-04T08:00:00Z".into()),
            ..Metadata::default()
        };
        let m = merge(page, item);
        assert_eq!(m.title.as_deref(), Some("Page title"));
        assert_eq!(m.published.as_deref(), Some("2024-06-04T08:00:00Z"));
    }
}
