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

use storyline_lexicon::{CueClass, Lexicon};
use storyline_record::{Span, Upos};

use crate::tree::Tree;
use crate::words::Pronoun;

mod content;
pub(crate) mod source;
#[cfg(test)]
pub(crate) mod testing;

use content::{after_colon, paratactic, parenthetical, postposed, quoted_parataxis, told_that};
pub(crate) use content::{complement, goes_on, is_quote_mark};
pub(crate) use source::{object, phrase_before, referent_of, source_of, trim};

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
    /// `"parenthetical"`, `"colon"`, `"colon-quote"`, `"object"` or `"according"`.
    pub via: &'static str,
    /// Whether the cue is an open-class candidate (`open`), not a word of the cue list.
    pub open: bool,
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

/// Whether word `i` is the second part of a hyphenated compound ("so-called",
/// "self-declared"): an adjective, no verb of speech.
fn after_hyphen(tree: &Tree<'_>, i: usize) -> bool {
    i >= 2 && tree.tokens[i - 1].norm == "-" && {
        let (a, h, w) = (&tree.tokens[i - 2], &tree.tokens[i - 1], &tree.tokens[i]);
        a.span.end() == h.span.start() && h.span.end() == w.span.start()
    }
}

/// The attribution of cue verb `i`, if it reports content.
fn verb(tree: &Tree<'_>, i: usize, cue: Cue) -> Option<Attribution> {
    if is_imperative(tree, i) || after_hyphen(tree, i) {
        return None;
    }
    let (s_lo, s_hi) = tree.sentence(i);
    let source = source_of(tree, i, 0).or_else(|| phrase_before(tree, i));
    let referent = referent_of(tree, source);
    let (content, via) = parenthetical(tree, i, source, (s_lo, s_hi))
        .map(|c| (c, "parenthetical"))
        .or_else(|| complement(tree, i, cue.infinitive, source))
        .or_else(|| quoted_parataxis(tree, i).map(|c| (tree.extent(c, |_| false), "ccomp")))
        .or_else(|| {
            let c = told_that(tree, i).filter(|_| cue.infinitive)?;
            Some((tree.extent(c, |_| false), "ccomp"))
        })
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
    // A fronted "According to X," ends at its comma, whatever the parse hangs on X past it
    // ("According to data released in August, newly installed capacity reached …": the
    // parse made "capacity" a conjunct of "data").
    let fronted = i <= s_lo + 1;
    let n_hi = if fronted {
        // The comma that opens a modifier of X is not it ("According to Jane Hale, a lawyer,
        // …", "According to the study, published in …, the man …"); one that opens a
        // conjunct is ("According to data …, newly installed capacity reached …").
        let opens_modifier = |k: usize| {
            tree.children(noun).any(|c| {
                c > k
                    && !matches!(tree.rel(c), "conj" | "punct")
                    && (k..=k + 1).contains(&tree.extent(c, |_| false).0)
            })
        };
        (noun + 1..=n_hi)
            .find(|&k| tree.tokens[k].norm == "," && !opens_modifier(k))
            .map_or(n_hi, |k| k - 1)
    } else {
        n_hi
    };
    let content = if fronted {
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

#[cfg(test)]
mod tests {
    use super::testing::{given, parsed};
    use super::*;

    /// The source and the referent of the attribution whose cue is "said".
    fn said_by(a: &storyline_record::Article) -> (Option<&str>, Option<&str>) {
        let tree = Tree::new(&a.tokens, &a.text);
        let found = find_attributions(&tree);
        let said = found.iter().find(|x| x.cue == "said").expect("a cue");
        let slice = |s: Option<Span>| s.map(|s| s.slice(&a.text));
        (slice(said.source), slice(said.referent))
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
    fn a_fronted_according_to_ends_at_its_comma() {
        let r = run("According to data released by MOTIE in August, newly installed capacity for the first seven months of the year reached 1.64 GW.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "data released by MOTIE in August");
        assert!(r[0].2.starts_with("newly installed capacity"), "{r:?}");
        // A comma that opens a modifier of the source does not end it.
        let r =
            run("According to the study, published in a journal, the man had suffered for months.");
        assert!(r[0].2.starts_with("the man had suffered"), "{r:?}");
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
        // Two asides, one with a participle: the name that opens them speaks.
        let s = src("\"It is an attack on the city regulatory power,\" Nora Kell, the Democratic attorney general of Ohio, one of the states suing the FDA, said at a Columbus event.");
        assert!(s.as_deref().is_some_and(|s| s.contains("Kell")), "{s:?}");
    }

    #[test]
    fn a_cue_set_into_its_sentence_reports_the_whole_sentence() {
        let r = run("The new pier, the harbour master said, will open in the spring.");
        assert_eq!(
            r,
            [(
                "said".to_string(),
                "the harbour master".to_string(),
                "The new pier, the harbour master said, will open in the spring".to_string()
            )]
        );
        // A complement opening before the comma is no aside.
        let r = run("On Monday, the mayor declared that whatever the cost, the pier will open.");
        assert!(r.iter().all(|x| !x.2.starts_with("On Monday")), "{r:?}");
        // A participle after the comma goes on with the reporting clause.
        let r = run("On Monday, the mayor said, adding that the pier will open in the spring.");
        assert!(r.iter().all(|x| !x.2.starts_with("On Monday")), "{r:?}");
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
    fn what_is_called_for_runs_on_through_its_infinitive() {
        let r = run(
            "The mayor called for local drivers to use shorter routes that avoided the bridge.",
        );
        assert!(
            r.iter().any(|x| x.0 == "called"
                && x.2 == "local drivers to use shorter routes that avoided the bridge"),
            "{r:?}"
        );
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
        assert_eq!(said_by(&parsed(text)).1, Some("Lavrov"));
    }

    #[test]
    fn relative_clause_subject_stands_for_its_noun() {
        let text = "The farmer, who said the river had never risen so fast, left the valley.";
        assert_eq!(said_by(&parsed(text)), (Some("who"), Some("The farmer")));
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
        assert_eq!(said_by(&a), (Some("who"), Some("the union leader")));
    }

    #[test]
    fn who_stands_for_the_noun_before_it_not_for_a_pronoun_further_back() {
        // The parse hangs the relative clause from "something", not from "leader".
        let text = "The union rejected the offer this week, although the company left open talks on pay, something acknowledged by the union leader, who said there was at least something in the offer.";
        let a = given(
            text,
            &[
                ("DET", "DT", 2, "det"),
                ("NOUN", "NN", 3, "nsubj"),
                ("VERB", "VBD", 0, "root"),
                ("DET", "DT", 5, "det"),
                ("NOUN", "NN", 3, "obj"),
                ("DET", "DT", 7, "det"),
                ("NOUN", "NN", 3, "obl:unmarked"),
                ("PUNCT", ",", 12, "punct"),
                ("SCONJ", "IN", 12, "mark"),
                ("DET", "DT", 11, "det"),
                ("NOUN", "NN", 12, "nsubj"),
                ("VERB", "VBN", 3, "advcl"),
                ("ADJ", "JJ", 14, "amod"),
                ("NOUN", "NNS", 12, "obj"),
                ("ADP", "IN", 16, "case"),
                ("NOUN", "NN", 12, "obl"),
                ("PUNCT", ",", 18, "punct"),
                ("PRON", "NN", 12, "advcl"),
                ("VERB", "VBN", 18, "acl"),
                ("ADP", "IN", 23, "case"),
                ("DET", "DT", 23, "det"),
                ("NOUN", "NN", 23, "compound"),
                ("NOUN", "NN", 19, "obl:agent"),
                ("PUNCT", ",", 26, "punct"),
                ("PRON", "WP", 26, "nsubj"),
                ("VERB", "VBD", 18, "acl:relcl"),
                ("PRON", "EX", 28, "expl"),
                ("VERB", "VBD", 26, "ccomp"),
                ("ADP", "IN", 30, "case"),
                ("ADJ", "JJS", 31, "nmod"),
                ("PRON", "NN", 28, "nsubj"),
                ("ADP", "IN", 34, "case"),
                ("DET", "DT", 34, "det"),
                ("NOUN", "NN", 31, "nmod"),
                ("PUNCT", ".", 3, "punct"),
            ],
        );
        assert_eq!(said_by(&a), (Some("who"), Some("the union leader")));
    }

    #[test]
    fn the_verb_inside_a_hyphenated_adjective_is_no_cue() {
        let r = run("The regime staged a so-called referendum in the city on Sunday.");
        assert!(r.iter().all(|x| x.0 != "called"), "{r:?}");
        let r = run("Officials said the so-called referendum was illegal.");
        assert!(r.iter().any(|x| x.0 == "said"), "{r:?}");
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
