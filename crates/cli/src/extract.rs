//! `storyline extract`: inputs → pipeline → record writer, in input order, on all cores.

use std::fs::File;
use std::io::{BufWriter, Write};

use anyhow::{Context, Result};
use rayon::prelude::*;
use storyline_ingest::{Document, Inputs};
use storyline_pipeline::Pipeline;
use storyline_record::{Article, Record};

use crate::args::ExtractArgs;
use crate::messages;
use crate::output::RecordWriter;
use crate::table::Table;

/// Documents processed together: enough to keep every core busy, few enough that memory
/// stays flat however many inputs there are (their text is bounded too, by `--memory`).
const BATCH_NUM_DOCS: usize = 256;

/// Runs the pipeline over one document.
pub fn process(pipeline: &Pipeline, doc: Document) -> Article {
    pipeline.process(doc.source, doc.text, doc.meta)
}

/// The next documents to process together (at most [`BATCH_NUM_DOCS`], and closed once their
/// texts reach `max_text_bytes`), reporting each input that cannot be read; empty when the
/// inputs are exhausted.
pub fn next_batch(inputs: &mut Inputs, max_text_bytes: usize) -> Vec<Document> {
    let mut batch = Vec::with_capacity(BATCH_NUM_DOCS);
    let mut text_bytes = 0;
    for item in inputs.by_ref() {
        match item {
            Ok(doc) => {
                text_bytes += doc.text.len();
                batch.push(doc);
            }
            Err(err) => messages::input_error(&err),
        }
        if batch.len() == BATCH_NUM_DOCS || text_bytes >= max_text_bytes {
            break;
        }
    }
    batch
}

/// Runs `storyline extract`.
pub fn run(args: ExtractArgs) -> Result<()> {
    let pool = crate::workers::pool(args.workers.threads)?;
    let out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create output file {path}"))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let mut writer = RecordWriter::new(out, args.format);
    let pipeline = Pipeline::standard();
    let budget = crate::workers::Budget::new(args.workers.memory);
    let mut inputs = Inputs::new(&args.paths, budget.read_options(args.max_bytes));
    storyline_lexicon::lists::count_hits(args.lexicon_hits);
    loop {
        let batch = next_batch(&mut inputs, budget.batch_bytes);
        if batch.is_empty() {
            break;
        }
        let records: Vec<Record> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|doc| Record::from_article(&process(&pipeline, doc)))
                .collect()
        });
        for record in &records {
            writer.write(record).context("cannot write output")?;
        }
    }
    if inputs.skipped() > 0 {
        eprintln!(
            "storyline: skipped {} archive records without an HTML page",
            inputs.skipped()
        );
    }
    if args.lexicon_hits {
        print_lexicon_hits();
    }
    writer.finish().context("cannot write output")
}

/// The `--lexicon-hits` table on stderr: each word list, its hits, and whether it is off.
fn print_lexicon_hits() {
    let mut table = Table::new(&["list", "hits", "state"]);
    for (name, hits, off) in storyline_lexicon::lists::hits() {
        let state = if off { "off" } else { "on" };
        table.row(vec![name.to_string(), hits.to_string(), state.to_string()]);
    }
    let _ = table.write_text(&mut std::io::stderr().lock());
}
