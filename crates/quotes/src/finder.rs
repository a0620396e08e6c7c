//! The quote pass: pairs marks, keeps speech, attributes each quote, then lends speakers to
//! quotes without a cue of their own (split quotes, runs of quote paragraphs).

use storyline_record::{Entity, Quote, QuoteKind, Span};

use crate::attribution::source::of_quotation;
use crate::attribution::Attribution;
use crate::cues::{cue_after, cues_before, dash_byline, Cue};
use crate::filter::{classify, trimmed, Verdict};
use crate::layout::paragraph_bounds;
use crate::marks::{find_marked, Marked};
use crate::reported::{in_modifier, overlap, resolve_source};
use crate::speaker::{Resolver, Speaker};
use crate::tok::Page;
use crate::tree::Tree;
use crate::words::{pronoun, Pronoun};

/// A kept quote while its speaker is being worked out.
struct Pending {
    mark: Marked,
    kind: QuoteKind,
    speaker: Option<Speaker>,
    /// The local mention the cue attaches to.
    mention: Option<Span>,
    cue: Option<String>,
    /// Attributed by a cue of its own (not lent by a neighbour).
    own: bool,
}

/// Every direct and partial quote of the page, attributed.
pub(crate) fn find_quotes(
    page: Page<'_>,
    tree: &Tree<'_>,
    entities: &[Entity],
    attributions: &[Attribution],
) -> Vec<Quote> {
    let text = page.text;
    let mut kept: Vec<(Marked, Verdict)> = find_marked(text)
        .into_iter()
        .map(|m| (m, classify(page, &m)))
        .filter(|(_, v)| *v != Verdict::Skip)
        .collect();
    kept.sort_by_key(|(m, _)| m.open);
    // Short stretches stay visible to the cue search: `Johnson 'warned' Putin` is a cue.
    let masks: Vec<Span> = kept
        .iter()
        .filter(|(_, v)| matches!(v, Verdict::Keep(_)))
        .map(|(m, _)| Span::new(m.open, m.close))
        .collect();
    // A name inside quoted words, however short, is no one's reporting clause.
    let quoted: Vec<Span> = kept
        .iter()
        .map(|(m, _)| Span::new(m.open, m.close))
        .collect();
    let mut resolver = Resolver::new(text, page.tokens, entities, quoted);
    let mut history: Vec<Speaker> = Vec::new();
    let mut pending: Vec<Pending> = Vec::new();

    for (mark, verdict) in &kept {
        // The parse's source wins when it names an entity; a bare phrase ("the comments") only
        // when the word-window cues find no entity either.
        let byline = dash_byline(page, mark.close).and_then(|cue| {
            let s = resolver.resolve_phrase(&cue.subject, &history)?;
            Some((s, phrase_span(&cue.subject), cue.word))
        });
        let found = match byline {
            Some(b) => Some(b),
            None => match from_parse(page, mark, attributions, &mut resolver, &history) {
                Some(f) if f.0.entity.is_some() => Some(f),
                parsed => match attribute(page, mark, &masks, &mut resolver, &history) {
                    // A place the word window found inside the parse's source phrase is one
                    // of its modifiers ("Britain" in "China's ambassador to Britain").
                    Some(w) if resolver.is_place(&w.0) && within(page, &w, parsed.as_ref()) => {
                        parsed
                    }
                    Some(w) if w.0.entity.is_some() || parsed.is_none() => Some(w),
                    _ => parsed,
                },
            },
        };
        let (kind, needs_cue) = match *verdict {
            Verdict::Keep(k) => (k, false),
            Verdict::NeedsCue(k) => (k, true),
            Verdict::Skip => continue,
        };
        match found {
            Some((speaker, mention, cue)) => {
                history.push(speaker.clone());
                pending.push(Pending {
                    mark: *mark,
                    kind,
                    speaker: Some(speaker),
                    mention,
                    cue,
                    own: true,
                });
            }
            None if needs_cue => {}
            None => {
                let clause = of_clause(page, tree, mark, &mut resolver, &history);
                if let Some((speaker, _, _)) = &clause {
                    history.push(speaker.clone());
                }
                pending.push(Pending {
                    mark: *mark,
                    kind,
                    own: clause.is_some(),
                    mention: clause.as_ref().and_then(|c| c.1),
                    cue: clause.as_ref().and_then(|c| c.2.clone()),
                    speaker: clause.map(|c| c.0),
                })
            }
        }
    }
    lend_speakers(text, &mut pending, &mut resolver, &history);
    pending
        .into_iter()
        .filter_map(|p| {
            let span = trimmed(text, p.mark.inner);
            (!span.is_empty()).then(|| Quote {
                span,
                speaker: p.speaker.as_ref().map(|s| s.name.clone()),
                speaker_span: p.mention,
                speaker_entity: p.speaker.as_ref().and_then(|s| s.entity),
                cue: p.cue,
                kind: p.kind,
            })
        })
        .collect()
}

