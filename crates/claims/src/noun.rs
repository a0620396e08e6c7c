//! The counted noun phrase: what a number counts ("Russian troops", "people on board"), read
//! after the number, or for money, percentages and collectives, before it ("revenue rose
//! 3.5%", "a crowd of 52,000").

use crate::demonyms::country_of;
use crate::lex::{is_capitalised, text_of, Kind, Tok};
use crate::measured::{
    before, casualty_after, casualty_before, comparative, noun_of, of_phrase, purpose,
};
use crate::nouns::{
    currency_word, is_concrete, is_irregular_plural, is_measure, is_non_count, looks_plural,
};
use crate::number::{is_word, word_at, NumPhrase};
use crate::words::{is_function, is_time_unit};
use storyline_lexicon::{is_claim_word, ClaimClass};

/// A counted noun phrase.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Noun {
    /// First token of the phrase.
    pub start: usize,
    /// Last token of the phrase, inclusive.
    pub end: usize,
    /// The head word, lowercase ("troops").
    pub head: String,
    /// Country named by a demonym inside the phrase ("Russian troops" → Russia).
    pub country: Option<&'static str>,
    /// A measure unit read as the phrase's head ("tonnes").
    pub measure: Option<String>,
    /// Whether the phrase follows the number (else it was read before it).
    pub after: bool,
}

/// Leading modifiers dropped from the reported noun: they qualify the count, not the thing.
fn is_count_adjective(w: &str) -> bool {
    is_claim_word(ClaimClass::CountAdjective, w)
}

/// Whether a unit is an ISO currency code ("USD"), not "%", "°C" or a measure ("mph").
pub(crate) fn is_currency_code(u: &str) -> bool {
    u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase())
}

/// Verbs in "-s" that follow a singular noun and look like plurals ("the workforce works").
fn is_s_verb(w: &str) -> bool {
    is_claim_word(ClaimClass::SVerb, w)
}

/// The noun phrase a number counts, or `None` when it counts nothing nameable.
/// `ceil` is one past the last token of the sentence, `lead` the first token of the hedge.
pub(crate) fn counted_noun(
    text: &str,
    toks: &[Tok],
    p: &NumPhrase,
    lead: usize,
    floor: usize,
    ceil: usize,
) -> Option<Noun> {
    let mut j = p.last + 1;
    if p.wants_of {
        if !is_word(text, toks, j, "of") {
            return None;
        }
        j += 1;
    }
    let money = p.unit.as_deref().is_some_and(is_currency_code);
    let percent = p
        .unit
        .as_deref()
        .is_some_and(|u| u == "%" || u.starts_with("percentage"));
    let measured = money || percent;
    let Some(w) = word_at(text, toks, j).filter(|_| j < ceil) else {
        return before(text, toks, lead, floor, measured)
            .or_else(|| casualty_before(text, toks, lead, floor).filter(|_| !measured));
    };
    if is_non_count(&w) || is_time_unit(&w) {
        // "three times", "five years": not a count of things, whatever precedes.
        return None;
    }
    if currency_word(&w).is_some() && p.unit.as_deref() == currency_word(&w) {
        return Some(single(j, &w));
    }
    if is_measure(&w) {
        return measure(text, toks, j, &w, ceil, p.value);
    }
    if money {
        // "The transfer fee of £100m made him…": the noun before "of" names the amount.
        if let Some(n) = noun_of(text, toks, lead, floor) {
            return Some(n);
        }
    }
    if money && is_claim_word(ClaimClass::ValueNoun, &w) && is_word(text, toks, j + 1, "of") {
        // "$125 billion worth of Chinese goods": the goods, not their worth.
        if let Some(n) = of_phrase(text, toks, j + 1, ceil, p.value) {
            return Some(n);
        }
    }
    if measured && is_claim_word(ClaimClass::PartitivePreposition, &w) {
        // "$2m in damages", "40% of voters", "18% of the population".
        if let Some(n) = of_phrase(text, toks, j, ceil, p.value) {
            return Some(n);
        }
    }
    if percent {
        if let Some(n) = comparative(text, toks, j, ceil) {
            return Some(n);
        }
    }
    if !measured {
        if let Some(n) = casualty_after(text, toks, p.last, ceil) {
            return Some(n);
        }
    }
    phrase(text, toks, j, ceil, p.value, measured)
        .or_else(|| before(text, toks, lead, floor, measured))
        .or_else(|| {
            (money && is_claim_word(ClaimClass::PurposePreposition, &w))
                .then(|| purpose(text, toks, j, ceil))
                .flatten()
        })
        .or_else(|| casualty_before(text, toks, lead, floor).filter(|_| !measured))
}

