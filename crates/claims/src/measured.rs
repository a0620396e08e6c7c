//! What a figure measures when no plain noun follows it: the noun before it ("revenue rose
//! 3.5% to $5bn", "a charge of $1.2 billion", "a crowd of 52,000"), the thing in an "of"
//! phrase ("$3.5 billion of its accelerators"), the purpose of an amount ("$2m for
//! furniture"), a comparison ("20% less likely"), or the casualty verb a bare count stands
//! for ("killed at least 39", "12 were injured").

use crate::context::is_weekday;
use crate::lex::{is_capitalised, text_of, Kind, Tok};
use crate::noun::{phrase, single, Noun};
use crate::nouns::{currency_word, is_collective, looks_plural};
use crate::number::{is_word, word_at};
use crate::verbs::{is_casualty_verb, is_change_verb, is_money_verb, is_verb_cue};
use crate::words::{cardinal, is_function, is_month, is_time_unit, scale};
use storyline_lexicon::{is_claim_word, ClaimClass};

/// Determiners and possessives that may open the measured noun phrase ("of its stores").
fn is_det(w: &str) -> bool {
    is_claim_word(ClaimClass::MeasureDeterminer, w)
}

/// First token from `k` that is not a determiner.
fn skip_dets(text: &str, toks: &[Tok], mut k: usize) -> usize {
    while word_at(text, toks, k).is_some_and(|w| is_det(&w)) {
        k += 1;
    }
    k
}

/// "40% of voters", "$3.5 billion of its MI300 accelerators", "$2m in damages": the noun
/// phrase after "of"/"in" (token `j`), unless it is a period ("in the third quarter").
pub(crate) fn of_phrase(
    text: &str,
    toks: &[Tok],
    j: usize,
    ceil: usize,
    value: f64,
) -> Option<Noun> {
    let k = skip_dets(text, toks, j + 1);
    let mut n = phrase(text, toks, k, ceil, value, true)?;
    let timed = (n.start..=n.end).any(|i| word_at(text, toks, i).is_some_and(|w| is_time_unit(&w)));
    if timed {
        return None;
    }
    // "€85bn in financial, military and humanitarian aid": modifiers in a list share the head
    // after the last "and".
    let listed = toks
        .get(n.end + 1)
        .is_some_and(|t| t.kind == Kind::Punct(','))
        || is_word(text, toks, n.end + 1, "and")
        || is_word(text, toks, n.end + 1, "or");
    if listed && !looks_plural(&n.head) {
        let and = (n.end + 1..ceil.min(n.end + 8))
            .find(|&i| is_word(text, toks, i, "and") || is_word(text, toks, i, "or"));
        if let Some(tail) = and.and_then(|i| phrase(text, toks, i + 1, ceil, value, true)) {
            n.end = tail.end;
            n.head = tail.head;
        }
    }
    Some(n)
}

/// "20% less likely", "30% more expensive": the comparison (tokens `j`, `j + 1`) is what the
/// percentage measures.
pub(crate) fn comparative(text: &str, toks: &[Tok], j: usize, ceil: usize) -> Option<Noun> {
    let w = word_at(text, toks, j)?;
    if !is_claim_word(ClaimClass::Comparative, &w) || j + 1 >= ceil {
        return None;
    }
    let adj = word_at(text, toks, j + 1).filter(|a| !is_function(a) && a.len() > 2)?;
    let mut n = single(j, &adj);
    n.end = j + 1;
    Some(n)
}

