//! Attributions read off the dependency parse: a cue (a speech or thought verb from
//! `attribution_cues.tsv`, or "according to"), the source phrase it attaches to and the content
//! it reports.
//!
//! - Source: the verb's nearest subject (`X said`, `said X`, `X, who …, said`, `one resident,
//!   Amina Yusuf, said`), the agent of a passive (`it was announced by X`), the head noun of a
//!   relative clause (`X, who said …`), the subject of the verb a participle or conjunct hangs
//!   from (`X left, saying …`, `X smiled and added …`), the object of "according to".
//! - Content: the clausal complement (`said (that) …`), a to-infinitive for verbs that report one
//!   (`promised to …`), the clause a post-posed cue follows (`…, a source said.`), the rest of the
//!   sentence after a colon, and the sentence around "according to X".

use storyline_lexicon::{is_quote_word, CueClass, Lexicon, QuoteClass};
use storyline_record::{Span, Upos};

use crate::tree::Tree;
use crate::words::Pronoun;

/// One cue with its source and content.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Attribution {
    /// The cue as written ("said", "according to").
    pub cue: String,
    /// Token index of the cue word.
    pub cue_token: usize,
    /// The source phrase the cue attaches to ("he", "the ministry", "who"), when the parse
    /// shows one.
    pub source: Option<Span>,
    /// What a relative pronoun source stands for (`the farmer, who said …` → "the farmer").
    pub referent: Option<Span>,
    /// The reported content.
    pub content: Span,
    /// Whether the cue reports thought ("believes") rather than speech.
    pub thought: bool,
    /// How the content was found: `"ccomp"`, `"xcomp"`, `"parataxis"`, `"postposed"`,
    /// `"colon"`, `"colon-quote"`, `"object"` or `"according"`.
    pub via: &'static str,
    /// Whether the cue is an open-class candidate (`open`), not a word of the cue list.
    pub open: bool,
}

/// Relations left out of a source phrase: clauses hanging from it and punctuation.
fn outside_source(rel: &str) -> bool {
    matches!(
        rel,
        "acl:relcl" | "acl" | "parataxis" | "ccomp" | "advcl" | "punct" | "case" | "dep"
    )
}

/// Every attribution of the article, in text order of content; empty without a parse.
pub(crate) fn find_attributions(tree: &Tree<'_>) -> Vec<Attribution> {
    let mut out: Vec<Attribution> = Vec::new();
    if !tree.is_parsed() {
        return out;
    }
    let lexicon = Lexicon::get();
    let tokens = tree.tokens;
    for i in 0..tokens.len() {
        let t = &tokens[i];
        let found = if t.norm == "according" && tokens.get(i + 1).is_some_and(|n| n.norm == "to") {
            according(tree, i)
        } else if t.upos == Upos::Verb {
            lexicon.attribution_cue(&t.lemma).and_then(|(class, inf)| {
                let object = lexicon.attribution_cue_object(&t.lemma);
                verb(
                    tree,
                    i,
                    Cue {
                        class,
                        infinitive: inf,
                        object,
                    },
                )
            })
        } else {
            None
        };
        if let Some(a) = found {
            if !out.iter().any(|b| b.content == a.content) {
                out.push(a);
            }
        }
    }
    out.sort_by_key(|a| (a.content.start(), a.cue_token));
    defer_vague_sources(tree, &mut out);
    out
}

