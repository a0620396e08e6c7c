//! WARC 1.0/1.1 archives, streamed one record at a time: each `response` record holding an
//! HTTP 200 HTML page becomes a [`Document`]; other records are skipped and counted.
//!
//! The record framing (version line, header lines, a blank line, `Content-Length` bytes of
//! block, then CRLF CRLF) is read here rather than with the `warc` crate, whose reader buffers
//! header lines and bodies without limit and cannot resume after a record whose
//! `Content-Length` is wrong; both matter for multi-gigabyte crawls. Memory stays bounded by
//! one record (at most the per-record cap) plus [`MAX_HEADER_BYTES`].

use std::io::{self, BufRead, Read};

use crate::http::html_response;
use crate::{Document, ErrorKind, IngestError};

/// Most bytes of WARC header read for one record; real headers take a few hundred.
const MAX_HEADER_BYTES: usize = 64 * 1024;

/// Records that are skipped anyway are still held in memory up to this size, so that a wrong
/// `Content-Length` can be recovered from by finding the next record inside the block.
const RESYNC_BUFFER_BYTES: u64 = 1024 * 1024;

/// What one step over the archive yields.
pub enum Step {
    /// A page, as a document.
    Document(Document),
    /// A record that is not a page (request, metadata, a redirect, an image…).
    Skipped,
    /// A record that could not be read.
    Error(IngestError),
}

/// A streamed WARC archive.
pub struct WarcRecords {
    path: String,
    input: Pushback,
    record_cap: u64,
    gzip: bool,
    /// After a framing error: skip lines until the next version line, silently.
    resyncing: bool,
    done: bool,
}

impl WarcRecords {
    /// Reads the archive `stream` (already decompressed) named `path`; no record block over
    /// `record_cap` bytes is loaded.
    pub fn new(path: String, stream: Box<dyn BufRead>, gzip: bool, record_cap: u64) -> Self {
        WarcRecords {
            path,
            input: Pushback::new(stream),
            record_cap,
            gzip,
            resyncing: false,
            done: false,
        }
    }

    /// The next record's outcome; `None` at the end of the archive or after a read failure.
    pub fn next_step(&mut self) -> Option<Step> {
        if self.done {
            return None;
        }
        let step = self.read_record();
        if step.is_none() {
            self.done = true;
        }
        step
    }

    fn error(&self, offset: u64, reason: String) -> Step {
        Step::Error(IngestError::new(
            self.path.clone(),
            ErrorKind::Warc { offset, reason },
        ))
    }

    /// A read failure ends the archive: the stream position is unknown after it.
    fn read_failure(&mut self, err: io::Error) -> Option<Step> {
        self.done = true;
        let offset = self.input.offset;
        let kind = if self.gzip {
            ErrorKind::Gzip(format!(
                "at byte {offset} of the decompressed archive: {err}"
            ))
        } else {
            ErrorKind::Warc {
                offset,
                reason: format!("read failed: {err}"),
            }
        };
        Some(Step::Error(IngestError::new(self.path.clone(), kind)))
    }

