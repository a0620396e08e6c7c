//! Titles with a complement before a person's name: "Secretary of State Antony Blinken",
//! "Chancellor of the Exchequer Rachel Reeves", "Governor of the Bank of England Andrew
//! Bailey", "the Secretary of State, Antony Blinken, said".
//!
//! A run of capitalised words stops at "of" unless an organisation head opened it, so the
//! complement ("State", "the Exchequer") would otherwise be glued to the name and the title
//! lost. Here the whole phrase is read at once: the title and its complement become the
//! role, names the gazetteers know inside the complement ("Bank of England", "NATO") stay
//! mentions of their own, and the rest is the person.

use storyline_lexicon::{is_entity_word, EntityClass, Lexicon};
use storyline_record::Span;

use crate::chunks::{is_particle, piece, Piece};
use crate::known::{known_multi, known_single};
use crate::roles::is_honorific;
use crate::words::Word;

/// Words the person's name may hold at most (after the complement).
const MAX_NAME_WORDS: usize = 4;

/// Reads a title with a complement whose title word is word `t` ("Secretary" of State …).
/// On success (and only then) pushes the known names of the complement and the person (with
/// the role) to `out` and returns the word index after the name.
pub(crate) fn title_of(
    words: &[Word<'_>],
    t: usize,
    text: &str,
    lex: &Lexicon,
    out: &mut Vec<Piece>,
) -> Option<usize> {
    let title = words.get(t)?;
    let line = title.line;
    let tight = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| !w.gap_before && w.line == line && !words[k - 1].possessive)
    };
    if !title.cap || !lex.is_title_word(title.text) || !tight(t + 1) {
        return None;
    }
    if !is_entity_word(EntityClass::TitleConnector, words[t + 1].text) {
        return None;
    }
    let mut c = t + 2;
    if tight(c) && words[c].text == "the" {
        c += 1;
    }
    if !tight(c) || !words[c].cap {
        return None;
    }
    // The capitalised tail: complement and name, lower-case connectors and particles only
    // between capitalised words ("Bank of England", "Ursula von der Leyen").
    let joiner =
        |w: &Word<'_>| is_entity_word(EntityClass::TitleJoiner, w.text) || is_particle(w.text);
    let e = tail_end(words, c, joiner, tight);
    let g = given_name_at(words, c, e, lex)?;
    let (g, name_end) = if g < e {
        // The name takes no connector ("Rachel Reeves and Minister …"), only particles.
        (g, tail_end(words, g, |w| is_particle(w.text), tight).min(e))
    } else {
        // No name in the tail: "the Secretary of State, Antony Blinken, said".
        appositive_name(words, e, text, lex)?
    };
    let name_words = &words[g..name_end];
    // After a given name a place word is a surname ("Max Hill", "Grace Park").
    let given = name_words
        .first()
        .is_some_and(|w| lex.is_given_name(w.text));
    if name_words.is_empty()
        || name_words.len() > MAX_NAME_WORDS
        || !name_words.iter().all(|w| name_word(w, given, lex))
        || !name_words
            .last()
            .is_some_and(|w| w.cap && !lex.is_non_entity_word(w.text))
    {
        return None;
    }
    // Names the gazetteers know inside the complement are mentions of their own.
    let mut k = c;
    while k < g.min(e) {
        if let Some((n, known)) = known_multi(words, k, lex).filter(|(n, _)| k + n <= g) {
            let mut p = piece(words, k, k + n, lex);
            p.known = Some(known);
            out.push(p);
            k += n;
            continue;
        }
        if words[k].cap {
            if let Some(known) = known_single(words[k].text, lex) {
                let mut p = piece(words, k, k + 1, lex);
                p.known = Some(known);
                out.push(p);
            }
        }
        k += 1;
    }
    let mut p = piece(words, g, name_end, lex);
    p.titled = true;
    p.role = Some(role_text(words, t, g.min(e), text, lex));
    out.push(p);
    Some(name_end)
}

