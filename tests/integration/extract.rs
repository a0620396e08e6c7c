//! `storyline extract` on the bundled sample corpus and on small inputs written by the tests.

use crate::util::{char_slice, seeds_dir, Dir};

#[test]
fn seeds_give_one_complete_record_each() {
    let dir = Dir::new("seeds");
    let seeds = seeds_dir();
    let run = dir.run(&[
        "extract",
        seeds.to_str().expect("utf8 path"),
        "--format",
        "jsonl",
    ]);
    run.expect_code(0);
    let records = run.records();
    assert_eq!(records.len(), 5, "{}", run.stdout());
    for r in &records {
        for field in [
            "id",
            "source",
            "outlet",
            "title",
            "published",
            "author",
            "language",
            "text",
            "removed",
            "entities",
            "quotes",
            "claims",
            "events",
            "framing",
        ] {
            assert!(r.get(field).is_some(), "record lacks {field}: {r}");
        }
        let text = r["text"].as_str().expect("text");
        assert!(!text.trim().is_empty());
        let num_chars = text.chars().count();
        for s in r["sentences"].as_array().expect("sentences") {
            let (a, b) = (
                s[0].as_u64().expect("start") as usize,
                s[1].as_u64().expect("end") as usize,
            );
            assert!(a < b && b <= num_chars, "bad sentence span {s}");
            assert_eq!(char_slice(text, a, b).trim(), char_slice(text, a, b));
        }
        let source = std::fs::read_to_string(r["source"].as_str().expect("source")).expect("seed");
        let source_chars = source.chars().count();
        for removed in r["removed"].as_array().expect("removed") {
            let end = removed[1].as_u64().expect("end") as usize;
            assert!(
                end <= source_chars,
                "removed span past the source: {removed}"
            );
            assert!(removed[2].as_str().is_some_and(|s| !s.is_empty()));
        }
    }
    let again = dir.run(&["extract", seeds.to_str().expect("utf8 path")]);
    let ids = |rs: &[serde_json::Value]| rs.iter().map(|r| r["id"].to_string()).collect::<Vec<_>>();
    assert_eq!(ids(&records), ids(&again.records()), "ids are not stable");
}

#[test]
fn cleaning_keeps_body_sentences_and_drops_furniture() {
    let dir = Dir::new("clean");
    let seeds = seeds_dir();
    let run = dir.run(&["extract", seeds.to_str().expect("utf8 path")]);
    run.expect_code(0);
    for r in run.records() {
        let text = r["text"].as_str().expect("text");
        for furniture in [
            "Skip to content",
            "Skip next section",
            "Go to homepage",
            "http://",
            "https://",
            "/html/head",
            "Sign up to receive",
        ] {
            assert!(
                !text.contains(furniture),
                "{} keeps furniture {furniture:?}",
                r["source"]
            );
        }
        // Every long sentence-like line of the source survives (once), unless it was a copy.
        let source = std::fs::read_to_string(r["source"].as_str().expect("source")).expect("seed");
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let flat = squash(text);
        for line in source.lines() {
            let line = line.trim();
            let is_body = line.split_whitespace().count() >= 12
                && line.ends_with(['.', '"', '”', '?', '!'])
                && !line.contains("http");
            if is_body {
                // The line's end: a dateline glued to its start may rightly go.
                let squashed = squash(line);
                let num_chars = squashed.chars().count();
                let tail: String = squashed
                    .chars()
                    .skip(num_chars.saturating_sub(60))
                    .collect();
                assert!(
                    flat.contains(&tail),
                    "{} lost body line {line:?}",
                    r["source"]
                );
            }
        }
    }
}

#[test]
fn output_formats() {
    let dir = Dir::new("formats");
    dir.write("a.txt", "Skip to content\n\nCouncil approves budget\n\nThe city council approved the budget on Tuesday, officials said.\n");
    let json = dir.run(&["extract", "a.txt", "--format", "json"]);
    json.expect_code(0);
    let parsed: serde_json::Value = serde_json::from_str(&json.stdout()).expect("a JSON array");
    assert_eq!(parsed.as_array().map(Vec::len), Some(1));
    let text = dir.run(&["extract", "a.txt", "--format", "text"]);
    text.expect_code(0);
    assert!(text
        .stdout()
        .contains("The city council approved the budget"));
    let to_file = dir.run(&["extract", "a.txt", "--output", "out.jsonl"]);
    to_file.expect_code(0);
    let written = std::fs::read_to_string(dir.path.join("out.jsonl")).expect("output file");
    assert_eq!(written.lines().count(), 1);
}

#[test]
fn stdin_and_jsonl_inputs() {
    let dir = Dir::new("stdin");
    let run = dir.run_with_stdin(
        &["extract", "-"],
        Some(b"The mayor said the bridge will reopen in May."),
    );
    run.expect_code(0);
    let records = run.records();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["source"], "-");

    dir.write(
        "feed.jsonl",
        concat!(
            "{\"text\": \"Shares rose after the results, the company said.\", \"url\": \"https://news.example/a\", \"title\": \"Shares rise\", \"outlet\": \"Example News\", \"published\": \"2023-05-04\"}\n",
            "{\"text\": \"The match ended in a draw on Saturday.\", \"id\": \"match-1\"}\n",
            "{\"text\": \"Rain is expected across the region tonight.\"}\n",
        ),
    );
    let run = dir.run(&["extract", "feed.jsonl"]);
    run.expect_code(0);
    let records = run.records();
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["source"], "https://news.example/a");
    assert_eq!(records[0]["title"], "Shares rise");
    assert_eq!(records[0]["outlet"], "Example News");
    assert_eq!(records[0]["published"], "2023-05-04");
    assert_eq!(records[1]["source"], "match-1");
    assert_eq!(records[2]["source"], "feed.jsonl:3");
}

#[test]
fn legacy_encodings_are_decoded() {
    let dir = Dir::new("encodings");
    dir.write(
        "cp1252.txt",
        b"The caf\xE9 owner told reporters \x93we will stay open\x94 this winter.\n".as_slice(),
    );
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "Z\u{fc}rich police said the road was closed.".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    dir.write("utf16.txt", utf16);
    let run = dir.run(&["extract", "cp1252.txt", "utf16.txt"]);
    run.expect_code(0);
    let records = run.records();
    assert!(records[0]["text"]
        .as_str()
        .is_some_and(|t| t.contains("café") && t.contains("“we will stay open”")));
    assert!(records[1]["text"]
        .as_str()
        .is_some_and(|t| t.contains("Zürich")));
}

#[test]
fn help_explains_every_subcommand() {
    let dir = Dir::new("help");
    let run = dir.run(&["--help"]);
    run.expect_code(0);
    for sub in ["extract", "bench"] {
        assert!(run.stdout().contains(sub));
        dir.run(&[sub, "--help"]).expect_code(0);
    }
}

#[test]
fn bench_reports_throughput() {
    let dir = Dir::new("bench");
    dir.write(
        "a.txt",
        "The council met on Monday. It approved 12 new homes.",
    );
    let run = dir.run(&["bench", "a.txt", "--repeat", "2"]);
    run.expect_code(0);
    assert!(run.stdout().contains("words/s"), "{}", run.stdout());
}