    fn read_record(&mut self) -> Option<Step> {
        let (offset, header) = match self.read_header() {
            Ok(Some(found)) => found,
            Ok(None) => return None,
            Err(HeaderError::Io(err)) => return self.read_failure(err),
            Err(HeaderError::Format(offset, reason)) => {
                self.resyncing = true;
                return Some(self.error(offset, reason));
            }
        };
        let Some(length) = header
            .get("content-length")
            .and_then(|v| v.parse::<u64>().ok())
        else {
            self.resyncing = true;
            return Some(self.error(offset, "no valid Content-Length header".into()));
        };
        // A response that is not an HTTP message (a crawler's DNS lookup, say) holds no page.
        let is_response = header
            .get("warc-type")
            .is_some_and(|t| t.eq_ignore_ascii_case("response"))
            && header.get("content-type").is_none_or(|t| {
                t.trim_start()
                    .to_ascii_lowercase()
                    .starts_with("application/http")
            });
        let keep = length <= self.record_cap && (is_response || length <= RESYNC_BUFFER_BYTES);
        let block = if keep {
            // Capacity grows with what arrives, not with what a header claims.
            let mut block = Vec::with_capacity(length.min(RESYNC_BUFFER_BYTES) as usize);
            if let Err(err) = (&mut self.input).take(length).read_to_end(&mut block) {
                return self.read_failure(err);
            }
            Some(block)
        } else {
            match io::copy(&mut (&mut self.input).take(length), &mut io::sink()) {
                Ok(n) if n < length => {
                    self.done = true;
                    let reason = format!("Content-Length {length} runs past the end of the file");
                    return Some(self.error(offset, reason));
                }
                Ok(_) => None,
                Err(err) => return self.read_failure(err),
            }
        };
        let mut trailer = Vec::with_capacity(4);
        if let Err(err) = (&mut self.input).take(4).read_to_end(&mut trailer) {
            return self.read_failure(err);
        }
        let short_block = block.as_ref().is_some_and(|b| (b.len() as u64) < length);
        let at_end = trailer.len() < 4 && trailer.iter().all(|b| matches!(b, b'\r' | b'\n'));
        if short_block || (trailer != b"\r\n\r\n" && !at_end) {
            self.resync_after(block.unwrap_or_default(), trailer);
            let reason = format!(
                "Content-Length {length} does not match the record (no blank line after its block)"
            );
            return Some(self.error(offset, reason));
        }
        if !is_response {
            return Some(Step::Skipped);
        }
        let Some(block) = block else {
            let reason = format!(
                "response of {length} bytes is over the {}-byte per-record limit",
                self.record_cap
            );
            return Some(self.error(offset, reason));
        };
        Some(match self.page(&header, &block) {
            Ok(Some(doc)) => Step::Document(doc),
            Ok(None) => Step::Skipped,
            Err(reason) => self.error(offset, reason),
        })
    }

    /// After a wrong `Content-Length`: resumes at the next record found inside what was read,
    /// else at the next version line further on.
    fn resync_after(&mut self, block: Vec<u8>, trailer: Vec<u8>) {
        self.resyncing = true;
        let mut read = block;
        read.extend_from_slice(&trailer);
        let next = read
            .windows(7)
            .position(|w| w == b"\nWARC/1")
            .map(|at| at + 1);
        if let Some(at) = next {
            self.input.push_back(read.get(at..).unwrap_or_default());
        }
    }

    /// Reads the version line and header fields of the next record: its offset and fields
    /// (names lowercased), or `None` at the end of the input.
    fn read_header(&mut self) -> Result<Option<(u64, Header)>, HeaderError> {
        let offset = loop {
            let start = self.input.offset;
            let Some(line) = self.input.read_line(MAX_HEADER_BYTES)? else {
                return Ok(None);
            };
            if line.starts_with(b"WARC/") {
                self.resyncing = false;
                break start;
            }
            if line.iter().all(u8::is_ascii_whitespace) || self.resyncing {
                continue;
            }
            return Err(HeaderError::Format(
                start,
                "expected a WARC/1.x version line".into(),
            ));
        };
        let mut header = Header::default();
        let mut size = 0;
        loop {
            let Some(line) = self.input.read_line(MAX_HEADER_BYTES)? else {
                return Err(HeaderError::Format(
                    offset,
                    "header cut off at end of file".into(),
                ));
            };
            size += line.len();
            if size > MAX_HEADER_BYTES {
                return Err(HeaderError::Format(
                    offset,
                    format!("header over {MAX_HEADER_BYTES} bytes"),
                ));
            }
            let line = String::from_utf8_lossy(&line);
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                return Ok(Some((offset, header)));
            }
            if line.starts_with([' ', '\t']) {
                // A folded continuation of the previous field.
                if let Some((_, value)) = header.fields.last_mut() {
                    value.push(' ');
                    value.push_str(line.trim());
                }
                continue;
            }
            if let Some((name, value)) = line.split_once(':') {
                header
                    .fields
                    .push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
            }
        }
    }

    /// The document for a response record, if it holds an HTML page.
    fn page(&self, header: &Header, block: &[u8]) -> Result<Option<Document>, String> {
        let Some(page) = html_response(block, self.record_cap)? else {
            return Ok(None);
        };
        let uri = header
            .get("warc-target-uri")
            .map(|u| u.trim_matches(['<', '>']).to_string())
            .filter(|u| !u.is_empty());
        let article = storyline_html::extract(&page.html, uri.as_deref())
            .map_err(|e| format!("{}: {e}", uri.as_deref().unwrap_or("page")))?;
        let mut meta = article.meta;
        if uri.is_some() {
            meta.url.clone_from(&uri);
        }
        if meta.published.is_none() {
            meta.published = header
                .get("warc-date")
                .and_then(storyline_dates::rfc3339_utc)
                .or_else(|| {
                    page.last_modified
                        .as_deref()
                        .and_then(storyline_dates::http_date_utc)
                })
                .or_else(|| {
                    page.date
                        .as_deref()
                        .and_then(storyline_dates::http_date_utc)
                });
        }
        Ok(Some(Document {
            source: uri.unwrap_or_else(|| self.path.clone()),
            text: article.text,
            meta,
            stub: false,
        }))
    }
}

