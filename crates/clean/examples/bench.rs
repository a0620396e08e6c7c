//! Times the cleaner alone over the files named on the command line (repeated 200 times) and
//! prints words per second on one thread.

use std::time::Instant;

use storyline_clean::Cleaner;
use storyline_record::Article;

fn main() {
    let docs: Vec<String> = std::env::args()
        .skip(1)
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let cleaner = Cleaner::new();
    let mut words = 0usize;
    let start = Instant::now();
    for _ in 0..200 {
        for raw in &docs {
            let mut a = Article::new("bench", raw.clone());
            words += a.num_words();
            cleaner.annotate(&mut a);
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{words} words in {secs:.3}s = {:.0} words/s",
        words as f64 / secs
    );
}
