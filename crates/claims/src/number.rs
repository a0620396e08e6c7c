//! Number phrases: digits or words, with scales, currencies and percent signs, normalised to
//! one value ("$5bn" → 5e9 USD, "two million" → 2e6, "tens of thousands" → 1e4 with hedge
//! "tens of", "half a million" → 5e5), and the hedge written before them.

use crate::lex::{lower, text_of, Kind, NumShape, Tok};
use crate::nouns::currency_word;
use crate::words::{cardinal, hedges, scale, vague};
use storyline_lexicon::{is_claim_word, ClaimClass};

/// A number as written, with its normalised value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NumPhrase {
    /// First token of the number (a currency code before it included).
    pub first: usize,
    /// Last token of the number, inclusive (scale words, "per cent" included).
    pub last: usize,
    /// The normalised value.
    pub value: f64,
    /// "%", an ISO currency code or a measure unit.
    pub unit: Option<String>,
    /// A hedge the number itself implies ("tens of thousands" → "tens of").
    pub vague: Option<String>,
    /// The digits' shape when written in digits.
    pub shape: Option<NumShape>,
    /// The phrase ended on a vague plural that wants "of" and a noun ("thousands of").
    pub wants_of: bool,
}

impl NumPhrase {
    /// Whether the figure could be a year: four bare digits from 1000 to 2100 ("2024").
    pub(crate) fn year_like(&self) -> bool {
        self.shape.is_some_and(|s| s.is_bare() && s.int_digits == 4)
            && (1000.0..=2100.0).contains(&self.value)
    }
}

/// Lowercased word at token `i`, if it is a word.
pub(crate) fn word_at<'t>(
    text: &'t str,
    toks: &[Tok],
    i: usize,
) -> Option<std::borrow::Cow<'t, str>> {
    match toks.get(i) {
        Some(t) if t.kind == Kind::Word => Some(lower(text_of(text, t))),
        _ => None,
    }
}

/// Whether token `i` is the (lowercase) word `w`.
pub(crate) fn is_word(text: &str, toks: &[Tok], i: usize, w: &str) -> bool {
    toks.get(i)
        .is_some_and(|t| t.kind == Kind::Word && text_of(text, t).eq_ignore_ascii_case(w))
}

/// Parses the number phrase starting at token `i`, if one starts there.
pub(crate) fn parse(text: &str, toks: &[Tok], i: usize) -> Option<NumPhrase> {
    let tok = toks.get(i)?;
    let mut p = match tok.kind {
        Kind::Num(n) => digits(text, toks, i, n),
        Kind::Word => words(text, toks, i)?,
        _ => return None,
    };
    suffix(text, toks, &mut p);
    Some(p)
}

/// A number written in digits, with an optional scale word after it ("2.5 million").
fn digits(text: &str, toks: &[Tok], i: usize, n: NumShape) -> NumPhrase {
    let mut value = n.value * n.mult;
    let mut last = i;
    if n.mult == 1.0 && !n.percent {
        if let Some(s) = word_at(text, toks, i + 1).and_then(|w| spelled_scale(&w)) {
            value *= s;
            last = i + 1;
        }
    }
    let unit = if n.percent {
        Some("%".to_string())
    } else {
        n.currency.or(n.unit).map(str::to_string)
    };
    let mut first = i;
    let mut unit = unit;
    // "USD 5bn", "EUR 300 million", "Rs 500 crore": a currency code written before the number.
    if unit.is_none() && i > 0 {
        if let Some(t) = toks.get(i - 1) {
            let w = text_of(text, t);
            let code = if matches!(w, "Rs" | "Rs." | "INR") {
                Some("INR")
            } else if w.len() == 3 && w.chars().all(|c| c.is_ascii_uppercase()) {
                currency_word(&w.to_ascii_lowercase())
            } else {
                None
            };
            if let Some(code) = code {
                unit = Some(code.to_string());
                first = i - 1;
            }
        }
    }
    NumPhrase {
        first,
        last,
        value,
        unit,
        vague: None,
        shape: Some(n),
        wants_of: false,
    }
}

