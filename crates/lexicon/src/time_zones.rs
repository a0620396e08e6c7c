//! Time-zone abbreviations that pages print after a time (`data/time_zones.tsv`), with their
//! offsets from UTC: the date module reads them to place a dateline's time.

use std::sync::LazyLock;

use crate::lists::WordMap;
use crate::load::{rows, with_lower};

static ZONES: LazyLock<WordMap<i32>> = LazyLock::new(|| {
    WordMap::new(
        "time_zones",
        rows(include_str!("../data/time_zones.tsv")).filter_map(|r| match r[..] {
            [name, minutes, ..] => Some((name, minutes.parse().ok()?)),
            _ => None,
        }),
    )
});

static NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut names: Vec<&'static str> = rows(include_str!("../data/time_zones.tsv"))
        .filter_map(|r| r.first().copied())
        .collect();
    // Longest first, so that an alternation built from them prefers "eest" to "est".
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
});

/// Minutes east of UTC of a zone abbreviation, in any case ("IST" → 330, "edt" → −240).
///
/// ```
/// assert_eq!(storyline_lexicon::time_zone_offset("IST"), Some(330));
/// assert_eq!(storyline_lexicon::time_zone_offset("edt"), Some(-240));
/// assert_eq!(storyline_lexicon::time_zone_offset("XYZ"), None);
/// ```
pub fn time_zone_offset(name: &str) -> Option<i32> {
    with_lower(name, |n| ZONES.get(n).copied())
}

/// Every zone abbreviation (lower case), longest first.
///
/// ```
/// assert!(storyline_lexicon::time_zone_names().contains(&"gmt"));
/// ```
pub fn time_zone_names() -> &'static [&'static str] {
    &NAMES
}
