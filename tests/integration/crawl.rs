//! `storyline crawl` against a canned HTTP server on 127.0.0.1 (loopback only; every server
//! and request loop stops by itself): pages and feeds stored, robots.txt, 304 on re-crawl,
//! private addresses and other schemes refused, hanging and endless servers bounded.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use storyline_store::Store;

use crate::util::Dir;

/// A small news site: robots.txt, two articles, a feed of them, and misbehaving paths.
fn site(req: &str, host: &str) -> Vec<u8> {
    let path = req.split_whitespace().nth(1).unwrap_or("/");
    let conditional = req.to_ascii_lowercase().contains("if-none-match: \"v1\"");
    let ok = |ctype: &str, body: &str| {
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nETag: \"v1\"\r\nConnection: close\r\n\r\n",
            body.len()
        );
        format!("{head}{body}").into_bytes()
    };
    let status = |line: &str, extra: &str| {
        format!("HTTP/1.1 {line}\r\nContent-Length: 0\r\n{extra}Connection: close\r\n\r\n")
            .into_bytes()
    };
    match path {
        "/robots.txt" => ok("text/plain", "User-agent: *\nDisallow: /members/\n"),
        _ if conditional => status("304 Not Modified", "ETag: \"v1\"\r\n"),
        "/news/harbour" => ok("text/html", &page(
            "Harbour bridge reopens after repairs",
            "The harbour bridge reopened to traffic on Monday after eight months of repairs, the city council said.",
        )),
        "/sport/derby" => ok("text/html", &page(
            "Rovers edge derby in stoppage time",
            "Rovers beat United 2-1 on Saturday with a goal in the fourth minute of stoppage time, before a crowd of 31,000.",
        )),
        "/business/rates" => ok("text/html", &page(
            "Central bank holds rates",
            "The central bank held its main rate at 4.5% on Thursday, citing stubborn inflation in services.",
        )),
        "/feed.xml" => ok(
            "application/rss+xml",
            &format!(
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Valley Courier</title>\
                 <item><title>Harbour bridge reopens</title><link>http://{host}/news/harbour</link>\
                 <pubDate>Mon, 03 Jun 2024 09:00:00 GMT</pubDate><description>Traffic is back.</description></item>\
                 <item><title>Rovers edge derby</title><link>http://{host}/sport/derby</link>\
                 <pubDate>Sat, 01 Jun 2024 17:00:00 GMT</pubDate></item></channel></rss>"
            ),
        ),
        "/to-private" => status("302 Found", "Location: http://10.11.12.13/admin\r\n"),
        "/to-metadata" => status("302 Found", "Location: http://169.254.169.254/latest/\r\n"),
        _ => status("404 Not Found", ""),
    }
}

fn page(title: &str, para: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>{title}</title>\
         <meta property=\"og:site_name\" content=\"Valley Courier\"></head><body><article>\
         <h1>{title}</h1><p>{para}</p><p>{para} Officials expect more news next week.</p>\
         </article></body></html>"
    )
}

