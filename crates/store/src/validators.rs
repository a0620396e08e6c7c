//! The crawler's validators: the `ETag` and `Last-Modified` a server gave for a URL, kept in a
//! table of the store's SQLite file so a re-crawl can make conditional requests.
//!
//! Table (created with `CREATE TABLE IF NOT EXISTS`, so the schema version and migrations are
//! untouched and an older storyline simply ignores it):
//!
//! `crawl_validators(url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, fetched_at TEXT)`:
//! one row per URL asked for (the URL as given or as linked from a feed, before redirects),
//! `fetched_at` in UTC (`YYYY-MM-DD HH:MM:SS`). The caller writes a row only once the
//! articles from that response are stored, so a killed run never leaves a validator that would
//! make the next run skip an article it never stored.

use std::path::Path;
use std::time::Duration;

use rusqlite::{params, Connection, OptionalExtension};

/// A failure of the validator table (ETag / Last-Modified) in the store's SQLite file.
#[derive(Debug, thiserror::Error)]
#[error("{path}: crawl validators table: {source}")]
pub struct ValidatorError {
    /// The database file.
    pub path: String,
    /// The SQLite error.
    #[source]
    pub source: rusqlite::Error,
}

/// What a server said identifies the version of a resource, to send back on the next fetch
/// (`If-None-Match`, `If-Modified-Since`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// The `ETag` header, as sent.
    pub etag: Option<String>,
    /// The `Last-Modified` header, as sent.
    pub last_modified: Option<String>,
}

impl Validators {
    /// Whether there is anything to send.
    pub fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }
}

/// The validator table in one SQLite file.
pub struct ValidatorTable {
    conn: Connection,
    path: String,
}

/// How long a statement waits for the store's writer before failing: the same order as the
/// store's own busy timeout.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

const CREATE: &str = "CREATE TABLE IF NOT EXISTS crawl_validators (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    fetched_at TEXT NOT NULL
)";

impl ValidatorTable {
    /// Opens (creating the table when absent) the validator table in the SQLite file at
    /// `path`. Open the store first: it creates the file and refuses foreign ones.
    pub fn open(path: impl AsRef<Path>) -> Result<ValidatorTable, ValidatorError> {
        let path = path.as_ref().display().to_string();
        let at = |source| ValidatorError {
            path: path.clone(),
            source,
        };
        let conn = Connection::open(&path).map_err(at)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(at)?;
        conn.execute_batch(CREATE).map_err(at)?;
        Ok(ValidatorTable { conn, path })
    }

    /// A table in memory, for tests.
    pub fn open_in_memory() -> Result<ValidatorTable, ValidatorError> {
        let path = ":memory:".to_string();
        let at = |source| ValidatorError {
            path: path.clone(),
            source,
        };
        let conn = Connection::open_in_memory().map_err(at)?;
        conn.execute_batch(CREATE).map_err(at)?;
        Ok(ValidatorTable { conn, path })
    }

    /// The validators last stored for `url`, if any.
    pub fn get(&self, url: &str) -> Result<Option<Validators>, ValidatorError> {
        self.conn
            .query_row(
                "SELECT etag, last_modified FROM crawl_validators WHERE url = ?1",
                params![url],
                |r| {
                    Ok(Validators {
                        etag: r.get(0)?,
                        last_modified: r.get(1)?,
                    })
                },
            )
            .optional()
            .map_err(|source| self.error(source))
    }

    /// Records the validators of the response just stored for `url`; a response without any
    /// removes the row, so the next fetch is unconditional.
    pub fn put(&self, url: &str, validators: &Validators) -> Result<(), ValidatorError> {
        let result = if validators.is_empty() {
            self.conn
                .execute("DELETE FROM crawl_validators WHERE url = ?1", params![url])
        } else {
            self.conn.execute(
                "INSERT INTO crawl_validators (url, etag, last_modified, fetched_at)
                 VALUES (?1, ?2, ?3, datetime('now'))
                 ON CONFLICT(url) DO UPDATE SET etag = excluded.etag,
                     last_modified = excluded.last_modified, fetched_at = excluded.fetched_at",
                params![url, validators.etag, validators.last_modified],
            )
        };
        result.map(|_| ()).map_err(|source| self.error(source))
    }

    fn error(&self, source: rusqlite::Error) -> ValidatorError {
        ValidatorError {
            path: self.path.clone(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn put_get_replace_and_clear() {
        let t = ValidatorTable::open_in_memory().expect("opens");
        let url = "http://paper.test/business/rates-held";
        assert_eq!(t.get(url).expect("reads"), None);
        let v = Validators {
            etag: Some("\"v1\"".into()),
            last_modified: Some("Tue, 04 Jun 2024 08:00:00 GMT".into()),
        };
        t.put(url, &v).expect("writes");
        assert_eq!(t.get(url).expect("reads"), Some(v));
        let v2 = Validators {
            etag: Some("\"v2\"".into()),
            last_modified: None,
        };
        t.put(url, &v2).expect("replaces");
        assert_eq!(t.get(url).expect("reads"), Some(v2));
        t.put(url, &Validators::default()).expect("clears");
        assert_eq!(t.get(url).expect("reads"), None);
    }

    #[test]
    fn reopening_a_file_keeps_rows() {
        let dir = std::env::temp_dir().join(format!("storyline-crawl-v-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join("v.db");
        let _ = std::fs::remove_file(&path);
        let v = Validators {
            etag: Some("W/\"abc\"".into()),
            last_modified: None,
        };
        ValidatorTable::open(&path)
            .expect("opens")
            .put("http://x.test/", &v)
            .expect("writes");
        let again = ValidatorTable::open(&path).expect("reopens");
        assert_eq!(again.get("http://x.test/").expect("reads"), Some(v));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
