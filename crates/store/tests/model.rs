//! Property test: random sequences of ingest, re-ingest and revise, in random batches, against
//! a tiny model of what the store must hold.

use std::collections::{HashMap, HashSet};

use proptest::prelude::*;
use storyline_record::{Article, Record};
use storyline_store::{Provenance, Store};

/// One operation on the store.
#[derive(Debug, Clone)]
enum Op {
    /// Ingest body `body` published at URL `url`.
    Ingest { body: u8, url: u8 },
    /// Ingest again the record of an earlier operation (by index, modulo the history).
    Reingest(usize),
    /// A new body at the URL of an earlier operation: a revision.
    Revise { earlier: usize, body: u8 },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0u8..12, 0u8..6).prop_map(|(body, url)| Op::Ingest { body, url }),
        any::<usize>().prop_map(Op::Reingest),
        (any::<usize>(), 0u8..12).prop_map(|(earlier, body)| Op::Revise { earlier, body }),
    ]
}

fn make(body: u8, url: u8) -> Record {
    let mut a = Article::new(format!("feed-{url}.txt"), "");
    a.set_text(format!(
        "Council budget story, draft {body}: spending rises."
    ));
    a.meta.url = Some(format!("https://news.example/{url}"));
    Record::from_article(&a)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn article_count_equals_distinct_ids(
        ops in prop::collection::vec(op(), 1..40),
        batch_sizes in prop::collection::vec(1usize..6, 1..40),
    ) {
        let mut store = Store::open_in_memory().expect("store");
        let provenance = Provenance { storyline_version: "model".into(), settings: "{}".into() };
        let mut history: Vec<(u8, u8)> = Vec::new();
        let mut records = Vec::new();
        for op in &ops {
            let (body, url) = match *op {
                Op::Ingest { body, url } => (body, url),
                Op::Reingest(i) if !history.is_empty() => history[i % history.len()],
                Op::Revise { earlier, body } if !history.is_empty() => {
                    (body, history[earlier % history.len()].1)
                }
                Op::Reingest(_) | Op::Revise { .. } => (0, 0),
            };
            history.push((body, url));
            records.push(make(body, url));
        }

        // The model: distinct ids; a new id at a URL already holding one is a revision.
        let mut ids = HashSet::new();
        let mut latest_at_url: HashMap<Option<String>, String> = HashMap::new();
        let mut num_revisions = 0;
        let mut total = storyline_store::BatchSummary::default();
        let mut rest = records.as_slice();
        let mut sizes = batch_sizes.iter().cycle();
        while !rest.is_empty() {
            let n = (*sizes.next().unwrap_or(&1)).min(rest.len());
            let (batch, tail) = rest.split_at(n);
            for r in batch {
                if ids.insert(r.id.clone())
                    && latest_at_url.insert(r.url.clone(), r.id.clone()).is_some()
                {
                    num_revisions += 1;
                }
            }
            total.add(store.insert_batch(&provenance, batch).expect("insert"));
            rest = tail;
        }

        prop_assert_eq!(store.num_articles().expect("count"), ids.len() as u64);
        let stats = store.stats().expect("stats");
        prop_assert_eq!(stats.revisions, num_revisions);
        prop_assert_eq!(total.num_new + total.num_revisions, ids.len() as u64);
        prop_assert_eq!(total.num_new + total.num_revisions + total.num_duplicates, records.len() as u64);
        // Exactly one current article per URL, and it is the latest body stored there.
        let current: HashSet<String> =
            store.current_records().expect("records").into_iter().map(|r| r.id).collect();
        let expected: HashSet<String> = latest_at_url.into_values().collect();
        prop_assert_eq!(current, expected);
    }
}
