//! Numbers that are not claims: years, dates, clock times, ages, labels ("Article 5",
//! "page 12"), list numbering, phone-like digit runs and "the two leaders".
//!
//! Durations and ages written with a unit ("five years", "45 years old") are rejected later,
//! by the counted noun; identifiers glued to letters ("MH17", "F-16") never lex as numbers.

use crate::lex::{is_capitalised, is_possessive, text_of, Kind, Tok};
use crate::number::{word_at, NumPhrase};
use crate::words::{
    cardinal, hedges, is_clock, is_determiner, is_function, is_label, is_month, is_year_cue,
};

/// Whether the number phrase `p` (its hedge starting at `lead`) is not a quantity.
/// `floor` is the first token of its sentence.
pub(crate) fn excluded(text: &str, toks: &[Tok], p: &NumPhrase, lead: usize, floor: usize) -> bool {
    if !p.value.is_finite() || (p.value <= 0.0 && p.unit.as_deref() != Some("%")) {
        return true;
    }
    let bare = p.shape.is_some_and(|s| s.is_bare()) && p.first == p.last && p.unit.is_none();
    let prev = |k: usize| p.first.checked_sub(k).filter(|&i| i >= floor);
    let prev_word = |k: usize| prev(k).and_then(|i| word_at(text, toks, i));
    let next_word = word_at(text, toks, p.last + 1);

    if bare {
        let year_like = p.year_like();
        let day_like = p.value <= 31.0;
        if year_like && prev_word(1).is_some_and(|w| is_year_cue(&w)) {
            return true;
        }
        if (year_like || day_like) && is_date(text, toks, p, floor) {
            return true;
        }
        if p.shape.is_some_and(|s| s.int_digits >= 7) {
            // Long digit runs are ids, accounts or phone numbers, written without separators.
            return true;
        }
        if prev_word(1).is_some_and(|w| is_label(&w)) {
            return true;
        }
    }
    let plain = p.shape.is_some_and(|s| s.is_plain()) && p.first == p.last && p.unit.is_none();
    if let Some(i) = prev(1).filter(|_| plain) {
        let t = toks[i];
        let w = text_of(text, &t);
        let initial_word = i == floor && {
            let lw = w.to_lowercase();
            is_function(&lw) || cardinal(&lw).is_some()
        };
        // "iPhone", "eBay": a name in camel case.
        let camel = w.chars().skip(1).any(char::is_uppercase);
        // "VW's 20.7 cubic foot trunk", "Ukraine's 40 regions": an owner, not a name the
        // number belongs to (a year after one still names: "GiveWell's 2017 top charities").
        if t.kind == Kind::Word
            && (is_capitalised(w) || camel)
            && (!is_possessive(w) || p.year_like())
            && !initial_word
            && !is_hedge_word(w)
        {
            // "Boeing 737", "Apollo 11", "Windows 10", "iPhone 11", "USB 3.0": a label or a
            // version after a proper name.
            return true;
        }
    }
    if next_word.as_deref().is_some_and(is_clock) {
        return true;
    }
    if list_number(text, toks, p) {
        return true;
    }
    // Runs of numbers ("645 6601") are phone numbers or tables, not quantities.
    let num_at = |i: usize| {
        toks.get(i)
            .is_some_and(|t| matches!(t.kind, Kind::Num(_) | Kind::Ident))
    };
    if (p.first > floor && num_at(p.first - 1)) || num_at(p.last + 1) {
        return true;
    }
    // "4 in 10 voters", "one out of five": a ratio, not a count.
    let number_at = |i: usize| {
        toks.get(i).is_some_and(|t| matches!(t.kind, Kind::Num(_)))
            || word_at(text, toks, i).is_some_and(|w| cardinal(&w).is_some())
    };
    let ratio_in = prev_word(1).is_some_and(|w| w == "in") && prev(2).is_some_and(number_at);
    let ratio_out = prev_word(1).is_some_and(|w| w == "of")
        && prev_word(2).is_some_and(|w| w == "out")
        && prev(3).is_some_and(number_at);
    if ratio_in || ratio_out {
        return true;
    }
    if prev(1).is_some_and(|i| toks[i].kind == Kind::Punct('#')) {
        return true;
    }
    // "said that 60 firefighters…": "that" opening a clause is no determiner.
    let determiner = prev_word(1).is_some_and(|w| is_determiner(&w) && w != "that");
    if lead == p.first && p.value < 100.0 && determiner {
        return true;
    }
    false
}

