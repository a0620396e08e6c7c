//! A transition-based dependency parser: arc-eager with the root at the end, an averaged
//! perceptron over the rich feature set of Zhang and Nivre (2011), trained on Universal
//! Dependencies treebanks either greedily with a dynamic oracle (Goldberg and Nivre 2012) or
//! globally for beam search (`train_beam`); the model file records the beam it parses with
//! (1: greedy decoding).
//!
//! Parsing is linear in the sentence length (exactly 2n transitions for each of the beam's
//! parses, each a fixed number of features). Sentences longer than [`MAX_WORDS`] words are parsed in pieces of that size,
//! each piece with a root of its own.

mod beam;
mod cache;
mod features;
mod oracle;
mod state;
mod train;
mod train_beam;

use std::io::Write;

use storyline_learn::{hash_str, FeatureHasher, Model, ModelError, ModelFile};
use storyline_record::{Deprel, Upos, Xpos};

use crate::conllu::Sentence;
use beam::Beam;
use cache::ScoreCache;
use features::{extract_label, Atoms, TEMPLATES};
use state::{Move, State, NONE};

pub use train::evaluate;

/// Longest piece parsed as one sentence; longer sentences are cut into pieces this long.
pub const MAX_WORDS: usize = 250;

/// The model kind written in parser model files.
const KIND: &str = "parser";

/// A trained dependency parser.
#[derive(Debug, Clone)]
pub struct Parser {
    /// Transition classifier (shift, reduce, left, right).
    model: Model,
    /// Label classifier of each arc.
    labeler: Model,
    /// Parses kept side by side while parsing (1: greedy).
    beam: usize,
    /// How far below the best parse (in the transition model's quantised score units) a
    /// parse may fall and stay in the beam; `i64::MAX`: no limit.
    margin: i64,
    meta: serde_json::Value,
}

/// The tag atom of a word: its UPOS and XPOS together, never 0.
pub(crate) fn tag_code(upos: Upos, xpos: Xpos) -> u64 {
    (((upos.index() + 1) << 8) | (xpos.index() + 1)) as u64
}

/// Reusable buffers of one parsing thread.
#[derive(Debug)]
pub struct ParseBuffers {
    state: State,
    atoms: Atoms,
    cache: ScoreCache,
    feats: Vec<u64>,
    scores: Vec<i32>,
    codes: Vec<u64>,
    beam: Beam,
}

impl Default for ParseBuffers {
    fn default() -> Self {
        ParseBuffers {
            state: State::new(),
            atoms: Atoms::default(),
            cache: ScoreCache::default(),
            feats: Vec::with_capacity(96),
            scores: vec![0; Deprel::count().max(Move::CLASSES)],
            codes: Vec::new(),
            beam: Beam::default(),
        }
    }
}

impl Parser {
    fn templates_hash() -> u64 {
        hash_str(TEMPLATES)
    }

    /// Key spaces of the transition and the label classifier.
    fn hashers() -> (FeatureHasher, FeatureHasher) {
        let t = Parser::templates_hash();
        (FeatureHasher::new(t), FeatureHasher::new(t ^ 1))
    }

