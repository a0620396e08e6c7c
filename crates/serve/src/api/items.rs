//! Per-item queries answered from the store's indexes: one entity, quotes, claims, events and
//! full-text search.

use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};
use storyline_store::{
    ClaimFilter, ClaimRow, EntityReport, EventFilter, EventRow, QuoteFilter, QuoteRow, SearchHit,
};

use super::{date_param, non_empty, ApiPath, ApiQuery};
use crate::error::ApiError;
use crate::paging::{Page, PageParams};
use crate::state::AppState;

/// The offset and row count to fetch for a page: one row more than asked, to know whether
/// another page follows.
fn window(page: &PageParams) -> Result<(usize, usize, u64), ApiError> {
    let limit = page.limit()?;
    let offset = page.position()?;
    Ok((limit, limit + 1, offset))
}

fn offset_page<T>(rows: Vec<T>, limit: usize, offset: u64) -> Page<T> {
    Page::from_fetched(rows, limit, |_| offset + limit as u64)
}

/// Filters of `GET /quotes`.
#[derive(Debug, Deserialize)]
pub struct QuoteParams {
    speaker: Option<String>,
    about: Option<String>,
    outlet: Option<String>,
    from: Option<String>,
    to: Option<String>,
    #[serde(flatten)]
    page: PageParams,
}

/// `GET /quotes`.
pub async fn quotes(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<QuoteParams>,
) -> Result<Json<Page<QuoteRow>>, ApiError> {
    let (limit, fetch, offset) = window(&p.page)?;
    let filter = QuoteFilter {
        speaker: non_empty("speaker", p.speaker)?,
        about: non_empty("about", p.about)?,
        outlet: non_empty("outlet", p.outlet)?,
        from: date_param("from", p.from)?,
        to: date_param("to", p.to)?,
        offset: usize::try_from(offset).unwrap_or(usize::MAX),
        limit: Some(fetch),
    };
    let rows = state.read(move |s| Ok(s.quotes(&filter)?)).await?;
    Ok(Json(offset_page(rows, limit, offset)))
}

/// Filters of `GET /claims`.
#[derive(Debug, Deserialize)]
pub struct ClaimParams {
    noun: Option<String>,
    subject: Option<String>,
    #[serde(flatten)]
    page: PageParams,
}

/// `GET /claims`.
pub async fn claims(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<ClaimParams>,
) -> Result<Json<Page<ClaimRow>>, ApiError> {
    let (limit, fetch, offset) = window(&p.page)?;
    let filter = ClaimFilter {
        noun: non_empty("noun", p.noun)?,
        subject: non_empty("subject", p.subject)?,
        offset: usize::try_from(offset).unwrap_or(usize::MAX),
        limit: Some(fetch),
    };
    let rows = state.read(move |s| Ok(s.claims(&filter)?)).await?;
    Ok(Json(offset_page(rows, limit, offset)))
}

/// Filters of `GET /events`.
#[derive(Debug, Deserialize)]
pub struct EventParams {
    actor: Option<String>,
    #[serde(rename = "type")]
    action: Option<String>,
    asserted: Option<bool>,
    #[serde(flatten)]
    page: PageParams,
}

/// `GET /events`; `asserted=true` leaves out denied and hypothetical events.
pub async fn events(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<EventParams>,
) -> Result<Json<Page<EventRow>>, ApiError> {
    let (limit, fetch, offset) = window(&p.page)?;
    let filter = EventFilter {
        actor: non_empty("actor", p.actor)?,
        action: non_empty("type", p.action)?,
        asserted_only: p.asserted.unwrap_or(false),
        offset: usize::try_from(offset).unwrap_or(usize::MAX),
        limit: Some(fetch),
    };
    let rows = state.read(move |s| Ok(s.events(&filter)?)).await?;
    Ok(Json(offset_page(rows, limit, offset)))
}

/// Parameters of `GET /search`.
#[derive(Debug, Deserialize)]
pub struct SearchParams {
    q: Option<String>,
    #[serde(flatten)]
    page: PageParams,
}

/// `GET /search?q=`: articles containing every word, best first.
pub async fn search(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<SearchParams>,
) -> Result<Json<Page<SearchHit>>, ApiError> {
    let q = non_empty("q", p.q)?.ok_or_else(|| ApiError::bad_request("q is required"))?;
    let (limit, fetch, offset) = window(&p.page)?;
    let skip = usize::try_from(offset).unwrap_or(usize::MAX);
    let rows = state
        .read(move |s| {
            let mut hits = s.search(&q, skip.saturating_add(fetch))?;
            Ok(hits.split_off(skip.min(hits.len())))
        })
        .await?;
    Ok(Json(offset_page(rows, limit, offset)))
}

/// `GET /entities/{name}`: the store's report (occurrences with aliases and mention spans,
/// co-mentions, quotes) and, once analysed, the canonical entity across outlets.
#[derive(Debug, Serialize)]
pub struct EntityAnswer {
    #[serde(flatten)]
    report: EntityReport,
    canonical: Option<storyline_analyse::CanonicalEntity>,
}

/// `GET /entities/{name}`.
pub async fn entity(
    State(state): State<AppState>,
    ApiPath(name): ApiPath,
) -> Result<Json<EntityAnswer>, ApiError> {
    let lookup = name.clone();
    let report = state.read(move |s| Ok(s.entity(&lookup)?)).await?;
    if report.occurrences.is_empty() {
        return Err(ApiError::not_found(format!("no entity named {name:?}")));
    }
    let canonical = state.canonical_entity(&name);
    Ok(Json(EntityAnswer { report, canonical }))
}
