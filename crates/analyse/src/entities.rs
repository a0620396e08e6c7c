//! Entities across articles: one canonical entity per person, organisation or place, whatever
//! spelling each outlet used.
//!
//! Organisations and places merge on a gazetteer/skeleton key ("Britain" = "UK"). Persons
//! merge in three steps, never comparing every pair of names:
//! 1. full names ("Sergei Lavrov") become nodes keyed by given-name and surname skeletons, so
//!    transliteration variants are one node;
//! 2. nodes sharing a surname block (the surname or one of its one-letter deletions) are
//!    compared: a fuzzy surname (Pesko/Peskov) or fuzzy given name (Borish/Boris) merges only
//!    with evidence (a shared role word or shared co-mentioned entities); a different given
//!    name never merges, so two people who share a surname stay apart;
//! 3. a surname alone ("Lavrov") joins the one full-name person with that surname, or, when
//!    several exist, the one its article's other entities point to; else it stays its own.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use storyline_record::{Record, RecordEntity};

use crate::chars::hash_str;
use crate::names::{place_org_key, skeleton, PersonName};
use crate::UnionFind;

mod persons;

use persons::{merge_persons, role_words};

/// Index of a canonical entity in [`EntityIndex::entities`]; ids follow first appearance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntityId(pub u32);

/// One entity across the corpus.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CanonicalEntity {
    /// Its id.
    pub id: EntityId,
    /// The name most outlets use ("Sergey Lavrov").
    pub name: String,
    /// `PERSON`, `ORG` or `PLACE` (the type most articles gave it).
    #[serde(rename = "type")]
    pub kind: String,
    /// Every spelling seen, canonical first.
    pub variants: Vec<String>,
    /// Roles given to it, most frequent first.
    pub roles: Vec<String>,
    /// Indices (into the analysed records) of the articles that name it, ascending.
    pub articles: Vec<usize>,
}

/// Canonical entities and, for every record entity, the canonical entity it belongs to.
#[derive(Debug, Clone, Default)]
pub struct EntityIndex {
    /// All canonical entities, by id.
    pub entities: Vec<CanonicalEntity>,
    /// For article `a`, `by_article[a][i]` is the canonical id of `records[a].entities[i]`.
    pub by_article: Vec<Vec<EntityId>>,
    /// Per article: skeleton of every name, alias and surname used → canonical id.
    local: Vec<Vec<(String, EntityId)>>,
    /// Corpus-wide skeleton → the most widely named entity using it.
    global: EntityLookup,
}

/// Finds an entity by any spelling of its name ([`EntityIndex::find`]) without the rest of
/// the index: small, and serialisable, so it can be stored with other analysis results.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct EntityLookup {
    /// Corpus-wide skeleton → the most widely named entity using it.
    #[serde(serialize_with = "sorted")]
    by_key: HashMap<String, EntityId>,
}

/// A map written in key order, so that the same lookup is always the same text.
fn sorted<S: serde::Serializer>(
    map: &HashMap<String, EntityId>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(map.iter().collect::<std::collections::BTreeMap<_, _>>())
}

impl EntityLookup {
    /// The entity a name refers to: its skeleton, else its place/organisation key, else a
    /// person's surname.
    pub fn find(&self, name: &str) -> Option<EntityId> {
        let global = &self.by_key;
        global
            .get(&skeleton(name))
            .or_else(|| global.get(&place_org_key(name)))
            .or_else(|| PersonName::parse(name).and_then(|p| global.get(&p.surname)))
            .copied()
    }
}

/// Co-mentions kept per node: enough evidence, bounded memory on huge corpora.
const MAX_COMENTIONS: usize = 256;

#[derive(Default)]
struct Node {
    /// Display form → (occurrences, order of first occurrence), so ties go to the earliest.
    displays: HashMap<String, (u32, usize)>,
    roles: HashMap<String, u32>,
    kinds: HashMap<String, u32>,
    comentions: HashSet<u64>,
    person: Option<PersonName>,
}

impl Node {
    /// Counts the `i`-th entity `e` of article `a` under this node, with `co` as its
    /// co-mentions.
    fn add_mention(&mut self, a: usize, i: usize, e: &RecordEntity, co: &[u64]) {
        let seq = a.saturating_mul(1024).saturating_add(i);
        let (display, role, kind) = (&e.name, e.role.as_deref(), &e.kind);
        self.displays
            .entry(display.to_string())
            .or_insert((0, seq))
            .0 += 1;
        if let Some(r) = role {
            *self.roles.entry(r.to_string()).or_default() += 1;
        }
        *self.kinds.entry(kind.to_string()).or_default() += 1;
        for &h in co {
            if self.comentions.len() >= MAX_COMENTIONS {
                break;
            }
            self.comentions.insert(h);
        }
    }
}