/// "what it called": a bare "it" or "they" as the source of a cue inside another attribution's
/// content stands for that attribution's source when it is not vague itself (`the United
/// States warned that … what it called "dirty money"`), as the word-window cues read it. Only
/// the nearest attributions opening before the cue are looked at, so the pass stays linear.
fn defer_vague_sources(tree: &Tree<'_>, out: &mut [Attribution]) {
    const NEAREST: usize = 32;
    let tokens = tree.tokens;
    let vague: Vec<bool> = out
        .iter()
        .map(|a| {
            a.referent.is_none()
                && a.source.is_some_and(|s| {
                    let k = tokens.partition_point(|t| t.span.start() < s.start());
                    tokens.get(k).is_some_and(|t| {
                        t.span.end() == s.end()
                            && matches!(
                                crate::words::pronoun(&t.norm.to_lowercase()),
                                Some(Pronoun::Neuter | Pronoun::Plural)
                            )
                    })
                })
        })
        .collect();
    for k in 0..out.len() {
        if !vague[k] {
            continue;
        }
        let cue = tokens[out[k].cue_token].span;
        let opened = out.partition_point(|o| o.content.start() <= cue.start());
        let outer = (opened.saturating_sub(NEAREST)..opened)
            .filter(|&j| {
                let o = &out[j];
                j != k && cue.end() <= o.content.end() && o.source.is_some() && !vague[j]
            })
            .min_by_key(|&j| out[j].content.len())
            .and_then(|j| out[j].referent.or(out[j].source));
        if outer.is_some() {
            out[k].referent = outer;
        }
    }
}

/// What the lexicon says about one cue verb (`attribution_cues.tsv`).
#[derive(Debug, Clone, Copy)]
struct Cue {
    class: CueClass,
    /// It also reports a to-infinitive.
    infinitive: bool,
    /// It reports a noun phrase: `"obj"`, or the preposition that heads it.
    object: Option<&'static str>,
}

/// Whether verb `i` is an imperative: a base form opening its sentence with no subject ("Add
/// the jars to the water", "Know when a door opens"): it tells the reader what to do and
/// reports nothing.
pub(crate) fn is_imperative(tree: &Tree<'_>, i: usize) -> bool {
    let (s_lo, _) = tree.sentence(i);
    let first = (s_lo..=i).find(|&k| !tree.is_punct(k));
    first == Some(i)
        && tree.tokens[i].xpos.name() == "VB"
        && !tree.children(i).any(|k| tree.rel(k).starts_with("nsubj"))
}

/// "Rep. Trey Gowdy (R-S.C.)", "Sen. Elizabeth Warren (D-Mass.)": a party and state label in
/// parentheses is no part of who speaks. The last token of source `lo..=hi` before such a
/// label, or `hi`.
fn before_party_label(tree: &Tree<'_>, lo: usize, hi: usize) -> usize {
    let norm = |k: usize| tree.tokens.get(k).map_or("", |t| t.norm.as_str());
    (lo + 1..=hi)
        .find(|&k| norm(k) == "(" && matches!(norm(k + 1), "r" | "d" | "i") && norm(k + 2) == "-")
        .map_or(hi, |k| k - 1)
}

/// The attribution of cue verb `i`, if it reports content.
fn verb(tree: &Tree<'_>, i: usize, cue: Cue) -> Option<Attribution> {
    if is_imperative(tree, i) {
        return None;
    }
    let (s_lo, s_hi) = tree.sentence(i);
    let source = source_of(tree, i, 0).or_else(|| phrase_before(tree, i));
    let referent = referent_of(tree, source);
    let (content, via) = complement(tree, i, cue.infinitive, source)
        .or_else(|| quoted_parataxis(tree, i).map(|c| (tree.extent(c, |_| false), "ccomp")))
        .or_else(|| paratactic(tree, i).map(|c| (c, "parataxis")))
        .or_else(|| postposed(tree, i, source, s_lo).map(|c| (c, "postposed")))
        .or_else(|| after_colon(tree, i, s_hi))
        .or_else(|| object(tree, i, cue.object?).map(|c| (c, "object")))?;
    let content = trim(tree, content.0, content.1)?;
    Some(Attribution {
        cue: tree.span(i, i).slice(tree.text).to_string(),
        cue_token: i,
        source: source.and_then(|(lo, hi)| trim(tree, lo, before_party_label(tree, lo, hi))),
        referent,
        content,
        thought: cue.class == CueClass::Thought,
        via,
        open: false,
    })
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
    let (lo, hi) = tree.extent(k, |r| r == "punct");
    let case = tree.children_with(k, "case").next().unwrap_or(lo);
    Some((lo.max(case + 1), hi))
}

