//! Both backends give the same answers for the same records: every query, on a corpus with
//! revisions, duplicates, missing dates, case variants and odd names.

use serde_json::json;

use super::testdb::TestDb;
use crate::testutil::{provenance, record, save_parts, Fixture};
use crate::{ArticleFilter, ClaimFilter, EventFilter, QuoteFilter, Store};

fn corpus() -> Vec<Fixture> {
    let dated = |f: Fixture, outlet: &str, date: Option<&str>| {
        let mut f = f;
        f.0["outlet"] = json!(outlet);
        f.0["published"] = json!(date);
        f
    };
    let a = "Coach Maria Lopez praised Ruiz. \"We defended well,\" Lopez said in Leeds.";
    let b = "Lopez signed for Rovers. Ruiz stayed in Leeds. About 300 homes flooded.";
    let c = "The Lopez Foundation opened a clinic; police would not arrest the protesters.";
    let d = "Über 40 Läufer finished the Köln marathon, the mayor said.";
    vec![
        dated(
            record("a", a)
                .entity(
                    "Maria Lopez",
                    "PERSON",
                    &["Lopez"],
                    &["Maria Lopez", "Lopez said"],
                )
                .entity("Ruiz", "PERSON", &[], &["Ruiz"])
                .entity("Leeds", "PLACE", &[], &["Leeds"])
                .quote(Some("Maria Lopez"), "We defended well,")
                .event(
                    "Maria Lopez",
                    "AID",
                    (false, false),
                    "Coach Maria Lopez praised Ruiz.",
                ),
            "Gazette",
            Some("2023-05-02T09:30:00Z"),
        ),
        dated(
            record("b", b)
                .entity("Lopez", "PERSON", &[], &["Lopez"])
                .entity("ruiz", "PERSON", &[], &["Ruiz"])
                .entity("Rovers", "ORG", &[], &["Rovers"])
                .claim(300.0, "homes", Some("town"), "About 300 homes"),
            "herald",
            None,
        ),
        dated(
            record("c", c)
                .entity("Lopez Foundation", "ORG", &[], &["Lopez Foundation"])
                .event("police", "COERCE", (true, true), "police would not arrest"),
            "Gazette",
            Some("2023-05-01"),
        ),
        dated(
            record("d", d)
                .quote(
                    Some("the Mayor"),
                    "Über 40 Läufer finished the Köln marathon",
                )
                .claim(40.0, "Läufer", None, "40 Läufer"),
            "Herald",
            Some("2023-05-03"),
        ),
        // A revision of `c` (same URL) and a duplicate of `a`.
        dated(
            record("c2", "The Lopez Foundation closed its clinic.").url("https://x.example/c"),
            "Gazette",
            Some("2023-05-04"),
        ),
    ]
}

fn load(store: &mut Store) {
    let all = corpus();
    let mut first: Vec<_> = all.iter().take(4).map(Fixture::build).collect();
    first[2].url = Some("https://x.example/c".into());
    let s1 = store.insert_batch(&provenance(), &first).expect("batch 1");
    let second = vec![all[4].build(), all[0].build()];
    let s2 = store.insert_batch(&provenance(), &second).expect("batch 2");
    assert_eq!((s1.num_new, s2.num_revisions, s2.num_duplicates), (4, 1, 1));
}

/// The same answer from both, as JSON (so every field is compared).
fn same<T: serde::Serialize>(what: &str, sqlite: T, pg: T) {
    let (l, r) = (
        serde_json::to_value(sqlite).expect("json"),
        serde_json::to_value(pg).expect("json"),
    );
    assert_eq!(l, r, "{what} differs between SQLite and PostgreSQL");
}

/// The rows a page of `all` holds.
fn window<T: Clone>(all: &[T], (limit, offset): (Option<usize>, usize)) -> Vec<T> {
    let rest = all.get(offset..).unwrap_or_default();
    rest[..limit.unwrap_or(rest.len()).min(rest.len())].to_vec()
}

/// The filter's own page and smaller ones: PostgreSQL fills a page its walk can fill by
/// walking the articles, and reads the matches first otherwise (`super::page`; SQLite alike,
/// `crate::page`): every page must be the same rows as that window of the whole list, and
/// PostgreSQL's must be SQLite's.
fn pages(limit: Option<usize>, offset: usize) -> Vec<(Option<usize>, usize)> {
    vec![
        (limit, offset),
        (Some(1), 0),
        (Some(1), 1),
        (Some(2), 1),
        (Some(3), 2),
        (Some(50), 0),
    ]
}

