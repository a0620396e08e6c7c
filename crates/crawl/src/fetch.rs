//! [`Fetcher`]: one polite, bounded GET per URL.
//!
//! For each hop of a URL (the URL itself, then each redirect target, at most
//! [`Config::max_redirects`] of them):
//! 1. the scheme must be `http` or `https`;
//! 2. the host must resolve to permitted addresses only (checked here for a clear error, and
//!    again inside the client's resolver for the connection actually opened);
//! 3. the origin's robots.txt (fetched once per origin, under the same rules) must allow the
//!    path;
//! 4. the host's turn must have come (per-host interval, lengthened by `Crawl-delay`);
//! 5. the request is sent with the stored validators, under connect, read and total time
//!    limits, and the body is read up to the size cap.

use std::collections::HashMap;
use std::io::{self, Read};
use std::time::{Duration, Instant};

use url::Url;

use crate::guard::{self, REFUSED_MARKER};
use crate::robots::Robots;
use crate::{Config, CrawlError, Validators, ROBOTS_TOKEN};

/// What the server answered, with its body read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The URL the body came from: the last hop after redirects.
    pub url: String,
    /// The HTTP status (2xx).
    pub status: u16,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The body, at most [`Config::max_bytes`] long.
    pub body: Vec<u8>,
    /// The `ETag` / `Last-Modified` to send on the next fetch.
    pub validators: Validators,
}

/// The outcome of a successful fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// A new or changed body.
    Page(Page),
    /// 304: unchanged since the validators sent were issued.
    NotModified,
}

/// What is known of an origin's robots.txt.
enum RobotsState {
    Rules(Robots),
    /// Unreadable (5xx, timeout, refused): the whole origin is disallowed (RFC 9309).
    Unreachable(String),
}

/// A polite HTTP(S) fetcher. Keeps per-origin robots.txt rules and per-host request times, so
/// use one `Fetcher` for a whole crawl. Never panics; every request is bounded in time and size.
pub struct Fetcher {
    config: Config,
    agent: ureq::Agent,
    robots: HashMap<String, RobotsState>,
    next_turn: HashMap<String, Instant>,
    num_requests: u64,
}

/// Redirect statuses that carry a `Location` to follow.
const REDIRECTS: [u16; 5] = [301, 302, 303, 307, 308];

