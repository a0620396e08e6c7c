//! One snapshot of the corpus-wide analysis as the server reads it: stories, the story of each
//! article, timelines, quotations, disagreements, events and canonical entities, with each
//! story's items indexed so that a story page costs the story, not the corpus.
//!
//! A snapshot is read from the analysis parts the store keeps current at each ingest
//! ([`Snapshot::stored`]: no article is read), or computed from the articles when those parts
//! are stale or absent ([`Snapshot::computed`]); both give the same answers.

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde::Serialize;
use storyline_analyse::parts::{self, name, StoryTimeline};
use storyline_analyse::{
    Analysis, CanonicalEntity, Date, Disagreement, EntityLookup, EventGroup, QuoteGroup, Story,
    TimelineItem,
};

/// Where a snapshot came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Read from the store's analysis parts.
    Stored,
    /// Computed from the current articles.
    Computed,
}

/// Positions (in the snapshot's lists) of one story's items.
#[derive(Default)]
struct StoryItems {
    quotes: Vec<usize>,
    disagreements: Vec<usize>,
    events: Vec<usize>,
}

/// One corpus-wide analysis, immutable once built.
pub struct Snapshot {
    /// Stories by start date.
    pub stories: Vec<Story>,
    /// Story index of each article id.
    pub story_of_article: HashMap<String, usize>,
    /// Quantities reported with different values.
    pub disagreements: Vec<Disagreement>,
    /// Where it came from.
    pub source: Source,
    story_index: HashMap<String, usize>,
    timelines: HashMap<String, Vec<TimelineItem>>,
    quotes: Vec<QuoteGroup>,
    events: Vec<EventGroup>,
    entities: Vec<CanonicalEntity>,
    by_reach: Vec<usize>,
    lookup: EntityLookup,
    by_story: HashMap<String, StoryItems>,
}

/// What a snapshot is built from.
struct Pieces {
    stories: Vec<Story>,
    timelines: HashMap<String, Vec<TimelineItem>>,
    quotes: Vec<QuoteGroup>,
    disagreements: Vec<Disagreement>,
    events: Vec<EventGroup>,
    entities: Vec<CanonicalEntity>,
    lookup: EntityLookup,
}

impl Snapshot {
    /// The snapshot of a fresh analysis.
    pub fn computed(a: Analysis) -> Snapshot {
        let lookup = a.entities.lookup().clone();
        let mut timelines: HashMap<String, Vec<TimelineItem>> = HashMap::new();
        for item in a.timeline {
            timelines.entry(item.story.clone()).or_default().push(item);
        }
        Snapshot::build(
            Pieces {
                stories: a.stories.stories,
                timelines,
                quotes: a.quotes,
                disagreements: a.disagreements,
                events: a.events,
                entities: a.entities.entities,
                lookup,
            },
            Source::Computed,
        )
    }

    /// The snapshot kept in the store's analysis parts, read through `part` (the current body
    /// of a part, or `None`); `None` when a part is missing, unreadable or of another layout.
    pub fn stored<E>(
        part: impl Fn(&str) -> Result<Option<String>, E>,
    ) -> Result<Option<Snapshot>, E> {
        if part(name::LAYOUT)?.as_deref() != Some(parts::LAYOUT) {
            return Ok(None);
        }
        let (Some(stories), Some(quotes), Some(disagreements), Some(events)) = (
            read(part(name::STORIES)?),
            read(part(name::QUOTES)?),
            read(part(name::DISAGREEMENTS)?),
            read(part(name::EVENTS)?),
        ) else {
            return Ok(None);
        };
        let (Some(entities), Some(lookup), Some(story_ids)) = (
            read(part(name::ENTITIES)?),
            read(part(name::ENTITY_LOOKUP)?),
            read::<Vec<String>>(part(name::TIMELINE_STORIES)?),
        ) else {
            return Ok(None);
        };
        let mut timelines = HashMap::with_capacity(story_ids.len());
        for story in story_ids {
            let Some(timeline) = read::<StoryTimeline>(part(&parts::timeline_part(&story))?) else {
                return Ok(None);
            };
            timelines.insert(story, timeline.into_items().map(|(_, item)| item).collect());
        }
        Ok(Some(Snapshot::build(
            Pieces {
                stories,
                timelines,
                quotes,
                disagreements,
                events,
                entities,
                lookup,
            },
            Source::Stored,
        )))
    }

