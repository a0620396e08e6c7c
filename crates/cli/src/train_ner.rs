//! `storyline train ner`: train the entity tagger on CoNLL-2003 (and GUM, when asked) and write
//! the model file, or (`--eval`) score a model file on annotated documents.

use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;
use storyline_ner::corpus::{read_conll2003, Document};
use storyline_ner::gum::read_gum;
use storyline_ner::{evaluate, NerScores, NerTagger};
use storyline_syntax::form::model_forms;
use storyline_syntax::train::TrainOptions;

use crate::messages;
use crate::train::{collect_files, progress, write_model};

/// Flags of `storyline train ner`.
#[derive(Args, Debug)]
pub struct NerTrainFlags {
    /// Training files in CoNLL-2003 format (`word POS chunk NER` lines, `-DOCSTART-`
    /// between documents).
    #[arg(long, num_args = 1.., value_name = "FILE",
          default_values_t = ["../shared/corpora/conll2003/train.txt".to_string()])]
    pub conll: Vec<String>,
    /// GUM CoNLL-U files or folders of them whose named mentions are trained on too (persons,
    /// places and organisations; named events, objects and abstractions as MISC), each
    /// corpus's conventions kept apart by feature augmentation. Not used by the shipped model
    /// (no gain that holds CoNLL-2003 dev; models/ner.md).
    #[arg(long, num_args = 1.., value_name = "PATH")]
    pub gum: Vec<String>,
    /// GUM files or folders (e.g. `../shared/corpora/gum/dev`) scored at the end, beside the
    /// dev files and never used to choose the epoch: how the tagger does on modern text of
    /// many genres rather than 1996 Reuters news.
    #[arg(long, num_args = 1.., value_name = "PATH")]
    pub gum_dev: Vec<String>,
    /// Dev files in the same format, scored after every epoch.
    #[arg(long, num_args = 1.., value_name = "FILE",
          default_values_t = ["../shared/corpora/conll2003/dev.txt".to_string()])]
    pub dev: Vec<String>,
    /// Model file to write.
    #[arg(long, value_name = "FILE", default_value = "models/ner.stlm")]
    pub out: String,
    /// Passes over the training data.
    #[arg(long, value_name = "N", default_value_t = 12)]
    pub epochs: usize,
    /// Seed of the per-epoch shuffle.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub seed: u64,
    /// Drop averaged weights below this magnitude (smaller, faster model).
    #[arg(long, value_name = "X", default_value_t = 0.0)]
    pub prune: f64,
    /// Do not train: score this model file on the --dev files and print the figures.
    #[arg(long, value_name = "MODEL")]
    pub eval: Option<String>,
}

/// Passes over the dev documents timed by `--eval`; the fastest is reported.
const EVAL_PASSES: usize = 10;

/// Runs `storyline train ner`.
pub fn train_ner(flags: &NerTrainFlags) -> Result<()> {
    let dev = load(&flags.dev)?;
    if let Some(path) = &flags.eval {
        let bytes = std::fs::read(path).with_context(|| format!("cannot read {path}"))?;
        let tagger =
            NerTagger::from_bytes(&bytes).with_context(|| format!("cannot load {path}"))?;
        // Speed: the first pass (the tagger's memory of gazetteer flags empty, caches cold)
        // and the best of a few.
        let (mut first, mut best) = (0.0, f64::INFINITY);
        let mut s = NerScores::default();
        for pass in 0..EVAL_PASSES {
            let start = Instant::now();
            s = evaluate(&tagger, &dev);
            let seconds = start.elapsed().as_secs_f64();
            if pass == 0 {
                first = seconds;
            }
            best = best.min(seconds);
        }
        print_scores(&s, first, best);
        print_gum_dev(&tagger, &flags.gum_dev)?;
        return Ok(());
    }
    let mut train = load(&flags.conll)?;
    train.extend(load_gum(&flags.gum)?);
    anyhow::ensure!(!train.is_empty(), "no training documents");
    let words: usize = train
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| s.forms.len())
        .sum();
    eprintln!(
        "training on {} documents ({words} words), dev {} documents",
        train.len(),
        dev.len()
    );
    let opts = TrainOptions {
        epochs: flags.epochs,
        seed: flags.seed,
        prune: flags.prune,
    };
    let start = Instant::now();
    let tagger = NerTagger::train(&train, &dev, &opts, &mut progress(opts.epochs));
    let seconds = start.elapsed().as_secs_f64();
    let bytes = write_model(&flags.out, |w| tagger.write(w).map_err(anyhow::Error::from))?;
    if !dev.is_empty() {
        eprintln!("kept epoch {}", tagger.training_facts()["kept_epoch"]);
        print_scores(&evaluate(&tagger, &dev), 0.0, 0.0);
    }
    print_gum_dev(&tagger, &flags.gum_dev)?;
    eprintln!(
        "wrote {}: {:.1} MB, {} weights; trained in {seconds:.0}s",
        flags.out,
        bytes as f64 / 1e6,
        tagger.n_weights(),
    );
    Ok(())
}

