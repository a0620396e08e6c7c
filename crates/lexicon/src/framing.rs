//! The framing word lists: hedges, distancing labels ("so-called"), naming words and loaded
//! terms, read from `data/framing_hedges.tsv`, `data/framing_so_called.txt`,
//! `data/framing_naming_words.txt` and `data/loaded_terms.tsv` (their columns are documented in
//! each file's header).

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

use crate::load::{rows, with_lower, words};

/// How a hedge is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HedgeForm {
    /// One word, matched on its form ("allegedly").
    Adverb,
    /// One word, matched only when tagged as an adjective ("the alleged attack").
    Adj,
    /// A verb lemma, matched only where the verb reports a subject's statement ("claimed").
    Verb,
    /// A sequence of words ("without evidence").
    Phrase,
}

/// What a multi-word phrase of the framing lists marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhraseKind {
    /// A hedge phrase ("could not be independently verified").
    Hedge,
    /// A distancing label written as several tokens ("so - called").
    SoCalled,
    /// A loaded term of several words ("witch hunt"); look it up with
    /// [`FramingLexicon::loaded`].
    Loaded,
}

/// A multi-word entry of the framing lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// The entry as written in its file ("witch hunt").
    pub term: &'static str,
    /// Its lower-case token forms, in order.
    pub words: Vec<&'static str>,
    /// What it marks.
    pub kind: PhraseKind,
}

/// One entry of the loaded-terms list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedTerm {
    /// The lemma or phrase ("regime", "witch hunt").
    pub term: &'static str,
    /// The universal part of speech a one-word term must carry; `None` for any.
    pub pos: Option<&'static str>,
    /// Why it is loaded: delegitimising, dismissive, pejorative, emotive or partisan.
    pub category: &'static str,
    /// What a neutral report would write instead.
    pub neutral: &'static str,
    /// Modifier lemmas that make the word neutral ("sanctions" regime); `"NOUN"` stands for
    /// any common-noun compound.
    pub neutral_modifiers: Vec<&'static str>,
}

/// The framing word lists, parsed once.
#[derive(Debug)]
pub struct FramingLexicon {
    hedge_words: FxHashMap<&'static str, HedgeForm>,
    hedge_verbs: FxHashSet<&'static str>,
    so_called: FxHashSet<&'static str>,
    naming: FxHashSet<&'static str>,
    loaded: FxHashMap<&'static str, LoadedTerm>,
    /// Multi-word entries by their first word, longest first.
    phrases: FxHashMap<&'static str, Vec<Phrase>>,
    /// Every one-word entry and first word of a phrase: one look-up rules out most tokens.
    listed: FxHashSet<&'static str>,
}

static FRAMING: LazyLock<FramingLexicon> = LazyLock::new(FramingLexicon::build);

