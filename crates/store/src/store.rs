//! [`Store`]: one interface over the two backends, chosen by the `--db` argument: a file path
//! opens (or creates) an embedded SQLite database, a `postgres://` or `postgresql://` URL
//! connects to a PostgreSQL server. Both answer every query identically for the same corpus.

use std::ops::ControlFlow;
use std::path::Path;
use std::time::Duration;

use storyline_record::Record;

use crate::pg::PgStore;
use crate::raw::{decode_page, DECODE_PAGE};
use crate::{
    ArticleFilter, ArticleRow, BatchSummary, ClaimFilter, ClaimRow, EntityReport, EventFilter,
    EventRow, Provenance, PutPart, QuoteFilter, QuoteRow, SearchHit, SqliteStore, Stats,
    StoreError,
};

/// How long a statement waits for another process's lock before failing with
/// [`StoreError::Locked`]: long enough to ride out a writer's batch commit (milliseconds), short
/// enough that a stuck process is reported rather than waited on forever.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// An open storyline database: an SQLite file or a PostgreSQL database.
///
/// One `Store` is one connection: use it from one thread. Any number of `Store`s, in any number
/// of processes, may read while others write. SQLite allows one writer at a time (the file is
/// in WAL mode, so readers see the last committed batch and never block it); PostgreSQL allows
/// several ingesters, on several machines, writing one database at once.
pub enum Store {
    /// An embedded SQLite file.
    Sqlite(Box<SqliteStore>),
    /// A PostgreSQL database.
    Postgres(Box<PgStore>),
}

/// Calls the same method on whichever backend is open.
macro_rules! dispatch {
    ($self:ident, $s:ident => $call:expr) => {
        match $self {
            Store::Sqlite($s) => $call,
            Store::Postgres($s) => $call,
        }
    };
}

/// The analysis part that keeps [`Store::stats`]'s counts; the names of the caller's parts
/// must differ from it.
pub const STATS_PART: &str = "store/stats";

/// The PostgreSQL URL in `db`, if it is one rather than a file path.
pub fn postgres_url(db: &Path) -> Option<&str> {
    db.to_str()
        .filter(|s| s.starts_with("postgres://") || s.starts_with("postgresql://"))
}

/// `db` as it may be shown in messages: a URL's password is hidden.
pub fn shown(db: &Path) -> String {
    match postgres_url(db) {
        Some(url) => crate::pg::redact(url),
        None => db.display().to_string(),
    }
}

impl Store {
    /// Opens the database `db` for reading and writing, creating it when absent and upgrading
    /// its schema when older: a file path (SQLite) or a `postgres://user:password@host:port/db`
    /// URL.
    ///
    /// Refuses (with an error that says how to fix it) a file that is not SQLite, a database
    /// storyline did not create, one written by a newer storyline, a server that cannot be
    /// reached and a refused login.
    pub fn open(db: impl AsRef<Path>) -> Result<Store, StoreError> {
        let db = db.as_ref();
        match postgres_url(db) {
            Some(url) => Ok(Store::Postgres(Box::new(PgStore::open(url, false)?))),
            None => Ok(Store::Sqlite(Box::new(SqliteStore::open(db)?))),
        }
    }

    /// Opens an existing database for queries only; never creates, upgrades or writes.
    ///
    /// Works on an SQLite file in a folder the user cannot write: when SQLite cannot create the
    /// WAL index beside the file there, and no un-checkpointed WAL file exists, the file is
    /// read as immutable (nobody can be writing it through that folder's WAL anyway).
    pub fn open_read_only(db: impl AsRef<Path>) -> Result<Store, StoreError> {
        let db = db.as_ref();
        match postgres_url(db) {
            Some(url) => Ok(Store::Postgres(Box::new(PgStore::open(url, true)?))),
            None => Ok(Store::Sqlite(Box::new(SqliteStore::open_read_only(db)?))),
        }
    }

