//! The dashboard: HTML pages rendered on the server from the templates in `templates/`
//! (askama, which escapes every value in `.html` templates), SVG charts drawn by the server,
//! one small script and one stylesheet. Nothing is inlined, so the Content-Security-Policy
//! can forbid inline scripts, styles and event handlers outright.

mod article;
mod corpus;
mod highlight;
mod items;

use askama::Template;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::error::ApiError;
use crate::state::AppState;

/// Every page route.
pub fn routes(state: AppState) -> Router {
    Router::new()
        .route("/", get(corpus::overview))
        .route("/stories", get(corpus::stories))
        .route("/stories/{id}", get(corpus::story))
        .route("/disagreements", get(corpus::disagreements))
        .route("/entities", get(corpus::entities))
        .route("/entities/{name}", get(items::entity))
        .route("/quotes", get(items::quotes))
        .route("/search", get(items::search))
        .route("/articles/{id}", get(article::page))
        .route("/static/style.css", get(style))
        .route("/static/app.js", get(script))
        .fallback(|| async { PageError::from(ApiError::not_found("There is no such page.")) })
        .with_state(state)
}

/// A failed page: the API's error, shown as an HTML page with the same status.
pub struct PageError(ApiError);

impl From<ApiError> for PageError {
    fn from(err: ApiError) -> PageError {
        PageError(err)
    }
}

/// The error page.
#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    status: u16,
    message: &'a str,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let page = ErrorPage {
            status: self.0.status.as_u16(),
            message: &self.0.message,
        };
        match page.render() {
            Ok(html) => (self.0.status, Html(html)).into_response(),
            Err(_) => (self.0.status, self.0.message).into_response(),
        }
    }
}

/// Renders a page template.
pub fn render(page: &impl Template) -> Result<Html<String>, PageError> {
    page.render()
        .map(Html)
        .map_err(|e| PageError(ApiError::internal(e)))
}

/// Serves a static asset compiled into the binary.
fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("max-age=3600"),
            ),
        ],
        body,
    )
        .into_response()
}

async fn style() -> Response {
    asset(
        "text/css; charset=utf-8",
        include_str!("../../static/style.css"),
    )
}

async fn script() -> Response {
    asset(
        "text/javascript; charset=utf-8",
        include_str!("../../static/app.js"),
    )
}

/// JSON to place inside `<script type="application/json">`: `<`, `>` and `&` (and the two
/// line separators JavaScript once treated as newlines) written as `\u` escapes, so no string
/// in it can close the element or open a comment.
pub fn json_for_html(value: &impl serde::Serialize) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "null".into());
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// A timeline item's kind, as the API spells it.
pub fn item_kind(kind: &storyline_analyse::ItemKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// A date for people: `undated` when unknown.
pub fn show_date(d: &Option<storyline_analyse::Date>) -> String {
    d.map_or_else(|| "undated".to_string(), |d| d.to_string())
}

/// A figure without a needless `.0`, thousands separated.
pub fn show_number(v: &f64) -> String {
    storyline_analyse::figure(*v)
}

/// A link target for a path segment: the segment percent-encoded.
pub fn path_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_json_cannot_close_its_element() {
        let text = "</script><script>alert(1)</script> & <!-- \u{2028}";
        let json = json_for_html(&serde_json::json!({ "title": text }));
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&json).expect("still JSON");
        assert_eq!(back["title"], text);
    }

    #[test]
    fn formats_for_people() {
        assert_eq!(show_number(&130000.0), "130,000");
        assert_eq!(show_number(&-2.5), "-2.5");
        assert_eq!(show_date(&None), "undated");
        assert_eq!(
            path_segment("Sergey Lavrov/\"x\""),
            "Sergey%20Lavrov%2F%22x%22"
        );
    }
}
