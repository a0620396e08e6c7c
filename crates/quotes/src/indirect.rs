//! Reported speech without quotation marks: `X said (that) …`, `X told reporters (that) …`.
//!
//! Precision first: a sentence qualifies only when its cue is a speech verb with a subject that
//! resolves to a named entity (directly or through a pronoun), the reported clause has at least
//! four words, and the sentence holds no quotation (those are attributed as quotes).

use storyline_record::{Entity, Quote, QuoteKind, Span};

use crate::cues::subject_before;
use crate::layout::sentence_end;
use crate::speaker::Resolver;
use crate::tok::{Page, Tok};
use crate::words::is_weekday;

/// Speech verbs that report a clause.
fn reports_clause(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "told"
            | "tells"
            | "warned"
            | "warns"
            | "stressed"
            | "insisted"
            | "noted"
            | "added"
            | "acknowledged"
            | "stated"
            | "declared"
            | "explained"
            | "claimed"
            | "argued"
            | "announced"
            | "admitted"
            | "confirmed"
            | "reiterated"
            | "insists"
            | "argues"
            | "claims"
            | "believes"
            | "conceded"
            | "predicted"
    )
}

/// Words between a cue and its clause that belong to neither ("said on Sunday that").
fn is_cue_adjunct(w: &str) -> bool {
    is_weekday(w)
        || matches!(
            w,
            "on" | "today"
                | "yesterday"
                | "earlier"
                | "later"
                | "late"
                | "last"
                | "this"
                | "week"
                | "month"
                | "again"
                | "also"
                | "repeatedly"
                | "publicly"
                | "that"
        )
}

/// Audiences after "told" that let the clause follow without "that".
fn is_audience(w: &str) -> bool {
    matches!(
        w,
        "reporters"
            | "journalists"
            | "parliament"
            | "lawmakers"
            | "mps"
            | "senators"
            | "investors"
            | "analysts"
            | "fans"
            | "supporters"
            | "staff"
            | "delegates"
    )
}

