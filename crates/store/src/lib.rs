//! The store of article records, embedded SQLite or a PostgreSQL server behind one interface
//! ([`Store`]): schema, versioned migrations, idempotent batch writes, revisions, and the
//! per-item queries behind `storyline stats`, `search`, `entity`,
//! `quotes`, `claims` and `events`.
//!
//! 1. [`Store::open`] opens (or creates) a database file or connects to a `postgres://` URL, refusing foreign, corrupt or
//!    too-new files with an error that says how to fix it; [`Store::open_read_only`] opens
//!    one for queries; [`Store::open_in_memory`] makes a throwaway one.
//! 2. [`Store::insert_batch`] stores records in one transaction: an id already stored is
//!    skipped, a new body under a known URL (or source) becomes a revision of it.
//! 3. [`Store::records`] / [`Store::for_each_record`] read records back; the query methods
//!    ([`Store::stats`], [`Store::search`], [`Store::entity`], [`Store::quotes`],
//!    [`Store::claims`], [`Store::events`]) answer per-item questions; [`Store::articles`]
//!    lists articles page by page.
//!
//! The schema and what a crash leaves behind are documented on the `schema` module's items
//! and on [`Store::insert_batch`].
//!
//! ```
//! use storyline_record::{Article, Record};
//! use storyline_store::{Provenance, Store};
//!
//! let mut store = Store::open_in_memory()?;
//! let mut article = Article::new("harbour.txt", "");
//! article.set_text("The harbour reopened on Monday after the storm.".into());
//! let record = Record::from_article(&article);
//! let provenance = Provenance { storyline_version: "0.1.0".into(), settings: "{}".into() };
//! let first = store.insert_batch(&provenance, &[record.clone()])?;
//! let again = store.insert_batch(&provenance, &[record])?;
//! assert_eq!((first.num_new, again.num_duplicates), (1, 1));
//! assert_eq!(store.num_articles()?, 1);
//! assert_eq!(store.search("harbour", 10)?.len(), 1);
//! # Ok::<(), storyline_store::StoreError>(())
//! ```
#![deny(missing_docs)]

mod analysis;
mod browse;
mod entity;
mod error;
mod page;
mod pg;
mod query;
mod raw;
mod schema;
mod snippet;
mod sqlite;
mod store;
mod validators;
mod write;

#[cfg(test)]
mod testutil;

pub use analysis::PutPart;
pub use browse::{ArticleFilter, ArticleRow};
pub use entity::{CoMention, EntityOccurrence, EntityReport};
pub use error::StoreError;
#[cfg(any(test, feature = "test-db"))]
pub use pg::testdb::TestDb;
pub use pg::PgStore;
pub use query::{
    ArticleRef, ClaimFilter, ClaimRow, EventFilter, EventRow, QuoteFilter, QuoteRow, SearchHit,
    Stats,
};
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};
pub use sqlite::{SqliteStore, QUICK_CHECK_MAX_BYTES};
pub use store::{postgres_url, shown, Store, DEFAULT_BUSY_TIMEOUT, STATS_PART};
pub use validators::{ValidatorError, ValidatorTable, Validators};
pub use write::{BatchSummary, Provenance};
