//! The counted noun read from the dependency parse: the noun a number modifies (`nummod`)
//! across adjectives, participles and compounds ("12 confirmed deaths", "250 flu cases"), the
//! noun of a partitive ("nine of the patients"), and "others" carried over from the clause
//! ("40 others injured"), and a plural noun after participles the parser read as a verb.
//! Used where word order finds no noun after the number.

use storyline_record::{Article, Token, Upos};

use crate::lex::{text_of, Tok};
use crate::noun::{is_currency_code, Noun};
use crate::number::NumPhrase;
use crate::words::is_time_unit;
use storyline_lexicon::{is_claim_word, ClaimClass};

/// How far (in tokens) a counted noun may stand from its number: a few modifiers at most.
const MAX_GAP: usize = 6;

/// The article token starting at byte `at`, if any (tokens are in text order).
fn token_at(tokens: &[Token], at: usize) -> Option<usize> {
    let k = tokens.partition_point(|t| t.span.end() <= at);
    tokens.get(k).filter(|t| t.span.start() <= at).map(|_| k)
}

/// The light token holding byte `at`.
fn tok_at(toks: &[Tok], at: usize) -> Option<usize> {
    let k = toks.partition_point(|t| t.end <= at);
    toks.get(k).filter(|t| t.start <= at).map(|_| k)
}

fn rel(t: &Token) -> &'static str {
    t.deprel.name()
}

fn nominal(t: &Token) -> bool {
    matches!(t.upos, Upos::Noun | Upos::Propn)
}

/// What the parse says the number phrase `p` counts, as light-token indices.
pub(crate) fn parsed_noun(
    article: &Article,
    text: &str,
    toks: &[Tok],
    p: &NumPhrase,
    ceil: usize,
) -> Option<Noun> {
    let tokens = &article.tokens;
    let last = toks.get(p.last)?;
    let n = token_at(tokens, last.start)?;
    let number = &tokens[n];
    let limit = toks.get(ceil.checked_sub(1)?)?.end;
    let head = number.head.map(|h| h as usize);
    // "12 confirmed deaths": the number modifies a noun after it.
    let counted = head
        .filter(|_| rel(number) == "nummod")
        .filter(|&h| h > n && h <= n + MAX_GAP)
        .filter(|&h| nominal(&tokens[h]) && tokens[h].span.end() <= limit)
        .filter(|&h| (n + 1..h).all(|k| tokens[k].head.is_some_and(|x| x as usize > n)));
    if let Some(h) = counted {
        return noun_from(text, toks, p.last + 1, &tokens[h], tokens, h, true);
    }
    // "12 confirmed deaths" parsed as a clause ("12 confirmed" subject and verb): one or two
    // participles or adjectives and a plural noun right after the number still count it.
    let modifier = |t: &Token| matches!(t.xpos.name(), "JJ" | "VBN" | "VBD" | "VBG");
    let plural = (n + 2..=n + 3).find(|&k| {
        tokens
            .get(k)
            .is_some_and(|t| t.xpos.name() == "NNS" && t.span.end() <= limit)
            && tokens[n + 1..k].iter().all(modifier)
    });
    if let Some(h) = plural {
        return noun_from(text, toks, p.last + 1, &tokens[h], tokens, h, true);
    }
    // "nine of the patients", "40 of them" are read by word order; "nine of the patients"
    // has the number as the phrase's head and the noun in an "of" modifier.
    let partitive = tokens
        .iter()
        .enumerate()
        .skip(n + 1)
        .take(MAX_GAP)
        .find(|(k, t)| {
            t.head == Some(n as u32)
                && rel(t) == "nmod"
                && nominal(t)
                && t.span.end() <= limit
                && tokens[n + 1..*k].iter().any(|c| c.norm == "of")
        });
    if let Some((h, t)) = partitive {
        // The noun phrase starts after "of" and its determiners, possessors and numbers:
        // "nine of the patients" counts "patients", "seven of LeBron's assists" "assists".
        let of = (n + 1..h).find(|&k| tokens[k].norm == "of")?;
        // After a possessor's "'s", whatever the possessor's length.
        let of = (of + 1..h)
            .rev()
            .find(|&k| rel(&tokens[k]) == "case")
            .unwrap_or(of);
        let start = (of + 1..h)
            .find(|&k| {
                let r = rel(&tokens[k]);
                !(r.starts_with("det") || matches!(r, "case" | "nummod" | "nmod:poss" | "punct"))
            })
            .unwrap_or(h);
        let first = tok_at(toks, tokens[start].span.start())?;
        return noun_from(text, toks, first, t, tokens, h, true);
    }
    None
}