/// "$2 million for furniture and computers", "$60 billion for Ukraine": the purpose or the
/// recipient of an amount (token `j` is "for", or "on" as in "spend £2bn on hospitals"), when
/// nothing names the amount itself. A named
/// recipient keeps its "for" so the noun does not read as the amount's owner.
pub(crate) fn purpose(text: &str, toks: &[Tok], j: usize, ceil: usize) -> Option<Noun> {
    let s = skip_dets(text, toks, j + 1);
    let mut e = s;
    let mut last = None;
    while e < ceil && e < s + 6 {
        let t = toks.get(e)?;
        if !matches!(t.kind, Kind::Word | Kind::Ident) {
            break;
        }
        let w = text_of(text, t).to_lowercase();
        let joins = is_claim_word(ClaimClass::NounJoiner, &w) && last == Some(e - 1);
        if is_function(&w) && !joins {
            break;
        }
        // "for the first time", "for the year", "fined $1m for breaching rules", "on Monday".
        let dated = is_month(&w) || is_weekday(&w);
        let idiom = is_claim_word(ClaimClass::PurposeIdiom, w.as_str());
        if is_time_unit(&w) || dated || idiom || (e == s && w.ends_with("ing")) {
            return None;
        }
        if !joins {
            last = Some(e);
        }
        e += 1;
    }
    let last = last?;
    let head = word_at(text, toks, last).map_or_else(|| "for".into(), |w| w.into_owned());
    let mut n = single(s, &head);
    n.end = last;
    if is_capitalised(text_of(text, &toks[s])) {
        n.start = j;
    }
    Some(n)
}

/// A bare count that stands for people harmed or moved, named by the casualty verb right
/// before it: "killed at least 39", "evacuated 1,500".
pub(crate) fn casualty_before(text: &str, toks: &[Tok], lead: usize, floor: usize) -> Option<Noun> {
    let w = word_at(text, toks, lead.checked_sub(1).filter(|&k| k >= floor)?)?;
    if !is_casualty_verb(&w) {
        return None;
    }
    let mut n = single(lead - 1, &w);
    n.after = false;
    Some(n)
}

/// A count followed by its casualty verb: "12 were killed", "at least 39 have died".
pub(crate) fn casualty_after(text: &str, toks: &[Tok], last: usize, ceil: usize) -> Option<Noun> {
    let mut k = last + 1;
    while k < ceil && k < last + 4 {
        let w = word_at(text, toks, k)?;
        if is_casualty_verb(&w) || w == "died" {
            return Some(single(k, &w));
        }
        if !is_claim_word(ClaimClass::CasualtyAuxiliary, w.as_ref()) {
            return None;
        }
        k += 1;
    }
    None
}

/// "a charge of $1.2 billion", "estimates of about $17 billion": the noun right before "of"
/// names the amount, since a verb never takes "of" ("cut of" is not "cut $2m").
pub(crate) fn noun_of(text: &str, toks: &[Tok], lead: usize, floor: usize) -> Option<Noun> {
    if lead < floor + 2 || !is_word(text, toks, lead - 1, "of") {
        return None;
    }
    let raw = text_of(text, toks.get(lead - 2)?);
    let w = word_at(text, toks, lead - 2)?;
    let noun = !is_function(&w) && !w.ends_with("ly") && cardinal(&w).is_none();
    if !noun
        || (is_capitalised(raw) && lead - 2 > floor)
        || is_claim_word(ClaimClass::QuantityLead, &w)
    {
        return None;
    }
    let mut n = single(lead - 2, &w);
    n.after = false;
    Some(n)
}