/// The speaker, local mention and cue of one quote.
type Found = (Speaker, Option<Span>, Option<String>);

/// Whether the mention `found` names lies in a prepositional modifier of the source phrase of
/// `parsed` (see [`in_modifier`]).
fn within(page: Page<'_>, found: &Found, parsed: Option<&Found>) -> bool {
    let (Some(m), Some(phrase)) = (found.1, parsed.and_then(|p| p.1)) else {
        return false;
    };
    phrase.contains(m) && in_modifier(page, phrase, m)
}

/// The speaker of one quote from the parse: the source of the narrowest attribution whose
/// reported content holds most of the quote, else of one whose content is the quote's first
/// sentence (cue before it: `the announcer said, "A. B?"`) or its last (cue after it).
fn from_parse(
    page: Page<'_>,
    mark: &Marked,
    attributions: &[Attribution],
    resolver: &mut Resolver<'_>,
    history: &[Speaker],
) -> Option<Found> {
    let inner = trimmed(page.text, mark.inner);
    if inner.is_empty() {
        return None;
    }
    let a = attributions
        .iter()
        .filter_map(|a| {
            let cue = page.tokens[a.cue_token].span;
            let before = cue.end() <= mark.open;
            // A source inside quoted words is the parse reading them as the cue's subject
            // (`"… trade and Hong Kong," said Jeffrey Halley`).
            let quoted =
                |s: Span| s.start() < mark.close && s.end() > mark.open || resolver.in_quote(s);
            if !(before || cue.start() >= mark.close) || a.source.is_none_or(quoted) {
                return None;
            }
            let o = overlap(a.content, inner);
            let holds = |at: usize| a.content.start() <= at && at < a.content.end();
            let edge = if before {
                holds(inner.start())
            } else {
                holds(inner.end() - 1)
            };
            if 5 * o >= 4 * inner.len() {
                Some((0, a))
            } else if o > 0 && edge && 5 * o >= 4 * a.content.len() {
                Some((1, a))
            } else {
                None
            }
        })
        .min_by_key(|(rank, a)| (*rank, a.content.len()))
        .map(|(_, a)| a)?;
    let source = resolve_source(page, resolver, a.referent.or(a.source)?, history)?;
    Some((source, a.source, Some(a.cue.clone())))
}

/// The speaker of a quotation no cue attributes, from the clause it is part of
/// (`source::of_quotation`). Short stretches inside the writer's sentence never come here:
/// the filter keeps them only with a cue (terms and scare quotes have none).
fn of_clause(
    page: Page<'_>,
    tree: &Tree<'_>,
    mark: &Marked,
    resolver: &mut Resolver<'_>,
    history: &[Speaker],
) -> Option<Found> {
    let inner = trimmed(page.text, mark.inner);
    let lo = page
        .tokens
        .partition_point(|t| t.span.end() <= inner.start());
    let hi = page
        .tokens
        .partition_point(|t| t.span.start() < inner.end());
    // A source inside quoted words is the parse reading them as the clause's subject.
    let span = of_quotation(tree, lo, hi).filter(|&s| !resolver.in_quote(s))?;
    let speaker = resolve_source(page, resolver, span, history)?;
    Some((speaker, Some(span), None))
}

