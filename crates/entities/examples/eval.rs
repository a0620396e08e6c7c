//! Runs clean → segment → entities on files and prints one JSON line per file with the
//! fields the gold scorer reads for entities (`source`, `entities` by name, type, aliases):
//! `cargo run -p storyline-entities --example eval -- FILE... > out.jsonl`.
//! Lets the entity rules be scored without building the whole CLI.

use storyline_clean::Cleaner;
use storyline_entities::EntityRecognizer;
use storyline_record::Article;
use storyline_segment::Segmenter;

fn main() -> std::io::Result<()> {
    let (clean, seg, ner) = (Cleaner::new(), Segmenter::new(), EntityRecognizer::new());
    let mut paths: Vec<std::path::PathBuf> = Vec::new();
    for arg in std::env::args().skip(1) {
        let p = std::path::PathBuf::from(arg);
        if p.is_dir() {
            let mut inner: Vec<_> = std::fs::read_dir(&p)?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .collect();
            inner.sort();
            paths.extend(inner);
        } else {
            paths.push(p);
        }
    }
    let mut words = 0usize;
    let mut spent = std::time::Duration::ZERO;
    for path in paths {
        let raw = std::fs::read_to_string(&path)?;
        let mut article = Article::new(path.display().to_string(), raw);
        clean.annotate(&mut article);
        seg.annotate(&mut article);
        let t = std::time::Instant::now();
        for _ in 0..20 {
            ner.annotate(&mut article);
        }
        spent += t.elapsed() / 20;
        words += article.num_words();
        let entities: Vec<_> = article
            .entities
            .iter()
            .map(|e| {
                serde_json::json!({
                    "name": e.name,
                    "type": e.kind.as_str(),
                    "aliases": e.aliases,
                    "role": e.role,
                    "mentions": e.mentions.iter().map(|m| m.slice(&article.text)).collect::<Vec<_>>(),
                })
            })
            .collect();
        let rec = serde_json::json!({"source": article.source, "text": article.text, "entities": entities});
        println!("{rec}");
    }
    eprintln!(
        "entities stage: {words} words in {spent:?} = {:.2} µs/word",
        spent.as_secs_f64() * 1e6 / words.max(1) as f64
    );
    Ok(())
}
