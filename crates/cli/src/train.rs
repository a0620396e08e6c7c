//! `storyline train pos` and `storyline train parse`: train the tagger (with its lemmatizer)
//! or the dependency parser on CoNLL-U treebanks and write the model file (`storyline train
//! ner`: `train_ner`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use storyline_syntax::conllu::{self, Sentence};
use storyline_syntax::parser::Parser;
use storyline_syntax::retag::{jackknifed, retag};
use storyline_syntax::tagger::{evaluate, Tagger};
use storyline_syntax::train::{EpochReport, TrainOptions};

use crate::messages;

/// Default training data: UD English EWT and GUM, read from the shared corpora folder.
const DEFAULT_TRAIN: &[&str] = &[
    "../shared/corpora/ud-ewt/train.conllu",
    "../shared/corpora/gum/train",
];
/// Default dev data: UD English EWT dev.
const DEFAULT_DEV: &[&str] = &["../shared/corpora/ud-ewt/dev.conllu"];

/// Flags of `storyline train`.
#[derive(Args, Debug)]
pub struct TrainArgs {
    /// Which model.
    #[command(subcommand)]
    pub model: TrainModel,
}

/// The models `storyline train` trains.
#[derive(Subcommand, Debug)]
pub enum TrainModel {
    /// Train the part-of-speech tagger (UPOS and XPOS) with its lemmatizer.
    ///
    /// Learns from the FORM, LEMMA, UPOS and XPOS columns; prints one line per epoch on
    /// stderr with the dev accuracy of that epoch's averaged model, and keeps the epoch with
    /// the best dev UPOS accuracy.
    Pos(TrainFlags),
    /// Train the dependency parser.
    ///
    /// Learns from gold tags and trees (with --jackknife, from gold and jackknifed tags); the
    /// dev sentences are re-tagged by the tagger of --tagger first, so that the dev figures are
    /// those of run time.
    Parse(ParseTrainFlags),
    /// Train the entity tagger (persons, organisations, places) on CoNLL-2003.
    ///
    /// Prints one line per epoch on stderr with the dev F1 of that epoch's averaged model
    /// (exact span and type of PER, ORG and LOC mentions) and keeps the best epoch. With
    /// --eval MODEL, only scores that model on the --dev files.
    Ner(crate::train_ner::NerTrainFlags),
    /// Train the quotes stage's judge (which found quotes are real attributions) on PolNeAR.
    ///
    /// Runs the pipeline over the --train and --dev articles, labels the quotes the rules
    /// find against the gold attributions, learns the judge and prints dev precision, recall
    /// and F1 with and without it.
    Attribution(crate::train_attribution::AttributionTrainFlags),
    /// Learn word clusters (Brown clusters) from unlabelled text for the entity tagger.
    ///
    /// Reads the words of the --text files, divides them into --classes classes with the
    /// exchange algorithm (one line per pass on stderr), joins the classes into a binary tree
    /// and writes each word's path in it (`bits TAB word TAB count`). The entity tagger reads
    /// the shipped file: rebuild, retrain it and rebuild again after changing it.
    Clusters(crate::train_clusters::ClusterTrainFlags),
}