/// The end of the capitalised words from `c`: lower-case words that `joins` accepts may
/// stand between them ("Bank of England", "Ursula von der Leyen").
fn tail_end(
    words: &[Word<'_>],
    c: usize,
    joins: impl Fn(&Word<'_>) -> bool,
    tight: impl Fn(usize) -> bool,
) -> usize {
    let mut e = c + 1;
    while tight(e) {
        if words[e].cap {
            e += 1;
            continue;
        }
        // Up to two joining words, then a capitalised word.
        let mut k = e;
        while k < e + 2 && tight(k) && !words[k].cap && joins(&words[k]) {
            k += 1;
        }
        if k > e && tight(k) && words[k].cap {
            e = k + 1;
        } else {
            break;
        }
    }
    e
}

/// Where the person's name starts in the tail `c..e`, `e` when the tail names no one. The
/// complement takes at least its first word ("Governor of Virginia Glenn Youngkin"), then
/// names the gazetteers know; the name opens at a given name, or failing one is the last
/// capitalised words after a one-word or known complement ("Minister of Defence Rustem
/// Umerov"). `None` when the tail is a complement only in part (a headline, a list).
fn given_name_at(words: &[Word<'_>], c: usize, e: usize, lex: &Lexicon) -> Option<usize> {
    let mut k = c;
    while k < e {
        let w = &words[k];
        if k > c
            && w.cap
            && lex.is_given_name(w.text)
            && !lex.is_title_word(w.text)
            && !lex.is_org_word(w.text)
            && !lex.is_place_word(w.text)
        {
            return Some(k);
        }
        match known_multi(words, k, lex).filter(|(n, _)| k + n <= e) {
            Some((n, _)) => k += n,
            None => k += 1,
        }
    }
    // No given name: one complement word or one known name, then the name.
    let m = c + known_multi(words, c, lex).map_or(1, |(n, _)| n);
    if m >= e {
        return Some(e);
    }
    let rest = &words[m..e];
    let plain = rest
        .iter()
        .all(|w| w.cap && known_single(w.text, lex).is_none());
    (plain && rest.len() <= 3).then_some(m)
}

/// A person's name set off by commas right after the complement: ", Antony Blinken," (a
/// given name first, closed by a comma), as (first word, end).
fn appositive_name(
    words: &[Word<'_>],
    e: usize,
    text: &str,
    lex: &Lexicon,
) -> Option<(usize, usize)> {
    let prev = words.get(e.checked_sub(1)?)?;
    let first = words.get(e)?;
    let gap = text.get(prev.span.end()..first.span.start())?;
    if gap != ", " || prev.possessive || !first.cap || !lex.is_given_name(first.text) {
        return None;
    }
    let mut f = e + 1;
    while words
        .get(f)
        .is_some_and(|w| w.cap && !w.gap_before && w.line == first.line && !words[f - 1].possessive)
    {
        f += 1;
    }
    let last = words.get(f - 1)?;
    let closed = text.get(last.span.end()..)?.starts_with(',');
    (f - e >= 2 && closed).then_some((e, f))
}

/// A word that may be part of a person's name: not a title, organisation or place word
/// (a place word may follow a given name).
fn name_word(w: &Word<'_>, given: bool, lex: &Lexicon) -> bool {
    !w.cap
        || !(lex.is_title_word(w.text)
            || lex.is_org_word(w.text)
            || lex.is_org_head(w.text)
            || (!given && lex.is_place_word(w.text))
            || lex.is_not_name(w.text))
}

/// The role: the title with what qualifies it before ("U.S.", "NATO", "Foreign") and its
/// complement up to the name, without a rank or honorific right before the name.
fn role_text(words: &[Word<'_>], t: usize, end: usize, text: &str, lex: &Lexicon) -> String {
    let mut first = t;
    while first > 0 {
        let (w, prev) = (&words[first], &words[first - 1]);
        let qualifies = lex.is_title_word(prev.text)
            || lex.is_demonym(prev.text)
            || known_single(prev.text, lex).is_some();
        if w.gap_before
            || prev.line != w.line
            || prev.possessive
            || !prev.cap
            || !qualifies
            || is_honorific(prev.text)
        {
            break;
        }
        first -= 1;
    }
    let mut last = end - 1;
    while last > t + 2 && (is_honorific(words[last].text) || words[last].text.ends_with('.')) {
        last -= 1;
    }
    Span::new(words[first].span.start(), words[last].span.end())
        .slice(text)
        .to_string()
}

#[cfg(test)]
mod tests {
    use crate::words::of_text;

    /// (name, role) of the titled persons and the other pieces of `text`.
    fn run(text: &str) -> (Vec<(String, String)>, Vec<String>) {
        let w = of_text(text);
        let skip = vec![false; w.last().map_or(1, |w| w.line + 1)];
        let (mut persons, mut others) = (vec![], vec![]);
        for p in crate::chunks::pieces(&w, &skip, text) {
            let s = p.span.slice(text).to_string();
            match p.role {
                Some(r) => persons.push((s, r)),
                None => others.push(s),
            }
        }
        (persons, others)
    }

    fn pair(name: &str, role: &str) -> (String, String) {
        (name.to_string(), role.to_string())
    }

    #[test]
    fn title_of_complement_then_name() {
        let (p, o) = run("The envoy met U.S. Secretary of State Antony Blinken in Cairo.");
        assert_eq!(p, [pair("Antony Blinken", "U.S. Secretary of State")]);
        assert!(o.contains(&"U.S.".to_string()));
        let (p, o) = run("Chancellor of the Exchequer Rachel Reeves set out the budget.");
        assert_eq!(p, [pair("Rachel Reeves", "Chancellor of the Exchequer")]);
        assert!(o.is_empty());
        let (p, _) = run("On Friday Minister for Health Stephen Donnelly opened the ward.");
        assert_eq!(p, [pair("Stephen Donnelly", "Minister for Health")]);
        let (p, _) = run("Chancellor of the Exchequer Ann Lee and Minister for Sport Tom Ray met.");
        assert_eq!(
            p,
            [
                pair("Ann Lee", "Chancellor of the Exchequer"),
                pair("Tom Ray", "Minister for Sport")
            ]
        );
        let (p, _) = run("The lab's Head of Research Priya Natarajan said the trial ended.");
        assert_eq!(p, [pair("Priya Natarajan", "Head of Research")]);
    }

    #[test]
    fn known_names_inside_the_role() {
        let (p, o) = run("Governor of the Bank of England Andrew Bailey held rates.");
        assert_eq!(
            p,
            [pair("Andrew Bailey", "Governor of the Bank of England")]
        );
        assert_eq!(o, ["Bank of England"]);
        let (p, o) = run("Allies heard Secretary-General of NATO Mark Rutte in Vilnius.");
        assert_eq!(p, [pair("Mark Rutte", "Secretary-General of NATO")]);
        assert!(o.contains(&"NATO".to_string()));
        let (p, o) = run("President of the European Commission Ursula von der Leyen spoke.");
        assert_eq!(
            p,
            [pair(
                "Ursula von der Leyen",
                "President of the European Commission"
            )]
        );
        assert_eq!(o, ["European Commission"]);
    }

    #[test]
    fn longer_complements_and_unknown_given_names() {
        let (p, _) = run("Chief of the Defence Staff Tony Radakin flew to Kyiv.");
        assert_eq!(p, [pair("Tony Radakin", "Chief of the Defence Staff")]);
        let (p, _) = run("Director of Public Prosecutions Max Hill dropped the case.");
        assert_eq!(p, [pair("Max Hill", "Director of Public Prosecutions")]);
        let (p, _) = run("Talks with Minister of Defence Rustem Umerov went on.");
        assert_eq!(p, [pair("Rustem Umerov", "Minister of Defence")]);
    }

    #[test]
    fn a_title_after_a_hyphenated_modifier() {
        let (p, _) = run("The fleet was led by Rear-Admiral John Smith on Monday.");
        assert_eq!(p, [pair("John Smith", "Rear-Admiral")]);
        let (p, _) = run("Ex-Senator Anna Berg endorsed him.");
        assert_eq!(p, [pair("Anna Berg", "Ex-Senator")]);
    }

    #[test]
    fn appositive_after_the_title() {
        let (p, _) = run("Later the Secretary of State, Antony Blinken, said talks would go on.");
        assert_eq!(p, [pair("Antony Blinken", "Secretary of State")]);
    }

    #[test]
    fn no_name_no_person() {
        let (p, _) = run("The Secretary of State said the Minister for Sport was away.");
        assert!(p.is_empty());
        let (p, _) = run("A Minister of State, a junior post, was named.");
        assert!(p.is_empty());
    }
}
