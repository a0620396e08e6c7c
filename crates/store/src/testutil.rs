//! Test fixtures: records built from one sentence or two, with items located by the words
//! they cover (so tests read as text, not offsets).

use serde_json::{json, Value};
use storyline_record::Record;

use crate::{Provenance, Store, StoreError};

/// The provenance every test batch is written with.
pub fn provenance() -> Provenance {
    Provenance {
        storyline_version: "test".into(),
        settings: "{}".into(),
    }
}

/// A record with id `id`, source `id.txt` and body `text`, no items yet.
pub fn record(id: &str, text: &str) -> Fixture {
    Fixture(json!({
        "id": id, "source": format!("{id}.txt"), "outlet": "Gazette", "title": null,
        "published": "2023-05-01", "author": null, "language": "en", "text": text,
        "removed": [], "entities": [], "quotes": [], "claims": [], "events": []
    }))
}

/// Builds a [`Record`] item by item, as JSON, so fields later added to the record (with serde
/// defaults) never break the fixtures.
#[derive(Clone)]
pub struct Fixture(pub Value);

impl Fixture {
    /// Character span of the first occurrence of `words` in the body.
    ///
    /// # Panics
    /// When `words` is not in the body: a broken fixture.
    fn span(&self, words: &str) -> [usize; 2] {
        let text = self.0["text"].as_str().unwrap_or_default();
        let at = text.find(words).expect("fixture words in text");
        let start = text[..at].chars().count();
        [start, start + words.chars().count()]
    }

    /// Adds an entity mentioned at each of `mentions` (words of the body).
    pub fn entity(self, name: &str, kind: &str, aliases: &[&str], mentions: &[&str]) -> Self {
        let mentions: Vec<[usize; 2]> = mentions.iter().map(|m| self.span(m)).collect();
        self.push(
            "entities",
            json!({"name": name, "type": kind, "aliases": aliases, "role": null, "mentions": mentions}),
        )
    }

    /// Adds a direct quote of `words` by `speaker`.
    pub fn quote(self, speaker: Option<&str>, words: &str) -> Self {
        let span = self.span(words);
        self.push(
            "quotes",
            json!({"text": words, "span": span, "speaker": speaker, "speaker_span": null,
                   "cue": "said", "kind": "direct"}),
        )
    }

    /// Adds a claim of `value` `noun` written as `words`.
    pub fn claim(self, value: f64, noun: &str, subject: Option<&str>, words: &str) -> Self {
        let span = self.span(words);
        self.push(
            "claims",
            json!({"value": value, "unit": null, "noun": noun, "subject": subject, "place": null,
                   "hedge": null, "claimant": null, "text": words, "span": span}),
        )
    }

    /// Adds an event reported by the sentence `words`.
    pub fn event(self, source: &str, action: &str, modality: (bool, bool), words: &str) -> Self {
        let span = self.span(words);
        self.push(
            "events",
            json!({"source": source, "action": action, "target": null, "negated": modality.0,
                   "hypothetical": modality.1, "span": span}),
        )
    }

    /// Adds a framing marker of `kind` over `words`, in the outlet's voice or a speaker's.
    pub fn framing(self, kind: &str, words: &str, speaker: Option<&str>) -> Self {
        let span = self.span(words);
        let voice = if speaker.is_some() { "quote" } else { "outlet" };
        self.push(
            "framing",
            json!({"kind": kind, "text": words, "span": span, "term": words.to_lowercase(),
                   "voice": voice, "speaker": speaker}),
        )
    }

    /// Sets the URL (the revision key).
    pub fn url(mut self, url: &str) -> Self {
        self.0["url"] = json!(url);
        self
    }

    /// Appends `item` to the list `field`.
    fn push(mut self, field: &str, item: Value) -> Self {
        match self.0[field].as_array_mut() {
            Some(list) => list.push(item),
            None => self.0[field] = json!([item]),
        }
        self
    }

    /// The record.
    ///
    /// # Panics
    /// When the fixture no longer matches the record's shape: a broken fixture.
    pub fn build(&self) -> Record {
        serde_json::from_value(self.0.clone()).expect("fixture is a valid record")
    }
}

/// An in-memory store holding `fixtures`, stored as one batch.
pub fn store_with(fixtures: &[Fixture]) -> Store {
    let mut store = Store::open_in_memory().expect("in-memory store");
    let records: Vec<Record> = fixtures.iter().map(Fixture::build).collect();
    store
        .insert_batch(&provenance(), &records)
        .expect("insert fixtures");
    store
}

/// The SQLite connection of a store made by [`store_with`], for tests that look at tables.
///
/// # Panics
/// On a PostgreSQL store: fixtures are in memory, always SQLite.
pub fn conn(store: &Store) -> &rusqlite::Connection {
    match store {
        Store::Sqlite(s) => &s.conn,
        Store::Postgres(_) => panic!("fixture stores are SQLite"),
    }
}

/// Saves analysis `parts` at `generation`; answers whether they were stored.
pub fn save_parts(store: &mut Store, generation: i64, parts: &[(&str, &str)]) -> bool {
    store
        .save_analysis(generation, |put| {
            parts.iter().try_for_each(|(k, b)| put(k, b))?;
            Ok::<_, StoreError>(())
        })
        .expect("save")
}
