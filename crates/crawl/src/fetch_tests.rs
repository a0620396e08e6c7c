//! Fetcher tests against a canned server on 127.0.0.1 (loopback only, every loop bounded).

use super::*;
use crate::testserver::{reply, Reply, Server};
use crate::PrivateAddresses;

const PAGE: &str = "<html><head><title>Harbour bridge reopens</title></head><body><p>The bridge reopened on Monday.</p></body></html>";

fn config() -> Config {
    Config {
        min_interval_per_host: Duration::ZERO,
        connect_timeout: Duration::from_secs(2),
        read_timeout: Duration::from_millis(500),
        total_timeout: Duration::from_secs(3),
        private_addresses: PrivateAddresses::Loopback,
        ..Config::default()
    }
}

/// A site: no robots.txt, a page with an ETag, a redirect chain, a private redirect.
fn site() -> Server {
    Server::start(|req| match req.path.as_str() {
        "/robots.txt" => reply("200 OK", &[], "User-agent: *\nDisallow: /members/\n"),
        "/news/bridge" => {
            if req
                .head
                .to_ascii_lowercase()
                .contains("if-none-match: \"b1\"")
            {
                reply("304 Not Modified", &[("ETag", "\"b1\"")], "")
            } else {
                reply(
                    "200 OK",
                    &[
                        ("Content-Type", "text/html; charset=utf-8"),
                        ("ETag", "\"b1\""),
                    ],
                    PAGE,
                )
            }
        }
        "/old-link" => reply("301 Moved Permanently", &[("Location", "/news/bridge")], ""),
        "/loop" => reply("302 Found", &[("Location", "/loop")], ""),
        "/to-private" => reply("302 Found", &[("Location", "http://10.20.30.40/admin")], ""),
        "/to-metadata" => reply(
            "307 Temporary Redirect",
            &[("Location", "http://169.254.169.254/latest/meta-data/")],
            "",
        ),
        "/to-file" => reply("302 Found", &[("Location", "file:///etc/passwd")], ""),
        "/hang" => Reply::Hang(Duration::from_secs(10)),
        "/endless" => Reply::Endless,
        "/members/login" => reply("200 OK", &[], "secret"),
        _ => reply("404 Not Found", &[], "no"),
    })
}

fn page(fetched: Fetched) -> Page {
    match fetched {
        Fetched::Page(p) => p,
        Fetched::NotModified => unreachable!("expected a page, got 304"),
    }
}

#[test]
fn fetches_a_page_with_user_agent_and_validators() {
    let server = site();
    let mut f = Fetcher::new(config());
    let p = page(f.fetch(&server.url("/news/bridge"), None).expect("fetched"));
    assert_eq!(p.status, 200);
    assert_eq!(String::from_utf8_lossy(&p.body), PAGE);
    assert_eq!(p.validators.etag.as_deref(), Some("\"b1\""));
    assert!(p.content_type.unwrap_or_default().starts_with("text/html"));
    let seen = server.seen.lock().expect("log").clone();
    assert_eq!(seen.first().map(|s| s.path.as_str()), Some("/robots.txt"));
    assert!(seen.iter().all(|s| s
        .head
        .to_ascii_lowercase()
        .contains("user-agent: storyline/")));
}

#[test]
fn re_crawl_with_etag_is_not_modified() {
    let server = site();
    let mut f = Fetcher::new(config());
    let first = page(f.fetch(&server.url("/news/bridge"), None).expect("fetched"));
    let again = f
        .fetch(&server.url("/news/bridge"), Some(&first.validators))
        .expect("fetched again");
    assert_eq!(again, Fetched::NotModified);
}

#[test]
fn robots_disallowed_path_is_never_requested() {
    let server = site();
    let mut f = Fetcher::new(config());
    let err = f
        .fetch(&server.url("/members/login"), None)
        .expect_err("disallowed");
    assert!(matches!(err, CrawlError::Robots { .. }), "{err}");
    assert!(!server.paths().iter().any(|p| p.starts_with("/members")));
}

