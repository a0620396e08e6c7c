//! Figures that carry the noun of the claim before them: a bare number after "from" or
//! "another" a few words after a claim in the same sentence counts the same thing ("1,400
//! homes remained without power, down from 20,000", "destroyed 300 houses and damaged another
//! 1,200", "1.5bn euros on new trains, up from 900 million": euros too).

use crate::lex::Tok;
use crate::noun::Noun;
use crate::number::word_at;

/// How far (in tokens) the carrying figure may stand after the claim it takes its noun from.
const MAX_GAP: usize = 8;

/// The noun and unit of the last claim read in a sentence, and where its phrase ended.
#[derive(Debug, Clone)]
pub(crate) struct Carried {
    /// The window of the sentence it was read in (first token).
    pub floor: usize,
    /// Last token of the claim's written phrase.
    pub last: usize,
    /// What it counts.
    pub noun: Noun,
    /// Its unit ("EUR", "%"), if any.
    pub unit: Option<String>,
}

/// `carried`, when the figure whose hedge or first token is `lead` (sentence window from
/// `floor`) takes its noun: right after "from" or "another", within a few tokens of it.
pub(crate) fn carried_to<'c>(
    text: &str,
    toks: &[Tok],
    lead: usize,
    floor: usize,
    carried: Option<&'c Carried>,
) -> Option<&'c Carried> {
    let c = carried.filter(|c| c.floor == floor && c.last < lead && lead - c.last <= MAX_GAP)?;
    let before = lead.checked_sub(1).filter(|&k| k >= floor)?;
    let w = word_at(text, toks, before)?;
    matches!(w.as_ref(), "from" | "another").then_some(c)
}

#[cfg(test)]
mod tests {
    use crate::testutil::claims_parsed;

    #[test]
    fn a_bare_figure_after_from_or_another_counts_what_the_claim_before_it_counts() {
        let c = claims_parsed(
            "Officials said 1,400 homes remained without power, down from 20,000 on Sunday.",
        );
        assert!(
            c.iter().any(|c| c.value == 20_000.0 && c.noun == "homes"),
            "{c:?}"
        );
        let c = claims_parsed("The storm destroyed 300 houses and damaged another 1,200.");
        assert!(
            c.iter().any(|c| c.value == 1_200.0 && c.noun == "houses"),
            "{c:?}"
        );
        let c = claims_parsed("The state will spend 1.5bn euros on trains, up from 900 million.");
        assert!(
            c.iter()
                .any(|c| c.value == 9e8 && c.unit.as_deref() == Some("EUR")),
            "{c:?}"
        );
        // Not after any other word, nor a figure in another unit.
        let c = claims_parsed("The storm destroyed 300 houses, the worst since 12 years ago.");
        assert!(c.iter().all(|c| c.value != 12.0), "{c:?}");
        let c = claims_parsed("A study in 19 people raised protein intake from 15% to 30%.");
        assert!(
            c.iter().all(|c| c.noun != "people" || c.value == 19.0),
            "{c:?}"
        );
    }
}
