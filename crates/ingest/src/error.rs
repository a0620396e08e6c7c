//! Ingest errors: each names the input (and line) and the reason.

use std::fmt;

/// Why an input could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The operating system refused the read.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// A directory walk failed (unreadable entry, symlink loop).
    #[error("{0}")]
    Walk(String),
    /// A gzip stream that cannot be decompressed (truncated or corrupt).
    #[error("bad gzip data: {0}")]
    Gzip(String),
    /// An HTML page with no extractable article.
    #[error("HTML page: {0}")]
    Html(String),
    /// Neither a regular file nor a folder (a FIFO, socket or device): never opened, since
    /// reading one can block forever.
    #[error("{0}, not a regular file or folder: not read")]
    NotRegular(&'static str),
    /// Nothing to read.
    #[error("empty input")]
    Empty,
    /// Over the size limit.
    #[error("larger than the {limit_bytes}-byte limit (raise it with --max-bytes)")]
    TooLarge {
        /// The limit in force.
        limit_bytes: u64,
    },
    /// Binary content (NUL or many control bytes): not text.
    #[error("binary content ({0}), not text")]
    Binary(&'static str),
    /// Text that is neither valid UTF-8/UTF-16 nor a recognisable legacy encoding.
    #[error("invalid text encoding: {0}")]
    Encoding(String),
    /// A JSONL line that is not a JSON object.
    #[error("not a JSON object: {0}")]
    Json(String),
    /// A JSONL object with a field of the wrong type (a number for `text`, say).
    #[error("JSON field of the wrong type: {0}")]
    JsonField(String),
    /// A JSONL object without a `text` string.
    #[error("JSON object has no \"text\" string field")]
    MissingText,
    /// A feed (RSS, Atom, JSON Feed) that cannot be parsed, or one of its items with nothing
    /// to keep.
    #[error("feed: {0}")]
    Feed(String),
    /// A WARC record that cannot be read or turned into a document; the rest of the archive
    /// is still read where the framing allows.
    #[error("WARC record at byte {offset}: {reason}")]
    Warc {
        /// Where the record starts, in bytes from the start of the (decompressed) archive.
        offset: u64,
        /// What is wrong with it.
        reason: String,
    },
}

/// An error about one input, naming it.
#[derive(Debug)]
pub struct IngestError {
    /// The path (or `-` for stdin).
    pub source: String,
    /// The 1-based line, for JSONL inputs.
    pub line: Option<usize>,
    /// The reason.
    pub kind: ErrorKind,
}

impl IngestError {
    /// An error about a whole input.
    pub fn new(source: impl Into<String>, kind: ErrorKind) -> IngestError {
        IngestError {
            source: source.into(),
            line: None,
            kind,
        }
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.source, line, self.kind),
            None => write!(f, "{}: {}", self.source, self.kind),
        }
    }
}

impl std::error::Error for IngestError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.kind)
    }
}
