//! Timelines: dated items (articles, quotes, claims) per story and per entity.
//!
//! An article is dated by its publication; a quote or claim by the date expression of its
//! sentence (outside the quoted words, which may speak of other times), resolved against the
//! publication date, else by the publication date itself.

use serde::{Deserialize, Serialize};
use storyline_record::Record;

use crate::chars::CharText;
use crate::entities::{EntityId, EntityIndex};
use crate::stories::StorySet;
use storyline_dates::DateResolver;
use storyline_dates::{Date, Precision};

/// What a timeline item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    /// An article's publication.
    Article,
    /// A quotation.
    Quote,
    /// A numeric claim.
    Claim,
}

/// One dated item.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TimelineItem {
    /// When it happened or was said; `None` for undated articles.
    pub date: Option<Date>,
    /// How precise the date is.
    pub precision: Precision,
    /// The expression the date was resolved from ("on Friday"); `None` when it is the
    /// publication date.
    pub resolved_from: Option<String>,
    /// Article, quote or claim.
    pub kind: ItemKind,
    /// Story id.
    pub story: String,
    /// Article id.
    pub article: String,
    /// Outlet.
    pub outlet: Option<String>,
    /// Who: the quote's speaker or the claim's claimant.
    pub who: Option<String>,
    /// The headline, quoted words or claim as written.
    pub text: String,
    /// Character span in the article's text (none for articles).
    pub span: Option<[usize; 2]>,
    /// Canonical entities the item involves.
    #[serde(skip)]
    pub entities: Vec<EntityId>,
}

/// Every dated item of the corpus, by date (undated last).
pub fn build_timeline(
    records: &[Record],
    entities: &EntityIndex,
    stories: &StorySet,
) -> Vec<TimelineItem> {
    let resolver = DateResolver::new();
    let mut items = Vec::new();
    for (a, r) in records.iter().enumerate() {
        let published = r.published.as_deref().and_then(Date::parse_iso);
        let story = stories
            .story_of
            .get(a)
            .and_then(|&s| stories.stories.get(s))
            .map(|s| s.id.clone())
            .unwrap_or_default();
        let text = CharText::new(&r.text);
        let mut all: Vec<EntityId> = entities.by_article.get(a).cloned().unwrap_or_default();
        all.sort_unstable();
        all.dedup();
        let base = |kind,
                    who: Option<String>,
                    words: String,
                    span: Option<[usize; 2]>,
                    ents: Vec<EntityId>| TimelineItem {
            date: published,
            precision: Precision::Day,
            resolved_from: None,
            kind,
            story: story.clone(),
            article: r.id.clone(),
            outlet: r.outlet.clone(),
            who,
            text: words,
            span,
            entities: ents,
        };
        let title = r
            .title
            .clone()
            .unwrap_or_else(|| r.text.chars().take(80).collect());
        items.push(base(ItemKind::Article, r.outlet.clone(), title, None, all));
        for q in &r.quotes {
            let anchor = q.speaker_span.unwrap_or(q.span);
            let sentence = sentence_of(r, anchor);
            let context = text.slice(sentence).replace(q.text.as_str(), " ");
            let speaker = q.speaker.as_deref().and_then(|s| entities.resolve(a, s));
            let mut ents = mentioned_in(r, entities, a, sentence);
            ents.extend(speaker);
            let who = speaker
                .and_then(|id| entities.get(id))
                .map(|e| e.name.clone())
                .or_else(|| q.speaker.clone());
            let mut item = base(ItemKind::Quote, who, q.text.clone(), Some(q.span), ents);
            date_item(&mut item, &resolver, &context, published);
            items.push(item);
        }
        for c in &r.claims {
            let sentence = sentence_of(r, c.span);
            let mut ents = mentioned_in(r, entities, a, sentence);
            ents.extend(c.subject.as_deref().and_then(|s| entities.resolve(a, s)));
            let mut item = base(
                ItemKind::Claim,
                c.claimant.clone(),
                c.text.clone(),
                Some(c.span),
                ents,
            );
            // Only words before the figure date the claim: later ones usually say when the
            // counted thing happens ("could invade early next year"), not when it was claimed.
            let before = text.slice([sentence[0], c.span[0].max(sentence[0])]);
            date_item(&mut item, &resolver, before, published);
            items.push(item);
        }
    }
    items.sort_by_key(|x| (x.date.is_none(), x.date));
    items
}

