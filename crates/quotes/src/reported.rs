//! Reported speech and thought without quotation marks (kind `indirect`), and the speaker of a
//! source phrase found on the parse.
//!
//! Every attribution of the parse becomes an indirect quote (content = the reported clause,
//! cue = the attributing word), unless its content is a quotation in marks already found (then
//! the attribution only names that quotation's speaker).

use storyline_record::{Quote, QuoteKind, Span, Upos};

use crate::attribution::Attribution;
use crate::speaker::{Resolver, Speaker};
use crate::tok::Page;

/// The speaker of source phrase `span`: an entity, a role phrase, coordinated speakers
/// ("Smith and Jones" → both names), else the phrase as written. `None` for a pronoun with no
/// antecedent.
pub(crate) fn resolve_source(
    page: Page<'_>,
    resolver: &mut Resolver<'_>,
    span: Span,
    history: &[Speaker],
) -> Option<Speaker> {
    let words = page.words(span.start(), span.end());
    let joints = joints(page, span);
    let parts: Vec<_> = words
        .split(|t| joints.contains(&t.span.start()))
        .map(|p| {
            let end = p.iter().rposition(|t| t.word).map_or(0, |k| k + 1);
            &p[..end]
        })
        .collect();
    if parts.len() > 1 && parts.iter().all(|p| !p.is_empty()) {
        let named: Vec<Speaker> = parts
            .iter()
            .filter_map(|p| resolver.resolve_phrase(p, history))
            .filter(|s| s.entity.is_some())
            .collect();
        if named.len() == parts.len() {
            let names: Vec<&str> = named.iter().map(|s| s.name.as_str()).collect();
            let mut speaker = named[0].clone();
            speaker.name = names.join(" and ");
            speaker.entity = None;
            speaker.span = Some(span);
            return Some(speaker);
        }
    }
    let whole = resolver.resolve_phrase(&words, history);
    // A name that is no entity, taken from the phrase's modifiers rather than its head
    // ("Thursday" from "a survey published on Thursday"), gives way to the head; so does a
    // place modifying the head ("China's ambassador to Britain", "the New York
    // businessman"): a place does not speak for whom it qualifies.
    let cut = match &whole {
        Some(s) if s.entity.is_none() => noun_headed(page, resolver, span),
        Some(s) if resolver.is_place(s) && s.span.is_some_and(|at| in_modifier(page, span, at)) => {
            phrase_head(page, span).and_then(|head| head_cut(page, span, head))
        }
        _ => None,
    };
    let resolved = match cut {
        Some(cut) => resolver.resolve_phrase(&page.words(cut.start(), cut.end()), history),
        None => whole,
    };
    let speaker = match resolved {
        Some(s) => s,
        None if words.len() == 1 && crate::words::pronoun(&words[0].lower()).is_some() => {
            return None
        }
        None => Speaker {
            name: span.slice(page.text).to_string(),
            span: Some(span),
            entity: None,
            at: span.start(),
            gender: None,
        },
    };
    Some(speaker)
}

/// The source phrase `span` cut after its head (in the parse), when the head is a common noun
/// (tagged so, whatever its case: "Officials" opening a sentence) and no person or
/// organisation is named after it: "a survey published on Thursday" → "a survey". An
/// appositive name ("the mayor of Leeds, Maria Lopez") or an author ("a report by Amnesty
/// International") keeps the whole phrase. `None` when the phrase has no single head inside
/// it.
fn noun_headed(page: Page<'_>, resolver: &Resolver<'_>, span: Span) -> Option<Span> {
    let head = phrase_head(page, span).filter(|&h| page.tokens[h].upos == Upos::Noun)?;
    let cut = head_cut(page, span, head)?;
    (!resolver.names_someone(Span::new(cut.end(), span.end()))).then_some(cut)
}

/// Whether mention `at` modifies the head of phrase `span`: before a common noun head ("the
/// New York businessman") or after a preposition: "to", "for", "in", … ("China's ambassador
/// to Britain"), not "of" ("the city of Phoenix" is Phoenix) nor "by" (an author: "a
/// complaint by Vermont").
pub(crate) fn in_modifier(page: Page<'_>, span: Span, at: Span) -> bool {
    let Some(head) = phrase_head(page, span) else {
        return false;
    };
    if at.contains(page.tokens[head].span) {
        return false;
    }
    let (first, count) = phrase_tokens(page, span);
    let before = page.tokens[first..first + count]
        .iter()
        .rev()
        .skip_while(|t| t.span.start() >= at.start())
        .find(|t| t.upos != Upos::Det);
    let after_preposition = before.is_some_and(|t| {
        t.upos == Upos::Adp && !matches!(t.norm.to_lowercase().as_str(), "of" | "by")
    });
    // "The New York businessman": a place before a common noun describes it.
    let premodifier =
        page.tokens[head].upos == Upos::Noun && at.end() <= page.tokens[head].span.start();
    after_preposition || premodifier
}

