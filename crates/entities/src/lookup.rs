//! Helpers for later stages (quotes, claims): find the entity behind a span of text.

use storyline_record::{Article, Entity, Span};

/// The entity one of whose mentions overlaps `span` (the first such, in `article.entities`
/// order), e.g. the speaker entity of the span `Lavrov` in "Lavrov said".
pub fn entity_at(article: &Article, span: Span) -> Option<&Entity> {
    mention_at(article, span).map(|(e, _)| e)
}

/// Like [`entity_at`], also giving the overlapping mention's own span.
pub fn mention_at(article: &Article, span: Span) -> Option<(&Entity, Span)> {
    article.entities.iter().find_map(|e| {
        e.mentions
            .iter()
            .find(|m| m.overlaps(span) || (span.is_empty() && m.contains(span)))
            .map(|&m| (e, m))
    })
}

/// Every mention of every entity inside `span`, in text order, with its entity: what a quote
/// stage scans for speaker candidates within a sentence.
pub fn mentions_in(article: &Article, span: Span) -> Vec<(&Entity, Span)> {
    let mut out: Vec<(&Entity, Span)> = article
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |&m| (e, m)))
        .filter(|(_, m)| span.contains(*m))
        .collect();
    out.sort_by_key(|(_, m)| *m);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_record::EntityType;

    fn article() -> Article {
        let mut a = Article::new("t", "");
        a.set_text("Coach Ann Lee said the Rovers won. Lee smiled.".into());
        a.entities.push(Entity {
            name: "Ann Lee".into(),
            kind: EntityType::Person,
            aliases: vec!["Lee".into()],
            role: Some("Coach".into()),
            mentions: vec![Span::new(6, 13), Span::new(35, 38)],
        });
        a
    }

    #[test]
    fn finds_entity_by_overlap() {
        let a = article();
        let lee = a.text.find("Lee smiled").map(|i| Span::new(i, i + 3));
        let e = lee.and_then(|s| entity_at(&a, s)).map(|e| e.name.as_str());
        assert_eq!(e, Some("Ann Lee"));
        assert!(entity_at(&a, Span::new(0, 5)).is_none());
    }

    #[test]
    fn lists_mentions_in_a_sentence() {
        let a = article();
        let got = mentions_in(&a, Span::new(0, 34));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1.slice(&a.text), "Ann Lee");
    }
}
