//! The PostgreSQL backend ([`PgStore`]): connecting to a server, its session settings, and
//! reading stored records back. Several ingesters, on several machines, may write one database
//! at once; every batch is one transaction.

mod analysis;
mod entity;
mod items;
mod page;
mod query;
mod schema;
mod write;

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use postgres::{Client, NoTls};
use storyline_record::Record;

use crate::error::{AtUrl, StoreError};
use crate::raw::RawRecord;
use crate::{Provenance, DEFAULT_BUSY_TIMEOUT};

/// How long connecting may take before the server counts as unreachable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Records read per round trip when streaming the corpus: bounded memory, few round trips.
const PAGE: i64 = 500;

/// An open storyline PostgreSQL database: one connection, used from one thread.
pub struct PgStore {
    /// The connection; queries need it mutably, the store's query methods take `&self`.
    client: RefCell<Client>,
    /// The URL with its password hidden, for messages.
    url: PathBuf,
    /// The `pipelines` row of the provenance last written, cached per connection.
    pipeline_cache: Option<(Provenance, i64)>,
}

impl PgStore {
    /// Connects to the database at `url`; unless `read_only`, creates or upgrades its schema.
    /// A read-only store refuses writes (the session's transactions are read-only) and never
    /// touches the schema.
    pub fn open(url: &str, read_only: bool) -> Result<PgStore, StoreError> {
        let shown = PathBuf::from(redact(url));
        let mut client = connect(url, &shown)?;
        if read_only {
            schema::check_read_only(&mut client, &shown)?;
            client
                .batch_execute("SET default_transaction_read_only = on")
                .at(&shown)?;
        } else {
            schema::prepare(&mut client, &shown)?;
        }
        Ok(PgStore {
            client: RefCell::new(client),
            url: shown,
            pipeline_cache: None,
        })
    }

    /// The database URL, password hidden.
    pub fn path(&self) -> &Path {
        &self.url
    }

    /// Sets how long statements wait for another connection's lock.
    pub fn set_busy_timeout(&mut self, timeout: Duration) -> Result<(), StoreError> {
        let ms = timeout.as_millis().max(1);
        self.client
            .get_mut()
            .batch_execute(&format!("SET lock_timeout = {ms}"))
            .at(&self.url)
    }

    /// Number of stored articles: distinct ids, every revision counted.
    pub fn num_articles(&self) -> Result<u64, StoreError> {
        self.count("SELECT count(*) FROM articles")
    }

    /// Runs one `SELECT count(*)`-style statement.
    fn count(&self, sql: &str) -> Result<u64, StoreError> {
        let row = self.client.borrow_mut().query_one(sql, &[]).at(&self.url)?;
        let n: i64 = row.try_get(0).at(&self.url)?;
        Ok(n.max(0) as u64)
    }

    /// Streams stored records, undecoded, in ingest order, a page at a time (`current_only`
    /// skips replaced revisions); `visit` may stop early with `Break`.
    pub(crate) fn for_each_raw_record(
        &self,
        current_only: bool,
        mut visit: impl FnMut(RawRecord) -> ControlFlow<()>,
    ) -> Result<(), StoreError> {
        let mut after = i64::MIN;
        loop {
            // The connection is released between pages, so `visit` may query this store.
            let rows = self
                .client
                .borrow_mut()
                .query(
                    "SELECT seq, id, text, record FROM articles
                     WHERE seq > $1 AND (NOT $2 OR is_current)
                     ORDER BY seq LIMIT $3",
                    &[&after, &current_only, &PAGE],
                )
                .at(&self.url)?;
            let Some(last) = rows.last() else {
                return Ok(());
            };
            after = last.try_get(0).at(&self.url)?;
            for row in rows {
                let raw = RawRecord {
                    id: row.try_get(1).at(&self.url)?,
                    text: row.try_get(2).at(&self.url)?,
                    json: row.try_get(3).at(&self.url)?,
                };
                if visit(raw).is_break() {
                    return Ok(());
                }
            }
        }
    }

    /// Whether an article with this id is stored (current or not).
    pub fn contains(&self, id: &str) -> Result<bool, StoreError> {
        let row = self
            .client
            .borrow_mut()
            .query_opt("SELECT 1 FROM articles WHERE id = $1", &[&id])
            .at(&self.url)?;
        Ok(row.is_some())
    }

