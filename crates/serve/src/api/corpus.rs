//! Corpus-wide answers from the cached analysis: health, counts, stories, disagreements and
//! canonical entities.

use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use storyline_analyse::Disagreement;

use super::{non_empty, ApiPath, ApiQuery};
use crate::analysis::{Source, StoryDetail, StorySummary};
use crate::error::ApiError;
use crate::paging::{Page, PageParams};
use crate::state::AppState;

/// `GET /health`: the server answers; says whether the corpus analysis is ready, and once it
/// is, whether it was read from the store or computed from the articles.
pub async fn health(State(state): State<AppState>) -> Json<Value> {
    Json(match state.analysis.get() {
        Ok(snapshot) => {
            let from = match snapshot.source {
                Source::Stored => "store",
                Source::Computed => "articles",
            };
            json!({"status": "ok", "analysis": "ready", "analysis_from": from})
        }
        Err(_) => json!({"status": "ok", "analysis": "computing"}),
    })
}

/// `GET /stats`: the store's counts, and the number of stories once analysed.
#[derive(Debug, Serialize)]
pub struct StatsAnswer {
    #[serde(flatten)]
    counts: storyline_store::Stats,
    stories: Option<usize>,
}

/// `GET /stats`.
pub async fn stats(State(state): State<AppState>) -> Result<Json<StatsAnswer>, ApiError> {
    let counts = state.read(|s| Ok(s.stats()?)).await?;
    let stories = state.analysis.get().ok().map(|s| s.stories.len());
    Ok(Json(StatsAnswer { counts, stories }))
}

/// Filters of `GET /entities`.
#[derive(Debug, Deserialize)]
pub struct EntityListParams {
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(flatten)]
    page: PageParams,
}

/// One canonical entity in a list.
#[derive(Debug, Serialize)]
pub struct EntitySummary<'a> {
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    variants: &'a [String],
    roles: &'a [String],
    num_articles: usize,
}

/// `GET /entities`: canonical entities, most widely named first.
pub async fn entities(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<EntityListParams>,
) -> Result<Json<Value>, ApiError> {
    let snapshot = state.analysis.get()?;
    let kind = non_empty("type", p.kind)?;
    let rows = snapshot
        .entities_by_reach()
        .into_iter()
        .filter(|e| {
            kind.as_deref()
                .is_none_or(|k| e.kind.eq_ignore_ascii_case(k))
        })
        .map(|e| EntitySummary {
            name: &e.name,
            kind: &e.kind,
            variants: &e.variants,
            roles: &e.roles,
            num_articles: e.articles.len(),
        });
    let page = Page::slice(rows, &p.page)?;
    Ok(Json(
        serde_json::to_value(page).map_err(ApiError::internal)?,
    ))
}

/// `GET /stories`: stories in the order the analysis lists them.
pub async fn stories(
    State(state): State<AppState>,
    ApiQuery(page): ApiQuery<PageParams>,
) -> Result<Json<Value>, ApiError> {
    let snapshot = state.analysis.get()?;
    let rows = snapshot.stories.iter().map(StorySummary::of);
    let page = Page::slice(rows, &page)?;
    Ok(Json(
        serde_json::to_value(page).map_err(ApiError::internal)?,
    ))
}

/// `GET /stories/{id}`: the story's articles, timeline, quotes, disagreements and events.
pub async fn story(
    State(state): State<AppState>,
    ApiPath(id): ApiPath,
) -> Result<Json<Value>, ApiError> {
    let snapshot = state.analysis.get()?;
    let detail: StoryDetail<'_> = snapshot
        .story_detail(&id)
        .ok_or_else(|| ApiError::not_found(format!("no story with id {id:?}")))?;
    Ok(Json(
        serde_json::to_value(detail).map_err(ApiError::internal)?,
    ))
}

/// Filters of `GET /disagreements`.
#[derive(Debug, Deserialize)]
pub struct DisagreementParams {
    story: Option<String>,
    #[serde(flatten)]
    page: PageParams,
}

/// `GET /disagreements`: quantities reported with different values, optionally in one story.
pub async fn disagreements(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<DisagreementParams>,
) -> Result<Json<Value>, ApiError> {
    let snapshot = state.analysis.get()?;
    let story = non_empty("story", p.story)?;
    let rows = snapshot
        .disagreements
        .iter()
        .filter(|d: &&Disagreement| story.as_deref().is_none_or(|s| d.story == s));
    let page = Page::slice(rows, &p.page)?;
    Ok(Json(
        serde_json::to_value(page).map_err(ApiError::internal)?,
    ))
}
