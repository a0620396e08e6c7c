//! Disagreements: claims about the same quantity whose values differ across articles or
//! claimants.
//!
//! A quantity is (subject, counted-noun class, unit), refined by place when places name
//! different entities, and bounded in time by the story: figures from an earlier phase of the
//! same thread are kept apart and listed as that quantity's earlier phase.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use storyline_record::{Record, RecordClaim};

use crate::entities::EntityIndex;
use crate::names::variant_canonical;
use crate::stories::StorySet;
use storyline_dates::Date;
use storyline_lexicon::{is_noun_phrase_stop, noun_class as lexicon_noun_class};

/// One figure given for a quantity.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ClaimEntry {
    /// The normalised value.
    pub value: f64,
    /// Hedge ("about", "over", "some").
    pub hedge: Option<String>,
    /// Who claims it.
    pub claimant: Option<String>,
    /// Outlet of the article.
    pub outlet: Option<String>,
    /// Publication date of the article.
    pub date: Option<Date>,
    /// Article id.
    pub article: String,
    /// The claim as written.
    pub text: String,
    /// Character span of the claim in the article's text.
    pub span: [usize; 2],
}

/// A quantity reported with different values.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Disagreement {
    /// Subject's canonical name ("Russia").
    pub subject: String,
    /// Counted-noun class ("troops").
    pub noun: String,
    /// Place, when the claims name one ("Ukraine").
    pub place: Option<String>,
    /// Unit, when there is one.
    pub unit: Option<String>,
    /// Story id.
    pub story: String,
    /// The figures, by date (undated last).
    pub claims: Vec<ClaimEntry>,
    /// Figures for the same quantity from earlier phases of the story, kept apart.
    pub earlier_phases: Vec<ClaimEntry>,
}

/// A figure with the place it names, if any.
type Placed = (Option<String>, ClaimEntry);

/// The key of a quantity, without time.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Quantity {
    subject: String,
    noun: String,
    unit: Option<String>,
}

/// Finds disagreements in the corpus.
pub fn find_disagreements(
    records: &[Record],
    entities: &EntityIndex,
    stories: &StorySet,
) -> Vec<Disagreement> {
    // (quantity, story) → (place, entry); groups are small, so places are sorted out per group.
    let mut groups: HashMap<(Quantity, usize), Vec<Placed>> = HashMap::new();
    for (a, r) in records.iter().enumerate() {
        let story = stories.story_of.get(a).copied().unwrap_or(0);
        for c in &r.claims {
            let Some((q, place)) = quantity(a, c, entities) else {
                continue;
            };
            groups
                .entry((q, story))
                .or_default()
                .push((place, entry(r, c)));
        }
    }
    let mut keys: Vec<(Quantity, usize)> = groups.keys().cloned().collect();
    keys.sort();
    let mut out = Vec::new();
    for key in &keys {
        let Some(items) = groups.get(key) else {
            continue;
        };
        for (place, mut claims) in split_by_place(items) {
            if !values_differ(&claims) {
                continue;
            }
            sort_entries(&mut claims);
            let thread = stories.thread_of(key.1);
            // Keys are sorted: those of the same quantity are one run, found by bisection (a
            // scan of every key for every disagreement was quadratic in the corpus).
            let same_quantity = keys.partition_point(|(q, _)| *q < key.0)
                ..keys.partition_point(|(q, _)| *q <= key.0);
            let mut earlier: Vec<ClaimEntry> = keys[same_quantity]
                .iter()
                .filter(|(_, s)| {
                    *s != key.1
                        && stories.thread_of(*s) == thread
                        && starts_before(stories, *s, key.1)
                })
                .filter_map(|k| groups.get(k))
                .flatten()
                .map(|(_, e)| e.clone())
                .collect();
            sort_entries(&mut earlier);
            out.push(Disagreement {
                subject: key.0.subject.clone(),
                noun: key.0.noun.clone(),
                place,
                unit: key.0.unit.clone(),
                story: stories
                    .stories
                    .get(key.1)
                    .map(|s| s.id.clone())
                    .unwrap_or_default(),
                claims,
                earlier_phases: earlier,
            });
        }
    }
    out
}

fn starts_before(stories: &StorySet, s: usize, t: usize) -> bool {
    let start = |x: usize| stories.stories.get(x).and_then(|st| st.start);
    matches!((start(s), start(t)), (Some(a), Some(b)) if a < b)
}

