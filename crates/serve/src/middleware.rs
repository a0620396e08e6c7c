//! Layers applied to every response: the request timeout and the security headers.

use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// Everything the pages may load: their own stylesheet and script, nothing inline, nothing
/// from elsewhere. Inline SVG is markup, not a resource, so it needs no entry.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; \
     frame-ancestors 'none'";

/// Answers 503 when the inner service takes longer than the timeout.
pub async fn timeout(State(limit): State<Duration>, request: Request, next: Next) -> Response {
    let api = request.uri().path().starts_with("/api/");
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) if api => {
            ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "the request timed out").into_response()
        }
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "The request timed out.").into_response(),
    }
}

/// Adds the Content-Security-Policy and its companions to every response.
pub async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

/// Refuses with 413, before reading a byte of it, a body whose announced length is over the
/// limit. (A body without a length is cut off at the limit as it is read.)
pub async fn announced_length(
    State(max_bytes): State<usize>,
    request: Request,
    next: Next,
) -> Response {
    let announced = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    match announced {
        Some(n) if n > max_bytes as u64 => ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the body is larger than the {max_bytes}-byte limit; send smaller batches"),
        )
        .into_response(),
        _ => next.run(request).await,
    }
}
