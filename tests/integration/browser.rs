//! The dashboard in a real browser: headless Chromium (Debian's `chromium` and
//! `chromium-driver`, installed by `.ci/run`) driven over WebDriver by fantoccini.
//!
//! Opens the dashboard, follows a story, selects a quote (by link, then by the page's script)
//! and checks that exactly its characters are highlighted; saves screenshots under
//! `target/browser/`; renders a hostile article on every page and checks that nothing ran and
//! no element was injected.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

use crate::serve::{hostile_article, seeded, Server, HOSTILE_OUTLET};
use crate::util::char_slice;

/// Where Debian puts the browser and its driver.
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// A running chromedriver, killed when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Driver {
        for path in [CHROMIUM, CHROMEDRIVER] {
            assert!(
                Path::new(path).exists(),
                "{path} is missing: install Debian's chromium and chromium-driver (.ci/run does)"
            );
        }
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver never listened"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A headless Chromium session with a fresh profile in `profile`.
async fn browser(driver: &Driver, profile: &Path) -> Client {
    let args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
    ]
    .iter()
    .map(|a| a.to_string())
    .chain(std::iter::once(format!(
        "--user-data-dir={}",
        profile.display()
    )))
    .collect::<Vec<_>>();
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({"binary": CHROMIUM, "args": args}),
    );
    ClientBuilder::new(HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a browser session")
}

/// The concatenated text of the highlighted (selected) quote.
async fn selected_text(client: &Client) -> String {
    let value = client
        .execute(
            "return Array.from(document.querySelectorAll('.text .sel')).map(e => e.textContent).join('')",
            vec![],
        )
        .await
        .expect("read the selection");
    value.as_str().unwrap_or_default().to_string()
}

/// What an injected script or element would leave: a `window.pwned` value, or elements and
/// attributes the dashboard never uses itself.
async fn injected(client: &Client) -> Value {
    client
        .execute(
            "return {pwned: window.pwned === undefined ? null : window.pwned,
                     elements: document.querySelectorAll('img, b, textarea, iframe, object, embed, main svg svg, [onerror], [onload], [onmouseover]').length,
                     scripts: Array.from(document.scripts).filter(s => s.src === '' && s.type !== 'application/json').length}",
            vec![],
        )
        .await
        .expect("inspect the page")
}

fn screenshot_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser");
    std::fs::create_dir_all(&dir).expect("create target/browser");
    dir
}

/// The text of the article `id` at the quote key `START-END`, read through the API.
fn quote_in_source(server: &Server, id: &str, key: &str) -> String {
    let (status, record) = server.get(&format!("/api/v1/articles/{id}"));
    assert_eq!(status, 200);
    let (start, end) = key.split_once('-').expect("START-END");
    char_slice(
        record["text"].as_str().expect("text"),
        start.parse().expect("start"),
        end.parse().expect("end"),
    )
}

/// `(article id, quote key)` of an article page URL `/articles/ID?quote=KEY#sel`.
fn article_and_key(url: &str) -> (String, String) {
    let path = url.split("/articles/").nth(1).expect("an article page");
    let (id, query) = path.split_once("?quote=").expect("a selected quote");
    let key = query.split('#').next().unwrap_or_default();
    (id.to_string(), key.to_string())
}

#[test]
fn dashboard_in_a_real_browser() {
    let dir = seeded("browser");
    dir.write("hostile.jsonl", format!("{}\n", hostile_article()));
    dir.run(&["ingest", "--db", "news.db", "hostile.jsonl"])
        .expect_code(0);
    let server = Server::start(&dir, "news.db", None);
    let driver = Driver::start();
    let profile = dir.path.join("chromium-profile");
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        tokio::time::timeout(Duration::from_secs(180), drive(&server, &driver, &profile))
            .await
            .expect("the browser test finished in time")
    });
}

