//! The snippet of a search hit on PostgreSQL: the window of an article's text that holds the
//! most searched words, each in `[brackets]`, cut at word boundaries with `…` where the text
//! goes on. It is computed here rather than with `ts_headline`, which parses and normalises
//! the whole text of every hit (3.5 ms an article at 100k articles, most of the search's time).
//! Words compare as the search index folds them: letter case and accents do not matter.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Words in a snippet (as SQLite's FTS5 `snippet(…, 16)` and the PostgreSQL query asked).
pub(crate) const SNIPPET_WORDS: usize = 16;

/// `word` lower-cased, without accents ("Köln" → "koln").
fn fold(word: &str) -> String {
    word.nfd()
        .filter(|&c| !is_combining_mark(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The byte ranges of the words of `text` (runs of letters and digits).
fn word_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// The snippet of `text` for the searched `words`: the first window of [`SNIPPET_WORDS`] words
/// that holds the most distinct searched words (then the most matches), shifted so that its
/// matches sit in the middle.
pub(crate) fn snippet(text: &str, words: &[&str]) -> String {
    let wanted: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let ranges = word_ranges(text);
    if ranges.is_empty() {
        return String::new();
    }
    // Which searched word each text word is, if any.
    let hit: Vec<Option<usize>> = ranges
        .iter()
        .map(|&(s, e)| {
            let f = fold(&text[s..e]);
            wanted.iter().position(|w| *w == f)
        })
        .collect();
    let n = ranges.len();
    let width = SNIPPET_WORDS.min(n);
    let mut best = (0, 0, 0); // (distinct, matches, start)
    let mut counts = vec![0usize; wanted.len()];
    let (mut distinct, mut matches) = (0, 0);
    for i in 0..n {
        if let Some(w) = hit[i] {
            counts[w] += 1;
            matches += 1;
            distinct += usize::from(counts[w] == 1);
        }
        if i >= width {
            if let Some(w) = hit[i - width] {
                counts[w] -= 1;
                matches -= 1;
                distinct -= usize::from(counts[w] == 0);
            }
        }
        let start = (i + 1).saturating_sub(width);
        if i + 1 >= width && (distinct, matches) > (best.0, best.1) {
            best = (distinct, matches, start);
        }
    }
    // The window's matches centred in it (they all stay in), within the text.
    let matched: Vec<usize> = (best.2..best.2 + width)
        .filter(|&k| hit[k].is_some())
        .collect();
    let start = match (matched.first(), matched.last()) {
        (Some(&first), Some(&last)) => first
            .saturating_sub((width - (last - first + 1)) / 2)
            .min(n - width),
        _ => 0,
    };
    let end = start + width;
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut at = ranges[start].0;
    for k in start..end {
        let (s, e) = ranges[k];
        out.push_str(&text[at..s]);
        if hit[k].is_some() {
            out.push('[');
            out.push_str(&text[s..e]);
            out.push(']');
        } else {
            out.push_str(&text[s..e]);
        }
        at = e;
    }
    if end < n {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_the_words_folded_as_the_index_folds_them() {
        assert_eq!(
            snippet("Marathon in Köln: KOLN runners", &["koln"]),
            "Marathon in [Köln]: [KOLN] runners"
        );
    }

    #[test]
    fn picks_the_window_with_the_most_searched_words() {
        let text = "Talks on pay went on. ".to_string()
            + &"filler words here. ".repeat(10)
            + "workers got their pay at last. "
            + &"filler words here. ".repeat(10);
        let s = snippet(&text, &["workers", "pay"]);
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("[workers] got their [pay]"), "{s}");
        assert_eq!(word_ranges(&s).len(), SNIPPET_WORDS, "{s}");
    }

    #[test]
    fn short_texts_are_whole_and_words_never_split() {
        assert_eq!(snippet("Ein Wort", &["wort"]), "Ein [Wort]");
        assert_eq!(snippet("", &["x"]), "");
        assert_eq!(snippet("…—", &["x"]), "");
        let long = "a ".repeat(40) + "needle";
        assert_eq!(
            snippet(&long, &["needle"]).matches(' ').count(),
            SNIPPET_WORDS - 1
        );
    }
}
