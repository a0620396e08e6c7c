//! Speaker labels: a paragraph that opens with a name and a colon gives that speaker's words.
//!
//! - Turns of a transcript: `WALLACE: Let's start with …`, `"PENCE: Well, look, …` (a label
//!   in capitals; the article may quote each turn with an opening quotation mark). The label
//!   names a person of the article (`PENCE` → Mike Pence), or it opens two turns or more of a
//!   transcript of two labels or more.
//! - Headline attributions: `Pence: Gennifer Flowers won't be at debate` (a label in title case
//!   that names a person or organisation of the article, on the text's first paragraph when
//!   it is short: the headline).
//!
//! A label that is a place (`NEW DELHI: The government …`, a dateline) or names nothing
//! (`UPDATE:`, `Poll:`) gives nothing, nor does a label before words without a verb (`Portion
//! Fix Containers: 1 Green, 1 Red, 1 tsp.`). The words after the colon, to the paragraph's end, are
//! the quote: `direct` when the paragraph opens with a quotation mark or the label is a
//! transcript's, else `indirect` (a headline's paraphrase); the cue is the colon.

use std::collections::HashMap;

use storyline_lexicon::Lexicon;
use storyline_record::{Entity, EntityType, Quote, QuoteKind, Span, Token, Upos};

use crate::attribution::is_quote_mark;

/// How a labelled quote was found (`Candidate::via`): the judge does not weigh it.
pub(crate) const VIA: &str = "label";

/// Words of a label at most ("MR. TRUMP", "Pat Caddell").
const LABEL_WORDS: usize = 3;
/// Words a headline paragraph has at most.
const HEADLINE_WORDS: usize = 30;
/// Words that must follow the colon.
const MIN_CONTENT_WORDS: usize = 3;

/// One labelled paragraph.
struct Turn {
    label: Span,
    content: Span,
    /// The label is in capitals.
    caps: bool,
    /// The paragraph opens with a quotation mark.
    quoted: bool,
    /// Words in the paragraph.
    words: usize,
    /// The paragraph is the text's first (its headline, where one was kept).
    first: bool,
    /// The content holds a verb: a clause, not a list ("1 Green, 1 Red, 1 tsp.").
    clause: bool,
}

/// The quotes of the article's labelled paragraphs, leaving out those whose words a quote of
/// `found` already covers.
pub(crate) fn label_quotes(
    text: &str,
    tokens: &[Token],
    entities: &[Entity],
    found: &[Quote],
) -> Vec<Quote> {
    let turns: Vec<Turn> = tokens
        .chunk_by(|a, b| a.paragraph == b.paragraph)
        .filter_map(|p| turn(text, p))
        .collect();
    let lex = Lexicon::get();
    let place = |label: &str| lex.place(label).is_some() || lex.place_folded(label).is_some();
    // Labels in capitals that are no place, each with how many turns it opens.
    let mut labels: HashMap<&str, usize> = HashMap::new();
    for t in turns.iter().filter(|t| t.caps) {
        let label = t.label.slice(text);
        if !place(label) {
            *labels.entry(label).or_default() += 1;
        }
    }
    // A transcript: two labels or more, and one opening two turns or more.
    let transcript = labels.len() >= 2 && labels.values().any(|&n| n >= 2);
    let repeated = |label: &str| labels.get(label).is_some_and(|&n| n >= 2);
    // The quotes already found, by start, swept once along the turns (which follow each
    // other): `active` holds those that may still overlap the current turn.
    let mut spans: Vec<Span> = found.iter().map(|q| q.span).collect();
    spans.sort_unstable_by_key(|s| s.start());
    let (mut next, mut active) = (0, Vec::new());
    let mut out = Vec::new();
    for t in &turns {
        while next < spans.len() && spans[next].start() < t.content.end() {
            active.push(spans[next]);
            next += 1;
        }
        active.retain(|s: &Span| s.end() > t.content.start());
        let label = t.label.slice(text);
        if place(label) {
            continue;
        }
        let entity = speaker_entity(text, entities, t.label, t.caps);
        let person = entity.is_some_and(|e| entities[e].kind == EntityType::Person);
        let turn_of_transcript = t.caps && transcript && repeated(label);
        let spoken = if t.caps {
            person || turn_of_transcript
        } else {
            entity.is_some() && t.first && t.words <= HEADLINE_WORDS
        };
        if !spoken || !t.clause {
            continue;
        }
        // A quotation that holds the label too is the transcript quoted whole: the turns
        // replace it (`within_turns`).
        let covered = active
            .iter()
            .any(|&q| !q.contains(t.label) && 2 * overlap(q, t.content) >= t.content.len());
        if covered {
            continue;
        }
        let speaker = match entity {
            Some(e) => entities[e].name.clone(),
            None => title_case(label),
        };
        out.push(Quote {
            span: t.content,
            speaker: Some(speaker),
            speaker_span: Some(t.label),
            speaker_entity: entity,
            cue: Some(":".to_string()),
            kind: if t.caps || t.quoted {
                QuoteKind::Direct
            } else {
                QuoteKind::Indirect
            },
        });
    }
    out
}

/// Whether quote `q` holds the label of one of the `labelled` quotes (in text order, as
/// [`label_quotes`] gives them): a quotation of the transcript's turns read as one, which the
/// turns replace. Labels do not overlap, so the first starting inside `q` decides.
pub(crate) fn within_turns(q: &Quote, labelled: &[Quote]) -> bool {
    let label = |l: &Quote| l.speaker_span.unwrap_or(l.span);
    let k = labelled.partition_point(|l| label(l).start() < q.span.start());
    labelled.get(k).is_some_and(|l| q.span.contains(label(l)))
}

