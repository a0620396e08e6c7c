//! Speed and accuracy of the tagger and the parser alone on a CoNLL-U file, one thread:
//! `cargo run --release -p storyline-syntax --example syntax_speed -- GOLD.conllu [PASSES]
//! [PARSER.stlm [PRUNE]]`. Sentences are read and their forms prepared before timing; each
//! figure is the best of PASSES passes. Prints words/s of tagging and of parsing (from
//! predicted tags) and the parse's UAS against the file's heads (punctuation included).

use std::time::Instant;

use storyline_syntax::conllu;
use storyline_syntax::form::model_forms;
use storyline_syntax::models::{load_parser, shipped};
use storyline_syntax::parser::ParseBuffers;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: syntax_speed GOLD.conllu [PASSES] [PARSER.stlm [PRUNE]]");
        std::process::exit(2);
    };
    let passes: usize = args.get(2).and_then(|p| p.parse().ok()).unwrap_or(5);
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let (sentences, errors) = conllu::read(&text);
    if !errors.is_empty() {
        eprintln!("{path}: {} malformed sentences skipped", errors.len());
    }
    let models = shipped();
    let mut parser = match args.get(3) {
        Some(p) => load_parser(p).unwrap_or_else(|e| {
            eprintln!("{e}");
            std::process::exit(1);
        }),
        None => models.parser.clone(),
    };
    if let Some(prune) = args.get(4).and_then(|p| p.parse::<f64>().ok()) {
        parser = parser.pruned(prune);
    }
    // The forms the models read (as `Models::annotate_sentence` prepares them).
    let prepared: Vec<(String, Vec<(usize, usize)>)> = sentences
        .iter()
        .map(|s| model_forms(s.words.iter().map(|w| w.form.as_str())))
        .collect();
    let forms: Vec<Vec<&str>> = prepared
        .iter()
        .map(|(text, bounds)| bounds.iter().map(|&(s, e)| &text[s..e]).collect())
        .collect();
    let words: usize = forms.iter().map(Vec::len).sum();

    let mut tags = vec![Vec::new(); forms.len()];
    let mut best_tag = f64::MAX;
    for _ in 0..passes {
        let start = Instant::now();
        for (f, t) in forms.iter().zip(tags.iter_mut()) {
            models.tagger.tag(f, t);
        }
        best_tag = best_tag.min(start.elapsed().as_secs_f64());
    }

    let mut buffers = ParseBuffers::default();
    let mut arcs = vec![Vec::new(); forms.len()];
    let mut best_parse = f64::MAX;
    for _ in 0..passes {
        let start = Instant::now();
        for ((f, t), a) in forms.iter().zip(&tags).zip(arcs.iter_mut()) {
            parser.parse(f, t, &mut buffers, a);
        }
        best_parse = best_parse.min(start.elapsed().as_secs_f64());
    }

    let mut right = 0usize;
    for (s, a) in sentences.iter().zip(&arcs) {
        for (gold, (head, _)) in s.heads().iter().zip(a) {
            right += usize::from(gold.map(|h| h as u32) == *head);
        }
    }
    println!(
        "{words} words: tagger {:.0} words/s, parser {:.0} words/s, both {:.0} words/s; UAS {:.4}; parser weights {}",
        words as f64 / best_tag,
        words as f64 / best_parse,
        words as f64 / (best_tag + best_parse),
        right as f64 / words.max(1) as f64,
        parser.n_weights(),
    );
}
