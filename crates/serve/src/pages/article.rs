//! `/articles/{id}`: the article's text with every extracted item highlighted at its
//! characters, the lists of items beside it, and one quote selected (`?quote=START-END`, or by
//! clicking a quote when scripts run).

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use serde::{Deserialize, Serialize};
use storyline_record::{Record, RecordQuote};

use super::highlight::{marks, quote_key, segments, Segment};
use super::{json_for_html, path_segment, render, PageError};

use crate::api::{ApiPath, ApiQuery};
use crate::error::ApiError;
use crate::state::AppState;

/// Which quote to select.
#[derive(Debug, Default, Deserialize)]
pub struct Selection {
    quote: Option<String>,
}

/// A quote in the side list and in the page's data.
#[derive(Debug, Serialize)]
pub struct QuoteItem<'a> {
    /// `START-END`: what selects it.
    key: String,
    speaker: Option<&'a str>,
    cue: Option<&'a str>,
    kind: &'a str,
    text: &'a str,
}

impl<'a> QuoteItem<'a> {
    fn of(q: &'a RecordQuote) -> QuoteItem<'a> {
        QuoteItem {
            key: quote_key(q.span),
            speaker: q.speaker.as_deref(),
            cue: q.cue.as_deref(),
            kind: &q.kind,
            text: &q.text,
        }
    }
}

#[derive(Template)]
#[template(path = "article.html")]
struct ArticlePage<'a> {
    record: &'a Record,
    segments: Vec<Segment>,
    quotes: &'a [QuoteItem<'a>],
    selected: Option<&'a QuoteItem<'a>>,
    /// The quotes as JSON for the page's script, escaped for a `<script>` element.
    quotes_json: String,
    story: Option<String>,
}

impl ArticlePage<'_> {
    /// Link to an entity's page.
    fn entity_link(&self, name: &str) -> String {
        format!("/entities/{}", path_segment(name))
    }
}

pub async fn page(
    State(state): State<AppState>,
    ApiPath(id): ApiPath,
    ApiQuery(selection): ApiQuery<Selection>,
) -> Result<Html<String>, PageError> {
    let lookup = id.clone();
    let record = state
        .read(move |s| Ok(s.record(&lookup)?))
        .await?
        .ok_or_else(|| ApiError::not_found(format!("There is no article {id:?}.")))?;
    let story = state.analysis.get().ok().and_then(|s| {
        let index = *s.story_of_article.get(&record.id)?;
        Some(s.stories.get(index)?.id.clone())
    });
    let quotes: Vec<QuoteItem<'_>> = record.quotes.iter().map(QuoteItem::of).collect();
    let selected = selection
        .quote
        .as_deref()
        .and_then(|key| quotes.iter().find(|q| q.key == key));
    let segments = segments(
        &record.text,
        &marks(&record),
        selected.map(|q| q.key.as_str()),
    );
    render(&ArticlePage {
        record: &record,
        segments,
        quotes_json: json_for_html(&quotes),
        selected,
        quotes: &quotes,
        story,
    })
}
