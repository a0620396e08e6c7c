//! The learned linguistic core: CoNLL-U input and output, a part-of-speech tagger with
//! lemmas, and a transition-based dependency parser, trained by storyline itself on
//! Universal Dependencies treebanks with the perceptron of `storyline-learn`.
#![deny(missing_docs)]

pub mod annotate;
pub mod clusters;
pub mod conllu;
pub mod form;
pub mod lemma;
pub mod models;
pub mod parser;
pub mod retag;
pub mod tagger;
pub mod train;

pub use annotate::SyntaxAnnotator;
pub use models::Models;
