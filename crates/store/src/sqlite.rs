//! [`SqliteStore`]: opening a database (file or memory), its connection settings, and reading stored
//! records back.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use storyline_record::Record;

use crate::error::{AtPath, StoreError};
use crate::raw::RawRecord;
use crate::schema;
use crate::DEFAULT_BUSY_TIMEOUT;

/// An open storyline SQLite database.
///
/// One `SqliteStore` is one SQLite connection: use it from one thread. Any number of `SqliteStore`s, in any
/// number of processes, may read while one writes: the file is in WAL mode, so readers see the
/// last committed batch and never block the writer.
pub struct SqliteStore {
    pub(crate) conn: Connection,
    pub(crate) path: PathBuf,
    /// The `pipelines` row of the provenance last written, cached per connection.
    pub(crate) pipeline_cache: Option<(crate::Provenance, i64)>,
}

impl SqliteStore {
    /// Opens the database at `path` for reading and writing, creating it when absent and
    /// upgrading its schema when older.
    ///
    /// Refuses (with an error that says how to fix it) a file that is not SQLite, an SQLite
    /// file storyline did not create, a database written by a newer storyline, and a damaged
    /// file of at most [`QUICK_CHECK_MAX_BYTES`] (a larger one is checked page by page as its
    /// writes read them).
    pub fn open(path: impl AsRef<Path>) -> Result<SqliteStore, StoreError> {
        let path = path.as_ref();
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn =
            Connection::open_with_flags(path, flags).map_err(
                |source| match StoreError::from_sqlite(path, source) {
                    StoreError::Sqlite { path, source } => StoreError::Open { path, source },
                    other => other,
                },
            )?;
        conn.busy_timeout(DEFAULT_BUSY_TIMEOUT).at(path)?;
        // Checked before anything is written: a damaged file is refused as it is.
        if std::fs::metadata(path).map_or(0, |m| m.len()) <= QUICK_CHECK_MAX_BYTES {
            quick_check(&conn, path)?;
        }
        schema::prepare(&mut conn, path)?;
        // WAL lets readers run beside the one writer. synchronous=NORMAL keeps every committed
        // batch through a process crash (kill -9); only a power cut may lose the last batches,
        // never consistency.
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(()))
            .at(path)?;
        conn.pragma_update(None, "synchronous", "NORMAL").at(path)?;
        Ok(SqliteStore {
            conn,
            path: path.to_path_buf(),
            pipeline_cache: None,
        })
    }

    /// Opens an existing database for queries only; never creates, upgrades or writes.
    ///
    /// Works on a database in a folder the user cannot write: when SQLite cannot create the
    /// WAL index beside the file there, and no un-checkpointed WAL file exists, the file is
    /// read as immutable (nobody can be writing it through that folder's WAL anyway).
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<SqliteStore, StoreError> {
        let path = path.as_ref();
        if !path.exists() {
            return Err(StoreError::NotFound {
                path: path.to_path_buf(),
            });
        }
        match SqliteStore::open_read_only_with(path, false) {
            Err(StoreError::ReadOnly { .. } | StoreError::Open { .. })
                if !wal_has_content(path) =>
            {
                SqliteStore::open_read_only_with(path, true)
            }
            other => other,
        }
    }

    /// Opens `path` read-only; `immutable` tells SQLite the file cannot change (no locks, no
    /// WAL index).
    fn open_read_only_with(path: &Path, immutable: bool) -> Result<SqliteStore, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let uri = sqlite_uri(path, immutable);
        let conn =
            Connection::open_with_flags(&uri, flags).map_err(
                |source| match StoreError::from_sqlite(path, source) {
                    StoreError::Sqlite { path, source } => StoreError::Open { path, source },
                    other => other,
                },
            )?;
        conn.busy_timeout(DEFAULT_BUSY_TIMEOUT).at(path)?;
        schema::check_read_only(&conn, path)?;
        Ok(SqliteStore {
            conn,
            path: path.to_path_buf(),
            pipeline_cache: None,
        })
    }

    /// A fresh database in memory, for tests and one-off analyses; gone when dropped.
    pub fn open_in_memory() -> Result<SqliteStore, StoreError> {
        let path = Path::new(":memory:");
        let mut conn = Connection::open_in_memory().at(path)?;
        schema::prepare(&mut conn, path)?;
        Ok(SqliteStore {
            conn,
            path: path.to_path_buf(),
            pipeline_cache: None,
        })
    }

    /// The database file (`:memory:` for an in-memory store).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Sets how long statements wait for another process's lock (default
    /// [`DEFAULT_BUSY_TIMEOUT`]).
    pub fn set_busy_timeout(&mut self, timeout: Duration) -> Result<(), StoreError> {
        self.conn.busy_timeout(timeout).at(&self.path)
    }

    /// Number of stored articles: distinct ids, every revision counted.
    pub fn num_articles(&self) -> Result<u64, StoreError> {
        self.count("SELECT count(*) FROM articles")
    }

    /// Runs one `SELECT count(*)`-style statement.
    pub(crate) fn count(&self, sql: &str) -> Result<u64, StoreError> {
        let n: i64 = self.conn.query_row(sql, [], |r| r.get(0)).at(&self.path)?;
        Ok(n.max(0) as u64)
    }

    /// Streams stored records, undecoded, in ingest order (`current_only` skips replaced
    /// revisions); `visit` may stop early with `Break`.
    pub(crate) fn for_each_raw_record(
        &self,
        current_only: bool,
        mut visit: impl FnMut(RawRecord) -> ControlFlow<()>,
    ) -> Result<(), StoreError> {
        let sql = if current_only {
            "SELECT id, text, record FROM articles WHERE current = 1 ORDER BY seq"
        } else {
            "SELECT id, text, record FROM articles ORDER BY seq"
        };
        let mut stmt = self.conn.prepare(sql).at(&self.path)?;
        let mut rows = stmt.query([]).at(&self.path)?;
        while let Some(row) = rows.next().at(&self.path)? {
            let raw = RawRecord {
                id: row.get(0).at(&self.path)?,
                text: row.get(1).at(&self.path)?,
                json: row.get(2).at(&self.path)?,
            };
            if visit(raw).is_break() {
                break;
            }
        }
        Ok(())
    }

    /// Whether an article with this id is stored (current or not).
    pub fn contains(&self, id: &str) -> Result<bool, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")
            .at(&self.path)?;
        stmt.exists([id]).at(&self.path)
    }

    /// The stored record of one article id, if present.
    pub fn record(&self, id: &str) -> Result<Option<Record>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT text, record FROM articles WHERE id = ?1")
            .at(&self.path)?;
        let mut rows = stmt.query([id]).at(&self.path)?;
        let Some(row) = rows.next().at(&self.path)? else {
            return Ok(None);
        };
        let raw = RawRecord {
            id: id.to_string(),
            text: row.get(0).at(&self.path)?,
            json: row.get(1).at(&self.path)?,
        };
        raw.decode(&self.path).map(Some)
    }

    /// Runs SQLite's full integrity check; `Err(Corrupt)` lists the first problems found.
    pub fn check_integrity(&self) -> Result<(), StoreError> {
        run_check(&self.conn, &self.path, "PRAGMA integrity_check(20)")
    }
}

