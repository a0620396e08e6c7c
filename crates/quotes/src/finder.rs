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
mod tests {
    use super::*;
    use storyline_record::EntityType;

    /// An entity whose mentions are every occurrence of each surface form.
    fn entity(text: &str, name: &str, kind: EntityType, surfaces: &[&str]) -> Entity {
        let mut mentions: Vec<Span> = surfaces
            .iter()
            .flat_map(|s| {
                text.match_indices(s)
                    .map(|(i, _)| Span::new(i, i + s.len()))
            })
            .collect();
        mentions.sort_by_key(|m| m.start());
        mentions.dedup_by(|b, a| a.contains(*b));
        Entity {
            name: name.into(),
            kind,
            aliases: surfaces.iter().map(|s| s.to_string()).collect(),
            role: None,
            mentions,
        }
    }

    fn quotes(text: &str, entities: &[Entity]) -> Vec<Quote> {
        crate::tok::with_page(text, |page| {
            find_quotes(page, &Tree::new(page.tokens, text), entities, &[])
        })
    }

    fn run(text: &str, entities: &[Entity]) -> Vec<(String, String, QuoteKind)> {
        quotes(text, entities)
            .into_iter()
            .map(|q| {
                (
                    q.span.slice(text).to_string(),
                    q.speaker.unwrap_or_default(),
                    q.kind,
                )
            })
            .collect()
    }

    /// The quotes of `text` with the shipped models' parse.
    fn parsed_quotes(text: &str) -> Vec<(String, Option<String>)> {
        let a = crate::attribution::testing::parsed(text);
        let page = Page {
            text,
            tokens: &a.tokens,
        };
        find_quotes(page, &Tree::new(&a.tokens, text), &[], &[])
            .into_iter()
            .map(|q| (q.span.slice(text).to_string(), q.speaker))
            .collect()
    }

    #[test]
    fn a_description_after_a_postposed_cue_speaks() {
        let q = parsed_quotes("“Rents will keep rising,” says a narrator in the advert.");
        assert_eq!(q[0].1.as_deref(), Some("a narrator"));
        let q = parsed_quotes("“The bridge must close,” the inspection report said.");
        assert_eq!(q[0].1.as_deref(), Some("the inspection report"));
        // A phrase the cue window cuts before its noun names no one.
        let q =
            parsed_quotes("“The bridge must close,” wrote the authors of the “Safer Roads” study.");
        assert_ne!(q[0].1.as_deref(), Some("the authors of the"));
    }

