//! Prints the sentences of each file named on the command line, one per line, and the
//! segmenter's throughput over them.
//!
//! `cargo run --release -p storyline-segment --example segment -- FILE...`
//! (the text is segmented as is, without cleaning; `--quiet` prints only the timing).

use std::time::Instant;

use storyline_record::Article;
use storyline_segment::Segmenter;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quiet = args.iter().any(|a| a == "--quiet");
    let segmenter = Segmenter::new();
    let mut articles = Vec::new();
    for path in args.iter().filter(|a| *a != "--quiet") {
        match std::fs::read(path) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let mut a = Article::new(path.as_str(), text.clone());
                a.set_text(text);
                articles.push(a);
            }
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
    for a in &mut articles {
        segmenter.annotate(a);
        if !quiet {
            println!("== {} ({} tokens)", a.source, a.tokens.len());
            for s in &a.sentences {
                println!("{}", s.slice(&a.text).replace('\n', "⏎"));
            }
        }
    }
    // Time enough repetitions to be well above timer resolution.
    let words: usize = articles.iter().map(Article::num_words).sum();
    let reps = (2_000_000 / words.max(1)).clamp(1, 10_000);
    let t = Instant::now();
    for _ in 0..reps {
        for a in &mut articles {
            segmenter.annotate(a);
        }
    }
    let secs = t.elapsed().as_secs_f64();
    eprintln!(
        "{} words x {reps} reps in {secs:.3} s: {:.0} words/s",
        words,
        (words * reps) as f64 / secs.max(1e-9)
    );
}
