//! Sources read off the words and tags around a cue where the parse goes wrong there: the
//! phrase right before a cue the parse left without a subject, a subject after the cue
//! (`…, said several observers`), and the name before an aside the parse took a subject from.

use storyline_lexicon::Lexicon;
use storyline_record::Upos;

use super::{is_time, outside_source};
use crate::attribution::content::is_quote_mark;
use crate::tree::Tree;

/// The subject after cue `i` when the cue follows a comma (or a quotation's closing comma and
/// mark) and opens with its verb (`…, said Angie Holan, Politifact's editor`, `…, said
/// several observers`), where the parse hangs the phrase elsewhere: the noun phrase right
/// after the cue, up to its head.
pub(super) fn inverted_subject(tree: &Tree<'_>, i: usize) -> Option<(usize, usize)> {
    // After a comma, or after the comma and mark that close a quotation (`"…," responded
    // NASA administrator Jim Bridenstine, noting …`).
    let norm = |k: usize| tree.tokens[k].norm.as_str();
    let after_comma = match i {
        0 => false,
        1 => norm(0) == ",",
        _ => norm(i - 1) == "," || is_quote_mark(norm(i - 1)) && norm(i - 2) == ",",
    };
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
    let first_noun = (i + 1..tree.tokens.len().min(i + 6))
        .take_while(|&k| tree.tokens[k].sentence == tree.tokens[i].sentence && opens_phrase(k))
        .find(|&k| matches!(tree.tokens[k].upos, Upos::Propn | Upos::Noun));
    // Up to the phrase's head: a possessor, a compound or a title hangs from the noun after
    // it ("the company's chief executive", "Rep. Jim Clyburn").
    let mut h = first_noun?;
    while let Some(up) = tree.head(h).filter(|&up| {
        up > h
            && up < i + 8
            && matches!(
                tree.rel(h),
                "nmod:poss" | "compound" | "amod" | "flat" | "nmod:desc"
            )
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
pub(super) fn before_relative_aside(tree: &Tree<'_>, i: usize, s: usize) -> Option<(usize, usize)> {
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
