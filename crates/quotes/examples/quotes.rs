//! Runs the quote stage alone over text files and prints one JSON record per file.
//!
//! `cargo run -p storyline-quotes --example quotes -- FILE...`: the text is used as is (no
//! cleaning, no entities), so speakers fall back to the names written next to the cues.

use storyline_quotes::QuoteFinder;
use storyline_record::{Article, Record};

fn main() {
    let finder = QuoteFinder::new();
    for path in std::env::args().skip(1) {
        let raw = match std::fs::read_to_string(&path) {
            Ok(raw) => raw,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let mut article = Article::new(path.clone(), raw.clone());
        article.set_text(raw);
        finder.annotate(&mut article);
        match serde_json::to_string(&Record::from_article(&article)) {
            Ok(line) => println!("{line}"),
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
