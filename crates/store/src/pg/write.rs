//! The PostgreSQL write path: a batch is one transaction of a fixed number of statements,
//! whatever its size: what is already stored is looked up once for the whole batch, then the
//! new articles go in with one `unnest` insert (idempotent by id with `ON CONFLICT`, linked to
//! the revision they replace), and their items with one statement per table.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use postgres::Transaction;
use storyline_record::Record;

use super::items::Items;
use super::schema::SEARCH_VECTOR;
use super::{pg_text, PgStore};
use crate::error::{AtUrl, StoreError};
use crate::write::{revision_key, stored_json};
use crate::{BatchSummary, Provenance};

impl PgStore {
    /// Stores a batch of records in one transaction; see [`crate::Store::insert_batch`].
    ///
    /// Concurrent ingesters: the revision keys of the batch are locked (advisory locks, in one
    /// order, so two batches never deadlock) before anything is looked up, so two machines
    /// storing revisions of one URL link them in a chain; the same id from two machines is
    /// stored once (`ON CONFLICT DO NOTHING` waits for the other's commit, and the article
    /// counts as a duplicate here).
    pub fn insert_batch(
        &mut self,
        provenance: &Provenance,
        records: &[Record],
    ) -> Result<BatchSummary, StoreError> {
        let url = self.url.clone();
        let client = self.client.get_mut();
        let mut tx = client.transaction().at(&url)?;
        let pipeline = match &self.pipeline_cache {
            Some((p, id)) if p == provenance => *id,
            _ => pipeline_id(&mut tx, provenance).at(&url)?,
        };
        let keys: Vec<String> = records
            .iter()
            .map(|r| pg_text(revision_key(r)).into_owned())
            .collect();
        tx.execute(
            "SELECT count(pg_advisory_xact_lock(h)) FROM
                 (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest($1::text[]) k ORDER BY 1) s",
            &[&keys],
        )
        .at(&url)?;
        let ids: Vec<String> = records
            .iter()
            .map(|r| pg_text(&r.id).into_owned())
            .collect();
        let plan = Plan::make(&mut tx, &ids, &keys).at(&url)?;
        let mut summary = BatchSummary {
            num_duplicates: (records.len() - plan.new.len()) as u64,
            ..BatchSummary::default()
        };
        let mut rows = ArticleRows::new(records, &ids, &keys, &plan.new, &url)?;
        let stored = rows.insert(&mut tx, pipeline).at(&url)?;
        let mut replaced = Vec::new();
        let mut items = Items::default();
        for ((i, revision_of), seq) in plan.new.iter().zip(&rows.seqs) {
            if !stored.contains(seq) {
                // Stored meanwhile by a concurrent ingester.
                summary.num_duplicates += 1;
                continue;
            }
            match revision_of {
                Some(previous) => {
                    summary.num_revisions += 1;
                    replaced.push(previous.as_str());
                }
                None => summary.num_new += 1,
            }
            items.add(*seq, &records[*i]);
        }
        if !replaced.is_empty() {
            tx.execute(
                "UPDATE articles SET is_current = false WHERE id = ANY($1)",
                &[&replaced],
            )
            .at(&url)?;
            tx.execute(
                "DELETE FROM article_search WHERE seq IN
                     (SELECT seq FROM articles WHERE id = ANY($1))",
                &[&replaced],
            )
            .at(&url)?;
        }
        // Only current articles are searched: a revision replaced within this batch is not.
        tx.execute(
            &format!(
                "INSERT INTO article_search (seq, search)
                 SELECT a.seq, {SEARCH_VECTOR} FROM articles a
                 WHERE a.seq = ANY($1) AND a.is_current"
            ),
            &[&stored.iter().copied().collect::<Vec<i64>>()],
        )
        .at(&url)?;
        items.insert(&mut tx).at(&url)?;
        tx.commit().at(&url)?;
        // Cached only after commit: a rolled-back batch may have created the row.
        self.pipeline_cache = Some((provenance.clone(), pipeline));
        Ok(summary)
    }
}

/// Which records of a batch to write, decided from one look at what is stored.
struct Plan {
    /// Index of each record to store, in batch order, with the id of the article it replaces.
    new: Vec<(usize, Option<String>)>,
}

impl Plan {
    /// Skips ids already stored (or earlier in the batch) and links each new article to the
    /// newest one under its revision key, earlier articles of the batch included.
    fn make(
        tx: &mut Transaction<'_>,
        ids: &[String],
        keys: &[String],
    ) -> Result<Plan, postgres::Error> {
        let mut seen: HashSet<String> = tx
            .query("SELECT id FROM articles WHERE id = ANY($1)", &[&ids])?
            .iter()
            .map(|r| r.try_get(0))
            .collect::<Result<_, _>>()?;
        let mut newest: HashMap<String, String> = tx
            .query(
                "SELECT DISTINCT ON (revision_key) revision_key, id FROM articles
                 WHERE revision_key = ANY($1) ORDER BY revision_key, seq DESC",
                &[&keys],
            )?
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect::<Result<_, postgres::Error>>()?;
        let mut new = Vec::new();
        for (i, (id, key)) in ids.iter().zip(keys).enumerate() {
            if seen.insert(id.clone()) {
                new.push((i, newest.insert(key.clone(), id.clone())));
            }
        }
        Ok(Plan { new })
    }
}

