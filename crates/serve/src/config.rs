//! What the server needs to start: address, database, write token and request limits.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use storyline_store::Store;

/// The secret a client shows as `Authorization: Bearer TOKEN` to store articles.
///
/// Never printed: its `Debug` shows only its length.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    /// A token from its text, surrounding whitespace (a file's final newline) removed;
    /// `None` when nothing is left.
    pub fn new(text: &str) -> Option<Token> {
        let text = text.trim();
        (!text.is_empty()).then(|| Token(text.to_string()))
    }

    /// The token's bytes.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Token({} bytes)", self.0.len())
    }
}

/// Settings of one server.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// The database: an SQLite file, or a `postgres://user:password@host:port/db` URL.
    pub db: PathBuf,
    /// Where to listen. The default of the command line is loopback only: the dashboard shows
    /// everything stored, so exposing it is a decision, not a default.
    pub addr: SocketAddr,
    /// The write token; without one, `POST /api/v1/articles` refuses every request.
    pub token: Option<Token>,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Longest a request may take before it is answered with 503.
    pub request_timeout: Duration,
    /// Read connections kept open to the database.
    pub num_readers: usize,
    /// Brings the analysis the store keeps up to date once articles were written (see
    /// [`UpdateAnalysis`]); without one, the server analyses the articles in memory only and
    /// the stored parts stay stale until the next `storyline ingest`.
    pub update_analysis: Option<UpdateAnalysis>,
}

/// Analyses the store's current articles and stores the results as its analysis parts,
/// unless they are current already; answers whether it analysed, or why it failed. The
/// command line passes the update its `ingest` runs, which also writes the parts that only
/// it knows how to make (the report, the printed tables), so that its analysis commands stay
/// fast after articles arrive through the API too.
#[derive(Clone)]
pub struct UpdateAnalysis(Arc<UpdateFn>);

/// The function inside an [`UpdateAnalysis`].
type UpdateFn = dyn Fn(&mut Store) -> Result<bool, String> + Send + Sync;

impl UpdateAnalysis {
    /// Wraps the update.
    pub fn new(
        update: impl Fn(&mut Store) -> Result<bool, String> + Send + Sync + 'static,
    ) -> UpdateAnalysis {
        UpdateAnalysis(Arc::new(update))
    }

    /// Runs the update on `store`.
    pub fn run(&self, store: &mut Store) -> Result<bool, String> {
        (self.0)(store)
    }
}

impl fmt::Debug for UpdateAnalysis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("UpdateAnalysis")
    }
}

impl ServerConfig {
    /// A server for `db` on `addr`, no write token, default limits.
    pub fn new(db: impl Into<PathBuf>, addr: SocketAddr) -> ServerConfig {
        ServerConfig {
            db: db.into(),
            addr,
            token: None,
            // A JSONL batch of a few hundred long articles; far below memory even with
            // several in flight.
            max_body_bytes: 16 * 1024 * 1024,
            // Queries answer in milliseconds; a posted batch runs the whole pipeline, which
            // takes seconds for hundreds of articles. Past this something is wrong.
            request_timeout: Duration::from_secs(60),
            // One per core on most laptops; SQLite readers never block each other in WAL mode.
            num_readers: 4,
            update_analysis: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_trimmed_and_never_printed() {
        assert_eq!(Token::new("  \n"), None);
        let token = Token::new("s3cret-value\n").expect("token");
        assert_eq!(token.as_bytes(), b"s3cret-value");
        assert_eq!(format!("{token:?}"), "Token(12 bytes)");
    }
}
