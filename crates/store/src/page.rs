//! One page of a filtered list of items (quotes, claims, events) of current articles, in
//! article order (publication date, NULL first; ingest order; place in the text), with the plan
//! chosen here, as on PostgreSQL (`crate::pg`'s `page`):
//!
//! 0. **probe**: a filter with a trigram query that matches fewer than [`PROBE`] rows of the
//!    trigram index (which finds a superset of the filter's matches) skips the walk: reading
//!    its matches first is cheaper, and the walk would end without a full page.
//! 1. **walk**: the current articles in date order (`articles_current_by_date`, schema version
//!    6), at most [`WALK`] of them, each one's items through the item table's article index and
//!    the filter. A common filter fills its page within a few hundred articles; if the page is
//!    full it is the answer (the articles walked are a prefix of the order).
//! 2. **match first** otherwise (or without a limit): the rows the trigram index narrows to,
//!    their order keys read from `articles_in_order` alone, sorted, then the page's rows.
//!
//! Reading the matches first costs in proportion to their number (about 100 ms for 100,000
//! matches); the walk, in proportion to how far into the corpus the page ends. Measured in
//! `docs/benchmarks/store.md`.

use rusqlite::{Row, ToSql};

use crate::error::{AtPath, StoreError};
use crate::SqliteStore;

/// Articles the walk reads at most before the matches are read first instead.
pub(crate) const WALK: usize = 1000;

/// Trigram-index rows under which a filter is read match-first without a walk. (With matches
/// spread evenly, a walk of [`WALK`] articles fills a page of 50 when about 5% of the corpus's
/// articles hold one; at 100k articles, about 5,000 matches.)
pub(crate) const PROBE: usize = 2000;

/// The parts of one item list. `conditions` (SQL over the item's alias and `a`, the article,
/// starting with `AND`) and `columns` (the item's columns after the article's four) read the
/// parameters given to [`SqliteStore::item_page`]; `narrow_param` is the parameter holding the
/// [`crate::query::trigram_query`] (`narrow` its value).
pub(crate) struct ItemList<'a> {
    /// The item table.
    pub table: &'a str,
    /// Its alias.
    pub alias: &'a str,
    /// The item columns of a row.
    pub columns: &'a str,
    /// The filter.
    pub conditions: &'a str,
    /// The item table's trigram index.
    pub trigram_table: &'a str,
    /// The parameter of the trigram query (`?8`).
    pub narrow_param: &'a str,
    /// The trigram query, if the filter has one.
    pub narrow: &'a Option<String>,
    /// `LIMIT … OFFSET …` with their parameters.
    pub limit_offset: &'a str,
}

impl ItemList<'_> {
    /// The clause narrowing the items to the trigram index's rows (match first only); when
    /// there is nothing to narrow by, or on the walk, a clause that keeps every row (the
    /// parameter is still read: every statement takes the same parameters).
    fn narrowing(&self, walk: bool) -> String {
        let (alias, table, param) = (self.alias, self.trigram_table, self.narrow_param);
        match self.narrow {
            Some(_) if !walk => {
                format!("AND {alias}.id IN (SELECT rowid FROM {table} WHERE {table} MATCH {param})")
            }
            _ => format!("AND ({param} IS NULL OR 1)"),
        }
    }

    /// The statement of one plan. Both find the page's item ids with their order keys first
    /// and read the rows of the page only.
    fn sql(&self, walk: bool) -> String {
        let (table, alias) = (self.table, self.alias);
        let articles = if walk {
            format!(
                "(SELECT seq, 1 AS current, published, outlet
                  FROM articles INDEXED BY articles_current_by_date
                  WHERE current = 1 ORDER BY published, seq LIMIT {WALK}) a CROSS JOIN"
            )
        } else {
            "articles a INDEXED BY articles_in_order JOIN".to_string()
        };
        format!(
            "SELECT a.id, a.outlet, a.published, a.title, {columns}
             FROM (SELECT {alias}.id AS item, a.seq AS seq, a.published AS published,
                          {alias}.start AS start
                   FROM {articles} {table} {alias} ON a.seq = {alias}.article
                   WHERE a.current = 1 {narrowing} {conditions}
                   ORDER BY a.published, a.seq, {alias}.start, {alias}.id
                   LIMIT {limit_offset}) k
                  JOIN {table} {alias} ON {alias}.id = k.item JOIN articles a ON a.seq = k.seq
             ORDER BY k.published, k.seq, k.start, k.item",
            columns = self.columns,
            narrowing = self.narrowing(walk),
            conditions = self.conditions,
            limit_offset = self.limit_offset,
        )
    }
}

impl SqliteStore {
    /// Whether the filter's trigram query (if it has one) matches [`PROBE`] rows or more.
    fn many_matches(&self, list: &ItemList) -> Result<bool, StoreError> {
        let Some(query) = list.narrow else {
            return Ok(true);
        };
        let table = list.trigram_table;
        let sql = format!(
            "SELECT EXISTS (SELECT 1 FROM {table} WHERE {table} MATCH ?1 LIMIT 1 OFFSET {PROBE})"
        );
        let mut stmt = self.conn.prepare_cached(&sql).at(&self.path)?;
        stmt.query_row([query], |r| r.get(0)).at(&self.path)
    }

    /// The page of `list` that `params` ask for (`limit`: the page size they hold, `None` for
    /// every row), each row read by `read`.
    pub(crate) fn item_page<T>(
        &self,
        list: &ItemList,
        params: &[&dyn ToSql],
        limit: Option<usize>,
        read: impl Fn(&Row) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, StoreError> {
        let run = |walk: bool| -> Result<Vec<T>, StoreError> {
            let mut stmt = self.conn.prepare_cached(&list.sql(walk)).at(&self.path)?;
            let rows = stmt.query_map(params, &read).at(&self.path)?;
            rows.collect::<Result<_, _>>().at(&self.path)
        };
        match limit {
            Some(l) if self.many_matches(list)? => {
                let page = run(true)?;
                if page.len() == l {
                    return Ok(page);
                }
                run(false)
            }
            _ => run(false),
        }
    }
}