    /// Indexes the pieces.
    fn build(p: Pieces, source: Source) -> Snapshot {
        let story_index: HashMap<String, usize> = p
            .stories
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let story_of_article: HashMap<String, usize> = p
            .stories
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.articles.iter().map(move |a| (a.id.clone(), i)))
            .collect();
        let mut by_story: HashMap<String, StoryItems> = HashMap::new();
        for (g, group) in p.quotes.iter().enumerate() {
            let mut seen: Vec<usize> = Vec::new();
            for x in std::iter::once(&group.first).chain(&group.repetitions) {
                let Some(&s) = story_of_article.get(&x.article) else {
                    continue;
                };
                if !seen.contains(&s) {
                    seen.push(s);
                    let id = p.stories[s].id.clone();
                    by_story.entry(id).or_default().quotes.push(g);
                }
            }
        }
        for (i, d) in p.disagreements.iter().enumerate() {
            by_story
                .entry(d.story.clone())
                .or_default()
                .disagreements
                .push(i);
        }
        for (i, e) in p.events.iter().enumerate() {
            by_story.entry(e.story.clone()).or_default().events.push(i);
        }
        let mut by_reach: Vec<usize> = (0..p.entities.len()).collect();
        by_reach.sort_by(|&x, &y| {
            let (x, y) = (&p.entities[x], &p.entities[y]);
            y.articles
                .len()
                .cmp(&x.articles.len())
                .then_with(|| x.name.cmp(&y.name))
        });
        Snapshot {
            stories: p.stories,
            story_of_article,
            disagreements: p.disagreements,
            source,
            story_index,
            timelines: p.timelines,
            quotes: p.quotes,
            events: p.events,
            entities: p.entities,
            by_reach,
            lookup: p.lookup,
            by_story,
        }
    }

    /// The story with this id.
    pub fn story(&self, id: &str) -> Option<&Story> {
        self.stories.get(*self.story_index.get(id)?)
    }

    /// The story with this id and everything about it.
    pub fn story_detail(&self, id: &str) -> Option<StoryDetail<'_>> {
        let story = self.story(id)?;
        let empty = StoryItems::default();
        let items = self.by_story.get(id).unwrap_or(&empty);
        Some(StoryDetail {
            story,
            timeline: self
                .timelines
                .get(id)
                .map(|items| items.iter().collect())
                .unwrap_or_default(),
            quotes: items
                .quotes
                .iter()
                .filter_map(|&i| self.quotes.get(i))
                .collect(),
            disagreements: items
                .disagreements
                .iter()
                .filter_map(|&i| self.disagreements.get(i))
                .collect(),
            events: items
                .events
                .iter()
                .filter_map(|&i| self.events.get(i))
                .collect(),
        })
    }

    /// Canonical entities, most widely named first.
    pub fn entities_by_reach(&self) -> Vec<&CanonicalEntity> {
        self.by_reach
            .iter()
            .filter_map(|&i| self.entities.get(i))
            .collect()
    }

    /// The canonical entity any spelling of `name` resolves to.
    pub fn canonical_entity(&self, name: &str) -> Option<&CanonicalEntity> {
        self.entities.get(self.lookup.find(name)?.0 as usize)
    }
}