/// Files up to this size are checked whole each time they are opened for writing (about a
/// quarter of a second at this size). The check reads every page, so on larger files it would
/// cost each ingest seconds to minutes (10 s at 4.4 GB); there SQLite's own checks of each page
/// a write reads stand in (a damaged page is reported as `Corrupt` and the batch rolled back).
pub const QUICK_CHECK_MAX_BYTES: u64 = 256 << 20;

/// SQLite's cost-bounded structural check (b-tree pages, free list, record formats; not the
/// slower index-against-table comparison of `integrity_check`), run before a write opens the
/// file. A fresh, empty file passes.
fn quick_check(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    run_check(conn, path, "PRAGMA quick_check(20)")
}

/// Runs an integrity-check pragma; `Err(Corrupt)` lists the first problems it found.
fn run_check(conn: &Connection, path: &Path, pragma: &str) -> Result<(), StoreError> {
    let mut stmt = conn.prepare(pragma).at(path)?;
    let problems: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .at(path)?
        .collect::<Result<_, _>>()
        .at(path)?;
    if problems.len() == 1 && problems[0] == "ok" {
        Ok(())
    } else {
        Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: problems.join("; "),
        })
    }
}

/// Whether `path`'s `-wal` file holds frames not yet copied into the database (then reading
/// the file alone as immutable would miss committed batches).
fn wal_has_content(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_os_string();
    wal.push("-wal");
    std::fs::metadata(wal).is_ok_and(|m| m.len() > 0)
}

