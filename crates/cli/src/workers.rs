//! Worker threads and the memory budget they share.
//!
//! The pipeline needs memory in proportion to the text it holds: about
//! [`BYTES_PER_TEXT_BYTE`] bytes per byte of input text, measured on long texts (tokens,
//! parse, mentions, the record). Documents are handed to the workers in batches, and a batch
//! is closed once its texts reach `--memory` divided by that factor, so that all workers
//! together stay within the budget however many there are; ingest splits any text longer than
//! one part ([`storyline_ingest::ReadOptions::max_part_bytes`], at most 1 MiB and smaller under
//! a small budget) so no single document exceeds it either.

use anyhow::{Context, Result};

/// The flags of the commands that process documents in parallel (extract, ingest, parse):
/// how many workers run and how much memory their documents may hold.
#[derive(clap::Args, Debug, Clone, Copy)]
pub struct WorkerArgs {
    /// Worker threads (default: all cores; at most 4 per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
    /// Memory for documents in flight, shared by all worker threads (K, M, G suffixes): a
    /// batch of documents is closed when its text would need more, and texts longer than 1 MiB
    /// (less under a small budget) are processed in parts cut at paragraph boundaries, named
    /// `SOURCE#part-N`.
    #[arg(long, value_name = "BYTES", default_value = "256M", value_parser = parse_bytes)]
    pub memory: u64,
}

/// Peak pipeline memory per byte of text in flight, measured with `/usr/bin/time -v` on a
/// 5 MB text of treebank sentences (docs/BENCHMARKS.md), rounded up.
pub const BYTES_PER_TEXT_BYTE: u64 = 60;

/// Threads per core beyond which more only cost memory and switching.
const MAX_THREADS_PER_CORE: usize = 4;

/// A rayon pool of `requested` threads (all cores when `None`), capped at
/// [`MAX_THREADS_PER_CORE`] per core with a message saying so.
pub fn pool(requested: Option<usize>) -> Result<rayon::ThreadPool> {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let threads = capped_threads(requested, cores);
    if let Some(n) = requested.filter(|&n| n > threads) {
        eprintln!(
            "storyline: -j {n} is more than {MAX_THREADS_PER_CORE} threads per core \
             ({cores} cores); using {threads}"
        );
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start worker threads")
}

/// The thread count for `-j requested` on `cores` cores: all cores by default (or for 0),
/// never more than [`MAX_THREADS_PER_CORE`] per core.
fn capped_threads(requested: Option<usize>, cores: usize) -> usize {
    let cores = cores.max(1);
    requested
        .filter(|&n| n > 0)
        .unwrap_or(cores)
        .min(cores * MAX_THREADS_PER_CORE)
}

/// Longest document part: some twenty times the longest news article.
const MAX_PART_BYTES: usize = 1024 * 1024;

/// Shortest document part, however small the budget: a long article.
const MIN_PART_BYTES: usize = 16 * 1024;

/// How documents are cut and batched under a memory budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Longest document handed to a worker, in bytes of text.
    pub part_bytes: usize,
    /// Bytes of text one batch may hold: never less than one part, so every part goes through.
    pub batch_bytes: usize,
}

impl Budget {
    /// The budget for `memory` bytes of documents in flight.
    pub fn new(memory: u64) -> Budget {
        let share = usize::try_from(memory / BYTES_PER_TEXT_BYTE).unwrap_or(usize::MAX);
        let part_bytes = share.clamp(MIN_PART_BYTES, MAX_PART_BYTES);
        Budget {
            part_bytes,
            batch_bytes: share.max(part_bytes),
        }
    }

    /// Read options with this budget's part size.
    pub fn read_options(&self, max_file_bytes: u64) -> storyline_ingest::ReadOptions {
        storyline_ingest::ReadOptions {
            max_file_bytes,
            max_part_bytes: self.part_bytes,
        }
    }
}

/// Parses a byte count with an optional `K`, `M` or `G` suffix (powers of 1024): `512M`.
pub fn parse_bytes(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, unit) = match text.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => (&text[..i], c.to_ascii_uppercase()),
        _ => (text, 'B'),
    };
    let shift = match unit {
        'B' => 0,
        'K' => 10,
        'M' => 20,
        'G' => 30,
        _ => return Err(format!("unknown unit {unit:?}: use K, M or G")),
    };
    let n: u64 = digits
        .trim()
        .parse()
        .map_err(|_| format!("not a byte count: {text:?}"))?;
    n.checked_mul(1 << shift)
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("{text:?} is not a usable size"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threads_default_to_the_cores_and_are_capped() {
        assert_eq!(capped_threads(None, 2), 2);
        assert_eq!(capped_threads(Some(3), 2), 3);
        assert_eq!(capped_threads(Some(30_000), 2), 8);
        assert_eq!(capped_threads(Some(0), 2), 2);
    }

    #[test]
    fn batches_share_the_budget_but_take_one_part_at_least() {
        let big = Budget::new(600 << 20);
        assert_eq!(big.batch_bytes, 10 << 20);
        assert_eq!(big.part_bytes, MAX_PART_BYTES);
        let small = Budget::new(3 << 20);
        assert_eq!(small.part_bytes, (3 << 20) / 60);
        assert_eq!(small.batch_bytes, small.part_bytes);
        let tiny = Budget::new(1024);
        assert_eq!(
            (tiny.part_bytes, tiny.batch_bytes),
            (MIN_PART_BYTES, MIN_PART_BYTES)
        );
    }

    #[test]
    fn sizes_read_with_units() {
        assert_eq!(parse_bytes("512M"), Ok(512 << 20));
        assert_eq!(parse_bytes("2g"), Ok(2 << 30));
        assert_eq!(parse_bytes("4096"), Ok(4096));
        assert!(parse_bytes("12X").is_err());
        assert!(parse_bytes("0").is_err());
        assert!(parse_bytes("many").is_err());
    }
}