    /// Reads a parser model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ModelError> {
        let mut file = ModelFile::read(bytes, KIND, Parser::templates_hash())?;
        let labeler = file
            .more
            .pop()
            .ok_or(ModelError::Malformed("parser file without its label table"))?;
        if file.model.n_classes() != Move::CLASSES || labeler.n_classes() != Deprel::count() {
            return Err(ModelError::Malformed(
                "parser class counts differ from this code's",
            ));
        }
        let beam = beam_of(&file.meta);
        let margin = margin_of(&file.meta);
        Ok(Parser {
            model: file.model,
            labeler,
            beam,
            margin,
            meta: file.meta,
        })
    }

    /// Writes the model file.
    pub fn write(&self, out: &mut impl Write) -> Result<(), ModelError> {
        ModelFile::new(
            KIND,
            Parser::templates_hash(),
            self.meta.clone(),
            self.model.clone(),
        )
        .with(self.labeler.clone())
        .write(out)
    }

    /// The same parser without its weights below `min` (see `Model::pruned`).
    pub fn pruned(&self, min: f64) -> Parser {
        Parser {
            model: self.model.pruned(min),
            labeler: self.labeler.pruned(min),
            beam: self.beam,
            margin: self.margin,
            meta: self.meta.clone(),
        }
    }

    /// The same parser keeping `width` parses side by side (1: greedy; a model trained with
    /// a beam is parsed with that width unless told otherwise), recorded in its facts.
    pub fn with_beam(mut self, width: usize) -> Parser {
        self.beam = width.max(1);
        if let Some(facts) = self.meta.as_object_mut() {
            facts.insert("beam".to_string(), serde_json::json!(self.beam));
        }
        self
    }

    /// The same parser dropping from its beam every parse that falls more than `margin`
    /// below the best (in the transition model's quantised score units; `None`: no limit),
    /// recorded in its facts. A margin that the dev set shows costs nothing saves the work of
    /// parses the search would drop later anyway.
    pub fn with_margin(mut self, margin: Option<u64>) -> Parser {
        self.margin = margin.map_or(i64::MAX, saturating_i64);
        if let Some(facts) = self.meta.as_object_mut() {
            match margin {
                Some(m) => facts.insert("beam_margin".to_string(), serde_json::json!(m)),
                None => facts.remove("beam_margin"),
            };
        }
        self
    }

    /// How many parses are kept side by side while parsing.
    pub fn beam(&self) -> usize {
        self.beam
    }

    /// Number of (feature, class) weights of both classifiers.
    pub fn n_weights(&self) -> usize {
        self.model.n_weights() + self.labeler.n_weights()
    }

    /// Facts recorded at training time (epochs, dev figures).
    pub fn meta(&self) -> &serde_json::Value {
        &self.meta
    }

    /// Parses one sentence: `forms` with their tags. Writes into `out` each word's head (an
    /// index into `forms`, `None` for a root) and relation.
    pub fn parse(
        &self,
        forms: &[&str],
        tags: &[(Upos, Xpos)],
        buffers: &mut ParseBuffers,
        out: &mut Vec<(Option<u32>, Deprel)>,
    ) {
        out.clear();
        let n = forms.len().min(tags.len());
        let mut start = 0;
        while start < n {
            let end = (start + MAX_WORDS).min(n);
            self.parse_piece(&forms[start..end], &tags[start..end], buffers, start, out);
            start = end;
        }
    }

    fn parse_piece(
        &self,
        forms: &[&str],
        tags: &[(Upos, Xpos)],
        buf: &mut ParseBuffers,
        offset: usize,
        out: &mut Vec<(Option<u32>, Deprel)>,
    ) {
        let n = forms.len();
        buf.codes.clear();
        buf.codes.extend(tags.iter().map(|&(u, x)| tag_code(u, x)));
        buf.atoms.fill(forms, &buf.codes);
        buf.state.reset(n);
        buf.cache.reset(n);
        buf.state
            .mark_leaves(tags.iter().map(|&(u, _)| u == Upos::Punct));
        let (th, lh) = Parser::hashers();
        if self.beam > 1 {
            return self.parse_piece_beam(buf, offset, out);
        }
        while !buf.state.is_final() {
            // With one valid move (an empty stack, or the buffer at the root) the classifier
            // has nothing to decide.
            let kind = match only_valid(&buf.state) {
                Some(m) => m,
                None => {
                    let scores = buf.cache.scores(&self.model, &th, &buf.atoms, &buf.state);
                    best_valid(&scores, &buf.state)
                }
            };
            let m = labelled(kind, &buf.state, |st, head, dep| {
                self.label(
                    &lh,
                    &buf.atoms,
                    st,
                    (head, dep),
                    &mut buf.feats,
                    &mut buf.scores,
                )
            });
            buf.state.apply(m);
        }
        finish_tree(&buf.state, offset, out);
    }

    /// Parses the piece set up in `buf` with a beam of `self.beam` parses.
    fn parse_piece_beam(
        &self,
        buf: &mut ParseBuffers,
        offset: usize,
        out: &mut Vec<(Option<u32>, Deprel)>,
    ) {
        let (th, lh) = Parser::hashers();
        let ParseBuffers {
            state,
            atoms,
            cache,
            feats,
            scores,
            beam,
            ..
        } = buf;
        beam.reset(state);
        while !beam.is_final() {
            beam.advance(
                self.beam,
                self.margin,
                |st| cache.scores(&self.model, &th, atoms, st),
                |st, head, dep| self.label(&lh, atoms, st, (head, dep), feats, scores),
            );
        }
        finish_tree(&beam.states[0], offset, out);
    }

    /// The label of the arc `head` → `dep` in `state` (never `root`: only LEFT arcs to the
    /// root have it).
    fn label(
        &self,
        lh: &FeatureHasher,
        atoms: &Atoms,
        state: &State,
        (head, dep): (usize, usize),
        feats: &mut Vec<u64>,
        scores: &mut [i32],
    ) -> u8 {
        if head >= state.n {
            return Deprel::root().index() as u8;
        }
        extract_label(lh, atoms, state, head, dep, feats);
        let scores = &mut scores[..Deprel::count()];
        self.labeler.scores(feats, scores);
        best_label(scores)
    }

    /// Parses a CoNLL-U sentence in place from its UPOS and XPOS columns (unknown tags read
    /// as `X` / `XX`), filling HEAD and DEPREL.
    pub fn parse_sentence(&self, sentence: &mut Sentence, buffers: &mut ParseBuffers) {
        let forms: Vec<&str> = sentence.words.iter().map(|w| w.form.as_str()).collect();
        let tags: Vec<(Upos, Xpos)> = sentence
            .words
            .iter()
            .map(|w| {
                (
                    Upos::parse(&w.upos).unwrap_or_default(),
                    Xpos::parse(&w.xpos).unwrap_or_default(),
                )
            })
            .collect();
        let mut arcs = Vec::with_capacity(forms.len());
        self.parse(&forms, &tags, buffers, &mut arcs);
        for (w, (head, rel)) in sentence.words.iter_mut().zip(arcs) {
            w.head = head.map_or(0, |h| h as usize + 1);
            w.deprel = rel.name().to_string();
        }
    }
}

