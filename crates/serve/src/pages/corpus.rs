//! Pages over the cached analysis: the overview, stories, one story, disagreements and the
//! entity list.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use storyline_analyse::{CanonicalEntity, Disagreement, Story};

use super::{render, PageError};
use crate::analysis::{StoryDetail, StorySummary};
use crate::api::{ApiPath, ApiQuery};
use crate::paging::{Page, PageParams};
use crate::state::AppState;
use crate::svg::{DotPlot, MentionsChart};

/// `/`: counts and the stories.
#[derive(Template)]
#[template(path = "overview.html")]
struct Overview<'a> {
    stats: storyline_store::Stats,
    stories: Vec<StorySummary<'a>>,
    entities: Vec<&'a CanonicalEntity>,
}

/// Stories shown on the overview; the rest are a click away.
const OVERVIEW_NUM_STORIES: usize = 20;
/// Entities shown on the overview.
const OVERVIEW_NUM_ENTITIES: usize = 15;

pub async fn overview(State(state): State<AppState>) -> Result<Html<String>, PageError> {
    let stats = state.read(|s| Ok(s.stats()?)).await?;
    let snapshot = state.analysis.get()?;
    let stories = snapshot
        .stories
        .iter()
        .take(OVERVIEW_NUM_STORIES)
        .map(StorySummary::of)
        .collect();
    let entities = snapshot
        .entities_by_reach()
        .into_iter()
        .take(OVERVIEW_NUM_ENTITIES)
        .collect();
    render(&Overview {
        stats,
        stories,
        entities,
    })
}

/// `/stories`: one page of stories.
#[derive(Template)]
#[template(path = "stories.html")]
struct Stories<'a> {
    page: Page<StorySummary<'a>>,
}

pub async fn stories(
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<PageParams>,
) -> Result<Html<String>, PageError> {
    let snapshot = state.analysis.get()?;
    let page = Page::slice(snapshot.stories.iter().map(StorySummary::of), &params)?;
    render(&Stories { page })
}

/// A disagreement with its picture.
pub struct Plotted<'a> {
    /// The disagreement.
    pub d: &'a Disagreement,
    /// Its values as dots.
    pub plot: DotPlot,
}

impl<'a> Plotted<'a> {
    fn of(d: &'a Disagreement) -> Plotted<'a> {
        Plotted {
            d,
            plot: DotPlot::new(&d.claims),
        }
    }
}

/// `/stories/{id}`.
#[derive(Template)]
#[template(path = "story.html")]
struct StoryPage<'a> {
    story: &'a Story,
    detail: StoryDetail<'a>,
    chart: Option<MentionsChart>,
    disagreements: Vec<Plotted<'a>>,
}

pub async fn story(
    State(state): State<AppState>,
    ApiPath(id): ApiPath,
) -> Result<Html<String>, PageError> {
    let snapshot = state.analysis.get()?;
    let detail = snapshot
        .story_detail(&id)
        .ok_or_else(|| crate::error::ApiError::not_found(format!("There is no story {id:?}.")))?;
    let disagreements = detail
        .disagreements
        .iter()
        .map(|d| Plotted::of(d))
        .collect();
    render(&StoryPage {
        story: detail.story,
        chart: MentionsChart::new(&detail.story.articles),
        disagreements,
        detail,
    })
}

/// `/disagreements`.
#[derive(Template)]
#[template(path = "disagreements.html")]
struct Disagreements<'a> {
    page: Page<Plotted<'a>>,
}

pub async fn disagreements(
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<PageParams>,
) -> Result<Html<String>, PageError> {
    let snapshot = state.analysis.get()?;
    let page = Page::slice(snapshot.disagreements.iter().map(Plotted::of), &params)?;
    render(&Disagreements { page })
}

/// `/entities`.
#[derive(Template)]
#[template(path = "entities.html")]
struct Entities<'a> {
    page: Page<&'a CanonicalEntity>,
}

pub async fn entities(
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<PageParams>,
) -> Result<Html<String>, PageError> {
    let snapshot = state.analysis.get()?;
    let page = Page::slice(snapshot.entities_by_reach(), &params)?;
    render(&Entities { page })
}
