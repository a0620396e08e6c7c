//! Cross-article analysis over the sample corpus, asserted from stored data (storyline
//! issue 5): the troop-number disagreement with its sources, Lavrov's quotes under one entity
//! across two articles, and the 2014 article as an earlier phase of the 2022 story.

use serde_json::Value;

use crate::util::{seeds_dir, Dir};

/// A temp directory holding `seeds.db`, ingested from the sample corpus by the binary.
fn ingested() -> Dir {
    let dir = Dir::new("analyse");
    let seeds = seeds_dir();
    dir.run(&[
        "ingest",
        seeds.to_str().expect("utf8 path"),
        "--db",
        "seeds.db",
    ])
    .expect_code(0);
    dir
}

fn json(dir: &Dir, args: &[&str]) -> Value {
    let run = dir.run(args);
    run.expect_code(0);
    serde_json::from_str(&run.stdout())
        .unwrap_or_else(|e| panic!("{}: not JSON ({e}):\n{}", run.description, run.stdout()))
}

#[test]
fn troop_numbers_disagree_and_2014_is_an_earlier_phase() {
    let dir = ingested();
    let found = json(
        &dir,
        &["disagreements", "--db", "seeds.db", "--format", "json"],
    );
    let troops = found
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|d| d["noun"] == "troops" && d["subject"] == "Russia")
        })
        .unwrap_or_else(|| panic!("no troop disagreement in {found:#}"));
    let figure = |v: f64| {
        troops["claims"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(move |c| c["value"].as_f64() == Some(v))
    };
    assert!(
        figure(70_000.0).any(|c| c["outlet"] == "WION" && c["claimant"] == "US intelligence"),
        "{troops:#}"
    );
    assert!(
        figure(100_000.0).any(|c| c["outlet"] == "DW" && c["hedge"] == "over"),
        "{troops:#}"
    );
    assert!(
        figure(130_000.0).any(|c| c["hedge"] == "some"),
        "{troops:#}"
    );
    let earlier = troops["earlier_phases"].as_array().expect("earlier phases");
    assert!(
        earlier
            .iter()
            .any(|c| c["value"].as_f64() == Some(20_000.0) && c["date"] == "2014-08-07"),
        "{troops:#}"
    );
    assert!(
        figure(20_000.0).next().is_none(),
        "2014 figure kept apart: {troops:#}"
    );

    let stories = json(&dir, &["stories", "--db", "seeds.db", "--format", "json"]);
    let stories = stories.as_array().expect("array");
    let with_date = |d: &str| {
        stories
            .iter()
            .find(|s| {
                s["articles"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|a| a["published"] == d)
            })
            .cloned()
    };
    let old = with_date("2014-08-07").expect("2014 story");
    let new = with_date("2022-01-30").expect("2022 story");
    assert_ne!(old["id"], new["id"]);
    assert_eq!(old["articles"].as_array().map(Vec::len), Some(1));
    assert_eq!(new["earlier_phase"], old["id"]);
    assert_eq!(
        (old["phase"].as_u64(), new["phase"].as_u64()),
        (Some(1), Some(2))
    );
}

#[test]
fn lavrov_quotes_gather_under_one_entity() {
    let dir = ingested();
    let items = json(
        &dir,
        &[
            "timeline", "--db", "seeds.db", "--entity", "Lavrov", "--format", "json",
        ],
    );
    let quotes: Vec<&Value> = items
        .as_array()
        .into_iter()
        .flatten()
        .filter(|i| i["kind"] == "quote" && i["who"] == "Sergey Lavrov")
        .collect();
    let mut articles: Vec<&str> = quotes
        .iter()
        .filter_map(|q| q["article"].as_str())
        .collect();
    articles.sort_unstable();
    articles.dedup();
    assert_eq!(articles.len(), 2, "{items:#}");

    let report = dir.run(&["report", "--db", "seeds.db"]);
    report.expect_code(0);
    let md = report.stdout();
    assert!(
        md.contains("### Sergey Lavrov (") && md.contains(", 2 articles)"),
        "{md}"
    );
    assert!(
        md.contains("| 130,000 |") && md.contains("earlier phase"),
        "{md}"
    );
    let html = dir.run(&["report", "--db", "seeds.db", "--format", "html"]);
    html.expect_code(0);
    assert!(html.stdout().starts_with("<!DOCTYPE html>"));
}

#[test]
fn analysis_of_a_missing_database_fails_clearly() {
    let dir = Dir::new("analyse-missing");
    let run = dir.run(&["stories", "--db", "nope.db"]);
    run.expect_code(2);
    assert!(run.stderr().contains("nope.db"), "{}", run.stderr());
    let empty = ingested();
    let csv = empty.run(&["timeline", "--db", "seeds.db", "--story", "no-such-story"]);
    csv.expect_code(2);
}
