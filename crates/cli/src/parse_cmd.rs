//! `storyline parse`: the token layer (tokens, tags, lemmas, dependency parse) as CoNLL-U or
//! JSONL, for any input storyline reads, and for CoNLL-U input with its words kept as given.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use rayon::prelude::*;
use storyline_ingest::{Inputs, ReadOptions};
use storyline_pipeline::Pipeline;
use storyline_record::{Article, CharMap};
use storyline_syntax::conllu::{self, Sentence, Word};
use storyline_syntax::{models, Models, SyntaxAnnotator};

use crate::extract::{next_batch, process};
use crate::messages;
use crate::workers::Budget;

/// Flags of `storyline parse`.
#[derive(Args, Debug)]
pub struct ParseArgs {
    /// Files, directories, or `-` for standard input. Files ending in `.conllu` (or whose
    /// first line is a CoNLL-U comment or word line) are read as CoNLL-U: their words and
    /// sentences are kept exactly as given, and tags, lemmas, heads and relations predicted.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ParseFormat::Conllu)]
    pub format: ParseFormat,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<String>,
    /// Use this tagger model instead of the shipped one.
    #[arg(long, value_name = "FILE")]
    pub tagger: Option<String>,
    /// Use this parser model instead of the shipped one.
    #[arg(long, value_name = "FILE")]
    pub parser: Option<String>,
    /// Keep this many parses side by side while parsing (1: greedy) instead of the width
    /// the parser model was trained with.
    #[arg(long, value_name = "N")]
    pub beam: Option<usize>,
    /// Drop from the beam every parse that falls more than this far below the best (in the
    /// parser model's quantised score units) instead of the margin the model records; a
    /// large value keeps every parse of the beam.
    #[arg(long, value_name = "N")]
    pub beam_margin: Option<u64>,
    #[command(flatten)]
    pub workers: crate::workers::WorkerArgs,
}

/// Output formats of `storyline parse`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseFormat {
    /// CoNLL-U: one word a line, sentences separated by blank lines.
    Conllu,
    /// One JSON object per article (or CoNLL-U file) with its sentences and tokens.
    Jsonl,
}

/// Runs `storyline parse`.
pub fn run(args: ParseArgs) -> Result<()> {
    let models = load_models(&args)?;
    let pool = crate::workers::pool(args.workers.threads)?;
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create output file {path}"))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let (treebanks, others): (Vec<&PathBuf>, Vec<&PathBuf>) =
        args.paths.iter().partition(|p| is_conllu(p));
    for path in treebanks {
        let name = path.to_string_lossy();
        match std::fs::read_to_string(path) {
            Ok(text) => parse_treebank(&name, &text, models, &pool, args.format, &mut out)?,
            Err(err) => messages::input_error(&format!("{name}: {err}")),
        }
    }
    if !others.is_empty() {
        let budget = crate::workers::Budget::new(args.workers.memory);
        parse_articles(&others, models, &pool, budget, args.format, &mut out)?;
    }
    out.flush().context("cannot write output")
}

/// The shipped models, or those named by the flags.
fn load_models(args: &ParseArgs) -> Result<&'static Models> {
    if args.tagger.is_none()
        && args.parser.is_none()
        && args.beam.is_none()
        && args.beam_margin.is_none()
    {
        return Ok(models::shipped());
    }
    let shipped = models::shipped();
    let tagger = match &args.tagger {
        Some(path) => models::load_tagger(path)?,
        None => shipped.tagger.clone(),
    };
    let parser = match &args.parser {
        Some(path) => models::load_parser(path)?,
        None => shipped.parser.clone(),
    };
    let parser = match args.beam {
        Some(width) => parser.with_beam(width),
        None => parser,
    };
    let parser = match args.beam_margin {
        Some(margin) => parser.with_margin(Some(margin)),
        None => parser,
    };
    // Lives for the whole run, like the shipped models.
    Ok(Box::leak(Box::new(Models { tagger, parser })))
}

/// Whether `path` names a CoNLL-U file: by extension, else by its first line.
fn is_conllu(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some("conllu") | Some("conll") => true,
        _ if path.is_file() => first_line(path).is_some_and(|l| {
            l.starts_with("# sent_id")
                || l.starts_with("# newdoc")
                || l.split('\t').count() == 10 && l.starts_with("1\t")
        }),
        _ => false,
    }
}

fn first_line(path: &Path) -> Option<String> {
    use std::io::{BufRead, BufReader, Read};
    let file = File::open(path).ok()?;
    let mut line = String::new();
    BufReader::new(file).take(4096).read_line(&mut line).ok()?;
    Some(line)
}

