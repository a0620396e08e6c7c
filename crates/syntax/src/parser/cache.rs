//! Partial sums of the transition classifier's scores that outlive one transition.
//!
//! Some of the parser's feature templates read only the fixed atoms (form, tag, suffix) of
//! one word in one role (the stack top, its head, a dependent…), and some only the buffer
//! front and the two words after it. A word keeps its role over several transitions, and the
//! buffer front stays while the stack is reduced, so the sum of those templates' weights is
//! looked up once per sentence and reused (by every state of a beam, too). Scores are sums of
//! integers: adding the saved sums gives exactly the scores of looking up every feature, so
//! the parse is the same.

use storyline_learn::{FeatureHasher, Model, Trainer};

use super::features::{front_features, role_features, role_words, state_features, Atoms, ROLES};
use super::state::{Move, State, NONE};

/// Scores of the transition classes.
pub(crate) type Scores = [i32; Move::CLASSES];

/// Transition weights the cache can sum: a trained model, or a trainer's current weights
/// (which stay fixed while one training sentence is searched).
pub(crate) trait Weights {
    /// The class scores of `feats`, into `out`.
    fn scores(&self, feats: &[u64], out: &mut Scores);
    /// Asks for the memory of `feats`' weights ahead of [`Weights::scores`].
    fn prefetch(&self, _feats: &[u64]) {}
}

impl Weights for Model {
    fn scores(&self, feats: &[u64], out: &mut Scores) {
        Model::scores(self, feats, out);
    }
    fn prefetch(&self, feats: &[u64]) {
        Model::prefetch(self, feats);
    }
}

impl Weights for Trainer {
    fn scores(&self, feats: &[u64], out: &mut Scores) {
        let mut wide = [0i64; Move::CLASSES];
        Trainer::scores(self, feats, &mut wide);
        for (o, w) in out.iter_mut().zip(wide) {
            *o = w.clamp(i32::MIN as i64, i32::MAX as i64) as i32;
        }
    }
}

/// The saved sums of one sentence (reset before each).
#[derive(Debug, Default)]
pub(crate) struct ScoreCache {
    /// Words of the sentence; word `n + 1` of `roles` stands for no word.
    n: usize,
    /// The sum of each word's templates in each role, once looked up (word-major).
    roles: Vec<Option<Scores>>,
    /// The sum of the buffer-front templates for each front position, once looked up
    /// (beam search visits states whose fronts differ).
    fronts: Vec<Option<Scores>>,
    /// Features of the templates that change with every transition.
    feats: Vec<u64>,
    /// Features of one front or role sum being looked up.
    part: Vec<u64>,
}

impl ScoreCache {
    /// Forgets the sums of the previous sentence and makes room for one of `n` words.
    pub fn reset(&mut self, n: usize) {
        self.n = n;
        self.fronts.clear();
        self.fronts.resize(n + 2, None);
        self.roles.clear();
        self.roles.resize((n + 2) * ROLES, None);
    }

    /// The transition scores of `st`: the same as `model.scores` over every feature of
    /// `extract`.
    pub fn scores(
        &mut self,
        model: &impl Weights,
        h: &FeatureHasher,
        a: &Atoms,
        st: &State,
    ) -> Scores {
        let roles = role_words(st);
        let slot = |i: u32, role: usize| {
            let word = if i == NONE { self.n + 1 } else { i as usize };
            word * ROLES + role
        };
        self.feats.clear();
        state_features(h, a, st, &roles, &mut self.feats);
        // Gather every feature to look up (the sums not saved yet among them) and ask for
        // all their slots first, so that the memory reads overlap instead of waiting one
        // after another.
        self.part.clear();
        let front = st.b.min(self.n + 1);
        let stale = self.fronts[front].is_none();
        if stale {
            front_features(h, a, st.n, st.b, &mut self.part);
        }
        let mut ends = [self.part.len(); ROLES + 1];
        for (role, &i) in roles.iter().enumerate() {
            if self.roles[slot(i, role)].is_none() {
                role_features(h, a, role, i, &mut self.part);
            }
            ends[role + 1] = self.part.len();
        }
        model.prefetch(&self.part);
        model.prefetch(&self.feats);
        let mut sums = match self.fronts[front] {
            Some(row) => row,
            None => {
                let mut row = [0; Move::CLASSES];
                model.scores(&self.part[..ends[0]], &mut row);
                self.fronts[front] = Some(row);
                row
            }
        };
        for (role, &i) in roles.iter().enumerate() {
            let k = slot(i, role);
            let row = match self.roles[k] {
                Some(row) => row,
                None => {
                    let mut row = [0; Move::CLASSES];
                    model.scores(&self.part[ends[role]..ends[role + 1]], &mut row);
                    self.roles[k] = Some(row);
                    row
                }
            };
            add(&mut sums, &row);
        }
        let mut rest = [0; Move::CLASSES];
        model.scores(&self.feats, &mut rest);
        add(&mut sums, &rest);
        sums
    }
}