/// Where an occurrence went: a node now, or a surname to place later.
enum Slot {
    Node(usize),
    Surname(String),
}

impl EntityIndex {
    /// Resolves the entities of every record.
    pub fn build(records: &[Record]) -> EntityIndex {
        let mut nodes: Vec<Node> = Vec::new();
        let mut node_of: HashMap<String, usize> = HashMap::new();
        let mut slots: Vec<Vec<Slot>> = Vec::with_capacity(records.len());
        let mut surname_only_co: Vec<Vec<Vec<u64>>> = Vec::with_capacity(records.len());
        for (a, r) in records.iter().enumerate() {
            let coarse: Vec<u64> = r
                .entities
                .iter()
                .map(|e| hash_str(&coarse_key(&e.name, &e.kind), 0))
                .collect();
            let mut row = Vec::with_capacity(r.entities.len());
            let mut row_co = Vec::with_capacity(r.entities.len());
            for (i, e) in r.entities.iter().enumerate() {
                let co: Vec<u64> = coarse
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .map(|(_, &h)| h)
                    .take(32)
                    .collect();
                let (key, person) = node_key(&e.name, &e.kind, &e.aliases);
                let slot = match (key, person) {
                    (Some(key), person) => {
                        let n = *node_of.entry(key).or_insert_with(|| {
                            nodes.push(Node {
                                person,
                                ..Node::default()
                            });
                            nodes.len() - 1
                        });
                        if let Some(node) = nodes.get_mut(n) {
                            node.add_mention(a, i, e, &co);
                        }
                        Slot::Node(n)
                    }
                    (None, Some(p)) => Slot::Surname(p.surname),
                    (None, None) => Slot::Surname(skeleton(&e.name)),
                };
                row.push(slot);
                row_co.push(co);
            }
            slots.push(row);
            surname_only_co.push(row_co);
        }
        let mut uf = UnionFind::new(nodes.len());
        merge_persons(&nodes, &mut uf);
        let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, n) in nodes.iter().enumerate() {
            if let Some(p) = &n.person {
                by_surname.entry(p.surname.clone()).or_default().push(i);
            }
        }
        // Aggregate evidence per root for placing surnames alone.
        let mut root_co: HashMap<usize, HashSet<u64>> = HashMap::new();
        let mut root_roles: HashMap<usize, HashSet<String>> = HashMap::new();
        for (i, n) in nodes.iter().enumerate() {
            if n.person.is_some() {
                let r = uf.find_mut(i);
                root_co
                    .entry(r)
                    .or_default()
                    .extend(n.comentions.iter().copied());
                root_roles
                    .entry(r)
                    .or_default()
                    .extend(n.roles.keys().flat_map(|x| role_words(x)));
            }
        }
        // Place surname-only occurrences.
        let mut final_node: Vec<Vec<usize>> = Vec::with_capacity(records.len());
        for (a, r) in records.iter().enumerate() {
            let mut row = Vec::with_capacity(r.entities.len());
            for (i, e) in r.entities.iter().enumerate() {
                let n = match slots.get(a).and_then(|s| s.get(i)) {
                    Some(Slot::Node(n)) => *n,
                    Some(Slot::Surname(s)) => {
                        let co = surname_only_co
                            .get(a)
                            .and_then(|c| c.get(i))
                            .map_or(&[][..], |v| v.as_slice());
                        let mut roots: Vec<usize> = by_surname
                            .get(s)
                            .map_or(Vec::new(), |v| v.iter().map(|&n| uf.find_mut(n)).collect());
                        roots.sort_unstable();
                        roots.dedup();
                        let chosen =
                            pick_root(&roots, co, e.role.as_deref(), &root_co, &root_roles);
                        let n = match chosen {
                            Some(root) => root,
                            None => {
                                let key = format!("s:{}:{s}", kind_class(&e.kind));
                                *node_of.entry(key).or_insert_with(|| {
                                    nodes.push(Node::default());
                                    uf.new_set()
                                })
                            }
                        };
                        if let Some(node) = nodes.get_mut(n) {
                            node.add_mention(a, i, e, &[]);
                        }
                        n
                    }
                    None => 0,
                };
                row.push(n);
            }
            final_node.push(row);
        }
        assemble(records, &nodes, &mut uf, &final_node)
    }

    /// The canonical entity of the `i`-th entity of article `a`.
    pub fn of_record_entity(&self, a: usize, i: usize) -> Option<EntityId> {
        self.by_article.get(a).and_then(|v| v.get(i)).copied()
    }

    /// The entity a name refers to in article `a` (its names, aliases and surnames), else in
    /// the whole corpus.
    pub fn resolve(&self, a: usize, name: &str) -> Option<EntityId> {
        let key = skeleton(name);
        let local = self
            .local
            .get(a)
            .and_then(|v| v.iter().find(|(k, _)| *k == key))
            .map(|x| x.1);
        local.or_else(|| self.find(name))
    }

    /// The entity a free-text name refers to anywhere in the corpus ("Lavrov", "Britain").
    pub fn find(&self, name: &str) -> Option<EntityId> {
        self.global.find(name)
    }

    /// The name lookup behind [`EntityIndex::find`], on its own.
    pub fn lookup(&self) -> &EntityLookup {
        &self.global
    }

    /// The entity with this id.
    pub fn get(&self, id: EntityId) -> Option<&CanonicalEntity> {
        self.entities.get(id.0 as usize)
    }
}

