//! Framing words from the lexicon's lists, found on the token layer in one pass: distancing
//! labels ("so-called X"), hedges ("allegedly", "claimed that", "without evidence") and loaded
//! terms ("regime", "baseless").

use storyline_lexicon::{FramingLexicon, HedgeForm, LoadedTerm, Phrase, PhraseKind};
use storyline_record::{FramingKind, Span, Token, TokenKind, Upos};

use crate::marks::MarkPair;

/// A framing word found, before its voice is known.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    /// Its kind.
    pub kind: FramingKind,
    /// The words marked.
    pub span: Span,
    /// The lexicon entry.
    pub term: &'static str,
    /// The loaded term's category.
    pub category: Option<&'static str>,
}

/// The noun a "so-called" qualifies is at most this many tokens after it.
const MAX_LABEL_REACH: usize = 6;

/// Every lexicon marker over `tokens`, in text order. `mentions` are the byte spans of entity
/// mentions, sorted by start: words inside a name are not framing ("Tyrant Records").
pub(crate) fn find_words(tokens: &[Token], pairs: &[MarkPair], mentions: &[Span]) -> Vec<Found> {
    let lex = FramingLexicon::get();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if t.kind != TokenKind::Word || !(lex.is_listed(&t.norm) || lex.is_listed(&t.lemma)) {
            i += 1;
            continue;
        }
        let phrase = match_phrase(tokens, i, lex.phrases(&t.norm))
            .or_else(|| match_phrase(tokens, i, lex.phrases(&t.lemma)));
        if let Some(p) = phrase {
            let last = i + p.words.len() - 1;
            let found = match p.kind {
                PhraseKind::SoCalled => so_called(tokens, pairs, i, last, p.term),
                PhraseKind::Hedge => marker(FramingKind::Hedge, tokens, i, last, p.term, None),
                PhraseKind::Loaded => {
                    let category = lex.loaded(p.term).map(|e| e.category);
                    marker(FramingKind::Loaded, tokens, i, last, p.term, category)
                }
            };
            if !in_name(mentions, found.span) {
                out.push(found);
            }
            i = last + 1;
            continue;
        }
        let found = match lex.so_called(&t.norm) {
            Some(label) => Some(so_called(tokens, pairs, i, i, label)),
            None => hedge(tokens, i).or_else(|| loaded(tokens, i)),
        };
        if let Some(f) = found.filter(|f| !in_name(mentions, f.span)) {
            out.push(f);
        }
        i += 1;
    }
    out
}

fn in_name(mentions: &[Span], span: Span) -> bool {
    let end = mentions.partition_point(|m| m.start() <= span.start());
    mentions[..end]
        .iter()
        .rev()
        .take(8)
        .any(|m| m.contains(span))
}

fn match_phrase<'l>(tokens: &[Token], i: usize, phrases: &'l [Phrase]) -> Option<&'l Phrase> {
    phrases.iter().find(|p| {
        tokens.len() >= i + p.words.len()
            && p.words.iter().zip(&tokens[i..]).all(|(w, t)| {
                (*w == t.norm || t.lemma.eq_ignore_ascii_case(w))
                    && t.sentence == tokens[i].sentence
            })
    })
}

fn marker(
    kind: FramingKind,
    tokens: &[Token],
    first: usize,
    last: usize,
    term: &'static str,
    category: Option<&'static str>,
) -> Found {
    Found {
        kind,
        span: Span::new(tokens[first].span.start(), tokens[last].span.end()),
        term,
        category,
    }
}

/// "so-called X": the label through the noun it qualifies (the last noun of the run of
/// adjectives and nouns right after it: `so-called peace envoy`), or through the quoted
/// stretch right after it (`so-called "peace mission"`).
fn so_called(
    tokens: &[Token],
    pairs: &[MarkPair],
    first: usize,
    last: usize,
    term: &'static str,
) -> Found {
    let mut end = last;
    if let Some(p) = pairs.iter().find(|p| p.open == last + 1) {
        end = p.close;
    } else {
        let run = tokens[last + 1..]
            .iter()
            .take(MAX_LABEL_REACH)
            .take_while(|t| {
                t.sentence == tokens[last].sentence
                    && matches!(t.upos, Upos::Adj | Upos::Noun | Upos::Propn | Upos::Num)
            });
        for (k, t) in run.enumerate() {
            if matches!(t.upos, Upos::Noun | Upos::Propn) {
                end = last + 1 + k;
            }
        }
    }
    marker(FramingKind::SoCalled, tokens, first, end, term, None)
}

fn hedge(tokens: &[Token], i: usize) -> Option<Found> {
    let lex = FramingLexicon::get();
    let t = &tokens[i];
    let term = match lex.hedge_word(&t.norm) {
        Some((term, HedgeForm::Adverb)) => Some(term),
        Some((term, HedgeForm::Adj)) => {
            (t.upos == Upos::Adj || t.deprel.name() == "amod").then_some(term)
        }
        _ => lex
            .hedge_verb(&t.lemma)
            .filter(|_| reports_a_statement(tokens, i)),
    }?;
    Some(marker(FramingKind::Hedge, tokens, i, i, term, None))
}

