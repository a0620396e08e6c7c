//! Word clusters learnt from unlabelled text (Brown et al. 1992, "class-based n-gram models"):
//! words that occur in like contexts share a class, and the classes form a binary tree, so a
//! word's cluster is a bit string whose prefixes name coarser and coarser groups ("0110…":
//! months; its first bits: other time words). A tagger reads prefixes of it as features,
//! which carries what unlabelled text shows about words the annotated corpora never had
//! (Koo, Carreras and Collins 2008; Turian, Ratinov and Bengio 2010).
//!
//! Training: the exchange algorithm assigns the words to a fixed number of classes
//! ([`exchange`]), then the classes are merged pairwise into the tree ([`tree`]). The file
//! is the `paths` format of Liang's `wcluster`, one word a line: `bits TAB word TAB count`.

mod bigrams;
mod exchange;
mod tree;

use std::collections::HashMap;

use bigrams::{Bigrams, BOUNDARY, RARE};
use exchange::XLogX;

/// How to learn the clusters.
#[derive(Debug, Clone)]
pub struct ClusterOptions {
    /// Number of classes before they are joined into a tree.
    pub classes: usize,
    /// Words seen fewer times are left out.
    pub min_count: u64,
    /// Most passes of the exchange algorithm.
    pub passes: usize,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            classes: 1000,
            min_count: 2,
            passes: 12,
        }
    }
}

/// Words and their cluster paths.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Clusters {
    /// `(path, word, count)`, sorted by path, then count (descending), then word.
    entries: Vec<(String, String, u64)>,
    index: HashMap<String, usize>,
}

/// A line of a clusters file that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct ClustersError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub reason: String,
}

impl Clusters {
    /// Learns clusters from sentences of words (as the models will look them up); reports
    /// each pass of the exchange algorithm (pass number, words moved) to `progress`.
    pub fn train(
        sentences: &[Vec<String>],
        opts: &ClusterOptions,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Clusters {
        let bigrams = Bigrams::new(sentences, opts.min_count);
        let f = XLogX::new(bigrams.total());
        let n = opts.classes.clamp(1, bigrams.words().max(1));
        let (class, counts) = exchange::exchange(&bigrams, n, opts.passes, &f, progress);
        let paths = tree::paths(&counts, &f);
        let entries = bigrams
            .vocab
            .iter()
            .zip(&class)
            .filter(|((w, _), _)| w != RARE && w != BOUNDARY)
            .filter_map(|((w, c), &k)| {
                let path = paths[k as usize].clone()?;
                Some((path, w.clone(), *c))
            })
            .collect();
        Clusters::from_entries(entries)
    }

    fn from_entries(mut entries: Vec<(String, String, u64)>) -> Clusters {
        entries.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| b.2.cmp(&a.2))
                .then_with(|| a.1.cmp(&b.1))
        });
        let index = entries
            .iter()
            .enumerate()
            .map(|(i, (_, w, _))| (w.clone(), i))
            .collect();
        Clusters { entries, index }
    }

    /// Reads the `paths` format (`bits TAB word TAB count`; empty lines skipped).
    pub fn from_tsv(text: &str) -> Result<Clusters, ClustersError> {
        let mut entries = Vec::new();
        let mut seen = HashMap::new();
        for (n, line) in text.lines().enumerate() {
            let err = |reason: String| ClustersError {
                line: n + 1,
                reason,
            };
            if line.is_empty() {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(path), Some(word), Some(count), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(err("expected three tab-separated fields".into()));
            };
            if path.is_empty() || !path.bytes().all(|b| b == b'0' || b == b'1') {
                return Err(err(format!("the path {path:?} is not a string of 0 and 1")));
            }
            if word.is_empty() {
                return Err(err("empty word".into()));
            }
            let count = count
                .parse::<u64>()
                .map_err(|e| err(format!("count {count:?}: {e}")))?;
            if let Some(first) = seen.insert(word.to_string(), n + 1) {
                return Err(err(format!("{word:?} is already on line {first}")));
            }
            entries.push((path.to_string(), word.to_string(), count));
        }
        Ok(Clusters::from_entries(entries))
    }

    /// Writes the `paths` format.
    pub fn to_tsv(&self) -> String {
        let mut out = String::new();
        for (path, word, count) in &self.entries {
            out.push_str(&format!("{path}\t{word}\t{count}\n"));
        }
        out
    }

    /// The cluster path of `word`, if it has one.
    pub fn path(&self, word: &str) -> Option<&str> {
        self.index.get(word).map(|&i| self.entries[i].0.as_str())
    }

    /// Every word with its path.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries
            .iter()
            .map(|(p, w, _)| (w.as_str(), p.as_str()))
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// No words at all.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Vec<Vec<String>> {
        let mut out = Vec::new();
        let days = ["monday", "tuesday", "friday", "sunday"];
        let people = ["smith", "jones", "brown", "garcia"];
        let verbs = ["said", "argued", "added", "warned"];
        for (i, d) in days.iter().enumerate() {
            for (j, p) in people.iter().enumerate() {
                let v = verbs[(i + j) % 4];
                out.push(
                    format!("on {d} , {p} {v} that the vote would pass .")
                        .split(' ')
                        .map(str::to_string)
                        .collect(),
                );
            }
        }
        out
    }

    #[test]
    fn words_in_like_contexts_share_clusters() {
        let opts = ClusterOptions {
            classes: 8,
            min_count: 2,
            passes: 10,
        };
        let c = Clusters::train(&corpus(), &opts, &mut |_, _| {});
        let p = |w: &str| c.path(w).unwrap().to_string();
        assert_eq!(p("monday"), p("friday"));
        assert_eq!(p("smith"), p("garcia"));
        assert_ne!(p("monday"), p("the"));
        assert_eq!(p("said"), p("warned"));
        assert!(c.path("<s>").is_none() && c.path("<rare>").is_none());
    }

    #[test]
    fn training_is_deterministic_and_the_file_round_trips() {
        let opts = ClusterOptions {
            classes: 5,
            min_count: 1,
            passes: 5,
        };
        let a = Clusters::train(&corpus(), &opts, &mut |_, _| {});
        let b = Clusters::train(&corpus(), &opts, &mut |_, _| {});
        assert_eq!(a.to_tsv(), b.to_tsv());
        let read = Clusters::from_tsv(&a.to_tsv()).unwrap();
        assert_eq!(read, a);
        assert!(!a.is_empty());
    }

    #[test]
    fn bad_lines_are_named() {
        for (text, line, what) in [
            ("01\ta\t3\n0x\tb\t2\n", 2, "not a string"),
            ("01\ta\n", 1, "three"),
            ("01\ta\t3\n1\ta\t2\n", 2, "already on line 1"),
            ("01\ta\tmany\n", 1, "count"),
        ] {
            let e = Clusters::from_tsv(text).unwrap_err();
            assert_eq!(e.line, line, "{text}");
            assert!(e.reason.contains(what), "{e}");
        }
    }
}
