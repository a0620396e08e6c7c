//! What every request shares: a small pool of read connections, the one write connection,
//! the pipeline (built on the first write), the cached corpus analysis and the write token.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use storyline_pipeline::Pipeline;
use storyline_store::Store;
use tokio::sync::Semaphore;

use crate::analysis::AnalysisCache;
use crate::config::{ServerConfig, Token, UpdateAnalysis};
use crate::error::{ApiError, ServeError};

/// Shared state, cheap to clone (one `Arc`).
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

/// The shared parts.
pub struct Inner {
    db: PathBuf,
    readers: Mutex<Vec<Store>>,
    /// Bounds open read connections (and so concurrent queries) to `num_readers`.
    reader_slots: Semaphore,
    writer: Mutex<Store>,
    pipeline: OnceLock<Pipeline>,
    /// The corpus-wide analysis, recomputed in the background after writes.
    pub analysis: AnalysisCache,
    /// The write token, if any.
    pub token: Option<Token>,
    /// Keeps the stored analysis current after writes, if the caller gave one.
    pub update_analysis: Option<UpdateAnalysis>,
}

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    /// Opens (creating or upgrading when needed) the database and its write connection.
    pub fn open(config: &ServerConfig) -> Result<AppState, ServeError> {
        let writer = Store::open(&config.db)?;
        Ok(AppState(Arc::new(Inner {
            db: config.db.clone(),
            readers: Mutex::new(Vec::new()),
            reader_slots: Semaphore::new(config.num_readers.max(1)),
            writer: Mutex::new(writer),
            pipeline: OnceLock::new(),
            analysis: AnalysisCache::default(),
            token: config.token.clone(),
            update_analysis: config.update_analysis.clone(),
        })))
    }

    /// Runs `query` on a read connection, off the async threads.
    pub async fn read<T, F>(&self, query: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let _slot = self
            .reader_slots
            .acquire()
            .await
            .map_err(ApiError::internal)?;
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let store = state.take_reader()?;
            let answer = query(&store);
            if let Ok(mut readers) = state.readers.lock() {
                readers.push(store);
            }
            answer
        })
        .await
        .map_err(ApiError::internal)?
    }

    /// A pooled read connection, or a new one.
    fn take_reader(&self) -> Result<Store, ApiError> {
        let pooled = self.readers.lock().ok().and_then(|mut r| r.pop());
        match pooled {
            Some(store) => Ok(store),
            None => Ok(Store::open_read_only(&self.db)?),
        }
    }

    /// Runs `write` on the write connection, with the pipeline, off the async threads.
    pub async fn write<T, F>(&self, write: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store, &Pipeline) -> Result<T, ApiError> + Send + 'static,
    {
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let pipeline = state.pipeline.get_or_init(Pipeline::standard);
            let mut store = state
                .writer
                .lock()
                .map_err(|_| ApiError::internal("a write panicked earlier"))?;
            write(&mut store, pipeline)
        })
        .await
        .map_err(ApiError::internal)?
    }

    /// The database file served.
    pub fn db(&self) -> &std::path::Path {
        &self.db
    }

    /// The canonical entity across outlets that `name` resolves to, once the corpus has been
    /// analysed.
    pub fn canonical_entity(&self, name: &str) -> Option<storyline_analyse::CanonicalEntity> {
        self.analysis.get().ok()?.canonical_entity(name).cloned()
    }
}