#[test]
fn every_query_answers_the_same_on_both_backends() {
    let Some(db) = TestDb::create("parity") else {
        return;
    };
    let mut lite = Store::open_in_memory().expect("sqlite");
    let mut pg = Store::open(&db.url).expect("postgres");
    load(&mut lite);
    load(&mut pg);
    let pg = Store::open_read_only(&db.url).expect("read-only");

    same("stats", lite.stats().expect("s"), pg.stats().expect("p"));
    same(
        "records",
        lite.records().expect("s"),
        pg.records().expect("p"),
    );
    same(
        "current records",
        lite.current_records().expect("s"),
        pg.current_records().expect("p"),
    );
    same(
        "record",
        lite.record("d").expect("s"),
        pg.record("d").expect("p"),
    );
    for name in [
        "lopez",
        "LEEDS",
        "Foundation",
        "ruiz",
        "",
        "%",
        "'; DROP TABLE x; --",
    ] {
        same(
            name,
            lite.entity(name).expect("s"),
            pg.entity(name).expect("p"),
        );
    }
    let quote_filters = [
        QuoteFilter::default(),
        QuoteFilter {
            speaker: Some("MAYOR".into()),
            ..QuoteFilter::default()
        },
        QuoteFilter {
            about: Some("köln".into()),
            outlet: Some("herald".into()),
            from: Some("2023-05-02".into()),
            to: Some("2023-05-03".into()),
            ..QuoteFilter::default()
        },
        QuoteFilter {
            offset: 1,
            limit: Some(1),
            ..QuoteFilter::default()
        },
        // Inside words (the trigram indexes), too short for a trigram, and query syntax.
        QuoteFilter {
            speaker: Some("ARIA lop".into()),
            about: Some("e defended".into()),
            ..QuoteFilter::default()
        },
        QuoteFilter {
            speaker: Some("ia".into()),
            ..QuoteFilter::default()
        },
        QuoteFilter {
            about: Some("\"We def".into()),
            ..QuoteFilter::default()
        },
        QuoteFilter {
            about: Some("well,\" OR x".into()),
            ..QuoteFilter::default()
        },
    ];
    for f in &quote_filters {
        for page in pages(f.limit, f.offset) {
            let f = QuoteFilter {
                limit: page.0,
                offset: page.1,
                ..f.clone()
            };
            let all = QuoteFilter {
                limit: None,
                offset: 0,
                ..f.clone()
            };
            let all = lite.quotes(&all).expect("s");
            same(
                "quotes page",
                window(&all, page),
                lite.quotes(&f).expect("s"),
            );
            same(
                "quotes",
                lite.quotes(&f).expect("s"),
                pg.quotes(&f).expect("p"),
            );
        }
    }
    for f in [
        ClaimFilter::default(),
        ClaimFilter {
            noun: Some("HOME".into()),
            subject: Some("town".into()),
            ..ClaimFilter::default()
        },
        ClaimFilter {
            noun: Some("50%_".into()),
            ..ClaimFilter::default()
        },
        ClaimFilter {
            noun: Some("ome".into()),
            ..ClaimFilter::default()
        },
        ClaimFilter {
            noun: Some("äufe".into()),
            ..ClaimFilter::default()
        },
    ] {
        for (limit, offset) in pages(f.limit, f.offset) {
            let f = ClaimFilter {
                limit,
                offset,
                ..f.clone()
            };
            let all = ClaimFilter {
                limit: None,
                offset: 0,
                ..f.clone()
            };
            let all = lite.claims(&all).expect("s");
            let page = window(&all, (limit, offset));
            same("claims page", page, lite.claims(&f).expect("s"));
            same(
                "claims",
                lite.claims(&f).expect("s"),
                pg.claims(&f).expect("p"),
            );
        }
    }
    for f in [
        EventFilter::default(),
        EventFilter {
            asserted_only: true,
            ..EventFilter::default()
        },
        EventFilter {
            actor: Some("POLICE".into()),
            action: Some("coerce".into()),
            ..EventFilter::default()
        },
        EventFilter {
            actor: Some("ria lo".into()),
            ..EventFilter::default()
        },
    ] {
        for (limit, offset) in pages(f.limit, f.offset) {
            let f = EventFilter {
                limit,
                offset,
                ..f.clone()
            };
            let all = EventFilter {
                limit: None,
                offset: 0,
                ..f.clone()
            };
            let all = lite.events(&all).expect("s");
            let page = window(&all, (limit, offset));
            same("events page", page, lite.events(&f).expect("s"));
            same(
                "events",
                lite.events(&f).expect("s"),
                pg.events(&f).expect("p"),
            );
        }
    }
    for f in [
        ArticleFilter::default(),
        ArticleFilter {
            outlet: Some("GAZETTE".into()),
            from: Some("2023-05-01".into()),
            to: Some("2023-05-02".into()),
            ..ArticleFilter::default()
        },
        ArticleFilter {
            ids: Some(vec!["d".into(), "a".into(), "\"; DROP".into()]),
            after: Some(1),
            limit: Some(1),
            ..ArticleFilter::default()
        },
    ] {
        same(
            "articles",
            lite.articles(&f).expect("s"),
            pg.articles(&f).expect("p"),
        );
    }
    // Search: the same articles (ranking functions differ, so scores and snippets do).
    for q in [
        "lopez",
        "Leeds ruiz",
        "clinic",
        "\"unbalanced",
        "",
        "marathon KÖLN",
        // Accents do not matter on either backend.
        "koln",
        "LAUFER uber",
    ] {
        let ids = |hits: Vec<crate::SearchHit>| {
            let mut ids: Vec<String> = hits.into_iter().map(|h| h.article.id).collect();
            ids.sort();
            ids
        };
        same(
            q,
            ids(lite.search(q, 10).expect("s")),
            ids(pg.search(q, 10).expect("p")),
        );
    }
    assert_eq!(pg.search("koln", 10).expect("search").len(), 1);
    let hits = pg.search("clinic", 10).expect("search");
    assert_eq!(hits.len(), 1, "the replaced revision is not found");
    assert!(hits[0].snippet.contains("[clinic]"), "{}", hits[0].snippet);
}

