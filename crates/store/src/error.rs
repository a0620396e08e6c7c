//! The store's one error type: every failure names the database file and, where there is one,
//! says how to fix it.

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

/// What went wrong with a store. Every variant names the database file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database file does not exist (opening for queries never creates one).
    #[error("no database at {path}: run `storyline ingest PATH... --db {path}` first")]
    NotFound {
        /// The database file.
        path: PathBuf,
    },
    /// The file could not be opened or created (missing directory, read-only location, …).
    #[error(
        "cannot open database {path}: {source} (does the directory exist, and may we write there?)"
    )]
    Open {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// The file is not an SQLite database at all.
    #[error(
        "{path} is not an SQLite database (or its header is damaged): choose another --db file"
    )]
    NotADatabase {
        /// The file.
        path: PathBuf,
    },
    /// The file is an SQLite database, but not one that storyline made.
    #[error("{path} is an SQLite database that storyline did not create: refusing to touch it; choose another --db file")]
    Foreign {
        /// The file.
        path: PathBuf,
    },
    /// The database was written by a newer storyline, with a schema this binary does not know.
    #[error("{path} has schema version {found}, newer than this storyline knows ({supported}): upgrade storyline, or use another --db file")]
    TooNew {
        /// The file.
        path: PathBuf,
        /// Schema version found in the file.
        found: i64,
        /// Newest schema version this binary knows.
        supported: i64,
    },
    /// The database needs a schema upgrade, but it was opened read-only.
    #[error("{path} has schema version {found} and needs upgrading to {supported}: run any `storyline ingest --db {path}` once")]
    NeedsUpgrade {
        /// The file.
        path: PathBuf,
        /// Schema version found in the file.
        found: i64,
        /// Schema version this binary writes.
        supported: i64,
    },
    /// The database is damaged.
    #[error(
        "{path} is corrupt ({detail}): restore it from a backup, or re-ingest into a new --db file"
    )]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What the integrity check or SQLite reported.
        detail: String,
    },
    /// A write was refused because the file or its directory is read-only.
    #[error("cannot write to {path}: the file or its directory is read-only")]
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
    /// The disk (or the database's size limit) is full. The failed batch was rolled back;
    /// everything committed before it is intact.
    #[error("disk full while writing {path}: the last batch was rolled back, nothing stored before it is lost; free some space and run again")]
    DiskFull {
        /// The file.
        path: PathBuf,
    },
    /// Another process held the database locked for longer than the busy timeout.
    #[error("{path} is locked by another process (another `storyline ingest`?): wait for it to finish and run again")]
    Locked {
        /// The file.
        path: PathBuf,
    },
    /// A stored record's JSON could not be read back.
    #[error("{path}: stored record of article {id} is unreadable: {source}")]
    BadRecord {
        /// The file.
        path: PathBuf,
        /// The article id.
        id: String,
        /// The JSON error.
        source: serde_json::Error,
    },
    /// The PostgreSQL server could not be reached (down, wrong host or port, firewall).
    #[error("cannot reach the PostgreSQL server of {path}: {detail} (is the server running, and are host and port right?)")]
    Unreachable {
        /// The database URL, password hidden.
        path: PathBuf,
        /// What the connection attempt said.
        detail: String,
    },
    /// The PostgreSQL server refused the login (user, password or database).
    #[error("the PostgreSQL server refused the login to {path}: {detail} (check the user, password and database name in the URL)")]
    LoginRefused {
        /// The database URL, password hidden.
        path: PathBuf,
        /// What the server said.
        detail: String,
    },
    /// The connection to the PostgreSQL server was lost; an unfinished batch was rolled back.
    #[error("lost the connection to the PostgreSQL server of {path}: {detail}; the unfinished batch was rolled back, run the same command again to complete it")]
    ConnectionLost {
        /// The database URL, password hidden.
        path: PathBuf,
        /// What the client saw.
        detail: String,
    },
    /// Any other PostgreSQL failure.
    #[error("{path}: {source}")]
    Postgres {
        /// The database URL, password hidden.
        path: PathBuf,
        /// What the server or client said.
        source: postgres::Error,
    },
    /// Any other SQLite failure.
    #[error("{path}: {source}")]
    Sqlite {
        /// The file.
        path: PathBuf,
        /// What SQLite said.
        source: rusqlite::Error,
    },
}

