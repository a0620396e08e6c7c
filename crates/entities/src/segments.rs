//! Cutting one run of capitalised words into pieces: the words that are never part of a name
//! break it, and each segment splits into its title or role ("UK Foreign Secretary"), the
//! known names inside it, and the name itself ("Liz Truss").

use storyline_lexicon::{is_entity_word, EntityClass};
use storyline_lexicon::{Lexicon, PlaceKind};
use storyline_record::Span;

use crate::chunks::{is_contraction, is_hyphen_modifier, piece, Known, Piece, Shape};
use crate::descriptors::is_org_descriptor;
use crate::known::{known_multi, known_single};
use crate::roles::{is_honorific, is_title_modifier, role_before};
use crate::words::Word;

/// A city followed by a name that is not a person's ("Tottenham Hotspur", "Boston Celtics",
/// "Kyiv Independent"): a club, a newspaper, a company, typed as an organisation.
fn team_of_city(
    words: &[Word<'_>],
    n0: usize,
    e: usize,
    titled: bool,
    lex: &Lexicon,
) -> Option<Piece> {
    // "Mary Lowe", "Florence Pugh": a given name that is also a city opens a person's name.
    if titled || lex.is_given_name(words[n0].text) {
        return None;
    }
    let city_len = match known_multi(words, n0, lex) {
        Some((n, Known::Place(p))) if p.kind == PlaceKind::City => n,
        Some(_) => return None,
        None => match lex.place(words[n0].text) {
            Some(p) if p.kind == PlaceKind::City => 1,
            _ => return None,
        },
    };
    let rest = words.get(n0 + city_len)?;
    if n0 + city_len >= e
        || lex.is_given_name(rest.text)
        || lex.is_title_word(rest.text)
        || lex.is_demonym(rest.text)
        || known_single(rest.text, lex).is_some()
    {
        return None;
    }
    let p = piece(words, n0, e, lex);
    (p.shape != Shape::Other).then_some(Piece {
        shape: Shape::OrgWords,
        ..p
    })
}

/// Splits the run `i..j` of capitalised words into pieces: known names, the title or role,
/// and the name it introduces.
pub(crate) fn split_run(
    words: &[Word<'_>],
    i: usize,
    j: usize,
    text: &str,
    lex: &Lexicon,
    out: &mut Vec<Piece>,
) {
    // Segments between words that are never part of a name ("The", "Sunday").
    let mut k = i;
    while k < j {
        let breaks = |w: &Word<'_>| {
            (lex.is_not_name(w.text) && !is_honorific(w.text))
                || is_hyphen_modifier(w.text, lex)
                || is_contraction(w.text)
        };
        while k < j && breaks(&words[k]) {
            k += 1;
        }
        let start = k;
        while k < j && !breaks(&words[k]) {
            k += 1;
        }
        // Drop lower-case particles dangling at either end of the segment.
        let (mut s, mut e) = (start, k);
        while s < e && !words[s].cap {
            s += 1;
        }
        while e > s && !words[e - 1].cap {
            e -= 1;
        }
        // "First Bank System Inc.": an ordinal that never opens a name alone opens a
        // company's, inside a sentence.
        let ordinal = s == start
            && s < e
            && s > i
            && !words[s].gap_before
            && !words[s - 1].sent_start
            && is_entity_word(EntityClass::OrgOrdinal, words[s - 1].text)
            && piece(words, s, e, lex).shape == Shape::OrgWords;
        if ordinal {
            s -= 1;
        }
        if s < e {
            split_segment(words, s, e, text, lex, out);
        }
    }
}

fn split_segment(
    words: &[Word<'_>],
    s: usize,
    e: usize,
    text: &str,
    lex: &Lexicon,
    out: &mut Vec<Piece>,
) {
    let whole = piece(words, s, e, lex);
    if whole.known.is_some() || matches!(whole.shape, Shape::OrgWords | Shape::PlaceWords) {
        out.push(whole);
        return;
    }
    // "U.S. Open", "Australian Open", "Kentucky Derby": a sports event, neither the place nor
    // anything else the types name.
    let event = e - s >= 2
        && is_entity_word(EntityClass::EventTail, words[e - 1].text)
        && (lex.place(words[s].text).is_some() || lex.is_demonym(words[s].text));
    if event {
        out.push(Piece {
            shape: Shape::Other,
            ..whole
        });
        return;
    }
    // The title part ends at the last title word that is followed by more words.
    let last_title = (s..e)
        .rev()
        .find(|&k| lex.is_title_word(words[k].text) || is_honorific(words[k].text));
    let name_start = match last_title {
        Some(t) => t + 1,
        None => s,
    };
    // Known names inside the title ("NATO" Secretary-General, "UK" Foreign Secretary).
    let mut k = s;
    while k < name_start {
        if let Some((n, known)) = known_multi(words, k, lex).filter(|(n, _)| k + n <= name_start) {
            let mut p = piece(words, k, k + n, lex);
            p.known = Some(known);
            out.push(p);
            k += n;
            continue;
        }
        if let Some(known) = known_single(words[k].text, lex) {
            let mut p = piece(words, k, k + 1, lex);
            p.known = Some(known);
            out.push(p);
        }
        k += 1;
    }
    if name_start >= e {
        return;
    }
    let mut n0 = name_start;
    // Demonyms and known places or organisations at the front of a name belong to the role
    // or stand alone ("Moscow" John Sullivan).
    while n0 < e {
        // "Christian Cullen": a demonym that is also a given name, before a surname that is
        // no ordinary word, opens a person's name.
        let given = lex.is_given_name(words[n0].text)
            && e - n0 == 2
            && !lex.is_common_word(words[n0 + 1].text)
            && !lex.is_demonym(words[n0 + 1].text);
        if lex.is_demonym(words[n0].text) && !given {
            n0 += 1;
            continue;
        }
        // "Controversial Australian Anthony Hill": an ordinary word that opens the sentence
        // before a demonym describes the person, as the demonym does.
        let describing = words[n0].sent_start
            && lex.is_common_word(words[n0].text)
            && !lex.is_given_name(words[n0].text)
            && words
                .get(n0 + 1)
                .is_some_and(|w| n0 + 1 < e && lex.is_demonym(w.text));
        if describing {
            n0 += 1;
            continue;
        }
        if let Some(p) = team_of_city(words, n0, e, last_title.is_some(), lex) {
            out.push(p);
            return;
        }
        // A given name that is also a place ("Vladimir", "Florence") starts a person's name.
        if e - n0 >= 2 && !lex.is_given_name(words[n0].text) {
            if let Some((n, known)) = known_multi(words, n0, lex).filter(|(n, _)| n0 + n < e) {
                let mut p = piece(words, n0, n0 + n, lex);
                p.known = Some(known);
                out.push(p);
                n0 += n;
                continue;
            }
            if let Some(known) = known_single(words[n0].text, lex) {
                // A known organisation followed by more name words is a longer name of
                // its own ("JPMorgan Chase"), unless a person's name follows.
                let rest_person =
                    lex.is_given_name(words[n0 + 1].text) || lex.is_title_word(words[n0 + 1].text);
                if matches!(known, Known::Org(_)) && !rest_person && last_title.is_none() {
                    let p = piece(words, n0, e, lex);
                    if p.shape != Shape::Other {
                        out.push(Piece {
                            shape: Shape::OrgWords,
                            ..p
                        });
                    }
                    return;
                }
                let mut p = piece(words, n0, n0 + 1, lex);
                p.known = Some(known);
                out.push(p);
                n0 += 1;
                continue;
            }
        }
        break;
    }
    if n0 >= e {
        return;
    }
    // A title that needs a head noun ("Foreign", "Prime") followed by one word: that word is
    // a misspelt title ("Foreign Minster"), not a name.
    if let Some(t) = last_title {
        if e - n0 == 1 && is_title_modifier(words[t].text) {
            return;
        }
    }
    // "Lebed Chechnya peace plan": a name glued to a country or region in headline style is
    // two names, not a person whose surname is a place ("Michael Jordan" opens with a given
    // name, "Statistics Canada" with an ordinary word: both stay whole).
    if last_title.is_none() && e - n0 >= 2 {
        let place = known_single(words[e - 1].text, lex);
        let wide = matches!(place, Some(Known::Place(p))
            if matches!(p.kind, PlaceKind::Country | PlaceKind::Region));
        let bare = (n0..e - 1).all(|k| {
            let w = words[k].text;
            words[k].cap
                && !lex.is_given_name(w)
                && !lex.is_common_word(w)
                && !lex.is_org_word(w)
                && known_single(w, lex).is_none()
        });
        if wide && bare {
            split_segment(words, n0, e - 1, text, lex, out);
            let mut p = piece(words, e - 1, e, lex);
            p.known = place;
            out.push(p);
            return;
        }
    }
    // An unknown sentence opener glued to a known name ("Should Russia ..."): drop it.
    if e - n0 >= 2
        && words[n0].sent_start
        && last_title.is_none()
        && !lex.is_given_name(words[n0].text)
        && known_single(words[n0 + 1].text, lex).is_some()
    {
        n0 += 1;
        if let Some(known) = known_single(words[n0].text, lex) {
            if e - n0 == 1 {
                let mut p = piece(words, n0, e, lex);
                p.known = Some(known);
                out.push(p);
                return;
            }
        }
    }
    // "Developer Valve called …", "Chipmaker Nvidia said": a noun describing a company,
    // capitalised only because it opens the sentence, is no part of the name after it.
    if e - n0 >= 2
        && words[n0].sent_start
        && last_title.is_none()
        && is_org_descriptor(&words[n0].text.to_lowercase())
    {
        let p = piece(words, n0 + 1, e, lex);
        let shape = if p.known.is_none() && p.shape == Shape::Plain {
            Shape::OrgWords
        } else {
            p.shape
        };
        out.push(Piece { shape, ..p });
        return;
    }
    let mut p = piece(words, n0, e, lex);
    if let Some(t) = last_title {
        p.titled = true;
        let role_words = &words[s..=t];
        let only_honorific = role_words.iter().all(|w| is_honorific(w.text));
        if !only_honorific {
            let first = role_words
                .iter()
                .position(|w| !is_honorific(w.text))
                .map_or(s, |x| s + x);
            let span = Span::new(words[first].span.start(), words[t].span.end());
            p.role = Some(span.slice(text).to_string());
        }
    } else if let Some((_, role)) = role_before(words, s, text, lex) {
        p.titled = true;
        p.role = Some(role);
    }
    out.push(p);
}
