//! Figures that come in pairs or carry their unit in a compound: vote tallies and match
//! scores ("voted 6-1", "won 2-0", "by 325 votes to 306"), winning margins ("lost by one")
//! and durations written as modifiers ("a four-day truce", "a 72-hour ceasefire").
//!
//! Each side of a tally is a claim (`votes` or `score`), as is a margin and a duration; the
//! words that make a pair of figures a tally are the lexicon's `tally_words.tsv`. Years,
//! dates and ages never reach here: a tally is two bare figures of at most three digits
//! beside a tally word, and an age ("a 45-year-old") has three parts.

use crate::lex::{text_of, Kind, Tok};
use crate::number::{parse, word_at};
use crate::words::{cardinal, is_function, is_time_unit};
use storyline_lexicon::{is_tally_link, tally_word, Tally};

/// A quantity read by this module: its value, its counted noun (as a text span, or a fixed
/// name), its unit and the tokens it spans.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Paired {
    /// The figure.
    pub value: f64,
    /// What it counts: "votes", "score", "margin", or the noun a duration qualifies.
    pub noun: String,
    /// The time unit of a duration ("days").
    pub unit: Option<String>,
    /// First token of the written phrase.
    pub first: usize,
    /// Last token of the written phrase, inclusive.
    pub last: usize,
}

/// The quantities starting at token `i` of the sentence `floor..ceil`, when it opens a tally,
/// a margin or a duration; empty otherwise. `head` names the token of the noun a token
/// modifies, from the parse when there is one.
pub(crate) fn paired_at(
    text: &str,
    toks: &[Tok],
    i: usize,
    (floor, ceil): (usize, usize),
    head: impl Fn(usize) -> Option<usize>,
) -> Vec<Paired> {
    if let Some(v) = dashed_tally(text, toks, i, floor, ceil) {
        return v;
    }
    if let Some(v) = spelled_tally(text, toks, i, floor, ceil) {
        return v;
    }
    if let Some(d) = duration(text, toks, i, ceil, head) {
        return vec![d];
    }
    margin(text, toks, i, floor, ceil).into_iter().collect()
}

/// The tally word before token `i` across at most two link words ("won by 2-1", "the vote
/// was 70-29"), if any.
fn tally_before(text: &str, toks: &[Tok], i: usize, floor: usize) -> Option<Tally> {
    let mut k = i;
    for _ in 0..3 {
        k = k.checked_sub(1).filter(|&k| k >= floor)?;
        let w = word_at(text, toks, k)?;
        if let Some(t) = tally_word(&w) {
            return Some(t);
        }
        if !is_tally_link(&w) {
            return None;
        }
    }
    None
}

/// The tally word after token `j` across at most two link words ("6-1 in favour"), if any.
fn tally_after(text: &str, toks: &[Tok], j: usize, ceil: usize) -> Option<Tally> {
    let mut k = j;
    for _ in 0..3 {
        k += 1;
        let w = (k < ceil).then(|| word_at(text, toks, k)).flatten()?;
        if let Some(t) = tally_word(&w) {
            return Some(t);
        }
        if !is_tally_link(&w) {
            return None;
        }
    }
    None
}

/// Both sides of a tally or score, as claims over tokens `first..=last`.
fn sides(kind: Tally, a: f64, b: f64, first: usize, last: usize) -> Vec<Paired> {
    let noun = match kind {
        Tally::Vote => "votes",
        Tally::Score => "score",
    };
    [a, b]
        .into_iter()
        .map(|value| Paired {
            value,
            noun: noun.to_string(),
            unit: None,
            first,
            last,
        })
        .collect()
}

/// "won 2-0", "voted 6-1 in favour", "a 70-29 vote": a dashed pair beside a tally word.
fn dashed_tally(
    text: &str,
    toks: &[Tok],
    i: usize,
    floor: usize,
    ceil: usize,
) -> Option<Vec<Paired>> {
    let t = toks.get(i).filter(|t| t.kind == Kind::Ident)?;
    let (a, b) = dashed_pair(text_of(text, t))?;
    let kind = tally_before(text, toks, i, floor).or_else(|| tally_after(text, toks, i, ceil))?;
    Some(sides(kind, a, b, i, i))
}

/// The two figures of "2-0" or "6–1": one to three digits each side of a hyphen or en dash.
fn dashed_pair(s: &str) -> Option<(f64, f64)> {
    let (a, b) = s.split_once(['-', '–'])?;
    let figure = |x: &str| {
        (!x.is_empty() && x.len() <= 3 && x.bytes().all(|c| c.is_ascii_digit()))
            .then(|| x.parse::<f64>().ok())
            .flatten()
    };
    Some((figure(a)?, figure(b)?))
}

