//! Agencies and credits: wire agencies that open a dateline on their own
//! (`data/wire_agencies.txt`) and the markers of photo credit lines (`data/credit_markers.txt`).

use std::sync::LazyLock;

use crate::load::words;

static AGENCIES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(include_str!("../data/wire_agencies.txt")).collect());

/// Names of wire agencies as they appear in a dateline's brackets, in file order.
///
/// ```
/// assert!(storyline_lexicon::wire_agencies().contains(&"Reuters"));
/// ```
pub fn wire_agencies() -> &'static [&'static str] {
    &AGENCIES
}

static CREDITS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(include_str!("../data/credit_markers.txt")).collect());

/// Markers of a photo caption or credit line ("Photo:", "Getty Images"), matched as written.
///
/// ```
/// assert!(storyline_lexicon::credit_markers().contains(&"Getty Images"));
/// ```
pub fn credit_markers() -> &'static [&'static str] {
    &CREDITS
}