/// "300 tonnes of grain", "45.6 degrees Celsius", "2,000 square kilometres": a measure, with
/// what it measures when an "of" phrase names it.
fn measure(text: &str, toks: &[Tok], j: usize, w: &str, ceil: usize, value: f64) -> Option<Noun> {
    let mut k = j;
    if is_claim_word(ClaimClass::AreaModifier, w) {
        k += 1;
    }
    if is_word(text, toks, k + 1, "of") {
        if let Some(mut n) = phrase(text, toks, k + 2, ceil, value, true) {
            n.measure = Some(w.to_string());
            return Some(n);
        }
    }
    let mut n = single(k, &word_at(text, toks, k)?);
    n.start = j;
    n.measure = Some(w.to_string());
    if w == "degrees" {
        // The temperature scale names the unit: "45.6 degrees Celsius" → °C.
        let scale = word_at(text, toks, k + 1).and_then(|s| {
            if is_claim_word(ClaimClass::Celsius, &s) {
                Some("°C")
            } else if is_claim_word(ClaimClass::Fahrenheit, &s) {
                Some("°F")
            } else {
                None
            }
        });
        if let Some(unit) = scale {
            n.end = k + 1;
            n.measure = Some(unit.to_string());
        }
    }
    Some(n)
}

/// A one-word phrase.
pub(crate) fn single(i: usize, w: &str) -> Noun {
    Noun {
        start: i,
        end: i,
        head: w.to_string(),
        country: None,
        measure: None,
        after: true,
    }
}

/// Reads modifiers and a head from token `j`. Counts need a plural head ("troops", "men");
/// `singular_ok` (money, percent) also takes a singular one ("fee", "stake").
pub(crate) fn phrase(
    text: &str,
    toks: &[Tok],
    j: usize,
    ceil: usize,
    value: f64,
    singular_ok: bool,
) -> Option<Noun> {
    let mut country = None;
    let mut k = j;
    let mut last_word: Option<(usize, String)> = None;
    while k < ceil && k < j + 5 {
        let t = toks.get(k)?;
        let raw = text_of(text, t);
        match t.kind {
            Kind::Ident if is_capitalised(raw) => {
                k += 1;
                continue;
            }
            Kind::Word => {}
            _ => break,
        }
        let w = raw.to_lowercase();
        if is_function(&w) || is_claim_word(ClaimClass::RelativePosition, &w) {
            break;
        }
        if is_capitalised(raw) {
            let c = country_of(&w);
            if c.is_some() {
                country = c;
            }
            // "Russians", "Ukrainians": a demonym plural is itself the head.
            if c.is_some() && w.ends_with('s') {
                return Some(head_at(text, toks, j, k, w, country));
            }
            // "Twenty-two Republicans joined": a capitalised plural ends the phrase, unless a
            // common plural follows ("50 Texas ranchers").
            let more = word_at(text, toks, k + 1)
                .is_some_and(|n| looks_plural(&n) || is_capitalised(text_of(text, &toks[k + 1])));
            if looks_plural(&w) && !more {
                return Some(head_at(text, toks, j, k, w, country));
            }
            k += 1;
            continue;
        }
        if w.len() > 4 && w.ends_with("ly") {
            break;
        }
        if is_non_count(&w) {
            return None;
        }
        if k > j && is_s_verb(&w) {
            // "5% of Microsoft's workforce works in…": the verb ends the phrase.
            break;
        }
        if looks_plural(&w) {
            return Some(head_at(text, toks, j, k, w, country));
        }
        if value == 1.0 && is_concrete(&w) {
            return Some(head_at(text, toks, j, k, w, country));
        }
        if w.ends_with("ed") && !is_irregular_plural(&w) {
            // "12 killed", "3% owned": a participle, not a noun.
            break;
        }
        last_word = Some((k, w));
        k += 1;
    }
    if singular_ok {
        let (k, w) = last_word?;
        // "3% higher", "95% effective", "a $5bn, 10-year": qualities, not the thing measured.
        let adjective = ["er", "ive", "ful", "ous", "able", "ible"]
            .iter()
            .any(|e| w.ends_with(e));
        if adjective || w.contains('-') && w.ends_with("year") {
            return None;
        }
        return Some(head_at(text, toks, j, k, w, country));
    }
    None
}

