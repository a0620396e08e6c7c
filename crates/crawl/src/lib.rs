//! A polite, bounded HTTP(S) fetcher for news feeds and pages.
//!
//! [`Fetcher::fetch`] gets one URL; for each hop (the URL, then each redirect, at most 5):
//! 1. only `http` and `https` URLs, never `file`, `ftp` or others (`guard`);
//! 2. no loopback, private, link-local or otherwise non-public address unless allowed, checked
//!    on every resolved address of every hop, in the client's own resolver too (`guard`);
//! 3. the origin's robots.txt (RFC 9309; `Crawl-delay` honoured) must allow the path (`robots`);
//! 4. one request at a time per host, spaced by at least the per-host interval (`fetch`);
//! 5. connect, read and total time limits, and a body size cap beyond which nothing is read;
//! 6. conditional requests: the `ETag` / `Last-Modified` of the last fetch, kept in a table of
//!    the store's database (SQLite or PostgreSQL) through the store's API ([`ValidatorTable`]), turn an unchanged resource into a 304.
//!
//! [`Crawler::crawl`] turns a feed or page URL into documents for the pipeline: a feed's items
//! that carry only a summary are completed by fetching their links under the same rules.
//!
//! It sends `User-Agent: storyline/VERSION (news research crawler)`.
#![deny(missing_docs)]

mod config;
mod crawl;
mod documents;
mod error;
mod fetch;
mod guard;
mod robots;

#[cfg(test)]
mod testserver;

pub use config::{Config, PrivateAddresses, ROBOTS_TOKEN, USER_AGENT};
pub use crawl::{Crawled, Crawler, DEFAULT_MAX_ITEMS_PER_FEED};
pub use error::CrawlError;
pub use fetch::{Fetched, Fetcher, Page};
pub use guard::is_public;
pub use robots::Robots;
/// The validator table lives in the store; re-exported for the crawler's callers.
pub use storyline_store::{ValidatorError, ValidatorTable, Validators};
