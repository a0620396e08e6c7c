//! Cross-article analysis: canonical entities, story clusters, disagreements, quote reuse and
//! timelines over a corpus of article records.
//!
//! Everything takes `&[Record]` (as read back from the store or a JSONL file) and returns
//! plain, serialisable structs; nothing here touches a database. The steps, in order:
//!
//! 1. [`EntityIndex::build`]: one canonical entity per person, organisation or place across
//!    outlets (Sergei/Sergey Lavrov, Kiev/Kyiv, UK/Britain), never merging two people who share
//!    only a surname;
//! 2. [`StoryBuilder::build`]: stories from blocking on rare shared features within a time
//!    window, near-duplicates from MinHash LSH, and earlier phases of a returning story;
//! 3. [`find_disagreements`]: the same quantity reported with different values;
//! 4. [`group_quotes`]: one quotation, its first appearance and every repetition;
//! 5. [`build_timeline`]: dated articles, quotes and claims, relative dates resolved;
//! 6. [`group_events`]: the same event reported by several outlets in one story counted once,
//!    with all its mentions;
//! 7. [`framing_by_outlet`] and [`framing_by_story`]: each outlet's framing markers in its own
//!    voice, by kind and per 1,000 own-voice words.
//!
//! [`Analysis::run`] runs them all.
//!
//! ```
//! use storyline_analyse::Analysis;
//! use storyline_record::Record;
//!
//! let line = r#"{"id":"a1","source":"a.txt","outlet":"Wire","title":"Flood","published":"2024-06-03",
//!   "author":null,"language":"en","text":"Mayor Anna Keller said on Monday the river had peaked.",
//!   "removed":[],"entities":[{"name":"Anna Keller","type":"PERSON","aliases":[],"role":"Mayor",
//!   "mentions":[[6,17]]}],"quotes":[],"claims":[],"events":[]}"#;
//! let records: Vec<Record> = vec![serde_json::from_str(line)?];
//! let analysis = Analysis::run(&records);
//! assert_eq!(analysis.stories.stories.len(), 1);
//! assert_eq!(analysis.entities.find("Keller").and_then(|id| analysis.entities.get(id)).map(|e| e.name.as_str()), Some("Anna Keller"));
//! # Ok::<(), serde_json::Error>(())
//! ```
#![deny(missing_docs)]

mod chars;
mod disagree;
mod entities;
mod events;
mod features;
mod figure;
mod framing;
mod minhash;
mod names;
pub mod parts;
mod quotes;
mod stories;
mod timeline;

#[cfg(test)]
mod testutil;

pub use chars::CharText;
pub use disagree::{find_disagreements, ClaimEntry, Disagreement};
pub use entities::{CanonicalEntity, EntityId, EntityIndex, EntityLookup};
pub use events::{
    group_events, EventGroup, EventMention, Modality, PUBLICATION_WINDOW_DAYS, STATED_WINDOW_DAYS,
};
pub use figure::figure;
pub use framing::{
    framing_by_outlet, framing_by_story, own_voice_words, OutletFraming, TermCount, MAX_TOP_TERMS,
    UNKNOWN_OUTLET,
};
pub use minhash::Signature;
pub use quotes::{group_quotes, who_said_what, QuoteAppearance, QuoteGroup};
pub use stories::{Story, StoryArticle, StoryBuilder, StorySet};
pub use storyline_dates::{Date, DateResolver, Precision, Resolved};
pub use timeline::{build_timeline, entity_timeline, story_timeline, ItemKind, TimelineItem};
/// Disjoint sets over `0..n` (petgraph's, with path compression and union by rank): the
/// grouping step shared by entity resolution, near-duplicate marking and story clustering.
/// Measured against storyline's own former implementation in `bench/crate-compare`.
pub type UnionFind = petgraph::unionfind::UnionFind<usize>;

use storyline_record::Record;

/// Every cross-article answer for one corpus.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// Canonical entities.
    pub entities: EntityIndex,
    /// Stories and their phases.
    pub stories: StorySet,
    /// Quantities reported with different values.
    pub disagreements: Vec<Disagreement>,
    /// Quotations with their repetitions.
    pub quotes: Vec<QuoteGroup>,
    /// Dated items, by date.
    pub timeline: Vec<TimelineItem>,
    /// Events of each story, each counted once with its mentions.
    pub events: Vec<EventGroup>,
}

impl Analysis {
    /// Runs every step with default settings. Steps that do not need each other's results
    /// run side by side on rayon's threads (quote groups beside the stories; disagreements,
    /// timeline and events once the stories are known); each step is deterministic, so the
    /// result is the same on any number of threads.
    pub fn run(records: &[Record]) -> Analysis {
        let entities = EntityIndex::build(records);
        let ((stories, (disagreements, (timeline, events))), quotes) = rayon::join(
            || {
                let stories = StoryBuilder::default().build(records, &entities);
                let rest = rayon::join(
                    || find_disagreements(records, &entities, &stories),
                    || {
                        rayon::join(
                            || build_timeline(records, &entities, &stories),
                            || group_events(records, &entities, &stories),
                        )
                    },
                );
                (stories, rest)
            },
            || group_quotes(records, &entities),
        );
        Analysis {
            entities,
            stories,
            disagreements,
            quotes,
            timeline,
            events,
        }
    }
}
