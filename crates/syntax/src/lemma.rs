//! Lemmas by rule and lookup, after the tagger has chosen a word's UPOS and XPOS.
//!
//! Rules undo regular English inflection: plural `-s`/`-es`/`-ies`/`-ves`/`-men`, verb
//! `-s`/`-ed`/`-ing` (with consonant doubling undone and a silent `e` restored), comparative
//! and superlative `-er`/`-est`, digit-group commas in numbers. Where a rule has several
//! candidates ("hoped" → "hope"/"hop"), the lemmas of the training treebank decide (words are
//! checked against the verbs, nouns and adjectives/adverbs seen there); otherwise a spelling
//! heuristic does. An exceptions table, learnt from the treebank, keeps every lowercased form
//! (proper nouns: the form as written) and XPOS whose lemma the rules get wrong (`was`/VBD →
//! `be`, `me`/PRP → `I`, `n't` → `not`, `people`/NNS → `person`). Proper nouns keep their
//! case (a lowercase one is capitalised), all-capital acronyms too; other lemmas are
//! lowercase, as in UD English EWT and GUM.

use std::collections::{HashMap, HashSet};

use storyline_learn::hash_str;
use storyline_record::{Upos, Xpos};

use crate::conllu::Sentence;
use spelling::{doubled, is_acronym, needs_e, number, proper, with_case_of};

pub(crate) use spelling::{ascii_quote, normalise};

mod spelling;

/// Which list of known lemmas a rule checks its candidates against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Verb = 0,
    Noun = 1,
    Adj = 2,
}

/// Rules plus the exceptions and known lemmas learnt from a treebank.
#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    /// (key form, XPOS) key → lemma.
    exceptions: HashMap<u64, String>,
    /// The same, in key order of (form, XPOS name) (what the model file stores).
    exception_list: Vec<(String, String, String)>,
    /// Known lemmas per class, hashed with the class.
    known: HashSet<u64>,
    /// The same as lists (verbs, nouns, adjectives and adverbs), sorted.
    known_lists: [Vec<String>; 3],
}

/// The form an exception is keyed by: as written for proper nouns (their case matters),
/// lowercased otherwise.
fn key_form<'a>(form: &'a str, lower: &'a str, xpos: Xpos) -> &'a str {
    if matches!(xpos.name(), "NNP" | "NNPS") {
        form
    } else {
        lower
    }
}