/// Scale words written out after digits; single letters ("5 m") are too ambiguous.
fn spelled_scale(w: &str) -> Option<f64> {
    match w {
        "m" | "k" => None,
        _ => scale(w),
    }
}

/// A number written in words: "a dozen", "half a million", "tens of thousands",
/// "several hundred", "two hundred and fifty thousand".
fn words(text: &str, toks: &[Tok], i: usize) -> Option<NumPhrase> {
    let w = word_at(text, toks, i)?;
    let phrase = |last: usize, value: f64, vague: Option<String>, wants_of: bool| NumPhrase {
        first: i,
        last,
        value,
        unit: None,
        vague,
        shape: None,
        wants_of,
    };
    match w.as_ref() {
        w if is_claim_word(ClaimClass::IndefiniteArticle, w) => {
            let next = word_at(text, toks, i + 1)?;
            if next == "dozen" || spelled_scale(&next).is_some_and(|s| s >= 100.0) {
                let (value, last) = compound(text, toks, i + 1, 1.0)?;
                return Some(phrase(last, value, None, false));
            }
            None
        }
        "half" => {
            if !is_word(text, toks, i + 1, "a") {
                return None;
            }
            let next = word_at(text, toks, i + 2)?;
            let s = if next == "dozen" {
                12.0
            } else {
                spelled_scale(&next).filter(|s| *s >= 1e3)?
            };
            Some(phrase(i + 2, s / 2.0, None, false))
        }
        w if is_claim_word(ClaimClass::HedgedQuantifier, w) => {
            // "several thousand", "a few hundred": the scale, hedged.
            let next = word_at(text, toks, i + 1)?;
            let s = spelled_scale(&next).or((next == "dozen").then_some(12.0))?;
            let first = if w == "few" && is_word(text, toks, i.wrapping_sub(1), "a") {
                i - 1
            } else {
                i
            };
            let hedge = if first < i { "a few" } else { "several" };
            let mut p = phrase(i + 1, s, Some(hedge.to_string()), false);
            p.first = first;
            Some(p)
        }
        _ => {
            if let Some(v) = vague(&w) {
                // "tens of thousands", "hundreds of millions", or a bare "thousands of".
                let of = is_word(text, toks, i + 1, "of");
                if of {
                    if let Some(s) = word_at(text, toks, i + 2).and_then(|n| vague(&n)) {
                        if s >= 1e3 && s > v {
                            let hedge = format!("{w} of");
                            let wants = is_word(text, toks, i + 3, "of");
                            return Some(phrase(i + 2, v * s, Some(hedge), wants));
                        }
                    }
                    return Some(phrase(i, v, Some(format!("{w} of")), true));
                }
                return Some(phrase(i, v, Some(w.to_string()), false));
            }
            let (value, last) = compound(text, toks, i, 0.0)?;
            Some(phrase(last, value, None, false))
        }
    }
}

/// Reads cardinal and scale words from `i` ("two hundred and fifty thousand"), starting from
/// `seed` (1 after "a"). Returns the value and the last token used.
fn compound(text: &str, toks: &[Tok], i: usize, seed: f64) -> Option<(f64, usize)> {
    let mut total = 0.0;
    let mut current = seed;
    let mut last = None;
    let mut j = i;
    let mut after_scale = false;
    if seed == 0.0
        && word_at(text, toks, i)
            .and_then(|w| hyphenated(&w))
            .is_none()
    {
        return None;
    }
    while let Some(w) = word_at(text, toks, j) {
        if let Some(v) = hyphenated(&w) {
            if last.is_some() && !after_scale {
                break;
            }
            current += v;
            after_scale = false;
        } else if w == "dozen" {
            current = if current == 0.0 { 12.0 } else { current * 12.0 };
        } else if w == "hundred" {
            current = if current == 0.0 {
                100.0
            } else {
                current * 100.0
            };
            after_scale = true;
        } else if let Some(s) = spelled_scale(&w).filter(|s| *s >= 1e3) {
            total += if current == 0.0 { s } else { current * s };
            current = 0.0;
            after_scale = true;
        } else if w == "and"
            && after_scale
            && word_at(text, toks, j + 1).is_some_and(|n| hyphenated(&n).is_some())
        {
            j += 1;
            continue;
        } else {
            break;
        }
        last = Some(j);
        j += 1;
    }
    last.map(|l| (total + current, l))
}

