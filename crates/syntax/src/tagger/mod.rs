//! A part-of-speech tagger: greedy, left to right, an averaged perceptron predicting the UPOS
//! and the XPOS (Penn Treebank) of each word together, as one class (the pairs seen in
//! training), with the feature set of Collins (2002) and Honnibal's "perceptron tagger" plus
//! ambiguity classes (the classes a word had in training, for the word and the two after it)
//! (`features`). Frequent words that are (almost) never ambiguous in training skip the
//! model: a tag dictionary gives their tag. The model file also carries the lemmatizer's
//! tables, so one file tags and lemmatises.
//!
//! Speed: the atoms of a sentence's words are computed once (`atoms`); features whose atoms
//! take few values (previous tags and their pairs, flags, frequent shapes, first and last
//! characters, ambiguity classes) are scored from dense tables built when the model is loaded
//! (`dense`); the others are looked up in the weight table, the next word's look-ups
//! prefetched while the current word is scored. No allocation per word.
//!
//! ```no_run
//! use storyline_syntax::tagger::Tagger;
//! let tagger = Tagger::from_bytes(&std::fs::read("models/tagger.stlm").unwrap()).unwrap();
//! let mut tags = Vec::new();
//! tagger.tag(&["NATO", "said", "so", "."], &mut tags);
//! assert_eq!(tags[0].0.name(), "PROPN");
//! ```

mod atoms;
mod dense;
mod features;
mod train;

use std::cell::RefCell;
use std::io::Write;

use storyline_learn::{hash_str, FeatureHasher, KeyMap, Model, ModelError, ModelFile};
use storyline_record::{Upos, Xpos};

use crate::conllu::Sentence;
use crate::lemma::Lemmatizer;
pub(crate) use atoms::{fold_form, lower_key};
use atoms::{Atoms, Known, Lookup, NO_ROW, PAD};
use dense::{Dense, Frequent};
use features::{extract_dynamic, extract_static, flags_atom, optional_rows, TEMPLATES};

pub use train::{evaluate, TagScores};

/// The model kind written in tagger model files.
const KIND: &str = "tagger";

/// A trained part-of-speech tagger with its lemmatizer.
#[derive(Debug, Clone)]
pub struct Tagger {
    model: Model,
    /// The (UPOS, XPOS) pair of each class.
    classes: Vec<(Upos, Xpos)>,
    /// Frequent words that (almost) always have one class, as (folded form, class), sorted
    /// (what the file stores).
    tagdict_list: Vec<(String, u8)>,
    /// Ambiguity classes of words seen often enough in training, as (folded form, classes),
    /// sorted (what the file stores).
    lexicon_list: Vec<(String, Vec<u8>)>,
    /// The frequent values of the atoms whose features have dense rows (what the file
    /// stores).
    frequent: Frequent,
    /// What the atoms look up: ambiguity classes and dense rows.
    lookup: Lookup,
    /// Scores of the dense features, one row of class scores per value.
    dense: Dense,
    lemmatizer: Lemmatizer,
    /// Facts recorded at training time (epochs, dev figures).
    training: serde_json::Value,
}

/// Reusable buffers of one tagging thread.
#[derive(Debug, Default)]
pub struct TagBuffers {
    atoms: Atoms,
    feats: Vec<u64>,
    next: Vec<u64>,
    scores: Vec<i32>,
}

thread_local! {
    static BUFFERS: RefCell<TagBuffers> = RefCell::new(TagBuffers::default());
}

impl Tagger {
    fn templates_hash() -> u64 {
        hash_str(TEMPLATES)
    }

    fn hasher() -> FeatureHasher {
        static HASHER: std::sync::OnceLock<FeatureHasher> = std::sync::OnceLock::new();
        *HASHER.get_or_init(|| FeatureHasher::new(Tagger::templates_hash()))
    }

