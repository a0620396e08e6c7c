//! PLOVER actor–action–target event coding with negation and modality.
//!
//! [`EventCoder`] reads an article's sentences, tokens, entities and quotes and fills
//! `article.events`:
//!
//! 1. `words`: each sentence's tokens with lower-case and possessive-free forms;
//! 2. `triggers`: the first strong trigger word or phrase of the main clause names the PLOVER
//!    action (`event_triggers.tsv` in `storyline-lexicon`, inflections generated);
//! 3. `actors`: actor phrases with codes: ISO 3166 alpha-3 country + PLOVER sector
//!    ("RUSGOV", "USAMIL"), `IGO`/`NGO` + acronym for international bodies ("IGONATO"),
//!    from countries, capitals, institutions, demonyms, sector nouns and a table of offices;
//! 4. `modality`: negation, intent and conditions; announced acts are coded as PLOVER codes
//!    intentions (a promised aid is AGREE, an announced sanction is THREATEN, a refused
//!    meeting is REJECT) and flagged `hypothetical`;
//! 5. `dates`: weekdays and relative dates resolved against the publication date.
//!
//! ```
//! use storyline_events::EventCoder;
//! use storyline_record::Article;
//!
//! let mut article = Article::new("note.txt", "");
//! article.set_text("Russia has sent over 100,000 troops to Ukraine's borders.".to_string());
//! EventCoder::new().annotate(&mut article);
//! let e = &article.events[0];
//! assert_eq!(e.action, "MOBILIZE");
//! assert_eq!(e.source_actor.as_deref(), Some("RUS"));
//! assert_eq!(e.target_actor.as_deref(), Some("UKR"));
//! assert!(!e.negated && !e.hypothetical);
//! ```
#![deny(missing_docs)]

mod actors;
mod clauses;
mod coder;
mod dates;
mod modality;
mod parsed;
mod pronouns;
mod roles;
mod tables;
mod tree;
mod triggers;
mod words;

pub use coder::EventCoder;
pub use triggers::Action;
