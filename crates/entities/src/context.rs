//! Typing from the words around a name, before the generic rules: clubs in sports copy
//! ("Liverpool manager", "held Liverpool to a draw"), companies in business copy ("shares of
//! X", "analysts at X", "rivals X"), journals ("the journal Nature Medicine"), newspapers ("told
//! the Gazette") and acronyms that act ("compiled by LSEG", "the NHS").
//!
//! Each rule only turns a piece into an organisation; it never makes a person or a place.

use storyline_lexicon::{is_entity_word, EntityClass};
use storyline_lexicon::{Lexicon, PlaceKind};

use crate::chunks::{Known, Piece, Shape};
use crate::descriptors::{is_medium_noun, is_org_descriptor, is_post_verb, is_source_cue};
use crate::lines::LineFlags;
use crate::words::Word;

/// What the whole article says about its names.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Context {
    /// Sports copy: several sports words ("striker", "goalless", "league").
    pub sports: bool,
}

impl Context {
    /// Reads the article's words once. A results line counts as a sports word.
    pub(crate) fn of(words: &[Word<'_>], lines: &LineFlags, lex: &Lexicon) -> Context {
        let hits = words
            .iter()
            .filter(|w| !w.cap && lex.is_sport_word(w.text))
            .count();
        let results = lines.results.iter().filter(|&&r| r).count();
        Context {
            sports: hits + results >= 3,
        }
    }
}

/// Nouns after a club's name ("Liverpool manager", "Arsenal's goalkeeper").
fn is_team_noun(w: &str) -> bool {
    is_entity_word(EntityClass::TeamNoun, w)
}

/// Verbs of a result after the club ("Liverpool beat", "Everton drew").
fn is_result_verb(w: &str) -> bool {
    is_entity_word(EntityClass::ResultVerb, w)
}

/// Words before a club that is the object of a result ("beat Arsenal", "against Chelsea").
fn is_result_object(w: &str) -> bool {
    is_entity_word(EntityClass::ResultObject, w)
}

/// Words before a company's name ("shares of", "analysts at", "rivals", "chipmaker").
fn is_company_cue(prev2: &str, prev: &str) -> bool {
    let pair = is_pair(EntityClass::CompanyCuePair, prev2, prev);
    pair || is_entity_word(EntityClass::CompanyCue, prev)
}

/// Whether the words `a b` before a name are a pair of `class` ("shares of").
pub(crate) fn is_pair(class: EntityClass, a: &str, b: &str) -> bool {
    !a.is_empty() && is_entity_word(class, &format!("{a} {b}"))
}

/// Words after a company's name ("Nvidia shares", "Tesla's board").
fn is_company_noun(w: &str) -> bool {
    is_entity_word(EntityClass::CompanyNoun, w)
}

/// Newspaper names used with "the" alone ("told the Gazette").
fn is_outlet_word(w: &str) -> bool {
    is_entity_word(EntityClass::OutletWord, w)
}

fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && w.chars().all(|c| c.is_ascii_uppercase() || c == '&')
        && !w.contains("&&")
}

/// Whether the acronym `acronym` at word `at`, in parentheses, spells the initials of the
/// words right before it, written in lower case after the first ("binge eating disorder
/// (BED)", "Exploration upper stage (EUS)" but not "World Health Organization (WHO)").
fn spells_term(words: &[Word<'_>], at: usize, acronym: &str) -> bool {
    let n = acronym.chars().filter(|c| c.is_alphabetic()).count();
    let Some(start) = at.checked_sub(n) else {
        return false;
    };
    let before = &words[start..at];
    let line = words[at].line;
    let initials = before
        .iter()
        .filter_map(|w| w.text.chars().next())
        .flat_map(char::to_lowercase)
        .eq(acronym
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase));
    initials
        && before.iter().all(|w| w.line == line)
        && before[1..].iter().all(|w| !w.cap)
        && before[1..].iter().all(|w| !w.gap_before)
}

