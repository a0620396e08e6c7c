//! Opens a storyline database read-only and prints its counts and a search.
//!
//! `cargo run -p storyline-store --example stats -- storyline.db troops border`

use storyline_store::{Store, StoreError};

fn main() -> Result<(), StoreError> {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "storyline.db".to_string());
    let words: Vec<String> = args.collect();
    let store = Store::open_read_only(&path)?;
    let stats = store.stats()?;
    println!(
        "{path}: {} articles ({} revisions), {} entities, {} quotes, {} claims, {} events",
        stats.articles, stats.revisions, stats.entities, stats.quotes, stats.claims, stats.events
    );
    if !words.is_empty() {
        for hit in store.search(&words.join(" "), 10)? {
            println!("{:>8.3}  {}  {}", hit.score, hit.article.id, hit.snippet);
        }
    }
    Ok(())
}
