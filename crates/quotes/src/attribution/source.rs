//! Where an attribution's source stands in the parse: the cue's subject, a passive's agent,
//! the subject of the verb the cue hangs from, the phrase right before a cue the parse left
//! without one, and what a relative pronoun source stands for.

use storyline_lexicon::{is_quote_word, Lexicon, QuoteClass};
use storyline_record::{Shape, Span, Upos};

use super::content::is_quote_mark;
use crate::tree::Tree;

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
    // right before it outranks a parse that hangs the clause from a common word.
    let named = before.filter(|&k| {
        tree.tokens[k].upos == Upos::Propn && tree.tokens[lo].norm.eq_ignore_ascii_case("who")
    });
    let head = clause
        .and_then(|c| tree.head(c))
        .filter(|&noun| nominal(noun));
    named
        .filter(|_| head.is_some_and(|h| tree.tokens[h].upos != Upos::Propn))
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
    // Of two subjects, one with a preposition is a misattached oblique ("Officials in
    // Brussels said", parsed with "Brussels" as a second subject). A lone subject keeps it:
    // the parser also hangs a title's preposition on the name ("Ambassador to Moscow John
    // Sullivan").
    let all: Vec<usize> = tree
        .children(i)
        .filter(|&k| tree.rel(k) == "nsubj")
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
    if depth < MAX_CLIMB && climbs {
        let head = tree.head(i)?;
        // Conjuncts are parallel: a cue the parse joins to a verb of another form inside
        // some clause below, where a verb of the cue's own form is higher up (`He said his
        // attacks have given him momentum and said that …`, `refused to answer questions on
        // who Cameron would like to see win but said …`), goes with that verb.
        if let Some(v) = (tree.rel(i) == "conj")
            .then(|| parallel_verb(tree, i, head))
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
        let reports = |p: &usize| {
            *p < i
                && tree.tokens[*p].upos == Upos::Verb
                && Lexicon::get()
                    .attribution_cue(&tree.tokens[*p].lemma)
                    .is_some()
        };
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

/// The subject after cue `i` when the cue follows a comma and opens with its verb (`…, said
/// Angie Holan, Politifact's editor`, `…, said several observers`), where the parse hangs the
/// phrase elsewhere: the noun phrase right after the cue, up to its head.
fn inverted_subject(tree: &Tree<'_>, i: usize) -> Option<(usize, usize)> {
    let after_comma = i > 0 && tree.tokens[i - 1].norm == ",";
    let finite = matches!(tree.tokens[i].xpos.name(), "VBD" | "VBZ" | "VBP");
    // A verb that also reports a to-infinitive takes whom it addresses as its object (`told
    // CNN`, `urged the council`): the phrase after it is no subject.
    let inverts = Lexicon::get()
        .attribution_cue(&tree.tokens[i].lemma)
        .is_some_and(|(_, infinitive)| !infinitive);
    if !after_comma || !finite || !inverts {
        return None;
    }
    let opens_phrase = |k: usize| {
        matches!(
            tree.tokens[k].upos,
            Upos::Det | Upos::Adj | Upos::Num | Upos::Propn | Upos::Noun
        )
    };
    let mut head = None;
    for k in i + 1..tree.tokens.len().min(i + 6) {
        if tree.tokens[k].sentence != tree.tokens[i].sentence || !opens_phrase(k) {
            break;
        }
        if matches!(tree.tokens[k].upos, Upos::Propn | Upos::Noun) {
            head = Some(k);
            break;
        }
    }
    // Up to the phrase's head: a possessor or a compound hangs from the noun after it ("the
    // company's chief executive").
    let mut h = head?;
    while let Some(up) = tree.head(h).filter(|&up| {
        up > h && up < i + 8 && matches!(tree.rel(h), "nmod:poss" | "compound" | "amod" | "flat")
    }) {
        h = up;
    }
    // The phrase ends its clause (`…, said several observers.`): a phrase that goes on is the
    // cue's object (`…, reiterated those feelings and stressed …`).
    let (lo, hi) = tree.extent(h, outside_source);
    let ends = tree
        .tokens
        .get(hi + 1)
        .is_none_or(|t| t.sentence != tree.tokens[i].sentence || t.upos == Upos::Punct);
    (ends && !is_time(tree, h)).then_some((lo, hi))
}

/// The phrase before a relative or participial aside that ends right before cue `i` (`Obama,
/// who has denounced the attack as a hate crime, reiterated`), when the parse took subject
/// `s` from inside the aside: a subject never sits in a clause that modifies it.
fn before_relative_aside(tree: &Tree<'_>, i: usize, s: usize) -> Option<(usize, usize)> {
    // A cue that is itself the verb of a relative clause has its relative pronoun as subject
    // (`Warren, who, on a call Friday, criticized …`).
    if s >= i || i < 2 || tree.tokens[i - 1].norm != "," || tree.rel(i).starts_with("acl") {
        return None;
    }
    let (s_lo, _) = tree.sentence(i);
    let opens_aside = |k: usize| {
        let w = tree.tokens[k + 1].norm.to_lowercase();
        tree.tokens[k].norm == ","
            && (matches!(w.as_str(), "who" | "whose" | "which")
                || matches!(tree.tokens[k + 1].xpos.name(), "VBG" | "VBN"))
    };
    let open = (s_lo.max(i.saturating_sub(40))..=s)
        .rev()
        .find(|&k| k > s_lo && opens_aside(k))?;
    name_before_asides(tree, s_lo, open).or_else(|| noun_phrase_ending(tree, s_lo, open - 1))
}

/// The outermost attribution cue at most four heads above `head` (the word the parse hung
/// participle `i` from) and before `i`, when `head` is no cue itself.
fn reporting_verb_above(tree: &Tree<'_>, head: usize, i: usize) -> Option<usize> {
    let cue = |v: usize| {
        tree.tokens[v].upos == Upos::Verb
            && Lexicon::get()
                .attribution_cue(&tree.tokens[v].lemma)
                .is_some()
    };
    if cue(head) {
        return None;
    }
    let mut v = head;
    let mut found = None;
    for _ in 0..4 {
        v = match tree.head(v) {
            Some(up) => up,
            None => break,
        };
        if v < i && cue(v) {
            found = Some(v);
        }
    }
    found
}

/// The verb of conjunct `i`'s own form (`said` for `said`) at most four heads above `head`,
/// the word the parse joined it to, when `head` has another form: conjuncts are parallel, so
/// the cue is that verb's conjunct.
fn parallel_verb(tree: &Tree<'_>, i: usize, head: usize) -> Option<usize> {
    let form = tree.tokens[i].xpos;
    if tree.tokens[head].xpos == form {
        return None;
    }
    let mut v = head;
    for _ in 0..4 {
        v = tree.head(v)?;
        if v < i && tree.tokens[v].upos == Upos::Verb && tree.tokens[v].xpos == form {
            return Some(v);
        }
    }
    None
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

/// The noun phrase right before cue `i` (`…, a council engineer said`), read off the tags
/// where the parse gives the cue no subject; auxiliaries and adverbs between are skipped
/// ("has also said"). Before a comma the phrase is the one a nominal aside between commas
/// follows (`Leonard E. Burman, director of …, said`), or the aside itself when it is a name
/// (`one of the attorneys, Justin Bamberg, said`). A listed cue in the passive has none:
/// what stands before it was reported on or asked (`Sleep deprivation has been shown to …`,
/// `Reagan was once asked …`). A participle of state is no such passive: whoever is
/// `convinced` or `determined` holds the view.
pub(crate) fn phrase_before(tree: &Tree<'_>, i: usize) -> Option<(usize, usize)> {
    let passive = tree
        .children(i)
        .any(|k| matches!(tree.rel(k), "aux:pass" | "nsubj:pass"));
    if passive
        && Lexicon::get()
            .attribution_cue(&tree.tokens[i].lemma)
            .is_some()
    {
        return None;
    }
    let (s_lo, _) = tree.sentence(i);
    let mut hi = i;
    while hi > s_lo
        && matches!(tree.tokens[hi - 1].upos, Upos::Aux | Upos::Adv)
        && !tree.is_name(hi - 1)
    {
        hi -= 1;
    }
    let hi = hi.checked_sub(1).filter(|&h| h >= s_lo)?;
    // A name the tagger misread ("Schlafly also noted …", the surname tagged as an adverb).
    if tree.is_name(hi) && tree.tokens[hi].upos != Upos::Propn {
        let lo = (s_lo..=hi)
            .rev()
            .take_while(|&k| tree.is_name(k))
            .last()
            .unwrap_or(hi);
        return Some((lo, hi));
    }
    if tree.tokens[hi].norm != "," {
        return noun_phrase_ending(tree, s_lo, hi);
    }
    let open = (s_lo.max(hi.saturating_sub(30))..hi)
        .rev()
        .find(|&k| tree.tokens[k].norm == ",")?;
    // An aside is nominal: a clause between the commas (`in an interview, X acknowledged …,
    // stating that`) is no appositive; a participle after a noun is part of one (`one of the
    // states suing the EPA`). A clause that opens with a participle (`Trump, speaking to a
    // veterans group, said`) says what the speaker did meanwhile: the name before it speaks.
    let aside = open + 1..hi;
    if aside.clone().any(|k| clausal(tree, k)) {
        let participle = matches!(tree.tokens[open + 1].xpos.name(), "VBG" | "VBN");
        return participle
            .then(|| name_before_asides(tree, s_lo, open))
            .flatten();
    }
    let name = aside.clone().all(|k| tree.tokens[k].upos == Upos::Propn);
    if !aside.is_empty() && aside.len() <= 4 && name {
        return Some((open + 1, hi - 1));
    }
    name_before_asides(tree, s_lo, open)
        .or_else(|| noun_phrase_ending(tree, s_lo, open.checked_sub(1).filter(|&k| k >= s_lo)?))
}

/// The name that opens a run of nominal asides between commas ending at the comma `open`
/// (`Scott Pruitt, the attorney general of Oklahoma, one of the states suing the EPA, said`):
/// at most three segments back, each without a verb of its own (a participle after a noun is
/// part of it), the first one a name of at most five words right after the sentence's start,
/// a quotation mark or a comma.
fn name_before_asides(tree: &Tree<'_>, s_lo: usize, open: usize) -> Option<(usize, usize)> {
    let is_comma = |k: usize| tree.tokens[k].norm == ",";
    let mut end = open;
    for _ in 0..3 {
        let start = (s_lo.max(end.saturating_sub(20))..end)
            .rev()
            .find(|&k| is_comma(k) || is_quote_mark(&tree.tokens[k].norm))
            .map_or(s_lo, |k| k + 1);
        let segment = start..end;
        if segment.is_empty() || segment.clone().any(|k| clausal(tree, k)) {
            return None;
        }
        let opens = start == s_lo || is_quote_mark(&tree.tokens[start - 1].norm);
        let name =
            segment.len() <= 5 && segment.clone().all(|k| tree.tokens[k].upos == Upos::Propn);
        if name && (opens || start >= 2 && is_quote_mark(&tree.tokens[start - 2].norm)) {
            return Some((start, end - 1));
        }
        if opens || start == 0 {
            return None;
        }
        end = start - 1;
    }
    None
}

/// Whether token `k` is a verb or auxiliary of a clause, not a participle modifying a noun.
fn clausal(tree: &Tree<'_>, k: usize) -> bool {
    matches!(tree.tokens[k].upos, Upos::Verb | Upos::Aux) && !tree.rel(k).starts_with("acl")
}

/// The noun phrase of at most eight words ending at token `hi` (sentence from `s_lo`), read
/// off the tags; `None` when it names nothing or is a time.
fn noun_phrase_ending(tree: &Tree<'_>, s_lo: usize, hi: usize) -> Option<(usize, usize)> {
    let mut lo = hi + 1;
    let mut nominal = false;
    while lo > s_lo && hi + 1 - lo < 8 {
        let t = &tree.tokens[lo - 1];
        let fits = matches!(
            t.upos,
            Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num
        ) || t.upos == Upos::Part && t.norm == "'s";
        if !fits {
            break;
        }
        nominal |= matches!(t.upos, Upos::Noun | Upos::Propn | Upos::Pron);
        lo -= 1;
    }
    let time = is_time(tree, hi);
    (nominal && !time && lo <= hi && tree.tokens[hi].upos != Upos::Det).then_some((lo, hi))
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

#[cfg(test)]
mod tests;
