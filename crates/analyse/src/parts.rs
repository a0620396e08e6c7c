//! A corpus's [`Analysis`] as named parts with JSON bodies, the form in which it is stored
//! beside the articles (`Store::save_analysis`) and read back by the analysis commands and by
//! the server, so that neither has to analyse the whole corpus again while no article came.
//!
//! [`put_parts`] writes the typed parts through a caller's `put(kind, body)`, one at a time (a
//! caller may add parts of its own, such as printed answers, under other names);
//! [`StoryTimeline`] reads a story's timeline part back. Which parts are current is the store's
//! business (their generation); [`LAYOUT`] says which layout of parts this code writes and
//! reads, and a reader treats parts of another layout as absent.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::{Analysis, EntityId, TimelineItem};

/// Version of the layout of the parts (the typed ones here and the callers' own), stored as
/// the part [`name::LAYOUT`]; parts of another layout are recomputed.
pub const LAYOUT: &str = "4";

/// Part names. Each holds the JSON of the type noted.
pub mod name {
    /// [`super::LAYOUT`], as it was when the parts were written.
    pub const LAYOUT: &str = "layout";
    /// `Vec<String>`: every story id, in story order (stories are listed by start date).
    pub const STORY_IDS: &str = "story-ids";
    /// `Vec<Story>`.
    pub const STORIES: &str = "stories";
    /// `Vec<Disagreement>`.
    pub const DISAGREEMENTS: &str = "disagreements";
    /// `Vec<String>`: the story of every timeline item, each once, in timeline order.
    pub const TIMELINE_STORIES: &str = "timeline-stories";
    /// Prefix of [`super::StoryTimeline`] parts, one per story: `timeline/STORY`.
    pub const TIMELINE_OF: &str = "timeline/";
    /// `BTreeMap<u32, Vec<String>>`: canonical entity id → stories of the timeline items
    /// involving it.
    pub const ENTITY_STORIES: &str = "entity-stories";
    /// `EntityLookup`: names → canonical entities.
    pub const ENTITY_LOOKUP: &str = "entity-lookup";
    /// `Vec<CanonicalEntity>`, by id.
    pub const ENTITIES: &str = "entities";
    /// `Vec<EventGroup>`.
    pub const EVENTS: &str = "event-groups";
    /// `Vec<QuoteGroup>`.
    pub const QUOTES: &str = "quote-groups";
}

/// The part name of story `story`'s timeline.
pub fn timeline_part(story: &str) -> String {
    format!("{}{story}", name::TIMELINE_OF)
}

/// One story's timeline items, with their places in the whole timeline and their canonical
/// entities (not part of an item's JSON), as read back.
#[derive(Deserialize)]
pub struct StoryTimeline {
    index: Vec<usize>,
    items: Vec<TimelineItem>,
    entities: Vec<Vec<EntityId>>,
}

impl StoryTimeline {
    /// The items with their entities, each with its place in the whole timeline.
    pub fn into_items(self) -> impl Iterator<Item = (usize, TimelineItem)> {
        self.index
            .into_iter()
            .zip(self.items)
            .zip(self.entities)
            .map(|((i, mut item), entities)| {
                item.entities = entities;
                (i, item)
            })
    }
}

/// [`StoryTimeline`] as written: borrowed from the whole timeline.
#[derive(Serialize)]
struct StoryTimelineView<'a> {
    index: &'a [usize],
    items: Vec<&'a TimelineItem>,
    entities: Vec<&'a Vec<EntityId>>,
}

/// Serialises every typed part of `a` and puts each as soon as it is made, so that no more
/// than one is held at a time. [`name::LAYOUT`] comes first.
pub fn put_parts<E: From<serde_json::Error>>(
    a: &Analysis,
    put: &mut dyn FnMut(&str, &str) -> Result<(), E>,
) -> Result<(), E> {
    put(name::LAYOUT, LAYOUT)?;
    let ids: Vec<&str> = a.stories.stories.iter().map(|s| s.id.as_str()).collect();
    put(name::STORY_IDS, &serde_json::to_string(&ids)?)?;
    put(name::STORIES, &serde_json::to_string(&a.stories.stories)?)?;
    put(
        name::DISAGREEMENTS,
        &serde_json::to_string(&a.disagreements)?,
    )?;
    put(
        name::ENTITY_LOOKUP,
        &serde_json::to_string(a.entities.lookup())?,
    )?;
    put(
        name::ENTITIES,
        &serde_json::to_string(&a.entities.entities)?,
    )?;
    put(name::EVENTS, &serde_json::to_string(&a.events)?)?;
    put(name::QUOTES, &serde_json::to_string(&a.quotes)?)?;
    put_timeline(&a.timeline, put)
}

/// The timeline parts: one per story, the stories in timeline order, and the stories of each
/// canonical entity.
fn put_timeline<E: From<serde_json::Error>>(
    timeline: &[TimelineItem],
    put: &mut dyn FnMut(&str, &str) -> Result<(), E>,
) -> Result<(), E> {
    let mut by_story: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut timeline_stories: Vec<&str> = Vec::new();
    let mut entity_stories: BTreeMap<u32, Vec<&str>> = BTreeMap::new();
    for (i, item) in timeline.iter().enumerate() {
        let story = by_story.entry(item.story.as_str()).or_insert_with(|| {
            timeline_stories.push(item.story.as_str());
            Vec::new()
        });
        story.push(i);
        for e in &item.entities {
            let stories = entity_stories.entry(e.0).or_default();
            if stories.last() != Some(&item.story.as_str())
                && !stories.contains(&item.story.as_str())
            {
                stories.push(item.story.as_str());
            }
        }
    }
    put(
        name::TIMELINE_STORIES,
        &serde_json::to_string(&timeline_stories)?,
    )?;
    put(
        name::ENTITY_STORIES,
        &serde_json::to_string(&entity_stories)?,
    )?;
    for story in &timeline_stories {
        let index = by_story.get(story).map(Vec::as_slice).unwrap_or_default();
        let view = StoryTimelineView {
            index,
            items: index.iter().map(|&i| &timeline[i]).collect(),
            entities: index.iter().map(|&i| &timeline[i].entities).collect(),
        };
        put(&timeline_part(story), &serde_json::to_string(&view)?)?;
    }
    Ok(())
}