/// Phrase `span` cut after its head `head` (a common noun, or a name with the words of that
/// name after it): "China's ambassador to Britain" → "China's ambassador"; "Maria Lopez, a
/// writer for …" → "Maria Lopez". `None` when nothing follows the head or it is neither.
fn head_cut(page: Page<'_>, span: Span, head: usize) -> Option<Span> {
    let token = &page.tokens[head];
    let end = match token.upos {
        Upos::Noun => token.span.end(),
        Upos::Propn => page.tokens[head..]
            .iter()
            .take_while(|t| span.contains(t.span) && t.upos == Upos::Propn)
            .last()
            .map_or(token.span.end(), |t| t.span.end()),
        _ => return None,
    };
    (end < span.end()).then(|| Span::new(span.start(), end))
}

/// The tokens of phrase `span`: the index of the first and how many.
fn phrase_tokens(page: Page<'_>, span: Span) -> (usize, usize) {
    let first = page
        .tokens
        .partition_point(|t| t.span.end() <= span.start());
    let count = page.tokens[first..]
        .iter()
        .take_while(|t| span.contains(t.span))
        .count();
    (first, count)
}

/// The one token of phrase `span` whose head (in the parse) lies outside it; `None` when
/// there is no such single head.
fn phrase_head(page: Page<'_>, span: Span) -> Option<usize> {
    let (first, count) = phrase_tokens(page, span);
    let inside = |i: usize| page.tokens.get(i).is_some_and(|t| span.contains(t.span));
    let mut heads =
        (first..first + count).filter(|&i| page.tokens[i].head.is_none_or(|h| !inside(h as usize)));
    match (heads.next(), heads.next()) {
        (Some(head), None) => Some(head),
        _ => None,
    }
}

/// Where phrase `span` joins coordinated speakers: the start of each conjunction ("and")
/// that the parse attaches to a conjunct of the phrase's head ("Smith and Jones"), not one
/// inside a modifier ("Michael McFaul, a fellow … and a former ambassador to Russia").
fn joints(page: Page<'_>, span: Span) -> Vec<usize> {
    let Some(head) = phrase_head(page, span) else {
        return Vec::new();
    };
    let (first, count) = phrase_tokens(page, span);
    let head_of = |i: usize| page.tokens[i].head.map(|h| h as usize);
    (first..first + count)
        .filter(|&i| {
            let t = &page.tokens[i];
            t.norm == "and"
                && t.deprel.name() == "cc"
                && head_of(i).is_some_and(|c| {
                    page.tokens[c].deprel.name() == "conj" && head_of(c) == Some(head)
                })
        })
        .map(|i| page.tokens[i].span.start())
        .collect()
}

/// Characters `a` and `b` share.
pub(crate) fn overlap(a: Span, b: Span) -> usize {
    a.end()
        .min(b.end())
        .saturating_sub(a.start().max(b.start()))
}

/// Whether attribution content `content` is the quotation `quoted` (each covers most of the
/// other).
fn same_content(content: Span, quoted: Span) -> bool {
    let o = overlap(content, quoted);
    2 * o >= content.len() && 2 * o >= quoted.len()
}

