//! Quote reuse and who said what: the same quotation in several articles is one quote with its
//! first appearance and every repetition, and every speaker is a canonical entity.
//!
//! Matching is on normalised words (case, punctuation and quotation marks ignored): equal
//! texts, or one contained in the other (an outlet quoting part of a longer quotation).
//! Candidates come from an index of each quote's first word 4-gram, so no pair of quotes is
//! compared unless they share one. Quotes of three words or fewer ("highly unlikely") match
//! only when the speaker is the same as well, since short phrases recur by chance.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use storyline_record::Record;

use crate::chars::words;
use crate::entities::EntityIndex;
use crate::UnionFind;
use storyline_dates::Date;

/// Words in the index key; also the length under which a quote is "short".
const GRAM: usize = 4;
/// Quotes listed per index key before the key counts as a stock phrase and stops matching.
const MAX_POSTING: usize = 256;

/// One appearance of a quotation.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct QuoteAppearance {
    /// Article id.
    pub article: String,
    /// Index into the analysed records.
    #[serde(skip)]
    pub index: usize,
    /// Outlet of the article.
    pub outlet: Option<String>,
    /// Publication date.
    pub date: Option<Date>,
    /// The quoted words as this article gives them.
    pub text: String,
    /// Character span of the words in the article's text.
    pub span: [usize; 2],
    /// `direct`, `partial` or `indirect`.
    pub kind: String,
}

/// A quotation with all its appearances.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct QuoteGroup {
    /// Canonical name of the speaker (or the role given as speaker), if attributed.
    pub speaker: Option<String>,
    /// The fullest wording.
    pub text: String,
    /// Earliest appearance (by date, then corpus order).
    pub first: QuoteAppearance,
    /// Every later appearance.
    pub repetitions: Vec<QuoteAppearance>,
}

