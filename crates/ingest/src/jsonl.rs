//! JSONL inputs: one article per line, `{"text": ..., "id"?, "url"?, "title"?, "published"?, "outlet"?}`.
//!
//! Read line by line, whatever the file's size: each line is decoded and parsed on its own, so
//! a bad line (broken encoding, not JSON, a field of the wrong type, no `text`) costs that line
//! only and is reported as `FILE:LINE: reason`. No line over the per-line cap is loaded.

use std::io::{self, BufRead};

use crate::{decode, Document, ErrorKind, IngestError};
use serde::Deserialize;
use storyline_record::Metadata;

/// One input line. Unknown fields are ignored, so records from other tools read as they are.
#[derive(Deserialize)]
struct Line {
    text: Option<String>,
    id: Option<serde_json::Value>,
    url: Option<String>,
    title: Option<String>,
    published: Option<String>,
    outlet: Option<String>,
    author: Option<String>,
    language: Option<String>,
}

/// Whether a file is JSONL by its name: `.jsonl` or `.ndjson`, optionally gzipped.
pub fn has_jsonl_name(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
    lower.ends_with(".jsonl") || lower.ends_with(".ndjson")
}

/// Whether raw bytes hold JSONL by content: after an optional UTF-8 byte-order mark and blank
/// space, the first line is a JSON object.
pub fn looks_like_jsonl(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let rest = bytes.get(start..).unwrap_or_default();
    let first = rest.split(|&b| b == b'\n').next().unwrap_or_default();
    first.first() == Some(&b'{') && serde_json::from_slice::<serde_json::Map<_, _>>(first).is_ok()
}

/// Splits a JSONL text held in memory into documents, one result per non-blank line, each
/// error carrying its line.
///
/// The record's `source` is the line's `url`, else its `id`, else `FILE:LINE`.
pub fn parse(path: &str, text: &str) -> Vec<Result<Document, IngestError>> {
    let input = Box::new(io::Cursor::new(text.as_bytes().to_vec()));
    JsonlLines::new(path.to_string(), input, false, u64::MAX).collect()
}

/// The lines of one JSONL input, read one at a time.
pub struct JsonlLines {
    path: String,
    input: Box<dyn BufRead>,
    line_cap: usize,
    gzip: bool,
    number: usize,
    done: bool,
}

impl JsonlLines {
    /// Reads `input` (already decompressed) named `path`; lines over `line_cap` bytes are
    /// refused without being loaded. `gzip` says read failures are gzip errors.
    pub fn new(path: String, input: Box<dyn BufRead>, gzip: bool, line_cap: u64) -> JsonlLines {
        JsonlLines {
            path,
            input,
            line_cap: usize::try_from(line_cap).unwrap_or(usize::MAX),
            gzip,
            number: 0,
            done: false,
        }
    }

    fn error(&self, kind: ErrorKind) -> IngestError {
        IngestError {
            source: self.path.clone(),
            line: Some(self.number),
            kind,
        }
    }

    /// Reads the next line: its bytes (without the line ending), `Ok(None)` at the end, or
    /// `Err(TooLarge)` for a line over the cap (consumed, not kept).
    fn read_line(&mut self) -> io::Result<Option<Result<Vec<u8>, ErrorKind>>> {
        let mut line = Vec::new();
        let mut any = false;
        let mut over = false;
        loop {
            let available = self.input.fill_buf()?;
            if available.is_empty() {
                break;
            }
            any = true;
            let (used, done) = match available.iter().position(|&b| b == b'\n') {
                Some(at) => (at + 1, true),
                None => (available.len(), false),
            };
            let content = available.get(..used).unwrap_or_default();
            if line.len() + content.len() > self.line_cap.saturating_add(2) {
                over = true;
                line.clear();
            } else if !over {
                line.extend_from_slice(content);
            }
            self.input.consume(used);
            if done {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        if over {
            let limit_bytes = self.line_cap as u64;
            return Ok(Some(Err(ErrorKind::TooLarge { limit_bytes })));
        }
        while line.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
            line.pop();
        }
        Ok(Some(Ok(line)))
    }
}

impl Iterator for JsonlLines {
    type Item = Result<Document, IngestError>;

    /// The next non-blank line's document or error; `None` at the end or after a read failure.
    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.number += 1;
            let bytes = match self.read_line() {
                Ok(Some(Ok(bytes))) => bytes,
                Ok(Some(Err(kind))) => return Some(Err(self.error(kind))),
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(err) => {
                    self.done = true;
                    let kind = if self.gzip {
                        ErrorKind::Gzip(err.to_string())
                    } else {
                        ErrorKind::Io(err)
                    };
                    return Some(Err(self.error(kind)));
                }
            };
            let bytes = match self.number {
                1 => bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes),
                _ => &bytes,
            };
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let parsed = decode(bytes).and_then(|text| parse_line(&self.path, self.number, &text));
            return Some(parsed.map_err(|kind| self.error(kind)));
        }
        None
    }
}

