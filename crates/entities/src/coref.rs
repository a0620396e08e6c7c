//! In-article coreference of names: mentions become entities, with one canonical name, the
//! other forms as aliases, every mention span and the first role given.
//!
//! Persons merge when one name is a trailing part of another ("Lavrov" → "Sergey Lavrov");
//! known places and organisations merge on their gazetteer canonical name ("UK", "Britain" →
//! "United Kingdom"); an acronym in parentheses right after a name is an alias of it; an
//! untyped capitalised word joins an entity that is written the same way elsewhere.

use std::collections::{HashMap, HashSet};

use storyline_lexicon::{is_entity_word, EntityClass, Lexicon};
use storyline_record::{Entity, EntityType, Span};

use crate::chunks::{is_korean_given_name, is_particle, Known, Piece};
use crate::coref_index::{without_generation, OtherIndex, PersonIndex};
use crate::typing::Guess;
use crate::words::Word;

/// One entity under construction.
struct Group {
    kind: EntityType,
    /// Canonical name from a gazetteer, if any.
    canonical: Option<&'static str>,
    /// Surfaces used, in first-use order.
    surfaces: Vec<String>,
    role: Option<String>,
    mentions: Vec<Span>,
}

impl Group {
    fn add(&mut self, p: &Piece) {
        if !self.surfaces.contains(&p.surface) {
            self.surfaces.push(p.surface.clone());
        }
        if self.role.is_none() {
            self.role.clone_from(&p.role);
        }
        self.mentions.push(p.span);
    }

    fn name(&self) -> String {
        if let Some(c) = self.canonical {
            return c.to_string();
        }
        // The fullest form: most words, then longest, then first used.
        let mut best: Option<&String> = None;
        for s in &self.surfaces {
            let better = best.is_none_or(|b| {
                let (sw, bw) = (s.split(' ').count(), b.split(' ').count());
                sw > bw || (sw == bw && s.len() > b.len())
            });
            if better {
                best = Some(s);
            }
        }
        best.cloned().unwrap_or_default()
    }

    fn into_entity(mut self) -> Entity {
        let mut name = self.name();
        // "Apple Inc." is "Apple": the legal suffix stays an alias, so outlets that drop it
        // still name the same company.
        if self.kind == EntityType::Org && self.canonical.is_none() {
            if let Some(head) = without_corporate_suffix(&name) {
                name = head.to_string();
            }
        }
        self.mentions.sort();
        self.mentions.dedup();
        let aliases = self.surfaces.into_iter().filter(|s| *s != name).collect();
        Entity {
            name,
            kind: self.kind,
            aliases,
            role: self.role,
            mentions: self.mentions,
        }
    }
}

/// `name` without its trailing legal-form suffix, if it has one.
pub(crate) fn without_corporate_suffix(name: &str) -> Option<&str> {
    let (head, suffix) = name.rsplit_once(' ')?;
    (is_entity_word(EntityClass::CorporateSuffix, suffix) && !head.is_empty()).then_some(head)
}

/// The initials of a multi-word name's capitalised words ("North Atlantic Treaty
/// Organization" → "NATO").
pub(crate) fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=8).contains(&letters) && !w.chars().any(char::is_lowercase)
}

