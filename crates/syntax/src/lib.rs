//! The learned linguistic core: CoNLL-U input and output, a part-of-speech tagger with
//! lemmas, and a transition-based dependency parser, trained by storyline itself on
//! Universal Dependencies treebanks with the perceptron of `storyline-learn`.
#![deny(missing_docs)]

pub mod conllu;
pub mod parser;
pub mod train;