    /// The stored record of one article id, if present.
    pub fn record(&self, id: &str) -> Result<Option<Record>, StoreError> {
        let row = self
            .client
            .borrow_mut()
            .query_opt("SELECT text, record FROM articles WHERE id = $1", &[&id])
            .at(&self.url)?;
        row.map(|row| self.decode(id.to_string(), &row, 0))
            .transpose()
    }

    /// A record from its body (column `at`) and its JSON (column `at + 1`).
    fn decode(&self, id: String, row: &postgres::Row, at: usize) -> Result<Record, StoreError> {
        RawRecord {
            id,
            text: row.try_get(at).at(&self.url)?,
            json: row.try_get(at + 1).at(&self.url)?,
        }
        .decode(&self.url)
    }

    /// Checks that the schema is in place at this binary's version (the server itself guards
    /// its pages with checksums and WAL).
    pub fn check_integrity(&self) -> Result<(), StoreError> {
        schema::check_read_only(&mut self.client.borrow_mut(), &self.url)
    }
}

/// Connects to the server at `url` (shown as `shown` in errors) with storyline's session
/// settings: a lock timeout and warnings only.
pub(crate) fn connect(url: &str, shown: &Path) -> Result<Client, StoreError> {
    let shown = shown.to_path_buf();
    let mut config = postgres::Config::from_str(url).map_err(|e| StoreError::Unreachable {
        path: shown.clone(),
        detail: format!("not a valid PostgreSQL URL ({e})"),
    })?;
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(CONNECT_TIMEOUT);
    }
    config.application_name("storyline");
    let mut client =
        config
            .connect(NoTls)
            .map_err(|e| match StoreError::from_postgres(&shown, e) {
                StoreError::Postgres { path, source } => StoreError::Unreachable {
                    path,
                    detail: crate::error::postgres_detail(&source),
                },
                other => other,
            })?;
    let timeout = DEFAULT_BUSY_TIMEOUT.as_millis();
    client
        .batch_execute(&format!(
            "SET lock_timeout = {timeout}; SET client_min_messages = warning;"
        ))
        .at(&shown)?;
    Ok(client)
}

/// `url` with the password (in the user part or a `password=` parameter) replaced by `***`.
pub(crate) fn redact(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("", url));
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let authority = match authority.rsplit_once('@') {
        Some((user, host)) => match user.split_once(':') {
            Some((name, _)) => format!("{name}:***@{host}"),
            None => format!("{user}@{host}"),
        },
        None => authority.to_string(),
    };
    let tail: Vec<String> = tail
        .split('&')
        .map(|part| match part.split_once("password=") {
            Some((before, _)) => format!("{before}password=***"),
            None => part.to_string(),
        })
        .collect();
    format!("{scheme}://{authority}{}", tail.join("&"))
}

/// Text as PostgreSQL can store it: it refuses NUL characters, which become U+FFFD (one
/// character for one, so spans stay true).
pub(crate) fn pg_text(s: &str) -> Cow<'_, str> {
    if s.contains('\0') {
        Cow::Owned(s.replace('\0', "\u{FFFD}"))
    } else {
        Cow::Borrowed(s)
    }
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore").field("url", &self.url).finish()
    }
}

#[cfg(any(test, feature = "test-db"))]
pub mod testdb;
#[cfg(test)]
mod tests_failures;
#[cfg(test)]
mod tests_parity;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_show() {
        assert_eq!(
            redact("postgres://ann:s3cret@db.example:5432/news"),
            "postgres://ann:***@db.example:5432/news"
        );
        assert_eq!(
            redact("postgresql://db/news?user=ann&password=s3cret&sslmode=disable"),
            "postgresql://db/news?user=ann&password=***&sslmode=disable"
        );
        assert_eq!(redact("postgres://ann@db/news"), "postgres://ann@db/news");
    }

    #[test]
    fn nul_characters_become_replacement_characters() {
        assert_eq!(pg_text("a\0b"), "a\u{FFFD}b");
        assert!(matches!(pg_text("plain"), Cow::Borrowed(_)));
    }
}
