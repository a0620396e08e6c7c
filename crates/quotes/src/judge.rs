//! The learned judge: decides which of the attributions the rules find are real ones.
//!
//! The rules over-generate in ways that depend on context they cannot weigh one at a time: a
//! partial quote inside reported speech (annotated as part of that attribution), a quote whose
//! only "speaker" is a noun like "the comments", reported clauses of weak cues. The judge is a
//! two-class averaged perceptron (`storyline_learn`) over features of each found quote — its
//! kind and cue, the part of speech and position of its source mention, its length, first word
//! and the marks before it, whether it lies inside or around another found quote — trained by
//! `storyline train attribution` on PolNeAR and shipped as `models/attribution.stlm`.

use std::io::Write;
use std::sync::OnceLock;

use storyline_learn::{hash_str, FeatureHasher, Model, ModelError, ModelFile, Trainer};
use storyline_record::{EntityType, Quote, QuoteKind, Token};

/// Model kind written in the file header.
const KIND: &str = "attribution";
/// Names the feature templates below; change it whenever they change.
const TEMPLATES: &str = "attribution-judge v3: bias kind cue kind*cue shape kind*shape side \
                         entity len kind*len first kind*inside kind*around pre open via \
                         open*via lemma*open*via open*lemma*source lemma*via deprel open*deprel xpos \
                         source-head open*source-head lemma*source open*entity first*via \
                         lemma*cue-end source-type lemma*source-type via*source-type \
                         content-head cue-end*content-head lemma*content-head suffix";
/// How much more (in the model's quantised units) an open-class candidate must score for
/// keeping than for dropping. Other stages read every reported-speech span as someone else's
/// voice (framing): at 0 the framing stage's held-out precision fell to 0.833; at 4,000 it
/// holds, for about 0.003 of PolNeAR dev all-F1.
pub const OPEN_MARGIN: i32 = 4000;
/// Class of a quote the judge drops.
const DROP: usize = 0;
/// Class of a quote the judge keeps.
const KEEP: usize = 1;

static BYTES: &[u8] = include_bytes!("../../../models/attribution.stlm");
static SHIPPED: OnceLock<Judge> = OnceLock::new();

/// A found quote with how it was found, as the judge reads it.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The quote as the record would hold it.
    pub quote: Quote,
    /// Token index of the cue word of reported speech (`None` for quotes in marks).
    pub cue_token: Option<usize>,
    /// How the content of reported speech was found (`"ccomp"`, `"xcomp"`, `"object"`,
    /// `"postposed"`, …); empty for quotes in marks.
    pub via: &'static str,
    /// Whether the cue is an open-class candidate, not a word of the cue list.
    pub open: bool,
    /// The type of the entity the source resolves to, if any.
    pub source_type: Option<EntityType>,
}

/// Scores found quotes: keep (a real attribution) or drop.
#[derive(Debug, Clone)]
pub struct Judge {
    model: Model,
    training: serde_json::Value,
}

/// The shipped judge, loaded on first call and shared afterwards.
///
/// # Panics
/// If the shipped model file does not load: it is part of the binary and tested, so this is a
/// build defect, never an input error.
pub fn shipped() -> &'static Judge {
    SHIPPED.get_or_init(|| Judge::from_bytes(BYTES).expect("the shipped attribution model loads"))
}

impl Judge {
    /// Reads a judge from model-file bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Judge, ModelError> {
        let file = ModelFile::read(bytes, KIND, hash_str(TEMPLATES))?;
        if file.model.n_classes() != 2 {
            return Err(ModelError::Malformed("unexpected number of classes"));
        }
        Ok(Judge {
            model: file.model,
            training: file.meta["training"].clone(),
        })
    }

    /// Writes the model file.
    pub fn write(&self, out: &mut impl Write) -> Result<(), ModelError> {
        let meta = serde_json::json!({ "classes": ["drop", "keep"], "training": self.training });
        ModelFile::new(KIND, hash_str(TEMPLATES), meta, self.model.clone()).write(out)
    }

    /// Number of non-zero weights.
    pub fn n_weights(&self) -> usize {
        self.model.n_weights()
    }

    /// Whether to keep each of `quotes` (found in `text` with its token layer `tokens`); quotes
    /// the judge does not weigh ([`is_judged`]) are kept.
    pub fn verdicts(&self, text: &str, tokens: &[Token], found: &[Candidate]) -> Vec<bool> {
        let hasher = FeatureHasher::new(SEED);
        let mut feats = Vec::new();
        let nest = nesting(found);
        (0..found.len())
            .map(|i| {
                if !is_judged(found, i) {
                    return true;
                }
                features(&hasher, text, tokens, found, i, nest[i], &mut feats);
                self.keeps_with(&feats, found[i].open)
            })
            .collect()
    }

    /// Whether to keep a found quote with these features ([`example_features`]).
    pub fn keeps(&self, feats: &[u64]) -> bool {
        self.keeps_with(feats, false)
    }

    /// Whether to keep a found quote with these features; an open-class candidate needs
    /// [`OPEN_MARGIN`] more for keeping than for dropping.
    pub fn keeps_with(&self, feats: &[u64], open: bool) -> bool {
        let mut scores = [0i32; 2];
        self.model.scores(feats, &mut scores);
        scores[KEEP] - scores[DROP] >= if open { OPEN_MARGIN } else { 0 }
    }

    /// Learns a judge from examples: the features of every found quote of a training article
    /// ([`example_features`]) with whether it is a real attribution. Deterministic: the
    /// examples are visited in a seeded order that depends only on `seed` and their number.
    pub fn train(
        examples: &[(Vec<u64>, bool)],
        epochs: usize,
        seed: u64,
        training: serde_json::Value,
    ) -> Judge {
        let mut trainer = Trainer::new(2);
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        for _ in 0..epochs {
            // Fisher–Yates with a xorshift generator: same seed, same order.
            for i in (1..order.len()).rev() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                order.swap(i, (state % (i as u64 + 1)) as usize);
            }
            for &i in &order {
                let (feats, real) = &examples[i];
                trainer.learn(feats, if *real { KEEP } else { DROP });
            }
        }
        Judge {
            model: trainer.finish(0.0),
            training,
        }
    }
}

