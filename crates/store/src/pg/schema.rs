//! The PostgreSQL schema, its versioned migrations, and the checks that a database is a
//! storyline database.
//!
//! A storyline database has a `storyline_meta(application_id, schema_version)` row.
//! [`MIGRATIONS`]`[i]` takes version `i` to `i + 1`; pending migrations run in one transaction
//! under an advisory lock, so two ingesters starting at once never both migrate, and a failed
//! upgrade leaves the old version intact (PostgreSQL's DDL is transactional).
//!
//! The tables mirror the SQLite schema (see the `schema` module), with these differences:
//! text columns compare byte-wise (`COLLATE "C"`, as SQLite does), spans are
//! `span_start`/`span_end`, `is_current` is a boolean, and full-text search reads a tsvector
//! per current article (title weighted above body, `simple` configuration: no stemming, like
//! SQLite's `unicode61`) with a GIN index. Case-insensitive lookups (entity names,
//! speakers, outlets) use indexes on `lower(...)`.
//!
//! Version 3 indexes the substring filters (speaker, quote text, claim noun and subject, event
//! source) with `pg_trgm` GIN indexes and makes search accent-insensitive through the
//! `storyline_simple` configuration (`simple` behind `unaccent`), when the server has those
//! contrib modules (see `V3`). Version 4 adds `articles_in_order` (see `V4`); version 5 stores
//! analysis bodies compressed (see `V5`); version 6 adds `articles_current_by_date` (see `V6`);
//! version 7 moves the search vectors of current articles into `article_search` (see `V7`).

use std::path::Path;

use postgres::Client;

use crate::error::{AtUrl, StoreError};
use crate::{APPLICATION_ID, SCHEMA_VERSION};

/// `MIGRATIONS[i]` upgrades a database from schema version `i` to `i + 1`; there are as many
/// as SQLite's, so both backends report the same [`SCHEMA_VERSION`].
const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6, V7];

const V1: &str = r#"
CREATE TABLE pipelines (
    id bigserial PRIMARY KEY,
    storyline_version text NOT NULL,
    settings text NOT NULL,
    UNIQUE (storyline_version, settings)
);
CREATE TABLE articles (
    seq bigserial PRIMARY KEY,
    id text COLLATE "C" NOT NULL UNIQUE,
    source text COLLATE "C" NOT NULL,
    url text COLLATE "C",
    revision_key text COLLATE "C" NOT NULL,
    revision_of text COLLATE "C",
    is_current boolean NOT NULL DEFAULT true,
    outlet text COLLATE "C",
    title text COLLATE "C",
    published text COLLATE "C",
    author text COLLATE "C",
    language text COLLATE "C",
    text text COLLATE "C" NOT NULL,
    record text NOT NULL,
    pipeline bigint NOT NULL REFERENCES pipelines(id),
    ingested_at timestamptz NOT NULL DEFAULT now(),
    search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', left(coalesce(title, ''), 10000)), 'A')
        || to_tsvector('simple', left(text, 500000))
    ) STORED
);
CREATE INDEX articles_by_revision_key ON articles (revision_key, seq);
CREATE INDEX articles_by_outlet ON articles (lower(outlet));
CREATE INDEX articles_by_published ON articles (published, seq);
CREATE INDEX articles_search ON articles USING gin (search);
CREATE TABLE entities (
    id bigserial PRIMARY KEY,
    article bigint NOT NULL REFERENCES articles(seq),
    name text COLLATE "C" NOT NULL,
    kind text COLLATE "C" NOT NULL,
    role text COLLATE "C",
    num_mentions bigint NOT NULL,
    mentions text NOT NULL
);
CREATE INDEX entities_by_article ON entities (article);
CREATE TABLE entity_names (
    id bigserial PRIMARY KEY,
    entity bigint NOT NULL REFERENCES entities(id),
    name text COLLATE "C" NOT NULL
);
CREATE INDEX entity_names_by_name ON entity_names (lower(name));
CREATE INDEX entity_names_by_entity ON entity_names (entity);
CREATE TABLE quotes (
    id bigserial PRIMARY KEY,
    article bigint NOT NULL REFERENCES articles(seq),
    text text COLLATE "C" NOT NULL,
    speaker text COLLATE "C",
    cue text COLLATE "C",
    kind text COLLATE "C" NOT NULL,
    span_start bigint NOT NULL,
    span_end bigint NOT NULL
);
CREATE INDEX quotes_by_speaker ON quotes (lower(speaker));
CREATE INDEX quotes_by_article ON quotes (article);
CREATE TABLE claims (
    id bigserial PRIMARY KEY,
    article bigint NOT NULL REFERENCES articles(seq),
    value double precision NOT NULL,
    unit text COLLATE "C",
    noun text COLLATE "C" NOT NULL,
    subject text COLLATE "C",
    place text COLLATE "C",
    hedge text COLLATE "C",
    claimant text COLLATE "C",
    text text COLLATE "C" NOT NULL,
    span_start bigint NOT NULL,
    span_end bigint NOT NULL
);
CREATE INDEX claims_by_article ON claims (article);
CREATE TABLE events (
    id bigserial PRIMARY KEY,
    article bigint NOT NULL REFERENCES articles(seq),
    source text COLLATE "C",
    action text COLLATE "C" NOT NULL,
    target text COLLATE "C",
    negated boolean NOT NULL,
    hypothetical boolean NOT NULL,
    span_start bigint NOT NULL,
    span_end bigint NOT NULL
);
CREATE INDEX events_by_action ON events (action);
CREATE INDEX events_by_article ON events (article);
"#;

