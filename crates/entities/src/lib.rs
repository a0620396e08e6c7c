//! Named entities: persons, organisations and places, each once per article with every
//! mention, its aliases and its role.
//!
//! Capitalisation-and-context rules over gazetteers (`storyline-lexicon`):
//!
//! 1. `words` reads the token layer (`article.tokens`) as written words with shape and position
//!    flags ("Secretary" "-" "General" is one word, a possessive `'s` a flag of its word);
//!    `lines` says what each line is (a credit line or caption, a title-cased headline, a
//!    headline in capitals, a list of names);
//! 2. `chunks` finds known multi-word names, runs of capitalised words (`runs`: connectors,
//!    "Immigration and Customs Enforcement", "Bureau of Alcohol, Tobacco and Firearms"), and
//!    splits titles and roles off them ("NATO Secretary-General Jens Stoltenberg"; `titled`:
//!    "Secretary of State Antony Blinken"); `dateline` reads wire
//!    datelines ("PORTO ALEGRE, Brazil (AP) —"), in the body or removed by cleaning;
//! 3. `context` types names from the words around them: clubs in sports copy ("Liverpool
//!    manager"), companies ("analysts at X"), journals, newspapers, acting acronyms, and
//!    (`descriptors`) "the research firm X", "X magazine", "according to X", "posted on X";
//! 4. `typing` types the rest from gazetteers, word classes and shape, then settles one type
//!    per name (an organisation by context is never also a person by a weaker cue);
//! 5. `coref` merges mentions into entities ("Sergey Lavrov … Lavrov", "OSCE", "Ten Hag",
//!    "Putin" → "Vladimir Putin");
//! 6. `roles` reads titles and role phrases before names and appositive roles after them.
//!
//! A place named only in a dateline that cleaning removed is an entity with no mention.
//!
//! ```
//! use storyline_entities::{entity_at, EntityRecognizer};
//! use storyline_record::{Article, EntityType, Span};
//!
//! let mut article = Article::new("x", "");
//! article.set_text("Coach Jane Doe said Springfield FC won. Doe was happy.".to_string());
//! EntityRecognizer::new().annotate(&mut article);
//! let doe = article.entities.iter().find(|e| e.name == "Jane Doe");
//! assert!(doe.is_some_and(|e| e.kind == EntityType::Person && e.mentions.len() == 2));
//! let at = article.text.find("Doe was").map(|i| Span::new(i, i + 3));
//! assert_eq!(at.and_then(|s| entity_at(&article, s)).map(|e| e.name.as_str()), Some("Jane Doe"));
//! ```
#![deny(missing_docs)]

mod chunks;
mod context;
mod coref;
mod coref_index;
mod dateline;
mod descriptors;
mod known;
mod learned;
mod lines;
mod lookup;
mod recognizer;
mod roles;
mod runs;
mod segments;
#[cfg(test)]
mod testutil;
mod titled;
mod typing;
mod words;

pub use lookup::{entity_at, mention_at, mentions_in};
pub use recognizer::EntityRecognizer;
pub use storyline_lexicon::{given_name_gender, Gender};
