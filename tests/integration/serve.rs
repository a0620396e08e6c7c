//! `storyline serve`: the JSON API on the sample corpus, against the built binary listening
//! on an ephemeral loopback port.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::util::{char_slice, seeds_dir, Dir};

/// A running `storyline serve`, killed when dropped.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
}

impl Server {
    /// Starts `storyline serve --db DB` on a free port with `token` (if any) in
    /// STORYLINE_TOKEN, and waits until the corpus analysis is ready.
    pub fn start(dir: &Dir, db: &str, token: Option<&str>) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_storyline"));
        cmd.args(["serve", "--db", db, "--addr", "127.0.0.1:0"])
            .current_dir(&dir.path)
            .env_remove("STORYLINE_TOKEN")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        if let Some(token) = token {
            cmd.env("STORYLINE_TOKEN", token);
        }
        let mut child = cmd.spawn().expect("spawn storyline serve");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read the listening line");
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        let server = Server {
            child,
            base: format!("http://{addr}"),
        };
        let started = Instant::now();
        while server.get("/api/v1/health").1["analysis"] != "ready" {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "analysis never ready"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    /// GET `path`: status and JSON body.
    pub fn get(&self, path: &str) -> (u16, Value) {
        answer(ureq::get(&format!("{}{path}", self.base)).call())
    }

    /// GET `path` as text: status, content type, body.
    pub fn get_text(&self, path: &str) -> (u16, String, String) {
        let response = match ureq::get(&format!("{}{path}", self.base)).call() {
            Ok(r) | Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("GET {path}: {e}"),
        };
        let status = response.status();
        let kind = response.content_type().to_string();
        (status, kind, response.into_string().expect("body"))
    }

    /// POST `body` to `/api/v1/articles` with an optional bearer token.
    pub fn post(&self, token: Option<&str>, body: &str) -> (u16, Value) {
        let mut request = ureq::post(&format!("{}/api/v1/articles", self.base));
        if let Some(token) = token {
            request = request.set("Authorization", &format!("Bearer {token}"));
        }
        answer(request.send_string(body))
    }

    /// Sends only the head of a POST announcing a 1 GiB body and returns the response's
    /// first line: an over-size body is refused before any of it is read (sending it whole
    /// would race the server closing the connection).
    pub fn announce_huge_post(&self, token: &str) -> String {
        use std::io::{Read, Write};
        let addr = self.base.trim_start_matches("http://");
        let mut stream = std::net::TcpStream::connect(addr).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        write!(
            stream,
            "POST /api/v1/articles HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n"
        )
        .expect("send head");
        let mut head = [0u8; 64];
        let n = stream.read(&mut head).expect("read answer");
        String::from_utf8_lossy(&head[..n]).into_owned()
    }
}

fn answer(result: Result<ureq::Response, ureq::Error>) -> (u16, Value) {
    let response = match result {
        Ok(r) | Err(ureq::Error::Status(_, r)) => r,
        Err(e) => panic!("request failed: {e}"),
    };
    let status = response.status();
    let body = response.into_string().expect("body");
    let value = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"));
    (status, value)
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The sample corpus ingested into `news.db` of a fresh directory.
pub fn seeded(name: &str) -> Dir {
    let dir = Dir::new(name);
    let seeds = seeds_dir();
    dir.run(&["ingest", "--db", "news.db", &seeds.to_string_lossy()])
        .expect_code(0);
    dir
}

fn items(v: &Value) -> &Vec<Value> {
    v["items"].as_array().expect("items")
}

fn assert_error(answer: (u16, Value), status: u16) {
    assert_eq!(answer.0, status, "{}", answer.1);
    assert_eq!(answer.1["status"], status);
    assert!(answer.1["error"].as_str().is_some_and(|e| !e.is_empty()));
}

#[test]
fn answers_the_api_on_the_sample_corpus() {
    let dir = seeded("serve-api");
    let server = Server::start(&dir, "news.db", None);
    // Ingest stored the corpus analysis: the server read it instead of analysing again.
    assert_eq!(server.get("/api/v1/health").1["analysis_from"], "store");

    let (status, stats) = server.get("/api/v1/stats");
    assert_eq!((status, stats["articles"].as_u64()), (200, Some(5)));
    assert!(stats["stories"].as_u64().is_some_and(|n| n >= 1));

    // Pages of two cover every article once.
    let mut seen = Vec::new();
    let mut path = "/api/v1/articles?limit=2".to_string();
    loop {
        let (status, page) = server.get(&path);
        assert_eq!(status, 200, "{page}");
        assert!(items(&page).len() <= 2);
        seen.extend(
            items(&page)
                .iter()
                .map(|a| a["article"].as_str().unwrap_or("").to_string()),
        );
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/api/v1/articles?limit=2&cursor={c}"),
            None => break,
        }
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!((seen.len(), unique.len()), (5, 5));
    let (_, dw) = server.get("/api/v1/articles?outlet=dw&from=2022-01-01&to=2022-12-31");
    assert!(items(&dw).iter().all(|a| a["outlet"] == "DW"
        && a["published"]
            .as_str()
            .is_some_and(|d| d.starts_with("2022"))));
    assert_eq!(items(&dw).len(), 1);

    // Every quote of Stoltenberg points at its words in its article's text.
    let (_, quotes) = server.get("/api/v1/quotes?speaker=stoltenberg");
    assert!(!items(&quotes).is_empty());
    for q in items(&quotes) {
        assert!(q["speaker"]
            .as_str()
            .is_some_and(|s| s.contains("Stoltenberg")));
        let (status, article) = server.get(&format!(
            "/api/v1/articles/{}",
            q["article"].as_str().unwrap_or("")
        ));
        assert_eq!(status, 200);
        let text = article["text"].as_str().expect("text");
        let span = &q["span"];
        let (start, end) = (span[0].as_u64().unwrap_or(0), span[1].as_u64().unwrap_or(0));
        assert_eq!(
            char_slice(text, start as usize, end as usize),
            q["text"].as_str().unwrap_or("")
        );
        assert!(article["story"].is_string());
    }
    let (_, dated) = server.get("/api/v1/quotes?outlet=DW&from=2022-01-30&to=2022-01-30&limit=1");
    assert_eq!(items(&dated).len(), 1);
    assert!(
        dated["next_cursor"].is_string(),
        "DW has more than one quote that day"
    );

    let (_, claims) = server.get("/api/v1/claims?noun=troops");
    assert!(items(&claims).iter().any(|c| c["value"] == json!(100000.0)));
    let (_, events) = server.get("/api/v1/events?asserted=true&limit=500");
    assert!(items(&events)
        .iter()
        .all(|e| e["negated"] == false && e["hypothetical"] == false));
    let (_, hits) = server.get("/api/v1/search?q=Stoltenberg");
    assert!(!items(&hits).is_empty());
    assert!(items(&hits)[0]["snippet"]
        .as_str()
        .is_some_and(|s| s.contains("[Stoltenberg]")));

    let (status, lavrov) = server.get("/api/v1/entities/lavrov");
    assert_eq!(status, 200);
    assert!(lavrov["occurrences"]
        .as_array()
        .is_some_and(|o| o.len() >= 2));
    assert_eq!(lavrov["canonical"]["name"], "Sergey Lavrov");
    let (_, entities) = server.get("/api/v1/entities?type=PERSON&limit=5");
    assert!(items(&entities).iter().all(|e| e["type"] == "PERSON"));

    let (_, stories) = server.get("/api/v1/stories");
    let story = items(&stories)
        .iter()
        .max_by_key(|s| s["num_articles"].as_u64())
        .expect("a story");
    let id = story["id"].as_str().expect("id");
    let (status, detail) = server.get(&format!("/api/v1/stories/{id}"));
    assert_eq!(status, 200);
    assert!(detail["timeline"].as_array().is_some_and(|t| !t.is_empty()));
    let (_, in_story) = server.get(&format!("/api/v1/articles?story={id}"));
    assert_eq!(
        items(&in_story).len() as u64,
        story["num_articles"].as_u64().unwrap_or(0)
    );
    let (_, disagreements) = server.get("/api/v1/disagreements");
    assert!(items(&disagreements)
        .iter()
        .any(|d| d["noun"].as_str().is_some_and(|n| n.contains("troops"))));

    let (status, doc) = server.get("/api/v1/openapi.json");
    assert_eq!(status, 200);
    assert!(doc["paths"]["/quotes"]["get"].is_object());

    assert_error(server.get("/api/v1/articles/no-such-id"), 404);
    assert_error(server.get("/api/v1/stories/no-such-story"), 404);
    assert_error(server.get("/api/v1/entities/Nobody%20At%20All"), 404);
    assert_error(server.get("/api/v1/no-such-route"), 404);
    assert_error(server.get("/api/v1/articles?limit=0"), 400);
    assert_error(server.get("/api/v1/articles?from=yesterday"), 400);
    assert_error(server.get("/api/v1/quotes?cursor=abc"), 400);
    assert_error(server.get("/api/v1/search"), 400);
    assert_error(server.get("/api/v1/events?asserted=maybe"), 400);
    assert_error(
        answer(ureq::delete(&format!("{}/api/v1/stats", server.base)).call()),
        405,
    );
}

#[test]
fn storing_articles_needs_the_token() {
    let dir = Dir::new("serve-post");
    let server = Server::start(&dir, "news.db", Some("correct-horse"));
    let article = json!({
        "text": "Mayor Anna Keller said on Monday: \"We will rebuild the pier.\" About 300 homes flooded in Leeds.",
        "outlet": "Wire", "title": "Pier to be rebuilt", "published": "2024-06-03"
    })
    .to_string();

    assert_error(server.post(None, &article), 401);
    assert_error(server.post(Some("wrong-horse"), &article), 403);
    assert_eq!(
        server.get("/api/v1/stats").1["articles"],
        0,
        "nothing stored"
    );

    let (status, stored) = server.post(Some("correct-horse"), &article);
    assert_eq!(status, 201, "{stored}");
    assert_eq!(stored["new"], 1);
    let id = stored["ids"][0].as_str().expect("id").to_string();
    let (status, again) = server.post(Some("correct-horse"), &article);
    assert_eq!((status, again["duplicates"].as_u64()), (200, Some(1)));

    let (status, record) = server.get(&format!("/api/v1/articles/{id}"));
    assert_eq!(status, 200);
    assert_eq!(record["outlet"], "Wire");
    assert!(
        record["quotes"].as_array().is_some_and(|q| !q.is_empty()),
        "the pipeline ran"
    );

    let batch = "{\"text\": \"Storm closes the harbour at Whitby.\"}\nnot json\n{\"text\": \"Ferries resume after the storm.\"}\n";
    let (status, answer) = server.post(Some("correct-horse"), batch);
    assert_eq!((status, answer["new"].as_u64()), (201, Some(2)), "{answer}");
    assert_eq!(answer["errors"][0]["line"], 2);
    assert_error(server.post(Some("correct-horse"), "not json at all"), 400);
    assert!(server
        .announce_huge_post("correct-horse")
        .starts_with("HTTP/1.1 413"));
    assert_eq!(server.get("/api/v1/stats").1["articles"], 3);

    // After the writes the server stores the analysis of the new corpus, as ingest does, and
    // reads it back: the command line's analysis commands find it current too.
    let settled = (0..600).any(|_| {
        let health = server.get("/api/v1/health").1;
        let stories = server.get("/api/v1/stories").1;
        let in_stories: u64 = stories["items"]
            .as_array()
            .map(|list| list.iter().filter_map(|s| s["num_articles"].as_u64()).sum())
            .unwrap_or(0);
        let done = health["analysis_from"] == "store" && in_stories == 3;
        if !done {
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        done
    });
    assert!(settled, "{}", server.get("/api/v1/health").1);
}

/// An article whose title, outlet and body try to run script and inject elements.
pub const HOSTILE_TITLE: &str =
    "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">";
/// Its outlet.
pub const HOSTILE_OUTLET: &str = "<b onmouseover=\"window.pwned=3\">Evil Wire</b>";

/// The hostile article as one JSON line: a quote and a name in the body so that every list
/// and highlight shows hostile text too.
pub fn hostile_article() -> String {
    json!({
        "title": HOSTILE_TITLE,
        "outlet": HOSTILE_OUTLET,
        "published": "2022-01-28",
        "text": "Sergey Lavrov said: \"<script>window.pwned=4</script> NATO troops are <img src=x onerror=window.pwned=5> coming\" on Friday.\n\nNATO said it would send 100,000 troops near Ukraine's border </textarea><svg onload=\"window.pwned=6\">. Russia denied it. \u{1b}[31mred\u{1b}[0m",
    })
    .to_string()
}

#[test]
fn pages_render_hostile_text_as_text() {
    let dir = seeded("serve-pages");
    dir.write("hostile.jsonl", format!("{}\n", hostile_article()));
    dir.run(&["ingest", "--db", "news.db", "hostile.jsonl"])
        .expect_code(0);
    let server = Server::start(&dir, "news.db", None);
    let outlet: String = HOSTILE_OUTLET
        .bytes()
        .map(|b| format!("%{b:02X}"))
        .collect();
    let (_, page) = server.get(&format!("/api/v1/articles?outlet={outlet}"));
    assert_eq!(items(&page).len(), 1, "{page}");
    let id = items(&page)[0]["article"]
        .as_str()
        .expect("hostile article stored")
        .to_string();
    let (_, story) = server.get(&format!("/api/v1/articles/{id}"));
    let story = story["story"].as_str().expect("in a story").to_string();
    let (_, quotes) = server.get("/api/v1/quotes?speaker=Lavrov&limit=500");
    let quote = items(&quotes)
        .iter()
        .find(|q| q["article"] == id.as_str())
        .expect("hostile quote");
    let key = format!("{}-{}", quote["span"][0], quote["span"][1]);

    let pages = [
        "/".to_string(),
        "/stories".into(),
        format!("/stories/{story}"),
        "/disagreements".into(),
        "/entities?limit=500".into(),
        "/entities/Sergey%20Lavrov".into(),
        "/quotes?speaker=Lavrov&limit=500".into(),
        "/search?q=pwned".into(),
        format!("/articles/{id}?quote={key}"),
    ];
    for path in &pages {
        let (status, kind, html) = server.get_text(path);
        assert_eq!(status, 200, "{path}: {html}");
        assert!(kind.starts_with("text/html"), "{path}: {kind}");
        let shown = ["Evil Wire", "window.pwned"]
            .iter()
            .any(|t| html.contains(t));
        let escaped = html.contains("&lt;") || html.contains("&#60;");
        // The disagreements and the entity list may hold nothing of the hostile article.
        let optional = path.starts_with("/disagreements") || path.starts_with("/entities?");
        assert!(
            optional || (shown && escaped),
            "{path} shows the hostile text, escaped"
        );
        for raw in [
            "<script>window",
            "<img src=x",
            "<svg onload",
            "<b onmouseover",
            "</textarea>",
            "\u{1b}",
        ] {
            assert!(!html.contains(raw), "{path} contains {raw:?} raw");
        }
        // No page has an inline script or handler of its own: the only scripts are the file
        // and the JSON data block.
        assert_eq!(
            html.matches("<script").count(),
            html.matches("<script src=\"/static/app.js\"").count()
                + html.matches("<script type=\"application/json\"").count(),
            "{path}"
        );
    }
    let (_, _, article) = server.get_text(&format!("/articles/{id}?quote={key}"));
    assert!(
        article.contains("class=\"quote sel\"") || article.contains(" sel\""),
        "the quote is selected"
    );
    let data = article
        .split("<script type=\"application/json\" id=\"quote-data\">")
        .nth(1)
        .and_then(|r| r.split("</script>").next())
        .expect("data block");
    let parsed: Value = serde_json::from_str(data).expect("the data block is JSON");
    assert!(
        parsed.as_array().is_some_and(|q| q
            .iter()
            .any(|q| q["text"].as_str().is_some_and(|t| t.contains("<script>")))),
        "the data keeps the text, escaped for HTML only"
    );

    let response = ureq::get(&format!("{}/", server.base))
        .call()
        .expect("overview");
    let csp = response.header("content-security-policy").expect("CSP");
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    let (status, _, missing) = server.get_text("/no/such/page");
    assert_eq!(status, 404);
    assert!(missing.contains("no such page"));
}