/// Persons by surname skeleton; organisations and places by their key.
fn coarse_key(name: &str, kind: &str) -> String {
    match kind_class(kind) {
        'p' => PersonName::parse(name).map_or_else(|| skeleton(name), |p| p.surname),
        _ => place_org_key(name),
    }
}

fn kind_class(kind: &str) -> char {
    if kind.eq_ignore_ascii_case("PERSON") {
        'p'
    } else {
        'o'
    }
}

/// The node key of a record entity; `None` for a person named by surname alone.
fn node_key(name: &str, kind: &str, aliases: &[String]) -> (Option<String>, Option<PersonName>) {
    if kind_class(kind) == 'o' {
        let key = std::iter::once(name)
            .chain(aliases.iter().map(String::as_str))
            .find_map(crate::names::variant_canonical)
            .map_or_else(|| place_org_key(name), skeleton);
        return (Some(format!("o:{key}")), None);
    }
    match PersonName::parse(name) {
        Some(p) => match &p.given {
            Some(g) => (Some(format!("p:{g} {}", p.surname)), Some(p)),
            None => (None, Some(p)),
        },
        None => (Some(format!("p:{}", skeleton(name))), None),
    }
}

/// Step 3: the person a surname alone refers to, if the evidence singles one out.
fn pick_root(
    roots: &[usize],
    co: &[u64],
    role: Option<&str>,
    root_co: &HashMap<usize, HashSet<u64>>,
    root_roles: &HashMap<usize, HashSet<String>>,
) -> Option<usize> {
    match roots {
        [] => None,
        [only] => Some(*only),
        _ => {
            let words = role.map(role_words).unwrap_or_default();
            let mut scored: Vec<(usize, usize)> = roots
                .iter()
                .map(|r| {
                    let c = root_co
                        .get(r)
                        .map_or(0, |set| co.iter().filter(|h| set.contains(h)).count());
                    let w = root_roles
                        .get(r)
                        .map_or(0, |set| words.iter().filter(|x| set.contains(*x)).count());
                    (c + 2 * w, *r)
                })
                .collect();
            scored.sort_unstable_by(|a, b| b.cmp(a));
            match (scored.first(), scored.get(1)) {
                (Some(best), Some(next)) if best.0 > next.0 && best.0 >= 2 => Some(best.1),
                _ => None,
            }
        }
    }
}

