//! Cross-article analysis kept current in the database: [`update`] runs it at the end of an
//! ingest and stores its results as parts (`Store::save_analysis`); [`Corpus`] reads them back
//! for the analysis commands, so `stories`, `disagreements`, `timeline`, `event-counts`,
//! `report` and the story count of `stats` read one part instead of reanalysing every article.
//!
//! A part is used only when it was computed at the database's current generation (no article
//! stored since) and reads back; otherwise (a database ingested by an older storyline, an
//! update that did not finish, another ingester's newer articles) the command analyses the
//! current records itself, as before, and gives the same answer.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use storyline_analyse::{
    Analysis, Disagreement, EntityId, EntityLookup, EventGroup, Story, TimelineItem,
};
use storyline_record::Record;
use storyline_store::{shown, Store};

use super::report;

/// Part names. Each body is the JSON of the type noted.
mod part {
    /// `Vec<String>`: every story id, in story order (stories are listed by start date).
    pub const STORY_IDS: &str = "story-ids";
    /// `Vec<Story>`.
    pub const STORIES: &str = "stories";
    /// `Vec<Disagreement>`.
    pub const DISAGREEMENTS: &str = "disagreements";
    /// `StoredTimeline`.
    pub const TIMELINE: &str = "timeline";
    /// `EntityLookup`: names → canonical entities, for `timeline --entity`.
    pub const ENTITIES: &str = "entity-lookup";
    /// `Vec<EventGroup>`.
    pub const EVENTS: &str = "event-groups";
    /// `String`: the report as Markdown.
    pub const REPORT_MD: &str = "report.md";
    /// `String`: the report as HTML.
    pub const REPORT_HTML: &str = "report.html";
}

/// The timeline with the canonical entities of each item (not part of an item's JSON).
#[derive(Serialize, Deserialize)]
struct StoredTimeline {
    items: Vec<TimelineItem>,
    entities: Vec<Vec<EntityId>>,
}

/// Analyses the current articles of `store` and stores the results, unless they are stored
/// already for its current generation. Answers whether it analysed.
pub fn update(store: &mut Store) -> Result<bool> {
    let db = store.path().to_path_buf();
    let generation = store.generation()?;
    if store.analysis(part::STORY_IDS)?.is_some() {
        return Ok(false);
    }
    let records = store
        .current_records()
        .with_context(|| format!("reading articles from {}", shown(&db)))?;
    let analysis = Analysis::run(&records);
    let parts = parts(&records, &analysis)?;
    store.save_analysis(generation, &parts)?;
    Ok(true)
}

