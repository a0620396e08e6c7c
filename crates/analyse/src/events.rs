//! Events counted once per story: the same event reported by several articles and outlets is
//! one [`EventGroup`] with all its mentions.
//!
//! Two mentions are the same event when they are in the same story, have the same PLOVER
//! action, the same source and target actor, the same modality, and dates within a small
//! window. Actors are canonical entities (so "Sergei Lavrov" and "Lavrov" agree); a country,
//! capital or government body with a state actor code is keyed by the code instead, because
//! outlets name the same government as "Russia", "Moscow" or "the Kremlin". Mentions are
//! hashed on (story, action, source, target) and each bucket is swept by date, so the cost is
//! a sort, never a comparison of every pair. An asserted event and its denial stay apart but
//! point at each other as conflicting reports.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use storyline_record::{Record, RecordEvent};

use crate::chars::CharText;
use crate::entities::{EntityId, EntityIndex};
use crate::stories::StorySet;
use storyline_dates::Date;

mod sweep;

use sweep::{link_conflicts, sweep};

/// Days two mentions' stated dates may differ (outlets in different time zones).
pub const STATED_WINDOW_DAYS: i32 = 1;
/// Days two mentions may differ when either is dated only by its publication date: the event
/// happened at most a day or two before the article about it.
pub const PUBLICATION_WINDOW_DAYS: i32 = 2;

/// How a mention reports its event; mentions of different modality are different events.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Reported as having happened (the default).
    #[default]
    Asserted,
    /// Denied: "did not", "never".
    Negated,
    /// Conditional, future, proposed or intended.
    Hypothetical,
    /// A denied possibility: "would not send troops should it invade".
    NegatedHypothetical,
}

impl Modality {
    /// The modality of a record's event flags.
    pub fn of(negated: bool, hypothetical: bool) -> Modality {
        match (negated, hypothetical) {
            (false, false) => Modality::Asserted,
            (true, false) => Modality::Negated,
            (false, true) => Modality::Hypothetical,
            (true, true) => Modality::NegatedHypothetical,
        }
    }

    /// Whether the event is reported as fact.
    pub fn is_asserted(self) -> bool {
        self == Modality::Asserted
    }

    /// Whether the mention denies the event.
    pub fn is_negated(self) -> bool {
        matches!(self, Modality::Negated | Modality::NegatedHypothetical)
    }

    /// Lowercase label for tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Hypothetical => "hypothetical",
            Modality::NegatedHypothetical => "negated hypothetical",
        }
    }
}

/// One article's report of an event.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EventMention {
    /// Article id.
    pub article: String,
    /// Index into the analysed records.
    #[serde(skip)]
    pub index: usize,
    /// Outlet of the article.
    pub outlet: Option<String>,
    /// Publication date of the article.
    pub published: Option<Date>,
    /// The event's date as this article gives it (else its publication date).
    pub date: Option<Date>,
    /// Whether the date is stated in the sentence rather than taken from publication.
    pub date_stated: bool,
    /// Source as the article names it.
    pub source: Option<String>,
    /// Target as the article names it.
    pub target: Option<String>,
    /// Denied, as reported.
    pub negated: bool,
    /// Conditional, future or proposed, as reported.
    pub hypothetical: bool,
    /// Character span of the reporting sentence.
    pub span: [usize; 2],
    /// Character span of the trigger, when known.
    pub trigger: Option<[usize; 2]>,
    /// The reporting sentence.
    pub text: String,
}

/// One event of one story with every mention of it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EventGroup {
    /// Stable within a run: `STORY-N`, N counting the story's events by first date.
    pub id: String,
    /// Story id.
    pub story: String,
    /// Index of the story in [`StorySet::stories`].
    #[serde(skip)]
    pub story_index: usize,
    /// PLOVER type.
    pub action: String,
    /// Source: canonical entity name, else the name or code an article gave.
    pub source: Option<String>,
    /// Source actor code as first reported.
    pub source_actor: Option<String>,
    /// Target: canonical entity name, else the name or code an article gave.
    pub target: Option<String>,
    /// Target actor code as first reported.
    pub target_actor: Option<String>,
    /// How the mentions report it.
    pub modality: Modality,
    /// Earliest mention date.
    pub first_date: Option<Date>,
    /// Latest mention date.
    pub last_date: Option<Date>,
    /// Number of mentions (articles may mention an event more than once).
    pub num_mentions: usize,
    /// Distinct outlets reporting it, in order of first report.
    pub outlets: Vec<String>,
    /// Mentions, earliest first.
    pub mentions: Vec<EventMention>,
    /// Ids of groups of the same story, action and actors at overlapping dates whose mentions
    /// deny what this one's assert (or the reverse): conflicting reports.
    pub conflicts: Vec<String>,
}

impl EventGroup {
    /// Whether the event is reported as fact.
    pub fn is_asserted(&self) -> bool {
        self.modality.is_asserted()
    }
}

