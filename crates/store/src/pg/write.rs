//! The PostgreSQL write path: a batch is one transaction; articles go in one statement each
//! (idempotent by id with `ON CONFLICT`, linked to the revision they replace), their items in
//! one statement per table for the whole batch.

use std::path::Path;

use postgres::Transaction;
use storyline_record::Record;

use super::{pg_text, PgStore};
use crate::error::{AtUrl, StoreError};
use crate::write::{revision_key, stored_json};
use crate::{BatchSummary, Provenance};

impl PgStore {
    /// Stores a batch of records in one transaction; see [`crate::Store::insert_batch`].
    ///
    /// Concurrent ingesters: the revision keys of the batch are locked (advisory locks, in one
    /// order, so two batches never deadlock) before any article is written, so two machines
    /// storing revisions of one URL link them in a chain; the same id from two machines is
    /// stored once (`ON CONFLICT DO NOTHING` waits for the other's commit).
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
        let mut summary = BatchSummary::default();
        let mut items = Items::default();
        for (record, key) in records.iter().zip(&keys) {
            match insert_article(&mut tx, pipeline, record, key, &url)? {
                None => summary.num_duplicates += 1,
                Some((seq, revision_of)) => {
                    if let Some(previous) = revision_of {
                        summary.num_revisions += 1;
                        tx.execute(
                            "UPDATE articles SET is_current = false WHERE id = $1",
                            &[&previous],
                        )
                        .at(&url)?;
                    } else {
                        summary.num_new += 1;
                    }
                    items.add(seq, record);
                }
            }
        }
        items.insert(&mut tx).at(&url)?;
        tx.commit().at(&url)?;
        // Cached only after commit: a rolled-back batch may have created the row.
        self.pipeline_cache = Some((provenance.clone(), pipeline));
        Ok(summary)
    }
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

/// Stores one article unless its id is already stored: `Some((seq, revision_of))` when written.
fn insert_article(
    tx: &mut Transaction<'_>,
    pipeline: i64,
    r: &Record,
    key: &str,
    url: &Path,
) -> Result<Option<(i64, Option<String>)>, StoreError> {
    let json = stored_json(r).map_err(|source| StoreError::BadRecord {
        path: url.to_path_buf(),
        id: r.id.clone(),
        source,
    })?;
    let opt = |s: &Option<String>| s.as_deref().map(|s| pg_text(s).into_owned());
    // NOT EXISTS first, so a duplicate does not consume a sequence number (ingest order stays
    // dense); ON CONFLICT covers a concurrent ingester storing the same id.
    let row = tx
        .query_opt(
            "WITH prev AS (SELECT id FROM articles WHERE revision_key = $4
                           ORDER BY seq DESC LIMIT 1)
             INSERT INTO articles(id, source, url, revision_key, revision_of, outlet, title,
                 published, author, language, text, record, pipeline)
             SELECT $1, $2, $3, $4, (SELECT id FROM prev), $5, $6, $7, $8, $9, $10, $11, $12
             WHERE NOT EXISTS (SELECT 1 FROM articles WHERE id = $1)
             ON CONFLICT (id) DO NOTHING
             RETURNING seq, revision_of",
            &[
                &pg_text(&r.id),
                &pg_text(&r.source),
                &opt(&r.url),
                &key,
                &opt(&r.outlet),
                &opt(&r.title),
                &opt(&r.published),
                &opt(&r.author),
                &opt(&r.language),
                &pg_text(&r.text),
                &pg_text(&json),
                &pipeline,
            ],
        )
        .at(url)?;
    row.map(|row| Ok((row.try_get(0).at(url)?, row.try_get(1).at(url)?)))
        .transpose()
}

/// Per-item rows of a batch, column by column, written with one `unnest` insert per table.
#[derive(Default)]
struct Items {
    entities: Vec<Entity>,
    quotes: Columns<7>,
    claims: Columns<11>,
    events: Columns<8>,
}

/// An entity of a stored article, with its other names.
struct Entity {
    article: i64,
    name: String,
    kind: String,
    role: Option<String>,
    mentions: Vec<[usize; 2]>,
    aliases: Vec<String>,
}

/// `N` columns of values rendered as text (numbers and booleans too: the insert casts them),
/// `None` for SQL NULL.
struct Columns<const N: usize>([Vec<Option<String>>; N]);

impl<const N: usize> Default for Columns<N> {
    fn default() -> Self {
        Columns(std::array::from_fn(|_| Vec::new()))
    }
}

impl<const N: usize> Columns<N> {
    fn push(&mut self, row: [Option<String>; N]) {
        for (column, value) in self.0.iter_mut().zip(row) {
            column.push(value.map(|v| pg_text(&v).into_owned()));
        }
    }
}

/// An optional text value.
fn o(s: &Option<String>) -> Option<String> {
    s.clone()
}

/// A present value.
fn v(s: impl ToString) -> Option<String> {
    Some(s.to_string())
}