/// The indirect quotes of the page, each with the index of its attribution: attributions
/// whose content is not a quotation in marks. Sources of open-class candidates (`open`) are
/// resolved but not remembered as antecedents: most of them are no speakers.
pub(crate) fn indirect_quotes(
    page: Page<'_>,
    attributions: &[Attribution],
    resolver: &mut Resolver<'_>,
    marked: &[Quote],
) -> Vec<(Quote, usize)> {
    let mut history: Vec<Speaker> = Vec::new();
    let mut out = Vec::new();
    for (n, a) in attributions.iter().enumerate() {
        // A colon ending its paragraph introduces a quotation: it names that quotation's
        // speaker and reports nothing of its own.
        if a.via == "colon-quote" || marked.iter().any(|q| same_content(a.content, q.span)) {
            continue;
        }
        // Speech reported inside someone's quotation ("“I think we will win,” she said") is
        // part of that quotation, not an attribution of the article's.
        let cue_at = page.tokens.get(a.cue_token).map(|t| t.span);
        if cue_at.is_some_and(|c| marked.iter().any(|q| q.span.contains(c))) {
            continue;
        }
        let source = a
            .referent
            .or(a.source)
            .and_then(|s| resolve_source(page, resolver, s, &history));
        if let Some(s) = source.as_ref().filter(|_| !a.open) {
            history.push(s.clone());
        }
        let quote = Quote {
            span: a.content,
            speaker: source.as_ref().map(|s| s.name.clone()),
            speaker_span: a.source,
            speaker_entity: source.as_ref().and_then(|s| s.entity),
            cue: Some(a.cue.clone()),
            kind: QuoteKind::Indirect,
        };
        out.push((quote, n));
    }
    out
}

#[cfg(test)]
mod tests {
    use storyline_record::{Article, QuoteKind};

    /// `text` through the stages before quotes (segment, syntax, entities) and quotes.
    fn annotated(text: &str) -> Article {
        let mut a = Article::new("x", "");
        a.set_text(text.into());
        storyline_segment::Segmenter::new().annotate(&mut a);
        storyline_syntax::SyntaxAnnotator::new().annotate(&mut a);
        storyline_entities::EntityRecognizer::new().annotate(&mut a);
        crate::QuoteFinder::new().annotate(&mut a);
        a
    }

    /// (kind, content, cue) of each quote the whole stage finds in `text`.
    fn quotes(text: &str) -> Vec<(QuoteKind, String, String)> {
        annotated(text)
            .quotes
            .iter()
            .map(|q| {
                let cue = q.cue.clone().unwrap_or_default();
                (q.kind, q.span.slice(text).to_string(), cue)
            })
            .collect()
    }