/// A loopback server answering with `site`, `/hang` (silence) and `/endless` (no end of body).
struct Server {
    port: u16,
    paths: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        listener.set_nonblocking(true).expect("nonblocking");
        let port = listener.local_addr().expect("addr").port();
        let (stop, paths) = (
            Arc::new(AtomicBool::new(false)),
            Arc::new(Mutex::new(Vec::new())),
        );
        let (stop2, paths2) = (stop.clone(), paths.clone());
        let thread = std::thread::spawn(move || {
            let born = Instant::now();
            while !stop2.load(Ordering::Relaxed) && born.elapsed() < Duration::from_secs(60) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let (stop3, paths3) = (stop2.clone(), paths2.clone());
                        std::thread::spawn(move || serve(stream, port, &paths3, &stop3));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Server {
            port,
            paths,
            stop,
            thread: Some(thread),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn paths(&self) -> Vec<String> {
        self.paths.lock().map(|p| p.clone()).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn serve(mut stream: TcpStream, port: u16, paths: &Mutex<Vec<String>>, stop: &AtomicBool) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let _ = stream.set_write_timeout(Some(Duration::from_secs(5)));
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 65536 {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    if let Ok(mut p) = paths.lock() {
        p.push(path.clone());
    }
    let until = Instant::now() + Duration::from_secs(20);
    match path.as_str() {
        "/hang" => {
            while Instant::now() < until && !stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        "/endless" => {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n");
            let chunk = vec![b'x'; 64 * 1024];
            while Instant::now() < until && !stop.load(Ordering::Relaxed) {
                if stream.write_all(&chunk).is_err() {
                    break;
                }
            }
        }
        _ => {
            let _ = stream.write_all(&site(&head, &format!("127.0.0.1:{port}")));
        }
    }
}

/// Flags that make a test crawl fast and let it reach the loopback server only.
const FAST: [&str; 6] = [
    "--allow-loopback",
    "--rate",
    "200",
    "--read-timeout",
    "1",
    "--timeout",
];

fn crawl(dir: &Dir, urls: &[&str]) -> crate::util::Run {
    crawl_into(dir, "news.db", urls)
}

fn crawl_into(dir: &Dir, db: &str, urls: &[&str]) -> crate::util::Run {
    let mut args = vec!["crawl", "--db", db];
    args.extend(FAST);
    args.push("3");
    args.extend(urls);
    dir.run(&args)
}

#[test]
fn feed_and_page_are_stored_then_not_modified_on_re_crawl() {
    let server = Server::start();
    let dir = Dir::new("crawl-feed");
    let feed = server.url("/feed.xml");
    let page = server.url("/business/rates");
    let first = crawl(&dir, &[&feed, &page]);
    first.expect_code(0);
    assert!(first.stdout().contains("3 new"), "{}", first.stdout());
    let store = Store::open_read_only(dir.path.join("news.db")).expect("db");
    assert_eq!(store.num_articles().expect("count"), 3);
    drop(store);

    let again = crawl(&dir, &[&feed, &page]);
    again.expect_code(0);
    assert!(again.stdout().contains("0 new"), "{}", again.stdout());
    assert!(
        again.stdout().contains("2 not modified"),
        "{}",
        again.stdout()
    );
    // The second run asked only for the feed and the page, each answered 304.
    let paths = server.paths();
    assert_eq!(
        paths.iter().filter(|p| *p == "/sport/derby").count(),
        1,
        "{paths:?}"
    );
}

#[test]
fn a_postgres_store_keeps_articles_and_validators_too() {
    let Some(pg) = storyline_store::TestDb::create("crawl") else {
        return;
    };
    let server = Server::start();
    let dir = Dir::new("crawl-pg");
    let feed = server.url("/feed.xml");
    let first = crawl_into(&dir, &pg.url, &[&feed]);
    first.expect_code(0);
    assert!(first.stdout().contains("2 new"), "{}", first.stdout());
    let again = crawl_into(&dir, &pg.url, &[&feed]);
    again.expect_code(0);
    assert!(
        again.stdout().contains("0 new") && again.stdout().contains("1 not modified"),
        "{}",
        again.stdout()
    );
    let store = Store::open_read_only(&pg.url).expect("db");
    assert_eq!(store.num_articles().expect("count"), 2);
}

#[test]
fn robots_txt_disallowed_path_fails_and_is_never_fetched() {
    let server = Server::start();
    let dir = Dir::new("crawl-robots");
    let url = server.url("/members/archive");
    let run = crawl(&dir, &[&url, &server.url("/news/harbour")]);
    run.expect_code(1);
    assert!(run.stderr().contains(&url), "{}", run.stderr());
    assert!(run.stderr().contains("robots.txt"), "{}", run.stderr());
    assert!(
        run.stdout().contains("1 new"),
        "the other URL goes on: {}",
        run.stdout()
    );
    assert!(!server.paths().iter().any(|p| p.starts_with("/members")));
}

#[test]
fn private_addresses_are_refused_without_the_flag() {
    let server = Server::start();
    let dir = Dir::new("crawl-private");
    let run = dir.run(&["crawl", "--db", "news.db", &server.url("/news/harbour")]);
    run.expect_code(1);
    assert!(run.stderr().contains("refused"), "{}", run.stderr());
    assert!(run.stderr().contains("--allow-private"), "{}", run.stderr());
    assert!(server.paths().is_empty());
    // Loopback allowed, but a redirect to another private address is checked and refused
    // before anything is sent to it.
    let run = crawl(
        &dir,
        &[&server.url("/to-private"), &server.url("/to-metadata")],
    );
    run.expect_code(1);
    assert!(
        run.stderr().contains("http://10.11.12.13/admin: refused"),
        "{}",
        run.stderr()
    );
    assert!(run.stderr().contains("169.254.169.254"), "{}", run.stderr());
}

#[test]
fn other_schemes_are_refused() {
    let dir = Dir::new("crawl-schemes");
    let run = crawl(
        &dir,
        &["file:///etc/hostname", "ftp://127.0.0.1/pub/news.txt"],
    );
    run.expect_code(1);
    for url in ["file:///etc/hostname", "ftp://127.0.0.1/pub/news.txt"] {
        assert!(run.stderr().contains(url), "{}", run.stderr());
    }
    assert!(
        run.stderr().contains("only http and https"),
        "{}",
        run.stderr()
    );
}

#[test]
fn a_silent_server_times_out_and_an_endless_one_hits_the_size_cap() {
    let server = Server::start();
    let dir = Dir::new("crawl-bounded");
    let started = Instant::now();
    let mut args = vec!["crawl", "--db", "news.db", "--max-bytes", "200000"];
    args.extend(FAST);
    let (hang, endless) = (server.url("/hang"), server.url("/endless"));
    args.extend(["3", hang.as_str(), endless.as_str()]);
    let run = dir.run(&args);
    run.expect_code(1);
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "{:?}",
        started.elapsed()
    );
    assert!(
        run.stderr().contains(&format!("{hang}: timed out")),
        "{}",
        run.stderr()
    );
    assert!(
        run.stderr()
            .contains(&format!("{endless}: response larger than 200000 bytes")),
        "{}",
        run.stderr()
    );
}