impl Items {
    /// Adds the items of the article stored as `seq`.
    fn add(&mut self, seq: i64, r: &Record) {
        for e in &r.entities {
            self.entities.push(Entity {
                article: seq,
                name: pg_text(&e.name).into_owned(),
                kind: pg_text(&e.kind).into_owned(),
                role: e.role.as_deref().map(|s| pg_text(s).into_owned()),
                mentions: e.mentions.clone(),
                aliases: e
                    .aliases
                    .iter()
                    .filter(|a| !a.eq_ignore_ascii_case(&e.name))
                    .map(|a| pg_text(a).into_owned())
                    .collect(),
            });
        }
        for q in &r.quotes {
            self.quotes.push([
                v(seq),
                v(&q.text),
                o(&q.speaker),
                o(&q.cue),
                v(&q.kind),
                v(q.span[0]),
                v(q.span[1]),
            ]);
        }
        for c in &r.claims {
            let value = if c.value.is_finite() { c.value } else { 0.0 };
            self.claims.push([
                v(seq),
                v(value),
                o(&c.unit),
                v(&c.noun),
                o(&c.subject),
                o(&c.place),
                o(&c.hedge),
                o(&c.claimant),
                v(&c.text),
                v(c.span[0]),
                v(c.span[1]),
            ]);
        }
        for e in &r.events {
            self.events.push([
                v(seq),
                o(&e.source),
                v(&e.action),
                o(&e.target),
                v(e.negated),
                v(e.hypothetical),
                v(e.span[0]),
                v(e.span[1]),
            ]);
        }
    }

    /// Writes every collected item.
    fn insert(&self, tx: &mut Transaction<'_>) -> Result<(), postgres::Error> {
        if !self.entities.is_empty() {
            self.insert_entities(tx)?;
        }
        let [a, b, c, d, e, f, g] = &self.quotes.0;
        if !a.is_empty() {
            tx.execute(
                "INSERT INTO quotes(article, text, speaker, cue, kind, span_start, span_end)
                 SELECT a::bigint, b, c, d, e, f::bigint, g::bigint
                 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
                             $6::text[], $7::text[]) WITH ORDINALITY AS t(a, b, c, d, e, f, g, n)
                 ORDER BY n",
                &[a, b, c, d, e, f, g],
            )?;
        }
        let [a, b, c, d, e, f, g, h, i, j, k] = &self.claims.0;
        if !a.is_empty() {
            tx.execute(
                "INSERT INTO claims(article, value, unit, noun, subject, place, hedge, claimant,
                     text, span_start, span_end)
                 SELECT a::bigint, b::double precision, c, d, e, f, g, h, i, j::bigint, k::bigint
                 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
                             $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                             $11::text[]) WITH ORDINALITY AS t(a, b, c, d, e, f, g, h, i, j, k, n)
                 ORDER BY n",
                &[a, b, c, d, e, f, g, h, i, j, k],
            )?;
        }
        let [a, b, c, d, e, f, g, h] = &self.events.0;
        if !a.is_empty() {
            tx.execute(
                "INSERT INTO events(article, source, action, target, negated, hypothetical,
                     span_start, span_end)
                 SELECT a::bigint, b, c, d, e::boolean, f::boolean, g::bigint, h::bigint
                 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
                             $6::text[], $7::text[], $8::text[])
                      WITH ORDINALITY AS t(a, b, c, d, e, f, g, h, n)
                 ORDER BY n",
                &[a, b, c, d, e, f, g, h],
            )?;
        }
        Ok(())
    }

    /// Entities get their ids first (one round trip), so their names can point at them.
    fn insert_entities(&self, tx: &mut Transaction<'_>) -> Result<(), postgres::Error> {
        let n = self.entities.len() as i64;
        let ids: Vec<i64> = tx
            .query(
                "SELECT nextval(pg_get_serial_sequence('entities', 'id')) FROM generate_series(1, $1::bigint)",
                &[&n],
            )?
            .iter()
            .map(|r| r.try_get(0))
            .collect::<Result<_, _>>()?;
        let (mut articles, mut names, mut kinds, mut roles, mut counts, mut mentions) =
            (vec![], vec![], vec![], vec![], vec![], vec![]);
        let (mut name_of, mut name_text) = (vec![], vec![]);
        for (e, id) in self.entities.iter().zip(&ids) {
            articles.push(e.article);
            names.push(e.name.as_str());
            kinds.push(e.kind.as_str());
            roles.push(e.role.as_deref());
            counts.push(e.mentions.len() as i64);
            mentions.push(serde_json::to_string(&e.mentions).unwrap_or_else(|_| "[]".into()));
            name_of.push(*id);
            name_text.push(e.name.as_str());
            for alias in &e.aliases {
                name_of.push(*id);
                name_text.push(alias.as_str());
            }
        }
        tx.execute(
            "INSERT INTO entities(id, article, name, kind, role, num_mentions, mentions)
             SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[],
                                  $6::bigint[], $7::text[])",
            &[&ids, &articles, &names, &kinds, &roles, &counts, &mentions],
        )?;
        tx.execute(
            "INSERT INTO entity_names(entity, name)
             SELECT e, n FROM unnest($1::bigint[], $2::text[]) WITH ORDINALITY AS t(e, n, i)
             ORDER BY i",
            &[&name_of, &name_text],
        )?;
        Ok(())
    }
}