/// Version 2: stored results of cross-article analysis.
const V2: &str = r#"
CREATE TABLE analysis (
    kind text COLLATE "C" PRIMARY KEY,
    generation bigint NOT NULL,
    body text NOT NULL
);
"#;

/// Version 3: trigram indexes (`pg_trgm`) for the substring filters on quotes, claims and
/// events, and accent-insensitive search (`unaccent` in the text search configuration
/// `storyline_simple`), as SQLite's `unicode61 remove_diacritics 2` does. Both are contrib
/// modules shipped with the server; without them (or without the right to create them) the
/// filters scan and search stays accent-sensitive, and the migration still succeeds.
const V3: &str = r#"
DO $$
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN OTHERS THEN
        RAISE WARNING 'storyline: pg_trgm is not available (%); quote, claim and event filters will scan their tables', SQLERRM;
    END;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE INDEX quotes_speaker_trgm ON quotes USING gin (speaker gin_trgm_ops);
        CREATE INDEX quotes_text_trgm ON quotes USING gin (text gin_trgm_ops);
        CREATE INDEX claims_noun_trgm ON claims USING gin (noun gin_trgm_ops);
        CREATE INDEX claims_subject_trgm ON claims USING gin (subject gin_trgm_ops);
        CREATE INDEX events_source_trgm ON events USING gin (source gin_trgm_ops);
    END IF;
    BEGIN
        CREATE EXTENSION IF NOT EXISTS unaccent;
    EXCEPTION WHEN OTHERS THEN
        RAISE WARNING 'storyline: unaccent is not available (%); search will be accent-sensitive', SQLERRM;
    END;
    CREATE TEXT SEARCH CONFIGURATION storyline_simple (COPY = simple);
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN
        ALTER TEXT SEARCH CONFIGURATION storyline_simple
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
    END IF;
END
$$;
ALTER TABLE articles DROP COLUMN search;
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('storyline_simple', left(coalesce(title, ''), 10000)), 'A')
    || to_tsvector('storyline_simple', left(text, 500000))
) STORED;
CREATE INDEX articles_search ON articles USING gin (search);
"#;

/// Version 4: the articles' order and filter columns in one index, as on SQLite, so that the
/// planner can order the matches of a filter by article with index-only scans.
const V4: &str = r#"
CREATE INDEX articles_in_order ON articles (seq, is_current, published, outlet);
"#;

