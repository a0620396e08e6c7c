//! Is a maintained crate as good as storyline's own MinHash and robots.txt matcher? Runs both
//! sides on the same input and prints the time of each (MinHash: best of five runs; robots.txt:
//! also agreement with RFC 9309's rules). (The same comparison for union-find found petgraph's
//! faster, so storyline-analyse now uses petgraph's; see docs/BENCHMARKS.md.)
//!
//! `taskset -c 0 cargo run --release --manifest-path bench/crate-compare/Cargo.toml`

mod robots;

use std::collections::hash_map::DefaultHasher;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::time::{Duration, Instant};

use probminhash::densminhash::OptDensMinHash;
use storyline_analyse::Signature;

/// Texts sketched in the MinHash run, and words in each.
const TEXTS: usize = 5_000;
const WORDS: usize = 600;
/// Bins of storyline's signatures (21 bands of 3 rows), used for the crate's sketches too.
const BINS: usize = 63;

/// A small deterministic generator (xorshift64*), so both sides see the same input.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// The best of five runs of `f`.
fn best(mut f: impl FnMut() -> u64) -> (Duration, u64) {
    let mut out = (Duration::MAX, 0);
    for _ in 0..5 {
        let t = Instant::now();
        let check = f();
        out = (out.0.min(t.elapsed()), check);
    }
    out
}

fn main() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let vocabulary: Vec<String> = (0..20_000).map(|i| format!("w{i:x}")).collect();
    let texts: Vec<String> = (0..TEXTS)
        .map(|_| {
            let words: Vec<&str> = (0..WORDS)
                .map(|_| vocabulary[rng.next() as usize % vocabulary.len()].as_str())
                .collect();
            words.join(" ")
        })
        .collect();
    let ours = best(|| texts.iter().filter_map(|t| Signature::of_text(t)).count() as u64);
    // The crate sketches hashable items: the same 5-word shingles, hashed as storyline does
    // not (DefaultHasher), which the crate then re-hashes into its own random draws.
    let theirs = best(|| {
        let mut n = 0;
        for t in &texts {
            let words: Vec<&str> = t.split_whitespace().collect();
            let shingles: Vec<u64> = words
                .windows(5)
                .map(|w| {
                    let mut h = DefaultHasher::new();
                    w.hash(&mut h);
                    h.finish()
                })
                .collect();
            let mut sketch =
                OptDensMinHash::<f64, u64, DefaultHasher>::new(BINS, BuildHasherDefault::default());
            if sketch.sketch_slice(&shingles).is_ok() {
                n += sketch.get_hsketch().len() as u64 / BINS as u64;
            }
        }
        n
    });
    println!(
        "MinHash, {TEXTS} texts of {WORDS} words, {BINS}-bin signatures: storyline {:.1} ms, probminhash OptDensMinHash {:.1} ms",
        ours.0.as_secs_f64() * 1e3,
        theirs.0.as_secs_f64() * 1e3
    );
    robots::compare();
}