/// A clausal complement of `i` (`said (that) …`), or a to-infinitive when the verb reports
/// one, with its relation (`"ccomp"` or `"xcomp"`).
pub(crate) fn complement(
    tree: &Tree<'_>,
    i: usize,
    infinitive: bool,
    source: Option<(usize, usize)>,
) -> Option<((usize, usize), &'static str)> {
    let c = tree
        .children(i)
        .find(|&k| tree.rel(k) == "ccomp" || infinitive && tree.rel(k) == "xcomp")?;
    let via = tree.rel(c);
    let (lo, mut hi) = tree.extent(c, |_| false);
    if c > i {
        // A cue reports one clause: a second complement that starts right where the first
        // ends, with no punctuation or conjunction between, is that clause cut in two by the
        // parse ("will seek to tighten sanctions | on Putin so there is no place …"), whether it
        // hangs the rest from the cue as a complement or as parataxis.
        for k in tree
            .children(i)
            .filter(|&k| k > c && matches!(tree.rel(k), "ccomp" | "parataxis"))
        {
            let (k_lo, k_hi) = tree.extent(k, |_| false);
            let joined =
                k_lo == hi + 1 && !matches!(tree.tokens[k_lo].upos, Upos::Punct | Upos::Cconj);
            if !joined {
                break;
            }
            hi = k_hi;
        }
        return Some(((lo, hi), via));
    }
    // A complement before the cue (`…, a source said`) ends before the cue and its source,
    // whatever the parse hung from it; words between it and them that the parse hung from the
    // cue are the clause's own (`stay closed until the spring, a council engineer said` with
    // "spring" read as the cue's oblique).
    let end = match source {
        Some((s_lo, _)) if s_lo > c => s_lo.min(i),
        _ => i,
    };
    let mut hi = hi.min(end.saturating_sub(1));
    let gap = hi + 1..end;
    if !gap.is_empty()
        && gap
            .clone()
            .all(|k| tree.tokens[k].upos == Upos::Punct || hangs_from(tree, k, i))
    {
        hi = end - 1;
        while hi > lo && tree.tokens[hi].upos == Upos::Punct {
            hi -= 1;
        }
    }
    Some(((lo, hi), via))
}

/// Whether token `k` hangs from token `i`, directly or through other words.
fn hangs_from(tree: &Tree<'_>, k: usize, i: usize) -> bool {
    let mut at = k;
    for _ in 0..tree.tokens.len() {
        match tree.head(at) {
            Some(h) if h == i => return true,
            Some(h) => at = h,
            None => return false,
        }
    }
    false
}

/// The complement the parse hangs from listed cue `i` as parataxis because a quotation mark,
/// colon or comma opens it (`says that “there were issues …”`, `said, “We will …”`): a clause
/// after the cue introduced by that punctuation or by a subordinator. The parse may also hang
/// a "that" clause from the noun of a phrase between the cue and it (`says on its website
/// that …`): a clause opened by a subordinator or a quotation mark is no relative clause.
fn quoted_parataxis(tree: &Tree<'_>, i: usize) -> Option<usize> {
    // Beside a verb any subordinator opens it; beside a noun only one that opens what is said.
    let opens = |k: usize, beside_verb: bool| {
        let (lo, _) = tree.extent(k, |_| false);
        lo > i && {
            let first = &tree.tokens[lo];
            let mark = tree.rel(lo) == "mark"
                && (beside_verb || matches!(first.norm.as_str(), "that" | "whether"));
            mark || beside_verb && matches!(first.norm.as_str(), ":" | ",")
                || is_quote_mark(&first.norm)
        }
    };
    tree.children_with(i, "parataxis")
        .find(|&k| opens(k, true))
        .or_else(|| {
            tree.children_with(i, "obl")
                .filter(|&o| o > i)
                .flat_map(|o| tree.children(o))
                .find(|&k| matches!(tree.rel(k), "acl" | "acl:relcl") && opens(k, false))
        })
}