/// Whether the judge weighs `quotes[i]`: reported speech only, not a labelled paragraph. Words in quotation marks are
/// always kept: the record lists every quoted passage (a partial quote inside reported speech,
/// `she said the plan was "a disaster"`, or beside a noun, `called it "a disaster"`), where
/// PolNeAR's annotation folds them into one attribution or leaves them out, so its labels
/// would teach the judge to drop quotations the record promises.
pub fn is_judged(found: &[Candidate], i: usize) -> bool {
    found[i].quote.kind == QuoteKind::Indirect && found[i].via != crate::labels::VIA
}

/// For every found quote at once: whether it lies inside a reported-speech candidate, and
/// whether it holds another found quote (identical spans are neither). Two sweeps over the
/// spans in order, O(n log n); asking each quote against all the others was quadratic on
/// name-dense pages.
fn nesting(found: &[Candidate]) -> Vec<(bool, bool)> {
    let span = |k: usize| (found[k].quote.span.start(), found[k].quote.span.end());
    let mut order: Vec<usize> = (0..found.len()).collect();
    // Inside: before a quote in (start, end descending) order come exactly the spans that
    // start before it, or at it and end later; one of them holds it when it is reported
    // speech ending no earlier.
    order.sort_by_key(|&k| (span(k).0, std::cmp::Reverse(span(k).1)));
    let reported = |k: usize| found[k].quote.kind == QuoteKind::Indirect;
    let inside = sweep(&order, span, reported, |end, seen| seen >= end, usize::max);
    // Around: before it in (start descending, end) order come the spans that start after it,
    // or at it and end earlier; one of them lies inside it when it ends no later.
    order.sort_by_key(|&k| (std::cmp::Reverse(span(k).0), span(k).1));
    let around = sweep(&order, span, |_| true, |end, seen| seen <= end, usize::min);
    inside.into_iter().zip(around).collect()
}

/// Walks `order` in groups of identical spans: a quote's flag is whether `holds(its end, the
/// ends the quotes that `counts` accepts before its group fold to)`.
fn sweep(
    order: &[usize],
    span: impl Fn(usize) -> (usize, usize),
    counts: impl Fn(usize) -> bool,
    holds: impl Fn(usize, usize) -> bool,
    fold: fn(usize, usize) -> usize,
) -> Vec<bool> {
    let mut flags = vec![false; order.len()];
    let mut seen: Option<usize> = None;
    let mut g = 0;
    while g < order.len() {
        let (_, end) = span(order[g]);
        let group = order[g..]
            .iter()
            .take_while(|&&k| span(k) == span(order[g]))
            .count();
        for &k in &order[g..g + group] {
            flags[k] = seen.is_some_and(|s| holds(end, s));
        }
        if order[g..g + group].iter().any(|&k| counts(k)) {
            seen = Some(seen.map_or(end, |s| fold(s, end)));
        }
        g += group;
    }
    flags
}

/// Seed of the feature hasher.
const SEED: u64 = 0x5354_4c41_5454_5231;

/// The judge's features of every found quote (as [`Judge::train`] takes them).
pub fn example_features(text: &str, tokens: &[Token], found: &[Candidate]) -> Vec<Vec<u64>> {
    let hasher = FeatureHasher::new(SEED);
    let nest = nesting(found);
    (0..found.len())
        .map(|i| {
            let mut out = Vec::new();
            features(&hasher, text, tokens, found, i, nest[i], &mut out);
            out
        })
        .collect()
}

