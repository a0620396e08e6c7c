//! The dependency parse of a sentence at the coder's word level: which word heads which,
//! by what relation, and what follows from it for an event: the clause a trigger stands in
//! (main predicate, nominal event, subordinate clause or a noun buried in a phrase) and the
//! words that fill its roles (subject, agent of a passive, object or oblique, possessor).
//!
//! The coder's words join tokens written together ("Russia's", "Secretary-General"); a word's
//! head is the word holding the head of its topmost token.

use storyline_lexicon::{is_event_word, EventClass};
use storyline_record::{Token, Upos};

use crate::words::Word;

mod repair;

/// How far up the tree a walk goes before giving up: parses of real sentences are shallow,
/// and a cycle (never produced by the parser, but possible in a hand-made record) ends here.
const MAX_DEPTH: usize = 24;

/// One word's place in the parse.
#[derive(Debug, Clone, Copy)]
struct Node<'t> {
    head: Option<usize>,
    rel: &'static str,
    upos: Upos,
    lemma: &'t str,
}

/// The parse of one sentence over its words.
#[derive(Debug)]
pub(crate) struct Tree<'t> {
    nodes: Vec<Node<'t>>,
    children: Vec<Vec<usize>>,
}

/// Where a trigger stands in its sentence, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Place {
    /// The main predicate, a verb it governs through control, coordination or reported
    /// speech, or a noun argument of such a verb ("imposed sanctions", "Talks … are set").
    Main,
    /// A noun with a possessor ("Russia's annexation of Crimea"): an event of its own.
    Nominal,
    /// A verb heading a subordinate or relative clause.
    Subordinate,
    /// A noun inside a prepositional phrase or a modifier: never the event.
    Buried,
}

/// The arguments of a trigger read from the parse, as word indices.
#[derive(Debug, Default)]
pub(crate) struct Roles {
    /// Words of the acting phrase.
    pub(crate) subject: Vec<usize>,
    /// The subject when it is a personal pronoun ("it", "they").
    pub(crate) pronoun: Option<usize>,
    /// The phrases acted upon, object first: head word and words.
    pub(crate) targets: Vec<(usize, Vec<usize>)>,
    /// How many of `targets`, at the end, are scene-setting obliques ("in Santiago").
    pub(crate) num_scene: usize,
    /// The clause is passive: its grammatical subject is the target.
    pub(crate) passive: bool,
    /// The trigger is a noun whose existence is stated ("should there be a fight"): no one
    /// is named acting.
    pub(crate) existential: bool,
}

impl<'t> Tree<'t> {
    /// The parse of a sentence's `words` from its `tokens`, which start at index `base` of the
    /// article's token list (heads index that list); `None` when the syntax stage has not run
    /// or found no clause.
    pub(crate) fn new(words: &[Word<'_>], tokens: &'t [Token], base: usize) -> Option<Tree<'t>> {
        if words.is_empty() || !tokens.iter().any(|t| t.deprel.name() == "root") {
            return None;
        }
        let word_of: Vec<usize> = tokens
            .iter()
            .map(|t| {
                words
                    .partition_point(|w| w.span.end() <= t.span.start())
                    .min(words.len() - 1)
            })
            .collect();
        let mut nodes: Vec<Option<Node<'t>>> = vec![None; words.len()];
        for (k, t) in tokens.iter().enumerate() {
            let w = word_of[k];
            let head_word = t
                .head
                .and_then(|h| (h as usize).checked_sub(base))
                .and_then(|h| word_of.get(h).copied());
            // A word's node is its topmost token: the one whose head lies outside the word.
            if head_word == Some(w) || nodes[w].is_some() {
                continue;
            }
            nodes[w] = Some(Node {
                head: head_word,
                rel: t.deprel.name(),
                upos: t.upos,
                lemma: t.lemma.as_str(),
            });
        }
        let mut nodes: Vec<Node<'t>> = nodes
            .into_iter()
            .map(|n| {
                n.unwrap_or(Node {
                    head: None,
                    rel: "dep",
                    upos: Upos::X,
                    lemma: "",
                })
            })
            .collect();
        repair::repair(&mut nodes, words);
        let mut children = vec![Vec::new(); nodes.len()];
        for (i, n) in nodes.iter().enumerate() {
            if let Some(h) = n.head.filter(|&h| h != i) {
                children[h].push(i);
            }
        }
        let tree = Tree { nodes, children };
        tree.clausal().then_some(tree)
    }
}

