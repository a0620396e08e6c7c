//! A learned named-entity tagger: persons, organisations and places.
//!
//! Each word gets a BILOU label (`labels`) from an averaged perceptron (`storyline-learn`),
//! greedily, left to right, among the labels the previous one allows. Features (`features`)
//! read the word folded and as written, its affixes, shape, spelling flags, part of speech
//! and gazetteer hits (`storyline-lexicon`, one word and multi-word names), the same of its
//! neighbours, word clusters learnt from unlabelled text (`models/clusters.tsv`), the two
//! previous labels, and the document memory: the kind the same word had
//! earlier in the document. Words with neither capital nor digit, outside a mention, are
//! outside without a look-up, so the tagger's cost is that of the capitalised words.
//!
//! Trained by `storyline train ner` on CoNLL-2003 (`corpus`, `train`) and the named mentions
//! of GUM (`gum`); CoNLL's MISC is learned as a fourth kind and never reported.
#![deny(missing_docs)]

mod atoms;
pub mod corpus;
mod features;
pub mod gum;
pub mod labels;
mod shipped;
mod tagger;
mod train;

pub use atoms::NerWord;
pub use features::DocumentMemory;
pub use shipped::shipped;
pub use tagger::NerTagger;
pub use train::{evaluate, NerScores, Prf};
