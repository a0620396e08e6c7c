//! The JSONL contract: one [`Record`] per article, spans as character offsets.

use serde::{Deserialize, Serialize};

use crate::{Article, CharMap, Quote, RecordFraming, Span, Tone};

/// The article record as written by `storyline extract --format jsonl`, one object per line.
///
/// Field names are the contract (`../shared/SPEC.md`): fields may be added, none renamed.
/// Every span is `[start, end]` in characters (Unicode scalar values): into `text` for
/// `paragraphs`, `sentences`, `entities`, `quotes`, `claims`, `events` and `framing`; into the decoded
/// source document for `removed`, whose entries are `[start, end, reason]`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Record {
    /// Stable id: hash of the normalised body.
    pub id: String,
    /// Path, URL or `FILE:LINE` the article was read from.
    pub source: String,
    /// Publisher.
    pub outlet: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// ISO 8601 date, with time and zone when known.
    pub published: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// Language code.
    pub language: Option<String>,
    /// Article URL when known.
    #[serde(default)]
    pub url: Option<String>,
    /// The cleaned body.
    pub text: String,
    /// What cleaning removed from the source, and why.
    pub removed: Vec<(usize, usize, String)>,
    /// Paragraph spans.
    #[serde(default)]
    pub paragraphs: Vec<[usize; 2]>,
    /// Sentence spans.
    #[serde(default)]
    pub sentences: Vec<[usize; 2]>,
    /// Entities.
    pub entities: Vec<RecordEntity>,
    /// Quotations: in marks (kind `direct`, `partial`) and reported speech or thought (kind
    /// `indirect`, content = the reported clause), in text order.
    pub quotes: Vec<RecordQuote>,
    /// Numeric claims.
    pub claims: Vec<RecordClaim>,
    /// Events.
    pub events: Vec<RecordEvent>,
    /// Framing markers: scare quotes, distancing labels, hedges, loaded terms.
    #[serde(default)]
    pub framing: Vec<RecordFraming>,
    /// Document tone (GDELT's positive minus negative word share).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tone: Option<Tone>,
}

/// An entity in the record.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RecordEntity {
    /// Canonical name.
    pub name: String,
    /// `PERSON`, `ORG` or `PLACE`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Other names used.
    pub aliases: Vec<String>,
    /// Title or role.
    pub role: Option<String>,
    /// Mention spans.
    pub mentions: Vec<[usize; 2]>,
}

/// A quote in the record.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RecordQuote {
    /// The quoted words.
    pub text: String,
    /// Their span.
    pub span: [usize; 2],
    /// Speaker's canonical name.
    pub speaker: Option<String>,
    /// Span of the local mention the cue attaches to ("he", "the spokesman").
    pub speaker_span: Option<[usize; 2]>,
    /// Index in `entities` of the speaker, when it resolves to one.
    #[serde(default)]
    pub speaker_entity: Option<usize>,
    /// Attribution cue.
    pub cue: Option<String>,
    /// `direct`, `partial` or `indirect`.
    pub kind: String,
}

/// A numeric claim in the record.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RecordClaim {
    /// Normalised value.
    pub value: f64,
    /// Unit.
    pub unit: Option<String>,
    /// Counted noun phrase.
    pub noun: String,
    /// What it is about.
    pub subject: Option<String>,
    /// Where.
    pub place: Option<String>,
    /// Hedge word.
    pub hedge: Option<String>,
    /// Who claims it.
    pub claimant: Option<String>,
    /// The claim as written.
    pub text: String,
    /// Its span.
    pub span: [usize; 2],
    /// A vague quantity ("hundreds of people"): `value` is its lower bound.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub vague: bool,
    /// Upper bound of a range or vague quantity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
}

/// An event in the record (see [`crate::Event`] for the actor-code convention).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RecordEvent {
    /// Acting entity.
    pub source: Option<String>,
    /// Acting entity's code (`RUSGOV`, `IGONATO`).
    #[serde(default)]
    pub source_actor: Option<String>,
    /// PLOVER type.
    pub action: String,
    /// PLOVER mode.
    #[serde(default)]
    pub mode: Option<String>,
    /// CAMEO code.
    #[serde(default)]
    pub cameo: Option<String>,
    /// Target entity.
    pub target: Option<String>,
    /// Target entity's code.
    #[serde(default)]
    pub target_actor: Option<String>,
    /// Denied.
    pub negated: bool,
    /// Conditional, future or proposed.
    pub hypothetical: bool,
    /// ISO date of the event.
    #[serde(default)]
    pub date: Option<String>,
    /// Where it happened.
    #[serde(default)]
    pub place: Option<String>,
    /// Sentence span.
    pub span: [usize; 2],
    /// Trigger span.
    #[serde(default)]
    pub trigger: Option<[usize; 2]>,
}

