//! Wire agencies that open a dateline on their own (`data/wire_agencies.txt`).

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
