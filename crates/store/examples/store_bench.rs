//! Store benchmark: writes N synthetic article records (entities, quotes, claims, events, 1%
//! revisions) into a database in batches, then times every per-item query kind.
//!
//! ```text
//! cargo run --release -p storyline-store --example store_bench -- DB N [BATCH]
//! ```
//!
//! `DB` is an SQLite file (removed first) or a `postgres://` URL of an empty database. Prints
//! ingest throughput and p50/p99 latency (of 20 runs after one warm-up) per query kind as a
//! Markdown table. The records are made here, without the extraction pipeline, so this measures
//! the store alone.

use std::time::Instant;

use serde_json::{json, Value};
use storyline_record::Record;
use storyline_store::{
    ArticleFilter, ClaimFilter, EventFilter, Provenance, QuoteFilter, Store, StoreError,
};

const PEOPLE: usize = 2_000;
const OUTLETS: usize = 40;
const NOUNS: &[&str] = &[
    "homes", "troops", "jobs", "patients", "flights", "tonnes", "votes", "schools", "workers",
    "cases",
];
const ACTIONS: &[&str] = &[
    "AID",
    "ACCUSE",
    "AGREE",
    "ASSAULT",
    "COERCE",
    "CONSULT",
    "DEMAND",
    "MOBILIZE",
    "PROTEST",
    "RETREAT",
    "REJECT",
    "REQUEST",
    "SANCTION",
    "SUPPORT",
    "THREATEN",
    "COOPERATE",
];
const WORDS: &[&str] = &[
    "harbour", "council", "storm", "budget", "election", "court", "strike", "market", "bridge",
    "hospital", "river", "school", "airport", "treaty", "factory", "border",
];

/// A deterministic pseudo-random number from `i` and `salt`.
fn pick(i: usize, salt: usize, n: usize) -> usize {
    let mut x = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ (salt as u64).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 31;
    x = x.wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^= x >> 29;
    (x % n as u64) as usize
}

fn person(k: usize) -> String {
    format!("Person{k} Surname{}", k % 397)
}

/// Appends `sentence` to `text`, returning its character span.
fn add(text: &mut String, sentence: &str) -> [usize; 2] {
    let start = text.chars().count();
    text.push_str(sentence);
    text.push(' ');
    [start, start + sentence.chars().count()]
}

fn record(i: usize) -> Record {
    // 1% of articles are corrected revisions of the article 50 before them (same URL).
    let base = if i >= 50 && pick(i, 9, 100) == 0 {
        i - 50
    } else {
        i
    };
    let (a, b) = (pick(base, 1, PEOPLE), pick(base, 2, PEOPLE));
    let word = WORDS[pick(base, 3, WORDS.len())];
    let noun = NOUNS[pick(i, 4, NOUNS.len())];
    let action = ACTIONS[pick(i, 5, ACTIONS.len())];
    let value = 10 + pick(i, 6, 5000);
    let mut text = String::new();
    let intro = add(
        &mut text,
        &format!(
            "{} met {} at the {word} on Monday, report {i}.",
            person(a),
            person(b)
        ),
    );
    let quote_words = format!("We will rebuild the {word} before winter");
    let q = add(
        &mut text,
        &format!("\"{quote_words},\" {} said.", person(a)),
    );
    let claim_words = format!("About {value} {noun}");
    let c = add(
        &mut text,
        &format!("{claim_words} were affected, officials said."),
    );
    for k in 0..12 {
        add(
            &mut text,
            &format!(
                "The {} and the {} were discussed again as item {k} of the day.",
                WORDS[pick(i, 10 + k, WORDS.len())],
                WORDS[pick(i, 30 + k, WORDS.len())]
            ),
        );
    }
    let quote_span = [q[0] + 1, q[0] + 1 + quote_words.chars().count()];
    let claim_span = [c[0], c[0] + claim_words.chars().count()];
    let entity = |k: usize, span: [usize; 2]| {
        json!({"name": person(k), "type": "PERSON", "aliases": [format!("Surname{}", k % 397)],
               "role": null, "mentions": [span]})
    };
    let value_json: Value = json!({
        "id": format!("a{i}"), "source": format!("feed/{i}.json"),
        "url": format!("https://news{}.example/{base}", base % OUTLETS),
        "outlet": format!("Outlet {}", pick(i, 7, OUTLETS)),
        "title": format!("{word} talks, report {i}"),
        "published": format!("2024-{:02}-{:02}", 1 + pick(base, 8, 12), 1 + pick(i, 11, 28)),
        "author": null, "language": "en", "text": text, "removed": [],
        "entities": [entity(a, intro), entity(b, intro)],
        "quotes": [{"text": quote_words, "span": quote_span, "speaker": person(a),
                    "speaker_span": null, "cue": "said", "kind": "direct"}],
        "claims": [{"value": value as f64, "unit": null, "noun": noun, "subject": word,
                    "place": null, "hedge": "about", "claimant": "officials",
                    "text": claim_words, "span": claim_span}],
        "events": [{"source": person(a), "action": action, "target": person(b),
                    "negated": false, "hypothetical": pick(i, 12, 10) == 0, "span": intro}],
    });
    serde_json::from_value(value_json).expect("synthetic record")
}