#[test]
fn a_revision_chain_and_repeats_within_one_batch_are_stored_alike() {
    let Some(db) = TestDb::create("chain") else {
        return;
    };
    let url = "https://x.example/live";
    let v = |id: &str, text: &str| record(id, text).url(url).build();
    let batch = vec![
        v("v1", "The bridge is closed."),
        v("v2", "The bridge is closed until Friday."),
        v("v1", "The bridge is closed."),
        record("other", "Another story.").build(),
        v("v3", "The bridge reopened."),
    ];
    let mut sqlite = Store::open_in_memory().expect("sqlite");
    let mut pg = Store::open(&db.url).expect("postgres");
    for store in [&mut sqlite, &mut pg] {
        let s = store.insert_batch(&provenance(), &batch).expect("batch");
        assert_eq!((s.num_new, s.num_revisions, s.num_duplicates), (2, 2, 1));
        let again = store.insert_batch(&provenance(), &batch).expect("again");
        assert_eq!(again.num_duplicates, 5);
    }
    let ids = |store: &Store| -> Vec<String> {
        let current = store.current_records().expect("current");
        current.into_iter().map(|r| r.id).collect()
    };
    assert_eq!(ids(&pg), ["other", "v3"]);
    assert_eq!(ids(&sqlite), ids(&pg));
    same(
        "records",
        sqlite.records().expect("r"),
        pg.records().expect("r"),
    );
    same("stats", sqlite.stats().expect("s"), pg.stats().expect("s"));
}

#[test]
fn stored_analysis_is_current_until_the_next_ingest() {
    let Some(db) = TestDb::create("analysis") else {
        return;
    };
    let mut pg = Store::open(&db.url).expect("postgres");
    assert!(save_parts(&mut pg, 0, &[("stories", "[]")]));
    assert_eq!(pg.analysis("stories").expect("read").as_deref(), Some("[]"));
    let batch = [record("a", "Rain.").build()];
    pg.insert_batch(&provenance(), &batch).expect("insert");
    assert_eq!(pg.analysis("stories").expect("read"), None, "stale");
    let generation = pg.generation().expect("generation");
    assert!(save_parts(&mut pg, generation, &[("stories", "[\u{0}1]")]));
    let reader = Store::open_read_only(&db.url).expect("reader");
    assert_eq!(
        reader.analysis("stories").expect("read").as_deref(),
        Some("[\u{0}1]")
    );
    assert!(!save_parts(&mut pg, 0, &[]));
}