/// The speaker and cue of one quote from its own sentence, if a cue attributes it.
fn attribute(
    page: Page<'_>,
    mark: &Marked,
    masks: &[Span],
    resolver: &mut Resolver<'_>,
    history: &[Speaker],
) -> Option<Found> {
    let text = page.text;
    let inner = trimmed(text, mark.inner).slice(text);
    let ended_sentence = inner.ends_with(['.', '!', '?']);
    if let Some(cue) = cue_after(page, mark.close, ended_sentence) {
        let speaker = resolver
            .resolve_phrase(&cue.subject, history)
            .or_else(|| resolver.description(&cue.subject));
        if let Some(s) = speaker {
            return Some((s, phrase_span(&cue.subject), cue.word));
        }
    }
    let (cues, sentence) = cues_before(page, mark.open, masks, Span::new(mark.open, mark.close));
    if cues.is_empty() {
        return None;
    }
    // "what it called": a bare "it"/"they" defers to a named subject earlier in the sentence.
    let is_vague = |c: &Cue<'_>| {
        c.subject.len() == 1
            && matches!(
                pronoun(&c.subject[0].lower()),
                Some(Pronoun::Neuter | Pronoun::Plural)
            )
    };
    let named = cues
        .iter()
        .skip(1)
        .find(|c| !c.subject.is_empty() && !is_vague(c));
    for cue in &cues {
        let cue = match named {
            Some(n) if is_vague(cue) => n,
            _ => cue,
        };
        if let Some(s) = resolver.resolve_phrase(&cue.subject, history) {
            return Some((s, phrase_span(&cue.subject), cue.word.clone()));
        }
    }
    // A cue without its own subject ("…, but conceded that …"): the clause's opening subject.
    let head_end = text
        .get(sentence.start()..sentence.end())
        .and_then(|s| {
            s.char_indices()
                .filter(|(_, c)| c.is_whitespace())
                .nth(3)
                .map(|(k, _)| sentence.start() + k)
        })
        .unwrap_or(sentence.end());
    let s = resolver.first_mention_in(Span::new(sentence.start(), head_end))?;
    let mention = s.span;
    Some((s, mention, cues[0].word.clone()))
}

/// The span from the first to the last word of a phrase.
fn phrase_span(phrase: &[crate::tok::Tok<'_>]) -> Option<Span> {
    Some(Span::new(
        phrase.first()?.span.start(),
        phrase.last()?.span.end(),
    ))
}

/// Whether only whitespace and at most one paragraph break separate `a` and `b`.
fn adjacent_paragraphs(text: &str, a_end: usize, b_start: usize) -> bool {
    let (_, a_para_end) = paragraph_bounds(text, a_end);
    let (b_para_start, _) = paragraph_bounds(text, b_start);
    a_para_end >= b_para_start
        || text
            .get(a_para_end..b_para_start)
            .is_some_and(|gap| gap.trim().is_empty())
}

/// Gives quotes without a cue the speaker of a neighbour: the next quote of the same paragraph
/// when no sentence of narration stands between (`"X." "Y," she said.`), else the previous quote when it sits in the
/// same or the preceding paragraph (split quotes, runs of quote paragraphs), else the next
/// quote of the same paragraph, else the latest speaker, else the latest person named.
fn lend_speakers(
    text: &str,
    pending: &mut [Pending],
    resolver: &mut Resolver<'_>,
    history: &[Speaker],
) {
    for i in 0..pending.len() {
        if pending[i].own {
            continue;
        }
        let open = pending[i].mark.open;
        let (para_start, para_end) = paragraph_bounds(text, open);
        let next_same = pending
            .get(i + 1)
            .filter(|n| n.own && n.mark.open < para_end && n.mark.open >= para_start);
        // The next quote outranks the previous one (`"X." "Y," she said.`, `"X." After all,
        // he says, "Y."`) unless a sentence of narration stands between: that starts another
        // speaker's turn.
        let narration = |n: &Pending| {
            let gap = text.get(pending[i].mark.close..n.mark.open).unwrap_or("");
            gap.chars().any(char::is_alphanumeric)
                && gap
                    .char_indices()
                    .any(|(k, c)| matches!(c, '.' | '?' | '!') && gap[k + 1..].starts_with(' '))
        };
        let next_adjacent = next_same.filter(|n| !narration(n));
        let lent = |p: &Pending| Some((p.speaker.clone()?, p.mention));
        let prev_near = i
            .checked_sub(1)
            .map(|k| &pending[k])
            .filter(|p| adjacent_paragraphs(text, p.mark.close, open))
            .and_then(lent);
        let latest = history.iter().rev().find(|s| s.at < open).cloned();
        let neighbour = next_adjacent
            .and_then(lent)
            .or(prev_near)
            .or_else(|| next_same.and_then(lent));
        let (speaker, mention) = match neighbour {
            Some((s, m)) => (Some(s), m),
            None => (
                latest
                    .or_else(|| resolver.resolve_pronoun(Pronoun::Male, open, &[]))
                    .or_else(|| resolver.resolve_pronoun(Pronoun::Female, open, &[])),
                None,
            ),
        };
        pending[i].speaker = speaker;
        pending[i].mention = mention;
    }
}

#[cfg(test)]
mod tests;