/// The reported clause after the cue at `toks[c]`, as token indices `[start, end)`.
fn clause_after(toks: &[Tok<'_>], c: usize) -> Option<(usize, usize)> {
    let mut i = c + 1;
    let told = matches!(toks[c].lower().as_str(), "told" | "tells");
    if told {
        // "told reporters", "told Sky News", "told the BBC": the audience, then the clause.
        let limit = (i + 6).min(toks.len());
        let that = (i..limit).find(|&k| toks[k].lower() == "that");
        match that {
            Some(k) => i = k + 1,
            None if toks.get(i).is_some_and(|t| is_audience(&t.lower())) => i += 1,
            None if toks.get(i).is_some_and(Tok::is_capitalized) => {
                while toks.get(i).is_some_and(Tok::is_capitalized) {
                    i += 1;
                }
            }
            None => return None,
        }
    }
    let mut that = told;
    while i < toks.len() && toks[i].word && is_cue_adjunct(&toks[i].lower()) {
        that |= toks[i].lower() == "that";
        i += 1;
    }
    // Other verbs take objects as often as clauses ("warned of a buildup", "acknowledged a
    // build-up"): only "that" shows a clause follows.
    if !that && !matches!(toks[c].lower().as_str(), "said" | "says") {
        return None;
    }
    let mut end = toks.len();
    // Trailing attributions belong to the sentence, not the clause: ", according to Tass".
    if let Some(k) = (i..toks.len())
        .find(|&k| toks[k].text == "," && toks.get(k + 1).is_some_and(|t| t.lower() == "according"))
    {
        end = k;
    }
    while end > i && !toks[end - 1].word {
        end -= 1;
    }
    let words = toks[i..end].iter().filter(|t| t.word).count();
    (words >= 4 && toks.get(i).is_some_and(|t| t.word)).then_some((i, end))
}

/// Indirect quotes of the page, skipping sentences that overlap `quotes`.
pub(crate) fn find_indirect(page: Page<'_>, entities: &[Entity], quotes: &[Quote]) -> Vec<Quote> {
    let text = page.text;
    let mut out = Vec::new();
    let mut resolver = Resolver::new(text, entities, Vec::new());
    let mut para_start = 0;
    for para in text.split('\n') {
        let para_end = para_start + para.len();
        let mut s = para_start;
        while s < para_end {
            let e = sentence_end(text, s, para_end).max(s + 1).min(para_end);
            let sentence = Span::new(s, e);
            let marked = sentence.slice(text).contains(['"', '“', '”', '„', '«']);
            let quoted = quotes.iter().any(|q| q.span.overlaps(sentence));
            if !marked && !quoted {
                if let Some(q) = indirect_in(page, sentence, &mut resolver) {
                    out.push(q);
                }
            }
            s = e;
            while s < para_end && !text.is_char_boundary(s) {
                s += 1;
            }
        }
        para_start = para_end + 1;
    }
    out
}

/// The first qualifying reported clause of one sentence.
fn indirect_in(page: Page<'_>, sentence: Span, resolver: &mut Resolver<'_>) -> Option<Quote> {
    let toks = page.words(sentence.start, sentence.end);
    for c in 0..toks.len() {
        let t = &toks[c];
        if !t.word || !reports_clause(&t.lower()) || t.is_capitalized() {
            continue;
        }
        let subject = subject_before(&toks, c);
        if subject.is_empty() {
            continue;
        }
        let Some(speaker) = resolver.resolve_phrase(&subject, &[]) else {
            continue;
        };
        if speaker.entity.is_none() {
            continue;
        }
        let (a, b) = clause_after(&toks, c)?;
        let span = Span::new(toks[a].span.start, toks[b - 1].span.end);
        return Some(Quote {
            span,
            speaker: Some(speaker.name),
            speaker_span: speaker.span,
            cue: Some(t.text.to_string()),
            kind: QuoteKind::Indirect,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_record::EntityType;

    fn indirect(text: &str, entities: &[Entity], quotes: &[Quote]) -> Vec<Quote> {
        crate::tok::with_page(text, |page| find_indirect(page, entities, quotes))
    }

    fn person(text: &str, name: &str, surface: &[&str]) -> Entity {
        let mentions = surface
            .iter()
            .filter_map(|s| text.find(s).map(|i| Span::new(i, i + s.len())))
            .collect();
        Entity {
            name: name.into(),
            kind: EntityType::Person,
            aliases: vec![],
            role: None,
            mentions,
        }
    }

    #[test]
    fn said_that_and_told_reporters() {
        let text = "Club chairman Tom Reyes said that the stadium would be rebuilt by 2027.\nReyes told reporters the budget had doubled since March.";
        let mut e0 = person(text, "Tom Reyes", &["Tom Reyes", "Reyes told"]);
        e0.mentions[1].end = e0.mentions[1].start + "Reyes".len();
        let found = indirect(text, &[e0], &[]);
        let clauses: Vec<&str> = found.iter().map(|q| q.span.slice(text)).collect();
        assert_eq!(
            clauses,
            [
                "the stadium would be rebuilt by 2027",
                "the budget had doubled since March"
            ]
        );
        assert!(found
            .iter()
            .all(|q| q.speaker.as_deref() == Some("Tom Reyes")));
    }

    #[test]
    fn other_verbs_need_that() {
        let text = "Analysts at Barclays warned of a slowdown in the housing market this year.";
        let e = Entity {
            kind: EntityType::Org,
            ..person(text, "Barclays", &["Barclays"])
        };
        assert!(indirect(text, &[e], &[]).is_empty());
    }

    #[test]
    fn needs_a_named_speaker_and_no_quotes() {
        let text =
            "Some said the road was closed for weeks.\nThe mayor said \"it is fine\" to residents.";
        assert!(indirect(text, &[], &[]).is_empty());
    }
}