/// Value of a cardinal word, hyphenated compounds included ("twenty-five").
fn hyphenated(w: &str) -> Option<f64> {
    if let Some(v) = cardinal(w) {
        return Some(v);
    }
    let (a, b) = w.split_once('-')?;
    let (a, b) = (cardinal(a)?, cardinal(b)?);
    (a >= 20.0 && b < 10.0).then_some(a + b)
}

/// Units written after the number: "%", "per cent", "percentage points", "dollars".
fn suffix(text: &str, toks: &[Tok], p: &mut NumPhrase) {
    let j = p.last + 1;
    if p.unit.as_deref() == Some("%") {
        return;
    }
    if toks.get(j).is_some_and(|t| t.kind == Kind::Punct('%')) {
        p.unit = Some("%".into());
        p.last = j;
        return;
    }
    let Some(w) = word_at(text, toks, j) else {
        return;
    };
    match w.as_ref() {
        "per" if is_word(text, toks, j + 1, "cent") => {
            p.unit = Some("%".into());
            p.last = j + 1;
        }
        // "2.8 trillion won": after a scale, "won" is Korea's currency, not a verb.
        "won" if p.value >= 1e6 && p.unit.is_none() && p.last > p.first => {
            p.unit = Some("KRW".into());
            p.last = j;
        }
        w if is_claim_word(ClaimClass::PercentWord, w) => {
            p.unit = Some("%".into());
            p.last = j;
        }
        "percentage" if word_at(text, toks, j + 1).is_some_and(|n| n.starts_with("point")) => {
            p.unit = Some("percentage points".into());
            p.last = j + 1;
        }
        _ => {
            if p.unit.is_none() && !p.wants_of {
                if let Some(code) = currency_word(&w) {
                    // "five billion euros": the currency word is the unit, and what the
                    // amount measures is read around it like any other amount's.
                    p.unit = Some(code.into());
                    p.last = j;
                } else if let Some(code) = storyline_lexicon::currency_or_unit_of_word(&w) {
                    if shows_money(text, toks, p, j) {
                        p.unit = Some(code.into());
                        p.last = j;
                    }
                }
            }
        }
    }
}

/// Whether the amount `p` with a word at token `j` that is a currency or a unit of measure
/// ("pounds") is money: a scale word before it ("5 million pounds"), "sterling" after it, or
/// a converted amount in brackets ("500,000 pounds ($650,000)"). Else it is a weight.
fn shows_money(text: &str, toks: &[Tok], p: &NumPhrase, j: usize) -> bool {
    let scaled = p.value >= 1e6 && (p.last > p.first || p.shape.is_some_and(|s| s.mult > 1.0));
    let sterling = is_word(text, toks, j + 1, "sterling");
    let converted = toks.get(j + 1).is_some_and(|t| t.kind == Kind::Punct('('))
        && toks.get(j + 2).is_some_and(|t| match t.kind {
            Kind::Num(shape) => shape.currency.is_some(),
            _ => false,
        });
    scaled || sterling || converted
}