/// The beam width a model file records (`beam` in its facts), 1 when it records none.
fn beam_of(meta: &serde_json::Value) -> usize {
    meta.get("beam")
        .and_then(serde_json::Value::as_u64)
        .map_or(1, |w| (w as usize).clamp(1, 64))
}

/// The beam margin a model file records (`beam_margin` in its facts), no limit when it
/// records none.
fn margin_of(meta: &serde_json::Value) -> i64 {
    meta.get("beam_margin")
        .and_then(serde_json::Value::as_u64)
        .map_or(i64::MAX, saturating_i64)
}

/// `m` as a score, `i64::MAX` when it is larger.
fn saturating_i64(m: u64) -> i64 {
    i64::try_from(m).unwrap_or(i64::MAX)
}

/// The highest-scoring valid transition (ties: lowest class); arcs carry label 0 until the
/// label classifier names it.
fn best_valid(scores: &[i32], state: &State) -> Move {
    let mut best: Option<(Move, i32)> = None;
    for (c, &s) in scores.iter().enumerate() {
        let m = Move::of_class(c, 0);
        if state.valid(m) && best.is_none_or(|(_, b)| s > b) {
            best = Some((m, s));
        }
    }
    // Some move is always valid in a non-final state.
    best.map(|(m, _)| m).unwrap_or(if state.at_root() {
        Move::Left(0)
    } else {
        Move::Shift
    })
}

/// The move, if only one is valid in `state`.
fn only_valid(state: &State) -> Option<Move> {
    let mut valid = (0..Move::CLASSES)
        .map(|c| Move::of_class(c, 0))
        .filter(|&m| state.valid(m));
    let first = valid.next()?;
    valid.next().is_none().then_some(first)
}

/// The best label other than `root`.
fn best_label(scores: &[i32]) -> u8 {
    let root = Deprel::root().index();
    let mut best = (Deprel::default().index(), i32::MIN);
    for (c, &s) in scores.iter().enumerate() {
        if c != root && s > best.1 {
            best = (c, s);
        }
    }
    best.0 as u8
}

/// `kind` with the label that `label(state, head, dependent)` gives its arc, if it makes one.
fn labelled(kind: Move, st: &State, mut label: impl FnMut(&State, usize, usize) -> u8) -> Move {
    match arc_of(kind, st) {
        Some((head, dep)) => Move::of_class(kind.class(), label(st, head, dep)),
        None => kind,
    }
}

/// The (head, dependent) of the arc that `m` makes in `state`, if it makes one.
fn arc_of(m: Move, state: &State) -> Option<(usize, usize)> {
    match (m, state.s0()) {
        (Move::Left(_), Some(s)) => Some((state.b, s)),
        (Move::Right(_), Some(s)) => Some((s, state.b)),
        _ => None,
    }
}

