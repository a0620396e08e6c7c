//! The corpus-wide analysis (stories, disagreements, canonical entities, timelines), loaded in
//! the background when the server starts and again after each write (read from the store's
//! analysis parts, brought up to date first when the server was given an updater, else
//! computed from the articles), and read by corpus-wide requests as an immutable snapshot.
//!
//! Until the first computation finishes, corpus-wide requests answer 503 with `Retry-After`;
//! per-item requests never wait for it. A write during a computation marks the snapshot stale,
//! and one more computation follows: never more than one runs at a time.

use std::sync::{Arc, Mutex, RwLock};

use axum::http::StatusCode;
use storyline_analyse::Analysis;

use crate::error::ApiError;
pub use crate::snapshot::{Snapshot, Source, StoryDetail, StorySummary};
use crate::state::AppState;

/// Whether a computation runs, and whether another must follow it.
#[derive(Default)]
struct Progress {
    running: bool,
    stale: bool,
}

/// The latest snapshot, and the bookkeeping of its recomputation.
#[derive(Default)]
pub struct AnalysisCache {
    current: RwLock<Option<Arc<Snapshot>>>,
    progress: Mutex<Progress>,
}

impl AnalysisCache {
    /// The latest snapshot, or 503 while the first one is being computed.
    pub fn get(&self) -> Result<Arc<Snapshot>, ApiError> {
        self.current
            .read()
            .ok()
            .and_then(|c| c.clone())
            .ok_or_else(|| {
                ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "the corpus analysis is being computed; retry in a few seconds",
                )
            })
    }

    /// Starts a computation in the background, or marks the running one stale.
    pub fn refresh(&self, state: AppState) {
        {
            let Ok(mut progress) = self.progress.lock() else {
                return;
            };
            if progress.running {
                progress.stale = true;
                return;
            }
            progress.running = true;
        }
        std::thread::spawn(move || loop {
            match compute(&state) {
                Ok(snapshot) => {
                    if let Ok(mut current) = state.analysis.current.write() {
                        *current = Some(Arc::new(snapshot));
                    }
                }
                Err(err) => eprintln!("storyline serve: corpus analysis failed: {err}"),
            }
            let Ok(mut progress) = state.analysis.progress.lock() else {
                return;
            };
            if !progress.stale {
                progress.running = false;
                return;
            }
            progress.stale = false;
        });
    }
}

/// The analysis the store keeps current, when it is (brought up to date first when the server
/// was given a way to: [`crate::UpdateAnalysis`]); else the current records, analysed.
fn compute(state: &AppState) -> Result<Snapshot, storyline_store::StoreError> {
    if let Some(update) = &state.update_analysis {
        // A connection of its own: the server's writes wait only while the parts are saved,
        // not while the corpus is analysed.
        let updated = storyline_store::Store::open(state.db())
            .map_err(|e| e.to_string())
            .and_then(|mut store| update.run(&mut store));
        if let Err(err) = updated {
            eprintln!("storyline serve: storing the corpus analysis failed: {err}");
        }
    }
    let store = storyline_store::Store::open_read_only(state.db())?;
    let generation = store.generation()?;
    if let Some(stored) = Snapshot::stored(|kind| store.analysis(kind))? {
        // Parts are read one by one: an ingest between two reads could mix two analyses.
        if store.generation()? == generation {
            return Ok(stored);
        }
    }
    let records = store.current_records()?;
    Ok(Snapshot::computed(Analysis::run(&records)))
}
