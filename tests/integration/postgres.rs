//! The PostgreSQL store through the binary: the sample corpus ingested into SQLite and into
//! PostgreSQL gives the same output for every query command. Needs `STORYLINE_TEST_PG` (a URL
//! on a server where the user may create databases; `.ci/run` starts one): without it the test
//! prints a notice and passes, except under CI, where it fails.

use storyline_store::TestDb;

use crate::util::{seeds_dir, Dir};

#[test]
fn every_query_command_answers_the_same_on_sqlite_and_postgres() {
    let Some(pg) = TestDb::create("parity") else {
        return;
    };
    let dir = Dir::new("pg-parity");
    let seeds = seeds_dir();
    let seeds = seeds.to_str().expect("utf8 path");
    for db in ["news.db", pg.url.as_str()] {
        dir.run(&["ingest", seeds, "--db", db]).expect_code(0);
    }
    // A second ingest stores nothing new on PostgreSQL either.
    let again = dir.run(&["ingest", seeds, "--db", &pg.url]);
    again.expect_code(0);
    let said = again.stdout();
    assert!(said.contains("0 new, 5 duplicates"), "{said}");
    assert!(
        !said.contains(&pg.url),
        "the password is never shown: {said}"
    );

    // Both stored the analysis at the end of the ingest, and `stats` reads its story count.
    for db in ["news.db", pg.url.as_str()] {
        let timed = dir.run(&["stats", "--timings", "--db", db]);
        timed.expect_code(0);
        assert!(
            timed.stderr().contains("read stored analysis"),
            "{}",
            timed.stderr()
        );
    }
    let commands: &[&[&str]] = &[
        &["stats"],
        &["stats", "--format", "json"],
        &["entity", "Biden", "--format", "json"],
        &["quotes", "--format", "json"],
        &["quotes", "--speaker", "a", "--format", "json"],
        &["claims", "--format", "json"],
        &["events", "--format", "json"],
        &["events", "--asserted-only", "--format", "json"],
        &["stories", "--format", "json"],
        &["disagreements", "--format", "json"],
        &["timeline", "--format", "json"],
        &["event-counts", "--format", "json"],
        &["export", "--format", "jsonl"],
        &["report"],
    ];
    for args in commands {
        let on = |db: &str| {
            let mut full = args.to_vec();
            full.extend(["--db", db]);
            dir.run(&full).expect_code(0).stdout()
        };
        let (lite, post) = (on("news.db"), on(&pg.url));
        assert!(!lite.trim().is_empty(), "{args:?} printed nothing");
        assert_eq!(lite, post, "`storyline {}` differs", args.join(" "));
    }
    // Search finds the same articles; BM25 (SQLite) and cover density (PostgreSQL) rank them,
    // so scores, snippets and the order of near ties may differ.
    for words in ["said", "police", "NATO troops", "nothing-like-this"] {
        let ids = |db: &str| {
            let run = dir.run(&["search", words, "--format", "json", "--db", db]);
            run.expect_code(0);
            let hits: serde_json::Value = serde_json::from_str(&run.stdout()).expect("JSON");
            let mut ids: Vec<String> = hits
                .as_array()
                .map(|a| a.iter().map(|h| h["article"].to_string()).collect())
                .unwrap_or_default();
            ids.sort();
            ids
        };
        assert_eq!(ids("news.db"), ids(&pg.url), "search {words:?}");
    }
}

#[test]
fn an_unreachable_server_and_a_refused_login_are_clear_errors() {
    let Some(pg) = TestDb::create("errors") else {
        return;
    };
    let dir = Dir::new("pg-errors");
    let down = dir.run(&[
        "stats",
        "--db",
        "postgres://storyline:hush@127.0.0.1:1/news",
    ]);
    down.expect_code(2);
    assert!(
        down.stderr().contains("cannot reach the PostgreSQL server"),
        "{}",
        down.stderr()
    );
    assert!(!down.stderr().contains("hush"), "{}", down.stderr());
    let (user, host) = pg.url.rsplit_once('@').expect("user in URL");
    let user = user.rsplit_once(':').map_or(user, |(u, _)| u);
    let wrong = format!("{user}:hush@{host}");
    let refused = dir.run(&[
        "ingest",
        seeds_dir().to_str().expect("utf8"),
        "--db",
        &wrong,
    ]);
    refused.expect_code(2);
    assert!(
        refused.stderr().contains("refused the login"),
        "{}",
        refused.stderr()
    );
    assert!(!refused.stderr().contains("hush"), "{}", refused.stderr());
}

#[test]
fn serve_answers_the_same_api_on_postgres_and_stores_posted_articles() {
    use crate::serve::Server;
    let Some(pg) = TestDb::create("serve") else {
        return;
    };
    let dir = Dir::new("pg-serve");
    let seeds = seeds_dir();
    let seeds = seeds.to_str().expect("utf8 path");
    for db in ["news.db", pg.url.as_str()] {
        dir.run(&["ingest", seeds, "--db", db]).expect_code(0);
    }
    let lite = Server::start(&dir, "news.db", None);
    let post = Server::start(&dir, &pg.url, Some("pg-token"));
    let first = lite.get("/api/v1/articles?limit=1").1["items"][0]["article"]
        .as_str()
        .expect("an article")
        .to_string();
    let paths = [
        "/api/v1/stats".to_string(),
        "/api/v1/articles?limit=3".into(),
        format!("/api/v1/articles/{first}"),
        "/api/v1/entities".into(),
        "/api/v1/entities/Biden".into(),
        "/api/v1/quotes?limit=5".into(),
        "/api/v1/claims".into(),
        "/api/v1/events?asserted=true".into(),
        "/api/v1/stories".into(),
        "/api/v1/disagreements".into(),
    ];
    for path in &paths {
        let (a, b) = (lite.get(path), post.get(path));
        assert_eq!(a.0, 200, "{path}: {}", a.1);
        assert_eq!(a, b, "{path} differs between SQLite and PostgreSQL");
    }
    let (status, _) = post.get("/api/v1/search?q=NATO");
    assert_eq!(status, 200);

    let article = serde_json::json!({
        "text": "Mayor Anna Keller said on Monday: \"We will rebuild the pier.\"",
        "outlet": "Wire", "title": "Pier to be rebuilt", "published": "2024-06-03"
    })
    .to_string();
    let (status, stored) = post.post(Some("pg-token"), &article);
    assert_eq!(status, 201, "{stored}");
    let (status, again) = post.post(Some("pg-token"), &article);
    assert_eq!((status, again["duplicates"].as_u64()), (200, Some(1)));
    assert_eq!(post.get("/api/v1/stats").1["articles"], 6);
}
