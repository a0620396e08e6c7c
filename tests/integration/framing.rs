//! `storyline framing` over a corpus written by the test: one outlet in loaded language, one in
//! wire style, on the same story; rows per outlet and per story, JSON, CSV and the report.

use serde_json::Value;

use crate::util::Dir;

const LOADED: &str = "The Kiev regime staged a so-called 'referendum' in Zaporizhzhia on Sunday, \
    while Western media spread hysteria about the vote. Officials allegedly threatened voters \
    in Melitopol. \"This is a baseless smear,\" Viktor Orlenko, the regional governor, told \
    reporters in Zaporizhzhia on Sunday.";
const WIRE: &str = "Authorities in Zaporizhzhia held a vote on Sunday on the status of the \
    region, officials said. Turnout in Melitopol was not immediately known. \"The vote was \
    calm,\" Viktor Orlenko, the regional governor, told reporters in Zaporizhzhia.";

fn corpus() -> Dir {
    let dir = Dir::new("framing");
    let line = |outlet: &str, id: &str, text: &str| {
        serde_json::json!({"id": id, "outlet": outlet, "title": "Zaporizhzhia vote",
                           "published": "2022-09-25", "text": text})
        .to_string()
    };
    dir.write(
        "articles.jsonl",
        format!(
            "{}\n{}\n",
            line("Herald", "a", LOADED),
            line("Wire", "b", WIRE)
        ),
    );
    dir.run(&["ingest", "articles.jsonl", "--db", "f.db"])
        .expect_code(0);
    dir
}

fn rows(dir: &Dir, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["framing", "--db", "f.db", "--format", "json"];
    args.extend_from_slice(extra);
    let run = dir.run(&args);
    run.expect_code(0);
    let v: Value = serde_json::from_str(&run.stdout()).expect("JSON rows");
    v.as_array().cloned().expect("a list of rows")
}

#[test]
fn outlets_are_compared_in_their_own_voice() {
    let dir = corpus();
    let all = rows(&dir, &[]);
    let total = |outlet: &str| {
        all.iter()
            .find(|r| r["outlet"] == outlet && r["story"].is_null())
            .cloned()
            .unwrap_or_else(|| panic!("no corpus row for {outlet}: {all:#?}"))
    };
    let herald = total("Herald");
    let wire = total("Wire");
    for field in [
        "outlet",
        "words",
        "per_1000_words",
        "scare_quote",
        "so_called",
        "hedge",
        "loaded",
    ] {
        assert!(herald.get(field).is_some(), "row lacks {field}: {herald}");
    }
    assert!(herald["loaded"].as_u64() >= Some(2), "{herald:#}");
    assert!(herald["so_called"].as_u64() >= Some(1), "{herald:#}");
    assert_eq!(herald["hedge"].as_u64(), Some(1), "{herald:#}");
    // "baseless smear" is the governor's, not the outlet's.
    assert!(herald["in_others_words"].as_u64() >= Some(1), "{herald:#}");
    assert_eq!(wire["markers"].as_u64(), Some(0), "{wire:#}");
    assert!(herald["per_1000_words"].as_f64() > wire["per_1000_words"].as_f64());
    let story = all
        .iter()
        .find_map(|r| r["story"].as_str().map(str::to_string))
        .expect("a per-story row");
    let side_by_side = rows(&dir, &["--story", &story]);
    assert_eq!(side_by_side.len(), 2, "{side_by_side:#?}");
}

#[test]
fn csv_table_report_and_unknown_story() {
    let dir = corpus();
    let csv = dir.run(&["framing", "--db", "f.db", "--format", "csv"]);
    csv.expect_code(0);
    assert!(csv
        .stdout()
        .starts_with("story,outlet,articles,words,markers,per_1000_words"));
    let report = dir.run(&["report", "--db", "f.db"]);
    report.expect_code(0);
    assert!(
        report.stdout().contains("## Framing"),
        "{}",
        report.stdout()
    );
    let missing = dir.run(&["framing", "--db", "f.db", "--story", "nope"]);
    missing.expect_code(2);
    assert!(
        missing.stderr().contains("no story"),
        "{}",
        missing.stderr()
    );
}
