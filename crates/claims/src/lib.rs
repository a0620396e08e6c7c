//! Numeric claims: which numbers an article states, about what, where, and on whose word.
//!
//! For each sentence the stage:
//!
//! 1. regroups the shared token layer's chunks into words, numbers and opaque identifiers
//!    (`lex`), so "MH17", "12:31" and URLs never look like quantities while "$5bn", "70k" and
//!    "3.5%" do;
//! 2. reads number phrases in digits or words and normalises their value and unit (`number`);
//! 3. drops years, dates, times, ages, labels, list numbers and phone-like runs (`exclude`);
//! 4. finds the counted noun phrase, rejecting durations and rhetoric ("two key points") (`noun`),
//!    or, when no noun follows, what the figure measures: the noun before it, an "of" phrase,
//!    a purpose, a comparison or a casualty verb (`measured`);
//! 5. fills hedge, subject and place from the sentence and the entities (`context`), and the
//!    claimant from the quotes, "according to" and cue verbs (`verbs`), falling back to the
//!    outlet (`claimant`), resolving role and organisation nouns to entities (`resolve`); a
//!    value, unit and counted thing is reported once per article (`finder`).
//!
//! Policy choices, kept consistent across rules:
//! - temperatures and physical measures are claims (a reading of the world that can be
//!   checked: "45.6 degrees Celsius", "400 miles of coastline"); the unit is "°C"/"°F" when
//!   the scale is written, else the measure word ("degrees", "km"); a named distance after
//!   "the" ("won the 400 metres") is an event, not a measure;
//! - each side of a vote tally or score is a claim ("voted 70-29", "won 2-1", "by 325 votes to
//!   306": noun `votes` or `score`), as is a winning margin ("lost by one": `margin`) and a
//!   duration written as a modifier ("a four-day truce": 4 `days`, noun "truce"), read before
//!   the other rules (`tally`); a bare duration ("for five years") is not;
//! - vague quantities ("dozens of", "hundreds of") are claims, marked `vague` with their
//!   bounds (value 100, upper 1,000);
//! - small counts are claims ("two tornadoes") unless they count abstractions ("two key
//!   points": `abstract_count_nouns.txt` in the lexicon);
//! - the counted noun is read by word order, then from the parse (`parsed`): the noun the
//!   number modifies ("12 confirmed deaths"), a partitive ("nine of the patients"),
//!   "others" with its verb ("40 others injured"); what an amount without a noun measures is
//!   the subject (or object) of its verb of change ("the yen strengthened 0.13%") or the thing
//!   a "for" amount prices ("offering the tablet for $799");
//! - a small count of people opening a sentence ("Two men have been charged") identifies who
//!   acted and is dropped, unless a hedge or harm ("were killed") makes it a count.
#![deny(missing_docs)]

mod carried;
mod claimant;
mod context;
mod demonyms;
mod exclude;
mod finder;
mod lex;
mod measured;
mod noun;
mod nouns;
mod number;
mod parsed;
mod resolve;
mod tally;
#[cfg(test)]
mod testutil;
mod verbs;
mod words;

pub use finder::ClaimFinder;