impl StoreError {
    /// Classifies an SQLite error raised while working on the database at `path`.
    pub(crate) fn from_sqlite(path: &Path, source: rusqlite::Error) -> StoreError {
        let path = path.to_path_buf();
        match source.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => StoreError::NotADatabase { path },
            Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
                path,
                detail: source.to_string(),
            },
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path },
            Some(ErrorCode::DiskFull) => StoreError::DiskFull { path },
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
                StoreError::Locked { path }
            }
            Some(ErrorCode::CannotOpen) => StoreError::Open { path, source },
            _ => StoreError::Sqlite { path, source },
        }
    }
}

/// The SQLSTATE class of failed logins (28: invalid authorization) and of unknown databases.
const LOGIN_STATES: &[&str] = &["28000", "28P01", "3D000"];

impl StoreError {
    /// Classifies a PostgreSQL error raised while working on the database at `url` (password
    /// hidden).
    pub(crate) fn from_postgres(url: &Path, source: postgres::Error) -> StoreError {
        let path = url.to_path_buf();
        let detail = postgres_detail(&source);
        if let Some(db) = source.as_db_error() {
            return match db.code().code() {
                code if LOGIN_STATES.contains(&code) => StoreError::LoginRefused { path, detail },
                // Serialization failures and deadlocks: another ingester got there first.
                "40001" | "40P01" | "55P03" => StoreError::Locked { path },
                "53100" => StoreError::DiskFull { path },
                "25006" => StoreError::ReadOnly { path },
                // admin_shutdown, crash_shutdown, cannot_connect_now, terminated connections.
                "57P01" | "57P02" | "57P03" => StoreError::ConnectionLost { path, detail },
                _ => StoreError::Postgres { path, source },
            };
        }
        if source.is_closed() {
            return StoreError::ConnectionLost { path, detail };
        }
        StoreError::Postgres { path, source }
    }
}

/// The most specific message in a PostgreSQL error's chain (the client's own `Display` says
/// only "error connecting to server" or "db error").
pub(crate) fn postgres_detail(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return db.message().to_string();
    }
    let mut detail = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        detail = c.to_string();
        cause = c.source();
    }
    detail
}

/// Attaches the database URL to PostgreSQL results.
pub(crate) trait AtUrl<T> {
    /// Converts the error, naming `url`.
    fn at(self, url: &Path) -> Result<T, StoreError>;
}

impl<T> AtUrl<T> for Result<T, postgres::Error> {
    fn at(self, url: &Path) -> Result<T, StoreError> {
        self.map_err(|e| StoreError::from_postgres(url, e))
    }
}

/// Attaches the database path to SQLite results.
pub(crate) trait AtPath<T> {
    /// Converts the error, naming `path`.
    fn at(self, path: &Path) -> Result<T, StoreError>;
}

impl<T> AtPath<T> for Result<T, rusqlite::Error> {
    fn at(self, path: &Path) -> Result<T, StoreError> {
        self.map_err(|e| StoreError::from_sqlite(path, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_new_says_how_to_fix_it() {
        let err = StoreError::TooNew {
            path: "news.db".into(),
            found: 9,
            supported: 1,
        };
        let msg = err.to_string();
        assert!(
            msg.contains("news.db") && msg.contains("upgrade storyline"),
            "{msg}"
        );
    }

    #[test]
    fn full_disk_is_classified() {
        let e = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL),
            None,
        );
        assert!(matches!(
            StoreError::from_sqlite(Path::new("x.db"), e),
            StoreError::DiskFull { .. }
        ));
    }
}