    #[test]
    fn a_quotation_without_a_cue_is_its_clause_subjects() {
        let q = parsed_quotes(
            "Moore thanked the president for “stepping up and taking action when Congress won't.”",
        );
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].1.as_deref(), Some("Moore"));
        // The parse may read the first quotation's words as the subject the second hangs
        // from: quoted words are no one's source.
        let q = parsed_quotes(
            "\"We all miss Steve so much,\" Benioff weighed in, telling Cook, \"since he passed, you have been so true to him and his values.\"",
        );
        assert!(q.iter().all(|(_, s)| s.as_deref() != Some("We")), "{q:?}");
    }

    #[test]
    fn a_run_in_head_is_no_part_of_the_cue_sentence() {
        let text = "The senator asked Dr. Oz to testify.\n\nCONGRESS HAS INVESTIGATED HIM — Oz appeared at a hearing for saying that green coffee was a “magic weight loss cure.”";
        let e = [entity(text, "Mehmet Oz", EntityType::Person, &["Oz"])];
        let q = run(text, &e);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "Mehmet Oz");
    }

    #[test]
    fn a_dash_and_a_name_ending_the_line_name_the_speaker() {
        let text = "Readers wrote in about the bridge.\n\n“The new bridge changed my commute completely.” ― Dana Whitfield\n\n“It is far too loud at night.” — Omar Reyes.\n\n“We love it,” — and so on, for now.";
        let q = run(text, &[]);
        assert_eq!(q.len(), 3, "{q:?}");
        assert_eq!(q[0].1, "Dana Whitfield");
        assert_eq!(q[1].1, "Omar Reyes");
        let cues: Vec<Option<String>> = quotes(text, &[]).into_iter().map(|q| q.cue).collect();
        assert_eq!(cues[0].as_deref(), Some("―"));
        assert_ne!(
            cues[2].as_deref(),
            Some("—"),
            "a dash before words is no byline"
        );
    }

    #[test]
    fn a_pull_quote_credit_under_the_quote_names_the_speaker() {
        let text = "The strike began at dawn on Monday at the gates of the terminal.\n\n“We have waited three years for a fair offer and we will not wait any longer.”\n— Maria Kowalski, union steward\n\nShipping companies said the stoppage would delay deliveries.";
        let q = run(text, &[]);
        assert_eq!(q[0].1, "Maria Kowalski", "{q:?}");
        // A dash line of prose under a quote is no credit.
        let text = "“We have waited three years for a fair offer and we will not wait any longer.”\n— and the union said it would strike again next month if talks failed.";
        let q = run(text, &[]);
        assert_ne!(q.first().map(|x| x.1.as_str()), Some("and"), "{q:?}");
        // After a blank line, and with a hyphen opening the credit's line.
        let text = "The debate turned to the banks.\n\n\"I will look into it. I do not know the status, but I will certainly look into it.\"\n\n- Hillary Clinton\n\nThe moderators moved on.";
        let q = run(text, &[]);
        assert_eq!(q[0].1, "Hillary Clinton", "{q:?}");
        // A hyphen inside a line is no dash.
        let text =
            "\"We will not wait any longer for a fair offer from the company.\" - and so on.";
        let q = run(text, &[]);
        assert_ne!(q.first().map(|x| x.1.as_str()), Some("and"), "{q:?}");
    }

    #[test]
    fn sport_split_quote_and_pronoun() {
        let text = "Manchester United manager Erik ten Hag was blunt after the defeat.\n\n\"We were poor,\" he said. \"The second half was not acceptable.\"";
        let e = [entity(
            text,
            "Erik ten Hag",
            EntityType::Person,
            &["Erik ten Hag"],
        )];
        let q = run(text, &e);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].0, "We were poor");
        assert_eq!(q[1].0, "The second half was not acceptable.");
        assert!(q
            .iter()
            .all(|x| x.1 == "Erik ten Hag" && x.2 == QuoteKind::Direct));
    }

    #[test]
    fn a_split_quote_keeps_its_speaker_over_a_later_turn() {
        let text = "Alastair Osman spoke on Sunday. \"He is a new dad,\" Alastair Osman said. \"A dad for the second time.\" Others paid tribute online. \"He was kind,\" wrote Maria Lopez.";
        let e = [
            entity(
                text,
                "Alastair Osman",
                EntityType::Person,
                &["Alastair Osman"],
            ),
            entity(text, "Maria Lopez", EntityType::Person, &["Maria Lopez"]),
        ];
        let q = run(text, &e);
        let piece = q
            .iter()
            .find(|x| x.0.starts_with("A dad"))
            .expect("the second piece");
        assert_eq!(piece.1, "Alastair Osman");
        // With no narration between, the quote after names the speaker.
        let text = "Alastair Osman spoke on Sunday. \"A dad for the second time.\" \"He was kind,\" Maria Lopez said.";
        let e = [
            entity(
                text,
                "Alastair Osman",
                EntityType::Person,
                &["Alastair Osman"],
            ),
            entity(text, "Maria Lopez", EntityType::Person, &["Maria Lopez"]),
        ];
        let q = run(text, &e);
        assert_eq!(q[0].1, "Maria Lopez");
    }

    #[test]
    fn business_role_phrase_with_canonical_possessor() {
        let text = "Shares in Tesco fell after chief executive Ken Murphy spoke.\n\"Trading was tough in every region,\" Murphy's spokesman said.";
        let e = [
            entity(
                text,
                "Ken Murphy",
                EntityType::Person,
                &["Ken Murphy", "Murphy"],
            ),
            entity(text, "Tesco", EntityType::Org, &["Tesco"]),
        ];
        let q = run(text, &e);
        assert_eq!(q[0].1, "Ken Murphy's spokesman");
    }

    #[test]
    fn wire_partial_quote_and_gendered_pronoun() {
        let text = "Finance Minister Anna Berg met Prime Minister Jonas Holm on Monday. Berg, however, said the budget was \"deeply flawed\".\n\"We will not sign it,\" she said.";
        let e = [
            entity(
                text,
                "Anna Berg",
                EntityType::Person,
                &["Anna Berg", "Berg"],
            ),
            entity(text, "Jonas Holm", EntityType::Person, &["Jonas Holm"]),
        ];
        let q = run(text, &e);
        assert_eq!(
            q[0],
            (
                "deeply flawed".into(),
                "Anna Berg".into(),
                QuoteKind::Partial
            )
        );
        assert_eq!(q[1].1, "Anna Berg");
    }

    #[test]
    fn organisation_speaker_through_what_it_called() {
        let text = "Last week the European Commission warned that what it called \"unfair subsidies\" would hurt rival carmakers.";
        let e = [entity(
            text,
            "European Commission",
            EntityType::Org,
            &["European Commission"],
        )];
        let q = run(text, &e);
        assert_eq!(q[0].0, "unfair subsidies");
        assert_eq!(q[0].1, "European Commission");
    }

    #[test]
    fn local_news_run_of_quote_paragraphs() {
        let text = "Council leader Priya Shah said the library would stay open.\n\n\"We listened to residents and we heard them loud and clear,\" Shah said.\n\n\"Nobody wants to lose a service like this one.\"\n\nThe decision follows a petition.";
        let e = [entity(
            text,
            "Priya Shah",
            EntityType::Person,
            &["Priya Shah", "Shah"],
        )];
        let q = run(text, &e);
        assert_eq!(q.len(), 2);
        assert!(q.iter().all(|x| x.1 == "Priya Shah"), "{q:?}");
    }

    #[test]
    fn scare_quotes_and_titles_are_not_quotes() {
        let text = "Residents call the junction 'the death trap'. The mayor appeared on the programme \"Morning Live\" and said the \"improvements\" were late.";
        assert!(run(text, &[]).is_empty(), "{:?}", run(text, &[]));
    }

    #[test]
    fn speaker_without_entities_falls_back_to_the_written_name() {
        let text = "\"It is a fantastic result for the town,\" said Councillor Maria Lopez.";
        assert_eq!(run(text, &[])[0].1, "Maria Lopez");
    }

    #[test]
    fn never_panics() {
        for text in [
            "",
            "\"",
            "“”",
            "said \"",
            "\"a\" said he",
            "\n\n\"\n\"x",
            "'x' 'y",
            "é\"ü\"ö said",
        ] {
            let _ = quotes(text, &[]);
        }
    }
}