/// The clause a paratactic cue hangs from (`The talks failed, he said.` parsed with `said` as
/// parataxis of `failed`), without the cue's own phrase.
fn paratactic(tree: &Tree<'_>, i: usize) -> Option<(usize, usize)> {
    if tree.rel(i) != "parataxis" {
        return None;
    }
    let h = tree.head(i)?;
    let (own_lo, _) = tree.extent(i, |_| false);
    let (lo, hi) = tree.extent(h, |r| r == "parataxis");
    if h < own_lo {
        Some((lo, hi.min(own_lo.saturating_sub(1))))
    } else {
        None
    }
}

/// The clause before a cue that closes its sentence after a comma or dash
/// (`The road is closed, a police spokesman said.`), whatever the parse made of it. A cue whose
/// subject is a relative pronoun qualifies its noun (`… and Stevie Wonder, who joked of the
/// museum`): it reports nothing of the clause before.
fn postposed(
    tree: &Tree<'_>,
    i: usize,
    source: Option<(usize, usize)>,
    s_lo: usize,
) -> Option<(usize, usize)> {
    // Its subject alone, not the parse's relation: the parser also hangs real postposed cues
    // from a noun ("…'s offices, the Interior Ministry said").
    if source.is_some_and(|(lo, hi)| lo == hi && is_relative(tree, lo)) {
        return None;
    }
    let mut start = source.map_or(i, |(lo, _)| lo.min(i));
    // auxiliaries and adverbs of the cue ("has also said") belong to the reporting clause
    while start > s_lo {
        let p = start - 1;
        let rel = tree.rel(p);
        if tree.head(p) == Some(i) && matches!(rel, "aux" | "advmod" | "aux:pass") {
            start = p;
        } else {
            break;
        }
    }
    if start < s_lo + 4 {
        return None;
    }
    let sep = &tree.tokens[start - 1].norm;
    let closes = matches!(sep.as_str(), "," | "-" | "--" | "—" | "–" | "\"" | "'");
    (closes && reports_nothing_after(tree, i) && is_clause(tree, s_lo, start - 1))
        .then_some((s_lo, start - 1))
}

/// Whether cue `i` has no object or complement after it (`…, officials said.`, not
/// `…, officials called for a veto`).
fn reports_nothing_after(tree: &Tree<'_>, i: usize) -> bool {
    !tree
        .children(i)
        .any(|k| k > i && matches!(tree.rel(k), "obj" | "ccomp" | "xcomp" | "iobj"))
}

/// Whether tokens `lo..hi` hold a main clause, not only an opening phrase (`In those fields,`,
/// `As a phone rang,`, `Speaking to students,`): a subject whose verb is not subordinate, or a
/// verb in a stretch that does not open with a preposition, conjunction or participle.
fn is_clause(tree: &Tree<'_>, lo: usize, hi: usize) -> bool {
    let subject = (lo..hi).any(|k| {
        tree.rel(k).starts_with("nsubj")
            && tree.head(k).is_some_and(|h| {
                (lo..hi).contains(&h) && tree.children_with(h, "mark").next().is_none()
            })
    });
    let Some(first) = (lo..hi).find(|&k| !tree.is_punct(k)) else {
        return false;
    };
    let t = &tree.tokens[first];
    let opener = matches!(t.upos, Upos::Adp | Upos::Sconj)
        || t.upos == Upos::Verb && t.norm.ends_with("ing");
    let verb = (lo..hi).any(|k| matches!(tree.tokens[k].upos, Upos::Verb | Upos::Aux));
    subject || !opener && verb
}

