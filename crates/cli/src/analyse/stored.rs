//! Cross-article analysis kept current in the database: [`update`] runs it at the end of an
//! ingest and stores its results as parts (`Store::save_analysis`); [`Corpus`] reads them back
//! for the analysis commands, so `stories`, `disagreements`, `timeline`, `event-counts`,
//! `framing`, `report` and the story count of `stats` read one part instead of reanalysing
//! every article.
//!
//! A part is used only when it was computed at the database's current generation (no article
//! stored since) and reads back; otherwise (a database ingested by an older storyline, an
//! update that did not finish, another ingester's newer articles) the command analyses the
//! current records itself, as before, and gives the same answer.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::de::DeserializeOwned;
use storyline_analyse::parts::{self, StoryTimeline};
use storyline_analyse::{
    entity_timeline, story_timeline, Analysis, Disagreement, EntityId, EntityLookup, EventGroup,
    OutletFraming, Story, TimelineItem,
};
use storyline_record::Record;
use storyline_store::{shown, PutPart, Store};

use super::{events, framing, render, report};
use crate::table::QueryFormat;

/// Part names: the typed parts of `storyline_analyse::parts`, and the exact text some
/// commands print, written out as it is.
mod part {
    pub use storyline_analyse::parts::name::*;
    /// Text of `stories --format json`.
    pub const STORIES_JSON: &str = "stories.json";
    /// Text of `disagreements --format json`.
    pub const DISAGREEMENTS_JSON: &str = "disagreements.json";
    /// Text of `event-counts --format json` (every story, every modality).
    pub const EVENT_COUNTS_JSON: &str = "event-counts.json";
    /// Text of `stories` (the default table).
    pub const STORIES_TABLE: &str = "stories.table";
    /// Text of `disagreements` (the default table).
    pub const DISAGREEMENTS_TABLE: &str = "disagreements.table";
    /// Text of `event-counts` (the default table; every story, every modality).
    pub const EVENT_COUNTS_TABLE: &str = "event-counts.table";
    /// The report as Markdown.
    pub const REPORT_MD: &str = "report.md";
    /// The report as HTML.
    pub const REPORT_HTML: &str = "report.html";
    /// `Vec<OutletFraming>`: the rows of `framing` for the whole corpus (per outlet, then
    /// per story and outlet).
    pub const FRAMING: &str = "framing";
}

