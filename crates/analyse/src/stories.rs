//! Stories: articles about one developing story, grouped without comparing every pair.
//!
//! 1. Near-duplicates and syndicated copies come from MinHash LSH ([`crate::minhash`]) and
//!    always share their original's story.
//! 2. Candidate pairs come from *blocking*: each article posts its few rarest features
//!    (entities, keywords); within a posting list sorted by date, an article meets only its
//!    next few neighbours inside the time window. Candidates are linked when their weighted
//!    feature similarity passes a threshold (single linkage lets a story drift over weeks).
//! 3. Undated articles join the most similar dated article's story, never bridging two.
//! 4. Phases: a story is linked to the most similar *earlier* story (a topic that returns
//!    years later, such as troops on a border in 2014 and 2022) as its earlier phase.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use storyline_record::Record;

use crate::entities::{EntityId, EntityIndex};
use crate::features::{overlap, weighted_jaccard, Features};
use crate::minhash::{near_duplicate_sets, Signature};
use crate::UnionFind;
use storyline_dates::Date;

/// Settings of story clustering; [`StoryBuilder::default`] suits daily news.
#[derive(Debug, Clone)]
pub struct StoryBuilder {
    /// Longest gap in days between two linked articles of one story.
    pub window_days: i32,
    /// Weighted feature similarity at which two articles are one story.
    pub link_threshold: f32,
    /// Estimated shingle Jaccard at which two articles are near-duplicates.
    pub duplicate_threshold: f32,
    /// Link score at which an undated article may join a dated story.
    pub undated_threshold: f32,
    /// Entity-profile overlap at which an earlier story is this one's earlier phase.
    pub phase_threshold: f32,
    /// Features each article posts for blocking (its rarest).
    pub num_blocking_features: usize,
    /// Later neighbours each article meets in a posting list.
    pub num_neighbours: usize,
}

impl Default for StoryBuilder {
    fn default() -> StoryBuilder {
        StoryBuilder {
            // A developing story is reported at least every week or two; longer silences
            // usually mean a new phase.
            window_days: 14,
            link_threshold: 0.3,
            duplicate_threshold: 0.5,
            // Lower than for dated pairs: an undated article joins one story and cannot
            // chain two together, so a weaker match does less harm.
            undated_threshold: 0.2,
            phase_threshold: 0.45,
            num_blocking_features: 8,
            num_neighbours: 6,
        }
    }
}

/// One article of a story.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoryArticle {
    /// Index into the analysed records.
    pub index: usize,
    /// Article id.
    pub id: String,
    /// Outlet, when known.
    pub outlet: Option<String>,
    /// Headline, when known.
    pub title: Option<String>,
    /// Publication date, when known.
    pub published: Option<Date>,
    /// Id of the article this one nearly duplicates (the earliest copy), if any.
    pub duplicate_of: Option<String>,
    /// Whether the duplicate comes from another outlet (a syndicated copy).
    pub syndicated: bool,
}

/// A developing story.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Story {
    /// Short stable id: the first 8 hex digits of its earliest article's id.
    pub id: String,
    /// Articles, by date (undated last).
    pub articles: Vec<StoryArticle>,
    /// First and last publication dates.
    pub start: Option<Date>,
    /// Last publication date.
    pub end: Option<Date>,
    /// Names of its most prominent entities.
    pub top_entities: Vec<String>,
    /// The story this one continues after a long gap (its earlier phase), by id.
    pub earlier_phase: Option<String>,
    /// Phase number within its thread of phases: 1 for the first.
    pub phase: usize,
}

impl Story {
    /// The outlets that carried the story, sorted, each once.
    pub fn outlets(&self) -> Vec<&str> {
        let mut outlets: Vec<&str> = self
            .articles
            .iter()
            .filter_map(|a| a.outlet.as_deref())
            .collect();
        outlets.sort_unstable();
        outlets.dedup();
        outlets
    }
}

/// Stories of a corpus, and which story each article belongs to.
#[derive(Debug, Clone, Default)]
pub struct StorySet {
    /// Stories by start date (undated last).
    pub stories: Vec<Story>,
    /// `story_of[a]` is the index in `stories` of article `a`'s story.
    pub story_of: Vec<usize>,
}

impl StorySet {
    /// The story with this id.
    pub fn get(&self, id: &str) -> Option<&Story> {
        self.stories.iter().find(|s| s.id == id)
    }

    /// The first phase of the thread story `story` belongs to (itself when it has no earlier phase).
    pub fn thread_of(&self, story: usize) -> usize {
        let mut s = story;
        for _ in 0..self.stories.len() {
            let up = self
                .stories
                .get(s)
                .and_then(|x| x.earlier_phase.as_deref())
                .and_then(|id| self.stories.iter().position(|t| t.id == id));
            match up {
                Some(t) => s = t,
                None => break,
            }
        }
        s
    }
}