/// The rest of the sentence after `said:` (via `"colon"`); where the colon ends its paragraph,
/// the next paragraph when it opens with a quotation mark (`He said:` ¶ `"We have a situation
/// …"`, via `"colon-quote"`: it only names the speaker of that quotation).
fn after_colon(tree: &Tree<'_>, i: usize, s_hi: usize) -> Option<((usize, usize), &'static str)> {
    let colon = (i + 1..=s_hi.min(i + 4)).find(|&k| tree.tokens[k].norm == ":")?;
    if colon < s_hi {
        return Some(((colon + 1, s_hi), "colon"));
    }
    let tokens = tree.tokens;
    let next = tokens.get(colon + 1)?;
    if next.paragraph == tokens[colon].paragraph || !is_quote_mark(&next.norm) {
        return None;
    }
    let end = tokens[colon + 1..]
        .iter()
        .position(|t| t.paragraph != next.paragraph)
        .map_or(tokens.len(), |n| colon + 1 + n);
    Some(((colon + 1, end - 1), "colon-quote"))
}

/// Whether `w` is a quotation mark.
fn is_quote_mark(w: &str) -> bool {
    let mut chars = w.chars();
    matches!(
        (chars.next(), chars.next()),
        (
            Some('"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}'),
            None
        )
    ) || w == "``"
        || w == "\'\'"
}

/// "according to X": X is the source; the content is the rest of the sentence.
fn according(tree: &Tree<'_>, i: usize) -> Option<Attribution> {
    let (s_lo, s_hi) = tree.sentence(i);
    let noun = tree.head(i).filter(|&h| h > i + 1 && h <= s_hi)?;
    let (n_lo, n_hi) = tree.extent(noun, |r| {
        matches!(r, "case" | "punct" | "acl:relcl" | "parataxis")
    });
    // Clauses hung on the source are no part of its name ("according to her account, after
    // examining Clinton's leg, she insisted …"), though the content starts after them.
    let (_, name_hi) = tree.extent(noun, |r| {
        matches!(
            r,
            "case" | "punct" | "acl:relcl" | "acl" | "advcl" | "parataxis"
        )
    });
    let n_lo = n_lo.max(i + 2);
    // An appositive is closed by a comma; one the parse hangs on the source that runs straight
    // into the verb ("According to US intelligence, Russia has stationed …") is the reported
    // clause's subject.
    let n_hi = tree
        .children_with(noun, "appos")
        .filter(|&a| a > noun)
        .map(|a| tree.extent(a, |_| false))
        .find(|&(_, a_hi)| a_hi < s_hi && !tree.is_punct(a_hi + 1))
        .map_or(n_hi, |(a_lo, _)| a_lo.saturating_sub(1).max(noun));
    let content = if i <= s_lo + 1 {
        trim(tree, n_hi + 1, s_hi)?
    } else {
        trim(tree, s_lo, i - 1)?
    };
    Some(Attribution {
        cue: tree.span(i, i + 1).slice(tree.text).to_string(),
        cue_token: i,
        source: trim(tree, n_lo, name_hi.min(n_hi)),
        referent: None,
        content,
        thought: false,
        via: "according",
        open: false,
    })
}

/// The source phrase of cue verb `i`: its subject, a passive's agent, (up to two steps) the
/// subject of the verb it hangs from, or the noun a participle modifies.
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
    let subjects: Vec<usize> = tree
        .children(i)
        .filter(|&k| tree.rel(k) == "nsubj" && !is_time(tree, k))
        .collect();
    let plain = |k: &usize| tree.children_with(*k, "case").next().is_none();
    let keep_all = subjects.len() < 2 || !subjects.iter().any(plain);
    let subject = subjects
        .iter()
        .copied()
        .filter(|k| keep_all || plain(k))
        .min_by_key(|&k| k.abs_diff(i));
    if let Some(s) = subject {
        return Some(tree.extent(s, outside_source));
    }
    if depth < 2 && matches!(tree.rel(i), "conj" | "advcl" | "xcomp") {
        let head = tree.head(i)?;
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
        return source_of(tree, head, depth + 1);
    }
    // A participle after a noun (`analysts, citing …`): the noun.
    if tree.rel(i) == "acl" && tree.tokens[i].norm.ends_with("ing") {
        let noun = tree.head(i).filter(|&h| h < i && !is_time(tree, h))?;
        // A noun in a phrase ("In a statement announcing the sanctions, Moscow said …") is
        // what was said, not who: the subject of the clause it sits in speaks.
        if matches!(tree.rel(noun), "obl" | "nmod") && depth < 2 {
            return source_of(tree, tree.head(noun)?, depth + 1);
        }
        return Some(tree.extent(noun, outside_source));
    }
    None
}

