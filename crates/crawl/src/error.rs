//! [`CrawlError`]: why one URL was not fetched, naming the URL.

use std::time::Duration;

/// Why a URL was not fetched. Every variant names the URL it is about (for a redirect, the
/// hop that failed) and its message says what to change when something can be changed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CrawlError {
    /// Not a URL at all, or one without a host.
    #[error("{url}: not a fetchable URL: {reason}")]
    BadUrl {
        /// The text given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A scheme other than `http` or `https` (`file`, `ftp`, `data`...).
    #[error("{url}: refused: only http and https URLs are fetched, not {scheme}")]
    Scheme {
        /// The URL.
        url: String,
        /// Its scheme.
        scheme: String,
    },
    /// The host resolves to a loopback, private, link-local or otherwise non-public address.
    #[error("{url}: refused: {detail}")]
    PrivateAddress {
        /// The URL.
        url: String,
        /// Which address, and how to allow it.
        detail: String,
    },
    /// The site's robots.txt disallows the path for our user agent.
    #[error("{url}: disallowed by robots.txt")]
    Robots {
        /// The URL.
        url: String,
    },
    /// robots.txt could not be read (server error, timeout, refusal): RFC 9309 says to treat
    /// the whole site as disallowed.
    #[error("{url}: robots.txt unreachable, so the site is treated as disallowed: {reason}")]
    RobotsUnreachable {
        /// The URL.
        url: String,
        /// Why robots.txt could not be read.
        reason: String,
    },
    /// The server answered with an error or unexpected status.
    #[error("{url}: HTTP {status}")]
    Status {
        /// The URL.
        url: String,
        /// The status code.
        status: u16,
    },
    /// A redirect without a usable `Location`.
    #[error("{url}: redirect ({status}) without a usable Location header")]
    BadRedirect {
        /// The URL.
        url: String,
        /// The redirect status.
        status: u16,
    },
    /// More redirects than allowed.
    #[error("{url}: more than {max} redirects")]
    TooManyRedirects {
        /// The URL first asked for.
        url: String,
        /// The redirect cap.
        max: u32,
    },
    /// The body is larger than the cap; reading stopped there.
    #[error("{url}: response larger than {max_bytes} bytes; not read further (see --max-bytes)")]
    TooLarge {
        /// The URL.
        url: String,
        /// The cap.
        max_bytes: u64,
    },
    /// Connecting or reading took longer than allowed.
    #[error("{url}: timed out after {:.1}s (limits: --connect-timeout, --read-timeout, --timeout)", .after.as_secs_f64())]
    Timeout {
        /// The URL.
        url: String,
        /// How long the request had run.
        after: Duration,
    },
    /// The response was fetched but holds no readable article or feed (binary, empty page,
    /// broken feed, feed item with nothing in it).
    #[error("{reason}")]
    Content {
        /// The URL.
        url: String,
        /// What is wrong, naming the URL.
        reason: String,
    },
    /// Any other network failure: DNS, refused connection, TLS, broken HTTP.
    #[error("{url}: {reason}")]
    Network {
        /// The URL.
        url: String,
        /// What failed.
        reason: String,
    },
}

impl CrawlError {
    /// The URL the error is about.
    pub fn url(&self) -> &str {
        match self {
            CrawlError::BadUrl { url, .. }
            | CrawlError::Scheme { url, .. }
            | CrawlError::PrivateAddress { url, .. }
            | CrawlError::Robots { url }
            | CrawlError::RobotsUnreachable { url, .. }
            | CrawlError::Status { url, .. }
            | CrawlError::BadRedirect { url, .. }
            | CrawlError::TooManyRedirects { url, .. }
            | CrawlError::TooLarge { url, .. }
            | CrawlError::Timeout { url, .. }
            | CrawlError::Content { url, .. }
            | CrawlError::Network { url, .. } => url,
        }
    }
}