/// Analyses the current articles of `store` and stores the results, unless they are stored
/// already for its current generation in this layout. Answers whether it analysed.
pub fn update(store: &mut Store) -> Result<bool> {
    let db = store.path().to_path_buf();
    let generation = store.generation()?;
    if in_layout(store)? {
        return Ok(false);
    }
    let records = store
        .current_records()
        .with_context(|| format!("reading articles from {}", shown(&db)))?;
    let analysis = Analysis::run(&records);
    store.save_analysis(generation, |put| put_parts(records, &analysis, put))?;
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

/// Whether `store` holds current parts in the layout this code reads ([`parts::LAYOUT`]).
fn in_layout(store: &Store) -> Result<bool> {
    Ok(store.analysis(part::LAYOUT)?.as_deref() == Some(parts::LAYOUT))
}

/// The number of stories, when stored for the current generation.
pub fn num_stories(store: &Store) -> Result<Option<u64>> {
    if !in_layout(store)? {
        return Ok(None);
    }
    let Some(body) = store.analysis(part::STORY_IDS)? else {
        return Ok(None);
    };
    let ids: Option<Vec<String>> = serde_json::from_str(&body).ok();
    Ok(ids.map(|ids| ids.len() as u64))
}

/// `value` as the analysis commands print it: pretty JSON and a newline.
pub fn pretty(value: serde_json::Value) -> Result<String> {
    Ok(serde_json::to_string_pretty(&value)? + "\n")
}

/// Serialises every part and puts each as soon as it is made, so that no more than one is
/// held at a time; the records are dropped once the report and the framing rows, the parts
/// that read them, are written.
fn put_parts(records: Vec<Record>, a: &Analysis, put: &mut PutPart<'_>) -> Result<()> {
    let mut put = |kind: &str, body: &str| -> Result<()> { Ok(put(kind, body)?) };
    {
        let doc = report::build(&records, a);
        let mut out = Vec::new();
        doc.write_markdown(&mut out)?;
        put(part::REPORT_MD, std::str::from_utf8(&out)?)?;
        out.clear();
        doc.write_html(&mut out)?;
        put(part::REPORT_HTML, std::str::from_utf8(&out)?)?;
    }
    put(
        part::FRAMING,
        &serde_json::to_string(&framing::select(&records, a, None))?,
    )?;
    drop(records);
    put(
        part::STORIES_JSON,
        &pretty(serde_json::to_value(&a.stories.stories)?)?,
    )?;
    put(
        part::DISAGREEMENTS_JSON,
        &pretty(serde_json::to_value(&a.disagreements)?)?,
    )?;
    let all_events: Vec<&EventGroup> = a.events.iter().collect();
    let mut text = Vec::new();
    events::write_json(&all_events, &mut text)?;
    put(part::EVENT_COUNTS_JSON, std::str::from_utf8(&text)?)?;
    drop(text);
    // The tables are laid out without regard to any terminal's width: the same text always.
    let tables = [
        (part::STORIES_TABLE, render::stories(&a.stories.stories)),
        (
            part::DISAGREEMENTS_TABLE,
            render::disagreements(&a.disagreements),
        ),
        (part::EVENT_COUNTS_TABLE, events::table(&all_events)),
    ];
    for (kind, table) in tables {
        let mut out = Vec::new();
        table.write(QueryFormat::Table, &mut out)?;
        put(kind, std::str::from_utf8(&out)?)?;
    }
    parts::put_parts(a, &mut put)
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

    /// The stored part `kind` when current, in this layout, and readable.
    fn stored<T: DeserializeOwned>(&self, kind: &str) -> Result<Option<T>> {
        Ok(self
            .text(kind)?
            .and_then(|body| serde_json::from_str(&body).ok()))
    }

    /// The stored text part `kind` when current and in this layout (checked once: a later
    /// ingest makes every part stale at once).
    pub fn text(&self, kind: &str) -> Result<Option<String>> {
        if !in_layout(&self.store)? {
            return Ok(None);
        }
        Ok(self.store.analysis(kind)?)
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
        compute: impl FnOnce(&Analysis) -> T,
    ) -> Result<T> {
        if let Some(stored) = self.stored(kind)? {
            return Ok(stored);
        }
        Ok(compute(&self.live()?.1))
    }

    /// Every story id, in story order.
    pub fn story_ids(&mut self) -> Result<Vec<String>> {
        self.get(part::STORY_IDS, |a| {
            a.stories.stories.iter().map(|s| s.id.clone()).collect()
        })
    }

    /// The stories.
    pub fn stories(&mut self) -> Result<Vec<Story>> {
        self.get(part::STORIES, |a| a.stories.stories.clone())
    }

    /// The stored text `command` prints in `format` with no other options, when current and
    /// stored (JSON and the table, not CSV). `command` is `stories`, `disagreements` or
    /// `event-counts`.
    pub fn printed(&self, command: &str, format: QueryFormat) -> Result<Option<String>> {
        let kind = match (command, format) {
            ("stories", QueryFormat::Json) => part::STORIES_JSON,
            ("stories", QueryFormat::Table) => part::STORIES_TABLE,
            ("disagreements", QueryFormat::Json) => part::DISAGREEMENTS_JSON,
            ("disagreements", QueryFormat::Table) => part::DISAGREEMENTS_TABLE,
            ("event-counts", QueryFormat::Json) => part::EVENT_COUNTS_JSON,
            ("event-counts", QueryFormat::Table) => part::EVENT_COUNTS_TABLE,
            _ => return Ok(None),
        };
        self.text(kind)
    }

    /// The disagreements.
    pub fn disagreements(&mut self) -> Result<Vec<Disagreement>> {
        self.get(part::DISAGREEMENTS, |a| a.disagreements.clone())
    }

    /// The stored timeline items of the given stories, in timeline order; `None` when a part
    /// is missing.
    fn stored_timeline<'s>(
        &self,
        stories: impl IntoIterator<Item = &'s String>,
        keep: impl Fn(&TimelineItem) -> bool,
    ) -> Result<Option<Vec<TimelineItem>>> {
        let mut all = Vec::new();
        for story in stories {
            let kind = parts::timeline_part(story);
            let Some(timeline) = self.stored::<StoryTimeline>(&kind)? else {
                return Ok(None);
            };
            all.extend(timeline.into_items().filter(|(_, item)| keep(item)));
        }
        all.sort_unstable_by_key(|(i, _)| *i);
        Ok(Some(all.into_iter().map(|(_, item)| item).collect()))
    }

    /// The whole timeline, each item with its canonical entities.
    pub fn timeline(&mut self) -> Result<Vec<TimelineItem>> {
        if let Some(stories) = self.stored::<Vec<String>>(part::TIMELINE_STORIES)? {
            if let Some(items) = self.stored_timeline(&stories, |_| true)? {
                return Ok(items);
            }
        }
        Ok(self.live()?.1.timeline.clone())
    }

    /// The timeline of one story.
    pub fn story_timeline(&mut self, story: &str) -> Result<Vec<TimelineItem>> {
        if self.text(part::TIMELINE_STORIES)?.is_some() {
            let kind = parts::timeline_part(story);
            return Ok(match self.stored::<StoryTimeline>(&kind)? {
                Some(timeline) => timeline.into_items().map(|(_, item)| item).collect(),
                None => Vec::new(),
            });
        }
        let timeline = &self.live()?.1.timeline;
        Ok(story_timeline(timeline, story)
            .into_iter()
            .cloned()
            .collect())
    }

    /// The timeline items involving one canonical entity: read from the stories it is in.
    pub fn entity_timeline(&mut self, entity: EntityId) -> Result<Vec<TimelineItem>> {
        if let Some(map) = self.stored::<HashMap<u32, Vec<String>>>(part::ENTITY_STORIES)? {
            let stories = map.get(&entity.0).map(Vec::as_slice).unwrap_or_default();
            let keep = |item: &TimelineItem| item.entities.contains(&entity);
            if let Some(items) = self.stored_timeline(stories, keep)? {
                return Ok(items);
            }
        }
        let timeline = &self.live()?.1.timeline;
        Ok(entity_timeline(timeline, entity)
            .into_iter()
            .cloned()
            .collect())
    }

    /// The rows of `framing`: the whole corpus's, or one story's outlets.
    pub fn framing(&mut self, story: Option<&str>) -> Result<Vec<OutletFraming>> {
        if let Some(rows) = self.stored::<Vec<OutletFraming>>(part::FRAMING)? {
            return Ok(match story {
                Some(id) => rows
                    .into_iter()
                    .filter(|r| r.story.as_deref() == Some(id))
                    .collect(),
                None => rows,
            });
        }
        let (records, analysis) = self.live()?;
        Ok(framing::select(records, analysis, story))
    }

    /// The canonical entity named `name` (any spelling).
    pub fn entity(&mut self, name: &str) -> Result<Option<EntityId>> {
        let lookup: EntityLookup =
            self.get(part::ENTITY_LOOKUP, |a| a.entities.lookup().clone())?;
        Ok(lookup.find(name))
    }

    /// Events of every story, each counted once.
    pub fn events(&mut self) -> Result<Vec<EventGroup>> {
        self.get(part::EVENTS, |a| a.events.clone())
    }

    /// The report, as Markdown or HTML.
    pub fn report(&mut self, html: bool) -> Result<String> {
        let kind = if html {
            part::REPORT_HTML
        } else {
            part::REPORT_MD
        };
        if let Some(stored) = self.text(kind)? {
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
    use serde::Serialize;
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

    /// `table` as the commands print it.
    fn table_text(table: crate::table::Table) -> Result<String> {
        let mut out = Vec::new();
        table.write(QueryFormat::Table, &mut out)?;
        Ok(String::from_utf8(out)?)
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
            let keller = c
                .entity("Keller")?
                .unwrap_or_else(|| panic!("Keller resolves"));
            let story = c.story_ids()?.remove(0);
            let with_entities = |items: Vec<TimelineItem>| -> Vec<serde_json::Value> {
                let entities: Vec<_> = items.iter().map(|i| i.entities.clone()).collect();
                vec![json(items), json(entities)]
            };
            let events: Vec<EventGroup> = c.events()?;
            let all: Vec<&EventGroup> = events.iter().collect();
            Ok(vec![
                json(c.story_ids()?),
                json(c.stories()?),
                json(c.disagreements()?),
                json(with_entities(c.timeline()?)),
                json(with_entities(c.story_timeline(&story)?)),
                json(with_entities(c.entity_timeline(keller)?)),
                json(c.story_timeline("no-such-story")?),
                json(&events),
                json(keller),
                json(c.framing(None)?),
                json(c.framing(Some(&story))?),
                json(c.framing(Some("no-such-story"))?),
                json(c.report(false)?),
                json(c.report(true)?),
                json(
                    c.printed("stories", QueryFormat::Json)?
                        .unwrap_or(pretty(json(c.stories()?))?),
                ),
                json(
                    c.printed("disagreements", QueryFormat::Json)?
                        .unwrap_or(pretty(json(c.disagreements()?))?),
                ),
                json(c.printed("event-counts", QueryFormat::Json)?.unwrap_or({
                    let mut text = Vec::new();
                    events::write_json(&all, &mut text)?;
                    String::from_utf8(text)?
                })),
                json(
                    c.printed("stories", QueryFormat::Table)?
                        .unwrap_or(table_text(render::stories(&c.stories()?))?),
                ),
                json(
                    c.printed("disagreements", QueryFormat::Table)?
                        .unwrap_or(table_text(render::disagreements(&c.disagreements()?))?),
                ),
                json(
                    c.printed("event-counts", QueryFormat::Table)?
                        .unwrap_or(table_text(events::table(&all))?),
                ),
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
        assert!(
            !fresh[5]
                .as_array()
                .is_some_and(|a| a[0].as_array().is_some_and(Vec::is_empty)),
            "Keller is in the timeline"
        );
        for command in ["stories", "disagreements", "event-counts"] {
            for format in [QueryFormat::Json, QueryFormat::Table] {
                assert!(stored.printed(command, format).ok().flatten().is_some());
            }
            assert!(stored
                .printed(command, QueryFormat::Csv)
                .ok()
                .flatten()
                .is_none());
        }
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
