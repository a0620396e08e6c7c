//! Closed word classes the segmenter needs: abbreviations that take a trailing dot, and the
//! capitalised words that typically open a sentence.
//!
//! An abbreviation's dot is part of its word token ("Gen.", "Inc."), so the sentence splitter
//! only has to decide whether that word also ends the sentence. Titles and month names sit
//! before a name or a number and never end one; company suffixes, country initialisms and
//! times often do ("shares of Acme Inc. The deal…"), so they end a sentence when a typical
//! sentence opener follows.

/// How an abbreviation behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Sits before what it qualifies (titles, months, "No.", "e.g."): never ends a sentence.
    Leading,
    /// May close a sentence ("U.S.", "Inc.", "p.m.", initials): ends one only before an opener.
    Trailing,
}

/// Titles, months and Latin/reference abbreviations that precede a name, number or phrase.
/// Both spellings are listed where newswires capitalise them mid-sentence.
const LEADING: &[&str] = &[
    "Adm", "Ald", "Amb", "Apr", "Art", "Asst", "Atty", "Aug", "Brig", "Capt", "Cdr", "Cmdr", "Col",
    "Cpl", "Dec", "Dep", "Dept", "Det", "Dr", "Feb", "Fig", "Fr", "Ft", "Gen", "Gens", "Gov",
    "Hon", "Insp", "Jan", "Jul", "Jun", "Lt", "Maj", "Mar", "Messrs", "Mme", "Mlle", "Mr", "Mrs",
    "Ms", "Msgr", "Mt", "Nov", "Oct", "Pfc", "Ph", "Pres", "Prof", "Pt", "Pvt", "Rep", "Reps",
    "Rev", "Rt", "Sec", "Sen", "Sens", "Sep", "Sept", "Sgt", "Spc", "St", "Ste", "Supt", "Vol",
    "approx", "cf", "ca", "fig", "vol", "vs", "v",
];

/// Abbreviations that can close a sentence as well as sit inside one: company suffixes,
/// generational suffixes, street types, and the state abbreviations of AP-style datelines
/// ("SPRINGFIELD, Ill. (AP) —").
const TRAILING: &[&str] = &[
    "Ala", "Ariz", "Ark", "Ave", "Blvd", "Bros", "Calif", "Co", "Colo", "Conn", "Corp", "Del",
    "Fla", "Ga", "Ill", "Inc", "Ind", "Jr", "Kan", "Ky", "La", "Ltd", "Mass", "Md", "Mich", "Minn",
    "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn", "Plc", "Rd", "Sr", "Tenn",
    "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "est", "etc",
];

/// "No." is an abbreviation only before a number ("No. 10"); otherwise it is the word "no".
const NUMBERED: &[&str] = &["No", "Nos", "no", "nos"];

/// Abbreviations written with inner dots that precede what they qualify.
const LEADING_DOTTED: &[&str] = &["e.g", "i.e", "E.g", "I.e"];

/// The class of `word` (its text without the trailing dot) when a dot after it is an
/// abbreviation dot, or `None` when that dot is ordinary punctuation.
///
/// Dotted initialisms ("U.S", "a.m", "Ph.D") qualify when every dot-separated piece has at
/// most two letters, which keeps domain names ("dw.com") out; a single capital letter is an
/// initial ("John F. Kennedy").
/// `next` is the first non-space character after the dot, which decides "No." ("No. 10").
pub fn class_of(word: &str, next: Option<char>) -> Option<AbbrevClass> {
    if NUMBERED.contains(&word) {
        return next
            .is_some_and(|c| c.is_ascii_digit())
            .then_some(AbbrevClass::Leading);
    }
    if LEADING.contains(&word) || LEADING_DOTTED.contains(&word) {
        return Some(AbbrevClass::Leading);
    }
    if TRAILING.contains(&word) {
        return Some(AbbrevClass::Trailing);
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase().then_some(AbbrevClass::Trailing);
    }
    let dotted = word.contains('.')
        && word
            .split('.')
            .all(|p| (1..=2).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic));
    dotted.then_some(AbbrevClass::Trailing)
}

/// Capitalised words that commonly open a news sentence: after an abbreviation that may end a
/// sentence ("in the U.S. The…"), one of these tips the balance towards a boundary, while a
/// name ("U.S. Army", "John F. Kennedy") does not.
const OPENERS: &[&str] = &[
    "A",
    "About",
    "Across",
    "After",
    "Against",
    "Also",
    "Although",
    "Among",
    "An",
    "And",
    "Another",
    "Any",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Critics",
    "Despite",
    "During",
    "Each",
    "Earlier",
    "Even",
    "Every",
    "Few",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Instead",
    "It",
    "Its",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "More",
    "Most",
    "Much",
    "My",
    "Neither",
    "No",
    "Nor",
    "Not",
    "Now",
    "Of",
    "Officials",
    "On",
    "One",
    "Only",
    "Or",
    "Other",
    "Our",
    "Over",
    "Police",
    "Several",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "To",
    "Today",
    "Two",
    "Under",
    "Unlike",
    "Until",
    "We",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Without",
    "Yet",
    "You",
];

/// Whether `word` commonly opens a sentence (see [`OPENERS`]).
pub fn is_opener(word: &str) -> bool {
    OPENERS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openers_are_sorted_for_binary_search() {
        assert!(OPENERS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_opener("The") && is_opener("However") && !is_opener("Army"));
    }

    #[test]
    fn classifies_titles_months_initialisms_and_initials() {
        assert_eq!(class_of("Gen", None), Some(AbbrevClass::Leading));
        assert_eq!(class_of("Sept", None), Some(AbbrevClass::Leading));
        assert_eq!(class_of("e.g", None), Some(AbbrevClass::Leading));
        assert_eq!(class_of("Inc", None), Some(AbbrevClass::Trailing));
        assert_eq!(class_of("U.S", None), Some(AbbrevClass::Trailing));
        assert_eq!(class_of("p.m", None), Some(AbbrevClass::Trailing));
        assert_eq!(class_of("F", None), Some(AbbrevClass::Trailing));
        assert_eq!(class_of("dw.com", None), None);
        assert_eq!(class_of("countries", None), None);
        assert_eq!(class_of("a", None), None);
        assert_eq!(class_of("No", Some('1')), Some(AbbrevClass::Leading));
        assert_eq!(class_of("no", Some('T')), None);
    }
}