/// Tags and parses the sentences of a CoNLL-U file, keeping its words as given.
fn parse_treebank(
    path: &str,
    text: &str,
    models: &'static Models,
    pool: &rayon::ThreadPool,
    format: ParseFormat,
    out: &mut dyn Write,
) -> Result<()> {
    let (mut sentences, errors) = conllu::read(text);
    for e in errors {
        messages::input_error(&format!("{path}:{}: {}", e.line, e.reason));
    }
    pool.install(|| {
        sentences
            .par_iter_mut()
            .for_each_init(Default::default, |buffers, s| {
                models.annotate_sentence(s, buffers)
            })
    });
    match format {
        ParseFormat::Conllu => out.write_all(conllu::write(&sentences).as_bytes()),
        ParseFormat::Jsonl => {
            let record = serde_json::json!({
                "source": path,
                "sentences": sentences.iter().map(sentence_json).collect::<Vec<_>>(),
            });
            writeln!(out, "{record}")
        }
    }
    .context("cannot write output")
}

/// Runs clean, segment and syntax over every other input, in input order, batch by batch.
fn parse_articles(
    paths: &[&PathBuf],
    models: &'static Models,
    pool: &rayon::ThreadPool,
    budget: Budget,
    format: ParseFormat,
    out: &mut dyn Write,
) -> Result<()> {
    let pipeline = Pipeline::through_syntax(SyntaxAnnotator::with_models(models));
    let options = budget.read_options(ReadOptions::default().max_file_bytes);
    let mut inputs = Inputs::new(paths, options);
    loop {
        let batch = next_batch(&mut inputs, budget.batch_bytes);
        if batch.is_empty() {
            return Ok(());
        }
        let chunks: Vec<String> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|doc| render(&process(&pipeline, doc), format))
                .collect()
        });
        for chunk in chunks {
            out.write_all(chunk.as_bytes())
                .context("cannot write output")?;
        }
    }
}

/// The article's sentences as CoNLL-U sentences: words are its tokens, `TokenRange` in MISC
/// gives each token's character span in the record's `text`.
fn article_sentences(article: &Article) -> Vec<Sentence> {
    let chars = CharMap::new(&article.text);
    let mut out: Vec<Sentence> = Vec::new();
    let mut start = 0;
    let tokens = &article.tokens;
    while start < tokens.len() {
        let sid = tokens[start].sentence;
        let end = start
            + tokens[start..]
                .iter()
                .take_while(|t| t.sentence == sid)
                .count();
        let span = article
            .sentences
            .get(sid as usize)
            .copied()
            .unwrap_or(tokens[start].span);
        let text = span.slice(&article.text).replace(['\n', '\r'], " ");
        let mut s = Sentence {
            comments: vec![
                format!("sent_id = {}-{}", article.id.as_str(), out.len() + 1),
                format!("text = {text}"),
            ],
            ..Sentence::default()
        };
        if out.is_empty() {
            s.comments
                .insert(0, format!("newdoc id = {}", article.id.as_str()));
            s.comments
                .insert(1, format!("source = {}", article.source.replace('\n', " ")));
        }
        for (i, t) in tokens[start..end].iter().enumerate() {
            let mut w = Word::new(t.span.slice(&article.text));
            w.lemma = if t.lemma.is_empty() {
                "_".into()
            } else {
                t.lemma.clone()
            };
            w.upos = t.upos.name().to_string();
            w.xpos = t.xpos.name().to_string();
            w.head = t.head.map_or(0, |h| h as usize - start + 1);
            w.deprel = t.deprel.name().to_string();
            let glued = tokens
                .get(start + i + 1)
                .is_some_and(|next| next.span.start() == t.span.end());
            let range = format!(
                "TokenRange={}:{}",
                chars.char_offset(t.span.start()),
                chars.char_offset(t.span.end())
            );
            w.misc = if glued {
                format!("SpaceAfter=No|{range}")
            } else {
                range
            };
            s.words.push(w);
        }
        out.push(s);
        start = end.max(start + 1);
    }
    out
}

/// One article's parse in the chosen format.
fn render(article: &Article, format: ParseFormat) -> String {
    let sentences = article_sentences(article);
    match format {
        ParseFormat::Conllu => conllu::write(&sentences),
        ParseFormat::Jsonl => {
            let record = serde_json::json!({
                "id": article.id.as_str(),
                "source": article.source,
                "text": article.text,
                "sentences": sentences.iter().map(sentence_json).collect::<Vec<_>>(),
            });
            format!("{record}\n")
        }
    }
}

/// A sentence as JSON: tokens with 1-based `id`, `head` (0 for the root) as in CoNLL-U.
fn sentence_json(s: &Sentence) -> serde_json::Value {
    let tokens: Vec<serde_json::Value> = s
        .words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let mut t = serde_json::json!({
                "id": i + 1,
                "form": w.form,
                "lemma": w.lemma,
                "upos": w.upos,
                "xpos": w.xpos,
                "head": w.head,
                "deprel": w.deprel,
            });
            if let Some(r) = w
                .misc
                .split('|')
                .find_map(|m| m.strip_prefix("TokenRange="))
            {
                if let Some((a, b)) = r.split_once(':') {
                    t["span"] =
                        serde_json::json!([a.parse::<usize>().ok(), b.parse::<usize>().ok()]);
                }
            }
            t
        })
        .collect();
    serde_json::json!({ "text": s.comment("text"), "tokens": tokens })
}