impl StoryBuilder {
    /// Clusters the records into stories.
    pub fn build(&self, records: &[Record], entities: &EntityIndex) -> StorySet {
        let n = records.len();
        let dates: Vec<Option<Date>> = records
            .iter()
            .map(|r| r.published.as_deref().and_then(Date::parse_iso))
            .collect();
        let features = Features::build(records, entities);
        let sigs: Vec<Option<Signature>> = records
            .iter()
            .map(|r| Signature::of_text(&r.text))
            .collect();
        let mut dups = near_duplicate_sets(&sigs, self.duplicate_threshold);
        let mut uf = UnionFind::new(n);
        for a in 0..n {
            uf.union(a, dups.find_mut(a));
        }
        // Blocking: posting lists of each article's rarest features.
        let mut postings: HashMap<u32, Vec<(i32, u32)>> = HashMap::new();
        let mut undated = Vec::new();
        for a in 0..n {
            for &feat in features.shared(a).iter().take(self.num_blocking_features) {
                let day = dates
                    .get(a)
                    .copied()
                    .flatten()
                    .map_or(i32::MAX, Date::num_days);
                postings.entry(feat).or_default().push((day, a as u32));
            }
            if dates.get(a).copied().flatten().is_none() {
                undated.push(a);
            }
        }
        let mut candidates: Vec<(u32, u32)> = Vec::new();
        for list in postings.values_mut() {
            list.sort_unstable();
            let dated = list.partition_point(|x| x.0 != i32::MAX);
            let dated_list = list.get(..dated).unwrap_or(&[]);
            for (i, &(day, a)) in dated_list.iter().enumerate() {
                for &(d2, b) in dated_list.iter().skip(i + 1).take(self.num_neighbours) {
                    if d2 - day > self.window_days {
                        break;
                    }
                    candidates.push((a, b));
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        for (a, b) in candidates {
            let (a, b) = (a as usize, b as usize);
            if link_score(features.get(a), features.get(b)) >= self.link_threshold {
                uf.union(a, b);
            }
        }
        // Undated articles join the dated story they resemble most: the sum of their link
        // scores with its members (a bigger story that matches as well is the likelier home).
        // They join one story only, so they never bridge two.
        for &a in &undated {
            let mut seen: Vec<usize> = Vec::new();
            let mut by_story: HashMap<usize, f32> = HashMap::new();
            for feat in features.shared(a) {
                let Some(list) = postings.get(feat) else {
                    continue;
                };
                for &(_, b) in list
                    .iter()
                    .rev()
                    .filter(|x| x.0 != i32::MAX)
                    .take(UNDATED_CANDIDATES)
                {
                    let b = b as usize;
                    if seen.contains(&b) || seen.len() >= 4 * UNDATED_CANDIDATES {
                        continue;
                    }
                    seen.push(b);
                    let s = link_score(features.get(a), features.get(b));
                    if s >= self.undated_threshold {
                        *by_story.entry(uf.find_mut(b)).or_default() += s;
                    }
                }
            }
            let best = by_story
                .into_iter()
                .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
            if let Some((root, _)) = best {
                uf.union(a, root);
            }
        }
        let mut set = assemble(records, entities, &dates, &mut uf, &mut dups);
        self.link_phases(&mut set, records, entities);
        set
    }

    /// Links each story to its most similar earlier story, comparing entity profiles only
    /// among stories that share a prominent entity (bounded per entity).
    fn link_phases(&self, set: &mut StorySet, records: &[Record], entities: &EntityIndex) {
        let n = records.len().max(1) as f32;
        // Per story: (entity, idf) for its profile, and (entity, count × idf) to pick the
        // entities it is most about for blocking.
        let mut profiles: Vec<Vec<(u32, f32)>> = Vec::with_capacity(set.stories.len());
        let mut tops: Vec<Vec<u32>> = Vec::with_capacity(set.stories.len());
        for s in &set.stories {
            let mut counts: HashMap<u32, f32> = HashMap::new();
            for a in &s.articles {
                let mut ids = entities
                    .by_article
                    .get(a.index)
                    .cloned()
                    .unwrap_or_default();
                ids.sort_unstable();
                ids.dedup();
                for id in ids {
                    *counts.entry(id.0).or_default() += 1.0;
                }
            }
            let idf = |id: u32| {
                (1.0 + n / entities
                    .get(EntityId(id))
                    .map_or(1, |e| e.articles.len())
                    .max(1) as f32)
                    .ln()
            };
            let mut p: Vec<(u32, f32)> = counts.keys().map(|&id| (id, idf(id))).collect();
            p.sort_by_key(|x| x.0);
            let mut t: Vec<(u32, f32)> = counts
                .into_iter()
                .map(|(id, c)| (id, c * idf(id)))
                .collect();
            t.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            tops.push(
                t.into_iter()
                    .take(self.num_blocking_features)
                    .map(|x| x.0)
                    .collect(),
            );
            profiles.push(p);
        }
        let mut by_entity: HashMap<u32, Vec<usize>> = HashMap::new();
        let mut earlier: Vec<Option<usize>> = vec![None; set.stories.len()];
        for (s, story) in set.stories.iter().enumerate() {
            let Some(start) = story.start else { continue };
            let mut best: Option<(f32, usize)> = None;
            let top = tops.get(s).cloned().unwrap_or_default();
            for e in &top {
                for &t in by_entity
                    .get(e)
                    .map_or(&[][..], Vec::as_slice)
                    .iter()
                    .rev()
                    .take(self.num_neighbours)
                {
                    let gap = set
                        .stories
                        .get(t)
                        .and_then(|x| x.end)
                        .map_or(0, |end| start.num_days() - end.num_days());
                    if gap <= self.window_days {
                        continue;
                    }
                    let sim = overlap(
                        profiles.get(s).map_or(&[], Vec::as_slice),
                        profiles.get(t).map_or(&[], Vec::as_slice),
                    );
                    if sim >= self.phase_threshold && best.is_none_or(|(b, _)| sim > b) {
                        best = Some((sim, t));
                    }
                }
            }
            if let Some(slot) = earlier.get_mut(s) {
                *slot = best.map(|b| b.1);
            }
            for e in top {
                by_entity.entry(e).or_default().push(s);
            }
        }
        for s in 0..set.stories.len() {
            let phase = {
                let mut depth = 1;
                let mut cur = s;
                while let Some(Some(up)) = earlier.get(cur) {
                    depth += 1;
                    cur = *up;
                    if depth > set.stories.len() {
                        break;
                    }
                }
                depth
            };
            let up_id = earlier
                .get(s)
                .copied()
                .flatten()
                .and_then(|t| set.stories.get(t))
                .map(|t| t.id.clone());
            if let Some(story) = set.stories.get_mut(s) {
                story.earlier_phase = up_id;
                story.phase = phase;
            }
        }
    }
}

/// Dated articles per posting list an undated article is compared with.
const UNDATED_CANDIDATES: usize = 32;

/// How strongly two articles share a story: the mean of weighted Jaccard (how much of both
/// they share) and overlap (how much of the smaller one is in the larger), so that a short
/// article about part of a long one still links.
fn link_score(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    (weighted_jaccard(a, b) + overlap(a, b)) / 2.0
}

/// Builds the stories from the union-find groups, ordered by start date.
fn assemble(
    records: &[Record],
    entities: &EntityIndex,
    dates: &[Option<Date>],
    uf: &mut UnionFind,
    dups: &mut UnionFind,
) -> StorySet {
    let n = records.len();
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for a in 0..n {
        groups.entry(uf.find_mut(a)).or_default().push(a);
    }
    let key = |a: &usize| {
        (
            dates
                .get(*a)
                .copied()
                .flatten()
                .map_or(i32::MAX, Date::num_days),
            *a,
        )
    };
    let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
    for g in &mut groups {
        g.sort_by_key(key);
    }
    groups.sort_by_key(|g| g.first().map(key));
    // The original of each duplicate set: its earliest member.
    let mut original: HashMap<usize, usize> = HashMap::new();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(key);
    for &a in &order {
        original.entry(dups.find_mut(a)).or_insert(a);
    }
    let mut set = StorySet {
        stories: Vec::with_capacity(groups.len()),
        story_of: vec![0; n],
    };
    let mut used_ids: HashMap<String, usize> = HashMap::new();
    for (s, g) in groups.iter().enumerate() {
        let mut counts: HashMap<EntityId, usize> = HashMap::new();
        let mut articles = Vec::with_capacity(g.len());
        for &a in g {
            if let Some(slot) = set.story_of.get_mut(a) {
                *slot = s;
            }
            for id in entities.by_article.get(a).map_or(&[][..], Vec::as_slice) {
                *counts.entry(*id).or_default() += 1;
            }
            let r = records.get(a);
            let orig = original.get(&dups.find_mut(a)).copied().filter(|&o| o != a);
            let orig_rec = orig.and_then(|o| records.get(o));
            articles.push(StoryArticle {
                index: a,
                id: r.map(|r| r.id.clone()).unwrap_or_default(),
                outlet: r.and_then(|r| r.outlet.clone()),
                title: r.and_then(|r| r.title.clone()),
                published: dates.get(a).copied().flatten(),
                duplicate_of: orig_rec.map(|o| o.id.clone()),
                syndicated: orig_rec.is_some_and(|o| o.outlet != r.and_then(|r| r.outlet.clone())),
            });
        }
        let mut top: Vec<(usize, EntityId)> = counts.into_iter().map(|(id, c)| (c, id)).collect();
        top.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let base: String = articles
            .first()
            .map(|a| a.id.chars().take(8).collect())
            .unwrap_or_default();
        let seen = used_ids.entry(base.clone()).or_insert(0);
        *seen += 1;
        let id = if *seen > 1 {
            format!("{base}-{seen}")
        } else {
            base
        };
        let dated: Vec<Date> = articles.iter().filter_map(|a| a.published).collect();
        set.stories.push(Story {
            id,
            start: dated.iter().min().copied(),
            end: dated.iter().max().copied(),
            articles,
            top_entities: top
                .iter()
                .take(6)
                .filter_map(|(_, id)| entities.get(*id))
                .map(|e| e.name.clone())
                .collect(),
            earlier_phase: None,
            phase: 1,
        });
    }
    set
}

#[cfg(test)]
#[path = "stories_tests.rs"]
mod tests;
