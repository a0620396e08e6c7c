//! Word classes around a number: number words, scales, hedges, calendar and time words,
//! labels, attribution cues, and (in `function`) determiners and function words.
//!
//! Every function takes a lowercase word. Lists are small and closed, so `matches!` is both
//! the clearest and the fastest representation.

mod function;

pub(crate) use function::{is_determiner, is_function};

/// Value of a cardinal number word ("seven" → 7, "twenty" → 20): the lexicon's
/// `number_words.tsv`.
pub(crate) fn cardinal(w: &str) -> Option<f64> {
    storyline_lexicon::cardinal(w)
}

/// Value of a written scale word ("million" → 1e6), including the newsroom abbreviations
/// and "lakh" and "crore": the lexicon's `number_words.tsv`.
pub(crate) fn scale(w: &str) -> Option<f64> {
    storyline_lexicon::scale(w)
}

/// Value of a vague plural ("tens" → 10, "thousands" → 1000): "tens of thousands".
pub(crate) fn vague(w: &str) -> Option<f64> {
    match w {
        "tens" => Some(1e1),
        "dozens" => Some(12.0),
        "scores" => Some(20.0),
        "hundreds" => Some(1e2),
        "thousands" => Some(1e3),
        "millions" => Some(1e6),
        "billions" => Some(1e9),
        _ => None,
    }
}

/// Hedges written before a number, longest first, as lowercase word sequences.
pub(crate) const HEDGES: &[&[&str]] = &[
    &["as", "many", "as"],
    &["as", "much", "as"],
    &["as", "few", "as"],
    &["as", "little", "as"],
    &["in", "excess", "of"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["at", "least"],
    &["at", "most"],
    &["up", "to"],
    &["close", "to"],
    &["upwards", "of"],
    &["an", "estimated"],
    &["just", "over"],
    &["just", "under"],
    &["well", "over"],
    &["nearly"],
    &["almost"],
    &["about"],
    &["around"],
    &["some"],
    &["roughly"],
    &["approximately"],
    &["approx."],
    &["over"],
    &["above"],
    &["below"],
    &["under"],
    &["circa"],
    &["estimated"],
];

/// Month names and their abbreviations: a number beside one is a day or a year.
pub(crate) fn is_month(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Words after a number that make it a clock time.
pub(crate) fn is_clock(w: &str) -> bool {
    matches!(
        w,
        "am" | "pm"
            | "a.m."
            | "p.m."
            | "a.m"
            | "p.m"
            | "gmt"
            | "utc"
            | "bst"
            | "cet"
            | "cest"
            | "est"
            | "edt"
            | "pst"
            | "pdt"
            | "ist"
            | "msk"
            | "hrs"
            | "o'clock"
            | "o’clock"
    )
}

/// Units of time: a number counting them is a duration or an age, not a claim.
pub(crate) fn is_time_unit(w: &str) -> bool {
    matches!(
        w,
        "second"
            | "seconds"
            | "sec"
            | "secs"
            | "min"
            | "mins"
            | "hr"
            | "hrs"
            | "minute"
            | "minutes"
            | "hour"
            | "hours"
            | "day"
            | "days"
            | "night"
            | "nights"
            | "week"
            | "weeks"
            | "weekend"
            | "weekends"
            | "fortnight"
            | "fortnights"
            | "month"
            | "months"
            | "year"
            | "years"
            | "decade"
            | "decades"
            | "century"
            | "centuries"
            | "millennium"
            | "millennia"
            | "season"
            | "seasons"
            | "term"
            | "terms"
            | "quarter"
            | "quarters"
            | "years-old"
            | "year-old"
            | "times"
    )
}

/// Words before a number that make it a label ("Article 5", "page 12", "flight 370").
pub(crate) fn is_label(w: &str) -> bool {
    matches!(
        w,
        "article"
            | "section"
            | "chapter"
            | "page"
            | "pages"
            | "p."
            | "pp."
            | "flight"
            | "route"
            | "room"
            | "gate"
            | "platform"
            | "no."
            | "no"
            | "nos."
            | "number"
            | "vol."
            | "volume"
            | "episode"
            | "season"
            | "round"
            | "game"
            | "stage"
            | "level"
            | "phase"
            | "grade"
            | "category"
            | "type"
            | "model"
            | "version"
            | "exit"
            | "junction"
            | "highway"
            | "interstate"
            | "line"
            | "item"
            | "clause"
            | "paragraph"
            | "resolution"
            | "pool"
            | "group"
            | "amendment"
            | "lot"
            | "unit"
            | "ward"
            | "district"
            | "zone"
            | "block"
            | "floor"
            | "row"
            | "seat"
            | "verse"
            | "hole"
            | "match"
            | "week"
            | "day"
            | "year"
            | "aged"
            | "age"
            | "ages"
            | "gen"
            | "series"
            | "covid"
            | "top"
            | "tier"
            | "figure"
            | "fig."
            | "table"
            | "step"
            | "part"
    )
}

/// Words before a bare four-digit number that make it a year ("in 2014", "since 1991").
pub(crate) fn is_year_cue(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "by"
            | "until"
            | "till"
            | "from"
            | "of"
            | "the"
            | "this"
            | "that"
            | "early"
            | "late"
            | "mid"
            | "between"
            | "and"
            | "or"
            | "to"
            | "before"
            | "after"
            | "during"
            | "through"
            | "year"
            | "summer"
            | "winter"
            | "spring"
            | "autumn"
            | "fall"
            | "election"
            | "'s"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words() {
        assert_eq!(cardinal("seventeen"), Some(17.0));
        assert_eq!(scale("bn"), Some(1e9));
        assert_eq!(vague("tens"), Some(10.0));
        assert_eq!(vague("tensions"), None);
    }

    #[test]
    fn context_words() {
        assert!(is_month("sept.") && is_clock("p.m.") && is_time_unit("decades"));
        assert!(is_label("article") && is_year_cue("since"));
        assert!(HEDGES.iter().any(|h| h.join(" ") == "as many as"));
    }
}