/// The hedge written right before token `first` (not before `floor`): its first token and text.
pub(crate) fn hedge_before(
    text: &str,
    toks: &[Tok],
    first: usize,
    floor: usize,
) -> Option<(usize, String)> {
    for pattern in hedges() {
        let n = pattern.len();
        if first < floor + n {
            continue;
        }
        let start = first - n;
        if pattern
            .iter()
            .enumerate()
            .all(|(k, w)| is_word(text, toks, start + k, w))
        {
            return Some((start, pattern.join(" ")));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::lex_text;

    fn first_number(text: &str) -> (f64, Option<String>, Option<String>, String) {
        let toks = lex_text(text);
        for i in 0..toks.len() {
            if let Some(p) = parse(text, &toks, i) {
                let span = &text[toks[p.first].start..toks[p.last].end];
                return (p.value, p.unit, p.vague, span.to_string());
            }
        }
        panic!("no number in {text:?}");
    }

    #[test]
    fn pounds_are_money_only_where_the_amount_shows_it() {
        let unit = |t: &str| first_number(t).1;
        assert_eq!(unit("he weighed 243 pounds").as_deref(), None);
        for money in [
            "a 5 million pounds deal",
            "fined 3bn pounds",
            "fined 500,000 pounds ($650,000) on Friday",
            "paid 40,000 pounds sterling",
        ] {
            assert_eq!(unit(money).as_deref(), Some("GBP"), "{money}");
        }
    }

    #[test]
    fn digits_with_scales_and_currencies() {
        assert_eq!(first_number("sent 100,000 troops").0, 100_000.0);
        assert_eq!(first_number("a 2.5 million budget").0, 2_500_000.0);
        let (v, u, _, s) = first_number("a $5bn deal");
        assert_eq!((v, u.as_deref(), s.as_str()), (5e9, Some("USD"), "$5bn"));
        let (v, u, _, _) = first_number("it cost €3.2 billion");
        assert_eq!((v, u.as_deref()), (3.2e9, Some("EUR")));
        assert_eq!(first_number("some 70k fans").0, 70_000.0);
        assert_eq!(first_number("1.2m viewers").0, 1_200_000.0);
        let (v, u, _, _) = first_number("paid USD 300 million");
        assert_eq!((v, u.as_deref()), (3e8, Some("USD")));
        let (v, u, _, _) = first_number("a Rs 500 crore project");
        assert_eq!((v, u.as_deref()), (5e9, Some("INR")));
    }

    #[test]
    fn percentages() {
        let (v, u, _, s) = first_number("rose 3.5% to");
        assert_eq!((v, u.as_deref(), s.as_str()), (3.5, Some("%"), "3.5%"));
        let (v, u, _, s) = first_number("fell 12 per cent last year");
        assert_eq!(
            (v, u.as_deref(), s.as_str()),
            (12.0, Some("%"), "12 per cent")
        );
        let (_, u, _, _) = first_number("up two percentage points");
        assert_eq!(u.as_deref(), Some("percentage points"));
    }

    #[test]
    fn words_and_vague_quantities() {
        assert_eq!(first_number("two million people").0, 2e6);
        assert_eq!(first_number("a dozen schools").0, 12.0);
        assert_eq!(first_number("half a million voters").0, 5e5);
        assert_eq!(first_number("twenty-five players").0, 25.0);
        assert_eq!(first_number("two hundred and fifty thousand").0, 250_000.0);
        let (v, _, h, s) = first_number("tens of thousands of protesters");
        assert_eq!(
            (v, h.as_deref(), s.as_str()),
            (1e4, Some("tens of"), "tens of thousands")
        );
        let (v, _, h, _) = first_number("hundreds of people");
        assert_eq!((v, h.as_deref()), (100.0, Some("hundreds of")));
        let (v, _, h, s) = first_number("a few hundred residents");
        assert_eq!(
            (v, h.as_deref(), s.as_str()),
            (100.0, Some("a few"), "a few hundred")
        );
    }

    #[test]
    fn tensions_are_not_tens() {
        let text = "reducing tensions in the region";
        let toks = lex_text(text);
        assert!((0..toks.len()).all(|i| parse(text, &toks, i).is_none()));
    }

    #[test]
    fn hedges() {
        let text = "Police said at least 12 people died and up to 40 were hurt";
        let toks = lex_text(text);
        let i = toks
            .iter()
            .position(|t| text_of(text, t) == "12")
            .expect("12");
        let (at, h) = hedge_before(text, &toks, i, 0).expect("hedge");
        assert_eq!((text_of(text, &toks[at]), h.as_str()), ("at", "at least"));
        let i = toks
            .iter()
            .position(|t| text_of(text, t) == "40")
            .expect("40");
        assert_eq!(
            hedge_before(text, &toks, i, 0).map(|h| h.1).as_deref(),
            Some("up to")
        );
    }
}
