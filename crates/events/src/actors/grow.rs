//! Growing an actor phrase from its first piece: modifiers and sector heads after a country,
//! a person's name after titles, and a following "in/of/from Country" when it has none.

use super::{phrase, split_code, Actor, Finder, Piece};
use crate::triggers::Triggers;
use storyline_lexicon::{is_event_word, EventClass};

/// The word that makes a demonym after it an ethnicity ("ethnic Serbs").
const ETHNIC: &str = "ethnic";

/// Grows an actor phrase from its first piece.
pub(super) fn build(f: &Finder<'_, '_>, start: usize, len: usize, first: Piece) -> Actor {
    let mut a = Actor {
        start,
        end: start + len,
        name: String::new(),
        base: None,
        sector: None,
        person: false,
        lent: false,
    };
    let mut plural_demonym = false;
    let mut country_name: Option<String> = None;
    let mut absorb = |a: &mut Actor, p: &Piece, country_name: &mut Option<String>| match p {
        Piece::Named {
            name,
            code,
            person,
            lent,
        } => {
            let (b, s) = code.map(split_code).unwrap_or((None, None));
            if a.base.is_none() {
                a.base = b;
                a.lent = *lent;
            }
            if s.is_some() && (a.sector.is_none() || *person) {
                a.sector = s;
            }
            if *person {
                a.person = true;
                a.name = name.clone();
                a.sector = a.sector.or(Some("GOV"));
            } else if country_name.is_none() {
                *country_name = Some(name.clone());
            }
        }
        Piece::Demonym { code, plural } => {
            if a.base.is_none() {
                a.base = Some(code);
            }
            if *plural {
                plural_demonym = true;
                a.sector = a.sector.or(Some("CVL"));
            }
        }
        Piece::Sector(s) => a.sector = Some(s),
    };
    absorb(&mut a, &first, &mut country_name);
    // "ethnic Albanians in Macedonia": an ethnicity, not a nationality; the phrase takes the
    // country it lives in (a following "in Country", else the other party's).
    let ethnic = start > 0 && f.words[start - 1].lower == ETHNIC;
    let ethnic = ethnic && matches!(first, Piece::Demonym { .. });
    if ethnic {
        a.base = None;
    }
    // Extend: a country or title piece may be followed by further titles, sector heads and a
    // person's name, with up to three lower-case modifiers before a sector head.
    loop {
        let prev_possessive = f.words.get(a.end - 1).is_some_and(|w| w.possessive);
        if a.person && !prev_possessive {
            break;
        }
        let mut j = a.end;
        let mut mods = 0;
        while mods < 3 {
            match f.words.get(j) {
                Some(w)
                    if !w.punct
                        && !w.cap
                        && !is_event_word(EventClass::ActorStop, w.lower.as_str())
                        && f.tables.sector(&w.lower).is_none()
                        && !w.lower.ends_with("ly")
                        && !Triggers::get().is_trigger_word(&w.lower)
                        && w.lower.chars().all(|c| c.is_alphabetic() || c == '-') =>
                {
                    j += 1;
                    mods += 1;
                }
                _ => break,
            }
        }
        match f.piece(j) {
            Some((len, p @ (Piece::Sector(_) | Piece::Named { person: true, .. }))) => {
                absorb(&mut a, &p, &mut country_name);
                a.end = j + len;
            }
            Some((len, p @ Piece::Named { .. })) if mods == 0 && a.base.is_none() => {
                absorb(&mut a, &p, &mut country_name);
                a.end = j + len;
            }
            _ => break,
        }
    }
    of_country(f, &mut a, plural_demonym || ethnic, &mut country_name);
    if a.name.is_empty() {
        a.name = country_name.unwrap_or_else(|| phrase(f.words, a.start, a.end));
    }
    a
}

/// "rebels in the Ivory Coast", "King Hassan of Morocco", "Albanians of southern Serbia":
/// a following place gives the phrase its country when it has none (or only an ethnic one).
fn of_country(f: &Finder<'_, '_>, a: &mut Actor, ethnic: bool, name: &mut Option<String>) {
    if a.base.is_some() && !ethnic {
        return;
    }
    let Some(w) = f.words.get(a.end) else { return };
    if !is_event_word(EventClass::OriginPreposition, &w.lower) {
        return;
    }
    for j in a.end + 1..a.end + 5 {
        let Some(w) = f.words.get(j) else { return };
        if w.punct {
            return;
        }
        if w.cap {
            if let Some((
                len,
                Piece::Named {
                    name: n,
                    code: Some(code),
                    person: false,
                    ..
                },
            )) = f.piece(j)
            {
                let (b, s) = split_code(code);
                a.base = b;
                a.sector = a.sector.or(s);
                a.end = j + len;
                *name = Some(n);
            } else if let Some((len, Piece::Demonym { code, .. })) = f.piece(j) {
                a.base = Some(code);
                a.end = j + len;
            }
            return;
        }
    }
}
