//! Where an attribution's source stands in the parse: the cue's subject, a passive's agent,
//! the subject of the verb the cue hangs from, the phrase right before a cue the parse left
//! without one, and what a relative pronoun source stands for.

use storyline_lexicon::{is_quote_word, Lexicon, QuoteClass};
use storyline_record::{Shape, Span, Upos};

use super::content::is_quote_mark;
use crate::tree::Tree;
pub(crate) use window::phrase_before;
use window::{before_relative_aside, inverted_subject};

/// Relations left out of a source phrase: clauses hanging from it, punctuation, and a bare
/// noun phrase of time or measure, which the parse hangs from the subject when it stands
/// between subject and cue ("Senator Maria Lopez last week warned", "week" an unmarked oblique
/// of "Maria").
fn outside_source(rel: &str) -> bool {
    matches!(
        rel,
        "acl:relcl"
            | "acl"
            | "parataxis"
            | "ccomp"
            | "advcl"
            | "punct"
            | "case"
            | "dep"
            | "obl:unmarked"
            | "obl:tmod"
            | "obl:npmod"
    )
}

/// What a relative pronoun source stands for (`X, who said …`: the pronoun is the
/// mention, X what it stands for).
pub(crate) fn referent_of(tree: &Tree<'_>, source: Option<(usize, usize)>) -> Option<Span> {
    // The relative clause is the one the pronoun is subject of: the cue itself ("X, who
    // said …") or a verb the cue hangs from ("sources who remained anonymous indicated …").
    // Where the parse hangs the clause from a verb, the noun right before the pronoun (a
    // comma between) is what it stands for ("acknowledged by Lavrov, who said …").
    let nominal = |k: usize| matches!(tree.tokens[k].upos, Upos::Noun | Upos::Propn | Upos::Pron);
    let (lo, hi) = source?;
    if lo != hi || !is_relative(tree, lo) {
        return None;
    }
    let clause = tree.head(lo).filter(|&c| tree.rel(c) == "acl:relcl");
    let before = (1..=2)
        .filter_map(|d| lo.checked_sub(d))
        .find(|&k| tree.tokens[k].upos != Upos::Punct);
    if clause.is_none() {
        // A parse that hangs the clause elsewhere (as parataxis): the pronoun right after a
        // comma still stands for the noun before it.
        let comma = lo
            .checked_sub(1)
            .is_some_and(|k| tree.tokens[k].norm == ",");
        return before.filter(|&k| comma && nominal(k)).and_then(|noun| {
            let (lo, hi) = tree.extent(noun, outside_source);
            trim(tree, lo, hi)
        });
    }
    // "something acknowledged by Lavrov, who said …": "who" stands for a person, so a name
    // right before it outranks a parse that hangs the clause from a common word, and a noun
    // right before it outranks a parse that hangs the clause from a pronoun further back
    // ("something acknowledged by the union leader, who said …").
    let who = tree.tokens[lo].norm.eq_ignore_ascii_case("who");
    let named = before.filter(|&k| tree.tokens[k].upos == Upos::Propn && who);
    let head = clause
        .and_then(|c| tree.head(c))
        .filter(|&noun| nominal(noun));
    let pronoun_head = head.is_some_and(|h| tree.tokens[h].upos == Upos::Pron);
    let noun_before = before
        .filter(|&k| who && pronoun_head && head != Some(k) && tree.tokens[k].upos == Upos::Noun);
    named
        .filter(|_| head.is_some_and(|h| tree.tokens[h].upos != Upos::Propn))
        .or(noun_before)
        .or(head)
        .or(before.filter(|&k| nominal(k)))
        .and_then(|noun| {
            let (lo, hi) = tree.extent(noun, outside_source);
            trim(tree, lo, hi)
        })
}

