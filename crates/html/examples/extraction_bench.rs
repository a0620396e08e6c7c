//! Extraction benchmark: runs `extract` on every `*.html.gz` page of a directory, writes
//! `{"id","text"}` JSONL for the benchmark's `score.py`, and prints the median and mean time
//! per page (single thread, extraction only: reading and decompressing are not timed).
//!
//! Usage: `extraction_bench PAGES_DIR OUT.jsonl`

use std::io::{Read, Write};
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(out)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: extraction_bench PAGES_DIR OUT.jsonl");
        std::process::exit(2);
    };
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    pages.sort();
    let mut file = std::io::BufWriter::new(std::fs::File::create(out)?);
    let mut ms = Vec::with_capacity(pages.len());
    let mut failed = 0;
    for path in &pages {
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(path)?).read_to_end(&mut bytes)?;
        let html = String::from_utf8_lossy(&bytes);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let id = name.trim_end_matches(".html.gz");
        let start = Instant::now();
        let text = match storyline_html::extract(&html, None) {
            Ok(a) => a.text,
            Err(e) => {
                eprintln!("{id}: {e}");
                failed += 1;
                String::new()
            }
        };
        ms.push(start.elapsed().as_secs_f64() * 1000.0);
        writeln!(file, "{}", serde_json::json!({ "id": id, "text": text }))?;
    }
    file.flush()?;
    ms.sort_by(f64::total_cmp);
    let median = ms.get(ms.len() / 2).copied().unwrap_or(0.0);
    let mean = ms.iter().sum::<f64>() / ms.len().max(1) as f64;
    println!(
        "pages {} failed {failed} median {median:.2} ms/page mean {mean:.2} ms/page",
        pages.len()
    );
    Ok(())
}