async fn drive(server: &Server, driver: &Driver, profile: &Path) {
    let client = browser(driver, profile).await;
    let shots = screenshot_dir();
    let base = &server.base;

    // Open the dashboard and follow the biggest story.
    let (_, stories) = server.get("/api/v1/stories");
    let story = stories["items"]
        .as_array()
        .and_then(|s| s.iter().max_by_key(|s| s["num_articles"].as_u64()))
        .and_then(|s| s["id"].as_str())
        .expect("a story")
        .to_string();
    client.goto(&format!("{base}/")).await.expect("open /");
    client
        .find(Locator::Css(&format!(
            "a.story-link[href='/stories/{story}']"
        )))
        .await
        .expect("the story is listed")
        .click()
        .await
        .expect("follow the story");
    assert!(client
        .current_url()
        .await
        .expect("url")
        .path()
        .ends_with(&story));
    client
        .find(Locator::Css("svg.chart polyline"))
        .await
        .expect("the mentions chart is drawn");
    std::fs::write(
        shots.join("story.png"),
        client.screenshot().await.expect("shot"),
    )
    .expect("save story.png");

    // Select a quote: its link opens the article with exactly the quote highlighted.
    client
        .find(Locator::Css("ul.quotes a.quote-link"))
        .await
        .expect("a quote")
        .click()
        .await
        .expect("open the quote");
    let url = client.current_url().await.expect("url").to_string();
    let (id, key) = article_and_key(&url);
    let expected = quote_in_source(server, &id, &key);
    assert!(!expected.is_empty());
    assert_eq!(
        selected_text(&client).await,
        expected,
        "highlight of {key} in {id}"
    );
    std::fs::write(
        shots.join("article.png"),
        client.screenshot().await.expect("shot"),
    )
    .expect("save article.png");

    // Select another quote with the page's script, without reloading.
    let links = client
        .find_all(Locator::Css("a.select-quote"))
        .await
        .expect("the quote list");
    let mut other = None;
    for link in links {
        let k = link
            .attr("data-key")
            .await
            .expect("key")
            .unwrap_or_default();
        if k != key {
            other = Some((link, k));
            break;
        }
    }
    let (link, other_key) = other.expect("a second quote in the article");
    link.click().await.expect("select it");
    assert_eq!(
        selected_text(&client).await,
        quote_in_source(server, &id, &other_key)
    );

    // The hostile article, on every page that can show it.
    let outlet: String = HOSTILE_OUTLET
        .bytes()
        .map(|b| format!("%{b:02X}"))
        .collect();
    let (_, list) = server.get(&format!("/api/v1/articles?outlet={outlet}"));
    let hostile = list["items"][0]["article"]
        .as_str()
        .expect("hostile article")
        .to_string();
    let (_, record) = server.get(&format!("/api/v1/articles/{hostile}"));
    let hostile_story = record["story"].as_str().expect("its story").to_string();
    let quote = record["quotes"][0]["span"].clone();
    let pages = [
        "/".to_string(),
        "/stories".into(),
        format!("/stories/{hostile_story}"),
        "/disagreements".into(),
        "/entities".into(),
        "/entities/Sergey%20Lavrov".into(),
        "/quotes?speaker=Lavrov&limit=500".into(),
        "/search?q=pwned".into(),
        format!("/articles/{hostile}"),
        format!("/articles/{hostile}?quote={}-{}", quote[0], quote[1]),
    ];
    for page in &pages {
        client
            .goto(&format!("{base}{page}"))
            .await
            .expect("open page");
        let found = injected(&client).await;
        assert_eq!(
            found,
            json!({"pwned": null, "elements": 0, "scripts": 0}),
            "{page}"
        );
    }
    // The article page shows the hostile title as text.
    client
        .goto(&format!("{base}/articles/{hostile}"))
        .await
        .expect("open");
    let title = client
        .find(Locator::Css("main h1"))
        .await
        .expect("title")
        .text()
        .await
        .expect("text");
    assert!(title.contains("<script>window.pwned=1</script>"), "{title}");
    for link in client
        .find_all(Locator::Css("a.select-quote"))
        .await
        .expect("quotes")
    {
        link.click().await.expect("select");
        assert_eq!(injected(&client).await["pwned"], Value::Null);
    }
    std::fs::write(
        shots.join("hostile.png"),
        client.screenshot().await.expect("shot"),
    )
    .expect("save hostile.png");
    client.close().await.expect("close the browser");
}