    /// A fresh SQLite database in memory, for tests and one-off analyses; gone when dropped.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Ok(Store::Sqlite(Box::new(SqliteStore::open_in_memory()?)))
    }

    /// The database: its file (`:memory:` for an in-memory store), or its URL with the
    /// password hidden.
    pub fn path(&self) -> &Path {
        dispatch!(self, s => s.path())
    }

    /// Sets how long statements wait for another connection's lock (default
    /// [`DEFAULT_BUSY_TIMEOUT`]).
    pub fn set_busy_timeout(&mut self, timeout: Duration) -> Result<(), StoreError> {
        dispatch!(self, s => s.set_busy_timeout(timeout))
    }

    /// Number of stored articles: distinct ids, every revision counted.
    pub fn num_articles(&self) -> Result<u64, StoreError> {
        dispatch!(self, s => s.num_articles())
    }

    /// Every stored record, older revisions included, in ingest order.
    pub fn records(&self) -> Result<Vec<Record>, StoreError> {
        let mut out = Vec::new();
        self.for_each_record(false, |r| {
            out.push(r);
            ControlFlow::Continue(())
        })?;
        Ok(out)
    }

    /// The current records only: every stored article except those replaced by a newer
    /// revision, in ingest order. What cross-article analysis should count.
    pub fn current_records(&self) -> Result<Vec<Record>, StoreError> {
        let path = self.path().to_path_buf();
        let mut out = Vec::new();
        let mut page = Vec::with_capacity(DECODE_PAGE);
        let mut failed = None;
        dispatch!(self, s => s.for_each_raw_record(true, |raw| {
            page.push(raw);
            if page.len() < DECODE_PAGE {
                return ControlFlow::Continue(());
            }
            match decode_page(&mut page, &path, &mut out) {
                Ok(()) => ControlFlow::Continue(()),
                Err(e) => {
                    failed = Some(e);
                    ControlFlow::Break(())
                }
            }
        }))?;
        if let Some(e) = failed {
            return Err(e);
        }
        decode_page(&mut page, &path, &mut out)?;
        Ok(out)
    }

    /// Streams stored records in ingest order without holding them all in memory
    /// (`current_only` skips replaced revisions); `visit` may stop early with `Break`.
    pub fn for_each_record(
        &self,
        current_only: bool,
        mut visit: impl FnMut(Record) -> ControlFlow<()>,
    ) -> Result<(), StoreError> {
        let path = self.path().to_path_buf();
        let mut failed = None;
        dispatch!(self, s => s.for_each_raw_record(current_only, |raw| {
            match raw.decode(&path) {
                Ok(record) => visit(record),
                Err(e) => {
                    failed = Some(e);
                    ControlFlow::Break(())
                }
            }
        }))?;
        failed.map_or(Ok(()), Err)
    }

    /// The stored record of one article id, if present.
    pub fn record(&self, id: &str) -> Result<Option<Record>, StoreError> {
        dispatch!(self, s => s.record(id))
    }

    /// Whether an article with this id is stored (current or not): what ingest asks before
    /// analysing an article whose cleaned body it has seen before.
    pub fn contains(&self, id: &str) -> Result<bool, StoreError> {
        dispatch!(self, s => s.contains(id))
    }

    /// Checks the database for damage: SQLite's full integrity check (`Err(Corrupt)` lists the
    /// first problems found); on PostgreSQL, that the schema is in place (the server guards its
    /// own pages).
    pub fn check_integrity(&self) -> Result<(), StoreError> {
        dispatch!(self, s => s.check_integrity())
    }

    /// Stores a batch of records in one transaction.
    ///
    /// A record whose id is already stored is skipped (re-ingesting never duplicates). A record
    /// whose URL (else source) matches a stored article with another id is stored as a new
    /// revision: `revision_of` names the article it replaces, which stops being current.
    ///
    /// What a crash leaves behind: the batch is one transaction, so after a kill at any moment
    /// (of this process, or of the connection to a PostgreSQL server) either every article of
    /// the batch is stored with all its entities, quotes, claims, events and search entry, or
    /// none is; earlier batches are intact, and running the same ingest again completes it
    /// without duplicates. On error (full disk, lock, read-only file) the batch is rolled back
    /// the same way.
    pub fn insert_batch(
        &mut self,
        provenance: &Provenance,
        records: &[Record],
    ) -> Result<BatchSummary, StoreError> {
        dispatch!(self, s => s.insert_batch(provenance, records))
    }

    /// Counts of articles, revisions and stored items: kept with the stored analysis while it
    /// is current (counting every table costs a scan of each), else counted.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        if let Some(kept) = self.analysis(STATS_PART)? {
            if let Ok(stats) = serde_json::from_str(&kept) {
                return Ok(stats);
            }
        }
        dispatch!(self, s => s.stats())
    }

    /// Full-text search over titles and bodies: current articles containing every word of
    /// `text`, best first, at most `max_hits`. Relevance is BM25 on SQLite and PostgreSQL's
    /// cover density ranking on PostgreSQL, so scores (and the order of near ties) differ
    /// between the backends; the articles found are the same.
    pub fn search(&self, text: &str, max_hits: usize) -> Result<Vec<SearchHit>, StoreError> {
        dispatch!(self, s => s.search(text, max_hits))
    }

    /// Quotes by speaker and/or about a word, in article (publication, ingest) and text order.
    pub fn quotes(&self, filter: &QuoteFilter) -> Result<Vec<QuoteRow>, StoreError> {
        dispatch!(self, s => s.quotes(filter))
    }

    /// Numeric claims by counted noun and/or subject.
    pub fn claims(&self, filter: &ClaimFilter) -> Result<Vec<ClaimRow>, StoreError> {
        dispatch!(self, s => s.claims(filter))
    }

    /// Events by actor and/or PLOVER type, optionally asserted ones only.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventRow>, StoreError> {
        dispatch!(self, s => s.events(filter))
    }

    /// Entities named `name` (or with it as an alias) in current articles; when none matches
    /// exactly, those whose names contain it.
    pub fn entity(&self, name: &str) -> Result<EntityReport, StoreError> {
        dispatch!(self, s => s.entity(name))
    }

    /// The corpus generation: the ingest number of the newest stored article (0 when empty).
    /// Articles are never deleted, so any ingest that stores something raises it.
    pub fn generation(&self) -> Result<i64, StoreError> {
        dispatch!(self, s => s.generation())
    }

    /// Stores the results of cross-article analysis computed at `generation`, as named parts
    /// with opaque bodies, replacing every earlier part in one transaction; does nothing (and
    /// answers `false`) when the stored parts are from a later generation. `produce` puts each
    /// part (`put(kind, body)`) and may drop it at once: parts are written as they come, so a
    /// corpus's analysis never has to be held serialised all at once. An error from `produce`
    /// or from the store rolls every part back.
    pub fn save_analysis<E: From<StoreError>>(
        &mut self,
        generation: i64,
        produce: impl FnOnce(&mut PutPart<'_>) -> Result<(), E>,
    ) -> Result<bool, E> {
        // Counted after `generation` was read: when an article arrived since, the part is stale
        // at once (its generation is older than the newest article's) and never read.
        // (Six integers always serialise; an empty part would only be read as absent.)
        let counts = serde_json::to_string(&dispatch!(self, s => s.stats())?).unwrap_or_default();
        let produce = |put: &mut PutPart<'_>| {
            put(STATS_PART, &counts)?;
            produce(put)
        };
        dispatch!(self, s => s.save_analysis(generation, produce))
    }

    /// The stored analysis part `kind`, if it was computed at the current generation (`None`
    /// when absent or stale: an ingest stored articles since).
    pub fn analysis(&self, kind: &str) -> Result<Option<String>, StoreError> {
        dispatch!(self, s => s.analysis(kind))
    }

    /// Current articles matching `filter`, in ingest order.
    pub fn articles(&self, filter: &ArticleFilter) -> Result<Vec<ArticleRow>, StoreError> {
        dispatch!(self, s => s.articles(filter))
    }
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("db", &self.path()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_choose_postgres_and_paths_sqlite() {
        assert!(postgres_url(Path::new("postgres://u@h:5432/db")).is_some());
        assert!(postgres_url(Path::new("postgresql://h/db")).is_some());
        assert!(postgres_url(Path::new("news.db")).is_none());
        assert!(postgres_url(Path::new("./postgres/news.db")).is_none());
    }

    #[test]
    fn an_unreachable_server_is_a_clear_error() {
        // Port 1 on loopback: nothing listens there.
        let err = Store::open("postgres://storyline:secret@127.0.0.1:1/news").expect_err("down");
        assert!(matches!(err, StoreError::Unreachable { .. }), "{err}");
        let msg = err.to_string();
        assert!(
            msg.contains("127.0.0.1:1") && !msg.contains("secret"),
            "{msg}"
        );
    }
}