/// The noun phrase a cue reports (`denied the report`, `called for a ban`): its direct object
/// for `"obj"`, else the phrase headed by preposition `prep`, without the preposition.
pub(crate) fn object(tree: &Tree<'_>, i: usize, prep: &str) -> Option<(usize, usize)> {
    if prep == "obj" {
        let k = tree.children_with(i, "obj").find(|&k| k > i)?;
        return Some(tree.extent(k, |r| r == "punct"));
    }
    let k = tree.children(i).find(|&k| {
        k > i
            && tree.rel(k).starts_with("obl")
            && tree
                .children_with(k, "case")
                .any(|c| tree.tokens[c].norm.eq_ignore_ascii_case(prep))
    })?;
    let (lo, mut hi) = tree.extent(k, |r| r == "punct");
    let case = tree.children_with(k, "case").next().unwrap_or(lo);
    // "called for contestants to wear shorter dresses": the infinitive the parse hung from the
    // cue (as a complement or a purpose clause) goes on with the phrase.
    if let Some((_, x_hi)) = tree
        .children(i)
        .filter(|&x| matches!(tree.rel(x), "xcomp" | "advcl"))
        .map(|x| tree.extent(x, |r| r == "punct"))
        .find(|&(x_lo, _)| x_lo == hi + 1 && tree.tokens[x_lo].norm == "to")
    {
        hi = x_hi;
    }
    Some((lo.max(case + 1), hi))
}

/// How many clauses up [`source_of`] looks for the subject of a clause without one.
const MAX_CLIMB: usize = 4;