/// Merges typed pieces into entities, in order of first mention.
pub(crate) fn resolve(pieces: &[(Piece, Guess)], words: &[Word<'_>]) -> Vec<Entity> {
    let lex = Lexicon::get();
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<(EntityType, String), usize> = HashMap::new();
    // Index of the group each piece went to.
    let mut assigned: Vec<Option<usize>> = vec![None; pieces.len()];

    let new_group = |groups: &mut Vec<Group>, kind, canonical| {
        groups.push(Group {
            kind,
            canonical,
            surfaces: Vec::new(),
            role: None,
            mentions: Vec::new(),
        });
        groups.len() - 1
    };

    // Surnames of the persons named in full: "Austin" after "Lloyd Austin" is the person,
    // not the city.
    let surnames: HashSet<&str> = pieces
        .iter()
        .filter(|(p, g)| *g == Guess::Is(EntityType::Person) && p.end - p.first >= 2)
        .filter_map(|(p, _)| {
            without_generation(&p.surface)
                .unwrap_or(&p.surface)
                .rsplit(' ')
                .next()
        })
        .collect();
    // Only gazetteer places and names typed by a weak rule ("in Cohen's studies"); a known
    // organisation or club keeps its type.
    let is_surname = |p: &Piece| {
        p.end - p.first == 1
            && !matches!(p.known, Some(Known::Org(_)))
            && surnames.contains(p.surface.as_str())
    };

    // 1. Known names and typed organisations and places: keyed by canonical name or surface.
    for (k, (p, g)) in pieces.iter().enumerate() {
        let Guess::Is(kind) = *g else { continue };
        if kind == EntityType::Person || is_surname(p) {
            continue;
        }
        let canonical = match p.known {
            Some(Known::Org(c)) => Some(c),
            Some(Known::Place(pl)) => Some(pl.canonical),
            // "Apple Inc." joins "Apple".
            None if kind == EntityType::Org => {
                without_corporate_suffix(&p.surface).and_then(|head| Lexicon::get().org(head))
            }
            None => None,
        };
        let key = (
            kind,
            canonical.map_or_else(|| p.surface.clone(), str::to_string),
        );
        // "the Kyiv School of Economics (KSE)": the acronym names the organisation before it.
        let defined = (kind == EntityType::Org
            && p.known.is_none()
            && is_acronym(&p.surface)
            && words.get(p.first).is_some_and(|w| w.in_parens))
        .then(|| k.checked_sub(1).and_then(|j| assigned[j]))
        .flatten()
        .filter(|&gi| groups[gi].kind == EntityType::Org);
        let gi = match by_key.get(&key).copied().or(defined) {
            Some(gi) => {
                by_key.entry(key).or_insert(gi);
                gi
            }
            None => {
                let gi = new_group(&mut groups, kind, canonical);
                by_key.insert(key, gi);
                gi
            }
        };
        groups[gi].add(p);
        assigned[k] = Some(gi);
    }

    // 2. Persons, fullest names first, so that shorter forms find the name they shorten.
    let mut persons: Vec<usize> = (0..pieces.len())
        .filter(|&k| pieces[k].1 == Guess::Is(EntityType::Person))
        .collect();
    persons.sort_by_key(|&k| std::cmp::Reverse(pieces[k].0.end - pieces[k].0.first));
    let org_heads = org_first_words(&groups, lex);
    let mut person_index = PersonIndex::default();
    for k in persons {
        let p = &with_particle(&pieces[k].0, words, &person_index);
        // "Tyvak would leverage …" after "Tyvak Nano-Satellite Systems": a word a context
        // rule called a person is the organisation it opens.
        let short_form = (p.end - p.first == 1 && p.known.is_none() && !p.titled)
            .then(|| org_heads.get(p.surface.as_str()).copied().flatten())
            .flatten()
            .filter(|_| person_index.find(&p.surface).is_none());
        if let Some(gi) = short_form {
            groups[gi].add(p);
            assigned[k] = Some(gi);
            continue;
        }
        // "Gordon" after "Gordon Sondland": a given name alone is the one person it opens; so
        // is a Korean family name, written first ("Mr. Ban" after "Ban Ki-moon").
        let given = (p.end - p.first == 1)
            .then(|| person_index.by_given_name(&p.surface))
            .flatten()
            .filter(|&gi| lex.is_given_name(&p.surface) || korean_name(&groups[gi], lex));
        let gi = person_index.find(&p.surface).or(given).unwrap_or_else(|| {
            // A leader's surname alone is that leader ("Putin" → "Vladimir Putin").
            let full = (p.end - p.first == 1)
                .then(|| lex.leader(&p.surface))
                .flatten();
            new_group(&mut groups, EntityType::Person, full)
        });
        groups[gi].add(p);
        person_index.add(gi, &p.surface);
        assigned[k] = Some(gi);
    }

    let mut other_index = OtherIndex::default();
    for (gi, g) in groups.iter().enumerate() {
        if g.kind != EntityType::Person {
            for s in &g.surfaces {
                other_index.add_surface(gi, s);
            }
            other_index.set_name(gi, g.name(), g.kind == EntityType::Org);
        }
    }

    // 3. Untyped pieces: acronyms defined in parentheses, then same-name mentions. A dropped
    // piece inside a name kept whole ("Washington" of "MaliVai Washington") is no mention.
    let mut kept_end = 0;
    for k in 0..pieces.len() {
        let (p, g) = &pieces[k];
        let inside = *g == Guess::Drop && p.span.end() <= kept_end;
        if *g != Guess::Drop {
            kept_end = kept_end.max(p.span.end());
        }
        if (*g != Guess::Unknown && !is_surname(p)) || inside {
            continue;
        }
        let p = &with_particle(&pieces[k].0, words, &person_index);
        let in_parens = words.get(p.first).is_some_and(|w| w.in_parens);
        let mut target = None;
        if in_parens && is_acronym(&p.surface) && k > 0 {
            target = assigned[k - 1].filter(|&gi| groups[gi].kind == EntityType::Org);
        }
        if target.is_none() {
            target = person_index.find(&p.surface);
        }
        // "Ban said" after "Ban Ki-moon": a Korean family name alone, even where its
        // capital only opens the sentence.
        if target.is_none() && p.end - p.first == 1 {
            target = person_index
                .by_given_name(&p.surface)
                .filter(|&gi| korean_name(&groups[gi], lex));
        }
        if target.is_none() {
            target = other_index.find(&p.surface, is_acronym(&p.surface));
        }
        // "the Gazette" after "Springfield Gazette", "United" after "Manchester United".
        if target.is_none() && lex.is_org_word(&p.surface) {
            target = other_index.org_ending(&format!(" {}", p.surface));
        }
        // A well-known leader named by surname alone ("standing up to Putin").
        if target.is_none() && p.end - p.first == 1 {
            if let Some(full) = lex.leader(&p.surface) {
                target = Some(new_group(&mut groups, EntityType::Person, Some(full)));
            }
        }
        if let Some(gi) = target {
            let g = &mut groups[gi];
            g.add(p);
            if g.kind == EntityType::Person {
                person_index.add(gi, &p.surface);
            } else {
                other_index.add_surface(gi, &p.surface);
                other_index.set_name(gi, g.name(), g.kind == EntityType::Org);
            }
            assigned[k] = Some(gi);
        }
    }

    let mut entities: Vec<Entity> = groups
        .into_iter()
        .filter(|g| !g.mentions.is_empty())
        .map(Group::into_entity)
        .collect();
    entities.sort_by_key(|e| e.mentions.first().copied());
    same_names_merged(entities)
}

/// The first word of each organisation named in two or more words ("Tyvak" of "Tyvak
/// Nano-Satellite Systems") that is no ordinary word, given name, leader's surname ("the
/// Obama National Security Council") or place, with its group;
/// `None` where two organisations open with it.
fn org_first_words(groups: &[Group], lex: &Lexicon) -> HashMap<String, Option<usize>> {
    let mut heads: HashMap<String, Option<usize>> = HashMap::new();
    for (gi, g) in groups.iter().enumerate() {
        if g.kind != EntityType::Org || g.canonical.is_some() {
            continue;
        }
        for s in &g.surfaces {
            let Some((first, _)) = s.split_once(' ') else {
                continue;
            };
            let plain = first.chars().all(char::is_alphanumeric)
                && !lex.is_common_word(first)
                && !lex.is_given_name(first)
                && lex.leader(first).is_none()
                && lex.place(first).is_none();
            if plain {
                let e = heads.entry(first.to_string()).or_insert(Some(gi));
                if *e != Some(gi) {
                    *e = None;
                }
            }
        }
    }
    heads
}

/// One entity per canonical name: groups that canonicalisation gave the same name ("Zelenskyy"
/// and "Volodymyr Zelensky"; "Ceres Robotics Inc." and "Ceres Robotics") are one entity, and
/// a name typed two ways in one article ("Blue Origin" three times an organisation, once a
/// place) takes one type: an organisation when a form carries a corporate suffix ("McClatchy
/// Co."), else the type of most mentions (the first entity's on a tie). Keeps text order.
fn same_names_merged(entities: Vec<Entity>) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::with_capacity(entities.len());
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for e in entities {
        let Some(&k) = by_name.get(&e.name) else {
            by_name.insert(e.name.clone(), out.len());
            out.push(e);
            continue;
        };
        let kept = &mut out[k];
        let corporate = |e: &Entity| {
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .any(|n| without_corporate_suffix(n).is_some())
        };
        if kept.kind != e.kind {
            if corporate(&e) || corporate(kept) {
                kept.kind = EntityType::Org;
            } else if e.mentions.len() > kept.mentions.len() {
                kept.kind = e.kind;
            }
        }
        for a in e.aliases {
            if a != kept.name && !kept.aliases.contains(&a) {
                kept.aliases.push(a);
            }
        }
        kept.role = kept.role.take().or(e.role);
        kept.mentions.extend(e.mentions);
        kept.mentions.sort_by_key(|m| (m.start(), m.end()));
        kept.mentions.dedup();
    }
    out
}

