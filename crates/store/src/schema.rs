//! The schema, its versioned migrations, and the checks that a file is a storyline database.
//!
//! A storyline database carries `PRAGMA application_id = APPLICATION_ID` and its schema version
//! in `PRAGMA user_version`. [`MIGRATIONS`]`[i]` takes version `i` to `i + 1`; all pending
//! migrations run in one `IMMEDIATE` transaction, so a crash mid-upgrade leaves the old
//! version intact and the next open upgrades again.
//!
//! Schema (version 1):
//!
//! - `pipelines(id, storyline_version, settings)`: which engine version and settings produced
//!   an article; one row per distinct pair.
//! - `articles(seq, id, source, url, revision_key, revision_of, current, outlet, title,
//!   published, author, language, text, record, pipeline, ingested_at)`: one row per distinct
//!   article id, `seq` in ingest order. `record` is the full article record as JSON with its
//!   `text` left empty (the body lives once, in `text`). `revision_key` is the URL when known,
//!   else the source; a new body under a known key is stored with `revision_of` = the id it
//!   replaces, and the replaced row gets `current = 0`.
//! - `entities(article, name, kind, role, num_mentions, mentions)` with `entity_names(entity,
//!   name)` holding the name and every alias (case-insensitive index), `quotes`, `claims`,
//!   `events`: one row per item of an article, spans in characters as in the record.
//! - `articles_fts`: FTS5 over title and text (external content: `articles`).
//!
//! Version 2 adds `analysis(kind, generation, body)`: the stored results of cross-article
//! analysis, one row per kind, `generation` being the `seq` of the last article they saw.
//!
//! Version 3 adds `quotes_trgm(speaker, text)`, `claims_trgm(noun, subject)` and
//! `events_trgm(source)`: FTS5 trigram indexes (external content, same rowids as the items)
//! that narrow the substring filters of `quotes`, `claims` and `events`.
//!
//! Version 4 adds `articles_in_order(seq, current, published, outlet)`: what those filters
//! order and narrow by, read without the article rows (each holds a whole article).
//!
//! Version 5 stores analysis bodies compressed, as BLOBs (see `V5`).
//!
//! Version 6 adds `articles_current_by_date(published, seq, outlet)` over current articles:
//! the walk of a filtered list's page (see `crate::page`).

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use crate::error::{AtPath, StoreError};

/// Marks a file as a storyline database ("STLN" in ASCII), so a foreign SQLite file is refused
/// rather than written into.
pub const APPLICATION_ID: i64 = 0x5354_4c4e;

/// The schema version this binary writes; newer files are refused.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// `MIGRATIONS[i]` upgrades a database from schema version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6, V7];

const V1: &str = "
CREATE TABLE pipelines (
    id INTEGER PRIMARY KEY,
    storyline_version TEXT NOT NULL,
    settings TEXT NOT NULL,
    UNIQUE (storyline_version, settings)
);
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    url TEXT,
    revision_key TEXT NOT NULL,
    revision_of TEXT REFERENCES articles(id),
    current INTEGER NOT NULL DEFAULT 1,
    outlet TEXT,
    title TEXT,
    published TEXT,
    author TEXT,
    language TEXT,
    text TEXT NOT NULL,
    record TEXT NOT NULL,
    pipeline INTEGER NOT NULL REFERENCES pipelines(id),
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_by_revision_key ON articles(revision_key, seq);
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(seq),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    role TEXT,
    num_mentions INTEGER NOT NULL,
    mentions TEXT NOT NULL
);
CREATE INDEX entities_by_article ON entities(article);
CREATE TABLE entity_names (
    entity INTEGER NOT NULL REFERENCES entities(id),
    name TEXT NOT NULL COLLATE NOCASE
);
CREATE INDEX entity_names_by_name ON entity_names(name COLLATE NOCASE);
CREATE INDEX entity_names_by_entity ON entity_names(entity);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(seq),
    text TEXT NOT NULL,
    speaker TEXT COLLATE NOCASE,
    cue TEXT,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
);
CREATE INDEX quotes_by_speaker ON quotes(speaker COLLATE NOCASE);
CREATE INDEX quotes_by_article ON quotes(article);
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(seq),
    value REAL NOT NULL,
    unit TEXT,
    noun TEXT NOT NULL,
    subject TEXT,
    place TEXT,
    hedge TEXT,
    claimant TEXT,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
);
CREATE INDEX claims_by_article ON claims(article);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(seq),
    source TEXT,
    action TEXT NOT NULL,
    target TEXT,
    negated INTEGER NOT NULL,
    hypothetical INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
);
CREATE INDEX events_by_action ON events(action);
CREATE INDEX events_by_article ON events(article);
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content = 'articles', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);
";

/// Version 2: stored results of cross-article analysis (see `crate::analysis`).
const V2: &str = "
CREATE TABLE analysis (
    kind TEXT PRIMARY KEY,
    generation INTEGER NOT NULL,
    body TEXT NOT NULL
);
";