/// Reads the noun before the number: "a crowd of 52,000" (collectives), "a charge of $1.2
/// billion" (money), "revenue rose 3.5% to $5bn", "sending its shares up 9%" (money and
/// percent: the thing measured, across change verbs and "up"/"down").
pub(crate) fn before(
    text: &str,
    toks: &[Tok],
    lead: usize,
    floor: usize,
    measured: bool,
) -> Option<Noun> {
    if let Some(n) = noun_of(text, toks, lead, floor) {
        return Some(n);
    }
    if lead >= floor + 2 && is_word(text, toks, lead - 1, "of") {
        if let Some(w) = word_at(text, toks, lead - 2).filter(|w| is_collective(w)) {
            let mut n = single(lead - 2, &w);
            n.after = false;
            return Some(n);
        }
    }
    let mut k = lead;
    let mut steps = 0;
    let mut crossed_verb = false;
    let mut particle = false;
    // Crossed "worth" or "valued": the noun right before is what the amount measures.
    let mut valued = false;
    while k > floor && steps < 12 {
        k -= 1;
        steps += 1;
        let t = toks[k];
        match t.kind {
            Kind::Num(_) | Kind::Punct('%') => continue,
            // "sales fell to $2.3bn, down 4%": the figure before the comma shares the noun.
            Kind::Punct(',') if particle => continue,
            Kind::Word => {}
            _ => break,
        }
        let raw = text_of(text, &t);
        let w = raw.to_lowercase();
        if particle && (scale(&w).is_some() || currency_word(&w).is_some()) {
            continue;
        }
        if is_capitalised(raw) && k > floor {
            // "fell to 4.1% in May from 4.3%": dates between figures are stepped over.
            if is_month(&w) {
                continue;
            }
            // "Shares of Globex fell 7%": the head before the company's name.
            return if crossed_verb && measured {
                modified_head(text, toks, k, floor)
            } else {
                None
            };
        }
        if is_change_verb(&w) || is_claim_word(ClaimClass::MeasureLink, &w) {
            crossed_verb = true;
            valued |= is_claim_word(ClaimClass::ValueLink, &w);
            continue;
        }
        if measured && w == "at" {
            // "rates at 5.25%", "inflation at 3%": the level of the noun before.
            crossed_verb = true;
            continue;
        }
        if is_claim_word(ClaimClass::ChangeParticle, &w) {
            crossed_verb = true;
            particle = true;
            continue;
        }
        if is_claim_word(ClaimClass::Coordinator, &w) {
            // Another clause: what it measures is not ours.
            return None;
        }
        if is_function(&w) || w == "cent" || w == "percent" || w.ends_with("ly") {
            continue;
        }
        if !crossed_verb {
            return None;
        }
        if !measured {
            // "The death toll from the floods rose to 42": the head the phrase modifies, when
            // it counts (a collective or a plural; "the number of cases" counts the cases).
            let head = modified_head(text, toks, k, floor)
                .filter(|h| is_collective(&h.head) || looks_plural(&h.head));
            if head.is_some() {
                return head;
            }
            // "the death toll rose to 45", "cases reached 5,000": a count read across a verb.
            if !(looks_plural(&w) || is_collective(&w)) {
                return None;
            }
            let mut n = single(k, &w);
            n.after = false;
            return Some(n);
        }
        // "plans to spend €3bn", "will invest $2m": a verb, not the thing measured.
        let verb_cue = k > floor && word_at(text, toks, k - 1).is_some_and(|v| is_verb_cue(&v));
        if verb_cue || is_money_verb(&w) {
            return None;
        }
        if valued {
            let mut n = single(k, &w);
            n.after = false;
            return Some(n);
        }
        return modified_head(text, toks, k, floor).or_else(|| {
            let mut n = single(k, &w);
            n.after = false;
            Some(n)
        });
    }
    None
}

/// The head of a subject whose last word is token `k` when a prepositional phrase modifies it:
/// "Revenue in the data-centre unit", "Shares of Globex" → "Revenue", "Shares". The phrase
/// must read as a noun phrase (a determiner or names before lowercase words), so "Analysts in
/// London expect revenue" does not make "Analysts" the thing measured.
fn modified_head(text: &str, toks: &[Tok], k: usize, floor: usize) -> Option<Noun> {
    let mut m = k;
    while m > floor && m + 5 > k {
        m -= 1;
        let t = toks[m];
        if t.kind != Kind::Word {
            return None;
        }
        let w = text_of(text, &t).to_lowercase();
        if is_claim_word(ClaimClass::HeadPreposition, w.as_str()) {
            if !noun_phrase(text, toks, m + 1, k) {
                return None;
            }
            let h = m.checked_sub(1).filter(|&h| h >= floor)?;
            let head = word_at(text, toks, h)?;
            let name = is_capitalised(text_of(text, &toks[h])) && h > floor;
            if is_function(&head) || name || is_month(&head) {
                return None;
            }
            let mut n = single(h, &head);
            n.after = false;
            return Some(n);
        }
        if is_function(&w) && !is_det(&w) {
            return None;
        }
    }
    None
}

