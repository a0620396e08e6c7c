//! Events counted once per story across outlets (storyline issue 7): three outlets report the
//! same troop deployment, a fourth denies it; `event-counts` lists the deployment once with
//! three mentions and keeps the denial apart.

use serde_json::Value;

use crate::util::Dir;

/// Three outlets, one story, one event; then a denial from a fourth outlet.
const ARTICLES: &str = r#"{"outlet":"Coastal Wire","published":"2024-05-06","title":"Venezuela sends troops to Guyana border","text":"Venezuela sent troops to the border with Guyana on Monday, officials in Georgetown said. Residents of Lethem near the Essequibo region saw convoys, and schools closed early. Guyana's president Irfaan Ali called the move reckless."}
{"outlet":"Caribbean Daily","published":"2024-05-07","title":"Guyana alarmed as Venezuela deploys troops","text":"Venezuela has sent troops to the border with Guyana, raising fears in the Essequibo region. In Lethem, shops shut as soldiers were seen across the river. Irfaan Ali, Guyana's president, urged calm."}
{"outlet":"Andes Post","published":"2024-05-07T18:30:00-04:00","title":"Troops at the Essequibo","text":"Venezuela sent troops to the border with Guyana, according to satellite images reviewed by analysts. Residents of Lethem near the Essequibo region described convoys. Irfaan Ali, the president of Guyana, said his government was watching closely."}
{"outlet":"Caracas Radio","published":"2024-05-07","title":"Caracas denies deployment","text":"Venezuela did not send troops to the border with Guyana, the defence ministry in Caracas said. Reports from Lethem near the Essequibo region were false, it added. Irfaan Ali, Guyana's president, was not available."}
"#;

fn ingested() -> Dir {
    let dir = Dir::new("event-counts");
    dir.write("border.jsonl", ARTICLES);
    dir.run(&["ingest", "border.jsonl", "--db", "border.db"])
        .expect_code(0);
    dir
}

fn json(dir: &Dir, args: &[&str]) -> Value {
    let run = dir.run(args);
    run.expect_code(0);
    serde_json::from_str(&run.stdout())
        .unwrap_or_else(|e| panic!("{}: not JSON ({e}):\n{}", run.description, run.stdout()))
}

/// Every event of every story in `event-counts` JSON.
fn events(found: &Value) -> Vec<&Value> {
    found
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|s| s["events"].as_array().into_iter().flatten())
        .collect()
}

fn is_deployment(e: &Value) -> bool {
    e["action"] == "MOBILIZE" && e["source"] == "Venezuela" && e["target"] == "Guyana"
}

#[test]
fn a_deployment_reported_by_three_outlets_counts_once() {
    let dir = ingested();
    let found = json(
        &dir,
        &["event-counts", "--db", "border.db", "--format", "json"],
    );
    let stories = found.as_array().expect("array of stories");
    assert_eq!(stories.len(), 1, "one story: {found:#}");
    let asserted: Vec<&Value> = events(&found)
        .into_iter()
        .filter(|e| is_deployment(e) && e["modality"] == "asserted")
        .collect();
    assert_eq!(asserted.len(), 1, "counted once: {found:#}");
    let deployment = asserted[0];
    assert_eq!(deployment["num_mentions"], 3, "{deployment:#}");
    assert_eq!(
        deployment["outlets"],
        serde_json::json!(["Coastal Wire", "Caribbean Daily", "Andes Post"]),
        "{deployment:#}"
    );
    assert_eq!(deployment["first_date"], "2024-05-06");
    let mentions = deployment["mentions"].as_array().expect("mentions");
    assert!(
        mentions
            .iter()
            .all(|m| m["text"].as_str().is_some_and(|t| t.contains("troops"))),
        "{deployment:#}"
    );

    // The story's counts agree with its events.
    let story = &stories[0];
    let listed = story["events"].as_array().map_or(0, Vec::len);
    assert_eq!(story["num_events"].as_u64(), Some(listed as u64));

    // Only reports of fact with --asserted-only; the story filter keeps the same story.
    let id = story["story"].as_str().expect("story id");
    let only = json(
        &dir,
        &[
            "event-counts",
            "--db",
            "border.db",
            "--story",
            id,
            "--asserted-only",
            "--format",
            "json",
        ],
    );
    let kept = events(&only);
    assert!(kept.iter().any(|e| is_deployment(e)), "{only:#}");
    assert!(kept.iter().all(|e| e["modality"] == "asserted"), "{only:#}");
}

#[test]
fn tables_and_the_report_show_the_counts() {
    let dir = ingested();
    let csv = dir.run(&["event-counts", "--db", "border.db", "--format", "csv"]);
    csv.expect_code(0);
    let out = csv.stdout();
    assert!(
        out.starts_with("story,event,first date,action,source,target,modality,mentions,outlets"),
        "{out}"
    );
    assert!(
        out.lines().any(|l| l.contains("MOBILIZE")
            && l.contains(",3,Coastal Wire; Caribbean Daily; Andes Post,")),
        "{out}"
    );
    let report = dir.run(&["report", "--db", "border.db"]);
    report.expect_code(0);
    let md = report.stdout();
    assert!(md.contains("## Events"), "{md}");
    assert!(md.contains("| MOBILIZE | Venezuela"), "{md}");

    let missing = dir.run(&["event-counts", "--db", "border.db", "--story", "nope"]);
    missing.expect_code(2);
    assert!(
        missing.stderr().contains("no story"),
        "{}",
        missing.stderr()
    );
}