fn features(
    h: &FeatureHasher,
    text: &str,
    tokens: &[Token],
    found: &[Candidate],
    i: usize,
    (inside, around): (bool, bool),
    out: &mut Vec<u64>,
) {
    out.clear();
    let q = &found[i].quote;
    let kind = q.kind as u64 + 1;
    let cue = hash_str(&q.cue.as_deref().unwrap_or("").to_lowercase());
    out.push(h.feature(0, &[]));
    out.push(h.feature(1, &[kind]));
    out.push(h.feature(2, &[cue]));
    out.push(h.feature(3, &[kind, cue]));
    let (shape, side) = match q.speaker_span {
        None => (0, 0),
        Some(s) => {
            let shape = token_at(tokens, s.start()).map_or(1, |t| {
                let len = tokens_in(tokens, s.start(), s.end()).min(3) as u64;
                hash_str(t.upos.name())
                    .wrapping_mul(4)
                    .wrapping_add(2 + len)
            });
            let (after, gap) = if s.start() >= q.span.end() {
                (1, s.start() - q.span.end())
            } else {
                (2, q.span.start().saturating_sub(s.end()))
            };
            (shape, after * 8 + (gap / 20).min(5) as u64)
        }
    };
    out.push(h.feature(4, &[shape]));
    out.push(h.feature(5, &[kind, shape]));
    out.push(h.feature(6, &[side]));
    out.push(h.feature(7, &[q.speaker_entity.is_some() as u64]));
    let words = tokens_in(tokens, q.span.start(), q.span.end());
    let len = match words {
        0..=2 => 0,
        3..=5 => 1,
        6..=11 => 2,
        12..=24 => 3,
        _ => 4,
    };
    out.push(h.feature(8, &[len]));
    out.push(h.feature(9, &[kind, len]));
    let first = token_at(tokens, q.span.start()).map_or(0, |t| hash_str(&t.norm));
    out.push(h.feature(10, &[first]));
    out.push(h.feature(11, &[kind, inside as u64]));
    out.push(h.feature(12, &[kind, around as u64]));
    let pre: String = text[..q.span.start()]
        .chars()
        .rev()
        .take(2)
        .map(|c| if c.is_alphanumeric() { 'a' } else { c })
        .collect();
    out.push(h.feature(13, &[hash_str(&pre)]));
    cue_features(h, tokens, &found[i], first, out);
}

/// Features of how reported speech was found: open-class or listed cue, the relation that
/// gave its content, the cue's lemma, relation and tag, the head word of its source.
fn cue_features(
    h: &FeatureHasher,
    tokens: &[Token],
    c: &Candidate,
    first: u64,
    out: &mut Vec<u64>,
) {
    let open = c.open as u64 + 1;
    let via = hash_str(c.via);
    let cue = c.cue_token.and_then(|k| tokens.get(k));
    let lemma = cue.map_or(0, |t| hash_str(&t.lemma.to_lowercase()));
    let deprel = cue.map_or(0, |t| hash_str(t.deprel.name()));
    let xpos = cue.map_or(0, |t| hash_str(t.xpos.name()));
    let source = c.quote.speaker_span.map_or(0, |s| {
        let i = tokens.partition_point(|t| t.span.end() < s.end());
        tokens
            .get(i)
            .map_or(1, |t| hash_str(&t.norm.to_lowercase()))
    });
    out.push(h.feature(14, &[open]));
    out.push(h.feature(15, &[via]));
    out.push(h.feature(16, &[open, via]));
    out.push(h.feature(17, &[lemma, open, via]));
    out.push(h.feature(18, &[open, lemma, (c.quote.speaker_span.is_some()) as u64]));
    out.push(h.feature(19, &[lemma, via]));
    out.push(h.feature(20, &[deprel]));
    out.push(h.feature(21, &[open, deprel]));
    out.push(h.feature(22, &[xpos]));
    out.push(h.feature(23, &[source]));
    out.push(h.feature(24, &[open, source]));
    out.push(h.feature(25, &[lemma, (source != 0) as u64]));
    out.push(h.feature(26, &[open, c.quote.speaker_entity.is_some() as u64]));
    out.push(h.feature(27, &[first, via]));
    let cue_end = c
        .quote
        .cue
        .as_deref()
        .and_then(|w| w.split(' ').next_back());
    let cue_end = hash_str(&cue_end.unwrap_or("").to_lowercase());
    out.push(h.feature(28, &[lemma, cue_end]));
    let source_type = c.source_type.map_or(0, |t| t as u64 + 1);
    out.push(h.feature(29, &[source_type]));
    out.push(h.feature(30, &[lemma, source_type]));
    out.push(h.feature(31, &[via, source_type]));
    let head = content_head(tokens, c.quote.span.start(), c.quote.span.end())
        .map_or(0, |t| hash_str(t.upos.name()));
    out.push(h.feature(32, &[head]));
    out.push(h.feature(33, &[cue_end, head]));
    out.push(h.feature(34, &[lemma, head]));
    let suffix: String = cue
        .map(|t| t.lemma.chars().rev().take(3).collect())
        .unwrap_or_default();
    out.push(h.feature(35, &[open, hash_str(&suffix)]));
}

