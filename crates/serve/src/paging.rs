//! Pagination by `limit` and `cursor`: a page of items and the cursor of the next page
//! (`null` on the last). Cursors are opaque to clients: pass back what was given.

use serde::{Deserialize, Serialize};

use crate::error::ApiError;

/// Items per page unless `limit` says otherwise.
pub const DEFAULT_LIMIT: usize = 50;
/// Most items per page: a page stays a few hundred kilobytes at most.
pub const MAX_LIMIT: usize = 500;

/// The `limit` and `cursor` query parameters.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PageParams {
    /// Items per page, 1 to [`MAX_LIMIT`]. Text, parsed here: query parameters reach a
    /// flattened struct as strings.
    pub limit: Option<String>,
    /// Where the page starts: the `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

impl PageParams {
    /// The page size asked for, checked.
    pub fn limit(&self) -> Result<usize, ApiError> {
        let Some(text) = self.limit.as_deref() else {
            return Ok(DEFAULT_LIMIT);
        };
        match text.trim().parse::<usize>() {
            Ok(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
            _ => Err(ApiError::bad_request(format!(
                "limit must be a number from 1 to {MAX_LIMIT}, not {text:?}"
            ))),
        }
    }

    /// The position the cursor points at (0 without a cursor).
    pub fn position(&self) -> Result<u64, ApiError> {
        match self.cursor.as_deref() {
            None | Some("") => Ok(0),
            Some(c) => c
                .parse()
                .map_err(|_| ApiError::bad_request(format!("not a cursor from this API: {c:?}"))),
        }
    }
}

/// One page of results.
#[derive(Debug, Serialize)]
pub struct Page<T> {
    /// The items.
    pub items: Vec<T>,
    /// Cursor of the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// A page from `limit + 1` fetched rows: the extra row only says that more follow, and
    /// `next` gives the position to resume at from the page's last item and its index.
    pub fn from_fetched(mut rows: Vec<T>, limit: usize, next: impl FnOnce(&T) -> u64) -> Page<T> {
        let more = rows.len() > limit;
        rows.truncate(limit);
        let next_cursor = if more {
            rows.last().map(|last| next(last).to_string())
        } else {
            None
        };
        Page {
            items: rows,
            next_cursor,
        }
    }

    /// A page cut out of a list already in memory, starting at `position`.
    pub fn slice(
        all: impl IntoIterator<Item = T>,
        params: &PageParams,
    ) -> Result<Page<T>, ApiError> {
        let limit = params.limit()?;
        let start = params.position()?;
        let rows: Vec<T> = all
            .into_iter()
            .skip(usize::try_from(start).unwrap_or(usize::MAX))
            .take(limit + 1)
            .collect();
        let end = start + limit as u64;
        Ok(Page::from_fetched(rows, limit, |_| end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(limit: Option<usize>, cursor: Option<&str>) -> PageParams {
        PageParams {
            limit: limit.map(|n| n.to_string()),
            cursor: cursor.map(str::to_string),
        }
    }

    #[test]
    fn slices_pages_until_the_end() {
        let p1 = Page::slice(0..5, &params(Some(2), None)).expect("page");
        assert_eq!(
            (p1.items, p1.next_cursor.as_deref()),
            (vec![0, 1], Some("2"))
        );
        let p3 = Page::slice(0..5, &params(Some(2), Some("4"))).expect("page");
        assert_eq!((p3.items, p3.next_cursor), (vec![4], None));
        let exact = Page::slice(0..4, &params(Some(2), Some("2"))).expect("page");
        assert_eq!(exact.next_cursor, None, "no empty last page");
    }

    #[test]
    fn refuses_bad_limits_and_cursors() {
        assert!(Page::slice(0..5, &params(Some(0), None)).is_err());
        assert!(Page::slice(0..5, &params(Some(MAX_LIMIT + 1), None)).is_err());
        let err = Page::slice(0..5, &params(None, Some("-1"))).expect_err("cursor");
        assert_eq!(err.status, axum::http::StatusCode::BAD_REQUEST);
    }
}
