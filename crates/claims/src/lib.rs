//! Numeric claims: which numbers an article states, about what, where, and on whose word.
//!
//! For each sentence the stage:
//!
//! 1. lexes the text into words, numbers and opaque identifiers (`lex`), so "MH17", "12:31"
//!    and URLs never look like quantities while "$5bn", "70k" and "3.5%" do;
//! 2. reads number phrases in digits or words and normalises their value and unit (`number`);
//! 3. drops years, dates, times, ages, labels, list numbers and phone-like runs (`exclude`);
//! 4. finds the counted noun phrase, rejecting durations and rhetoric ("two key points") (`noun`);
//! 5. fills hedge, subject and place from the sentence and the entities (`context`), and the
//!    claimant from the quotes, "according to" and cue verbs, falling back to the outlet
//!    (`claimant`); a value, unit and counted thing is reported once per article (`finder`).
#![deny(missing_docs)]

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
mod resolve;
mod verbs;
mod words;

pub use finder::ClaimFinder;