fn sort_entries(v: &mut [ClaimEntry]) {
    v.sort_by(|a, b| {
        (a.date.is_none(), a.date, &a.article, a.span).cmp(&(
            b.date.is_none(),
            b.date,
            &b.article,
            b.span,
        ))
    });
}

/// Whether at least two figures differ by more than rounding (1%).
fn values_differ(v: &[ClaimEntry]) -> bool {
    let min = v.iter().map(|e| e.value).fold(f64::INFINITY, f64::min);
    let max = v.iter().map(|e| e.value).fold(f64::NEG_INFINITY, f64::max);
    v.len() >= 2 && max > min * 1.01 + f64::EPSILON
}

/// Splits a group by named place; claims without a place join the single named place, if
/// there is exactly one, else stay in their own group.
fn split_by_place(
    items: &[(Option<String>, ClaimEntry)],
) -> Vec<(Option<String>, Vec<ClaimEntry>)> {
    let mut named: Vec<(Option<String>, Vec<ClaimEntry>)> = Vec::new();
    let mut unplaced = Vec::new();
    for (place, e) in items {
        match place {
            Some(p) => match named.iter_mut().find(|(q, _)| q.as_deref() == Some(p)) {
                Some((_, v)) => v.push(e.clone()),
                None => named.push((Some(p.clone()), vec![e.clone()])),
            },
            None => unplaced.push(e.clone()),
        }
    }
    match named.as_mut_slice() {
        [(_, only)] => only.extend(unplaced),
        _ if !unplaced.is_empty() => named.push((None, unplaced)),
        _ => {}
    }
    named
}

fn entry(r: &Record, c: &RecordClaim) -> ClaimEntry {
    ClaimEntry {
        value: c.value,
        hedge: c.hedge.clone(),
        claimant: c.claimant.clone(),
        outlet: r.outlet.clone(),
        date: r.published.as_deref().and_then(Date::parse_iso),
        article: r.id.clone(),
        text: c.text.clone(),
        span: c.span,
    }
}

/// The quantity a claim is about and its place; `None` when it has no subject to compare by.
fn quantity(
    a: usize,
    c: &RecordClaim,
    entities: &EntityIndex,
) -> Option<(Quantity, Option<String>)> {
    let subject = c.subject.as_deref().filter(|s| !s.trim().is_empty())?;
    let subject = canonical(a, subject, entities);
    let noun = noun_class(&c.noun)?;
    let place = c
        .place
        .as_deref()
        .and_then(|p| place_name(a, p, entities))
        .filter(|p| *p != subject);
    let unit = c.unit.as_ref().map(|u| u.to_lowercase());
    Some((
        Quantity {
            subject,
            noun,
            unit,
        },
        place,
    ))
}

fn canonical(a: usize, name: &str, entities: &EntityIndex) -> String {
    entities
        .resolve(a, name)
        .and_then(|id| entities.get(id))
        .map(|e| e.name.clone())
        .or_else(|| variant_canonical(name).map(str::to_string))
        .unwrap_or_else(|| name.trim().to_string())
}

/// The class of a counted noun phrase: its head (the last word before a preposition),
/// folded through the lexicon's noun classes, else the head itself.
pub fn noun_class(noun: &str) -> Option<String> {
    let words: Vec<String> = noun
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let end = words
        .iter()
        .position(|w| is_noun_phrase_stop(w))
        .unwrap_or(words.len());
    let head_words = words.get(..end).unwrap_or(&[]);
    let head = head_words.last()?.clone();
    let two = head_words
        .len()
        .checked_sub(2)
        .and_then(|i| head_words.get(i..))
        .map(|w| w.join(" "));
    if let Some(class) =
        lexicon_noun_class(&head).or_else(|| two.as_deref().and_then(lexicon_noun_class))
    {
        return Some(class.to_string());
    }
    (!head.is_empty()).then(|| head.trim_end_matches('s').to_string())
}

/// The named place in a place phrase ("Ukraine's borders" → Ukraine), canonicalised.
fn place_name(a: usize, place: &str, entities: &EntityIndex) -> Option<String> {
    let cleaned = place.replace("’s", "").replace("'s", "");
    let caps: Vec<&str> = cleaned
        .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    if caps.is_empty() {
        return None;
    }
    let name = caps.join(" ");
    Some(canonical(a, &name, entities))
}

#[cfg(test)]
#[path = "disagree_tests.rs"]
mod tests;
