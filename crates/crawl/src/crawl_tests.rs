//! Crawler tests: a feed with two items and a page, on a canned loopback server.

use std::time::Duration;

use super::*;
use crate::testserver::{reply, Server};
use crate::{Config, PrivateAddresses};

fn fetcher() -> Fetcher {
    Fetcher::new(Config {
        min_interval_per_host: Duration::ZERO,
        read_timeout: Duration::from_millis(500),
        total_timeout: Duration::from_secs(3),
        private_addresses: PrivateAddresses::Loopback,
        ..Config::default()
    })
}

fn article(title: &str, para: &str) -> String {
    format!("<html><head><title>{title}</title><meta property=\"article:published_time\" content=\"2024-03-02T10:00:00Z\"></head><body><article><h1>{title}</h1><p>{para}</p><p>{para}</p></article></body></html>")
}

fn newsroom(port_feed: &'static str) -> Server {
    Server::start(move |req| {
        let etag = req
            .head
            .to_ascii_lowercase()
            .contains("if-none-match: \"f1\"");
        match req.path.as_str() {
            "/robots.txt" => reply("200 OK", &[], "User-agent: *\nDisallow: /private/\n"),
            "/feed.xml" if etag => reply("304 Not Modified", &[], ""),
            "/feed.xml" => reply(
                "200 OK",
                &[("Content-Type", "application/rss+xml"), ("ETag", "\"f1\"")],
                port_feed,
            ),
            "/science/probe" => reply(
                "200 OK",
                &[("Content-Type", "text/html")],
                &article(
                    "Probe reaches comet",
                    "The probe reached the comet after a ten-year journey, mission scientists said on Saturday.",
                ),
            ),
            "/private/memo" => reply("200 OK", &[], "never served"),
            _ => reply("404 Not Found", &[], ""),
        }
    })
}

const FEED: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Science Desk</title>
<item><title>Probe reaches comet</title><link>/science/probe</link><pubDate>Sat, 02 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Internal memo</title><link>/private/memo</link></item>
</channel></rss>"#;

fn absolute_feed(server: &Server) -> &'static str {
    let text = FEED.replace("<link>/", &format!("<link>{}", server.url("/")));
    Box::leak(text.into_boxed_str())
}

#[test]
fn feed_items_are_fetched_and_robots_refusal_is_named() {
    // The feed needs the server's port in its links, so serve it from a second server.
    let site = newsroom("");
    let feed = absolute_feed(&site);
    let feeds = newsroom(feed);
    let mut crawler = Crawler::new(
        fetcher(),
        Some(ValidatorTable::open_in_memory().expect("db")),
    );
    let crawled = crawler.crawl(&feeds.url("/feed.xml"));
    assert!(crawled.is_feed);
    assert_eq!(crawled.documents.len(), 1, "{:?}", crawled.errors);
    let doc = crawled.documents.first().expect("one document");
    assert!(doc.text.contains("ten-year journey"));
    assert!(doc.source.ends_with("/science/probe"));
    assert!(doc.meta.published.is_some());
    assert_eq!(crawled.errors.len(), 1);
    let err = crawled.errors.first().expect("one error");
    assert!(matches!(err, CrawlError::Robots { .. }), "{err}");
    assert!(err.to_string().contains("/private/memo"));
    // An item failed: the feed's validators are not handed back.
    assert!(!crawled
        .validators
        .iter()
        .any(|(u, _)| u.ends_with("/feed.xml")));
    assert!(!site.paths().iter().any(|p| p.starts_with("/private")));
}

#[test]
fn re_crawl_of_an_unchanged_feed_is_not_modified() {
    let site = newsroom("");
    let feed = Box::leak(
        FEED.replace(
            "<item><title>Internal memo</title><link>/private/memo</link></item>",
            "",
        )
        .replace("<link>/", &format!("<link>{}", site.url("/")))
        .into_boxed_str(),
    );
    let feeds = newsroom(feed);
    let mut crawler = Crawler::new(
        fetcher(),
        Some(ValidatorTable::open_in_memory().expect("db")),
    );
    let first = crawler.crawl(&feeds.url("/feed.xml"));
    assert!(first.errors.is_empty(), "{:?}", first.errors);
    assert_eq!(first.documents.len(), 1);
    crawler.commit(&first).expect("validators stored");
    let again = crawler.crawl(&feeds.url("/feed.xml"));
    assert_eq!(again.num_not_modified, 1);
    assert!(again.documents.is_empty());
}

#[test]
fn fragments_of_one_url_are_crawled_once() {
    let site = newsroom("");
    let feed = Box::leak(
        FEED.replace(
            "<item><title>Internal memo</title><link>/private/memo</link></item>",
            "<item><title>Probe again</title><link>/science/probe#comments</link></item>",
        )
        .replace("<link>/", &format!("<link>{}", site.url("/")))
        .into_boxed_str(),
    );
    let feeds = newsroom(feed);
    let mut crawler = Crawler::new(fetcher(), None);
    let crawled = crawler.crawl(&feeds.url("/feed.xml#latest"));
    assert!(crawled.errors.is_empty(), "{:?}", crawled.errors);
    assert_eq!(crawled.documents.len(), 1);
    assert_eq!(crawled.num_skipped, 1);
    let fetched = site.paths();
    assert_eq!(
        fetched
            .iter()
            .filter(|p| p.starts_with("/science/probe"))
            .count(),
        1,
        "{fetched:?}"
    );
}

#[test]
fn a_page_url_is_one_document() {
    let site = newsroom("");
    let mut crawler = Crawler::new(fetcher(), None);
    let crawled = crawler.crawl(&site.url("/science/probe"));
    assert!(!crawled.is_feed);
    assert_eq!(crawled.documents.len(), 1);
    assert!(crawled.errors.is_empty());
    let missing = crawler.crawl(&site.url("/nowhere"));
    assert!(matches!(
        missing.errors.first(),
        Some(CrawlError::Status { status: 404, .. })
    ));
}