    fn new(
        model: Model,
        classes: Vec<(Upos, Xpos)>,
        tagdict_list: Vec<(String, u8)>,
        lexicon_list: Vec<(String, Vec<u8>)>,
        frequent: Frequent,
        lemmatizer: Lemmatizer,
        training: serde_json::Value,
    ) -> Tagger {
        let rows = frequent.index();
        let mut known: std::collections::BTreeMap<&str, (u64, u8)> = lexicon_list
            .iter()
            .map(|(form, classes)| (form.as_str(), (ambiguity_class(classes), NO_ROW)))
            .collect();
        for (form, class) in &tagdict_list {
            known.entry(form).or_insert((0, NO_ROW)).1 = *class;
        }
        let words = known
            .into_iter()
            .map(|(form, (amb, dict))| (lower_key(form), Known::new(form, amb, dict, &rows)))
            .collect();
        let lookup = Lookup { words, rows };
        let mut tagger = Tagger {
            model,
            classes,
            tagdict_list,
            lexicon_list,
            frequent,
            lookup,
            dense: Dense::default(),
            lemmatizer,
            training,
        };
        tagger.set_model(tagger.model.clone());
        tagger
    }

    /// Replaces the weights (and their dense tables).
    fn set_model(&mut self, model: Model) {
        let h = Tagger::hasher();
        self.dense = Dense::of(&h, &model, self.classes.len(), &self.frequent);
        self.model = model;
    }