/// Turns pieces into organisations where the words around them say so.
pub(crate) fn refine(
    pieces: &mut [Piece],
    words: &[Word<'_>],
    text: &str,
    ctx: Context,
    lex: &Lexicon,
) {
    let lower = |k: Option<usize>| {
        k.and_then(|k| words.get(k))
            .filter(|w| !w.cap)
            .map_or("", |w| w.text)
    };
    let surnames = full_name_surnames(pieces, words, lex);
    // Acronyms the article defines as terms, wherever they are written again.
    let terms: std::collections::HashSet<String> = pieces
        .iter()
        .filter(|p| p.end == p.first + 1 && words.get(p.first).is_some_and(|w| w.in_parens))
        .filter(|p| is_acronym(&p.surface) && spells_term(words, p.first, &p.surface))
        .map(|p| p.surface.clone())
        .collect();
    for p in pieces.iter_mut() {
        if p.dateline || p.titled || p.end <= p.first {
            continue;
        }
        let Some(first) = words.get(p.first) else {
            continue;
        };
        let last = &words[p.end - 1];
        let one = p.end - p.first == 1;
        // Words right before and after, never across punctuation.
        let prev = if first.gap_before {
            ""
        } else {
            lower(p.first.checked_sub(1))
        };
        let prev2 = if prev.is_empty() || words[p.first - 1].gap_before {
            ""
        } else {
            lower(p.first.checked_sub(2))
        };
        let next = match words.get(p.end) {
            Some(w) if !w.gap_before || last.possessive => lower(Some(p.end)),
            _ => "",
        };
        let place = match p.known {
            Some(Known::Place(pl)) => Some(pl.kind),
            Some(Known::Org(_)) => continue,
            None => None,
        };
        let city_or_unknown = matches!(place, None | Some(PlaceKind::City));
        let ordinary = lex.is_given_name(first.text) || lex.is_demonym(first.text);

        if ctx.sports && one {
            let club = lex.club(&p.surface);
            let after_in = is_entity_word(EntityClass::LocativePreposition, prev);
            let team_noun = is_team_noun(next);
            let result = is_result_verb(next) || is_result_object(prev);
            if let Some(c) = club {
                if !after_in || team_noun {
                    p.known = Some(Known::Org(c));
                    continue;
                }
            }
            let city = place == Some(PlaceKind::City);
            if (team_noun && city_or_unknown && !ordinary) || (result && city) {
                to_org(p);
                continue;
            }
        }
        if place.is_some() && !city_or_unknown {
            continue;
        }
        // "a stake in Kylie Jenner's company": a person's possessive is no company.
        let owner = last.possessive && lex.is_given_name(first.text);
        let company = (is_company_cue(prev2, prev) && !owner)
            || ((last.possessive || one) && is_company_noun(next));
        let journal = is_entity_word(EntityClass::JournalNoun, prev)
            || (place.is_none() && is_pair(EntityClass::JournalCuePair, prev2, prev));
        let newspaper = one && prev == "the" && is_outlet_word(&p.surface);
        // "the GROW stage", "the PLAN": an ordinary word in capitals is emphasis, not an
        // acronym; "binge eating disorder (BED)": an acronym spelling the lower-case words
        // before it names a term, not an organisation.
        let shout = lex.is_common_word(&p.surface);
        let acronym = one
            && is_acronym(&p.surface)
            && place.is_none()
            && !lex.is_not_name(&p.surface)
            && ((is_entity_word(EntityClass::AcronymOrgCue, prev) && !shout)
                || lex.is_cue_verb(next)
                || first.in_parens)
            && !terms.contains(&p.surface);
        if (company && place.is_none()) || journal || newspaper || acronym {
            to_org(p);
            continue;
        }
        // A city after a describing noun is a company named after it ("the carmaker Lincoln").
        let city_named = place == Some(PlaceKind::City) && is_org_descriptor(prev);
        if (place.is_none() || city_named) && !ordinary {
            let after = words.get(p.end).map_or("", |w| w.text);
            if described(p, prev2, prev, next, after, &surnames, lex) {
                to_org(p);
            }
        }
    }
    coordinate(pieces, words, text, lex);
}

/// Surnames of the persons named in full ("Lowe" for "Ann Lowe"): never typed as an
/// organisation by a weak context.
fn full_name_surnames<'t>(pieces: &[Piece], words: &[Word<'t>], lex: &Lexicon) -> Vec<&'t str> {
    pieces
        .iter()
        .filter(|p| {
            p.end - p.first >= 2
                && words
                    .get(p.first)
                    .is_some_and(|w| lex.is_given_name(w.text))
        })
        .filter_map(|p| words.get(p.end - 1).map(|w| w.text))
        .collect()
}

