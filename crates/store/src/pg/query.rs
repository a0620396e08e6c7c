//! PostgreSQL answers to the per-item queries: the same rows, in the same order, as the SQLite
//! queries in `crate::query` and `crate::browse` (NULL dates sort first and text compares
//! byte-wise there, so both are asked for here explicitly).

use postgres::Row;

use super::page::ItemQuery;
use super::PgStore;
use crate::error::{AtUrl, StoreError};
use crate::query::{contains_pattern, date_upper_bound, search_words};
use crate::snippet::snippet;
use crate::{
    ArticleFilter, ArticleRef, ArticleRow, ClaimFilter, ClaimRow, EventFilter, EventRow,
    QuoteFilter, QuoteRow, SearchHit, Stats,
};

/// Reads the four article columns starting at `at`.
pub(super) fn article_ref(row: &Row, at: usize) -> Result<ArticleRef, postgres::Error> {
    Ok(ArticleRef {
        id: row.try_get(at)?,
        outlet: row.try_get(at + 1)?,
        published: row.try_get(at + 2)?,
        title: row.try_get(at + 3)?,
    })
}

/// Reads a span stored as two integer columns starting at `at`.
pub(super) fn span(row: &Row, at: usize) -> Result<[u64; 2], postgres::Error> {
    let start: i64 = row.try_get(at)?;
    let end: i64 = row.try_get(at + 1)?;
    Ok([start.max(0) as u64, end.max(0) as u64])
}

/// `LIMIT` value: NULL is "no limit".
pub(super) fn limit(l: Option<usize>) -> Option<i64> {
    l.map(|n| n.min(i64::MAX as usize) as i64)
}

/// `OFFSET` value.
pub(super) fn offset(n: usize) -> i64 {
    n.min(i64::MAX as usize) as i64
}

impl PgStore {
    /// Runs `sql` and converts every row with `read`.
    pub(super) fn rows<T>(
        &self,
        sql: &str,
        params: &[&(dyn postgres::types::ToSql + Sync)],
        read: impl Fn(&Row) -> Result<T, postgres::Error>,
    ) -> Result<Vec<T>, StoreError> {
        let rows = self.client.borrow_mut().query(sql, params).at(&self.url)?;
        rows.iter()
            .map(|r| read(r).at(&self.url))
            .collect::<Result<_, _>>()
    }

