//! `storyline serve`: the store over HTTP, as a JSON API for programs and a server-rendered
//! dashboard for people, every answer traceable to the characters of its source.
//!
//! 1. [`ServerConfig`] says where to listen, which database to serve, the write token and the
//!    request limits; [`serve`] opens the store, starts the corpus analysis in the background
//!    and answers until Ctrl-C.
//! 2. `/api/v1/…` answers JSON (described by the OpenAPI 3 document at
//!    `/api/v1/openapi.json`): per-item questions straight from the store's indexed queries,
//!    corpus-wide ones (stories, disagreements, canonical entities) from the cached analysis.
//!    Every error has one shape, `{"error": "...", "status": 404}`.
//! 3. `/`, `/stories`, `/entities`, `/quotes`, `/disagreements`, `/search`, `/articles/{id}`
//!    are HTML pages rendered from templates (`templates/`), with SVG charts drawn by the
//!    server, one small script and a Content-Security-Policy that forbids everything else.
//! 4. `POST /api/v1/articles` (one JSON article or a JSONL batch) runs the pipeline and stores
//!    the result; it always requires `Authorization: Bearer TOKEN`.
//!
//! ```no_run
//! use storyline_serve::{serve, ServerConfig};
//!
//! let config = ServerConfig::new("storyline.db", "127.0.0.1:8080".parse()?);
//! serve(config, |addr| println!("listening on http://{addr}"))?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod analysis;
mod api;
mod auth;
mod config;
mod error;
mod middleware;
mod pages;
mod paging;
mod snapshot;
mod state;
mod svg;

pub use config::{ServerConfig, Token, UpdateAnalysis};
pub use error::ServeError;

use std::net::SocketAddr;

/// Serves `config.db` on `config.addr` until the process is interrupted (Ctrl-C).
///
/// `on_listening` is called once with the bound address (useful with port 0) before the
/// first request is answered.
pub fn serve(
    config: ServerConfig,
    on_listening: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(ServeError::Runtime)?;
    // Opened outside the runtime, and dropped after it: a PostgreSQL connection is a blocking
    // client that may be neither created nor dropped on the async threads.
    let state = state::AppState::open(&config)?;
    let serving = state.clone();
    let outcome = runtime.block_on(async move {
        let state = serving;
        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .map_err(|source| ServeError::Bind {
                addr: config.addr,
                source,
            })?;
        let addr = listener.local_addr().map_err(|source| ServeError::Bind {
            addr: config.addr,
            source,
        })?;
        state.analysis.refresh(state.clone());
        let app = router(state, &config);
        on_listening(addr);
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                // An error here means no signal handler could be installed: run until killed.
                if tokio::signal::ctrl_c().await.is_err() {
                    std::future::pending::<()>().await;
                }
            })
            .await
            .map_err(ServeError::Serve)
    });
    drop(runtime);
    drop(state);
    outcome
}

/// Every route, with the limits and security headers applied to all of them.
fn router(state: state::AppState, config: &ServerConfig) -> axum::Router {
    axum::Router::new()
        .nest("/api/v1", api::routes(state.clone(), config))
        .merge(pages::routes(state))
        .layer(axum::middleware::from_fn_with_state(
            config.request_timeout,
            middleware::timeout,
        ))
        .layer(axum::middleware::from_fn(middleware::security_headers))
}