/// Relations that open a clause of its own: a phrase's words stop there.
const CLAUSAL: &[&str] = &[
    "acl",
    "acl:relcl",
    "advcl",
    "advcl:relcl",
    "ccomp",
    "parataxis",
    "csubj",
];

impl Tree<'_> {
    fn rel(&self, w: usize) -> &'static str {
        self.nodes.get(w).map_or("dep", |n| n.rel)
    }

    fn head(&self, w: usize) -> Option<usize> {
        self.nodes.get(w).and_then(|n| n.head)
    }

    /// The lemma of word `w` ("" when the parse has none).
    pub(crate) fn lemma(&self, w: usize) -> &str {
        self.nodes.get(w).map_or("", |n| n.lemma)
    }

    fn nominal(&self, w: usize) -> bool {
        self.nodes
            .get(w)
            .is_some_and(|n| matches!(n.upos, Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num))
    }

    /// Whether word `w` lies in what a speech verb other than `a` reports (its clausal
    /// complement: "stating that it was a response to the US military's presence"), below
    /// the lowest word that heads both `w` and `a`.
    pub(crate) fn reported_apart(&self, mut w: usize, a: usize) -> bool {
        let lex = storyline_lexicon::Lexicon::get();
        let mut above_a = vec![false; self.nodes.len()];
        let mut x = Some(a);
        for _ in 0..self.nodes.len() {
            let Some(y) = x.filter(|&y| y < above_a.len() && !above_a[y]) else {
                break;
            };
            above_a[y] = true;
            x = self.head(y);
        }
        for _ in 0..self.nodes.len() {
            if above_a.get(w).copied().unwrap_or(true) {
                return false;
            }
            let Some(h) = self.head(w) else {
                return false;
            };
            if h != a && self.rel(w) == "ccomp" && lex.attribution_cue(self.lemma(h)).is_some() {
                return true;
            }
            w = h;
        }
        false
    }

    fn kids(&self, w: usize) -> &[usize] {
        self.children.get(w).map_or(&[], Vec::as_slice)
    }

    fn child(&self, w: usize, rels: &[&str]) -> Option<usize> {
        self.kids(w)
            .iter()
            .copied()
            .find(|&c| rels.contains(&self.rel(c)))
    }

    /// The preposition of an oblique or modifier ("on" in "on Russia"), lower-cased.
    fn case_of(&self, w: usize, words: &[Word<'_>]) -> Option<String> {
        self.child(w, &["case"])
            .and_then(|c| words.get(c))
            .map(|c| c.lower.clone())
    }

    /// Whether the parse found a clause: its root is a verb or a predicate with a copula.
    /// A noun root means a headline, or a sentence whose verb the tagger took for a
    /// participle or an adjective ("Israeli tanks shelled positions" read as a noun phrase);
    /// either way word order reads it better than the tree.
    fn clausal(&self) -> bool {
        self.nodes.iter().enumerate().any(|(i, n)| {
            n.rel == "root"
                && (matches!(n.upos, Upos::Verb | Upos::Aux) || self.child(i, &["cop"]).is_some())
        })
    }

    /// Whether noun `w` stands in a prepositional phrase of a light verb that makes it the
    /// predicate ("put under investigation", "remained on alert", "are under attack").
    fn light_phrase(&self, w: usize, words: &[Word<'_>]) -> bool {
        let case = self.case_of(w, words);
        let head = self.head(w).map_or("", |h| self.lemma(h));
        let copular = self.child(w, &["cop"]).is_some();
        case.is_some_and(|c| is_event_word(EventClass::LightCase, c.as_str()))
            && (copular || (self.rel(w) == "obl" && storyline_lexicon::is_light_verb(head)))
    }

    /// Where word `a`, a trigger's head word, stands, and how many clause links lie between
    /// it and the sentence's root.
    pub(crate) fn place(&self, a: usize, words: &[Word<'_>]) -> (Place, usize) {
        let possessed = self.child(a, &["nmod:poss"]).is_some();
        let mut w = a;
        let mut depth = 0;
        for _ in 0..MAX_DEPTH {
            let rel = self.rel(w);
            let nominal = self.nominal(w);
            let head_nominal = self.head(w).is_some_and(|h| self.nominal(h));
            match rel {
                "root" => return (Place::Main, depth),
                "conj" | "dep" | "flat" | "fixed" | "compound:prt" | "list" => {}
                "xcomp" | "ccomp" | "parataxis" => depth += 1,
                "obj" | "iobj" | "nsubj" | "nsubj:pass" | "nsubj:outer" | "csubj:pass"
                    if w == a || !nominal =>
                {
                    depth += 1
                }
                // "mediation mission", "ten days of war games": the noun it modifies stands
                // in for it.
                "compound" if nominal && head_nominal => {}
                "nmod"
                    if nominal
                        && head_nominal
                        && self.case_of(w, words).as_deref() == Some("of") => {}
                "obl" if w == a && nominal && self.light_phrase(w, words) => {}
                // "a free trial": an adjective describing a noun is no event (a participle
                // may be a verb the parse hung there).
                "amod" if self.nodes[w].upos == Upos::Adj => return (Place::Buried, depth),
                "acl" | "acl:relcl" | "advcl" | "advcl:relcl" | "csubj" => {
                    return (Place::Subordinate, depth)
                }
                _ if possessed && w == a => return (Place::Nominal, depth),
                _ if !self.nominal(a) && w == a => return (Place::Subordinate, depth),
                _ => return (Place::Buried, depth),
            }
            match self.head(w) {
                Some(h) if h != w => w = h,
                _ => return (Place::Main, depth),
            }
        }
        (Place::Buried, depth)
    }

    /// The words of the phrase headed by `w`, without the clauses it governs.
    fn phrase(&self, w: usize, out: &mut Vec<usize>) {
        let mut stack = vec![w];
        let mut n = 0;
        while let Some(x) = stack.pop() {
            n += 1;
            if n > self.nodes.len() {
                break;
            }
            out.push(x);
            for &c in self.kids(x) {
                if !CLAUSAL.contains(&self.rel(c)) {
                    stack.push(c);
                }
            }
        }
        out.sort_unstable();
    }

    /// The verb whose modality a subject noun's event takes ("Talks … are set to take
    /// place" → "take"): the predicate of its clause, or that predicate's complement.
    pub(crate) fn predicate_of_subject(&self, a: usize) -> Option<usize> {
        if !matches!(self.rel(a), "nsubj" | "nsubj:pass") || !self.nominal(a) {
            return None;
        }
        let v = self.head(a)?;
        Some(self.child(v, &["xcomp"]).unwrap_or(v))
    }

    /// Whether verb `v` is passive: it has a passive auxiliary ("was killed", "got hit").
    fn passive(&self, v: usize) -> bool {
        self.child(v, &["aux:pass"]).is_some()
    }

    /// The subject of the verb `v`, climbing through control and coordination ("agreed to
    /// send", "met and agreed") when `v` has none of its own.
    fn subject_of(&self, v: usize) -> Option<usize> {
        let mut w = v;
        for _ in 0..MAX_DEPTH {
            if let Some(s) = self.child(w, &["nsubj", "csubj", "nsubj:outer"]) {
                return Some(s);
            }
            // A passive subject without a passive auxiliary is the tagger taking a past
            // tense for a participle ("Zambia extradited …"): the subject acts.
            if !self.passive(w) {
                if let Some(s) = self.child(w, &["nsubj:pass"]) {
                    return Some(s);
                }
            }
            if !matches!(self.rel(w), "xcomp" | "conj") {
                return None;
            }
            w = self.head(w)?;
        }
        None
    }

    /// The roles of the trigger whose head word is `a`; `span` holds the trigger's words
    /// (a phrase trigger's other words may carry the target: "sent troops *to Kyiv*").
    pub(crate) fn roles(
        &self,
        a: usize,
        span: std::ops::Range<usize>,
        words: &[Word<'_>],
    ) -> Roles {
        let mut r = Roles::default();
        let mut subject = None;
        let mut target_heads: Vec<usize> = Vec::new();
        let mut scene: Vec<usize> = Vec::new();
        let nominal = self.nominal(a);
        let mut holders: Vec<usize> = span.clone().collect();
        if nominal {
            let poss = self.child(a, &["nmod:poss"]);
            let rel = self.rel(a);
            if self.light_phrase(a, words) {
                // The copula's subject ("X was under attack"), else the light verb's.
                let v = self.head(a).filter(|_| self.child(a, &["cop"]).is_none());
                let subj = match v {
                    Some(v) => self.subject_of(v),
                    None => self.subject_of(a),
                };
                if self.case_of(a, words).as_deref() == Some("under") {
                    // "X was put under investigation": X is acted upon, by no one named.
                    target_heads.extend(subj);
                    r.passive = true;
                } else {
                    // "X remained on alert": X acts.
                    subject = subj;
                }
                holders.extend(v);
            } else if poss.is_some() {
                subject = poss;
            } else if rel == "obj"
                && self
                    .head(a)
                    .is_some_and(|v| is_event_word(EventClass::UndergoVerb, self.lemma(v)))
            {
                // "X received death threats", "X faced sanctions from the EU": X is acted
                // upon, by whoever "from" or "by" names.
                let v = self.head(a);
                target_heads.extend(v.and_then(|v| self.subject_of(v)));
                let by = |w: usize, rel: &str| {
                    self.kids(w).iter().copied().find(|&c| {
                        self.rel(c) == rel
                            && matches!(self.case_of(c, words).as_deref(), Some("from" | "by"))
                    })
                };
                subject = by(a, "nmod").or_else(|| v.and_then(|v| by(v, "obl")));
                r.passive = subject.is_none();
                holders.extend(v);
            } else if rel == "obj"
                && self
                    .head(a)
                    .is_some_and(|v| is_event_word(EventClass::WitnessVerb, self.lemma(v)))
            {
                // "X acknowledged a troop build-up", "X reported an attack": X tells of an
                // event someone else does, and no one is named doing it.
                r.passive = true;
            } else if matches!(rel, "obj" | "iobj") {
                // A light verb's object ("imposed sanctions", "held talks"): the verb's
                // subject acts; its obliques may name the target.
                if let Some(v) = self.head(a) {
                    subject = self.subject_of(v);
                    if let Some(p) = self.child(v, &["nsubj:pass"]).filter(|_| self.passive(v)) {
                        target_heads.push(p);
                        r.passive = true;
                    }
                    holders.push(v);
                }
            } else if !matches!(rel, "nsubj" | "nsubj:pass") {
                subject = self.child(a, &["amod", "compound"]);
            } else {
                r.existential = self
                    .head(a)
                    .is_some_and(|h| self.child(h, &["expl"]).is_some());
            }
        } else {
            r.passive = self.passive(a);
            if r.passive {
                subject = self.kids(a).iter().copied().find(|&c| {
                    self.rel(c) == "obl:agent"
                        || (self.rel(c) == "obl" && self.case_of(c, words).as_deref() == Some("by"))
                });
                if let Some(p) = self.child(a, &["nsubj:pass"]) {
                    target_heads.push(p);
                }
            } else {
                subject = self.subject_of(a);
            }
        }
        // An intent or refusal verb's complement names what is promised or refused, and to
        // whom ("promised to continue aid to Mozambique").
        let complements: Vec<usize> = holders
            .iter()
            .flat_map(|&h| self.kids(h).iter().copied())
            .filter(|&c| self.rel(c) == "xcomp" && !self.nominal(c))
            .collect();
        holders.sort_unstable();
        holders.dedup();
        holders.extend(complements);
        for &h in &holders {
            for &c in self.kids(h) {
                if Some(c) == subject || span.contains(&c) && c != h {
                    continue;
                }
                match self.rel(c) {
                    "obj" | "iobj" => target_heads.push(c),
                    "obl" | "nmod" => {
                        let case = self.case_of(c, words);
                        // "according to US intelligence" names a source of the report.
                        if case.as_deref() == Some("according") {
                            continue;
                        }
                        if case
                            .as_deref()
                            .is_some_and(|k| is_event_word(EventClass::SceneCase, k))
                        {
                            scene.push(c);
                        } else {
                            target_heads.push(c);
                        }
                    }
                    _ => {}
                }
            }
        }
        // Words of a phrase trigger stand in its target's place ("sent troops to Kyiv"):
        // their own modifiers come next.
        for w in span.clone() {
            if w != a && !holders.contains(&w) {
                continue;
            }
            for &c in self.kids(w) {
                if span.contains(&c) {
                    for &g in self.kids(c) {
                        if matches!(self.rel(g), "nmod" | "obl") {
                            target_heads.push(g);
                        }
                    }
                }
            }
        }
        r.num_scene = scene.len();
        target_heads.extend(scene);
        if let Some(s) = subject {
            r.pronoun = Some(s).filter(|&s| self.is_pronoun(s));
            self.phrase(s, &mut r.subject);
        }
        for t in target_heads {
            let mut p = Vec::new();
            self.phrase(t, &mut p);
            r.targets.push((t, p));
        }
        r
    }
}

impl Tree<'_> {
    /// The head word of words `range`: the first whose head lies outside it.
    ///
    /// An auxiliary or marker ("must", "to") stands for the verb it belongs to.
    pub(crate) fn top(&self, range: std::ops::Range<usize>) -> usize {
        let w = range
            .clone()
            .find(|&w| self.head(w).is_none_or(|h| !range.contains(&h)))
            .unwrap_or(range.start);
        match self.rel(w) {
            "aux" | "aux:pass" | "cop" | "mark" => self.head(w).unwrap_or(w),
            _ => w,
        }
    }

    /// Whether the subordinate clause headed by verb `v` reports an act: it names its own
    /// subject ("when the rebels shot down …") or is a bare participle ("…, arresting
    /// opponents"), not an infinitive modifying a noun ("what territory to defend") nor an
    /// alternative ("instead of de-escalating").
    pub(crate) fn reports_act(&self, v: usize, words: &[Word<'_>]) -> bool {
        let marked = |is_mark: &dyn Fn(&str) -> bool| {
            self.kids(v).iter().any(|&c| {
                matches!(self.rel(c), "mark" | "case" | "advmod")
                    && words.get(c).is_some_and(|w| is_mark(&w.lower))
            })
        };
        let alternative = marked(&|w| is_event_word(EventClass::AlternativeMark, w));
        // "When asked what …": a reduced adverbial clause frames the main one.
        let reduced = marked(&|w| is_event_word(EventClass::ReducedMark, w));
        let purpose = self.rel(v) == "acl" && marked(&|w| w == "to");
        self.child(v, &["nsubj", "nsubj:pass", "csubj", "expl"])
            .is_some()
            || !(alternative || purpose || reduced)
    }

    /// Whether actor words `start..end` are a bare modifier or a possessed instrument of the
    /// target phrase headed by `head` ("*military* aid", "*its* troops"): the acting side's own
    /// means, not what is acted upon.
    pub(crate) fn own_means(&self, head: usize, start: usize, end: usize) -> bool {
        let covers = (start..end).contains(&head);
        let premodifier = !covers && end <= head;
        let possessed = covers
            && self.kids(head).iter().any(|&c| {
                self.rel(c) == "nmod:poss"
                    && self.nodes.get(c).is_some_and(|n| n.upos == Upos::Pron)
            });
        premodifier || possessed
    }

    /// The subject of the verb that reports or asks for the clause of word `a` ("X said Y
    /// must leave" → X), for demands put as obligations.
    pub(crate) fn reporter_subject(&self, a: usize) -> Option<usize> {
        let mut w = a;
        for _ in 0..MAX_DEPTH {
            match self.rel(w) {
                "conj" | "xcomp" => w = self.head(w)?,
                "ccomp" | "parataxis" => return self.subject_of(self.head(w)?),
                _ => return None,
            }
        }
        None
    }

    /// Whether word `w` is a pronoun.
    pub(crate) fn is_pronoun(&self, w: usize) -> bool {
        self.nodes.get(w).is_some_and(|n| n.upos == Upos::Pron)
    }

    /// The words of the phrase headed by word `w`, without the clauses it governs.
    pub(crate) fn phrase_of(&self, w: usize) -> Vec<usize> {
        let mut out = Vec::new();
        self.phrase(w, &mut out);
        out
    }

    /// Whether verb `v` has an open clausal complement whose verb's lemma is in `class`
    /// ("declined to comment").
    pub(crate) fn complement_in(&self, v: usize, class: EventClass) -> bool {
        self.child(v, &["xcomp"])
            .is_some_and(|c| is_event_word(class, &self.lemma(c).to_lowercase()))
    }

    /// Whether verb `v` has a direct object, and no word of `class` among the lemmas of its
    /// object and obliques ("deploying renewable energy": no force deployed; "deploy People's
    /// Liberation Army forces" keeps its forces wherever the parse hangs them).
    pub(crate) fn object_lacks(&self, v: usize, class: EventClass) -> bool {
        if self.child(v, &["obj"]).is_none() {
            return false;
        }
        let named = |&k: &usize| {
            matches!(self.rel(k), "obj" | "obl" | "iobj")
                && self
                    .phrase_of(k)
                    .iter()
                    .any(|&w| is_event_word(class, &self.lemma(w).to_lowercase()))
        };
        !self.kids(v).iter().any(named)
    }
}

#[cfg(test)]
mod tests;
