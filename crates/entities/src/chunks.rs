//! Candidate names: known multi-word names, runs of capitalised words, and the split of a
//! run into its title or role ("UK Foreign Secretary") and the name itself ("Liz Truss").

use storyline_lexicon::{is_entity_word, EntityClass};
use storyline_lexicon::{Lexicon, PlaceKind};
use storyline_record::Span;

use crate::dateline::dateline_at;
use crate::descriptors::is_org_descriptor;
pub(crate) use crate::known::{known_multi, known_single, Known};
use crate::roles::{is_honorific, is_title_modifier, role_before};
use crate::runs::{is_org_connector, run_end};
use crate::titled::title_of;
use crate::words::Word;

/// What the chunker already knows about a piece's type from its own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Nothing in its words decides.
    Plain,
    /// Ends in an organisation word or starts with an organisation head ("Foreign Ministry").
    OrgWords,
    /// Ends in a place word ("Dnipro River", "Kherson Oblast").
    PlaceWords,
    /// Ends in a word naming an event, law or work ("Cold War"): never an entity.
    Other,
}

/// One candidate name: a span of words, what its words and its run say about it.
#[derive(Debug, Clone)]
pub(crate) struct Piece {
    /// First word index.
    pub first: usize,
    /// One past the last word index.
    pub end: usize,
    /// Byte span of the name.
    pub span: Span,
    /// The name's words joined by single spaces.
    pub surface: String,
    /// Gazetteer hit, if any.
    pub known: Option<Known>,
    /// Type evidence from the words themselves.
    pub shape: Shape,
    /// Title or role written before the name.
    pub role: Option<String>,
    /// A title, honorific or role noun stands right before it: it names a person.
    pub titled: bool,
    /// The place of a wire dateline ("WASHINGTON (AP) —"): a place whatever its words.
    pub dateline: bool,
}

/// "We've", "Don't", "I'm": a contraction is never a name nor part of one.
pub(crate) fn is_contraction(w: &str) -> bool {
    let w = w.replace('’', "'");
    ["'ve", "'re", "'ll", "n't", "'m", "'d"]
        .iter()
        .any(|s| w.ends_with(s))
}

/// Lower-case words that may join capitalised words inside one name.
pub(crate) fn is_particle(w: &str) -> bool {
    is_entity_word(EntityClass::NameParticle, w)
}

/// "London-based", "NBA-leading", "Australian-born", "Day-by-day": a capitalised word whose
/// last hyphenated part is lower case is a modifier in front of a name, not part of it. A
/// Korean given name is written the same way and is a name ("Kim Jong-un", "Ban Ki-moon").
fn is_hyphen_modifier(w: &str, lex: &Lexicon) -> bool {
    w.rsplit_once('-').is_some_and(|(_, tail)| {
        tail.starts_with(char::is_lowercase) && tail.len() > 1 && !is_korean_given_name(w, lex)
    })
}

/// "Jong-un", "Ki-moon", "Suk-yeol", "Myung-bak": two short syllables joined by a hyphen, the
/// first capitalised and no English word ("Real-time", "Self-made", "Post-war"), the second
/// lower case and no participle or bound word ("US-led", "EU-wide", "Iraq-era").
pub(crate) fn is_korean_given_name(w: &str, lex: &Lexicon) -> bool {
    const BOUND: [&str; 12] = [
        "led", "run", "made", "born", "wide", "bred", "fed", "held", "era", "area", "like", "only",
    ];
    let Some((head, tail)) = w.split_once('-') else {
        return false;
    };
    let mut chars = head.chars();
    let capitalised =
        chars.next().is_some_and(char::is_uppercase) && chars.all(|c| c.is_ascii_lowercase());
    capitalised
        && (2..=5).contains(&head.len())
        && (2..=4).contains(&tail.len())
        && tail.chars().all(|c| c.is_ascii_lowercase())
        && !BOUND.contains(&tail)
        && !lex.is_common_word(head)
}

