//! The crawler's validators: the `ETag` and `Last-Modified` a server gave for a URL, kept in a
//! table of the store's database (SQLite file or PostgreSQL) so a re-crawl can make
//! conditional requests.
//!
//! Table (created with `CREATE TABLE IF NOT EXISTS`, so the schema version and migrations are
//! untouched and an older storyline simply ignores it):
//!
//! `crawl_validators(url PRIMARY KEY, etag, last_modified, fetched_at)`: one row per URL asked
//! for (the URL as given or as linked from a feed, before redirects), `fetched_at` in UTC. The
//! caller writes a row only once the articles from that response are stored, so a killed run
//! never leaves a validator that would make the next run skip an article it never stored.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{params, Connection, OptionalExtension};

use crate::pg::{connect, redact};
use crate::{postgres_url, StoreError};

/// A failure of the validator table (ETag / Last-Modified) in the store's database.
#[derive(Debug, thiserror::Error)]
#[error("{path}: crawl validators table: {source}")]
pub struct ValidatorError {
    /// The database file, or its URL with the password hidden.
    pub path: String,
    /// What failed: the SQLite or PostgreSQL error.
    #[source]
    pub source: Box<dyn std::error::Error + Send + Sync>,
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

/// The validator table in one database.
pub struct ValidatorTable {
    db: Db,
    path: String,
}

/// The connection the table lives in.
enum Db {
    Sqlite(Connection),
    /// Queries need the client mutably, lookups take `&self`.
    Postgres(Box<RefCell<postgres::Client>>),
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
    /// Opens (creating the table when absent) the validator table in the database `db`: an
    /// SQLite file or a `postgres://` URL. Open the store first: it creates the database and
    /// refuses foreign ones.
    pub fn open(db: impl AsRef<Path>) -> Result<ValidatorTable, ValidatorError> {
        let db = db.as_ref();
        if let Some(url) = postgres_url(db) {
            let path = redact(url);
            let boxed = |e: StoreError| ValidatorError {
                path: path.clone(),
                source: Box::new(e),
            };
            let mut client = connect(url, &PathBuf::from(&path)).map_err(boxed)?;
            client.batch_execute(CREATE).map_err(|e| ValidatorError {
                path: path.clone(),
                source: Box::new(e),
            })?;
            return Ok(ValidatorTable {
                db: Db::Postgres(Box::new(RefCell::new(client))),
                path,
            });
        }
        let path = db.display().to_string();
        let at = |source: rusqlite::Error| ValidatorError {
            path: path.clone(),
            source: Box::new(source),
        };
        let conn = Connection::open(&path).map_err(at)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(at)?;
        conn.execute_batch(CREATE).map_err(at)?;
        Ok(ValidatorTable {
            db: Db::Sqlite(conn),
            path,
        })
    }

    /// A table in memory, for tests.
    pub fn open_in_memory() -> Result<ValidatorTable, ValidatorError> {
        let path = ":memory:".to_string();
        let at = |source: rusqlite::Error| ValidatorError {
            path: path.clone(),
            source: Box::new(source),
        };
        let conn = Connection::open_in_memory().map_err(at)?;
        conn.execute_batch(CREATE).map_err(at)?;
        Ok(ValidatorTable {
            db: Db::Sqlite(conn),
            path,
        })
    }

    /// The validators last stored for `url`, if any.
    pub fn get(&self, url: &str) -> Result<Option<Validators>, ValidatorError> {
        const SQL: &str = "SELECT etag, last_modified FROM crawl_validators WHERE url = ";
        match &self.db {
            Db::Sqlite(conn) => conn
                .query_row(&format!("{SQL}?1"), params![url], |r| {
                    Ok(Validators {
                        etag: r.get(0)?,
                        last_modified: r.get(1)?,
                    })
                })
                .optional()
                .map_err(|e| self.error(e)),
            Db::Postgres(client) => {
                let url = crate::pg::pg_text(url);
                let row = client
                    .borrow_mut()
                    .query_opt(&format!("{SQL}$1"), &[&url])
                    .map_err(|e| self.error(e))?;
                row.map(|r| {
                    Ok(Validators {
                        etag: r.try_get(0)?,
                        last_modified: r.try_get(1)?,
                    })
                })
                .transpose()
                .map_err(|e: postgres::Error| self.error(e))
            }
        }
    }

    /// Records the validators of the response just stored for `url`; a response without any
    /// removes the row, so the next fetch is unconditional.
    pub fn put(&self, url: &str, validators: &Validators) -> Result<(), ValidatorError> {
        const UPSERT: &str = "INSERT INTO crawl_validators (url, etag, last_modified, fetched_at)
             VALUES ($1, $2, $3, NOW)
             ON CONFLICT(url) DO UPDATE SET etag = excluded.etag,
                 last_modified = excluded.last_modified, fetched_at = excluded.fetched_at";
        const DELETE: &str = "DELETE FROM crawl_validators WHERE url = $1";
        match &self.db {
            Db::Sqlite(conn) => {
                let result = if validators.is_empty() {
                    conn.execute(&DELETE.replace('$', "?"), params![url])
                } else {
                    let sql = UPSERT.replace('$', "?").replace("NOW", "datetime('now')");
                    conn.execute(
                        &sql,
                        params![url, validators.etag, validators.last_modified],
                    )
                };
                result.map(|_| ()).map_err(|e| self.error(e))
            }
            Db::Postgres(client) => {
                let text =
                    |s: &Option<String>| s.as_deref().map(|s| crate::pg::pg_text(s).into_owned());
                let url = crate::pg::pg_text(url);
                let mut client = client.borrow_mut();
                let result = if validators.is_empty() {
                    client.execute(DELETE, &[&url])
                } else {
                    let sql = UPSERT.replace(
                        "NOW",
                        "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')",
                    );
                    client.execute(
                        &sql,
                        &[
                            &url,
                            &text(&validators.etag),
                            &text(&validators.last_modified),
                        ],
                    )
                };
                result.map(|_| ()).map_err(|e| self.error(e))
            }
        }
    }

    fn error(&self, source: impl std::error::Error + Send + Sync + 'static) -> ValidatorError {
        ValidatorError {
            path: self.path.clone(),
            source: Box::new(source),
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
    fn the_table_lives_in_a_postgres_database_too() {
        let Some(db) = crate::pg::testdb::TestDb::create("validators") else {
            return;
        };
        crate::Store::open(&db.url).expect("store first");
        let t = ValidatorTable::open(&db.url).expect("opens");
        let url = "http://paper.test/a\0b";
        assert_eq!(t.get(url).expect("reads"), None);
        let v = Validators {
            etag: Some("\"v1\"".into()),
            last_modified: None,
        };
        t.put(url, &v).expect("writes");
        let again = ValidatorTable::open(&db.url).expect("reopens");
        assert_eq!(again.get(url).expect("reads"), Some(v));
        again.put(url, &Validators::default()).expect("clears");
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