    /// Reads a tagger model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        let file = ModelFile::read(bytes, KIND, Tagger::templates_hash())?;
        let meta = &file.meta;
        let names: Vec<(String, String)> = serde_json::from_value(meta["classes"].clone())?;
        let classes = names
            .iter()
            .map(|(u, x)| Some((Upos::parse(u)?, Xpos::parse(x)?)))
            .collect::<Option<Vec<_>>>()
            .ok_or(ModelError::Malformed("unknown tag in the class list"))?;
        if classes.len() != file.model.n_classes() {
            return Err(ModelError::Malformed(
                "class list and weight table disagree",
            ));
        }
        let tagdict: Vec<(String, u8)> = serde_json::from_value(meta["tagdict"].clone())?;
        let lexicon: Vec<(String, Vec<u8>)> = serde_json::from_value(meta["lexicon"].clone())?;
        let n = classes.len();
        if tagdict.iter().any(|&(_, c)| c as usize >= n)
            || lexicon.iter().flat_map(|l| &l.1).any(|&c| c as usize >= n)
        {
            return Err(ModelError::Malformed("tag dictionary class out of range"));
        }
        let frequent: Frequent = serde_json::from_value(meta["frequent_atoms"].clone())?;
        let lemmatizer = Lemmatizer::from_json(&meta["lemmas"])?;
        Ok(Tagger::new(
            file.model,
            classes,
            tagdict,
            lexicon,
            frequent,
            lemmatizer,
            meta["training"].clone(),
        ))
    }

    /// Writes the model file.
    pub fn write(&self, out: &mut impl Write) -> Result<(), ModelError> {
        let classes: Vec<(&str, &str)> = self
            .classes
            .iter()
            .map(|(u, x)| (u.name(), x.name()))
            .collect();
        let meta = serde_json::json!({
            "classes": classes,
            "tagdict": self.tagdict_list,
            "lexicon": self.lexicon_list,
            "frequent_atoms": self.frequent,
            "lemmas": self.lemmatizer.to_json(),
            "training": self.training,
        });
        ModelFile::new(KIND, Tagger::templates_hash(), meta, self.model.clone()).write(out)
    }

    /// The same tagger without its weights below `min` (see `Model::pruned`).
    pub fn pruned(&self, min: f64) -> Tagger {
        let mut t = self.clone();
        t.set_model(self.model.pruned(min));
        t
    }

    /// Facts recorded at training time (epochs, dev figures, options).
    pub fn training_facts(&self) -> &serde_json::Value {
        &self.training
    }

    /// The (UPOS, XPOS) pairs the tagger predicts.
    pub fn classes(&self) -> &[(Upos, Xpos)] {
        &self.classes
    }

    /// The lemmatizer carried by the model.
    pub fn lemmatizer(&self) -> &Lemmatizer {
        &self.lemmatizer
    }

    /// Number of weights of the model.
    pub fn n_weights(&self) -> usize {
        self.model.n_weights()
    }

    /// Tags one sentence: `out` receives the (UPOS, XPOS) of each of `forms`.
    pub fn tag(&self, forms: &[&str], out: &mut Vec<(Upos, Xpos)>) {
        BUFFERS.with(|b| self.tag_with(forms, &mut b.borrow_mut(), out));
    }

    /// [`Tagger::tag`] with buffers of the caller's.
    pub fn tag_with(&self, forms: &[&str], buf: &mut TagBuffers, out: &mut Vec<(Upos, Xpos)>) {
        out.clear();
        let TagBuffers {
            atoms,
            feats,
            next,
            scores,
        } = buf;
        atoms.fill(forms, &self.lookup);
        let h = Tagger::hasher();
        scores.resize(self.classes.len(), 0);
        let (mut t1, mut t2) = (0u64, 0u64);
        let n = forms.len();
        let in_dict = |i: usize| Some(atoms.w[i + PAD].dict).filter(|&c| c != NO_ROW);
        // The static features of the next word the model scores are extracted one word early
        // and their index slots prefetched, so that its memory reads overlap this word's work.
        let mut dict = if n > 0 { in_dict(0) } else { None };
        let mut ready = false;
        for i in 0..n {
            let dict_next = if i + 1 < n { in_dict(i + 1) } else { None };
            let class = match dict {
                Some(c) => c as usize,
                None => {
                    if !ready {
                        self.prepare(&h, atoms, i, feats);
                    }
                    let prefetched = i + 1 < n && dict_next.is_none();
                    if prefetched {
                        self.prepare(&h, atoms, i + 1, next);
                        self.model.prefetch(next);
                    }
                    let pair = self.dense.pair_row(t1 as usize, t2 as usize);
                    let dense_pair = pair != self.dense.zero_pair;
                    extract_dynamic(&h, atoms, i, (t1, t2), dense_pair, feats);
                    self.model.scores(feats, scores);
                    let flags = flags_atom(atoms, i) as usize;
                    let rows = optional_rows(atoms, i);
                    self.dense
                        .add(scores, t1 as usize, t2 as usize, flags, &rows, pair);
                    std::mem::swap(feats, next);
                    ready = prefetched;
                    argmax(scores)
                }
            };
            out.push(self.classes[class]);
            t2 = t1;
            t1 = class as u64 + 1;
            dict = dict_next;
        }
    }

    /// The static features of word `i` whose scores are not in dense rows, into `out`.
    #[inline]
    fn prepare(&self, h: &FeatureHasher, atoms: &Atoms, i: usize, out: &mut Vec<u64>) {
        extract_static(h, atoms, i, Some(&optional_rows(atoms, i)), out);
    }

    /// The lemma of `form` tagged `upos`/`xpos`.
    pub fn lemma(&self, form: &str, upos: Upos, xpos: Xpos) -> String {
        self.lemmatizer.lemma(form, upos, xpos)
    }

    /// Tags and lemmatises a CoNLL-U sentence in place (UPOS, XPOS and LEMMA columns).
    pub fn tag_sentence(&self, sentence: &mut Sentence) {
        let mut tags = Vec::with_capacity(sentence.words.len());
        {
            let forms: Vec<&str> = sentence.words.iter().map(|w| w.form.as_str()).collect();
            self.tag(&forms, &mut tags);
        }
        for (w, (upos, xpos)) in sentence.words.iter_mut().zip(tags) {
            w.upos = upos.name().to_string();
            w.xpos = xpos.name().to_string();
            w.lemma = self.lemmatizer.lemma(&w.form, upos, xpos);
        }
    }
}

/// The ambiguity-class atom of a word seen with `classes` (never 0, the unknown word's).
pub(crate) fn ambiguity_class(classes: &[u8]) -> u64 {
    let mut h: u64 = 0x243f_6a88_85a3_08d3;
    for &c in classes {
        h = (h.rotate_left(5) ^ (c as u64 + 1)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    h.max(1)
}

/// Index of the highest score (ties: the lowest index).
#[inline]
fn argmax<T: Ord + Copy>(scores: &[T]) -> usize {
    match scores.iter().copied().max() {
        Some(max) => scores.iter().position(|&s| s == max).unwrap_or(0),
        None => 0,
    }
}

#[cfg(test)]
mod tests;
