//! Step 2 of person resolution: full-name nodes that spell one person differently
//! ("Pesko"/"Peskov", "Borish"/"Boris") merge, compared only inside surname blocks and only
//! with evidence from roles or co-mentioned entities.

use std::collections::{HashMap, HashSet};

use storyline_lexicon::{is_entity_word, EntityClass, Lexicon, PlaceKind};

use super::Node;
use crate::names::{skeleton, surname_blocks, within_one_edit};
use crate::UnionFind;

/// Step 2: merges full-name nodes that are spelling variants of one person.
pub(super) fn merge_persons(nodes: &[Node], uf: &mut UnionFind) {
    let mut blocks: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        if let Some(p) = &n.person {
            for k in surname_blocks(&p.surname) {
                blocks.entry(k).or_default().push(i);
            }
        }
    }
    // Blocks past this size are common surnames; comparing inside them is quadratic and
    // fuzzy evidence is weakest there, so only exact keys (already one node) merge.
    const MAX_BLOCK: usize = 64;
    for members in blocks
        .values()
        .filter(|m| m.len() > 1 && m.len() <= MAX_BLOCK)
    {
        for (x, &i) in members.iter().enumerate() {
            for &j in members.iter().skip(x + 1) {
                if let (Some(a), Some(b)) = (nodes.get(i), nodes.get(j)) {
                    if same_person(a, b) {
                        uf.union(i, j);
                    }
                }
            }
        }
    }
}

/// Whether two full-name nodes name one person.
fn same_person(a: &Node, b: &Node) -> bool {
    let (Some(pa), Some(pb)) = (&a.person, &b.person) else {
        return false;
    };
    let (Some(ga), Some(gb)) = (&pa.given, &pb.given) else {
        return false;
    };
    let surname_exact = pa.surname == pb.surname;
    let surname_near = !surname_exact
        && pa.surname.len().min(pb.surname.len()) >= 5
        && within_one_edit(&pa.surname, &pb.surname);
    if !surname_exact && !surname_near {
        return false;
    }
    let given_exact = ga == gb;
    let initial = (ga.len() == 1 || gb.len() == 1) && ga.get(..1) == gb.get(..1);
    let given_near = !given_exact && ga.len().min(gb.len()) >= 4 && within_one_edit(ga, gb);
    if !given_exact && !initial && !given_near {
        return false;
    }
    (given_exact && surname_exact) || has_evidence(a, b)
}

/// Context agrees: a shared role word, or several shared co-mentioned entities.
fn has_evidence(a: &Node, b: &Node) -> bool {
    let ra: HashSet<String> = a.roles.keys().flat_map(|r| role_words(r)).collect();
    if b.roles
        .keys()
        .flat_map(|r| role_words(r))
        .any(|w| ra.contains(&w))
    {
        return true;
    }
    let shared = a.comentions.intersection(&b.comentions).count();
    let smaller = a.comentions.len().min(b.comentions.len());
    shared >= 3 || (smaller > 0 && shared * 2 >= smaller && shared >= 2)
}

/// Words of a role that identify it, a country however it is written ("UK Prime Minister",
/// "British Prime Minister" → united, kingdom, prime, minister).
pub(super) fn role_words(role: &str) -> Vec<String> {
    let lex = Lexicon::get();
    let countries: Vec<&str> = role
        .split_whitespace()
        .map(|w| {
            lex.country_of_demonym(w)
                .or_else(|| {
                    lex.place(w)
                        .filter(|p| p.kind == PlaceKind::Country)
                        .map(|p| p.canonical)
                })
                .unwrap_or(w)
        })
        .collect();
    skeleton(&countries.join(" "))
        .split(' ')
        .filter(|w| w.len() >= 2 && !is_entity_word(EntityClass::RoleFiller, w))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::role_words;

    #[test]
    fn a_country_is_one_role_word_however_written() {
        assert_eq!(
            role_words("UK Prime Minister"),
            role_words("British Prime Minister")
        );
        assert_eq!(role_words("US envoy"), role_words("American envoy"));
        assert!(!role_words("former Defence Secretary").contains(&"former".to_string()));
    }
}