/// Whether a word (of any case) can start a hedge, so "About 300" is not a label.
fn is_hedge_word(w: &str) -> bool {
    let w = w.to_lowercase();
    hedges().iter().any(|h| h.first() == Some(&w.as_str()))
}

/// "10 February", "December 13", "January 30, 2022", "13 March 2014".
fn is_date(text: &str, toks: &[Tok], p: &NumPhrase, floor: usize) -> bool {
    let month_at = |i: usize| word_at(text, toks, i).is_some_and(|w| is_month(&w));
    let before = |k: usize| p.first.checked_sub(k).filter(|&i| i >= floor);
    // "Sept. 11", "Jan. 6": the abbreviation's dot stands between month and day.
    let dotted = before(1).is_some_and(|i| toks[i].kind == Kind::Punct('.'))
        && before(2).is_some_and(month_at);
    if before(1).is_some_and(month_at) || dotted || month_at(p.last + 1) {
        return true;
    }
    // "January 30, 2022": the year after a day after a month.
    let comma = before(1).is_some_and(|i| toks[i].kind == Kind::Punct(','));
    let day = before(2).is_some_and(|i| matches!(toks[i].kind, Kind::Num(_)));
    comma && day && before(3).is_some_and(month_at)
}

/// "1. Skip to content", "(2) the second point": list numbering.
fn list_number(text: &str, toks: &[Tok], p: &NumPhrase) -> bool {
    let next = toks.get(p.last + 1);
    let closes = |c: char| next.is_some_and(|t| t.glued && t.kind == Kind::Punct(c));
    if toks[p.first].line_start && (closes('.') || closes(')')) {
        return true;
    }
    let opened = p.first > 0 && toks[p.first - 1].kind == Kind::Punct('(') && toks[p.first].glued;
    let _ = text;
    opened && closes(')')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::lex_text;
    use crate::number::{hedge_before, parse};

    /// Whether the first number phrase in `text` is excluded.
    fn rejects(text: &str) -> bool {
        let toks = lex_text(text);
        for i in 0..toks.len() {
            if let Some(p) = parse(text, &toks, i) {
                let lead = hedge_before(text, &toks, p.first, 0).map_or(p.first, |h| h.0);
                return excluded(text, &toks, &p, lead, 0);
            }
        }
        panic!("no number in {text:?}");
    }

    /// Whether the number phrase starting at the token `needle` is excluded.
    fn rejects_at(text: &str, needle: &str) -> bool {
        let toks = lex_text(text);
        let i = toks
            .iter()
            .position(|t| text_of(text, t) == needle)
            .expect("needle");
        let p = parse(text, &toks, i).expect("number");
        let lead = hedge_before(text, &toks, p.first, 0).map_or(p.first, |h| h.0);
        excluded(text, &toks, &p, lead, 0)
    }

    #[test]
    fn years_and_dates() {
        assert!(rejects("The plant opened in 2014 after a delay."));
        assert!(rejects("The talks are planned for 10 February in Geneva."));
        assert!(rejects("On December 13 the council voted."));
        assert!(rejects("It was signed on January 30, 2022 by both sides."));
        assert!(rejects(
            "Her work after the Sept. 11 terrorist attacks won praise."
        ));
        assert!(!rejects("About 2000 people marched through the city."));
    }

    #[test]
    fn times_labels_and_lists() {
        assert!(rejects("Kick-off is at 3 pm on Saturday."));
        assert!(rejects("Under Article 5 of the treaty, allies respond."));
        assert!(rejects("Details are on page 12 of the report."));
        assert!(rejects("1. Skip to content"));
        assert!(rejects("The airline grounded its Boeing 737 jets."));
        assert!(rejects("Windows 11 runs on most laptops."));
        assert!(rejects("Many iPhone 11 owners will upgrade."));
        assert!(rejects("Buy a USB 3.0 dock for the laptop."));
        assert!(rejects("Donors funded GiveWell's 2017 top charities."));
        // An owner is no name the number belongs to.
        assert!(!rejects("The war hit Ukraine's 40 regions unevenly."));
        assert!(!rejects("The car has VW's 20.7 cubic foot trunk."));
        assert!(rejects("The victim, aged 45, was from Leeds."));
        assert!(rejects("Call 020 7946 0000 for tickets."));
        assert!(rejects_at("The poll found 4 in 10 voters undecided.", "10"));
        assert!(rejects_at("Only one out of five schools met it.", "five"));
    }

    #[test]
    fn definite_small_numbers() {
        assert!(rejects(
            "Russia named the two key prerequisites for stability."
        ));
        assert!(!rejects("Police said at least 12 people were killed."));
        assert!(!rejects("About 300 fans waited outside."));
    }
}
