//! Runs the cleaner over every seed page and checks the rules' safety properties: no body
//! sentence is lost (except as a duplicate), no URL, e-mail, XPath or navigation line is
//! kept, every removal is a real piece of raw, and the origin map points back into raw.

use std::path::PathBuf;

use storyline_clean::Cleaner;
use storyline_record::{Article, RemovalReason};

fn seeds() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if let Ok(raw) = std::fs::read_to_string(&path) {
            out.push((path.display().to_string(), raw));
        }
    }
    out.sort();
    out
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(|c: char| c.is_whitespace() || "\"'”’)".contains(c))
        .ends_with(['.', '!', '?'])
}

#[test]
fn seeds_keep_every_sentence_and_drop_raw_metadata() {
    let pages = seeds();
    assert!(!pages.is_empty(), "no seed pages found");
    let cleaner = Cleaner::new();
    for (path, raw) in pages {
        let mut a = Article::new(path.clone(), raw);
        cleaner.annotate(&mut a);
        assert!(!a.text.is_empty(), "{path}: empty text");
        for r in &a.removed {
            let piece = r.span.slice(&a.raw);
            assert!(!piece.trim().is_empty(), "{path}: empty removal");
            let words = piece.split_whitespace().count();
            if r.reason != RemovalReason::Duplicate && ends_sentence(piece) && words >= 12 {
                panic!(
                    "{path}: removed a body sentence as {}: {piece}",
                    r.reason.as_str()
                );
            }
        }
        for line in a.text.lines() {
            let t = line.trim();
            let url =
                t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.");
            let email = !t.contains(' ') && t.contains('@');
            let xpath = t.starts_with('/') && t.contains("[@");
            let nav = t.to_lowercase().starts_with("skip ") || t.starts_with("Go to homepage");
            assert!(
                !(url || email || xpath || nav),
                "{path}: kept furniture line {t:?}"
            );
        }
        for &(t, r) in &a.origin {
            assert_eq!(
                a.text.as_bytes().get(t),
                a.raw.as_bytes().get(r),
                "{path}: origin {t}->{r}"
            );
        }
        // Nothing lost silently: every non-space byte of raw is kept or removed.
        let mut covered = vec![false; a.raw.len()];
        for r in &a.removed {
            covered[r.span.range()].iter_mut().for_each(|c| *c = true);
        }
        let kept: usize = a.text.split_whitespace().map(str::len).sum();
        let removed_or_space = a
            .raw
            .char_indices()
            .filter(|&(i, c)| !c.is_whitespace() && !covered[i])
            .map(|(_, c)| c.len_utf8())
            .sum::<usize>();
        assert_eq!(
            kept, removed_or_space,
            "{path}: bytes neither kept nor removed"
        );
    }
}
