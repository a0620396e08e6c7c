//! The models shipped inside the binary (`models/` of the repository), loaded once per
//! process on first use and shared by every thread.

use std::sync::OnceLock;

use storyline_record::Deprel;

use crate::conllu::Sentence;
use crate::form::model_forms;
use crate::parser::{ParseBuffers, Parser};
use crate::tagger::Tagger;

/// The tagger and parser storyline ships.
#[derive(Debug, Clone)]
pub struct Models {
    /// Part-of-speech tagger with its lemma exceptions.
    pub tagger: Tagger,
    /// Dependency parser.
    pub parser: Parser,
}

static TAGGER_BYTES: &[u8] = include_bytes!("../../../models/tagger.stlm");
static PARSER_BYTES: &[u8] = include_bytes!("../../../models/parser.stlm");

static SHIPPED: OnceLock<Models> = OnceLock::new();

/// The shipped models, loaded on first call (tens of milliseconds) and shared afterwards.
///
/// # Panics
/// If a shipped model file does not load: they are part of the binary and tested, so this
/// is a build defect, never an input error.
pub fn shipped() -> &'static Models {
    SHIPPED.get_or_init(|| Models {
        tagger: Tagger::from_bytes(TAGGER_BYTES).expect("the shipped tagger model loads"),
        parser: Parser::from_bytes(PARSER_BYTES).expect("the shipped parser model loads"),
    })
}

/// A model file that could not be loaded.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct LoadError {
    /// The file.
    pub path: String,
    /// Why.
    pub reason: String,
}

fn read(path: &str) -> Result<Vec<u8>, LoadError> {
    std::fs::read(path).map_err(|e| LoadError {
        path: path.to_string(),
        reason: e.to_string(),
    })
}

/// Loads a tagger model file.
pub fn load_tagger(path: &str) -> Result<Tagger, LoadError> {
    Tagger::from_bytes(&read(path)?).map_err(|e| LoadError {
        path: path.to_string(),
        reason: e.to_string(),
    })
}

/// Loads a parser model file.
pub fn load_parser(path: &str) -> Result<Parser, LoadError> {
    Parser::from_bytes(&read(path)?).map_err(|e| LoadError {
        path: path.to_string(),
        reason: e.to_string(),
    })
}

impl Models {
    /// Tags, lemmatises and parses a CoNLL-U sentence in place, keeping its words: fills
    /// LEMMA, UPOS, XPOS, HEAD and DEPREL.
    pub fn annotate_sentence(&self, sentence: &mut Sentence, buffers: &mut ParseBuffers) {
        let (forms, bounds) = model_forms(sentence.words.iter().map(|w| w.form.as_str()));
        let words: Vec<&str> = bounds.iter().map(|&(s, e)| &forms[s..e]).collect();
        let mut tags = Vec::with_capacity(words.len());
        self.tagger.tag(&words, &mut tags);
        let mut arcs = Vec::with_capacity(words.len());
        self.parser.parse(&words, &tags, buffers, &mut arcs);
        for (i, w) in sentence.words.iter_mut().enumerate() {
            let (upos, xpos) = tags.get(i).copied().unwrap_or_default();
            w.upos = upos.name().to_string();
            w.xpos = xpos.name().to_string();
            w.lemma = self.tagger.lemma(words[i], upos, xpos);
            let (head, rel) = arcs.get(i).copied().unwrap_or((None, Deprel::root()));
            w.head = head.map_or(0, |h| h as usize + 1);
            w.deprel = rel.name().to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::Word;

    #[test]
    fn shipped_models_load_once_and_are_shared() {
        let models = shipped();
        assert!(std::ptr::eq(models, shipped()));
        assert!(models.parser.meta()["epochs"].as_u64().is_some());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        /// Any words at all (accents, scripts, symbols, long ones) get tags, lemmas and a tree.
        #[test]
        fn any_words_are_tagged_lemmatised_and_parsed(
            forms in proptest::collection::vec("\\PC{1,12}", 1..30)
        ) {
            let mut s = Sentence {
                words: forms.iter().map(|f| Word::new(f)).collect(),
                ..Sentence::default()
            };
            shipped().annotate_sentence(&mut s, &mut ParseBuffers::default());
            let n = s.words.len();
            proptest::prop_assert_eq!(s.words.iter().filter(|w| w.head == 0).count(), 1);
            for w in &s.words {
                proptest::prop_assert!(w.head <= n);
                proptest::prop_assert!(!w.lemma.is_empty());
            }
        }
    }
}