/// Builds a piece over words `first..end`.
pub(crate) fn piece(words: &[Word<'_>], first: usize, end: usize, lex: &Lexicon) -> Piece {
    let span = Span::new(words[first].span.start(), words[end - 1].span.end());
    let mut surface = String::new();
    for (k, w) in words[first..end].iter().enumerate() {
        if k > 0 {
            // An inner possessive stays written: "King's College London".
            let prev = &words[first + k - 1];
            if prev.possessive {
                surface.push_str(if prev.apos.is_empty() {
                    "'s"
                } else {
                    prev.apos
                });
            }
            if w.amp.is_empty() {
                surface.push(' ');
            } else if w.amp.contains(char::is_whitespace) {
                surface.push_str(" & ");
            } else {
                surface.push('&');
            }
        }
        surface.push_str(w.text);
    }
    let last = words[end - 1].text;
    // "Moody's", "McDonald's": a name that ends in a possessive is looked up as written.
    let known = known_single(&surface, lex).or_else(|| {
        let apos = words[end - 1].possessive && !lex.is_given_name(words[first].text);
        apos.then(|| lex.org(&format!("{surface}'s")))
            .flatten()
            .map(Known::Org)
    });
    let head = words[first].text;
    // An organisation head joined to more words by a connector ("School of Economics").
    let headed = words[first..end].windows(2).any(|pair| {
        lex.is_org_head(pair[0].text) && !pair[1].cap && is_org_connector(pair[1].text)
    });
    // An organisation word followed by its city: "Imperial College London".
    let located =
        end - first >= 3 && lex.is_org_word(words[end - 2].text) && lex.place(last).is_some();
    // Names joined by an ampersand are a firm's ("Marks & Spencer", "Ernst & Young").
    let firm = words[first + 1..end].iter().any(|w| !w.amp.is_empty());
    // "Universidad de Chile", "Vrije Universiteit Amsterdam", "Banco Santander".
    let foreign = words[first..end]
        .iter()
        .any(|w| is_entity_word(EntityClass::ForeignOrgWord, w.text));
    let org =
        lex.is_org_word(last) || lex.is_org_head(head) || headed || located || firm || foreign;
    let shape = if end - first >= 2 && org {
        Shape::OrgWords
    } else if end - first >= 2 && lex.is_place_word(last) && !surname_like(words, first, end, lex) {
        Shape::PlaceWords
    } else if (lex.is_non_entity_word(last) || is_entity_word(EntityClass::EventHead, head))
        && known.is_none()
    {
        Shape::Other
    } else {
        Shape::Plain
    };
    Piece {
        first,
        end,
        span,
        surface,
        known,
        shape,
        role: None,
        titled: false,
        dateline: false,
    }
}

/// A given name and a place word that is also a surname ("Lois Lane", "Grace Park"): a
/// person's name, not a street.
fn surname_like(words: &[Word<'_>], first: usize, end: usize, lex: &Lexicon) -> bool {
    end - first == 2
        && lex.is_given_name(words[first].text)
        && is_entity_word(EntityClass::PlaceHead, words[end - 1].text)
}

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
fn split_run(
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

/// An organisation whose name opens with an ordinal number: "9th Circuit", "82nd Airborne
/// Division" (the capitalised words after it end in an organisation word).
fn ordinal_org(words: &[Word<'_>], i: usize, text: &str, lex: &Lexicon) -> Option<Piece> {
    let w = words.get(i)?;
    let digits = w.text.trim_end_matches(char::is_alphabetic);
    let suffix = &w.text[digits.len()..];
    let ordinal = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && matches!(suffix, "st" | "nd" | "rd" | "th");
    let next = words.get(i + 1)?;
    if !ordinal || !next.cap || next.gap_before || next.line != w.line || w.possessive {
        return None;
    }
    let j = run_end(words, i + 1, text, lex);
    let p = piece(words, i, j, lex);
    (p.shape == Shape::OrgWords).then_some(p)
}

/// Finds every candidate piece of a text without datelines, in text order.
#[cfg(test)]
pub(crate) fn pieces(words: &[Word<'_>], skip_line: &[bool], text: &str) -> Vec<Piece> {
    pieces_with_datelines(words, skip_line, text, &[])
}

/// [`pieces`] of a text whose cleaning found `datelines` (ascending spans of `text`): the
/// capitalised place opening each is a dateline place whatever follows it ("LONDON
/// 1996-08-31"), even on a line read as a headline.
pub(crate) fn pieces_with_datelines(
    words: &[Word<'_>],
    skip_line: &[bool],
    text: &str,
    datelines: &[Span],
) -> Vec<Piece> {
    let lex = Lexicon::get();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let opens_dateline = datelines
            .binary_search_by_key(&w.span.start(), |d| d.start())
            .is_ok();
        if opens_dateline {
            if let Some(p) = dateline_at(words, i, text, lex, true) {
                i = p.end;
                out.push(p);
                continue;
            }
        }
        if skip_line.get(w.line).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        if !w.cap {
            // "the 9th Circuit Court of Appeals", "the 82nd Airborne Division".
            if let Some(p) = ordinal_org(words, i, text, lex) {
                i = p.end;
                out.push(p);
                continue;
            }
            // A few names are written in lower case ("dpa").
            if let Some(Known::Org(c)) = known_single(w.text, lex) {
                if w.text.len() > 2 {
                    let mut p = piece(words, i, i + 1, lex);
                    p.known = Some(Known::Org(c));
                    out.push(p);
                }
            }
            i += 1;
            continue;
        }
        if i == 0 || words[i - 1].line != w.line {
            if let Some(p) = dateline_at(words, i, text, lex, false) {
                i = p.end;
                out.push(p);
                continue;
            }
        }
        if let Some((n, known)) = known_multi(words, i, lex) {
            // "Los Angeles Police Department": a place that opens an organisation's name.
            let j = run_end(words, i, text, lex);
            if matches!(known, Known::Place(_)) && j > i + n {
                let whole = piece(words, i, j, lex);
                if whole.shape == Shape::OrgWords && lex.is_org_word(words[j - 1].text) {
                    i = j;
                    out.push(whole);
                    continue;
                }
            }
            let mut p = piece(words, i, i + n, lex);
            p.known = Some(known);
            out.push(p);
            i += n;
            continue;
        }
        let j = run_end(words, i, text, lex);
        // "U.S. Secretary of State Antony Blinken": a title word with a complement ends
        // the run; what stands before it is read as usual ("U.S.").
        let mut named = Vec::new();
        let titled = (i..j)
            .take_while(|&t| words[t].cap)
            .find_map(|t| Some((t, title_of(words, t, text, lex, &mut named)?)));
        if let Some((t, end)) = titled {
            split_run(words, i, t + 1, text, lex, &mut out);
            out.append(&mut named);
            i = end;
            continue;
        }
        split_run(words, i, j, text, lex, &mut out);
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::of_text;

    fn run(text: &str) -> Vec<(String, Option<String>)> {
        let w = of_text(text);
        let skip = vec![false; w.last().map_or(1, |w| w.line + 1)];
        pieces(&w, &skip, text)
            .into_iter()
            .map(|p| (p.span.slice(text).to_string(), p.role))
            .collect()
    }

    #[test]
    fn splits_titles_from_names() {
        let got = run("Later, NATO Secretary-General Jens Stoltenberg spoke.");
        assert_eq!(got[0].0, "NATO");
        assert_eq!(
            got[1],
            (
                "Jens Stoltenberg".into(),
                Some("NATO Secretary-General".into())
            )
        );
        let got = run("It was Russian Foreign Minister Sergey Lavrov who spoke.");
        assert_eq!(got[0].0, "Sergey Lavrov");
        assert_eq!(got[0].1.as_deref(), Some("Russian Foreign Minister"));
    }

    #[test]
    fn role_nouns_before_names() {
        let got = run("United signed striker Rasmus Hojlund from Atalanta.");
        assert!(got.contains(&("Rasmus Hojlund".into(), Some("striker".into()))));
        let got = run("Shares of Nvidia rose after chief executive Jensen Huang spoke.");
        assert!(got.contains(&("Jensen Huang".into(), Some("chief executive".into()))));
    }

    #[test]
    fn a_demonym_that_is_a_given_name_opens_a_name() {
        let got = run("It ended when Christian Cullen scored for the Christian Democrats.");
        assert!(got.iter().any(|(n, _)| n == "Christian Cullen"), "{got:?}");
    }

    #[test]
    fn an_ordinal_opens_a_companys_name_inside_a_sentence() {
        let got = run("Buyers include First Bank System Inc. and First Albany Corp. today.");
        assert!(
            got.iter().any(|(n, _)| n == "First Bank System Inc."),
            "{got:?}"
        );
        assert!(
            got.iter().any(|(n, _)| n == "First Albany Corp."),
            "{got:?}"
        );
        let got = run("First Bank fell. First, Acme Corp. said so.");
        assert!(!got.iter().any(|(n, _)| n.starts_with("First")), "{got:?}");
        // An ordinal before no name at all, or before lower-case words only.
        for text in [
            "Shares of First",
            "It came First of",
            "at the First of the",
            "First",
        ] {
            run(text);
        }
    }

    #[test]
    fn a_contraction_before_a_name_is_no_part_of_it() {
        let got = run("Gaming is me and Isabel, I'm Mario J. Lucero. We've met Don't Panic.");
        assert!(got.iter().any(|(n, _)| n == "Mario J. Lucero"), "{got:?}");
        assert!(!got.iter().any(|(n, _)| n.contains('\'')), "{got:?}");
    }

    #[test]
    fn two_particles_inside_a_name() {
        let got = run("It ended when Joost van der Westhuizen scored twice.");
        assert!(
            got.iter().any(|(n, _)| n == "Joost van der Westhuizen"),
            "{got:?}"
        );
    }

    #[test]
    fn an_adjective_and_a_demonym_opening_the_sentence_describe_the_person() {
        let got = run("It ended. Controversial Australian Anthony Hill called him a cheat.");
        assert!(got.iter().any(|(n, _)| n == "Anthony Hill"), "{got:?}");
        let got = run("It ended. Veteran coach Anna Berg left.");
        assert!(got.iter().any(|(n, _)| n == "Anna Berg"), "{got:?}");
    }

    #[test]
    fn a_describing_noun_opening_the_sentence_is_no_part_of_the_name() {
        let got = run("It is out. Developer Valve called it a flagship game.");
        assert!(got.iter().any(|(n, _)| n == "Valve"), "{got:?}");
        assert!(!got.iter().any(|(n, _)| n.contains("Developer")));
    }

    #[test]
    fn org_runs_take_connectors() {
        let got = run("Researchers at the University of Oxford and Acme Corp agreed.");
        let names: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert!(names.contains(&"University of Oxford"));
        assert!(names.contains(&"Acme Corp"));
        let got = run("Peace between Russia and Ukraine");
        let names: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(names, ["Peace", "Russia", "Ukraine"]);
    }

    #[test]
    fn known_multiword_names_and_possessives() {
        let got = run("He told Sky News that Britain's Prime Minister Boris Johnson agreed.");
        let names: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(names, ["Sky News", "Britain", "Boris Johnson"]);
    }
}
