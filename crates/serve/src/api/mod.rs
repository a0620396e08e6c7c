//! The JSON API under `/api/v1`: routes, the extractors that turn bad parameters into the
//! API's error shape, and the OpenAPI document that describes them all.
//!
//! Per-item answers (one article, one entity, filtered quotes, claims, events, search) come
//! straight from the store's indexed queries; corpus-wide ones (stories, disagreements,
//! canonical entities) from the cached analysis.

mod articles;
mod corpus;
mod items;
mod write;

use axum::extract::{FromRequestParts, Path, Query};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use serde::de::DeserializeOwned;

use crate::config::ServerConfig;
use crate::error::ApiError;
use crate::state::AppState;

/// The OpenAPI 3 document describing every route below.
pub const OPENAPI: &str = include_str!("openapi.json");

/// Every `/api/v1` route.
pub fn routes(state: AppState, config: &ServerConfig) -> Router {
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/health", get(corpus::health))
        .route("/stats", get(corpus::stats))
        .route(
            "/articles",
            // The token is checked before the body is read; the layer covers POST only.
            post(write::post)
                .route_layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    crate::auth::require_token,
                ))
                .get(articles::list),
        )
        .route("/articles/{id}", get(articles::one))
        .route("/entities", get(corpus::entities))
        .route("/entities/{name}", get(items::entity))
        .route("/quotes", get(items::quotes))
        .route("/claims", get(items::claims))
        .route("/events", get(items::events))
        .route("/search", get(items::search))
        .route("/stories", get(corpus::stories))
        .route("/stories/{id}", get(corpus::story))
        .route("/disagreements", get(corpus::disagreements))
        .layer(axum::extract::DefaultBodyLimit::max(config.max_body_bytes))
        .layer(axum::middleware::from_fn_with_state(
            config.max_body_bytes,
            crate::middleware::announced_length,
        ))
        .fallback(|| async { ApiError::not_found("no such API route (see /api/v1/openapi.json)") })
        .method_not_allowed_fallback(|| async {
            ApiError::new(
                StatusCode::METHOD_NOT_ALLOWED,
                "method not allowed on this route",
            )
        })
        .with_state(state)
}

async fn openapi() -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        OPENAPI,
    )
}

/// Query parameters, refused with a 400 in the API's error shape when they do not parse.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(q)| ApiQuery(q))
            .map_err(|e| ApiError::bad_request(e.body_text()))
    }
}

/// One path parameter, refused with a 400 in the API's error shape when it does not decode.
pub struct ApiPath(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ApiPath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Path::<String>::from_request_parts(parts, state)
            .await
            .map(|Path(p)| ApiPath(p))
            .map_err(|e| ApiError::bad_request(e.body_text()))
    }
}

/// A parameter that must hold something when given.
fn non_empty(name: &str, value: Option<String>) -> Result<Option<String>, ApiError> {
    match value {
        Some(v) if v.trim().is_empty() => Err(ApiError::bad_request(format!(
            "{name} is empty; leave it out to match everything"
        ))),
        other => Ok(other),
    }
}

/// A date parameter: `YYYY-MM-DD`.
fn date_param(name: &str, value: Option<String>) -> Result<Option<String>, ApiError> {
    match value {
        Some(v) if storyline_analyse::Date::parse_iso(v.trim()).is_none() => Err(
            ApiError::bad_request(format!("{name} must be a date as YYYY-MM-DD, not {v:?}")),
        ),
        other => Ok(other.map(|v| v.trim().to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_openapi_document_lists_every_route() {
        let doc: serde_json::Value = serde_json::from_str(OPENAPI).expect("valid JSON");
        assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
        let source = include_str!("mod.rs");
        let source = source.split("#[cfg(test)]").next().unwrap_or_default();
        // The first string after each `.route(` (rustfmt may break the line after it).
        let routes: Vec<&str> = source
            .split(".route(")
            .skip(1)
            .filter_map(|rest| rest.split('"').nth(1))
            .collect();
        assert!(routes.len() >= 14, "{routes:?}");
        for route in routes {
            assert!(doc["paths"][route].is_object(), "{route} is not documented");
        }
    }

    #[test]
    fn checks_dates_and_empty_filters() {
        assert!(date_param("from", Some("2022-01-30".into())).is_ok());
        assert!(date_param("from", Some("30/01/2022".into())).is_err());
        assert!(non_empty("speaker", Some(" ".into())).is_err());
        assert_eq!(non_empty("speaker", None).expect("absent"), None);
    }
}
