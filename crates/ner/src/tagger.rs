//! The tagger: greedy, left to right, one averaged-perceptron decision per word among the
//! labels the previous one allows; words with neither capital nor digit outside a mention
//! are outside without a look-up.

use std::cell::RefCell;
use std::io::Write;

use storyline_learn::{FeatureHasher, Model, ModelError, ModelFile};
use storyline_lexicon::Lexicon;

use crate::atoms::{Atoms, NerWord};
use crate::features::{
    extract_dynamic, extract_static, surely_outside, templates_hash, DocumentMemory,
};
use crate::labels::{allowed, class_name, mentions, Kind, Mention, N_CLASSES};

/// The model kind written in entity tagger model files.
const KIND: &str = "ner";

/// A trained entity tagger.
#[derive(Debug, Clone)]
pub struct NerTagger {
    pub(crate) model: Model,
    /// Facts recorded at training time (epochs, dev figures).
    pub(crate) training: serde_json::Value,
}

/// Reusable buffers of one tagging thread.
#[derive(Debug, Default)]
pub(crate) struct Buffers {
    pub atoms: Atoms,
    pub feats: Vec<u64>,
    pub scores: Vec<i32>,
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = RefCell::new(Buffers::default());
}

/// The hasher of the tagger's features.
pub(crate) fn hasher() -> FeatureHasher {
    static HASHER: std::sync::OnceLock<FeatureHasher> = std::sync::OnceLock::new();
    *HASHER.get_or_init(|| FeatureHasher::new(templates_hash()))
}

impl NerTagger {
    /// Reads an entity tagger model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<NerTagger, ModelError> {
        let file = ModelFile::read(bytes, KIND, templates_hash())?;
        if file.model.n_classes() != N_CLASSES {
            return Err(ModelError::Malformed("unexpected number of classes"));
        }
        Ok(NerTagger {
            model: file.model,
            training: file.meta["training"].clone(),
        })
    }

    /// Writes the model file.
    pub fn write(&self, out: &mut impl Write) -> Result<(), ModelError> {
        let classes: Vec<String> = (0..N_CLASSES).map(class_name).collect();
        let meta = serde_json::json!({ "classes": classes, "training": self.training });
        ModelFile::new(KIND, templates_hash(), meta, self.model.clone()).write(out)
    }

    /// The same tagger without its weights below `min` (see `Model::pruned`).
    pub fn pruned(&self, min: f64) -> NerTagger {
        NerTagger {
            model: self.model.pruned(min),
            training: self.training.clone(),
        }
    }

    /// Facts recorded at training time (epochs, dev figures, options).
    pub fn training_facts(&self) -> &serde_json::Value {
        &self.training
    }

    /// Number of weights of the model.
    pub fn n_weights(&self) -> usize {
        self.model.n_weights()
    }

    /// The classes of one sentence's words into `out` (see [`crate::labels`]); `memory`
    /// carries what earlier sentences of the same document said and learns this one.
    pub fn tag_classes(
        &self,
        words: &[NerWord],
        memory: &mut DocumentMemory,
        out: &mut Vec<usize>,
    ) {
        BUFFERS.with(|b| {
            let b = &mut *b.borrow_mut();
            b.atoms.fill(words, Lexicon::get());
            self.decode(
                &b.atoms,
                words.len(),
                memory,
                &mut b.feats,
                &mut b.scores,
                out,
            );
            memory.learn(&b.atoms, out);
        });
    }

    /// The persons, organisations and places of one sentence (words `start..end`), in
    /// order; `memory` as in [`NerTagger::tag_classes`].
    pub fn tag(&self, words: &[NerWord], memory: &mut DocumentMemory) -> Vec<Mention> {
        let mut classes = Vec::with_capacity(words.len());
        self.tag_classes(words, memory, &mut classes);
        let mut found = mentions(&classes);
        found.retain(|m| m.kind != Kind::Misc);
        found
    }

    /// Greedy decoding of a sentence whose atoms are filled.
    pub(crate) fn decode(
        &self,
        atoms: &Atoms,
        n: usize,
        memory: &DocumentMemory,
        feats: &mut Vec<u64>,
        scores: &mut Vec<i32>,
        out: &mut Vec<usize>,
    ) {
        out.clear();
        let h = hasher();
        scores.resize(N_CLASSES, 0);
        let (mut t1, mut t2) = (0, 0);
        for i in 0..n {
            let class = if surely_outside(atoms, i, t1) {
                0
            } else {
                extract_static(&h, atoms, i, feats);
                extract_dynamic(&h, atoms, i, (t1, t2), memory, feats);
                self.model.scores(feats, scores);
                let last = i + 1 == n;
                best(scores, |c| allowed(t1, c, last))
            };
            out.push(class);
            t2 = t1;
            t1 = class;
        }
    }
}

