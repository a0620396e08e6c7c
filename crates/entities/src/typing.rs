//! Typing a candidate piece: gazetteers first, then its own words, then its context.

use storyline_lexicon::{is_entity_word, EntityClass};
use storyline_lexicon::{Lexicon, PlaceKind};
use storyline_record::EntityType;

use crate::chunks::{is_contraction, is_korean_given_name, Known, Piece, Shape};
use crate::words::Word;

/// What the rules conclude about one piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Guess {
    /// A name of this type.
    Is(EntityType),
    /// Capitalised, but nothing here says what it is: kept only if another mention of the
    /// same name in the article is typed ("Lavrov" after "Sergey Lavrov").
    Unknown,
    /// Not a name of a person, organisation or place.
    Drop,
}

/// Prepositions after which an unknown single name is most likely a place.
fn is_place_preposition(w: &str) -> bool {
    is_entity_word(EntityClass::PlacePreposition, w)
}

fn all_caps(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(|c| c.is_lowercase())
}

/// Plural agent nouns ("Organisers", "Economists", "Ukrainians"): people, never one person.
fn looks_plural(w: &str) -> bool {
    ["ers", "ors", "ists", "ians", "ants", "ents", "ives"]
        .iter()
        .any(|s| w.ends_with(s))
}

/// A word and a city, where the word is no direction or demonym: a sports club.
fn is_club_name(ws: &[Word<'_>], lex: &Lexicon) -> bool {
    let (Some(a), Some(b)) = (ws.first(), ws.get(1)) else {
        return false;
    };
    let city = lex.place_kind(b.text) == Some(PlaceKind::City);
    let direction = is_entity_word(EntityClass::ClubNameHead, a.text);
    city && !direction && !lex.is_demonym(a.text) && !lex.is_given_name(a.text)
}

/// "WeWork", "SoftBank": a capital inside a word after lower-case letters marks a brand, not
/// a place ("into WeWork"); "McDonald", "DeSantis", "LeBron" are names' own prefixes.
fn camel_case(w: &str) -> bool {
    let inner = w
        .char_indices()
        .skip(1)
        .any(|(i, c)| c.is_uppercase() && w[..i].chars().last().is_some_and(char::is_lowercase));
    // A surname prefix before a name ("MacArthur"), not before a common word ("MacBook").
    let prefix = [
        "Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "Du",
    ]
    .iter()
    .filter_map(|p| w.strip_prefix(p))
    .any(|rest| rest.starts_with(char::is_uppercase) && !Lexicon::get().is_common_word(rest));
    inner && !prefix
}

/// "R-Texas", "D-Md", "I-Vt": a legislator's party letter joined to a state.
fn is_party_label(w: &str) -> bool {
    let mut chars = w.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some('R' | 'D' | 'I'), Some('-'), Some(c)) if c.is_uppercase()
    )
}

/// First words of place names ("Sao Leopoldo", "Port Talbot"), never of a person's name.
fn is_place_prefix(w: &str) -> bool {
    is_entity_word(EntityClass::PlacePrefix, w)
}

