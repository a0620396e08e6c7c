//! [`Config`]: the politeness and safety limits of a [`crate::Fetcher`], with their defaults.

use std::time::Duration;

/// The User-Agent sent with every request: product token `storyline` (what robots.txt groups
/// name), the version, and what the crawler is for.
pub const USER_AGENT: &str = concat!(
    "storyline/",
    env!("CARGO_PKG_VERSION"),
    " (news research crawler)"
);

/// The product token matched against robots.txt `User-agent` lines.
pub const ROBOTS_TOKEN: &str = "storyline";

/// Whether loopback, private, link-local and other non-public addresses may be fetched.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PrivateAddresses {
    /// Refuse them (the default): a URL from a feed or an API caller must not reach the
    /// machine's own services or its network (server-side request forgery).
    #[default]
    Refuse,
    /// Allow loopback addresses only (a server or proxy on this machine, a test server); all
    /// other non-public addresses stay refused.
    Loopback,
    /// Allow them: for crawling one's own intranet, and for tests against a local server.
    Allow,
}

/// Limits of a [`crate::Fetcher`]. `Config::default()` is polite to public news sites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The User-Agent header.
    pub user_agent: String,
    /// Least time between the starts of two requests to the same host (robots.txt's
    /// `Crawl-delay` lengthens it, up to [`Config::max_crawl_delay`]). Default 1 s.
    pub min_interval_per_host: Duration,
    /// Longest `Crawl-delay` honoured; a longer one is cut to this. Default 60 s.
    pub max_crawl_delay: Duration,
    /// Longest wait for a DNS answer and a TCP/TLS connection. Default 10 s.
    pub connect_timeout: Duration,
    /// Longest wait for any one read from the server. Default 20 s.
    pub read_timeout: Duration,
    /// Longest time one request may take from lookup to its last body byte. Default 60 s.
    pub total_timeout: Duration,
    /// Most redirects followed for one URL; each hop is checked like the first. Default 5.
    pub max_redirects: u32,
    /// Largest response body read, in bytes; a bigger one is an error and reading stops at
    /// the cap. Default 10 MiB.
    pub max_bytes: u64,
    /// Largest robots.txt read; the rest is ignored (RFC 9309 asks for at least 500 KiB).
    pub max_robots_bytes: u64,
    /// Whether non-public addresses may be fetched. Default: refused.
    pub private_addresses: PrivateAddresses,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            user_agent: USER_AGENT.to_string(),
            min_interval_per_host: Duration::from_secs(1),
            max_crawl_delay: Duration::from_secs(60),
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(20),
            total_timeout: Duration::from_secs(60),
            max_redirects: 5,
            max_bytes: 10 * 1024 * 1024,
            max_robots_bytes: 512 * 1024,
            private_addresses: PrivateAddresses::Refuse,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_agent_names_the_product_and_purpose() {
        assert!(USER_AGENT.starts_with("storyline/"));
        assert!(USER_AGENT.contains("crawler"));
        assert!(USER_AGENT
            .to_ascii_lowercase()
            .starts_with(&ROBOTS_TOKEN.to_ascii_lowercase()));
    }

    #[test]
    fn defaults_are_safe() {
        let c = Config::default();
        assert_eq!(c.private_addresses, PrivateAddresses::Refuse);
        assert_eq!(c.max_redirects, 5);
        assert_eq!(c.max_bytes, 10 * 1024 * 1024);
        assert!(c.total_timeout >= c.read_timeout);
    }
}
