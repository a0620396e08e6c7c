//! Named word lists whose use can be measured and switched off.
//!
//! Every closed word class the stages read is a [`WordList`] with a name (its data file's
//! stem). With [`count_hits`] on, each list counts the look-ups it answered "yes" to, so a run
//! can show which lists decided its articles ([`hits`]); a list named in the
//! `STORYLINE_LEXICON_OFF` environment variable (comma-separated names, read once) answers
//! "no" to everything, so its contribution can be re-scored without editing code.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{LazyLock, Mutex};

/// The environment variable that switches lists off: `STORYLINE_LEXICON_OFF=titles,openers`.
pub const OFF_VARIABLE: &str = "STORYLINE_LEXICON_OFF";

static COUNTING: AtomicBool = AtomicBool::new(false);

/// Names of the lists switched off for this process.
static OFF: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    std::env::var(OFF_VARIABLE)
        .unwrap_or_default()
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
});

/// Every list built in this process, with its hit counter, for [`hits`].
static REGISTRY: Mutex<Vec<(&'static str, &'static AtomicU64)>> = Mutex::new(Vec::new());

/// A named set of words from one data file.
#[derive(Debug)]
pub struct WordList {
    name: &'static str,
    words: FxHashSet<&'static str>,
    off: bool,
    hits: &'static AtomicU64,
}

impl WordList {
    /// A list called `name` holding `words`; registered for [`hits`].
    pub fn new(name: &'static str, words: impl IntoIterator<Item = &'static str>) -> WordList {
        WordList {
            name,
            words: words.into_iter().collect(),
            off: OFF.contains(name),
            hits: register(name),
        }
    }

    /// The list's name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Whether `word` is on the list (always false for a list switched off).
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        if self.off {
            return false;
        }
        let hit = self.words.contains(word);
        if hit && COUNTING.load(Ordering::Relaxed) {
            self.hits.fetch_add(1, Ordering::Relaxed);
        }
        hit
    }

    /// The list's own copy of `word`, if the list holds it (never for a list switched off):
    /// for callers that keep the word beyond the look-up.
    pub fn get(&self, word: &str) -> Option<&'static str> {
        if self.off {
            return None;
        }
        let hit = self.words.get(word).copied();
        if hit.is_some() && COUNTING.load(Ordering::Relaxed) {
            self.hits.fetch_add(1, Ordering::Relaxed);
        }
        hit
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the list has no words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// A new hit counter for the list `name`, registered for [`hits`]: one per list for the life
/// of the process (lists are built once).
fn register(name: &'static str) -> &'static AtomicU64 {
    let hits: &'static AtomicU64 = Box::leak(Box::new(AtomicU64::new(0)));
    if let Ok(mut registry) = REGISTRY.lock() {
        registry.push((name, hits));
    }
    hits
}

/// A named map from words of one data file to what the file says about each (a cut, an
/// offset): a [`WordList`] whose look-ups return a value, counted and switched off the same
/// way.
#[derive(Debug)]
pub struct WordMap<V> {
    name: &'static str,
    entries: FxHashMap<&'static str, V>,
    off: bool,
    hits: &'static AtomicU64,
}

impl<V> WordMap<V> {
    /// A map called `name` holding `entries`; registered for [`hits`].
    pub fn new(
        name: &'static str,
        entries: impl IntoIterator<Item = (&'static str, V)>,
    ) -> WordMap<V> {
        WordMap {
            name,
            entries: entries.into_iter().collect(),
            off: OFF.contains(name),
            hits: register(name),
        }
    }

    /// The map's name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The value of `word`, if the map holds it (never for a map switched off).
    #[inline]
    pub fn get(&self, word: &str) -> Option<&V> {
        if self.off {
            return None;
        }
        let hit = self.entries.get(word);
        if hit.is_some() && COUNTING.load(Ordering::Relaxed) {
            self.hits.fetch_add(1, Ordering::Relaxed);
        }
        hit
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the map has no words.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// One named list per class of a two-column (word, class) data file, in the order of
/// `classes`: list `i` holds the words whose class is `classes[i]` and is named
/// `STEM.CLASS` (`quote_words.cue`), so each class counts its hits and can be switched off.
pub(crate) fn classed(stem: &str, data: &'static str, classes: &[&'static str]) -> Vec<WordList> {
    classes
        .iter()
        .map(|&class| {
            let name: &'static str = Box::leak(format!("{stem}.{class}").into());
            let words = crate::load::rows(data)
                .filter(move |r| r.get(1) == Some(&class))
                .filter_map(|r| r.first().copied());
            WordList::new(name, words)
        })
        .collect()
}

/// Rows of a two-column (word, class) data file that are not exactly a word and one of
/// `classes`: empty for a well-formed file (the data files' own tests check it).
#[cfg(test)]
pub(crate) fn bad_rows(data: &'static str, classes: &[&'static str]) -> Vec<Vec<&'static str>> {
    crate::load::rows(data)
        .filter(|r| r.len() != 2 || !classes.contains(&r[1]))
        .collect()
}

/// Starts (or stops) counting hits for [`hits`]; off by default, as counting costs a little.
pub fn count_hits(on: bool) {
    COUNTING.store(on, Ordering::Relaxed);
}

/// Each list's name with its hits since counting started, most hits first, and whether it
/// is switched off.
pub fn hits() -> Vec<(&'static str, u64, bool)> {
    let mut rows: Vec<(&'static str, u64, bool)> = REGISTRY
        .lock()
        .map(|r| {
            r.iter()
                .map(|&(name, n)| (name, n.load(Ordering::Relaxed), OFF.contains(name)))
                .collect()
        })
        .unwrap_or_default();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_hits_only_when_asked() {
        // One test for lists and maps: counting is process-wide, tests run in parallel.
        let list = WordList::new("test_colours", ["red", "blue"]);
        let map = WordMap::new("test_sizes", [("small", 1), ("large", 3)]);
        assert!(list.contains("red"));
        assert!(!list.contains("green"));
        let of = |name| hits().into_iter().find(|r| r.0 == name).map(|r| r.1);
        assert_eq!(of("test_colours"), Some(0));
        count_hits(true);
        assert!(list.contains("blue"));
        assert!(!list.contains("green"));
        assert_eq!(map.get("large"), Some(&3));
        assert_eq!(map.get("medium"), None);
        count_hits(false);
        assert_eq!(map.get("small"), Some(&1));
        assert!(list.contains("blue"));
        assert_eq!(of("test_colours"), Some(1));
        assert_eq!(list.len(), 2);
        assert_eq!(list.name(), "test_colours");
        assert_eq!(of("test_sizes"), Some(1));
        assert_eq!(
            (map.len(), map.is_empty(), map.name()),
            (2, false, "test_sizes")
        );
    }
}