/// The highest-scoring class `valid` admits (ties: lowest index; outside if none).
#[inline]
pub(crate) fn best<T: PartialOrd + Copy>(scores: &[T], valid: impl Fn(usize) -> bool) -> usize {
    let mut best: Option<(usize, T)> = None;
    for (c, &s) in scores.iter().enumerate() {
        if valid(c) && best.is_none_or(|(_, b)| s > b) {
            best = Some((c, s));
        }
    }
    best.map_or(0, |(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::read_conll2003;
    use crate::labels::Kind;
    use storyline_record::Upos;
    use storyline_syntax::train::TrainOptions;

    /// A tiny corpus of our own: persons, organisations and places in varied frames.
    fn corpus() -> Vec<crate::corpus::Document> {
        let mut text = String::new();
        let people = ["Maria Lopez", "John Kerrigan", "Amit Rao", "Ellen Vance"];
        let orgs = [
            "Acme Corp",
            "Globex",
            "Initech Group",
            "Vandelay Industries",
        ];
        let places = ["Lisbon", "Ottawa", "Kenya", "Oslo"];
        for (i, p) in people.iter().enumerate() {
            let o = orgs[(i + 1) % 4];
            let l = places[(i + 2) % 4];
            text.push_str("-DOCSTART- -X- -X- O\n\n");
            let mut line = |w: &str, t: &str| text.push_str(&format!("{w} X X {t}\n"));
            for (k, w) in p.split(' ').enumerate() {
                line(w, if k == 0 { "B-PER" } else { "I-PER" });
            }
            line("said", "O");
            line("in", "O");
            line(l, "B-LOC");
            line("that", "O");
            for (k, w) in o.split(' ').enumerate() {
                line(w, if k == 0 { "B-ORG" } else { "I-ORG" });
            }
            line("shares", "O");
            line("fell", "O");
            line(".", "O");
            text.push('\n');
        }
        read_conll2003(&text).0
    }

    fn trained() -> NerTagger {
        let docs = corpus();
        let opts = TrainOptions {
            epochs: 5,
            seed: 1,
            prune: 0.0,
        };
        NerTagger::train(&docs, &docs, &opts, &mut |_| {})
    }

    #[test]
    fn learns_a_small_corpus_and_round_trips_through_its_file() {
        let tagger = trained();
        let s = crate::evaluate(&tagger, &corpus());
        assert!(s.all.f1() > 0.9, "{s:?}");
        let mut bytes = Vec::new();
        tagger.write(&mut bytes).unwrap();
        let again = NerTagger::from_bytes(&bytes).unwrap();
        let forms = ["Maria", "Lopez", "said", "in", "Oslo", "."];
        let words: Vec<NerWord> = forms
            .iter()
            .map(|&form| NerWord {
                form,
                upos: Upos::Propn,
            })
            .collect();
        let found = again.tag(&words, &mut DocumentMemory::new());
        assert_eq!(found, tagger.tag(&words, &mut DocumentMemory::new()));
        assert!(found
            .iter()
            .any(|m| m.kind == Kind::Person && m.start == 0 && m.end == 2));
        let mut more = Vec::new();
        trained().write(&mut more).unwrap();
        assert_eq!(bytes, more, "training is deterministic");
    }

    #[test]
    fn other_files_are_refused() {
        assert!(NerTagger::from_bytes(b"not a model").is_err());
        let model = storyline_learn::Trainer::new(3).finish(0.0);
        let mut bytes = Vec::new();
        ModelFile::new(KIND, templates_hash(), serde_json::json!({}), model)
            .write(&mut bytes)
            .unwrap();
        assert!(NerTagger::from_bytes(&bytes).is_err(), "wrong class count");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Any words at all give well-formed mentions inside the sentence.
        #[test]
        fn any_words_give_mentions_inside_the_sentence(
            forms in proptest::collection::vec("\\PC{1,10}", 0..20)
        ) {
            let tagger = trained();
            let words: Vec<NerWord> = forms
                .iter()
                .map(|f| NerWord { form: f, upos: Upos::X })
                .collect();
            for m in tagger.tag(&words, &mut DocumentMemory::new()) {
                proptest::prop_assert!(m.start < m.end && m.end <= words.len());
                proptest::prop_assert!(m.kind != Kind::Misc);
            }
        }
    }
}
