//! Prints what the cleaner makes of each file named on the command line: metadata, the clean
//! text and the removals with their reasons.

use storyline_clean::Cleaner;
use storyline_record::Article;

fn main() {
    let cleaner = Cleaner::new();
    for path in std::env::args().skip(1) {
        let raw = match std::fs::read_to_string(&path) {
            Ok(raw) => raw,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let mut article = Article::new(path.clone(), raw);
        cleaner.annotate(&mut article);
        println!("=== {path}\n{:?}", article.meta);
        for r in &article.removed {
            let piece: String = r.span.slice(&article.raw).chars().take(90).collect();
            println!("  - {:<10} {piece}", r.reason.as_str());
        }
        println!("--- text\n{}\n", article.text);
    }
}
