//! Precision and recall of the framing stage on passages written for this test: neutral wire
//! copy and loaded writing in many styles, each with the markers a careful reader would mark.
//! `tests/data/passages.jsonl` is the development set (rules were corrected on its errors);
//! `tests/data/heldout.jsonl` was written afterwards and never tuned on. A found marker is right
//! when an expected one of the same kind and voice overlaps it. Prints the figures (`cargo test
//! -p storyline-framing --test precision -- --nocapture`) and fails when they fall below the
//! floors below (the figures are in docs/BENCHMARKS.md).

use serde_json::Value;
use storyline_framing::FramingFinder;
use storyline_record::{Article, Span};

/// Floors the stage must keep on either set (figures measured 2026-12-04 in BENCHMARKS.md).
const MIN_PRECISION: f64 = 0.85;
const MIN_RECALL: f64 = 0.70;
/// Wrong own-voice markers per 1,000 words of the neutral passages.
const MAX_NEUTRAL_FALSE_RATE: f64 = 2.0;

struct Expected {
    kind: String,
    voice: String,
    span: Span,
}

fn expected(text: &str, e: &Value) -> Expected {
    let words = e["text"].as_str().expect("expected text");
    let nth = e["nth"].as_u64().unwrap_or(1) as usize;
    let start = text
        .match_indices(words)
        .nth(nth - 1)
        .map(|(i, _)| i)
        .expect("expected words in the passage");
    Expected {
        kind: e["kind"].as_str().expect("kind").to_string(),
        voice: e["voice"].as_str().expect("voice").to_string(),
        span: Span::new(start, start + words.len()),
    }
}

fn annotate(text: &str) -> Article {
    let mut a = Article::new("passage.txt", "");
    a.set_text(text.to_string());
    storyline_segment::Segmenter::new().annotate(&mut a);
    storyline_syntax::SyntaxAnnotator::new().annotate(&mut a);
    storyline_entities::EntityRecognizer::new().annotate(&mut a);
    storyline_quotes::QuoteFinder::new().annotate(&mut a);
    FramingFinder::new().annotate(&mut a);
    a
}

#[derive(Default)]
struct Counts {
    found: usize,
    right: usize,
    expected: usize,
    recalled: usize,
}

impl Counts {
    fn precision(&self) -> f64 {
        ratio(self.right, self.found)
    }
    fn recall(&self) -> f64 {
        ratio(self.recalled, self.expected)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

#[test]
fn precision_and_recall_on_the_development_passages() {
    score("development", include_str!("data/passages.jsonl"));
}

#[test]
fn precision_and_recall_on_the_held_out_passages() {
    score("held-out", include_str!("data/heldout.jsonl"));
}

fn score(name: &str, data: &str) {
    let kinds = ["scare_quote", "so_called", "hedge", "loaded"];
    let mut per_kind: Vec<Counts> = kinds.iter().map(|_| Counts::default()).collect();
    let mut total = Counts::default();
    let (mut neutral_words, mut neutral_markers, mut neutral_wrong) = (0usize, 0usize, 0usize);
    let mut num_passages = 0usize;
    let mut errors = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let p: Value = serde_json::from_str(line).expect("passage is JSON");
        let id = p["id"].as_str().unwrap_or("?");
        let text = p["text"].as_str().expect("text");
        num_passages += 1;
        let gold: Vec<Expected> = p["expected"]
            .as_array()
            .expect("expected list")
            .iter()
            .map(|e| expected(text, e))
            .collect();
        let a = annotate(text);
        let matches = |k: &str, v: &str, s: Span, g: &Expected| {
            g.kind == k && g.voice == v && g.span.overlaps(s)
        };
        for f in &a.framing {
            let (k, v) = (f.kind.as_str(), f.voice.as_str());
            let ok = gold.iter().any(|g| matches(k, v, f.span, g));
            let i = kinds.iter().position(|x| *x == k).expect("known kind");
            for c in [&mut per_kind[i], &mut total] {
                c.found += 1;
                c.right += usize::from(ok);
            }
            if !ok {
                errors.push(format!("{id}: extra {k}/{v} {:?}", f.span.slice(text)));
            }
        }
        for g in &gold {
            let ok = a
                .framing
                .iter()
                .any(|f| matches(f.kind.as_str(), f.voice.as_str(), f.span, g));
            let i = kinds.iter().position(|x| *x == g.kind).expect("known kind");
            for c in [&mut per_kind[i], &mut total] {
                c.expected += 1;
                c.recalled += usize::from(ok);
            }
            if !ok {
                errors.push(format!(
                    "{id}: missed {}/{} {:?}",
                    g.kind,
                    g.voice,
                    g.span.slice(text)
                ));
            }
        }
        if p["neutral"].as_bool() == Some(true) {
            neutral_words += text.split_whitespace().count();
            for f in a
                .framing
                .iter()
                .filter(|f| f.voice == storyline_record::Voice::Outlet)
            {
                neutral_markers += 1;
                let ok = gold
                    .iter()
                    .any(|g| matches(f.kind.as_str(), "outlet", f.span, g));
                neutral_wrong += usize::from(!ok);
            }
        }
    }
    let per_1000 = |n: usize| 1000.0 * n as f64 / neutral_words.max(1) as f64;
    println!("framing on {num_passages} {name} passages of our own:");
    for (k, c) in kinds.iter().zip(&per_kind) {
        println!(
            "  {k:<12} precision {:.3} ({}/{})  recall {:.3} ({}/{})",
            c.precision(),
            c.right,
            c.found,
            c.recall(),
            c.recalled,
            c.expected
        );
    }
    println!(
        "  {:<12} precision {:.3} ({}/{})  recall {:.3} ({}/{})",
        "all",
        total.precision(),
        total.right,
        total.found,
        total.recall(),
        total.recalled,
        total.expected
    );
    println!(
        "  neutral passages: {neutral_markers} own-voice markers in {neutral_words} words \
         ({:.2} per 1,000 words), {neutral_wrong} of them wrong ({:.2} per 1,000 words)",
        per_1000(neutral_markers),
        per_1000(neutral_wrong)
    );
    for e in &errors {
        println!("  {e}");
    }
    assert!(total.precision() >= MIN_PRECISION, "{name}: precision fell");
    assert!(total.recall() >= MIN_RECALL, "{name}: recall fell");
    assert!(
        per_1000(neutral_wrong) <= MAX_NEUTRAL_FALSE_RATE,
        "{name}: neutral copy got framed"
    );
}
