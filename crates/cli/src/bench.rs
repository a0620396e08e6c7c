//! `storyline bench`: in-memory throughput of the extract pipeline on one thread.

use std::time::{Duration, Instant};

use anyhow::{bail, Result};
use storyline_ingest::{Inputs, ReadOptions};
use storyline_pipeline::Pipeline;
use storyline_record::Record;

use crate::args::BenchArgs;
use crate::messages;

/// Runs `storyline bench`.
pub fn run(args: BenchArgs) -> Result<()> {
    let mut docs = Vec::new();
    for item in Inputs::new(&args.paths, ReadOptions::default()) {
        match item {
            Ok(doc) => docs.push(doc),
            Err(err) => messages::input_error(&err),
        }
    }
    if docs.is_empty() {
        bail!("no readable input to benchmark");
    }
    let pipeline = Pipeline::standard();
    let fresh = |doc: &storyline_ingest::Document| {
        Pipeline::article(doc.source.clone(), doc.text.clone(), doc.meta.clone())
    };
    // One warm-up pass so lazily built tables are not timed.
    for doc in &docs {
        pipeline.run(&mut fresh(doc));
    }
    let names = pipeline.stage_names();
    let mut stage_time = vec![Duration::ZERO; names.len()];
    let mut num_words = 0usize;
    let mut num_articles = 0usize;
    let mut serialise_time = Duration::ZERO;
    let start = Instant::now();
    for _ in 0..args.repeat.max(1) {
        for doc in &docs {
            let mut article = fresh(doc);
            num_words += article.num_words();
            pipeline.run_timed(&mut article, &mut stage_time);
            let t = Instant::now();
            let line = serde_json::to_string(&Record::from_article(&article))?;
            std::hint::black_box(line);
            serialise_time += t.elapsed();
            num_articles += 1;
        }
    }
    let elapsed = start.elapsed().as_secs_f64();
    println!(
        "storyline {}: {num_articles} articles, {num_words} words in {elapsed:.3}s = {:.0} words/s, {:.1} articles/s (one thread)",
        env!("CARGO_PKG_VERSION"),
        num_words as f64 / elapsed,
        num_articles as f64 / elapsed
    );
    let total: f64 =
        stage_time.iter().map(Duration::as_secs_f64).sum::<f64>() + serialise_time.as_secs_f64();
    let share = |d: Duration| 100.0 * d.as_secs_f64() / total.max(f64::MIN_POSITIVE);
    for (name, time) in names.iter().zip(&stage_time) {
        println!(
            "  {name:<10} {:>6.1}%  {:.3}s",
            share(*time),
            time.as_secs_f64()
        );
    }
    println!(
        "  {:<10} {:>6.1}%  {:.3}s",
        "json",
        share(serialise_time),
        serialise_time.as_secs_f64()
    );
    Ok(())
}