/// The source phrase of cue verb `i`: its subject, a passive's agent, (up to [`MAX_CLIMB`]
/// clauses up) the subject of the verb it hangs from, or the noun a participle modifies.
pub(crate) fn source_of(tree: &Tree<'_>, i: usize, depth: usize) -> Option<(usize, usize)> {
    // An agent speaks even where the parse also gives the participle a subject ("something
    // acknowledged by Lavrov"): that subject is what was acknowledged.
    if let Some(agent) = tree.children_with(i, "obl:agent").next() {
        return Some(tree.extent(agent, outside_source));
    }
    // A conjunction, preposition or punctuation mark the parse made a subject ("… spending
    // but has said", "but" read as the subject of "said") stands for no one.
    let function_word = |k: usize| {
        matches!(
            tree.tokens[k].upos,
            Upos::Cconj | Upos::Sconj | Upos::Adp | Upos::Punct | Upos::Part
        )
    };
    // Of two subjects, one with a preposition is a misattached oblique ("Officials in
    // Brussels said", parsed with "Brussels" as a second subject). A lone subject keeps it:
    // the parser also hangs a title's preposition on the name ("Ambassador to Moscow John
    // Sullivan").
    let all: Vec<usize> = tree
        .children(i)
        .filter(|&k| tree.rel(k) == "nsubj" && !function_word(k))
        .collect();
    // A capitalised time word that is a cue's only subject is a name ("Day said the
    // language …"); a month or a weekday never is.
    let surname = |k: usize| {
        all.len() == 1
            && tree.tokens[k].shape == Shape::Title
            && !Lexicon::get().is_not_name(tree.tokens[k].span.slice(tree.text))
    };
    let mut subjects: Vec<usize> = all
        .iter()
        .filter_map(|&k| {
            if !is_time(tree, k) || surname(k) {
                Some(k)
            } else {
                name_in_time(tree, k)
            }
        })
        .collect();
    // Of two subjects, a nominal one outranks a word the tagger misread ("Mrs. Clinton has
    // since said", "since" read as a verb and made a second subject).
    let nominal = |k: &usize| {
        matches!(
            tree.tokens[*k].upos,
            Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num | Upos::Det
        )
    };
    if subjects.iter().any(nominal) {
        subjects.retain(nominal);
    }
    // A clause the parse made the subject of a cue after a quotation (`"It depends …,"
    // responded X`) is the quotation, not who speaks.
    let quoted =
        |k: &usize| !nominal(k) && (*k + 1..i).any(|m| is_quote_mark(&tree.tokens[m].norm));
    subjects.retain(|k| !quoted(k));
    let plain = |k: &usize| tree.children_with(*k, "case").next().is_none();
    let keep_all = subjects.len() < 2 || !subjects.iter().any(plain);
    let subject = subjects
        .iter()
        .copied()
        .filter(|k| keep_all || plain(k))
        .min_by_key(|&k| k.abs_diff(i));
    if let Some(s) = subject {
        if let Some(before) = before_relative_aside(tree, i, s) {
            return Some(before);
        }
        if let Some(phrase) = qualified_subject(tree, i, s) {
            return Some(phrase);
        }
        // A thing a clause says, released by someone (`is releasing an ad that urges …`,
        // `rushing out new books that explore …`): whoever released it speaks.
        let thing = |k: usize| {
            matches!(
                tree.tokens[k].norm.to_lowercase().as_str(),
                "that" | "which"
            ) && tree.rel(i) == "acl:relcl"
        };
        let released = tree
            .head(i)
            .filter(|&noun| thing(s) && tree.rel(noun) == "obj" && depth < 2)
            .and_then(|noun| tree.head(noun))
            .and_then(|verb| source_of(tree, verb, depth + 1));
        return released.or(Some(tree.extent(s, outside_source)));
    }
    // A clause the parse hangs from a verb shares that verb's subject, and a participle
    // with no verb of its own between may sit several clauses down ("Romney went after
    // Trump …, calling it “disqualifying” and asserting that …"): the climb stops after
    // four clauses.
    let verb_head = tree
        .head(i)
        .is_some_and(|h| matches!(tree.tokens[h].upos, Upos::Verb | Upos::Aux));
    let climbs =
        matches!(tree.rel(i), "conj" | "advcl" | "xcomp") || tree.rel(i) == "acl" && verb_head;
    // A cue after a comma that the parse joins, with no conjunction, to the clause before it
    // opens an inverted report (`…, said several observers.`): the phrase after it speaks,
    // not the subject of that clause.
    if tree.rel(i) == "conj" && tree.children_with(i, "cc").next().is_none() {
        if let Some(s) = inverted_subject(tree, i) {
            return Some(s);
        }
    }
    if depth < MAX_CLIMB && climbs {
        let head = tree.head(i)?;
        // Conjuncts are parallel: a cue the parse joins to a verb of another form inside
        // some clause below, where a verb of the cue's own form is higher up (`He said his
        // attacks have given him momentum and said that …`, `refused to answer questions on
        // who Cameron would like to see win but said …`), goes with that verb.
        if let Some(v) = (tree.rel(i) == "conj")
            .then(|| parallel_verb(tree, i, head, depth == 0))
            .flatten()
        {
            return source_of(tree, v, depth + 1);
        }
        // A participle adjunct after a comma that the parse hangs from a noun (`Sanders has
        // denounced supporters that level sexist attacks, saying …`) modifies the clause that
        // noun sits in: the first verb above that modifies no noun itself speaks.
        let adjunct = tree.rel(i) == "advcl"
            && tree.tokens[i].xpos.name() == "VBG"
            && i > 0
            && tree.tokens[i - 1].norm == ","
            && matches!(tree.tokens[head].upos, Upos::Noun | Upos::Propn);
        if adjunct {
            let mut v = head;
            for _ in 0..4 {
                v = tree.head(v)?;
                if tree.tokens[v].upos == Upos::Verb && !tree.rel(v).starts_with("acl") {
                    return source_of(tree, v, depth + 1);
                }
            }
        }
        // A reporting participle after a comma that the parse hangs from a verb inside what
        // a cue above reports (`Mr. Coleman said Mr. Kasich should leave the race, echoing
        // …`, `Bennett denied the notion that a shakeup is coming, explaining …`) goes on with
        // that report: the outermost such cue's subject speaks.
        let after_comma = i > 0 && tree.tokens[i - 1].norm == ",";
        if tree.rel(i) == "advcl" && tree.tokens[i].xpos.name() == "VBG" && after_comma {
            if let Some(r) = reporting_verb_above(tree, head, i) {
                return source_of(tree, r, depth + 1);
            }
        }
        // A cue the parse joins to the verb of another cue's report, or hangs from it as a
        // participle, where that verb has no subject of its own or only a pronoun (`X is
        // telling the group that the military is "depleted" and says he will …`, `Carson
        // said he plans a strategy, insisting that …`): the cue goes with the reporting verb,
        // whose subject speaks.
        let reporter = tree.head(head).filter(|&r| {
            tree.rel(head) == "ccomp"
                && Lexicon::get()
                    .attribution_cue(&tree.tokens[r].lemma)
                    .is_some()
        });
        let own = tree.children_with(head, "nsubj").next();
        let pronoun = own.is_some_and(|k| tree.tokens[k].upos == Upos::Pron);
        let participle = tree.rel(i) == "advcl" && tree.tokens[i].xpos.name() == "VBG";
        let joined = tree.rel(i) == "conj" || participle;
        if let Some(r) = reporter.filter(|_| joined && (own.is_none() || pronoun)) {
            return source_of(tree, r, depth + 1);
        }
        // `"…," the mayor said, adding that …`, where the parse hangs "adding" from the
        // quotation's verb: who adds is who speaks in the reporting clause before it (a
        // parataxis of either).
        let reports = |p: &usize| *p < i && is_cue_verb(tree, *p);
        let report = tree
            .children_with(i, "parataxis")
            .chain(tree.children_with(head, "parataxis"))
            .find(reports);
        if let Some(report) = report {
            if let Some(source) = source_of(tree, report, depth + 1) {
                return Some(source);
            }
        }
        // A conjoined verb shares its head's subject, however that one is found ("Fields
        // later tweeted a photograph … and said she had been yanked backward", where the
        // parse gives "tweeted" no subject).
        let shared = (tree.rel(i) == "conj").then(|| phrase_before(tree, head));
        return source_of(tree, head, depth + 1).or(shared.flatten());
    }
    // A participle after a noun (`analysts, citing …`): the noun.
    if tree.rel(i) == "acl" && tree.tokens[i].norm.ends_with("ing") {
        let noun = tree.head(i).filter(|&h| h < i && !is_time(tree, h))?;
        // A noun in a phrase ("In a statement announcing the sanctions, Moscow said …") or
        // the object of a verb ("Trump issued a statement saying …") is what was said, not
        // who: the subject of the clause it sits in speaks.
        if matches!(tree.rel(noun), "obl" | "nmod" | "obj") && depth < 2 {
            return source_of(tree, tree.head(noun)?, depth + 1);
        }
        return Some(tree.extent(noun, outside_source));
    }
    inverted_subject(tree, i)
}

