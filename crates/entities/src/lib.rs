//! Named entities: persons, organisations and places, each once per article with every
//! mention, its aliases and its role.
//!
//! Capitalisation-and-context rules over gazetteers (`storyline-lexicon`):
//!
//! 1. `words` scans the clean text into words with shape and position flags;
//! 2. `chunks` finds known multi-word names, runs of capitalised words, and splits titles
//!    and roles off them ("NATO Secretary-General Jens Stoltenberg");
//! 3. `typing` types each name from gazetteers, word classes, shape and context;
//! 4. `coref` merges mentions into entities ("Sergey Lavrov … Lavrov", "OSCE");
//! 5. `roles` adds appositive roles ("Michael McFaul, the former US ambassador, …").
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
mod dateline;
mod known;
mod lookup;
mod recognizer;
mod roles;
mod typing;
mod words;

pub use lookup::{entity_at, mention_at, mentions_in};
pub use recognizer::EntityRecognizer;
pub use storyline_lexicon::{given_name_gender, Gender};