#[test]
fn redirect_is_followed_and_reported_as_final_url() {
    let server = site();
    let mut f = Fetcher::new(config());
    let p = page(f.fetch(&server.url("/old-link"), None).expect("fetched"));
    assert!(p.url.ends_with("/news/bridge"), "{}", p.url);
}

#[test]
fn redirect_loop_stops_at_the_cap() {
    let server = site();
    let mut f = Fetcher::new(config());
    let err = f.fetch(&server.url("/loop"), None).expect_err("loops");
    assert!(
        matches!(err, CrawlError::TooManyRedirects { max: 5, .. }),
        "{err}"
    );
    // robots.txt, then the first request and five redirects.
    assert_eq!(server.paths().len(), 7);
}

#[test]
fn redirect_to_private_or_metadata_address_is_refused() {
    let server = site();
    let mut f = Fetcher::new(config());
    for path in ["/to-private", "/to-metadata"] {
        let err = f.fetch(&server.url(path), None).expect_err("refused");
        assert!(matches!(err, CrawlError::PrivateAddress { .. }), "{err}");
        assert!(!err.url().contains("127.0.0.1"), "names the hop: {err}");
    }
    let err = f.fetch(&server.url("/to-file"), None).expect_err("refused");
    assert!(matches!(err, CrawlError::Scheme { .. }), "{err}");
}

#[test]
fn loopback_is_refused_by_default() {
    let server = site();
    let mut f = Fetcher::new(Config {
        private_addresses: PrivateAddresses::Refuse,
        ..config()
    });
    let err = f
        .fetch(&server.url("/news/bridge"), None)
        .expect_err("refused");
    assert!(matches!(err, CrawlError::PrivateAddress { .. }), "{err}");
    assert!(err.to_string().contains("--allow-private"), "{err}");
    assert!(server.paths().is_empty());
}

#[test]
fn non_http_schemes_are_refused() {
    let mut f = Fetcher::new(config());
    for url in [
        "file:///etc/hostname",
        "ftp://127.0.0.1/pub/a.txt",
        "data:text/plain,x",
    ] {
        let err = f.fetch(url, None).expect_err("refused");
        assert!(matches!(err, CrawlError::Scheme { .. }), "{url}: {err}");
    }
    assert!(matches!(
        f.fetch("not a url", None),
        Err(CrawlError::BadUrl { .. })
    ));
    assert_eq!(f.num_requests(), 0);
}

#[test]
fn a_server_that_never_answers_times_out_quickly() {
    let server = site();
    let mut f = Fetcher::new(config());
    let started = Instant::now();
    let err = f.fetch(&server.url("/hang"), None).expect_err("times out");
    assert!(matches!(err, CrawlError::Timeout { .. }), "{err}");
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn an_endless_body_stops_at_the_size_cap() {
    let server = site();
    let mut f = Fetcher::new(Config {
        max_bytes: 256 * 1024,
        ..config()
    });
    let started = Instant::now();
    let err = f
        .fetch(&server.url("/endless"), None)
        .expect_err("too large");
    assert!(matches!(err, CrawlError::TooLarge { .. }), "{err}");
    assert!(started.elapsed() < Duration::from_secs(4));
}

#[test]
fn unreadable_robots_txt_disallows_the_site() {
    let server = Server::start(|req| match req.path.as_str() {
        "/robots.txt" => reply("503 Service Unavailable", &[], ""),
        _ => reply("200 OK", &[], "<p>Match report</p>"),
    });
    let mut f = Fetcher::new(config());
    let err = f
        .fetch(&server.url("/sport/final"), None)
        .expect_err("disallowed");
    assert!(matches!(err, CrawlError::RobotsUnreachable { .. }), "{err}");
    assert_eq!(server.paths(), vec!["/robots.txt".to_string()]);
}

#[test]
fn requests_to_one_host_are_spaced() {
    let server = site();
    let mut f = Fetcher::new(Config {
        min_interval_per_host: Duration::from_millis(150),
        ..config()
    });
    let started = Instant::now();
    f.fetch(&server.url("/news/bridge"), None).expect("fetched");
    f.fetch(&server.url("/news/bridge"), None).expect("fetched");
    // robots.txt, page, page: two waits of 150 ms.
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(f.num_requests(), 3);
}