/// Whether person group `g` is named in the Korean order, family name first ("Ban Ki-moon").
fn korean_name(g: &Group, lex: &Lexicon) -> bool {
    g.surfaces.iter().any(|s| {
        s.rsplit(' ')
            .next()
            .is_some_and(|last| is_korean_given_name(last, lex))
    })
}

/// A surname mention that follows its capitalised particle at a sentence start ("Ten Hag"
/// after "Erik ten Hag"): the particle belongs to the mention.
fn with_particle(p: &Piece, words: &[Word<'_>], persons: &PersonIndex) -> Piece {
    let prev = p.first.checked_sub(1).and_then(|k| words.get(k));
    let Some(prev) = prev.filter(|w| w.cap && !words[p.first].gap_before && !w.possessive) else {
        return p.clone();
    };
    let lower = prev.text.to_lowercase();
    if !is_particle(&lower) {
        return p.clone();
    }
    let tail = format!(" {lower} {}", p.surface);
    if !persons.has_tail(&tail) {
        return p.clone();
    }
    Piece {
        first: p.first - 1,
        span: Span::new(prev.span.start(), p.span.end()),
        surface: format!("{} {}", prev.text, p.surface),
        ..p.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::resolve;
    use crate::typing::Guess;
    use crate::EntityRecognizer;
    use storyline_lexicon::Lexicon;
    use storyline_record::{Article, EntityType};

    fn entities(text: &str) -> Vec<(String, EntityType, Vec<String>, usize)> {
        let mut a = Article::new("t", "");
        a.set_text(text.to_string());
        EntityRecognizer::new().annotate(&mut a);
        a.entities
            .into_iter()
            .map(|e| (e.name, e.kind, e.aliases, e.mentions.len()))
            .collect()
    }

    #[test]
    fn one_name_is_one_entity_of_one_type() {
        let got = entities(
            "Ceres Robotics Inc. will bid. Ceres Robotics makes landers, and Ceres Robotics \
             hires.",
        );
        let ceres: Vec<_> = got.iter().filter(|e| e.0 == "Ceres Robotics").collect();
        assert_eq!(ceres.len(), 1, "{got:?}");
        assert_eq!(ceres[0].1, EntityType::Org);
        assert_eq!(ceres[0].3, 3);
    }

    #[test]
    fn surnames_join_full_names() {
        let got = entities(
            "Coach Pep Guardiola praised his side. Guardiola said the title race was open.",
        );
        assert_eq!(got[0].0, "Pep Guardiola");
        assert_eq!(got[0].2, vec!["Guardiola".to_string()]);
        assert_eq!(got[0].3, 2);
    }

    #[test]
    fn a_dropped_piece_inside_a_kept_name_is_no_mention() {
        let text = "Finalist MaliVai Washington lost. Washington said so.";
        let words = crate::words::of_text(text);
        let lex = Lexicon::get();
        let pieces = vec![
            (
                crate::chunks::piece(&words, 1, 3, lex),
                Guess::Is(EntityType::Person),
            ),
            (crate::chunks::piece(&words, 2, 3, lex), Guess::Drop),
            (crate::chunks::piece(&words, 4, 5, lex), Guess::Unknown),
        ];
        let got = resolve(&pieces, &words);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].mentions.len(), 2, "{:?}", got[0].mentions);
    }

    #[test]
    fn surnames_that_are_also_places() {
        let got = entities(
            "Defense Secretary Lloyd Austin met troops in Texas. Austin said morale was high.",
        );
        let austin = got.iter().find(|e| e.0 == "Lloyd Austin");
        assert!(austin.is_some_and(|e| e.3 == 2));
        assert!(!got.iter().any(|e| e.0 == "Austin"));
    }

    #[test]
    fn particles_inner_names_and_leaders() {
        let got = entities(
            "Erik ten Hag said his side must be braver. Later Ten Hag said more. President \
             Luiz Inácio Lula da Silva flew over Canoas. Lula told reporters the state was \
             \"standing up to Putin\" on aid.",
        );
        let hag = got.iter().find(|e| e.0 == "Erik ten Hag");
        assert!(hag.is_some_and(|e| e.3 == 2 && e.2.contains(&"Ten Hag".to_string())));
        let lula = got.iter().find(|e| e.0 == "Luiz Inácio Lula da Silva");
        assert!(lula.is_some_and(|e| e.3 == 2));
        let putin = got.iter().find(|e| e.0 == "Vladimir Putin");
        assert!(putin.is_some_and(|e| e.1 == EntityType::Person));
    }

    #[test]
    fn surnames_after_place_prepositions() {
        let got = entities("Professor Noam Kessler led the work. In Kessler's lab, mice ran.");
        assert!(got.iter().any(|e| e.0 == "Noam Kessler" && e.3 == 2));
        assert!(!got.iter().any(|e| e.0 == "Kessler"));
    }

    #[test]
    fn acronyms_and_short_forms_merge() {
        let got = entities(
            "The Kyiv School of Economics (KSE) published data. KSE said Britain and the UK \
             are one place.",
        );
        let kse = got.iter().find(|e| e.0 == "Kyiv School of Economics");
        assert!(kse.is_some_and(|e| e.1 == EntityType::Org && e.3 == 3));
        let uk = got.iter().find(|e| e.0 == "United Kingdom");
        assert!(uk.is_some_and(|e| e.3 == 2 && e.2.contains(&"UK".to_string())));
    }

    #[test]
    fn a_given_name_alone_is_the_person_it_opens() {
        let got = entities(
            "Gordon Sondland testified on Tuesday. Asked later, Gordon said he had no regrets.",
        );
        let names: Vec<&str> = got.iter().map(|e| e.0.as_str()).collect();
        assert_eq!(names, ["Gordon Sondland"]);
    }

    #[test]
    fn an_organisation_is_named_by_its_first_word() {
        let got = entities(
            "Tyvak Nano-Satellite Systems builds small satellites. Marco Villa, its chief \
             operating officer, said Tyvak would use that experience. Harrison Ford and Ford \
             Motor Company met; Ford said no.",
        );
        let tyvak = got.iter().find(|e| e.0 == "Tyvak Nano-Satellite Systems");
        assert!(tyvak.is_some_and(|e| e.1 == EntityType::Org && e.3 == 2));
        assert!(!got.iter().any(|e| e.0 == "Tyvak"));
        let ford = got.iter().find(|e| e.0 == "Harrison Ford");
        assert!(ford.is_some_and(|e| e.1 == EntityType::Person && e.3 == 2));
    }
}
