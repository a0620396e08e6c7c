//! Appositive roles: "Michael McFaul, the former US ambassador to Russia, wrote …" gives the
//! person the role "former US ambassador to Russia" when no title stood before the name.

use storyline_lexicon::Lexicon;
use storyline_record::{Entity, EntityType};

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
        e.role = e.mentions.iter().find_map(|m| appositive(text, m.end, lex));
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
        "the" | "a" | "an" => phrase.get(first.len() + 1..)?,
        _ if first.ends_with("'s") || first.ends_with("’s") => phrase,
        _ => return None,
    };
    let has_role = body.split(' ').any(|w| {
        let w = w.trim_end_matches("'s").trim_end_matches("’s");
        lex.is_role_noun(w) || (lex.is_title_word(w) && w.len() > 3)
    });
    (has_role && !body.is_empty()).then(|| body.to_string())
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