/// Flags every `storyline train` subcommand takes.
#[derive(Args, Debug)]
pub struct TrainFlags {
    /// Training treebanks: CoNLL-U files, or directories of `.conllu` files (read
    /// recursively, in name order) [default: ../shared/corpora/ud-ewt/train.conllu
    /// ../shared/corpora/gum/train].
    #[arg(long, num_args = 1.., value_name = "PATH")]
    pub train: Vec<String>,
    /// Dev treebanks, scored after every epoch [default:
    /// ../shared/corpora/ud-ewt/dev.conllu].
    #[arg(long, num_args = 1.., value_name = "PATH")]
    pub dev: Vec<String>,
    /// Model file to write [default: models/tagger.stlm or models/parser.stlm].
    #[arg(long, value_name = "FILE")]
    pub out: Option<String>,
    /// Passes over the training data [default: 12].
    #[arg(long, value_name = "N")]
    pub epochs: Option<usize>,
    /// Seed of the per-epoch shuffle.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub seed: u64,
    /// Drop averaged weights below this magnitude (smaller, faster model) [default: 1.0
    /// for pos, 1.5 for parse].
    #[arg(long, value_name = "X")]
    pub prune: Option<f64>,
    /// Read GUM news and interview documents (files named GUM_news_* or GUM_interview_*)
    /// this many times: more weight on news-like text.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub news_weight: usize,
    /// Use only the first N training sentences (a quick check of the training path).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

/// Flags of `storyline train parse`.
#[derive(Args, Debug)]
pub struct ParseTrainFlags {
    /// The flags of every training run.
    #[command(flatten)]
    pub common: TrainFlags,
    /// Tagger model that re-tags the dev sentences.
    #[arg(long, value_name = "FILE", default_value = "models/tagger.stlm")]
    pub tagger: String,
    /// Train on gold and jackknifed tags: every training sentence is read twice, once with its
    /// gold tags and once tagged by a tagger trained (12 epochs, prune 1.0) on the other folds
    /// of this many, so that the parser learns from tagging errors like those of run time
    /// (5: EWT dev +0.6 UAS, +0.7 LAS; see docs/BENCHMARKS.md); 0 or 1: gold tags only.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub jackknife: usize,
    /// Train for beam search: keep this many parses side by side, in training (global
    /// updates where the beam beats the gold parse by the most) and, recorded in the model,
    /// when parsing; 1: greedy parsing, trained with the dynamic oracle.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub beam: usize,
    /// The beam the model records for parsing, when it differs from --beam (a model trained
    /// with a wide beam often parses as well with a narrower, faster one) [default: --beam].
    #[arg(long, value_name = "N")]
    pub parse_beam: Option<usize>,
    /// The margin the model records for parsing: a parse that falls more than this far below
    /// the best (in the model's quantised score units) leaves the beam. Choose it on dev with
    /// `storyline parse --beam-margin`: the widest pruning that leaves dev figures unchanged
    /// [default: none, every parse of the beam is kept].
    #[arg(long, value_name = "N")]
    pub parse_margin: Option<u64>,
}

/// Runs `storyline train`.
pub fn run(args: TrainArgs) -> Result<()> {
    match args.model {
        TrainModel::Pos(flags) => train_pos(&flags),
        TrainModel::Parse(flags) => train_parse(&flags),
        TrainModel::Ner(flags) => crate::train_ner::train_ner(&flags),
        TrainModel::Attribution(flags) => crate::train_attribution::train_attribution(&flags),
        TrainModel::Clusters(flags) => crate::train_clusters::train_clusters(&flags),
    }
}

fn train_pos(flags: &TrainFlags) -> Result<()> {
    let (train, dev) = load_data(flags)?;
    let opts = options(flags, 12, 1.0);
    let out = flags.out.as_deref().unwrap_or("models/tagger.stlm");
    let start = Instant::now();
    let tagger = Tagger::train(&train, &dev, &opts, &mut progress(opts.epochs));
    let seconds = start.elapsed().as_secs_f64();
    let bytes = write_model(out, |w| tagger.write(w).map_err(anyhow::Error::from))?;
    if !dev.is_empty() {
        let s = evaluate(&tagger, &dev);
        eprintln!(
            "kept epoch {}: dev UPOS {:.4} XPOS {:.4} lemma {:.4} ({} words)",
            tagger.training_facts()["kept_epoch"],
            s.upos,
            s.xpos,
            s.lemma,
            s.words
        );
    }
    eprintln!(
        "wrote {out}: {:.1} MB, {} classes, {} weights, {} lemma exceptions; trained in {seconds:.0}s",
        bytes as f64 / 1e6,
        tagger.classes().len(),
        tagger.n_weights(),
        tagger.lemmatizer().n_exceptions(),
    );
    Ok(())
}

fn train_parse(flags: &ParseTrainFlags) -> Result<()> {
    if flags.beam <= 1 && flags.parse_margin.is_some() {
        anyhow::bail!("--parse-margin needs --beam above 1: it prunes the beam");
    }
    if flags.beam <= 1 && flags.parse_beam.is_some_and(|w| w > 1) {
        anyhow::bail!(
            "--parse-beam needs --beam above 1: a greedy parser's scores do not rank whole parses"
        );
    }
    let tagger_bytes = std::fs::read(&flags.tagger)
        .with_context(|| format!("cannot read tagger model {}", flags.tagger))?;
    let tagger = Tagger::from_bytes(&tagger_bytes)
        .with_context(|| format!("cannot load tagger model {}", flags.tagger))?;
    let (mut train, mut dev) = load_data(&flags.common)?;
    for s in &mut dev {
        retag(&tagger, s);
    }
    if flags.jackknife > 1 {
        let start = Instant::now();
        // The tagger's own defaults (`storyline train pos`).
        let topts = TrainOptions {
            epochs: 12,
            seed: flags.common.seed,
            prune: 1.0,
        };
        let tagged = jackknifed(&train, flags.jackknife, &topts);
        let (mut right, mut total) = (0usize, 0usize);
        for (gold, pred) in train.iter().zip(&tagged) {
            for (g, p) in gold.words.iter().zip(&pred.words) {
                total += 1;
                right += usize::from(g.upos == p.upos);
            }
        }
        eprintln!(
            "training tags jackknifed in {} folds: UPOS {:.4} ({:.0}s)",
            flags.jackknife,
            right as f64 / total.max(1) as f64,
            start.elapsed().as_secs_f64()
        );
        train.extend(tagged);
    }
    let opts = options(&flags.common, 12, 1.5);
    let out = flags.common.out.as_deref().unwrap_or("models/parser.stlm");
    let start = Instant::now();
    let parser = if flags.beam > 1 {
        let widths = (flags.beam, flags.parse_beam.unwrap_or(flags.beam));
        Parser::train_beam(&train, &dev, &opts, widths, &mut progress(opts.epochs))
    } else {
        Parser::train(&train, &dev, &opts, &mut progress(opts.epochs))
    };
    let parser = parser.with_margin(flags.parse_margin);
    let seconds = start.elapsed().as_secs_f64();
    let bytes = write_model(out, |w| parser.write(w).map_err(anyhow::Error::from))?;
    eprintln!(
        "wrote {out}: {:.1} MB; trained in {seconds:.0}s",
        bytes as f64 / 1e6
    );
    Ok(())
}

fn options(flags: &TrainFlags, epochs: usize, prune: f64) -> TrainOptions {
    TrainOptions {
        epochs: flags.epochs.unwrap_or(epochs),
        seed: flags.seed,
        prune: flags.prune.unwrap_or(prune),
    }
}

/// One line per epoch on stderr
/// (`epoch 3/10  train 0.961  dev UPOS 0.951 XPOS 0.948  4.2s`), under a progress bar with the
/// rate and the time left when stderr is a terminal.
pub(crate) fn progress(epochs: usize) -> impl FnMut(&EpochReport) {
    let bar = indicatif::ProgressBar::new(epochs as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:30} epoch {pos}/{len}  {elapsed} elapsed, about {eta} left",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    move |r: &EpochReport| {
        let dev: Vec<String> = r.dev.iter().map(|(k, v)| format!("{k} {v:.4}")).collect();
        let dev = if dev.is_empty() {
            String::new()
        } else {
            format!("  dev {}", dev.join(" "))
        };
        let line = format!(
            "epoch {}/{epochs}  train {:.3}{dev}  {:.1}s",
            r.epoch, r.train_accuracy, r.seconds
        );
        if bar.is_hidden() {
            eprintln!("{line}");
        } else {
            bar.println(line);
        }
        bar.set_position(r.epoch as u64);
        if r.epoch >= epochs {
            bar.finish_and_clear();
        }
    }
}