/// How far (in tokens) a dependent may stand from its head.
const DEPENDENT_REACH: usize = 40;

/// What the parse says an amount or a percentage with no noun of its own measures: the
/// thing that changes by it ([`changed`]) or the thing it prices ([`priced`]).
pub(crate) fn measured_noun(article: &Article, toks: &[Tok], p: &NumPhrase) -> Option<Noun> {
    let tokens = &article.tokens;
    let (from, to) = (toks.get(p.first)?.start, toks.get(p.last)?.end);
    let n = token_at(tokens, toks.get(p.last)?.start)?;
    // The figure's own unit ("%", "$") heads the number in the parse.
    let amount = match tokens[n].head.map(|h| h as usize) {
        Some(h) if rel(&tokens[n]) == "nummod" && within(&tokens[h], from, to) => h,
        _ => n,
    };
    let money = p.unit.as_deref().is_some_and(is_currency_code);
    let thing =
        changed(tokens, amount).or_else(|| money.then(|| priced(tokens, amount)).flatten())?;
    phrase_of(tokens, toks, thing)
}

/// "The stock added 2%", "Japan's Nikkei 225 declined 0.3%", "the yen strengthened 0.13%":
/// an amount that a verb of change (by lemma, `change_lemma` in the lexicon) takes as its
/// object or oblique measures that verb's subject, or its object when the verb has one
/// ("increase its exports to $30 billion").
fn changed(tokens: &[Token], amount: usize) -> Option<usize> {
    let a = &tokens[amount];
    if !matches!(rel(a), "obj" | "obl" | "obl:npmod" | "nmod:npmod" | "iobj") {
        return None;
    }
    let v = a.head? as usize;
    let verb = &tokens[v];
    if verb.upos != Upos::Verb || !is_claim_word(ClaimClass::ChangeLemma, &verb.lemma) {
        return None;
    }
    // "the United States could increase its exports to $30 billion": a verb with an object
    // changes the object, not its subject.
    let object = (rel(a) != "obj")
        .then(|| dependent(tokens, v, &["obj"]))
        .flatten();
    object.or_else(|| dependent(tokens, v, &["nsubj", "nsubj:pass"]))
}

/// "offering the iPad Pro for $799", "sold the company the right … for $5.9 million", "its
/// purchase of The Times for $500 million": an amount after "for" prices the object of its
/// verb, or the noun it modifies.
fn priced(tokens: &[Token], amount: usize) -> Option<usize> {
    let a = &tokens[amount];
    dependent(tokens, amount, &["case"]).filter(|&c| tokens[c].norm == "for")?;
    let h = a.head? as usize;
    match (rel(a), tokens[h].upos) {
        ("nmod", Upos::Noun | Upos::Propn) => Some(h),
        ("obl", Upos::Verb) => dependent(tokens, h, &["obj"]),
        _ => None,
    }
}

/// The first dependent of token `h` (within [`DEPENDENT_REACH`] of it) whose relation is one of
/// `rels`.
fn dependent(tokens: &[Token], h: usize, rels: &[&str]) -> Option<usize> {
    (h.saturating_sub(DEPENDENT_REACH)..tokens.len().min(h + DEPENDENT_REACH))
        .find(|&k| tokens[k].head == Some(h as u32) && rels.contains(&rel(&tokens[k])))
}

/// The noun phrase headed by token `s`, when it is a noun or a name: the compounds and
/// adjectives before it, the flat parts of a name after it.
fn phrase_of(tokens: &[Token], toks: &[Tok], s: usize) -> Option<Noun> {
    let head = &tokens[s];
    // "the Times" is no time unit, but the claim's checks would read its head as one.
    if !nominal(head) || is_time_unit(&head.norm) {
        return None;
    }
    // A modifier joins when it hangs from a word already in the phrase ("Amazon Echo Buds").
    let attached = |k: usize, (first, last): (usize, usize), rels: &[&str]| {
        tokens[k]
            .head
            .is_some_and(|h| (first..=last).contains(&(h as usize)))
            && rels.contains(&rel(&tokens[k]))
    };
    let (mut first, mut last) = (s, s);
    while first > 0 && attached(first - 1, (first, s), &["compound", "amod", "flat"]) {
        first -= 1;
    }
    while last + 1 < tokens.len() && attached(last + 1, (s, last), &["flat", "compound"]) {
        last += 1;
    }
    let start = tok_at(toks, tokens[first].span.start())?;
    let end = tok_at(toks, tokens[last].span.start())?;
    // A head inside a hyphenated word ("12.9-inch iPad") is a misread modifier.
    if toks[tok_at(toks, head.span.start())?].start != head.span.start() {
        return None;
    }
    Some(Noun {
        start,
        end,
        head: head.norm.clone(),
        country: None,
        measure: None,
        after: false,
    })
}

