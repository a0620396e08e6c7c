//! Look-up tables over the entities coreference is building, so that each mention finds the
//! entity it joins in time independent of how many entities the article has (name-dense
//! pages, results tables and line-ups stay linear).
//!
//! Each query answers what a scan over the groups in creation order would: the lowest group
//! index that matches.

use std::collections::{BTreeSet, HashMap, HashSet};

use storyline_lexicon::{is_entity_word, EntityClass};

use crate::coref::{initials, without_corporate_suffix};

/// Keeps the lowest group index seen for a key.
fn keep_lowest(map: &mut HashMap<String, usize>, key: String, gi: usize) {
    let e = map.entry(key).or_insert(gi);
    *e = (*e).min(gi);
}

/// The byte offsets of the spaces of `s`.
fn spaces(s: &str) -> impl Iterator<Item = usize> + '_ {
    s.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b' ')
        .map(|(i, _)| i)
}

/// The surfaces of the person groups.
#[derive(Debug, Default)]
pub(crate) struct PersonIndex {
    /// Surface → lowest group using it.
    exact: HashMap<String, usize>,
    /// ASCII-lowercased text after any space of a surface ("lavrov" of "Sergey Lavrov").
    suffix: HashMap<String, usize>,
    /// Text from any space of a surface to its end, as written (" ten Hag").
    tails: HashSet<String>,
    /// A word after the first of a surface → (lowest group, whether several groups have it).
    inner: HashMap<String, (usize, bool)>,
    /// The first word of a surface of two or more words → (lowest group, whether several
    /// groups have it).
    first: HashMap<String, (usize, bool)>,
}

impl PersonIndex {
    /// Records that person group `gi` uses `surface`, and the name without a generational
    /// suffix ("Kennedy" finds "James P. Kennedy Jr.").
    pub(crate) fn add(&mut self, gi: usize, surface: &str) {
        if let Some(core) = without_generation(surface) {
            self.add_one(gi, core);
        }
        self.add_one(gi, surface);
    }

    fn add_one(&mut self, gi: usize, surface: &str) {
        keep_lowest(&mut self.exact, surface.to_string(), gi);
        for i in spaces(surface) {
            keep_lowest(&mut self.suffix, surface[i + 1..].to_ascii_lowercase(), gi);
            self.tails.insert(surface[i..].to_string());
        }
        for w in surface.split(' ').skip(1) {
            shared(&mut self.inner, w, gi);
        }
        if let Some((first, _)) = surface.split_once(' ') {
            shared(&mut self.first, first, gi);
        }
    }

    /// The only person group whose longer name opens with the word `given` ("Gordon" in
    /// "Gordon Sondland").
    pub(crate) fn by_given_name(&self, given: &str) -> Option<usize> {
        match self.first.get(given) {
            Some(&(gi, false)) => Some(gi),
            _ => None,
        }
    }

    /// The person group whose name `surface` equals or ends ("Lavrov", "Fogh Rasmussen"),
    /// case aside after a space; else, for one word, the only group that has it inside a
    /// longer name after its first word ("Lula" in "Luiz Inácio Lula da Silva").
    pub(crate) fn find(&self, surface: &str) -> Option<usize> {
        let exact = self.exact.get(surface).copied();
        let ends = self.suffix.get(&surface.to_ascii_lowercase()).copied();
        let by_end = match (exact, ends) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if by_end.is_some() || surface.contains(' ') {
            return by_end;
        }
        match self.inner.get(surface) {
            Some(&(gi, false)) => Some(gi),
            _ => None,
        }
    }

    /// Whether some person's surface ends with `tail` (which starts with a space).
    pub(crate) fn has_tail(&self, tail: &str) -> bool {
        self.tails.contains(tail)
    }
}

/// A person's name without its generational suffix ("James P. Kennedy" of "James P. Kennedy
/// Jr."), when it has one after a name of two or more words.
pub(crate) fn without_generation(surface: &str) -> Option<&str> {
    let (core, last) = surface.rsplit_once(' ')?;
    let suffix = last.trim_end_matches('.').to_lowercase();
    let core = core.trim_end_matches(',');
    (is_entity_word(EntityClass::GenerationalSuffix, &suffix) && core.contains(' ')).then_some(core)
}

/// Records that group `gi` has word `w`, marking words that several groups have.
fn shared(map: &mut HashMap<String, (usize, bool)>, w: &str, gi: usize) {
    let e = map.entry(w.to_string()).or_insert((gi, false));
    if e.0 != gi {
        *e = (e.0.min(gi), true);
    }
}

/// The keys of one name, in a table from key to the groups that have it.
type Keyed = HashMap<String, BTreeSet<usize>>;

fn insert(map: &mut Keyed, key: &str, gi: usize) {
    map.entry(key.to_string()).or_default().insert(gi);
}

fn remove(map: &mut Keyed, key: &str, gi: usize) {
    if let Some(set) = map.get_mut(key) {
        set.remove(&gi);
        if set.is_empty() {
            map.remove(key);
        }
    }
}

fn lowest(map: &Keyed, key: &str) -> Option<usize> {
    map.get(key).and_then(|s| s.first().copied())
}