/// A verb with a subject that reports what the subject said: it has a clausal complement
/// ("claimed that …", "claimed it was …") or follows a closing quotation ("…," he claimed).
fn reports_a_statement(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    if t.upos != Upos::Verb {
        return false;
    }
    let children = || {
        tokens
            .iter()
            .enumerate()
            .skip(i.saturating_sub(40))
            .take(80)
            .filter(move |(_, c)| c.head == Some(i as u32))
            .map(|(_, c)| c)
    };
    let has_subject = children().any(|c| c.deprel.universal() == "nsubj");
    let has_clause = children().any(|c| matches!(c.deprel.universal(), "ccomp" | "parataxis"));
    let after_quote = tokens[i.saturating_sub(3)..i]
        .iter()
        .any(|p| p.kind == TokenKind::Quote);
    has_subject && (has_clause || after_quote)
}

fn loaded(tokens: &[Token], i: usize) -> Option<Found> {
    let lex = FramingLexicon::get();
    let t = &tokens[i];
    // A proper noun is a name, unless only its place at the start of a sentence capitalised it.
    let opens_sentence = i == 0 || tokens[i - 1].sentence != t.sentence;
    if t.upos == Upos::Propn && !opens_sentence {
        return None;
    }
    let fits = |e: &&LoadedTerm| {
        !e.term.contains(' ')
            && e.pos
                .is_none_or(|p| p == t.upos.name() || (opens_sentence && t.upos == Upos::Propn))
    };
    let entry = lex
        .loaded(&t.lemma)
        .filter(fits)
        .or_else(|| lex.loaded(&t.norm).filter(fits))?;
    if neutralised(tokens, i, entry) {
        return None;
    }
    Some(marker(
        FramingKind::Loaded,
        tokens,
        i,
        i,
        entry.term,
        Some(entry.category),
    ))
}

/// How far back a modifier of a loaded word is looked for ("the EU's new sanctions regime").
const MAX_MODIFIER_REACH: usize = 4;

/// A modifier listed as making the word neutral ("sanctions regime"): one of the words right
/// before it, up to a determiner, preposition or verb.
fn neutralised(tokens: &[Token], i: usize, entry: &LoadedTerm) -> bool {
    if entry.neutral_modifiers.is_empty() {
        return false;
    }
    let listed = |m: &Token| {
        let lemma = m.lemma.to_lowercase();
        entry.neutral_modifiers.iter().any(|n| {
            *n == lemma
                || *n == m.norm
                || (*n == "NOUN" && m.upos == Upos::Noun && m.deprel.name() == "compound")
        })
    };
    tokens[i.saturating_sub(MAX_MODIFIER_REACH)..i]
        .iter()
        .rev()
        .take_while(|m| {
            m.sentence == tokens[i].sentence
                && m.kind == TokenKind::Word
                && !matches!(m.upos, Upos::Det | Upos::Adp | Upos::Verb | Upos::Pron)
        })
        .any(listed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks::pair_marks;
    use crate::testutil::article_of;

    fn found(text: &str) -> Vec<(FramingKind, String)> {
        let a = article_of(text);
        let pairs = pair_marks(&a.text, &a.tokens);
        find_words(&a.tokens, &pairs, &[])
            .into_iter()
            .map(|f| (f.kind, f.span.slice(text).to_string()))
            .collect()
    }

    #[test]
    fn so_called_runs_to_its_noun_or_quote() {
        assert_eq!(
            found("The so-called peace envoy arrived."),
            vec![(FramingKind::SoCalled, "so-called peace envoy".into())]
        );
        assert_eq!(
            found("The self-styled \"people's republic\" voted."),
            vec![(
                FramingKind::SoCalled,
                "self-styled \"people's republic\"".into()
            )]
        );
    }

    #[test]
    fn finds_hedge_adverbs_adjectives_and_phrases() {
        let got = found("Rebels allegedly shot down the jet, the alleged attack left no trace.");
        assert_eq!(got[0], (FramingKind::Hedge, "allegedly".into()));
        assert_eq!(got[1], (FramingKind::Hedge, "alleged".into()));
        let got = found("The video could not be independently verified.");
        assert_eq!(
            got,
            vec![(
                FramingKind::Hedge,
                "could not be independently verified".into()
            )]
        );
        let got = found("He repeated the charge without evidence.");
        assert_eq!(got, vec![(FramingKind::Hedge, "without evidence".into())]);
    }

    #[test]
    fn claimed_hedges_only_when_it_reports_a_statement() {
        assert_eq!(
            found("The ministry claimed that the strike hit a depot."),
            vec![(FramingKind::Hedge, "claimed".into())]
        );
        assert!(found("The storm claimed three lives.").is_empty());
        assert!(found("Nobody has claimed responsibility for the blast.").is_empty());
    }

    #[test]
    fn finds_loaded_terms_by_lemma_and_phrase() {
        let got = found("Regime thugs dismissed the baseless witch hunt.");
        let words: Vec<&str> = got.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(words, vec!["Regime", "thugs", "baseless", "witch hunt"]);
        assert!(got.iter().all(|(k, _)| *k == FramingKind::Loaded));
    }

    #[test]
    fn neutral_modifiers_and_names_keep_words_neutral() {
        assert!(found("The EU extended its sanctions regime on Monday.").is_empty());
        assert!(found("A new visa regime starts in June.").is_empty());
        let a = article_of("Fans of Tyrant Records met.");
        let pairs = pair_marks(&a.text, &a.tokens);
        let name = Span::new(8, 21);
        assert!(find_words(&a.tokens, &pairs, &[name]).is_empty());
    }
}