/// Version 5: analysis bodies are stored compressed, as `bytea` (as on SQLite; the parts are
/// recomputed by the next ingest).
const V5: &str = r#"
DROP TABLE analysis;
CREATE TABLE analysis (
    kind text COLLATE "C" PRIMARY KEY,
    generation bigint NOT NULL,
    body bytea NOT NULL
);
"#;

/// Version 6: current articles in publication order (NULL dates first, as the item lists
/// order them), with the columns an item row shows: the walk of a common filter's page
/// (`super::page`) reads it without the article rows.
const V6: &str = r#"
CREATE INDEX articles_current_by_date ON articles (published NULLS FIRST, seq)
    INCLUDE (id, outlet, title) WHERE is_current;
"#;

/// Version 7: the search vectors of current articles in a narrow table of their own,
/// `article_search(seq, search)`, kept in the row (`toast_tuple_target`, storage `MAIN`)
/// rather than in TOAST. Ranking reads every matching vector: in `articles` each one cost a
/// visit to a wide row and two TOAST look-ups (119 ms for two common words at 100k articles),
/// here it is one read of a narrow row (42 ms). Replaced revisions leave the table, so the
/// search needs no `is_current` filter; the write path fills it (`pg::write`).
const V7: &str = r#"
CREATE TABLE article_search (
    seq bigint PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
    search tsvector NOT NULL
) WITH (toast_tuple_target = 8160);
ALTER TABLE article_search ALTER COLUMN search SET STORAGE MAIN;
INSERT INTO article_search (seq, search) SELECT seq, search FROM articles WHERE is_current;
CREATE INDEX article_search_words ON article_search USING gin (search);
DROP INDEX articles_search;
ALTER TABLE articles DROP COLUMN search;
"#;

/// The search vector of an article row `a`: its title weighted above its body.
pub(super) const SEARCH_VECTOR: &str =
    "setweight(to_tsvector('storyline_simple', left(coalesce(a.title, ''), 10000)), 'A')
     || to_tsvector('storyline_simple', left(a.text, 500000))";

/// What the database holds.
enum Found {
    /// No storyline tables: the schema is created.
    Empty,
    /// A storyline database at this schema version.
    Storyline(i64),
}

/// Refuses databases with someone else's `articles` table, or a newer storyline schema.
fn inspect(client: &mut impl postgres::GenericClient, url: &Path) -> Result<Found, StoreError> {
    let row = client
        .query_one(
            "SELECT to_regclass('storyline_meta') IS NOT NULL, to_regclass('articles') IS NOT NULL",
            &[],
        )
        .at(url)?;
    let (has_meta, has_articles): (bool, bool) = (row.try_get(0).at(url)?, row.try_get(1).at(url)?);
    if !has_meta {
        return if has_articles {
            Err(StoreError::Foreign {
                path: url.to_path_buf(),
            })
        } else {
            Ok(Found::Empty)
        };
    }
    let row = client
        .query_opt(
            "SELECT application_id, schema_version FROM storyline_meta LIMIT 1",
            &[],
        )
        .at(url)?;
    let Some(row) = row else {
        return Err(StoreError::Foreign {
            path: url.to_path_buf(),
        });
    };
    let (app_id, version): (i64, i64) = (row.try_get(0).at(url)?, row.try_get(1).at(url)?);
    if app_id != APPLICATION_ID {
        return Err(StoreError::Foreign {
            path: url.to_path_buf(),
        });
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: url.to_path_buf(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(Found::Storyline(version))
}

/// Checks the database and brings its schema up to [`SCHEMA_VERSION`] in one transaction.
pub(super) fn prepare(client: &mut Client, url: &Path) -> Result<(), StoreError> {
    if matches!(inspect(client, url)?, Found::Storyline(SCHEMA_VERSION)) {
        return Ok(());
    }
    let mut tx = client.transaction().at(url)?;
    // Serialises concurrent first opens; re-inspected under the lock.
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&APPLICATION_ID])
        .at(url)?;
    let from = match inspect(&mut tx, url)? {
        Found::Empty => {
            tx.batch_execute(
                "CREATE TABLE storyline_meta (application_id bigint NOT NULL,
                                              schema_version bigint NOT NULL)",
            )
            .at(url)?;
            tx.execute(
                "INSERT INTO storyline_meta VALUES ($1, 0)",
                &[&APPLICATION_ID],
            )
            .at(url)?;
            0
        }
        Found::Storyline(v) => v,
    };
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(from.max(0) as usize) {
        tx.batch_execute(sql).at(url)?;
        tx.execute(
            "UPDATE storyline_meta SET schema_version = $1",
            &[&(i as i64 + 1)],
        )
        .at(url)?;
    }
    tx.commit().at(url)
}

