//! [`Crawler`]: a URL (feed or page) to documents ready for the pipeline.
//!
//! A page becomes one document. A feed becomes one document per item: items that carry their
//! full content are used as they are; stubs (title, link, summary) are completed by fetching
//! their link under the same rules as any URL, the page's metadata winning and the item's
//! filling gaps. One item failing does not stop the others.
//!
//! Validators are looked up before each fetch and handed back in [`Crawled::validators`]; the
//! caller records them with [`Crawler::commit`] once the documents are stored. A feed's own
//! validators are handed back only when all its items were read, so a failed item is tried
//! again on the next run rather than hidden behind the feed's 304.

use std::collections::HashSet;

use storyline_ingest::Document;

use crate::documents::{self, Kind};
use crate::{CrawlError, Fetched, Fetcher, ValidatorError, ValidatorTable, Validators};

/// Items read from one feed at most; the rest are counted in [`Crawled::num_skipped`].
pub const DEFAULT_MAX_ITEMS_PER_FEED: usize = 500;

/// What crawling one URL gave.
#[derive(Debug, Default)]
pub struct Crawled {
    /// The URL as given.
    pub url: String,
    /// Whether it was a feed.
    pub is_feed: bool,
    /// Articles to run through the pipeline and store.
    pub documents: Vec<Document>,
    /// Fetches answered 304 (unchanged since the last crawl): the URL itself or feed items.
    pub num_not_modified: u64,
    /// Feed items past the per-feed cap, or already fetched earlier in this run.
    pub num_skipped: u64,
    /// Failures, each naming its URL.
    pub errors: Vec<CrawlError>,
    /// `(URL asked for, validators)` to record once the documents are stored.
    pub validators: Vec<(String, Validators)>,
}

/// Turns URLs into documents with one [`Fetcher`] (so robots.txt and per-host spacing hold
/// across the whole crawl) and an optional validator table for conditional requests.
pub struct Crawler {
    fetcher: Fetcher,
    table: Option<ValidatorTable>,
    max_items_per_feed: usize,
    seen: HashSet<String>,
}

impl Crawler {
    /// A crawler; without a table every fetch is unconditional.
    pub fn new(fetcher: Fetcher, table: Option<ValidatorTable>) -> Crawler {
        Crawler {
            fetcher,
            table,
            max_items_per_feed: DEFAULT_MAX_ITEMS_PER_FEED,
            seen: HashSet::new(),
        }
    }

    /// Sets how many items of one feed are read at most.
    pub fn set_max_items_per_feed(&mut self, max: usize) {
        self.max_items_per_feed = max;
    }

    /// The fetcher (for its request count).
    pub fn fetcher(&self) -> &Fetcher {
        &self.fetcher
    }

    /// Fetches one feed or page URL and everything it needs.
    pub fn crawl(&mut self, url: &str) -> Crawled {
        let url = without_fragment(url);
        let mut out = Crawled {
            url: url.to_string(),
            ..Crawled::default()
        };
        self.seen.insert(url.to_string());
        let previous = self.lookup(url);
        let page = match self.fetcher.fetch(url, previous.as_ref()) {
            Ok(Fetched::Page(page)) => page,
            Ok(Fetched::NotModified) => {
                out.num_not_modified += 1;
                return out;
            }
            Err(err) => {
                out.errors.push(err);
                return out;
            }
        };
        match documents::kind(&page.url, page.content_type.as_deref(), &page.body) {
            Kind::Page => match documents::page(&page.url, &page.body) {
                Ok(doc) => {
                    out.documents.push(doc);
                    out.validators.push((url.to_string(), page.validators));
                }
                Err(reason) => out.errors.push(content_error(&page.url, reason)),
            },
            Kind::Feed => {
                out.is_feed = true;
                let num_errors = out.errors.len();
                self.read_feed(&page.url, &page.body, &mut out);
                if out.errors.len() == num_errors {
                    out.validators.push((url.to_string(), page.validators));
                }
            }
        }
        out
    }

    /// Records the validators of a crawl whose documents are now stored.
    pub fn commit(&self, crawled: &Crawled) -> Result<(), ValidatorError> {
        let Some(table) = &self.table else {
            return Ok(());
        };
        for (url, validators) in &crawled.validators {
            table.put(url, validators)?;
        }
        Ok(())
    }

    fn read_feed(&mut self, feed_url: &str, body: &[u8], out: &mut Crawled) {
        let items = documents::feed_items(feed_url, body);
        let num_items = items.len();
        for item in items.into_iter().take(self.max_items_per_feed) {
            match item {
                Err(reason) => out.errors.push(content_error(feed_url, reason)),
                Ok(doc) if !doc.stub => out.documents.push(doc),
                Ok(stub) => self.complete(stub, out),
            }
        }
        out.num_skipped += num_items.saturating_sub(self.max_items_per_feed) as u64;
    }

    /// Fetches a stub's link and makes the page its document.
    fn complete(&mut self, stub: Document, out: &mut Crawled) {
        let link = stub.meta.url.clone().unwrap_or_else(|| stub.source.clone());
        let link = without_fragment(&link).to_string();
        if !self.seen.insert(link.clone()) {
            out.num_skipped += 1;
            return;
        }
        let previous = self.lookup(&link);
        match self.fetcher.fetch(&link, previous.as_ref()) {
            Ok(Fetched::NotModified) => out.num_not_modified += 1,
            Ok(Fetched::Page(page)) => match documents::page(&page.url, &page.body) {
                Ok(mut doc) => {
                    doc.meta = documents::merge(doc.meta, stub.meta);
                    out.documents.push(doc);
                    out.validators.push((link, page.validators));
                }
                Err(reason) => out.errors.push(content_error(&page.url, reason)),
            },
            Err(err) => out.errors.push(err),
        }
    }

    /// The stored validators of a URL; a table that cannot be read means an unconditional
    /// fetch, which is always correct, only less economical.
    fn lookup(&self, url: &str) -> Option<Validators> {
        self.table.as_ref()?.get(url).ok().flatten()
    }
}

fn content_error(url: &str, reason: String) -> CrawlError {
    CrawlError::Content {
        url: url.to_string(),
        reason,
    }
}

#[cfg(test)]
#[path = "crawl_tests.rs"]
mod tests;

/// A URL without its `#fragment`: the fragment is never sent to the server, so `page#a` and
/// `page#b` are one page, fetched and stored once.
fn without_fragment(url: &str) -> &str {
    url.split_once('#').map_or(url, |(base, _)| base)
}