/// The items of one story.
pub fn story_timeline<'i>(items: &'i [TimelineItem], story: &str) -> Vec<&'i TimelineItem> {
    items.iter().filter(|i| i.story == story).collect()
}

/// The items involving one entity.
pub fn entity_timeline(items: &[TimelineItem], entity: EntityId) -> Vec<&TimelineItem> {
    items
        .iter()
        .filter(|i| i.entities.contains(&entity))
        .collect()
}

fn date_item(
    item: &mut TimelineItem,
    resolver: &DateResolver,
    context: &str,
    published: Option<Date>,
) {
    if let Some(r) = published.and_then(|p| resolver.resolve(context, p)) {
        item.date = Some(r.date);
        item.precision = r.precision;
        item.resolved_from = Some(r.expression);
    }
}

/// The sentence holding the start of `span`, else 200 characters around it.
fn sentence_of(r: &Record, span: [usize; 2]) -> [usize; 2] {
    let i = r.sentences.partition_point(|s| s[0] <= span[0]);
    match i.checked_sub(1).and_then(|i| r.sentences.get(i)) {
        Some(s) if s[1] >= span[0] => *s,
        _ => [span[0].saturating_sub(200), span[1].saturating_add(200)],
    }
}

/// Canonical entities with a mention inside `sentence`.
fn mentioned_in(
    r: &Record,
    entities: &EntityIndex,
    a: usize,
    sentence: [usize; 2],
) -> Vec<EntityId> {
    r.entities
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.mentions
                .iter()
                .any(|m| m[0] < sentence[1] && sentence[0] < m[1])
        })
        .filter_map(|(i, _)| entities.of_record_entity(a, i))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stories::StoryBuilder;
    use crate::testutil::Rec;

    #[test]
    fn quotes_and_claims_get_resolved_dates() {
        // 2024-05-10 was a Friday.
        let r = Rec::new("a", Some("Gazette"), Some("2024-05-10"), "Coach Lena Brandt said on Tuesday that \"we play to win on Saturday\". Last week the club sold 12,000 tickets.")
            .entity("Lena Brandt", "PERSON", &["Brandt"], Some("Coach"))
            .quote("we play to win on Saturday", "Lena Brandt", "Lena Brandt")
            .claim(12000.0, "tickets", Some("club"), None, None, None, "12,000 tickets");
        let records = vec![r.0];
        let idx = EntityIndex::build(&records);
        let stories = StoryBuilder::default().build(&records, &idx);
        let items = build_timeline(&records, &idx, &stories);
        assert_eq!(items.len(), 3);
        let quote = items
            .iter()
            .find(|i| i.kind == ItemKind::Quote)
            .expect("quote");
        // The Saturday inside the quotation is not when it was said.
        assert_eq!(
            quote.date.map(|d| d.to_string()).as_deref(),
            Some("2024-05-07")
        );
        assert_eq!(quote.resolved_from.as_deref(), Some("on Tuesday"));
        let claim = items
            .iter()
            .find(|i| i.kind == ItemKind::Claim)
            .expect("claim");
        assert_eq!(
            (claim.date.map(|d| d.to_string()), claim.precision),
            (Some("2024-04-29".into()), Precision::Week)
        );
        let brandt = idx.find("Brandt").expect("entity");
        assert_eq!(entity_timeline(&items, brandt).len(), 2);
        let id = stories
            .stories
            .first()
            .map(|s| s.id.clone())
            .unwrap_or_default();
        assert_eq!(story_timeline(&items, &id).len(), 3);
    }
}