fn exception_key(lower: &str, xpos: Xpos) -> u64 {
    hash_str(lower) ^ (xpos.index() as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

fn known_key(lemma: &str, class: Class) -> u64 {
    hash_str(lemma) ^ (class as u64 + 1).wrapping_mul(0xc2b2_ae3d_27d4_eb4f)
}

impl Lemmatizer {
    /// Rules only: no exceptions, no known lemmas.
    pub fn rules_only() -> Lemmatizer {
        Lemmatizer::default()
    }

    fn is_known(&self, lemma: &str, class: Class) -> bool {
        self.known.contains(&known_key(lemma, class))
    }

    /// `default` if it is a known lemma, else the first known of `others`, else `default`.
    fn choose(&self, default: String, others: &[String], class: Class) -> String {
        if self.is_known(&default, class) {
            return default;
        }
        others
            .iter()
            .find(|c| self.is_known(c, class))
            .cloned()
            .unwrap_or(default)
    }

    /// The base of a stem left by cutting an inflection: doubling undone, silent e restored.
    fn restore(&self, s: &str, class: Class) -> String {
        // Without its last character (not byte: "sauté" ends in two bytes).
        let undoubled = s.char_indices().last().map_or(s, |(i, _)| &s[..i]);
        let default = if doubled(s) {
            undoubled.to_string()
        } else if needs_e(s) {
            format!("{s}e")
        } else {
            s.to_string()
        };
        let others = [s.to_string(), format!("{s}e"), undoubled.to_string()];
        self.choose(default, &others, class)
    }

    /// Verb base of a `-ed` form (VBD, VBN).
    fn base_of_ed(&self, w: &str) -> String {
        let n = w.len();
        if n > 4 && w.ends_with("ied") {
            let y = format!("{}y", &w[..n - 3]);
            return self.choose(y, &[w[..n - 1].to_string()], Class::Verb);
        }
        if w.ends_with("ied") || w.ends_with("eed") {
            return w[..n - 1].to_string();
        }
        if n > 3 && w.ends_with("ed") {
            return self.restore(&w[..n - 2], Class::Verb);
        }
        if n > 3 && w.ends_with("en") {
            let others = [w[..n - 1].to_string(), w[..n - 2].to_string()];
            return self.choose(w.to_string(), &others, Class::Verb);
        }
        w.to_string()
    }

    /// Verb base of a `-ing` form (VBG).
    fn base_of_ing(&self, w: &str) -> String {
        let n = w.len();
        if n > 4 && w.ends_with("ing") {
            let s = &w[..n - 3];
            if s.ends_with('y') || s.ends_with("ee") {
                return s.to_string();
            }
            return self.restore(s, Class::Verb);
        }
        w.to_string()
    }

    /// Singular or base of a `-s` form: plural nouns (NNS, NNPS) and third-person verbs (VBZ).
    fn base_of_s(&self, w: &str, class: Class) -> String {
        let n = w.len();
        let cut = |k: usize| w[..n - k].to_string();
        if class == Class::Noun && n > 3 && w.ends_with("men") {
            return format!("{}man", &w[..n - 3]);
        }
        if !w.ends_with('s') || n < 3 || w.ends_with("ss") {
            return w.to_string();
        }
        if w.ends_with("ies") {
            if n > 4 {
                return self.choose(format!("{}y", cut(3)), &[cut(1)], class);
            }
            return cut(1);
        }
        if class == Class::Noun && w.ends_with("ves") {
            let stem = cut(3);
            let f = [cut(1), format!("{stem}f"), format!("{stem}fe")];
            let default = if stem.ends_with('l') || stem.ends_with("ea") {
                f[1].clone()
            } else {
                f[0].clone()
            };
            return self.choose(default, &f, class);
        }
        let es = ["sses", "shes", "ches", "xes", "zzes"];
        if es.iter().any(|e| w.ends_with(e)) || (class == Class::Verb && w.ends_with("oes")) {
            return self.choose(cut(2), &[cut(1)], class);
        }
        if w.ends_with("oes") && n > 5 {
            return self.choose(cut(2), &[cut(1)], class);
        }
        if class == Class::Noun && (w.ends_with("us") || w.ends_with("is")) {
            return w.to_string();
        }
        if w.ends_with("ses") || w.ends_with("zes") {
            return self.choose(cut(1), &[cut(2)], class);
        }
        self.choose(cut(1), &[], class)
    }

    /// Positive of a comparative (`er`) or superlative (`est`) adjective or adverb.
    fn base_of_degree(&self, w: &str, suffix: &str) -> String {
        let n = w.len();
        if n <= suffix.len() + 2 || !w.ends_with(suffix) {
            return w.to_string();
        }
        let s = &w[..n - suffix.len()];
        if let Some(i) = s.strip_suffix('i') {
            return self.choose(format!("{i}y"), &[], Class::Adj);
        }
        self.restore(s, Class::Adj)
    }

    /// The lemma by rules alone (with the known-lemma lists deciding between candidates).
    fn rule(&self, form: &str, lower: &str, upos: Upos, xpos: Xpos) -> String {
        let keeps_case = upos == Upos::Propn || matches!(xpos.name(), "NNP" | "NNPS");
        let lemma = match xpos.name() {
            "NNP" => return proper(form),
            "NNPS" => {
                return proper(&with_case_of(
                    form,
                    lower,
                    self.base_of_s(lower, Class::Noun),
                ))
            }
            "NN" if is_acronym(form) && !self.is_known(lower, Class::Noun) => {
                return form.to_string()
            }
            "NNS" => self.base_of_s(lower, Class::Noun),
            "VBZ" => self.base_of_s(lower, Class::Verb),
            "VBD" | "VBN" => self.base_of_ed(lower),
            "VBG" => self.base_of_ing(lower),
            "JJR" | "RBR" => self.base_of_degree(lower, "er"),
            "JJS" | "RBS" => self.base_of_degree(lower, "est"),
            "CD" => return number(form),
            _ if matches!(upos, Upos::Punct | Upos::Sym) => return form.to_string(),
            _ if keeps_case => return form.to_string(),
            _ => return lower.to_string(),
        };
        if keeps_case {
            with_case_of(form, lower, lemma)
        } else {
            lemma
        }
    }

    /// The lemma of `form` tagged `upos`/`xpos`.
    pub fn lemma(&self, form: &str, upos: Upos, xpos: Xpos) -> String {
        let form = normalise(form);
        let lower = form.to_lowercase();
        let key = exception_key(key_form(&form, &lower, xpos), xpos);
        if let Some(l) = self.exceptions.get(&key) {
            return l.clone();
        }
        self.rule(&form, &lower, upos, xpos)
    }

    /// Learns known lemmas and exceptions from gold-annotated sentences (LEMMA, UPOS and XPOS
    /// columns; words whose tags are not in the inventories are skipped). Deterministic.
    pub fn learn(sentences: &[Sentence]) -> Lemmatizer {
        let mut lists: [Vec<String>; 3] = Default::default();
        let mut lemmas = Vec::new();
        for w in sentences.iter().flat_map(|s| &s.words) {
            let (Some(upos), Some(_)) = (Upos::parse(&w.upos), Xpos::parse(&w.xpos)) else {
                continue;
            };
            let class = match upos {
                Upos::Verb | Upos::Aux => Class::Verb,
                Upos::Noun => Class::Noun,
                Upos::Adj | Upos::Adv => Class::Adj,
                _ => continue,
            };
            let lemma = w.lemma.to_lowercase();
            if lemma != "_" && lemma.chars().all(|c| c.is_alphabetic() || c == '-') {
                lemmas.push((class, lemma));
            }
        }
        for (class, lemma) in lemmas {
            lists[class as usize].push(lemma);
        }
        for l in &mut lists {
            l.sort();
            l.dedup();
        }
        let mut out = Lemmatizer::from_tables(Vec::new(), lists);
        // Per (key form, XPOS): how often each gold lemma, and how often the rules are
        // right.
        type Tally = (HashMap<String, usize>, usize);
        let mut tallies: HashMap<(String, String), Tally> = HashMap::new();
        for w in sentences.iter().flat_map(|s| &s.words) {
            let (Some(upos), Some(xpos)) = (Upos::parse(&w.upos), Xpos::parse(&w.xpos)) else {
                continue;
            };
            if w.lemma == "_" {
                continue;
            }
            let form = normalise(&w.form);
            let lower = form.to_lowercase();
            let gold = normalise(&w.lemma);
            let right = out.rule(&form, &lower, upos, xpos) == gold;
            let key = key_form(&form, &lower, xpos).to_string();
            let t = tallies.entry((key, xpos.name().to_string())).or_default();
            *t.0.entry(gold).or_default() += 1;
            t.1 += right as usize;
        }
        let mut exceptions: Vec<(String, String, String)> = tallies
            .into_iter()
            .filter_map(|((lower, xpos), (golds, rule_right))| {
                let (lemma, count) = golds
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))?;
                (count > rule_right).then_some((lower, xpos, lemma))
            })
            .collect();
        exceptions.sort();
        out.set_exceptions(exceptions);
        out
    }

    fn from_tables(exceptions: Vec<(String, String, String)>, lists: [Vec<String>; 3]) -> Self {
        let mut known = HashSet::new();
        for (class, list) in [Class::Verb, Class::Noun, Class::Adj].iter().zip(&lists) {
            known.extend(list.iter().map(|l| known_key(l, *class)));
        }
        let mut out = Lemmatizer {
            exceptions: HashMap::new(),
            exception_list: Vec::new(),
            known,
            known_lists: lists,
        };
        out.set_exceptions(exceptions);
        out
    }

    fn set_exceptions(&mut self, list: Vec<(String, String, String)>) {
        self.exceptions = list
            .iter()
            .filter_map(|(lower, xpos, lemma)| {
                Some((exception_key(lower, Xpos::parse(xpos)?), lemma.clone()))
            })
            .collect();
        self.exception_list = list;
    }

    /// Number of exceptions.
    pub fn n_exceptions(&self) -> usize {
        self.exception_list.len()
    }

    /// The tables as JSON, for a model file's meta.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "exceptions": self.exception_list,
            "verbs": self.known_lists[0],
            "nouns": self.known_lists[1],
            "adjectives": self.known_lists[2],
        })
    }

    /// Reads the tables written by [`Lemmatizer::to_json`].
    pub fn from_json(v: &serde_json::Value) -> Result<Lemmatizer, serde_json::Error> {
        let exceptions: Vec<(String, String, String)> =
            serde_json::from_value(v["exceptions"].clone())?;
        let list = |k: &str| serde_json::from_value::<Vec<String>>(v[k].clone());
        let lists = [list("verbs")?, list("nouns")?, list("adjectives")?];
        Ok(Lemmatizer::from_tables(exceptions, lists))
    }
}

#[cfg(test)]
mod tests;