/// Why a record header could not be read.
enum HeaderError {
    Io(io::Error),
    /// The record's offset and what is wrong.
    Format(u64, String),
}

impl From<io::Error> for HeaderError {
    fn from(err: io::Error) -> HeaderError {
        HeaderError::Io(err)
    }
}

/// A record's header fields, names lowercased, in order.
#[derive(Default)]
struct Header {
    fields: Vec<(String, String)>,
}

impl Header {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A buffered stream that counts consumed bytes and can have bytes put back in front.
struct Pushback {
    inner: Box<dyn BufRead>,
    back: Vec<u8>,
    back_pos: usize,
    /// Bytes consumed from the start of the stream (less those pushed back).
    offset: u64,
}

impl Pushback {
    fn new(inner: Box<dyn BufRead>) -> Pushback {
        Pushback {
            inner,
            back: Vec::new(),
            back_pos: 0,
            offset: 0,
        }
    }

    /// Puts `bytes`, just consumed, back in front of the stream.
    fn push_back(&mut self, bytes: &[u8]) {
        let mut back = bytes.to_vec();
        back.extend_from_slice(self.back.get(self.back_pos..).unwrap_or_default());
        self.back = back;
        self.back_pos = 0;
        self.offset = self.offset.saturating_sub(bytes.len() as u64);
    }

    /// Reads one line with its ending; only the first `max` bytes of a longer line are kept
    /// (the rest is consumed), so a file with no line breaks costs no memory. `None` at EOF.
    fn read_line(&mut self, max: usize) -> io::Result<Option<Vec<u8>>> {
        let mut line = Vec::new();
        let mut any = false;
        loop {
            let available = self.fill_buf()?;
            if available.is_empty() {
                return Ok(any.then_some(line));
            }
            any = true;
            let (used, done) = match available.iter().position(|&b| b == b'\n') {
                Some(at) => (at + 1, true),
                None => (available.len(), false),
            };
            let room = max.saturating_sub(line.len()).min(used);
            line.extend_from_slice(available.get(..room).unwrap_or_default());
            self.consume(used);
            if done {
                return Ok(Some(line));
            }
        }
    }
}

impl Read for Pushback {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        if let (Some(to), Some(from)) = (buf.get_mut(..n), available.get(..n)) {
            to.copy_from_slice(from);
        }
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Pushback {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.back_pos < self.back.len() {
            return Ok(self.back.get(self.back_pos..).unwrap_or_default());
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.offset += amount as u64;
        if self.back_pos < self.back.len() {
            self.back_pos = (self.back_pos + amount).min(self.back.len());
            if self.back_pos == self.back.len() {
                self.back.clear();
                self.back_pos = 0;
            }
        } else {
            self.inner.consume(amount);
        }
    }
}

#[cfg(test)]
#[path = "warc_tests.rs"]
mod tests;