/// The label and content of one paragraph's tokens, when it opens with a label: at most
/// [`LABEL_WORDS`] capitalised words (after an opening quotation mark), a colon, then
/// [`MIN_CONTENT_WORDS`] words or more.
fn turn(text: &str, para: &[Token]) -> Option<Turn> {
    let quoted = para
        .first()
        .is_some_and(|t| is_quote_mark(t.span.slice(text)));
    let body = &para[usize::from(quoted)..];
    let colon = body
        .iter()
        .take(LABEL_WORDS + 2)
        .position(|t| t.span.slice(text) == ":")?;
    let label = &body[..colon];
    let words = |ts: &[Token]| {
        ts.iter()
            .filter(|t| t.span.slice(text).chars().any(char::is_alphanumeric))
            .count()
    };
    let label_words = words(label);
    if label_words == 0
        || label_words > LABEL_WORDS
        || !label.iter().all(|t| {
            let w = t.span.slice(text);
            w.starts_with(char::is_uppercase) || w == "."
        })
    {
        return None;
    }
    let rest = &body[colon + 1..];
    let mut end = rest.len();
    while end > 0 && is_quote_mark(rest[end - 1].span.slice(text)) {
        end -= 1;
    }
    let rest = &rest[..end];
    if words(rest) < MIN_CONTENT_WORDS {
        return None;
    }
    let label = Span::new(label[0].span.start(), label[label.len() - 1].span.end());
    let caps = label
        .slice(text)
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && label
            .slice(text)
            .chars()
            .filter(|c| c.is_alphabetic())
            .count()
            >= 2;
    Some(Turn {
        label,
        content: Span::new(rest[0].span.start(), rest[rest.len() - 1].span.end()),
        caps,
        quoted,
        words: words(para),
        first: para[0].paragraph == 0,
        clause: rest
            .iter()
            .any(|t| matches!(t.upos, Upos::Verb | Upos::Aux)),
    })
}

/// The person or organisation of `entities` the label names: one with a mention at the
/// label; for a label in capitals, which the entities stage may have read as something else,
/// rather the one person whose name ends on the label's last word ("WALLACE" → Chris
/// Wallace).
fn speaker_entity(text: &str, entities: &[Entity], label: Span, caps: bool) -> Option<usize> {
    let speaks = |e: &Entity| matches!(e.kind, EntityType::Person | EntityType::Org);
    let at_label = entities
        .iter()
        .position(|e| e.mentions.iter().any(|m| m.overlaps(label)))
        .filter(|&k| speaks(&entities[k]));
    if !caps || at_label.is_some_and(|k| entities[k].kind == EntityType::Person) {
        return at_label;
    }
    person_by_surname(text, entities, label).or(at_label)
}

/// The one person of `entities` whose name ends on the last word of `label`, whatever its
/// case.
fn person_by_surname(text: &str, entities: &[Entity], label: Span) -> Option<usize> {
    let last = label.slice(text).rsplit(' ').next()?;
    let mut named = entities.iter().enumerate().filter(|(_, e)| {
        e.kind == EntityType::Person
            && std::iter::once(&e.name).chain(&e.aliases).any(|n| {
                n.rsplit(' ')
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case(last))
            })
    });
    match (named.next(), named.next()) {
        (Some((k, _)), None) => Some(k),
        _ => None,
    }
}

/// Characters two spans share.
fn overlap(a: Span, b: Span) -> usize {
    a.end()
        .min(b.end())
        .saturating_sub(a.start().max(b.start()))
}

/// "MR. TRUMP" → "Mr. Trump".
fn title_case(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut start = true;
    for c in label.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_record::Article;

    /// (speaker, kind, content) of the labelled paragraphs of `text`.
    fn run(text: &str) -> Vec<(String, QuoteKind, String)> {
        let mut a = Article::new("x", "");
        a.set_text(text.into());
        storyline_segment::Segmenter::new().annotate(&mut a);
        storyline_syntax::SyntaxAnnotator::new().annotate(&mut a);
        storyline_entities::EntityRecognizer::new().annotate(&mut a);
        label_quotes(&a.text, &a.tokens, &a.entities, &[])
            .into_iter()
            .map(|q| {
                (
                    q.speaker.unwrap_or_default(),
                    q.kind,
                    q.span.slice(text).to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn transcript_turns_name_their_speakers() {
        let r = run(
            "Governor Mike Pence spoke to host Chris Wallace on Sunday.\n\n\
                     \"WALLACE: Let's start with the news of the week.\n\n\
                     \"PENCE: Well, look, the campaign is doing fine.",
        );
        assert_eq!(
            r,
            [
                (
                    "Chris Wallace".to_string(),
                    QuoteKind::Direct,
                    "Let's start with the news of the week.".to_string()
                ),
                (
                    "Mike Pence".to_string(),
                    QuoteKind::Direct,
                    "Well, look, the campaign is doing fine.".to_string()
                ),
            ]
        );
    }

    #[test]
    fn a_headline_label_names_a_person_of_the_article() {
        let r = run("Sanders: Clinton needs to change course.\n\n\
                     Senator Bernie Sanders said on Sunday that the race was close.");
        assert_eq!(
            r,
            [(
                "Bernie Sanders".to_string(),
                QuoteKind::Indirect,
                "Clinton needs to change course.".to_string()
            )]
        );
    }

    #[test]
    fn datelines_page_labels_and_lists_are_no_speakers() {
        let r = run(
            "NEW DELHI: The government said on Monday that rates would rise.\n\n\
                     UPDATE: This story has been changed since it was first published.\n\n\
                     Poll: Voters are split on the plan.\n\n\
                     FTC: We use affiliate links on this page.\n\n\
                     Greenfield Kitchen Containers: 1 Green, 1 Red, 1 Yellow, 1 tsp.",
        );
        assert!(r.is_empty(), "{r:?}");
    }
}