/// What the crawler accepts: pages and feeds first.
const ACCEPT: &str = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,\
application/feed+json,application/xml;q=0.9,*/*;q=0.8";

impl Fetcher {
    /// A fetcher with the given limits.
    pub fn new(config: Config) -> Fetcher {
        let private = config.private_addresses;
        let dns_timeout = config.connect_timeout;
        let agent = ureq::AgentBuilder::new()
            .user_agent(&config.user_agent)
            // Redirects are followed here, hop by hop, so each hop is checked like the first.
            .redirects(0)
            .timeout_connect(config.connect_timeout)
            .timeout_read(config.read_timeout)
            .timeout_write(config.read_timeout)
            .max_idle_connections_per_host(2)
            .resolver(move |netloc: &str| guard::resolve_checked(netloc, private, dns_timeout))
            .build();
        Fetcher {
            config,
            agent,
            robots: HashMap::new(),
            next_turn: HashMap::new(),
            num_requests: 0,
        }
    }

    /// The limits in force.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// HTTP requests sent so far, robots.txt included.
    pub fn num_requests(&self) -> u64 {
        self.num_requests
    }

    /// Fetches one URL (following redirects), sending `validators` so an unchanged resource
    /// answers 304.
    pub fn fetch(
        &mut self,
        url: &str,
        validators: Option<&Validators>,
    ) -> Result<Fetched, CrawlError> {
        let mut current = parse(url)?;
        for _ in 0..=self.config.max_redirects {
            self.check_target(&current)?;
            let shown = current.to_string();
            self.check_robots(&current)?;
            let started = Instant::now();
            let response = self.send(&current, validators, started)?;
            let status = response.status();
            if REDIRECTS.contains(&status) {
                current = next_hop(&current, &response, status)?;
                continue;
            }
            if status == 304 && validators.is_some_and(|v| !v.is_empty()) {
                return Ok(Fetched::NotModified);
            }
            if !(200..300).contains(&status) {
                return Err(CrawlError::Status { url: shown, status });
            }
            let header = |name: &str| response.header(name).map(str::to_string);
            let content_type = header("content-type");
            let validators = Validators {
                etag: header("etag"),
                last_modified: header("last-modified"),
            };
            let body = read_body(response, &shown, self.config.max_bytes, false, started)?;
            return Ok(Fetched::Page(Page {
                url: shown,
                status,
                content_type,
                body,
                validators,
            }));
        }
        Err(CrawlError::TooManyRedirects {
            url: url.to_string(),
            max: self.config.max_redirects,
        })
    }

    /// Scheme and address checks for one hop, before anything is sent to it.
    fn check_target(&self, url: &Url) -> Result<(), CrawlError> {
        if !guard::scheme_allowed(url) {
            return Err(CrawlError::Scheme {
                url: url.to_string(),
                scheme: url.scheme().to_string(),
            });
        }
        let netloc = netloc(url).ok_or_else(|| CrawlError::BadUrl {
            url: url.to_string(),
            reason: "no host".into(),
        })?;
        guard::resolve_checked(
            &netloc,
            self.config.private_addresses,
            self.config.connect_timeout,
        )
        .map(|_| ())
        .map_err(|err| io_error(url.as_str(), &err, Duration::ZERO))
    }

    /// Whether robots.txt lets us fetch `url`, reading it first if this origin is new.
    fn check_robots(&mut self, url: &Url) -> Result<(), CrawlError> {
        let origin = url.origin().ascii_serialization();
        if !self.robots.contains_key(&origin) {
            let state = self.read_robots(url);
            self.robots.insert(origin.clone(), state);
        }
        let path = match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_string(),
        };
        match self.robots.get(&origin) {
            Some(RobotsState::Rules(rules)) if rules.allows(&path) => Ok(()),
            Some(RobotsState::Unreachable(reason)) => Err(CrawlError::RobotsUnreachable {
                url: url.to_string(),
                reason: reason.clone(),
            }),
            _ => Err(CrawlError::Robots {
                url: url.to_string(),
            }),
        }
    }

    /// Reads an origin's robots.txt: 2xx is parsed (up to the robots cap), 4xx means no rules,
    /// anything else (5xx, 429, network failure, too many redirects) disallows the origin.
    fn read_robots(&mut self, page: &Url) -> RobotsState {
        let Ok(mut current) = page.join("/robots.txt") else {
            return RobotsState::Unreachable("no robots.txt URL".into());
        };
        for _ in 0..=self.config.max_redirects {
            if let Err(err) = self.check_target(&current) {
                return RobotsState::Unreachable(err.to_string());
            }
            let started = Instant::now();
            let response = match self.send(&current, None, started) {
                Ok(r) => r,
                Err(err) => return RobotsState::Unreachable(err.to_string()),
            };
            let status = response.status();
            if REDIRECTS.contains(&status) {
                match next_hop(&current, &response, status) {
                    Ok(next) => {
                        current = next;
                        continue;
                    }
                    Err(err) => return RobotsState::Unreachable(err.to_string()),
                }
            }
            if (200..300).contains(&status) {
                let cap = self.config.max_robots_bytes;
                return match read_body(response, current.as_str(), cap, true, started) {
                    Ok(body) => RobotsState::Rules(Robots::parse(
                        &String::from_utf8_lossy(&body),
                        ROBOTS_TOKEN,
                    )),
                    Err(err) => RobotsState::Unreachable(err.to_string()),
                };
            }
            if (400..500).contains(&status) && status != 429 {
                return RobotsState::Rules(Robots::allow_all());
            }
            return RobotsState::Unreachable(format!("{current}: HTTP {status}"));
        }
        RobotsState::Unreachable(format!("{current}: too many redirects"))
    }

    /// Waits for the host's turn, then sends one GET and returns the response whatever its
    /// status.
    fn send(
        &mut self,
        url: &Url,
        validators: Option<&Validators>,
        started: Instant,
    ) -> Result<ureq::Response, CrawlError> {
        self.wait_turn(url);
        self.num_requests += 1;
        let mut request = self
            .agent
            .request_url("GET", url)
            .timeout(self.config.total_timeout)
            .set("Accept", ACCEPT);
        if let Some(v) = validators {
            if let Some(etag) = &v.etag {
                request = request.set("If-None-Match", etag);
            }
            if let Some(date) = &v.last_modified {
                request = request.set("If-Modified-Since", date);
            }
        }
        match request.call() {
            Ok(response) | Err(ureq::Error::Status(_, response)) => Ok(response),
            Err(ureq::Error::Transport(t)) => Err(transport_error(url.as_str(), &t, started)),
        }
    }

    /// Sleeps until the host may be asked again, and books its next turn.
    fn wait_turn(&mut self, url: &Url) {
        let host = format!(
            "{}:{}",
            url.host_str().unwrap_or(""),
            url.port_or_known_default().unwrap_or(0)
        );
        let origin = url.origin().ascii_serialization();
        let delay = match self.robots.get(&origin) {
            Some(RobotsState::Rules(r)) => r.crawl_delay().unwrap_or_default(),
            _ => Duration::ZERO,
        };
        let interval = self
            .config
            .min_interval_per_host
            .max(delay.min(self.config.max_crawl_delay));
        let now = Instant::now();
        if let Some(&turn) = self.next_turn.get(&host) {
            if turn > now {
                std::thread::sleep(turn - now);
            }
        }
        self.next_turn.insert(host, Instant::now() + interval);
    }
}

/// Parses a URL given by a user or a feed.
fn parse(url: &str) -> Result<Url, CrawlError> {
    let parsed = Url::parse(url.trim()).map_err(|err| CrawlError::BadUrl {
        url: url.to_string(),
        reason: err.to_string(),
    })?;
    if !guard::scheme_allowed(&parsed) {
        return Err(CrawlError::Scheme {
            url: url.to_string(),
            scheme: parsed.scheme().to_string(),
        });
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(CrawlError::BadUrl {
            url: url.to_string(),
            reason: "no host".into(),
        });
    }
    Ok(parsed)
}

/// `host:port` as the client's resolver receives it.
fn netloc(url: &Url) -> Option<String> {
    let host = url.host_str().filter(|h| !h.is_empty())?;
    Some(format!("{host}:{}", url.port_or_known_default()?))
}

/// The redirect target, resolved against the current URL.
fn next_hop(current: &Url, response: &ureq::Response, status: u16) -> Result<Url, CrawlError> {
    response
        .header("location")
        .and_then(|loc| current.join(loc.trim()).ok())
        .ok_or_else(|| CrawlError::BadRedirect {
            url: current.to_string(),
            status,
        })
}

/// Reads a body up to `cap` bytes. Beyond the cap: an error, or (for robots.txt, `truncate`)
/// the first `cap` bytes. Reading stops at the cap either way, so an endless body costs at
/// most `cap` bytes of memory and the total time limit.
fn read_body(
    response: ureq::Response,
    url: &str,
    cap: u64,
    truncate: bool,
    started: Instant,
) -> Result<Vec<u8>, CrawlError> {
    let too_large = || CrawlError::TooLarge {
        url: url.to_string(),
        max_bytes: cap,
    };
    let declared = response
        .header("content-length")
        .and_then(|v| v.trim().parse::<u64>().ok());
    if !truncate && declared.is_some_and(|n| n > cap) {
        return Err(too_large());
    }
    let mut body = Vec::with_capacity(declared.unwrap_or(0).min(cap).min(1 << 20) as usize);
    let mut reader = response.into_reader().take(cap.saturating_add(1));
    reader
        .read_to_end(&mut body)
        .map_err(|err| io_error(url, &err, started.elapsed()))?;
    if body.len() as u64 > cap {
        if truncate {
            body.truncate(cap as usize);
        } else {
            return Err(too_large());
        }
    }
    Ok(body)
}

/// Names a client failure: a refused address, a timeout, or a network error.
fn transport_error(url: &str, t: &ureq::Transport, started: Instant) -> CrawlError {
    let text = t.to_string();
    let io = std::error::Error::source(t).and_then(|s| s.downcast_ref::<io::Error>());
    if let Some(err) = io {
        return io_error(url, err, started.elapsed());
    }
    if text.contains("timed out") {
        return CrawlError::Timeout {
            url: url.to_string(),
            after: started.elapsed(),
        };
    }
    CrawlError::Network {
        url: url.to_string(),
        reason: text,
    }
}

/// Names an I/O failure: the guard's refusal, a timeout, or another network error.
fn io_error(url: &str, err: &io::Error, after: Duration) -> CrawlError {
    let text = err.to_string();
    if text.contains(REFUSED_MARKER) {
        return CrawlError::PrivateAddress {
            url: url.to_string(),
            detail: text.trim_start_matches("refused: ").to_string(),
        };
    }
    match err.kind() {
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => CrawlError::Timeout {
            url: url.to_string(),
            after,
        },
        _ => CrawlError::Network {
            url: url.to_string(),
            reason: text,
        },
    }
}

#[cfg(test)]
#[path = "fetch_tests.rs"]
mod tests;