/// Builds the phrase `j..=k` with head `w`, extended by a second plural ("staff members") or
/// "on board", and without leading count adjectives.
fn head_at(
    text: &str,
    toks: &[Tok],
    j: usize,
    k: usize,
    w: String,
    country: Option<&'static str>,
) -> Noun {
    let mut end = k;
    let mut head = w;
    if is_irregular_plural(&head) {
        if let Some(next) = word_at(text, toks, k + 1) {
            if looks_plural(&next) && !is_irregular_plural(&next) && !is_function(&next) {
                end = k + 1;
                head = next.into_owned();
            }
        }
    }
    if is_claim_word(ClaimClass::TravellerNoun, &head)
        && is_word(text, toks, end + 1, "on")
        && is_word(text, toks, end + 2, "board")
    {
        end += 2;
    }
    let mut start = j;
    while start < k && word_at(text, toks, start).is_some_and(|m| is_count_adjective(&m)) {
        start += 1;
    }
    Noun {
        start,
        end,
        head,
        country,
        measure: None,
        after: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::lex_text;
    use crate::number::{hedge_before, parse};

    /// The counted noun of the first number in `text`, as written.
    fn noun(text: &str) -> Option<String> {
        let toks = lex_text(text);
        for i in 0..toks.len() {
            if let Some(p) = parse(text, &toks, i) {
                let lead = hedge_before(text, &toks, p.first, 0).map_or(p.first, |h| h.0);
                let n = counted_noun(text, &toks, &p, lead, 0, toks.len())?;
                return Some(text[toks[n.start].start..toks[n.end].end].to_string());
            }
        }
        None
    }

    #[test]
    fn plural_heads_with_modifiers() {
        assert_eq!(
            noun("NATO saw 20,000 Russian troops massing").as_deref(),
            Some("Russian troops")
        );
        assert_eq!(
            noun("killing all 298 people on board.").as_deref(),
            Some("people on board")
        );
        assert_eq!(
            noun("the council will cut 40 jobs by May").as_deref(),
            Some("jobs")
        );
        assert_eq!(
            noun("a sample of 1,200 patients with asthma").as_deref(),
            Some("patients")
        );
        assert_eq!(
            noun("sent 3,000 additional soldiers").as_deref(),
            Some("soldiers")
        );
        assert_eq!(
            noun("about 500 police officers were deployed").as_deref(),
            Some("police officers")
        );
        assert_eq!(
            noun("tens of thousands of protesters marched").as_deref(),
            Some("protesters")
        );
    }

    #[test]
    fn counts_without_nouns_fail() {
        assert_eq!(noun("The victim, 45, was named"), None);
        assert_eq!(noun("8,500 of them were sent"), None);
        assert_eq!(noun("at least 12 were there"), None);
        assert_eq!(noun("prices rose three times"), None);
    }

    #[test]
    fn money_percent_and_collectives() {
        assert_eq!(
            noun("The club paid a reported £80m fee for him").as_deref(),
            Some("fee")
        );
        assert_eq!(
            noun("tariffs on $125 billion worth of Chinese goods").as_deref(),
            Some("Chinese goods")
        );
        assert_eq!(
            noun("revenue rose 3.5% to $5bn").as_deref(),
            Some("revenue")
        );
        // What is worth the amount, not the noun its phrase hangs from.
        assert_eq!(
            noun("Coty bought a stake in the company in a deal worth $600 million").as_deref(),
            Some("deal")
        );
        assert_eq!(
            noun("shares in the startup valued at $1bn").as_deref(),
            Some("startup")
        );
        assert_eq!(
            noun("before a crowd of 52,000 on Sunday").as_deref(),
            Some("crowd")
        );
        assert_eq!(
            noun("exports of 300 tonnes of grain").as_deref(),
            Some("grain")
        );
        assert_eq!(
            noun("The death toll rose to 45 on Monday").as_deref(),
            Some("toll")
        );
        assert_eq!(
            noun("Confirmed cases reached 5,000").as_deref(),
            Some("cases")
        );
        assert_eq!(noun("He was killing 12 before"), None);
        assert_eq!(
            noun("said 40% of voters backed it").as_deref(),
            Some("voters")
        );
        assert_eq!(
            noun("Residents make up 18% of the population").as_deref(),
            Some("population")
        );
        assert_eq!(
            noun("It is 1,200 metres long and cost £250m"),
            Some("metres".into())
        );
        assert_eq!(
            noun("with losses totalling £1.1bn").as_deref(),
            Some("losses")
        );
    }
}