/// Whether token `t` lies inside the bytes `from..to`.
fn within(t: &Token, from: usize, to: usize) -> bool {
    t.span.start() >= from && t.span.end() <= to
}

/// The light token holding the noun that the word at light token `k` modifies, when it
/// stands within a few tokens after it ("a four-day [ceasefire] deal": "deal").
pub(crate) fn modified_head(article: &Article, toks: &[Tok], k: usize) -> Option<usize> {
    let tokens = &article.tokens;
    let light = toks.get(k)?;
    // The last token of the chunk ("four-day" is "four", "-", "day" in the token layer).
    let n = token_at(tokens, light.end.checked_sub(1)?)?;
    let h = tokens[n].head? as usize;
    let head = tokens
        .get(h)
        .filter(|t| nominal(t) && h > n && h <= n + MAX_GAP)?;
    tok_at(toks, head.span.start())
}

/// Whether the tagger reads light token `k` as a superlative adjective ("largest", "best").
pub(crate) fn superlative_at(article: &Article, toks: &[Tok], k: usize) -> bool {
    tagged(article, toks, k).is_some_and(|t| t.xpos.name() == "JJS")
}

/// Whether the noun phrase ending at light token `end` has a singular head, as tagged
/// (`NN`, `NNP`): a count of several things takes a plural noun.
pub(crate) fn singular_head(article: &Article, toks: &[Tok], end: usize) -> bool {
    tagged(article, toks, end).is_some_and(|t| matches!(t.xpos.name(), "NN" | "NNP"))
}

/// The token of the token layer that light token `end` starts in, with its tags.
fn tagged<'a>(article: &'a Article, toks: &[Tok], end: usize) -> Option<&'a Token> {
    let tokens = &article.tokens;
    toks.get(end)
        .and_then(|t| token_at(tokens, t.start))
        .map(|k| &tokens[k])
}

/// Whether the head word at light token `end` is tagged an adjective, an adverb or a function
/// word ("1.8% late on Monday"), or, `next` to the figure, a verb ("had $20 billion done";
/// after "of his" a verb tag is the tagger's slip: "25% of his pay"): no noun, whatever word
/// order suggests. Untagged text says no.
pub(crate) fn tagged_no_noun(article: &Article, toks: &[Tok], end: usize, next: bool) -> bool {
    tagged(article, toks, end).is_some_and(|t| {
        (next && t.upos == Upos::Verb)
            || matches!(
                t.upos,
                Upos::Adj
                    | Upos::Adv
                    | Upos::Adp
                    | Upos::Sconj
                    | Upos::Cconj
                    | Upos::Pron
                    | Upos::Det
                    | Upos::Aux
                    | Upos::Part
            )
    })
}

/// The noun phrase from light token `start` to the one holding token `head`; "others" takes
/// the verb right after it ("40 others injured").
fn noun_from(
    text: &str,
    toks: &[Tok],
    start: usize,
    head: &Token,
    tokens: &[Token],
    h: usize,
    after: bool,
) -> Option<Noun> {
    let mut end = tok_at(toks, head.span.start())?;
    let mut word = text.get(head.span.range())?.to_lowercase();
    if word == "others" {
        // "40 others injured": the participle right after "others", whether the parse makes
        // it the head of "others" or a verb coordinated with the clause's.
        // (tagged a verb, or an adjective: "injured" is both).
        let verb = tokens.get(h + 1).filter(|v| {
            let heads = tokens[h].head == Some(h as u32 + 1);
            (heads && matches!(v.upos, Upos::Verb | Upos::Adj))
                || matches!(v.xpos.name(), "VBN" | "VBD")
        });
        if let Some(v) = verb {
            end = tok_at(toks, v.span.start())?;
            word = text_of(text, &toks[end]).to_lowercase();
        }
    }
    Some(Noun {
        start: start.min(end),
        end,
        head: word,
        country: None,
        measure: None,
        after,
    })
}