/// Checks a database opened for queries: it must already be a storyline database at this
/// version.
pub(super) fn check_read_only(client: &mut Client, url: &Path) -> Result<(), StoreError> {
    match inspect(client, url)? {
        Found::Storyline(SCHEMA_VERSION) => Ok(()),
        Found::Storyline(found) => Err(StoreError::NeedsUpgrade {
            path: url.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        }),
        Found::Empty => Err(StoreError::NotFound {
            path: url.to_path_buf(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::MIGRATIONS;
    use crate::pg::testdb::TestDb;
    use crate::{Store, StoreError};

    #[test]
    fn version_7_moves_the_current_articles_into_the_search_table() {
        let Some(db) = TestDb::create("upgrade7") else {
            return;
        };
        // A version-6 database holding an article and the revision that replaced it.
        db.execute(
            "CREATE TABLE storyline_meta (application_id bigint NOT NULL,
                                          schema_version bigint NOT NULL)",
        );
        for sql in &MIGRATIONS[..6] {
            db.execute(sql);
        }
        db.execute(&format!(
            "INSERT INTO storyline_meta VALUES ({}, 6);
             INSERT INTO pipelines (storyline_version, settings) VALUES ('0', '{{}}');
             INSERT INTO articles (id, source, revision_key, is_current, title, text, record,
                                   pipeline)
             VALUES ('old', 'a', 'k', false, 'Harbour wall', 'The harbour wall cracked.', '{{}}', 1),
                    ('new', 'a', 'k', true, 'Harbour wall', 'The harbour wall held.', '{{}}', 1);",
            crate::APPLICATION_ID
        ));
        let store = Store::open(&db.url).expect("upgrade to version 7");
        let hits = store.search("HARBOUR", 10).expect("search");
        let ids: Vec<&str> = hits.iter().map(|h| h.article.id.as_str()).collect();
        assert_eq!(ids, ["new"]);
        assert_eq!(hits[0].snippet, "The [harbour] wall held");
        assert!(store.search("cracked", 10).expect("search").is_empty());
    }

    #[test]
    fn creates_once_and_refuses_foreign_and_newer_databases() {
        let Some(db) = TestDb::create("schema") else {
            return;
        };
        Store::open(&db.url).expect("create");
        Store::open(&db.url).expect("reopen is a no-op");
        db.execute("UPDATE storyline_meta SET schema_version = schema_version + 1");
        let err = Store::open(&db.url).expect_err("too new");
        assert!(matches!(err, StoreError::TooNew { .. }), "{err}");

        let Some(foreign) = TestDb::create("foreign") else {
            return;
        };
        foreign.execute("CREATE TABLE articles (headline text)");
        let err = Store::open(&foreign.url).expect_err("foreign");
        assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
        let Some(empty) = TestDb::create("empty") else {
            return;
        };
        let err = Store::open_read_only(&empty.url).expect_err("nothing ingested");
        assert!(matches!(err, StoreError::NotFound { .. }), "{err}");
    }
}
