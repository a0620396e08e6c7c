//! One page of filtered items (quotes, claims, events) in article order, on PostgreSQL, with
//! the plan chosen here rather than by the planner's guess of how many items a substring
//! filter matches (it cannot know: `ILIKE '%…%'` has no statistics, and a wrong guess costs
//! ten times or more, measured at 100k articles):
//!
//! 1. **walk**: the current articles are read in publication order
//!    (`articles_current_by_date`, schema version 6), each one's matching items through the
//!    item table's article index, until the page is full. A common filter fills its page in a
//!    few hundred articles. At most [`WALK`] articles are read: a rarer filter, or one whose
//!    matches sit late in the order, would otherwise read the whole corpus.
//! 2. **match first** when the walk did not fill the page (or when there is no limit): the
//!    filter's matches through its trigram index, each one's article looked up by key, sorted.
//!
//! Lists without an item filter walk every article (each has items). Every path returns the
//! same rows in the same order (SQLite's order: publication date with NULL first, ingest order,
//! then the item's place in the text).

use postgres::types::ToSql;
use postgres::Row;

use super::PgStore;
use crate::error::StoreError;

/// Articles the walk reads at most before the matches are read first instead (about 8 µs an
/// article when the tables are in memory).
pub(super) const WALK: i64 = 1000;

/// The parts of one item query. Conditions are SQL over the item (`alias.column`) and the
/// article (`a.column`), with parameters `$1`… in the order of the `params` given to
/// [`PgStore::item_page`].
pub(super) struct ItemQuery<'a> {
    /// The item table (`claims`).
    pub table: &'a str,
    /// Its alias in the other parts (`c`).
    pub alias: &'a str,
    /// The select list, over `a` and the item alias.
    pub select: &'a str,
    /// Conditions on the item alone (`TRUE` for none).
    pub item_cond: &'a str,
    /// Conditions on the article (`TRUE` for none).
    pub article_cond: &'a str,
    /// Columns of `articles` that the select list and the article condition read.
    pub article_cols: &'a str,
    /// The item's order within its article (`c.span_start, c.id`).
    pub order: &'a str,
    /// Whether `item_cond` can exclude items (a filter was given).
    pub selective: bool,
}

impl ItemQuery<'_> {
    /// `ORDER BY` of every form.
    fn order_by(&self) -> String {
        format!("a.published NULLS FIRST, a.seq, {}", self.order)
    }

    /// The walk over current articles in order (the first `bound` of them, if given).
    fn walk_sql(&self, n: usize, bound: Option<i64>) -> String {
        let bound = bound.map_or(String::new(), |k| format!("LIMIT {k}"));
        format!(
            "SELECT {select}
             FROM (SELECT {cols} FROM articles a WHERE a.is_current AND ({ac})
                   ORDER BY a.published NULLS FIRST, a.seq {bound}) a
             CROSS JOIN LATERAL (SELECT * FROM {t} {al}
                                 WHERE {al}.article = a.seq AND ({ic}) OFFSET 0) {al}
             ORDER BY {order} LIMIT ${l} OFFSET ${o}",
            select = self.select,
            cols = self.article_cols,
            ac = self.article_cond,
            t = self.table,
            al = self.alias,
            ic = self.item_cond,
            order = self.order_by(),
            l = n + 1,
            o = n + 2,
        )
    }

    /// The matches first, then each one's article by key, sorted. (`OFFSET 0` keeps each
    /// lateral subquery a per-row index look-up: the planner would otherwise flatten it into a
    /// hash join over every current article.)
    fn match_first_sql(&self, n: usize) -> String {
        format!(
            "WITH m AS MATERIALIZED (SELECT * FROM {t} {al} WHERE {ic})
             SELECT {select} FROM m {al}
             CROSS JOIN LATERAL (SELECT {cols} FROM articles a
                                 WHERE a.seq = {al}.article AND a.is_current AND ({ac})
                                 OFFSET 0) a
             ORDER BY {order} LIMIT ${l} OFFSET ${o}",
            t = self.table,
            al = self.alias,
            ic = self.item_cond,
            select = self.select,
            cols = self.article_cols,
            ac = self.article_cond,
            order = self.order_by(),
            l = n + 1,
            o = n + 2,
        )
    }
}

impl PgStore {
    /// The page `offset .. offset + limit` of the items `q` selects, in article order, each
    /// row read by `read`. `params` are the parameters of the conditions.
    pub(super) fn item_page<T>(
        &self,
        q: &ItemQuery,
        params: &[&(dyn ToSql + Sync)],
        limit: Option<usize>,
        offset: usize,
        read: impl Fn(&Row) -> Result<T, postgres::Error>,
    ) -> Result<Vec<T>, StoreError> {
        let n = params.len();
        let (lim, off) = (super::query::limit(limit), super::query::offset(offset));
        let mut all: Vec<&(dyn ToSql + Sync)> = params.to_vec();
        all.push(&lim);
        all.push(&off);
        if !q.selective {
            return self.rows(&q.walk_sql(n, None), &all, read);
        }
        if let Some(l) = lim {
            let page = self.rows(&q.walk_sql(n, Some(WALK)), &all, &read)?;
            if page.len() as i64 == l {
                return Ok(page);
            }
        }
        self.rows(&q.match_first_sql(n), &all, read)
    }
}