    /// Counts of articles, revisions and stored items.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        let n = |row: &Row, i: usize| row.try_get::<_, i64>(i).map(|n| n.max(0) as u64);
        let mut stats = self.rows(
            "SELECT (SELECT count(*) FROM articles),
                    (SELECT count(*) FROM articles WHERE revision_of IS NOT NULL),
                    (SELECT count(*) FROM entities), (SELECT count(*) FROM quotes),
                    (SELECT count(*) FROM claims), (SELECT count(*) FROM events)",
            &[],
            |r| {
                Ok(Stats {
                    articles: n(r, 0)?,
                    revisions: n(r, 1)?,
                    entities: n(r, 2)?,
                    quotes: n(r, 3)?,
                    claims: n(r, 4)?,
                    events: n(r, 5)?,
                })
            },
        )?;
        Ok(stats.pop().unwrap_or_default())
    }

    /// Full-text search: current articles holding every word, best first (`ts_rank`: how
    /// often and how close together the words occur, a title's words above the body's), with
    /// a snippet around the match, matched words in `[brackets]`. Ranking reads the vector of
    /// every match; `ts_rank_cd` (cover density) cost a third more at 100k articles.
    pub fn search(&self, text: &str, max_hits: usize) -> Result<Vec<SearchHit>, StoreError> {
        let words = search_words(text);
        if words.is_empty() {
            return Ok(Vec::new());
        }
        // Words are letters and digits only, so joined by spaces they cannot be query syntax.
        let query = super::pg_text(&words.join(" ")).into_owned();
        self.rows(
            "WITH q AS (SELECT plainto_tsquery('storyline_simple', $1) AS q),
             hit AS (SELECT s.seq, ts_rank(s.search, q.q) AS score FROM article_search s, q
                     WHERE s.search @@ q.q
                     ORDER BY score DESC, s.seq LIMIT $2)
             SELECT a.id, a.outlet, a.published, a.title, hit.score::float8, a.text
             FROM hit JOIN articles a ON a.seq = hit.seq
             ORDER BY hit.score DESC, a.seq",
            &[&query, &limit(Some(max_hits))],
            |r| {
                let text: &str = r.try_get(5)?;
                Ok(SearchHit {
                    article: article_ref(r, 0)?,
                    score: r.try_get(4)?,
                    snippet: snippet(text, &words),
                })
            },
        )
    }

    /// Quotes by speaker and/or about a word, in article (publication, ingest) and text order.
    pub fn quotes(&self, filter: &QuoteFilter) -> Result<Vec<QuoteRow>, StoreError> {
        let q = ItemQuery {
            table: "quotes",
            alias: "q",
            select: "a.id, a.outlet, a.published, a.title, q.speaker, q.text, q.cue, q.kind,
                     q.span_start, q.span_end",
            item_cond: r"($1::text IS NULL OR q.speaker ILIKE $1 ESCAPE '\')
                AND ($2::text IS NULL OR q.text ILIKE $2 ESCAPE '\')",
            article_cond: "($3::text IS NULL OR lower(a.outlet) = lower($3))
                AND ($4::text IS NULL OR a.published >= $4)
                AND ($5::text IS NULL OR a.published <= $5)",
            article_cols: "a.seq, a.id, a.outlet, a.published, a.title",
            order: "q.span_start, q.id",
            selective: filter.speaker.is_some() || filter.about.is_some(),
        };
        self.item_page(
            &q,
            &[
                &filter.speaker.as_deref().map(contains_pattern),
                &filter.about.as_deref().map(contains_pattern),
                &filter.outlet.as_deref().map(str::trim),
                &filter.from.as_deref().map(str::trim),
                &date_upper_bound(filter.to.as_deref()),
            ],
            filter.limit,
            filter.offset,
            |r| {
                Ok(QuoteRow {
                    article: article_ref(r, 0)?,
                    speaker: r.try_get(4)?,
                    text: r.try_get(5)?,
                    cue: r.try_get(6)?,
                    kind: r.try_get(7)?,
                    span: span(r, 8)?,
                })
            },
        )
    }

    /// Numeric claims by counted noun and/or subject.
    pub fn claims(&self, filter: &ClaimFilter) -> Result<Vec<ClaimRow>, StoreError> {
        let q = ItemQuery {
            table: "claims",
            alias: "c",
            select: "a.id, a.outlet, a.published, a.title, c.value, c.unit, c.noun, c.subject,
                     c.place, c.hedge, c.claimant, c.text, c.span_start, c.span_end",
            item_cond: r"($1::text IS NULL OR c.noun ILIKE $1 ESCAPE '\')
                AND ($2::text IS NULL OR c.subject ILIKE $2 ESCAPE '\')",
            article_cond: "TRUE",
            article_cols: "a.seq, a.id, a.outlet, a.published, a.title",
            order: "c.span_start, c.id",
            selective: filter.noun.is_some() || filter.subject.is_some(),
        };
        self.item_page(
            &q,
            &[
                &filter.noun.as_deref().map(contains_pattern),
                &filter.subject.as_deref().map(contains_pattern),
            ],
            filter.limit,
            filter.offset,
            |r| {
                Ok(ClaimRow {
                    article: article_ref(r, 0)?,
                    value: r.try_get(4)?,
                    unit: r.try_get(5)?,
                    noun: r.try_get(6)?,
                    subject: r.try_get(7)?,
                    place: r.try_get(8)?,
                    hedge: r.try_get(9)?,
                    claimant: r.try_get(10)?,
                    text: r.try_get(11)?,
                    span: span(r, 12)?,
                })
            },
        )
    }

    /// Events by actor and/or PLOVER type, optionally asserted ones only.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventRow>, StoreError> {
        let q = ItemQuery {
            table: "events",
            alias: "e",
            select: "a.id, a.outlet, a.published, a.title, e.source, e.action, e.target,
                     e.negated, e.hypothetical, e.span_start, e.span_end",
            item_cond: r"($1::text IS NULL OR e.source ILIKE $1 ESCAPE '\')
                AND ($2::text IS NULL OR e.action = upper($2))
                AND (NOT $3 OR (NOT e.negated AND NOT e.hypothetical))",
            article_cond: "TRUE",
            article_cols: "a.seq, a.id, a.outlet, a.published, a.title",
            order: "e.span_start, e.id",
            selective: filter.actor.is_some() || filter.action.is_some() || filter.asserted_only,
        };
        let mut rows = self.item_page(
            &q,
            &[
                &filter.actor.as_deref().map(contains_pattern),
                &filter.action.as_deref().map(str::trim),
                &filter.asserted_only,
            ],
            filter.limit,
            filter.offset,
            |r| {
                Ok(EventRow {
                    article: article_ref(r, 0)?,
                    source: r.try_get(4)?,
                    action: r.try_get(5)?,
                    target: r.try_get(6)?,
                    negated: r.try_get(7)?,
                    hypothetical: r.try_get(8)?,
                    text: String::new(),
                    span: span(r, 9)?,
                })
            },
        )?;
        self.fill_event_texts(&mut rows)?;
        Ok(rows)
    }

    /// Fills each event's text from its article's text, in one query for the whole page (only
    /// the page's articles are read: reading them before the page is cut would read every
    /// matching event's article).
    fn fill_event_texts(&self, rows: &mut [EventRow]) -> Result<(), StoreError> {
        if rows.is_empty() {
            return Ok(());
        }
        let ids: Vec<&str> = rows.iter().map(|r| r.article.id.as_str()).collect();
        let at = |k: usize| -> Vec<i64> { rows.iter().map(|r| r.span[k] as i64).collect() };
        let (starts, ends) = (at(0), at(1));
        // substr counts characters, as the stored spans do.
        let texts = self.rows(
            "SELECT coalesce(substr(a.text, (x.s + 1)::int, (x.e - x.s)::int), '')
             FROM unnest($1::text[], $2::bigint[], $3::bigint[]) WITH ORDINALITY AS x(id, s, e, n)
             LEFT JOIN articles a ON a.id = x.id
             ORDER BY x.n",
            &[&ids, &starts, &ends],
            |r| r.try_get::<_, String>(0),
        )?;
        for (row, text) in rows.iter_mut().zip(texts) {
            row.text = text;
        }
        Ok(())
    }

    /// Current articles matching `filter`, in ingest order.
    pub fn articles(&self, filter: &ArticleFilter) -> Result<Vec<ArticleRow>, StoreError> {
        self.rows(
            "SELECT a.id, a.outlet, a.published, a.title, a.seq, a.source, a.url
             FROM articles a
             WHERE a.is_current AND a.seq > $1
               AND ($2::text IS NULL OR lower(a.outlet) = lower($2))
               AND ($3::text IS NULL OR a.published >= $3)
               AND ($4::text IS NULL OR a.published <= $4)
               AND ($5::text[] IS NULL OR a.id = ANY($5))
             ORDER BY a.seq LIMIT $6",
            &[
                &filter.after.unwrap_or(i64::MIN),
                &filter.outlet.as_deref().map(str::trim),
                &filter.from.as_deref().map(str::trim),
                &date_upper_bound(filter.to.as_deref()),
                &filter.ids,
                &limit(filter.limit),
            ],
            |r| {
                Ok(ArticleRow {
                    article: article_ref(r, 0)?,
                    seq: r.try_get(4)?,
                    source: r.try_get(5)?,
                    url: r.try_get(6)?,
                })
            },
        )
    }
}
