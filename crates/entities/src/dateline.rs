//! Wire datelines: "WASHINGTON (AP) —", "SAN FRANCISCO, March 3 (Reuters) -", "PORTO ALEGRE,
//! Brazil (AP) —", "SPRINGFIELD —". The capitalised place that opens a wire story is a PLACE,
//! named in title case ("Porto Alegre").
//!
//! Cleaning keeps wire datelines in `text` (and lists their spans in `Article::datelines`), so
//! the place is read where it stands: it becomes a piece with its mention.

use storyline_lexicon::Lexicon;
use storyline_lexicon::{is_entity_word, EntityClass};
use storyline_record::Span;

use crate::chunks::{Known, Piece, Shape};
use crate::words::Word;

/// Lower-case particles of place names ("Rio Grande do Sul", "Newcastle upon Tyne").
fn is_place_particle(w: &str) -> bool {
    is_entity_word(EntityClass::PlaceParticle, w)
}

/// Whether `w` is written in capitals only ("WASHINGTON", "ST.", "PORTO").
fn is_caps(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// The place name of a capitalised dateline word run, as the gazetteer spells it or else in
/// title case with lower-case particles ("RIO DE JANEIRO" → "Rio de Janeiro").
pub(crate) fn title_case(caps: &str, lex: &Lexicon) -> String {
    if let Some(p) = lex.place_folded(caps) {
        return p.canonical.to_string();
    }
    let mut out = String::with_capacity(caps.len());
    for (k, word) in caps.split(' ').filter(|w| !w.is_empty()).enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let lower = word.to_lowercase();
        if k > 0 && is_place_particle(&lower) {
            out.push_str(&lower);
            continue;
        }
        // Every part of a hyphenated name starts with a capital ("Winston-Salem").
        let mut start = true;
        for c in lower.chars() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
            start = c == '-';
        }
    }
    out
}

/// The character after a dateline's place: a comma, an opening parenthesis or a dash.
fn ends_place(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\u{a0}']);
    rest.starts_with([',', '(', '—', '–', '-'])
}

/// A dateline place at word `i`, the first word of its line: the run of capitalised words
/// followed by a comma, a parenthesis or a dash, on a line that goes on in lower case; or,
/// where cleaning found a dateline there (`known`), followed by anything.
pub(crate) fn dateline_at(
    words: &[Word<'_>],
    i: usize,
    text: &str,
    lex: &Lexicon,
    known: bool,
) -> Option<Piece> {
    let first = words.get(i)?;
    if i > 0 && words[i - 1].line == first.line {
        return None;
    }
    let mut end = i;
    while let Some(w) = words.get(end) {
        let joined = end == i || (!w.gap_before && w.line == first.line);
        let caps = is_caps(w.text) || (end > i && is_place_particle(&w.text.to_lowercase()));
        // Four words at most ("RIO DE JANEIRO"), three where cleaning found no dateline:
        // a longer run of capitals before a dash is a subhead.
        if !joined || !caps || end - i >= if known { 4 } else { 3 } {
            break;
        }
        end += 1;
    }
    // Particles never end the name.
    while end > i && !is_caps(words[end - 1].text) {
        end -= 1;
    }
    let last = words.get(end.checked_sub(1)?)?;
    if end == i || last.possessive || !(known || ends_place(text.get(last.span.end()..)?)) {
        return None;
    }
    // The rest of the line is ordinary copy (not an all-capitals headline).
    let rest_lower = words[end..]
        .iter()
        .take_while(|w| w.line == first.line)
        .filter(|w| w.text.chars().any(char::is_lowercase))
        .count();
    if rest_lower < 3 && !known {
        return None;
    }
    let span = Span::new(first.span.start(), last.span.end());
    let caps = span.slice(text);
    // Agencies and bodies in capitals are not datelines ("NATO — the alliance …").
    if lex.org(caps).is_some() || lex.is_not_name(&title_case(caps, lex)) {
        return None;
    }
    let surface = title_case(caps, lex);
    let known = lex.place_folded(caps).map(Known::Place);
    Some(Piece {
        first: i,
        end,
        span,
        surface,
        known,
        shape: Shape::PlaceWords,
        role: None,
        titled: false,
        dateline: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::of_text;

    fn at_start(text: &str) -> Option<String> {
        let w = of_text(text);
        dateline_at(&w, 0, text, Lexicon::get(), false)
            .map(|p| format!("{}|{}", p.surface, p.span.slice(text)))
    }

    #[test]
    fn reads_datelines_in_the_body() {
        assert_eq!(
            at_start("WASHINGTON (AP) — The Senate passed the bill on Friday.").as_deref(),
            Some("Washington|WASHINGTON")
        );
        assert_eq!(
            at_start("SAN FRANCISCO, March 3 (Reuters) - Shares of the chipmaker rose.").as_deref(),
            Some("San Francisco|SAN FRANCISCO")
        );
        assert_eq!(
            at_start("SPRINGFIELD — The city council met on Tuesday night.").as_deref(),
            Some("Springfield|SPRINGFIELD")
        );
        assert_eq!(
            at_start("EAST GRINSTEAD, England (AP) — Two men were arrested.").as_deref(),
            Some("East Grinstead|EAST GRINSTEAD")
        );
    }

    #[test]
    fn ignores_headlines_and_acronyms() {
        assert_eq!(at_start("BREAKING NEWS — MARKETS FALL"), None);
        assert_eq!(
            at_start("NATO, the alliance, said on Monday it would act."),
            None
        );
        assert_eq!(at_start("The Senate passed the bill."), None);
        // A conjunctive adverb in capitals opens a resolution, not a dateline.
        assert_eq!(
            at_start("WHEREAS, the council met on Tuesday to discuss the budget."),
            None
        );
    }

    #[test]
    fn names_capitalised_places_in_title_case() {
        let lex = Lexicon::get();
        assert_eq!(title_case("KINGSTON UPON HULL", lex), "Kingston upon Hull");
        assert_eq!(title_case("WINSTON-SALEM", lex), "Winston-Salem");
        assert_eq!(title_case("RIO DE JANEIRO", lex), "Rio de Janeiro");
    }
}