/// A `file:` URI for `path` (characters special in URIs percent-encoded), optionally marked
/// immutable.
fn sqlite_uri(path: &Path, immutable: bool) -> String {
    let mut uri = String::from("file:");
    for b in path.as_os_str().as_encoded_bytes() {
        match b {
            b'?' | b'#' | b'%' => uri.push_str(&format!("%{b:02X}")),
            b if b.is_ascii() && !b.is_ascii_control() => uri.push(char::from(*b)),
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    if immutable {
        uri.push_str("?immutable=1");
    }
    uri
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("path", &self.path)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{provenance, record};

    fn stored(dir: &Path, n: usize) -> PathBuf {
        let path = dir.join("news.db");
        let mut store = SqliteStore::open(&path).expect("open");
        let records: Vec<Record> = (0..n)
            .map(|i| {
                record(
                    &format!("id{i}"),
                    &format!("Story number {i} about the harbour."),
                )
                .build()
            })
            .collect();
        store.insert_batch(&provenance(), &records).expect("insert");
        path
    }

    #[test]
    fn reopens_and_reads_while_another_connection_writes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = stored(dir.path(), 3);
        let mut writer = SqliteStore::open(&path).expect("writer");
        let reader = SqliteStore::open_read_only(&path).expect("reader");
        // The writer holds an open transaction; the reader still sees the committed state.
        let tx = writer.conn.transaction().expect("tx");
        tx.execute("UPDATE articles SET title = 'x'", [])
            .expect("write");
        assert_eq!(reader.num_articles().expect("count"), 3);
        tx.commit().expect("commit");
        reader.check_integrity().expect("intact");
    }

    #[test]
    fn refuses_files_that_are_not_storyline_databases() {
        let dir = tempfile::tempdir().expect("tempdir");
        let text = dir.path().join("notes.db");
        std::fs::write(
            &text,
            "this is a shopping list, not a database\n".repeat(50),
        )
        .expect("write");
        let err = SqliteStore::open(&text).expect_err("not sqlite");
        assert!(matches!(err, StoreError::NotADatabase { .. }), "{err}");
        assert!(err.to_string().contains("notes.db"));
        // Nothing was written over it.
        assert!(std::fs::read_to_string(&text)
            .expect("read")
            .starts_with("this is"));

        let foreign = dir.path().join("recipes.db");
        Connection::open(&foreign)
            .and_then(|c| c.execute_batch("CREATE TABLE recipes (name TEXT)"))
            .expect("foreign db");
        let err = SqliteStore::open(&foreign).expect_err("foreign");
        assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
        let err = SqliteStore::open_read_only(&foreign).expect_err("foreign");
        assert!(matches!(err, StoreError::Foreign { .. }), "{err}");

        let err = SqliteStore::open_read_only(dir.path().join("absent.db")).expect_err("absent");
        assert!(matches!(err, StoreError::NotFound { .. }), "{err}");
    }

    #[test]
    fn refuses_a_newer_schema_with_a_fix() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = stored(dir.path(), 1);
        Connection::open(&path)
            .and_then(|c| c.pragma_update(None, "user_version", crate::SCHEMA_VERSION + 1))
            .expect("bump version");
        let err = SqliteStore::open(&path).expect_err("too new");
        assert!(matches!(err, StoreError::TooNew { .. }), "{err}");
        assert!(err.to_string().contains("upgrade storyline"), "{err}");
    }

    #[test]
    fn reports_a_corrupt_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = stored(dir.path(), 200);
        let mut bytes = std::fs::read(&path).expect("read");
        // Keep the 100-byte header (so it still looks like SQLite) and wreck the pages.
        for b in bytes.iter_mut().skip(4096).step_by(7) {
            *b = 0xA5;
        }
        std::fs::write(&path, &bytes).expect("write");
        let outcome = crate::Store::open(&path).and_then(|s| {
            s.check_integrity()?;
            s.records().map(|_| ())
        });
        let err = outcome.expect_err("corruption is noticed");
        assert!(
            matches!(
                err,
                StoreError::Corrupt { .. } | StoreError::NotADatabase { .. }
            ),
            "{err}"
        );
    }

    #[test]
    fn full_disk_rolls_back_the_batch_and_keeps_the_rest() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = stored(dir.path(), 5);
        let mut store = SqliteStore::open(&path).expect("open");
        let pages: i64 = store
            .conn
            .query_row("PRAGMA page_count", [], |r| r.get(0))
            .expect("pages");
        // A size limit a few pages above the current size stands in for a full disk.
        store
            .conn
            .pragma_update(None, "max_page_count", pages + 2)
            .expect("limit");
        let big: Vec<Record> = (0..50)
            .map(|i| record(&format!("big{i}"), &"Long flood report. ".repeat(500)).build())
            .collect();
        let err = store.insert_batch(&provenance(), &big).expect_err("full");
        assert!(matches!(err, StoreError::DiskFull { .. }), "{err}");
        assert_eq!(store.num_articles().expect("count"), 5);
        drop(store);
        let store = SqliteStore::open(&path).expect("reopen");
        store.check_integrity().expect("intact");
        assert_eq!(store.num_articles().expect("count"), 5);
    }

    #[test]
    fn a_locked_database_is_a_clear_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = stored(dir.path(), 1);
        let mut holder = SqliteStore::open(&path).expect("holder");
        let tx = holder
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .expect("lock");
        let mut other = SqliteStore::open(&path).expect("second writer opens");
        other
            .set_busy_timeout(Duration::from_millis(50))
            .expect("timeout");
        let err = other
            .insert_batch(&provenance(), &[record("late", "Late news.").build()])
            .expect_err("locked");
        assert!(matches!(err, StoreError::Locked { .. }), "{err}");
        tx.commit().expect("release");
        other
            .insert_batch(&provenance(), &[record("late", "Late news.").build()])
            .expect("then it works");
        assert_eq!(other.num_articles().expect("count"), 2);
    }

    #[test]
    fn a_read_only_store_refuses_writes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = stored(dir.path(), 1);
        let mut store = SqliteStore::open_read_only(&path).expect("open");
        let err = store
            .insert_batch(&provenance(), &[record("x", "New.").build()])
            .expect_err("read-only");
        assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
        assert_eq!(store.num_articles().expect("count"), 1);
    }

    #[test]
    fn a_missing_directory_is_an_open_error_naming_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("no/such/dir/news.db");
        let err = SqliteStore::open(&path).expect_err("cannot create");
        assert!(matches!(err, StoreError::Open { .. }), "{err}");
        assert!(err.to_string().contains("news.db"), "{err}");
    }
}
