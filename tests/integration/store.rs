//! `storyline ingest` and the store queries, run as a user would (issue 5): idempotent
//! re-ingest, revisions, crash safety under kill -9 with a concurrent reader, and clear errors
//! for databases storyline must not touch.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use storyline_store::Store;

use crate::util::{seeds_dir, Dir};

/// A JSONL corpus of `n` small, distinct local-news articles (one per line).
fn corpus(n: usize) -> String {
    let mut out = String::new();
    for i in 0..n {
        let text = format!(
            "The council of Riverton said on Monday that {} homes were flooded after storm \
             number {i}. \"We will rebuild every street,\" said Mayor Ann Ellis, who visited the \
             harbour on Tuesday. Police closed {} roads.",
            i * 7 + 3,
            i % 50 + 2
        );
        let line = serde_json::json!({
            "text": text,
            "title": format!("Flood update {i}"),
            "url": format!("https://news.example/flood/{i}"),
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

fn stats(dir: &Dir, db: &str) -> serde_json::Value {
    let run = dir.run(&["stats", "--db", db, "--format", "json"]);
    run.expect_code(0);
    serde_json::from_str(&run.stdout()).expect("stats JSON")
}

#[test]
fn reingesting_the_seeds_stores_nothing_new() {
    let dir = Dir::new("store-seeds");
    let seeds = seeds_dir();
    let seeds = seeds.to_str().expect("utf8 path");
    let first = dir.run(&["ingest", seeds, "--db", "news.db"]);
    first.expect_code(0);
    assert!(
        first.stdout().contains("5 read, 5 new"),
        "{}",
        first.stdout()
    );
    let again = dir.run(&["ingest", seeds, "--db", "news.db"]);
    again.expect_code(0);
    assert!(
        again.stdout().contains("0 new, 5 duplicates"),
        "{}",
        again.stdout()
    );
    let s = stats(&dir, "news.db");
    assert_eq!(s["articles"], 5, "{s}");
    assert!(s["entities"].as_u64().unwrap_or(0) > 0, "{s}");

    let search = dir.run(&["search", "troops", "--db", "news.db", "--format", "json"]);
    search.expect_code(0);
    let hits: serde_json::Value = serde_json::from_str(&search.stdout()).expect("json");
    assert!(!hits.as_array().expect("array").is_empty(), "{hits}");
    for format in ["table", "csv", "json"] {
        for query in [
            &["entity", "NATO"][..],
            &["quotes", "--speaker", "a"][..],
            &["claims", "--noun", "troops"][..],
            &["events", "--asserted-only"][..],
        ] {
            let mut args = query.to_vec();
            args.extend(["--db", "news.db", "--format", format]);
            dir.run(&args).expect_code(0);
        }
    }
    // A listing cut by --limit says so on stderr; one that fits says nothing.
    for cmd in ["quotes", "claims", "events"] {
        let cut = dir.run(&[cmd, "--limit", "1", "--db", "news.db", "--format", "json"]);
        cut.expect_code(0);
        let rows: serde_json::Value = serde_json::from_str(&cut.stdout()).expect("json");
        assert_eq!(rows.as_array().map(Vec::len), Some(1), "{cmd}: {rows}");
        assert!(
            cut.stderr().contains("raise --limit"),
            "{cmd}: {}",
            cut.stderr()
        );
        let all = dir.run(&[cmd, "--limit", "100000", "--db", "news.db"]);
        assert!(
            !all.stderr().contains("raise --limit"),
            "{cmd}: {}",
            all.stderr()
        );
    }
}

#[test]
fn a_changed_body_at_the_same_url_is_a_revision() {
    let dir = Dir::new("store-revision");
    let line = |text: &str| {
        serde_json::json!({"text": text, "url": "https://news.example/markets/1"}).to_string()
    };
    dir.write(
        "v1.jsonl",
        line("Shares in the chipmaker fell 3% in early trading.") + "\n",
    );
    dir.write(
        "v2.jsonl",
        line("Shares in the chipmaker fell 4% by the close.") + "\n",
    );
    dir.run(&["ingest", "v1.jsonl"]).expect_code(0);
    let run = dir.run(&["ingest", "v2.jsonl", "v1.jsonl"]);
    run.expect_code(0);
    assert!(run.stdout().contains("1 revisions"), "{}", run.stdout());
    let s = stats(&dir, "storyline.db");
    assert_eq!(
        (s["articles"].as_u64(), s["revisions"].as_u64()),
        (Some(2), Some(1))
    );
}

#[test]
fn kill_9_mid_ingest_leaves_a_consistent_database_and_the_next_run_completes() {
    const NUM_ARTICLES: u64 = 4000;
    let dir = Dir::new("store-kill");
    dir.write("corpus.jsonl", corpus(NUM_ARTICLES as usize));
    let db = dir.path.join("news.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(["ingest", "corpus.jsonl", "--db", "news.db"])
        .current_dir(&dir.path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn storyline ingest");

    // Read while the writer writes: a reader sees whole batches only, never a torn one.
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut seen = 0;
    while seen == 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
        if let Ok(store) = Store::open_read_only(&db) {
            seen = store.num_articles().unwrap_or(0);
            assert!(seen <= NUM_ARTICLES);
        }
    }
    child.kill().expect("kill -9");
    let _ = child.wait();
    assert!(seen > 0, "the ingest stored nothing within the deadline");

    let store = Store::open(&db).expect("reopen after kill");
    store.check_integrity().expect("consistent after kill -9");
    let after_kill = store.num_articles().expect("count");
    // Every stored article is whole: its items and its search entry committed with it.
    let records = store.records().expect("records");
    assert_eq!(records.len() as u64, after_kill);
    let st = store.stats().expect("stats");
    let num_entities: usize = records.iter().map(|r| r.entities.len()).sum();
    let num_quotes: usize = records.iter().map(|r| r.quotes.len()).sum();
    assert_eq!(st.entities, num_entities as u64);
    assert_eq!(st.quotes, num_quotes as u64);
    let hits = store
        .search("Riverton", NUM_ARTICLES as usize)
        .expect("search");
    assert_eq!(hits.len() as u64, after_kill);
    drop(store);
    if after_kill == NUM_ARTICLES {
        eprintln!("note: the ingest finished before the kill; crash path not exercised this run");
    }

    let run = dir.run(&["ingest", "corpus.jsonl", "--db", "news.db"]);
    run.expect_code(0);
    assert!(
        run.stdout().contains(&format!(
            "{} new, {after_kill} duplicates",
            NUM_ARTICLES - after_kill
        )),
        "{}",
        run.stdout()
    );
    let s = stats(&dir, "news.db");
    assert_eq!(s["articles"].as_u64(), Some(NUM_ARTICLES), "{s}");
    Store::open(&db)
        .and_then(|s| s.check_integrity())
        .expect("consistent after completing");
}

#[test]
fn refuses_databases_it_must_not_touch_with_clear_errors() {
    let dir = Dir::new("store-faults");
    dir.write(
        "a.txt",
        "The ferry resumed service on Friday after repairs.\n",
    );
    let text = "a shopping list, not a database\n".repeat(64);
    dir.write("notes.db", &text);
    let run = dir.run(&["ingest", "a.txt", "--db", "notes.db"]);
    run.expect_code(2);
    assert!(
        run.stderr().contains("not an SQLite database"),
        "{}",
        run.stderr()
    );
    assert_eq!(
        std::fs::read_to_string(dir.path.join("notes.db")).expect("read"),
        text
    );

    let missing = dir.run(&["stats", "--db", "absent.db"]);
    missing.expect_code(2);
    assert!(
        missing.stderr().contains("storyline ingest"),
        "{}",
        missing.stderr()
    );
    assert!(
        !dir.path.join("absent.db").exists(),
        "a query must not create a database"
    );

    let run = dir.run(&["ingest", "a.txt", "--db", "no/such/dir/news.db"]);
    run.expect_code(2);
    assert!(run.stderr().contains("news.db"), "{}", run.stderr());
}

/// Ingests `n` articles of [`corpus`] into `dir/news.db`.
fn ingested(dir: &Dir, n: usize) {
    dir.write("corpus.jsonl", corpus(n));
    dir.run(&["ingest", "corpus.jsonl", "--db", "news.db"])
        .expect_code(0);
}

#[test]
fn ingest_refuses_a_corrupted_database_and_writes_nothing() {
    let dir = Dir::new("store-corrupt");
    ingested(&dir, 300);
    let path = dir.path.join("news.db");
    let mut bytes = std::fs::read(&path).expect("read");
    // Wreck the page header and cell pointers of one page in the middle of the file.
    let page = (bytes.len() / 4096 / 2) * 4096;
    for b in &mut bytes[page..page + 64] {
        *b ^= 0xFF;
    }
    std::fs::write(&path, &bytes).expect("write");
    dir.write(
        "more.txt",
        "The ferry resumed service on Friday after repairs.\n",
    );
    let run = dir.run(&["ingest", "more.txt", "--db", "news.db"]);
    run.expect_code(2);
    assert!(
        run.stderr().contains("corrupt") && run.stderr().contains("backup"),
        "{}",
        run.stderr()
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        bytes,
        "nothing written"
    );
}

#[test]
fn queries_work_on_a_database_in_a_folder_the_user_cannot_write() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = Dir::new("store-read-only");
    ingested(&dir, 20);
    let folder = dir.path.join("shared");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::copy(dir.path.join("news.db"), folder.join("news.db")).expect("copy");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let db = folder.join("news.db");
    let db = db.to_str().expect("utf-8 path");
    let queries: [&[&str]; 3] = [
        &["stats", "--db", db, "--format", "json"],
        &["search", "flooded", "--db", db],
        &["quotes", "--db", db],
    ];
    // Root may write anywhere: run the queries as an unprivileged user then.
    let as_root = std::fs::metadata(&folder).expect("stat").uid() == 0;
    for args in queries {
        let mut cmd = if as_root {
            let mut c = Command::new("runuser");
            c.args(["-u", "nobody", "--", env!("CARGO_BIN_EXE_storyline")]);
            c
        } else {
            Command::new(env!("CARGO_BIN_EXE_storyline"))
        };
        let out = cmd
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("run storyline (as root this needs runuser)");
        assert!(
            out.status.success(),
            "storyline {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "storyline {args:?} printed nothing");
    }
    let _ = std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755));
}

#[test]
fn export_writes_each_format_from_the_store() {
    let dir = Dir::new("store-export");
    ingested(&dir, 12);
    let jsonl = dir.run(&["export", "--db", "news.db", "--format", "jsonl"]);
    jsonl.expect_code(0);
    assert_eq!(jsonl.records().len(), 12);

    let gkg = dir.run(&["export", "--db", "news.db", "--format", "gkg"]);
    gkg.expect_code(0);
    let rows: Vec<String> = gkg.stdout().lines().map(String::from).collect();
    assert_eq!(rows.len(), 12);
    for row in &rows {
        let cols: Vec<&str> = row.split('\t').collect();
        assert_eq!(cols.len(), 27, "{row}");
        assert!(cols[4].starts_with("https://news.example/flood/"), "{row}");
        assert!(cols[12].contains("Ann Ellis,"), "{row}");
    }

    let plover = dir.run(&["export", "--db", "news.db", "--format", "plover"]);
    plover.expect_code(0);
    for event in plover.records() {
        assert!(
            event["event"].is_array() && event["actor"].is_array(),
            "{event}"
        );
    }

    dir.run(&[
        "export", "--db", "news.db", "--format", "csv", "--out", "tables",
    ])
    .expect_code(0);
    let articles = std::fs::read_to_string(dir.path.join("tables/articles.csv")).expect("read");
    assert!(articles.starts_with("id,source,url"), "{articles}");
    let quotes = std::fs::read_to_string(dir.path.join("tables/quotes.csv")).expect("read");
    assert!(quotes.contains("We will rebuild every street"), "{quotes}");

    let no_folder = dir.run(&["export", "--db", "news.db", "--format", "csv"]);
    no_folder.expect_code(2);
    assert!(
        no_folder.stderr().contains("--out"),
        "{}",
        no_folder.stderr()
    );
}