/// Groups every quote of the corpus; groups ordered by first appearance.
pub fn group_quotes(records: &[Record], entities: &EntityIndex) -> Vec<QuoteGroup> {
    struct Item {
        norm: Vec<u32>,
        speaker: Option<String>,
        app: QuoteAppearance,
    }
    // Words are compared as numbers: each distinct normalised word gets one.
    let mut vocabulary: HashMap<String, u32> = HashMap::new();
    let mut items: Vec<Item> = Vec::new();
    for (a, r) in records.iter().enumerate() {
        let date = r.published.as_deref().and_then(Date::parse_iso);
        for q in &r.quotes {
            let norm: Vec<u32> = words(&q.text)
                .map(|w| {
                    let next = vocabulary.len() as u32;
                    *vocabulary.entry(w).or_insert(next)
                })
                .collect();
            if norm.is_empty() {
                continue;
            }
            let speaker = q.speaker.as_deref().map(|s| {
                entities
                    .resolve(a, s)
                    .and_then(|id| entities.get(id))
                    .map_or_else(|| s.to_string(), |e| e.name.clone())
            });
            items.push(Item {
                norm,
                speaker,
                app: QuoteAppearance {
                    article: r.id.clone(),
                    index: a,
                    outlet: r.outlet.clone(),
                    date,
                    text: q.text.clone(),
                    span: q.span,
                    kind: q.kind.clone(),
                },
            });
        }
    }
    let mut index: HashMap<&[u32], Vec<usize>> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        for gram in it.norm.windows(GRAM.min(it.norm.len())) {
            let list = index.entry(gram).or_default();
            if list.len() < MAX_POSTING && list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    let mut uf = UnionFind::new(items.len());
    for (i, it) in items.iter().enumerate() {
        let key = it.norm.get(..GRAM.min(it.norm.len())).unwrap_or(&[]);
        let Some(cands) = index.get(key) else {
            continue;
        };
        if cands.len() >= MAX_POSTING {
            continue;
        }
        for &j in cands.iter().filter(|&&j| j != i) {
            let Some(other) = items.get(j) else { continue };
            let short = it.norm.len() < GRAM || other.norm.len() < GRAM;
            if short && (it.speaker.is_none() || it.speaker != other.speaker) {
                continue;
            }
            if contains(&other.norm, &it.norm) {
                uf.union(i, j);
            }
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..items.len() {
        groups.entry(uf.find_mut(i)).or_default().push(i);
    }
    let order = |i: &usize| {
        items.get(*i).map(|it| {
            (
                it.app.date.is_none(),
                it.app.date,
                it.app.index,
                it.app.span,
            )
        })
    };
    let mut out: Vec<QuoteGroup> = groups
        .into_values()
        .filter_map(|mut members| {
            members.sort_by_key(order);
            let speaker = members
                .iter()
                .filter_map(|&i| items.get(i))
                .find_map(|it| it.speaker.clone());
            // The fullest wording the group's speaker is credited with: a longer appearance
            // credited to someone else (a wire relaying "Lavrov told the program that …")
            // holds words that are not the speaker's.
            let fullest = members
                .iter()
                .filter_map(|&i| items.get(i))
                .filter(|it| speaker.is_none() || it.speaker == speaker)
                .max_by_key(|it| it.norm.len())?;
            let mut apps = members
                .iter()
                .filter_map(|&i| items.get(i))
                .map(|it| it.app.clone());
            let first = apps.next()?;
            Some(QuoteGroup {
                speaker,
                text: fullest.app.text.clone(),
                first,
                repetitions: apps.collect(),
            })
        })
        .collect();
    out.sort_by_key(|g| {
        (
            g.first.date.is_none(),
            g.first.date,
            g.first.index,
            g.first.span,
        )
    });
    out
}

/// Whether word sequence `needle` occurs contiguously in `hay`.
fn contains(hay: &[u32], needle: &[u32]) -> bool {
    !needle.is_empty()
        && hay.len() >= needle.len()
        && hay.windows(needle.len()).any(|w| w == needle)
}

/// Quotes gathered per speaker: (canonical speaker, groups), speakers by number of quotes.
pub fn who_said_what(groups: &[QuoteGroup]) -> Vec<(String, Vec<&QuoteGroup>)> {
    let mut by: HashMap<&str, Vec<&QuoteGroup>> = HashMap::new();
    for g in groups {
        if let Some(s) = g.speaker.as_deref() {
            by.entry(s).or_default().push(g);
        }
    }
    let mut out: Vec<(String, Vec<&QuoteGroup>)> =
        by.into_iter().map(|(s, v)| (s.to_string(), v)).collect();
    out.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::Rec;

    #[test]
    fn repeated_quotation_is_one_quote() {
        let a = Rec::new(
            "a",
            Some("Wire"),
            Some("2024-03-01"),
            "\"We will not raise prices this year,\" chief executive Priya Nair said.",
        )
        .entity("Priya Nair", "PERSON", &[], Some("chief executive"))
        .quote(
            "We will not raise prices this year,",
            "Priya Nair",
            "Priya Nair",
        );
        let b = Rec::new(
            "b",
            Some("Biz"),
            Some("2024-03-02"),
            "Nair insisted: \"We will NOT raise prices this year.\" Shares rose.",
        )
        .entity("Nair", "PERSON", &[], None)
        .quote("We will NOT raise prices this year.", "Nair", "Nair");
        let c = Rec::new(
            "c",
            Some("Blog"),
            Some("2024-02-28"),
            "Nair said they would \"not raise prices\" and more.",
        )
        .entity("Nair", "PERSON", &[], None)
        .quote("not raise prices", "Nair", "Nair");
        let records = vec![a.0, b.0, c.0];
        let idx = EntityIndex::build(&records);
        let groups = group_quotes(&records, &idx);
        let g = groups
            .iter()
            .find(|g| g.first.article == "a")
            .expect("group");
        assert_eq!(g.speaker.as_deref(), Some("Priya Nair"));
        assert_eq!(g.repetitions.len(), 1);
        assert_eq!(g.repetitions.first().map(|r| r.article.as_str()), Some("b"));
        // A three-word partial quote matches only an identical short quote, not containment.
        assert_eq!(groups.len(), 2, "{groups:?}");
        let who = who_said_what(&groups);
        assert_eq!(
            who.first().map(|w| (w.0.as_str(), w.1.len())),
            Some(("Priya Nair", 2))
        );
    }

    #[test]
    fn a_group_shows_the_words_its_speaker_is_credited_with() {
        let a = Rec::new(
            "a",
            Some("Wire"),
            Some("2024-03-01"),
            "Nair said that the plant in Leeds will close next spring after the audit.",
        )
        .entity("Priya Nair", "PERSON", &[], None)
        .quote(
            "that the plant in Leeds will close next spring",
            "Priya Nair",
            "Priya Nair",
        );
        let b = Rec::new(
            "b",
            Some("Biz"),
            Some("2024-03-02"),
            "Nair told staff that the plant in Leeds will close next spring, Reuters reported.",
        )
        .entity("Reuters", "ORG", &[], None)
        .quote(
            "Nair told staff that the plant in Leeds will close next spring",
            "Reuters",
            "Reuters",
        );
        let records = vec![a.0, b.0];
        let idx = EntityIndex::build(&records);
        let groups = group_quotes(&records, &idx);
        assert_eq!(groups.len(), 1, "{groups:?}");
        let g = &groups[0];
        assert_eq!(g.speaker.as_deref(), Some("Priya Nair"));
        assert_eq!(g.text, "that the plant in Leeds will close next spring");
    }
}
