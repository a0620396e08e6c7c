//! `GET /articles` (by outlet, dates, story; paged) and `GET /articles/{id}` (the record with
//! its text and story).

use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};
use storyline_record::Record;
use storyline_store::{ArticleFilter, ArticleRow};

use super::{date_param, non_empty, ApiPath, ApiQuery};
use crate::error::ApiError;
use crate::paging::{Page, PageParams};
use crate::state::AppState;

/// Filters of `GET /articles`.
#[derive(Debug, Deserialize)]
pub struct ListParams {
    outlet: Option<String>,
    from: Option<String>,
    to: Option<String>,
    story: Option<String>,
    #[serde(flatten)]
    page: PageParams,
}

/// `GET /articles`.
pub async fn list(
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<ListParams>,
) -> Result<Json<Page<ArticleRow>>, ApiError> {
    let limit = params.page.limit()?;
    let ids = match non_empty("story", params.story)? {
        Some(id) => {
            let snapshot = state.analysis.get()?;
            let story = snapshot
                .story(&id)
                .ok_or_else(|| ApiError::not_found(format!("no story with id {id:?}")))?;
            Some(story.articles.iter().map(|a| a.id.clone()).collect())
        }
        None => None,
    };
    let filter = ArticleFilter {
        outlet: non_empty("outlet", params.outlet)?,
        from: date_param("from", params.from)?,
        to: date_param("to", params.to)?,
        ids,
        after: match params.page.position()? {
            0 => None,
            seq => Some(i64::try_from(seq).unwrap_or(i64::MAX)),
        },
        limit: Some(limit + 1),
    };
    let rows = state
        .read(move |store| Ok(store.articles(&filter)?))
        .await?;
    Ok(Json(Page::from_fetched(rows, limit, |last| {
        u64::try_from(last.seq).unwrap_or(0)
    })))
}

/// `GET /articles/{id}`: the stored record (its cleaned text, which every span indexes, and
/// every extracted item) and the story it belongs to.
#[derive(Debug, Serialize)]
pub struct ArticleAnswer {
    #[serde(flatten)]
    record: Record,
    /// The story's id, once the corpus analysis has placed the article in one.
    story: Option<String>,
}

/// `GET /articles/{id}`.
pub async fn one(
    State(state): State<AppState>,
    ApiPath(id): ApiPath,
) -> Result<Json<ArticleAnswer>, ApiError> {
    let lookup = id.clone();
    let record = state
        .read(move |store| Ok(store.record(&lookup)?))
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no article with id {id:?}")))?;
    let story = state.analysis.get().ok().and_then(|s| {
        let index = *s.story_of_article.get(&record.id)?;
        Some(s.stories.get(index)?.id.clone())
    });
    Ok(Json(ArticleAnswer { record, story }))
}