/// Builds canonical entities from the merged nodes, ids in order of first appearance.
fn assemble(
    records: &[Record],
    nodes: &[Node],
    uf: &mut UnionFind,
    final_node: &[Vec<usize>],
) -> EntityIndex {
    let mut id_of_root: HashMap<usize, EntityId> = HashMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut index = EntityIndex::default();
    for (a, row) in final_node.iter().enumerate() {
        let mut ids = Vec::with_capacity(row.len());
        for &n in row {
            let root = uf.find_mut(n);
            let next = EntityId(id_of_root.len() as u32);
            let id = *id_of_root.entry(root).or_insert(next);
            if id == next {
                members.push(Vec::new());
                index.entities.push(CanonicalEntity {
                    id,
                    name: String::new(),
                    kind: String::new(),
                    variants: Vec::new(),
                    roles: Vec::new(),
                    articles: Vec::new(),
                });
            }
            if let Some(e) = index.entities.get_mut(id.0 as usize) {
                if e.articles.last() != Some(&a) {
                    e.articles.push(a);
                }
            }
            ids.push(id);
        }
        index.by_article.push(ids);
    }
    for n in 0..nodes.len() {
        if let Some(id) = id_of_root.get(&uf.find_mut(n)) {
            if let Some(m) = members.get_mut(id.0 as usize) {
                m.push(n);
            }
        }
    }
    for (e, m) in index.entities.iter_mut().zip(&members) {
        let mut displays: HashMap<&str, (u32, usize)> = HashMap::new();
        let mut roles: HashMap<&str, u32> = HashMap::new();
        let mut kinds: HashMap<&str, u32> = HashMap::new();
        for node in m.iter().filter_map(|&n| nodes.get(n)) {
            for (d, &(c, seq)) in &node.displays {
                let slot = displays.entry(d).or_insert((0, seq));
                slot.0 += c;
                slot.1 = slot.1.min(seq);
            }
            for (d, c) in &node.roles {
                *roles.entry(d).or_default() += c;
            }
            for (d, c) in &node.kinds {
                *kinds.entry(d).or_default() += c;
            }
        }
        // Most used first; persons prefer a full name; ties go to the earliest seen.
        let ranked = |map: HashMap<&str, (u32, usize)>, prefer_long: bool| {
            let mut v: Vec<(&str, (u32, usize))> = map.into_iter().collect();
            v.sort_by(|a, b| {
                let words = |s: &str| {
                    if prefer_long {
                        s.split_whitespace().count().min(2)
                    } else {
                        0
                    }
                };
                (words(b.0), b.1 .0)
                    .cmp(&(words(a.0), a.1 .0))
                    .then(a.1 .1.cmp(&b.1 .1))
                    .then(a.0.cmp(b.0))
            });
            v.into_iter()
                .map(|(s, _)| s.to_string())
                .collect::<Vec<_>>()
        };
        let is_person = kinds.keys().any(|k| kind_class(k) == 'p');
        e.variants = ranked(displays, is_person);
        e.roles = ranked(plain(roles), false);
        e.kind = ranked(plain(kinds), false)
            .into_iter()
            .next()
            .unwrap_or_default();
        e.name = e.variants.first().cloned().unwrap_or_default();
        if !is_person {
            if let Some(c) = e
                .variants
                .iter()
                .find_map(|v| crate::names::variant_canonical(v))
            {
                e.name = c.to_string();
            }
        }
    }
    fill_lookups(records, &mut index);
    index
}

/// Fills the per-article and corpus-wide name lookups.
fn fill_lookups(records: &[Record], index: &mut EntityIndex) {
    let mut global: HashMap<String, (EntityId, usize)> = HashMap::new();
    for (a, r) in records.iter().enumerate() {
        let mut local = Vec::new();
        for (i, e) in r.entities.iter().enumerate() {
            let Some(id) = index.of_record_entity(a, i) else {
                continue;
            };
            let weight = index.get(id).map_or(0, |c| c.articles.len());
            let mut keys: Vec<String> = std::iter::once(&e.name)
                .chain(&e.aliases)
                .map(|n| skeleton(n))
                .collect();
            if let Some(p) = PersonName::parse(&e.name).filter(|_| kind_class(&e.kind) == 'p') {
                keys.push(p.surname);
            }
            if kind_class(&e.kind) == 'o' {
                keys.push(place_org_key(&e.name));
            }
            for k in keys {
                let slot = global.entry(k.clone()).or_insert((id, weight));
                if weight > slot.1 {
                    *slot = (id, weight);
                }
                local.push((k, id));
            }
        }
        index.local.push(local);
    }
    index.global.by_key = global.into_iter().map(|(k, (id, _))| (k, id)).collect();
}

#[cfg(test)]
#[path = "entities_tests.rs"]
mod tests;

/// Counts without an order of first appearance (ties then go alphabetically).
fn plain(map: HashMap<&str, u32>) -> HashMap<&str, (u32, usize)> {
    map.into_iter().map(|(k, c)| (k, (c, 0))).collect()
}