/// The token of `[start, end)` whose head lies outside it (the first such).
fn content_head(tokens: &[Token], start: usize, end: usize) -> Option<&Token> {
    let a = tokens.partition_point(|t| t.span.start() < start);
    let b = tokens.partition_point(|t| t.span.end() <= end);
    (a..b)
        .map(|k| &tokens[k])
        .find(|t| t.head.is_none_or(|h| !(a..b).contains(&(h as usize))))
}

/// The token that starts at or covers byte `at`, if any.
fn token_at(tokens: &[Token], at: usize) -> Option<&Token> {
    let i = tokens.partition_point(|t| t.span.end() <= at);
    tokens.get(i).filter(|t| t.span.start() <= at + 1)
}

/// Number of tokens inside `[start, end)`.
fn tokens_in(tokens: &[Token], start: usize, end: usize) -> usize {
    let a = tokens.partition_point(|t| t.span.start() < start);
    let b = tokens.partition_point(|t| t.span.end() <= end);
    b.saturating_sub(a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_record::Span;

    fn quote(start: usize, end: usize, kind: QuoteKind, cue: Option<&str>) -> Candidate {
        let quote = Quote {
            span: Span::new(start, end),
            speaker: None,
            speaker_span: None,
            speaker_entity: None,
            cue: cue.map(str::to_string),
            kind,
        };
        Candidate {
            quote,
            cue_token: cue.map(|_| 1),
            via: if kind == QuoteKind::Indirect {
                "ccomp"
            } else {
                ""
            },
            open: false,
            source_type: None,
        }
    }

    #[test]
    fn learns_from_examples_and_round_trips() {
        let text = "Kim said that the plan was \"a disaster\" for all.";
        let tokens = storyline_segment::tokenize(text);
        let quotes = [
            quote(9, 47, QuoteKind::Indirect, Some("said")),
            quote(28, 38, QuoteKind::Partial, Some("said")),
        ];
        let feats = example_features(text, &tokens, &quotes);
        let examples: Vec<(Vec<u64>, bool)> = feats.iter().cloned().zip([true, false]).collect();
        let judge = Judge::train(&examples, 5, 1, serde_json::json!({}));
        // the partial is in quotation marks: not the judge's to drop
        assert!(!is_judged(&quotes, 1));
        assert_eq!(judge.verdicts(text, &tokens, &quotes), [true, true]);
        assert!(!judge.keeps(&feats[1]));
        let mut bytes = Vec::new();
        judge.write(&mut bytes).unwrap();
        let again = Judge::from_bytes(&bytes).unwrap();
        assert!(again.keeps(&feats[0]));
        assert!(!again.keeps(&feats[1]));
        assert!(Judge::from_bytes(b"not a model").is_err());
    }

    #[test]
    fn nesting_is_asking_each_quote_against_every_other() {
        // Spans from a small linear congruential sequence: many overlaps, nestings and
        // identical spans, in no particular order.
        let mut x: u64 = 7;
        let mut next = |m: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % m
        };
        let found: Vec<Candidate> = (0..300)
            .map(|_| {
                let start = next(60) as usize;
                let end = start + next(20) as usize;
                let kind =
                    [QuoteKind::Indirect, QuoteKind::Direct, QuoteKind::Partial][next(3) as usize];
                quote(start, end, kind, None)
            })
            .collect();
        let nest = nesting(&found);
        for (i, q) in found.iter().enumerate() {
            let q = q.quote.span;
            let inside = found.iter().enumerate().any(|(j, o)| {
                j != i
                    && o.quote.kind == QuoteKind::Indirect
                    && o.quote.span.contains(q)
                    && o.quote.span != q
            });
            let around = found
                .iter()
                .enumerate()
                .any(|(j, o)| j != i && q.contains(o.quote.span) && o.quote.span != q);
            assert_eq!(nest[i], (inside, around), "quote {i} at {q:?}");
        }
    }

    #[test]
    fn features_stay_inside_the_text_at_its_edges() {
        let text = "\u{201c}Né\u{201d}";
        let tokens = storyline_segment::tokenize(text);
        let quotes = [quote(3, 6, QuoteKind::Direct, None)];
        assert_eq!(example_features(text, &tokens, &quotes)[0].len(), 36);
    }

    #[test]
    fn the_shipped_judge_loads() {
        assert!(shipped().n_weights() > 0);
    }
}
