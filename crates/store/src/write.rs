//! The write path: storing batches of records idempotently, linking revisions, recording
//! which pipeline produced each article.

use rusqlite::{params, Transaction, TransactionBehavior};
use storyline_record::Record;

use crate::error::{AtPath, StoreError};
use crate::SqliteStore;

/// Which engine produced a batch of records: stored once per distinct pair, and referenced by
/// every article it produced, so runs with different settings can be told apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// The storyline version (`CARGO_PKG_VERSION` of the binary).
    pub storyline_version: String,
    /// The pipeline settings as JSON (stage list and their options).
    pub settings: String,
}

/// What one batch did, counted per record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchSummary {
    /// Articles stored for the first time, with no earlier version.
    pub num_new: u64,
    /// Articles stored as a new revision of an earlier one (same URL or source, new body).
    pub num_revisions: u64,
    /// Records whose id was already stored (or came twice in the batch): nothing written.
    pub num_duplicates: u64,
}

impl BatchSummary {
    /// Adds another batch's counts to these.
    pub fn add(&mut self, other: BatchSummary) {
        self.num_new += other.num_new;
        self.num_revisions += other.num_revisions;
        self.num_duplicates += other.num_duplicates;
    }
}

impl SqliteStore {
    /// Stores a batch of records in one transaction.
    ///
    /// A record whose id is already stored is skipped (re-ingesting never duplicates). A record
    /// whose URL (else source) matches a stored article with another id is stored as a new
    /// revision: `revision_of` names the article it replaces, which stops being current.
    ///
    /// What a crash leaves behind: the batch is one SQLite transaction in a WAL file, so after
    /// a kill at any moment either every article of the batch is stored with all its entities,
    /// quotes, claims, events and search entry, or none is; earlier batches are intact. On
    /// error (full disk, lock, read-only file) the batch is rolled back the same way.
    pub fn insert_batch(
        &mut self,
        provenance: &Provenance,
        records: &[Record],
    ) -> Result<BatchSummary, StoreError> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .at(&path)?;
        let pipeline = match &self.pipeline_cache {
            Some((p, id)) if p == provenance => *id,
            _ => pipeline_id(&tx, provenance).at(&path)?,
        };
        let mut summary = BatchSummary::default();
        for record in records {
            match insert_one(&tx, pipeline, record).at(&path)? {
                Stored::New => summary.num_new += 1,
                Stored::Revision => summary.num_revisions += 1,
                Stored::Duplicate => summary.num_duplicates += 1,
            }
        }
        tx.commit().at(&path)?;
        // Cached only after commit: a rolled-back batch may have created the row.
        self.pipeline_cache = Some((provenance.clone(), pipeline));
        Ok(summary)
    }
}

/// What happened to one record.
enum Stored {
    New,
    Revision,
    Duplicate,
}

/// The `pipelines` row for `p`, created when new.
fn pipeline_id(tx: &Transaction<'_>, p: &Provenance) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT OR IGNORE INTO pipelines(storyline_version, settings) VALUES (?1, ?2)",
        params![p.storyline_version, p.settings],
    )?;
    tx.query_row(
        "SELECT id FROM pipelines WHERE storyline_version = ?1 AND settings = ?2",
        params![p.storyline_version, p.settings],
        |r| r.get(0),
    )
}

/// The key under which later bodies count as revisions: the URL when the source gave one.
pub(crate) fn revision_key(r: &Record) -> &str {
    match r.url.as_deref() {
        Some(url) if !url.trim().is_empty() => url,
        _ => &r.source,
    }
}