/// The `articles` columns of the new records of a batch, one vector per column.
struct ArticleRows {
    /// Ingest order numbers, allocated when the rows are inserted.
    seqs: Vec<i64>,
    ids: Vec<String>,
    sources: Vec<String>,
    urls: Vec<Option<String>>,
    keys: Vec<String>,
    revision_of: Vec<Option<String>>,
    outlets: Vec<Option<String>>,
    titles: Vec<Option<String>>,
    published: Vec<Option<String>>,
    authors: Vec<Option<String>>,
    languages: Vec<Option<String>>,
    texts: Vec<String>,
    jsons: Vec<String>,
}

impl ArticleRows {
    /// The rows of `records[i]` for each planned `(i, revision_of)`.
    fn new(
        records: &[Record],
        ids: &[String],
        keys: &[String],
        plan: &[(usize, Option<String>)],
        url: &Path,
    ) -> Result<ArticleRows, StoreError> {
        let opt = |s: &Option<String>| s.as_deref().map(|s| pg_text(s).into_owned());
        let n = plan.len();
        let mut rows = ArticleRows {
            seqs: Vec::with_capacity(n),
            ids: Vec::with_capacity(n),
            sources: Vec::with_capacity(n),
            urls: Vec::with_capacity(n),
            keys: Vec::with_capacity(n),
            revision_of: Vec::with_capacity(n),
            outlets: Vec::with_capacity(n),
            titles: Vec::with_capacity(n),
            published: Vec::with_capacity(n),
            authors: Vec::with_capacity(n),
            languages: Vec::with_capacity(n),
            texts: Vec::with_capacity(n),
            jsons: Vec::with_capacity(n),
        };
        for (i, revision_of) in plan {
            let r = &records[*i];
            let json = stored_json(r).map_err(|source| StoreError::BadRecord {
                path: url.to_path_buf(),
                id: r.id.clone(),
                source,
            })?;
            rows.ids.push(ids[*i].clone());
            rows.sources.push(pg_text(&r.source).into_owned());
            rows.urls.push(opt(&r.url));
            rows.keys.push(keys[*i].clone());
            rows.revision_of.push(revision_of.clone());
            rows.outlets.push(opt(&r.outlet));
            rows.titles.push(opt(&r.title));
            rows.published.push(opt(&r.published));
            rows.authors.push(opt(&r.author));
            rows.languages.push(opt(&r.language));
            rows.texts.push(pg_text(&r.text).into_owned());
            rows.jsons.push(pg_text(&json).into_owned());
        }
        Ok(rows)
    }

    /// Allocates the rows' ingest order numbers (ascending in batch order) and inserts them in
    /// one statement; returns the numbers of the rows written (all but ids a concurrent
    /// ingester stored meanwhile).
    fn insert(
        &mut self,
        tx: &mut Transaction<'_>,
        pipeline: i64,
    ) -> Result<HashSet<i64>, postgres::Error> {
        if self.ids.is_empty() {
            return Ok(HashSet::new());
        }
        self.seqs = next_ids(tx, "articles", "seq", self.ids.len())?;
        tx.query(
            "INSERT INTO articles(seq, id, source, url, revision_key, revision_of, outlet, title,
                 published, author, language, text, record, pipeline)
             SELECT *, $14::bigint FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[],
                 $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                 $11::text[], $12::text[], $13::text[])
             ON CONFLICT (id) DO NOTHING
             RETURNING seq",
            &[
                &self.seqs,
                &self.ids,
                &self.sources,
                &self.urls,
                &self.keys,
                &self.revision_of,
                &self.outlets,
                &self.titles,
                &self.published,
                &self.authors,
                &self.languages,
                &self.texts,
                &self.jsons,
                &pipeline,
            ],
        )?
        .iter()
        .map(|r| r.try_get(0))
        .collect()
    }
}

/// `n` fresh values of `table.column`'s sequence, ascending.
pub(super) fn next_ids(
    tx: &mut Transaction<'_>,
    table: &str,
    column: &str,
    n: usize,
) -> Result<Vec<i64>, postgres::Error> {
    let mut ids: Vec<i64> = tx
        .query(
            "SELECT nextval(pg_get_serial_sequence($1, $2)) FROM generate_series(1, $3::bigint)",
            &[&table, &column, &(n as i64)],
        )?
        .iter()
        .map(|r| r.try_get(0))
        .collect::<Result<_, _>>()?;
    ids.sort_unstable();
    Ok(ids)
}

/// The `pipelines` row for `p`, created when new.
fn pipeline_id(tx: &mut Transaction<'_>, p: &Provenance) -> Result<i64, postgres::Error> {
    let (version, settings) = (pg_text(&p.storyline_version), pg_text(&p.settings));
    tx.execute(
        "INSERT INTO pipelines(storyline_version, settings) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        &[&version, &settings],
    )?;
    tx.query_one(
        "SELECT id FROM pipelines WHERE storyline_version = $1 AND settings = $2",
        &[&version, &settings],
    )?
    .try_get(0)
}
