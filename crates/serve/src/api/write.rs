//! `POST /articles`: one JSON article (`{"text": ..., "title"?, "outlet"?, "published"?,
//! "url"?, "id"?}`) or a JSONL batch of them, run through the pipeline and stored in one
//! transaction. The token check happens before (see `auth`).
//!
//! Lines that cannot be read are reported by line number and the rest stored: partial success
//! is a value. An article already stored is not stored again.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Serialize;
use storyline_ingest::{parse_jsonl, Document};
use storyline_record::Record;
use storyline_store::Provenance;

use crate::error::ApiError;
use crate::state::AppState;

/// The "file name" of a posted body, as the JSONL reader names its lines.
const SOURCE_NAME: &str = "request";

/// What happened to a posted batch.
#[derive(Debug, Serialize)]
pub struct PostAnswer {
    /// Ids of the articles read, in input order (new, revised or already stored).
    ids: Vec<String>,
    /// Articles stored for the first time.
    new: u64,
    /// Articles stored as a revision of an earlier one.
    revisions: u64,
    /// Articles already stored.
    duplicates: u64,
    /// Lines that could not be read or held no text, with why.
    errors: Vec<LineError>,
}

/// One refused line.
#[derive(Debug, Serialize)]
struct LineError {
    line: usize,
    error: String,
}

/// Splits a body into documents, each with its line number: a single JSON object
/// (pretty-printed or not, line 1), else JSONL.
fn documents(body: &str) -> (Vec<(usize, Document)>, Vec<LineError>) {
    let single = serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .filter(serde_json::Value::is_object)
        .map(|v| v.to_string());
    let text = single.as_deref().unwrap_or(body);
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    // The reader yields one result per non-blank line, in order.
    let lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, _)| i + 1);
    for (line, item) in lines.zip(parse_jsonl(SOURCE_NAME, text)) {
        match item {
            Ok(doc) => docs.push((line, doc)),
            Err(err) => errors.push(LineError {
                line,
                error: err.kind.to_string(),
            }),
        }
    }
    (docs, errors)
}

/// `POST /articles`.
pub async fn post(
    State(state): State<AppState>,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<PostAnswer>), ApiError> {
    let body = body.map_err(|e| ApiError::new(e.status(), e.body_text()))?;
    let body = std::str::from_utf8(&body)
        .map_err(|e| ApiError::bad_request(format!("the body is not UTF-8: {e}")))?
        .to_string();
    let answer = state
        .write(move |store, pipeline| {
            let (docs, mut errors) = documents(&body);
            let mut records = Vec::with_capacity(docs.len());
            for (line, doc) in docs {
                // Without a url or id, the reader names a line "request:N"; that is no
                // identity (every request has a line 1), and the store would take the next
                // article posted without one for a revision of this one. The body's hash is.
                let anonymous = doc.source.starts_with(SOURCE_NAME) && doc.meta.url.is_none();
                let mut article = pipeline.process(doc.source, doc.text, doc.meta);
                if anonymous {
                    article.source = format!("api:{}", article.id);
                }
                if article.text.trim().is_empty() {
                    // Every empty body shares one id: storing it would be noise.
                    errors.push(LineError {
                        line,
                        error: "no article text left after cleaning; not stored".into(),
                    });
                    continue;
                }
                records.push(Record::from_article(&article));
            }
            if records.is_empty() {
                let first = errors
                    .first()
                    .map(|e| format!(": line {}: {}", e.line, e.error))
                    .unwrap_or_default();
                return Err(ApiError::bad_request(format!("no article to store{first}")));
            }
            let provenance = Provenance {
                storyline_version: env!("CARGO_PKG_VERSION").to_string(),
                settings: serde_json::json!({ "stages": pipeline.stage_names() }).to_string(),
            };
            let summary = store.insert_batch(&provenance, &records)?;
            errors.sort_by_key(|e| e.line);
            Ok(PostAnswer {
                ids: records.into_iter().map(|r| r.id).collect(),
                new: summary.num_new,
                revisions: summary.num_revisions,
                duplicates: summary.num_duplicates,
                errors,
            })
        })
        .await?;
    let status = if answer.new + answer.revisions > 0 {
        state.analysis.refresh(state.clone());
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(answer)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_one_object_or_jsonl_lines() {
        let (docs, errors) =
            documents("{\n  \"text\": \"Storm hits coast.\",\n  \"outlet\": \"Wire\"\n}");
        assert_eq!((docs.len(), errors.len()), (1, 0));
        assert_eq!(docs[0].1.meta.outlet.as_deref(), Some("Wire"));
        let (docs, errors) = documents(
            "{\"text\": \"One.\"}\nnot json\n\n{\"title\": \"no text\"}\n{\"text\": \"Two.\"}\n",
        );
        assert_eq!(docs.iter().map(|d| d.0).collect::<Vec<_>>(), [1, 5]);
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [2, 4]);
    }
}