/// "by 325 votes to 306", "voted 51 to 49": two figures joined by "to" in a vote.
fn spelled_tally(
    text: &str,
    toks: &[Tok],
    i: usize,
    floor: usize,
    ceil: usize,
) -> Option<Vec<Paired>> {
    let a = parse(text, toks, i).filter(|p| p.unit.is_none() && p.vague.is_none())?;
    let mut j = a.last + 1;
    let noun_after = word_at(text, toks, j).and_then(|w| tally_word(&w));
    if noun_after.is_some() {
        j += 1;
    }
    if j >= ceil || word_at(text, toks, j).as_deref() != Some("to") {
        return None;
    }
    let kind = noun_after.or_else(|| tally_before(text, toks, a.first, floor))?;
    if kind != Tally::Vote {
        return None;
    }
    let b = parse(text, toks, j + 1).filter(|p| p.last < ceil && p.unit.is_none())?;
    let mut last = b.last;
    if word_at(text, toks, last + 1).is_some_and(|w| tally_word(&w) == Some(Tally::Vote)) {
        last += 1;
    }
    Some(sides(Tally::Vote, a.value, b.value, a.first, last))
}

/// "lost by one", "won by three": a margin after a tally word and "by", counting nothing
/// named after it.
fn margin(text: &str, toks: &[Tok], i: usize, floor: usize, ceil: usize) -> Option<Paired> {
    if i < floor + 2 || word_at(text, toks, i - 1).as_deref() != Some("by") {
        return None;
    }
    tally_word(&word_at(text, toks, i - 2)?)?;
    let p = parse(text, toks, i).filter(|p| p.unit.is_none() && p.vague.is_none())?;
    let names_noun =
        p.last + 1 < ceil && word_at(text, toks, p.last + 1).is_some_and(|w| !is_function(&w));
    if names_noun {
        return None;
    }
    Some(Paired {
        value: p.value,
        noun: "margin".to_string(),
        unit: None,
        first: p.first,
        last: p.last,
    })
}

/// "a four-day truce", "a 72-hour ceasefire": a figure and a singular time unit joined by a
/// hyphen, qualifying the noun after it (up to the parse's `head`, else the next word).
fn duration(
    text: &str,
    toks: &[Tok],
    i: usize,
    ceil: usize,
    head: impl Fn(usize) -> Option<usize>,
) -> Option<Paired> {
    let t = toks
        .get(i)
        .filter(|t| matches!(t.kind, Kind::Word | Kind::Ident))?;
    let (figure, written) = text_of(text, t).split_once('-')?;
    let unit = written.to_lowercase();
    if unit.contains('-') || !is_time_unit(&unit) || unit.ends_with('s') {
        return None;
    }
    // "the Six-Day War", "the Three-Day Event": a capitalised unit is part of a name.
    if written.starts_with(char::is_uppercase) {
        return None;
    }
    let value = if figure.bytes().all(|c| c.is_ascii_digit()) && figure.len() <= 4 {
        figure.parse::<f64>().ok()?
    } else {
        cardinal(&figure.to_lowercase())?
    };
    let noun_word = |k: usize| {
        k < ceil && word_at(text, toks, k).is_some_and(|w| !is_function(&w) && !is_time_unit(&w))
    };
    // "a 55-year old man" (the second hyphen left out): an age.
    if word_at(text, toks, i + 1).is_some_and(|w| w == "old") {
        return None;
    }
    let end = head(i)
        .filter(|&h| h > i && (i + 1..=h).all(noun_word))
        .or_else(|| noun_word(i + 1).then_some(i + 1))?;
    let noun = text.get(toks[i + 1].start..toks[end].end)?.to_string();
    Some(Paired {
        value,
        noun,
        unit: Some(plural_unit(&unit)),
        first: i,
        last: end,
    })
}