#[cfg(test)]
mod tests {
    use crate::testutil::claims_parsed;

    #[test]
    fn the_counted_noun_is_the_head_the_number_modifies() {
        let c = claims_parsed("Hospitals reported 12 confirmed deaths on Monday.");
        assert!(
            c.iter()
                .any(|c| c.value == 12.0 && c.noun.ends_with("deaths")),
            "{c:?}"
        );
        let c = claims_parsed("The carmaker will cut 3,000 skilled jobs in Ohio.");
        assert!(
            c.iter()
                .any(|c| c.value == 3000.0 && c.noun.ends_with("jobs")),
            "{c:?}"
        );
    }

    #[test]
    fn others_takes_the_verb_of_its_clause() {
        let c = claims_parsed("At least 15 were killed and 40 others injured in the crash.");
        assert!(
            c.iter()
                .any(|c| c.value == 40.0 && c.noun.contains("injured")),
            "{c:?}"
        );
    }

    #[test]
    fn partitives_and_small_counts_of_things_are_claims() {
        let c = claims_parsed("Nine of the patients were sent home.");
        assert!(
            c.iter().any(|c| c.value == 9.0 && c.noun == "patients"),
            "{c:?}"
        );
        let c = claims_parsed("Seven of the club's new signings were injured in March.");
        assert!(
            c.iter().any(|c| c.value == 7.0 && c.noun == "new signings"),
            "{c:?}"
        );
        let c = claims_parsed("On Friday two tornadoes hit the county.");
        assert!(
            c.iter().any(|c| c.value == 2.0 && c.noun == "tornadoes"),
            "{c:?}"
        );
        let c = claims_parsed("The minister listed two key reasons for the delay.");
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn an_amount_a_verb_of_change_takes_measures_what_changed() {
        let c = claims_parsed("The Japanese yen strengthened 0.13% against the dollar.");
        assert!(
            c.iter().any(|c| c.value == 0.13 && c.noun.ends_with("yen")),
            "{c:?}"
        );
        // With an object, the object is what changes, not the subject.
        let c = claims_parsed("The company wants to increase its exports to China to $30 billion.");
        assert!(
            c.iter()
                .any(|c| c.value == 3e10 && c.noun.ends_with("exports")),
            "{c:?}"
        );
    }

    #[test]
    fn an_amount_after_for_prices_the_object_or_the_noun_it_modifies() {
        let c = claims_parsed("Electronic Express is offering the tablet for $799 this week.");
        assert!(
            c.iter()
                .any(|c| c.value == 799.0 && c.noun.ends_with("tablet")),
            "{c:?}"
        );
        let c = claims_parsed("The deal follows its purchase of the Post for $500 million.");
        assert!(
            c.iter()
                .any(|c| c.value == 5e8 && c.noun.ends_with("purchase")),
            "{c:?}"
        );
    }

    #[test]
    fn an_owner_and_a_superlative_pick_members_out() {
        let c = claims_parsed("The war between the world's two largest economies hurt farmers.");
        assert!(c.is_empty(), "{c:?}");
        let c = claims_parsed("The company's two new plants will open in May.");
        assert!(c.iter().any(|c| c.value == 2.0), "{c:?}");
    }

    #[test]
    fn a_verb_before_an_amount_is_not_what_it_measures() {
        let c = claims_parsed("Configurations start at $2,199 this year.");
        assert!(
            c.iter().any(|c| c.value == 2199.0 && c.noun != "start"),
            "{c:?}"
        );
    }

    #[test]
    fn a_year_before_a_singular_noun_is_no_count() {
        let c = claims_parsed("NASA is preparing its planned 2024 crewed moon shot.");
        assert!(c.is_empty(), "{c:?}");
        let c = claims_parsed("The 2016 election drew 1200 observers.");
        assert!(
            c.len() == 1 && c[0].value == 1200.0 && c[0].noun == "observers",
            "{c:?}"
        );
    }

    #[test]
    fn an_adverb_after_a_percentage_is_no_noun() {
        let c = claims_parsed("Yields rose to 1.81% late on Monday.");
        assert!(c.len() == 1 && c[0].noun == "per cent", "{c:?}");
    }

    #[test]
    fn a_verb_after_an_amount_is_no_noun() {
        let c = claims_parsed("My people had $20 billion done, the president said.");
        assert!(c.len() == 1 && c[0].noun != "done", "{c:?}");
    }
}