/// One timed query kind: runs it once, answering how many rows it found.
type Query<'a> = Box<dyn Fn() -> Result<usize, StoreError> + 'a>;

/// p50 and p99 (nearest rank) of `runs` timings, in milliseconds.
fn percentiles(mut runs: Vec<f64>) -> (f64, f64) {
    runs.sort_by(f64::total_cmp);
    let at = |p: f64| runs[((p * runs.len() as f64).ceil() as usize).clamp(1, runs.len()) - 1];
    (at(0.5), at(0.99))
}

fn main() -> Result<(), StoreError> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(db), Some(n)) = (
        args.get(1),
        args.get(2).and_then(|n| n.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: store_bench DB N [BATCH]");
        std::process::exit(2);
    };
    let batch = args.get(3).and_then(|b| b.parse().ok()).unwrap_or(500usize);
    if storyline_store::postgres_url(db.as_ref()).is_none() {
        for ext in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{db}{ext}"));
        }
    }
    let provenance = Provenance {
        storyline_version: "bench".into(),
        settings: "{}".into(),
    };
    let mut store = Store::open(db)?;
    let started = Instant::now();
    let mut pending = Vec::with_capacity(batch);
    for i in 0..n {
        pending.push(record(i));
        if pending.len() == batch || i + 1 == n {
            store.insert_batch(&provenance, &pending)?;
            pending.clear();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "| ingest {n} records, batches of {batch} | {secs:.1} s | {:.0} records/s |",
        n as f64 / secs
    );
    let store = Store::open_read_only(db)?;
    let probe = person(pick(0, 1, PEOPLE));
    let kinds: Vec<(&str, Query)> = vec![
        (
            "stats",
            Box::new(|| store.stats().map(|s| s.articles as usize)),
        ),
        (
            "search `harbour council` (10 hits)",
            Box::new(|| store.search("harbour council", 10).map(|h| h.len())),
        ),
        (
            "record by id",
            Box::new(|| store.record("a7").map(|r| r.map_or(0, |_| 1))),
        ),
        (
            "articles: outlet, page of 50",
            Box::new(|| {
                store
                    .articles(&ArticleFilter {
                        outlet: Some("outlet 3".into()),
                        limit: Some(50),
                        ..ArticleFilter::default()
                    })
                    .map(|r| r.len())
            }),
        ),
        (
            "entity NAME",
            Box::new(|| store.entity(&probe).map(|r| r.occurrences.len())),
        ),
        (
            "quotes --speaker NAME",
            Box::new(|| {
                store
                    .quotes(&QuoteFilter {
                        speaker: Some(probe.clone()),
                        limit: Some(50),
                        ..QuoteFilter::default()
                    })
                    .map(|r| r.len())
            }),
        ),
        (
            "quotes --about WORD, first 50",
            Box::new(|| {
                store
                    .quotes(&QuoteFilter {
                        about: Some("bridge".into()),
                        limit: Some(50),
                        ..QuoteFilter::default()
                    })
                    .map(|r| r.len())
            }),
        ),
        (
            "claims --noun NOUN, first 50",
            Box::new(|| {
                store
                    .claims(&ClaimFilter {
                        noun: Some("troops".into()),
                        limit: Some(50),
                        ..ClaimFilter::default()
                    })
                    .map(|r| r.len())
            }),
        ),
        (
            "events --actor NAME --type T",
            Box::new(|| {
                store
                    .events(&EventFilter {
                        actor: Some(probe.clone()),
                        action: Some("aid".into()),
                        ..EventFilter::default()
                    })
                    .map(|r| r.len())
            }),
        ),
    ];
    println!("| query | p50 ms | p99 ms | rows |");
    println!("|---|---:|---:|---:|");
    for (name, query) in &kinds {
        let rows = query()?;
        let mut runs = Vec::new();
        for _ in 0..20 {
            let t = Instant::now();
            query()?;
            runs.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        let (p50, p99) = percentiles(runs);
        println!("| {name} | {p50:.1} | {p99:.1} | {rows} |");
    }
    Ok(())
}