/// How an actor is identified across articles.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum ActorKey<'r> {
    /// A canonical entity.
    Entity(EntityId),
    /// A state's country code ("RUS" for RUSGOV) or any code of an unresolved name.
    Code(&'r str),
    /// A name that is neither an entity nor coded, lowercased.
    Name(String),
    /// Not stated.
    Unknown,
}

/// Whether a code names a state (a bare country, its government or its military), the actors
/// outlets name by metonymy.
fn is_state_code(code: &str) -> bool {
    let code = code.trim();
    code.len() == 3 || code.ends_with("GOV") || code.ends_with("MIL")
}

/// The canonical entity of a name in article `a`: the record's own entity of that name or
/// alias when there is one (the events stage writes entity names), else by resolution.
fn entity_of(entities: &EntityIndex, r: &Record, a: usize, name: &str) -> Option<EntityId> {
    r.entities
        .iter()
        .position(|e| e.name == name || e.aliases.iter().any(|x| x == name))
        .and_then(|i| entities.of_record_entity(a, i))
        .or_else(|| entities.resolve(a, name))
}

/// The key and display name of an actor of article `a`.
fn actor<'r>(
    entities: &'r EntityIndex,
    r: &'r Record,
    a: usize,
    name: Option<&'r str>,
    code: Option<&'r str>,
) -> (ActorKey<'r>, Option<&'r str>) {
    let name = name.map(str::trim).filter(|n| !n.is_empty());
    let code = code.map(str::trim).filter(|c| !c.is_empty());
    let entity = name
        .and_then(|n| entity_of(entities, r, a, n))
        .and_then(|id| {
            entities
                .get(id)
                .map(|e| (id, e.name.as_str(), e.kind == "PERSON"))
        });
    match (entity, code) {
        // A state is one actor whichever of its bodies is named ("Serbia" SRB, "Belgrade"
        // SRBGOV, "Serbian forces" SRBMIL): key on the country.
        (Some((_, shown, false)), Some(c)) if is_state_code(c) => {
            (ActorKey::Code(c.get(..3).unwrap_or(c)), Some(shown))
        }
        (Some((id, shown, _)), _) => (ActorKey::Entity(id), Some(shown)),
        (None, Some(c)) => (ActorKey::Code(c), Some(name.unwrap_or(c))),
        (None, None) => match name {
            Some(n) => (ActorKey::Name(n.to_lowercase()), Some(n)),
            None => (ActorKey::Unknown, None),
        },
    }
}

/// A mention before grouping, with what the grouping needs.
struct Item<'r> {
    mention: EventMention,
    event: &'r RecordEvent,
    source_shown: Option<&'r str>,
    target_shown: Option<&'r str>,
    modality: Modality,
}

/// Groups every event of the corpus; groups ordered by story, then first date.
pub fn group_events<'r>(
    records: &'r [Record],
    entities: &'r EntityIndex,
    stories: &StorySet,
) -> Vec<EventGroup> {
    type Bucket<'r> = (usize, Cow<'r, str>, ActorKey<'r>, ActorKey<'r>);
    let mut items: Vec<Item> = Vec::new();
    let mut buckets: HashMap<Bucket, Vec<usize>> = HashMap::new();
    for (a, r) in records.iter().enumerate() {
        if r.events.is_empty() {
            continue;
        }
        let Some(&story) = stories.story_of.get(a) else {
            continue;
        };
        let published = r.published.as_deref().and_then(Date::parse_iso);
        let text = CharText::new(&r.text);
        for e in &r.events {
            let action = e.action.trim();
            if action.is_empty() {
                continue;
            }
            // Upper case is the norm; allocate only for the odd lowercase type.
            let action = if action.bytes().any(|b| b.is_ascii_lowercase()) {
                Cow::Owned(action.to_uppercase())
            } else {
                Cow::Borrowed(action)
            };
            let (src, source_shown) = actor(
                entities,
                r,
                a,
                e.source.as_deref(),
                e.source_actor.as_deref(),
            );
            let (tgt, target_shown) = actor(
                entities,
                r,
                a,
                e.target.as_deref(),
                e.target_actor.as_deref(),
            );
            let stated = e.date.as_deref().and_then(Date::parse_iso);
            let date = stated.or(published);
            buckets
                .entry((story, action, src, tgt))
                .or_default()
                .push(items.len());
            items.push(Item {
                mention: EventMention {
                    article: r.id.clone(),
                    index: a,
                    outlet: r.outlet.clone(),
                    published,
                    date,
                    date_stated: stated.is_some() && stated != published,
                    source: e.source.clone(),
                    target: e.target.clone(),
                    negated: e.negated,
                    hypothetical: e.hypothetical,
                    span: e.span,
                    trigger: e.trigger,
                    text: text.slice(e.span).trim().to_string(),
                },
                event: e,
                source_shown,
                target_shown,
                modality: Modality::of(e.negated, e.hypothetical),
            });
        }
    }

    // Each bucket: split by modality, sweep by date, then link conflicting groups.
    let mut raw: Vec<Vec<usize>> = Vec::new();
    let mut conflicts: Vec<(usize, usize)> = Vec::new();
    // Every part of the key orders the buckets: the groups' order, and so their ids, must not
    // depend on the hash map's.
    let mut keys: Vec<&Bucket> = buckets.keys().collect();
    keys.sort_unstable();
    for key in keys {
        let Some(members) = buckets.get(key) else {
            continue;
        };
        let mut by_modality: Vec<(Modality, Vec<usize>)> = Vec::new();
        for &i in members {
            let Some(m) = items.get(i).map(|it| it.modality) else {
                continue;
            };
            match by_modality.iter_mut().find(|(x, _)| *x == m) {
                Some((_, v)) => v.push(i),
                None => by_modality.push((m, vec![i])),
            }
        }
        let first_group = raw.len();
        for (_, list) in &mut by_modality {
            sweep(&items, list, &mut raw);
        }
        link_conflicts(&items, &raw, first_group, &mut conflicts);
    }
    assemble(items, raw, &conflicts, stories)
}