/// The training sentences (news weighted, limited) and the dev sentences.
fn load_data(flags: &TrainFlags) -> Result<(Vec<Sentence>, Vec<Sentence>)> {
    let or_default = |given: &[String], default: &[&str]| -> Vec<String> {
        if given.is_empty() {
            default.iter().map(|s| s.to_string()).collect()
        } else {
            given.to_vec()
        }
    };
    let mut train = load(
        &or_default(&flags.train, DEFAULT_TRAIN),
        flags.news_weight.max(1),
    )?;
    if let Some(n) = flags.limit {
        train.truncate(n);
    }
    anyhow::ensure!(!train.is_empty(), "no training sentences");
    let dev = load(&or_default(&flags.dev, DEFAULT_DEV), 1)?;
    let words: usize = train.iter().map(|s| s.words.len()).sum();
    eprintln!(
        "training on {} sentences ({words} words), dev {} sentences",
        train.len(),
        dev.len()
    );
    Ok((train, dev))
}

/// Reads every CoNLL-U file of `paths`; malformed sentences and unreadable files are
/// reported (`FILE:LINE: reason`) and skipped. A path that does not exist is fatal.
fn load(paths: &[String], news_weight: usize) -> Result<Vec<Sentence>> {
    let mut out = Vec::new();
    for file in files_of(paths, Some("conllu"))? {
        let text = match std::fs::read_to_string(&file) {
            Ok(t) => t,
            Err(err) => {
                messages::input_error(&format!("{}: {err}", file.display()));
                continue;
            }
        };
        let (sentences, errors) = conllu::read(&text);
        for e in errors {
            messages::input_error(&format!("{}:{}: {}", file.display(), e.line, e.reason));
        }
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let news = name.starts_with("GUM_news_") || name.starts_with("GUM_interview_");
        let times = if news { news_weight } else { 1 };
        for _ in 1..times {
            out.extend(sentences.iter().cloned());
        }
        out.extend(sentences);
    }
    Ok(out)
}