impl FramingLexicon {
    /// The shared framing lists, parsed on first use and kept for the process.
    pub fn get() -> &'static FramingLexicon {
        &FRAMING
    }

    fn build() -> FramingLexicon {
        let mut lex = FramingLexicon {
            hedge_words: FxHashMap::default(),
            hedge_verbs: FxHashSet::default(),
            so_called: FxHashSet::default(),
            naming: words(include_str!("../data/framing_naming_words.txt")).collect(),
            loaded: FxHashMap::default(),
            phrases: FxHashMap::default(),
            listed: FxHashSet::default(),
        };
        for r in rows(include_str!("../data/framing_hedges.tsv")) {
            let (phrase, form) = match r[..] {
                [phrase, form, ..] => (phrase, form),
                _ => continue,
            };
            match form {
                "adverb" => {
                    lex.hedge_words.insert(phrase, HedgeForm::Adverb);
                }
                "adj" => {
                    lex.hedge_words.insert(phrase, HedgeForm::Adj);
                }
                "verb" => {
                    lex.hedge_verbs.insert(phrase);
                }
                "phrase" => lex.add_phrase(phrase, PhraseKind::Hedge),
                _ => {}
            }
        }
        for form in words(include_str!("../data/framing_so_called.txt")) {
            if form.contains(' ') {
                lex.add_phrase(form, PhraseKind::SoCalled);
            } else {
                lex.so_called.insert(form);
            }
        }
        for r in rows(include_str!("../data/loaded_terms.tsv")) {
            let [term, pos, category, neutral, ref rest @ ..] = r[..] else {
                continue;
            };
            let neutral_modifiers = rest
                .first()
                .map(|m| {
                    m.split(',')
                        .map(str::trim)
                        .filter(|m| !m.is_empty())
                        .collect()
                })
                .unwrap_or_default();
            let entry = LoadedTerm {
                term,
                pos: (pos != "any").then_some(pos),
                category,
                neutral,
                neutral_modifiers,
            };
            if term.contains(' ') || term.contains('-') {
                lex.add_phrase(term, PhraseKind::Loaded);
            }
            lex.loaded.insert(term, entry);
        }
        for list in lex.phrases.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
        lex.listed = (lex.hedge_words.keys())
            .chain(&lex.hedge_verbs)
            .chain(&lex.so_called)
            .chain(lex.loaded.keys())
            .chain(lex.phrases.keys())
            .copied()
            .collect();
        lex
    }

    /// Adds `term` as a phrase of its space-separated words and, when it holds a hyphen, also
    /// as the tokens UD splits a hyphenated word into ("job-killing" → "job - killing").
    fn add_phrase(&mut self, term: &'static str, kind: PhraseKind) {
        let whole: Vec<&'static str> = term.split(' ').collect();
        let split: Vec<&'static str> = whole
            .iter()
            .flat_map(|w| {
                w.split('-').enumerate().flat_map(|(i, piece)| {
                    if i == 0 {
                        vec![piece]
                    } else {
                        vec!["-", piece]
                    }
                })
            })
            .collect();
        for words in [whole, split] {
            let Some(&first) = words.first() else {
                continue;
            };
            let list = self.phrases.entry(first).or_default();
            if words.len() > 1 && !list.iter().any(|p| p.words == words) {
                list.push(Phrase { term, words, kind });
            }
        }
    }

    /// Whether `word` is a one-word entry of any framing list or the first word of a phrase:
    /// when it is not, none of the other look-ups can match it.
    pub fn is_listed(&self, word: &str) -> bool {
        with_lower(word, |w| self.listed.contains(w))
    }

    /// The entry and hedge form of one word ("allegedly" → adverb, "alleged" → adjective), if
    /// it is one.
    pub fn hedge_word(&self, word: &str) -> Option<(&'static str, HedgeForm)> {
        with_lower(word, |w| {
            self.hedge_words.get_key_value(w).map(|(k, f)| (*k, *f))
        })
    }

    /// The entry for `lemma` when it is a verb that hedges as it reports a statement ("claim").
    pub fn hedge_verb(&self, lemma: &str) -> Option<&'static str> {
        with_lower(lemma, |w| self.hedge_verbs.get(w).copied())
    }

    /// The entry for one token that is a distancing label ("so-called", "self-styled").
    pub fn so_called(&self, word: &str) -> Option<&'static str> {
        with_lower(word, |w| self.so_called.get(w).copied())
    }

    /// Whether quotation marks right after `word` name a term rather than frame it
    /// (`dubbed "Londongrad"`, `the word "genocide"`).
    pub fn is_naming_word(&self, word: &str) -> bool {
        with_lower(word, |w| self.naming.contains(w))
    }

    /// The loaded-term entry for a lemma, a word form or a phrase, if listed.
    pub fn loaded(&self, term: &str) -> Option<&LoadedTerm> {
        with_lower(term, |w| self.loaded.get(w))
    }

    /// Multi-word entries whose first lower-case word is `first`, longest first.
    pub fn phrases(&self, first: &str) -> &[Phrase] {
        with_lower(first, |w| self.phrases.get(w).map(Vec::as_slice)).unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_hedges_by_form() {
        let lex = FramingLexicon::get();
        assert_eq!(
            lex.hedge_word("Allegedly"),
            Some(("allegedly", HedgeForm::Adverb))
        );
        assert_eq!(lex.hedge_word("alleged"), Some(("alleged", HedgeForm::Adj)));
        assert_eq!(lex.hedge_word("said"), None);
        assert_eq!(lex.hedge_verb("claim"), Some("claim"));
        assert_eq!(lex.hedge_verb("say"), None);
    }

    #[test]
    fn reads_phrases_longest_first() {
        let lex = FramingLexicon::get();
        let without = lex.phrases("without");
        assert!(without.len() >= 2);
        assert!(without
            .windows(2)
            .all(|w| w[0].words.len() >= w[1].words.len()));
        assert!(without.iter().all(|p| p.kind == PhraseKind::Hedge));
        assert!(lex
            .phrases("witch")
            .iter()
            .any(|p| p.kind == PhraseKind::Loaded && p.term == "witch hunt"));
        assert!(lex
            .phrases("so")
            .iter()
            .any(|p| p.kind == PhraseKind::SoCalled));
        assert!(lex.phrases("the").is_empty());
        assert!(lex.is_listed("Without") && lex.is_listed("regime") && lex.is_listed("claim"));
        assert!(!lex.is_listed("the"));
        assert!(lex
            .phrases("job")
            .iter()
            .any(|p| p.words == ["job", "-", "killing"] && p.term == "job-killing"));
    }

    #[test]
    fn reads_loaded_terms_with_their_columns() {
        let lex = FramingLexicon::get();
        let regime = lex.loaded("regime").expect("listed");
        assert_eq!(regime.pos, Some("NOUN"));
        assert_eq!(regime.category, "delegitimising");
        assert!(regime.neutral_modifiers.contains(&"sanctions"));
        assert!(lex.loaded("Baseless").is_some());
        assert!(lex.loaded("witch hunt").is_some_and(|t| t.pos.is_none()));
        assert!(lex.loaded("government").is_none());
        assert_eq!(lex.so_called("So-called"), Some("so-called"));
        assert!(lex.is_naming_word("dubbed"));
        assert!(!lex.is_naming_word("invasion"));
    }
}
