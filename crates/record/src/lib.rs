//! The article record: the one type every storyline stage fills in, and its JSON contract.
//!
//! An [`Article`] starts as the decoded source text of one document. `clean` sets its
//! frozen `text` and `removed` list and its metadata; `segment` adds paragraphs, sentences and
//! tokens; later stages add entities, quotes, claims and events. Inside the engine every
//! [`Span`] is a byte range into `text`; at the edge, [`Record`] converts them to the
//! character offsets (Unicode scalar values) that the JSONL contract promises.
//!
//! ```
//! use storyline_record::{Article, Record, Span};
//!
//! let mut article = Article::new("example.txt", "Hello, Kyiv.");
//! article.set_text("Héllo, Kyiv.".to_string());
//! let kyiv = Span::new(8, 12);
//! assert_eq!(kyiv.slice(&article.text), "Kyiv");
//! let record = Record::from_article(&article);
//! assert_eq!(record.text, "Héllo, Kyiv.");
//! ```
#![deny(missing_docs)]

mod article;
mod charmap;
mod framing;
mod id;
mod items;
mod record;
mod span;
mod syntax;
pub mod terminal;

pub use article::{
    primary_subtag, Article, Metadata, Removal, RemovalReason, Shape, Token, TokenKind,
};
pub use charmap::CharMap;
pub use framing::{Framing, FramingKind, RecordFraming, Tone, Voice};
pub use id::ArticleId;
pub use items::{Claim, Entity, EntityType, Event, Quote, QuoteKind};
pub use record::{Record, RecordClaim, RecordEntity, RecordEvent, RecordQuote};
pub use span::Span;
pub use syntax::{Deprel, Upos, UposTag, Xpos};