/// [`update`], then says on stdout how long it took, when it analysed.
pub fn refresh(store: &mut Store) -> Result<()> {
    let started = std::time::Instant::now();
    if update(store)? {
        println!(
            "storyline: {}: analysis of the corpus updated in {:.1}s",
            shown(store.path()),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

/// The number of stories, when stored for the current generation.
pub fn num_stories(store: &Store) -> Result<Option<u64>> {
    let Some(body) = store.analysis(part::STORY_IDS)? else {
        return Ok(None);
    };
    let ids: Option<Vec<String>> = serde_json::from_str(&body).ok();
    Ok(ids.map(|ids| ids.len() as u64))
}

/// Every part, serialised.
fn parts(records: &[Record], a: &Analysis) -> Result<Vec<(&'static str, String)>> {
    let ids: Vec<&str> = a.stories.stories.iter().map(|s| s.id.as_str()).collect();
    let timeline = StoredTimeline {
        items: a.timeline.clone(),
        entities: a.timeline.iter().map(|t| t.entities.clone()).collect(),
    };
    let doc = report::build(records, a);
    let (mut md, mut html) = (Vec::new(), Vec::new());
    doc.write_markdown(&mut md)?;
    doc.write_html(&mut html)?;
    Ok(vec![
        (part::STORY_IDS, serde_json::to_string(&ids)?),
        (part::STORIES, serde_json::to_string(&a.stories.stories)?),
        (
            part::DISAGREEMENTS,
            serde_json::to_string(&a.disagreements)?,
        ),
        (part::TIMELINE, serde_json::to_string(&timeline)?),
        (part::ENTITIES, serde_json::to_string(a.entities.lookup())?),
        (part::EVENTS, serde_json::to_string(&a.events)?),
        (
            part::REPORT_MD,
            serde_json::to_string(&String::from_utf8(md)?)?,
        ),
        (
            part::REPORT_HTML,
            serde_json::to_string(&String::from_utf8(html)?)?,
        ),
    ])
}

/// A database opened for the analysis commands: stored parts when current, else an analysis
/// of its current records, run once on first need.
pub struct Corpus {
    store: Store,
    db: PathBuf,
    live: Option<(Vec<Record>, Analysis)>,
}

impl Corpus {
    /// Opens `db` for reading.
    pub fn open(db: &Path) -> Result<Corpus> {
        let store = Store::open_read_only(db).with_context(|| format!("opening {}", shown(db)))?;
        Ok(Corpus {
            store,
            db: db.to_path_buf(),
            live: None,
        })
    }

    /// The stored part `kind` when current and readable.
    fn stored<T: DeserializeOwned>(&self, kind: &str) -> Result<Option<T>> {
        let Some(body) = self.store.analysis(kind)? else {
            return Ok(None);
        };
        // A part this binary cannot read (written by another version) is recomputed.
        Ok(serde_json::from_str(&body).ok())
    }

    /// The current records and their analysis, computed on first call.
    pub fn live(&mut self) -> Result<&(Vec<Record>, Analysis)> {
        let live = match self.live.take() {
            Some(live) => live,
            None => {
                let records = self
                    .store
                    .current_records()
                    .with_context(|| format!("reading articles from {}", shown(&self.db)))?;
                let analysis = Analysis::run(&records);
                (records, analysis)
            }
        };
        Ok(self.live.insert(live))
    }

    /// A stored part, else `compute` over the live analysis.
    fn get<T: DeserializeOwned>(
        &mut self,
        kind: &str,
        compute: impl FnOnce(&Vec<Record>, &Analysis) -> T,
    ) -> Result<T> {
        if let Some(stored) = self.stored(kind)? {
            return Ok(stored);
        }
        let (records, analysis) = self.live()?;
        Ok(compute(records, analysis))
    }

    /// Every story id, in story order.
    pub fn story_ids(&mut self) -> Result<Vec<String>> {
        self.get(part::STORY_IDS, |_, a| {
            a.stories.stories.iter().map(|s| s.id.clone()).collect()
        })
    }

    /// The stories.
    pub fn stories(&mut self) -> Result<Vec<Story>> {
        self.get(part::STORIES, |_, a| a.stories.stories.clone())
    }

    /// The disagreements.
    pub fn disagreements(&mut self) -> Result<Vec<Disagreement>> {
        self.get(part::DISAGREEMENTS, |_, a| a.disagreements.clone())
    }

    /// The timeline, each item with its canonical entities.
    pub fn timeline(&mut self) -> Result<Vec<TimelineItem>> {
        if let Some(stored) = self.stored::<StoredTimeline>(part::TIMELINE)? {
            let mut items = stored.items;
            for (item, entities) in items.iter_mut().zip(stored.entities) {
                item.entities = entities;
            }
            return Ok(items);
        }
        Ok(self.live()?.1.timeline.clone())
    }

    /// The canonical entity named `name` (any spelling).
    pub fn entity(&mut self, name: &str) -> Result<Option<EntityId>> {
        let lookup: EntityLookup = self.get(part::ENTITIES, |_, a| a.entities.lookup().clone())?;
        Ok(lookup.find(name))
    }

    /// Events of every story, each counted once.
    pub fn events(&mut self) -> Result<Vec<EventGroup>> {
        self.get(part::EVENTS, |_, a| a.events.clone())
    }

    /// The report, as Markdown or HTML.
    pub fn report(&mut self, html: bool) -> Result<String> {
        let kind = if html {
            part::REPORT_HTML
        } else {
            part::REPORT_MD
        };
        if let Some(stored) = self.stored(kind)? {
            return Ok(stored);
        }
        let (records, analysis) = self.live()?;
        let doc = report::build(records, analysis);
        let mut out = Vec::new();
        if html {
            doc.write_html(&mut out)?;
        } else {
            doc.write_markdown(&mut out)?;
        }
        Ok(String::from_utf8(out)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use storyline_store::Provenance;

    /// Two outlets on one flood, with a figure each and a quote.
    fn records() -> Vec<Record> {
        let article = |id: &str, outlet: &str, figure: &str| {
            let text = format!("Mayor Anna Keller said {figure} homes were flooded in Leeds.");
            let at = text.find(figure).unwrap_or(0);
            let r = json!({
                "id": id, "source": format!("{id}.txt"), "outlet": outlet, "title": "Flood",
                "published": "2024-06-03", "author": null, "language": "en", "text": text,
                "removed": [],
                "entities": [
                    {"name": "Anna Keller", "type": "PERSON", "aliases": [], "role": "Mayor",
                     "mentions": [[6, 17]]},
                    {"name": "Leeds", "type": "PLACE", "aliases": [], "role": null,
                     "mentions": [[text.len() - 6, text.len() - 1]]},
                ],
                "quotes": [], "events": [],
                "claims": [{"value": figure.parse::<f64>().unwrap_or(0.0), "unit": null,
                            "noun": "homes", "subject": "Leeds", "place": "Leeds",
                            "hedge": null, "claimant": "Anna Keller",
                            "text": format!("{figure} homes"), "span": [at, at + figure.len() + 6]}],
            });
            serde_json::from_value::<Record>(r).unwrap_or_else(|e| panic!("bad record: {e}"))
        };
        vec![
            article("a1", "Gazette", "300"),
            article("a2", "Herald", "450"),
        ]
    }

    fn json<T: Serialize>(value: T) -> serde_json::Value {
        serde_json::to_value(value).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn stored_parts_give_the_answers_of_a_fresh_analysis() {
        let dir = std::env::temp_dir().join(format!("storyline-stored-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        let db = dir.join("news.db");
        let provenance = Provenance {
            storyline_version: "test".into(),
            settings: "{}".into(),
        };
        let mut store = Store::open(&db).unwrap_or_else(|e| panic!("{e}"));
        store
            .insert_batch(&provenance, &records())
            .unwrap_or_else(|e| panic!("{e}"));
        let both = |c: &mut Corpus| -> Result<Vec<serde_json::Value>> {
            Ok(vec![
                json(c.story_ids()?),
                json(c.stories()?),
                json(c.disagreements()?),
                json(c.timeline()?),
                json(c.events()?),
                json(c.entity("Keller")?),
                json(c.report(false)?),
                json(c.report(true)?),
            ])
        };
        let mut live = Corpus::open(&db).unwrap_or_else(|e| panic!("{e}"));
        let fresh = both(&mut live).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            live.live.is_some(),
            "nothing stored yet: analysed the records"
        );
        assert!(update(&mut store).unwrap_or_else(|e| panic!("{e}")));
        assert!(
            !update(&mut store).unwrap_or_else(|e| panic!("{e}")),
            "already current"
        );
        let mut stored = Corpus::open(&db).unwrap_or_else(|e| panic!("{e}"));
        let read = both(&mut stored).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            stored.live.is_none(),
            "read every answer from the stored parts"
        );
        assert_eq!(fresh, read);
        assert_eq!(
            fresh[2].as_array().map(Vec::len),
            Some(1),
            "one disagreement"
        );
        let entities = |c: &mut Corpus| -> Vec<Vec<EntityId>> {
            let timeline = c.timeline().unwrap_or_else(|e| panic!("{e}"));
            timeline.into_iter().map(|t| t.entities).collect()
        };
        assert_eq!(entities(&mut live), entities(&mut stored));
        assert_eq!(num_stories(&store).ok().flatten(), Some(1));
        // A new article makes the stored parts stale until the next update.
        let mut late = records().remove(0);
        late.id = "a3".into();
        late.url = Some("https://late.example/flood".into());
        store
            .insert_batch(&provenance, &[late])
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(num_stories(&store).ok().flatten(), None);
        drop(store);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
