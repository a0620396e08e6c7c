//! `storyline ingest`: inputs → pipeline on all cores → one writer thread committing batches.
//!
//! The main thread reads documents and runs the pipeline over each batch on the worker pool;
//! finished batches go through a short channel to the writer thread, which owns the store and
//! commits one transaction per batch. The channel's small bound keeps memory flat and lets
//! extraction of the next batch overlap the commit of the last.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::{anyhow, Result};
use rayon::prelude::*;
use storyline_ingest::Inputs;
use storyline_pipeline::Pipeline;
use storyline_record::{Article, ArticleId, Record};
use storyline_store::{BatchSummary, Provenance, Store};

use super::IngestArgs;
use crate::messages;

/// Documents per batch, and so per commit: big enough that commit cost (an fsync of the WAL
/// at most) is amortised and every core stays busy, small enough that a killed run loses
/// little work and memory stays flat.
const BATCH_NUM_DOCS: usize = 256;

/// Batches waiting for the writer: two lets one be extracted while one is committed.
const NUM_BATCHES_IN_FLIGHT: usize = 2;

/// Counts shown in the progress line and the summary.
#[derive(Default)]
struct Counts {
    num_read: AtomicU64,
    num_failed: AtomicU64,
    stored: Mutex<BatchSummary>,
}

impl Counts {
    /// Counts one article found stored before it was analysed.
    fn add_duplicate(&self) {
        if let Ok(mut stored) = self.stored.lock() {
            stored.num_duplicates += 1;
        }
    }

    fn stored(&self) -> BatchSummary {
        self.stored.lock().map(|s| *s).unwrap_or_default()
    }

    fn line(&self, elapsed: Duration) -> String {
        let s = self.stored();
        let secs = elapsed.as_secs_f64();
        let read = self.num_read.load(Ordering::Relaxed);
        format!(
            "{read} read, {} new, {} duplicates, {} revisions, {} failed in {secs:.1}s ({:.0} articles/s)",
            s.num_new,
            s.num_duplicates,
            s.num_revisions,
            self.num_failed.load(Ordering::Relaxed),
            read as f64 / secs.max(1e-9),
        )
    }
}

/// The articles already in the database, asked once an article's body is cleaned (its id is
/// then known): a stored article is counted as a duplicate without analysing it again, so that
/// re-running an ingest over the same inputs (after a crash, or over a folder that grows)
/// costs little more than reading and cleaning them. A read-only connection of its own: it
/// sees committed batches, and the writer still refuses any id it has (batches in flight).
struct Known(Mutex<Store>);

impl Known {
    /// Whether `id` is stored; `false` when the database cannot say (the writer decides).
    fn contains(&self, id: &ArticleId) -> bool {
        self.0
            .lock()
            .is_ok_and(|store| store.contains(id.as_str()).unwrap_or(false))
    }
}

/// A one-line progress display on stderr (an `indicatif` spinner with the counts and the
/// rate), drawn only when stderr is a terminal.
struct Progress {
    bar: indicatif::ProgressBar,
    started: Instant,
}

impl Progress {
    fn new(started: Instant) -> Progress {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress { bar, started }
    }

    fn tick(&self, counts: &Counts) {
        if !self.bar.is_hidden() {
            self.bar.set_message(counts.line(self.started.elapsed()));
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// Runs `storyline ingest`.
pub fn run(args: IngestArgs) -> Result<()> {
    let started = Instant::now();
    let db = args.db.db.clone();
    let mut store = Store::open(&db)?;
    let pool = crate::workers::pool(args.workers.threads)?;
    let pipeline = Pipeline::standard();
    let provenance = Provenance {
        storyline_version: env!("CARGO_PKG_VERSION").to_string(),
        settings: serde_json::json!({ "stages": pipeline.stage_names() }).to_string(),
    };
    let known = Known(Mutex::new(Store::open_read_only(&db)?));
    let counts = Counts::default();
    let progress = Progress::new(started);
    let (sender, receiver) = mpsc::sync_channel::<Vec<Record>>(NUM_BATCHES_IN_FLIGHT);

    let outcome = std::thread::scope(|scope| -> Result<()> {
        let writer = scope.spawn(|| -> Result<(), storyline_store::StoreError> {
            for batch in receiver {
                let summary = store.insert_batch(&provenance, &batch)?;
                if let Ok(mut stored) = counts.stored.lock() {
                    stored.add(summary);
                }
                progress.tick(&counts);
            }
            Ok(())
        });
        let budget = crate::workers::Budget::new(args.workers.memory);
        let mut inputs = Inputs::new(&args.paths, budget.read_options(args.max_bytes));
        loop {
            let mut docs = Vec::with_capacity(BATCH_NUM_DOCS);
            let mut text_bytes = 0;
            for item in inputs.by_ref() {
                match item {
                    Ok(doc) => {
                        text_bytes += doc.text.len();
                        docs.push(doc);
                    }
                    Err(err) => {
                        counts.num_failed.fetch_add(1, Ordering::Relaxed);
                        messages::input_error(&err);
                    }
                }
                if docs.len() == BATCH_NUM_DOCS || text_bytes >= budget.batch_bytes {
                    break;
                }
            }
            if docs.is_empty() {
                break;
            }
            counts
                .num_read
                .fetch_add(docs.len() as u64, Ordering::Relaxed);
            let records: Vec<Record> = pool.install(|| {
                docs.into_par_iter()
                    .filter_map(|doc| {
                        let source = doc.source.clone();
                        let mut stored = false;
                        let keep = |a: &Article| {
                            // Every empty body shares one id: storing it would be noise.
                            if a.text.trim().is_empty() {
                                return false;
                            }
                            stored = known.contains(&a.id);
                            !stored
                        };
                        let article = pipeline.process_if(doc.source, doc.text, doc.meta, keep);
                        if article.is_none() {
                            if stored {
                                counts.add_duplicate();
                            } else {
                                counts.num_failed.fetch_add(1, Ordering::Relaxed);
                                messages::input_error(&format!(
                                    "{source}: no article text left after cleaning; not stored"
                                ));
                            }
                        }
                        article.as_ref().map(Record::from_article)
                    })
                    .collect()
            });
            progress.tick(&counts);
            if sender.send(records).is_err() {
                // The writer stopped on an error; it is reported below.
                break;
            }
        }
        drop(sender);
        let written = writer
            .join()
            .map_err(|_| anyhow!("the database writer thread panicked"))?;
        Ok(written?)
    });
    progress.finish();
    println!(
        "storyline: {}: {}",
        storyline_store::shown(&db),
        counts.line(started.elapsed())
    );
    outcome?;
    crate::analyse_cmds::stored::refresh(&mut store)
}
