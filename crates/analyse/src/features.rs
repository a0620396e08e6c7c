//! What an article is about, as weighted features for story clustering: its canonical entities
//! and its most distinctive words, each weighted by inverse document frequency so that
//! "Russia" in every article counts less than "Lavrov" in two.

use std::collections::HashMap;

use storyline_lexicon::is_story_keyword;
use storyline_record::Record;

use crate::chars::words;
use crate::entities::EntityIndex;

/// Distinctive words kept per article: enough to tell two stories about the same people apart
/// by their wording, few enough to keep blocking cheap.
const NUM_KEYWORDS: usize = 12;
/// Words count half as much as entities: they are noisier evidence of a shared story.
const KEYWORD_WEIGHT: f32 = 0.5;

/// Sorted `(feature, weight)` pairs of each article; entity features come first in id order.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// Per article, ascending by feature id.
    pub of_article: Vec<Vec<(u32, f32)>>,
    /// Per article, its features shared with at least one other article, rarest first: only
    /// these can link two articles, so only these are posted for blocking.
    pub shared: Vec<Vec<u32>>,
}

impl Features {
    /// Computes every article's features.
    pub fn build(records: &[Record], entities: &EntityIndex) -> Features {
        let n = records.len().max(1) as f32;
        let entity_offset = entities.entities.len() as u32;
        // Document frequency of words, counting each article once.
        let mut word_ids: HashMap<String, u32> = HashMap::new();
        let mut word_df: Vec<u32> = Vec::new();
        let mut doc_words: Vec<Vec<(u32, u32)>> = Vec::with_capacity(records.len());
        for r in records {
            let mut tf: HashMap<u32, u32> = HashMap::new();
            for w in words(&r.text).filter(|w| is_story_keyword(w)) {
                let next = word_ids.len() as u32;
                let id = *word_ids.entry(w).or_insert(next);
                if id == next {
                    word_df.push(0);
                }
                *tf.entry(id).or_default() += 1;
            }
            for id in tf.keys() {
                if let Some(df) = word_df.get_mut(*id as usize) {
                    *df += 1;
                }
            }
            doc_words.push(tf.into_iter().collect());
        }
        let idf = |df: usize| (1.0 + n / df.max(1) as f32).ln();
        let mut of_article = Vec::with_capacity(records.len());
        let mut shared = Vec::with_capacity(records.len());
        for (a, tf) in doc_words.into_iter().enumerate() {
            let mut feats: Vec<(u32, f32)> = entities
                .by_article
                .get(a)
                .map(|ids| {
                    ids.iter()
                        .map(|id| (id.0, idf(entities.get(*id).map_or(1, |e| e.articles.len()))))
                        .collect()
                })
                .unwrap_or_default();
            feats.sort_by_key(|f| f.0);
            feats.dedup_by_key(|f| f.0);
            // Keywords: most distinctive words that occur at least twice here and in at least
            // one other article (a word in one article only cannot link two).
            let mut kw: Vec<(u32, f32)> = tf
                .into_iter()
                .filter_map(|(id, count)| {
                    let df = *word_df.get(id as usize)? as usize;
                    (count >= 2 && df >= 2).then(|| (id + entity_offset, count as f32 * idf(df)))
                })
                .collect();
            kw.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            kw.truncate(NUM_KEYWORDS);
            let mut kw: Vec<(u32, f32)> = kw
                .into_iter()
                .map(|(id, _)| {
                    let df = word_df
                        .get((id - entity_offset) as usize)
                        .copied()
                        .unwrap_or(1) as usize;
                    (id, KEYWORD_WEIGHT * idf(df))
                })
                .collect();
            kw.sort_by_key(|f| f.0);
            feats.extend(kw);
            let single = idf(1) * 0.999;
            let mut rare: Vec<(u32, f32)> = feats
                .iter()
                .filter(|f| {
                    if f.0 < entity_offset {
                        f.1 < single
                    } else {
                        true
                    }
                })
                .map(|f| {
                    (
                        f.0,
                        if f.0 < entity_offset {
                            f.1
                        } else {
                            f.1 / KEYWORD_WEIGHT
                        },
                    )
                })
                .collect();
            rare.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            shared.push(rare.into_iter().map(|f| f.0).collect());
            of_article.push(feats);
        }
        Features { of_article, shared }
    }

    /// Article `a`'s features shared with other articles, rarest first.
    pub fn shared(&self, a: usize) -> &[u32] {
        self.shared.get(a).map_or(&[], Vec::as_slice)
    }

    /// The features of article `a`.
    pub fn get(&self, a: usize) -> &[(u32, f32)] {
        self.of_article.get(a).map_or(&[], Vec::as_slice)
    }
}

/// Weighted Jaccard of two sorted feature lists: shared weight over the weight of either.
pub fn weighted_jaccard(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (shared, total) = merge(a, b);
    if total <= 0.0 {
        0.0
    } else {
        shared / total
    }
}

/// Shared weight over the weight of the lighter list: whether the smaller is about the larger.
pub fn overlap(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (shared, _) = merge(a, b);
    let wa: f32 = a.iter().map(|f| f.1).sum();
    let wb: f32 = b.iter().map(|f| f.1).sum();
    let smaller = wa.min(wb);
    if smaller <= 0.0 {
        0.0
    } else {
        shared / smaller
    }
}

/// (weight of shared features, weight of all features) of two sorted lists.
fn merge(a: &[(u32, f32)], b: &[(u32, f32)]) -> (f32, f32) {
    let (mut i, mut j, mut shared, mut total) = (0, 0, 0.0, 0.0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.0.cmp(&y.0) {
            std::cmp::Ordering::Less => {
                total += x.1;
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                total += y.1;
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                shared += x.1.min(y.1);
                total += x.1.max(y.1);
                i += 1;
                j += 1;
            }
        }
    }
    total +=
        a.iter().skip(i).map(|f| f.1).sum::<f32>() + b.iter().skip(j).map(|f| f.1).sum::<f32>();
    (shared, total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_measures() {
        let a = [(1, 1.0), (2, 1.0), (5, 2.0)];
        let b = [(2, 1.0), (5, 2.0), (9, 1.0)];
        assert!((weighted_jaccard(&a, &b) - 0.6).abs() < 1e-6);
        assert!((overlap(&a, &b) - 0.75).abs() < 1e-6);
        assert_eq!(weighted_jaccard(&[], &b), 0.0);
        assert!((overlap(&a[1..], &b) - 1.0).abs() < 1e-6);
    }
}
