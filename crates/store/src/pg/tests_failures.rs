//! PostgreSQL failures: a refused login, a server that goes away in the middle of a batch, and
//! several ingesters writing one database at once.

use std::time::Duration;

use postgres::{Client, NoTls};
use storyline_record::Record;

use super::testdb::TestDb;
use crate::testutil::{provenance, record};
use crate::{Store, StoreError};

fn records(prefix: &str, n: usize) -> Vec<Record> {
    (0..n)
        .map(|i| {
            record(
                &format!("{prefix}{i}"),
                &format!("Report {i}: the harbour wall held."),
            )
            .quote(Some("Ann"), "the harbour wall held")
            .event("Ann", "AID", (false, false), "the harbour wall held")
            .entity("Ann", "PERSON", &[], &["harbour"])
            .build()
        })
        .collect()
}

#[test]
fn a_refused_login_is_a_clear_error_without_the_password() {
    let Some(db) = TestDb::create("login") else {
        return;
    };
    let (scheme_user, host) = db.url.rsplit_once('@').expect("URL with a user");
    let user = scheme_user.rsplit_once(':').map_or(scheme_user, |(u, _)| u);
    let wrong = format!("{user}:not-the-password@{host}");
    let err = Store::open(&wrong).expect_err("wrong password");
    assert!(matches!(err, StoreError::LoginRefused { .. }), "{err}");
    let msg = err.to_string();
    assert!(
        msg.contains("refused the login") && !msg.contains("not-the-password"),
        "{msg}"
    );
    let (base, _) = db.url.rsplit_once('/').expect("database");
    let err = Store::open(format!("{base}/no_such_database")).expect_err("no database");
    assert!(matches!(err, StoreError::LoginRefused { .. }), "{err}");
}

#[test]
fn a_server_lost_mid_batch_rolls_it_back_and_a_rerun_completes() {
    let Some(db) = TestDb::create("lost") else {
        return;
    };
    let mut store = Store::open(&db.url).expect("open");
    store
        .insert_batch(&provenance(), &records("early", 3))
        .expect("first batch");
    // Another session locks the events table, so the next batch stops after writing its
    // articles; then that batch's connection is killed, as a server going away would.
    let mut holder = Client::connect(&db.url, NoTls).expect("holder");
    let mut lock = holder.transaction().expect("tx");
    lock.batch_execute("LOCK TABLE events IN ACCESS EXCLUSIVE MODE")
        .expect("lock");
    let batch = records("late", 5);
    let writer = {
        let batch = batch.clone();
        std::thread::spawn(move || store.insert_batch(&provenance(), &batch))
    };
    let mut killer = Client::connect(&db.url, NoTls).expect("killer");
    let mut killed = 0;
    for _ in 0..200 {
        killed = killer
            .query_one(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                 WHERE datname = current_database() AND wait_event_type = 'Lock'
                   AND query LIKE '%INSERT INTO events%'",
                &[],
            )
            .and_then(|r| r.try_get::<_, i64>(0))
            .expect("terminate");
        if killed > 0 {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(killed, 1, "the batch reached the locked table");
    lock.rollback().expect("release");
    let err = writer.join().expect("thread").expect_err("connection lost");
    assert!(matches!(err, StoreError::ConnectionLost { .. }), "{err}");
    assert!(
        err.to_string().contains("run the same command again"),
        "{err}"
    );

    let mut again = Store::open(&db.url).expect("reconnect");
    assert_eq!(
        again.num_articles().expect("count"),
        3,
        "nothing of the lost batch"
    );
    let summary = again.insert_batch(&provenance(), &batch).expect("re-run");
    assert_eq!(summary.num_new, 5);
    let summary = again
        .insert_batch(&provenance(), &batch)
        .expect("re-run again");
    assert_eq!(summary.num_duplicates, 5);
    let stats = again.stats().expect("stats");
    assert_eq!((stats.articles, stats.quotes, stats.events), (8, 8, 8));
}

#[test]
fn concurrent_ingesters_store_each_article_once() {
    let Some(db) = TestDb::create("concurrent") else {
        return;
    };
    Store::open(&db.url).expect("create");
    // Four writers, overlapping batches, revisions of one URL from every writer.
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let url = db.url.clone();
            std::thread::spawn(move || {
                let mut store = Store::open(&url).expect("open");
                for b in 0..5 {
                    let mut batch = records("shared", 20);
                    batch.rotate_left((w * 7 + b) % 20);
                    let mut revision = record(&format!("rev-{w}-{b}"), "Revised.").build();
                    revision.url = Some("https://x.example/live".into());
                    batch.push(revision);
                    store.insert_batch(&provenance(), &batch).expect("batch");
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("writer");
    }
    let store = Store::open_read_only(&db.url).expect("open");
    let stats = store.stats().expect("stats");
    assert_eq!(
        stats.articles,
        20 + 20,
        "20 shared articles once, 20 revisions"
    );
    assert_eq!(stats.revisions, 19, "the revisions form one chain");
    assert_eq!(stats.quotes, 20);
    let current: Vec<String> = store
        .current_records()
        .expect("records")
        .into_iter()
        .filter(|r| r.id.starts_with("rev-"))
        .map(|r| r.id)
        .collect();
    assert_eq!(current.len(), 1, "one current revision: {current:?}");
}
