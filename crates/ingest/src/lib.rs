//! Readers per input kind: they turn paths into [`Document`]s (decoded text plus provenance and
//! any metadata the input states), one error per bad input, never a panic.
//!
//! 1. [`Inputs`] expands paths: files, directories (recursively, sorted by name), `-` for stdin.
//! 2. Each file is read up to a size limit and [`decode`]d: UTF-8, UTF-16 with BOM, or a legacy
//!    single-byte encoding detected by `chardetng`; binary and broken text are refused.
//! 3. A feed (RSS, Atom, JSON Feed; by content or extension) yields one document per item, a
//!    stub when the item has no full content; a JSONL file (by extension or content) one per
//!    line, read and decoded line by line (a bad line is one error, `FILE:LINE`; a file named
//!    `.jsonl`/`.ndjson` is streamed whatever its size, the limit bounding each line); an HTML
//!    page (by content) its main text and page metadata through `storyline-html`; gzip is
//!    decompressed transparently, member after member (data after the last member is reported
//!    and the members before it kept).
//! 4. A text longer than [`ReadOptions::max_part_bytes`] (a dump of many articles) is yielded
//!    as consecutive parts cut at paragraph boundaries, `SOURCE#part-N`, so that the pipeline's
//!    memory, which grows with one document's length, stays bounded.
//! 5. A WARC archive (by content, plain or gzipped whole or per record) is streamed whatever
//!    its size: one document per `response` record holding an HTTP 200 HTML page; other
//!    records are skipped and counted ([`Inputs::skipped`]).
//!
//! ```no_run
//! use storyline_ingest::{Inputs, ReadOptions};
//!
//! for item in Inputs::new(["examples/seeds"], ReadOptions::default()) {
//!     match item {
//!         Ok(doc) => println!("{} ({} bytes)", doc.source, doc.text.len()),
//!         Err(err) => eprintln!("{err}"),
//!     }
//! }
//! ```
#![deny(missing_docs)]

mod decode;
mod error;
mod feed;
mod http;
mod jsonl;
mod open;
mod parts;
mod walk;
mod warc;

pub use decode::decode;
pub use error::{ErrorKind, IngestError};
pub use feed::{looks_like_feed, parse as parse_feed};
pub use jsonl::parse as parse_jsonl;
pub use walk::Inputs;

use storyline_record::Metadata;

/// One document read from an input, before any cleaning.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// Where it came from: a path, a URL, a JSONL line's id, or `FILE:LINE`.
    pub source: String,
    /// The decoded text.
    pub text: String,
    /// Metadata stated by the input itself (JSONL fields, page markup, feed items, WARC
    /// headers); these win over detected values.
    pub meta: Metadata,
    /// A feed item that carried no full content: `text` is only its summary (or title), and
    /// `source`/`meta.url` is the link a crawler should fetch to complete it.
    pub stub: bool,
}

/// Settings for reading inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// Largest input file read, in bytes; bigger files are refused rather than loaded.
    pub max_file_bytes: u64,
    /// Longest document handed on, in bytes of text: a longer one is split into parts at
    /// paragraph boundaries (see the crate documentation).
    pub max_part_bytes: usize,
}

impl Default for ReadOptions {
    /// 64 MiB files: far above any article or daily feed dump, far below this machine's
    /// memory even with a few files in flight. 1 MiB parts: some twenty times the longest
    /// news article, and some 50 MB of pipeline memory at most.
    fn default() -> ReadOptions {
        ReadOptions {
            max_file_bytes: 64 * 1024 * 1024,
            max_part_bytes: 1024 * 1024,
        }
    }
}