/// Version 3: trigram indexes (FTS5 `trigram` tables over the columns the quote, claim and
/// event filters search inside), so those filters narrow to the matching rows instead of
/// scanning the table; filled from the rows already stored.
const V3: &str = "
CREATE VIRTUAL TABLE quotes_trgm USING fts5(
    speaker, text, content = 'quotes', content_rowid = 'id', tokenize = 'trigram'
);
INSERT INTO quotes_trgm(quotes_trgm) VALUES ('rebuild');
CREATE VIRTUAL TABLE claims_trgm USING fts5(
    noun, subject, content = 'claims', content_rowid = 'id', tokenize = 'trigram'
);
INSERT INTO claims_trgm(claims_trgm) VALUES ('rebuild');
CREATE VIRTUAL TABLE events_trgm USING fts5(
    source, content = 'events', content_rowid = 'id', tokenize = 'trigram'
);
INSERT INTO events_trgm(events_trgm) VALUES ('rebuild');
";

/// Version 4: the articles' order and filter columns in one small index, so that a filtered
/// list of items can be ordered by article without reading the (large) article rows.
const V4: &str = "
CREATE INDEX articles_in_order ON articles(seq, current, published, outlet);
";

/// Version 5: analysis bodies are stored compressed (see `crate::analysis`), as BLOBs. The
/// parts are a cache of what the articles give: the table is emptied, and the next ingest
/// computes them again (until then the analysis commands compute their answers themselves).
const V5: &str = "
DROP TABLE analysis;
CREATE TABLE analysis (
    kind TEXT PRIMARY KEY,
    generation INTEGER NOT NULL,
    body BLOB NOT NULL
);
";

/// Version 6: current articles in publication order (SQLite sorts NULL first, as the lists
/// do), with what a list's article condition reads: the walk of `crate::page`.
const V6: &str = "
CREATE INDEX articles_current_by_date ON articles(published, seq, outlet) WHERE current = 1;
";

/// Version 7 changes the PostgreSQL schema only (its search vectors move to a table of their
/// own); SQLite files take the version number so that both backends report the same one.
const V7: &str = "";

/// What opening found in the file.
enum Found {
    /// An empty file (or a new one): a storyline database is created in it.
    Empty,
    /// A storyline database at this schema version.
    Storyline(i64),
}

/// Refuses files that are not storyline databases or are too new for this binary.
fn inspect(conn: &Connection, path: &Path) -> Result<Found, StoreError> {
    let app_id: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .at(path)?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .at(path)?;
    let num_objects: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .at(path)?;
    if app_id == APPLICATION_ID {
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        Ok(Found::Storyline(version))
    } else if app_id == 0 && version == 0 && num_objects == 0 {
        Ok(Found::Empty)
    } else {
        Err(StoreError::Foreign {
            path: path.to_path_buf(),
        })
    }
}

/// Checks the file and brings its schema up to [`SCHEMA_VERSION`] in one transaction.
pub(crate) fn prepare(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    if matches!(inspect(conn, path)?, Found::Storyline(SCHEMA_VERSION)) {
        return Ok(());
    }
    // IMMEDIATE takes the write lock first, then re-inspects: two processes creating the same
    // database at once must not both run the migrations.
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .at(path)?;
    let from = match inspect(&tx, path)? {
        Found::Empty => 0,
        Found::Storyline(v) => v,
    };
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(from.max(0) as usize) {
        tx.execute_batch(sql).at(path)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)
            .at(path)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)
        .at(path)?;
    tx.commit().at(path)
}

/// Checks a file opened read-only: it must already be a storyline database at this version.
pub(crate) fn check_read_only(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    match inspect(conn, path)? {
        Found::Storyline(SCHEMA_VERSION) => Ok(()),
        Found::Storyline(found) => Err(StoreError::NeedsUpgrade {
            path: path.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        }),
        Found::Empty => Err(StoreError::NotFound {
            path: path.to_path_buf(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_database_gets_current_schema_and_fts5() {
        let mut conn = Connection::open_in_memory().expect("open");
        prepare(&mut conn, Path::new(":memory:")).expect("prepare");
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("version");
        assert_eq!(v, SCHEMA_VERSION);
        // Preparing again is a no-op.
        prepare(&mut conn, Path::new(":memory:")).expect("prepare again");
        conn.execute(
            "INSERT INTO articles_fts(rowid, title, text) VALUES (1, 'Storm', 'Gales hit the coast')",
            [],
        )
        .expect("fts5 available");
    }

    #[test]
    fn refuses_foreign_and_newer_databases() {
        let mut conn = Connection::open_in_memory().expect("open");
        conn.execute_batch("CREATE TABLE recipes (name TEXT)")
            .expect("create");
        assert!(matches!(
            prepare(&mut conn, Path::new("cook.db")),
            Err(StoreError::Foreign { .. })
        ));

        let mut conn = Connection::open_in_memory().expect("open");
        prepare(&mut conn, Path::new("n.db")).expect("prepare");
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .expect("bump");
        let err = prepare(&mut conn, Path::new("n.db")).expect_err("too new");
        assert!(matches!(err, StoreError::TooNew { .. }), "{err}");
    }
}