fn parse_line(path: &str, number: usize, line: &str) -> Result<Document, ErrorKind> {
    let parsed: Line = serde_json::from_str(line).map_err(|e| {
        let is_object = line.trim_start().starts_with('{');
        match e.classify() {
            serde_json::error::Category::Data if is_object => ErrorKind::JsonField(e.to_string()),
            _ => ErrorKind::Json(e.to_string()),
        }
    })?;
    let text = parsed.text.ok_or(ErrorKind::MissingText)?;
    let id = parsed.id.map(|v| match v {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    });
    let source = parsed
        .url
        .clone()
        .or(id)
        .unwrap_or_else(|| format!("{path}:{number}"));
    let blank_to_none = |v: Option<String>| v.filter(|s| !s.trim().is_empty());
    Ok(Document {
        source,
        text,
        meta: Metadata {
            title: blank_to_none(parsed.title),
            outlet: blank_to_none(parsed.outlet),
            published: blank_to_none(parsed.published),
            author: blank_to_none(parsed.author),
            language: blank_to_none(parsed.language),
            url: blank_to_none(parsed.url),
        },
        stub: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn lines(bytes: &[u8], cap: u64) -> Vec<Result<Document, IngestError>> {
        let input = Box::new(Cursor::new(bytes.to_vec()));
        JsonlLines::new("feed.jsonl".into(), input, false, cap).collect()
    }

    #[test]
    fn reads_lines_with_provenance() {
        let text = concat!(
            "{\"text\": \"Body one.\", \"url\": \"https://example.com/a\", \"title\": \"A\"}\n",
            "\n",
            "{\"text\": \"Body two.\", \"id\": 42}\r\n",
            "{\"text\": \"Body three.\", \"published\": \"2022-01-30\"}\n",
            "not json\n",
            "{\"title\": \"no text\"}\n",
            "{\"text\": 5}",
        );
        let docs = lines(text.as_bytes(), 1 << 20);
        assert_eq!(docs.len(), 6);
        let first = docs[0].as_ref().expect("line 1");
        assert_eq!(first.source, "https://example.com/a");
        assert_eq!(first.meta.title.as_deref(), Some("A"));
        assert_eq!(docs[1].as_ref().expect("line 3").source, "42");
        let third = docs[2].as_ref().expect("line 4");
        assert_eq!(third.source, "feed.jsonl:4");
        assert_eq!(third.meta.published.as_deref(), Some("2022-01-30"));
        let bad = docs[3].as_ref().expect_err("line 5");
        assert_eq!(bad.line, Some(5));
        assert!(bad
            .to_string()
            .starts_with("feed.jsonl:5: not a JSON object"));
        let missing = docs[4].as_ref().expect_err("line 6");
        assert!(matches!(missing.kind, ErrorKind::MissingText));
        let typed = docs[5].as_ref().expect_err("line 7");
        assert!(matches!(typed.kind, ErrorKind::JsonField(_)), "{typed}");
    }

    #[test]
    fn a_bad_line_costs_that_line_only() {
        let mut bytes = b"\xEF\xBB\xBF{\"text\": \"Caf\xC3\xA9 one.\"}\n".to_vec();
        bytes.extend_from_slice(b"{\"text\": \"broken \xE2\x80\x93 \xFF here\"}\n");
        bytes.extend_from_slice(&[b'x'; 100]);
        bytes.extend_from_slice(b"\n{\"text\": \"Three.\"}\n");
        let docs = lines(&bytes, 64);
        assert_eq!(docs.len(), 4);
        assert_eq!(
            docs[0].as_ref().map(|d| d.text.as_str()).ok(),
            Some("Café one.")
        );
        let broken = docs[1].as_ref().expect_err("line 2");
        assert!(matches!(broken.kind, ErrorKind::Encoding(_)), "{broken}");
        assert!(broken.to_string().starts_with("feed.jsonl:2: "), "{broken}");
        let long = docs[2].as_ref().expect_err("line 3");
        assert!(matches!(long.kind, ErrorKind::TooLarge { .. }), "{long}");
        assert_eq!(long.line, Some(3));
        assert_eq!(
            docs[3].as_ref().map(|d| d.text.as_str()).ok(),
            Some("Three.")
        );
    }

    #[test]
    fn detects_by_name_or_content() {
        assert!(has_jsonl_name("a.jsonl"));
        assert!(has_jsonl_name("a.NDJSON.gz"));
        assert!(!has_jsonl_name("a.json"));
        assert!(looks_like_jsonl(b"{\"text\": \"x\"}\nnot json \xFF\n"));
        assert!(!looks_like_jsonl(b"{curly} start of a story"));
        assert!(!looks_like_jsonl(b"Plain story."));
    }
}