/// Appends the arcs of a finished piece: one root per piece; any further word attached to
/// the root is attached to the first one instead (relation `parataxis`, or `punct` for
/// punctuation-labelled words).
fn finish_tree(state: &State, offset: usize, out: &mut Vec<(Option<u32>, Deprel)>) {
    let n = state.n;
    let root_label = Deprel::root().index() as u8;
    let first_root = (0..n).find(|&i| state.heads[i] as usize == n || state.heads[i] == NONE);
    for i in 0..n {
        let h = state.heads[i];
        let label = Deprel::from_index(state.labels[i] as usize).unwrap_or_default();
        if Some(i) == first_root {
            out.push((None, Deprel::root()));
        } else if h as usize >= n {
            let root = first_root.expect("a root exists when a word attaches to it");
            let rel = if state.labels[i] == root_label || h == NONE {
                Deprel::parse("parataxis").unwrap_or_default()
            } else {
                label
            };
            out.push((Some((root + offset) as u32), rel));
        } else {
            let rel = if state.labels[i] == root_label {
                Deprel::default()
            } else {
                label
            };
            out.push((Some(h + offset as u32), rel));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu;
    use crate::train::TrainOptions;

    /// A few sentences of our own, annotated by hand in the UD style.
    pub(super) const SAMPLE: &str = "\
1\tTroops\t_\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tarrived\t_\tVERB\tVBD\t_\t0\troot\t_\t_
3\tin\t_\tADP\tIN\t_\t4\tcase\t_\t_
4\tKyiv\t_\tPROPN\tNNP\t_\t2\tobl\t_\t_
5\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tNATO\t_\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tsent\t_\tVERB\tVBD\t_\t0\troot\t_\t_
3\tfive\t_\tNUM\tCD\t_\t4\tnummod\t_\t_
4\tships\t_\tNOUN\tNNS\t_\t2\tobj\t_\t_
5\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tThe\t_\tDET\tDT\t_\t2\tdet\t_\t_
2\tminister\t_\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tsaid\t_\tVERB\tVBD\t_\t0\troot\t_\t_
4\tthe\t_\tDET\tDT\t_\t5\tdet\t_\t_
5\ttalks\t_\tNOUN\tNNS\t_\t6\tnsubj\t_\t_
6\tfailed\t_\tVERB\tVBD\t_\t3\tccomp\t_\t_
7\t.\t_\tPUNCT\t.\t_\t3\tpunct\t_\t_

";

    fn trained() -> Parser {
        let (train, errors) = conllu::read(SAMPLE);
        assert!(errors.is_empty());
        let opts = TrainOptions {
            epochs: 8,
            ..TrainOptions::default()
        };
        Parser::train(&train, &train, &opts, &mut |_| {})
    }

    #[test]
    fn learns_a_tiny_treebank_and_survives_a_round_trip() {
        let parser = trained();
        let (gold, _) = conllu::read(SAMPLE);
        let (uas, las) = evaluate(&parser, &gold);
        assert!(uas > 0.9 && las > 0.9, "UAS {uas} LAS {las}");
        let mut bytes = Vec::new();
        parser.write(&mut bytes).unwrap();
        let back = Parser::from_bytes(&bytes).unwrap();
        let mut buffers = ParseBuffers::default();
        for s in &gold {
            let (mut a, mut b) = (s.clone(), s.clone());
            parser.parse_sentence(&mut a, &mut buffers);
            back.parse_sentence(&mut b, &mut buffers);
            assert_eq!(a, b);
        }
        assert!(Parser::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    }

    /// One root, heads in range, no cycles.
    fn assert_tree(arcs: &[(Option<u32>, Deprel)]) {
        let n = arcs.len();
        if n == 0 {
            return;
        }
        let pieces = n.div_ceil(MAX_WORDS);
        let roots = arcs.iter().filter(|a| a.0.is_none()).count();
        assert_eq!(roots, pieces, "one root per piece");
        for (i, &(head, rel)) in arcs.iter().enumerate() {
            assert_eq!(head.is_none(), rel == Deprel::root());
            let mut k = i;
            for _ in 0..=n {
                match arcs[k].0 {
                    Some(h) => {
                        assert!((h as usize) < n);
                        k = h as usize;
                    }
                    None => break,
                }
            }
            assert!(arcs[k].0.is_none(), "cycle through word {i}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn any_input_parses_to_a_valid_tree(
            words in proptest::collection::vec("\\PC{1,8}", 0..40),
            tags in proptest::collection::vec((0usize..17, 0usize..50), 0..40),
        ) {
            let parser = trained();
            let n = words.len().min(tags.len());
            let forms: Vec<&str> = words[..n].iter().map(String::as_str).collect();
            let tags: Vec<(Upos, Xpos)> = tags[..n]
                .iter()
                .map(|&(u, x)| (Upos::from_index(u).unwrap(), Xpos::from_index(x).unwrap()))
                .collect();
            let mut out = Vec::new();
            parser.parse(&forms, &tags, &mut ParseBuffers::default(), &mut out);
            proptest::prop_assert_eq!(out.len(), n);
            assert_tree(&out);
        }
    }

    #[test]
    fn a_long_sentence_is_parsed_in_pieces() {
        let parser = trained();
        let forms = vec!["troops"; 1000];
        let tags = vec![(Upos::Noun, Xpos::parse("NNS").unwrap()); 1000];
        let mut out = Vec::new();
        parser.parse(&forms, &tags, &mut ParseBuffers::default(), &mut out);
        assert_eq!(out.len(), 1000);
        assert_tree(&out);
    }
}