/// The files of `paths`: each path itself, or the files under it whose extension is `ext`
/// (every file for `None`), as [`collect_files`] finds them. A path that does not exist is
/// fatal.
pub(crate) fn files_of(paths: &[String], ext: Option<&str>) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        let path = Path::new(path);
        anyhow::ensure!(
            path.exists(),
            "{}: no such file or directory",
            path.display()
        );
        collect_files(path, ext, &mut files);
    }
    Ok(files)
}

/// `path` itself, or the files under it whose extension is `ext` (every file for `None`;
/// recursively, in name order, hidden ones skipped).
pub(crate) fn collect_files(path: &Path, ext: Option<&str>, out: &mut Vec<PathBuf>) {
    if !path.is_dir() {
        out.push(path.to_path_buf());
        return;
    }
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(err) => {
            messages::input_error(&format!("{}: {err}", path.display()));
            return;
        }
    };
    entries.sort();
    for e in entries {
        let hidden = e
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if e.is_dir() {
            collect_files(&e, ext, out);
        } else if ext.is_none_or(|ext| e.extension().is_some_and(|x| x == ext)) {
            out.push(e);
        }
    }
}

/// Writes a model file through a temporary file renamed into place; returns its size.
pub(crate) fn write_model(
    out: &str,
    write: impl FnOnce(&mut Vec<u8>) -> Result<()>,
) -> Result<usize> {
    let mut bytes = Vec::new();
    write(&mut bytes)?;
    let path = Path::new(out);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create directory {}", dir.display()))?;
    }
    let tmp = path.with_extension("stlm.tmp");
    let mut f =
        std::fs::File::create(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
    f.write_all(&bytes)
        .and_then(|_| f.sync_all())
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {out}"))?;
    Ok(bytes.len())
}
