//! The corpus-wide analysis (stories, disagreements, canonical entities, timelines), computed
//! in the background when the server starts and again after each write, and read by
//! corpus-wide requests as an immutable snapshot.
//!
//! Until the first computation finishes, corpus-wide requests answer 503 with `Retry-After`;
//! per-item requests never wait for it. A write during a computation marks the snapshot stale,
//! and one more computation follows: never more than one runs at a time.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};

use axum::http::StatusCode;
use serde::Serialize;
use storyline_analyse::{
    story_timeline, Analysis, CanonicalEntity, Date, Disagreement, EventGroup, QuoteGroup, Story,
    TimelineItem,
};

use crate::error::ApiError;
use crate::state::AppState;

/// One computed analysis and what it was computed over.
pub struct Snapshot {
    /// The analysis.
    pub analysis: Analysis,
    /// Story index of each article id.
    pub story_of_article: HashMap<String, usize>,
}

impl Snapshot {
    fn new(analysis: Analysis) -> Snapshot {
        let story_of_article = analysis
            .stories
            .stories
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.articles.iter().map(move |a| (a.id.clone(), i)))
            .collect();
        Snapshot {
            analysis,
            story_of_article,
        }
    }
}

/// A story in a list: when, how big, about whom, from which outlets.
#[derive(Debug, Serialize)]
pub struct StorySummary<'a> {
    /// Story id.
    pub id: &'a str,
    /// Phase number (1 for a story's first phase).
    pub phase: usize,
    /// The story this one continues, if any.
    pub earlier_phase: Option<&'a str>,
    /// First article's date.
    pub start: Option<Date>,
    /// Last article's date.
    pub end: Option<Date>,
    /// Most named entities.
    pub top_entities: &'a [String],
    /// Number of articles.
    pub num_articles: usize,
    /// Distinct outlets, sorted.
    pub outlets: Vec<&'a str>,
}

impl<'a> StorySummary<'a> {
    /// The summary of `story`.
    pub fn of(story: &'a Story) -> StorySummary<'a> {
        let outlets = story.outlets();
        StorySummary {
            id: &story.id,
            phase: story.phase,
            earlier_phase: story.earlier_phase.as_deref(),
            start: story.start,
            end: story.end,
            top_entities: &story.top_entities,
            num_articles: story.articles.len(),
            outlets,
        }
    }
}

/// Everything about one story: its articles, timeline, quotes, disagreements and events.
#[derive(Debug, Serialize)]
pub struct StoryDetail<'a> {
    /// The story and its articles.
    pub story: &'a Story,
    /// Dated items, by date.
    pub timeline: Vec<&'a TimelineItem>,
    /// Quotations first seen or repeated in the story's articles.
    pub quotes: Vec<&'a QuoteGroup>,
    /// Quantities reported differently within the story.
    pub disagreements: Vec<&'a Disagreement>,
    /// Events of the story, each counted once.
    pub events: Vec<&'a EventGroup>,
}

impl Snapshot {
    /// The story with this id and everything about it.
    pub fn story_detail(&self, id: &str) -> Option<StoryDetail<'_>> {
        let a = &self.analysis;
        let story = a.stories.get(id)?;
        let in_story = |article: &str| {
            self.story_of_article
                .get(article)
                .and_then(|&i| a.stories.stories.get(i))
                .is_some_and(|s| s.id == id)
        };
        Some(StoryDetail {
            story,
            timeline: story_timeline(&a.timeline, id),
            quotes: a
                .quotes
                .iter()
                .filter(|q| {
                    std::iter::once(&q.first)
                        .chain(&q.repetitions)
                        .any(|x| in_story(&x.article))
                })
                .collect(),
            disagreements: a.disagreements.iter().filter(|d| d.story == id).collect(),
            events: a.events.iter().filter(|e| e.story == id).collect(),
        })
    }

    /// Canonical entities, most widely named first.
    pub fn entities_by_reach(&self) -> Vec<&CanonicalEntity> {
        let mut all: Vec<&CanonicalEntity> = self.analysis.entities.entities.iter().collect();
        all.sort_by(|x, y| {
            y.articles
                .len()
                .cmp(&x.articles.len())
                .then_with(|| x.name.cmp(&y.name))
        });
        all
    }
}

/// Whether a computation runs, and whether another must follow it.
#[derive(Default)]
struct Progress {
    running: bool,
    stale: bool,
}

/// The latest snapshot, and the bookkeeping of its recomputation.
#[derive(Default)]
pub struct AnalysisCache {
    current: RwLock<Option<Arc<Snapshot>>>,
    progress: Mutex<Progress>,
}

impl AnalysisCache {
    /// The latest snapshot, or 503 while the first one is being computed.
    pub fn get(&self) -> Result<Arc<Snapshot>, ApiError> {
        self.current
            .read()
            .ok()
            .and_then(|c| c.clone())
            .ok_or_else(|| {
                ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "the corpus analysis is being computed; retry in a few seconds",
                )
            })
    }

    /// Whether a snapshot is available.
    pub fn is_ready(&self) -> bool {
        self.current.read().is_ok_and(|c| c.is_some())
    }

    /// Starts a computation in the background, or marks the running one stale.
    pub fn refresh(&self, state: AppState) {
        {
            let Ok(mut progress) = self.progress.lock() else {
                return;
            };
            if progress.running {
                progress.stale = true;
                return;
            }
            progress.running = true;
        }
        std::thread::spawn(move || loop {
            match compute(&state) {
                Ok(snapshot) => {
                    if let Ok(mut current) = state.analysis.current.write() {
                        *current = Some(Arc::new(snapshot));
                    }
                }
                Err(err) => eprintln!("storyline serve: corpus analysis failed: {err}"),
            }
            let Ok(mut progress) = state.analysis.progress.lock() else {
                return;
            };
            if !progress.stale {
                progress.running = false;
                return;
            }
            progress.stale = false;
        });
    }
}

/// Reads the current records and analyses them.
fn compute(state: &AppState) -> Result<Snapshot, storyline_store::StoreError> {
    let store = storyline_store::Store::open_read_only(state.db())?;
    let records = store.current_records()?;
    Ok(Snapshot::new(Analysis::run(&records)))
}