/// Whether token `k` heads a time expression ("Friday afternoon", "this month"): a time
/// never speaks, so it is no source.
fn is_time(tree: &Tree<'_>, k: usize) -> bool {
    let w = tree.tokens[k].norm.to_lowercase();
    is_quote_word(QuoteClass::TimeNoun, &w) || is_quote_word(QuoteClass::Weekday, &w)
}

/// Whether token `k` is a relative pronoun that can be a subject ("who", "which", "that").
fn is_relative(tree: &Tree<'_>, k: usize) -> bool {
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
    while hi > s_lo && matches!(tree.tokens[hi - 1].upos, Upos::Aux | Upos::Adv) {
        hi -= 1;
    }
    let hi = hi.checked_sub(1).filter(|&h| h >= s_lo)?;
    if tree.tokens[hi].norm != "," {
        return noun_phrase_ending(tree, s_lo, hi);
    }
    let open = (s_lo.max(hi.saturating_sub(30))..hi)
        .rev()
        .find(|&k| tree.tokens[k].norm == ",")?;
    // An aside is nominal: a clause between the commas (`in an interview, X acknowledged …,
    // stating that`) is no appositive.
    let aside = open + 1..hi;
    if aside
        .clone()
        .any(|k| matches!(tree.tokens[k].upos, Upos::Verb | Upos::Aux))
    {
        return None;
    }
    let name = aside.clone().all(|k| tree.tokens[k].upos == Upos::Propn);
    if !aside.is_empty() && aside.len() <= 4 && name {
        return Some((open + 1, hi - 1));
    }
    noun_phrase_ending(tree, s_lo, open.checked_sub(1).filter(|&k| k >= s_lo)?)
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
mod tests {
    use super::*;
    use storyline_record::Article;

    fn parsed(text: &str) -> Article {
        let mut a = Article::new("x", "");
        a.set_text(text.into());
        storyline_segment::Segmenter::new().annotate(&mut a);
        storyline_syntax::SyntaxAnnotator::new().annotate(&mut a);
        a
    }

    /// (cue, source, content) of each attribution.
    fn run(text: &str) -> Vec<(String, String, String)> {
        let a = parsed(text);
        let tree = Tree::new(&a.tokens, &a.text);
        find_attributions(&tree)
            .into_iter()
            .map(|x| {
                (
                    x.cue,
                    x.source
                        .map(|s| s.slice(text).to_string())
                        .unwrap_or_default(),
                    x.content.slice(text).to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn a_party_label_is_no_part_of_the_source() {
        let r = run("Rep. Trey Gowdy (R-S.C.) said the plan had failed.");
        let said = r.iter().find(|x| x.0 == "said");
        assert_eq!(said.map(|x| x.1.as_str()), Some("Rep. Trey Gowdy"), "{r:?}");
    }

    #[test]
    fn adding_speaks_with_the_reporting_clause_before_it() {
        let r = run("\"We do not see a link to terrorism,\" the mayor said, adding that it would take more hours before details emerge.");
        let adding = r.iter().find(|x| x.0 == "adding");
        assert_eq!(adding.map(|x| x.1.as_str()), Some("the mayor"), "{r:?}");
    }

    #[test]
    fn a_complement_opened_by_a_quotation_mark_is_reported() {
        let r = run("The commission says on its website that “there were issues with the audio.”");
        let says = r.iter().find(|x| x.0 == "says");
        assert_eq!(says.map(|x| x.1.as_str()), Some("The commission"), "{r:?}");
        assert!(
            says.is_some_and(|x| x.2.contains("there were issues")),
            "{r:?}"
        );
    }

    #[test]
    fn an_appositive_running_into_the_verb_is_the_reported_subject() {
        let r = run("According to US intelligence, Russia has stationed about 70,000 troops near the border.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "US intelligence");
        assert!(r[0].2.starts_with("Russia has stationed"), "{r:?}");
        let r =
            run("According to Jane Hale, a lawyer for the city, the bridge will reopen in May.");
        assert_eq!(r[0].1, "Jane Hale, a lawyer for the city");
    }

    #[test]
    fn a_cue_after_an_aside_between_commas_takes_the_phrase_or_name_it_follows() {
        let src = |t: &str| {
            let r = run(t);
            r.iter().find(|x| x.0 == "said").map(|x| x.1.clone())
        };
        let s = src("In a statement, one of the family's attorneys, Justin Bamberg, said the videos show Scott calmly leaving his car.");
        assert!(s.as_deref().is_some_and(|s| s.contains("Bamberg")), "{s:?}");
        let s = src("''It has the important virtue of being fiscally responsible,'' Leonard E. Burman, director of the centrist Urban-Brookings Tax Policy Center and a professor at the Maxwell School of Syracuse University, said of the plan.");
        assert!(s.as_deref().is_some_and(|s| s.contains("Burman")), "{s:?}");
    }

    #[test]
    fn subject_and_clausal_complement() {
        let r = run("The harbour master said that the ferry would not sail on Friday.");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].0, "said");
        assert_eq!(r[0].1, "The harbour master");
        assert!(
            r[0].2.ends_with("the ferry would not sail on Friday"),
            "{r:?}"
        );
    }

    #[test]
    fn postposed_cue_after_a_comma() {
        let r = run("The bridge will stay closed until the spring, a council engineer said.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "a council engineer");
        assert_eq!(r[0].2, "The bridge will stay closed until the spring");
    }

    #[test]
    fn a_relative_clause_cue_reports_nothing_before_it() {
        let r = run("The crowd included Oprah Winfrey and Stevie Wonder, who joked of the museum.");
        assert!(r.is_empty(), "{r:?}");
    }

    #[test]
    fn an_opening_phrase_is_no_reported_clause() {
        for text in [
            "In those quiet fields, the farmers said nothing at all.",
            "As the rain fell, the mayor said.",
            "However, over the past few days, the senator has called for a veto.",
        ] {
            let r = run(text);
            assert!(
                r.iter().all(|x| !text.starts_with(x.2.as_str())),
                "{text}: {r:?}"
            );
        }
    }

    #[test]
    fn a_statement_is_what_is_said_not_who_says_it() {
        let r = run(
            "In a statement announcing the new tariffs, the ministry said that imports would fall.",
        );
        assert!(r.iter().all(|x| !x.1.contains("statement")), "{r:?}");
    }

    #[test]
    fn a_clause_the_parse_cut_in_two_is_reported_whole() {
        let text = "Health Minister Ana Ruiz told Radio North that her party will seek to tighten rules on Chief Executive Mark Olsen so there is no room for his managers to hide.";
        let r = run(text);
        let said = r
            .iter()
            .find(|x| x.0 == "told")
            .expect("an attribution of told");
        assert!(said.2.ends_with("his managers to hide"), "{r:?}");
    }

    #[test]
    fn according_to_at_either_end() {
        let r = run("According to the fire brigade, nobody was hurt in the blaze.");
        assert_eq!(r[0].0, "According to");
        assert_eq!(r[0].1, "the fire brigade");
        assert_eq!(r[0].2, "nobody was hurt in the blaze");
        let r = run("Nobody was hurt in the blaze, according to the fire brigade.");
        assert_eq!(r[0].2, "Nobody was hurt in the blaze");
        assert_eq!(r[0].1, "the fire brigade");
    }

    #[test]
    fn who_after_a_name_stands_for_the_name() {
        let text = "Washington left open the possibility of dialogue, something acknowledged by \
                    Lavrov, who said there was at least something in the written answers.";
        let a = parsed(text);
        let tree = Tree::new(&a.tokens, &a.text);
        let found = find_attributions(&tree);
        let said = found.iter().find(|x| x.cue == "said").expect("a cue");
        assert_eq!(said.referent.map(|s| s.slice(text)), Some("Lavrov"));
    }

    #[test]
    fn relative_clause_subject_stands_for_its_noun() {
        let text = "The farmer, who said the river had never risen so fast, left the valley.";
        let a = parsed(text);
        let tree = Tree::new(&a.tokens, &a.text);
        let found = find_attributions(&tree);
        let said = found.iter().find(|x| x.cue == "said").expect("a cue");
        assert_eq!(said.source.map(|s| s.slice(text)), Some("who"));
        assert_eq!(said.referent.map(|s| s.slice(text)), Some("The farmer"));
    }

    #[test]
    fn a_vague_source_inside_reported_content_stands_for_its_reporter() {
        let text = "Last week, the United States warned that the UK's acceptance of what it called Russian \"dirty money\" threatened the sanctions.";
        let a = parsed(text);
        let tree = Tree::new(&a.tokens, &a.text);
        let found = find_attributions(&tree);
        let called = found.iter().find(|x| x.cue == "called").expect("a cue");
        assert_eq!(called.source.map(|s| s.slice(text)), Some("it"));
        assert_eq!(
            called.referent.map(|s| s.slice(text)),
            Some("the United States")
        );
    }

    #[test]
    fn an_agent_speaks_and_a_relative_pronoun_stands_for_the_noun_before_it() {
        let text = "The union rejected the offer this week, although the company left open talks on pay, something acknowledged by the union leader, who said there was at least something in the offer.";
        let a = parsed(text);
        let tree = Tree::new(&a.tokens, &a.text);
        let found = find_attributions(&tree);
        let sources: Vec<&str> = found
            .iter()
            .filter_map(|x| x.source.map(|s| s.slice(text)))
            .collect();
        assert!(!sources.contains(&"something"), "{sources:?}");
        let said = found.iter().find(|x| x.cue == "said").expect("a cue");
        assert_eq!(said.source.map(|s| s.slice(text)), Some("who"));
        assert_eq!(
            said.referent.map(|s| s.slice(text)),
            Some("the union leader")
        );
    }

    #[test]
    fn thought_and_infinitive_cues() {
        let r = run("The coach believes his team can still win the league.");
        assert_eq!(r[0].1, "The coach");
        assert!(r[0].2.contains("his team can still win the league"));
        let r = run("The mayor promised to rebuild the school by next year.");
        assert_eq!(r[0].1, "The mayor");
        assert!(r[0].2.contains("rebuild the school"), "{r:?}");
    }

    #[test]
    fn a_colon_ending_its_paragraph_reports_the_quotation_after_it() {
        let r = run("The harbour master said:\n\n\"We will not sail until the storm has passed.\"");
        let said = r.iter().find(|x| x.0 == "said").expect("a cue");
        assert_eq!(said.1, "The harbour master");
        assert!(said.2.contains("We will not sail"), "{r:?}");
        let r = run("The harbour master said:\n\nThe ferry stays in port.");
        assert!(r.iter().all(|x| x.0 != "said"), "{r:?}");
    }

    #[test]
    fn no_parse_no_attributions() {
        let tokens = storyline_segment::tokenize("He said the road was closed.");
        let text = "He said the road was closed.";
        assert!(find_attributions(&Tree::new(&tokens, text)).is_empty());
    }
}
