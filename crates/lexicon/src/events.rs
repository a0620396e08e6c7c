//! Word lists of event coding: the PLOVER trigger table (`data/event_triggers.tsv`, columns
//! documented in its header), the light verbs (`data/light_verbs.txt`) and the actor tables
//! (`data/event_*.tsv`: countries, actors, demonyms, sectors and offices, two columns each).

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

/// The event coder's actor tables as shipped, each two tab-separated columns a row (key,
/// value; `#` comments): see [`ActorTables`].
///
/// ```
/// let t = storyline_lexicon::actor_tables();
/// assert!(t.countries.lines().any(|l| l == "Ukraine\tUKR"));
/// ```
pub fn actor_tables() -> ActorTables {
    ActorTables {
        countries: include_str!("../data/event_countries.tsv"),
        actors: include_str!("../data/event_actors.tsv"),
        demonyms: include_str!("../data/event_demonyms.tsv"),
        sectors: include_str!("../data/event_sectors.tsv"),
        leaders: include_str!("../data/event_leaders.tsv"),
    }
}

/// The data of [`actor_tables`].
#[derive(Debug, Clone, Copy)]
pub struct ActorTables {
    /// Canonical country name (as [`crate::Lexicon`] spells it) → ISO 3166-1 alpha-3.
    pub countries: &'static str,
    /// Country aliases, capitals, institutions, international bodies and movements → actor
    /// code ("Kremlin" → "RUSGOV", "NATO" → "IGONATO").
    pub actors: &'static str,
    /// Nationality words beyond the lexicon's demonyms → ISO alpha-3 ("Fijian" → "FJI").
    pub demonyms: &'static str,
    /// Head nouns and titles → PLOVER sector ("troops" → "MIL").
    pub sectors: &'static str,
    /// Office holders' full names → actor code ("Ronald Reagan" → "USAGOV").
    pub leaders: &'static str,
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