/// Prints the figures, and the speed of the first and of the best of [`EVAL_PASSES`] passes
/// (0: not timed).
fn print_scores(s: &NerScores, first: f64, seconds: f64) {
    println!("kind  precision  recall  F1      mentions");
    for (name, p) in [
        ("PER", s.by_kind[0]),
        ("ORG", s.by_kind[1]),
        ("LOC", s.by_kind[2]),
        ("all", s.all),
    ] {
        println!(
            "{name:<5} {:.4}     {:.4}  {:.4}  {}",
            p.precision(),
            p.recall(),
            p.f1(),
            p.gold
        );
    }
    if seconds > 0.0 {
        let per_word = |t: f64| t * 1e6 / s.words.max(1) as f64;
        println!(
            "{} words in {seconds:.3}s ({:.2} µs a word, wall clock, best of {EVAL_PASSES} passes, \
             with gazetteer look-ups; first pass {:.2} µs a word)",
            s.words,
            per_word(seconds),
            per_word(first)
        );
    }
}

/// Scores `tagger` on the GUM files `paths` and prints the figures, when there are any.
fn print_gum_dev(tagger: &NerTagger, paths: &[String]) -> Result<()> {
    let docs = load_gum(paths)?;
    if !docs.is_empty() {
        println!(
            "GUM ({} documents; not used for training or selection):",
            docs.len()
        );
        print_scores(&evaluate(tagger, &docs), 0.0, 0.0);
    }
    Ok(())
}

/// Reads CoNLL-2003 files and tags their words with the shipped part-of-speech tagger (as
/// at run time); malformed lines are reported (`FILE:LINE: reason`) and skipped.
fn load(paths: &[String]) -> Result<Vec<Document>> {
    let mut out = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {path}"))?;
        let (docs, errors) = read_conll2003(&text);
        for e in errors {
            messages::input_error(&format!("{path}:{}: {}", e.line, e.reason));
        }
        out.extend(docs);
    }
    tag(&mut out);
    Ok(out)
}

/// Reads GUM CoNLL-U files (a folder: its `.conllu` files in name order, as `train parse`
/// reads treebanks), one document each, tagged as [`load`] tags.
fn load_gum(paths: &[String]) -> Result<Vec<Document>> {
    let mut files = Vec::new();
    for path in paths {
        collect_files(std::path::Path::new(path), Some("conllu"), &mut files);
    }
    let mut out = Vec::new();
    for file in files {
        let shown = file.display();
        let text =
            std::fs::read_to_string(&file).with_context(|| format!("cannot read {shown}"))?;
        let (doc, errors) = read_gum(&text);
        for e in errors {
            messages::input_error(&format!("{shown}:{}: {}", e.line, e.reason));
        }
        out.push(doc);
    }
    tag(&mut out);
    Ok(out)
}

/// Fills the words' parts of speech with the shipped tagger's.
fn tag(docs: &mut [Document]) {
    let tagger = &storyline_syntax::models::shipped().tagger;
    let mut tags = Vec::new();
    for s in docs.iter_mut().flat_map(|d| &mut d.sentences) {
        let (forms, bounds) = model_forms(s.forms.iter().map(String::as_str));
        let words: Vec<&str> = bounds.iter().map(|&(a, b)| &forms[a..b]).collect();
        tagger.tag(&words, &mut tags);
        for (u, (upos, _)) in s.upos.iter_mut().zip(&tags) {
            *u = *upos;
        }
    }
}