fn insert_one(tx: &Transaction<'_>, pipeline: i64, r: &Record) -> rusqlite::Result<Stored> {
    let exists = tx
        .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?
        .exists([&r.id])?;
    if exists {
        return Ok(Stored::Duplicate);
    }
    let key = revision_key(r);
    let previous: Option<String> = {
        let mut stmt = tx.prepare_cached(
            "SELECT id FROM articles WHERE revision_key = ?1 ORDER BY seq DESC LIMIT 1",
        )?;
        let mut rows = stmt.query([key])?;
        match rows.next()? {
            Some(row) => Some(row.get(0)?),
            None => None,
        }
    };
    let json = stored_json(r).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    tx.prepare_cached(
        "INSERT INTO articles(id, source, url, revision_key, revision_of, outlet, title, published,
             author, language, text, record, pipeline, ingested_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,
             strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
    )?
    .execute(params![
        r.id,
        r.source,
        r.url,
        key,
        previous,
        r.outlet,
        r.title,
        r.published,
        r.author,
        r.language,
        r.text,
        json,
        pipeline
    ])?;
    let seq = tx.last_insert_rowid();
    if let Some(prev) = &previous {
        tx.prepare_cached("UPDATE articles SET current = 0 WHERE id = ?1")?
            .execute([prev])?;
    }
    tx.prepare_cached("INSERT INTO articles_fts(rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![seq, r.title.as_deref().unwrap_or(""), r.text])?;
    insert_items(tx, seq, r)?;
    Ok(if previous.is_some() {
        Stored::Revision
    } else {
        Stored::New
    })
}

/// The record as stored beside its body: JSON with `text` left empty (the body is stored
/// once, in its own column) and non-finite claim values as 0 (JSON has no NaN, and a stored
/// record must stay readable).
pub(crate) fn stored_json(r: &Record) -> Result<String, serde_json::Error> {
    let mut shell = Record {
        text: String::new(),
        ..r.clone()
    };
    for c in shell.claims.iter_mut().filter(|c| !c.value.is_finite()) {
        c.value = 0.0;
    }
    serde_json::to_string(&shell)
}

/// The per-item tables of one article.
fn insert_items(tx: &Transaction<'_>, seq: i64, r: &Record) -> rusqlite::Result<()> {
    let mut entity = tx.prepare_cached(
        "INSERT INTO entities(article, name, kind, role, num_mentions, mentions)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut name = tx.prepare_cached("INSERT INTO entity_names(entity, name) VALUES (?1, ?2)")?;
    for e in &r.entities {
        let mentions = serde_json::to_string(&e.mentions)
            .map_err(|err| rusqlite::Error::ToSqlConversionFailure(Box::new(err)))?;
        entity.execute(params![
            seq,
            e.name,
            e.kind,
            e.role,
            e.mentions.len() as i64,
            mentions
        ])?;
        let id = tx.last_insert_rowid();
        name.execute(params![id, e.name])?;
        for alias in e
            .aliases
            .iter()
            .filter(|a| !a.eq_ignore_ascii_case(&e.name))
        {
            name.execute(params![id, alias])?;
        }
    }
    let mut quote = tx.prepare_cached(
        "INSERT INTO quotes(article, text, speaker, cue, kind, start, end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    // Each item also goes into its trigram index (same rowid), which the filters search.
    let mut quote_trgm =
        tx.prepare_cached("INSERT INTO quotes_trgm(rowid, speaker, text) VALUES (?1, ?2, ?3)")?;
    // Reported speech sits among the quotes (kind `indirect`): one table answers "what did
    // X say" whichever way it was reported.
    for q in &r.quotes {
        quote.execute(params![
            seq,
            q.text,
            q.speaker,
            q.cue,
            q.kind,
            q.span[0] as i64,
            q.span[1] as i64
        ])?;
        quote_trgm.execute(params![tx.last_insert_rowid(), q.speaker, q.text])?;
    }
    let mut claim = tx.prepare_cached(
        "INSERT INTO claims(article, value, unit, noun, subject, place, hedge, claimant, text,
             start, end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    let mut claim_trgm =
        tx.prepare_cached("INSERT INTO claims_trgm(rowid, noun, subject) VALUES (?1, ?2, ?3)")?;
    for c in &r.claims {
        // SQLite stores NaN as NULL, which the NOT NULL column refuses: keep such a claim
        // findable with 0 rather than failing the whole batch.
        let value = if c.value.is_finite() { c.value } else { 0.0 };
        claim.execute(params![
            seq,
            value,
            c.unit,
            c.noun,
            c.subject,
            c.place,
            c.hedge,
            c.claimant,
            c.text,
            c.span[0] as i64,
            c.span[1] as i64
        ])?;
        claim_trgm.execute(params![tx.last_insert_rowid(), c.noun, c.subject])?;
    }
    let mut event = tx.prepare_cached(
        "INSERT INTO events(article, source, action, target, negated, hypothetical, start, end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut event_trgm =
        tx.prepare_cached("INSERT INTO events_trgm(rowid, source) VALUES (?1, ?2)")?;
    for e in &r.events {
        event.execute(params![
            seq,
            e.source,
            e.action,
            e.target,
            e.negated,
            e.hypothetical,
            e.span[0] as i64,
            e.span[1] as i64
        ])?;
        event_trgm.execute(params![tx.last_insert_rowid(), e.source])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{conn, provenance, record, store_with};

    #[test]
    fn same_id_twice_stores_once() {
        let a = record("a", "Rain stopped play at Lord's.").build();
        let mut store = store_with(&[]);
        let first = store
            .insert_batch(&provenance(), &[a.clone(), a.clone()])
            .expect("insert");
        assert_eq!((first.num_new, first.num_duplicates), (1, 1));
        let again = store.insert_batch(&provenance(), &[a]).expect("insert");
        assert_eq!(again.num_duplicates, 1);
        assert_eq!(store.num_articles().expect("count"), 1);
    }

    #[test]
    fn changed_body_at_same_url_is_a_linked_revision() {
        let url = "https://example.org/markets/chips";
        let v1 = record("v1", "Chip shares fell 3% in early trading.").url(url);
        let v2 = record("v2", "Chip shares fell 4% by the close.").url(url);
        let other = record("o", "A different story.");
        let mut store = store_with(&[v1, other]);
        let s = store
            .insert_batch(&provenance(), &[v2.build()])
            .expect("insert");
        assert_eq!(s.num_revisions, 1);
        let stats = store.stats().expect("stats");
        assert_eq!((stats.articles, stats.revisions), (3, 1));
        let revision_of: Option<String> = conn(&store)
            .query_row(
                "SELECT revision_of FROM articles WHERE id = 'v2'",
                [],
                |r| r.get(0),
            )
            .expect("row");
        assert_eq!(revision_of.as_deref(), Some("v1"));
        let current: Vec<String> = store
            .current_records()
            .expect("records")
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(current, ["o", "v2"]);
        assert_eq!(store.records().expect("records").len(), 3);
        // Searching finds the current revision only.
        assert!(store.search("early", 5).expect("search").is_empty());
        assert_eq!(store.search("close", 5).expect("search").len(), 1);
    }

    #[test]
    fn records_round_trip_with_their_text() {
        let fixture = record("r", "Über 40 Läufer finished the Köln marathon.").claim(
            40.0,
            "Läufer",
            None,
            "40 Läufer",
        );
        let store = store_with(std::slice::from_ref(&fixture));
        assert_eq!(store.records().expect("records"), vec![fixture.build()]);
        assert_eq!(store.record("r").expect("record"), Some(fixture.build()));
        assert_eq!(store.record("missing").expect("record"), None);
    }

    #[test]
    fn framing_markers_and_tone_are_kept() {
        let mut fixture = record("f", "The regime's \"referendum\" was a sham, he said.")
            .framing("loaded", "regime", None)
            .framing("scare_quote", "\"referendum\"", None)
            .framing("loaded", "sham", Some("Kuleba"));
        fixture.0["tone"] =
            serde_json::json!({"tone": -2.5, "positive": 0.0, "negative": 2.5, "words": 40});
        let store = store_with(std::slice::from_ref(&fixture));
        let back = store.record("f").expect("record").expect("stored");
        assert_eq!(back.framing.len(), 3);
        assert_eq!(back.framing[2].speaker.as_deref(), Some("Kuleba"));
        assert!(!back.framing[2].is_outlet_voice());
        assert_eq!(back.tone.map(|t| t.words), Some(40));
        assert_eq!(back, fixture.build());
    }

    #[test]
    fn remembers_the_pipeline_that_produced_each_article() {
        let mut store = store_with(&[record("a", "First.")]);
        let newer = Provenance {
            storyline_version: "9.9.9".into(),
            settings: "{\"stages\":[\"clean\"]}".into(),
        };
        store
            .insert_batch(&newer, &[record("b", "Second.").build()])
            .expect("insert");
        let versions: Vec<String> = conn(&store)
            .prepare("SELECT p.storyline_version FROM articles a JOIN pipelines p ON p.id = a.pipeline ORDER BY a.seq")
            .expect("prepare")
            .query_map([], |r| r.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows");
        assert_eq!(versions, ["test", "9.9.9"]);
    }

    #[test]
    fn non_finite_claim_values_do_not_break_the_batch() {
        let mut r = record("n", "Nobody knows how many.")
            .claim(1.0, "people", None, "many")
            .build();
        r.claims[0].value = f64::NAN;
        let mut store = store_with(&[]);
        store.insert_batch(&provenance(), &[r]).expect("insert");
        assert_eq!(store.records().expect("readable").len(), 1);
    }
}
