//! Pages answered from the store's indexes: one entity, quote search and full-text search.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use serde::Deserialize;
use storyline_store::{EntityReport, QuoteFilter, QuoteRow, SearchHit};

use super::{path_segment, render, PageError};
use crate::api::{ApiPath, ApiQuery};
use crate::error::ApiError;
use crate::pages::highlight::quote_key;
use crate::paging::{Page, PageParams};
use crate::state::AppState;

/// `/entities/{name}`.
#[derive(Template)]
#[template(path = "entity.html")]
struct EntityPage {
    report: EntityReport,
    canonical: Option<storyline_analyse::CanonicalEntity>,
}

pub async fn entity(
    State(state): State<AppState>,
    ApiPath(name): ApiPath,
) -> Result<Html<String>, PageError> {
    let lookup = name.clone();
    let report = state.read(move |s| Ok(s.entity(&lookup)?)).await?;
    if report.occurrences.is_empty() {
        return Err(ApiError::not_found(format!("Nobody and nothing is named {name:?}.")).into());
    }
    let canonical = state.canonical_entity(&name);
    render(&EntityPage { report, canonical })
}

/// The quote search form's fields.
#[derive(Debug, Default, Deserialize)]
pub struct QuoteForm {
    #[serde(default)]
    speaker: String,
    #[serde(default)]
    about: String,
    #[serde(default)]
    outlet: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(flatten)]
    page: PageParams,
}

/// `/quotes`.
#[derive(Template)]
#[template(path = "quotes.html")]
struct QuotesPage {
    form: QuoteForm,
    page: Page<QuoteRow>,
    /// The next page's link up to its cursor: `/quotes?` and the form's fields.
    pager_base: String,
}

/// A form field: `None` when left blank.
fn field(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

pub async fn quotes(
    State(state): State<AppState>,
    ApiQuery(form): ApiQuery<QuoteForm>,
) -> Result<Html<String>, PageError> {
    let limit = form.page.limit()?;
    let offset = form.page.position()?;
    let date = |name: &str, text: &str| {
        let d = field(text);
        match &d {
            Some(v) if storyline_analyse::Date::parse_iso(v).is_none() => Err(
                ApiError::bad_request(format!("{name} must be a date as YYYY-MM-DD")),
            ),
            _ => Ok(d),
        }
    };
    let filter = QuoteFilter {
        speaker: field(&form.speaker),
        about: field(&form.about),
        outlet: field(&form.outlet),
        from: date("from", &form.from)?,
        to: date("to", &form.to)?,
        offset: usize::try_from(offset).unwrap_or(usize::MAX),
        limit: Some(limit + 1),
    };
    let rows = state.read(move |s| Ok(s.quotes(&filter)?)).await?;
    let page = Page::from_fetched(rows, limit, |_| offset + limit as u64);
    let fields: String = [
        ("speaker", &form.speaker),
        ("about", &form.about),
        ("outlet", &form.outlet),
        ("from", &form.from),
        ("to", &form.to),
    ]
    .iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(k, v)| format!("{k}={}&", path_segment(v)))
    .collect();
    let pager_base = format!("/quotes?{fields}");
    render(&QuotesPage {
        form,
        page,
        pager_base,
    })
}

/// The search form.
#[derive(Debug, Default, Deserialize)]
pub struct SearchForm {
    #[serde(default)]
    q: String,
}

/// `/search?q=`.
#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    q: String,
    hits: Vec<SearchHit>,
}

/// Hits shown on the search page.
const SEARCH_NUM_HITS: usize = 50;

pub async fn search(
    State(state): State<AppState>,
    ApiQuery(form): ApiQuery<SearchForm>,
) -> Result<Html<String>, PageError> {
    let q = form.q.trim().to_string();
    let hits = if q.is_empty() {
        Vec::new()
    } else {
        let text = q.clone();
        state
            .read(move |s| Ok(s.search(&text, SEARCH_NUM_HITS)?))
            .await?
    };
    render(&SearchPage { q, hits })
}

/// The article page link that selects this quote.
pub fn quote_link(q: &QuoteRow) -> String {
    format!(
        "/articles/{}?quote={}#sel",
        path_segment(&q.article.id),
        quote_key([q.span[0] as usize, q.span[1] as usize])
    )
}