/// "day" → "days", "century" → "centuries".
fn plural_unit(unit: &str) -> String {
    match unit.strip_suffix('y') {
        Some(stem) if !stem.ends_with(['a', 'e', 'o']) => format!("{stem}ies"),
        _ => format!("{unit}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::lex_text;
    use crate::testutil::claims_parsed;

    /// The (value, noun, unit) read at the token `needle` of `text`.
    fn read(text: &str, needle: &str) -> Vec<(f64, String, Option<String>)> {
        let toks = lex_text(text);
        let i = crate::testutil::at(text, &toks, needle);
        paired_at(text, &toks, i, (0, toks.len()), |_| None)
            .into_iter()
            .map(|p| (p.value, p.noun, p.unit))
            .collect()
    }

    fn plain(v: f64, noun: &str) -> (f64, String, Option<String>) {
        (v, noun.to_string(), None)
    }

    #[test]
    fn scores_and_tallies() {
        assert_eq!(
            read("Leeds won 3-1 at home.", "3-1"),
            vec![plain(3.0, "score"), plain(1.0, "score")]
        );
        assert_eq!(
            read("The board voted 7–2 in favour of the merger.", "7–2"),
            vec![plain(7.0, "votes"), plain(2.0, "votes")]
        );
        assert_eq!(
            read("It was a 4-0 defeat for the visitors.", "4-0"),
            vec![plain(4.0, "score"), plain(0.0, "score")]
        );
        assert_eq!(
            read("The bill passed by 412 votes to 198 on Monday.", "412"),
            vec![plain(412.0, "votes"), plain(198.0, "votes")]
        );
        assert_eq!(
            read("The final vote was 52-48 in the Senate.", "52-48"),
            vec![plain(52.0, "votes"), plain(48.0, "votes")]
        );
        assert_eq!(
            read("Senators voted 60 to 38 to end the debate.", "60"),
            vec![plain(60.0, "votes"), plain(38.0, "votes")]
        );
    }

    #[test]
    fn pairs_that_are_not_tallies() {
        // A range, a date and a code: no tally word beside them.
        assert!(read("Temperatures reach 20-25 degrees.", "20-25").is_empty());
        assert!(read("Fares rose from 10 to 12 dollars.", "10").is_empty());
        assert!(read("Take the A1-M1 link road.", "A1-M1").is_empty());
    }

    #[test]
    fn margins() {
        assert_eq!(
            read("The motion lost by one.", "one"),
            vec![plain(1.0, "margin")]
        );
        assert_eq!(
            read("They won by three, narrowly.", "three"),
            vec![plain(3.0, "margin")]
        );
        // "won by 40 seats" counts seats: the ordinary reading applies.
        assert!(read("Labour won by 40 seats.", "40").is_empty());
    }

    #[test]
    fn durations() {
        let d = |v: f64, n: &str, u: &str| (v, n.to_string(), Some(u.to_string()));
        assert_eq!(
            read("Both sides agreed a four-day truce on Monday.", "four-day"),
            vec![d(4.0, "truce", "days")]
        );
        assert_eq!(
            read("A 72-hour ceasefire began at dawn.", "72-hour"),
            vec![d(72.0, "ceasefire", "hours")]
        );
        assert_eq!(
            read("He signed a two-year contract on Friday.", "two-year"),
            vec![d(2.0, "contract", "years")]
        );
        // An age has three parts; a unit with nothing to qualify is no duration.
        assert!(read("A 45-year-old man was held.", "45-year-old").is_empty());
        assert!(read("Shops will open 24-hour, the mayor said.", "24-hour").is_empty());
        // An age written with one hyphen; a name.
        assert!(read("A 55-year old man was held.", "55-year").is_empty());
        assert!(read("Israel took the land in the 1967 Six-Day War.", "Six-Day").is_empty());
    }

    #[test]
    fn a_parsed_duration_reaches_its_head_noun() {
        let c = claims_parsed("The rivals agreed a 30-day ceasefire deal in Doha.");
        assert!(
            c.iter().any(|c| c.value == 30.0
                && c.unit.as_deref() == Some("days")
                && c.noun == "ceasefire deal"),
            "{c:?}"
        );
    }

    #[test]
    fn claim_policy_in_the_pipeline() {
        let has = |text: &str, v: f64, noun: &str| {
            let c = claims_parsed(text);
            assert!(
                c.iter().any(|c| c.value == v && c.noun.contains(noun)),
                "{text}: {c:?}"
            );
        };
        has(
            "The reform merges six ministries into three.",
            6.0,
            "ministries",
        );
        has("Nine of the patients were discharged.", 9.0, "patients");
        has(
            "At least 15 were killed and 40 others injured.",
            15.0,
            "killed",
        );
        has(
            "At least 15 were killed and 40 others injured.",
            40.0,
            "injured",
        );
        for text in [
            "The summit opens on 3 May 2025 at 09:30.",
            "The bridge was built in 1931.",
            "She came 4th in the 2019 race.",
            "The driver, 52, was unhurt.",
            "Flight 302 was delayed; the code is AX-42.",
            "For bookings call 0161 496 0000.",
        ] {
            assert!(
                claims_parsed(text).is_empty(),
                "{text}: {:?}",
                claims_parsed(text)
            );
        }
    }

    #[test]
    fn tallies_in_the_pipeline() {
        let c = claims_parsed("Parliament backed the plan by 325 votes to 306 on Tuesday.");
        let votes: Vec<f64> = c
            .iter()
            .filter(|c| c.noun == "votes")
            .map(|c| c.value)
            .collect();
        assert_eq!(votes, vec![325.0, 306.0], "{c:?}");
        let c = claims_parsed("City drew 1-1 with Everton.");
        let score: Vec<f64> = c
            .iter()
            .filter(|c| c.noun == "score")
            .map(|c| c.value)
            .collect();
        assert_eq!(score, vec![1.0, 1.0], "{c:?}");
        let c = claims_parsed("The home side lost by one in the final over.");
        assert!(
            c.iter().any(|c| c.value == 1.0 && c.noun == "margin"),
            "{c:?}"
        );
    }
}
