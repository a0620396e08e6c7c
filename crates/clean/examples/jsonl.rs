//! Cleans a JSONL file of `{"id", "text", "title"?}` objects (as written from the HTML
//! extraction bench) and writes `{"id", "text", "title", "removed"}` per line, removals as
//! character offsets into the input text: the loop for measuring rule changes on HTML pages
//! without rebuilding the whole CLI.
//!
//! Usage: `jsonl IN.jsonl OUT.jsonl`

use std::io::{BufRead, Write};

use storyline_clean::Cleaner;
use storyline_record::Article;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(input), Some(output)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: jsonl IN.jsonl OUT.jsonl");
        std::process::exit(2);
    };
    let cleaner = Cleaner::new();
    let reader = std::io::BufReader::new(std::fs::File::open(input)?);
    let mut out = std::io::BufWriter::new(std::fs::File::create(output)?);
    for line in reader.lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let id = v["id"].as_str().unwrap_or_default();
        let text = v["text"].as_str().unwrap_or_default();
        let mut a = Article::new(id, text);
        a.meta.title = v["title"].as_str().map(str::to_string);
        cleaner.annotate(&mut a);
        let chars = |b: usize| a.raw.get(..b).map_or(0, |s| s.chars().count());
        let removed: Vec<_> = a
            .removed
            .iter()
            .map(|r| {
                serde_json::json!([
                    chars(r.span.start()),
                    chars(r.span.end()),
                    r.reason.as_str()
                ])
            })
            .collect();
        let rec = serde_json::json!({
            "id": id, "text": a.text, "title": a.meta.title, "outlet": a.meta.outlet,
            "published": a.meta.published, "author": a.meta.author, "removed": removed,
        });
        writeln!(out, "{rec}")?;
    }
    out.flush()?;
    Ok(())
}