impl Record {
    /// Converts an article, turning byte spans into character spans.
    pub fn from_article(a: &Article) -> Record {
        let text_map = CharMap::new(&a.text);
        let raw_map = CharMap::new(&a.raw);
        let span = |s: Span| {
            [
                text_map.char_offset(s.start()),
                text_map.char_offset(s.end()),
            ]
        };
        let spans = |v: &[Span]| v.iter().map(|&s| span(s)).collect::<Vec<_>>();
        let quote = |q: &Quote| RecordQuote {
            text: q.span.slice(&a.text).to_string(),
            span: span(q.span),
            speaker: q.speaker.clone(),
            speaker_span: q.speaker_span.map(span),
            speaker_entity: q.speaker_entity,
            cue: q.cue.clone(),
            kind: q.kind.as_str().to_string(),
        };
        Record {
            id: a.id.to_string(),
            source: a.source.clone(),
            outlet: a.meta.outlet.clone(),
            title: a.meta.title.clone(),
            published: a.meta.published.clone(),
            author: a.meta.author.clone(),
            language: a.meta.language.clone(),
            url: a.meta.url.clone(),
            text: a.text.clone(),
            removed: a
                .removed
                .iter()
                .map(|r| {
                    (
                        raw_map.char_offset(r.span.start()),
                        raw_map.char_offset(r.span.end()),
                        r.reason.as_str().to_string(),
                    )
                })
                .collect(),
            paragraphs: spans(&a.paragraphs),
            sentences: spans(&a.sentences),
            entities: a
                .entities
                .iter()
                .map(|e| RecordEntity {
                    name: e.name.clone(),
                    kind: e.kind.as_str().to_string(),
                    aliases: e.aliases.clone(),
                    role: e.role.clone(),
                    mentions: spans(&e.mentions),
                })
                .collect(),
            quotes: a.quotes.iter().map(&quote).collect(),
            claims: a
                .claims
                .iter()
                .map(|c| RecordClaim {
                    value: c.value,
                    unit: c.unit.clone(),
                    noun: c.noun.clone(),
                    subject: c.subject.clone(),
                    place: c.place.clone(),
                    hedge: c.hedge.clone(),
                    claimant: c.claimant.clone(),
                    text: c.span.slice(&a.text).to_string(),
                    span: span(c.span),
                    vague: c.vague,
                    upper: c.upper,
                })
                .collect(),
            events: a
                .events
                .iter()
                .map(|e| RecordEvent {
                    source: e.source.clone(),
                    source_actor: e.source_actor.clone(),
                    action: e.action.clone(),
                    mode: e.mode.clone(),
                    cameo: e.cameo.clone(),
                    target: e.target.clone(),
                    target_actor: e.target_actor.clone(),
                    negated: e.negated,
                    hypothetical: e.hypothetical,
                    date: e.date.clone(),
                    place: e.place.clone(),
                    span: span(e.span),
                    trigger: Some(span(e.trigger)),
                })
                .collect(),
            framing: a
                .framing
                .iter()
                .map(|f| RecordFraming {
                    kind: f.kind.as_str().to_string(),
                    text: f.span.slice(&a.text).to_string(),
                    span: span(f.span),
                    term: f.term.clone(),
                    category: f.category.clone(),
                    voice: f.voice.as_str().to_string(),
                    speaker: f.speaker.clone(),
                })
                .collect(),
            tone: a.tone,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Entity, EntityType, Removal, RemovalReason};

    #[test]
    fn spans_become_character_offsets() {
        let mut a = Article::new("t.txt", "Menu\n“Kyiv” is calm.");
        a.set_text("“Kyiv” is calm.".into());
        a.removed.push(Removal {
            span: Span::new(0, 5),
            reason: RemovalReason::Navigation,
        });
        let kyiv = Span::new("“".len(), "“Kyiv".len());
        a.entities.push(Entity {
            name: "Kyiv".into(),
            kind: EntityType::Place,
            aliases: vec![],
            role: None,
            mentions: vec![kyiv],
        });
        let r = Record::from_article(&a);
        assert_eq!(r.entities[0].mentions, vec![[1, 5]]);
        let chars: Vec<char> = r.text.chars().collect();
        assert_eq!(chars[1..5].iter().collect::<String>(), "Kyiv");
        assert_eq!(r.removed, vec![(0, 5, "navigation".to_string())]);
        let json = serde_json::to_string(&r).expect("serialises");
        assert!(json.contains("\"type\":\"PLACE\""));
        let back: Record = serde_json::from_str(&json).expect("round trip");
        assert_eq!(back, r);
    }
}