/// Adds `row` to `sums`, class by class.
fn add(sums: &mut Scores, row: &Scores) {
    for (s, r) in sums.iter_mut().zip(row) {
        *s += r;
    }
}

#[cfg(test)]
mod tests {
    use storyline_record::{Upos, Xpos};

    use super::*;
    use crate::models::shipped;
    use crate::parser::features::extract;
    use crate::parser::{tag_code, Parser};

    /// Walks every state of a parse whose moves a fixed-seed generator picks among the valid
    /// ones (so that the states are varied, not only the greedy parser's) and checks that the
    /// saved sums give the scores of looking up every feature.
    fn check(parser: &Parser, sentence: &[(&str, &str, &str)], seed: u64) -> usize {
        let forms: Vec<&str> = sentence.iter().map(|w| w.0).collect();
        let codes: Vec<u64> = sentence
            .iter()
            .map(|&(_, u, x)| tag_code(Upos::parse(u).unwrap(), Xpos::parse(x).unwrap()))
            .collect();
        let (th, _) = Parser::hashers();
        let (mut atoms, mut st, mut cache) =
            (Atoms::default(), State::new(), ScoreCache::default());
        atoms.fill(&forms, &codes);
        st.reset(forms.len());
        cache.reset(forms.len());
        let (mut feats, mut rng, mut checked) = (Vec::new(), seed, 0);
        while !st.is_final() {
            let mut all = [0; Move::CLASSES];
            extract(&th, &atoms, &st, &mut feats);
            parser.model.scores(&feats, &mut all);
            assert_eq!(cache.scores(&parser.model, &th, &atoms, &st), all);
            checked += 1;
            rng = rng
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let valid: Vec<Move> = (0..Move::CLASSES)
                .map(|c| Move::of_class(c, (rng >> 40) as u8 % 30))
                .filter(|&m| st.valid(m))
                .collect();
            st.apply(valid[(rng >> 33) as usize % valid.len()]);
        }
        checked
    }

    #[test]
    fn saved_sums_give_the_scores_of_every_feature() {
        let parser = &shipped().parser;
        let sentences: [&[(&str, &str, &str)]; 3] = [
            &[
                ("Troops", "NOUN", "NNS"),
                ("arrived", "VERB", "VBD"),
                ("in", "ADP", "IN"),
                ("Kyiv", "PROPN", "NNP"),
                (".", "PUNCT", "."),
            ],
            &[
                ("The", "DET", "DT"),
                ("minister", "NOUN", "NN"),
                ("said", "VERB", "VBD"),
                ("the", "DET", "DT"),
                ("talks", "NOUN", "NNS"),
                ("with", "ADP", "IN"),
                ("NATO", "PROPN", "NNP"),
                ("had", "AUX", "VBD"),
                ("failed", "VERB", "VBN"),
                ("on", "ADP", "IN"),
                ("Monday", "PROPN", "NNP"),
                (",", "PUNCT", ","),
                ("officials", "NOUN", "NNS"),
                ("said", "VERB", "VBD"),
                (".", "PUNCT", "."),
            ],
            &[("Zzyzx", "PROPN", "NNP")],
        ];
        let mut checked = 0;
        for (seed, sentence) in sentences.iter().enumerate() {
            for round in 0..8 {
                checked += check(parser, sentence, (seed * 8 + round) as u64);
            }
        }
        assert!(checked > 200, "{checked} states");
    }
}
