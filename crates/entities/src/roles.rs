//! Roles of persons: title words and honorifics before a name ("Dr", "Foreign Minister"), a
//! lower-case role phrase before it ("national security adviser Jake Sullivan"), and
//! appositives after it: "Michael McFaul, the former US ambassador to Russia, wrote …" gives
//! the person the role "former US ambassador to Russia" when no title stood before the name.

use storyline_lexicon::Lexicon;
use storyline_lexicon::{is_entity_word, EntityClass};
use storyline_record::{Entity, EntityType, Span};

use crate::known::known_single;
use crate::words::Word;

/// The longest appositive we read, in bytes: longer stretches are clauses, not roles.
const MAX_APPOSITIVE: usize = 80;

/// Fills `role` of persons that have none from an appositive right after one of their
/// mentions.
pub(crate) fn add_appositive_roles(entities: &mut [Entity], text: &str) {
    let lex = Lexicon::get();
    for e in entities.iter_mut() {
        if e.kind != EntityType::Person || e.role.is_some() {
            continue;
        }
        e.role = e
            .mentions
            .iter()
            .find_map(|m| appositive(text, m.end(), lex));
    }
}

fn appositive(text: &str, at: usize, lex: &Lexicon) -> Option<String> {
    let rest = text.get(at..)?.strip_prefix(", ")?;
    let end = rest.find([',', '.', ';', '(', '\n', '"', '“'])?;
    // Only a phrase closed by a comma is an appositive ("X, the coach, said").
    if !rest[end..].starts_with(',') || end > MAX_APPOSITIVE {
        return None;
    }
    let phrase = &rest[..end];
    let mut words = phrase.split(' ');
    let first = words.next()?;
    let body = match first {
        _ if is_entity_word(EntityClass::Article, first) => phrase.get(first.len() + 1..)?,
        _ if first.ends_with("'s") || first.ends_with("’s") => phrase,
        _ => return None,
    };
    let has_role = body.split(' ').any(|w| {
        let w = w.trim_end_matches("'s").trim_end_matches("’s");
        lex.is_role_noun(w) || (lex.is_title_word(w) && w.len() > 3)
    });
    (has_role && !body.is_empty()).then(|| body.to_string())
}

pub(crate) fn is_honorific(w: &str) -> bool {
    is_entity_word(EntityClass::Honorific, w)
}

/// Title words that qualify a following title word and cannot end a title themselves.
pub(crate) fn is_title_modifier(w: &str) -> bool {
    is_entity_word(EntityClass::TitleModifier, w)
}

/// A lower-case role phrase ending right before word `i` ("striker", "national security
/// adviser", "Russian leader"), as (first word index, phrase).
pub(crate) fn role_before(
    words: &[Word<'_>],
    i: usize,
    text: &str,
    lex: &Lexicon,
) -> Option<(usize, String)> {
    if i == 0 || words[i].gap_before {
        return None;
    }
    let noun = &words[i - 1];
    if noun.cap || !lex.is_role_noun(noun.text) || noun.possessive {
        return None;
    }
    let mut first = i - 1;
    // Up to two modifiers ("national security" adviser), never across punctuation or a
    // possessive; a capitalised one ("NATO" chief, "Russian" leader) opens the role.
    while first > 0 && i - 1 - first < 2 && !words[first].gap_before {
        let m = &words[first - 1];
        let modifier = if m.cap {
            lex.is_demonym(m.text) || known_single(m.text, lex).is_some()
        } else {
            lex.is_role_modifier(m.text) || lex.is_role_noun(m.text)
        };
        if m.possessive || !modifier {
            break;
        }
        first -= 1;
        if m.cap {
            break;
        }
    }
    let span = Span::new(words[first].span.start(), noun.span.end());
    Some((first, span.slice(text).to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_record::Span;

    fn person(text: &str, name: &str) -> Entity {
        let at = text.find(name).unwrap_or(0);
        Entity {
            name: name.into(),
            kind: EntityType::Person,
            aliases: vec![],
            role: None,
            mentions: vec![Span::new(at, at + name.len())],
        }
    }

    #[test]
    fn reads_appositives() {
        let t = "Ana Silva, the club's new head coach, said they would win.";
        let mut e = vec![person(t, "Ana Silva")];
        add_appositive_roles(&mut e, t);
        assert_eq!(e[0].role.as_deref(), Some("club's new head coach"));
        let t = "Tom Reed, NATO's chief, spoke.";
        let mut e = vec![person(t, "Tom Reed")];
        add_appositive_roles(&mut e, t);
        assert_eq!(e[0].role.as_deref(), Some("NATO's chief"));
    }

    #[test]
    fn ignores_clauses() {
        let t = "Ana Silva, who lives in Leeds, said no. Tom Reed, the winner of the race.";
        let mut e = vec![person(t, "Ana Silva"), person(t, "Tom Reed")];
        add_appositive_roles(&mut e, t);
        assert!(e.iter().all(|e| e.role.is_none()));
    }
}
