//! What an attribution reports: the clausal complement of its cue, a quoted or paratactic
//! clause, the clause a post-posed cue closes, or the rest of the sentence after a colon.

use storyline_record::{Shape, Upos};

use super::source::{is_cue_verb, is_relative};
use crate::tree::Tree;

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
        return Some(((lo, goes_on(tree, i, hi)), via));
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

/// Where what cue `i` reports ends when its complement or object ends at token `hi`: what
/// the cue's clause goes on to say after it, hung from the cue, is read with it (`argues
/// that families want their own schools, despite …`, `slamming Kaine for his work …`), up
/// to a word that does not hang from the cue. What the writer says next is not: a clause
/// with a subject of its own (`Fans vented their fury, and the club's leadership stayed
/// silent`, `… moot because it is up to the electors`), a joined verb (`criticized the
/// responses but conceded that …`, `slammed the comments and lashed out at …`) or a bare
/// participle (`refused to rein in his influence, even denying …`).
pub(crate) fn goes_on(tree: &Tree<'_>, i: usize, mut hi: usize) -> usize {
    let subject = |c: usize| tree.rel(c).starts_with("nsubj") || tree.rel(c) == "expl";
    let after = hi;
    for k in tree
        .children(i)
        .filter(|&k| k > after && tree.rel(k) != "punct")
    {
        let own = tree.children(k).any(subject);
        let bare = tree.rel(k) == "advcl" && tree.children_with(k, "mark").next().is_none();
        if tree.rel(k) == "conj" || own || bare {
            break;
        }
        let (k_lo, k_hi) = tree.extent(k, |_| false);
        let between = hi + 1..k_lo;
        if !between
            .clone()
            .all(|b| matches!(tree.tokens[b].upos, Upos::Punct | Upos::Cconj))
        {
            break;
        }
        hi = k_hi;
    }
    hi
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
pub(super) fn quoted_parataxis(tree: &Tree<'_>, i: usize) -> Option<usize> {
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
        .find(|&k| opens(k, true) && !reports_back(tree, k))
        .or_else(|| {
            tree.children_with(i, "obl")
                .filter(|&o| o > i)
                .flat_map(|o| tree.children(o))
                .find(|&k| matches!(tree.rel(k), "acl" | "acl:relcl") && opens(k, false))
        })
}

/// Whether clause `k` is a reporting clause that closes its sentence (`…, people familiar with
/// the talks say.`): a cue verb the lexicon lists, with a subject and nothing after it. It reports what comes
/// before it, and is no complement of an earlier verb the parse hung it from.
fn reports_back(tree: &Tree<'_>, k: usize) -> bool {
    let (_, hi) = tree.extent(k, |_| false);
    is_cue_verb(tree, k)
        && tree
            .children(k)
            .any(|c| c < k && tree.rel(c).starts_with("nsubj"))
        && (k + 1..=hi).all(|j| tree.tokens[j].upos == Upos::Punct)
}

/// The "that" clause the parse read as a relative clause of whom a cue that addresses someone
/// (`tell`, `warn`, `urge`: the cues that report a to-infinitive too) addresses (`he told a
/// meeting of Pacific Island leaders that few people understood the stakes`: "that" the
/// object of "understood", the clause hung from "leaders"). It is a complement when "that"
/// is neither the clause's subject nor its only object: the clause has a subject and an
/// object of its own.
pub(super) fn told_that(tree: &Tree<'_>, i: usize) -> Option<usize> {
    let addressed = tree
        .children(i)
        .filter(|&o| o > i && matches!(tree.rel(o), "obj" | "iobj" | "obl"));
    let phrases = addressed.flat_map(|o| {
        std::iter::once(o).chain(tree.children(o).filter(move |&n| tree.rel(n) == "nmod"))
    });
    let clauses: Vec<usize> = phrases
        .flat_map(|n| tree.children(n))
        .filter(|&k| matches!(tree.rel(k), "acl" | "acl:relcl"))
        .collect();
    clauses.into_iter().find(|&k| {
        let (lo, _) = tree.extent(k, |_| false);
        let that = tree.tokens[lo].norm == "that";
        let own = |rel: &str| tree.children(k).any(|c| c != lo && tree.rel(c) == rel);
        that && tree.rel(lo) != "nsubj" && own("nsubj") && (tree.rel(lo) != "obj" || own("obj"))
    })
}

/// The clause a paratactic cue hangs from (`The talks failed, he said.` parsed with `said` as
/// parataxis of `failed`), without the cue's own phrase.
pub(super) fn paratactic(tree: &Tree<'_>, i: usize) -> Option<(usize, usize)> {
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
pub(super) fn postposed(
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
    let start = reporting_start(tree, i, source.map_or(i, |(lo, _)| lo.min(i)), s_lo);
    if start < s_lo + 4 {
        return None;
    }
    let sep = &tree.tokens[start - 1].norm;
    let closes = matches!(sep.as_str(), "," | "-" | "--" | "—" | "–" | "\"" | "'");
    (closes
        && reports_nothing_after(tree, i, source)
        && !opens_quotation(tree, i + 1, false)
        && is_clause(tree, s_lo, start - 1))
    .then_some((s_lo, start - 1))
}

/// The sentence a cue is set into between commas (`The latest test, North Korea said, was its
/// biggest yet`; `Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt`), whatever
/// the parse made of the two halves: both are what is reported, so the content is the whole
/// sentence, the cue's phrase inside it. The cue's subject stands after a comma and words
/// before it; the cue's phrase (with its obliques: `the agency said in a June report`) ends at
/// the next comma, without a verb; a verb stands in the halves and two words or more after.
pub(super) fn parenthetical(
    tree: &Tree<'_>,
    i: usize,
    source: Option<(usize, usize)>,
    (s_lo, s_hi): (usize, usize),
) -> Option<(usize, usize)> {
    let (src_lo, _) = source.filter(|&(lo, _)| lo < i && !is_relative(tree, lo))?;
    let start = reporting_start(tree, i, src_lo, s_lo);
    let comma = |k: usize| tree.tokens[k].norm == ",";
    if start < s_lo + 2 || !comma(start - 1) {
        return None;
    }
    let close = (i + 1..=s_hi.min(i + 8)).find(|&k| comma(k))?;
    if opens_quotation(tree, close, true) {
        return None;
    }
    let verb = |k: usize| matches!(tree.tokens[k].upos, Upos::Verb | Upos::Aux);
    // What the cue reports starting before the comma (`declared that whatever response …,`)
    // is a complement, not an aside.
    let reports = |k: usize| {
        tree.tokens[k].upos == Upos::Sconj
            || tree.head(k) == Some(i) && matches!(tree.rel(k), "obj" | "iobj" | "ccomp" | "xcomp")
    };
    if (i + 1..close).any(|k| verb(k) || reports(k)) {
        return None;
    }
    let after = (close + 1..=s_hi).filter(|&k| !tree.is_punct(k)).count();
    let halves_verb = (s_lo..start - 1).chain(close + 1..=s_hi).any(verb);
    // A participle after the comma goes on with the reporting clause (`X said, adding …`).
    let goes_on = tree
        .tokens
        .get(close + 1)
        .is_some_and(|t| t.xpos.name() == "VBG");
    (after >= 2 && halves_verb && !goes_on).then_some((s_lo, s_hi))
}

/// Whether the comma `comma` opens a quotation: what the cue before it reports, so the cue
/// does not close its sentence. With `sentence`, only a quotation that starts a sentence of
/// its own (a capital): then the words before the cue's subject only set the scene (`At a
/// rally in Berea, Gov. John Kasich said, “I'm getting ready …”`), while a quotation that goes
/// on in lower case finishes the sentence begun before the cue (`These sources, the lawyers
/// said, “all command …”`).
fn opens_quotation(tree: &Tree<'_>, comma: usize, sentence: bool) -> bool {
    let at = |k: usize| tree.tokens.get(k);
    at(comma).is_some_and(|t| t.norm == ",")
        && at(comma + 1).is_some_and(|t| is_quote_mark(&t.norm))
        && (!sentence
            || at(comma + 2).is_some_and(|t| matches!(t.shape, Shape::Title | Shape::Upper)))
}

/// Where the reporting clause of cue `i` starts, from its first word `from`: auxiliaries and
/// adverbs of the cue before it belong to it ("has also said").
fn reporting_start(tree: &Tree<'_>, i: usize, from: usize, s_lo: usize) -> usize {
    let mut start = from;
    while start > s_lo {
        let p = start - 1;
        if tree.head(p) == Some(i) && matches!(tree.rel(p), "aux" | "advmod" | "aux:pass") {
            start = p;
        } else {
            break;
        }
    }
    start
}

/// Whether cue `i` has no object or complement after it (`…, officials said.`, not
/// `…, officials called for a veto`).
fn reports_nothing_after(tree: &Tree<'_>, i: usize, source: Option<(usize, usize)>) -> bool {
    // The cue's own source after it, read by the parse as its object (`…, said several
    // observers`), is no report.
    let in_source = |k: usize| source.is_some_and(|(lo, hi)| (lo..=hi).contains(&k));
    !tree.children(i).any(|k| {
        k > i && matches!(tree.rel(k), "obj" | "ccomp" | "xcomp" | "iobj") && !in_source(k)
    })
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
pub(super) fn after_colon(
    tree: &Tree<'_>,
    i: usize,
    s_hi: usize,
) -> Option<((usize, usize), &'static str)> {
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
pub(crate) fn is_quote_mark(w: &str) -> bool {
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

#[cfg(test)]
mod tests;
