//! Listing articles page by page: by outlet, publication dates and a given set of ids, in
//! ingest order, resumed after the last row seen (keyset pagination, so page 1,000 costs what
//! page 1 does).

use rusqlite::params;
use serde::Serialize;

use crate::error::{AtPath, StoreError};
use crate::query::{article_ref, date_upper_bound};
use crate::{ArticleRef, SqliteStore};

/// Which articles to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleFilter {
    /// Publisher, exactly (case-insensitive).
    pub outlet: Option<String>,
    /// Published on or after this ISO date (`2022-01-30`).
    pub from: Option<String>,
    /// Published on or before this ISO date; a date covers its whole day.
    pub to: Option<String>,
    /// Only these article ids (a story's articles); `None` lists every article.
    pub ids: Option<Vec<String>>,
    /// Resume after the article whose [`ArticleRow::seq`] this is.
    pub after: Option<i64>,
    /// At most this many rows.
    pub limit: Option<usize>,
}

/// One current article, without its text and items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleRow {
    /// Ingest order: the position to resume after ([`ArticleFilter::after`]).
    pub seq: i64,
    /// The article.
    #[serde(flatten)]
    pub article: ArticleRef,
    /// Where it was read from.
    pub source: String,
    /// Canonical URL, when known.
    pub url: Option<String>,
}

impl SqliteStore {
    /// Current articles matching `filter`, in ingest order.
    pub fn articles(&self, filter: &ArticleFilter) -> Result<Vec<ArticleRow>, StoreError> {
        let to = date_upper_bound(filter.to.as_deref());
        let ids = filter
            .ids
            .as_ref()
            .map(|ids| serde_json::Value::from(ids.clone()).to_string());
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.outlet, a.published, a.title, a.seq, a.source, a.url
                 FROM articles a
                 WHERE a.current = 1 AND a.seq > ?1
                   AND (?2 IS NULL OR a.outlet = ?2 COLLATE NOCASE)
                   AND (?3 IS NULL OR a.published >= ?3)
                   AND (?4 IS NULL OR a.published <= ?4)
                   AND (?5 IS NULL OR a.id IN (SELECT value FROM json_each(?5)))
                 ORDER BY a.seq LIMIT ?6",
            )
            .at(&self.path)?;
        let rows = stmt
            .query_map(
                params![
                    filter.after.unwrap_or(i64::MIN),
                    filter.outlet.as_deref().map(str::trim),
                    filter.from.as_deref().map(str::trim),
                    to,
                    ids,
                    filter.limit.map_or(-1, |n| n.min(i64::MAX as usize) as i64)
                ],
                |r| {
                    Ok(ArticleRow {
                        article: article_ref(r, 0)?,
                        seq: r.get(4)?,
                        source: r.get(5)?,
                        url: r.get(6)?,
                    })
                },
            )
            .at(&self.path)?;
        rows.collect::<Result<_, _>>().at(&self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{record, store_with};

    fn corpus() -> crate::Store {
        let dated = |id: &str, outlet: &str, date: &str| {
            let mut r = record(id, &format!("Report {id} on the harbour."));
            r.0["outlet"] = outlet.into();
            r.0["published"] = date.into();
            r
        };
        store_with(&[
            dated("a", "Gazette", "2023-05-01"),
            dated("b", "Herald", "2023-05-02T09:30:00Z"),
            dated("c", "Gazette", "2023-05-03"),
            dated("d", "gazette", "2023-05-04"),
        ])
    }

    fn ids(rows: &[ArticleRow]) -> Vec<&str> {
        rows.iter().map(|r| r.article.id.as_str()).collect()
    }

    #[test]
    fn filters_by_outlet_dates_and_ids() {
        let store = corpus();
        let all = store.articles(&ArticleFilter::default()).expect("list");
        assert_eq!(ids(&all), ["a", "b", "c", "d"]);
        let gazette = ArticleFilter {
            outlet: Some("GAZETTE".into()),
            ..ArticleFilter::default()
        };
        assert_eq!(
            ids(&store.articles(&gazette).expect("list")),
            ["a", "c", "d"]
        );
        let window = ArticleFilter {
            from: Some("2023-05-02".into()),
            to: Some("2023-05-03".into()),
            ..ArticleFilter::default()
        };
        assert_eq!(ids(&store.articles(&window).expect("list")), ["b", "c"]);
        let chosen = ArticleFilter {
            ids: Some(vec!["d".into(), "a".into(), "\"; DROP".into()]),
            ..ArticleFilter::default()
        };
        assert_eq!(ids(&store.articles(&chosen).expect("list")), ["a", "d"]);
    }

    #[test]
    fn pages_resume_after_the_last_row() {
        let store = corpus();
        let mut filter = ArticleFilter {
            limit: Some(3),
            ..ArticleFilter::default()
        };
        let first = store.articles(&filter).expect("page 1");
        assert_eq!(ids(&first), ["a", "b", "c"]);
        filter.after = first.last().map(|r| r.seq);
        assert_eq!(ids(&store.articles(&filter).expect("page 2")), ["d"]);
    }
}