/// The outermost attribution cue at most four heads above `head` (the word the parse hung
/// participle `i` from) and before `i`, when `head` is no cue itself.
fn reporting_verb_above(tree: &Tree<'_>, head: usize, i: usize) -> Option<usize> {
    if is_cue_verb(tree, head) {
        return None;
    }
    tree.ancestors(head, 4)
        .filter(|&v| v < i && is_cue_verb(tree, v))
        .last()
}

/// Whether token `v` is a verb the lexicon lists as an attribution cue.
pub(super) fn is_cue_verb(tree: &Tree<'_>, v: usize) -> bool {
    tree.tokens[v].upos == Upos::Verb
        && Lexicon::get()
            .attribution_cue(&tree.tokens[v].lemma)
            .is_some()
}

/// The verb of conjunct `i`'s own form (`said` for `said`) at most four heads above `head`,
/// the word the parse joined it to, when `head` has another form: conjuncts are parallel, so
/// the cue is that verb's conjunct. A cue (`cue`: `i` is the cue itself, not a verb climbed
/// to) is no noun's conjunct either: joined to a noun (`maintains its own monitor and
/// reported that …`, "reported" joined to "monitor"), it goes with the first verb above when
/// none has its form.
fn parallel_verb(tree: &Tree<'_>, i: usize, head: usize, cue: bool) -> Option<usize> {
    let form = tree.tokens[i].xpos;
    // A noun right before the cue is likely its own subject, which the parse missed (`where
    // restructuring experts say …`): no conjunct then.
    let own_subject = i > 0
        && matches!(
            tree.tokens[i - 1].upos,
            Upos::Noun | Upos::Propn | Upos::Pron
        );
    if tree.tokens[head].xpos == form || own_subject {
        return None;
    }
    let nominal = cue && matches!(tree.tokens[head].upos, Upos::Noun | Upos::Propn);
    let mut first = None;
    let verbs = tree
        .ancestors(head, 4)
        .filter(|&v| v < i && tree.tokens[v].upos == Upos::Verb);
    for v in verbs {
        if tree.tokens[v].xpos == form {
            return Some(v);
        }
        first = first.or(Some(v));
    }
    first.filter(|_| nominal)
}

/// The source of a quotation no cue attributes, read off the clause it is part of (`Moore
/// thanked Obama for “stepping up and taking action when Congress won't”`, `Huckabee is
/// labeling it “a blatant, belligerent abuse of power”`): the quotation (tokens `lo..hi`)
/// hangs from a word outside it, and the first verb at most three heads up from there has a
/// source ([`source_of`]) outside the quotation, as a span (what a relative pronoun stands
/// for). "Be" names no one who speaks (`There could be dangers “if you have …”`).
pub(crate) fn of_quotation(tree: &Tree<'_>, lo: usize, hi: usize) -> Option<Span> {
    let inside = |k: usize| (lo..hi).contains(&k);
    let first =
        (lo..hi).find(|&k| !tree.is_punct(k) && tree.head(k).is_some_and(|h| !inside(h)))?;
    let mut v = tree.head(first)?;
    for _ in 0..3 {
        if tree.tokens[v].upos == Upos::Verb {
            if tree.tokens[v].lemma == "be" {
                return None;
            }
            let (s_lo, s_hi) = source_of(tree, v, 0)?;
            if !(s_hi < lo || s_lo >= hi) {
                return None;
            }
            return referent_of(tree, Some((s_lo, s_hi))).or_else(|| trim(tree, s_lo, s_hi));
        }
        v = tree.head(v)?;
    }
    None
}

