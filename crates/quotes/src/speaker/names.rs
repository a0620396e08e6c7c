//! Name evidence for speakers: nationality epithets ("the Dutchman"), titles before a name,
//! the gender of given names and entities, and the name that ends a subject phrase.

use storyline_lexicon::{is_entity_word, is_quote_word, EntityClass, Lexicon, QuoteClass};
use storyline_record::{Entity, EntityType, Span};

use crate::roles::{gender_of_given_name, gender_of_word, is_role_noun, Gender};
use crate::tok::Tok;
use crate::words::is_determiner;

/// Whether a capitalised word after "the" stands for a person by nationality: "the Dutchman",
/// "the Spaniard", "the Brazilian" (a demonym used as a noun).
pub(super) fn is_epithet(word: &str) -> bool {
    let lex = Lexicon::get();
    let stem = word
        .strip_suffix("man")
        .or_else(|| word.strip_suffix("woman"))
        .filter(|s| s.len() >= 3);
    lex.is_demonym(word)
        || stem.is_some_and(|s| lex.is_demonym(s) || lex.is_demonym(&format!("{s}h")))
        || is_quote_word(QuoteClass::Epithet, word)
}

/// Whether a capitalised word before a name is a title or role ("Councillor", "Coach").
pub(super) fn is_title(word: &str) -> bool {
    let w = word.to_lowercase();
    is_role_noun(&w) || gender_of_word(&w).is_some() || Lexicon::get().is_title_word(word)
}

/// Gender of a given name: this crate's short list first, then the lexicon's long one.
pub(super) fn given_name(word: &str) -> Option<Gender> {
    gender_of_given_name(&word.to_lowercase()).or_else(|| {
        storyline_lexicon::given_name_gender(word).map(|g| match g {
            storyline_lexicon::Gender::Male => Gender::Male,
            storyline_lexicon::Gender::Female => Gender::Female,
        })
    })
}

/// Gender evidence for an entity: its given name, its role, or a title before a mention.
pub(super) fn entity_gender<'m>(
    text: &str,
    e: &Entity,
    mut mentions: impl Iterator<Item = &'m (Span, usize)>,
) -> Option<Gender> {
    if e.kind != EntityType::Person {
        return None;
    }
    let first = e.name.split_whitespace().next().unwrap_or("");
    given_name(first)
        .or_else(|| {
            let role = e.role.as_deref().unwrap_or("").to_lowercase();
            role.split_whitespace().find_map(gender_of_word)
        })
        .or_else(|| {
            mentions.find_map(|(m, _)| {
                let before = text.get(..m.start())?.trim_end().trim_end_matches('.');
                let word = before.rsplit(char::is_whitespace).next()?;
                gender_of_word(&word.to_lowercase())
            })
        })
}

/// The trailing run of a phrase that looks like a name: capitalised words, with lowercase
/// particles inside ("Erik ten Hag", "Ursula von der Leyen").
pub(super) fn trailing_name<'p, 't>(phrase: &'p [Tok<'t>]) -> &'p [Tok<'t>] {
    let mut start = phrase.len();
    while start > 0 {
        let t = &phrase[start - 1];
        let particle = is_entity_word(EntityClass::NameParticle, t.text);
        let inner = start < phrase.len();
        if t.is_capitalized() && (!t.is_possessive() || !inner) || (particle && inner) {
            start -= 1;
        } else {
            break;
        }
    }
    while start < phrase.len() && !phrase[start].is_capitalized() {
        start += 1;
    }
    let slice = &phrase[start..];
    if slice.first().is_some_and(|t| is_determiner(&t.lower())) {
        &slice[1..]
    } else {
        slice
    }
}