/// The surfaces and current names of the organisation and place groups.
#[derive(Debug, Default)]
pub(crate) struct OtherIndex {
    surface: Keyed,
    /// A name without its legal-form suffix ("Apple" of "Apple Inc.").
    stripped: Keyed,
    /// Initials of organisation names ("NATO").
    initials: Keyed,
    /// Text from any space of an organisation name to its end (" United").
    tails: Keyed,
    /// The name each group is indexed under, and whether it is an organisation.
    names: HashMap<usize, (String, bool)>,
}

impl OtherIndex {
    /// Records that group `gi` uses `surface`.
    pub(crate) fn add_surface(&mut self, gi: usize, surface: &str) {
        insert(&mut self.surface, surface, gi);
    }

    /// Records the current `name` of group `gi` (an organisation when `org`), replacing the
    /// keys of the name it had.
    pub(crate) fn set_name(&mut self, gi: usize, name: String, org: bool) {
        if self.names.get(&gi).is_some_and(|(n, _)| *n == name) {
            return;
        }
        if let Some((old, old_org)) = self.names.remove(&gi) {
            self.name_keys(gi, &old, old_org, remove);
        }
        self.name_keys(gi, &name, org, insert);
        self.names.insert(gi, (name, org));
    }

    fn name_keys(&mut self, gi: usize, name: &str, org: bool, op: fn(&mut Keyed, &str, usize)) {
        if let Some(head) = without_corporate_suffix(name) {
            op(&mut self.stripped, head, gi);
        }
        if org {
            op(&mut self.initials, &initials(name), gi);
            for i in spaces(name) {
                op(&mut self.tails, &name[i..], gi);
            }
        }
    }

    /// The lowest group that uses `surface`, or whose name is `surface` with a legal-form
    /// suffix, or (when `acronym`) an organisation whose initials are `surface`.
    pub(crate) fn find(&self, surface: &str, acronym: bool) -> Option<usize> {
        let mut hits = [
            lowest(&self.surface, surface),
            lowest(&self.stripped, surface),
            acronym.then(|| lowest(&self.initials, surface)).flatten(),
        ]
        .into_iter()
        .flatten();
        let first = hits.next()?;
        Some(hits.fold(first, usize::min))
    }

    /// The lowest organisation whose name ends with `tail` (which starts with a space).
    pub(crate) fn org_ending(&self, tail: &str) -> Option<usize> {
        lowest(&self.tails, tail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn persons_by_surface_end_and_inner_word() {
        let mut ix = PersonIndex::default();
        ix.add(0, "Sergey Lavrov");
        ix.add(1, "Luiz Inácio Lula da Silva");
        ix.add(2, "Anna Silva");
        assert_eq!(ix.find("Lavrov"), Some(0));
        assert_eq!(ix.find("LAVROV"), Some(0));
        assert_eq!(ix.find("Sergey Lavrov"), Some(0));
        assert_eq!(ix.find("Lula"), Some(1));
        // "Silva" ends two names: the first group wins.
        assert_eq!(ix.find("Silva"), Some(1));
        assert_eq!(ix.find("Sergey"), None);
        assert!(ix.has_tail(" da Silva"));
        assert!(!ix.has_tail(" Da Silva"));
    }

    #[test]
    fn a_generational_suffix_is_no_surname() {
        let mut ix = PersonIndex::default();
        ix.add(0, "James P. Kennedy Jr.");
        assert_eq!(ix.find("Kennedy"), Some(0));
        assert_eq!(ix.find("Jr."), Some(0));
        assert_eq!(
            without_generation("Patrick W. Carlineo, Jr."),
            Some("Patrick W. Carlineo")
        );
        assert_eq!(without_generation("Henry II"), None);
    }

    #[test]
    fn a_given_name_finds_the_one_person_it_opens() {
        let mut ix = PersonIndex::default();
        ix.add(0, "Gordon Sondland");
        ix.add(1, "Joe Biden");
        ix.add(2, "Joe Smith");
        assert_eq!(ix.by_given_name("Gordon"), Some(0));
        assert_eq!(ix.by_given_name("Joe"), None);
        assert_eq!(ix.by_given_name("Sondland"), None);
    }

    #[test]
    fn inner_words_shared_by_two_persons_name_neither() {
        let mut ix = PersonIndex::default();
        ix.add(3, "Maria Lopez Garcia");
        ix.add(4, "Juan Lopez Ruiz");
        assert_eq!(ix.find("Lopez"), None);
    }

    #[test]
    fn other_groups_follow_their_current_name() {
        let mut ix = OtherIndex::default();
        ix.add_surface(0, "Apple Inc.");
        ix.set_name(0, "Apple Inc.".into(), true);
        ix.add_surface(1, "North Atlantic Treaty Organization");
        ix.set_name(1, "North Atlantic Treaty Organization".into(), true);
        assert_eq!(ix.find("Apple", false), Some(0));
        assert_eq!(ix.find("NATO", true), Some(1));
        assert_eq!(ix.find("NATO", false), None);
        assert_eq!(ix.org_ending(" Organization"), Some(1));
        ix.set_name(1, "Alliance".into(), true);
        assert_eq!(ix.find("NATO", true), None);
        assert_eq!(ix.org_ending(" Organization"), None);
    }
}