/// Turns raw groups of item indices into [`EventGroup`]s, ordered and with ids.
fn assemble(
    items: Vec<Item>,
    raw: Vec<Vec<usize>>,
    conflicts: &[(usize, usize)],
    stories: &StorySet,
) -> Vec<EventGroup> {
    let num_raw = raw.len();
    let mut items: Vec<Option<Item>> = items.into_iter().map(Some).collect();
    let mut groups: Vec<(usize, EventGroup)> = Vec::with_capacity(num_raw);
    for (g, mut members) in raw.into_iter().enumerate() {
        // Sort indices, not the (large) items.
        members.sort_by_key(|&i| {
            items
                .get(i)
                .and_then(Option::as_ref)
                .map(|it| (it.mention.date.is_none(), it.mention.date, it.mention.index))
        });
        let members: Vec<Item> = members
            .iter()
            .filter_map(|&i| items.get_mut(i).and_then(Option::take))
            .collect();
        let Some(head) = members.first() else {
            continue;
        };
        let story_index = stories
            .story_of
            .get(head.mention.index)
            .copied()
            .unwrap_or(0);
        let mut outlets: Vec<String> = Vec::new();
        for it in &members {
            if let Some(o) = &it.mention.outlet {
                if !outlets.contains(o) {
                    outlets.push(o.clone());
                }
            }
        }
        let dates = members.iter().filter_map(|it| it.mention.date);
        let group = EventGroup {
            id: String::new(),
            story: stories
                .stories
                .get(story_index)
                .map(|s| s.id.clone())
                .unwrap_or_default(),
            story_index,
            action: head.event.action.trim().to_uppercase(),
            source: members
                .iter()
                .find_map(|it| it.source_shown.map(str::to_string)),
            source_actor: members.iter().find_map(|it| it.event.source_actor.clone()),
            target: members
                .iter()
                .find_map(|it| it.target_shown.map(str::to_string)),
            target_actor: members.iter().find_map(|it| it.event.target_actor.clone()),
            modality: head.modality,
            first_date: dates.clone().min(),
            last_date: dates.max(),
            num_mentions: members.len(),
            outlets,
            mentions: members.into_iter().map(|it| it.mention).collect(),
            conflicts: Vec::new(),
        };
        groups.push((g, group));
    }
    groups.sort_by(|(_, x), (_, y)| {
        (x.story_index, x.first_date.is_none(), x.first_date)
            .cmp(&(y.story_index, y.first_date.is_none(), y.first_date))
            .then_with(|| x.action.cmp(&y.action))
            .then_with(|| x.source.cmp(&y.source))
            .then_with(|| x.target.cmp(&y.target))
            .then_with(|| x.modality.cmp(&y.modality))
    });
    // Ids count events within their story; raw index → position for the conflict links.
    let mut position: Vec<usize> = vec![usize::MAX; num_raw];
    let mut n = 0;
    let mut last_story = usize::MAX;
    for (pos, (g, group)) in groups.iter_mut().enumerate() {
        if group.story_index != last_story {
            last_story = group.story_index;
            n = 0;
        }
        n += 1;
        group.id = format!("{}-{n}", group.story);
        if let Some(p) = position.get_mut(*g) {
            *p = pos;
        }
    }
    let mut out: Vec<EventGroup> = groups.into_iter().map(|(_, g)| g).collect();
    for &(a, b) in conflicts {
        let (Some(&pa), Some(&pb)) = (position.get(a), position.get(b)) else {
            continue;
        };
        let ids = (
            out.get(pa).map(|g| g.id.clone()),
            out.get(pb).map(|g| g.id.clone()),
        );
        if let (Some(ia), Some(ib)) = ids {
            if let Some(g) = out.get_mut(pa) {
                g.conflicts.push(ib);
            }
            if let Some(g) = out.get_mut(pb) {
                g.conflicts.push(ia);
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "events_tests.rs"]
mod tests;
