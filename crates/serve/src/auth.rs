//! The write token check: `Authorization: Bearer TOKEN`, compared in constant time. No header
//! is 401 (with `WWW-Authenticate`), a wrong token 403; a server started without a token
//! refuses every write the same way.

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use subtle::ConstantTimeEq;

use crate::config::Token;
use crate::error::ApiError;
use crate::state::AppState;

/// What the `Authorization` header says about the caller.
#[derive(Debug, PartialEq, Eq)]
enum Verdict {
    /// The right token.
    Allowed,
    /// No bearer credentials at all.
    Missing,
    /// Credentials, but not the right ones.
    Wrong,
}

fn check(headers: &HeaderMap, token: Option<&Token>) -> Verdict {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Verdict::Missing;
    };
    let Some(given) = value.to_str().ok().and_then(|v| {
        v.strip_prefix("Bearer ")
            .or_else(|| v.strip_prefix("bearer "))
    }) else {
        return Verdict::Missing;
    };
    match token {
        Some(token) if bool::from(given.trim().as_bytes().ct_eq(token.as_bytes())) => {
            Verdict::Allowed
        }
        _ => Verdict::Wrong,
    }
}

/// Middleware: lets the request through only with the right bearer token, before its body is
/// read.
pub async fn require_token(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    match check(request.headers(), state.token.as_ref()) {
        Verdict::Allowed => next.run(request).await,
        Verdict::Missing => {
            let mut response = ApiError::new(
                StatusCode::UNAUTHORIZED,
                "writing needs Authorization: Bearer TOKEN",
            )
            .into_response();
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"storyline\""),
            );
            response
        }
        Verdict::Wrong => {
            ApiError::new(StatusCode::FORBIDDEN, "the token is not valid for writing")
                .into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_str(value).expect("header"),
        );
        headers
    }

    #[test]
    fn only_the_right_bearer_token_passes() {
        let token = Token::new("open-sesame");
        let token = token.as_ref();
        assert_eq!(check(&HeaderMap::new(), token), Verdict::Missing);
        assert_eq!(check(&with("Basic b3Blbg=="), token), Verdict::Missing);
        assert_eq!(check(&with("Bearer open-sesame"), token), Verdict::Allowed);
        assert_eq!(check(&with("Bearer open-sesam"), token), Verdict::Wrong);
        assert_eq!(check(&with("Bearer open-sesame2"), token), Verdict::Wrong);
        assert_eq!(check(&with("Bearer "), token), Verdict::Wrong);
        assert_eq!(check(&with("Bearer open-sesame"), None), Verdict::Wrong);
    }
}
