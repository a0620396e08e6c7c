//! Runs of capitalised words: where a name that may hold lower-case connectors ends
//! ("University of Oxford", "Immigration and Customs Enforcement", "Bureau of Alcohol,
//! Tobacco and Firearms"), and where "and" starts a second name instead.

use storyline_lexicon::Lexicon;
use storyline_lexicon::{is_entity_word, EntityClass};

use crate::chunks::{is_particle, known_single};
use crate::words::Word;

/// Lower-case words that may join words of an organisation or place name after a head word.
pub(crate) fn is_org_connector(w: &str) -> bool {
    is_entity_word(EntityClass::OrgConnector, w)
}

/// The end (exclusive) of the run of capitalised words starting at `i`.
pub(crate) fn run_end(words: &[Word<'_>], i: usize, text: &str, lex: &Lexicon) -> usize {
    let line = words[i].line;
    let mut j = i + 1;
    // A possessive ends a name ("Russia's"), except inside an organisation's name
    // ("King's College London", "McDonald's Corp").
    let joinable = |k: usize| {
        words.get(k).is_some_and(|w| {
            let own = !words[k - 1].possessive
                || (w.cap && !w.sent_start && (lex.is_org_word(w.text) || lex.is_org_head(w.text)));
            // "Douglas & Lomason", "Procter & Gamble": an ampersand joins a firm's name.
            let amp = !w.amp.is_empty() && w.cap && words[k - 1].cap;
            w.line == line && own && (!w.gap_before || words[k - 1].possessive || amp)
        })
    };
    while joinable(j) || listed(words, i, j, text, lex) {
        let w = &words[j];
        if w.cap {
            j += 1;
            continue;
        }
        let next_cap = joinable(j + 1) && words[j + 1].cap;
        let org_run = words[i..j].iter().any(|x| lex.is_org_head(x.text));
        // "Immigration and Customs Enforcement", "Fish and Wildlife Service": one agency.
        if next_cap && w.text == "and" && agency_and(words, i, j, lex) {
            j += 2;
            continue;
        }
        if next_cap && w.text == "and" && starts_own_name(words, j + 1, lex) {
            break;
        }
        // "Karolinska Institute in Stockholm", "Goddard Space Flight Center in Greenbelt":
        // "in" after a complete name, or "in" and "on" before a known place, end the name
        // ("Committee on Intelligence" goes on).
        let located = is_entity_word(EntityClass::NameEndPreposition, w.text)
            && ((w.text == "in" && lex.is_org_word(words[j - 1].text))
                || words
                    .get(j + 1)
                    .is_some_and(|n| lex.place(n.text).is_some()));
        if next_cap && (is_particle(w.text) || (org_run && is_org_connector(w.text) && !located)) {
            j += 2;
            continue;
        }
        // Two particles in a row ("Joost van der Westhuizen", "Ludwig van der Rohe").
        let two_particles = is_particle(w.text)
            && joinable(j + 1)
            && is_particle(words[j + 1].text)
            && joinable(j + 2)
            && words[j + 2].cap;
        if two_particles {
            j += 3;
            continue;
        }
        break;
    }
    j
}

/// Whether "and" at `j` joins the capitalised words `i..j` to the rest of one agency's name:
/// the words after it run on to an agency head ("Customs Enforcement", "Drug
/// Administration"), and the words before it name nothing on their own (no known place or
/// organisation, no given name: "Russia and Border Force" stay apart; nor a name of two or
/// more words complete in itself: "Firefly Aerospace and Masten Space Systems" are two
/// companies).
fn agency_and(words: &[Word<'_>], i: usize, j: usize, lex: &Lexicon) -> bool {
    if j - i > 3 || !words[i..j].iter().all(|w| w.cap) {
        return false;
    }
    // A country in front is part of the official name ("U.S. Fish and Wildlife Service").
    // Sentence openers in front ("The") are split off later.
    let mut from = i;
    while from + 1 < j && lex.is_not_name(words[from].text) {
        from += 1;
    }
    if j - from >= 2 && lex.place(words[from].text).is_some() {
        from += 1;
    }
    if j - from >= 2 && lex.is_org_word(words[j - 1].text) {
        return false;
    }
    let alone = words[from..j].iter().all(|w| {
        known_single(w.text, lex).is_none()
            && !lex.is_given_name(w.text)
            && !lex.is_demonym(w.text)
            && !lex.is_not_name(w.text)
    });
    let k = j + 1;
    let mut e = k;
    while e < words.len() && words[e].cap && !words[e].gap_before && words[e].line == words[k].line
    {
        e += 1;
    }
    let tail = e - k;
    alone
        && (2..=3).contains(&tail)
        && words[k..e - 1]
            .iter()
            .all(|w| known_single(w.text, lex).is_none())
        && words
            .get(e - 1)
            .is_some_and(|w| lex.is_org_word(w.text) && !w.possessive)
}

/// Whether word `j` continues a comma list inside an organisation's name: "Bureau of
/// Alcohol, Tobacco and Firearms" (a head word opens the run, then ", Word and Word").
fn listed(words: &[Word<'_>], i: usize, j: usize, text: &str, lex: &Lexicon) -> bool {
    let (Some(prev), Some(w)) = (words.get(j.wrapping_sub(1)), words.get(j)) else {
        return false;
    };
    let comma = text
        .get(prev.span.end()..w.span.start())
        .is_some_and(|g| g == ", ");
    let head_of = words[i..j].windows(2).any(|p| {
        lex.is_org_head(p[0].text) && is_entity_word(EntityClass::TitleConnector, p[1].text)
    });
    comma
        && head_of
        && !prev.possessive
        && w.cap
        && w.line == prev.line
        && words
            .get(j + 1)
            .is_some_and(|a| a.text == "and" && !a.gap_before)
        && words.get(j + 2).is_some_and(|z| z.cap && !z.gap_before)
}

/// Whether the capitalised words from `k` form a name of their own: after "and" they start
/// a second name ("University of Oxford and Acme Corp"), not the rest of the first. Two words
/// ending in an organisation word that heads no name and is no legal form are the rest of an
/// agency's name ("Department of Health and Human Services").
fn starts_own_name(words: &[Word<'_>], k: usize, lex: &Lexicon) -> bool {
    let mut e = k;
    while e < words.len() && words[e].cap && (e == k || !words[e].gap_before) {
        e += 1;
    }
    let (Some(first), Some(last)) = (words.get(k), e.checked_sub(1).and_then(|l| words.get(l)))
    else {
        return false;
    };
    let named_end = lex.is_org_word(last.text)
        && (e - k != 2
            || lex.is_org_head(last.text)
            || is_entity_word(EntityClass::CorporateSuffix, last.text));
    named_end
        || lex.is_org_head(first.text)
        || lex.is_given_name(first.text)
        || known_single(first.text, lex).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::of_text;

    fn run_at(text: &str, first: &str) -> String {
        let w = of_text(text);
        let i = w.iter().rposition(|w| w.text == first).unwrap_or(0);
        let j = run_end(&w, i, text, Lexicon::get());
        w[i..j].iter().map(|w| w.text).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn agencies_joined_by_and() {
        let t = "Agents of Immigration and Customs Enforcement and the Fish and Wildlife \
                 Service met officials of Customs and Border Protection.";
        assert_eq!(
            run_at(t, "Immigration"),
            "Immigration and Customs Enforcement"
        );
        assert_eq!(run_at(t, "Fish"), "Fish and Wildlife Service");
        let hhs = "The Department of Health and Human Services and Acme Corp agreed.";
        assert_eq!(
            run_at(hhs, "Department"),
            "Department of Health and Human Services"
        );
        let corp = "The University of Oxford and Kestrel Corp met.";
        assert_eq!(run_at(corp, "University"), "University of Oxford");
        let banks = "The Bank of England and Barclays Bank met.";
        assert_eq!(run_at(banks, "The"), "The Bank of England");
        let sec = "The Securities and Exchange Commission said so.";
        assert_eq!(run_at(sec, "The"), "The Securities and Exchange Commission");
        assert_eq!(run_at(t, "Customs"), "Customs and Border Protection");
    }

    #[test]
    fn names_joined_by_and_stay_apart() {
        let t = "Talks between Russia and Border Force, and Jane and Customs Enforcement. \
                 Firefly Aerospace and Masten Space Systems bid.";
        assert_eq!(run_at(t, "Russia"), "Russia");
        assert_eq!(run_at(t, "Jane"), "Jane");
        assert_eq!(run_at(t, "Firefly"), "Firefly Aerospace");
    }

    #[test]
    fn ordinals_and_places_open_agency_names() {
        let t = "The 9th Circuit Court of Appeals sided with the Los Angeles Police \
                 Department, and the 3rd Street shop in Los Angeles stayed shut.";
        let w = of_text(t);
        let skip = vec![false; 1];
        let got: Vec<String> = crate::chunks::pieces(&w, &skip, t)
            .into_iter()
            .map(|p| p.surface)
            .collect();
        assert!(got.contains(&"9th Circuit Court of Appeals".to_string()));
        assert!(got.contains(&"Los Angeles Police Department".to_string()));
        assert!(got.contains(&"Los Angeles".to_string()));
    }

    #[test]
    fn comma_lists_inside_an_agency() {
        let t = "The Bureau of Alcohol, Tobacco and Firearms said. Leeds, Hull and York agreed.";
        assert_eq!(
            run_at(t, "Bureau"),
            "Bureau of Alcohol Tobacco and Firearms"
        );
        assert_eq!(run_at(t, "Leeds"), "Leeds");
    }
}
