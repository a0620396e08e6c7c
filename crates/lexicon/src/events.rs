//! Word lists of event coding: the PLOVER trigger table (`data/event_triggers.tsv`, columns
//! documented in its header) and the light verbs (`data/light_verbs.txt`).

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

use crate::load::words;

static LIGHT_VERBS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("../data/light_verbs.txt")).collect());

/// The PLOVER trigger table as shipped: one tab-separated row per trigger word or phrase
/// (`action`, `pattern`, `cameo`, `mode`, `flags`; see the file's header), which the event
/// coder parses into its matcher.
///
/// ```
/// assert!(storyline_lexicon::event_triggers().lines().any(|l| l.starts_with("AGREE\tagree")));
/// ```
pub fn event_triggers() -> &'static str {
    include_str!("../data/event_triggers.tsv")
}

/// Whether `lemma` is a light verb: a verb that lends its clause to a noun in a phrase it
/// governs, so that the noun is the event ("put under investigation", "remained on alert").
///
/// ```
/// assert!(storyline_lexicon::is_light_verb("remain"));
/// assert!(!storyline_lexicon::is_light_verb("attack"));
/// ```
pub fn is_light_verb(lemma: &str) -> bool {
    LIGHT_VERBS.contains(lemma)
}
