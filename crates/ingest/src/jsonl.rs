//! JSONL inputs: one article per line, `{"text": ..., "id"?, "url"?, "title"?, "published"?, "outlet"?}`.

use crate::{Document, ErrorKind, IngestError};
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

/// Whether a file holds JSONL: by extension, else by content (its first non-blank character
/// opens an object and its first line parses as one).
pub fn looks_like_jsonl(path: &str, text: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        return true;
    }
    let trimmed = text.trim_start();
    trimmed.starts_with('{')
        && trimmed
            .lines()
            .next()
            .is_some_and(|first| serde_json::from_str::<serde_json::Map<_, _>>(first).is_ok())
}

/// Splits a JSONL text into documents, one result per non-blank line.
///
/// The record's `source` is the line's `url`, else its `id`, else `FILE:LINE`.
pub fn parse(path: &str, text: &str) -> Vec<Result<Document, IngestError>> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            parse_line(path, i + 1, line).map_err(|kind| IngestError {
                source: path.to_string(),
                line: Some(i + 1),
                kind,
            })
        })
        .collect()
}

fn parse_line(path: &str, number: usize, line: &str) -> Result<Document, ErrorKind> {
    let parsed: Line = serde_json::from_str(line).map_err(|e| ErrorKind::Json(e.to_string()))?;
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

    #[test]
    fn reads_lines_with_provenance() {
        let text = concat!(
            "{\"text\": \"Body one.\", \"url\": \"https://example.com/a\", \"title\": \"A\"}\n",
            "\n",
            "{\"text\": \"Body two.\", \"id\": 42}\n",
            "{\"text\": \"Body three.\", \"published\": \"2022-01-30\"}\n",
            "not json\n",
            "{\"title\": \"no text\"}\n",
        );
        let docs = parse("feed.jsonl", text);
        assert_eq!(docs.len(), 5);
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
    }

    #[test]
    fn detects_by_extension_or_content() {
        assert!(looks_like_jsonl("a.jsonl", ""));
        assert!(looks_like_jsonl("a.txt", "{\"text\": \"x\"}\n"));
        assert!(!looks_like_jsonl("a.txt", "{curly} start of a story"));
        assert!(!looks_like_jsonl("a.txt", "Plain story."));
    }
}