/// Whether tokens `s..k` read as a noun phrase ending in `k`: an optional determiner, names,
/// then lowercase modifiers only after a determiner, right after the preposition ("for heat
/// stroke") or when hyphenated ("data-centre").
fn noun_phrase(text: &str, toks: &[Tok], s: usize, k: usize) -> bool {
    let mut det = false;
    for i in s..k {
        let raw = toks.get(i).map_or("", |t| text_of(text, t));
        let w = raw.to_lowercase();
        if is_det(&w) {
            det = true;
        } else if !(is_capitalised(raw) || det || i == s || w.contains('-')) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use crate::lex::lex_text;
    use crate::noun::counted_noun;
    use crate::number::{hedge_before, parse};

    /// The counted noun of the number phrase starting at `needle`, as written.
    fn noun_at(text: &str, needle: &str) -> Option<String> {
        let toks = lex_text(text);
        let i = toks.iter().position(|t| &text[t.start..t.end] == needle)?;
        let p = parse(text, &toks, i)?;
        let lead = hedge_before(text, &toks, p.first, 0).map_or(p.first, |h| h.0);
        let n = counted_noun(text, &toks, &p, lead, 0, toks.len())?;
        Some(text[toks[n.start].start..toks[n.end].end].to_string())
    }

    #[test]
    fn money_nouns() {
        let n = |t, w| noun_at(t, w);
        assert_eq!(
            n("The transfer fee of £100m made him the dearest.", "£100m").as_deref(),
            Some("fee")
        );
        assert_eq!(
            n("Lawmakers approved $60 billion for Ukraine.", "$60").as_deref(),
            Some("for Ukraine")
        );
        assert_eq!(
            n(
                "The carmaker took a charge of $1.2 billion in the third quarter.",
                "$1.2"
            )
            .as_deref(),
            Some("charge")
        );
        assert_eq!(
            n(
                "It expects to sell more than $3.5 billion of its X9 chips.",
                "$3.5"
            )
            .as_deref(),
            Some("X9 chips")
        );
        assert_eq!(
            n(
                "Revenue in the cloud unit rose to $18.4 billion, it said.",
                "$18.4"
            )
            .as_deref(),
            Some("Revenue")
        );
        assert_eq!(
            n(
                "The charity will raise another $2 million for beds and blankets.",
                "$2"
            )
            .as_deref(),
            Some("beds and blankets")
        );
        assert_eq!(n("He was fined $5,000 for speeding.", "$5,000"), None);
    }

    #[test]
    fn percent_nouns() {
        let n = |t, w| noun_at(t, w);
        assert_eq!(
            n(
                "The forecast sent its shares up more than 9% on Friday.",
                "9%"
            )
            .as_deref(),
            Some("shares")
        );
        assert_eq!(
            n("Admissions for heat stroke rose 20% in Rome.", "20%").as_deref(),
            Some("Admissions")
        );
        assert_eq!(
            n("Analysts in London expect revenue to reach $5bn.", "$5bn").as_deref(),
            Some("revenue")
        );
        assert_eq!(
            n("Support for the party stood at 32% in May.", "32%").as_deref(),
            Some("Support")
        );
        assert_eq!(
            n("Shares of Globex fell 7% after the warning.", "7%").as_deref(),
            Some("Shares")
        );
        assert_eq!(
            n(
                "Sales fell to $2.3 billion, down 4% from a year earlier.",
                "4%"
            )
            .as_deref(),
            Some("Sales")
        );
        assert_eq!(
            n("Smokers were about 20% less likely to recover.", "20%").as_deref(),
            Some("less likely")
        );
        assert_eq!(
            n(
                "It gave €85 billion in military, economic and humanitarian aid.",
                "€85"
            )
            .as_deref(),
            Some("military, economic and humanitarian aid")
        );
        assert_eq!(
            n("The firm said 30% of its stores would close.", "30%").as_deref(),
            Some("stores")
        );
    }

    #[test]
    fn casualties() {
        let n = |t, w| noun_at(t, w);
        assert_eq!(
            n("The storm has killed at least 39, officials said.", "39").as_deref(),
            Some("killed")
        );
        assert_eq!(
            n("At least 12 were injured in the crash.", "12").as_deref(),
            Some("injured")
        );
        assert_eq!(n("At least 12 were there.", "12"), None);
        assert_eq!(
            n("Troops evacuated 1,500 residents.", "1,500").as_deref(),
            Some("residents")
        );
    }
}