/// A part's body as `T`; `None` when absent or unreadable.
fn read<T: DeserializeOwned>(body: Option<String>) -> Option<T> {
    serde_json::from_str(&body?).ok()
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};
    use storyline_record::Record;

    /// Two outlets on one flood, with differing figures and a quote each, and an unrelated
    /// match report.
    fn records() -> Vec<Record> {
        let flood = |id: &str, outlet: &str, figure: &str| {
            let text = format!(
                "Mayor Anna Keller said {figure} homes were flooded in Leeds. \
                 \"The water is still rising,\" Keller said."
            );
            let at = text.find(figure).unwrap_or(0);
            let quote = "The water is still rising,";
            let q = text.find(quote).unwrap_or(0);
            json!({
                "id": id, "source": format!("{id}.txt"), "outlet": outlet, "title": "Flood",
                "published": "2024-06-03", "author": null, "language": "en", "text": text,
                "removed": [],
                "entities": [
                    {"name": "Anna Keller", "type": "PERSON", "aliases": ["Keller"],
                     "role": "Mayor", "mentions": [[6, 17]]},
                    {"name": "Leeds", "type": "PLACE", "aliases": [], "role": null,
                     "mentions": [[at + figure.len() + 23, at + figure.len() + 28]]},
                ],
                "quotes": [{"text": quote, "span": [q, q + quote.len()],
                            "speaker": "Anna Keller", "cue": "said", "kind": "direct"}],
                "events": [],
                "claims": [{"value": figure.parse::<f64>().unwrap_or(0.0), "unit": null,
                            "noun": "homes", "subject": "Leeds", "place": "Leeds",
                            "hedge": null, "claimant": "Anna Keller",
                            "text": format!("{figure} homes"), "span": [at, at + figure.len() + 6]}],
            })
        };
        let other = json!({
            "id": "m1", "source": "m1.txt", "outlet": "Sport", "title": "Rovers win",
            "published": "2021-09-18", "author": null, "language": "en",
            "text": "Striker Tomas Berg scored twice as Rovers beat the leaders.", "removed": [],
            "entities": [{"name": "Tomas Berg", "type": "PERSON", "aliases": [],
                          "role": "Striker", "mentions": [[8, 18]]}],
            "quotes": [], "claims": [], "events": [],
        });
        [
            flood("a1", "Gazette", "300"),
            flood("a2", "Herald", "450"),
            other,
        ]
        .into_iter()
        .map(|r| serde_json::from_value(r).unwrap_or_else(|e| panic!("bad record: {e}")))
        .collect()
    }

    /// Every answer a snapshot gives, as JSON.
    fn answers(s: &Snapshot) -> Vec<Value> {
        let mut out = vec![
            json!(s.stories),
            json!(s.disagreements),
            json!(s.entities_by_reach()),
            json!(s.canonical_entity("Keller")),
            json!(s.canonical_entity("nobody at all")),
        ];
        let mut of_article: Vec<_> = s.story_of_article.iter().collect();
        of_article.sort();
        out.push(json!(of_article));
        for story in &s.stories {
            out.push(json!(s.story_detail(&story.id)));
        }
        out
    }

    #[test]
    fn the_stored_parts_give_the_answers_of_the_computed_analysis() {
        let records = records();
        let computed = Snapshot::computed(Analysis::run(&records));
        let mut parts: HashMap<String, String> = HashMap::new();
        parts::put_parts::<serde_json::Error>(&Analysis::run(&records), &mut |k, b| {
            parts.insert(k.to_string(), b.to_string());
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
        let get = |k: &str| Ok::<_, ()>(parts.get(k).cloned());
        let stored = Snapshot::stored(get)
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("every part is there"));
        assert_eq!(stored.source, Source::Stored);
        assert_eq!(computed.source, Source::Computed);
        let (fresh, read) = (answers(&computed), answers(&stored));
        assert_eq!(fresh, read);
        assert_eq!(computed.stories.len(), 2, "{}", fresh[0]);
        assert_eq!(computed.disagreements.len(), 1);
        let flood = computed
            .story_of_article
            .get("a1")
            .and_then(|&i| computed.stories.get(i))
            .and_then(|s| computed.story_detail(&s.id))
            .unwrap_or_else(|| panic!("a1 has a story"));
        assert_eq!((flood.quotes.len(), flood.disagreements.len()), (1, 1));
        assert!(!flood.timeline.is_empty());
        // A missing part, or parts of another layout, read as no snapshot.
        let without = |skip: &str| {
            let get = |k: &str| Ok::<_, ()>(parts.get(k).filter(|_| k != skip).cloned());
            Snapshot::stored(get).ok().flatten().is_none()
        };
        assert!(without(name::QUOTES));
        assert!(without(name::LAYOUT));
        let story = &computed.stories[0].id;
        assert!(without(&parts::timeline_part(story)));
    }
}