/// An organisation by its description: "the research firm X", "X magazine", "according to
/// X", "posted on X". `after` is the next word whatever the punctuation ("X, formerly").
fn described(
    p: &Piece,
    prev2: &str,
    prev: &str,
    next: &str,
    after: &str,
    surnames: &[&str],
    lex: &Lexicon,
) -> bool {
    let one = p.end - p.first == 1;
    let surname = surnames.contains(&p.surface.as_str()) || lex.leader(&p.surface).is_some();
    let source = one && !surname && is_source_cue(prev2, prev);
    let platform = one
        && prev == "on"
        && (is_entity_word(EntityClass::PostingVerb, prev2)
            || (p.surface == "X" && (is_post_verb(prev2) || after == "formerly")));
    is_org_descriptor(prev) || is_medium_noun(next) || source || platform
}

/// "rivals Alphabet and Snap", "Kestrel or Intel": an unknown one-word name joined by "and" or "or"
/// to an organisation is one too, unless it is the surname of a person named in full.
fn coordinate(pieces: &mut [Piece], words: &[Word<'_>], text: &str, lex: &Lexicon) {
    let surnames: Vec<&str> = pieces
        .iter()
        .filter(|p| {
            p.end - p.first >= 2
                && words
                    .get(p.first)
                    .is_some_and(|w| lex.is_given_name(w.text))
        })
        .filter_map(|p| words.get(p.end - 1).map(|w| w.text))
        .collect();
    let is_org = |p: &Piece| matches!(p.known, Some(Known::Org(_))) || p.shape == Shape::OrgWords;
    let open = |p: &Piece| {
        p.end - p.first == 1
            && p.known.is_none()
            && p.shape == Shape::Plain
            && !p.titled
            && !p.dateline
            && words.get(p.first).is_some_and(|w| {
                !lex.is_given_name(w.text) && !lex.is_demonym(w.text) && !w.sent_start
            })
            && words
                .get(p.end - 1)
                .is_some_and(|w| !surnames.contains(&w.text) && !w.possessive)
    };
    for k in 1..pieces.len() {
        let (a, b) = (&pieces[k - 1], &pieces[k]);
        let joined = a.end + 1 == b.first
            && words.get(a.end).is_some_and(|w| {
                is_entity_word(EntityClass::Coordinator, w.text)
                    && !w.gap_before
                    && !words[b.first].gap_before
            });
        if !joined {
            continue;
        }
        if is_org(a) && open(b) {
            to_org(&mut pieces[k]);
        } else if is_org(b) && open(a) {
            to_org(&mut pieces[k - 1]);
        }
    }
    // "nine companies: Astrobotic, Deep Space Systems, Draper, Firefly Aerospace and
    // Masten Space Systems": in a list of three or more names, at least two of them
    // organisations and more than twice as many as persons by given name or title, a lone
    // unknown word is an organisation too.
    let mut start = 0;
    while start < pieces.len() {
        let mut end = start + 1;
        while end < pieces.len() && listed(&pieces[end - 1], &pieces[end], words, text) {
            end += 1;
        }
        let run = &pieces[start..end];
        let orgs = run.iter().filter(|p| is_org(p)).count();
        let persons = run.iter().filter(|p| {
            p.titled
                || (p.end - p.first >= 2
                    && words
                        .get(p.first)
                        .is_some_and(|w| lex.is_given_name(w.text)))
        });
        if run.len() >= 3 && orgs >= 2 && orgs > 2 * persons.count() {
            for p in &mut pieces[start..end] {
                if open(p) {
                    to_org(p);
                }
            }
        }
        start = end;
    }
}

/// Whether piece `b` follows `a` as the next item of a list: on the same line, with only a
/// comma, "and" or "or" (or a comma and one of them) between.
fn listed(a: &Piece, b: &Piece, words: &[Word<'_>], text: &str) -> bool {
    let (Some(last), Some(next)) = (words.get(a.end.wrapping_sub(1)), words.get(b.first)) else {
        return false;
    };
    if last.line != next.line || last.possessive {
        return false;
    }
    let gap = text
        .get(last.span.end()..next.span.start())
        .unwrap_or("")
        .trim();
    matches!(gap, "," | "and" | "or" | ", and" | ", or")
}

fn to_org(p: &mut Piece) {
    p.known = None;
    p.shape = Shape::OrgWords;
}

#[cfg(test)]
mod tests {
    use crate::testutil::{has, kinds};
    use storyline_record::EntityType;

    #[test]
    fn clubs_in_sports_copy() {
        let got = kinds(
            "Everton held Leeds to a goalless draw on Saturday, and the striker said the \
             league was open. Leeds manager Sam Allardyce praised his goalkeeper. Chelsea \
             sit a point behind Arsenal after the match in Leeds.",
        );
        assert!(has(&got, "Leeds", EntityType::Org));
        assert!(has(&got, "Everton", EntityType::Org));
        assert!(has(&got, "Arsenal", EntityType::Org));
        assert!(has(&got, "Chelsea", EntityType::Org));
        assert!(has(&got, "Sam Allardyce", EntityType::Person));
    }

    #[test]
    fn cities_outside_sport_stay_places() {
        let got = kinds("Liverpool council said the Arsenal site in Liverpool would close.");
        assert!(has(&got, "Liverpool", EntityType::Place));
        assert!(!got
            .iter()
            .any(|(n, k)| n == "Arsenal" && *k == EntityType::Org));
    }

    #[test]
    fn companies_from_business_cues() {
        let got = kinds(
            "Shares of Wexford Dynamics rose after analysts at Morgan Stanley and Barrow \
             Keane raised targets, beating estimates compiled by LSEG. The chipmaker's rivals \
             Kestrel and Intel fell. Ann Lowe and Nvidia agreed; Lowe and Nvidia met.",
        );
        assert!(has(&got, "Wexford Dynamics", EntityType::Org));
        assert!(has(&got, "Morgan Stanley", EntityType::Org));
        assert!(has(&got, "London Stock Exchange Group", EntityType::Org));
        assert!(has(&got, "Kestrel", EntityType::Org));
        assert!(has(&got, "Ann Lowe", EntityType::Person));
        assert!(!has(&got, "Lowe", EntityType::Org));
    }

    #[test]
    fn journals_newspapers_and_acronyms() {
        let got = kinds(
            "The study, published in the journal Cell Reports, was led by Dr Ann Ode. She \
             told the Courier that data from the NHS and the FRC agreed, figures compiled by \
             IMD showed.",
        );
        assert!(has(&got, "Cell Reports", EntityType::Org));
        assert!(has(&got, "Courier", EntityType::Org));
        assert!(has(&got, "NHS", EntityType::Org));
        assert!(has(&got, "FRC", EntityType::Org));
        assert!(has(&got, "IMD", EntityType::Org));
        assert!(has(&got, "Ann Ode", EntityType::Person));
    }

    #[test]
    fn a_list_of_organisations_types_its_unknown_words() {
        let got = kinds(
            "NASA picked nine companies: Astrobotic, Deep Space Systems, Draper, Firefly \
             Aerospace and Masten Space Systems.",
        );
        assert!(has(&got, "Astrobotic", EntityType::Org));
        assert!(has(&got, "Draper", EntityType::Org));
        let people = kinds(
            "Winners were Ann Lowe, Kestrel Systems, Draper, Wexford Dynamics. Draper said so.",
        );
        assert!(!has(&people, "Draper", EntityType::Org));
    }

    #[test]
    fn words_in_capitals_and_defined_terms_are_no_organisations() {
        let got = kinds(
            "In the GROW stage, sales rise. Binge eating disorder (BED) is common, the \
             World Health Organisation (WHO) said, and the Rural Payments Agency (RPA) agreed. \
             A study of people with BED showed a link.",
        );
        assert!(!got.iter().any(|(n, _)| n == "GROW" || n == "BED"));
        assert!(has(&got, "Rural Payments Agency", EntityType::Org));
    }
}