/// Whether a United States state follows the piece after a comma and ends the phrase: the
/// piece is a city ("Holmdel, NJ", "DeKalb, Ill.", "Cuyahoga Falls, Ohio"). A state that goes
/// on ("Virginia's senator") or stands in parentheses says nothing; the caller leaves out
/// names opening with a given name ("Tom Molomby, SC, said").
fn before_us_state(p: &Piece, words: &[Word<'_>], text: &str) -> bool {
    let (Some(last), Some(state)) = (
        p.end.checked_sub(1).and_then(|k| words.get(k)),
        words.get(p.end),
    ) else {
        return false;
    };
    let code = state.text.len() == 2;
    let written = state.cap && (!code || state.text.bytes().all(|b| b.is_ascii_uppercase()));
    let ends = words.get(p.end + 1).is_none_or(|w| w.gap_before);
    let comma = text
        .get(last.span.end()..state.span.start())
        .is_some_and(|gap| gap.trim() == ",");
    comma
        && !state.in_parens
        && !last.possessive
        && !state.possessive
        && written
        && ends
        && is_entity_word(EntityClass::UsState, state.text)
}

/// Types `p` (of `words` of `text`). `headline` is set for pieces on a title-cased line,
/// where capitals say nothing.
pub(crate) fn guess(
    p: &Piece,
    words: &[Word<'_>],
    text: &str,
    headline: bool,
    lex: &Lexicon,
) -> Guess {
    if p.dateline {
        return Guess::Is(EntityType::Place);
    }
    match p.known {
        Some(Known::Org(_)) => return Guess::Is(EntityType::Org),
        Some(Known::Place(place)) => {
            let start = words.get(p.first).is_some_and(|w| w.sent_start);
            if place.common_word && (start || headline) {
                return Guess::Drop;
            }
            return Guess::Is(EntityType::Place);
        }
        None => {}
    }
    if headline {
        return Guess::Drop;
    }
    let n = p.end - p.first;
    let ws = words.get(p.first..p.end).unwrap_or(&[]);
    if p.shape == Shape::Plain
        && !p.titled
        && before_us_state(p, words, text)
        && !ws.first().is_some_and(|w| lex.is_given_name(w.text))
    {
        return Guess::Is(EntityType::Place);
    }
    // "We've", "Don't", "It'll": contractions are never names.
    if ws.iter().any(|w| is_contraction(w.text)) {
        return Guess::Drop;
    }
    // "Sen. Ted Cruz, R-Texas,": a party and state label, not a name of its own.
    if ws.first().is_some_and(|w| is_party_label(w.text)) {
        return Guess::Drop;
    }
    let first = match ws.first() {
        Some(w) => w,
        None => return Guess::Drop,
    };
    // "Local Police said …": an ordinary word capitalised only by the sentence start, in
    // front of one organisation word, is a description, not a name.
    if p.shape == Shape::OrgWords
        && n == 2
        && first.sent_start
        && lex.is_common_word(first.text)
        && !lex.is_org_head(first.text)
        && ws[1].amp.is_empty()
    {
        return Guess::Drop;
    }
    // "Ban Ki-moon", "Moon Jae-in": a family name and a Korean given name.
    if n == 2 && p.shape == Shape::Plain && is_korean_given_name(ws[1].text, lex) {
        return Guess::Is(EntityType::Person);
    }
    match p.shape {
        Shape::OrgWords => return Guess::Is(EntityType::Org),
        Shape::PlaceWords => return Guess::Is(EntityType::Place),
        Shape::Other => return Guess::Drop,
        Shape::Plain => {}
    }
    if ws
        .iter()
        .all(|w| lex.is_demonym(w.text) || lex.is_title_word(w.text))
    {
        return Guess::Drop;
    }
    if p.titled {
        return Guess::Is(EntityType::Person);
    }
    if n >= 2 {
        // "James Webb Space Telescope": a long name whose tail is ordinary words is named
        // after a person, not a person.
        // Lower-case particles ("Erik ten Hag") count for neither side.
        let caps = ws.iter().filter(|w| w.cap).count();
        let common_tail = ws[1..]
            .iter()
            .filter(|w| w.cap && lex.is_common_word(w.text))
            .count();
        if caps >= 3 && common_tail * 2 > caps - 1 {
            return Guess::Unknown;
        }
        // "Virginia Democrats": a place, then a known organisation, is a branch of it; after
        // a plain given name it would be a surname ("Michael Bloomberg").
        if lex.place(first.text).is_some() && lex.org(ws[n - 1].text).is_some() {
            return Guess::Is(EntityType::Org);
        }
        if lex.is_given_name(first.text) {
            return Guess::Is(EntityType::Person);
        }
        // "Sao Leopoldo", "Puerto Madryn", "Fort Collins": words that open place names.
        if is_place_prefix(first.text) {
            return Guess::Is(EntityType::Place);
        }
        if ws
            .iter()
            .any(|w| all_caps(w.text) || w.text.chars().any(|c| c.is_ascii_digit()))
        {
            return Guess::Unknown;
        }
        // A club named for its city ("Real Madrid", "Bayern Munich").
        if n == 2 && !first.sent_start && is_club_name(ws, lex) {
            return Guess::Is(EntityType::Org);
        }
        // Two capitalised words are a person's name by shape only when they are not ordinary
        // words or demonyms ("Unfounded Claims", "Possible Russian" in title-cased copy).
        let ordinary = ws
            .iter()
            .any(|w| w.cap && (lex.is_common_word(w.text) || lex.is_demonym(w.text)));
        // "Pep Guardiola said": a speaker whose surname is no ordinary word is a person even
        // when the first name is one.
        let speaker = words
            .get(p.end)
            .is_some_and(|w| !w.gap_before && lex.is_cue_verb(w.text));
        let last = &ws[n - 1];
        let named =
            n == 2 && speaker && !lex.is_common_word(last.text) && !lex.is_demonym(last.text);
        if ordinary && !named {
            return Guess::Unknown;
        }
        return Guess::Is(EntityType::Person);
    }
    // One word: look at its neighbours.
    let next = words
        .get(p.end)
        .filter(|w| !w.gap_before || w.text == "said");
    let prev = p.first.checked_sub(1).and_then(|k| words.get(k));
    let last = &ws[n - 1];
    // "the Dutchman told", "the Frenchman said": a description, never a person's name.
    if !first.gap_before && prev.is_some_and(|w| is_entity_word(EntityClass::Article, w.text)) {
        return Guess::Unknown;
    }
    // "Hartley said": a speaker, unless it is an ordinary word ("Officials said") or a plural
    // agent noun the word list spells otherwise ("Organisers said"); a speaking brand in camel
    // case ("JetBlue said": no person's name has a capital inside but after Mc, Mac, De…) is
    // an organisation.
    if next.is_some_and(|w| lex.is_cue_verb(w.text) && !last.possessive) {
        let generic = first.sent_start && looks_plural(first.text);
        return if camel_case(first.text) {
            Guess::Is(EntityType::Org)
        } else if all_caps(first.text) || lex.is_common_word(first.text) || generic {
            Guess::Unknown
        } else {
            Guess::Is(EntityType::Person)
        };
    }
    if !first.gap_before
        && !lex.is_common_word(first.text)
        && prev.is_some_and(|w| is_entity_word(EntityClass::SpeechBeforeName, w.text))
    {
        return Guess::Is(EntityType::Person);
    }
    if !first.gap_before
        && !first.sent_start
        && !camel_case(first.text)
        && !lex.is_common_word(first.text)
        && prev.is_some_and(|w| is_place_preposition(w.text))
        && !all_caps(first.text)
        && !lex.is_given_name(first.text)
    {
        return Guess::Is(EntityType::Place);
    }
    Guess::Unknown
}

/// One name, one type: a name typed as an organisation by a gazetteer, its words or its
/// context ("data from Kestrom") is an organisation wherever it is written, also where only
/// a weaker cue said person ("Kestrom said"); a title before it ("Mayor Kestrom") outranks
/// everything except a gazetteer; the dateline's place is a place.
pub(crate) fn settle(typed: &mut [(Piece, Guess)]) {
    use std::collections::HashSet;
    let org = Guess::Is(EntityType::Org);
    let person = Guess::Is(EntityType::Person);
    // A role in lower case ("state engineer Comelf said it …") yields to an organisation
    // the name is typed as twice or more; a title ("Mayor Kestrom") never does.
    let mut org_count: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (p, g) in typed.iter() {
        if *g == org {
            *org_count.entry(p.surface.as_str()).or_default() += 1;
        }
    }
    let title = |p: &Piece| {
        p.role
            .as_deref()
            .is_none_or(|r| r.starts_with(char::is_uppercase))
            || org_count.get(p.surface.as_str()).copied().unwrap_or(0) < 2
    };
    // Pieces whose role yields: they count as untitled below.
    let untitled: Vec<bool> = typed.iter().map(|(p, _)| !p.titled || !title(p)).collect();
    let titled: HashSet<String> = typed
        .iter()
        .zip(&untitled)
        .filter(|((_, g), &u)| *g == person && !u)
        .map(|((p, _), _)| p.surface.clone())
        .collect();
    let orgs: HashSet<String> = typed
        .iter()
        .filter(|(p, g)| {
            *g == org && (matches!(p.known, Some(Known::Org(_))) || !titled.contains(&p.surface))
        })
        .map(|(p, _)| p.surface.clone())
        .collect();
    // The place of the article's dateline ("LONGYEAR, Norway") is a place wherever only
    // context, or the tagger, said person ("Longyear is a town in mourning").
    let dateline: HashSet<String> = typed
        .iter()
        .filter(|(p, _)| p.dateline)
        .map(|(p, _)| p.surface.to_lowercase())
        .collect();
    for ((p, g), untitled) in typed.iter_mut().zip(untitled) {
        if *g == person && untitled && orgs.contains(&p.surface) {
            *g = org;
        } else if *g == org && p.known.is_none() && titled.contains(&p.surface) {
            *g = person;
        } else if *g == person
            && !p.titled
            && p.known.is_none()
            && dateline.contains(&p.surface.to_lowercase())
        {
            *g = Guess::Is(EntityType::Place);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chunks::pieces;
    use crate::words::of_text;

    fn guesses(text: &str) -> Vec<(String, Guess)> {
        let w = of_text(text);
        let skip = vec![false; w.last().map_or(1, |w| w.line + 1)];
        let lex = Lexicon::get();
        pieces(&w, &skip, text)
            .iter()
            .map(|p| (p.surface.clone(), guess(p, &w, text, false, lex)))
            .collect()
    }

    fn kind_of(text: &str, name: &str) -> Option<Guess> {
        guesses(text)
            .into_iter()
            .find(|(s, _)| s == name)
            .map(|(_, g)| g)
    }

    #[test]
    fn types_from_gazetteers_and_words() {
        let t = "Shares of Nvidia rose in Tokyo after Malaysia Airlines and Manchester United \
                 reported results to the Federal Reserve.";
        assert_eq!(kind_of(t, "Nvidia"), Some(Guess::Is(EntityType::Org)));
        assert_eq!(kind_of(t, "Tokyo"), Some(Guess::Is(EntityType::Place)));
        assert_eq!(
            kind_of(t, "Malaysia Airlines"),
            Some(Guess::Is(EntityType::Org))
        );
        assert_eq!(
            kind_of(t, "Manchester United"),
            Some(Guess::Is(EntityType::Org))
        );
        assert_eq!(
            kind_of(t, "Federal Reserve"),
            Some(Guess::Is(EntityType::Org))
        );
    }

    #[test]
    fn an_institution_word_of_another_language_makes_an_organisation() {
        let t = "She studied at the Vrije Universiteit Amsterdam, then at Universidad de Chile, \
                 and banked with Banco Santander.";
        let org = Some(Guess::Is(EntityType::Org));
        assert_eq!(kind_of(t, "Vrije Universiteit Amsterdam"), org);
        assert_eq!(kind_of(t, "Universidad de Chile"), org);
        assert_eq!(kind_of(t, "Banco Santander"), org);
    }

    #[test]
    fn a_place_before_an_event_word_names_the_event_not_the_place() {
        let t = "She withdrew from the U.S. Open, then won the Australian Open in Melbourne.";
        assert_eq!(kind_of(t, "U.S. Open"), Some(Guess::Drop));
        assert_eq!(kind_of(t, "Australian Open"), Some(Guess::Drop));
        assert_eq!(kind_of(t, "Melbourne"), Some(Guess::Is(EntityType::Place)));
    }

    #[test]
    fn types_persons_from_context() {
        let t = "The council met. Springfield Mayor Jane Doe spoke, and Hartley said no.";
        assert_eq!(kind_of(t, "Jane Doe"), Some(Guess::Is(EntityType::Person)));
        assert_eq!(kind_of(t, "Hartley"), Some(Guess::Is(EntityType::Person)));
        assert_eq!(
            kind_of(t, "Springfield"),
            Some(Guess::Is(EntityType::Place))
        );
    }

    #[test]
    fn a_brand_in_camel_case_before_a_cue_is_an_organisation() {
        let t = "Fares rose again. JetBlue said demand was strong, and McCarthy said no.";
        assert_eq!(kind_of(t, "JetBlue"), Some(Guess::Is(EntityType::Org)));
        assert_eq!(kind_of(t, "McCarthy"), Some(Guess::Is(EntityType::Person)));
    }

    #[test]
    fn party_labels_are_no_names() {
        let t = "Sen. Ted Cruz, R-Texas, and Rep. Elijah Cummings (D-Md.) spoke.";
        assert_eq!(kind_of(t, "R-Texas"), Some(Guess::Drop));
        assert!(guesses(t)
            .iter()
            .all(|(n, g)| !n.starts_with("D-") || *g == Guess::Drop));
        assert!(!is_party_label("Dr-Who") && !is_party_label("RT"));
    }

    #[test]
    fn drops_events_and_demonyms() {
        let t = "Since the Cold War ended, Ukrainian and British officials met.";
        assert_eq!(kind_of(t, "Cold War"), Some(Guess::Drop));
        assert_eq!(kind_of(t, "Ukrainian"), None);
    }

    #[test]
    fn sentence_initial_descriptions_are_not_orgs() {
        let t = "Local Police said the road was shut. Officers from Lakeside Police agreed.";
        assert_eq!(kind_of(t, "Local Police"), Some(Guess::Drop));
        assert_eq!(
            kind_of(t, "Lakeside Police"),
            Some(Guess::Is(EntityType::Org))
        );
    }

    #[test]
    fn a_city_before_a_us_state_is_a_place() {
        let t = "The tour stops at the arts center in Holmdel, NJ, on June 29.";
        assert_eq!(kind_of(t, "Holmdel"), Some(Guess::Is(EntityType::Place)));
        let t = "Quarterback Mike Glass threw for three touchdowns at Dekalb, Ill., on Saturday.";
        assert_eq!(kind_of(t, "Dekalb"), Some(Guess::Is(EntityType::Place)));
        // A state that goes on, and letters after a person's name, say nothing.
        let t = "Officials praised Kestrom, Virginia's new director, on Monday.";
        assert_ne!(kind_of(t, "Kestrom"), Some(Guess::Is(EntityType::Place)));
        let t = "Speaking for the parents, Tom Molomby, SC, said they came from Sydney.";
        assert_ne!(
            kind_of(t, "Tom Molomby"),
            Some(Guess::Is(EntityType::Place))
        );
    }

    #[test]
    fn places_after_prepositions() {
        let t = "Fighting continued in Bakhmutka while Pavlenko rested.";
        assert_eq!(kind_of(t, "Bakhmutka"), Some(Guess::Is(EntityType::Place)));
        assert_eq!(kind_of(t, "Pavlenko"), Some(Guess::Unknown));
    }

    #[test]
    fn a_role_in_lower_case_yields_to_an_organisation_named_twice() {
        let t = "Engineer Comelf said it grew. Comelf rose and Comelf fell. Mayor Hale spoke, \
                 Hale said, and Hale fell.";
        let w = of_text(t);
        let lex = Lexicon::get();
        let piece = |a, b| crate::chunks::piece(&w, a, b, lex);
        let (org, person) = (Guess::Is(EntityType::Org), Guess::Is(EntityType::Person));
        let with_role = |a, role: &str| {
            let mut p = piece(a, a + 1);
            p.titled = true;
            p.role = Some(role.to_string());
            p
        };
        let hale = |a| piece(a, a + 1);
        let mut typed = vec![
            (with_role(1, "state engineer"), person),
            (piece(5, 6), org),
            (piece(8, 9), org),
            (with_role(11, "Mayor"), person),
            (hale(13), org),
            (hale(16), org),
        ];
        settle(&mut typed);
        let kinds: Vec<_> = typed.iter().map(|(_, g)| *g).collect();
        assert_eq!(kinds, [org, org, org, person, person, person]);
    }

    #[test]
    fn the_datelines_place_is_a_place_where_context_said_person() {
        let t = "LONGYEAR, Norway - Longyear is a town in mourning, Mayor Hill said.";
        let w = of_text(t);
        let lex = Lexicon::get();
        let piece = |a, b| crate::chunks::piece(&w, a, b, lex);
        let person = Guess::Is(EntityType::Person);
        let mut dateline = piece(0, 1);
        dateline.dateline = true;
        let mut titled = piece(9, 10);
        titled.titled = true;
        let mut typed = vec![
            (dateline, Guess::Is(EntityType::Place)),
            (piece(2, 3), person),
            (titled, person),
        ];
        settle(&mut typed);
        let kinds: Vec<_> = typed.iter().map(|(_, g)| *g).collect();
        assert_eq!(kinds[1], Guess::Is(EntityType::Place));
        assert_eq!(kinds[2], person);
    }
}
