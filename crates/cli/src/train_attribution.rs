//! `storyline train attribution`: learn the quotes stage's judge (which found quotes are real
//! attributions) from PolNeAR-style folders (`input.jsonl` + `gold.jsonl`) and print dev
//! figures before and after it.
//!
//! Each article runs through the standard pipeline; the quotes the rules find
//! (`QuoteFinder::candidates`) are labelled by matching them to the gold contents as the
//! attribution scorer does (a quote matches a content when it covers at least half of its
//! characters; one to one, greedy by overlap quality). Gold offsets are mapped onto the
//! cleaned text word by word, skipping words the clean stage removed or changed; an article
//! where fewer than nine in ten cleaned words find their gold word is left out (and counted).

use std::collections::HashMap;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;
use serde_json::Value;
use storyline_pipeline::Pipeline;
use storyline_quotes::{example_features, is_judged, Judge, QuoteFinder};
use storyline_record::{Metadata, QuoteKind};

use crate::messages;
use crate::train::write_model;

/// Flags of `storyline train attribution`.
#[derive(Args, Debug)]
pub struct AttributionTrainFlags {
    /// Training folder with `input.jsonl` (`id`, `text`) and `gold.jsonl` (`id`, `text`,
    /// `attributions` with `content_fragments` and `direct`).
    #[arg(
        long,
        value_name = "DIR",
        default_value = "../shared/corpora/polnear/train"
    )]
    pub train: String,
    /// Dev folder in the same format, scored before and after the judge.
    #[arg(
        long,
        value_name = "DIR",
        default_value = "../shared/corpora/polnear/dev"
    )]
    pub dev: String,
    /// Model file to write.
    #[arg(long, value_name = "FILE", default_value = "models/attribution.stlm")]
    pub out: String,
    /// Passes over the training data.
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub epochs: usize,
    /// Seed of the per-epoch shuffle.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub seed: u64,
}

/// One article's found quotes: features, whether each is real, whether each is direct (or
/// partial), whether the judge weighs it, and the article's gold counts (all, direct).
struct Labelled {
    judged: Vec<bool>,
    open: Vec<bool>,
    /// How each was found (`Candidate::via`, `open-` before it for open-class cues).
    via: Vec<String>,
    feats: Vec<Vec<u64>>,
    real: Vec<bool>,
    real_direct: Vec<bool>,
    direct: Vec<bool>,
    gold: (usize, usize),
}