    #[test]
    fn speech_reported_inside_a_quotation_is_the_quotation_s() {
        let q = quotes(
            "\"I think the old bridge will hold through the winter,\" the engineer said on Monday.",
        );
        assert!(q.iter().all(|x| x.0 != QuoteKind::Indirect), "{q:?}");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2, "said");
    }

    #[test]
    fn reported_clause_outside_marks_is_indirect() {
        let q = quotes("The engineer said the old bridge would hold through the winter.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, QuoteKind::Indirect);
        assert!(q[0].1.contains("the old bridge would hold"), "{q:?}");
    }

    /// The speakers of the indirect quotes found in `text`.
    fn speakers(text: &str) -> Vec<Option<String>> {
        annotated(text)
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Indirect)
            .map(|q| q.speaker.clone())
            .collect()
    }

    #[test]
    fn it_goes_on_with_a_capital_that_has_just_spoken_for_its_government() {
        let s = speakers(
            "NATO ministers met in Brussels on Monday. Moscow said the troops were on \
             exercises. It also said that the drills would end in March.",
        );
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(s[1].as_deref(), Some("Moscow"));
    }

    #[test]
    fn a_day_or_a_place_in_a_source_s_modifiers_is_not_its_speaker() {
        let s = speakers(
            "According to a survey published on Tuesday, 3% of tenants in Leeds said they were worried.",
        );
        assert!(!s.is_empty(), "{s:?}");
        assert_ne!(s[0].as_deref(), Some("Tuesday"));
        let s = speakers("Officials in Brussels said the talks would resume in March.");
        assert_eq!(s.len(), 1, "{s:?}");
        assert_ne!(s[0].as_deref(), Some("Brussels"));
    }

    #[test]
    fn an_appositive_name_is_still_the_speaker() {
        let s = speakers("The mayor of Leeds, Maria Lopez, said the tram would open in spring.");
        assert_eq!(s, [Some("Maria Lopez".to_string())]);
        // A lone subject keeps the preposition the parser hangs on it.
        let s = speakers("Envoy to Lisbon Maria Lopez has said the tram will run.");
        assert!(s.contains(&Some("Maria Lopez".to_string())), "{s:?}");
    }

    #[test]
    fn a_quotation_of_several_sentences_takes_the_speaker_of_the_cue_before_it() {
        let a = annotated("Howard Dean apologised on Monday.\n\n\"It was wrong,\" said Sarah Cole, a party official.\n\nHe then defended the remark, saying, \"I do not think this is a ridiculous idea. Something odd was going on last night.\"\n\nThe New York Times reports: \"Just 24 percent of the contributors gave $200 or less. In 2012, 43 percent did.\"");
        let direct: Vec<_> = a
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .map(|q| q.speaker.as_deref().unwrap_or_default())
            .collect();
        assert_eq!(direct.len(), 3, "{:?}", a.quotes);
        assert_eq!(direct[1], "Howard Dean");
        assert!(direct[2].contains("New York Times"), "{direct:?}");
    }

    #[test]
    fn coordinated_subjects_speak_together_but_a_modifier_s_and_joins_nobody() {
        let s = speakers("Maria Lopez and Tom Berger said the tram would open in spring.");
        assert_eq!(s, [Some("Maria Lopez and Tom Berger".to_string())]);
        let s = speakers(
            "Tom Berger, a fellow at the Hoover Institution and a former envoy to Russia, said the tram would open in spring.",
        );
        assert_eq!(s, [Some("Tom Berger".to_string())]);
    }

    #[test]
    fn a_quotation_does_not_speak_its_own_words() {
        let text =
            "\"Attention in the region will remain focused on trade concerns and Hong Kong,\" \
                    said Jeffrey Halley, a market analyst at OANDA.";
        let a = annotated(text);
        let direct: Vec<_> = a
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .collect();
        assert_eq!(direct.len(), 1, "{:?}", a.quotes);
        assert_eq!(direct[0].speaker.as_deref(), Some("Jeffrey Halley"));
    }

    #[test]
    fn the_subject_of_a_passive_cue_is_not_its_speaker() {
        let s = speakers("Sleep deprivation has been shown to alter the levels of hormones.");
        assert!(
            s.iter().all(|x| x.as_deref() != Some("deprivation")),
            "{s:?}"
        );
    }

    #[test]
    fn a_place_that_qualifies_the_speakers_is_not_the_speaker() {
        let s = speakers("Officials in Kyiv said the talks would resume on Monday.");
        assert_eq!(s, [Some("Officials".to_string())]);
        let s =
            speakers("The US Embassy in New Delhi said the air monitor showed hazardous levels.");
        assert_eq!(s, [Some("US Embassy".to_string())]);
    }

    #[test]
    fn a_place_modifying_the_head_of_a_source_does_not_speak_for_it() {
        let s = speakers("China's ambassador to Britain warned that the unrest would spread.");
        assert_eq!(s.len(), 1, "{s:?}");
        assert!(
            s[0].as_deref().is_some_and(|n| n.contains("ambassador")),
            "{s:?}"
        );
        let s = speakers("The New York businessman says he will sell the tower next year.");
        assert_eq!(s, [Some("The New York businessman".to_string())]);
        // The place heading the phrase speaks, and so does the place a city's name follows.
        let s = speakers("The city of Phoenix said it would cut water deliveries to farms.");
        assert_eq!(s.len(), 1, "{s:?}");
        assert!(
            s[0].as_deref().is_some_and(|n| n.contains("Phoenix")),
            "{s:?}"
        );
    }

    #[test]
    fn the_writers_speak_for_themselves() {
        let s = speakers(
            "Apple released the laptop on Monday. In our tests, we found that the battery lasted ten hours.",
        );
        assert_eq!(s, [Some("we".to_string())]);
    }

    #[test]
    fn a_name_inside_short_quoted_words_speaks_for_no_one() {
        let text = "Benioff praised Steve Jobs on stage.\n\n\"We all miss Steve so much,\" \
                    Benioff weighed in, telling Cook, \"since he passed, you have done a great job.\"";
        let a = annotated(text);
        assert!(!a.quotes.is_empty());
        for q in &a.quotes {
            let inside = q
                .speaker_span
                .is_some_and(|s| s.start() > 37 && s.end() < 64);
            assert!(!inside, "{q:?}");
        }
    }

    #[test]
    fn an_imperative_reports_nothing() {
        let q =
            quotes("Fill the pot with water. Add the jars to sterilize them and keep them warm.");
        assert!(q.is_empty(), "{q:?}");
        let q = quotes("Aim to sleep at least eight hours a night to keep your appetite in check.");
        assert!(q.is_empty(), "{q:?}");
    }
}