/// The phrase that speaks when the parse cut it at a preposition and made the preposition open
/// a clause whose subject is the preposition's noun (`…, people familiar with the talks said`
/// read as "with the talks said"): the source runs from after the comma (or the sentence's
/// start) before the preposition to the end of the cue's subject, within a few words.
fn qualified_subject(tree: &Tree<'_>, i: usize, s: usize) -> Option<(usize, usize)> {
    let (s_lo, s_hi) = tree.extent(s, outside_source);
    let adp = s_lo.checked_sub(1)?;
    let marks =
        tree.tokens[adp].upos == Upos::Adp && tree.head(adp) == Some(i) && tree.rel(adp) == "mark";
    // The preposition completes an adjective or participle ("familiar with", "close to",
    // "briefed on"), not a clause ("resigned Sunday as the opposition threatened").
    let qualifies = adp > 0
        && (tree.tokens[adp - 1].upos == Upos::Adj || tree.tokens[adp - 1].xpos.name() == "VBN");
    if !marks || !qualifies {
        return None;
    }
    let (sent_lo, _) = tree.sentence(i);
    let from = adp.saturating_sub(QUALIFIED_WORDS).max(sent_lo);
    let lo = (from..adp)
        .rev()
        .find(|&k| tree.tokens[k].norm == ",")
        .map_or(from, |k| k + 1);
    let named = (lo..adp).any(|k| {
        matches!(
            tree.tokens[k].upos,
            Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num
        )
    });
    let bounded = lo == sent_lo || tree.tokens[lo - 1].norm == ",";
    // A noun before the preposition makes the phrase (and so it is not empty).
    (named && bounded).then_some((lo, s_hi))
}

/// Most words of a phrase a preposition qualifies before a cue's subject.
const QUALIFIED_WORDS: usize = 6;

/// The name the parse hung from time expression `k` read as a subject ("Rep. Brad Sherman
/// last month joked", "Brad" a compound of "month"): a time never speaks, the name does.
fn name_in_time(tree: &Tree<'_>, k: usize) -> Option<usize> {
    tree.children(k).find(|&c| {
        c < k
            && tree.tokens[c].upos == Upos::Propn
            && !is_time(tree, c)
            && matches!(tree.rel(c), "compound" | "nmod" | "nmod:poss")
    })
}

/// Whether token `k` heads a time expression ("Friday afternoon", "this month"): a time
/// never speaks, so it is no source.
fn is_time(tree: &Tree<'_>, k: usize) -> bool {
    let w = tree.tokens[k].norm.to_lowercase();
    is_quote_word(QuoteClass::TimeNoun, &w) || is_quote_word(QuoteClass::Weekday, &w)
}

/// Whether token `k` is a relative pronoun that can be a subject ("who", "which", "that").
pub(super) fn is_relative(tree: &Tree<'_>, k: usize) -> bool {
    is_quote_word(QuoteClass::RelativePronoun, &tree.tokens[k].norm)
        && matches!(tree.tokens[k].upos, Upos::Pron | Upos::Det | Upos::Sconj)
}

/// Tokens `lo..=hi` without punctuation at either end, as a byte span; `None` when nothing
/// with a letter or digit is left.
pub(crate) fn trim(tree: &Tree<'_>, mut lo: usize, mut hi: usize) -> Option<Span> {
    if hi >= tree.tokens.len() {
        return None;
    }
    while lo <= hi && tree.is_punct(lo) {
        lo += 1;
    }
    while hi > lo && tree.is_punct(hi) {
        hi -= 1;
    }
    (lo <= hi && !tree.is_punct(lo)).then(|| tree.span(lo, hi))
}

mod window;

#[cfg(test)]
mod tests;