/// Runs `storyline train attribution`.
pub fn train_attribution(flags: &AttributionTrainFlags) -> Result<()> {
    let start = Instant::now();
    let train = load(&flags.train)?;
    let dev = load(&flags.dev)?;
    let examples: Vec<(Vec<u64>, bool)> = train
        .iter()
        .flat_map(|d| {
            (0..d.feats.len())
                .filter(|&i| d.judged[i])
                .map(|i| (d.feats[i].clone(), d.real[i]))
        })
        .collect();
    anyhow::ensure!(
        !examples.is_empty(),
        "no training examples in {}",
        flags.train
    );
    let positives = examples.iter().filter(|e| e.1).count();
    eprintln!(
        "training on {} found quotes ({positives} real) from {} articles",
        examples.len(),
        train.len()
    );
    let facts = serde_json::json!({
        "data": flags.train, "articles": train.len(), "examples": examples.len(),
        "epochs": flags.epochs, "seed": flags.seed,
    });
    let judge = Judge::train(&examples, flags.epochs, flags.seed, facts);
    let bytes = write_model(&flags.out, |w| judge.write(w).map_err(anyhow::Error::from))?;
    println!(
        "dev ({} articles), quotes matched as the scorer does:",
        dev.len()
    );
    println!("            all P  all R  all F1  direct P  direct R  direct F1");
    print_figures("rules", &dev, |_, _| true);
    print_figures("rules+judge", &dev, |d, i| {
        !d.judged[i] || judge.keeps_with(&d.feats[i], d.open[i])
    });
    print_origins(&dev, &judge);
    eprintln!(
        "wrote {}: {:.2} MB, {} weights; {:.0}s in all",
        flags.out,
        bytes as f64 / 1e6,
        judge.n_weights(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Per origin of the dev candidates (how the content was found, `open-` for open-class cues):
/// how many, how many real, and how many real and false ones the judge keeps.
fn print_origins(docs: &[Labelled], judge: &Judge) {
    let mut table: std::collections::BTreeMap<&str, [usize; 4]> = Default::default();
    for d in docs {
        for i in 0..d.feats.len() {
            let kept = !d.judged[i] || judge.keeps_with(&d.feats[i], d.open[i]);
            let row = table.entry(d.via[i].as_str()).or_default();
            row[0] += 1;
            row[1] += d.real[i] as usize;
            row[2] += (kept && d.real[i]) as usize;
            row[3] += (kept && !d.real[i]) as usize;
        }
    }
    eprintln!("origin (dev)         found   real  kept real  kept false");
    for (origin, [n, real, kr, kf]) in table {
        let origin = if origin.is_empty() {
            "in marks"
        } else {
            origin
        };
        eprintln!("{origin:<20} {n:>5}  {real:>5}  {kr:>9}  {kf:>10}");
    }
}

fn print_figures(name: &str, docs: &[Labelled], keep: impl Fn(&Labelled, usize) -> bool) {
    let (mut tp, mut pred, mut gold) = (0, 0, 0);
    let (mut dtp, mut dpred, mut dgold) = (0, 0, 0);
    for d in docs {
        gold += d.gold.0;
        dgold += d.gold.1;
        for i in 0..d.feats.len() {
            if keep(d, i) {
                pred += 1;
                tp += d.real[i] as usize;
                if d.direct[i] {
                    dpred += 1;
                    dtp += d.real_direct[i] as usize;
                }
            }
        }
    }
    let f = |tp: usize, pred: usize, gold: usize| {
        let p = tp as f64 / pred.max(1) as f64;
        let r = tp as f64 / gold.max(1) as f64;
        (
            p,
            r,
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            },
        )
    };
    let (p, r, f1) = f(tp, pred, gold);
    let (dp, dr, df) = f(dtp, dpred, dgold);
    println!("{name:<11} {p:.3}  {r:.3}  {f1:.3}   {dp:.3}     {dr:.3}     {df:.3}");
}

/// Reads a folder, runs every article through the pipeline and labels its found quotes.
fn load(dir: &str) -> Result<Vec<Labelled>> {
    let inputs = read_jsonl(&format!("{dir}/input.jsonl"))?;
    let golds: HashMap<String, Value> = read_jsonl(&format!("{dir}/gold.jsonl"))?
        .into_iter()
        .filter_map(|g| Some((g["id"].as_str()?.to_string(), g)))
        .collect();
    let pipeline = Pipeline::through_entities();
    let finder = QuoteFinder::new();
    let (mut out, mut changed) = (Vec::new(), 0);
    for input in inputs {
        let (Some(id), Some(text)) = (input["id"].as_str(), input["text"].as_str()) else {
            continue;
        };
        let Some(gold) = golds.get(id) else { continue };
        let gold_text = gold["text"].as_str().unwrap_or(text);
        let article = pipeline.process(id.to_string(), text.to_string(), Metadata::default());
        let Some(map) = word_map(gold_text, &article.text) else {
            changed += 1;
            continue;
        };
        let mut contents = Vec::new();
        let mut directs = Vec::new();
        for a in gold["attributions"].as_array().into_iter().flatten() {
            let frags: Vec<(usize, usize)> = a["content_fragments"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|f| Some((f[0].as_u64()? as usize, f[1].as_u64()? as usize)))
                .filter_map(|(s, e)| map.span(s, e))
                .collect();
            directs.push(a["direct"].as_bool() == Some(true));
            contents.push(frags);
        }
        let quotes = finder.candidates(&article);
        let spans: Vec<(usize, usize)> = quotes
            .iter()
            .map(|c| (c.quote.span.start(), c.quote.span.end()))
            .collect();
        let direct: Vec<bool> = quotes
            .iter()
            .map(|c| c.quote.kind != QuoteKind::Indirect)
            .collect();
        let real = matched(&spans, &contents, |_, _| true);
        let real_direct = matched(&spans, &contents, |p, g| direct[p] && directs[g]);
        out.push(Labelled {
            judged: (0..quotes.len()).map(|i| is_judged(&quotes, i)).collect(),
            open: quotes.iter().map(|c| c.open).collect(),
            via: quotes
                .iter()
                .map(|c| format!("{}{}", if c.open { "open-" } else { "" }, c.via))
                .collect(),
            feats: example_features(&article.text, &article.tokens, &quotes),
            real,
            real_direct,
            direct,
            gold: (contents.len(), directs.iter().filter(|d| **d).count()),
        });
    }
    eprintln!(
        "{dir}: {} articles labelled, {changed} left out (clean changed too many of their words)",
        out.len()
    );
    Ok(out)
}

/// Which predictions match a gold content (among the pairs `eligible` allows): one to one,
/// greedy by overlap quality, a match covering at least half the content's characters.
fn matched(
    preds: &[(usize, usize)],
    golds: &[Vec<(usize, usize)>],
    eligible: impl Fn(usize, usize) -> bool,
) -> Vec<bool> {
    let mut pairs = Vec::new();
    for (gi, frags) in golds.iter().enumerate() {
        let glen: usize = frags.iter().map(|(s, e)| e - s).sum();
        for (pi, &(ps, pe)) in preds.iter().enumerate() {
            let c: usize = frags
                .iter()
                .map(|&(s, e)| pe.min(e).saturating_sub(ps.max(s)))
                .sum();
            if c > 0 && 2 * c >= glen && eligible(pi, gi) {
                let quality = c as f64 / (pe - ps + glen - c) as f64;
                pairs.push((quality, c, pi, gi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut used_g = vec![false; golds.len()];
    let mut real = vec![false; preds.len()];
    for (_, _, pi, gi) in pairs {
        if !real[pi] && !used_g[gi] {
            real[pi] = true;
            used_g[gi] = true;
        }
    }
    real
}

/// Maps code-point offsets of the gold text onto byte offsets of the cleaned text through
/// their words (runs of alphanumeric characters), which must be the same in both.
struct WordMap {
    /// (gold start, gold end) in code points and (start, end) in the cleaned text's bytes.
    words: Vec<((usize, usize), (usize, usize))>,
}

impl WordMap {
    /// The cleaned-text span of the words inside gold `[s, e)`, if any.
    fn span(&self, s: usize, e: usize) -> Option<(usize, usize)> {
        let a = self.words.partition_point(|w| w.0 .0 < s);
        let b = self.words.partition_point(|w| w.0 .1 <= e);
        (a < b).then(|| (self.words[a].1 .0, self.words[b - 1].1 .1))
    }
}

fn words(text: &str, code_points: bool) -> Vec<((usize, usize), &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (n, (i, c)) in text.char_indices().enumerate() {
        let at = if code_points { n } else { i };
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some((at, i)),
            (false, Some((s, b))) => {
                out.push(((s, at), &text[b..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some((s, b)) = start {
        let end = if code_points {
            text.chars().count()
        } else {
            text.len()
        };
        out.push(((s, end), &text[b..]));
    }
    out
}

/// Pairs the words of the gold text with those of the cleaned text: equal words in order,
/// skipping words clean removed or changed (up to the nearest place where three words agree
/// again). `None` when fewer than nine in ten cleaned words find their gold word.
fn word_map(gold: &str, cleaned: &str) -> Option<WordMap> {
    let g = words(gold, true);
    let c = words(cleaned, false);
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < g.len() && j < c.len() {
        if g[i].1 == c[j].1 {
            pairs.push((g[i].0, c[j].0));
            i += 1;
            j += 1;
            continue;
        }
        let Some((di, dj)) = resync(&g[i..], &c[j..]) else {
            break;
        };
        i += di;
        j += dj;
    }
    (10 * pairs.len() >= 9 * c.len()).then_some(WordMap { words: pairs })
}

/// The smallest skips `(in a, in b)` after which three words of `a` and `b` agree.
fn resync(a: &[((usize, usize), &str)], b: &[((usize, usize), &str)]) -> Option<(usize, usize)> {
    const WINDOW: usize = 60;
    let agree = |x: usize, y: usize| {
        (0..3).all(|k| matches!((a.get(x + k), b.get(y + k)), (Some(p), Some(q)) if p.1 == q.1))
    };
    (1..=2 * WINDOW).find_map(|d| {
        (0..=d)
            .map(|x| (x, d - x))
            .find(|&(x, y)| x <= WINDOW && y <= WINDOW && agree(x, y))
    })
}

fn read_jsonl(path: &str) -> Result<Vec<Value>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {path}"))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str(line) {
            Ok(v) => out.push(v),
            Err(e) => messages::input_error(&format!("{path}:{}: {e}", n + 1)),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_code_points_map_onto_cleaned_bytes_by_words() {
        let map = word_map("“Né,” he said.", "\"Né,\" he said.").unwrap();
        assert_eq!(map.span(1, 3), Some((1, 4)));
        assert!(word_map("one two", "one three").is_none());
        // a line clean removed is skipped; the words after it still map
        let map = word_map(
            "By Kim Lee\nThe plan failed, he said.",
            "The plan failed, he said.",
        )
        .unwrap();
        assert_eq!(map.span(11, 19), Some((0, 8)));
    }

    #[test]
    fn matching_is_one_to_one_and_needs_half_the_content() {
        let preds = [(0, 10), (0, 4), (20, 22)];
        let golds = vec![vec![(0, 10)], vec![(20, 30)]];
        assert_eq!(matched(&preds, &golds, |_, _| true), [true, false, false]);
    }
}
